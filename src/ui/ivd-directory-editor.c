#define G_LOG_DOMAIN "ivd-directory-editor"

#include "config.h"

#include <glib/gi18n.h>

#include "ivd-directory-answer-row.h"
#include "ivd-directory-editor.h"
#include "ivd-directory-field-row.h"
#include "ivd-directory-municipality-row.h"
#include "ivd-labels.h"

/* The coordinator's municipality directory: the 98 municipalities, found
 * by name or region, and for the one chosen every field of its entry,
 * saved a moment after typing into the directory file as it is on disk
 * (ivd_directory_changes_merge_into_file()), so the doctor's contact page
 * and this editor never undo each other. The directory is exported as a
 * file to share, and a shared file is imported only after a list of what
 * it changes. Nothing is invented: an empty field says "not filled in". */

#define SAVE_DELAY_MS      400
#define MAX_LISTED_CHANGES 200

enum {
  PROP_0,
  PROP_CATALOG,
  PROP_PATH,
  N_PROPS
};

struct _IvdDirectoryEditor
{
  AdwBin                parent_instance;

  IvdCatalog           *catalog;
  char                 *path;
  IvdDirectory         *directory;
  gboolean              readable;   /* FALSE: the file is never written */
  GListStore           *entries;    /* one per municipality, in the catalog's order */
  GtkCustomFilter      *filter;
  GtkSingleSelection   *selection;
  IvdDirectoryEntry    *shown;
  char                 *search;     /* normalized and case-folded */
  guint                 save_source;
  GListStore           *unsaved;    /* entries edited since the last save */
  GPtrArray            *rows;       /* the field rows, each set to the shown entry */
  GtkFileChooserNative *chooser;

  GtkSearchEntry       *search_entry;
  GtkDropDown          *region_dropdown;
  GtkListView          *list_view;
  GtkStack             *stack;
  AdwStatusPage        *unavailable_page;
  AdwPreferencesGroup  *error_group;
  AdwActionRow         *error_row;
  AdwPreferencesGroup  *contact_group;
  AdwPreferencesGroup  *monitoring_group;
};

G_DEFINE_FINAL_TYPE (IvdDirectoryEditor, ivd_directory_editor, ADW_TYPE_BIN)

static GParamSpec *properties[N_PROPS];

static char *
fold (const char *text)
{
  g_autofree char *normalized = g_utf8_normalize (text, -1, G_NORMALIZE_ALL);

  return g_utf8_casefold (normalized, -1);
}

static gboolean
contains (const char *text,
          const char *folded_needle)
{
  g_autofree char *folded = text != NULL ? fold (text) : NULL;

  return folded != NULL && strstr (folded, folded_needle) != NULL;
}

static char *
dup_municipality_title (IvdMunicipality *municipality)
{
  if (ivd_municipality_get_authority (municipality) != NULL)
    return g_strdup (ivd_municipality_get_authority (municipality));
  return g_strdup_printf (_("%s Municipality"), ivd_municipality_get_name (municipality));
}

static GtkWindow *
parent_window (IvdDirectoryEditor *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  return GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL;
}

static void
show_toast (IvdDirectoryEditor *self,
            const char         *text)
{
  AdwToast *toast = adw_toast_new (text);

  adw_toast_set_timeout (toast, 4);
  /* The template's top: not bound, as AdwBin unparents its child itself. */
  adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (adw_bin_get_child (ADW_BIN (self))), toast);
}

static void
show_message (IvdDirectoryEditor *self,
              const char         *heading,
              const char         *body)
{
  GtkWidget *dialog = adw_message_dialog_new (parent_window (self), heading, body);

  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
show_save_error (IvdDirectoryEditor *self,
                 const char         *message)
{
  gtk_widget_set_visible (GTK_WIDGET (self->error_group), message != NULL);
  if (message != NULL)
    adw_action_row_set_subtitle (self->error_row, message);
}

/* Local files only: a path is what the directory functions write. */
static char *
dup_local_path (GFile   *file,
                GError **error)
{
  char *path = g_file_get_path (file);

  if (path == NULL)
    g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                 _("Choose a file on this computer or on a mounted drive."));
  return path;
}

