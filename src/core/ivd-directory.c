#define G_LOG_DOMAIN "ivd-directory"

#include "config.h"

#include <errno.h>

#include <glib/gi18n-lib.h>

#include "ivd-directory.h"
#include "ivd-error.h"
#include "ivd-json.h"

/* The municipality directory: each municipality's phones, hours, clinic,
 * depot and SOR/EAN codes, as coordinators filled them in and shared them
 * as a file (design.md, "Data shipped"). The app ships none of it: a
 * municipality that is not in the file has every field "not filled in". */
struct _IvdDirectory
{
  GObject     parent_instance;
  GListStore *entries;
  GHashTable *by_code;
};

G_DEFINE_FINAL_TYPE (IvdDirectory, ivd_directory, G_TYPE_OBJECT)

static gboolean
fail (GError     **error,
      const char  *path,
      const char  *reason)
{
  g_autofree char *name = g_path_get_basename (path);
  g_autofree char *line = ivd_json_dup_one_line (reason);  /* it may quote the file */

  g_set_error (error, IVD_ERROR, IVD_ERROR_INVALID,
               _("The municipality directory %s cannot be used: %s"), name, line);
  return FALSE;
}

static gboolean
add_entry (IvdDirectory  *self,
           IvdCatalog    *catalog,
           JsonNode      *node,
           GError       **error)
{
  g_autoptr(IvdDirectoryEntry) entry = NULL;
  const char *code;

  if (!JSON_NODE_HOLDS_OBJECT (node))
    return g_set_error (error, IVD_ERROR, IVD_ERROR_INVALID,
                        _("each municipality must be an object")), FALSE;

  if ((entry = ivd_directory_entry_new_from_json (json_node_get_object (node), error)) == NULL)
    return FALSE;

  code = ivd_directory_entry_get_code (entry);
  if (ivd_catalog_lookup_municipality (catalog, code) == NULL)
    return g_set_error (error, IVD_ERROR, IVD_ERROR_INVALID,
                        _("no Danish municipality has the code “%s”"), code), FALSE;
  if (g_hash_table_contains (self->by_code, code))
    return g_set_error (error, IVD_ERROR, IVD_ERROR_INVALID,
                        _("municipality %s appears twice"), code), FALSE;

  g_hash_table_insert (self->by_code, g_strdup (code), entry);
  g_list_store_append (self->entries, entry);
  return TRUE;
}

static gboolean
load (IvdDirectory  *self,
      IvdCatalog    *catalog,
      JsonNode      *root,
      GError       **error)
{
  JsonObject *object = JSON_NODE_HOLDS_OBJECT (root) ? json_node_get_object (root) : NULL;
  JsonNode *list = object ? json_object_get_member (object, "municipalities") : NULL;

  if (g_strcmp0 (ivd_json_get_string (object, "format"), IVD_DIRECTORY_FORMAT) != 0)
    return g_set_error (error, IVD_ERROR, IVD_ERROR_INVALID,
                        _("format: must be “%s”"), IVD_DIRECTORY_FORMAT), FALSE;

  if (list == NULL || !JSON_NODE_HOLDS_ARRAY (list))
    return g_set_error (error, IVD_ERROR, IVD_ERROR_INVALID,
                        _("expected a “municipalities” list")), FALSE;

  for (guint i = 0; i < json_array_get_length (json_node_get_array (list)); i++)
    if (!add_entry (self, catalog, json_array_get_element (json_node_get_array (list), i), error))
      return FALSE;

  return TRUE;
}

static void
ivd_directory_finalize (GObject *object)
{
  IvdDirectory *self = (IvdDirectory *) object;

  g_clear_object (&self->entries);
  g_clear_pointer (&self->by_code, g_hash_table_unref);

  G_OBJECT_CLASS (ivd_directory_parent_class)->finalize (object);
}

static void
ivd_directory_class_init (IvdDirectoryClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = ivd_directory_finalize;
}

static void
ivd_directory_init (IvdDirectory *self)
{
  self->entries = g_list_store_new (IVD_TYPE_DIRECTORY_ENTRY);
  self->by_code = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
}

