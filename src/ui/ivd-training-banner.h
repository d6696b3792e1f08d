#pragma once

#include <gtk/gtk.h>

#include "ivd-plan.h"

G_BEGIN_DECLS

#define IVD_TYPE_TRAINING_BANNER (ivd_training_banner_get_type ())

G_DECLARE_FINAL_TYPE (IvdTrainingBanner, ivd_training_banner, IVD, TRAINING_BANNER, GtkBox)

GtkWidget *ivd_training_banner_new      (void);
IvdPlan   *ivd_training_banner_get_plan (IvdTrainingBanner *self);
void       ivd_training_banner_set_plan (IvdTrainingBanner *self,
                                        IvdPlan          *plan);

G_END_DECLS