static gboolean
check_readable (IvdDirectoryEditor  *self,
                GError             **error)
{
  if (!self->readable)
    g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                 _("The municipality directory cannot be edited: its file cannot be read."));
  return self->readable;
}

/* Takes the file's entries as they are now (another window may have
 * saved since), in place. */
static gboolean
refresh (IvdDirectoryEditor  *self,
         GError             **error)
{
  g_autoptr(IvdDirectory) on_disk = NULL;
  GListModel *entries;

  if (!g_file_test (self->path, G_FILE_TEST_EXISTS))
    return TRUE;
  if ((on_disk = ivd_directory_new_from_file (self->catalog, self->path, error)) == NULL)
    return FALSE;

  entries = ivd_directory_get_entries (on_disk);
  for (guint i = 0; i < g_list_model_get_n_items (entries); i++)
    {
      g_autoptr(IvdDirectoryEntry) theirs = g_list_model_get_item (entries, i);

      ivd_directory_entry_assign (ivd_directory_ensure_entry (self->directory, ivd_directory_entry_get_code (theirs)),
                                  theirs);
    }
  return TRUE;
}

static gboolean
save_now (IvdDirectoryEditor  *self,
          GError             **error)
{
  g_autoptr(GError) local_error = NULL;

  g_clear_handle_id (&self->save_source, g_source_remove);
  if (g_list_model_get_n_items (G_LIST_MODEL (self->unsaved)) == 0)
    return TRUE;

  /* A failed save keeps the entries for the next one. */
  if (!ivd_directory_changes_merge_into_file (self->directory, self->catalog, self->path,
                                              G_LIST_MODEL (self->unsaved), &local_error))
    {
      show_save_error (self, local_error->message);
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  g_list_store_remove_all (self->unsaved);
  show_save_error (self, NULL);
  return TRUE;
}

static void
show_entry (IvdDirectoryEditor *self,
            IvdDirectoryEntry  *entry)
{
  IvdMunicipality *municipality = ivd_catalog_lookup_municipality (self->catalog, ivd_directory_entry_get_code (entry));
  g_autofree char *title = NULL;

  if (entry == self->shown)
    return;

  /* The edits of the municipality before reach the file first. */
  save_now (self, NULL);
  g_set_object (&self->shown, entry);
  for (guint i = 0; i < self->rows->len; i++)
    g_object_set (g_ptr_array_index (self->rows, i), "entry", entry, NULL);

  title = dup_municipality_title (municipality);
  adw_preferences_group_set_title (self->contact_group, title);
  adw_preferences_group_set_description (self->contact_group,
                                         ivd_labels_region (ivd_municipality_get_region (municipality)));
  if (self->readable)
    gtk_stack_set_visible_child_name (self->stack, "entry");
}

static gboolean
filter_entry (gpointer item,
              gpointer user_data)
{
  IvdDirectoryEditor *self = user_data;
  const char *code = ivd_directory_entry_get_code (item);
  IvdMunicipality *municipality = ivd_catalog_lookup_municipality (self->catalog, code);
  guint region = gtk_drop_down_get_selected (self->region_dropdown);

  if (region != 0 && region != GTK_INVALID_LIST_POSITION &&
      g_strcmp0 (ivd_municipality_get_region (municipality), ivd_catalog_get_region_ids ()[region - 1]) != 0)
    return FALSE;

  return self->search == NULL || g_str_has_prefix (code, self->search) ||
         contains (ivd_municipality_get_name (municipality), self->search) ||
         contains (ivd_municipality_get_authority (municipality), self->search);
}

static void
set_up_regions (IvdDirectoryEditor *self)
{
  const char * const *ids = ivd_catalog_get_region_ids ();
  g_autoptr(GtkStringList) regions = gtk_string_list_new (NULL);

  gtk_string_list_append (regions, _("All regions"));
  for (guint i = 0; ids[i] != NULL; i++)
    gtk_string_list_append (regions, ivd_labels_region (ids[i]));
  gtk_drop_down_set_model (self->region_dropdown, G_LIST_MODEL (regions));
  gtk_drop_down_set_selected (self->region_dropdown, 0);
}

/* Reads the file; one that cannot be read is never overwritten. */
static void
open_directory (IvdDirectoryEditor *self)
{
  g_autoptr(GError) error = NULL;
  GListModel *municipalities = ivd_catalog_get_municipalities (self->catalog);

  self->readable = TRUE;
  if (g_file_test (self->path, G_FILE_TEST_EXISTS))
    self->directory = ivd_directory_new_from_file (self->catalog, self->path, &error);
  if (error != NULL)
    {
      self->readable = FALSE;
      self->directory = ivd_directory_new ();
      adw_status_page_set_description (self->unavailable_page, error->message);
      gtk_stack_set_visible_child_name (self->stack, "unavailable");
    }
  else if (self->directory == NULL)
    self->directory = ivd_directory_new ();

  for (guint i = 0; i < g_list_model_get_n_items (municipalities); i++)
    {
      g_autoptr(IvdMunicipality) municipality = g_list_model_get_item (municipalities, i);

      g_list_store_append (self->entries,
                           ivd_directory_ensure_entry (self->directory, ivd_municipality_get_code (municipality)));
    }
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "directory.import", self->readable);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "directory.export", self->readable);
}

