#pragma once

#include "ivd-plan.h"
#include "ivd-rule-set.h"

G_BEGIN_DECLS

/* What the plan editor's pages ask of a region's rules: the agreement's own
 * question about a plan field, whether it is asked for a given plan, and the
 * priority order of the treatment forms. Each takes a NULL rule set (the
 * region is not known yet) and then answers as if no rule said anything. */

const char *ivd_rule_lookup_question   (IvdRuleSet  *rule_set,
                                        const char  *field);
gboolean    ivd_rule_lookup_applies    (IvdRuleSet  *rule_set,
                                        const char  *field,
                                        IvdPlan     *plan,
                                        gboolean    *applies);
GStrv       ivd_rule_lookup_form_order (IvdRuleSet  *rule_set);

G_END_DECLS
