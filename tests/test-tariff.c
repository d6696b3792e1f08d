#include "ivd-test-util.h"

/* Domain §11: Hovedstaden's course and day tariffs, every category and step. */
typedef struct
{
  const char *type;
  const char *form;
  int         step;
  int         days;
  const char *category;
  gint64      total;
} TariffCase;

static const TariffCase cases[] = {
  /* The worked example of domain §11: 6915 + 2 x 1485. */
  { "antibiotic", "iv_intermittent", 1, 8, "antibiotic", 9885 },
  { "antibiotic", "iv_intermittent", 1, 6, "antibiotic", 6915 },
  { "antibiotic", "iv_intermittent", 1, 7, "antibiotic", 6915 + 1485 },
  { "antibiotic", "iv_intermittent", 2, 8, "antibiotic", 6411 + 2 * 1366 },
  { "antibiotic", "iv_intermittent", 3, 8, "antibiotic", 6159 + 2 * 1306 },
  { "fluid", "iv_intermittent", 1, 3, "fluid", 1343 },
  { "fluid", "iv_intermittent", 1, 4, "fluid", 1343 + 341 },
  { "fluid", "iv_intermittent", 2, 5, "fluid", 1274 + 2 * 309 },
  { "fluid", "iv_intermittent", 3, 10, "fluid", 1240 + 7 * 292 },
  { "antibiotic", "iv_pump", 1, 6, "pump", 2049 },
  { "antibiotic", "iv_pump", 1, 10, "pump", 2049 + 4 * 341 },
  { "antibiotic", "iv_pump", 2, 7, "pump", 1912 + 309 },
  { "fluid", "iv_pump", 3, 9, "pump", 1843 + 3 * 292 },
};

static JsonObject *
tariff_json (IvdEvaluation *evaluation)
{
  g_autoptr(JsonNode) node = ivd_evaluation_to_json (evaluation);
  JsonNode *tariff = json_object_get_member (json_node_get_object (node), "tariff");

  return JSON_NODE_HOLDS_OBJECT (tariff) ? json_object_ref (json_node_get_object (tariff)) : NULL;
}

static void
test_hovedstaden (void)
{
  g_autoptr(IvdCatalog) catalog = ivd_test_catalog ();

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(IvdPlan) plan = ivd_test_plan (IVD_TEST_ELIGIBLE_PLAN);
      g_autoptr(IvdEvaluation) evaluation = NULL;
      g_autoptr(JsonObject) tariff = NULL;

      ivd_plan_set_string (plan, "treatment.type", cases[i].type);
      ivd_plan_set_string (plan, "treatment.form", cases[i].form);
      ivd_plan_set_int (plan, "tariff_step", cases[i].step);
      ivd_plan_set_int (plan, "treatment.days", cases[i].days);
      evaluation = ivd_test_evaluate (catalog, plan);
      tariff = tariff_json (evaluation);

      g_test_message ("case %u: %s %s step %d, %d days", i, cases[i].type, cases[i].form, cases[i].step, cases[i].days);
      g_assert_nonnull (tariff);
      g_assert_cmpstr (json_object_get_string_member (tariff, "category"), ==, cases[i].category);
      g_assert_cmpint (json_object_get_int_member (tariff, "step"), ==, cases[i].step);
      g_assert_cmpint (json_object_get_int_member (tariff, "total_dkk"), ==, cases[i].total);
      g_assert_cmpint (json_object_get_int_member (tariff, "course_dkk") +
                       json_object_get_int_member (tariff, "extra_days") *
                       json_object_get_int_member (tariff, "day_dkk"), ==, cases[i].total);
    }
}

static void
test_unknown_days (void)
{
  g_autoptr(IvdCatalog) catalog = ivd_test_catalog ();
  g_autoptr(IvdPlan) plan = ivd_test_plan (IVD_TEST_ELIGIBLE_PLAN);
  g_autoptr(IvdEvaluation) evaluation = NULL;
  g_autoptr(JsonObject) tariff = NULL;

  ivd_plan_unset (plan, "treatment.days");
  evaluation = ivd_test_evaluate (catalog, plan);
  tariff = tariff_json (evaluation);

  /* Course price known, total not guessed. */
  g_assert_cmpint (json_object_get_int_member (tariff, "course_dkk"), ==, 6915);
  g_assert_true (json_object_get_null_member (tariff, "total_dkk"));
  g_assert_true (json_object_get_null_member (tariff, "extra_days"));
}

static void
test_split_and_none (void)
{
  struct { const char *code; gboolean split; } regions[] = {
    { "851", TRUE }, { "751", TRUE }, { "461", FALSE }, { "265", FALSE },
  };
  g_autoptr(IvdCatalog) catalog = ivd_test_catalog ();

  for (guint i = 0; i < G_N_ELEMENTS (regions); i++)
    {
      g_autoptr(IvdPlan) plan = ivd_test_plan (IVD_TEST_ELIGIBLE_PLAN);
      g_autoptr(IvdEvaluation) evaluation = NULL;
      g_autoptr(JsonObject) tariff = NULL;

      ivd_plan_set_string (plan, "patient.municipality_code", regions[i].code);
      evaluation = ivd_test_evaluate (catalog, plan);
      tariff = tariff_json (evaluation);

      if (!regions[i].split)
        {
          g_assert_null (tariff);
          continue;
        }
      g_assert_cmpint (json_object_get_int_member (tariff, "region_pct"), ==, 70);
      g_assert_cmpint (json_object_get_int_member (tariff, "municipality_pct"), ==, 30);
    }
}

static void
test_other_type_has_no_tariff (void)
{
  g_autoptr(IvdCatalog) catalog = ivd_test_catalog ();
  g_autoptr(IvdPlan) plan = ivd_test_plan (IVD_TEST_ELIGIBLE_PLAN);
  g_autoptr(IvdEvaluation) evaluation = NULL;

  ivd_plan_set_string (plan, "treatment.type", "other");
  evaluation = ivd_test_evaluate (catalog, plan);
  g_assert_null (ivd_evaluation_get_tariff (evaluation));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/tariff/hovedstaden", test_hovedstaden);
  g_test_add_func ("/tariff/unknown-days", test_unknown_days);
  g_test_add_func ("/tariff/split-and-none", test_split_and_none);
  g_test_add_func ("/tariff/other-type", test_other_type_has_no_tariff);

  return g_test_run ();
}