static GtkWidget *
create_change_row (IvdDirectoryEditor *self,
                   IvdDirectoryChange *change)
{
  IvdMunicipality *municipality = ivd_catalog_lookup_municipality (self->catalog, ivd_directory_change_get_code (change));
  g_autofree char *name = dup_municipality_title (municipality);
  const char *before = ivd_directory_change_get_old_value (change);
  const char *after = ivd_directory_change_get_new_value (change);
  /* Translators: a municipality, then one of its directory fields */
  g_autofree char *title = g_strdup_printf (_("%s: %s"), name,
                                            ivd_directory_field_get_title (ivd_directory_change_get_field (change)));
  /* Translators: a directory field's value before and after an import */
  g_autofree char *subtitle = g_strdup_printf (_("%s → %s"), before != NULL ? before : _("(not filled in)"),
                                               after != NULL ? after : _("(not filled in)"));
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 3);
  return row;
}

/* The changes, the first MAX_LISTED_CHANGES of them and how many more. */
static GtkWidget *
create_change_list (IvdDirectoryEditor  *self,
                    IvdDirectoryChanges *changes)
{
  GListModel *list = ivd_directory_changes_get_changes (changes);
  guint n = g_list_model_get_n_items (list);
  GtkWidget *box = gtk_list_box_new ();
  GtkWidget *scrolled = gtk_scrolled_window_new ();

  gtk_list_box_set_selection_mode (GTK_LIST_BOX (box), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (box, "boxed-list");
  gtk_accessible_update_property (GTK_ACCESSIBLE (box), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Changes"), -1);
  for (guint i = 0; i < MIN (n, MAX_LISTED_CHANGES); i++)
    {
      g_autoptr(IvdDirectoryChange) change = g_list_model_get_item (list, i);

      gtk_list_box_append (GTK_LIST_BOX (box), create_change_row (self, change));
    }
  if (n > MAX_LISTED_CHANGES)
    {
      GtkWidget *more = adw_action_row_new ();
      guint more_n = n - MAX_LISTED_CHANGES;
      g_autofree char *text = g_strdup_printf (ngettext ("…and %u more change", "…and %u more changes", more_n),
                                               more_n);

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (more), text);
      gtk_list_box_append (GTK_LIST_BOX (box), more);
    }

  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_propagate_natural_height (GTK_SCROLLED_WINDOW (scrolled), TRUE);
  gtk_scrolled_window_set_max_content_height (GTK_SCROLLED_WINDOW (scrolled), 360);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), box);
  return scrolled;
}

/* Callbacks */

