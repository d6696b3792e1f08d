#define G_LOG_DOMAIN "ivd-training-banner"

#include "config.h"

#include <glib/gi18n.h>

#include "ivd-training-banner.h"
#include "ivd-training-notes.h"

/* Training mode's banner above every page of the window: "Training –
 * fictitious patients", the trainer's note of the open plan behind a
 * toggle, and "Reset Training…" (the window's win.reset-training). */
struct _IvdTrainingBanner
{
  GtkBox            parent_instance;

  IvdPlan          *plan;

  GtkLabel         *banner_label;
  GtkToggleButton  *notes_button;
  IvdTrainingNotes *notes;
};

G_DEFINE_FINAL_TYPE (IvdTrainingBanner, ivd_training_banner, GTK_TYPE_BOX)

enum {
  PROP_0,
  PROP_PLAN,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
ivd_training_banner_dispose (GObject *object)
{
  IvdTrainingBanner *self = (IvdTrainingBanner *) object;

  g_clear_object (&self->plan);
  gtk_widget_dispose_template (GTK_WIDGET (self), IVD_TYPE_TRAINING_BANNER);

  G_OBJECT_CLASS (ivd_training_banner_parent_class)->dispose (object);
}

static void
ivd_training_banner_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  IvdTrainingBanner *self = IVD_TRAINING_BANNER (object);

  switch (prop_id)
    {
    case PROP_PLAN: g_value_set_object (value, self->plan); break;
    default:        G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ivd_training_banner_set_property (GObject      *object,
                                  guint         prop_id,
                                  const GValue *value,
                                  GParamSpec   *pspec)
{
  IvdTrainingBanner *self = IVD_TRAINING_BANNER (object);

  switch (prop_id)
    {
    case PROP_PLAN: ivd_training_banner_set_plan (self, g_value_get_object (value)); break;
    default:        G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ivd_training_banner_class_init (IvdTrainingBannerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ivd_training_banner_dispose;
  object_class->get_property = ivd_training_banner_get_property;
  object_class->set_property = ivd_training_banner_set_property;

  /* The open plan, whose trainer's note is shown; NULL when none is open. */
  properties[PROP_PLAN] =
    g_param_spec_object ("plan", NULL, NULL, IVD_TYPE_PLAN,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (IVD_TYPE_TRAINING_NOTES);
  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/ivdischarge/IvDischarge/ivd-training-banner.ui");
  gtk_widget_class_bind_template_child (widget_class, IvdTrainingBanner, banner_label);
  gtk_widget_class_bind_template_child (widget_class, IvdTrainingBanner, notes_button);
  gtk_widget_class_bind_template_child (widget_class, IvdTrainingBanner, notes);
}

static void
ivd_training_banner_init (IvdTrainingBanner *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
ivd_training_banner_new (void)
{
  return g_object_new (IVD_TYPE_TRAINING_BANNER, NULL);
}

IvdPlan *
ivd_training_banner_get_plan (IvdTrainingBanner *self)
{
  g_return_val_if_fail (IVD_IS_TRAINING_BANNER (self), NULL);
  return self->plan;
}

void
ivd_training_banner_set_plan (IvdTrainingBanner *self,
                              IvdPlan           *plan)
{
  g_return_if_fail (IVD_IS_TRAINING_BANNER (self));
  g_return_if_fail (plan == NULL || IVD_IS_PLAN (plan));

  if (!g_set_object (&self->plan, plan))
    return;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PLAN]);
}
