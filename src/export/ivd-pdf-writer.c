#define G_LOG_DOMAIN "ivd-pdf-writer"

#include "config.h"

#include <cairo-pdf.h>
#include <glib/gi18n-lib.h>
#include <pango/pangocairo.h>

#include "ivd-export.h"
#include "ivd-pdf-writer.h"

/* Draws an IvdDocument on A4 pages with cairo and pango: fonts embedded
 * (cairo subsets them), text selectable, the patient's name and CPR number
 * at the top of every page and "page X of N" at the foot. The document is
 * laid out once, each page into a recording surface; the pages are then
 * replayed with their header and footer, when N is known: into the PDF,
 * or onto a printer's pages (ivd_pdf_writer_layout()). */

#define MARGIN_X      56.7  /* 2 cm */
#define CONTENT_TOP   70.0
#define CONTENT_BOTTOM (IVD_PDF_A4_HEIGHT - 62.0)
#define CONTENT_WIDTH (IVD_PDF_A4_WIDTH - 2 * MARGIN_X)
#define FONT_FAMILY   "DejaVu Sans"

typedef struct
{
  double base;      /* body text, pt */
  double small;     /* header, footer, notes */
  double heading;
  double title;
  double label_share; /* of the content width, for field labels */
  double gap;       /* between blocks */
} Style;

static const Style referral_style = { 9.5, 7.5, 11.5, 17.0, 0.30, 3.0 };
static const Style handout_style = { 14.0, 10.0, 18.0, 24.0, 0.36, 7.0 };

typedef struct
{
  cairo_t        *cr;       /* the current page's recording */
  PangoContext   *context;
  IvdDocument    *doc;
  const Style    *style;
  GPtrArray      *pages;    /* cairo_surface_t recordings */
  int             page;     /* while replaying: the page, from 1 */
  double          y;
} Painter;

/* The laid-out pages and what replaying them needs. */
struct _IvdPdfPages
{
  Painter painter;
};

typedef enum
{
  FONT_NORMAL,
  FONT_BOLD,
  FONT_SMALL,
  FONT_HEADING,
  FONT_TITLE,
} Font;

static void
set_rgb (Painter *p,
         guint32  rgb)
{
  cairo_set_source_rgb (p->cr, ((rgb >> 16) & 0xff) / 255.0, ((rgb >> 8) & 0xff) / 255.0, (rgb & 0xff) / 255.0);
}

static PangoLayout *
make_layout (Painter    *p,
             const char *text,
             Font        font,
             double      width)
{
  PangoLayout *layout = pango_layout_new (p->context);
  g_autoptr(PangoFontDescription) desc = pango_font_description_from_string (FONT_FAMILY);
  double sizes[] = { p->style->base, p->style->base, p->style->small, p->style->heading, p->style->title };

  pango_font_description_set_absolute_size (desc, sizes[font] * PANGO_SCALE);
  if (font == FONT_BOLD || font == FONT_HEADING || font == FONT_TITLE)
    pango_font_description_set_weight (desc, PANGO_WEIGHT_BOLD);
  pango_layout_set_font_description (layout, desc);
  pango_layout_set_width (layout, (int) (width * PANGO_SCALE));
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  pango_layout_set_text (layout, text != NULL ? text : "", -1);
  return layout;
}

static double
layout_height (PangoLayout *layout)
{
  int width, height;

  pango_layout_get_size (layout, &width, &height);
  return (double) height / PANGO_SCALE;
}

static void
show_layout (Painter     *p,
             PangoLayout *layout,
             double       x,
             double       y,
             guint32      rgb)
{
  set_rgb (p, rgb);
  cairo_move_to (p->cr, x, y);
  pango_cairo_show_layout (p->cr, layout);
}

static void
hline (Painter *p,
       double   x,
       double   y,
       double   width,
       double   thickness,
       guint32  rgb)
{
  set_rgb (p, rgb);
  cairo_set_line_width (p->cr, thickness);
  cairo_move_to (p->cr, x, y);
  cairo_line_to (p->cr, x + width, y);
  cairo_stroke (p->cr);
}

/* Training mode: the mark above the header and below the foot of every
 * page, bold and red, so that no page of it passes for a real one. */
