#include "config.h"

#include <locale.h>

#include <glib/gi18n.h>
#include <adwaita.h>

#include "ivd-cpr.h"
#include "ivd-plan-sorter.h"
#include "ivd-status-dialog.h"
#include "ivd-store-private.h"
#include "ivd-test-util.h"
#include "ivd-transfers-view.h"

/* The coordinator's transfers view in a real window (Xvfb), on a store
 * seeded through the store itself: the queues and their counts, every
 * filter, sorting by a column header, the CPR number masked until a row
 * is opened, and the status changes recorded through the view's dialogs. */

typedef struct
{
  char             *dir;
  IvdCatalog       *catalog;
  IvdStore         *store;
  GtkWindow        *window;
  IvdTransfersView *view;
  char             *ids[6];
} Fixture;

typedef struct
{
  const char    *name;
  const char    *cpr;
  const char    *municipality;
  IvdPlanStatus  status;
  const char    *start;
  const char    *end;
  int            open_items;
} Seed;

/* Today is 2026-11-23. Awaiting an answer: Alfa, Beta; discharge today
 * or tomorrow with open items: Beta, Gamma; past its end: Delta. */
static const Seed seeds[] = {
  { "Testperson Alfa",    "0101701231", "101", IVD_PLAN_STATUS_REFERRED,  "2026-11-25", "2026-12-02", 0 },
  { "Testperson Beta",    "0202802342", "851", IVD_PLAN_STATUS_REFERRED,  "2026-11-24", "2026-12-01", 2 },
  { "Testperson Gamma",   "0303903453", "147", IVD_PLAN_STATUS_DRAFT,     "2026-11-23", "2026-11-30", 3 },
  { "Testperson Delta",   "0404604564", "101", IVD_PLAN_STATUS_IN_COURSE, "2026-11-01", "2026-11-10", 0 },
  { "Testperson Epsilon", "0505505675", "751", IVD_PLAN_STATUS_ACCEPTED,  "2026-11-30", "2026-12-08", 0 },
  { "Testperson Zeta",    "0606406786", "101", IVD_PLAN_STATUS_ENDED,     "2026-10-01", "2026-10-09", 0 },
};

enum { ALFA, BETA, GAMMA, DELTA, EPSILON, ZETA };

/* The shortest way through the life cycle to each status. */
static const IvdPlanStatus path_to[IVD_PLAN_STATUS_N][5] = {
  [IVD_PLAN_STATUS_REFERRED] = { IVD_PLAN_STATUS_READY, IVD_PLAN_STATUS_REFERRED },
  [IVD_PLAN_STATUS_ACCEPTED] = { IVD_PLAN_STATUS_READY, IVD_PLAN_STATUS_REFERRED, IVD_PLAN_STATUS_ACCEPTED },
  [IVD_PLAN_STATUS_IN_COURSE] = { IVD_PLAN_STATUS_READY, IVD_PLAN_STATUS_REFERRED, IVD_PLAN_STATUS_ACCEPTED,
                                  IVD_PLAN_STATUS_IN_COURSE },
  [IVD_PLAN_STATUS_ENDED] = { IVD_PLAN_STATUS_READY, IVD_PLAN_STATUS_REFERRED, IVD_PLAN_STATUS_ACCEPTED,
                              IVD_PLAN_STATUS_IN_COURSE, IVD_PLAN_STATUS_ENDED },
};

static void
iterate (guint ms)
{
  gint64 end = g_get_monotonic_time () + ms * 1000;

  while (g_get_monotonic_time () < end)
    {
      while (g_main_context_pending (NULL))
        g_main_context_iteration (NULL, FALSE);
      g_usleep (2000);
    }
}

static guint
n_shown (Fixture *f)
{
  return g_list_model_get_n_items (G_LIST_MODEL (ivd_transfers_view_get_plans (f->view)));
}

/* Waits (bounded) for the list to show @n plans: a search waits for the
 * entry's delay. */
#define wait_for_n(f, n) (g_test_message ("line %d", __LINE__), wait_for_n_items (f, n))

static void
wait_for_n_items (Fixture *f,
                  guint    n)
{
  for (guint i = 0; i < 200 && n_shown (f) != n; i++)
    iterate (5);
  g_assert_cmpuint (n_shown (f), ==, n);
}

