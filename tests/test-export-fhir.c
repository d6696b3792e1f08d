#include <sys/stat.h>

#include <gio/gio.h>
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>

#include "ivd-test-process.h"

/* The FHIR export as MedCom CareCommunication v5.0. A checker holds the
 * message's invariants as code (from the profiles; the examples MedCom
 * published must pass it); it runs on those examples, on the bundle the
 * binary writes, and on broken copies of that bundle, which it must
 * reject by the right rule. Then the export's refusals: a missing code
 * stops the FHIR message and leaves no file, and PDF and text still work.
 * The checker spells every URL and system itself rather than sharing the
 * writer's: a typo in one shows up against the other. */

#define PROFILE_CC       "http://medcomfhir.dk/ig/carecommunication/StructureDefinition/"
#define PROFILE_CORE     "http://medcomfhir.dk/ig/core/StructureDefinition/"
#define PROFILE_MSG      "http://medcomfhir.dk/ig/messaging/StructureDefinition/"
#define TERMINOLOGY      "http://medcomfhir.dk/ig/terminology/CodeSystem/"
#define SYSTEM_SOR       "urn:oid:1.2.208.176.1.1"
#define SYSTEM_CPR       "urn:oid:1.2.208.176.1.2"
/* Replacement CPR numbers (E-CPR) have systems of their own under this OID. */
#define SYSTEM_ECPR      "urn:oid:1.2.208.176.1.6.1."
#define SYSTEM_EAN       "https://www.gs1.org/gln"
#define SOR_ENDPOINT     "https://sor2.sum.dsdn.dk/#id="
#define XHTML_DIV        "<div xmlns=\"http://www.w3.org/1999/xhtml\">"
#define DEFINITION_5_0   "MedComCareCommunicationMessageDefinition|5.0"
#define EXT_DESTINATION  PROFILE_MSG "medcom-messaging-destinationUseExtension"
#define EXT_DATETIME     PROFILE_CORE "medcom-core-datetime-extension"
#define EXT_IDENTIFIER   PROFILE_CORE "medcom-core-identifier-extension"
#define EXT_PRACTITIONER PROFILE_CORE "medcom-core-practitioner-extension"
#define EXT_CONTACT      PROFILE_CORE "medcom-core-contact-extension"

/* ------------------------------------------------------------------ */
/* Reading JSON that may be anything: a missing member or one of another
 * type is NULL, never a warning (the tests run with fatal warnings). */

/* The node at @path: members and array indexes joined by dots
 * ("destination.0.endpoint"). */
static JsonNode *
lookup (JsonObject *object,
        const char *path)
{
  g_auto(GStrv) steps = NULL;
  JsonNode *node = NULL;

  if (object == NULL)
    return NULL;

  steps = g_strsplit (path, ".", -1);
  for (guint i = 0; steps[i] != NULL; i++)
    {
      if (node != NULL && JSON_NODE_HOLDS_ARRAY (node))
        {
          JsonArray *array = json_node_get_array (node);
          guint64 index;

          if (!g_ascii_string_to_unsigned (steps[i], 10, 0, G_MAXUINT, &index, NULL) ||
              index >= json_array_get_length (array))
            return NULL;
          node = json_array_get_element (array, (guint) index);
          continue;
        }
      if (node != NULL)
        {
          if (!JSON_NODE_HOLDS_OBJECT (node))
            return NULL;
          object = json_node_get_object (node);
        }
      if (!json_object_has_member (object, steps[i]))
        return NULL;
      node = json_object_get_member (object, steps[i]);
    }

  return node;
}

static const char *
lookup_string (JsonObject *object,
               const char *path)
{
  JsonNode *node = lookup (object, path);

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
    return NULL;
  return json_node_get_string (node);
}

static JsonObject *
lookup_object (JsonObject *object,
               const char *path)
{
  JsonNode *node = lookup (object, path);

  return node != NULL && JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
}

static JsonArray *
lookup_array (JsonObject *object,
              const char *path)
{
  JsonNode *node = lookup (object, path);

  return node != NULL && JSON_NODE_HOLDS_ARRAY (node) ? json_node_get_array (node) : NULL;
}

static guint
lookup_length (JsonObject *object,
               const char *path)
{
  JsonArray *array = lookup_array (object, path);

  return array != NULL ? json_array_get_length (array) : 0;
}

static JsonObject *
array_object (JsonArray *array,
              guint      i)
{
  JsonNode *node = json_array_get_element (array, i);

  return JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
}

/* ------------------------------------------------------------------ */
/* Value checks. */

static gboolean
has_text (const char *text)
{
  return text != NULL && *text != '\0';
}

static const char *
or_none (const char *text)
{
  return text != NULL ? text : "(none)";
}

static gboolean
ends_with (const char *text,
           const char *suffix)
{
  return text != NULL && g_str_has_suffix (text, suffix);
}

/* @text is @min_length to @max_length characters, each passing @accept. */
static gboolean
is_made_of (const char *text,
            gsize       min_length,
            gsize       max_length,
            gboolean  (*accept) (gchar c))
{
  gsize length = text != NULL ? strlen (text) : 0;

  if (length < min_length || length > max_length)
    return FALSE;
  for (gsize i = 0; i < length; i++)
    if (!accept (text[i]))
      return FALSE;
  return TRUE;
}

static gboolean
accept_digit (gchar c)
{
  return g_ascii_isdigit (c);
}

static gboolean
accept_alnum (gchar c)
{
  return g_ascii_isalnum (c);
}

static gboolean
is_digits (const char *text,
           gsize       min_length,
           gsize       max_length)
{
  return is_made_of (text, min_length, max_length, accept_digit);
}

static gboolean
is_alnum (const char *text,
          gsize       min_length,
          gsize       max_length)
{
  return is_made_of (text, min_length, max_length, accept_alnum);
}

/* A GS1 location number: 13 digits, the last a check digit over the
 * other twelve weighted 1, 3, 1, 3, ... from the left. */
static gboolean
is_gln (const char *text)
{
  guint sum = 0;

  if (!is_digits (text, 13, 13))
    return FALSE;
  for (guint i = 0; i < 12; i++)
    sum += (guint) (text[i] - '0') * (i % 2 == 0 ? 1 : 3);
  return (10 - sum % 10) % 10 == (guint) (text[12] - '0');
}

static gboolean
is_uuid_urn (const char *text)
{
  return text != NULL && g_str_has_prefix (text, "urn:uuid:") && g_uuid_string_is_valid (text + strlen ("urn:uuid:"));
}

/* With no default zone, a date-time without its own zone does not parse. */
static gboolean
is_datetime_with_zone (const char *text)
{
  g_autoptr(GDateTime) time = text != NULL ? g_date_time_new_from_iso8601 (text, NULL) : NULL;

  return time != NULL;
}

/* The SOR code in "https://sor2.sum.dsdn.dk/#id=<SOR>", or NULL. */
static const char *
sor_of_endpoint (const char *endpoint)
{
  if (endpoint == NULL || !g_str_has_prefix (endpoint, SOR_ENDPOINT))
    return NULL;
  endpoint += strlen (SOR_ENDPOINT);
  return is_digits (endpoint, 1, G_MAXSIZE) ? endpoint : NULL;
}

