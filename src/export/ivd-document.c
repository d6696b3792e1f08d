#define G_LOG_DOMAIN "ivd-document"

#include "ivd-document.h"

struct _IvdDocument
{
  GObject           parent_instance;
  IvdDocumentStyle  style;
  char             *title;
  char             *subtitle;
  char             *running_header;
  char             *footer;
  char             *marking;
  GPtrArray        *blocks;
};

G_DEFINE_FINAL_TYPE (IvdDocument, ivd_document, G_TYPE_OBJECT)

static void
block_free (gpointer data)
{
  IvdBlock *block = data;

  g_free (block->label);
  g_free (block->text);
  g_free (block->note);
  g_free (block->widths);
  g_strfreev (block->header);
  g_clear_pointer (&block->rows, g_ptr_array_unref);
  g_free (block);
}

static IvdBlock *
add_block (IvdDocument  *self,
           IvdBlockKind  kind,
           const char   *label,
           const char   *text)
{
  IvdBlock *block = g_new0 (IvdBlock, 1);

  block->kind = kind;
  block->label = g_strdup (label);
  block->text = g_strdup (text);
  g_ptr_array_add (self->blocks, block);
  return block;
}

static void
ivd_document_finalize (GObject *object)
{
  IvdDocument *self = (IvdDocument *) object;

  g_clear_pointer (&self->title, g_free);
  g_clear_pointer (&self->subtitle, g_free);
  g_clear_pointer (&self->running_header, g_free);
  g_clear_pointer (&self->footer, g_free);
  g_clear_pointer (&self->marking, g_free);
  g_clear_pointer (&self->blocks, g_ptr_array_unref);

  G_OBJECT_CLASS (ivd_document_parent_class)->finalize (object);
}

static void
ivd_document_class_init (IvdDocumentClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = ivd_document_finalize;
}

static void
ivd_document_init (IvdDocument *self)
{
  self->blocks = g_ptr_array_new_with_free_func (block_free);
}

IvdDocument *
ivd_document_new (IvdDocumentStyle  style,
                  const char       *title)
{
  IvdDocument *self = g_object_new (IVD_TYPE_DOCUMENT, NULL);

  self->style = style;
  self->title = g_strdup (title);
  return self;
}

IvdDocumentStyle
ivd_document_get_style (IvdDocument *self)
{
  g_return_val_if_fail (IVD_IS_DOCUMENT (self), IVD_DOCUMENT_REFERRAL);
  return self->style;
}

const char *
ivd_document_get_title (IvdDocument *self)
{
  g_return_val_if_fail (IVD_IS_DOCUMENT (self), NULL);
  return self->title;
}

const char *
ivd_document_get_subtitle (IvdDocument *self)
{
  g_return_val_if_fail (IVD_IS_DOCUMENT (self), NULL);
  return self->subtitle;
}

void
ivd_document_set_subtitle (IvdDocument *self,
                           const char  *subtitle)
{
  g_return_if_fail (IVD_IS_DOCUMENT (self));
  g_free (self->subtitle);
  self->subtitle = g_strdup (subtitle);
}

/* A line repeated at the top of every page after the first, so that a
 * loose page is matched to its patient. */
const char *
ivd_document_get_running_header (IvdDocument *self)
{
  g_return_val_if_fail (IVD_IS_DOCUMENT (self), NULL);
  return self->running_header;
}

void
ivd_document_set_running_header (IvdDocument *self,
                                 const char  *header)
{
  g_return_if_fail (IVD_IS_DOCUMENT (self));
  g_free (self->running_header);
  self->running_header = g_strdup (header);
}

const char *
ivd_document_get_footer (IvdDocument *self)
{
  g_return_val_if_fail (IVD_IS_DOCUMENT (self), NULL);
  return self->footer;
}

void
ivd_document_set_footer (IvdDocument *self,
                         const char  *footer)
{
  g_return_if_fail (IVD_IS_DOCUMENT (self));
  g_free (self->footer);
  self->footer = g_strdup (footer);
}

/* A line every page carries first and last, above all else: training
 * mode's "fictitious patients" (NULL for a real document). */
