#define G_LOG_DOMAIN "ivd-directory-entry"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "ivd-codes.h"
#include "ivd-directory-entry.h"
#include "ivd-error.h"
#include "ivd-json.h"

/* One municipality's contact details as a coordinator filled them in:
 * nothing here is shipped or guessed, and an empty field stays empty. */

enum {
  PROP_0,
  PROP_CODE,
  PROP_SOR,
  PROP_EAN,
  PROP_VISITATION_PHONE,
  PROP_VISITATION_HOURS,
  PROP_ACUTE_TEAM_PHONE,
  PROP_CLINIC_ADDRESS,
  PROP_CLINIC_HOURS,
  PROP_DEPOT_ADDRESS,
  PROP_NOTES,
  N_STRING_PROPS,
  PROP_IV_IN_CLINIC = N_STRING_PROPS,
  PROP_IV_IN_CLINIC_KNOWN,
  PROP_EXPECTED_COURSES_PER_YEAR,
  N_PROPS
};

struct _IvdDirectoryEntry
{
  GObject   parent_instance;
  char     *strings[N_STRING_PROPS];
  gboolean  iv_in_clinic;
  /* "No" and "not filled in" differ: only an answer given is written. */
  gboolean  iv_in_clinic_known;
  /* The volume the region and municipality expect (domain §11-12); 0 is
   * not filled in. */
  guint     expected_courses_per_year;
};

G_DEFINE_FINAL_TYPE (IvdDirectoryEntry, ivd_directory_entry, G_TYPE_OBJECT)

static GParamSpec *properties[N_PROPS];

/* The file's member names, which are also the property names with "_". */
static const char * const members[N_STRING_PROPS] = {
  [PROP_CODE] = "code",
  [PROP_SOR] = "sor",
  [PROP_EAN] = "ean",
  [PROP_VISITATION_PHONE] = "visitation_phone",
  [PROP_VISITATION_HOURS] = "visitation_hours",
  [PROP_ACUTE_TEAM_PHONE] = "acute_team_phone",
  [PROP_CLINIC_ADDRESS] = "clinic_address",
  [PROP_CLINIC_HOURS] = "clinic_hours",
  [PROP_DEPOT_ADDRESS] = "depot_address",
  [PROP_NOTES] = "notes",
};

static void
set_string (IvdDirectoryEntry *self,
            guint              prop_id,
            const char        *value)
{
  /* An empty field is an unfilled one. */
  if (value != NULL && *value == '\0')
    value = NULL;

  if (g_strcmp0 (self->strings[prop_id], value) == 0)
    return;

  g_free (self->strings[prop_id]);
  self->strings[prop_id] = g_strdup (value);
  g_object_notify_by_pspec (G_OBJECT (self), properties[prop_id]);
}

static void
set_iv_in_clinic (IvdDirectoryEntry *self,
                  gboolean           known,
                  gboolean           value)
{
  gboolean was_known = self->iv_in_clinic_known;

  value = known && value;
  if (self->iv_in_clinic_known == known && self->iv_in_clinic == value)
    return;

  g_object_freeze_notify (G_OBJECT (self));
  self->iv_in_clinic_known = known;
  if (self->iv_in_clinic != value)
    {
      self->iv_in_clinic = value;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_IV_IN_CLINIC]);
    }
  if (was_known != known)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_IV_IN_CLINIC_KNOWN]);
  g_object_thaw_notify (G_OBJECT (self));
}

static void
set_expected_courses (IvdDirectoryEntry *self,
                      guint              value)
{
  if (self->expected_courses_per_year == value)
    return;

  self->expected_courses_per_year = value;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_EXPECTED_COURSES_PER_YEAR]);
}

/* A whole number from 0 (not filled in) to IVD_DIRECTORY_MAX_COURSES. */
static gboolean
read_expected_courses (IvdDirectoryEntry  *self,
                       JsonObject         *object,
                       GError            **error)
{
  JsonNode *node = json_object_get_member (object, "expected_courses_per_year");
  gint64 value;

  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return TRUE;

  value = ivd_json_is_integer (node) ? json_node_get_int (node) : -1;
  if (value < 0 || value > IVD_DIRECTORY_MAX_COURSES)
    return g_set_error (error, IVD_ERROR, IVD_ERROR_INVALID,
                        _("municipality %s: expected_courses_per_year must be a whole number from 0 to %u"),
                        self->strings[PROP_CODE], (guint) IVD_DIRECTORY_MAX_COURSES), FALSE;

  self->expected_courses_per_year = (guint) value;
  return TRUE;
}

