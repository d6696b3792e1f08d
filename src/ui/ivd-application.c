#define G_LOG_DOMAIN "ivd-application"

#include "config.h"

#include <errno.h>
#include <stdio.h>
#include <sys/resource.h>

#include <glib/gi18n.h>

#include "ivd-application.h"
#include "ivd-reminders.h"
#include "ivd-store-enum-types.h"
#include "ivd-store.h"
#include "ivd-training-case.h"
#include "ivd-window.h"

struct _IvdApplication
{
  AdwApplication  parent_instance;
  IvdCatalog     *catalog;
  GError         *catalog_error;

  char           *database_path;  /* from --database; NULL: the setting or the default */
  IvdStore       *store;
  GError         *store_error;    /* not yet shown to the user */
  gboolean        opening_store;
  IvdReminders   *reminders;      /* NULL until the store opens, or without the settings schema */
  gboolean        training;       /* fictitious patients in a database of their own (issue 7) */
};

G_DEFINE_FINAL_TYPE (IvdApplication, ivd_application, ADW_TYPE_APPLICATION)

enum {
  PROP_0,
  PROP_STORE,
  PROP_OPENING_STORE,
  PROP_TRAINING,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* How much nicer than the window the store's opening thread is: what
 * nice(1) gives by default. */
#define OPEN_THREAD_NICER 10

static void open_store (IvdApplication *self);

static void
set_opening_store (IvdApplication *self,
                   gboolean        opening)
{
  if (self->opening_store == opening)
    return;
  self->opening_store = opening;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_OPENING_STORE]);
}

typedef struct
{
  char       *path;
  IvdCatalog *catalog;
  gboolean    training;
} OpenData;

typedef struct
{
  IvdStore *store;
  GError   *backup_error;  /* or, in training mode, why the cases were not put in */
} OpenResult;

/* The database this instance uses: training mode never falls back on the
 * real one's setting or default. */
static char *
dup_store_path (IvdApplication *self)
{
  if (self->training)
    return self->database_path != NULL ? g_strdup (self->database_path) : ivd_store_dup_default_training_path ();
  return ivd_store_dup_configured_path (self->database_path);
}

/* Empties the training database and puts the cases in again, their dates
 * moved to today. */
static gboolean
reset_training_store (IvdStore  *store,
                      GError   **error)
{
  g_autofree char *dir = ivd_training_case_dup_default_dir ();
  g_autoptr(GPtrArray) cases = ivd_training_case_load_dir (dir, error);
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GDate) today = NULL;

  if (cases == NULL)
    return FALSE;
  today = g_date_new_dmy (g_date_time_get_day_of_month (now), g_date_time_get_month (now),
                          g_date_time_get_year (now));
  return ivd_store_reset_training (store, cases, today, error);
}

/* A new training database starts with the cases in it. */
static void
seed_if_empty (IvdStore  *store,
               GError   **error)
{
  g_autoptr(IvdPlanQuery) query = ivd_plan_query_new ();
  g_autoptr(GError) count_error = NULL;

  if (ivd_store_count_plans (store, query, &count_error) == 0 && count_error == NULL)
    reset_training_store (store, error);
  else if (count_error != NULL)
    g_propagate_error (error, g_steal_pointer (&count_error));
}

static void
open_data_free (OpenData *data)
{
  g_free (data->path);
  g_clear_object (&data->catalog);
  g_free (data);
}

static void
open_result_free (OpenResult *result)
{
  g_clear_object (&result->store);
  g_clear_error (&result->backup_error);
  g_free (result);
}

/* In a thread: the check at open and the daily backup read the whole file,
 * which takes seconds for a large database. */
static void
open_store_thread (GTask        *task,
                   gpointer      source_object,
                   gpointer      task_data,
                   GCancellable *cancellable)
{
  OpenData *data = task_data;
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  GError *error = NULL;
  OpenResult *result;
  IvdStore *store;

  store = data->training ? ivd_store_open_training (data->path, data->catalog, &error)
                         : ivd_store_open (data->path, data->catalog, &error);
  if (store == NULL)
    {
      g_task_return_error (task, error);
      return;
    }

  result = g_new0 (OpenResult, 1);
  result->store = store;
  /* Fictitious patients need no backup. */
  if (data->training)
    seed_if_empty (store, &result->backup_error);
  else
    ivd_store_backup_if_due (store, now, NULL, &result->backup_error);
  g_task_return_pointer (task, result, (GDestroyNotify) open_result_free);
}

