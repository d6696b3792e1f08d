#define G_LOG_DOMAIN "ivd-plan-session"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "ivd-plan-record-private.h"
#include "ivd-plan-session.h"
#include "ivd-store-enum-types.h"
#include "ivd-store-error.h"

/* One open plan: every change is evaluated at once and saved a moment
 * later (autosave, no Save button); a save that finds someone else's newer
 * version stops in the conflict state with the edits kept, until the user
 * chooses. Views bind to its properties; nothing here knows GTK. */
struct _IvdPlanSession
{
  GObject        parent_instance;

  IvdStore      *store;
  IvdPlanRecord *record;
  IvdEvaluation *evaluation;
  char          *evaluation_error;
  IvdSaveState   save_state;
  char          *save_error;
  GDate         *today;
  guint          save_delay;
  guint          save_source;
};

G_DEFINE_FINAL_TYPE (IvdPlanSession, ivd_plan_session, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_STORE,
  PROP_RECORD,
  PROP_PLAN,
  PROP_EVALUATION,
  PROP_EVALUATION_ERROR,
  PROP_SAVE_STATE,
  PROP_SAVE_ERROR,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
set_save_state (IvdPlanSession *self,
                IvdSaveState    state,
                const char     *message)
{
  if (g_strcmp0 (self->save_error, message) != 0)
    {
      g_free (self->save_error);
      self->save_error = g_strdup (message);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SAVE_ERROR]);
    }

  if (self->save_state == state)
    return;
  self->save_state = state;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SAVE_STATE]);
}

static void
evaluate (IvdPlanSession *self)
{
  g_autoptr(GError) error = NULL;
  IvdEvaluation *evaluation;

  evaluation = ivd_evaluation_new (ivd_store_get_catalog (self->store), ivd_plan_record_get_plan (self->record),
                                   self->today, &error);

  /* A plan that cannot be evaluated (the region contradicts the
   * municipality) keeps its last evaluation and says why. */
  if (evaluation != NULL)
    {
      g_clear_object (&self->evaluation);
      self->evaluation = evaluation;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_EVALUATION]);
    }

  if (g_strcmp0 (self->evaluation_error, error ? error->message : NULL) != 0)
    {
      g_free (self->evaluation_error);
      self->evaluation_error = g_strdup (error ? error->message : NULL);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_EVALUATION_ERROR]);
    }
}

static gboolean
save (IvdPlanSession  *self,
      GError         **error)
{
  g_autoptr(GError) local_error = NULL;

  g_clear_handle_id (&self->save_source, g_source_remove);

  if (self->save_state == IVD_SAVE_STATE_CONFLICT)
    {
      g_set_error (error, IVD_STORE_ERROR, IVD_STORE_ERROR_CONFLICT, "%s", self->save_error);
      return FALSE;
    }

  if (ivd_store_save_plan (self->store, self->record, &local_error))
    {
      set_save_state (self, IVD_SAVE_STATE_SAVED, NULL);
      return TRUE;
    }

  /* Never lost: the edits stay in the record, and a later change or
   * flush tries again (a busy database is often free a moment later). */
  set_save_state (self, g_error_matches (local_error, IVD_STORE_ERROR, IVD_STORE_ERROR_CONFLICT)
                        ? IVD_SAVE_STATE_CONFLICT : IVD_SAVE_STATE_FAILED,
                  local_error->message);
  g_propagate_error (error, g_steal_pointer (&local_error));
  return FALSE;
}

static gboolean
on_save_timeout_cb (gpointer user_data)
{
  IvdPlanSession *self = user_data;

  self->save_source = 0;
  save (self, NULL);
  return G_SOURCE_REMOVE;
}

static void
on_plan_changed_cb (IvdPlanSession *self,
                    const char     *path,
                    IvdPlan        *plan)
{
  evaluate (self);

  if (self->save_state == IVD_SAVE_STATE_CONFLICT)
    return;

  set_save_state (self, IVD_SAVE_STATE_PENDING, self->save_error);
  g_clear_handle_id (&self->save_source, g_source_remove);
  self->save_source = g_timeout_add (self->save_delay, on_save_timeout_cb, self);
}

static void
ivd_plan_session_constructed (GObject *object)
{
  IvdPlanSession *self = (IvdPlanSession *) object;

  G_OBJECT_CLASS (ivd_plan_session_parent_class)->constructed (object);

  g_signal_connect_object (ivd_plan_record_get_plan (self->record), "changed",
                           G_CALLBACK (on_plan_changed_cb), self, G_CONNECT_SWAPPED);
  evaluate (self);
}

