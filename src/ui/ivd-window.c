#define G_LOG_DOMAIN "ivd-window"

#include "config.h"

#include <glib/gi18n.h>

#include "ivd-coordinator-view.h"
#include "ivd-plan-editor.h"
#include "ivd-plan-list-pane.h"
#include "ivd-plan-session.h"
#include "ivd-responsible-defaults.h"
#include "ivd-rule-browser.h"
#include "ivd-training-banner.h"
#include "ivd-window.h"

/* The doctor's window: the plans on the left, the open plan as its eight
 * steps on the right, the rule browser one click away. Every change is
 * saved by the plan's session; this window only shows the saved state,
 * the conflict choice, and saves what is pending when it closes. */
struct _IvdWindow
{
  AdwApplicationWindow  parent_instance;

  GSettings            *settings;
  IvdApplication       *application;
  IvdPlanSession       *session;
  IvdPlanEditor        *editor;
  GBinding             *steps_binding;
  IvdCoordinatorView   *coordinator;

  GtkRevealer          *training_revealer;
  IvdTrainingBanner    *training_banner;  /* training mode only */
  GtkStack             *top_stack;
  AdwLeaflet           *leaflet;
  AdwBin               *coordinator_bin;
  GtkBox               *sidebar;
  GtkBox               *content;
  IvdPlanListPane      *list_pane;
  GtkToggleButton      *steps_button;
  GtkToggleButton      *rules_button;
  AdwWindowTitle       *plan_title;
  GtkRevealer          *conflict_revealer;
  GtkLabel             *conflict_label;
  GtkStack             *stack;
  AdwBin               *editor_bin;
  IvdRuleBrowser       *rule_browser;
  AdwStatusPage        *error_page;
};

G_DEFINE_FINAL_TYPE (IvdWindow, ivd_window, ADW_TYPE_APPLICATION_WINDOW)

enum {
  PROP_0,
  PROP_FOLDED,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

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

static AdwLeaflet *
leaflet (IvdWindow *self)
{
  return self->leaflet;
}

static IvdStore *
store (IvdWindow *self)
{
  return self->application != NULL ? ivd_application_get_store (self->application) : NULL;
}

static void
show_toast_error (IvdWindow  *self,
                  const char *heading,
                  const char *message)
{
  AdwMessageDialog *dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (self), heading, message));

  adw_message_dialog_add_response (dialog, "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

/* The header names the open plan's patient; the window title never does
 * (it shows in task switchers and on other screens). */
static void
show_title (IvdWindow *self)
{
  IvdPlan *plan = self->session ? ivd_plan_session_get_plan (self->session) : NULL;
  const char *name = plan ? ivd_plan_get_string (plan, "patient.name") : NULL;
  const char *subtitle = NULL;

  if (self->session == NULL || !gtk_widget_get_visible (GTK_WIDGET (self->editor_bin)) ||
      g_strcmp0 (gtk_stack_get_visible_child_name (self->stack), "editor") != 0)
    {
      adw_window_title_set_title (self->plan_title, g_strcmp0 (gtk_stack_get_visible_child_name (self->stack), "rules") == 0
                                                    ? _("Rules of the Regional Agreements") : _("IV Discharge"));
      adw_window_title_set_subtitle (self->plan_title, NULL);
      return;
    }

  switch (ivd_plan_session_get_save_state (self->session))
    {
    case IVD_SAVE_STATE_SAVED:    subtitle = _("Saved"); break;
    case IVD_SAVE_STATE_PENDING:  subtitle = _("Saving…"); break;
    case IVD_SAVE_STATE_CONFLICT: subtitle = _("Not saved: changed elsewhere"); break;
    case IVD_SAVE_STATE_FAILED:   subtitle = _("Not saved yet: will try again"); break;
    default: break;
    }
  adw_window_title_set_title (self->plan_title, name != NULL ? name : _("New Plan"));
  adw_window_title_set_subtitle (self->plan_title, subtitle);
}

static void
on_session_save_state_notify_cb (IvdWindow *self)
{
  IvdSaveState state = ivd_plan_session_get_save_state (self->session);
  const char *error = ivd_plan_session_get_save_error (self->session);

  gtk_revealer_set_reveal_child (self->conflict_revealer, state == IVD_SAVE_STATE_CONFLICT);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.keep-mine", state == IVD_SAVE_STATE_CONFLICT);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.take-theirs", state == IVD_SAVE_STATE_CONFLICT);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->plan_title), state == IVD_SAVE_STATE_FAILED ? error : NULL);
  show_title (self);
}

