#include "config.h"

#include "ivd-findings-group.h"
#include "ivd-supplies-page.h"
#include "ivd-supply-row.h"
#include "ivd-test-editor.h"

/* Step 7 in a real window: the computed supply list with a quantity per
 * line that the doctor can adjust (stored in supplies.adjusted, read by
 * the evaluation and so by every export) and reset; delivery to the home
 * or to the depot, whose address comes from the municipality directory;
 * the SUPPLY-* checklist items. */

#define NEW_PLAN "{\"format\": \"iv-discharge-plan/1\"}"
#define MEDICINE_KEY "medicine/Cefuroxim 1,5 g"

static GtkWidget *
page (IvdTestEditor *f)
{
  return ivd_test_editor_find_by_type (GTK_WIDGET (f->editor), IVD_TYPE_SUPPLIES_PAGE);
}

static IvdPlan *
plan (IvdTestEditor *f)
{
  return ivd_plan_session_get_plan (f->session);
}

static IvdSupply *
supply_of (IvdTestEditor *f,
           const char    *key)
{
  GListModel *supplies = ivd_evaluation_get_supplies (ivd_plan_session_get_evaluation (f->session));

  for (guint i = 0; i < g_list_model_get_n_items (supplies); i++)
    {
      g_autoptr(IvdSupply) supply = g_list_model_get_item (supplies, i);
      if (g_str_equal (ivd_supply_get_key (supply), key))
        return g_steal_pointer (&supply);
    }
  return NULL;
}

static guint
count_rows (GtkWidget *root)
{
  guint n = 0;

  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL; child = gtk_widget_get_next_sibling (child))
    n += (IVD_IS_SUPPLY_ROW (child) ? 1 : 0) + count_rows (child);
  return n;
}

/* The reset button of a supply row: the one that acts on supplies.reset. */
static GtkWidget *
find_reset (GtkWidget *root)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found;

      if (GTK_IS_BUTTON (child) &&
          g_strcmp0 (gtk_actionable_get_action_name (GTK_ACTIONABLE (child)), "supplies.reset") == 0)
        return child;
      if ((found = find_reset (child)) != NULL)
        return found;
    }
  return NULL;
}

static void
test_rows (void)
{
  IvdTestEditor f = { 0 };
  GtkWidget *row;
  GtkSpinButton *spin;

  ivd_test_editor_set_up (&f, IVD_TEST_ELIGIBLE_PLAN);
  g_assert_nonnull (page (&f));
  g_assert_cmpuint (count_rows (page (&f)),
                    ==, g_list_model_get_n_items (ivd_evaluation_get_supplies (ivd_plan_session_get_evaluation (f.session))));
  g_assert_cmpuint (count_rows (page (&f)), >=, 5);

  /* 3 doses a day for 8 days. */
  row = ivd_test_editor_find_row (page (&f), "Cefuroxim 1,5 g");
  g_assert_true (IVD_IS_SUPPLY_ROW (row));
  spin = GTK_SPIN_BUTTON (ivd_test_editor_find_by_type (row, GTK_TYPE_SPIN_BUTTON));
  g_assert_cmpint ((int) gtk_spin_button_get_value (spin), ==, 24);
  g_assert_nonnull (ivd_test_editor_find_label (row, "doses"));
  g_assert_false (gtk_widget_get_visible (find_reset (row)));
  g_assert_nonnull (ivd_test_editor_find_row (page (&f), "Infusion set"));

  /* No treatment days: the quantity is not shown as 0. */
  ivd_plan_unset (plan (&f), "treatment.days");
  row = ivd_test_editor_find_row (page (&f), "Cefuroxim 1,5 g");
  g_assert_false (gtk_widget_get_visible (ivd_test_editor_find_by_type (row, GTK_TYPE_SPIN_BUTTON)));
  g_assert_nonnull (ivd_test_editor_find_label (row, "not computed"));
  ivd_test_editor_tear_down (&f);
}

static void
test_no_supplies (void)
{
  IvdTestEditor f = { 0 };

  ivd_test_editor_set_up (&f, NEW_PLAN);
  g_assert_cmpuint (count_rows (page (&f)), ==, 0);
  g_assert_true (gtk_widget_get_visible (ivd_test_editor_find_row (page (&f), "No supplies computed")));
  ivd_test_editor_tear_down (&f);
}

static void
test_adjust_and_reset (void)
{
  IvdTestEditor f = { 0 };
  GtkWidget *row;
  GtkSpinButton *spin;
  g_autoptr(IvdSupply) adjusted = NULL;
  g_autoptr(IvdSupply) reset = NULL;
  g_autoptr(IvdPlanRecord) stored = NULL;
  g_autoptr(GError) error = NULL;
  gint64 quantity = -1;

  ivd_test_editor_set_up (&f, IVD_TEST_ELIGIBLE_PLAN);
  row = ivd_test_editor_find_row (page (&f), "Cefuroxim 1,5 g");
  spin = GTK_SPIN_BUTTON (ivd_test_editor_find_by_type (row, GTK_TYPE_SPIN_BUTTON));

  gtk_spin_button_set_value (spin, 30);
  g_assert_true (ivd_plan_lookup_adjusted_supply (plan (&f), MEDICINE_KEY, &quantity));
  g_assert_cmpint (quantity, ==, 30);
  adjusted = supply_of (&f, MEDICINE_KEY);
  g_assert_true (ivd_supply_get_adjusted (adjusted));
  g_assert_cmpint (ivd_supply_get_quantity (adjusted), ==, 30);

  /* The same row, updated in place: it says what was computed. */
  g_assert_true (ivd_test_editor_find_row (page (&f), "Cefuroxim 1,5 g") == row);
  g_assert_nonnull (strstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), "computed: 24"));
  g_assert_true (gtk_widget_get_visible (find_reset (row)));

  /* Saved, as the autosave does. */
  g_assert_true (ivd_plan_session_flush (f.session, &error));
  g_assert_no_error (error);
  stored = ivd_store_load_plan (f.store, ivd_plan_record_get_id (ivd_plan_session_get_record (f.session)), &error);
  g_assert_no_error (error);
  g_assert_true (ivd_plan_lookup_adjusted_supply (ivd_plan_record_get_plan (stored), MEDICINE_KEY, &quantity));
  g_assert_cmpint (quantity, ==, 30);

  g_signal_emit_by_name (find_reset (row), "clicked");
  g_assert_false (ivd_plan_has (plan (&f), "supplies.adjusted"));
  reset = supply_of (&f, MEDICINE_KEY);
  g_assert_false (ivd_supply_get_adjusted (reset));
  g_assert_cmpint ((int) gtk_spin_button_get_value (spin), ==, 24);
  g_assert_false (gtk_widget_get_visible (find_reset (row)));

  /* Typing the computed quantity is no adjustment either. */
  gtk_spin_button_set_value (spin, 25);
  gtk_spin_button_set_value (spin, 24);
  g_assert_false (ivd_plan_has (plan (&f), "supplies.adjusted"));
  ivd_test_editor_tear_down (&f);
}

