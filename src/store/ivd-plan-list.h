#pragma once

#include <gio/gio.h>

#include "ivd-plan-query.h"
#include "ivd-store.h"

G_BEGIN_DECLS

#define IVD_TYPE_PLAN_LIST (ivd_plan_list_get_type ())

G_DECLARE_FINAL_TYPE (IvdPlanList, ivd_plan_list, IVD, PLAN_LIST, GObject)

IvdPlanList  *ivd_plan_list_new       (IvdStore     *store,
                                       IvdPlanQuery *query);
IvdStore     *ivd_plan_list_get_store (IvdPlanList  *self);
IvdPlanQuery *ivd_plan_list_get_query (IvdPlanList  *self);
const GError *ivd_plan_list_get_error (IvdPlanList  *self);
void          ivd_plan_list_reload    (IvdPlanList  *self);

/* For tests: how many pages are held. */
guint         ivd_plan_list_get_n_cached_pages (IvdPlanList *self);

G_END_DECLS
