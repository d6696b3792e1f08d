#pragma once

#include <adwaita.h>

#include "ivd-plan-list.h"
#include "ivd-store.h"

G_BEGIN_DECLS

#define IVD_TYPE_TRANSFERS_VIEW (ivd_transfers_view_get_type ())

G_DECLARE_FINAL_TYPE (IvdTransfersView, ivd_transfers_view, IVD, TRANSFERS_VIEW, AdwBin)

GtkWidget      *ivd_transfers_view_new              (void);
IvdStore       *ivd_transfers_view_get_store        (IvdTransfersView *self);
void            ivd_transfers_view_set_store        (IvdTransfersView *self,
                                                     IvdStore         *store);
IvdPlanQueue    ivd_transfers_view_get_queue        (IvdTransfersView *self);
void            ivd_transfers_view_set_queue        (IvdTransfersView *self,
                                                     IvdPlanQueue      queue);
const char     *ivd_transfers_view_get_today        (IvdTransfersView *self);
void            ivd_transfers_view_set_today        (IvdTransfersView *self,
                                                     const char       *today);
IvdPlanList    *ivd_transfers_view_get_plans        (IvdTransfersView *self);
guint           ivd_transfers_view_get_queue_count  (IvdTransfersView *self,
                                                     IvdPlanQueue      queue);
void            ivd_transfers_view_recount          (IvdTransfersView *self);
gboolean        ivd_transfers_view_open_details     (IvdTransfersView *self,
                                                     const char       *id);
IvdPlanSummary *ivd_transfers_view_get_details      (IvdTransfersView *self);

G_END_DECLS
