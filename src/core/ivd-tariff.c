#define G_LOG_DOMAIN "ivd-tariff"

#include "ivd-json.h"
#include "ivd-tariff.h"

/* Payment for one course: Hovedstaden's course-plus-day tariff (domain §11)
 * or the 70/30 region/municipality split of Nordjylland and Midtjylland.
 * Amounts come from the rule file; nothing here knows a price. */
struct _IvdTariff
{
  GObject  parent_instance;
  gboolean split;
  char    *category;
  int      step;
  gint64   course_dkk;
  gint64   day_dkk;
  gint64   included_days;
  gint64   extra_days;      /* -1: unknown, the plan has no treatment days */
  gint64   total_dkk;       /* -1: unknown */
  gint64   region_pct;
  gint64   municipality_pct;
};

G_DEFINE_FINAL_TYPE (IvdTariff, ivd_tariff, G_TYPE_OBJECT)

static gint64
int_at (JsonObject *object,
        const char *member,
        guint       index)
{
  JsonNode *node = json_object_get_member (object, member);
  JsonArray *array;

  if (node == NULL || !JSON_NODE_HOLDS_ARRAY (node))
    return -1;
  array = json_node_get_array (node);
  if (index >= json_array_get_length (array) ||
      !ivd_json_is_integer (json_array_get_element (array, index)))
    return -1;
  return json_array_get_int_element (array, index);
}

static void
ivd_tariff_finalize (GObject *object)
{
  IvdTariff *self = (IvdTariff *) object;

  g_clear_pointer (&self->category, g_free);

  G_OBJECT_CLASS (ivd_tariff_parent_class)->finalize (object);
}

static void
ivd_tariff_class_init (IvdTariffClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = ivd_tariff_finalize;
}

static void
ivd_tariff_init (IvdTariff *self)
{
  self->extra_days = -1;
  self->total_dkk = -1;
}

/**
 * ivd_tariff_compute:
 * @table: the rule file's "tariff" object
 * @category: "antibiotic", "fluid" or "pump" (ignored for a split)
 * @step: tariff step 1-3
 * @days: treatment days, or -1 when not known
 *
 * Returns: (nullable): the tariff, or %NULL when the table has nothing for
 * this category.
 */
IvdTariff *
ivd_tariff_compute (JsonObject *table,
                    const char *category,
                    int         step,
                    gint64      days)
{
  g_autoptr(IvdTariff) self = g_object_new (IVD_TYPE_TARIFF, NULL);
  const char *kind = ivd_json_get_string (table, "kind");
  JsonNode *categories;
  JsonNode *entry;

  if (g_strcmp0 (kind, "split") == 0)
    {
      self->split = TRUE;
      self->region_pct = json_object_get_int_member_with_default (table, "region_pct", 0);
      self->municipality_pct = json_object_get_int_member_with_default (table, "municipality_pct", 0);
      return g_steal_pointer (&self);
    }

  categories = json_object_get_member (table, "categories");
  if (category == NULL || categories == NULL || !JSON_NODE_HOLDS_OBJECT (categories))
    return NULL;
  entry = json_object_get_member (json_node_get_object (categories), category);
  if (entry == NULL || !JSON_NODE_HOLDS_OBJECT (entry))
    return NULL;

  self->category = g_strdup (category);
  self->step = step;
  self->course_dkk = int_at (json_node_get_object (entry), "course_dkk", step - 1);
  self->day_dkk = int_at (json_node_get_object (entry), "day_dkk", step - 1);
  self->included_days = json_object_get_int_member_with_default (json_node_get_object (entry), "included_days", 0);
  if (self->course_dkk < 0 || self->day_dkk < 0)
    return NULL;

  if (days >= 0)
    {
      self->extra_days = MAX (0, days - self->included_days);
      self->total_dkk = self->course_dkk + self->extra_days * self->day_dkk;
    }

  return g_steal_pointer (&self);
}

JsonNode *
ivd_tariff_to_json (IvdTariff *self)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  g_return_val_if_fail (IVD_IS_TARIFF (self), NULL);

  json_builder_begin_object (builder);
  if (self->split)
    {
      ivd_json_builder_add_int_or_null (builder, "region_pct", self->region_pct);
      ivd_json_builder_add_int_or_null (builder, "municipality_pct", self->municipality_pct);
    }
  else
    {
      json_builder_set_member_name (builder, "category");
      json_builder_add_string_value (builder, self->category);
      ivd_json_builder_add_int_or_null (builder, "step", self->step);
      ivd_json_builder_add_int_or_null (builder, "course_dkk", self->course_dkk);
      ivd_json_builder_add_int_or_null (builder, "day_dkk", self->day_dkk);
      ivd_json_builder_add_int_or_null (builder, "included_days", self->included_days);
      ivd_json_builder_add_int_or_null (builder, "extra_days", self->extra_days);
      ivd_json_builder_add_int_or_null (builder, "total_dkk", self->total_dkk);
    }
  json_builder_end_object (builder);

  return json_builder_get_root (builder);
}

