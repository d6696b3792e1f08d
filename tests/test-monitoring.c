#include <math.h>

#include "ivd-error.h"
#include "ivd-monitoring.h"
#include "ivd-store-private.h"
#include "ivd-store-schema.h"
#include "ivd-test-util.h"

/* The coordinator's monitoring figures (domain §12) on a known data set:
 * plans made through the store and moved along their life cycle, with
 * their referral times then fixed by hand (the real clock says November
 * 2026). Every figure is asserted exactly, with the quarter, region and
 * municipality filters, Hovedstaden's tariff by hand from domain §11, the
 * tariff step at the 1500-course boundary, the expected-volume flag
 * before and after six months, and the migration to schema version 5.
 * The suite sets TZ=UTC, so local quarters are UTC quarters here. */

typedef struct
{
  char       *dir;
  IvdCatalog *catalog;
  IvdStore   *store;
  GDate      *today;
  GDateTime  *now;
} Fixture;

typedef struct
{
  const char    *example;
  const char    *cpr;           /* NULL: the example's */
  const char    *municipality;  /* NULL: the example's */
  int            days;          /* 0: the example's */
  IvdPlanStatus  status;        /* DRAFT: referred, then its CPR number removed */
  const char    *referred_at;
} Course;

#define ANTIBIOTIC "eligible-hovedstaden-antibiotic.json"   /* 101, 3 visits, 30 min, home */
#define FLUID "eligible-hovedstaden-fluid-clinic.json"      /* 219, 2 visits, 45 min, clinic */
#define PUMP "eligible-hovedstaden-pump-step2.json"         /* 147, pump, 30 min, 14 days, home */
#define NORDJYLLAND "eligible-nordjylland-15-years.json"    /* 851, 3 visits, 30 min, 8 days, home */
#define MIDTJYLLAND "eligible-midtjylland-child-4.json"     /* 751, 2 visits, 30 min, 8 days, home */

#define X1 "150650-1237"
#define X3 "121245-1111"
#define X6 "010170-1119"
#define X7 "050560-2223"

#define S(x) IVD_PLAN_STATUS_##x
static const Course courses[] = {
  /* Q1 2026 */
  { ANTIBIOTIC, X1, NULL, 8, S (ACCEPTED), "2026-01-10T09:00:00.000000Z" },        /* A1 */
  { FLUID, NULL, NULL, 5, S (ACCEPTED), "2026-02-05T10:00:00.000000Z" },           /* A2, X2 */
  { PUMP, X1, NULL, 14, S (ACCEPTED), "2026-03-20T12:00:00.000000Z" },             /* A3: X1 again */
  { ANTIBIOTIC, X3, NULL, 0, S (DECLINED), "2026-03-25T08:00:00.000000Z" },        /* A4 */
  { ANTIBIOTIC, X7, NULL, 0, S (DRAFT), "2026-01-20T08:00:00.000000Z" },           /* A5: no CPR */
  { ANTIBIOTIC, X7, NULL, 0, S (CANCELLED), "2026-02-10T08:00:00.000000Z" },       /* A6: not counted */
  { NORDJYLLAND, NULL, NULL, 0, S (ACCEPTED), "2026-01-15T08:00:00.000000Z" },     /* A8, X4 */
  { MIDTJYLLAND, NULL, NULL, 0, S (ACCEPTED), "2026-03-31T23:59:59.999999Z" },     /* A9, X5 */
  { ANTIBIOTIC, X6, NULL, 0, S (REFERRED), "2026-02-20T08:00:00.000000Z" },        /* A10: no answer */
  /* Q2 2026 and Q4 2025 */
  { ANTIBIOTIC, X7, NULL, 0, S (ACCEPTED), "2026-04-02T08:00:00.000000Z" },        /* A7 */
  { ANTIBIOTIC, X1, NULL, 0, S (ACCEPTED), "2025-12-31T23:59:59.999999Z" },        /* A11 */
};
#undef S

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;

  f->dir = g_dir_make_tmp ("ivd-monitoring-XXXXXX", &error);
  g_assert_no_error (error);
  path = g_build_filename (f->dir, "plans.db", NULL);
  f->catalog = ivd_test_catalog ();
  f->store = ivd_store_open (path, f->catalog, &error);
  g_assert_no_error (error);
  f->today = g_date_new_dmy (22, 11, 2026);
  f->now = g_date_time_new_utc (2026, 11, 22, 12, 0, 0);
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
  g_date_time_unref (f->now);
}

