#define G_LOG_DOMAIN "ivd-rule-row"

#include "config.h"

#include <glib/gi18n.h>

#include "ivd-rule-row.h"

/* A rule as a doctor reads it: its id, what it says, how hard it bites,
 * where it comes from, and the Danish source text on demand. */
struct _IvdRuleRow
{
  GtkListBoxRow  parent_instance;

  IvdRule       *rule;

  GtkLabel      *id_label;
  GtkLabel      *severity_label;
  GtkLabel      *outside_label;
  GtkLabel      *source_label;
  GtkLabel      *text_label;
  GtkExpander   *quote_expander;
  GtkLabel      *quote_label;
};

G_DEFINE_FINAL_TYPE (IvdRuleRow, ivd_rule_row, GTK_TYPE_LIST_BOX_ROW)

enum {
  PROP_0,
  PROP_RULE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static const char *
severity_label (IvdSeverity severity)
{
  switch (severity)
    {
    case IVD_SEVERITY_BLOCK:
      return _("Keeps in hospital");
    case IVD_SEVERITY_REVIEW:
      return _("Needs review");
    case IVD_SEVERITY_MISSING:
      return _("Must be answered");
    case IVD_SEVERITY_INFO:
    default:
      return _("Information");
    }
}

static void
show_rule (IvdRuleRow *self)
{
  g_autofree char *text = ivd_rule_dup_text (self->rule);
  g_autofree char *source = g_strdup_printf (_("Source: %s"), ivd_rule_get_source (self->rule));
  g_autofree char *css = g_strdup_printf ("severity-%s", ivd_severity_to_string (ivd_rule_get_severity (self->rule)));
  gboolean checklist = g_strcmp0 (ivd_rule_get_check (self->rule), "checklist") == 0;
  const char *quote = ivd_rule_get_quote (self->rule);

  gtk_label_set_label (self->id_label, ivd_rule_get_id (self->rule));
  gtk_label_set_label (self->text_label, text);
  gtk_label_set_label (self->source_label, source);
  gtk_label_set_label (self->severity_label, severity_label (ivd_rule_get_severity (self->rule)));
  gtk_widget_add_css_class (GTK_WIDGET (self->severity_label), css);
  gtk_widget_set_visible (GTK_WIDGET (self->severity_label), !checklist);
  gtk_widget_set_visible (GTK_WIDGET (self->outside_label), ivd_rule_get_outside_seeds (self->rule));
  gtk_widget_set_visible (GTK_WIDGET (self->quote_expander), quote != NULL);
  gtk_label_set_label (self->quote_label, quote ? quote : "");

  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, ivd_rule_get_id (self->rule),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, text,
                                  -1);
}

static void
ivd_rule_row_dispose (GObject *object)
{
  IvdRuleRow *self = (IvdRuleRow *) object;

  gtk_widget_dispose_template (GTK_WIDGET (self), IVD_TYPE_RULE_ROW);
  g_clear_object (&self->rule);

  G_OBJECT_CLASS (ivd_rule_row_parent_class)->dispose (object);
}

static void
ivd_rule_row_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  IvdRuleRow *self = IVD_RULE_ROW (object);

  switch (prop_id)
    {
    case PROP_RULE:
      g_value_set_object (value, self->rule);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ivd_rule_row_set_property (GObject      *object,
                           guint         prop_id,
                           const GValue *value,
                           GParamSpec   *pspec)
{
  IvdRuleRow *self = IVD_RULE_ROW (object);

  switch (prop_id)
    {
    case PROP_RULE:
      self->rule = g_value_dup_object (value);
      show_rule (self);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ivd_rule_row_class_init (IvdRuleRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ivd_rule_row_dispose;
  object_class->get_property = ivd_rule_row_get_property;
  object_class->set_property = ivd_rule_row_set_property;

  properties[PROP_RULE] =
    g_param_spec_object ("rule", NULL, NULL, IVD_TYPE_RULE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/ivdischarge/IvDischarge/ivd-rule-row.ui");
  gtk_widget_class_bind_template_child (widget_class, IvdRuleRow, id_label);
  gtk_widget_class_bind_template_child (widget_class, IvdRuleRow, severity_label);
  gtk_widget_class_bind_template_child (widget_class, IvdRuleRow, outside_label);
  gtk_widget_class_bind_template_child (widget_class, IvdRuleRow, source_label);
  gtk_widget_class_bind_template_child (widget_class, IvdRuleRow, text_label);
  gtk_widget_class_bind_template_child (widget_class, IvdRuleRow, quote_expander);
  gtk_widget_class_bind_template_child (widget_class, IvdRuleRow, quote_label);
}

static void
ivd_rule_row_init (IvdRuleRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
ivd_rule_row_new (IvdRule *rule)
{
  return g_object_new (IVD_TYPE_RULE_ROW, "rule", rule, NULL);
}