/* Plans are made from an eligible example and taken through the life
 * cycle by the store; then the list's columns (what the view shows and
 * filters on) are given each seed's patient, place and dates. */
static void
seed_store (Fixture *f)
{
  g_autofree char *path = g_build_filename (g_getenv ("IVD_DATA_DIR"), "examples",
                                            "eligible-hovedstaden-antibiotic.json", NULL);
  GDate today;

  g_date_clear (&today, 1);
  g_date_set_dmy (&today, 23, 11, 2026);
  for (guint i = 0; i < G_N_ELEMENTS (seeds); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(IvdPlan) plan = ivd_plan_new_from_file (path, &error);
      g_autoptr(IvdPlanRecord) record = ivd_store_create_plan (f->store, plan, &error);
      IvdMunicipality *municipality = ivd_catalog_lookup_municipality (f->catalog, seeds[i].municipality);
      g_autofree char *sql = NULL;

      g_assert_no_error (error);
      for (guint s = 0; s < G_N_ELEMENTS (path_to[0]) && path_to[seeds[i].status][s] != 0; s++)
        {
          IvdPlanStatus next = path_to[seeds[i].status][s];

          ivd_store_set_status (f->store, record, next, next == IVD_PLAN_STATUS_ENDED ? "completed" : NULL,
                                &today, &error);
          g_assert_no_error (error);
        }
      sql = g_strdup_printf ("UPDATE plans SET name = '%s', cpr = '%s', municipality_code = '%s', region = '%s', "
                             "start_date = '%s', end_date = '%s', open_items = %d WHERE id = '%s'",
                             seeds[i].name, seeds[i].cpr, seeds[i].municipality,
                             ivd_municipality_get_region (municipality), seeds[i].start, seeds[i].end,
                             seeds[i].open_items, ivd_plan_record_get_id (record));
      g_assert_cmpint (sqlite3_exec (ivd_database_get_handle (ivd_store_get_database (f->store)), sql,
                                     NULL, NULL, NULL), ==, SQLITE_OK);
      f->ids[i] = g_strdup (ivd_plan_record_get_id (record));
    }
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;

  f->dir = g_dir_make_tmp ("ivd-transfers-view-XXXXXX", &error);
  g_assert_no_error (error);
  path = g_build_filename (f->dir, "plans.db", NULL);
  f->catalog = ivd_test_catalog ();
  f->store = ivd_store_open (path, f->catalog, &error);
  g_assert_no_error (error);
  seed_store (f);

  f->window = GTK_WINDOW (gtk_window_new ());
  gtk_window_set_default_size (f->window, 1200, 700);
  f->view = IVD_TRANSFERS_VIEW (ivd_transfers_view_new ());
  ivd_transfers_view_set_today (f->view, "2026-11-23");
  ivd_transfers_view_set_store (f->view, f->store);
  gtk_window_set_child (f->window, GTK_WIDGET (f->view));
  gtk_window_present (f->window);
  iterate (100);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  gtk_window_destroy (f->window);
  iterate (20);
  g_clear_object (&f->store);
  g_clear_object (&f->catalog);
  for (guint i = 0; i < G_N_ELEMENTS (f->ids); i++)
    g_free (f->ids[i]);
  ivd_test_remove_tree (f->dir);
  g_free (f->dir);
}

/* The first widget of @type below @root, or one whose label has @text. */
static GtkWidget *
find (GtkWidget  *root,
      GType       type,
      const char *text)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found;

      if (G_TYPE_CHECK_INSTANCE_TYPE (child, type) && gtk_widget_get_visible (child) &&
          (text == NULL ||
           (GTK_IS_LABEL (child) && g_str_equal (gtk_label_get_label (GTK_LABEL (child)), text)) ||
           (GTK_IS_INSCRIPTION (child) && g_strcmp0 (gtk_inscription_get_text (GTK_INSCRIPTION (child)), text) == 0)))
        return child;
      if ((found = find (child, type, text)) != NULL)
        return found;
    }
  return NULL;
}

