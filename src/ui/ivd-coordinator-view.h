#pragma once

#include <adwaita.h>

#include "ivd-store.h"
#include "ivd-transfers-view.h"

G_BEGIN_DECLS

#define IVD_TYPE_COORDINATOR_VIEW (ivd_coordinator_view_get_type ())

G_DECLARE_FINAL_TYPE (IvdCoordinatorView, ivd_coordinator_view, IVD, COORDINATOR_VIEW, AdwBin)

GtkWidget        *ivd_coordinator_view_new                (void);
void              ivd_coordinator_view_set_store          (IvdCoordinatorView *self,
                                                           IvdStore           *store);
IvdTransfersView *ivd_coordinator_view_get_transfers_view (IvdCoordinatorView *self);
void              ivd_coordinator_view_show_page          (IvdCoordinatorView *self,
                                                           const char         *name);
gboolean          ivd_coordinator_view_save_pending       (IvdCoordinatorView *self,
                                                           GError            **error);

G_END_DECLS
