#pragma once

#include "ivd-database.h"
#include "ivd-store.h"

G_BEGIN_DECLS

/* For tests and the benchmark: the connection behind a store. */
IvdDatabase *ivd_store_get_database (IvdStore *self);

G_END_DECLS
