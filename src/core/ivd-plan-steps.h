#pragma once

#include "ivd-evaluation.h"

G_BEGIN_DECLS

/* The eight steps of the doctor's flow (DEVELOPERS.md), in order. */
typedef enum
{
  IVD_STEP_PATIENT,     /*< nick=patient >*/
  IVD_STEP_ELIGIBILITY, /*< nick=eligibility >*/
  IVD_STEP_PRIORITY,    /*< nick=priority >*/
  IVD_STEP_SCHEDULE,    /*< nick=schedule >*/
  IVD_STEP_CONTACT,     /*< nick=contact >*/
  IVD_STEP_CHECKLIST,   /*< nick=checklist >*/
  IVD_STEP_SUPPLIES,    /*< nick=supplies >*/
  IVD_STEP_REVIEW,      /*< nick=review >*/
} IvdStep;

#define IVD_N_STEPS (IVD_STEP_REVIEW + 1)

typedef enum
{
  IVD_STEP_STATE_OPEN,    /*< nick=open >*/    /* facts still missing */
  IVD_STEP_STATE_DONE,    /*< nick=done >*/
  IVD_STEP_STATE_REVIEW,  /*< nick=review >*/  /* complete, but needs an individual assessment */
  IVD_STEP_STATE_BLOCKED, /*< nick=blocked >*/ /* a finding keeps the course in hospital */
  IVD_STEP_STATE_SKIPPED, /*< nick=skipped >*/ /* not needed: no municipal IV course */
} IvdStepState;

const char   *ivd_plan_steps_get_id      (IvdStep        step);
const char   *ivd_plan_steps_get_title   (IvdStep        step);
IvdStep       ivd_plan_steps_for_rule    (const char    *rule_id);
IvdStepState  ivd_plan_steps_get_state   (IvdPlan       *plan,
                                          IvdEvaluation *evaluation,
                                          IvdStep        step);

guint         ivd_plan_steps_count_open  (IvdPlan       *plan,
                                          IvdEvaluation *evaluation);

G_END_DECLS
