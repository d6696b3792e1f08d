#pragma once

#include <adwaita.h>

#include "ivd-plan-session.h"
#include "ivd-plan-steps.h"

G_BEGIN_DECLS

#define IVD_TYPE_FINDINGS_GROUP (ivd_findings_group_get_type ())

G_DECLARE_FINAL_TYPE (IvdFindingsGroup, ivd_findings_group, IVD, FINDINGS_GROUP, AdwPreferencesGroup)

void ivd_findings_group_set_session (IvdFindingsGroup *self,
                                     IvdPlanSession   *session);

G_END_DECLS