/* Saves the open plan and lets go of it; FALSE (edits kept) when it could
 * not be saved. */
static gboolean
close_plan (IvdWindow  *self,
            GError    **error)
{
  if (self->session != NULL && !ivd_plan_session_flush (self->session, error))
    return FALSE;

  g_clear_object (&self->steps_binding);
  if (self->training_banner != NULL)
    ivd_training_banner_set_plan (self->training_banner, NULL);
  adw_bin_set_child (self->editor_bin, NULL);
  self->editor = NULL;
  g_clear_object (&self->session);
  gtk_widget_set_visible (GTK_WIDGET (self->steps_button), FALSE);
  return TRUE;
}

static void
show_editor (IvdWindow *self)
{
  gtk_toggle_button_set_active (self->rules_button, FALSE);
  gtk_stack_set_visible_child_name (self->stack, self->editor ? "editor" : "empty");
  adw_leaflet_set_visible_child (leaflet (self), GTK_WIDGET (self->content));
  show_title (self);
}

/* The department details typed in one plan start the next one. */
static void
on_plan_changed_cb (IvdWindow  *self,
                    const char *path,
                    IvdPlan    *plan)
{
  if (g_str_has_prefix (path, "responsible."))
    ivd_responsible_defaults_remember (self->settings, plan);
}

static void
open_record (IvdWindow     *self,
             IvdPlanRecord *record)
{
  g_autoptr(GError) error = NULL;

  if (!close_plan (self, &error))
    {
      show_toast_error (self, _("The Open Plan Is Not Saved"), error->message);
      return;
    }

  self->session = ivd_plan_session_new (store (self), record);
  self->editor = ivd_plan_editor_new (self->session);
  adw_bin_set_child (self->editor_bin, GTK_WIDGET (self->editor));

  /* The step list folds away in a narrow window; this button brings it. */
  g_object_bind_property (self->editor, "folded", self->steps_button, "visible", G_BINDING_SYNC_CREATE);
  self->steps_binding = g_object_ref (g_object_bind_property (self->editor, "reveal-steps", self->steps_button,
                                                              "active", G_BINDING_SYNC_CREATE | G_BINDING_BIDIRECTIONAL));
  g_signal_connect_object (self->session, "notify::save-state", G_CALLBACK (on_session_save_state_notify_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->session, "notify::evaluation", G_CALLBACK (show_title), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (ivd_plan_record_get_plan (record), "changed", G_CALLBACK (on_plan_changed_cb), self,
                           G_CONNECT_SWAPPED);
  ivd_plan_list_pane_select (self->list_pane, ivd_plan_record_get_id (record));
  if (self->training_banner != NULL)
    ivd_training_banner_set_plan (self->training_banner, ivd_plan_record_get_plan (record));
  on_session_save_state_notify_cb (self);
  show_editor (self);
  gtk_widget_child_focus (GTK_WIDGET (self->editor), GTK_DIR_TAB_FORWARD);
}

static void
on_list_pane_plan_activated_cb (IvdWindow  *self,
                                const char *id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(IvdPlanRecord) record = NULL;

  if (store (self) == NULL)
    return;

  if (self->session != NULL && g_str_equal (ivd_plan_record_get_id (ivd_plan_session_get_record (self->session)), id))
    {
      show_editor (self);
      return;
    }

  if ((record = ivd_store_load_plan (store (self), id, &error)) == NULL)
    {
      show_toast_error (self, _("The Plan Cannot Be Opened"), error->message);
      return;
    }
  open_record (self, record);
}

static void
on_store_notify_cb (IvdWindow *self)
{
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.new-plan", store (self) != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.reset-training",
                                 self->training_banner != NULL && store (self) != NULL);
  if (store (self) != NULL)
    ivd_plan_list_pane_set_store (self->list_pane, store (self));
  if (self->coordinator != NULL)
    ivd_coordinator_view_set_store (self->coordinator, store (self));
}

static void
on_opening_store_notify_cb (IvdWindow *self)
{
  ivd_plan_list_pane_set_opening (self->list_pane,
                                  self->application != NULL && ivd_application_get_opening_store (self->application));
}

static void
on_leaflet_folded_notify_cb (IvdWindow *self)
{
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FOLDED]);
}

