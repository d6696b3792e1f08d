/* Replays inputs through a fuzz target without libFuzzer, so the normal
 * build (gcc) and the ASan build run each target on its seed corpus and on
 * every kept crash input as an ordinary test. Arguments are folders (every
 * file in them, in name order, README* skipped) or single files. Prints TAP;
 * an input that crashes or trips a sanitizer fails the test with its name
 * in the log. */

#include "fuzz-target.h"

#include <stdio.h>
#include <string.h>

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

static GPtrArray *
collect (char **paths)
{
  GPtrArray *inputs = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; paths[i] != NULL; i++)
    {
      g_autoptr(GDir) dir = NULL;
      g_autoptr(GPtrArray) names = g_ptr_array_new ();
      g_autoptr(GError) error = NULL;
      const char *name;

      if (!g_file_test (paths[i], G_FILE_TEST_IS_DIR))
        {
          g_ptr_array_add (inputs, g_strdup (paths[i]));
          continue;
        }

      /* A folder that cannot be read must fail the test, not replay nothing. */
      dir = g_dir_open (paths[i], 0, &error);
      g_assert_no_error (error);
      while ((name = g_dir_read_name (dir)) != NULL)
        if (!g_str_has_prefix (name, "README") && name[0] != '.')
          g_ptr_array_add (names, (gpointer) name);
      g_ptr_array_sort (names, compare_names);

      for (guint j = 0; j < names->len; j++)
        g_ptr_array_add (inputs, g_build_filename (paths[i], g_ptr_array_index (names, j), NULL));
    }

  return inputs;
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(GPtrArray) inputs = NULL;

  if (argc < 2)
    {
      g_printerr ("usage: %s FOLDER|FILE...\n", argv[0]);
      return 2;
    }

  inputs = collect (argv + 1);
  g_print ("1..%u\n", inputs->len);

  for (guint i = 0; i < inputs->len; i++)
    {
      const char *path = g_ptr_array_index (inputs, i);
      g_autoptr(GError) error = NULL;
      g_autofree char *data = NULL;
      g_autofree guint8 *exact = NULL;
      gsize size = 0;

      if (!g_file_get_contents (path, &data, &size, &error))
        {
          g_print ("not ok %u - %s: %s\n", i + 1, path, error->message);
          continue;
        }

      /* Flushed first, so a crash leaves the input's name in the log. */
      g_print ("# %s (%zu bytes)\n", path, size);
      fflush (stdout);
      /* Exactly @size bytes, no NUL after them, as libFuzzer passes them:
       * AddressSanitizer then catches a read past the end. */
      exact = size > 0 ? g_memdup2 (data, size) : g_malloc (1);
      LLVMFuzzerTestOneInput (exact, size);
      g_print ("ok %u - %s\n", i + 1, path);
    }

  return 0;
}
