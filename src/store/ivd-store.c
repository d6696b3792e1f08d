#define G_LOG_DOMAIN "ivd-store"

#include "config.h"

#include <errno.h>
#include <sys/stat.h>

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <gio/gio.h>

#include "ivd-audit.h"
#include "ivd-database.h"
#include "ivd-evaluation.h"
#include "ivd-plan-columns.h"
#include "ivd-plan-record-private.h"
#include "ivd-store-private.h"
#include "ivd-store-backup.h"
#include "ivd-store-schema.h"
#include "ivd-training-case.h"

/* Plans in one SQLite file: each plan is its design.md document plus
 * indexed columns for lists; every change is one transaction together with
 * its audit rows; a version number per plan turns a stale save into a
 * conflict instead of a silent overwrite. */
struct _IvdStore
{
  GObject      parent_instance;

  char        *path;
  IvdDatabase *db;
  IvdCatalog  *catalog;
  gint64       data_version;
  char        *counted_text;  /* the last text counted in its index, until the next change */
  gint64       counted;
  gboolean     training;  /* fictitious patients only (issue 7) */
};

G_DEFINE_FINAL_TYPE (IvdStore, ivd_store, G_TYPE_OBJECT)

enum {
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

#define PLAN_COLUMNS "p.id, p.status, p.region, p.municipality_code, p.start_date, p.updated, " \
                     "p.status_changed, p.name, p.cpr, p.end_date, p.open_items, p.status_reason"

static char *
now_string (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();

  return g_date_time_format (now, "%Y-%m-%dT%H:%M:%S.%fZ");
}

static void
emit_changed (IvdStore   *self,
              const char *id)
{
  g_clear_pointer (&self->counted_text, g_free);
  g_signal_emit (self, signals[CHANGED], 0, id);
}

/* ---- opening ---- */

static char *
damaged_message (const char *path,
                 const char *what,
                 const char *aside)
{
  g_autoptr(GDateTime) taken = NULL;
  g_autofree char *newest = ivd_store_backup_find_newest (path, &taken);
  g_autofree char *when = taken != NULL ? g_date_time_format (taken, "%Y-%m-%d %H:%M UTC") : NULL;

  if (newest == NULL)
    return g_strdup_printf (_("The plan database was damaged (%s). It has been moved aside, unchanged, to %s. "
                              "There is no backup yet; a new, empty database will be made."),
                            what, aside);

  return g_strdup_printf (_("The plan database was damaged (%s). It has been moved aside, unchanged, to %s. "
                            "The newest backup, from %s, can be restored."),
                          what, aside, when);
}

static void
set_damaged_error (const char  *path,
                   const char  *what,
                   GError     **error)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *aside = ivd_store_move_aside (path, now, error);

  if (aside != NULL)
    {
      g_autofree char *message = damaged_message (path, what, aside);
      g_set_error_literal (error, IVD_STORE_ERROR, IVD_STORE_ERROR_DAMAGED, message);
    }
}

static gboolean
prepare_folder (const char  *path,
                GError     **error)
{
  g_autofree char *dir = g_path_get_dirname (path);
  g_autofree char *default_path = ivd_store_dup_default_path ();
  g_autofree char *default_dir = g_path_get_dirname (default_path);

  if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      int saved_errno = errno;
      g_set_error (error, IVD_STORE_ERROR, IVD_STORE_ERROR_OPEN,
                   _("The folder %s for the plan database cannot be created: %s"), dir, g_strerror (saved_errno));
      return FALSE;
    }

  /* Our own folder is private whatever made it; a folder the user chose
   * with --database is theirs to set. */
  if (g_str_equal (dir, default_dir) && g_chmod (dir, 0700) != 0)
    g_debug ("Could not make %s private: %s", dir, g_strerror (errno));
  return TRUE;
}

/* A file emptied to zero bytes would open as a new, empty database: when
 * backups exist it was a database once, so it counts as damaged. */
static gboolean
was_emptied (const char *path)
{
  GStatBuf st;
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  g_autofree char *newest = NULL;

  if (g_stat (path, &st) != 0 || st.st_size != 0 || g_file_test (wal, G_FILE_TEST_EXISTS))
    return FALSE;

  newest = ivd_store_backup_find_newest (path, NULL);
  return newest != NULL;
}

#define TRAINING_APPLICATION_ID 1230390356 /* "IVDT" */

static gboolean
query_int (IvdStore    *self,
           const char  *sql,
           gint64      *value,
           GError     **error)
{
  g_autoptr(IvdStatement) stmt = ivd_database_prepare (self->db, sql, error);

  if (stmt == NULL || ivd_database_step (self->db, stmt, error) != SQLITE_ROW)
    return FALSE;
  *value = sqlite3_column_int64 (stmt, 0);
  return TRUE;
}

/* Before anything is written: a training database opens only as one, and
 * a real one never does; a new, empty file becomes what is asked for. */
static gboolean
check_kind (IvdStore  *self,
            GError   **error)
{
  gint64 application_id = 0, n_objects = 0;

  if (!query_int (self, "PRAGMA application_id", &application_id, error) ||
      !query_int (self, "SELECT count(*) FROM sqlite_master", &n_objects, error))
    return FALSE;

  if ((application_id == TRAINING_APPLICATION_ID) == self->training)
    return TRUE;
  if (self->training && application_id == 0 && n_objects == 0)
    return ivd_database_exec (self->db, "PRAGMA application_id = " G_STRINGIFY (TRAINING_APPLICATION_ID), error);

  if (self->training)
    g_set_error (error, IVD_STORE_ERROR, IVD_STORE_ERROR_WRONG_KIND,
                 _("%s holds real plans. Training mode never opens a real plan database; "
                   "it keeps its fictitious patients in a training database of its own."), self->path);
  else
    g_set_error (error, IVD_STORE_ERROR, IVD_STORE_ERROR_WRONG_KIND,
                 _("%s is a training database of fictitious patients, not a plan database. "
                   "Open it in training mode (iv-discharge --training); real plans are never kept there."),
                 self->path);
  return FALSE;
}

static gboolean
open_checked (IvdStore  *self,
              GError   **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autofree char *problem = NULL;

  if (was_emptied (self->path))
    {
      set_damaged_error (self->path, _("the file is empty"), error);
      return FALSE;
    }

  self->db = ivd_database_open (self->path, &local_error);
  if (self->db != NULL && ivd_database_check (self->db, &problem, &local_error) && problem == NULL &&
      check_kind (self, &local_error) &&
      ivd_store_schema_migrate (self->db, self->catalog, ivd_store_schema_get_latest (), &local_error))
    return TRUE;

  if (self->db != NULL)
    ivd_database_close (self->db);
  g_clear_object (&self->db);

  if (problem != NULL)
    set_damaged_error (self->path, problem, error);
  else if (g_error_matches (local_error, IVD_STORE_ERROR, IVD_STORE_ERROR_DAMAGED))
    set_damaged_error (self->path, local_error->message, error);
  else
    g_propagate_error (error, g_steal_pointer (&local_error));
  return FALSE;
}

