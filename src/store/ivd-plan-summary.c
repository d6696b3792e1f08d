#define G_LOG_DOMAIN "ivd-plan-summary"

#include "config.h"

#include "ivd-enum-types.h"
#include "ivd-plan-summary.h"

/* One row of a plan list: the indexed columns, not the document, so a
 * list of many plans stays light. */
struct _IvdPlanSummary
{
  GObject        parent_instance;

  char          *id;
  IvdPlanStatus  status;
  char          *region;
  char          *municipality_code;
  char          *start_date;
  char          *updated;
  char          *status_changed;
  char          *name;
  char          *cpr;
  char          *end_date;
  char          *status_reason;
  char          *municipality_name;
  int            open_items;
};

G_DEFINE_FINAL_TYPE (IvdPlanSummary, ivd_plan_summary, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_STATUS,
  PROP_REGION,
  PROP_MUNICIPALITY_CODE,
  PROP_START_DATE,
  PROP_UPDATED,
  PROP_STATUS_CHANGED,
  PROP_NAME,
  PROP_CPR,
  PROP_END_DATE,
  PROP_STATUS_REASON,
  PROP_MUNICIPALITY_NAME,
  PROP_OPEN_ITEMS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  UPDATED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static char **
string_field (IvdPlanSummary *self,
              guint           prop_id)
{
  switch (prop_id)
    {
    case PROP_ID:                return &self->id;
    case PROP_REGION:            return &self->region;
    case PROP_MUNICIPALITY_CODE: return &self->municipality_code;
    case PROP_START_DATE:        return &self->start_date;
    case PROP_UPDATED:           return &self->updated;
    case PROP_STATUS_CHANGED:    return &self->status_changed;
    case PROP_NAME:              return &self->name;
    case PROP_CPR:               return &self->cpr;
    case PROP_END_DATE:          return &self->end_date;
    case PROP_STATUS_REASON:     return &self->status_reason;
    case PROP_MUNICIPALITY_NAME: return &self->municipality_name;
    default:                     return NULL;
    }
}

static void
ivd_plan_summary_finalize (GObject *object)
{
  IvdPlanSummary *self = (IvdPlanSummary *) object;

  for (guint i = PROP_ID; i < N_PROPS; i++)
    if (string_field (self, i) != NULL)
      g_clear_pointer (string_field (self, i), g_free);

  G_OBJECT_CLASS (ivd_plan_summary_parent_class)->finalize (object);
}

static void
ivd_plan_summary_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  IvdPlanSummary *self = IVD_PLAN_SUMMARY (object);
  char **field = string_field (self, prop_id);

  if (field != NULL)
    g_value_set_string (value, *field);
  else if (prop_id == PROP_STATUS)
    g_value_set_enum (value, self->status);
  else if (prop_id == PROP_OPEN_ITEMS)
    g_value_set_int (value, self->open_items);
  else
    G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
}

static void
ivd_plan_summary_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  IvdPlanSummary *self = IVD_PLAN_SUMMARY (object);
  char **field = string_field (self, prop_id);

  if (field != NULL)
    *field = g_value_dup_string (value);
  else if (prop_id == PROP_STATUS)
    self->status = g_value_get_enum (value);
  else if (prop_id == PROP_OPEN_ITEMS)
    self->open_items = g_value_get_int (value);
  else
    G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
}

static void
ivd_plan_summary_class_init (IvdPlanSummaryClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags flags = G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS;

  object_class->finalize = ivd_plan_summary_finalize;
  object_class->get_property = ivd_plan_summary_get_property;
  object_class->set_property = ivd_plan_summary_set_property;

  properties[PROP_ID] = g_param_spec_string ("id", NULL, NULL, NULL, flags);
  properties[PROP_STATUS] = g_param_spec_enum ("status", NULL, NULL, IVD_TYPE_PLAN_STATUS,
                                               IVD_PLAN_STATUS_DRAFT, flags);
  properties[PROP_REGION] = g_param_spec_string ("region", NULL, NULL, NULL, flags);
  properties[PROP_MUNICIPALITY_CODE] = g_param_spec_string ("municipality-code", NULL, NULL, NULL, flags);
  properties[PROP_START_DATE] = g_param_spec_string ("start-date", NULL, NULL, NULL, flags);
  properties[PROP_UPDATED] = g_param_spec_string ("updated", NULL, NULL, NULL, flags);
  properties[PROP_STATUS_CHANGED] = g_param_spec_string ("status-changed", NULL, NULL, NULL, flags);
  properties[PROP_NAME] = g_param_spec_string ("name", NULL, NULL, NULL, flags);
  properties[PROP_CPR] = g_param_spec_string ("cpr", NULL, NULL, NULL, flags);
  /* The last treatment day, "YYYY-MM-DD". */
  properties[PROP_END_DATE] = g_param_spec_string ("end-date", NULL, NULL, NULL, flags);
  /* Why declined or cancelled, or the outcome when ended. */
  properties[PROP_STATUS_REASON] = g_param_spec_string ("status-reason", NULL, NULL, NULL, flags);
  /* The home municipality's name, from the catalog. */
  properties[PROP_MUNICIPALITY_NAME] = g_param_spec_string ("municipality-name", NULL, NULL, NULL, flags);
  /* What was still open at the last save; -1 when not known. */
  properties[PROP_OPEN_ITEMS] = g_param_spec_int ("open-items", NULL, NULL, -1, G_MAXINT, -1, flags);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /* Once after ivd_plan_summary_take_values() changed anything: a cell
   * redraws once, not once per property. */
  signals[UPDATED] = g_signal_new ("updated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL,
                                   NULL, G_TYPE_NONE, 0);
}

