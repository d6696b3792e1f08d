#pragma once

#include <string.h>

/* Shared by the tests that run the real binary as a process, and by every
 * test that makes a temporary folder. */

#include <gio/gio.h>
#include <glib/gstdio.h>

typedef struct
{
  int   status;
  char *out;
  char *err;
} IvdTestRun;

static inline void
ivd_test_run_clear (IvdTestRun *run)
{
  g_clear_pointer (&run->out, g_free);
  g_clear_pointer (&run->err, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (IvdTestRun, ivd_test_run_clear)

/* Runs the binary with no display; @env holds NAME=VALUE pairs to set. */
/* With G_MESSAGES_DEBUG set (build-aux/privacy-scan), the program's debug
 * and info lines go to the test's log, where the scan reads them, and out
 * of what the test compares: a test that wants no output means no
 * warnings or errors. */
static inline char *
ivd_test_take_debug_lines (char *err)
{
  g_auto(GStrv) lines = NULL;
  GString *kept;

  if (g_getenv ("G_MESSAGES_DEBUG") == NULL || *err == '\0')
    return err;

  lines = g_strsplit (err, "\n", -1);
  kept = g_string_new (NULL);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      if (strstr (lines[i], "-DEBUG: ") != NULL || strstr (lines[i], "-INFO: ") != NULL)
        g_test_message ("program's debug output: %s", lines[i]);
      else if (*lines[i] != '\0' || lines[i + 1] != NULL)
        g_string_append_printf (kept, "%s%s", lines[i], lines[i + 1] != NULL ? "\n" : "");
    }
  g_free (err);
  /* A program that wrote only debug lines wrote nothing else. */
  if (kept->len > 0 && strspn (kept->str, "\n") == kept->len)
    g_string_truncate (kept, 0);
  return g_string_free (kept, FALSE);
}

static inline void
ivd_test_run (const char * const *args,
              const char * const *env,
              const char         *input,
              gsize               input_length,
              IvdTestRun         *run)
{
  g_autoptr(GSubprocessLauncher) launcher =
    g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDIN_PIPE | G_SUBPROCESS_FLAGS_STDOUT_PIPE |
                               G_SUBPROCESS_FLAGS_STDERR_PIPE);
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GBytes) stdin_bytes = g_bytes_new (input ? input : "", input ? input_length : 0);
  g_autoptr(GBytes) out = NULL;
  g_autoptr(GBytes) err = NULL;
  g_autoptr(GError) error = NULL;

  /* No display at all: these commands must not need one. */
  g_subprocess_launcher_unsetenv (launcher, "DISPLAY");
  g_subprocess_launcher_unsetenv (launcher, "WAYLAND_DISPLAY");
  for (guint i = 0; env != NULL && env[i] != NULL; i++)
    {
      g_auto(GStrv) pair = g_strsplit (env[i], "=", 2);
      g_subprocess_launcher_setenv (launcher, pair[0], pair[1], TRUE);
    }

  g_ptr_array_add (argv, (gpointer) g_getenv ("IVD_BINARY"));
  for (guint i = 0; args[i] != NULL; i++)
    g_ptr_array_add (argv, (gpointer) args[i]);
  g_ptr_array_add (argv, NULL);

  process = g_subprocess_launcher_spawnv (launcher, (const char * const *) argv->pdata, &error);
  g_assert_no_error (error);
  g_subprocess_communicate (process, stdin_bytes, NULL, &out, &err, &error);
  g_assert_no_error (error);

  g_assert_true (g_subprocess_get_if_exited (process));
  run->status = g_subprocess_get_exit_status (process);
  run->out = g_bytes_get_size (out) ? g_strndup (g_bytes_get_data (out, NULL), g_bytes_get_size (out)) : g_strdup ("");
  run->err = g_bytes_get_size (err) ? g_strndup (g_bytes_get_data (err, NULL), g_bytes_get_size (err)) : g_strdup ("");
  run->err = ivd_test_take_debug_lines (run->err);
}

/* Removes a test's temporary folder and everything in it. */
static inline void
ivd_test_remove_tree (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);
      if (g_file_test (child, G_FILE_TEST_IS_DIR))
        ivd_test_remove_tree (child);
      else
        g_unlink (child);
    }
  g_rmdir (path);
}