/* Profiles may carry "|version", so a prefix is a match (as the MedCom
 * invariants test with startsWith()). */
static gboolean
has_profile (JsonObject *resource,
             const char *profile)
{
  JsonArray *profiles = lookup_array (resource, "meta.profile");

  for (guint i = 0; profiles != NULL && i < json_array_get_length (profiles); i++)
    {
      JsonNode *node = json_array_get_element (profiles, i);
      const char *text = JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING
                         ? json_node_get_string (node) : NULL;

      if (has_text (text) && g_str_has_prefix (text, profile))
        return TRUE;
    }
  return FALSE;
}

static const char *
identifier_value (JsonObject *resource,
                  const char *system)
{
  JsonArray *identifiers = lookup_array (resource, "identifier");

  for (guint i = 0; identifiers != NULL && i < json_array_get_length (identifiers); i++)
    {
      JsonObject *identifier = array_object (identifiers, i);

      if (g_strcmp0 (lookup_string (identifier, "system"), system) == 0)
        return lookup_string (identifier, "value");
    }
  return NULL;
}

/* The first extension of @element with @url, and how many there are. */
static JsonObject *
find_extension (JsonObject *element,
                const char *url,
                guint      *count)
{
  JsonArray *extensions = lookup_array (element, "extension");
  JsonObject *found = NULL;

  *count = 0;
  for (guint i = 0; extensions != NULL && i < json_array_get_length (extensions); i++)
    {
      JsonObject *extension = array_object (extensions, i);

      if (g_strcmp0 (lookup_string (extension, "url"), url) == 0 && (*count)++ == 0)
        found = extension;
    }
  return found;
}

/* The resource of @type (with @id, or the first when @id is NULL). */
static JsonObject *
find_resource (JsonObject *bundle,
               const char *type,
               const char *id)
{
  JsonArray *entries = lookup_array (bundle, "entry");

  for (guint i = 0; entries != NULL && i < json_array_get_length (entries); i++)
    {
      JsonObject *resource = lookup_object (array_object (entries, i), "resource");

      if (g_strcmp0 (lookup_string (resource, "resourceType"), type) == 0 &&
          (id == NULL || g_strcmp0 (lookup_string (resource, "id"), id) == 0))
        return resource;
    }
  return NULL;
}

/* ------------------------------------------------------------------ */
/* The checker. */

#define CHECK_ERROR (check_error_quark ())

static GQuark
check_error_quark (void)
{
  return g_quark_from_static_string ("ivd-fhir-check-error-quark");
}

typedef enum
{
  CHECK_ANY_MESSAGE = 0,
  /* A new message: one Provenance, "new-message", and no earlier message
   * to point to, so that every reference resolves inside the bundle. */
  CHECK_NEW_MESSAGE = 1 << 0,
} CheckFlags;

typedef struct
{
  JsonObject *bundle;
  JsonArray  *entries;
  CheckFlags  flags;
  GHashTable *resources;    /* "Type/id" → the resource */
  JsonObject *header;
  JsonObject *patient;
  JsonObject *communication;
  GPtrArray  *payload_ids;  /* each payload's identifier, borrowed */
} Check;

static void
check_clear (Check *c)
{
  g_clear_pointer (&c->resources, g_hash_table_unref);
  g_clear_pointer (&c->payload_ids, g_ptr_array_unref);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Check, check_clear)

static gboolean fail (GError     **error,
                      const char  *format,
                      ...) G_GNUC_PRINTF (2, 3);

static gboolean
fail (GError     **error,
      const char  *format,
      ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);
  g_set_error_literal (error, CHECK_ERROR, 0, message);
  return FALSE;
}

static JsonObject *
entry_resource (Check *c,
                guint  i)
{
  return lookup_object (array_object (c->entries, i), "resource");
}

static GPtrArray *
resources_of_type (Check      *c,
                   const char *type)
{
  GPtrArray *found = g_ptr_array_new ();

  for (guint i = 0; i < json_array_get_length (c->entries); i++)
    if (g_strcmp0 (lookup_string (entry_resource (c, i), "resourceType"), type) == 0)
      g_ptr_array_add (found, entry_resource (c, i));
  return found;
}

/* The resource of @type that the reference at @path points to, or NULL. */
static JsonObject *
resolve (Check      *c,
         JsonObject *owner,
         const char *path,
         const char *type)
{
  const char *reference = lookup_string (owner, path);
  gsize length = strlen (type);

  if (reference == NULL || strncmp (reference, type, length) != 0 || reference[length] != '/')
    return NULL;
  return g_hash_table_lookup (c->resources, reference);
}

typedef struct
{
  const char *path;
  const char *value;
} Expected;

static gboolean
check_values (JsonObject      *resource,
              const char      *what,
              const Expected  *expected,
              gsize            n_expected,
              GError         **error)
{
  for (gsize i = 0; i < n_expected; i++)
    if (g_strcmp0 (lookup_string (resource, expected[i].path), expected[i].value) != 0)
      return fail (error, "%s: %s is '%s', not '%s'", what, expected[i].path,
                   or_none (lookup_string (resource, expected[i].path)), expected[i].value);
  return TRUE;
}

typedef struct
{
  const char *path;
  const char *type;
} Link;

static gboolean
check_links (Check       *c,
             JsonObject  *resource,
             const char  *what,
             const Link  *links,
             gsize        n_links,
             GError     **error)
{
  for (gsize i = 0; i < n_links; i++)
    if (resolve (c, resource, links[i].path, links[i].type) == NULL)
      return fail (error, "%s: %s (%s) is not a %s in the bundle", what, links[i].path,
                   or_none (lookup_string (resource, links[i].path)), links[i].type);
  return TRUE;
}

static const Expected bundle_values[] = {
  { "resourceType", "Bundle" },
  { "type", "message" },
};

static gboolean
check_bundle (Check   *c,
              GError **error)
{
  const char *timestamp = lookup_string (c->bundle, "timestamp");

  if (!check_values (c->bundle, "Bundle", bundle_values, G_N_ELEMENTS (bundle_values), error))
    return FALSE;
  if (!is_datetime_with_zone (timestamp))
    return fail (error, "timestamp '%s' is not a date and time with a time zone", or_none (timestamp));
  if (!has_profile (c->bundle, PROFILE_CC "medcom-careCommunication-message"))
    return fail (error, "meta.profile does not name the CareCommunication message profile");
  c->entries = lookup_array (c->bundle, "entry");
  if (c->entries == NULL || json_array_get_length (c->entries) == 0)
    return fail (error, "the bundle has no entry");
  return TRUE;
}

/* Every entry a resource with a type and an id; fullUrls and ids unique;
 * the index that references are resolved with. */
