#define G_LOG_DOMAIN "ivd-monitoring-view"

#include "config.h"

#include <locale.h>
#include <math.h>

#include <glib/gi18n.h>

#include "ivd-labels.h"
#include "ivd-monitoring-chart.h"
#include "ivd-monitoring-view.h"

/* The coordinator's quarterly figures (domain §12) for a year, quarter,
 * region and municipality: the seven figures, Hovedstaden's tariff and
 * step, activity against an expected volume, a chart, and a CSV export.
 * The figures follow the store: a save elsewhere recounts them a moment
 * later. An expected volume typed here is kept per region or
 * municipality for the session; the window may set it from elsewhere
 * (the "expected-per-year" property, after "municipality-code" changes). */
struct _IvdMonitoringView
{
  AdwBin                parent_instance;

  IvdStore             *store;
  IvdMonitoringReport  *report;
  int                   year;
  int                   quarter;
  char                 *region;
  char                 *municipality_code;
  int                   expected;
  GHashTable           *expected_by_area;   /* area key -> expected courses a year */
  GPtrArray            *municipality_codes; /* the municipality row's codes; NULL first */
  char                 *listed_region;      /* the region they are of; "" for all */
  IvdCatalog           *listed_catalog;     /* and the catalog; not a reference */
  guint                 refresh_source;
  gboolean              syncing;            /* the view is setting its own controls */
  GtkFileChooserNative *chooser;

  AdwToastOverlay      *toasts;
  GtkSpinButton        *year_spin;
  AdwComboRow          *quarter_row;
  AdwComboRow          *region_row;
  AdwComboRow          *municipality_row;
  AdwActionRow         *referred_row;
  GtkLabel             *referred_label;
  AdwActionRow         *accepted_row;
  GtkLabel             *accepted_label;
  AdwActionRow         *type_row;
  GtkLabel             *type_label;
  AdwActionRow         *form_row;
  GtkLabel             *form_label;
  AdwActionRow         *visits_row;
  GtkLabel             *visits_label;
  AdwActionRow         *minutes_row;
  GtkLabel             *minutes_label;
  AdwActionRow         *days_row;
  GtkLabel             *days_label;
  AdwActionRow         *place_row;
  GtkLabel             *place_label;
  AdwPreferencesGroup  *tariff_group;
  AdwActionRow         *tariff_row;
  GtkLabel             *tariff_label;
  AdwActionRow         *step_row;
  GtkLabel             *step_label;
  GtkSpinButton        *expected_spin;
  AdwActionRow         *activity_row;
  GtkLabel             *activity_label;
  GtkWidget            *activity_icon;      /* owned; a prefix only when flagged */
  IvdMonitoringChart   *chart;
};

