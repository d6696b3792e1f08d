#include "config.h"

#include <locale.h>
#include <stdlib.h>

#include <glib/gi18n.h>

#include "ivd-command-line.h"
#include "ivd-ui-loader.h"

/* SOURCE_DATE_EPOCH (reproducible-builds.org) fixes the time exports are
 * dated with, so that a test or an archive gets the same document twice. */
static GDateTime *
now_new (void)
{
  const char *epoch = g_getenv ("SOURCE_DATE_EPOCH");
  gint64 seconds;

  if (epoch != NULL && g_ascii_string_to_signed (epoch, 10, 0, G_MAXINT64 / 2, &seconds, NULL))
    return g_date_time_new_from_unix_local (seconds);
  return g_date_time_new_now_local ();
}

/* Danish first: a locale that asks for no language ("C", "POSIX",
 * "C.UTF-8") gets Danish; any real locale or LANGUAGE decides for itself.
 * gettext ignores LANGUAGE under plain "C", hence C.UTF-8. */
static void
choose_language (void)
{
  const char *language = g_getenv ("LANGUAGE");
  const char *messages = setlocale (LC_MESSAGES, NULL);

  if (language != NULL && *language != '\0')
    return;
  if (messages != NULL && !g_str_equal (messages, "C") && !g_str_equal (messages, "POSIX") &&
      !g_str_has_prefix (messages, "C."))
    return;

  if (setlocale (LC_ALL, "C.UTF-8") != NULL)
    g_setenv ("LANGUAGE", "da", TRUE);
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

  /* --check and --list write JSON on stdout: debug messages must not
   * land in it (GLib prints info and debug on stdout by default). */
  g_log_writer_default_set_use_stderr (TRUE);
  setlocale (LC_ALL, "");
  choose_language ();
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
      g_autoptr(GDateTime) now = now_new ();
      return ivd_command_line_run (command_line, now, stdout, stderr);
    }

  window_options = ivd_command_line_dup_window_options (command_line);
  status = ivd_ui_loader_run (argv[0], window_options, &error);
  if (error != NULL)
    g_printerr ("iv-discharge: %s\n", error->message);
  return status;
}
