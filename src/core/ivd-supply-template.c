#define G_LOG_DOMAIN "ivd-supply-template"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "ivd-error.h"
#include "ivd-json.h"
#include "ivd-supply.h"
#include "ivd-supply-template.h"

/* The supply list as data (data/supplies.json): each item says what it is,
 * when it applies and how its quantity follows from the plan. */
struct _IvdSupplyTemplate
{
  GObject     parent_instance;
  JsonObject *object;
};

G_DEFINE_FINAL_TYPE (IvdSupplyTemplate, ivd_supply_template, G_TYPE_OBJECT)

static const char * const pers[] = { "administration", "day", "week", "course", NULL };
static const char * const categories[] = { "medicine", "fluid", "pump", "nursing", "disposal", NULL };

static gboolean
validate_item (JsonNode  *node,
               guint      index,
               GError   **error)
{
  JsonObject *item;

  if (!JSON_NODE_HOLDS_OBJECT (node))
    return g_set_error (error, IVD_ERROR, IVD_ERROR_DATA, _("item %u must be an object"), index + 1), FALSE;

  item = json_node_get_object (node);
  if (!g_strv_contains (categories, ivd_json_get_string (item, "category") ?: "") ||
      !g_strv_contains (pers, ivd_json_get_string (item, "per") ?: "") ||
      !ivd_json_is_integer (json_object_get_member (item, "amount")) ||
      ivd_json_get_localized (item, "item") == NULL ||
      ivd_json_get_localized (item, "unit") == NULL)
    return g_set_error (error, IVD_ERROR, IVD_ERROR_DATA,
                        _("item %u needs “category”, “item”, “unit”, “per” and a whole-number “amount”"),
                        index + 1), FALSE;

  return TRUE;
}

/* Quantity for the whole course; -1 when the plan lacks what it needs. */
static gint64
quantity_for (const char *per,
              gint64      amount,
              gint64      per_day,
              gint64      days)
{
  if (g_str_equal (per, "course"))
    return amount;
  if (days < 0)
    return -1;
  if (g_str_equal (per, "day"))
    return amount * days;
  if (g_str_equal (per, "week"))
    return amount * ((days + 6) / 7);
  if (per_day < 0)
    return -1;
  return amount * per_day * days;
}

/* A text of the template in @language ("da"), or in the user's language
 * when @language is NULL. */
static const char *
text_in (JsonObject *object,
         const char *member,
         const char *language)
{
  JsonNode *node = json_object_get_member (object, member);

  if (language != NULL && node != NULL && JSON_NODE_HOLDS_OBJECT (node) &&
      ivd_json_get_string (json_node_get_object (node), language) != NULL)
    return ivd_json_get_string (json_node_get_object (node), language);
  return ivd_json_get_localized (object, member);
}

static char *
item_text (IvdSupplyTemplate *self,
           JsonObject        *item,
           IvdPlan           *plan,
           const char        *language)
{
  g_autoptr(GString) text = g_string_new (text_in (item, "item", language));
  const char *drug = ivd_plan_get_string (plan, "treatment.drug");
  const char *dose = ivd_plan_get_string (plan, "treatment.dose");
  const char *type = ivd_plan_get_string (plan, "treatment.type");

  if (drug == NULL && type != NULL && json_object_has_member (self->object, "default_drug"))
    drug = text_in (json_object_get_object_member (self->object, "default_drug"), type, language);

  g_string_replace (text, "{drug}", drug ? drug : "", 0);
  g_string_replace (text, "{dose}", dose ? dose : "", 0);
  g_strstrip (text->str);
  text->len = strlen (text->str);
  return g_string_free (g_steal_pointer (&text), FALSE);
}

/* The line as the plan's supplies.adjusted names it, and the doctor's
 * quantity in place of the computed one when there is one. */
static void
apply_adjustment (IvdSupplyTemplate *self,
                  IvdSupply         *supply,
                  JsonObject        *item,
                  IvdPlan           *plan)
{
  g_autofree char *danish = item_text (self, item, plan, "da");
  g_autofree char *key = g_strdup_printf ("%s/%s", ivd_supply_get_category (supply), danish);
  gint64 quantity;

  ivd_supply_set_key (supply, key);
  if (ivd_plan_lookup_adjusted_supply (plan, key, &quantity))
    ivd_supply_adjust (supply, quantity);
}

