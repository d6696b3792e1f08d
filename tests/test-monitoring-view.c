#include "config.h"

#include <locale.h>
#include <sys/stat.h>

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <adwaita.h>

#include "ivd-monitoring-chart.h"
#include "ivd-monitoring-view.h"
#include "ivd-store-private.h"
#include "ivd-test-util.h"

/* The coordinator's monitoring view in a real window (Xvfb): the figures
 * of a seeded store, a new quarter, region or municipality recounted, the
 * expected volume and its flag, a save elsewhere counted a moment later,
 * the CSV export, and the chart drawn into an image with no display. The
 * suite runs it in English and, with IVD_TEST_DANISH set, in Danish. */

typedef struct
{
  char              *dir;
  IvdCatalog        *catalog;
  IvdStore          *store;
  GtkWindow         *window;
  IvdMonitoringView *view;
} Fixture;

/* Q1 2026: Hovedstaden 101 accepted and declined, 147 accepted (fluid,
 * clinic), Nordjylland 851 accepted (pump); Q2: 101 and 851 accepted. */
static const char seed[] =
  "INSERT INTO plans (id, document, status, created, updated, region, municipality_code, cpr, treatment_type,"
  " place_kind, visits_per_day, minutes, days, referred_at, answer) VALUES"
  " ('r1', '{\"treatment\": {\"form\": \"iv_intermittent\"}}', 'accepted', 'x', 'x', 'hovedstaden', '101',"
  "  '1506501237', 'antibiotic', 'home', 3, 30, 8, '2026-01-10T10:00:00.000000Z', 'accepted'),"
  " ('r2', '{\"treatment\": {\"form\": \"iv_intermittent\"}}', 'accepted', 'x', 'x', 'hovedstaden', '147',"
  "  '0203882468', 'fluid', 'clinic', 2, 45, 5, '2026-02-10T10:00:00.000000Z', 'accepted'),"
  " ('r3', '{\"treatment\": {\"form\": \"iv_intermittent\"}}', 'declined', 'x', 'x', 'hovedstaden', '101',"
  "  '1212451111', 'antibiotic', 'home', 3, 30, 8, '2026-03-10T10:00:00.000000Z', 'declined'),"
  " ('r4', '{\"treatment\": {\"form\": \"iv_pump\"}}', 'accepted', 'x', 'x', 'nordjylland', '851',"
  "  '2311114001', 'antibiotic', 'home', 1, 30, 10, '2026-03-15T10:00:00.000000Z', 'accepted'),"
  " ('r5', '{\"treatment\": {\"form\": \"iv_intermittent\"}}', 'accepted', 'x', 'x', 'hovedstaden', '101',"
  "  '1506501237', 'antibiotic', 'home', 3, 30, 8, '2026-04-10T10:00:00.000000Z', 'accepted'),"
  " ('r6', '{\"treatment\": {\"form\": \"iv_intermittent\"}}', 'accepted', 'x', 'x', 'nordjylland', '851',"
  "  '0505602223', 'other', 'home', 2, 30, 6, '2026-05-01T10:00:00.000000Z', 'accepted')";

static gboolean
danish (void)
{
  return g_getenv ("IVD_TEST_DANISH") != NULL;
}

static void
iterate (void)
{
  for (guint i = 0; i < 50 && g_main_context_pending (NULL); i++)
    g_main_context_iteration (NULL, FALSE);
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;

  f->dir = g_dir_make_tmp ("ivd-monitoring-view-XXXXXX", &error);
  g_assert_no_error (error);
  path = g_build_filename (f->dir, "plans.db", NULL);
  f->catalog = ivd_test_catalog ();
  f->store = ivd_store_open (path, f->catalog, &error);
  g_assert_no_error (error);
  g_assert_cmpint (sqlite3_exec (ivd_database_get_handle (ivd_store_get_database (f->store)), seed, NULL, NULL, NULL),
                   ==, SQLITE_OK);

  f->window = GTK_WINDOW (gtk_window_new ());
  gtk_window_set_default_size (f->window, 900, 780);
  f->view = IVD_MONITORING_VIEW (ivd_monitoring_view_new ());
  gtk_window_set_child (f->window, GTK_WIDGET (f->view));
  ivd_monitoring_view_set_year (f->view, 2026);
  ivd_monitoring_view_set_quarter (f->view, 1);
  ivd_monitoring_view_set_store (f->view, f->store);
  gtk_window_present (f->window);
  iterate ();
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  gtk_window_destroy (f->window);
  iterate ();
  g_clear_object (&f->store);
  g_clear_object (&f->catalog);
  ivd_test_remove_tree (f->dir);
  g_free (f->dir);
}

