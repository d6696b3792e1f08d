#include "config.h"

#include <locale.h>
#include <string.h>

#include <glib/gi18n.h>

#include <sqlite3.h>
#include <libnotify/notify.h>

#include "ivd-reminders.h"
#include "ivd-store-private.h"
#include "ivd-test-util.h"

/* The coordinator's reminders against a fake notification server on a
 * private session bus (GTestDBus): one notification per queue that is
 * not empty, replaced and not stacked, counts only (no name, no CPR
 * number), none when off; "Open" activates app.show-queue; and with no
 * notification service nothing breaks. The server runs in its own thread
 * because libnotify's calls are synchronous. The suite runs this in
 * English and, with IVD_TEST_DANISH set, in Danish. */

#define NOTIFICATIONS_PATH "/org/freedesktop/Notifications"
#define NOTIFICATIONS_NAME "org.freedesktop.Notifications"
#define NEVER_MS (3600 * 1000)

/* ---- the fake notification server ---- */

typedef struct
{
  guint32  id;
  guint32  replaces_id;
  char    *app_name;
  char    *summary;
  char    *body;
  GStrv    actions;
} Notice;

static void
notice_free (Notice *notice)
{
  g_free (notice->app_name);
  g_free (notice->summary);
  g_free (notice->body);
  g_strfreev (notice->actions);
  g_free (notice);
}

static struct
{
  GThread         *thread;
  GMainContext    *context;
  GMainLoop       *loop;
  GDBusConnection *connection;
  GMutex           lock;
  GCond            cond;
  gboolean         ready;
  GPtrArray       *notices;  /* Notice; under lock */
  GArray          *closed;   /* guint32 ids; under lock */
  guint32          last_id;
} server;

static const char server_xml[] =
  "<node>"
  "  <interface name='org.freedesktop.Notifications'>"
  "    <method name='Notify'>"
  "      <arg type='s' direction='in'/><arg type='u' direction='in'/><arg type='s' direction='in'/>"
  "      <arg type='s' direction='in'/><arg type='s' direction='in'/><arg type='as' direction='in'/>"
  "      <arg type='a{sv}' direction='in'/><arg type='i' direction='in'/>"
  "      <arg type='u' direction='out'/>"
  "    </method>"
  "    <method name='CloseNotification'><arg type='u' direction='in'/></method>"
  "    <method name='GetCapabilities'><arg type='as' direction='out'/></method>"
  "    <method name='GetServerInformation'>"
  "      <arg type='s' direction='out'/><arg type='s' direction='out'/>"
  "      <arg type='s' direction='out'/><arg type='s' direction='out'/>"
  "    </method>"
  "    <signal name='NotificationClosed'><arg type='u'/><arg type='u'/></signal>"
  "    <signal name='ActionInvoked'><arg type='u'/><arg type='s'/></signal>"
  "  </interface>"
  "</node>";

static guint32
server_notify (GVariant *parameters)
{
  Notice *notice = g_new0 (Notice, 1);
  g_autoptr(GVariant) hints = NULL;
  const char *icon = NULL;
  int timeout = 0;
  guint32 id;

  g_variant_get (parameters, "(su&sss^as@a{sv}i)", &notice->app_name, &notice->replaces_id, &icon,
                 &notice->summary, &notice->body, &notice->actions, &hints, &timeout);
  g_mutex_lock (&server.lock);
  id = notice->id = notice->replaces_id != 0 ? notice->replaces_id : ++server.last_id;
  g_ptr_array_add (server.notices, notice);
  g_mutex_unlock (&server.lock);
  return id;
}