static GtkWidget *
find_by_name (GtkWidget  *root,
              const char *name)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found;

      if (g_strcmp0 (gtk_widget_get_name (child), name) == 0)
        return child;
      if ((found = find_by_name (child, name)) != NULL)
        return found;
    }
  return NULL;
}

static IvdStatusDialog *
status_dialog (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) window = g_list_model_get_item (toplevels, i);

      if (IVD_IS_STATUS_DIALOG (window) && gtk_widget_get_visible (GTK_WIDGET (window)))
        return IVD_STATUS_DIALOG (window);
    }
  return NULL;
}

static IvdPlanStatus
stored_status (Fixture     *f,
               guint        seed,
               const char **reason)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(IvdPlanSummary) summary = ivd_store_load_summary (f->store, f->ids[seed], &error);
  static char *kept;

  g_assert_no_error (error);
  g_free (kept);
  kept = g_strdup (ivd_plan_summary_get_status_reason (summary));
  if (reason != NULL)
    *reason = kept;
  return ivd_plan_summary_get_status (summary);
}

/* Each queue lists what its count says, and only those plans. */
static void
test_queues (Fixture       *f,
             gconstpointer  data)
{
  const guint expected[] = { 6, 2, 2, 1 };

  for (IvdPlanQueue queue = IVD_PLAN_QUEUE_NONE; queue <= IVD_PLAN_QUEUE_PAST_END; queue++)
    {
      g_test_message ("queue %d", queue);
      g_assert_cmpuint (ivd_transfers_view_get_queue_count (f->view, queue), ==, expected[queue]);
      ivd_transfers_view_set_queue (f->view, queue);
      wait_for_n (f, expected[queue]);
    }

  /* The sidebar rows switch queues, and show the counts. */
  gtk_list_box_select_row (GTK_LIST_BOX (find (GTK_WIDGET (f->view), GTK_TYPE_LIST_BOX, NULL)),
                           GTK_LIST_BOX_ROW (find_by_name (GTK_WIDGET (f->view), "awaiting-answer")));
  g_assert_cmpint (ivd_transfers_view_get_queue (f->view), ==, IVD_PLAN_QUEUE_AWAITING_ANSWER);
  wait_for_n (f, 2);
  g_assert_nonnull (find (find_by_name (GTK_WIDGET (f->view), "past-end"), GTK_TYPE_LABEL, "1"));

  /* An empty queue says so. */
  ivd_transfers_view_set_today (f->view, "2026-10-01");
  ivd_transfers_view_set_queue (f->view, IVD_PLAN_QUEUE_PAST_END);
  wait_for_n (f, 0);
  g_assert_nonnull (find (GTK_WIDGET (f->view), GTK_TYPE_LABEL, _("No Transfers")));
}

static guint
dropdown_index (GtkDropDown *dropdown,
                const char  *text)
{
  GListModel *model = gtk_drop_down_get_model (dropdown);

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    if (g_str_equal (gtk_string_list_get_string (GTK_STRING_LIST (model), i), text))
      return i;
  g_assert_not_reached ();
}

/* The widget of @type below @root whose tooltip or placeholder is @text. */
static GtkWidget *
find_hinted (GtkWidget  *root,
             GType       type,
             const char *text)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found;

      if (G_TYPE_CHECK_INSTANCE_TYPE (child, type) &&
          (g_strcmp0 (gtk_widget_get_tooltip_text (child), text) == 0 ||
           (GTK_IS_ENTRY (child) && g_strcmp0 (gtk_entry_get_placeholder_text (GTK_ENTRY (child)), text) == 0)))
        return child;
      if ((found = find_hinted (child, type, text)) != NULL)
        return found;
    }
  return NULL;
}

static GtkDropDown *
dropdown (Fixture    *f,
          const char *tooltip)
{
  GtkWidget *found = find_hinted (GTK_WIDGET (f->view), GTK_TYPE_DROP_DOWN, tooltip);

  g_assert_nonnull (found);
  return GTK_DROP_DOWN (found);
}

static GtkEntry *
entry (Fixture    *f,
       const char *placeholder)
{
  GtkWidget *found = find_hinted (GTK_WIDGET (f->view), GTK_TYPE_ENTRY, placeholder);

  g_assert_nonnull (found);
  return GTK_ENTRY (found);
}