static gboolean
check_entries (Check   *c,
               GError **error)
{
  g_autoptr(GHashTable) full_urls = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GHashTable) ids = g_hash_table_new (g_str_hash, g_str_equal);

  for (guint i = 0; i < json_array_get_length (c->entries); i++)
    {
      JsonObject *resource = entry_resource (c, i);
      const char *full_url = lookup_string (array_object (c->entries, i), "fullUrl");
      const char *type = lookup_string (resource, "resourceType");
      const char *id = lookup_string (resource, "id");
      g_autofree char *key = NULL;
      g_autofree char *tail = NULL;

      if (!has_text (type) || !has_text (id))
        return fail (error, "entry[%u] has no resource with a resourceType and an id", i);
      key = g_strdup_printf ("%s/%s", type, id);
      tail = g_strconcat ("/", key, NULL);
      if (!has_text (full_url))
        return fail (error, "entry[%u] (%s) has no fullUrl", i, key);
      if (!g_hash_table_add (full_urls, (gpointer) full_url))
        return fail (error, "entry[%u]: fullUrl %s is not unique", i, full_url);
      if (!g_hash_table_add (ids, (gpointer) id))
        return fail (error, "entry[%u]: id %s is not unique", i, id);
      /* A base URL and Type/id, or Type/id alone. */
      if (!ends_with (full_url, tail) && g_strcmp0 (full_url, key) != 0)
        return fail (error, "entry[%u]: fullUrl %s does not end in %s", i, full_url, key);
      if (!has_profile (resource, ""))
        return fail (error, "%s names no profile in meta.profile", key);
      g_hash_table_insert (c->resources, g_steal_pointer (&key), resource);
    }
  return TRUE;
}

static gboolean
check_narrative (Check   *c,
                 GError **error)
{
  for (guint i = 0; i < json_array_get_length (c->entries); i++)
    {
      JsonObject *resource = entry_resource (c, i);
      const char *div = lookup_string (resource, "text.div");

      if (!has_text (lookup_string (resource, "text.status")))
        return fail (error, "%s/%s has no text.status", lookup_string (resource, "resourceType"),
                     lookup_string (resource, "id"));
      if (div == NULL || !g_str_has_prefix (div, XHTML_DIV) || !g_str_has_suffix (div, "</div>"))
        return fail (error, "%s/%s: text.div is not an XHTML <div>", lookup_string (resource, "resourceType"),
                     lookup_string (resource, "id"));
    }
  return TRUE;
}

static gboolean
check_reference (Check       *c,
                 const char  *reference,
                 const char  *resource_type,
                 GError     **error)
{
  const char *slash = reference != NULL ? strchr (reference, '/') : NULL;

  if (slash == NULL || slash == reference || slash[1] == '\0' || strchr (slash + 1, '/') != NULL)
    return fail (error, "in %s: reference '%s' is not Type/id", or_none (resource_type), or_none (reference));
  if (g_hash_table_contains (c->resources, reference))
    return TRUE;
  /* A reply's or a forward's Provenance names the earlier messages'
   * headers, which the bundle does not carry. */
  if (!(c->flags & CHECK_NEW_MESSAGE) && g_strcmp0 (resource_type, "Provenance") == 0 &&
      g_str_has_prefix (reference, "MessageHeader/"))
    return TRUE;
  return fail (error, "in %s: %s is not in the bundle", or_none (resource_type), reference);
}

/* Every "reference" anywhere in the tree; @resource_type is the type of
 * the resource the walk is in. */
static gboolean
walk_references (Check       *c,
                 JsonNode    *node,
                 const char  *resource_type,
                 GError     **error)
{
  if (JSON_NODE_HOLDS_ARRAY (node))
    {
      JsonArray *array = json_node_get_array (node);

      for (guint i = 0; i < json_array_get_length (array); i++)
        if (!walk_references (c, json_array_get_element (array, i), resource_type, error))
          return FALSE;
    }
  else if (JSON_NODE_HOLDS_OBJECT (node))
    {
      JsonObject *object = json_node_get_object (node);
      g_autoptr(GList) members = json_object_get_members (object);

      if (lookup_string (object, "resourceType") != NULL)
        resource_type = lookup_string (object, "resourceType");
      if (json_object_has_member (object, "reference") &&
          !check_reference (c, lookup_string (object, "reference"), resource_type, error))
        return FALSE;
      for (GList *l = members; l != NULL; l = l->next)
        if (!walk_references (c, json_object_get_member (object, l->data), resource_type, error))
          return FALSE;
    }
  return TRUE;
}

static gboolean
check_references (Check   *c,
                  GError **error)
{
  return walk_references (c, json_object_get_member (c->bundle, "entry"), NULL, error);
}

static const Expected header_values[] = {
  { "eventCoding.system", TERMINOLOGY "medcom-messaging-eventCodes" },
  { "eventCoding.code", "care-communication-message" },
};

static const Link header_links[] = {
  { "destination.0.receiver.reference", "Organization" },
  { "sender.reference", "Organization" },
};

static gboolean
is_primary_destination (JsonObject *destination)
{
  guint count;
  JsonObject *use = find_extension (destination, EXT_DESTINATION, &count);

  return count == 1 &&
         g_strcmp0 (lookup_string (use, "valueCoding.system"), TERMINOLOGY "medcom-messaging-destinationUse") == 0 &&
         g_strcmp0 (lookup_string (use, "valueCoding.code"), "primary") == 0;
}

static gboolean
check_message_header (Check   *c,
                      GError **error)
{
  g_autoptr(GPtrArray) headers = resources_of_type (c, "MessageHeader");
  JsonObject *header = entry_resource (c, 0);
  JsonObject *destination = lookup_object (header, "destination.0");

  if (g_strcmp0 (lookup_string (header, "resourceType"), "MessageHeader") != 0)
    return fail (error, "entry[0] is a %s, not the MessageHeader", lookup_string (header, "resourceType"));
  if (headers->len != 1)
    return fail (error, "%u MessageHeaders, not one", headers->len);
  c->header = header;
  if (!has_profile (header, PROFILE_CC "medcom-careCommunication-messageHeader"))
    return fail (error, "meta.profile does not name the CareCommunication MessageHeader profile");
  if (!check_values (header, "MessageHeader", header_values, G_N_ELEMENTS (header_values), error))
    return FALSE;
  if (lookup_length (header, "destination") != 1)
    return fail (error, "%u destinations, not one", lookup_length (header, "destination"));
  if (!is_primary_destination (destination))
    return fail (error, "the destination has no destinationUse extension 'primary'");
  if (sor_of_endpoint (lookup_string (destination, "endpoint")) == NULL)
    return fail (error, "destination endpoint '%s' is not " SOR_ENDPOINT "<SOR>",
                 or_none (lookup_string (destination, "endpoint")));
  if (sor_of_endpoint (lookup_string (header, "source.endpoint")) == NULL)
    return fail (error, "source.endpoint '%s' is not " SOR_ENDPOINT "<SOR>",
                 or_none (lookup_string (header, "source.endpoint")));
  if (!check_links (c, header, "MessageHeader", header_links, G_N_ELEMENTS (header_links), error))
    return FALSE;
  if (lookup_length (header, "focus") == 0)
    return fail (error, "no focus");
  for (guint i = 0; i < lookup_length (header, "focus"); i++)
    {
      g_autofree char *path = g_strdup_printf ("focus.%u.reference", i);

      if (resolve (c, header, path, "Communication") == NULL)
        return fail (error, "%s is not a Communication in the bundle", path);
    }
  if (!ends_with (lookup_string (header, "definition"), DEFINITION_5_0))
    return fail (error, "definition '%s' is not ..." DEFINITION_5_0, or_none (lookup_string (header, "definition")));
  return TRUE;
}