static void
on_server_method_call_cb (GDBusConnection       *connection,
                          const char            *sender,
                          const char            *path,
                          const char            *interface,
                          const char            *method,
                          GVariant              *parameters,
                          GDBusMethodInvocation *invocation,
                          gpointer               user_data)
{
  if (g_str_equal (method, "Notify"))
    g_dbus_method_invocation_return_value (invocation, g_variant_new ("(u)", server_notify (parameters)));
  else if (g_str_equal (method, "CloseNotification"))
    {
      guint32 id;

      g_variant_get (parameters, "(u)", &id);
      g_mutex_lock (&server.lock);
      g_array_append_val (server.closed, id);
      g_mutex_unlock (&server.lock);
      /* 3: closed by a call to CloseNotification. */
      g_dbus_connection_emit_signal (connection, NULL, NOTIFICATIONS_PATH, NOTIFICATIONS_NAME,
                                     "NotificationClosed", g_variant_new ("(uu)", id, 3), NULL);
      g_dbus_method_invocation_return_value (invocation, NULL);
    }
  else if (g_str_equal (method, "GetCapabilities"))
    {
      const char *caps[] = { "actions", "body", NULL };
      g_dbus_method_invocation_return_value (invocation, g_variant_new ("(^as)", caps));
    }
  else if (g_str_equal (method, "GetServerInformation"))
    g_dbus_method_invocation_return_value (invocation,
                                           g_variant_new ("(ssss)", "fake", "ivd-tests", "1.0", "1.2"));
  else
    g_dbus_method_invocation_return_error (invocation, G_DBUS_ERROR, G_DBUS_ERROR_UNKNOWN_METHOD,
                                           "No method %s", method);
}

static const GDBusInterfaceVTable server_vtable = { on_server_method_call_cb, NULL, NULL, { 0 } };

/* On its own connection, in its own thread, owning the name. */
static gpointer
server_thread (gpointer data)
{
  g_autoptr(GDBusNodeInfo) node = g_dbus_node_info_new_for_xml (server_xml, NULL);
  g_autoptr(GVariant) reply = NULL;
  g_autoptr(GError) error = NULL;
  guint registration;
  guint32 result = 0;

  g_main_context_push_thread_default (server.context);
  server.connection =
    g_dbus_connection_new_for_address_sync (data, G_DBUS_CONNECTION_FLAGS_AUTHENTICATION_CLIENT |
                                                  G_DBUS_CONNECTION_FLAGS_MESSAGE_BUS_CONNECTION,
                                            NULL, NULL, &error);
  g_assert_no_error (error);
  registration = g_dbus_connection_register_object (server.connection, NOTIFICATIONS_PATH, node->interfaces[0],
                                                    &server_vtable, NULL, NULL, &error);
  g_assert_no_error (error);
  /* 4: DBUS_NAME_FLAG_DO_NOT_QUEUE; 1: the primary owner. */
  reply = g_dbus_connection_call_sync (server.connection, "org.freedesktop.DBus", "/org/freedesktop/DBus",
                                       "org.freedesktop.DBus", "RequestName",
                                       g_variant_new ("(su)", NOTIFICATIONS_NAME, 4), G_VARIANT_TYPE ("(u)"),
                                       G_DBUS_CALL_FLAGS_NONE, -1, NULL, &error);
  g_assert_no_error (error);
  g_variant_get (reply, "(u)", &result);
  g_assert_cmpuint (result, ==, 1);

  g_mutex_lock (&server.lock);
  server.ready = TRUE;
  g_cond_signal (&server.cond);
  g_mutex_unlock (&server.lock);

  g_main_loop_run (server.loop);

  g_dbus_connection_unregister_object (server.connection, registration);
  g_dbus_connection_close_sync (server.connection, NULL, NULL);
  g_clear_object (&server.connection);
  g_main_context_pop_thread_default (server.context);
  return NULL;
}

static void
server_start (GTestDBus *bus)
{
  server.context = g_main_context_new ();
  server.loop = g_main_loop_new (server.context, FALSE);
  server.notices = g_ptr_array_new_with_free_func ((GDestroyNotify) notice_free);
  server.closed = g_array_new (FALSE, FALSE, sizeof (guint32));
  server.thread = g_thread_new ("fake-notifications", server_thread, (gpointer) g_test_dbus_get_bus_address (bus));

  g_mutex_lock (&server.lock);
  while (!server.ready)
    g_cond_wait (&server.cond, &server.lock);
  g_mutex_unlock (&server.lock);
}

