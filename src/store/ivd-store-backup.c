#define G_LOG_DOMAIN "ivd-store-backup"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "ivd-store-backup.h"
#include "ivd-store-error.h"

#define STAMP_FORMAT "%Y%m%d-%H%M%S"

/* "plans.db" -> "plans": backups of different databases in one folder
 * stay apart. */
/* For g_ptr_array_sort(), which passes pointers to the elements. */
static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return g_strcmp0 (*(const char * const *) a, *(const char * const *) b);
}

static char *
base_name (const char *db_path)
{
  g_autofree char *name = g_path_get_basename (db_path);
  char *dot = strrchr (name, '.');

  if (dot != NULL && dot != name)
    *dot = '\0';
  return g_steal_pointer (&name);
}

char *
ivd_store_backup_dir (const char *db_path)
{
  g_autofree char *dir = g_path_get_dirname (db_path);

  return g_build_filename (dir, "backups", NULL);
}

static GDateTime *
parse_stamp (const char *stamp)
{
  int y, mo, d, h, mi, s;
  char end;

  if (sscanf (stamp, "%4d%2d%2d-%2d%2d%2d.db%c", &y, &mo, &d, &h, &mi, &s, &end) != 6)
    return NULL;
  return g_date_time_new_utc (y, mo, d, h, mi, s);
}

/* Backups of @db_path, oldest first (the names sort by time). */
static GPtrArray *
list_backups (const char *db_path)
{
  g_autofree char *dir = ivd_store_backup_dir (db_path);
  g_autofree char *base = base_name (db_path);
  g_autofree char *prefix = g_strconcat (base, "-", NULL);
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  GPtrArray *names = g_ptr_array_new_with_free_func (g_free);
  const char *name;

  while (d != NULL && (name = g_dir_read_name (d)) != NULL)
    {
      g_autoptr(GDateTime) taken = NULL;

      if (!g_str_has_prefix (name, prefix))
        continue;
      taken = parse_stamp (name + strlen (prefix));
      if (taken != NULL)
        g_ptr_array_add (names, g_build_filename (dir, name, NULL));
    }

  g_ptr_array_sort (names, compare_strings);
  return names;
}

char *
ivd_store_backup_find_newest (const char  *db_path,
                              GDateTime  **taken)
{
  g_autoptr(GPtrArray) names = list_backups (db_path);
  g_autofree char *base = base_name (db_path);
  const char *newest;

  if (names->len == 0)
    return NULL;

  newest = g_ptr_array_index (names, names->len - 1);
  if (taken != NULL)
    {
      g_autofree char *file = g_path_get_basename (newest);
      *taken = parse_stamp (file + strlen (base) + 1);
    }
  return g_strdup (newest);
}

static gboolean
create_private (const char  *path,
                GError     **error)
{
  int fd = g_open (path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);

  if (fd < 0)
    {
      int saved_errno = errno;
      g_set_error (error, IVD_STORE_ERROR, IVD_STORE_ERROR_WRITE,
                   _("The backup file %s cannot be created: %s"), path, g_strerror (saved_errno));
      return FALSE;
    }
  close (fd);
  return TRUE;
}

/* Copies @source into a new 0600 file at @dest_path with SQLite's online
 * backup, which gives a consistent copy of a live database. */
static gboolean
copy_database (sqlite3     *source,
               const char  *dest_path,
               GError     **error)
{
  sqlite3 *dest = NULL;
  sqlite3_backup *backup;
  int rc;

  if (!create_private (dest_path, error))
    return FALSE;

  rc = sqlite3_open_v2 (dest_path, &dest, SQLITE_OPEN_READWRITE, NULL);
  if (rc == SQLITE_OK)
    {
      backup = sqlite3_backup_init (dest, "main", source, "main");
      if (backup != NULL)
        {
          sqlite3_backup_step (backup, -1);
          sqlite3_backup_finish (backup);
        }
      rc = sqlite3_errcode (dest);
    }

  if (rc != SQLITE_OK)
    g_set_error (error, IVD_STORE_ERROR, IVD_STORE_ERROR_WRITE,
                 _("The backup could not be written to %s: %s"),
                 dest_path, dest != NULL ? sqlite3_errmsg (dest) : sqlite3_errstr (rc));
  sqlite3_close (dest);

  if (rc != SQLITE_OK)
    g_unlink (dest_path);
  return rc == SQLITE_OK;
}

static void
prune (const char *db_path)
{
  g_autoptr(GPtrArray) names = list_backups (db_path);

  for (guint i = 0; i + IVD_STORE_BACKUPS_KEPT < names->len; i++)
    if (g_unlink (g_ptr_array_index (names, i)) != 0)
      g_warning ("Could not remove an old backup: %s", g_strerror (errno));
}

/**
 * ivd_store_backup_write:
 *
 * Writes a backup of @source beside @db_path (in "backups/", 0700, the
 * file 0600), under a temporary name renamed when complete, and keeps the
 * newest IVD_STORE_BACKUPS_KEPT.
 */
