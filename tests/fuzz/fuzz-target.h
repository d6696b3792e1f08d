#pragma once

/* Shared by the fuzz targets: the libFuzzer entry point, which each target
 * defines, and what a target sets up once per process. A target runs under
 * libFuzzer (-Dfuzzing=true, clang) and under fuzz-replay-main.c in the
 * normal build, which replays the corpus and the kept crash inputs. */

#include <stddef.h>
#include <stdio.h>
#include <stdint.h>
#include <stdlib.h>

#include <glib.h>
#include <glib/gstdio.h>

int LLVMFuzzerTestOneInput (const uint8_t *data,
                            size_t         size);

static inline void
fuzz_log_handler (const char     *domain,
                  GLogLevelFlags  level,
                  const char     *message,
                  gpointer        user_data)
{
  g_log_default_handler (domain, level, message, user_data);
  if (level & (G_LOG_LEVEL_ERROR | G_LOG_LEVEL_CRITICAL | G_LOG_LEVEL_WARNING))
    abort ();
}

/* A critical or a warning from GLib or json-glib is a bug the fuzzer must
 * report, not a line in a log. GLib's own fatal warnings stop with SIGTRAP,
 * which libFuzzer does not catch: abort instead, and it saves the input. */
static inline void
fuzz_make_warnings_fatal (void)
{
  g_log_set_default_handler (fuzz_log_handler, NULL);
}

/* The shipped data (rule sets, municipalities, supplies): $IVD_DATA_DIR as
 * the tests set it, else the source tree this target was built from. */
static inline const char *
fuzz_data_dir (void)
{
  const char *env = g_getenv ("IVD_DATA_DIR");

  return env != NULL && *env != '\0' ? env : IVD_FUZZ_DATA_DIR;
}

static inline char **
fuzz_scratch_slot (void)
{
  static char *path;

  return &path;
}

static inline void
fuzz_remove_scratch (void)
{
  const char *fuzz_scratch = *fuzz_scratch_slot ();
  g_autoptr(GDir) dir = g_dir_open (fuzz_scratch, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (fuzz_scratch, name, NULL);

      if (g_file_test (path, G_FILE_TEST_IS_DIR))
        {
          g_autoptr(GDir) sub = g_dir_open (path, 0, NULL);
          const char *inner;

          while (sub != NULL && (inner = g_dir_read_name (sub)) != NULL)
            {
              g_autofree char *inner_path = g_build_filename (path, inner, NULL);
              g_unlink (inner_path);
            }
        }
      g_remove (path);
    }
  g_rmdir (fuzz_scratch);
}

/* A private folder in $TMPDIR for the files a reader must read from disk,
 * removed when the process exits normally (libFuzzer exits at the end of
 * -max_total_time; after a crash the folder is left for the post-mortem).
 * It holds at most one level of sub-folders. */
static inline const char *
fuzz_scratch_dir (void)
{
  char **path = fuzz_scratch_slot ();

  if (*path == NULL)
    {
      g_autoptr(GError) error = NULL;

      *path = g_dir_make_tmp ("ivd-fuzz-XXXXXX", &error);
      g_assert_no_error (error);
      atexit (fuzz_remove_scratch);
    }
  return *path;
}

/* Written in place, truncated: no temporary file, rename or fsync for each
 * input. (g_file_set_contents_full() without CONSISTENT does not truncate,
 * so a short input would be read with the tail of a longer one.) */
static inline void
fuzz_write (const char *path,
            const void *data,
            gsize       size)
{
  FILE *file = g_fopen (path, "wb");

  g_assert_nonnull (file);
  g_assert_cmpuint (fwrite (data, 1, size, file), ==, size);
  g_assert_cmpint (fclose (file), ==, 0);
}
