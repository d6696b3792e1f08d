#include "config.h"

#include <glib/gstdio.h>

#include "ivd-contact-page.h"
#include "ivd-directory.h"
#include "ivd-findings-group.h"
#include "ivd-test-editor.h"

/* Step 5 in a real window: the municipality's directory entry edited and
 * saved to the user's directory file (here a temporary one), codes
 * refused with their reason, the ISBAR script, and the call log with its
 * consequences (EXCL-CAPACITY, START-PHONE), all autosaved. */

#define NEW_PLAN "{\"format\": \"iv-discharge-plan/1\"}"

static char *data_home;

static GtkWidget *
page (IvdTestEditor *f)
{
  return ivd_test_editor_find_by_type (GTK_WIDGET (f->editor), IVD_TYPE_CONTACT_PAGE);
}

static GtkWidget *
row (IvdTestEditor *f,
     const char    *title)
{
  GtkWidget *found = ivd_test_editor_find_row (page (f), title);

  g_assert_nonnull (found);
  return found;
}

/* The first button below @root labelled @label (as a child label or its own). */
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

/* As a pointer click does it: "activate" would wait for a key release. */
static void
click (GtkWidget *button)
{
  g_assert_nonnull (button);
  g_signal_emit_by_name (button, "clicked");
}

static char *
directory_path (void)
{
  return g_build_filename (data_home, "iv-discharge", "municipality-directory.json", NULL);
}

/* Until the directory file holds @text: the page saves a moment after
 * the last edit. */
static void
wait_for_directory (const char *text)
{
  g_autofree char *path = directory_path ();
  gint64 end = g_get_monotonic_time () + 5 * G_USEC_PER_SEC;

  while (g_get_monotonic_time () < end)
    {
      g_autofree char *contents = NULL;

      if (g_file_get_contents (path, &contents, NULL, NULL) && strstr (contents, text) != NULL)
        return;
      ivd_test_editor_run (20);
    }
  g_error ("the directory file never held “%s”", text);
}

/* Each test starts with no directory file, or with @json as the file. */
static void
set_up (IvdTestEditor *f,
        const char    *plan_json,
        const char    *directory_json)
{
  g_autofree char *path = directory_path ();
  g_autofree char *folder = g_path_get_dirname (path);

  g_remove (path);
  if (directory_json != NULL)
    {
      g_assert_cmpint (g_mkdir_with_parents (folder, 0700), ==, 0);
      g_assert_true (g_file_set_contents (path, directory_json, -1, NULL));
    }
  ivd_test_editor_set_up (f, plan_json);
}

static IvdDirectory *
read_directory (IvdTestEditor *f)
{
  g_autofree char *path = directory_path ();
  g_autoptr(GError) error = NULL;
  IvdDirectory *directory = ivd_directory_new_from_file (f->catalog, path, &error);

  g_assert_no_error (error);
  return directory;
}

static void
test_no_municipality (void)
{
  IvdTestEditor f = { 0 };
  GtkWidget *status;

  set_up (&f, NEW_PLAN, NULL);
  status = row (&f, "No municipality chosen");
  g_assert_true (gtk_widget_get_visible (gtk_widget_get_ancestor (status, ADW_TYPE_PREFERENCES_GROUP)));
  g_assert_false (gtk_widget_get_visible (gtk_widget_get_ancestor (row (&f, "Visitation phone"),
                                                                   ADW_TYPE_PREFERENCES_GROUP)));
  g_assert_nonnull (find_button (status, "Go to Step 1"));

  ivd_plan_set_string (ivd_plan_session_get_plan (f.session), "patient.municipality_code", "101");
  g_assert_false (gtk_widget_get_visible (gtk_widget_get_ancestor (status, ADW_TYPE_PREFERENCES_GROUP)));
  g_assert_true (gtk_widget_get_visible (gtk_widget_get_ancestor (row (&f, "Visitation phone"),
                                                                  ADW_TYPE_PREFERENCES_GROUP)));
  ivd_test_editor_tear_down (&f);
}

/* Empty fields say so; an edit reaches the directory file a moment later,
 * where the next plan (and the exports) read it. */
