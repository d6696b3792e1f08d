#include "config.h"

#include <glib/gstdio.h>

#include "ivd-catalog.h"
#include "ivd-error.h"
#include "ivd-evaluation.h"
#include "ivd-store.h"
#include "ivd-test-process.h"
#include "ivd-training-case.h"

/* Training mode (issue 7): every case comes to the outcome its note
 * claims, on its own day and on any other; a reset puts back exactly the
 * cases; a training database and a real one never open as each other; and
 * nothing done in training touches the real database. Messages name a
 * case by its file, never by its patient. */

typedef struct
{
  char       *dir;
  IvdCatalog *catalog;
  GPtrArray  *cases;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *cases_dir = ivd_training_case_dup_default_dir ();

  fixture->dir = g_dir_make_tmp ("ivd-training-XXXXXX", &error);
  g_assert_no_error (error);
  fixture->catalog = ivd_catalog_new_default (&error);
  g_assert_no_error (error);
  fixture->cases = ivd_training_case_load_dir (cases_dir, &error);
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  ivd_test_remove_tree (fixture->dir);
  g_free (fixture->dir);
  g_clear_object (&fixture->catalog);
  g_clear_pointer (&fixture->cases, g_ptr_array_unref);
}

static char *
path_in (Fixture    *fixture,
         const char *name)
{
  return g_build_filename (fixture->dir, name, NULL);
}

/* The case's number: its title's place in the list, for messages. */
static void
check_outcome (IvdCatalog      *catalog,
               IvdTrainingCase *training_case,
               IvdPlan         *plan,
               const GDate     *today,
               guint            index)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(IvdEvaluation) evaluation = ivd_evaluation_new (catalog, plan, today, &error);
  gboolean ready;

  g_assert_no_error (error);
  if (ivd_evaluation_get_outcome (evaluation) != ivd_training_case_get_expected_outcome (training_case))
    g_error ("training case %u: outcome %s, its note says %s", index + 1,
             ivd_outcome_to_string (ivd_evaluation_get_outcome (evaluation)),
             ivd_outcome_to_string (ivd_training_case_get_expected_outcome (training_case)));
  if (ivd_training_case_get_expected_ready (training_case, &ready) && ready != ivd_evaluation_get_ready (evaluation))
    g_error ("training case %u: ready is %d, its note says %d", index + 1, ivd_evaluation_get_ready (evaluation), ready);
}

/* Table-driven over data/training: on the case's day and on another one
 * (dates moved as a reset moves them), the outcome is the note's. */
static void
test_cases_evaluate (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(GDate) later = g_date_new_dmy (15, 7, 2031);
  g_autoptr(GDate) earlier = g_date_new_dmy (29, 2, 2024);

  g_assert_cmpuint (fixture->cases->len, >=, 14);
  for (guint i = 0; i < fixture->cases->len; i++)
    {
      IvdTrainingCase *training_case = fixture->cases->pdata[i];
      const GDate *day = ivd_training_case_get_reference_date (training_case);
      g_autoptr(GError) error = NULL;
      g_autoptr(IvdPlan) moved = ivd_training_case_dup_plan_for (training_case, later, &error);
      g_autoptr(IvdPlan) moved_back = NULL;

      g_assert_no_error (error);
      g_assert_true (ivd_training_case_plan_is_training (ivd_training_case_get_plan (training_case)));
      g_assert_nonnull (ivd_training_case_get_title (training_case));
      g_assert_nonnull (ivd_training_case_get_note (training_case));
      g_assert_nonnull (ivd_training_case_get_rules (training_case)[0]);
      check_outcome (fixture->catalog, training_case, ivd_training_case_get_plan (training_case), day, i);
      check_outcome (fixture->catalog, training_case, moved, later, i);
      moved_back = ivd_training_case_dup_plan_for (training_case, earlier, &error);
      g_assert_no_error (error);
      check_outcome (fixture->catalog, training_case, moved_back, earlier, i);
    }
}

