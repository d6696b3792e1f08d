#pragma once

#include "ivd-catalog.h"
#include "ivd-plan.h"

G_BEGIN_DECLS

/* What lists and searches need from a plan document, kept in indexed
 * columns beside it. */
typedef struct
{
  char *region;
  char *municipality_code;
  char *start_date;
  char *name;
  char *cpr;
} IvdPlanColumns;

void ivd_plan_columns_init  (IvdPlanColumns *columns,
                             IvdPlan        *plan,
                             IvdCatalog     *catalog);
void ivd_plan_columns_clear (IvdPlanColumns *columns);

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (IvdPlanColumns, ivd_plan_columns_clear)

G_END_DECLS
