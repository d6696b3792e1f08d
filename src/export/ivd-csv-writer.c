#define G_LOG_DOMAIN "ivd-csv-writer"

#include "config.h"

#include <math.h>

#include <glib/gi18n-lib.h>

#include "ivd-csv-writer.h"
#include "ivd-export.h"
#include "ivd-labels.h"

/* CSV as RFC 4180 has it: records end in CRLF; a field holding the
 * separator, a quote, CR or LF is quoted, its quotes doubled; UTF-8. The
 * Danish dialect uses ';' and a decimal comma, as a spreadsheet set to
 * Danish reads it. The monitoring layout is in the README: three columns
 * (figure, value, unit), one row per figure, then a blank record and the
 * accepted courses per month by type. */
struct _IvdCsvWriter
{
  GObject      parent_instance;

  IvdCsvFlags  flags;
  GString     *out;
  gboolean     in_row;
};

G_DEFINE_FINAL_TYPE (IvdCsvWriter, ivd_csv_writer, G_TYPE_OBJECT)

#define BOM "\xEF\xBB\xBF"

static char
separator (IvdCsvWriter *self)
{
  return (self->flags & IVD_CSV_DANISH) ? ';' : ',';
}

static gboolean
needs_quotes (IvdCsvWriter *self,
              const char   *text)
{
  for (const char *p = text; *p != '\0'; p++)
    if (*p == separator (self) || *p == '"' || *p == '\r' || *p == '\n')
      return TRUE;
  return FALSE;
}

static void
add_field (IvdCsvWriter *self,
           const char   *text)
{
  if (self->in_row)
    g_string_append_c (self->out, separator (self));
  self->in_row = TRUE;

  if (!needs_quotes (self, text))
    {
      g_string_append (self->out, text);
      return;
    }

  g_string_append_c (self->out, '"');
  for (const char *p = text; *p != '\0'; p++)
    {
      if (*p == '"')
        g_string_append_c (self->out, '"');
      g_string_append_c (self->out, *p);
    }
  g_string_append_c (self->out, '"');
}

/* ---- the monitoring layout ---- */

static void
add_row_text (IvdCsvWriter *self,
              const char   *figure,
              const char   *value)
{
  ivd_csv_writer_add_text (self, figure);
  ivd_csv_writer_add_text (self, value);
  ivd_csv_writer_add_text (self, NULL);
  ivd_csv_writer_end_row (self);
}

static void
add_row_int (IvdCsvWriter *self,
             const char   *figure,
             gint64        value,
             const char   *unit)
{
  ivd_csv_writer_add_text (self, figure);
  ivd_csv_writer_add_int (self, value);
  ivd_csv_writer_add_text (self, unit);
  ivd_csv_writer_end_row (self);
}

/* An unknown value (NAN) leaves the value empty, never 0. */
static void
add_row_decimal (IvdCsvWriter *self,
                 const char   *figure,
                 double        value,
                 const char   *unit)
{
  ivd_csv_writer_add_text (self, figure);
  ivd_csv_writer_add_decimal (self, value, 1);
  ivd_csv_writer_add_text (self, unit);
  ivd_csv_writer_end_row (self);
}

static void
add_selection (IvdCsvWriter        *self,
               IvdMonitoringReport *report,
               IvdCatalog          *catalog)
{
  const char *region = ivd_monitoring_report_get_region (report);
  const char *code = ivd_monitoring_report_get_municipality_code (report);
  IvdMunicipality *municipality = code != NULL && catalog != NULL
                                  ? ivd_catalog_lookup_municipality (catalog, code) : NULL;
  /* Translators: a year and a quarter, as in "2026 Q2" */
  g_autofree char *period = g_strdup_printf (_("%d Q%d"), ivd_monitoring_report_get_year (report),
                                             ivd_monitoring_report_get_quarter (report));

  ivd_csv_writer_add_text (self, _("Figure"));
  ivd_csv_writer_add_text (self, _("Value"));
  ivd_csv_writer_add_text (self, _("Unit"));
  ivd_csv_writer_end_row (self);

  add_row_text (self, _("Quarter"), period);
  add_row_text (self, _("Region"), region != NULL ? ivd_labels_region (region) : _("All regions"));
  add_row_text (self, _("Municipality"),
                municipality != NULL ? ivd_municipality_get_name (municipality)
                : code != NULL ? code : _("All municipalities"));
}

