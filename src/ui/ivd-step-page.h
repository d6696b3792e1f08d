#pragma once

#include <adwaita.h>

#include "ivd-plan-session.h"

G_BEGIN_DECLS

#define IVD_TYPE_STEP_PAGE (ivd_step_page_get_type ())

G_DECLARE_DERIVABLE_TYPE (IvdStepPage, ivd_step_page, IVD, STEP_PAGE, AdwBin)

/* One step of the plan editor: a page of rows bound to the open plan,
 * whose session the editor sets once. */
struct _IvdStepPageClass
{
  AdwBinClass parent_class;

  /* Once, when the session arrives: the rows that need the plan. */
  void (*session_set)        (IvdStepPage *self);
  /* After every evaluation, and once right after session_set. */
  void (*evaluation_changed) (IvdStepPage *self);
};

IvdPlanSession *ivd_step_page_get_session    (IvdStepPage    *self);
void            ivd_step_page_set_session    (IvdStepPage    *self,
                                              IvdPlanSession *session);
IvdPlan        *ivd_step_page_get_plan       (IvdStepPage    *self);
IvdEvaluation  *ivd_step_page_get_evaluation (IvdStepPage    *self);
IvdRuleSet     *ivd_step_page_get_rule_set   (IvdStepPage    *self);

G_END_DECLS
