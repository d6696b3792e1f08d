#define G_LOG_DOMAIN "ivd-contact-page"

#include "config.h"

#include <glib/gi18n.h>

#include "ivd-checklist-item.h"
#include "ivd-codes.h"
#include "ivd-contact-page.h"
#include "ivd-directory.h"
#include "ivd-isbar.h"
#include "ivd-json.h"
#include "ivd-labels.h"
#include "ivd-plan-binding.h"

/* Step 5: the phone call to the municipality. Its directory entry (edited
 * here and saved to the user's directory file for every later plan), the
 * ISBAR script to read out, and the log of calls with their answers; a
 * refusal becomes the EXCL-CAPACITY finding, an acceptance offers to tick
 * START-PHONE. */

#define SAVE_DELAY_MS   400
#define COPIED_DELAY_MS 2000

/* The directory entry's text fields, in the order of the rows. */
static const struct
{
  const char *row;
  const char *property;
} fields[] = {
  { "visitation_phone_row", "visitation-phone" },
  { "visitation_hours_row", "visitation-hours" },
  { "acute_team_phone_row", "acute-team-phone" },
  { "clinic_address_row", "clinic-address" },
  { "clinic_hours_row", "clinic-hours" },
  { "depot_address_row", "depot-address" },
  { "sor_row", "sor" },
  { "ean_row", "ean" },
  { "notes_row", "notes" },
};

#define N_FIELDS G_N_ELEMENTS (fields)

struct _IvdContactPage
{
  IvdStepPage          parent_instance;

  IvdDirectory        *directory;  /* NULL when the user's file cannot be read */
  char                *directory_path;
  char                *code;       /* the municipality whose entry is shown */
  guint                save_source;
  guint                copied_source;
  gboolean             showing;    /* filling rows from the directory */

  AdwPreferencesGroup *status_group;
  AdwPreferencesGroup *directory_group;
  AdwActionRow        *directory_error_row;
  AdwEntryRow         *field_rows[N_FIELDS];
  GtkLabel            *field_hints[N_FIELDS];
  AdwActionRow        *clinic_row;
  GtkToggleButton     *clinic_yes;
  GtkToggleButton     *clinic_no;
  GtkLabel            *script_label;
  AdwButtonContent    *copy_content;
  AdwEntryRow         *person_row;
  GtkToggleButton     *accepted_button;
  GtkToggleButton     *declined_button;
  GtkToggleButton     *call_back_button;
  AdwEntryRow         *reason_row;
  GtkLabel            *reason_hint;
  GtkLabel            *log_error;
  GtkListBox          *calls_list;
  AdwPreferencesGroup *agreement_group;
  AdwActionRow        *start_phone_row;
  GtkCheckButton      *start_phone_check;
  GtkWidget           *start_phone_button;
};

G_DEFINE_FINAL_TYPE (IvdContactPage, ivd_contact_page, IVD_TYPE_STEP_PAGE)

static IvdCatalog *
catalog (IvdContactPage *self)
{
  return ivd_store_get_catalog (ivd_plan_session_get_store (ivd_step_page_get_session (IVD_STEP_PAGE (self))));
}

static IvdDirectoryEntry *
entry (IvdContactPage *self)
{
  return self->directory != NULL ? ivd_directory_lookup (self->directory, self->code) : NULL;
}

static void
show_directory_error (IvdContactPage *self,
                      const char     *title,
                      const char     *message)
{
  gtk_widget_set_visible (GTK_WIDGET (self->directory_error_row), message != NULL);
  if (message == NULL)
    return;
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->directory_error_row), title);
  adw_action_row_set_subtitle (self->directory_error_row, message);
}

/* Directory */

static void
save_now (IvdContactPage *self)
{
  g_autoptr(GError) error = NULL;

  g_clear_handle_id (&self->save_source, g_source_remove);
  if (self->code == NULL ||
      ivd_directory_save_entry (self->directory, catalog (self), self->directory_path, self->code, &error))
    show_directory_error (self, NULL, NULL);
  else
    show_directory_error (self, _("Not saved"), error->message);
}

