#pragma once

#include "ivd-plan-status.h"

G_BEGIN_DECLS

typedef enum
{
  IVD_PLAN_SORT_UPDATED,
  IVD_PLAN_SORT_START_DATE,
  IVD_PLAN_SORT_STATUS,
  IVD_PLAN_SORT_MUNICIPALITY,
  IVD_PLAN_SORT_NAME,
  IVD_PLAN_SORT_STATUS_CHANGED,
} IvdPlanSort;

#define IVD_TYPE_PLAN_QUERY (ivd_plan_query_get_type ())

G_DECLARE_FINAL_TYPE (IvdPlanQuery, ivd_plan_query, IVD, PLAN_QUERY, GObject)

IvdPlanQuery *ivd_plan_query_new                   (void);
guint         ivd_plan_query_get_statuses          (IvdPlanQuery  *self);
void          ivd_plan_query_set_statuses          (IvdPlanQuery  *self,
                                                    guint          statuses);
const char   *ivd_plan_query_get_region            (IvdPlanQuery  *self);
void          ivd_plan_query_set_region            (IvdPlanQuery  *self,
                                                    const char    *region);
const char   *ivd_plan_query_get_municipality_code (IvdPlanQuery  *self);
void          ivd_plan_query_set_municipality_code (IvdPlanQuery  *self,
                                                    const char    *code);
const char   *ivd_plan_query_get_start_from        (IvdPlanQuery  *self);
void          ivd_plan_query_set_start_from        (IvdPlanQuery  *self,
                                                    const char    *date);
const char   *ivd_plan_query_get_start_to          (IvdPlanQuery  *self);
void          ivd_plan_query_set_start_to          (IvdPlanQuery  *self,
                                                    const char    *date);
const char   *ivd_plan_query_get_text              (IvdPlanQuery  *self);
void          ivd_plan_query_set_text              (IvdPlanQuery  *self,
                                                    const char    *text);
IvdPlanSort   ivd_plan_query_get_sort              (IvdPlanQuery  *self);
void          ivd_plan_query_set_sort              (IvdPlanQuery  *self,
                                                    IvdPlanSort    sort);
gboolean      ivd_plan_query_get_descending        (IvdPlanQuery  *self);
void          ivd_plan_query_set_descending        (IvdPlanQuery  *self,
                                                    gboolean       descending);

#define IVD_PLAN_QUERY_STATUS(s) (1u << (s))

G_END_DECLS
