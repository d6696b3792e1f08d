#include "config.h"

#include <locale.h>

#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "ivd-directory-editor.h"
#include "ivd-directory-fields.h"
#include "ivd-test-editor.h"

/* The coordinator's municipality directory editor in a plain window on a
 * real display (Xvfb), on a directory file in a temporary folder: every
 * field of a municipality, autosave into the file, codes refused with
 * their reason, search and region filter, export, and import after a
 * list of the changes. The suite runs it in English and, with
 * IVD_TEST_DANISH set, in Danish: every label is looked up translated. */

#define HEAD "{\"format\": \"iv-discharge-directory/1\", \"municipalities\": ["

typedef struct
{
  char               *dir;
  char               *path;
  IvdCatalog         *catalog;
  GtkWindow          *window;
  IvdDirectoryEditor *editor;
} Fixture;

static gboolean
danish (void)
{
  return g_getenv ("IVD_TEST_DANISH") != NULL;
}

/* With @directory_json as the directory file, or none. */
static void
set_up (Fixture    *f,
        const char *directory_json)
{
  f->dir = g_dir_make_tmp ("ivd-direditor-XXXXXX", NULL);
  g_assert_nonnull (f->dir);
  f->path = g_build_filename (f->dir, "iv-discharge", "municipality-directory.json", NULL);
  if (directory_json != NULL)
    {
      g_autofree char *folder = g_path_get_dirname (f->path);

      g_assert_cmpint (g_mkdir_with_parents (folder, 0700), ==, 0);
      g_assert_true (g_file_set_contents (f->path, directory_json, -1, NULL));
    }
  f->catalog = ivd_test_catalog ();
  f->window = GTK_WINDOW (gtk_window_new ());
  gtk_window_set_default_size (f->window, 1000, 720);
  f->editor = ivd_directory_editor_new (f->catalog, f->path);
  gtk_window_set_child (f->window, GTK_WIDGET (f->editor));
  gtk_window_present (f->window);
  ivd_test_editor_run (50);
}

static void
close_dialogs (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = g_list_model_get_n_items (toplevels); i > 0; i--)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i - 1);

      if (ADW_IS_MESSAGE_DIALOG (window))
        gtk_window_destroy (window);
    }
}

/* The editor goes; what waits to be saved is saved. */
static void
close_window (Fixture *f)
{
  close_dialogs ();
  g_clear_pointer (&f->window, gtk_window_destroy);
  ivd_test_editor_run (20);
}

static void
tear_down (Fixture *f)
{
  close_window (f);
  g_clear_object (&f->catalog);
  ivd_test_remove_tree (f->dir);
  g_free (f->dir);
  g_free (f->path);
}

static GtkWidget *
row (Fixture    *f,
     const char *title)
{
  GtkWidget *found = ivd_test_editor_find_row (GTK_WIDGET (f->editor), title);

  g_assert_nonnull (found);
  return found;
}

static GtkWidget *
field_row (Fixture    *f,
           const char *property)
{
  return row (f, ivd_directory_field_get_title (ivd_directory_fields_lookup (property)));
}

static char *
read_file (Fixture *f)
{
  char *contents = NULL;

  g_file_get_contents (f->path, &contents, NULL, NULL);
  return contents;
}

/* Until the directory file holds @text: the editor saves a moment after
 * the last edit. */
static void
wait_for_file (Fixture    *f,
               const char *text)
{
  gint64 end = g_get_monotonic_time () + 5 * G_USEC_PER_SEC;

  while (g_get_monotonic_time () < end)
    {
      g_autofree char *contents = read_file (f);

      if (contents != NULL && strstr (contents, text) != NULL)
        return;
      ivd_test_editor_run (20);
    }
  g_error ("the directory file never held “%s”", text);
}

static IvdDirectory *
read_directory (Fixture *f)
{
  g_autoptr(GError) error = NULL;
  IvdDirectory *directory = ivd_directory_new_from_file (f->catalog, f->path, &error);

  g_assert_no_error (error);
  return directory;
}

/* The municipality list, not the region drop-down's own list. */
static GtkWidget *
find_list_view (GtkWidget *root)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found;

      if (GTK_IS_DROP_DOWN (child))
        continue;
      if (GTK_IS_LIST_VIEW (child))
        return child;
      if ((found = find_list_view (child)) != NULL)
        return found;
    }
  return NULL;
}

