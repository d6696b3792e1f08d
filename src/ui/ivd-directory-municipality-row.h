#pragma once

#include <adwaita.h>

#include "ivd-directory-entry.h"
#include "ivd-municipality.h"

G_BEGIN_DECLS

#define IVD_TYPE_DIRECTORY_MUNICIPALITY_ROW (ivd_directory_municipality_row_get_type ())

G_DECLARE_FINAL_TYPE (IvdDirectoryMunicipalityRow, ivd_directory_municipality_row, IVD, DIRECTORY_MUNICIPALITY_ROW,
                      AdwBin)

GtkWidget *ivd_directory_municipality_row_new      (void);
void       ivd_directory_municipality_row_set_item (IvdDirectoryMunicipalityRow *self,
                                                    IvdMunicipality             *municipality,
                                                    IvdDirectoryEntry           *entry);

G_END_DECLS
