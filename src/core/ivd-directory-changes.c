#define G_LOG_DOMAIN "ivd-directory-changes"

#include "config.h"

#include "ivd-directory-changes.h"

/* What importing a directory file would change, field by field, and the
 * import itself. The rule: each municipality in the file gets the file's
 * entry in place of its own, every field (a field the file leaves out
 * becomes not filled in, and is listed as removed); a municipality the
 * file does not mention stays as it is. So a region's file fills in that
 * region and never empties another, and what the list shows is exactly
 * what the import does. A file that cannot be read whole (malformed, of
 * another format, an unknown or repeated municipality, a bad code, too
 * big) is refused before anything is compared: nothing changes. */

struct _IvdDirectoryChanges
{
  GObject       parent_instance;
  IvdDirectory *imported;
  GListStore   *changes;
  guint         n_municipalities;
};

G_DEFINE_FINAL_TYPE (IvdDirectoryChanges, ivd_directory_changes, G_TYPE_OBJECT)

static int
compare_codes (gconstpointer a,
               gconstpointer b,
               gpointer      user_data)
{
  return g_strcmp0 (ivd_directory_entry_get_code ((IvdDirectoryEntry *) a),
                    ivd_directory_entry_get_code ((IvdDirectoryEntry *) b));
}

/* Adds the changes of one municipality; returns how many. */
static guint
compare_entry (IvdDirectoryChanges *self,
               IvdDirectoryEntry   *old,
               IvdDirectoryEntry   *imported)
{
  const char *code = ivd_directory_entry_get_code (imported);
  guint n = 0;

  for (guint i = 0; i < ivd_directory_fields_get_n (); i++)
    {
      const IvdDirectoryField *field = ivd_directory_fields_get (i);
      g_autofree char *before = ivd_directory_field_dup_value (field, old);
      g_autofree char *after = ivd_directory_field_dup_value (field, imported);
      g_autoptr(IvdDirectoryChange) change = NULL;

      if (g_strcmp0 (before, after) == 0)
        continue;
      change = ivd_directory_change_new (code, field->property, before, after);
      g_list_store_append (self->changes, change);
      n++;
    }
  return n;
}

/* In the order of the municipality codes, whatever the file's order. */
static void
compare (IvdDirectoryChanges *self,
         IvdDirectory        *current)
{
  GListModel *entries = ivd_directory_get_entries (self->imported);
  g_autoptr(GListStore) sorted = g_list_store_new (IVD_TYPE_DIRECTORY_ENTRY);

  for (guint i = 0; i < g_list_model_get_n_items (entries); i++)
    {
      g_autoptr(IvdDirectoryEntry) entry = g_list_model_get_item (entries, i);

      g_list_store_insert_sorted (sorted, entry, compare_codes, NULL);
    }

  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (sorted)); i++)
    {
      g_autoptr(IvdDirectoryEntry) entry = g_list_model_get_item (G_LIST_MODEL (sorted), i);
      IvdDirectoryEntry *old = ivd_directory_lookup (current, ivd_directory_entry_get_code (entry));

      if (compare_entry (self, old, entry) > 0)
        self->n_municipalities++;
    }
}

static void
ivd_directory_changes_finalize (GObject *object)
{
  IvdDirectoryChanges *self = (IvdDirectoryChanges *) object;

  g_clear_object (&self->imported);
  g_clear_object (&self->changes);

  G_OBJECT_CLASS (ivd_directory_changes_parent_class)->finalize (object);
}

static void
ivd_directory_changes_class_init (IvdDirectoryChangesClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = ivd_directory_changes_finalize;
}

static void
ivd_directory_changes_init (IvdDirectoryChanges *self)
{
  self->changes = g_list_store_new (IVD_TYPE_DIRECTORY_CHANGE);
}

/**
 * ivd_directory_changes_new:
 * @current: the directory as it is
 * @imported: a directory read from a file to import
 *
 * Compares the two now; later edits to @current are not followed.
 */
IvdDirectoryChanges *
ivd_directory_changes_new (IvdDirectory *current,
                           IvdDirectory *imported)
{
  IvdDirectoryChanges *self;

  g_return_val_if_fail (IVD_IS_DIRECTORY (current), NULL);
  g_return_val_if_fail (IVD_IS_DIRECTORY (imported), NULL);

  self = g_object_new (IVD_TYPE_DIRECTORY_CHANGES, NULL);
  self->imported = g_object_ref (imported);
  compare (self, current);
  return self;
}

