#define G_LOG_DOMAIN "ivd-ui-loader"

#include "config.h"

#include <glib/gi18n.h>
#include <gmodule.h>

#include "ivd-error.h"
#include "ivd-ui-loader.h"

/* The window lives in a module so that the commands that need no display
 * (--check and friends) start without mapping GTK and its ~70 libraries:
 * that mapping is most of a short command's run time. */

static const char *
module_path (void)
{
  const char *path = g_getenv ("IVD_UI_MODULE");

  return path != NULL && *path != '\0' ? path : IVD_UI_MODULE_PATH;
}

int
ivd_ui_loader_run (const char    *argv0,
                   GVariantDict  *options,
                   GError       **error)
{
  GModule *module;
  IvdUiMainFunc ui_main = NULL;

  g_return_val_if_fail (argv0 != NULL, 1);
  g_return_val_if_fail (options != NULL, 1);

  /* Local binding: the module's own symbols stay private; the core it uses
   * comes from this executable. */
  module = g_module_open (module_path (), G_MODULE_BIND_LOCAL);
  if (module == NULL)
    {
      g_set_error (error, IVD_ERROR, IVD_ERROR_DATA,
                   _("The window could not be opened: its part of the program is missing or damaged (%s). "
                     "Reinstall IV Discharge."),
                   g_module_error ());
      return 1;
    }

  if (!g_module_symbol (module, IVD_UI_MAIN_SYMBOL, (gpointer *) &ui_main) || ui_main == NULL)
    {
      g_set_error (error, IVD_ERROR, IVD_ERROR_DATA,
                   _("The window could not be opened: its part of the program is from another version. "
                     "Reinstall IV Discharge."));
      g_module_close (module);
      return 1;
    }

  /* Never closed: GTK types registered by the module live until exit. */
  g_module_make_resident (module);
  return ui_main (argv0, options);
}
