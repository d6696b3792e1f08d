#pragma once

#include <gtk/gtk.h>

#include "ivd-monitoring.h"

G_BEGIN_DECLS

#define IVD_TYPE_MONITORING_CHART (ivd_monitoring_chart_get_type ())

G_DECLARE_FINAL_TYPE (IvdMonitoringChart, ivd_monitoring_chart, IVD, MONITORING_CHART, GtkWidget)

GtkWidget           *ivd_monitoring_chart_new        (void);
IvdMonitoringReport *ivd_monitoring_chart_get_report (IvdMonitoringChart  *self);
void                 ivd_monitoring_chart_set_report (IvdMonitoringChart  *self,
                                                      IvdMonitoringReport *report);
void                 ivd_monitoring_chart_draw       (cairo_t             *cr,
                                                      int                  width,
                                                      int                  height,
                                                      IvdMonitoringReport *report,
                                                      gboolean             dark);
char                *ivd_monitoring_chart_describe   (IvdMonitoringReport *report);

G_END_DECLS