const char *
ivd_document_get_marking (IvdDocument *self)
{
  g_return_val_if_fail (IVD_IS_DOCUMENT (self), NULL);
  return self->marking;
}

void
ivd_document_set_marking (IvdDocument *self,
                          const char  *marking)
{
  g_return_if_fail (IVD_IS_DOCUMENT (self));
  g_free (self->marking);
  self->marking = g_strdup (marking);
}

guint
ivd_document_get_n_blocks (IvdDocument *self)
{
  g_return_val_if_fail (IVD_IS_DOCUMENT (self), 0);
  return self->blocks->len;
}

const IvdBlock *
ivd_document_get_block (IvdDocument *self,
                        guint        index)
{
  g_return_val_if_fail (IVD_IS_DOCUMENT (self), NULL);
  g_return_val_if_fail (index < self->blocks->len, NULL);
  return g_ptr_array_index (self->blocks, index);
}

void
ivd_document_add_heading (IvdDocument *self,
                          const char  *text)
{
  g_return_if_fail (IVD_IS_DOCUMENT (self));
  add_block (self, IVD_BLOCK_HEADING, text, NULL);
}

void
ivd_document_add_field (IvdDocument *self,
                        const char  *label,
                        const char  *value)
{
  g_return_if_fail (IVD_IS_DOCUMENT (self));
  g_return_if_fail (label != NULL && value != NULL);
  add_block (self, IVD_BLOCK_FIELD, label, value);
}

void
ivd_document_add_paragraph (IvdDocument *self,
                            const char  *text)
{
  g_return_if_fail (IVD_IS_DOCUMENT (self));
  add_block (self, IVD_BLOCK_PARAGRAPH, NULL, text);
}

void
ivd_document_add_bullet (IvdDocument *self,
                         const char  *text)
{
  g_return_if_fail (IVD_IS_DOCUMENT (self));
  add_block (self, IVD_BLOCK_BULLET, NULL, text);
}

void
ivd_document_add_check (IvdDocument *self,
                        gboolean     done,
                        const char  *text,
                        const char  *note)
{
  IvdBlock *block;

  g_return_if_fail (IVD_IS_DOCUMENT (self));
  block = add_block (self, IVD_BLOCK_CHECK, NULL, text);
  block->done = done;
  block->note = g_strdup (note);
}

void
ivd_document_add_warning (IvdDocument *self,
                          const char  *text)
{
  g_return_if_fail (IVD_IS_DOCUMENT (self));
  add_block (self, IVD_BLOCK_WARNING, NULL, text);
}

/* Starts a table; rows follow with ivd_document_add_row(). */
void
ivd_document_add_table (IvdDocument        *self,
                        guint               n_columns,
                        const double       *widths,
                        const char * const *header)
{
  IvdBlock *block;

  g_return_if_fail (IVD_IS_DOCUMENT (self));
  g_return_if_fail (n_columns > 0 && widths != NULL && header != NULL);
  g_return_if_fail (g_strv_length ((char **) header) == n_columns);

  block = add_block (self, IVD_BLOCK_TABLE, NULL, NULL);
  block->n_columns = n_columns;
  block->widths = g_memdup2 (widths, n_columns * sizeof (double));
  block->header = g_strdupv ((char **) header);
  block->rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
}

void
ivd_document_add_row (IvdDocument        *self,
                      const char * const *cells)
{
  IvdBlock *table;

  g_return_if_fail (IVD_IS_DOCUMENT (self));
  g_return_if_fail (self->blocks->len > 0);

  table = g_ptr_array_index (self->blocks, self->blocks->len - 1);
  g_return_if_fail (table->kind == IVD_BLOCK_TABLE);
  g_return_if_fail (g_strv_length ((char **) cells) == table->n_columns);

  g_ptr_array_add (table->rows, g_strdupv ((char **) cells));
}

void
ivd_document_add_signature (IvdDocument *self,
                            const char  *label)
{
  g_return_if_fail (IVD_IS_DOCUMENT (self));
  add_block (self, IVD_BLOCK_SIGNATURE, label, NULL);
}
