#define G_LOG_DOMAIN "ivd-fhir-writer"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>

#include "ivd-cpr.h"
#include "ivd-export-facts.h"
#include "ivd-fhir-writer.h"
#include "ivd-training-case.h"

/* The referral as a FHIR R4 message Bundle shaped as MedCom
 * CareCommunication v5.0 (design.md "Exports"): MessageHeader first, the
 * sending department and the receiving municipality as Organizations with
 * SOR and EAN identifiers, the Patient with the CPR number, the
 * Communication carrying the referral text and the PDF, the doctor as
 * author, and a Provenance. A structured export for systems that read it,
 * not a certified MedCom transmission. */

#define BASE_URL        "https://medcomfhir.dk/ig/carecommunication/"
#define PROFILE_CC      "http://medcomfhir.dk/ig/carecommunication/StructureDefinition/"
#define PROFILE_CORE    "http://medcomfhir.dk/ig/core/StructureDefinition/"
#define PROFILE_MSG     "http://medcomfhir.dk/ig/messaging/StructureDefinition/"
#define TERMINOLOGY     "http://medcomfhir.dk/ig/terminology/CodeSystem/"
#define SYSTEM_SOR      "urn:oid:1.2.208.176.1.1"
#define SYSTEM_CPR      "urn:oid:1.2.208.176.1.2"
#define SYSTEM_EAN      "https://www.gs1.org/gln"
#define SOR_ENDPOINT    "https://sor2.sum.dsdn.dk/#id="
#define DEFINITION      "http://medcomfhir.dk/ig/messagedefinitions/MessageDefinition/" \
                        "MedComCareCommunicationMessageDefinition|5.0"

typedef struct
{
  const IvdExportInput *input;
  IvdExportFacts       *facts;
  JsonBuilder          *b;
  char                 *timestamp;
  char                 *receiver_name;
  char                 *header_id;
  char                 *patient_id;
  char                 *communication_id;
  char                 *role_id;
  char                 *practitioner_id;
  char                 *sender_id;
  char                 *receiver_id;
  char                 *provenance_id;
  GPtrArray            *payload_ids;     /* "urn:uuid:...", one per payload */
} Message;

static void
message_clear (Message *m)
{
  g_clear_object (&m->b);
  g_free (m->timestamp);
  g_free (m->receiver_name);
  g_free (m->header_id);
  g_free (m->patient_id);
  g_free (m->communication_id);
  g_free (m->role_id);
  g_free (m->practitioner_id);
  g_free (m->sender_id);
  g_free (m->receiver_id);
  g_free (m->provenance_id);
  g_clear_pointer (&m->payload_ids, g_ptr_array_unref);
}

static gboolean
missing (GError     **error,
         const char  *what)
{
  g_set_error (error, IVD_EXPORT_ERROR, IVD_EXPORT_ERROR_INCOMPLETE,
               _("The FHIR message cannot be made: %s. The PDF and the text export still work."), what);
  return FALSE;
}

/* The codes and names CareCommunication cannot do without; each missing
 * one is named with where to fill it in. */
static gboolean
check_complete (Message  *m,
                GError  **error)
{
  IvdExportFacts *f = m->facts;
  IvdDirectoryEntry *entry = f->entry;
  g_autofree char *what = NULL;

  if (f->cpr == NULL)
    return missing (error, _("patient.cpr: the patient’s CPR number is missing"));
  if (f->name == NULL)
    return missing (error, _("patient.name: the patient’s name is missing"));
  if (f->municipality_name == NULL)
    return missing (error, _("patient.municipality_code: the home municipality is missing"));
  if (entry == NULL || ivd_directory_entry_get_sor (entry) == NULL)
    what = g_strdup_printf (_("the SOR code of %s (%s) is not in the municipality directory"),
                            f->authority, f->municipality_code);
  else if (ivd_directory_entry_get_ean (entry) == NULL)
    what = g_strdup_printf (_("the EAN code of %s (%s) is not in the municipality directory"),
                            f->authority, f->municipality_code);
  else if (f->department == NULL)
    what = g_strdup (_("responsible.department: the department’s name is missing"));
  else if (f->sor == NULL)
    what = g_strdup (_("responsible.sor: the department’s SOR code is missing"));
  else if (f->ean == NULL)
    what = g_strdup (_("responsible.ean: the department’s EAN code is missing"));
  else if (f->doctor == NULL)
    what = g_strdup (_("responsible.doctor: the responsible doctor’s name is missing"));
  /* The text segment must carry its author's contact (authorContact). */
  else if (f->phone == NULL)
    what = g_strdup (_("responsible.phone: the department’s phone number is missing"));

  return what == NULL || missing (error, what);
}

