#define G_LOG_DOMAIN "ivd-referral"

#include "config.h"

#include <inttypes.h>

#include <glib/gi18n-lib.h>

#include "ivd-checklist-item.h"
#include "ivd-export-facts.h"
#include "ivd-finding.h"
#include "ivd-json.h"
#include "ivd-labels.h"
#include "ivd-referral.h"
#include "ivd-supply.h"

/* The referral the municipality acts on (design.md "Exports", domain §8):
 * who the patient is, who is responsible day and night, what to give when,
 * how to watch and end the course, what is delivered, and what the
 * evaluation and checklist say. One document, drawn as PDF or text. */

static void
add_optional (IvdDocument *doc,
              const char  *label,
              const char  *value)
{
  if (value != NULL && *value != '\0')
    ivd_document_add_field (doc, label, value);
}

static void
add_filled (IvdDocument *doc,
            const char  *label,
            const char  *value)
{
  ivd_document_add_field (doc, label, ivd_export_facts_or_unfilled (value));
}

static const char *
yes_no (int value)
{
  return value < 0 ? NULL : value ? _("Yes") : _("No");
}

static void
add_patient (IvdDocument          *doc,
             const IvdExportFacts *facts)
{
  g_autofree char *age = facts->age >= 0 ? g_strdup_printf (_("%d years"), facts->age) : NULL;
  g_autofree char *municipality = NULL;

  if (facts->municipality_name != NULL)
    municipality = g_strdup_printf ("%s (%s)", facts->municipality_name, facts->municipality_code);

  ivd_document_add_heading (doc, _("Patient"));
  add_filled (doc, _("Name"), facts->name);
  add_filled (doc, _("CPR number"), facts->cpr);
  add_filled (doc, _("Age"), age);
  add_filled (doc, _("Sex"), facts->sex);
  add_filled (doc, _("Home municipality"), municipality);
  add_filled (doc, _("Region"), ivd_labels_region (facts->region));
  add_filled (doc, _("Place of treatment"), ivd_labels_place (facts->place));
  if (facts->place != NULL && g_strv_contains ((const char * const[]) { "home", "nursing_home", "residential", NULL },
                                               facts->place))
    add_filled (doc, _("Home assessed suitable"), yes_no (facts->home_assessed));
}

static void
add_responsible (IvdDocument          *doc,
                 const IvdExportFacts *facts)
{
  ivd_document_add_heading (doc, _("Responsible hospital department"));
  add_filled (doc, _("Department"), facts->department);
  add_filled (doc, _("Phone, day and night"), facts->phone);
  add_filled (doc, _("Responsible doctor"), facts->doctor);
  add_optional (doc, _("SOR code"), facts->sor);
  ivd_document_add_paragraph (doc, _("The hospital keeps the medical responsibility for the whole course and "
                                     "answers questions day and night. Call the department if the patient’s "
                                     "condition changes (001 §2.4–2.5)."));
}

static void
add_answer (IvdDocument          *doc,
            const IvdExportFacts *facts)
{
  g_autoptr(GString) answer = NULL;

  if (facts->answer == NULL)
    {
      ivd_document_add_field (doc, _("Municipality’s answer"), _("not yet recorded"));
      return;
    }

  answer = g_string_new (ivd_labels_answer (facts->answer));
  if (facts->answer_person != NULL)
    g_string_append_printf (answer, _(" by %s"), facts->answer_person);
  if (facts->answer_time != NULL)
    g_string_append_printf (answer, _(", %s"), facts->answer_time);
  if (facts->answer_reason != NULL)
    g_string_append_printf (answer, _(": %s"), facts->answer_reason);
  ivd_document_add_field (doc, _("Municipality’s answer"), answer->str);
}

static void
add_municipality (IvdDocument          *doc,
                  const IvdExportFacts *facts)
{
  IvdDirectoryEntry *entry = facts->entry;

  ivd_document_add_heading (doc, _("Municipality"));
  add_filled (doc, _("Municipality"), facts->authority);
  add_filled (doc, _("Visitation phone"), entry ? ivd_directory_entry_get_visitation_phone (entry) : NULL);
  add_optional (doc, _("Visitation hours"), entry ? ivd_directory_entry_get_visitation_hours (entry) : NULL);
  add_filled (doc, _("Acute team phone"), entry ? ivd_directory_entry_get_acute_team_phone (entry) : NULL);
  if (entry != NULL && ivd_directory_entry_get_iv_in_clinic (entry))
    add_filled (doc, _("Municipal clinic"), ivd_directory_entry_get_clinic_address (entry));
  add_answer (doc, facts);
}

static char *
format_dose (const IvdExportFacts *facts)
{
  if (facts->drug == NULL && facts->dose == NULL)
    return NULL;
  return g_strjoin (" ", facts->drug ? facts->drug : "", facts->dose ? facts->dose : "", NULL);
}

