#define G_LOG_DOMAIN "ivd-transfers-view"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "ivd-cpr.h"
#include "ivd-labels.h"
#include "ivd-plan-sorter.h"
#include "ivd-store-enum-types.h"
#include "ivd-status-dialog.h"
#include "ivd-transfers-view.h"

/* The coordinator's pending transfers: the built-in queues with their
 * counts on the left, the store's plans as a table filtered and sorted by
 * the store (a million plans never pass through a GTK sorter), and the
 * opened plan beside it with the status changes the coordinator records.
 * The CPR number shows as DDMMYY-xxxx until a row is opened. */
struct _IvdTransfersView
{
  AdwBin               parent_instance;

  IvdStore            *store;
  IvdPlanQuery        *query;
  IvdPlanList         *plans;
  GtkSingleSelection  *selection;
  IvdPlanSummary      *details;
  GHashTable          *patient_cells;      /* GtkListItem of the patient column on screen */
  GPtrArray           *municipality_codes; /* the dropdown's codes; NULL for "all" */
  char                *today;
  guint                counts[4];
  guint                recount_id;

  AdwFlap             *flap;
  GtkListBox          *queue_list;
  GtkListBoxRow       *all_row;
  GtkListBoxRow       *awaiting_row;
  GtkListBoxRow       *soon_row;
  GtkListBoxRow       *past_row;
  GtkLabel            *all_count;
  GtkLabel            *awaiting_count;
  GtkLabel            *soon_count;
  GtkLabel            *past_count;
  GtkSearchEntry      *search_entry;
  GtkDropDown         *status_dropdown;
  GtkDropDown         *region_dropdown;
  GtkDropDown         *municipality_dropdown;
  GtkEntry            *start_from_entry;
  GtkEntry            *start_to_entry;
  GtkStack            *list_stack;
  GtkColumnView       *column_view;
  GtkColumnViewColumn *patient_column;
  GtkColumnViewColumn *name_column;
  GtkColumnViewColumn *municipality_column;
  GtkColumnViewColumn *status_column;
  GtkColumnViewColumn *start_column;
  GtkColumnViewColumn *waiting_column;
  GtkColumnViewColumn *open_column;
  GtkLabel            *details_title;
  AdwActionRow        *cpr_row;
  AdwActionRow        *municipality_row;
  AdwActionRow        *status_row;
  AdwActionRow        *course_row;
  AdwActionRow        *waiting_row;
  AdwActionRow        *open_row;
};

G_DEFINE_FINAL_TYPE (IvdTransfersView, ivd_transfers_view, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_STORE,
  PROP_QUEUE,
  PROP_TODAY,
  N_PROPS
};