static gboolean
on_save_timeout_cb (gpointer user_data)
{
  IvdContactPage *self = user_data;

  self->save_source = 0;
  save_now (self);
  return G_SOURCE_REMOVE;
}

/* A moment after the last keystroke, so typing a phone number is one
 * write to the disk, not fifteen. */
static void
schedule_save (IvdContactPage *self)
{
  g_clear_handle_id (&self->save_source, g_source_remove);
  self->save_source = g_timeout_add (SAVE_DELAY_MS, on_save_timeout_cb, self);
}

static void
flush_save (IvdContactPage *self)
{
  if (self->save_source != 0)
    save_now (self);
}

static guint
field_index (IvdContactPage *self,
             gpointer        row)
{
  for (guint i = 0; i < N_FIELDS; i++)
    if (self->field_rows[i] == row)
      return i;
  g_return_val_if_reached (0);
}

/* NULL when @value may be saved; else why not. *typing is set while a code
 * is only too short yet, which is no error while it is being typed. */
static char *
dup_field_problem (guint       i,
                   const char *value,
                   gboolean   *typing)
{
  g_autoptr(GError) error = NULL;
  gboolean ean = g_str_equal (fields[i].property, "ean");
  gboolean sor = g_str_equal (fields[i].property, "sor");
  gsize min = ean ? IVD_EAN_DIGITS : IVD_SOR_MIN_DIGITS;

  *typing = FALSE;
  if (*value == '\0' || (!ean && !sor))
    return NULL;
  if (ean ? ivd_codes_check_ean (value, &error) : ivd_codes_check_sor (value, &error))
    return NULL;

  *typing = strlen (value) < min && strspn (value, "0123456789") == strlen (value);
  return g_strdup (error->message);
}

static void
show_field_state (IvdContactPage *self,
                  guint           i,
                  const char     *value,
                  const char     *problem,
                  gboolean        typing)
{
  g_autofree char *hint = NULL;

  if (problem != NULL)
    /* Translators: the reason a code in the directory is refused */
    hint = g_strdup_printf (_("Not saved: %s"), problem);
  else if (*value == '\0')
    hint = g_strdup (_("not filled in"));

  gtk_label_set_label (self->field_hints[i], hint != NULL ? hint : "");
  gtk_widget_set_visible (GTK_WIDGET (self->field_hints[i]), hint != NULL);
  if (problem != NULL && !typing)
    gtk_widget_add_css_class (GTK_WIDGET (self->field_rows[i]), "error");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->field_rows[i]), "error");
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->field_rows[i]), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                  hint != NULL ? hint : "", -1);
}

static void
show_clinic (IvdContactPage *self)
{
  IvdDirectoryEntry *current = entry (self);
  gboolean known = current != NULL && ivd_directory_entry_get_iv_in_clinic_known (current);
  gboolean value = known && ivd_directory_entry_get_iv_in_clinic (current);

  gtk_toggle_button_set_active (self->clinic_yes, known && value);
  gtk_toggle_button_set_active (self->clinic_no, known && !value);
  adw_action_row_set_subtitle (self->clinic_row, known ? "" : _("not filled in"));
}

/* Fills the rows from the entry of the municipality now chosen. */
static void
show_entry (IvdContactPage *self)
{
  IvdDirectoryEntry *current = entry (self);

  self->showing = TRUE;
  for (guint i = 0; i < N_FIELDS; i++)
    {
      g_autofree char *value = NULL;

      if (current != NULL)
        g_object_get (current, fields[i].property, &value, NULL);
      gtk_editable_set_text (GTK_EDITABLE (self->field_rows[i]), value ? value : "");
      show_field_state (self, i, value ? value : "", NULL, FALSE);
      gtk_widget_set_sensitive (GTK_WIDGET (self->field_rows[i]), self->directory != NULL);
    }
  show_clinic (self);
  gtk_widget_set_sensitive (GTK_WIDGET (self->clinic_row), self->directory != NULL);
  self->showing = FALSE;
}

