#define G_LOG_DOMAIN "ivd-review-page"

#include "config.h"

#include <glib/gi18n.h>

#include "ivd-checklist-item.h"
#include "ivd-directory.h"
#include "ivd-export-facts.h"
#include "ivd-labels.h"
#include "ivd-pdf-writer.h"
#include "ivd-plan-steps.h"
#include "ivd-referral.h"
#include "ivd-review-page.h"

/* Step 8: the plan at a glance (who, where, what, when, and the outcome),
 * what is still open with a way to each step, and the exports: referral
 * PDF, FHIR message, text for the record, patient handout, and print. The
 * exports read the municipality directory each time, so a coordinator's
 * edits count at once. File names proposed never carry patient data. */
struct _IvdReviewPage
{
  IvdStepPage           parent_instance;

  AdwToastOverlay      *toasts;
  GPtrArray            *open_rows;
  GtkFileChooserNative *chooser;
  GBytes               *pending;    /* the export waiting for its file */
  GtkPrintOperation    *printing;

  AdwActionRow         *outcome_row;
  GtkImage             *outcome_icon;
  GtkLabel             *patient_label;
  GtkLabel             *municipality_label;
  GtkLabel             *treatment_label;
  GtkLabel             *schedule_label;
  GtkLabel             *dates_label;
  GtkLabel             *delivery_label;
  AdwPreferencesGroup  *open_group;
};

G_DEFINE_FINAL_TYPE (IvdReviewPage, ivd_review_page, IVD_TYPE_STEP_PAGE)

static const char * const look_classes[] = { "success", "error", "warning", "accent", "dim-label", NULL };

static const struct
{
  const char *icon;
  const char *css;
} outcome_looks[] = {
  [IVD_OUTCOME_ELIGIBLE]       = { "emblem-ok-symbolic", "success" },
  [IVD_OUTCOME_NOT_ELIGIBLE]   = { "dialog-error-symbolic", "error" },
  [IVD_OUTCOME_NEEDS_REVIEW]   = { "dialog-warning-symbolic", "warning" },
  [IVD_OUTCOME_INCOMPLETE]     = { "document-edit-symbolic", "accent" },
  [IVD_OUTCOME_NOT_APPLICABLE] = { "action-unavailable-symbolic", "dim-label" },
};

static const struct
{
  const char *icon;
  const char *css;
  const char *description;
} step_looks[] = {
  [IVD_STEP_STATE_OPEN]    = { "document-edit-symbolic", "accent", N_("Not complete") },
  [IVD_STEP_STATE_DONE]    = { "emblem-ok-symbolic", "success", N_("Complete") },
  [IVD_STEP_STATE_REVIEW]  = { "dialog-warning-symbolic", "warning", N_("Complete; needs an individual assessment") },
  [IVD_STEP_STATE_BLOCKED] = { "dialog-error-symbolic", "error", N_("Blocked: a finding keeps the course in hospital") },
  [IVD_STEP_STATE_SKIPPED] = { "action-unavailable-symbolic", "dim-label", N_("Not needed: no municipal IV course") },
};

static const struct
{
  const char *icon;
  const char *css;
} severity_looks[] = {
  [IVD_SEVERITY_BLOCK]   = { "dialog-error-symbolic", "error" },
  [IVD_SEVERITY_REVIEW]  = { "dialog-warning-symbolic", "warning" },
  [IVD_SEVERITY_MISSING] = { "document-edit-symbolic", "accent" },
  [IVD_SEVERITY_INFO]    = { "dialog-information-symbolic", "dim-label" },
};

static const struct
{
  const char *title;
  const char *filter;
  const char *pattern;
} save_formats[] = {
  [IVD_EXPORT_PDF]     = { N_("Save the Referral as PDF"), N_("PDF documents"), "*.pdf" },
  [IVD_EXPORT_FHIR]    = { N_("Save the Referral as FHIR Message"), N_("FHIR messages (JSON)"), "*.json" },
  [IVD_EXPORT_TEXT]    = { NULL, NULL, NULL },
  [IVD_EXPORT_HANDOUT] = { N_("Save the Patient Handout"), N_("PDF documents"), "*.pdf" },
};

