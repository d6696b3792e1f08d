#pragma once

#include "ivd-plan.h"
#include "ivd-plan-status.h"

G_BEGIN_DECLS

#define IVD_TYPE_PLAN_RECORD (ivd_plan_record_get_type ())

G_DECLARE_FINAL_TYPE (IvdPlanRecord, ivd_plan_record, IVD, PLAN_RECORD, GObject)

const char    *ivd_plan_record_get_id            (IvdPlanRecord *self);
IvdPlan       *ivd_plan_record_get_plan          (IvdPlanRecord *self);
IvdPlanStatus  ivd_plan_record_get_status        (IvdPlanRecord *self);
const char    *ivd_plan_record_get_status_reason (IvdPlanRecord *self);
gint64         ivd_plan_record_get_version       (IvdPlanRecord *self);
const char    *ivd_plan_record_get_created       (IvdPlanRecord *self);
const char    *ivd_plan_record_get_updated       (IvdPlanRecord *self);

G_END_DECLS
