#pragma once

#include <gio/gio.h>
#include <json-glib/json-glib.h>

#include "ivd-rule.h"

G_BEGIN_DECLS

#define IVD_RULE_SET_FORMAT "iv-discharge-rules/1"
#define IVD_RULE_SET_MAX_BYTES (1024 * 1024)

#define IVD_TYPE_RULE_SET (ivd_rule_set_get_type ())

G_DECLARE_FINAL_TYPE (IvdRuleSet, ivd_rule_set, IVD, RULE_SET, GObject)

IvdRuleSet  *ivd_rule_set_new_from_file     (const char  *path,
                                             GError     **error);
IvdRuleSet  *ivd_rule_set_new_from_json     (JsonNode    *node,
                                             GError     **error);
const char  *ivd_rule_set_get_region        (IvdRuleSet  *self);
const char  *ivd_rule_set_get_name          (IvdRuleSet  *self);
const char  *ivd_rule_set_get_agreement     (IvdRuleSet  *self);
const char  *ivd_rule_set_get_source        (IvdRuleSet  *self);
gboolean     ivd_rule_set_get_has_agreement (IvdRuleSet  *self);
GListModel  *ivd_rule_set_get_rules         (IvdRuleSet  *self);
GListModel  *ivd_rule_set_get_checklist     (IvdRuleSet  *self);
JsonObject  *ivd_rule_set_get_tariff        (IvdRuleSet  *self);
IvdRule     *ivd_rule_set_lookup_rule       (IvdRuleSet  *self,
                                             const char  *id);

G_END_DECLS
