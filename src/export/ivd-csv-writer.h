#pragma once

#include <gio/gio.h>

#include "ivd-catalog.h"
#include "ivd-monitoring.h"

G_BEGIN_DECLS

/**
 * IvdCsvFlags:
 * @IVD_CSV_FLAGS_NONE: RFC 4180: comma separator, decimal point
 * @IVD_CSV_DANISH: what Danish spreadsheets expect: semicolon separator,
 *   decimal comma
 * @IVD_CSV_BOM: a UTF-8 byte order mark first, so that Excel reads the
 *   file as UTF-8
 */
typedef enum
{
  IVD_CSV_FLAGS_NONE = 0,
  IVD_CSV_DANISH     = 1 << 0,
  IVD_CSV_BOM        = 1 << 1,
} IvdCsvFlags;

#define IVD_TYPE_CSV_WRITER (ivd_csv_writer_get_type ())

G_DECLARE_FINAL_TYPE (IvdCsvWriter, ivd_csv_writer, IVD, CSV_WRITER, GObject)

IvdCsvWriter *ivd_csv_writer_new             (IvdCsvFlags           flags);
void          ivd_csv_writer_add_text        (IvdCsvWriter         *self,
                                              const char           *text);
void          ivd_csv_writer_add_int         (IvdCsvWriter         *self,
                                              gint64                value);
void          ivd_csv_writer_add_decimal     (IvdCsvWriter         *self,
                                              double                value,
                                              int                   digits);
void          ivd_csv_writer_end_row         (IvdCsvWriter         *self);
void          ivd_csv_writer_add_monitoring  (IvdCsvWriter         *self,
                                              IvdMonitoringReport  *report,
                                              IvdCatalog           *catalog);
GBytes       *ivd_csv_writer_get_bytes       (IvdCsvWriter         *self);
gboolean      ivd_csv_writer_write_file      (IvdCsvWriter         *self,
                                              const char           *path,
                                              GError              **error);

G_END_DECLS