static void
ivd_supply_template_finalize (GObject *object)
{
  IvdSupplyTemplate *self = (IvdSupplyTemplate *) object;

  g_clear_pointer (&self->object, json_object_unref);

  G_OBJECT_CLASS (ivd_supply_template_parent_class)->finalize (object);
}

static void
ivd_supply_template_class_init (IvdSupplyTemplateClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = ivd_supply_template_finalize;
}

static void
ivd_supply_template_init (IvdSupplyTemplate *self)
{
}

IvdSupplyTemplate *
ivd_supply_template_new_from_file (const char  *path,
                                   GError     **error)
{
  g_autoptr(JsonNode) node = NULL;
  g_autoptr(GError) local_error = NULL;
  IvdSupplyTemplate *self;
  JsonNode *items;

  node = ivd_json_parse_file (path, 1024 * 1024, &local_error);
  if (node != NULL && JSON_NODE_HOLDS_OBJECT (node) &&
      g_strcmp0 (ivd_json_get_string (json_node_get_object (node), "format"), IVD_SUPPLY_TEMPLATE_FORMAT) == 0 &&
      (items = json_object_get_member (json_node_get_object (node), "items")) != NULL &&
      JSON_NODE_HOLDS_ARRAY (items))
    {
      JsonArray *array = json_node_get_array (items);
      for (guint i = 0; i < json_array_get_length (array) && local_error == NULL; i++)
        validate_item (json_array_get_element (array, i), i, &local_error);
    }
  else if (local_error == NULL)
    g_set_error (&local_error, IVD_ERROR, IVD_ERROR_DATA,
                 _("expected an object with “format”: “%s” and “items”"), IVD_SUPPLY_TEMPLATE_FORMAT);

  if (local_error != NULL)
    {
      g_set_error (error, IVD_ERROR, IVD_ERROR_DATA,
                   _("The supply template cannot be used: %s"), local_error->message);
      return NULL;
    }

  self = g_object_new (IVD_TYPE_SUPPLY_TEMPLATE, NULL);
  self->object = json_object_ref (json_node_get_object (node));
  return self;
}

/**
 * ivd_supply_template_compute:
 * @administrations_per_day: visits a day (a 24-hour pump's daily set-ups),
 *   or -1 when not known
 *
 * Quantities the doctor adjusted (the plan's supplies.adjusted) replace
 * the computed ones; each #IvdSupply keeps both.
 *
 * Returns: (transfer full): a list of #IvdSupply for the whole course.
 */
GListModel *
ivd_supply_template_compute (IvdSupplyTemplate *self,
                             IvdPlan           *plan,
                             gint64             administrations_per_day)
{
  GListStore *store = g_list_store_new (IVD_TYPE_SUPPLY);
  JsonArray *items = json_object_get_array_member (self->object, "items");
  gint64 days = -1;

  g_return_val_if_fail (IVD_IS_SUPPLY_TEMPLATE (self), G_LIST_MODEL (store));

  ivd_plan_lookup_int (plan, "treatment.days", &days);

  for (guint i = 0; i < json_array_get_length (items); i++)
    {
      JsonObject *item = json_array_get_object_element (items, i);
      JsonNode *when = json_object_get_member (item, "when");
      g_autofree char *text = NULL;
      g_autoptr(IvdSupply) supply = NULL;

      if (when != NULL && (!JSON_NODE_HOLDS_OBJECT (when) ||
                           !ivd_plan_matches (plan, json_node_get_object (when))))
        continue;

      text = item_text (self, item, plan, NULL);
      supply = ivd_supply_new (json_object_get_string_member (item, "category"), text,
                               quantity_for (json_object_get_string_member (item, "per"),
                                             json_object_get_int_member (item, "amount"),
                                             administrations_per_day, days),
                               ivd_json_get_localized (item, "unit"));
      apply_adjustment (self, supply, item, plan);
      g_list_store_append (store, supply);
    }

  return G_LIST_MODEL (store);
}
