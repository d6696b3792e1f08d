#define G_LOG_DOMAIN "ivd-plan-query"

#include "config.h"

#include "ivd-plan-query.h"
#include "ivd-store-enum-types.h"

/* What a plan list shows: filters and sort order, as plain properties a
 * view binds to. The store turns it into SQL; nothing here knows SQL.
 * The list reloads on "notify". */
struct _IvdPlanQuery
{
  GObject      parent_instance;

  guint        statuses;
  char        *region;
  char        *municipality_code;
  char        *start_from;
  char        *start_to;
  char        *text;
  IvdPlanSort  sort;
  gboolean     descending;
  IvdPlanQueue queue;
  char        *today;
  GDateTime   *waiting_before;
};

G_DEFINE_FINAL_TYPE (IvdPlanQuery, ivd_plan_query, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_STATUSES,
  PROP_REGION,
  PROP_MUNICIPALITY_CODE,
  PROP_START_FROM,
  PROP_START_TO,
  PROP_TEXT,
  PROP_SORT,
  PROP_DESCENDING,
  PROP_QUEUE,
  PROP_TODAY,
  PROP_WAITING_BEFORE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* Empty text is no filter: a cleared search entry shows everything. */
static gboolean
set_string (IvdPlanQuery  *self,
            char         **field,
            const char    *value,
            guint          prop_id)
{
  if (value != NULL && *value == '\0')
    value = NULL;
  if (g_strcmp0 (*field, value) == 0)
    return FALSE;

  g_free (*field);
  *field = g_strdup (value);
  g_object_notify_by_pspec (G_OBJECT (self), properties[prop_id]);
  return TRUE;
}

static void
ivd_plan_query_finalize (GObject *object)
{
  IvdPlanQuery *self = (IvdPlanQuery *) object;
  g_clear_pointer (&self->region, g_free);
  g_clear_pointer (&self->municipality_code, g_free);
  g_clear_pointer (&self->start_from, g_free);
  g_clear_pointer (&self->start_to, g_free);
  g_clear_pointer (&self->text, g_free);
  g_clear_pointer (&self->today, g_free);
  g_clear_pointer (&self->waiting_before, g_date_time_unref);

  G_OBJECT_CLASS (ivd_plan_query_parent_class)->finalize (object);
}

static void
ivd_plan_query_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  IvdPlanQuery *self = IVD_PLAN_QUERY (object);

  switch (prop_id)
    {
    case PROP_STATUSES:   g_value_set_uint (value, self->statuses); break;
    case PROP_REGION: g_value_set_string (value, self->region); break;
    case PROP_MUNICIPALITY_CODE: g_value_set_string (value, self->municipality_code); break;
    case PROP_START_FROM: g_value_set_string (value, self->start_from); break;
    case PROP_START_TO: g_value_set_string (value, self->start_to); break;
    case PROP_TEXT: g_value_set_string (value, self->text); break;
    case PROP_SORT:       g_value_set_enum (value, self->sort); break;
    case PROP_DESCENDING: g_value_set_boolean (value, self->descending); break;
    case PROP_QUEUE:      g_value_set_enum (value, self->queue); break;
    case PROP_TODAY:      g_value_set_string (value, self->today); break;
    case PROP_WAITING_BEFORE: g_value_set_boxed (value, self->waiting_before); break;
    default:              G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ivd_plan_query_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  IvdPlanQuery *self = IVD_PLAN_QUERY (object);

  switch (prop_id)
    {
    case PROP_STATUSES:   ivd_plan_query_set_statuses (self, g_value_get_uint (value)); break;
    case PROP_REGION: ivd_plan_query_set_region (self, g_value_get_string (value)); break;
    case PROP_MUNICIPALITY_CODE: ivd_plan_query_set_municipality_code (self, g_value_get_string (value)); break;
    case PROP_START_FROM: ivd_plan_query_set_start_from (self, g_value_get_string (value)); break;
    case PROP_START_TO: ivd_plan_query_set_start_to (self, g_value_get_string (value)); break;
    case PROP_TEXT: ivd_plan_query_set_text (self, g_value_get_string (value)); break;
    case PROP_SORT:       ivd_plan_query_set_sort (self, g_value_get_enum (value)); break;
    case PROP_DESCENDING: ivd_plan_query_set_descending (self, g_value_get_boolean (value)); break;
    case PROP_QUEUE:      ivd_plan_query_set_queue (self, g_value_get_enum (value)); break;
    case PROP_TODAY:      ivd_plan_query_set_today (self, g_value_get_string (value)); break;
    case PROP_WAITING_BEFORE: ivd_plan_query_set_waiting_before (self, g_value_get_boxed (value)); break;
    default:              G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ivd_plan_query_class_init (IvdPlanQueryClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags flags = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->finalize = ivd_plan_query_finalize;
  object_class->get_property = ivd_plan_query_get_property;
  object_class->set_property = ivd_plan_query_set_property;

  /* A bit set of IVD_PLAN_QUERY_STATUS (status); 0 means every status. */
  properties[PROP_STATUSES] = g_param_spec_uint ("statuses", NULL, NULL, 0, G_MAXUINT, 0, flags);
  properties[PROP_REGION] = g_param_spec_string ("region", NULL, NULL, NULL, flags);
  properties[PROP_MUNICIPALITY_CODE] = g_param_spec_string ("municipality-code", NULL, NULL, NULL, flags);
  properties[PROP_START_FROM] = g_param_spec_string ("start-from", NULL, NULL, NULL, flags);
  properties[PROP_START_TO] = g_param_spec_string ("start-to", NULL, NULL, NULL, flags);
  properties[PROP_TEXT] = g_param_spec_string ("text", NULL, NULL, NULL, flags);
  properties[PROP_SORT] = g_param_spec_enum ("sort", NULL, NULL, IVD_TYPE_PLAN_SORT,
                                             IVD_PLAN_SORT_UPDATED, flags);
  properties[PROP_DESCENDING] = g_param_spec_boolean ("descending", NULL, NULL, TRUE, flags);
  properties[PROP_QUEUE] = g_param_spec_enum ("queue", NULL, NULL, IVD_TYPE_PLAN_QUEUE,
                                              IVD_PLAN_QUEUE_NONE, flags);
  /* "YYYY-MM-DD" the queues are judged on; NULL: the date when the query
   * runs (tests fix it). */
  properties[PROP_TODAY] = g_param_spec_string ("today", NULL, NULL, NULL, flags);
  /* Only plans whose status changed before this time, i.e. that have
   * waited in it since: "no answer after 2 hours". NULL: no filter. */
  properties[PROP_WAITING_BEFORE] = g_param_spec_boxed ("waiting-before", NULL, NULL, G_TYPE_DATE_TIME, flags);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
ivd_plan_query_init (IvdPlanQuery *self)
{
  /* Recent first. */
  self->sort = IVD_PLAN_SORT_UPDATED;
  self->descending = TRUE;
}

IvdPlanQuery *
ivd_plan_query_new (void)
{
  return g_object_new (IVD_TYPE_PLAN_QUERY, NULL);
}

guint
ivd_plan_query_get_statuses (IvdPlanQuery *self)
{
  g_return_val_if_fail (IVD_IS_PLAN_QUERY (self), 0);
  return self->statuses;
}

void
ivd_plan_query_set_statuses (IvdPlanQuery *self,
                             guint         statuses)
{
  g_return_if_fail (IVD_IS_PLAN_QUERY (self));

  if (self->statuses == statuses)
    return;
  self->statuses = statuses;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATUSES]);
}

const char *
ivd_plan_query_get_region (IvdPlanQuery *self)
{
  g_return_val_if_fail (IVD_IS_PLAN_QUERY (self), NULL);
  return self->region;
}

void
ivd_plan_query_set_region (IvdPlanQuery *self,
                          const char   *value)
{
  g_return_if_fail (IVD_IS_PLAN_QUERY (self));
  set_string (self, &self->region, value, PROP_REGION);
}

const char *
ivd_plan_query_get_municipality_code (IvdPlanQuery *self)
{
  g_return_val_if_fail (IVD_IS_PLAN_QUERY (self), NULL);
  return self->municipality_code;
}

void
ivd_plan_query_set_municipality_code (IvdPlanQuery *self,
                                     const char   *value)
{
  g_return_if_fail (IVD_IS_PLAN_QUERY (self));
  set_string (self, &self->municipality_code, value, PROP_MUNICIPALITY_CODE);
}

const char *
ivd_plan_query_get_start_from (IvdPlanQuery *self)
{
  g_return_val_if_fail (IVD_IS_PLAN_QUERY (self), NULL);
  return self->start_from;
}

void
ivd_plan_query_set_start_from (IvdPlanQuery *self,
                              const char   *value)
{
  g_return_if_fail (IVD_IS_PLAN_QUERY (self));
  set_string (self, &self->start_from, value, PROP_START_FROM);
}

const char *
ivd_plan_query_get_start_to (IvdPlanQuery *self)
{
  g_return_val_if_fail (IVD_IS_PLAN_QUERY (self), NULL);
  return self->start_to;
}

void
ivd_plan_query_set_start_to (IvdPlanQuery *self,
                            const char   *value)
{
  g_return_if_fail (IVD_IS_PLAN_QUERY (self));
  set_string (self, &self->start_to, value, PROP_START_TO);
}

const char *
ivd_plan_query_get_text (IvdPlanQuery *self)
{
  g_return_val_if_fail (IVD_IS_PLAN_QUERY (self), NULL);
  return self->text;
}

void
ivd_plan_query_set_text (IvdPlanQuery *self,
                        const char   *value)
{
  g_return_if_fail (IVD_IS_PLAN_QUERY (self));
  set_string (self, &self->text, value, PROP_TEXT);
}

IvdPlanSort
ivd_plan_query_get_sort (IvdPlanQuery *self)
{
  g_return_val_if_fail (IVD_IS_PLAN_QUERY (self), IVD_PLAN_SORT_UPDATED);
  return self->sort;
}

void
ivd_plan_query_set_sort (IvdPlanQuery *self,
                         IvdPlanSort   sort)
{
  g_return_if_fail (IVD_IS_PLAN_QUERY (self));

  if (self->sort == sort)
    return;
  self->sort = sort;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SORT]);
}

