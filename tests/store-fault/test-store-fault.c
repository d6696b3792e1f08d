#include <math.h>
#include <string.h>

#include "ivd-plan-session.h"
#include "ivd-store.h"
#include "ivd-store-private.h"
#include "ivd-fault-vfs.h"
#include "../ivd-test-util.h"

/* Fault injection: the store saves through a VFS that fails writes,
 * syncs, reads and truncations. Every save must either commit whole or
 * return an error a doctor can read while the stored plan stays the
 * previous version exactly; the caller's plan keeps its edits and the
 * save succeeds when retried on a working disk; the file always passes
 * integrity_check and the audit chain stays intact.
 *
 * /store/fault/points/... fails, for each kind of fault, each I/O call a
 * save makes in turn (counted first by a save with no fault), through
 * IvdStore and through IvdPlanSession's autosave, with a warm page cache,
 * a cold one (the save must read), a checkpoint in every commit, another
 * program's save just before, and those in turn. /store/fault/random
 * does the same with seeded random faults, new plans among the saves.
 *
 * It found that after a failed read inside SQLite's full-text index the
 * next statement on the connection failed as "database disk image is
 * malformed" (the file was sound): the store now starts the transaction
 * after a disk error on a fresh connection (ivd-database.c). */

#define SEED 20261123
#define RANDOM_ROUNDS 400
#define TEXT_LENGTH 800
#define MAX_POINTS 120
#define WAIT_US (10 * G_USEC_PER_SEC)

/* How the store's connection is set for a save. */
typedef enum
{
  PASS_WARM,
  PASS_COLD,
  PASS_CHECKPOINT,
  PASS_OTHER_WRITER,
  PASS_MIXED,
  N_PASSES,
} Pass;

typedef struct
{
  guint rounds;
  guint fired;        /* faults fired, all rounds together */
  guint commits;
  guint clean_errors; /* an error and the previous version stored exactly */
  guint lost;         /* edits gone from the caller's plan or not saved on retry */
  guint half;         /* stored neither the previous nor the new version, or an error that committed */
  guint unclear;      /* an error with no message a doctor can read */
  guint damaged;      /* integrity_check or the audit chain failed */
  guint retries;
  guint quiet;        /* rounds in which the armed fault did not fire */
  guint creates;
} Tally;

typedef struct
{
  char          *dir;
  char          *path;
  IvdCatalog    *catalog;
  IvdStore      *store;
  IvdPlanRecord *record;
  IvdStore      *other;       /* another program on the same file */
  IvdPlanRecord *other_record;
  guint          save_calls[IVD_FAULT_N_KINDS]; /* I/O calls while the faults were armed */
  char          *stored;      /* the document last committed */
  gint64         version;     /* and its version */
  guint64        audit_rows;
  guint          n_plans;
  guint          edits;
  guint          changed;     /* IvdStore::changed emissions */
  Pass           pass;
  char          *armed;       /* what the round's fault is, for messages */
  GRand         *rand;
  Tally          tally;
} Fixture;

typedef struct
{
  const IvdFaultPoint *point;   /* NULL: random faults as below, or none */
  guint32              seed;
  double               probability;
  gboolean             sticky;
  gboolean             torn;
} Arming;

static void
on_store_changed_cb (IvdStore   *store,
                     const char *id,
                     Fixture    *f)
{
  f->changed++;
}

static sqlite3 *
handle (Fixture *f)
{
  return ivd_database_get_handle (ivd_store_get_database (f->store));
}

