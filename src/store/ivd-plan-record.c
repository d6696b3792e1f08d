#define G_LOG_DOMAIN "ivd-plan-record"

#include "config.h"

#include "ivd-enum-types.h"
#include "ivd-plan-record-private.h"

/* A plan as the store holds it: the document the user edits, and the
 * store's facts about it (id, status, version for conflict detection). */
struct _IvdPlanRecord
{
  GObject        parent_instance;

  char          *id;
  IvdPlan       *plan;
  IvdPlanStatus  status;
  char          *status_reason;
  gint64         version;
  char          *created;
  char          *updated;
};

G_DEFINE_FINAL_TYPE (IvdPlanRecord, ivd_plan_record, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_PLAN,
  PROP_STATUS,
  PROP_STATUS_REASON,
  PROP_VERSION,
  PROP_CREATED,
  PROP_UPDATED,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* g_set_str() is newer than GLib 2.74. */
static gboolean
set_string (char       **field,
            const char  *value)
{
  if (g_strcmp0 (*field, value) == 0)
    return FALSE;
  g_free (*field);
  *field = g_strdup (value);
  return TRUE;
}

static void
ivd_plan_record_finalize (GObject *object)
{
  IvdPlanRecord *self = (IvdPlanRecord *) object;

  g_clear_pointer (&self->id, g_free);
  g_clear_object (&self->plan);
  g_clear_pointer (&self->status_reason, g_free);
  g_clear_pointer (&self->created, g_free);
  g_clear_pointer (&self->updated, g_free);

  G_OBJECT_CLASS (ivd_plan_record_parent_class)->finalize (object);
}

static void
ivd_plan_record_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  IvdPlanRecord *self = IVD_PLAN_RECORD (object);

  switch (prop_id)
    {
    case PROP_ID:            g_value_set_string (value, self->id); break;
    case PROP_PLAN:          g_value_set_object (value, self->plan); break;
    case PROP_STATUS:        g_value_set_enum (value, self->status); break;
    case PROP_STATUS_REASON: g_value_set_string (value, self->status_reason); break;
    case PROP_VERSION:       g_value_set_int64 (value, self->version); break;
    case PROP_CREATED:       g_value_set_string (value, self->created); break;
    case PROP_UPDATED:       g_value_set_string (value, self->updated); break;
    default:                 G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ivd_plan_record_class_init (IvdPlanRecordClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags flags = G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->finalize = ivd_plan_record_finalize;
  object_class->get_property = ivd_plan_record_get_property;

  properties[PROP_ID] = g_param_spec_string ("id", NULL, NULL, NULL, flags);
  properties[PROP_PLAN] = g_param_spec_object ("plan", NULL, NULL, IVD_TYPE_PLAN, flags);
  properties[PROP_STATUS] = g_param_spec_enum ("status", NULL, NULL, IVD_TYPE_PLAN_STATUS,
                                               IVD_PLAN_STATUS_DRAFT, flags);
  properties[PROP_STATUS_REASON] = g_param_spec_string ("status-reason", NULL, NULL, NULL, flags);
  properties[PROP_VERSION] = g_param_spec_int64 ("version", NULL, NULL, 0, G_MAXINT64, 0, flags);
  properties[PROP_CREATED] = g_param_spec_string ("created", NULL, NULL, NULL, flags);
  properties[PROP_UPDATED] = g_param_spec_string ("updated", NULL, NULL, NULL, flags);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
ivd_plan_record_init (IvdPlanRecord *self)
{
}

IvdPlanRecord *
ivd_plan_record_new (const char    *id,
                     IvdPlan       *plan,
                     IvdPlanStatus  status,
                     const char    *status_reason,
                     gint64         version,
                     const char    *created,
                     const char    *updated)
{
  IvdPlanRecord *self = g_object_new (IVD_TYPE_PLAN_RECORD, NULL);

  self->id = g_strdup (id);
  self->plan = g_object_ref (plan);
  self->status = status;
  self->status_reason = g_strdup (status_reason);
  self->version = version;
  self->created = g_strdup (created);
  self->updated = g_strdup (updated);
  return self;
}

void
ivd_plan_record_set_stored (IvdPlanRecord *self,
                            IvdPlanStatus  status,
                            const char    *status_reason,
                            gint64         version,
                            const char    *updated)
{
  g_return_if_fail (IVD_IS_PLAN_RECORD (self));

  g_object_freeze_notify (G_OBJECT (self));
  if (self->status != status)
    {
      self->status = status;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATUS]);
    }
  if (set_string (&self->status_reason, status_reason))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATUS_REASON]);
  if (self->version != version)
    {
      self->version = version;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_VERSION]);
    }
  if (set_string (&self->updated, updated))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_UPDATED]);
  g_object_thaw_notify (G_OBJECT (self));
}

const char *
ivd_plan_record_get_id (IvdPlanRecord *self)
{
  g_return_val_if_fail (IVD_IS_PLAN_RECORD (self), NULL);
  return self->id;
}

IvdPlan *
ivd_plan_record_get_plan (IvdPlanRecord *self)
{
  g_return_val_if_fail (IVD_IS_PLAN_RECORD (self), NULL);
  return self->plan;
}

IvdPlanStatus
ivd_plan_record_get_status (IvdPlanRecord *self)
{
  g_return_val_if_fail (IVD_IS_PLAN_RECORD (self), IVD_PLAN_STATUS_DRAFT);
  return self->status;
}

const char *
ivd_plan_record_get_status_reason (IvdPlanRecord *self)
{
  g_return_val_if_fail (IVD_IS_PLAN_RECORD (self), NULL);
  return self->status_reason;
}

gint64
ivd_plan_record_get_version (IvdPlanRecord *self)
{
  g_return_val_if_fail (IVD_IS_PLAN_RECORD (self), 0);
  return self->version;
}

const char *
ivd_plan_record_get_created (IvdPlanRecord *self)
{
  g_return_val_if_fail (IVD_IS_PLAN_RECORD (self), NULL);
  return self->created;
}

const char *
ivd_plan_record_get_updated (IvdPlanRecord *self)
{
  g_return_val_if_fail (IVD_IS_PLAN_RECORD (self), NULL);
  return self->updated;
}
