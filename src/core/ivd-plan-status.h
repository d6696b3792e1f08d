#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/**
 * IvdPlanStatus:
 *
 * Where a plan is in its life cycle (design.md "Plan life cycle").
 */
typedef enum
{
  IVD_PLAN_STATUS_DRAFT,
  IVD_PLAN_STATUS_READY,
  IVD_PLAN_STATUS_REFERRED,
  IVD_PLAN_STATUS_ACCEPTED,
  IVD_PLAN_STATUS_DECLINED,
  IVD_PLAN_STATUS_IN_COURSE,
  IVD_PLAN_STATUS_ENDED,
  IVD_PLAN_STATUS_CANCELLED,
} IvdPlanStatus;

#define IVD_PLAN_STATUS_N (IVD_PLAN_STATUS_CANCELLED + 1)

const char *ivd_plan_status_to_string        (IvdPlanStatus  status);
gboolean    ivd_plan_status_from_string      (const char    *text,
                                              IvdPlanStatus *status);
const char *ivd_plan_status_get_label        (IvdPlanStatus  status);
gboolean    ivd_plan_status_can_change_to    (IvdPlanStatus  from,
                                              IvdPlanStatus  to);
gboolean    ivd_plan_status_needs_reason     (IvdPlanStatus  to);
gboolean    ivd_plan_status_check_reason     (IvdPlanStatus  to,
                                              const char    *reason,
                                              GError       **error);
gboolean    ivd_plan_status_edit_returns_to_draft (IvdPlanStatus status);

const char * const *ivd_plan_status_get_end_outcomes (void);

G_END_DECLS