static void
exec_sql (sqlite3    *db,
          const char *sql)
{
  g_assert_cmpint (sqlite3_exec (db, sql, NULL, NULL, NULL), ==, SQLITE_OK);
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(IvdPlan) plan = ivd_test_plan (IVD_TEST_ELIGIBLE_PLAN);

  ivd_fault_vfs_register ();
  ivd_fault_vfs_reset ();
  ivd_database_set_vfs_for_tests (IVD_FAULT_VFS_NAME);

  f->dir = g_dir_make_tmp ("ivd-store-fault-XXXXXX", &error);
  g_assert_no_error (error);
  f->path = g_build_filename (f->dir, "plans.db", NULL);
  f->catalog = ivd_test_catalog ();
  f->store = ivd_store_open (f->path, f->catalog, &error);
  g_assert_no_error (error);
  g_signal_connect (f->store, "changed", G_CALLBACK (on_store_changed_cb), f);

  f->record = ivd_store_create_plan (f->store, plan, &error);
  g_assert_no_error (error);
  f->other = ivd_store_open (f->path, f->catalog, &error);
  g_assert_no_error (error);
  g_clear_object (&plan);
  plan = ivd_test_plan (IVD_TEST_ELIGIBLE_PLAN);
  f->other_record = ivd_store_create_plan (f->other, plan, &error);
  g_assert_no_error (error);
  f->stored = ivd_plan_to_data (ivd_plan_record_get_plan (f->record));
  f->version = ivd_plan_record_get_version (f->record);
  f->audit_rows = 2;
  f->n_plans = 2;
  f->changed = 0;
  f->rand = g_rand_new_with_seed (SEED);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  ivd_fault_vfs_reset ();
  g_clear_object (&f->record);
  g_clear_object (&f->store);
  g_clear_object (&f->other_record);
  g_clear_object (&f->other);
  ivd_database_set_vfs_for_tests (NULL);
  g_clear_object (&f->catalog);
  g_clear_pointer (&f->rand, g_rand_free);
  ivd_test_remove_tree (f->dir);
  g_free (f->dir);
  g_free (f->path);
  g_free (f->stored);
  g_free (f->armed);
}

/* ---- what is on the disk ---- */

/* Through a connection of its own on SQLite's default VFS: what another
 * program would see. */
static sqlite3 *
open_plain (Fixture *f)
{
  sqlite3 *db = NULL;

  g_assert_cmpint (sqlite3_open_v2 (f->path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  sqlite3_busy_timeout (db, 5000);
  return db;
}

static gboolean
read_stored (sqlite3    *db,
             const char *id,
             char      **document,
             gint64     *version)
{
  sqlite3_stmt *stmt = NULL;
  gboolean found;

  g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT document, version FROM plans WHERE id = ?", -1, &stmt, NULL), ==,
                   SQLITE_OK);
  sqlite3_bind_text (stmt, 1, id, -1, SQLITE_TRANSIENT);
  found = sqlite3_step (stmt) == SQLITE_ROW;
  *document = found ? g_strdup ((const char *) sqlite3_column_text (stmt, 0)) : NULL;
  *version = found ? sqlite3_column_int64 (stmt, 1) : -1;
  sqlite3_finalize (stmt);
  return found;
}

static gboolean
integrity_ok (sqlite3 *db)
{
  sqlite3_stmt *stmt = NULL;
  gboolean ok;

  g_assert_cmpint (sqlite3_prepare_v2 (db, "PRAGMA integrity_check", -1, &stmt, NULL), ==, SQLITE_OK);
  ok = sqlite3_step (stmt) == SQLITE_ROW && g_strcmp0 ((const char *) sqlite3_column_text (stmt, 0), "ok") == 0 &&
       sqlite3_step (stmt) == SQLITE_DONE;
  sqlite3_finalize (stmt);
  return ok;
}

static guint
count_plans (sqlite3 *db)
{
  sqlite3_stmt *stmt = NULL;
  guint n;

  g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT count(*) FROM plans", -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  n = (guint) sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  return n;
}

/* The store's own view must agree with the disk's: a stale page cache
 * would show here. */
static gboolean
store_agrees (Fixture    *f,
              const char *document,
              gint64      version)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(IvdPlanRecord) loaded = ivd_store_load_plan (f->store, ivd_plan_record_get_id (f->record), &error);
  g_autofree char *text = NULL;

  if (loaded == NULL)
    {
      g_test_message ("loading after a fault failed: %s", error->message);
      return FALSE;
    }
  text = ivd_plan_to_data (ivd_plan_record_get_plan (loaded));
  return g_str_equal (text, document) && ivd_plan_record_get_version (loaded) == version;
}

