#define G_LOG_DOMAIN "ivd-export-facts"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "ivd-cpr.h"
#include "ivd-export-facts.h"
#include "ivd-json.h"
#include "ivd-schedule.h"

static int
lookup_tristate (IvdPlan    *plan,
                 const char *path)
{
  gboolean value;

  return ivd_plan_lookup_boolean (plan, path, &value) ? !!value : -1;
}

static void
read_patient (IvdExportFacts       *facts,
              const IvdExportInput *input)
{
  IvdPlan *plan = input->plan;
  g_autofree char *digits = ivd_cpr_normalize (ivd_plan_get_string (plan, "patient.cpr"));
  IvdMunicipality *municipality;
  GDate birth;
  IvdSex sex;

  facts->name = g_strdup (ivd_plan_get_string (plan, "patient.name"));
  facts->age = ivd_evaluation_get_age (input->evaluation);
  if (digits != NULL)
    facts->cpr = g_strdup_printf ("%.6s-%s", digits, digits + 6);
  if (digits != NULL && ivd_cpr_parse (digits, &birth, &sex, NULL))
    facts->sex = sex == IVD_SEX_MALE ? _("Male") : _("Female");

  facts->municipality_code = ivd_plan_get_string (plan, "patient.municipality_code");
  municipality = ivd_catalog_lookup_municipality (input->catalog, facts->municipality_code);
  facts->municipality_name = municipality ? ivd_municipality_get_name (municipality) : NULL;
  if (municipality != NULL && ivd_municipality_get_authority (municipality) != NULL)
    facts->authority = g_strdup (ivd_municipality_get_authority (municipality));
  else if (municipality != NULL)
    facts->authority = g_strdup_printf (_("%s Municipality"), facts->municipality_name);
  facts->region = ivd_evaluation_get_region (input->evaluation);
  facts->entry = input->directory ? ivd_directory_lookup (input->directory, facts->municipality_code) : NULL;
}

static void
read_responsible (IvdExportFacts *facts,
                  IvdPlan        *plan)
{
  facts->department = ivd_plan_get_string (plan, "responsible.department");
  facts->phone = ivd_plan_get_string (plan, "responsible.phone");
  facts->doctor = ivd_plan_get_string (plan, "responsible.doctor");
  facts->sor = ivd_plan_get_string (plan, "responsible.sor");
  facts->ean = ivd_plan_get_string (plan, "responsible.ean");
}

static char *
join_times (IvdPlan *plan)
{
  g_autoptr(GArray) times = ivd_plan_dup_times (plan);
  g_autoptr(GPtrArray) texts = g_ptr_array_new_with_free_func (g_free);

  if (times == NULL || times->len == 0)
    return NULL;

  for (guint i = 0; i < times->len; i++)
    g_ptr_array_add (texts, ivd_schedule_format_time (g_array_index (times, int, i)));
  g_ptr_array_add (texts, NULL);

  return g_strjoinv (", ", (char **) texts->pdata);
}

static void
read_dates (IvdExportFacts *facts,
            IvdPlan        *plan)
{
  GDate start;

  if (!ivd_plan_lookup_start_date (plan, &start))
    return;

  facts->start = ivd_export_facts_format_date (&start);
  if (facts->days > 0)
    {
      /* Day 1 is the start date, so the last day is start + days - 1. */
      g_date_add_days (&start, (guint) facts->days - 1);
      facts->stop = ivd_export_facts_format_date (&start);
    }
}