static gboolean
on_save_timeout_cb (gpointer user_data)
{
  IvdDirectoryEditor *self = user_data;

  self->save_source = 0;
  /* A failure is shown above the fields; the edits stay on screen. */
  save_now (self, NULL);
  return G_SOURCE_REMOVE;
}

/* A moment after the last keystroke: one write for a phone number, not fifteen. */
static void
on_row_edited_cb (IvdDirectoryEditor *self)
{
  /* A file that cannot be read is never written. */
  if (!self->readable)
    return;
  if (!g_list_store_find (self->unsaved, self->shown, NULL))
    g_list_store_append (self->unsaved, self->shown);
  g_clear_handle_id (&self->save_source, g_source_remove);
  self->save_source = g_timeout_add (SAVE_DELAY_MS, on_save_timeout_cb, self);
}

static void
on_factory_setup_cb (GtkSignalListItemFactory *factory,
                     GtkListItem              *item)
{
  gtk_list_item_set_child (item, ivd_directory_municipality_row_new ());
}

static void
on_factory_bind_cb (IvdDirectoryEditor *self,
                    GtkListItem        *item)
{
  IvdDirectoryEntry *entry = gtk_list_item_get_item (item);

  ivd_directory_municipality_row_set_item (IVD_DIRECTORY_MUNICIPALITY_ROW (gtk_list_item_get_child (item)),
                                           ivd_catalog_lookup_municipality (self->catalog,
                                                                            ivd_directory_entry_get_code (entry)),
                                           entry);
}

static void
on_factory_unbind_cb (GtkSignalListItemFactory *factory,
                      GtkListItem              *item)
{
  ivd_directory_municipality_row_set_item (IVD_DIRECTORY_MUNICIPALITY_ROW (gtk_list_item_get_child (item)),
                                           NULL, NULL);
}

static void
on_selection_selected_item_cb (IvdDirectoryEditor *self)
{
  IvdDirectoryEntry *entry = gtk_single_selection_get_selected_item (self->selection);

  /* Filtered out of the list, the municipality stays on the page. */
  if (entry != NULL)
    show_entry (self, entry);
}

static void
on_search_entry_search_changed_cb (IvdDirectoryEditor *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));
  g_autofree char *stripped = g_strstrip (g_strdup (text));

  g_clear_pointer (&self->search, g_free);
  if (*stripped != '\0')
    self->search = fold (stripped);
  gtk_filter_changed (GTK_FILTER (self->filter), GTK_FILTER_CHANGE_DIFFERENT);
}

static void
on_region_dropdown_selected_cb (IvdDirectoryEditor *self)
{
  if (self->filter != NULL)
    gtk_filter_changed (GTK_FILTER (self->filter), GTK_FILTER_CHANGE_DIFFERENT);
}

static void
on_import_response_cb (IvdDirectoryEditor *self,
                       const char         *response,
                       AdwMessageDialog   *dialog)
{
  IvdDirectoryChanges *changes = g_object_get_data (G_OBJECT (dialog), "changes");
  guint n = g_list_model_get_n_items (ivd_directory_changes_get_changes (changes));
  g_autoptr(GError) error = NULL;
  g_autofree char *done = NULL;

  if (!g_str_equal (response, "import"))
    return;

  if (!ivd_directory_editor_apply_import (self, changes, &error))
    {
      show_message (self, _("The File Was Not Imported"), error->message);
      return;
    }
  done = g_strdup_printf (ngettext ("Imported %u change", "Imported %u changes", n), n);
  show_toast (self, done);
}

static void
on_import_chooser_response_cb (IvdDirectoryEditor   *self,
                               int                   response,
                               GtkFileChooserNative *chooser)
{
  g_autoptr(GFile) file = NULL;

  if (response == GTK_RESPONSE_ACCEPT && (file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser))) != NULL)
    ivd_directory_editor_import_file (self, file);
  g_clear_object (&self->chooser);
}

