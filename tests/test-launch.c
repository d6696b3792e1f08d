#include <signal.h>

#include <gio/gio.h>

/* The installed way in: the real binary with no options loads its window
 * module and keeps running with a window; a missing symbol, a warning
 * (G_DEBUG=fatal-warnings) or a crash ends it early. */

static gboolean
on_timeout_cb (gpointer user_data)
{
  *(gboolean *) user_data = TRUE;
  return G_SOURCE_REMOVE;
}

static void
on_process_exited_cb (GObject      *source,
                      GAsyncResult *result,
                      gpointer      user_data)
{
  g_subprocess_wait_finish (G_SUBPROCESS (source), result, NULL);
  *(gboolean *) user_data = TRUE;
}

static void
test_opens_window (void)
{
  g_autoptr(GSubprocessLauncher) launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDERR_PIPE);
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GError) error = NULL;
  gboolean timed_out = FALSE;
  gboolean exited = FALSE;

  g_assert_nonnull (g_getenv ("DISPLAY"));
  process = g_subprocess_launcher_spawn (launcher, &error, g_getenv ("IVD_BINARY"), NULL);
  g_assert_no_error (error);

  g_subprocess_wait_async (process, NULL, on_process_exited_cb, &exited);
  g_timeout_add_seconds (4, on_timeout_cb, &timed_out);
  while (!timed_out && !exited)
    g_main_context_iteration (NULL, TRUE);

  g_assert_false (exited);
  g_subprocess_send_signal (process, SIGTERM);
  while (!exited)
    g_main_context_iteration (NULL, TRUE);
  g_assert_true (g_subprocess_get_if_signaled (process));
  g_assert_cmpint (g_subprocess_get_term_sig (process), ==, SIGTERM);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/launch/opens-window", test_opens_window);

  return g_test_run ();
}
