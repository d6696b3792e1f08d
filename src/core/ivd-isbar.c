#define G_LOG_DOMAIN "ivd-isbar"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "ivd-cpr.h"
#include "ivd-finding.h"
#include "ivd-isbar.h"
#include "ivd-labels.h"
#include "ivd-schedule.h"

/* The doctor's script for the phone call to the municipality, in the
 * order of safe oral communication (ISBAR: Identification, Situation,
 * Background, Assessment, Recommendation; 001 §2.4, 003 box 5). Short
 * labelled lines to read out; a missing fact says "not filled in" so the
 * caller sees the gap instead of skipping it. */

typedef struct
{
  GString           *text;
  IvdCatalog        *catalog;
  IvdPlan           *plan;
  IvdEvaluation     *evaluation;
  IvdDirectoryEntry *entry;
} Script;

static const char *
or_unfilled (const char *value)
{
  return value != NULL && *value != '\0' ? value : _("not filled in");
}

static const char *
string (Script     *script,
        const char *path)
{
  return or_unfilled (ivd_plan_get_string (script->plan, path));
}

/* A coded value in words; "not filled in" when absent. */
static const char *
label (Script      *script,
       const char  *path,
       const char *(*words) (const char *))
{
  const char *value = ivd_plan_get_string (script->plan, path);

  return value != NULL ? words (value) : or_unfilled (NULL);
}

static const char *
yes_no (Script     *script,
        const char *path)
{
  gboolean value;

  if (!ivd_plan_lookup_boolean (script->plan, path, &value))
    return or_unfilled (NULL);
  return value ? _("yes") : _("no");
}

static void
heading (Script     *script,
         const char *text)
{
  if (script->text->len > 0)
    g_string_append_c (script->text, '\n');
  g_string_append_printf (script->text, "%s\n", text);
}

static void
line (Script     *script,
      const char *format,
      ...) G_GNUC_PRINTF (2, 3);

static void
line (Script     *script,
      const char *format,
      ...)
{
  va_list args;

  va_start (args, format);
  g_string_append_vprintf (script->text, format, args);
  va_end (args);
  g_string_append_c (script->text, '\n');
}

static char *
format_date (const GDate *date)
{
  char text[64];

  /* Translators: a date in a referral, strftime format; Danish: %d.%m.%Y */
  if (g_date_strftime (text, sizeof text, _("%Y-%m-%d"), date) == 0)
    return NULL;
  return g_strdup (text);
}

static char *
dup_cpr (Script *script)
{
  const char *typed = ivd_plan_get_string (script->plan, "patient.cpr");
  g_autofree char *digits = ivd_cpr_normalize (typed);

  /* As typed when it is not a whole number yet: the caller reads it out. */
  if (digits == NULL)
    return g_strdup (or_unfilled (typed));
  return g_strdup_printf ("%.6s-%s", digits, digits + 6);
}

static const char *
municipality_name (Script *script)
{
  const char *code = ivd_plan_get_string (script->plan, "patient.municipality_code");
  IvdMunicipality *municipality = code ? ivd_catalog_lookup_municipality (script->catalog, code) : NULL;

  return or_unfilled (municipality ? ivd_municipality_get_name (municipality) : NULL);
}

static void
identification (Script *script)
{
  int age = script->evaluation ? ivd_evaluation_get_age (script->evaluation) : -1;
  g_autofree char *age_text = age >= 0 ? g_strdup_printf ("%d", age) : g_strdup (or_unfilled (NULL));
  g_autofree char *cpr = dup_cpr (script);

  heading (script, _("I – Identification"));
  line (script, _("Calling: %s, %s"), string (script, "responsible.doctor"), string (script, "responsible.department"));
  line (script, _("Department phone, day and night: %s"), string (script, "responsible.phone"));
  line (script, _("Patient: %s, CPR %s, age %s"), string (script, "patient.name"), cpr, age_text);
  line (script, _("Home municipality: %s"), municipality_name (script));
}

static char *
dup_times (Script *script)
{
  g_autoptr(GArray) times = ivd_plan_dup_times (script->plan);
  g_autoptr(GPtrArray) texts = g_ptr_array_new_with_free_func (g_free);

  if (times == NULL || times->len == 0)
    return g_strdup (or_unfilled (NULL));

  for (guint i = 0; i < times->len; i++)
    g_ptr_array_add (texts, ivd_schedule_format_time (g_array_index (times, int, i)));
  g_ptr_array_add (texts, NULL);
  return g_strjoinv (", ", (char **) texts->pdata);
}

static void
visits (Script *script)
{
  g_autofree char *times = dup_times (script);
  int per_day = script->evaluation ? ivd_evaluation_get_visits_per_day (script->evaluation) : -1;
  gint64 minutes = 0;

  if (per_day > 0 && ivd_plan_lookup_int (script->plan, "treatment.minutes_per_administration", &minutes))
    line (script, g_dngettext (GETTEXT_PACKAGE, "Times: %s (%d visit a day, %d minutes each)",
                               "Times: %s (%d visits a day, %d minutes each)", per_day),
          times, per_day, (int) minutes);
  else
    line (script, _("Times: %s"), times);
}

