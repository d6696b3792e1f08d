/* The store at scale: fills a fresh database with N synthetic, valid
 * plans, then times what a user waits for: opening the database, an
 * autosave, the first page of the list, a municipality filter and a
 * free-text search. Not a test; build-aux/bench/store-bench runs it.
 *
 *   store-bench N [N...]
 *   store-bench --fill PATH N
 *
 * --fill only fills a new database at PATH with N plans and keeps it, for
 * benchmarks that need a large database (build-aux/bench/startup-bench).
 * Prints progress on stderr and a markdown table on stdout. The fill
 * uses the store API (one transaction per plan, as the store allows)
 * with PRAGMA synchronous = OFF; everything timed runs with the store's
 * own settings (synchronous = FULL) on a freshly reopened store. */

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <glib/gstdio.h>

#include "ivd-plan-list.h"
#include "ivd-store.h"
#include "ivd-store-private.h"

#define SEED 20261122
#define AUTOSAVE_RUNS 200
#define LIST_RUNS 20
#define OPEN_RUNS 5
#define PAGE 50

#define NAME_FRAGMENT "Thyg"
#define CPR_PREFIX "1506"
#define FILTER_MUNICIPALITY "101"

static const char * const first_names[] = {
  "Anne", "Mette", "Kirsten", "Hanne", "Helle", "Anna", "Susanne", "Lene", "Maria", "Marianne",
  "Inge", "Karen", "Lone", "Bente", "Camilla", "Pia", "Louise", "Charlotte", "Ida", "Sofie",
  "Peter", "Michael", "Lars", "Jens", "Thomas", "Henrik", "Søren", "Christian", "Martin", "Jan",
  "Morten", "Jesper", "Anders", "Niels", "Mads", "Rasmus", "Per", "Ole", "Kim", "Jørgen",
};

static const char * const last_names[] = {
  "Nielsen", "Jensen", "Hansen", "Pedersen", "Andersen", "Christensen", "Larsen", "Sørensen",
  "Rasmussen", "Jørgensen", "Petersen", "Madsen", "Kristensen", "Olsen", "Thomsen", "Christiansen",
  "Poulsen", "Johansen", "Møller", "Mortensen", "Knudsen", "Jakobsen", "Mikkelsen", "Frederiksen",
  "Henriksen", "Laursen", "Lund", "Schmidt", "Eriksen", "Holm", "Kristiansen", "Clausen",
  "Simonsen", "Svendsen", "Andreasen", "Iversen", "Østergaard", "Jeppesen", "Vestergaard", "Thygesen",
};

static const char * const drugs[] = {
  "Cefuroxim", "Piperacillin/tazobactam", "Meropenem", "Ceftriaxon", "Vancomycin", "Benzylpenicillin",
};

typedef struct
{
  guint   n;
  double  fill_s;
  double  db_mb;
  double  open_ms;
  double  load_ms;
  double  save_median_ms;
  double  save_p99_ms;
  double  list_ms;
  double  municipality_ms;
  double  name_ms;
  double  cpr_ms;
  double  update_ms;
  double  reload_ms;
  guint   n_municipality;
  guint   n_name;
  guint   n_cpr;
  guint   n_not_draft;
  char   *statuses;
} Result;

static void G_GNUC_NORETURN
die (const char *what,
     GError     *error)
{
  fprintf (stderr, "store-bench: %s: %s\n", what, error != NULL ? error->message : "failed");
  exit (1);
}

static double
ms_since (gint64 start)
{
  return (g_get_monotonic_time () - start) / 1000.0;
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;
  return x < y ? -1 : x > y;
}

static double
percentile (GArray *values,
            double  p)
{
  guint index;

  g_array_sort (values, compare_doubles);
  index = (guint) (p * (values->len - 1) + 0.5);
  return g_array_index (values, double, MIN (index, values->len - 1));
}

static void
exec_or_die (IvdStore   *store,
             const char *sql)
{
  g_autoptr(GError) error = NULL;

  if (!ivd_database_exec (ivd_store_get_database (store), sql, &error))
    die (sql, error);
}

