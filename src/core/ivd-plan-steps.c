#define G_LOG_DOMAIN "ivd-plan-steps"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "ivd-checklist-item.h"
#include "ivd-finding.h"
#include "ivd-plan-steps.h"

/* Which step a finding or checklist item belongs to, and whether a step is
 * done: the step list of the editor shows this, and the review lists what
 * is open. The rules stay in the rule files; this only sorts their ids. */

typedef struct
{
  const char *id;
  const char *title;
  const char *prefixes[8];  /* rule and checklist ids that belong here */
  const char *required[8];  /* plan paths the step must have */
} StepInfo;

static const StepInfo steps[IVD_N_STEPS] = {
  [IVD_STEP_PATIENT] = { "patient", N_("Patient and Region"),
    { "DATA-CPR", "DATA-REGION", "DATA-MUNICIPALITY", "DATA-NO-AGREEMENT", "ELIG-AGE" },
    { "patient.cpr", "patient.name", "patient.municipality_code" } },
  [IVD_STEP_ELIGIBILITY] = { "eligibility", N_("Eligibility"),
    { "ELIG-", "DATA-PLACE" },
    { "place.kind" } },
  [IVD_STEP_PRIORITY] = { "priority", N_("Treatment Priority"),
    { "PRIO-", "COVER-" },
    { "treatment.type", "treatment.form" } },
  [IVD_STEP_SCHEDULE] = { "schedule", N_("Schedule and Access"),
    { "EXCL-VISITS", "EXCL-NIGHT", "EXCL-DURATION", "FIRST-DOSE", "NOT-ALONE", "SUGGEST-", "DATA-DAYS" },
    { "treatment.drug", "treatment.dose", "treatment.administration_times", "treatment.minutes_per_administration",
      "treatment.days", "treatment.start_date", "treatment.access" } },
  [IVD_STEP_CONTACT] = { "contact", N_("Municipality Contact"),
    { "EXCL-CAPACITY", "START-PHONE" },
    { "contact.calls" } },
  [IVD_STEP_CHECKLIST] = { "checklist", N_("FMK Checklist"),
    { "FMK-", "START-PLAN", "START-REFERRAL", "DELEGATION", "GP-LETTER", "END-AGREED" },
    { NULL } },
  [IVD_STEP_SUPPLIES] = { "supplies", N_("Supplies"),
    { "SUPPLY-" },
    { "supplies.delivery" } },
  [IVD_STEP_REVIEW] = { "review", N_("Review and Export"),
    { NULL },
    { NULL } },
};

const char *
ivd_plan_steps_get_id (IvdStep step)
{
  g_return_val_if_fail (step < IVD_N_STEPS, NULL);
  return steps[step].id;
}

const char *
ivd_plan_steps_get_title (IvdStep step)
{
  g_return_val_if_fail (step < IVD_N_STEPS, NULL);
  return _(steps[step].title);
}

static gboolean
belongs (IvdStep     step,
         const char *rule_id)
{
  for (guint i = 0; i < G_N_ELEMENTS (steps[step].prefixes) && steps[step].prefixes[i] != NULL; i++)
    {
      const char *prefix = steps[step].prefixes[i];

      /* "ELIG-" takes a family; "ELIG-AGE" only itself. */
      if (g_str_has_suffix (prefix, "-") ? g_str_has_prefix (rule_id, prefix) : g_str_equal (rule_id, prefix))
        return TRUE;
    }
  return FALSE;
}

/* The step a rule id is settled in; the review for ids no step claims. */
IvdStep
ivd_plan_steps_for_rule (const char *rule_id)
{
  g_return_val_if_fail (rule_id != NULL, IVD_STEP_REVIEW);

  /* Exact ids first, so that "ELIG-AGE" goes to the patient, not to "ELIG-". */
  for (IvdStep step = 0; step < IVD_N_STEPS; step++)
    for (guint i = 0; i < G_N_ELEMENTS (steps[step].prefixes) && steps[step].prefixes[i] != NULL; i++)
      if (g_str_equal (steps[step].prefixes[i], rule_id))
        return step;

  for (IvdStep step = 0; step < IVD_N_STEPS; step++)
    if (belongs (step, rule_id))
      return step;

  return IVD_STEP_REVIEW;
}

static IvdStepState
state_of_findings (IvdEvaluation *evaluation,
                   IvdStep        step)
{
  GListModel *findings = ivd_evaluation_get_findings (evaluation);
  IvdStepState state = IVD_STEP_STATE_DONE;

  for (guint i = 0; i < g_list_model_get_n_items (findings); i++)
    {
      g_autoptr(IvdFinding) finding = g_list_model_get_item (findings, i);

      if (ivd_plan_steps_for_rule (ivd_finding_get_rule_id (finding)) != step)
        continue;
      switch (ivd_finding_get_severity (finding))
        {
        case IVD_SEVERITY_BLOCK:
          return IVD_STEP_STATE_BLOCKED;
        case IVD_SEVERITY_MISSING:
          state = IVD_STEP_STATE_OPEN;
          break;
        case IVD_SEVERITY_REVIEW:
          if (state == IVD_STEP_STATE_DONE)
            state = IVD_STEP_STATE_REVIEW;
          break;
        case IVD_SEVERITY_INFO:
        default:
          break;
        }
    }

  return state;
}

