#pragma once

/* Shared by the core tests: an eligible Hovedstaden plan to vary one field
 * at a time, and evaluation on a fixed date. */

#include <glib.h>
#include <glib/gstdio.h>

#include "ivd-test-process.h"

#include "ivd-catalog.h"
#include "ivd-checklist-item.h"
#include "ivd-error.h"
#include "ivd-evaluation.h"
#include "ivd-plan.h"

#define IVD_TEST_ELIGIBLE_PLAN \
  "{\"format\": \"iv-discharge-plan/1\"," \
  " \"patient\": {\"cpr\": \"150650-1237\", \"name\": \"Testperson Hansen\", \"municipality_code\": \"101\"}," \
  " \"started_in_hospital\": true, \"stable\": true, \"requires_admission\": false," \
  " \"medically_suitable\": true, \"patient_consents\": true, \"patient_informed\": true," \
  " \"treatment\": {\"type\": \"antibiotic\", \"form\": \"iv_intermittent\", \"drug\": \"Cefuroxim\"," \
  "   \"dose\": \"1,5 g\", \"administration_times\": [\"08:00\", \"14:00\", \"20:00\"], \"doses_per_day\": 3," \
  "   \"minutes_per_administration\": 30, \"days\": 8, \"start_date\": \"2026-11-23\"," \
  "   \"first_dose_given_in_hospital\": true, \"access\": \"picc\", \"must_not_be_left_alone\": false}," \
  " \"alternatives\": {\"tablets\": \"Ingen peroral behandling mulig\", \"self_administration\": \"Kan ikke selv\"," \
  "   \"iv_pump\": \"Præparatet er ikke stabilt i 24 timer\"}," \
  " \"place\": {\"kind\": \"home\", \"home_assessed_suitable\": true}}"

static inline IvdCatalog *
ivd_test_catalog (void)
{
  g_autoptr(GError) error = NULL;
  IvdCatalog *catalog = ivd_catalog_new_default (&error);

  g_assert_no_error (error);
  return catalog;
}

static inline IvdPlan *
ivd_test_plan (const char *json)
{
  g_autoptr(GError) error = NULL;
  IvdPlan *plan = ivd_plan_new_from_data (json, strlen (json), &error);

  g_assert_no_error (error);
  return plan;
}

static inline IvdEvaluation *
ivd_test_evaluate (IvdCatalog *catalog,
                   IvdPlan    *plan)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GDate) today = g_date_new_dmy (22, 11, 2026);
  IvdEvaluation *evaluation = ivd_evaluation_new (catalog, plan, today, &error);

  g_assert_no_error (error);
  return evaluation;
}

/* The severity of the first finding of @rule_id, or -1 when there is none. */
static inline int
ivd_test_finding_severity (IvdEvaluation *evaluation,
                           const char    *rule_id)
{
  GListModel *findings = ivd_evaluation_get_findings (evaluation);

  for (guint i = 0; i < g_list_model_get_n_items (findings); i++)
    {
      g_autoptr(IvdFinding) finding = g_list_model_get_item (findings, i);
      if (g_str_equal (ivd_finding_get_rule_id (finding), rule_id))
        return ivd_finding_get_severity (finding);
    }

  return -1;
}

static inline IvdFinding *
ivd_test_find (IvdEvaluation *evaluation,
               const char    *rule_id)
{
  GListModel *findings = ivd_evaluation_get_findings (evaluation);

  for (guint i = 0; i < g_list_model_get_n_items (findings); i++)
    {
      g_autoptr(IvdFinding) finding = g_list_model_get_item (findings, i);
      if (g_str_equal (ivd_finding_get_rule_id (finding), rule_id))
        return g_steal_pointer (&finding);
    }

  return NULL;
}