enum {
  OPEN_PLAN,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

typedef enum
{
  COLUMN_PATIENT,
  COLUMN_NAME,
  COLUMN_MUNICIPALITY,
  COLUMN_STATUS,
  COLUMN_START,
  COLUMN_WAITING,
  COLUMN_OPEN,
} Column;

/* Helpers */

static IvdCatalog *
catalog (IvdTransfersView *self)
{
  return self->store != NULL ? ivd_store_get_catalog (self->store) : NULL;
}

/* "2026-11-23" as the Danish "23-11-2026". */
static char *
format_date (const char *iso)
{
  int year, month, day;

  if (iso == NULL || sscanf (iso, "%4d-%2d-%2d", &year, &month, &day) != 3)
    return g_strdup ("—");
  return g_strdup_printf ("%02d-%02d-%04d", day, month, year);
}

static char *
format_time (const char *iso)
{
  g_autoptr(GDateTime) time = iso != NULL ? g_date_time_new_from_iso8601 (iso, NULL) : NULL;
  g_autoptr(GDateTime) local = time != NULL ? g_date_time_to_local (time) : NULL;

  /* Translators: when a plan's status last changed; GDateTime format */
  return local != NULL ? g_date_time_format (local, _("%d-%m-%Y %H:%M")) : g_strdup ("—");
}

/* The patient column: masked unless this is the plan opened beside. */
static char *
patient_text (IvdTransfersView *self,
              IvdPlanSummary   *summary)
{
  const char *cpr = ivd_plan_summary_get_cpr (summary);
  gboolean opened = self->details != NULL &&
                    g_strcmp0 (ivd_plan_summary_get_id (self->details), ivd_plan_summary_get_id (summary)) == 0;

  g_autofree char *digits = NULL;

  if (cpr == NULL || *cpr == '\0')
    return g_strdup ("—");
  if (!opened)
    return ivd_cpr_mask (cpr);
  /* In full as it is written: DDMMYY-XXXX. */
  digits = ivd_cpr_normalize (cpr);
  if (digits != NULL && strlen (digits) == 10)
    return g_strdup_printf ("%.6s-%s", digits, digits + 6);
  return g_strdup (cpr);
}

static char *
municipality_text (IvdPlanSummary *summary)
{
  const char *name = ivd_plan_summary_get_municipality_name (summary);
  const char *code = ivd_plan_summary_get_municipality_code (summary);

  return g_strdup (name != NULL ? name : code != NULL ? code : "—");
}

static char *
cell_text (IvdTransfersView *self,
           IvdPlanSummary   *summary,
           Column            column)
{
  const char *name = ivd_plan_summary_get_name (summary);
  int open_items = ivd_plan_summary_get_open_items (summary);

  switch (column)
    {
    case COLUMN_PATIENT:      return patient_text (self, summary);
    case COLUMN_NAME:         return g_strdup (name != NULL && *name != '\0' ? name : _("Unnamed patient"));
    case COLUMN_MUNICIPALITY: return municipality_text (summary);
    case COLUMN_STATUS:       return g_strdup (ivd_plan_status_get_label (ivd_plan_summary_get_status (summary)));
    case COLUMN_START:        return format_date (ivd_plan_summary_get_start_date (summary));
    case COLUMN_WAITING:      return format_time (ivd_plan_summary_get_status_changed (summary));
    case COLUMN_OPEN:
    default:                  return open_items >= 0 ? g_strdup_printf ("%d", open_items) : g_strdup ("—");
    }
}

static void
refresh_patient_cells (IvdTransfersView *self)
{
  GHashTableIter iter;
  gpointer item;

  g_hash_table_iter_init (&iter, self->patient_cells);
  while (g_hash_table_iter_next (&iter, &item, NULL))
    {
      g_autofree char *text = patient_text (self, gtk_list_item_get_item (item));

      gtk_inscription_set_text (GTK_INSCRIPTION (gtk_list_item_get_child (item)), text);
    }
}

static void
set_count (GtkLabel *label,
           guint     count)
{
  g_autofree char *text = g_strdup_printf ("%u", count);

  gtk_label_set_label (label, text);
}

static IvdPlanQueue
row_queue (IvdTransfersView *self,
           GtkListBoxRow    *row)
{
  if (row == self->awaiting_row) return IVD_PLAN_QUEUE_AWAITING_ANSWER;
  if (row == self->soon_row)     return IVD_PLAN_QUEUE_DISCHARGE_SOON;
  if (row == self->past_row)     return IVD_PLAN_QUEUE_PAST_END;
  return IVD_PLAN_QUEUE_NONE;
}

static GtkListBoxRow *
queue_row (IvdTransfersView *self,
           IvdPlanQueue      queue)
{
  switch (queue)
    {
    case IVD_PLAN_QUEUE_AWAITING_ANSWER: return self->awaiting_row;
    case IVD_PLAN_QUEUE_DISCHARGE_SOON:  return self->soon_row;
    case IVD_PLAN_QUEUE_PAST_END:        return self->past_row;
    case IVD_PLAN_QUEUE_NONE:
    default:                             return self->all_row;
    }
}

/* The queues are counted within the chosen region and municipality (a
 * coordinator's own area), not the search or the other filters. */
static void
recount (IvdTransfersView *self)
{
  GtkLabel *labels[] = { self->all_count, self->awaiting_count, self->soon_count, self->past_count };

  for (IvdPlanQueue queue = IVD_PLAN_QUEUE_NONE; queue <= IVD_PLAN_QUEUE_PAST_END; queue++)
    {
      g_autoptr(IvdPlanQuery) query = ivd_plan_query_new ();
      g_autoptr(GError) error = NULL;

      ivd_plan_query_set_region (query, ivd_plan_query_get_region (self->query));
      ivd_plan_query_set_municipality_code (query, ivd_plan_query_get_municipality_code (self->query));
      ivd_plan_query_set_today (query, self->today);
      ivd_plan_query_set_queue (query, queue);
      self->counts[queue] = self->store != NULL ? ivd_store_count_plans (self->store, query, &error) : 0;
      if (error != NULL)
        g_warning ("The queue cannot be counted: %s", error->message);
      set_count (labels[queue], self->counts[queue]);
    }
}

static gboolean
recount_idle_cb (gpointer data)
{
  IvdTransfersView *self = data;

  self->recount_id = 0;
  recount (self);
  return G_SOURCE_REMOVE;
}

/* Saves come in bursts (an autosave, a status change): count once after. */
static void
queue_recount (IvdTransfersView *self)
{
  if (self->recount_id == 0)
    self->recount_id = g_timeout_add_full (G_PRIORITY_LOW, 300, recount_idle_cb, self, NULL);
}

static void
show_list_or_empty (IvdTransfersView *self)
{
  gboolean empty = self->plans == NULL || g_list_model_get_n_items (G_LIST_MODEL (self->plans)) == 0;

  gtk_stack_set_visible_child_name (self->list_stack, empty ? "empty" : "list");
}

/* DD-MM-YYYY (or YYYY-MM-DD) as ISO; "" for an empty entry; NULL when
 * it is not a date. */
static char *
parse_date (const char *text)
{
  g_autofree char *stripped = g_strstrip (g_strdup (text));
  int a, b, c;
  char tail;

  if (*stripped == '\0')
    return g_strdup ("");
  if (sscanf (stripped, "%4d-%2d-%2d%c", &a, &b, &c, &tail) == 3 && a > 31)
    return g_date_valid_dmy (c, b, a) ? g_strdup_printf ("%04d-%02d-%02d", a, b, c) : NULL;
  if (sscanf (stripped, "%2d-%2d-%4d%c", &a, &b, &c, &tail) == 3 && c > 31)
    return g_date_valid_dmy (a, b, c) ? g_strdup_printf ("%04d-%02d-%02d", c, b, a) : NULL;
  return NULL;
}

/* A date entry bounds the start dates when it holds a date; text that is
 * not (yet) a date is marked and bounds nothing, whatever was typed
 * before it. */
static void
apply_date (IvdTransfersView *self,
            GtkEntry         *entry)
{
  g_autofree char *iso = parse_date (gtk_editable_get_text (GTK_EDITABLE (entry)));
  const char *bound = iso != NULL && *iso != '\0' ? iso : NULL;

  if (iso == NULL)
    gtk_widget_add_css_class (GTK_WIDGET (entry), "error");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (entry), "error");
  if (entry == self->start_from_entry)
    ivd_plan_query_set_start_from (self->query, bound);
  else
    ivd_plan_query_set_start_to (self->query, bound);
}

