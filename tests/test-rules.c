#include <glib/gstdio.h>

#include "ivd-test-util.h"

/* Every rule id on both sides of its limit, per region. Each case starts
 * from the eligible plan, sets the region's municipality, and applies up to
 * four edits "path=JSON" ("path=" removes the field). */
typedef struct
{
  const char *name;
  const char *municipality;
  const char *edits[4];
  const char *rule;
  int         severity;    /* -1: the rule must not appear */
  int         outcome;     /* -1: not checked */
} RuleCase;

#define NONE (-1)
#define BLOCK IVD_SEVERITY_BLOCK
#define REVIEW IVD_SEVERITY_REVIEW
#define MISSING IVD_SEVERITY_MISSING
#define INFO IVD_SEVERITY_INFO

static const RuleCase cases[] = {
  { "base-eligible", "101", { NULL }, "EXCL-NIGHT", NONE, IVD_OUTCOME_ELIGIBLE },

  { "started-true", "101", { "started_in_hospital=true" }, "ELIG-STARTED", NONE, IVD_OUTCOME_ELIGIBLE },
  { "stable-true", "101", { "stable=true" }, "ELIG-STABLE", NONE, -1 },
  { "informed-true", "101", { "patient_informed=true" }, "ELIG-INFORMED", NONE, -1 },
  { "medical-true", "101", { "medically_suitable=true" }, "ELIG-MEDICAL", NONE, -1 },
  { "type-antibiotic", "101", { "treatment.type=\"antibiotic\"" }, "COVER-TYPES", NONE, -1 },
  { "prio-all-reasons", "101", { NULL }, "PRIO-ORDER", NONE, IVD_OUTCOME_ELIGIBLE },
  { "not-alone-false", "101", { "treatment.must_not_be_left_alone=false" }, "NOT-ALONE", NONE, -1 },
  { "started-false", "101", { "started_in_hospital=false" }, "ELIG-STARTED", BLOCK, IVD_OUTCOME_NOT_ELIGIBLE },
  { "started-unset", "101", { "started_in_hospital=" }, "ELIG-STARTED", MISSING, IVD_OUTCOME_INCOMPLETE },
  { "willing-false", "101", { "patient_consents=false" }, "ELIG-WILLING", BLOCK, IVD_OUTCOME_NOT_ELIGIBLE },
  { "willing-true", "101", { "patient_consents=true" }, "ELIG-WILLING", NONE, -1 },
  { "admission-true", "101", { "requires_admission=true" }, "ELIG-NO-ADMISSION", BLOCK, -1 },
  { "admission-false", "101", { "requires_admission=false" }, "ELIG-NO-ADMISSION", NONE, -1 },
  { "medical-false", "101", { "medically_suitable=false" }, "ELIG-MEDICAL", BLOCK, -1 },
  { "medical-unset", "101", { "medically_suitable=" }, "ELIG-MEDICAL", MISSING, -1 },
  { "stable-false", "101", { "stable=false" }, "ELIG-STABLE", BLOCK, -1 },
  { "informed-false", "101", { "patient_informed=false" }, "ELIG-INFORMED", BLOCK, -1 },
  { "home-not-assessed", "101", { "place.home_assessed_suitable=false" }, "ELIG-HOME-OK", BLOCK, -1 },
  { "home-assessed", "101", { "place.home_assessed_suitable=true" }, "ELIG-HOME-OK", NONE, -1 },
  { "clinic-needs-no-home", "101", { "place.kind=\"clinic\"", "place.home_assessed_suitable=false" }, "ELIG-HOME-OK", NONE, IVD_OUTCOME_ELIGIBLE },
  { "nursing-home-unset", "101", { "place.kind=\"nursing_home\"", "place.home_assessed_suitable=" }, "ELIG-HOME-OK", MISSING, -1 },
  { "place-unset", "101", { "place.kind=" }, "DATA-PLACE", MISSING, IVD_OUTCOME_INCOMPLETE },

  { "type-unset", "101", { "treatment.type=" }, "COVER-TYPES", MISSING, -1 },
  { "type-other", "101", { "treatment.type=\"other\"" }, "COVER-OTHER", REVIEW, IVD_OUTCOME_NEEDS_REVIEW },
  { "type-fluid", "101", { "treatment.type=\"fluid\"" }, "COVER-OTHER", NONE, IVD_OUTCOME_ELIGIBLE },
  { "first-dose-false", "101", { "treatment.first_dose_given_in_hospital=false" }, "FIRST-DOSE", BLOCK, -1 },
  { "first-dose-unset", "101", { "treatment.first_dose_given_in_hospital=" }, "FIRST-DOSE", MISSING, -1 },
  { "first-dose-fluid", "101", { "treatment.type=\"fluid\"", "treatment.first_dose_given_in_hospital=false" }, "FIRST-DOSE", NONE, -1 },
  { "not-alone-true", "101", { "treatment.must_not_be_left_alone=true" }, "NOT-ALONE", INFO, IVD_OUTCOME_ELIGIBLE },
  { "not-alone-unset", "101", { "treatment.must_not_be_left_alone=" }, "NOT-ALONE", MISSING, -1 },

  { "prio-reason-missing", "101", { "alternatives.iv_pump=" }, "PRIO-ORDER", MISSING, IVD_OUTCOME_INCOMPLETE },
  { "prio-reason-blank", "101", { "alternatives.tablets=\"  \"" }, "PRIO-ORDER", MISSING, -1 },
  { "prio-pump-needs-two", "101", { "treatment.form=\"iv_pump\"", "alternatives.iv_pump=" }, "PRIO-ORDER", NONE, -1 },
  { "prio-form-unset", "101", { "treatment.form=" }, "PRIO-ORDER", MISSING, -1 },
  { "prio-tablets", "101", { "treatment.form=\"tablets\"" }, "PRIO-ORDER", INFO, IVD_OUTCOME_NOT_APPLICABLE },
  { "prio-self", "101", { "treatment.form=\"self_administration\"", "treatment.administration_times=[\"23:30\"]", "treatment.doses_per_day=1" }, "EXCL-NIGHT", NONE, IVD_OUTCOME_NOT_APPLICABLE },

  { "visits-4", "101", { "treatment.administration_times=[\"07:00\",\"11:00\",\"15:00\",\"19:00\"]", "treatment.doses_per_day=4" }, "EXCL-VISITS", NONE, IVD_OUTCOME_ELIGIBLE },
  { "visits-5", "101", { "treatment.administration_times=[\"07:00\",\"10:00\",\"13:00\",\"16:00\",\"19:00\"]", "treatment.doses_per_day=5" }, "EXCL-VISITS", BLOCK, IVD_OUTCOME_NOT_ELIGIBLE },
  { "visits-doses-only", "101", { "treatment.administration_times=", "treatment.doses_per_day=5" }, "EXCL-VISITS", BLOCK, -1 },
  { "visits-unknown", "101", { "treatment.administration_times=", "treatment.doses_per_day=" }, "EXCL-VISITS", MISSING, -1 },

  { "night-07-00", "101", { "treatment.administration_times=[\"07:00\",\"15:00\",\"22:00\"]" }, "EXCL-NIGHT", NONE, IVD_OUTCOME_ELIGIBLE },
  { "night-06-59", "101", { "treatment.administration_times=[\"06:59\",\"15:00\",\"22:00\"]" }, "EXCL-NIGHT", BLOCK, -1 },
  { "night-22-59", "101", { "treatment.administration_times=[\"07:00\",\"15:00\",\"22:59\"]", "treatment.minutes_per_administration=1" }, "EXCL-NIGHT", NONE, -1 },
  { "night-23-00", "101", { "treatment.administration_times=[\"07:00\",\"15:00\",\"23:00\"]" }, "EXCL-NIGHT", BLOCK, IVD_OUTCOME_NOT_ELIGIBLE },
  { "night-q8h", "101", { "treatment.administration_times=[\"06:00\",\"14:00\",\"22:00\"]" }, "EXCL-NIGHT", BLOCK, -1 },
  { "night-runs-in", "101", { "treatment.administration_times=[\"07:00\",\"15:00\",\"22:30\"]", "treatment.minutes_per_administration=45" }, "EXCL-NIGHT", REVIEW, IVD_OUTCOME_NEEDS_REVIEW },
  { "night-ends-23", "101", { "treatment.administration_times=[\"07:00\",\"15:00\",\"22:30\"]", "treatment.minutes_per_administration=30" }, "EXCL-NIGHT", NONE, -1 },
  { "night-times-unset", "101", { "treatment.administration_times=" }, "EXCL-NIGHT", MISSING, -1 },

  { "minutes-60", "101", { "treatment.minutes_per_administration=60" }, "EXCL-DURATION", NONE, IVD_OUTCOME_ELIGIBLE },
  { "minutes-61", "101", { "treatment.minutes_per_administration=61" }, "EXCL-DURATION", BLOCK, IVD_OUTCOME_NOT_ELIGIBLE },
  { "minutes-unset", "101", { "treatment.minutes_per_administration=" }, "EXCL-DURATION", MISSING, -1 },

  { "capacity-declined", "101", { "contact.calls=[{\"answer\":\"declined\",\"reason\":\"Ingen kompetencer\"}]" }, "EXCL-CAPACITY", BLOCK, IVD_OUTCOME_NOT_ELIGIBLE },
  { "capacity-accepted", "101", { "contact.calls=[{\"answer\":\"declined\"},{\"answer\":\"accepted\"}]" }, "EXCL-CAPACITY", NONE, IVD_OUTCOME_ELIGIBLE },
  { "capacity-call-back", "101", { "contact.calls=[{\"answer\":\"call_back\"}]" }, "EXCL-CAPACITY", NONE, -1 },

  { "suggest-pump-night", "101", { "treatment.administration_times=[\"06:00\",\"14:00\",\"22:00\"]" }, "SUGGEST-PUMP", INFO, -1 },
  { "suggest-pump-none", "101", { NULL }, "SUGGEST-PUMP", NONE, -1 },
  { "suggest-pump-on-pump", "101", { "treatment.form=\"iv_pump\"", "treatment.administration_times=[\"23:30\"]", "treatment.doses_per_day=1" }, "SUGGEST-PUMP", NONE, -1 },

  { "cpr-unset", "101", { "patient.cpr=" }, "DATA-CPR", MISSING, IVD_OUTCOME_INCOMPLETE },
  { "days-unset", "101", { "treatment.days=" }, "DATA-DAYS", MISSING, -1 },
  { "municipality-unset", NULL, { "region=\"hovedstaden\"" }, "DATA-MUNICIPALITY", MISSING, -1 },
  { "region-unset", NULL, { NULL }, "DATA-REGION", MISSING, IVD_OUTCOME_INCOMPLETE },

  /* Nordjylland: "over 15 år", read as "has turned 15" on the start date. */
  { "nj-age-15", "851", { "patient.cpr=\"231111-4001\"" }, "ELIG-AGE", NONE, IVD_OUTCOME_ELIGIBLE },
  { "nj-age-14", "851", { "patient.cpr=\"241111-4001\"" }, "ELIG-AGE", BLOCK, IVD_OUTCOME_NOT_ELIGIBLE },
  { "nj-age-unknown", "851", { "patient.cpr=" }, "ELIG-AGE", MISSING, -1 },
  { "nj-visits-5", "851", { "treatment.administration_times=[\"07:00\",\"10:00\",\"13:00\",\"16:00\",\"19:00\"]", "treatment.doses_per_day=5" }, "EXCL-VISITS", REVIEW, IVD_OUTCOME_NEEDS_REVIEW },
  { "nj-visits-4", "851", { "treatment.administration_times=[\"07:00\",\"11:00\",\"15:00\",\"19:00\"]", "treatment.doses_per_day=4" }, "EXCL-VISITS", NONE, -1 },
  { "nj-tariff-split", "851", { NULL }, "EXCL-NIGHT", NONE, IVD_OUTCOME_ELIGIBLE },

  /* Midtjylland: "over 3 år"; at most 3 treatments a day (public pages, review). */
  { "mj-age-3", "751", { "patient.cpr=\"231123-4002\"" }, "ELIG-AGE", NONE, -1 },
  { "mj-age-2", "751", { "patient.cpr=\"241123-4002\"" }, "ELIG-AGE", BLOCK, IVD_OUTCOME_NOT_ELIGIBLE },
  { "mj-visits-3", "751", { NULL }, "EXCL-VISITS", NONE, IVD_OUTCOME_ELIGIBLE },
  { "mj-visits-4", "751", { "treatment.administration_times=[\"07:00\",\"11:00\",\"15:00\",\"19:00\"]", "treatment.doses_per_day=4" }, "EXCL-VISITS", REVIEW, IVD_OUTCOME_NEEDS_REVIEW },
  { "mj-first-dose", "751", { "treatment.first_dose_given_in_hospital=false" }, "FIRST-DOSE", REVIEW, -1 },

  /* No agreement in force in our sources: manual review, said plainly. */
  { "sd-no-agreement", "461", { NULL }, "DATA-NO-AGREEMENT", REVIEW, IVD_OUTCOME_NEEDS_REVIEW },
  { "sj-no-agreement", "265", { NULL }, "DATA-NO-AGREEMENT", REVIEW, IVD_OUTCOME_NEEDS_REVIEW },
  { "hs-has-agreement", "101", { NULL }, "DATA-NO-AGREEMENT", NONE, -1 },
};

