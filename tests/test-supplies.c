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

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/supplies/quantities", test_quantities);
  g_test_add_func ("/supplies/unknown-days-not-guessed", test_unknown_days_not_guessed);
  g_test_add_func ("/supplies/no-iv-no-supplies", test_no_iv_no_supplies);

  return g_test_run ();
}
