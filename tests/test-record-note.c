#include "config.h"

#include "ivd-record-note.h"
#include "ivd-test-util.h"

/* The note for the record when tablets or self-administration end the
 * flow (domain §4): no municipal IV course, and with tablets the reminder
 * to update FMK and any dose dispensing (seed 004). */

#define PLAN_WITH(treatment) \
  "{\"format\": \"iv-discharge-plan/1\", \"treatment\": " treatment "," \
  " \"alternatives\": {\"tablets\": \"Kan ikke synke\"}}"

static char *
note_for (const char *json)
{
  g_autoptr(IvdPlan) plan = ivd_test_plan (json);

  return ivd_record_note_new (plan);
}

static void
test_tablets (void)
{
  g_autofree char *note = note_for (PLAN_WITH ("{\"form\": \"tablets\", \"drug\": \"Amoxicillin\", \"dose\": \"750 mg\"}"));

  g_assert_nonnull (note);
  g_assert_true (g_str_has_prefix (note, "No municipal IV course"));
  g_assert_nonnull (strstr (note, "Drug: Amoxicillin 750 mg."));
  g_assert_nonnull (strstr (note, "update FMK (Fælles Medicinkort)"));
  g_assert_nonnull (strstr (note, "dose dispensing (dosisdispensering)"));
  /* The reason against tablets belongs to the other forms only. */
  g_assert_null (strstr (note, "Kan ikke synke"));
}

static void
test_self_administration (void)
{
  g_autofree char *note = note_for (PLAN_WITH ("{\"form\": \"self_administration\"}"));

  g_assert_nonnull (note);
  g_assert_true (g_str_has_prefix (note, "No municipal IV course"));
  g_assert_nonnull (strstr (note, "self-administration"));
  g_assert_nonnull (strstr (note, "Tablets are not used because: Kan ikke synke"));
  g_assert_nonnull (strstr (note, "update FMK (Fælles Medicinkort)"));
  /* Dose dispensing packs tablets: nothing to update for IV self-administration. */
  g_assert_null (strstr (note, "dosisdispensering"));
  /* No drug entered: no line for it, never an empty one. */
  g_assert_null (strstr (note, "Drug:"));
  g_assert_null (strstr (note, "\n\n"));
}

static void
test_iv_forms (void)
{
  const char *plans[] = {
    PLAN_WITH ("{\"form\": \"iv_pump\"}"),
    PLAN_WITH ("{\"form\": \"iv_intermittent\"}"),
    PLAN_WITH ("{\"type\": \"antibiotic\"}"),
  };

  /* A municipal IV course (or no form yet): no note. */
  for (guint i = 0; i < G_N_ELEMENTS (plans); i++)
    {
      g_autofree char *note = note_for (plans[i]);
      g_assert_null (note);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/record-note/tablets", test_tablets);
  g_test_add_func ("/record-note/self-administration", test_self_administration);
  g_test_add_func ("/record-note/iv-forms", test_iv_forms);

  return g_test_run ();
}