static char *
narrative (const char *text)
{
  g_autofree char *escaped = g_markup_escape_text (text, -1);

  return g_strdup_printf ("<div xmlns=\"http://www.w3.org/1999/xhtml\"><p>%s</p></div>", escaped);
}

static void
add_reference (JsonBuilder *b,
               const char  *member,
               const char  *type,
               const char  *id)
{
  g_autofree char *reference = g_strdup_printf ("%s/%s", type, id);

  json_builder_set_member_name (b, member);
  json_builder_begin_object (b);
  json_builder_set_member_name (b, "reference");
  json_builder_add_string_value (b, reference);
  json_builder_end_object (b);
}

static void
add_string (JsonBuilder *b,
            const char  *member,
            const char  *value)
{
  json_builder_set_member_name (b, member);
  json_builder_add_string_value (b, value);
}

/* { "system": ..., "<member>": ... }: a coding or an identifier. */
static void
add_system_value (JsonBuilder *b,
                  const char  *system,
                  const char  *member,
                  const char  *value)
{
  json_builder_begin_object (b);
  add_string (b, "system", system);
  add_string (b, member, value);
  json_builder_end_object (b);
}

static void
add_coding (JsonBuilder *b,
            const char  *system,
            const char  *code)
{
  add_system_value (b, system, "code", code);
}

/* Training mode's plans (issue 7) carry HL7's "test health data" tag on
 * the bundle and on every resource, for any system that reads the file. */
static void
add_training_tag (Message *m)
{
  JsonBuilder *b = m->b;

  if (!ivd_training_case_plan_is_training (m->input->plan))
    return;

  json_builder_set_member_name (b, "tag");
  json_builder_begin_array (b);
  json_builder_begin_object (b);
  add_string (b, "system", "http://terminology.hl7.org/CodeSystem/v3-ActReason");
  add_string (b, "code", "HTEST");
  add_string (b, "display", "test health data");
  json_builder_end_object (b);
  json_builder_end_array (b);
}

/* Opens entry.resource with its id, profile and narrative; close with
 * end_entry(). */
static void
begin_entry (Message    *m,
             const char *type,
             const char *id,
             const char *profile,
             const char *text)
{
  JsonBuilder *b = m->b;
  g_autofree char *full_url = g_strdup_printf (BASE_URL "%s/%s", type, id);
  g_autofree char *div = narrative (text);

  json_builder_begin_object (b);
  add_string (b, "fullUrl", full_url);
  json_builder_set_member_name (b, "resource");
  json_builder_begin_object (b);
  add_string (b, "resourceType", type);
  add_string (b, "id", id);
  json_builder_set_member_name (b, "meta");
  json_builder_begin_object (b);
  json_builder_set_member_name (b, "profile");
  json_builder_begin_array (b);
  json_builder_add_string_value (b, profile);
  json_builder_end_array (b);
  add_training_tag (m);
  json_builder_end_object (b);
  json_builder_set_member_name (b, "text");
  json_builder_begin_object (b);
  add_string (b, "status", "generated");
  add_string (b, "div", div);
  json_builder_end_object (b);
}