static IvdCatalog *
catalog (IvdReviewPage *self)
{
  return ivd_store_get_catalog (ivd_plan_session_get_store (ivd_step_page_get_session (IVD_STEP_PAGE (self))));
}

/* Why the plan cannot be evaluated, when it cannot. */
static const char *
evaluation_error (IvdReviewPage *self)
{
  return ivd_plan_session_get_evaluation_error (ivd_step_page_get_session (IVD_STEP_PAGE (self)));
}

static void
set_look (GtkWidget  *widget,
          const char *icon,
          const char *css)
{
  for (guint i = 0; look_classes[i] != NULL; i++)
    gtk_widget_remove_css_class (widget, look_classes[i]);
  gtk_image_set_from_icon_name (GTK_IMAGE (widget), icon);
  gtk_widget_add_css_class (widget, css);
}

static void
show_toast (IvdReviewPage *self,
            const char    *message,
            gboolean       is_error)
{
  AdwToast *toast = adw_toast_new ("");
  GtkWidget *label = gtk_label_new (message);

  /* Wrapped, not cut: an error says what to fix, and a long title would
   * widen the page enough to fold the step list away. */
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_max_width_chars (GTK_LABEL (label), 60);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  adw_toast_set_custom_title (toast, label);
  /* An error stays until it is dismissed. */
  adw_toast_set_timeout (toast, is_error ? 0 : 5);
  adw_toast_set_priority (toast, is_error ? ADW_TOAST_PRIORITY_HIGH : ADW_TOAST_PRIORITY_NORMAL);
  adw_toast_overlay_add_toast (self->toasts, toast);
}

static void
show_outcome (IvdReviewPage *self)
{
  IvdEvaluation *current = ivd_step_page_get_evaluation (IVD_STEP_PAGE (self));
  IvdOutcome outcome;
  const char *subtitle = NULL;

  if (current == NULL)
    {
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->outcome_row), _("The plan cannot be evaluated"));
      adw_action_row_set_subtitle (self->outcome_row, evaluation_error (self));
      set_look (GTK_WIDGET (self->outcome_icon), "dialog-error-symbolic", "error");
      return;
    }

  outcome = ivd_evaluation_get_outcome (current);
  if (ivd_evaluation_get_ready (current))
    subtitle = _("Ready for referral: every checklist item is done");
  else if (outcome == IVD_OUTCOME_ELIGIBLE)
    subtitle = _("Tick the open checklist items before the referral");
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->outcome_row),
                                 ivd_labels_outcome (ivd_outcome_to_string (outcome)));
  adw_action_row_set_subtitle (self->outcome_row, subtitle);
  set_look (GTK_WIDGET (self->outcome_icon), outcome_looks[outcome].icon, outcome_looks[outcome].css);
}

static char *
treatment_text (const IvdExportFacts *facts)
{
  g_autoptr(GPtrArray) parts = g_ptr_array_new_with_free_func (g_free);

  if (facts->drug != NULL)
    g_ptr_array_add (parts, g_strjoin (" ", facts->drug, facts->dose, NULL));
  if (facts->form != NULL)
    g_ptr_array_add (parts, g_strdup (ivd_labels_form (facts->form)));
  if (facts->type != NULL)
    g_ptr_array_add (parts, g_strdup (ivd_labels_treatment_type (facts->type)));
  if (parts->len == 0)
    return g_strdup (ivd_export_facts_or_unfilled (NULL));
  g_ptr_array_add (parts, NULL);
  return g_strjoinv (" · ", (char **) parts->pdata);
}

static char *
schedule_text (const IvdExportFacts *facts)
{
  const char *times = ivd_export_facts_or_unfilled (facts->times);

  if (facts->days <= 0)
    /* Translators: the administration times, then that the days are missing */
    return g_strdup_printf (_("%s; days not filled in"), times);
  /* Translators: the administration times, then the number of treatment days */
  return g_strdup_printf (ngettext ("%s; %d day", "%s; %d days", (gulong) facts->days), times,
                          (int) facts->days);
}