static void
add_schedule (IvdDocument          *doc,
              const IvdExportFacts *facts)
{
  g_autofree char *visits = NULL;
  g_autofree char *minutes = NULL;
  g_autofree char *days = NULL;

  if (facts->visits >= 0)
    visits = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d visit in 24 hours", "%d visits in 24 hours",
                                           facts->visits), facts->visits);
  if (facts->minutes > 0)
    minutes = g_strdup_printf (_("%" PRId64 " minutes"), facts->minutes);
  if (facts->days > 0)
    days = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%" PRId64 " day", "%" PRId64 " days",
                                         (gulong) facts->days), facts->days);

  add_filled (doc, _("Administration times"), facts->times);
  add_filled (doc, _("Visits"), visits);
  add_filled (doc, _("Time per visit"), minutes);
  add_filled (doc, _("Treatment days"), days);
  add_filled (doc, _("First treatment day"), facts->start);
  add_filled (doc, _("Last treatment day"), facts->stop);
}

static void
add_treatment (IvdDocument          *doc,
               const IvdExportFacts *facts)
{
  g_autofree char *dose = format_dose (facts);

  ivd_document_add_heading (doc, _("Treatment plan"));
  add_filled (doc, _("Treatment"), ivd_labels_treatment_type (facts->type));
  add_filled (doc, _("Form"), ivd_labels_form (facts->form));
  add_filled (doc, _("Drug and dose"), dose);
  add_schedule (doc, facts);
  add_filled (doc, _("IV access"), ivd_labels_access (facts->access));
  if (g_strcmp0 (facts->form, "iv_pump") == 0)
    ivd_document_add_field (doc, _("Pump"), _("24-hour pump, set up once a day; supplied by the hospital"));
  add_filled (doc, _("First dose given in hospital"), yes_no (facts->first_dose));
}

static void
add_alternatives (IvdDocument *doc,
                  IvdPlan     *plan)
{
  static const struct { const char *path; const char *label; } forms[] = {
    { "alternatives.tablets", N_("Not tablets, because") },
    { "alternatives.self_administration", N_("Not self-administration, because") },
    { "alternatives.iv_pump", N_("Not an IV pump, because") },
  };
  gboolean any = FALSE;

  for (guint i = 0; i < G_N_ELEMENTS (forms); i++)
    any |= ivd_plan_get_string (plan, forms[i].path) != NULL;
  if (!any)
    return;

  ivd_document_add_heading (doc, _("Why this form (priority order, 001 §1.5)"));
  for (guint i = 0; i < G_N_ELEMENTS (forms); i++)
    add_optional (doc, _(forms[i].label), ivd_plan_get_string (plan, forms[i].path));
}

static void
add_course (IvdDocument *doc,
            IvdPlan     *plan)
{
  ivd_document_add_heading (doc, _("Observations and blood tests"));
  add_optional (doc, _("Expected course"), ivd_plan_get_string (plan, "course.expected"));
  add_filled (doc, _("Observations"), ivd_plan_get_string (plan, "course.observations"));
  add_filled (doc, _("Blood tests"), ivd_plan_get_string (plan, "course.blood_tests"));
  add_optional (doc, _("Changes in medication"), ivd_plan_get_string (plan, "course.medication_changes"));

  ivd_document_add_heading (doc, _("How the course ends"));
  add_filled (doc, _("Agreed ending"), ivd_plan_get_string (plan, "course.ending"));
  ivd_document_add_paragraph (doc, _("When the course ends, the municipal nurse sends a closing note to the "
                                     "department, and the hospital sends a discharge letter to the GP "
                                     "(001 §2.6)."));
}

static void
add_findings (IvdDocument   *doc,
              IvdEvaluation *evaluation)
{
  GListModel *findings = ivd_evaluation_get_findings (evaluation);
  const double widths[] = { 0.19, 0.13, 0.53, 0.15 };

  ivd_document_add_heading (doc, _("Assessment against the regional agreement"));
  ivd_document_add_field (doc, _("Outcome"),
                          ivd_labels_outcome (ivd_outcome_to_string (ivd_evaluation_get_outcome (evaluation))));
  if (g_list_model_get_n_items (findings) == 0)
    return;

  ivd_document_add_table (doc, G_N_ELEMENTS (widths), widths,
                          (const char * const[]) { _("Rule"), _("Finding"), _("Message"), _("Source"), NULL });
  for (guint i = 0; i < g_list_model_get_n_items (findings); i++)
    {
      g_autoptr(IvdFinding) finding = g_list_model_get_item (findings, i);

      ivd_document_add_row (doc, (const char * const[]) {
        ivd_finding_get_rule_id (finding),
        ivd_labels_severity (ivd_severity_to_string (ivd_finding_get_severity (finding))),
        ivd_finding_get_message (finding),
        ivd_finding_get_source (finding),
        NULL });
    }
}