static void
show_municipality (IvdContactPage *self)
{
  const char *code = ivd_plan_get_string (ivd_step_page_get_plan (IVD_STEP_PAGE (self)), "patient.municipality_code");
  IvdMunicipality *municipality = code ? ivd_catalog_lookup_municipality (catalog (self), code) : NULL;
  g_autofree char *title = NULL;

  gtk_widget_set_visible (GTK_WIDGET (self->status_group), municipality == NULL);
  gtk_widget_set_visible (GTK_WIDGET (self->directory_group), municipality != NULL);
  if (municipality == NULL || g_strcmp0 (code, self->code) == 0)
    return;

  /* The edits for the municipality before go to the file first. */
  flush_save (self);
  g_free (self->code);
  self->code = g_strdup (code);

  if (ivd_municipality_get_authority (municipality) != NULL)
    title = g_strdup (ivd_municipality_get_authority (municipality));
  else
    title = g_strdup_printf (_("%s Municipality"), ivd_municipality_get_name (municipality));
  adw_preferences_group_set_title (self->directory_group, title);
  show_entry (self);
}

/* Script */

static void
show_script (IvdContactPage *self)
{
  g_autofree char *script = ivd_isbar_compose (catalog (self), ivd_step_page_get_plan (IVD_STEP_PAGE (self)),
                                               ivd_step_page_get_evaluation (IVD_STEP_PAGE (self)), entry (self));

  gtk_label_set_label (self->script_label, script);
}

/* Calls */

static const char *
latest_answer (IvdContactPage *self)
{
  JsonArray *calls = ivd_plan_get_calls (ivd_step_page_get_plan (IVD_STEP_PAGE (self)));

  for (guint i = calls ? json_array_get_length (calls) : 0; i > 0; i--)
    {
      JsonNode *node = json_array_get_element (calls, i - 1);
      const char *answer = JSON_NODE_HOLDS_OBJECT (node)
                           ? ivd_json_get_string (json_node_get_object (node), "answer")
                           : NULL;

      if (answer != NULL)
        return answer;
    }
  return NULL;
}

static char *
dup_call_time (JsonObject *call)
{
  const char *text = ivd_json_get_string (call, "time");
  g_autoptr(GDateTime) time = text ? g_date_time_new_from_iso8601 (text, NULL) : NULL;
  g_autoptr(GDateTime) local = time ? g_date_time_to_local (time) : NULL;

  /* Translators: when a call was made, GDateTime format; Danish: %d.%m.%Y kl. %H:%M */
  return local ? g_date_time_format (local, _("%Y-%m-%d %H:%M")) : g_strdup (_("time not filled in"));
}

/* The answer's icon and colour; the words are in the title beside it. */
static GtkWidget *
create_answer_icon (const char *answer)
{
  gboolean accepted = g_strcmp0 (answer, "accepted") == 0;
  gboolean declined = g_strcmp0 (answer, "declined") == 0;
  GtkWidget *icon = gtk_image_new_from_icon_name (accepted ? "emblem-ok-symbolic"
                                                  : declined ? "dialog-error-symbolic" : "call-start-symbolic");

  if (accepted || declined)
    gtk_widget_add_css_class (icon, accepted ? "success" : "error");
  gtk_accessible_update_property (GTK_ACCESSIBLE (icon), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  answer ? ivd_labels_answer (answer) : _("No answer"), -1);
  return icon;
}

static GtkWidget *
create_call_row (JsonObject *call)
{
  const char *answer = ivd_json_get_string (call, "answer");
  const char *person = ivd_json_get_string (call, "person");
  const char *reason = ivd_json_get_string (call, "reason");
  g_autofree char *time = dup_call_time (call);
  g_autofree char *title = g_strdup_printf ("%s · %s", answer ? ivd_labels_answer (answer) : _("No answer"),
                                            person ? person : _("not filled in"));
  g_autofree char *subtitle = reason ? g_strdup_printf ("%s · %s", time, reason) : g_strdup (time);
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), create_answer_icon (answer));
  return row;
}

