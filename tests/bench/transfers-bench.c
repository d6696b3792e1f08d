/* The coordinator's transfers view at scale: on a filled plan database,
 * in a real 1280x800 window (Xvfb), times from a change to the first frame
 * painted after the view has updated:
 *
 *   - a keystroke in the search field (name, then CPR number, typed and
 *     deleted one character at a time; the entry's search delay set to 0
 *     here, so the figure is the app's own work; the delay is added in
 *     real use and printed beside it);
 *   - switching between the four queues;
 *   - scrolling down one page, and jumping to the middle of the list;
 *   - sorting by a column header.
 *
 *   transfers-bench DATABASE
 *
 * Prints one markdown table row per measure (median, 90th percentile,
 * runs). Not a test: build-aux/bench/transfers-bench runs it. */

#include <stdio.h>
#include <stdlib.h>

#include <adwaita.h>

#include "ivd-store.h"
#include "ivd-transfers-view.h"

#define TIMEOUT_US (60 * G_USEC_PER_SEC)

typedef struct
{
  GtkWindow        *window;
  IvdTransfersView *view;
  GdkFrameClock    *clock;
  guint             paints;
  guint             reloads;
} Bench;

static void G_GNUC_NORETURN
die (const char   *what,
     const GError *error)
{
  fprintf (stderr, "transfers-bench: %s: %s\n", what, error != NULL ? error->message : "failed");
  exit (1);
}

static void
on_after_paint_cb (GdkFrameClock *clock,
                   Bench         *b)
{
  b->paints++;
}

static void
on_reloaded_cb (IvdPlanList *list,
                Bench       *b)
{
  b->reloads++;
}

/* Runs the main loop until a frame has been painted after the list
 * changed (or, with @need_reload FALSE, after anything). */
static double
wait_painted (Bench    *b,
              gint64    start,
              guint     reloads_before,
              gboolean  need_reload)
{
  gint64 deadline = start + TIMEOUT_US;
  guint paints_after_reload = 0;
  guint paints_seen = b->paints;

  while (g_get_monotonic_time () < deadline)
    {
      g_main_context_iteration (NULL, TRUE);
      if (need_reload && b->reloads == reloads_before)
        {
          paints_seen = b->paints;
          continue;
        }
      paints_after_reload = b->paints - paints_seen;
      if (paints_after_reload > 0)
        return (g_get_monotonic_time () - start) / 1000.0;
    }
  fprintf (stderr, "transfers-bench: reloads %u (before %u), paints %u (seen %u)\n", b->reloads, reloads_before,
           b->paints, paints_seen);
  die ("no frame painted within 60 s", NULL);
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return x < y ? -1 : x > y;
}

static void
report (const char *what,
        GArray     *ms)
{
  double median, p90;

  g_array_sort (ms, compare_doubles);
  median = g_array_index (ms, double, ms->len / 2);
  p90 = g_array_index (ms, double, MIN (ms->len - 1, (ms->len * 9) / 10));
  printf ("| %s | %.1f | %.1f | %u |\n", what, median, p90, ms->len);
  fflush (stdout);
}

/* Lets the view settle (idle work, a recount) before the next change. */
static void
settle (void)
{
  gint64 end = g_get_monotonic_time () + 50 * 1000;

  while (g_get_monotonic_time () < end)
    if (!g_main_context_iteration (NULL, FALSE))
      g_usleep (1000);
}

static GtkWidget *
find_type (GtkWidget *root,
           GType      type)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found;

      if (G_TYPE_CHECK_INSTANCE_TYPE (child, type))
        return child;
      if ((found = find_type (child, type)) != NULL)
        return found;
    }
  return NULL;
}

static void
type_text (Bench       *b,
           GtkEditable *entry,
           const char  *text,
           GArray      *ms)
{
  g_autofree char *typed = g_strdup ("");

  /* Typed one character at a time, then deleted one at a time. */
  for (int step = 1; step <= 2 * (int) strlen (text); step++)
    {
      int length = step <= (int) strlen (text) ? step : 2 * (int) strlen (text) - step;
      g_autofree char *now = g_strndup (text, length);
      guint reloads = b->reloads;
      gint64 start = g_get_monotonic_time ();
      double elapsed;

      gtk_editable_set_text (entry, now);
      elapsed = wait_painted (b, start, reloads, TRUE);
      if (g_getenv ("IVD_BENCH_VERBOSE") != NULL)
        fprintf (stderr, "  \"%s\": %.1f ms, %u plans\n", now, elapsed,
                 g_list_model_get_n_items (G_LIST_MODEL (ivd_transfers_view_get_plans (b->view))));
      g_array_append_val (ms, elapsed);
      settle ();
    }
}

static void
bench_search (Bench *b)
{
  GtkSearchEntry *entry = GTK_SEARCH_ENTRY (find_type (GTK_WIDGET (b->view), GTK_TYPE_SEARCH_ENTRY));
  g_autoptr(GArray) ms = g_array_new (FALSE, FALSE, sizeof (double));
  guint delay = gtk_search_entry_get_search_delay (entry);
  g_autofree char *label = NULL;

  gtk_search_entry_set_search_delay (entry, 0);
  type_text (b, GTK_EDITABLE (entry), "Thygesen", ms);
  type_text (b, GTK_EDITABLE (entry), "150650", ms);
  label = g_strdup_printf ("keystroke in the search field (+ the entry's %u ms delay)", delay);
  report (label, ms);
}

