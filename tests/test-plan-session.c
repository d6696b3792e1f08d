#include "ivd-plan-session.h"
#include "ivd-store-error.h"
#include "ivd-test-util.h"

/* One open plan: evaluation on every change, autosave a moment later,
 * conflicts stopped with the edits kept, nothing lost on close. */

typedef struct
{
  char       *dir;
  IvdCatalog *catalog;
  IvdStore   *store;
  char       *id;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  g_autoptr(IvdPlan) plan = ivd_test_plan (IVD_TEST_ELIGIBLE_PLAN);
  g_autoptr(IvdPlanRecord) record = NULL;

  f->dir = g_dir_make_tmp ("ivd-session-XXXXXX", &error);
  g_assert_no_error (error);
  path = g_build_filename (f->dir, "plans.db", NULL);
  f->catalog = ivd_test_catalog ();
  f->store = ivd_store_open (path, f->catalog, &error);
  g_assert_no_error (error);
  record = ivd_store_create_plan (f->store, plan, &error);
  g_assert_no_error (error);
  f->id = g_strdup (ivd_plan_record_get_id (record));
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_clear_object (&f->store);
  g_clear_object (&f->catalog);
  ivd_test_remove_tree (f->dir);
  g_free (f->dir);
  g_free (f->id);
}

static IvdPlanSession *
open_session (Fixture *f)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(IvdPlanRecord) record = ivd_store_load_plan (f->store, f->id, &error);
  g_autoptr(GDate) today = g_date_new_dmy (22, 11, 2026);
  IvdPlanSession *session;

  g_assert_no_error (error);
  session = ivd_plan_session_new (f->store, record);
  ivd_plan_session_set_today (session, today);
  ivd_plan_session_set_save_delay (session, 20);
  return session;
}

static char *
stored_string (Fixture    *f,
               const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(IvdPlanRecord) record = ivd_store_load_plan (f->store, f->id, &error);

  g_assert_no_error (error);
  return g_strdup (ivd_plan_get_string (ivd_plan_record_get_plan (record), path));
}

