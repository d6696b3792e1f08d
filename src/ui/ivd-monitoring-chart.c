#define G_LOG_DOMAIN "ivd-monitoring-chart"

#include "config.h"

#include <math.h>

#include <adwaita.h>
#include <glib/gi18n.h>

#include "ivd-labels.h"
#include "ivd-monitoring-chart.h"

/* The monitoring figures as a picture: accepted courses per month of the
 * year by type, stacked, with a legend and the total above each bar; and
 * below it the quarter's place of treatment as one bar split into home,
 * clinic and other beds. Drawn with cairo, so that tests and exports draw
 * it without a display. Colours are libadwaita's named palette, a lighter
 * shade in dark mode; every number is also in the accessible description. */
struct _IvdMonitoringChart
{
  GtkWidget            parent_instance;

  IvdMonitoringReport *report;
};

G_DEFINE_FINAL_TYPE (IvdMonitoringChart, ivd_monitoring_chart, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_REPORT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

#define PAD        8.0
#define GAP        6.0
#define SWATCH     10.0
#define SHARE_BAR  18.0
#define N_SLOTS    12

typedef struct
{
  double r, g, b;
} Rgb;

/* libadwaita palette: light mode, dark mode. */
static const Rgb type_colours[IVD_MONITORING_N_TYPES][2] = {
  [IVD_MONITORING_TYPE_ANTIBIOTIC] = { { 0x35, 0x84, 0xe4 }, { 0x62, 0xa0, 0xea } },   /* blue 3, blue 2 */
  [IVD_MONITORING_TYPE_FLUID]      = { { 0x26, 0xa2, 0x69 }, { 0x33, 0xd1, 0x7a } },   /* green 5, green 3 */
  [IVD_MONITORING_TYPE_OTHER]      = { { 0xe6, 0x61, 0x00 }, { 0xff, 0xa3, 0x48 } },   /* orange 4, orange 2 */
  [IVD_MONITORING_TYPE_UNKNOWN]    = { { 0x9a, 0x99, 0x96 }, { 0x77, 0x76, 0x7b } },   /* light 5, dark 1 */
};

static const Rgb place_colours[IVD_MONITORING_N_PLACES][2] = {
  [IVD_MONITORING_PLACE_HOME]    = { { 0x91, 0x41, 0xac }, { 0xc0, 0x61, 0xcb } },   /* purple 3, purple 2 */
  [IVD_MONITORING_PLACE_CLINIC]  = { { 0xe5, 0xa5, 0x0a }, { 0xf5, 0xc2, 0x11 } },   /* yellow 5, yellow 4 */
  [IVD_MONITORING_PLACE_OTHER]   = { { 0x9a, 0x99, 0x96 }, { 0x77, 0x76, 0x7b } },
  [IVD_MONITORING_PLACE_UNKNOWN] = { { 0x9a, 0x99, 0x96 }, { 0x77, 0x76, 0x7b } },
};

typedef struct
{
  cairo_t      *cr;
  PangoContext *context;   /* the widget's, for its font; NULL: a default */
  gboolean      dark;
  double        width;
  double        height;
  double        line;      /* height of a line of text */
} Canvas;

static void
set_rgb (Canvas    *canvas,
         const Rgb *rgb)
{
  cairo_set_source_rgb (canvas->cr, rgb->r / 255, rgb->g / 255, rgb->b / 255);
}

/* Text as libadwaita's window foreground: near black, or white. */
static void
set_fg (Canvas *canvas,
        double  alpha)
{
  if (canvas->dark)
    cairo_set_source_rgba (canvas->cr, 1, 1, 1, alpha);
  else
    cairo_set_source_rgba (canvas->cr, 0, 0, 0, 0.8 * alpha);
}

static PangoLayout *
layout_new (Canvas     *canvas,
            const char *text)
{
  PangoLayout *layout;

  if (canvas->context != NULL)
    {
      layout = pango_layout_new (canvas->context);
      pango_cairo_update_layout (canvas->cr, layout);
    }
  else
    {
      g_autoptr(PangoFontDescription) font = pango_font_description_from_string ("Sans 9");

      layout = pango_cairo_create_layout (canvas->cr);
      pango_layout_set_font_description (layout, font);
    }
  pango_layout_set_text (layout, text, -1);
  return layout;
}

/* Draws @text with its left edge at @x (or centred on it) and its top at
 * @y; returns its width. */
static double
show_text (Canvas     *canvas,
           const char *text,
           double      x,
           double      y,
           gboolean    centred)
{
  g_autoptr(PangoLayout) layout = layout_new (canvas, text);
  int width, height;

  pango_layout_get_pixel_size (layout, &width, &height);
  cairo_move_to (canvas->cr, centred ? x - width / 2.0 : x, y);
  pango_cairo_show_layout (canvas->cr, layout);
  return width;
}

static double
text_width (Canvas     *canvas,
            const char *text)
{
  g_autoptr(PangoLayout) layout = layout_new (canvas, text);
  int width;

  pango_layout_get_pixel_size (layout, &width, NULL);
  return width;
}

static double
swatch (Canvas     *canvas,
        const Rgb  *rgb,
        const char *text,
        double      x,
        double      y)
{
  set_rgb (canvas, rgb);
  cairo_rectangle (canvas->cr, x, y + (canvas->line - SWATCH) / 2, SWATCH, SWATCH);
  cairo_fill (canvas->cr);
  set_fg (canvas, 1);
  return SWATCH + 4 + show_text (canvas, text, x + SWATCH + 4, y, FALSE) + 12;
}

static const char *
type_label (IvdMonitoringType type)
{
  const char *ids[] = { "antibiotic", "fluid", "other" };

  return type < G_N_ELEMENTS (ids) ? ivd_labels_treatment_type (ids[type]) : _("Type not stated");
}

static guint
month_total (IvdMonitoringReport *report,
             guint                month)
{
  guint total = 0;

  for (IvdMonitoringType type = 0; type < IVD_MONITORING_N_TYPES; type++)
    total += ivd_monitoring_report_get_month_courses (report, month, type);
  return total;
}

static gboolean
has_unknown_type (IvdMonitoringReport *report)
{
  for (guint month = 1; month <= ivd_monitoring_report_get_n_months (report); month++)
    if (ivd_monitoring_report_get_month_courses (report, month, IVD_MONITORING_TYPE_UNKNOWN) > 0)
      return TRUE;
  return FALSE;
}

static void
draw_legend (Canvas              *canvas,
             IvdMonitoringReport *report)
{
  double x = PAD;
  IvdMonitoringType last = has_unknown_type (report) ? IVD_MONITORING_TYPE_UNKNOWN : IVD_MONITORING_TYPE_OTHER;

  for (IvdMonitoringType type = 0; type <= last; type++)
    x += swatch (canvas, &type_colours[type][canvas->dark], type_label (type), x, PAD);
}

/* A round step (1, 2 or 5 times a power of ten) giving at most 5 lines. */
static guint
tick_step (guint top)
{
  const guint factors[] = { 1, 2, 5 };
  guint step = 1;

  for (guint scale = 1; scale <= G_MAXUINT / 50; scale *= 10)
    for (guint i = 0; i < G_N_ELEMENTS (factors); i++)
      if ((step = factors[i] * scale) * 5 >= top)
        return step;
  return step;
}

static double
draw_axis (Canvas *canvas,
           double  top,
           double  bottom,
           guint   maximum,
           guint   step)
{
  g_autofree char *widest = g_strdup_printf ("%u", maximum);
  double left = PAD + text_width (canvas, widest) + GAP;

  for (guint value = 0; value <= maximum; value += step)
    {
      g_autofree char *label = g_strdup_printf ("%u", value);
      double y = bottom - (bottom - top) * value / maximum;

      set_fg (canvas, value == 0 ? 0.5 : 0.15);
      cairo_rectangle (canvas->cr, left, round (y) - 0.5, canvas->width - PAD - left, 1);
      cairo_fill (canvas->cr);
      set_fg (canvas, 0.7);
      show_text (canvas, label, PAD + text_width (canvas, widest) - text_width (canvas, label), y - canvas->line / 2,
                 FALSE);
    }
  return left;
}

static void
draw_bar (Canvas              *canvas,
          IvdMonitoringReport *report,
          guint                month,
          double               x,
          double               width,
          double               bottom,
          double               per_course)
{
  g_autofree char *total = g_strdup_printf ("%u", month_total (report, month));
  double y = bottom;

  for (IvdMonitoringType type = 0; type < IVD_MONITORING_N_TYPES; type++)
    {
      double h = ivd_monitoring_report_get_month_courses (report, month, type) * per_course;

      if (h <= 0)
        continue;
      set_rgb (canvas, &type_colours[type][canvas->dark]);
      /* A hairline between the parts, so that they are told apart
       * without the colours. */
      cairo_rectangle (canvas->cr, x, y - h, width, MAX (h - 1, 1));
      cairo_fill (canvas->cr);
      y -= h;
    }
  if (month_total (report, month) > 0)
    {
      set_fg (canvas, 1);
      show_text (canvas, total, x + width / 2, y - canvas->line - 1, TRUE);
    }
}

static char *
month_name (int   year,
            guint month)
{
  g_autoptr(GDateTime) date = g_date_time_new_local (year, month, 1, 12, 0, 0);

  return g_date_time_format (date, "%b");
}

static void
draw_months (Canvas              *canvas,
             IvdMonitoringReport *report,
             double               top,
             double               bottom)
{
  guint maximum = 0, step;
  double left, slot;

  for (guint month = 1; month <= ivd_monitoring_report_get_n_months (report); month++)
    maximum = MAX (maximum, month_total (report, month));
  step = tick_step (MAX (maximum, 1));
  maximum = MAX (step, (maximum + step - 1) / step * step);

  left = draw_axis (canvas, top, bottom, maximum, step);
  slot = (canvas->width - PAD - left) / N_SLOTS;
  for (guint month = 1; month <= N_SLOTS; month++)
    {
      g_autofree char *name = month_name (ivd_monitoring_report_get_year (report), month);
      double x = left + (month - 1) * slot;
      gboolean counted = month <= ivd_monitoring_report_get_n_months (report);

      if (counted)
        draw_bar (canvas, report, month, x + slot * 0.2, slot * 0.6, bottom, (bottom - top) / maximum);
      /* Months after the quarter are not counted yet: their names fade. */
      set_fg (canvas, counted ? 0.8 : 0.3);
      show_text (canvas, name, x + slot / 2, bottom + 2, TRUE);
    }
}

static void
draw_share (Canvas              *canvas,
            IvdMonitoringReport *report,
            double               top)
{
  const IvdMonitoringPlace shown[] = { IVD_MONITORING_PLACE_HOME, IVD_MONITORING_PLACE_CLINIC,
                                       IVD_MONITORING_PLACE_OTHER };
  const char *labels[] = { _("At home"), _("Clinic"), _("Acute or temporary bed") };
  double share = ivd_monitoring_report_get_home_share (report);
  double bar_top = top + canvas->line + 4;
  double x = PAD, total = 0;

  for (guint i = 0; i < G_N_ELEMENTS (shown); i++)
    total += ivd_monitoring_report_get_courses_by_place (report, shown[i]);

  for (guint i = 0; i < G_N_ELEMENTS (shown); i++)
    {
      guint n = ivd_monitoring_report_get_courses_by_place (report, shown[i]);
      g_autofree char *text = NULL;

      if (i == G_N_ELEMENTS (shown) - 1 && n == 0)
        break;
      /* Translators: a place of treatment and how many courses, e.g. "At home 4" */
      text = i < 2 && !isnan (share)
             ? g_strdup_printf (_("%s %u (%.0f %%)"), labels[i], n, (i == 0 ? share : 1 - share) * 100)
             : g_strdup_printf (_("%s %u"), labels[i], n);
      x += swatch (canvas, &place_colours[shown[i]][canvas->dark], text, x, top);
    }

  set_fg (canvas, 0.1);
  cairo_rectangle (canvas->cr, PAD, bar_top, canvas->width - 2 * PAD, SHARE_BAR);
  cairo_fill (canvas->cr);
  x = PAD;
  for (guint i = 0; i < G_N_ELEMENTS (shown) && total > 0; i++)
    {
      double w = (canvas->width - 2 * PAD) * ivd_monitoring_report_get_courses_by_place (report, shown[i]) / total;

      set_rgb (canvas, &place_colours[shown[i]][canvas->dark]);
      cairo_rectangle (canvas->cr, x, bar_top, MAX (w - 1, 0), SHARE_BAR);
      cairo_fill (canvas->cr);
      x += w;
    }
}

static void
draw (Canvas              *canvas,
      IvdMonitoringReport *report)
{
  double share_top = canvas->height - PAD - SHARE_BAR - 4 - canvas->line;
  double plot_top = PAD + canvas->line + GAP + canvas->line + 2;
  double plot_bottom = share_top - GAP * 2 - canvas->line - 2;

  if (report == NULL || plot_bottom - plot_top < 20 || canvas->width < 120)
    return;

  draw_legend (canvas, report);
  draw_months (canvas, report, plot_top, plot_bottom);
  draw_share (canvas, report, share_top);
}

static void
canvas_init (Canvas       *canvas,
             cairo_t      *cr,
             PangoContext *context,
             double        width,
             double        height,
             gboolean      dark)
{
  g_autoptr(PangoLayout) layout = NULL;
  int line;

  *canvas = (Canvas) { cr, context, dark, width, height, 0 };
  layout = layout_new (canvas, "Mg");
  pango_layout_get_pixel_size (layout, NULL, &line);
  canvas->line = line;
}

static void
on_dark_notify_cb (IvdMonitoringChart *self)
{
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
ivd_monitoring_chart_snapshot (GtkWidget   *widget,
                               GtkSnapshot *snapshot)
{
  IvdMonitoringChart *self = IVD_MONITORING_CHART (widget);
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  cairo_t *cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0, width, height));
  Canvas canvas;

  canvas_init (&canvas, cr, gtk_widget_get_pango_context (widget), width, height,
               adw_style_manager_get_dark (adw_style_manager_get_default ()));
  draw (&canvas, self->report);
  cairo_destroy (cr);
}