static GtkWidget *
find_row (GtkWidget  *root,
          const char *title)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found;

      if (ADW_IS_PREFERENCES_ROW (child) &&
          g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (child)), title) == 0)
        return child;
      if ((found = find_row (child, title)) != NULL)
        return found;
    }
  return NULL;
}

static GtkWidget *
find_widget (GtkWidget  *root,
             GType       type,
             const char *css_class)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found;

      if (G_TYPE_CHECK_INSTANCE_TYPE (child, type) && (css_class == NULL || gtk_widget_has_css_class (child, css_class)))
        return child;
      if ((found = find_widget (child, type, css_class)) != NULL)
        return found;
    }
  return NULL;
}

/* The row titled @title (in the test's language), which must be there. */
static GtkWidget *
row (Fixture    *f,
     const char *title)
{
  GtkWidget *found = find_row (GTK_WIDGET (f->view), g_dgettext (GETTEXT_PACKAGE, title));

  if (found == NULL)
    g_test_message ("no row “%s”", g_dgettext (GETTEXT_PACKAGE, title));
  g_assert_nonnull (found);
  return found;
}

/* The figure a row shows on its right. */
static const char *
value (Fixture    *f,
       const char *title)
{
  GtkWidget *label = find_widget (row (f, title), GTK_TYPE_LABEL, "numeric");

  g_assert_nonnull (label);
  return gtk_label_get_label (GTK_LABEL (label));
}

static const char *
subtitle (Fixture    *f,
          const char *title)
{
  return adw_action_row_get_subtitle (ADW_ACTION_ROW (row (f, title)));
}

static void
test_figures (Fixture       *f,
              gconstpointer  data)
{
  const char *tariff;

  if (danish ())
    g_assert_nonnull (find_row (GTK_WIDGET (f->view), "1. Borgere henvist"));

  /* Q1: four citizens referred, three visited; r3 declined. */
  g_assert_cmpstr (value (f, "1. Citizens referred"), ==, "4");
  g_assert_cmpstr (value (f, "2. Citizens visited (accepted by the municipality)"), ==, "3");
  g_assert_nonnull (strstr (subtitle (f, "2. Citizens visited (accepted by the municipality)"), "1"));
  g_assert_nonnull (strstr (value (f, "3. Form"), "1"));
  g_assert_cmpstr (value (f, "4. Visits per day"), ==, danish () ? "2,0 i gennemsnit" : "2.0 on average");
  g_assert_cmpstr (value (f, "5. Minutes per visit"), ==, danish () ? "35,0 minutter i gennemsnit"
                                                                    : "35.0 minutes on average");
  g_assert_cmpstr (value (f, "6. Length of course"), ==, danish () ? "7,7 dage i gennemsnit" : "7.7 days on average");
  g_assert_cmpstr (value (f, "7. At home or in a municipal clinic"), ==, danish () ? "67 % hjemme" : "67 % at home");

  /* Hovedstaden: 6915 + 2 x 1485 = 9885 and 1343 + 2 x 341 = 2025. */
  tariff = value (f, "Tariffs for the quarter");
  if (danish ())
    g_assert_cmpstr (tariff, ==, "11.910 kr.");
  else
    g_assert_true (g_str_equal (tariff, "DKK 11910") || g_str_equal (tariff, "DKK 11,910"));
  g_assert_cmpstr (value (f, "Tariff step"), ==, danish () ? "Trin 1" : "Step 1");
  g_assert_true (gtk_widget_is_visible (row (f, "Tariffs for the quarter")));
}