static guint
n_listed (Fixture *f)
{
  GtkListView *list = GTK_LIST_VIEW (find_list_view (GTK_WIDGET (f->editor)));

  return g_list_model_get_n_items (G_LIST_MODEL (gtk_list_view_get_model (list)));
}

static AdwMessageDialog *
find_dialog (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (ADW_IS_MESSAGE_DIALOG (window) && gtk_widget_get_visible (GTK_WIDGET (window)))
        return ADW_MESSAGE_DIALOG (window);
    }
  return NULL;
}

/* Presses the dialog's button for @label, as a click does: it answers
 * and closes. */
static GtkWidget *
find_button (GtkWidget  *root,
             const char *label)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found;

      if (GTK_IS_BUTTON (child) && g_strcmp0 (gtk_button_get_label (GTK_BUTTON (child)), label) == 0)
        return child;
      if ((found = find_button (child, label)) != NULL)
        return found;
    }
  return NULL;
}

static void
press (GtkWidget  *root,
       const char *label)
{
  GtkWidget *button = find_button (root, label);

  g_assert_nonnull (button);
  g_signal_emit_by_name (button, "clicked");
}

static char *
import_file (Fixture    *f,
             const char *json)
{
  char *path = g_build_filename (f->dir, "region.json", NULL);

  g_assert_true (g_file_set_contents (path, json, -1, NULL));
  return path;
}

/* The translations are there in the Danish run. */
static void
test_language (void)
{
  if (danish ())
    {
      g_assert_cmpstr (_("not filled in"), ==, "ikke udfyldt");
      g_assert_cmpstr (_("Expected courses per year"), !=, "Expected courses per year");
      g_assert_cmpstr (_("Search municipalities"), !=, "Search municipalities");
    }
  else
    g_assert_cmpstr (_("not filled in"), ==, "not filled in");
}

/* All 98 listed; every field of the chosen one, "not filled in" where empty. */
static void
test_rows (void)
{
  Fixture f = { 0 };
  GtkWidget *group;

  set_up (&f, HEAD "{\"code\": \"101\", \"visitation_phone\": \"+45 00 00 00 09\", \"iv_in_clinic\": true,"
                   " \"expected_courses_per_year\": 1200}]}");
  g_assert_cmpuint (n_listed (&f), ==, 98);
  g_assert_nonnull (ivd_test_editor_find_label (GTK_WIDGET (f.editor), _("Choose a Municipality")));

  g_assert_true (ivd_directory_editor_select (f.editor, "101"));
  for (guint i = 0; i < ivd_directory_fields_get_n (); i++)
    g_assert_true (gtk_widget_get_mapped (row (&f, ivd_directory_field_get_title (ivd_directory_fields_get (i)))));
  group = gtk_widget_get_ancestor (field_row (&f, "visitation-phone"), ADW_TYPE_PREFERENCES_GROUP);
  g_assert_cmpstr (adw_preferences_group_get_title (ADW_PREFERENCES_GROUP (group)), ==, "Københavns Kommune");

  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (field_row (&f, "visitation-phone"))), ==, "+45 00 00 00 09");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (field_row (&f, "expected-courses-per-year"))), ==, "1200");
  g_assert_null (ivd_test_editor_find_label (field_row (&f, "visitation-phone"), _("not filled in")));
  g_assert_nonnull (ivd_test_editor_find_label (field_row (&f, "acute-team-phone"), _("not filled in")));
  g_assert_nonnull (ivd_test_editor_find_label (field_row (&f, "ean"), _("not filled in")));
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (field_row (&f, "iv-in-clinic"))), ==, "");
  {
    g_autofree char *filled = g_strdup_printf (_("%u of %u filled in"), 3, ivd_directory_fields_get_n ());

    g_assert_nonnull (ivd_test_editor_find_label (GTK_WIDGET (f.editor), filled));
  }

  /* Another municipality: nothing invented. */
  g_assert_true (ivd_directory_editor_select (f.editor, "851"));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (field_row (&f, "visitation-phone"))), ==, "");
  g_assert_nonnull (ivd_test_editor_find_label (field_row (&f, "visitation-phone"), _("not filled in")));
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (field_row (&f, "iv-in-clinic"))), ==,
                   _("not filled in"));
  g_assert_nonnull (ivd_test_editor_find_label (field_row (&f, "expected-courses-per-year"), _("not filled in")));
  tear_down (&f);
}

/* Typing reaches the file a moment later, through the file as it is on
 * disk: what another window saved meanwhile stays. */
