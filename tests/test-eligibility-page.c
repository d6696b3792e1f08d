#include "config.h"

#include "ivd-eligibility-page.h"
#include "ivd-findings-group.h"
#include "ivd-test-editor.h"

/* Step 2 in a real window: the agreement's criteria as yes/no questions,
 * findings with their rule ids as the doctor answers, an unanswered
 * question left missing, the place of treatment with the home question
 * only for a home, and every answer autosaved. */

#define HOVEDSTADEN_PLAN "{\"format\": \"iv-discharge-plan/1\", \"patient\": {\"municipality_code\": \"101\"}}"
#define SJAELLAND_PLAN "{\"format\": \"iv-discharge-plan/1\", \"patient\": {\"municipality_code\": \"265\"}}"
#define NEW_PLAN "{\"format\": \"iv-discharge-plan/1\"}"

#define STARTED "Was the IV treatment started in hospital?"
#define PLACE "Where will the treatment be given?"
#define HOME "Have municipal staff assessed the home suitable?"

/* The app's own questions, for a region without rules; all but the last
 * two are word for word those of the rule files. */
static const char *questions[] = {
  STARTED,
  "Does the need for IV treatment require admission?",
  "Has a doctor assessed the citizen medically suitable for IV treatment in municipal care?",
  "Does the citizen accept IV treatment in municipal care?",
  "Is the citizen’s condition and course stable?",
  "Has the citizen been told that the hospital keeps treatment responsibility, and what happens if "
  "something unforeseen occurs?",
};

static const struct
{
  const char *rule_id;
  const char *path;
} criteria[] = {
  { "ELIG-STARTED", "started_in_hospital" },
  { "ELIG-NO-ADMISSION", "requires_admission" },
  { "ELIG-MEDICAL", "medically_suitable" },
  { "ELIG-WILLING", "patient_consents" },
  { "ELIG-STABLE", "stable" },
  { "ELIG-INFORMED", "patient_informed" },
};

static GtkWidget *
page (IvdTestEditor *f)
{
  return ivd_test_editor_find_by_type (GTK_WIDGET (f->editor), IVD_TYPE_ELIGIBILITY_PAGE);
}

static GtkWidget *
row (IvdTestEditor *f,
     const char    *title)
{
  GtkWidget *found = ivd_test_editor_find_row (page (f), title);

  g_assert_nonnull (found);
  return found;
}

/* The row's Yes (first) or No (second) button. */
static GtkToggleButton *
answer_button (GtkWidget *row,
               gboolean   yes)
{
  GtkWidget *first = ivd_test_editor_find_by_type (row, GTK_TYPE_TOGGLE_BUTTON);

  g_assert_nonnull (first);
  return GTK_TOGGLE_BUTTON (yes ? first : gtk_widget_get_next_sibling (first));
}

static void
press (GtkWidget *row,
       gboolean   yes)
{
  GtkToggleButton *button = answer_button (row, yes);

  gtk_toggle_button_set_active (button, !gtk_toggle_button_get_active (button));
}

static int
severity (IvdTestEditor *f,
          const char    *rule_id)
{
  return ivd_test_finding_severity (ivd_plan_session_get_evaluation (f->session), rule_id);
}

/* The finding's rule id shows in the step's findings. */
static gboolean
finding_shown (IvdTestEditor *f,
               const char    *rule_id)
{
  GtkWidget *findings = ivd_test_editor_find_by_type (page (f), IVD_TYPE_FINDINGS_GROUP);

  return gtk_widget_get_visible (findings) && ivd_test_editor_find_label (findings, rule_id) != NULL;
}

/* The stored plan's boolean at @path: 0, 1, or -1 when it has none. */
static int
stored_boolean (IvdTestEditor *f,
                const char    *path)
{
  g_autoptr(GError) error = NULL;
  IvdPlanRecord *current = ivd_plan_session_get_record (f->session);
  g_autoptr(IvdPlanRecord) record = ivd_store_load_plan (f->store, ivd_plan_record_get_id (current), &error);
  gboolean value;

  g_assert_no_error (error);
  if (!ivd_plan_lookup_boolean (ivd_plan_record_get_plan (record), path, &value))
    return -1;
  return value;
}

