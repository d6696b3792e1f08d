#define G_LOG_DOMAIN "ivd-step-page"

#include "config.h"

#include "ivd-findings-group.h"
#include "ivd-step-page.h"

/* What every step page shares: the session, set once by the editor, and
 * the call back to the page on each new evaluation. A page builds its
 * rows in session_set() and shows the plan in evaluation_changed(); its
 * template shows the step's findings in an IvdFindingsGroup whose
 * "session" is bound to the page's. */
typedef struct
{
  IvdPlanSession *session;
} IvdStepPagePrivate;

G_DEFINE_ABSTRACT_TYPE_WITH_PRIVATE (IvdStepPage, ivd_step_page, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_SESSION,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
on_session_evaluation_notify_cb (IvdStepPage *self)
{
  IvdStepPageClass *klass = IVD_STEP_PAGE_GET_CLASS (self);

  if (klass->evaluation_changed != NULL)
    klass->evaluation_changed (self);
}

static void
ivd_step_page_dispose (GObject *object)
{
  IvdStepPage *self = (IvdStepPage *) object;
  IvdStepPagePrivate *priv = ivd_step_page_get_instance_private (self);

  g_clear_object (&priv->session);

  G_OBJECT_CLASS (ivd_step_page_parent_class)->dispose (object);
}

static void
ivd_step_page_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  IvdStepPage *self = IVD_STEP_PAGE (object);

  switch (prop_id)
    {
    case PROP_SESSION: g_value_set_object (value, ivd_step_page_get_session (self)); break;
    default:           G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ivd_step_page_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  IvdStepPage *self = IVD_STEP_PAGE (object);

  switch (prop_id)
    {
    case PROP_SESSION: ivd_step_page_set_session (self, g_value_get_object (value)); break;
    default:           G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ivd_step_page_class_init (IvdStepPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = ivd_step_page_dispose;
  object_class->get_property = ivd_step_page_get_property;
  object_class->set_property = ivd_step_page_set_property;

  /* The open plan; the editor sets it once. A page's template binds its
   * findings group to it. */
  properties[PROP_SESSION] =
    g_param_spec_object ("session", NULL, NULL, IVD_TYPE_PLAN_SESSION,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /* For the subclasses' templates. */
  g_type_ensure (IVD_TYPE_FINDINGS_GROUP);
}

static void
ivd_step_page_init (IvdStepPage *self)
{
}

/**
 * ivd_step_page_get_session:
 *
 * Returns: (transfer none) (nullable): the open plan's session; %NULL
 *   until the editor has set it
 */
IvdPlanSession *
ivd_step_page_get_session (IvdStepPage *self)
{
  IvdStepPagePrivate *priv;

  g_return_val_if_fail (IVD_IS_STEP_PAGE (self), NULL);

  priv = ivd_step_page_get_instance_private (self);
  return priv->session;
}

/**
 * ivd_step_page_set_session:
 * @session: (nullable): the open plan's session
 *
 * Sets the session, once: the page builds its rows (session_set) and
 * shows the evaluation (evaluation_changed), then follows each new one.
 * %NULL, or the same session again, changes nothing.
 */
void
ivd_step_page_set_session (IvdStepPage    *self,
                           IvdPlanSession *session)
{
  IvdStepPagePrivate *priv;
  IvdStepPageClass *klass;

  g_return_if_fail (IVD_IS_STEP_PAGE (self));
  g_return_if_fail (session == NULL || IVD_IS_PLAN_SESSION (session));

  priv = ivd_step_page_get_instance_private (self);
  if (session == NULL || session == priv->session)
    return;
  g_return_if_fail (priv->session == NULL);

  klass = IVD_STEP_PAGE_GET_CLASS (self);
  priv->session = g_object_ref (session);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SESSION]);

  if (klass->session_set != NULL)
    klass->session_set (self);
  g_signal_connect_object (session, "notify::evaluation", G_CALLBACK (on_session_evaluation_notify_cb), self,
                           G_CONNECT_SWAPPED);
  on_session_evaluation_notify_cb (self);
}

/**
 * ivd_step_page_get_plan:
 *
 * Returns: (transfer none) (nullable): the plan being edited; %NULL until
 *   the session is set
 */
IvdPlan *
ivd_step_page_get_plan (IvdStepPage *self)
{
  IvdPlanSession *session = ivd_step_page_get_session (self);

  return session != NULL ? ivd_plan_session_get_plan (session) : NULL;
}

/**
 * ivd_step_page_get_evaluation:
 *
 * Returns: (transfer none) (nullable): the plan's latest evaluation; %NULL
 *   when it cannot be evaluated, or until the session is set
 */
IvdEvaluation *
ivd_step_page_get_evaluation (IvdStepPage *self)
{
  IvdPlanSession *session = ivd_step_page_get_session (self);

  return session != NULL ? ivd_plan_session_get_evaluation (session) : NULL;
}

/**
 * ivd_step_page_get_rule_set:
 *
 * Returns: (transfer none) (nullable): the rules of the evaluated region;
 *   %NULL until the municipality is known
 */
IvdRuleSet *
ivd_step_page_get_rule_set (IvdStepPage *self)
{
  IvdPlanSession *session = ivd_step_page_get_session (self);

  return session != NULL ? ivd_plan_session_get_rule_set (session) : NULL;
}
