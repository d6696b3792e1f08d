#define G_LOG_DOMAIN "ivd-plan"

#include "config.h"

#include <inttypes.h>
#include <stdio.h>

#include <glib/gi18n-lib.h>

#include "ivd-codes.h"
#include "ivd-cpr.h"
#include "ivd-error.h"
#include "ivd-json.h"
#include "ivd-plan.h"
#include "ivd-schedule.h"

/* The plan is kept as its JSON document so that keys this version does not
 * know survive a round trip untouched; typed access goes through paths. */
struct _IvdPlan
{
  GObject     parent_instance;
  JsonObject *root;
};

G_DEFINE_FINAL_TYPE (IvdPlan, ivd_plan, G_TYPE_OBJECT)

enum {
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

typedef enum
{
  FIELD_STRING,
  FIELD_BOOLEAN,
  FIELD_INT,
  FIELD_ENUM,
  FIELD_CPR,
  FIELD_MUNICIPALITY,
  FIELD_DATE,
  FIELD_TIMES,
  FIELD_CALLS,
  FIELD_CODE,
} FieldKind;

typedef struct
{
  const char         *path;
  FieldKind           kind;
  const char * const *values;
  gint64              min;
  gint64              max;
} Field;

static const char * const regions[] = { "hovedstaden", "midtjylland", "nordjylland", "syddanmark", "sjaelland", NULL };
static const char * const types[] = { "antibiotic", "fluid", "other", NULL };
static const char * const forms[] = { "tablets", "self_administration", "iv_pump", "iv_intermittent", NULL };
static const char * const accesses[] = { "pvk", "cvk", "picc", "vip", "midline", NULL };
static const char * const places[] = { "home", "nursing_home", "residential", "clinic", "acute_bed", "temporary_bed", NULL };
static const char * const answers[] = { "accepted", "declined", "call_back", NULL };
static const char * const deliveries[] = { "home", "depot", NULL };

static const char * const objects[] = {
  "patient", "treatment", "alternatives", "place", "checklist", "contact", "responsible", "course",
  "supplies", NULL
};

static const Field fields[] = {
  { "format", FIELD_STRING },
  { "patient.cpr", FIELD_CPR },
  { "patient.name", FIELD_STRING },
  { "patient.municipality_code", FIELD_MUNICIPALITY },
  { "region", FIELD_ENUM, regions },
  { "started_in_hospital", FIELD_BOOLEAN },
  { "stable", FIELD_BOOLEAN },
  { "requires_admission", FIELD_BOOLEAN },
  { "medically_suitable", FIELD_BOOLEAN },
  { "patient_consents", FIELD_BOOLEAN },
  { "patient_informed", FIELD_BOOLEAN },
  { "treatment.type", FIELD_ENUM, types },
  { "treatment.form", FIELD_ENUM, forms },
  { "treatment.drug", FIELD_STRING },
  { "treatment.dose", FIELD_STRING },
  { "treatment.administration_times", FIELD_TIMES },
  { "treatment.doses_per_day", FIELD_INT, NULL, 1, 24 },
  { "treatment.minutes_per_administration", FIELD_INT, NULL, 1, 24 * 60 },
  { "treatment.days", FIELD_INT, NULL, 1, 366 },
  { "treatment.start_date", FIELD_DATE },
  { "treatment.first_dose_given_in_hospital", FIELD_BOOLEAN },
  { "treatment.access", FIELD_ENUM, accesses },
  { "treatment.must_not_be_left_alone", FIELD_BOOLEAN },
  { "alternatives.tablets", FIELD_STRING },
  { "alternatives.self_administration", FIELD_STRING },
  { "alternatives.iv_pump", FIELD_STRING },
  { "place.kind", FIELD_ENUM, places },
  { "place.home_assessed_suitable", FIELD_BOOLEAN },
  { "tariff_step", FIELD_INT, NULL, 1, 3 },
  { "contact.calls", FIELD_CALLS },
  { "responsible.department", FIELD_STRING },
  { "responsible.phone", FIELD_STRING },
  { "responsible.doctor", FIELD_STRING },
  { "responsible.sor", FIELD_CODE, NULL, IVD_SOR_MIN_DIGITS, IVD_SOR_MAX_DIGITS },
  { "responsible.ean", FIELD_CODE, NULL, IVD_EAN_DIGITS, IVD_EAN_DIGITS },
  { "course.expected", FIELD_STRING },
  { "course.observations", FIELD_STRING },
  { "course.blood_tests", FIELD_STRING },
  { "course.medication_changes", FIELD_STRING },
  { "course.ending", FIELD_STRING },
  { "supplies.delivery", FIELD_ENUM, deliveries },
};

static gboolean
fail (GError     **error,
      const char  *path,
      const char  *format,
      ...) G_GNUC_PRINTF (3, 4);

static gboolean
fail (GError     **error,
      const char  *path,
      const char  *format,
      ...)
{
  g_autofree char *reason = NULL;
  g_autofree char *message = NULL;
  g_autofree char *line = NULL;
  va_list args;

  va_start (args, format);
  reason = g_strdup_vprintf (format, args);
  va_end (args);

  /* The field path leads, so a script or a person sees at once what to fix;
   * one line, though a quoted value or member name holds a line break. */
  message = g_strdup_printf ("%s: %s", path, reason);
  line = ivd_json_dup_one_line (message);
  g_set_error_literal (error, IVD_ERROR, IVD_ERROR_INVALID, line);
  return FALSE;
}

static gboolean
check_enum (JsonNode    *node,
            const Field *field,
            GError     **error)
{
  g_autofree char *expected = NULL;
  const char *value = json_node_get_string (node);

  if (g_strv_contains (field->values, value))
    return TRUE;

  expected = g_strjoinv (", ", (char **) field->values);
  return fail (error, field->path, _("unknown value “%s”; expected one of: %s"), value, expected);
}

static gboolean
check_times (JsonNode    *node,
             const Field *field,
             GError     **error)
{
  JsonArray *array;
  guint n;
  g_autoptr(GHashTable) seen = g_hash_table_new (NULL, NULL);

  if (!JSON_NODE_HOLDS_ARRAY (node))
    return fail (error, field->path, _("must be a list of times such as [\"08:00\", \"20:00\"]"));

  array = json_node_get_array (node);
  n = json_array_get_length (array);
  if (n > 24)
    return fail (error, field->path, _("at most 24 times a day"));

  for (guint i = 0; i < n; i++)
    {
      JsonNode *element = json_array_get_element (array, i);
      int minutes;

      if (!ivd_json_is_string (element) ||
          !ivd_schedule_parse_time (json_node_get_string (element), &minutes))
        return fail (error, field->path, _("item %u is not a time written HH:MM (00:00 to 23:59)"), i + 1);

      if (g_hash_table_contains (seen, GINT_TO_POINTER (minutes + 1)))
        return fail (error, field->path, _("%s is listed twice"), json_node_get_string (element));
      g_hash_table_add (seen, GINT_TO_POINTER (minutes + 1));
    }

  return TRUE;
}

static gboolean
check_call (JsonNode    *node,
            const Field *field,
            guint        index,
            GError     **error)
{
  JsonObject *call;
  const char *answer;
  g_autoptr(GDateTime) time = NULL;

  if (!JSON_NODE_HOLDS_OBJECT (node))
    return fail (error, field->path, _("item %u must be an object"), index + 1);

  call = json_node_get_object (node);
  for (const char * const *m = (const char * const[]) { "time", "person", "answer", "reason", NULL }; *m; m++)
    if (json_object_has_member (call, *m) && !ivd_json_is_string (json_object_get_member (call, *m)))
      return fail (error, field->path, _("item %u: “%s” must be text"), index + 1, *m);

  answer = ivd_json_get_string (call, "answer");
  if (answer != NULL && !g_strv_contains (answers, answer))
    return fail (error, field->path, _("item %u: unknown answer “%s”; expected one of: accepted, declined, call_back"),
                 index + 1, answer);

  if (ivd_json_get_string (call, "time") != NULL &&
      (time = g_date_time_new_from_iso8601 (ivd_json_get_string (call, "time"), NULL)) == NULL)
    return fail (error, field->path, _("item %u: the time must be ISO 8601 with a time zone"), index + 1);

  return TRUE;
}

static gboolean
check_calls (JsonNode    *node,
             const Field *field,
             GError     **error)
{
  JsonArray *array;

  if (!JSON_NODE_HOLDS_ARRAY (node))
    return fail (error, field->path, _("must be a list of calls"));

  array = json_node_get_array (node);
  for (guint i = 0; i < json_array_get_length (array); i++)
    if (!check_call (json_array_get_element (array, i), field, i, error))
      return FALSE;

  return TRUE;
}

/* The one reader of the plan's YYYY-MM-DD dates; @date may be NULL. */
static gboolean
parse_date (const char *text,
            GDate      *date)
{
  int y, m, d;
  char end;

  if (text == NULL || strlen (text) != 10 || sscanf (text, "%4d-%2d-%2d%c", &y, &m, &d, &end) != 3 ||
      text[4] != '-' || text[7] != '-' || y < 1900 || y > 2999 ||
      m < 1 || m > 12 || d < 1 || !g_date_valid_dmy (d, m, y))
    return FALSE;

  if (date != NULL)
    g_date_set_dmy (date, d, m, y);
  return TRUE;
}

static gboolean
check_date (JsonNode    *node,
            const Field *field,
            GError     **error)
{
  if (!parse_date (json_node_get_string (node), NULL))
    return fail (error, field->path, _("must be a date written YYYY-MM-DD"));

  return TRUE;
}

/* SOR and EAN (GLN) codes: digits only, of the code's length; an EAN also
 * carries the GS1 check digit, so a mistyped digit is caught here. */
static gboolean
check_code (JsonNode    *node,
            const Field *field,
            GError     **error)
{
  const char *code = json_node_get_string (node);
  gsize length = strlen (code);

  for (gsize i = 0; i < length; i++)
    if (!g_ascii_isdigit (code[i]))
      return fail (error, field->path, _("must be digits only"));

  if ((gint64) length < field->min || (gint64) length > field->max)
    return field->min == field->max
           ? fail (error, field->path, _("must be %" PRId64 " digits"), field->min)
           : fail (error, field->path, _("must be %" PRId64 " to %" PRId64 " digits"), field->min, field->max);

  if (field->min == IVD_EAN_DIGITS && !ivd_codes_ean_is_valid (code))
    return fail (error, field->path, _("the check digit is wrong; compare the number with its source"));

  return TRUE;
}

static gboolean
check_field (JsonNode    *node,
             const Field *field,
             GError     **error)
{
  g_autoptr(GError) local_error = NULL;

  switch (field->kind)
    {
    case FIELD_BOOLEAN:
      if (!ivd_json_is_boolean (node))
        return fail (error, field->path, _("must be true or false"));
      return TRUE;

    case FIELD_INT:
      if (!ivd_json_is_integer (node))
        return fail (error, field->path, _("must be a whole number"));
      if (json_node_get_int (node) < field->min || json_node_get_int (node) > field->max)
        return fail (error, field->path, _("must be between %" PRId64 " and %" PRId64),
                     field->min, field->max);
      return TRUE;

    case FIELD_TIMES:
      return check_times (node, field, error);

    case FIELD_CALLS:
      return check_calls (node, field, error);

    case FIELD_STRING:
    case FIELD_ENUM:
    case FIELD_CPR:
    case FIELD_MUNICIPALITY:
    case FIELD_DATE:
    case FIELD_CODE:
    default:
      break;
    }

  if (!ivd_json_is_string (node))
    return fail (error, field->path, _("must be text"));

  switch (field->kind)
    {
    case FIELD_ENUM:
      return check_enum (node, field, error);
    case FIELD_DATE:
      return check_date (node, field, error);
    case FIELD_CPR:
      if (!ivd_cpr_parse (json_node_get_string (node), NULL, NULL, &local_error))
        return fail (error, field->path, "%s", local_error->message);
      return TRUE;
    case FIELD_CODE:
      return check_code (node, field, error);
    case FIELD_MUNICIPALITY:
      {
        const char *code = json_node_get_string (node);
        if (strlen (code) != 3 || !g_ascii_isdigit (code[0]) ||
            !g_ascii_isdigit (code[1]) || !g_ascii_isdigit (code[2]))
          return fail (error, field->path, _("must be a 3-digit municipality code such as “101”"));
        return TRUE;
      }
    default:
      return TRUE;
    }
}

static gboolean
check_checklist (JsonObject  *root,
                 GError     **error)
{
  JsonNode *node = json_object_get_member (root, "checklist");
  g_autoptr(GList) members = NULL;

  if (node == NULL)
    return TRUE;

  members = json_object_get_members (json_node_get_object (node));
  for (GList *l = members; l != NULL; l = l->next)
    {
      g_autofree char *path = g_strconcat ("checklist.", (const char *) l->data, NULL);

      if (!ivd_json_is_boolean (json_object_get_member (json_node_get_object (node), l->data)))
        return fail (error, path, _("must be true or false"));
    }

  return TRUE;
}

/* supplies.adjusted: {"<category>/<item>": quantity}, the doctor's
 * quantities in place of computed ones. */
static gboolean
check_adjusted_supplies (JsonObject  *root,
                         GError     **error)
{
  JsonNode *node = ivd_json_lookup (root, "supplies.adjusted");
  g_autoptr(GList) members = NULL;

  if (node == NULL)
    return TRUE;
  if (!JSON_NODE_HOLDS_OBJECT (node))
    return fail (error, "supplies.adjusted", _("must be an object of quantities by item"));

  members = json_object_get_members (json_node_get_object (node));
  for (GList *l = members; l != NULL; l = l->next)
    {
      JsonNode *quantity = json_object_get_member (json_node_get_object (node), l->data);

      if (!ivd_json_is_integer (quantity) ||
          json_node_get_int (quantity) < 0 || json_node_get_int (quantity) > IVD_PLAN_MAX_SUPPLY_QUANTITY)
        return fail (error, "supplies.adjusted", _("“%s” must be a whole number from 0 to %d"),
                     (const char *) l->data, IVD_PLAN_MAX_SUPPLY_QUANTITY);
    }

  return TRUE;
}

static gboolean
check_doses_match_times (IvdPlan  *self,
                         GError  **error)
{
  JsonNode *times = ivd_json_lookup (self->root, "treatment.administration_times");
  gint64 doses;

  if (times == NULL || !ivd_plan_lookup_int (self, "treatment.doses_per_day", &doses))
    return TRUE;

  if ((gint64) json_array_get_length (json_node_get_array (times)) != doses)
    return fail (error, "treatment.doses_per_day",
                 _("%" PRId64 " doses a day, but %u administration times are listed"),
                 doses, json_array_get_length (json_node_get_array (times)));

  return TRUE;
}

static gboolean
ivd_plan_validate (IvdPlan  *self,
                   GError  **error)
{
  const char *format = ivd_json_get_string (self->root, "format");

  if (!json_object_has_member (self->root, "format"))
    return fail (error, "format", _("missing; a plan file starts with \"format\": \"%s\""), IVD_PLAN_FORMAT);
  if (format == NULL || !g_str_equal (format, IVD_PLAN_FORMAT))
    return fail (error, "format", _("must be “%s”"), IVD_PLAN_FORMAT);

  for (guint i = 0; objects[i] != NULL; i++)
    {
      JsonNode *node = json_object_get_member (self->root, objects[i]);
      if (node != NULL && !JSON_NODE_HOLDS_OBJECT (node))
        return fail (error, objects[i], _("must be an object"));
    }

  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    {
      JsonNode *node = ivd_json_lookup (self->root, fields[i].path);
      if (node != NULL && !check_field (node, &fields[i], error))
        return FALSE;
    }

  return check_checklist (self->root, error) && check_adjusted_supplies (self->root, error) &&
         check_doses_match_times (self, error);
}

static JsonObject *
ensure_parent (IvdPlan     *self,
               const char  *path,
               const char **leaf)
{
  g_auto(GStrv) parts = g_strsplit (path, ".", -1);
  JsonObject *object = self->root;
  guint n = g_strv_length (parts);

  for (guint i = 0; i + 1 < n; i++)
    {
      JsonNode *node = json_object_get_member (object, parts[i]);

      if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node))
        json_object_set_object_member (object, parts[i], json_object_new ());
      object = json_object_get_object_member (object, parts[i]);
    }

  *leaf = strrchr (path, '.') ? strrchr (path, '.') + 1 : path;
  return object;
}

