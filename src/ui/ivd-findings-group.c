#define G_LOG_DOMAIN "ivd-findings-group"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "ivd-finding-row.h"
#include "ivd-findings-group.h"
#include "ivd-enum-types.h"

/* The findings of one step, updated as the doctor answers: the session
 * re-evaluates on every change and this shows the step's part of it. */
struct _IvdFindingsGroup
{
  AdwPreferencesGroup  parent_instance;

  IvdPlanSession      *session;
  IvdStep              step;
  GtkFilterListModel  *filtered;

  GtkListBox          *list;
};

G_DEFINE_FINAL_TYPE (IvdFindingsGroup, ivd_findings_group, ADW_TYPE_PREFERENCES_GROUP)

enum {
  PROP_0,
  PROP_SESSION,
  PROP_STEP,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static gboolean
belongs_to_step (gpointer item,
                 gpointer user_data)
{
  IvdFindingsGroup *self = user_data;

  return ivd_plan_steps_for_rule (ivd_finding_get_rule_id (item)) == self->step;
}

static const char *
quote_of (IvdFindingsGroup *self,
          IvdFinding       *finding)
{
  IvdRuleSet *rules = ivd_plan_session_get_rule_set (self->session);
  IvdRule *rule = rules ? ivd_rule_set_lookup_rule (rules, ivd_finding_get_rule_id (finding)) : NULL;

  return rule ? ivd_rule_get_quote (rule) : NULL;
}

static GtkWidget *
create_row (gpointer item,
            gpointer user_data)
{
  return ivd_finding_row_new (item, quote_of (user_data, item));
}

static void
on_evaluation_notify_cb (IvdFindingsGroup *self)
{
  IvdEvaluation *evaluation = ivd_plan_session_get_evaluation (self->session);
  GListModel *findings = evaluation ? ivd_evaluation_get_findings (evaluation) : NULL;

  gtk_filter_list_model_set_model (self->filtered, findings);
  gtk_widget_set_visible (GTK_WIDGET (self), g_list_model_get_n_items (G_LIST_MODEL (self->filtered)) > 0);
}

static void
ivd_findings_group_dispose (GObject *object)
{
  IvdFindingsGroup *self = (IvdFindingsGroup *) object;

  gtk_widget_dispose_template (GTK_WIDGET (self), IVD_TYPE_FINDINGS_GROUP);
  g_clear_object (&self->filtered);
  g_clear_object (&self->session);

  G_OBJECT_CLASS (ivd_findings_group_parent_class)->dispose (object);
}

static void
ivd_findings_group_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  IvdFindingsGroup *self = IVD_FINDINGS_GROUP (object);

  switch (prop_id)
    {
    case PROP_SESSION: g_value_set_object (value, self->session); break;
    case PROP_STEP:    g_value_set_enum (value, self->step); break;
    default:           G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ivd_findings_group_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  IvdFindingsGroup *self = IVD_FINDINGS_GROUP (object);

  switch (prop_id)
    {
    case PROP_SESSION:
      ivd_findings_group_set_session (self, g_value_get_object (value));
      break;
    case PROP_STEP:
      self->step = g_value_get_enum (value);
      gtk_filter_changed (gtk_filter_list_model_get_filter (self->filtered), GTK_FILTER_CHANGE_DIFFERENT);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ivd_findings_group_class_init (IvdFindingsGroupClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ivd_findings_group_dispose;
  object_class->get_property = ivd_findings_group_get_property;
  object_class->set_property = ivd_findings_group_set_property;

  /* The open plan, set once: a page's template binds it to the page's. */
  properties[PROP_SESSION] =
    g_param_spec_object ("session", NULL, NULL, IVD_TYPE_PLAN_SESSION,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /* The step whose findings are shown; set once, in the page's template. */
  properties[PROP_STEP] =
    g_param_spec_enum ("step", NULL, NULL, IVD_TYPE_STEP, IVD_STEP_PATIENT,
                       G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/ivdischarge/IvDischarge/ivd-findings-group.ui");
  gtk_widget_class_bind_template_child (widget_class, IvdFindingsGroup, list);
}

static void
ivd_findings_group_init (IvdFindingsGroup *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->filtered = gtk_filter_list_model_new (NULL, GTK_FILTER (gtk_custom_filter_new (belongs_to_step, self, NULL)));
  gtk_list_box_bind_model (self->list, G_LIST_MODEL (self->filtered), create_row, self, NULL);
  gtk_widget_set_visible (GTK_WIDGET (self), FALSE);
}

/**
 * ivd_findings_group_set_session:
 * @session: (nullable): the open plan's session
 *
 * Sets the session, once; %NULL (a binding before the page has its
 * session) or the same session again changes nothing.
 */
void
ivd_findings_group_set_session (IvdFindingsGroup *self,
                                IvdPlanSession   *session)
{
  g_return_if_fail (IVD_IS_FINDINGS_GROUP (self));
  g_return_if_fail (session == NULL || IVD_IS_PLAN_SESSION (session));

  if (session == NULL || session == self->session)
    return;
  g_return_if_fail (self->session == NULL);

  self->session = g_object_ref (session);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SESSION]);
  g_signal_connect_object (session, "notify::evaluation", G_CALLBACK (on_evaluation_notify_cb), self,
                           G_CONNECT_SWAPPED);
  on_evaluation_notify_cb (self);
}