/* A CPR number of 10 digits, or a replacement CPR (E-CPR, at most 10
 * letters and digits) as one of MedCom's published examples has. */
static gboolean
check_patient_identifier (JsonObject  *patient,
                          GError     **error)
{
  JsonArray *identifiers = lookup_array (patient, "identifier");
  gboolean found = FALSE;

  for (guint i = 0; identifiers != NULL && i < json_array_get_length (identifiers); i++)
    {
      JsonObject *identifier = array_object (identifiers, i);
      const char *system = lookup_string (identifier, "system");
      const char *value = lookup_string (identifier, "value");

      if (g_strcmp0 (system, SYSTEM_CPR) == 0 && !is_digits (value, 10, 10))
        return fail (error, "the CPR identifier '%s' is not 10 digits", or_none (value));
      if (system != NULL && g_str_has_prefix (system, SYSTEM_ECPR) && !is_alnum (value, 1, 10))
        return fail (error, "the replacement CPR identifier '%s' is not 1 to 10 letters and digits", or_none (value));
      found |= g_strcmp0 (system, SYSTEM_CPR) == 0 || (system != NULL && g_str_has_prefix (system, SYSTEM_ECPR));
    }
  return found || fail (error, "the Patient has no CPR (" SYSTEM_CPR ") or replacement CPR identifier");
}

static gboolean
check_patient (Check   *c,
               GError **error)
{
  g_autoptr(GPtrArray) patients = resources_of_type (c, "Patient");

  if (patients->len != 1)
    return fail (error, "%u Patients, not exactly one", patients->len);
  c->patient = g_ptr_array_index (patients, 0);
  if (!check_patient_identifier (c->patient, error))
    return FALSE;
  for (guint i = 0; i < lookup_length (c->patient, "name"); i++)
    {
      g_autofree char *use = g_strdup_printf ("name.%u.use", i);
      g_autofree char *family = g_strdup_printf ("name.%u.family", i);

      if (g_strcmp0 (lookup_string (c->patient, use), "official") == 0 &&
          has_text (lookup_string (c->patient, family)))
        return TRUE;
    }
  return fail (error, "the Patient has no name with use 'official' and a family name");
}

/* The MessageHeader's two parties: their Organizations carry SOR and EAN,
 * and the endpoint is the SOR code's. */
typedef struct
{
  const char *role;
  const char *reference;
  const char *endpoint;
} Party;

static const Party parties[] = {
  { "sender", "sender.reference", "source.endpoint" },
  { "receiver", "destination.0.receiver.reference", "destination.0.endpoint" },
};

static gboolean
check_organizations (Check   *c,
                     GError **error)
{
  for (gsize i = 0; i < G_N_ELEMENTS (parties); i++)
    {
      JsonObject *organization = resolve (c, c->header, parties[i].reference, "Organization");
      const char *sor = identifier_value (organization, SYSTEM_SOR);
      const char *ean = identifier_value (organization, SYSTEM_EAN);
      const char *endpoint_sor = sor_of_endpoint (lookup_string (c->header, parties[i].endpoint));

      if (!is_digits (sor, 1, G_MAXSIZE))
        return fail (error, "the %s has no SOR identifier (" SYSTEM_SOR ") of digits: '%s'", parties[i].role,
                     or_none (sor));
      if (!is_gln (ean))
        return fail (error, "the %s has no EAN identifier (" SYSTEM_EAN ") of 13 digits with a valid check "
                     "digit: '%s'", parties[i].role, or_none (ean));
      if (g_strcmp0 (sor, endpoint_sor) != 0)
        return fail (error, "the %s's SOR code %s is not its endpoint's, %s", parties[i].role, sor,
                     or_none (endpoint_sor));
    }
  return TRUE;
}

static const Expected communication_values[] = {
  { "status", "unknown" },
  { "category.0.coding.0.system", TERMINOLOGY "medcom-careCommunication-categoryCodes" },
};

static gboolean
check_communication (Check   *c,
                     GError **error)
{
  g_autoptr(GPtrArray) communications = resources_of_type (c, "Communication");
  JsonObject *communication;
  const char *category;
  guint n_text = 0;

  if (communications->len != 1)
    return fail (error, "%u Communications, not exactly one", communications->len);
  communication = c->communication = g_ptr_array_index (communications, 0);
  category = lookup_string (communication, "category.0.coding.0.code");

  if (!check_values (communication, "Communication", communication_values, G_N_ELEMENTS (communication_values),
                     error))
    return FALSE;
  if (lookup_length (communication, "category") != 1 || !has_text (category))
    return fail (error, "not exactly one category with a code");
  if (resolve (c, communication, "subject.reference", "Patient") != c->patient)
    return fail (error, "the subject is not the Patient");
  if (lookup_length (communication, "identifier") != 1 ||
      !is_uuid_urn (lookup_string (communication, "identifier.0.value")))
    return fail (error, "the identifier is not one urn:uuid:<UUID>: '%s'",
                 or_none (lookup_string (communication, "identifier.0.value")));
  if ((lookup (communication, "topic") != NULL || g_str_equal (category, "other")) &&
      !has_text (lookup_string (communication, "topic.text")))
    return fail (error, "no topic.text (a topic needs one, and category 'other' needs a topic)");
  if (lookup (communication, "priority") != NULL && !g_str_equal (category, "regarding-referral"))
    return fail (error, "a priority with category '%s' (only 'regarding-referral' has one)", category);
  for (guint i = 0; i < lookup_length (communication, "payload"); i++)
    {
      g_autofree char *path = g_strdup_printf ("payload.%u.contentString", i);
      n_text += has_text (lookup_string (communication, path));
    }
  if (n_text == 0)
    return fail (error, "no payload with a message text (contentString)");
  return TRUE;
}

/* The extensions of a payload segment and the path to each one's value. */
typedef struct
{
  const char *url;
  const char *value;
  gboolean    text_only;
} PayloadExtension;

static const PayloadExtension payload_extensions[] = {
  { EXT_DATETIME, "valueDateTime", FALSE },
  { EXT_IDENTIFIER, "valueIdentifier.value", FALSE },
  { EXT_PRACTITIONER, "valueReference.reference", FALSE },
  /* The profile asks the author's contact of text segments only. */
  { EXT_CONTACT, "valueContactPoint.value", TRUE },
};

static const char * const attachment_members[] = { "contentType", "data", "title" };

static gboolean
check_payload_extensions (JsonObject  *payload,
                          guint        i,
                          gboolean     is_text,
                          GError     **error)
{
  for (gsize e = 0; e < G_N_ELEMENTS (payload_extensions); e++)
    {
      const PayloadExtension *row = &payload_extensions[e];
      const char *name = strrchr (row->url, '/') + 1;
      guint count;
      JsonObject *extension = find_extension (payload, row->url, &count);

      if (count > 1)
        return fail (error, "payload[%u] has %u %s extensions", i, count, name);
      if (count == 0 && (is_text || !row->text_only))
        return fail (error, "payload[%u] has no %s extension", i, name);
      if (count == 1 && !has_text (lookup_string (extension, row->value)))
        return fail (error, "payload[%u]: the %s extension has no %s", i, name, row->value);
    }
  return TRUE;
}

