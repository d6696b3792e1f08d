#include "config.h"

#include <glib/gstdio.h>

#include "ivd-application.h"
#include "ivd-patient-page.h"
#include "ivd-plan-list-pane.h"
#include "ivd-test-editor.h"
#include "ivd-window.h"

/* The doctor's window as a whole: a new plan from Ctrl+N, its name in the
 * header, the saved state, a conflict with another program shown with a
 * choice, and closing the window saving what was typed a moment before. */

typedef struct
{
  char           *dir;
  char           *path;
  IvdApplication *app;
  GtkWindow      *window;
} Fixture;

static gboolean
wait_until (gboolean (*done) (gpointer),
            gpointer   data)
{
  gint64 end = g_get_monotonic_time () + 20 * G_USEC_PER_SEC;

  while (!done (data) && g_get_monotonic_time () < end)
    g_main_context_iteration (NULL, FALSE);
  return done (data);
}

static gboolean
has_store (gpointer app)
{
  return ivd_application_get_store (app) != NULL;
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  f->dir = g_dir_make_tmp ("ivd-window-XXXXXX", &error);
  g_assert_no_error (error);
  f->path = g_build_filename (f->dir, "plans.db", NULL);
  f->app = ivd_application_new (f->path);
  g_assert_true (g_application_register (G_APPLICATION (f->app), NULL, &error));
  g_application_activate (G_APPLICATION (f->app));
  g_assert_true (wait_until (has_store, f->app));
  f->window = gtk_application_get_active_window (GTK_APPLICATION (f->app));
  g_assert_nonnull (f->window);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  GtkWindow *window;

  while ((window = gtk_application_get_active_window (GTK_APPLICATION (f->app))) != NULL)
    gtk_window_destroy (window);
  g_clear_object (&f->app);
  ivd_test_remove_tree (f->dir);
  g_free (f->dir);
  g_free (f->path);
}

static IvdPlanEditor *
editor (Fixture *f)
{
  return IVD_PLAN_EDITOR (ivd_test_editor_find_by_type (GTK_WIDGET (f->window), IVD_TYPE_PLAN_EDITOR));
}

static IvdPlanSession *
session (Fixture *f)
{
  return ivd_plan_editor_get_session (editor (f));
}

static void
collect_titles (GtkWidget *root,
                GPtrArray *titles)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      if (ADW_IS_WINDOW_TITLE (child))
        g_ptr_array_add (titles, child);
      collect_titles (child, titles);
    }
}

/* The open plan's header: the window title widget that is not the
 * plan list's ("Plans"). */
static AdwWindowTitle *
header_title (Fixture *f)
{
  g_autoptr(GPtrArray) titles = g_ptr_array_new ();

  collect_titles (GTK_WIDGET (f->window), titles);
  for (guint i = 0; i < titles->len; i++)
    if (g_strcmp0 (adw_window_title_get_title (g_ptr_array_index (titles, i)), "Plans") != 0)
      return g_ptr_array_index (titles, i);
  g_assert_not_reached ();
}

static char *
stored_name (Fixture *f)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(IvdStore) other = ivd_store_open (f->path, ivd_store_get_catalog (ivd_application_get_store (f->app)), &error);
  g_autoptr(IvdPlanRecord) record = NULL;

  g_assert_no_error (error);
  record = ivd_store_load_plan (other, ivd_plan_record_get_id (ivd_plan_session_get_record (session (f))), &error);
  g_assert_no_error (error);
  return g_strdup (ivd_plan_get_string (ivd_plan_record_get_plan (record), "patient.name"));
}

static void
type_name (Fixture    *f,
           const char *name)
{
  GtkWidget *page = ivd_test_editor_find_by_type (GTK_WIDGET (editor (f)), IVD_TYPE_PATIENT_PAGE);

  gtk_editable_set_text (GTK_EDITABLE (ivd_test_editor_find_row (page, "Name")), name);
}

/* The department typed in one plan starts the next: settings keep the
 * department's details (never the patient's). */