static void
draw_marking (Painter *p)
{
  const char *marking = ivd_document_get_marking (p->doc);
  g_autofree char *upper = marking != NULL ? g_utf8_strup (marking, -1) : NULL;
  g_autoptr(PangoLayout) top = NULL;
  g_autoptr(PangoLayout) bottom = NULL;

  if (marking == NULL)
    return;

  top = make_layout (p, upper, FONT_BOLD, CONTENT_WIDTH);
  bottom = make_layout (p, upper, FONT_BOLD, CONTENT_WIDTH);
  pango_layout_set_alignment (top, PANGO_ALIGN_CENTER);
  pango_layout_set_alignment (bottom, PANGO_ALIGN_CENTER);
  show_layout (p, top, MARGIN_X, 12.0, 0xb71c1c);
  show_layout (p, bottom, MARGIN_X, IVD_PDF_A4_HEIGHT - 22.0, 0xb71c1c);
}

static void
draw_page_furniture (Painter *p)
{
  const char *header = ivd_document_get_running_header (p->doc);
  const char *footer = ivd_document_get_footer (p->doc);
  g_autofree char *page_text = g_strdup_printf (_("Page %d of %d"), p->page, (int) p->pages->len);
  g_autoptr(PangoLayout) head = make_layout (p, header, FONT_SMALL, CONTENT_WIDTH);
  g_autoptr(PangoLayout) foot = make_layout (p, footer, FONT_SMALL, CONTENT_WIDTH * 0.7);
  g_autoptr(PangoLayout) number = make_layout (p, page_text, FONT_SMALL, CONTENT_WIDTH * 0.3);

  pango_layout_set_alignment (number, PANGO_ALIGN_RIGHT);
  /* A referral names its patient on every page, a clinical habit for
   * loose pages; the handout's first page has the name under its title. */
  if (p->page > 1 || ivd_document_get_style (p->doc) == IVD_DOCUMENT_REFERRAL)
    {
      show_layout (p, head, MARGIN_X, 34.0, 0x4a4a4a);
      hline (p, MARGIN_X, 34.0 + layout_height (head) + 3.0, CONTENT_WIDTH, 0.5, 0x9aa5b1);
    }
  hline (p, MARGIN_X, CONTENT_BOTTOM + 16.0, CONTENT_WIDTH, 0.5, 0x9aa5b1);
  show_layout (p, foot, MARGIN_X, CONTENT_BOTTOM + 20.0, 0x4a4a4a);
  show_layout (p, number, MARGIN_X + CONTENT_WIDTH * 0.7, CONTENT_BOTTOM + 20.0, 0x4a4a4a);
  draw_marking (p);
}

static void
next_page (Painter *p)
{
  cairo_rectangle_t a4 = { 0, 0, IVD_PDF_A4_WIDTH, IVD_PDF_A4_HEIGHT };
  cairo_surface_t *recording = cairo_recording_surface_create (CAIRO_CONTENT_COLOR_ALPHA, &a4);

  g_ptr_array_add (p->pages, recording);
  g_clear_pointer (&p->cr, cairo_destroy);
  p->cr = cairo_create (recording);
  p->y = CONTENT_TOP;
}

static void
ensure_space (Painter *p,
              double   height)
{
  /* A block taller than a page starts at the top of one and is split. */
  if (p->y + height > CONTENT_BOTTOM && p->y > CONTENT_TOP)
    next_page (p);
}

/* Height of the lines of @layout from @from_line that fit in @room;
 * returns the index of the first line that did not fit. */
static int
fit_lines (PangoLayout *layout,
           int          from_line,
           double       room,
           double      *used)
{
  PangoLayoutIter *iter = pango_layout_get_iter (layout);
  double top = -1, bottom = 0;
  int line = 0;

  do
    {
      PangoRectangle logical;

      if (line++ < from_line)
        continue;
      pango_layout_iter_get_line_extents (iter, NULL, &logical);
      if (top < 0)
        top = (double) logical.y / PANGO_SCALE;
      if ((double) (logical.y + logical.height) / PANGO_SCALE - top > room)
        {
          line--;
          break;
        }
      bottom = (double) (logical.y + logical.height) / PANGO_SCALE;
    }
  while (pango_layout_iter_next_line (iter));

  pango_layout_iter_free (iter);
  *used = top < 0 ? 0 : bottom - top;
  return line;
}

