#define G_LOG_DOMAIN "ivd-supplies-page"

#include "config.h"

#include <glib/gi18n.h>

#include "ivd-checklist-item.h"
#include "ivd-directory.h"
#include "ivd-plan-binding.h"
#include "ivd-plan-steps.h"
#include "ivd-supplies-page.h"
#include "ivd-supply-row.h"

/* Step 7: what the hospital sends with the patient (001 §2.3). The list
 * is computed from the plan and each quantity can be adjusted; delivery to
 * the home or to the municipality's depot, whose address comes from the
 * municipality directory; and the SUPPLY-* items of the checklist. */
struct _IvdSuppliesPage
{
  IvdStepPage          parent_instance;

  IvdDirectory        *directory;
  char                *directory_error;
  GPtrArray           *supply_rows;
  GPtrArray           *check_rows;
  gboolean             showing_delivery;

  AdwPreferencesGroup *supplies_group;
  AdwActionRow        *no_supplies_row;
  GtkCheckButton      *home_check;
  GtkCheckButton      *depot_check;
  AdwActionRow        *depot_address_row;
  AdwPreferencesGroup *sent_group;
};

G_DEFINE_FINAL_TYPE (IvdSuppliesPage, ivd_supplies_page, IVD_TYPE_STEP_PAGE)

static GListModel *
supplies (IvdSuppliesPage *self)
{
  IvdEvaluation *evaluation = ivd_step_page_get_evaluation (IVD_STEP_PAGE (self));

  return evaluation ? ivd_evaluation_get_supplies (evaluation) : NULL;
}

/* Read again when the page is shown: a coordinator may have filled in the
 * depot in the meantime. */
static void
load_directory (IvdSuppliesPage *self)
{
  IvdPlanSession *session = ivd_step_page_get_session (IVD_STEP_PAGE (self));
  IvdCatalog *catalog = ivd_store_get_catalog (ivd_plan_session_get_store (session));
  g_autoptr(GError) error = NULL;

  g_clear_object (&self->directory);
  g_clear_pointer (&self->directory_error, g_free);
  self->directory = ivd_directory_new_default (catalog, &error);
  if (self->directory == NULL)
    self->directory_error = g_strdup (error->message);
}

/* Whether the rows show the same lines, in the same order, as @model. */
static gboolean
same_lines (GPtrArray  *rows,
            GListModel *model)
{
  guint n = model ? g_list_model_get_n_items (model) : 0;

  if (rows->len != n)
    return FALSE;
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(IvdSupply) supply = g_list_model_get_item (model, i);

      if (g_strcmp0 (ivd_supply_row_get_key (g_ptr_array_index (rows, i)), ivd_supply_get_key (supply)) != 0)
        return FALSE;
    }
  return TRUE;
}

static void
clear_rows (AdwPreferencesGroup *group,
            GPtrArray           *rows)
{
  for (guint i = 0; i < rows->len; i++)
    adw_preferences_group_remove (group, g_ptr_array_index (rows, i));
  g_ptr_array_set_size (rows, 0);
}

/* Rows are updated in place while the lines stay the same, so that a
 * quantity being typed keeps its focus; rebuilt when the lines change. */
static void
show_supplies (IvdSuppliesPage *self)
{
  GListModel *model = supplies (self);
  guint n = model ? g_list_model_get_n_items (model) : 0;
  gboolean same = same_lines (self->supply_rows, model);

  if (!same)
    clear_rows (self->supplies_group, self->supply_rows);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(IvdSupply) supply = g_list_model_get_item (model, i);

      if (same)
        ivd_supply_row_set_supply (g_ptr_array_index (self->supply_rows, i), supply);
      else
        {
          GtkWidget *row = ivd_supply_row_new (ivd_step_page_get_plan (IVD_STEP_PAGE (self)), supply);

          g_ptr_array_add (self->supply_rows, row);
          adw_preferences_group_add (self->supplies_group, row);
        }
    }
  gtk_widget_set_visible (GTK_WIDGET (self->no_supplies_row), n == 0);
}

