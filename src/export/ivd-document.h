#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/* What a referral or handout says, in order, independent of how it is
 * drawn: the PDF and plain-text writers render the same document. */

typedef enum
{
  IVD_BLOCK_HEADING,   /* a section title */
  IVD_BLOCK_FIELD,     /* label: value */
  IVD_BLOCK_PARAGRAPH, /* running text */
  IVD_BLOCK_BULLET,    /* one item of a list */
  IVD_BLOCK_CHECK,     /* a checklist item: done or not, with its rule id */
  IVD_BLOCK_WARNING,   /* must be seen first: boxed, bold */
  IVD_BLOCK_TABLE,     /* header and rows */
  IVD_BLOCK_SIGNATURE, /* a line to sign on, with its label */
} IvdBlockKind;

typedef enum
{
  IVD_DOCUMENT_REFERRAL, /* a clinical document: compact type */
  IVD_DOCUMENT_HANDOUT,  /* for the patient: large type */
} IvdDocumentStyle;

typedef struct
{
  IvdBlockKind  kind;
  char         *label;   /* heading text, field label, signature label */
  char         *text;    /* field value, paragraph, item, warning */
  char         *note;    /* a rule id or source beside a check */
  gboolean      done;    /* a check's state */
  guint         n_columns;
  double       *widths;  /* a table's relative column widths */
  GStrv         header;  /* a table's column titles */
  GPtrArray    *rows;    /* a table's rows: GStrv of n_columns cells */
} IvdBlock;

#define IVD_TYPE_DOCUMENT (ivd_document_get_type ())

G_DECLARE_FINAL_TYPE (IvdDocument, ivd_document, IVD, DOCUMENT, GObject)

IvdDocument      *ivd_document_new             (IvdDocumentStyle    style,
                                                const char         *title);
IvdDocumentStyle  ivd_document_get_style       (IvdDocument        *self);
const char       *ivd_document_get_title       (IvdDocument        *self);
const char       *ivd_document_get_subtitle    (IvdDocument        *self);
void              ivd_document_set_subtitle    (IvdDocument        *self,
                                                const char         *subtitle);
const char       *ivd_document_get_running_header (IvdDocument     *self);
void              ivd_document_set_running_header (IvdDocument     *self,
                                                const char         *header);
const char       *ivd_document_get_footer      (IvdDocument        *self);
void              ivd_document_set_footer      (IvdDocument        *self,
                                                const char         *footer);
const char       *ivd_document_get_marking     (IvdDocument        *self);
void              ivd_document_set_marking     (IvdDocument        *self,
                                                const char         *marking);
guint             ivd_document_get_n_blocks    (IvdDocument        *self);
const IvdBlock   *ivd_document_get_block       (IvdDocument        *self,
                                                guint               index);
void              ivd_document_add_heading     (IvdDocument        *self,
                                                const char         *text);
void              ivd_document_add_field       (IvdDocument        *self,
                                                const char         *label,
                                                const char         *value);
void              ivd_document_add_paragraph   (IvdDocument        *self,
                                                const char         *text);
void              ivd_document_add_bullet      (IvdDocument        *self,
                                                const char         *text);
void              ivd_document_add_check       (IvdDocument        *self,
                                                gboolean            done,
                                                const char         *text,
                                                const char         *note);
void              ivd_document_add_warning     (IvdDocument        *self,
                                                const char         *text);
void              ivd_document_add_table       (IvdDocument        *self,
                                                guint               n_columns,
                                                const double       *widths,
                                                const char * const *header);
void              ivd_document_add_row         (IvdDocument        *self,
                                                const char * const *cells);
void              ivd_document_add_signature   (IvdDocument        *self,
                                                const char         *label);

G_END_DECLS