static gboolean
audit_intact (Fixture *f,
              guint64 *n_rows)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *problem = NULL;

  if (!ivd_store_verify_audit (f->store, n_rows, &problem, &error))
    {
      g_test_message ("the audit check could not run: %s", error->message);
      return FALSE;
    }
  if (problem != NULL)
    g_test_message ("audit chain: %s", problem);
  return problem == NULL;
}

/* A message for the doctor: says that nothing was saved, names no SQLite
 * internals. */
static gboolean
doctor_readable (const char *message)
{
  g_autofree char *lower = message != NULL ? g_utf8_strdown (message, -1) : NULL;

  return lower != NULL && strstr (lower, "saved") != NULL && strstr (lower, "sqlite") == NULL &&
         strstr (lower, "errno") == NULL && strstr (lower, "ioerr") == NULL;
}

/* ---- one round ---- */

static void
arm (Fixture      *f,
     const Arming *arming)
{
  for (guint k = 0; k < IVD_FAULT_N_KINDS; k++)
    f->save_calls[k] = ivd_fault_vfs_get_calls (k);

  if (arming == NULL)
    return;
  if (arming->point != NULL)
    ivd_fault_vfs_arm (arming->point);
  else
    ivd_fault_vfs_arm_random (arming->seed, arming->probability, IVD_FAULT_MASK_ALL, arming->sticky, arming->torn);
}

static void
disarm (Fixture *f)
{
  ivd_fault_vfs_disarm ();
  for (guint k = 0; k < IVD_FAULT_N_KINDS; k++)
    f->save_calls[k] = ivd_fault_vfs_get_calls (k) - f->save_calls[k];
}

static char *
random_text (GRand *rand,
             guint  length)
{
  GString *text = g_string_sized_new (length);

  while (text->len < length)
    g_string_append_c (text, (char) g_rand_int_range (rand, 'a', 'z' + 1));
  return g_string_free (text, FALSE);
}

/* Changes three fields; every other edit renames the patient, so the
 * search index is written too. */
static void
edit (Fixture *f,
      IvdPlan *plan,
      guint    text_length)
{
  g_autofree char *text = random_text (f->rand, text_length);

  f->edits++;
  ivd_plan_set_int (plan, "treatment.days", 1 + f->edits % 28);
  ivd_plan_set_string (plan, "course.observations", text);
  if (f->edits % 2 == 1)
    {
      g_autofree char *name = g_strdup_printf ("Testperson Fejl %u", f->edits);
      ivd_plan_set_string (plan, "patient.name", name);
    }
}

static const char *
pass_name (Pass pass)
{
  static const char * const names[] = {
    "warm cache", "cold cache", "checkpoint in every commit", "another program saved just before",
    "each of those in turn",
  };
  return names[pass];
}

static const char * const pass_slugs[] = { "warm", "cold", "checkpoint", "other-writer", "mixed" };

/* Another window or program saves another plan: the store must notice
 * that the file changed under it (its caches, the search index's) and
 * read again, through the faults. */
static void
other_program_saves (Fixture *f)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *problem = NULL;

  ivd_plan_set_int (ivd_plan_record_get_plan (f->other_record), "treatment.days", 1 + f->edits % 27);
  ivd_plan_set_string (ivd_plan_record_get_plan (f->other_record), "patient.name",
                       f->edits % 2 ? "Testperson Anden" : "Testperson Tredje");
  g_assert_true (ivd_store_save_plan (f->other, f->other_record, &error));
  g_assert_no_error (error);
  g_assert_true (ivd_store_verify_audit (f->other, &f->audit_rows, &problem, &error));
  g_assert_null (problem);
}

static void
set_pass (Fixture *f,
          Pass     pass)
{
  f->pass = pass;
  /* One after the other: a save meets what the one before left. */
  if (pass == PASS_MIXED)
    pass = f->edits % PASS_MIXED;
  if (pass == PASS_OTHER_WRITER)
    other_program_saves (f);
  /* The save then reads its pages from the file, through the faults. */
  if (pass == PASS_COLD || pass == PASS_OTHER_WRITER)
    sqlite3_db_release_memory (handle (f));
  /* A checkpoint after every commit writes the database file, syncs it
   * and (journal_size_limit 0) truncates the WAL when it restarts. */
  if (pass == PASS_CHECKPOINT)
    exec_sql (handle (f), "PRAGMA wal_autocheckpoint = 1; PRAGMA journal_size_limit = 0");
  else
    exec_sql (handle (f), "PRAGMA wal_autocheckpoint = 1000; PRAGMA journal_size_limit = -1");
}