/* Newest first: the one that counts is on top. */
static void
show_calls (IvdContactPage *self)
{
  JsonArray *calls = ivd_plan_get_calls (ivd_step_page_get_plan (IVD_STEP_PAGE (self)));
  GtkListBoxRow *row;

  while ((row = gtk_list_box_get_row_at_index (self->calls_list, 0)) != NULL)
    gtk_list_box_remove (self->calls_list, GTK_WIDGET (row));

  for (guint i = calls ? json_array_get_length (calls) : 0; i > 0; i--)
    {
      JsonNode *node = json_array_get_element (calls, i - 1);

      if (JSON_NODE_HOLDS_OBJECT (node))
        gtk_list_box_append (self->calls_list, create_call_row (json_node_get_object (node)));
    }
}

static const char *
chosen_answer (IvdContactPage *self)
{
  if (gtk_toggle_button_get_active (self->accepted_button))
    return "accepted";
  if (gtk_toggle_button_get_active (self->declined_button))
    return "declined";
  if (gtk_toggle_button_get_active (self->call_back_button))
    return "call_back";
  return NULL;
}

static void
clear_call_form (IvdContactPage *self)
{
  GtkToggleButton *buttons[] = { self->accepted_button, self->declined_button, self->call_back_button };

  gtk_editable_set_text (GTK_EDITABLE (self->person_row), "");
  gtk_editable_set_text (GTK_EDITABLE (self->reason_row), "");
  for (guint i = 0; i < G_N_ELEMENTS (buttons); i++)
    gtk_toggle_button_set_active (buttons[i], FALSE);
  gtk_label_set_label (self->log_error, "");
}

/* START-PHONE, as the region's agreement words it. */
static IvdChecklistItem *
find_start_phone (IvdContactPage *self)
{
  IvdEvaluation *evaluation = ivd_step_page_get_evaluation (IVD_STEP_PAGE (self));
  GListModel *checklist = evaluation ? ivd_evaluation_get_checklist (evaluation) : NULL;

  for (guint i = 0; checklist != NULL && i < g_list_model_get_n_items (checklist); i++)
    {
      g_autoptr(IvdChecklistItem) item = g_list_model_get_item (checklist, i);

      if (g_str_equal (ivd_checklist_item_get_id (item), "START-PHONE"))
        return g_steal_pointer (&item);
    }
  return NULL;
}

static void
show_start_phone (IvdContactPage *self)
{
  g_autoptr(IvdChecklistItem) item = find_start_phone (self);
  g_autofree char *subtitle = NULL;

  gtk_widget_set_visible (GTK_WIDGET (self->agreement_group), item != NULL);
  if (item == NULL)
    return;

  subtitle = g_strdup_printf ("%s · %s", ivd_checklist_item_get_id (item), ivd_checklist_item_get_source (item));
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->start_phone_row), ivd_checklist_item_get_text (item));
  adw_action_row_set_subtitle (self->start_phone_row, subtitle);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->start_phone_check), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  ivd_checklist_item_get_text (item), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, subtitle, -1);
  gtk_widget_set_visible (self->start_phone_button,
                          g_strcmp0 (latest_answer (self), "accepted") == 0 && !ivd_checklist_item_get_done (item));
}

/* Callbacks */

static void
on_field_changed_cb (IvdContactPage *self,
                     AdwEntryRow    *row)
{
  guint i = field_index (self, row);
  g_autofree char *value = NULL;
  g_autofree char *problem = NULL;
  gboolean typing;

  if (self->showing || self->directory == NULL || self->code == NULL)
    return;

  value = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (row))));
  problem = dup_field_problem (i, value, &typing);
  show_field_state (self, i, value, problem, typing);
  if (problem != NULL)
    return;

  g_object_set (ivd_directory_ensure_entry (self->directory, self->code),
                fields[i].property, *value != '\0' ? value : NULL, NULL);
  schedule_save (self);
  show_script (self);
}

/* Yes, no, or neither ("not filled in"): pressing the chosen answer
 * again clears it. */
static void
on_clinic_toggled_cb (IvdContactPage  *self,
                      GtkToggleButton *button)
{
  IvdDirectoryEntry *current;

  if (self->showing || self->directory == NULL || self->code == NULL)
    return;

  current = ivd_directory_ensure_entry (self->directory, self->code);
  if (gtk_toggle_button_get_active (button))
    g_object_set (current, "iv-in-clinic", button == self->clinic_yes, NULL);
  else if (!gtk_toggle_button_get_active (self->clinic_yes) && !gtk_toggle_button_get_active (self->clinic_no))
    g_object_set (current, "iv-in-clinic-known", FALSE, NULL);

  self->showing = TRUE;
  show_clinic (self);
  self->showing = FALSE;
  schedule_save (self);
}

