#pragma once

#include "ivd-step-page.h"

G_BEGIN_DECLS

#define IVD_TYPE_ELIGIBILITY_PAGE (ivd_eligibility_page_get_type ())

G_DECLARE_FINAL_TYPE (IvdEligibilityPage, ivd_eligibility_page, IVD, ELIGIBILITY_PAGE, IvdStepPage)

G_END_DECLS
