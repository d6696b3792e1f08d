#define G_LOG_DOMAIN "ivd-reminders"

#include "config.h"

#include <glib/gi18n.h>
#include <libnotify/notify.h>

#include "ivd-reminders.h"
#include "ivd-store-enum-types.h"

/* The coordinator's reminders: at start and every few minutes (settings),
 * one desktop notification per queue that is not empty, replaced rather
 * than stacked. Notifications can show on a locked screen, so they carry
 * counts only, never a name or CPR number. Their action opens the window
 * on the queue through the application's "show-queue" action. Without a
 * notification service nothing is shown and nothing else changes. */
#define N_QUEUES 3

struct _IvdReminders
{
  GObject             parent_instance;

  GApplication       *application;  /* weak: the application owns us */
  IvdStore           *store;
  GSettings          *settings;
  guint               first_check_delay;  /* ms */
  GDateTime          *now;                /* NULL: the clock */

  guint               timeout_id;
  guint               interval;           /* s; 0 while off */
  gboolean            service_missing;    /* logged once per outage */
  NotifyNotification *notifications[N_QUEUES];  /* by queues[] */
};

G_DEFINE_FINAL_TYPE (IvdReminders, ivd_reminders, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_APPLICATION,
  PROP_STORE,
  PROP_SETTINGS,
  PROP_FIRST_CHECK_DELAY,
  PROP_NOW,
  PROP_INTERVAL,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static const IvdPlanQueue queues[N_QUEUES] = {
  IVD_PLAN_QUEUE_AWAITING_ANSWER,
  IVD_PLAN_QUEUE_DISCHARGE_SOON,
  IVD_PLAN_QUEUE_PAST_END,
};

/* After the window's first frame and the plan list: the notification
 * calls are synchronous D-Bus calls. */
#define FIRST_CHECK_DELAY_MS 5000

static const char * const settings_keys[] = {
  "reminders-enabled",
  "reminder-interval-minutes",
  "no-answer-hours",
};

/* The queue's name for "app.show-queue": its enum nick
 * ("awaiting-answer", "discharge-soon", "past-end"). */
static const char *
queue_nick (IvdPlanQueue queue)
{
  g_autoptr(GEnumClass) klass = g_type_class_ref (IVD_TYPE_PLAN_QUEUE);

  return g_enum_get_value (klass, queue)->value_nick;
}

static const char *
queue_summary (IvdPlanQueue queue)
{
  switch (queue)
    {
    case IVD_PLAN_QUEUE_AWAITING_ANSWER: return _("Awaiting the Municipality’s Answer");
    case IVD_PLAN_QUEUE_DISCHARGE_SOON:  return _("Discharges With Open Items");
    case IVD_PLAN_QUEUE_PAST_END:        return _("Courses Past Their End");
    case IVD_PLAN_QUEUE_NONE:
    default:                             g_return_val_if_reached (NULL);
    }
}

/* Counts only: this text may show on a locked screen. */
static char *
queue_body (IvdPlanQueue queue,
            guint        n,
            int          hours)
{
  g_autofree char *plans = NULL;
  g_autofree char *waited = NULL;

  switch (queue)
    {
    case IVD_PLAN_QUEUE_AWAITING_ANSWER:
      plans = g_strdup_printf (ngettext ("%u plan awaits the municipality’s answer",
                                         "%u plans await the municipality’s answer", n), n);
      waited = g_strdup_printf (ngettext ("over %d hour", "over %d hours", hours), hours);
      /* Translators: a count of plans, then how long they have waited, e.g. "3 plans await the municipality’s answer (over 2 hours)" */
      return g_strdup_printf (_("%s (%s)"), plans, waited);
    case IVD_PLAN_QUEUE_DISCHARGE_SOON:
      return g_strdup_printf (ngettext ("%u discharge today or tomorrow has open items",
                                        "%u discharges today or tomorrow have open items", n), n);
    case IVD_PLAN_QUEUE_PAST_END:
      return g_strdup_printf (ngettext ("%u course has passed its end without a closing note",
                                        "%u courses have passed their end without a closing note", n), n);
    case IVD_PLAN_QUEUE_NONE:
    default:
      g_return_val_if_reached (NULL);
    }
}

static GDateTime *
dup_now (IvdReminders *self)
{
  return self->now != NULL ? g_date_time_ref (self->now) : g_date_time_new_now_local ();
}

/* The store's query for a queue as judged at @now. */
static IvdPlanQuery *
queue_query (IvdPlanQueue  queue,
             GDateTime    *now,
             int           hours)
{
  IvdPlanQuery *query = ivd_plan_query_new ();
  g_autoptr(GDateTime) local = g_date_time_to_local (now);
  g_autofree char *today = g_date_time_format (local, "%Y-%m-%d");

  ivd_plan_query_set_queue (query, queue);
  ivd_plan_query_set_today (query, today);
  if (queue == IVD_PLAN_QUEUE_AWAITING_ANSWER)
    {
      g_autoptr(GDateTime) since = g_date_time_add_hours (now, -hours);
      ivd_plan_query_set_waiting_before (query, since);
    }
  return query;
}

/* A failed call means no notification service, or none that answers:
 * the reminder is simply not shown. Said once per outage, at debug level
 * (the text of a D-Bus error, never anything about a plan). */
static gboolean
notify_failed (IvdReminders *self,
               GError       *error)
{
  if (!self->service_missing)
    g_debug ("Reminders are not shown: no notification service answers (%s)", error->message);
  self->service_missing = TRUE;
  return FALSE;
}

static gboolean
withdraw (IvdReminders *self,
          guint         i)
{
  NotifyNotification *notification = g_steal_pointer (&self->notifications[i]);
  g_autoptr(GError) error = NULL;
  gboolean answered = TRUE;
  int id = 0;

  if (notification == NULL)
    return TRUE;
  notify_notification_clear_actions (notification);
  g_object_get (notification, "id", &id, NULL);
  if (id != 0 && !notify_notification_close (notification, &error))
    answered = notify_failed (self, error);
  g_object_unref (notification);
  return answered;
}

static void
withdraw_all (IvdReminders *self)
{
  for (guint i = 0; i < G_N_ELEMENTS (queues); i++)
    if (!withdraw (self, i))
      break;
}

static void on_notification_action_cb (NotifyNotification *notification,
                                       char               *action,
                                       gpointer            user_data);

/* Shows the queue's notification, or updates the one shown: the server
 * replaces it by its id instead of stacking another. */
static gboolean
show (IvdReminders *self,
      guint         i,
      guint         n,
      int           hours)
{
  const char *summary = queue_summary (queues[i]);
  g_autofree char *body = queue_body (queues[i], n, hours);
  g_autoptr(GError) error = NULL;

  if (self->notifications[i] == NULL)
    {
      /* "default" is a click on the notification itself. */
      self->notifications[i] = notify_notification_new (summary, body, APP_ID);
      notify_notification_add_action (self->notifications[i], "default", _("Open"),
                                      on_notification_action_cb, self, NULL);
      notify_notification_add_action (self->notifications[i], "open", _("Open"),
                                      on_notification_action_cb, self, NULL);
    }
  else
    notify_notification_update (self->notifications[i], summary, body, APP_ID);

  if (!notify_notification_show (self->notifications[i], &error))
    return notify_failed (self, error);
  self->service_missing = FALSE;
  return TRUE;
}

static gboolean
check_queue (IvdReminders *self,
             guint         i,
             GDateTime    *now,
             int           hours)
{
  g_autoptr(IvdPlanQuery) query = queue_query (queues[i], now, hours);
  g_autoptr(GError) error = NULL;
  guint n = ivd_store_count_plans (self->store, query, &error);

  if (error != NULL)
    {
      /* The store's message names the database problem, never a plan. */
      g_warning ("The reminders cannot count the pending transfers: %s", error->message);
      return TRUE;
    }
  return n > 0 ? show (self, i, n, hours) : withdraw (self, i);
}

static void
set_interval (IvdReminders *self,
              guint         interval)
{
  if (self->interval == interval)
    return;
  self->interval = interval;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_INTERVAL]);
}