static void
add_supplies (IvdDocument          *doc,
              IvdEvaluation        *evaluation,
              const IvdExportFacts *facts)
{
  GListModel *supplies = ivd_evaluation_get_supplies (evaluation);
  const double widths[] = { 0.2, 0.6, 0.2 };
  IvdDirectoryEntry *entry = facts->entry;

  ivd_document_add_heading (doc, _("Supplies from the hospital for the whole course"));
  if (g_strcmp0 (facts->delivery, "depot") == 0)
    add_filled (doc, _("Delivered to"), entry ? ivd_directory_entry_get_depot_address (entry) : NULL);
  else
    add_filled (doc, _("Delivered to"), ivd_labels_delivery (facts->delivery));

  if (g_list_model_get_n_items (supplies) == 0)
    {
      ivd_document_add_paragraph (doc, _("No supplies computed: the treatment form or the number of days is missing."));
      return;
    }

  ivd_document_add_table (doc, G_N_ELEMENTS (widths), widths,
                          (const char * const[]) { _("Kind"), _("Item"), _("Quantity"), NULL });
  for (guint i = 0; i < g_list_model_get_n_items (supplies); i++)
    {
      g_autoptr(IvdSupply) supply = g_list_model_get_item (supplies, i);
      /* No treatment days yet: the quantity is not filled in, never "-1". */
      g_autofree char *quantity = ivd_supply_get_quantity (supply) < 0
                                  ? g_strdup (ivd_export_facts_or_unfilled (NULL))
                                  : g_strdup_printf ("%" PRId64 " %s", ivd_supply_get_quantity (supply),
                                                     ivd_supply_get_unit (supply));

      ivd_document_add_row (doc, (const char * const[]) {
        ivd_labels_supply_category (ivd_supply_get_category (supply)),
        ivd_supply_get_item (supply), quantity, NULL });
    }
}

static void
add_checklist (IvdDocument   *doc,
               IvdEvaluation *evaluation)
{
  GListModel *checklist = ivd_evaluation_get_checklist (evaluation);

  ivd_document_add_heading (doc, _("Start-up checklist and FMK (001 §2.3)"));
  for (guint i = 0; i < g_list_model_get_n_items (checklist); i++)
    {
      g_autoptr(IvdChecklistItem) item = g_list_model_get_item (checklist, i);

      ivd_document_add_check (doc, ivd_checklist_item_get_done (item), ivd_checklist_item_get_text (item),
                              ivd_checklist_item_get_id (item));
    }
}

static void
add_signature (IvdDocument          *doc,
               const IvdExportFacts *facts)
{
  ivd_document_add_heading (doc, _("Referring doctor"));
  add_filled (doc, _("Doctor"), facts->doctor);
  ivd_document_add_field (doc, _("Date"), facts->issued);
  ivd_document_add_signature (doc, _("Signature"));
}

static void
add_page_furniture (IvdDocument          *doc,
                    const IvdExportFacts *facts)
{
  g_autofree char *header = g_strdup_printf (_("Referral for IV treatment · %s · CPR %s"),
                                             ivd_export_facts_or_unfilled (facts->name),
                                             ivd_export_facts_or_unfilled (facts->cpr));
  g_autofree char *footer = g_strdup_printf (_("IV Discharge · created %s"), facts->issued);
  g_autofree char *subtitle = g_strdup_printf (_("From hospital to municipality · %s"), facts->issued);

  ivd_document_set_subtitle (doc, subtitle);
  ivd_document_set_running_header (doc, header);
  ivd_document_set_footer (doc, footer);
}

IvdDocument *
ivd_referral_build (const IvdExportInput *input)
{
  g_autoptr(IvdExportFacts) facts = ivd_export_facts_new (input);
  IvdDocument *doc = ivd_document_new (IVD_DOCUMENT_REFERRAL, _("Referral for IV treatment in municipal care"));

  add_page_furniture (doc, facts);
  if (facts->not_alone)
    ivd_document_add_warning (doc, _("The patient must not be left alone during the infusion: the nurse stays "
                                     "until it has run in (the responsible doctor’s written instruction, "
                                     "001 §1.5)."));
  add_patient (doc, facts);
  add_responsible (doc, facts);
  add_municipality (doc, facts);
  add_treatment (doc, facts);
  add_alternatives (doc, input->plan);
  add_course (doc, input->plan);
  add_supplies (doc, input->evaluation, facts);
  add_checklist (doc, input->evaluation);
  add_findings (doc, input->evaluation);
  add_signature (doc, facts);
  return doc;
}