/* Draws a layout that may run over page breaks, line by line, clipped so
 * that no line is cut in half. */
static void
flow_layout (Painter     *p,
             PangoLayout *layout,
             double       x,
             guint32      rgb)
{
  int n = pango_layout_get_line_count (layout);
  int line = 0;
  double offset = 0;

  while (line < n)
    {
      double used;
      int next = fit_lines (layout, line, CONTENT_BOTTOM - p->y, &used);

      if (next == line)
        {
          next_page (p);
          continue;
        }
      cairo_save (p->cr);
      cairo_rectangle (p->cr, x - 2, p->y, CONTENT_WIDTH + 4, used);
      cairo_clip (p->cr);
      show_layout (p, layout, x, p->y - offset, rgb);
      cairo_restore (p->cr);
      p->y += used;
      offset += used;
      line = next;
      if (line < n)
        next_page (p);
    }
}

static void
paint_title (Painter *p)
{
  g_autoptr(PangoLayout) title = make_layout (p, ivd_document_get_title (p->doc), FONT_TITLE, CONTENT_WIDTH);
  g_autoptr(PangoLayout) subtitle = make_layout (p, ivd_document_get_subtitle (p->doc), FONT_SMALL, CONTENT_WIDTH);

  show_layout (p, title, MARGIN_X, p->y, 0x1c3d5a);
  p->y += layout_height (title) + 2.0;
  if (ivd_document_get_subtitle (p->doc) != NULL)
    {
      show_layout (p, subtitle, MARGIN_X, p->y, 0x4a4a4a);
      p->y += layout_height (subtitle);
    }
  p->y += p->style->gap * 3;
}

static void
paint_heading (Painter        *p,
               const IvdBlock *block)
{
  g_autoptr(PangoLayout) layout = make_layout (p, block->label, FONT_HEADING, CONTENT_WIDTH);
  double height = layout_height (layout);

  /* Keep a heading with at least three lines of what follows. */
  p->y += p->style->gap * 3;
  ensure_space (p, height + 6.0 + p->style->base * 4.5);
  show_layout (p, layout, MARGIN_X, p->y, 0x1c3d5a);
  p->y += height + 2.0;
  hline (p, MARGIN_X, p->y, CONTENT_WIDTH, 0.8, 0x1c3d5a);
  p->y += 5.0;
}

static void
paint_field (Painter        *p,
             const IvdBlock *block)
{
  double label_width = CONTENT_WIDTH * p->style->label_share;
  g_autoptr(PangoLayout) label = make_layout (p, block->label, FONT_NORMAL, label_width - 8.0);
  /* Short values in bold stand out; running text in bold would shout. */
  Font font = g_utf8_strlen (block->text, -1) <= 80 ? FONT_BOLD : FONT_NORMAL;
  g_autoptr(PangoLayout) value = make_layout (p, block->text, font, CONTENT_WIDTH - label_width);
  double first_line = p->style->base * 1.4;

  ensure_space (p, MAX (layout_height (label), MIN (layout_height (value), first_line * 3)));
  show_layout (p, label, MARGIN_X, p->y, 0x4a4a4a);
  if (layout_height (value) < layout_height (label))
    {
      show_layout (p, value, MARGIN_X + label_width, p->y, 0x111111);
      p->y += layout_height (label);
    }
  else
    flow_layout (p, value, MARGIN_X + label_width, 0x111111);
  p->y += p->style->gap;
}

static void
paint_paragraph (Painter        *p,
                 const IvdBlock *block,
                 const char     *marker)
{
  double indent = marker != NULL ? p->style->base * 1.4 : 0;
  g_autoptr(PangoLayout) layout = make_layout (p, block->text, FONT_NORMAL, CONTENT_WIDTH - indent);
  g_autoptr(PangoLayout) bullet = make_layout (p, marker, FONT_NORMAL, indent);

  ensure_space (p, MIN (layout_height (layout), p->style->base * 4));
  if (marker != NULL)
    show_layout (p, bullet, MARGIN_X, p->y, 0x1c3d5a);
  flow_layout (p, layout, MARGIN_X + indent, 0x111111);
  p->y += p->style->gap * 1.5;
}

