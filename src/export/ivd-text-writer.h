#pragma once

#include "ivd-document.h"

G_BEGIN_DECLS

#define IVD_TEXT_WRITER_WIDTH 76

char *ivd_text_writer_render (IvdDocument *document);

G_END_DECLS