/* The check reads the whole file while the main thread draws the first
 * frame; on a machine with two cores (one busy with the X server) it took
 * CPU time from the window (build-aux/bench/startup-bench). So it runs in
 * a thread of its own at a lower priority, not in GIO's shared pool, whose
 * threads would keep that priority for other work. Only on Linux, where a
 * thread has its own nice value; elsewhere setpriority() would lower the
 * whole process. */
static gpointer
open_store_thread_main (gpointer user_data)
{
  g_autoptr(GTask) task = user_data;
#ifdef __linux__
  int nice_now;

  errno = 0;
  nice_now = getpriority (PRIO_PROCESS, 0);
  if (errno != 0 || setpriority (PRIO_PROCESS, 0, MIN (nice_now + OPEN_THREAD_NICER, 19)) != 0)
    g_debug ("The store thread keeps its priority: %s", g_strerror (errno));
#endif

  open_store_thread (task, g_task_get_source_object (task), g_task_get_task_data (task), NULL);
  return NULL;
}

static void
on_restore_response_cb (AdwMessageDialog *dialog,
                        const char       *response,
                        IvdApplication   *self)
{
  g_autofree char *path = NULL;

  if (!g_str_equal (response, "restore"))
    return;

  path = dup_store_path (self);
  if (!ivd_store_restore_backup (path, NULL, &self->store_error))
    {
      ivd_application_show_store_error (self);
      return;
    }
  open_store (self);
}

static void
on_store_opened_cb (GObject      *source,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  IvdApplication *self = IVD_APPLICATION (source);
  OpenResult *opened;

  g_clear_error (&self->store_error);
  opened = g_task_propagate_pointer (G_TASK (result), &self->store_error);
  if (opened != NULL)
    {
      g_set_object (&self->store, opened->store);
      self->store_error = g_steal_pointer (&opened->backup_error);
      open_result_free (opened);
      g_clear_object (&self->reminders);
      /* A class's queues are no coordinator's business. */
      if (!self->training)
        self->reminders = ivd_reminders_new_default (G_APPLICATION (self), self->store);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STORE]);
    }
  set_opening_store (self, FALSE);

  ivd_application_show_store_error (self);
}

static void
open_store (IvdApplication *self)
{
  g_autoptr(GTask) task = g_task_new (self, NULL, on_store_opened_cb, NULL);
  OpenData *data = g_new0 (OpenData, 1);

  data->path = dup_store_path (self);
  data->training = self->training;
  data->catalog = self->catalog != NULL ? g_object_ref (self->catalog) : NULL;
  g_task_set_task_data (task, data, (GDestroyNotify) open_data_free);
  g_task_set_source_tag (task, open_store);
  set_opening_store (self, TRUE);
  g_thread_unref (g_thread_new ("ivd-store-open", open_store_thread_main, g_object_ref (task)));
}

static void
on_quit_activated_cb (GSimpleAction *action,
                      GVariant      *parameter,
                      gpointer       user_data)
{
  g_application_quit (G_APPLICATION (user_data));
}

static void
on_about_activated_cb (GSimpleAction *action,
                       GVariant      *parameter,
                       gpointer       user_data)
{
  GtkApplication *app = GTK_APPLICATION (user_data);
  const char *developers[] = { _("The IV Discharge developers"), NULL };

  adw_show_about_window (gtk_application_get_active_window (app),
                         "application-name", _("IV Discharge"),
                         "application-icon", APP_ID,
                         "developer-name", _("The IV Discharge developers"),
                         "version", PACKAGE_VERSION,
                         "comments", _("Hands a patient’s IV treatment over from hospital to municipal nurses, "
                                       "following the Danish regional agreements."),
                         "license-type", GTK_LICENSE_GPL_3_0,
                         "developers", developers,
                         "translator-credits", _("translator-credits"),
                         NULL);
}

/* app.show-queue ("awaiting-answer", "discharge-soon", "past-end"): a
 * reminder's "Open" brings the window up on that queue. */
static void
on_show_queue_activated_cb (GSimpleAction *action,
                            GVariant      *parameter,
                            gpointer       user_data)
{
  IvdApplication *self = IVD_APPLICATION (user_data);
  g_autoptr(GEnumClass) klass = g_type_class_ref (IVD_TYPE_PLAN_QUEUE);
  GEnumValue *queue = g_enum_get_value_by_nick (klass, g_variant_get_string (parameter, NULL));
  GtkWindow *window;

  g_application_activate (G_APPLICATION (self));
  window = gtk_application_get_active_window (GTK_APPLICATION (self));
  if (queue != NULL && IVD_IS_WINDOW (window))
    ivd_window_show_queue (IVD_WINDOW (window), queue->value);
}

/* Training mode is another instance of the app on its own database: this
 * one stays on the real plans, and nothing can pass between the two. */
