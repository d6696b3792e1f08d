#pragma once

#include "ivd-plan.h"

G_BEGIN_DECLS

char *ivd_record_note_new (IvdPlan *plan);

G_END_DECLS
