#include "config.h"

#include <locale.h>
#include <signal.h>

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <adwaita.h>
#include <sqlite3.h>

#include "ivd-application.h"
#include "ivd-store.h"
#include "ivd-test-process.h"
#include "ivd-training-banner.h"
#include "ivd-training-case.h"

/* Training mode on a display (issue 7): the app in training mode opens
 * its own training database, seeded with the cases, shows the banner
 * above the window's pages and resets after its confirmation; the real
 * binary's --training opens the training database and never the real one. */

static gboolean
wait_for (gboolean (*done) (gpointer),
          gpointer   data)
{
  gint64 end = g_get_monotonic_time () + 20 * G_USEC_PER_SEC;

  while (!done (data) && g_get_monotonic_time () < end)
    g_main_context_iteration (NULL, FALSE);
  return done (data);
}

/* For another process's work: checks every 100 ms (each check opens the
 * database) for up to 90 s, as the binary under AddressSanitizer makes and
 * evaluates every case before the file is complete. */
static gboolean
poll_for (gboolean (*done) (gpointer),
          gpointer   data)
{
  gint64 end = g_get_monotonic_time () + 90 * G_USEC_PER_SEC;

  while (!done (data) && g_get_monotonic_time () < end)
    g_usleep (100 * 1000);
  return done (data);
}

static gboolean
has_store (gpointer app)
{
  return ivd_application_get_store (app) != NULL;
}

static guint
n_cases (void)
{
  g_autofree char *dir = ivd_training_case_dup_default_dir ();
  g_autoptr(GPtrArray) cases = ivd_training_case_load_dir (dir, NULL);

  g_assert_nonnull (cases);
  return cases->len;
}

static guint
count_plans (IvdStore *store)
{
  g_autoptr(IvdPlanQuery) query = ivd_plan_query_new ();
  g_autoptr(GError) error = NULL;
  guint n = ivd_store_count_plans (store, query, &error);

  g_assert_no_error (error);
  return n;
}

static GtkWidget *
find_banner (GtkWidget *widget)
{
  if (IVD_IS_TRAINING_BANNER (widget))
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_banner (child);
      if (found != NULL)
        return found;
    }
  return NULL;
}

static gboolean
find_label (GtkWidget  *widget,
            const char *text)
{
  if (GTK_IS_LABEL (widget) && g_strcmp0 (gtk_label_get_label (GTK_LABEL (widget)), text) == 0)
    return gtk_widget_get_mapped (widget);
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL; child = gtk_widget_get_next_sibling (child))
    if (find_label (child, text))
      return TRUE;
  return FALSE;
}

static AdwMessageDialog *
find_dialog (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) window = g_list_model_get_item (toplevels, i);
      if (ADW_IS_MESSAGE_DIALOG (window) && gtk_widget_get_visible (GTK_WIDGET (window)))
        return ADW_MESSAGE_DIALOG (window);
    }
  return NULL;
}

static gboolean
has_dialog (gpointer data)
{
  return find_dialog () != NULL;
}

static gboolean
is_mapped (gpointer widget)
{
  return gtk_widget_get_mapped (widget);
}

static gboolean
has_n_plans (gpointer data)
{
  gpointer *args = data;
  return count_plans (args[0]) == GPOINTER_TO_UINT (args[1]);
}

/* The banner on the window, with the words of the issue in Danish; a
 * new plan is marked as training; Reset Training, confirmed, leaves the
 * cases alone again; no real database is made. */
