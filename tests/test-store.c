#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <glib/gstdio.h>

#include "ivd-audit.h"
#include "ivd-plan-list.h"
#include "ivd-store.h"
#include "ivd-store-private.h"
#include "ivd-store-schema.h"
#include "ivd-test-util.h"

/* The store: plans, life cycle, audit chain, conflicts, damaged files,
 * backups, migrations and lists, each on a fresh database in a temporary
 * folder. */

typedef struct
{
  char       *dir;
  char       *path;
  IvdCatalog *catalog;
  IvdStore   *store;
  GDate      *today;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  f->dir = g_dir_make_tmp ("ivd-store-XXXXXX", &error);
  g_assert_no_error (error);
  f->path = g_build_filename (f->dir, "plans.db", NULL);
  f->catalog = ivd_test_catalog ();
  f->store = ivd_store_open (f->path, f->catalog, &error);
  g_assert_no_error (error);
  f->today = g_date_new_dmy (22, 11, 2026);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_clear_object (&f->store);
  g_clear_object (&f->catalog);
  ivd_test_remove_tree (f->dir);
  g_free (f->dir);
  g_free (f->path);
  g_date_free (f->today);
}

static IvdPlan *
example_plan (const char *name)
{
  g_autofree char *path = g_build_filename (g_getenv ("IVD_DATA_DIR"), "examples", name, NULL);
  g_autoptr(GError) error = NULL;
  IvdPlan *plan = ivd_plan_new_from_file (path, &error);

  g_assert_no_error (error);
  return plan;
}

static sqlite3 *
handle (IvdStore *store)
{
  return ivd_database_get_handle (ivd_store_get_database (store));
}

static char *
query_text (sqlite3    *db,
            const char *sql)
{
  sqlite3_stmt *stmt = NULL;
  char *result = NULL;

  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    result = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);
  return result;
}

static gint64
query_int (sqlite3    *db,
           const char *sql)
{
  g_autofree char *text = query_text (db, sql);
  return text != NULL ? g_ascii_strtoll (text, NULL, 10) : -1;
}