static void
apply_edit (IvdPlan    *plan,
            const char *edit)
{
  const char *eq = strchr (edit, '=');
  g_autofree char *path = g_strndup (edit, eq - edit);
  g_autoptr(JsonParser) parser = json_parser_new ();
  JsonNode *node;

  if (eq[1] == '\0')
    {
      ivd_plan_unset (plan, path);
      return;
    }

  g_assert_true (json_parser_load_from_data (parser, eq + 1, -1, NULL));
  node = json_parser_get_root (parser);

  if (JSON_NODE_HOLDS_ARRAY (node) && json_array_get_length (json_node_get_array (node)) > 0 &&
      JSON_NODE_HOLDS_OBJECT (json_array_get_element (json_node_get_array (node), 0)))
    {
      /* Lists of objects (the call log) go in as they are. */
      g_autofree char *parent = g_strndup (path, strrchr (path, '.') - path);
      JsonObject *root = ivd_plan_get_root (plan);
      if (!json_object_has_member (root, parent))
        json_object_set_object_member (root, parent, json_object_new ());
      json_object_set_member (json_object_get_object_member (root, parent),
                              strrchr (path, '.') + 1, json_node_copy (node));
    }
  else if (JSON_NODE_HOLDS_ARRAY (node))
    {
      g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
      g_auto(GStrv) values = NULL;
      for (guint i = 0; i < json_array_get_length (json_node_get_array (node)); i++)
        g_strv_builder_add (builder, json_array_get_string_element (json_node_get_array (node), i));
      values = g_strv_builder_end (builder);
      ivd_plan_set_strv (plan, path, (const char * const *) values);
    }
  else if (json_node_get_value_type (node) == G_TYPE_BOOLEAN)
    ivd_plan_set_boolean (plan, path, json_node_get_boolean (node));
  else if (json_node_get_value_type (node) == G_TYPE_INT64)
    ivd_plan_set_int (plan, path, json_node_get_int (node));
  else
    ivd_plan_set_string (plan, path, json_node_get_string (node));
}