/* The author: a PractitionerRole with a role, whose Practitioner has a name. */
static gboolean
check_author (Check       *c,
              JsonObject  *payload,
              guint        i,
              GError     **error)
{
  guint count;
  JsonObject *extension = find_extension (payload, EXT_PRACTITIONER, &count);
  JsonObject *role = resolve (c, extension, "valueReference.reference", "PractitionerRole");
  JsonObject *practitioner = resolve (c, role, "practitioner.reference", "Practitioner");

  if (role == NULL)
    return fail (error, "payload[%u]: the author is not a PractitionerRole in the bundle", i);
  if (!has_text (lookup_string (role, "code.0.coding.0.code")) && !has_text (lookup_string (role, "code.0.text")))
    return fail (error, "payload[%u]: the author's PractitionerRole has no role code", i);
  if (practitioner == NULL)
    return fail (error, "payload[%u]: the author's PractitionerRole has no Practitioner in the bundle", i);
  if (!has_text (lookup_string (practitioner, "name.0.family")) && lookup_length (practitioner, "name.0.given") == 0)
    return fail (error, "payload[%u]: the author's Practitioner has no name", i);
  return TRUE;
}

static gboolean
check_payload (Check       *c,
               JsonObject  *payload,
               guint        i,
               GError     **error)
{
  gboolean is_text = has_text (lookup_string (payload, "contentString"));
  JsonObject *attachment = lookup_object (payload, "contentAttachment");
  guint count;
  const char *date = lookup_string (find_extension (payload, EXT_DATETIME, &count), "valueDateTime");
  const char *id = lookup_string (find_extension (payload, EXT_IDENTIFIER, &count), "valueIdentifier.value");

  if (is_text == (attachment != NULL))
    return fail (error, "payload[%u] has not exactly one of contentString and contentAttachment", i);
  if (!check_payload_extensions (payload, i, is_text, error))
    return FALSE;
  if (!is_datetime_with_zone (date))
    return fail (error, "payload[%u]: '%s' is not a date and time with a time zone", i, date);
  if (!is_uuid_urn (id))
    return fail (error, "payload[%u]: identifier '%s' is not urn:uuid:<UUID>", i, id);
  for (guint p = 0; p < c->payload_ids->len; p++)
    if (g_str_equal (g_ptr_array_index (c->payload_ids, p), id))
      return fail (error, "payload[%u]: identifier %s is not unique", i, id);
  g_ptr_array_add (c->payload_ids, (gpointer) id);
  if (!check_author (c, payload, i, error))
    return FALSE;
  for (gsize m = 0; attachment != NULL && m < G_N_ELEMENTS (attachment_members); m++)
    if (!has_text (lookup_string (attachment, attachment_members[m])))
      return fail (error, "payload[%u]: the attachment has no %s", i, attachment_members[m]);
  return TRUE;
}

static gboolean
check_payloads (Check   *c,
                GError **error)
{
  JsonArray *payloads = lookup_array (c->communication, "payload");

  for (guint i = 0; i < json_array_get_length (payloads); i++)
    {
      JsonObject *payload = array_object (payloads, i);

      if (payload == NULL)
        return fail (error, "payload[%u] is not an object", i);
      if (!check_payload (c, payload, i, error))
        return FALSE;
    }
  return TRUE;
}

/* The activities a Provenance of this message may record; a reply or a
 * forward names the earlier message as a "revision" entity. */
typedef struct
{
  const char *code;
  gboolean    names_earlier;
} Activity;

static const Activity activities[] = {
  { "new-message", FALSE },
  { "reply-message", TRUE },
  { "forward-message", TRUE },
};

static gboolean
check_one_provenance (Check       *c,
                      JsonObject  *provenance,
                      GHashTable  *entity_ids,
                      GError     **error)
{
  const char *id = lookup_string (provenance, "id");

  if (!has_profile (provenance, PROFILE_CC "medcom-careCommunication-provenance"))
    return fail (error, "Provenance/%s: meta.profile does not name the CareCommunication Provenance profile", id);
  if (lookup_length (provenance, "target") != 1 ||
      !g_str_has_prefix (or_none (lookup_string (provenance, "target.0.reference")), "MessageHeader/"))
    return fail (error, "Provenance/%s does not target one MessageHeader", id);
  if (!is_datetime_with_zone (lookup_string (provenance, "occurredDateTime")))
    return fail (error, "Provenance/%s: occurredDateTime is not a date and time with a time zone", id);
  if (!has_text (lookup_string (provenance, "activity.coding.0.code")))
    return fail (error, "Provenance/%s has no activity code", id);
  if (resolve (c, provenance, "agent.0.who.reference", "Organization") == NULL)
    return fail (error, "Provenance/%s: agent.who is not an Organization in the bundle", id);
  /* The profile's payload entity: one for each payload the message adds. */
  if (lookup_length (provenance, "entity") == 0)
    return fail (error, "Provenance/%s has no entity", id);
  for (guint i = 0; i < lookup_length (provenance, "entity"); i++)
    {
      g_autofree char *path = g_strdup_printf ("entity.%u.what.identifier.value", i);

      if (lookup_string (provenance, path) != NULL)
        g_hash_table_add (entity_ids, (gpointer) lookup_string (provenance, path));
    }
  return TRUE;
}

static gboolean
names_earlier_message (JsonObject *provenance)
{
  for (guint i = 0; i < lookup_length (provenance, "entity"); i++)
    {
      g_autofree char *role = g_strdup_printf ("entity.%u.role", i);
      g_autofree char *reference = g_strdup_printf ("entity.%u.what.reference", i);
      g_autofree char *identifier = g_strdup_printf ("entity.%u.what.identifier.value", i);

      if (g_strcmp0 (lookup_string (provenance, role), "revision") == 0 &&
          (has_text (lookup_string (provenance, reference)) || has_text (lookup_string (provenance, identifier))))
        return TRUE;
    }
  return FALSE;
}