static void
assert_audit_intact (IvdStore *store)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *problem = NULL;
  guint64 n_rows = 0;

  g_assert_true (ivd_store_verify_audit (store, &n_rows, &problem, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (problem, ==, NULL);
}

/* ---- plans ---- */

static void
test_settings (Fixture       *f,
               gconstpointer  data)
{
  sqlite3 *db = handle (f->store);
  GStatBuf st;
  g_autofree char *wal = g_strconcat (f->path, "-wal", NULL);

  g_assert_cmpint (query_int (db, "PRAGMA synchronous"), ==, 2);
  g_assert_cmpint (query_int (db, "PRAGMA foreign_keys"), ==, 1);
  g_assert_cmpint (query_int (db, "PRAGMA busy_timeout"), >=, 1000);
  g_assert_cmpint (query_int (db, "PRAGMA user_version"), ==, ivd_store_schema_get_latest ());
  {
    g_autofree char *mode = query_text (db, "PRAGMA journal_mode");
    g_assert_cmpstr (mode, ==, "wal");
  }

  g_assert_cmpint (g_stat (f->path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);
  g_clear_object (&f->store);
  g_assert_false (g_file_test (wal, G_FILE_TEST_EXISTS) && g_stat (wal, &st) == 0 && (st.st_mode & 0077) != 0);
}

/* The default place: $XDG_DATA_HOME/iv-discharge/plans.db, folder 0700. */
static void
test_default_path (void)
{
  /* main() points XDG_DATA_HOME at a fresh folder. */
  const char *home = g_get_user_data_dir ();
  g_autofree char *dir = g_build_filename (home, "iv-discharge", NULL);
  g_autofree char *path = NULL;
  g_autoptr(IvdCatalog) catalog = ivd_test_catalog ();
  g_autoptr(IvdStore) store = NULL;
  g_autoptr(GError) error = NULL;
  GStatBuf st;

  /* A folder made by someone else, too open: the store closes it. */
  g_assert_cmpint (g_mkdir_with_parents (dir, 0755), ==, 0);
  path = ivd_store_dup_default_path ();
  g_assert_true (g_str_has_prefix (path, home));
  g_assert_true (g_str_has_suffix (path, "/iv-discharge/plans.db"));

  store = ivd_store_open (NULL, catalog, &error);
  g_assert_no_error (error);
  g_assert_cmpint (g_stat (dir, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0700);
  g_assert_cmpint (g_stat (path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);

  g_clear_object (&store);
}

static void
test_create_load_save (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(IvdPlan) plan = ivd_test_plan (IVD_TEST_ELIGIBLE_PLAN);
  g_autoptr(IvdPlanRecord) record = NULL;
  g_autoptr(IvdPlanRecord) loaded = NULL;
  g_autoptr(IvdPlanRecord) reloaded = NULL;
  g_autoptr(GError) error = NULL;
  gint64 days = 0;

  record = ivd_store_create_plan (f->store, plan, &error);
  g_assert_no_error (error);
  g_assert_true (g_uuid_string_is_valid (ivd_plan_record_get_id (record)));
  g_assert_cmpint (ivd_plan_record_get_version (record), ==, 1);
  g_assert_cmpint (ivd_plan_record_get_status (record), ==, IVD_PLAN_STATUS_DRAFT);
  g_assert_true (ivd_plan_record_get_plan (record) == plan);

  loaded = ivd_store_load_plan (f->store, ivd_plan_record_get_id (record), &error);
  g_assert_no_error (error);
  g_assert_true (ivd_plan_lookup_int (ivd_plan_record_get_plan (loaded), "treatment.days", &days));
  g_assert_cmpint (days, ==, 8);

  /* One changed field: one save, one audit row naming it. */
  ivd_plan_set_int (ivd_plan_record_get_plan (loaded), "treatment.days", 10);
  g_assert_true (ivd_store_save_plan (f->store, loaded, &error));
  g_assert_no_error (error);
  g_assert_cmpint (ivd_plan_record_get_version (loaded), ==, 2);
  g_assert_cmpint (query_int (handle (f->store),
                              "SELECT count(*) FROM audit WHERE action = 'field' AND field = 'treatment.days' "
                              "AND old_value = '8' AND new_value = '10'"), ==, 1);
  g_assert_cmpint (query_int (handle (f->store), "SELECT count(*) FROM audit WHERE action = 'field'"), ==, 1);
  {
    g_autofree char *user = query_text (handle (f->store), "SELECT user FROM audit ORDER BY seq DESC LIMIT 1");
    g_assert_cmpstr (user, ==, g_get_user_name ());
  }

  /* Saving what is already stored writes nothing. */
  g_assert_true (ivd_store_save_plan (f->store, loaded, &error));
  g_assert_cmpint (ivd_plan_record_get_version (loaded), ==, 2);

  reloaded = ivd_store_load_plan (f->store, ivd_plan_record_get_id (record), &error);
  g_assert_true (ivd_plan_lookup_int (ivd_plan_record_get_plan (reloaded), "treatment.days", &days));
  g_assert_cmpint (days, ==, 10);
  assert_audit_intact (f->store);

  g_assert_null (ivd_store_load_plan (f->store, "00000000-0000-4000-8000-000000000000", &error));
  g_assert_error (error, IVD_STORE_ERROR, IVD_STORE_ERROR_NOT_FOUND);
}

/* Keys this version does not know, and a half-typed draft, survive. */
static void
test_round_trip (Fixture       *f,
                 gconstpointer  data)
{
  const char *json = "{\"format\": \"iv-discharge-plan/1\", \"future_key\": {\"nested\": [1, 2, {\"x\": null}]},"
                     " \"patient\": {\"name\": \"Testperson Ørsted\", \"hospital_ward\": \"B4\"}}";
  g_autoptr(IvdPlan) plan = ivd_test_plan (json);
  g_autoptr(IvdPlanRecord) record = ivd_store_create_plan (f->store, plan, NULL);
  g_autoptr(IvdPlanRecord) loaded = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;

  /* A CPR number half typed is not valid, but it is what the doctor typed. */
  ivd_plan_set_string (plan, "patient.cpr", "15065");
  g_assert_true (ivd_store_save_plan (f->store, record, &error));
  g_assert_no_error (error);

  loaded = ivd_store_load_plan (f->store, ivd_plan_record_get_id (record), &error);
  g_assert_no_error (error);
  before = ivd_plan_to_data (plan);
  after = ivd_plan_to_data (ivd_plan_record_get_plan (loaded));
  g_assert_cmpstr (before, ==, after);
  g_assert_cmpstr (ivd_plan_get_string (ivd_plan_record_get_plan (loaded), "patient.hospital_ward"), ==, "B4");
}

/* ---- life cycle ---- */

typedef struct
{
  IvdPlanStatus from;
  IvdPlanStatus to;
  const char   *reason;
  gboolean      allowed;
} Transition;

#define S(x) IVD_PLAN_STATUS_##x
static const Transition transitions[] = {
  { S (DRAFT), S (READY), NULL, TRUE },
  { S (DRAFT), S (REFERRED), NULL, FALSE },
  { S (DRAFT), S (ACCEPTED), NULL, FALSE },
  { S (DRAFT), S (IN_COURSE), NULL, FALSE },
  { S (DRAFT), S (ENDED), "completed", FALSE },
  { S (DRAFT), S (CANCELLED), "Patient died", TRUE },
  { S (DRAFT), S (CANCELLED), NULL, FALSE },
  { S (DRAFT), S (CANCELLED), "   ", FALSE },
  { S (READY), S (REFERRED), NULL, TRUE },
  { S (READY), S (DRAFT), NULL, TRUE },
  { S (READY), S (ACCEPTED), NULL, FALSE },
  { S (REFERRED), S (ACCEPTED), NULL, TRUE },
  { S (REFERRED), S (DECLINED), "No night visits possible", TRUE },
  { S (REFERRED), S (DECLINED), NULL, FALSE },
  { S (REFERRED), S (IN_COURSE), NULL, FALSE },
  { S (DECLINED), S (DRAFT), NULL, TRUE },
  { S (DECLINED), S (ACCEPTED), NULL, FALSE },
  { S (ACCEPTED), S (IN_COURSE), NULL, TRUE },
  { S (ACCEPTED), S (DRAFT), NULL, FALSE },
  { S (IN_COURSE), S (ENDED), "completed", TRUE },
  { S (IN_COURSE), S (ENDED), "stopped_early", TRUE },
  { S (IN_COURSE), S (ENDED), "readmitted", TRUE },
  { S (IN_COURSE), S (ENDED), "fine", FALSE },
  { S (IN_COURSE), S (ENDED), NULL, FALSE },
  { S (IN_COURSE), S (ACCEPTED), NULL, FALSE },
  { S (ENDED), S (IN_COURSE), NULL, FALSE },
  { S (ENDED), S (CANCELLED), "Registered on the wrong patient", TRUE },
  { S (CANCELLED), S (DRAFT), NULL, FALSE },
  { S (CANCELLED), S (CANCELLED), "again", FALSE },
};
#undef S

/* The shortest allowed path to each status. */
static const IvdPlanStatus path_to[IVD_PLAN_STATUS_N][6] = {
  [IVD_PLAN_STATUS_DRAFT] = { IVD_PLAN_STATUS_DRAFT },
  [IVD_PLAN_STATUS_READY] = { IVD_PLAN_STATUS_READY },
  [IVD_PLAN_STATUS_REFERRED] = { IVD_PLAN_STATUS_READY, IVD_PLAN_STATUS_REFERRED },
  [IVD_PLAN_STATUS_ACCEPTED] = { IVD_PLAN_STATUS_READY, IVD_PLAN_STATUS_REFERRED, IVD_PLAN_STATUS_ACCEPTED },
  [IVD_PLAN_STATUS_DECLINED] = { IVD_PLAN_STATUS_READY, IVD_PLAN_STATUS_REFERRED, IVD_PLAN_STATUS_DECLINED },
  [IVD_PLAN_STATUS_IN_COURSE] = { IVD_PLAN_STATUS_READY, IVD_PLAN_STATUS_REFERRED, IVD_PLAN_STATUS_ACCEPTED,
                                  IVD_PLAN_STATUS_IN_COURSE },
  [IVD_PLAN_STATUS_ENDED] = { IVD_PLAN_STATUS_READY, IVD_PLAN_STATUS_REFERRED, IVD_PLAN_STATUS_ACCEPTED,
                              IVD_PLAN_STATUS_IN_COURSE, IVD_PLAN_STATUS_ENDED },
  [IVD_PLAN_STATUS_CANCELLED] = { IVD_PLAN_STATUS_CANCELLED },
};

static const char *
reason_for (IvdPlanStatus status)
{
  return status == IVD_PLAN_STATUS_ENDED ? "completed" : ivd_plan_status_needs_reason (status) ? "test" : NULL;
}

static IvdPlanRecord *
record_in_status (Fixture       *f,
                  IvdPlanStatus  status)
{
  g_autoptr(IvdPlan) plan = example_plan ("eligible-hovedstaden-antibiotic.json");
  g_autoptr(IvdPlanRecord) record = ivd_store_create_plan (f->store, plan, NULL);

  for (guint i = 0; status != IVD_PLAN_STATUS_DRAFT && i < G_N_ELEMENTS (path_to[status]); i++)
    {
      g_autoptr(GError) error = NULL;
      IvdPlanStatus next = path_to[status][i];

      ivd_store_set_status (f->store, record, next, reason_for (next), f->today, &error);
      g_assert_no_error (error);
      if (next == status)
        break;
    }

  g_assert_cmpint (ivd_plan_record_get_status (record), ==, status);
  return g_steal_pointer (&record);
}

static void
test_transitions (Fixture       *f,
                  gconstpointer  data)
{
  for (guint i = 0; i < G_N_ELEMENTS (transitions); i++)
    {
      const Transition *t = &transitions[i];
      g_autoptr(IvdPlanRecord) record = record_in_status (f, t->from);
      g_autoptr(GError) error = NULL;
      gint64 version = ivd_plan_record_get_version (record);
      gboolean ok;

      g_test_message ("%s -> %s (%s)", ivd_plan_status_to_string (t->from),
                      ivd_plan_status_to_string (t->to), t->reason);
      ok = ivd_store_set_status (f->store, record, t->to, t->reason, f->today, &error);
      g_assert_cmpint (ok, ==, t->allowed);
      g_assert_cmpint (ivd_plan_status_can_change_to (t->from, t->to) &&
                       ivd_plan_status_check_reason (t->to, t->reason, NULL), ==, t->allowed);
      if (t->allowed)
        {
          g_assert_no_error (error);
          g_assert_cmpint (ivd_plan_record_get_status (record), ==, t->to);
          g_assert_cmpint (ivd_plan_record_get_version (record), ==, version + 1);
        }
      else
        {
          g_assert_error (error, IVD_STORE_ERROR, IVD_STORE_ERROR_TRANSITION);
          g_assert_cmpint (ivd_plan_record_get_status (record), ==, t->from);
          g_assert_cmpint (ivd_plan_record_get_version (record), ==, version);
        }
    }

  assert_audit_intact (f->store);
}

static void
test_ready_needs_evaluation (Fixture       *f,
                             gconstpointer  data)
{
  g_autoptr(IvdPlan) plan = example_plan ("eligible-hovedstaden-antibiotic.json");
  g_autoptr(IvdPlanRecord) record = NULL;
  g_autoptr(GError) error = NULL;

  ivd_plan_set_boolean (plan, "checklist.FMK-DOSE", FALSE);
  record = ivd_store_create_plan (f->store, plan, NULL);
  g_assert_false (ivd_store_set_status (f->store, record, IVD_PLAN_STATUS_READY, NULL, f->today, &error));
  g_assert_error (error, IVD_STORE_ERROR, IVD_STORE_ERROR_TRANSITION);
  g_clear_error (&error);

  /* Ready is judged on what is stored: saved, it passes. */
  ivd_plan_set_boolean (plan, "checklist.FMK-DOSE", TRUE);
  g_assert_false (ivd_store_set_status (f->store, record, IVD_PLAN_STATUS_READY, NULL, f->today, NULL));
  g_assert_true (ivd_store_save_plan (f->store, record, NULL));
  g_assert_true (ivd_store_set_status (f->store, record, IVD_PLAN_STATUS_READY, NULL, f->today, &error));
  g_assert_no_error (error);
}

static void
test_edit_returns_to_draft (Fixture       *f,
                            gconstpointer  data)
{
  IvdPlanStatus statuses[] = { IVD_PLAN_STATUS_READY, IVD_PLAN_STATUS_REFERRED, IVD_PLAN_STATUS_ACCEPTED };

  for (guint i = 0; i < G_N_ELEMENTS (statuses); i++)
    {
      g_autoptr(IvdPlanRecord) record = record_in_status (f, statuses[i]);
      g_autoptr(IvdPlanRecord) loaded = NULL;
      g_autoptr(GError) error = NULL;
      IvdPlanStatus expected = ivd_plan_status_edit_returns_to_draft (statuses[i]) ? IVD_PLAN_STATUS_DRAFT : statuses[i];

      ivd_plan_set_string (ivd_plan_record_get_plan (record), "treatment.dose", "2 g");
      g_assert_true (ivd_store_save_plan (f->store, record, &error));
      g_assert_no_error (error);
      g_assert_cmpint (ivd_plan_record_get_status (record), ==, expected);

      loaded = ivd_store_load_plan (f->store, ivd_plan_record_get_id (record), NULL);
      g_assert_cmpint (ivd_plan_record_get_status (loaded), ==, expected);
    }

  g_assert_cmpint (query_int (handle (f->store),
                              "SELECT count(*) FROM audit WHERE action = 'status' AND new_value = 'draft' "
                              "AND note = 'edited'"), ==, 2);
}

/* ---- audit chain ---- */

static void
make_history (Fixture *f)
{
  for (guint i = 0; i < 3; i++)
    {
      g_autoptr(IvdPlan) plan = ivd_test_plan (IVD_TEST_ELIGIBLE_PLAN);
      g_autoptr(IvdPlanRecord) record = ivd_store_create_plan (f->store, plan, NULL);

      ivd_plan_set_int (plan, "treatment.days", 9 + i);
      g_assert_true (ivd_store_save_plan (f->store, record, NULL));
      ivd_plan_set_string (plan, "treatment.dose", "2 g");
      g_assert_true (ivd_store_save_plan (f->store, record, NULL));
    }
  /* 3 creates + 6 field changes */
  g_assert_cmpint (query_int (handle (f->store), "SELECT count(*) FROM audit"), ==, 9);
  assert_audit_intact (f->store);
}

typedef struct
{
  const char *sql;
  const char *expected;
} Tamper;

static const Tamper tampers[] = {
  { "UPDATE audit SET new_value = '12' WHERE seq = 5", "audit row 5 " },
  { "UPDATE audit SET user = 'someone' WHERE seq = 2", "audit row 2 " },
  { "UPDATE audit SET time = '2020-01-01T00:00:00Z' WHERE seq = 9", "audit row 9 " },
  { "DELETE FROM audit WHERE seq = 4", "audit row 5 " },
  { "DELETE FROM audit WHERE seq = 1", "audit row 2 " },
  { "DELETE FROM audit WHERE seq = 9", "after row 8" },
  /* Removed and the chain relinked by hand: the next hash no longer fits. */
  { "DELETE FROM audit WHERE seq = 3; UPDATE audit SET seq = seq - 1 WHERE seq > 3", "audit row 3 " },
};

static void
test_audit_tamper (Fixture       *f,
                   gconstpointer  data)
{
  make_history (f);

  for (guint i = 0; i < G_N_ELEMENTS (tampers); i++)
    {
      g_autofree char *copy = g_strdup_printf ("%s.tamper%u", f->path, i);
      g_autoptr(IvdStore) store = NULL;
      g_autofree char *problem = NULL;
      g_autoptr(GError) error = NULL;
      guint64 n_rows;

      /* Each tamper on its own copy of the intact database. */
      g_assert_cmpint (sqlite3_exec (handle (f->store), "PRAGMA wal_checkpoint(TRUNCATE)", NULL, NULL, NULL), ==, SQLITE_OK);
      {
        g_autofree char *contents = NULL;
        gsize length;
        g_assert_true (g_file_get_contents (f->path, &contents, &length, NULL));
        g_assert_true (g_file_set_contents (copy, contents, length, NULL));
      }

      store = ivd_store_open (copy, f->catalog, &error);
      g_assert_no_error (error);
      g_assert_cmpint (sqlite3_exec (handle (store), tampers[i].sql, NULL, NULL, NULL), ==, SQLITE_OK);
      g_assert_true (ivd_store_verify_audit (store, &n_rows, &problem, &error));
      g_test_message ("tamper %u: %s", i, problem);
      g_assert_nonnull (problem);
      g_assert_nonnull (strstr (problem, tampers[i].expected));
    }
}

/* The --verify-audit contract: exit 0 intact, 1 broken, first link named. */
static void
test_verify_audit_command (Fixture       *f,
                           gconstpointer  data)
{
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  int status = -1;
  const char *argv[] = { g_getenv ("IVD_BINARY"), "--database", f->path, "--verify-audit", NULL };

  make_history (f);
  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, &out, &err, &status, NULL));
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  g_assert_nonnull (strstr (out, "9 rows"));

  g_assert_cmpint (sqlite3_exec (handle (f->store), "UPDATE audit SET old_value = 'x' WHERE seq = 6", NULL, NULL, NULL), ==, SQLITE_OK);
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, &out, &err, &status, NULL));
  g_assert_true (WIFEXITED (status));
  g_assert_cmpint (WEXITSTATUS (status), ==, 1);
  g_assert_nonnull (strstr (err, "audit row 6 "));
  /* Never the values: they may be patient data. */
  g_assert_null (strstr (err, "Testperson"));
  g_assert_null (strstr (err, "1506501237"));
}