static void
paint_check (Painter        *p,
             const IvdBlock *block)
{
  double box = p->style->base * 1.8;
  double note_width = CONTENT_WIDTH * 0.2;
  g_autoptr(PangoLayout) mark = make_layout (p, block->done ? "☑" : "☐", FONT_HEADING, box);
  g_autoptr(PangoLayout) text = make_layout (p, block->text, block->done ? FONT_NORMAL : FONT_BOLD,
                                             CONTENT_WIDTH - box - note_width);
  g_autoptr(PangoLayout) note = make_layout (p, block->note, FONT_SMALL, note_width);
  double height = MAX (layout_height (text), layout_height (mark) * 0.8);

  pango_layout_set_alignment (note, PANGO_ALIGN_RIGHT);
  ensure_space (p, height);
  show_layout (p, mark, MARGIN_X, p->y - p->style->base * 0.25, block->done ? 0x1b5e20 : 0xb71c1c);
  show_layout (p, text, MARGIN_X + box, p->y, 0x111111);
  show_layout (p, note, MARGIN_X + CONTENT_WIDTH - note_width, p->y + 1.0, 0x6b6b6b);
  p->y += height + p->style->gap;
}

static void
paint_warning (Painter        *p,
               const IvdBlock *block)
{
  double pad = p->style->base;
  g_autofree char *text = g_strdup_printf ("%s %s", _("Important:"), block->text);
  g_autoptr(PangoLayout) layout = make_layout (p, text, FONT_HEADING, CONTENT_WIDTH - 2 * pad - 6.0);
  double height = layout_height (layout) + 2 * pad;

  ensure_space (p, height);
  cairo_rectangle (p->cr, MARGIN_X, p->y, CONTENT_WIDTH, height);
  set_rgb (p, 0xfdecea);
  cairo_fill_preserve (p->cr);
  set_rgb (p, 0xb71c1c);
  cairo_set_line_width (p->cr, 2.0);
  cairo_stroke (p->cr);
  cairo_rectangle (p->cr, MARGIN_X, p->y, 6.0, height);
  cairo_fill (p->cr);
  show_layout (p, layout, MARGIN_X + 6.0 + pad, p->y + pad, 0x7f0000);
  p->y += height + p->style->gap * 3;
}

static GPtrArray *
row_layouts (Painter            *p,
             const IvdBlock     *block,
             const char * const *cells,
             Font                font,
             double             *height)
{
  GPtrArray *layouts = g_ptr_array_new_with_free_func (g_object_unref);

  *height = 0;
  for (guint c = 0; c < block->n_columns; c++)
    {
      PangoLayout *layout = make_layout (p, cells[c], font, CONTENT_WIDTH * block->widths[c] - 6.0);

      g_ptr_array_add (layouts, layout);
      *height = MAX (*height, layout_height (layout) + 4.0);
    }
  return layouts;
}

static void
show_row (Painter        *p,
          const IvdBlock *block,
          GPtrArray      *layouts,
          double          height)
{
  double x = MARGIN_X;

  for (guint c = 0; c < block->n_columns; c++)
    {
      show_layout (p, g_ptr_array_index (layouts, c), x, p->y + 2.0, 0x111111);
      x += CONTENT_WIDTH * block->widths[c];
    }
  p->y += height;
}

static void
paint_table (Painter        *p,
             const IvdBlock *block)
{
  double header_height, first_height = 0;
  g_autoptr(GPtrArray) header = row_layouts (p, block, (const char * const *) block->header, FONT_BOLD,
                                             &header_height);
  g_autoptr(GPtrArray) first = NULL;

  if (block->rows->len > 0)
    first = row_layouts (p, block, g_ptr_array_index (block->rows, 0), FONT_NORMAL, &first_height);

  ensure_space (p, header_height + first_height);
  show_row (p, block, header, header_height);
  hline (p, MARGIN_X, p->y, CONTENT_WIDTH, 0.8, 0x4a4a4a);

  for (guint r = 0; r < block->rows->len; r++)
    {
      double height;
      g_autoptr(GPtrArray) row = r == 0 ? g_steal_pointer (&first)
                                        : row_layouts (p, block, g_ptr_array_index (block->rows, r),
                                                       FONT_NORMAL, &height);

      if (r == 0)
        height = first_height;
      /* A row does not break: the header repeats on the next page. */
      if (p->y + height > CONTENT_BOTTOM)
        {
          next_page (p);
          show_row (p, block, header, header_height);
          hline (p, MARGIN_X, p->y, CONTENT_WIDTH, 0.8, 0x4a4a4a);
        }
      show_row (p, block, row, height);
      hline (p, MARGIN_X, p->y, CONTENT_WIDTH, 0.3, 0xc5ccd3);
    }
  p->y += p->style->gap * 2;
}

