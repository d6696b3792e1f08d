#define G_LOG_DOMAIN "ivd-municipality"

#include "ivd-municipality.h"

struct _IvdMunicipality
{
  GObject  parent_instance;
  char    *code;
  char    *name;
  char    *region;
  char    *authority;
};

G_DEFINE_FINAL_TYPE (IvdMunicipality, ivd_municipality, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_CODE,
  PROP_NAME,
  PROP_REGION,
  PROP_AUTHORITY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
ivd_municipality_finalize (GObject *object)
{
  IvdMunicipality *self = (IvdMunicipality *) object;

  g_clear_pointer (&self->code, g_free);
  g_clear_pointer (&self->name, g_free);
  g_clear_pointer (&self->region, g_free);
  g_clear_pointer (&self->authority, g_free);

  G_OBJECT_CLASS (ivd_municipality_parent_class)->finalize (object);
}

static void
ivd_municipality_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  IvdMunicipality *self = IVD_MUNICIPALITY (object);

  switch (prop_id)
    {
    case PROP_CODE:
      g_value_set_string (value, self->code);
      break;
    case PROP_NAME:
      g_value_set_string (value, self->name);
      break;
    case PROP_REGION:
      g_value_set_string (value, self->region);
      break;
    case PROP_AUTHORITY:
      g_value_set_string (value, self->authority);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ivd_municipality_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  IvdMunicipality *self = IVD_MUNICIPALITY (object);

  switch (prop_id)
    {
    case PROP_CODE:
      self->code = g_value_dup_string (value);
      break;
    case PROP_NAME:
      self->name = g_value_dup_string (value);
      break;
    case PROP_REGION:
      self->region = g_value_dup_string (value);
      break;
    case PROP_AUTHORITY:
      self->authority = g_value_dup_string (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ivd_municipality_class_init (IvdMunicipalityClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = ivd_municipality_finalize;
  object_class->get_property = ivd_municipality_get_property;
  object_class->set_property = ivd_municipality_set_property;

  properties[PROP_CODE] =
    g_param_spec_string ("code", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_NAME] =
    g_param_spec_string ("name", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_REGION] =
    g_param_spec_string ("region", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  /* The authority's own name where it is not "<name> Kommune"
   * ("Københavns Kommune", "Bornholms Regionskommune"). */
  properties[PROP_AUTHORITY] =
    g_param_spec_string ("authority", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
ivd_municipality_init (IvdMunicipality *self)
{
}

IvdMunicipality *
ivd_municipality_new (const char *code,
                      const char *name,
                      const char *region)
{
  return g_object_new (IVD_TYPE_MUNICIPALITY,
                       "code", code,
                       "name", name,
                       "region", region,
                       NULL);
}

const char *
ivd_municipality_get_code (IvdMunicipality *self)
{
  g_return_val_if_fail (IVD_IS_MUNICIPALITY (self), NULL);
  return self->code;
}

const char *
ivd_municipality_get_name (IvdMunicipality *self)
{
  g_return_val_if_fail (IVD_IS_MUNICIPALITY (self), NULL);
  return self->name;
}

const char *
ivd_municipality_get_region (IvdMunicipality *self)
{
  g_return_val_if_fail (IVD_IS_MUNICIPALITY (self), NULL);
  return self->region;
}

/* Returns: (nullable): the authority's official name when it is not the
 * municipality's name followed by "Kommune". */
const char *
ivd_municipality_get_authority (IvdMunicipality *self)
{
  g_return_val_if_fail (IVD_IS_MUNICIPALITY (self), NULL);
  return self->authority;
}