static void
test_delivery (void)
{
  IvdTestEditor f = { 0 };
  GtkWidget *home, *depot, *address;

  ivd_test_editor_set_up (&f, IVD_TEST_ELIGIBLE_PLAN);
  home = ivd_test_editor_find_by_type (ivd_test_editor_find_row (page (&f), "To the patient’s home"), GTK_TYPE_CHECK_BUTTON);
  depot = ivd_test_editor_find_by_type (ivd_test_editor_find_row (page (&f), "To the municipal depot"),
                                        GTK_TYPE_CHECK_BUTTON);
  address = ivd_test_editor_find_row (page (&f), "Depot address");

  /* Not chosen: neither is ticked, and nothing is written. */
  g_assert_false (gtk_check_button_get_active (GTK_CHECK_BUTTON (home)));
  g_assert_false (gtk_check_button_get_active (GTK_CHECK_BUTTON (depot)));
  g_assert_false (ivd_plan_has (plan (&f), "supplies.delivery"));
  g_assert_false (gtk_widget_get_visible (address));

  /* An empty municipality directory: the depot is not filled in. */
  gtk_check_button_set_active (GTK_CHECK_BUTTON (depot), TRUE);
  g_assert_cmpstr (ivd_plan_get_string (plan (&f), "supplies.delivery"), ==, "depot");
  g_assert_true (gtk_widget_get_visible (address));
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (address)), ==, "not filled in");

  gtk_check_button_set_active (GTK_CHECK_BUTTON (home), TRUE);
  g_assert_cmpstr (ivd_plan_get_string (plan (&f), "supplies.delivery"), ==, "home");
  g_assert_false (gtk_check_button_get_active (GTK_CHECK_BUTTON (depot)));
  g_assert_false (gtk_widget_get_visible (address));

  /* A change from elsewhere shows. */
  ivd_plan_set_string (plan (&f), "supplies.delivery", "depot");
  g_assert_true (gtk_check_button_get_active (GTK_CHECK_BUTTON (depot)));
  ivd_test_editor_tear_down (&f);
}

static void
test_checklist (void)
{
  IvdTestEditor f = { 0 };
  GtkWidget *row;
  GtkWidget *findings;
  gboolean done = FALSE;

  ivd_test_editor_set_up (&f, IVD_TEST_ELIGIBLE_PLAN);
  /* An antibiotic by intermittent infusion: medicine, nursing, disposal. */
  g_assert_nonnull (ivd_test_editor_find_row (page (&f), "Nursing articles for the treatment are sent."));
  g_assert_nonnull (ivd_test_editor_find_row (page (&f),
                                              "Collection equipment for safe destruction of material and drug residue is sent."));
  g_assert_null (ivd_test_editor_find_row (page (&f), "The IV pump is sent."));
  row = ivd_test_editor_find_row (page (&f), "All prescribed IV medicine is sent.");
  g_assert_nonnull (row);

  gtk_check_button_set_active (GTK_CHECK_BUTTON (ivd_test_editor_find_by_type (row, GTK_TYPE_CHECK_BUTTON)), TRUE);
  g_assert_true (ivd_plan_lookup_boolean (plan (&f), "checklist.SUPPLY-MEDICINE", &done));
  g_assert_true (done);

  /* The row stays, bound, after the evaluation that followed. */
  g_assert_true (ivd_test_editor_find_row (page (&f), "All prescribed IV medicine is sent.") == row);

  findings = ivd_test_editor_find_by_type (page (&f), IVD_TYPE_FINDINGS_GROUP);
  g_assert_nonnull (findings);
  ivd_test_editor_tear_down (&f);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autofree char *home = g_dir_make_tmp ("ivd-supplies-home-XXXXXX", &error);
  int status;

  /* An empty municipality directory, and nothing written outside a
   * temporary folder. */
  g_assert_no_error (error);
  g_setenv ("HOME", home, TRUE);
  g_setenv ("XDG_DATA_HOME", home, TRUE);
  ivd_test_editor_init (&argc, &argv);

  g_test_add_func ("/supplies-page/rows", test_rows);
  g_test_add_func ("/supplies-page/no-supplies", test_no_supplies);
  g_test_add_func ("/supplies-page/adjust-and-reset", test_adjust_and_reset);
  g_test_add_func ("/supplies-page/delivery", test_delivery);
  g_test_add_func ("/supplies-page/checklist", test_checklist);

  status = g_test_run ();
  ivd_test_remove_tree (home);
  return status;
}