static void
show_delivery (IvdSuppliesPage *self)
{
  IvdPlan *plan = ivd_step_page_get_plan (IVD_STEP_PAGE (self));
  const char *delivery = ivd_plan_get_string (plan, "supplies.delivery");
  const char *code = ivd_plan_get_string (plan, "patient.municipality_code");
  IvdDirectoryEntry *entry = self->directory && code ? ivd_directory_lookup (self->directory, code) : NULL;
  const char *address = entry ? ivd_directory_entry_get_depot_address (entry) : NULL;
  gboolean depot = g_strcmp0 (delivery, "depot") == 0;

  self->showing_delivery = TRUE;
  gtk_check_button_set_active (self->home_check, g_strcmp0 (delivery, "home") == 0);
  gtk_check_button_set_active (self->depot_check, depot);
  self->showing_delivery = FALSE;

  gtk_widget_set_visible (GTK_WIDGET (self->depot_address_row), depot);
  if (self->directory_error != NULL)
    adw_action_row_set_subtitle (self->depot_address_row, self->directory_error);
  else if (code == NULL)
    adw_action_row_set_subtitle (self->depot_address_row, _("Choose the home municipality first"));
  else
    adw_action_row_set_subtitle (self->depot_address_row,
                                 address != NULL && *address != '\0' ? address : _("not filled in"));
}

static GtkWidget *
create_check_row (IvdSuppliesPage  *self,
                  IvdChecklistItem *item)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *check = gtk_check_button_new ();
  g_autofree char *path = g_strconcat ("checklist.", ivd_checklist_item_get_id (item), NULL);
  g_autofree char *subtitle = g_strdup_printf ("%s · %s", ivd_checklist_item_get_id (item),
                                               ivd_checklist_item_get_source (item));

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), ivd_checklist_item_get_text (item));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  gtk_widget_set_valign (check, GTK_ALIGN_CENTER);
  gtk_accessible_update_property (GTK_ACCESSIBLE (check), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  ivd_checklist_item_get_text (item), -1);
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), check);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), check);
  ivd_plan_binding_check (GTK_CHECK_BUTTON (check), ivd_step_page_get_plan (IVD_STEP_PAGE (self)), path);
  g_object_set_data_full (G_OBJECT (row), "item-id", g_strdup (ivd_checklist_item_get_id (item)), g_free);
  return row;
}

/* The checklist items settled in this step (SUPPLY-*). */
static GPtrArray *
own_items (IvdSuppliesPage *self)
{
  IvdEvaluation *evaluation = ivd_step_page_get_evaluation (IVD_STEP_PAGE (self));
  GListModel *checklist = evaluation ? ivd_evaluation_get_checklist (evaluation) : NULL;
  GPtrArray *items = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; checklist != NULL && i < g_list_model_get_n_items (checklist); i++)
    {
      g_autoptr(IvdChecklistItem) item = g_list_model_get_item (checklist, i);

      if (ivd_plan_steps_for_rule (ivd_checklist_item_get_id (item)) == IVD_STEP_SUPPLIES)
        g_ptr_array_add (items, g_steal_pointer (&item));
    }
  return items;
}

/* The check rows are bound to the plan, so only a different set of items
 * (another region, no IV course) makes new ones. */
static void
show_checklist (IvdSuppliesPage *self)
{
  g_autoptr(GPtrArray) items = own_items (self);
  gboolean same = items->len == self->check_rows->len;

  for (guint i = 0; same && i < items->len; i++)
    same = g_str_equal (g_object_get_data (g_ptr_array_index (self->check_rows, i), "item-id"),
                        ivd_checklist_item_get_id (g_ptr_array_index (items, i)));
  if (!same)
    {
      clear_rows (self->sent_group, self->check_rows);
      for (guint i = 0; i < items->len; i++)
        {
          GtkWidget *row = create_check_row (self, g_ptr_array_index (items, i));

          g_ptr_array_add (self->check_rows, row);
          adw_preferences_group_add (self->sent_group, row);
        }
    }
  gtk_widget_set_visible (GTK_WIDGET (self->sent_group), items->len > 0);
}

