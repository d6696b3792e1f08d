#define G_LOG_DOMAIN "ivd-rule-checks"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "ivd-finding.h"
#include "ivd-json.h"
#include "ivd-rule-checks-private.h"
#include "ivd-schedule.h"

/* The meaning of each "check" a rule file may name. A check reads the plan
 * and the rule's parameters and adds findings; it never decides the outcome.
 * A fact the plan does not have gives a "missing" finding, never a guess. */

typedef void (*CheckFunc) (IvdCheckContext *context,
                           IvdRule         *rule);

static void
add (IvdCheckContext *context,
     IvdRule         *rule,
     IvdSeverity      severity,
     const char      *message)
{
  ivd_rule_checks_add (context, ivd_rule_get_id (rule), severity, message, ivd_rule_get_source (rule));
}

static void
add_message (IvdCheckContext *context,
             IvdRule         *rule,
             IvdSeverity      severity,
             const char      *member,
             GHashTable      *values)
{
  g_autofree char *message = ivd_rule_dup_message (rule, member, values);
  add (context, rule, severity, message);
}

static void
add_unanswered (IvdCheckContext *context,
                IvdRule         *rule)
{
  const char *question = ivd_rule_get_question (rule);
  g_autofree char *message = NULL;

  if (question == NULL)
    {
      add_message (context, rule, IVD_SEVERITY_MISSING, "missing_message", NULL);
      return;
    }

  /* Translators: %s is a yes/no question from the rule file */
  message = g_strdup_printf (_("Not answered: %s"), question);
  add (context, rule, IVD_SEVERITY_MISSING, message);
}

static GHashTable *
values_new (void)
{
  return g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_free);
}

static const char *
form_label (const char *form)
{
  if (g_strcmp0 (form, "tablets") == 0)
    return _("tablets");
  if (g_strcmp0 (form, "self_administration") == 0)
    return _("self-administration");
  if (g_strcmp0 (form, "iv_pump") == 0)
    return _("IV pump");
  if (g_strcmp0 (form, "iv_intermittent") == 0)
    return _("IV 2-4 times a day");
  return form;
}

static void
check_fact (IvdCheckContext *context,
            IvdRule         *rule)
{
  const char *field = ivd_rule_get_param_string (rule, "field");
  gboolean expect = ivd_rule_get_param_boolean (rule, "expect", TRUE);
  gboolean value;

  if (!ivd_plan_lookup_boolean (context->plan, field, &value))
    add_unanswered (context, rule);
  else if (value != expect)
    add_message (context, rule, ivd_rule_get_severity (rule), "message", NULL);
}

static void
check_present (IvdCheckContext *context,
               IvdRule         *rule)
{
  const char *value = ivd_plan_get_string (context->plan, ivd_rule_get_param_string (rule, "field"));

  if (value == NULL || *value == '\0')
    add_message (context, rule, IVD_SEVERITY_MISSING, "message", NULL);
}

static void
check_value_in (IvdCheckContext *context,
                IvdRule         *rule)
{
  g_auto(GStrv) values = ivd_rule_dup_param_strv (rule, "values");
  g_autofree char *value = ivd_plan_dup_value_string (context->plan,
                                                      ivd_rule_get_param_string (rule, "field"));

  if (value != NULL && g_strv_contains ((const char * const *) values, value))
    add_message (context, rule, ivd_rule_get_severity (rule), "message", NULL);
}

static void
check_min_age (IvdCheckContext *context,
               IvdRule         *rule)
{
  g_autoptr(GHashTable) values = values_new ();
  gint64 min_age = ivd_rule_get_param_int (rule, "min_age", 0);

  if (context->age < 0)
    {
      add (context, rule, IVD_SEVERITY_MISSING, _("Age unknown: enter the patient’s CPR number."));
      return;
    }

  if (context->age >= min_age)
    return;

  g_hash_table_insert (values, "age", g_strdup_printf ("%d", context->age));
  add_message (context, rule, ivd_rule_get_severity (rule), "message", values);
}

static gboolean
is_blank (const char *text)
{
  for (; text != NULL && *text != '\0'; text = g_utf8_next_char (text))
    if (!g_unichar_isspace (g_utf8_get_char (text)))
      return FALSE;
  return TRUE;
}

static char *
join_forms (GPtrArray *forms)
{
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint i = 0; i < forms->len; i++)
    {
      if (i > 0)
        g_string_append (text, ", ");
      g_string_append (text, form_label (g_ptr_array_index (forms, i)));
    }

  return g_string_free (g_steal_pointer (&text), FALSE);
}