static void
prepare_save (Fixture *f)
{
  /* Again each time: after a disk error the store opens a new connection. */
  set_pass (f, f->pass);
}

/* Checks the outcome of a save and takes it as the new stored state. */
static void
check_round (Fixture    *f,
             gboolean    saved,
             const char *message,
             const char *expected,
             guint       fired_before,
             guint       changed_before)
{
  IvdPlan *plan = ivd_plan_record_get_plan (f->record);
  g_autofree char *in_memory = ivd_plan_to_data (plan);
  g_autofree char *document = NULL;
  sqlite3 *db = open_plain (f);
  guint64 n_rows = 0;
  gint64 version = -1;
  guint fired = ivd_fault_vfs_get_fired () - fired_before;

  f->tally.rounds++;
  f->tally.fired += fired;
  if (!g_str_equal (in_memory, expected))
    {
      g_test_message ("round %u: the caller's plan lost its edits", f->tally.rounds);
      f->tally.lost++;
    }

  g_assert_true (read_stored (db, ivd_plan_record_get_id (f->record), &document, &version));
  if (!integrity_ok (db) || !audit_intact (f, &n_rows))
    {
      g_test_message ("round %u: the database is damaged after %u faults", f->tally.rounds, fired);
      f->tally.damaged++;
    }
  sqlite3_close (db);

  if (saved)
    {
      f->tally.commits++;
      if (!g_str_equal (document, expected) || version != f->version + 1 ||
          ivd_plan_record_get_version (f->record) != version || changed_before + 1 != f->changed ||
          n_rows <= f->audit_rows)
        {
          g_test_message ("round %u: reported saved, but the stored plan is not the new version", f->tally.rounds);
          f->tally.half++;
        }
    }
  else
    {
      if (!doctor_readable (message))
        {
          g_test_message ("round %u: unclear error: %s", f->tally.rounds, message ? message : "(none)");
          f->tally.unclear++;
        }
      if (g_str_equal (document, f->stored) && version == f->version && n_rows == f->audit_rows &&
          ivd_plan_record_get_version (f->record) == f->version && changed_before == f->changed)
        f->tally.clean_errors++;
      else
        {
          g_test_message ("round %u: an error was reported, but the stored plan changed", f->tally.rounds);
          f->tally.half++;
        }
    }

  if (!store_agrees (f, document, version))
    {
      g_test_message ("round %u: the store's view differs from the file", f->tally.rounds);
      f->tally.half++;
    }

  /* Go on from what is really stored, so one failure is counted once. */
  g_free (f->stored);
  f->stored = g_steal_pointer (&document);
  f->version = version;
  f->audit_rows = n_rows;
}

static void
check_retry (Fixture    *f,
             gboolean    saved,
             const char *message,
             const char *expected)
{
  g_autofree char *document = NULL;
  sqlite3 *db = open_plain (f);
  gint64 version = -1;

  f->tally.retries++;
  g_assert_true (read_stored (db, ivd_plan_record_get_id (f->record), &document, &version));
  sqlite3_close (db);
  if (!saved || !g_str_equal (document, expected))
    {
      g_test_message ("round %u (%s): the retry on a working disk did not save the edits: %s", f->tally.rounds,
                      f->armed != NULL ? f->armed : "random faults", message ? message : "(stored something else)");
      f->tally.lost++;
    }

  g_free (f->stored);
  f->stored = g_steal_pointer (&document);
  f->version = version;
  f->audit_rows = 0;
  audit_intact (f, &f->audit_rows);
}

