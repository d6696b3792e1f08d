#pragma once

#include "ivd-evaluation.h"
#include "ivd-plan-record.h"
#include "ivd-store.h"

G_BEGIN_DECLS

typedef enum
{
  IVD_SAVE_STATE_SAVED,    /*< nick=saved >*/
  IVD_SAVE_STATE_PENDING,  /*< nick=pending >*/
  IVD_SAVE_STATE_CONFLICT, /*< nick=conflict >*/
  IVD_SAVE_STATE_FAILED,   /*< nick=failed >*/
} IvdSaveState;

#define IVD_PLAN_SESSION_SAVE_DELAY_MS 400

#define IVD_TYPE_PLAN_SESSION (ivd_plan_session_get_type ())

G_DECLARE_FINAL_TYPE (IvdPlanSession, ivd_plan_session, IVD, PLAN_SESSION, GObject)

IvdPlanSession *ivd_plan_session_new                  (IvdStore       *store,
                                                       IvdPlanRecord  *record);
IvdStore       *ivd_plan_session_get_store            (IvdPlanSession *self);
IvdPlanRecord  *ivd_plan_session_get_record           (IvdPlanSession *self);
IvdPlan        *ivd_plan_session_get_plan             (IvdPlanSession *self);
IvdEvaluation  *ivd_plan_session_get_evaluation       (IvdPlanSession *self);
const char     *ivd_plan_session_get_evaluation_error (IvdPlanSession *self);
IvdRuleSet     *ivd_plan_session_get_rule_set         (IvdPlanSession *self);
IvdSaveState    ivd_plan_session_get_save_state       (IvdPlanSession *self);
const char     *ivd_plan_session_get_save_error       (IvdPlanSession *self);
void            ivd_plan_session_set_today            (IvdPlanSession *self,
                                                       const GDate    *today);
void            ivd_plan_session_set_save_delay       (IvdPlanSession *self,
                                                       guint           milliseconds);
gboolean        ivd_plan_session_flush                (IvdPlanSession *self,
                                                       GError        **error);
gboolean        ivd_plan_session_keep_mine            (IvdPlanSession *self,
                                                       GError        **error);
gboolean        ivd_plan_session_take_theirs          (IvdPlanSession *self,
                                                       GError        **error);

G_END_DECLS