static void
test_banner_and_reset (void)
{
  g_autofree char *dir = g_dir_make_tmp ("ivd-training-window-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "training.db", NULL);
  g_autofree char *real = ivd_store_dup_default_path ();
  g_autoptr(IvdApplication) app = ivd_application_new_training (path);
  g_autoptr(GError) error = NULL;
  gboolean real_existed = g_file_test (real, G_FILE_TEST_EXISTS);
  const char *banner_text = g_getenv ("IVD_TEST_DANISH") ? "Træning – fiktive patienter"
                                                         : "Training – fictitious patients";
  GtkWindow *window;
  GtkWidget *banner;
  IvdStore *store;
  AdwMessageDialog *dialog;
  guint n = n_cases ();
  gpointer args[2];

  g_assert_true (g_application_register (G_APPLICATION (app), NULL, &error));
  g_assert_no_error (error);
  g_application_activate (G_APPLICATION (app));
  g_assert_true (wait_for (has_store, app));
  store = ivd_application_get_store (app);
  g_assert_true (ivd_store_get_training (store));
  g_assert_cmpstr (ivd_store_get_path (store), ==, path);
  g_assert_cmpuint (count_plans (store), ==, n);

  window = gtk_application_get_active_window (GTK_APPLICATION (app));
  banner = find_banner (GTK_WIDGET (window));
  g_assert_nonnull (banner);
  g_assert_true (wait_for (is_mapped, banner));
  g_assert_true (find_label (banner, banner_text));
  g_assert_false (g_action_group_get_action_enabled (G_ACTION_GROUP (app), "training-mode"));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.new-plan", NULL));
  g_assert_cmpuint (count_plans (store), ==, n + 1);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.reset-training", NULL));
  g_assert_true (wait_for (has_dialog, NULL));
  dialog = find_dialog ();
  g_assert_true (adw_message_dialog_has_response (dialog, "reset"));
  adw_message_dialog_response (dialog, "reset");
  args[0] = store;
  args[1] = GUINT_TO_POINTER (n);
  g_assert_true (wait_for (has_n_plans, args));

  gtk_window_destroy (window);
  g_assert_cmpint (g_file_test (real, G_FILE_TEST_EXISTS), ==, real_existed);
  ivd_test_remove_tree (dir);
}

/* Read-only, while the binary still fills the file: opening it as a
 * training store here would make it, marked and empty, under the
 * binary's feet, and the binary would then find it made and add no case. */
static gboolean
training_db_ready (gpointer path)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  gboolean ready = FALSE;

  if (!g_file_test (path, G_FILE_TEST_EXISTS))
    return FALSE;
  if (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL) == SQLITE_OK &&
      sqlite3_prepare_v2 (db, "SELECT count(*) FROM plans", -1, &stmt, NULL) == SQLITE_OK &&
      sqlite3_step (stmt) == SQLITE_ROW)
    ready = (guint) sqlite3_column_int (stmt, 0) == n_cases ();
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return ready;
}

/* The installed way in: iv-discharge --training makes the training
 * database in the user's data folder, with the cases, and no plans.db. */
static void
test_binary_opens_training_database (void)
{
  g_autofree char *home = g_dir_make_tmp ("ivd-training-home-XXXXXX", NULL);
  g_autofree char *training = g_build_filename (home, "iv-discharge", "training.db", NULL);
  g_autofree char *real = g_build_filename (home, "iv-discharge", "plans.db", NULL);
  g_autoptr(GSubprocessLauncher) launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDERR_SILENCE);
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_nonnull (g_getenv ("DISPLAY"));
  g_subprocess_launcher_setenv (launcher, "XDG_DATA_HOME", home, TRUE);
  process = g_subprocess_launcher_spawn (launcher, &error, g_getenv ("IVD_BINARY"), "--training", NULL);
  g_assert_no_error (error);

  g_assert_true (poll_for (training_db_ready, training));
  g_subprocess_send_signal (process, SIGTERM);
  g_subprocess_wait (process, NULL, NULL);
  {
    g_autoptr(IvdStore) store = ivd_store_open_training (training, NULL, &error);

    g_assert_no_error (error);
    g_assert_cmpuint (count_plans (store), ==, n_cases ());
  }
  g_assert_false (g_file_test (real, G_FILE_TEST_EXISTS));
  ivd_test_remove_tree (home);
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  /* gtk_test_init() forces an English locale; the Danish run
   * (IVD_TEST_DANISH) takes the environment's and the built translations. */
  setlocale (LC_ALL, "");
  adw_init ();
  bindtextdomain (GETTEXT_PACKAGE, g_getenv ("IVD_LOCALEDIR"));
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  /* The binary first: once this process has registered the application
   * on the test's session bus, a second instance only passes its command
   * line to it and exits, making no database of its own. */
  g_test_add_func ("/training-window/binary", test_binary_opens_training_database);
  g_test_add_func ("/training-window/banner-and-reset", test_banner_and_reset);

  return g_test_run ();
}
