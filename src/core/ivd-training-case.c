#define G_LOG_DOMAIN "ivd-training-case"

#include "config.h"

#include <stdio.h>

#include <glib/gi18n-lib.h>

#include "ivd-cpr.h"
#include "ivd-error.h"
#include "ivd-json.h"
#include "ivd-training-case.h"

/* A fictitious case for teaching one rule: a plan file whose "training"
 * object holds the trainer's note and what the case should come to:
 *
 *   "training": { "title": {"da", "en"}, "note": {"da", "en"},
 *                 "rules": ["EXCL-NIGHT", ...], "expected_outcome": "not_eligible",
 *                 "expected_ready": false, "status": "declined",
 *                 "status_reason": "...", "reference_date": "2026-03-02" }
 *
 * The plan's dates are those of the reference date ("today" in the case);
 * a class held on another day gets every date moved by the same number
 * of days, so "tomorrow" and "ended last week" stay true. */
struct _IvdTrainingCase
{
  GObject        parent_instance;

  IvdPlan       *plan;
  JsonObject    *training;  /* inside the plan's root */
  GStrv          rules;
  IvdOutcome     expected_outcome;
  int            expected_ready;  /* -1: not said */
  IvdPlanStatus  status;
  GDate          reference_date;
};

G_DEFINE_FINAL_TYPE (IvdTrainingCase, ivd_training_case, G_TYPE_OBJECT)

static gboolean
fail (GError     **error,
      const char  *member,
      const char  *problem)
{
  g_set_error (error, IVD_ERROR, IVD_ERROR_INVALID, "training.%s: %s", member, problem);
  return FALSE;
}

static gboolean
parse_day (const char *text,
           GDate      *date)
{
  int y, m, d;
  char end;

  if (text == NULL || strlen (text) != 10 || sscanf (text, "%4d-%2d-%2d%c", &y, &m, &d, &end) != 3 ||
      !g_date_valid_dmy (d, m, y))
    return FALSE;
  g_date_set_dmy (date, d, m, y);
  return TRUE;
}

static char *
format_day (const GDate *date)
{
  return g_strdup_printf ("%04d-%02d-%02d", g_date_get_year (date), g_date_get_month (date), g_date_get_day (date));
}

static gboolean
outcome_from_string (const char *text,
                     IvdOutcome *outcome)
{
  for (int i = IVD_OUTCOME_ELIGIBLE; i <= IVD_OUTCOME_NOT_APPLICABLE; i++)
    if (g_strcmp0 (text, ivd_outcome_to_string (i)) == 0)
      {
        *outcome = i;
        return TRUE;
      }
  return FALSE;
}

static gboolean
has_texts (JsonObject *object,
           const char *member)
{
  JsonNode *node = json_object_get_member (object, member);
  JsonObject *texts = node != NULL && JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;

  return texts != NULL && ivd_json_get_string (texts, "da") != NULL && ivd_json_get_string (texts, "en") != NULL;
}

static gboolean
read_rules (IvdTrainingCase  *self,
            GError          **error)
{
  JsonNode *node = json_object_get_member (self->training, "rules");
  g_autoptr(GStrvBuilder) rules = g_strv_builder_new ();
  JsonArray *array;

  if (node == NULL || !JSON_NODE_HOLDS_ARRAY (node) || json_array_get_length (array = json_node_get_array (node)) == 0)
    return fail (error, "rules", _("must list the rule ids the case shows"));

  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonNode *rule = json_array_get_element (array, i);

      if (!ivd_json_is_string (rule))
        return fail (error, "rules", _("must list the rule ids the case shows"));
      g_strv_builder_add (rules, json_node_get_string (rule));
    }
  self->rules = g_strv_builder_end (rules);
  return TRUE;
}

static gboolean
read_status (IvdTrainingCase  *self,
             GError          **error)
{
  const char *status = ivd_json_get_string (self->training, "status");
  g_autoptr(GError) reason_error = NULL;
  JsonNode *ready = json_object_get_member (self->training, "expected_ready");

  self->status = IVD_PLAN_STATUS_DRAFT;
  if (status != NULL && !ivd_plan_status_from_string (status, &self->status))
    return fail (error, "status", _("is not a plan status"));
  if (!ivd_plan_status_check_reason (self->status, ivd_training_case_get_status_reason (self), &reason_error))
    return fail (error, "status_reason", reason_error->message);

  self->expected_ready = -1;
  if (ready != NULL && !ivd_json_is_boolean (ready))
    return fail (error, "expected_ready", _("must be true or false"));
  if (ready != NULL)
    self->expected_ready = json_node_get_boolean (ready);
  return TRUE;
}