static void
show_summary (IvdReviewPage *self,
              IvdExportFacts *facts)
{
  g_autofree char *patient = NULL;
  g_autofree char *municipality = NULL;
  g_autofree char *treatment = treatment_text (facts);
  g_autofree char *schedule = schedule_text (facts);
  g_autofree char *dates = NULL;
  const char *delivery = facts->delivery ? ivd_labels_delivery (facts->delivery) : NULL;

  /* Translators: the patient's name, then the CPR number */
  patient = g_strdup_printf (_("%s, CPR %s"), ivd_export_facts_or_unfilled (facts->name),
                             ivd_export_facts_or_unfilled (facts->cpr));
  municipality = facts->region != NULL
                 ? g_strdup_printf ("%s, %s", ivd_export_facts_or_unfilled (facts->authority),
                                    ivd_labels_region (facts->region))
                 : g_strdup (ivd_export_facts_or_unfilled (facts->authority));
  /* Translators: the first and the last day of the course */
  dates = g_strdup_printf (_("%s to %s"), ivd_export_facts_or_unfilled (facts->start),
                           ivd_export_facts_or_unfilled (facts->stop));

  gtk_label_set_label (self->patient_label, patient);
  gtk_label_set_label (self->municipality_label, municipality);
  gtk_label_set_label (self->treatment_label, treatment);
  gtk_label_set_label (self->schedule_label, schedule);
  gtk_label_set_label (self->dates_label, dates);
  gtk_label_set_label (self->delivery_label, ivd_export_facts_or_unfilled (delivery));
}

/* A row of the open items; activating it goes to @step, unless that is
 * this page. */
static GtkWidget *
open_row (const char *icon,
          const char *css,
          const char *title,
          const char *subtitle,
          IvdStep     step)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *image = gtk_image_new_from_icon_name (icon);

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 2);
  gtk_widget_add_css_class (image, css);
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), image);

  if (step != IVD_STEP_REVIEW)
    {
      g_autofree char *go = g_strdup_printf (_("Go to step %d: %s"), step + 1, ivd_plan_steps_get_title (step));

      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
      gtk_actionable_set_action_name (GTK_ACTIONABLE (row), "editor.go-to-step");
      gtk_actionable_set_action_target (GTK_ACTIONABLE (row), "i", (gint32) step);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name ("go-next-symbolic"));
      gtk_widget_set_tooltip_text (row, go);
      gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, go, -1);
    }
  return row;
}

static void
add_open_row (IvdReviewPage *self,
              GtkWidget     *row)
{
  g_ptr_array_add (self->open_rows, row);
  adw_preferences_group_add (self->open_group, row);
}

static void
add_open_steps (IvdReviewPage *self)
{
  IvdPlan *plan = ivd_step_page_get_plan (IVD_STEP_PAGE (self));
  IvdEvaluation *evaluation = ivd_step_page_get_evaluation (IVD_STEP_PAGE (self));

  for (IvdStep step = 0; step < IVD_STEP_REVIEW; step++)
    {
      IvdStepState state = ivd_plan_steps_get_state (plan, evaluation, step);
      g_autofree char *title = NULL;

      if (state == IVD_STEP_STATE_DONE || state == IVD_STEP_STATE_SKIPPED)
        continue;
      title = g_strdup_printf (_("Step %d: %s"), step + 1, ivd_plan_steps_get_title (step));
      add_open_row (self, open_row (step_looks[state].icon, step_looks[state].css, title,
                                    _(step_looks[state].description), step));
    }
}

static void
add_open_findings (IvdReviewPage *self)
{
  GListModel *findings = ivd_evaluation_get_findings (ivd_step_page_get_evaluation (IVD_STEP_PAGE (self)));

  for (guint i = 0; i < g_list_model_get_n_items (findings); i++)
    {
      g_autoptr(IvdFinding) finding = g_list_model_get_item (findings, i);
      IvdSeverity severity = ivd_finding_get_severity (finding);
      g_autofree char *subtitle = NULL;

      /* A note suggests; it leaves nothing open. */
      if (severity == IVD_SEVERITY_INFO)
        continue;
      subtitle = g_strdup_printf ("%s · %s · %s", ivd_labels_severity (ivd_severity_to_string (severity)),
                                  ivd_finding_get_rule_id (finding), ivd_finding_get_source (finding));
      add_open_row (self, open_row (severity_looks[severity].icon, severity_looks[severity].css,
                                    ivd_finding_get_message (finding), subtitle,
                                    ivd_plan_steps_for_rule (ivd_finding_get_rule_id (finding))));
    }
}