static void
ivd_plan_summary_init (IvdPlanSummary *self)
{
  self->open_items = -1;
}

const char *
ivd_plan_summary_get_id (IvdPlanSummary *self)
{
  g_return_val_if_fail (IVD_IS_PLAN_SUMMARY (self), NULL);
  return self->id;
}

IvdPlanStatus
ivd_plan_summary_get_status (IvdPlanSummary *self)
{
  g_return_val_if_fail (IVD_IS_PLAN_SUMMARY (self), IVD_PLAN_STATUS_DRAFT);
  return self->status;
}

const char *
ivd_plan_summary_get_region (IvdPlanSummary *self)
{
  g_return_val_if_fail (IVD_IS_PLAN_SUMMARY (self), NULL);
  return self->region;
}

const char *
ivd_plan_summary_get_municipality_code (IvdPlanSummary *self)
{
  g_return_val_if_fail (IVD_IS_PLAN_SUMMARY (self), NULL);
  return self->municipality_code;
}

const char *
ivd_plan_summary_get_start_date (IvdPlanSummary *self)
{
  g_return_val_if_fail (IVD_IS_PLAN_SUMMARY (self), NULL);
  return self->start_date;
}

const char *
ivd_plan_summary_get_updated (IvdPlanSummary *self)
{
  g_return_val_if_fail (IVD_IS_PLAN_SUMMARY (self), NULL);
  return self->updated;
}

const char *
ivd_plan_summary_get_status_changed (IvdPlanSummary *self)
{
  g_return_val_if_fail (IVD_IS_PLAN_SUMMARY (self), NULL);
  return self->status_changed;
}

const char *
ivd_plan_summary_get_name (IvdPlanSummary *self)
{
  g_return_val_if_fail (IVD_IS_PLAN_SUMMARY (self), NULL);
  return self->name;
}

const char *
ivd_plan_summary_get_cpr (IvdPlanSummary *self)
{
  g_return_val_if_fail (IVD_IS_PLAN_SUMMARY (self), NULL);
  return self->cpr;
}

const char *
ivd_plan_summary_get_end_date (IvdPlanSummary *self)
{
  g_return_val_if_fail (IVD_IS_PLAN_SUMMARY (self), NULL);
  return self->end_date;
}

const char *
ivd_plan_summary_get_status_reason (IvdPlanSummary *self)
{
  g_return_val_if_fail (IVD_IS_PLAN_SUMMARY (self), NULL);
  return self->status_reason;
}

int
ivd_plan_summary_get_open_items (IvdPlanSummary *self)
{
  g_return_val_if_fail (IVD_IS_PLAN_SUMMARY (self), -1);
  return self->open_items;
}

const char *
ivd_plan_summary_get_municipality_name (IvdPlanSummary *self)
{
  g_return_val_if_fail (IVD_IS_PLAN_SUMMARY (self), NULL);
  return self->municipality_name;
}

/**
 * ivd_plan_summary_take_values:
 * @from: the row now at this one's place in the list
 *
 * Makes @self show @from's plan: a plan list reloads by giving the row
 * objects a view holds new values, so that the view keeps its row widgets
 * (GTK 4.8 remakes all 200 rows it keeps for a list when told of new
 * items). Notifies each property that changed, then "updated".
 */
void
ivd_plan_summary_take_values (IvdPlanSummary *self,
                              IvdPlanSummary *from)
{
  gboolean changed = FALSE;

  g_return_if_fail (IVD_IS_PLAN_SUMMARY (self));
  g_return_if_fail (IVD_IS_PLAN_SUMMARY (from));

  g_object_freeze_notify (G_OBJECT (self));
  for (guint i = PROP_ID; i < N_PROPS; i++)
    {
      char **field = string_field (self, i);

      if (field != NULL && g_strcmp0 (*field, *string_field (from, i)) != 0)
        {
          g_free (*field);
          *field = g_strdup (*string_field (from, i));
          g_object_notify_by_pspec (G_OBJECT (self), properties[i]);
          changed = TRUE;
        }
    }
  if (self->status != from->status)
    {
      self->status = from->status;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATUS]);
      changed = TRUE;
    }
  if (self->open_items != from->open_items)
    {
      self->open_items = from->open_items;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_OPEN_ITEMS]);
      changed = TRUE;
    }
  g_object_thaw_notify (G_OBJECT (self));

  if (changed)
    g_signal_emit (self, signals[UPDATED], 0);
}
