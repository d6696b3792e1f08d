#include "config.h"

#include "ivd-day-strip.h"
#include "ivd-findings-group.h"
#include "ivd-schedule-page.h"
#include "ivd-schedule.h"
#include "ivd-test-editor.h"

/* Step 4 in a real window: visit times kept sorted and drawn on the day
 * strip with the night window, the rules of the schedule (EXCL-NIGHT,
 * EXCL-VISITS, EXCL-DURATION) as the doctor types, the pump offered in
 * one click, and every answer autosaved. */

#define NEW_PLAN "{\"format\": \"iv-discharge-plan/1\", \"patient\": {\"municipality_code\": \"101\"}}"

static GtkWidget *
page (IvdTestEditor *f)
{
  return ivd_test_editor_find_by_type (GTK_WIDGET (f->editor), IVD_TYPE_SCHEDULE_PAGE);
}

static void
set_up (IvdTestEditor *f,
        const char    *plan_json)
{
  ivd_test_editor_set_up (f, plan_json);
  ivd_plan_editor_set_step (f->editor, IVD_STEP_SCHEDULE);
  ivd_test_editor_run (50);
}

static IvdPlan *
plan (IvdTestEditor *f)
{
  return ivd_plan_session_get_plan (f->session);
}

static GtkWidget *
row (IvdTestEditor *f,
     const char    *title)
{
  GtkWidget *found = ivd_test_editor_find_row (page (f), title);

  g_assert_nonnull (found);
  return found;
}

/* The visit time rows, top to bottom. */
static GPtrArray *
time_rows (IvdTestEditor *f)
{
  GtkWidget *list = gtk_widget_get_parent (row (f, "Add a time (HH:MM)"));
  GPtrArray *rows = g_ptr_array_new ();

  for (GtkWidget *child = gtk_widget_get_first_child (list); child != NULL; child = gtk_widget_get_next_sibling (child))
    if (ADW_IS_ENTRY_ROW (child) &&
        g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (child)), "Visit time") == 0)
      g_ptr_array_add (rows, child);
  return rows;
}

static char *
shown_times (IvdTestEditor *f)
{
  g_autoptr(GPtrArray) rows = time_rows (f);
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint i = 0; i < rows->len; i++)
    g_string_append_printf (text, "%s%s", i ? "," : "", gtk_editable_get_text (rows->pdata[i]));
  return g_string_free (g_steal_pointer (&text), FALSE);
}

static char *
times_text (IvdPlan *p)
{
  g_autoptr(GArray) times = ivd_plan_dup_times (p);
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint i = 0; times != NULL && i < times->len; i++)
    {
      g_autofree char *time = ivd_schedule_format_time (g_array_index (times, int, i));
      g_string_append_printf (text, "%s%s", i ? "," : "", time);
    }
  return g_string_free (g_steal_pointer (&text), FALSE);
}

static char *
stored_times (IvdTestEditor *f)
{
  g_autoptr(GError) error = NULL;
  IvdPlanRecord *current = ivd_plan_session_get_record (f->session);
  g_autoptr(IvdPlanRecord) record = ivd_store_load_plan (f->store, ivd_plan_record_get_id (current), &error);

  g_assert_no_error (error);
  return times_text (ivd_plan_record_get_plan (record));
}

static int
severity (IvdTestEditor *f,
          const char    *rule_id)
{
  return ivd_test_finding_severity (ivd_plan_session_get_evaluation (f->session), rule_id);
}

static GtkWidget *
find_button (GtkWidget  *root,
             const char *label)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found;

      if (GTK_IS_BUTTON (child) && g_strcmp0 (gtk_button_get_label (GTK_BUTTON (child)), label) == 0)
        return child;
      if ((found = find_button (child, label)) != NULL)
        return found;
    }
  return NULL;
}

static GtkWidget *
find_tooltip (GtkWidget  *root,
              const char *tooltip)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found;

      if (GTK_IS_BUTTON (child) && g_strcmp0 (gtk_widget_get_tooltip_text (child), tooltip) == 0)
        return child;
      if ((found = find_tooltip (child, tooltip)) != NULL)
        return found;
    }
  return NULL;
}

