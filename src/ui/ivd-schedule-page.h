#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define IVD_TYPE_SCHEDULE_PAGE (ivd_schedule_page_get_type ())

G_DECLARE_FINAL_TYPE (IvdSchedulePage, ivd_schedule_page, IVD, SCHEDULE_PAGE, AdwBin)

G_END_DECLS