/* The user picks another quarter, region and municipality. */
static void
test_selection (Fixture       *f,
                gconstpointer  data)
{
  AdwComboRow *quarter = ADW_COMBO_ROW (row (f, "Quarter"));
  AdwComboRow *region = ADW_COMBO_ROW (row (f, "Region"));
  AdwComboRow *municipality = ADW_COMBO_ROW (row (f, "Municipality"));
  GtkWidget *tariff_row = row (f, "Tariffs for the quarter");

  adw_combo_row_set_selected (quarter, 1);
  g_assert_cmpint (ivd_monitoring_view_get_quarter (f->view), ==, 2);
  g_assert_cmpint (ivd_monitoring_report_get_quarter (ivd_monitoring_view_get_report (f->view)), ==, 2);
  g_assert_cmpstr (value (f, "1. Citizens referred"), ==, "2");

  /* Nordjylland (after Hovedstaden and Midtjylland): no tariff model. */
  g_assert_cmpuint (g_list_model_get_n_items (adw_combo_row_get_model (municipality)), ==, 99);
  adw_combo_row_set_selected (region, 3);
  g_assert_cmpstr (ivd_monitoring_view_get_region (f->view), ==, "nordjylland");
  g_assert_cmpstr (value (f, "1. Citizens referred"), ==, "1");
  g_assert_false (gtk_widget_is_visible (tariff_row));
  g_assert_cmpuint (g_list_model_get_n_items (adw_combo_row_get_model (municipality)), ==, 12);

  /* A municipality elsewhere brings its region along. */
  ivd_monitoring_view_set_municipality_code (f->view, "101");
  g_assert_cmpstr (ivd_monitoring_view_get_region (f->view), ==, "hovedstaden");
  g_assert_cmpint (adw_combo_row_get_selected (region), ==, 1);
  g_assert_cmpstr (gtk_string_object_get_string (GTK_STRING_OBJECT (adw_combo_row_get_selected_item (municipality))),
                   ==, "København");
  g_assert_cmpstr (value (f, "1. Citizens referred"), ==, "1");
  g_assert_true (gtk_widget_is_visible (tariff_row));

  /* Back to every municipality of the region. */
  adw_combo_row_set_selected (municipality, 0);
  g_assert_null (ivd_monitoring_view_get_municipality_code (f->view));
  g_assert_cmpstr (value (f, "1. Citizens referred"), ==, "1");
  adw_combo_row_set_selected (region, 0);
  g_assert_null (ivd_monitoring_view_get_region (f->view));
  g_assert_cmpstr (value (f, "1. Citizens referred"), ==, "2");
}

/* Typed per area; 20 % over after six months shows a warning. */
static void
test_expected_volume (Fixture       *f,
                      gconstpointer  data)
{
  GtkWidget *activity = row (f, "Activity this year");
  GtkSpinButton *spin = GTK_SPIN_BUTTON (find_widget (row (f, "Expected courses per year"), GTK_TYPE_SPIN_BUTTON,
                                                      NULL));

  ivd_monitoring_view_set_quarter (f->view, 2);
  g_assert_null (find_widget (activity, GTK_TYPE_IMAGE, "warning"));

  /* Five courses by 1 July against 4 x 6/12 = 2. */
  gtk_spin_button_set_value (spin, 4);
  g_assert_cmpint (ivd_monitoring_view_get_expected_per_year (f->view), ==, 4);
  g_assert_cmpint (ivd_monitoring_report_get_expected_per_year (ivd_monitoring_view_get_report (f->view)), ==, 4);
  g_assert_true (ivd_monitoring_report_get_over_expected (ivd_monitoring_view_get_report (f->view)));
  g_assert_nonnull (find_widget (activity, GTK_TYPE_IMAGE, "warning"));
  g_assert_cmpstr (value (f, "Activity this year"), ==, danish () ? "5 af 2,0 forventede (250 %)"
                                                                  : "5 of 2.0 expected (250 %)");

  /* Another area has its own expected volume; the first one is kept. */
  ivd_monitoring_view_set_municipality_code (f->view, "851");
  g_assert_cmpint (ivd_monitoring_view_get_expected_per_year (f->view), ==, 0);
  g_assert_cmpint (gtk_spin_button_get_value_as_int (spin), ==, 0);
  g_assert_null (find_widget (activity, GTK_TYPE_IMAGE, "warning"));
  ivd_monitoring_view_set_municipality_code (f->view, NULL);
  g_assert_cmpint (ivd_monitoring_view_get_expected_per_year (f->view), ==, 4);
  g_assert_nonnull (find_widget (activity, GTK_TYPE_IMAGE, "warning"));
}

