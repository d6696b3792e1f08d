#pragma once

#include "ivd-plan-record.h"

G_BEGIN_DECLS

/* Only the store changes a record: after what it wrote has committed. */
IvdPlanRecord *ivd_plan_record_new         (const char    *id,
                                            IvdPlan       *plan,
                                            IvdPlanStatus  status,
                                            const char    *status_reason,
                                            gint64         version,
                                            const char    *created,
                                            const char    *updated);
void           ivd_plan_record_set_stored  (IvdPlanRecord *self,
                                            IvdPlanStatus  status,
                                            const char    *status_reason,
                                            gint64         version,
                                            const char    *updated);

G_END_DECLS
