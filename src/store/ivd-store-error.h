#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define IVD_STORE_ERROR (ivd_store_error_quark ())

/**
 * IvdStoreError:
 * @IVD_STORE_ERROR_OPEN: the database cannot be opened or created
 * @IVD_STORE_ERROR_DAMAGED: the file was damaged and has been moved aside
 * @IVD_STORE_ERROR_TOO_NEW: a newer version of the app wrote the database
 * @IVD_STORE_ERROR_WRITE: nothing was written (full disk, read-only file ...)
 * @IVD_STORE_ERROR_BUSY: another window or program holds the database too long
 * @IVD_STORE_ERROR_CONFLICT: the plan was changed elsewhere since it was loaded
 * @IVD_STORE_ERROR_NOT_FOUND: no plan with that id
 * @IVD_STORE_ERROR_TRANSITION: the status change is not allowed
 * @IVD_STORE_ERROR_NO_BACKUP: there is no backup to restore
 * @IVD_STORE_ERROR_WRONG_KIND: a training database or plan where real ones
 *   belong, or the other way round
 */
typedef enum
{
  IVD_STORE_ERROR_OPEN,
  IVD_STORE_ERROR_DAMAGED,
  IVD_STORE_ERROR_TOO_NEW,
  IVD_STORE_ERROR_WRITE,
  IVD_STORE_ERROR_BUSY,
  IVD_STORE_ERROR_CONFLICT,
  IVD_STORE_ERROR_NOT_FOUND,
  IVD_STORE_ERROR_TRANSITION,
  IVD_STORE_ERROR_NO_BACKUP,
  IVD_STORE_ERROR_WRONG_KIND,
} IvdStoreError;

GQuark ivd_store_error_quark (void);

G_END_DECLS