static IvdEvaluation *
evaluate_case (IvdCatalog     *catalog,
               const RuleCase *c)
{
  g_autoptr(IvdPlan) plan = ivd_test_plan (IVD_TEST_ELIGIBLE_PLAN);

  ivd_plan_set_string (plan, "patient.municipality_code", c->municipality);
  for (guint i = 0; i < G_N_ELEMENTS (c->edits) && c->edits[i] != NULL; i++)
    apply_edit (plan, c->edits[i]);

  return ivd_test_evaluate (catalog, plan);
}

static void
test_rule_case (gconstpointer data)
{
  const RuleCase *c = data;
  g_autoptr(IvdCatalog) catalog = ivd_test_catalog ();
  g_autoptr(IvdEvaluation) evaluation = evaluate_case (catalog, c);
  g_autoptr(IvdFinding) finding = ivd_test_find (evaluation, c->rule);

  g_assert_cmpint (ivd_test_finding_severity (evaluation, c->rule), ==, c->severity);
  if (c->outcome >= 0)
    g_assert_cmpstr (ivd_outcome_to_string (ivd_evaluation_get_outcome (evaluation)), ==,
                     ivd_outcome_to_string (c->outcome));

  if (finding != NULL)
    {
      /* Every finding names its source and says something a doctor can read,
       * with no placeholder left unfilled. */
      g_assert_nonnull (ivd_finding_get_source (finding));
      g_assert_cmpuint (strlen (ivd_finding_get_message (finding)), >, 20);
      g_assert_null (strchr (ivd_finding_get_message (finding), '{'));
    }
}