static void
server_stop (void)
{
  g_main_loop_quit (server.loop);
  g_thread_join (server.thread);
  g_clear_pointer (&server.loop, g_main_loop_unref);
  g_clear_pointer (&server.context, g_main_context_unref);
  g_clear_pointer (&server.notices, g_ptr_array_unref);
  g_clear_pointer (&server.closed, g_array_unref);
}

/* What Notify received since the last call. */
static GPtrArray *
server_take_notices (void)
{
  GPtrArray *notices;

  g_mutex_lock (&server.lock);
  notices = g_steal_pointer (&server.notices);
  server.notices = g_ptr_array_new_with_free_func ((GDestroyNotify) notice_free);
  g_mutex_unlock (&server.lock);
  return notices;
}

static guint
server_n_notices (void)
{
  guint n;

  g_mutex_lock (&server.lock);
  n = server.notices->len;
  g_mutex_unlock (&server.lock);
  return n;
}

static gboolean
server_was_closed (guint32 id)
{
  gboolean closed = FALSE;

  g_mutex_lock (&server.lock);
  for (guint i = 0; i < server.closed->len; i++)
    closed |= g_array_index (server.closed, guint32, i) == id;
  g_mutex_unlock (&server.lock);
  return closed;
}

/* As when someone clicks the notification's button. */
static void
server_invoke (guint32     id,
               const char *action)
{
  g_autoptr(GError) error = NULL;

  g_dbus_connection_emit_signal (server.connection, NULL, NOTIFICATIONS_PATH, NOTIFICATIONS_NAME,
                                 "ActionInvoked", g_variant_new ("(us)", id, action), &error);
  g_assert_no_error (error);
}

/* ---- the fixture: a store with patients, an application, settings ---- */

/* Fictitious patients: none of this may reach a notification. */
static const struct
{
  const char *name;
  const char *cpr;
} patients[] = {
  { "Karen Testesen", "010170-1235" },
  { "Jens Prøvesen", "020280-2346" },
  { "Ole Eksempelsen", "030390-3457" },
  { "Anne Fiktivsen", "040455-1238" },
  { "Mette Attrapsen", "050565-2349" },
  { "Poul Dummysen", "060675-3450" },
  { "Lise Opdigtet", "070785-1231" },
  { "Hans Forsøgsen", "080895-2342" },
};

typedef struct
{
  char         *dir;
  IvdCatalog   *catalog;
  IvdStore     *store;
  GSettings    *settings;
  GApplication *app;
  IvdReminders *reminders;
  GDate        *today;
  guint         n_patients;
  char         *shown_queue;  /* the last app.show-queue parameter */
} Fixture;

static void
on_show_queue_activated_cb (GSimpleAction *action,
                            GVariant      *parameter,
                            gpointer       user_data)
{
  Fixture *f = user_data;

  g_free (f->shown_queue);
  f->shown_queue = g_variant_dup_string (parameter, NULL);
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GSimpleAction) action = g_simple_action_new ("show-queue", G_VARIANT_TYPE_STRING);
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;

  f->dir = g_dir_make_tmp ("ivd-reminders-XXXXXX", &error);
  g_assert_no_error (error);
  path = g_build_filename (f->dir, "plans.db", NULL);
  f->catalog = ivd_test_catalog ();
  f->store = ivd_store_open (path, f->catalog, &error);
  g_assert_no_error (error);
  f->today = g_date_new_dmy (22, 11, 2026);

  /* The memory backend keeps values for the whole process. */
  f->settings = g_settings_new (APP_ID);
  g_settings_reset (f->settings, "reminders-enabled");
  g_settings_reset (f->settings, "reminder-interval-minutes");
  g_settings_reset (f->settings, "no-answer-hours");

  f->app = g_application_new ("io.github.ivdischarge.IvDischarge.ReminderTest", G_APPLICATION_NON_UNIQUE);
  g_signal_connect (action, "activate", G_CALLBACK (on_show_queue_activated_cb), f);
  g_action_map_add_action (G_ACTION_MAP (f->app), G_ACTION (action));
  g_assert_true (g_application_register (f->app, NULL, &error));
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  if (f->reminders != NULL)
    g_assert_finalize_object (f->reminders);
  g_assert_finalize_object (f->app);
  g_clear_object (&f->settings);
  g_clear_object (&f->store);
  g_clear_object (&f->catalog);
  ivd_test_remove_tree (f->dir);
  g_free (f->dir);
  g_free (f->shown_queue);
  g_date_free (f->today);
  g_ptr_array_unref (server_take_notices ());
}