static gint64
read_data_version (IvdStore *self)
{
  g_autoptr(IvdStatement) stmt = ivd_database_prepare (self->db, "PRAGMA data_version", NULL);

  if (stmt == NULL || ivd_database_step (self->db, stmt, NULL) != SQLITE_ROW)
    return -1;
  return sqlite3_column_int64 (stmt, 0);
}

/* ---- writing ---- */

static gboolean
audit (IvdStore    *self,
       const char  *plan_id,
       const char  *time,
       const char  *action,
       const char  *field,
       const char  *old_value,
       const char  *new_value,
       const char  *note,
       GError     **error)
{
  IvdAuditEntry entry = {
    0, plan_id, time, g_get_user_name (), action, field, old_value, new_value, note,
  };

  return ivd_audit_append (self->db, &entry, error);
}

/* Training mode (issue 7): a training database holds fictitious patients
 * only, and a real one never holds a training plan. The file says which it
 * is in its header (PRAGMA application_id, check_kind()), so that nothing
 * opens one as the other, whichever program tries; each plan of a training
 * database is marked too, so that it cannot be stored among real ones. */
static gboolean
check_plan_kind (IvdStore  *self,
                 IvdPlan   *plan,
                 GError   **error)
{
  if (self->training || !ivd_training_case_plan_is_training (plan))
    return TRUE;

  g_set_error (error, IVD_STORE_ERROR, IVD_STORE_ERROR_WRONG_KIND,
               _("This plan is a training case with a fictitious patient; it cannot be kept among real plans."));
  return FALSE;
}

/* Inside a transaction: the new row and its audit row. */
static char *
insert_locked (IvdStore    *self,
               IvdPlan     *plan,
               const char  *action,
               const char  *now,
               gint64      *pk,
               GError     **error)
{
  g_autofree char *id = g_uuid_string_random ();
  g_autofree char *document = NULL;
  g_auto(IvdPlanColumns) columns = { 0, };
  g_autoptr(IvdStatement) insert = NULL;

  if (self->training)
    ivd_training_case_mark_plan (plan);
  document = ivd_plan_to_data (plan);
  ivd_plan_columns_init (&columns, plan, self->catalog);
  insert = ivd_database_prepare (self->db,
                                 "INSERT INTO plans (id, document, status, version, created, updated, "
                                 "status_changed, " IVD_PLAN_COLUMN_NAMES ") "
                                 "VALUES (?, ?, 'draft', 1, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                                 error);
  if (insert == NULL)
    return NULL;

  ivd_database_bind_text (insert, 1, id);
  ivd_database_bind_text (insert, 2, document);
  ivd_database_bind_text (insert, 3, now);
  ivd_database_bind_text (insert, 4, now);
  ivd_database_bind_text (insert, 5, now);
  ivd_plan_columns_bind (insert, 6, &columns);
  if (!ivd_database_step_done (self->db, insert, error))
    return NULL;
  if (pk != NULL)
    *pk = sqlite3_last_insert_rowid (ivd_database_get_handle (self->db));
  if (!audit (self, id, now, action, NULL, NULL, document, NULL, error))
    return NULL;
  return g_steal_pointer (&id);
}

static IvdPlanRecord *
insert_plan (IvdStore    *self,
             IvdPlan     *plan,
             const char  *action,
             GError     **error)
{
  g_autofree char *now = now_string ();
  g_autofree char *id = NULL;

  if (!check_plan_kind (self, plan, error) || !ivd_database_begin (self->db, error))
    return NULL;

  if ((id = insert_locked (self, plan, action, now, NULL, error)) == NULL || !ivd_database_commit (self->db, error))
    {
      ivd_database_rollback (self->db);
      return NULL;
    }

  emit_changed (self, id);
  return ivd_plan_record_new (id, plan, IVD_PLAN_STATUS_DRAFT, NULL, 1, now, now);
}

/* Every leaf of a document as "dotted.path" -> its JSON text; arrays are
 * leaves, so a changed list of times is one audited change. */
/* For g_ptr_array_sort(), which passes pointers to the elements. */
static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return g_strcmp0 (*(const char * const *) a, *(const char * const *) b);
}

static void
flatten (JsonObject *object,
         const char *prefix,
         GHashTable *leaves)
{
  JsonObjectIter iter;
  const char *member;
  JsonNode *node;

  json_object_iter_init (&iter, object);
  while (json_object_iter_next (&iter, &member, &node))
    {
      g_autofree char *path = prefix != NULL ? g_strconcat (prefix, ".", member, NULL) : g_strdup (member);

      if (JSON_NODE_HOLDS_OBJECT (node) && json_object_get_size (json_node_get_object (node)) > 0)
        flatten (json_node_get_object (node), path, leaves);
      else
        g_hash_table_insert (leaves, g_steal_pointer (&path), json_to_string (node, FALSE));
    }
}

static GHashTable *
leaves_of (JsonObject *object)
{
  GHashTable *leaves = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);

  if (object != NULL)
    flatten (object, NULL, leaves);
  return leaves;
}

static gboolean
audit_field_changes (IvdStore    *self,
                     const char  *id,
                     const char  *now,
                     const char  *old_document,
                     IvdPlan     *plan,
                     GError     **error)
{
  g_autoptr(JsonNode) old_node = json_from_string (old_document, NULL);
  g_autoptr(GHashTable) old_leaves = leaves_of (old_node != NULL && JSON_NODE_HOLDS_OBJECT (old_node)
                                                ? json_node_get_object (old_node) : NULL);
  g_autoptr(GHashTable) new_leaves = leaves_of (ivd_plan_get_root (plan));
  g_autoptr(GPtrArray) paths = g_ptr_array_new ();
  GHashTableIter iter;
  const char *path;

  g_hash_table_iter_init (&iter, old_leaves);
  while (g_hash_table_iter_next (&iter, (gpointer *) &path, NULL))
    g_ptr_array_add (paths, (gpointer) path);
  g_hash_table_iter_init (&iter, new_leaves);
  while (g_hash_table_iter_next (&iter, (gpointer *) &path, NULL))
    if (!g_hash_table_contains (old_leaves, path))
      g_ptr_array_add (paths, (gpointer) path);
  g_ptr_array_sort (paths, compare_strings);

  for (guint i = 0; i < paths->len; i++)
    {
      const char *old_value = g_hash_table_lookup (old_leaves, paths->pdata[i]);
      const char *new_value = g_hash_table_lookup (new_leaves, paths->pdata[i]);

      if (g_strcmp0 (old_value, new_value) != 0 &&
          !audit (self, id, now, "field", paths->pdata[i], old_value, new_value, NULL, error))
        return FALSE;
    }

  return TRUE;
}

