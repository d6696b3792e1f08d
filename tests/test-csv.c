#include <math.h>
#include <sys/stat.h>

#include "ivd-csv-writer.h"
#include "ivd-export.h"
#include "ivd-store-private.h"
#include "ivd-test-util.h"

/* The CSV writer, read back with a small strict RFC 4180 parser of its own
 * (records end in CRLF; a quoted field may hold anything, its quotes
 * doubled; a quote anywhere else, or a bare CR or LF, is an error): both
 * dialects, quoting, the decimal comma, the byte order mark, the
 * monitoring layout, and the file written whole and 0600. */

#define BOM "\xEF\xBB\xBF"

/* Returns: (transfer full) (nullable): the records, each a GPtrArray of
 * fields, or NULL when @text is not RFC 4180 with @separator. */
static GPtrArray *
parse_csv (const char *text,
           gsize       length,
           char        separator)
{
  g_autoptr(GPtrArray) records = g_ptr_array_new_with_free_func ((GDestroyNotify) g_ptr_array_unref);
  g_autoptr(GPtrArray) record = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GString) field = g_string_new (NULL);
  const char *p = text, *end = text + length;

  while (p < end)
    {
      gboolean quoted = *p == '"';

      if (quoted)
        {
          for (p++; ; p++)
            {
              if (p >= end)
                return NULL;                       /* unterminated quote */
              if (*p == '"' && p + 1 < end && p[1] == '"')
                g_string_append_c (field, *p++);
              else if (*p == '"')
                break;
              else
                g_string_append_c (field, *p);
            }
          p++;
        }
      else
        for (; p < end && *p != separator && *p != '\r' && *p != '\n'; p++)
          {
            if (*p == '"')
              return NULL;                         /* a quote in an unquoted field */
            g_string_append_c (field, *p);
          }

      g_ptr_array_add (record, g_strndup (field->str, field->len));
      g_string_truncate (field, 0);
      if (p < end && *p == separator)
        {
          p++;
          continue;
        }
      if (p + 1 >= end || p[0] != '\r' || p[1] != '\n')
        return NULL;                               /* every record ends in CRLF */
      p += 2;
      g_ptr_array_add (records, g_steal_pointer (&record));
      record = g_ptr_array_new_with_free_func (g_free);
    }

  return g_steal_pointer (&records);
}

static GPtrArray *
parse_bytes (GBytes *bytes,
             char    separator)
{
  gsize length;
  const char *data = g_bytes_get_data (bytes, &length);

  return parse_csv (data, length, separator);
}

static const char *
field (GPtrArray *records,
       guint      row,
       guint      column)
{
  GPtrArray *record;

  g_assert_cmpuint (row, <, records->len);
  record = records->pdata[row];
  g_assert_cmpuint (column, <, record->len);
  return record->pdata[column];
}

/* The row whose first field is @figure. */
static GPtrArray *
find_row (GPtrArray  *records,
          const char *figure)
{
  for (guint i = 0; i < records->len; i++)
    {
      GPtrArray *record = records->pdata[i];

      if (g_str_equal (record->pdata[0], figure))
        return record;
    }
  g_test_message ("no row “%s”", figure);
  g_assert_not_reached ();
}

static const char * const awkward[] = {
  "plain", "with,comma", "with \"quote\"", "line\nbreak", "cr\rhere", "crlf\r\nhere", "semi;colon", "", "Ærø æøå",
};

static IvdCsvWriter *
write_awkward (IvdCsvFlags flags)
{
  IvdCsvWriter *writer = ivd_csv_writer_new (flags);

  for (guint i = 0; i < G_N_ELEMENTS (awkward); i++)
    ivd_csv_writer_add_text (writer, awkward[i]);
  ivd_csv_writer_add_text (writer, NULL);
  ivd_csv_writer_end_row (writer);
  ivd_csv_writer_add_int (writer, 16687);
  ivd_csv_writer_add_decimal (writer, 8.6, 1);
  ivd_csv_writer_add_decimal (writer, 1.0 / 3, 2);
  ivd_csv_writer_add_decimal (writer, NAN, 1);
  ivd_csv_writer_end_row (writer);
  return writer;
}

