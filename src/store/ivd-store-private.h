#pragma once

#include "ivd-database.h"
#include "ivd-store.h"

G_BEGIN_DECLS

/* For tests and the benchmark: the connection behind a store. */
IvdDatabase *ivd_store_get_database (IvdStore *self);

/* For tests that make the disk fail: the SQLite VFS databases open with. */
void         ivd_database_set_vfs_for_tests (const char *vfs_name);

G_END_DECLS