/* ---- concurrency ---- */

static void
test_conflict (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(IvdPlan) plan = ivd_test_plan (IVD_TEST_ELIGIBLE_PLAN);
  g_autoptr(IvdPlanRecord) created = ivd_store_create_plan (f->store, plan, NULL);
  g_autoptr(IvdStore) other = NULL;
  g_autoptr(IvdPlanRecord) doctor = NULL;
  g_autoptr(IvdPlanRecord) coordinator = NULL;
  g_autoptr(IvdPlanRecord) fresh = NULL;
  g_autoptr(GError) error = NULL;
  const char *id = ivd_plan_record_get_id (created);

  /* Two connections on one file, as two programs would have. */
  other = ivd_store_open (f->path, f->catalog, &error);
  g_assert_no_error (error);
  doctor = ivd_store_load_plan (f->store, id, NULL);
  coordinator = ivd_store_load_plan (other, id, NULL);

  ivd_plan_set_string (ivd_plan_record_get_plan (coordinator), "treatment.dose", "2 g");
  g_assert_true (ivd_store_save_plan (other, coordinator, &error));
  g_assert_no_error (error);

  ivd_plan_set_string (ivd_plan_record_get_plan (doctor), "treatment.drug", "Meropenem");
  g_assert_false (ivd_store_save_plan (f->store, doctor, &error));
  g_assert_error (error, IVD_STORE_ERROR, IVD_STORE_ERROR_CONFLICT);
  g_clear_error (&error);

  /* The doctor keeps the edit; the coordinator's change stands. */
  g_assert_cmpstr (ivd_plan_get_string (ivd_plan_record_get_plan (doctor), "treatment.drug"), ==, "Meropenem");
  fresh = ivd_store_load_plan (f->store, id, NULL);
  g_assert_cmpstr (ivd_plan_get_string (ivd_plan_record_get_plan (fresh), "treatment.dose"), ==, "2 g");
  g_assert_cmpstr (ivd_plan_get_string (ivd_plan_record_get_plan (fresh), "treatment.drug"), ==, "Cefuroxim");

  /* A status change from a stale record is a conflict too. */
  g_assert_false (ivd_store_set_status (f->store, doctor, IVD_PLAN_STATUS_CANCELLED, "x", f->today, &error));
  g_assert_error (error, IVD_STORE_ERROR, IVD_STORE_ERROR_CONFLICT);
  g_clear_error (&error);

  /* Another program's commit is noticed. */
  g_assert_true (ivd_store_poll_changes (f->store));
  g_assert_false (ivd_store_poll_changes (f->store));

  /* Re-applied on the newest version, it saves. */
  ivd_plan_set_string (ivd_plan_record_get_plan (fresh), "treatment.drug", "Meropenem");
  g_assert_true (ivd_store_save_plan (f->store, fresh, &error));
  g_assert_no_error (error);
}

/* ---- faults ---- */

typedef void (*DamageFunc) (const char *path);

static void
damage_truncate (const char *path)
{
  GStatBuf st;
  g_assert_cmpint (g_stat (path, &st), ==, 0);
  g_assert_cmpint (truncate (path, st.st_size / 2), ==, 0);
}

static void
damage_header (const char *path)
{
  int fd = g_open (path, O_WRONLY, 0);
  g_assert_cmpint (fd, >=, 0);
  g_assert_cmpint (write (fd, "This is not SQLite", 18), ==, 18);
  close (fd);
}