static void
paint_signature (Painter        *p,
                 const IvdBlock *block)
{
  g_autoptr(PangoLayout) label = make_layout (p, block->label, FONT_SMALL, CONTENT_WIDTH * 0.5);

  ensure_space (p, 40.0 + layout_height (label));
  p->y += 34.0;
  hline (p, MARGIN_X + CONTENT_WIDTH * p->style->label_share, p->y, CONTENT_WIDTH * 0.45, 0.7, 0x111111);
  p->y += 3.0;
  show_layout (p, label, MARGIN_X + CONTENT_WIDTH * p->style->label_share, p->y, 0x4a4a4a);
  p->y += layout_height (label);
}

static void
paint_block (Painter        *p,
             const IvdBlock *block)
{
  switch (block->kind)
    {
    case IVD_BLOCK_HEADING:   paint_heading (p, block); break;
    case IVD_BLOCK_FIELD:     paint_field (p, block); break;
    case IVD_BLOCK_PARAGRAPH: paint_paragraph (p, block, NULL); break;
    case IVD_BLOCK_BULLET:    paint_paragraph (p, block, "•"); break;
    case IVD_BLOCK_CHECK:     paint_check (p, block); break;
    case IVD_BLOCK_WARNING:   paint_warning (p, block); break;
    case IVD_BLOCK_TABLE:     paint_table (p, block); break;
    case IVD_BLOCK_SIGNATURE: paint_signature (p, block); break;
    default: break;
    }
}

/* Lays the whole document out into recorded pages. */
static void
paint_document (Painter *p)
{
  next_page (p);
  paint_title (p);
  for (guint i = 0; i < ivd_document_get_n_blocks (p->doc); i++)
    paint_block (p, ivd_document_get_block (p->doc, i));
  g_clear_pointer (&p->cr, cairo_destroy);
}

/* Draws recorded page @index (from 0) with its header and "page X of N". */
static void
replay_page (Painter *p,
             cairo_t *cr,
             guint    index)
{
  p->cr = cr;
  p->page = index + 1;
  cairo_set_source_surface (cr, g_ptr_array_index (p->pages, index), 0, 0);
  cairo_paint (cr);
  draw_page_furniture (p);
  p->cr = NULL;
}

/* Replays the recorded pages into the PDF. */
static void
emit_pages (Painter *p,
            cairo_t *pdf)
{
  for (guint i = 0; i < p->pages->len; i++)
    {
      replay_page (p, pdf, i);
      cairo_show_page (pdf);
    }
}

static cairo_status_t
on_surface_write_cb (void                *closure,
                     const unsigned char *data,
                     unsigned int         length)
{
  g_byte_array_append (closure, data, length);
  return CAIRO_STATUS_SUCCESS;
}

static PangoContext *
create_context (cairo_t *cr)
{
  PangoContext *context = pango_cairo_create_context (cr);
  cairo_font_options_t *options = cairo_font_options_create ();

  /* Unhinted metrics: the layout does not depend on a screen's grid. */
  cairo_font_options_set_hint_metrics (options, CAIRO_HINT_METRICS_OFF);
  cairo_font_options_set_hint_style (options, CAIRO_HINT_STYLE_NONE);
  pango_cairo_context_set_font_options (context, options);
  cairo_font_options_destroy (options);
  return context;
}

static void
set_metadata (cairo_surface_t *surface,
              IvdDocument     *document,
              GDateTime       *now)
{
  g_autofree char *created = g_date_time_format (now, "%Y-%m-%dT%H:%M:%S%:z");

  /* The title names the kind of document only: no patient data in metadata,
   * which file managers and indexers show without opening the file. */
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE, ivd_document_get_title (document));
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, "IV Discharge " PACKAGE_VERSION);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATE_DATE, created);
}