static sqlite3 *
handle (IvdStore *store)
{
  return ivd_database_get_handle (ivd_store_get_database (store));
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

/* Ticks every start-up item, so that the plan can become ready. */
static void
complete_checklist (Fixture *f,
                    IvdPlan *plan)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(IvdEvaluation) evaluation = ivd_evaluation_new (f->catalog, plan, f->today, &error);
  GListModel *checklist;

  g_assert_no_error (error);
  checklist = ivd_evaluation_get_checklist (evaluation);
  for (guint i = 0; i < g_list_model_get_n_items (checklist); i++)
    {
      g_autoptr(IvdChecklistItem) item = g_list_model_get_item (checklist, i);
      g_autofree char *path = g_strconcat ("checklist.", ivd_checklist_item_get_id (item), NULL);

      ivd_plan_set_boolean (plan, path, TRUE);
    }
}

static void
move (Fixture       *f,
      IvdPlanRecord *record,
      IvdPlanStatus  status,
      const char    *reason)
{
  g_autoptr(GError) error = NULL;

  ivd_store_set_status (f->store, record, status, reason, f->today, &error);
  g_assert_no_error (error);
}

static void
set_referred_at (Fixture       *f,
                 IvdPlanRecord *record,
                 const char    *time)
{
  sqlite3_stmt *stmt = NULL;

  g_assert_cmpint (sqlite3_prepare_v2 (handle (f->store),
                                       "UPDATE plans SET referred_at = ?1,"
                                       " answered_at = CASE WHEN answer IS NULL THEN NULL ELSE ?1 END WHERE id = ?2",
                                       -1, &stmt, NULL), ==, SQLITE_OK);
  sqlite3_bind_text (stmt, 1, time, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, ivd_plan_record_get_id (record), -1, SQLITE_STATIC);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_DONE);
  g_assert_cmpint (sqlite3_changes (handle (f->store)), ==, 1);
  sqlite3_finalize (stmt);
}

/* Made as a doctor and a coordinator would: ready, referred, answered. */
static IvdPlanRecord *
add_course (Fixture      *f,
            const Course *course)
{
  g_autoptr(IvdPlan) plan = example_plan (course->example);
  g_autoptr(IvdPlanRecord) record = NULL;
  g_autoptr(GError) error = NULL;

  if (course->cpr != NULL)
    ivd_plan_set_string (plan, "patient.cpr", course->cpr);
  if (course->municipality != NULL)
    ivd_plan_set_string (plan, "patient.municipality_code", course->municipality);
  if (course->days > 0)
    ivd_plan_set_int (plan, "treatment.days", course->days);
  complete_checklist (f, plan);
  record = ivd_store_create_plan (f->store, plan, &error);
  g_assert_no_error (error);

  move (f, record, IVD_PLAN_STATUS_READY, NULL);
  move (f, record, IVD_PLAN_STATUS_REFERRED, NULL);
  switch (course->status)
    {
    case IVD_PLAN_STATUS_ACCEPTED:
      move (f, record, IVD_PLAN_STATUS_ACCEPTED, NULL);
      break;
    case IVD_PLAN_STATUS_DECLINED:
      move (f, record, IVD_PLAN_STATUS_DECLINED, "Ingen plads i hjemmesygeplejen");
      break;
    case IVD_PLAN_STATUS_CANCELLED:
      move (f, record, IVD_PLAN_STATUS_ACCEPTED, NULL);
      move (f, record, IVD_PLAN_STATUS_CANCELLED, "Registreret på forkert patient");
      break;
    case IVD_PLAN_STATUS_DRAFT:
      /* Edited after the referral: back to draft, still referred. */
      ivd_plan_unset (ivd_plan_record_get_plan (record), "patient.cpr");
      g_assert_true (ivd_store_save_plan (f->store, record, &error));
      g_assert_no_error (error);
      break;
    case IVD_PLAN_STATUS_REFERRED:
    case IVD_PLAN_STATUS_READY:
    case IVD_PLAN_STATUS_IN_COURSE:
    case IVD_PLAN_STATUS_ENDED:
    default:
      break;
    }
  g_assert_cmpint (ivd_plan_record_get_status (record), ==, course->status);

  set_referred_at (f, record, course->referred_at);
  return g_steal_pointer (&record);
}

static void
add_courses (Fixture *f)
{
  for (guint i = 0; i < G_N_ELEMENTS (courses); i++)
    {
      g_autoptr(IvdPlanRecord) record = add_course (f, &courses[i]);
    }
}

static IvdMonitoringReport *
report_at (Fixture    *f,
           int         year,
           int         quarter,
           const char *region,
           const char *municipality_code,
           int         expected,
           GDateTime  *now)
{
  g_autoptr(GError) error = NULL;
  IvdMonitoringReport *report = ivd_store_get_monitoring_at (f->store, year, quarter, region, municipality_code,
                                                             expected, now != NULL ? now : f->now, &error);

  g_assert_no_error (error);
  g_assert_nonnull (report);
  return report;
}

