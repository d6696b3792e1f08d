#define G_LOG_DOMAIN "ivd-supply-row"

#include "config.h"

#include <inttypes.h>

#include <glib/gi18n.h>

#include "ivd-labels.h"
#include "ivd-supply-row.h"

/* One line of the supply list: the item, its kind and a quantity the
 * doctor can adjust. An adjusted quantity is stored in the plan's
 * supplies.adjusted and says what was computed, with a button back to it. */
struct _IvdSupplyRow
{
  AdwActionRow   parent_instance;

  IvdPlan       *plan;
  IvdSupply     *supply;
  gboolean       updating;

  GtkLabel      *not_computed_label;
  GtkSpinButton *spin;
  GtkLabel      *unit_label;
  GtkButton     *reset_button;
};

G_DEFINE_FINAL_TYPE (IvdSupplyRow, ivd_supply_row, ADW_TYPE_ACTION_ROW)

static char *
describe (IvdSupply *supply)
{
  const char *category = ivd_labels_supply_category (ivd_supply_get_category (supply));
  gint64 computed = ivd_supply_get_computed_quantity (supply);

  if (!ivd_supply_get_adjusted (supply))
    return g_strdup (category);
  if (computed < 0)
    /* Translators: a supply's kind, then that its quantity was typed in */
    return g_strdup_printf (_("%s · adjusted; not computed"), category);
  /* Translators: a supply's kind, then the quantity the app computed */
  return g_strdup_printf (_("%s · adjusted; computed: %" PRId64), category, computed);
}

static void
show_supply (IvdSupplyRow *self)
{
  IvdSupply *supply = self->supply;
  gint64 quantity = ivd_supply_get_quantity (supply);
  g_autofree char *subtitle = describe (supply);
  g_autofree char *label = g_strdup_printf (_("Quantity of %s"), ivd_supply_get_item (supply));

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self), ivd_supply_get_item (supply));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (self), subtitle);
  gtk_label_set_label (self->unit_label, ivd_supply_get_unit (supply));

  /* A quantity the plan cannot give yet is not shown as 0. */
  gtk_widget_set_visible (GTK_WIDGET (self->spin), quantity >= 0);
  gtk_widget_set_visible (GTK_WIDGET (self->unit_label), quantity >= 0);
  gtk_widget_set_visible (GTK_WIDGET (self->not_computed_label), quantity < 0);
  if (quantity >= 0 && (gint64) gtk_spin_button_get_value (self->spin) != quantity)
    {
      self->updating = TRUE;
      gtk_spin_button_set_value (self->spin, (double) quantity);
      self->updating = FALSE;
    }

  gtk_widget_set_visible (GTK_WIDGET (self->reset_button), ivd_supply_get_adjusted (supply));
  gtk_actionable_set_action_target (GTK_ACTIONABLE (self->reset_button), "s", ivd_supply_get_key (supply));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->spin), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->reset_button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Use the computed quantity"), -1);
}

static void
on_spin_value_changed_cb (IvdSupplyRow *self)
{
  gint64 value = (gint64) gtk_spin_button_get_value (self->spin);

  if (self->updating || self->supply == NULL)
    return;

  /* Typing the computed quantity is no adjustment: it follows the plan again. */
  ivd_plan_set_adjusted_supply (self->plan, ivd_supply_get_key (self->supply),
                                value == ivd_supply_get_computed_quantity (self->supply) ? -1 : value);
}

static void
ivd_supply_row_dispose (GObject *object)
{
  IvdSupplyRow *self = (IvdSupplyRow *) object;

  gtk_widget_dispose_template (GTK_WIDGET (self), IVD_TYPE_SUPPLY_ROW);
  g_clear_object (&self->supply);
  g_clear_object (&self->plan);

  G_OBJECT_CLASS (ivd_supply_row_parent_class)->dispose (object);
}

static void
ivd_supply_row_class_init (IvdSupplyRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ivd_supply_row_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/ivdischarge/IvDischarge/ivd-supply-row.ui");
  gtk_widget_class_bind_template_child (widget_class, IvdSupplyRow, not_computed_label);
  gtk_widget_class_bind_template_child (widget_class, IvdSupplyRow, spin);
  gtk_widget_class_bind_template_child (widget_class, IvdSupplyRow, unit_label);
  gtk_widget_class_bind_template_child (widget_class, IvdSupplyRow, reset_button);
  gtk_widget_class_bind_template_callback (widget_class, on_spin_value_changed_cb);
}

static void
ivd_supply_row_init (IvdSupplyRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  /* What the plan file accepts (ivd-plan.c validates the same range). */
  gtk_spin_button_set_range (self->spin, 0, IVD_PLAN_MAX_SUPPLY_QUANTITY);
}

GtkWidget *
ivd_supply_row_new (IvdPlan   *plan,
                    IvdSupply *supply)
{
  IvdSupplyRow *self;

  g_return_val_if_fail (IVD_IS_PLAN (plan), NULL);
  g_return_val_if_fail (IVD_IS_SUPPLY (supply), NULL);

  self = g_object_new (IVD_TYPE_SUPPLY_ROW, NULL);
  self->plan = g_object_ref (plan);
  ivd_supply_row_set_supply (self, supply);
  return GTK_WIDGET (self);
}

const char *
ivd_supply_row_get_key (IvdSupplyRow *self)
{
  g_return_val_if_fail (IVD_IS_SUPPLY_ROW (self), NULL);
  return ivd_supply_get_key (self->supply);
}

/* Shows @supply, the same line in a newer evaluation, in place: a quantity
 * being typed keeps its focus. */
void
ivd_supply_row_set_supply (IvdSupplyRow *self,
                           IvdSupply    *supply)
{
  g_return_if_fail (IVD_IS_SUPPLY_ROW (self));
  g_return_if_fail (IVD_IS_SUPPLY (supply));

  g_set_object (&self->supply, supply);
  show_supply (self);
}
