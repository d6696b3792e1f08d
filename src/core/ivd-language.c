#define G_LOG_DOMAIN "ivd-language"

#include "ivd-language.h"

/* Texts in data files come in Danish and English. Pick Danish when the user's
 * language list prefers it over English, English otherwise (also for "C"). */
const char *
ivd_language_get (void)
{
  const char * const *names = g_get_language_names ();

  for (guint i = 0; names[i] != NULL; i++)
    {
      if (g_str_has_prefix (names[i], "da"))
        return "da";
      if (g_str_has_prefix (names[i], "en"))
        return "en";
    }

  return "en";
}

const char *
ivd_language_pick (const char *da,
                   const char *en)
{
  if (g_str_equal (ivd_language_get (), "da"))
    return da != NULL ? da : en;
  return en != NULL ? en : da;
}