static IvdMonitoringReport *
report (Fixture    *f,
        int         year,
        int         quarter,
        const char *region,
        const char *municipality_code)
{
  return report_at (f, year, quarter, region, municipality_code, 0, NULL);
}

static void
assert_month (IvdMonitoringReport *report,
              guint                month,
              guint                antibiotic,
              guint                fluid)
{
  g_assert_cmpuint (ivd_monitoring_report_get_month_courses (report, month, IVD_MONITORING_TYPE_ANTIBIOTIC), ==,
                    antibiotic);
  g_assert_cmpuint (ivd_monitoring_report_get_month_courses (report, month, IVD_MONITORING_TYPE_FLUID), ==, fluid);
  g_assert_cmpuint (ivd_monitoring_report_get_month_courses (report, month, IVD_MONITORING_TYPE_OTHER), ==, 0);
  g_assert_cmpuint (ivd_monitoring_report_get_month_courses (report, month, IVD_MONITORING_TYPE_UNKNOWN), ==, 0);
}

/* Q1 2026 for the whole country: every figure. */
static void
test_figures (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(IvdMonitoringReport) r = NULL;
  const IvdMonitoringStat *stat;

  add_courses (f);
  r = report (f, 2026, 1, NULL, NULL);

  g_assert_cmpint (ivd_monitoring_report_get_year (r), ==, 2026);
  g_assert_cmpint (ivd_monitoring_report_get_quarter (r), ==, 1);
  g_assert_null (ivd_monitoring_report_get_region (r));
  g_assert_null (ivd_monitoring_report_get_municipality_code (r));

  /* (1) A1-A5, A8-A10 referred (A6 cancelled); X1 twice, A5 without a
   * CPR number counts once: 6 + 1 citizens. */
  g_assert_cmpuint (ivd_monitoring_report_get_courses_referred (r), ==, 8);
  g_assert_cmpuint (ivd_monitoring_report_get_citizens_referred (r), ==, 7);
  /* (2) A1, A2, A3, A8, A9 accepted: X1 twice. */
  g_assert_cmpuint (ivd_monitoring_report_get_courses_accepted (r), ==, 5);
  g_assert_cmpuint (ivd_monitoring_report_get_citizens_accepted (r), ==, 4);
  g_assert_cmpuint (ivd_monitoring_report_get_courses_declined (r), ==, 1);

  /* (3) */
  g_assert_cmpuint (ivd_monitoring_report_get_courses_by_type (r, IVD_MONITORING_TYPE_ANTIBIOTIC), ==, 4);
  g_assert_cmpuint (ivd_monitoring_report_get_courses_by_type (r, IVD_MONITORING_TYPE_FLUID), ==, 1);
  g_assert_cmpuint (ivd_monitoring_report_get_courses_by_type (r, IVD_MONITORING_TYPE_OTHER), ==, 0);
  g_assert_cmpuint (ivd_monitoring_report_get_courses_by_type (r, IVD_MONITORING_TYPE_UNKNOWN), ==, 0);
  g_assert_cmpuint (ivd_monitoring_report_get_courses_by_form (r, IVD_MONITORING_FORM_PUMP), ==, 1);
  g_assert_cmpuint (ivd_monitoring_report_get_courses_by_form (r, IVD_MONITORING_FORM_INTERMITTENT), ==, 4);
  g_assert_cmpuint (ivd_monitoring_report_get_courses_by_form (r, IVD_MONITORING_FORM_UNKNOWN), ==, 0);

  /* (4) 3, 2, 1, 3, 2 visits a day. */
  g_assert_cmpuint (ivd_monitoring_report_get_courses_by_visits (r, 0), ==, 0);
  g_assert_cmpuint (ivd_monitoring_report_get_courses_by_visits (r, 1), ==, 1);
  g_assert_cmpuint (ivd_monitoring_report_get_courses_by_visits (r, 2), ==, 2);
  g_assert_cmpuint (ivd_monitoring_report_get_courses_by_visits (r, 3), ==, 2);
  g_assert_cmpuint (ivd_monitoring_report_get_courses_by_visits (r, 4), ==, 0);
  stat = ivd_monitoring_report_get_visits (r);
  g_assert_cmpuint (stat->n, ==, 5);
  g_assert_cmpfloat_with_epsilon (stat->mean, 2.2, 1e-9);
  g_assert_cmpfloat_with_epsilon (stat->median, 2, 1e-9);

  /* (5) 30, 45, 30, 30, 30 minutes. */
  stat = ivd_monitoring_report_get_minutes (r);
  g_assert_cmpuint (stat->n, ==, 5);
  g_assert_cmpfloat_with_epsilon (stat->mean, 33, 1e-9);
  g_assert_cmpfloat_with_epsilon (stat->median, 30, 1e-9);

  /* (6) 8, 5, 14, 8, 8 days. */
  stat = ivd_monitoring_report_get_days (r);
  g_assert_cmpuint (stat->n, ==, 5);
  g_assert_cmpfloat_with_epsilon (stat->mean, 8.6, 1e-9);
  g_assert_cmpfloat_with_epsilon (stat->median, 8, 1e-9);

  /* (7) A2 in the clinic, the others at home. */
  g_assert_cmpuint (ivd_monitoring_report_get_courses_by_place (r, IVD_MONITORING_PLACE_HOME), ==, 4);
  g_assert_cmpuint (ivd_monitoring_report_get_courses_by_place (r, IVD_MONITORING_PLACE_CLINIC), ==, 1);
  g_assert_cmpuint (ivd_monitoring_report_get_courses_by_place (r, IVD_MONITORING_PLACE_OTHER), ==, 0);
  g_assert_cmpuint (ivd_monitoring_report_get_courses_by_place (r, IVD_MONITORING_PLACE_UNKNOWN), ==, 0);
  g_assert_cmpfloat_with_epsilon (ivd_monitoring_report_get_home_share (r), 0.8, 1e-9);

  /* Tariff, all at step 1 (domain §11): A1 antibiotics 8 days
   * 6915 + 2 x 1485 = 9885; A2 fluid 5 days 1343 + 2 x 341 = 2025; A3 pump
   * 14 days 2049 + 8 x 341 = 4777. */
  g_assert_true (ivd_monitoring_report_get_has_tariff (r));
  g_assert_cmpuint (ivd_monitoring_report_get_tariff_courses (r), ==, 3);
  g_assert_cmpint (ivd_monitoring_report_get_tariff_course_dkk (r), ==, 6915 + 1343 + 2049);
  g_assert_cmpint (ivd_monitoring_report_get_tariff_day_dkk (r), ==, 2 * 1485 + 2 * 341 + 8 * 341);
  g_assert_cmpint (ivd_monitoring_report_get_tariff_total_dkk (r), ==, 9885 + 2025 + 4777);
  g_assert_cmpuint (ivd_monitoring_report_get_tariff_unpriced (r), ==, 0);
  g_assert_cmpuint (ivd_monitoring_report_get_tariff_without_days (r), ==, 0);
  g_assert_cmpint (ivd_monitoring_report_get_tariff_step (r), ==, 1);
  g_assert_cmpuint (ivd_monitoring_report_get_tariff_year_courses (r), ==, 3);

  /* The chart's months: A1 and A8 in January, A2 in February, A3 and A9
   * (one microsecond before April) in March. */
  g_assert_cmpuint (ivd_monitoring_report_get_n_months (r), ==, 3);
  assert_month (r, 1, 2, 0);
  assert_month (r, 2, 0, 1);
  assert_month (r, 3, 2, 0);
  assert_month (r, 4, 0, 0);

  /* No expected volume set: nothing to compare. */
  g_assert_cmpint (ivd_monitoring_report_get_expected_per_year (r), ==, 0);
  g_assert_true (isnan (ivd_monitoring_report_get_expected_so_far (r)));
  g_assert_true (isnan (ivd_monitoring_report_get_activity_ratio (r)));
  g_assert_false (ivd_monitoring_report_get_over_expected (r));
  g_assert_cmpuint (ivd_monitoring_report_get_courses_this_year (r), ==, 5);
  g_assert_cmpfloat_with_epsilon (ivd_monitoring_report_get_months_elapsed (r), 3, 1e-9);
}

