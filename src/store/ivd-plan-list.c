#define G_LOG_DOMAIN "ivd-plan-list"

#include "config.h"

#include "ivd-plan-list.h"
#include "ivd-plan-summary.h"

/* The plans a query selects, as a GListModel that reads them page by page
 * as a view scrolls, keeping a few pages: a list of a million plans costs
 * one count and the pages on screen. It reloads when the query changes or
 * the store reports a commit. */

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
  g_clear_object (&self->store);
  g_clear_object (&self->query);

  G_OBJECT_CLASS (ivd_plan_list_parent_class)->dispose (object);
}

static void
ivd_plan_list_finalize (GObject *object)
{
  IvdPlanList *self = IVD_PLAN_LIST (object);

  g_clear_pointer (&self->pages, g_hash_table_unref);
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
}

static void
ivd_plan_list_init (IvdPlanList *self)
{
  self->pages = g_hash_table_new_full (NULL, NULL, NULL, (GDestroyNotify) g_ptr_array_unref);
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

/* Counts again and drops the pages held; views see one items-changed. */
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
  g_list_model_items_changed (G_LIST_MODEL (self), 0, old_n, new_n);
  if (old_n != new_n)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_ITEMS]);
}

guint
ivd_plan_list_get_n_cached_pages (IvdPlanList *self)
{
  g_return_val_if_fail (IVD_IS_PLAN_LIST (self), 0);
  return g_hash_table_size (self->pages);
}