static void
list_statuses (IvdTransfersView *self)
{
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);

  gtk_string_list_append (names, _("Any status"));
  for (IvdPlanStatus status = 0; status < IVD_PLAN_STATUS_N; status++)
    gtk_string_list_append (names, ivd_plan_status_get_label (status));
  gtk_drop_down_set_model (self->status_dropdown, G_LIST_MODEL (names));
}

static void
list_regions (IvdTransfersView *self)
{
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  const char * const *ids = ivd_catalog_get_region_ids ();

  gtk_string_list_append (names, _("All regions"));
  for (guint i = 0; ids[i] != NULL; i++)
    gtk_string_list_append (names, ivd_labels_region (ids[i]));
  gtk_drop_down_set_model (self->region_dropdown, G_LIST_MODEL (names));
}

/* The chosen region's municipalities by name, after "All municipalities". */
static void
list_municipalities (IvdTransfersView *self)
{
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  const char *region = ivd_plan_query_get_region (self->query);
  g_autoptr(GPtrArray) found = catalog (self) != NULL
                               ? ivd_catalog_dup_municipalities_by_name (catalog (self), region)
                               : g_ptr_array_new ();

  g_ptr_array_set_size (self->municipality_codes, 0);
  g_ptr_array_add (self->municipality_codes, NULL);
  gtk_string_list_append (names, _("All municipalities"));
  for (guint i = 0; i < found->len; i++)
    {
      g_ptr_array_add (self->municipality_codes, g_strdup (ivd_municipality_get_code (found->pdata[i])));
      gtk_string_list_append (names, ivd_municipality_get_name (found->pdata[i]));
    }
  gtk_drop_down_set_model (self->municipality_dropdown, G_LIST_MODEL (names));
  gtk_drop_down_set_selected (self->municipality_dropdown, 0);
}

/* Which status changes the opened plan allows, as the panel's actions. */
static void
update_actions (IvdTransfersView *self)
{
  IvdPlanStatus status = self->details ? ivd_plan_summary_get_status (self->details) : IVD_PLAN_STATUS_CANCELLED;
  GtkWidget *widget = GTK_WIDGET (self);
  gboolean open = self->details != NULL;

  gtk_widget_action_set_enabled (widget, "transfers.record-answer", open && status == IVD_PLAN_STATUS_REFERRED);
  gtk_widget_action_set_enabled (widget, "transfers.discharged",
                                 open && ivd_plan_status_can_change_to (status, IVD_PLAN_STATUS_IN_COURSE));
  gtk_widget_action_set_enabled (widget, "transfers.ended",
                                 open && ivd_plan_status_can_change_to (status, IVD_PLAN_STATUS_ENDED));
  gtk_widget_action_set_enabled (widget, "transfers.cancel",
                                 open && ivd_plan_status_can_change_to (status, IVD_PLAN_STATUS_CANCELLED));
  gtk_widget_action_set_enabled (widget, "transfers.set-status", open);
  gtk_widget_action_set_enabled (widget, "transfers.open-plan", open);
  gtk_widget_action_set_enabled (widget, "transfers.close-details", open);
}

static void
set_subtitle (AdwActionRow *row,
              const char   *text)
{
  adw_action_row_set_subtitle (row, text != NULL && *text != '\0' ? text : _("not filled in"));
}

static void
show_details (IvdTransfersView *self)
{
  IvdPlanSummary *summary = self->details;
  g_autofree char *title = NULL, *cpr = NULL, *municipality = NULL, *status = NULL;
  g_autofree char *start = NULL, *end = NULL, *course = NULL, *waiting = NULL, *open = NULL;
  const char *reason;

  update_actions (self);
  refresh_patient_cells (self);
  adw_flap_set_reveal_flap (self->flap, summary != NULL);
  if (summary == NULL)
    return;

  reason = ivd_plan_summary_get_status_reason (summary);
  title = cell_text (self, summary, COLUMN_NAME);
  cpr = patient_text (self, summary);
  municipality = municipality_text (summary);
  status = reason != NULL && *reason != '\0'
           ? g_strdup_printf ("%s: %s", ivd_plan_status_get_label (ivd_plan_summary_get_status (summary)), reason)
           : cell_text (self, summary, COLUMN_STATUS);
  start = format_date (ivd_plan_summary_get_start_date (summary));
  end = format_date (ivd_plan_summary_get_end_date (summary));
  /* Translators: a course's first and last day */
  course = g_strdup_printf (_("%s to %s"), start, end);
  waiting = cell_text (self, summary, COLUMN_WAITING);
  open = cell_text (self, summary, COLUMN_OPEN);

  gtk_label_set_label (self->details_title, title);
  set_subtitle (self->cpr_row, cpr);
  set_subtitle (self->municipality_row, municipality);
  set_subtitle (self->status_row, status);
  set_subtitle (self->course_row, course);
  set_subtitle (self->waiting_row, waiting);
  set_subtitle (self->open_row, open);
}