/* Lays @document out with the metrics of @reference, a PDF surface's
 * context: the pages then look the same whatever they are replayed on. */
static IvdPdfPages *
layout_document (IvdDocument *document,
                 cairo_t     *reference)
{
  IvdPdfPages *pages = g_new0 (IvdPdfPages, 1);
  Painter *p = &pages->painter;

  p->context = create_context (reference);
  p->doc = g_object_ref (document);
  p->style = ivd_document_get_style (document) == IVD_DOCUMENT_HANDOUT ? &handout_style : &referral_style;
  p->pages = g_ptr_array_new_with_free_func ((GDestroyNotify) cairo_surface_destroy);
  paint_document (p);
  return pages;
}

/**
 * ivd_pdf_writer_layout:
 *
 * Lays @document out into A4 pages that can be drawn on any cairo context,
 * a printer's as well as a PDF's, exactly as ivd_pdf_writer_render() draws
 * them.
 *
 * Returns: (transfer full): the pages; free with ivd_pdf_pages_free()
 */
IvdPdfPages *
ivd_pdf_writer_layout (IvdDocument *document)
{
  /* A PDF surface that writes nowhere, for the PDF's own font metrics. */
  cairo_surface_t *surface = cairo_pdf_surface_create_for_stream (NULL, NULL, IVD_PDF_A4_WIDTH, IVD_PDF_A4_HEIGHT);
  cairo_t *reference = cairo_create (surface);
  IvdPdfPages *pages;

  g_return_val_if_fail (IVD_IS_DOCUMENT (document), NULL);

  pages = layout_document (document, reference);
  cairo_destroy (reference);
  cairo_surface_destroy (surface);
  return pages;
}

guint
ivd_pdf_pages_get_n_pages (IvdPdfPages *pages)
{
  g_return_val_if_fail (pages != NULL, 0);
  return pages->painter.pages->len;
}

/**
 * ivd_pdf_pages_draw_page:
 * @index: the page, from 0
 *
 * Draws one page in A4 points from @cr's origin, with its running header
 * and "page X of N"; the caller scales @cr to its paper.
 */
void
ivd_pdf_pages_draw_page (IvdPdfPages *pages,
                         cairo_t     *cr,
                         guint        index)
{
  g_return_if_fail (pages != NULL);
  g_return_if_fail (cr != NULL);
  g_return_if_fail (index < pages->painter.pages->len);

  cairo_save (cr);
  replay_page (&pages->painter, cr, index);
  cairo_restore (cr);
}

void
ivd_pdf_pages_free (IvdPdfPages *pages)
{
  if (pages == NULL)
    return;

  g_clear_pointer (&pages->painter.pages, g_ptr_array_unref);
  g_clear_object (&pages->painter.context);
  g_clear_object (&pages->painter.doc);
  g_free (pages);
}

GBytes *
ivd_pdf_writer_render (IvdDocument  *document,
                       GDateTime    *now,
                       GError      **error)
{
  g_autoptr(GByteArray) bytes = g_byte_array_new ();
  g_autoptr(IvdPdfPages) pages = NULL;
  cairo_surface_t *surface;
  cairo_status_t status;
  cairo_t *pdf;

  g_return_val_if_fail (IVD_IS_DOCUMENT (document), NULL);
  g_return_val_if_fail (now != NULL, NULL);

  surface = cairo_pdf_surface_create_for_stream (on_surface_write_cb, bytes, IVD_PDF_A4_WIDTH, IVD_PDF_A4_HEIGHT);
  set_metadata (surface, document, now);
  pdf = cairo_create (surface);
  pages = layout_document (document, pdf);
  emit_pages (&pages->painter, pdf);

  cairo_destroy (pdf);
  cairo_surface_finish (surface);
  status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);

  if (status != CAIRO_STATUS_SUCCESS)
    return g_set_error (error, IVD_EXPORT_ERROR, IVD_EXPORT_ERROR_RENDER,
                        _("The PDF could not be made: %s"), cairo_status_to_string (status)), NULL;

  return g_byte_array_free_to_bytes (g_steal_pointer (&bytes));
}
