#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define IVD_MINUTES_PER_DAY (24 * 60)

gboolean ivd_schedule_parse_time     (const char *text,
                                      int        *minutes);
char    *ivd_schedule_format_time    (int         minutes);
gboolean ivd_schedule_in_window      (int         minute,
                                      int         window_start,
                                      int         window_end);
gboolean ivd_schedule_overlaps_window (int        start,
                                      int         duration,
                                      int         window_start,
                                      int         window_end);

G_END_DECLS
