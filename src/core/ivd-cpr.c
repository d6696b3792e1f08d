#define G_LOG_DOMAIN "ivd-cpr"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "ivd-cpr.h"
#include "ivd-error.h"

/* Domain §14: the 7th digit and the two-digit year give the century. */
static int
century_for (int seventh,
             int yy)
{
  if (seventh <= 3)
    return 1900;
  if (seventh == 4 || seventh == 9)
    return yy <= 36 ? 2000 : 1900;
  return yy <= 57 ? 2000 : 1800;
}

/* Returns the ten digits of a CPR number written "DDMMYYSSSS" or
 * "DDMMYY-SSSS", or NULL for any other form. */
char *
ivd_cpr_normalize (const char *text)
{
  char digits[11];
  guint n = 0;

  if (text == NULL)
    return NULL;

  for (const char *p = text; *p != '\0'; p++)
    {
      if (*p == '-' && p - text == 6 && n == 6)
        continue;
      if (!g_ascii_isdigit (*p) || n == 10)
        return NULL;
      digits[n++] = *p;
    }

  if (n != 10)
    return NULL;

  digits[10] = '\0';
  return g_strdup (digits);
}

/* The modulus-11 check is deliberately absent: numbers without it have been
 * issued since 2007, so failing it says nothing about validity. */
gboolean
ivd_cpr_parse (const char  *text,
               GDate       *birth_date,
               IvdSex      *sex,
               GError     **error)
{
  g_autofree char *digits = ivd_cpr_normalize (text);
  int day, month, yy, year;

  if (digits == NULL)
    {
      g_set_error (error, IVD_ERROR, IVD_ERROR_INVALID,
                   _("a CPR number has 10 digits, written DDMMYY-SSSS or DDMMYYSSSS"));
      return FALSE;
    }

  day = (digits[0] - '0') * 10 + (digits[1] - '0');
  month = (digits[2] - '0') * 10 + (digits[3] - '0');
  yy = (digits[4] - '0') * 10 + (digits[5] - '0');
  year = century_for (digits[6] - '0', yy) + yy;

  if (month < 1 || month > 12 || day < 1 || !g_date_valid_dmy (day, month, year))
    {
      g_set_error (error, IVD_ERROR, IVD_ERROR_INVALID,
                   _("the first six digits of the CPR number are not a valid date of birth"));
      return FALSE;
    }

  if (birth_date != NULL)
    g_date_set_dmy (birth_date, day, month, year);
  if (sex != NULL)
    *sex = ((digits[9] - '0') % 2 == 1) ? IVD_SEX_MALE : IVD_SEX_FEMALE;

  return TRUE;
}

/* Whole years. Someone born on 29 February turns a year older on 1 March in
 * years without that day. */
int
ivd_cpr_age_on (const GDate *birth_date,
                const GDate *on)
{
  int age = g_date_get_year (on) - g_date_get_year (birth_date);
  int on_md = g_date_get_month (on) * 100 + g_date_get_day (on);
  int birth_md = g_date_get_month (birth_date) * 100 + g_date_get_day (birth_date);

  if (on_md < birth_md)
    age--;

  return age;
}

/* "DDMMYY-xxxx": what lists may show before a plan is opened. */
char *
ivd_cpr_mask (const char *text)
{
  g_autofree char *digits = ivd_cpr_normalize (text);

  if (digits == NULL)
    return g_strdup ("");

  return g_strdup_printf ("%.6s-xxxx", digits);
}