static void
set_node (IvdPlan    *self,
          const char *path,
          JsonNode   *node)
{
  JsonNode *old = ivd_json_lookup (self->root, path);
  const char *leaf;
  JsonObject *parent;

  if (old != NULL && json_node_equal (old, node))
    {
      json_node_unref (node);
      return;
    }

  parent = ensure_parent (self, path, &leaf);
  json_object_set_member (parent, leaf, node);
  g_signal_emit (self, signals[CHANGED], g_quark_from_string (path), path);
}

static void
ivd_plan_finalize (GObject *object)
{
  IvdPlan *self = (IvdPlan *) object;

  g_clear_pointer (&self->root, json_object_unref);

  G_OBJECT_CLASS (ivd_plan_parent_class)->finalize (object);
}

static void
ivd_plan_class_init (IvdPlanClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = ivd_plan_finalize;

  /**
   * IvdPlan::changed:
   * @path: the dotted path of the field that changed
   *
   * Emitted after a setter changed a field; detailed by the path.
   */
  signals[CHANGED] =
    g_signal_new ("changed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST | G_SIGNAL_DETAILED,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_STRING);
}

static void
ivd_plan_init (IvdPlan *self)
{
  self->root = json_object_new ();
  json_object_set_string_member (self->root, "format", IVD_PLAN_FORMAT);
}

IvdPlan *
ivd_plan_new (void)
{
  return g_object_new (IVD_TYPE_PLAN, NULL);
}

static IvdPlan *
plan_new_from_json (const char  *data,
                    gsize        length,
                    GError     **error)
{
  g_autoptr(JsonNode) node = NULL;
  g_autoptr(GError) local_error = NULL;
  IvdPlan *self;

  node = ivd_json_parse (data, length, IVD_PLAN_MAX_BYTES, &local_error);
  if (node == NULL)
    {
      /* A number out of range is named by its field, as a wrong value is. */
      if (g_error_matches (local_error, IVD_ERROR, IVD_ERROR_NUMBER))
        {
          g_autofree char *line = ivd_json_dup_one_line (local_error->message);
          g_set_error_literal (error, IVD_ERROR, IVD_ERROR_INVALID, line);
        }
      else
        fail (error, "(file)", "%s", local_error->message);
      return NULL;
    }

  if (!JSON_NODE_HOLDS_OBJECT (node))
    {
      fail (error, "(file)", _("a plan file is one JSON object { ... }"));
      return NULL;
    }

  self = ivd_plan_new ();
  g_clear_pointer (&self->root, json_object_unref);
  self->root = json_object_ref (json_node_get_object (node));
  return self;
}

/**
 * ivd_plan_new_from_data:
 *
 * Parses and validates a plan file. On failure the error message starts with
 * the path of the offending field ("treatment.form: ...").
 */
IvdPlan *
ivd_plan_new_from_data (const char  *data,
                        gsize        length,
                        GError     **error)
{
  g_autoptr(IvdPlan) self = plan_new_from_json (data, length, error);

  if (self == NULL || !ivd_plan_validate (self, error))
    return NULL;

  return g_steal_pointer (&self);
}

/**
 * ivd_plan_new_from_stored_data:
 *
 * Parses a plan the app saved itself, without the field checks: a draft
 * may hold what a doctor was half-way through typing, and that must load.
 */
IvdPlan *
ivd_plan_new_from_stored_data (const char  *data,
                               gsize        length,
                               GError     **error)
{
  return plan_new_from_json (data, length, error);
}

IvdPlan *
ivd_plan_new_from_file (const char  *path,
                        GError     **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autofree char *data = NULL;
  gsize length = 0;

  /* Read no further than the size limit: a huge file is never read whole. */
  if ((data = ivd_json_read_file (path, IVD_PLAN_MAX_BYTES, &length, &local_error)) == NULL)
    {
      g_set_error (error, IVD_ERROR, local_error->code, "(file): %s", local_error->message);
      return NULL;
    }

  return ivd_plan_new_from_data (data, length, error);
}

char *
ivd_plan_to_data (IvdPlan *self)
{
  g_autoptr(JsonNode) node = NULL;

  g_return_val_if_fail (IVD_IS_PLAN (self), NULL);

  node = json_node_init_object (json_node_alloc (), self->root);
  return ivd_json_to_string (node, TRUE);
}

JsonObject *
ivd_plan_get_root (IvdPlan *self)
{
  g_return_val_if_fail (IVD_IS_PLAN (self), NULL);
  return self->root;
}

gboolean
ivd_plan_has (IvdPlan    *self,
              const char *path)
{
  JsonNode *node = ivd_json_lookup (self->root, path);
  return node != NULL && !JSON_NODE_HOLDS_NULL (node);
}

const char *
ivd_plan_get_string (IvdPlan    *self,
                     const char *path)
{
  JsonNode *node = ivd_json_lookup (self->root, path);
  return ivd_json_is_string (node) ? json_node_get_string (node) : NULL;
}

gboolean
ivd_plan_lookup_boolean (IvdPlan    *self,
                         const char *path,
                         gboolean   *value)
{
  JsonNode *node = ivd_json_lookup (self->root, path);

  if (!ivd_json_is_boolean (node))
    return FALSE;
  if (value != NULL)
    *value = json_node_get_boolean (node);
  return TRUE;
}

gboolean
ivd_plan_lookup_int (IvdPlan    *self,
                     const char *path,
                     gint64     *value)
{
  JsonNode *node = ivd_json_lookup (self->root, path);

  if (!ivd_json_is_integer (node))
    return FALSE;
  if (value != NULL)
    *value = json_node_get_int (node);
  return TRUE;
}

/* A scalar as text, for rule conditions: strings as they are, booleans as
 * "true"/"false", integers in decimal; NULL when absent. */
char *
ivd_plan_dup_value_string (IvdPlan    *self,
                           const char *path)
{
  JsonNode *node = ivd_json_lookup (self->root, path);

  if (ivd_json_is_string (node))
    return g_strdup (json_node_get_string (node));
  if (ivd_json_is_boolean (node))
    return g_strdup (json_node_get_boolean (node) ? "true" : "false");
  if (ivd_json_is_integer (node))
    return g_strdup_printf ("%" G_GINT64_FORMAT, json_node_get_int (node));
  return NULL;
}

/* Administration times as minutes after midnight, in the order given;
 * NULL when the plan has none. */
GArray *
ivd_plan_dup_times (IvdPlan *self)
{
  JsonNode *node = ivd_json_lookup (self->root, "treatment.administration_times");
  GArray *times;
  JsonArray *array;

  if (node == NULL || !JSON_NODE_HOLDS_ARRAY (node))
    return NULL;

  array = json_node_get_array (node);
  times = g_array_sized_new (FALSE, FALSE, sizeof (int), json_array_get_length (array));
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonNode *element = json_array_get_element (array, i);
      int minutes;

      /* A stored draft is not checked on loading: skip what is not a time. */
      if (ivd_json_is_string (element) && ivd_schedule_parse_time (json_node_get_string (element), &minutes))
        g_array_append_val (times, minutes);
    }

  return times;
}

