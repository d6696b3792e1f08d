#define G_LOG_DOMAIN "ivd-plan-list"

#include "config.h"

#include "ivd-plan-list.h"
#include "ivd-plan-summary.h"

/* The plans a query selects, as a GListModel that reads them page by page
 * as a view scrolls, keeping a few pages: a list of a million plans costs
 * one count and the pages on screen. It reloads when the query changes or
 * the store reports a commit.
 *
 * A reload keeps the row objects that someone (a view's rows) still holds
 * and gives them the values of the plans now at their positions; only a
 * change in the count is told as items-changed, at the end of the list.
 * GTK 4.8's list views, told of new items, remake every row they keep
 * (200) and look for their old items among all the new ones (reading
 * every page); told nothing, they keep their rows and the rows redraw. */

#define PAGE_SIZE 100
#define MAX_PAGES 8

struct _IvdPlanList
{
  GObject       parent_instance;

  IvdStore     *store;
  IvdPlanQuery *query;
  guint         n_items;
  GHashTable   *pages;       /* page number -> GPtrArray of IvdPlanSummary */
  GQueue        page_order;  /* page numbers, most recently used first */
  GHashTable   *held;        /* position -> IvdPlanSummary handed out and still alive (weak) */
  GHashTable   *held_at;     /* IvdPlanSummary -> position */
  GError       *error;
};

static void ivd_plan_list_model_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (IvdPlanList, ivd_plan_list, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, ivd_plan_list_model_init))

enum {
  PROP_0,
  PROP_STORE,
  PROP_QUERY,
  PROP_N_ITEMS,
  PROP_ERROR,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  RELOADED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
set_error (IvdPlanList *self,
           GError      *error)
{
  if (self->error == NULL && error == NULL)
    return;

  g_clear_error (&self->error);
  self->error = error;
  if (error != NULL)
    g_warning ("The plan list could not be read: %s", error->message);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ERROR]);
}

static void
forget_pages (IvdPlanList *self)
{
  g_hash_table_remove_all (self->pages);
  g_queue_clear (&self->page_order);
}

static void
touch_page (IvdPlanList *self,
            guint        page)
{
  g_queue_remove (&self->page_order, GUINT_TO_POINTER (page));
  g_queue_push_head (&self->page_order, GUINT_TO_POINTER (page));

  while (g_queue_get_length (&self->page_order) > MAX_PAGES)
    g_hash_table_remove (self->pages, g_queue_pop_tail (&self->page_order));
}

static GPtrArray *
load_page (IvdPlanList *self,
           guint        page)
{
  GPtrArray *items = g_hash_table_lookup (self->pages, GUINT_TO_POINTER (page));
  GError *error = NULL;

  if (items == NULL)
    {
      items = ivd_store_list_plans (self->store, self->query, page * PAGE_SIZE, PAGE_SIZE, &error);
      if (items == NULL)
        {
          set_error (self, error);
          return NULL;
        }
      g_hash_table_insert (self->pages, GUINT_TO_POINTER (page), items);
    }

  touch_page (self, page);
  return items;
}

static void
on_held_finalized_cb (gpointer  data,
                      GObject  *where_the_object_was)
{
  IvdPlanList *self = data;
  gpointer position;

  if (g_hash_table_steal_extended (self->held_at, where_the_object_was, NULL, &position) &&
      g_hash_table_lookup (self->held, position) == where_the_object_was)
    g_hash_table_remove (self->held, position);
}

/* Remembers who holds which row, so that a reload can update it. */
static void
hold (IvdPlanList    *self,
      guint           position,
      IvdPlanSummary *summary)
{
  gpointer previous = g_hash_table_lookup (self->held, GUINT_TO_POINTER (position));

  if (previous == summary)
    return;
  if (previous != NULL)
    {
      g_object_weak_unref (previous, on_held_finalized_cb, self);
      g_hash_table_remove (self->held_at, previous);
    }
  if (g_hash_table_contains (self->held_at, summary))
    {
      g_hash_table_remove (self->held, g_hash_table_lookup (self->held_at, summary));
      g_object_weak_unref (G_OBJECT (summary), on_held_finalized_cb, self);
    }
  g_object_weak_ref (G_OBJECT (summary), on_held_finalized_cb, self);
  g_hash_table_insert (self->held, GUINT_TO_POINTER (position), summary);
  g_hash_table_insert (self->held_at, summary, GUINT_TO_POINTER (position));
}

