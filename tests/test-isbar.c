#include "ivd-test-util.h"

#include "ivd-directory.h"
#include "ivd-isbar.h"

/* The phone script for the call to the municipality: every ISBAR part in
 * order, the plan's facts in it, and "not filled in" for what is missing. */

static char *
compose (const char        *json,
         IvdDirectoryEntry *entry)
{
  g_autoptr(IvdCatalog) catalog = ivd_test_catalog ();
  g_autoptr(IvdPlan) plan = ivd_test_plan (json);
  g_autoptr(IvdEvaluation) evaluation = ivd_test_evaluate (catalog, plan);

  return ivd_isbar_compose (catalog, plan, evaluation, entry);
}

static void
assert_contains (const char *text,
                 const char *part)
{
  if (strstr (text, part) == NULL)
    g_error ("“%s” not in:\n%s", part, text);
}

static void
test_parts_in_order (void)
{
  g_autofree char *text = compose (IVD_TEST_ELIGIBLE_PLAN, NULL);
  const char *parts[] = { "I – Identification", "S – Situation", "B – Background", "A – Assessment",
                          "R – Recommendation" };
  const char *at = text;

  for (guint i = 0; i < G_N_ELEMENTS (parts); i++)
    {
      const char *found = strstr (at, parts[i]);

      g_assert_nonnull (found);
      at = found;
    }
}

static void
test_facts (void)
{
  g_autofree char *text = compose (IVD_TEST_ELIGIBLE_PLAN, NULL);

  assert_contains (text, "Patient: Testperson Hansen, CPR 150650-1237, age 76");
  assert_contains (text, "Home municipality: København");
  assert_contains (text, "Drug and dose: Cefuroxim, 1,5 g");
  assert_contains (text, "Times: 08:00, 14:00, 20:00 (3 visits a day, 30 minutes each)");
  /* Day 1 is the start date: 8 days from 23 November end on the 30th. */
  assert_contains (text, "Treatment days: 8, from 2026-11-23 to 2026-11-30");
  assert_contains (text, "IV access: PICC line");
  assert_contains (text, "First dose given in hospital: yes");
  assert_contains (text, "Why not a 24-hour pump: Præparatet er ikke stabilt i 24 timer");
  assert_contains (text, "with visits from 2026-11-23");
  g_assert_null (strstr (text, "left alone"));
}

/* Nothing is guessed: the department, the doctor and the delivery are not
 * in the plan, and the script says so where they belong. */
static void
test_missing_facts (void)
{
  g_autofree char *text = compose (IVD_TEST_ELIGIBLE_PLAN, NULL);
  g_autofree char *empty = compose ("{\"format\": \"iv-discharge-plan/1\"}", NULL);

  assert_contains (text, "Calling: not filled in, not filled in");
  assert_contains (text, "Department phone, day and night: not filled in");
  assert_contains (text, "for the whole course to: not filled in");

  assert_contains (empty, "Patient: not filled in, CPR not filled in, age not filled in");
  assert_contains (empty, "Drug and dose: not filled in, not filled in");
  assert_contains (empty, "Treatment days: not filled in, from not filled in");
  assert_contains (empty, "First dose given in hospital: not filled in");
}

/* The assessment names the open findings with their rule ids. */
static void
test_assessment (void)
{
  g_autofree char *eligible = compose (IVD_TEST_ELIGIBLE_PLAN, NULL);
  g_autofree char *night = NULL;
  g_autofree char *declined = NULL;
  g_autoptr(GString) with_call = g_string_new (IVD_TEST_ELIGIBLE_PLAN);

  assert_contains (eligible, "Outcome: Eligible for municipal IV treatment");
  assert_contains (eligible, "Agreement: Capital Region of Denmark");
  assert_contains (eligible, "Open points: none");

  g_string_replace (with_call, "\"20:00\"]", "\"23:30\"]", 1);
  night = compose (with_call->str, NULL);
  assert_contains (night, "Outcome: Not eligible");
  assert_contains (night, "– EXCL-NIGHT: ");

  g_string_assign (with_call, IVD_TEST_ELIGIBLE_PLAN);
  g_string_truncate (with_call, with_call->len - 1);
  g_string_append (with_call, ", \"contact\": {\"calls\": [{\"time\": \"2026-11-22T10:00:00+01:00\","
                   " \"person\": \"Visitator\", \"answer\": \"declined\", \"reason\": \"ingen kompetencer\"}]}}");
  declined = compose (with_call->str, NULL);
  assert_contains (declined, "– EXCL-CAPACITY: ");
  assert_contains (declined, "ingen kompetencer");
}

static void
test_delivery_to_depot (void)
{
  g_autoptr(IvdDirectoryEntry) entry = ivd_directory_entry_new ("101");
  g_autoptr(GString) json = g_string_new (IVD_TEST_ELIGIBLE_PLAN);
  g_autofree char *without = NULL;
  g_autofree char *with = NULL;

  g_string_truncate (json, json->len - 1);
  g_string_append (json, ", \"supplies\": {\"delivery\": \"depot\"}}");

  without = compose (json->str, entry);
  assert_contains (without, "to: The municipal depot, not filled in");

  g_object_set (entry, "depot-address", "Testdepot, Testvej 2", NULL);
  with = compose (json->str, entry);
  assert_contains (with, "to: The municipal depot, Testdepot, Testvej 2");
}

static void
test_not_alone (void)
{
  g_autoptr(GString) json = g_string_new (IVD_TEST_ELIGIBLE_PLAN);
  g_autofree char *text = NULL;

  g_string_replace (json, "\"must_not_be_left_alone\": false", "\"must_not_be_left_alone\": true", 1);
  text = compose (json->str, NULL);
  assert_contains (text, "The patient must not be left alone during the infusion.");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/isbar/parts-in-order", test_parts_in_order);
  g_test_add_func ("/isbar/facts", test_facts);
  g_test_add_func ("/isbar/missing-facts", test_missing_facts);
  g_test_add_func ("/isbar/assessment", test_assessment);
  g_test_add_func ("/isbar/delivery-to-depot", test_delivery_to_depot);
  g_test_add_func ("/isbar/not-alone", test_not_alone);

  return g_test_run ();
}