gboolean
ivd_plan_lookup_start_date (IvdPlan *self,
                            GDate   *date)
{
  return parse_date (ivd_plan_get_string (self, "treatment.start_date"), date);
}

void
ivd_plan_set_string (IvdPlan    *self,
                     const char *path,
                     const char *value)
{
  g_return_if_fail (IVD_IS_PLAN (self));

  if (value == NULL)
    ivd_plan_unset (self, path);
  else
    set_node (self, path, json_node_init_string (json_node_alloc (), value));
}

void
ivd_plan_set_boolean (IvdPlan    *self,
                      const char *path,
                      gboolean    value)
{
  g_return_if_fail (IVD_IS_PLAN (self));
  set_node (self, path, json_node_init_boolean (json_node_alloc (), value));
}

void
ivd_plan_set_int (IvdPlan    *self,
                  const char *path,
                  gint64      value)
{
  g_return_if_fail (IVD_IS_PLAN (self));
  set_node (self, path, json_node_init_int (json_node_alloc (), value));
}

void
ivd_plan_set_strv (IvdPlan            *self,
                   const char         *path,
                   const char * const *values)
{
  JsonArray *array = json_array_new ();

  g_return_if_fail (IVD_IS_PLAN (self));

  for (guint i = 0; values != NULL && values[i] != NULL; i++)
    json_array_add_string_element (array, values[i]);
  set_node (self, path, json_node_init_array (json_node_alloc (), array));
  json_array_unref (array);
}