/* Free text, status, region, municipality and the start-date range. */
static void
test_filters (Fixture       *f,
              gconstpointer  data)
{
  GtkSearchEntry *search = GTK_SEARCH_ENTRY (find (GTK_WIDGET (f->view), GTK_TYPE_SEARCH_ENTRY, NULL));
  GtkDropDown *status = dropdown (f, _("Status"));
  GtkDropDown *region = dropdown (f, _("Region"));
  GtkDropDown *municipality = dropdown (f, _("Municipality"));
  GtkEntry *from = entry (f, _("From DD-MM-YYYY"));
  GtkEntry *to = entry (f, _("To DD-MM-YYYY"));

  gtk_editable_set_text (GTK_EDITABLE (search), "Gamma");
  wait_for_n (f, 1);
  gtk_editable_set_text (GTK_EDITABLE (search), "");
  wait_for_n (f, 6);

  gtk_drop_down_set_selected (status, 1 + IVD_PLAN_STATUS_REFERRED);
  wait_for_n (f, 2);
  gtk_drop_down_set_selected (status, 0);
  wait_for_n (f, 6);

  gtk_drop_down_set_selected (region, dropdown_index (region, _("Capital Region of Denmark")));
  wait_for_n (f, 4);
  ivd_transfers_view_recount (f->view);
  g_assert_cmpuint (ivd_transfers_view_get_queue_count (f->view, IVD_PLAN_QUEUE_AWAITING_ANSWER), ==, 1);
  /* Only the region's municipalities are offered. */
  g_assert_cmpuint (g_list_model_get_n_items (gtk_drop_down_get_model (municipality)), ==, 1 + 29);
  gtk_drop_down_set_selected (municipality, dropdown_index (municipality, "Frederiksberg"));
  wait_for_n (f, 1);
  gtk_drop_down_set_selected (region, 0);
  wait_for_n (f, 6);

  gtk_editable_set_text (GTK_EDITABLE (from), "24-11-2026");
  wait_for_n (f, 3);
  gtk_editable_set_text (GTK_EDITABLE (to), "2026-11-25");
  wait_for_n (f, 2);
  /* Not a date: marked, and it bounds nothing. */
  gtk_editable_set_text (GTK_EDITABLE (to), "31-02-2026");
  iterate (20);
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (to), "error"));
  wait_for_n (f, 3);
  gtk_editable_set_text (GTK_EDITABLE (to), "");
  g_assert_false (gtk_widget_has_css_class (GTK_WIDGET (to), "error"));
  wait_for_n (f, 3);
}

static const char *
first_name (Fixture *f)
{
  g_autoptr(IvdPlanSummary) first = g_list_model_get_item (G_LIST_MODEL (ivd_transfers_view_get_plans (f->view)), 0);
  static char *kept;

  g_free (kept);
  kept = g_strdup (ivd_plan_summary_get_name (first));
  return kept;
}

/* A column header sorts in the store, either way; the default is the
 * longest wait first. */
static void
test_sort (Fixture       *f,
           gconstpointer  data)
{
  GtkColumnView *view = GTK_COLUMN_VIEW (find (GTK_WIDGET (f->view), GTK_TYPE_COLUMN_VIEW, NULL));
  GListModel *columns = gtk_column_view_get_columns (view);
  g_autoptr(GtkColumnViewColumn) name = g_list_model_get_item (columns, 1);
  g_autoptr(GtkColumnViewColumn) open = g_list_model_get_item (columns, 6);
  IvdPlanQuery *query = ivd_plan_list_get_query (ivd_transfers_view_get_plans (f->view));

  g_assert_cmpint (ivd_plan_query_get_sort (query), ==, IVD_PLAN_SORT_STATUS_CHANGED);
  g_assert_false (ivd_plan_query_get_descending (query));

  gtk_column_view_sort_by_column (view, name, GTK_SORT_ASCENDING);
  iterate (20);
  g_assert_cmpint (ivd_plan_query_get_sort (query), ==, IVD_PLAN_SORT_NAME);
  g_assert_cmpstr (first_name (f), ==, "Testperson Alfa");
  gtk_column_view_sort_by_column (view, name, GTK_SORT_DESCENDING);
  iterate (20);
  g_assert_true (ivd_plan_query_get_descending (query));
  g_assert_cmpstr (first_name (f), ==, "Testperson Zeta");

  gtk_column_view_sort_by_column (view, open, GTK_SORT_DESCENDING);
  iterate (20);
  g_assert_cmpint (ivd_plan_query_get_sort (query), ==, IVD_PLAN_SORT_OPEN_ITEMS);
  g_assert_cmpstr (first_name (f), ==, "Testperson Gamma");
}