static gboolean
read_training (IvdTrainingCase  *self,
               GError          **error)
{
  JsonNode *node = json_object_get_member (ivd_plan_get_root (self->plan), "training");

  if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node))
    {
      g_set_error (error, IVD_ERROR, IVD_ERROR_INVALID,
                   _("training: this plan is not a training case (it has no trainer’s note)"));
      return FALSE;
    }
  self->training = json_node_get_object (node);

  if (!has_texts (self->training, "title"))
    return fail (error, "title", _("needs a Danish and an English text (da, en)"));
  if (!has_texts (self->training, "note"))
    return fail (error, "note", _("needs a Danish and an English text (da, en)"));
  if (!outcome_from_string (ivd_json_get_string (self->training, "expected_outcome"), &self->expected_outcome))
    return fail (error, "expected_outcome",
                 _("must be one of eligible, not_eligible, needs_review, incomplete, not_applicable"));
  if (!parse_day (ivd_json_get_string (self->training, "reference_date"), &self->reference_date))
    return fail (error, "reference_date", _("must be a date written YYYY-MM-DD"));
  return read_rules (self, error) && read_status (self, error);
}

/* ---- moving the dates ---- */

static gboolean
shift_start_date (IvdPlan  *plan,
                  int       days)
{
  g_autofree char *text = NULL;
  GDate date;

  g_date_clear (&date, 1);
  if (!ivd_plan_lookup_start_date (plan, &date))
    return TRUE;

  if (days >= 0)
    g_date_add_days (&date, days);
  else
    g_date_subtract_days (&date, -days);
  text = format_day (&date);
  ivd_plan_set_string (plan, "treatment.start_date", text);
  return TRUE;
}

/* The birth date moves with the course, so the patient is as old on the
 * moved start date as in the case; the serial number (and so the sex and
 * the century digit) stays. */
static gboolean
shift_cpr (IvdPlan  *plan,
           int       days,
           GError  **error)
{
  const char *cpr = ivd_plan_get_string (plan, "patient.cpr");
  g_autofree char *digits = cpr != NULL ? ivd_cpr_normalize (cpr) : NULL;
  g_autofree char *moved = NULL;
  GDate born, check;

  g_date_clear (&born, 1);
  g_date_clear (&check, 1);
  if (digits == NULL || !ivd_cpr_parse (digits, &born, NULL, NULL))
    return TRUE;

  if (days >= 0)
    g_date_add_days (&born, days);
  else
    g_date_subtract_days (&born, -days);
  moved = g_strdup_printf ("%02d%02d%02d%s%s", g_date_get_day (&born), g_date_get_month (&born),
                           g_date_get_year (&born) % 100, strchr (cpr, '-') != NULL ? "-" : "", digits + 6);
  if (!ivd_cpr_parse (moved, &check, NULL, NULL) || g_date_compare (&check, &born) != 0)
    {
      g_set_error (error, IVD_ERROR, IVD_ERROR_INVALID,
                   _("patient.cpr: the training case’s birth date cannot be moved to this day "
                     "(its century digit no longer fits)"));
      return FALSE;
    }

  ivd_plan_set_string (plan, "patient.cpr", moved);
  return TRUE;
}

static void
shift_calls (IvdPlan *plan,
             int      days)
{
  JsonArray *calls = ivd_plan_get_calls (plan);

  for (guint i = 0; calls != NULL && i < json_array_get_length (calls); i++)
    {
      JsonNode *node = json_array_get_element (calls, i);
      JsonObject *call = JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
      const char *time = call != NULL ? ivd_json_get_string (call, "time") : NULL;
      g_autoptr(GDateTime) when = time != NULL ? g_date_time_new_from_iso8601 (time, NULL) : NULL;
      g_autoptr(GDateTime) moved = when != NULL ? g_date_time_add_days (when, days) : NULL;
      g_autofree char *text = moved != NULL ? g_date_time_format (moved, "%Y-%m-%dT%H:%M:%S%:z") : NULL;

      if (text != NULL)
        json_object_set_string_member (call, "time", text);
    }
}