void
ivd_plan_unset (IvdPlan    *self,
                const char *path)
{
  const char *dot = strrchr (path, '.');
  g_autofree char *parent_path = dot ? g_strndup (path, dot - path) : NULL;
  JsonObject *parent = self->root;

  g_return_if_fail (IVD_IS_PLAN (self));

  if (parent_path != NULL)
    {
      JsonNode *node = ivd_json_lookup (self->root, parent_path);
      parent = (node && JSON_NODE_HOLDS_OBJECT (node)) ? json_node_get_object (node) : NULL;
    }

  if (parent == NULL || !json_object_has_member (parent, dot ? dot + 1 : path))
    return;

  json_object_remove_member (parent, dot ? dot + 1 : path);
  g_signal_emit (self, signals[CHANGED], g_quark_from_string (path), path);
}

/* The keys of supplies.adjusted name items, which may hold dots ("stk.",
 * "9 mg/ml"): they are read and written here, not through dotted paths. */
gboolean
ivd_plan_lookup_adjusted_supply (IvdPlan    *self,
                                 const char *key,
                                 gint64     *quantity)
{
  JsonNode *node = ivd_json_lookup (self->root, "supplies.adjusted");
  JsonNode *member;

  g_return_val_if_fail (IVD_IS_PLAN (self), FALSE);
  g_return_val_if_fail (key != NULL, FALSE);

  if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node) ||
      !ivd_json_is_integer (member = json_object_get_member (json_node_get_object (node), key)) ||
      json_node_get_int (member) < 0)
    return FALSE;
  if (quantity != NULL)
    *quantity = json_node_get_int (member);
  return TRUE;
}

