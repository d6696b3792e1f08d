#pragma once

#include <gio/gio.h>

#include "ivd-catalog.h"
#include "ivd-directory.h"
#include "ivd-evaluation.h"
#include "ivd-plan.h"

G_BEGIN_DECLS

#define IVD_EXPORT_ERROR (ivd_export_error_quark ())

/**
 * IvdExportError:
 * @IVD_EXPORT_ERROR_INCOMPLETE: something the format needs is not in the
 *   plan or the municipality directory (a SOR or EAN code, a name)
 * @IVD_EXPORT_ERROR_WRITE: the file could not be written
 * @IVD_EXPORT_ERROR_RENDER: the document could not be drawn
 */
typedef enum
{
  IVD_EXPORT_ERROR_INCOMPLETE,
  IVD_EXPORT_ERROR_WRITE,
  IVD_EXPORT_ERROR_RENDER,
} IvdExportError;

typedef enum
{
  IVD_EXPORT_PDF,     /*< nick=pdf >*/
  IVD_EXPORT_FHIR,    /*< nick=fhir >*/
  IVD_EXPORT_TEXT,    /*< nick=text >*/
  IVD_EXPORT_HANDOUT, /*< nick=handout >*/
} IvdExportFormat;

/* Everything an export is made from; none of it is owned here. */
typedef struct
{
  IvdCatalog    *catalog;
  IvdDirectory  *directory;
  IvdPlan       *plan;
  IvdEvaluation *evaluation;
  GDateTime     *now;
} IvdExportInput;

GQuark      ivd_export_error_quark       (void);
gboolean    ivd_export_format_from_string (const char            *text,
                                          IvdExportFormat       *format);
GBytes     *ivd_export_render            (const IvdExportInput  *input,
                                          IvdExportFormat        format,
                                          GError               **error);
gboolean    ivd_export_write_file        (const char            *path,
                                          GBytes                *contents,
                                          GError               **error);
gboolean    ivd_export_render_to_file    (const IvdExportInput  *input,
                                          IvdExportFormat        format,
                                          const char            *path,
                                          GError               **error);

G_END_DECLS