static void
test_autosave (void)
{
  Fixture f = { 0 };
  g_autoptr(IvdDirectory) directory = NULL;
  GStatBuf info;

  set_up (&f, NULL);
  g_assert_false (g_file_test (f.path, G_FILE_TEST_EXISTS));
  ivd_directory_editor_select (f.editor, "851");

  /* The doctor's contact page saves 101 after the editor opened. */
  {
    g_autoptr(IvdDirectory) other = ivd_directory_new ();
    g_autoptr(GError) error = NULL;

    g_object_set (ivd_directory_ensure_entry (other, "101"), "notes", "Fra lægens side", NULL);
    g_assert_true (ivd_directory_save_entry (other, f.catalog, f.path, "101", &error));
    g_assert_no_error (error);
  }

  gtk_editable_set_text (GTK_EDITABLE (field_row (&f, "visitation-phone")), "+45 00 00 08 51");
  g_assert_null (ivd_test_editor_find_label (field_row (&f, "visitation-phone"), _("not filled in")));
  gtk_editable_set_text (GTK_EDITABLE (field_row (&f, "expected-courses-per-year")), "1800");
  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (ivd_test_editor_find_by_type (field_row (&f, "iv-in-clinic"),
                                                                                 GTK_TYPE_TOGGLE_BUTTON)), TRUE);
  wait_for_file (&f, "+45 00 00 08 51");

  g_assert_cmpint (g_stat (f.path, &info), ==, 0);
  g_assert_cmpint (info.st_mode & 0777, ==, 0600);
  directory = read_directory (&f);
  g_assert_cmpstr (ivd_directory_entry_get_visitation_phone (ivd_directory_lookup (directory, "851")), ==,
                   "+45 00 00 08 51");
  g_assert_cmpuint (ivd_directory_entry_get_expected_courses_per_year (ivd_directory_lookup (directory, "851")), ==,
                    1800);
  g_assert_true (ivd_directory_entry_get_iv_in_clinic (ivd_directory_lookup (directory, "851")));
  g_assert_null (ivd_directory_entry_get_acute_team_phone (ivd_directory_lookup (directory, "851")));
  g_assert_cmpstr (ivd_directory_entry_get_notes (ivd_directory_lookup (directory, "101")), ==, "Fra lægens side");
  /* The editor took the other window's entry too. */
  g_assert_true (ivd_directory_editor_select (f.editor, "101"));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (field_row (&f, "notes"))), ==, "Fra lægens side");

  /* Pressing the answer again clears it: "not filled in", not "no". */
  g_assert_true (ivd_directory_editor_select (f.editor, "851"));
  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (ivd_test_editor_find_by_type (field_row (&f, "iv-in-clinic"),
                                                                                 GTK_TYPE_TOGGLE_BUTTON)), FALSE);
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (field_row (&f, "iv-in-clinic"))), ==,
                   _("not filled in"));
  /* Closing saves what waits. */
  close_window (&f);
  g_clear_object (&directory);
  directory = read_directory (&f);
  g_assert_false (ivd_directory_entry_get_iv_in_clinic_known (ivd_directory_lookup (directory, "851")));
  tear_down (&f);
}

/* A code or number that may not be saved says why and is not saved. */
static void
test_bad_ean (void)
{
  Fixture f = { 0 };
  const IvdDirectoryField *ean_field = ivd_directory_fields_lookup ("ean");
  g_autofree char *problem = NULL;
  g_autofree char *hint = NULL;
  g_autofree char *contents = NULL;
  GtkWidget *ean;
  GtkWidget *courses;
  gboolean typing;

  set_up (&f, HEAD "{\"code\": \"101\", \"notes\": \"x\"}]}");
  ivd_directory_editor_select (f.editor, "101");
  ean = field_row (&f, "ean");

  /* Still typing: the reason, but no error yet. */
  gtk_editable_set_text (GTK_EDITABLE (ean), "57900");
  g_assert_false (gtk_widget_has_css_class (ean, "error"));

  gtk_editable_set_text (GTK_EDITABLE (ean), "5790000000013");
  problem = ivd_directory_field_dup_problem (ean_field, "5790000000013", &typing);
  hint = g_strdup_printf (_("Not saved: %s"), problem);
  g_assert_true (gtk_widget_has_css_class (ean, "error"));
  g_assert_nonnull (ivd_test_editor_find_label (ean, hint));

  courses = field_row (&f, "expected-courses-per-year");
  gtk_editable_set_text (GTK_EDITABLE (courses), "mange");
  g_assert_true (gtk_widget_has_css_class (courses, "error"));

  ivd_test_editor_run (700);
  contents = read_file (&f);
  g_assert_null (strstr (contents, "5790000000013"));
  g_assert_null (strstr (contents, "expected_courses_per_year"));
  g_assert_null (ivd_directory_entry_get_ean (ivd_directory_lookup (ivd_directory_editor_get_directory (f.editor),
                                                                    "101")));

  gtk_editable_set_text (GTK_EDITABLE (ean), "5790000000012");
  g_assert_false (gtk_widget_has_css_class (ean, "error"));
  g_assert_null (ivd_test_editor_find_label (ean, hint));
  wait_for_file (&f, "5790000000012");
  tear_down (&f);
}