static gboolean
set_conflict_error (GError **error)
{
  g_set_error (error, IVD_STORE_ERROR, IVD_STORE_ERROR_CONFLICT,
               _("This plan was changed in another window or by another user after you opened it, "
                 "so your change was not saved over theirs. Your changes are still here."));
  return FALSE;
}

static gboolean
set_not_found_error (GError **error)
{
  g_set_error (error, IVD_STORE_ERROR, IVD_STORE_ERROR_NOT_FOUND,
               _("There is no plan with that id in this database"));
  return FALSE;
}

typedef struct
{
  gint64         pk;
  char          *document;
  IvdPlanStatus  status;
  gint64         version;
} Current;

static void
current_clear (Current *current)
{
  g_clear_pointer (&current->document, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Current, current_clear)

/* Reads the stored state inside the write transaction and checks that the
 * caller saw the newest version. */
static gboolean
lock_current (IvdStore       *self,
              IvdPlanRecord  *record,
              Current        *current,
              GError        **error)
{
  g_autoptr(IvdStatement) select = NULL;
  int rc;

  select = ivd_database_prepare (self->db, "SELECT pk, document, status, version FROM plans WHERE id = ?", error);
  if (select == NULL)
    return FALSE;
  ivd_database_bind_text (select, 1, ivd_plan_record_get_id (record));
  rc = ivd_database_step (self->db, select, error);
  if (rc < 0)
    return FALSE;
  if (rc == SQLITE_DONE)
    return set_not_found_error (error);

  current->pk = sqlite3_column_int64 (select, 0);
  current->document = g_strdup (ivd_database_column_text (select, 1));
  if (!ivd_plan_status_from_string (ivd_database_column_text (select, 2), &current->status))
    current->status = IVD_PLAN_STATUS_DRAFT;
  current->version = sqlite3_column_int64 (select, 3);

  if (current->version != ivd_plan_record_get_version (record))
    return set_conflict_error (error);
  return TRUE;
}

static gboolean
write_document (IvdStore       *self,
                const Current  *current,
                const char     *document,
                IvdPlanStatus   status,
                const char     *now,
                IvdPlan        *plan,
                GError        **error)
{
  g_auto(IvdPlanColumns) columns = { 0, };
  g_autoptr(IvdStatement) update = NULL;

  ivd_plan_columns_init (&columns, plan, self->catalog);
  update = ivd_database_prepare (self->db,
                                 "UPDATE plans SET document = ?, version = version + 1, updated = ?, "
                                 "status = ?, status_changed = CASE WHEN status = ? THEN status_changed ELSE ? END, "
                                 "status_reason = CASE WHEN status = ? THEN status_reason ELSE NULL END, "
                                 IVD_PLAN_COLUMN_SETS " WHERE pk = ?",
                                 error);
  if (update == NULL)
    return FALSE;

  ivd_database_bind_text (update, 1, document);
  ivd_database_bind_text (update, 2, now);
  ivd_database_bind_text (update, 3, ivd_plan_status_to_string (status));
  ivd_database_bind_text (update, 4, ivd_plan_status_to_string (status));
  ivd_database_bind_text (update, 5, now);
  ivd_database_bind_text (update, 6, ivd_plan_status_to_string (status));
  ivd_plan_columns_bind (update, 7, &columns);
  sqlite3_bind_int64 (update, 7 + IVD_PLAN_N_COLUMNS, current->pk);
  return ivd_database_step_done (self->db, update, error);
}

static gboolean
save_locked (IvdStore       *self,
             IvdPlanRecord  *record,
             const char     *document,
             const char     *now,
             IvdPlanStatus  *status,
             gboolean       *unchanged,
             GError        **error)
{
  g_auto(Current) current = { 0, };
  IvdPlan *plan = ivd_plan_record_get_plan (record);

  if (!lock_current (self, record, &current, error))
    return FALSE;

  *status = current.status;
  *unchanged = g_str_equal (current.document, document);
  if (*unchanged)
    return TRUE;

  if (!audit_field_changes (self, ivd_plan_record_get_id (record), now, current.document, plan, error))
    return FALSE;

  /* What the municipality was (or is about to be) told no longer holds. */
  if (ivd_plan_status_edit_returns_to_draft (current.status))
    {
      *status = IVD_PLAN_STATUS_DRAFT;
      if (!audit (self, ivd_plan_record_get_id (record), now, "status", "status",
                  ivd_plan_status_to_string (current.status), "draft", "edited", error))
        return FALSE;
    }

  return write_document (self, &current, document, *status, now, plan, error);
}

/* ---- reading lists ---- */

static gboolean
is_cpr_like (const char *term)
{
  for (const char *p = term; *p != '\0'; p++)
    if (!g_ascii_isdigit (*p) && *p != '-')
      return FALSE;
  return TRUE;
}

static char *
strip_dashes (const char *term)
{
  GString *out = g_string_new (NULL);

  for (const char *p = term; *p != '\0'; p++)
    if (*p != '-')
      g_string_append_c (out, *p);
  return g_string_free (out, FALSE);
}

static char *
dup_date (const GDate *date)
{
  return g_strdup_printf ("%04d-%02d-%02d", g_date_get_year (date), g_date_get_month (date), g_date_get_day (date));
}

/* A time as the store writes it (now_string ()): UTC with microseconds,
 * so that times compare as text. */
static char *
stored_time (GDateTime *time)
{
  g_autoptr(GDateTime) utc = g_date_time_to_utc (time);

  return g_date_time_format (utc, "%Y-%m-%dT%H:%M:%S.%fZ");
}

/* The query's "today" and the day after, as stored dates. */
static void
query_days (IvdPlanQuery  *query,
            char         **today,
            char         **tomorrow)
{
  GDate date;

  g_date_clear (&date, 1);
  if (ivd_plan_query_get_today (query) != NULL)
    g_date_set_parse (&date, ivd_plan_query_get_today (query));
  if (!g_date_valid (&date))
    {
      g_autoptr(GDateTime) now = g_date_time_new_now_local ();

      g_date_set_dmy (&date, g_date_time_get_day_of_month (now), g_date_time_get_month (now),
                      g_date_time_get_year (now));
    }
  *today = dup_date (&date);
  g_date_add_days (&date, 1);
  *tomorrow = dup_date (&date);
}

/* The coordinator's queues, on indexed columns. "Open items" are counted
 * at each save (ivd_plan_steps_count_open()). */
static void
add_queue_filter (GString      *where,
                  GPtrArray    *params,
                  IvdPlanQuery *query)
{
  g_autofree char *today = NULL;
  g_autofree char *tomorrow = NULL;

  switch (ivd_plan_query_get_queue (query))
    {
    case IVD_PLAN_QUEUE_AWAITING_ANSWER:
      g_string_append (where, " AND p.status = 'referred'");
      break;
    case IVD_PLAN_QUEUE_DISCHARGE_SOON:
      query_days (query, &today, &tomorrow);
      g_string_append (where, " AND p.status IN ('draft', 'ready', 'referred', 'accepted')"
                              " AND p.start_date BETWEEN ? AND ? AND p.open_items > 0");
      g_ptr_array_add (params, g_steal_pointer (&today));
      g_ptr_array_add (params, g_steal_pointer (&tomorrow));
      break;
    case IVD_PLAN_QUEUE_PAST_END:
      query_days (query, &today, &tomorrow);
      g_string_append (where, " AND p.status IN ('accepted', 'in_course') AND p.end_date < ?");
      g_ptr_array_add (params, g_steal_pointer (&today));
      break;
    case IVD_PLAN_QUEUE_NONE:
    default:
      break;
    }
}

static void
append_fts_term (GString    *match,
                 const char *term,
                 gboolean    prefix)
{
  g_autoptr(GString) quoted = g_string_new (term);

  g_string_replace (quoted, "\"", "\"\"", 0);
  g_string_append_printf (match, "%s\"%s\"%s", match->len > 0 ? " AND " : "", quoted->str, prefix ? "*" : "");
}

static gboolean
has_alnum (const char *term)
{
  for (const char *p = term; *p != '\0'; p = g_utf8_next_char (p))
    if (g_unichar_isalnum (g_utf8_get_char (p)))
      return TRUE;
  return FALSE;
}

/* Free text: each word must be in the name or the CPR number. Words of
 * three or more characters are found anywhere (the trigram index); shorter
 * ones at the start of a word of the name or of the CPR number (the word
 * index's prefixes): "Li" finds Eva Li, "15" 150650-1237. Both indexes
 * answer without reading the plans. */
typedef struct
{
  GString  *trigrams;    /* MATCH for plan_search, or empty */
  GString  *prefixes;    /* MATCH for plan_words, or empty */
  gboolean  impossible;  /* a word no name or number holds ("%") */
} TextMatch;

static void
text_match_clear (TextMatch *match)
{
  g_string_free (match->trigrams, TRUE);
  g_string_free (match->prefixes, TRUE);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (TextMatch, text_match_clear)

static void
text_match_init (TextMatch  *match,
                 const char *text)
{
  g_auto(GStrv) words = g_strsplit_set (text, " \t", -1);

  match->trigrams = g_string_new (NULL);
  match->prefixes = g_string_new (NULL);
  match->impossible = FALSE;
  for (guint i = 0; words[i] != NULL; i++)
    {
      /* "150650-1237" finds the stored "1506501237". */
      g_autofree char *term = is_cpr_like (words[i]) ? strip_dashes (words[i]) : g_strdup (words[i]);

      if (*term == '\0')
        continue;
      if (g_utf8_strlen (term, -1) >= 3)
        append_fts_term (match->trigrams, term, FALSE);
      else if (has_alnum (term))
        append_fts_term (match->prefixes, term, TRUE);
      else
        match->impossible = TRUE;
    }
}

/* @walk_order: test membership for each row in the list's order instead of
 * reading the matching rows and sorting them: for a word that matches
 * thousands of plans, the first page is found in a few of them. */
static void
add_text_filter (GString    *where,
                 GPtrArray  *params,
                 const char *text,
                 gboolean    walk_order)
{
  g_auto(TextMatch) match = { 0, };
  const char *pk = walk_order ? "+p.pk" : "p.pk";

  text_match_init (&match, text);
  if (match.impossible)
    g_string_append (where, " AND 0");
  if (match.trigrams->len > 0)
    {
      g_string_append_printf (where, " AND %s IN (SELECT rowid FROM plan_search WHERE plan_search MATCH ?)", pk);
      g_ptr_array_add (params, g_strdup (match.trigrams->str));
    }
  if (match.prefixes->len > 0)
    {
      g_string_append_printf (where, " AND %s IN (SELECT rowid FROM plan_words WHERE plan_words MATCH ?)", pk);
      g_ptr_array_add (params, g_strdup (match.prefixes->str));
    }
}

/* How many plans the text alone matches, from its full-text index only
 * (a few milliseconds for a million plans); -1 when it takes both indexes
 * or the text is empty. */
static gint64
count_text_matches (IvdStore   *self,
                    const char *text)
{
  g_auto(TextMatch) match = { 0, };
  g_autoptr(IvdStatement) stmt = NULL;
  gboolean trigrams;

  text_match_init (&match, text);
  if (match.impossible)
    return 0;
  if ((match.trigrams->len > 0) == (match.prefixes->len > 0))
    return -1;

  /* A keystroke counts its text once for the list and once per page. */
  if (self->counted_text != NULL && g_str_equal (self->counted_text, text))
    return self->counted;

  trigrams = match.trigrams->len > 0;
  stmt = ivd_database_prepare (self->db, trigrams ? "SELECT count(*) FROM plan_search WHERE plan_search MATCH ?"
                                                  : "SELECT count(*) FROM plan_words WHERE plan_words MATCH ?",
                               NULL);
  if (stmt == NULL)
    return -1;
  ivd_database_bind_text (stmt, 1, trigrams ? match.trigrams->str : match.prefixes->str);
  if (ivd_database_step (self->db, stmt, NULL) != SQLITE_ROW)
    return -1;
  g_free (self->counted_text);
  self->counted_text = g_strdup (text);
  self->counted = sqlite3_column_int64 (stmt, 0);
  return self->counted;
}

/* From this many matches of a word on, a page of a list sorted by any
 * column is found sooner by walking that column's index, testing each row
 * id against the word's matches: a page of 100 is met within 100,000
 * index entries of a million (a few milliseconds). Below it, reading the
 * few matching plans (a document each) and sorting them is quicker. */
#define DENSE_TEXT_MATCHES 1000

/* A query that filters by text and nothing else. */
static gboolean
only_text (IvdPlanQuery *query)
{
  return ivd_plan_query_get_text (query) != NULL && ivd_plan_query_get_statuses (query) == 0 &&
         ivd_plan_query_get_region (query) == NULL && ivd_plan_query_get_municipality_code (query) == NULL &&
         ivd_plan_query_get_start_from (query) == NULL && ivd_plan_query_get_start_to (query) == NULL &&
         ivd_plan_query_get_waiting_before (query) == NULL &&
         ivd_plan_query_get_queue (query) == IVD_PLAN_QUEUE_NONE;
}

static char *
build_where (IvdPlanQuery *query,
             GPtrArray    *params,
             gboolean      walk_order)
{
  GString *where = g_string_new (" WHERE 1");
  guint statuses = ivd_plan_query_get_statuses (query);

  if (statuses != 0)
    {
      gboolean first = TRUE;

      g_string_append (where, " AND p.status IN (");
      for (guint s = 0; s < IVD_PLAN_STATUS_N; s++)
        if (statuses & IVD_PLAN_QUERY_STATUS (s))
          {
            g_string_append (where, first ? "?" : ", ?");
            first = FALSE;
            g_ptr_array_add (params, g_strdup (ivd_plan_status_to_string (s)));
          }
      g_string_append (where, ")");
    }

#define FILTER(getter, sql) \
  if (getter (query) != NULL) \
    { \
      g_string_append (where, sql); \
      g_ptr_array_add (params, g_strdup (getter (query))); \
    }
  FILTER (ivd_plan_query_get_region, " AND p.region = ?")
  FILTER (ivd_plan_query_get_municipality_code, " AND p.municipality_code = ?")
  FILTER (ivd_plan_query_get_start_from, " AND p.start_date >= ?")
  FILTER (ivd_plan_query_get_start_to, " AND p.start_date <= ?")
#undef FILTER

  if (ivd_plan_query_get_waiting_before (query) != NULL)
    {
      g_string_append (where, " AND p.status_changed < ?");
      g_ptr_array_add (params, stored_time (ivd_plan_query_get_waiting_before (query)));
    }

  if (ivd_plan_query_get_text (query) != NULL)
    add_text_filter (where, params, ivd_plan_query_get_text (query), walk_order);
  add_queue_filter (where, params, query);

  return g_string_free (where, FALSE);
}

static const char *
order_column (IvdPlanSort sort)
{
  switch (sort)
    {
    case IVD_PLAN_SORT_START_DATE:     return "p.start_date";
    case IVD_PLAN_SORT_STATUS:         return IVD_STORE_STATUS_ORDER;
    case IVD_PLAN_SORT_MUNICIPALITY:   return "p.municipality_code";
    case IVD_PLAN_SORT_NAME:           return "p.name COLLATE NOCASE";
    case IVD_PLAN_SORT_STATUS_CHANGED: return "p.status_changed";
    case IVD_PLAN_SORT_CPR:            return "p.cpr";
    case IVD_PLAN_SORT_OPEN_ITEMS:     return "p.open_items";
    case IVD_PLAN_SORT_UPDATED:
    default:                           return "p.updated";
    }
}

static IvdStatement *
prepare_query (IvdStore      *self,
               IvdPlanQuery  *query,
               const char    *select,
               gboolean       ordered,
               GError       **error)
{
  g_autoptr(GPtrArray) params = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *where = NULL;
  g_autofree char *sql = NULL;
  gboolean walk_order;
  IvdStatement *stmt;

  /* A list searched by a common word ("Th") walks its order; a rare one
   * ("Thygesen") reads its few plans and sorts them. */
  walk_order = ordered && only_text (query) &&
               count_text_matches (self, ivd_plan_query_get_text (query)) >= DENSE_TEXT_MATCHES;
  where = build_where (query, params, walk_order);

  /* A page in two steps: the plans' row ids, found and sorted within the
   * indexes where they can be, then those rows only. In one step SQLite
   * reads every matching plan whole before sorting. */
  if (ordered)
    {
      const char *direction = ivd_plan_query_get_descending (query) ? "DESC" : "ASC";
      const char *order = order_column (ivd_plan_query_get_sort (query));

      sql = g_strdup_printf ("%s WHERE p.pk IN (SELECT p.pk FROM plans p%s ORDER BY %s %s, p.pk %s LIMIT ? OFFSET ?)"
                             " ORDER BY %s %s, p.pk %s",
                             select, where, order, direction, direction, order, direction, direction);
    }
  else
    sql = g_strconcat (select, where, NULL);

  stmt = ivd_database_prepare (self->db, sql, error);
  for (guint i = 0; stmt != NULL && i < params->len; i++)
    ivd_database_bind_text (stmt, i + 1, params->pdata[i]);
  return stmt;
}

static IvdPlanSummary *
summary_from_row (IvdStore     *self,
                  IvdStatement *stmt)
{
  IvdPlanStatus status = IVD_PLAN_STATUS_DRAFT;
  const char *code = ivd_database_column_text (stmt, 3);
  IvdMunicipality *municipality = code != NULL && self->catalog != NULL
                                  ? ivd_catalog_lookup_municipality (self->catalog, code) : NULL;

  ivd_plan_status_from_string (ivd_database_column_text (stmt, 1), &status);
  return g_object_new (IVD_TYPE_PLAN_SUMMARY,
                       "id", ivd_database_column_text (stmt, 0),
                       "status", status,
                       "region", ivd_database_column_text (stmt, 2),
                       "municipality-code", ivd_database_column_text (stmt, 3),
                       "start-date", ivd_database_column_text (stmt, 4),
                       "updated", ivd_database_column_text (stmt, 5),
                       "status-changed", ivd_database_column_text (stmt, 6),
                       "name", ivd_database_column_text (stmt, 7),
                       "cpr", ivd_database_column_text (stmt, 8),
                       "end-date", ivd_database_column_text (stmt, 9),
                       "open-items", sqlite3_column_type (stmt, 10) == SQLITE_NULL ? -1 : sqlite3_column_int (stmt, 10),
                       "status-reason", ivd_database_column_text (stmt, 11),
                       "municipality-name", municipality ? ivd_municipality_get_name (municipality) : NULL,
                       NULL);
}

/* ---- GObject ---- */

static void
ivd_store_finalize (GObject *object)
{
  IvdStore *self = (IvdStore *) object;

  g_clear_object (&self->db);
  g_clear_object (&self->catalog);
  g_clear_pointer (&self->path, g_free);
  g_clear_pointer (&self->counted_text, g_free);

  G_OBJECT_CLASS (ivd_store_parent_class)->finalize (object);
}

static void
ivd_store_class_init (IvdStoreClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = ivd_store_finalize;

  /**
   * IvdStore::changed:
   * @id: (nullable): the plan that changed, or NULL when another program
   *   changed the database
   *
   * Emitted after a change has committed.
   */
  signals[CHANGED] =
    g_signal_new ("changed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_STRING);
}

static void
ivd_store_init (IvdStore *self)
{
}

/* ---- public API ---- */

char *
ivd_store_dup_default_path (void)
{
  return g_build_filename (g_get_user_data_dir (), "iv-discharge", "plans.db", NULL);
}

/**
 * ivd_store_dup_configured_path:
 * @path: (nullable): a path the user gave (--database)
 *
 * The database to use: @path, else the database-path setting, else NULL
 * for the default. The schema may not be installed (a build tree): then
 * there is no setting.
 */
char *
ivd_store_dup_configured_path (const char *path)
{
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr(GSettingsSchema) schema = NULL;
  g_autoptr(GSettings) settings = NULL;
  g_autofree char *setting = NULL;

  if (path != NULL)
    return g_strdup (path);

  schema = source != NULL ? g_settings_schema_source_lookup (source, APP_ID, TRUE) : NULL;
  if (schema == NULL || !g_settings_schema_has_key (schema, "database-path"))
    return NULL;

  settings = g_settings_new_full (schema, NULL, NULL);
  setting = g_settings_get_string (settings, "database-path");
  return *setting != '\0' ? g_steal_pointer (&setting) : NULL;
}

/**
 * ivd_store_open:
 * @path: (nullable): the database file; NULL for the default
 * @catalog: for the region of a plan given only its municipality
 *
 * Opens or creates the database, checks it (PRAGMA quick_check) and brings
 * its schema up to date. A damaged file is moved aside, never overwritten,
 * and the error says where it went and whether a backup can be restored.
 */
static IvdStore *
open_store (const char  *path,
            IvdCatalog  *catalog,
            gboolean     training,
            GError     **error)
{
  g_autoptr(IvdStore) self = g_object_new (IVD_TYPE_STORE, NULL);

  g_return_val_if_fail (catalog == NULL || IVD_IS_CATALOG (catalog), NULL);

  self->training = training;
  self->path = path != NULL ? g_strdup (path)
                            : training ? ivd_store_dup_default_training_path () : ivd_store_dup_default_path ();
  self->catalog = catalog != NULL ? g_object_ref (catalog) : NULL;

  if (!prepare_folder (self->path, error) || !open_checked (self, error))
    return NULL;

  self->data_version = read_data_version (self);
  return g_steal_pointer (&self);
}

IvdStore *
ivd_store_open (const char  *path,
                IvdCatalog  *catalog,
                GError     **error)
{
  return open_store (path, catalog, FALSE, error);
}

/**
 * ivd_store_open_training:
 * @path: (nullable): the training database; NULL for the default
 *
 * As ivd_store_open(), for training mode's database of fictitious
 * patients. A new file is made a training database; a file of real plans
 * is refused with %IVD_STORE_ERROR_WRONG_KIND, untouched (and
 * ivd_store_open() refuses a training database the same way).
 */
IvdStore *
ivd_store_open_training (const char  *path,
                         IvdCatalog  *catalog,
                         GError     **error)
{
  return open_store (path, catalog, TRUE, error);
}

char *
ivd_store_dup_default_training_path (void)
{
  return g_build_filename (g_get_user_data_dir (), "iv-discharge", "training.db", NULL);
}

gboolean
ivd_store_get_training (IvdStore *self)
{
  g_return_val_if_fail (IVD_IS_STORE (self), FALSE);
  return self->training;
}

const char *
ivd_store_get_path (IvdStore *self)
{
  g_return_val_if_fail (IVD_IS_STORE (self), NULL);
  return self->path;
}

IvdCatalog *
ivd_store_get_catalog (IvdStore *self)
{
  g_return_val_if_fail (IVD_IS_STORE (self), NULL);
  return self->catalog;
}

/**
 * ivd_store_create_plan:
 * @plan: (nullable): the document; NULL for an empty plan
 *
 * Stores a new draft. The record keeps a reference to @plan: the caller
 * edits it and saves the record.
 */
IvdPlanRecord *
ivd_store_create_plan (IvdStore  *self,
                       IvdPlan   *plan,
                       GError   **error)
{
  g_autoptr(IvdPlan) empty = NULL;

  g_return_val_if_fail (IVD_IS_STORE (self), NULL);

  if (plan == NULL)
    plan = empty = ivd_plan_new ();
  return insert_plan (self, plan, "create", error);
}

/* As create, recorded in the audit trail as an import from a file. */
IvdPlanRecord *
ivd_store_import_plan (IvdStore  *self,
                       IvdPlan   *plan,
                       GError   **error)
{
  g_return_val_if_fail (IVD_IS_STORE (self), NULL);
  g_return_val_if_fail (IVD_IS_PLAN (plan), NULL);

  return insert_plan (self, plan, "import", error);
}

IvdPlanRecord *
ivd_store_load_plan (IvdStore    *self,
                     const char  *id,
                     GError     **error)
{
  g_autoptr(IvdStatement) select = NULL;
  g_autoptr(IvdPlan) plan = NULL;
  IvdPlanStatus status = IVD_PLAN_STATUS_DRAFT;
  const char *document;
  int rc;

  g_return_val_if_fail (IVD_IS_STORE (self), NULL);
  g_return_val_if_fail (id != NULL, NULL);

  select = ivd_database_prepare (self->db,
                                 "SELECT document, status, status_reason, version, created, updated "
                                 "FROM plans WHERE id = ?",
                                 error);
  if (select == NULL)
    return NULL;
  ivd_database_bind_text (select, 1, id);
  rc = ivd_database_step (self->db, select, error);
  if (rc < 0)
    return NULL;
  if (rc == SQLITE_DONE)
    {
      set_not_found_error (error);
      return NULL;
    }

  document = ivd_database_column_text (select, 0);
  plan = ivd_plan_new_from_stored_data (document, strlen (document), error);
  if (plan == NULL)
    return NULL;

  ivd_plan_status_from_string (ivd_database_column_text (select, 1), &status);
  return ivd_plan_record_new (id, plan, status,
                              ivd_database_column_text (select, 2),
                              sqlite3_column_int64 (select, 3),
                              ivd_database_column_text (select, 4),
                              ivd_database_column_text (select, 5));
}

/**
 * ivd_store_save_plan:
 *
 * Saves the record's document with one audit row per changed field, in one
 * transaction. A ready or referred plan returns to draft. When someone
 * else saved the plan since it was loaded, fails with
 * %IVD_STORE_ERROR_CONFLICT and changes nothing; the record keeps the
 * caller's edits either way.
 */
gboolean
ivd_store_save_plan (IvdStore       *self,
                     IvdPlanRecord  *record,
                     GError        **error)
{
  g_autofree char *document = NULL;
  g_autofree char *now = NULL;
  IvdPlanStatus status;
  gboolean unchanged = FALSE;

  g_return_val_if_fail (IVD_IS_STORE (self), FALSE);
  g_return_val_if_fail (IVD_IS_PLAN_RECORD (record), FALSE);

  if (!check_plan_kind (self, ivd_plan_record_get_plan (record), error))
    return FALSE;
  document = ivd_plan_to_data (ivd_plan_record_get_plan (record));
  now = now_string ();
  if (!ivd_database_begin (self->db, error))
    return FALSE;

  if (!save_locked (self, record, document, now, &status, &unchanged, error) ||
      !ivd_database_commit (self->db, error))
    {
      ivd_database_rollback (self->db);
      return FALSE;
    }

  /* Nothing new (an autosave after an undo): no version, no audit row. */
  if (unchanged)
    return TRUE;

  ivd_plan_record_set_stored (record, status,
                              status == ivd_plan_record_get_status (record)
                              ? ivd_plan_record_get_status_reason (record) : NULL,
                              ivd_plan_record_get_version (record) + 1, now);
  emit_changed (self, ivd_plan_record_get_id (record));
  return TRUE;
}

static gboolean
check_ready (IvdStore       *self,
             const char     *document,
             const GDate    *today,
             GError        **error)
{
  g_autoptr(IvdPlan) plan = ivd_plan_new_from_data (document, strlen (document), NULL);
  g_autoptr(IvdEvaluation) evaluation = NULL;

  if (plan != NULL && self->catalog != NULL)
    evaluation = ivd_evaluation_new (self->catalog, plan, today, NULL);

  if (evaluation != NULL && ivd_evaluation_get_ready (evaluation))
    return TRUE;

  g_set_error (error, IVD_STORE_ERROR, IVD_STORE_ERROR_TRANSITION,
               _("The plan is not ready yet: it must be eligible and every start-up checklist item done"));
  return FALSE;
}

static gboolean
write_status (IvdStore       *self,
              const Current  *current,
              IvdPlanStatus   status,
              const char     *reason,
              const char     *now,
              GError        **error)
{
  g_autoptr(IvdStatement) update = NULL;

  /* A referral starts the wait for the answer afresh; the answer is
   * kept with its time for the queues and the monitoring figures. */
  update = ivd_database_prepare (self->db,
                                 "UPDATE plans SET status = ?1, status_reason = ?2, status_changed = ?3, "
                                 "updated = ?3, version = version + 1, "
                                 "referred_at = CASE WHEN ?1 = 'referred' THEN ?3 ELSE referred_at END, "
                                 "answer = CASE WHEN ?1 = 'referred' THEN NULL "
                                 "  WHEN ?1 IN ('accepted', 'declined') THEN ?1 ELSE answer END, "
                                 "answered_at = CASE WHEN ?1 = 'referred' THEN NULL "
                                 "  WHEN ?1 IN ('accepted', 'declined') THEN ?3 ELSE answered_at END "
                                 "WHERE pk = ?4",
                                 error);
  if (update == NULL)
    return FALSE;
  ivd_database_bind_text (update, 1, ivd_plan_status_to_string (status));
  ivd_database_bind_text (update, 2, reason);
  ivd_database_bind_text (update, 3, now);
  sqlite3_bind_int64 (update, 4, current->pk);
  return ivd_database_step_done (self->db, update, error);
}

static gboolean
set_status_locked (IvdStore       *self,
                   IvdPlanRecord  *record,
                   IvdPlanStatus   status,
                   const char     *reason,
                   const GDate    *today,
                   const char     *now,
                   GError        **error)
{
  g_auto(Current) current = { 0, };

  if (!lock_current (self, record, &current, error))
    return FALSE;

  if (!ivd_plan_status_can_change_to (current.status, status))
    {
      g_set_error (error, IVD_STORE_ERROR, IVD_STORE_ERROR_TRANSITION,
                   _("A plan that is “%s” cannot become “%s”"),
                   ivd_plan_status_get_label (current.status), ivd_plan_status_get_label (status));
      return FALSE;
    }

  /* Ready is judged on what is stored, not on unsaved edits. */
  if (status == IVD_PLAN_STATUS_READY && !check_ready (self, current.document, today, error))
    return FALSE;

  return write_status (self, &current, status, reason, now, error) &&
         audit (self, ivd_plan_record_get_id (record), now, "status", "status",
                ivd_plan_status_to_string (current.status), ivd_plan_status_to_string (status), reason, error);
}

/**
 * ivd_store_set_status:
 * @reason: (nullable): why (declined, cancelled) or the outcome (ended)
 * @today: the date "ready" is judged on
 *
 * Moves the plan along its life cycle, if design.md allows the step.
 * Cancelling is the only way to remove a plan; nothing is deleted.
 */
gboolean
ivd_store_set_status (IvdStore       *self,
                      IvdPlanRecord  *record,
                      IvdPlanStatus   status,
                      const char     *reason,
                      const GDate    *today,
                      GError        **error)
{
  g_autofree char *stripped = NULL;
  g_autofree char *now = NULL;
  g_autoptr(GError) local_error = NULL;

  g_return_val_if_fail (IVD_IS_STORE (self), FALSE);
  g_return_val_if_fail (IVD_IS_PLAN_RECORD (record), FALSE);
  g_return_val_if_fail (status < IVD_PLAN_STATUS_N, FALSE);
  g_return_val_if_fail (today != NULL, FALSE);

  if (!ivd_plan_status_check_reason (status, reason, &local_error))
    {
      g_set_error_literal (error, IVD_STORE_ERROR, IVD_STORE_ERROR_TRANSITION, local_error->message);
      return FALSE;
    }

  stripped = reason != NULL ? g_strstrip (g_strdup (reason)) : NULL;
  if (stripped != NULL && *stripped == '\0')
    g_clear_pointer (&stripped, g_free);
  now = now_string ();

  if (!ivd_database_begin (self->db, error))
    return FALSE;
  if (!set_status_locked (self, record, status, stripped, today, now, error) ||
      !ivd_database_commit (self->db, error))
    {
      ivd_database_rollback (self->db);
      return FALSE;
    }

  ivd_plan_record_set_stored (record, status, stripped, ivd_plan_record_get_version (record) + 1, now);
  emit_changed (self, ivd_plan_record_get_id (record));
  return TRUE;
}

guint
ivd_store_count_plans (IvdStore      *self,
                       IvdPlanQuery  *query,
                       GError       **error)
{
  g_autoptr(IvdStatement) stmt = NULL;
  gint64 n;

  g_return_val_if_fail (IVD_IS_STORE (self), 0);
  g_return_val_if_fail (IVD_IS_PLAN_QUERY (query), 0);

  /* Text alone is counted in its index, without reading a plan. */
  if (only_text (query) && (n = count_text_matches (self, ivd_plan_query_get_text (query))) >= 0)
    return (guint) n;

  stmt = prepare_query (self, query, "SELECT count(*) FROM plans p", FALSE, error);
  if (stmt == NULL || ivd_database_step (self->db, stmt, error) != SQLITE_ROW)
    return 0;
  return (guint) sqlite3_column_int64 (stmt, 0);
}

/**
 * ivd_store_list_plans:
 *
 * Returns: (element-type IvdPlanSummary): up to @limit plans from @offset
 *   in the query's order, or NULL with @error set
 */
GPtrArray *
ivd_store_list_plans (IvdStore      *self,
                      IvdPlanQuery  *query,
                      guint          offset,
                      guint          limit,
                      GError       **error)
{
  g_autoptr(IvdStatement) stmt = NULL;
  g_autoptr(GPtrArray) plans = g_ptr_array_new_with_free_func (g_object_unref);
  int n_params;
  int rc;

  g_return_val_if_fail (IVD_IS_STORE (self), NULL);
  g_return_val_if_fail (IVD_IS_PLAN_QUERY (query), NULL);

  stmt = prepare_query (self, query, "SELECT " PLAN_COLUMNS " FROM plans p", TRUE, error);
  if (stmt == NULL)
    return NULL;
  n_params = sqlite3_bind_parameter_count (stmt);
  sqlite3_bind_int64 (stmt, n_params - 1, limit);
  sqlite3_bind_int64 (stmt, n_params, offset);

  while ((rc = ivd_database_step (self->db, stmt, error)) == SQLITE_ROW)
    g_ptr_array_add (plans, summary_from_row (self, stmt));

  return rc == SQLITE_DONE ? g_steal_pointer (&plans) : NULL;
}

/**
 * ivd_store_load_summary:
 *
 * One plan's row of the lists, as ivd_store_list_plans() gives it: for a
 * view that shows a plan it has just changed.
 */
IvdPlanSummary *
ivd_store_load_summary (IvdStore    *self,
                        const char  *id,
                        GError     **error)
{
  g_autoptr(IvdStatement) stmt = NULL;
  int rc;

  g_return_val_if_fail (IVD_IS_STORE (self), NULL);
  g_return_val_if_fail (id != NULL, NULL);

  stmt = ivd_database_prepare (self->db, "SELECT " PLAN_COLUMNS " FROM plans p WHERE p.id = ?", error);
  if (stmt == NULL)
    return NULL;
  ivd_database_bind_text (stmt, 1, id);
  rc = ivd_database_step (self->db, stmt, error);
  if (rc == SQLITE_DONE)
    set_not_found_error (error);
  return rc == SQLITE_ROW ? summary_from_row (self, stmt) : NULL;
}

/**
 * ivd_store_verify_audit:
 * @problem: (out): the first broken link, or NULL when the chain is intact
 */
gboolean
ivd_store_verify_audit (IvdStore  *self,
                        guint64   *n_rows,
                        char     **problem,
                        GError   **error)
{
  g_return_val_if_fail (IVD_IS_STORE (self), FALSE);

  return ivd_audit_verify (self->db, n_rows, problem, error);
}

/**
 * ivd_store_backup_if_due:
 * @backup_path: (out) (optional): the new backup, or NULL when none was due
 *
 * Writes a backup when the newest is a day old or there is none; keeps
 * the last seven.
 */
gboolean
ivd_store_backup_if_due (IvdStore    *self,
                         GDateTime   *now,
                         char       **backup_path,
                         GError     **error)
{
  g_autoptr(GDateTime) taken = NULL;
  g_autofree char *newest = NULL;

  g_return_val_if_fail (IVD_IS_STORE (self), FALSE);
  g_return_val_if_fail (now != NULL, FALSE);

  if (backup_path != NULL)
    *backup_path = NULL;

  newest = ivd_store_backup_find_newest (self->path, &taken);
  if (taken != NULL && g_date_time_difference (now, taken) < G_TIME_SPAN_DAY &&
      g_date_time_compare (now, taken) >= 0)
    return TRUE;

  return ivd_store_backup_write (ivd_database_get_handle (self->db), self->path, now, backup_path, error);
}

/**
 * ivd_store_restore_backup:
 *
 * After a damaged database was moved aside: puts the newest backup at
 * @path, to be opened with ivd_store_open().
 */
gboolean
ivd_store_restore_backup (const char  *path,
                          char       **restored_from,
                          GError     **error)
{
  g_autofree char *default_path = NULL;

  if (path == NULL)
    path = default_path = ivd_store_dup_default_path ();
  return ivd_store_backup_restore (path, restored_from, error);
}

/**
 * ivd_store_dup_newest_backup:
 * @path: (nullable): the database; NULL for the default
 *
 * Returns: (nullable): the backup ivd_store_restore_backup() would use
 */
char *
ivd_store_dup_newest_backup (const char *path)
{
  g_autofree char *default_path = NULL;

  if (path == NULL)
    path = default_path = ivd_store_dup_default_path ();
  return ivd_store_backup_find_newest (path, NULL);
}

/**
 * ivd_store_poll_changes:
 *
 * Notices commits by other programs on the same file (a coordinator's
 * window beside a doctor's) and emits #IvdStore::changed for them.
 * Returns whether there were any.
 */
gboolean
ivd_store_poll_changes (IvdStore *self)
{
  gint64 version;

  g_return_val_if_fail (IVD_IS_STORE (self), FALSE);

  version = read_data_version (self);
  if (version == self->data_version)
    return FALSE;

  self->data_version = version;
  emit_changed (self, NULL);
  return TRUE;
}

IvdDatabase *
ivd_store_get_database (IvdStore *self)
{
  g_return_val_if_fail (IVD_IS_STORE (self), NULL);
  return self->db;
}

/* The last case first, each a moment later than the one before, so that
 * the plan list (newest first) shows the cases in their order. */
static gboolean
reset_locked (IvdStore   *self,
              GPtrArray  *cases,
              GPtrArray  *plans,
              GError    **error)
{
  if (!ivd_database_exec (self->db, "DELETE FROM audit; DELETE FROM audit_head; DELETE FROM plans;", error))
    return FALSE;

  for (guint i = plans->len; i-- > 0;)
    {
      IvdTrainingCase *training_case = cases->pdata[i];
      IvdPlanStatus status = ivd_training_case_get_status (training_case);
      const char *reason = ivd_training_case_get_status_reason (training_case);
      g_autofree char *now = now_string ();
      Current current = { 0, };
      g_autofree char *id = insert_locked (self, plans->pdata[i], "import", now, &current.pk, error);

      if (id == NULL)
        return FALSE;
      if (status == IVD_PLAN_STATUS_DRAFT)
        continue;

      /* The case's place in the life cycle, set as it is (the steps
       * before it are not played through). */
      if (!write_status (self, &current, status, reason, now, error) ||
          !audit (self, id, now, "status", "status", "draft", ivd_plan_status_to_string (status), reason, error))
        return FALSE;
    }

  return TRUE;
}

/**
 * ivd_store_reset_training:
 * @cases: (element-type IvdTrainingCase): the cases to start from
 * @today: the day of the class: each case's dates are moved to it
 *
 * Empties a training database, audit trail and all, and stores @cases
 * again with the status each case names, in one transaction: on failure
 * the database is as it was. A real plan database is refused: nothing is
 * ever deleted from it.
 */
gboolean
ivd_store_reset_training (IvdStore     *self,
                          GPtrArray    *cases,
                          const GDate  *today,
                          GError      **error)
{
  g_autoptr(GPtrArray) plans = g_ptr_array_new_with_free_func (g_object_unref);

  g_return_val_if_fail (IVD_IS_STORE (self), FALSE);
  g_return_val_if_fail (cases != NULL, FALSE);
  g_return_val_if_fail (today != NULL, FALSE);

  if (!self->training)
    {
      g_set_error (error, IVD_STORE_ERROR, IVD_STORE_ERROR_WRONG_KIND,
                   _("Only a training database can be reset; real plans are never deleted."));
      return FALSE;
    }

  for (guint i = 0; i < cases->len; i++)
    {
      IvdPlan *plan = ivd_training_case_dup_plan_for (cases->pdata[i], today, error);

      if (plan == NULL)
        return FALSE;
      g_ptr_array_add (plans, plan);
    }

  if (!ivd_database_begin (self->db, error))
    return FALSE;
  if (!reset_locked (self, cases, plans, error) || !ivd_database_commit (self->db, error))
    {
      ivd_database_rollback (self->db);
      return FALSE;
    }

  emit_changed (self, NULL);
  return TRUE;
}
