#pragma once

#include "ivd-evaluation.h"
#include "ivd-plan.h"
#include "ivd-plan-status.h"

G_BEGIN_DECLS

#define IVD_TYPE_TRAINING_CASE (ivd_training_case_get_type ())

G_DECLARE_FINAL_TYPE (IvdTrainingCase, ivd_training_case, IVD, TRAINING_CASE, GObject)

IvdTrainingCase    *ivd_training_case_new_from_plan     (IvdPlan          *plan,
                                                         GError          **error);
IvdTrainingCase    *ivd_training_case_new_from_file     (const char       *path,
                                                         GError          **error);
GPtrArray          *ivd_training_case_load_dir          (const char       *dir,
                                                         GError          **error);
char               *ivd_training_case_dup_default_dir   (void);

IvdPlan            *ivd_training_case_get_plan          (IvdTrainingCase  *self);
const char         *ivd_training_case_get_title         (IvdTrainingCase  *self);
const char         *ivd_training_case_get_note          (IvdTrainingCase  *self);
const char * const *ivd_training_case_get_rules         (IvdTrainingCase  *self);
IvdOutcome          ivd_training_case_get_expected_outcome (IvdTrainingCase *self);
gboolean            ivd_training_case_get_expected_ready (IvdTrainingCase *self,
                                                         gboolean         *ready);
IvdPlanStatus       ivd_training_case_get_status        (IvdTrainingCase  *self);
const char         *ivd_training_case_get_status_reason (IvdTrainingCase  *self);
const GDate        *ivd_training_case_get_reference_date (IvdTrainingCase *self);
IvdPlan            *ivd_training_case_dup_plan_for      (IvdTrainingCase  *self,
                                                         const GDate      *today,
                                                         GError          **error);

gboolean            ivd_training_case_plan_is_training  (IvdPlan          *plan);
void                ivd_training_case_mark_plan         (IvdPlan          *plan);

G_END_DECLS