static gboolean
check_codes (IvdDirectoryEntry  *self,
             GError            **error)
{
  const char *sor = self->strings[PROP_SOR];
  const char *ean = self->strings[PROP_EAN];

  if (sor != NULL && !ivd_codes_sor_is_valid (sor))
    return g_set_error (error, IVD_ERROR, IVD_ERROR_INVALID,
                        _("municipality %s: sor: “%s” is not a SOR code (%d to %d digits)"),
                        self->strings[PROP_CODE], sor, IVD_SOR_MIN_DIGITS, IVD_SOR_MAX_DIGITS), FALSE;

  if (ean != NULL && !ivd_codes_ean_is_valid (ean))
    return g_set_error (error, IVD_ERROR, IVD_ERROR_INVALID,
                        _("municipality %s: ean: “%s” is not an EAN location number (13 digits with a valid check digit)"),
                        self->strings[PROP_CODE], ean), FALSE;

  return TRUE;
}

static void
ivd_directory_entry_finalize (GObject *object)
{
  IvdDirectoryEntry *self = (IvdDirectoryEntry *) object;

  for (guint i = 0; i < N_STRING_PROPS; i++)
    g_clear_pointer (&self->strings[i], g_free);

  G_OBJECT_CLASS (ivd_directory_entry_parent_class)->finalize (object);
}

static void
ivd_directory_entry_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  IvdDirectoryEntry *self = IVD_DIRECTORY_ENTRY (object);

  if (prop_id == PROP_IV_IN_CLINIC)
    g_value_set_boolean (value, self->iv_in_clinic);
  else if (prop_id == PROP_IV_IN_CLINIC_KNOWN)
    g_value_set_boolean (value, self->iv_in_clinic_known);
  else if (prop_id == PROP_EXPECTED_COURSES_PER_YEAR)
    g_value_set_uint (value, self->expected_courses_per_year);
  else if (prop_id > PROP_0 && prop_id < N_STRING_PROPS)
    g_value_set_string (value, self->strings[prop_id]);
  else
    G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
}

static void
ivd_directory_entry_set_property (GObject      *object,
                                  guint         prop_id,
                                  const GValue *value,
                                  GParamSpec   *pspec)
{
  IvdDirectoryEntry *self = IVD_DIRECTORY_ENTRY (object);

  if (prop_id == PROP_IV_IN_CLINIC)
    set_iv_in_clinic (self, TRUE, g_value_get_boolean (value));
  else if (prop_id == PROP_IV_IN_CLINIC_KNOWN)
    set_iv_in_clinic (self, g_value_get_boolean (value), self->iv_in_clinic);
  else if (prop_id == PROP_EXPECTED_COURSES_PER_YEAR)
    set_expected_courses (self, g_value_get_uint (value));
  else if (prop_id > PROP_0 && prop_id < N_STRING_PROPS)
    set_string (self, prop_id, g_value_get_string (value));
  else
    G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
}

