#pragma once

#include "ivd-export.h"

G_BEGIN_DECLS

GBytes *ivd_fhir_writer_render (const IvdExportInput  *input,
                                const char            *referral_text,
                                GBytes                *referral_pdf,
                                GError               **error);

G_END_DECLS
