#pragma once

#include <gio/gio.h>

#include "ivd-catalog.h"
#include "ivd-directory-entry.h"

G_BEGIN_DECLS

#define IVD_DIRECTORY_FORMAT    "iv-discharge-directory/1"
#define IVD_DIRECTORY_MAX_BYTES (4 * 1024 * 1024)

#define IVD_TYPE_DIRECTORY (ivd_directory_get_type ())

G_DECLARE_FINAL_TYPE (IvdDirectory, ivd_directory, IVD, DIRECTORY, GObject)

IvdDirectory      *ivd_directory_new               (void);
IvdDirectory      *ivd_directory_new_from_file     (IvdCatalog   *catalog,
                                                    const char   *path,
                                                    GError      **error);
IvdDirectory      *ivd_directory_new_default       (IvdCatalog   *catalog,
                                                    GError      **error);
char              *ivd_directory_dup_default_path  (void);
GListModel        *ivd_directory_get_entries       (IvdDirectory *self);
IvdDirectoryEntry *ivd_directory_lookup            (IvdDirectory *self,
                                                    const char   *code);
IvdDirectoryEntry *ivd_directory_ensure_entry      (IvdDirectory *self,
                                                    const char   *code);
gboolean           ivd_directory_save_to_file      (IvdDirectory *self,
                                                    const char   *path,
                                                    GError      **error);

gboolean           ivd_directory_save_entry        (IvdDirectory *self,
                                                    IvdCatalog   *catalog,
                                                    const char   *path,
                                                    const char   *code,
                                                    GError      **error);

G_END_DECLS