static void
assert_awkward (GPtrArray  *records,
                const char *decimal,
                const char *third)
{
  g_assert_nonnull (records);
  g_assert_cmpuint (records->len, ==, 2);
  g_assert_cmpuint (((GPtrArray *) records->pdata[0])->len, ==, G_N_ELEMENTS (awkward) + 1);
  for (guint i = 0; i < G_N_ELEMENTS (awkward); i++)
    g_assert_cmpstr (field (records, 0, i), ==, awkward[i]);
  g_assert_cmpstr (field (records, 0, G_N_ELEMENTS (awkward)), ==, "");
  g_assert_cmpstr (field (records, 1, 0), ==, "16687");
  g_assert_cmpstr (field (records, 1, 1), ==, decimal);
  g_assert_cmpstr (field (records, 1, 2), ==, third);
  g_assert_cmpstr (field (records, 1, 3), ==, "");
}

static void
test_rfc4180 (void)
{
  g_autoptr(IvdCsvWriter) writer = write_awkward (IVD_CSV_FLAGS_NONE);
  g_autoptr(GBytes) bytes = ivd_csv_writer_get_bytes (writer);
  g_autoptr(GPtrArray) records = parse_bytes (bytes, ',');
  const char *text = g_bytes_get_data (bytes, NULL);

  /* Exactly as RFC 4180 writes it: only what must be quoted is. */
  g_assert_true (g_str_has_prefix (text, "plain,\"with,comma\",\"with \"\"quote\"\"\",\"line\nbreak\","
                                   "\"cr\rhere\",\"crlf\r\nhere\",semi;colon,,Ærø æøå,\r\n"));
  g_assert_true (g_str_has_suffix (text, "\r\n16687,8.6,0.33,\r\n"));
  g_assert_false (g_str_has_prefix (text, BOM));
  g_assert_true (g_utf8_validate (text, g_bytes_get_size (bytes), NULL));
  assert_awkward (records, "8.6", "0.33");
}

static void
test_danish (void)
{
  g_autoptr(IvdCsvWriter) writer = write_awkward (IVD_CSV_DANISH | IVD_CSV_BOM);
  g_autoptr(GBytes) bytes = ivd_csv_writer_get_bytes (writer);
  const char *text = g_bytes_get_data (bytes, NULL);
  g_autoptr(GPtrArray) records = NULL;

  /* A byte order mark for Excel, then ';' and a decimal comma: a comma
   * needs no quotes, a semicolon does. */
  g_assert_true (g_str_has_prefix (text, BOM "plain;with,comma;\"with \"\"quote\"\"\";"));
  g_assert_nonnull (strstr (text, ";\"semi;colon\";"));
  g_assert_true (g_str_has_suffix (text, "\r\n16687;8,6;0,33;\r\n"));
  records = parse_csv (text + strlen (BOM), g_bytes_get_size (bytes) - strlen (BOM), ';');
  assert_awkward (records, "8,6", "0,33");
}

/* The parser itself refuses what is not RFC 4180. */
static void
test_parser (void)
{
  const char *bad[] = { "a,b\n", "a,\"b\r\n", "a\"b,c\r\n", "a,b" };

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    g_assert_null (parse_csv (bad[i], strlen (bad[i]), ','));
}

typedef struct
{
  char       *dir;
  IvdCatalog *catalog;
  IvdStore   *store;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;

  f->dir = g_dir_make_tmp ("ivd-csv-XXXXXX", &error);
  g_assert_no_error (error);
  path = g_build_filename (f->dir, "plans.db", NULL);
  f->catalog = ivd_test_catalog ();
  f->store = ivd_store_open (path, f->catalog, &error);
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_clear_object (&f->store);
  g_clear_object (&f->catalog);
  ivd_test_remove_tree (f->dir);
  g_free (f->dir);
}

/* Three accepted Hovedstaden courses in February 2026, put in directly:
 * the figures themselves are test-monitoring's. */