static void
test_department_defaults (Fixture       *f,
                          gconstpointer  data)
{
  GtkWidget *page;

  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.new-plan", NULL);
  page = ivd_test_editor_find_by_type (GTK_WIDGET (editor (f)), IVD_TYPE_PATIENT_PAGE);
  type_name (f, "Testperson Aaberg");
  gtk_editable_set_text (GTK_EDITABLE (ivd_test_editor_find_row (page, "Department")), "Infektionsmedicinsk afdeling");
  gtk_editable_set_text (GTK_EDITABLE (ivd_test_editor_find_row (page, "Phone, day and night")), "+45 00 00 00 01");
  ivd_test_editor_wait_state (session (f), IVD_SAVE_STATE_SAVED);

  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.new-plan", NULL);
  {
    IvdPlan *plan = ivd_plan_session_get_plan (session (f));

    g_assert_cmpstr (ivd_plan_get_string (plan, "responsible.department"), ==, "Infektionsmedicinsk afdeling");
    g_assert_cmpstr (ivd_plan_get_string (plan, "responsible.phone"), ==, "+45 00 00 00 01");
    g_assert_null (ivd_plan_get_string (plan, "patient.name"));
    g_assert_null (ivd_plan_get_string (plan, "responsible.doctor"));
  }
  page = ivd_test_editor_find_by_type (GTK_WIDGET (editor (f)), IVD_TYPE_PATIENT_PAGE);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (ivd_test_editor_find_row (page, "Department"))), ==,
                   "Infektionsmedicinsk afdeling");
}

static const char *
list_state (IvdApplication *app)
{
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (app));
  GtkWidget *pane = ivd_test_editor_find_by_type (GTK_WIDGET (window), IVD_TYPE_PLAN_LIST_PANE);

  return gtk_stack_get_visible_child_name (GTK_STACK (ivd_test_editor_find_by_type (pane, GTK_TYPE_STACK)));
}

/* Ctrl+N makes a plan in the store and opens it on step 1; the header
 * shows the patient's name as it is typed, and "Saved" after autosave. */
static void
test_new_plan (Fixture       *f,
               gconstpointer  data)
{
  g_autofree char *stored = NULL;

  g_assert_null (editor (f));
  g_assert_cmpstr (list_state (f->app), ==, "empty");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.new-plan", NULL));
  g_assert_nonnull (editor (f));
  g_assert_cmpint (ivd_plan_editor_get_step (editor (f)), ==, IVD_STEP_PATIENT);
  g_assert_cmpstr (adw_window_title_get_title (header_title (f)), ==, "New Plan");

  type_name (f, "Testperson Nielsen");
  g_assert_cmpstr (adw_window_title_get_title (header_title (f)), ==, "Testperson Nielsen");
  g_assert_cmpstr (adw_window_title_get_subtitle (header_title (f)), ==, "Saving…");
  /* The window's own title never names the patient. */
  g_assert_cmpstr (gtk_window_get_title (f->window), ==, "IV Discharge");

  ivd_test_editor_wait_state (session (f), IVD_SAVE_STATE_SAVED);
  g_assert_cmpstr (adw_window_title_get_subtitle (header_title (f)), ==, "Saved");
  stored = stored_name (f);
  g_assert_cmpstr (stored, ==, "Testperson Nielsen");
}

/* Another program saves the same plan: this window's next save stops with
 * the conflict bar; "Keep My Changes" saves them over the other version. */
static void
test_conflict (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(IvdStore) other = NULL;
  g_autoptr(IvdPlanRecord) theirs = NULL;
  g_autofree char *stored = NULL;
  GtkRevealer *bar;

  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.new-plan", NULL);
  ivd_test_editor_run (50);

  other = ivd_store_open (f->path, ivd_store_get_catalog (ivd_application_get_store (f->app)), &error);
  g_assert_no_error (error);
  theirs = ivd_store_load_plan (other, ivd_plan_record_get_id (ivd_plan_session_get_record (session (f))), &error);
  g_assert_no_error (error);
  ivd_plan_set_string (ivd_plan_record_get_plan (theirs), "patient.name", "Testperson Other");
  g_assert_true (ivd_store_save_plan (other, theirs, &error));

  type_name (f, "Testperson Mine");
  ivd_test_editor_wait_state (session (f), IVD_SAVE_STATE_CONFLICT);
  /* The label, in its bar, in the revealer. */
  bar = GTK_REVEALER (gtk_widget_get_parent (gtk_widget_get_parent (
    GTK_WIDGET (ivd_test_editor_find_label (GTK_WIDGET (f->window), "changed elsewhere while you edited")))));
  g_assert_true (gtk_revealer_get_reveal_child (bar));
  /* The edits are still on screen, not overwritten by theirs. */
  g_assert_cmpstr (adw_window_title_get_title (header_title (f)), ==, "Testperson Mine");

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.keep-mine", NULL));
  g_assert_cmpint (ivd_plan_session_get_save_state (session (f)), ==, IVD_SAVE_STATE_SAVED);
  g_assert_false (gtk_revealer_get_reveal_child (bar));
  stored = stored_name (f);
  g_assert_cmpstr (stored, ==, "Testperson Mine");
}

