#define G_LOG_DOMAIN "ivd-monitoring"

#include "config.h"

#include <math.h>

#include <glib/gi18n.h>

#include "ivd-error.h"
#include "ivd-monitoring.h"
#include "ivd-store-private.h"
#include "ivd-tariff.h"

/* The coordinator's quarterly figures (domain §12), Hovedstaden's tariff
 * (domain §11) and activity against an expected volume, read from the
 * store's indexed columns. The rules, also in the README:
 *
 * - A course is counted in the quarter of its latest referral (local
 *   time); cancelled plans are not counted at all.
 * - (1) Citizens referred: distinct CPR numbers among those courses; a
 *   plan without a CPR number counts as one citizen.
 * - (2) Citizens visited: the same, for courses the municipality accepted.
 * - (3)-(7) describe the accepted courses: type and form, visits per day,
 *   minutes per visit, days, and place (home, nursing home and residential
 *   care count as home; acute and temporary beds are listed apart).
 * - Tariff: each accepted Hovedstaden course of the quarter is priced at
 *   the step of the region's accepted courses referred before it in the
 *   same calendar year (the 1st to 1500th course: step 1), as course
 *   tariff plus day tariff past the included days.
 * - Activity: accepted courses referred from 1 January up to the end of
 *   the quarter (or now, if earlier), against the expected volume pro
 *   rata by months elapsed; flagged at 20 % or more over once six months
 *   have passed. */
struct _IvdMonitoringReport
{
  GObject            parent_instance;

  int                year;
  int                quarter;
  char              *region;
  char              *municipality_code;

  guint              citizens_referred;
  guint              citizens_accepted;
  guint              courses_referred;
  guint              courses_accepted;
  guint              courses_declined;
  guint              by_type[IVD_MONITORING_N_TYPES];
  guint              by_form[IVD_MONITORING_N_FORMS];
  guint              by_visits[IVD_MONITORING_MAX_VISITS + 1];   /* [0]: not known */
  IvdMonitoringStat  visits;
  IvdMonitoringStat  minutes;
  IvdMonitoringStat  days;
  guint              by_place[IVD_MONITORING_N_PLACES];

  gboolean           has_tariff;
  guint              tariff_courses;
  guint              tariff_unpriced;
  guint              tariff_without_days;
  gint64             tariff_course_dkk;
  gint64             tariff_day_dkk;
  int                tariff_step;
  guint              tariff_year_courses;

  guint              n_months;
  guint              months[12][IVD_MONITORING_N_TYPES];

  int                expected_per_year;
  double             months_elapsed;
  guint              courses_this_year;
};

G_DEFINE_FINAL_TYPE (IvdMonitoringReport, ivd_monitoring_report, G_TYPE_OBJECT)

/* Every statement names the index of schema version 5: the store keeps no
 * statistics (no ANALYZE), and without them SQLite takes the region index
 * for "region = ?" and reads the whole region's rows, not the quarter's. */
#define TARIFF_REGION "hovedstaden"
#define N_STEPS 3

/* The times a computation compares referral times with: the store's own
 * UTC form, so that text order is time order. */
typedef struct
{
  IvdDatabase *db;
  const char  *region;            /* as asked: NULL for all */
  const char  *municipality_code;
  char        *months[13];        /* 1 January ... next 1 January */
  char        *cutoff;            /* the quarter's end, or now if earlier */
  JsonObject  *tariff;            /* Hovedstaden's, when the selection has it */
} Bounds;

/* One step's prices for one tariff category. */
typedef struct
{
  gboolean known;
  gint64   course_dkk;
  gint64   day_dkk;
  gint64   included_days;
} Price;

typedef struct
{
  Price   prices[3][N_STEPS];    /* antibiotic, fluid, pump */
  guint   rank;                  /* Hovedstaden's courses so far this year */
  GArray *visits;
  GArray *minutes;
  GArray *days;
} Tally;

static const char * const tariff_categories[] = { "antibiotic", "fluid", "pump" };

static char *
utc_text (GDateTime *time)
{
  g_autoptr(GDateTime) utc = g_date_time_to_utc (time);

  return g_date_time_format (utc, "%Y-%m-%dT%H:%M:%S.%fZ");
}

/* Local midnight on the first of @month; month 13 is next January. */
static GDateTime *
month_start (int year,
             int month)
{
  return g_date_time_new_local (year + (month - 1) / 12, (month - 1) % 12 + 1, 1, 0, 0, 0);
}

/* Months of @year passed at @time, counting the current month pro rata. */
static double
months_elapsed_at (int        year,
                   GDateTime *time)
{
  for (int month = 1; month <= 12; month++)
    {
      g_autoptr(GDateTime) start = month_start (year, month);
      g_autoptr(GDateTime) end = month_start (year, month + 1);

      if (g_date_time_compare (time, start) < 0)
        return month - 1;
      if (g_date_time_compare (time, end) < 0)
        return month - 1 + (double) g_date_time_difference (time, start) / g_date_time_difference (end, start);
    }
  return 12;
}

