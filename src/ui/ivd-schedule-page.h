#pragma once

#include "ivd-step-page.h"

G_BEGIN_DECLS

#define IVD_TYPE_SCHEDULE_PAGE (ivd_schedule_page_get_type ())

G_DECLARE_FINAL_TYPE (IvdSchedulePage, ivd_schedule_page, IVD, SCHEDULE_PAGE, IvdStepPage)

G_END_DECLS