/* An empty directory: every field of every municipality not filled in. */
IvdDirectory *
ivd_directory_new (void)
{
  return g_object_new (IVD_TYPE_DIRECTORY, NULL);
}

/* Reads a directory file whole or not at all: any bad entry fails the
 * file, with a message naming the file, the municipality and the field. */
IvdDirectory *
ivd_directory_new_from_file (IvdCatalog  *catalog,
                             const char  *path,
                             GError     **error)
{
  g_autoptr(IvdDirectory) self = ivd_directory_new ();
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(GError) local_error = NULL;

  g_return_val_if_fail (IVD_IS_CATALOG (catalog), NULL);
  g_return_val_if_fail (path != NULL, NULL);

  /* At most 4 MiB: 98 municipalities with a page of notes each is under
   * 1 MiB; the read stops at the limit and the depth is checked before
   * parsing (ivd-json.c), so a hostile file cannot exhaust memory or stack. */
  if ((root = ivd_json_parse_file (path, IVD_DIRECTORY_MAX_BYTES, &local_error)) == NULL ||
      !load (self, catalog, root, &local_error))
    return fail (error, path, local_error->message), NULL;

  return g_steal_pointer (&self);
}

char *
ivd_directory_dup_default_path (void)
{
  return g_build_filename (g_get_user_data_dir (), "iv-discharge", "municipality-directory.json", NULL);
}

/* The user's directory when there is one; otherwise an empty one. */
IvdDirectory *
ivd_directory_new_default (IvdCatalog  *catalog,
                           GError     **error)
{
  g_autofree char *path = ivd_directory_dup_default_path ();

  if (!g_file_test (path, G_FILE_TEST_EXISTS))
    return ivd_directory_new ();

  return ivd_directory_new_from_file (catalog, path, error);
}

GListModel *
ivd_directory_get_entries (IvdDirectory *self)
{
  g_return_val_if_fail (IVD_IS_DIRECTORY (self), NULL);
  return G_LIST_MODEL (self->entries);
}

/* Returns: (transfer none) (nullable): the entry, or NULL when the
 * municipality is not filled in. */
IvdDirectoryEntry *
ivd_directory_lookup (IvdDirectory *self,
                      const char   *code)
{
  g_return_val_if_fail (IVD_IS_DIRECTORY (self), NULL);
  return code != NULL ? g_hash_table_lookup (self->by_code, code) : NULL;
}

/**
 * ivd_directory_ensure_entry:
 * @code: a 3-digit municipality code
 *
 * The municipality's entry, added empty when it is not filled in yet, so
 * that an editor has one to write to.
 *
 * Returns: (transfer none): the entry
 */
IvdDirectoryEntry *
ivd_directory_ensure_entry (IvdDirectory *self,
                            const char   *code)
{
  IvdDirectoryEntry *entry;

  g_return_val_if_fail (IVD_IS_DIRECTORY (self), NULL);
  g_return_val_if_fail (code != NULL, NULL);

  if ((entry = ivd_directory_lookup (self, code)) != NULL)
    return entry;

  entry = ivd_directory_entry_new (code);
  g_hash_table_insert (self->by_code, g_strdup (code), entry);
  g_list_store_append (self->entries, entry);
  g_object_unref (entry);
  return entry;
}

static char *
to_data (IvdDirectory *self)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;
  GListModel *entries = G_LIST_MODEL (self->entries);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "format");
  json_builder_add_string_value (builder, IVD_DIRECTORY_FORMAT);
  json_builder_set_member_name (builder, "municipalities");
  json_builder_begin_array (builder);
  for (guint i = 0; i < g_list_model_get_n_items (entries); i++)
    {
      g_autoptr(IvdDirectoryEntry) entry = g_list_model_get_item (entries, i);

      json_builder_add_value (builder, ivd_directory_entry_to_json (entry));
    }
  json_builder_end_array (builder);
  json_builder_end_object (builder);

  root = json_builder_get_root (builder);
  return ivd_json_to_string (root, TRUE);
}

