#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define IVD_SOR_MIN_DIGITS 6
#define IVD_SOR_MAX_DIGITS 18
#define IVD_EAN_DIGITS     13

gboolean ivd_codes_ean_is_valid (const char *code);
gboolean ivd_codes_sor_is_valid (const char *code);
gboolean ivd_codes_check_ean    (const char  *code,
                                 GError     **error);
gboolean ivd_codes_check_sor    (const char  *code,
                                 GError     **error);

G_END_DECLS