/* A valid CPR number: a real date of birth between 1925 and 2022 and a
 * seventh digit that gives its century. */
static char *
random_cpr (GRand *rand)
{
  GDate date;
  int year, seventh;

  g_date_clear (&date, 1);
  g_date_set_dmy (&date, 1, 1, 1925);
  g_date_add_days (&date, g_rand_int_range (rand, 0, 98 * 365));
  year = g_date_get_year (&date);
  if (year < 2000)
    seventh = g_rand_int_range (rand, 0, 4);
  else
    seventh = g_rand_boolean (rand) ? 4 : 9;

  return g_strdup_printf ("%02d%02d%02d-%d%03d", g_date_get_day (&date), g_date_get_month (&date),
                          year % 100, seventh, g_rand_int_range (rand, 0, 1000));
}

static IvdPlan *
random_plan (GRand      *rand,
             GPtrArray  *codes)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *cpr = random_cpr (rand);
  const char *code = codes->pdata[g_rand_int_range (rand, 0, codes->len)];
  GDate start;
  char start_text[16];
  g_autofree char *json = NULL;
  IvdPlan *plan;

  g_date_clear (&start, 1);
  /* From four months back (courses under way or past their end) to
   * eight months ahead. */
  g_date_set_dmy (&start, 23, 11, 2026);
  g_date_subtract_days (&start, 120);
  g_date_add_days (&start, g_rand_int_range (rand, 0, 365));
  g_date_strftime (start_text, sizeof start_text, "%Y-%m-%d", &start);

  json = g_strdup_printf (
    "{\"format\": \"iv-discharge-plan/1\","
    " \"patient\": {\"cpr\": \"%s\", \"name\": \"%s %s\", \"municipality_code\": \"%s\"},"
    " \"started_in_hospital\": true, \"stable\": true, \"requires_admission\": false,"
    " \"medically_suitable\": true, \"patient_consents\": true, \"patient_informed\": true,"
    " \"treatment\": {\"type\": \"antibiotic\", \"form\": \"iv_intermittent\", \"drug\": \"%s\","
    "   \"dose\": \"1,5 g\", \"administration_times\": [\"08:00\", \"14:00\", \"20:00\"], \"doses_per_day\": 3,"
    "   \"minutes_per_administration\": 30, \"days\": %d, \"start_date\": \"%s\","
    "   \"first_dose_given_in_hospital\": true, \"access\": \"picc\", \"must_not_be_left_alone\": false},"
    " \"alternatives\": {\"tablets\": \"Ingen peroral behandling med tilstrækkelig effekt\","
    "   \"self_administration\": \"Patienten kan ikke selv håndtere infusionen\","
    "   \"iv_pump\": \"Præparatet er ikke stabilt i 24 timer\"},"
    " \"place\": {\"kind\": \"home\", \"home_assessed_suitable\": true},"
    " \"checklist\": {\"START-PHONE\": true, \"START-PLAN\": true, \"START-REFERRAL\": true,"
    "   \"FMK-DOSE\": true, \"FMK-FREQ\": true, \"FMK-DAYS\": true, \"FMK-STOP\": true,"
    "   \"SUPPLY-MEDICINE\": true, \"SUPPLY-NURSING\": true, \"SUPPLY-DISPOSAL\": true,"
    "   \"DELEGATION\": true, \"GP-LETTER\": true, \"END-AGREED\": true}}",
    cpr,
    first_names[g_rand_int_range (rand, 0, G_N_ELEMENTS (first_names))],
    last_names[g_rand_int_range (rand, 0, G_N_ELEMENTS (last_names))],
    code,
    drugs[g_rand_int_range (rand, 0, G_N_ELEMENTS (drugs))],
    g_rand_int_range (rand, 3, 29),
    start_text);

  plan = ivd_plan_new_from_data (json, strlen (json), &error);
  if (plan == NULL)
    die ("a generated plan is not valid", error);
  return plan;
}