/* A plan referred now, saved through the store, is counted a moment later. */
static void
test_store_changes (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GDate) today = g_date_new_dmy (g_date_time_get_day_of_month (now), g_date_time_get_month (now),
                                           g_date_time_get_year (now));
  g_autoptr(IvdPlan) plan = ivd_test_plan (IVD_TEST_ELIGIBLE_PLAN);
  g_autoptr(IvdPlanRecord) record = NULL;
  g_autoptr(IvdEvaluation) evaluation = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *start = g_date_time_format (now, "%Y-%m-%d");
  GListModel *checklist;
  guint before;
  gint64 end;

  ivd_monitoring_view_set_year (f->view, g_date_time_get_year (now));
  ivd_monitoring_view_set_quarter (f->view, (g_date_time_get_month (now) - 1) / 3 + 1);
  before = ivd_monitoring_report_get_courses_referred (ivd_monitoring_view_get_report (f->view));

  ivd_plan_set_string (plan, "treatment.start_date", start);
  evaluation = ivd_evaluation_new (f->catalog, plan, today, &error);
  g_assert_no_error (error);
  checklist = ivd_evaluation_get_checklist (evaluation);
  for (guint i = 0; i < g_list_model_get_n_items (checklist); i++)
    {
      g_autoptr(IvdChecklistItem) item = g_list_model_get_item (checklist, i);
      g_autofree char *path = g_strconcat ("checklist.", ivd_checklist_item_get_id (item), NULL);

      ivd_plan_set_boolean (plan, path, TRUE);
    }
  record = ivd_store_create_plan (f->store, plan, &error);
  g_assert_no_error (error);
  g_assert_true (ivd_store_set_status (f->store, record, IVD_PLAN_STATUS_READY, NULL, today, &error));
  g_assert_true (ivd_store_set_status (f->store, record, IVD_PLAN_STATUS_REFERRED, NULL, today, &error));
  g_assert_no_error (error);

  end = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;
  while (ivd_monitoring_report_get_courses_referred (ivd_monitoring_view_get_report (f->view)) == before &&
         g_get_monotonic_time () < end)
    g_main_context_iteration (NULL, FALSE);
  g_assert_cmpuint (ivd_monitoring_report_get_courses_referred (ivd_monitoring_view_get_report (f->view)), ==,
                    before + 1);
}

static void
test_export (Fixture       *f,
             gconstpointer  data)
{
  g_autofree char *path = g_build_filename (f->dir, "monitoring.csv", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autofree char *contents = NULL;
  g_autofree char *header = g_strdup_printf ("\xEF\xBB\xBF%s;%s;%s\r\n", g_dgettext (GETTEXT_PACKAGE, "Figure"),
                                             g_dgettext (GETTEXT_PACKAGE, "Value"),
                                             g_dgettext (GETTEXT_PACKAGE, "Unit"));
  GStatBuf st;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->view), "monitoring.export-csv", NULL));
  iterate ();
  g_assert_true (ivd_monitoring_view_export_csv (f->view, file, IVD_CSV_DANISH | IVD_CSV_BOM));
  g_assert_cmpint (g_stat (path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);
  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  g_assert_true (g_str_has_prefix (contents, header));
}

/* Pixels of a colour (not grey, white or black) in the rows from @top to
 * @bottom: the bars, never the grid or the text. */
