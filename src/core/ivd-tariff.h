#pragma once

#include <json-glib/json-glib.h>

G_BEGIN_DECLS

#define IVD_TYPE_TARIFF (ivd_tariff_get_type ())

G_DECLARE_FINAL_TYPE (IvdTariff, ivd_tariff, IVD, TARIFF, GObject)

IvdTariff  *ivd_tariff_compute (JsonObject  *table,
                                const char  *category,
                                int          step,
                                gint64       days);
JsonNode   *ivd_tariff_to_json (IvdTariff   *self);

G_END_DECLS
