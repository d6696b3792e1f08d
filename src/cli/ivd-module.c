#define G_LOG_DOMAIN "ivd-module"

#include "config.h"

#include <glib/gi18n.h>
#include <gmodule.h>

#include "ivd-error.h"
#include "ivd-module.h"

/* The window and the exports live in modules so that the commands that
 * need neither (--check and friends) start without mapping GTK, pango and
 * cairo: that mapping is most of a short command's run time. */

/**
 * ivd_module_lookup:
 * @env_var: an environment variable that may name the module (tests)
 * @default_path: where the module is installed
 * @symbol: the entry point to find
 * @purpose: what fails without it, for the message ("The window could not
 *   be opened")
 *
 * Opens a module for good and returns its entry point, or NULL with an
 * error that tells the user to reinstall.
 */
gpointer
ivd_module_lookup (const char  *env_var,
                   const char  *default_path,
                   const char  *symbol,
                   const char  *purpose,
                   GError     **error)
{
  const char *path = g_getenv (env_var);
  GModule *module;
  gpointer function = NULL;

  if (path == NULL || *path == '\0')
    path = default_path;

  /* Local binding: the module's own symbols stay private; the core it uses
   * comes from this executable. */
  module = g_module_open (path, G_MODULE_BIND_LOCAL);
  if (module == NULL)
    {
      g_set_error (error, IVD_ERROR, IVD_ERROR_DATA,
                   _("%s: the part of the program it needs is missing or damaged (%s). Reinstall IV Discharge."),
                   purpose, g_module_error ());
      return NULL;
    }

  if (!g_module_symbol (module, symbol, &function) || function == NULL)
    {
      g_set_error (error, IVD_ERROR, IVD_ERROR_DATA,
                   _("%s: the part of the program it needs is from another version. Reinstall IV Discharge."), purpose);
      g_module_close (module);
      return NULL;
    }

  /* Never closed: types registered by the module live until exit. */
  g_module_make_resident (module);
  return function;
}