/* Typed a moment ago and the window closed at once: it is in the store. */
static void
test_close_saves (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(IvdStore) other = NULL;
  g_autoptr(IvdPlanRecord) record = NULL;
  g_autofree char *id = NULL;

  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.new-plan", NULL);
  id = g_strdup (ivd_plan_record_get_id (ivd_plan_session_get_record (session (f))));
  type_name (f, "Testperson Hurtig");
  gtk_window_close (f->window);
  ivd_test_editor_run (50);

  other = ivd_store_open (f->path, ivd_store_get_catalog (ivd_application_get_store (f->app)), &error);
  g_assert_no_error (error);
  record = ivd_store_load_plan (other, id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (ivd_plan_get_string (ivd_plan_record_get_plan (record), "patient.name"), ==, "Testperson Hurtig");
}

/* Ctrl+F puts the focus in the search field; a search narrows the list. */
static void
test_search (Fixture       *f,
             gconstpointer  data)
{
  GtkWidget *pane = ivd_test_editor_find_by_type (GTK_WIDGET (f->window), IVD_TYPE_PLAN_LIST_PANE);
  GtkWidget *entry = ivd_test_editor_find_by_type (pane, GTK_TYPE_SEARCH_ENTRY);
  GtkListView *list = GTK_LIST_VIEW (ivd_test_editor_find_by_type (pane, GTK_TYPE_LIST_VIEW));

  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.new-plan", NULL);
  type_name (f, "Testperson Aaberg");
  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.new-plan", NULL);
  type_name (f, "Testperson Bech");
  ivd_test_editor_wait_state (session (f), IVD_SAVE_STATE_SAVED);
  ivd_test_editor_run (200);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (gtk_list_view_get_model (list))), ==, 2);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.search", NULL));
  g_assert_true (gtk_widget_has_focus (entry) || gtk_widget_has_focus (gtk_widget_get_first_child (entry)) ||
                 gtk_widget_is_ancestor (gtk_root_get_focus (GTK_ROOT (f->window)), entry));
  gtk_editable_set_text (GTK_EDITABLE (entry), "Aaberg");
  ivd_test_editor_run (400);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (gtk_list_view_get_model (list))), ==, 1);
}

static gboolean
has_opened (gpointer app)
{
  return !ivd_application_get_opening_store (app);
}

/* Until the store has opened, the list says it is opening (not "No Plans
 * Yet"); a database that cannot be opened leaves it saying so. */
static void
test_opening (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *blocker = NULL;
  g_autofree char *path = NULL;
  g_autoptr(IvdApplication) app = NULL;

  if (!g_test_subprocess ())
    {
      g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_INHERIT_STDERR);
      g_test_trap_assert_passed ();
      return;
    }

  dir = g_dir_make_tmp ("ivd-window-XXXXXX", &error);
  g_assert_no_error (error);
  /* A file where the database's folder should be: it cannot be made. */
  blocker = g_build_filename (dir, "not-a-folder", NULL);
  g_assert_true (g_file_set_contents (blocker, "", 0, NULL));
  path = g_build_filename (blocker, "plans.db", NULL);
  app = ivd_application_new (path);
  g_assert_true (g_application_register (G_APPLICATION (app), NULL, &error));
  g_application_activate (G_APPLICATION (app));
  g_assert_true (ivd_application_get_opening_store (app));
  g_assert_cmpstr (list_state (app), ==, "opening");

  g_assert_true (wait_until (has_opened, app));
  g_assert_null (ivd_application_get_store (app));
  g_assert_cmpstr (list_state (app), ==, "unavailable");

  while (gtk_application_get_active_window (GTK_APPLICATION (app)) != NULL)
    gtk_window_destroy (gtk_application_get_active_window (GTK_APPLICATION (app)));
  ivd_test_remove_tree (dir);
}

/* Neither the window's own title (task switchers, screen sharing) nor the
 * header's subtitle or tooltip holds the patient's CPR number or name;
 * only the header's title names the patient, inside the window. */
