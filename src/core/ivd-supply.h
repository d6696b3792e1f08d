#pragma once

#include <json-glib/json-glib.h>

G_BEGIN_DECLS

#define IVD_TYPE_SUPPLY (ivd_supply_get_type ())

G_DECLARE_FINAL_TYPE (IvdSupply, ivd_supply, IVD, SUPPLY, GObject)

IvdSupply  *ivd_supply_new          (const char *category,
                                     const char *item,
                                     gint64      quantity,
                                     const char *unit);
const char *ivd_supply_get_category (IvdSupply  *self);
const char *ivd_supply_get_item     (IvdSupply  *self);
gint64      ivd_supply_get_quantity (IvdSupply  *self);
const char *ivd_supply_get_unit     (IvdSupply  *self);
JsonNode   *ivd_supply_to_json      (IvdSupply  *self);

const char *ivd_supply_get_key               (IvdSupply  *self);
void        ivd_supply_set_key               (IvdSupply  *self,
                                              const char *key);
gint64      ivd_supply_get_computed_quantity (IvdSupply  *self);
gboolean    ivd_supply_get_adjusted          (IvdSupply  *self);
void        ivd_supply_adjust                (IvdSupply  *self,
                                              gint64      quantity);

G_END_DECLS
