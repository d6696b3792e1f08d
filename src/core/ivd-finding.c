#define G_LOG_DOMAIN "ivd-finding"

#include "ivd-enum-types.h"
#include "ivd-finding.h"

struct _IvdFinding
{
  GObject      parent_instance;
  char        *rule_id;
  IvdSeverity  severity;
  char        *message;
  char        *source;
};

G_DEFINE_FINAL_TYPE (IvdFinding, ivd_finding, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_RULE_ID,
  PROP_SEVERITY,
  PROP_MESSAGE,
  PROP_SOURCE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
ivd_finding_finalize (GObject *object)
{
  IvdFinding *self = (IvdFinding *) object;

  g_clear_pointer (&self->rule_id, g_free);
  g_clear_pointer (&self->message, g_free);
  g_clear_pointer (&self->source, g_free);

  G_OBJECT_CLASS (ivd_finding_parent_class)->finalize (object);
}

static void
ivd_finding_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  IvdFinding *self = IVD_FINDING (object);

  switch (prop_id)
    {
    case PROP_RULE_ID:
      g_value_set_string (value, self->rule_id);
      break;
    case PROP_SEVERITY:
      g_value_set_enum (value, self->severity);
      break;
    case PROP_MESSAGE:
      g_value_set_string (value, self->message);
      break;
    case PROP_SOURCE:
      g_value_set_string (value, self->source);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ivd_finding_set_property (GObject      *object,
                          guint         prop_id,
                          const GValue *value,
                          GParamSpec   *pspec)
{
  IvdFinding *self = IVD_FINDING (object);

  switch (prop_id)
    {
    case PROP_RULE_ID:
      self->rule_id = g_value_dup_string (value);
      break;
    case PROP_SEVERITY:
      self->severity = g_value_get_enum (value);
      break;
    case PROP_MESSAGE:
      self->message = g_value_dup_string (value);
      break;
    case PROP_SOURCE:
      self->source = g_value_dup_string (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ivd_finding_class_init (IvdFindingClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = ivd_finding_finalize;
  object_class->get_property = ivd_finding_get_property;
  object_class->set_property = ivd_finding_set_property;

  properties[PROP_RULE_ID] =
    g_param_spec_string ("rule-id", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SEVERITY] =
    g_param_spec_enum ("severity", NULL, NULL, IVD_TYPE_SEVERITY, IVD_SEVERITY_INFO,
                       G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_MESSAGE] =
    g_param_spec_string ("message", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SOURCE] =
    g_param_spec_string ("source", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
ivd_finding_init (IvdFinding *self)
{
}

IvdFinding *
ivd_finding_new (const char  *rule_id,
                 IvdSeverity  severity,
                 const char  *message,
                 const char  *source)
{
  return g_object_new (IVD_TYPE_FINDING,
                       "rule-id", rule_id,
                       "severity", severity,
                       "message", message,
                       "source", source,
                       NULL);
}

const char *
ivd_finding_get_rule_id (IvdFinding *self)
{
  g_return_val_if_fail (IVD_IS_FINDING (self), NULL);
  return self->rule_id;
}

IvdSeverity
ivd_finding_get_severity (IvdFinding *self)
{
  g_return_val_if_fail (IVD_IS_FINDING (self), IVD_SEVERITY_INFO);
  return self->severity;
}

const char *
ivd_finding_get_message (IvdFinding *self)
{
  g_return_val_if_fail (IVD_IS_FINDING (self), NULL);
  return self->message;
}

const char *
ivd_finding_get_source (IvdFinding *self)
{
  g_return_val_if_fail (IVD_IS_FINDING (self), NULL);
  return self->source;
}

const char *
ivd_severity_to_string (IvdSeverity severity)
{
  g_autoptr(GEnumClass) klass = g_type_class_ref (IVD_TYPE_SEVERITY);
  GEnumValue *value = g_enum_get_value (klass, severity);

  return value != NULL ? value->value_nick : "info";
}

gboolean
ivd_severity_from_string (const char  *text,
                          IvdSeverity *severity)
{
  g_autoptr(GEnumClass) klass = g_type_class_ref (IVD_TYPE_SEVERITY);
  GEnumValue *value = text != NULL ? g_enum_get_value_by_nick (klass, text) : NULL;

  if (value == NULL)
    return FALSE;
  *severity = value->value;
  return TRUE;
}