/* Judged at noon UTC on 22 November 2026 (TZ=UTC in the tests). */
static void
make_reminders (Fixture *f,
                guint    first_check_delay)
{
  g_autoptr(GDateTime) now = g_date_time_new_utc (2026, 11, 22, 12, 0, 0);

  f->reminders = g_object_new (IVD_TYPE_REMINDERS,
                               "application", f->app,
                               "store", f->store,
                               "settings", f->settings,
                               "first-check-delay", first_check_delay,
                               "now", now,
                               NULL);
}

static gboolean
wait_for (gboolean (*done) (Fixture *f),
          Fixture   *f)
{
  gint64 end = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;

  while (!done (f) && g_get_monotonic_time () < end)
    if (!g_main_context_iteration (NULL, FALSE))
      g_usleep (1000);
  return done (f);
}

static sqlite3 *
handle (Fixture *f)
{
  return ivd_database_get_handle (ivd_store_get_database (f->store));
}

/* A plan of the next fictitious patient, taken to @status, with the
 * columns the queues read set as given. */
static void
seed (Fixture       *f,
      IvdPlanStatus  status,
      const char    *start_date,
      const char    *end_date,
      int            open_items,
      const char    *status_changed)
{
  const IvdPlanStatus path[] = { IVD_PLAN_STATUS_READY, IVD_PLAN_STATUS_REFERRED, IVD_PLAN_STATUS_ACCEPTED,
                                 IVD_PLAN_STATUS_IN_COURSE };
  g_autofree char *file = g_build_filename (g_getenv ("IVD_DATA_DIR"), "examples",
                                            "eligible-hovedstaden-antibiotic.json", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(IvdPlan) plan = ivd_plan_new_from_file (file, &error);
  g_autoptr(IvdPlanRecord) record = NULL;
  g_autofree char *sql = NULL;

  g_assert_no_error (error);
  g_assert_cmpuint (f->n_patients, <, G_N_ELEMENTS (patients));
  ivd_plan_set_string (plan, "patient.name", patients[f->n_patients].name);
  ivd_plan_set_string (plan, "patient.cpr", patients[f->n_patients].cpr);
  f->n_patients++;

  record = ivd_store_create_plan (f->store, plan, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < G_N_ELEMENTS (path) && ivd_plan_record_get_status (record) != status; i++)
    {
      ivd_store_set_status (f->store, record, path[i], NULL, f->today, &error);
      g_assert_no_error (error);
    }
  g_assert_cmpint (ivd_plan_record_get_status (record), ==, status);

  sql = g_strdup_printf ("UPDATE plans SET start_date = '%s', end_date = '%s', open_items = %d, "
                         "status_changed = '%s' WHERE id = '%s'", start_date, end_date, open_items,
                         status_changed, ivd_plan_record_get_id (record));
  g_assert_cmpint (sqlite3_exec (handle (f), sql, NULL, NULL, NULL), ==, SQLITE_OK);
}

#define S(x) IVD_PLAN_STATUS_##x
#define LONG_AGO "2026-11-01T08:00:00.000000Z"

/* Three plans past the 2-hour wait and one within it; two discharges
 * soon with open items; one course past its end. */
static void
seed_every_queue (Fixture *f)
{
  seed (f, S (REFERRED), "2026-12-10", "2026-12-17", 0, "2026-11-21T15:00:00.000000Z");
  seed (f, S (REFERRED), "2026-12-10", "2026-12-17", 0, "2026-11-22T08:00:00.000000Z");
  seed (f, S (REFERRED), "2026-12-10", "2026-12-17", 0, "2026-11-22T09:59:00.000000Z");
  seed (f, S (REFERRED), "2026-12-10", "2026-12-17", 0, "2026-11-22T11:00:00.000000Z");
  seed (f, S (DRAFT), "2026-11-23", "2026-11-30", 2, LONG_AGO);
  seed (f, S (ACCEPTED), "2026-11-22", "2026-11-29", 1, LONG_AGO);
  seed (f, S (IN_COURSE), "2026-11-10", "2026-11-20", 0, LONG_AGO);
  seed (f, S (IN_COURSE), "2026-11-15", "2026-11-22", 0, LONG_AGO);  /* ends today: not past */
}

static const Notice *
find_notice (GPtrArray  *notices,
             const char *summary)
{
  for (guint i = 0; i < notices->len; i++)
    {
      const Notice *notice = notices->pdata[i];
      if (g_str_equal (notice->summary, summary))
        return notice;
    }
  g_assert_not_reached ();
}

static void
assert_no_patient_data (const char *text)
{
  for (guint i = 0; i < G_N_ELEMENTS (patients); i++)
    {
      g_auto(GStrv) names = g_strsplit (patients[i].name, " ", -1);
      g_autoptr(GString) digits = g_string_new (patients[i].cpr);

      g_string_replace (digits, "-", "", 0);
      g_assert_null (strstr (text, patients[i].cpr));
      g_assert_null (strstr (text, digits->str));
      g_assert_null (g_strstr_len (text, -1, patients[i].cpr + 7));   /* the serial number */
      for (guint j = 0; names[j] != NULL; j++)
        g_assert_null (strstr (text, names[j]));
    }
  /* No run of six digits: no birth date of a CPR number either. */
  g_assert_false (g_regex_match_simple ("[0-9]{6}", text, 0, 0));
}

static void
assert_notice_clean (const Notice *notice)
{
  assert_no_patient_data (notice->summary);
  assert_no_patient_data (notice->body);
  for (guint i = 0; notice->actions[i] != NULL; i++)
    assert_no_patient_data (notice->actions[i]);
}

static gboolean
has_action (const Notice *notice,
            const char   *id,
            const char   *label)
{
  for (guint i = 0; notice->actions[i] != NULL && notice->actions[i + 1] != NULL; i += 2)
    if (g_str_equal (notice->actions[i], id) && g_str_equal (notice->actions[i + 1], label))
      return TRUE;
  return FALSE;
}

static gboolean
danish (void)
{
  return g_getenv ("IVD_TEST_DANISH") != NULL;
}

#define EN_DA(en, da) (danish () ? (da) : (en))
#define AWAITING EN_DA ("Awaiting the Municipality’s Answer", "Venter på kommunens svar")
#define SOON EN_DA ("Discharges With Open Items", "Udskrivelser med åbne punkter")
#define PAST_END EN_DA ("Courses Past Their End", "Forløb efter slutdatoen")

/* ---- tests ---- */

/* One notification per queue with its count; a second check replaces
 * each instead of adding another. */
static void
test_one_per_queue (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(GPtrArray) first = NULL;
  g_autoptr(GPtrArray) second = NULL;
  const Notice *awaiting;
  const Notice *soon;
  const Notice *past;
  gint64 start;

  seed_every_queue (f);
  make_reminders (f, NEVER_MS);
  start = g_get_monotonic_time ();
  ivd_reminders_check_now (f->reminders);
  g_test_message ("a check with three notifications: %.1f ms", (g_get_monotonic_time () - start) / 1000.0);

  first = server_take_notices ();
  g_assert_cmpuint (first->len, ==, 3);
  awaiting = find_notice (first, AWAITING);
  soon = find_notice (first, SOON);
  past = find_notice (first, PAST_END);
  g_assert_cmpstr (awaiting->body, ==, EN_DA ("3 plans await the municipality’s answer (over 2 hours)",
                                              "3 planer venter på kommunens svar (over 2 timer)"));
  g_assert_cmpstr (soon->body, ==, EN_DA ("2 discharges today or tomorrow have open items",
                                          "2 udskrivelser i dag eller i morgen har åbne punkter"));
  g_assert_cmpstr (past->body, ==, EN_DA ("1 course has passed its end without a closing note",
                                          "1 forløb har passeret sin slutdato uden afslutningsnotat"));
  for (guint i = 0; i < first->len; i++)
    {
      const Notice *notice = first->pdata[i];

      g_assert_cmpstr (notice->app_name, ==, "IV Discharge");
      g_assert_cmpuint (notice->replaces_id, ==, 0);
      g_assert_true (has_action (notice, "open", EN_DA ("Open", "Åbn")));
      assert_notice_clean (notice);
    }
  g_assert_cmpuint (awaiting->id, !=, soon->id);
  g_assert_cmpuint (soon->id, !=, past->id);

  ivd_reminders_check_now (f->reminders);
  second = server_take_notices ();
  g_assert_cmpuint (second->len, ==, 3);
  g_assert_cmpuint (find_notice (second, AWAITING)->replaces_id, ==, awaiting->id);
  g_assert_cmpuint (find_notice (second, SOON)->replaces_id, ==, soon->id);
  g_assert_cmpuint (find_notice (second, PAST_END)->replaces_id, ==, past->id);
}

/* An empty queue has no notification; one that empties loses it. */
static void
test_empty_queue (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(GPtrArray) first = NULL;
  g_autoptr(GPtrArray) second = NULL;
  guint32 id;

  seed (f, S (DRAFT), "2026-11-23", "2026-11-30", 4, LONG_AGO);
  make_reminders (f, NEVER_MS);
  ivd_reminders_check_now (f->reminders);

  first = server_take_notices ();
  g_assert_cmpuint (first->len, ==, 1);
  g_assert_cmpstr (((Notice *) first->pdata[0])->summary, ==, SOON);
  g_assert_cmpstr (((Notice *) first->pdata[0])->body, ==, EN_DA ("1 discharge today or tomorrow has open items",
                                                                  "1 udskrivelse i dag eller i morgen har åbne punkter"));
  assert_notice_clean (first->pdata[0]);
  id = ((Notice *) first->pdata[0])->id;

  g_assert_cmpint (sqlite3_exec (handle (f), "UPDATE plans SET open_items = 0", NULL, NULL, NULL), ==, SQLITE_OK);
  ivd_reminders_check_now (f->reminders);
  second = server_take_notices ();
  g_assert_cmpuint (second->len, ==, 0);
  g_assert_true (server_was_closed (id));
}

/* "No answer after N hours" follows the setting. */
static void
test_no_answer_hours (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(GPtrArray) two = NULL;
  g_autoptr(GPtrArray) one = NULL;
  g_autoptr(GPtrArray) four = NULL;

  seed (f, S (REFERRED), "2026-12-10", "2026-12-17", 0, "2026-11-22T09:00:00.000000Z");
  seed (f, S (REFERRED), "2026-12-10", "2026-12-17", 0, "2026-11-22T10:30:00.000000Z");
  make_reminders (f, NEVER_MS);

  ivd_reminders_check_now (f->reminders);
  two = server_take_notices ();
  g_assert_cmpuint (two->len, ==, 1);
  g_assert_cmpstr (((Notice *) two->pdata[0])->body, ==, EN_DA ("1 plan awaits the municipality’s answer (over 2 hours)",
                                                                "1 plan venter på kommunens svar (over 2 timer)"));

  g_settings_set_int (f->settings, "no-answer-hours", 1);
  ivd_reminders_check_now (f->reminders);
  one = server_take_notices ();
  g_assert_cmpuint (one->len, ==, 1);
  g_assert_cmpstr (((Notice *) one->pdata[0])->body, ==, EN_DA ("2 plans await the municipality’s answer (over 1 hour)",
                                                                "2 planer venter på kommunens svar (over 1 time)"));
  g_assert_cmpuint (((Notice *) one->pdata[0])->replaces_id, ==, ((Notice *) two->pdata[0])->id);

  g_settings_set_int (f->settings, "no-answer-hours", 4);
  ivd_reminders_check_now (f->reminders);
  four = server_take_notices ();
  g_assert_cmpuint (four->len, ==, 0);
  g_assert_true (server_was_closed (((Notice *) two->pdata[0])->id));
}

static gboolean
has_three_notices (Fixture *f)
{
  return server_n_notices () >= 3;
}

/* The first check comes by itself after the delay; the interval follows
 * its setting. */
static void
test_start_and_interval (Fixture       *f,
                         gconstpointer  data)
{
  g_autoptr(GPtrArray) notices = NULL;

  seed_every_queue (f);
  make_reminders (f, 0);
  g_assert_cmpuint (ivd_reminders_get_interval (f->reminders), ==, 15 * 60);
  g_assert_true (wait_for (has_three_notices, f));
  notices = server_take_notices ();
  g_assert_cmpuint (notices->len, ==, 3);

  g_settings_set_int (f->settings, "reminder-interval-minutes", 30);
  while (g_main_context_iteration (NULL, FALSE))
    ;
  g_assert_cmpuint (ivd_reminders_get_interval (f->reminders), ==, 30 * 60);
  /* Re-armed for 30 minutes from now: no check in between. */
  g_assert_cmpuint (server_n_notices (), ==, 0);
}

/* Off: nothing shown, no timer; on again: a check soon; off again: the
 * reminders shown are withdrawn. */
static void
test_disabled (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GPtrArray) notices = NULL;

  seed_every_queue (f);
  g_settings_set_boolean (f->settings, "reminders-enabled", FALSE);
  make_reminders (f, 0);
  g_assert_cmpuint (ivd_reminders_get_interval (f->reminders), ==, 0);
  ivd_reminders_check_now (f->reminders);
  for (guint i = 0; i < 20; i++)
    g_main_context_iteration (NULL, FALSE);
  g_assert_cmpuint (server_n_notices (), ==, 0);

  g_settings_set_boolean (f->settings, "reminders-enabled", TRUE);
  g_assert_true (wait_for (has_three_notices, f));
  g_assert_cmpuint (ivd_reminders_get_interval (f->reminders), ==, 15 * 60);
  notices = server_take_notices ();

  g_settings_set_boolean (f->settings, "reminders-enabled", FALSE);
  while (g_main_context_iteration (NULL, FALSE))
    ;
  g_assert_cmpuint (ivd_reminders_get_interval (f->reminders), ==, 0);
  for (guint i = 0; i < notices->len; i++)
    g_assert_true (server_was_closed (((Notice *) notices->pdata[i])->id));
  ivd_reminders_check_now (f->reminders);
  g_assert_cmpuint (server_n_notices (), ==, 0);
}