static void
add_referrals (IvdCsvWriter        *self,
               IvdMonitoringReport *report)
{
  add_row_int (self, _("1. Citizens referred"), ivd_monitoring_report_get_citizens_referred (report), _("citizens"));
  add_row_int (self, _("1. Courses referred"), ivd_monitoring_report_get_courses_referred (report), _("courses"));
  add_row_int (self, _("2. Citizens visited (accepted by the municipality)"),
               ivd_monitoring_report_get_citizens_accepted (report), _("citizens"));
  add_row_int (self, _("2. Courses accepted"), ivd_monitoring_report_get_courses_accepted (report), _("courses"));
  add_row_int (self, _("2. Courses declined"), ivd_monitoring_report_get_courses_declined (report), _("courses"));
}

static void
add_types (IvdCsvWriter        *self,
           IvdMonitoringReport *report)
{
  const char *types[] = { "antibiotic", "fluid", "other" };
  const char *forms[] = { "iv_pump", "iv_intermittent" };

  for (guint i = 0; i < G_N_ELEMENTS (types); i++)
    {
      /* Translators: figure 3, by type of treatment, e.g. "3. IV antibiotics" */
      g_autofree char *figure = g_strdup_printf (_("3. %s"), ivd_labels_treatment_type (types[i]));
      add_row_int (self, figure, ivd_monitoring_report_get_courses_by_type (report, i), _("courses"));
    }
  add_row_int (self, _("3. Type not stated"),
               ivd_monitoring_report_get_courses_by_type (report, IVD_MONITORING_TYPE_UNKNOWN), _("courses"));
  for (guint i = 0; i < G_N_ELEMENTS (forms); i++)
    {
      g_autofree char *figure = g_strdup_printf (_("3. %s"), ivd_labels_form (forms[i]));
      add_row_int (self, figure, ivd_monitoring_report_get_courses_by_form (report, i), _("courses"));
    }
  add_row_int (self, _("3. Form not stated"),
               ivd_monitoring_report_get_courses_by_form (report, IVD_MONITORING_FORM_UNKNOWN), _("courses"));
}

static void
add_visits (IvdCsvWriter        *self,
            IvdMonitoringReport *report)
{
  const IvdMonitoringStat *visits = ivd_monitoring_report_get_visits (report);

  add_row_decimal (self, _("4. Visits per day, mean"), visits->mean, _("visits"));
  add_row_decimal (self, _("4. Visits per day, median"), visits->median, _("visits"));
  for (guint n = 1; n <= IVD_MONITORING_MAX_VISITS; n++)
    {
      g_autofree char *figure = n < IVD_MONITORING_MAX_VISITS
        /* Translators: figure 4, how many courses had this many visits a day */
        ? g_strdup_printf (ngettext ("4. Courses with %u visit a day", "4. Courses with %u visits a day", n), n)
        /* Translators: figure 4, the last step of the distribution */
        : g_strdup_printf (_("4. Courses with %u or more visits a day"), n);
      add_row_int (self, figure, ivd_monitoring_report_get_courses_by_visits (report, n), _("courses"));
    }
  add_row_int (self, _("4. Visits per day not stated"), ivd_monitoring_report_get_courses_by_visits (report, 0),
               _("courses"));
}

static void
add_times (IvdCsvWriter        *self,
           IvdMonitoringReport *report)
{
  const IvdMonitoringStat *minutes = ivd_monitoring_report_get_minutes (report);
  const IvdMonitoringStat *days = ivd_monitoring_report_get_days (report);

  add_row_decimal (self, _("5. Minutes per visit, mean"), minutes->mean, _("minutes"));
  add_row_decimal (self, _("5. Minutes per visit, median"), minutes->median, _("minutes"));
  add_row_decimal (self, _("6. Length of course, mean"), days->mean, _("days"));
  add_row_decimal (self, _("6. Length of course, median"), days->median, _("days"));
}