G_DEFINE_FINAL_TYPE (IvdMonitoringView, ivd_monitoring_view, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_STORE,
  PROP_YEAR,
  PROP_QUARTER,
  PROP_REGION,
  PROP_MUNICIPALITY_CODE,
  PROP_EXPECTED_PER_YEAR,
  PROP_REPORT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* A save elsewhere is counted this long after the last one. */
#define REFRESH_DELAY_MS 700

static IvdCatalog *
catalog (IvdMonitoringView *self)
{
  return self->store != NULL ? ivd_store_get_catalog (self->store) : NULL;
}

static void
show_toast (IvdMonitoringView *self,
            const char        *message,
            gboolean           is_error)
{
  AdwToast *toast = adw_toast_new ("");
  GtkWidget *label = gtk_label_new (message);

  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_max_width_chars (GTK_LABEL (label), 60);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  adw_toast_set_custom_title (toast, label);
  /* An error stays until it is dismissed. */
  adw_toast_set_timeout (toast, is_error ? 0 : 5);
  adw_toast_set_priority (toast, is_error ? ADW_TOAST_PRIORITY_HIGH : ADW_TOAST_PRIORITY_NORMAL);
  adw_toast_overlay_add_toast (self->toasts, toast);
}

/* ---- numbers in words ---- */

static char *
format_decimal (double value)
{
  /* The locale's decimal mark: a comma in Danish. */
  return g_strdup_printf ("%.1f", value);
}

/* A median is a whole number or a half: no decimals when whole. */
static char *
format_median (double value)
{
  return value == floor (value) ? g_strdup_printf ("%.0f", value) : format_decimal (value);
}

static char *
format_dkk (gint64 amount)
{
  g_autofree char *number = g_strdup_printf ("%'" G_GINT64_FORMAT, amount);

  /* Translators: an amount in Danish kroner; in Danish "%s kr." */
  return g_strdup_printf (_("DKK %s"), number);
}

static char *
format_percent (double share)
{
  /* Translators: a percentage */
  return g_strdup_printf (_("%.0f %%"), share * 100);
}

static void
set_row (AdwActionRow *row,
         GtkLabel     *label,
         const char   *value,
         const char   *subtitle)
{
  gtk_label_set_label (label, value);
  adw_action_row_set_subtitle (row, subtitle);
}

/* ---- the figures ---- */

static void
show_referrals (IvdMonitoringView   *self,
                IvdMonitoringReport *r)
{
  guint referred = ivd_monitoring_report_get_courses_referred (r);
  guint accepted = ivd_monitoring_report_get_courses_accepted (r);
  guint declined = ivd_monitoring_report_get_courses_declined (r);
  g_autofree char *citizens = g_strdup_printf ("%u", ivd_monitoring_report_get_citizens_referred (r));
  g_autofree char *visited = g_strdup_printf ("%u", ivd_monitoring_report_get_citizens_accepted (r));
  g_autofree char *courses = g_strdup_printf (ngettext ("%u course referred", "%u courses referred", referred),
                                              referred);
  g_autofree char *answers = NULL;

  /* Translators: courses accepted, declined, and not yet answered */
  answers = g_strdup_printf (_("%u courses accepted, %u declined, %u awaiting an answer"), accepted, declined,
                             referred - accepted - declined);
  set_row (self->referred_row, self->referred_label, citizens, courses);
  set_row (self->accepted_row, self->accepted_label, visited, answers);
}

static void
show_types (IvdMonitoringView   *self,
            IvdMonitoringReport *r)
{
  guint accepted = ivd_monitoring_report_get_courses_accepted (r);
  guint antibiotic = ivd_monitoring_report_get_courses_by_type (r, IVD_MONITORING_TYPE_ANTIBIOTIC);
  guint fluid = ivd_monitoring_report_get_courses_by_type (r, IVD_MONITORING_TYPE_FLUID);
  guint other = ivd_monitoring_report_get_courses_by_type (r, IVD_MONITORING_TYPE_OTHER);
  guint unknown = ivd_monitoring_report_get_courses_by_type (r, IVD_MONITORING_TYPE_UNKNOWN);
  g_autofree char *value = g_strdup_printf (ngettext ("%u course", "%u courses", accepted), accepted);
  g_autofree char *types = g_strdup_printf ("%s %u · %s %u · %s %u", ivd_labels_treatment_type ("antibiotic"),
                                            antibiotic, ivd_labels_treatment_type ("fluid"), fluid,
                                            ivd_labels_treatment_type ("other"), other);
  g_autofree char *with_unknown = unknown > 0 ? g_strdup_printf (_("%s · not stated %u"), types, unknown) : NULL;
  g_autofree char *form = NULL;
  g_autofree char *forms = NULL;

  set_row (self->type_row, self->type_label, value, with_unknown != NULL ? with_unknown : types);

  /* Translators: accepted courses given by pump, and as infusions */
  form = g_strdup_printf (_("%u by pump, %u intermittent"),
                          ivd_monitoring_report_get_courses_by_form (r, IVD_MONITORING_FORM_PUMP),
                          ivd_monitoring_report_get_courses_by_form (r, IVD_MONITORING_FORM_INTERMITTENT));
  forms = g_strdup_printf ("%s %u · %s %u", ivd_labels_form ("iv_pump"),
                           ivd_monitoring_report_get_courses_by_form (r, IVD_MONITORING_FORM_PUMP),
                           ivd_labels_form ("iv_intermittent"),
                           ivd_monitoring_report_get_courses_by_form (r, IVD_MONITORING_FORM_INTERMITTENT));
  set_row (self->form_row, self->form_label, form, forms);
}

static void
show_visits (IvdMonitoringView   *self,
             IvdMonitoringReport *r)
{
  const IvdMonitoringStat *visits = ivd_monitoring_report_get_visits (r);
  g_autofree char *mean = format_decimal (visits->mean);
  g_autofree char *value = NULL;
  g_autoptr(GString) steps = g_string_new (NULL);

  for (guint n = 1; n <= IVD_MONITORING_MAX_VISITS; n++)
    {
      guint courses = ivd_monitoring_report_get_courses_by_visits (r, n);

      if (courses == 0)
        continue;
      if (steps->len > 0)
        g_string_append (steps, " · ");
      if (n < IVD_MONITORING_MAX_VISITS)
        /* Translators: how many courses had this many visits a day */
        g_string_append_printf (steps, ngettext ("%u a day: %u", "%u a day: %u", n), n, courses);
      else
        g_string_append_printf (steps, _("%u or more a day: %u"), n, courses);
    }

  /* Translators: the mean number of visits a day */
  value = visits->n > 0 ? g_strdup_printf (_("%s on average"), mean) : g_strdup (_("No courses"));
  set_row (self->visits_row, self->visits_label, value, steps->str);
}

/* Figures (5) and (6): mean and median. */
static void
show_stat (AdwActionRow            *row,
           GtkLabel                *label,
           const IvdMonitoringStat *stat,
           gboolean                 in_days)
{
  g_autofree char *mean = format_decimal (stat->mean);
  g_autofree char *median = format_median (stat->median);
  g_autofree char *value = NULL;
  g_autofree char *subtitle = NULL;

  if (stat->n == 0)
    {
      set_row (row, label, _("No courses"), NULL);
      return;
    }
  /* Translators: the mean length of a course in days; then the median */
  value = in_days ? g_strdup_printf (_("%s days on average"), mean)
  /* Translators: the mean minutes per visit; then the median */
          : g_strdup_printf (_("%s minutes on average"), mean);
  subtitle = in_days ? g_strdup_printf (_("Median %s days"), median) : g_strdup_printf (_("Median %s minutes"), median);
  set_row (row, label, value, subtitle);
}

static void
show_places (IvdMonitoringView   *self,
             IvdMonitoringReport *r)
{
  double home = ivd_monitoring_report_get_home_share (r);
  g_autofree char *percent = format_percent (home);
  g_autofree char *value = isnan (home) ? g_strdup (_("No courses")) : g_strdup_printf (_("%s at home"), percent);
  g_autofree char *subtitle = NULL;

  /* Translators: accepted courses by place of treatment */
  subtitle = g_strdup_printf (_("At home %u · in a municipal clinic %u · in an acute or temporary bed %u"),
                              ivd_monitoring_report_get_courses_by_place (r, IVD_MONITORING_PLACE_HOME),
                              ivd_monitoring_report_get_courses_by_place (r, IVD_MONITORING_PLACE_CLINIC),
                              ivd_monitoring_report_get_courses_by_place (r, IVD_MONITORING_PLACE_OTHER));
  set_row (self->place_row, self->place_label, value, subtitle);
}

static void
show_tariff (IvdMonitoringView   *self,
             IvdMonitoringReport *r)
{
  guint priced = ivd_monitoring_report_get_tariff_courses (r);
  guint year_courses = ivd_monitoring_report_get_tariff_year_courses (r);
  g_autofree char *total = format_dkk (ivd_monitoring_report_get_tariff_total_dkk (r));
  g_autofree char *course = format_dkk (ivd_monitoring_report_get_tariff_course_dkk (r));
  g_autofree char *day = format_dkk (ivd_monitoring_report_get_tariff_day_dkk (r));
  g_autoptr(GString) subtitle = g_string_new (NULL);
  g_autofree char *step = NULL;
  g_autofree char *count = NULL;

  gtk_widget_set_visible (GTK_WIDGET (self->tariff_group), ivd_monitoring_report_get_has_tariff (r));
  if (!ivd_monitoring_report_get_has_tariff (r))
    return;

  /* Translators: course tariffs, day tariffs, and how many courses */
  g_string_printf (subtitle, ngettext ("Course tariffs %s + day tariffs %s, %u course",
                                       "Course tariffs %s + day tariffs %s, %u courses", priced), course, day, priced);
  if (ivd_monitoring_report_get_tariff_without_days (r) > 0)
    g_string_append_printf (subtitle, _("; %u without days, at the course tariff only"),
                            ivd_monitoring_report_get_tariff_without_days (r));
  if (ivd_monitoring_report_get_tariff_unpriced (r) > 0)
    g_string_append_printf (subtitle, _("; %u with no tariff (other treatment)"),
                            ivd_monitoring_report_get_tariff_unpriced (r));
  set_row (self->tariff_row, self->tariff_label, total, subtitle->str);

  step = g_strdup_printf (_("Step %d"), ivd_monitoring_report_get_tariff_step (r));
  /* Translators: accepted courses in Region Hovedstaden from 1 January */
  count = g_strdup_printf (ngettext ("%u course in the region this year by the quarter’s end",
                                     "%u courses in the region this year by the quarter’s end", year_courses),
                           year_courses);
  set_row (self->step_row, self->step_label, step, count);
}

static void
show_activity (IvdMonitoringView   *self,
               IvdMonitoringReport *r)
{
  guint courses = ivd_monitoring_report_get_courses_this_year (r);
  double ratio = ivd_monitoring_report_get_activity_ratio (r);
  gboolean over = ivd_monitoring_report_get_over_expected (r);
  g_autofree char *months = format_decimal (ivd_monitoring_report_get_months_elapsed (r));
  g_autofree char *expected = format_decimal (ivd_monitoring_report_get_expected_so_far (r));
  g_autofree char *percent = format_percent (ratio);
  g_autofree char *value = NULL;
  g_autofree char *subtitle = NULL;

  if (isnan (ratio))
    value = g_strdup_printf (ngettext ("%u course", "%u courses", courses), courses);
  else
    /* Translators: courses so far, the expected number so far, and the first as a percentage of it */
    value = g_strdup_printf (_("%u of %s expected (%s)"), courses, expected, percent);

  if (over)
    /* xgettext:no-c-format */
    subtitle = g_strdup (_("20 % or more above the expected level after six months: region and municipality "
                           "negotiate (agreement 000 §5)"));
  else if (ivd_monitoring_report_get_expected_per_year (r) == 0)
    subtitle = g_strdup (_("Set the expected courses per year to compare"));
  else
    /* Translators: months of the year passed, with one decimal */
    subtitle = g_strdup_printf (_("%s months of the year passed"), months);

  set_row (self->activity_row, self->activity_label, value, subtitle);
  /* Added and removed, not hidden: a hidden prefix still indents the title. */
  if (over && gtk_widget_get_parent (self->activity_icon) == NULL)
    adw_action_row_add_prefix (self->activity_row, self->activity_icon);
  else if (!over && gtk_widget_get_parent (self->activity_icon) != NULL)
    adw_action_row_remove (self->activity_row, self->activity_icon);
}

static void
show_report (IvdMonitoringView *self)
{
  IvdMonitoringReport *r = self->report;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "monitoring.export-csv", r != NULL);
  ivd_monitoring_chart_set_report (self->chart, r);
  if (r == NULL)
    return;

  show_referrals (self, r);
  show_types (self, r);
  show_visits (self, r);
  show_stat (self->minutes_row, self->minutes_label, ivd_monitoring_report_get_minutes (r), FALSE);
  show_stat (self->days_row, self->days_label, ivd_monitoring_report_get_days (r), TRUE);
  show_places (self, r);
  show_tariff (self, r);
  show_activity (self, r);
}