static gboolean
on_copied_timeout_cb (gpointer user_data)
{
  IvdContactPage *self = user_data;

  self->copied_source = 0;
  adw_button_content_set_label (self->copy_content, _("Copy"));
  return G_SOURCE_REMOVE;
}

static void
on_copy_button_clicked_cb (IvdContactPage *self)
{
  gdk_clipboard_set_text (gtk_widget_get_clipboard (GTK_WIDGET (self)), gtk_label_get_label (self->script_label));
  adw_button_content_set_label (self->copy_content, _("Copied"));
  g_clear_handle_id (&self->copied_source, g_source_remove);
  self->copied_source = g_timeout_add (COPIED_DELAY_MS, on_copied_timeout_cb, self);
}

static void
on_answer_toggled_cb (IvdContactPage *self)
{
  const char *answer = chosen_answer (self);

  gtk_label_set_label (self->reason_hint, g_strcmp0 (answer, "declined") == 0 ? _("required") : "");
}

static void
on_log_button_clicked_cb (IvdContactPage *self)
{
  IvdPlan *plan = ivd_step_page_get_plan (IVD_STEP_PAGE (self));
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GError) error = NULL;

  if (plan == NULL)
    return;

  if (!ivd_plan_append_call (plan, now, gtk_editable_get_text (GTK_EDITABLE (self->person_row)),
                             chosen_answer (self), gtk_editable_get_text (GTK_EDITABLE (self->reason_row)), &error))
    {
      gtk_label_set_label (self->log_error, error->message);
      return;
    }
  clear_call_form (self);
}

static void
on_start_phone_button_clicked_cb (IvdContactPage *self)
{
  IvdPlan *plan = ivd_step_page_get_plan (IVD_STEP_PAGE (self));

  if (plan != NULL)
    ivd_plan_set_boolean (plan, "checklist.START-PHONE", TRUE);
}

static void
on_plan_changed_cb (IvdContactPage *self,
                    const char     *path)
{
  /* "" is the whole plan replaced (a conflict resolved). */
  if (*path == '\0' || g_str_equal (path, "contact.calls"))
    show_calls (self);
}

static void
ivd_contact_page_evaluation_changed (IvdStepPage *page)
{
  IvdContactPage *self = IVD_CONTACT_PAGE (page);

  show_municipality (self);
  show_script (self);
  show_start_phone (self);
}

static void
open_directory (IvdContactPage *self)
{
  g_autoptr(GError) error = NULL;

  self->directory_path = ivd_directory_dup_default_path ();
  self->directory = ivd_directory_new_default (catalog (self), &error);
  /* A file that cannot be read is never overwritten: editing stays off. */
  if (self->directory == NULL)
    show_directory_error (self, _("The municipality directory cannot be edited"), error->message);
}

static void
ivd_contact_page_session_set (IvdStepPage *page)
{
  IvdContactPage *self = IVD_CONTACT_PAGE (page);
  IvdPlan *plan = ivd_step_page_get_plan (page);

  open_directory (self);

  ivd_plan_binding_check (self->start_phone_check, plan, "checklist.START-PHONE");
  g_signal_connect_object (plan, "changed", G_CALLBACK (on_plan_changed_cb), self, G_CONNECT_SWAPPED);
  show_calls (self);
}

static void
ivd_contact_page_dispose (GObject *object)
{
  IvdContactPage *self = (IvdContactPage *) object;

  /* Edits still waiting for their moment reach the file. */
  if (self->directory != NULL)
    flush_save (self);
  g_clear_handle_id (&self->copied_source, g_source_remove);

  gtk_widget_dispose_template (GTK_WIDGET (self), IVD_TYPE_CONTACT_PAGE);
  g_clear_object (&self->directory);
  g_clear_pointer (&self->directory_path, g_free);
  g_clear_pointer (&self->code, g_free);

  G_OBJECT_CLASS (ivd_contact_page_parent_class)->dispose (object);
}