static void
bounds_clear (Bounds *bounds)
{
  for (guint i = 0; i < G_N_ELEMENTS (bounds->months); i++)
    g_clear_pointer (&bounds->months[i], g_free);
  g_clear_pointer (&bounds->cutoff, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Bounds, bounds_clear)

static void
bounds_init (Bounds              *bounds,
             IvdMonitoringReport *report,
             GDateTime           *now)
{
  g_autoptr(GDateTime) quarter_end = month_start (report->year, report->quarter * 3 + 1);

  for (int month = 1; month <= 13; month++)
    {
      g_autoptr(GDateTime) start = month_start (report->year, month);
      bounds->months[month - 1] = utc_text (start);
    }
  bounds->cutoff = utc_text (g_date_time_compare (now, quarter_end) < 0 ? now : quarter_end);
  report->months_elapsed = months_elapsed_at (report->year,
                                              g_date_time_compare (now, quarter_end) < 0 ? now : quarter_end);
}

static const char *
quarter_start (const Bounds        *bounds,
               IvdMonitoringReport *report)
{
  return bounds->months[(report->quarter - 1) * 3];
}

static const char *
quarter_end (const Bounds        *bounds,
             IvdMonitoringReport *report)
{
  return bounds->months[report->quarter * 3];
}

static IvdMonitoringType
type_of (const char *type)
{
  if (g_strcmp0 (type, "antibiotic") == 0)
    return IVD_MONITORING_TYPE_ANTIBIOTIC;
  if (g_strcmp0 (type, "fluid") == 0)
    return IVD_MONITORING_TYPE_FLUID;
  if (g_strcmp0 (type, "other") == 0)
    return IVD_MONITORING_TYPE_OTHER;
  return IVD_MONITORING_TYPE_UNKNOWN;
}

static IvdMonitoringForm
form_of (const char *form)
{
  if (g_strcmp0 (form, "iv_pump") == 0)
    return IVD_MONITORING_FORM_PUMP;
  if (g_strcmp0 (form, "iv_intermittent") == 0)
    return IVD_MONITORING_FORM_INTERMITTENT;
  return IVD_MONITORING_FORM_UNKNOWN;
}

static IvdMonitoringPlace
place_of (const char *place)
{
  const char * const home[] = { "home", "nursing_home", "residential", NULL };
  const char * const other[] = { "acute_bed", "temporary_bed", NULL };

  if (place == NULL)
    return IVD_MONITORING_PLACE_UNKNOWN;
  if (g_strv_contains (home, place))
    return IVD_MONITORING_PLACE_HOME;
  if (g_str_equal (place, "clinic"))
    return IVD_MONITORING_PLACE_CLINIC;
  if (g_strv_contains (other, place))
    return IVD_MONITORING_PLACE_OTHER;
  return IVD_MONITORING_PLACE_UNKNOWN;
}

static int
compare_ints (gconstpointer a,
              gconstpointer b)
{
  int x = *(const int *) a, y = *(const int *) b;

  return (x > y) - (x < y);
}

static IvdMonitoringStat
stat_of (GArray *values)
{
  IvdMonitoringStat stat = { values->len, NAN, NAN };
  double sum = 0;
  guint half = values->len / 2;

  if (values->len == 0)
    return stat;

  g_array_sort (values, compare_ints);
  for (guint i = 0; i < values->len; i++)
    sum += g_array_index (values, int, i);
  stat.mean = sum / values->len;
  stat.median = values->len % 2 == 1
                ? g_array_index (values, int, half)
                : (g_array_index (values, int, half - 1) + g_array_index (values, int, half)) / 2.0;
  return stat;
}

/* A column that is NULL (not known) or not positive is left out. */
static void
add_known (GArray       *values,
           sqlite3_stmt *stmt,
           int           column)
{
  int value;

  if (sqlite3_column_type (stmt, column) == SQLITE_NULL || (value = sqlite3_column_int (stmt, column)) <= 0)
    return;
  g_array_append_val (values, value);
}

/* The step for the course that comes after @count courses this year,
 * from the rule file's "steps" (domain §11: the first 1500 at step 1). */
static int
step_for (JsonObject *tariff,
          guint       count)
{
  JsonNode *node = json_object_get_member (tariff, "steps");
  JsonArray *steps;
  int found = 1;

  if (node == NULL || !JSON_NODE_HOLDS_ARRAY (node))
    return found;
  steps = json_node_get_array (node);
  for (guint i = 0; i < json_array_get_length (steps); i++)
    {
      JsonObject *step = json_array_get_object_element (steps, i);
      JsonNode *to = step != NULL ? json_object_get_member (step, "to_courses") : NULL;

      if (step == NULL || json_object_get_int_member_with_default (step, "from_courses", 0) > count)
        continue;
      found = (int) json_object_get_int_member_with_default (step, "step", found);
      if (to != NULL && !JSON_NODE_HOLDS_NULL (to) && count <= json_node_get_int (to))
        break;
    }
  return CLAMP (found, 1, N_STEPS);
}

/* Prices come from ivd-tariff.c, read once per category and step. */
static void
tally_init_prices (Tally      *tally,
                   JsonObject *tariff)
{
  for (guint c = 0; c < G_N_ELEMENTS (tariff_categories); c++)
    for (int step = 1; step <= N_STEPS && tariff != NULL; step++)
      {
        g_autoptr(IvdTariff) computed = ivd_tariff_compute (tariff, tariff_categories[c], step, -1);
        g_autoptr(JsonNode) node = computed != NULL ? ivd_tariff_to_json (computed) : NULL;
        JsonObject *object = node != NULL ? json_node_get_object (node) : NULL;
        Price *price = &tally->prices[c][step - 1];

        if (object == NULL)
          continue;
        price->known = TRUE;
        price->course_dkk = json_object_get_int_member_with_default (object, "course_dkk", 0);
        price->day_dkk = json_object_get_int_member_with_default (object, "day_dkk", 0);
        price->included_days = json_object_get_int_member_with_default (object, "included_days", 0);
      }
}

static void
tally_clear (Tally *tally)
{
  g_clear_pointer (&tally->visits, g_array_unref);
  g_clear_pointer (&tally->minutes, g_array_unref);
  g_clear_pointer (&tally->days, g_array_unref);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Tally, tally_clear)

/* Binds the selection from parameter @first on: region, municipality. */
static void
bind_selection (sqlite3_stmt *stmt,
                int           first,
                const Bounds *bounds)
{
  ivd_database_bind_text (stmt, first, bounds->region);
  ivd_database_bind_text (stmt, first + 1, bounds->municipality_code);
}

static gboolean
in_selection (const Bounds *bounds,
              const char   *region,
              const char   *municipality_code)
{
  return (bounds->region == NULL || g_strcmp0 (region, bounds->region) == 0) &&
         (bounds->municipality_code == NULL || g_strcmp0 (municipality_code, bounds->municipality_code) == 0);
}

/* Figures (1) and (2), and the courses referred, accepted and declined. */
static gboolean
count_citizens (IvdMonitoringReport  *self,
                const Bounds         *bounds,
                GError              **error)
{
  g_autoptr(IvdStatement) stmt = NULL;

  stmt = ivd_database_prepare (bounds->db,
                               "SELECT count (DISTINCT nullif (cpr, '')),"
                               " count (*) FILTER (WHERE nullif (cpr, '') IS NULL),"
                               " count (DISTINCT CASE WHEN answer = 'accepted' THEN nullif (cpr, '') END),"
                               " count (*) FILTER (WHERE answer = 'accepted' AND nullif (cpr, '') IS NULL),"
                               " count (*), count (*) FILTER (WHERE answer = 'accepted'),"
                               " count (*) FILTER (WHERE answer = 'declined') "
                               "FROM plans INDEXED BY plans_monitoring"
                               " WHERE referred_at >= ?1 AND referred_at < ?2 AND status <> 'cancelled'"
                               " AND (?3 IS NULL OR region = ?3) AND (?4 IS NULL OR municipality_code = ?4)",
                               error);
  if (stmt == NULL)
    return FALSE;
  ivd_database_bind_text (stmt, 1, quarter_start (bounds, self));
  ivd_database_bind_text (stmt, 2, quarter_end (bounds, self));
  bind_selection (stmt, 3, bounds);
  if (ivd_database_step (bounds->db, stmt, error) != SQLITE_ROW)
    return FALSE;

  self->citizens_referred = sqlite3_column_int (stmt, 0) + sqlite3_column_int (stmt, 1);
  self->citizens_accepted = sqlite3_column_int (stmt, 2) + sqlite3_column_int (stmt, 3);
  self->courses_referred = sqlite3_column_int (stmt, 4);
  self->courses_accepted = sqlite3_column_int (stmt, 5);
  self->courses_declined = sqlite3_column_int (stmt, 6);
  return TRUE;
}

/* Hovedstaden's accepted courses from 1 January up to @before. */
static gboolean
count_tariff_courses (const Bounds  *bounds,
                      const char    *before,
                      guint         *count,
                      GError       **error)
{
  g_autoptr(IvdStatement) stmt = NULL;

  stmt = ivd_database_prepare (bounds->db,
                               "SELECT count (*) FROM plans INDEXED BY plans_monitoring"
                               " WHERE referred_at >= ?1 AND referred_at < ?2"
                               " AND answer = 'accepted' AND status <> 'cancelled' AND region = ?3",
                               error);
  if (stmt == NULL)
    return FALSE;
  ivd_database_bind_text (stmt, 1, bounds->months[0]);
  ivd_database_bind_text (stmt, 2, before);
  ivd_database_bind_text (stmt, 3, TARIFF_REGION);
  if (ivd_database_step (bounds->db, stmt, error) != SQLITE_ROW)
    return FALSE;
  *count = sqlite3_column_int (stmt, 0);
  return TRUE;
}

static int
tariff_category (const char *type,
                 const char *form)
{
  if (g_strcmp0 (form, "iv_pump") == 0)
    return 2;
  switch (type_of (type))
    {
    case IVD_MONITORING_TYPE_ANTIBIOTIC: return 0;
    case IVD_MONITORING_TYPE_FLUID:      return 1;
    case IVD_MONITORING_TYPE_OTHER:
    case IVD_MONITORING_TYPE_UNKNOWN:
    case IVD_MONITORING_N_TYPES:
    default:                             return -1;
    }
}

/* Course tariff, plus the day tariff for each day past those included. */
static void
price_course (IvdMonitoringReport *self,
              const Tally         *tally,
              int                  step,
              sqlite3_stmt        *stmt)
{
  int category = tariff_category ((const char *) sqlite3_column_text (stmt, 2),
                                  (const char *) sqlite3_column_text (stmt, 3));
  const Price *price = category >= 0 ? &tally->prices[category][step - 1] : NULL;
  int days;

  if (price == NULL || !price->known)
    {
      self->tariff_unpriced++;
      return;
    }

  self->tariff_courses++;
  self->tariff_course_dkk += price->course_dkk;
  if (sqlite3_column_type (stmt, 7) == SQLITE_NULL || (days = sqlite3_column_int (stmt, 7)) <= 0)
    self->tariff_without_days++;
  else
    self->tariff_day_dkk += MAX (0, days - price->included_days) * price->day_dkk;
}

/* One accepted course of the selection: figures (3) to (7). */
static void
count_course (IvdMonitoringReport *self,
              Tally               *tally,
              sqlite3_stmt        *stmt)
{
  int visits = sqlite3_column_type (stmt, 5) == SQLITE_NULL ? 0 : sqlite3_column_int (stmt, 5);

  self->by_type[type_of ((const char *) sqlite3_column_text (stmt, 2))]++;
  self->by_form[form_of ((const char *) sqlite3_column_text (stmt, 3))]++;
  self->by_place[place_of ((const char *) sqlite3_column_text (stmt, 4))]++;
  self->by_visits[CLAMP (visits, 0, IVD_MONITORING_MAX_VISITS)]++;
  add_known (tally->visits, stmt, 5);
  add_known (tally->minutes, stmt, 6);
  add_known (tally->days, stmt, 7);
}

/* The quarter's accepted courses in referral order: those of the
 * selection for figures (3) to (7), and every Hovedstaden course for the
 * tariff, since a course's step depends on the whole region's count.
 * Everything but the form comes from the index; the document is read for
 * the selection's courses only. */
static gboolean
count_courses (IvdMonitoringReport  *self,
               const Bounds         *bounds,
               Tally                *tally,
               GError              **error)
{
  g_autoptr(IvdStatement) stmt = NULL;
  int rc;

  stmt = ivd_database_prepare (bounds->db,
                               "SELECT region, municipality_code, treatment_type,"
                               " CASE WHEN (?3 IS NULL OR region = ?3) AND (?4 IS NULL OR municipality_code = ?4)"
                               "  AND json_valid (document) THEN json_extract (document, '$.treatment.form') END,"
                               " place_kind, visits_per_day, minutes, days "
                               "FROM plans INDEXED BY plans_monitoring"
                               " WHERE referred_at >= ?1 AND referred_at < ?2"
                               " AND answer = 'accepted' AND status <> 'cancelled'"
                               " AND (((?3 IS NULL OR region = ?3) AND (?4 IS NULL OR municipality_code = ?4))"
                               "      OR region = ?5) "
                               "ORDER BY referred_at, pk",
                               error);
  if (stmt == NULL)
    return FALSE;
  ivd_database_bind_text (stmt, 1, quarter_start (bounds, self));
  ivd_database_bind_text (stmt, 2, quarter_end (bounds, self));
  bind_selection (stmt, 3, bounds);
  ivd_database_bind_text (stmt, 5, bounds->tariff != NULL ? TARIFF_REGION : NULL);

  while ((rc = ivd_database_step (bounds->db, stmt, error)) == SQLITE_ROW)
    {
      const char *region = (const char *) sqlite3_column_text (stmt, 0);
      gboolean selected = in_selection (bounds, region, (const char *) sqlite3_column_text (stmt, 1));
      int step;

      if (selected)
        count_course (self, tally, stmt);
      if (bounds->tariff == NULL || g_strcmp0 (region, TARIFF_REGION) != 0)
        continue;
      /* Priced at the step reached when it was referred. */
      step = step_for (bounds->tariff, tally->rank++);
      if (selected)
        price_course (self, tally, step, stmt);
    }
  return rc == SQLITE_DONE;
}

/* Which month @time falls in, 0-11, by the month starts in @bounds. */
static int
month_of (const Bounds *bounds,
          const char   *time)
{
  int month = 0;

  while (month < 11 && strcmp (time, bounds->months[month + 1]) >= 0)
    month++;
  return month;
}

/* Accepted courses per month and type from 1 January to the quarter's
 * end, and those up to the cutoff for the expected volume. */
static gboolean
count_months (IvdMonitoringReport  *self,
              const Bounds         *bounds,
              GError              **error)
{
  g_autoptr(IvdStatement) stmt = NULL;
  int rc;

  stmt = ivd_database_prepare (bounds->db,
                               "SELECT referred_at, treatment_type FROM plans INDEXED BY plans_monitoring"
                               " WHERE referred_at >= ?1 AND referred_at < ?2"
                               " AND answer = 'accepted' AND status <> 'cancelled'"
                               " AND (?3 IS NULL OR region = ?3) AND (?4 IS NULL OR municipality_code = ?4)",
                               error);
  if (stmt == NULL)
    return FALSE;
  ivd_database_bind_text (stmt, 1, bounds->months[0]);
  ivd_database_bind_text (stmt, 2, quarter_end (bounds, self));
  bind_selection (stmt, 3, bounds);

  while ((rc = ivd_database_step (bounds->db, stmt, error)) == SQLITE_ROW)
    {
      const char *time = (const char *) sqlite3_column_text (stmt, 0);

      self->months[month_of (bounds, time)][type_of ((const char *) sqlite3_column_text (stmt, 1))]++;
      if (strcmp (time, bounds->cutoff) < 0)
        self->courses_this_year++;
    }
  return rc == SQLITE_DONE;
}

/* The municipality's region, and an error for a selection that cannot
 * hold a course: an unknown region or municipality, or one outside the
 * region. */
static gboolean
check_selection (IvdCatalog  *catalog,
                 const char  *region,
                 const char  *municipality_code,
                 const char **effective_region,
                 GError     **error)
{
  IvdMunicipality *municipality = NULL;

  if (region != NULL && !g_strv_contains (ivd_catalog_get_region_ids (), region))
    return g_set_error (error, IVD_ERROR, IVD_ERROR_INVALID, _("unknown region “%s”"), region), FALSE;

  *effective_region = region;
  if (municipality_code == NULL || catalog == NULL)
    return TRUE;

  municipality = ivd_catalog_lookup_municipality (catalog, municipality_code);
  if (municipality == NULL)
    return g_set_error (error, IVD_ERROR, IVD_ERROR_INVALID, _("unknown municipality code “%s”"),
                        municipality_code), FALSE;
  if (region != NULL && g_strcmp0 (ivd_municipality_get_region (municipality), region) != 0)
    return g_set_error (error, IVD_ERROR, IVD_ERROR_INVALID, _("%s is not a municipality in this region"),
                        ivd_municipality_get_name (municipality)), FALSE;

  *effective_region = ivd_municipality_get_region (municipality);
  return TRUE;
}

/* Hovedstaden's tariff table when the selection can hold its courses. */
static gboolean
find_tariff (IvdCatalog  *catalog,
             const char  *effective_region,
             JsonObject **tariff,
             GError     **error)
{
  IvdRuleSet *rule_set;

  *tariff = NULL;
  if (catalog == NULL || (effective_region != NULL && g_strcmp0 (effective_region, TARIFF_REGION) != 0))
    return TRUE;
  if ((rule_set = ivd_catalog_get_rule_set (catalog, TARIFF_REGION, error)) == NULL)
    return FALSE;
  *tariff = ivd_rule_set_get_tariff (rule_set);
  if (*tariff != NULL && json_object_get_member (*tariff, "categories") == NULL)
    *tariff = NULL;
  return TRUE;
}

static gboolean
compute (IvdMonitoringReport  *self,
         Bounds               *bounds,
         GError              **error)
{
  g_auto(Tally) tally = { 0, };
  guint before_quarter = 0;

  tally.visits = g_array_new (FALSE, FALSE, sizeof (int));
  tally.minutes = g_array_new (FALSE, FALSE, sizeof (int));
  tally.days = g_array_new (FALSE, FALSE, sizeof (int));
  tally_init_prices (&tally, bounds->tariff);

  if (bounds->tariff != NULL && !count_tariff_courses (bounds, quarter_start (bounds, self), &before_quarter, error))
    return FALSE;
  tally.rank = before_quarter;

  if (!count_citizens (self, bounds, error) || !count_courses (self, bounds, &tally, error) ||
      !count_months (self, bounds, error))
    return FALSE;

  self->visits = stat_of (tally.visits);
  self->minutes = stat_of (tally.minutes);
  self->days = stat_of (tally.days);
  self->has_tariff = bounds->tariff != NULL;
  self->tariff_year_courses = tally.rank;
  self->tariff_step = bounds->tariff != NULL ? step_for (bounds->tariff, tally.rank) : 0;
  return TRUE;
}

static void
ivd_monitoring_report_finalize (GObject *object)
{
  IvdMonitoringReport *self = (IvdMonitoringReport *) object;

  g_clear_pointer (&self->region, g_free);
  g_clear_pointer (&self->municipality_code, g_free);

  G_OBJECT_CLASS (ivd_monitoring_report_parent_class)->finalize (object);
}

static void
ivd_monitoring_report_class_init (IvdMonitoringReportClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = ivd_monitoring_report_finalize;
}

static void
ivd_monitoring_report_init (IvdMonitoringReport *self)
{
  self->visits = self->minutes = self->days = (IvdMonitoringStat) { 0, NAN, NAN };
}

/**
 * ivd_store_get_monitoring_at:
 * @year: the calendar year
 * @quarter: 1-4
 * @region: (nullable): a region id, or %NULL for every region
 * @municipality_code: (nullable): a municipality, or %NULL for all
 * @expected_per_year: the expected courses a year, 0 when not set
 * @now: the time the activity is counted up to, within the quarter
 *
 * Computes the figures for the quarter (local time) and selection. A
 * region and municipality that disagree, or unknown ones, are an error.
 *
 * Returns: (transfer full) (nullable): the report
 */
IvdMonitoringReport *
ivd_store_get_monitoring_at (IvdStore    *store,
                             int          year,
                             int          quarter,
                             const char  *region,
                             const char  *municipality_code,
                             int          expected_per_year,
                             GDateTime   *now,
                             GError     **error)
{
  g_autoptr(IvdMonitoringReport) self = NULL;
  g_auto(Bounds) bounds = { 0, };
  IvdCatalog *catalog;
  const char *effective_region = NULL;

  g_return_val_if_fail (IVD_IS_STORE (store), NULL);
  g_return_val_if_fail (year >= 1900 && year <= 9998, NULL);
  g_return_val_if_fail (quarter >= 1 && quarter <= 4, NULL);
  g_return_val_if_fail (expected_per_year >= 0, NULL);
  g_return_val_if_fail (now != NULL, NULL);

  catalog = ivd_store_get_catalog (store);
  bounds.db = ivd_store_get_database (store);
  bounds.region = region;
  bounds.municipality_code = municipality_code;
  if (!check_selection (catalog, region, municipality_code, &effective_region, error) ||
      !find_tariff (catalog, effective_region, &bounds.tariff, error))
    return NULL;

  self = g_object_new (IVD_TYPE_MONITORING_REPORT, NULL);
  self->year = year;
  self->quarter = quarter;
  self->region = g_strdup (region);
  self->municipality_code = g_strdup (municipality_code);
  self->expected_per_year = expected_per_year;
  self->n_months = quarter * 3;
  bounds_init (&bounds, self, now);

  if (!compute (self, &bounds, error))
    return NULL;
  return g_steal_pointer (&self);
}

/**
 * ivd_store_get_monitoring:
 *
 * ivd_store_get_monitoring_at() as of now.
 */
IvdMonitoringReport *
ivd_store_get_monitoring (IvdStore    *store,
                          int          year,
                          int          quarter,
                          const char  *region,
                          const char  *municipality_code,
                          int          expected_per_year,
                          GError     **error)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  return ivd_store_get_monitoring_at (store, year, quarter, region, municipality_code, expected_per_year, now,
                                      error);
}

