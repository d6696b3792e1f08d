#include "config.h"

#include <locale.h>

#include <glib/gi18n.h>

#include "ivd-application.h"

int
main (int   argc,
      char *argv[])
{
  g_autoptr(IvdApplication) app = NULL;
  const char *localedir = g_getenv ("IVD_LOCALEDIR");

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, localedir != NULL ? localedir : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  app = ivd_application_new ();
  return g_application_run (G_APPLICATION (app), argc, argv);
}