static void
damage_random (const char *path)
{
  GStatBuf st;
  GRand *rand = g_rand_new_with_seed (7);
  int fd = g_open (path, O_WRONLY, 0);

  g_assert_cmpint (g_stat (path, &st), ==, 0);
  /* Random bytes over the pages after the first. */
  for (off_t offset = 4096; offset < st.st_size; offset += 512)
    {
      guint8 junk[512];
      for (guint i = 0; i < sizeof junk; i++)
        junk[i] = g_rand_int_range (rand, 0, 256);
      g_assert_cmpint (pwrite (fd, junk, sizeof junk, offset), ==, sizeof junk);
    }
  close (fd);
  g_rand_free (rand);
}

static void
damage_empty (const char *path)
{
  g_assert_cmpint (truncate (path, 0), ==, 0);
}

static void
test_damaged (Fixture       *f,
              gconstpointer  data)
{
  const DamageFunc damages[] = { damage_truncate, damage_header, damage_random, damage_empty };
  g_autoptr(GDateTime) now = g_date_time_new_utc (2026, 11, 22, 8, 0, 0);

  for (guint i = 0; i < G_N_ELEMENTS (damages); i++)
    {
      g_autoptr(IvdPlan) plan = ivd_test_plan (IVD_TEST_ELIGIBLE_PLAN);
      g_autoptr(IvdPlanRecord) record = NULL;
      g_autoptr(IvdPlanRecord) restored = NULL;
      g_autoptr(GError) error = NULL;
      g_autoptr(IvdStore) store = NULL;
      g_autofree char *backup = NULL;
      g_autofree char *from = NULL;
      g_autoptr(GDateTime) when = g_date_time_add_days (now, i * 2);

      store = ivd_store_open (f->path, f->catalog, &error);
      g_assert_no_error (error);
      /* Enough plans for several pages, so damage hits data. */
      for (guint n = 0; n < 40; n++)
        {
          g_clear_object (&record);
          record = ivd_store_create_plan (store, plan, NULL);
        }
      g_assert_true (ivd_store_backup_if_due (store, when, &backup, &error));
      g_assert_no_error (error);
      g_assert_nonnull (backup);
      g_assert_cmpint (sqlite3_exec (handle (store), "PRAGMA wal_checkpoint(TRUNCATE)", NULL, NULL, NULL), ==, SQLITE_OK);
      g_clear_object (&store);

      damages[i] (f->path);
      store = ivd_store_open (f->path, f->catalog, &error);
      g_test_message ("damage %u: %s", i, error != NULL ? error->message : "(opened)");
      g_assert_null (store);
      g_assert_error (error, IVD_STORE_ERROR, IVD_STORE_ERROR_DAMAGED);
      g_assert_nonnull (strstr (error->message, "moved aside"));
      g_assert_nonnull (strstr (error->message, "can be restored"));
      /* Moved, not overwritten. */
      g_assert_false (g_file_test (f->path, G_FILE_TEST_EXISTS));
      g_clear_error (&error);

      g_assert_true (ivd_store_restore_backup (f->path, &from, &error));
      g_assert_no_error (error);
      g_assert_cmpstr (from, ==, backup);
      store = ivd_store_open (f->path, f->catalog, &error);
      g_assert_no_error (error);
      restored = ivd_store_load_plan (store, ivd_plan_record_get_id (record), &error);
      g_assert_no_error (error);
      assert_audit_intact (store);
    }

  /* Each damaged file is still there, beside the database. */
  {
    g_autoptr(GDir) dir = g_dir_open (f->dir, 0, NULL);
    const char *name;
    guint aside = 0;

    while ((name = g_dir_read_name (dir)) != NULL)
      if (g_str_has_prefix (name, "plans.db.damaged-") && strstr (name, "-wal") == NULL && strstr (name, "-shm") == NULL)
        aside++;
    g_assert_cmpuint (aside, >=, 1);
  }
}

/* A database another program holds locked is busy, not damaged: it must
 * stay where it is. */
static void
test_locked_is_not_damaged (Fixture       *f,
                            gconstpointer  data)
{
  g_autoptr(IvdPlanRecord) record = ivd_store_create_plan (f->store, NULL, NULL);
  g_autoptr(IvdStore) second = NULL;
  g_autoptr(IvdPlanRecord) loaded = NULL;
  g_autoptr(GError) error = NULL;
  sqlite3 *holder = handle (f->store);

  g_assert_cmpint (sqlite3_exec (holder, "PRAGMA locking_mode = EXCLUSIVE; BEGIN EXCLUSIVE; "
                                 "UPDATE plans SET updated = updated; COMMIT;", NULL, NULL, NULL), ==, SQLITE_OK);
  second = ivd_store_open (f->path, f->catalog, &error);
  g_assert_null (second);
  g_assert_error (error, IVD_STORE_ERROR, IVD_STORE_ERROR_BUSY);
  g_assert_true (g_file_test (f->path, G_FILE_TEST_EXISTS));
  g_clear_error (&error);

  g_assert_cmpint (sqlite3_exec (holder, "PRAGMA locking_mode = NORMAL; SELECT 1 FROM plans;", NULL, NULL, NULL), ==, SQLITE_OK);
  second = ivd_store_open (f->path, f->catalog, &error);
  g_assert_no_error (error);
  loaded = ivd_store_load_plan (second, ivd_plan_record_get_id (record), NULL);
  g_assert_nonnull (loaded);
}

static void
test_restore_refuses_to_overwrite (Fixture       *f,
                                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_utc (2026, 11, 22, 8, 0, 0);

  g_assert_false (ivd_store_restore_backup (f->path, NULL, &error));
  g_assert_error (error, IVD_STORE_ERROR, IVD_STORE_ERROR_NO_BACKUP);
  g_clear_error (&error);

  g_assert_true (ivd_store_backup_if_due (f->store, now, NULL, &error));
  g_assert_false (ivd_store_restore_backup (f->path, NULL, &error));
  g_assert_error (error, IVD_STORE_ERROR, IVD_STORE_ERROR_WRITE);
}

static void
test_full_disk (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(IvdPlan) plan = ivd_test_plan (IVD_TEST_ELIGIBLE_PLAN);
  g_autoptr(IvdPlanRecord) record = ivd_store_create_plan (f->store, plan, NULL);
  g_autoptr(IvdPlanRecord) stored = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *big = g_strnfill (200000, 'x');
  g_autofree char *integrity = NULL;
  gint64 pages = query_int (handle (f->store), "PRAGMA page_count");

  /* The file may not grow: as good as a full disk. */
  g_autofree char *limit = g_strdup_printf ("PRAGMA max_page_count = %" G_GINT64_FORMAT, pages + 2);

  g_assert_cmpint (query_int (handle (f->store), limit), >, 0);
  ivd_plan_set_string (plan, "treatment.drug", big);
  g_assert_false (ivd_store_save_plan (f->store, record, &error));
  g_assert_error (error, IVD_STORE_ERROR, IVD_STORE_ERROR_WRITE);
  g_assert_nonnull (strstr (error->message, "disk is full"));

  /* Nothing half-written; the edit is still in hand. */
  g_assert_cmpint (ivd_plan_record_get_version (record), ==, 1);
  g_assert_cmpstr (ivd_plan_get_string (plan, "treatment.drug"), ==, big);
  stored = ivd_store_load_plan (f->store, ivd_plan_record_get_id (record), NULL);
  g_assert_cmpstr (ivd_plan_get_string (ivd_plan_record_get_plan (stored), "treatment.drug"), ==, "Cefuroxim");
  integrity = query_text (handle (f->store), "PRAGMA integrity_check");
  g_assert_cmpstr (integrity, ==, "ok");
  assert_audit_intact (f->store);
}

static void
test_unwritable_folder (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(IvdStore) store = NULL;
  g_autofree char *dir = g_build_filename (f->dir, "locked", NULL);
  g_autofree char *path = g_build_filename (dir, "plans.db", NULL);

  /* root ignores folder modes; /proc refuses new files even to root. */
  if (geteuid () == 0)
    {
      g_free (path);
      path = g_strdup ("/proc/ivd-test/plans.db");
    }
  else
    {
      g_assert_cmpint (g_mkdir (dir, 0500), ==, 0);
    }

  store = ivd_store_open (path, f->catalog, &error);
  g_assert_null (store);
  g_assert_error (error, IVD_STORE_ERROR, IVD_STORE_ERROR_OPEN);
  g_test_message ("%s", error->message);
  g_assert_nonnull (strstr (error->message, "cannot be"));
  g_chmod (dir, 0700);
}

/* ---- backups ---- */

