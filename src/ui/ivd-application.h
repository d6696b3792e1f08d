#pragma once

#include <adwaita.h>

#include "ivd-catalog.h"

G_BEGIN_DECLS

#define IVD_TYPE_APPLICATION (ivd_application_get_type ())

G_DECLARE_FINAL_TYPE (IvdApplication, ivd_application, IVD, APPLICATION, AdwApplication)

IvdApplication *ivd_application_new         (void);

G_END_DECLS
