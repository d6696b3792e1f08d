#define G_LOG_DOMAIN "ivd-day-strip"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "ivd-day-strip.h"
#include "ivd-schedule.h"
#include "ivd-visit-times.h"

/* One day from midnight to midnight: the night window shaded and named,
 * each visit a bar from its time for its minutes. A visit in the night is
 * drawn in the error colour, striped, outlined and labelled in bold, so it
 * is seen without reading the times and without telling colours apart.
 * For a screen reader it is an image described in words. */

#define BAR_HEIGHT  28
#define BAR_INSET   4
#define TICK_SHORT  3
#define TICK_LONG   6
#define GAP         3
#define MIN_BAR     6   /* px: a short visit, or one of unknown length, stays visible */
#define STRIPE      5.0 /* px along the diagonal: half light, half dark */
#define LABEL_ROWS  2   /* close visits stagger their labels over two lines */

struct _IvdDayStrip
{
  GtkWidget  parent_instance;

  GArray    *times;       /* minutes after midnight, earliest first */
  int        duration;    /* minutes per visit; 0 when not known */
  int        night_start;
  int        night_end;
  char      *description;
};

G_DEFINE_FINAL_TYPE (IvdDayStrip, ivd_day_strip, GTK_TYPE_WIDGET)

typedef struct
{
  GdkRGBA fg;
  GdkRGBA accent_bg;
  GdkRGBA error;       /* text on the view */
  GdkRGBA error_bg;    /* filled shapes */
  GdkRGBA warning;
  GdkRGBA warning_bg;
} Colours;

/* From the style, so dark mode and high contrast follow (GTK 4.8 has no
 * gtk_widget_get_color() yet). */
static void
lookup (GtkStyleContext *context,
        const char      *name,
        const GdkRGBA   *fallback,
        GdkRGBA         *colour)
{
  if (!gtk_style_context_lookup_color (context, name, colour))
    *colour = *fallback;
}

static void
lookup_colours (IvdDayStrip *self,
                Colours     *c)
{
  GtkStyleContext *context = gtk_widget_get_style_context (GTK_WIDGET (self));

  gtk_style_context_get_color (context, &c->fg);
  lookup (context, "accent_bg_color", &c->fg, &c->accent_bg);
  lookup (context, "error_color", &c->fg, &c->error);
  lookup (context, "error_bg_color", &c->error, &c->error_bg);
  lookup (context, "warning_color", &c->fg, &c->warning);
  lookup (context, "warning_bg_color", &c->warning, &c->warning_bg);
}

static GdkRGBA
faded (const GdkRGBA *colour,
       float          alpha)
{
  GdkRGBA result = *colour;

  result.alpha *= alpha;
  return result;
}

static PangoLayout *
label_layout (IvdDayStrip *self,
              const char  *text,
              gboolean     bold)
{
  PangoLayout *layout = gtk_widget_create_pango_layout (GTK_WIDGET (self), text);
  PangoAttrList *attrs = pango_attr_list_new ();

  pango_attr_list_insert (attrs, pango_attr_scale_new (PANGO_SCALE_SMALL));
  pango_attr_list_insert (attrs, pango_attr_font_features_new ("tnum"));
  if (bold)
    pango_attr_list_insert (attrs, pango_attr_weight_new (PANGO_WEIGHT_BOLD));
  pango_layout_set_attributes (layout, attrs);
  pango_attr_list_unref (attrs);
  return layout;
}

static int
line_height (IvdDayStrip *self)
{
  g_autoptr(PangoLayout) layout = label_layout (self, "00:00", TRUE);
  int height;

  pango_layout_get_pixel_size (layout, NULL, &height);
  return height;
}

static int
trough_top (IvdDayStrip *self)
{
  return LABEL_ROWS * line_height (self) + GAP;
}

static double
x_of (IvdDayStrip *self,
      int          minute)
{
  return minute * (double) gtk_widget_get_width (GTK_WIDGET (self)) / IVD_MINUTES_PER_DAY;
}

/* A span on the 24-hour circle as one or two pieces of 00-24. */
static guint
split_span (int start,
            int length,
            int pieces[2][2])
{
  start = ((start % IVD_MINUTES_PER_DAY) + IVD_MINUTES_PER_DAY) % IVD_MINUTES_PER_DAY;
  length = CLAMP (length, 0, IVD_MINUTES_PER_DAY);

  pieces[0][0] = start;
  pieces[0][1] = MIN (start + length, IVD_MINUTES_PER_DAY);
  if (start + length <= IVD_MINUTES_PER_DAY)
    return 1;
  pieces[1][0] = 0;
  pieces[1][1] = start + length - IVD_MINUTES_PER_DAY;
  return 2;
}

