#define G_LOG_DOMAIN "ivd-codes"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "ivd-codes.h"
#include "ivd-error.h"

/* The two codes that address a health organisation in Danish messaging:
 * the SOR id (Sundhedsvæsenets Organisationsregister) and the EAN location
 * number (GS1 GLN) that MedCom routes by. */

static gboolean
all_digits (const char *code,
            gsize       min,
            gsize       max)
{
  gsize length;

  if (code == NULL)
    return FALSE;

  length = strlen (code);
  if (length < min || length > max)
    return FALSE;

  for (gsize i = 0; i < length; i++)
    if (!g_ascii_isdigit (code[i]))
      return FALSE;

  return TRUE;
}

/* 13 digits whose last is the GS1 check digit: weights 1 and 3 from the
 * left over the first twelve. */
gboolean
ivd_codes_ean_is_valid (const char *code)
{
  int sum = 0;

  if (!all_digits (code, IVD_EAN_DIGITS, IVD_EAN_DIGITS))
    return FALSE;

  for (int i = 0; i < IVD_EAN_DIGITS - 1; i++)
    sum += (code[i] - '0') * (i % 2 == 0 ? 1 : 3);

  return (10 - sum % 10) % 10 == code[IVD_EAN_DIGITS - 1] - '0';
}

/* SOR ids carry no check digit: digits of a plausible length. */
gboolean
ivd_codes_sor_is_valid (const char *code)
{
  return all_digits (code, IVD_SOR_MIN_DIGITS, IVD_SOR_MAX_DIGITS);
}

static gboolean
check_digits (const char  *code,
              gsize        min,
              gsize        max,
              GError     **error)
{
  gsize length = strlen (code);

  for (gsize i = 0; i < length; i++)
    if (!g_ascii_isdigit (code[i]))
      return g_set_error (error, IVD_ERROR, IVD_ERROR_INVALID, _("must be digits only")), FALSE;

  if (length < min || length > max)
    {
      if (min == max)
        g_set_error (error, IVD_ERROR, IVD_ERROR_INVALID, _("must be %u digits"), (guint) min);
      else
        g_set_error (error, IVD_ERROR, IVD_ERROR_INVALID, _("must be %u to %u digits"), (guint) min, (guint) max);
      return FALSE;
    }

  return TRUE;
}

/* As ivd_codes_ean_is_valid(), with the reason for a person typing it. */
gboolean
ivd_codes_check_ean (const char  *code,
                     GError     **error)
{
  g_return_val_if_fail (code != NULL, FALSE);

  if (!check_digits (code, IVD_EAN_DIGITS, IVD_EAN_DIGITS, error))
    return FALSE;
  if (!ivd_codes_ean_is_valid (code))
    return g_set_error (error, IVD_ERROR, IVD_ERROR_INVALID,
                        _("the check digit is wrong; compare the number with its source")), FALSE;
  return TRUE;
}

gboolean
ivd_codes_check_sor (const char  *code,
                     GError     **error)
{
  g_return_val_if_fail (code != NULL, FALSE);
  return check_digits (code, IVD_SOR_MIN_DIGITS, IVD_SOR_MAX_DIGITS, error);
}
