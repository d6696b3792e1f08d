#define G_LOG_DOMAIN "ivd-directory-change"

#include "config.h"

#include "ivd-directory-change.h"

/* One field of one municipality that an import would change: its value
 * before and after as a person reads them (NULL is not filled in). */

enum {
  PROP_0,
  PROP_CODE,
  PROP_FIELD_NAME,
  PROP_OLD_VALUE,
  PROP_NEW_VALUE,
  N_PROPS
};

struct _IvdDirectoryChange
{
  GObject  parent_instance;
  char    *strings[N_PROPS];
};

G_DEFINE_FINAL_TYPE (IvdDirectoryChange, ivd_directory_change, G_TYPE_OBJECT)

static GParamSpec *properties[N_PROPS];

static void
ivd_directory_change_finalize (GObject *object)
{
  IvdDirectoryChange *self = (IvdDirectoryChange *) object;

  for (guint i = 0; i < N_PROPS; i++)
    g_clear_pointer (&self->strings[i], g_free);

  G_OBJECT_CLASS (ivd_directory_change_parent_class)->finalize (object);
}

static void
ivd_directory_change_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  IvdDirectoryChange *self = IVD_DIRECTORY_CHANGE (object);

  if (prop_id > PROP_0 && prop_id < N_PROPS)
    g_value_set_string (value, self->strings[prop_id]);
  else
    G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
}

static void
ivd_directory_change_set_property (GObject      *object,
                                   guint         prop_id,
                                   const GValue *value,
                                   GParamSpec   *pspec)
{
  IvdDirectoryChange *self = IVD_DIRECTORY_CHANGE (object);

  /* Construct-only: set once. */
  if (prop_id > PROP_0 && prop_id < N_PROPS)
    self->strings[prop_id] = g_value_dup_string (value);
  else
    G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
}

static void
ivd_directory_change_class_init (IvdDirectoryChangeClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags flags = G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS;

  object_class->finalize = ivd_directory_change_finalize;
  object_class->get_property = ivd_directory_change_get_property;
  object_class->set_property = ivd_directory_change_set_property;

  /* The municipality's 3-digit code. */
  properties[PROP_CODE] = g_param_spec_string ("code", NULL, NULL, NULL, flags);
  /* The field, as its IvdDirectoryEntry property name (ivd-directory-fields.h). */
  properties[PROP_FIELD_NAME] = g_param_spec_string ("field-name", NULL, NULL, NULL, flags);
  properties[PROP_OLD_VALUE] = g_param_spec_string ("old-value", NULL, NULL, NULL, flags);
  properties[PROP_NEW_VALUE] = g_param_spec_string ("new-value", NULL, NULL, NULL, flags);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
ivd_directory_change_init (IvdDirectoryChange *self)
{
}

/**
 * ivd_directory_change_new:
 * @property: a field's property (ivd_directory_fields_lookup())
 * @old_value: (nullable): as ivd_directory_field_dup_value() reads it; NULL
 *   is not filled in
 * @new_value: (nullable): likewise; differs from @old_value
 */
IvdDirectoryChange *
ivd_directory_change_new (const char *code,
                          const char *property,
                          const char *old_value,
                          const char *new_value)
{
  g_return_val_if_fail (code != NULL, NULL);
  g_return_val_if_fail (ivd_directory_fields_lookup (property) != NULL, NULL);
  g_return_val_if_fail (g_strcmp0 (old_value, new_value) != 0, NULL);

  return g_object_new (IVD_TYPE_DIRECTORY_CHANGE, "code", code, "field-name", property,
                       "old-value", old_value, "new-value", new_value, NULL);
}

const char *
ivd_directory_change_get_code (IvdDirectoryChange *self)
{
  g_return_val_if_fail (IVD_IS_DIRECTORY_CHANGE (self), NULL);
  return self->strings[PROP_CODE];
}

const char *
ivd_directory_change_get_field_name (IvdDirectoryChange *self)
{
  g_return_val_if_fail (IVD_IS_DIRECTORY_CHANGE (self), NULL);
  return self->strings[PROP_FIELD_NAME];
}

const IvdDirectoryField *
ivd_directory_change_get_field (IvdDirectoryChange *self)
{
  g_return_val_if_fail (IVD_IS_DIRECTORY_CHANGE (self), NULL);
  return ivd_directory_fields_lookup (self->strings[PROP_FIELD_NAME]);
}

IvdDirectoryChangeKind
ivd_directory_change_get_kind (IvdDirectoryChange *self)
{
  g_return_val_if_fail (IVD_IS_DIRECTORY_CHANGE (self), IVD_DIRECTORY_CHANGE_CHANGED);

  if (self->strings[PROP_OLD_VALUE] == NULL)
    return IVD_DIRECTORY_CHANGE_ADDED;
  if (self->strings[PROP_NEW_VALUE] == NULL)
    return IVD_DIRECTORY_CHANGE_REMOVED;
  return IVD_DIRECTORY_CHANGE_CHANGED;
}

/* Returns: (nullable): NULL when it was not filled in */
const char *
ivd_directory_change_get_old_value (IvdDirectoryChange *self)
{
  g_return_val_if_fail (IVD_IS_DIRECTORY_CHANGE (self), NULL);
  return self->strings[PROP_OLD_VALUE];
}

/* Returns: (nullable): NULL when the import leaves it not filled in */
const char *
ivd_directory_change_get_new_value (IvdDirectoryChange *self)
{
  g_return_val_if_fail (IVD_IS_DIRECTORY_CHANGE (self), NULL);
  return self->strings[PROP_NEW_VALUE];
}
