#pragma once

#include <json-glib/json-glib.h>

G_BEGIN_DECLS

#define IVD_TYPE_CHECKLIST_ITEM (ivd_checklist_item_get_type ())

G_DECLARE_FINAL_TYPE (IvdChecklistItem, ivd_checklist_item, IVD, CHECKLIST_ITEM, GObject)

IvdChecklistItem *ivd_checklist_item_new        (const char       *id,
                                                 const char       *text,
                                                 const char       *source,
                                                 gboolean          done);
const char       *ivd_checklist_item_get_id     (IvdChecklistItem *self);
const char       *ivd_checklist_item_get_text   (IvdChecklistItem *self);
const char       *ivd_checklist_item_get_source (IvdChecklistItem *self);
gboolean          ivd_checklist_item_get_done   (IvdChecklistItem *self);
JsonNode         *ivd_checklist_item_to_json    (IvdChecklistItem *self);

G_END_DECLS