/* ---- the selection ---- */

static const char *
area_key (IvdMonitoringView *self)
{
  return self->municipality_code != NULL ? self->municipality_code : self->region != NULL ? self->region : "";
}

/* A row that already shows @selected is left alone: it may be the one
 * being changed, and its selection model does not take a nested change. */
static void
select_in_row (AdwComboRow *row,
               guint        selected)
{
  if (adw_combo_row_get_selected (row) != selected)
    adw_combo_row_set_selected (row, selected);
}

/* The region's municipalities by name, after "All municipalities". */
static void
list_municipalities (IvdMonitoringView *self)
{
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  g_autoptr(GPtrArray) found = catalog (self) != NULL
                               ? ivd_catalog_dup_municipalities_by_name (catalog (self), self->region)
                               : g_ptr_array_new ();

  g_ptr_array_set_size (self->municipality_codes, 0);
  g_ptr_array_add (self->municipality_codes, NULL);
  gtk_string_list_append (names, _("All municipalities"));
  for (guint i = 0; i < found->len; i++)
    {
      g_ptr_array_add (self->municipality_codes, g_strdup (ivd_municipality_get_code (found->pdata[i])));
      gtk_string_list_append (names, ivd_municipality_get_name (found->pdata[i]));
    }
  adw_combo_row_set_model (self->municipality_row, G_LIST_MODEL (names));
  g_free (self->listed_region);
  self->listed_region = g_strdup (self->region != NULL ? self->region : "");
  self->listed_catalog = catalog (self);
}