int
ivd_monitoring_report_get_year (IvdMonitoringReport *self)
{
  g_return_val_if_fail (IVD_IS_MONITORING_REPORT (self), 0);
  return self->year;
}

int
ivd_monitoring_report_get_quarter (IvdMonitoringReport *self)
{
  g_return_val_if_fail (IVD_IS_MONITORING_REPORT (self), 0);
  return self->quarter;
}

/* Returns: (nullable): the region asked for, %NULL for all */
const char *
ivd_monitoring_report_get_region (IvdMonitoringReport *self)
{
  g_return_val_if_fail (IVD_IS_MONITORING_REPORT (self), NULL);
  return self->region;
}

/* Returns: (nullable): the municipality asked for, %NULL for all */
const char *
ivd_monitoring_report_get_municipality_code (IvdMonitoringReport *self)
{
  g_return_val_if_fail (IVD_IS_MONITORING_REPORT (self), NULL);
  return self->municipality_code;
}

/* (1) Distinct citizens referred in the quarter. */
guint
ivd_monitoring_report_get_citizens_referred (IvdMonitoringReport *self)
{
  g_return_val_if_fail (IVD_IS_MONITORING_REPORT (self), 0);
  return self->citizens_referred;
}

/* (2) Distinct citizens whose referral the municipality accepted. */
guint
ivd_monitoring_report_get_citizens_accepted (IvdMonitoringReport *self)
{
  g_return_val_if_fail (IVD_IS_MONITORING_REPORT (self), 0);
  return self->citizens_accepted;
}

