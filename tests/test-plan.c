#include "ivd-error.h"
#include "ivd-test-util.h"

static void
test_round_trip_keeps_unknown_keys (void)
{
  const char *json =
    "{\"format\": \"iv-discharge-plan/1\", \"x-hospital\": {\"ward\": \"B4\", \"beds\": [1, 2]},"
    " \"patient\": {\"name\": \"Testperson\", \"x-nickname\": \"T\"}, \"future_flag\": true}";
  g_autoptr(IvdPlan) plan = ivd_test_plan (json);
  g_autofree char *out = NULL;
  g_autoptr(IvdPlan) again = NULL;
  g_autoptr(JsonNode) a = json_from_string (json, NULL);
  g_autoptr(JsonNode) b = NULL;

  ivd_plan_set_string (plan, "treatment.drug", "Cefuroxim");
  out = ivd_plan_to_data (plan);
  again = ivd_test_plan (out);
  b = json_from_string (out, NULL);

  g_assert_cmpstr (ivd_plan_get_string (again, "treatment.drug"), ==, "Cefuroxim");
  json_object_remove_member (json_node_get_object (b), "treatment");
  g_assert_true (json_node_equal (a, b));
}

static void
on_changed_cb (IvdPlan    *plan,
               const char *path,
               gpointer    user_data)
{
  g_ptr_array_add (user_data, g_strdup (path));
}

static void
test_setters_notify_once (void)
{
  g_autoptr(IvdPlan) plan = ivd_plan_new ();
  g_autoptr(GPtrArray) changes = g_ptr_array_new_with_free_func (g_free);

  g_signal_connect (plan, "changed", G_CALLBACK (on_changed_cb), changes);
  ivd_plan_set_int (plan, "treatment.days", 8);
  ivd_plan_set_int (plan, "treatment.days", 8);
  ivd_plan_set_boolean (plan, "stable", TRUE);
  ivd_plan_unset (plan, "stable");
  ivd_plan_unset (plan, "stable");

  g_assert_cmpuint (changes->len, ==, 3);
  g_assert_cmpstr (changes->pdata[0], ==, "treatment.days");
  g_assert_cmpstr (changes->pdata[2], ==, "stable");
}

/* Every bad-input case of design.md: refused, and the field named first. */
typedef struct
{
  const char *json;
  const char *field;
} BadCase;

static const BadCase bad_cases[] = {
  { "", "(file)" },
  { "   ", "(file)" },
  { "{\"format\": ", "(file)" },
  { "[1, 2]", "(file)" },
  { "\"text\"", "(file)" },
  { "{}", "format" },
  { "{\"format\": \"iv-discharge-plan/2\"}", "format" },
  { "{\"format\": 1}", "format" },
  { "{\"format\": \"iv-discharge-plan/1\", \"patient\": []}", "patient" },
  { "{\"format\": \"iv-discharge-plan/1\", \"patient\": {\"cpr\": \"320150-1234\"}}", "patient.cpr" },
  { "{\"format\": \"iv-discharge-plan/1\", \"patient\": {\"cpr\": \"12345\"}}", "patient.cpr" },
  { "{\"format\": \"iv-discharge-plan/1\", \"patient\": {\"cpr\": 101501234}}", "patient.cpr" },
  { "{\"format\": \"iv-discharge-plan/1\", \"patient\": {\"municipality_code\": 101}}", "patient.municipality_code" },
  { "{\"format\": \"iv-discharge-plan/1\", \"patient\": {\"municipality_code\": \"1010\"}}", "patient.municipality_code" },
  { "{\"format\": \"iv-discharge-plan/1\", \"region\": \"fyn\"}", "region" },
  { "{\"format\": \"iv-discharge-plan/1\", \"stable\": \"yes\"}", "stable" },
  { "{\"format\": \"iv-discharge-plan/1\", \"started_in_hospital\": 1}", "started_in_hospital" },
  { "{\"format\": \"iv-discharge-plan/1\", \"treatment\": {\"type\": \"vitamin\"}}", "treatment.type" },
  { "{\"format\": \"iv-discharge-plan/1\", \"treatment\": {\"form\": \"pump\"}}", "treatment.form" },
  { "{\"format\": \"iv-discharge-plan/1\", \"treatment\": {\"access\": \"port\"}}", "treatment.access" },
  { "{\"format\": \"iv-discharge-plan/1\", \"treatment\": {\"administration_times\": \"08:00\"}}", "treatment.administration_times" },
  { "{\"format\": \"iv-discharge-plan/1\", \"treatment\": {\"administration_times\": [\"8:00\"]}}", "treatment.administration_times" },
  { "{\"format\": \"iv-discharge-plan/1\", \"treatment\": {\"administration_times\": [\"24:00\"]}}", "treatment.administration_times" },
  { "{\"format\": \"iv-discharge-plan/1\", \"treatment\": {\"administration_times\": [\"08:00\", \"08:00\"]}}", "treatment.administration_times" },
  { "{\"format\": \"iv-discharge-plan/1\", \"treatment\": {\"administration_times\": [\"08:00\", \"20:00\"], \"doses_per_day\": 3}}", "treatment.doses_per_day" },
  { "{\"format\": \"iv-discharge-plan/1\", \"treatment\": {\"doses_per_day\": 2.5}}", "treatment.doses_per_day" },
  { "{\"format\": \"iv-discharge-plan/1\", \"treatment\": {\"days\": 0}}", "treatment.days" },
  { "{\"format\": \"iv-discharge-plan/1\", \"treatment\": {\"days\": 99999999999999999999}}", "treatment.days" },
  { "{\"format\": \"iv-discharge-plan/1\", \"treatment\": {\"days\": 1e400}}", "treatment.days" },
  { "{\"format\": \"iv-discharge-plan/1\", \"treatment\": {\"minutes_per_administration\": -5}}", "treatment.minutes_per_administration" },
  { "{\"format\": \"iv-discharge-plan/1\", \"treatment\": {\"start_date\": \"2026-02-30\"}}", "treatment.start_date" },
  { "{\"format\": \"iv-discharge-plan/1\", \"treatment\": {\"start_date\": \"23-11-2026\"}}", "treatment.start_date" },
  { "{\"format\": \"iv-discharge-plan/1\", \"place\": {\"kind\": \"hospital\"}}", "place.kind" },
  { "{\"format\": \"iv-discharge-plan/1\", \"tariff_step\": 4}", "tariff_step" },
  { "{\"format\": \"iv-discharge-plan/1\", \"checklist\": {\"START-PHONE\": \"done\"}}", "checklist.START-PHONE" },
  { "{\"format\": \"iv-discharge-plan/1\", \"contact\": {\"calls\": [{\"answer\": \"maybe\"}]}}", "contact.calls" },
  { "{\"format\": \"iv-discharge-plan/1\", \"alternatives\": {\"tablets\": false}}", "alternatives.tablets" },
};