static void
test_backups (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(GDateTime) start = g_date_time_new_utc (2026, 11, 1, 9, 0, 0);
  g_autofree char *dir = g_build_filename (f->dir, "backups", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(IvdPlan) plan = ivd_test_plan (IVD_TEST_ELIGIBLE_PLAN);
  g_autoptr(IvdPlanRecord) record = ivd_store_create_plan (f->store, plan, NULL);
  guint n = 0;
  GStatBuf st;

  for (guint day = 0; day < 10; day++)
    {
      g_autoptr(GDateTime) morning = g_date_time_add_days (start, day);
      g_autoptr(GDateTime) later = g_date_time_add_hours (morning, 5);
      g_autofree char *first = NULL;
      g_autofree char *second = NULL;

      /* At most one a day. */
      g_assert_true (ivd_store_backup_if_due (f->store, morning, &first, &error));
      g_assert_no_error (error);
      g_assert_nonnull (first);
      g_assert_cmpint (g_stat (first, &st), ==, 0);
      g_assert_cmpint (st.st_mode & 0777, ==, 0600);
      g_assert_true (ivd_store_backup_if_due (f->store, later, &second, &error));
      g_assert_null (second);
    }

  {
    g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
    while (g_dir_read_name (d) != NULL)
      n++;
  }
  g_assert_cmpuint (n, ==, 7);
  g_assert_cmpint (g_stat (dir, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0700);
}

/* ---- migrations ---- */

static void
add_audit_row (sqlite3    *db,
               const char *plan_id,
               const char *document)
{
  sqlite3_stmt *stmt = NULL;
  g_autofree char *prev = query_text (db, "SELECT hash FROM audit ORDER BY seq DESC LIMIT 1");
  gint64 seq = query_int (db, "SELECT count(*) FROM audit") + 1;
  IvdAuditEntry entry = { seq, plan_id, "2026-01-01T10:00:00.000000Z", "olduser", "create", NULL, NULL, document, NULL };
  g_autofree char *hash = ivd_audit_compute_hash (prev != NULL ? prev : IVD_AUDIT_GENESIS, &entry);

  g_assert_cmpint (sqlite3_prepare_v2 (db,
                                       "INSERT INTO audit (seq, plan_id, time, user, action, new_value, prev_hash, hash) "
                                       "VALUES (?, ?, ?, ?, ?, ?, ?, ?)", -1, &stmt, NULL), ==, SQLITE_OK);
  sqlite3_bind_int64 (stmt, 1, seq);
  sqlite3_bind_text (stmt, 2, plan_id, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, entry.time, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 4, entry.user, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 5, entry.action, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 6, document, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 7, prev != NULL ? prev : IVD_AUDIT_GENESIS, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 8, hash, -1, SQLITE_STATIC);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_DONE);
  sqlite3_finalize (stmt);
}

/* Builds a database of @version as that version would have written it,
 * holding two plans. */
static void
make_old_database (const char *path,
                   IvdCatalog *catalog,
                   int         version)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(IvdDatabase) db = ivd_database_open (path, &error);
  const char *ids[] = { "11111111-1111-4111-8111-111111111111", "22222222-2222-4222-8222-222222222222" };
  const char *documents[] = { IVD_TEST_ELIGIBLE_PLAN,
                              "{\"format\": \"iv-discharge-plan/1\", \"patient\": {\"name\": \"Testperson Bøgh\", "
                              "\"municipality_code\": \"851\", \"cpr\": \"0101901238\"}, \"old_key\": 1}" };

  g_assert_no_error (error);
  g_assert_true (ivd_store_schema_migrate (db, catalog, version, &error));
  g_assert_no_error (error);

  for (guint i = 0; i < G_N_ELEMENTS (ids); i++)
    {
      sqlite3_stmt *stmt = NULL;

      g_assert_cmpint (sqlite3_prepare_v2 (ivd_database_get_handle (db),
                                           "INSERT INTO plans (id, document, status, version, created, updated) "
                                           "VALUES (?, ?, 'referred', 3, '2026-01-01T10:00:00.000000Z', "
                                           "'2026-01-02T10:00:00.000000Z')", -1, &stmt, NULL), ==, SQLITE_OK);
      sqlite3_bind_text (stmt, 1, ids[i], -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 2, documents[i], -1, SQLITE_STATIC);
      g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_DONE);
      sqlite3_finalize (stmt);
      add_audit_row (ivd_database_get_handle (db), ids[i], documents[i]);
    }

  /* A version 2 app filled its columns on every write. */
  if (version >= 2)
    g_assert_cmpint (sqlite3_exec (ivd_database_get_handle (db),
                                   "UPDATE plans SET status_changed = updated,"
                                   " municipality_code = json_extract (document, '$.patient.municipality_code'),"
                                   " name = json_extract (document, '$.patient.name'),"
                                   " cpr = replace (json_extract (document, '$.patient.cpr'), '-', ''),"
                                   " start_date = json_extract (document, '$.treatment.start_date'),"
                                   " region = CASE json_extract (document, '$.patient.municipality_code')"
                                   "   WHEN '851' THEN 'nordjylland' ELSE 'hovedstaden' END",
                                   NULL, NULL, NULL), ==, SQLITE_OK);

  if (version >= 3)
    g_assert_cmpint (sqlite3_exec (ivd_database_get_handle (db),
                                   "INSERT OR REPLACE INTO audit_head SELECT 1, seq, hash FROM audit "
                                   "ORDER BY seq DESC LIMIT 1", NULL, NULL, NULL), ==, SQLITE_OK);
  ivd_database_close (db);
}

static void
test_migrations (Fixture       *f,
                 gconstpointer  data)
{
  for (int version = 1; version < ivd_store_schema_get_latest (); version++)
    {
      g_autofree char *path = g_strdup_printf ("%s/v%d.db", f->dir, version);
      g_autoptr(IvdStore) store = NULL;
      g_autoptr(IvdPlanRecord) first = NULL;
      g_autoptr(IvdPlanRecord) second = NULL;
      g_autoptr(IvdPlanQuery) query = ivd_plan_query_new ();
      g_autoptr(GPtrArray) found = NULL;
      g_autoptr(GError) error = NULL;

      g_test_message ("from version %d", version);
      make_old_database (path, f->catalog, version);
      store = ivd_store_open (path, f->catalog, &error);
      g_assert_no_error (error);
      g_assert_cmpint (query_int (handle (store), "PRAGMA user_version"), ==, ivd_store_schema_get_latest ());

      /* Nothing lost: the documents, their status and version, the audit. */
      first = ivd_store_load_plan (store, "11111111-1111-4111-8111-111111111111", &error);
      g_assert_no_error (error);
      second = ivd_store_load_plan (store, "22222222-2222-4222-8222-222222222222", &error);
      g_assert_no_error (error);
      g_assert_cmpint (ivd_plan_record_get_status (first), ==, IVD_PLAN_STATUS_REFERRED);
      g_assert_cmpint (ivd_plan_record_get_version (second), ==, 3);
      g_assert_true (ivd_plan_has (ivd_plan_record_get_plan (second), "old_key"));
      g_assert_cmpstr (ivd_plan_get_string (ivd_plan_record_get_plan (first), "treatment.drug"), ==, "Cefuroxim");
      assert_audit_intact (store);

      /* The new columns are filled from the documents. */
      ivd_plan_query_set_municipality_code (query, "851");
      found = ivd_store_list_plans (store, query, 0, 10, &error);
      g_assert_no_error (error);
      g_assert_cmpuint (found->len, ==, 1);
      g_assert_cmpstr (ivd_plan_summary_get_region (found->pdata[0]), ==, "nordjylland");
      g_assert_cmpstr (ivd_plan_summary_get_status_changed (found->pdata[0]), ==, "2026-01-02T10:00:00.000000Z");
      ivd_plan_query_set_municipality_code (query, NULL);
      ivd_plan_query_set_text (query, "Bøgh");
      g_assert_cmpuint (ivd_store_count_plans (store, query, NULL), ==, 1);

      /* And it keeps working. */
      ivd_plan_set_string (ivd_plan_record_get_plan (second), "patient.name", "Testperson Bøgh Jensen");
      g_assert_true (ivd_store_save_plan (store, second, &error));
      g_assert_no_error (error);
      assert_audit_intact (store);
    }
}

static void
test_too_new (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(IvdStore) store = NULL;

  g_assert_cmpint (sqlite3_exec (handle (f->store), "PRAGMA user_version = 99", NULL, NULL, NULL), ==, SQLITE_OK);
  g_clear_object (&f->store);
  store = ivd_store_open (f->path, f->catalog, &error);
  g_assert_error (error, IVD_STORE_ERROR, IVD_STORE_ERROR_TOO_NEW);
  /* Refused untouched, not moved aside. */
  g_assert_true (g_file_test (f->path, G_FILE_TEST_EXISTS));
}