guint
ivd_monitoring_report_get_courses_referred (IvdMonitoringReport *self)
{
  g_return_val_if_fail (IVD_IS_MONITORING_REPORT (self), 0);
  return self->courses_referred;
}

guint
ivd_monitoring_report_get_courses_accepted (IvdMonitoringReport *self)
{
  g_return_val_if_fail (IVD_IS_MONITORING_REPORT (self), 0);
  return self->courses_accepted;
}

guint
ivd_monitoring_report_get_courses_declined (IvdMonitoringReport *self)
{
  g_return_val_if_fail (IVD_IS_MONITORING_REPORT (self), 0);
  return self->courses_declined;
}

/* (3) Accepted courses of @type. */
guint
ivd_monitoring_report_get_courses_by_type (IvdMonitoringReport *self,
                                           IvdMonitoringType    type)
{
  g_return_val_if_fail (IVD_IS_MONITORING_REPORT (self), 0);
  g_return_val_if_fail (type < IVD_MONITORING_N_TYPES, 0);
  return self->by_type[type];
}

/* (3) Accepted courses given in @form. */
guint
ivd_monitoring_report_get_courses_by_form (IvdMonitoringReport *self,
                                           IvdMonitoringForm    form)
{
  g_return_val_if_fail (IVD_IS_MONITORING_REPORT (self), 0);
  g_return_val_if_fail (form < IVD_MONITORING_N_FORMS, 0);
  return self->by_form[form];
}