static void
set_or_die (IvdStore      *store,
            IvdPlanRecord *record,
            IvdPlanStatus  status,
            const char    *reason,
            const GDate   *today)
{
  g_autoptr(GError) error = NULL;

  if (!ivd_store_set_status (store, record, status, reason, today, &error))
    die (ivd_plan_status_to_string (status), error);
}

/* Mostly drafts; the rest through the life cycle as users would move
 * them, so that every queue of the coordinator has plans: 6 % cancelled,
 * 3 % ready, 4 % awaiting the answer, 2 % declined, 4 % accepted, 6 % in
 * course (some past their end), 5 % ended. */
static gboolean
random_status (IvdStore      *store,
               IvdPlanRecord *record,
               GRand         *rand,
               const GDate   *today)
{
  g_autoptr(GError) error = NULL;
  double r = g_rand_double (rand);

  if (r < 0.70)
    return FALSE;
  if (r < 0.76)
    {
      set_or_die (store, record, IVD_PLAN_STATUS_CANCELLED, "Genindlagt før udskrivelse", today);
      return TRUE;
    }
  /* Only an eligible plan can be ready: in a region without an agreement
   * it is not, and such a plan is cancelled instead. */
  if (!ivd_store_set_status (store, record, IVD_PLAN_STATUS_READY, NULL, today, &error))
    {
      if (!g_error_matches (error, IVD_STORE_ERROR, IVD_STORE_ERROR_TRANSITION))
        die ("ready", error);
      set_or_die (store, record, IVD_PLAN_STATUS_CANCELLED, "Ingen aftale med kommunen", today);
      return TRUE;
    }
  if (r < 0.79)
    return TRUE;
  set_or_die (store, record, IVD_PLAN_STATUS_REFERRED, NULL, today);
  if (r < 0.83)
    return TRUE;
  if (r < 0.85)
    {
      set_or_die (store, record, IVD_PLAN_STATUS_DECLINED, "Ingen kapacitet i aftenvagten", today);
      return TRUE;
    }
  set_or_die (store, record, IVD_PLAN_STATUS_ACCEPTED, NULL, today);
  if (r < 0.89)
    return TRUE;
  set_or_die (store, record, IVD_PLAN_STATUS_IN_COURSE, NULL, today);
  if (r >= 0.95)
    set_or_die (store, record, IVD_PLAN_STATUS_ENDED, "completed", today);
  return TRUE;
}

static guint
fill (const char *path,
      IvdCatalog *catalog,
      guint       n,
      GRand      *rand)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(IvdStore) store = ivd_store_open (path, catalog, &error);
  g_autoptr(GPtrArray) codes = g_ptr_array_new ();
  g_autoptr(GDate) today = g_date_new_dmy (22, 11, 2026);
  GListModel *municipalities = ivd_catalog_get_municipalities (catalog);
  guint not_draft = 0;
  gint64 start = g_get_monotonic_time ();

  if (store == NULL)
    die ("open for the fill", error);

  for (guint i = 0; i < g_list_model_get_n_items (municipalities); i++)
    {
      g_autoptr(IvdMunicipality) m = g_list_model_get_item (municipalities, i);
      g_ptr_array_add (codes, g_strdup (ivd_municipality_get_code (m)));
    }
  g_ptr_array_set_free_func (codes, g_free);

  exec_or_die (store, "PRAGMA synchronous = OFF");

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(IvdPlan) plan = random_plan (rand, codes);
      g_autoptr(IvdPlanRecord) record = ivd_store_create_plan (store, plan, &error);

      if (record == NULL)
        die ("create", error);
      not_draft += random_status (store, record, rand, today);

      if (n >= 10000 && (i + 1) % (n / 10) == 0)
        fprintf (stderr, "  %u plans, %.0f s\n", i + 1, ms_since (start) / 1000);
    }

  exec_or_die (store, "PRAGMA synchronous = FULL");
  exec_or_die (store, "PRAGMA wal_checkpoint(TRUNCATE)");
  return not_draft;
}