static void
show_error (IvdTransfersView *self,
            const char       *heading,
            const char       *message)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  AdwMessageDialog *dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                                                         heading, message));

  adw_message_dialog_add_response (dialog, "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

/* Records a status change on the opened plan through the store, which
 * checks it against the life cycle and writes the audit trail. */
static gboolean
change_status (IvdTransfersView *self,
               IvdPlanStatus     status,
               const char       *reason,
               GError          **error)
{
  g_autoptr(IvdPlanRecord) record = NULL;
  g_autoptr(IvdPlanSummary) summary = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  GDate today;

  if ((record = ivd_store_load_plan (self->store, ivd_plan_summary_get_id (self->details), error)) == NULL)
    return FALSE;
  g_date_clear (&today, 1);
  if (self->today == NULL || (g_date_set_parse (&today, self->today), !g_date_valid (&today)))
    g_date_set_dmy (&today, g_date_time_get_day_of_month (now), g_date_time_get_month (now),
                    g_date_time_get_year (now));
  if (!ivd_store_set_status (self->store, record, status, reason, &today, error))
    return FALSE;

  if ((summary = ivd_store_load_summary (self->store, ivd_plan_record_get_id (record), error)) == NULL)
    return FALSE;
  g_set_object (&self->details, summary);
  show_details (self);
  return TRUE;
}

/* Callbacks */

/* Cells are GtkInscriptions: made for list cells, they lay their text out
 * only when drawn and ask for a width in characters, so the 200 rows the
 * view keeps ready cost little to remake after a search. */
static void
on_cell_setup_cb (GtkSignalListItemFactory *factory,
                  GtkListItem              *item,
                  gpointer                  data)
{
  static const guint widths[] = { 11, 24, 16, 16, 10, 16, 3 };
  Column column = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (factory), "ivd-column"));
  GtkInscription *cell = GTK_INSCRIPTION (gtk_inscription_new (NULL));

  gtk_inscription_set_xalign (cell, column == COLUMN_OPEN ? 1 : 0);
  gtk_inscription_set_nat_chars (cell, widths[column]);
  gtk_inscription_set_text_overflow (cell, GTK_INSCRIPTION_OVERFLOW_ELLIPSIZE_END);
  gtk_list_item_set_child (item, GTK_WIDGET (cell));
}

static void
set_cell_text (IvdTransfersView *self,
               GtkListItem      *item,
               Column            column)
{
  g_autofree char *text = cell_text (self, gtk_list_item_get_item (item), column);

  gtk_inscription_set_text (GTK_INSCRIPTION (gtk_list_item_get_child (item)), text);
}

/* A reload gives the row's plan summary new values (ivd-plan-list.c). */
static void
on_summary_updated_cb (GtkListItem *item)
{
  IvdTransfersView *self = g_object_get_data (G_OBJECT (item), "ivd-view");
  Column column = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (item), "ivd-column"));

  set_cell_text (self, item, column);
}

static void
on_cell_bind_cb (GtkSignalListItemFactory *factory,
                 GtkListItem              *item,
                 IvdTransfersView         *self)
{
  Column column = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (factory), "ivd-column"));
  gulong handler;

  g_object_set_data (G_OBJECT (item), "ivd-view", self);
  g_object_set_data (G_OBJECT (item), "ivd-column", GINT_TO_POINTER (column));
  set_cell_text (self, item, column);
  handler = g_signal_connect_object (gtk_list_item_get_item (item), "updated",
                                     G_CALLBACK (on_summary_updated_cb), item, G_CONNECT_SWAPPED);
  g_object_set_data (G_OBJECT (item), "ivd-handler", GSIZE_TO_POINTER (handler));
  if (column == COLUMN_PATIENT)
    g_hash_table_add (self->patient_cells, item);
}

static void
on_cell_unbind_cb (GtkSignalListItemFactory *factory,
                   GtkListItem              *item,
                   IvdTransfersView         *self)
{
  gulong handler = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (item), "ivd-handler"));

  if (handler != 0)
    g_signal_handler_disconnect (gtk_list_item_get_item (item), handler);
  g_object_set_data (G_OBJECT (item), "ivd-handler", NULL);
  g_hash_table_remove (self->patient_cells, item);
}

static void
on_queue_list_row_selected_cb (IvdTransfersView *self,
                               GtkListBoxRow    *row)
{
  if (row != NULL)
    ivd_transfers_view_set_queue (self, row_queue (self, row));
}