static void
test_every_rule_id_covered (void)
{
  const char *ids[] = {
    "ELIG-STARTED", "ELIG-WILLING", "ELIG-NO-ADMISSION", "ELIG-MEDICAL", "ELIG-STABLE", "ELIG-AGE",
    "ELIG-INFORMED", "ELIG-HOME-OK", "COVER-TYPES", "COVER-OTHER", "FIRST-DOSE", "NOT-ALONE",
    "PRIO-ORDER", "EXCL-VISITS", "EXCL-NIGHT", "EXCL-DURATION", "EXCL-CAPACITY", "SUGGEST-PUMP",
  };

  for (guint i = 0; i < G_N_ELEMENTS (ids); i++)
    {
      gboolean fires = FALSE, passes = FALSE;

      for (guint j = 0; j < G_N_ELEMENTS (cases); j++)
        if (g_str_equal (cases[j].rule, ids[i]))
          {
            fires |= cases[j].severity != NONE;
            passes |= cases[j].severity == NONE;
          }

      g_test_message ("%s", ids[i]);
      g_assert_true (fires && passes);
    }
}

static void
test_region_rule_sets_load (void)
{
  g_autoptr(IvdCatalog) catalog = ivd_test_catalog ();
  const char * const *regions = ivd_catalog_get_region_ids ();

  g_assert_cmpuint (g_list_model_get_n_items (ivd_catalog_get_municipalities (catalog)), ==, 98);

  for (guint i = 0; regions[i] != NULL; i++)
    {
      g_autoptr(GError) error = NULL;
      IvdRuleSet *rule_set = ivd_catalog_get_rule_set (catalog, regions[i], &error);
      GListModel *rules;

      g_assert_no_error (error);
      rules = ivd_rule_set_get_rules (rule_set);
      g_assert_cmpuint (g_list_model_get_n_items (rules), >, 0);

      for (guint j = 0; j < g_list_model_get_n_items (rules); j++)
        {
          g_autoptr(IvdRule) rule = g_list_model_get_item (rules, j);
          g_autofree char *text = ivd_rule_dup_text (rule);

          /* Outside the agreement text: review, never block (domain §15). */
          if (ivd_rule_get_outside_seeds (rule))
            g_assert_cmpint (ivd_rule_get_severity (rule), !=, IVD_SEVERITY_BLOCK);
          g_assert_null (strchr (text, '{'));
        }
    }
}

