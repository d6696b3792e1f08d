#define G_LOG_DOMAIN "ivd-evaluation"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "ivd-checklist-item.h"
#include "ivd-cpr.h"
#include "ivd-enum-types.h"
#include "ivd-error.h"
#include "ivd-evaluation.h"
#include "ivd-finding.h"
#include "ivd-json.h"
#include "ivd-rule-checks-private.h"
#include "ivd-supply.h"

/* The evaluation of one plan against its region's rule set: the outcome,
 * every finding with its rule id and source, the start-up checklist, the
 * tariff and the supply list. */
struct _IvdEvaluation
{
  GObject     parent_instance;
  IvdOutcome  outcome;
  char       *region;
  int         age;
  int         visits;
  GListStore *findings;
  GListStore *checklist;
  gboolean    ready;
  IvdTariff  *tariff;
  GListModel *supplies;
};

G_DEFINE_FINAL_TYPE (IvdEvaluation, ivd_evaluation, G_TYPE_OBJECT)

static gboolean
invalid (GError     **error,
         const char  *path,
         const char  *reason)
{
  g_set_error (error, IVD_ERROR, IVD_ERROR_INVALID, "%s: %s", path, reason);
  return FALSE;
}

/* The region follows from the municipality; a region given as well must
 * agree with it. */
static gboolean
resolve_region (IvdEvaluation  *self,
                IvdCatalog     *catalog,
                IvdPlan        *plan,
                GError        **error)
{
  const char *code = ivd_plan_get_string (plan, "patient.municipality_code");
  const char *region = ivd_plan_get_string (plan, "region");
  IvdMunicipality *municipality = ivd_catalog_lookup_municipality (catalog, code);
  g_autofree char *reason = NULL;

  if (code != NULL && municipality == NULL)
    return invalid (error, "patient.municipality_code", _("no Danish municipality has this code"));

  if (municipality != NULL && region != NULL &&
      !g_str_equal (region, ivd_municipality_get_region (municipality)))
    {
      reason = g_strdup_printf (_("“%s” does not match the municipality: %s %s is in “%s”"),
                                region, ivd_municipality_get_code (municipality),
                                ivd_municipality_get_name (municipality),
                                ivd_municipality_get_region (municipality));
      return invalid (error, "region", reason);
    }

  self->region = g_strdup (municipality ? ivd_municipality_get_region (municipality) : region);
  return TRUE;
}

static gboolean
resolve_age (IvdEvaluation  *self,
             IvdPlan        *plan,
             const GDate    *today,
             GError        **error)
{
  const char *cpr = ivd_plan_get_string (plan, "patient.cpr");
  GDate birth, start;

  self->age = -1;
  if (cpr == NULL || !ivd_cpr_parse (cpr, &birth, NULL, NULL))
    return TRUE;

  if (!ivd_plan_lookup_start_date (plan, &start))
    start = *today;

  if (g_date_compare (&birth, &start) > 0)
    return invalid (error, "treatment.start_date",
                    _("the treatment starts before the date of birth in the CPR number"));

  self->age = ivd_cpr_age_on (&birth, &start);
  return TRUE;
}

static void
resolve_visits (IvdEvaluation   *self,
                IvdCheckContext *context)
{
  gint64 doses;

  if (context->times != NULL)
    self->visits = context->times->len;
  else if (ivd_plan_lookup_int (context->plan, "treatment.doses_per_day", &doses))
    self->visits = (int) doses;
  else
    self->visits = -1;
}

/* Facts every plan needs, whatever the region's rules say. */
static void
add_data_findings (IvdEvaluation   *self,
                   IvdCheckContext *context)
{
  IvdPlan *plan = context->plan;

  if (self->region == NULL)
    ivd_rule_checks_add (context, "DATA-REGION", IVD_SEVERITY_MISSING,
                         _("The home municipality is not chosen, so the region and its rules are unknown."),
                         "design.md");
  else if (!ivd_plan_has (plan, "patient.municipality_code"))
    ivd_rule_checks_add (context, "DATA-MUNICIPALITY", IVD_SEVERITY_MISSING,
                         _("The home municipality is not chosen."), "design.md");

  if (!ivd_plan_has (plan, "patient.cpr"))
    ivd_rule_checks_add (context, "DATA-CPR", IVD_SEVERITY_MISSING,
                         _("The patient’s CPR number is not entered."), "domain §14");

  if (!context->no_iv && !ivd_plan_has (plan, "treatment.days"))
    ivd_rule_checks_add (context, "DATA-DAYS", IVD_SEVERITY_MISSING,
                         _("The number of treatment days is not entered (needed for FMK, supplies and tariff)."),
                         "001 §2.3");
}