static void
wait_for_state (IvdPlanSession *session,
                IvdSaveState    state)
{
  gint64 deadline = g_get_monotonic_time () + 5 * G_USEC_PER_SEC;

  while (ivd_plan_session_get_save_state (session) != state && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpint (ivd_plan_session_get_save_state (session), ==, state);
}

static void
on_notify_cb (GObject    *object,
              GParamSpec *pspec,
              guint      *count)
{
  (*count)++;
}

/* A change is evaluated at once and reaches the store a moment later. */
static void
test_autosave (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(IvdPlanSession) session = open_session (f);
  IvdPlan *plan = ivd_plan_session_get_plan (session);
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  guint evaluations = 0;

  g_assert_cmpint (ivd_evaluation_get_outcome (ivd_plan_session_get_evaluation (session)), ==,
                   IVD_OUTCOME_ELIGIBLE);
  g_signal_connect (session, "notify::evaluation", G_CALLBACK (on_notify_cb), &evaluations);

  ivd_plan_set_strv (plan, "treatment.administration_times", (const char * const[]) { "06:00", "14:00", "22:00", NULL });
  g_assert_cmpuint (evaluations, ==, 1);
  g_assert_cmpint (ivd_evaluation_get_outcome (ivd_plan_session_get_evaluation (session)), ==,
                   IVD_OUTCOME_NOT_ELIGIBLE);
  g_assert_cmpint (ivd_plan_session_get_save_state (session), ==, IVD_SAVE_STATE_PENDING);

  ivd_plan_set_string (plan, "patient.name", "Testperson Jensen");
  before = stored_string (f, "patient.name");
  g_assert_cmpstr (before, ==, "Testperson Hansen");

  wait_for_state (session, IVD_SAVE_STATE_SAVED);
  after = stored_string (f, "patient.name");
  g_assert_cmpstr (after, ==, "Testperson Jensen");
}

/* Closing with a save still pending saves it. */
static void
test_close_saves (Fixture       *f,
                  gconstpointer  data)
{
  IvdPlanSession *session = open_session (f);
  g_autofree char *stored = NULL;

  ivd_plan_session_set_save_delay (session, 60 * 1000);
  ivd_plan_set_string (ivd_plan_session_get_plan (session), "patient.name", "Testperson Larsen");
  g_assert_cmpint (ivd_plan_session_get_save_state (session), ==, IVD_SAVE_STATE_PENDING);
  g_assert_finalize_object (session);

  stored = stored_string (f, "patient.name");
  g_assert_cmpstr (stored, ==, "Testperson Larsen");
}

/* Two windows on one plan: the later save stops with a conflict and keeps
 * its edits; either choice then ends in one consistent stored plan. */
static void
test_conflict (Fixture       *f,
               gconstpointer  data)
{
  gboolean keep_mine = GPOINTER_TO_INT (data);
  g_autoptr(IvdPlanSession) first = open_session (f);
  g_autoptr(IvdPlanSession) second = open_session (f);
  g_autoptr(GError) error = NULL;
  g_autofree char *stored = NULL;

  ivd_plan_set_string (ivd_plan_session_get_plan (first), "treatment.drug", "Ceftriaxon");
  g_assert_true (ivd_plan_session_flush (first, &error));

  ivd_plan_set_string (ivd_plan_session_get_plan (second), "treatment.drug", "Meropenem");
  g_assert_false (ivd_plan_session_flush (second, &error));
  g_assert_error (error, IVD_STORE_ERROR, IVD_STORE_ERROR_CONFLICT);
  g_clear_error (&error);
  g_assert_cmpint (ivd_plan_session_get_save_state (second), ==, IVD_SAVE_STATE_CONFLICT);
  g_assert_nonnull (ivd_plan_session_get_save_error (second));

  /* Further edits in the conflict are kept, not saved over the other. */
  ivd_plan_set_string (ivd_plan_session_get_plan (second), "treatment.dose", "1 g");
  g_assert_cmpstr (ivd_plan_get_string (ivd_plan_session_get_plan (second), "treatment.drug"), ==, "Meropenem");
  stored = stored_string (f, "treatment.drug");
  g_assert_cmpstr (stored, ==, "Ceftriaxon");
  g_clear_pointer (&stored, g_free);

  if (keep_mine)
    g_assert_true (ivd_plan_session_keep_mine (second, &error));
  else
    g_assert_true (ivd_plan_session_take_theirs (second, &error));
  g_assert_no_error (error);
  g_assert_cmpint (ivd_plan_session_get_save_state (second), ==, IVD_SAVE_STATE_SAVED);

  stored = stored_string (f, "treatment.drug");
  g_assert_cmpstr (stored, ==, keep_mine ? "Meropenem" : "Ceftriaxon");
  g_assert_cmpstr (ivd_plan_get_string (ivd_plan_session_get_plan (second), "treatment.drug"), ==, stored);
}

/* A plan that cannot be evaluated says why and keeps the last result. */
static void
test_evaluation_error (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(IvdPlanSession) session = open_session (f);

  ivd_plan_set_string (ivd_plan_session_get_plan (session), "region", "nordjylland");
  g_assert_nonnull (ivd_plan_session_get_evaluation (session));
  g_assert_nonnull (strstr (ivd_plan_session_get_evaluation_error (session), "region"));

  ivd_plan_unset (ivd_plan_session_get_plan (session), "region");
  g_assert_null (ivd_plan_session_get_evaluation_error (session));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/session/autosave", Fixture, NULL, fixture_set_up, test_autosave, fixture_tear_down);
  g_test_add ("/session/close-saves", Fixture, NULL, fixture_set_up, test_close_saves, fixture_tear_down);
  g_test_add ("/session/conflict/keep-mine", Fixture, GINT_TO_POINTER (TRUE), fixture_set_up, test_conflict,
              fixture_tear_down);
  g_test_add ("/session/conflict/take-theirs", Fixture, GINT_TO_POINTER (FALSE), fixture_set_up, test_conflict,
              fixture_tear_down);
  g_test_add ("/session/evaluation-error", Fixture, NULL, fixture_set_up, test_evaluation_error,
              fixture_tear_down);

  return g_test_run ();
}
