#pragma once

#include <adwaita.h>

#include "ivd-plan-status.h"

G_BEGIN_DECLS

/* What the coordinator records from the transfers view. */
typedef enum
{
  IVD_STATUS_DIALOG_ANSWER,  /* the municipality accepted or declined (reason) */
  IVD_STATUS_DIALOG_ENDED,   /* the course ended: outcome, closing note received */
  IVD_STATUS_DIALOG_CANCEL,  /* the plan is cancelled (reason) */
} IvdStatusDialogKind;

#define IVD_TYPE_STATUS_DIALOG (ivd_status_dialog_get_type ())

G_DECLARE_FINAL_TYPE (IvdStatusDialog, ivd_status_dialog, IVD, STATUS_DIALOG, AdwMessageDialog)

IvdStatusDialog *ivd_status_dialog_new        (GtkWindow           *parent,
                                               IvdStatusDialogKind  kind);
IvdPlanStatus    ivd_status_dialog_get_status (IvdStatusDialog     *self);
char            *ivd_status_dialog_dup_reason (IvdStatusDialog     *self);
gboolean         ivd_status_dialog_is_complete (IvdStatusDialog    *self);

G_END_DECLS
