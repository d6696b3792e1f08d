#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define IVD_TYPE_DAY_STRIP (ivd_day_strip_get_type ())

G_DECLARE_FINAL_TYPE (IvdDayStrip, ivd_day_strip, IVD, DAY_STRIP, GtkWidget)

GtkWidget  *ivd_day_strip_new              (void);
void        ivd_day_strip_set_visits       (IvdDayStrip *self,
                                            GArray      *times,
                                            int          duration);
void        ivd_day_strip_set_night_window (IvdDayStrip *self,
                                            int          start,
                                            int          end);
const char *ivd_day_strip_get_description  (IvdDayStrip *self);

G_END_DECLS
