#include "config.h"

#include "ivd-checklist-page.h"
#include "ivd-step-row.h"
#include "ivd-test-editor.h"

/* Step 6 in a real window: the agreement's start-up items of this step,
 * each a check with its rule id, ticks autosaved, the step done when all
 * are ticked, and the treatment plan texts bound to the plan. */

#define NEW_PLAN "{\"format\": \"iv-discharge-plan/1\"}"

static const char * const step_items[] = {
  "START-PLAN", "START-REFERRAL", "FMK-DOSE", "FMK-FREQ", "FMK-DAYS", "FMK-STOP", "DELEGATION", "GP-LETTER",
  "END-AGREED",
};

static GtkWidget *
page (IvdTestEditor *f)
{
  return ivd_test_editor_find_by_type (GTK_WIDGET (f->editor), IVD_TYPE_CHECKLIST_PAGE);
}

/* The visible action row whose subtitle starts with @id. */
static GtkWidget *
find_item_row (GtkWidget  *root,
               const char *id)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found;

      if (ADW_IS_ACTION_ROW (child) && gtk_widget_get_visible (child) &&
          g_str_has_prefix (adw_action_row_get_subtitle (ADW_ACTION_ROW (child)) ?: "", id))
        return child;
      if ((found = find_item_row (child, id)) != NULL)
        return found;
    }
  return NULL;
}

static GtkCheckButton *
item_check (IvdTestEditor *f,
            const char    *id)
{
  GtkWidget *row = find_item_row (page (f), id);

  g_assert_nonnull (row);
  return GTK_CHECK_BUTTON (ivd_test_editor_find_by_type (row, GTK_TYPE_CHECK_BUTTON));
}

static IvdStepRow *
find_step_row (GtkWidget *root,
               IvdStep    step)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      IvdStepRow *found;

      if (IVD_IS_STEP_ROW (child) && ivd_step_row_get_step (IVD_STEP_ROW (child)) == step)
        return IVD_STEP_ROW (child);
      if ((found = find_step_row (child, step)) != NULL)
        return found;
    }
  return NULL;
}

static gboolean
stored_boolean (IvdTestEditor *f,
                const char    *path)
{
  g_autoptr(GError) error = NULL;
  IvdPlanRecord *current = ivd_plan_session_get_record (f->session);
  g_autoptr(IvdPlanRecord) record = ivd_store_load_plan (f->store, ivd_plan_record_get_id (current), &error);
  gboolean value = FALSE;

  g_assert_no_error (error);
  g_assert_true (ivd_plan_lookup_boolean (ivd_plan_record_get_plan (record), path, &value));
  return value;
}

static void
test_items (void)
{
  IvdTestEditor f = { 0 };

  ivd_test_editor_set_up (&f, IVD_TEST_ELIGIBLE_PLAN);
  g_assert_nonnull (page (&f));
  for (guint i = 0; i < G_N_ELEMENTS (step_items); i++)
    {
      GtkWidget *row = find_item_row (page (&f), step_items[i]);

      g_test_message ("item %s", step_items[i]);
      g_assert_nonnull (row);
      /* The agreement's words, and where they come from. */
      g_assert_nonnull (strstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), "001 §2."));
      g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), !=, "");
      g_assert_false (gtk_check_button_get_active (item_check (&f, step_items[i])));
    }
  /* Those belong to the contact and supplies steps. */
  g_assert_null (find_item_row (page (&f), "START-PHONE"));
  g_assert_null (find_item_row (page (&f), "SUPPLY-"));
  g_assert_nonnull (ivd_test_editor_find_label (page (&f), "FMK (Fælles Medicinkort)"));
  g_assert_nonnull (ivd_test_editor_find_label (page (&f), "0 of 9 done"));
  g_assert_false (gtk_widget_get_visible (gtk_widget_get_ancestor (ivd_test_editor_find_row (page (&f), "No checklist yet"),
                                                                  ADW_TYPE_PREFERENCES_GROUP)));
  ivd_test_editor_tear_down (&f);
}

static void
test_tick (void)
{
  IvdTestEditor f = { 0 };
  IvdStepRow *step_row;
  GtkWidget *state_image;

  ivd_test_editor_set_up (&f, IVD_TEST_ELIGIBLE_PLAN);
  step_row = find_step_row (GTK_WIDGET (f.editor), IVD_STEP_CHECKLIST);
  state_image = ivd_test_editor_find_by_type (GTK_WIDGET (step_row), GTK_TYPE_IMAGE);

  gtk_check_button_set_active (item_check (&f, "FMK-DOSE"), TRUE);
  g_assert_true (ivd_plan_lookup_boolean (ivd_plan_session_get_plan (f.session), "checklist.FMK-DOSE", NULL));
  g_assert_nonnull (ivd_test_editor_find_label (page (&f), "1 of 9 done"));
  ivd_test_editor_wait_saved (&f);
  g_assert_true (stored_boolean (&f, "checklist.FMK-DOSE"));
  g_assert_false (gtk_widget_has_css_class (state_image, "success"));

  for (guint i = 0; i < G_N_ELEMENTS (step_items); i++)
    gtk_check_button_set_active (item_check (&f, step_items[i]), TRUE);
  g_assert_nonnull (ivd_test_editor_find_label (page (&f), "9 of 9 done"));
  g_assert_true (gtk_widget_has_css_class (state_image, "success"));

  /* Unticked from elsewhere (another page, a conflict resolved): shown. */
  ivd_plan_set_boolean (ivd_plan_session_get_plan (f.session), "checklist.GP-LETTER", FALSE);
  g_assert_false (gtk_check_button_get_active (item_check (&f, "GP-LETTER")));
  g_assert_false (gtk_widget_has_css_class (state_image, "success"));
  ivd_test_editor_tear_down (&f);
}

