#define G_LOG_DOMAIN "ivd-command-line"

#include "config.h"

#include <glib/gi18n.h>

#include "ivd-check-command.h"
#include "ivd-command-line.h"
#include "ivd-error.h"

/* Parses the command line without GTK: the commands that need no display
 * run from here, and only the window loads GTK. */

struct _IvdCommandLine
{
  GObject   parent_instance;

  char     *check_path;
  gboolean  version;
};

G_DEFINE_FINAL_TYPE (IvdCommandLine, ivd_command_line, G_TYPE_OBJECT)

static GOptionContext *
option_context_new (IvdCommandLine *self)
{
  const GOptionEntry entries[] = {
    { "check", 0, 0, G_OPTION_ARG_FILENAME, &self->check_path,
      N_("Evaluate a plan file (- for standard input) and print the result as JSON; needs no display"),
      N_("FILE") },
    { "version", 0, 0, G_OPTION_ARG_NONE, &self->version, N_("Show the version and exit"), NULL },
    { NULL }
  };
  GOptionContext *context = g_option_context_new (NULL);

  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);
  g_option_context_set_summary (context, _("Hand a patient’s IV treatment over to municipal nurses. "
                                           "With no options, the window opens."));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  return context;
}

static void
ivd_command_line_finalize (GObject *object)
{
  IvdCommandLine *self = (IvdCommandLine *) object;

  g_clear_pointer (&self->check_path, g_free);

  G_OBJECT_CLASS (ivd_command_line_parent_class)->finalize (object);
}

static void
ivd_command_line_class_init (IvdCommandLineClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = ivd_command_line_finalize;
}

static void
ivd_command_line_init (IvdCommandLine *self)
{
}

IvdCommandLine *
ivd_command_line_new (void)
{
  return g_object_new (IVD_TYPE_COMMAND_LINE, NULL);
}

/* Takes a copy of @argv; --help prints and exits, as with any GOptionContext. */
gboolean
ivd_command_line_parse (IvdCommandLine  *self,
                        char           **argv,
                        GError         **error)
{
  g_autoptr(GOptionContext) context = NULL;
  g_auto(GStrv) args = NULL;

  g_return_val_if_fail (IVD_IS_COMMAND_LINE (self), FALSE);
  g_return_val_if_fail (argv != NULL, FALSE);

  context = option_context_new (self);
  args = g_strdupv (argv);
  if (!g_option_context_parse_strv (context, &args, error))
    return FALSE;

  if (args[0] != NULL && args[1] != NULL)
    {
      g_set_error (error, IVD_ERROR, IVD_ERROR_INVALID,
                   _("Unexpected argument “%s”; see --help"), args[1]);
      return FALSE;
    }

  return TRUE;
}

gboolean
ivd_command_line_get_needs_display (IvdCommandLine *self)
{
  g_return_val_if_fail (IVD_IS_COMMAND_LINE (self), FALSE);

  return !self->version && self->check_path == NULL;
}

/* What the window needs from the command line, as plain values, so the
 * window module shares no types with this one. */
GVariantDict *
ivd_command_line_dup_window_options (IvdCommandLine *self)
{
  g_return_val_if_fail (IVD_IS_COMMAND_LINE (self), NULL);

  return g_variant_dict_new (NULL);
}

/* Runs a command that needs no display; returns the exit status. */
int
ivd_command_line_run (IvdCommandLine *self,
                      const GDate    *today,
                      FILE           *out,
                      FILE           *err)
{
  g_return_val_if_fail (IVD_IS_COMMAND_LINE (self), IVD_COMMAND_LINE_EXIT_BAD_USAGE);
  g_return_val_if_fail (!ivd_command_line_get_needs_display (self), IVD_COMMAND_LINE_EXIT_BAD_USAGE);

  if (self->version)
    {
      fprintf (out, "iv-discharge %s\n", PACKAGE_VERSION);
      return IVD_COMMAND_LINE_EXIT_OK;
    }

  return ivd_check_command_run (self->check_path, today, out, err);
}
