#pragma once

#include "ivd-step-page.h"

G_BEGIN_DECLS

#define IVD_TYPE_PATIENT_PAGE (ivd_patient_page_get_type ())

G_DECLARE_FINAL_TYPE (IvdPatientPage, ivd_patient_page, IVD, PATIENT_PAGE, IvdStepPage)

G_END_DECLS
