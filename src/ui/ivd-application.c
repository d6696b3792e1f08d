#define G_LOG_DOMAIN "ivd-application"

#include "config.h"

#include <glib/gi18n.h>

#include "ivd-application.h"
#include "ivd-window.h"

struct _IvdApplication
{
  AdwApplication  parent_instance;
  IvdCatalog     *catalog;
  GError         *catalog_error;
};

G_DEFINE_FINAL_TYPE (IvdApplication, ivd_application, ADW_TYPE_APPLICATION)

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
  app_class->startup = ivd_application_startup;
  app_class->activate = ivd_application_activate;
}

static void
ivd_application_init (IvdApplication *self)
{
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