static void
on_export_chooser_response_cb (IvdDirectoryEditor   *self,
                               int                   response,
                               GtkFileChooserNative *chooser)
{
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;

  if (response == GTK_RESPONSE_ACCEPT && (file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser))) != NULL)
    {
      if (ivd_directory_editor_export_file (self, file, &error))
        show_toast (self, _("Municipality directory exported"));
      else
        show_message (self, _("The Directory Was Not Exported"), error->message);
    }
  g_clear_object (&self->chooser);
}

/* Set-up: these connect the callbacks above. */

static void
add_rows (IvdDirectoryEditor *self)
{
  for (guint i = 0; i < ivd_directory_fields_get_n (); i++)
    {
      const IvdDirectoryField *field = ivd_directory_fields_get (i);
      GtkWidget *row = field->kind == IVD_DIRECTORY_FIELD_ANSWER ? ivd_directory_answer_row_new ()
                                                                 : ivd_directory_field_row_new (field);

      g_signal_connect_object (row, "edited", G_CALLBACK (on_row_edited_cb), self, G_CONNECT_SWAPPED);
      adw_preferences_group_add (field->kind == IVD_DIRECTORY_FIELD_COUNT ? self->monitoring_group
                                                                         : self->contact_group, row);
      g_ptr_array_add (self->rows, row);
    }
}

static void
set_up_list (IvdDirectoryEditor *self)
{
  g_autoptr(GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();
  GtkFilterListModel *filtered;

  self->filter = gtk_custom_filter_new (filter_entry, self, NULL);
  filtered = gtk_filter_list_model_new (g_object_ref (G_LIST_MODEL (self->entries)),
                                        g_object_ref (GTK_FILTER (self->filter)));
  self->selection = gtk_single_selection_new (G_LIST_MODEL (filtered));
  gtk_single_selection_set_autoselect (self->selection, FALSE);
  gtk_single_selection_set_selected (self->selection, GTK_INVALID_LIST_POSITION);
  g_signal_connect_object (self->selection, "notify::selected-item", G_CALLBACK (on_selection_selected_item_cb),
                           self, G_CONNECT_SWAPPED);

  g_signal_connect (factory, "setup", G_CALLBACK (on_factory_setup_cb), NULL);
  g_signal_connect_object (factory, "bind", G_CALLBACK (on_factory_bind_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect (factory, "unbind", G_CALLBACK (on_factory_unbind_cb), NULL);
  gtk_list_view_set_factory (self->list_view, factory);
  gtk_list_view_set_model (self->list_view, GTK_SELECTION_MODEL (self->selection));
}

static void
show_changes (IvdDirectoryEditor  *self,
              IvdDirectoryChanges *changes)
{
  guint n = g_list_model_get_n_items (ivd_directory_changes_get_changes (changes));
  g_autofree char *body = NULL;
  GtkWidget *dialog;

  body = g_strdup_printf (ngettext ("The file changes %u field. Municipalities the file does not name stay as they are.",
                                    "The file changes %u fields. Municipalities the file does not name stay as they are.",
                                    n), n);
  dialog = adw_message_dialog_new (parent_window (self), _("Import Municipality Details?"), body);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), create_change_list (self, changes));
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog), "cancel", _("_Cancel"), "import", _("_Import"), NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "import", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  gtk_window_set_default_size (GTK_WINDOW (dialog), 560, -1);
  g_object_set_data_full (G_OBJECT (dialog), "changes", g_object_ref (changes), g_object_unref);
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_import_response_cb), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
open_chooser (IvdDirectoryEditor   *self,
              const char           *title,
              GtkFileChooserAction  action,
              const char           *accept,
              GCallback             callback)
{
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();

  if (self->chooser != NULL)
    gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->chooser));
  g_clear_object (&self->chooser);

  self->chooser = gtk_file_chooser_native_new (title, parent_window (self), action, accept, _("_Cancel"));
  gtk_file_filter_set_name (filter, _("Directory files (JSON)"));
  gtk_file_filter_add_pattern (filter, "*.json");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (self->chooser), filter);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (self->chooser), TRUE);
  g_signal_connect_object (self->chooser, "response", callback, self, G_CONNECT_SWAPPED);
}

