#define G_LOG_DOMAIN "ivd-plan-status"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "ivd-error.h"
#include "ivd-plan-status.h"

/* The life cycle of design.md as a table, so the store and the views ask
 * one place what may follow what. */

static const char * const names[IVD_PLAN_STATUS_N] = {
  "draft", "ready", "referred", "accepted", "declined", "in_course", "ended", "cancelled",
};

static const char * const end_outcomes[] = { "completed", "stopped_early", "readmitted", NULL };

/* allowed[from] is a bit set of the statuses it may change to. */
#define BIT(s) (1u << IVD_PLAN_STATUS_##s)
static const guint allowed[IVD_PLAN_STATUS_N] = {
  [IVD_PLAN_STATUS_DRAFT]     = BIT (READY) | BIT (CANCELLED),
  [IVD_PLAN_STATUS_READY]     = BIT (DRAFT) | BIT (REFERRED) | BIT (CANCELLED),
  [IVD_PLAN_STATUS_REFERRED]  = BIT (DRAFT) | BIT (ACCEPTED) | BIT (DECLINED) | BIT (CANCELLED),
  /* A declined plan may be reworked (a pump instead of night visits) and
   * offered again. */
  [IVD_PLAN_STATUS_DECLINED]  = BIT (DRAFT) | BIT (CANCELLED),
  [IVD_PLAN_STATUS_ACCEPTED]  = BIT (IN_COURSE) | BIT (CANCELLED),
  [IVD_PLAN_STATUS_IN_COURSE] = BIT (ENDED) | BIT (CANCELLED),
  [IVD_PLAN_STATUS_ENDED]     = BIT (CANCELLED),
  [IVD_PLAN_STATUS_CANCELLED] = 0,
};
#undef BIT

const char *
ivd_plan_status_to_string (IvdPlanStatus status)
{
  g_return_val_if_fail (status < IVD_PLAN_STATUS_N, NULL);

  return names[status];
}

gboolean
ivd_plan_status_from_string (const char    *text,
                             IvdPlanStatus *status)
{
  for (guint i = 0; text != NULL && i < IVD_PLAN_STATUS_N; i++)
    if (g_str_equal (text, names[i]))
      {
        *status = i;
        return TRUE;
      }

  return FALSE;
}

const char *
ivd_plan_status_get_label (IvdPlanStatus status)
{
  switch (status)
    {
    case IVD_PLAN_STATUS_DRAFT:     return C_("plan status", "Draft");
    case IVD_PLAN_STATUS_READY:     return C_("plan status", "Ready");
    case IVD_PLAN_STATUS_REFERRED:  return C_("plan status", "Referred");
    case IVD_PLAN_STATUS_ACCEPTED:  return C_("plan status", "Accepted");
    case IVD_PLAN_STATUS_DECLINED:  return C_("plan status", "Declined");
    case IVD_PLAN_STATUS_IN_COURSE: return C_("plan status", "In course");
    case IVD_PLAN_STATUS_ENDED:     return C_("plan status", "Ended");
    case IVD_PLAN_STATUS_CANCELLED: return C_("plan status", "Cancelled");
    default:                        g_return_val_if_reached (NULL);
    }
}

gboolean
ivd_plan_status_can_change_to (IvdPlanStatus from,
                               IvdPlanStatus to)
{
  g_return_val_if_fail (from < IVD_PLAN_STATUS_N && to < IVD_PLAN_STATUS_N, FALSE);

  return (allowed[from] & (1u << to)) != 0;
}

/* Declined and cancelled need a free-text reason; ended needs its outcome. */
gboolean
ivd_plan_status_needs_reason (IvdPlanStatus to)
{
  return to == IVD_PLAN_STATUS_DECLINED || to == IVD_PLAN_STATUS_CANCELLED || to == IVD_PLAN_STATUS_ENDED;
}

gboolean
ivd_plan_status_check_reason (IvdPlanStatus   to,
                              const char     *reason,
                              GError        **error)
{
  g_autofree char *stripped = g_strstrip (g_strdup (reason != NULL ? reason : ""));

  if (!ivd_plan_status_needs_reason (to))
    return TRUE;

  if (to == IVD_PLAN_STATUS_ENDED)
    {
      if (g_strv_contains (end_outcomes, stripped))
        return TRUE;
      g_set_error (error, IVD_ERROR, IVD_ERROR_INVALID,
                   _("Ending a course needs its outcome: completed, stopped_early or readmitted"));
      return FALSE;
    }

  if (*stripped == '\0')
    {
      g_set_error (error, IVD_ERROR, IVD_ERROR_INVALID,
                   to == IVD_PLAN_STATUS_DECLINED
                   ? _("Write why the municipality declined, so the next step can be planned")
                   : _("Write why the plan is cancelled"));
      return FALSE;
    }

  return TRUE;
}

/* A plan the municipality was told about, or is about to be, must be looked
 * at again after an edit. */
gboolean
ivd_plan_status_edit_returns_to_draft (IvdPlanStatus status)
{
  return status == IVD_PLAN_STATUS_READY || status == IVD_PLAN_STATUS_REFERRED;
}

const char * const *
ivd_plan_status_get_end_outcomes (void)
{
  return end_outcomes;
}
