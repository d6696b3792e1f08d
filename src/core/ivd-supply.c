#define G_LOG_DOMAIN "ivd-supply"

#include "ivd-json.h"
#include "ivd-supply.h"

/* One line of the supply list the hospital sends with the patient. */
struct _IvdSupply
{
  GObject  parent_instance;
  char    *category;
  char    *item;
  gint64   quantity;  /* -1: unknown until the plan has treatment days */
  char    *unit;
};

G_DEFINE_FINAL_TYPE (IvdSupply, ivd_supply, G_TYPE_OBJECT)

static void
ivd_supply_finalize (GObject *object)
{
  IvdSupply *self = (IvdSupply *) object;

  g_clear_pointer (&self->category, g_free);
  g_clear_pointer (&self->item, g_free);
  g_clear_pointer (&self->unit, g_free);

  G_OBJECT_CLASS (ivd_supply_parent_class)->finalize (object);
}

static void
ivd_supply_class_init (IvdSupplyClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = ivd_supply_finalize;
}

static void
ivd_supply_init (IvdSupply *self)
{
}

IvdSupply *
ivd_supply_new (const char *category,
                const char *item,
                gint64      quantity,
                const char *unit)
{
  IvdSupply *self = g_object_new (IVD_TYPE_SUPPLY, NULL);

  self->category = g_strdup (category);
  self->item = g_strdup (item);
  self->quantity = quantity;
  self->unit = g_strdup (unit);
  return self;
}

const char *
ivd_supply_get_category (IvdSupply *self)
{
  g_return_val_if_fail (IVD_IS_SUPPLY (self), NULL);
  return self->category;
}

const char *
ivd_supply_get_item (IvdSupply *self)
{
  g_return_val_if_fail (IVD_IS_SUPPLY (self), NULL);
  return self->item;
}

gint64
ivd_supply_get_quantity (IvdSupply *self)
{
  g_return_val_if_fail (IVD_IS_SUPPLY (self), -1);
  return self->quantity;
}

const char *
ivd_supply_get_unit (IvdSupply *self)
{
  g_return_val_if_fail (IVD_IS_SUPPLY (self), NULL);
  return self->unit;
}

JsonNode *
ivd_supply_to_json (IvdSupply *self)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  g_return_val_if_fail (IVD_IS_SUPPLY (self), NULL);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "category");
  json_builder_add_string_value (builder, self->category);
  json_builder_set_member_name (builder, "item");
  json_builder_add_string_value (builder, self->item);
  ivd_json_builder_add_int_or_null (builder, "quantity", self->quantity);
  json_builder_set_member_name (builder, "unit");
  json_builder_add_string_value (builder, self->unit);
  json_builder_end_object (builder);

  return json_builder_get_root (builder);
}