/* (4) Accepted courses with @visits_per_day visits a day; 0 counts those
 * not known, IVD_MONITORING_MAX_VISITS those with that many or more. */
guint
ivd_monitoring_report_get_courses_by_visits (IvdMonitoringReport *self,
                                             guint                visits_per_day)
{
  g_return_val_if_fail (IVD_IS_MONITORING_REPORT (self), 0);
  g_return_val_if_fail (visits_per_day <= IVD_MONITORING_MAX_VISITS, 0);
  return self->by_visits[visits_per_day];
}

/* (4) Visits per day: mean and median over the courses where known. */
const IvdMonitoringStat *
ivd_monitoring_report_get_visits (IvdMonitoringReport *self)
{
  g_return_val_if_fail (IVD_IS_MONITORING_REPORT (self), NULL);
  return &self->visits;
}

/* (5) Minutes per visit. */
const IvdMonitoringStat *
ivd_monitoring_report_get_minutes (IvdMonitoringReport *self)
{
  g_return_val_if_fail (IVD_IS_MONITORING_REPORT (self), NULL);
  return &self->minutes;
}

/* (6) Length of course in days. */
const IvdMonitoringStat *
ivd_monitoring_report_get_days (IvdMonitoringReport *self)
{
  g_return_val_if_fail (IVD_IS_MONITORING_REPORT (self), NULL);
  return &self->days;
}

