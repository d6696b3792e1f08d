#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

typedef enum
{
  IVD_SEVERITY_BLOCK,   /*< nick=block >*/
  IVD_SEVERITY_REVIEW,  /*< nick=review >*/
  IVD_SEVERITY_MISSING, /*< nick=missing >*/
  IVD_SEVERITY_INFO,    /*< nick=info >*/
} IvdSeverity;

#define IVD_TYPE_FINDING (ivd_finding_get_type ())

G_DECLARE_FINAL_TYPE (IvdFinding, ivd_finding, IVD, FINDING, GObject)

IvdFinding  *ivd_finding_new          (const char  *rule_id,
                                       IvdSeverity  severity,
                                       const char  *message,
                                       const char  *source);
const char  *ivd_finding_get_rule_id  (IvdFinding  *self);
IvdSeverity  ivd_finding_get_severity (IvdFinding  *self);
const char  *ivd_finding_get_message  (IvdFinding  *self);
const char  *ivd_finding_get_source   (IvdFinding  *self);

const char  *ivd_severity_to_string   (IvdSeverity  severity);
gboolean     ivd_severity_from_string (const char  *text,
                                       IvdSeverity *severity);

G_END_DECLS