/* Shown: the widget and every container it sits in. */
static gboolean
shown (GtkWidget *widget)
{
  for (; widget != NULL; widget = gtk_widget_get_parent (widget))
    if (!gtk_widget_get_visible (widget))
      return FALSE;
  return TRUE;
}

static void
add_time (IvdTestEditor *f,
          const char    *text)
{
  GtkWidget *add = row (f, "Add a time (HH:MM)");

  gtk_editable_set_text (GTK_EDITABLE (add), text);
  g_signal_emit_by_name (add, "entry-activated");
}

static const char *
strip_description (IvdTestEditor *f)
{
  return ivd_day_strip_get_description (IVD_DAY_STRIP (ivd_test_editor_find_by_type (page (f), IVD_TYPE_DAY_STRIP)));
}

/* The widget's own drawing, rendered to an image. */
static cairo_surface_t *
draw (GtkWidget *widget)
{
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  GtkSnapshot *snapshot = gtk_snapshot_new ();
  g_autoptr(GskRenderNode) node = NULL;
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, width, height);
  cairo_t *cr = cairo_create (surface);

  g_assert_cmpint (width, >, 0);
  GTK_WIDGET_GET_CLASS (widget)->snapshot (widget, snapshot);
  node = gtk_snapshot_free_to_node (snapshot);
  g_assert_nonnull (node);
  gsk_render_node_draw (node, cr);
  cairo_destroy (cr);
  cairo_surface_flush (surface);
  return surface;
}

/* The mean colour of the drawn pixels in a narrow column just after
 * @minute, the whole height of the strip. */
static void
colour_at (cairo_surface_t *surface,
           int              minute,
           double          *red,
           double          *green,
           double          *blue)
{
  int width = cairo_image_surface_get_width (surface);
  int x0 = minute * width / (24 * 60) + 1;
  double r = 0, g = 0, b = 0, a = 0;

  for (int y = 0; y < cairo_image_surface_get_height (surface); y++)
    for (int x = x0; x < x0 + 4; x++)
      {
        guint32 pixel = ((guint32 *) (cairo_image_surface_get_data (surface) +
                                      y * cairo_image_surface_get_stride (surface)))[x];
        double alpha = ((pixel >> 24) & 0xff) / 255.0;

        /* Premultiplied: the weights are the alphas themselves. */
        r += ((pixel >> 16) & 0xff) / 255.0;
        g += ((pixel >> 8) & 0xff) / 255.0;
        b += (pixel & 0xff) / 255.0;
        a += alpha;
      }
  g_assert_cmpfloat (a, >, 0);
  *red = r / a;
  *green = g / a;
  *blue = b / a;
}

static void
test_controls (void)
{
  IvdTestEditor f = { 0 };
  const char *titles[] = {
    "Drug", "Dose", "Add a time (HH:MM)", "Minutes per visit", "Treatment days", "Start date (YYYY-MM-DD)",
    "Has the first dose been given in hospital?", "IV access", "Must the citizen not be left alone during the infusion?",
  };
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autoptr(GPtrArray) rows = NULL;

  set_up (&f, NEW_PLAN);
  before = ivd_plan_to_data (plan (&f));
  g_assert_nonnull (page (&f));
  for (guint i = 0; i < G_N_ELEMENTS (titles); i++)
    g_assert_nonnull (row (&f, titles[i]));
  g_assert_nonnull (ivd_test_editor_find_by_type (page (&f), IVD_TYPE_DAY_STRIP));

  /* A new plan: nothing filled in, nothing chosen for the doctor. */
  rows = time_rows (&f);
  g_assert_cmpuint (rows->len, ==, 0);
  g_assert_cmpuint (adw_combo_row_get_selected (ADW_COMBO_ROW (row (&f, "IV access"))), ==, 0);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (ivd_test_editor_find_by_type (row (&f, "Minutes per visit"),
                                                                                       GTK_TYPE_SPIN_BUTTON))), ==, "");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (row (&f, "Start date (YYYY-MM-DD)"))), ==, "");
  g_assert_cmpstr (strip_description (&f), ==, "No visit times entered. Night window 23:00–07:00.");
  g_assert_false (shown (find_button (page (&f), "Use a 24-hour pump instead")));
  ivd_test_editor_run (50);
  after = ivd_plan_to_data (plan (&f));
  g_assert_cmpstr (after, ==, before);
  ivd_test_editor_tear_down (&f);
}