/* Reads the file to import whole or not at all (ivd_directory_new_from_file()). */
IvdDirectoryChanges *
ivd_directory_changes_new_from_file (IvdDirectory  *current,
                                     IvdCatalog    *catalog,
                                     const char    *path,
                                     GError       **error)
{
  g_autoptr(IvdDirectory) imported = NULL;

  g_return_val_if_fail (IVD_IS_DIRECTORY (current), NULL);
  g_return_val_if_fail (IVD_IS_CATALOG (catalog), NULL);
  g_return_val_if_fail (path != NULL, NULL);

  if ((imported = ivd_directory_new_from_file (catalog, path, error)) == NULL)
    return NULL;
  return ivd_directory_changes_new (current, imported);
}

/* Returns: (transfer none): the IvdDirectoryChange list, by municipality
 * code and then in the order of the fields */
GListModel *
ivd_directory_changes_get_changes (IvdDirectoryChanges *self)
{
  g_return_val_if_fail (IVD_IS_DIRECTORY_CHANGES (self), NULL);
  return G_LIST_MODEL (self->changes);
}

/* How many municipalities have at least one change. */
guint
ivd_directory_changes_get_n_municipalities (IvdDirectoryChanges *self)
{
  g_return_val_if_fail (IVD_IS_DIRECTORY_CHANGES (self), 0);
  return self->n_municipalities;
}

IvdDirectory *
ivd_directory_changes_get_imported (IvdDirectoryChanges *self)
{
  g_return_val_if_fail (IVD_IS_DIRECTORY_CHANGES (self), NULL);
  return self->imported;
}

static void
assign_all (IvdDirectory *directory,
            GListModel   *entries)
{
  for (guint i = 0; i < g_list_model_get_n_items (entries); i++)
    {
      g_autoptr(IvdDirectoryEntry) entry = g_list_model_get_item (entries, i);

      ivd_directory_entry_assign (ivd_directory_ensure_entry (directory, ivd_directory_entry_get_code (entry)),
                                  entry);
    }
}

/* Gives @directory the imported entries, in memory only. */
void
ivd_directory_changes_apply (IvdDirectoryChanges *self,
                             IvdDirectory        *directory)
{
  g_return_if_fail (IVD_IS_DIRECTORY_CHANGES (self));
  g_return_if_fail (IVD_IS_DIRECTORY (directory));

  assign_all (directory, ivd_directory_get_entries (self->imported));
}

/**
 * ivd_directory_changes_apply_to_file:
 * @directory: the directory being edited, which follows the file
 *
 * The import: the imported entries go into the file at @path as it is
 * now (ivd_directory_changes_merge_into_file()).
 */
gboolean
ivd_directory_changes_apply_to_file (IvdDirectoryChanges  *self,
                                     IvdDirectory         *directory,
                                     IvdCatalog           *catalog,
                                     const char           *path,
                                     GError              **error)
{
  g_return_val_if_fail (IVD_IS_DIRECTORY_CHANGES (self), FALSE);

  return ivd_directory_changes_merge_into_file (directory, catalog, path,
                                                ivd_directory_get_entries (self->imported), error);
}

/**
 * ivd_directory_changes_merge_into_file:
 * @directory: the directory being edited
 * @entries: the IvdDirectoryEntry objects to save, whole
 *
 * Reads the file at @path again, puts @entries in it in place of those
 * municipalities' entries, writes it (ivd_directory_save_to_file()), and
 * then gives @directory the file's entries in place, so an editor's
 * entries keep their identity and two editors of one file (the doctor's
 * contact page, the coordinator's editor, an import) never undo each
 * other. A file that cannot be read is left alone, with the reason.
 */
gboolean
ivd_directory_changes_merge_into_file (IvdDirectory  *directory,
                                       IvdCatalog    *catalog,
                                       const char    *path,
                                       GListModel    *entries,
                                       GError       **error)
{
  g_autoptr(IvdDirectory) on_disk = NULL;

  g_return_val_if_fail (IVD_IS_DIRECTORY (directory), FALSE);
  g_return_val_if_fail (IVD_IS_CATALOG (catalog), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (G_IS_LIST_MODEL (entries), FALSE);

  on_disk = g_file_test (path, G_FILE_TEST_EXISTS) ? ivd_directory_new_from_file (catalog, path, error)
                                                   : ivd_directory_new ();
  if (on_disk == NULL)
    return FALSE;

  assign_all (on_disk, entries);
  if (!ivd_directory_save_to_file (on_disk, path, error))
    return FALSE;

  assign_all (directory, ivd_directory_get_entries (on_disk));
  return TRUE;
}