static void
days (Script *script)
{
  gint64 count = 0;
  gboolean counted = ivd_plan_lookup_int (script->plan, "treatment.days", &count) && count > 0;
  g_autofree char *start = NULL;
  g_autofree char *stop = NULL;
  GDate date;

  if (ivd_plan_lookup_start_date (script->plan, &date))
    {
      start = format_date (&date);
      /* Day 1 is the start date. */
      if (counted)
        {
          g_date_add_days (&date, (guint) count - 1);
          stop = format_date (&date);
        }
    }

  if (!counted)
    line (script, _("Treatment days: %s, from %s"), or_unfilled (NULL), or_unfilled (start));
  else
    line (script, _("Treatment days: %d, from %s to %s"), (int) count, or_unfilled (start), or_unfilled (stop));
}

static void
situation (Script *script)
{
  heading (script, _("S – Situation"));
  line (script, "%s", _("Discharge with IV treatment to be continued in municipal care."));
  line (script, _("Treatment: %s; %s"), label (script, "treatment.type", ivd_labels_treatment_type),
        label (script, "treatment.form", ivd_labels_form));
  line (script, _("Drug and dose: %s, %s"), string (script, "treatment.drug"), string (script, "treatment.dose"));
  visits (script);
  days (script);
  line (script, _("Place: %s"), label (script, "place.kind", ivd_labels_place));
}

static void
background (Script *script)
{
  const char *form = ivd_plan_get_string (script->plan, "treatment.form");
  gboolean alone = FALSE;

  heading (script, _("B – Background"));
  line (script, _("Why not tablets: %s"), string (script, "alternatives.tablets"));
  line (script, _("Why not self-administration: %s"), string (script, "alternatives.self_administration"));
  /* The pump is only a lower-priority alternative to intermittent infusions. */
  if (g_strcmp0 (form, "iv_intermittent") == 0)
    line (script, _("Why not a 24-hour pump: %s"), string (script, "alternatives.iv_pump"));
  line (script, _("IV access: %s"), label (script, "treatment.access", ivd_labels_access));
  line (script, _("First dose given in hospital: %s"), yes_no (script, "treatment.first_dose_given_in_hospital"));
  if (ivd_plan_lookup_boolean (script->plan, "treatment.must_not_be_left_alone", &alone) && alone)
    line (script, "%s", _("The patient must not be left alone during the infusion."));
}

static void
open_findings (Script *script)
{
  GListModel *findings = ivd_evaluation_get_findings (script->evaluation);
  guint open = 0;

  for (guint i = 0; i < g_list_model_get_n_items (findings); i++)
    {
      g_autoptr(IvdFinding) finding = g_list_model_get_item (findings, i);

      /* Notes are suggestions, not open points. */
      if (ivd_finding_get_severity (finding) == IVD_SEVERITY_INFO)
        continue;
      if (open++ == 0)
        line (script, "%s", _("Open points:"));
      line (script, "– %s: %s", ivd_finding_get_rule_id (finding), ivd_finding_get_message (finding));
    }

  if (open == 0)
    line (script, "%s", _("Open points: none"));
}

static void
assessment (Script *script)
{
  const char *region = script->evaluation ? ivd_evaluation_get_region (script->evaluation) : NULL;

  heading (script, _("A – Assessment"));
  if (script->evaluation == NULL)
    {
      line (script, _("Outcome: %s"), or_unfilled (NULL));
      return;
    }
  line (script, _("Outcome: %s"), ivd_labels_outcome (ivd_outcome_to_string (ivd_evaluation_get_outcome (script->evaluation))));
  line (script, _("Agreement: %s"), or_unfilled (region ? ivd_labels_region (region) : NULL));
  open_findings (script);
}

static char *
dup_delivery (Script *script)
{
  const char *delivery = ivd_plan_get_string (script->plan, "supplies.delivery");
  const char *depot = script->entry ? ivd_directory_entry_get_depot_address (script->entry) : NULL;

  if (delivery == NULL)
    return g_strdup (or_unfilled (NULL));
  if (g_str_equal (delivery, "depot"))
    return g_strdup_printf ("%s, %s", ivd_labels_delivery (delivery), or_unfilled (depot));
  return g_strdup (ivd_labels_delivery (delivery));
}

static void
recommendation (Script *script)
{
  g_autofree char *start = NULL;
  g_autofree char *delivery = dup_delivery (script);
  GDate date;

  if (ivd_plan_lookup_start_date (script->plan, &date))
    start = format_date (&date);

  heading (script, _("R – Recommendation"));
  line (script, _("We ask the municipality to accept the course, with visits from %s."), or_unfilled (start));
  line (script, _("The hospital delivers medicine, fluid, pump and supplies for the whole course to: %s"), delivery);
  line (script, _("The department keeps the medical responsibility and answers day and night on %s."),
        string (script, "responsible.phone"));
  line (script, "%s", _("The written referral follows."));
}

/**
 * ivd_isbar_compose:
 * @evaluation: (nullable): the plan's evaluation (age, visits, outcome,
 *   open findings); without it those say "not filled in"
 * @entry: (nullable): the municipality's directory entry (the depot)
 *
 * Returns: (transfer full): the script, in the user's language
 */
char *
ivd_isbar_compose (IvdCatalog        *catalog,
                   IvdPlan           *plan,
                   IvdEvaluation     *evaluation,
                   IvdDirectoryEntry *entry)
{
  Script script = { NULL, catalog, plan, evaluation, entry };

  g_return_val_if_fail (IVD_IS_CATALOG (catalog), NULL);
  g_return_val_if_fail (IVD_IS_PLAN (plan), NULL);

  script.text = g_string_new (NULL);
  identification (&script);
  situation (&script);
  background (&script);
  assessment (&script);
  recommendation (&script);
  return g_string_free (script.text, FALSE);
}
