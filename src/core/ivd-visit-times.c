#define G_LOG_DOMAIN "ivd-visit-times"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <stdlib.h>
#include <string.h>

#include "ivd-schedule.h"
#include "ivd-visit-times.h"

/* The visit times of the schedule step: written sorted and coherent with
 * doses_per_day, placed against the region's night window, and told in
 * words for those who cannot see the day strip. */

#define TIMES_PATH "treatment.administration_times"
#define DOSES_PATH "treatment.doses_per_day"
/* The plan file's own bound on doses_per_day. */
#define MAX_DOSES 24

/* Drawing only: a region without a rule set still gets a day strip with
 * the night of the agreements in force; no rule is checked with these. */
#define FALLBACK_NIGHT_START (23 * 60)
#define FALLBACK_NIGHT_END   (7 * 60)

static gboolean
all_digits (const char *text,
            gsize       length)
{
  for (gsize i = 0; i < length; i++)
    if (!g_ascii_isdigit (text[i]))
      return FALSE;
  return TRUE;
}

/* "14:00", and as people write it: "14.00", "8:30", "1400". */
static gboolean
parse_lenient (const char *text,
               int        *minutes)
{
  gsize length = strlen (text);
  const char *separator = strpbrk (text, ":.");
  g_autofree char *canonical = NULL;

  if (separator == NULL && length == 4 && all_digits (text, 4))
    canonical = g_strdup_printf ("%.2s:%.2s", text, text + 2);
  else if (separator != NULL && (separator - text == 1 || separator - text == 2))
    canonical = g_strdup_printf ("%s%.*s:%s", separator - text == 1 ? "0" : "", (int) (separator - text), text,
                                 separator + 1);

  return canonical != NULL && ivd_schedule_parse_time (canonical, minutes);
}

/* Could a time still be typed from here? */
static gboolean
is_prefix (const char *text)
{
  const char *separator = strpbrk (text, ":.");
  gsize hours = separator ? (gsize) (separator - text) : strlen (text);
  const char *after = separator ? separator + 1 : "";
  gsize length = strlen (after);

  if (!all_digits (text, hours) || !all_digits (after, length))
    return FALSE;
  if (separator == NULL)
    return hours < 4;
  if (hours < 1 || hours > 2 || atoi (text) > 23)
    return FALSE;
  return length == 0 || (length == 1 && after[0] <= '5');
}

/**
 * ivd_visit_times_check_input:
 * @minutes: (out) (optional): the time, when valid
 *
 * How a time being typed stands: empty, on its way, a time, or never one.
 */
IvdTimeInput
ivd_visit_times_check_input (const char *text,
                             int        *minutes)
{
  g_autofree char *stripped = g_strstrip (g_strdup (text != NULL ? text : ""));

  if (*stripped == '\0')
    return IVD_TIME_INPUT_EMPTY;
  if (parse_lenient (stripped, minutes))
    return IVD_TIME_INPUT_VALID;
  return is_prefix (stripped) ? IVD_TIME_INPUT_PARTIAL : IVD_TIME_INPUT_INVALID;
}

/**
 * ivd_visit_times_night_window:
 * @rules: (nullable): the region's rule set
 *
 * The night window of the region's EXCL-NIGHT rule, in minutes after
 * midnight. Returns: %FALSE when the rule set gives none; @start and @end
 * then hold a window for drawing only.
 */
gboolean
ivd_visit_times_night_window (IvdRuleSet *rules,
                              int        *start,
                              int        *end)
{
  IvdRule *rule = rules != NULL ? ivd_rule_set_lookup_rule (rules, "EXCL-NIGHT") : NULL;

  if (rule != NULL &&
      ivd_schedule_parse_time (ivd_rule_get_param_string (rule, "start"), start) &&
      ivd_schedule_parse_time (ivd_rule_get_param_string (rule, "end"), end))
    return TRUE;

  *start = FALLBACK_NIGHT_START;
  *end = FALLBACK_NIGHT_END;
  return FALSE;
}

/* As the EXCL-NIGHT check reads it: a visit of unknown length lasts a
 * minute. */
IvdVisitKind
ivd_visit_times_classify (int minute,
                          int duration,
                          int window_start,
                          int window_end)
{
  if (ivd_schedule_in_window (minute, window_start, window_end))
    return IVD_VISIT_NIGHT;
  if (ivd_schedule_overlaps_window (minute, MAX (duration, 1), window_start, window_end))
    return IVD_VISIT_INTO_NIGHT;
  return IVD_VISIT_DAY;
}

static int
compare_minutes (gconstpointer a,
                 gconstpointer b)
{
  return *(const int *) a - *(const int *) b;
}

