#define G_LOG_DOMAIN "ivd-priority-page"

#include "config.h"

#include <glib/gi18n.h>

#include "ivd-labels.h"
#include "ivd-plan-binding.h"
#include "ivd-priority-page.h"
#include "ivd-record-note.h"
#include "ivd-rule-lookup.h"

/* Step 3: what is given, and in which form. The forms are listed in the
 * region's priority order (domain §4); choosing a lower one asks why each
 * higher one is not used. Tablets or self-administration end the flow: no
 * municipal IV course, and a note for the record says what still must be
 * done. */

#define CODE_KEY "ivd-priority-code"
#define PATH_KEY "ivd-priority-path"

/* The plan file's treatment types (design.md). */
static const char * const types[] = { "antibiotic", "fluid", "other", NULL };

struct _IvdPriorityPage
{
  IvdStepPage          parent_instance;

  GStrv                order;         /* the forms shown, from the top */
  GPtrArray           *type_checks;
  GPtrArray           *form_checks;
  GPtrArray           *form_rows;
  GPtrArray           *reason_rows;   /* one per form but the last */
  gboolean             showing;       /* the checks follow the plan */

  AdwPreferencesGroup *type_group;
  AdwPreferencesGroup *forms_group;
  AdwPreferencesGroup *reasons_group;
  AdwPreferencesGroup *status_group;
  GtkLabel            *note_label;
};

G_DEFINE_FINAL_TYPE (IvdPriorityPage, ivd_priority_page, IVD_TYPE_STEP_PAGE)

static void on_choice_toggled_cb (IvdPriorityPage *self,
                                  GtkCheckButton  *check);

static const char *
form_hint (const char *form)
{
  if (g_strcmp0 (form, "tablets") == 0)
    return _("Oral treatment instead of IV");
  if (g_strcmp0 (form, "self_administration") == 0)
    return _("The citizen or relatives give the treatment (user-managed)");
  if (g_strcmp0 (form, "iv_pump") == 0)
    return _("Electronic or elastomeric pump, set up once a day");
  if (g_strcmp0 (form, "iv_intermittent") == 0)
    return _("Infusion bags, a nurse visits at each dose");
  return NULL;
}

static char *
reason_question (const char *form)
{
  if (g_strcmp0 (form, "tablets") == 0)
    return g_strdup (_("Why not tablets?"));
  if (g_strcmp0 (form, "self_administration") == 0)
    return g_strdup (_("Why not self-administration?"));
  if (g_strcmp0 (form, "iv_pump") == 0)
    return g_strdup (_("Why not an IV pump?"));
  /* Translators: %s is a treatment form, e.g. "Tablets" */
  return g_strdup_printf (_("Why not %s?"), ivd_labels_form (form));
}

/* A radio-like row: a check button in a group, for one coded value. */
static GtkWidget *
choice_row_new (IvdPriorityPage *self,
                GPtrArray       *checks,
                const char      *path,
                const char      *code,
                const char      *title,
                const char      *hint)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *check = gtk_check_button_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  if (hint != NULL)
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), hint);
  gtk_widget_set_valign (check, GTK_ALIGN_CENTER);
  gtk_accessible_update_property (GTK_ACCESSIBLE (check), GTK_ACCESSIBLE_PROPERTY_LABEL, title, -1);
  if (checks->len > 0)
    gtk_check_button_set_group (GTK_CHECK_BUTTON (check), g_ptr_array_index (checks, 0));
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), check);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), check);

  g_object_set_data_full (G_OBJECT (check), CODE_KEY, g_strdup (code), g_free);
  g_object_set_data (G_OBJECT (check), PATH_KEY, (gpointer) path);
  g_signal_connect_object (check, "toggled", G_CALLBACK (on_choice_toggled_cb), self, G_CONNECT_SWAPPED);
  g_ptr_array_add (checks, check);
  return row;
}