static int
night_length (IvdDayStrip *self)
{
  return ((self->night_end - self->night_start) + IVD_MINUTES_PER_DAY) % IVD_MINUTES_PER_DAY;
}

static void
append_label (GtkSnapshot   *snapshot,
              PangoLayout   *layout,
              double         x,
              double         y,
              const GdkRGBA *colour)
{
  gtk_snapshot_save (snapshot);
  gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (x, y));
  gtk_snapshot_append_layout (snapshot, layout, colour);
  gtk_snapshot_restore (snapshot);
}

typedef struct
{
  double       x;
  double       width;
  IvdVisitKind kind;
} Bar;

static int
compare_bars (gconstpointer a,
              gconstpointer b)
{
  double xa = ((const Bar *) a)->x, xb = ((const Bar *) b)->x;

  return xa < xb ? -1 : xa > xb ? 1 : 0;
}

/* Each visit's bar (two when it runs past midnight), left to right. */
static GArray *
visit_bars (IvdDayStrip *self)
{
  double strip_width = gtk_widget_get_width (GTK_WIDGET (self));
  GArray *bars = g_array_new (FALSE, FALSE, sizeof (Bar));

  for (guint i = 0; i < self->times->len; i++)
    {
      int minute = g_array_index (self->times, int, i);
      int pieces[2][2];
      guint n = split_span (minute, MAX (self->duration, 1), pieces);
      Bar bar = { .kind = ivd_visit_times_classify (minute, self->duration, self->night_start, self->night_end) };

      for (guint p = 0; p < n; p++)
        {
          double x = x_of (self, pieces[p][0]);

          bar.width = MAX (x_of (self, pieces[p][1]) - x, p == 0 ? MIN_BAR : 1);
          bar.x = MIN (x, strip_width - bar.width);
          g_array_append_val (bars, bar);
        }
    }
  g_array_sort (bars, compare_bars);
  return bars;
}

/* The widest stretch of [@from, @to) that no bar covers. */
static double
widest_gap (GArray *bars,
            double  from,
            double  to,
            double *gap_x)
{
  double widest = 0;
  double x = from;

  for (guint i = 0; i <= bars->len && x < to; i++)
    {
      Bar *bar = i < bars->len ? &g_array_index (bars, Bar, i) : NULL;
      double start = bar != NULL ? MIN (bar->x, to) : to;

      if (start - x > widest)
        {
          widest = start - x;
          *gap_x = x;
        }
      if (bar != NULL)
        x = MAX (x, bar->x + bar->width);
    }
  return widest;
}

/* The longest name of the night that fits in its widest piece, if any. */
static PangoLayout *
night_layout (IvdDayStrip *self,
              double       room)
{
  g_autofree char *start = ivd_schedule_format_time (self->night_start);
  g_autofree char *end = ivd_schedule_format_time (self->night_end);
  /* Translators: the night window on the day strip, e.g. "Night 23:00–07:00" */
  g_autofree char *full = g_strdup_printf (_("Night %s–%s"), start, end);
  const char *names[] = { full, _("Night") };

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      PangoLayout *layout = label_layout (self, names[i], FALSE);
      int width;

      pango_layout_get_pixel_size (layout, &width, NULL);
      if (width + 8 <= room)
        return layout;
      g_object_unref (layout);
    }
  return NULL;
}

/* The night shaded, and named where no visit hides the name. */
static void
draw_night (IvdDayStrip           *self,
            GtkSnapshot           *snapshot,
            const graphene_rect_t *trough,
            const Colours         *c)
{
  g_autoptr(PangoLayout) layout = NULL;
  g_autoptr(GArray) bars = visit_bars (self);
  GdkRGBA shade = faded (&c->fg, 0.16f);
  GdkRGBA text = faded (&c->fg, 0.75f);
  int pieces[2][2];
  guint n = split_span (self->night_start, night_length (self), pieces);
  double room = 0, room_x = 0;
  int width, height;

  for (guint i = 0; i < n; i++)
    {
      double x = x_of (self, pieces[i][0]);
      double w = x_of (self, pieces[i][1]) - x;
      double gap_x = x;
      double gap = widest_gap (bars, x, x + w, &gap_x);

      gtk_snapshot_append_color (snapshot, &shade, &GRAPHENE_RECT_INIT (x, trough->origin.y, w, trough->size.height));
      if (gap > room)
        {
          room = gap;
          room_x = gap_x;
        }
    }

  if ((layout = night_layout (self, room)) == NULL)
    return;
  pango_layout_get_pixel_size (layout, &width, &height);
  append_label (snapshot, layout, room_x + (room - width) / 2.0,
                trough->origin.y + (trough->size.height - height) / 2.0, &text);
}