static void
end_entry (Message *m)
{
  json_builder_end_object (m->b);
  json_builder_end_object (m->b);
}

static void
add_message_header (Message *m)
{
  JsonBuilder *b = m->b;
  const char *receiver_sor = ivd_directory_entry_get_sor (m->facts->entry);
  g_autofree char *receiver_endpoint = g_strconcat (SOR_ENDPOINT, receiver_sor, NULL);
  g_autofree char *sender_endpoint = g_strconcat (SOR_ENDPOINT, m->facts->sor, NULL);
  g_autofree char *text = g_strdup_printf (_("Care communication from %s to %s"),
                                           m->facts->department, m->receiver_name);

  begin_entry (m, "MessageHeader", m->header_id, PROFILE_CC "medcom-careCommunication-messageHeader", text);
  json_builder_set_member_name (b, "eventCoding");
  add_coding (b, TERMINOLOGY "medcom-messaging-eventCodes", "care-communication-message");

  json_builder_set_member_name (b, "destination");
  json_builder_begin_array (b);
  json_builder_begin_object (b);
  json_builder_set_member_name (b, "extension");
  json_builder_begin_array (b);
  json_builder_begin_object (b);
  add_string (b, "url", PROFILE_MSG "medcom-messaging-destinationUseExtension");
  json_builder_set_member_name (b, "valueCoding");
  add_coding (b, TERMINOLOGY "medcom-messaging-destinationUse", "primary");
  json_builder_end_object (b);
  json_builder_end_array (b);
  add_string (b, "endpoint", receiver_endpoint);
  add_reference (b, "receiver", "Organization", m->receiver_id);
  json_builder_end_object (b);
  json_builder_end_array (b);

  add_reference (b, "sender", "Organization", m->sender_id);
  json_builder_set_member_name (b, "source");
  json_builder_begin_object (b);
  add_string (b, "endpoint", sender_endpoint);
  json_builder_end_object (b);
  json_builder_set_member_name (b, "focus");
  json_builder_begin_array (b);
  json_builder_begin_object (b);
  {
    g_autofree char *focus = g_strdup_printf ("Communication/%s", m->communication_id);
    add_string (b, "reference", focus);
  }
  json_builder_end_object (b);
  json_builder_end_array (b);
  add_string (b, "definition", DEFINITION);
  end_entry (m);
}

/* "Given Names Family": the last word is the family name. */
static void
add_human_name (JsonBuilder *b,
                const char  *full_name,
                gboolean     official)
{
  g_autofree char *name = g_strstrip (g_strdup (full_name));
  char *space = strrchr (name, ' ');

  json_builder_set_member_name (b, "name");
  json_builder_begin_array (b);
  json_builder_begin_object (b);
  if (official)
    add_string (b, "use", "official");
  add_string (b, "family", space != NULL ? space + 1 : name);
  if (space != NULL)
    {
      g_auto(GStrv) given = NULL;

      *space = '\0';
      given = g_strsplit (g_strstrip (name), " ", -1);
      json_builder_set_member_name (b, "given");
      json_builder_begin_array (b);
      for (guint i = 0; given[i] != NULL; i++)
        if (*given[i] != '\0')
          json_builder_add_string_value (b, given[i]);
      json_builder_end_array (b);
    }
  json_builder_end_object (b);
  json_builder_end_array (b);
}

static void
add_identifier (JsonBuilder *b,
                const char  *system,
                const char  *value)
{
  add_system_value (b, system, "value", value);
}

static void
add_patient (Message *m)
{
  JsonBuilder *b = m->b;
  /* The identifier is the ten digits, without the dash. */
  g_autofree char *digits = ivd_cpr_normalize (m->facts->cpr);
  g_autofree char *text = g_strdup_printf (_("Patient: %s, CPR %s"), m->facts->name, m->facts->cpr);

  begin_entry (m, "Patient", m->patient_id, PROFILE_CORE "medcom-core-patient", text);
  json_builder_set_member_name (b, "identifier");
  json_builder_begin_array (b);
  add_identifier (b, SYSTEM_CPR, digits);
  json_builder_end_array (b);
  add_human_name (b, m->facts->name, TRUE);
  end_entry (m);
}