/* ---- lists ---- */

typedef struct
{
  const char   *name;
  const char   *cpr;
  const char   *municipality;
  const char   *start;
} Seed;

static const Seed seeds[] = {
  { "Testperson Anna Hansen", "010190-1234", "101", "2026-11-20" },
  { "Testperson Bo Ørsted", "020285-2345", "101", "2026-11-25" },
  { "Testperson Carl Nielsen", "030375-3456", "851", "2026-12-01" },
  { "Testperson Dorte Hansen", "040465-4567", "751", "2026-12-10" },
  { "Testperson Eva Li", "050555-5678", "751", "2027-01-05" },
};

static void
seed_store (Fixture *f)
{
  for (guint i = 0; i < G_N_ELEMENTS (seeds); i++)
    {
      g_autoptr(IvdPlan) plan = ivd_plan_new ();
      g_autoptr(IvdPlanRecord) record = NULL;

      ivd_plan_set_string (plan, "patient.name", seeds[i].name);
      ivd_plan_set_string (plan, "patient.cpr", seeds[i].cpr);
      ivd_plan_set_string (plan, "patient.municipality_code", seeds[i].municipality);
      ivd_plan_set_string (plan, "treatment.start_date", seeds[i].start);
      record = ivd_store_create_plan (f->store, plan, NULL);
      if (i == 4)
        g_assert_true (ivd_store_set_status (f->store, record, IVD_PLAN_STATUS_CANCELLED, "Duplicate", f->today, NULL));
    }
}

typedef struct
{
  guint        statuses;
  const char  *region;
  const char  *municipality;
  const char  *from;
  const char  *to;
  const char  *text;
  IvdPlanSort  sort;
  gboolean     descending;
  const char  *expected;  /* first letters of the names after "Testperson ", in order */
} ListCase;

#define CANCELLED IVD_PLAN_QUERY_STATUS (IVD_PLAN_STATUS_CANCELLED)
#define DRAFT IVD_PLAN_QUERY_STATUS (IVD_PLAN_STATUS_DRAFT)
static const ListCase list_cases[] = {
  { 0, NULL, NULL, NULL, NULL, NULL, IVD_PLAN_SORT_UPDATED, TRUE, "EDCBA" },
  { 0, NULL, NULL, NULL, NULL, NULL, IVD_PLAN_SORT_UPDATED, FALSE, "ABCDE" },
  { 0, NULL, NULL, NULL, NULL, NULL, IVD_PLAN_SORT_NAME, FALSE, "ABCDE" },
  { 0, NULL, NULL, NULL, NULL, NULL, IVD_PLAN_SORT_START_DATE, TRUE, "EDCBA" },
  { DRAFT, NULL, NULL, NULL, NULL, NULL, IVD_PLAN_SORT_NAME, FALSE, "ABCD" },
  { CANCELLED, NULL, NULL, NULL, NULL, NULL, IVD_PLAN_SORT_NAME, FALSE, "E" },
  { DRAFT | CANCELLED, NULL, NULL, NULL, NULL, NULL, IVD_PLAN_SORT_NAME, FALSE, "ABCDE" },
  { 0, "hovedstaden", NULL, NULL, NULL, NULL, IVD_PLAN_SORT_NAME, FALSE, "AB" },
  { 0, "midtjylland", NULL, NULL, NULL, NULL, IVD_PLAN_SORT_NAME, FALSE, "DE" },
  { 0, NULL, "851", NULL, NULL, NULL, IVD_PLAN_SORT_NAME, FALSE, "C" },
  { 0, NULL, NULL, "2026-11-25", "2026-12-10", NULL, IVD_PLAN_SORT_NAME, FALSE, "BCD" },
  { 0, NULL, NULL, "2026-12-02", NULL, NULL, IVD_PLAN_SORT_NAME, FALSE, "DE" },
  { 0, NULL, NULL, NULL, NULL, "hansen", IVD_PLAN_SORT_NAME, FALSE, "AD" },
  { 0, NULL, NULL, NULL, NULL, "HANSEN anna", IVD_PLAN_SORT_NAME, FALSE, "A" },
  { 0, NULL, NULL, NULL, NULL, "ørsted", IVD_PLAN_SORT_NAME, FALSE, "B" },
  { 0, NULL, NULL, NULL, NULL, "030375-3456", IVD_PLAN_SORT_NAME, FALSE, "C" },
  { 0, NULL, NULL, NULL, NULL, "0303", IVD_PLAN_SORT_NAME, FALSE, "C" },
  { 0, NULL, NULL, NULL, NULL, "Li", IVD_PLAN_SORT_NAME, FALSE, "E" },
  /* One or two characters: the start of a word of the name or of the CPR number. */
  { 0, NULL, NULL, NULL, NULL, "bo", IVD_PLAN_SORT_NAME, FALSE, "B" },
  { 0, NULL, NULL, NULL, NULL, "a", IVD_PLAN_SORT_NAME, FALSE, "A" },
  { 0, NULL, NULL, NULL, NULL, "05", IVD_PLAN_SORT_NAME, FALSE, "E" },
  { 0, NULL, NULL, NULL, NULL, "55", IVD_PLAN_SORT_NAME, FALSE, "" },
  { 0, NULL, NULL, NULL, NULL, "Ø", IVD_PLAN_SORT_NAME, FALSE, "B" },
  { 0, NULL, NULL, NULL, NULL, "hansen d", IVD_PLAN_SORT_NAME, FALSE, "D" },
  { 0, NULL, NULL, NULL, NULL, "-", IVD_PLAN_SORT_NAME, FALSE, "ABCDE" },
  { 0, NULL, NULL, NULL, NULL, "\"; DROP TABLE plans; --", IVD_PLAN_SORT_NAME, FALSE, "" },
  { 0, NULL, NULL, NULL, NULL, "%", IVD_PLAN_SORT_NAME, FALSE, "" },
  { 0, NULL, NULL, NULL, NULL, "nobody", IVD_PLAN_SORT_NAME, FALSE, "" },
  { DRAFT, "midtjylland", "751", NULL, NULL, "hansen", IVD_PLAN_SORT_NAME, FALSE, "D" },
};
#undef CANCELLED
#undef DRAFT

static void
test_list_filters (Fixture       *f,
                   gconstpointer  data)
{
  seed_store (f);

  for (guint i = 0; i < G_N_ELEMENTS (list_cases); i++)
    {
      const ListCase *c = &list_cases[i];
      g_autoptr(IvdPlanQuery) query = g_object_new (IVD_TYPE_PLAN_QUERY,
                                                    "statuses", c->statuses, "region", c->region,
                                                    "municipality-code", c->municipality,
                                                    "start-from", c->from, "start-to", c->to, "text", c->text,
                                                    "sort", c->sort, "descending", c->descending, NULL);
      g_autoptr(GError) error = NULL;
      g_autoptr(GPtrArray) plans = ivd_store_list_plans (f->store, query, 0, 50, &error);
      g_autoptr(GString) got = g_string_new (NULL);

      g_assert_no_error (error);
      for (guint j = 0; j < plans->len; j++)
        g_string_append_c (got, ivd_plan_summary_get_name (plans->pdata[j])[strlen ("Testperson ")]);
      g_test_message ("case %u: %s", i, got->str);
      g_assert_cmpstr (got->str, ==, c->expected);
      g_assert_cmpuint (ivd_store_count_plans (f->store, query, NULL), ==, strlen (c->expected));
    }

  g_assert_cmpint (query_int (handle (f->store), "SELECT count(*) FROM plans"), ==, 5);
}

static void
test_list_paging (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(IvdPlanQuery) query = ivd_plan_query_new ();
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  for (guint i = 0; i < 23; i++)
    {
      g_autoptr(IvdPlanRecord) record = ivd_store_create_plan (f->store, NULL, NULL);
    }

  for (guint offset = 0; offset < 30; offset += 10)
    {
      g_autoptr(GPtrArray) page = ivd_store_list_plans (f->store, query, offset, 10, NULL);

      g_assert_cmpuint (page->len, ==, offset < 20 ? 10 : 3);
      for (guint j = 0; j < page->len; j++)
        g_assert_true (g_hash_table_add (seen, g_strdup (ivd_plan_summary_get_id (page->pdata[j]))));
    }
  g_assert_cmpuint (g_hash_table_size (seen), ==, 23);
}

