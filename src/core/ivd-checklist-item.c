#define G_LOG_DOMAIN "ivd-checklist-item"

#include "ivd-checklist-item.h"

/* One start-up step of domain §8 and whether the plan has it done. */
struct _IvdChecklistItem
{
  GObject   parent_instance;
  char     *id;
  char     *text;
  char     *source;
  gboolean  done;
};

G_DEFINE_FINAL_TYPE (IvdChecklistItem, ivd_checklist_item, G_TYPE_OBJECT)

static void
ivd_checklist_item_finalize (GObject *object)
{
  IvdChecklistItem *self = (IvdChecklistItem *) object;

  g_clear_pointer (&self->id, g_free);
  g_clear_pointer (&self->text, g_free);
  g_clear_pointer (&self->source, g_free);

  G_OBJECT_CLASS (ivd_checklist_item_parent_class)->finalize (object);
}

static void
ivd_checklist_item_class_init (IvdChecklistItemClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = ivd_checklist_item_finalize;
}

static void
ivd_checklist_item_init (IvdChecklistItem *self)
{
}

IvdChecklistItem *
ivd_checklist_item_new (const char *id,
                        const char *text,
                        const char *source,
                        gboolean    done)
{
  IvdChecklistItem *self = g_object_new (IVD_TYPE_CHECKLIST_ITEM, NULL);

  self->id = g_strdup (id);
  self->text = g_strdup (text);
  self->source = g_strdup (source);
  self->done = done;
  return self;
}

const char *
ivd_checklist_item_get_id (IvdChecklistItem *self)
{
  g_return_val_if_fail (IVD_IS_CHECKLIST_ITEM (self), NULL);
  return self->id;
}

const char *
ivd_checklist_item_get_text (IvdChecklistItem *self)
{
  g_return_val_if_fail (IVD_IS_CHECKLIST_ITEM (self), NULL);
  return self->text;
}

const char *
ivd_checklist_item_get_source (IvdChecklistItem *self)
{
  g_return_val_if_fail (IVD_IS_CHECKLIST_ITEM (self), NULL);
  return self->source;
}

gboolean
ivd_checklist_item_get_done (IvdChecklistItem *self)
{
  g_return_val_if_fail (IVD_IS_CHECKLIST_ITEM (self), FALSE);
  return self->done;
}

JsonNode *
ivd_checklist_item_to_json (IvdChecklistItem *self)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  g_return_val_if_fail (IVD_IS_CHECKLIST_ITEM (self), NULL);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "item");
  json_builder_add_string_value (builder, self->id);
  json_builder_set_member_name (builder, "done");
  json_builder_add_boolean_value (builder, self->done);
  json_builder_end_object (builder);

  return json_builder_get_root (builder);
}