static IvdTrainingCase *
find_case (Fixture       *fixture,
           IvdPlanStatus  status)
{
  for (guint i = 0; i < fixture->cases->len; i++)
    if (ivd_training_case_get_status (fixture->cases->pdata[i]) == status)
      return fixture->cases->pdata[i];
  g_assert_not_reached ();
}

/* Moving to a fixed day: start date, birth date and call times move by
 * the same days, so the age and "ended last week" hold. */
static void
test_dates_move (Fixture       *fixture,
                 gconstpointer  data)
{
  IvdTrainingCase *past_end = find_case (fixture, IVD_PLAN_STATUS_IN_COURSE);
  IvdPlan *original = ivd_training_case_get_plan (past_end);
  g_autoptr(GDate) today = g_date_new_dmy (10, 1, 2030);
  g_autoptr(GError) error = NULL;
  g_autoptr(IvdPlan) moved = ivd_training_case_dup_plan_for (past_end, today, &error);
  g_autoptr(IvdEvaluation) before = NULL;
  g_autoptr(IvdEvaluation) after = NULL;
  GDate start, reference;
  JsonObject *call;

  g_assert_no_error (error);
  g_date_clear (&start, 1);
  g_date_clear (&reference, 1);
  g_assert_true (ivd_plan_lookup_start_date (original, &reference));
  g_assert_cmpint (g_date_days_between (&reference, ivd_training_case_get_reference_date (past_end)), ==, 12);
  g_assert_true (ivd_plan_lookup_start_date (moved, &start));
  g_assert_cmpint (g_date_days_between (&start, today), ==, 12);
  g_assert_cmpstr (ivd_plan_get_string (moved, "training.reference_date"), ==, "2030-01-10");

  call = json_array_get_object_element (ivd_plan_get_calls (moved), 0);
  g_assert_true (g_str_has_prefix (json_object_get_string_member (call, "time"), "2029-12-28T11:05:00"));

  before = ivd_evaluation_new (fixture->catalog, original, ivd_training_case_get_reference_date (past_end), &error);
  g_assert_no_error (error);
  after = ivd_evaluation_new (fixture->catalog, moved, today, &error);
  g_assert_no_error (error);
  g_assert_cmpint (ivd_evaluation_get_age (before), ==, ivd_evaluation_get_age (after));
  g_assert_cmpstr (ivd_plan_get_string (moved, "patient.cpr"), !=, ivd_plan_get_string (original, "patient.cpr"));
}

/* A case file without its note, or with a wrong outcome, is refused. */
static void
test_bad_note (Fixture       *fixture,
               gconstpointer  data)
{
  const char *no_note = "{\"format\": \"iv-discharge-plan/1\"}";
  const char *bad = "{\"format\": \"iv-discharge-plan/1\", \"training\": {\"title\": {\"da\": \"a\", \"en\": \"a\"},"
                    " \"note\": {\"da\": \"b\", \"en\": \"b\"}, \"rules\": [\"X\"], \"expected_outcome\": \"maybe\","
                    " \"reference_date\": \"2026-03-02\"}}";
  g_autoptr(IvdPlan) plain = ivd_plan_new_from_data (no_note, strlen (no_note), NULL);
  g_autoptr(IvdPlan) wrong = ivd_plan_new_from_data (bad, strlen (bad), NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(IvdTrainingCase) none = ivd_training_case_new_from_plan (plain, &error);

  g_assert_null (none);
  g_assert_error (error, IVD_ERROR, IVD_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_null (ivd_training_case_new_from_plan (wrong, &error));
  g_assert_nonnull (strstr (error->message, "training.expected_outcome"));
}

static char *
file_digest (const char *path)
{
  g_autofree char *contents = NULL;
  gsize length = 0;

  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  return g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guchar *) contents, length);
}