/**
 * ivd_plan_set_adjusted_supply:
 * @quantity: the doctor's quantity, or -1 to go back to the computed one
 *
 * Emits "changed" with the path "supplies.adjusted"; an empty object is
 * removed.
 */
void
ivd_plan_set_adjusted_supply (IvdPlan    *self,
                              const char *key,
                              gint64      quantity)
{
  JsonNode *node;
  JsonObject *copy;
  g_autoptr(GList) members = NULL;

  g_return_if_fail (IVD_IS_PLAN (self));
  g_return_if_fail (key != NULL);
  g_return_if_fail (quantity <= IVD_PLAN_MAX_SUPPLY_QUANTITY);

  /* A new object, so that the equality check in set_node() sees a change. */
  copy = json_object_new ();
  node = ivd_json_lookup (self->root, "supplies.adjusted");
  if (node != NULL && JSON_NODE_HOLDS_OBJECT (node))
    members = json_object_get_members (json_node_get_object (node));
  for (GList *l = members; l != NULL; l = l->next)
    if (!g_str_equal (l->data, key))
      json_object_set_member (copy, l->data, json_node_copy (json_object_get_member (json_node_get_object (node), l->data)));
  if (quantity >= 0)
    json_object_set_int_member (copy, key, quantity);

  if (json_object_get_size (copy) == 0)
    ivd_plan_unset (self, "supplies.adjusted");
  else
    set_node (self, "supplies.adjusted", json_node_init_object (json_node_alloc (), copy));
  json_object_unref (copy);
}

