#define G_LOG_DOMAIN "ivd-rule-set"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "ivd-error.h"
#include "ivd-json.h"
#include "ivd-rule-set.h"

struct _IvdRuleSet
{
  GObject     parent_instance;
  JsonObject *object;
  GListStore *rules;
  GListStore *checklist;
};

G_DEFINE_FINAL_TYPE (IvdRuleSet, ivd_rule_set, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_REGION,
  PROP_NAME,
  PROP_AGREEMENT,
  PROP_HAS_AGREEMENT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

typedef enum
{
  PARAM_TEXT,
  PARAM_NUMBER,
  PARAM_TEXTS,
} ParamKind;

/* The parameters a check cannot do without (data/rules/README.md): without
 * them it would look at no field, or compare with no limit and never find
 * anything, silently. "night_window" is left out: it reports a missing
 * window itself, as a finding. */
static const struct
{
  const char *check;
  const char *param;
  ParamKind   kind;
} required_params[] = {
  { "fact", "field", PARAM_TEXT },
  { "present", "field", PARAM_TEXT },
  { "statement", "field", PARAM_TEXT },
  { "value_in", "field", PARAM_TEXT },
  { "value_in", "values", PARAM_TEXTS },
  { "min_age", "min_age", PARAM_NUMBER },
  { "priority_order", "order", PARAM_TEXTS },
  { "max_visits", "max_visits", PARAM_NUMBER },
  { "max_minutes", "max_minutes", PARAM_NUMBER },
  { "suggest", "form", PARAM_TEXT },
  { "suggest", "because", PARAM_TEXTS },
};

static gboolean
param_has_kind (JsonNode  *node,
                ParamKind  kind)
{
  JsonArray *array;

  if (kind == PARAM_TEXT)
    return ivd_json_is_string (node);
  if (kind == PARAM_NUMBER)
    return ivd_json_is_integer (node);
  if (node == NULL || !JSON_NODE_HOLDS_ARRAY (node))
    return FALSE;

  array = json_node_get_array (node);
  for (guint i = 0; i < json_array_get_length (array); i++)
    if (!ivd_json_is_string (json_array_get_element (array, i)))
      return FALSE;
  return TRUE;
}

static gboolean
check_params (IvdRule     *rule,
              JsonObject  *object,
              GError     **error)
{
  JsonNode *node = json_object_get_member (object, "params");
  JsonObject *params = node != NULL && JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
  const char *kinds[] = { N_("text"), N_("a whole number"), N_("a list of texts") };

  for (guint i = 0; i < G_N_ELEMENTS (required_params); i++)
    if (g_str_equal (ivd_rule_get_check (rule), required_params[i].check) &&
        !param_has_kind (params ? json_object_get_member (params, required_params[i].param) : NULL,
                         required_params[i].kind))
      return g_set_error (error, IVD_ERROR, IVD_ERROR_DATA,
                          _("rule %s: a “%s” check needs “%s” in “params”, as %s"),
                          ivd_rule_get_id (rule), required_params[i].check, required_params[i].param,
                          _(kinds[required_params[i].kind])), FALSE;

  return TRUE;
}

static gboolean
load_rules (IvdRuleSet  *self,
            const char  *member,
            GListStore  *store,
            GHashTable  *seen,
            GError     **error)
{
  JsonNode *node = json_object_get_member (self->object, member);
  JsonArray *array;

  if (node == NULL)
    return TRUE;
  if (!JSON_NODE_HOLDS_ARRAY (node))
    return g_set_error (error, IVD_ERROR, IVD_ERROR_DATA, _("“%s” must be a list"), member), FALSE;

  array = json_node_get_array (node);
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonNode *element = json_array_get_element (array, i);
      g_autoptr(IvdRule) rule = NULL;

      if (!JSON_NODE_HOLDS_OBJECT (element))
        return g_set_error (error, IVD_ERROR, IVD_ERROR_DATA,
                            _("“%s”, item %u: must be an object"), member, i + 1), FALSE;

      rule = ivd_rule_new_from_json (json_node_get_object (element),
                                     g_str_equal (member, "checklist"), error);
      if (rule == NULL || !check_params (rule, json_node_get_object (element), error))
        return FALSE;

      if (!g_hash_table_add (seen, g_strdup (ivd_rule_get_id (rule))))
        return g_set_error (error, IVD_ERROR, IVD_ERROR_DATA,
                            _("rule %s appears twice"), ivd_rule_get_id (rule)), FALSE;

      g_list_store_append (store, rule);
    }

  return TRUE;
}

