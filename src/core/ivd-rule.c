#define G_LOG_DOMAIN "ivd-rule"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "ivd-enum-types.h"
#include "ivd-error.h"
#include "ivd-json.h"
#include "ivd-rule.h"

/* One rule of a region's rule set, as the clinician wrote it in the data
 * file. The evaluator gives meaning to "check"; the rule only carries it. */
struct _IvdRule
{
  GObject      parent_instance;
  JsonObject  *object;
  IvdSeverity  severity;
};

G_DEFINE_FINAL_TYPE (IvdRule, ivd_rule, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_CHECK,
  PROP_SEVERITY,
  PROP_SOURCE,
  PROP_QUOTE,
  PROP_TEXT,
  PROP_QUESTION,
  PROP_OUTSIDE_SEEDS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static const char * const check_kinds[] = {
  "fact", "present", "value_in", "min_age", "priority_order", "max_visits",
  "night_window", "max_minutes", "statement", "municipality_answer", "suggest",
  "no_agreement", "checklist", NULL
};

static JsonObject *
params (IvdRule *self)
{
  JsonNode *node = json_object_get_member (self->object, "params");
  return (node != NULL && JSON_NODE_HOLDS_OBJECT (node)) ? json_node_get_object (node) : NULL;
}

/* The text to put in for {name}: a finding's value, else the rule's own
 * parameter of that name, so texts quote limits without repeating them. */
static char *
placeholder_value (IvdRule    *self,
                   const char *name,
                   GHashTable *values)
{
  JsonObject *p = params (self);
  JsonNode *node;

  if (values != NULL && g_hash_table_contains (values, name))
    return g_strdup (g_hash_table_lookup (values, name));

  if (g_str_equal (name, "window"))
    return g_strdup_printf ("%s-%s", ivd_rule_get_param_string (self, "start"),
                            ivd_rule_get_param_string (self, "end"));

  node = p != NULL ? json_object_get_member (p, name) : NULL;
  if (ivd_json_is_string (node))
    return g_strdup (json_node_get_string (node));
  if (ivd_json_is_integer (node))
    return g_strdup_printf ("%" G_GINT64_FORMAT, json_node_get_int (node));

  return NULL;
}

/* Replaces each {name} that has a value; leaves unknown ones as written. */
static char *
expand (IvdRule    *self,
        const char *template,
        GHashTable *values)
{
  GString *out = g_string_new (NULL);
  const char *p = template;

  while (*p != '\0')
    {
      const char *close = *p == '{' ? strchr (p, '}') : NULL;
      g_autofree char *name = close ? g_strndup (p + 1, close - p - 1) : NULL;
      g_autofree char *value = name ? placeholder_value (self, name, values) : NULL;

      if (value != NULL)
        {
          g_string_append (out, value);
          p = close + 1;
        }
      else
        g_string_append_c (out, *p++);
    }

  return g_string_free (out, FALSE);
}

static gboolean
has_localized (JsonObject *object,
               const char *member)
{
  JsonNode *node = json_object_get_member (object, member);
  JsonObject *texts;

  if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node))
    return FALSE;
  texts = json_node_get_object (node);
  return ivd_json_get_string (texts, "da") != NULL && ivd_json_get_string (texts, "en") != NULL;
}