static void
build_checklist (IvdEvaluation   *self,
                 IvdCheckContext *context)
{
  GListModel *items = ivd_rule_set_get_checklist (context->rule_set);

  if (context->no_iv)
    return;

  for (guint i = 0; i < g_list_model_get_n_items (items); i++)
    {
      g_autoptr(IvdRule) rule = g_list_model_get_item (items, i);
      g_autoptr(IvdChecklistItem) item = NULL;
      g_autofree char *path = g_strconcat ("checklist.", ivd_rule_get_id (rule), NULL);
      g_autofree char *text = NULL;
      gboolean done = FALSE;

      if (!ivd_plan_matches (context->plan, ivd_rule_get_when (rule)))
        continue;

      ivd_plan_lookup_boolean (context->plan, path, &done);
      text = ivd_rule_dup_text (rule);
      item = ivd_checklist_item_new (ivd_rule_get_id (rule), text, ivd_rule_get_source (rule), done);
      g_list_store_append (self->checklist, item);
    }
}

static void
compute_tariff (IvdEvaluation   *self,
                IvdCheckContext *context)
{
  JsonObject *table = ivd_rule_set_get_tariff (context->rule_set);
  const char *category = ivd_plan_get_string (context->plan, "treatment.type");
  gint64 step = 1;
  gint64 days = -1;

  if (table == NULL || context->no_iv)
    return;

  if (g_strcmp0 (ivd_plan_get_string (context->plan, "treatment.form"), "iv_pump") == 0)
    category = "pump";

  ivd_plan_lookup_int (context->plan, "tariff_step", &step);
  ivd_plan_lookup_int (context->plan, "treatment.days", &days);
  self->tariff = ivd_tariff_compute (table, category, (int) step, days);
}

static IvdOutcome
decide (IvdEvaluation *self,
        gboolean       no_iv)
{
  gboolean seen[IVD_SEVERITY_INFO + 1] = { FALSE, };

  if (no_iv)
    return IVD_OUTCOME_NOT_APPLICABLE;

  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (self->findings)); i++)
    {
      g_autoptr(IvdFinding) finding = g_list_model_get_item (G_LIST_MODEL (self->findings), i);
      seen[ivd_finding_get_severity (finding)] = TRUE;
    }

  if (seen[IVD_SEVERITY_BLOCK])
    return IVD_OUTCOME_NOT_ELIGIBLE;
  if (seen[IVD_SEVERITY_REVIEW])
    return IVD_OUTCOME_NEEDS_REVIEW;
  if (seen[IVD_SEVERITY_MISSING])
    return IVD_OUTCOME_INCOMPLETE;
  return IVD_OUTCOME_ELIGIBLE;
}

static gboolean
all_done (GListModel *checklist)
{
  for (guint i = 0; i < g_list_model_get_n_items (checklist); i++)
    {
      g_autoptr(IvdChecklistItem) item = g_list_model_get_item (checklist, i);
      if (!ivd_checklist_item_get_done (item))
        return FALSE;
    }

  return TRUE;
}