static void
import_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  IvdDirectoryEditor *self = IVD_DIRECTORY_EDITOR (widget);

  open_chooser (self, _("Import Municipality Directory"), GTK_FILE_CHOOSER_ACTION_OPEN, _("_Open"),
                G_CALLBACK (on_import_chooser_response_cb));
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}

static void
export_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  IvdDirectoryEditor *self = IVD_DIRECTORY_EDITOR (widget);
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *date = g_date_time_format (now, "%Y-%m-%d");
  /* Translators: a file name; %s is the date (YYYY-MM-DD) */
  g_autofree char *name = g_strdup_printf (_("municipality-directory-%s.json"), date);

  open_chooser (self, _("Export Municipality Directory"), GTK_FILE_CHOOSER_ACTION_SAVE, _("_Save"),
                G_CALLBACK (on_export_chooser_response_cb));
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (self->chooser), name);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}

static void
ivd_directory_editor_constructed (GObject *object)
{
  IvdDirectoryEditor *self = IVD_DIRECTORY_EDITOR (object);

  G_OBJECT_CLASS (ivd_directory_editor_parent_class)->constructed (object);

  g_return_if_fail (IVD_IS_CATALOG (self->catalog));
  if (self->path == NULL)
    self->path = ivd_directory_dup_default_path ();
  open_directory (self);
  set_up_list (self);
}

static void
ivd_directory_editor_dispose (GObject *object)
{
  IvdDirectoryEditor *self = (IvdDirectoryEditor *) object;

  /* Edits still waiting for their moment reach the file. */
  if (self->unsaved != NULL)
    save_now (self, NULL);
  if (self->chooser != NULL)
    gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->chooser));
  g_clear_object (&self->chooser);

  gtk_widget_dispose_template (GTK_WIDGET (self), IVD_TYPE_DIRECTORY_EDITOR);
  g_clear_pointer (&self->rows, g_ptr_array_unref);
  g_clear_object (&self->selection);
  g_clear_object (&self->filter);
  g_clear_object (&self->shown);
  g_clear_object (&self->entries);
  g_clear_object (&self->unsaved);
  g_clear_object (&self->directory);
  g_clear_object (&self->catalog);

  G_OBJECT_CLASS (ivd_directory_editor_parent_class)->dispose (object);
}

static void
ivd_directory_editor_finalize (GObject *object)
{
  IvdDirectoryEditor *self = (IvdDirectoryEditor *) object;

  g_free (self->path);
  g_free (self->search);

  G_OBJECT_CLASS (ivd_directory_editor_parent_class)->finalize (object);
}