static void
ivd_plan_session_dispose (GObject *object)
{
  IvdPlanSession *self = (IvdPlanSession *) object;

  /* Whatever is still pending is saved now: closing loses nothing. */
  if (self->save_source != 0)
    save (self, NULL);

  G_OBJECT_CLASS (ivd_plan_session_parent_class)->dispose (object);
}

static void
ivd_plan_session_finalize (GObject *object)
{
  IvdPlanSession *self = (IvdPlanSession *) object;

  g_clear_object (&self->store);
  g_clear_object (&self->record);
  g_clear_object (&self->evaluation);
  g_clear_pointer (&self->evaluation_error, g_free);
  g_clear_pointer (&self->save_error, g_free);
  g_clear_pointer (&self->today, g_date_free);

  G_OBJECT_CLASS (ivd_plan_session_parent_class)->finalize (object);
}

static void
ivd_plan_session_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  IvdPlanSession *self = IVD_PLAN_SESSION (object);

  switch (prop_id)
    {
    case PROP_STORE:            g_value_set_object (value, self->store); break;
    case PROP_RECORD:           g_value_set_object (value, self->record); break;
    case PROP_PLAN:             g_value_set_object (value, ivd_plan_record_get_plan (self->record)); break;
    case PROP_EVALUATION:       g_value_set_object (value, self->evaluation); break;
    case PROP_EVALUATION_ERROR: g_value_set_string (value, self->evaluation_error); break;
    case PROP_SAVE_STATE:       g_value_set_enum (value, self->save_state); break;
    case PROP_SAVE_ERROR:       g_value_set_string (value, self->save_error); break;
    default:                    G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ivd_plan_session_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  IvdPlanSession *self = IVD_PLAN_SESSION (object);

  switch (prop_id)
    {
    case PROP_STORE:  self->store = g_value_dup_object (value); break;
    case PROP_RECORD: self->record = g_value_dup_object (value); break;
    default:          G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ivd_plan_session_class_init (IvdPlanSessionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->constructed = ivd_plan_session_constructed;
  object_class->dispose = ivd_plan_session_dispose;
  object_class->finalize = ivd_plan_session_finalize;
  object_class->get_property = ivd_plan_session_get_property;
  object_class->set_property = ivd_plan_session_set_property;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, IVD_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_RECORD] =
    g_param_spec_object ("record", NULL, NULL, IVD_TYPE_PLAN_RECORD,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_PLAN] =
    g_param_spec_object ("plan", NULL, NULL, IVD_TYPE_PLAN,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_EVALUATION] =
    g_param_spec_object ("evaluation", NULL, NULL, IVD_TYPE_EVALUATION,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_EVALUATION_ERROR] =
    g_param_spec_string ("evaluation-error", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SAVE_STATE] =
    g_param_spec_enum ("save-state", NULL, NULL, IVD_TYPE_SAVE_STATE, IVD_SAVE_STATE_SAVED,
                       G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SAVE_ERROR] =
    g_param_spec_string ("save-error", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
ivd_plan_session_init (IvdPlanSession *self)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  self->today = g_date_new_dmy (g_date_time_get_day_of_month (now), g_date_time_get_month (now),
                                g_date_time_get_year (now));
  self->save_delay = IVD_PLAN_SESSION_SAVE_DELAY_MS;
}

IvdPlanSession *
ivd_plan_session_new (IvdStore      *store,
                      IvdPlanRecord *record)
{
  g_return_val_if_fail (IVD_IS_STORE (store), NULL);
  g_return_val_if_fail (IVD_IS_PLAN_RECORD (record), NULL);

  return g_object_new (IVD_TYPE_PLAN_SESSION, "store", store, "record", record, NULL);
}

IvdStore *
ivd_plan_session_get_store (IvdPlanSession *self)
{
  g_return_val_if_fail (IVD_IS_PLAN_SESSION (self), NULL);
  return self->store;
}

IvdPlanRecord *
ivd_plan_session_get_record (IvdPlanSession *self)
{
  g_return_val_if_fail (IVD_IS_PLAN_SESSION (self), NULL);
  return self->record;
}

IvdPlan *
ivd_plan_session_get_plan (IvdPlanSession *self)
{
  g_return_val_if_fail (IVD_IS_PLAN_SESSION (self), NULL);
  return ivd_plan_record_get_plan (self->record);
}

/* Returns: (nullable): the newest evaluation that could be made. */
IvdEvaluation *
ivd_plan_session_get_evaluation (IvdPlanSession *self)
{
  g_return_val_if_fail (IVD_IS_PLAN_SESSION (self), NULL);
  return self->evaluation;
}

/* Returns: (nullable): why the plan as it stands cannot be evaluated. */
const char *
ivd_plan_session_get_evaluation_error (IvdPlanSession *self)
{
  g_return_val_if_fail (IVD_IS_PLAN_SESSION (self), NULL);
  return self->evaluation_error;
}

IvdSaveState
ivd_plan_session_get_save_state (IvdPlanSession *self)
{
  g_return_val_if_fail (IVD_IS_PLAN_SESSION (self), IVD_SAVE_STATE_FAILED);
  return self->save_state;
}

const char *
ivd_plan_session_get_save_error (IvdPlanSession *self)
{
  g_return_val_if_fail (IVD_IS_PLAN_SESSION (self), NULL);
  return self->save_error;
}

/* For tests and for a session left open past midnight. */
void
ivd_plan_session_set_today (IvdPlanSession *self,
                            const GDate    *today)
{
  g_return_if_fail (IVD_IS_PLAN_SESSION (self));
  g_return_if_fail (today != NULL && g_date_valid (today));

  *self->today = *today;
  evaluate (self);
}

void
ivd_plan_session_set_save_delay (IvdPlanSession *self,
                                 guint           milliseconds)
{
  g_return_if_fail (IVD_IS_PLAN_SESSION (self));
  self->save_delay = milliseconds;
}

/* Saves what is pending now (closing the window, switching plans). */
gboolean
ivd_plan_session_flush (IvdPlanSession  *self,
                        GError         **error)
{
  g_return_val_if_fail (IVD_IS_PLAN_SESSION (self), FALSE);

  if (self->save_state == IVD_SAVE_STATE_SAVED)
    return TRUE;
  return save (self, error);
}

/* Loads the newest stored version and takes over its version number and
 * status, so that the next save is not a conflict. */
static IvdPlanRecord *
adopt_newest (IvdPlanSession  *self,
              GError         **error)
{
  IvdPlanRecord *newest = ivd_store_load_plan (self->store, ivd_plan_record_get_id (self->record), error);

  if (newest != NULL)
    ivd_plan_record_set_stored (self->record, ivd_plan_record_get_status (newest),
                                ivd_plan_record_get_status_reason (newest),
                                ivd_plan_record_get_version (newest), ivd_plan_record_get_updated (newest));
  return newest;
}

/* The conflict resolved for one's own edits: they are put on top of the
 * newest stored version and saved as the next one. */
gboolean
ivd_plan_session_keep_mine (IvdPlanSession  *self,
                            GError         **error)
{
  g_autoptr(IvdPlanRecord) newest = NULL;

  g_return_val_if_fail (IVD_IS_PLAN_SESSION (self), FALSE);

  if ((newest = adopt_newest (self, error)) == NULL)
    return FALSE;
  set_save_state (self, IVD_SAVE_STATE_PENDING, NULL);
  return save (self, error);
}

/* The conflict resolved for the stored version: one's own edits are
 * dropped and the plan shows what was saved elsewhere. */
gboolean
ivd_plan_session_take_theirs (IvdPlanSession  *self,
                              GError         **error)
{
  g_autoptr(IvdPlanRecord) newest = NULL;

  g_return_val_if_fail (IVD_IS_PLAN_SESSION (self), FALSE);

  if ((newest = adopt_newest (self, error)) == NULL)
    return FALSE;
  /* What the plan now holds is what is stored: nothing to save. */
  g_clear_handle_id (&self->save_source, g_source_remove);
  g_signal_handlers_block_by_func (ivd_plan_record_get_plan (self->record), on_plan_changed_cb, self);
  ivd_plan_assign (ivd_plan_record_get_plan (self->record), ivd_plan_record_get_plan (newest));
  g_signal_handlers_unblock_by_func (ivd_plan_record_get_plan (self->record), on_plan_changed_cb, self);
  set_save_state (self, IVD_SAVE_STATE_SAVED, NULL);
  evaluate (self);
  return TRUE;
}

/**
 * ivd_plan_session_get_rule_set:
 *
 * Returns: (transfer none) (nullable): the rules of the region the plan
 * was last evaluated in; NULL until the municipality is known or when the
 * region's rule file cannot be read (the evaluation says why).
 */
IvdRuleSet *
ivd_plan_session_get_rule_set (IvdPlanSession *self)
{
  const char *region;

  g_return_val_if_fail (IVD_IS_PLAN_SESSION (self), NULL);

  region = self->evaluation ? ivd_evaluation_get_region (self->evaluation) : NULL;
  return region ? ivd_catalog_get_rule_set (ivd_store_get_catalog (self->store), region, NULL) : NULL;
}
