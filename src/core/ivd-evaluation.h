#pragma once

#include <gio/gio.h>
#include <json-glib/json-glib.h>

#include "ivd-catalog.h"
#include "ivd-plan.h"
#include "ivd-tariff.h"

G_BEGIN_DECLS

typedef enum
{
  IVD_OUTCOME_ELIGIBLE,       /*< nick=eligible >*/
  IVD_OUTCOME_NOT_ELIGIBLE,   /*< nick=not_eligible >*/
  IVD_OUTCOME_NEEDS_REVIEW,   /*< nick=needs_review >*/
  IVD_OUTCOME_INCOMPLETE,     /*< nick=incomplete >*/
  IVD_OUTCOME_NOT_APPLICABLE, /*< nick=not_applicable >*/
} IvdOutcome;

#define IVD_TYPE_EVALUATION (ivd_evaluation_get_type ())

G_DECLARE_FINAL_TYPE (IvdEvaluation, ivd_evaluation, IVD, EVALUATION, GObject)

IvdEvaluation *ivd_evaluation_new               (IvdCatalog     *catalog,
                                                 IvdPlan        *plan,
                                                 const GDate    *today,
                                                 GError        **error);
IvdOutcome     ivd_evaluation_get_outcome       (IvdEvaluation  *self);
const char    *ivd_evaluation_get_region        (IvdEvaluation  *self);
int            ivd_evaluation_get_age           (IvdEvaluation  *self);
int            ivd_evaluation_get_visits_per_day (IvdEvaluation *self);
GListModel    *ivd_evaluation_get_findings      (IvdEvaluation  *self);
GListModel    *ivd_evaluation_get_checklist     (IvdEvaluation  *self);
gboolean       ivd_evaluation_get_ready         (IvdEvaluation  *self);
IvdTariff     *ivd_evaluation_get_tariff        (IvdEvaluation  *self);
GListModel    *ivd_evaluation_get_supplies      (IvdEvaluation  *self);
JsonNode      *ivd_evaluation_to_json           (IvdEvaluation  *self);

const char    *ivd_outcome_to_string            (IvdOutcome      outcome);

G_END_DECLS