static void
append_stripes (GtkSnapshot           *snapshot,
                const graphene_rect_t *rect,
                const GdkRGBA         *colour)
{
  GdkRGBA light = faded (colour, 0.35f);
  GskColorStop stops[] = { { 0, *colour }, { 0.5, *colour }, { 0.5, light }, { 1, light } };
  graphene_point_t from = GRAPHENE_POINT_INIT (rect->origin.x, rect->origin.y);
  graphene_point_t to = GRAPHENE_POINT_INIT (rect->origin.x + STRIPE, rect->origin.y + STRIPE);

  gtk_snapshot_append_repeating_linear_gradient (snapshot, rect, &from, &to, stops, G_N_ELEMENTS (stops));
}

static void
draw_bar (GtkSnapshot           *snapshot,
          const graphene_rect_t *rect,
          IvdVisitKind           kind,
          const Colours         *c)
{
  const GdkRGBA *colour = kind == IVD_VISIT_NIGHT ? &c->error_bg : &c->warning_bg;
  GskRoundedRect outline;
  float widths[4] = { 2, 2, 2, 2 };
  GdkRGBA colours[4] = { *colour, *colour, *colour, *colour };

  if (kind == IVD_VISIT_DAY)
    {
      gtk_snapshot_append_color (snapshot, &c->accent_bg, rect);
      return;
    }

  append_stripes (snapshot, rect, colour);
  gsk_rounded_rect_init_from_rect (&outline, rect, 0);
  gtk_snapshot_append_border (snapshot, &outline, widths, colours);
}

static void
draw_visits (IvdDayStrip           *self,
             GtkSnapshot           *snapshot,
             const graphene_rect_t *trough,
             const Colours         *c)
{
  g_autoptr(GArray) bars = visit_bars (self);

  for (guint i = 0; i < bars->len; i++)
    {
      Bar *bar = &g_array_index (bars, Bar, i);
      graphene_rect_t rect = GRAPHENE_RECT_INIT (bar->x, trough->origin.y + BAR_INSET,
                                                 bar->width, trough->size.height - 2 * BAR_INSET);

      draw_bar (snapshot, &rect, bar->kind, c);
    }
}

/* Hour ticks, longer every sixth; hours named every third, or sixth when
 * narrow. */
static void
draw_scale (IvdDayStrip           *self,
            GtkSnapshot           *snapshot,
            const graphene_rect_t *trough,
            const Colours         *c)
{
  double width = trough->size.width;
  double y = trough->origin.y + trough->size.height;
  GdkRGBA tick = faded (&c->fg, 0.45f);
  GdkRGBA text = faded (&c->fg, 0.75f);
  int every = width >= 400 ? 3 : 6;

  for (int hour = 0; hour <= 24; hour++)
    {
      double x = CLAMP (round (x_of (self, hour * 60)), 0, width - 1);
      g_autofree char *name = NULL;
      g_autoptr(PangoLayout) layout = NULL;
      int w;

      gtk_snapshot_append_color (snapshot, &tick,
                                 &GRAPHENE_RECT_INIT (x, y, 1, hour % 6 == 0 ? TICK_LONG : TICK_SHORT));
      if (hour % every != 0)
        continue;
      name = g_strdup_printf ("%02d", hour);
      layout = label_layout (self, name, FALSE);
      pango_layout_get_pixel_size (layout, &w, NULL);
      append_label (snapshot, layout, CLAMP (x - w / 2.0, 0, width - w), y + TICK_LONG + 1, &text);
    }
}

/* Each visit's time above its bar; a label that would touch the one
 * before moves up a line. */
static void
draw_visit_labels (IvdDayStrip           *self,
                   GtkSnapshot           *snapshot,
                   const graphene_rect_t *trough,
                   const Colours         *c)
{
  double right[LABEL_ROWS];
  int height = line_height (self);

  for (guint r = 0; r < LABEL_ROWS; r++)
    right[r] = -G_MAXDOUBLE;

  if (self->times->len == 0)
    {
      g_autoptr(PangoLayout) layout = label_layout (self, _("No visit times yet"), FALSE);
      GdkRGBA dim = faded (&c->fg, 0.6f);
      int w;

      pango_layout_get_pixel_size (layout, &w, NULL);
      append_label (snapshot, layout, (trough->size.width - w) / 2.0, trough->origin.y - GAP - height, &dim);
      return;
    }

  for (guint i = 0; i < self->times->len; i++)
    {
      int minute = g_array_index (self->times, int, i);
      IvdVisitKind kind = ivd_visit_times_classify (minute, self->duration, self->night_start, self->night_end);
      g_autofree char *text = ivd_schedule_format_time (minute);
      g_autoptr(PangoLayout) layout = label_layout (self, text, kind != IVD_VISIT_DAY);
      const GdkRGBA *colour = kind == IVD_VISIT_NIGHT ? &c->error : kind == IVD_VISIT_INTO_NIGHT ? &c->warning : &c->fg;
      guint row = 0;
      double left;
      int w;

      pango_layout_get_pixel_size (layout, &w, NULL);
      left = CLAMP (x_of (self, minute) - w / 2.0, 0, trough->size.width - w);
      while (row + 1 < LABEL_ROWS && left < right[row] + 4)
        row++;
      right[row] = left + w;
      append_label (snapshot, layout, left, trough->origin.y - GAP - (row + 1) * height, colour);
    }
}