static char *
copy_data_dir (void)
{
  g_autofree char *dir = g_dir_make_tmp ("ivd-rules-XXXXXX", NULL);
  g_autofree char *rules = g_build_filename (dir, "rules", NULL);
  const char *src = g_getenv ("IVD_DATA_DIR");
  const char *files[] = { "municipalities.json", "supplies.json", "rules/hovedstaden.json", "rules/nordjylland.json" };

  g_assert_cmpint (g_mkdir (rules, 0700), ==, 0);
  for (guint i = 0; i < G_N_ELEMENTS (files); i++)
    {
      g_autofree char *from = g_build_filename (src, files[i], NULL);
      g_autofree char *to = g_build_filename (dir, files[i], NULL);
      g_autofree char *contents = NULL;
      gsize length;

      g_assert_true (g_file_get_contents (from, &contents, &length, NULL));
      g_assert_true (g_file_set_contents (to, contents, length, NULL));
    }

  return g_steal_pointer (&dir);
}

static void
replace_in_file (const char *path,
                 const char *from,
                 const char *to)
{
  g_autofree char *contents = NULL;
  g_autoptr(GString) text = NULL;

  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  text = g_string_new (contents);
  g_assert_cmpuint (g_string_replace (text, from, to, 0), ==, 1);
  g_assert_true (g_file_set_contents (path, text->str, text->len, NULL));
}

/* A clinician edits a limit in the data file: the next evaluation uses it,
 * with no rebuild. */