/* (7) Accepted courses by place. */
guint
ivd_monitoring_report_get_courses_by_place (IvdMonitoringReport *self,
                                            IvdMonitoringPlace   place)
{
  g_return_val_if_fail (IVD_IS_MONITORING_REPORT (self), 0);
  g_return_val_if_fail (place < IVD_MONITORING_N_PLACES, 0);
  return self->by_place[place];
}

/* (7) Home courses as a share (0-1) of home and clinic courses together;
 * NAN when there are none. */
double
ivd_monitoring_report_get_home_share (IvdMonitoringReport *self)
{
  guint both;

  g_return_val_if_fail (IVD_IS_MONITORING_REPORT (self), NAN);
  both = self->by_place[IVD_MONITORING_PLACE_HOME] + self->by_place[IVD_MONITORING_PLACE_CLINIC];
  return both > 0 ? (double) self->by_place[IVD_MONITORING_PLACE_HOME] / both : NAN;
}

/* Whether the selection can hold Hovedstaden courses, the only region
 * with a tariff model. */
gboolean
ivd_monitoring_report_get_has_tariff (IvdMonitoringReport *self)
{
  g_return_val_if_fail (IVD_IS_MONITORING_REPORT (self), FALSE);
  return self->has_tariff;
}

/* Accepted Hovedstaden courses of the selection with a tariff. */
guint
ivd_monitoring_report_get_tariff_courses (IvdMonitoringReport *self)
{
  g_return_val_if_fail (IVD_IS_MONITORING_REPORT (self), 0);
  return self->tariff_courses;
}

