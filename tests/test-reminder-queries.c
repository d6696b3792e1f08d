#include <sqlite3.h>

#include "ivd-store.h"
#include "ivd-store-private.h"
#include "ivd-test-util.h"

/* The filter behind "no answer after N hours": a query's "waiting-before"
 * keeps the plans whose status changed before that time, alone or with a
 * queue, on a fresh database per test. */

typedef struct
{
  char       *dir;
  IvdCatalog *catalog;
  IvdStore   *store;
  GDate      *today;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;

  f->dir = g_dir_make_tmp ("ivd-reminder-queries-XXXXXX", &error);
  g_assert_no_error (error);
  path = g_build_filename (f->dir, "plans.db", NULL);
  f->catalog = ivd_test_catalog ();
  f->store = ivd_store_open (path, f->catalog, &error);
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
  g_date_free (f->today);
}

/* A plan taken through the life cycle to @last, its status changed at
 * @changed (a stored time). Returns its id. */
static char *
seed_plan (Fixture       *f,
           IvdPlanStatus  last,
           const char    *changed)
{
  const IvdPlanStatus path[] = { IVD_PLAN_STATUS_READY, IVD_PLAN_STATUS_REFERRED, IVD_PLAN_STATUS_ACCEPTED };
  g_autofree char *file = g_build_filename (g_getenv ("IVD_DATA_DIR"), "examples",
                                            "eligible-hovedstaden-antibiotic.json", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(IvdPlan) plan = ivd_plan_new_from_file (file, &error);
  g_autoptr(IvdPlanRecord) record = NULL;
  g_autofree char *sql = NULL;

  g_assert_no_error (error);
  record = ivd_store_create_plan (f->store, plan, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < G_N_ELEMENTS (path) && ivd_plan_record_get_status (record) != last; i++)
    {
      ivd_store_set_status (f->store, record, path[i], NULL, f->today, &error);
      g_assert_no_error (error);
    }
  g_assert_cmpint (ivd_plan_record_get_status (record), ==, last);

  sql = g_strdup_printf ("UPDATE plans SET status_changed = '%s' WHERE id = '%s'",
                         changed, ivd_plan_record_get_id (record));
  g_assert_cmpint (sqlite3_exec (ivd_database_get_handle (ivd_store_get_database (f->store)), sql,
                                 NULL, NULL, NULL), ==, SQLITE_OK);
  return g_strdup (ivd_plan_record_get_id (record));
}

static guint
count (Fixture      *f,
       IvdPlanQuery *query)
{
  g_autoptr(GError) error = NULL;
  guint n = ivd_store_count_plans (f->store, query, &error);

  g_assert_no_error (error);
  return n;
}

static gboolean
listed (GPtrArray  *plans,
        const char *id)
{
  for (guint i = 0; i < plans->len; i++)
    if (g_str_equal (ivd_plan_summary_get_id (plans->pdata[i]), id))
      return TRUE;
  return FALSE;
}

/* Strictly before the time, to the microsecond; only the queue's plans
 * when a queue is set too. */
static void
test_waiting_before (Fixture       *f,
                     gconstpointer  data)
{
  g_autofree char *yesterday = seed_plan (f, IVD_PLAN_STATUS_REFERRED, "2026-11-21T15:00:00.000000Z");
  g_autofree char *just_before = seed_plan (f, IVD_PLAN_STATUS_REFERRED, "2026-11-22T09:59:59.999999Z");
  g_autofree char *at = seed_plan (f, IVD_PLAN_STATUS_REFERRED, "2026-11-22T10:00:00.000000Z");
  g_autofree char *after = seed_plan (f, IVD_PLAN_STATUS_REFERRED, "2026-11-22T10:00:00.000001Z");
  g_autofree char *accepted = seed_plan (f, IVD_PLAN_STATUS_ACCEPTED, "2026-11-20T08:00:00.000000Z");
  g_autoptr(IvdPlanQuery) query = ivd_plan_query_new ();
  g_autoptr(GDateTime) cut = g_date_time_new_from_iso8601 ("2026-11-22T10:00:00Z", NULL);
  g_autoptr(GPtrArray) found = NULL;
  g_autoptr(GError) error = NULL;

  ivd_plan_query_set_queue (query, IVD_PLAN_QUEUE_AWAITING_ANSWER);
  g_assert_cmpuint (count (f, query), ==, 4);

  ivd_plan_query_set_waiting_before (query, cut);
  g_assert_cmpuint (count (f, query), ==, 2);
  found = ivd_store_list_plans (f->store, query, 0, 10, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (found->len, ==, 2);
  g_assert_true (listed (found, yesterday));
  g_assert_true (listed (found, just_before));
  g_assert_false (listed (found, at));
  g_assert_false (listed (found, after));

  /* Without a queue: every status, the accepted plan too. */
  ivd_plan_query_set_queue (query, IVD_PLAN_QUEUE_NONE);
  g_clear_pointer (&found, g_ptr_array_unref);
  found = ivd_store_list_plans (f->store, query, 0, 10, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (found->len, ==, 3);
  g_assert_true (listed (found, accepted));

  ivd_plan_query_set_waiting_before (query, NULL);
  g_assert_cmpuint (count (f, query), ==, 5);
}

/* The same instant in another zone gives the same answer: the store
 * compares in UTC. */
static void
test_time_zone (Fixture       *f,
                gconstpointer  data)
{
  g_autofree char *early = seed_plan (f, IVD_PLAN_STATUS_REFERRED, "2026-11-22T09:30:00.000000Z");
  g_autofree char *late = seed_plan (f, IVD_PLAN_STATUS_REFERRED, "2026-11-22T10:30:00.000000Z");
  g_autoptr(IvdPlanQuery) query = ivd_plan_query_new ();
  g_autoptr(GDateTime) copenhagen = g_date_time_new_from_iso8601 ("2026-11-22T11:00:00+01:00", NULL);
  g_autoptr(GPtrArray) found = NULL;
  g_autoptr(GError) error = NULL;

  ivd_plan_query_set_queue (query, IVD_PLAN_QUEUE_AWAITING_ANSWER);
  ivd_plan_query_set_waiting_before (query, copenhagen);
  found = ivd_store_list_plans (f->store, query, 0, 10, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (found->len, ==, 1);
  g_assert_true (listed (found, early));
  g_assert_false (listed (found, late));
}

static void
on_notify_cb (GObject    *object,
              GParamSpec *pspec,
              guint      *n_notified)
{
  (*n_notified)++;
}

/* A property like the others: notified once per real change, readable
 * through GObject. */
static void
test_property (void)
{
  g_autoptr(IvdPlanQuery) query = ivd_plan_query_new ();
  g_autoptr(GDateTime) cut = g_date_time_new_from_iso8601 ("2026-11-22T10:00:00Z", NULL);
  g_autoptr(GDateTime) same = g_date_time_new_from_iso8601 ("2026-11-22T11:00:00+01:00", NULL);
  g_autoptr(GDateTime) read = NULL;
  guint n_notified = 0;

  g_assert_null (ivd_plan_query_get_waiting_before (query));
  g_signal_connect (query, "notify::waiting-before", G_CALLBACK (on_notify_cb), &n_notified);

  ivd_plan_query_set_waiting_before (query, cut);
  g_assert_cmpuint (n_notified, ==, 1);
  ivd_plan_query_set_waiting_before (query, same);
  g_assert_cmpuint (n_notified, ==, 1);
  g_object_get (query, "waiting-before", &read, NULL);
  g_assert_true (g_date_time_equal (read, cut));

  g_object_set (query, "waiting-before", NULL, NULL);
  g_assert_cmpuint (n_notified, ==, 2);
  g_assert_null (ivd_plan_query_get_waiting_before (query));
  ivd_plan_query_set_waiting_before (query, NULL);
  g_assert_cmpuint (n_notified, ==, 2);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/reminder-queries/waiting-before", test_waiting_before);
  ADD ("/reminder-queries/time-zone", test_time_zone);
  g_test_add_func ("/reminder-queries/property", test_property);
#undef ADD

  return g_test_run ();
}
