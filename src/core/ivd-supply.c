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
  char    *key;       /* names the line in the plan's supplies.adjusted */
  gint64   computed;  /* what the template gave, before the doctor's adjustment */
  gboolean adjusted;
};

G_DEFINE_FINAL_TYPE (IvdSupply, ivd_supply, G_TYPE_OBJECT)

static void
ivd_supply_finalize (GObject *object)
{
  IvdSupply *self = (IvdSupply *) object;

  g_clear_pointer (&self->category, g_free);
  g_clear_pointer (&self->item, g_free);
  g_clear_pointer (&self->unit, g_free);
  g_clear_pointer (&self->key, g_free);

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
  self->computed = quantity;
  self->unit = g_strdup (unit);
  self->key = g_strdup_printf ("%s/%s", category, item);
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

/* "<category>/<item>": the item as the supply template names it in Danish,
 * so that an adjustment made under one language holds under another. */
const char *
ivd_supply_get_key (IvdSupply *self)
{
  g_return_val_if_fail (IVD_IS_SUPPLY (self), NULL);
  return self->key;
}

void
ivd_supply_set_key (IvdSupply  *self,
                    const char *key)
{
  g_return_if_fail (IVD_IS_SUPPLY (self));
  g_return_if_fail (key != NULL);

  g_free (self->key);
  self->key = g_strdup (key);
}

/* The template's quantity, also when the doctor has adjusted it; -1 when
 * the plan lacks what it needs. */
gint64
ivd_supply_get_computed_quantity (IvdSupply *self)
{
  g_return_val_if_fail (IVD_IS_SUPPLY (self), -1);
  return self->computed;
}

gboolean
ivd_supply_get_adjusted (IvdSupply *self)
{
  g_return_val_if_fail (IVD_IS_SUPPLY (self), FALSE);
  return self->adjusted;
}

/* The doctor's quantity replaces the computed one (which stays readable). */
void
ivd_supply_adjust (IvdSupply *self,
                   gint64     quantity)
{
  g_return_if_fail (IVD_IS_SUPPLY (self));
  g_return_if_fail (quantity >= 0);

  self->quantity = quantity;
  self->adjusted = TRUE;
}
