#include <errno.h>
#include <signal.h>
#include <string.h>
#include <unistd.h>

#include <gio/gunixinputstream.h>
#include <glib/gstdio.h>

#include "ivd-store.h"
#include "ivd-store-private.h"
#include "../ivd-test-util.h"

/* Crash safety: a writer process saves one plan as fast as it can and is
 * killed (SIGKILL) at a random moment, again and again. After each kill
 * the database must open, pass PRAGMA integrity_check, keep an intact
 * audit chain, and hold at least every save the writer had reported as
 * committed: nothing promised is lost, nothing half-written is seen.
 * Most kills land in the writer's save loop, after it has reported 0 to
 * 8 saves and 0 to 3 ms later: at a random point of a save. Counted in
 * saves, not milliseconds, a slow machine or the sanitizers change only
 * how long a round takes, and few saves a round keep the database (and
 * so the checks after each kill) small. One round in ten kills it in its
 * start-up instead, while it opens the file. 1,000 rounds; 200 under
 * AddressSanitizer, where a round costs several times as much;
 * IVD_CRASH_ROUNDS sets another number. */

#ifdef __SANITIZE_ADDRESS__
#define DEFAULT_ROUNDS 200
#else
#define DEFAULT_ROUNDS 1000
#endif
#define SEED 20261122
#define MAX_SAVES_BEFORE_KILL 8
#define MAX_EXTRA_US 3000
#define READY_TIMEOUT_MS 20000

typedef struct
{
  GSubprocess *process;
  int          fd;
  GString     *pending;   /* bytes after the last newline */
  GPtrArray   *lines;     /* complete lines not yet taken */
  gboolean     eof;
} Writer;

static void
writer_start (Writer     *w,
              const char *program,
              const char *path,
              const char *id)
{
  g_autoptr(GError) error = NULL;
  GInputStream *out;

  w->process = g_subprocess_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE, &error, program, path, id, NULL);
  g_assert_no_error (error);
  out = g_subprocess_get_stdout_pipe (w->process);
  g_assert_true (G_IS_UNIX_INPUT_STREAM (out));
  w->fd = g_unix_input_stream_get_fd (G_UNIX_INPUT_STREAM (out));
  w->pending = g_string_new (NULL);
  w->lines = g_ptr_array_new_with_free_func (g_free);
  w->eof = FALSE;
}

static void
writer_clear (Writer *w)
{
  g_clear_object (&w->process);
  g_string_free (w->pending, TRUE);
  g_ptr_array_unref (w->lines);
}

/* Reads what arrives until @deadline (monotonic µs; -1 for none), end
 * of file, or (@min_lines > 0) until @min_lines complete lines wait to be
 * taken, and splits it into lines. Returns FALSE at end of file. */
static gboolean
writer_read_until (Writer *w,
                   gint64  deadline,
                   guint   min_lines)
{
  while (!w->eof && (min_lines == 0 || w->lines->len < min_lines))
    {
      GPollFD pfd = { w->fd, G_IO_IN | G_IO_HUP | G_IO_ERR, 0 };
      gint64 now = g_get_monotonic_time ();
      gint timeout_ms;
      char buffer[4096];
      gssize n;
      int rc;

      if (deadline >= 0 && now >= deadline)
        break;
      timeout_ms = deadline < 0 ? -1 : (gint) ((deadline - now + 999) / 1000);

      rc = g_poll (&pfd, 1, timeout_ms);
      if (rc < 0 && errno == EINTR)
        continue;
      g_assert_cmpint (rc, >=, 0);
      if (rc == 0)
        continue;

      n = read (w->fd, buffer, sizeof buffer);
      if (n < 0 && errno == EINTR)
        continue;
      g_assert_cmpint (n, >=, 0);
      if (n == 0)
        {
          w->eof = TRUE;
          break;
        }

      g_string_append_len (w->pending, buffer, n);
      for (char *newline; (newline = memchr (w->pending->str, '\n', w->pending->len)) != NULL;)
        {
          gsize length = newline - w->pending->str;
          g_ptr_array_add (w->lines, g_strndup (w->pending->str, length));
          g_string_erase (w->pending, 0, length + 1);
        }
    }

  return !w->eof;
}

/* Takes the first complete line, or NULL. */
static char *
writer_take_line (Writer *w)
{
  if (w->lines->len == 0)
    return NULL;
  return g_ptr_array_steal_index (w->lines, 0);
}

