#include "ivd-supply.h"
#include "ivd-test-util.h"

static gint64
quantity_of (IvdEvaluation *evaluation,
             const char    *category,
             const char    *item_prefix)
{
  GListModel *supplies = ivd_evaluation_get_supplies (evaluation);

  for (guint i = 0; i < g_list_model_get_n_items (supplies); i++)
    {
      g_autoptr(IvdSupply) supply = g_list_model_get_item (supplies, i);
      if (g_str_equal (ivd_supply_get_category (supply), category) &&
          g_str_has_prefix (ivd_supply_get_item (supply), item_prefix))
        return ivd_supply_get_quantity (supply);
    }

  return -2;
}

typedef struct
{
  const char *type;
  const char *form;
  const char *times;   /* JSON list */
  int         days;
  const char *category;
  const char *item;
  gint64      quantity;
} SupplyCase;

static const SupplyCase cases[] = {
  /* Intermittent: doses per day x days. */
  { "antibiotic", "iv_intermittent", "[\"08:00\",\"14:00\",\"20:00\"]", 8, "medicine", "Cefuroxim 1,5 g", 24 },
  { "antibiotic", "iv_intermittent", "[\"08:00\",\"20:00\"]", 10, "medicine", "Cefuroxim 1,5 g", 20 },
  { "antibiotic", "iv_intermittent", "[\"08:00\",\"14:00\",\"20:00\"]", 8, "nursing", "Infusion set", 24 },
  { "antibiotic", "iv_intermittent", "[\"08:00\",\"14:00\",\"20:00\"]", 8, "nursing", "Flush syringe", 48 },
  { "fluid", "iv_intermittent", "[\"08:00\",\"20:00\"]", 3, "fluid", "Cefuroxim", 6 },
  /* A 24-hour pump: one bag a day, one pump for the course. */
  { "antibiotic", "iv_pump", "[\"09:00\"]", 10, "medicine", "Cefuroxim 1,5 g, 24-hour pump bag", 10 },
  { "antibiotic", "iv_pump", "[\"09:00\"]", 10, "pump", "IV pump", 1 },
  { "antibiotic", "iv_pump", "[\"09:00\"]", 10, "pump", "Pump set", 10 },
  { "antibiotic", "iv_pump", "[\"09:00\"]", 10, "medicine", "Cefuroxim 1,5 g", 10 },
  /* Per started week. */
  { "antibiotic", "iv_intermittent", "[\"08:00\"]", 7, "disposal", "Sharps container", 1 },
  { "antibiotic", "iv_intermittent", "[\"08:00\"]", 8, "disposal", "Sharps container", 2 },
  { "antibiotic", "iv_intermittent", "[\"08:00\"]", 8, "nursing", "Needle-free connector", 2 },
  /* Not for this plan. */
  { "antibiotic", "iv_intermittent", "[\"08:00\"]", 8, "pump", "IV pump", -2 },
  { "antibiotic", "iv_intermittent", "[\"08:00\"]", 8, "fluid", "", -2 },
};

static void
test_quantities (void)
{
  g_autoptr(IvdCatalog) catalog = ivd_test_catalog ();

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(IvdPlan) plan = ivd_test_plan (IVD_TEST_ELIGIBLE_PLAN);
      g_autoptr(JsonNode) times = json_from_string (cases[i].times, NULL);
      g_autoptr(IvdEvaluation) evaluation = NULL;
      g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
      g_auto(GStrv) strv = NULL;

      for (guint j = 0; j < json_array_get_length (json_node_get_array (times)); j++)
        g_strv_builder_add (builder, json_array_get_string_element (json_node_get_array (times), j));
      strv = g_strv_builder_end (builder);

      ivd_plan_set_string (plan, "treatment.type", cases[i].type);
      ivd_plan_set_string (plan, "treatment.form", cases[i].form);
      ivd_plan_set_strv (plan, "treatment.administration_times", (const char * const *) strv);
      ivd_plan_set_int (plan, "treatment.doses_per_day", g_strv_length (strv));
      ivd_plan_set_int (plan, "treatment.days", cases[i].days);
      evaluation = ivd_test_evaluate (catalog, plan);

      g_test_message ("case %u: %s / %s", i, cases[i].category, cases[i].item);
      g_assert_cmpint (quantity_of (evaluation, cases[i].category, cases[i].item), ==, cases[i].quantity);
    }
}

