#pragma once

#include <sqlite3.h>

#include <glib.h>

G_BEGIN_DECLS

/* Files around the plan database: daily backups beside it, and moving a
 * damaged file aside so that it is never overwritten. */

#define IVD_STORE_BACKUPS_KEPT 7

char     *ivd_store_backup_dir         (const char  *db_path);
char     *ivd_store_backup_find_newest (const char  *db_path,
                                        GDateTime  **taken);
gboolean  ivd_store_backup_write       (sqlite3     *source,
                                        const char  *db_path,
                                        GDateTime   *now,
                                        char       **backup_path,
                                        GError     **error);
gboolean  ivd_store_backup_restore     (const char  *db_path,
                                        char       **restored_from,
                                        GError     **error);
char     *ivd_store_move_aside         (const char  *db_path,
                                        GDateTime   *now,
                                        GError     **error);

G_END_DECLS
