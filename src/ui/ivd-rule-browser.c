#define G_LOG_DOMAIN "ivd-rule-browser"

#include "config.h"

#include <glib/gi18n.h>

#include "ivd-rule-browser.h"
#include "ivd-rule-row.h"

/* Pick a region and read its rules: id, plain text, source. The rule files
 * are what the evaluation uses, so what is shown here is what applies. */
struct _IvdRuleBrowser
{
  AdwBin          parent_instance;

  IvdCatalog     *catalog;
  char           *region;
  gboolean        filled;  /* the region names and the rows are made */

  AdwComboRow    *region_row;
  GtkStringList  *region_names;
  GtkInfoBar     *notice_bar;
  GtkLabel       *notice_label;
  AdwPreferencesGroup *agreement_group;
  AdwPreferencesGroup *rules_group;
  GtkListBox     *rules_list;
  AdwPreferencesGroup *checklist_group;
  GtkListBox     *checklist_list;
};

G_DEFINE_FINAL_TYPE (IvdRuleBrowser, ivd_rule_browser, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_REGION,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static GtkWidget *
create_rule_row (gpointer item,
                 gpointer user_data)
{
  return ivd_rule_row_new (IVD_RULE (item));
}

static void
show_notice (IvdRuleBrowser *self,
             const char     *text)
{
  gtk_label_set_label (self->notice_label, text ? text : "");
  gtk_info_bar_set_revealed (self->notice_bar, text != NULL);
}

static void
show_rule_set (IvdRuleBrowser *self)
{
  g_autoptr(GError) error = NULL;
  IvdRuleSet *rule_set = NULL;

  if (self->catalog != NULL && self->region != NULL)
    rule_set = ivd_catalog_get_rule_set (self->catalog, self->region, &error);

  gtk_list_box_bind_model (self->rules_list, rule_set ? ivd_rule_set_get_rules (rule_set) : NULL,
                           create_rule_row, NULL, NULL);
  gtk_list_box_bind_model (self->checklist_list, rule_set ? ivd_rule_set_get_checklist (rule_set) : NULL,
                           create_rule_row, NULL, NULL);
  gtk_widget_set_visible (GTK_WIDGET (self->rules_group), rule_set != NULL);
  gtk_widget_set_visible (GTK_WIDGET (self->checklist_group), rule_set != NULL);
  gtk_widget_set_visible (GTK_WIDGET (self->agreement_group), rule_set != NULL);

  if (rule_set == NULL)
    {
      show_notice (self, error ? error->message : NULL);
      return;
    }

  adw_preferences_group_set_title (self->agreement_group, ivd_rule_set_get_name (rule_set));
  adw_preferences_group_set_description (self->agreement_group, ivd_rule_set_get_agreement (rule_set));
  show_notice (self, ivd_rule_set_get_has_agreement (rule_set) ? NULL :
                     _("No agreement on IV treatment in municipal care is in force for this region in our sources. "
                       "Every plan here needs a manual review with the municipality."));
}

static void
select_region_row (IvdRuleBrowser *self)
{
  const char * const *ids = ivd_catalog_get_region_ids ();

  for (guint i = 0; ids[i] != NULL; i++)
    if (g_str_equal (ids[i], self->region))
      adw_combo_row_set_selected (self->region_row, i);
}

static void on_region_row_selected_cb (IvdRuleBrowser *self,
                                       GParamSpec     *pspec,
                                       AdwComboRow    *row);

/* The names need every region's rule file read, and each rule is a row of
 * wrapped text that the window's stack measures even while another page
 * shows: in the window that was tens of milliseconds before the first
 * frame, for a page one click away. So the names and the rows are made
 * when the browser is first mapped (or given a catalog while mapped). */
static void
fill (IvdRuleBrowser *self)
{
  const char * const *ids = ivd_catalog_get_region_ids ();
  guint n_names = g_list_model_get_n_items (G_LIST_MODEL (self->region_names));

  if (self->filled || self->catalog == NULL)
    return;
  self->filled = TRUE;

  /* Filling the names selects the first row, which would overwrite the
   * region (restored from settings, say): it is selected afterwards. */
  g_signal_handlers_block_by_func (self->region_row, on_region_row_selected_cb, self);
  gtk_string_list_splice (self->region_names, 0, n_names, NULL);
  for (guint i = 0; ids[i] != NULL; i++)
    {
      IvdRuleSet *rule_set = ivd_catalog_get_rule_set (self->catalog, ids[i], NULL);
      gtk_string_list_append (self->region_names, rule_set ? ivd_rule_set_get_name (rule_set) : ids[i]);
    }
  select_region_row (self);
  g_signal_handlers_unblock_by_func (self->region_row, on_region_row_selected_cb, self);
  show_rule_set (self);
}

static void
on_region_row_selected_cb (IvdRuleBrowser *self,
                           GParamSpec     *pspec,
                           AdwComboRow    *row)
{
  const char * const *ids = ivd_catalog_get_region_ids ();
  guint selected = adw_combo_row_get_selected (row);

  if (selected < g_strv_length ((char **) ids))
    ivd_rule_browser_set_region (self, ids[selected]);
}

static void
ivd_rule_browser_map (GtkWidget *widget)
{
  fill (IVD_RULE_BROWSER (widget));
  GTK_WIDGET_CLASS (ivd_rule_browser_parent_class)->map (widget);
}

static void
ivd_rule_browser_dispose (GObject *object)
{
  IvdRuleBrowser *self = (IvdRuleBrowser *) object;

  gtk_widget_dispose_template (GTK_WIDGET (self), IVD_TYPE_RULE_BROWSER);
  g_clear_object (&self->catalog);

  G_OBJECT_CLASS (ivd_rule_browser_parent_class)->dispose (object);
}

static void
ivd_rule_browser_finalize (GObject *object)
{
  IvdRuleBrowser *self = (IvdRuleBrowser *) object;

  g_clear_pointer (&self->region, g_free);

  G_OBJECT_CLASS (ivd_rule_browser_parent_class)->finalize (object);
}

static void
ivd_rule_browser_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  IvdRuleBrowser *self = IVD_RULE_BROWSER (object);

  switch (prop_id)
    {
    case PROP_REGION:
      g_value_set_string (value, self->region);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ivd_rule_browser_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  IvdRuleBrowser *self = IVD_RULE_BROWSER (object);

  switch (prop_id)
    {
    case PROP_REGION:
      ivd_rule_browser_set_region (self, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ivd_rule_browser_class_init (IvdRuleBrowserClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ivd_rule_browser_dispose;
  object_class->finalize = ivd_rule_browser_finalize;
  object_class->get_property = ivd_rule_browser_get_property;
  object_class->set_property = ivd_rule_browser_set_property;
  widget_class->map = ivd_rule_browser_map;

  properties[PROP_REGION] =
    g_param_spec_string ("region", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/ivdischarge/IvDischarge/ivd-rule-browser.ui");
  gtk_widget_class_bind_template_child (widget_class, IvdRuleBrowser, region_row);
  gtk_widget_class_bind_template_child (widget_class, IvdRuleBrowser, region_names);
  gtk_widget_class_bind_template_child (widget_class, IvdRuleBrowser, notice_bar);
  gtk_widget_class_bind_template_child (widget_class, IvdRuleBrowser, notice_label);
  gtk_widget_class_bind_template_child (widget_class, IvdRuleBrowser, agreement_group);
  gtk_widget_class_bind_template_child (widget_class, IvdRuleBrowser, rules_group);
  gtk_widget_class_bind_template_child (widget_class, IvdRuleBrowser, rules_list);
  gtk_widget_class_bind_template_child (widget_class, IvdRuleBrowser, checklist_group);
  gtk_widget_class_bind_template_child (widget_class, IvdRuleBrowser, checklist_list);
  gtk_widget_class_bind_template_callback (widget_class, on_region_row_selected_cb);
}

static void
ivd_rule_browser_init (IvdRuleBrowser *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

void
ivd_rule_browser_set_catalog (IvdRuleBrowser *self,
                              IvdCatalog     *catalog)
{
  g_return_if_fail (IVD_IS_RULE_BROWSER (self));
  g_return_if_fail (IVD_IS_CATALOG (catalog));

  if (!g_set_object (&self->catalog, catalog))
    return;

  self->filled = FALSE;
  if (self->region == NULL)
    ivd_rule_browser_set_region (self, ivd_catalog_get_region_ids ()[0]);
  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    fill (self);
}

const char *
ivd_rule_browser_get_region (IvdRuleBrowser *self)
{
  g_return_val_if_fail (IVD_IS_RULE_BROWSER (self), NULL);
  return self->region;
}

/* Unknown region ids (an old setting, say) are ignored. */
void
ivd_rule_browser_set_region (IvdRuleBrowser *self,
                             const char     *region)
{
  const char * const *ids = ivd_catalog_get_region_ids ();

  g_return_if_fail (IVD_IS_RULE_BROWSER (self));

  if (region == NULL || !g_strv_contains (ids, region) || g_strcmp0 (self->region, region) == 0)
    return;

  g_free (self->region);
  self->region = g_strdup (region);

  if (self->filled)
    {
      select_region_row (self);
      show_rule_set (self);
    }
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_REGION]);
}