/* ---- object ---- */

static void
ivd_training_case_finalize (GObject *object)
{
  IvdTrainingCase *self = (IvdTrainingCase *) object;

  g_clear_object (&self->plan);
  g_clear_pointer (&self->rules, g_strfreev);

  G_OBJECT_CLASS (ivd_training_case_parent_class)->finalize (object);
}

static void
ivd_training_case_class_init (IvdTrainingCaseClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = ivd_training_case_finalize;
}

static void
ivd_training_case_init (IvdTrainingCase *self)
{
  g_date_clear (&self->reference_date, 1);
}

/* ---- public ---- */

/**
 * ivd_training_case_new_from_plan:
 *
 * Reads the trainer's note of @plan (which it keeps a reference to);
 * fails when the plan is no training case or its note is incomplete.
 */
IvdTrainingCase *
ivd_training_case_new_from_plan (IvdPlan  *plan,
                                 GError  **error)
{
  g_autoptr(IvdTrainingCase) self = g_object_new (IVD_TYPE_TRAINING_CASE, NULL);

  g_return_val_if_fail (IVD_IS_PLAN (plan), NULL);

  self->plan = g_object_ref (plan);
  if (!read_training (self, error))
    return NULL;
  return g_steal_pointer (&self);
}

IvdTrainingCase *
ivd_training_case_new_from_file (const char  *path,
                                 GError     **error)
{
  g_autoptr(IvdPlan) plan = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *name = g_path_get_basename (path);

  plan = ivd_plan_new_from_file (path, &local_error);
  if (plan != NULL)
    {
      IvdTrainingCase *self = ivd_training_case_new_from_plan (plan, &local_error);
      if (self != NULL)
        return self;
    }

  g_set_error (error, IVD_ERROR, local_error->code, "%s: %s", name, local_error->message);
  return NULL;
}

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return g_strcmp0 (*(const char * const *) a, *(const char * const *) b);
}

/**
 * ivd_training_case_load_dir:
 *
 * Returns: (element-type IvdTrainingCase): every *.json in @dir, in the
 *   order of their file names; NULL with @error when one cannot be read
 *   (one broken case would leave a class without it, silently).
 */
GPtrArray *
ivd_training_case_load_dir (const char  *dir,
                            GError     **error)
{
  g_autoptr(GDir) folder = NULL;
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) cases = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GError) local_error = NULL;
  const char *name;

  if ((folder = g_dir_open (dir, 0, &local_error)) == NULL)
    {
      g_set_error (error, IVD_ERROR, IVD_ERROR_DATA, _("The training cases cannot be read: %s"),
                   local_error->message);
      return NULL;
    }

  while ((name = g_dir_read_name (folder)) != NULL)
    if (g_str_has_suffix (name, ".json"))
      g_ptr_array_add (names, g_strdup (name));
  g_ptr_array_sort (names, compare_names);

  for (guint i = 0; i < names->len; i++)
    {
      g_autofree char *path = g_build_filename (dir, names->pdata[i], NULL);
      IvdTrainingCase *training_case = ivd_training_case_new_from_file (path, &local_error);

      if (training_case == NULL)
        {
          g_set_error (error, IVD_ERROR, IVD_ERROR_DATA, _("A training case cannot be read: %s"),
                       local_error->message);
          return NULL;
        }
      g_ptr_array_add (cases, training_case);
    }

  if (cases->len == 0)
    {
      g_set_error (error, IVD_ERROR, IVD_ERROR_DATA, _("There are no training cases in %s"), dir);
      return NULL;
    }
  return g_steal_pointer (&cases);
}

/* $IVD_DATA_DIR/training when set (tests, an uninstalled build), else the
 * installed cases. */
char *
ivd_training_case_dup_default_dir (void)
{
  const char *env = g_getenv ("IVD_DATA_DIR");

  return g_build_filename (env != NULL && *env != '\0' ? env : PKGDATADIR, "training", NULL);
}

IvdPlan *
ivd_training_case_get_plan (IvdTrainingCase *self)
{
  g_return_val_if_fail (IVD_IS_TRAINING_CASE (self), NULL);
  return self->plan;
}

