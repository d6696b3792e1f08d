#define G_LOG_DOMAIN "ivd-step-row"

#include "config.h"

#include <glib/gi18n.h>

#include "ivd-step-row.h"

/* A step in the editor's step list: its number, its title and whether it
 * is done, blocked, needs review, or not needed; the state is also in the
 * accessible description, never in colour alone. */
struct _IvdStepRow
{
  GtkListBoxRow  parent_instance;

  IvdStep        step;
  IvdStepState   state;

  GtkLabel      *number_label;
  GtkLabel      *title_label;
  GtkImage      *state_image;
};

G_DEFINE_FINAL_TYPE (IvdStepRow, ivd_step_row, GTK_TYPE_LIST_BOX_ROW)

static const struct
{
  const char *icon;
  const char *css;
  const char *description;
} states[] = {
  [IVD_STEP_STATE_OPEN] = { NULL, NULL, N_("Not complete") },
  [IVD_STEP_STATE_DONE] = { "emblem-ok-symbolic", "success", N_("Complete") },
  [IVD_STEP_STATE_REVIEW] = { "dialog-warning-symbolic", "warning", N_("Complete; needs an individual assessment") },
  [IVD_STEP_STATE_BLOCKED] = { "dialog-error-symbolic", "error", N_("Blocked: a finding keeps the course in hospital") },
  [IVD_STEP_STATE_SKIPPED] = { "action-unavailable-symbolic", "dim-label", N_("Not needed: no municipal IV course") },
};

static void
ivd_step_row_class_init (IvdStepRowClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/ivdischarge/IvDischarge/ivd-step-row.ui");
  gtk_widget_class_bind_template_child (widget_class, IvdStepRow, number_label);
  gtk_widget_class_bind_template_child (widget_class, IvdStepRow, title_label);
  gtk_widget_class_bind_template_child (widget_class, IvdStepRow, state_image);
}

static void
ivd_step_row_init (IvdStepRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->state = IVD_STEP_STATE_SKIPPED;  /* anything but OPEN, so the first set shows */
}

GtkWidget *
ivd_step_row_new (IvdStep step)
{
  IvdStepRow *self = g_object_new (IVD_TYPE_STEP_ROW, NULL);
  g_autofree char *number = g_strdup_printf ("%d", step + 1);

  self->step = step;
  gtk_label_set_label (self->number_label, number);
  gtk_label_set_label (self->title_label, ivd_plan_steps_get_title (step));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  ivd_plan_steps_get_title (step), -1);
  ivd_step_row_set_state (self, IVD_STEP_STATE_OPEN);
  return GTK_WIDGET (self);
}

IvdStep
ivd_step_row_get_step (IvdStepRow *self)
{
  g_return_val_if_fail (IVD_IS_STEP_ROW (self), IVD_STEP_PATIENT);
  return self->step;
}

void
ivd_step_row_set_state (IvdStepRow   *self,
                        IvdStepState  state)
{
  g_return_if_fail (IVD_IS_STEP_ROW (self));
  g_return_if_fail (state < G_N_ELEMENTS (states));

  if (self->state == state)
    return;

  if (states[self->state].css != NULL)
    gtk_widget_remove_css_class (GTK_WIDGET (self->state_image), states[self->state].css);
  self->state = state;
  gtk_image_set_from_icon_name (self->state_image, states[state].icon);
  if (states[state].css != NULL)
    gtk_widget_add_css_class (GTK_WIDGET (self->state_image), states[state].css);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->state_image), _(states[state].description));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                  _(states[state].description), -1);
}
