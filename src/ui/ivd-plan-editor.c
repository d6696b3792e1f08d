#define G_LOG_DOMAIN "ivd-plan-editor"

#include "config.h"

#include <glib/gi18n.h>

#include "ivd-checklist-page.h"
#include "ivd-contact-page.h"
#include "ivd-eligibility-page.h"
#include "ivd-enum-types.h"
#include "ivd-patient-page.h"
#include "ivd-plan-editor.h"
#include "ivd-priority-page.h"
#include "ivd-review-page.h"
#include "ivd-schedule-page.h"
#include "ivd-step-row.h"
#include "ivd-supplies-page.h"

/* The open plan as the eight steps of the doctor's flow: the step list
 * shows which are done and which are blocked, and each step is a page of
 * rows bound to the plan. Made for one plan: opening another makes a new
 * editor. */
struct _IvdPlanEditor
{
  AdwBin          parent_instance;

  IvdPlanSession *session;
  GtkWidget      *rows[IVD_N_STEPS];

  AdwFlap        *flap;
  GtkListBox     *step_list;
  GtkStack       *pages;
};

G_DEFINE_FINAL_TYPE (IvdPlanEditor, ivd_plan_editor, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_SESSION,
  PROP_STEP,
  PROP_FOLDED,
  PROP_REVEAL_STEPS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
show_states (IvdPlanEditor *self)
{
  IvdPlan *plan = ivd_plan_session_get_plan (self->session);
  IvdEvaluation *evaluation = ivd_plan_session_get_evaluation (self->session);

  for (IvdStep step = 0; step < IVD_N_STEPS; step++)
    ivd_step_row_set_state (IVD_STEP_ROW (self->rows[step]), ivd_plan_steps_get_state (plan, evaluation, step));
}

static void
on_step_list_row_selected_cb (IvdPlanEditor *self,
                              GtkListBoxRow *row)
{
  GtkWidget *page;

  if (row == NULL)
    return;

  page = gtk_stack_get_child_by_name (self->pages, ivd_plan_steps_get_id (ivd_step_row_get_step (IVD_STEP_ROW (row))));
  if (page != NULL)
    gtk_stack_set_visible_child (self->pages, page);
  if (adw_flap_get_folded (self->flap))
    adw_flap_set_reveal_flap (self->flap, FALSE);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STEP]);
}

static void
move_step (IvdPlanEditor *self,
           int            delta)
{
  int step = (int) ivd_plan_editor_get_step (self) + delta;

  if (step >= 0 && step < IVD_N_STEPS)
    ivd_plan_editor_set_step (self, (IvdStep) step);
}

static void
next_step_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  move_step (IVD_PLAN_EDITOR (widget), 1);
}

static void
previous_step_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  move_step (IVD_PLAN_EDITOR (widget), -1);
}

static void
go_to_step_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  int step = g_variant_get_int32 (parameter);

  if (step >= 0 && step < IVD_N_STEPS)
    ivd_plan_editor_set_step (IVD_PLAN_EDITOR (widget), (IvdStep) step);
}

static void
set_session (IvdPlanEditor  *self,
             IvdPlanSession *session)
{
  g_autoptr(GtkSelectionModel) pages = NULL;

  self->session = g_object_ref (session);

  /* Every page is a step page, bound to the session from here on. */
  pages = gtk_stack_get_pages (self->pages);
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (pages)); i++)
    {
      g_autoptr(GObject) page = g_list_model_get_item (G_LIST_MODEL (pages), i);

      ivd_step_page_set_session (IVD_STEP_PAGE (gtk_stack_page_get_child (GTK_STACK_PAGE (page))), session);
    }

  g_signal_connect_object (session, "notify::evaluation", G_CALLBACK (show_states), self, G_CONNECT_SWAPPED);
  show_states (self);
}

static void
ivd_plan_editor_dispose (GObject *object)
{
  IvdPlanEditor *self = (IvdPlanEditor *) object;

  gtk_widget_dispose_template (GTK_WIDGET (self), IVD_TYPE_PLAN_EDITOR);
  g_clear_object (&self->session);

  G_OBJECT_CLASS (ivd_plan_editor_parent_class)->dispose (object);
}

static void
ivd_plan_editor_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  IvdPlanEditor *self = IVD_PLAN_EDITOR (object);

  switch (prop_id)
    {
    case PROP_SESSION:      g_value_set_object (value, self->session); break;
    case PROP_STEP:         g_value_set_enum (value, ivd_plan_editor_get_step (self)); break;
    case PROP_FOLDED:       g_value_set_boolean (value, adw_flap_get_folded (self->flap)); break;
    case PROP_REVEAL_STEPS: g_value_set_boolean (value, adw_flap_get_reveal_flap (self->flap)); break;
    default:                G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ivd_plan_editor_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  IvdPlanEditor *self = IVD_PLAN_EDITOR (object);

  switch (prop_id)
    {
    case PROP_SESSION:      set_session (self, g_value_get_object (value)); break;
    case PROP_STEP:         ivd_plan_editor_set_step (self, g_value_get_enum (value)); break;
    case PROP_REVEAL_STEPS: adw_flap_set_reveal_flap (self->flap, g_value_get_boolean (value)); break;
    default:                G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
on_flap_notify_cb (IvdPlanEditor *self,
                   GParamSpec    *pspec)
{
  if (g_str_equal (pspec->name, "folded"))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FOLDED]);
  else if (g_str_equal (pspec->name, "reveal-flap"))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_REVEAL_STEPS]);
}

