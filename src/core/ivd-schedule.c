#define G_LOG_DOMAIN "ivd-schedule"

#include "ivd-schedule.h"

/* "HH:MM", 24-hour clock, exactly five characters. */
gboolean
ivd_schedule_parse_time (const char *text,
                         int        *minutes)
{
  int h, m;

  if (text == NULL || strlen (text) != 5 || text[2] != ':' ||
      !g_ascii_isdigit (text[0]) || !g_ascii_isdigit (text[1]) ||
      !g_ascii_isdigit (text[3]) || !g_ascii_isdigit (text[4]))
    return FALSE;

  h = (text[0] - '0') * 10 + (text[1] - '0');
  m = (text[3] - '0') * 10 + (text[4] - '0');
  if (h > 23 || m > 59)
    return FALSE;

  if (minutes != NULL)
    *minutes = h * 60 + m;
  return TRUE;
}

char *
ivd_schedule_format_time (int minutes)
{
  minutes = ((minutes % IVD_MINUTES_PER_DAY) + IVD_MINUTES_PER_DAY) % IVD_MINUTES_PER_DAY;
  return g_strdup_printf ("%02d:%02d", minutes / 60, minutes % 60);
}

/* The window is half-open, [start, end), and may wrap past midnight:
 * 23:00-07:00 holds 23:00 and 06:59 but not 07:00. */
gboolean
ivd_schedule_in_window (int minute,
                        int window_start,
                        int window_end)
{
  minute = ((minute % IVD_MINUTES_PER_DAY) + IVD_MINUTES_PER_DAY) % IVD_MINUTES_PER_DAY;

  if (window_start <= window_end)
    return minute >= window_start && minute < window_end;
  return minute >= window_start || minute < window_end;
}

/* Does a visit from @start lasting @duration minutes spend any time inside
 * the window? Checked minute by minute: at most a day, and exact. */
gboolean
ivd_schedule_overlaps_window (int start,
                              int duration,
                              int window_start,
                              int window_end)
{
  duration = CLAMP (duration, 1, IVD_MINUTES_PER_DAY);

  for (int t = start; t < start + duration; t++)
    if (ivd_schedule_in_window (t, window_start, window_end))
      return TRUE;

  return FALSE;
}