static void
read_treatment (IvdExportFacts       *facts,
                const IvdExportInput *input)
{
  IvdPlan *plan = input->plan;

  facts->type = ivd_plan_get_string (plan, "treatment.type");
  facts->form = ivd_plan_get_string (plan, "treatment.form");
  facts->drug = ivd_plan_get_string (plan, "treatment.drug");
  facts->dose = ivd_plan_get_string (plan, "treatment.dose");
  facts->access = ivd_plan_get_string (plan, "treatment.access");
  facts->times = join_times (plan);
  facts->visits = ivd_evaluation_get_visits_per_day (input->evaluation);
  if (!ivd_plan_lookup_int (plan, "treatment.minutes_per_administration", &facts->minutes))
    facts->minutes = -1;
  if (!ivd_plan_lookup_int (plan, "treatment.days", &facts->days))
    facts->days = -1;
  read_dates (facts, plan);
  facts->first_dose = lookup_tristate (plan, "treatment.first_dose_given_in_hospital");
  facts->not_alone = lookup_tristate (plan, "treatment.must_not_be_left_alone") == 1;
  facts->place = ivd_plan_get_string (plan, "place.kind");
  facts->home_assessed = lookup_tristate (plan, "place.home_assessed_suitable");
  facts->delivery = ivd_plan_get_string (plan, "supplies.delivery");
}

/* The latest call that got an answer is the municipality's answer. */
static void
read_answer (IvdExportFacts *facts,
             IvdPlan        *plan)
{
  JsonNode *node = ivd_json_lookup (ivd_plan_get_root (plan), "contact.calls");
  JsonArray *calls = node != NULL && JSON_NODE_HOLDS_ARRAY (node) ? json_node_get_array (node) : NULL;

  for (guint i = calls ? json_array_get_length (calls) : 0; i > 0; i--)
    {
      JsonObject *call = json_array_get_object_element (calls, i - 1);
      g_autoptr(GDateTime) time = NULL;

      if (ivd_json_get_string (call, "answer") == NULL)
        continue;

      facts->answer = ivd_json_get_string (call, "answer");
      facts->answer_person = ivd_json_get_string (call, "person");
      facts->answer_reason = ivd_json_get_string (call, "reason");
      if (ivd_json_get_string (call, "time") != NULL &&
          (time = g_date_time_new_from_iso8601 (ivd_json_get_string (call, "time"), NULL)) != NULL)
        {
          g_autoptr(GDateTime) local = g_date_time_to_local (time);
          facts->answer_time = ivd_export_facts_format_time (local);
        }
      return;
    }
}

IvdExportFacts *
ivd_export_facts_new (const IvdExportInput *input)
{
  IvdExportFacts *facts = g_new0 (IvdExportFacts, 1);

  g_return_val_if_fail (input != NULL && input->plan != NULL && input->evaluation != NULL, NULL);

  read_patient (facts, input);
  read_responsible (facts, input->plan);
  read_treatment (facts, input);
  read_answer (facts, input->plan);
  facts->issued = ivd_export_facts_format_time (input->now);
  return facts;
}

void
ivd_export_facts_free (IvdExportFacts *facts)
{
  if (facts == NULL)
    return;

  g_free (facts->name);
  g_free (facts->cpr);
  g_free (facts->authority);
  g_free (facts->times);
  g_free (facts->start);
  g_free (facts->stop);
  g_free (facts->answer_time);
  g_free (facts->issued);
  g_free (facts);
}

/* Digits only, so that no month name depends on LC_TIME. */
char *
ivd_export_facts_format_date (const GDate *date)
{
  char text[64];

  /* Translators: a date in a referral, strftime format; Danish: %d.%m.%Y */
  if (g_date_strftime (text, sizeof text, _("%Y-%m-%d"), date) == 0)
    return NULL;
  return g_strdup (text);
}

char *
ivd_export_facts_format_time (GDateTime *time)
{
  /* Translators: date and time in a referral, GDateTime format; Danish: %d.%m.%Y kl. %H:%M */
  return g_date_time_format (time, _("%Y-%m-%d %H:%M"));
}

/* What an empty field says: never a guess, never a blank that looks filled. */
const char *
ivd_export_facts_or_unfilled (const char *value)
{
  return value != NULL && *value != '\0' ? value : _("not filled in");
}
