#pragma once

#include <glib.h>

G_BEGIN_DECLS

gpointer ivd_module_lookup (const char  *env_var,
                            const char  *default_path,
                            const char  *symbol,
                            const char  *purpose,
                            GError     **error);

G_END_DECLS
