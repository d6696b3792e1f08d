#define G_LOG_DOMAIN "ivd-error"

#include "ivd-error.h"

G_DEFINE_QUARK (ivd-error-quark, ivd_error)
