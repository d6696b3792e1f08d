#pragma once

#include <gio/gio.h>
#include <json-glib/json-glib.h>

#include "ivd-plan.h"

G_BEGIN_DECLS

#define IVD_SUPPLY_TEMPLATE_FORMAT "iv-discharge-supplies/1"

#define IVD_TYPE_SUPPLY_TEMPLATE (ivd_supply_template_get_type ())

G_DECLARE_FINAL_TYPE (IvdSupplyTemplate, ivd_supply_template, IVD, SUPPLY_TEMPLATE, GObject)

IvdSupplyTemplate *ivd_supply_template_new_from_file (const char         *path,
                                                      GError            **error);
GListModel        *ivd_supply_template_compute       (IvdSupplyTemplate  *self,
                                                      IvdPlan            *plan,
                                                      gint64              administrations_per_day);

G_END_DECLS
