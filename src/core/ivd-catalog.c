#define G_LOG_DOMAIN "ivd-catalog"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "ivd-catalog.h"
#include "ivd-error.h"
#include "ivd-json.h"

/* Everything the app reads from data files: municipalities, one rule set
 * per region and the supply template. Files are looked for in each data
 * directory in turn (a user's corrected copy before the shipped one); rule
 * sets are read when first needed, so --check reads only its region. */
struct _IvdCatalog
{
  GObject            parent_instance;
  GStrv              data_dirs;
  GListStore        *municipalities;
  GHashTable        *by_code;
  GHashTable        *rule_sets;
  IvdSupplyTemplate *supplies;
};

G_DEFINE_FINAL_TYPE (IvdCatalog, ivd_catalog, G_TYPE_OBJECT)

static const char * const region_ids[] = {
  "hovedstaden", "midtjylland", "nordjylland", "syddanmark", "sjaelland", NULL
};

static char *
find_file (IvdCatalog *self,
           const char *relative)
{
  for (guint i = 0; self->data_dirs[i] != NULL; i++)
    {
      g_autofree char *path = g_build_filename (self->data_dirs[i], relative, NULL);
      if (g_file_test (path, G_FILE_TEST_IS_REGULAR))
        return g_steal_pointer (&path);
    }

  return NULL;
}

static gboolean
missing_file (GError     **error,
              const char  *relative)
{
  g_set_error (error, IVD_ERROR, IVD_ERROR_DATA,
               _("The data file %s is missing; reinstall IV Discharge or set IVD_DATA_DIR"),
               relative);
  return FALSE;
}

static gboolean
add_municipality (IvdCatalog  *self,
                  JsonNode    *node,
                  GError     **error)
{
  JsonObject *object = JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
  const char *code = ivd_json_get_string (object, "code");
  const char *name = ivd_json_get_string (object, "name");
  const char *region = ivd_json_get_string (object, "region");
  g_autoptr(IvdMunicipality) municipality = NULL;

  if (code == NULL || name == NULL || region == NULL || !g_strv_contains (region_ids, region))
    return g_set_error (error, IVD_ERROR, IVD_ERROR_DATA,
                        _("municipalities.json: each entry needs “code”, “name” and a known “region”")), FALSE;

  if (g_hash_table_contains (self->by_code, code))
    return g_set_error (error, IVD_ERROR, IVD_ERROR_DATA,
                        _("municipalities.json: code %s appears twice"), code), FALSE;

  municipality = g_object_new (IVD_TYPE_MUNICIPALITY, "code", code, "name", name, "region", region,
                               "authority", ivd_json_get_string (object, "authority"), NULL);
  g_list_store_append (self->municipalities, municipality);
  g_hash_table_insert (self->by_code, g_strdup (code), municipality);
  return TRUE;
}

static gboolean
load_municipalities (IvdCatalog  *self,
                     GError     **error)
{
  g_autofree char *path = find_file (self, "municipalities.json");
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(GError) local_error = NULL;
  JsonNode *list;

  if (path == NULL)
    return missing_file (error, "municipalities.json");

  /* 1 MiB: the shipped file is 7 KB for 98 municipalities. */
  root = ivd_json_parse_file (path, 1024 * 1024, &local_error);
  if (root == NULL)
    {
      g_autofree char *reason = ivd_json_dup_one_line (local_error->message);

      return g_set_error (error, IVD_ERROR, IVD_ERROR_DATA, _("The data file %s cannot be used: %s"),
                          "municipalities.json", reason), FALSE;
    }

  list = JSON_NODE_HOLDS_OBJECT (root) ?
         json_object_get_member (json_node_get_object (root), "municipalities") : NULL;
  if (list == NULL || !JSON_NODE_HOLDS_ARRAY (list))
    return g_set_error (error, IVD_ERROR, IVD_ERROR_DATA,
                        _("municipalities.json: expected a “municipalities” list")), FALSE;

  for (guint i = 0; i < json_array_get_length (json_node_get_array (list)); i++)
    if (!add_municipality (self, json_array_get_element (json_node_get_array (list), i), error))
      return FALSE;

  return TRUE;
}

static void
ivd_catalog_finalize (GObject *object)
{
  IvdCatalog *self = (IvdCatalog *) object;

  g_clear_pointer (&self->data_dirs, g_strfreev);
  g_clear_pointer (&self->by_code, g_hash_table_unref);
  g_clear_pointer (&self->rule_sets, g_hash_table_unref);
  g_clear_object (&self->municipalities);
  g_clear_object (&self->supplies);

  G_OBJECT_CLASS (ivd_catalog_parent_class)->finalize (object);
}

static void
ivd_catalog_class_init (IvdCatalogClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = ivd_catalog_finalize;
}

static void
ivd_catalog_init (IvdCatalog *self)
{
  self->municipalities = g_list_store_new (IVD_TYPE_MUNICIPALITY);
  self->by_code = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->rule_sets = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);
}

