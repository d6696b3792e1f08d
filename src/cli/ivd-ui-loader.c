#define G_LOG_DOMAIN "ivd-ui-loader"

#include "config.h"

#include <glib/gi18n.h>

#include "ivd-module.h"
#include "ivd-ui-loader.h"

int
ivd_ui_loader_run (const char    *argv0,
                   GVariantDict  *options,
                   GError       **error)
{
  IvdUiMainFunc ui_main;

  g_return_val_if_fail (argv0 != NULL, 1);
  g_return_val_if_fail (options != NULL, 1);

  ui_main = ivd_module_lookup ("IVD_UI_MODULE", IVD_UI_MODULE_PATH, IVD_UI_MAIN_SYMBOL,
                               _("The window could not be opened"), error);
  if (ui_main == NULL)
    return 1;

  return ui_main (argv0, options);
}
