#pragma once

#include <adwaita.h>

#include "ivd-plan-session.h"
#include "ivd-plan-steps.h"

G_BEGIN_DECLS

#define IVD_TYPE_PLAN_EDITOR (ivd_plan_editor_get_type ())

G_DECLARE_FINAL_TYPE (IvdPlanEditor, ivd_plan_editor, IVD, PLAN_EDITOR, AdwBin)

IvdPlanEditor  *ivd_plan_editor_new         (IvdPlanSession *session);
IvdPlanSession *ivd_plan_editor_get_session (IvdPlanEditor  *self);
IvdStep         ivd_plan_editor_get_step    (IvdPlanEditor  *self);
void            ivd_plan_editor_set_step    (IvdPlanEditor  *self,
                                             IvdStep         step);

G_END_DECLS
