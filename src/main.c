#include "config.h"

#include <locale.h>

#include <glib/gi18n.h>

#include "ivd-command-line.h"
#include "ivd-ui-loader.h"

static GDate *
today_new (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  return g_date_new_dmy (g_date_time_get_day_of_month (now),
                         g_date_time_get_month (now),
                         g_date_time_get_year (now));
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(IvdCommandLine) command_line = ivd_command_line_new ();
  g_autoptr(GVariantDict) window_options = NULL;
  g_autoptr(GError) error = NULL;
  const char *localedir = g_getenv ("IVD_LOCALEDIR");
  int status;

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, localedir != NULL ? localedir : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  if (!ivd_command_line_parse (command_line, argv, &error))
    {
      g_printerr ("iv-discharge: %s\n", error->message);
      return IVD_COMMAND_LINE_EXIT_BAD_USAGE;
    }

  if (!ivd_command_line_get_needs_display (command_line))
    {
      g_autoptr(GDate) today = today_new ();
      return ivd_command_line_run (command_line, today, stdout, stderr);
    }

  window_options = ivd_command_line_dup_window_options (command_line);
  status = ivd_ui_loader_run (argv[0], window_options, &error);
  if (error != NULL)
    g_printerr ("iv-discharge: %s\n", error->message);
  return status;
}