static gboolean
checklist_done (IvdEvaluation *evaluation,
                IvdStep        step)
{
  GListModel *checklist = ivd_evaluation_get_checklist (evaluation);

  for (guint i = 0; i < g_list_model_get_n_items (checklist); i++)
    {
      g_autoptr(IvdChecklistItem) item = g_list_model_get_item (checklist, i);

      if (ivd_plan_steps_for_rule (ivd_checklist_item_get_id (item)) == step &&
          !ivd_checklist_item_get_done (item))
        return FALSE;
    }
  return TRUE;
}

static gboolean
has_required (IvdPlan *plan,
              IvdStep  step)
{
  for (guint i = 0; i < G_N_ELEMENTS (steps[step].required) && steps[step].required[i] != NULL; i++)
    if (!ivd_plan_has (plan, steps[step].required[i]))
      return FALSE;
  return TRUE;
}

/**
 * ivd_plan_steps_get_state:
 * @evaluation: (nullable): the plan's evaluation; without one every step
 *   is open
 *
 * Blocked when a finding of the step blocks; open while a finding says a
 * fact is missing, the step's own fields are empty or its checklist items
 * are not done; review when it is complete but asks for an individual
 * assessment; skipped after tablets or self-administration ended the flow.
 */
IvdStepState
ivd_plan_steps_get_state (IvdPlan       *plan,
                          IvdEvaluation *evaluation,
                          IvdStep        step)
{
  IvdStepState state;

  g_return_val_if_fail (IVD_IS_PLAN (plan), IVD_STEP_STATE_OPEN);
  g_return_val_if_fail (step < IVD_N_STEPS, IVD_STEP_STATE_OPEN);

  if (evaluation == NULL)
    return IVD_STEP_STATE_OPEN;

  if (step > IVD_STEP_PRIORITY && step < IVD_STEP_REVIEW &&
      ivd_evaluation_get_outcome (evaluation) == IVD_OUTCOME_NOT_APPLICABLE)
    return IVD_STEP_STATE_SKIPPED;

  if (step == IVD_STEP_REVIEW)
    return ivd_evaluation_get_ready (evaluation) ? IVD_STEP_STATE_DONE : IVD_STEP_STATE_OPEN;

  /* No region, no agreement: the steps whose items it lists have none yet,
   * which is not the same as all of them done. */
  if (step >= IVD_STEP_CONTACT && ivd_evaluation_get_region (evaluation) == NULL)
    return IVD_STEP_STATE_OPEN;

  state = state_of_findings (evaluation, step);
  if (state == IVD_STEP_STATE_BLOCKED)
    return state;
  if (!has_required (plan, step) || !checklist_done (evaluation, step))
    return IVD_STEP_STATE_OPEN;
  return state;
}

/**
 * ivd_plan_steps_count_open:
 *
 * What is still to settle before the referral, counted as the review
 * step lists it: each step not done (nor skipped), each finding that
 * blocks or asks for review, each checklist item not ticked.
 */
guint
ivd_plan_steps_count_open (IvdPlan       *plan,
                           IvdEvaluation *evaluation)
{
  GListModel *findings;
  GListModel *checklist;
  guint open = 0;

  g_return_val_if_fail (IVD_IS_PLAN (plan), 0);
  g_return_val_if_fail (IVD_IS_EVALUATION (evaluation), 0);

  for (IvdStep step = 0; step < IVD_STEP_REVIEW; step++)
    {
      IvdStepState state = ivd_plan_steps_get_state (plan, evaluation, step);

      open += state != IVD_STEP_STATE_DONE && state != IVD_STEP_STATE_SKIPPED;
    }

  findings = ivd_evaluation_get_findings (evaluation);
  for (guint i = 0; i < g_list_model_get_n_items (findings); i++)
    {
      g_autoptr(IvdFinding) finding = g_list_model_get_item (findings, i);

      open += ivd_finding_get_severity (finding) != IVD_SEVERITY_INFO;
    }

  checklist = ivd_evaluation_get_checklist (evaluation);
  for (guint i = 0; i < g_list_model_get_n_items (checklist); i++)
    {
      g_autoptr(IvdChecklistItem) item = g_list_model_get_item (checklist, i);

      open += !ivd_checklist_item_get_done (item);
    }
  return open;
}