static void
test_limit_is_data (void)
{
  g_autofree char *dir = copy_data_dir ();
  g_autofree char *hovedstaden = g_build_filename (dir, "rules", "hovedstaden.json", NULL);
  g_autofree char *nordjylland = g_build_filename (dir, "rules", "nordjylland.json", NULL);
  g_autoptr(IvdPlan) plan = ivd_test_plan (IVD_TEST_ELIGIBLE_PLAN);
  g_autoptr(IvdCatalog) before = ivd_catalog_new ((const char * const[]) { dir, NULL }, NULL);
  g_autoptr(IvdCatalog) after = NULL;
  g_autoptr(IvdEvaluation) e1 = ivd_test_evaluate (before, plan);
  g_autoptr(IvdEvaluation) e2 = NULL;
  g_autoptr(IvdEvaluation) e3 = NULL;
  g_autoptr(IvdFinding) finding = NULL;

  g_assert_cmpint (ivd_test_finding_severity (e1, "EXCL-VISITS"), ==, NONE);

  replace_in_file (hovedstaden, "\"max_visits\": 4", "\"max_visits\": 2");
  replace_in_file (nordjylland, "\"min_age\": 15", "\"min_age\": 80");
  after = ivd_catalog_new ((const char * const[]) { dir, NULL }, NULL);
  e2 = ivd_test_evaluate (after, plan);
  g_assert_cmpint (ivd_test_finding_severity (e2, "EXCL-VISITS"), ==, BLOCK);
  finding = ivd_test_find (e2, "EXCL-VISITS");
  g_assert_nonnull (strstr (ivd_finding_get_message (finding), "more than 2"));

  ivd_plan_set_string (plan, "patient.municipality_code", "851");
  e3 = ivd_test_evaluate (after, plan);
  g_assert_cmpint (ivd_test_finding_severity (e3, "ELIG-AGE"), ==, BLOCK);
}

static void
test_broken_rule_file_refused (void)
{
  g_autofree char *dir = copy_data_dir ();
  g_autofree char *hovedstaden = g_build_filename (dir, "rules", "hovedstaden.json", NULL);
  g_autoptr(IvdCatalog) catalog = ivd_catalog_new ((const char * const[]) { dir, NULL }, NULL);
  g_autoptr(GError) error = NULL;

  replace_in_file (hovedstaden, "\"check\": \"max_visits\"", "\"check\": \"max_vists\"");
  g_assert_null (ivd_catalog_get_rule_set (catalog, "hovedstaden", &error));
  g_assert_error (error, IVD_ERROR, IVD_ERROR_DATA);
  g_assert_nonnull (strstr (error->message, "hovedstaden.json"));
  g_assert_nonnull (strstr (error->message, "max_vists"));
}

static void
test_checklist_and_ready (void)
{
  g_autoptr(IvdCatalog) catalog = ivd_test_catalog ();
  g_autoptr(IvdPlan) plan = ivd_test_plan (IVD_TEST_ELIGIBLE_PLAN);
  g_autoptr(IvdEvaluation) open = ivd_test_evaluate (catalog, plan);
  g_autoptr(IvdEvaluation) done = NULL;
  GListModel *items = ivd_evaluation_get_checklist (open);
  g_autoptr(GPtrArray) ids = g_ptr_array_new_with_free_func (g_free);

  g_assert_false (ivd_evaluation_get_ready (open));
  /* Antibiotics by intermittent infusion: medicine, no fluid, no pump. */
  for (guint i = 0; i < g_list_model_get_n_items (items); i++)
    {
      g_autoptr(IvdChecklistItem) item = g_list_model_get_item (items, i);
      g_ptr_array_add (ids, g_strdup (ivd_checklist_item_get_id (item)));
    }
  g_ptr_array_add (ids, NULL);
  g_assert_true (g_strv_contains ((const char * const *) ids->pdata, "SUPPLY-MEDICINE"));
  g_assert_true (g_strv_contains ((const char * const *) ids->pdata, "FMK-STOP"));
  g_assert_false (g_strv_contains ((const char * const *) ids->pdata, "SUPPLY-FLUID"));
  g_assert_false (g_strv_contains ((const char * const *) ids->pdata, "SUPPLY-PUMP"));

  for (guint i = 0; i < ids->len - 1; i++)
    {
      g_autofree char *path = g_strconcat ("checklist.", (char *) ids->pdata[i], NULL);
      ivd_plan_set_boolean (plan, path, TRUE);
    }
  done = ivd_test_evaluate (catalog, plan);
  g_assert_true (ivd_evaluation_get_ready (done));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/rules/%s/%s", cases[i].rule, cases[i].name);
      g_test_add_data_func (path, &cases[i], test_rule_case);
    }
  g_test_add_func ("/rules/every-rule-id-both-sides", test_every_rule_id_covered);
  g_test_add_func ("/rules/rule-sets-load", test_region_rule_sets_load);
  g_test_add_func ("/rules/limit-is-data", test_limit_is_data);
  g_test_add_func ("/rules/broken-rule-file-refused", test_broken_rule_file_refused);
  g_test_add_func ("/rules/checklist-and-ready", test_checklist_and_ready);

  return g_test_run ();
}