static gboolean
check_provenance (Check   *c,
                  GError **error)
{
  g_autoptr(GPtrArray) provenances = resources_of_type (c, "Provenance");
  g_autoptr(GHashTable) entity_ids = g_hash_table_new (g_str_hash, g_str_equal);
  g_autofree char *header = g_strdup_printf ("MessageHeader/%s", lookup_string (c->header, "id"));
  JsonObject *current = NULL;
  const char *activity;
  const Activity *known = NULL;

  for (guint i = 0; i < provenances->len; i++)
    {
      JsonObject *provenance = g_ptr_array_index (provenances, i);

      if (!check_one_provenance (c, provenance, entity_ids, error))
        return FALSE;
      if (g_strcmp0 (lookup_string (provenance, "target.0.reference"), header) != 0)
        continue;
      if (current != NULL)
        return fail (error, "two Provenances target this message's MessageHeader");
      current = provenance;
    }
  if (current == NULL)
    return fail (error, "no Provenance targets this message's MessageHeader");

  activity = lookup_string (current, "activity.coding.0.code");
  for (gsize i = 0; i < G_N_ELEMENTS (activities); i++)
    if (g_str_equal (activity, activities[i].code))
      known = &activities[i];
  if (known == NULL || g_strcmp0 (lookup_string (current, "activity.coding.0.system"),
                                  TERMINOLOGY "medcom-messaging-activityCodes") != 0)
    return fail (error, "this message's activity '%s' is not new-, reply- or forward-message", activity);
  if ((c->flags & CHECK_NEW_MESSAGE) && (provenances->len != 1 || !g_str_equal (activity, "new-message")))
    return fail (error, "a new message has one Provenance, 'new-message'; here %u, '%s'", provenances->len, activity);
  if (known->names_earlier && !names_earlier_message (current))
    return fail (error, "a %s names no earlier message (entity with role 'revision')", activity);
  for (guint i = 0; i < c->payload_ids->len; i++)
    if (!g_hash_table_contains (entity_ids, g_ptr_array_index (c->payload_ids, i)))
      return fail (error, "payload %s is no Provenance's entity", (char *) g_ptr_array_index (c->payload_ids, i));
  return TRUE;
}

/* In order: later rules rely on what earlier ones found (the index of
 * resources, the header, the Patient, the Communication, the payloads). */
typedef struct
{
  const char *name;
  gboolean  (*check) (Check *c, GError **error);
} Rule;

static const Rule rules[] = {
  { "bundle", check_bundle },
  { "entries", check_entries },
  { "narrative", check_narrative },
  { "references", check_references },
  { "message-header", check_message_header },
  { "patient", check_patient },
  { "organizations", check_organizations },
  { "communication", check_communication },
  { "payloads", check_payloads },
  { "provenance", check_provenance },
};

/* Checks @bundle against the CareCommunication invariants; the error's
 * message starts with the name of the rule that failed: "patient: ...". */
static gboolean
check_care_communication (JsonNode    *bundle,
                          CheckFlags   flags,
                          GError     **error)
{
  g_auto(Check) c = {
    .flags = flags,
    .resources = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL),
    .payload_ids = g_ptr_array_new (),
  };

  if (bundle == NULL || !JSON_NODE_HOLDS_OBJECT (bundle))
    return fail (error, "bundle: not a JSON object");
  c.bundle = json_node_get_object (bundle);

  for (gsize i = 0; i < G_N_ELEMENTS (rules); i++)
    if (!rules[i].check (&c, error))
      {
        g_prefix_error (error, "%s: ", rules[i].name);
        return FALSE;
      }
  return TRUE;
}

/* ------------------------------------------------------------------ */
/* Files and the binary. */

static JsonNode *
load_json (const char *path)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;

  json_parser_load_from_file (parser, path, &error);
  g_assert_no_error (error);
  return json_parser_steal_root (parser);
}

static void
save_json (JsonNode   *root,
           const char *path)
{
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(GError) error = NULL;

  json_generator_set_root (generator, root);
  json_generator_to_file (generator, path, &error);
  g_assert_no_error (error);
}

static char *
data_path (const char *name)
{
  return g_test_build_filename (G_TEST_DIST, "data", name, NULL);
}

static char *
make_tmp_dir (void)
{
  g_autoptr(GError) error = NULL;
  char *dir = g_dir_make_tmp ("ivd-fhir-XXXXXX", &error);

  g_assert_no_error (error);
  return dir;
}

static void
run_export (const char *plan,
            const char *format,
            const char *output,
            const char *directory,
            IvdTestRun *run)
{
  ivd_test_run ((const char * const[]) { "--export", plan, "--format", format, "--output", output,
                                         "--directory", directory, NULL }, NULL, NULL, 0, run);
  g_test_message ("--format %s: exit %d %s", format, run->status, run->err);
}

