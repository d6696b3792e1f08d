#pragma once

#include <gio/gio.h>

#include "ivd-plan.h"
#include "ivd-rule-set.h"

G_BEGIN_DECLS

/* What the checks of one evaluation share. */
typedef struct
{
  IvdPlan    *plan;
  IvdRuleSet *rule_set;
  int         age;          /* -1: unknown */
  int         visits;       /* -1: unknown */
  GArray     *times;        /* minutes after midnight, or NULL */
  gboolean    no_iv;        /* tablets or self-administration chosen */
  GListStore *findings;
  GHashTable *fired;        /* ids of rules that blocked or asked for review */
} IvdCheckContext;

void ivd_rule_checks_run (IvdCheckContext *context,
                          IvdRule         *rule);

void ivd_rule_checks_add (IvdCheckContext *context,
                          const char      *rule_id,
                          IvdSeverity      severity,
                          const char      *message,
                          const char      *source);

G_END_DECLS
