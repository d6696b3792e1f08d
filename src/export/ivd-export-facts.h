#pragma once

#include "ivd-directory-entry.h"
#include "ivd-export.h"

G_BEGIN_DECLS

/* The plan's facts as every export prints them, read once: the referral,
 * the handout, the plain text and the FHIR message say the same thing.
 * Absent facts are NULL (or -1), never guessed. */
typedef struct
{
  char              *name;
  char              *cpr;               /* DDMMYY-SSSS */
  int                age;
  const char        *sex;               /* translated */
  const char        *municipality_code;
  const char        *municipality_name;
  char              *authority;         /* "Københavns Kommune", "Gentofte Kommune" */
  const char        *region;
  IvdDirectoryEntry *entry;             /* the municipality's directory entry, or NULL */

  const char        *department;
  const char        *phone;             /* the department, day and night */
  const char        *doctor;
  const char        *sor;
  const char        *ean;

  const char        *type;
  const char        *form;
  const char        *drug;
  const char        *dose;
  const char        *access;
  char              *times;             /* "08:00, 14:00, 20:00" */
  int                visits;
  gint64             minutes;           /* per visit, or -1 */
  gint64             days;              /* or -1 */
  char              *start;             /* formatted dates, or NULL */
  char              *stop;
  int                first_dose;        /* -1 unknown, 0 no, 1 yes */
  gboolean           not_alone;
  const char        *place;
  int                home_assessed;     /* -1 unknown, 0 no, 1 yes */
  const char        *delivery;

  const char        *answer;            /* the municipality's latest answer */
  const char        *answer_person;
  const char        *answer_reason;
  char              *answer_time;

  char              *issued;            /* when the export was made */
} IvdExportFacts;

IvdExportFacts *ivd_export_facts_new         (const IvdExportInput *input);
void            ivd_export_facts_free        (IvdExportFacts       *facts);
char           *ivd_export_facts_format_date (const GDate          *date);
char           *ivd_export_facts_format_time (GDateTime            *time);
const char     *ivd_export_facts_or_unfilled (const char           *value);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (IvdExportFacts, ivd_export_facts_free)

G_END_DECLS
