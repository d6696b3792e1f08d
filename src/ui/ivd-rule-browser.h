#pragma once

#include <adwaita.h>

#include "ivd-catalog.h"

G_BEGIN_DECLS

#define IVD_TYPE_RULE_BROWSER (ivd_rule_browser_get_type ())

G_DECLARE_FINAL_TYPE (IvdRuleBrowser, ivd_rule_browser, IVD, RULE_BROWSER, AdwBin)

void        ivd_rule_browser_set_catalog (IvdRuleBrowser *self,
                                          IvdCatalog     *catalog);
const char *ivd_rule_browser_get_region  (IvdRuleBrowser *self);
void        ivd_rule_browser_set_region  (IvdRuleBrowser *self,
                                          const char     *region);

G_END_DECLS
