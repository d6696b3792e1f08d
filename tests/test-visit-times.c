#include "ivd-test-util.h"
#include "ivd-schedule.h"
#include "ivd-visit-times.h"

/* The schedule step's visit times: sorted and coherent with doses_per_day
 * when written, placed against the region's night window, and told in
 * words for the day strip. */

static GArray *
minutes_of (const char * const *texts)
{
  GArray *times = g_array_new (FALSE, FALSE, sizeof (int));

  for (guint i = 0; texts[i] != NULL; i++)
    {
      int m;

      g_assert_true (ivd_schedule_parse_time (texts[i], &m));
      g_array_append_val (times, m);
    }
  return times;
}

static void
test_check_input (void)
{
  const struct { const char *text; IvdTimeInput expected; int minutes; } cases[] = {
    { "", IVD_TIME_INPUT_EMPTY, -1 },
    { "  ", IVD_TIME_INPUT_EMPTY, -1 },
    { NULL, IVD_TIME_INPUT_EMPTY, -1 },
    { "14:00", IVD_TIME_INPUT_VALID, 14 * 60 },
    { " 06:00 ", IVD_TIME_INPUT_VALID, 6 * 60 },
    /* As Danes write it, and shorter. */
    { "14.30", IVD_TIME_INPUT_VALID, 14 * 60 + 30 },
    { "8:30", IVD_TIME_INPUT_VALID, 8 * 60 + 30 },
    { "0800", IVD_TIME_INPUT_VALID, 8 * 60 },
    { "23:59", IVD_TIME_INPUT_VALID, 23 * 60 + 59 },
    /* On the way to a time. */
    { "1", IVD_TIME_INPUT_PARTIAL, -1 },
    { "14", IVD_TIME_INPUT_PARTIAL, -1 },
    { "14:", IVD_TIME_INPUT_PARTIAL, -1 },
    { "14:3", IVD_TIME_INPUT_PARTIAL, -1 },
    { "8.", IVD_TIME_INPUT_PARTIAL, -1 },
    /* Never a time. */
    { "24:00", IVD_TIME_INPUT_INVALID, -1 },
    { "14:60", IVD_TIME_INPUT_INVALID, -1 },
    { "14:6", IVD_TIME_INPUT_INVALID, -1 },
    { "2500", IVD_TIME_INPUT_INVALID, -1 },
    { "14:00:00", IVD_TIME_INPUT_INVALID, -1 },
    { "kl. 8", IVD_TIME_INPUT_INVALID, -1 },
    { ":30", IVD_TIME_INPUT_INVALID, -1 },
    { "123:00", IVD_TIME_INPUT_INVALID, -1 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      int minutes = -1;

      g_test_message ("'%s'", cases[i].text ? cases[i].text : "(null)");
      g_assert_cmpint (ivd_visit_times_check_input (cases[i].text, &minutes), ==, cases[i].expected);
      g_assert_cmpint (minutes, ==, cases[i].minutes);
    }
}

static void
test_normalize (void)
{
  const char *texts[] = { "22:00", "06:00", "14.00", "6:00", "bad", "06:00", "24:00", "14:", NULL };
  const char *expected[] = { "06:00", "14:00", "22:00", NULL };
  g_auto(GStrv) times = ivd_visit_times_normalize (texts);
  g_auto(GStrv) none = ivd_visit_times_normalize (NULL);

  g_assert_cmpstrv (times, expected);
  g_assert_nonnull (none);
  g_assert_cmpuint (g_strv_length (none), ==, 0);
}

/* Every intermediate state of the plan is one the plan file accepts. */
static void
on_changed_still_valid_cb (IvdPlan    *plan,
                           const char *path,
                           guint      *changes)
{
  g_autofree char *data = ivd_plan_to_data (plan);
  g_autoptr(GError) error = NULL;
  g_autoptr(IvdPlan) copy = ivd_plan_new_from_data (data, strlen (data), &error);

  g_assert_no_error (error);
  (*changes)++;
}

static void
test_write (void)
{
  g_autoptr(IvdPlan) plan = ivd_test_plan (IVD_TEST_ELIGIBLE_PLAN);
  const char *five[] = { "20:00", "08:00", "12:00", "16:00", "14:00", NULL };
  const char *sorted[] = { "08:00", "12:00", "14:00", "16:00", "20:00", NULL };
  g_autoptr(GArray) times = NULL;
  guint changes = 0;
  gint64 doses = 0;

  g_signal_connect (plan, "changed", G_CALLBACK (on_changed_still_valid_cb), &changes);

  ivd_visit_times_write (plan, five);
  g_assert_cmpuint (changes, >, 0);
  times = ivd_plan_dup_times (plan);
  g_assert_cmpuint (times->len, ==, 5);
  for (guint i = 0; sorted[i] != NULL; i++)
    {
      g_autofree char *text = ivd_schedule_format_time (g_array_index (times, int, i));
      g_assert_cmpstr (text, ==, sorted[i]);
    }
  g_assert_true (ivd_plan_lookup_int (plan, "treatment.doses_per_day", &doses));
  g_assert_cmpint (doses, ==, 5);

  /* None left: the times go, and doses_per_day with them. */
  ivd_visit_times_write (plan, NULL);
  g_assert_false (ivd_plan_has (plan, "treatment.administration_times"));
  g_assert_false (ivd_plan_has (plan, "treatment.doses_per_day"));

  /* A plan without doses_per_day does not get one. */
  ivd_visit_times_write (plan, five);
  g_assert_false (ivd_plan_has (plan, "treatment.doses_per_day"));
}

static void
test_night_window (void)
{
  g_autoptr(IvdCatalog) catalog = ivd_test_catalog ();
  IvdRuleSet *rules = ivd_catalog_get_rule_set (catalog, "hovedstaden", NULL);
  IvdRuleSet *none = ivd_catalog_get_rule_set (catalog, "syddanmark", NULL);
  int start = -1, end = -1;

  g_assert_nonnull (rules);
  g_assert_true (ivd_visit_times_night_window (rules, &start, &end));
  g_assert_cmpint (start, ==, 23 * 60);
  g_assert_cmpint (end, ==, 7 * 60);

  /* No rule: a window to draw, and the caller is told it is not a rule. */
  start = end = -1;
  g_assert_false (ivd_visit_times_night_window (NULL, &start, &end));
  g_assert_cmpint (start, ==, 23 * 60);
  g_assert_cmpint (end, ==, 7 * 60);
  if (none != NULL)
    g_assert_false (ivd_visit_times_night_window (none, &start, &end));
}

static void
test_classify (void)
{
  int start = 23 * 60, end = 7 * 60;

  g_assert_cmpint (ivd_visit_times_classify (6 * 60, 30, start, end), ==, IVD_VISIT_NIGHT);
  g_assert_cmpint (ivd_visit_times_classify (23 * 60, 30, start, end), ==, IVD_VISIT_NIGHT);
  g_assert_cmpint (ivd_visit_times_classify (7 * 60, 30, start, end), ==, IVD_VISIT_DAY);
  g_assert_cmpint (ivd_visit_times_classify (22 * 60 + 30, 30, start, end), ==, IVD_VISIT_DAY);
  g_assert_cmpint (ivd_visit_times_classify (22 * 60 + 30, 45, start, end), ==, IVD_VISIT_INTO_NIGHT);
  /* Unknown length: a minute, as the rule check reads it. */
  g_assert_cmpint (ivd_visit_times_classify (22 * 60 + 59, 0, start, end), ==, IVD_VISIT_DAY);
}

static void
test_describe (void)
{
  const char *three[] = { "06:00", "14:00", "22:00", NULL };
  const char *late[] = { "22:30", NULL };
  g_autoptr(GArray) times = minutes_of (three);
  g_autoptr(GArray) one = minutes_of (late);
  g_autofree char *text = ivd_visit_times_describe (times, 30, 23 * 60, 7 * 60);
  g_autofree char *into = ivd_visit_times_describe (one, 45, 23 * 60, 7 * 60);
  g_autofree char *empty = ivd_visit_times_describe (NULL, 0, 23 * 60, 7 * 60);

  g_assert_cmpstr (text, ==, "3 visits: 06:00 (in the night window), 14:00, 22:00. Night window 23:00–07:00.");
  g_assert_cmpstr (into, ==, "1 visit: 22:30 (runs into the night window). Night window 23:00–07:00.");
  g_assert_cmpstr (empty, ==, "No visit times entered. Night window 23:00–07:00.");
}

static void
test_start_date (void)
{
  GDate date;

  g_date_clear (&date, 1);
  g_assert_true (ivd_visit_times_parse_start_date ("2026-11-23", &date));
  g_assert_cmpint (g_date_get_day (&date), ==, 23);
  g_assert_cmpint (g_date_get_month (&date), ==, G_DATE_NOVEMBER);
  g_assert_cmpint (g_date_get_year (&date), ==, 2026);
  g_assert_false (ivd_visit_times_parse_start_date ("2026-02-30", &date));
  g_assert_false (ivd_visit_times_parse_start_date ("23-11-2026", &date));
  g_assert_false (ivd_visit_times_parse_start_date ("2026-11-2", NULL));
  g_assert_false (ivd_visit_times_parse_start_date (NULL, NULL));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/visit-times/check-input", test_check_input);
  g_test_add_func ("/visit-times/normalize", test_normalize);
  g_test_add_func ("/visit-times/write", test_write);
  g_test_add_func ("/visit-times/night-window", test_night_window);
  g_test_add_func ("/visit-times/classify", test_classify);
  g_test_add_func ("/visit-times/describe", test_describe);
  g_test_add_func ("/visit-times/start-date", test_start_date);

  return g_test_run ();
}