/* The FHIR message for tests/data's plan and directory, written in @dir. */
static JsonNode *
export_bundle (const char *dir)
{
  g_autofree char *plan = data_path ("referral-plan.json");
  g_autofree char *directory = data_path ("directory.json");
  g_autofree char *output = g_build_filename (dir, "out.json", NULL);
  g_auto(IvdTestRun) run = { 0, };
  GStatBuf st;

  run_export (plan, "fhir", output, directory, &run);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpstr (run.err, ==, "");
  /* It holds a CPR number: readable by the user only. */
  g_assert_cmpint (g_stat (output, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);
  return load_json (output);
}

/* ------------------------------------------------------------------ */
/* Tests. */

typedef struct
{
  const char *file;
  CheckFlags  flags;
} Example;

static const Example medcom_examples[] = {
  { "carecommunication-new.json", CHECK_NEW_MESSAGE },
  { "carecommunication-new-with-attachment.json", CHECK_NEW_MESSAGE },
  { "carecommunication-forward.json", CHECK_ANY_MESSAGE },
};

/* The published examples are the checker's own test: a checker that
 * rejects them is wrong. They are not in the repository (their licence
 * and their identifiers stay MedCom's), so they are skipped when absent. */
static void
test_medcom_examples (void)
{
  g_autofree char *dir = g_test_build_filename (G_TEST_DIST, "..", "..", "shared", "reference", "medcom", NULL);
  g_autofree char *forward = g_build_filename (dir, "carecommunication-forward.json", NULL);
  g_autoptr(JsonNode) forward_root = NULL;
  g_autoptr(GError) error = NULL;

  if (!g_file_test (dir, G_FILE_TEST_IS_DIR))
    {
      g_test_skip ("The MedCom examples are not here (../shared/reference/medcom)");
      return;
    }

  for (gsize i = 0; i < G_N_ELEMENTS (medcom_examples); i++)
    {
      g_autofree char *path = g_build_filename (dir, medcom_examples[i].file, NULL);
      g_autoptr(JsonNode) root = load_json (path);
      g_autoptr(GError) local_error = NULL;

      g_test_message ("%s", medcom_examples[i].file);
      check_care_communication (root, medcom_examples[i].flags, &local_error);
      g_assert_no_error (local_error);
    }

  /* A forward points to the earlier message, which is no new message's
   * right. */
  forward_root = load_json (forward);
  g_assert_false (check_care_communication (forward_root, CHECK_NEW_MESSAGE, &error));
  g_test_message ("%s", error->message);
  g_assert_true (g_str_has_prefix (error->message, "references: "));
}

static void
assert_uuid_v4 (const char *text)
{
  g_test_message ("id %s", text);
  g_assert_nonnull (text);
  g_assert_true (g_uuid_string_is_valid (text));
  g_assert_cmpint (text[14], ==, '4');
  g_assert_nonnull (strchr ("89ab", text[19]));
}

static void
assert_uuid_urn_v4 (const char *text)
{
  g_assert_nonnull (text);
  g_assert_true (g_str_has_prefix (text, "urn:uuid:"));
  assert_uuid_v4 (text + strlen ("urn:uuid:"));
}

static void
assert_ids (JsonObject *bundle)
{
  JsonArray *entries = lookup_array (bundle, "entry");
  JsonObject *communication = find_resource (bundle, "Communication", NULL);
  guint count;

  assert_uuid_v4 (lookup_string (bundle, "id"));
  for (guint i = 0; i < json_array_get_length (entries); i++)
    assert_uuid_v4 (lookup_string (array_object (entries, i), "resource.id"));
  assert_uuid_urn_v4 (lookup_string (communication, "identifier.0.value"));
  for (guint i = 0; i < lookup_length (communication, "payload"); i++)
    {
      JsonObject *payload = array_object (lookup_array (communication, "payload"), i);

      assert_uuid_urn_v4 (lookup_string (find_extension (payload, EXT_IDENTIFIER, &count), "valueIdentifier.value"));
    }
}

static void
assert_payloads (JsonObject *communication)
{
  JsonArray *payloads = lookup_array (communication, "payload");
  const char *text = NULL;
  JsonObject *attachment = NULL;
  g_autofree guchar *pdf = NULL;
  gsize length = 0;

  for (guint i = 0; i < json_array_get_length (payloads); i++)
    {
      text = text != NULL ? text : lookup_string (array_object (payloads, i), "contentString");
      attachment = attachment != NULL ? attachment : lookup_object (array_object (payloads, i), "contentAttachment");
    }

  g_assert_nonnull (text);
  g_assert_nonnull (strstr (text, "150650-1237"));
  g_assert_nonnull (strstr (text, "Cefuroxim"));

  g_assert_nonnull (attachment);
  g_assert_cmpstr (lookup_string (attachment, "contentType"), ==, "application/pdf");
  g_assert_true (has_text (lookup_string (attachment, "title")));
  g_assert_nonnull (lookup_string (attachment, "data"));
  pdf = g_base64_decode (lookup_string (attachment, "data"), &length);
  g_assert_cmpuint (length, >, 5);
  g_assert_true (memcmp (pdf, "%PDF-", 5) == 0);
}

static JsonObject *
party (JsonObject *bundle,
       const char *path)
{
  const char *reference = lookup_string (find_resource (bundle, "MessageHeader", NULL), path);
  g_auto(GStrv) parts = g_strsplit (reference != NULL ? reference : "", "/", 2);

  g_assert_cmpstr (parts[0], ==, "Organization");
  return find_resource (bundle, "Organization", parts[1]);
}

static JsonObject *
directory_entry (JsonObject *directory,
                 const char *code)
{
  JsonArray *municipalities = lookup_array (directory, "municipalities");

  for (guint i = 0; municipalities != NULL && i < json_array_get_length (municipalities); i++)
    if (g_strcmp0 (lookup_string (array_object (municipalities, i), "code"), code) == 0)
      return array_object (municipalities, i);
  return NULL;
}

/* The sender is the plan's department, the receiver the municipality as
 * the directory has it. */
static void
assert_parties (JsonObject *bundle)
{
  g_autofree char *plan_path = data_path ("referral-plan.json");
  g_autofree char *directory_path = data_path ("directory.json");
  g_autoptr(JsonNode) plan = load_json (plan_path);
  g_autoptr(JsonNode) directory = load_json (directory_path);
  JsonObject *entry = directory_entry (json_node_get_object (directory), "101");
  JsonObject *sender = party (bundle, "sender.reference");
  JsonObject *receiver = party (bundle, "destination.0.receiver.reference");

  g_assert_nonnull (entry);
  g_assert_cmpstr (identifier_value (receiver, SYSTEM_SOR), ==, lookup_string (entry, "sor"));
  g_assert_cmpstr (identifier_value (receiver, SYSTEM_EAN), ==, lookup_string (entry, "ean"));
  g_assert_cmpstr (identifier_value (sender, SYSTEM_SOR), ==,
                   lookup_string (json_node_get_object (plan), "responsible.sor"));
  g_assert_cmpstr (identifier_value (sender, SYSTEM_EAN), ==,
                   lookup_string (json_node_get_object (plan), "responsible.ean"));
}

static void
test_bundle (void)
{
  g_autofree char *dir = make_tmp_dir ();
  g_autoptr(JsonNode) root = export_bundle (dir);
  g_autoptr(GError) error = NULL;
  JsonObject *bundle = json_node_get_object (root);

  check_care_communication (root, CHECK_NEW_MESSAGE, &error);
  g_assert_no_error (error);

  assert_ids (bundle);
  assert_payloads (find_resource (bundle, "Communication", NULL));
  g_assert_cmpstr (identifier_value (find_resource (bundle, "Patient", NULL), SYSTEM_CPR), ==, "1506501237");
  assert_parties (bundle);

  ivd_test_remove_tree (dir);
}

/* One fault in a good bundle, and the rule that must name it. @target is
 * "Type:path" (the first resource of Type, then a path in it; "Type" for
 * the resource itself, ":" for the bundle); @json is the member's new
 * value, NULL to remove it. */
typedef struct
{
  const char *target;
  const char *member;
  const char *json;
  const char *rule;
} Mutation;

static const Mutation mutations[] = {
  { ":", "type", "\"collection\"", "bundle" },
  { ":", "timestamp", "\"2026-11-23T10:00:00\"", "bundle" },
  { "Practitioner:text", "div", "\"<p>Doctor</p>\"", "narrative" },
  { "PractitionerRole:organization", "reference", "\"Organization/00000000-0000-4000-8000-000000000000\"",
    "references" },
  { "MessageHeader:eventCoding", "code", "\"hospital-notification-message\"", "message-header" },
  { "MessageHeader:destination.0", "endpoint", "\"https://sor2.sum.dsdn.dk/#id=\"", "message-header" },
  { "MessageHeader", "definition", "\"http://medcomfhir.dk/ig/messagedefinitions/MessageDefinition/"
    "MedComCareCommunicationMessageDefinition|4.0\"", "message-header" },
  { "Patient:identifier.0", "value", "\"150650-1237\"", "patient" },
  { "Patient:name.0", "use", NULL, "patient" },
  /* The last digit breaks the check digit. */
  { "Organization:identifier.0", "value", "\"5790000000006\"", "organizations" },
  { "Communication", "status", "\"completed\"", "communication" },
  { "Communication:identifier.0", "value", "\"4fee3505-db3a-4069-bef4-4a79fa2240fd\"", "communication" },
  { "Communication", "priority", "\"asap\"", "communication" },
  { "Communication:payload.0.extension.0", "valueDateTime", "\"2026-11-23\"", "payloads" },
  { "Communication:payload.0.extension.2", "url", "\"http://example.org/other\"", "payloads" },
  { "Communication:payload.1.contentAttachment", "title", NULL, "payloads" },
  { "PractitionerRole", "code", NULL, "payloads" },
  { "Provenance:activity.coding.0", "code", "\"reply-message\"", "provenance" },
  { "Provenance", "entity", NULL, "provenance" },
};

static JsonObject *
mutation_target (JsonObject *bundle,
                 const char *target)
{
  g_auto(GStrv) parts = g_strsplit (target, ":", 2);
  JsonObject *object = *parts[0] != '\0' ? find_resource (bundle, parts[0], NULL) : bundle;

  return parts[1] != NULL && *parts[1] != '\0' ? lookup_object (object, parts[1]) : object;
}

/* json_node_copy() shares the object: a mutation must not reach the
 * good bundle. */
static JsonNode *
deep_copy (JsonNode *root)
{
  g_autofree char *text = json_to_string (root, FALSE);

  return json_from_string (text, NULL);
}

static void
assert_rejected (JsonNode   *root,
                 const char *rule)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *prefix = g_strconcat (rule, ": ", NULL);

  g_assert_false (check_care_communication (root, CHECK_NEW_MESSAGE, &error));
  /* The rule only: the message may quote the patient's CPR number. */
  g_test_message ("rejected by %.*s", (int) strcspn (error->message, ":"), error->message);
  g_assert_true (g_str_has_prefix (error->message, prefix));
}