static void
add_step_shortcuts (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "editor.next-step", NULL, next_step_action);
  gtk_widget_class_install_action (widget_class, "editor.previous-step", NULL, previous_step_action);
  gtk_widget_class_install_action (widget_class, "editor.go-to-step", "i", go_to_step_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Page_Down, GDK_CONTROL_MASK, "editor.next-step", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Page_Up, GDK_CONTROL_MASK, "editor.previous-step", NULL);
  for (int i = 0; i < IVD_N_STEPS; i++)
    gtk_widget_class_add_binding_action (widget_class, GDK_KEY_1 + i, GDK_ALT_MASK, "editor.go-to-step", "i", i);
}

static void
ivd_plan_editor_class_init (IvdPlanEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ivd_plan_editor_dispose;
  object_class->get_property = ivd_plan_editor_get_property;
  object_class->set_property = ivd_plan_editor_set_property;

  properties[PROP_SESSION] =
    g_param_spec_object ("session", NULL, NULL, IVD_TYPE_PLAN_SESSION,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_STEP] =
    g_param_spec_enum ("step", NULL, NULL, IVD_TYPE_STEP, IVD_STEP_PATIENT,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /* Whether the step list has folded away (a narrow window). */
  properties[PROP_FOLDED] =
    g_param_spec_boolean ("folded", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_REVEAL_STEPS] =
    g_param_spec_boolean ("reveal-steps", NULL, NULL, TRUE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (IVD_TYPE_PATIENT_PAGE);
  g_type_ensure (IVD_TYPE_SUPPLIES_PAGE);
  g_type_ensure (IVD_TYPE_REVIEW_PAGE);
  g_type_ensure (IVD_TYPE_ELIGIBILITY_PAGE);
  g_type_ensure (IVD_TYPE_PRIORITY_PAGE);
  g_type_ensure (IVD_TYPE_SCHEDULE_PAGE);
  g_type_ensure (IVD_TYPE_CONTACT_PAGE);
  g_type_ensure (IVD_TYPE_CHECKLIST_PAGE);
  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/ivdischarge/IvDischarge/ivd-plan-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, IvdPlanEditor, step_list);
  gtk_widget_class_bind_template_child (widget_class, IvdPlanEditor, pages);
  gtk_widget_class_bind_template_callback (widget_class, on_step_list_row_selected_cb);
  add_step_shortcuts (widget_class);
}

static void
ivd_plan_editor_init (IvdPlanEditor *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  /* Not a bound template child: AdwBin unparents its child itself. */
  self->flap = ADW_FLAP (adw_bin_get_child (ADW_BIN (self)));

  for (IvdStep step = 0; step < IVD_N_STEPS; step++)
    {
      const char *id = ivd_plan_steps_get_id (step);

      self->rows[step] = ivd_step_row_new (step);
      /* A step whose page is not in this build cannot be chosen. */
      gtk_widget_set_sensitive (self->rows[step], gtk_stack_get_child_by_name (self->pages, id) != NULL);
      gtk_list_box_append (self->step_list, self->rows[step]);
    }
  gtk_list_box_select_row (self->step_list, GTK_LIST_BOX_ROW (self->rows[IVD_STEP_PATIENT]));
  g_signal_connect_object (self->flap, "notify", G_CALLBACK (on_flap_notify_cb), self, G_CONNECT_SWAPPED);
}

IvdPlanEditor *
ivd_plan_editor_new (IvdPlanSession *session)
{
  g_return_val_if_fail (IVD_IS_PLAN_SESSION (session), NULL);

  return g_object_new (IVD_TYPE_PLAN_EDITOR, "session", session, NULL);
}

IvdPlanSession *
ivd_plan_editor_get_session (IvdPlanEditor *self)
{
  g_return_val_if_fail (IVD_IS_PLAN_EDITOR (self), NULL);
  return self->session;
}

IvdStep
ivd_plan_editor_get_step (IvdPlanEditor *self)
{
  GtkListBoxRow *row;

  g_return_val_if_fail (IVD_IS_PLAN_EDITOR (self), IVD_STEP_PATIENT);

  row = gtk_list_box_get_selected_row (self->step_list);
  return row != NULL ? ivd_step_row_get_step (IVD_STEP_ROW (row)) : IVD_STEP_PATIENT;
}

void
ivd_plan_editor_set_step (IvdPlanEditor *self,
                          IvdStep        step)
{
  g_return_if_fail (IVD_IS_PLAN_EDITOR (self));
  g_return_if_fail (step < IVD_N_STEPS);

  if (!gtk_widget_get_sensitive (self->rows[step]))
    return;
  gtk_list_box_select_row (self->step_list, GTK_LIST_BOX_ROW (self->rows[step]));
}
