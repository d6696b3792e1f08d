#define G_LOG_DOMAIN "ivd-json"

#include "config.h"

#include <math.h>
#include <string.h>

#include <glib/gi18n-lib.h>

#include "ivd-error.h"
#include "ivd-json.h"
#include "ivd-language.h"

/* One pass over the text before json-glib sees it (check_structure()). */
typedef struct
{
  const char *data;
  gsize       length;
  gsize       i;
  guint       line;
  gsize       line_start;
  guint       depth;
  gsize       string_start;                       /* the last string, a member name when ':' follows */
  gsize       string_end;
  gsize       key_start[IVD_JSON_MAX_DEPTH + 1];  /* the member being read at each depth */
  gsize       key_end[IVD_JSON_MAX_DEPTH + 1];
} Scan;

static gboolean
not_json (Scan        *scan,
          GError     **error,
          const char  *problem)
{
  g_set_error (error, IVD_ERROR, IVD_ERROR_INVALID, _("the file is not valid JSON: line %u, column %zu: %s"),
               scan->line, scan->i - scan->line_start + 1, problem);
  return FALSE;
}

/* "treatment.days": the members that lead to where the scan is. */
static char *
dup_path (Scan *scan)
{
  GString *path = g_string_new (NULL);

  for (guint d = 1; d <= scan->depth; d++)
    if (scan->key_end[d] > scan->key_start[d])
      {
        if (path->len > 0)
          g_string_append_c (path, '.');
        g_string_append_len (path, scan->data + scan->key_start[d], scan->key_end[d] - scan->key_start[d]);
      }

  return g_string_free (path, FALSE);
}

/* A number as JSON writes it: an optional minus, no leading zeros (json-glib
 * would read 010 as octal 8), digits on both sides of a point. */
static gboolean
is_json_number (const char *text,
                gsize       n)
{
  gsize i = text[0] == '-' ? 1 : 0;
  gsize digits;

  for (digits = 0; i + digits < n && g_ascii_isdigit (text[i + digits]); digits++);
  if (digits == 0 || (digits > 1 && text[i] == '0'))
    return FALSE;
  i += digits;

  if (i < n && text[i] == '.')
    {
      for (digits = 0, i++; i < n && g_ascii_isdigit (text[i]); i++, digits++);
      if (digits == 0)
        return FALSE;
    }

  if (i < n && (text[i] == 'e' || text[i] == 'E'))
    {
      i += (i + 1 < n && (text[i + 1] == '+' || text[i + 1] == '-')) ? 2 : 1;
      for (digits = 0; i < n && g_ascii_isdigit (text[i]); i++, digits++);
      if (digits == 0)
        return FALSE;
    }

  return i == n;
}

/* json-glib wraps whole numbers past 64 bits (18446744073709551617 reads as
 * -1, silently), reads 1e999 as infinity, and writes 3e22 as "3e+22.0",
 * which it cannot read back: a plan holding one could be saved but not
 * opened again. Such numbers never belong in these files; they are refused. */
static gboolean
can_keep_number (const char *number)
{
  char written[G_ASCII_DTOSTR_BUF_SIZE];
  double value;

  if (strpbrk (number, ".eE") == NULL)
    return g_ascii_string_to_signed (number, 10, G_MININT64, G_MAXINT64, NULL, NULL);

  value = g_ascii_strtod (number, NULL);
  g_ascii_dtostr (written, sizeof written, value);
  return isfinite (value) && (strchr (written, '.') != NULL || strpbrk (written, "eE") == NULL);
}

/* The number at the scan's place; moves past it. A number that cannot be
 * kept fails with %IVD_ERROR_NUMBER, the message led by its member's path
 * when it has one. */
