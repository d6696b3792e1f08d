/* The municipality directory as the app reads it from the user's file or
 * --directory: the file is read from disk, as the reader only reads files.
 * A directory it accepts must save and read back to the same entries
 * (the contact page saves what it read). */

#include "fuzz-target.h"

#include <string.h>

#include "ivd-catalog.h"
#include "ivd-directory.h"
#include "ivd-error.h"

static IvdCatalog *
shipped_catalog (void)
{
  static IvdCatalog *catalog;
  g_autoptr(GError) error = NULL;

  if (catalog == NULL)
    {
      fuzz_make_warnings_fatal ();
      catalog = ivd_catalog_new ((const char * const[]) { fuzz_data_dir (), NULL }, &error);
      g_assert_no_error (error);
    }
  return catalog;
}

static void
check_round_trip (IvdDirectory *directory)
{
  g_autofree char *path = g_build_filename (fuzz_scratch_dir (), "saved.json", NULL);
  g_autoptr(IvdDirectory) again = NULL;
  g_autoptr(GError) error = NULL;
  GListModel *entries = ivd_directory_get_entries (directory);
  GListModel *read_back;

  ivd_directory_save_to_file (directory, path, &error);
  g_assert_no_error (error);
  again = ivd_directory_new_from_file (shipped_catalog (), path, &error);
  g_assert_no_error (error);

  read_back = ivd_directory_get_entries (again);
  g_assert_cmpuint (g_list_model_get_n_items (read_back), ==, g_list_model_get_n_items (entries));
  for (guint i = 0; i < g_list_model_get_n_items (entries); i++)
    {
      g_autoptr(IvdDirectoryEntry) entry = g_list_model_get_item (entries, i);
      g_autoptr(IvdDirectoryEntry) other = g_list_model_get_item (read_back, i);
      g_autoptr(JsonNode) written = ivd_directory_entry_to_json (entry);
      g_autoptr(JsonNode) reread = ivd_directory_entry_to_json (other);

      g_assert_true (ivd_directory_lookup (directory, ivd_directory_entry_get_code (entry)) == entry);
      g_assert_true (json_node_equal (written, reread));
    }
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autofree char *path = g_build_filename (fuzz_scratch_dir (), "directory.json", NULL);
  g_autoptr(IvdDirectory) directory = NULL;
  g_autoptr(GError) error = NULL;

  fuzz_write (path, data, size);
  directory = ivd_directory_new_from_file (shipped_catalog (), path, &error);
  if (directory == NULL)
    {
      g_assert_error (error, IVD_ERROR, IVD_ERROR_INVALID);
      g_assert_true (g_str_has_prefix (error->message, "The municipality directory directory.json cannot be used: "));
      g_assert_null (strchr (error->message, '\n'));
      return 0;
    }

  g_assert_no_error (error);
  check_round_trip (directory);
  return 0;
}
