/* The rule-set reader, as the catalog reads a region's rule file, and what
 * the app does with a rule set it accepted: every rule's texts, messages
 * and parameters, and the example plans evaluated against it (each example
 * moved to the rule set's region). Only a file the reader accepts is
 * evaluated, so junk stays cheap. */

#include "fuzz-target.h"

#include <string.h>

#include "ivd-catalog.h"
#include "ivd-error.h"
#include "ivd-evaluation.h"
#include "ivd-json.h"
#include "ivd-plan.h"
#include "ivd-plan-steps.h"
#include "ivd-rule-set.h"

static const char * const param_names[] = {
  "field", "expect", "values", "min_age", "order", "no_iv", "max_visits", "start", "end",
  "max_minutes", "form", "because", NULL
};

static const char * const placeholders[] = {
  "age", "min_age", "visits", "max_visits", "times", "window", "minutes", "max_minutes", "forms",
  "reason", "region", NULL
};

/* Example plans that between them reach every kind of check, a no-IV
 * form, a declined call, the pump and a plan with nothing filled in; read
 * once. (Each plan costs about 1.5 ms under the sanitizers; all twenty would
 * make each accepted rule set four times as slow.) */
static const char * const example_names[] = {
  "eligible-hovedstaden-antibiotic.json",
  "eligible-hovedstaden-pump-step2.json",
  "incomplete-new-plan.json",
  "not_applicable-hovedstaden-tablets.json",
  "not_eligible-hovedstaden-declined.json",
  "not_eligible-hovedstaden-night-visit.json",
  NULL
};

static GPtrArray *
examples (void)
{
  static GPtrArray *texts;
  g_autoptr(GError) error = NULL;

  if (texts != NULL)
    return texts;

  texts = g_ptr_array_new_with_free_func (g_free);
  for (guint i = 0; example_names[i] != NULL; i++)
    {
      g_autofree char *path = g_build_filename (fuzz_data_dir (), "examples", example_names[i], NULL);
      char *text = NULL;

      g_file_get_contents (path, &text, NULL, &error);
      g_assert_no_error (error);
      g_ptr_array_add (texts, text);
    }
  return texts;
}

/* A data folder in the scratch folder: no municipalities (the plans name
 * their region instead), the shipped supplies, and rules/ for the input. */
static const char *
data_dir (void)
{
  static char *dir;
  g_autoptr(GError) error = NULL;
  g_autofree char *supplies = NULL;
  g_autofree char *shipped = NULL;
  g_autofree char *text = NULL;
  g_autofree char *municipalities = NULL;
  g_autofree char *rules = NULL;
  gsize length = 0;

  if (dir != NULL)
    return dir;

  dir = g_strdup (fuzz_scratch_dir ());
  municipalities = g_build_filename (dir, "municipalities.json", NULL);
  fuzz_write (municipalities, "{\"municipalities\": []}", strlen ("{\"municipalities\": []}"));
  shipped = g_build_filename (fuzz_data_dir (), "supplies.json", NULL);
  g_file_get_contents (shipped, &text, &length, &error);
  g_assert_no_error (error);
  supplies = g_build_filename (dir, "supplies.json", NULL);
  fuzz_write (supplies, text, length);
  rules = g_build_filename (dir, "rules", NULL);
  g_assert_cmpint (g_mkdir (rules, 0700), ==, 0);
  return dir;
}

static void
exercise_rule (IvdRuleSet *rule_set,
               IvdRule    *rule)
{
  g_autoptr(GHashTable) values = g_hash_table_new (g_str_hash, g_str_equal);
  g_autofree char *text = ivd_rule_dup_text (rule);

  g_assert_true (ivd_rule_set_lookup_rule (rule_set, ivd_rule_get_id (rule)) == rule);
  g_assert_nonnull (ivd_rule_get_check (rule));
  g_assert_nonnull (text);
  ivd_rule_get_source (rule);
  ivd_rule_get_quote (rule);
  ivd_rule_get_question (rule);
  ivd_rule_get_outside_seeds (rule);
  ivd_rule_get_severity (rule);
  ivd_rule_get_when (rule);

  for (guint i = 0; param_names[i] != NULL; i++)
    {
      g_auto(GStrv) strv = ivd_rule_dup_param_strv (rule, param_names[i]);

      g_assert_nonnull (strv);
      ivd_rule_get_param_int (rule, param_names[i], 0);
      ivd_rule_get_param_string (rule, param_names[i]);
      ivd_rule_get_param_boolean (rule, param_names[i], FALSE);
    }

  for (guint i = 0; placeholders[i] != NULL; i++)
    g_hash_table_insert (values, (gpointer) placeholders[i], "{age}");
  for (const char * const *m = (const char * const[]) { "message", "missing_message", "overlap_message", NULL };
       *m != NULL; m++)
    {
      g_free (ivd_rule_dup_message (rule, *m, values));
      g_free (ivd_rule_dup_message (rule, *m, NULL));
    }
}

