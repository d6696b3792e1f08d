#define G_LOG_DOMAIN "ivd-command-line"

#include "config.h"

#include <glib/gi18n.h>

#include "ivd-check-command.h"
#include "ivd-command-line.h"
#include "ivd-error.h"
#include "ivd-export-command.h"
#include "ivd-module.h"
#include "ivd-store-command.h"

/* Parses the command line without GTK: the commands that need no display
 * run from here, and only the window loads GTK. */

struct _IvdCommandLine
{
  GObject    parent_instance;

  char      *check_path;
  char      *database;
  char     **import_files;
  gboolean   list;
  char      *export_plan_id;
  char      *output;
  gboolean   verify_audit;
  gboolean   restore_backup;
  gboolean   version;
  char      *export_path;
  char      *format;
  char      *directory;
  gboolean   training;
};

G_DEFINE_FINAL_TYPE (IvdCommandLine, ivd_command_line, G_TYPE_OBJECT)

static GOptionContext *
option_context_new (IvdCommandLine *self)
{
  const GOptionEntry entries[] = {
    { "check", 0, 0, G_OPTION_ARG_FILENAME, &self->check_path,
      N_("Evaluate a plan file (- for standard input) and print the result as JSON; needs no display"),
      N_("FILE") },
    { "export", 0, 0, G_OPTION_ARG_FILENAME, &self->export_path,
      N_("Write the referral or the patient handout for a plan file (with --format and --output); "
         "needs no display"), N_("FILE") },
    { "format", 0, 0, G_OPTION_ARG_STRING, &self->format,
      N_("What --export writes: pdf (the referral), fhir (the referral as a FHIR message), "
         "text (the referral for the patient record) or handout (the patient’s paper)"), N_("FORMAT") },
    { "directory", 0, 0, G_OPTION_ARG_FILENAME, &self->directory,
      N_("Use the municipality directory in FILE instead of the user’s own"), N_("FILE") },
    { "database", 0, 0, G_OPTION_ARG_FILENAME, &self->database,
      N_("Use the plan database at PATH instead of the default"), N_("PATH") },
    { "import", 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &self->import_files,
      N_("Store plan files as new plans and print their ids; more files may follow"), N_("FILE") },
    { "list", 0, 0, G_OPTION_ARG_NONE, &self->list,
      N_("Print every stored plan as one JSON object per line"), NULL },
    { "export-plan", 0, 0, G_OPTION_ARG_STRING, &self->export_plan_id,
      N_("Write a stored plan as a plan file (with --output)"), N_("ID") },
    { "output", 0, 0, G_OPTION_ARG_FILENAME, &self->output, N_("The file to write"), N_("FILE") },
    { "verify-audit", 0, 0, G_OPTION_ARG_NONE, &self->verify_audit,
      N_("Check that the audit trail is unbroken (exit 1 if not)"), NULL },
    { "restore-backup", 0, 0, G_OPTION_ARG_NONE, &self->restore_backup,
      N_("Put the newest backup in place of a damaged database that was moved aside"), NULL },
    { "training", 0, 0, G_OPTION_ARG_NONE, &self->training,
      N_("Open the window in training mode, on a separate database of fictitious patients"), NULL },
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

static guint
count_commands (IvdCommandLine *self)
{
  return (self->check_path != NULL) + (self->export_path != NULL) + (self->import_files != NULL) + !!self->list +
         (self->export_plan_id != NULL) + !!self->verify_audit + !!self->restore_backup + !!self->version;
}

static gboolean
check_export (IvdCommandLine  *self,
              GError         **error)
{
  if (self->format == NULL || self->output == NULL)
    {
      g_set_error (error, IVD_ERROR, IVD_ERROR_INVALID,
                   _("--export needs --format pdf|fhir|text|handout and --output FILE"));
      return FALSE;
    }

  return TRUE;
}

static gboolean
check_combination (IvdCommandLine  *self,
                   GError         **error)
{
  if (count_commands (self) > 1)
    {
      g_set_error (error, IVD_ERROR, IVD_ERROR_INVALID, _("Give one command at a time; see --help"));
      return FALSE;
    }

  /* Training mode is a window of its own; the commands work on real files. */
  if (self->training && count_commands (self) > 0)
    {
      g_set_error (error, IVD_ERROR, IVD_ERROR_INVALID, _("--training opens the window; it goes with no other command"));
      return FALSE;
    }

  if (self->export_path != NULL)
    return check_export (self, error);

  if (self->format != NULL || self->directory != NULL)
    {
      g_set_error (error, IVD_ERROR, IVD_ERROR_INVALID, _("--format and --directory go with --export FILE"));
      return FALSE;
    }

  if ((self->export_plan_id != NULL) != (self->output != NULL))
    {
      g_set_error (error, IVD_ERROR, IVD_ERROR_INVALID,
                   self->output != NULL ? _("--output goes with --export FILE or --export-plan ID")
                                        : _("--export-plan needs --output FILE"));
      return FALSE;
    }

  return TRUE;
}

static void
ivd_command_line_finalize (GObject *object)
{
  IvdCommandLine *self = (IvdCommandLine *) object;

  g_clear_pointer (&self->check_path, g_free);
  g_clear_pointer (&self->database, g_free);
  g_clear_pointer (&self->import_files, g_strfreev);
  g_clear_pointer (&self->export_plan_id, g_free);
  g_clear_pointer (&self->output, g_free);
  g_clear_pointer (&self->export_path, g_free);
  g_clear_pointer (&self->format, g_free);
  g_clear_pointer (&self->directory, g_free);

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

  /* "--import a.json b.json": the files after the first are arguments. */
  if (self->import_files != NULL && args[0] != NULL && args[1] != NULL)
    {
      g_autoptr(GStrvBuilder) files = g_strv_builder_new ();

      g_strv_builder_addv (files, (const char **) self->import_files);
      g_strv_builder_addv (files, (const char **) args + 1);
      g_strfreev (self->import_files);
      self->import_files = g_strv_builder_end (files);
    }
  else if (args[0] != NULL && args[1] != NULL)
    {
      g_set_error (error, IVD_ERROR, IVD_ERROR_INVALID,
                   _("Unexpected argument “%s”; see --help"), args[1]);
      return FALSE;
    }

  return check_combination (self, error);
}

gboolean
ivd_command_line_get_needs_display (IvdCommandLine *self)
{
  g_return_val_if_fail (IVD_IS_COMMAND_LINE (self), FALSE);

  return count_commands (self) == 0;
}

/* What the window needs from the command line, as plain values, so the
 * window module shares no types with this one. */
GVariantDict *
ivd_command_line_dup_window_options (IvdCommandLine *self)
{
  g_return_val_if_fail (IVD_IS_COMMAND_LINE (self), NULL);

  GVariantDict *options = g_variant_dict_new (NULL);

  if (self->database != NULL)
    g_variant_dict_insert (options, "database", "^ay", self->database);
  if (self->training)
    g_variant_dict_insert (options, "training", "b", TRUE);
  return options;
}

static int
run_export (IvdCommandLine *self,
            GDateTime      *now,
            FILE           *err)
{
  g_autoptr(GError) error = NULL;
  IvdExportCommandFunc export_command;

  export_command = ivd_module_lookup ("IVD_EXPORT_MODULE", IVD_EXPORT_MODULE_PATH, IVD_EXPORT_COMMAND_SYMBOL,
                                      _("The export could not be made"), &error);
  if (export_command == NULL)
    {
      fprintf (err, "iv-discharge: %s\n", error->message);
      return IVD_EXPORT_COMMAND_EXIT_CANNOT_WRITE;
    }

  return export_command (self->export_path, self->format, self->output, self->directory, now, err);
}

/* Runs a command that needs no display; returns the exit status. @now
 * dates exports; its date is "today" for every evaluation. */
int
ivd_command_line_run (IvdCommandLine *self,
                      GDateTime      *now,
                      FILE           *out,
                      FILE           *err)
{
  g_autoptr(GDate) today = NULL;

  g_return_val_if_fail (IVD_IS_COMMAND_LINE (self), IVD_COMMAND_LINE_EXIT_BAD_USAGE);
  g_return_val_if_fail (!ivd_command_line_get_needs_display (self), IVD_COMMAND_LINE_EXIT_BAD_USAGE);

  if (self->version)
    {
      fprintf (out, "iv-discharge %s\n", PACKAGE_VERSION);
      return IVD_COMMAND_LINE_EXIT_OK;
    }

  today = g_date_new_dmy (g_date_time_get_day_of_month (now), g_date_time_get_month (now),
                         g_date_time_get_year (now));
  if (self->export_path != NULL)
    return run_export (self, now, err);
  if (self->import_files != NULL)
    return ivd_store_command_import (self->database, (const char * const *) self->import_files, today, out, err);
  if (self->list)
    return ivd_store_command_list (self->database, out, err);
  if (self->export_plan_id != NULL)
    return ivd_store_command_export_plan (self->database, self->export_plan_id, self->output, err);
  if (self->verify_audit)
    return ivd_store_command_verify_audit (self->database, out, err);
  if (self->restore_backup)
    return ivd_store_command_restore_backup (self->database, out, err);

  return ivd_check_command_run (self->check_path, today, out, err);
}
