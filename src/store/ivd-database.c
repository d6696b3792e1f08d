#define G_LOG_DOMAIN "ivd-database"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "ivd-database.h"
#include "ivd-store-error.h"
#include "ivd-store-private.h"

/* One SQLite connection with the settings plans need (WAL, full sync,
 * foreign keys, a busy timeout), a cache of prepared statements, and
 * errors a doctor can read. */

#define BUSY_TIMEOUT_MS 5000

struct _IvdDatabase
{
  GObject     parent_instance;

  char       *path;
  sqlite3    *handle;
  GHashTable *statements;
  gboolean    reconnect;  /* the disk failed: the next transaction starts on a fresh connection */
};

G_DEFINE_FINAL_TYPE (IvdDatabase, ivd_database, G_TYPE_OBJECT)

/* Tests only (ivd-store-private.h): the SQLite VFS every database is
 * opened with; NULL for SQLite's default. */
static char *test_vfs;

static void
finalize_statement (gpointer data)
{
  sqlite3_finalize (data);
}

/* The file is made 0600 before SQLite opens it; SQLite gives its -wal and
 * -shm files the same mode. */
static gboolean
ensure_private_file (const char  *path,
                     GError     **error)
{
  int fd = g_open (path, O_RDWR | O_CREAT | O_CLOEXEC, 0600);

  if (fd < 0)
    {
      int saved_errno = errno;
      g_set_error (error, IVD_STORE_ERROR, IVD_STORE_ERROR_OPEN,
                   _("The plan database %s cannot be opened for writing: %s"),
                   path, g_strerror (saved_errno));
      return FALSE;
    }

  if (fchmod (fd, 0600) != 0)
    g_debug ("Could not make the database private: %s", g_strerror (errno));
  close (fd);
  return TRUE;
}

static gboolean
apply_settings (IvdDatabase  *self,
                GError      **error)
{
  g_autoptr(IvdStatement) journal = NULL;

  sqlite3_busy_timeout (self->handle, BUSY_TIMEOUT_MS);
  sqlite3_extended_result_codes (self->handle, 1);

  journal = ivd_database_prepare (self, "PRAGMA journal_mode = WAL", error);
  if (journal == NULL || ivd_database_step (self, journal, error) != SQLITE_ROW)
    return FALSE;
  if (g_ascii_strcasecmp (ivd_database_column_text (journal, 0), "wal") != 0)
    {
      g_set_error (error, IVD_STORE_ERROR, IVD_STORE_ERROR_OPEN,
                   _("The plan database %s cannot use its safe write mode (WAL) here; "
                     "keep it on a local disk"), self->path);
      return FALSE;
    }

  /* trusted_schema stays on: the search index is kept by triggers that
   * write an FTS5 table, which SQLite refuses otherwise. The file is our
   * own, in a private folder. */
  return ivd_database_exec (self,
                            "PRAGMA synchronous = FULL;"
                            "PRAGMA foreign_keys = ON;",
                            error);
}

static GHashTable *
new_statement_cache (void)
{
  return g_hash_table_new_full (g_str_hash, g_str_equal, g_free, finalize_statement);
}

/* Opens self->handle with its settings; on failure leaves it NULL. */
static gboolean
connect_handle (IvdDatabase  *self,
                GError      **error)
{
  int rc = sqlite3_open_v2 (self->path, &self->handle, SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOFOLLOW, test_vfs);

  if (rc != SQLITE_OK)
    ivd_database_set_error (self, error, rc);
  if (rc == SQLITE_OK && apply_settings (self, error))
    return TRUE;

  g_hash_table_remove_all (self->statements);
  g_clear_pointer (&self->handle, sqlite3_close);
  return FALSE;
}

/* After a failed read or write SQLite's full-text index can keep state
 * from the failed statement into the next one, which then fails as if
 * the file were damaged: a fresh connection starts clean. The old one is
 * kept when the new one cannot be opened. */
static gboolean
reconnect (IvdDatabase  *self,
           GError      **error)
{
  sqlite3 *old_handle = g_steal_pointer (&self->handle);
  GHashTable *old_statements = g_steal_pointer (&self->statements);

  self->statements = new_statement_cache ();
  if (!connect_handle (self, error))
    {
      g_hash_table_unref (self->statements);
      self->statements = old_statements;
      self->handle = old_handle;
      return FALSE;
    }

  g_hash_table_unref (old_statements);
  sqlite3_close (old_handle);
  self->reconnect = FALSE;
  g_debug ("Opened the plan database again after a disk error");
  return TRUE;
}

static void
ivd_database_finalize (GObject *object)
{
  IvdDatabase *self = (IvdDatabase *) object;

  ivd_database_close (self);
  /* close leaves an empty table for statements prepared after it. */
  g_clear_pointer (&self->statements, g_hash_table_unref);
  g_clear_pointer (&self->path, g_free);

  G_OBJECT_CLASS (ivd_database_parent_class)->finalize (object);
}

