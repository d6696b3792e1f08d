#pragma once

#include <adwaita.h>

#include "ivd-directory-fields.h"

G_BEGIN_DECLS

#define IVD_TYPE_DIRECTORY_FIELD_ROW (ivd_directory_field_row_get_type ())

G_DECLARE_FINAL_TYPE (IvdDirectoryFieldRow, ivd_directory_field_row, IVD, DIRECTORY_FIELD_ROW, AdwEntryRow)

GtkWidget               *ivd_directory_field_row_new       (const IvdDirectoryField *field);
const IvdDirectoryField *ivd_directory_field_row_get_field (IvdDirectoryFieldRow    *self);
IvdDirectoryEntry       *ivd_directory_field_row_get_entry (IvdDirectoryFieldRow    *self);
void                     ivd_directory_field_row_set_entry (IvdDirectoryFieldRow    *self,
                                                            IvdDirectoryEntry       *entry);

G_END_DECLS