/* The times of @texts (as ivd_visit_times_check_input() reads them) as
 * "HH:MM", each once, earliest first. */
GStrv
ivd_visit_times_normalize (const char * const *texts)
{
  g_autoptr(GArray) minutes = g_array_new (FALSE, FALSE, sizeof (int));
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  for (guint i = 0; texts != NULL && texts[i] != NULL; i++)
    {
      int m;

      if (ivd_visit_times_check_input (texts[i], &m) == IVD_TIME_INPUT_VALID)
        g_array_append_val (minutes, m);
    }
  g_array_sort (minutes, compare_minutes);

  for (guint i = 0; i < minutes->len; i++)
    {
      int m = g_array_index (minutes, int, i);

      g_autofree char *text = NULL;

      if (i > 0 && m == g_array_index (minutes, int, i - 1))
        continue;
      text = ivd_schedule_format_time (m);
      g_strv_builder_add (builder, text);
    }
  return g_strv_builder_end (builder);
}

/* Writes the times sorted; none left removes the field. A doses_per_day
 * already in the plan follows the count, or goes when it cannot: the
 * plan is evaluated on every change, so it never disagrees in between. */
void
ivd_visit_times_write (IvdPlan            *plan,
                       const char * const *texts)
{
  g_auto(GStrv) times = ivd_visit_times_normalize (texts);
  gint64 count = g_strv_length (times);
  gint64 doses = 0;
  gboolean has_doses = ivd_plan_lookup_int (plan, DOSES_PATH, &doses);

  g_return_if_fail (IVD_IS_PLAN (plan));

  if (has_doses && doses != count)
    ivd_plan_unset (plan, DOSES_PATH);

  if (count == 0)
    ivd_plan_unset (plan, TIMES_PATH);
  else
    ivd_plan_set_strv (plan, TIMES_PATH, (const char * const *) times);

  if (has_doses && doses != count && count > 0 && count <= MAX_DOSES)
    ivd_plan_set_int (plan, DOSES_PATH, count);
}

static char *
describe_visit (int          minute,
                IvdVisitKind kind)
{
  g_autofree char *time = ivd_schedule_format_time (minute);

  switch (kind)
    {
    case IVD_VISIT_NIGHT:
      /* Translators: %s is a visit time, e.g. 06:00 */
      return g_strdup_printf (_("%s (in the night window)"), time);
    case IVD_VISIT_INTO_NIGHT:
      /* Translators: %s is a visit time, e.g. 22:30 */
      return g_strdup_printf (_("%s (runs into the night window)"), time);
    case IVD_VISIT_DAY:
    default:
      return g_steal_pointer (&time);
    }
}

/**
 * ivd_visit_times_describe:
 * @times: (element-type int) (nullable): visit times in minutes after midnight
 * @duration: minutes per visit; 0 or less when not known
 *
 * "3 visits: 06:00 (in the night window), 14:00, 22:00. Night window
 * 23:00–07:00." The day strip's words for a screen reader.
 */
char *
ivd_visit_times_describe (GArray *times,
                          int     duration,
                          int     window_start,
                          int     window_end)
{
  g_autoptr(GString) list = g_string_new (NULL);
  g_autofree char *start = ivd_schedule_format_time (window_start);
  g_autofree char *end = ivd_schedule_format_time (window_end);
  g_autofree char *visits = NULL;
  g_autofree char *window = NULL;
  guint n = times != NULL ? times->len : 0;

  for (guint i = 0; i < n; i++)
    {
      int minute = g_array_index (times, int, i);
      g_autofree char *visit = describe_visit (minute, ivd_visit_times_classify (minute, duration, window_start,
                                                                               window_end));

      if (i > 0)
        g_string_append (list, ", ");
      g_string_append (list, visit);
    }

  if (n == 0)
    visits = g_strdup (_("No visit times entered."));
  else
    /* Translators: %u is the number of visits, %s their times */
    visits = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u visit: %s.", "%u visits: %s.", n), n, list->str);
  /* Translators: the night period of the agreement, e.g. 23:00–07:00 */
  window = g_strdup_printf (_("Night window %s–%s."), start, end);

  return g_strconcat (visits, " ", window, NULL);
}

/* A start date as the plan file holds it, YYYY-MM-DD, read by the plan's
 * own reader so the page and the plan never disagree on what a date is. */
gboolean
ivd_visit_times_parse_start_date (const char *text,
                                  GDate      *date)
{
  g_autoptr(IvdPlan) scratch = ivd_plan_new ();

  if (text == NULL)
    return FALSE;
  ivd_plan_set_string (scratch, "treatment.start_date", text);
  return ivd_plan_lookup_start_date (scratch, date);
}