static void
test_controls (void)
{
  IvdTestEditor f = { 0 };
  g_autoptr(GError) error = NULL;
  IvdRuleSet *rules;

  ivd_test_editor_set_up (&f, HOVEDSTADEN_PLAN);
  g_assert_nonnull (page (&f));
  rules = ivd_catalog_get_rule_set (f.catalog, "hovedstaden", &error);
  g_assert_no_error (error);

  /* Each criterion as the agreement's own question, open until answered. */
  for (guint i = 0; i < G_N_ELEMENTS (criteria); i++)
    {
      IvdRule *rule = ivd_rule_set_lookup_rule (rules, criteria[i].rule_id);
      GtkWidget *question = row (&f, ivd_rule_get_question (rule));

      g_assert_cmpstr (ivd_rule_get_param_string (rule, "field"), ==, criteria[i].path);
      g_assert_cmpstr (gtk_button_get_label (GTK_BUTTON (answer_button (question, TRUE))), ==, "Yes");
      g_assert_cmpstr (gtk_button_get_label (GTK_BUTTON (answer_button (question, FALSE))), ==, "No");
      g_assert_false (gtk_toggle_button_get_active (answer_button (question, TRUE)));
      g_assert_false (gtk_toggle_button_get_active (answer_button (question, FALSE)));
    }
  /* The rule file's wording, not the app's. */
  g_assert_null (ivd_test_editor_find_row (page (&f), questions[G_N_ELEMENTS (questions) - 1]));

  /* No place yet, and so no home question. */
  g_assert_cmpuint (adw_combo_row_get_selected (ADW_COMBO_ROW (row (&f, PLACE))), ==, 0);
  g_assert_false (gtk_widget_get_visible (row (&f, HOME)));
  g_assert_true (finding_shown (&f, "DATA-PLACE"));
  ivd_test_editor_tear_down (&f);
}

static void
test_started (void)
{
  IvdTestEditor f = { 0 };
  IvdPlan *plan;

  ivd_test_editor_set_up (&f, HOVEDSTADEN_PLAN);
  plan = ivd_plan_session_get_plan (f.session);

  /* Unanswered: missing, never a default. */
  g_assert_false (ivd_plan_has (plan, "started_in_hospital"));
  g_assert_cmpint (severity (&f, "ELIG-STARTED"), ==, IVD_SEVERITY_MISSING);
  g_assert_true (finding_shown (&f, "ELIG-STARTED"));

  /* "No" blocks, with its rule id and message. */
  press (row (&f, STARTED), FALSE);
  g_assert_cmpint (severity (&f, "ELIG-STARTED"), ==, IVD_SEVERITY_BLOCK);
  g_assert_true (finding_shown (&f, "ELIG-STARTED"));
  g_assert_nonnull (ivd_test_editor_find_label (page (&f), "has not been started in hospital"));
  ivd_test_editor_wait_saved (&f);
  g_assert_cmpint (stored_boolean (&f, "started_in_hospital"), ==, 0);

  /* "Yes": the finding goes. */
  press (row (&f, STARTED), TRUE);
  g_assert_false (gtk_toggle_button_get_active (answer_button (row (&f, STARTED), FALSE)));
  g_assert_cmpint (severity (&f, "ELIG-STARTED"), ==, -1);
  g_assert_false (finding_shown (&f, "ELIG-STARTED"));
  ivd_test_editor_wait_saved (&f);
  g_assert_cmpint (stored_boolean (&f, "started_in_hospital"), ==, 1);

  /* Pressed again: the answer is taken back and the fact is missing again. */
  press (row (&f, STARTED), TRUE);
  g_assert_false (ivd_plan_has (plan, "started_in_hospital"));
  g_assert_cmpint (severity (&f, "ELIG-STARTED"), ==, IVD_SEVERITY_MISSING);
  ivd_test_editor_wait_saved (&f);
  g_assert_cmpint (stored_boolean (&f, "started_in_hospital"), ==, -1);
  ivd_test_editor_tear_down (&f);
}

/* "Requires admission" blocks on yes, not no: the page stores the answer
 * as given and leaves the meaning to the rule. */
static void
test_admission (void)
{
  IvdTestEditor f = { 0 };
  const char *question = "Does the need for IV treatment require admission?";

  ivd_test_editor_set_up (&f, HOVEDSTADEN_PLAN);
  press (row (&f, question), TRUE);
  g_assert_cmpint (severity (&f, "ELIG-NO-ADMISSION"), ==, IVD_SEVERITY_BLOCK);
  press (row (&f, question), FALSE);
  g_assert_cmpint (severity (&f, "ELIG-NO-ADMISSION"), ==, -1);
  ivd_test_editor_wait_saved (&f);
  g_assert_cmpint (stored_boolean (&f, "requires_admission"), ==, 0);
  ivd_test_editor_tear_down (&f);
}

static guint
place_position (AdwComboRow *combo,
                const char  *label)
{
  GListModel *model = adw_combo_row_get_model (combo);

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    if (g_str_equal (gtk_string_list_get_string (GTK_STRING_LIST (model), i), label))
      return i;
  g_assert_not_reached ();
}

