#define G_LOG_DOMAIN "ivd-plan-columns"

#include "config.h"

#include "ivd-cpr.h"
#include "ivd-evaluation.h"
#include "ivd-plan-columns.h"
#include "ivd-plan-steps.h"

static char *
region_of (IvdPlan    *plan,
           IvdCatalog *catalog)
{
  const char *region = ivd_plan_get_string (plan, "region");
  const char *code = ivd_plan_get_string (plan, "patient.municipality_code");
  IvdMunicipality *municipality;

  if (region != NULL)
    return g_strdup (region);

  municipality = code != NULL && catalog != NULL ? ivd_catalog_lookup_municipality (catalog, code) : NULL;
  return municipality != NULL ? g_strdup (ivd_municipality_get_region (municipality)) : NULL;
}

/* Searchable as typed: a half-typed CPR number is still found by its
 * digits. */
static char *
cpr_of (IvdPlan *plan)
{
  const char *cpr = ivd_plan_get_string (plan, "patient.cpr");
  g_autofree char *normalized = NULL;

  if (cpr == NULL)
    return NULL;
  normalized = ivd_cpr_normalize (cpr);
  return normalized != NULL ? g_steal_pointer (&normalized) : g_strdup (cpr);
}

static int
int_or_unknown (IvdPlan    *plan,
                const char *path)
{
  gint64 value;

  return ivd_plan_lookup_int (plan, path, &value) && value >= 0 && value <= G_MAXINT ? (int) value : -1;
}

static char *
end_date_of (IvdPlan *plan)
{
  GDate date;
  int days = int_or_unknown (plan, "treatment.days");

  if (days < 1 || days > 3650 || !ivd_plan_lookup_start_date (plan, &date))
    return NULL;
  g_date_add_days (&date, days - 1);
  return g_strdup_printf ("%04d-%02d-%02d", g_date_get_year (&date), g_date_get_month (&date),
                          g_date_get_day (&date));
}

/* Evaluated as of today, as the doctor saw it when saving. */
static void
evaluate (IvdPlanColumns *columns,
          IvdPlan        *plan,
          IvdCatalog     *catalog)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(IvdEvaluation) evaluation = NULL;
  GDate today;

  columns->open_items = -1;
  columns->visits_per_day = -1;
  if (catalog == NULL)
    return;

  g_date_clear (&today, 1);
  g_date_set_dmy (&today, g_date_time_get_day_of_month (now), g_date_time_get_month (now),
                  g_date_time_get_year (now));
  evaluation = ivd_evaluation_new (catalog, plan, &today, NULL);
  if (evaluation == NULL)
    return;
  columns->open_items = ivd_plan_steps_count_open (plan, evaluation);
  columns->visits_per_day = ivd_evaluation_get_visits_per_day (evaluation);
}

void
ivd_plan_columns_init (IvdPlanColumns *columns,
                       IvdPlan        *plan,
                       IvdCatalog     *catalog)
{
  columns->region = region_of (plan, catalog);
  columns->municipality_code = g_strdup (ivd_plan_get_string (plan, "patient.municipality_code"));
  columns->start_date = g_strdup (ivd_plan_get_string (plan, "treatment.start_date"));
  columns->name = g_strdup (ivd_plan_get_string (plan, "patient.name"));
  columns->cpr = cpr_of (plan);
  columns->end_date = end_date_of (plan);
  columns->treatment_type = g_strdup (ivd_plan_get_string (plan, "treatment.type"));
  columns->place_kind = g_strdup (ivd_plan_get_string (plan, "place.kind"));
  columns->minutes = int_or_unknown (plan, "treatment.minutes_per_administration");
  columns->days = int_or_unknown (plan, "treatment.days");
  evaluate (columns, plan, catalog);
}

void
ivd_plan_columns_clear (IvdPlanColumns *columns)
{
  g_clear_pointer (&columns->region, g_free);
  g_clear_pointer (&columns->municipality_code, g_free);
  g_clear_pointer (&columns->start_date, g_free);
  g_clear_pointer (&columns->name, g_free);
  g_clear_pointer (&columns->cpr, g_free);
  g_clear_pointer (&columns->end_date, g_free);
  g_clear_pointer (&columns->treatment_type, g_free);
  g_clear_pointer (&columns->place_kind, g_free);
}

static void
bind_int (sqlite3_stmt *stmt,
          int           index,
          int           value)
{
  if (value < 0)
    sqlite3_bind_null (stmt, index);
  else
    sqlite3_bind_int (stmt, index, value);
}

static void
bind_text (sqlite3_stmt *stmt,
           int           index,
           const char   *value)
{
  sqlite3_bind_text (stmt, index, value, -1, SQLITE_TRANSIENT);
}

/* Binds the columns from parameter @first on, in the order the store's
 * statements name them (region ... days). */
void
ivd_plan_columns_bind (sqlite3_stmt         *stmt,
                       int                   first,
                       const IvdPlanColumns *columns)
{
  bind_text (stmt, first, columns->region);
  bind_text (stmt, first + 1, columns->municipality_code);
  bind_text (stmt, first + 2, columns->start_date);
  bind_text (stmt, first + 3, columns->name);
  bind_text (stmt, first + 4, columns->cpr);
  bind_text (stmt, first + 5, columns->end_date);
  bind_text (stmt, first + 6, columns->treatment_type);
  bind_text (stmt, first + 7, columns->place_kind);
  bind_int (stmt, first + 8, columns->open_items);
  bind_int (stmt, first + 9, columns->visits_per_day);
  bind_int (stmt, first + 10, columns->minutes);
  bind_int (stmt, first + 11, columns->days);
}
