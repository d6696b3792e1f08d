#pragma once

#include "ivd-step-page.h"

#include "ivd-export.h"

G_BEGIN_DECLS

#define IVD_TYPE_REVIEW_PAGE (ivd_review_page_get_type ())

G_DECLARE_FINAL_TYPE (IvdReviewPage, ivd_review_page, IVD, REVIEW_PAGE, IvdStepPage)

gboolean           ivd_review_page_export_to_file         (IvdReviewPage    *self,
                                                           IvdExportFormat   format,
                                                           GFile            *file);
GtkPrintOperation *ivd_review_page_create_print_operation (IvdReviewPage    *self,
                                                           GError          **error);

G_END_DECLS