static IvdMonitoringReport *
seeded_report (Fixture *f)
{
  g_autoptr(GDateTime) now = g_date_time_new_utc (2026, 11, 22, 12, 0, 0);
  g_autoptr(GError) error = NULL;
  sqlite3 *db = ivd_database_get_handle (ivd_store_get_database (f->store));
  IvdMonitoringReport *report;

  g_assert_cmpint (sqlite3_exec (db,
                                 "INSERT INTO plans (id, document, status, created, updated, region, municipality_code,"
                                 " cpr, treatment_type, place_kind, visits_per_day, minutes, days, referred_at, answer)"
                                 " VALUES"
                                 " ('a', '{\"treatment\": {\"form\": \"iv_intermittent\"}}', 'accepted', 'x', 'x',"
                                 "  'hovedstaden', '101', '1506501237', 'antibiotic', 'home', 3, 30, 8,"
                                 "  '2026-02-01T10:00:00.000000Z', 'accepted'),"
                                 " ('b', '{\"treatment\": {\"form\": \"iv_pump\"}}', 'accepted', 'x', 'x',"
                                 "  'hovedstaden', '101', '0203881234', 'antibiotic', 'clinic', 1, 45, 5,"
                                 "  '2026-02-02T10:00:00.000000Z', 'accepted'),"
                                 " ('c', '{\"treatment\": {\"form\": \"iv_intermittent\"}}', 'accepted', 'x', 'x',"
                                 "  'hovedstaden', '101', '1212451111', 'fluid', 'home', 2, 40, 9,"
                                 "  '2026-02-03T10:00:00.000000Z', 'accepted')",
                                 NULL, NULL, NULL), ==, SQLITE_OK);
  report = ivd_store_get_monitoring_at (f->store, 2026, 1, "hovedstaden", "101", 10, now, &error);
  g_assert_no_error (error);
  return report;
}

static void
assert_layout (GPtrArray  *records,
               const char *mean_minutes,
               const char *median_minutes,
               const char *share_home)
{
  GPtrArray *months_header = NULL;
  guint blank = 0;

  g_assert_nonnull (records);
  g_assert_cmpstr (field (records, 0, 0), ==, "Figure");
  g_assert_cmpstr (field (records, 0, 1), ==, "Value");
  g_assert_cmpstr (field (records, 0, 2), ==, "Unit");
  g_assert_cmpstr (find_row (records, "Quarter")->pdata[1], ==, "2026 Q1");
  g_assert_cmpstr (find_row (records, "Region")->pdata[1], ==, "Capital Region of Denmark");
  g_assert_cmpstr (find_row (records, "Municipality")->pdata[1], ==, "København");
  g_assert_cmpstr (find_row (records, "1. Citizens referred")->pdata[1], ==, "3");
  g_assert_cmpstr (find_row (records, "1. Citizens referred")->pdata[2], ==, "citizens");
  g_assert_cmpstr (find_row (records, "3. IV antibiotics")->pdata[1], ==, "2");
  g_assert_cmpstr (find_row (records, "3. IV pump (24-hour)")->pdata[1], ==, "1");
  g_assert_cmpstr (find_row (records, "4. Courses with 2 visits a day")->pdata[1], ==, "1");
  g_assert_cmpstr (find_row (records, "5. Minutes per visit, mean")->pdata[1], ==, mean_minutes);
  g_assert_cmpstr (find_row (records, "5. Minutes per visit, median")->pdata[1], ==, median_minutes);
  g_assert_cmpstr (find_row (records, "7. Share at home (of home and clinic)")->pdata[1], ==, share_home);
  g_assert_cmpstr (find_row (records, "7. Share at home (of home and clinic)")->pdata[2], ==, "%");
  /* 6915 + 2 x 1485 = 9885; 2049 (pump, 5 days); 1343 + 6 x 341 = 3389
   * (fluid, 9 days). */
  g_assert_cmpstr (find_row (records, "Tariff: total")->pdata[1], ==, "15323");
  g_assert_cmpstr (find_row (records, "Tariff: total")->pdata[2], ==, "DKK");
  g_assert_cmpstr (find_row (records, "20 % or more above the expected level after six months")->pdata[1], ==, "no");

  /* Three columns a figure; a blank record; the months, six columns. */
  for (guint i = 0; i < records->len; i++)
    {
      GPtrArray *record = records->pdata[i];

      if (months_header != NULL)
        g_assert_cmpuint (record->len, ==, 6);
      else if (record->len == 1 && g_str_equal (record->pdata[0], ""))
        blank = i;
      else if (blank > 0)
        months_header = record;
      else
        g_assert_cmpuint (record->len, ==, 3);
    }
  g_assert_nonnull (months_header);
  g_assert_cmpstr (months_header->pdata[0], ==, "Month");
  g_assert_cmpstr (months_header->pdata[1], ==, "IV antibiotics");
  g_assert_cmpstr (months_header->pdata[5], ==, "All accepted courses");
  g_assert_cmpuint (records->len, ==, blank + 2 + 3);
  g_assert_cmpstr (field (records, blank + 3, 0), ==, "2026-02");
  g_assert_cmpstr (field (records, blank + 3, 1), ==, "2");
  g_assert_cmpstr (field (records, blank + 3, 2), ==, "1");
  g_assert_cmpstr (field (records, blank + 3, 5), ==, "3");
}