/* Returns: (transfer none) (nullable): contact.calls, oldest first. */
JsonArray *
ivd_plan_get_calls (IvdPlan *self)
{
  JsonNode *node;

  g_return_val_if_fail (IVD_IS_PLAN (self), NULL);

  node = ivd_json_lookup (self->root, "contact.calls");
  return node != NULL && JSON_NODE_HOLDS_ARRAY (node) ? json_node_get_array (node) : NULL;
}

static gboolean
check_new_call (const char  *person,
                const char  *answer,
                const char  *reason,
                GError     **error)
{
  if (answer == NULL || !g_strv_contains (answers, answer))
    return g_set_error (error, IVD_ERROR, IVD_ERROR_INVALID,
                        _("Choose the municipality’s answer.")), FALSE;
  /* The referral and the coordinator's queue name who answered. */
  if (person == NULL || *person == '\0')
    return g_set_error (error, IVD_ERROR, IVD_ERROR_INVALID,
                        _("Enter the person you spoke to.")), FALSE;
  /* A refusal keeps the course in hospital (EXCL-CAPACITY): its reason is
   * what the doctor and the coordinator act on. */
  if (g_str_equal (answer, "declined") && (reason == NULL || *reason == '\0'))
    return g_set_error (error, IVD_ERROR, IVD_ERROR_INVALID,
                        _("Enter the reason the municipality gave for declining.")), FALSE;
  return TRUE;
}

