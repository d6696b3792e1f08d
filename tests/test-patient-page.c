#include "config.h"

#include "ivd-findings-group.h"
#include "ivd-patient-page.h"
#include "ivd-test-editor.h"

/* Step 1 in a real window: the CPR number checked as it is typed, the
 * municipality chosen by search with the region following, findings as
 * the doctor answers, and every answer autosaved. */

#define NEW_PLAN "{\"format\": \"iv-discharge-plan/1\"}"

static GtkWidget *
page (IvdTestEditor *f)
{
  return ivd_test_editor_find_by_type (GTK_WIDGET (f->editor), IVD_TYPE_PATIENT_PAGE);
}

static void
test_controls (void)
{
  IvdTestEditor f = { 0 };
  const char *titles[] = { "CPR number", "Name", "Home municipality", "Region" };

  ivd_test_editor_set_up (&f, NEW_PLAN);
  g_assert_nonnull (page (&f));
  for (guint i = 0; i < G_N_ELEMENTS (titles); i++)
    g_assert_nonnull (ivd_test_editor_find_row (page (&f), titles[i]));
  g_assert_nonnull (ivd_test_editor_find_by_type (page (&f), GTK_TYPE_DROP_DOWN));

  /* A new plan has no municipality: the drop-down must not pick one. */
  g_assert_null (ivd_plan_get_string (ivd_plan_session_get_plan (f.session), "patient.municipality_code"));
  g_assert_cmpuint (gtk_drop_down_get_selected (GTK_DROP_DOWN (ivd_test_editor_find_by_type (page (&f), GTK_TYPE_DROP_DOWN))),
                    ==, GTK_INVALID_LIST_POSITION);
  ivd_test_editor_tear_down (&f);
}

static void
test_cpr (void)
{
  IvdTestEditor f = { 0 };
  GtkWidget *row;
  g_autofree char *stored = NULL;

  ivd_test_editor_set_up (&f, NEW_PLAN);
  row = ivd_test_editor_find_row (page (&f), "CPR number");

  /* Still typing: no error yet. */
  gtk_editable_set_text (GTK_EDITABLE (row), "3102");
  g_assert_false (gtk_widget_has_css_class (row, "error"));

  /* 31 February is no date: the inline error says so. */
  gtk_editable_set_text (GTK_EDITABLE (row), "310250-1234");
  g_assert_true (gtk_widget_has_css_class (row, "error"));
  g_assert_nonnull (ivd_test_editor_find_label (row, "not a valid date of birth"));

  gtk_editable_set_text (GTK_EDITABLE (row), "150650-1237");
  g_assert_false (gtk_widget_has_css_class (row, "error"));
  /* Age on the start date (none given: today, 22 Nov 2026) and sex. */
  g_assert_nonnull (ivd_test_editor_find_label (row, "76 years, male"));

  ivd_test_editor_wait_saved (&f);
  stored = ivd_test_editor_stored_string (&f, "patient.cpr");
  g_assert_cmpstr (stored, ==, "150650-1237");
  ivd_test_editor_tear_down (&f);
}

static void
test_municipality (void)
{
  IvdTestEditor f = { 0 };
  GtkDropDown *dropdown;
  GListModel *model;
  GtkWidget *findings;
  g_autofree char *stored = NULL;
  guint position = GTK_INVALID_LIST_POSITION;

  ivd_test_editor_set_up (&f, NEW_PLAN);
  dropdown = GTK_DROP_DOWN (ivd_test_editor_find_by_type (page (&f), GTK_TYPE_DROP_DOWN));
  model = gtk_drop_down_get_model (dropdown);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 98);

  /* Missing municipality: a finding says so, with its rule id. */
  findings = ivd_test_editor_find_by_type (page (&f), IVD_TYPE_FINDINGS_GROUP);
  g_assert_true (gtk_widget_get_visible (findings));

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(IvdMunicipality) municipality = g_list_model_get_item (model, i);
      if (g_str_equal (ivd_municipality_get_code (municipality), "851"))
        position = i;
    }
  gtk_drop_down_set_selected (dropdown, position);

  g_assert_cmpstr (ivd_plan_get_string (ivd_plan_session_get_plan (f.session), "patient.municipality_code"), ==, "851");
  g_assert_cmpstr (ivd_evaluation_get_region (ivd_plan_session_get_evaluation (f.session)), ==, "nordjylland");
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (ivd_test_editor_find_row (page (&f), "Region"))), ==,
                   "North Denmark Region");

  ivd_test_editor_wait_saved (&f);
  stored = ivd_test_editor_stored_string (&f, "patient.municipality_code");
  g_assert_cmpstr (stored, ==, "851");
  ivd_test_editor_tear_down (&f);
}

/* The department that keeps the responsibility is entered here and
 * reaches the store; a mistyped EAN is marked. */
static void
test_department (void)
{
  IvdTestEditor f = { 0 };
  GtkWidget *ean;
  g_autofree char *stored = NULL;

  ivd_test_editor_set_up (&f, NEW_PLAN);
  gtk_editable_set_text (GTK_EDITABLE (ivd_test_editor_find_row (page (&f), "Department")), "Infektionsmedicinsk afdeling");
  gtk_editable_set_text (GTK_EDITABLE (ivd_test_editor_find_row (page (&f), "Phone, day and night")), "+45 00 00 00 00");
  ean = ivd_test_editor_find_row (page (&f), "EAN location number");
  gtk_editable_set_text (GTK_EDITABLE (ean), "5790000000013");
  g_assert_true (gtk_widget_has_css_class (ean, "error"));
  gtk_editable_set_text (GTK_EDITABLE (ean), "5790000000012");
  g_assert_false (gtk_widget_has_css_class (ean, "error"));

  ivd_test_editor_wait_saved (&f);
  stored = ivd_test_editor_stored_string (&f, "responsible.department");
  g_assert_cmpstr (stored, ==, "Infektionsmedicinsk afdeling");
  g_clear_pointer (&stored, g_free);
  stored = ivd_test_editor_stored_string (&f, "responsible.ean");
  g_assert_cmpstr (stored, ==, "5790000000012");
  ivd_test_editor_tear_down (&f);
}

int
main (int   argc,
      char *argv[])
{
  ivd_test_editor_init (&argc, &argv);

  g_test_add_func ("/patient-page/controls", test_controls);
  g_test_add_func ("/patient-page/cpr", test_cpr);
  g_test_add_func ("/patient-page/municipality", test_municipality);
  g_test_add_func ("/patient-page/department", test_department);

  return g_test_run ();
}