static void
new_plan_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  IvdWindow *self = IVD_WINDOW (widget);
  g_autoptr(IvdPlan) plan = ivd_plan_new ();
  g_autoptr(IvdPlanRecord) record = NULL;
  g_autoptr(GError) error = NULL;

  if (store (self) == NULL)
    return;

  ivd_responsible_defaults_apply (self->settings, plan);
  if ((record = ivd_store_create_plan (store (self), plan, &error)) == NULL)
    {
      show_toast_error (self, _("A New Plan Cannot Be Made"), error->message);
      return;
    }
  open_record (self, record);
}

static void
search_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  IvdWindow *self = IVD_WINDOW (widget);

  adw_leaflet_set_visible_child (leaflet (self), GTK_WIDGET (self->sidebar));
  ivd_plan_list_pane_focus_search (self->list_pane);
}

static void
show_plans_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  IvdWindow *self = IVD_WINDOW (widget);

  adw_leaflet_set_visible_child (leaflet (self), GTK_WIDGET (self->sidebar));
}

static void
show_rules_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  IvdWindow *self = IVD_WINDOW (widget);
  gboolean showing = g_strcmp0 (gtk_stack_get_visible_child_name (self->stack), "rules") == 0;

  if (showing)
    {
      show_editor (self);
      return;
    }

  gtk_stack_set_visible_child_name (self->stack, "rules");
  gtk_toggle_button_set_active (self->rules_button, TRUE);
  adw_leaflet_set_visible_child (leaflet (self), GTK_WIDGET (self->content));
  show_title (self);
}

static void
on_transfers_open_plan_cb (IvdWindow  *self,
                           const char *id)
{
  gtk_stack_set_visible_child_name (self->top_stack, "plans");
  on_list_pane_plan_activated_cb (self, id);
}

/* The coordinator's view is made the first time it is asked for: the
 * doctor's window starts without it. */
static IvdCoordinatorView *
coordinator (IvdWindow *self)
{
  if (self->coordinator == NULL)
    {
      self->coordinator = IVD_COORDINATOR_VIEW (ivd_coordinator_view_new ());
      adw_bin_set_child (self->coordinator_bin, GTK_WIDGET (self->coordinator));
      g_signal_connect_object (ivd_coordinator_view_get_transfers_view (self->coordinator), "open-plan",
                               G_CALLBACK (on_transfers_open_plan_cb), self, G_CONNECT_SWAPPED);
      if (store (self) != NULL)
        ivd_coordinator_view_set_store (self->coordinator, store (self));
    }
  return self->coordinator;
}

static void
show_coordinator_action (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *parameter)
{
  IvdWindow *self = IVD_WINDOW (widget);
  gboolean showing = g_strcmp0 (gtk_stack_get_visible_child_name (self->top_stack), "coordinator") == 0;

  if (showing || g_str_equal (action_name, "win.show-doctor"))
    {
      gtk_stack_set_visible_child_name (self->top_stack, "plans");
      return;
    }
  coordinator (self);
  gtk_stack_set_visible_child_name (self->top_stack, "coordinator");
}

static void
resolve_conflict_action (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *parameter)
{
  IvdWindow *self = IVD_WINDOW (widget);
  g_autoptr(GError) error = NULL;
  gboolean keep_mine = g_str_equal (action_name, "win.keep-mine");

  if (self->session == NULL)
    return;

  if (!(keep_mine ? ivd_plan_session_keep_mine (self->session, &error)
                  : ivd_plan_session_take_theirs (self->session, &error)))
    show_toast_error (self, _("The Plan Is Not Saved"), error->message);
}

/* Training mode: the open plan is let go of first, since it is deleted. */
static void
on_reset_training_response_cb (AdwMessageDialog *dialog,
                               const char       *response,
                               IvdWindow        *self)
{
  g_autoptr(GError) error = NULL;

  if (!g_str_equal (response, "reset") || store (self) == NULL)
    return;

  if (!close_plan (self, &error) || !ivd_application_reset_training (self->application, &error))
    {
      show_toast_error (self, _("Training Cannot Be Reset"), error->message);
      return;
    }
  show_editor (self);
}