/**
 * ivd_plan_append_call:
 * @time: when the call was made; written as ISO 8601 with its offset
 * @person: whom the doctor spoke to
 * @answer: "accepted", "declined" or "call_back"
 * @reason: (nullable): why; required when declined
 *
 * Adds a call to contact.calls (the newest last, as the rules read it) and
 * emits "changed" for "contact.calls". Refuses, changing nothing, a call
 * without an answer or a person, or a refusal without its reason.
 */
gboolean
ivd_plan_append_call (IvdPlan     *self,
                      GDateTime   *time,
                      const char  *person,
                      const char  *answer,
                      const char  *reason,
                      GError     **error)
{
  g_autofree char *stamp = NULL;
  g_autofree char *who = NULL;
  g_autofree char *why = NULL;
  JsonArray *calls;
  JsonObject *call;

  g_return_val_if_fail (IVD_IS_PLAN (self), FALSE);
  g_return_val_if_fail (time != NULL, FALSE);

  who = person ? g_strstrip (g_strdup (person)) : NULL;
  why = reason ? g_strstrip (g_strdup (reason)) : NULL;
  if (!check_new_call (who, answer, why, error))
    return FALSE;

  if (ivd_json_lookup (self->root, "contact.calls") != NULL && ivd_plan_get_calls (self) == NULL)
    return fail (error, "contact.calls", _("must be a list of calls"));

  if ((calls = ivd_plan_get_calls (self)) == NULL)
    {
      const char *leaf;
      JsonObject *contact = ensure_parent (self, "contact.calls", &leaf);

      json_object_set_array_member (contact, leaf, json_array_new ());
      calls = ivd_plan_get_calls (self);
    }

  stamp = g_date_time_format_iso8601 (time);
  call = json_object_new ();
  json_object_set_string_member (call, "time", stamp);
  json_object_set_string_member (call, "person", who);
  json_object_set_string_member (call, "answer", answer);
  if (why != NULL && *why != '\0')
    json_object_set_string_member (call, "reason", why);
  json_array_add_object_element (calls, call);

  g_signal_emit (self, signals[CHANGED], g_quark_from_string ("contact.calls"), "contact.calls");
  return TRUE;
}