static gboolean
validate (JsonObject  *object,
          gboolean     checklist_item,
          IvdSeverity *severity,
          GError     **error)
{
  const char *id = ivd_json_get_string (object, "id");
  const char *check = ivd_json_get_string (object, "check");
  JsonNode *node;

  if (id == NULL || *id == '\0')
    return g_set_error (error, IVD_ERROR, IVD_ERROR_DATA, _("a rule has no “id”")), FALSE;

  if (check == NULL || !g_strv_contains (check_kinds, check) ||
      checklist_item != g_str_equal (check, "checklist"))
    return g_set_error (error, IVD_ERROR, IVD_ERROR_DATA,
                        _("rule %s: unknown “check” “%s”"), id, check ? check : ""), FALSE;

  if (!checklist_item &&
      !ivd_severity_from_string (ivd_json_get_string (object, "severity"), severity))
    return g_set_error (error, IVD_ERROR, IVD_ERROR_DATA,
                        _("rule %s: “severity” must be block, review or info"), id), FALSE;

  if (ivd_json_get_string (object, "source") == NULL || !has_localized (object, "text"))
    return g_set_error (error, IVD_ERROR, IVD_ERROR_DATA,
                        _("rule %s: needs a “source” and a Danish and English “text”"), id), FALSE;

  for (const char * const *m = (const char * const[]) { "params", "when", NULL }; *m; m++)
    if ((node = json_object_get_member (object, *m)) != NULL && !JSON_NODE_HOLDS_OBJECT (node))
      return g_set_error (error, IVD_ERROR, IVD_ERROR_DATA,
                          _("rule %s: “%s” must be an object"), id, *m), FALSE;

  return TRUE;
}

static void
ivd_rule_finalize (GObject *object)
{
  IvdRule *self = (IvdRule *) object;

  g_clear_pointer (&self->object, json_object_unref);

  G_OBJECT_CLASS (ivd_rule_parent_class)->finalize (object);
}