static void
test_directory_edit (void)
{
  IvdTestEditor f = { 0 };
  g_autoptr(IvdDirectory) directory = NULL;
  g_autofree char *path = directory_path ();
  GtkWidget *phone;
  GStatBuf info;

  set_up (&f, IVD_TEST_ELIGIBLE_PLAN, NULL);
  phone = row (&f, "Visitation phone");
  g_assert_nonnull (ivd_test_editor_find_label (phone, "not filled in"));
  g_assert_nonnull (ivd_test_editor_find_label (row (&f, "Depot address"), "not filled in"));
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row (&f, "IV treatment in a municipal clinic"))), ==,
                   "not filled in");

  gtk_editable_set_text (GTK_EDITABLE (phone), "+45 00 00 00 01");
  gtk_editable_set_text (GTK_EDITABLE (row (&f, "Depot address")), "Testdepot, Testvej 2");
  g_assert_null (ivd_test_editor_find_label (phone, "not filled in"));
  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (find_button (row (&f, "IV treatment in a municipal clinic"), "No")),
                                TRUE);
  wait_for_directory ("\"iv_in_clinic\" : false");

  g_assert_cmpint (g_stat (path, &info), ==, 0);
  g_assert_cmpint (info.st_mode & 0777, ==, 0600);
  directory = read_directory (&f);
  g_assert_cmpstr (ivd_directory_entry_get_visitation_phone (ivd_directory_lookup (directory, "101")), ==,
                   "+45 00 00 00 01");
  g_assert_true (ivd_directory_entry_get_iv_in_clinic_known (ivd_directory_lookup (directory, "101")));
  g_assert_false (ivd_directory_entry_get_iv_in_clinic (ivd_directory_lookup (directory, "101")));
  /* Nothing filled in that the doctor did not type. */
  g_assert_null (ivd_directory_entry_get_acute_team_phone (ivd_directory_lookup (directory, "101")));

  /* The depot is where supplies may go: the script has it at once. */
  ivd_plan_set_string (ivd_plan_session_get_plan (f.session), "supplies.delivery", "depot");
  g_assert_nonnull (ivd_test_editor_find_label (page (&f), "The municipal depot, Testdepot, Testvej 2"));
  ivd_test_editor_tear_down (&f);
}

/* A coordinator's file is shown as it is. */
static void
test_directory_shown (void)
{
  IvdTestEditor f = { 0 };

  set_up (&f, IVD_TEST_ELIGIBLE_PLAN,
          "{\"format\": \"iv-discharge-directory/1\", \"municipalities\": [{\"code\": \"101\","
          " \"visitation_phone\": \"+45 00 00 00 09\", \"iv_in_clinic\": true}]}");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (row (&f, "Visitation phone"))), ==, "+45 00 00 00 09");
  g_assert_true (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (find_button (row (&f, "IV treatment in a municipal clinic"),
                                                                               "Yes"))));
  g_assert_nonnull (ivd_test_editor_find_label (row (&f, "Acute team phone"), "not filled in"));
  ivd_test_editor_tear_down (&f);
}

/* A broken file is never overwritten: editing is off and the page says why. */
static void
test_directory_unreadable (void)
{
  IvdTestEditor f = { 0 };
  g_autofree char *path = directory_path ();
  g_autofree char *after = NULL;

  set_up (&f, IVD_TEST_ELIGIBLE_PLAN, "{\"format\": \"something else\"}");
  g_assert_false (gtk_widget_get_sensitive (row (&f, "Visitation phone")));
  g_assert_true (gtk_widget_get_visible (row (&f, "The municipality directory cannot be edited")));
  ivd_test_editor_tear_down (&f);

  g_assert_true (g_file_get_contents (path, &after, NULL, NULL));
  g_assert_cmpstr (after, ==, "{\"format\": \"something else\"}");
}

static void
test_bad_ean (void)
{
  IvdTestEditor f = { 0 };
  g_autoptr(IvdDirectory) directory = NULL;
  g_autofree char *path = directory_path ();
  GtkWidget *ean;

  set_up (&f, IVD_TEST_ELIGIBLE_PLAN, NULL);
  ean = row (&f, "EAN location number");

  /* Still typing: the reason, but no error yet. */
  gtk_editable_set_text (GTK_EDITABLE (ean), "57900");
  g_assert_false (gtk_widget_has_css_class (ean, "error"));
  g_assert_nonnull (ivd_test_editor_find_label (ean, "13 digits"));

  gtk_editable_set_text (GTK_EDITABLE (ean), "5790000000013");
  g_assert_true (gtk_widget_has_css_class (ean, "error"));
  g_assert_nonnull (ivd_test_editor_find_label (ean, "Not saved: the check digit is wrong"));
  ivd_test_editor_run (700);
  if (g_file_test (path, G_FILE_TEST_EXISTS))
    {
      g_autoptr(IvdDirectory) refused = read_directory (&f);
      IvdDirectoryEntry *entry = ivd_directory_lookup (refused, "101");

      g_assert_true (entry == NULL || ivd_directory_entry_get_ean (entry) == NULL);
    }

  gtk_editable_set_text (GTK_EDITABLE (ean), "5790000000012");
  g_assert_false (gtk_widget_has_css_class (ean, "error"));
  g_assert_null (ivd_test_editor_find_label (ean, "Not saved"));
  wait_for_directory ("5790000000012");
  directory = read_directory (&f);
  g_assert_cmpstr (ivd_directory_entry_get_ean (ivd_directory_lookup (directory, "101")), ==, "5790000000012");
  ivd_test_editor_tear_down (&f);
}