static void
ivd_rule_set_finalize (GObject *object)
{
  IvdRuleSet *self = (IvdRuleSet *) object;

  g_clear_pointer (&self->object, json_object_unref);
  g_clear_object (&self->rules);
  g_clear_object (&self->checklist);

  G_OBJECT_CLASS (ivd_rule_set_parent_class)->finalize (object);
}

static void
ivd_rule_set_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  IvdRuleSet *self = IVD_RULE_SET (object);

  switch (prop_id)
    {
    case PROP_REGION:
      g_value_set_string (value, ivd_rule_set_get_region (self));
      break;
    case PROP_NAME:
      g_value_set_string (value, ivd_rule_set_get_name (self));
      break;
    case PROP_AGREEMENT:
      g_value_set_string (value, ivd_rule_set_get_agreement (self));
      break;
    case PROP_HAS_AGREEMENT:
      g_value_set_boolean (value, ivd_rule_set_get_has_agreement (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ivd_rule_set_class_init (IvdRuleSetClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = ivd_rule_set_finalize;
  object_class->get_property = ivd_rule_set_get_property;

  properties[PROP_REGION] =
    g_param_spec_string ("region", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_NAME] =
    g_param_spec_string ("name", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_AGREEMENT] =
    g_param_spec_string ("agreement", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_HAS_AGREEMENT] =
    g_param_spec_boolean ("has-agreement", NULL, NULL, FALSE, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
ivd_rule_set_init (IvdRuleSet *self)
{
  self->rules = g_list_store_new (IVD_TYPE_RULE);
  self->checklist = g_list_store_new (IVD_TYPE_RULE);
}

/**
 * ivd_rule_set_new_from_json:
 *
 * Builds a rule set from a parsed rule file; refuses the whole file on the
 * first problem, so a half-read rule set is never used.
 */
IvdRuleSet *
ivd_rule_set_new_from_json (JsonNode  *node,
                            GError   **error)
{
  g_autoptr(IvdRuleSet) self = NULL;
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  JsonObject *object;
  const char *format;

  if (!JSON_NODE_HOLDS_OBJECT (node))
    return g_set_error (error, IVD_ERROR, IVD_ERROR_DATA, _("a rule file is one JSON object")), NULL;

  object = json_node_get_object (node);
  format = ivd_json_get_string (object, "format");
  if (format == NULL || !g_str_equal (format, IVD_RULE_SET_FORMAT))
    return g_set_error (error, IVD_ERROR, IVD_ERROR_DATA,
                        _("“format” must be “%s”"), IVD_RULE_SET_FORMAT), NULL;

  if (ivd_json_get_string (object, "region") == NULL ||
      ivd_json_get_localized (object, "name") == NULL ||
      !ivd_json_is_boolean (json_object_get_member (object, "has_agreement")))
    return g_set_error (error, IVD_ERROR, IVD_ERROR_DATA,
                        _("a rule file needs “region”, “name” and “has_agreement”")), NULL;

  self = g_object_new (IVD_TYPE_RULE_SET, NULL);
  self->object = json_object_ref (object);

  if (!load_rules (self, "rules", self->rules, seen, error) ||
      !load_rules (self, "checklist", self->checklist, seen, error))
    return NULL;

  return g_steal_pointer (&self);
}

IvdRuleSet *
ivd_rule_set_new_from_file (const char  *path,
                            GError     **error)
{
  g_autoptr(JsonNode) node = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *basename = g_path_get_basename (path);
  IvdRuleSet *self;

  /* At most 1 MiB (IVD_RULE_SET_MAX_BYTES): the largest shipped rule file
   * is 28 KB, so a clinician's longer texts fit thirty times over, while a
   * wrong file (a log, a database) is refused before it is read whole. */
  node = ivd_json_parse_file (path, IVD_RULE_SET_MAX_BYTES, &local_error);
  if (node != NULL)
    self = ivd_rule_set_new_from_json (node, &local_error);
  else
    self = NULL;

  if (self == NULL)
    {
      /* Rule ids and json-glib's quotes come from the file: keep one line. */
      g_autofree char *reason = ivd_json_dup_one_line (local_error->message);

      g_set_error (error, IVD_ERROR, IVD_ERROR_DATA, _("The rule file %s cannot be used: %s"), basename, reason);
    }
  return self;
}

const char *
ivd_rule_set_get_region (IvdRuleSet *self)
{
  g_return_val_if_fail (IVD_IS_RULE_SET (self), NULL);
  return ivd_json_get_string (self->object, "region");
}

const char *
ivd_rule_set_get_name (IvdRuleSet *self)
{
  g_return_val_if_fail (IVD_IS_RULE_SET (self), NULL);
  return ivd_json_get_localized (self->object, "name");
}

const char *
ivd_rule_set_get_agreement (IvdRuleSet *self)
{
  g_return_val_if_fail (IVD_IS_RULE_SET (self), NULL);
  return ivd_json_get_localized (self->object, "agreement");
}

const char *
ivd_rule_set_get_source (IvdRuleSet *self)
{
  g_return_val_if_fail (IVD_IS_RULE_SET (self), NULL);
  return ivd_json_get_string (self->object, "source");
}

gboolean
ivd_rule_set_get_has_agreement (IvdRuleSet *self)
{
  g_return_val_if_fail (IVD_IS_RULE_SET (self), FALSE);
  return json_object_get_boolean_member (self->object, "has_agreement");
}

GListModel *
ivd_rule_set_get_rules (IvdRuleSet *self)
{
  g_return_val_if_fail (IVD_IS_RULE_SET (self), NULL);
  return G_LIST_MODEL (self->rules);
}

GListModel *
ivd_rule_set_get_checklist (IvdRuleSet *self)
{
  g_return_val_if_fail (IVD_IS_RULE_SET (self), NULL);
  return G_LIST_MODEL (self->checklist);
}

/* The "tariff" object of the rule file, or NULL (regions without a model). */
JsonObject *
ivd_rule_set_get_tariff (IvdRuleSet *self)
{
  JsonNode *node;

  g_return_val_if_fail (IVD_IS_RULE_SET (self), NULL);
  node = json_object_get_member (self->object, "tariff");
  return (node != NULL && JSON_NODE_HOLDS_OBJECT (node)) ? json_node_get_object (node) : NULL;
}

/* Returns: (transfer none) (nullable): the rule (or checklist item) with
 * @id, for showing its source text beside a finding. */
IvdRule *
ivd_rule_set_lookup_rule (IvdRuleSet *self,
                          const char *id)
{
  GListModel *lists[] = { ivd_rule_set_get_rules (self), ivd_rule_set_get_checklist (self) };

  g_return_val_if_fail (IVD_IS_RULE_SET (self), NULL);
  g_return_val_if_fail (id != NULL, NULL);

  for (guint l = 0; l < G_N_ELEMENTS (lists); l++)
    for (guint i = 0; i < g_list_model_get_n_items (lists[l]); i++)
      {
        g_autoptr(IvdRule) rule = g_list_model_get_item (lists[l], i);

        if (g_str_equal (ivd_rule_get_id (rule), id))
          return rule;  /* the list holds it */
      }

  return NULL;
}
