#pragma once

#include <gio/gio.h>

#include "ivd-document.h"

G_BEGIN_DECLS

#define IVD_PDF_A4_WIDTH  595.276
#define IVD_PDF_A4_HEIGHT 841.890

GBytes *ivd_pdf_writer_render (IvdDocument  *document,
                               GDateTime    *now,
                               GError      **error);

G_END_DECLS
