#pragma once

#include <adwaita.h>

#include "ivd-catalog.h"
#include "ivd-directory.h"
#include "ivd-directory-changes.h"

G_BEGIN_DECLS

#define IVD_TYPE_DIRECTORY_EDITOR (ivd_directory_editor_get_type ())

G_DECLARE_FINAL_TYPE (IvdDirectoryEditor, ivd_directory_editor, IVD, DIRECTORY_EDITOR, AdwBin)

IvdDirectoryEditor  *ivd_directory_editor_new             (IvdCatalog          *catalog,
                                                           const char          *path);
const char          *ivd_directory_editor_get_path        (IvdDirectoryEditor  *self);
IvdDirectory        *ivd_directory_editor_get_directory   (IvdDirectoryEditor  *self);
gboolean             ivd_directory_editor_select          (IvdDirectoryEditor  *self,
                                                           const char          *code);
gboolean             ivd_directory_editor_save_pending    (IvdDirectoryEditor  *self,
                                                           GError             **error);
gboolean             ivd_directory_editor_export_file     (IvdDirectoryEditor  *self,
                                                           GFile               *file,
                                                           GError             **error);
IvdDirectoryChanges *ivd_directory_editor_preview_import  (IvdDirectoryEditor  *self,
                                                           GFile               *file,
                                                           GError             **error);
gboolean             ivd_directory_editor_apply_import    (IvdDirectoryEditor  *self,
                                                           IvdDirectoryChanges *changes,
                                                           GError             **error);
void                 ivd_directory_editor_import_file     (IvdDirectoryEditor  *self,
                                                           GFile               *file);

G_END_DECLS
