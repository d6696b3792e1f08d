#pragma once

#include "ivd-store.h"

G_BEGIN_DECLS

/* The kinds a course is counted under; the README's "Monitoring" section
 * defines each figure. */
typedef enum
{
  IVD_MONITORING_TYPE_ANTIBIOTIC,
  IVD_MONITORING_TYPE_FLUID,
  IVD_MONITORING_TYPE_OTHER,
  IVD_MONITORING_TYPE_UNKNOWN,  /* no treatment type in the plan */
  IVD_MONITORING_N_TYPES
} IvdMonitoringType;

typedef enum
{
  IVD_MONITORING_FORM_PUMP,
  IVD_MONITORING_FORM_INTERMITTENT,
  IVD_MONITORING_FORM_UNKNOWN,  /* no IV form in the plan */
  IVD_MONITORING_N_FORMS
} IvdMonitoringForm;

typedef enum
{
  IVD_MONITORING_PLACE_HOME,     /* home, nursing home, residential care */
  IVD_MONITORING_PLACE_CLINIC,   /* the municipal clinic */
  IVD_MONITORING_PLACE_OTHER,    /* acute or temporary bed */
  IVD_MONITORING_PLACE_UNKNOWN,
  IVD_MONITORING_N_PLACES
} IvdMonitoringPlace;

/* The last step of the visits distribution counts this many or more. */
#define IVD_MONITORING_MAX_VISITS 6

/* Expected volume exceeded: the renegotiation rule of domain §11. */
#define IVD_MONITORING_OVER_RATIO 1.2
#define IVD_MONITORING_OVER_AFTER_MONTHS 6.0

typedef struct
{
  guint  n;       /* courses where the value is known */
  double mean;    /* NAN when n is 0 */
  double median;  /* NAN when n is 0 */
} IvdMonitoringStat;

#define IVD_TYPE_MONITORING_REPORT (ivd_monitoring_report_get_type ())

G_DECLARE_FINAL_TYPE (IvdMonitoringReport, ivd_monitoring_report, IVD, MONITORING_REPORT, GObject)

IvdMonitoringReport *ivd_store_get_monitoring    (IvdStore    *store,
                                                  int          year,
                                                  int          quarter,
                                                  const char  *region,
                                                  const char  *municipality_code,
                                                  int          expected_per_year,
                                                  GError     **error);
IvdMonitoringReport *ivd_store_get_monitoring_at (IvdStore    *store,
                                                  int          year,
                                                  int          quarter,
                                                  const char  *region,
                                                  const char  *municipality_code,
                                                  int          expected_per_year,
                                                  GDateTime   *now,
                                                  GError     **error);

int         ivd_monitoring_report_get_year              (IvdMonitoringReport *self);
int         ivd_monitoring_report_get_quarter           (IvdMonitoringReport *self);
const char *ivd_monitoring_report_get_region            (IvdMonitoringReport *self);
const char *ivd_monitoring_report_get_municipality_code (IvdMonitoringReport *self);

guint       ivd_monitoring_report_get_citizens_referred (IvdMonitoringReport *self);
guint       ivd_monitoring_report_get_citizens_accepted (IvdMonitoringReport *self);
guint       ivd_monitoring_report_get_courses_referred  (IvdMonitoringReport *self);
guint       ivd_monitoring_report_get_courses_accepted  (IvdMonitoringReport *self);
guint       ivd_monitoring_report_get_courses_declined  (IvdMonitoringReport *self);
guint       ivd_monitoring_report_get_courses_by_type   (IvdMonitoringReport *self,
                                                         IvdMonitoringType    type);
guint       ivd_monitoring_report_get_courses_by_form   (IvdMonitoringReport *self,
                                                         IvdMonitoringForm    form);
guint       ivd_monitoring_report_get_courses_by_visits (IvdMonitoringReport *self,
                                                         guint                visits_per_day);
const IvdMonitoringStat *ivd_monitoring_report_get_visits  (IvdMonitoringReport *self);
const IvdMonitoringStat *ivd_monitoring_report_get_minutes (IvdMonitoringReport *self);
const IvdMonitoringStat *ivd_monitoring_report_get_days    (IvdMonitoringReport *self);
guint       ivd_monitoring_report_get_courses_by_place  (IvdMonitoringReport *self,
                                                         IvdMonitoringPlace   place);
double      ivd_monitoring_report_get_home_share        (IvdMonitoringReport *self);

gboolean    ivd_monitoring_report_get_has_tariff        (IvdMonitoringReport *self);
guint       ivd_monitoring_report_get_tariff_courses    (IvdMonitoringReport *self);
guint       ivd_monitoring_report_get_tariff_unpriced   (IvdMonitoringReport *self);
guint       ivd_monitoring_report_get_tariff_without_days (IvdMonitoringReport *self);
gint64      ivd_monitoring_report_get_tariff_course_dkk (IvdMonitoringReport *self);
gint64      ivd_monitoring_report_get_tariff_day_dkk    (IvdMonitoringReport *self);
gint64      ivd_monitoring_report_get_tariff_total_dkk  (IvdMonitoringReport *self);
int         ivd_monitoring_report_get_tariff_step       (IvdMonitoringReport *self);
guint       ivd_monitoring_report_get_tariff_year_courses (IvdMonitoringReport *self);

guint       ivd_monitoring_report_get_n_months          (IvdMonitoringReport *self);
guint       ivd_monitoring_report_get_month_courses     (IvdMonitoringReport *self,
                                                         guint                month,
                                                         IvdMonitoringType    type);

int         ivd_monitoring_report_get_expected_per_year (IvdMonitoringReport *self);
double      ivd_monitoring_report_get_months_elapsed    (IvdMonitoringReport *self);
guint       ivd_monitoring_report_get_courses_this_year (IvdMonitoringReport *self);
double      ivd_monitoring_report_get_expected_so_far   (IvdMonitoringReport *self);
double      ivd_monitoring_report_get_activity_ratio    (IvdMonitoringReport *self);
gboolean    ivd_monitoring_report_get_over_expected     (IvdMonitoringReport *self);

G_END_DECLS
