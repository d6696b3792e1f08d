#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Words for the plan's coded values, translated: what a doctor, a nurse or
 * a patient reads instead of "iv_intermittent" or "picc". Unknown values
 * come back as they are. */

const char *ivd_labels_treatment_type (const char *type);
const char *ivd_labels_form           (const char *form);
const char *ivd_labels_access         (const char *access);
const char *ivd_labels_place          (const char *place);
const char *ivd_labels_outcome        (const char *outcome);
const char *ivd_labels_severity       (const char *severity);
const char *ivd_labels_answer         (const char *answer);
const char *ivd_labels_delivery       (const char *delivery);
const char *ivd_labels_supply_category (const char *category);
const char *ivd_labels_region         (const char *region);

G_END_DECLS