const char *
ivd_training_case_get_title (IvdTrainingCase *self)
{
  g_return_val_if_fail (IVD_IS_TRAINING_CASE (self), NULL);
  return ivd_json_get_localized (self->training, "title");
}

const char *
ivd_training_case_get_note (IvdTrainingCase *self)
{
  g_return_val_if_fail (IVD_IS_TRAINING_CASE (self), NULL);
  return ivd_json_get_localized (self->training, "note");
}

const char * const *
ivd_training_case_get_rules (IvdTrainingCase *self)
{
  g_return_val_if_fail (IVD_IS_TRAINING_CASE (self), NULL);
  return (const char * const *) self->rules;
}

IvdOutcome
ivd_training_case_get_expected_outcome (IvdTrainingCase *self)
{
  g_return_val_if_fail (IVD_IS_TRAINING_CASE (self), IVD_OUTCOME_INCOMPLETE);
  return self->expected_outcome;
}

/* FALSE when the note does not say whether the plan is ready to refer. */
gboolean
ivd_training_case_get_expected_ready (IvdTrainingCase *self,
                                      gboolean        *ready)
{
  g_return_val_if_fail (IVD_IS_TRAINING_CASE (self), FALSE);

  if (self->expected_ready < 0)
    return FALSE;
  *ready = self->expected_ready;
  return TRUE;
}

IvdPlanStatus
ivd_training_case_get_status (IvdTrainingCase *self)
{
  g_return_val_if_fail (IVD_IS_TRAINING_CASE (self), IVD_PLAN_STATUS_DRAFT);
  return self->status;
}

const char *
ivd_training_case_get_status_reason (IvdTrainingCase *self)
{
  g_return_val_if_fail (IVD_IS_TRAINING_CASE (self), NULL);
  return ivd_json_get_localized (self->training, "status_reason");
}

const GDate *
ivd_training_case_get_reference_date (IvdTrainingCase *self)
{
  g_return_val_if_fail (IVD_IS_TRAINING_CASE (self), NULL);
  return &self->reference_date;
}

/**
 * ivd_training_case_dup_plan_for:
 * @today: the day of the class
 *
 * Returns: (transfer full): a copy of the case's plan with its start date,
 *   the patient's birth date (in the CPR number) and the times of its
 *   calls moved by the days from the reference date to @today; its
 *   reference date becomes @today.
 */
IvdPlan *
ivd_training_case_dup_plan_for (IvdTrainingCase  *self,
                                const GDate      *today,
                                GError          **error)
{
  g_autofree char *data = NULL;
  g_autofree char *day = NULL;
  g_autoptr(IvdPlan) plan = NULL;
  int days;

  g_return_val_if_fail (IVD_IS_TRAINING_CASE (self), NULL);
  g_return_val_if_fail (today != NULL && g_date_valid (today), NULL);

  data = ivd_plan_to_data (self->plan);
  plan = ivd_plan_new_from_stored_data (data, strlen (data), error);
  if (plan == NULL)
    return NULL;

  days = g_date_days_between (&self->reference_date, today);
  if (!shift_start_date (plan, days) || !shift_cpr (plan, days, error))
    return NULL;
  shift_calls (plan, days);
  day = format_day (today);
  ivd_plan_set_string (plan, "training.reference_date", day);
  return g_steal_pointer (&plan);
}

/* Every plan of a training database carries a "training" object (a case's
 * note, or the mark of a plan made during a class): exports mark it, and
 * the real plan store refuses it. */
gboolean
ivd_training_case_plan_is_training (IvdPlan *plan)
{
  JsonNode *node;

  g_return_val_if_fail (IVD_IS_PLAN (plan), FALSE);

  node = json_object_get_member (ivd_plan_get_root (plan), "training");
  return node != NULL && JSON_NODE_HOLDS_OBJECT (node);
}

/* Marks a plan made in training mode as fictitious, if not yet marked. */
void
ivd_training_case_mark_plan (IvdPlan *plan)
{
  g_return_if_fail (IVD_IS_PLAN (plan));

  if (!ivd_training_case_plan_is_training (plan))
    ivd_plan_set_boolean (plan, "training.fictitious", TRUE);
}
