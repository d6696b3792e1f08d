#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define IVD_ERROR (ivd_error_quark ())

/**
 * IvdError:
 * @IVD_ERROR_READ: a file could not be read
 * @IVD_ERROR_INVALID: the input is not a valid plan (bad JSON, wrong type, unknown value ...)
 * @IVD_ERROR_DATA: a shipped data file (rules, municipalities, supplies) is broken
 * @IVD_ERROR_NUMBER: a number in a file that the app cannot keep exactly (too large,
 *   too small); the message starts with the path of its member, as for a field
 */
typedef enum
{
  IVD_ERROR_READ,
  IVD_ERROR_INVALID,
  IVD_ERROR_DATA,
  IVD_ERROR_NUMBER,
} IvdError;

GQuark ivd_error_quark (void);

G_END_DECLS