/* Those with no tariff: another type of treatment, not by pump. */
guint
ivd_monitoring_report_get_tariff_unpriced (IvdMonitoringReport *self)
{
  g_return_val_if_fail (IVD_IS_MONITORING_REPORT (self), 0);
  return self->tariff_unpriced;
}

/* Priced courses without days: counted at the course tariff only. */
guint
ivd_monitoring_report_get_tariff_without_days (IvdMonitoringReport *self)
{
  g_return_val_if_fail (IVD_IS_MONITORING_REPORT (self), 0);
  return self->tariff_without_days;
}

gint64
ivd_monitoring_report_get_tariff_course_dkk (IvdMonitoringReport *self)
{
  g_return_val_if_fail (IVD_IS_MONITORING_REPORT (self), 0);
  return self->tariff_course_dkk;
}

gint64
ivd_monitoring_report_get_tariff_day_dkk (IvdMonitoringReport *self)
{
  g_return_val_if_fail (IVD_IS_MONITORING_REPORT (self), 0);
  return self->tariff_day_dkk;
}

gint64
ivd_monitoring_report_get_tariff_total_dkk (IvdMonitoringReport *self)
{
  g_return_val_if_fail (IVD_IS_MONITORING_REPORT (self), 0);
  return self->tariff_course_dkk + self->tariff_day_dkk;
}

