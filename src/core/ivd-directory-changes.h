#pragma once

#include <gio/gio.h>

#include "ivd-catalog.h"
#include "ivd-directory.h"
#include "ivd-directory-change.h"

G_BEGIN_DECLS

#define IVD_TYPE_DIRECTORY_CHANGES (ivd_directory_changes_get_type ())

G_DECLARE_FINAL_TYPE (IvdDirectoryChanges, ivd_directory_changes, IVD, DIRECTORY_CHANGES, GObject)

IvdDirectoryChanges *ivd_directory_changes_new                  (IvdDirectory         *current,
                                                                 IvdDirectory         *imported);
IvdDirectoryChanges *ivd_directory_changes_new_from_file        (IvdDirectory         *current,
                                                                 IvdCatalog           *catalog,
                                                                 const char           *path,
                                                                 GError              **error);
GListModel          *ivd_directory_changes_get_changes          (IvdDirectoryChanges  *self);
guint                ivd_directory_changes_get_n_municipalities (IvdDirectoryChanges  *self);
IvdDirectory        *ivd_directory_changes_get_imported         (IvdDirectoryChanges  *self);
void                 ivd_directory_changes_apply                (IvdDirectoryChanges  *self,
                                                                 IvdDirectory         *directory);
gboolean             ivd_directory_changes_apply_to_file        (IvdDirectoryChanges  *self,
                                                                 IvdDirectory         *directory,
                                                                 IvdCatalog           *catalog,
                                                                 const char           *path,
                                                                 GError              **error);

gboolean             ivd_directory_changes_merge_into_file      (IvdDirectory         *directory,
                                                                 IvdCatalog           *catalog,
                                                                 const char           *path,
                                                                 GListModel           *entries,
                                                                 GError              **error);

G_END_DECLS
