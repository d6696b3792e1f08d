#define G_LOG_DOMAIN "ivd-labels"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "ivd-labels.h"

typedef struct
{
  const char *id;
  const char *label;
} Label;

static const Label types[] = {
  { "antibiotic", N_("IV antibiotics") },
  { "fluid", N_("IV isotonic fluid") },
  { "other", N_("Other IV preparation") },
};

static const Label forms[] = {
  { "tablets", N_("Tablets") },
  { "self_administration", N_("Self-administration") },
  { "iv_pump", N_("IV pump (24-hour)") },
  { "iv_intermittent", N_("IV infusions 2–4 times a day") },
};

static const Label accesses[] = {
  { "pvk", N_("Peripheral venous catheter (PVK)") },
  { "cvk", N_("Central venous catheter (CVK)") },
  { "picc", N_("PICC line") },
  { "vip", N_("Vascular injection port (VIP)") },
  { "midline", N_("Midline catheter") },
};

static const Label places[] = {
  { "home", N_("Own home") },
  { "nursing_home", N_("Nursing home") },
  { "residential", N_("Residential facility") },
  { "clinic", N_("Municipal nursing clinic") },
  { "acute_bed", N_("Municipal acute bed") },
  { "temporary_bed", N_("Municipal temporary bed") },
};

static const Label outcomes[] = {
  { "eligible", N_("Eligible for municipal IV treatment") },
  { "not_eligible", N_("Not eligible: the course stays in hospital") },
  { "needs_review", N_("Needs individual assessment") },
  { "incomplete", N_("Incomplete: facts are missing") },
  { "not_applicable", N_("No municipal IV course") },
};

static const Label severities[] = {
  { "block", N_("Blocks") },
  { "review", N_("Review") },
  { "missing", N_("Missing") },
  { "info", N_("Note") },
};

static const Label answers[] = {
  { "accepted", N_("Accepted") },
  { "declined", N_("Declined") },
  { "call_back", N_("Will call back") },
};

static const Label deliveries[] = {
  { "home", N_("The citizen’s home") },
  { "depot", N_("The municipal depot") },
};

static const Label categories[] = {
  { "medicine", N_("Medicine") },
  { "fluid", N_("Fluid") },
  { "pump", N_("Pump") },
  { "nursing", N_("Nursing articles") },
  { "disposal", N_("Disposal") },
};

static const Label regions[] = {
  { "hovedstaden", N_("Capital Region of Denmark") },
  { "midtjylland", N_("Central Denmark Region") },
  { "nordjylland", N_("North Denmark Region") },
  { "syddanmark", N_("Region of Southern Denmark") },
  { "sjaelland", N_("Region Zealand") },
};

static const char *
lookup (const Label *labels,
        gsize        n_labels,
        const char  *id)
{
  if (id == NULL)
    return NULL;

  for (gsize i = 0; i < n_labels; i++)
    if (g_str_equal (labels[i].id, id))
      return _(labels[i].label);

  return id;
}

const char *
ivd_labels_treatment_type (const char *type)
{
  return lookup (types, G_N_ELEMENTS (types), type);
}

const char *
ivd_labels_form (const char *form)
{
  return lookup (forms, G_N_ELEMENTS (forms), form);
}

const char *
ivd_labels_access (const char *access)
{
  return lookup (accesses, G_N_ELEMENTS (accesses), access);
}

const char *
ivd_labels_place (const char *place)
{
  return lookup (places, G_N_ELEMENTS (places), place);
}

const char *
ivd_labels_outcome (const char *outcome)
{
  return lookup (outcomes, G_N_ELEMENTS (outcomes), outcome);
}

const char *
ivd_labels_severity (const char *severity)
{
  return lookup (severities, G_N_ELEMENTS (severities), severity);
}

const char *
ivd_labels_answer (const char *answer)
{
  return lookup (answers, G_N_ELEMENTS (answers), answer);
}

const char *
ivd_labels_delivery (const char *delivery)
{
  return lookup (deliveries, G_N_ELEMENTS (deliveries), delivery);
}

const char *
ivd_labels_supply_category (const char *category)
{
  return lookup (categories, G_N_ELEMENTS (categories), category);
}

const char *
ivd_labels_region (const char *region)
{
  return lookup (regions, G_N_ELEMENTS (regions), region);
}
