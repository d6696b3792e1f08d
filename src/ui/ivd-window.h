#pragma once

#include <adwaita.h>

#include "ivd-application.h"
#include "ivd-coordinator-view.h"

G_BEGIN_DECLS

#define IVD_TYPE_WINDOW (ivd_window_get_type ())

G_DECLARE_FINAL_TYPE (IvdWindow, ivd_window, IVD, WINDOW, AdwApplicationWindow)

IvdWindow *ivd_window_new (IvdApplication *application,
                           IvdCatalog     *catalog,
                           const GError   *catalog_error);
void       ivd_window_show_queue (IvdWindow    *self,
                                  IvdPlanQueue  queue);
IvdCoordinatorView *ivd_window_get_coordinator_view (IvdWindow *self);

G_END_DECLS
