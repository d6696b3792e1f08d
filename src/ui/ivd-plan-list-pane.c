#define G_LOG_DOMAIN "ivd-plan-list-pane"

#include "config.h"

#include <glib/gi18n.h>

#include "ivd-cpr.h"
#include "ivd-plan-list.h"
#include "ivd-plan-list-pane.h"
#include "ivd-plan-status.h"
#include "ivd-plan-summary.h"

/* The doctor's plans, most recently changed first, searchable by name or
 * CPR number. The list is the store's lazy list model: a large database
 * is read a page at a time. Activating a row emits "plan-activated". */
struct _IvdPlanListPane
{
  AdwBin              parent_instance;

  IvdPlanQuery       *query;
  IvdPlanList        *plans;
  GtkSingleSelection *selection;
  char               *selected_id;
  gboolean            opening;  /* the store is being opened */

  GtkSearchEntry     *search_entry;
  GtkStack           *stack;
  GtkListView        *list_view;
  AdwStatusPage      *empty_page;
  GtkSpinner         *opening_spinner;
};

G_DEFINE_FINAL_TYPE (IvdPlanListPane, ivd_plan_list_pane, ADW_TYPE_BIN)

enum {
  PLAN_ACTIVATED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static char *
ivd_plan_row_title (GtkListItem *item,
                    const char  *name)
{
  return g_strdup (name != NULL && *name != '\0' ? name : _("Unnamed patient"));
}

static char *
ivd_plan_row_status (GtkListItem   *item,
                     IvdPlanStatus  status)
{
  return g_strdup (ivd_plan_status_get_label (status));
}

/* The CPR number masked: the list may be seen over a shoulder. */
static char *
ivd_plan_row_subtitle (GtkListItem *item,
                       const char  *cpr,
                       const char  *updated)
{
  g_autofree char *masked = cpr != NULL ? ivd_cpr_mask (cpr) : NULL;
  g_autoptr(GDateTime) time = updated != NULL ? g_date_time_new_from_iso8601 (updated, NULL) : NULL;
  g_autoptr(GDateTime) local = time != NULL ? g_date_time_to_local (time) : NULL;
  /* Translators: when a plan was last changed, in the list of plans; GDateTime format */
  g_autofree char *when = local != NULL ? g_date_time_format (local, _("%d-%m-%Y %H:%M")) : NULL;

  if (masked != NULL && *masked != '\0' && when != NULL)
    return g_strdup_printf ("%s · %s", masked, when);
  return g_strdup (masked != NULL && *masked != '\0' ? masked : (when != NULL ? when : ""));
}

/* Before the store has opened the list says so (a large database takes
 * a moment); if it could not be opened, the window says why. */
static void
show_empty_or_list (IvdPlanListPane *self)
{
  gboolean empty = self->plans == NULL || g_list_model_get_n_items (G_LIST_MODEL (self->plans)) == 0;
  gboolean searching = *gtk_editable_get_text (GTK_EDITABLE (self->search_entry)) != '\0';

  gtk_spinner_set_spinning (self->opening_spinner, self->plans == NULL && self->opening);
  gtk_widget_set_sensitive (GTK_WIDGET (self->search_entry), self->plans != NULL);
  if (self->plans == NULL)
    {
      gtk_stack_set_visible_child_name (self->stack, self->opening ? "opening" : "unavailable");
      return;
    }

  adw_status_page_set_title (self->empty_page, searching ? _("No Plans Found") : _("No Plans Yet"));
  adw_status_page_set_description (self->empty_page, searching ? _("No name or CPR number matches the search")
                                                               : _("Start one with New Plan (Ctrl+N)"));
  gtk_stack_set_visible_child_name (self->stack, empty ? "empty" : "list");
}

/* A reload (after every autosave) replaces the items: find the open plan
 * again so that its row stays highlighted. */
static void
reselect (IvdPlanListPane *self)
{
  GListModel *model = G_LIST_MODEL (self->plans);
  guint n = MIN (g_list_model_get_n_items (model), 200);

  for (guint i = 0; self->selected_id != NULL && i < n; i++)
    {
      g_autoptr(IvdPlanSummary) summary = g_list_model_get_item (model, i);

      if (g_str_equal (ivd_plan_summary_get_id (summary), self->selected_id))
        {
          gtk_single_selection_set_selected (self->selection, i);
          return;
        }
    }
  gtk_single_selection_set_selected (self->selection, GTK_INVALID_LIST_POSITION);
}

static void
on_plans_items_changed_cb (IvdPlanListPane *self)
{
  reselect (self);
  show_empty_or_list (self);
}

static void
on_search_entry_search_changed_cb (IvdPlanListPane *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));

  ivd_plan_query_set_text (self->query, *text != '\0' ? text : NULL);
}

/* Enter in the search field opens the first match. */
static void
on_search_entry_activate_cb (IvdPlanListPane *self)
{
  g_autoptr(IvdPlanSummary) first = NULL;

  if (self->plans == NULL || g_list_model_get_n_items (G_LIST_MODEL (self->plans)) == 0)
    return;
  first = g_list_model_get_item (G_LIST_MODEL (self->plans), 0);
  g_signal_emit (self, signals[PLAN_ACTIVATED], 0, ivd_plan_summary_get_id (first));
}