static void
ivd_database_class_init (IvdDatabaseClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = ivd_database_finalize;
}

static void
ivd_database_init (IvdDatabase *self)
{
  self->statements = new_statement_cache ();
}

void
ivd_statement_release (IvdStatement *stmt)
{
  if (stmt == NULL)
    return;
  sqlite3_reset (stmt);
  sqlite3_clear_bindings (stmt);
}

/**
 * ivd_database_open:
 *
 * Opens (creating it 0600 if needed) the SQLite file at @path. Does not
 * check or migrate it: the store does that.
 */
IvdDatabase *
ivd_database_open (const char  *path,
                   GError     **error)
{
  g_autoptr(IvdDatabase) self = NULL;

  g_return_val_if_fail (path != NULL, NULL);

  if (!ensure_private_file (path, error))
    return NULL;

  self = g_object_new (IVD_TYPE_DATABASE, NULL);
  self->path = g_strdup (path);
  if (!connect_handle (self, error))
    return NULL;

  return g_steal_pointer (&self);
}

/**
 * ivd_database_set_vfs_for_tests:
 * @vfs_name: (nullable): a registered SQLite VFS, or NULL for the default
 *
 * For tests that make the disk fail: databases opened from now on go
 * through @vfs_name. Call it before any database is opened in a thread.
 */
void
ivd_database_set_vfs_for_tests (const char *vfs_name)
{
  g_free (test_vfs);
  test_vfs = g_strdup (vfs_name);
}

const char *
ivd_database_get_path (IvdDatabase *self)
{
  g_return_val_if_fail (IVD_IS_DATABASE (self), NULL);

  return self->path;
}

sqlite3 *
ivd_database_get_handle (IvdDatabase *self)
{
  g_return_val_if_fail (IVD_IS_DATABASE (self), NULL);

  return self->handle;
}

/**
 * ivd_database_prepare:
 *
 * Returns the cached statement for @sql, prepared once and reused; free it
 * with g_autoptr(IvdStatement), which resets it.
 */
IvdStatement *
ivd_database_prepare (IvdDatabase  *self,
                      const char   *sql,
                      GError      **error)
{
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (IVD_IS_DATABASE (self), NULL);
  g_return_val_if_fail (self->handle != NULL, NULL);

  stmt = g_hash_table_lookup (self->statements, sql);
  if (stmt != NULL)
    return stmt;

  rc = sqlite3_prepare_v3 (self->handle, sql, -1, SQLITE_PREPARE_PERSISTENT, &stmt, NULL);
  if (rc != SQLITE_OK)
    {
      ivd_database_set_error (self, error, rc);
      return NULL;
    }

  g_hash_table_insert (self->statements, g_strdup (sql), stmt);
  return stmt;
}

/* For schema scripts and pragmas, which run once. */
gboolean
ivd_database_exec (IvdDatabase  *self,
                   const char   *sql,
                   GError      **error)
{
  int rc;

  g_return_val_if_fail (IVD_IS_DATABASE (self), FALSE);

  rc = sqlite3_exec (self->handle, sql, NULL, NULL, NULL);
  if (rc != SQLITE_OK)
    {
      ivd_database_set_error (self, error, rc);
      return FALSE;
    }

  return TRUE;
}

/* Returns SQLITE_ROW or SQLITE_DONE, or -1 with @error set. */
int
ivd_database_step (IvdDatabase  *self,
                   IvdStatement *stmt,
                   GError      **error)
{
  int rc = sqlite3_step (stmt);

  if (rc == SQLITE_ROW || rc == SQLITE_DONE)
    return rc;

  ivd_database_set_error (self, error, rc);
  return -1;
}

gboolean
ivd_database_step_done (IvdDatabase  *self,
                        IvdStatement *stmt,
                        GError      **error)
{
  int rc = ivd_database_step (self, stmt, error);

  if (rc == SQLITE_ROW)
    {
      g_set_error (error, IVD_STORE_ERROR, IVD_STORE_ERROR_WRITE,
                   _("The plan database answered unexpectedly; nothing was changed"));
      return FALSE;
    }

  return rc == SQLITE_DONE;
}

/* IMMEDIATE: take the write lock at the start, so two writers queue up
 * (busy timeout) instead of failing half-way. After a disk error the
 * transaction starts on a fresh connection, so no caller may hold a
 * statement across a begin. */
gboolean
ivd_database_begin (IvdDatabase  *self,
                    GError      **error)
{
  g_autoptr(IvdStatement) stmt = NULL;

  if (self->reconnect && !reconnect (self, error))
    return FALSE;

  stmt = ivd_database_prepare (self, "BEGIN IMMEDIATE", error);
  return stmt != NULL && ivd_database_step_done (self, stmt, error);
}

gboolean
ivd_database_commit (IvdDatabase  *self,
                     GError      **error)
{
  g_autoptr(IvdStatement) stmt = ivd_database_prepare (self, "COMMIT", error);

  if (stmt != NULL && ivd_database_step_done (self, stmt, error))
    return TRUE;

  ivd_database_rollback (self);
  return FALSE;
}

