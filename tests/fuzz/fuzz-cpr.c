/* The CPR parser: any text, typed or read from a plan file. Besides not
 * crashing, what it accepts must be a real date of birth with a sex, the
 * mask must show only the date part, and no message may repeat the number. */

#include "fuzz-target.h"

#include <string.h>

#include "ivd-cpr.h"
#include "ivd-error.h"

static void
check_accepted (const char  *text,
                const GDate *birth)
{
  g_autofree char *digits = ivd_cpr_normalize (text);
  g_autofree char *mask = ivd_cpr_mask (text);
  g_autofree char *expected_mask = NULL;
  GDate later = *birth;

  g_assert_nonnull (digits);
  g_assert_cmpuint (strlen (digits), ==, 10);
  g_assert_true (g_date_valid (birth));

  expected_mask = g_strdup_printf ("%.6s-xxxx", digits);
  g_assert_cmpstr (mask, ==, expected_mask);

  /* Whole years: none on the day of birth, and never fewer a day later. */
  g_assert_cmpint (ivd_cpr_age_on (birth, birth), ==, 0);
  g_date_add_days (&later, 1);
  g_assert_cmpint (ivd_cpr_age_on (birth, &later), >=, 0);
  g_date_add_years (&later, 120);
  g_assert_cmpint (ivd_cpr_age_on (birth, &later), >=, 119);
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  static gboolean initialized;
  g_autofree char *text = g_strndup ((const char *) data, size);
  g_autoptr(GError) error = NULL;
  GDate birth;
  IvdSex sex = -1;

  if (!initialized)
    {
      fuzz_make_warnings_fatal ();
      initialized = TRUE;
    }

  g_date_clear (&birth, 1);
  if (ivd_cpr_parse (text, &birth, &sex, &error))
    {
      g_assert_no_error (error);
      g_assert_true (sex == IVD_SEX_FEMALE || sex == IVD_SEX_MALE);
      check_accepted (text, &birth);
      return 0;
    }

  g_assert_error (error, IVD_ERROR, IVD_ERROR_INVALID);
  g_assert_cmpstr (error->message, !=, "");
  /* The number is patient data: a message never repeats it. */
  if (strlen (text) >= 6)
    g_assert_null (strstr (error->message, text));

  /* The list shows a masked number exactly when it has the form of one. */
  {
    g_autofree char *digits = ivd_cpr_normalize (text);
    g_autofree char *mask = ivd_cpr_mask (text);

    g_assert_cmpint (digits == NULL, ==, *mask == '\0');
  }

  return 0;
}
