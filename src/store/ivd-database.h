#pragma once

#include <sqlite3.h>

#include <glib-object.h>

G_BEGIN_DECLS

/* A cached statement; g_autoptr resets it (and so ends its read) instead
 * of finalizing it. */
typedef sqlite3_stmt IvdStatement;
void ivd_statement_release (IvdStatement *stmt);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (IvdStatement, ivd_statement_release)

#define IVD_TYPE_DATABASE (ivd_database_get_type ())

G_DECLARE_FINAL_TYPE (IvdDatabase, ivd_database, IVD, DATABASE, GObject)

IvdDatabase  *ivd_database_open         (const char   *path,
                                         GError      **error);
const char   *ivd_database_get_path     (IvdDatabase  *self);
sqlite3      *ivd_database_get_handle   (IvdDatabase  *self);
IvdStatement *ivd_database_prepare      (IvdDatabase  *self,
                                         const char   *sql,
                                         GError      **error);
gboolean      ivd_database_exec         (IvdDatabase  *self,
                                         const char   *sql,
                                         GError      **error);
int           ivd_database_step         (IvdDatabase  *self,
                                         IvdStatement *stmt,
                                         GError      **error);
gboolean      ivd_database_step_done    (IvdDatabase  *self,
                                         IvdStatement *stmt,
                                         GError      **error);
gboolean      ivd_database_begin        (IvdDatabase  *self,
                                         GError      **error);
gboolean      ivd_database_commit       (IvdDatabase  *self,
                                         GError      **error);
void          ivd_database_rollback     (IvdDatabase  *self);
gboolean      ivd_database_in_transaction (IvdDatabase *self);
void          ivd_database_set_error    (IvdDatabase  *self,
                                         GError      **error,
                                         int           rc);
int           ivd_database_get_user_version (IvdDatabase *self,
                                             GError     **error);
gboolean      ivd_database_check        (IvdDatabase  *self,
                                         char        **problem,
                                         GError      **error);
void          ivd_database_close        (IvdDatabase  *self);

void          ivd_database_bind_text    (IvdStatement *stmt,
                                         int           index,
                                         const char   *text);
const char   *ivd_database_column_text  (IvdStatement *stmt,
                                         int           column);

G_END_DECLS
