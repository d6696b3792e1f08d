#pragma once

#include "ivd-document.h"
#include "ivd-export.h"

G_BEGIN_DECLS

IvdDocument *ivd_referral_build (const IvdExportInput *input);

G_END_DECLS
