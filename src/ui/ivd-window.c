#define G_LOG_DOMAIN "ivd-window"

#include "config.h"

#include <glib/gi18n.h>

#include "ivd-rule-browser.h"
#include "ivd-window.h"

struct _IvdWindow
{
  AdwApplicationWindow  parent_instance;

  GSettings            *settings;

  GtkStack             *stack;
  IvdRuleBrowser       *rule_browser;
  AdwStatusPage        *error_page;
};

G_DEFINE_FINAL_TYPE (IvdWindow, ivd_window, ADW_TYPE_APPLICATION_WINDOW)

/* Settings are optional: an uninstalled build without compiled schemas
 * still opens, it just does not remember its size. */
static GSettings *
settings_new_if_installed (void)
{
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr(GSettingsSchema) schema = NULL;

  if (source != NULL)
    schema = g_settings_schema_source_lookup (source, APP_ID, TRUE);
  return schema != NULL ? g_settings_new (APP_ID) : NULL;
}

static void
ivd_window_dispose (GObject *object)
{
  IvdWindow *self = (IvdWindow *) object;

  gtk_widget_dispose_template (GTK_WIDGET (self), IVD_TYPE_WINDOW);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (ivd_window_parent_class)->dispose (object);
}

static void
ivd_window_class_init (IvdWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ivd_window_dispose;

  g_type_ensure (IVD_TYPE_RULE_BROWSER);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/ivdischarge/IvDischarge/ivd-window.ui");
  gtk_widget_class_bind_template_child (widget_class, IvdWindow, stack);
  gtk_widget_class_bind_template_child (widget_class, IvdWindow, rule_browser);
  gtk_widget_class_bind_template_child (widget_class, IvdWindow, error_page);
}

static void
ivd_window_init (IvdWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->settings = settings_new_if_installed ();
  if (self->settings != NULL)
    {
      g_settings_bind (self->settings, "window-width", self, "default-width", G_SETTINGS_BIND_DEFAULT);
      g_settings_bind (self->settings, "window-height", self, "default-height", G_SETTINGS_BIND_DEFAULT);
      g_settings_bind (self->settings, "window-maximized", self, "maximized", G_SETTINGS_BIND_DEFAULT);
      g_settings_bind (self->settings, "last-region", self->rule_browser, "region", G_SETTINGS_BIND_DEFAULT);
    }
}

/**
 * ivd_window_new:
 * @catalog: (nullable): the data the rule browser shows
 * @catalog_error: (nullable): why there is no catalog
 */
IvdWindow *
ivd_window_new (IvdApplication *application,
                IvdCatalog     *catalog,
                const GError   *catalog_error)
{
  IvdWindow *self = g_object_new (IVD_TYPE_WINDOW, "application", application, NULL);

  if (catalog != NULL)
    ivd_rule_browser_set_catalog (self->rule_browser, catalog);
  else
    {
      adw_status_page_set_description (self->error_page,
                                       catalog_error ? catalog_error->message : NULL);
      gtk_stack_set_visible_child (self->stack, GTK_WIDGET (self->error_page));
    }

  return self;
}
