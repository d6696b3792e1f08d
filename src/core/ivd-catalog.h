#pragma once

#include <gio/gio.h>

#include "ivd-municipality.h"
#include "ivd-rule-set.h"
#include "ivd-supply-template.h"

G_BEGIN_DECLS

#define IVD_TYPE_CATALOG (ivd_catalog_get_type ())

G_DECLARE_FINAL_TYPE (IvdCatalog, ivd_catalog, IVD, CATALOG, GObject)

IvdCatalog         *ivd_catalog_new                  (const char * const *data_dirs,
                                                      GError            **error);
IvdCatalog         *ivd_catalog_new_default          (GError            **error);
GListModel         *ivd_catalog_get_municipalities   (IvdCatalog         *self);
GPtrArray          *ivd_catalog_dup_municipalities_by_name (IvdCatalog   *self,
                                                            const char   *region);
IvdMunicipality    *ivd_catalog_lookup_municipality  (IvdCatalog         *self,
                                                      const char         *code);
IvdRuleSet         *ivd_catalog_get_rule_set         (IvdCatalog         *self,
                                                      const char         *region,
                                                      GError            **error);
IvdSupplyTemplate  *ivd_catalog_get_supply_template  (IvdCatalog         *self,
                                                      GError            **error);

const char * const *ivd_catalog_get_region_ids       (void);

G_END_DECLS
