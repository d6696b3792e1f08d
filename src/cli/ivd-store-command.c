#define G_LOG_DOMAIN "ivd-store-command"

#include "config.h"

#include <inttypes.h>

#include <glib/gi18n.h>

#include "ivd-command-error.h"
#include "ivd-evaluation.h"
#include "ivd-json.h"
#include "ivd-store.h"
#include "ivd-store-command.h"

/* The store from the command line, with no display: --import, --list,
 * --export-plan, --verify-audit and --restore-backup. Errors are one line
 * on stderr; ids and JSON on stdout. */

#define LIST_PAGE 1000

static IvdStore *
open_store (const char  *database,
            IvdCatalog **catalog_out,
            GError     **error)
{
  g_autoptr(IvdCatalog) catalog = ivd_catalog_new_default (error);
  g_autofree char *path = ivd_store_dup_configured_path (database);
  IvdStore *store;

  if (catalog == NULL)
    return NULL;
  store = ivd_store_open (path, catalog, error);
  if (store != NULL && catalog_out != NULL)
    *catalog_out = g_steal_pointer (&catalog);
  return store;
}

/* What --check refuses, import refuses too: the same reading and the same
 * evaluation, so a stored plan never holds a contradiction. */
static IvdPlan *
read_plan (IvdCatalog  *catalog,
           const char  *file,
           const GDate *today,
           GError     **error)
{
  g_autoptr(IvdPlan) plan = ivd_plan_new_from_file (file, error);
  g_autoptr(IvdEvaluation) evaluation = NULL;

  if (plan == NULL)
    return NULL;
  evaluation = ivd_evaluation_new (catalog, plan, today, error);
  return evaluation != NULL ? g_steal_pointer (&plan) : NULL;
}

int
ivd_store_command_import (const char         *database,
                          const char * const *files,
                          const GDate        *today,
                          FILE               *out,
                          FILE               *err)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(IvdCatalog) catalog = NULL;
  g_autoptr(IvdStore) store = open_store (database, &catalog, &error);
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  int status = IVD_STORE_COMMAND_EXIT_OK;

  if (store == NULL)
    return ivd_command_fail (err, IVD_STORE_COMMAND_EXIT_CANNOT_WRITE, error->message);

  /* A copy from before the import, at most one a day. */
  if (!ivd_store_backup_if_due (store, now, NULL, &error))
    return ivd_command_fail (err, IVD_STORE_COMMAND_EXIT_CANNOT_WRITE, error->message);

  for (guint i = 0; files[i] != NULL; i++)
    {
      g_autoptr(IvdPlan) plan = read_plan (catalog, files[i], today, &error);
      g_autoptr(IvdPlanRecord) record = NULL;

      if (plan == NULL)
        {
          g_autofree char *message = g_strdup_printf ("%s: %s", files[i], error->message);
          ivd_command_fail (err, 0, message);
          g_clear_error (&error);
          status = IVD_STORE_COMMAND_EXIT_BAD_INPUT;
          continue;
        }

      record = ivd_store_import_plan (store, plan, &error);
      if (record == NULL)
        return ivd_command_fail (err, IVD_STORE_COMMAND_EXIT_CANNOT_WRITE, error->message);

      fprintf (out, "%s\n", ivd_plan_record_get_id (record));
      fflush (out);
    }

  return status;
}

static JsonNode *
summary_to_json (IvdPlanSummary *summary)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  struct { const char *key; const char *value; } members[] = {
    { "id", ivd_plan_summary_get_id (summary) },
    { "status", ivd_plan_status_to_string (ivd_plan_summary_get_status (summary)) },
    { "region", ivd_plan_summary_get_region (summary) },
    { "municipality", ivd_plan_summary_get_municipality_code (summary) },
    { "start_date", ivd_plan_summary_get_start_date (summary) },
    { "updated", ivd_plan_summary_get_updated (summary) },
  };

  json_builder_begin_object (builder);
  for (guint i = 0; i < G_N_ELEMENTS (members); i++)
    {
      json_builder_set_member_name (builder, members[i].key);
      if (members[i].value != NULL)
        json_builder_add_string_value (builder, members[i].value);
      else
        json_builder_add_null_value (builder);
    }
  json_builder_end_object (builder);
  return json_builder_get_root (builder);
}

