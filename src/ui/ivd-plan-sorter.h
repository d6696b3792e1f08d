#pragma once

#include <gtk/gtk.h>

#include "ivd-plan-query.h"

G_BEGIN_DECLS

#define IVD_TYPE_PLAN_SORTER (ivd_plan_sorter_get_type ())

G_DECLARE_FINAL_TYPE (IvdPlanSorter, ivd_plan_sorter, IVD, PLAN_SORTER, GtkSorter)

gboolean       ivd_plan_sorter_read     (GtkSorter    *view_sorter,
                                         IvdPlanSort  *sort,
                                         gboolean     *descending);

G_END_DECLS