static void
on_search_entry_search_changed_cb (IvdTransfersView *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));

  ivd_plan_query_set_text (self->query, *text != '\0' ? text : NULL);
}

static void
on_filter_changed_cb (IvdTransfersView *self)
{
  guint status = gtk_drop_down_get_selected (self->status_dropdown);
  guint municipality = gtk_drop_down_get_selected (self->municipality_dropdown);

  g_object_freeze_notify (G_OBJECT (self->query));
  ivd_plan_query_set_statuses (self->query, status > 0 && status != GTK_INVALID_LIST_POSITION
                                            ? IVD_PLAN_QUERY_STATUS (status - 1) : 0);
  ivd_plan_query_set_municipality_code (self->query, municipality < self->municipality_codes->len
                                                     ? g_ptr_array_index (self->municipality_codes, municipality)
                                                     : NULL);
  g_object_thaw_notify (G_OBJECT (self->query));
  queue_recount (self);
}

static void
on_region_dropdown_selected_notify_cb (IvdTransfersView *self)
{
  const char * const *ids = ivd_catalog_get_region_ids ();
  guint selected = gtk_drop_down_get_selected (self->region_dropdown);
  const char *region = selected > 0 && selected <= g_strv_length ((char **) ids) ? ids[selected - 1] : NULL;

  if (g_strcmp0 (region, ivd_plan_query_get_region (self->query)) == 0)
    return;
  g_object_freeze_notify (G_OBJECT (self->query));
  ivd_plan_query_set_region (self->query, region);
  list_municipalities (self);
  on_filter_changed_cb (self);
  g_object_thaw_notify (G_OBJECT (self->query));
}

static void
on_date_entry_changed_cb (IvdTransfersView *self,
                          GtkEntry         *entry)
{
  apply_date (self, entry);
}

/* A column header click: the store sorts, in SQL. */
static void
on_view_sorter_changed_cb (IvdTransfersView *self)
{
  IvdPlanSort sort = IVD_PLAN_SORT_STATUS_CHANGED;
  gboolean descending = FALSE;

  ivd_plan_sorter_read (gtk_column_view_get_sorter (self->column_view), &sort, &descending);
  g_object_freeze_notify (G_OBJECT (self->query));
  ivd_plan_query_set_sort (self->query, sort);
  ivd_plan_query_set_descending (self->query, descending);
  g_object_thaw_notify (G_OBJECT (self->query));
}

static void
on_column_view_activate_cb (IvdTransfersView *self,
                            guint             position)
{
  g_autoptr(IvdPlanSummary) summary = g_list_model_get_item (G_LIST_MODEL (self->plans), position);

  if (summary != NULL)
    ivd_transfers_view_open_details (self, ivd_plan_summary_get_id (summary));
}

static void
on_plans_items_changed_cb (IvdTransfersView *self)
{
  show_list_or_empty (self);
}

/* The rows now show other plans: no row is chosen any more. */
static void
on_plans_reloaded_cb (IvdTransfersView *self)
{
  if (self->selection != NULL)
    gtk_single_selection_set_selected (self->selection, GTK_INVALID_LIST_POSITION);
  show_list_or_empty (self);
}

static void
on_store_changed_cb (IvdTransfersView *self)
{
  queue_recount (self);
}

static void
on_status_dialog_response_cb (IvdStatusDialog  *dialog,
                              const char       *response,
                              IvdTransfersView *self)
{
  g_autofree char *reason = NULL;

  if (!g_str_equal (response, "apply") || self->details == NULL)
    return;
  reason = ivd_status_dialog_dup_reason (dialog);
  gtk_widget_activate_action (GTK_WIDGET (self), "transfers.set-status", "(ss)",
                              ivd_plan_status_to_string (ivd_status_dialog_get_status (dialog)),
                              reason != NULL ? reason : "");
}

static void
ask_status (IvdTransfersView    *self,
            IvdStatusDialogKind  kind)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  IvdStatusDialog *dialog = ivd_status_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, kind);

  g_signal_connect_object (dialog, "response", G_CALLBACK (on_status_dialog_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
status_dialog_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  IvdTransfersView *self = IVD_TRANSFERS_VIEW (widget);

  if (g_str_equal (action_name, "transfers.record-answer"))
    ask_status (self, IVD_STATUS_DIALOG_ANSWER);
  else if (g_str_equal (action_name, "transfers.ended"))
    ask_status (self, IVD_STATUS_DIALOG_ENDED);
  else
    ask_status (self, IVD_STATUS_DIALOG_CANCEL);
}

static void
discharged_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  gtk_widget_activate_action (widget, "transfers.set-status", "(ss)",
                              ivd_plan_status_to_string (IVD_PLAN_STATUS_IN_COURSE), "");
}

/* transfers.set-status (status, reason): the one place a change is made. */
static void
set_status_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  IvdTransfersView *self = IVD_TRANSFERS_VIEW (widget);
  g_autoptr(GError) error = NULL;
  const char *name, *reason;
  IvdPlanStatus status;

  g_variant_get (parameter, "(&s&s)", &name, &reason);
  if (self->details == NULL || self->store == NULL || !ivd_plan_status_from_string (name, &status))
    return;
  if (!change_status (self, status, *reason != '\0' ? reason : NULL, &error))
    show_error (self, _("The Status Is Not Changed"), error->message);
}

