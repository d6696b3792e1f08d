#define G_LOG_DOMAIN "ivd-export-command"

#include "config.h"

#include <glib/gi18n.h>

#include "ivd-catalog.h"
#include "ivd-command-error.h"
#include "ivd-directory.h"
#include "ivd-evaluation.h"
#include "ivd-export.h"
#include "ivd-export-command.h"
#include "ivd-plan.h"

/* `iv-discharge --export FILE --format pdf|fhir|text|handout --output OUT`:
 * the referral or the handout for a plan file, with no display. Exit 0 when
 * written, 2 for bad input (the plan, the directory, or a code the FHIR
 * message needs), 3 when the file cannot be written. This runs inside the
 * export module, which the executable opens for --export only. */

static IvdDirectory *
open_directory (IvdCatalog  *catalog,
                const char  *path,
                GError     **error)
{
  if (path != NULL)
    return ivd_directory_new_from_file (catalog, path, error);
  return ivd_directory_new_default (catalog, error);
}

int
ivd_export_command_run (const char *plan_path,
                        const char *format_name,
                        const char *output,
                        const char *directory_path,
                        GDateTime  *now,
                        FILE       *err)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(IvdCatalog) catalog = NULL;
  g_autoptr(IvdPlan) plan = NULL;
  g_autoptr(IvdEvaluation) evaluation = NULL;
  g_autoptr(IvdDirectory) directory = NULL;
  g_autoptr(GDate) today = g_date_new_dmy (g_date_time_get_day_of_month (now), g_date_time_get_month (now),
                                           g_date_time_get_year (now));
  IvdExportFormat format;
  IvdExportInput input;

  if (!ivd_export_format_from_string (format_name, &format))
    {
      g_autofree char *message = g_strdup_printf (_("--format: unknown format “%s”; expected one of: "
                                                    "pdf, fhir, text, handout"), format_name);
      return ivd_command_fail (err, IVD_EXPORT_COMMAND_EXIT_BAD_INPUT, message);
    }

  if ((plan = ivd_plan_new_from_file (plan_path, &error)) == NULL ||
      (catalog = ivd_catalog_new_default (&error)) == NULL ||
      (evaluation = ivd_evaluation_new (catalog, plan, today, &error)) == NULL ||
      (directory = open_directory (catalog, directory_path, &error)) == NULL)
    return ivd_command_fail (err, IVD_EXPORT_COMMAND_EXIT_BAD_INPUT, error->message);

  input = (IvdExportInput) { catalog, directory, plan, evaluation, now };
  if (!ivd_export_render_to_file (&input, format, output, &error))
    return ivd_command_fail (err, g_error_matches (error, IVD_EXPORT_ERROR, IVD_EXPORT_ERROR_WRITE)
                      ? IVD_EXPORT_COMMAND_EXIT_CANNOT_WRITE : IVD_EXPORT_COMMAND_EXIT_BAD_INPUT,
                 error->message);

  return IVD_EXPORT_COMMAND_EXIT_OK;
}
