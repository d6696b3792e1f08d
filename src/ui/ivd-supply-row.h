#pragma once

#include <adwaita.h>

#include "ivd-plan.h"
#include "ivd-supply.h"

G_BEGIN_DECLS

#define IVD_TYPE_SUPPLY_ROW (ivd_supply_row_get_type ())

G_DECLARE_FINAL_TYPE (IvdSupplyRow, ivd_supply_row, IVD, SUPPLY_ROW, AdwActionRow)

GtkWidget  *ivd_supply_row_new        (IvdPlan      *plan,
                                       IvdSupply    *supply);
const char *ivd_supply_row_get_key    (IvdSupplyRow *self);
void        ivd_supply_row_set_supply (IvdSupplyRow *self,
                                       IvdSupply    *supply);

G_END_DECLS
