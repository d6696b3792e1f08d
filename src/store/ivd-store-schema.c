#define G_LOG_DOMAIN "ivd-store-schema"

#include "config.h"

#include <glib/gi18n.h>

#include "ivd-plan-columns.h"
#include "ivd-store-error.h"
#include "ivd-store-schema.h"

typedef gboolean (*BackfillFunc) (IvdDatabase  *db,
                                  IvdCatalog   *catalog,
                                  GError      **error);

typedef struct
{
  const char   *sql;
  BackfillFunc  backfill;
} Migration;

/* Version 1: plans as documents, and the audit chain. */
static const char v1[] =
  "CREATE TABLE plans ("
  "  pk INTEGER PRIMARY KEY,"
  "  id TEXT NOT NULL UNIQUE,"
  "  document TEXT NOT NULL,"
  "  status TEXT NOT NULL DEFAULT 'draft',"
  "  version INTEGER NOT NULL DEFAULT 1,"
  "  created TEXT NOT NULL,"
  "  updated TEXT NOT NULL"
  ");"
  "CREATE TABLE audit ("
  "  seq INTEGER PRIMARY KEY,"
  "  plan_id TEXT NOT NULL REFERENCES plans (id),"
  "  time TEXT NOT NULL,"
  "  user TEXT NOT NULL,"
  "  action TEXT NOT NULL,"
  "  field TEXT,"
  "  old_value TEXT,"
  "  new_value TEXT,"
  "  note TEXT,"
  "  prev_hash TEXT NOT NULL,"
  "  hash TEXT NOT NULL"
  ");"
  "CREATE INDEX audit_plan ON audit (plan_id, seq);";

/* Version 2: columns and indexes for lists, filters and the status reason. */
static const char v2[] =
  "ALTER TABLE plans ADD COLUMN status_reason TEXT;"
  "ALTER TABLE plans ADD COLUMN status_changed TEXT;"
  "ALTER TABLE plans ADD COLUMN region TEXT;"
  "ALTER TABLE plans ADD COLUMN municipality_code TEXT;"
  "ALTER TABLE plans ADD COLUMN start_date TEXT;"
  "ALTER TABLE plans ADD COLUMN name TEXT;"
  "ALTER TABLE plans ADD COLUMN cpr TEXT;"
  "UPDATE plans SET status_changed = updated;"
  "CREATE INDEX plans_updated ON plans (updated);"
  "CREATE INDEX plans_status ON plans (status, updated);"
  "CREATE INDEX plans_region ON plans (region, updated);"
  "CREATE INDEX plans_municipality ON plans (municipality_code, updated);"
  "CREATE INDEX plans_start ON plans (start_date);";

/* Version 3: a trigram index for free-text search by name or CPR, and the
 * head of the audit chain, so that removing the newest rows is seen too. */
static const char v3[] =
  "CREATE VIRTUAL TABLE plan_search USING fts5 ("
  "  name, cpr, content = 'plans', content_rowid = 'pk', tokenize = 'trigram');"
  "CREATE TRIGGER plans_search_insert AFTER INSERT ON plans BEGIN"
  "  INSERT INTO plan_search (rowid, name, cpr) VALUES (new.pk, new.name, new.cpr);"
  " END;"
  "CREATE TRIGGER plans_search_delete AFTER DELETE ON plans BEGIN"
  "  INSERT INTO plan_search (plan_search, rowid, name, cpr) VALUES ('delete', old.pk, old.name, old.cpr);"
  " END;"
  "CREATE TRIGGER plans_search_update AFTER UPDATE OF name, cpr ON plans"
  "  WHEN old.name IS NOT new.name OR old.cpr IS NOT new.cpr BEGIN"
  "  INSERT INTO plan_search (plan_search, rowid, name, cpr) VALUES ('delete', old.pk, old.name, old.cpr);"
  "  INSERT INTO plan_search (rowid, name, cpr) VALUES (new.pk, new.name, new.cpr);"
  " END;"
  "INSERT INTO plan_search (plan_search) VALUES ('rebuild');"
  "CREATE TABLE audit_head ("
  "  one INTEGER PRIMARY KEY CHECK (one = 1),"
  "  seq INTEGER NOT NULL,"
  "  hash TEXT NOT NULL"
  ");"
  "INSERT INTO audit_head (one, seq, hash) SELECT 1, seq, hash FROM audit ORDER BY seq DESC LIMIT 1;";