void
ivd_database_rollback (IvdDatabase *self)
{
  g_return_if_fail (IVD_IS_DATABASE (self));

  if (self->handle != NULL && !sqlite3_get_autocommit (self->handle))
    sqlite3_exec (self->handle, "ROLLBACK", NULL, NULL, NULL);
}

gboolean
ivd_database_in_transaction (IvdDatabase *self)
{
  g_return_val_if_fail (IVD_IS_DATABASE (self), FALSE);

  return self->handle != NULL && !sqlite3_get_autocommit (self->handle);
}

void
ivd_database_set_error (IvdDatabase  *self,
                        GError      **error,
                        int           rc)
{
  const char *detail = self->handle != NULL ? sqlite3_errmsg (self->handle) : sqlite3_errstr (rc);

  if ((rc & 0xff) == SQLITE_IOERR || (rc & 0xff) == SQLITE_FULL)
    self->reconnect = TRUE;

  switch (rc & 0xff)
    {
    case SQLITE_FULL:
      g_set_error (error, IVD_STORE_ERROR, IVD_STORE_ERROR_WRITE,
                   _("The disk is full, so nothing was saved (and nothing half-written). "
                     "Free some space and the change will be saved."));
      break;

    case SQLITE_READONLY:
    case SQLITE_PERM:
    case SQLITE_CANTOPEN:
    case SQLITE_AUTH:
      g_set_error (error, IVD_STORE_ERROR, IVD_STORE_ERROR_WRITE,
                   _("The plan database %s cannot be written: the file or its folder is read-only "
                     "or not yours (%s). Nothing was saved."),
                   self->path, detail);
      break;

    case SQLITE_BUSY:
    case SQLITE_LOCKED:
      g_set_error (error, IVD_STORE_ERROR, IVD_STORE_ERROR_BUSY,
                   _("The plan database is busy in another window or program; nothing was saved. "
                     "Try again in a moment."));
      break;

    case SQLITE_CORRUPT:
    case SQLITE_NOTADB:
      g_set_error (error, IVD_STORE_ERROR, IVD_STORE_ERROR_DAMAGED,
                   _("The plan database %s is damaged (%s)"), self->path, detail);
      break;

    default:
      g_set_error (error, IVD_STORE_ERROR, IVD_STORE_ERROR_WRITE,
                   _("The plan database %s could not be used: %s. Nothing was saved."),
                   self->path, detail);
      break;
    }
}

int
ivd_database_get_user_version (IvdDatabase  *self,
                               GError      **error)
{
  g_autoptr(IvdStatement) stmt = ivd_database_prepare (self, "PRAGMA user_version", error);

  if (stmt == NULL || ivd_database_step (self, stmt, error) != SQLITE_ROW)
    return -1;

  return sqlite3_column_int (stmt, 0);
}

/**
 * ivd_database_check:
 * @problem: (out): what PRAGMA quick_check found, or NULL when sound
 *
 * Returns FALSE only when the check could not run for a reason that says
 * nothing about the file (busy, out of memory, ...): a locked database
 * must never be mistaken for a damaged one.
 */
gboolean
ivd_database_check (IvdDatabase  *self,
                    char        **problem,
                    GError      **error)
{
  g_autoptr(IvdStatement) stmt = NULL;
  g_autoptr(GError) local_error = NULL;

  *problem = NULL;
  stmt = ivd_database_prepare (self, "PRAGMA quick_check", &local_error);
  if (stmt != NULL && ivd_database_step (self, stmt, &local_error) == SQLITE_ROW)
    {
      if (g_strcmp0 (ivd_database_column_text (stmt, 0), "ok") != 0)
        *problem = g_strdup (ivd_database_column_text (stmt, 0));
      return TRUE;
    }

  if (g_error_matches (local_error, IVD_STORE_ERROR, IVD_STORE_ERROR_DAMAGED))
    {
      *problem = g_strdup (local_error->message);
      return TRUE;
    }

  g_propagate_error (error, g_steal_pointer (&local_error));
  return FALSE;
}

/* Finalizes every statement and closes the connection; idempotent. */
void
ivd_database_close (IvdDatabase *self)
{
  g_return_if_fail (IVD_IS_DATABASE (self));

  g_hash_table_remove_all (self->statements);
  if (self->handle != NULL)
    {
      sqlite3_close (self->handle);
      self->handle = NULL;
    }
  g_clear_pointer (&self->statements, g_hash_table_unref);
  self->statements = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, finalize_statement);
}

void
ivd_database_bind_text (IvdStatement *stmt,
                        int           index,
                        const char   *text)
{
  if (text == NULL)
    sqlite3_bind_null (stmt, index);
  else
    sqlite3_bind_text (stmt, index, text, -1, SQLITE_TRANSIENT);
}

const char *
ivd_database_column_text (IvdStatement *stmt,
                          int           column)
{
  return (const char *) sqlite3_column_text (stmt, column);
}
