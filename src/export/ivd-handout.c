#define G_LOG_DOMAIN "ivd-handout"

#include "config.h"

#include <inttypes.h>

#include <glib/gi18n-lib.h>

#include "ivd-export-facts.h"
#include "ivd-handout.h"
#include "ivd-labels.h"

/* The patient's own paper (003 "den trygge udskrivelse"): in plain words,
 * short sentences, every abbreviation explained; what happens and where,
 * who comes when, whom to call day and night, what to watch for, and when
 * it ends. Facts the plan lacks are said to be missing, never guessed. */

static gboolean
at_clinic (const IvdExportFacts *facts)
{
  return facts->place != NULL &&
         g_strv_contains ((const char * const[]) { "clinic", "acute_bed", "temporary_bed", NULL }, facts->place);
}

static const char *
access_in_words (const char *access)
{
  if (g_strcmp0 (access, "pvk") == 0)
    return _("a thin, soft tube in a vein in your arm or hand (a peripheral venous catheter)");
  if (g_strcmp0 (access, "picc") == 0 || g_strcmp0 (access, "midline") == 0)
    return _("a thin, soft tube in a vein in your upper arm (a PICC line or midline)");
  if (g_strcmp0 (access, "cvk") == 0)
    return _("a thin, soft tube in a large vein near your neck or chest (a central venous catheter)");
  if (g_strcmp0 (access, "vip") == 0)
    return _("a small port under the skin of your chest (a vascular injection port)");
  return _("a thin, soft tube in a vein");
}

static void
add_what_happens (IvdDocument          *doc,
                  const IvdExportFacts *facts)
{
  g_autofree char *where = NULL;
  g_autofree char *medicine = NULL;

  ivd_document_add_heading (doc, _("What happens now"));
  ivd_document_add_paragraph (doc, _("You will go on with your treatment after you leave the hospital. The "
                                     "medicine goes straight into a vein. This is called IV treatment "
                                     "(IV means “into a vein”)."));

  if (facts->drug != NULL)
    {
      medicine = g_strdup_printf (_("Your medicine is %s."), facts->drug);
      ivd_document_add_paragraph (doc, medicine);
    }

  if (facts->municipality_name == NULL)
    where = g_strdup (_("Nurses from your municipality give you the treatment."));
  else if (at_clinic (facts))
    where = g_strdup_printf (_("Nurses from %s give you the treatment at the municipality’s nursing clinic."),
                             facts->authority);
  else
    where = g_strdup_printf (_("Nurses from %s give you the treatment in your home."), facts->authority);
  ivd_document_add_paragraph (doc, where);

  if (facts->access != NULL)
    {
      g_autofree char *access = g_strdup_printf (_("The medicine runs in through %s."),
                                                 access_in_words (facts->access));
      ivd_document_add_paragraph (doc, access);
    }
}

static void
add_visits (IvdDocument          *doc,
            const IvdExportFacts *facts)
{
  ivd_document_add_heading (doc, _("Who comes and when"));

  if (g_strcmp0 (facts->form, "iv_pump") == 0)
    ivd_document_add_paragraph (doc, _("You have a small pump that gives you the medicine all day and night. "
                                       "A nurse comes once a day to change the bag of medicine."));

  if (facts->times != NULL)
    {
      g_autofree char *times = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                             "A nurse comes %d time a day, at about %s.",
                                                             "A nurse comes %d times a day, at about %s.",
                                                             facts->visits),
                                                facts->visits, facts->times);
      ivd_document_add_paragraph (doc, times);
    }
  else
    ivd_document_add_paragraph (doc, _("The times of the visits are not decided yet. The nurses will tell you."));

  if (facts->minutes > 0)
    {
      g_autofree char *minutes = g_strdup_printf (_("Each visit takes about %" PRId64 " minutes."), facts->minutes);
      ivd_document_add_paragraph (doc, minutes);
    }

  if (facts->not_alone)
    ivd_document_add_paragraph (doc, _("The nurse stays with you while the medicine runs in."));
}

/* Fields, not sentences: a phone number is found at a glance. */
static void
add_whom_to_call (IvdDocument          *doc,
                  const IvdExportFacts *facts)
{
  IvdDirectoryEntry *entry = facts->entry;

  ivd_document_add_heading (doc, _("Whom to call"));
  ivd_document_add_paragraph (doc, _("The hospital is still responsible for your treatment. You can call the "
                                     "hospital department at any time, day and night."));

  ivd_document_add_field (doc, _("Hospital department"), ivd_export_facts_or_unfilled (facts->department));
  ivd_document_add_field (doc, _("Phone, day and night"), ivd_export_facts_or_unfilled (facts->phone));
  if (entry != NULL && ivd_directory_entry_get_acute_team_phone (entry) != NULL)
    ivd_document_add_field (doc, _("The municipality’s nurses"), ivd_directory_entry_get_acute_team_phone (entry));
  ivd_document_add_field (doc, _("Emergency"), "112");
}

static void
add_watch_for (IvdDocument *doc)
{
  ivd_document_add_heading (doc, _("What to watch for"));
  ivd_document_add_warning (doc, _("Call 112 at once if you get a rash, swelling of the face or lips, or trouble "
                                   "breathing. It can be an allergic reaction to the medicine."));
  ivd_document_add_paragraph (doc, _("Call the hospital department at once, day or night, if:"));
  ivd_document_add_bullet (doc, _("you get a fever (38 °C or more) or shivering"));
  ivd_document_add_bullet (doc, _("the skin where the medicine goes in becomes red, swollen, warm or sore"));
  ivd_document_add_bullet (doc, _("the tube or needle leaks, comes out or is blocked"));
  ivd_document_add_bullet (doc, _("you feel more ill than before"));
  ivd_document_add_paragraph (doc, _("Keep the dressing dry and clean. Do not pull at the tube."));
}

static void
add_ending (IvdDocument          *doc,
            const IvdExportFacts *facts)
{
  ivd_document_add_heading (doc, _("When the treatment ends"));

  if (facts->start != NULL && facts->stop != NULL)
    {
      g_autofree char *dates = g_strdup_printf (_("The treatment starts on %s. The last day of treatment is %s."),
                                                facts->start, facts->stop);
      ivd_document_add_paragraph (doc, dates);
    }
  else
    ivd_document_add_paragraph (doc, _("The last day of treatment is not decided yet. The hospital will tell you."));

  ivd_document_add_paragraph (doc, _("The hospital decides what happens when the treatment ends. The nurses tell "
                                     "the hospital how it went, and the hospital writes to your own doctor."));
}

IvdDocument *
ivd_handout_build (const IvdExportInput *input)
{
  g_autoptr(IvdExportFacts) facts = ivd_export_facts_new (input);
  IvdDocument *doc = ivd_document_new (IVD_DOCUMENT_HANDOUT, _("Your IV treatment after discharge"));
  g_autofree char *for_whom = g_strdup_printf (_("For %s"), ivd_export_facts_or_unfilled (facts->name));
  g_autofree char *footer = g_strdup_printf (_("Given to you on %s"), facts->issued);

  ivd_document_set_subtitle (doc, for_whom);
  ivd_document_set_running_header (doc, for_whom);
  ivd_document_set_footer (doc, footer);

  add_what_happens (doc, facts);
  add_visits (doc, facts);
  add_whom_to_call (doc, facts);
  add_watch_for (doc);
  add_ending (doc, facts);
  return doc;
}