/* 06:00, 14:00, 22:00: one visit in 23-07; seen on the strip, said in
 * its description, and blocked by EXCL-NIGHT with a pump offered. */
static void
test_night (void)
{
  IvdTestEditor f = { 0 };
  g_autoptr(GPtrArray) rows = NULL;
  GtkWidget *findings;
  GtkWidget *strip;
  cairo_surface_t *surface;
  double red, green, blue;

  set_up (&f, IVD_TEST_ELIGIBLE_PLAN);
  g_assert_cmpint (severity (&f, "EXCL-NIGHT"), ==, -1);
  g_assert_cmpstr (strip_description (&f), ==, "3 visits: 08:00, 14:00, 20:00. Night window 23:00–07:00.");

  rows = time_rows (&f);
  g_assert_cmpuint (rows->len, ==, 3);
  gtk_editable_set_text (GTK_EDITABLE (rows->pdata[0]), "06:00");
  gtk_editable_set_text (GTK_EDITABLE (rows->pdata[2]), "22.00");

  g_assert_cmpint (severity (&f, "EXCL-NIGHT"), ==, IVD_SEVERITY_BLOCK);
  findings = ivd_test_editor_find_by_type (page (&f), IVD_TYPE_FINDINGS_GROUP);
  g_assert_true (gtk_widget_get_visible (findings));
  g_assert_nonnull (ivd_test_editor_find_label (findings, "EXCL-NIGHT"));
  g_assert_nonnull (ivd_test_editor_find_label (rows->pdata[0], "In the night window"));
  g_assert_cmpstr (strip_description (&f), ==,
                   "3 visits: 06:00 (in the night window), 14:00, 22:00. Night window 23:00–07:00.");

  /* The strip draws, with no warning (they are fatal here): the night
   * visit in the error colour, a day visit in the accent colour. */
  strip = ivd_test_editor_find_by_type (page (&f), IVD_TYPE_DAY_STRIP);
  ivd_test_editor_run (100);
  g_assert_true (gtk_widget_get_mapped (strip));
  surface = draw (strip);
  colour_at (surface, 6 * 60, &red, &green, &blue);
  g_assert_cmpfloat (red, >, green + 0.2);
  g_assert_cmpfloat (red, >, blue + 0.2);
  colour_at (surface, 14 * 60, &red, &green, &blue);
  g_assert_cmpfloat (blue, >, red + 0.2);
  cairo_surface_destroy (surface);
  ivd_test_editor_tear_down (&f);
}

/* One click to a 24-hour pump; SUGGEST-PUMP goes, and undo brings the
 * form back. */
static void
test_pump (void)
{
  IvdTestEditor f = { 0 };
  GtkWidget *button;
  GtkWidget *undo;

  set_up (&f, IVD_TEST_ELIGIBLE_PLAN);
  g_assert_false (shown (find_button (page (&f), "Use a 24-hour pump instead")));
  add_time (&f, "23:30");
  g_assert_cmpint (severity (&f, "SUGGEST-PUMP"), ==, IVD_SEVERITY_INFO);

  button = find_button (page (&f), "Use a 24-hour pump instead");
  g_assert_true (shown (button));
  g_signal_emit_by_name (button, "clicked");

  g_assert_cmpstr (ivd_plan_get_string (plan (&f), "treatment.form"), ==, "iv_pump");
  g_assert_cmpint (severity (&f, "SUGGEST-PUMP"), ==, -1);
  g_assert_false (shown (button));
  undo = find_button (page (&f), "Undo");
  g_assert_true (shown (undo));

  g_signal_emit_by_name (undo, "clicked");
  g_assert_cmpstr (ivd_plan_get_string (plan (&f), "treatment.form"), ==, "iv_intermittent");
  g_assert_cmpint (severity (&f, "SUGGEST-PUMP"), ==, IVD_SEVERITY_INFO);
  g_assert_false (shown (undo));
  ivd_test_editor_tear_down (&f);
}

