#define G_LOG_DOMAIN "ivd-record-note"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "ivd-record-note.h"

/* The note a doctor pastes into the patient record when the chosen form
 * (tablets or self-administration, the top of the priority order of
 * domain §4) ends the flow: no municipal IV course, and what must still be
 * done. With tablets the shared medication record (FMK) and any dose
 * dispensing by a pharmacy (seed 004) must follow the change. */

static void
append_line (GString    *note,
             const char *line)
{
  if (note->len > 0)
    g_string_append_c (note, '\n');
  g_string_append (note, line);
}

static void
append_drug (GString *note,
             IvdPlan *plan)
{
  const char *drug = ivd_plan_get_string (plan, "treatment.drug");
  const char *dose = ivd_plan_get_string (plan, "treatment.dose");
  g_autofree char *line = NULL;

  if (drug == NULL)
    return;
  /* Translators: a drug and its dose in the record note, e.g. "Drug: Amoxicillin 750 mg." */
  line = dose != NULL ? g_strdup_printf (_("Drug: %s %s."), drug, dose) : g_strdup_printf (_("Drug: %s."), drug);
  append_line (note, line);
}

static void
append_tablets_reason (GString *note,
                       IvdPlan *plan)
{
  const char *reason = ivd_plan_get_string (plan, "alternatives.tablets");
  g_autofree char *line = NULL;

  if (reason == NULL)
    return;
  /* Translators: %s is the doctor's reason, as typed */
  line = g_strdup_printf (_("Tablets are not used because: %s"), reason);
  append_line (note, line);
}

/**
 * ivd_record_note_new:
 *
 * Returns: (transfer full) (nullable): the note for the record when the
 *   plan's treatment form is tablets or self-administration; NULL for any
 *   other form or none.
 */
char *
ivd_record_note_new (IvdPlan *plan)
{
  const char *form;
  g_autoptr(GString) note = g_string_new (NULL);

  g_return_val_if_fail (IVD_IS_PLAN (plan), NULL);

  form = ivd_plan_get_string (plan, "treatment.form");
  if (g_strcmp0 (form, "tablets") == 0)
    {
      append_line (note, _("No municipal IV course: the treatment continues as tablets."));
      append_drug (note, plan);
      append_line (note, _("Remember to update FMK (Fælles Medicinkort): stop the IV prescription and "
                           "prescribe the tablets. If the patient has dose dispensing (dosisdispensering), "
                           "update it as well."));
    }
  else if (g_strcmp0 (form, "self_administration") == 0)
    {
      append_line (note, _("No municipal IV course: the patient continues the treatment as "
                           "self-administration (user-managed treatment)."));
      append_drug (note, plan);
      append_tablets_reason (note, plan);
      append_line (note, _("Remember to update FMK (Fælles Medicinkort) with the self-administered treatment."));
    }
  else
    return NULL;

  return g_string_free (g_steal_pointer (&note), FALSE);
}
