#include "config.h"

#include <locale.h>

#include <glib/gi18n.h>
#include <adwaita.h>

#include "ivd-application.h"
#include "ivd-catalog.h"
#include "ivd-rule-browser.h"
#include "ivd-rule-row.h"

/* The rule browser on a real display (Xvfb): pick a region, see its rules
 * with id, text and source; a notice for regions without an agreement.
 * The suite runs this twice: in English and, with IVD_TEST_DANISH set, in
 * Danish, where the labels must be the translated ones. */

static gboolean
danish (void)
{
  return g_getenv ("IVD_TEST_DANISH") != NULL;
}

static void
iterate (void)
{
  for (guint i = 0; i < 50 && g_main_context_pending (NULL); i++)
    g_main_context_iteration (NULL, FALSE);
}

static GtkWidget *
find_child_of_type (GtkWidget *widget,
                    GType      type,
                    const char *label)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (widget, type) &&
      (label == NULL || (GTK_IS_LABEL (widget) && g_strcmp0 (gtk_label_get_label (GTK_LABEL (widget)), label) == 0)))
    return widget;

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_child_of_type (child, type, label);
      if (found != NULL)
        return found;
    }

  return NULL;
}

static guint
count_rule_rows (GtkWidget *widget)
{
  guint n = IVD_IS_RULE_ROW (widget) && gtk_widget_get_mapped (widget) ? 1 : 0;

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    n += count_rule_rows (child);
  return n;
}

static void
test_regions (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(IvdCatalog) catalog = ivd_catalog_new_default (&error);
  GtkWidget *window = gtk_window_new ();
  IvdRuleBrowser *browser = g_object_new (IVD_TYPE_RULE_BROWSER, NULL);
  GtkInfoBar *notice;
  IvdRuleSet *hovedstaden;
  IvdRuleSet *midtjylland;
  guint expected;

  g_assert_no_error (error);
  gtk_window_set_default_size (GTK_WINDOW (window), 1000, 800);
  gtk_window_set_child (GTK_WINDOW (window), GTK_WIDGET (browser));
  ivd_rule_browser_set_catalog (browser, catalog);
  gtk_window_present (GTK_WINDOW (window));
  iterate ();

  hovedstaden = ivd_catalog_get_rule_set (catalog, "hovedstaden", NULL);
  expected = g_list_model_get_n_items (ivd_rule_set_get_rules (hovedstaden)) +
             g_list_model_get_n_items (ivd_rule_set_get_checklist (hovedstaden));

  g_assert_cmpstr (ivd_rule_browser_get_region (browser), ==, "hovedstaden");
  g_assert_cmpuint (count_rule_rows (GTK_WIDGET (browser)), ==, expected);
  g_assert_nonnull (find_child_of_type (GTK_WIDGET (browser), GTK_TYPE_LABEL, "EXCL-NIGHT"));
  g_assert_nonnull (find_child_of_type (GTK_WIDGET (browser), GTK_TYPE_LABEL,
                                        danish () ? "Kilde: 001 §1.5" : "Source: 001 §1.5"));
  g_assert_nonnull (find_child_of_type (GTK_WIDGET (browser), GTK_TYPE_LABEL,
                                        danish () ? "Tjekliste ved opstart" : "Start-up Checklist"));
  /* Rule texts come from the data, in the same language. */
  g_assert_nonnull (find_child_of_type (GTK_WIDGET (browser), GTK_TYPE_LABEL,
                                        danish () ? "Som udgangspunkt på hospitalet: besøg i tidsrummet 23:00-07:00."
                                                  : "By default kept in hospital: any visit in the night period 23:00-07:00."));
  notice = GTK_INFO_BAR (find_child_of_type (GTK_WIDGET (browser), GTK_TYPE_INFO_BAR, NULL));
  g_assert_false (gtk_info_bar_get_revealed (notice));

  /* Midtjylland has its own age limit, Hovedstaden has none. */
  g_assert_null (find_child_of_type (GTK_WIDGET (browser), GTK_TYPE_LABEL, "ELIG-AGE"));
  ivd_rule_browser_set_region (browser, "midtjylland");
  iterate ();
  midtjylland = ivd_catalog_get_rule_set (catalog, "midtjylland", NULL);
  g_assert_cmpuint (count_rule_rows (GTK_WIDGET (browser)), ==,
                    g_list_model_get_n_items (ivd_rule_set_get_rules (midtjylland)) +
                    g_list_model_get_n_items (ivd_rule_set_get_checklist (midtjylland)));
  g_assert_nonnull (find_child_of_type (GTK_WIDGET (browser), GTK_TYPE_LABEL, "ELIG-AGE"));

  /* No agreement: the notice says so plainly. */
  ivd_rule_browser_set_region (browser, "syddanmark");
  iterate ();
  g_assert_true (gtk_info_bar_get_revealed (notice));
  g_assert_nonnull (find_child_of_type (GTK_WIDGET (browser), GTK_TYPE_LABEL, "DATA-NO-AGREEMENT"));

  /* An unknown id (an old setting) changes nothing. */
  ivd_rule_browser_set_region (browser, "fyn");
  g_assert_cmpstr (ivd_rule_browser_get_region (browser), ==, "syddanmark");

  gtk_window_destroy (GTK_WINDOW (window));
  iterate ();
}

static void
test_region_before_catalog (void)
{
  g_autoptr(IvdCatalog) catalog = ivd_catalog_new_default (NULL);
  IvdRuleBrowser *browser = g_object_ref_sink (g_object_new (IVD_TYPE_RULE_BROWSER, NULL));

  /* As when settings restore the region before the data is there. */
  ivd_rule_browser_set_region (browser, "nordjylland");
  ivd_rule_browser_set_catalog (browser, catalog);
  g_assert_cmpstr (ivd_rule_browser_get_region (browser), ==, "nordjylland");
  g_object_unref (browser);
}

static void
test_application_window (void)
{
  g_autoptr(IvdApplication) app = ivd_application_new (NULL);
  g_autoptr(GError) error = NULL;
  GtkWindow *window;

  g_assert_true (g_application_register (G_APPLICATION (app), NULL, &error));
  g_assert_no_error (error);
  g_application_activate (G_APPLICATION (app));
  iterate ();

  window = gtk_application_get_active_window (GTK_APPLICATION (app));
  g_assert_nonnull (window);
  g_assert_true (ADW_IS_APPLICATION_WINDOW (window));
  g_assert_nonnull (find_child_of_type (GTK_WIDGET (window), IVD_TYPE_RULE_BROWSER, NULL));
  /* The rules are read and their rows made when the page is first shown,
   * not before the window's first frame. */
  g_assert_null (find_child_of_type (GTK_WIDGET (window), GTK_TYPE_LABEL, "ELIG-STARTED"));
  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-rules", NULL);
  iterate ();
  g_assert_nonnull (find_child_of_type (GTK_WIDGET (window), GTK_TYPE_LABEL, "ELIG-STARTED"));

  gtk_window_destroy (window);
  iterate ();
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  /* gtk_test_init() forces an English locale; take the environment's. */
  setlocale (LC_ALL, "");
  adw_init ();
  bindtextdomain (GETTEXT_PACKAGE, g_getenv ("IVD_LOCALEDIR"));
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  g_test_add_func ("/rule-browser/regions", test_regions);
  g_test_add_func ("/rule-browser/region-before-catalog", test_region_before_catalog);
  g_test_add_func ("/rule-browser/application-window", test_application_window);

  return g_test_run ();
}