static gboolean
has_shown_queue (Fixture *f)
{
  return f->shown_queue != NULL;
}

/* "Open" (or a click on the notification) asks the application to show
 * that queue. */
static void
test_action (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(GPtrArray) notices = NULL;
  const struct { const char *summary; const char *action; const char *queue; } cases[] = {
    { PAST_END, "open", "past-end" },
    { AWAITING, "open", "awaiting-answer" },
    { SOON, "open", "discharge-soon" },
    { SOON, "default", "discharge-soon" },
  };

  seed_every_queue (f);
  make_reminders (f, NEVER_MS);
  ivd_reminders_check_now (f->reminders);
  notices = server_take_notices ();

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_clear_pointer (&f->shown_queue, g_free);
      server_invoke (find_notice (notices, cases[i].summary)->id, cases[i].action);
      g_assert_true (wait_for (has_shown_queue, f));
      g_assert_cmpstr (f->shown_queue, ==, cases[i].queue);
    }
}

/* ---- no notification service (a subprocess with a bus of its own) ---- */

static guint n_reminder_debug;
static gboolean leaked;

static GLogWriterOutput
record_log_writer (GLogLevelFlags   level,
                   const GLogField *fields,
                   gsize            n_fields,
                   gpointer         user_data)
{
  const char *domain = NULL;
  const char *message = NULL;

  for (gsize i = 0; i < n_fields; i++)
    {
      if (g_str_equal (fields[i].key, "GLIB_DOMAIN"))
        domain = fields[i].value;
      else if (g_str_equal (fields[i].key, "MESSAGE"))
        message = fields[i].value;
    }
  if ((level & G_LOG_LEVEL_DEBUG) && g_strcmp0 (domain, "ivd-reminders") == 0)
    n_reminder_debug++;
  for (guint i = 0; message != NULL && i < G_N_ELEMENTS (patients); i++)
    leaked |= strstr (message, patients[i].name) != NULL || strstr (message, patients[i].cpr) != NULL;
  return g_log_writer_standard_streams (level, fields, n_fields, user_data);
}