static gboolean
check_number (Scan    *scan,
              GError **error)
{
  const char *text = scan->data + scan->i;
  g_autofree char *number = NULL;
  g_autofree char *path = NULL;
  gsize n = 0;

  while (scan->i + n < scan->length && text[n] != '\0' && strchr ("+-.eE0123456789", text[n]) != NULL)
    n++;

  if (!is_json_number (text, n))
    return not_json (scan, error, _("a number is written wrongly (no leading zeros, digits on both sides of a point)"));

  number = g_strndup (text, n);
  if (!can_keep_number (number))
    {
      path = dup_path (scan);
      number[MIN (n, 40)] = '\0';
      if (*path == '\0')
        return g_set_error (error, IVD_ERROR, IVD_ERROR_INVALID,
                            _("the number %s is too large or too small to keep exactly"), number), FALSE;
      return g_set_error (error, IVD_ERROR, IVD_ERROR_NUMBER,
                          _("%s: the number %s is too large or too small to keep exactly"), path, number), FALSE;
    }

  scan->i += n - 1;
  return TRUE;
}

static gboolean
check_bracket (Scan    *scan,
               char     c,
               GError **error)
{
  if (c == '[' || c == '{')
    {
      if (++scan->depth > IVD_JSON_MAX_DEPTH)
        return g_set_error (error, IVD_ERROR, IVD_ERROR_INVALID,
                            _("the file is nested more than %d levels deep (lists or objects within each "
                              "other), deeper than any file of this kind"),
                            IVD_JSON_MAX_DEPTH), FALSE;
      scan->key_start[scan->depth] = scan->key_end[scan->depth] = 0;
    }
  else if (scan->depth > 0)
    scan->depth--;

  return TRUE;
}

/* The code point of "uXXXX" at @text, or -1. */
static int
escaped_code_point (const char *text,
                    gsize       available)
{
  int value = 0;

  if (available < 5 || text[0] != 'u')
    return -1;
  for (guint k = 1; k <= 4; k++)
    {
      if (!g_ascii_isxdigit (text[k]))
        return -1;
      value = value * 16 + g_ascii_xdigit_value (text[k]);
    }
  return value;
}

/* After a backslash: only JSON's escapes, and of \u ones no NUL and no
 * half of a surrogate pair. json-glib also reads octal escapes (backslash
 * 351) and lone surrogates, which put bytes that are not UTF-8 into a
 * string (a directory saved with one could not be read again), and ends a
 * string at \u0000. Returns how many bytes the escape takes after the
 * backslash, or 0. */
static gsize
json_escape_length (const char *text,
                    gsize       available)
{
  int first = escaped_code_point (text, available);
  int second;

  if (available > 0 && text[0] != '\0' && strchr ("\"\\/bfnrt", text[0]) != NULL)
    return 1;
  if (first <= 0 || (first >= 0xdc00 && first <= 0xdfff))
    return 0;
  if (first < 0xd800 || first > 0xdbff)
    return 5;

  second = available > 6 && text[5] == '\\' ? escaped_code_point (text + 6, available - 6) : -1;
  return second >= 0xdc00 && second <= 0xdfff ? 11 : 0;
}

/* Skips the string that starts at the scan's place. */
static gboolean
skip_string (Scan    *scan,
             GError **error)
{
  scan->string_start = scan->i + 1;
  for (scan->i++; scan->i < scan->length && scan->data[scan->i] != '"'; scan->i++)
    {
      if (scan->data[scan->i] == '\\')
        {
          gsize n = json_escape_length (scan->data + scan->i + 1, scan->length - scan->i - 1);

          if (n == 0)
            return not_json (scan, error, _("a backslash in a string is followed by what JSON does not allow"));
          scan->i += n;
        }
      else if (scan->data[scan->i] == '\n')
        scan->line++, scan->line_start = scan->i + 1;
    }
  scan->string_end = MIN (scan->i, scan->length);
  return TRUE;
}

/* json-glib's parser recurses once per nesting level, so hostile input such
 * as a million '[' would exhaust the stack: the depth is measured first, in
 * one linear pass. json-glib also accepts C comments and single-quoted
 * strings, in which a '"' would hide the brackets after it from a scan that
 * knows only JSON's strings; outside strings only JSON's own characters are
 * let through, so this scan and the parser see the same brackets. Numbers
 * are checked here too, as written (check_number()). */