static void
ivd_rule_get_property (GObject    *object,
                       guint       prop_id,
                       GValue     *value,
                       GParamSpec *pspec)
{
  IvdRule *self = IVD_RULE (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_string (value, ivd_rule_get_id (self));
      break;
    case PROP_CHECK:
      g_value_set_string (value, ivd_rule_get_check (self));
      break;
    case PROP_SEVERITY:
      g_value_set_enum (value, self->severity);
      break;
    case PROP_SOURCE:
      g_value_set_string (value, ivd_rule_get_source (self));
      break;
    case PROP_QUOTE:
      g_value_set_string (value, ivd_rule_get_quote (self));
      break;
    case PROP_TEXT:
      g_value_take_string (value, ivd_rule_dup_text (self));
      break;
    case PROP_QUESTION:
      g_value_set_string (value, ivd_rule_get_question (self));
      break;
    case PROP_OUTSIDE_SEEDS:
      g_value_set_boolean (value, ivd_rule_get_outside_seeds (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ivd_rule_class_init (IvdRuleClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = ivd_rule_finalize;
  object_class->get_property = ivd_rule_get_property;

  properties[PROP_ID] =
    g_param_spec_string ("id", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_CHECK] =
    g_param_spec_string ("check", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_SEVERITY] =
    g_param_spec_enum ("severity", NULL, NULL, IVD_TYPE_SEVERITY, IVD_SEVERITY_INFO,
                       G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_SOURCE] =
    g_param_spec_string ("source", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_QUOTE] =
    g_param_spec_string ("quote", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_TEXT] =
    g_param_spec_string ("text", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_QUESTION] =
    g_param_spec_string ("question", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_OUTSIDE_SEEDS] =
    g_param_spec_boolean ("outside-seeds", NULL, NULL, FALSE, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
ivd_rule_init (IvdRule *self)
{
  self->severity = IVD_SEVERITY_INFO;
}

IvdRule *
ivd_rule_new_from_json (JsonObject  *object,
                        gboolean     checklist_item,
                        GError     **error)
{
  IvdSeverity severity = IVD_SEVERITY_INFO;
  IvdRule *self;

  if (!validate (object, checklist_item, &severity, error))
    return NULL;

  self = g_object_new (IVD_TYPE_RULE, NULL);
  self->object = json_object_ref (object);
  self->severity = severity;
  return self;
}

const char *
ivd_rule_get_id (IvdRule *self)
{
  g_return_val_if_fail (IVD_IS_RULE (self), NULL);
  return ivd_json_get_string (self->object, "id");
}

const char *
ivd_rule_get_check (IvdRule *self)
{
  g_return_val_if_fail (IVD_IS_RULE (self), NULL);
  return ivd_json_get_string (self->object, "check");
}

IvdSeverity
ivd_rule_get_severity (IvdRule *self)
{
  g_return_val_if_fail (IVD_IS_RULE (self), IVD_SEVERITY_INFO);
  return self->severity;
}

const char *
ivd_rule_get_source (IvdRule *self)
{
  g_return_val_if_fail (IVD_IS_RULE (self), NULL);
  return ivd_json_get_string (self->object, "source");
}

const char *
ivd_rule_get_quote (IvdRule *self)
{
  g_return_val_if_fail (IVD_IS_RULE (self), NULL);
  return ivd_json_get_string (self->object, "quote");
}

const char *
ivd_rule_get_question (IvdRule *self)
{
  g_return_val_if_fail (IVD_IS_RULE (self), NULL);
  return ivd_json_get_localized (self->object, "question");
}

gboolean
ivd_rule_get_outside_seeds (IvdRule *self)
{
  JsonNode *node;

  g_return_val_if_fail (IVD_IS_RULE (self), FALSE);
  node = json_object_get_member (self->object, "outside_seeds");
  return ivd_json_is_boolean (node) && json_node_get_boolean (node);
}

/* What the rule says, in the user's language, with its limits filled in. */
char *
ivd_rule_dup_text (IvdRule *self)
{
  g_return_val_if_fail (IVD_IS_RULE (self), NULL);
  return expand (self, ivd_json_get_localized (self->object, "text"), NULL);
}

/* A finding's text from the rule's @member ("message", "missing_message",
 * ...), falling back to "message", with {placeholders} filled in. */
char *
ivd_rule_dup_message (IvdRule    *self,
                      const char *member,
                      GHashTable *values)
{
  const char *template;

  g_return_val_if_fail (IVD_IS_RULE (self), NULL);

  template = ivd_json_get_localized (self->object, member);
  if (template == NULL)
    template = ivd_json_get_localized (self->object, "message");
  if (template == NULL)
    return ivd_rule_dup_text (self);

  return expand (self, template, values);
}

JsonObject *
ivd_rule_get_when (IvdRule *self)
{
  JsonNode *node;

  g_return_val_if_fail (IVD_IS_RULE (self), NULL);
  node = json_object_get_member (self->object, "when");
  return node != NULL ? json_node_get_object (node) : NULL;
}

gint64
ivd_rule_get_param_int (IvdRule    *self,
                        const char *name,
                        gint64      fallback)
{
  JsonObject *p = params (self);
  JsonNode *node = p ? json_object_get_member (p, name) : NULL;

  return ivd_json_is_integer (node) ? json_node_get_int (node) : fallback;
}

const char *
ivd_rule_get_param_string (IvdRule    *self,
                           const char *name)
{
  return ivd_json_get_string (params (self), name);
}

gboolean
ivd_rule_get_param_boolean (IvdRule    *self,
                            const char *name,
                            gboolean    fallback)
{
  JsonObject *p = params (self);
  JsonNode *node = p ? json_object_get_member (p, name) : NULL;

  return ivd_json_is_boolean (node) ? json_node_get_boolean (node) : fallback;
}

/* A parameter holding a list of strings; an empty list when absent. */
GStrv
ivd_rule_dup_param_strv (IvdRule    *self,
                         const char *name)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  JsonObject *p = params (self);
  JsonNode *node = p ? json_object_get_member (p, name) : NULL;

  if (node != NULL && JSON_NODE_HOLDS_ARRAY (node))
    {
      JsonArray *array = json_node_get_array (node);
      for (guint i = 0; i < json_array_get_length (array); i++)
        if (ivd_json_is_string (json_array_get_element (array, i)))
          g_strv_builder_add (builder, json_array_get_string_element (array, i));
    }

  return g_strv_builder_end (builder);
}