static void
on_clipboard_text_cb (GObject      *clipboard,
                      GAsyncResult *result,
                      gpointer      user_data)
{
  char **text = user_data;

  *text = gdk_clipboard_read_text_finish (GDK_CLIPBOARD (clipboard), result, NULL);
  if (*text == NULL)
    *text = g_strdup ("");
}

static void
test_isbar (void)
{
  IvdTestEditor f = { 0 };
  GtkLabel *script;
  GtkWidget *copy;
  g_autofree char *copied = NULL;

  set_up (&f, IVD_TEST_ELIGIBLE_PLAN, NULL);
  script = ivd_test_editor_find_label (page (&f), "I – Identification");
  g_assert_nonnull (script);
  g_assert_true (gtk_label_get_selectable (script));
  g_assert_nonnull (strstr (gtk_label_get_label (script), "CPR 150650-1237"));
  g_assert_nonnull (strstr (gtk_label_get_label (script), "Cefuroxim"));

  /* It follows the plan. */
  ivd_plan_set_string (ivd_plan_session_get_plan (f.session), "treatment.drug", "Piperacillin/tazobactam");
  g_assert_nonnull (strstr (gtk_label_get_label (script), "Piperacillin/tazobactam"));

  /* One click puts it on the clipboard, and the button says so. */
  copy = gtk_widget_get_ancestor (GTK_WIDGET (ivd_test_editor_find_label (page (&f), "Copy")), GTK_TYPE_BUTTON);
  click (copy);
  g_assert_nonnull (ivd_test_editor_find_label (copy, "Copied"));
  gdk_clipboard_read_text_async (gtk_widget_get_clipboard (copy), NULL, on_clipboard_text_cb, &copied);
  while (copied == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpstr (copied, ==, gtk_label_get_label (script));
  ivd_test_editor_tear_down (&f);
}

static void
log_call (IvdTestEditor *f,
          const char    *person,
          const char    *answer,
          const char    *reason)
{
  gtk_editable_set_text (GTK_EDITABLE (row (f, "Person reached")), person);
  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (find_button (row (f, "Answer"), answer)), TRUE);
  gtk_editable_set_text (GTK_EDITABLE (row (f, "Reason")), reason);
  click (find_button (page (f), "Log Call"));
}

static guint
n_stored_calls (IvdTestEditor *f)
{
  g_autoptr(GError) error = NULL;
  IvdPlanRecord *current = ivd_plan_session_get_record (f->session);
  g_autoptr(IvdPlanRecord) record = ivd_store_load_plan (f->store, ivd_plan_record_get_id (current), &error);
  JsonArray *calls;

  g_assert_no_error (error);
  calls = ivd_plan_get_calls (ivd_plan_record_get_plan (record));
  return calls ? json_array_get_length (calls) : 0;
}