static void
add_open_checklist (IvdReviewPage *self)
{
  GListModel *checklist = ivd_evaluation_get_checklist (ivd_step_page_get_evaluation (IVD_STEP_PAGE (self)));

  for (guint i = 0; i < g_list_model_get_n_items (checklist); i++)
    {
      g_autoptr(IvdChecklistItem) item = g_list_model_get_item (checklist, i);
      g_autofree char *subtitle = NULL;

      if (ivd_checklist_item_get_done (item))
        continue;
      /* Translators: a checklist item's rule id and its source in the agreement */
      subtitle = g_strdup_printf (_("Not done · %s · %s"), ivd_checklist_item_get_id (item),
                                  ivd_checklist_item_get_source (item));
      add_open_row (self, open_row ("checkbox-symbolic", "dim-label", ivd_checklist_item_get_text (item), subtitle,
                                    ivd_plan_steps_for_rule (ivd_checklist_item_get_id (item))));
    }
}

static void
show_open_items (IvdReviewPage *self)
{
  g_autofree char *count = NULL;

  for (guint i = 0; i < self->open_rows->len; i++)
    adw_preferences_group_remove (self->open_group, g_ptr_array_index (self->open_rows, i));
  g_ptr_array_set_size (self->open_rows, 0);

  if (ivd_step_page_get_evaluation (IVD_STEP_PAGE (self)) == NULL)
    {
      adw_preferences_group_set_description (self->open_group, NULL);
      return;
    }

  add_open_steps (self);
  add_open_findings (self);
  add_open_checklist (self);

  if (self->open_rows->len == 0)
    add_open_row (self, open_row ("emblem-ok-symbolic", "success", _("Nothing is open"),
                                  _("Every step is complete and every checklist item is done"), IVD_STEP_REVIEW));
  else
    count = g_strdup_printf (ngettext ("%u item to settle before the referral",
                                       "%u items to settle before the referral", self->open_rows->len),
                             self->open_rows->len);
  adw_preferences_group_set_description (self->open_group, count);
}

static void
show_plan (IvdReviewPage *self)
{
  IvdEvaluation *evaluation = ivd_step_page_get_evaluation (IVD_STEP_PAGE (self));
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  IvdExportInput input = { catalog (self), NULL, ivd_step_page_get_plan (IVD_STEP_PAGE (self)), evaluation, now };
  g_autoptr(IvdExportFacts) facts = evaluation ? ivd_export_facts_new (&input) : NULL;
  const char *actions[] = { "review.export-pdf", "review.export-fhir", "review.copy-text",
                            "review.export-handout", "review.print" };

  show_outcome (self);
  if (facts != NULL)
    show_summary (self, facts);
  show_open_items (self);
  for (guint i = 0; i < G_N_ELEMENTS (actions); i++)
    gtk_widget_action_set_enabled (GTK_WIDGET (self), actions[i], facts != NULL);
}

/* The export input as of now; @directory and @now stay the caller's. */
static gboolean
prepare_input (IvdReviewPage   *self,
               IvdExportInput  *input,
               IvdDirectory   **directory,
               GDateTime      **now,
               GError         **error)
{
  IvdEvaluation *evaluation = ivd_step_page_get_evaluation (IVD_STEP_PAGE (self));

  if (evaluation == NULL)
    return g_set_error (error, IVD_EXPORT_ERROR, IVD_EXPORT_ERROR_INCOMPLETE, _("The plan cannot be evaluated: %s"),
                        evaluation_error (self)), FALSE;
  if ((*directory = ivd_directory_new_default (catalog (self), error)) == NULL)
    return FALSE;

  *now = g_date_time_new_now_local ();
  *input = (IvdExportInput) { catalog (self), *directory, ivd_step_page_get_plan (IVD_STEP_PAGE (self)), evaluation,
                              *now };
  return TRUE;
}