/* The list is made again only for another region or catalog: the row
 * may be the one being changed. */
static void
sync_municipalities (IvdMonitoringView *self)
{
  guint selected = 0;

  if (self->listed_region == NULL || self->listed_catalog != catalog (self) ||
      g_strcmp0 (self->listed_region, self->region != NULL ? self->region : "") != 0)
    list_municipalities (self);

  for (guint i = 1; i < self->municipality_codes->len; i++)
    if (g_strcmp0 (g_ptr_array_index (self->municipality_codes, i), self->municipality_code) == 0)
      selected = i;
  select_in_row (self->municipality_row, selected);
}

static void
fill_regions (IvdMonitoringView *self)
{
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  const char * const *ids = ivd_catalog_get_region_ids ();

  gtk_string_list_append (names, _("All regions"));
  for (guint i = 0; ids[i] != NULL; i++)
    gtk_string_list_append (names, ivd_labels_region (ids[i]));
  adw_combo_row_set_model (self->region_row, G_LIST_MODEL (names));
}

static guint
region_index (IvdMonitoringView *self)
{
  const char * const *ids = ivd_catalog_get_region_ids ();

  for (guint i = 0; self->region != NULL && ids[i] != NULL; i++)
    if (g_str_equal (ids[i], self->region))
      return i + 1;
  return 0;
}

/* Puts the selection into the controls without reacting to them. */
static void
sync_controls (IvdMonitoringView *self)
{
  self->syncing = TRUE;
  gtk_spin_button_set_value (self->year_spin, self->year);
  select_in_row (self->quarter_row, self->quarter - 1);
  select_in_row (self->region_row, region_index (self));
  sync_municipalities (self);
  gtk_spin_button_set_value (self->expected_spin, self->expected);
  self->syncing = FALSE;
}

static void
set_report (IvdMonitoringView   *self,
            IvdMonitoringReport *report)
{
  if (!g_set_object (&self->report, report))
    return;
  show_report (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_REPORT]);
}

static void
cancel_pending_refresh (IvdMonitoringView *self)
{
  if (self->refresh_source != 0)
    g_source_remove (self->refresh_source);
  self->refresh_source = 0;
}

/* The expected volume typed earlier for the new area, if any. */
static void
restore_expected (IvdMonitoringView *self)
{
  int expected = GPOINTER_TO_INT (g_hash_table_lookup (self->expected_by_area, area_key (self)));

  if (expected == self->expected)
    return;
  self->expected = expected;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_EXPECTED_PER_YEAR]);
}

/* The region and municipality, kept consistent: a municipality outside
 * the new region is let go. */
static void
change_area (IvdMonitoringView *self,
             const char        *region,
             const char        *code)
{
  IvdMunicipality *municipality = code != NULL && catalog (self) != NULL
                                  ? ivd_catalog_lookup_municipality (catalog (self), code) : NULL;
  gboolean region_changed = g_strcmp0 (region, self->region) != 0;
  gboolean code_changed;
  g_autofree char *new_region = NULL;
  g_autofree char *new_code = NULL;

  if (municipality != NULL && region != NULL && g_strcmp0 (ivd_municipality_get_region (municipality), region) != 0)
    code = NULL;
  code_changed = g_strcmp0 (code, self->municipality_code) != 0;
  if (!region_changed && !code_changed)
    return;

  /* Either may be the view's own string. */
  new_region = g_strdup (region);
  new_code = g_strdup (code);
  g_free (self->region);
  self->region = g_steal_pointer (&new_region);
  g_free (self->municipality_code);
  self->municipality_code = g_steal_pointer (&new_code);
  restore_expected (self);
  if (region_changed)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_REGION]);
  if (code_changed)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MUNICIPALITY_CODE]);
  sync_controls (self);
  ivd_monitoring_view_refresh (self);
}

