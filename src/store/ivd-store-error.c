#define G_LOG_DOMAIN "ivd-store-error"

#include "ivd-store-error.h"

G_DEFINE_QUARK (ivd-store-error-quark, ivd_store_error)
