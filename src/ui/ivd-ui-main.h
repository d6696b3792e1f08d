#pragma once

#include <glib.h>

G_BEGIN_DECLS

int ivd_ui_main (const char   *argv0,
                 GVariantDict *options);

G_END_DECLS
