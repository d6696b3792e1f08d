#define G_LOG_DOMAIN "ivd-check-command"

#include "config.h"

#include <unistd.h>

#include <glib/gi18n-lib.h>
#include <gio/gio.h>
#include <gio/gunixinputstream.h>

#include "ivd-catalog.h"
#include "ivd-check-command.h"
#include "ivd-error.h"
#include "ivd-evaluation.h"
#include "ivd-json.h"
#include "ivd-plan.h"

/* `iv-discharge --check FILE|-`: evaluate a plan file with no display and
 * print the evaluation as one JSON object (design.md, "Command line"). */

static char *
read_stdin (gsize   *length,
            GError **error)
{
  g_autoptr(GInputStream) in = g_unix_input_stream_new (STDIN_FILENO, FALSE);
  g_autoptr(GByteArray) buffer = g_byte_array_new ();
  guint8 chunk[65536];
  gssize n;

  /* Read one byte past the limit so that an oversized plan is reported as
   * such, without reading an endless stream into memory. */
  while ((n = g_input_stream_read (in, chunk, sizeof chunk, NULL, error)) > 0)
    {
      g_byte_array_append (buffer, chunk, n);
      if (buffer->len > IVD_PLAN_MAX_BYTES)
        break;
    }

  if (n < 0)
    return NULL;

  *length = buffer->len;
  g_byte_array_append (buffer, (const guint8 *) "", 1);
  return (char *) g_byte_array_free (g_steal_pointer (&buffer), FALSE);
}

static IvdPlan *
load_plan (const char  *path,
           GError     **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autofree char *data = NULL;
  gsize length = 0;

  if (g_strcmp0 (path, "-") != 0)
    return ivd_plan_new_from_file (path, error);

  if ((data = read_stdin (&length, &local_error)) == NULL)
    {
      g_set_error (error, IVD_ERROR, IVD_ERROR_READ, "(stdin): %s", local_error->message);
      return NULL;
    }

  return ivd_plan_new_from_data (data, length, error);
}

int
ivd_check_command_run (const char  *path,
                       const GDate *today,
                       FILE        *out,
                       FILE        *err)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(IvdCatalog) catalog = NULL;
  g_autoptr(IvdPlan) plan = NULL;
  g_autoptr(IvdEvaluation) evaluation = NULL;
  g_autoptr(JsonNode) node = NULL;
  g_autofree char *json = NULL;

  if ((plan = load_plan (path, &error)) == NULL ||
      (catalog = ivd_catalog_new_default (&error)) == NULL ||
      (evaluation = ivd_evaluation_new (catalog, plan, today, &error)) == NULL)
    {
      /* One line, the field first: a script can show it as it is. */
      g_strdelimit (error->message, "\n\r", ' ');
      fprintf (err, "iv-discharge: %s\n", error->message);
      return IVD_CHECK_EXIT_BAD_INPUT;
    }

  node = ivd_evaluation_to_json (evaluation);
  json = ivd_json_to_string (node, TRUE);
  fprintf (out, "%s\n", json);
  fflush (out);

  return ivd_evaluation_get_outcome (evaluation) == IVD_OUTCOME_ELIGIBLE ?
         IVD_CHECK_EXIT_ELIGIBLE : IVD_CHECK_EXIT_NOT_ELIGIBLE;
}