gboolean
ivd_plan_query_get_descending (IvdPlanQuery *self)
{
  g_return_val_if_fail (IVD_IS_PLAN_QUERY (self), FALSE);
  return self->descending;
}

void
ivd_plan_query_set_descending (IvdPlanQuery *self,
                               gboolean      descending)
{
  g_return_if_fail (IVD_IS_PLAN_QUERY (self));

  descending = !!descending;
  if (self->descending == descending)
    return;
  self->descending = descending;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DESCENDING]);
}

IvdPlanQueue
ivd_plan_query_get_queue (IvdPlanQuery *self)
{
  g_return_val_if_fail (IVD_IS_PLAN_QUERY (self), IVD_PLAN_QUEUE_NONE);
  return self->queue;
}

void
ivd_plan_query_set_queue (IvdPlanQuery *self,
                          IvdPlanQueue  queue)
{
  g_return_if_fail (IVD_IS_PLAN_QUERY (self));

  if (self->queue == queue)
    return;
  self->queue = queue;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_QUEUE]);
}

const char *
ivd_plan_query_get_today (IvdPlanQuery *self)
{
  g_return_val_if_fail (IVD_IS_PLAN_QUERY (self), NULL);
  return self->today;
}

void
ivd_plan_query_set_today (IvdPlanQuery *self,
                          const char   *date)
{
  g_return_if_fail (IVD_IS_PLAN_QUERY (self));
  set_string (self, &self->today, date, PROP_TODAY);
}

GDateTime *
ivd_plan_query_get_waiting_before (IvdPlanQuery *self)
{
  g_return_val_if_fail (IVD_IS_PLAN_QUERY (self), NULL);
  return self->waiting_before;
}

void
ivd_plan_query_set_waiting_before (IvdPlanQuery *self,
                                   GDateTime    *time)
{
  g_return_if_fail (IVD_IS_PLAN_QUERY (self));

  if (self->waiting_before == time ||
      (self->waiting_before != NULL && time != NULL && g_date_time_equal (self->waiting_before, time)))
    return;
  g_clear_pointer (&self->waiting_before, g_date_time_unref);
  self->waiting_before = time != NULL ? g_date_time_ref (time) : NULL;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_WAITING_BEFORE]);
}