/* File names name the period and area, never a patient. */
static char *
proposed_name (IvdMonitoringView *self)
{
  /* Translators: a file name; the year and the quarter. No patient data. */
  g_autofree char *base = g_strdup_printf (_("monitoring-%d-Q%d"), self->year, self->quarter);

  return g_strconcat (base, self->region != NULL ? "-" : "", self->region != NULL ? self->region : "",
                      self->municipality_code != NULL ? "-" : "",
                      self->municipality_code != NULL ? self->municipality_code : "", ".csv", NULL);
}

/* A Danish spreadsheet unless the locale writes decimals with a point. */
static gboolean
danish_by_default (void)
{
  const char *point = localeconv ()->decimal_point;

  return point == NULL || g_strcmp0 (point, ".") != 0;
}

/* ---- callbacks ---- */

static gboolean
on_refresh_timeout_cb (gpointer data)
{
  IvdMonitoringView *self = data;

  self->refresh_source = 0;
  ivd_monitoring_view_refresh (self);
  return G_SOURCE_REMOVE;
}

static void
on_store_changed_cb (IvdMonitoringView *self)
{
  cancel_pending_refresh (self);
  self->refresh_source = g_timeout_add (REFRESH_DELAY_MS, on_refresh_timeout_cb, self);
}

static void
on_year_value_changed_cb (IvdMonitoringView *self)
{
  if (!self->syncing)
    ivd_monitoring_view_set_year (self, gtk_spin_button_get_value_as_int (self->year_spin));
}

static void
on_quarter_selected_notify_cb (IvdMonitoringView *self)
{
  if (!self->syncing)
    ivd_monitoring_view_set_quarter (self, adw_combo_row_get_selected (self->quarter_row) + 1);
}

static void
on_region_selected_notify_cb (IvdMonitoringView *self)
{
  guint selected = adw_combo_row_get_selected (self->region_row);

  if (!self->syncing && selected != GTK_INVALID_LIST_POSITION)
    ivd_monitoring_view_set_region (self, selected > 0 ? ivd_catalog_get_region_ids ()[selected - 1] : NULL);
}

static void
on_municipality_selected_notify_cb (IvdMonitoringView *self)
{
  guint selected = adw_combo_row_get_selected (self->municipality_row);

  if (!self->syncing && selected < self->municipality_codes->len)
    ivd_monitoring_view_set_municipality_code (self, g_ptr_array_index (self->municipality_codes, selected));
}

static void
on_expected_value_changed_cb (IvdMonitoringView *self)
{
  if (!self->syncing)
    ivd_monitoring_view_set_expected_per_year (self, gtk_spin_button_get_value_as_int (self->expected_spin));
}

static void
on_chooser_response_cb (IvdMonitoringView    *self,
                        int                   response,
                        GtkFileChooserNative *chooser)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      const char *danish = gtk_file_chooser_get_choice (GTK_FILE_CHOOSER (chooser), "danish");
      /* The Danish dialect is for Excel: a byte order mark tells it UTF-8. */
      IvdCsvFlags flags = g_strcmp0 (danish, "true") == 0 ? IVD_CSV_DANISH | IVD_CSV_BOM : IVD_CSV_FLAGS_NONE;

      if (file != NULL)
        ivd_monitoring_view_export_csv (self, file, flags);
    }
  g_clear_object (&self->chooser);
}

static void
export_csv_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  IvdMonitoringView *self = IVD_MONITORING_VIEW (widget);
  GtkRoot *root = gtk_widget_get_root (widget);
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  g_autofree char *name = proposed_name (self);

  if (self->chooser != NULL)
    gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->chooser));
  g_clear_object (&self->chooser);

  self->chooser = gtk_file_chooser_native_new (_("Export the Monitoring Figures"),
                                               GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                               GTK_FILE_CHOOSER_ACTION_SAVE, _("_Save"), _("_Cancel"));
  gtk_file_filter_set_name (filter, _("Spreadsheet files (CSV)"));
  gtk_file_filter_add_pattern (filter, "*.csv");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (self->chooser), filter);
  gtk_file_chooser_add_choice (GTK_FILE_CHOOSER (self->chooser), "danish",
                               _("Danish spreadsheet (semicolon, decimal comma)"), NULL, NULL);
  gtk_file_chooser_set_choice (GTK_FILE_CHOOSER (self->chooser), "danish",
                               danish_by_default () ? "true" : "false");
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (self->chooser), name);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (self->chooser), TRUE);
  g_signal_connect_object (self->chooser, "response", G_CALLBACK (on_chooser_response_cb), self, G_CONNECT_SWAPPED);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}

/* ---- class ---- */

static void
ivd_monitoring_view_dispose (GObject *object)
{
  IvdMonitoringView *self = (IvdMonitoringView *) object;

  cancel_pending_refresh (self);
  if (self->chooser != NULL)
    gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->chooser));
  g_clear_object (&self->chooser);
  gtk_widget_dispose_template (GTK_WIDGET (self), IVD_TYPE_MONITORING_VIEW);
  g_clear_object (&self->activity_icon);
  g_clear_object (&self->report);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (ivd_monitoring_view_parent_class)->dispose (object);
}