static void
ivd_monitoring_chart_measure (GtkWidget      *widget,
                              GtkOrientation  orientation,
                              int             for_size,
                              int            *minimum,
                              int            *natural,
                              int            *minimum_baseline,
                              int            *natural_baseline)
{
  *minimum = orientation == GTK_ORIENTATION_HORIZONTAL ? 300 : 220;
  *natural = orientation == GTK_ORIENTATION_HORIZONTAL ? 560 : 280;
}

static void
ivd_monitoring_chart_dispose (GObject *object)
{
  IvdMonitoringChart *self = (IvdMonitoringChart *) object;

  g_clear_object (&self->report);

  G_OBJECT_CLASS (ivd_monitoring_chart_parent_class)->dispose (object);
}

static void
ivd_monitoring_chart_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  IvdMonitoringChart *self = IVD_MONITORING_CHART (object);

  switch (prop_id)
    {
    case PROP_REPORT: g_value_set_object (value, self->report); break;
    default:          G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ivd_monitoring_chart_set_property (GObject      *object,
                                   guint         prop_id,
                                   const GValue *value,
                                   GParamSpec   *pspec)
{
  IvdMonitoringChart *self = IVD_MONITORING_CHART (object);

  switch (prop_id)
    {
    case PROP_REPORT: ivd_monitoring_chart_set_report (self, g_value_get_object (value)); break;
    default:          G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ivd_monitoring_chart_class_init (IvdMonitoringChartClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ivd_monitoring_chart_dispose;
  object_class->get_property = ivd_monitoring_chart_get_property;
  object_class->set_property = ivd_monitoring_chart_set_property;
  widget_class->snapshot = ivd_monitoring_chart_snapshot;
  widget_class->measure = ivd_monitoring_chart_measure;

  properties[PROP_REPORT] =
    g_param_spec_object ("report", NULL, NULL, IVD_TYPE_MONITORING_REPORT,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_css_name (widget_class, "monitoringchart");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
ivd_monitoring_chart_init (IvdMonitoringChart *self)
{
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Accepted courses per month, and place of treatment"), -1);
  g_signal_connect_object (adw_style_manager_get_default (), "notify::dark", G_CALLBACK (on_dark_notify_cb), self,
                           G_CONNECT_SWAPPED);
}

GtkWidget *
ivd_monitoring_chart_new (void)
{
  return g_object_new (IVD_TYPE_MONITORING_CHART, NULL);
}

/* Returns: (transfer none) (nullable) */
IvdMonitoringReport *
ivd_monitoring_chart_get_report (IvdMonitoringChart *self)
{
  g_return_val_if_fail (IVD_IS_MONITORING_CHART (self), NULL);
  return self->report;
}

void
ivd_monitoring_chart_set_report (IvdMonitoringChart  *self,
                                 IvdMonitoringReport *report)
{
  g_autofree char *description = NULL;

  g_return_if_fail (IVD_IS_MONITORING_CHART (self));
  g_return_if_fail (report == NULL || IVD_IS_MONITORING_REPORT (report));

  if (!g_set_object (&self->report, report))
    return;

  description = report != NULL ? ivd_monitoring_chart_describe (report) : NULL;
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, description, -1);
  gtk_widget_queue_draw (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_REPORT]);
}

/**
 * ivd_monitoring_chart_draw:
 * @report: (nullable): nothing is drawn without one
 * @dark: colours for a dark background
 *
 * Draws the chart into @cr's area from (0, 0) to (@width, @height), with
 * no background; usable with no display.
 */
void
ivd_monitoring_chart_draw (cairo_t             *cr,
                           int                  width,
                           int                  height,
                           IvdMonitoringReport *report,
                           gboolean             dark)
{
  Canvas canvas;

  g_return_if_fail (cr != NULL);
  g_return_if_fail (report == NULL || IVD_IS_MONITORING_REPORT (report));

  cairo_save (cr);
  canvas_init (&canvas, cr, NULL, width, height, dark);
  draw (&canvas, report);
  cairo_restore (cr);
}

/* The chart in words, for a screen reader: each counted month's courses
 * by type, then the place of treatment. */
char *
ivd_monitoring_chart_describe (IvdMonitoringReport *report)
{
  GString *text = g_string_new (NULL);

  g_return_val_if_fail (IVD_IS_MONITORING_REPORT (report), NULL);

  for (guint month = 1; month <= ivd_monitoring_report_get_n_months (report); month++)
    {
      g_autoptr(GDateTime) date = g_date_time_new_local (ivd_monitoring_report_get_year (report), month, 1, 12, 0, 0);
      g_autofree char *name = g_date_time_format (date, "%B");

      /* Translators: a month and its number of accepted courses */
      g_string_append_printf (text, _("%s: %u"), name, month_total (report, month));
      for (IvdMonitoringType type = 0; type < IVD_MONITORING_N_TYPES && month_total (report, month) > 0; type++)
        if (ivd_monitoring_report_get_month_courses (report, month, type) > 0)
          g_string_append_printf (text, ", %s %u", type_label (type),
                                  ivd_monitoring_report_get_month_courses (report, month, type));
      g_string_append (text, ". ");
    }

  /* Translators: courses of the quarter at home, in a clinic, in a bed */
  g_string_append_printf (text, _("Place of treatment this quarter: at home %u, in a clinic %u, in an acute or "
                                  "temporary bed %u."),
                          ivd_monitoring_report_get_courses_by_place (report, IVD_MONITORING_PLACE_HOME),
                          ivd_monitoring_report_get_courses_by_place (report, IVD_MONITORING_PLACE_CLINIC),
                          ivd_monitoring_report_get_courses_by_place (report, IVD_MONITORING_PLACE_OTHER));
  return g_string_free (text, FALSE);
}
