#define G_LOG_DOMAIN "ivd-audit"

#include "config.h"

#include <inttypes.h>

#include <glib/gi18n.h>

#include "ivd-audit.h"

static void
add_part (GChecksum  *checksum,
          const char *value)
{
  g_autofree char *length = NULL;

  /* Length-prefixed, so "a","bc" and "ab","c" differ, and NULL differs from "". */
  if (value == NULL)
    {
      g_checksum_update (checksum, (const guchar *) "-|", 2);
      return;
    }

  length = g_strdup_printf ("%zu:", strlen (value));
  g_checksum_update (checksum, (const guchar *) length, -1);
  g_checksum_update (checksum, (const guchar *) value, -1);
  g_checksum_update (checksum, (const guchar *) "|", 1);
}

char *
ivd_audit_compute_hash (const char          *prev_hash,
                        const IvdAuditEntry *entry)
{
  g_autoptr(GChecksum) checksum = g_checksum_new (G_CHECKSUM_SHA256);
  g_autofree char *seq = g_strdup_printf ("%" G_GINT64_FORMAT, entry->seq);

  add_part (checksum, prev_hash);
  add_part (checksum, seq);
  add_part (checksum, entry->plan_id);
  add_part (checksum, entry->time);
  add_part (checksum, entry->user);
  add_part (checksum, entry->action);
  add_part (checksum, entry->field);
  add_part (checksum, entry->old_value);
  add_part (checksum, entry->new_value);
  add_part (checksum, entry->note);
  return g_strdup (g_checksum_get_string (checksum));
}

/* Must run inside the caller's transaction, so the row commits or rolls
 * back with the change it records. */
gboolean
ivd_audit_append (IvdDatabase          *db,
                  const IvdAuditEntry  *entry,
                  GError              **error)
{
  g_autoptr(IvdStatement) head = NULL;
  g_autoptr(IvdStatement) insert = NULL;
  g_autoptr(IvdStatement) update = NULL;
  g_autofree char *prev_hash = NULL;
  g_autofree char *hash = NULL;
  IvdAuditEntry row = *entry;
  int rc;

  g_return_val_if_fail (ivd_database_in_transaction (db), FALSE);

  head = ivd_database_prepare (db, "SELECT seq, hash FROM audit_head", error);
  if (head == NULL || (rc = ivd_database_step (db, head, error)) < 0)
    return FALSE;

  row.seq = rc == SQLITE_ROW ? sqlite3_column_int64 (head, 0) + 1 : 1;
  prev_hash = g_strdup (rc == SQLITE_ROW ? ivd_database_column_text (head, 1) : IVD_AUDIT_GENESIS);
  g_clear_pointer (&head, ivd_statement_release);
  hash = ivd_audit_compute_hash (prev_hash, &row);

  insert = ivd_database_prepare (db,
                                 "INSERT INTO audit (seq, plan_id, time, user, action, field, old_value, "
                                 "new_value, note, prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                                 error);
  if (insert == NULL)
    return FALSE;
  sqlite3_bind_int64 (insert, 1, row.seq);
  ivd_database_bind_text (insert, 2, row.plan_id);
  ivd_database_bind_text (insert, 3, row.time);
  ivd_database_bind_text (insert, 4, row.user);
  ivd_database_bind_text (insert, 5, row.action);
  ivd_database_bind_text (insert, 6, row.field);
  ivd_database_bind_text (insert, 7, row.old_value);
  ivd_database_bind_text (insert, 8, row.new_value);
  ivd_database_bind_text (insert, 9, row.note);
  ivd_database_bind_text (insert, 10, prev_hash);
  ivd_database_bind_text (insert, 11, hash);
  if (!ivd_database_step_done (db, insert, error))
    return FALSE;

  update = ivd_database_prepare (db, "INSERT OR REPLACE INTO audit_head (one, seq, hash) VALUES (1, ?, ?)", error);
  if (update == NULL)
    return FALSE;
  sqlite3_bind_int64 (update, 1, row.seq);
  ivd_database_bind_text (update, 2, hash);
  return ivd_database_step_done (db, update, error);
}

static char *
describe_row (gint64      seq,
              const char *time,
              const char *reason)
{
  /* Row number and time only: the values may be patient data. */
  return g_strdup_printf (_("audit row %" PRId64 " (%s): %s"), (int64_t) seq, time != NULL ? time : "?", reason);
}

static gboolean
check_head (IvdDatabase  *db,
            gint64        last_seq,
            const char   *last_hash,
            char        **problem,
            GError      **error)
{
  g_autoptr(IvdStatement) head = ivd_database_prepare (db, "SELECT seq, hash FROM audit_head", error);
  int rc;

  if (head == NULL || (rc = ivd_database_step (db, head, error)) < 0)
    return FALSE;

  if (rc == SQLITE_DONE ? last_seq != 0
                        : (sqlite3_column_int64 (head, 0) != last_seq ||
                           g_strcmp0 (ivd_database_column_text (head, 1), last_hash) != 0))
    *problem = g_strdup_printf (_("the newest audit rows after row %" PRId64 " were removed or changed"),
                                (int64_t) last_seq);
  return TRUE;
}

/**
 * ivd_audit_verify:
 * @problem: (out): the first broken link, or NULL when the chain is intact
 *
 * Walks the chain from the first row. Returns FALSE only when the check
 * itself could not run.
 */
gboolean
ivd_audit_verify (IvdDatabase  *db,
                  guint64      *n_rows,
                  char        **problem,
                  GError      **error)
{
  g_autoptr(IvdStatement) rows = NULL;
  g_autofree char *expected_prev = g_strdup (IVD_AUDIT_GENESIS);
  gint64 expected_seq = 1;
  int rc;

  g_return_val_if_fail (n_rows != NULL && problem != NULL, FALSE);

  *problem = NULL;
  *n_rows = 0;
  rows = ivd_database_prepare (db,
                               "SELECT seq, plan_id, time, user, action, field, old_value, new_value, note, "
                               "prev_hash, hash FROM audit ORDER BY seq",
                               error);
  if (rows == NULL)
    return FALSE;

  while ((rc = ivd_database_step (db, rows, error)) == SQLITE_ROW)
    {
      IvdAuditEntry entry = {
        sqlite3_column_int64 (rows, 0),
        ivd_database_column_text (rows, 1), ivd_database_column_text (rows, 2),
        ivd_database_column_text (rows, 3), ivd_database_column_text (rows, 4),
        ivd_database_column_text (rows, 5), ivd_database_column_text (rows, 6),
        ivd_database_column_text (rows, 7), ivd_database_column_text (rows, 8),
      };
      g_autofree char *hash = ivd_audit_compute_hash (ivd_database_column_text (rows, 9), &entry);

      if (entry.seq != expected_seq)
        *problem = describe_row (entry.seq, entry.time, _("the rows before it were removed"));
      else if (g_strcmp0 (ivd_database_column_text (rows, 9), expected_prev) != 0)
        *problem = describe_row (entry.seq, entry.time, _("its link to the row before does not match"));
      else if (g_strcmp0 (ivd_database_column_text (rows, 10), hash) != 0)
        *problem = describe_row (entry.seq, entry.time, _("its content was changed after it was written"));
      if (*problem != NULL)
        return TRUE;

      g_free (expected_prev);
      expected_prev = g_strdup (ivd_database_column_text (rows, 10));
      expected_seq++;
      (*n_rows)++;
    }

  if (rc < 0)
    return FALSE;

  g_clear_pointer (&rows, ivd_statement_release);
  return check_head (db, expected_seq - 1, expected_prev, problem, error);
}