static void
add_places (IvdCsvWriter        *self,
            IvdMonitoringReport *report)
{
  double home = ivd_monitoring_report_get_home_share (report);

  add_row_int (self, _("7. At home (own home, nursing home, residential facility)"),
               ivd_monitoring_report_get_courses_by_place (report, IVD_MONITORING_PLACE_HOME), _("courses"));
  add_row_int (self, _("7. In a municipal clinic"),
               ivd_monitoring_report_get_courses_by_place (report, IVD_MONITORING_PLACE_CLINIC), _("courses"));
  add_row_decimal (self, _("7. Share at home (of home and clinic)"), home * 100, "%");
  add_row_decimal (self, _("7. Share in a clinic (of home and clinic)"), isnan (home) ? NAN : (1 - home) * 100,
                   "%");
  add_row_int (self, _("7. In a municipal acute or temporary bed"),
               ivd_monitoring_report_get_courses_by_place (report, IVD_MONITORING_PLACE_OTHER), _("courses"));
  add_row_int (self, _("7. Place not stated"),
               ivd_monitoring_report_get_courses_by_place (report, IVD_MONITORING_PLACE_UNKNOWN), _("courses"));
}

static void
add_tariff (IvdCsvWriter        *self,
            IvdMonitoringReport *report)
{
  if (!ivd_monitoring_report_get_has_tariff (report))
    return;

  add_row_int (self, _("Tariff: courses priced"), ivd_monitoring_report_get_tariff_courses (report), _("courses"));
  add_row_int (self, _("Tariff: course tariffs"), ivd_monitoring_report_get_tariff_course_dkk (report), "DKK");
  add_row_int (self, _("Tariff: day tariffs"), ivd_monitoring_report_get_tariff_day_dkk (report), "DKK");
  add_row_int (self, _("Tariff: total"), ivd_monitoring_report_get_tariff_total_dkk (report), "DKK");
  add_row_int (self, _("Tariff: courses without a tariff (other treatment)"),
               ivd_monitoring_report_get_tariff_unpriced (report), _("courses"));
  add_row_int (self, _("Tariff: courses without days (course tariff only)"),
               ivd_monitoring_report_get_tariff_without_days (report), _("courses"));
  add_row_int (self, _("Tariff step reached by the quarter’s end"), ivd_monitoring_report_get_tariff_step (report),
               NULL);
  add_row_int (self, _("Courses in Region Hovedstaden this year"),
               ivd_monitoring_report_get_tariff_year_courses (report), _("courses"));
}

static void
add_activity (IvdCsvWriter        *self,
              IvdMonitoringReport *report)
{
  int expected = ivd_monitoring_report_get_expected_per_year (report);

  add_row_int (self, _("Courses this year so far"), ivd_monitoring_report_get_courses_this_year (report),
               _("courses"));
  add_row_decimal (self, _("Months of the year passed"), ivd_monitoring_report_get_months_elapsed (report),
                   _("months"));
  if (expected <= 0)
    return;
  add_row_int (self, _("Expected courses per year"), expected, _("courses"));
  add_row_decimal (self, _("Expected so far"), ivd_monitoring_report_get_expected_so_far (report), _("courses"));
  add_row_decimal (self, _("Activity against the expected level"),
                   ivd_monitoring_report_get_activity_ratio (report) * 100, "%");
  /* xgettext:no-c-format */
  add_row_text (self, _("20 % or more above the expected level after six months"),
                ivd_monitoring_report_get_over_expected (report) ? _("yes") : _("no"));
}

static void
add_months (IvdCsvWriter        *self,
            IvdMonitoringReport *report)
{
  const char *types[] = { "antibiotic", "fluid", "other" };
  int year = ivd_monitoring_report_get_year (report);

  ivd_csv_writer_add_text (self, _("Month"));
  for (guint i = 0; i < G_N_ELEMENTS (types); i++)
    ivd_csv_writer_add_text (self, ivd_labels_treatment_type (types[i]));
  ivd_csv_writer_add_text (self, _("Type not stated"));
  ivd_csv_writer_add_text (self, _("All accepted courses"));
  ivd_csv_writer_end_row (self);

  for (guint month = 1; month <= ivd_monitoring_report_get_n_months (report); month++)
    {
      g_autofree char *label = g_strdup_printf ("%04d-%02u", year, month);
      guint total = 0;

      ivd_csv_writer_add_text (self, label);
      for (IvdMonitoringType type = 0; type < IVD_MONITORING_N_TYPES; type++)
        {
          guint n = ivd_monitoring_report_get_month_courses (report, month, type);
          ivd_csv_writer_add_int (self, n);
          total += n;
        }
      ivd_csv_writer_add_int (self, total);
      ivd_csv_writer_end_row (self);
    }
}