static void
add_type_rows (IvdPriorityPage *self)
{
  for (guint i = 0; types[i] != NULL; i++)
    adw_preferences_group_add (self->type_group,
                               choice_row_new (self, self->type_checks, "treatment.type", types[i],
                                               ivd_labels_treatment_type (types[i]), NULL));
}

static void
clear_rows (AdwPreferencesGroup *group,
            GPtrArray           *rows)
{
  for (guint i = 0; i < rows->len; i++)
    adw_preferences_group_remove (group, g_ptr_array_index (rows, i));
  g_ptr_array_set_size (rows, 0);
}

static GtkWidget *
reason_row_new (IvdPriorityPage *self,
                const char      *form)
{
  GtkWidget *row = adw_entry_row_new ();
  g_autofree char *title = reason_question (form);
  g_autofree char *path = g_strconcat ("alternatives.", form, NULL);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  ivd_plan_binding_text (GTK_EDITABLE (row), ivd_step_page_get_plan (IVD_STEP_PAGE (self)), path);
  return row;
}

/* The forms and their reasons, once per order: the region's rule file
 * may list them otherwise than the agreement of domain §4. */
static void
show_order (IvdPriorityPage *self)
{
  g_auto(GStrv) order = ivd_rule_lookup_form_order (ivd_step_page_get_rule_set (IVD_STEP_PAGE (self)));

  if (self->order != NULL && g_strv_equal ((const char * const *) order, (const char * const *) self->order))
    return;

  clear_rows (self->forms_group, self->form_rows);
  clear_rows (self->reasons_group, self->reason_rows);
  g_ptr_array_set_size (self->form_checks, 0);
  g_strfreev (self->order);
  self->order = g_steal_pointer (&order);

  for (guint i = 0; self->order[i] != NULL; i++)
    {
      const char *form = self->order[i];
      /* Translators: a treatment form's place in the priority order and its name, e.g. "1. Tablets" */
      g_autofree char *title = g_strdup_printf (_("%u. %s"), i + 1, ivd_labels_form (form));
      GtkWidget *row = choice_row_new (self, self->form_checks, "treatment.form", form, title, form_hint (form));

      g_ptr_array_add (self->form_rows, row);
      adw_preferences_group_add (self->forms_group, row);
      if (self->order[i + 1] == NULL)
        break;
      g_ptr_array_add (self->reason_rows, reason_row_new (self, form));
      adw_preferences_group_add (self->reasons_group, g_ptr_array_index (self->reason_rows, i));
    }
}

/* Each check active when the plan holds its value; none while unset. */
static void
show_choices (IvdPriorityPage *self,
              GPtrArray       *checks,
              const char      *path)
{
  const char *value = ivd_plan_get_string (ivd_step_page_get_plan (IVD_STEP_PAGE (self)), path);

  self->showing = TRUE;
  for (guint i = 0; i < checks->len; i++)
    {
      GtkCheckButton *check = g_ptr_array_index (checks, i);
      gboolean active = g_strcmp0 (g_object_get_data (G_OBJECT (check), CODE_KEY), value) == 0;

      if (gtk_check_button_get_active (check) != active)
        gtk_check_button_set_active (check, active);
    }
  self->showing = FALSE;
}

/* A reason for every form above the chosen one. */
static void
show_reasons (IvdPriorityPage *self)
{
  const char *form = ivd_plan_get_string (ivd_step_page_get_plan (IVD_STEP_PAGE (self)), "treatment.form");
  guint chosen = 0;

  while (self->order[chosen] != NULL && g_strcmp0 (self->order[chosen], form) != 0)
    chosen++;
  if (self->order[chosen] == NULL)
    chosen = 0;  /* none chosen, or a form the order does not list */

  for (guint i = 0; i < self->reason_rows->len; i++)
    gtk_widget_set_visible (g_ptr_array_index (self->reason_rows, i), i < chosen);
  gtk_widget_set_visible (GTK_WIDGET (self->reasons_group), chosen > 0);
}