static void
open_plan_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  IvdTransfersView *self = IVD_TRANSFERS_VIEW (widget);

  if (self->details != NULL)
    g_signal_emit (self, signals[OPEN_PLAN], 0, ivd_plan_summary_get_id (self->details));
}

static void
close_details_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  IvdTransfersView *self = IVD_TRANSFERS_VIEW (widget);

  g_clear_object (&self->details);
  show_details (self);
}

static void
set_up_columns (IvdTransfersView *self)
{
  GtkColumnViewColumn *columns[] = { self->patient_column, self->name_column, self->municipality_column,
                                     self->status_column, self->start_column, self->waiting_column,
                                     self->open_column };

  for (guint i = 0; i < G_N_ELEMENTS (columns); i++)
    {
      g_autoptr(GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();

      g_object_set_data (G_OBJECT (factory), "ivd-column", GINT_TO_POINTER (i));
      g_signal_connect (factory, "setup", G_CALLBACK (on_cell_setup_cb), NULL);
      g_signal_connect_object (factory, "bind", G_CALLBACK (on_cell_bind_cb), self, 0);
      g_signal_connect_object (factory, "unbind", G_CALLBACK (on_cell_unbind_cb), self, 0);
      gtk_column_view_column_set_factory (columns[i], factory);
    }
  g_signal_connect_object (gtk_column_view_get_sorter (self->column_view), "changed",
                           G_CALLBACK (on_view_sorter_changed_cb), self, G_CONNECT_SWAPPED);
  /* The longest wait first: that is the one to chase. */
  gtk_column_view_sort_by_column (self->column_view, self->waiting_column, GTK_SORT_ASCENDING);
}

/* Class */

static void
ivd_transfers_view_dispose (GObject *object)
{
  IvdTransfersView *self = IVD_TRANSFERS_VIEW (object);

  g_clear_handle_id (&self->recount_id, g_source_remove);
  if (self->column_view != NULL)
    {
      /* Columns leaving the view change its sorter: not a new sort. */
      g_signal_handlers_disconnect_by_data (gtk_column_view_get_sorter (self->column_view), self);
      gtk_column_view_set_model (self->column_view, NULL);
    }
  g_hash_table_remove_all (self->patient_cells);
  gtk_widget_dispose_template (GTK_WIDGET (self), IVD_TYPE_TRANSFERS_VIEW);
  g_clear_object (&self->selection);
  g_clear_object (&self->plans);
  g_clear_object (&self->details);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (ivd_transfers_view_parent_class)->dispose (object);
}

static void
ivd_transfers_view_finalize (GObject *object)
{
  IvdTransfersView *self = IVD_TRANSFERS_VIEW (object);

  g_clear_object (&self->query);
  g_clear_pointer (&self->patient_cells, g_hash_table_unref);
  g_clear_pointer (&self->municipality_codes, g_ptr_array_unref);
  g_clear_pointer (&self->today, g_free);

  G_OBJECT_CLASS (ivd_transfers_view_parent_class)->finalize (object);
}

static void
ivd_transfers_view_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  IvdTransfersView *self = IVD_TRANSFERS_VIEW (object);

  switch (prop_id)
    {
    case PROP_STORE: g_value_set_object (value, self->store); break;
    case PROP_QUEUE: g_value_set_enum (value, ivd_transfers_view_get_queue (self)); break;
    case PROP_TODAY: g_value_set_string (value, self->today); break;
    default:         G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ivd_transfers_view_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  IvdTransfersView *self = IVD_TRANSFERS_VIEW (object);

  switch (prop_id)
    {
    case PROP_STORE: ivd_transfers_view_set_store (self, g_value_get_object (value)); break;
    case PROP_QUEUE: ivd_transfers_view_set_queue (self, g_value_get_enum (value)); break;
    case PROP_TODAY: ivd_transfers_view_set_today (self, g_value_get_string (value)); break;
    default:         G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
install_actions (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "transfers.record-answer", NULL, status_dialog_action);
  gtk_widget_class_install_action (widget_class, "transfers.ended", NULL, status_dialog_action);
  gtk_widget_class_install_action (widget_class, "transfers.cancel", NULL, status_dialog_action);
  gtk_widget_class_install_action (widget_class, "transfers.discharged", NULL, discharged_action);
  gtk_widget_class_install_action (widget_class, "transfers.set-status", "(ss)", set_status_action);
  gtk_widget_class_install_action (widget_class, "transfers.open-plan", NULL, open_plan_action);
  gtk_widget_class_install_action (widget_class, "transfers.close-details", NULL, close_details_action);
}

static void
bind_children (GtkWidgetClass *widget_class)
{
  gtk_widget_class_bind_template_child (widget_class, IvdTransfersView, queue_list);
  gtk_widget_class_bind_template_child (widget_class, IvdTransfersView, all_row);
  gtk_widget_class_bind_template_child (widget_class, IvdTransfersView, awaiting_row);
  gtk_widget_class_bind_template_child (widget_class, IvdTransfersView, soon_row);
  gtk_widget_class_bind_template_child (widget_class, IvdTransfersView, past_row);
  gtk_widget_class_bind_template_child (widget_class, IvdTransfersView, all_count);
  gtk_widget_class_bind_template_child (widget_class, IvdTransfersView, awaiting_count);
  gtk_widget_class_bind_template_child (widget_class, IvdTransfersView, soon_count);
  gtk_widget_class_bind_template_child (widget_class, IvdTransfersView, past_count);
  gtk_widget_class_bind_template_child (widget_class, IvdTransfersView, search_entry);
  gtk_widget_class_bind_template_child (widget_class, IvdTransfersView, status_dropdown);
  gtk_widget_class_bind_template_child (widget_class, IvdTransfersView, region_dropdown);
  gtk_widget_class_bind_template_child (widget_class, IvdTransfersView, municipality_dropdown);
  gtk_widget_class_bind_template_child (widget_class, IvdTransfersView, start_from_entry);
  gtk_widget_class_bind_template_child (widget_class, IvdTransfersView, start_to_entry);
  gtk_widget_class_bind_template_child (widget_class, IvdTransfersView, list_stack);
  gtk_widget_class_bind_template_child (widget_class, IvdTransfersView, column_view);
  gtk_widget_class_bind_template_child (widget_class, IvdTransfersView, patient_column);
  gtk_widget_class_bind_template_child (widget_class, IvdTransfersView, name_column);
  gtk_widget_class_bind_template_child (widget_class, IvdTransfersView, municipality_column);
  gtk_widget_class_bind_template_child (widget_class, IvdTransfersView, status_column);
  gtk_widget_class_bind_template_child (widget_class, IvdTransfersView, start_column);
  gtk_widget_class_bind_template_child (widget_class, IvdTransfersView, waiting_column);
  gtk_widget_class_bind_template_child (widget_class, IvdTransfersView, open_column);
  gtk_widget_class_bind_template_child (widget_class, IvdTransfersView, details_title);
  gtk_widget_class_bind_template_child (widget_class, IvdTransfersView, cpr_row);
  gtk_widget_class_bind_template_child (widget_class, IvdTransfersView, municipality_row);
  gtk_widget_class_bind_template_child (widget_class, IvdTransfersView, status_row);
  gtk_widget_class_bind_template_child (widget_class, IvdTransfersView, course_row);
  gtk_widget_class_bind_template_child (widget_class, IvdTransfersView, waiting_row);
  gtk_widget_class_bind_template_child (widget_class, IvdTransfersView, open_row);
}

static void
ivd_transfers_view_class_init (IvdTransfersViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ivd_transfers_view_dispose;
  object_class->finalize = ivd_transfers_view_finalize;
  object_class->get_property = ivd_transfers_view_get_property;
  object_class->set_property = ivd_transfers_view_set_property;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, IVD_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_QUEUE] =
    g_param_spec_enum ("queue", NULL, NULL, IVD_TYPE_PLAN_QUEUE, IVD_PLAN_QUEUE_NONE,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /* The day the queues are counted from, YYYY-MM-DD; today by default. */
  properties[PROP_TODAY] =
    g_param_spec_string ("today", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[OPEN_PLAN] = g_signal_new ("open-plan", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL,
                                     NULL, G_TYPE_NONE, 1, G_TYPE_STRING);

  g_type_ensure (IVD_TYPE_PLAN_SORTER);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/ivdischarge/IvDischarge/ivd-transfers-view.ui");
  bind_children (widget_class);
  gtk_widget_class_bind_template_callback (widget_class, on_queue_list_row_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_search_entry_search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_filter_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_region_dropdown_selected_notify_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_date_entry_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_column_view_activate_cb);
  install_actions (widget_class);
}

static void
ivd_transfers_view_init (IvdTransfersView *self)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  self->query = ivd_plan_query_new ();
  self->patient_cells = g_hash_table_new (NULL, NULL);
  self->municipality_codes = g_ptr_array_new_with_free_func (g_free);
  self->today = g_date_time_format (now, "%Y-%m-%d");
  ivd_plan_query_set_today (self->query, self->today);
  ivd_plan_query_set_sort (self->query, IVD_PLAN_SORT_STATUS_CHANGED);

  gtk_widget_init_template (GTK_WIDGET (self));
  self->flap = ADW_FLAP (adw_bin_get_child (ADW_BIN (self)));
  list_statuses (self);
  list_regions (self);
  list_municipalities (self);
  set_up_columns (self);
  gtk_list_box_select_row (self->queue_list, self->all_row);
  show_list_or_empty (self);
  update_actions (self);
}

/* Public API */

GtkWidget *
ivd_transfers_view_new (void)
{
  return g_object_new (IVD_TYPE_TRANSFERS_VIEW, NULL);
}

IvdStore *
ivd_transfers_view_get_store (IvdTransfersView *self)
{
  g_return_val_if_fail (IVD_IS_TRANSFERS_VIEW (self), NULL);
  return self->store;
}

void
ivd_transfers_view_set_store (IvdTransfersView *self,
                              IvdStore         *store)
{
  g_return_if_fail (IVD_IS_TRANSFERS_VIEW (self));
  g_return_if_fail (store == NULL || IVD_IS_STORE (store));

  if (self->store == store)
    return;

  if (self->store != NULL)
    g_signal_handlers_disconnect_by_data (self->store, self);
  g_set_object (&self->store, store);
  g_clear_object (&self->details);
  gtk_column_view_set_model (self->column_view, NULL);
  g_clear_object (&self->selection);
  g_clear_object (&self->plans);

  if (store != NULL)
    {
      self->plans = ivd_plan_list_new (store, self->query);
      self->selection = gtk_single_selection_new (g_object_ref (G_LIST_MODEL (self->plans)));
      gtk_single_selection_set_autoselect (self->selection, FALSE);
      gtk_single_selection_set_can_unselect (self->selection, TRUE);
      /* Nothing is selected until the coordinator chooses a row. */
      gtk_single_selection_set_selected (self->selection, GTK_INVALID_LIST_POSITION);
      gtk_column_view_set_model (self->column_view, GTK_SELECTION_MODEL (self->selection));
      g_signal_connect_object (self->plans, "items-changed", G_CALLBACK (on_plans_items_changed_cb), self,
                               G_CONNECT_SWAPPED);
      g_signal_connect_object (self->plans, "reloaded", G_CALLBACK (on_plans_reloaded_cb), self,
                               G_CONNECT_SWAPPED);
      g_signal_connect_object (store, "changed", G_CALLBACK (on_store_changed_cb), self, G_CONNECT_SWAPPED);
    }
  list_municipalities (self);
  recount (self);
  show_list_or_empty (self);
  show_details (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STORE]);
}

IvdPlanQueue
ivd_transfers_view_get_queue (IvdTransfersView *self)
{
  g_return_val_if_fail (IVD_IS_TRANSFERS_VIEW (self), IVD_PLAN_QUEUE_NONE);
  return ivd_plan_query_get_queue (self->query);
}

void
ivd_transfers_view_set_queue (IvdTransfersView *self,
                              IvdPlanQueue      queue)
{
  g_return_if_fail (IVD_IS_TRANSFERS_VIEW (self));

  if (gtk_list_box_get_selected_row (self->queue_list) != queue_row (self, queue))
    gtk_list_box_select_row (self->queue_list, queue_row (self, queue));
  if (ivd_plan_query_get_queue (self->query) == queue)
    return;

  ivd_plan_query_set_queue (self->query, queue);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_QUEUE]);
}