static gboolean on_timeout_cb (gpointer user_data);

/* The next check @delay_ms from now, then every interval; none while off. */
static void
schedule (IvdReminders *self,
          guint         delay_ms)
{
  g_clear_handle_id (&self->timeout_id, g_source_remove);

  if (!g_settings_get_boolean (self->settings, "reminders-enabled"))
    {
      set_interval (self, 0);
      return;
    }
  set_interval (self, 60 * (guint) g_settings_get_int (self->settings, "reminder-interval-minutes"));
  self->timeout_id = g_timeout_add (delay_ms, on_timeout_cb, self);
  g_source_set_name_by_id (self->timeout_id, "[ivd] reminders");
}

static gboolean
on_timeout_cb (gpointer user_data)
{
  IvdReminders *self = user_data;

  self->timeout_id = 0;
  ivd_reminders_check_now (self);
  schedule (self, self->interval * 1000);
  return G_SOURCE_REMOVE;
}

static void
on_notification_action_cb (NotifyNotification *notification,
                           char               *action,
                           gpointer            user_data)
{
  IvdReminders *self = IVD_REMINDERS (user_data);

  for (guint i = 0; i < G_N_ELEMENTS (queues); i++)
    {
      if (self->notifications[i] != notification)
        continue;
      if (self->application == NULL ||
          !g_action_group_has_action (G_ACTION_GROUP (self->application), "show-queue"))
        {
          g_warning ("A reminder cannot open its queue: the application has no “show-queue” action");
          return;
        }
      g_action_group_activate_action (G_ACTION_GROUP (self->application), "show-queue",
                                      g_variant_new_string (queue_nick (queues[i])));
      return;
    }
}