/* A training database is never opened as a real one, nor the other way
 * round; the refused file is left as it was. */
static void
test_kinds_refused (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autofree char *real_path = path_in (fixture, "plans.db");
  g_autofree char *training_path = path_in (fixture, "training.db");
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(IvdStore) store = NULL;

  store = ivd_store_open (real_path, fixture->catalog, &error);
  g_assert_no_error (error);
  g_assert_false (ivd_store_get_training (store));
  g_clear_object (&store);
  before = file_digest (real_path);

  g_assert_null (ivd_store_open_training (real_path, fixture->catalog, &error));
  g_assert_error (error, IVD_STORE_ERROR, IVD_STORE_ERROR_WRONG_KIND);
  g_assert_nonnull (strstr (error->message, "real plans"));
  g_clear_error (&error);
  after = file_digest (real_path);
  g_assert_cmpstr (before, ==, after);

  store = ivd_store_open_training (training_path, fixture->catalog, &error);
  g_assert_no_error (error);
  g_assert_true (ivd_store_get_training (store));
  g_clear_object (&store);
  g_assert_null (ivd_store_open (training_path, fixture->catalog, &error));
  g_assert_error (error, IVD_STORE_ERROR, IVD_STORE_ERROR_WRONG_KIND);
  g_assert_nonnull (strstr (error->message, "training database"));
  g_clear_error (&error);

  /* Opened again as what it is, it still is. */
  store = ivd_store_open_training (training_path, fixture->catalog, &error);
  g_assert_no_error (error);
}

/* A training plan (a case, or one marked in training) is never stored
 * among real plans, whether created, imported or saved; a real store
 * cannot be reset. */
static void
test_real_store_refuses_training_plans (Fixture       *fixture,
                                        gconstpointer  data)
{
  g_autofree char *real_path = path_in (fixture, "plans.db");
  g_autoptr(GError) error = NULL;
  g_autoptr(IvdStore) store = ivd_store_open (real_path, fixture->catalog, &error);
  g_autoptr(IvdPlanRecord) record = NULL;
  g_autoptr(IvdPlan) marked = ivd_plan_new ();
  g_autoptr(GDate) today = g_date_new_dmy (2, 3, 2026);
  g_autoptr(IvdPlanQuery) query = ivd_plan_query_new ();

  g_assert_no_error (error);
  g_assert_null (ivd_store_import_plan (store, ivd_training_case_get_plan (fixture->cases->pdata[0]), &error));
  g_assert_error (error, IVD_STORE_ERROR, IVD_STORE_ERROR_WRONG_KIND);
  g_clear_error (&error);

  ivd_training_case_mark_plan (marked);
  g_assert_null (ivd_store_create_plan (store, marked, &error));
  g_assert_error (error, IVD_STORE_ERROR, IVD_STORE_ERROR_WRONG_KIND);
  g_clear_error (&error);

  record = ivd_store_create_plan (store, NULL, &error);
  g_assert_no_error (error);
  ivd_training_case_mark_plan (ivd_plan_record_get_plan (record));
  g_assert_false (ivd_store_save_plan (store, record, &error));
  g_assert_error (error, IVD_STORE_ERROR, IVD_STORE_ERROR_WRONG_KIND);
  g_clear_error (&error);

  g_assert_false (ivd_store_reset_training (store, fixture->cases, today, &error));
  g_assert_error (error, IVD_STORE_ERROR, IVD_STORE_ERROR_WRONG_KIND);
  g_assert_cmpuint (ivd_store_count_plans (store, query, NULL), ==, 1);
}

/* For g_ptr_array_sort(), which passes pointers to the elements. */
static int
compare_rows (gconstpointer a,
              gconstpointer b)
{
  return g_strcmp0 (*(const char * const *) a, *(const char * const *) b);
}

