#pragma once

/* Shared by the display tests of the plan editor's pages: a plan in a
 * fresh store in a temporary folder, its session (autosave after 10 ms),
 * and the editor shown in a window; helpers to find a control by its
 * accessible name or type, to let the main loop run, and to read what
 * reached the store. Every test that includes this runs under Xvfb
 * (tests/run-display-test.sh). */

#include <adwaita.h>

#include "ivd-plan-editor.h"
#include "ivd-plan-session.h"
#include "ivd-store.h"
#include "ivd-test-util.h"

typedef struct
{
  char           *dir;
  IvdCatalog     *catalog;
  IvdStore       *store;
  IvdPlanSession *session;
  GtkWindow      *window;
  IvdPlanEditor  *editor;
} IvdTestEditor;

/* In place of g_test_init(). */
static inline void
ivd_test_editor_init (int    *argc,
                      char ***argv)
{
  gtk_test_init (argc, argv, NULL);
  adw_init ();
}

/* Opens @plan_json (a plan file's text) in an editor in a window. */
static inline void
ivd_test_editor_set_up (IvdTestEditor *f,
                        const char    *plan_json)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  g_autoptr(IvdPlan) plan = ivd_test_plan (plan_json);
  g_autoptr(IvdPlanRecord) record = NULL;
  g_autoptr(GDate) today = g_date_new_dmy (22, 11, 2026);

  f->dir = g_dir_make_tmp ("ivd-editor-XXXXXX", &error);
  g_assert_no_error (error);
  path = g_build_filename (f->dir, "plans.db", NULL);
  f->catalog = ivd_test_catalog ();
  f->store = ivd_store_open (path, f->catalog, &error);
  g_assert_no_error (error);
  record = ivd_store_create_plan (f->store, plan, &error);
  g_assert_no_error (error);

  f->session = ivd_plan_session_new (f->store, record);
  ivd_plan_session_set_today (f->session, today);
  ivd_plan_session_set_save_delay (f->session, 10);

  f->window = GTK_WINDOW (gtk_window_new ());
  gtk_window_set_default_size (f->window, 1000, 720);
  f->editor = ivd_plan_editor_new (f->session);
  gtk_window_set_child (f->window, GTK_WIDGET (f->editor));
  gtk_window_present (f->window);
}

static inline void
ivd_test_editor_tear_down (IvdTestEditor *f)
{
  gtk_window_destroy (f->window);
  g_clear_object (&f->session);
  g_clear_object (&f->store);
  g_clear_object (&f->catalog);
  ivd_test_remove_tree (f->dir);
  g_free (f->dir);
}

/* Lets the main loop run for @ms milliseconds (redraws, autosave). */
static inline void
ivd_test_editor_run (guint ms)
{
  gint64 end = g_get_monotonic_time () + ms * 1000;

  while (g_get_monotonic_time () < end)
    g_main_context_iteration (NULL, FALSE);
}

/* Waits until the session has saved what is pending (at most 10 s): a
 * fixed wait flakes on a loaded machine. */
static inline void
ivd_test_editor_wait_state (IvdPlanSession *session,
                            IvdSaveState    state)
{
  gint64 end = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;

  while (ivd_plan_session_get_save_state (session) != state && g_get_monotonic_time () < end)
    g_main_context_iteration (NULL, FALSE);
  g_assert_cmpint (ivd_plan_session_get_save_state (session), ==, state);
}

static inline void
ivd_test_editor_wait_saved (IvdTestEditor *f)
{
  ivd_test_editor_wait_state (f->session, IVD_SAVE_STATE_SAVED);
}

/* The first libadwaita row below @root whose title is @title. */
static inline GtkWidget *
ivd_test_editor_find_row (GtkWidget  *root,
                          const char *title)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found;

      if (ADW_IS_PREFERENCES_ROW (child) &&
          g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (child)), title) == 0)
        return child;
      if ((found = ivd_test_editor_find_row (child, title)) != NULL)
        return found;
    }
  return NULL;
}

/* The first widget of @type below @root, in the order of the tree. */
static inline GtkWidget *
ivd_test_editor_find_by_type (GtkWidget *root,
                              GType      type)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found;

      if (G_TYPE_CHECK_INSTANCE_TYPE (child, type))
        return child;
      if ((found = ivd_test_editor_find_by_type (child, type)) != NULL)
        return found;
    }
  return NULL;
}

/* The first label below @root whose text contains @text. */
static inline GtkLabel *
ivd_test_editor_find_label (GtkWidget  *root,
                            const char *text)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      GtkLabel *found;

      if (GTK_IS_LABEL (child) && gtk_widget_get_visible (child) &&
          strstr (gtk_label_get_label (GTK_LABEL (child)), text) != NULL)
        return GTK_LABEL (child);
      if ((found = ivd_test_editor_find_label (child, text)) != NULL)
        return found;
    }
  return NULL;
}

/* The stored plan's string at @path, as another program would read it. */
static inline char *
ivd_test_editor_stored_string (IvdTestEditor *f,
                               const char    *path)
{
  g_autoptr(GError) error = NULL;
  IvdPlanRecord *current = ivd_plan_session_get_record (f->session);
  g_autoptr(IvdPlanRecord) record = ivd_store_load_plan (f->store, ivd_plan_record_get_id (current), &error);

  g_assert_no_error (error);
  return g_strdup (ivd_plan_get_string (ivd_plan_record_get_plan (record), path));
}
