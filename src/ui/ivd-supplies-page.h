#pragma once

#include "ivd-step-page.h"

G_BEGIN_DECLS

#define IVD_TYPE_SUPPLIES_PAGE (ivd_supplies_page_get_type ())

G_DECLARE_FINAL_TYPE (IvdSuppliesPage, ivd_supplies_page, IVD, SUPPLIES_PAGE, IvdStepPage)

G_END_DECLS