static void
assert_title_private (Fixture *f)
{
  const char *texts[] = {
    gtk_window_get_title (f->window),
    adw_window_title_get_subtitle (header_title (f)),
    gtk_widget_get_tooltip_text (GTK_WIDGET (header_title (f))),
  };

  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    g_assert_true (texts[i] == NULL ||
                   (strstr (texts[i], "150650") == NULL && strstr (texts[i], "1237") == NULL &&
                    strstr (texts[i], "Hansen") == NULL));
}

static void
test_title_private (Fixture       *f,
                    gconstpointer  data)
{
  GtkWidget *page;

  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.new-plan", NULL);
  page = ivd_test_editor_find_by_type (GTK_WIDGET (editor (f)), IVD_TYPE_PATIENT_PAGE);
  gtk_editable_set_text (GTK_EDITABLE (ivd_test_editor_find_row (page, "CPR number")), "150650-1237");
  type_name (f, "Testperson Hansen");
  assert_title_private (f);
  ivd_test_editor_wait_state (session (f), IVD_SAVE_STATE_SAVED);
  assert_title_private (f);
}

static const char *
top_view (Fixture *f)
{
  GtkStack *stack = GTK_STACK (ivd_test_editor_find_by_type (GTK_WIDGET (f->window), GTK_TYPE_STACK));

  return gtk_stack_get_visible_child_name (stack);
}

/* Ctrl+T's action shows the coordinator's view on the same store and back;
 * a reminder's app.show-queue opens its queue; "Open Plan" in the
 * transfers opens the plan in the doctor's view. */
static void
test_coordinator (Fixture       *f,
                  gconstpointer  data)
{
  IvdTransfersView *transfers;
  const char *id;

  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.new-plan", NULL);
  type_name (f, "Testperson Coordinator");
  ivd_test_editor_wait_state (session (f), IVD_SAVE_STATE_SAVED);
  id = ivd_plan_record_get_id (ivd_plan_session_get_record (session (f)));

  g_assert_cmpstr (top_view (f), ==, "plans");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.show-coordinator", NULL));
  g_assert_cmpstr (top_view (f), ==, "coordinator");
  transfers = ivd_coordinator_view_get_transfers_view (ivd_window_get_coordinator_view (IVD_WINDOW (f->window)));
  g_assert_true (ivd_transfers_view_get_store (transfers) == ivd_application_get_store (f->app));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (ivd_transfers_view_get_plans (transfers))), ==, 1);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.show-coordinator", NULL));
  g_assert_cmpstr (top_view (f), ==, "plans");

  g_action_group_activate_action (G_ACTION_GROUP (f->app), "show-queue", g_variant_new_string ("past-end"));
  g_assert_cmpstr (top_view (f), ==, "coordinator");
  g_assert_cmpint (ivd_transfers_view_get_queue (transfers), ==, IVD_PLAN_QUEUE_PAST_END);

  ivd_transfers_view_set_queue (transfers, IVD_PLAN_QUEUE_NONE);
  g_assert_true (ivd_transfers_view_open_details (transfers, id));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (transfers), "transfers.open-plan", NULL));
  g_assert_cmpstr (top_view (f), ==, "plans");
  g_assert_cmpstr (ivd_plan_record_get_id (ivd_plan_session_get_record (session (f))), ==, id);
}

typedef void (*WindowTest) (Fixture *f, gconstpointer data);

/* Each test in a process of its own: one application per process, as in
 * real life (a second one in the same process cannot register). */
static void
run_in_subprocess (gconstpointer data)
{
  Fixture f = { 0 };

  if (!g_test_subprocess ())
    {
      g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_INHERIT_STDERR);
      g_test_trap_assert_passed ();
      return;
    }

  fixture_set_up (&f, NULL);
  ((WindowTest) data) (&f, NULL);
  fixture_tear_down (&f, NULL);
}

int
main (int   argc,
      char *argv[])
{
  ivd_test_editor_init (&argc, &argv);

  g_test_add_data_func ("/window/new-plan", test_new_plan, run_in_subprocess);
  g_test_add_data_func ("/window/conflict", test_conflict, run_in_subprocess);
  g_test_add_data_func ("/window/close-saves", test_close_saves, run_in_subprocess);
  g_test_add_data_func ("/window/search", test_search, run_in_subprocess);
  g_test_add_data_func ("/window/title-private", test_title_private, run_in_subprocess);
  g_test_add_func ("/window/opening", test_opening);
  g_test_add_data_func ("/window/coordinator", test_coordinator, run_in_subprocess);
  g_test_add_data_func ("/window/department-defaults", test_department_defaults, run_in_subprocess);

  return g_test_run ();
}