static void
on_training_mode_activated_cb (GSimpleAction *action,
                               GVariant      *parameter,
                               gpointer       user_data)
{
  IvdApplication *self = IVD_APPLICATION (user_data);
  g_autoptr(GError) error = NULL;
  g_autofree char *binary = g_file_read_link ("/proc/self/exe", &error);
  g_autoptr(GSubprocess) process = NULL;

  if (binary != NULL)
    process = g_subprocess_new (G_SUBPROCESS_FLAGS_NONE, &error, binary, "--training", NULL);
  if (process == NULL)
    {
      AdwMessageDialog *dialog = ADW_MESSAGE_DIALOG (
        adw_message_dialog_new (gtk_application_get_active_window (GTK_APPLICATION (self)),
                                _("Training Mode Cannot Be Opened"), error->message));
      adw_message_dialog_add_response (dialog, "close", _("_Close"));
      gtk_window_present (GTK_WINDOW (dialog));
    }
}

static const GActionEntry app_actions[] = {
  { "quit", on_quit_activated_cb },
  { "show-queue", on_show_queue_activated_cb, "s" },
  { "about", on_about_activated_cb },
  { "training-mode", on_training_mode_activated_cb },
};

static void
ivd_application_startup (GApplication *app)
{
  IvdApplication *self = IVD_APPLICATION (app);

  G_APPLICATION_CLASS (ivd_application_parent_class)->startup (app);

  g_action_map_add_action_entries (G_ACTION_MAP (self), app_actions, G_N_ELEMENTS (app_actions), self);
  g_simple_action_set_enabled (G_SIMPLE_ACTION (g_action_map_lookup_action (G_ACTION_MAP (self), "training-mode")),
                               !self->training);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "app.quit",
                                         (const char *[]) { "<Control>q", NULL });
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "window.close",
                                         (const char *[]) { "<Control>w", NULL });

  self->catalog = ivd_catalog_new_default (&self->catalog_error);
  open_store (self);
}

/* Closing the database folds its WAL back into the file. */
static void
ivd_application_shutdown (GApplication *app)
{
  IvdApplication *self = IVD_APPLICATION (app);

  g_clear_object (&self->reminders);
  g_clear_object (&self->store);

  G_APPLICATION_CLASS (ivd_application_parent_class)->shutdown (app);
}

/* For build-aux/bench/startup-bench, which times a cold start to the
 * first frame: with IVD_BENCH_FIRST_FRAME set, the window's first painted
 * frame prints "first-frame <g_get_monotonic_time () in µs>" (the
 * script's clock, CLOCK_MONOTONIC) and quits. Only a time is printed,
 * never anything from a plan. Without the variable nothing is connected. */
static void
on_bench_after_paint_cb (GdkFrameClock  *clock,
                         IvdApplication *self)
{
  g_signal_handlers_disconnect_by_func (clock, on_bench_after_paint_cb, self);
  printf ("first-frame %" G_GINT64_FORMAT "\n", g_get_monotonic_time ());
  fflush (stdout);
  g_application_quit (G_APPLICATION (self));
}

/* The frame clock belongs to the surface, which exists once mapped. */
static void
on_bench_window_map_cb (GtkWidget      *window,
                        IvdApplication *self)
{
  g_signal_handlers_disconnect_by_func (window, on_bench_window_map_cb, self);
  g_signal_connect_object (gtk_widget_get_frame_clock (window), "after-paint",
                           G_CALLBACK (on_bench_after_paint_cb), self, 0);
}

static void
watch_first_frame_if_asked (IvdApplication *self,
                            GtkWindow      *window)
{
  if (g_getenv ("IVD_BENCH_FIRST_FRAME") != NULL)
    g_signal_connect_object (window, "map", G_CALLBACK (on_bench_window_map_cb), self, 0);
}

static void
ivd_application_activate (GApplication *app)
{
  IvdApplication *self = IVD_APPLICATION (app);
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (app));

  if (window == NULL)
    {
      window = GTK_WINDOW (ivd_window_new (self, self->catalog, self->catalog_error));
      watch_first_frame_if_asked (self, window);
    }

  gtk_window_present (window);
  ivd_application_show_store_error (self);
}

static void
ivd_application_finalize (GObject *object)
{
  IvdApplication *self = (IvdApplication *) object;

  g_clear_object (&self->catalog);
  g_clear_error (&self->catalog_error);
  g_clear_object (&self->reminders);
  g_clear_object (&self->store);
  g_clear_error (&self->store_error);
  g_clear_pointer (&self->database_path, g_free);

  G_OBJECT_CLASS (ivd_application_parent_class)->finalize (object);
}