/* Other quarters: the year's edges, and the tariff's count going on. */
static void
test_quarters (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(IvdMonitoringReport) q4 = NULL;
  g_autoptr(IvdMonitoringReport) q2 = NULL;
  g_autoptr(IvdMonitoringReport) q3 = NULL;

  add_courses (f);

  /* A11, one microsecond before 2026, is 2025's and step 1 there. */
  q4 = report (f, 2025, 4, NULL, NULL);
  g_assert_cmpuint (ivd_monitoring_report_get_courses_referred (q4), ==, 1);
  g_assert_cmpuint (ivd_monitoring_report_get_citizens_referred (q4), ==, 1);
  g_assert_cmpint (ivd_monitoring_report_get_tariff_total_dkk (q4), ==, 9885);
  g_assert_cmpuint (ivd_monitoring_report_get_tariff_year_courses (q4), ==, 1);
  g_assert_cmpuint (ivd_monitoring_report_get_n_months (q4), ==, 12);
  assert_month (q4, 12, 1, 0);
  assert_month (q4, 1, 0, 0);

  /* Q2: A7 only; the region's count goes on from Q1's three. */
  q2 = report (f, 2026, 2, NULL, NULL);
  g_assert_cmpuint (ivd_monitoring_report_get_courses_referred (q2), ==, 1);
  g_assert_cmpuint (ivd_monitoring_report_get_courses_accepted (q2), ==, 1);
  g_assert_cmpuint (ivd_monitoring_report_get_citizens_accepted (q2), ==, 1);
  g_assert_cmpint (ivd_monitoring_report_get_tariff_total_dkk (q2), ==, 9885);
  g_assert_cmpuint (ivd_monitoring_report_get_tariff_year_courses (q2), ==, 4);
  g_assert_cmpuint (ivd_monitoring_report_get_n_months (q2), ==, 6);
  assert_month (q2, 1, 2, 0);
  assert_month (q2, 4, 1, 0);
  assert_month (q2, 5, 0, 0);
  g_assert_cmpuint (ivd_monitoring_report_get_courses_this_year (q2), ==, 6);

  /* An empty quarter: zeros, and no mean of nothing. */
  q3 = report (f, 2026, 3, NULL, NULL);
  g_assert_cmpuint (ivd_monitoring_report_get_courses_referred (q3), ==, 0);
  g_assert_cmpuint (ivd_monitoring_report_get_citizens_referred (q3), ==, 0);
  g_assert_cmpuint (ivd_monitoring_report_get_minutes (q3)->n, ==, 0);
  g_assert_true (isnan (ivd_monitoring_report_get_minutes (q3)->mean));
  g_assert_true (isnan (ivd_monitoring_report_get_days (q3)->median));
  g_assert_true (isnan (ivd_monitoring_report_get_home_share (q3)));
  g_assert_cmpint (ivd_monitoring_report_get_tariff_total_dkk (q3), ==, 0);
  g_assert_cmpint (ivd_monitoring_report_get_tariff_step (q3), ==, 1);
  g_assert_cmpuint (ivd_monitoring_report_get_tariff_year_courses (q3), ==, 4);
}

