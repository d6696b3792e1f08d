#pragma once

#include <adwaita.h>

#include "ivd-catalog.h"
#include "ivd-store.h"

G_BEGIN_DECLS

#define IVD_TYPE_APPLICATION (ivd_application_get_type ())

G_DECLARE_FINAL_TYPE (IvdApplication, ivd_application, IVD, APPLICATION, AdwApplication)

IvdApplication *ivd_application_new              (const char     *database_path);
IvdApplication *ivd_application_new_training     (const char     *database_path);
gboolean        ivd_application_get_training    (IvdApplication *self);
gboolean        ivd_application_reset_training  (IvdApplication *self,
                                                 GError        **error);
IvdStore       *ivd_application_get_store        (IvdApplication *self);
gboolean        ivd_application_get_opening_store (IvdApplication *self);
void            ivd_application_show_store_error (IvdApplication *self);

G_END_DECLS