static guint
coloured_pixels (cairo_surface_t *surface,
                 int              top,
                 int              bottom)
{
  unsigned char *data = cairo_image_surface_get_data (surface);
  int stride = cairo_image_surface_get_stride (surface);
  guint n = 0;

  cairo_surface_flush (surface);
  for (int y = top; y < bottom; y++)
    for (int x = 0; x < cairo_image_surface_get_width (surface); x++)
      {
        const guint32 pixel = *(const guint32 *) (data + y * stride + x * 4);
        int r = (pixel >> 16) & 0xff, g = (pixel >> 8) & 0xff, b = pixel & 0xff;

        n += MAX (r, MAX (g, b)) - MIN (r, MIN (g, b)) > 60;
      }
  return n;
}

static guint
bar_pixels (IvdMonitoringReport *report,
            gboolean             dark)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, 640, 320);
  cairo_t *cr = cairo_create (surface);
  guint n;

  if (dark)
    cairo_set_source_rgb (cr, 0x24 / 255.0, 0x24 / 255.0, 0x24 / 255.0);
  else
    cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);
  ivd_monitoring_chart_draw (cr, 640, 320, report, dark);
  g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
  /* Below the legend, above the month names and the place bar. */
  n = coloured_pixels (surface, 40, 320 - 80);
  cairo_destroy (cr);
  cairo_surface_destroy (surface);
  return n;
}

/* The chart without a display: bars for a quarter with courses, in light
 * and dark, none for an empty one; and the same numbers in words. */
static void
test_chart (Fixture       *f,
            gconstpointer  data)
{
  g_autoptr(GDateTime) now = g_date_time_new_utc (2026, 11, 22, 12, 0, 0);
  g_autoptr(IvdMonitoringReport) q1 = ivd_store_get_monitoring_at (f->store, 2026, 1, NULL, NULL, 0, now, NULL);
  g_autoptr(IvdMonitoringReport) q3 = ivd_store_get_monitoring_at (f->store, 2027, 3, NULL, NULL, 0, now, NULL);
  g_autoptr(GDateTime) january = g_date_time_new_local (2026, 1, 1, 12, 0, 0);
  g_autofree char *month = g_date_time_format (january, "%B");
  g_autofree char *described = ivd_monitoring_chart_describe (q1);
  g_autofree char *expected = g_strdup_printf ("%s: 1, %s 1.", month, g_dgettext (GETTEXT_PACKAGE, "IV antibiotics"));
  IvdMonitoringChart *chart = IVD_MONITORING_CHART (find_widget (GTK_WIDGET (f->view), IVD_TYPE_MONITORING_CHART,
                                                                 NULL));

  g_assert_cmpuint (bar_pixels (q1, FALSE), >, 500);
  g_assert_cmpuint (bar_pixels (q1, TRUE), >, 500);
  g_assert_cmpuint (bar_pixels (q3, FALSE), ==, 0);
  g_assert_cmpuint (bar_pixels (NULL, FALSE), ==, 0);
  g_assert_true (g_str_has_prefix (described, expected));

  /* The view's own chart shows the view's report, on screen. */
  g_assert_nonnull (chart);
  g_assert_true (ivd_monitoring_chart_get_report (chart) == ivd_monitoring_view_get_report (f->view));
  g_assert_cmpint (gtk_widget_get_height (GTK_WIDGET (chart)), >=, 220);
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  /* gtk_test_init() forces an English locale; take the environment's. */
  setlocale (LC_ALL, "");
  adw_init ();
  bindtextdomain (GETTEXT_PACKAGE, g_getenv ("IVD_LOCALEDIR"));
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/monitoring-view/figures", test_figures);
  ADD ("/monitoring-view/selection", test_selection);
  ADD ("/monitoring-view/expected-volume", test_expected_volume);
  ADD ("/monitoring-view/store-changes", test_store_changes);
  ADD ("/monitoring-view/export", test_export);
  ADD ("/monitoring-view/chart", test_chart);
#undef ADD

  return g_test_run ();
}
