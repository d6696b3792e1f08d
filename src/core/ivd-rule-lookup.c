#define G_LOG_DOMAIN "ivd-rule-lookup"

#include "config.h"

#include "ivd-rule-lookup.h"

/* The order of design.md's plan file and domain §4, for a region whose rule
 * set has no priority rule. */
static const char * const default_form_order[] = {
  "tablets", "self_administration", "iv_pump", "iv_intermittent", NULL
};

/* The first rule of the set that reads @field; NULL when none does. */
static IvdRule *
rule_for_field (IvdRuleSet *rule_set,
                const char *field)
{
  GListModel *rules;

  if (rule_set == NULL)
    return NULL;

  rules = ivd_rule_set_get_rules (rule_set);
  for (guint i = 0; i < g_list_model_get_n_items (rules); i++)
    {
      g_autoptr(IvdRule) rule = g_list_model_get_item (rules, i);

      if (g_strcmp0 (ivd_rule_get_param_string (rule, "field"), field) == 0)
        return rule;  /* the set keeps its rules alive */
    }
  return NULL;
}

/**
 * ivd_rule_lookup_question:
 * @rule_set: (nullable): the region's rules
 * @field: a plan path, e.g. "started_in_hospital"
 *
 * Returns: (nullable): the question the region's rule about @field asks, in
 *   the user's language; NULL when no rule of the set asks one.
 */
const char *
ivd_rule_lookup_question (IvdRuleSet *rule_set,
                          const char *field)
{
  GListModel *rules = rule_set != NULL ? ivd_rule_set_get_rules (rule_set) : NULL;

  g_return_val_if_fail (rule_set == NULL || IVD_IS_RULE_SET (rule_set), NULL);
  g_return_val_if_fail (field != NULL, NULL);

  /* Several rules may read one field (COVER-TYPES and COVER-OTHER); the
   * first that asks a question speaks for them. */
  for (guint i = 0; rules != NULL && i < g_list_model_get_n_items (rules); i++)
    {
      g_autoptr(IvdRule) rule = g_list_model_get_item (rules, i);

      if (g_strcmp0 (ivd_rule_get_param_string (rule, "field"), field) == 0 &&
          ivd_rule_get_question (rule) != NULL)
        return ivd_rule_get_question (rule);  /* the set keeps its rules alive */
    }
  return NULL;
}

/**
 * ivd_rule_lookup_applies:
 * @rule_set: (nullable): the region's rules
 * @applies: (out): whether the rule about @field applies to @plan (its
 *   "when" matches)
 *
 * Returns: FALSE when no rule of the set reads @field, so the caller
 *   decides; @applies is then left as it was.
 */
gboolean
ivd_rule_lookup_applies (IvdRuleSet *rule_set,
                         const char *field,
                         IvdPlan    *plan,
                         gboolean   *applies)
{
  IvdRule *rule;

  g_return_val_if_fail (rule_set == NULL || IVD_IS_RULE_SET (rule_set), FALSE);
  g_return_val_if_fail (IVD_IS_PLAN (plan), FALSE);
  g_return_val_if_fail (applies != NULL, FALSE);

  if ((rule = rule_for_field (rule_set, field)) == NULL)
    return FALSE;

  *applies = ivd_plan_matches (plan, ivd_rule_get_when (rule));
  return TRUE;
}

/**
 * ivd_rule_lookup_form_order:
 * @rule_set: (nullable): the region's rules
 *
 * Returns: (transfer full): the treatment forms from the most preferred
 *   down, as the region's priority rule lists them, or the agreement's
 *   order of domain §4 when the set has no such rule.
 */
GStrv
ivd_rule_lookup_form_order (IvdRuleSet *rule_set)
{
  GListModel *rules = rule_set != NULL ? ivd_rule_set_get_rules (rule_set) : NULL;

  g_return_val_if_fail (rule_set == NULL || IVD_IS_RULE_SET (rule_set), NULL);

  for (guint i = 0; rules != NULL && i < g_list_model_get_n_items (rules); i++)
    {
      g_autoptr(IvdRule) rule = g_list_model_get_item (rules, i);
      g_auto(GStrv) order = NULL;

      if (!g_str_equal (ivd_rule_get_check (rule), "priority_order"))
        continue;
      order = ivd_rule_dup_param_strv (rule, "order");
      if (order[0] != NULL)
        return g_steal_pointer (&order);
    }

  return g_strdupv ((char **) default_form_order);
}
