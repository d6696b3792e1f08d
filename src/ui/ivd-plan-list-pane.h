#pragma once

#include <adwaita.h>

#include "ivd-store.h"

G_BEGIN_DECLS

#define IVD_TYPE_PLAN_LIST_PANE (ivd_plan_list_pane_get_type ())

G_DECLARE_FINAL_TYPE (IvdPlanListPane, ivd_plan_list_pane, IVD, PLAN_LIST_PANE, AdwBin)

void ivd_plan_list_pane_set_store    (IvdPlanListPane *self,
                                      IvdStore        *store);
void ivd_plan_list_pane_set_opening  (IvdPlanListPane *self,
                                      gboolean         opening);
void ivd_plan_list_pane_focus_search (IvdPlanListPane *self);
void ivd_plan_list_pane_select       (IvdPlanListPane *self,
                                      const char      *id);

G_END_DECLS