/* DDMMYY-xxxx in the table until the row is opened; then in full, in the
 * row and beside it. */
static void
test_cpr_masked (Fixture       *f,
                 gconstpointer  data)
{
  g_autofree char *masked = ivd_cpr_mask (seeds[ALFA].cpr);
  /* In full as written: DDMMYY-XXXX. */
  g_autofree char *full = g_strdup_printf ("%.6s-%s", seeds[ALFA].cpr, seeds[ALFA].cpr + 6);

  g_assert_nonnull (find (GTK_WIDGET (f->view), GTK_TYPE_INSCRIPTION, masked));
  g_assert_null (find (GTK_WIDGET (f->view), GTK_TYPE_WIDGET, full));

  g_assert_true (ivd_transfers_view_open_details (f->view, f->ids[ALFA]));
  iterate (50);
  g_assert_null (find (GTK_WIDGET (f->view), GTK_TYPE_INSCRIPTION, masked));
  g_assert_nonnull (find (GTK_WIDGET (f->view), GTK_TYPE_INSCRIPTION, full));
  g_assert_nonnull (find (GTK_WIDGET (f->view), GTK_TYPE_LABEL, full));
  g_assert_cmpstr (ivd_plan_summary_get_id (ivd_transfers_view_get_details (f->view)), ==, f->ids[ALFA]);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->view), "transfers.close-details", NULL));
  iterate (50);
  g_assert_null (ivd_transfers_view_get_details (f->view));
  g_assert_nonnull (find (GTK_WIDGET (f->view), GTK_TYPE_INSCRIPTION, masked));
}

/* Fills the open status dialog and answers it. */
static void
answer_dialog (guint        choice,
               const char  *reason,
               gboolean     note_received)
{
  IvdStatusDialog *dialog;
  GtkWidget *dropdown_widget, *entry_widget, *check;

  iterate (30);
  dialog = status_dialog ();
  g_assert_nonnull (dialog);
  dropdown_widget = find (GTK_WIDGET (dialog), GTK_TYPE_DROP_DOWN, NULL);
  entry_widget = find (GTK_WIDGET (dialog), GTK_TYPE_ENTRY, NULL);
  check = find (GTK_WIDGET (dialog), GTK_TYPE_CHECK_BUTTON, NULL);
  if (dropdown_widget != NULL)
    gtk_drop_down_set_selected (GTK_DROP_DOWN (dropdown_widget), choice);
  if (entry_widget != NULL && reason != NULL)
    {
      /* Not before the reason: the store would refuse it. */
      g_assert_false (adw_message_dialog_get_response_enabled (ADW_MESSAGE_DIALOG (dialog), "apply"));
      gtk_editable_set_text (GTK_EDITABLE (entry_widget), reason);
    }
  if (check != NULL)
    {
      g_assert_false (adw_message_dialog_get_response_enabled (ADW_MESSAGE_DIALOG (dialog), "apply"));
      gtk_check_button_set_active (GTK_CHECK_BUTTON (check), note_received);
    }
  g_assert_true (adw_message_dialog_get_response_enabled (ADW_MESSAGE_DIALOG (dialog), "apply"));
  /* What the Save button does: the response, then the dialog closes. */
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "apply");
  gtk_window_destroy (GTK_WINDOW (dialog));
  iterate (30);
}

static void
on_open_plan_cb (IvdTransfersView *view,
                 const char       *id,
                 char            **opened)
{
  g_free (*opened);
  *opened = g_strdup (id);
}

/* The municipality's answer, discharged, ended and cancelled, each from
 * the opened row, each in the store with its reason; the queues follow. */