static gboolean
check_structure (const char  *data,
                 gsize        length,
                 GError     **error)
{
  Scan scan = { .data = data, .length = length, .line = 1 };

  /* A byte-order mark, as some editors write, is the one exception. */
  if (length >= 3 && memcmp (data, "\xef\xbb\xbf", 3) == 0)
    scan.i = 3;

  for (; scan.i < length; scan.i++)
    {
      char c = data[scan.i];

      if (c == '\n')
        scan.line++, scan.line_start = scan.i + 1;

      if (c == '"')
        {
          if (!skip_string (&scan, error))
            return FALSE;
        }
      else if (c == ':')
        scan.key_start[scan.depth] = scan.string_start, scan.key_end[scan.depth] = scan.string_end;
      else if (c == '-' || g_ascii_isdigit (c))
        {
          if (!check_number (&scan, error))
            return FALSE;
        }
      else if (c == '\0' || strchr (" \t\n\r[]{},truefalsn", c) == NULL)
        return not_json (&scan, error, _("only JSON may stand outside quotes (no comments or single quotes)"));
      else if (strchr ("[]{}", c) != NULL && !check_bracket (&scan, c, error))
        return FALSE;
    }

  return TRUE;
}

static gboolean
too_large (GError **error,
           gsize    max_length)
{
  g_autofree char *limit = g_format_size (max_length);

  g_set_error (error, IVD_ERROR, IVD_ERROR_INVALID,
               _("the file is larger than %s, the most a file of this kind may be"), limit);
  return FALSE;
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
    return too_large (error, max_length), NULL;

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

  if (!check_structure (data, length, error))
    return NULL;

  parser = json_parser_new ();
  if (!json_parser_load_from_data (parser, data, length, &local_error))
    {
      /* json-glib quotes the bad text, line breaks and all. */
      g_autofree char *reason = ivd_json_dup_one_line (local_error->message);

      g_set_error (error, IVD_ERROR, IVD_ERROR_INVALID, _("the file is not valid JSON: %s"), reason);
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

/**
 * ivd_json_read_file:
 * @max_length: the most this kind of file may hold
 *
 * Reads at most @max_length bytes and one more, so a huge file (or an
 * endless one such as a device) is refused without being read whole.
 * Fails with %IVD_ERROR_READ when the file cannot be read and with
 * %IVD_ERROR_INVALID when it is too large.
 *
 * Returns: (transfer full): the contents, NUL-terminated
 */
char *
ivd_json_read_file (const char  *path,
                    gsize        max_length,
                    gsize       *length,
                    GError     **error)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFileInputStream) in = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autoptr(GString) data = g_string_new (NULL);
  char chunk[16384];
  gssize n;

  if ((in = g_file_read (file, NULL, &local_error)) == NULL)
    return g_set_error_literal (error, IVD_ERROR, IVD_ERROR_READ, local_error->message), NULL;

  while ((n = g_input_stream_read (G_INPUT_STREAM (in), chunk, sizeof chunk, NULL, &local_error)) > 0)
    {
      g_string_append_len (data, chunk, n);
      if (data->len > max_length)
        return too_large (error, max_length), NULL;
    }

  if (n < 0)
    return g_set_error_literal (error, IVD_ERROR, IVD_ERROR_READ, local_error->message), NULL;

  *length = data->len;
  return g_string_free (g_steal_pointer (&data), FALSE);
}

JsonNode *
ivd_json_parse_file (const char  *path,
                     gsize        max_length,
                     GError     **error)
{
  g_autofree char *data = NULL;
  gsize length = 0;

  if ((data = ivd_json_read_file (path, max_length, &length, error)) == NULL)
    return NULL;

  return ivd_json_parse (data, length, max_length, error);
}

/**
 * ivd_json_dup_one_line:
 *
 * @text with each control character (a line break, a tab) as a space: a
 * message that quotes a value from a file stays one line on a terminal
 * and in a log.
 *
 * Returns: (transfer full): the copy
 */
char *
ivd_json_dup_one_line (const char *text)
{
  char *line = g_strdup (text);

  for (char *p = line; p != NULL && *p != '\0'; p++)
    if ((guchar) *p < 0x20 || *p == 0x7f)
      *p = ' ';
  return line;
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
