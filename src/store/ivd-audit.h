#pragma once

#include "ivd-database.h"

G_BEGIN_DECLS

/* The audit trail: one row per created plan, field change and status
 * change, each holding the SHA-256 of its content and of the row before,
 * so a changed or removed row breaks the chain. */

#define IVD_AUDIT_GENESIS "0000000000000000000000000000000000000000000000000000000000000000"

typedef struct
{
  gint64      seq;
  const char *plan_id;
  const char *time;
  const char *user;
  const char *action;
  const char *field;
  const char *old_value;
  const char *new_value;
  const char *note;
} IvdAuditEntry;

char     *ivd_audit_compute_hash (const char          *prev_hash,
                                  const IvdAuditEntry *entry);
gboolean  ivd_audit_append       (IvdDatabase         *db,
                                  const IvdAuditEntry *entry,
                                  GError             **error);
gboolean  ivd_audit_verify       (IvdDatabase         *db,
                                  guint64             *n_rows,
                                  char               **problem,
                                  GError             **error);

G_END_DECLS
