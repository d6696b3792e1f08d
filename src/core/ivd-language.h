#pragma once

#include <glib.h>

G_BEGIN_DECLS

const char *ivd_language_get (void);
const char *ivd_language_pick (const char *da,
                               const char *en);

G_END_DECLS