/* Region and municipality filters; the tariff step always counts the
 * whole region. */
static void
test_filters (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(IvdMonitoringReport) hovedstaden = NULL;
  g_autoptr(IvdMonitoringReport) nordjylland = NULL;
  g_autoptr(IvdMonitoringReport) copenhagen = NULL;
  g_autoptr(IvdMonitoringReport) frederiksberg = NULL;
  g_autoptr(IvdMonitoringReport) hilleroed = NULL;

  add_courses (f);

  hovedstaden = report (f, 2026, 1, "hovedstaden", NULL);
  g_assert_cmpstr (ivd_monitoring_report_get_region (hovedstaden), ==, "hovedstaden");
  g_assert_cmpuint (ivd_monitoring_report_get_courses_referred (hovedstaden), ==, 6);
  g_assert_cmpuint (ivd_monitoring_report_get_citizens_referred (hovedstaden), ==, 5);
  g_assert_cmpuint (ivd_monitoring_report_get_courses_accepted (hovedstaden), ==, 3);
  g_assert_cmpuint (ivd_monitoring_report_get_citizens_accepted (hovedstaden), ==, 2);
  g_assert_cmpint (ivd_monitoring_report_get_tariff_total_dkk (hovedstaden), ==, 9885 + 2025 + 4777);
  assert_month (hovedstaden, 1, 1, 0);
  assert_month (hovedstaden, 3, 1, 0);

  nordjylland = report (f, 2026, 1, "nordjylland", NULL);
  g_assert_cmpuint (ivd_monitoring_report_get_courses_referred (nordjylland), ==, 1);
  g_assert_cmpuint (ivd_monitoring_report_get_courses_accepted (nordjylland), ==, 1);
  g_assert_false (ivd_monitoring_report_get_has_tariff (nordjylland));
  g_assert_cmpint (ivd_monitoring_report_get_tariff_step (nordjylland), ==, 0);
  g_assert_cmpint (ivd_monitoring_report_get_tariff_total_dkk (nordjylland), ==, 0);
  g_assert_cmpuint (ivd_monitoring_report_get_courses_by_place (nordjylland, IVD_MONITORING_PLACE_HOME), ==, 1);

  /* København: A1 accepted, A4 declined, A5 without CPR, A10 waiting. */
  copenhagen = report (f, 2026, 1, NULL, "101");
  g_assert_cmpstr (ivd_monitoring_report_get_municipality_code (copenhagen), ==, "101");
  g_assert_cmpuint (ivd_monitoring_report_get_courses_referred (copenhagen), ==, 4);
  g_assert_cmpuint (ivd_monitoring_report_get_citizens_referred (copenhagen), ==, 4);
  g_assert_cmpuint (ivd_monitoring_report_get_courses_accepted (copenhagen), ==, 1);
  g_assert_cmpuint (ivd_monitoring_report_get_courses_declined (copenhagen), ==, 1);
  g_assert_cmpint (ivd_monitoring_report_get_tariff_total_dkk (copenhagen), ==, 9885);
  g_assert_cmpuint (ivd_monitoring_report_get_tariff_year_courses (copenhagen), ==, 3);

  /* Frederiksberg's pump course is the region's third of the year. */
  frederiksberg = report (f, 2026, 1, "hovedstaden", "147");
  g_assert_cmpuint (ivd_monitoring_report_get_courses_accepted (frederiksberg), ==, 1);
  g_assert_cmpuint (ivd_monitoring_report_get_courses_by_form (frederiksberg, IVD_MONITORING_FORM_PUMP), ==, 1);
  g_assert_cmpint (ivd_monitoring_report_get_tariff_total_dkk (frederiksberg), ==, 4777);

  hilleroed = report (f, 2026, 1, NULL, "219");
  g_assert_cmpint (ivd_monitoring_report_get_tariff_total_dkk (hilleroed), ==, 2025);
  g_assert_cmpuint (ivd_monitoring_report_get_courses_by_place (hilleroed, IVD_MONITORING_PLACE_CLINIC), ==, 1);
  g_assert_cmpfloat_with_epsilon (ivd_monitoring_report_get_home_share (hilleroed), 0, 1e-9);
}