/* The step Hovedstaden's count of the year had reached by the quarter's
 * end (the next course's step); 0 without a tariff. */
int
ivd_monitoring_report_get_tariff_step (IvdMonitoringReport *self)
{
  g_return_val_if_fail (IVD_IS_MONITORING_REPORT (self), 0);
  return self->tariff_step;
}

/* Hovedstaden's accepted courses from 1 January to the quarter's end. */
guint
ivd_monitoring_report_get_tariff_year_courses (IvdMonitoringReport *self)
{
  g_return_val_if_fail (IVD_IS_MONITORING_REPORT (self), 0);
  return self->tariff_year_courses;
}

/* Months of the year through the quarter's end: 3, 6, 9 or 12. */
guint
ivd_monitoring_report_get_n_months (IvdMonitoringReport *self)
{
  g_return_val_if_fail (IVD_IS_MONITORING_REPORT (self), 0);
  return self->n_months;
}

/* Accepted courses of @type referred in @month (1-12) of the year. */
guint
ivd_monitoring_report_get_month_courses (IvdMonitoringReport *self,
                                         guint                month,
                                         IvdMonitoringType    type)
{
  g_return_val_if_fail (IVD_IS_MONITORING_REPORT (self), 0);
  g_return_val_if_fail (month >= 1 && month <= 12, 0);
  g_return_val_if_fail (type < IVD_MONITORING_N_TYPES, 0);
  return self->months[month - 1][type];
}

int
ivd_monitoring_report_get_expected_per_year (IvdMonitoringReport *self)
{
  g_return_val_if_fail (IVD_IS_MONITORING_REPORT (self), 0);
  return self->expected_per_year;
}

/* Months of the year passed at the quarter's end, or now if earlier. */
double
ivd_monitoring_report_get_months_elapsed (IvdMonitoringReport *self)
{
  g_return_val_if_fail (IVD_IS_MONITORING_REPORT (self), 0);
  return self->months_elapsed;
}

/* Accepted courses of the selection from 1 January to that time. */
guint
ivd_monitoring_report_get_courses_this_year (IvdMonitoringReport *self)
{
  g_return_val_if_fail (IVD_IS_MONITORING_REPORT (self), 0);
  return self->courses_this_year;
}

/* The expected volume pro rata for the months elapsed; NAN when no
 * expected volume is set. */
double
ivd_monitoring_report_get_expected_so_far (IvdMonitoringReport *self)
{
  g_return_val_if_fail (IVD_IS_MONITORING_REPORT (self), NAN);
  return self->expected_per_year > 0 ? self->expected_per_year * self->months_elapsed / 12.0 : NAN;
}

/* Courses this year over the expected so far (1.2 is 20 % over); NAN
 * when there is nothing to compare with. */
double
ivd_monitoring_report_get_activity_ratio (IvdMonitoringReport *self)
{
  double expected = ivd_monitoring_report_get_expected_so_far (self);

  return isnan (expected) || expected <= 0 ? NAN : self->courses_this_year / expected;
}

/* Nordjylland's renegotiation rule (domain §11): 20 % or more over the
 * expected level once six months of the year have passed. */
gboolean
ivd_monitoring_report_get_over_expected (IvdMonitoringReport *self)
{
  double ratio = ivd_monitoring_report_get_activity_ratio (self);

  return !isnan (ratio) && self->months_elapsed >= IVD_MONITORING_OVER_AFTER_MONTHS &&
         ratio >= IVD_MONITORING_OVER_RATIO - 1e-9;
}