static void
add_extension_reference (JsonBuilder *b,
                         const char  *url,
                         const char  *type,
                         const char  *id)
{
  json_builder_begin_object (b);
  add_string (b, "url", url);
  add_reference (b, "valueReference", type, id);
  json_builder_end_object (b);
}

/* The four extensions every payload segment carries: when, its own id
 * (assigned by the sender), who wrote it and how to reach them. */
static void
add_payload_extensions (Message *m)
{
  JsonBuilder *b = m->b;
  g_autofree char *uuid = g_uuid_string_random ();
  g_autofree char *identifier = g_strconcat ("urn:uuid:", uuid, NULL);

  g_ptr_array_add (m->payload_ids, g_strdup (identifier));
  json_builder_set_member_name (b, "extension");
  json_builder_begin_array (b);

  json_builder_begin_object (b);
  add_string (b, "url", PROFILE_CORE "medcom-core-datetime-extension");
  add_string (b, "valueDateTime", m->timestamp);
  json_builder_end_object (b);

  json_builder_begin_object (b);
  add_string (b, "url", PROFILE_CORE "medcom-core-identifier-extension");
  json_builder_set_member_name (b, "valueIdentifier");
  json_builder_begin_object (b);
  add_string (b, "value", identifier);
  add_reference (b, "assigner", "Organization", m->sender_id);
  json_builder_end_object (b);
  json_builder_end_object (b);

  add_extension_reference (b, PROFILE_CORE "medcom-core-practitioner-extension", "PractitionerRole", m->role_id);

  if (m->facts->phone != NULL)
    {
      json_builder_begin_object (b);
      add_string (b, "url", PROFILE_CORE "medcom-core-contact-extension");
      json_builder_set_member_name (b, "valueContactPoint");
      json_builder_begin_object (b);
      add_string (b, "system", "phone");
      add_string (b, "value", m->facts->phone);
      json_builder_end_object (b);
      json_builder_end_object (b);
    }

  json_builder_end_array (b);
}

static void
add_payloads (Message    *m,
              const char *text,
              GBytes     *pdf)
{
  JsonBuilder *b = m->b;
  g_autofree char *data = g_base64_encode (g_bytes_get_data (pdf, NULL), g_bytes_get_size (pdf));

  json_builder_set_member_name (b, "payload");
  json_builder_begin_array (b);

  json_builder_begin_object (b);
  add_payload_extensions (m);
  add_string (b, "contentString", text);
  json_builder_end_object (b);

  json_builder_begin_object (b);
  add_payload_extensions (m);
  json_builder_set_member_name (b, "contentAttachment");
  json_builder_begin_object (b);
  add_string (b, "contentType", "application/pdf");
  add_string (b, "data", data);
  add_string (b, "title", _("Referral for IV treatment in municipal care"));
  add_string (b, "creation", m->timestamp);
  json_builder_end_object (b);
  json_builder_end_object (b);

  json_builder_end_array (b);
}