static void
on_items_changed_cb (GListModel *model,
                     guint       position,
                     guint       removed,
                     guint       added,
                     guint      *last)
{
  last[0] = position;
  last[1] = removed;
  last[2] = added;
  last[3]++;
}

/* The model a view binds to: lazy pages, reload on query and store change. */
static void
test_plan_list (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(IvdPlanQuery) query = ivd_plan_query_new ();
  g_autoptr(IvdPlanList) list = NULL;
  g_autoptr(IvdPlanSummary) first = NULL;
  g_autoptr(IvdPlanSummary) last_item = NULL;
  g_autoptr(IvdPlanRecord) newest = NULL;
  guint last[4] = { 0, };

  /* Quick to fill: durability is not what this test is about. */
  g_assert_cmpint (sqlite3_exec (handle (f->store), "PRAGMA synchronous = OFF", NULL, NULL, NULL), ==, SQLITE_OK);
  for (guint i = 0; i < 1250; i++)
    {
      g_autoptr(IvdPlan) plan = ivd_plan_new ();
      g_autoptr(IvdPlanRecord) record = NULL;
      g_autofree char *name = g_strdup_printf ("Testperson %04u", i);

      ivd_plan_set_string (plan, "patient.name", name);
      ivd_plan_set_string (plan, "patient.municipality_code", i % 5 == 0 ? "851" : "101");
      record = ivd_store_create_plan (f->store, plan, NULL);
    }

  list = ivd_plan_list_new (f->store, query);
  g_signal_connect (list, "items-changed", G_CALLBACK (on_items_changed_cb), last);
  g_assert_true (g_list_model_get_item_type (G_LIST_MODEL (list)) == IVD_TYPE_PLAN_SUMMARY);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 1250);
  g_assert_cmpuint (ivd_plan_list_get_n_cached_pages (list), ==, 0);

  /* Recent first, read page by page. */
  first = g_list_model_get_item (G_LIST_MODEL (list), 0);
  g_assert_cmpstr (ivd_plan_summary_get_name (first), ==, "Testperson 1249");
  g_assert_cmpuint (ivd_plan_list_get_n_cached_pages (list), ==, 1);
  last_item = g_list_model_get_item (G_LIST_MODEL (list), 1249);
  g_assert_cmpstr (ivd_plan_summary_get_name (last_item), ==, "Testperson 0000");
  g_assert_null (g_list_model_get_item (G_LIST_MODEL (list), 1250));

  /* Scrolling through all of it holds only a few pages. */
  for (guint i = 0; i < 1250; i++)
    {
      g_autoptr(IvdPlanSummary) item = g_list_model_get_item (G_LIST_MODEL (list), i);
      g_autofree char *expected = g_strdup_printf ("Testperson %04u", 1249 - i);
      g_assert_cmpstr (ivd_plan_summary_get_name (item), ==, expected);
    }
  g_assert_cmpuint (ivd_plan_list_get_n_cached_pages (list), <=, 8);

  /* A filter: the rows held (the first one here) show the new plans in
   * place; views are told only of the rows gone from the end. */
  ivd_plan_query_set_municipality_code (query, "851");
  g_assert_cmpuint (last[3], ==, 1);
  g_assert_cmpuint (last[0], ==, 250);
  g_assert_cmpuint (last[1], ==, 1000);
  g_assert_cmpuint (last[2], ==, 0);
  g_assert_cmpstr (ivd_plan_summary_get_name (first), ==, "Testperson 1245");
  g_assert_cmpstr (ivd_plan_summary_get_municipality_code (first), ==, "851");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 250);

  /* A new plan in the store shows up. */
  {
    g_autoptr(IvdPlan) plan = ivd_plan_new ();
    ivd_plan_set_string (plan, "patient.municipality_code", "851");
    ivd_plan_set_string (plan, "patient.name", "Testperson Newest");
    newest = ivd_store_create_plan (f->store, plan, NULL);
  }
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 251);
  g_clear_object (&first);
  first = g_list_model_get_item (G_LIST_MODEL (list), 0);
  g_assert_cmpstr (ivd_plan_summary_get_name (first), ==, "Testperson Newest");
  g_assert_null (ivd_plan_list_get_error (list));

  /* An autosave of the plan on top replaces that row only: no recount. */
  last[3] = 0;
  ivd_plan_set_string (ivd_plan_record_get_plan (newest), "patient.name", "Testperson Renamed");
  g_assert_true (ivd_store_save_plan (f->store, newest, NULL));
  g_assert_cmpuint (last[3], ==, 1);
  g_assert_cmpuint (last[0], ==, 0);
  g_assert_cmpuint (last[1], ==, 1);
  g_assert_cmpuint (last[2], ==, 1);
  g_clear_object (&first);
  first = g_list_model_get_item (G_LIST_MODEL (list), 0);
  g_assert_cmpstr (ivd_plan_summary_get_name (first), ==, "Testperson Renamed");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 251);

  /* A saved plan further down moves to the top: the whole list reloads. */
  {
    g_autoptr(IvdPlanSummary) fifth = g_list_model_get_item (G_LIST_MODEL (list), 5);
    g_autoptr(IvdPlanRecord) record = ivd_store_load_plan (f->store, ivd_plan_summary_get_id (fifth), NULL);
    g_autoptr(IvdPlanSummary) top = NULL;

    ivd_plan_set_string (ivd_plan_record_get_plan (record), "patient.name", "Testperson Moved");
    last[3] = 0;
    g_assert_true (ivd_store_save_plan (f->store, record, NULL));
    /* The same count: nothing added or removed, the rows show the new order. */
    g_assert_cmpuint (last[3], ==, 0);
    top = g_list_model_get_item (G_LIST_MODEL (list), 0);
    g_assert_cmpstr (ivd_plan_summary_get_name (top), ==, "Testperson Moved");
  }

  /* A plan that leaves the filter leaves the list. */
  {
    g_autoptr(IvdPlanSummary) top = g_list_model_get_item (G_LIST_MODEL (list), 0);
    g_autoptr(IvdPlanRecord) record = ivd_store_load_plan (f->store, ivd_plan_summary_get_id (top), NULL);

    ivd_plan_set_string (ivd_plan_record_get_plan (record), "patient.municipality_code", "101");
    g_assert_true (ivd_store_save_plan (f->store, record, NULL));
    g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 250);
  }
}

/* The coordinator's queues, judged on a fixed day (2026-11-22). */
typedef struct
{
  IvdPlanStatus  status;
  const char    *start_date;
  const char    *end_date;
  int            open_items;
  IvdPlanQueue   queue;   /* the one queue the plan belongs to, or NONE */
} QueueCase;

#define S(x) IVD_PLAN_STATUS_##x
static const QueueCase queue_cases[] = {
  { S (REFERRED), "2026-12-01", "2026-12-08", 0, IVD_PLAN_QUEUE_AWAITING_ANSWER },
  { S (ACCEPTED), "2026-11-22", "2026-11-29", 2, IVD_PLAN_QUEUE_DISCHARGE_SOON },
  { S (DRAFT), "2026-11-23", "2026-11-30", 1, IVD_PLAN_QUEUE_DISCHARGE_SOON },
  { S (DRAFT), "2026-11-24", "2026-12-01", 1, IVD_PLAN_QUEUE_NONE },      /* the day after tomorrow */
  { S (READY), "2026-11-22", "2026-11-29", 0, IVD_PLAN_QUEUE_NONE },      /* nothing open */
  { S (CANCELLED), "2026-11-22", "2026-11-29", 3, IVD_PLAN_QUEUE_NONE },
  { S (DECLINED), "2026-11-22", "2026-11-29", 3, IVD_PLAN_QUEUE_NONE },
  { S (IN_COURSE), "2026-11-10", "2026-11-21", 0, IVD_PLAN_QUEUE_PAST_END },
  { S (ACCEPTED), "2026-11-10", "2026-11-21", 0, IVD_PLAN_QUEUE_PAST_END },
  { S (IN_COURSE), "2026-11-15", "2026-11-22", 0, IVD_PLAN_QUEUE_NONE },  /* its last day is today */
  { S (ENDED), "2026-10-01", "2026-10-08", 0, IVD_PLAN_QUEUE_NONE },      /* closing note received */
};
#undef S