static gboolean
run_rules (IvdEvaluation   *self,
           IvdCatalog      *catalog,
           IvdCheckContext *context,
           GError         **error)
{
  IvdSupplyTemplate *supply_template;
  GListModel *rules;

  if (self->region == NULL)
    return TRUE;

  if ((context->rule_set = ivd_catalog_get_rule_set (catalog, self->region, error)) == NULL ||
      (supply_template = ivd_catalog_get_supply_template (catalog, error)) == NULL)
    return FALSE;

  rules = ivd_rule_set_get_rules (context->rule_set);
  for (guint i = 0; i < g_list_model_get_n_items (rules); i++)
    {
      g_autoptr(IvdRule) rule = g_list_model_get_item (rules, i);
      ivd_rule_checks_run (context, rule);
    }

  build_checklist (self, context);
  compute_tariff (self, context);
  if (!context->no_iv)
    {
      g_clear_object (&self->supplies);
      self->supplies = ivd_supply_template_compute (supply_template, context->plan, self->visits);
    }

  return TRUE;
}

static void
ivd_evaluation_finalize (GObject *object)
{
  IvdEvaluation *self = (IvdEvaluation *) object;

  g_clear_pointer (&self->region, g_free);
  g_clear_object (&self->findings);
  g_clear_object (&self->checklist);
  g_clear_object (&self->tariff);
  g_clear_object (&self->supplies);

  G_OBJECT_CLASS (ivd_evaluation_parent_class)->finalize (object);
}

static void
ivd_evaluation_class_init (IvdEvaluationClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = ivd_evaluation_finalize;
}

static void
ivd_evaluation_init (IvdEvaluation *self)
{
  self->age = -1;
  self->visits = -1;
  self->findings = g_list_store_new (IVD_TYPE_FINDING);
  self->checklist = g_list_store_new (IVD_TYPE_CHECKLIST_ITEM);
  self->supplies = G_LIST_MODEL (g_list_store_new (IVD_TYPE_SUPPLY));
}

/**
 * ivd_evaluation_new:
 * @today: the date used when the plan has no start date
 *
 * Evaluates @plan. Fails with %IVD_ERROR_INVALID, naming the field, when the
 * plan contradicts itself or the catalog (unknown municipality, region and
 * municipality disagree, start before birth), and with %IVD_ERROR_DATA when
 * a data file is broken.
 */
IvdEvaluation *
ivd_evaluation_new (IvdCatalog   *catalog,
                    IvdPlan      *plan,
                    const GDate  *today,
                    GError      **error)
{
  g_autoptr(IvdEvaluation) self = g_object_new (IVD_TYPE_EVALUATION, NULL);
  g_autoptr(GArray) times = ivd_plan_dup_times (plan);
  g_autoptr(GHashTable) fired = g_hash_table_new (NULL, NULL);
  IvdCheckContext context = {
    .plan = plan,
    .times = times,
    .findings = self->findings,
    .fired = fired,
  };

  g_return_val_if_fail (IVD_IS_CATALOG (catalog), NULL);
  g_return_val_if_fail (IVD_IS_PLAN (plan), NULL);

  if (!resolve_region (self, catalog, plan, error) ||
      !resolve_age (self, plan, today, error))
    return NULL;

  resolve_visits (self, &context);
  context.age = self->age;
  context.visits = self->visits;

  /* Rules first: the priority check decides whether an IV course is planned
   * at all, which the data findings need to know. */
  if (!run_rules (self, catalog, &context, error))
    return NULL;
  add_data_findings (self, &context);

  self->outcome = decide (self, context.no_iv);
  self->ready = self->outcome == IVD_OUTCOME_ELIGIBLE && all_done (G_LIST_MODEL (self->checklist));
  return g_steal_pointer (&self);
}

IvdOutcome
ivd_evaluation_get_outcome (IvdEvaluation *self)
{
  g_return_val_if_fail (IVD_IS_EVALUATION (self), IVD_OUTCOME_INCOMPLETE);
  return self->outcome;
}

const char *
ivd_evaluation_get_region (IvdEvaluation *self)
{
  g_return_val_if_fail (IVD_IS_EVALUATION (self), NULL);
  return self->region;
}

/* -1 when unknown */
int
ivd_evaluation_get_age (IvdEvaluation *self)
{
  g_return_val_if_fail (IVD_IS_EVALUATION (self), -1);
  return self->age;
}

/* -1 when unknown */
int
ivd_evaluation_get_visits_per_day (IvdEvaluation *self)
{
  g_return_val_if_fail (IVD_IS_EVALUATION (self), -1);
  return self->visits;
}

