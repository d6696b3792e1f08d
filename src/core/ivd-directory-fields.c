#define G_LOG_DOMAIN "ivd-directory-fields"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "ivd-codes.h"
#include "ivd-directory-fields.h"

/* In the order a person phoning the municipality needs them; the titles
 * are those of the doctor's contact page. */
static const IvdDirectoryField fields[] = {
  { "visitation-phone", N_("Visitation phone"), IVD_DIRECTORY_FIELD_PHONE },
  { "visitation-hours", N_("Visitation opening hours"), IVD_DIRECTORY_FIELD_TEXT },
  { "acute-team-phone", N_("Acute team phone"), IVD_DIRECTORY_FIELD_PHONE },
  { "iv-in-clinic", N_("IV treatment in a municipal clinic"), IVD_DIRECTORY_FIELD_ANSWER },
  { "clinic-address", N_("Clinic address"), IVD_DIRECTORY_FIELD_TEXT },
  { "clinic-hours", N_("Clinic opening hours"), IVD_DIRECTORY_FIELD_TEXT },
  { "depot-address", N_("Depot address"), IVD_DIRECTORY_FIELD_TEXT },
  { "sor", N_("SOR code"), IVD_DIRECTORY_FIELD_SOR },
  { "ean", N_("EAN location number"), IVD_DIRECTORY_FIELD_EAN },
  { "notes", N_("Notes"), IVD_DIRECTORY_FIELD_TEXT },
  { "expected-courses-per-year", N_("Expected courses per year"), IVD_DIRECTORY_FIELD_COUNT },
};

static gboolean
all_digits (const char *text)
{
  return strspn (text, "0123456789") == strlen (text);
}

static char *
dup_count_problem (const char *text)
{
  guint64 value;

  if (!all_digits (text))
    return g_strdup (_("must be a whole number"));
  /* Digits only: G_MAXUINT64 when too many of them. */
  value = g_ascii_strtoull (text, NULL, 10);
  if (value == 0)
    return g_strdup (_("must be 1 or more; leave it empty when no volume is agreed"));
  if (value > IVD_DIRECTORY_MAX_COURSES)
    return g_strdup_printf (_("must be at most %u"), (guint) IVD_DIRECTORY_MAX_COURSES);
  return NULL;
}

guint
ivd_directory_fields_get_n (void)
{
  return G_N_ELEMENTS (fields);
}

const IvdDirectoryField *
ivd_directory_fields_get (guint i)
{
  g_return_val_if_fail (i < G_N_ELEMENTS (fields), NULL);
  return &fields[i];
}

/* Returns: (nullable): the field of the entry's property @property. */
const IvdDirectoryField *
ivd_directory_fields_lookup (const char *property)
{
  for (guint i = 0; property != NULL && i < G_N_ELEMENTS (fields); i++)
    if (g_str_equal (fields[i].property, property))
      return &fields[i];
  return NULL;
}

/* How many of the entry's fields are filled in (of ivd_directory_fields_get_n()). */
guint
ivd_directory_fields_count_filled (IvdDirectoryEntry *entry)
{
  guint n = 0;

  g_return_val_if_fail (entry == NULL || IVD_IS_DIRECTORY_ENTRY (entry), 0);

  for (guint i = 0; entry != NULL && i < G_N_ELEMENTS (fields); i++)
    {
      g_autofree char *value = ivd_directory_field_dup_value (&fields[i], entry);

      n += value != NULL;
    }
  return n;
}

const char *
ivd_directory_field_get_title (const IvdDirectoryField *field)
{
  g_return_val_if_fail (field != NULL, NULL);
  return _(field->title);
}

/**
 * ivd_directory_field_dup_value:
 * @entry: (nullable): no entry is a municipality with nothing filled in
 *
 * The field's value as a person reads it ("Yes", "120", the phone number).
 *
 * Returns: (nullable): the value, or NULL when it is not filled in
 */
char *
ivd_directory_field_dup_value (const IvdDirectoryField *field,
                               IvdDirectoryEntry       *entry)
{
  char *text = NULL;

  g_return_val_if_fail (field != NULL, NULL);

  if (entry == NULL)
    return NULL;

  switch (field->kind)
    {
    case IVD_DIRECTORY_FIELD_ANSWER:
      if (!ivd_directory_entry_get_iv_in_clinic_known (entry))
        return NULL;
      return g_strdup (ivd_directory_entry_get_iv_in_clinic (entry) ? _("Yes") : _("No"));
    case IVD_DIRECTORY_FIELD_COUNT:
      if (ivd_directory_entry_get_expected_courses_per_year (entry) == 0)
        return NULL;
      return g_strdup_printf ("%u", ivd_directory_entry_get_expected_courses_per_year (entry));
    case IVD_DIRECTORY_FIELD_TEXT:
    case IVD_DIRECTORY_FIELD_PHONE:
    case IVD_DIRECTORY_FIELD_SOR:
    case IVD_DIRECTORY_FIELD_EAN:
    default:
      g_object_get (entry, field->property, &text, NULL);
      return text;
    }
}

/**
 * ivd_directory_field_dup_problem:
 * @text: what was typed, without surrounding spaces
 * @typing: (out): set when @text is only a code not typed to its end yet,
 *   which is no error while it is being typed
 *
 * Returns: (nullable): NULL when @text may be saved; else why not, for the
 *   person typing it
 */
char *
ivd_directory_field_dup_problem (const IvdDirectoryField *field,
                                 const char              *text,
                                 gboolean                *typing)
{
  g_autoptr(GError) error = NULL;
  gboolean ean;
  gsize min;

  g_return_val_if_fail (field != NULL && text != NULL && typing != NULL, NULL);

  *typing = FALSE;
  if (*text == '\0')
    return NULL;
  if (field->kind == IVD_DIRECTORY_FIELD_COUNT)
    return dup_count_problem (text);
  if (field->kind != IVD_DIRECTORY_FIELD_SOR && field->kind != IVD_DIRECTORY_FIELD_EAN)
    return NULL;

  ean = field->kind == IVD_DIRECTORY_FIELD_EAN;
  if (ean ? ivd_codes_check_ean (text, &error) : ivd_codes_check_sor (text, &error))
    return NULL;

  min = ean ? IVD_EAN_DIGITS : IVD_SOR_MIN_DIGITS;
  *typing = strlen (text) < min && all_digits (text);
  return g_strdup (error->message);
}

/**
 * ivd_directory_field_set_text:
 * @text: what was typed, without surrounding spaces; "" clears the field
 *
 * Puts @text in @entry when ivd_directory_field_dup_problem() finds no
 * problem in it. Not for the yes/no answer.
 *
 * Returns: whether @text was taken
 */
gboolean
ivd_directory_field_set_text (const IvdDirectoryField *field,
                              IvdDirectoryEntry       *entry,
                              const char              *text)
{
  g_autofree char *problem = NULL;
  gboolean typing;

  g_return_val_if_fail (field != NULL && field->kind != IVD_DIRECTORY_FIELD_ANSWER, FALSE);
  g_return_val_if_fail (IVD_IS_DIRECTORY_ENTRY (entry), FALSE);
  g_return_val_if_fail (text != NULL, FALSE);

  if ((problem = ivd_directory_field_dup_problem (field, text, &typing)) != NULL)
    return FALSE;

  if (field->kind == IVD_DIRECTORY_FIELD_COUNT)
    g_object_set (entry, field->property, (guint) g_ascii_strtoull (text, NULL, 10), NULL);
  else
    g_object_set (entry, field->property, *text != '\0' ? text : NULL, NULL);
  return TRUE;
}