static void
on_settings_enabled_changed_cb (GSettings    *settings,
                                const char   *key,
                                IvdReminders *self)
{
  /* Turned on: a first check soon; off: no more checks, and the
   * reminders shown go. */
  schedule (self, self->first_check_delay);
  if (!g_settings_get_boolean (settings, "reminders-enabled"))
    withdraw_all (self);
}

static void
on_settings_interval_changed_cb (GSettings    *settings,
                                 const char   *key,
                                 IvdReminders *self)
{
  if (self->interval != 0)
    schedule (self, 60 * 1000 * (guint) g_settings_get_int (settings, "reminder-interval-minutes"));
}

static void
ivd_reminders_constructed (GObject *object)
{
  IvdReminders *self = IVD_REMINDERS (object);

  G_OBJECT_CLASS (ivd_reminders_parent_class)->constructed (object);

  g_return_if_fail (IVD_IS_STORE (self->store));
  g_return_if_fail (G_IS_SETTINGS (self->settings));

  g_signal_connect_object (self->settings, "changed::reminders-enabled",
                           G_CALLBACK (on_settings_enabled_changed_cb), self, 0);
  g_signal_connect_object (self->settings, "changed::reminder-interval-minutes",
                           G_CALLBACK (on_settings_interval_changed_cb), self, 0);
  notify_init (_("IV Discharge"));
  schedule (self, self->first_check_delay);
}

static void
ivd_reminders_dispose (GObject *object)
{
  IvdReminders *self = IVD_REMINDERS (object);

  g_clear_handle_id (&self->timeout_id, g_source_remove);
  /* Shown reminders stay on screen; their actions go with us. */
  for (guint i = 0; i < G_N_ELEMENTS (queues); i++)
    {
      if (self->notifications[i] != NULL)
        notify_notification_clear_actions (self->notifications[i]);
      g_clear_object (&self->notifications[i]);
    }
  g_clear_weak_pointer (&self->application);
  g_clear_object (&self->store);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (ivd_reminders_parent_class)->dispose (object);
}

static void
ivd_reminders_finalize (GObject *object)
{
  IvdReminders *self = IVD_REMINDERS (object);

  g_clear_pointer (&self->now, g_date_time_unref);

  G_OBJECT_CLASS (ivd_reminders_parent_class)->finalize (object);
}