static GBytes *
render (IvdReviewPage    *self,
        IvdExportFormat   format,
        GError          **error)
{
  g_autoptr(IvdDirectory) directory = NULL;
  g_autoptr(GDateTime) now = NULL;
  IvdExportInput input;

  if (!prepare_input (self, &input, &directory, &now, error))
    return NULL;
  return ivd_export_render (&input, format, error);
}

static gboolean
write_export (IvdReviewPage *self,
              GBytes        *bytes,
              GFile         *file)
{
  g_autofree char *path = g_file_get_path (file);
  g_autofree char *name = NULL;
  g_autofree char *message = NULL;
  g_autoptr(GError) error = NULL;

  if (path == NULL)
    {
      show_toast (self, _("Nothing was saved: choose a folder on this computer"), TRUE);
      return FALSE;
    }
  if (!ivd_export_write_file (path, bytes, &error))
    {
      show_toast (self, error->message, TRUE);
      return FALSE;
    }

  name = g_filename_display_basename (path);
  message = g_strdup_printf (_("Saved as “%s”"), name);
  show_toast (self, message, FALSE);
  return TRUE;
}

static GtkWindow *
parent_window (IvdReviewPage *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  return GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL;
}

/* The kind of document and the date, never the patient: file names show
 * in folders, recent files and backups. */
static char *
proposed_name (IvdExportFormat format)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *date = g_date_time_format (now, "%Y-%m-%d");

  switch (format)
    {
    case IVD_EXPORT_FHIR:
      /* Translators: a file name; %s is the date (YYYY-MM-DD). No patient data. */
      return g_strdup_printf (_("referral-%s.json"), date);
    case IVD_EXPORT_HANDOUT:
      /* Translators: a file name; %s is the date (YYYY-MM-DD). No patient data. */
      return g_strdup_printf (_("patient-handout-%s.pdf"), date);
    case IVD_EXPORT_PDF:
    case IVD_EXPORT_TEXT:
    default:
      /* Translators: a file name; %s is the date (YYYY-MM-DD). No patient data. */
      return g_strdup_printf (_("referral-%s.pdf"), date);
    }
}

static void
on_chooser_response_cb (IvdReviewPage        *self,
                        int                   response,
                        GtkFileChooserNative *chooser)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));

      if (file != NULL)
        write_export (self, self->pending, file);
    }
  g_clear_pointer (&self->pending, g_bytes_unref);
  g_clear_object (&self->chooser);
}

/* Renders first, so that a plan the format cannot carry (a FHIR message
 * without SOR codes) says so before a file is chosen. */
static void
choose_file (IvdReviewPage   *self,
             IvdExportFormat  format)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = render (self, format, &error);
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  g_autofree char *name = proposed_name (format);

  if (bytes == NULL)
    {
      show_toast (self, error->message, TRUE);
      return;
    }

  if (self->chooser != NULL)
    gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->chooser));
  g_clear_object (&self->chooser);
  g_clear_pointer (&self->pending, g_bytes_unref);
  self->pending = g_steal_pointer (&bytes);

  self->chooser = gtk_file_chooser_native_new (_(save_formats[format].title), parent_window (self),
                                               GTK_FILE_CHOOSER_ACTION_SAVE, _("_Save"), _("_Cancel"));
  gtk_file_filter_set_name (filter, _(save_formats[format].filter));
  gtk_file_filter_add_pattern (filter, save_formats[format].pattern);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (self->chooser), filter);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (self->chooser), name);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (self->chooser), TRUE);
  g_signal_connect_object (self->chooser, "response", G_CALLBACK (on_chooser_response_cb), self, G_CONNECT_SWAPPED);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}

static void
on_draw_page_cb (GtkPrintOperation *operation,
                 GtkPrintContext   *context,
                 int                page_nr,
                 IvdPdfPages       *pages)
{
  cairo_t *cr = gtk_print_context_get_cairo_context (context);
  /* The A4 layout, scaled down to fit when the paper is smaller. */
  double scale = MIN (gtk_print_context_get_width (context) / IVD_PDF_A4_WIDTH,
                      gtk_print_context_get_height (context) / IVD_PDF_A4_HEIGHT);

  cairo_save (cr);
  cairo_scale (cr, scale, scale);
  ivd_pdf_pages_draw_page (pages, cr, (guint) page_nr);
  cairo_restore (cr);
}

