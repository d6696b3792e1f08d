#pragma once

#include "ivd-catalog.h"
#include "ivd-directory-entry.h"
#include "ivd-evaluation.h"
#include "ivd-plan.h"

G_BEGIN_DECLS

char *ivd_isbar_compose (IvdCatalog        *catalog,
                         IvdPlan           *plan,
                         IvdEvaluation     *evaluation,
                         IvdDirectoryEntry *entry);

G_END_DECLS
