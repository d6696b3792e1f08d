#define G_LOG_DOMAIN "ivd-training-notes"

#include "config.h"

#include <glib/gi18n.h>

#include "ivd-labels.h"
#include "ivd-training-case.h"
#include "ivd-training-notes.h"

/* The trainer's note beside the open plan in training mode: what the case
 * shows, the rules it teaches and what the plan should come to, so that a
 * trainer can walk a class through the cases one by one. */
struct _IvdTrainingNotes
{
  GtkBox    parent_instance;

  IvdPlan  *plan;

  GtkLabel *title_label;
  GtkLabel *note_label;
  GtkLabel *rules_label;
  GtkLabel *outcome_label;
};

G_DEFINE_FINAL_TYPE (IvdTrainingNotes, ivd_training_notes, GTK_TYPE_BOX)

enum {
  PROP_0,
  PROP_PLAN,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
show_texts (IvdTrainingNotes *self,
            const char       *title,
            const char       *note,
            const char       *rules,
            const char       *outcome)
{
  gtk_label_set_label (self->title_label, title);
  gtk_label_set_label (self->note_label, note);
  gtk_label_set_label (self->rules_label, rules);
  gtk_label_set_label (self->outcome_label, outcome);
  gtk_widget_set_visible (GTK_WIDGET (self->rules_label), rules != NULL);
  gtk_widget_set_visible (GTK_WIDGET (self->outcome_label), outcome != NULL);
}

static char *
dup_outcome_text (IvdTrainingCase *training_case)
{
  const char *outcome = ivd_labels_outcome (ivd_outcome_to_string (ivd_training_case_get_expected_outcome (training_case)));
  gboolean ready;

  if (!ivd_training_case_get_expected_ready (training_case, &ready))
    return g_strdup_printf (_("Expected outcome: %s"), outcome);
  return g_strdup_printf (ready ? _("Expected outcome: %s, ready to refer") : _("Expected outcome: %s, not ready to refer"),
                          outcome);
}

static void
update (IvdTrainingNotes *self)
{
  g_autoptr(IvdTrainingCase) training_case = NULL;
  g_autofree char *rules = NULL;
  g_autofree char *list = NULL;
  g_autofree char *outcome = NULL;

  if (self->plan == NULL)
    {
      show_texts (self, _("No Case Open"), _("Open a case from the list to see its trainer’s note."), NULL, NULL);
      return;
    }

  /* A plan made during the class has no note: only the training mark. */
  training_case = ivd_training_case_new_from_plan (self->plan, NULL);
  if (training_case == NULL)
    {
      show_texts (self, _("A Plan of Your Own"), _("This plan was made during training; it has no trainer’s note."),
                  NULL, NULL);
      return;
    }

  list = g_strjoinv (", ", (char **) ivd_training_case_get_rules (training_case));
  rules = g_strdup_printf (_("Rules: %s"), list);
  outcome = dup_outcome_text (training_case);
  show_texts (self, ivd_training_case_get_title (training_case), ivd_training_case_get_note (training_case), rules,
              outcome);
}

static void
ivd_training_notes_dispose (GObject *object)
{
  IvdTrainingNotes *self = (IvdTrainingNotes *) object;

  g_clear_object (&self->plan);
  gtk_widget_dispose_template (GTK_WIDGET (self), IVD_TYPE_TRAINING_NOTES);

  G_OBJECT_CLASS (ivd_training_notes_parent_class)->dispose (object);
}

static void
ivd_training_notes_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  IvdTrainingNotes *self = IVD_TRAINING_NOTES (object);

  switch (prop_id)
    {
    case PROP_PLAN: g_value_set_object (value, self->plan); break;
    default:        G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ivd_training_notes_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  IvdTrainingNotes *self = IVD_TRAINING_NOTES (object);

  switch (prop_id)
    {
    case PROP_PLAN: ivd_training_notes_set_plan (self, g_value_get_object (value)); break;
    default:        G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ivd_training_notes_class_init (IvdTrainingNotesClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ivd_training_notes_dispose;
  object_class->get_property = ivd_training_notes_get_property;
  object_class->set_property = ivd_training_notes_set_property;

  /* The open plan, or NULL when none is open. */
  properties[PROP_PLAN] =
    g_param_spec_object ("plan", NULL, NULL, IVD_TYPE_PLAN,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/ivdischarge/IvDischarge/ivd-training-notes.ui");
  gtk_widget_class_bind_template_child (widget_class, IvdTrainingNotes, title_label);
  gtk_widget_class_bind_template_child (widget_class, IvdTrainingNotes, note_label);
  gtk_widget_class_bind_template_child (widget_class, IvdTrainingNotes, rules_label);
  gtk_widget_class_bind_template_child (widget_class, IvdTrainingNotes, outcome_label);
}

static void
ivd_training_notes_init (IvdTrainingNotes *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  update (self);
}

GtkWidget *
ivd_training_notes_new (void)
{
  return g_object_new (IVD_TYPE_TRAINING_NOTES, NULL);
}

IvdPlan *
ivd_training_notes_get_plan (IvdTrainingNotes *self)
{
  g_return_val_if_fail (IVD_IS_TRAINING_NOTES (self), NULL);
  return self->plan;
}

void
ivd_training_notes_set_plan (IvdTrainingNotes *self,
                             IvdPlan          *plan)
{
  g_return_if_fail (IVD_IS_TRAINING_NOTES (self));
  g_return_if_fail (plan == NULL || IVD_IS_PLAN (plan));

  if (!g_set_object (&self->plan, plan))
    return;
  update (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PLAN]);
}