/* Version 4: what the coordinator's queues, sorting and the monitoring
 * figures need (domain §12): the course's end, its type, place, visits,
 * minutes and days, the open items at the last save, and when the plan
 * was referred and answered (taken from the audit trail for older plans). */
static const char v4[] =
  "ALTER TABLE plans ADD COLUMN end_date TEXT;"
  "ALTER TABLE plans ADD COLUMN treatment_type TEXT;"
  "ALTER TABLE plans ADD COLUMN place_kind TEXT;"
  "ALTER TABLE plans ADD COLUMN open_items INTEGER;"
  "ALTER TABLE plans ADD COLUMN visits_per_day INTEGER;"
  "ALTER TABLE plans ADD COLUMN minutes INTEGER;"
  "ALTER TABLE plans ADD COLUMN days INTEGER;"
  "ALTER TABLE plans ADD COLUMN referred_at TEXT;"
  "ALTER TABLE plans ADD COLUMN answer TEXT;"
  "ALTER TABLE plans ADD COLUMN answered_at TEXT;"
  "UPDATE plans SET referred_at = (SELECT max (a.time) FROM audit a WHERE a.plan_id = plans.id"
  "  AND a.action = 'status' AND a.new_value = 'referred');"
  "UPDATE plans SET (answer, answered_at) = (SELECT a.new_value, a.time FROM audit a"
  "  WHERE a.plan_id = plans.id AND a.action = 'status' AND a.new_value IN ('accepted', 'declined')"
  "  AND a.time >= plans.referred_at ORDER BY a.seq DESC LIMIT 1);"
  "CREATE INDEX plans_status_changed ON plans (status, status_changed);"
  "CREATE INDEX plans_status_start ON plans (status, start_date);"
  "CREATE INDEX plans_status_end ON plans (status, end_date);"
  "CREATE INDEX plans_name ON plans (name COLLATE NOCASE);"
  "CREATE INDEX plans_cpr ON plans (cpr);"
  "CREATE INDEX plans_open_items ON plans (open_items);"
  "CREATE INDEX plans_referred ON plans (referred_at);";

/* Version 5: the monitoring figures read referred plans a quarter or a
 * year at a time, by referral time. This index holds every column they
 * count, so that only a course's treatment form (in its document) is read
 * from the table; plans never referred are left out of it. */
static const char v5[] =
  "CREATE INDEX plans_monitoring ON plans"
  "  (referred_at, status, answer, region, municipality_code, cpr, treatment_type,"
  "   place_kind, visits_per_day, minutes, days)"
  "  WHERE referred_at IS NOT NULL;";

/* Version 6: the coordinator's table pages through a million plans sorted
 * by any column. Each sort has an index in its order (the row id, which
 * breaks ties, ends every index), so a page reads a page's rows instead of
 * sorting the whole table at every keystroke; the queues likewise. And a
 * word index with prefixes of one and two characters, for search words too
 * short for the trigrams ("Li", "15"), which otherwise read every row. */
static const char v6[] =
  "CREATE INDEX plans_changed_order ON plans (status_changed);"
  "CREATE INDEX plans_municipality_order ON plans (municipality_code);"
  "CREATE INDEX plans_status_order ON plans " IVD_STORE_STATUS_ORDER ";"
  /* The queues "past the end" and "discharge soon", in the default order
   * (the longest wait first), from the index alone. */
  "CREATE INDEX plans_past_end ON plans (status, end_date, status_changed);"
  "CREATE INDEX plans_soon ON plans (status, start_date, open_items, status_changed);"
  "CREATE VIRTUAL TABLE plan_words USING fts5 ("
  "  name, cpr, content = 'plans', content_rowid = 'pk',"
  "  tokenize = 'unicode61 remove_diacritics 2', prefix = '1 2');"
  "CREATE TRIGGER plans_words_insert AFTER INSERT ON plans BEGIN"
  "  INSERT INTO plan_words (rowid, name, cpr) VALUES (new.pk, new.name, new.cpr);"
  " END;"
  "CREATE TRIGGER plans_words_delete AFTER DELETE ON plans BEGIN"
  "  INSERT INTO plan_words (plan_words, rowid, name, cpr) VALUES ('delete', old.pk, old.name, old.cpr);"
  " END;"
  "CREATE TRIGGER plans_words_update AFTER UPDATE OF name, cpr ON plans"
  "  WHEN old.name IS NOT new.name OR old.cpr IS NOT new.cpr BEGIN"
  "  INSERT INTO plan_words (plan_words, rowid, name, cpr) VALUES ('delete', old.pk, old.name, old.cpr);"
  "  INSERT INTO plan_words (rowid, name, cpr) VALUES (new.pk, new.name, new.cpr);"
  " END;"
  "INSERT INTO plan_words (plan_words) VALUES ('rebuild');";