static void
bench_queues (Bench *b)
{
  g_autoptr(GArray) ms = g_array_new (FALSE, FALSE, sizeof (double));

  for (guint round = 0; round < 5; round++)
    for (IvdPlanQueue queue = IVD_PLAN_QUEUE_AWAITING_ANSWER; queue <= IVD_PLAN_QUEUE_PAST_END + 1; queue++)
      {
        IvdPlanQueue next = queue > IVD_PLAN_QUEUE_PAST_END ? IVD_PLAN_QUEUE_NONE : queue;
        guint reloads = b->reloads;
        gint64 start = g_get_monotonic_time ();
        double elapsed;

        ivd_transfers_view_set_queue (b->view, next);
        elapsed = wait_painted (b, start, reloads, TRUE);
        if (g_getenv ("IVD_BENCH_VERBOSE") != NULL)
          fprintf (stderr, "  queue %d: %.1f ms, %u plans\n", next, elapsed,
                   g_list_model_get_n_items (G_LIST_MODEL (ivd_transfers_view_get_plans (b->view))));
        g_array_append_val (ms, elapsed);
        settle ();
      }
  report ("switching queues", ms);
}

static void
bench_scroll (Bench *b)
{
  GtkScrolledWindow *scroller = GTK_SCROLLED_WINDOW (gtk_widget_get_ancestor (
    find_type (GTK_WIDGET (b->view), GTK_TYPE_COLUMN_VIEW), GTK_TYPE_SCROLLED_WINDOW));
  GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (scroller);
  g_autoptr(GArray) page = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) jump = g_array_new (FALSE, FALSE, sizeof (double));

  for (guint i = 0; i < 20; i++)
    {
      gint64 start = g_get_monotonic_time ();
      double elapsed;

      gtk_adjustment_set_value (adjustment, gtk_adjustment_get_value (adjustment) +
                                            gtk_adjustment_get_page_size (adjustment));
      elapsed = wait_painted (b, start, b->reloads, FALSE);
      g_array_append_val (page, elapsed);
      settle ();
    }
  report ("scrolling one page down", page);

  for (guint i = 0; i < 10; i++)
    {
      double fraction = (i % 2 == 0) ? 0.5 + i * 0.02 : 0.1 + i * 0.03;
      double upper = gtk_adjustment_get_upper (adjustment) - gtk_adjustment_get_page_size (adjustment);
      gint64 start = g_get_monotonic_time ();
      double elapsed;

      gtk_adjustment_set_value (adjustment, upper * fraction);
      elapsed = wait_painted (b, start, b->reloads, FALSE);
      g_array_append_val (jump, elapsed);
      settle ();
    }
  report ("jumping to another part of the list (scroll bar)", jump);
  gtk_adjustment_set_value (adjustment, 0);
  settle ();
}

static void
bench_sort (Bench *b)
{
  GtkColumnView *view = GTK_COLUMN_VIEW (find_type (GTK_WIDGET (b->view), GTK_TYPE_COLUMN_VIEW));
  GListModel *columns = gtk_column_view_get_columns (view);
  g_autoptr(GArray) ms = g_array_new (FALSE, FALSE, sizeof (double));

  for (guint round = 0; round < 2; round++)
    for (guint i = 0; i < g_list_model_get_n_items (columns); i++)
      {
        g_autoptr(GtkColumnViewColumn) column = g_list_model_get_item (columns, i);
        guint reloads = b->reloads;
        gint64 start = g_get_monotonic_time ();
        double elapsed;

        gtk_column_view_sort_by_column (view, column, round == 0 ? GTK_SORT_ASCENDING : GTK_SORT_DESCENDING);
        elapsed = wait_painted (b, start, reloads, TRUE);
        g_array_append_val (ms, elapsed);
        settle ();
      }
  report ("sorting by a column", ms);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autoptr(IvdCatalog) catalog = NULL;
  g_autoptr(IvdStore) store = NULL;
  Bench b = { 0 };
  gint64 start;
  double first;

  if (argc != 2)
    {
      fprintf (stderr, "usage: %s DATABASE\n", argv[0]);
      return 2;
    }

  gtk_init ();
  adw_init ();
  if ((catalog = ivd_catalog_new_default (&error)) == NULL)
    die ("the data", error);
  if ((store = ivd_store_open (argv[1], catalog, &error)) == NULL)
    die (argv[1], error);

  b.window = GTK_WINDOW (gtk_window_new ());
  gtk_window_set_default_size (b.window, 1280, 800);
  b.view = IVD_TRANSFERS_VIEW (ivd_transfers_view_new ());
  ivd_transfers_view_set_today (b.view, "2026-11-23");
  gtk_window_set_child (b.window, GTK_WIDGET (b.view));

  start = g_get_monotonic_time ();
  ivd_transfers_view_set_store (b.view, store);
  gtk_window_present (b.window);
  gtk_widget_realize (GTK_WIDGET (b.window));
  b.clock = gtk_widget_get_frame_clock (GTK_WIDGET (b.window));
  g_signal_connect (b.clock, "after-paint", G_CALLBACK (on_after_paint_cb), &b);
  g_signal_connect (ivd_transfers_view_get_plans (b.view), "reloaded", G_CALLBACK (on_reloaded_cb), &b);
  first = wait_painted (&b, start, 0, FALSE);
  settle ();

  printf ("| %u plans: what | median ms | 90th percentile ms | runs |\n|---|---:|---:|---:|\n",
          ivd_store_count_plans (store, ivd_plan_list_get_query (ivd_transfers_view_get_plans (b.view)), NULL));
  printf ("| first frame of the view (store open, queues counted) | %.1f | | 1 |\n", first);
  bench_search (&b);
  bench_queues (&b);
  bench_scroll (&b);
  bench_sort (&b);

  gtk_window_destroy (b.window);
  return 0;
}
