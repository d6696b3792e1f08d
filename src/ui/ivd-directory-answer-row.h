#pragma once

#include <adwaita.h>

#include "ivd-directory-entry.h"

G_BEGIN_DECLS

#define IVD_TYPE_DIRECTORY_ANSWER_ROW (ivd_directory_answer_row_get_type ())

G_DECLARE_FINAL_TYPE (IvdDirectoryAnswerRow, ivd_directory_answer_row, IVD, DIRECTORY_ANSWER_ROW, AdwActionRow)

GtkWidget         *ivd_directory_answer_row_new       (void);
IvdDirectoryEntry *ivd_directory_answer_row_get_entry (IvdDirectoryAnswerRow *self);
void               ivd_directory_answer_row_set_entry (IvdDirectoryAnswerRow *self,
                                                       IvdDirectoryEntry     *entry);

G_END_DECLS