static void
test_duration (void)
{
  IvdTestEditor f = { 0 };
  GtkSpinButton *spin;
  gint64 minutes = 0;

  set_up (&f, IVD_TEST_ELIGIBLE_PLAN);
  spin = GTK_SPIN_BUTTON (ivd_test_editor_find_by_type (row (&f, "Minutes per visit"), GTK_TYPE_SPIN_BUTTON));
  g_assert_cmpint (gtk_spin_button_get_value_as_int (spin), ==, 30);
  g_assert_cmpint (severity (&f, "EXCL-DURATION"), ==, -1);

  gtk_spin_button_set_value (spin, 75);
  g_assert_cmpint (severity (&f, "EXCL-DURATION"), ==, IVD_SEVERITY_BLOCK);
  g_assert_true (ivd_plan_lookup_int (plan (&f), "treatment.minutes_per_administration", &minutes));
  g_assert_cmpint (minutes, ==, 75);

  /* A 22:30 visit of 75 minutes runs into the night: asked, not blocked. */
  add_time (&f, "22:30");
  g_assert_cmpint (severity (&f, "EXCL-NIGHT"), ==, IVD_SEVERITY_REVIEW);
  g_assert_nonnull (strstr (strip_description (&f), "22:30 (runs into the night window)"));

  /* Emptied: the fact is missing again, not zero. */
  gtk_spin_button_set_value (spin, 0);
  g_assert_false (ivd_plan_has (plan (&f), "treatment.minutes_per_administration"));
  ivd_test_editor_tear_down (&f);
}

/* A fifth visit: EXCL-VISITS; the list is written sorted, doses_per_day
 * follows, and the store gets it. */
static void
test_visits (void)
{
  IvdTestEditor f = { 0 };
  g_autofree char *written = NULL;
  g_autofree char *stored = NULL;
  g_autofree char *on_screen = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(IvdPlan) other = NULL;
  gint64 doses = 0;

  set_up (&f, IVD_TEST_ELIGIBLE_PLAN);
  add_time (&f, "18:00");
  g_assert_cmpint (severity (&f, "EXCL-VISITS"), ==, -1);
  add_time (&f, "1000");
  g_assert_cmpint (severity (&f, "EXCL-VISITS"), ==, IVD_SEVERITY_BLOCK);
  g_assert_null (ivd_plan_session_get_evaluation_error (f.session));
  g_assert_true (ivd_plan_lookup_int (plan (&f), "treatment.doses_per_day", &doses));
  g_assert_cmpint (doses, ==, 5);

  written = times_text (plan (&f));
  g_assert_cmpstr (written, ==, "08:00,10:00,14:00,18:00,20:00");
  on_screen = shown_times (&f);
  g_assert_cmpstr (on_screen, ==, "08:00,10:00,14:00,18:00,20:00");
  ivd_test_editor_wait_saved (&f);
  stored = stored_times (&f);
  g_assert_cmpstr (stored, ==, "08:00,10:00,14:00,18:00,20:00");

  /* Not a time, or one already there: refused, said beside the entry. */
  add_time (&f, "25:00");
  g_assert_true (gtk_widget_has_css_class (row (&f, "Add a time (HH:MM)"), "error"));
  add_time (&f, "14:00");
  g_assert_nonnull (ivd_test_editor_find_label (row (&f, "Add a time (HH:MM)"), "Already listed"));
  g_assert_cmpint (ivd_evaluation_get_visits_per_day (ivd_plan_session_get_evaluation (f.session)), ==, 5);

  /* Removed: one visit fewer, and doses_per_day with it. */
  rows = time_rows (&f);
  g_signal_emit_by_name (find_tooltip (rows->pdata[1], "Remove"), "clicked");
  g_assert_cmpint (severity (&f, "EXCL-VISITS"), ==, -1);
  g_assert_true (ivd_plan_lookup_int (plan (&f), "treatment.doses_per_day", &doses));
  g_assert_cmpint (doses, ==, 4);

  /* The whole plan replaced (a conflict resolved their way): the rows follow. */
  other = ivd_test_plan ("{\"format\": \"iv-discharge-plan/1\", \"treatment\": {\"administration_times\": [\"09:00\"]}}");
  ivd_plan_assign (plan (&f), other);
  g_free (on_screen);
  on_screen = shown_times (&f);
  g_assert_cmpstr (on_screen, ==, "09:00");
  ivd_test_editor_tear_down (&f);
}