static void
test_place (void)
{
  IvdTestEditor f = { 0 };
  AdwComboRow *combo;
  IvdPlan *plan;
  g_autofree char *stored = NULL;

  ivd_test_editor_set_up (&f, HOVEDSTADEN_PLAN);
  plan = ivd_plan_session_get_plan (f.session);
  combo = ADW_COMBO_ROW (row (&f, PLACE));
  g_assert_cmpuint (g_list_model_get_n_items (adw_combo_row_get_model (combo)), ==, 7);
  g_assert_false (ivd_plan_has (plan, "place.kind"));

  /* A nursing home is the citizen's home: the home question appears. */
  adw_combo_row_set_selected (combo, place_position (combo, "Nursing home"));
  g_assert_cmpstr (ivd_plan_get_string (plan, "place.kind"), ==, "nursing_home");
  g_assert_false (finding_shown (&f, "DATA-PLACE"));
  g_assert_true (gtk_widget_get_visible (row (&f, HOME)));
  g_assert_cmpint (severity (&f, "ELIG-HOME-OK"), ==, IVD_SEVERITY_MISSING);
  press (row (&f, HOME), FALSE);
  g_assert_cmpint (severity (&f, "ELIG-HOME-OK"), ==, IVD_SEVERITY_BLOCK);
  press (row (&f, HOME), TRUE);
  g_assert_cmpint (severity (&f, "ELIG-HOME-OK"), ==, -1);

  /* A clinic is not: no question, no finding. */
  adw_combo_row_set_selected (combo, place_position (combo, "Municipal nursing clinic"));
  g_assert_false (gtk_widget_get_visible (row (&f, HOME)));
  g_assert_cmpint (severity (&f, "ELIG-HOME-OK"), ==, -1);
  ivd_test_editor_wait_saved (&f);
  stored = ivd_test_editor_stored_string (&f, "place.kind");
  g_assert_cmpstr (stored, ==, "clinic");

  /* "Not chosen" takes the place back. */
  adw_combo_row_set_selected (combo, 0);
  g_assert_false (ivd_plan_has (plan, "place.kind"));
  g_assert_true (finding_shown (&f, "DATA-PLACE"));

  /* A place set elsewhere (another window, a conflict resolved) shows. */
  ivd_plan_set_string (plan, "place.kind", "home");
  g_assert_cmpuint (adw_combo_row_get_selected (combo), ==, place_position (combo, "Own home"));
  g_assert_true (gtk_widget_get_visible (row (&f, HOME)));
  ivd_test_editor_tear_down (&f);
}

/* No agreement (Region Zealand) or no region yet: the same questions, in
 * the app's own words, and the home question for a home. */
static void
test_without_rules (void)
{
  const char *plans[] = { SJAELLAND_PLAN, NEW_PLAN };

  for (guint p = 0; p < G_N_ELEMENTS (plans); p++)
    {
      IvdTestEditor f = { 0 };
      AdwComboRow *combo;
      gboolean started = TRUE;

      ivd_test_editor_set_up (&f, plans[p]);
      /* No region yet: the page says why no findings come. */
      g_assert_true ((ivd_test_editor_find_label (page (&f), "findings follow once the home municipality") != NULL)
                     == g_str_equal (plans[p], NEW_PLAN));
      for (guint i = 0; i < G_N_ELEMENTS (questions); i++)
        g_assert_nonnull (ivd_test_editor_find_row (page (&f), questions[i]));

      combo = ADW_COMBO_ROW (row (&f, PLACE));
      adw_combo_row_set_selected (combo, place_position (combo, "Residential facility"));
      g_assert_true (gtk_widget_get_visible (row (&f, HOME)));
      adw_combo_row_set_selected (combo, place_position (combo, "Municipal acute bed"));
      g_assert_false (gtk_widget_get_visible (row (&f, HOME)));

      press (row (&f, STARTED), FALSE);
      g_assert_true (ivd_plan_lookup_boolean (ivd_plan_session_get_plan (f.session), "started_in_hospital", &started));
      g_assert_false (started);
      ivd_test_editor_tear_down (&f);
    }
}

int
main (int   argc,
      char *argv[])
{
  ivd_test_editor_init (&argc, &argv);

  g_test_add_func ("/eligibility-page/controls", test_controls);
  g_test_add_func ("/eligibility-page/started", test_started);
  g_test_add_func ("/eligibility-page/admission", test_admission);
  g_test_add_func ("/eligibility-page/place", test_place);
  g_test_add_func ("/eligibility-page/without-rules", test_without_rules);

  return g_test_run ();
}