/* The search finds by name or code; the region narrows the list. */
static void
test_search (void)
{
  Fixture f = { 0 };
  GtkWidget *search;
  GtkDropDown *regions;
  guint nordjylland = 0;
  const char * const *ids = ivd_catalog_get_region_ids ();

  set_up (&f, NULL);
  search = ivd_test_editor_find_by_type (GTK_WIDGET (f.editor), GTK_TYPE_SEARCH_ENTRY);
  regions = GTK_DROP_DOWN (ivd_test_editor_find_by_type (GTK_WIDGET (f.editor), GTK_TYPE_DROP_DOWN));

  gtk_editable_set_text (GTK_EDITABLE (search), "KØBEN");
  g_signal_emit_by_name (search, "search-changed");
  g_assert_cmpuint (n_listed (&f), ==, 1);
  gtk_editable_set_text (GTK_EDITABLE (search), "851");
  g_signal_emit_by_name (search, "search-changed");
  g_assert_cmpuint (n_listed (&f), ==, 1);
  gtk_editable_set_text (GTK_EDITABLE (search), "zzz");
  g_signal_emit_by_name (search, "search-changed");
  g_assert_cmpuint (n_listed (&f), ==, 0);
  gtk_editable_set_text (GTK_EDITABLE (search), "");
  g_signal_emit_by_name (search, "search-changed");
  g_assert_cmpuint (n_listed (&f), ==, 98);

  while (!g_str_equal (ids[nordjylland], "nordjylland"))
    nordjylland++;
  gtk_drop_down_set_selected (regions, nordjylland + 1);
  g_assert_cmpuint (n_listed (&f), ==, 11);
  gtk_editable_set_text (GTK_EDITABLE (search), "aal");
  g_signal_emit_by_name (search, "search-changed");
  g_assert_cmpuint (n_listed (&f), ==, 1);

  /* Choosing a municipality the filter hides shows it. */
  g_assert_true (ivd_directory_editor_select (f.editor, "101"));
  g_assert_cmpuint (n_listed (&f), ==, 98);
  g_assert_cmpuint (gtk_drop_down_get_selected (regions), ==, 0);
  tear_down (&f);
}

#define REGION_FILE HEAD \
  "{\"code\": \"101\", \"visitation_phone\": \"+45 00 00 00 99\", \"notes\": \"Ny note\"}," \
  "{\"code\": \"147\", \"acute_team_phone\": \"+45 00 00 01 47\"}]}"

#define CURRENT_FILE HEAD \
  "{\"code\": \"101\", \"sor\": \"100000000000002\", \"notes\": \"Gammel note\"}," \
  "{\"code\": \"851\", \"visitation_phone\": \"+45 00 00 08 51\"}]}"

