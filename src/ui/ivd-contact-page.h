#pragma once

#include "ivd-step-page.h"

G_BEGIN_DECLS

#define IVD_TYPE_CONTACT_PAGE (ivd_contact_page_get_type ())

G_DECLARE_FINAL_TYPE (IvdContactPage, ivd_contact_page, IVD, CONTACT_PAGE, IvdStepPage)

G_END_DECLS