static void
check_priority_order (IvdCheckContext *context,
                      IvdRule         *rule)
{
  g_auto(GStrv) order = ivd_rule_dup_param_strv (rule, "order");
  g_auto(GStrv) no_iv = ivd_rule_dup_param_strv (rule, "no_iv");
  const char *form = ivd_plan_get_string (context->plan, "treatment.form");
  g_autoptr(GPtrArray) unreasoned = g_ptr_array_new ();
  g_autoptr(GHashTable) values = values_new ();

  if (form == NULL)
    {
      add (context, rule, IVD_SEVERITY_MISSING, _("The treatment form has not been chosen."));
      return;
    }

  if (g_strv_contains ((const char * const *) no_iv, form))
    {
      context->no_iv = TRUE;
      g_hash_table_insert (values, "forms", g_strdup (form_label (form)));
      add_message (context, rule, IVD_SEVERITY_INFO, "message", values);
      return;
    }

  /* Each form above the chosen one needs a recorded reason against it. */
  for (guint i = 0; order[i] != NULL && !g_str_equal (order[i], form); i++)
    {
      g_autofree char *path = g_strconcat ("alternatives.", order[i], NULL);
      const char *reason = ivd_plan_get_string (context->plan, path);

      if (is_blank (reason))
        g_ptr_array_add (unreasoned, order[i]);
    }

  if (unreasoned->len > 0)
    {
      g_hash_table_insert (values, "forms", join_forms (unreasoned));
      add_message (context, rule, IVD_SEVERITY_MISSING, "missing_message", values);
    }
}

static void
check_max_visits (IvdCheckContext *context,
                  IvdRule         *rule)
{
  g_autoptr(GHashTable) values = values_new ();

  if (context->visits < 0)
    {
      add (context, rule, IVD_SEVERITY_MISSING,
           _("Visits per day unknown: enter the administration times."));
      return;
    }

  if (context->visits <= ivd_rule_get_param_int (rule, "max_visits", G_MAXINT))
    return;

  g_hash_table_insert (values, "visits", g_strdup_printf ("%d", context->visits));
  add_message (context, rule, ivd_rule_get_severity (rule), "message", values);
}

static void
append_time (GString *list,
             int      minutes)
{
  g_autofree char *text = ivd_schedule_format_time (minutes);

  if (list->len > 0)
    g_string_append (list, ", ");
  g_string_append (list, text);
}

static void
check_night_window (IvdCheckContext *context,
                    IvdRule         *rule)
{
  g_autoptr(GString) inside = g_string_new (NULL);
  g_autoptr(GString) running_in = g_string_new (NULL);
  g_autoptr(GHashTable) values = values_new ();
  gint64 minutes = 1;
  int start, end;

  if (!ivd_schedule_parse_time (ivd_rule_get_param_string (rule, "start"), &start) ||
      !ivd_schedule_parse_time (ivd_rule_get_param_string (rule, "end"), &end))
    {
      add (context, rule, IVD_SEVERITY_REVIEW,
           _("The rule file gives no valid night window (start and end as HH:MM); check the rule set."));
      return;
    }

  if (context->times == NULL)
    {
      add (context, rule, IVD_SEVERITY_MISSING,
           _("Administration times are not given, so night visits cannot be checked."));
      return;
    }

  ivd_plan_lookup_int (context->plan, "treatment.minutes_per_administration", &minutes);

  for (guint i = 0; i < context->times->len; i++)
    {
      int t = g_array_index (context->times, int, i);

      if (ivd_schedule_in_window (t, start, end))
        append_time (inside, t);
      else if (ivd_schedule_overlaps_window (t, (int) minutes, start, end))
        append_time (running_in, t);
    }

  if (inside->len > 0)
    {
      g_hash_table_insert (values, "times", g_strdup (inside->str));
      add_message (context, rule, ivd_rule_get_severity (rule), "message", values);
    }
  if (running_in->len > 0)
    {
      g_hash_table_insert (values, "times", g_strdup (running_in->str));
      add_message (context, rule, IVD_SEVERITY_REVIEW, "overlap_message", values);
    }
}

static void
check_max_minutes (IvdCheckContext *context,
                   IvdRule         *rule)
{
  g_autoptr(GHashTable) values = values_new ();
  gint64 minutes;

  if (!ivd_plan_lookup_int (context->plan, "treatment.minutes_per_administration", &minutes))
    {
      add_unanswered (context, rule);
      return;
    }

  if (minutes <= ivd_rule_get_param_int (rule, "max_minutes", G_MAXINT))
    return;

  g_hash_table_insert (values, "minutes", g_strdup_printf ("%" G_GINT64_FORMAT, minutes));
  add_message (context, rule, ivd_rule_get_severity (rule), "message", values);
}