static void
ivd_csv_writer_finalize (GObject *object)
{
  IvdCsvWriter *self = (IvdCsvWriter *) object;

  g_string_free (self->out, TRUE);

  G_OBJECT_CLASS (ivd_csv_writer_parent_class)->finalize (object);
}

static void
ivd_csv_writer_class_init (IvdCsvWriterClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = ivd_csv_writer_finalize;
}

static void
ivd_csv_writer_init (IvdCsvWriter *self)
{
  self->out = g_string_new (NULL);
}

IvdCsvWriter *
ivd_csv_writer_new (IvdCsvFlags flags)
{
  IvdCsvWriter *self = g_object_new (IVD_TYPE_CSV_WRITER, NULL);

  self->flags = flags;
  return self;
}

/* @text: (nullable): the field; %NULL is an empty field */
void
ivd_csv_writer_add_text (IvdCsvWriter *self,
                         const char   *text)
{
  g_return_if_fail (IVD_IS_CSV_WRITER (self));
  g_return_if_fail (text == NULL || g_utf8_validate (text, -1, NULL));

  add_field (self, text != NULL ? text : "");
}

void
ivd_csv_writer_add_int (IvdCsvWriter *self,
                        gint64        value)
{
  char text[32];

  g_return_if_fail (IVD_IS_CSV_WRITER (self));

  g_snprintf (text, sizeof text, "%" G_GINT64_FORMAT, value);
  add_field (self, text);
}

/* @value with @digits decimals, with a decimal comma in the Danish
 * dialect; NAN or infinity is an empty field. */
void
ivd_csv_writer_add_decimal (IvdCsvWriter *self,
                            double        value,
                            int           digits)
{
  char format[8];
  char text[G_ASCII_DTOSTR_BUF_SIZE];

  g_return_if_fail (IVD_IS_CSV_WRITER (self));
  g_return_if_fail (digits >= 0 && digits <= 9);

  if (!isfinite (value))
    {
      add_field (self, "");
      return;
    }

  g_snprintf (format, sizeof format, "%%.%df", digits);
  g_ascii_formatd (text, sizeof text, format, value);
  if (self->flags & IVD_CSV_DANISH)
    g_strdelimit (text, ".", ',');
  add_field (self, text);
}

void
ivd_csv_writer_end_row (IvdCsvWriter *self)
{
  g_return_if_fail (IVD_IS_CSV_WRITER (self));

  g_string_append (self->out, "\r\n");
  self->in_row = FALSE;
}

/**
 * ivd_csv_writer_add_monitoring:
 * @catalog: (nullable): for the municipality's name
 *
 * Adds @report in the layout the README describes.
 */
void
ivd_csv_writer_add_monitoring (IvdCsvWriter        *self,
                               IvdMonitoringReport *report,
                               IvdCatalog          *catalog)
{
  g_return_if_fail (IVD_IS_CSV_WRITER (self));
  g_return_if_fail (IVD_IS_MONITORING_REPORT (report));

  if (self->in_row)
    ivd_csv_writer_end_row (self);
  add_selection (self, report, catalog);
  add_referrals (self, report);
  add_types (self, report);
  add_visits (self, report);
  add_times (self, report);
  add_places (self, report);
  add_tariff (self, report);
  add_activity (self, report);
  /* A blank record between the figures and the table. */
  ivd_csv_writer_end_row (self);
  add_months (self, report);
}

/* Returns: (transfer full): the text so far, every record ended */
GBytes *
ivd_csv_writer_get_bytes (IvdCsvWriter *self)
{
  g_autoptr(GString) text = g_string_new (NULL);

  g_return_val_if_fail (IVD_IS_CSV_WRITER (self), NULL);

  if (self->in_row)
    ivd_csv_writer_end_row (self);
  if (self->flags & IVD_CSV_BOM)
    g_string_append (text, BOM);
  g_string_append_len (text, self->out->str, self->out->len);
  return g_string_free_to_bytes (g_steal_pointer (&text));
}

/* Written whole or not at all, readable by the user only (as the other
 * exports). */
gboolean
ivd_csv_writer_write_file (IvdCsvWriter  *self,
                           const char    *path,
                           GError       **error)
{
  g_autoptr(GBytes) bytes = NULL;

  g_return_val_if_fail (IVD_IS_CSV_WRITER (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  bytes = ivd_csv_writer_get_bytes (self);
  return ivd_export_write_file (path, bytes, error);
}