/* The checker rejects a broken bundle and names the rule: it checks what
 * it says it checks. */
static void
test_checker_rejects (void)
{
  g_autofree char *dir = make_tmp_dir ();
  g_autoptr(JsonNode) good = export_bundle (dir);
  g_autoptr(JsonNode) twice = deep_copy (good);
  JsonArray *entries = lookup_array (json_node_get_object (twice), "entry");

  for (gsize i = 0; i < G_N_ELEMENTS (mutations); i++)
    {
      g_autoptr(JsonNode) root = deep_copy (good);
      JsonObject *object = mutation_target (json_node_get_object (root), mutations[i].target);

      g_test_message ("%s %s", mutations[i].target, mutations[i].member);
      g_assert_nonnull (object);
      if (mutations[i].json == NULL)
        {
          g_assert_true (json_object_has_member (object, mutations[i].member));
          json_object_remove_member (object, mutations[i].member);
        }
      else
        json_object_set_member (object, mutations[i].member, json_from_string (mutations[i].json, NULL));
      assert_rejected (root, mutations[i].rule);
    }

  /* An entry twice: its fullUrl and its id are no longer unique. */
  json_array_add_element (entries, json_node_copy (json_array_get_element (entries, 1)));
  assert_rejected (twice, "entries");

  ivd_test_remove_tree (dir);
}

/* A plan or a directory that lacks what the message needs: @plan_member
 * (a path) is removed from the plan, @entry_member from municipality
 * 101's directory entry, or that entry gets @entry_code instead. */
typedef struct
{
  const char *plan_member;
  const char *entry_member;
  const char *entry_code;
  const char *says[4];
} Incomplete;

static const Incomplete missing_sor = { NULL, "sor", NULL, { "SOR", "København", "101", NULL } };
static const Incomplete missing_ean = { NULL, "ean", NULL, { "EAN", "København", "101", NULL } };
/* Frederiksberg's entry only. */
static const Incomplete no_directory_entry = { NULL, NULL, "147", { "SOR", "København", "101", NULL } };
static const Incomplete department_codes_missing = { "responsible.sor", NULL, NULL, { "responsible.sor", NULL } };
/* A text segment needs its author's contact (authorContact 1..1). */
static const Incomplete department_phone_missing = { "responsible.phone", NULL, NULL, { "responsible.phone", NULL } };

static void
remove_path (JsonObject *root,
             const char *path)
{
  const char *dot = strrchr (path, '.');
  g_autofree char *parent = g_strndup (path, dot - path);
  JsonObject *object = lookup_object (root, parent);

  g_assert_true (object != NULL && json_object_has_member (object, dot + 1));
  json_object_remove_member (object, dot + 1);
}

static void
write_inputs (const Incomplete *incomplete,
              const char       *plan,
              const char       *directory)
{
  g_autofree char *plan_source = data_path ("referral-plan.json");
  g_autofree char *directory_source = data_path ("directory.json");
  g_autoptr(JsonNode) plan_root = load_json (plan_source);
  g_autoptr(JsonNode) directory_root = load_json (directory_source);
  JsonObject *entry = directory_entry (json_node_get_object (directory_root), "101");

  g_assert_nonnull (entry);
  if (incomplete->plan_member != NULL)
    remove_path (json_node_get_object (plan_root), incomplete->plan_member);
  if (incomplete->entry_member != NULL)
    {
      g_assert_true (json_object_has_member (entry, incomplete->entry_member));
      json_object_remove_member (entry, incomplete->entry_member);
    }
  if (incomplete->entry_code != NULL)
    json_object_set_string_member (entry, "code", incomplete->entry_code);

  save_json (plan_root, plan);
  save_json (directory_root, directory);
}

static guint
count_files (const char *dir)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  guint n = 0;

  while (d != NULL && g_dir_read_name (d) != NULL)
    n++;
  return n;
}

/* Exit 2, one line that names what is missing, and no file (not even a
 * temporary one); the PDF and the text, which need no codes, still work. */
static void
test_incomplete (gconstpointer data)
{
  const Incomplete *incomplete = data;
  g_autofree char *dir = make_tmp_dir ();
  g_autofree char *plan = g_build_filename (dir, "plan.json", NULL);
  g_autofree char *directory = g_build_filename (dir, "directory.json", NULL);
  g_autofree char *output = g_build_filename (dir, "out.json", NULL);
  g_auto(IvdTestRun) run = { 0, };

  write_inputs (incomplete, plan, directory);
  run_export (plan, "fhir", output, directory, &run);
  g_assert_cmpint (run.status, ==, 2);
  g_assert_true (g_str_has_prefix (run.err, "iv-discharge: "));
  g_assert_cmpint (strchr (run.err, '\n') - run.err, ==, (int) strlen (run.err) - 1);
  for (guint i = 0; incomplete->says[i] != NULL; i++)
    g_assert_nonnull (strstr (run.err, incomplete->says[i]));
  g_assert_false (g_file_test (output, G_FILE_TEST_EXISTS));
  g_assert_cmpuint (count_files (dir), ==, 2);

  for (const char * const *format = (const char * const[]) { "pdf", "text", NULL }; *format != NULL; format++)
    {
      g_autofree char *name = g_strconcat ("out.", *format, NULL);
      g_autofree char *other = g_build_filename (dir, name, NULL);
      g_auto(IvdTestRun) other_run = { 0, };

      run_export (plan, *format, other, directory, &other_run);
      g_assert_cmpint (other_run.status, ==, 0);
      g_assert_true (g_file_test (other, G_FILE_TEST_IS_REGULAR));
    }

  ivd_test_remove_tree (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/export/fhir/medcom-examples", test_medcom_examples);
  g_test_add_func ("/export/fhir/bundle", test_bundle);
  g_test_add_func ("/export/fhir/checker-rejects", test_checker_rejects);
  g_test_add_data_func ("/export/fhir/missing-sor", &missing_sor, test_incomplete);
  g_test_add_data_func ("/export/fhir/missing-ean", &missing_ean, test_incomplete);
  g_test_add_data_func ("/export/fhir/no-directory-entry", &no_directory_entry, test_incomplete);
  g_test_add_data_func ("/export/fhir/department-codes-missing", &department_codes_missing, test_incomplete);
  g_test_add_data_func ("/export/fhir/department-phone-missing", &department_phone_missing, test_incomplete);

  return g_test_run ();
}
