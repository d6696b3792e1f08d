#pragma once

#include <glib.h>

#include "ivd-plan.h"
#include "ivd-rule-set.h"

G_BEGIN_DECLS

/* How one visit stands to the night window (EXCL-NIGHT). */
typedef enum
{
  IVD_VISIT_DAY,        /* wholly outside the window */
  IVD_VISIT_NIGHT,      /* starts inside it */
  IVD_VISIT_INTO_NIGHT, /* starts before it and runs into it */
} IvdVisitKind;

/* A time as it is being typed. */
typedef enum
{
  IVD_TIME_INPUT_EMPTY,
  IVD_TIME_INPUT_PARTIAL, /* may still become a time */
  IVD_TIME_INPUT_VALID,
  IVD_TIME_INPUT_INVALID,
} IvdTimeInput;

IvdTimeInput  ivd_visit_times_check_input      (const char         *text,
                                                int                *minutes);
gboolean      ivd_visit_times_night_window     (IvdRuleSet         *rules,
                                                int                *start,
                                                int                *end);
IvdVisitKind  ivd_visit_times_classify         (int                 minute,
                                                int                 duration,
                                                int                 window_start,
                                                int                 window_end);
GStrv         ivd_visit_times_normalize        (const char * const *texts);
void          ivd_visit_times_write            (IvdPlan            *plan,
                                                const char * const *texts);
char         *ivd_visit_times_describe         (GArray             *times,
                                                int                 duration,
                                                int                 window_start,
                                                int                 window_end);
gboolean      ivd_visit_times_parse_start_date (const char         *text,
                                                GDate              *date);

G_END_DECLS
