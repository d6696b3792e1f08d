#define G_LOG_DOMAIN "ivd-text-writer"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "ivd-text-writer.h"

/* Plain text for pasting into a hospital record: short labelled lines,
 * spaces only (a record system turns tabs into anything), at most
 * IVD_TEXT_WRITER_WIDTH characters, continuation lines indented. */

static void
append_wrapped (GString    *out,
                const char *first_prefix,
                const char *text,
                guint       indent)
{
  g_auto(GStrv) words = g_strsplit_set (text, " \t\n", -1);
  guint column = g_utf8_strlen (first_prefix, -1);
  gboolean line_empty = TRUE;

  g_string_append (out, first_prefix);
  for (guint i = 0; words[i] != NULL; i++)
    {
      guint length = g_utf8_strlen (words[i], -1);

      if (length == 0)
        continue;
      if (!line_empty && column + 1 + length > IVD_TEXT_WRITER_WIDTH)
        {
          g_string_append_c (out, '\n');
          for (guint j = 0; j < indent; j++)
            g_string_append_c (out, ' ');
          column = indent;
          line_empty = TRUE;
        }
      if (!line_empty)
        {
          g_string_append_c (out, ' ');
          column++;
        }
      g_string_append (out, words[i]);
      column += length;
      line_empty = FALSE;
    }
  g_string_append_c (out, '\n');
}

static void
append_table (GString        *out,
              const IvdBlock *block)
{
  for (guint r = 0; r < block->rows->len; r++)
    {
      char **cells = g_ptr_array_index (block->rows, r);
      g_autofree char *rest = g_strjoinv (" · ", cells + 1);
      g_autofree char *prefix = g_strdup_printf ("- %s: ", cells[0]);

      append_wrapped (out, prefix, rest, 2);
    }
}

static void
append_block (GString        *out,
              const IvdBlock *block)
{
  g_autofree char *prefix = NULL;

  switch (block->kind)
    {
    case IVD_BLOCK_HEADING:
      {
        g_autofree char *upper = g_utf8_strup (block->label, -1);

        /* One blank line before each section, never two. */
        if (!g_str_has_suffix (out->str, "\n\n"))
          g_string_append_c (out, '\n');
        g_string_append_printf (out, "%s\n", upper);
      }
      break;
    case IVD_BLOCK_FIELD:
      prefix = g_strdup_printf ("%s: ", block->label);
      append_wrapped (out, prefix, block->text, 2);
      break;
    case IVD_BLOCK_PARAGRAPH:
      append_wrapped (out, "", block->text, 0);
      break;
    case IVD_BLOCK_BULLET:
      append_wrapped (out, "- ", block->text, 2);
      break;
    case IVD_BLOCK_CHECK:
      prefix = g_strdup_printf ("[%s] ", block->done ? "x" : " ");
      {
        g_autofree char *text = block->note ? g_strdup_printf ("%s (%s)", block->text, block->note)
                                            : g_strdup (block->text);
        append_wrapped (out, prefix, text, 4);
      }
      break;
    case IVD_BLOCK_WARNING:
      {
        g_autofree char *upper = g_utf8_strup (_("Important"), -1);
        prefix = g_strdup_printf ("%s: ", upper);
        append_wrapped (out, prefix, block->text, 2);
      }
      break;
    case IVD_BLOCK_TABLE:
      append_table (out, block);
      break;
    case IVD_BLOCK_SIGNATURE:
    default:
      break;
    }
}

char *
ivd_text_writer_render (IvdDocument *document)
{
  GString *out = g_string_new (NULL);
  g_autofree char *title = NULL;

  g_return_val_if_fail (IVD_IS_DOCUMENT (document), NULL);

  if (ivd_document_get_marking (document) != NULL)
    g_string_append_printf (out, "*** %s ***\n\n", ivd_document_get_marking (document));
  title = g_utf8_strup (ivd_document_get_title (document), -1);
  g_string_append_printf (out, "%s\n", title);
  if (ivd_document_get_subtitle (document) != NULL)
    g_string_append_printf (out, "%s\n", ivd_document_get_subtitle (document));
  g_string_append_c (out, '\n');

  for (guint i = 0; i < ivd_document_get_n_blocks (document); i++)
    append_block (out, ivd_document_get_block (document, i));

  if (ivd_document_get_marking (document) != NULL)
    g_string_append_printf (out, "\n*** %s ***\n", ivd_document_get_marking (document));
  return g_string_free (out, FALSE);
}
