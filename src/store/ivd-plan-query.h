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
  IVD_PLAN_SORT_CPR,
  IVD_PLAN_SORT_OPEN_ITEMS,
} IvdPlanSort;

/* The coordinator's built-in queues (design.md, "Who uses it"). */
typedef enum
{
  IVD_PLAN_QUEUE_NONE,
  IVD_PLAN_QUEUE_AWAITING_ANSWER,  /* referred, the municipality has not answered */
  IVD_PLAN_QUEUE_DISCHARGE_SOON,   /* starts today or tomorrow with items open */
  IVD_PLAN_QUEUE_PAST_END,         /* the course has ended without a closing note */
} IvdPlanQueue;

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
IvdPlanQueue  ivd_plan_query_get_queue             (IvdPlanQuery  *self);
void          ivd_plan_query_set_queue             (IvdPlanQuery  *self,
                                                    IvdPlanQueue   queue);
const char   *ivd_plan_query_get_today             (IvdPlanQuery  *self);
void          ivd_plan_query_set_today             (IvdPlanQuery  *self,
                                                    const char    *date);
GDateTime    *ivd_plan_query_get_waiting_before    (IvdPlanQuery  *self);
void          ivd_plan_query_set_waiting_before    (IvdPlanQuery  *self,
                                                    GDateTime     *time);
gboolean      ivd_plan_query_get_descending        (IvdPlanQuery  *self);
void          ivd_plan_query_set_descending        (IvdPlanQuery  *self,
                                                    gboolean       descending);

#define IVD_PLAN_QUERY_STATUS(s) (1u << (s))

G_END_DECLS