static void
ivd_application_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  IvdApplication *self = IVD_APPLICATION (object);

  switch (prop_id)
    {
    case PROP_STORE:         g_value_set_object (value, self->store); break;
    case PROP_OPENING_STORE: g_value_set_boolean (value, self->opening_store); break;
    case PROP_TRAINING:      g_value_set_boolean (value, self->training); break;
    default:                 G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ivd_application_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  IvdApplication *self = IVD_APPLICATION (object);

  switch (prop_id)
    {
    case PROP_TRAINING: self->training = g_value_get_boolean (value); break;
    default:            G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ivd_application_class_init (IvdApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  object_class->finalize = ivd_application_finalize;
  object_class->get_property = ivd_application_get_property;
  object_class->set_property = ivd_application_set_property;
  app_class->startup = ivd_application_startup;
  app_class->activate = ivd_application_activate;
  app_class->shutdown = ivd_application_shutdown;

  /* The plan database, once opened (in a thread, at start). */
  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, IVD_TYPE_STORE,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /* TRUE while the database is being opened, so views can say so rather
   * than show an empty list. */
  properties[PROP_OPENING_STORE] =
    g_param_spec_boolean ("opening-store", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /* Training mode: the training database, its banner and its cases. */
  properties[PROP_TRAINING] =
    g_param_spec_boolean ("training", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_EXPLICIT_NOTIFY |
                          G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
ivd_application_init (IvdApplication *self)
{
}

/**
 * ivd_application_new:
 * @database_path: (nullable): the plan database; NULL for the
 *   database-path setting or the default
 */
IvdApplication *
ivd_application_new (const char *database_path)
{
  IvdApplication *self = g_object_new (IVD_TYPE_APPLICATION,
                                       "application-id", APP_ID,
                                       "flags", G_APPLICATION_NON_UNIQUE,
                                       "resource-base-path", "/io/github/ivdischarge/IvDischarge",
                                       NULL);

  self->database_path = g_strdup (database_path);
  return self;
}

/**
 * ivd_application_new_training:
 * @database_path: (nullable): the training database; NULL for the default
 *
 * The app in training mode: a training database (never the real one), a
 * banner on the window, and no reminders.
 */
IvdApplication *
ivd_application_new_training (const char *database_path)
{
  IvdApplication *self = g_object_new (IVD_TYPE_APPLICATION,
                                       "application-id", APP_ID,
                                       "flags", G_APPLICATION_NON_UNIQUE,
                                       "resource-base-path", "/io/github/ivdischarge/IvDischarge",
                                       "training", TRUE,
                                       NULL);

  self->database_path = g_strdup (database_path);
  return self;
}

gboolean
ivd_application_get_training (IvdApplication *self)
{
  g_return_val_if_fail (IVD_IS_APPLICATION (self), FALSE);
  return self->training;
}

/* Training mode's "Reset Training": the cases as they were, dated today. */
gboolean
ivd_application_reset_training (IvdApplication  *self,
                                GError         **error)
{
  g_return_val_if_fail (IVD_IS_APPLICATION (self), FALSE);
  g_return_val_if_fail (self->training && self->store != NULL, FALSE);

  return reset_training_store (self->store, error);
}

IvdStore *
ivd_application_get_store (IvdApplication *self)
{
  g_return_val_if_fail (IVD_IS_APPLICATION (self), NULL);
  return self->store;
}

gboolean
ivd_application_get_opening_store (IvdApplication *self)
{
  g_return_val_if_fail (IVD_IS_APPLICATION (self), FALSE);
  return self->opening_store;
}

/* Shows, over the window, why the plan database cannot be used: when it
 * was damaged and moved aside, with the offer to restore the newest
 * backup. Waits for a window if there is none yet. */
void
ivd_application_show_store_error (IvdApplication *self)
{
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (self));
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  g_autofree char *backup = NULL;
  AdwMessageDialog *dialog;

  g_return_if_fail (IVD_IS_APPLICATION (self));

  if (self->store_error == NULL || window == NULL)
    return;

  error = g_steal_pointer (&self->store_error);
  path = dup_store_path (self);
  if (g_error_matches (error, IVD_STORE_ERROR, IVD_STORE_ERROR_DAMAGED) && self->store == NULL)
    backup = ivd_store_dup_newest_backup (path);
  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (window, _("The Plan Database Cannot Be Used"),
                                                       error->message));
  adw_message_dialog_add_response (dialog, "close", _("_Close"));
  if (backup != NULL)
    {
      adw_message_dialog_add_response (dialog, "restore", _("_Restore Backup"));
      adw_message_dialog_set_response_appearance (dialog, "restore", ADW_RESPONSE_SUGGESTED);
      adw_message_dialog_set_default_response (dialog, "restore");
    }
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_restore_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}