/* Every plan as "status|document", sorted: what a reset must restore. */
static GPtrArray *
dump_plans (IvdStore *store)
{
  g_autoptr(IvdPlanQuery) query = ivd_plan_query_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) plans = ivd_store_list_plans (store, query, 0, 1000, &error);
  GPtrArray *rows = g_ptr_array_new_with_free_func (g_free);

  g_assert_no_error (error);
  for (guint i = 0; i < plans->len; i++)
    {
      IvdPlanSummary *summary = plans->pdata[i];
      g_autoptr(IvdPlanRecord) record = ivd_store_load_plan (store, ivd_plan_summary_get_id (summary), &error);
      g_autofree char *document = NULL;

      g_assert_no_error (error);
      document = ivd_plan_to_data (ivd_plan_record_get_plan (record));
      g_ptr_array_add (rows, g_strdup_printf ("%s|%s", ivd_plan_status_to_string (ivd_plan_record_get_status (record)),
                                              document));
    }
  g_ptr_array_sort (rows, compare_rows);
  return rows;
}

static guint
count_queue (IvdStore     *store,
             IvdPlanQueue  queue,
             const char   *today)
{
  g_autoptr(IvdPlanQuery) query = ivd_plan_query_new ();

  ivd_plan_query_set_queue (query, queue);
  ivd_plan_query_set_today (query, today);
  return ivd_store_count_plans (store, query, NULL);
}

/* After edits, new plans and status changes, a reset leaves exactly the
 * cases again, with their statuses, and an intact audit trail; the
 * coordinator's queues show the cases that teach them. */
