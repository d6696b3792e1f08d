#pragma once

#include "ivd-catalog.h"
#include "ivd-database.h"

G_BEGIN_DECLS

/* The life cycle's order, for sorting by status; an index holds this very
 * expression, so the lists must use it as it is written here. */
#define IVD_STORE_STATUS_ORDER \
  "(CASE status WHEN 'draft' THEN 0 WHEN 'ready' THEN 1 WHEN 'referred' THEN 2 " \
  "WHEN 'accepted' THEN 3 WHEN 'declined' THEN 4 WHEN 'in_course' THEN 5 " \
  "WHEN 'ended' THEN 6 ELSE 7 END)"

/* Ordered migrations, each run in its own transaction that also sets
 * PRAGMA user_version; a database is never left between two versions. */

int      ivd_store_schema_get_latest (void);
gboolean ivd_store_schema_migrate    (IvdDatabase  *db,
                                      IvdCatalog   *catalog,
                                      int           target,
                                      GError      **error);

G_END_DECLS