static void
test_monitoring_layout (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(IvdMonitoringReport) report = seeded_report (f);
  g_autoptr(IvdCsvWriter) plain = ivd_csv_writer_new (IVD_CSV_FLAGS_NONE);
  g_autoptr(IvdCsvWriter) danish = ivd_csv_writer_new (IVD_CSV_DANISH);
  g_autoptr(GBytes) plain_bytes = NULL;
  g_autoptr(GBytes) danish_bytes = NULL;
  g_autoptr(GPtrArray) plain_records = NULL;
  g_autoptr(GPtrArray) danish_records = NULL;

  ivd_csv_writer_add_monitoring (plain, report, f->catalog);
  ivd_csv_writer_add_monitoring (danish, report, f->catalog);
  plain_bytes = ivd_csv_writer_get_bytes (plain);
  danish_bytes = ivd_csv_writer_get_bytes (danish);

  /* Mean minutes (30 + 45 + 40) / 3; two of three at home. */
  plain_records = parse_bytes (plain_bytes, ',');
  assert_layout (plain_records, "38.3", "40.0", "66.7");
  danish_records = parse_bytes (danish_bytes, ';');
  assert_layout (danish_records, "38,3", "40,0", "66,7");
}

/* Written whole, 0600; a folder that is not there leaves nothing. */
static void
test_write_file (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(IvdMonitoringReport) report = seeded_report (f);
  g_autoptr(IvdCsvWriter) writer = ivd_csv_writer_new (IVD_CSV_DANISH | IVD_CSV_BOM);
  g_autofree char *path = g_build_filename (f->dir, "monitoring.csv", NULL);
  g_autofree char *missing = g_build_filename (f->dir, "no-such-folder", "monitoring.csv", NULL);
  g_autofree char *contents = NULL;
  g_autoptr(GBytes) expected = NULL;
  g_autoptr(GError) error = NULL;
  gsize length;
  GStatBuf st;

  ivd_csv_writer_add_monitoring (writer, report, f->catalog);
  g_assert_true (ivd_csv_writer_write_file (writer, path, &error));
  g_assert_no_error (error);
  g_assert_cmpint (g_stat (path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);

  g_assert_true (g_file_get_contents (path, &contents, &length, &error));
  expected = ivd_csv_writer_get_bytes (writer);
  g_assert_cmpmem (contents, length, g_bytes_get_data (expected, NULL), g_bytes_get_size (expected));
  g_assert_true (g_str_has_prefix (contents, BOM "Figure;Value;Unit\r\n"));

  g_assert_false (ivd_csv_writer_write_file (writer, missing, &error));
  g_assert_error (error, IVD_EXPORT_ERROR, IVD_EXPORT_ERROR_WRITE);
  g_assert_false (g_file_test (missing, G_FILE_TEST_EXISTS));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/csv/rfc4180", test_rfc4180);
  g_test_add_func ("/csv/danish", test_danish);
  g_test_add_func ("/csv/parser", test_parser);
  g_test_add ("/csv/monitoring-layout", Fixture, NULL, fixture_set_up, test_monitoring_layout, fixture_tear_down);
  g_test_add ("/csv/write-file", Fixture, NULL, fixture_set_up, test_write_file, fixture_tear_down);

  return g_test_run ();
}