static void
release_all (IvdPlanList *self)
{
  GHashTableIter iter;
  gpointer summary;

  g_hash_table_iter_init (&iter, self->held_at);
  while (g_hash_table_iter_next (&iter, &summary, NULL))
    g_object_weak_unref (summary, on_held_finalized_cb, self);
  g_hash_table_remove_all (self->held_at);
  g_hash_table_remove_all (self->held);
}

static GType
ivd_plan_list_get_item_type (GListModel *model)
{
  return IVD_TYPE_PLAN_SUMMARY;
}

static guint
ivd_plan_list_get_n_items (GListModel *model)
{
  return IVD_PLAN_LIST (model)->n_items;
}

static gpointer
ivd_plan_list_get_item (GListModel *model,
                        guint       position)
{
  IvdPlanList *self = IVD_PLAN_LIST (model);
  GPtrArray *items;

  if (position >= self->n_items)
    return NULL;

  items = load_page (self, position / PAGE_SIZE);
  /* The store may have shrunk under us; the reload that follows fixes n_items. */
  if (items == NULL || position % PAGE_SIZE >= items->len)
    return NULL;

  hold (self, position, g_ptr_array_index (items, position % PAGE_SIZE));
  return g_object_ref (g_ptr_array_index (items, position % PAGE_SIZE));
}

static void
ivd_plan_list_model_init (GListModelInterface *iface)
{
  iface->get_item_type = ivd_plan_list_get_item_type;
  iface->get_n_items = ivd_plan_list_get_n_items;
  iface->get_item = ivd_plan_list_get_item;
}

/* Where the plan @id sits in the pages held, or FALSE. */
static gboolean
find_cached (IvdPlanList *self,
             const char  *id,
             guint       *position)
{
  GHashTableIter iter;
  gpointer key;
  gpointer value;

  g_hash_table_iter_init (&iter, self->pages);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      GPtrArray *items = value;

      for (guint i = 0; i < items->len; i++)
        if (g_str_equal (ivd_plan_summary_get_id (items->pdata[i]), id))
          {
            *position = GPOINTER_TO_UINT (key) * PAGE_SIZE + i;
            return TRUE;
          }
    }
  return FALSE;
}

/* An autosave changes one plan that is usually on screen and stays where
 * it is (the open plan, first in "recent first"): if the store still has
 * it at the same position, only that row is read and replaced, and the
 * count of a large store is not taken again. Anything else (a new or
 * deleted plan, a plan that moved or left the filter) reloads. */
static gboolean
update_in_place (IvdPlanList *self,
                 const char  *id)
{
  g_autoptr(GPtrArray) fresh = NULL;
  GPtrArray *items;
  gpointer old;
  guint position;

  if (id == NULL || self->error != NULL || !find_cached (self, id, &position))
    return FALSE;

  fresh = ivd_store_list_plans (self->store, self->query, position, 1, NULL);
  if (fresh == NULL || fresh->len != 1 || !g_str_equal (ivd_plan_summary_get_id (fresh->pdata[0]), id))
    return FALSE;

  items = g_hash_table_lookup (self->pages, GUINT_TO_POINTER (position / PAGE_SIZE));
  old = items->pdata[position % PAGE_SIZE];
  items->pdata[position % PAGE_SIZE] = g_object_ref (fresh->pdata[0]);
  g_object_unref (old);
  g_list_model_items_changed (G_LIST_MODEL (self), position, 1, 1);
  return TRUE;
}

static void
on_store_changed_cb (IvdPlanList *self,
                     const char  *id,
                     IvdStore    *store)
{
  if (!update_in_place (self, id))
    ivd_plan_list_reload (self);
}

static void
on_query_notify_cb (IvdPlanList *self,
                    GParamSpec  *pspec,
                    IvdPlanQuery *query)
{
  ivd_plan_list_reload (self);
}