static void
round_with_store (Fixture      *f,
                  const Arming *arming,
                  guint         text_length)
{
  IvdPlan *plan = ivd_plan_record_get_plan (f->record);
  g_autoptr(GError) error = NULL;
  g_autofree char *expected = NULL;
  guint fired = ivd_fault_vfs_get_fired ();
  guint changed = f->changed;
  gboolean saved;

  edit (f, plan, text_length);
  expected = ivd_plan_to_data (plan);
  prepare_save (f);
  arm (f, arming);
  saved = ivd_store_save_plan (f->store, f->record, &error);
  disarm (f);
  check_round (f, saved, error ? error->message : NULL, expected, fired, changed);

  if (!saved)
    {
      g_clear_error (&error);
      saved = ivd_store_save_plan (f->store, f->record, &error);
      check_retry (f, saved, error ? error->message : NULL, expected);
    }
}

static void
wait_while_pending (IvdPlanSession *session)
{
  gint64 deadline = g_get_monotonic_time () + WAIT_US;

  while (ivd_plan_session_get_save_state (session) == IVD_SAVE_STATE_PENDING &&
         g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, TRUE);
}

/* The autosave: a failed save keeps the edits, says FAILED (never a
 * conflict) and saves them on the next try. */
static void
round_with_session (Fixture        *f,
                    IvdPlanSession *session,
                    const Arming   *arming,
                    guint           text_length)
{
  IvdPlan *plan = ivd_plan_session_get_plan (session);
  g_autoptr(GError) error = NULL;
  g_autofree char *expected = NULL;
  guint fired = ivd_fault_vfs_get_fired ();
  guint changed = f->changed;
  IvdSaveState state;
  gboolean saved;

  edit (f, plan, text_length);
  expected = ivd_plan_to_data (plan);
  g_assert_cmpint (ivd_plan_session_get_save_state (session), ==, IVD_SAVE_STATE_PENDING);
  prepare_save (f);
  arm (f, arming);
  wait_while_pending (session);
  disarm (f);

  state = ivd_plan_session_get_save_state (session);
  g_assert_cmpint (state, !=, IVD_SAVE_STATE_PENDING);
  g_assert_cmpint (state, !=, IVD_SAVE_STATE_CONFLICT);
  saved = state == IVD_SAVE_STATE_SAVED;
  check_round (f, saved, ivd_plan_session_get_save_error (session), expected, fired, changed);

  if (!saved)
    {
      saved = ivd_plan_session_flush (session, &error);
      saved = saved && ivd_plan_session_get_save_state (session) == IVD_SAVE_STATE_SAVED &&
              ivd_plan_session_get_save_error (session) == NULL;
      check_retry (f, saved, error ? error->message : NULL, expected);
    }
}

/* A new plan: either it is there whole (its create row in the audit) or
 * there is an error and no new plan. */
static void
round_create (Fixture      *f,
              const Arming *arming)
{
  g_autoptr(IvdPlan) plan = ivd_test_plan (IVD_TEST_ELIGIBLE_PLAN);
  g_autoptr(IvdPlanRecord) record = NULL;
  g_autoptr(GError) error = NULL;
  guint fired = ivd_fault_vfs_get_fired ();
  sqlite3 *db;
  guint n_plans;
  guint64 n_rows = 0;
  gboolean sound;

  prepare_save (f);
  arm (f, arming);
  record = ivd_store_create_plan (f->store, plan, &error);
  disarm (f);

  f->tally.creates++;
  f->tally.fired += ivd_fault_vfs_get_fired () - fired;
  db = open_plain (f);
  n_plans = count_plans (db);
  sound = integrity_ok (db) && audit_intact (f, &n_rows);
  sqlite3_close (db);
  if (!sound)
    f->tally.damaged++;

  if (record != NULL ? n_plans != f->n_plans + 1 || n_rows != f->audit_rows + 1
                     : n_plans != f->n_plans || n_rows != f->audit_rows || !doctor_readable (error->message))
    {
      g_test_message ("create %u: %s, but %u plans and %" G_GUINT64_FORMAT " audit rows are stored",
                      f->tally.creates, record != NULL ? "created" : "failed", n_plans, n_rows);
      f->tally.half++;
    }
  f->n_plans = n_plans;
  f->audit_rows = n_rows;
}

/* ---- the passes ---- */