static void
test_status_actions (Fixture       *f,
                     gconstpointer  data)
{
  g_autofree char *opened = NULL;
  g_autofree char *shown = NULL;
  const char *reason;

  ivd_transfers_view_open_details (f->view, f->ids[ALFA]);
  gtk_widget_activate_action (GTK_WIDGET (f->view), "transfers.discharged", NULL);
  g_assert_cmpint (stored_status (f, ALFA, NULL), ==, IVD_PLAN_STATUS_REFERRED);  /* not allowed yet */
  gtk_widget_activate_action (GTK_WIDGET (f->view), "transfers.record-answer", NULL);
  answer_dialog (1, "Ingen nattevagt i kommunen", FALSE);
  g_assert_cmpint (stored_status (f, ALFA, &reason), ==, IVD_PLAN_STATUS_DECLINED);
  g_assert_cmpstr (reason, ==, "Ingen nattevagt i kommunen");
  ivd_transfers_view_recount (f->view);
  g_assert_cmpuint (ivd_transfers_view_get_queue_count (f->view, IVD_PLAN_QUEUE_AWAITING_ANSWER), ==, 1);

  ivd_transfers_view_open_details (f->view, f->ids[BETA]);
  gtk_widget_activate_action (GTK_WIDGET (f->view), "transfers.record-answer", NULL);
  answer_dialog (0, NULL, FALSE);
  g_assert_cmpint (stored_status (f, BETA, NULL), ==, IVD_PLAN_STATUS_ACCEPTED);
  gtk_widget_activate_action (GTK_WIDGET (f->view), "transfers.discharged", NULL);
  g_assert_cmpint (stored_status (f, BETA, NULL), ==, IVD_PLAN_STATUS_IN_COURSE);
  gtk_widget_activate_action (GTK_WIDGET (f->view), "transfers.ended", NULL);
  answer_dialog (1, NULL, TRUE);
  g_assert_cmpint (stored_status (f, BETA, &reason), ==, IVD_PLAN_STATUS_ENDED);
  g_assert_cmpstr (reason, ==, "stopped_early");

  ivd_transfers_view_open_details (f->view, f->ids[DELTA]);
  gtk_widget_activate_action (GTK_WIDGET (f->view), "transfers.ended", NULL);
  answer_dialog (0, NULL, TRUE);
  ivd_transfers_view_recount (f->view);
  g_assert_cmpuint (ivd_transfers_view_get_queue_count (f->view, IVD_PLAN_QUEUE_PAST_END), ==, 0);

  ivd_transfers_view_open_details (f->view, f->ids[GAMMA]);
  gtk_widget_activate_action (GTK_WIDGET (f->view), "transfers.cancel", NULL);
  answer_dialog (0, "Overflyttet til andet hospital", FALSE);
  g_assert_cmpint (stored_status (f, GAMMA, &reason), ==, IVD_PLAN_STATUS_CANCELLED);
  g_assert_cmpstr (reason, ==, "Overflyttet til andet hospital");
  /* The panel shows the change, with its reason. */
  shown = g_strdup_printf ("%s: %s", ivd_plan_status_get_label (IVD_PLAN_STATUS_CANCELLED),
                           "Overflyttet til andet hospital");
  g_assert_nonnull (find (GTK_WIDGET (f->view), GTK_TYPE_LABEL, shown));

  g_signal_connect (f->view, "open-plan", G_CALLBACK (on_open_plan_cb), &opened);
  gtk_widget_activate_action (GTK_WIDGET (f->view), "transfers.open-plan", NULL);
  g_assert_cmpstr (opened, ==, f->ids[GAMMA]);
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, g_getenv ("IVD_LOCALEDIR"));
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

#define ADD(path, fn) g_test_add (path, Fixture, NULL, fixture_set_up, fn, fixture_tear_down)
  ADD ("/transfers/queues", test_queues);
  ADD ("/transfers/filters", test_filters);
  ADD ("/transfers/sort", test_sort);
  ADD ("/transfers/cpr-masked", test_cpr_masked);
  ADD ("/transfers/status-actions", test_status_actions);
#undef ADD

  return g_test_run ();
}
