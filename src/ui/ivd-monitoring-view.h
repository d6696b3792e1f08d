#pragma once

#include <adwaita.h>

#include "ivd-csv-writer.h"
#include "ivd-monitoring.h"
#include "ivd-store.h"

G_BEGIN_DECLS

#define IVD_TYPE_MONITORING_VIEW (ivd_monitoring_view_get_type ())

G_DECLARE_FINAL_TYPE (IvdMonitoringView, ivd_monitoring_view, IVD, MONITORING_VIEW, AdwBin)

GtkWidget           *ivd_monitoring_view_new                   (void);
IvdStore            *ivd_monitoring_view_get_store             (IvdMonitoringView *self);
void                 ivd_monitoring_view_set_store             (IvdMonitoringView *self,
                                                                IvdStore          *store);
int                  ivd_monitoring_view_get_year              (IvdMonitoringView *self);
void                 ivd_monitoring_view_set_year              (IvdMonitoringView *self,
                                                                int                year);
int                  ivd_monitoring_view_get_quarter           (IvdMonitoringView *self);
void                 ivd_monitoring_view_set_quarter           (IvdMonitoringView *self,
                                                                int                quarter);
const char          *ivd_monitoring_view_get_region            (IvdMonitoringView *self);
void                 ivd_monitoring_view_set_region            (IvdMonitoringView *self,
                                                                const char        *region);
const char          *ivd_monitoring_view_get_municipality_code (IvdMonitoringView *self);
void                 ivd_monitoring_view_set_municipality_code (IvdMonitoringView *self,
                                                                const char        *code);
int                  ivd_monitoring_view_get_expected_per_year (IvdMonitoringView *self);
void                 ivd_monitoring_view_set_expected_per_year (IvdMonitoringView *self,
                                                                int                expected);
IvdMonitoringReport *ivd_monitoring_view_get_report            (IvdMonitoringView *self);
void                 ivd_monitoring_view_refresh               (IvdMonitoringView *self);
gboolean             ivd_monitoring_view_export_csv            (IvdMonitoringView *self,
                                                                GFile             *file,
                                                                IvdCsvFlags        flags);

G_END_DECLS