static GtkTextView *
text_view (IvdTestEditor *f,
           const char    *title)
{
  GtkWidget *row = ivd_test_editor_find_row (page (f), title);

  g_assert_nonnull (row);
  return GTK_TEXT_VIEW (ivd_test_editor_find_by_type (row, GTK_TYPE_TEXT_VIEW));
}

static void
test_course_texts (void)
{
  IvdTestEditor f = { 0 };
  IvdPlan *plan;
  const char *long_texts[][2] = {
    { "Expected course", "course.expected" },
    { "Observations", "course.observations" },
    { "Changes in medical treatment", "course.medication_changes" },
    { "How the course ends", "course.ending" },
  };
  GtkWidget *blood_tests;
  g_autofree char *stored = NULL;
  g_autofree char *stored_blood = NULL;

  ivd_test_editor_set_up (&f, IVD_TEST_ELIGIBLE_PLAN);
  plan = ivd_plan_session_get_plan (f.session);

  for (guint i = 0; i < G_N_ELEMENTS (long_texts); i++)
    {
      GtkTextBuffer *buffer = gtk_text_view_get_buffer (text_view (&f, long_texts[i][0]));
      g_autofree char *text = g_strdup_printf ("Line one of %s\nline two", long_texts[i][1]);

      /* A tab moves on: it never lands in the text. */
      g_assert_false (gtk_text_view_get_accepts_tab (text_view (&f, long_texts[i][0])));
      gtk_text_buffer_set_text (buffer, text, -1);
      g_assert_cmpstr (ivd_plan_get_string (plan, long_texts[i][1]), ==, text);
      /* Emptied: the fact is missing again, not an empty string. */
      gtk_text_buffer_set_text (buffer, "  ", -1);
      g_assert_false (ivd_plan_has (plan, long_texts[i][1]));
    }

  gtk_text_buffer_set_text (gtk_text_view_get_buffer (text_view (&f, "Expected course")),
                            "Afebril efter 3 døgn.\nSkift til tabletter overvejes dag 5.", -1);
  blood_tests = ivd_test_editor_find_row (page (&f), "Suggested blood tests");
  gtk_editable_set_text (GTK_EDITABLE (blood_tests), "CRP og leukocytter dag 3 og 7");

  /* From the plan to the view as well. */
  ivd_plan_set_string (plan, "course.ending", "Stop efter 8 dage; afsluttende kontrol i ambulatoriet.");
  {
    GtkTextBuffer *buffer = gtk_text_view_get_buffer (text_view (&f, "How the course ends"));
    GtkTextIter start, end;
    g_autofree char *shown = NULL;

    gtk_text_buffer_get_bounds (buffer, &start, &end);
    shown = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
    g_assert_cmpstr (shown, ==, "Stop efter 8 dage; afsluttende kontrol i ambulatoriet.");
  }

  ivd_test_editor_wait_saved (&f);
  stored = ivd_test_editor_stored_string (&f, "course.expected");
  g_assert_cmpstr (stored, ==, "Afebril efter 3 døgn.\nSkift til tabletter overvejes dag 5.");
  stored_blood = ivd_test_editor_stored_string (&f, "course.blood_tests");
  g_assert_cmpstr (stored_blood, ==, "CRP og leukocytter dag 3 og 7");
  ivd_test_editor_tear_down (&f);
}

/* No municipality, no agreement, no items: the page says where to go. */
static void
test_no_municipality (void)
{
  IvdTestEditor f = { 0 };
  GtkWidget *status;

  ivd_test_editor_set_up (&f, NEW_PLAN);
  status = ivd_test_editor_find_row (page (&f), "No checklist yet");
  g_assert_nonnull (status);
  g_assert_true (gtk_widget_get_visible (gtk_widget_get_ancestor (status, ADW_TYPE_PREFERENCES_GROUP)));
  g_assert_nonnull (strstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (status)), "step 1"));
  g_assert_null (find_item_row (page (&f), "FMK-DOSE"));
  /* Nothing to tick is not everything ticked. */
  g_assert_false (gtk_widget_has_css_class (ivd_test_editor_find_by_type (GTK_WIDGET (find_step_row (GTK_WIDGET (f.editor),
                                                                                                     IVD_STEP_CHECKLIST)),
                                                                         GTK_TYPE_IMAGE), "success"));
  /* The treatment plan texts can be written all the same. */
  g_assert_nonnull (ivd_test_editor_find_row (page (&f), "Expected course"));

  ivd_plan_set_string (ivd_plan_session_get_plan (f.session), "patient.municipality_code", "851");
  g_assert_nonnull (find_item_row (page (&f), "FMK-DOSE"));
  g_assert_false (gtk_widget_get_visible (gtk_widget_get_ancestor (status, ADW_TYPE_PREFERENCES_GROUP)));
  ivd_test_editor_tear_down (&f);
}

int
main (int   argc,
      char *argv[])
{
  ivd_test_editor_init (&argc, &argv);

  g_test_add_func ("/checklist-page/items", test_items);
  g_test_add_func ("/checklist-page/tick", test_tick);
  g_test_add_func ("/checklist-page/course-texts", test_course_texts);
  g_test_add_func ("/checklist-page/no-municipality", test_no_municipality);

  return g_test_run ();
}
