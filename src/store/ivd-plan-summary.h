#pragma once

#include "ivd-plan-status.h"

G_BEGIN_DECLS

#define IVD_TYPE_PLAN_SUMMARY (ivd_plan_summary_get_type ())

G_DECLARE_FINAL_TYPE (IvdPlanSummary, ivd_plan_summary, IVD, PLAN_SUMMARY, GObject)

const char    *ivd_plan_summary_get_id                (IvdPlanSummary *self);
IvdPlanStatus  ivd_plan_summary_get_status            (IvdPlanSummary *self);
const char    *ivd_plan_summary_get_region            (IvdPlanSummary *self);
const char    *ivd_plan_summary_get_municipality_code (IvdPlanSummary *self);
const char    *ivd_plan_summary_get_start_date        (IvdPlanSummary *self);
const char    *ivd_plan_summary_get_updated           (IvdPlanSummary *self);
const char    *ivd_plan_summary_get_status_changed    (IvdPlanSummary *self);
const char    *ivd_plan_summary_get_name              (IvdPlanSummary *self);
const char    *ivd_plan_summary_get_cpr               (IvdPlanSummary *self);
const char    *ivd_plan_summary_get_end_date          (IvdPlanSummary *self);
const char    *ivd_plan_summary_get_status_reason     (IvdPlanSummary *self);
const char    *ivd_plan_summary_get_municipality_name (IvdPlanSummary *self);
int            ivd_plan_summary_get_open_items        (IvdPlanSummary *self);
void           ivd_plan_summary_take_values           (IvdPlanSummary *self,
                                                       IvdPlanSummary *from);

G_END_DECLS
