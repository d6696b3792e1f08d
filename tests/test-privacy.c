#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "ivd-store.h"
#include "ivd-test-util.h"

/* Patient data stays private: the database (with its -wal and -shm), its
 * backups and every export are 0600 and the folders the app makes are
 * 0700, whatever the umask, on the real paths (the default data folder
 * under XDG_DATA_HOME, the command line); no file the app names and no
 * log line (debug messages included) holds the test person's CPR number
 * or name. The umask is set to a lax 022 so that only the app's own care
 * makes the files private. */

/* The person of IVD_TEST_ELIGIBLE_PLAN and tests/data/referral-plan.json. */
#define CPR "150650-1237"
#define CPR_DIGITS "1506501237"
#define NAME "Testperson Hansen"
#define SURNAME "Hansen"

static GPtrArray *log_lines;

/* The store logs with g_log() (g_debug, g_warning): every message passes
 * the default handler, debug ones too. */
static void
capture_log_cb (const char     *domain,
                GLogLevelFlags  level,
                const char     *message,
                gpointer        user_data)
{
  g_ptr_array_add (log_lines, g_strdup (message));

  /* Warnings still reach the test log (and fail the test). */
  if (level & (G_LOG_LEVEL_ERROR | G_LOG_LEVEL_CRITICAL | G_LOG_LEVEL_WARNING))
    g_log_default_handler (domain, level, message, user_data);
}

static gboolean
holds_patient_data (const char *text)
{
  return strstr (text, CPR) != NULL || strstr (text, CPR_DIGITS) != NULL || strstr (text, SURNAME) != NULL;
}

static void
assert_no_patient_data (const char *what,
                        const char *text)
{
  if (holds_patient_data (text))
    {
      /* Say where, never what. */
      g_test_message ("%s holds the test person's CPR number or name", what);
      g_test_fail ();
    }
}

static void
assert_mode (const char *path,
             guint       expected)
{
  GStatBuf st;
  g_autofree char *name = g_path_get_basename (path);

  g_assert_cmpint (g_stat (path, &st), ==, 0);
  if ((st.st_mode & 0777) != expected)
    {
      g_test_message ("%s is %03o, not %03o", name, st.st_mode & 0777, expected);
      g_test_fail ();
    }
}

/* Every name under @dir: none may carry the patient's CPR number or name. */
static void
assert_names_private (const char *dir)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  const char *name;

  g_assert_nonnull (d);
  while ((name = g_dir_read_name (d)) != NULL)
    {
      g_autofree char *child = g_build_filename (dir, name, NULL);

      assert_no_patient_data ("a file name the app chose", name);
      if (g_file_test (child, G_FILE_TEST_IS_DIR))
        assert_names_private (child);
    }
}

/* GLib prints debug messages on stdout too: the id is the line that is one. */
static char *
find_id (const char *out)
{
  g_auto(GStrv) lines = g_strsplit (out, "\n", -1);

  for (guint i = 0; lines[i] != NULL; i++)
    if (g_uuid_string_is_valid (g_strstrip (lines[i])))
      return g_strdup (lines[i]);
  g_assert_not_reached ();
}

static guint
count_entries (const char *dir)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  guint n = 0;

  g_assert_nonnull (d);
  while (g_dir_read_name (d) != NULL)
    n++;
  return n;
}

static char *
only_backup (const char *backups)
{
  g_autoptr(GDir) d = g_dir_open (backups, 0, NULL);
  const char *name;
  char *found = NULL;

  g_assert_nonnull (d);
  while ((name = g_dir_read_name (d)) != NULL)
    {
      g_assert_null (found);
      found = g_build_filename (backups, name, NULL);
    }
  g_assert_nonnull (found);
  return found;
}

/* In this process: the default database, its -wal and -shm while open, a
 * backup; the data folder made private even when it existed with 0755;
 * and every log message of the store while it works. */