static void
ivd_directory_editor_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  IvdDirectoryEditor *self = IVD_DIRECTORY_EDITOR (object);

  switch (prop_id)
    {
    case PROP_CATALOG:
      g_value_set_object (value, self->catalog);
      break;
    case PROP_PATH:
      g_value_set_string (value, self->path);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ivd_directory_editor_set_property (GObject      *object,
                                   guint         prop_id,
                                   const GValue *value,
                                   GParamSpec   *pspec)
{
  IvdDirectoryEditor *self = IVD_DIRECTORY_EDITOR (object);

  switch (prop_id)
    {
    case PROP_CATALOG:
      self->catalog = g_value_dup_object (value);
      break;
    case PROP_PATH:
      self->path = g_value_dup_string (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ivd_directory_editor_class_init (IvdDirectoryEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = ivd_directory_editor_constructed;
  object_class->dispose = ivd_directory_editor_dispose;
  object_class->finalize = ivd_directory_editor_finalize;
  object_class->get_property = ivd_directory_editor_get_property;
  object_class->set_property = ivd_directory_editor_set_property;

  properties[PROP_CATALOG] =
    g_param_spec_object ("catalog", NULL, NULL, IVD_TYPE_CATALOG,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  /* The directory file; NULL at construction is the user's default one. */
  properties[PROP_PATH] =
    g_param_spec_string ("path", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/ivdischarge/IvDischarge/ivd-directory-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, IvdDirectoryEditor, search_entry);
  gtk_widget_class_bind_template_child (widget_class, IvdDirectoryEditor, region_dropdown);
  gtk_widget_class_bind_template_child (widget_class, IvdDirectoryEditor, list_view);
  gtk_widget_class_bind_template_child (widget_class, IvdDirectoryEditor, stack);
  gtk_widget_class_bind_template_child (widget_class, IvdDirectoryEditor, unavailable_page);
  gtk_widget_class_bind_template_child (widget_class, IvdDirectoryEditor, error_group);
  gtk_widget_class_bind_template_child (widget_class, IvdDirectoryEditor, error_row);
  gtk_widget_class_bind_template_child (widget_class, IvdDirectoryEditor, contact_group);
  gtk_widget_class_bind_template_child (widget_class, IvdDirectoryEditor, monitoring_group);
  gtk_widget_class_bind_template_callback (widget_class, on_search_entry_search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_region_dropdown_selected_cb);

  gtk_widget_class_install_action (widget_class, "directory.import", NULL, import_action);
  gtk_widget_class_install_action (widget_class, "directory.export", NULL, export_action);
}

static void
ivd_directory_editor_init (IvdDirectoryEditor *self)
{
  g_type_ensure (IVD_TYPE_DIRECTORY_ANSWER_ROW);
  gtk_widget_init_template (GTK_WIDGET (self));

  self->entries = g_list_store_new (IVD_TYPE_DIRECTORY_ENTRY);
  self->unsaved = g_list_store_new (IVD_TYPE_DIRECTORY_ENTRY);
  self->rows = g_ptr_array_new ();
  set_up_regions (self);
  add_rows (self);
}

/**
 * ivd_directory_editor_new:
 * @path: (nullable): the directory file; NULL is the user's
 *   (ivd_directory_dup_default_path())
 */
IvdDirectoryEditor *
ivd_directory_editor_new (IvdCatalog *catalog,
                          const char *path)
{
  g_return_val_if_fail (IVD_IS_CATALOG (catalog), NULL);

  return g_object_new (IVD_TYPE_DIRECTORY_EDITOR, "catalog", catalog, "path", path, NULL);
}

const char *
ivd_directory_editor_get_path (IvdDirectoryEditor *self)
{
  g_return_val_if_fail (IVD_IS_DIRECTORY_EDITOR (self), NULL);
  return self->path;
}

/* Returns: (transfer none): the directory as edited, every municipality in it */
IvdDirectory *
ivd_directory_editor_get_directory (IvdDirectoryEditor *self)
{
  g_return_val_if_fail (IVD_IS_DIRECTORY_EDITOR (self), NULL);
  return self->directory;
}

/* Shows municipality @code, clearing a search or region that hides it. */
gboolean
ivd_directory_editor_select (IvdDirectoryEditor *self,
                             const char         *code)
{
  GListModel *shown;

  g_return_val_if_fail (IVD_IS_DIRECTORY_EDITOR (self), FALSE);

  if (ivd_catalog_lookup_municipality (self->catalog, code) == NULL)
    return FALSE;

  for (guint pass = 0; pass < 2; pass++)
    {
      shown = gtk_single_selection_get_model (self->selection);
      for (guint i = 0; i < g_list_model_get_n_items (shown); i++)
        {
          g_autoptr(IvdDirectoryEntry) entry = g_list_model_get_item (shown, i);

          if (g_str_equal (ivd_directory_entry_get_code (entry), code))
            {
              gtk_single_selection_set_selected (self->selection, i);
              /* GTK 4.8 has no gtk_list_view_scroll_to(); its action does it. */
              gtk_widget_activate_action (GTK_WIDGET (self->list_view), "list.scroll-to-item", "u", i);
              return TRUE;
            }
        }
      gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
      on_search_entry_search_changed_cb (self);
      gtk_drop_down_set_selected (self->region_dropdown, 0);
    }
  g_return_val_if_reached (FALSE);
}

/* Saves at once what waits for its moment (as when the editor closes). */
gboolean
ivd_directory_editor_save_pending (IvdDirectoryEditor  *self,
                                   GError             **error)
{
  g_return_val_if_fail (IVD_IS_DIRECTORY_EDITOR (self), FALSE);
  return save_now (self, error);
}

/**
 * ivd_directory_editor_export_file:
 *
 * Writes the directory as the file holds it now, with the municipalities
 * that have something filled in, to @file (0600, written whole or not
 * at all), for another coordinator to import.
 */
gboolean
ivd_directory_editor_export_file (IvdDirectoryEditor  *self,
                                  GFile               *file,
                                  GError             **error)
{
  g_autoptr(IvdDirectory) exported = ivd_directory_new ();
  g_autofree char *path = NULL;
  GListModel *entries;

  g_return_val_if_fail (IVD_IS_DIRECTORY_EDITOR (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  if (!check_readable (self, error) || (path = dup_local_path (file, error)) == NULL ||
      !save_now (self, error) || !refresh (self, error))
    return FALSE;

  entries = ivd_directory_get_entries (self->directory);
  for (guint i = 0; i < g_list_model_get_n_items (entries); i++)
    {
      g_autoptr(IvdDirectoryEntry) entry = g_list_model_get_item (entries, i);

      /* An empty entry in a shared file would empty that municipality
       * in every directory it is imported into. */
      if (!ivd_directory_entry_is_empty (entry))
        ivd_directory_entry_assign (ivd_directory_ensure_entry (exported, ivd_directory_entry_get_code (entry)), entry);
    }
  return ivd_directory_save_to_file (exported, path, error);
}

/**
 * ivd_directory_editor_preview_import:
 *
 * What importing @file would change in the directory as its file holds
 * it now; nothing is changed yet. A file that cannot be read whole is
 * refused with the reason.
 *
 * Returns: (transfer full) (nullable): the changes, or NULL with @error set
 */
IvdDirectoryChanges *
ivd_directory_editor_preview_import (IvdDirectoryEditor  *self,
                                     GFile               *file,
                                     GError             **error)
{
  g_autofree char *path = NULL;

  g_return_val_if_fail (IVD_IS_DIRECTORY_EDITOR (self), NULL);
  g_return_val_if_fail (G_IS_FILE (file), NULL);

  if (!check_readable (self, error) || (path = dup_local_path (file, error)) == NULL ||
      !save_now (self, error) || !refresh (self, error))
    return NULL;
  return ivd_directory_changes_new_from_file (self->directory, self->catalog, path, error);
}

/* The import: the changes' entries into the directory file, and the
 * editor shows them. */
gboolean
ivd_directory_editor_apply_import (IvdDirectoryEditor  *self,
                                   IvdDirectoryChanges *changes,
                                   GError             **error)
{
  g_return_val_if_fail (IVD_IS_DIRECTORY_EDITOR (self), FALSE);
  g_return_val_if_fail (IVD_IS_DIRECTORY_CHANGES (changes), FALSE);

  if (!check_readable (self, error) || !save_now (self, error))
    return FALSE;
  return ivd_directory_changes_apply_to_file (changes, self->directory, self->catalog, self->path, error);
}

/* Lists what importing @file would change, to import it or not; or says
 * why it cannot be imported. */
void
ivd_directory_editor_import_file (IvdDirectoryEditor *self,
                                  GFile              *file)
{
  g_autoptr(IvdDirectoryChanges) changes = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *body = NULL;

  g_return_if_fail (IVD_IS_DIRECTORY_EDITOR (self));
  g_return_if_fail (G_IS_FILE (file));

  if ((changes = ivd_directory_editor_preview_import (self, file, &error)) == NULL)
    {
      body = g_strdup_printf (_("%s\n\nNothing was changed."), error->message);
      show_message (self, _("The File Cannot Be Imported"), body);
    }
  else if (g_list_model_get_n_items (ivd_directory_changes_get_changes (changes)) == 0)
    show_message (self, _("Nothing to Import"), _("The file holds the same details as the directory."));
  else
    show_changes (self, changes);
}