static void
test_declined_call (void)
{
  IvdTestEditor f = { 0 };
  IvdPlan *plan;
  GtkWidget *findings;

  set_up (&f, IVD_TEST_ELIGIBLE_PLAN, NULL);
  plan = ivd_plan_session_get_plan (f.session);
  g_assert_nonnull (ivd_test_editor_find_label (page (&f), "No calls logged yet"));

  /* Declined without the reason: refused, and nothing logged. */
  log_call (&f, "Visitator Jensen", "Declined", "");
  g_assert_nonnull (ivd_test_editor_find_label (page (&f), "Enter the reason the municipality gave for declining."));
  g_assert_null (ivd_plan_get_calls (plan));

  gtk_editable_set_text (GTK_EDITABLE (row (&f, "Reason")), "Ingen sygeplejerske med IV-kompetence i weekenden");
  click (find_button (page (&f), "Log Call"));
  g_assert_cmpuint (json_array_get_length (ivd_plan_get_calls (plan)), ==, 1);
  g_assert_null (ivd_test_editor_find_label (page (&f), "Enter the reason"));
  /* The form is ready for the next call. */
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (row (&f, "Person reached"))), ==, "");
  g_assert_false (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (find_button (row (&f, "Answer"), "Declined"))));

  g_assert_nonnull (ivd_test_editor_find_label (page (&f), "Declined · Visitator Jensen"));
  g_assert_nonnull (ivd_test_editor_find_label (page (&f), "Ingen sygeplejerske med IV-kompetence i weekenden"));

  /* The refusal keeps the course in hospital, with its rule id. */
  findings = ivd_test_editor_find_by_type (page (&f), IVD_TYPE_FINDINGS_GROUP);
  g_assert_true (gtk_widget_get_visible (findings));
  g_assert_nonnull (ivd_test_editor_find_label (findings, "EXCL-CAPACITY"));
  g_assert_cmpint (ivd_evaluation_get_outcome (ivd_plan_session_get_evaluation (f.session)), ==,
                   IVD_OUTCOME_NOT_ELIGIBLE);

  ivd_test_editor_wait_saved (&f);
  g_assert_cmpuint (n_stored_calls (&f), ==, 1);
  ivd_test_editor_tear_down (&f);
}

/* The newest call counts: accepted after "call back" offers START-PHONE. */
static void
test_accepted_call (void)
{
  IvdTestEditor f = { 0 };
  IvdPlan *plan;
  GtkWidget *mark;
  GtkWidget *start_phone;
  GtkLabel *first;

  set_up (&f, IVD_TEST_ELIGIBLE_PLAN, NULL);
  plan = ivd_plan_session_get_plan (f.session);
  mark = find_button (page (&f), "Mark START-PHONE Done");
  g_assert_nonnull (mark);
  g_assert_false (gtk_widget_get_visible (mark));

  log_call (&f, "Visitator Jensen", "Will call back", "");
  g_assert_false (gtk_widget_get_visible (mark));
  log_call (&f, "Sygeplejerske Holm", "Accepted", "");
  g_assert_cmpuint (json_array_get_length (ivd_plan_get_calls (plan)), ==, 2);
  g_assert_true (gtk_widget_get_visible (mark));

  /* Newest first. */
  first = ivd_test_editor_find_label (page (&f), " · ");
  g_assert_nonnull (first);
  g_assert_nonnull (strstr (gtk_label_get_label (first), "Accepted · Sygeplejerske Holm"));

  click (mark);
  g_assert_true (ivd_plan_lookup_boolean (plan, "checklist.START-PHONE", NULL));
  g_assert_false (gtk_widget_get_visible (mark));
  start_phone = gtk_widget_get_ancestor (mark, ADW_TYPE_ACTION_ROW);
  g_assert_true (gtk_check_button_get_active (GTK_CHECK_BUTTON (ivd_test_editor_find_by_type (start_phone,
                                                                                             GTK_TYPE_CHECK_BUTTON))));
  g_assert_nonnull (strstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (start_phone)), "START-PHONE"));

  ivd_test_editor_wait_saved (&f);
  g_assert_cmpuint (n_stored_calls (&f), ==, 2);
  ivd_test_editor_tear_down (&f);
}

int
main (int   argc,
      char *argv[])
{
  int status;

  /* Before anything reads it: the user's own directory is never touched. */
  data_home = g_dir_make_tmp ("ivd-contact-XXXXXX", NULL);
  g_setenv ("XDG_DATA_HOME", data_home, TRUE);
  ivd_test_editor_init (&argc, &argv);

  g_test_add_func ("/contact-page/no-municipality", test_no_municipality);
  g_test_add_func ("/contact-page/directory-edit", test_directory_edit);
  g_test_add_func ("/contact-page/directory-shown", test_directory_shown);
  g_test_add_func ("/contact-page/directory-unreadable", test_directory_unreadable);
  g_test_add_func ("/contact-page/bad-ean", test_bad_ean);
  g_test_add_func ("/contact-page/isbar", test_isbar);
  g_test_add_func ("/contact-page/declined-call", test_declined_call);
  g_test_add_func ("/contact-page/accepted-call", test_accepted_call);

  status = g_test_run ();
  ivd_test_remove_tree (data_home);
  g_free (data_home);
  return status;
}