static void
test_reset_restores (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autofree char *training_path = path_in (fixture, "training.db");
  g_autoptr(GDate) today = g_date_new_dmy (14, 9, 2027);
  g_autoptr(GError) error = NULL;
  g_autoptr(IvdStore) store = ivd_store_open_training (training_path, fixture->catalog, &error);
  g_autoptr(GPtrArray) first = NULL;
  g_autoptr(GPtrArray) second = NULL;
  g_autoptr(IvdPlanQuery) query = ivd_plan_query_new ();
  g_autoptr(IvdPlanRecord) created = NULL;
  g_autoptr(IvdPlanSummary) summary = NULL;
  g_autoptr(GPtrArray) listed = NULL;
  g_autoptr(IvdPlanRecord) edited = NULL;
  g_autofree char *problem = NULL;
  guint64 n_rows = 0;

  g_assert_no_error (error);
  g_assert_true (ivd_store_reset_training (store, fixture->cases, today, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (ivd_store_count_plans (store, query, NULL), ==, fixture->cases->len);
  first = dump_plans (store);
  g_assert_cmpuint (count_queue (store, IVD_PLAN_QUEUE_PAST_END, "2027-09-14"), ==, 1);
  g_assert_cmpuint (count_queue (store, IVD_PLAN_QUEUE_DISCHARGE_SOON, "2027-09-14"), >=, 1);

  /* A class at work: a plan edited, one cancelled, one new. */
  listed = ivd_store_list_plans (store, query, 0, 2, &error);
  g_assert_no_error (error);
  edited = ivd_store_load_plan (store, ivd_plan_summary_get_id (listed->pdata[0]), &error);
  g_assert_no_error (error);
  ivd_plan_set_int (ivd_plan_record_get_plan (edited), "treatment.days", 3);
  g_assert_true (ivd_store_save_plan (store, edited, &error));
  g_assert_true (ivd_store_set_status (store, edited, IVD_PLAN_STATUS_CANCELLED, "class", today, &error));
  g_assert_no_error (error);
  created = ivd_store_create_plan (store, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (ivd_training_case_plan_is_training (ivd_plan_record_get_plan (created)));
  g_assert_cmpuint (ivd_store_count_plans (store, query, NULL), ==, fixture->cases->len + 1);

  g_assert_true (ivd_store_reset_training (store, fixture->cases, today, &error));
  g_assert_no_error (error);
  second = dump_plans (store);
  /* Compared by digest: a message must not print a case's patient. */
  g_assert_cmpuint (second->len, ==, first->len);
  for (guint i = 0; i < first->len; i++)
    {
      g_autofree char *a = g_compute_checksum_for_string (G_CHECKSUM_SHA256, first->pdata[i], -1);
      g_autofree char *b = g_compute_checksum_for_string (G_CHECKSUM_SHA256, second->pdata[i], -1);
      g_assert_cmpstr (a, ==, b);
    }

  g_assert_true (ivd_store_verify_audit (store, &n_rows, &problem, &error));
  g_assert_no_error (error);
  g_assert_null (problem);
  g_assert_cmpuint (n_rows, >=, fixture->cases->len);
}

typedef struct
{
  char   *digest;
  gint64  mtime;
  gint64  size;
} FileState;

static void
read_state (const char *path,
            FileState  *state)
{
  GStatBuf st;

  g_assert_cmpint (g_stat (path, &st), ==, 0);
  state->digest = file_digest (path);
  state->mtime = (gint64) st.st_mtime;
  state->size = (gint64) st.st_size;
}

/* The real database, closed, keeps its bytes, size and time through a
 * whole training session: opened, reset, edited, new plans, reset again,
 * and an attempt to open the real file in training mode. */
static void
test_real_untouched (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autofree char *real_path = path_in (fixture, "plans.db");
  g_autofree char *training_path = path_in (fixture, "training.db");
  g_autofree char *wal = g_strconcat (real_path, "-wal", NULL);
  g_autoptr(GDate) today = g_date_new_dmy (2, 3, 2026);
  g_autoptr(GError) error = NULL;
  g_autoptr(IvdStore) real = ivd_store_open (real_path, fixture->catalog, &error);
  g_autoptr(IvdStore) training = NULL;
  g_autoptr(IvdPlanRecord) record = NULL;
  g_autoptr(IvdPlanRecord) practice = NULL;
  FileState before = { 0, }, after = { 0, };

  g_assert_no_error (error);
  record = ivd_store_create_plan (real, NULL, &error);
  g_assert_no_error (error);
  g_clear_object (&real);
  g_assert_false (g_file_test (wal, G_FILE_TEST_EXISTS));
  read_state (real_path, &before);
  g_usleep (G_USEC_PER_SEC + 100000);

  training = ivd_store_open_training (training_path, fixture->catalog, &error);
  g_assert_no_error (error);
  g_assert_true (ivd_store_reset_training (training, fixture->cases, today, &error));
  practice = ivd_store_create_plan (training, NULL, &error);
  g_assert_no_error (error);
  ivd_plan_set_string (ivd_plan_record_get_plan (practice), "patient.municipality_code", "101");
  g_assert_true (ivd_store_save_plan (training, practice, &error));
  g_assert_true (ivd_store_reset_training (training, fixture->cases, today, &error));
  g_assert_no_error (error);
  g_assert_null (ivd_store_open_training (real_path, fixture->catalog, &error));
  g_clear_error (&error);
  g_clear_object (&training);

  read_state (real_path, &after);
  g_assert_cmpstr (before.digest, ==, after.digest);
  g_assert_cmpint (before.mtime, ==, after.mtime);
  g_assert_cmpint (before.size, ==, after.size);
  g_assert_false (g_file_test (wal, G_FILE_TEST_EXISTS));
  g_free (before.digest);
  g_free (after.digest);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/training/cases-evaluate", test_cases_evaluate);
  ADD ("/training/dates-move", test_dates_move);
  ADD ("/training/bad-note", test_bad_note);
  ADD ("/training/kinds-refused", test_kinds_refused);
  ADD ("/training/real-store-refuses-training-plans", test_real_store_refuses_training_plans);
  ADD ("/training/reset-restores", test_reset_restores);
  ADD ("/training/real-untouched", test_real_untouched);
#undef ADD

  return g_test_run ();
}
