#pragma once

#include <gtk/gtk.h>

#include "ivd-plan.h"

G_BEGIN_DECLS

#define IVD_TYPE_TRAINING_NOTES (ivd_training_notes_get_type ())

G_DECLARE_FINAL_TYPE (IvdTrainingNotes, ivd_training_notes, IVD, TRAINING_NOTES, GtkBox)

GtkWidget *ivd_training_notes_new      (void);
IvdPlan   *ivd_training_notes_get_plan (IvdTrainingNotes *self);
void       ivd_training_notes_set_plan (IvdTrainingNotes *self,
                                        IvdPlan          *plan);

G_END_DECLS