static gint64
parse_number (const char *line,
              const char *prefix)
{
  guint64 value = 0;
  g_autoptr(GError) error = NULL;

  g_assert_true (g_str_has_prefix (line, prefix));
  g_ascii_string_to_unsigned (line + strlen (prefix), 10, 0, G_MAXINT64, &value, &error);
  g_assert_no_error (error);
  return (gint64) value;
}

static char *
query_text (sqlite3    *db,
            const char *sql,
            int        *n_rows)
{
  sqlite3_stmt *stmt = NULL;
  char *first = NULL;

  *n_rows = 0;
  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    if ((*n_rows)++ == 0)
      first = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);
  return first;
}

/* Opens the database after a kill and checks everything; returns the
 * stored counter. */
static gint64
verify_after_kill (const char *path,
                   IvdCatalog *catalog,
                   const char *id,
                   gint64      first_days,
                   gint64      last_committed)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(IvdStore) store = ivd_store_open (path, catalog, &error);
  g_autoptr(IvdPlanRecord) record = NULL;
  g_autoptr(IvdPlanQuery) query = NULL;
  g_autoptr(GPtrArray) plans = NULL;
  g_autofree char *check = NULL;
  g_autofree char *problem = NULL;
  g_autofree char *name = NULL;
  IvdPlanSummary *summary;
  IvdPlan *plan;
  guint64 n_audit = 0;
  gint64 days = -1;
  int n_rows = 0;

  g_assert_no_error (error);
  g_assert_nonnull (store);

  check = query_text (ivd_database_get_handle (ivd_store_get_database (store)), "PRAGMA integrity_check", &n_rows);
  g_assert_cmpstr (check, ==, "ok");
  g_assert_cmpint (n_rows, ==, 1);

  record = ivd_store_load_plan (store, id, &error);
  g_assert_no_error (error);
  plan = ivd_plan_record_get_plan (record);
  g_assert_true (ivd_plan_lookup_int (plan, "treatment.days", &days));

  /* Every reported save is there; at most one more, saved just before
   * the kill and not yet reported. */
  g_assert_cmpint (days, >=, last_committed);
  g_assert_cmpint (days, <=, last_committed + 1);

  /* Both fields of one save, never half of one. */
  name = g_strdup_printf ("Test Person %" G_GINT64_FORMAT, days);
  g_assert_cmpstr (ivd_plan_get_string (plan, "patient.name"), ==, name);
  g_assert_cmpint (ivd_plan_record_get_version (record), ==, 1 + days - first_days);

  /* The list columns and the search index moved with the document. */
  query = ivd_plan_query_new ();
  plans = ivd_store_list_plans (store, query, 0, 10, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (plans->len, ==, 1);
  summary = plans->pdata[0];
  {
    g_autofree char *listed_name = NULL;
    g_object_get (summary, "name", &listed_name, NULL);
    g_assert_cmpstr (listed_name, ==, name);
  }
  ivd_plan_query_set_text (query, name);
  g_assert_cmpuint (ivd_store_count_plans (store, query, &error), ==, 1);
  g_assert_no_error (error);

  /* One create row, then two field rows (days, name) per save. */
  g_assert_true (ivd_store_verify_audit (store, &n_audit, &problem, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (problem, ==, NULL);
  g_assert_cmpuint (n_audit, ==, 1 + 2 * (days - first_days));

  return days;
}

static void
test_kill_while_saving (void)
{
  const char *program = g_getenv ("IVD_STORE_WRITER");
  g_autoptr(GError) error = NULL;
  g_autoptr(IvdCatalog) catalog = NULL;
  g_autoptr(GRand) rand = g_rand_new_with_seed (SEED);
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  g_autofree char *id = NULL;
  gint64 first_days = -1;
  gint64 stored;
  guint64 total_committed = 0;
  guint rounds_with_commits = 0;
  guint rounds_unreported = 0;
  guint rounds_early = 0;
  gint64 started = g_get_monotonic_time ();
  gint64 checking = 0;
  guint rounds = DEFAULT_ROUNDS;

  if (program == NULL)
    {
      g_test_skip ("IVD_STORE_WRITER is not set (run through meson test)");
      return;
    }

  if (g_getenv ("IVD_CRASH_ROUNDS") != NULL)
    {
      guint64 value = 0;

      g_assert_true (g_ascii_string_to_unsigned (g_getenv ("IVD_CRASH_ROUNDS"), 10, 1, G_MAXUINT, &value, NULL));
      rounds = (guint) value;
    }

  dir = g_dir_make_tmp ("ivd-store-crash-XXXXXX", &error);
  g_assert_no_error (error);
  path = g_build_filename (dir, "plans.db", NULL);
  catalog = ivd_catalog_new_default (&error);
  g_assert_no_error (error);

  /* Round 0 creates the plan; it runs to its first save and is killed. */
  {
    Writer w;
    g_autofree char *line = NULL;

    writer_start (&w, program, path, NULL);
    writer_read_until (&w, started + READY_TIMEOUT_MS * G_TIME_SPAN_MILLISECOND, 3);
    g_subprocess_force_exit (w.process);
    g_subprocess_wait (w.process, NULL, &error);
    g_assert_no_error (error);
    writer_read_until (&w, -1, 0);
    g_assert_cmpuint (w.lines->len, >=, 2);
    line = writer_take_line (&w);
    g_assert_true (g_str_has_prefix (line, "id "));
    id = g_strdup (line + strlen ("id "));
    g_clear_pointer (&line, g_free);
    line = writer_take_line (&w);
    first_days = parse_number (line, "ready ");
    stored = first_days;
    g_clear_pointer (&line, g_free);
    while ((line = writer_take_line (&w)) != NULL)
      {
        stored = parse_number (line, "committed ");
        total_committed++;
        g_clear_pointer (&line, g_free);
      }
    stored = verify_after_kill (path, catalog, id, first_days, stored);
    writer_clear (&w);
  }

  for (guint round = 1; round <= rounds; round++)
    {
      Writer w;
      gint64 last_committed = stored;
      gint64 deadline;
      /* One round in ten kills the writer in its start-up instead (opening,
       * WAL recovery, quick_check), from 0 to 40 ms after the spawn. */
      gboolean early = g_rand_int_range (rand, 0, 10) == 0;
      guint saves = early ? 0 : (guint) g_rand_int_range (rand, 0, MAX_SAVES_BEFORE_KILL + 1);
      gint64 delay_us = early ? g_rand_int_range (rand, 0, 41) * G_TIME_SPAN_MILLISECOND
                              : g_rand_int_range (rand, 0, MAX_EXTRA_US + 1);
      guint committed_this_round = 0;
      gint64 checking_since;
      char *line;

      writer_start (&w, program, path, id);

      if (!early)
        {
          /* "ready" and that many saves reported: the kill lands in the
           * save loop. */
          deadline = g_get_monotonic_time () + READY_TIMEOUT_MS * G_TIME_SPAN_MILLISECOND;
          writer_read_until (&w, deadline, 1 + saves);
          g_assert_cmpuint (w.lines->len, >=, 1 + saves);
        }

      writer_read_until (&w, g_get_monotonic_time () + delay_us, 0);
      g_subprocess_force_exit (w.process);
      g_subprocess_wait (w.process, NULL, &error);
      g_assert_no_error (error);
      /* Killed by us, not dead of its own error. */
      g_assert_true (g_subprocess_get_if_signaled (w.process));
      g_assert_cmpint (g_subprocess_get_term_sig (w.process), ==, SIGKILL);
      if (early)
        rounds_early++;

      /* The pipe keeps what was written before the kill. */
      writer_read_until (&w, -1, 0);
      line = writer_take_line (&w);
      g_assert_true (early || line != NULL);
      if (line != NULL)
        g_assert_cmpint (parse_number (line, "ready "), ==, stored);
      for (g_free (line); (line = writer_take_line (&w)) != NULL; g_free (line))
        {
          gint64 n = parse_number (line, "committed ");
          g_assert_cmpint (n, ==, last_committed + 1);
          last_committed = n;
          committed_this_round++;
        }

      checking_since = g_get_monotonic_time ();
      stored = verify_after_kill (path, catalog, id, first_days, last_committed);
      checking += g_get_monotonic_time () - checking_since;
      if (stored > last_committed)
        rounds_unreported++;
      total_committed += committed_this_round;
      if (committed_this_round > 0)
        rounds_with_commits++;
      writer_clear (&w);
    }

  g_test_message ("%u rounds in %.1f s (%.1f s of it checking): %" G_GUINT64_FORMAT " saves reported "
                  "committed, %" G_GINT64_FORMAT " saves on disk; %u rounds killed after at least one save, "
                  "%u killed between a commit and its report, %u killed 0-40 ms after the spawn",
                  rounds, (g_get_monotonic_time () - started) / (double) G_TIME_SPAN_SECOND,
                  checking / (double) G_TIME_SPAN_SECOND,
                  total_committed, stored - first_days, rounds_with_commits, rounds_unreported, rounds_early);

  /* Not a stub: most kills landed among saves. */
  g_assert_cmpuint (rounds_with_commits, >=, rounds / 2);

  ivd_test_remove_tree (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/store/crash/kill-while-saving", test_kill_while_saving);

  return g_test_run ();
}