static void
test_store_files (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(IvdCatalog) catalog = ivd_test_catalog ();
  g_autoptr(IvdStore) store = NULL;
  g_autoptr(IvdPlan) plan = ivd_test_plan (IVD_TEST_ELIGIBLE_PLAN);
  g_autoptr(IvdPlanRecord) record = NULL;
  g_autoptr(IvdPlanRecord) stale = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *path = ivd_store_dup_default_path ();
  g_autofree char *dir = g_path_get_dirname (path);
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  g_autofree char *shm = g_strconcat (path, "-shm", NULL);
  g_autofree char *backup = NULL;
  g_autofree char *problem = NULL;
  guint64 n_rows = 0;

  g_assert_true (g_str_has_prefix (path, g_getenv ("XDG_DATA_HOME")));
  /* Someone made the folder world-readable before the app ran. */
  g_assert_cmpint (g_mkdir_with_parents (dir, 0755), ==, 0);
  g_assert_cmpint (g_chmod (dir, 0755), ==, 0);

  log_lines = g_ptr_array_new_with_free_func (g_free);
  g_log_set_default_handler (capture_log_cb, NULL);

  store = ivd_store_open (NULL, catalog, &error);
  g_assert_no_error (error);
  record = ivd_store_create_plan (store, plan, &error);
  g_assert_no_error (error);
  stale = ivd_store_load_plan (store, ivd_plan_record_get_id (record), &error);
  g_assert_no_error (error);
  ivd_plan_set_string (plan, "patient.name", NAME " Jensen");
  g_assert_true (ivd_store_save_plan (store, record, &error));
  g_assert_no_error (error);
  /* A conflict and its message. */
  ivd_plan_set_int (ivd_plan_record_get_plan (stale), "treatment.days", 9);
  g_assert_false (ivd_store_save_plan (store, stale, &error));
  g_assert_nonnull (error);
  assert_no_patient_data ("the conflict message", error->message);
  g_clear_error (&error);
  g_assert_true (ivd_store_backup_if_due (store, now, &backup, &error));
  g_assert_no_error (error);
  g_assert_true (ivd_store_verify_audit (store, &n_rows, &problem, &error));
  g_assert_null (problem);

  assert_mode (dir, 0700);
  assert_mode (path, 0600);
  g_assert_true (g_file_test (wal, G_FILE_TEST_EXISTS));
  assert_mode (wal, 0600);
  g_assert_true (g_file_test (shm, G_FILE_TEST_EXISTS));
  assert_mode (shm, 0600);
  assert_mode (backup, 0600);
  {
    g_autofree char *backups = g_path_get_dirname (backup);
    assert_mode (backups, 0700);
  }
  assert_names_private (dir);

  g_clear_object (&store);
  g_log_set_default_handler (g_log_default_handler, NULL);
  g_test_message ("%u log messages from the store, none with patient data", log_lines->len);
  for (guint i = 0; i < log_lines->len; i++)
    assert_no_patient_data ("a log message", log_lines->pdata[i]);
  g_clear_pointer (&log_lines, g_ptr_array_unref);
}

/* The command line in a fresh home, with every debug message on: import
 * (with its backup), the plan file export, the four exports (one over an
 * existing 0644 file), a restore from the backup. */