static double
file_mb (const char *path)
{
  GStatBuf st;
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  double size = 0;

  if (g_stat (path, &st) == 0)
    size += st.st_size;
  if (g_stat (wal, &st) == 0)
    size += st.st_size;
  return size / (1024.0 * 1024.0);
}

static char *
describe_statuses (IvdStore *store)
{
  sqlite3 *db = ivd_database_get_handle (ivd_store_get_database (store));
  sqlite3_stmt *stmt = NULL;
  GString *out = g_string_new (NULL);

  if (sqlite3_prepare_v2 (db, "SELECT status, count(*) FROM plans GROUP BY status ORDER BY 2 DESC",
                          -1, &stmt, NULL) != SQLITE_OK)
    die (sqlite3_errmsg (db), NULL);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    g_string_append_printf (out, "%s%s %lld", out->len > 0 ? ", " : "",
                            (const char *) sqlite3_column_text (stmt, 0),
                            (long long) sqlite3_column_int64 (stmt, 1));
  sqlite3_finalize (stmt);
  return g_string_free (out, FALSE);
}

static char *
random_id (IvdStore *store,
           GRand    *rand,
           guint     n)
{
  sqlite3 *db = ivd_database_get_handle (ivd_store_get_database (store));
  sqlite3_stmt *stmt = NULL;
  char *id = NULL;

  if (sqlite3_prepare_v2 (db, "SELECT id FROM plans WHERE pk = ?", -1, &stmt, NULL) != SQLITE_OK)
    die (sqlite3_errmsg (db), NULL);
  sqlite3_bind_int64 (stmt, 1, g_rand_int_range (rand, 1, n + 1));
  if (sqlite3_step (stmt) == SQLITE_ROW)
    id = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);
  if (id == NULL)
    die ("no plan at a random pk", NULL);
  return id;
}

/* Count and first page, as the list view asks; the median of LIST_RUNS. */
static double
time_query (IvdStore     *store,
            IvdPlanQuery *query,
            guint        *count)
{
  g_autoptr(GArray) times = g_array_new (FALSE, FALSE, sizeof (double));

  for (guint run = 0; run < LIST_RUNS; run++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GPtrArray) page = NULL;
      gint64 start = g_get_monotonic_time ();
      double ms;

      *count = ivd_store_count_plans (store, query, &error);
      if (error != NULL)
        die ("count", error);
      page = ivd_store_list_plans (store, query, 0, PAGE, &error);
      if (page == NULL)
        die ("list", error);
      ms = ms_since (start);
      g_array_append_val (times, ms);
      if (page->len != MIN (*count, PAGE))
        die ("the page does not match the count", NULL);
    }

  return percentile (times, 0.5);
}

static void
time_list_update (IvdStore *store,
                  Result   *result)
{
  g_autoptr(IvdPlanList) list = ivd_plan_list_new (store, NULL);
  g_autoptr(GArray) updates = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) reloads = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < LIST_RUNS; i++)
    {
      g_autoptr(IvdPlanSummary) top = g_list_model_get_item (G_LIST_MODEL (list), 0);
      g_autoptr(IvdPlanSummary) again = NULL;
      g_autoptr(IvdPlanRecord) record = ivd_store_load_plan (store, ivd_plan_summary_get_id (top), &error);
      gint64 start;
      double ms;

      if (record == NULL)
        die ("load the top plan", error);
      ivd_plan_set_int (ivd_plan_record_get_plan (record), "treatment.days", i % 28 + 1);
      if (!ivd_store_save_plan (store, record, &error))
        die ("save the top plan", error);
      /* The save's "changed" has already updated the list: time that
       * work on its own by replaying it. */
      start = g_get_monotonic_time ();
      g_signal_emit_by_name (store, "changed", ivd_plan_summary_get_id (top));
      again = g_list_model_get_item (G_LIST_MODEL (list), 0);
      ms = ms_since (start);
      g_array_append_val (updates, ms);

      start = g_get_monotonic_time ();
      ivd_plan_list_reload (list);
      g_clear_object (&again);
      again = g_list_model_get_item (G_LIST_MODEL (list), 0);
      ms = ms_since (start);
      g_array_append_val (reloads, ms);
    }
  result->update_ms = percentile (updates, 0.5);
  result->reload_ms = percentile (reloads, 0.5);
}

