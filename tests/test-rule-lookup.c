#include "config.h"

#include "ivd-rule-lookup.h"
#include "ivd-test-util.h"

/* What the editor's pages read from a region's rules: the agreement's
 * questions, when a question is asked, the priority order; and the
 * answers for a region without rules. */

static IvdRuleSet *
rules_of (IvdCatalog *catalog,
          const char *region)
{
  g_autoptr(GError) error = NULL;
  IvdRuleSet *rule_set = ivd_catalog_get_rule_set (catalog, region, &error);

  g_assert_no_error (error);
  return rule_set;
}

static void
test_question (void)
{
  g_autoptr(IvdCatalog) catalog = ivd_test_catalog ();
  IvdRuleSet *hovedstaden = rules_of (catalog, "hovedstaden");
  IvdRule *started = ivd_rule_set_lookup_rule (hovedstaden, "ELIG-STARTED");

  g_assert_cmpstr (ivd_rule_lookup_question (hovedstaden, "started_in_hospital"), ==,
                   ivd_rule_get_question (started));
  g_assert_cmpstr (ivd_rule_lookup_question (hovedstaden, "started_in_hospital"), ==,
                   "Was the IV treatment started in hospital?");
  /* COVER-OTHER reads the type too but asks nothing: COVER-TYPES speaks. */
  g_assert_cmpstr (ivd_rule_lookup_question (hovedstaden, "treatment.type"), ==, "What type of IV treatment is it?");
  g_assert_null (ivd_rule_lookup_question (hovedstaden, "patient.name"));

  /* No agreement, or no region yet: no question, the page asks its own. */
  g_assert_null (ivd_rule_lookup_question (rules_of (catalog, "sjaelland"), "started_in_hospital"));
  g_assert_null (ivd_rule_lookup_question (NULL, "started_in_hospital"));
}

static void
test_applies (void)
{
  g_autoptr(IvdCatalog) catalog = ivd_test_catalog ();
  IvdRuleSet *hovedstaden = rules_of (catalog, "hovedstaden");
  const struct { const char *kind; gboolean asked; } cases[] = {
    { "home", TRUE }, { "nursing_home", TRUE }, { "residential", TRUE },
    { "clinic", FALSE }, { "acute_bed", FALSE }, { "temporary_bed", FALSE },
  };
  g_autoptr(IvdPlan) plan = ivd_test_plan ("{\"format\": \"iv-discharge-plan/1\"}");
  gboolean applies = TRUE;

  /* No place yet: ELIG-HOME-OK's condition is not met, never guessed. */
  g_assert_true (ivd_rule_lookup_applies (hovedstaden, "place.home_assessed_suitable", plan, &applies));
  g_assert_false (applies);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      ivd_plan_set_string (plan, "place.kind", cases[i].kind);
      g_assert_true (ivd_rule_lookup_applies (hovedstaden, "place.home_assessed_suitable", plan, &applies));
      g_assert_cmpint (applies, ==, cases[i].asked);
    }

  /* No rule reads the field: the caller decides, @applies untouched. */
  applies = TRUE;
  g_assert_false (ivd_rule_lookup_applies (rules_of (catalog, "sjaelland"), "place.home_assessed_suitable", plan, &applies));
  g_assert_false (ivd_rule_lookup_applies (NULL, "place.home_assessed_suitable", plan, &applies));
  g_assert_true (applies);
}

static void
test_form_order (void)
{
  g_autoptr(IvdCatalog) catalog = ivd_test_catalog ();
  const char *expected[] = { "tablets", "self_administration", "iv_pump", "iv_intermittent", NULL };
  const char *regions[] = { "hovedstaden", "nordjylland", "midtjylland", "syddanmark", "sjaelland" };

  for (guint i = 0; i < G_N_ELEMENTS (regions); i++)
    {
      g_auto(GStrv) order = ivd_rule_lookup_form_order (rules_of (catalog, regions[i]));
      g_assert_cmpstrv (order, expected);
    }

  {
    g_auto(GStrv) order = ivd_rule_lookup_form_order (NULL);
    g_assert_cmpstrv (order, expected);
  }
}

static void
test_form_order_from_rule (void)
{
  const char *json =
    "{\"format\": \"iv-discharge-rules/1\", \"region\": \"hovedstaden\", \"name\": {\"en\": \"Test\"},"
    " \"has_agreement\": true, \"source\": \"test\", \"rules\": ["
    "  {\"id\": \"PRIO-ORDER\", \"check\": \"priority_order\", \"severity\": \"info\", \"source\": \"test\","
    "   \"params\": {\"order\": [\"tablets\", \"iv_pump\", \"iv_intermittent\"], \"no_iv\": [\"tablets\"]},"
    "   \"text\": {\"da\": \"Rækkefølge\", \"en\": \"Order\"}}], \"checklist\": []}";
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) node = json_from_string (json, &error);
  g_autoptr(IvdRuleSet) rule_set = NULL;
  g_auto(GStrv) order = NULL;
  const char *expected[] = { "tablets", "iv_pump", "iv_intermittent", NULL };

  g_assert_no_error (error);
  rule_set = ivd_rule_set_new_from_json (node, &error);
  g_assert_no_error (error);

  /* A clinician's corrected order is followed as written. */
  order = ivd_rule_lookup_form_order (rule_set);
  g_assert_cmpstrv (order, expected);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/rule-lookup/question", test_question);
  g_test_add_func ("/rule-lookup/applies", test_applies);
  g_test_add_func ("/rule-lookup/form-order", test_form_order);
  g_test_add_func ("/rule-lookup/form-order-from-rule", test_form_order_from_rule);

  return g_test_run ();
}