static void
check_statement (IvdCheckContext *context,
                 IvdRule         *rule)
{
  gboolean value;

  if (!ivd_plan_lookup_boolean (context->plan, ivd_rule_get_param_string (rule, "field"), &value))
    add_unanswered (context, rule);
  else if (value)
    add_message (context, rule, ivd_rule_get_severity (rule), "message", NULL);
}

static void
check_municipality_answer (IvdCheckContext *context,
                           IvdRule         *rule)
{
  JsonNode *node = ivd_json_lookup (ivd_plan_get_root (context->plan), "contact.calls");
  g_autoptr(GHashTable) values = values_new ();
  JsonArray *calls;

  if (node == NULL || !JSON_NODE_HOLDS_ARRAY (node))
    return;

  /* The newest call with an answer is the municipality's answer. */
  calls = json_node_get_array (node);
  for (guint i = json_array_get_length (calls); i > 0; i--)
    {
      JsonNode *element = json_array_get_element (calls, i - 1);
      /* A stored draft is not checked on loading: skip what is not a call. */
      JsonObject *call = JSON_NODE_HOLDS_OBJECT (element) ? json_node_get_object (element) : NULL;
      const char *answer = ivd_json_get_string (call, "answer");
      const char *reason = ivd_json_get_string (call, "reason");

      if (answer == NULL)
        continue;
      if (!g_str_equal (answer, "declined"))
        return;

      g_hash_table_insert (values, "reason",
                           g_strdup (reason && *reason ? reason : _("no reason recorded")));
      add_message (context, rule, ivd_rule_get_severity (rule), "message", values);
      return;
    }
}

static void
check_suggest (IvdCheckContext *context,
               IvdRule         *rule)
{
  g_auto(GStrv) because = ivd_rule_dup_param_strv (rule, "because");

  if (g_strcmp0 (ivd_plan_get_string (context->plan, "treatment.form"),
                 ivd_rule_get_param_string (rule, "form")) != 0)
    return;

  for (guint i = 0; because[i] != NULL; i++)
    if (g_hash_table_contains (context->fired, g_intern_string (because[i])))
      {
        add_message (context, rule, ivd_rule_get_severity (rule), "message", NULL);
        return;
      }
}

static void
check_no_agreement (IvdCheckContext *context,
                    IvdRule         *rule)
{
  g_autoptr(GHashTable) values = values_new ();

  g_hash_table_insert (values, "region", g_strdup (ivd_rule_set_get_name (context->rule_set)));
  add_message (context, rule, ivd_rule_get_severity (rule), "message", values);
}

static const struct
{
  const char *kind;
  CheckFunc   func;
  gboolean    iv_only;   /* skipped when no municipal IV course is planned */
} checks[] = {
  { "fact", check_fact, FALSE },
  { "present", check_present, FALSE },
  { "value_in", check_value_in, FALSE },
  { "min_age", check_min_age, FALSE },
  { "priority_order", check_priority_order, FALSE },
  { "max_visits", check_max_visits, TRUE },
  { "night_window", check_night_window, TRUE },
  { "max_minutes", check_max_minutes, TRUE },
  { "statement", check_statement, TRUE },
  { "municipality_answer", check_municipality_answer, FALSE },
  { "suggest", check_suggest, TRUE },
  { "no_agreement", check_no_agreement, FALSE },
};

void
ivd_rule_checks_add (IvdCheckContext *context,
                     const char      *rule_id,
                     IvdSeverity      severity,
                     const char      *message,
                     const char      *source)
{
  g_autoptr(IvdFinding) finding = ivd_finding_new (rule_id, severity, message, source);

  g_list_store_append (context->findings, finding);
  if (severity == IVD_SEVERITY_BLOCK || severity == IVD_SEVERITY_REVIEW)
    g_hash_table_add (context->fired, (gpointer) g_intern_string (rule_id));
}

void
ivd_rule_checks_run (IvdCheckContext *context,
                     IvdRule         *rule)
{
  const char *kind = ivd_rule_get_check (rule);

  if (!ivd_plan_matches (context->plan, ivd_rule_get_when (rule)))
    return;

  for (guint i = 0; i < G_N_ELEMENTS (checks); i++)
    if (g_str_equal (checks[i].kind, kind))
      {
        if (!(checks[i].iv_only && context->no_iv))
          checks[i].func (context, rule);
        return;
      }
}