IvdCatalog *
ivd_catalog_new (const char * const  *data_dirs,
                 GError             **error)
{
  g_autoptr(IvdCatalog) self = g_object_new (IVD_TYPE_CATALOG, NULL);

  self->data_dirs = g_strdupv ((char **) data_dirs);
  if (!load_municipalities (self, error))
    return NULL;

  return g_steal_pointer (&self);
}

/**
 * ivd_catalog_new_default:
 *
 * The catalog from $IVD_DATA_DIR when set; otherwise from the user's data
 * directory (a clinician's corrected copy) and then the installed data.
 */
IvdCatalog *
ivd_catalog_new_default (GError **error)
{
  const char *env = g_getenv ("IVD_DATA_DIR");
  g_autofree char *user_dir = g_build_filename (g_get_user_data_dir (), "iv-discharge", NULL);

  if (env != NULL && *env != '\0')
    return ivd_catalog_new ((const char * const[]) { env, NULL }, error);

  return ivd_catalog_new ((const char * const[]) { user_dir, PKGDATADIR, NULL }, error);
}

GListModel *
ivd_catalog_get_municipalities (IvdCatalog *self)
{
  g_return_val_if_fail (IVD_IS_CATALOG (self), NULL);
  return G_LIST_MODEL (self->municipalities);
}

static int
compare_municipality_names (gconstpointer a,
                            gconstpointer b)
{
  return g_utf8_collate (ivd_municipality_get_name (*(IvdMunicipality **) a),
                         ivd_municipality_get_name (*(IvdMunicipality **) b));
}

/**
 * ivd_catalog_dup_municipalities_by_name:
 * @region: (nullable): only this region's; NULL for all
 *
 * Returns: (transfer full) (element-type IvdMunicipality): the
 *   municipalities by name, as a choice of one lists them
 */
GPtrArray *
ivd_catalog_dup_municipalities_by_name (IvdCatalog *self,
                                        const char *region)
{
  GPtrArray *found = g_ptr_array_new_with_free_func (g_object_unref);
  GListModel *all;

  g_return_val_if_fail (IVD_IS_CATALOG (self), found);

  all = ivd_catalog_get_municipalities (self);
  for (guint i = 0; i < g_list_model_get_n_items (all); i++)
    {
      g_autoptr(IvdMunicipality) municipality = g_list_model_get_item (all, i);

      if (region == NULL || g_strcmp0 (ivd_municipality_get_region (municipality), region) == 0)
        g_ptr_array_add (found, g_steal_pointer (&municipality));
    }
  g_ptr_array_sort (found, compare_municipality_names);
  return found;
}

IvdMunicipality *
ivd_catalog_lookup_municipality (IvdCatalog *self,
                                 const char *code)
{
  g_return_val_if_fail (IVD_IS_CATALOG (self), NULL);
  return code != NULL ? g_hash_table_lookup (self->by_code, code) : NULL;
}

/* Returns: (transfer none): the region's rule set, read on first use. */
IvdRuleSet *
ivd_catalog_get_rule_set (IvdCatalog  *self,
                          const char  *region,
                          GError     **error)
{
  IvdRuleSet *rule_set;
  g_autofree char *relative = NULL;
  g_autofree char *path = NULL;

  g_return_val_if_fail (IVD_IS_CATALOG (self), NULL);

  if ((rule_set = g_hash_table_lookup (self->rule_sets, region)) != NULL)
    return rule_set;

  if (!g_strv_contains (region_ids, region))
    return g_set_error (error, IVD_ERROR, IVD_ERROR_INVALID, _("unknown region “%s”"), region), NULL;

  relative = g_strdup_printf ("rules/%s.json", region);
  if ((path = find_file (self, relative)) == NULL)
    return missing_file (error, relative), NULL;

  if ((rule_set = ivd_rule_set_new_from_file (path, error)) == NULL)
    return NULL;

  if (g_strcmp0 (ivd_rule_set_get_region (rule_set), region) != 0)
    {
      g_set_error (error, IVD_ERROR, IVD_ERROR_DATA,
                   _("The rule file %s is for region “%s”"), relative, ivd_rule_set_get_region (rule_set));
      g_object_unref (rule_set);
      return NULL;
    }

  g_hash_table_insert (self->rule_sets, g_strdup (region), rule_set);
  return rule_set;
}

/* Returns: (transfer none) */
IvdSupplyTemplate *
ivd_catalog_get_supply_template (IvdCatalog  *self,
                                 GError     **error)
{
  g_autofree char *path = NULL;

  g_return_val_if_fail (IVD_IS_CATALOG (self), NULL);

  if (self->supplies != NULL)
    return self->supplies;

  if ((path = find_file (self, "supplies.json")) == NULL)
    return missing_file (error, "supplies.json"), NULL;

  self->supplies = ivd_supply_template_new_from_file (path, error);
  return self->supplies;
}

const char * const *
ivd_catalog_get_region_ids (void)
{
  return region_ids;
}
