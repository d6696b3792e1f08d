#define G_LOG_DOMAIN "ivd-finding-row"

#include "config.h"

#include <glib/gi18n.h>

#include "ivd-finding-row.h"
#include "ivd-labels.h"

/* One finding as the doctor meets it while answering: what it means, how
 * hard it bites, its rule id and source, and the agreement's own words
 * behind "Why?". */
struct _IvdFindingRow
{
  GtkListBoxRow  parent_instance;

  GtkImage      *icon;
  GtkLabel      *message_label;
  GtkLabel      *severity_label;
  GtkLabel      *id_label;
  GtkLabel      *source_label;
  GtkMenuButton *why_button;
  GtkLabel      *quote_label;
};

G_DEFINE_FINAL_TYPE (IvdFindingRow, ivd_finding_row, GTK_TYPE_LIST_BOX_ROW)

static const char *
icon_name (IvdSeverity severity)
{
  switch (severity)
    {
    case IVD_SEVERITY_BLOCK:   return "dialog-error-symbolic";
    case IVD_SEVERITY_REVIEW:  return "dialog-warning-symbolic";
    case IVD_SEVERITY_MISSING: return "document-edit-symbolic";
    case IVD_SEVERITY_INFO:
    default:                   return "dialog-information-symbolic";
    }
}

static void
ivd_finding_row_class_init (IvdFindingRowClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/ivdischarge/IvDischarge/ivd-finding-row.ui");
  gtk_widget_class_bind_template_child (widget_class, IvdFindingRow, icon);
  gtk_widget_class_bind_template_child (widget_class, IvdFindingRow, message_label);
  gtk_widget_class_bind_template_child (widget_class, IvdFindingRow, severity_label);
  gtk_widget_class_bind_template_child (widget_class, IvdFindingRow, id_label);
  gtk_widget_class_bind_template_child (widget_class, IvdFindingRow, source_label);
  gtk_widget_class_bind_template_child (widget_class, IvdFindingRow, why_button);
  gtk_widget_class_bind_template_child (widget_class, IvdFindingRow, quote_label);
}

static void
ivd_finding_row_init (IvdFindingRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/**
 * ivd_finding_row_new:
 * @quote: (nullable): the source text of the finding's rule, in Danish
 */
GtkWidget *
ivd_finding_row_new (IvdFinding *finding,
                     const char *quote)
{
  IvdFindingRow *self = g_object_new (IVD_TYPE_FINDING_ROW, NULL);
  IvdSeverity severity = ivd_finding_get_severity (finding);
  const char *nick = ivd_severity_to_string (severity);
  g_autofree char *css = g_strdup_printf ("severity-%s", nick);
  g_autofree char *source = g_strdup_printf (_("Source: %s"), ivd_finding_get_source (finding));
  g_autofree char *why = g_strdup_printf (_("Why: %s"), ivd_finding_get_rule_id (finding));

  gtk_image_set_from_icon_name (self->icon, icon_name (severity));
  gtk_widget_add_css_class (GTK_WIDGET (self->icon), css);
  gtk_label_set_label (self->message_label, ivd_finding_get_message (finding));
  gtk_label_set_label (self->severity_label, ivd_labels_severity (nick));
  gtk_widget_add_css_class (GTK_WIDGET (self->severity_label), css);
  gtk_label_set_label (self->id_label, ivd_finding_get_rule_id (finding));
  gtk_label_set_label (self->source_label, source);
  gtk_widget_set_visible (GTK_WIDGET (self->why_button), quote != NULL);
  gtk_label_set_label (self->quote_label, quote != NULL ? quote : "");
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->why_button), GTK_ACCESSIBLE_PROPERTY_LABEL, why, -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  ivd_finding_get_message (finding), -1);
  return GTK_WIDGET (self);
}
