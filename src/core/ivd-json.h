#pragma once

#include <json-glib/json-glib.h>

G_BEGIN_DECLS

#define IVD_JSON_MAX_DEPTH 32

JsonNode   *ivd_json_parse          (const char  *data,
                                     gsize        length,
                                     gsize        max_length,
                                     GError     **error);
char       *ivd_json_read_file      (const char  *path,
                                     gsize        max_length,
                                     gsize       *length,
                                     GError     **error);
JsonNode   *ivd_json_parse_file     (const char  *path,
                                     gsize        max_length,
                                     GError     **error);
char       *ivd_json_dup_one_line   (const char  *text);
JsonNode   *ivd_json_lookup         (JsonObject  *root,
                                     const char  *path);
const char *ivd_json_get_localized  (JsonObject  *object,
                                     const char  *member);
const char *ivd_json_get_string     (JsonObject  *object,
                                     const char  *member);
char       *ivd_json_to_string      (JsonNode    *node,
                                     gboolean     pretty);
gboolean    ivd_json_is_integer     (JsonNode    *node);
gboolean    ivd_json_is_boolean     (JsonNode    *node);
gboolean    ivd_json_is_string      (JsonNode    *node);
void        ivd_json_builder_add_int_or_null (JsonBuilder *builder,
                                              const char  *member,
                                              gint64       value);

G_END_DECLS