static void
show_status (IvdPriorityPage *self)
{
  IvdEvaluation *evaluation = ivd_step_page_get_evaluation (IVD_STEP_PAGE (self));
  gboolean no_iv = evaluation && ivd_evaluation_get_outcome (evaluation) == IVD_OUTCOME_NOT_APPLICABLE;
  g_autofree char *note = no_iv ? ivd_record_note_new (ivd_step_page_get_plan (IVD_STEP_PAGE (self))) : NULL;

  gtk_widget_set_visible (GTK_WIDGET (self->status_group), no_iv);
  gtk_label_set_label (self->note_label, note != NULL ? note : ivd_labels_outcome ("not_applicable"));
}

static void
on_choice_toggled_cb (IvdPriorityPage *self,
                      GtkCheckButton  *check)
{
  IvdPlan *plan = ivd_step_page_get_plan (IVD_STEP_PAGE (self));
  const char *path = g_object_get_data (G_OBJECT (check), PATH_KEY);
  const char *code = g_object_get_data (G_OBJECT (check), CODE_KEY);

  /* The check that went off follows the one that went on. */
  if (self->showing || plan == NULL || !gtk_check_button_get_active (check))
    return;
  if (g_strcmp0 (ivd_plan_get_string (plan, path), code) != 0)
    ivd_plan_set_string (plan, path, code);
}

static void
on_copy_button_clicked_cb (IvdPriorityPage *self,
                           GtkButton       *button)
{
  gdk_clipboard_set_text (gtk_widget_get_clipboard (GTK_WIDGET (button)), gtk_label_get_text (self->note_label));
}

static void
ivd_priority_page_session_set (IvdStepPage *page)
{
  add_type_rows (IVD_PRIORITY_PAGE (page));
}

static void
ivd_priority_page_evaluation_changed (IvdStepPage *page)
{
  IvdPriorityPage *self = IVD_PRIORITY_PAGE (page);

  show_order (self);
  show_choices (self, self->type_checks, "treatment.type");
  show_choices (self, self->form_checks, "treatment.form");
  show_reasons (self);
  show_status (self);
}

static void
ivd_priority_page_dispose (GObject *object)
{
  IvdPriorityPage *self = (IvdPriorityPage *) object;

  gtk_widget_dispose_template (GTK_WIDGET (self), IVD_TYPE_PRIORITY_PAGE);
  g_clear_pointer (&self->type_checks, g_ptr_array_unref);
  g_clear_pointer (&self->form_checks, g_ptr_array_unref);
  g_clear_pointer (&self->form_rows, g_ptr_array_unref);
  g_clear_pointer (&self->reason_rows, g_ptr_array_unref);
  g_clear_pointer (&self->order, g_strfreev);

  G_OBJECT_CLASS (ivd_priority_page_parent_class)->dispose (object);
}

static void
ivd_priority_page_class_init (IvdPriorityPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  IvdStepPageClass *page_class = IVD_STEP_PAGE_CLASS (klass);

  object_class->dispose = ivd_priority_page_dispose;
  page_class->session_set = ivd_priority_page_session_set;
  page_class->evaluation_changed = ivd_priority_page_evaluation_changed;

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/ivdischarge/IvDischarge/ivd-priority-page.ui");
  gtk_widget_class_bind_template_child (widget_class, IvdPriorityPage, type_group);
  gtk_widget_class_bind_template_child (widget_class, IvdPriorityPage, forms_group);
  gtk_widget_class_bind_template_child (widget_class, IvdPriorityPage, reasons_group);
  gtk_widget_class_bind_template_child (widget_class, IvdPriorityPage, status_group);
  gtk_widget_class_bind_template_child (widget_class, IvdPriorityPage, note_label);
  gtk_widget_class_bind_template_callback (widget_class, on_copy_button_clicked_cb);
}

static void
ivd_priority_page_init (IvdPriorityPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->type_checks = g_ptr_array_new ();
  self->form_checks = g_ptr_array_new ();
  self->form_rows = g_ptr_array_new ();
  self->reason_rows = g_ptr_array_new ();
}
