#define G_LOG_DOMAIN "ivd-plan-columns"

#include "config.h"

#include "ivd-cpr.h"
#include "ivd-plan-columns.h"

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
}

void
ivd_plan_columns_clear (IvdPlanColumns *columns)
{
  g_clear_pointer (&columns->region, g_free);
  g_clear_pointer (&columns->municipality_code, g_free);
  g_clear_pointer (&columns->start_date, g_free);
  g_clear_pointer (&columns->name, g_free);
  g_clear_pointer (&columns->cpr, g_free);
}
