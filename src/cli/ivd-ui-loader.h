#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The entry point the window module exports. */
#define IVD_UI_MAIN_SYMBOL "ivd_ui_main"

typedef int (*IvdUiMainFunc) (const char   *argv0,
                              GVariantDict *options);

int ivd_ui_loader_run (const char    *argv0,
                       GVariantDict  *options,
                       GError       **error);

G_END_DECLS