static void
ivd_directory_entry_class_init (IvdDirectoryEntryClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = ivd_directory_entry_finalize;
  object_class->get_property = ivd_directory_entry_get_property;
  object_class->set_property = ivd_directory_entry_set_property;

  properties[PROP_CODE] =
    g_param_spec_string ("code", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  for (guint i = PROP_SOR; i < N_STRING_PROPS; i++)
    {
      g_autofree char *name = g_strdelimit (g_strdup (members[i]), "_", '-');

      properties[i] = g_param_spec_string (g_intern_string (name), NULL, NULL, NULL,
                                           G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY |
                                           G_PARAM_STATIC_STRINGS);
    }

  properties[PROP_IV_IN_CLINIC] =
    g_param_spec_boolean ("iv-in-clinic", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /* Whether iv-in-clinic was answered; setting it FALSE clears the answer. */
  properties[PROP_IV_IN_CLINIC_KNOWN] =
    g_param_spec_boolean ("iv-in-clinic-known", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /* Courses a year the municipality is expected to take, for monitoring
   * the agreed volume; 0 is not filled in. */
  properties[PROP_EXPECTED_COURSES_PER_YEAR] =
    g_param_spec_uint ("expected-courses-per-year", NULL, NULL, 0, IVD_DIRECTORY_MAX_COURSES, 0,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
ivd_directory_entry_init (IvdDirectoryEntry *self)
{
}

IvdDirectoryEntry *
ivd_directory_entry_new (const char *code)
{
  g_return_val_if_fail (code != NULL, NULL);

  return g_object_new (IVD_TYPE_DIRECTORY_ENTRY, "code", code, NULL);
}

/* Reads one entry of a directory file; a member of the wrong type or a
 * malformed SOR or EAN code is an error naming the municipality. */
IvdDirectoryEntry *
ivd_directory_entry_new_from_json (JsonObject  *object,
                                   GError     **error)
{
  g_autoptr(IvdDirectoryEntry) self = NULL;
  const char *code = ivd_json_get_string (object, "code");
  JsonNode *clinic;

  if (code == NULL)
    return g_set_error (error, IVD_ERROR, IVD_ERROR_INVALID,
                        _("every municipality needs its 3-digit “code”")), NULL;

  self = ivd_directory_entry_new (code);
  for (guint i = PROP_SOR; i < N_STRING_PROPS; i++)
    {
      JsonNode *node = json_object_get_member (object, members[i]);

      if (node != NULL && !JSON_NODE_HOLDS_NULL (node) && !ivd_json_is_string (node))
        return g_set_error (error, IVD_ERROR, IVD_ERROR_INVALID,
                            _("municipality %s: %s must be text"), code, members[i]), NULL;
      if (node != NULL && ivd_json_is_string (node))
        set_string (self, i, json_node_get_string (node));
    }

  clinic = json_object_get_member (object, "iv_in_clinic");
  if (clinic != NULL && !ivd_json_is_boolean (clinic))
    return g_set_error (error, IVD_ERROR, IVD_ERROR_INVALID,
                        _("municipality %s: iv_in_clinic must be true or false"), code), NULL;
  self->iv_in_clinic_known = clinic != NULL;
  self->iv_in_clinic = clinic != NULL && json_node_get_boolean (clinic);

  if (!read_expected_courses (self, object, error) || !check_codes (self, error))
    return NULL;
  return g_steal_pointer (&self);
}

/* The entry as a member of a directory file: filled-in fields only. */
JsonNode *
ivd_directory_entry_to_json (IvdDirectoryEntry *self)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  g_return_val_if_fail (IVD_IS_DIRECTORY_ENTRY (self), NULL);

  json_builder_begin_object (builder);
  for (guint i = PROP_CODE; i < N_STRING_PROPS; i++)
    if (self->strings[i] != NULL)
      {
        json_builder_set_member_name (builder, members[i]);
        json_builder_add_string_value (builder, self->strings[i]);
      }
  if (self->iv_in_clinic_known)
    {
      json_builder_set_member_name (builder, "iv_in_clinic");
      json_builder_add_boolean_value (builder, self->iv_in_clinic);
    }
  if (self->expected_courses_per_year > 0)
    {
      json_builder_set_member_name (builder, "expected_courses_per_year");
      json_builder_add_int_value (builder, self->expected_courses_per_year);
    }
  json_builder_end_object (builder);

  return json_builder_get_root (builder);
}

const char *
ivd_directory_entry_get_code (IvdDirectoryEntry *self)
{
  g_return_val_if_fail (IVD_IS_DIRECTORY_ENTRY (self), NULL);
  return self->strings[PROP_CODE];
}

const char *
ivd_directory_entry_get_sor (IvdDirectoryEntry *self)
{
  g_return_val_if_fail (IVD_IS_DIRECTORY_ENTRY (self), NULL);
  return self->strings[PROP_SOR];
}

const char *
ivd_directory_entry_get_ean (IvdDirectoryEntry *self)
{
  g_return_val_if_fail (IVD_IS_DIRECTORY_ENTRY (self), NULL);
  return self->strings[PROP_EAN];
}

const char *
ivd_directory_entry_get_visitation_phone (IvdDirectoryEntry *self)
{
  g_return_val_if_fail (IVD_IS_DIRECTORY_ENTRY (self), NULL);
  return self->strings[PROP_VISITATION_PHONE];
}

const char *
ivd_directory_entry_get_visitation_hours (IvdDirectoryEntry *self)
{
  g_return_val_if_fail (IVD_IS_DIRECTORY_ENTRY (self), NULL);
  return self->strings[PROP_VISITATION_HOURS];
}

const char *
ivd_directory_entry_get_acute_team_phone (IvdDirectoryEntry *self)
{
  g_return_val_if_fail (IVD_IS_DIRECTORY_ENTRY (self), NULL);
  return self->strings[PROP_ACUTE_TEAM_PHONE];
}

gboolean
ivd_directory_entry_get_iv_in_clinic (IvdDirectoryEntry *self)
{
  g_return_val_if_fail (IVD_IS_DIRECTORY_ENTRY (self), FALSE);
  return self->iv_in_clinic;
}

/* Whether the coordinator answered iv_in_clinic at all. */
gboolean
ivd_directory_entry_get_iv_in_clinic_known (IvdDirectoryEntry *self)
{
  g_return_val_if_fail (IVD_IS_DIRECTORY_ENTRY (self), FALSE);
  return self->iv_in_clinic_known;
}

const char *
ivd_directory_entry_get_clinic_address (IvdDirectoryEntry *self)
{
  g_return_val_if_fail (IVD_IS_DIRECTORY_ENTRY (self), NULL);
  return self->strings[PROP_CLINIC_ADDRESS];
}

const char *
ivd_directory_entry_get_clinic_hours (IvdDirectoryEntry *self)
{
  g_return_val_if_fail (IVD_IS_DIRECTORY_ENTRY (self), NULL);
  return self->strings[PROP_CLINIC_HOURS];
}

const char *
ivd_directory_entry_get_depot_address (IvdDirectoryEntry *self)
{
  g_return_val_if_fail (IVD_IS_DIRECTORY_ENTRY (self), NULL);
  return self->strings[PROP_DEPOT_ADDRESS];
}

const char *
ivd_directory_entry_get_notes (IvdDirectoryEntry *self)
{
  g_return_val_if_fail (IVD_IS_DIRECTORY_ENTRY (self), NULL);
  return self->strings[PROP_NOTES];
}

/* 0 when not filled in. */
guint
ivd_directory_entry_get_expected_courses_per_year (IvdDirectoryEntry *self)
{
  g_return_val_if_fail (IVD_IS_DIRECTORY_ENTRY (self), 0);
  return self->expected_courses_per_year;
}

/**
 * ivd_directory_entry_assign:
 * @from: an entry of the same municipality
 *
 * Gives @self every field of @from, filled in or not, notifying only the
 * fields that change: an editor showing @self follows.
 */
void
ivd_directory_entry_assign (IvdDirectoryEntry *self,
                            IvdDirectoryEntry *from)
{
  g_return_if_fail (IVD_IS_DIRECTORY_ENTRY (self));
  g_return_if_fail (IVD_IS_DIRECTORY_ENTRY (from));
  g_return_if_fail (g_str_equal (self->strings[PROP_CODE], from->strings[PROP_CODE]));

  g_object_freeze_notify (G_OBJECT (self));
  for (guint i = PROP_SOR; i < N_STRING_PROPS; i++)
    set_string (self, i, from->strings[i]);
  set_iv_in_clinic (self, from->iv_in_clinic_known, from->iv_in_clinic);
  set_expected_courses (self, from->expected_courses_per_year);
  g_object_thaw_notify (G_OBJECT (self));
}

/* Whether no field is filled in. */
gboolean
ivd_directory_entry_is_empty (IvdDirectoryEntry *self)
{
  g_return_val_if_fail (IVD_IS_DIRECTORY_ENTRY (self), TRUE);

  for (guint i = PROP_SOR; i < N_STRING_PROPS; i++)
    if (self->strings[i] != NULL)
      return FALSE;
  return !self->iv_in_clinic_known && self->expected_courses_per_year == 0;
}