static void
free_pages (gpointer  pages,
            GClosure *closure)
{
  ivd_pdf_pages_free (pages);
}

static void
on_print_done_cb (IvdReviewPage           *self,
                  GtkPrintOperationResult  result,
                  GtkPrintOperation       *operation)
{
  g_autoptr(GError) error = NULL;

  if (result == GTK_PRINT_OPERATION_RESULT_ERROR)
    {
      gtk_print_operation_get_error (operation, &error);
      show_toast (self, error != NULL ? error->message : _("The referral could not be printed"), TRUE);
    }
  g_clear_object (&self->printing);
}

static void
export_pdf_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  choose_file (IVD_REVIEW_PAGE (widget), IVD_EXPORT_PDF);
}

static void
export_fhir_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  choose_file (IVD_REVIEW_PAGE (widget), IVD_EXPORT_FHIR);
}

static void
export_handout_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  choose_file (IVD_REVIEW_PAGE (widget), IVD_EXPORT_HANDOUT);
}

static void
copy_text_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  IvdReviewPage *self = IVD_REVIEW_PAGE (widget);
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = render (self, IVD_EXPORT_TEXT, &error);
  g_autofree char *text = NULL;

  if (bytes == NULL)
    {
      show_toast (self, error->message, TRUE);
      return;
    }
  text = g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
  gdk_clipboard_set_text (gtk_widget_get_clipboard (widget), text);
  show_toast (self, _("Referral copied as text: paste it into the patient record"), FALSE);
}

static void
print_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  IvdReviewPage *self = IVD_REVIEW_PAGE (widget);
  g_autoptr(GError) error = NULL;
  GtkPrintOperationResult result;

  if (self->printing != NULL)
    return;
  if ((self->printing = ivd_review_page_create_print_operation (self, &error)) == NULL)
    {
      show_toast (self, error->message, TRUE);
      return;
    }

  gtk_print_operation_set_allow_async (self->printing, TRUE);
  g_signal_connect_object (self->printing, "done", G_CALLBACK (on_print_done_cb), self, G_CONNECT_SWAPPED);
  result = gtk_print_operation_run (self->printing, GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG, parent_window (self),
                                    &error);
  /* "done" reports what it saw and lets go; this catches a run that
   * failed before it could start. */
  if (result == GTK_PRINT_OPERATION_RESULT_ERROR && self->printing != NULL)
    show_toast (self, error != NULL ? error->message : _("The referral could not be printed"), TRUE);
  if (result != GTK_PRINT_OPERATION_RESULT_IN_PROGRESS)
    g_clear_object (&self->printing);
}

static void
ivd_review_page_evaluation_changed (IvdStepPage *page)
{
  show_plan (IVD_REVIEW_PAGE (page));
}

static void
ivd_review_page_dispose (GObject *object)
{
  IvdReviewPage *self = (IvdReviewPage *) object;

  if (self->chooser != NULL)
    gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->chooser));
  g_clear_object (&self->chooser);
  g_clear_object (&self->printing);
  g_clear_pointer (&self->pending, g_bytes_unref);
  gtk_widget_dispose_template (GTK_WIDGET (self), IVD_TYPE_REVIEW_PAGE);
  g_clear_pointer (&self->open_rows, g_ptr_array_unref);

  G_OBJECT_CLASS (ivd_review_page_parent_class)->dispose (object);
}

static void
install_actions (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "review.export-pdf", NULL, export_pdf_action);
  gtk_widget_class_install_action (widget_class, "review.export-fhir", NULL, export_fhir_action);
  gtk_widget_class_install_action (widget_class, "review.copy-text", NULL, copy_text_action);
  gtk_widget_class_install_action (widget_class, "review.export-handout", NULL, export_handout_action);
  gtk_widget_class_install_action (widget_class, "review.print", NULL, print_action);
}