static void
ivd_reminders_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  IvdReminders *self = IVD_REMINDERS (object);

  switch (prop_id)
    {
    case PROP_APPLICATION:       g_value_set_object (value, self->application); break;
    case PROP_STORE:             g_value_set_object (value, self->store); break;
    case PROP_SETTINGS:          g_value_set_object (value, self->settings); break;
    case PROP_FIRST_CHECK_DELAY: g_value_set_uint (value, self->first_check_delay); break;
    case PROP_NOW:               g_value_set_boxed (value, self->now); break;
    case PROP_INTERVAL:          g_value_set_uint (value, self->interval); break;
    default:                     G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ivd_reminders_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  IvdReminders *self = IVD_REMINDERS (object);

  switch (prop_id)
    {
    case PROP_APPLICATION:       g_set_weak_pointer (&self->application, g_value_get_object (value)); break;
    case PROP_STORE:             self->store = g_value_dup_object (value); break;
    case PROP_SETTINGS:          self->settings = g_value_dup_object (value); break;
    case PROP_FIRST_CHECK_DELAY: self->first_check_delay = g_value_get_uint (value); break;
    case PROP_NOW:               ivd_reminders_set_now (self, g_value_get_boxed (value)); break;
    default:                     G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ivd_reminders_class_init (IvdRemindersClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags construct = G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS;

  object_class->constructed = ivd_reminders_constructed;
  object_class->dispose = ivd_reminders_dispose;
  object_class->finalize = ivd_reminders_finalize;
  object_class->get_property = ivd_reminders_get_property;
  object_class->set_property = ivd_reminders_set_property;

  /* Whose "show-queue" action a reminder's "Open" activates. */
  properties[PROP_APPLICATION] = g_param_spec_object ("application", NULL, NULL, G_TYPE_APPLICATION, construct);
  properties[PROP_STORE] = g_param_spec_object ("store", NULL, NULL, IVD_TYPE_STORE, construct);
  /* The app's settings: reminders-enabled, reminder-interval-minutes,
   * no-answer-hours. */
  properties[PROP_SETTINGS] = g_param_spec_object ("settings", NULL, NULL, G_TYPE_SETTINGS, construct);
  /* Milliseconds from start (or from being turned on) to the first check. */
  properties[PROP_FIRST_CHECK_DELAY] = g_param_spec_uint ("first-check-delay", NULL, NULL, 0, G_MAXUINT,
                                                          FIRST_CHECK_DELAY_MS, construct);
  /* The time the queues are judged at; NULL: the clock (tests fix it). */
  properties[PROP_NOW] = g_param_spec_boxed ("now", NULL, NULL, G_TYPE_DATE_TIME,
                                             G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /* Seconds between checks; 0 while reminders are off. */
  properties[PROP_INTERVAL] = g_param_spec_uint ("interval", NULL, NULL, 0, G_MAXUINT, 0,
                                                 G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
ivd_reminders_init (IvdReminders *self)
{
  self->first_check_delay = FIRST_CHECK_DELAY_MS;
}

IvdReminders *
ivd_reminders_new (GApplication *application,
                   IvdStore     *store,
                   GSettings    *settings)
{
  g_return_val_if_fail (application == NULL || G_IS_APPLICATION (application), NULL);
  g_return_val_if_fail (IVD_IS_STORE (store), NULL);
  g_return_val_if_fail (G_IS_SETTINGS (settings), NULL);

  return g_object_new (IVD_TYPE_REMINDERS,
                       "application", application,
                       "store", store,
                       "settings", settings,
                       NULL);
}

/**
 * ivd_reminders_new_default:
 *
 * Reminders on the app's own settings.
 *
 * Returns: (nullable): the reminders, or NULL when the settings schema
 *   (with the reminder keys) is not installed
 */
IvdReminders *
ivd_reminders_new_default (GApplication *application,
                           IvdStore     *store)
{
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr(GSettingsSchema) schema = NULL;
  g_autoptr(GSettings) settings = NULL;

  if (source != NULL)
    schema = g_settings_schema_source_lookup (source, APP_ID, TRUE);
  for (guint i = 0; schema != NULL && i < G_N_ELEMENTS (settings_keys); i++)
    if (!g_settings_schema_has_key (schema, settings_keys[i]))
      g_clear_pointer (&schema, g_settings_schema_unref);
  if (schema == NULL)
    {
      g_debug ("No reminders: the settings schema with their keys is not installed");
      return NULL;
    }

  settings = g_settings_new_full (schema, NULL, NULL);
  return ivd_reminders_new (application, store, settings);
}

/**
 * ivd_reminders_check_now:
 *
 * Counts the queues and shows, updates or withdraws each queue's
 * reminder; withdraws them all when reminders are off. For the timer,
 * and for tests.
 */
void
ivd_reminders_check_now (IvdReminders *self)
{
  g_autoptr(GDateTime) now = NULL;
  int hours;

  g_return_if_fail (IVD_IS_REMINDERS (self));

  if (!g_settings_get_boolean (self->settings, "reminders-enabled"))
    {
      withdraw_all (self);
      return;
    }

  now = dup_now (self);
  hours = g_settings_get_int (self->settings, "no-answer-hours");
  /* One failed call says the rest would fail too. */
  for (guint i = 0; i < G_N_ELEMENTS (queues); i++)
    if (!check_queue (self, i, now, hours))
      break;
}

GDateTime *
ivd_reminders_get_now (IvdReminders *self)
{
  g_return_val_if_fail (IVD_IS_REMINDERS (self), NULL);
  return self->now;
}

/* For tests: judge the queues at @now (NULL: the clock). */
void
ivd_reminders_set_now (IvdReminders *self,
                       GDateTime    *now)
{
  g_return_if_fail (IVD_IS_REMINDERS (self));

  if (self->now == now || (self->now != NULL && now != NULL && g_date_time_equal (self->now, now)))
    return;
  g_clear_pointer (&self->now, g_date_time_unref);
  self->now = now != NULL ? g_date_time_ref (now) : NULL;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NOW]);
}

guint
ivd_reminders_get_interval (IvdReminders *self)
{
  g_return_val_if_fail (IVD_IS_REMINDERS (self), 0);
  return self->interval;
}