/* The I/O calls of each kind one save makes, by a save with no fault. */
static void
count_calls (Fixture        *f,
             IvdPlanSession *session,
             guint           calls[IVD_FAULT_N_KINDS])
{
  if (session != NULL)
    round_with_session (f, session, NULL, TEXT_LENGTH);
  else
    round_with_store (f, NULL, TEXT_LENGTH);
  memcpy (calls, f->save_calls, sizeof f->save_calls);
}

static const IvdFaultPoint variants[] = {
  { IVD_FAULT_WRITE, 0, 0, FALSE, FALSE },
  { IVD_FAULT_WRITE, 0, 0, FALSE, TRUE },
  { IVD_FAULT_WRITE, 0, SQLITE_FULL, TRUE, FALSE },
  { IVD_FAULT_SYNC, 0, 0, FALSE, FALSE },
  { IVD_FAULT_READ, 0, 0, FALSE, FALSE },
  { IVD_FAULT_READ, 0, 0, TRUE, FALSE },
  { IVD_FAULT_TRUNCATE, 0, 0, FALSE, FALSE },
  { IVD_FAULT_TRUNCATE, 0, SQLITE_FULL, TRUE, FALSE },
};

static void
print_tally (const char  *what,
             const Tally *t)
{
  g_test_message ("%s: %u rounds, %u faults fired, %u commits, %u clean errors, %u edits lost, "
                  "%u half-saved or inconsistent, %u unclear messages, %u damaged, %u retries, "
                  "%u rounds the fault did not fire, %u creates",
                  what, t->rounds, t->fired, t->commits, t->clean_errors, t->lost, t->half, t->unclear,
                  t->damaged, t->retries, t->quiet, t->creates);
}

static void
assert_tally (const Tally *t)
{
  g_assert_cmpuint (t->lost, ==, 0);
  g_assert_cmpuint (t->half, ==, 0);
  g_assert_cmpuint (t->unclear, ==, 0);
  g_assert_cmpuint (t->damaged, ==, 0);
  /* Not a stub: faults fired and both outcomes happened. */
  g_assert_cmpuint (t->fired, >, 0);
  g_assert_cmpuint (t->clean_errors, >, 0);
  g_assert_cmpuint (t->commits, >, 0);
}

/* Closed with a working disk and opened again as the app opens it: the
 * quick check passes (nothing moved aside) and the last save is there. */
static void
check_reopen (Fixture *f)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(IvdStore) store = NULL;
  g_autoptr(IvdPlanRecord) loaded = NULL;
  g_autofree char *document = NULL;
  g_autofree char *problem = NULL;
  g_autofree char *id = g_strdup (ivd_plan_record_get_id (f->record));
  guint64 n_rows = 0;

  g_clear_object (&f->store);
  ivd_database_set_vfs_for_tests (NULL);
  store = ivd_store_open (f->path, f->catalog, &error);
  g_assert_no_error (error);
  loaded = ivd_store_load_plan (store, id, &error);
  g_assert_no_error (error);
  document = ivd_plan_to_data (ivd_plan_record_get_plan (loaded));
  g_assert_cmpstr (document, ==, f->stored);
  g_assert_cmpint (ivd_plan_record_get_version (loaded), ==, f->version);
  g_assert_true (ivd_store_verify_audit (store, &n_rows, &problem, &error));
  g_assert_no_error (error);
  g_assert_null (problem);
  g_assert_cmpuint (n_rows, ==, f->audit_rows);

  /* integrity_check does not look inside the full-text index. Not done
   * after every round: its write transaction makes the store read the
   * index afresh, which would hide a stale index in the store. */
  g_assert_cmpint (sqlite3_exec (ivd_database_get_handle (ivd_store_get_database (store)),
                                 "INSERT INTO plan_search (plan_search) VALUES ('integrity-check')", NULL, NULL,
                                 NULL), ==, SQLITE_OK);
}

/* The @i-th of at most MAX_POINTS calls out of @n: every call when a
 * save makes few, else evenly spread from the first to the last. */
static guint
spread_point (guint i,
              guint n)
{
  if (n <= MAX_POINTS)
    return i;
  return 1 + (guint) ((guint64) (i - 1) * (n - 1) / (MAX_POINTS - 1));
}