static void
test_queues (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(GPtrArray) ids = g_ptr_array_new_with_free_func (g_free);
  const IvdPlanQueue queues[] = { IVD_PLAN_QUEUE_AWAITING_ANSWER, IVD_PLAN_QUEUE_DISCHARGE_SOON,
                                  IVD_PLAN_QUEUE_PAST_END };

  for (guint i = 0; i < G_N_ELEMENTS (queue_cases); i++)
    {
      g_autoptr(IvdPlanRecord) record = record_in_status (f, queue_cases[i].status);
      g_autofree char *sql = g_strdup_printf ("UPDATE plans SET start_date = '%s', end_date = '%s', open_items = %d "
                                              "WHERE id = '%s'", queue_cases[i].start_date, queue_cases[i].end_date,
                                              queue_cases[i].open_items, ivd_plan_record_get_id (record));

      g_assert_cmpint (sqlite3_exec (handle (f->store), sql, NULL, NULL, NULL), ==, SQLITE_OK);
      g_ptr_array_add (ids, g_strdup (ivd_plan_record_get_id (record)));
    }

  for (guint q = 0; q < G_N_ELEMENTS (queues); q++)
    {
      g_autoptr(IvdPlanQuery) query = ivd_plan_query_new ();
      g_autoptr(GPtrArray) found = NULL;
      g_autoptr(GError) error = NULL;
      guint expected = 0;

      ivd_plan_query_set_queue (query, queues[q]);
      ivd_plan_query_set_today (query, "2026-11-22");
      found = ivd_store_list_plans (f->store, query, 0, 100, &error);
      g_assert_no_error (error);
      for (guint i = 0; i < G_N_ELEMENTS (queue_cases); i++)
        {
          gboolean listed = FALSE;

          for (guint j = 0; j < found->len; j++)
            listed |= g_str_equal (ivd_plan_summary_get_id (found->pdata[j]), ids->pdata[i]);
          g_test_message ("queue %d, case %u", queues[q], i);
          g_assert_cmpint (listed, ==, queue_cases[i].queue == queues[q]);
          expected += queue_cases[i].queue == queues[q];
        }
      g_assert_cmpuint (found->len, ==, expected);
      g_assert_cmpuint (ivd_store_count_plans (f->store, query, NULL), ==, expected);
    }
}

/* A word that matches many plans: the first pages come from walking the
 * sort's index (ivd-store.c, DENSE_TEXT_MATCHES) and must be the pages the
 * plain query gives, in either direction, with the count from the index. */
static void
test_dense_text (Fixture       *f,
                 gconstpointer  data)
{
  const IvdPlanSort sorts[] = { IVD_PLAN_SORT_STATUS_CHANGED, IVD_PLAN_SORT_NAME, IVD_PLAN_SORT_UPDATED };

  g_assert_cmpint (sqlite3_exec (handle (f->store),
                                 "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 1500)"
                                 " INSERT INTO plans (id, document, status, created, updated, status_changed, name, cpr)"
                                 " SELECT printf('dense-%04d', i), '{}', 'draft', 'x',"
                                 "  printf('2026-01-01T00:%02d:%02dZ', i % 60, i % 37),"
                                 "  printf('2026-02-%02dT10:00:00Z', 1 + i % 28),"
                                 "  printf('Testperson Taet %04d', (i * 7919) % 1500), printf('01017%05d', i) FROM n",
                                 NULL, NULL, NULL), ==, SQLITE_OK);

  for (guint s = 0; s < G_N_ELEMENTS (sorts); s++)
    for (guint descending = 0; descending <= 1; descending++)
      {
        g_autoptr(IvdPlanQuery) text_only = ivd_plan_query_new ();
        g_autoptr(IvdPlanQuery) with_status = ivd_plan_query_new ();
        g_autoptr(GError) error = NULL;

        g_test_message ("sort %d, descending %u", sorts[s], descending);
        for (guint q = 0; q < 2; q++)
          {
            IvdPlanQuery *query = q == 0 ? text_only : with_status;

            ivd_plan_query_set_text (query, "Taet");
            ivd_plan_query_set_sort (query, sorts[s]);
            ivd_plan_query_set_descending (query, descending);
          }
        /* Every status: the same plans, found the plain way. */
        ivd_plan_query_set_statuses (with_status, (1u << IVD_PLAN_STATUS_N) - 1);
        g_assert_cmpuint (ivd_store_count_plans (f->store, text_only, &error), ==, 1500);
        g_assert_cmpuint (ivd_store_count_plans (f->store, with_status, &error), ==, 1500);
        for (guint offset = 0; offset < 1500; offset += 700)
          {
            g_autoptr(GPtrArray) walked = ivd_store_list_plans (f->store, text_only, offset, 100, &error);
            g_autoptr(GPtrArray) plain = ivd_store_list_plans (f->store, with_status, offset, 100, &error);

            g_assert_no_error (error);
            g_assert_cmpuint (walked->len, ==, 100);
            g_assert_cmpuint (plain->len, ==, 100);
            for (guint i = 0; i < walked->len; i++)
              g_assert_cmpstr (ivd_plan_summary_get_id (walked->pdata[i]), ==,
                               ivd_plan_summary_get_id (plain->pdata[i]));
          }
      }
}

/* A referral and the municipality's answer are kept with their times;
 * every save counts what is still open. */
static void
test_answer_columns (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(IvdPlanRecord) record = record_in_status (f, IVD_PLAN_STATUS_REFERRED);
  g_autoptr(IvdPlanQuery) query = ivd_plan_query_new ();
  g_autoptr(GPtrArray) found = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *where = g_strdup_printf ("FROM plans WHERE id = '%s'", ivd_plan_record_get_id (record));
  g_autofree char *referred = g_strconcat ("SELECT referred_at = status_changed ", where, NULL);
  g_autofree char *answer = g_strconcat ("SELECT answer || (answered_at = status_changed) ", where, NULL);
  g_autofree char *end = g_strconcat ("SELECT end_date || ' ' || days || ' ' || treatment_type || ' ' || place_kind ", where, NULL);
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *course = NULL;

  g_assert_cmpint (query_int (handle (f->store), referred), ==, 1);
  before = query_text (handle (f->store), answer);
  g_assert_null (before);
  g_assert_true (ivd_store_set_status (f->store, record, IVD_PLAN_STATUS_DECLINED, "Ingen plads", f->today, &error));
  g_assert_no_error (error);
  after = query_text (handle (f->store), answer);
  g_assert_cmpstr (after, ==, "declined1");
  g_assert_cmpint (query_int (handle (f->store), referred), ==, 0);
  course = query_text (handle (f->store), end);
  g_assert_cmpstr (course, ==, "2026-11-30 8 antibiotic home");

  found = ivd_store_list_plans (f->store, query, 0, 10, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (found->len, ==, 1);
  g_assert_cmpstr (ivd_plan_summary_get_status_reason (found->pdata[0]), ==, "Ingen plads");
  g_assert_cmpstr (ivd_plan_summary_get_end_date (found->pdata[0]), ==, "2026-11-30");
  g_assert_cmpint (ivd_plan_summary_get_open_items (found->pdata[0]), >=, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *home = g_dir_make_tmp ("ivd-home-XXXXXX", NULL);
  int status;

  /* Before GLib reads it: the default database goes to a private folder.
   * (G_TEST_OPTION_ISOLATE_DIRS would do this, but leaks in GLib 2.74.) */
  g_setenv ("XDG_DATA_HOME", home, TRUE);
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/store/settings", test_settings);
  g_test_add_func ("/store/default-path", test_default_path);
  ADD ("/store/create-load-save", test_create_load_save);
  ADD ("/store/round-trip", test_round_trip);
  ADD ("/store/transitions", test_transitions);
  ADD ("/store/ready-needs-evaluation", test_ready_needs_evaluation);
  ADD ("/store/edit-returns-to-draft", test_edit_returns_to_draft);
  ADD ("/store/audit-tamper", test_audit_tamper);
  ADD ("/store/verify-audit-command", test_verify_audit_command);
  ADD ("/store/conflict", test_conflict);
  ADD ("/store/damaged", test_damaged);
  ADD ("/store/locked-is-not-damaged", test_locked_is_not_damaged);
  ADD ("/store/restore-refuses-to-overwrite", test_restore_refuses_to_overwrite);
  ADD ("/store/full-disk", test_full_disk);
  ADD ("/store/unwritable-folder", test_unwritable_folder);
  ADD ("/store/backups", test_backups);
  ADD ("/store/migrations", test_migrations);
  ADD ("/store/too-new", test_too_new);
  ADD ("/store/list-filters", test_list_filters);
  ADD ("/store/list-paging", test_list_paging);
  ADD ("/store/plan-list", test_plan_list);
  ADD ("/store/queues", test_queues);
  ADD ("/store/dense-text", test_dense_text);
  ADD ("/store/answer-columns", test_answer_columns);
#undef ADD

  status = g_test_run ();
  ivd_test_remove_tree (home);
  return status;
}