static void
exercise_rules (IvdRuleSet *rule_set,
                GListModel *rules)
{
  for (guint i = 0; i < g_list_model_get_n_items (rules); i++)
    {
      g_autoptr(IvdRule) rule = g_list_model_get_item (rules, i);
      exercise_rule (rule_set, rule);
    }
}

static void
evaluate_example (IvdCatalog *catalog,
                  const char *text,
                  const char *region)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GDate) today = g_date_new_dmy (22, 11, 2026);
  g_autoptr(IvdPlan) plan = ivd_plan_new_from_data (text, strlen (text), &error);
  g_autoptr(IvdEvaluation) evaluation = NULL;
  g_autoptr(JsonNode) json = NULL;
  g_autofree char *written = NULL;

  g_assert_no_error (error);
  ivd_plan_unset (plan, "patient.municipality_code");
  ivd_plan_set_string (plan, "region", region);

  evaluation = ivd_evaluation_new (catalog, plan, today, &error);
  g_assert_no_error (error);
  json = ivd_evaluation_to_json (evaluation);
  written = ivd_json_to_string (json, FALSE);
  for (IvdStep step = 0; step < IVD_N_STEPS; step++)
    ivd_plan_steps_get_state (plan, evaluation, step);
}

/* The catalog reads the rule file again, from its region's place. */
static void
evaluate_examples (const uint8_t *data,
                   size_t         size,
                   const char    *region)
{
  g_autofree char *relative = g_strdup_printf ("rules/%s.json", region);
  g_autofree char *path = g_build_filename (data_dir (), relative, NULL);
  g_autoptr(IvdCatalog) catalog = NULL;
  g_autoptr(GError) error = NULL;
  GPtrArray *texts = examples ();

  fuzz_write (path, data, size);
  catalog = ivd_catalog_new ((const char * const[]) { data_dir (), NULL }, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < texts->len; i++)
    evaluate_example (catalog, g_ptr_array_index (texts, i), region);
  g_unlink (path);
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  static gboolean initialized;
  g_autofree char *path = g_build_filename (fuzz_scratch_dir (), "input.json", NULL);
  g_autoptr(IvdRuleSet) rule_set = NULL;
  g_autoptr(GError) error = NULL;
  const char *region;

  if (!initialized)
    {
      fuzz_make_warnings_fatal ();
      initialized = TRUE;
    }

  fuzz_write (path, data, size);
  rule_set = ivd_rule_set_new_from_file (path, &error);
  if (rule_set == NULL)
    {
      g_assert_error (error, IVD_ERROR, IVD_ERROR_DATA);
      g_assert_true (g_str_has_prefix (error->message, "The rule file input.json cannot be used: "));
      g_assert_null (strchr (error->message, '\n'));
      return 0;
    }

  exercise_rules (rule_set, ivd_rule_set_get_rules (rule_set));
  exercise_rules (rule_set, ivd_rule_set_get_checklist (rule_set));
  g_assert_nonnull (ivd_rule_set_get_name (rule_set));
  ivd_rule_set_get_agreement (rule_set);
  ivd_rule_set_get_source (rule_set);
  ivd_rule_set_get_has_agreement (rule_set);
  ivd_rule_set_get_tariff (rule_set);

  region = ivd_rule_set_get_region (rule_set);
  if (g_strv_contains (ivd_catalog_get_region_ids (), region))
    evaluate_examples (data, size, region);
  return 0;
}