static void
on_list_view_activate_cb (IvdPlanListPane *self,
                          guint            position)
{
  g_autoptr(IvdPlanSummary) summary = g_list_model_get_item (G_LIST_MODEL (self->plans), position);

  if (summary != NULL)
    g_signal_emit (self, signals[PLAN_ACTIVATED], 0, ivd_plan_summary_get_id (summary));
}

static GtkListItemFactory *
row_factory (void)
{
  g_autoptr(GtkBuilderScope) scope = gtk_builder_cscope_new ();

  /* The row's closures live in this module, which GtkBuilder cannot find
   * by symbol name: they are registered here. */
  gtk_builder_cscope_add_callback_symbols (GTK_BUILDER_CSCOPE (scope),
                                           "ivd_plan_row_title", G_CALLBACK (ivd_plan_row_title),
                                           "ivd_plan_row_status", G_CALLBACK (ivd_plan_row_status),
                                           "ivd_plan_row_subtitle", G_CALLBACK (ivd_plan_row_subtitle),
                                           NULL);
  return gtk_builder_list_item_factory_new_from_resource (scope, "/io/github/ivdischarge/IvDischarge/ivd-plan-row.ui");
}

static void
ivd_plan_list_pane_dispose (GObject *object)
{
  IvdPlanListPane *self = (IvdPlanListPane *) object;

  gtk_widget_dispose_template (GTK_WIDGET (self), IVD_TYPE_PLAN_LIST_PANE);
  g_clear_object (&self->selection);
  g_clear_object (&self->plans);
  g_clear_object (&self->query);
  g_clear_pointer (&self->selected_id, g_free);

  G_OBJECT_CLASS (ivd_plan_list_pane_parent_class)->dispose (object);
}

static void
ivd_plan_list_pane_class_init (IvdPlanListPaneClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ivd_plan_list_pane_dispose;

  /**
   * IvdPlanListPane::plan-activated:
   * @id: the plan's id
   */
  signals[PLAN_ACTIVATED] =
    g_signal_new ("plan-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);

  g_type_ensure (IVD_TYPE_PLAN_SUMMARY);
  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/ivdischarge/IvDischarge/ivd-plan-list-pane.ui");
  gtk_widget_class_bind_template_child (widget_class, IvdPlanListPane, search_entry);
  gtk_widget_class_bind_template_child (widget_class, IvdPlanListPane, stack);
  gtk_widget_class_bind_template_child (widget_class, IvdPlanListPane, list_view);
  gtk_widget_class_bind_template_child (widget_class, IvdPlanListPane, empty_page);
  gtk_widget_class_bind_template_child (widget_class, IvdPlanListPane, opening_spinner);
  gtk_widget_class_bind_template_callback (widget_class, on_search_entry_search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_search_entry_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_list_view_activate_cb);
}

static void
ivd_plan_list_pane_init (IvdPlanListPane *self)
{
  g_autoptr(GtkListItemFactory) factory = row_factory ();

  gtk_widget_init_template (GTK_WIDGET (self));

  self->opening = TRUE;
  self->query = ivd_plan_query_new ();
  ivd_plan_query_set_sort (self->query, IVD_PLAN_SORT_UPDATED);
  ivd_plan_query_set_descending (self->query, TRUE);
  gtk_list_view_set_factory (self->list_view, factory);
  show_empty_or_list (self);
}

/* The list appears when the store has opened (in a thread, at start). */
void
ivd_plan_list_pane_set_store (IvdPlanListPane *self,
                              IvdStore        *store)
{
  g_return_if_fail (IVD_IS_PLAN_LIST_PANE (self));
  g_return_if_fail (IVD_IS_STORE (store));

  g_clear_object (&self->selection);
  g_clear_object (&self->plans);
  self->plans = ivd_plan_list_new (store, self->query);
  self->selection = gtk_single_selection_new (g_object_ref (G_LIST_MODEL (self->plans)));
  gtk_single_selection_set_autoselect (self->selection, FALSE);
  gtk_single_selection_set_can_unselect (self->selection, TRUE);
  gtk_list_view_set_model (self->list_view, GTK_SELECTION_MODEL (self->selection));
  g_signal_connect_object (self->plans, "items-changed", G_CALLBACK (on_plans_items_changed_cb), self,
                           G_CONNECT_SWAPPED);
  /* A reload may show other plans in the same rows without items-changed. */
  g_signal_connect_object (self->plans, "reloaded", G_CALLBACK (on_plans_items_changed_cb), self, G_CONNECT_SWAPPED);
  on_plans_items_changed_cb (self);
}

/* Whether the store is still being opened; without a store afterwards,
 * the list says the plans are unavailable. */
void
ivd_plan_list_pane_set_opening (IvdPlanListPane *self,
                                gboolean         opening)
{
  g_return_if_fail (IVD_IS_PLAN_LIST_PANE (self));

  if (self->opening == !!opening)
    return;
  self->opening = !!opening;
  show_empty_or_list (self);
}

void
ivd_plan_list_pane_focus_search (IvdPlanListPane *self)
{
  g_return_if_fail (IVD_IS_PLAN_LIST_PANE (self));
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

/* Highlights the open plan's row, now and after every reload. */
void
ivd_plan_list_pane_select (IvdPlanListPane *self,
                           const char      *id)
{
  g_return_if_fail (IVD_IS_PLAN_LIST_PANE (self));

  g_free (self->selected_id);
  self->selected_id = g_strdup (id);
  if (self->plans != NULL)
    reselect (self);
}