static void
ivd_monitoring_view_finalize (GObject *object)
{
  IvdMonitoringView *self = (IvdMonitoringView *) object;

  g_clear_pointer (&self->region, g_free);
  g_clear_pointer (&self->municipality_code, g_free);
  g_clear_pointer (&self->expected_by_area, g_hash_table_unref);
  g_clear_pointer (&self->municipality_codes, g_ptr_array_unref);
  g_clear_pointer (&self->listed_region, g_free);

  G_OBJECT_CLASS (ivd_monitoring_view_parent_class)->finalize (object);
}

static void
ivd_monitoring_view_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  IvdMonitoringView *self = IVD_MONITORING_VIEW (object);

  switch (prop_id)
    {
    case PROP_STORE:             g_value_set_object (value, self->store); break;
    case PROP_YEAR:              g_value_set_int (value, self->year); break;
    case PROP_QUARTER:           g_value_set_int (value, self->quarter); break;
    case PROP_REGION:            g_value_set_string (value, self->region); break;
    case PROP_MUNICIPALITY_CODE: g_value_set_string (value, self->municipality_code); break;
    case PROP_EXPECTED_PER_YEAR: g_value_set_int (value, self->expected); break;
    case PROP_REPORT:            g_value_set_object (value, self->report); break;
    default:                     G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ivd_monitoring_view_set_property (GObject      *object,
                                  guint         prop_id,
                                  const GValue *value,
                                  GParamSpec   *pspec)
{
  IvdMonitoringView *self = IVD_MONITORING_VIEW (object);

  switch (prop_id)
    {
    case PROP_STORE:             ivd_monitoring_view_set_store (self, g_value_get_object (value)); break;
    case PROP_YEAR:              ivd_monitoring_view_set_year (self, g_value_get_int (value)); break;
    case PROP_QUARTER:           ivd_monitoring_view_set_quarter (self, g_value_get_int (value)); break;
    case PROP_REGION:            ivd_monitoring_view_set_region (self, g_value_get_string (value)); break;
    case PROP_MUNICIPALITY_CODE: ivd_monitoring_view_set_municipality_code (self, g_value_get_string (value)); break;
    case PROP_EXPECTED_PER_YEAR: ivd_monitoring_view_set_expected_per_year (self, g_value_get_int (value)); break;
    default:                     G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
install_properties (GObjectClass *object_class)
{
  GParamFlags flags = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  properties[PROP_STORE] = g_param_spec_object ("store", NULL, NULL, IVD_TYPE_STORE, flags);
  properties[PROP_YEAR] = g_param_spec_int ("year", NULL, NULL, 2000, 2100, 2026, flags);
  properties[PROP_QUARTER] = g_param_spec_int ("quarter", NULL, NULL, 1, 4, 1, flags);
  /* NULL: every region, every municipality. */
  properties[PROP_REGION] = g_param_spec_string ("region", NULL, NULL, NULL, flags);
  properties[PROP_MUNICIPALITY_CODE] = g_param_spec_string ("municipality-code", NULL, NULL, NULL, flags);
  /* Expected courses a year for the region or municipality; 0 when none
   * is set. */
  properties[PROP_EXPECTED_PER_YEAR] = g_param_spec_int ("expected-per-year", NULL, NULL, 0, 100000, 0, flags);
  properties[PROP_REPORT] = g_param_spec_object ("report", NULL, NULL, IVD_TYPE_MONITORING_REPORT,
                                                 G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
bind_template (GtkWidgetClass *widget_class)
{
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/ivdischarge/IvDischarge/ivd-monitoring-view.ui");
  gtk_widget_class_bind_template_child (widget_class, IvdMonitoringView, year_spin);
  gtk_widget_class_bind_template_child (widget_class, IvdMonitoringView, quarter_row);
  gtk_widget_class_bind_template_child (widget_class, IvdMonitoringView, region_row);
  gtk_widget_class_bind_template_child (widget_class, IvdMonitoringView, municipality_row);
  gtk_widget_class_bind_template_child (widget_class, IvdMonitoringView, referred_row);
  gtk_widget_class_bind_template_child (widget_class, IvdMonitoringView, referred_label);
  gtk_widget_class_bind_template_child (widget_class, IvdMonitoringView, accepted_row);
  gtk_widget_class_bind_template_child (widget_class, IvdMonitoringView, accepted_label);
  gtk_widget_class_bind_template_child (widget_class, IvdMonitoringView, type_row);
  gtk_widget_class_bind_template_child (widget_class, IvdMonitoringView, type_label);
  gtk_widget_class_bind_template_child (widget_class, IvdMonitoringView, form_row);
  gtk_widget_class_bind_template_child (widget_class, IvdMonitoringView, form_label);
  gtk_widget_class_bind_template_child (widget_class, IvdMonitoringView, visits_row);
  gtk_widget_class_bind_template_child (widget_class, IvdMonitoringView, visits_label);
  gtk_widget_class_bind_template_child (widget_class, IvdMonitoringView, minutes_row);
  gtk_widget_class_bind_template_child (widget_class, IvdMonitoringView, minutes_label);
  gtk_widget_class_bind_template_child (widget_class, IvdMonitoringView, days_row);
  gtk_widget_class_bind_template_child (widget_class, IvdMonitoringView, days_label);
  gtk_widget_class_bind_template_child (widget_class, IvdMonitoringView, place_row);
  gtk_widget_class_bind_template_child (widget_class, IvdMonitoringView, place_label);
  gtk_widget_class_bind_template_child (widget_class, IvdMonitoringView, tariff_group);
  gtk_widget_class_bind_template_child (widget_class, IvdMonitoringView, tariff_row);
  gtk_widget_class_bind_template_child (widget_class, IvdMonitoringView, tariff_label);
  gtk_widget_class_bind_template_child (widget_class, IvdMonitoringView, step_row);
  gtk_widget_class_bind_template_child (widget_class, IvdMonitoringView, step_label);
  gtk_widget_class_bind_template_child (widget_class, IvdMonitoringView, expected_spin);
  gtk_widget_class_bind_template_child (widget_class, IvdMonitoringView, activity_row);
  gtk_widget_class_bind_template_child (widget_class, IvdMonitoringView, activity_label);
  gtk_widget_class_bind_template_child (widget_class, IvdMonitoringView, chart);
}

static void
ivd_monitoring_view_class_init (IvdMonitoringViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ivd_monitoring_view_dispose;
  object_class->finalize = ivd_monitoring_view_finalize;
  object_class->get_property = ivd_monitoring_view_get_property;
  object_class->set_property = ivd_monitoring_view_set_property;
  install_properties (object_class);

  g_type_ensure (IVD_TYPE_MONITORING_CHART);
  bind_template (widget_class);
  gtk_widget_class_install_action (widget_class, "monitoring.export-csv", NULL, export_csv_action);
}

static void
ivd_monitoring_view_init (IvdMonitoringView *self)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  gtk_widget_init_template (GTK_WIDGET (self));
  /* Not a bound template child: AdwBin unparents its child itself. */
  self->toasts = ADW_TOAST_OVERLAY (adw_bin_get_child (ADW_BIN (self)));
  self->expected_by_area = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->municipality_codes = g_ptr_array_new_with_free_func (g_free);
  self->activity_icon = g_object_ref_sink (gtk_image_new_from_icon_name ("dialog-warning-symbolic"));
  gtk_widget_add_css_class (self->activity_icon, "warning");
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->activity_icon), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Above the expected level"), -1);
  /* The quarter under way. */
  self->year = CLAMP (g_date_time_get_year (now), 2000, 2100);
  self->quarter = (g_date_time_get_month (now) - 1) / 3 + 1;

  fill_regions (self);
  sync_controls (self);
  show_report (self);

  g_signal_connect_object (self->year_spin, "value-changed", G_CALLBACK (on_year_value_changed_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->quarter_row, "notify::selected", G_CALLBACK (on_quarter_selected_notify_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->region_row, "notify::selected", G_CALLBACK (on_region_selected_notify_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->municipality_row, "notify::selected",
                           G_CALLBACK (on_municipality_selected_notify_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->expected_spin, "value-changed", G_CALLBACK (on_expected_value_changed_cb), self,
                           G_CONNECT_SWAPPED);
}

GtkWidget *
ivd_monitoring_view_new (void)
{
  return g_object_new (IVD_TYPE_MONITORING_VIEW, NULL);
}

/* Returns: (transfer none) (nullable) */
IvdStore *
ivd_monitoring_view_get_store (IvdMonitoringView *self)
{
  g_return_val_if_fail (IVD_IS_MONITORING_VIEW (self), NULL);
  return self->store;
}

/* The figures are counted from @store, and again after each change in it. */
void
ivd_monitoring_view_set_store (IvdMonitoringView *self,
                               IvdStore          *store)
{
  g_return_if_fail (IVD_IS_MONITORING_VIEW (self));
  g_return_if_fail (store == NULL || IVD_IS_STORE (store));

  if (self->store == store)
    return;
  if (self->store != NULL)
    g_signal_handlers_disconnect_by_data (self->store, self);
  g_set_object (&self->store, store);
  if (store != NULL)
    g_signal_connect_object (store, "changed", G_CALLBACK (on_store_changed_cb), self, G_CONNECT_SWAPPED);

  sync_controls (self);
  ivd_monitoring_view_refresh (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STORE]);
}

int
ivd_monitoring_view_get_year (IvdMonitoringView *self)
{
  g_return_val_if_fail (IVD_IS_MONITORING_VIEW (self), 0);
  return self->year;
}

void
ivd_monitoring_view_set_year (IvdMonitoringView *self,
                              int                year)
{
  g_return_if_fail (IVD_IS_MONITORING_VIEW (self));
  g_return_if_fail (year >= 2000 && year <= 2100);

  if (self->year == year)
    return;
  self->year = year;
  sync_controls (self);
  ivd_monitoring_view_refresh (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_YEAR]);
}

int
ivd_monitoring_view_get_quarter (IvdMonitoringView *self)
{
  g_return_val_if_fail (IVD_IS_MONITORING_VIEW (self), 0);
  return self->quarter;
}

void
ivd_monitoring_view_set_quarter (IvdMonitoringView *self,
                                 int                quarter)
{
  g_return_if_fail (IVD_IS_MONITORING_VIEW (self));
  g_return_if_fail (quarter >= 1 && quarter <= 4);

  if (self->quarter == quarter)
    return;
  self->quarter = quarter;
  sync_controls (self);
  ivd_monitoring_view_refresh (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_QUARTER]);
}

/* Returns: (nullable): the region id, %NULL for every region */
const char *
ivd_monitoring_view_get_region (IvdMonitoringView *self)
{
  g_return_val_if_fail (IVD_IS_MONITORING_VIEW (self), NULL);
  return self->region;
}

/* A municipality outside the new region is let go. */
void
ivd_monitoring_view_set_region (IvdMonitoringView *self,
                                const char        *region)
{
  g_return_if_fail (IVD_IS_MONITORING_VIEW (self));
  g_return_if_fail (region == NULL || g_strv_contains (ivd_catalog_get_region_ids (), region));

  change_area (self, region, self->municipality_code);
}

/* Returns: (nullable): the municipality, %NULL for all */
const char *
ivd_monitoring_view_get_municipality_code (IvdMonitoringView *self)
{
  g_return_val_if_fail (IVD_IS_MONITORING_VIEW (self), NULL);
  return self->municipality_code;
}

/* Choosing a municipality outside the region chooses its region too. */
void
ivd_monitoring_view_set_municipality_code (IvdMonitoringView *self,
                                           const char        *code)
{
  IvdMunicipality *municipality;
  const char *region;

  g_return_if_fail (IVD_IS_MONITORING_VIEW (self));

  municipality = code != NULL && catalog (self) != NULL ? ivd_catalog_lookup_municipality (catalog (self), code)
                 : NULL;
  region = municipality != NULL && self->region != NULL ? ivd_municipality_get_region (municipality) : self->region;
  change_area (self, region, code);
}

int
ivd_monitoring_view_get_expected_per_year (IvdMonitoringView *self)
{
  g_return_val_if_fail (IVD_IS_MONITORING_VIEW (self), 0);
  return self->expected;
}

/* The expected courses a year for the area chosen now; kept for it while
 * the view lives. */
void
ivd_monitoring_view_set_expected_per_year (IvdMonitoringView *self,
                                           int                expected)
{
  g_return_if_fail (IVD_IS_MONITORING_VIEW (self));
  g_return_if_fail (expected >= 0 && expected <= 100000);

  if (self->expected == expected)
    return;
  self->expected = expected;
  g_hash_table_replace (self->expected_by_area, g_strdup (area_key (self)), GINT_TO_POINTER (expected));
  sync_controls (self);
  ivd_monitoring_view_refresh (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_EXPECTED_PER_YEAR]);
}

/* Returns: (transfer none) (nullable): the figures shown */
IvdMonitoringReport *
ivd_monitoring_view_get_report (IvdMonitoringView *self)
{
  g_return_val_if_fail (IVD_IS_MONITORING_VIEW (self), NULL);
  return self->report;
}

/* Counts the figures again now; a failure is said in a toast. */
void
ivd_monitoring_view_refresh (IvdMonitoringView *self)
{
  g_autoptr(IvdMonitoringReport) report = NULL;
  g_autoptr(GError) error = NULL;

  g_return_if_fail (IVD_IS_MONITORING_VIEW (self));

  cancel_pending_refresh (self);
  if (self->store == NULL)
    {
      set_report (self, NULL);
      return;
    }

  report = ivd_store_get_monitoring (self->store, self->year, self->quarter, self->region, self->municipality_code,
                                     self->expected, &error);
  if (report == NULL)
    {
      g_autofree char *message = g_strdup_printf (_("The figures could not be counted: %s"), error->message);
      show_toast (self, message, TRUE);
    }
  set_report (self, report);
}

/**
 * ivd_monitoring_view_export_csv:
 * @flags: the dialect; the save dialog ends here too
 *
 * Writes the figures shown to @file (readable by the user only); a toast
 * says what happened.
 *
 * Returns: whether the file was written
 */
gboolean
ivd_monitoring_view_export_csv (IvdMonitoringView *self,
                                GFile             *file,
                                IvdCsvFlags        flags)
{
  g_autoptr(IvdCsvWriter) writer = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  g_autofree char *name = NULL;
  g_autofree char *message = NULL;

  g_return_val_if_fail (IVD_IS_MONITORING_VIEW (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  if (self->report == NULL)
    {
      show_toast (self, _("Nothing was saved: there are no figures to export"), TRUE);
      return FALSE;
    }
  if ((path = g_file_get_path (file)) == NULL)
    {
      show_toast (self, _("Nothing was saved: choose a folder on this computer"), TRUE);
      return FALSE;
    }

  writer = ivd_csv_writer_new (flags);
  ivd_csv_writer_add_monitoring (writer, self->report, catalog (self));
  if (!ivd_csv_writer_write_file (writer, path, &error))
    {
      show_toast (self, error->message, TRUE);
      return FALSE;
    }

  name = g_filename_display_basename (path);
  message = g_strdup_printf (_("Saved as “%s”"), name);
  show_toast (self, message, FALSE);
  return TRUE;
}
