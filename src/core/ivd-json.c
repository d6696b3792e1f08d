#define G_LOG_DOMAIN "ivd-json"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "ivd-error.h"
#include "ivd-json.h"
#include "ivd-language.h"

/* json-glib's parser recurses once per nesting level, so hostile input such
 * as a million '[' would exhaust the stack. Measure the depth first, outside
 * strings, in one linear pass. */
static gboolean
nesting_is_shallow (const char *data,
                    gsize       length)
{
  gboolean in_string = FALSE;
  guint depth = 0;

  for (gsize i = 0; i < length; i++)
    {
      char c = data[i];

      if (in_string)
        {
          if (c == '\\')
            i++;
          else if (c == '"')
            in_string = FALSE;
          continue;
        }

      if (c == '"')
        in_string = TRUE;
      else if (c == '[' || c == '{')
        {
          if (++depth > IVD_JSON_MAX_DEPTH)
            return FALSE;
        }
      else if ((c == ']' || c == '}') && depth > 0)
        depth--;
    }

  return TRUE;
}

JsonNode *
ivd_json_parse (const char  *data,
                gsize        length,
                gsize        max_length,
                GError     **error)
{
  g_autoptr(JsonParser) parser = NULL;
  g_autoptr(GError) local_error = NULL;
  JsonNode *root;

  if (length > max_length)
    {
      g_set_error (error, IVD_ERROR, IVD_ERROR_INVALID,
                   _("the file is too large (%zu bytes; at most %zu)"),
                   length, max_length);
      return NULL;
    }

  if (length == 0)
    {
      g_set_error (error, IVD_ERROR, IVD_ERROR_INVALID, _("the file is empty"));
      return NULL;
    }

  if (!g_utf8_validate_len (data, length, NULL))
    {
      g_set_error (error, IVD_ERROR, IVD_ERROR_INVALID,
                   _("the file is not UTF-8 text"));
      return NULL;
    }

  if (!nesting_is_shallow (data, length))
    {
      g_set_error (error, IVD_ERROR, IVD_ERROR_INVALID,
                   _("the JSON is nested more than %d levels deep"), IVD_JSON_MAX_DEPTH);
      return NULL;
    }

  parser = json_parser_new ();
  if (!json_parser_load_from_data (parser, data, length, &local_error))
    {
      g_set_error (error, IVD_ERROR, IVD_ERROR_INVALID,
                   _("the file is not valid JSON: %s"), local_error->message);
      return NULL;
    }

  root = json_parser_get_root (parser);
  if (root == NULL)
    {
      g_set_error (error, IVD_ERROR, IVD_ERROR_INVALID, _("the file is empty"));
      return NULL;
    }

  return json_node_ref (root);
}

JsonNode *
ivd_json_parse_file (const char  *path,
                     gsize        max_length,
                     GError     **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autofree char *data = NULL;
  gsize length = 0;

  if (!g_file_get_contents (path, &data, &length, &local_error))
    {
      g_set_error (error, IVD_ERROR, IVD_ERROR_READ, "%s", local_error->message);
      return NULL;
    }

  return ivd_json_parse (data, length, max_length, error);
}

/* Dotted paths ("treatment.drug") through nested objects. Member names may
 * contain '-' (checklist ids) but not '.'. */
JsonNode *
ivd_json_lookup (JsonObject *root,
                 const char *path)
{
  g_auto(GStrv) parts = g_strsplit (path, ".", -1);
  JsonObject *object = root;

  for (guint i = 0; parts[i] != NULL; i++)
    {
      JsonNode *node;

      if (object == NULL || !json_object_has_member (object, parts[i]))
        return NULL;

      node = json_object_get_member (object, parts[i]);
      if (parts[i + 1] == NULL)
        return node;

      object = JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
    }

  return NULL;
}

const char *
ivd_json_get_string (JsonObject *object,
                     const char *member)
{
  JsonNode *node;

  if (object == NULL || !json_object_has_member (object, member))
    return NULL;

  node = json_object_get_member (object, member);
  return ivd_json_is_string (node) ? json_node_get_string (node) : NULL;
}

/* A member holding {"da": "...", "en": "..."} in the user's language. */
const char *
ivd_json_get_localized (JsonObject *object,
                        const char *member)
{
  JsonNode *node;
  JsonObject *texts;

  if (object == NULL || !json_object_has_member (object, member))
    return NULL;

  node = json_object_get_member (object, member);
  if (ivd_json_is_string (node))
    return json_node_get_string (node);
  if (!JSON_NODE_HOLDS_OBJECT (node))
    return NULL;

  texts = json_node_get_object (node);
  return ivd_language_pick (ivd_json_get_string (texts, "da"),
                            ivd_json_get_string (texts, "en"));
}

char *
ivd_json_to_string (JsonNode *node,
                    gboolean  pretty)
{
  g_autoptr(JsonGenerator) generator = json_generator_new ();

  json_generator_set_root (generator, node);
  json_generator_set_pretty (generator, pretty);
  json_generator_set_indent (generator, 2);
  return json_generator_to_data (generator, NULL);
}

gboolean
ivd_json_is_integer (JsonNode *node)
{
  return node != NULL && JSON_NODE_HOLDS_VALUE (node) &&
         json_node_get_value_type (node) == G_TYPE_INT64;
}

gboolean
ivd_json_is_boolean (JsonNode *node)
{
  return node != NULL && JSON_NODE_HOLDS_VALUE (node) &&
         json_node_get_value_type (node) == G_TYPE_BOOLEAN;
}

gboolean
ivd_json_is_string (JsonNode *node)
{
  return node != NULL && JSON_NODE_HOLDS_VALUE (node) &&
         json_node_get_value_type (node) == G_TYPE_STRING;
}

/* Negative numbers mean "not known" throughout the core; JSON says null. */
void
ivd_json_builder_add_int_or_null (JsonBuilder *builder,
                                  const char  *member,
                                  gint64       value)
{
  json_builder_set_member_name (builder, member);
  if (value < 0)
    json_builder_add_null_value (builder);
  else
    json_builder_add_int_value (builder, value);
}
