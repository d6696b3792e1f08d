#pragma once

#include <json-glib/json-glib.h>

G_BEGIN_DECLS

/* More than any region's whole yearly volume (Hovedstaden: about 5,700). */
#define IVD_DIRECTORY_MAX_COURSES 100000

#define IVD_TYPE_DIRECTORY_ENTRY (ivd_directory_entry_get_type ())

G_DECLARE_FINAL_TYPE (IvdDirectoryEntry, ivd_directory_entry, IVD, DIRECTORY_ENTRY, GObject)

IvdDirectoryEntry *ivd_directory_entry_new                  (const char        *code);
IvdDirectoryEntry *ivd_directory_entry_new_from_json        (JsonObject        *object,
                                                             GError           **error);
JsonNode          *ivd_directory_entry_to_json              (IvdDirectoryEntry *self);
const char        *ivd_directory_entry_get_code             (IvdDirectoryEntry *self);
const char        *ivd_directory_entry_get_sor              (IvdDirectoryEntry *self);
const char        *ivd_directory_entry_get_ean              (IvdDirectoryEntry *self);
const char        *ivd_directory_entry_get_visitation_phone (IvdDirectoryEntry *self);
const char        *ivd_directory_entry_get_visitation_hours (IvdDirectoryEntry *self);
const char        *ivd_directory_entry_get_acute_team_phone (IvdDirectoryEntry *self);
gboolean           ivd_directory_entry_get_iv_in_clinic     (IvdDirectoryEntry *self);
gboolean           ivd_directory_entry_get_iv_in_clinic_known (IvdDirectoryEntry *self);
const char        *ivd_directory_entry_get_clinic_address   (IvdDirectoryEntry *self);
const char        *ivd_directory_entry_get_clinic_hours     (IvdDirectoryEntry *self);
const char        *ivd_directory_entry_get_depot_address    (IvdDirectoryEntry *self);
const char        *ivd_directory_entry_get_notes            (IvdDirectoryEntry *self);
guint              ivd_directory_entry_get_expected_courses_per_year (IvdDirectoryEntry *self);
void               ivd_directory_entry_assign               (IvdDirectoryEntry *self,
                                                             IvdDirectoryEntry *from);
gboolean           ivd_directory_entry_is_empty             (IvdDirectoryEntry *self);

G_END_DECLS
