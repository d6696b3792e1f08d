#pragma once

#include <cairo.h>
#include <gio/gio.h>

#include "ivd-document.h"

G_BEGIN_DECLS

#define IVD_PDF_A4_WIDTH  595.276
#define IVD_PDF_A4_HEIGHT 841.890

typedef struct _IvdPdfPages IvdPdfPages;

GBytes      *ivd_pdf_writer_render     (IvdDocument  *document,
                                        GDateTime    *now,
                                        GError      **error);
IvdPdfPages *ivd_pdf_writer_layout     (IvdDocument  *document);
guint        ivd_pdf_pages_get_n_pages (IvdPdfPages  *pages);
void         ivd_pdf_pages_draw_page   (IvdPdfPages  *pages,
                                        cairo_t      *cr,
                                        guint         index);
void         ivd_pdf_pages_free        (IvdPdfPages  *pages);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (IvdPdfPages, ivd_pdf_pages_free)

G_END_DECLS