static void
add_communication (Message    *m,
                   const char *text,
                   GBytes     *pdf)
{
  JsonBuilder *b = m->b;
  g_autofree char *uuid = g_uuid_string_random ();
  g_autofree char *identifier = g_strconcat ("urn:uuid:", uuid, NULL);
  g_autofree char *summary = g_strdup_printf (_("Referral for IV treatment in municipal care for %s, "
                                                "as text and as PDF"), m->facts->name);

  begin_entry (m, "Communication", m->communication_id, PROFILE_CC "medcom-careCommunication-communication",
               summary);
  json_builder_set_member_name (b, "identifier");
  json_builder_begin_array (b);
  json_builder_begin_object (b);
  add_string (b, "value", identifier);
  json_builder_end_object (b);
  json_builder_end_array (b);
  add_string (b, "status", "unknown");
  json_builder_set_member_name (b, "category");
  json_builder_begin_array (b);
  json_builder_begin_object (b);
  json_builder_set_member_name (b, "coding");
  json_builder_begin_array (b);
  add_coding (b, TERMINOLOGY "medcom-careCommunication-categoryCodes", "discharge");
  json_builder_end_array (b);
  json_builder_end_object (b);
  json_builder_end_array (b);
  add_reference (b, "subject", "Patient", m->patient_id);
  json_builder_set_member_name (b, "topic");
  json_builder_begin_object (b);
  add_string (b, "text", _("IV treatment in municipal care"));
  json_builder_end_object (b);
  add_payloads (m, text, pdf);
  end_entry (m);
}

static void
add_author (Message *m)
{
  JsonBuilder *b = m->b;
  g_autofree char *role_text = g_strdup_printf (_("Doctor: %s, %s"), m->facts->doctor, m->facts->department);
  g_autofree char *name_text = g_strdup_printf (_("Doctor: %s"), m->facts->doctor);

  begin_entry (m, "PractitionerRole", m->role_id, PROFILE_CORE "medcom-core-practitionerrole", role_text);
  add_reference (b, "practitioner", "Practitioner", m->practitioner_id);
  add_reference (b, "organization", "Organization", m->sender_id);
  json_builder_set_member_name (b, "code");
  json_builder_begin_array (b);
  json_builder_begin_object (b);
  json_builder_set_member_name (b, "coding");
  json_builder_begin_array (b);
  add_coding (b, TERMINOLOGY "medcom-core-PractitionerRolesSKSadministrativ", "laege");
  json_builder_end_array (b);
  json_builder_end_object (b);
  json_builder_end_array (b);
  end_entry (m);

  begin_entry (m, "Practitioner", m->practitioner_id, PROFILE_CORE "medcom-core-practitioner", name_text);
  add_human_name (b, m->facts->doctor, FALSE);
  end_entry (m);
}

static void
add_organization (Message    *m,
                  const char *id,
                  const char *name,
                  const char *sor,
                  const char *ean)
{
  JsonBuilder *b = m->b;
  g_autofree char *text = g_strdup_printf (_("%s (SOR %s, EAN %s)"), name, sor, ean);

  begin_entry (m, "Organization", id, PROFILE_MSG "medcom-messaging-organization", text);
  json_builder_set_member_name (b, "identifier");
  json_builder_begin_array (b);
  add_identifier (b, SYSTEM_EAN, ean);
  add_identifier (b, SYSTEM_SOR, sor);
  json_builder_end_array (b);
  add_string (b, "name", name);
  end_entry (m);
}

static void
add_provenance (Message *m)
{
  JsonBuilder *b = m->b;
  g_autofree char *text = g_strdup_printf (_("New message from %s, %s"), m->facts->department, m->timestamp);

  begin_entry (m, "Provenance", m->provenance_id, PROFILE_CC "medcom-careCommunication-provenance", text);
  json_builder_set_member_name (b, "target");
  json_builder_begin_array (b);
  json_builder_begin_object (b);
  {
    g_autofree char *target = g_strdup_printf ("MessageHeader/%s", m->header_id);
    add_string (b, "reference", target);
  }
  json_builder_end_object (b);
  json_builder_end_array (b);
  add_string (b, "occurredDateTime", m->timestamp);
  add_string (b, "recorded", m->timestamp);
  json_builder_set_member_name (b, "activity");
  json_builder_begin_object (b);
  json_builder_set_member_name (b, "coding");
  json_builder_begin_array (b);
  add_coding (b, TERMINOLOGY "medcom-messaging-activityCodes", "new-message");
  json_builder_end_array (b);
  json_builder_end_object (b);
  json_builder_set_member_name (b, "agent");
  json_builder_begin_array (b);
  json_builder_begin_object (b);
  add_reference (b, "who", "Organization", m->sender_id);
  json_builder_end_object (b);
  json_builder_end_array (b);
  /* The profile's payload entity: one for each payload this message adds,
   * by the payload's identifier. */
  json_builder_set_member_name (b, "entity");
  json_builder_begin_array (b);
  for (guint i = 0; i < m->payload_ids->len; i++)
    {
      json_builder_begin_object (b);
      add_string (b, "role", "source");
      json_builder_set_member_name (b, "what");
      json_builder_begin_object (b);
      json_builder_set_member_name (b, "identifier");
      json_builder_begin_object (b);
      add_string (b, "value", g_ptr_array_index (m->payload_ids, i));
      json_builder_end_object (b);
      json_builder_end_object (b);
      json_builder_end_object (b);
    }
  json_builder_end_array (b);
  end_entry (m);
}

