/* The yardstick of build-aux/bench/startup-bench: the least a libadwaita
 * application can show (an AdwApplicationWindow with a header bar and a
 * status page, the size of IV Discharge's window), so that the app's
 * start-up is compared with what GTK and libadwaita cost anyway on the
 * same machine in the same run. Not a test, not installed.
 *
 * With IVD_BENCH_FIRST_FRAME set it prints "first-frame <monotonic µs>"
 * on its first painted frame and quits, as the app does
 * (src/ui/ivd-application.c). GSK_RENDERER and the display come from the
 * caller. */

#include <stdio.h>

#include <adwaita.h>

/* The same hook as the app's: the time (CLOCK_MONOTONIC, in µs) when the
 * first frame has been painted, then quit so that the process exits. */
static void
on_after_paint_cb (GdkFrameClock  *clock,
                   GApplication   *app)
{
  g_signal_handlers_disconnect_by_func (clock, on_after_paint_cb, app);
  printf ("first-frame %" G_GINT64_FORMAT "\n", g_get_monotonic_time ());
  fflush (stdout);
  g_application_quit (app);
}

/* The frame clock belongs to the surface, which exists once mapped. */
static void
on_window_map_cb (GtkWidget    *window,
                  GApplication *app)
{
  g_signal_handlers_disconnect_by_func (window, on_window_map_cb, app);
  g_signal_connect_object (gtk_widget_get_frame_clock (window), "after-paint",
                           G_CALLBACK (on_after_paint_cb), app, 0);
}

static void
on_activate_cb (GApplication *app)
{
  GtkWidget *window = adw_application_window_new (GTK_APPLICATION (app));
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *status = adw_status_page_new ();

  /* IV Discharge's window size with the default settings (1000 x 720):
   * the cairo renderer's cost grows with the pixels drawn. */
  gtk_window_set_default_size (GTK_WINDOW (window), 1000, 720);
  gtk_window_set_title (GTK_WINDOW (window), "Minimal Window");
  adw_status_page_set_icon_name (ADW_STATUS_PAGE (status), "document-open-symbolic");
  adw_status_page_set_title (ADW_STATUS_PAGE (status), "No Plans Yet");
  adw_status_page_set_description (ADW_STATUS_PAGE (status), "Start one with New Plan (Ctrl+N)");
  gtk_widget_set_vexpand (status, TRUE);
  gtk_box_append (GTK_BOX (box), adw_header_bar_new ());
  gtk_box_append (GTK_BOX (box), status);
  adw_application_window_set_content (ADW_APPLICATION_WINDOW (window), box);

  if (g_getenv ("IVD_BENCH_FIRST_FRAME") != NULL)
    g_signal_connect_object (window, "map", G_CALLBACK (on_window_map_cb), app, 0);

  gtk_window_present (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  /* NON_UNIQUE as IV Discharge, so both talk to the session bus alike. */
  g_autoptr(AdwApplication) app = adw_application_new ("io.github.ivdischarge.IvDischarge.MinimalWindow",
                                                       G_APPLICATION_NON_UNIQUE);

  g_signal_connect (app, "activate", G_CALLBACK (on_activate_cb), NULL);
  return g_application_run (G_APPLICATION (app), argc, argv);
}