static void
test_bad_input (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (bad_cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(IvdPlan) plan = NULL;
      g_autofree char *prefix = g_strconcat (bad_cases[i].field, ": ", NULL);

      g_test_message ("case %u: %s", i, bad_cases[i].json);
      plan = ivd_plan_new_from_data (bad_cases[i].json, strlen (bad_cases[i].json), &error);
      g_assert_null (plan);
      g_assert_error (error, IVD_ERROR, IVD_ERROR_INVALID);
      g_assert_true (g_str_has_prefix (error->message, prefix));
      g_assert_null (strchr (error->message, '\n'));
    }
}

static void
test_hostile_input (void)
{
  g_autoptr(GString) deep = g_string_new (NULL);
  g_autofree char *huge = NULL;
  const char junk[] = "\x00\xff\xfe{\x01\x02\"format\"";

  for (guint i = 0; i < 100000; i++)
    g_string_append_c (deep, '[');
  g_assert_null (ivd_plan_new_from_data (deep->str, deep->len, NULL));
  g_assert_null (ivd_plan_new_from_data (junk, sizeof junk, NULL));

  huge = g_strnfill (IVD_PLAN_MAX_BYTES + 1, ' ');
  g_assert_null (ivd_plan_new_from_data (huge, strlen (huge), NULL));
}

typedef struct
{
  const char *municipality;
  const char *region;
  const char *start_date;
  const char *field;
} ContextCase;

/* Contradictions the plan alone cannot see: they need the catalog. */
static const ContextCase context_cases[] = {
  { "999", NULL, NULL, "patient.municipality_code" },
  { "101", "nordjylland", NULL, "region" },
  { "851", "hovedstaden", NULL, "region" },
  { "101", NULL, "1949-01-01", "treatment.start_date" },
};

static void
test_context_errors (void)
{
  g_autoptr(IvdCatalog) catalog = ivd_test_catalog ();

  for (guint i = 0; i < G_N_ELEMENTS (context_cases); i++)
    {
      g_autoptr(IvdPlan) plan = ivd_test_plan (IVD_TEST_ELIGIBLE_PLAN);
      g_autoptr(GDate) today = g_date_new_dmy (22, 11, 2026);
      g_autoptr(GError) error = NULL;
      g_autoptr(IvdEvaluation) evaluation = NULL;
      g_autofree char *prefix = g_strconcat (context_cases[i].field, ": ", NULL);

      ivd_plan_set_string (plan, "patient.municipality_code", context_cases[i].municipality);
      if (context_cases[i].region)
        ivd_plan_set_string (plan, "region", context_cases[i].region);
      if (context_cases[i].start_date)
        ivd_plan_set_string (plan, "treatment.start_date", context_cases[i].start_date);

      evaluation = ivd_evaluation_new (catalog, plan, today, &error);
      g_assert_null (evaluation);
      g_assert_error (error, IVD_ERROR, IVD_ERROR_INVALID);
      g_assert_true (g_str_has_prefix (error->message, prefix));
    }
}

