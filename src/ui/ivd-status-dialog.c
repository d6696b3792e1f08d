#define G_LOG_DOMAIN "ivd-status-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "ivd-status-dialog.h"

/* One dialog for the three status changes that need words from the
 * coordinator: the municipality's answer (a declined plan needs the
 * reason), the end of a course (its outcome, and only once the closing
 * note is in) and a cancellation (its reason). "Save" stays off until
 * what the store will demand is there, so the store's refusal is never
 * the first the coordinator hears of it. */
struct _IvdStatusDialog
{
  AdwMessageDialog     parent_instance;

  IvdStatusDialogKind  kind;

  GtkDropDown         *choice_dropdown;
  GtkEntry            *reason_entry;
  GtkCheckButton      *note_check;
};

G_DEFINE_FINAL_TYPE (IvdStatusDialog, ivd_status_dialog, ADW_TYPE_MESSAGE_DIALOG)

/* The end outcomes in the order of ivd_plan_status_get_end_outcomes (). */
static const char *
outcome_label (guint index)
{
  switch (index)
    {
    case 0:  return _("Completed");
    case 1:  return _("Stopped early");
    default: return _("Readmitted");
    }
}

static gboolean
answer_declined (IvdStatusDialog *self)
{
  return gtk_drop_down_get_selected (self->choice_dropdown) == 1;
}

static const char *
reason_text (IvdStatusDialog *self)
{
  return gtk_editable_get_text (GTK_EDITABLE (self->reason_entry));
}

static void
set_choices (IvdStatusDialog     *self,
             const char * const  *labels)
{
  g_autoptr(GtkStringList) list = gtk_string_list_new (labels);

  gtk_drop_down_set_model (self->choice_dropdown, G_LIST_MODEL (list));
  gtk_drop_down_set_selected (self->choice_dropdown, 0);
}

/* Headings, fields and choices for the kind of change. */
static void
set_up_kind (IvdStatusDialog *self)
{
  AdwMessageDialog *dialog = ADW_MESSAGE_DIALOG (self);

  switch (self->kind)
    {
    case IVD_STATUS_DIALOG_ANSWER:
      {
        const char *labels[] = { _("Accepted"), _("Declined"), NULL };

        adw_message_dialog_set_heading (dialog, _("The Municipality’s Answer"));
        adw_message_dialog_set_body (dialog, _("Record what the municipality answered to the referral."));
        set_choices (self, labels);
        gtk_entry_set_placeholder_text (self->reason_entry, _("Why the municipality declined"));
        gtk_widget_set_visible (GTK_WIDGET (self->note_check), FALSE);
        break;
      }
    case IVD_STATUS_DIALOG_ENDED:
      {
        const char *labels[] = { outcome_label (0), outcome_label (1), outcome_label (2), NULL };

        adw_message_dialog_set_heading (dialog, _("Course Ended"));
        adw_message_dialog_set_body (dialog, _("Record how the course ended. A course is ended when the "
                                               "municipality’s closing note has been received."));
        set_choices (self, labels);
        gtk_widget_set_visible (GTK_WIDGET (self->reason_entry), FALSE);
        break;
      }
    case IVD_STATUS_DIALOG_CANCEL:
    default:
      adw_message_dialog_set_heading (dialog, _("Cancel the Plan?"));
      adw_message_dialog_set_body (dialog, _("A cancelled plan stays in the record but is no longer followed."));
      adw_message_dialog_set_response_label (dialog, "apply", _("Cancel _Plan"));
      adw_message_dialog_set_response_label (dialog, "cancel", _("_Keep Plan"));
      adw_message_dialog_set_response_appearance (dialog, "apply", ADW_RESPONSE_DESTRUCTIVE);
      gtk_entry_set_placeholder_text (self->reason_entry, _("Why the plan is cancelled"));
      gtk_widget_set_visible (GTK_WIDGET (self->choice_dropdown), FALSE);
      gtk_widget_set_visible (GTK_WIDGET (self->note_check), FALSE);
      break;
    }
}

static void
on_input_changed_cb (IvdStatusDialog *self)
{
  if (self->kind == IVD_STATUS_DIALOG_ANSWER)
    gtk_widget_set_sensitive (GTK_WIDGET (self->reason_entry), answer_declined (self));
  adw_message_dialog_set_response_enabled (ADW_MESSAGE_DIALOG (self), "apply",
                                           ivd_status_dialog_is_complete (self));
}

static void
ivd_status_dialog_class_init (IvdStatusDialogClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/ivdischarge/IvDischarge/ivd-status-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, IvdStatusDialog, choice_dropdown);
  gtk_widget_class_bind_template_child (widget_class, IvdStatusDialog, reason_entry);
  gtk_widget_class_bind_template_child (widget_class, IvdStatusDialog, note_check);
  gtk_widget_class_bind_template_callback (widget_class, on_input_changed_cb);
}

static void
ivd_status_dialog_init (IvdStatusDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

IvdStatusDialog *
ivd_status_dialog_new (GtkWindow           *parent,
                       IvdStatusDialogKind  kind)
{
  IvdStatusDialog *self = g_object_new (IVD_TYPE_STATUS_DIALOG, "transient-for", parent, NULL);

  self->kind = kind;
  set_up_kind (self);
  on_input_changed_cb (self);
  return self;
}

IvdPlanStatus
ivd_status_dialog_get_status (IvdStatusDialog *self)
{
  g_return_val_if_fail (IVD_IS_STATUS_DIALOG (self), IVD_PLAN_STATUS_CANCELLED);

  switch (self->kind)
    {
    case IVD_STATUS_DIALOG_ANSWER: return answer_declined (self) ? IVD_PLAN_STATUS_DECLINED : IVD_PLAN_STATUS_ACCEPTED;
    case IVD_STATUS_DIALOG_ENDED:  return IVD_PLAN_STATUS_ENDED;
    default:                       return IVD_PLAN_STATUS_CANCELLED;
    }
}

/**
 * ivd_status_dialog_dup_reason:
 *
 * Returns: (nullable): what the store keeps as the change's reason: the
 *   outcome's name for an ended course, the typed reason otherwise
 */
char *
ivd_status_dialog_dup_reason (IvdStatusDialog *self)
{
  g_return_val_if_fail (IVD_IS_STATUS_DIALOG (self), NULL);

  if (self->kind == IVD_STATUS_DIALOG_ENDED)
    return g_strdup (ivd_plan_status_get_end_outcomes ()[gtk_drop_down_get_selected (self->choice_dropdown)]);
  if (self->kind == IVD_STATUS_DIALOG_ANSWER && !answer_declined (self))
    return NULL;
  return g_strstrip (g_strdup (reason_text (self)));
}

gboolean
ivd_status_dialog_is_complete (IvdStatusDialog *self)
{
  g_autofree char *reason = NULL;

  g_return_val_if_fail (IVD_IS_STATUS_DIALOG (self), FALSE);

  if (self->kind == IVD_STATUS_DIALOG_ENDED)
    return gtk_check_button_get_active (self->note_check);
  reason = ivd_status_dialog_dup_reason (self);
  return ivd_plan_status_check_reason (ivd_status_dialog_get_status (self), reason, NULL);
}