static void
ivd_review_page_class_init (IvdReviewPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ivd_review_page_dispose;
  IVD_STEP_PAGE_CLASS (klass)->evaluation_changed = ivd_review_page_evaluation_changed;

  install_actions (widget_class);
  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/ivdischarge/IvDischarge/ivd-review-page.ui");
  gtk_widget_class_bind_template_child (widget_class, IvdReviewPage, outcome_row);
  gtk_widget_class_bind_template_child (widget_class, IvdReviewPage, outcome_icon);
  gtk_widget_class_bind_template_child (widget_class, IvdReviewPage, patient_label);
  gtk_widget_class_bind_template_child (widget_class, IvdReviewPage, municipality_label);
  gtk_widget_class_bind_template_child (widget_class, IvdReviewPage, treatment_label);
  gtk_widget_class_bind_template_child (widget_class, IvdReviewPage, schedule_label);
  gtk_widget_class_bind_template_child (widget_class, IvdReviewPage, dates_label);
  gtk_widget_class_bind_template_child (widget_class, IvdReviewPage, delivery_label);
  gtk_widget_class_bind_template_child (widget_class, IvdReviewPage, open_group);
}

static void
ivd_review_page_init (IvdReviewPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  /* Not a bound template child: AdwBin unparents its child itself. */
  self->toasts = ADW_TOAST_OVERLAY (adw_bin_get_child (ADW_BIN (self)));
  self->open_rows = g_ptr_array_new ();
}

/**
 * ivd_review_page_export_to_file:
 * @format: %IVD_EXPORT_PDF, %IVD_EXPORT_FHIR or %IVD_EXPORT_HANDOUT
 *
 * Renders the plan as it is now and writes it to @file (readable by the
 * user only); a toast says what happened. The save dialog ends here too.
 *
 * Returns: whether the file was written
 */
gboolean
ivd_review_page_export_to_file (IvdReviewPage   *self,
                                IvdExportFormat  format,
                                GFile           *file)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = NULL;

  g_return_val_if_fail (IVD_IS_REVIEW_PAGE (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);
  g_return_val_if_fail (ivd_step_page_get_session (IVD_STEP_PAGE (self)) != NULL, FALSE);

  if ((bytes = render (self, format, &error)) == NULL)
    {
      show_toast (self, error->message, TRUE);
      return FALSE;
    }
  return write_export (self, bytes, file);
}

/**
 * ivd_review_page_create_print_operation:
 *
 * A print operation whose pages are the referral PDF's pages, laid out
 * once, on A4 (scaled to fit other paper). Its job name, which print
 * queues show, names the kind of document only.
 *
 * Returns: (transfer full) (nullable): the operation, not yet run
 */
GtkPrintOperation *
ivd_review_page_create_print_operation (IvdReviewPage  *self,
                                        GError        **error)
{
  g_autoptr(IvdDirectory) directory = NULL;
  g_autoptr(GDateTime) now = NULL;
  g_autoptr(IvdDocument) referral = NULL;
  g_autoptr(GtkPageSetup) setup = gtk_page_setup_new ();
  g_autoptr(GtkPaperSize) a4 = gtk_paper_size_new (GTK_PAPER_NAME_A4);
  GtkPrintOperation *operation;
  IvdPdfPages *pages;
  IvdExportInput input;

  g_return_val_if_fail (IVD_IS_REVIEW_PAGE (self), NULL);
  g_return_val_if_fail (ivd_step_page_get_session (IVD_STEP_PAGE (self)) != NULL, NULL);

  if (!prepare_input (self, &input, &directory, &now, error))
    return NULL;
  referral = ivd_referral_build (&input);
  pages = ivd_pdf_writer_layout (referral);

  operation = gtk_print_operation_new ();
  gtk_page_setup_set_paper_size (setup, a4);
  gtk_print_operation_set_default_page_setup (operation, setup);
  gtk_print_operation_set_job_name (operation, _("Referral"));
  gtk_print_operation_set_unit (operation, GTK_UNIT_POINTS);
  gtk_print_operation_set_use_full_page (operation, TRUE);
  gtk_print_operation_set_n_pages (operation, (int) ivd_pdf_pages_get_n_pages (pages));
  g_signal_connect_data (operation, "draw-page", G_CALLBACK (on_draw_page_cb), pages, free_pages, 0);
  return operation;
}