int
ivd_store_command_list (const char *database,
                        FILE       *out,
                        FILE       *err)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(IvdStore) store = open_store (database, NULL, &error);
  g_autoptr(IvdPlanQuery) query = ivd_plan_query_new ();
  guint offset = 0;

  if (store == NULL)
    return ivd_command_fail (err, IVD_STORE_COMMAND_EXIT_CANNOT_WRITE, error->message);

  for (;;)
    {
      g_autoptr(GPtrArray) page = ivd_store_list_plans (store, query, offset, LIST_PAGE, &error);

      if (page == NULL)
        return ivd_command_fail (err, IVD_STORE_COMMAND_EXIT_CANNOT_WRITE, error->message);

      /* One object per line, so a script can read it line by line. */
      for (guint i = 0; i < page->len; i++)
        {
          g_autoptr(JsonNode) node = summary_to_json (page->pdata[i]);
          g_autofree char *line = ivd_json_to_string (node, FALSE);
          fprintf (out, "%s\n", line);
        }

      if (page->len < LIST_PAGE)
        break;
      offset += page->len;
    }

  fflush (out);
  return IVD_STORE_COMMAND_EXIT_OK;
}

int
ivd_store_command_export_plan (const char *database,
                               const char *id,
                               const char *output,
                               FILE       *err)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(IvdStore) store = open_store (database, NULL, &error);
  g_autoptr(IvdPlanRecord) record = NULL;
  g_autofree char *data = NULL;

  if (store == NULL)
    return ivd_command_fail (err, IVD_STORE_COMMAND_EXIT_CANNOT_WRITE, error->message);

  record = ivd_store_load_plan (store, id, &error);
  if (record == NULL)
    return ivd_command_fail (err, g_error_matches (error, IVD_STORE_ERROR, IVD_STORE_ERROR_NOT_FOUND)
                      ? IVD_STORE_COMMAND_EXIT_BAD_INPUT : IVD_STORE_COMMAND_EXIT_CANNOT_WRITE,
                 error->message);

  /* Written whole or not at all, readable by the user only. */
  data = ivd_plan_to_data (ivd_plan_record_get_plan (record));
  if (!g_file_set_contents_full (output, data, -1,
                                 G_FILE_SET_CONTENTS_CONSISTENT | G_FILE_SET_CONTENTS_DURABLE,
                                 0600, &error))
    return ivd_command_fail (err, IVD_STORE_COMMAND_EXIT_CANNOT_WRITE, error->message);

  return IVD_STORE_COMMAND_EXIT_OK;
}

int
ivd_store_command_verify_audit (const char *database,
                                FILE       *out,
                                FILE       *err)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(IvdStore) store = open_store (database, NULL, &error);
  g_autofree char *problem = NULL;
  guint64 n_rows = 0;

  if (store == NULL)
    return ivd_command_fail (err, IVD_STORE_COMMAND_EXIT_CANNOT_WRITE, error->message);

  if (!ivd_store_verify_audit (store, &n_rows, &problem, &error))
    return ivd_command_fail (err, IVD_STORE_COMMAND_EXIT_CANNOT_WRITE, error->message);

  if (problem != NULL)
    {
      g_autofree char *message = g_strdup_printf (_("The audit trail is broken at %s"), problem);
      return ivd_command_fail (err, IVD_STORE_COMMAND_EXIT_BROKEN, message);
    }

  fprintf (out, _("The audit trail is intact: %" PRIu64 " rows checked\n"), (uint64_t) n_rows);
  return IVD_STORE_COMMAND_EXIT_OK;
}

int
ivd_store_command_restore_backup (const char *database,
                                  FILE       *out,
                                  FILE       *err)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *from = NULL;
  g_autofree char *path = ivd_store_dup_configured_path (database);

  if (!ivd_store_restore_backup (path, &from, &error))
    return ivd_command_fail (err, IVD_STORE_COMMAND_EXIT_CANNOT_WRITE, error->message);

  fprintf (out, _("Restored the backup %s\n"), from);
  return IVD_STORE_COMMAND_EXIT_OK;
}
