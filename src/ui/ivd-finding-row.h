#pragma once

#include <gtk/gtk.h>

#include "ivd-finding.h"

G_BEGIN_DECLS

#define IVD_TYPE_FINDING_ROW (ivd_finding_row_get_type ())

G_DECLARE_FINAL_TYPE (IvdFindingRow, ivd_finding_row, IVD, FINDING_ROW, GtkListBoxRow)

GtkWidget *ivd_finding_row_new (IvdFinding *finding,
                                const char *quote);

G_END_DECLS
