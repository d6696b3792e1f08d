#define G_LOG_DOMAIN "ivd-application"

#include "config.h"

#include <glib/gi18n.h>

#include "ivd-application.h"
#include "ivd-check-command.h"
#include "ivd-window.h"

struct _IvdApplication
{
  AdwApplication  parent_instance;
  IvdCatalog     *catalog;
  GError         *catalog_error;
};

G_DEFINE_FINAL_TYPE (IvdApplication, ivd_application, ADW_TYPE_APPLICATION)

static const GOptionEntry option_entries[] = {
  { "check", 0, 0, G_OPTION_ARG_FILENAME, NULL,
    N_("Evaluate a plan file (- for standard input) and print the result as JSON; needs no display"),
    N_("FILE") },
  { "version", 0, 0, G_OPTION_ARG_NONE, NULL, N_("Show the version and exit"), NULL },
  { NULL }
};

static GDate *
today_new (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  return g_date_new_dmy (g_date_time_get_day_of_month (now),
                         g_date_time_get_month (now),
                         g_date_time_get_year (now));
}

/* Commands that need no display are handled here, before the application
 * registers or GTK opens a display. */
static int
ivd_application_handle_local_options (GApplication *app,
                                      GVariantDict *options)
{
  g_autofree char *check_path = NULL;

  if (g_variant_dict_contains (options, "version"))
    {
      g_print ("iv-discharge %s\n", PACKAGE_VERSION);
      return 0;
    }

  if (g_variant_dict_lookup (options, "check", "^ay", &check_path))
    {
      g_autoptr(GDate) today = today_new ();
      return ivd_check_command_run (check_path, today, stdout, stderr);
    }

  return -1;
}

static void
on_quit_activated_cb (GSimpleAction *action,
                      GVariant      *parameter,
                      gpointer       user_data)
{
  g_application_quit (G_APPLICATION (user_data));
}

static void
on_about_activated_cb (GSimpleAction *action,
                       GVariant      *parameter,
                       gpointer       user_data)
{
  GtkApplication *app = GTK_APPLICATION (user_data);
  const char *developers[] = { _("The IV Discharge developers"), NULL };

  adw_show_about_window (gtk_application_get_active_window (app),
                         "application-name", _("IV Discharge"),
                         "application-icon", APP_ID,
                         "developer-name", _("The IV Discharge developers"),
                         "version", PACKAGE_VERSION,
                         "comments", _("Hands a patient’s IV treatment over from hospital to municipal nurses, "
                                       "following the Danish regional agreements."),
                         "license-type", GTK_LICENSE_GPL_3_0,
                         "developers", developers,
                         "translator-credits", _("translator-credits"),
                         NULL);
}

static const GActionEntry app_actions[] = {
  { "quit", on_quit_activated_cb },
  { "about", on_about_activated_cb },
};

static void
ivd_application_startup (GApplication *app)
{
  IvdApplication *self = IVD_APPLICATION (app);

  G_APPLICATION_CLASS (ivd_application_parent_class)->startup (app);

  g_action_map_add_action_entries (G_ACTION_MAP (self), app_actions, G_N_ELEMENTS (app_actions), self);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "app.quit",
                                         (const char *[]) { "<Control>q", NULL });
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "window.close",
                                         (const char *[]) { "<Control>w", NULL });

  self->catalog = ivd_catalog_new_default (&self->catalog_error);
}

static void
ivd_application_activate (GApplication *app)
{
  IvdApplication *self = IVD_APPLICATION (app);
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (app));

  if (window == NULL)
    window = GTK_WINDOW (ivd_window_new (self, self->catalog, self->catalog_error));

  gtk_window_present (window);
}

static void
ivd_application_finalize (GObject *object)
{
  IvdApplication *self = (IvdApplication *) object;

  g_clear_object (&self->catalog);
  g_clear_error (&self->catalog_error);

  G_OBJECT_CLASS (ivd_application_parent_class)->finalize (object);
}

static void
ivd_application_class_init (IvdApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  object_class->finalize = ivd_application_finalize;
  app_class->handle_local_options = ivd_application_handle_local_options;
  app_class->startup = ivd_application_startup;
  app_class->activate = ivd_application_activate;
}

static void
ivd_application_init (IvdApplication *self)
{
  g_application_add_main_option_entries (G_APPLICATION (self), option_entries);
  g_application_set_option_context_summary (G_APPLICATION (self),
                                            _("Hand a patient’s IV treatment over to municipal nurses."));
}

IvdApplication *
ivd_application_new (void)
{
  return g_object_new (IVD_TYPE_APPLICATION,
                       "application-id", APP_ID,
                       "flags", G_APPLICATION_NON_UNIQUE,
                       "resource-base-path", "/io/github/ivdischarge/IvDischarge",
                       NULL);
}

