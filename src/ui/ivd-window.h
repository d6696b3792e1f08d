#pragma once

#include <adwaita.h>

#include "ivd-application.h"

G_BEGIN_DECLS

#define IVD_TYPE_WINDOW (ivd_window_get_type ())

G_DECLARE_FINAL_TYPE (IvdWindow, ivd_window, IVD, WINDOW, AdwApplicationWindow)

IvdWindow *ivd_window_new (IvdApplication *application,
                           IvdCatalog     *catalog,
                           const GError   *catalog_error);

G_END_DECLS