/**
 * ivd_directory_save_to_file:
 *
 * Writes the directory in the form ivd_directory_new_from_file() reads:
 * to a temporary file beside @path, synced and renamed, mode 0600 (it
 * may name the people a coordinator phones), so a failed save leaves the
 * earlier file as it was. The folder is made (0700) when missing.
 */
gboolean
ivd_directory_save_to_file (IvdDirectory  *self,
                            const char    *path,
                            GError       **error)
{
  g_autofree char *data = NULL;
  g_autofree char *folder = NULL;
  g_autoptr(GError) local_error = NULL;

  g_return_val_if_fail (IVD_IS_DIRECTORY (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  folder = g_path_get_dirname (path);
  if (g_mkdir_with_parents (folder, 0700) != 0)
    {
      int saved_errno = errno;
      g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved_errno),
                   _("Cannot save the municipality directory in %s: %s"), folder, g_strerror (saved_errno));
      return FALSE;
    }

  data = to_data (self);
  if (!g_file_set_contents_full (path, data, -1,
                                 G_FILE_SET_CONTENTS_CONSISTENT | G_FILE_SET_CONTENTS_DURABLE,
                                 0600, &local_error))
    {
      g_propagate_prefixed_error (error, g_steal_pointer (&local_error),
                                  _("Cannot save the municipality directory: "));
      return FALSE;
    }

  return TRUE;
}

/* Puts @entry in place of the municipality's entry, or adds it. */
static void
put_entry (IvdDirectory      *self,
           IvdDirectoryEntry *entry)
{
  const char *code = ivd_directory_entry_get_code (entry);
  IvdDirectoryEntry *old = ivd_directory_lookup (self, code);
  guint position;

  if (old != NULL && g_list_store_find (self->entries, old, &position))
    g_list_store_splice (self->entries, position, 1, (gpointer *) &entry, 1);
  else
    g_list_store_append (self->entries, entry);
  g_hash_table_insert (self->by_code, g_strdup (code), entry);
}

static IvdDirectoryEntry *
copy_entry (IvdDirectoryEntry *entry)
{
  g_autoptr(JsonNode) node = ivd_directory_entry_to_json (entry);

  /* What to_json wrote, from_json reads back. */
  return ivd_directory_entry_new_from_json (json_node_get_object (node), NULL);
}

/**
 * ivd_directory_save_entry:
 * @code: the municipality whose entry was edited
 *
 * Saves one municipality's entry into the file at @path as the file is
 * now: it is read again and only that entry is replaced, so two windows
 * (or a coordinator's import) editing the directory do not undo each
 * other's work. This directory then takes the file's other entries. A
 * file that cannot be read is left alone and the error says why.
 */
gboolean
ivd_directory_save_entry (IvdDirectory  *self,
                          IvdCatalog    *catalog,
                          const char    *path,
                          const char    *code,
                          GError       **error)
{
  g_autoptr(IvdDirectory) on_disk = NULL;
  IvdDirectoryEntry *mine;
  GListModel *entries;

  g_return_val_if_fail (IVD_IS_DIRECTORY (self), FALSE);
  g_return_val_if_fail (IVD_IS_CATALOG (catalog), FALSE);
  g_return_val_if_fail (path != NULL && code != NULL, FALSE);

  on_disk = g_file_test (path, G_FILE_TEST_EXISTS) ? ivd_directory_new_from_file (catalog, path, error)
                                                   : ivd_directory_new ();
  if (on_disk == NULL)
    return FALSE;

  if ((mine = ivd_directory_lookup (self, code)) != NULL)
    {
      g_autoptr(IvdDirectoryEntry) copy = copy_entry (mine);

      g_return_val_if_fail (copy != NULL, FALSE);
      put_entry (on_disk, copy);
    }
  if (!ivd_directory_save_to_file (on_disk, path, error))
    return FALSE;

  entries = G_LIST_MODEL (on_disk->entries);
  for (guint i = 0; i < g_list_model_get_n_items (entries); i++)
    {
      g_autoptr(IvdDirectoryEntry) theirs = g_list_model_get_item (entries, i);

      if (!g_str_equal (ivd_directory_entry_get_code (theirs), code))
        put_entry (self, theirs);
    }
  return TRUE;
}