/* The preview lists each change; Cancel changes nothing. */
static void
test_import_cancel (void)
{
  Fixture f = { 0 };
  g_autofree char *path = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(IvdDirectoryChanges) changes = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *title = NULL;
  g_autofree char *subtitle = NULL;
  AdwMessageDialog *dialog;
  GtkWidget *change;

  set_up (&f, CURRENT_FILE);
  ivd_directory_editor_select (f.editor, "101");
  path = import_file (&f, REGION_FILE);
  file = g_file_new_for_path (path);
  before = read_file (&f);

  changes = ivd_directory_editor_preview_import (f.editor, file, &error);
  g_assert_no_error (error);
  /* 101: the phone added, the SOR code removed, the note changed; 147: a phone. */
  g_assert_cmpuint (g_list_model_get_n_items (ivd_directory_changes_get_changes (changes)), ==, 4);
  g_assert_cmpuint (ivd_directory_changes_get_n_municipalities (changes), ==, 2);

  ivd_directory_editor_import_file (f.editor, file);
  dialog = find_dialog ();
  g_assert_nonnull (dialog);
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, _("Import Municipality Details?"));
  title = g_strdup_printf (_("%s: %s"), "Københavns Kommune", _("Visitation phone"));
  change = ivd_test_editor_find_row (GTK_WIDGET (dialog), title);
  g_assert_nonnull (change);
  subtitle = g_strdup_printf (_("%s → %s"), _("(not filled in)"), "+45 00 00 00 99");
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (change)), ==, subtitle);
  g_clear_pointer (&title, g_free);
  g_clear_pointer (&subtitle, g_free);
  title = g_strdup_printf (_("%s: %s"), "Københavns Kommune", _("SOR code"));
  subtitle = g_strdup_printf (_("%s → %s"), "100000000000002", _("(not filled in)"));
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (ivd_test_editor_find_row (GTK_WIDGET (dialog), title))),
                   ==, subtitle);
  g_clear_pointer (&title, g_free);
  {
    g_autofree char *frederiksberg = g_strdup_printf (_("%s Municipality"), "Frederiksberg");

    title = g_strdup_printf (_("%s: %s"), frederiksberg, _("Acute team phone"));
  }
  g_assert_nonnull (ivd_test_editor_find_row (GTK_WIDGET (dialog), title));

  press (GTK_WIDGET (dialog), _("_Cancel"));
  ivd_test_editor_run (100);
  g_assert_null (find_dialog ());
  after = read_file (&f);
  g_assert_cmpstr (after, ==, before);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (field_row (&f, "notes"))), ==, "Gammel note");
  g_assert_null (ivd_directory_entry_get_acute_team_phone (
                   ivd_directory_lookup (ivd_directory_editor_get_directory (f.editor), "147")));
  tear_down (&f);
}

/* Import writes the file's entries; the page shows them at once; the
 * municipalities the file does not name stay. */
static void
test_import_apply (void)
{
  Fixture f = { 0 };
  g_autofree char *path = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(IvdDirectory) directory = NULL;
  AdwMessageDialog *dialog;
  IvdDirectoryEntry *entry;

  set_up (&f, CURRENT_FILE);
  ivd_directory_editor_select (f.editor, "101");
  path = import_file (&f, REGION_FILE);
  file = g_file_new_for_path (path);

  ivd_directory_editor_import_file (f.editor, file);
  dialog = find_dialog ();
  g_assert_nonnull (dialog);
  press (GTK_WIDGET (dialog), _("_Import"));
  g_assert_null (find_dialog ());
  ivd_test_editor_run (100);

  directory = read_directory (&f);
  entry = ivd_directory_lookup (directory, "101");
  g_assert_cmpstr (ivd_directory_entry_get_visitation_phone (entry), ==, "+45 00 00 00 99");
  g_assert_cmpstr (ivd_directory_entry_get_notes (entry), ==, "Ny note");
  g_assert_null (ivd_directory_entry_get_sor (entry));
  g_assert_cmpstr (ivd_directory_entry_get_acute_team_phone (ivd_directory_lookup (directory, "147")), ==,
                   "+45 00 00 01 47");
  g_assert_cmpstr (ivd_directory_entry_get_visitation_phone (ivd_directory_lookup (directory, "851")), ==,
                   "+45 00 00 08 51");

  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (field_row (&f, "visitation-phone"))), ==, "+45 00 00 00 99");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (field_row (&f, "notes"))), ==, "Ny note");
  g_assert_nonnull (ivd_test_editor_find_label (field_row (&f, "sor"), _("not filled in")));

  /* The same file again: nothing to import. */
  ivd_directory_editor_import_file (f.editor, file);
  dialog = find_dialog ();
  g_assert_nonnull (dialog);
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, _("Nothing to Import"));
  tear_down (&f);
}

