#define G_LOG_DOMAIN "ivd-export"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "ivd-export.h"
#include "ivd-fhir-writer.h"
#include "ivd-handout.h"
#include "ivd-pdf-writer.h"
#include "ivd-referral.h"
#include "ivd-text-writer.h"
#include "ivd-training-case.h"

/* One entry for every export: the referral (PDF, FHIR, text) and the
 * patient handout, all made from the same plan and evaluation. */

G_DEFINE_QUARK (ivd-export-error-quark, ivd_export_error)

static const char * const format_names[] = { "pdf", "fhir", "text", "handout", NULL };

gboolean
ivd_export_format_from_string (const char      *text,
                               IvdExportFormat *format)
{
  for (guint i = 0; format_names[i] != NULL; i++)
    if (g_strcmp0 (text, format_names[i]) == 0)
      {
        *format = (IvdExportFormat) i;
        return TRUE;
      }

  return FALSE;
}

/* A training plan (issue 7) is marked on every page, so that no paper or
 * file from a class passes for a real referral. */
static IvdDocument *
mark_if_training (IvdDocument          *doc,
                  const IvdExportInput *input)
{
  if (ivd_training_case_plan_is_training (input->plan))
    ivd_document_set_marking (doc, _("Training – fictitious patients"));
  return doc;
}

static GBytes *
render_referral_pdf (const IvdExportInput  *input,
                     GError               **error)
{
  g_autoptr(IvdDocument) referral = mark_if_training (ivd_referral_build (input), input);

  return ivd_pdf_writer_render (referral, input->now, error);
}

static GBytes *
render_text (const IvdExportInput *input)
{
  g_autoptr(IvdDocument) referral = mark_if_training (ivd_referral_build (input), input);
  char *text = ivd_text_writer_render (referral);

  return g_bytes_new_take (text, strlen (text));
}

static GBytes *
render_fhir (const IvdExportInput  *input,
             GError               **error)
{
  g_autoptr(IvdDocument) referral = mark_if_training (ivd_referral_build (input), input);
  g_autofree char *text = ivd_text_writer_render (referral);
  g_autoptr(GBytes) pdf = ivd_pdf_writer_render (referral, input->now, error);

  return pdf != NULL ? ivd_fhir_writer_render (input, text, pdf, error) : NULL;
}

static GBytes *
render_handout (const IvdExportInput  *input,
                GError               **error)
{
  g_autoptr(IvdDocument) handout = mark_if_training (ivd_handout_build (input), input);

  return ivd_pdf_writer_render (handout, input->now, error);
}

/**
 * ivd_export_render:
 *
 * Returns: (transfer full): the file's contents, or NULL with
 * IVD_EXPORT_ERROR_INCOMPLETE when the format needs something the plan or
 * the directory lacks (the message names it).
 */
GBytes *
ivd_export_render (const IvdExportInput  *input,
                   IvdExportFormat        format,
                   GError               **error)
{
  g_return_val_if_fail (input != NULL, NULL);
  g_return_val_if_fail (IVD_IS_PLAN (input->plan), NULL);
  g_return_val_if_fail (IVD_IS_EVALUATION (input->evaluation), NULL);
  g_return_val_if_fail (input->now != NULL, NULL);

  switch (format)
    {
    case IVD_EXPORT_PDF:
      return render_referral_pdf (input, error);
    case IVD_EXPORT_FHIR:
      return render_fhir (input, error);
    case IVD_EXPORT_TEXT:
      return render_text (input);
    case IVD_EXPORT_HANDOUT:
      return render_handout (input, error);
    default:
      g_return_val_if_reached (NULL);
    }
}

/* Written whole or not at all: a temporary file in the target folder,
 * synced and renamed over the target, readable by the user only. A failed
 * write removes the temporary file and leaves any earlier file as it was. */
gboolean
ivd_export_write_file (const char  *path,
                       GBytes      *contents,
                       GError     **error)
{
  g_autoptr(GError) local_error = NULL;
  gsize length;
  const char *data;

  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (contents != NULL, FALSE);

  data = g_bytes_get_data (contents, &length);
  if (!g_file_set_contents_full (path, data, length,
                                 G_FILE_SET_CONTENTS_CONSISTENT | G_FILE_SET_CONTENTS_DURABLE,
                                 0600, &local_error))
    {
      g_set_error (error, IVD_EXPORT_ERROR, IVD_EXPORT_ERROR_WRITE,
                   _("The file could not be written; nothing was saved: %s"), local_error->message);
      return FALSE;
    }

  return TRUE;
}

/* Renders and writes in one step: the export module's entry point. */
gboolean
ivd_export_render_to_file (const IvdExportInput  *input,
                           IvdExportFormat        format,
                           const char            *path,
                           GError               **error)
{
  g_autoptr(GBytes) contents = ivd_export_render (input, format, error);

  return contents != NULL && ivd_export_write_file (path, contents, error);
}