static gboolean backfill_columns (IvdDatabase *db, IvdCatalog *catalog, GError **error);

static const Migration migrations[] = {
  { v1, NULL },
  /* Version 4's backfill fills version 2's columns too. */
  { v2, NULL },
  { v3, NULL },
  { v4, backfill_columns },
  { v5, NULL },
  { v6, NULL },
};

/* Fills the indexed columns from each document, with the same code that
 * fills them on every save. */
static gboolean
backfill_columns (IvdDatabase  *db,
                  IvdCatalog   *catalog,
                  GError      **error)
{
  g_autoptr(IvdStatement) select = ivd_database_prepare (db, "SELECT pk, document FROM plans", error);
  g_autoptr(IvdStatement) update = NULL;
  int rc;

  update = ivd_database_prepare (db, "UPDATE plans SET " IVD_PLAN_COLUMN_SETS " WHERE pk = ?", error);
  if (select == NULL || update == NULL)
    return FALSE;

  while ((rc = ivd_database_step (db, select, error)) == SQLITE_ROW)
    {
      const char *document = ivd_database_column_text (select, 1);
      g_autoptr(IvdPlan) plan = ivd_plan_new_from_stored_data (document, strlen (document), NULL);
      g_auto(IvdPlanColumns) columns = { 0, };

      /* A document that does not parse keeps empty columns; it is not lost. */
      if (plan == NULL)
        continue;

      ivd_plan_columns_init (&columns, plan, catalog);
      ivd_plan_columns_bind (update, 1, &columns);
      sqlite3_bind_int64 (update, 1 + IVD_PLAN_N_COLUMNS, sqlite3_column_int64 (select, 0));
      if (!ivd_database_step_done (db, update, error))
        return FALSE;
      ivd_statement_release (update);
    }

  return rc == SQLITE_DONE;
}

static gboolean
run_migration (IvdDatabase  *db,
               IvdCatalog   *catalog,
               int           version,
               GError      **error)
{
  const Migration *migration = &migrations[version - 1];
  g_autofree char *set_version = g_strdup_printf ("PRAGMA user_version = %d", version);

  if (!ivd_database_begin (db, error))
    return FALSE;

  if (!ivd_database_exec (db, migration->sql, error) ||
      (migration->backfill != NULL && !migration->backfill (db, catalog, error)) ||
      !ivd_database_exec (db, set_version, error))
    {
      ivd_database_rollback (db);
      return FALSE;
    }

  return ivd_database_commit (db, error);
}

int
ivd_store_schema_get_latest (void)
{
  return G_N_ELEMENTS (migrations);
}

/**
 * ivd_store_schema_migrate:
 * @target: the version to reach; tests build older databases with it
 *
 * Brings the database from its PRAGMA user_version up to @target. A
 * database from a newer app is refused untouched.
 */
gboolean
ivd_store_schema_migrate (IvdDatabase  *db,
                          IvdCatalog   *catalog,
                          int           target,
                          GError      **error)
{
  int version = ivd_database_get_user_version (db, error);

  g_return_val_if_fail (target >= 1 && target <= ivd_store_schema_get_latest (), FALSE);

  if (version < 0)
    return FALSE;

  if (version > ivd_store_schema_get_latest ())
    {
      g_set_error (error, IVD_STORE_ERROR, IVD_STORE_ERROR_TOO_NEW,
                   _("The plan database %s was written by a newer IV Discharge (format %d; this version "
                     "reads up to %d). Update IV Discharge; nothing in the file was changed."),
                   ivd_database_get_path (db), version, ivd_store_schema_get_latest ());
      return FALSE;
    }

  for (int next = version + 1; next <= target; next++)
    if (!run_migration (db, catalog, next, error))
      return FALSE;

  return TRUE;
}
