#pragma once

#include <json-glib/json-glib.h>

#include "ivd-finding.h"

G_BEGIN_DECLS

#define IVD_TYPE_RULE (ivd_rule_get_type ())

G_DECLARE_FINAL_TYPE (IvdRule, ivd_rule, IVD, RULE, GObject)

IvdRule     *ivd_rule_new_from_json     (JsonObject  *object,
                                         gboolean     checklist_item,
                                         GError     **error);
const char  *ivd_rule_get_id            (IvdRule     *self);
const char  *ivd_rule_get_check         (IvdRule     *self);
IvdSeverity  ivd_rule_get_severity      (IvdRule     *self);
const char  *ivd_rule_get_source        (IvdRule     *self);
const char  *ivd_rule_get_quote         (IvdRule     *self);
const char  *ivd_rule_get_question      (IvdRule     *self);
gboolean     ivd_rule_get_outside_seeds (IvdRule     *self);
char        *ivd_rule_dup_text          (IvdRule     *self);
char        *ivd_rule_dup_message       (IvdRule     *self,
                                         const char  *member,
                                         GHashTable  *values);
JsonObject  *ivd_rule_get_when          (IvdRule     *self);
gint64       ivd_rule_get_param_int     (IvdRule     *self,
                                         const char  *name,
                                         gint64       fallback);
const char  *ivd_rule_get_param_string  (IvdRule     *self,
                                         const char  *name);
gboolean     ivd_rule_get_param_boolean (IvdRule     *self,
                                         const char  *name,
                                         gboolean     fallback);
GStrv        ivd_rule_dup_param_strv    (IvdRule     *self,
                                         const char  *name);

G_END_DECLS