static void
bind_children (GtkWidgetClass *widget_class)
{
  for (guint i = 0; i < N_FIELDS; i++)
    gtk_widget_class_bind_template_child_full (widget_class, fields[i].row, FALSE,
                                               G_STRUCT_OFFSET (IvdContactPage, field_rows) + i * sizeof (gpointer));
  gtk_widget_class_bind_template_child (widget_class, IvdContactPage, status_group);
  gtk_widget_class_bind_template_child (widget_class, IvdContactPage, directory_group);
  gtk_widget_class_bind_template_child (widget_class, IvdContactPage, directory_error_row);
  gtk_widget_class_bind_template_child (widget_class, IvdContactPage, clinic_row);
  gtk_widget_class_bind_template_child (widget_class, IvdContactPage, clinic_yes);
  gtk_widget_class_bind_template_child (widget_class, IvdContactPage, clinic_no);
  gtk_widget_class_bind_template_child (widget_class, IvdContactPage, script_label);
  gtk_widget_class_bind_template_child (widget_class, IvdContactPage, copy_content);
  gtk_widget_class_bind_template_child (widget_class, IvdContactPage, person_row);
  gtk_widget_class_bind_template_child (widget_class, IvdContactPage, accepted_button);
  gtk_widget_class_bind_template_child (widget_class, IvdContactPage, declined_button);
  gtk_widget_class_bind_template_child (widget_class, IvdContactPage, call_back_button);
  gtk_widget_class_bind_template_child (widget_class, IvdContactPage, reason_row);
  gtk_widget_class_bind_template_child (widget_class, IvdContactPage, reason_hint);
  gtk_widget_class_bind_template_child (widget_class, IvdContactPage, log_error);
  gtk_widget_class_bind_template_child (widget_class, IvdContactPage, calls_list);
  gtk_widget_class_bind_template_child (widget_class, IvdContactPage, agreement_group);
  gtk_widget_class_bind_template_child (widget_class, IvdContactPage, start_phone_row);
  gtk_widget_class_bind_template_child (widget_class, IvdContactPage, start_phone_check);
  gtk_widget_class_bind_template_child (widget_class, IvdContactPage, start_phone_button);
}

static void
ivd_contact_page_class_init (IvdContactPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  IvdStepPageClass *page_class = IVD_STEP_PAGE_CLASS (klass);

  object_class->dispose = ivd_contact_page_dispose;
  page_class->session_set = ivd_contact_page_session_set;
  page_class->evaluation_changed = ivd_contact_page_evaluation_changed;

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/ivdischarge/IvDischarge/ivd-contact-page.ui");
  bind_children (widget_class);
  gtk_widget_class_bind_template_callback (widget_class, on_clinic_toggled_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_copy_button_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_answer_toggled_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_log_button_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_start_phone_button_clicked_cb);
}

/* Each directory row says "not filled in" or why its value is refused. */
static void
add_field_hints (IvdContactPage *self)
{
  for (guint i = 0; i < N_FIELDS; i++)
    {
      GtkWidget *hint = gtk_label_new (NULL);

      gtk_widget_set_valign (hint, GTK_ALIGN_CENTER);
      gtk_label_set_wrap (GTK_LABEL (hint), TRUE);
      /* Asks for its one-line width, wrapping only a long reason. */
      gtk_label_set_natural_wrap_mode (GTK_LABEL (hint), GTK_NATURAL_WRAP_NONE);
      gtk_label_set_max_width_chars (GTK_LABEL (hint), 36);
      gtk_label_set_xalign (GTK_LABEL (hint), 1);
      gtk_widget_add_css_class (hint, "dim-label");
      adw_entry_row_add_suffix (self->field_rows[i], hint);
      self->field_hints[i] = GTK_LABEL (hint);
      g_signal_connect_object (self->field_rows[i], "changed", G_CALLBACK (on_field_changed_cb), self,
                               G_CONNECT_SWAPPED);
    }
}

static void
ivd_contact_page_init (IvdContactPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  add_field_hints (self);
}
