#pragma once

#include "ivd-step-page.h"

G_BEGIN_DECLS

#define IVD_TYPE_CHECKLIST_PAGE (ivd_checklist_page_get_type ())

G_DECLARE_FINAL_TYPE (IvdChecklistPage, ivd_checklist_page, IVD, CHECKLIST_PAGE, IvdStepPage)

G_END_DECLS