static void
test_unknown_days_not_guessed (void)
{
  g_autoptr(IvdCatalog) catalog = ivd_test_catalog ();
  g_autoptr(IvdPlan) plan = ivd_test_plan (IVD_TEST_ELIGIBLE_PLAN);
  g_autoptr(IvdEvaluation) evaluation = NULL;

  ivd_plan_unset (plan, "treatment.days");
  evaluation = ivd_test_evaluate (catalog, plan);
  g_assert_cmpint (quantity_of (evaluation, "medicine", "Cefuroxim"), ==, -1);
}

static void
test_no_iv_no_supplies (void)
{
  g_autoptr(IvdCatalog) catalog = ivd_test_catalog ();
  g_autoptr(IvdPlan) plan = ivd_test_plan (IVD_TEST_ELIGIBLE_PLAN);
  g_autoptr(IvdEvaluation) evaluation = NULL;

  ivd_plan_set_string (plan, "treatment.form", "tablets");
  evaluation = ivd_test_evaluate (catalog, plan);
  g_assert_cmpuint (g_list_model_get_n_items (ivd_evaluation_get_supplies (evaluation)), ==, 0);
  g_assert_cmpuint (g_list_model_get_n_items (ivd_evaluation_get_checklist (evaluation)), ==, 0);
}

static IvdSupply *
find_supply (IvdEvaluation *evaluation,
             const char    *key)
{
  GListModel *supplies = ivd_evaluation_get_supplies (evaluation);

  for (guint i = 0; i < g_list_model_get_n_items (supplies); i++)
    {
      g_autoptr(IvdSupply) supply = g_list_model_get_item (supplies, i);
      if (g_str_equal (ivd_supply_get_key (supply), key))
        return g_steal_pointer (&supply);
    }

  return NULL;
}

static void
on_changed_cb (IvdPlan    *plan,
               const char *path,
               GPtrArray  *paths)
{
  g_ptr_array_add (paths, g_strdup (path));
}

/* The doctor's quantity replaces the computed one in the evaluation (and
 * so in every export); the computed one stays readable; -1 goes back. */