static void
test_command_line_files (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *home = g_dir_make_tmp ("ivd-privacy-cli-XXXXXX", &error);
  g_autofree char *data_home = g_build_filename (home, ".local", "share", NULL);
  g_autofree char *data_dir = g_build_filename (data_home, "iv-discharge", NULL);
  g_autofree char *db = g_build_filename (data_dir, "plans.db", NULL);
  g_autofree char *backups = g_build_filename (data_dir, "backups", NULL);
  g_autofree char *out = g_build_filename (home, "out", NULL);
  g_autofree char *plan = g_test_build_filename (G_TEST_DIST, "data", "referral-plan.json", NULL);
  g_autofree char *directory = g_test_build_filename (G_TEST_DIST, "data", "directory.json", NULL);
  g_autofree char *home_env = g_strconcat ("HOME=", home, NULL);
  g_autofree char *data_env = g_strconcat ("XDG_DATA_HOME=", data_home, NULL);
  const char *env[] = { home_env, data_env, "G_MESSAGES_DEBUG=all", NULL };
  const char *formats[] = { "pdf", "fhir", "text", "handout" };
  g_autofree char *id = NULL;
  g_autofree char *backup = NULL;
  g_autofree char *aside = NULL;

  g_assert_no_error (error);
  g_assert_cmpint (g_mkdir (out, 0755), ==, 0);

  {
    g_auto(IvdTestRun) run = { 0, };
    ivd_test_run ((const char * const[]) { "--import", plan, NULL }, env, NULL, 0, &run);
    g_assert_cmpint (run.status, ==, 0);
    assert_no_patient_data ("--import's output", run.out);
    assert_no_patient_data ("--import's messages", run.err);
    id = find_id (run.out);
  }
  assert_mode (data_dir, 0700);
  assert_mode (db, 0600);
  assert_mode (backups, 0700);
  backup = only_backup (backups);
  assert_mode (backup, 0600);

  {
    g_auto(IvdTestRun) run = { 0, };
    g_autofree char *output = g_build_filename (out, "plan.json", NULL);
    ivd_test_run ((const char * const[]) { "--export-plan", id, "--output", output, NULL }, env, NULL, 0, &run);
    g_assert_cmpint (run.status, ==, 0);
    assert_no_patient_data ("--export-plan's messages", run.err);
    assert_mode (output, 0600);
  }

  for (guint i = 0; i < G_N_ELEMENTS (formats); i++)
    {
      g_auto(IvdTestRun) run = { 0, };
      g_autofree char *name = g_strconcat ("export.", formats[i], NULL);
      g_autofree char *output = g_build_filename (out, name, NULL);

      /* An earlier file the user left readable: the export replaces it private. */
      if (i == 0)
        {
          g_assert_true (g_file_set_contents (output, "old", -1, NULL));
          g_assert_cmpint (g_chmod (output, 0644), ==, 0);
        }
      ivd_test_run ((const char * const[]) { "--export", plan, "--format", formats[i], "--output", output,
                                             "--directory", directory, NULL }, env, NULL, 0, &run);
      g_assert_cmpint (run.status, ==, 0);
      assert_no_patient_data ("--export's output", run.out);
      assert_no_patient_data ("--export's messages", run.err);
      assert_mode (output, 0600);
    }
  /* Nothing left behind but what was asked for. */
  g_assert_cmpuint (count_entries (out), ==, 1 + G_N_ELEMENTS (formats));

  /* The database gone (moved aside): the backup is put back, private. */
  aside = g_build_filename (home, "aside.db", NULL);
  g_assert_cmpint (g_rename (db, aside), ==, 0);
  {
    g_auto(IvdTestRun) run = { 0, };
    ivd_test_run ((const char * const[]) { "--restore-backup", NULL }, env, NULL, 0, &run);
    g_assert_cmpint (run.status, ==, 0);
    assert_no_patient_data ("--restore-backup's messages", run.err);
  }
  assert_mode (db, 0600);
  assert_names_private (data_dir);

  ivd_test_remove_tree (home);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autofree char *root = g_dir_make_tmp ("ivd-privacy-XXXXXX", &error);
  g_autofree char *data_home = g_build_filename (root, "data", NULL);
  int status;

  g_assert_no_error (error);
  /* Before anything reads them: the default database lands here. */
  g_setenv ("HOME", root, TRUE);
  g_setenv ("XDG_DATA_HOME", data_home, TRUE);
  umask (022);

  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/privacy/store-files", test_store_files);
  g_test_add_func ("/privacy/command-line-files", test_command_line_files);
  status = g_test_run ();

  ivd_test_remove_tree (root);
  return status;
}