static void
run_points (Fixture        *f,
            IvdPlanSession *session,
            Pass            pass)
{
  guint calls[IVD_FAULT_N_KINDS];

  set_pass (f, pass);
  count_calls (f, session, calls);
  g_test_message ("%s, %s: one save makes %u writes, %u syncs, %u reads, %u truncations",
                  session != NULL ? "session" : "store", pass_name (pass),
                  calls[IVD_FAULT_WRITE], calls[IVD_FAULT_SYNC], calls[IVD_FAULT_READ], calls[IVD_FAULT_TRUNCATE]);

  for (guint v = 0; v < G_N_ELEMENTS (variants); v++)
    for (guint i = 1; i <= MIN (calls[variants[v].kind], MAX_POINTS); i++)
      {
        IvdFaultPoint point = variants[v];
        Arming arming = { &point, };
        guint fired = ivd_fault_vfs_get_fired ();
        guint nth = spread_point (i, calls[variants[v].kind]);

        point.nth = nth;
        g_free (f->armed);
        f->armed = g_strdup_printf ("%s%s%s%s call %u", ivd_fault_kind_to_string (point.kind),
                                    point.rc == SQLITE_FULL ? " full" : "", point.sticky ? " sticky" : "",
                                    point.torn ? " torn" : "", nth);
        if (session != NULL)
          round_with_session (f, session, &arming, TEXT_LENGTH);
        else
          round_with_store (f, &arming, TEXT_LENGTH);
        if (ivd_fault_vfs_get_fired () == fired)
          f->tally.quiet++;
      }

  {
    g_autofree char *what = g_strdup_printf ("%s, %s", session != NULL ? "session" : "store", pass_name (pass));
    print_tally (what, &f->tally);
  }
}

static void
test_points (Fixture       *f,
             gconstpointer  data)
{
  Pass pass = GPOINTER_TO_UINT (data) / 2;
  g_autoptr(IvdPlanSession) session = NULL;

  if (GPOINTER_TO_UINT (data) % 2 == 1)
    {
      session = ivd_plan_session_new (f->store, f->record);
      ivd_plan_session_set_save_delay (session, 0);
    }
  run_points (f, session, pass);
  assert_tally (&f->tally);
  g_clear_object (&session);
  check_reopen (f);
}

static void
test_random (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(IvdPlanSession) session = ivd_plan_session_new (f->store, f->record);

  ivd_plan_session_set_save_delay (session, 0);
  for (guint round = 0; round < RANDOM_ROUNDS; round++)
    {
      Arming arming = {
        NULL,
        g_rand_int (f->rand),
        /* From one fault in a few saves to several in each. */
        /* Every other round a failing disk (several faults in a save, which
         * found the stale search index), else one fault in a few saves. */
        round % 2 ? g_rand_double_range (f->rand, 0.02, 0.15)
                  : exp (g_rand_double_range (f->rand, log (0.001), log (0.05))),
        g_rand_int_range (f->rand, 0, 10) < 3,
        g_rand_boolean (f->rand),
      };
      guint kind = g_rand_int_range (f->rand, 0, 10);
      guint text_length = g_rand_int_range (f->rand, 1, 5000);

      set_pass (f, g_rand_int_range (f->rand, 0, N_PASSES));
      if (kind == 0)
        round_create (f, &arming);
      else if (kind < 4)
        round_with_session (f, session, &arming, text_length);
      else
        round_with_store (f, &arming, text_length);
    }

  print_tally ("random", &f->tally);
  assert_tally (&f->tally);
  g_clear_object (&session);
  check_reopen (f);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  for (Pass pass = 0; pass < N_PASSES; pass++)
    for (guint session = 0; session < 2; session++)
      {
        g_autofree char *name = g_strdup_printf ("/store/fault/points/%s/%s", session ? "session" : "store",
                                                 pass_slugs[pass]);
        g_test_add (name, Fixture, GUINT_TO_POINTER (pass * 2 + session), fixture_set_up, test_points,
                    fixture_tear_down);
      }
  g_test_add ("/store/fault/random", Fixture, NULL, fixture_set_up, test_random, fixture_tear_down);

  return g_test_run ();
}