/* A bad file is refused with its reason, and nothing changes. */
static void
test_bad_import (void)
{
  Fixture f = { 0 };
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *path = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(IvdDirectoryChanges) changes = NULL;
  AdwMessageDialog *dialog;

  set_up (&f, CURRENT_FILE);
  ivd_directory_editor_select (f.editor, "101");
  before = read_file (&f);
  path = import_file (&f, HEAD "{\"code\": \"101\", \"visitation_phone\": \"+45 00 00 00 99\"},"
                               " {\"code\": \"147\", \"ean\": \"5790000000013\"}]}");
  file = g_file_new_for_path (path);

  changes = ivd_directory_editor_preview_import (f.editor, file, &error);
  g_assert_null (changes);
  g_assert_error (error, IVD_ERROR, IVD_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "region.json"));
  g_assert_nonnull (strstr (error->message, "147"));

  ivd_directory_editor_import_file (f.editor, file);
  dialog = find_dialog ();
  g_assert_nonnull (dialog);
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, _("The File Cannot Be Imported"));
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), error->message));

  after = read_file (&f);
  g_assert_cmpstr (after, ==, before);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (field_row (&f, "visitation-phone"))), ==, "");
  tear_down (&f);
}

/* The export is 0600, holds the municipalities with something filled in,
 * and imports back as no change. */
static void
test_export (void)
{
  Fixture f = { 0 };
  g_autofree char *path = NULL;
  g_autofree char *contents = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(IvdDirectoryChanges) changes = NULL;
  g_autoptr(IvdDirectory) exported = NULL;
  GStatBuf info;

  set_up (&f, CURRENT_FILE);
  ivd_directory_editor_select (f.editor, "147");
  gtk_editable_set_text (GTK_EDITABLE (field_row (&f, "depot-address")), "Depotvej 1");

  path = g_build_filename (f.dir, "export.json", NULL);
  file = g_file_new_for_path (path);
  g_assert_true (ivd_directory_editor_export_file (f.editor, file, &error));
  g_assert_no_error (error);
  g_assert_cmpint (g_stat (path, &info), ==, 0);
  g_assert_cmpint (info.st_mode & 0777, ==, 0600);

  exported = ivd_directory_new_from_file (f.catalog, path, &error);
  g_assert_no_error (error);
  /* The pending edit is in, and no empty entries. */
  g_assert_cmpuint (g_list_model_get_n_items (ivd_directory_get_entries (exported)), ==, 3);
  g_assert_cmpstr (ivd_directory_entry_get_depot_address (ivd_directory_lookup (exported, "147")), ==, "Depotvej 1");

  changes = ivd_directory_editor_preview_import (f.editor, file, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (ivd_directory_changes_get_changes (changes)), ==, 0);
  tear_down (&f);
}

/* A directory file that cannot be read is never written. */
static void
test_unreadable (void)
{
  Fixture f = { 0 };
  g_autofree char *after = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) file = NULL;

  set_up (&f, "{\"format\": \"something else\"}");
  g_assert_nonnull (ivd_test_editor_find_label (GTK_WIDGET (f.editor), _("The Municipality Directory Cannot Be Edited")));
  g_assert_false (gtk_widget_get_sensitive (gtk_widget_get_ancestor (
                    GTK_WIDGET (ivd_test_editor_find_label (GTK_WIDGET (f.editor), _("_Import…"))), GTK_TYPE_BUTTON)));
  ivd_directory_editor_select (f.editor, "101");
  g_assert_nonnull (ivd_test_editor_find_label (GTK_WIDGET (f.editor), _("The Municipality Directory Cannot Be Edited")));

  file = g_file_new_for_path (f.path);
  g_assert_false (ivd_directory_editor_export_file (f.editor, file, &error));
  g_assert_nonnull (error);
  close_window (&f);

  after = read_file (&f);
  g_assert_cmpstr (after, ==, "{\"format\": \"something else\"}");
  tear_down (&f);
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  /* gtk_test_init() forces an English locale; take the environment's. */
  setlocale (LC_ALL, "");
  adw_init ();
  bindtextdomain (GETTEXT_PACKAGE, g_getenv ("IVD_LOCALEDIR"));
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  g_test_add_func ("/directory-editor/language", test_language);
  g_test_add_func ("/directory-editor/rows", test_rows);
  g_test_add_func ("/directory-editor/autosave", test_autosave);
  g_test_add_func ("/directory-editor/bad-ean", test_bad_ean);
  g_test_add_func ("/directory-editor/search", test_search);
  g_test_add_func ("/directory-editor/import-cancel", test_import_cancel);
  g_test_add_func ("/directory-editor/import-apply", test_import_apply);
  g_test_add_func ("/directory-editor/bad-import", test_bad_import);
  g_test_add_func ("/directory-editor/export", test_export);
  g_test_add_func ("/directory-editor/unreadable", test_unreadable);

  return g_test_run ();
}