static void
test_adjusted (void)
{
  g_autoptr(IvdCatalog) catalog = ivd_test_catalog ();
  g_autoptr(IvdPlan) plan = ivd_test_plan (IVD_TEST_ELIGIBLE_PLAN);
  g_autoptr(GPtrArray) paths = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(IvdEvaluation) before = ivd_test_evaluate (catalog, plan);
  g_autoptr(IvdEvaluation) after = NULL;
  g_autoptr(IvdEvaluation) reset = NULL;
  g_autoptr(IvdSupply) supply = find_supply (before, "medicine/Cefuroxim 1,5 g");
  g_autoptr(IvdSupply) set = find_supply (before, "nursing/Infusionssæt");
  g_autoptr(IvdSupply) adjusted = NULL;
  g_autoptr(IvdSupply) untouched = NULL;

  g_assert_nonnull (supply);
  g_assert_false (ivd_supply_get_adjusted (supply));
  g_assert_cmpint (ivd_supply_get_quantity (supply), ==, 24);
  /* The key is the Danish item, whatever the user's language. */
  g_assert_nonnull (set);
  g_assert_cmpstr (ivd_supply_get_item (set), ==, "Infusion set");

  g_signal_connect (plan, "changed", G_CALLBACK (on_changed_cb), paths);
  ivd_plan_set_adjusted_supply (plan, "medicine/Cefuroxim 1,5 g", 30);
  g_assert_cmpuint (paths->len, ==, 1);
  g_assert_cmpstr (g_ptr_array_index (paths, 0), ==, "supplies.adjusted");

  after = ivd_test_evaluate (catalog, plan);
  adjusted = find_supply (after, "medicine/Cefuroxim 1,5 g");
  g_assert_true (ivd_supply_get_adjusted (adjusted));
  g_assert_cmpint (ivd_supply_get_quantity (adjusted), ==, 30);
  g_assert_cmpint (ivd_supply_get_computed_quantity (adjusted), ==, 24);
  untouched = find_supply (after, "nursing/Infusionssæt");
  g_assert_false (ivd_supply_get_adjusted (untouched));

  /* The same value again changes nothing. */
  ivd_plan_set_adjusted_supply (plan, "medicine/Cefuroxim 1,5 g", 30);
  g_assert_cmpuint (paths->len, ==, 1);

  ivd_plan_set_adjusted_supply (plan, "medicine/Cefuroxim 1,5 g", -1);
  g_assert_false (ivd_plan_has (plan, "supplies.adjusted"));
  reset = ivd_test_evaluate (catalog, plan);
  g_clear_object (&supply);
  supply = find_supply (reset, "medicine/Cefuroxim 1,5 g");
  g_assert_false (ivd_supply_get_adjusted (supply));
  g_assert_cmpint (ivd_supply_get_quantity (supply), ==, 24);
}

/* Keys with dots and slashes survive a round trip through the plan file;
 * quantities are whole numbers from 0 to 9999. */
static void
test_adjusted_file (void)
{
  g_autoptr(IvdPlan) plan = ivd_test_plan (IVD_TEST_ELIGIBLE_PLAN);
  g_autofree char *data = NULL;
  g_autoptr(IvdPlan) again = NULL;
  g_autoptr(GError) error = NULL;
  gint64 quantity = -1;
  const char *bad[] = { "10000", "-1", "\"30\"", "2.5", "true" };

  ivd_plan_set_adjusted_supply (plan, "nursing/Skyllesprøjte NaCl 9 mg/ml, 10 ml", 0);
  data = ivd_plan_to_data (plan);
  again = ivd_plan_new_from_data (data, strlen (data), &error);
  g_assert_no_error (error);
  g_assert_true (ivd_plan_lookup_adjusted_supply (again, "nursing/Skyllesprøjte NaCl 9 mg/ml, 10 ml", &quantity));
  g_assert_cmpint (quantity, ==, 0);

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autofree char *json = g_strdup_printf ("{\"format\": \"iv-discharge-plan/1\","
                                               " \"supplies\": {\"adjusted\": {\"medicine/X\": %s}}}", bad[i]);
      g_autoptr(IvdPlan) invalid = ivd_plan_new_from_data (json, strlen (json), &error);

      g_assert_null (invalid);
      g_assert_error (error, IVD_ERROR, IVD_ERROR_INVALID);
      g_assert_true (g_str_has_prefix (error->message, "supplies.adjusted:"));
      g_clear_error (&error);
    }

  {
    const char *json = "{\"format\": \"iv-discharge-plan/1\", \"supplies\": {\"adjusted\": [30]}}";
    g_autoptr(IvdPlan) invalid = ivd_plan_new_from_data (json, strlen (json), &error);

    g_assert_null (invalid);
    g_assert_error (error, IVD_ERROR, IVD_ERROR_INVALID);
  }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/supplies/quantities", test_quantities);
  g_test_add_func ("/supplies/unknown-days-not-guessed", test_unknown_days_not_guessed);
  g_test_add_func ("/supplies/no-iv-no-supplies", test_no_iv_no_supplies);
  g_test_add_func ("/supplies/adjusted", test_adjusted);
  g_test_add_func ("/supplies/adjusted-file", test_adjusted_file);

  return g_test_run ();
}