static void
reset_training_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  IvdWindow *self = IVD_WINDOW (widget);
  AdwMessageDialog *dialog;

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (self), _("Reset Training?"),
                                                       _("Every plan in the training database is deleted and the "
                                                         "training cases are put back as they were, dated today. "
                                                         "Real plans are not touched.")));
  adw_message_dialog_add_responses (dialog, "cancel", _("_Cancel"), "reset", _("_Reset Training"), NULL);
  adw_message_dialog_set_response_appearance (dialog, "reset", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (dialog, "cancel");
  adw_message_dialog_set_close_response (dialog, "cancel");
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_reset_training_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
on_close_response_cb (AdwMessageDialog *dialog,
                      const char       *response,
                      IvdWindow        *self)
{
  if (!g_str_equal (response, "close"))
    return;

  /* The doctor chose to close without the unsaved edits. */
  g_clear_object (&self->session);
  gtk_window_destroy (GTK_WINDOW (self));
}

/* Closing saves what is pending; if it cannot be saved the window stays
 * open and says why, unless the doctor decides otherwise. */
static gboolean
ivd_window_close_request (GtkWindow *window)
{
  IvdWindow *self = IVD_WINDOW (window);
  g_autoptr(GError) error = NULL;
  AdwMessageDialog *dialog;

  if (self->coordinator != NULL && !ivd_coordinator_view_save_pending (self->coordinator, &error))
    {
      /* The directory editor keeps the edits; the window stays open. */
      show_toast_error (self, _("The Directory Is Not Saved"), error->message);
      return TRUE;
    }
  if (self->session == NULL || ivd_plan_session_flush (self->session, &error))
    return GTK_WINDOW_CLASS (ivd_window_parent_class)->close_request (window);

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (window, _("The Open Plan Is Not Saved"), error->message));
  adw_message_dialog_add_responses (dialog, "cancel", _("_Keep Editing"), "close", _("Close _Without Saving"), NULL);
  adw_message_dialog_set_response_appearance (dialog, "close", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (dialog, "cancel");
  adw_message_dialog_set_close_response (dialog, "cancel");
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_close_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
  return TRUE;
}

static void
ivd_window_dispose (GObject *object)
{
  IvdWindow *self = (IvdWindow *) object;

  /* The session saves what is pending when it goes. */
  g_clear_object (&self->steps_binding);
  g_clear_object (&self->session);
  gtk_widget_dispose_template (GTK_WIDGET (self), IVD_TYPE_WINDOW);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (ivd_window_parent_class)->dispose (object);
}

static void
ivd_window_get_property (GObject    *object,
                         guint       prop_id,
                         GValue     *value,
                         GParamSpec *pspec)
{
  IvdWindow *self = IVD_WINDOW (object);

  switch (prop_id)
    {
    /* Asked while the template is built, before the leaflet is bound. */
    case PROP_FOLDED: g_value_set_boolean (value, self->leaflet != NULL && adw_leaflet_get_folded (self->leaflet)); break;
    default:          G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
install_actions (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "win.new-plan", NULL, new_plan_action);
  gtk_widget_class_install_action (widget_class, "win.search", NULL, search_action);
  gtk_widget_class_install_action (widget_class, "win.show-plans", NULL, show_plans_action);
  gtk_widget_class_install_action (widget_class, "win.show-rules", NULL, show_rules_action);
  gtk_widget_class_install_action (widget_class, "win.show-coordinator", NULL, show_coordinator_action);
  gtk_widget_class_install_action (widget_class, "win.show-doctor", NULL, show_coordinator_action);
  gtk_widget_class_install_action (widget_class, "win.keep-mine", NULL, resolve_conflict_action);
  gtk_widget_class_install_action (widget_class, "win.take-theirs", NULL, resolve_conflict_action);
  gtk_widget_class_install_action (widget_class, "win.reset-training", NULL, reset_training_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_n, GDK_CONTROL_MASK, "win.new-plan", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_f, GDK_CONTROL_MASK, "win.search", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_r, GDK_CONTROL_MASK, "win.show-rules", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_t, GDK_CONTROL_MASK, "win.show-coordinator", NULL);
}

static void
ivd_window_class_init (IvdWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = ivd_window_dispose;
  object_class->get_property = ivd_window_get_property;
  window_class->close_request = ivd_window_close_request;

  /* Whether the plans and the open plan share the window or take turns. */
  properties[PROP_FOLDED] =
    g_param_spec_boolean ("folded", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (IVD_TYPE_RULE_BROWSER);
  g_type_ensure (IVD_TYPE_PLAN_LIST_PANE);
  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/ivdischarge/IvDischarge/ivd-window.ui");
  gtk_widget_class_bind_template_child (widget_class, IvdWindow, training_revealer);
  gtk_widget_class_bind_template_child (widget_class, IvdWindow, top_stack);
  gtk_widget_class_bind_template_child (widget_class, IvdWindow, leaflet);
  gtk_widget_class_bind_template_child (widget_class, IvdWindow, coordinator_bin);
  gtk_widget_class_bind_template_child (widget_class, IvdWindow, sidebar);
  gtk_widget_class_bind_template_child (widget_class, IvdWindow, content);
  gtk_widget_class_bind_template_child (widget_class, IvdWindow, list_pane);
  gtk_widget_class_bind_template_child (widget_class, IvdWindow, steps_button);
  gtk_widget_class_bind_template_child (widget_class, IvdWindow, rules_button);
  gtk_widget_class_bind_template_child (widget_class, IvdWindow, plan_title);
  gtk_widget_class_bind_template_child (widget_class, IvdWindow, conflict_revealer);
  gtk_widget_class_bind_template_child (widget_class, IvdWindow, conflict_label);
  gtk_widget_class_bind_template_child (widget_class, IvdWindow, stack);
  gtk_widget_class_bind_template_child (widget_class, IvdWindow, editor_bin);
  gtk_widget_class_bind_template_child (widget_class, IvdWindow, rule_browser);
  gtk_widget_class_bind_template_child (widget_class, IvdWindow, error_page);
  gtk_widget_class_bind_template_callback (widget_class, on_list_pane_plan_activated_cb);
  install_actions (widget_class);
}

static void
ivd_window_init (IvdWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  g_signal_connect_object (leaflet (self), "notify::folded", G_CALLBACK (on_leaflet_folded_notify_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.new-plan", FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.reset-training", FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.keep-mine", FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.take-theirs", FALSE);

  self->settings = settings_new_if_installed ();
  if (self->settings != NULL)
    {
      g_settings_bind (self->settings, "window-width", self, "default-width", G_SETTINGS_BIND_DEFAULT);
      g_settings_bind (self->settings, "window-height", self, "default-height", G_SETTINGS_BIND_DEFAULT);
      g_settings_bind (self->settings, "window-maximized", self, "maximized", G_SETTINGS_BIND_DEFAULT);
      g_settings_bind (self->settings, "last-region", self->rule_browser, "region", G_SETTINGS_BIND_DEFAULT);
    }
}

/* Training mode (issue 7): the banner above every view and a title that
 * says so in the task switcher too. */
static void
show_training_banner (IvdWindow *self)
{
  self->training_banner = IVD_TRAINING_BANNER (ivd_training_banner_new ());
  gtk_revealer_set_child (self->training_revealer, GTK_WIDGET (self->training_banner));
  gtk_revealer_set_reveal_child (self->training_revealer, TRUE);
  gtk_window_set_title (GTK_WINDOW (self), _("IV Discharge – Training"));
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

  self->application = application;
  if (ivd_application_get_training (application))
    show_training_banner (self);
  g_signal_connect_object (application, "notify::store", G_CALLBACK (on_store_notify_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (application, "notify::opening-store", G_CALLBACK (on_opening_store_notify_cb), self,
                           G_CONNECT_SWAPPED);
  on_opening_store_notify_cb (self);
  on_store_notify_cb (self);

  if (catalog != NULL)
    ivd_rule_browser_set_catalog (self->rule_browser, catalog);
  else
    {
      adw_status_page_set_description (self->error_page, catalog_error ? catalog_error->message : NULL);
      gtk_stack_set_visible_child_name (self->stack, "error");
    }

  return self;
}

/**
 * ivd_window_show_queue:
 *
 * Shows the coordinator's transfers on @queue (a reminder's "Open").
 */
void
ivd_window_show_queue (IvdWindow    *self,
                       IvdPlanQueue  queue)
{
  IvdCoordinatorView *view;

  g_return_if_fail (IVD_IS_WINDOW (self));

  view = coordinator (self);
  ivd_coordinator_view_show_page (view, "transfers");
  ivd_transfers_view_set_queue (ivd_coordinator_view_get_transfers_view (view), queue);
  gtk_stack_set_visible_child_name (self->top_stack, "coordinator");
}

/**
 * ivd_window_get_coordinator_view:
 *
 * Returns: (transfer none): the coordinator's view, made if need be
 */
IvdCoordinatorView *
ivd_window_get_coordinator_view (IvdWindow *self)
{
  g_return_val_if_fail (IVD_IS_WINDOW (self), NULL);
  return coordinator (self);
}
