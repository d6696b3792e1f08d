#include "config.h"

#include <sqlite3.h>

#include <glib/gstdio.h>
#include <adwaita.h>

#include "ivd-application.h"
#include "ivd-store.h"

/* The application opens the plan database at start, in a thread, and
 * writes the daily backup; a damaged database is moved aside and the
 * doctor is offered the newest backup, which then opens. */

static gboolean
wait_for (gboolean (*done) (gpointer),
          gpointer   data)
{
  gint64 end = g_get_monotonic_time () + 20 * G_USEC_PER_SEC;

  while (!done (data) && g_get_monotonic_time () < end)
    g_main_context_iteration (NULL, FALSE);
  return done (data);
}

static gboolean
has_store (gpointer app)
{
  return ivd_application_get_store (app) != NULL;
}

static AdwMessageDialog *
find_dialog (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();  /* not ours to free */

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

static IvdApplication *
start (const char *path)
{
  IvdApplication *app = ivd_application_new (path);
  g_autoptr(GError) error = NULL;

  g_assert_true (g_application_register (G_APPLICATION (app), NULL, &error));
  g_assert_no_error (error);
  g_application_activate (G_APPLICATION (app));
  return app;
}

static void
quit (IvdApplication *app)
{
  GtkWindow *window;

  while ((window = gtk_application_get_active_window (GTK_APPLICATION (app))) != NULL)
    gtk_window_destroy (window);
  g_object_unref (app);
}

static char *
test_path (void)
{
  static char *dir;

  /* One folder for the whole run, shared with the subprocesses. */
  if (dir == NULL)
    dir = g_strdup (g_getenv ("IVD_TEST_STORE_DIR"));
  return g_build_filename (dir, "plans.db", NULL);
}

/* First start: the database and today's backup are made. */
static void
test_first_start (void)
{
  g_autofree char *path = test_path ();
  g_autofree char *backup = NULL;
  IvdApplication *app;

  /* Each start in a process of its own, as in real life. */
  if (!g_test_subprocess ())
    {
      g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_INHERIT_STDERR);
      g_test_trap_assert_passed ();
      return;
    }

  app = start (path);
  g_assert_true (wait_for (has_store, app));
  backup = ivd_store_dup_newest_backup (path);
  g_assert_nonnull (backup);
  g_assert_null (find_dialog ());
  {
    g_autoptr(IvdPlanRecord) record = ivd_store_create_plan (ivd_application_get_store (app), NULL, NULL);
    g_assert_nonnull (record);
  }
  quit (app);
}

/* The file was damaged between two starts: moved aside, the backup offered,
 * restored and opened. */
static void
test_damaged_start (void)
{
  g_autofree char *path = test_path ();
  IvdApplication *app;
  AdwMessageDialog *dialog;
  FILE *file;

  if (!g_test_subprocess ())
    {
      g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_INHERIT_STDERR);
      g_test_trap_assert_passed ();
      return;
    }

  /* Everything into the main file first (the first start may have left a
   * WAL), so the damage is not repaired from it. */
  {
    sqlite3 *db = NULL;
    g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
    g_assert_cmpint (sqlite3_exec (db, "PRAGMA wal_checkpoint(TRUNCATE)", NULL, NULL, NULL), ==, SQLITE_OK);
    sqlite3_close (db);
  }
  file = g_fopen (path, "r+b");
  g_assert_nonnull (file);
  fputs ("This is no longer a database", file);
  fclose (file);

  app = start (path);
  g_assert_true (wait_for (has_dialog, NULL));
  g_assert_null (ivd_application_get_store (app));
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
  dialog = find_dialog ();
  g_assert_true (adw_message_dialog_has_response (dialog, "restore"));
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "moved aside"));

  adw_message_dialog_response (dialog, "restore");
  g_assert_true (wait_for (has_store, app));
  g_assert_true (g_file_test (path, G_FILE_TEST_EXISTS));
  quit (app);
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  if (g_getenv ("IVD_TEST_STORE_DIR") == NULL)
    {
      g_autofree char *dir = g_dir_make_tmp ("ivd-app-XXXXXX", NULL);
      g_setenv ("IVD_TEST_STORE_DIR", dir, TRUE);
    }
  /* In this order: the second start finds what the first one made. */
  g_test_add_func ("/application/first-start", test_first_start);
  g_test_add_func ("/application/damaged-start", test_damaged_start);

  return g_test_run ();
}