static void
test_region_agrees (void)
{
  g_autoptr(IvdCatalog) catalog = ivd_test_catalog ();
  g_autoptr(IvdPlan) plan = ivd_test_plan (IVD_TEST_ELIGIBLE_PLAN);
  g_autoptr(IvdEvaluation) evaluation = NULL;

  ivd_plan_set_string (plan, "region", "hovedstaden");
  evaluation = ivd_test_evaluate (catalog, plan);
  g_assert_cmpstr (ivd_evaluation_get_region (evaluation), ==, "hovedstaden");
  g_assert_cmpint (ivd_evaluation_get_age (evaluation), ==, 76);
  g_assert_cmpint (ivd_evaluation_get_visits_per_day (evaluation), ==, 3);
}

static void
test_start_date_defaults_to_today (void)
{
  g_autoptr(IvdCatalog) catalog = ivd_test_catalog ();
  g_autoptr(IvdPlan) plan = ivd_test_plan (IVD_TEST_ELIGIBLE_PLAN);
  g_autoptr(IvdEvaluation) evaluation = NULL;

  /* Born 23 Nov 2011: 14 on the test's "today", 22 Nov 2026. */
  ivd_plan_set_string (plan, "patient.cpr", "231111-4001");
  ivd_plan_unset (plan, "treatment.start_date");
  evaluation = ivd_test_evaluate (catalog, plan);
  g_assert_cmpint (ivd_evaluation_get_age (evaluation), ==, 14);
}

/* A logged call lands in contact.calls as the plan file has it (valid on
 * reading back), "changed" names the list, and a call the referral could
 * not use is refused with the plan untouched. */
static void
test_append_call (void)
{
  g_autoptr(IvdPlan) plan = ivd_plan_new ();
  g_autoptr(GPtrArray) changes = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GTimeZone) zone = g_time_zone_new_identifier ("+01:00");
  g_autoptr(GDateTime) time = g_date_time_new (zone, 2026, 11, 22, 10, 15, 0);
  g_autoptr(GError) error = NULL;
  g_autoptr(IvdPlan) again = NULL;
  g_autofree char *data = NULL;
  JsonObject *call;

  g_signal_connect (plan, "changed", G_CALLBACK (on_changed_cb), changes);

  g_assert_false (ivd_plan_append_call (plan, time, "Visitator Jensen", "declined", "  ", &error));
  g_assert_error (error, IVD_ERROR, IVD_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "reason"));
  g_clear_error (&error);
  g_assert_false (ivd_plan_append_call (plan, time, "", "accepted", NULL, &error));
  g_assert_error (error, IVD_ERROR, IVD_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (ivd_plan_append_call (plan, time, "Visitator Jensen", "maybe", NULL, &error));
  g_assert_error (error, IVD_ERROR, IVD_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_null (ivd_plan_get_calls (plan));
  g_assert_cmpuint (changes->len, ==, 0);

  g_assert_true (ivd_plan_append_call (plan, time, "Visitator Jensen", "call_back", NULL, &error));
  g_assert_no_error (error);
  g_assert_true (ivd_plan_append_call (plan, time, " Visitator Jensen ", "declined", "Ingen sygeplejerske", &error));
  g_assert_no_error (error);
  g_assert_cmpuint (changes->len, ==, 2);
  g_assert_cmpstr (changes->pdata[1], ==, "contact.calls");

  data = ivd_plan_to_data (plan);
  again = ivd_plan_new_from_data (data, strlen (data), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (json_array_get_length (ivd_plan_get_calls (again)), ==, 2);
  call = json_array_get_object_element (ivd_plan_get_calls (again), 1);
  g_assert_cmpstr (json_object_get_string_member (call, "time"), ==, "2026-11-22T10:15:00+01");
  g_assert_cmpstr (json_object_get_string_member (call, "person"), ==, "Visitator Jensen");
  g_assert_cmpstr (json_object_get_string_member (call, "answer"), ==, "declined");
  g_assert_cmpstr (json_object_get_string_member (call, "reason"), ==, "Ingen sygeplejerske");
  g_assert_false (json_object_has_member (json_array_get_object_element (ivd_plan_get_calls (again), 0), "reason"));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/plan/round-trip-keeps-unknown-keys", test_round_trip_keeps_unknown_keys);
  g_test_add_func ("/plan/setters-notify-once", test_setters_notify_once);
  g_test_add_func ("/plan/bad-input", test_bad_input);
  g_test_add_func ("/plan/hostile-input", test_hostile_input);
  g_test_add_func ("/plan/context-errors", test_context_errors);
  g_test_add_func ("/plan/region-agrees", test_region_agrees);
  g_test_add_func ("/plan/start-date-defaults-to-today", test_start_date_defaults_to_today);
  g_test_add_func ("/plan/append-call", test_append_call);

  return g_test_run ();
}