static void
build_bundle (Message    *m,
              const char *text,
              GBytes     *pdf)
{
  JsonBuilder *b = m->b;
  IvdDirectoryEntry *entry = m->facts->entry;
  g_autofree char *bundle_id = g_uuid_string_random ();

  json_builder_begin_object (b);
  add_string (b, "resourceType", "Bundle");
  add_string (b, "id", bundle_id);
  json_builder_set_member_name (b, "meta");
  json_builder_begin_object (b);
  json_builder_set_member_name (b, "profile");
  json_builder_begin_array (b);
  json_builder_add_string_value (b, PROFILE_CC "medcom-careCommunication-message");
  json_builder_end_array (b);
  add_training_tag (m);
  json_builder_end_object (b);
  add_string (b, "type", "message");
  add_string (b, "timestamp", m->timestamp);

  json_builder_set_member_name (b, "entry");
  json_builder_begin_array (b);
  add_message_header (m);
  add_patient (m);
  add_communication (m, text, pdf);
  add_author (m);
  add_organization (m, m->sender_id, m->facts->department, m->facts->sor, m->facts->ean);
  add_organization (m, m->receiver_id, m->receiver_name,
                    ivd_directory_entry_get_sor (entry), ivd_directory_entry_get_ean (entry));
  add_provenance (m);
  json_builder_end_array (b);
  json_builder_end_object (b);
}

GBytes *
ivd_fhir_writer_render (const IvdExportInput  *input,
                        const char            *referral_text,
                        GBytes                *referral_pdf,
                        GError               **error)
{
  g_autoptr(IvdExportFacts) facts = ivd_export_facts_new (input);
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(JsonGenerator) generator = NULL;
  Message m = { .input = input, .facts = facts };
  char *json;

  g_return_val_if_fail (referral_text != NULL && referral_pdf != NULL, NULL);

  if (!check_complete (&m, error))
    return NULL;

  m.b = json_builder_new ();
  m.timestamp = g_date_time_format (input->now, "%Y-%m-%dT%H:%M:%S%:z");
  m.receiver_name = g_strdup (facts->authority);
  m.header_id = g_uuid_string_random ();
  m.patient_id = g_uuid_string_random ();
  m.communication_id = g_uuid_string_random ();
  m.role_id = g_uuid_string_random ();
  m.practitioner_id = g_uuid_string_random ();
  m.sender_id = g_uuid_string_random ();
  m.receiver_id = g_uuid_string_random ();
  m.provenance_id = g_uuid_string_random ();
  m.payload_ids = g_ptr_array_new_with_free_func (g_free);

  build_bundle (&m, referral_text, referral_pdf);
  root = json_builder_get_root (m.b);
  message_clear (&m);

  generator = json_generator_new ();
  json_generator_set_pretty (generator, TRUE);
  json_generator_set_root (generator, root);
  json = json_generator_to_data (generator, NULL);
  return g_bytes_new_take (json, strlen (json));
}