static void
on_delivery_toggled_cb (IvdSuppliesPage *self,
                        GtkCheckButton  *check)
{
  IvdPlan *plan = ivd_step_page_get_plan (IVD_STEP_PAGE (self));

  /* Only the button that became active speaks; the other only let go. */
  if (plan == NULL || self->showing_delivery || !gtk_check_button_get_active (check))
    return;

  ivd_plan_set_string (plan, "supplies.delivery", check == self->depot_check ? "depot" : "home");
}

static void
ivd_supplies_page_evaluation_changed (IvdStepPage *page)
{
  IvdSuppliesPage *self = IVD_SUPPLIES_PAGE (page);

  show_supplies (self);
  show_delivery (self);
  show_checklist (self);
}

static void
on_map_cb (IvdSuppliesPage *self)
{
  if (ivd_step_page_get_session (IVD_STEP_PAGE (self)) == NULL)
    return;
  load_directory (self);
  show_delivery (self);
}

static void
reset_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  IvdPlan *plan = ivd_step_page_get_plan (IVD_STEP_PAGE (widget));

  if (plan != NULL)
    ivd_plan_set_adjusted_supply (plan, g_variant_get_string (parameter, NULL), -1);
}

static void
ivd_supplies_page_session_set (IvdStepPage *page)
{
  load_directory (IVD_SUPPLIES_PAGE (page));
}

static void
ivd_supplies_page_dispose (GObject *object)
{
  IvdSuppliesPage *self = (IvdSuppliesPage *) object;

  gtk_widget_dispose_template (GTK_WIDGET (self), IVD_TYPE_SUPPLIES_PAGE);
  g_clear_pointer (&self->supply_rows, g_ptr_array_unref);
  g_clear_pointer (&self->check_rows, g_ptr_array_unref);
  g_clear_pointer (&self->directory_error, g_free);
  g_clear_object (&self->directory);

  G_OBJECT_CLASS (ivd_supplies_page_parent_class)->dispose (object);
}

static void
ivd_supplies_page_class_init (IvdSuppliesPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  IvdStepPageClass *page_class = IVD_STEP_PAGE_CLASS (klass);

  object_class->dispose = ivd_supplies_page_dispose;
  page_class->session_set = ivd_supplies_page_session_set;
  page_class->evaluation_changed = ivd_supplies_page_evaluation_changed;

  /* A supply line back to its computed quantity, by the line's key. */
  gtk_widget_class_install_action (widget_class, "supplies.reset", "s", reset_action);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/ivdischarge/IvDischarge/ivd-supplies-page.ui");
  gtk_widget_class_bind_template_child (widget_class, IvdSuppliesPage, supplies_group);
  gtk_widget_class_bind_template_child (widget_class, IvdSuppliesPage, no_supplies_row);
  gtk_widget_class_bind_template_child (widget_class, IvdSuppliesPage, home_check);
  gtk_widget_class_bind_template_child (widget_class, IvdSuppliesPage, depot_check);
  gtk_widget_class_bind_template_child (widget_class, IvdSuppliesPage, depot_address_row);
  gtk_widget_class_bind_template_child (widget_class, IvdSuppliesPage, sent_group);
  gtk_widget_class_bind_template_callback (widget_class, on_delivery_toggled_cb);
}

static void
ivd_supplies_page_init (IvdSuppliesPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->supply_rows = g_ptr_array_new ();
  self->check_rows = g_ptr_array_new ();
  g_signal_connect (self, "map", G_CALLBACK (on_map_cb), NULL);
}