const char *
ivd_transfers_view_get_today (IvdTransfersView *self)
{
  g_return_val_if_fail (IVD_IS_TRANSFERS_VIEW (self), NULL);
  return self->today;
}

void
ivd_transfers_view_set_today (IvdTransfersView *self,
                              const char       *today)
{
  g_return_if_fail (IVD_IS_TRANSFERS_VIEW (self));

  if (today == NULL || g_strcmp0 (self->today, today) == 0)
    return;

  g_free (self->today);
  self->today = g_strdup (today);
  ivd_plan_query_set_today (self->query, today);
  recount (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TODAY]);
}

/**
 * ivd_transfers_view_get_plans:
 *
 * Returns: (transfer none) (nullable): the list the table shows
 */
IvdPlanList *
ivd_transfers_view_get_plans (IvdTransfersView *self)
{
  g_return_val_if_fail (IVD_IS_TRANSFERS_VIEW (self), NULL);
  return self->plans;
}

guint
ivd_transfers_view_get_queue_count (IvdTransfersView *self,
                                    IvdPlanQueue      queue)
{
  g_return_val_if_fail (IVD_IS_TRANSFERS_VIEW (self), 0);
  g_return_val_if_fail (queue <= IVD_PLAN_QUEUE_PAST_END, 0);
  return self->counts[queue];
}