GListModel *
ivd_evaluation_get_findings (IvdEvaluation *self)
{
  g_return_val_if_fail (IVD_IS_EVALUATION (self), NULL);
  return G_LIST_MODEL (self->findings);
}

GListModel *
ivd_evaluation_get_checklist (IvdEvaluation *self)
{
  g_return_val_if_fail (IVD_IS_EVALUATION (self), NULL);
  return G_LIST_MODEL (self->checklist);
}

gboolean
ivd_evaluation_get_ready (IvdEvaluation *self)
{
  g_return_val_if_fail (IVD_IS_EVALUATION (self), FALSE);
  return self->ready;
}

/* Returns: (nullable) (transfer none) */
IvdTariff *
ivd_evaluation_get_tariff (IvdEvaluation *self)
{
  g_return_val_if_fail (IVD_IS_EVALUATION (self), NULL);
  return self->tariff;
}

GListModel *
ivd_evaluation_get_supplies (IvdEvaluation *self)
{
  g_return_val_if_fail (IVD_IS_EVALUATION (self), NULL);
  return self->supplies;
}

const char *
ivd_outcome_to_string (IvdOutcome outcome)
{
  g_autoptr(GEnumClass) klass = g_type_class_ref (IVD_TYPE_OUTCOME);
  GEnumValue *value = g_enum_get_value (klass, outcome);

  return value != NULL ? value->value_nick : "incomplete";
}

static void
add_findings (JsonBuilder *builder,
              GListModel  *findings)
{
  json_builder_set_member_name (builder, "findings");
  json_builder_begin_array (builder);
  for (guint i = 0; i < g_list_model_get_n_items (findings); i++)
    {
      g_autoptr(IvdFinding) finding = g_list_model_get_item (findings, i);

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "rule");
      json_builder_add_string_value (builder, ivd_finding_get_rule_id (finding));
      json_builder_set_member_name (builder, "severity");
      json_builder_add_string_value (builder, ivd_severity_to_string (ivd_finding_get_severity (finding)));
      json_builder_set_member_name (builder, "message");
      json_builder_add_string_value (builder, ivd_finding_get_message (finding));
      json_builder_set_member_name (builder, "source");
      json_builder_add_string_value (builder, ivd_finding_get_source (finding));
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
}

static void
add_list (JsonBuilder *builder,
          const char  *member,
          GListModel  *model,
          JsonNode  *(*to_json) (gpointer item))
{
  json_builder_set_member_name (builder, member);
  json_builder_begin_array (builder);
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (model, i);
      json_builder_add_value (builder, to_json (item));
    }
  json_builder_end_array (builder);
}

/* The evaluation in the form design.md fixes for --check. */
JsonNode *
ivd_evaluation_to_json (IvdEvaluation *self)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  g_return_val_if_fail (IVD_IS_EVALUATION (self), NULL);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "outcome");
  json_builder_add_string_value (builder, ivd_outcome_to_string (self->outcome));
  json_builder_set_member_name (builder, "region");
  if (self->region != NULL)
    json_builder_add_string_value (builder, self->region);
  else
    json_builder_add_null_value (builder);
  ivd_json_builder_add_int_or_null (builder, "age", self->age);
  ivd_json_builder_add_int_or_null (builder, "visits_per_day", self->visits);
  add_findings (builder, G_LIST_MODEL (self->findings));
  add_list (builder, "checklist", G_LIST_MODEL (self->checklist),
            (JsonNode *(*) (gpointer)) ivd_checklist_item_to_json);
  json_builder_set_member_name (builder, "ready");
  json_builder_add_boolean_value (builder, self->ready);
  json_builder_set_member_name (builder, "tariff");
  if (self->tariff != NULL)
    json_builder_add_value (builder, ivd_tariff_to_json (self->tariff));
  else
    json_builder_add_null_value (builder);
  add_list (builder, "supplies", self->supplies, (JsonNode *(*) (gpointer)) ivd_supply_to_json);
  json_builder_end_object (builder);

  return json_builder_get_root (builder);
}
