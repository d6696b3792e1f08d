#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define IVD_ERROR (ivd_error_quark ())

/**
 * IvdError:
 * @IVD_ERROR_READ: a file could not be read
 * @IVD_ERROR_INVALID: the input is not a valid plan (bad JSON, wrong type, unknown value ...)
 * @IVD_ERROR_DATA: a shipped data file (rules, municipalities, supplies) is broken
 */
typedef enum
{
  IVD_ERROR_READ,
  IVD_ERROR_INVALID,
  IVD_ERROR_DATA,
} IvdError;

GQuark ivd_error_quark (void);

G_END_DECLS
