#pragma once

#include <adwaita.h>

#include "ivd-rule.h"

G_BEGIN_DECLS

#define IVD_TYPE_RULE_ROW (ivd_rule_row_get_type ())

G_DECLARE_FINAL_TYPE (IvdRuleRow, ivd_rule_row, IVD, RULE_ROW, GtkListBoxRow)

GtkWidget *ivd_rule_row_new      (IvdRule    *rule);

G_END_DECLS