static void
run (guint       n,
     IvdCatalog *catalog,
     Result     *result)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GRand) rand = g_rand_new_with_seed (SEED);
  g_autofree char *dir = g_dir_make_tmp ("ivd-store-bench-XXXXXX", &error);
  g_autofree char *path = NULL;
  g_autoptr(IvdStore) store = NULL;
  g_autoptr(GArray) opens = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) loads = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) saves = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(IvdPlanQuery) query = NULL;
  gint64 start;

  if (dir == NULL)
    die ("temporary folder", error);
  path = g_build_filename (dir, "plans.db", NULL);
  result->n = n;

  fprintf (stderr, "N = %u: filling %s\n", n, path);
  start = g_get_monotonic_time ();
  result->n_not_draft = fill (path, catalog, n, rand);
  result->fill_s = ms_since (start) / 1000;
  result->db_mb = file_mb (path);
  fprintf (stderr, "  filled in %.1f s, %.1f MB\n", result->fill_s, result->db_mb);

  /* (a) open: ivd_store_open on the closed file, with its quick_check. */
  for (guint i = 0; i < OPEN_RUNS; i++)
    {
      double ms;

      g_clear_object (&store);
      start = g_get_monotonic_time ();
      store = ivd_store_open (path, catalog, &error);
      ms = ms_since (start);
      if (store == NULL)
        die ("reopen", error);
      g_array_append_val (opens, ms);
    }
  result->open_ms = percentile (opens, 0.5);
  result->statuses = describe_statuses (store);

  /* (b) autosave: one changed field of a random plan, synchronous = FULL. */
  for (guint i = 0; i < AUTOSAVE_RUNS; i++)
    {
      g_autofree char *id = random_id (store, rand, n);
      g_autoptr(IvdPlanRecord) record = NULL;
      gint64 days = 0;
      double ms;

      start = g_get_monotonic_time ();
      record = ivd_store_load_plan (store, id, &error);
      if (record == NULL)
        die ("load", error);
      ms = ms_since (start);
      g_array_append_val (loads, ms);

      ivd_plan_lookup_int (ivd_plan_record_get_plan (record), "treatment.days", &days);
      ivd_plan_set_int (ivd_plan_record_get_plan (record), "treatment.days", days % 28 + 1);

      start = g_get_monotonic_time ();
      if (!ivd_store_save_plan (store, record, &error))
        die ("save", error);
      ms = ms_since (start);
      g_array_append_val (saves, ms);
    }
  result->load_ms = percentile (loads, 0.5);
  result->save_median_ms = percentile (saves, 0.5);
  result->save_p99_ms = percentile (saves, 0.99);

  /* (c) the first page of the default list. */
  {
    guint count;

    query = ivd_plan_query_new ();
    result->list_ms = time_query (store, query, &count);
    if (count != n)
      die ("the default list does not count every plan", NULL);
    g_clear_object (&query);
  }

  /* (f) the open list after an autosave of the plan on top (the open
   * plan, recent first): the row is replaced in place; against a full
   * reload (count and first page again), as every save did before. */
  time_list_update (store, result);

  /* (d) one municipality. */
  query = ivd_plan_query_new ();
  ivd_plan_query_set_municipality_code (query, FILTER_MUNICIPALITY);
  result->municipality_ms = time_query (store, query, &result->n_municipality);
  g_clear_object (&query);

  /* (e) free text: a fragment of a name, the first digits of a CPR number. */
  query = ivd_plan_query_new ();
  ivd_plan_query_set_text (query, NAME_FRAGMENT);
  result->name_ms = time_query (store, query, &result->n_name);
  ivd_plan_query_set_text (query, CPR_PREFIX);
  result->cpr_ms = time_query (store, query, &result->n_cpr);
  g_clear_object (&query);

  g_clear_object (&store);
  {
    g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
    const char *name;

    while (d != NULL && (name = g_dir_read_name (d)) != NULL)
      {
        g_autofree char *child = g_build_filename (dir, name, NULL);
        g_unlink (child);
      }
    g_rmdir (dir);
  }
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autoptr(IvdCatalog) catalog = NULL;
  g_autoptr(GArray) results = g_array_new (FALSE, TRUE, sizeof (Result));

  if (argc < 2 || (g_str_equal (argv[1], "--fill") && argc != 4))
    {
      fprintf (stderr, "usage: %s N [N...]\n       %s --fill PATH N\n", argv[0], argv[0]);
      return 2;
    }

  catalog = ivd_catalog_new_default (&error);
  if (catalog == NULL)
    die ("catalog (is IVD_DATA_DIR set?)", error);

  /* The same plans as the timed runs (same seed), kept at PATH. A file
   * already there would mix with the new plans: refuse it. */
  if (g_str_equal (argv[1], "--fill"))
    {
      g_autoptr(GRand) rand = g_rand_new_with_seed (SEED);
      guint64 n = 0;

      if (!g_ascii_string_to_unsigned (argv[3], 10, 1, G_MAXUINT32, &n, &error))
        die (argv[3], error);
      if (g_file_test (argv[2], G_FILE_TEST_EXISTS))
        die ("the database already exists", NULL);
      fill (argv[2], catalog, (guint) n, rand);
      fprintf (stderr, "%s: %u plans, %.1f MB\n", argv[2], (guint) n, file_mb (argv[2]));
      return 0;
    }

  for (int i = 1; i < argc; i++)
    {
      guint64 n = 0;
      Result result = { 0, };

      if (!g_ascii_string_to_unsigned (argv[i], 10, 1, G_MAXUINT32, &n, &error))
        die (argv[i], error);
      run ((guint) n, catalog, &result);
      g_array_append_val (results, result);
    }

  fflush (stderr);
  printf ("\n| N | fill s | DB MB | open ms | load ms | autosave median ms | autosave p99 ms "
          "| list ms | municipality ms | name ms | CPR ms | list after autosave ms | list reload ms |\n"
          "|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
  for (guint i = 0; i < results->len; i++)
    {
      Result *r = &g_array_index (results, Result, i);
      printf ("| %u | %.1f | %.1f | %.2f | %.2f | %.2f | %.2f | %.2f | %.2f | %.2f | %.2f | %.2f | %.2f |\n",
              r->n, r->fill_s, r->db_mb, r->open_ms, r->load_ms, r->save_median_ms, r->save_p99_ms,
              r->list_ms, r->municipality_ms, r->name_ms, r->cpr_ms, r->update_ms, r->reload_ms);
    }

  printf ("\nopen: median of %d ivd_store_open() (with quick_check) on the closed file; load: "
          "ivd_store_load_plan(); autosave: ivd_store_save_plan() of one changed field on %d random plans; "
          "list, municipality (%s), name (\"%s\"), CPR (\"%s\"): count + first page of %d, median of %d; "
          "list after autosave: the open list's update for a save of its top plan (row replaced in place), "
          "against a full reload of the same list. "
          "Fill: ivd_store_create_plan() per plan with synchronous = OFF; timings with FULL.\n",
          OPEN_RUNS, AUTOSAVE_RUNS, FILTER_MUNICIPALITY, NAME_FRAGMENT, CPR_PREFIX, PAGE, LIST_RUNS);
  for (guint i = 0; i < results->len; i++)
    {
      Result *r = &g_array_index (results, Result, i);
      printf ("N = %u: statuses %s; matches: municipality %u, name %u, CPR %u\n",
              r->n, r->statuses, r->n_municipality, r->n_name, r->n_cpr);
      g_free (r->statuses);
    }
  return 0;
}
