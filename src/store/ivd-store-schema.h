#pragma once

#include "ivd-catalog.h"
#include "ivd-database.h"

G_BEGIN_DECLS

/* Ordered migrations, each run in its own transaction that also sets
 * PRAGMA user_version; a database is never left between two versions. */

int      ivd_store_schema_get_latest (void);
gboolean ivd_store_schema_migrate    (IvdDatabase  *db,
                                      IvdCatalog   *catalog,
                                      int           target,
                                      GError      **error);

G_END_DECLS