static void
test_start_date (void)
{
  IvdTestEditor f = { 0 };
  GtkWidget *start;

  set_up (&f, NEW_PLAN);
  start = row (&f, "Start date (YYYY-MM-DD)");

  /* Being typed: no error, and no date yet. */
  gtk_editable_set_text (GTK_EDITABLE (start), "2026-12");
  g_assert_false (gtk_widget_has_css_class (start, "error"));
  g_assert_false (ivd_plan_has (plan (&f), "treatment.start_date"));

  gtk_editable_set_text (GTK_EDITABLE (start), "2026-12-01");
  g_assert_cmpstr (ivd_plan_get_string (plan (&f), "treatment.start_date"), ==, "2026-12-01");
  g_assert_nonnull (ivd_test_editor_find_label (start, "December 2026"));

  /* No 13th month: said, and the plan keeps no date it cannot read. */
  gtk_editable_set_text (GTK_EDITABLE (start), "2026-13-01");
  g_assert_true (gtk_widget_has_css_class (start, "error"));
  g_assert_false (ivd_plan_has (plan (&f), "treatment.start_date"));
  g_assert_null (ivd_plan_session_get_evaluation_error (f.session));
  ivd_test_editor_tear_down (&f);
}

static void
test_access_and_answers (void)
{
  IvdTestEditor f = { 0 };
  AdwComboRow *access;
  GtkWidget *alone;
  GtkToggleButton *no;
  g_autofree char *stored = NULL;
  gboolean value = TRUE;

  set_up (&f, NEW_PLAN);
  access = ADW_COMBO_ROW (row (&f, "IV access"));
  adw_combo_row_set_selected (access, 3);
  g_assert_cmpstr (ivd_plan_get_string (plan (&f), "treatment.access"), ==, "picc");
  adw_combo_row_set_selected (access, 0);
  g_assert_false (ivd_plan_has (plan (&f), "treatment.access"));

  /* "No" is an answer the doctor gives; unanswered is asked for. */
  g_assert_nonnull (ivd_test_editor_find_label (ivd_test_editor_find_by_type (page (&f), IVD_TYPE_FINDINGS_GROUP),
                                                "NOT-ALONE"));
  alone = row (&f, "Must the citizen not be left alone during the infusion?");
  no = GTK_TOGGLE_BUTTON (find_button (alone, "No"));
  gtk_toggle_button_set_active (no, TRUE);
  g_assert_true (ivd_plan_lookup_boolean (plan (&f), "treatment.must_not_be_left_alone", &value));
  g_assert_false (value);
  g_assert_null (ivd_test_editor_find_label (ivd_test_editor_find_by_type (page (&f), IVD_TYPE_FINDINGS_GROUP),
                                             "NOT-ALONE"));

  gtk_editable_set_text (GTK_EDITABLE (row (&f, "Drug")), "Cefuroxim");
  ivd_test_editor_wait_saved (&f);
  stored = ivd_test_editor_stored_string (&f, "treatment.drug");
  g_assert_cmpstr (stored, ==, "Cefuroxim");
  ivd_test_editor_tear_down (&f);
}

int
main (int   argc,
      char *argv[])
{
  ivd_test_editor_init (&argc, &argv);

  g_test_add_func ("/schedule-page/controls", test_controls);
  g_test_add_func ("/schedule-page/night", test_night);
  g_test_add_func ("/schedule-page/pump", test_pump);
  g_test_add_func ("/schedule-page/duration", test_duration);
  g_test_add_func ("/schedule-page/visits", test_visits);
  g_test_add_func ("/schedule-page/start-date", test_start_date);
  g_test_add_func ("/schedule-page/access-and-answers", test_access_and_answers);

  return g_test_run ();
}