static void
test_no_service_subprocess (Fixture       *f,
                            gconstpointer  data)
{
  gint64 start;

  g_log_set_writer_func (record_log_writer, NULL, NULL);
  g_log_set_debug_enabled (TRUE);
  seed_every_queue (f);
  make_reminders (f, NEVER_MS);

  start = g_get_monotonic_time ();
  ivd_reminders_check_now (f->reminders);
  ivd_reminders_check_now (f->reminders);
  /* Fails fast: no service answers at once. */
  g_test_message ("two checks with no notification service: %.1f ms",
                  (g_get_monotonic_time () - start) / 1000.0);
  g_assert_cmpint (g_get_monotonic_time () - start, <, 2 * G_USEC_PER_SEC);
  g_assert_cmpuint (n_reminder_debug, ==, 1);

  g_settings_set_boolean (f->settings, "reminders-enabled", FALSE);
  g_settings_set_boolean (f->settings, "reminders-enabled", TRUE);
  while (g_main_context_iteration (NULL, FALSE))
    ;
  g_assert_false (leaked);
}

/* No crash, no warning or critical: G_DEBUG=fatal-warnings in the child
 * would abort on one, and stderr is checked too. */
static void
test_no_service (void)
{
  g_test_trap_subprocess ("/reminders/no-service/subprocess", 30 * G_USEC_PER_SEC, G_TEST_SUBPROCESS_DEFAULT);
  g_test_trap_assert_passed ();
  g_test_trap_assert_stderr_unmatched ("*WARNING*");
  g_test_trap_assert_stderr_unmatched ("*CRITICAL*");
  g_test_trap_assert_stdout ("*Reminders are not shown: no notification service answers*");
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GTestDBus) bus = NULL;
  int status;

  g_test_init (&argc, &argv, NULL);
  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, g_getenv ("IVD_LOCALEDIR"));
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  /* A private session bus for each process; the fake server only in
   * the parent, so the subprocess has none. */
  bus = g_test_dbus_new (G_TEST_DBUS_NONE);
  g_test_dbus_up (bus);
  if (!g_test_subprocess ())
    server_start (bus);
  else
    server.notices = g_ptr_array_new_with_free_func ((GDestroyNotify) notice_free);

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/reminders/one-per-queue", test_one_per_queue);
  ADD ("/reminders/empty-queue", test_empty_queue);
  ADD ("/reminders/no-answer-hours", test_no_answer_hours);
  ADD ("/reminders/start-and-interval", test_start_and_interval);
  ADD ("/reminders/disabled", test_disabled);
  ADD ("/reminders/action", test_action);
  ADD ("/reminders/no-service/subprocess", test_no_service_subprocess);
  g_test_add_func ("/reminders/no-service", test_no_service);
#undef ADD

  status = g_test_run ();

  /* libnotify keeps its proxy, and so the bus connection, until then. */
  notify_uninit ();
  if (!g_test_subprocess ())
    server_stop ();
  else
    g_clear_pointer (&server.notices, g_ptr_array_unref);
  g_test_dbus_down (bus);
  return status;
}
