#define G_LOG_DOMAIN "ivd-plan-sorter"

#include "config.h"

#include "ivd-plan-sorter.h"
#include "ivd-store-enum-types.h"

/* A column's sort order for a plan list that the store sorts in SQL: the
 * column view only says which column's sorter comes first and in which
 * direction. GTK 4.8 has no public way to ask that of a column view's
 * sorter, so ivd_plan_sorter_read() compares two probe objects with it:
 * the first column sorter asked marks the probe and answers "smaller",
 * which the view's sorter inverts when that column sorts descending. */
struct _IvdPlanSorter
{
  GtkSorter   parent_instance;
  IvdPlanSort sort;
};

G_DEFINE_FINAL_TYPE (IvdPlanSorter, ivd_plan_sorter, GTK_TYPE_SORTER)

enum {
  PROP_0,
  PROP_SORT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

#define PROBE_KEY "ivd-plan-sorter"

static GtkOrdering
ivd_plan_sorter_compare (GtkSorter *sorter,
                         gpointer   item1,
                         gpointer   item2)
{
  g_object_set_data (item1, PROBE_KEY, sorter);
  return GTK_ORDERING_SMALLER;
}

static GtkSorterOrder
ivd_plan_sorter_get_order (GtkSorter *sorter)
{
  return GTK_SORTER_ORDER_PARTIAL;
}

static void
ivd_plan_sorter_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  IvdPlanSorter *self = IVD_PLAN_SORTER (object);

  switch (prop_id)
    {
    case PROP_SORT: g_value_set_enum (value, self->sort); break;
    default:        G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ivd_plan_sorter_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  IvdPlanSorter *self = IVD_PLAN_SORTER (object);

  switch (prop_id)
    {
    case PROP_SORT: self->sort = g_value_get_enum (value); break;
    default:        G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ivd_plan_sorter_class_init (IvdPlanSorterClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkSorterClass *sorter_class = GTK_SORTER_CLASS (klass);

  object_class->get_property = ivd_plan_sorter_get_property;
  object_class->set_property = ivd_plan_sorter_set_property;
  sorter_class->compare = ivd_plan_sorter_compare;
  sorter_class->get_order = ivd_plan_sorter_get_order;

  /* The store's order for this column; set once, in the template. */
  properties[PROP_SORT] =
    g_param_spec_enum ("sort", NULL, NULL, IVD_TYPE_PLAN_SORT, IVD_PLAN_SORT_UPDATED,
                       G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
ivd_plan_sorter_init (IvdPlanSorter *self)
{
}

/**
 * ivd_plan_sorter_read:
 * @view_sorter: a column view's sorter, whose columns have IvdPlanSorters
 *
 * Returns: FALSE when no column is sorted
 */
gboolean
ivd_plan_sorter_read (GtkSorter   *view_sorter,
                      IvdPlanSort *sort,
                      gboolean    *descending)
{
  g_autoptr(GObject) first = g_object_new (G_TYPE_OBJECT, NULL);
  g_autoptr(GObject) second = g_object_new (G_TYPE_OBJECT, NULL);
  GtkOrdering order;
  IvdPlanSorter *asked;

  g_return_val_if_fail (GTK_IS_SORTER (view_sorter), FALSE);

  order = gtk_sorter_compare (view_sorter, first, second);
  asked = g_object_get_data (first, PROBE_KEY);
  if (order == GTK_ORDERING_EQUAL || !IVD_IS_PLAN_SORTER (asked))
    return FALSE;

  *sort = asked->sort;
  *descending = order == GTK_ORDERING_LARGER;
  return TRUE;
}