/* A selection that cannot hold a course is an error, not an empty report. */
static void
test_bad_selection (Fixture       *f,
                    gconstpointer  data)
{
  const char *selections[][2] = {
    { "nordjylland", "101" },
    { "atlantis", NULL },
    { NULL, "999" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (selections); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(IvdMonitoringReport) r = ivd_store_get_monitoring (f->store, 2026, 1, selections[i][0],
                                                                   selections[i][1], 0, &error);

      g_assert_null (r);
      g_assert_error (error, IVD_ERROR, IVD_ERROR_INVALID);
    }
}

/* Inserts @n accepted Hovedstaden courses referred one second apart from
 * @start: only the tariff's count needs them, so they skip the store. */
static void
add_filler_courses (Fixture    *f,
                    guint       n,
                    GDateTime  *start)
{
  sqlite3_stmt *stmt = NULL;

  g_assert_cmpint (sqlite3_exec (handle (f->store), "BEGIN", NULL, NULL, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (handle (f->store),
                                       "INSERT INTO plans (id, document, status, created, updated, region,"
                                       " municipality_code, treatment_type, referred_at, answer)"
                                       " VALUES (?1, '{}', 'accepted', ?2, ?2, 'hovedstaden', '173', 'antibiotic',"
                                       " ?2, 'accepted')", -1, &stmt, NULL), ==, SQLITE_OK);
  for (guint i = 0; i < n; i++)
    {
      g_autofree char *id = g_uuid_string_random ();
      g_autoptr(GDateTime) time = g_date_time_add_seconds (start, i);
      g_autofree char *text = g_date_time_format (time, "%Y-%m-%dT%H:%M:%S.%fZ");

      sqlite3_bind_text (stmt, 1, id, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (stmt, 2, text, -1, SQLITE_TRANSIENT);
      g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_DONE);
      sqlite3_reset (stmt);
    }
  sqlite3_finalize (stmt);
  g_assert_cmpint (sqlite3_exec (handle (f->store), "COMMIT", NULL, NULL, NULL), ==, SQLITE_OK);
}

/* Step 1 holds the year's first 1500 courses (0-1499), step 2 from the
 * 1501st: each course at the step reached when it was referred. */
static void
test_tariff_steps (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(GDateTime) january = g_date_time_new_utc (2026, 1, 2, 0, 0, 0);
  const Course b1 = { ANTIBIOTIC, X3, NULL, 8, IVD_PLAN_STATUS_ACCEPTED, "2026-04-10T08:00:00.000000Z" };
  const Course b2 = { ANTIBIOTIC, X6, "173", 8, IVD_PLAN_STATUS_ACCEPTED, "2026-04-11T08:00:00.000000Z" };
  g_autoptr(IvdPlanRecord) first = NULL;
  g_autoptr(IvdPlanRecord) second = NULL;
  g_autoptr(IvdMonitoringReport) q1 = NULL;
  g_autoptr(IvdMonitoringReport) q2 = NULL;
  g_autoptr(IvdMonitoringReport) lyngby = NULL;
  g_autoptr(IvdMonitoringReport) after_cancel = NULL;

  add_filler_courses (f, 1499, january);
  first = add_course (f, &b1);
  second = add_course (f, &b2);

  q1 = report (f, 2026, 1, "hovedstaden", NULL);
  g_assert_cmpuint (ivd_monitoring_report_get_tariff_year_courses (q1), ==, 1499);
  g_assert_cmpint (ivd_monitoring_report_get_tariff_step (q1), ==, 1);
  /* Fillers carry no days: priced at the course tariff only. */
  g_assert_cmpuint (ivd_monitoring_report_get_tariff_without_days (q1), ==, 1499);
  g_assert_cmpint (ivd_monitoring_report_get_tariff_course_dkk (q1), ==, 1499 * 6915);

  /* The 1500th course at step 1, the 1501st at step 2:
   * 6411 + 2 x 1366 = 9143. */
  q2 = report (f, 2026, 2, NULL, NULL);
  g_assert_cmpuint (ivd_monitoring_report_get_tariff_courses (q2), ==, 2);
  g_assert_cmpint (ivd_monitoring_report_get_tariff_course_dkk (q2), ==, 6915 + 6411);
  g_assert_cmpint (ivd_monitoring_report_get_tariff_day_dkk (q2), ==, 2 * 1485 + 2 * 1366);
  g_assert_cmpint (ivd_monitoring_report_get_tariff_total_dkk (q2), ==, 9885 + 9143);
  g_assert_cmpuint (ivd_monitoring_report_get_tariff_year_courses (q2), ==, 1501);
  g_assert_cmpint (ivd_monitoring_report_get_tariff_step (q2), ==, 2);

  /* Lyngby-Taarbæk alone still has its course priced at the region's step. */
  lyngby = report (f, 2026, 2, NULL, "173");
  g_assert_cmpuint (ivd_monitoring_report_get_courses_accepted (lyngby), ==, 1);
  g_assert_cmpint (ivd_monitoring_report_get_tariff_total_dkk (lyngby), ==, 9143);

  /* A cancelled course leaves the count: the second becomes the 1500th. */
  move (f, first, IVD_PLAN_STATUS_CANCELLED, "Registreret på forkert patient");
  after_cancel = report (f, 2026, 2, NULL, NULL);
  g_assert_cmpint (ivd_monitoring_report_get_tariff_total_dkk (after_cancel), ==, 9885);
  g_assert_cmpuint (ivd_monitoring_report_get_tariff_year_courses (after_cancel), ==, 1500);
  g_assert_cmpint (ivd_monitoring_report_get_tariff_step (after_cancel), ==, 2);
}

/* Nordjylland's rule (domain §11): 20 % or more above the expected level,
 * judged once six months have passed. */
static void
test_expected_volume (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(GDateTime) may = g_date_time_new_utc (2026, 5, 16, 0, 0, 0);
  g_autoptr(GDateTime) july = g_date_time_new_utc (2026, 7, 1, 0, 0, 0);
  g_autoptr(IvdMonitoringReport) q1 = NULL;
  g_autoptr(IvdMonitoringReport) in_may = NULL;
  g_autoptr(IvdMonitoringReport) exactly = NULL;
  g_autoptr(IvdMonitoringReport) below = NULL;
  g_autoptr(IvdMonitoringReport) copenhagen = NULL;
  double months = 4 + 15.0 / 31;

  add_courses (f);

  /* Three months: 5 courses against 10 x 3/12 = 2.5 is 200 %, too early. */
  q1 = report_at (f, 2026, 1, NULL, NULL, 10, NULL);
  g_assert_cmpfloat_with_epsilon (ivd_monitoring_report_get_months_elapsed (q1), 3, 1e-9);
  g_assert_cmpuint (ivd_monitoring_report_get_courses_this_year (q1), ==, 5);
  g_assert_cmpfloat_with_epsilon (ivd_monitoring_report_get_expected_so_far (q1), 2.5, 1e-9);
  g_assert_cmpfloat_with_epsilon (ivd_monitoring_report_get_activity_ratio (q1), 2, 1e-9);
  g_assert_false (ivd_monitoring_report_get_over_expected (q1));

  /* Mid-May, in the quarter: counted up to now, months pro rata. */
  in_may = report_at (f, 2026, 2, NULL, NULL, 10, may);
  g_assert_cmpfloat_with_epsilon (ivd_monitoring_report_get_months_elapsed (in_may), months, 1e-9);
  g_assert_cmpuint (ivd_monitoring_report_get_courses_this_year (in_may), ==, 6);
  g_assert_cmpfloat_with_epsilon (ivd_monitoring_report_get_expected_so_far (in_may), 10 * months / 12, 1e-9);
  g_assert_false (ivd_monitoring_report_get_over_expected (in_may));

  /* Six months: 6 against 10 x 6/12 = 5 is exactly 20 % over. */
  exactly = report_at (f, 2026, 2, NULL, NULL, 10, july);
  g_assert_cmpfloat_with_epsilon (ivd_monitoring_report_get_months_elapsed (exactly), 6, 1e-9);
  g_assert_cmpfloat_with_epsilon (ivd_monitoring_report_get_activity_ratio (exactly), 1.2, 1e-9);
  g_assert_true (ivd_monitoring_report_get_over_expected (exactly));

  /* 6 against 11 x 6/12 = 5.5 is 9 % over: no flag. */
  below = report_at (f, 2026, 2, NULL, NULL, 11, NULL);
  g_assert_cmpfloat_with_epsilon (ivd_monitoring_report_get_months_elapsed (below), 6, 1e-9);
  g_assert_false (ivd_monitoring_report_get_over_expected (below));

  /* One municipality: København's A1 and A7 against 3 a year. */
  copenhagen = report_at (f, 2026, 2, NULL, "101", 3, NULL);
  g_assert_cmpuint (ivd_monitoring_report_get_courses_this_year (copenhagen), ==, 2);
  g_assert_cmpfloat_with_epsilon (ivd_monitoring_report_get_expected_so_far (copenhagen), 1.5, 1e-9);
  g_assert_true (ivd_monitoring_report_get_over_expected (copenhagen));
}

static char *
query_text (sqlite3    *db,
            const char *sql)
{
  sqlite3_stmt *stmt = NULL;
  GString *out = g_string_new (NULL);

  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    for (int i = 0; i < sqlite3_column_count (stmt); i++)
      g_string_append_printf (out, "%s|", (const char *) sqlite3_column_text (stmt, i));
  sqlite3_finalize (stmt);
  return g_string_free (out, FALSE);
}

/* Version 5 adds the index the figures are counted from (every column they
 * count, referred plans only); a version 4 file gets it on opening and its
 * referred plans are counted. */
static void
test_schema_v5 (Fixture       *f,
                gconstpointer  data)
{
  g_autofree char *latest = NULL;
  g_autofree char *path = g_build_filename (f->dir, "v4.db", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(IvdDatabase) db = ivd_database_open (path, &error);
  g_autoptr(IvdStore) store = NULL;
  g_autoptr(IvdMonitoringReport) r = NULL;
  g_autofree char *plan = NULL;

  g_assert_no_error (error);
  g_assert_true (ivd_store_schema_migrate (db, f->catalog, 4, &error));
  g_assert_no_error (error);
  g_assert_cmpint (sqlite3_exec (ivd_database_get_handle (db),
                                 "INSERT INTO plans (id, document, status, created, updated, region, municipality_code,"
                                 " cpr, treatment_type, place_kind, days, referred_at, answer) VALUES"
                                 " ('33333333-3333-4333-8333-333333333333', '{\"treatment\": {\"form\": \"iv_pump\"}}',"
                                 " 'accepted', '2026-01-01', '2026-01-01', 'hovedstaden', '101', '1506501237',"
                                 " 'antibiotic', 'home', 8, '2026-02-01T10:00:00.000000Z', 'accepted')",
                                 NULL, NULL, NULL), ==, SQLITE_OK);
  ivd_database_close (db);

  store = ivd_store_open (path, f->catalog, &error);
  g_assert_no_error (error);
  g_assert_cmpint (ivd_store_schema_get_latest (), >=, 5);
  g_free (plan);
  plan = query_text (handle (store), "PRAGMA user_version");
  latest = g_strdup_printf ("%d|", ivd_store_schema_get_latest ());
  g_assert_cmpstr (plan, ==, latest);
  g_free (plan);
  plan = query_text (handle (store), "SELECT sql FROM sqlite_master WHERE name = 'plans_monitoring'");
  g_assert_nonnull (strstr (plan, "referred_at, status, answer, region, municipality_code, cpr, treatment_type,"));
  g_assert_nonnull (strstr (plan, "place_kind, visits_per_day, minutes, days"));
  g_assert_nonnull (strstr (plan, "WHERE referred_at IS NOT NULL"));

  /* The figures' statements name the index: they work on the migrated file. */
  r = ivd_store_get_monitoring_at (store, 2026, 1, NULL, NULL, 0, f->now, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (ivd_monitoring_report_get_courses_accepted (r), ==, 1);
  g_assert_cmpuint (ivd_monitoring_report_get_courses_by_form (r, IVD_MONITORING_FORM_PUMP), ==, 1);
  /* Pump, 8 days: 2049 + 2 x 341. */
  g_assert_cmpint (ivd_monitoring_report_get_tariff_total_dkk (r), ==, 2049 + 2 * 341);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/monitoring/figures", test_figures);
  ADD ("/monitoring/quarters", test_quarters);
  ADD ("/monitoring/filters", test_filters);
  ADD ("/monitoring/bad-selection", test_bad_selection);
  ADD ("/monitoring/tariff-steps", test_tariff_steps);
  ADD ("/monitoring/expected-volume", test_expected_volume);
  ADD ("/monitoring/schema-v5", test_schema_v5);
#undef ADD

  return g_test_run ();
}
