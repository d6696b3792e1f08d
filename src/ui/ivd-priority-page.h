#pragma once

#include "ivd-step-page.h"

G_BEGIN_DECLS

#define IVD_TYPE_PRIORITY_PAGE (ivd_priority_page_get_type ())

G_DECLARE_FINAL_TYPE (IvdPriorityPage, ivd_priority_page, IVD, PRIORITY_PAGE, IvdStepPage)

G_END_DECLS
