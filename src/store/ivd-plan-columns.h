#pragma once

#include <sqlite3.h>

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
  /* For the coordinator's queues and the monitoring figures. */
  char *end_date;        /* the last treatment day */
  char *treatment_type;
  char *place_kind;
  int   open_items;      /* -1: the plan could not be evaluated */
  int   visits_per_day;  /* -1: not known */
  int   minutes;         /* -1: not known */
  int   days;            /* -1: not known */
} IvdPlanColumns;

/* The columns' names in the order ivd_plan_columns_bind() binds them. */
#define IVD_PLAN_COLUMN_NAMES "region, municipality_code, start_date, name, cpr, end_date, treatment_type, " \
                              "place_kind, open_items, visits_per_day, minutes, days"
#define IVD_PLAN_COLUMN_SETS  "region = ?, municipality_code = ?, start_date = ?, name = ?, cpr = ?, " \
                              "end_date = ?, treatment_type = ?, place_kind = ?, open_items = ?, " \
                              "visits_per_day = ?, minutes = ?, days = ?"
#define IVD_PLAN_N_COLUMNS    12

void ivd_plan_columns_init  (IvdPlanColumns *columns,
                             IvdPlan        *plan,
                             IvdCatalog     *catalog);
void ivd_plan_columns_clear (IvdPlanColumns *columns);
void ivd_plan_columns_bind  (sqlite3_stmt         *stmt,
                             int                   first,
                             const IvdPlanColumns *columns);

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (IvdPlanColumns, ivd_plan_columns_clear)

G_END_DECLS