/* Counts the queues now rather than a moment after the last save. */
void
ivd_transfers_view_recount (IvdTransfersView *self)
{
  g_return_if_fail (IVD_IS_TRANSFERS_VIEW (self));

  g_clear_handle_id (&self->recount_id, g_source_remove);
  recount (self);
}

/* Shows a plan beside the table, its CPR number in full. */
gboolean
ivd_transfers_view_open_details (IvdTransfersView *self,
                                 const char       *id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(IvdPlanSummary) summary = NULL;

  g_return_val_if_fail (IVD_IS_TRANSFERS_VIEW (self), FALSE);
  g_return_val_if_fail (id != NULL, FALSE);

  if (self->store == NULL)
    return FALSE;
  if ((summary = ivd_store_load_summary (self->store, id, &error)) == NULL)
    {
      show_error (self, _("The Plan Cannot Be Shown"), error->message);
      return FALSE;
    }
  g_set_object (&self->details, summary);
  show_details (self);
  return TRUE;
}

/**
 * ivd_transfers_view_get_details:
 *
 * Returns: (transfer none) (nullable): the plan opened beside the table
 */
IvdPlanSummary *
ivd_transfers_view_get_details (IvdTransfersView *self)
{
  g_return_val_if_fail (IVD_IS_TRANSFERS_VIEW (self), NULL);
  return self->details;
}