gboolean
ivd_store_backup_write (sqlite3     *source,
                        const char  *db_path,
                        GDateTime   *now,
                        char       **backup_path,
                        GError     **error)
{
  g_autofree char *dir = ivd_store_backup_dir (db_path);
  g_autofree char *base = base_name (db_path);
  g_autofree char *stamp = g_date_time_format (now, STAMP_FORMAT);
  g_autofree char *name = g_strdup_printf ("%s-%s.db", base, stamp);
  g_autofree char *path = g_build_filename (dir, name, NULL);
  g_autofree char *partial = g_strconcat (path, ".partial", NULL);

  if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      int saved_errno = errno;
      g_set_error (error, IVD_STORE_ERROR, IVD_STORE_ERROR_WRITE,
                   _("The backup folder %s cannot be created: %s"), dir, g_strerror (saved_errno));
      return FALSE;
    }

  g_unlink (partial);
  if (!copy_database (source, partial, error))
    return FALSE;

  if (g_rename (partial, path) != 0)
    {
      int saved_errno = errno;
      g_unlink (partial);
      g_set_error (error, IVD_STORE_ERROR, IVD_STORE_ERROR_WRITE,
                   _("The backup could not be written to %s: %s"), path, g_strerror (saved_errno));
      return FALSE;
    }

  prune (db_path);
  if (backup_path != NULL)
    *backup_path = g_steal_pointer (&path);
  return TRUE;
}

/**
 * ivd_store_backup_restore:
 *
 * Puts the newest backup at @db_path. Refuses when a file is there: a
 * damaged database is moved aside first, never overwritten.
 */
gboolean
ivd_store_backup_restore (const char  *db_path,
                          char       **restored_from,
                          GError     **error)
{
  g_autofree char *newest = ivd_store_backup_find_newest (db_path, NULL);
  g_autofree char *partial = g_strconcat (db_path, ".restoring", NULL);
  sqlite3 *source = NULL;
  gboolean ok;

  if (newest == NULL)
    {
      g_set_error (error, IVD_STORE_ERROR, IVD_STORE_ERROR_NO_BACKUP,
                   _("There is no backup of the plan database to restore"));
      return FALSE;
    }

  if (g_file_test (db_path, G_FILE_TEST_EXISTS))
    {
      g_set_error (error, IVD_STORE_ERROR, IVD_STORE_ERROR_WRITE,
                   _("A plan database is already at %s; it is not overwritten by a backup"), db_path);
      return FALSE;
    }

  if (sqlite3_open_v2 (newest, &source, SQLITE_OPEN_READONLY, NULL) != SQLITE_OK)
    {
      g_set_error (error, IVD_STORE_ERROR, IVD_STORE_ERROR_NO_BACKUP,
                   _("The backup %s cannot be read: %s"), newest, sqlite3_errmsg (source));
      sqlite3_close (source);
      return FALSE;
    }

  g_unlink (partial);
  ok = copy_database (source, partial, error);
  sqlite3_close (source);

  if (ok && g_rename (partial, db_path) != 0)
    {
      int saved_errno = errno;
      g_unlink (partial);
      g_set_error (error, IVD_STORE_ERROR, IVD_STORE_ERROR_WRITE,
                   _("The backup could not be put at %s: %s"), db_path, g_strerror (saved_errno));
      return FALSE;
    }

  if (ok && restored_from != NULL)
    *restored_from = g_steal_pointer (&newest);
  return ok;
}

/**
 * ivd_store_move_aside:
 *
 * Renames a damaged database and its -wal and -shm files to
 * "<name>.damaged-<time>", so nothing overwrites them. Returns the new
 * name of the main file.
 */
char *
ivd_store_move_aside (const char  *db_path,
                      GDateTime   *now,
                      GError     **error)
{
  g_autofree char *stamp = g_date_time_format (now, STAMP_FORMAT);
  g_autofree char *aside = g_strdup_printf ("%s.damaged-%s", db_path, stamp);
  const char *suffixes[] = { "-wal", "-shm" };

  if (g_rename (db_path, aside) != 0)
    {
      int saved_errno = errno;
      g_set_error (error, IVD_STORE_ERROR, IVD_STORE_ERROR_DAMAGED,
                   _("The plan database %s is damaged and could not be moved aside (%s); "
                     "it was left as it is. Ask for help before using IV Discharge."),
                   db_path, g_strerror (saved_errno));
      return NULL;
    }

  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *from = g_strconcat (db_path, suffixes[i], NULL);
      g_autofree char *to = g_strconcat (aside, suffixes[i], NULL);

      if (g_file_test (from, G_FILE_TEST_EXISTS) && g_rename (from, to) != 0)
        g_warning ("Could not move a damaged database's %s file aside: %s", suffixes[i], g_strerror (errno));
    }

  return g_steal_pointer (&aside);
}