static void
ivd_plan_list_constructed (GObject *object)
{
  IvdPlanList *self = IVD_PLAN_LIST (object);

  G_OBJECT_CLASS (ivd_plan_list_parent_class)->constructed (object);

  if (self->query == NULL)
    self->query = ivd_plan_query_new ();

  g_signal_connect_object (self->store, "changed", G_CALLBACK (on_store_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->query, "notify", G_CALLBACK (on_query_notify_cb), self, G_CONNECT_SWAPPED);
  ivd_plan_list_reload (self);
}

static void
ivd_plan_list_dispose (GObject *object)
{
  IvdPlanList *self = IVD_PLAN_LIST (object);

  forget_pages (self);
  release_all (self);
  g_clear_object (&self->store);
  g_clear_object (&self->query);

  G_OBJECT_CLASS (ivd_plan_list_parent_class)->dispose (object);
}

static void
ivd_plan_list_finalize (GObject *object)
{
  IvdPlanList *self = IVD_PLAN_LIST (object);

  g_clear_pointer (&self->pages, g_hash_table_unref);
  g_clear_pointer (&self->held, g_hash_table_unref);
  g_clear_pointer (&self->held_at, g_hash_table_unref);
  g_clear_error (&self->error);

  G_OBJECT_CLASS (ivd_plan_list_parent_class)->finalize (object);
}

static void
ivd_plan_list_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  IvdPlanList *self = IVD_PLAN_LIST (object);

  switch (prop_id)
    {
    case PROP_STORE:   g_value_set_object (value, self->store); break;
    case PROP_QUERY:   g_value_set_object (value, self->query); break;
    case PROP_N_ITEMS: g_value_set_uint (value, self->n_items); break;
    case PROP_ERROR:   g_value_set_boxed (value, self->error); break;
    default:           G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ivd_plan_list_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  IvdPlanList *self = IVD_PLAN_LIST (object);

  switch (prop_id)
    {
    case PROP_STORE: self->store = g_value_dup_object (value); break;
    case PROP_QUERY: self->query = g_value_dup_object (value); break;
    default:         G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ivd_plan_list_class_init (IvdPlanListClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->constructed = ivd_plan_list_constructed;
  object_class->dispose = ivd_plan_list_dispose;
  object_class->finalize = ivd_plan_list_finalize;
  object_class->get_property = ivd_plan_list_get_property;
  object_class->set_property = ivd_plan_list_set_property;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, IVD_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_QUERY] =
    g_param_spec_object ("query", NULL, NULL, IVD_TYPE_PLAN_QUERY,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_N_ITEMS] =
    g_param_spec_uint ("n-items", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /* Set when the store could not be read, so a view can say so. */
  properties[PROP_ERROR] =
    g_param_spec_boxed ("error", NULL, NULL, G_TYPE_ERROR,
                        G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /* After every reload: the rows may show other plans even when the count
   * (and so items-changed) did not change. */
  signals[RELOADED] = g_signal_new ("reloaded", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL,
                                    NULL, G_TYPE_NONE, 0);
}

static void
ivd_plan_list_init (IvdPlanList *self)
{
  self->pages = g_hash_table_new_full (NULL, NULL, NULL, (GDestroyNotify) g_ptr_array_unref);
  self->held = g_hash_table_new (NULL, NULL);
  self->held_at = g_hash_table_new (NULL, NULL);
  g_queue_init (&self->page_order);
}

/**
 * ivd_plan_list_new:
 * @query: (nullable): what to show; NULL for every plan, recent first
 */
IvdPlanList *
ivd_plan_list_new (IvdStore     *store,
                   IvdPlanQuery *query)
{
  g_return_val_if_fail (IVD_IS_STORE (store), NULL);
  g_return_val_if_fail (query == NULL || IVD_IS_PLAN_QUERY (query), NULL);

  return g_object_new (IVD_TYPE_PLAN_LIST, "store", store, "query", query, NULL);
}

IvdStore *
ivd_plan_list_get_store (IvdPlanList *self)
{
  g_return_val_if_fail (IVD_IS_PLAN_LIST (self), NULL);
  return self->store;
}

IvdPlanQuery *
ivd_plan_list_get_query (IvdPlanList *self)
{
  g_return_val_if_fail (IVD_IS_PLAN_LIST (self), NULL);
  return self->query;
}

const GError *
ivd_plan_list_get_error (IvdPlanList *self)
{
  g_return_val_if_fail (IVD_IS_PLAN_LIST (self), NULL);
  return self->error;
}

static int
compare_positions (gconstpointer a,
                   gconstpointer b)
{
  guint x = GPOINTER_TO_UINT (*(gpointer *) a), y = GPOINTER_TO_UINT (*(gpointer *) b);

  return x < y ? -1 : x > y;
}

/* Reads pages @first to @last in one query (a search evaluates its words
 * once, not once per page) and caches them. */
static void
load_pages (IvdPlanList *self,
            guint        first,
            guint        last)
{
  g_autoptr(GPtrArray) rows = NULL;
  GError *error = NULL;

  rows = ivd_store_list_plans (self->store, self->query, first * PAGE_SIZE, (last - first + 1) * PAGE_SIZE, &error);
  if (rows == NULL)
    {
      set_error (self, error);
      return;
    }
  for (guint page = first; page <= last; page++)
    {
      GPtrArray *items = g_ptr_array_new_with_free_func (g_object_unref);

      for (guint i = (page - first) * PAGE_SIZE; i < rows->len && i < (page - first + 1) * PAGE_SIZE; i++)
        g_ptr_array_add (items, g_object_ref (rows->pdata[i]));
      g_hash_table_insert (self->pages, GUINT_TO_POINTER (page), items);
      touch_page (self, page);
    }
}

/* The rows still held below @n_items take the values of the plans now at
 * their positions; their pages are read (in one query when they are near
 * each other, as a view's rows are) and cached with them in place. Rows
 * held at or past @n_items go with the items-changed that follows. */
static void
refill_held (IvdPlanList *self,
             guint        n_items)
{
  g_autoptr(GList) positions = g_hash_table_get_keys (self->held);
  g_autoptr(GPtrArray) sorted = g_ptr_array_new ();
  guint first, last;

  for (GList *l = positions; l != NULL; l = l->next)
    if (GPOINTER_TO_UINT (l->data) < n_items)
      g_ptr_array_add (sorted, l->data);
  if (sorted->len == 0)
    return;
  g_ptr_array_sort (sorted, compare_positions);

  first = GPOINTER_TO_UINT (sorted->pdata[0]) / PAGE_SIZE;
  last = GPOINTER_TO_UINT (sorted->pdata[sorted->len - 1]) / PAGE_SIZE;
  if (last - first < MAX_PAGES)
    load_pages (self, first, last);

  for (guint i = 0; i < sorted->len; i++)
    {
      guint position = GPOINTER_TO_UINT (sorted->pdata[i]);
      GPtrArray *items = load_page (self, position / PAGE_SIZE);
      IvdPlanSummary *row = g_hash_table_lookup (self->held, sorted->pdata[i]);
      gpointer fresh;

      if (items == NULL || position % PAGE_SIZE >= items->len || row == NULL)
        continue;
      fresh = items->pdata[position % PAGE_SIZE];
      if (fresh == row)
        continue;
      ivd_plan_summary_take_values (row, fresh);
      items->pdata[position % PAGE_SIZE] = g_object_ref (row);
      g_object_unref (fresh);
    }
}

/* Counts again, reads afresh the rows a view holds, and tells views only
 * of the rows added or removed at the end (see the top of this file). */
void
ivd_plan_list_reload (IvdPlanList *self)
{
  GError *error = NULL;
  guint old_n;
  guint new_n;

  g_return_if_fail (IVD_IS_PLAN_LIST (self));

  old_n = self->n_items;
  new_n = ivd_store_count_plans (self->store, self->query, &error);
  set_error (self, error);

  forget_pages (self);
  self->n_items = new_n;
  refill_held (self, new_n);
  if (new_n < old_n)
    g_list_model_items_changed (G_LIST_MODEL (self), new_n, old_n - new_n, 0);
  else if (new_n > old_n)
    g_list_model_items_changed (G_LIST_MODEL (self), old_n, 0, new_n - old_n);
  if (old_n != new_n)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_ITEMS]);
  g_signal_emit (self, signals[RELOADED], 0);
}

guint
ivd_plan_list_get_n_cached_pages (IvdPlanList *self)
{
  g_return_val_if_fail (IVD_IS_PLAN_LIST (self), 0);
  return g_hash_table_size (self->pages);
}