static void
ivd_day_strip_snapshot (GtkWidget   *widget,
                        GtkSnapshot *snapshot)
{
  IvdDayStrip *self = IVD_DAY_STRIP (widget);
  graphene_rect_t trough = GRAPHENE_RECT_INIT (0, trough_top (self), gtk_widget_get_width (widget), BAR_HEIGHT);
  GskRoundedRect rounded;
  Colours c;
  GdkRGBA background;

  lookup_colours (self, &c);
  background = faded (&c.fg, 0.06f);
  gsk_rounded_rect_init_from_rect (&rounded, &trough, 6);

  gtk_snapshot_push_rounded_clip (snapshot, &rounded);
  gtk_snapshot_append_color (snapshot, &background, &trough);
  draw_night (self, snapshot, &trough, &c);
  draw_visits (self, snapshot, &trough, &c);
  gtk_snapshot_pop (snapshot);

  draw_scale (self, snapshot, &trough, &c);
  draw_visit_labels (self, snapshot, &trough, &c);
}

static void
ivd_day_strip_measure (GtkWidget      *widget,
                       GtkOrientation  orientation,
                       int             for_size,
                       int            *minimum,
                       int            *natural,
                       int            *minimum_baseline,
                       int            *natural_baseline)
{
  IvdDayStrip *self = IVD_DAY_STRIP (widget);

  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      *minimum = 240;
      *natural = 480;
    }
  else
    *minimum = *natural = trough_top (self) + BAR_HEIGHT + TICK_LONG + 1 + line_height (self);
}

static int
compare_minutes (gconstpointer a,
                 gconstpointer b)
{
  return *(const int *) a - *(const int *) b;
}

static void
update (IvdDayStrip *self)
{
  g_free (self->description);
  self->description = ivd_visit_times_describe (self->times, self->duration, self->night_start, self->night_end);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, self->description, -1);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self), self->description);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
ivd_day_strip_finalize (GObject *object)
{
  IvdDayStrip *self = (IvdDayStrip *) object;

  g_clear_pointer (&self->times, g_array_unref);
  g_clear_pointer (&self->description, g_free);

  G_OBJECT_CLASS (ivd_day_strip_parent_class)->finalize (object);
}

static void
ivd_day_strip_class_init (IvdDayStripClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->finalize = ivd_day_strip_finalize;
  widget_class->snapshot = ivd_day_strip_snapshot;
  widget_class->measure = ivd_day_strip_measure;

  gtk_widget_class_set_css_name (widget_class, "daystrip");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
ivd_day_strip_init (IvdDayStrip *self)
{
  self->times = g_array_new (FALSE, FALSE, sizeof (int));
  /* Until the region's rule is known; the page sets it. */
  ivd_visit_times_night_window (NULL, &self->night_start, &self->night_end);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Visits over 24 hours"), -1);
  update (self);
}

GtkWidget *
ivd_day_strip_new (void)
{
  return g_object_new (IVD_TYPE_DAY_STRIP, NULL);
}

/**
 * ivd_day_strip_set_visits:
 * @times: (element-type int) (nullable): visit times in minutes after midnight
 * @duration: minutes per visit; 0 when not known (drawn as a thin bar)
 */
void
ivd_day_strip_set_visits (IvdDayStrip *self,
                          GArray      *times,
                          int          duration)
{
  g_return_if_fail (IVD_IS_DAY_STRIP (self));

  g_array_set_size (self->times, 0);
  if (times != NULL)
    g_array_append_vals (self->times, times->data, times->len);
  g_array_sort (self->times, compare_minutes);
  self->duration = MAX (duration, 0);
  update (self);
}

/* In minutes after midnight; the window may wrap past midnight. */
void
ivd_day_strip_set_night_window (IvdDayStrip *self,
                                int          start,
                                int          end)
{
  g_return_if_fail (IVD_IS_DAY_STRIP (self));

  self->night_start = start;
  self->night_end = end;
  update (self);
}

/* The visits in words, as a screen reader gets them. */
const char *
ivd_day_strip_get_description (IvdDayStrip *self)
{
  g_return_val_if_fail (IVD_IS_DAY_STRIP (self), NULL);

  return self->description;
}