/**
 * ivd_plan_matches:
 * @when: (nullable): {"path": ["value", ...], ...} as written in data files
 *
 * Whether every listed field holds one of its listed values. A field the
 * plan does not have never matches: a condition is not guessed.
 */
gboolean
ivd_plan_matches (IvdPlan    *self,
                  JsonObject *when)
{
  g_autoptr(GList) members = NULL;

  g_return_val_if_fail (IVD_IS_PLAN (self), FALSE);

  if (when == NULL)
    return TRUE;

  members = json_object_get_members (when);
  for (GList *l = members; l != NULL; l = l->next)
    {
      JsonNode *allowed = json_object_get_member (when, l->data);
      g_autofree char *value = ivd_plan_dup_value_string (self, l->data);
      gboolean found = FALSE;

      if (value == NULL || !JSON_NODE_HOLDS_ARRAY (allowed))
        return FALSE;

      for (guint i = 0; i < json_array_get_length (json_node_get_array (allowed)) && !found; i++)
        found = g_strcmp0 (json_array_get_string_element (json_node_get_array (allowed), i), value) == 0;

      if (!found)
        return FALSE;
    }

  return TRUE;
}

/**
 * ivd_plan_assign:
 * @source: the plan whose document @self takes
 *
 * Makes @self hold a copy of @source's document (a conflict resolved by
 * keeping one's own edits on top of the newest stored record). Emits
 * "changed" once, with the path "".
 */
void
ivd_plan_assign (IvdPlan *self,
                 IvdPlan *source)
{
  g_autofree char *data = NULL;
  g_autoptr(JsonNode) copy = NULL;

  g_return_if_fail (IVD_IS_PLAN (self));
  g_return_if_fail (IVD_IS_PLAN (source));

  if (self == source)
    return;

  /* A deep copy: json_node_copy() would share the members. */
  data = ivd_plan_to_data (source);
  copy = json_from_string (data, NULL);
  g_return_if_fail (copy != NULL && JSON_NODE_HOLDS_OBJECT (copy));

  json_object_unref (self->root);
  self->root = json_object_ref (json_node_get_object (copy));
  g_signal_emit (self, signals[CHANGED], 0, "");
}
