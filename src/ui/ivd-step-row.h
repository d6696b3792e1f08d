#pragma once

#include <gtk/gtk.h>

#include "ivd-plan-steps.h"

G_BEGIN_DECLS

#define IVD_TYPE_STEP_ROW (ivd_step_row_get_type ())

G_DECLARE_FINAL_TYPE (IvdStepRow, ivd_step_row, IVD, STEP_ROW, GtkListBoxRow)

GtkWidget *ivd_step_row_new       (IvdStep       step);
IvdStep    ivd_step_row_get_step  (IvdStepRow   *self);
void       ivd_step_row_set_state (IvdStepRow   *self,
                                   IvdStepState  state);

G_END_DECLS
