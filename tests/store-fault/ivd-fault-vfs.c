#define G_LOG_DOMAIN "ivd-fault-vfs"

#include <string.h>

#include "ivd-fault-vfs.h"

/* Every file opened through this VFS is the default VFS's file behind a
 * thin shim: the shim counts reads, writes, syncs and truncations and
 * fails the ones armed, returning what SQLite gets from a failing disk.
 * Everything else (locks, shared memory) goes straight through, so
 * connections through this VFS and the default one share the file
 * correctly. */

typedef struct
{
  sqlite3_file  base;
  sqlite3_file *real;   /* the default VFS's file, right after this struct */
} FaultFile;

typedef struct
{
  gboolean armed;
  guint    base;        /* calls of the kind when it was armed */
  guint    nth;
  int      rc;
  gboolean sticky;
  gboolean torn;
  gboolean failing;     /* a sticky fault has fired */
} Trigger;

static struct
{
  sqlite3_vfs  vfs;
  sqlite3_vfs *real;
  guint        calls[IVD_FAULT_N_KINDS];
  Trigger      triggers[IVD_FAULT_N_KINDS];
  guint        fired;
  GRand       *rand;
  double       probability;
  guint        random_kinds;
  gboolean     random_sticky;
  gboolean     random_torn;
} fault;

/* Returns the error to give for this call of @kind, or SQLITE_OK; *torn
 * says whether a failing write first writes half its bytes. */
static int
next_call (IvdFaultKind  kind,
           gboolean     *torn)
{
  Trigger *trigger = &fault.triggers[kind];
  guint call = ++fault.calls[kind];
  gboolean fire = FALSE;

  *torn = FALSE;
  if (trigger->failing)
    fire = TRUE;
  else if (trigger->armed && call - trigger->base == trigger->nth)
    fire = TRUE;
  else if (fault.rand != NULL && (fault.random_kinds & IVD_FAULT_MASK (kind)) &&
           g_rand_double (fault.rand) < fault.probability)
    {
      trigger->rc = kind == IVD_FAULT_WRITE && g_rand_boolean (fault.rand) ? SQLITE_FULL : 0;
      trigger->sticky = fault.random_sticky;
      trigger->torn = fault.random_torn && g_rand_boolean (fault.rand);
      fire = TRUE;
    }

  if (!fire)
    return SQLITE_OK;

  fault.fired++;
  trigger->failing = trigger->sticky;
  *torn = trigger->torn;
  return trigger->rc != 0 ? trigger->rc : ivd_fault_vfs_default_rc (kind);
}

/* ---- the file ---- */

static int
fault_close (sqlite3_file *file)
{
  FaultFile *self = (FaultFile *) file;

  return self->real->pMethods->xClose (self->real);
}

static int
fault_read (sqlite3_file *file,
            void         *buffer,
            int           amount,
            sqlite3_int64 offset)
{
  FaultFile *self = (FaultFile *) file;
  gboolean torn;
  int rc = next_call (IVD_FAULT_READ, &torn);

  if (rc != SQLITE_OK)
    {
      /* Whatever the disk gave back is garbage. */
      memset (buffer, 0xa5, amount);
      return rc;
    }

  return self->real->pMethods->xRead (self->real, buffer, amount, offset);
}

static int
fault_write (sqlite3_file *file,
             const void   *buffer,
             int           amount,
             sqlite3_int64 offset)
{
  FaultFile *self = (FaultFile *) file;
  gboolean torn;
  int rc = next_call (IVD_FAULT_WRITE, &torn);

  if (rc == SQLITE_OK)
    return self->real->pMethods->xWrite (self->real, buffer, amount, offset);

  if (torn && amount > 1)
    self->real->pMethods->xWrite (self->real, buffer, amount / 2, offset);
  return rc;
}

static int
fault_truncate (sqlite3_file *file,
                sqlite3_int64 size)
{
  FaultFile *self = (FaultFile *) file;
  gboolean torn;
  int rc = next_call (IVD_FAULT_TRUNCATE, &torn);

  if (rc != SQLITE_OK)
    return rc;
  return self->real->pMethods->xTruncate (self->real, size);
}

static int
fault_sync (sqlite3_file *file,
            int           flags)
{
  FaultFile *self = (FaultFile *) file;
  gboolean torn;
  int rc = next_call (IVD_FAULT_SYNC, &torn);

  /* A failed fsync: the written data may or may not be on the disk. */
  if (rc != SQLITE_OK)
    return rc;
  return self->real->pMethods->xSync (self->real, flags);
}

static int
fault_file_size (sqlite3_file  *file,
                 sqlite3_int64 *size)
{
  FaultFile *self = (FaultFile *) file;

  return self->real->pMethods->xFileSize (self->real, size);
}

static int
fault_lock (sqlite3_file *file,
            int           level)
{
  FaultFile *self = (FaultFile *) file;

  return self->real->pMethods->xLock (self->real, level);
}

static int
fault_unlock (sqlite3_file *file,
              int           level)
{
  FaultFile *self = (FaultFile *) file;

  return self->real->pMethods->xUnlock (self->real, level);
}

static int
fault_check_reserved_lock (sqlite3_file *file,
                           int          *reserved)
{
  FaultFile *self = (FaultFile *) file;

  return self->real->pMethods->xCheckReservedLock (self->real, reserved);
}

static int
fault_file_control (sqlite3_file *file,
                    int           op,
                    void         *arg)
{
  FaultFile *self = (FaultFile *) file;

  return self->real->pMethods->xFileControl (self->real, op, arg);
}

static int
fault_sector_size (sqlite3_file *file)
{
  FaultFile *self = (FaultFile *) file;

  return self->real->pMethods->xSectorSize (self->real);
}

static int
fault_device_characteristics (sqlite3_file *file)
{
  FaultFile *self = (FaultFile *) file;

  return self->real->pMethods->xDeviceCharacteristics (self->real);
}

static int
fault_shm_map (sqlite3_file  *file,
               int            page,
               int            page_size,
               int            extend,
               void volatile **address)
{
  FaultFile *self = (FaultFile *) file;

  return self->real->pMethods->xShmMap (self->real, page, page_size, extend, address);
}

static int
fault_shm_lock (sqlite3_file *file,
                int           offset,
                int           n,
                int           flags)
{
  FaultFile *self = (FaultFile *) file;

  return self->real->pMethods->xShmLock (self->real, offset, n, flags);
}

static void
fault_shm_barrier (sqlite3_file *file)
{
  FaultFile *self = (FaultFile *) file;

  self->real->pMethods->xShmBarrier (self->real);
}

static int
fault_shm_unmap (sqlite3_file *file,
                 int           delete_flag)
{
  FaultFile *self = (FaultFile *) file;

  return self->real->pMethods->xShmUnmap (self->real, delete_flag);
}

/* Memory-mapped reads would bypass xRead: say there is no mapping, and
 * SQLite reads through xRead instead. */
static int
fault_fetch (sqlite3_file  *file,
             sqlite3_int64  offset,
             int            amount,
             void         **out)
{
  *out = NULL;
  return SQLITE_OK;
}

static int
fault_unfetch (sqlite3_file  *file,
               sqlite3_int64  offset,
               void          *page)
{
  return SQLITE_OK;
}

static const sqlite3_io_methods fault_io_methods = {
  3,
  fault_close,
  fault_read,
  fault_write,
  fault_truncate,
  fault_sync,
  fault_file_size,
  fault_lock,
  fault_unlock,
  fault_check_reserved_lock,
  fault_file_control,
  fault_sector_size,
  fault_device_characteristics,
  fault_shm_map,
  fault_shm_lock,
  fault_shm_barrier,
  fault_shm_unmap,
  fault_fetch,
  fault_unfetch,
};

/* ---- the VFS ---- */

static int
fault_open (sqlite3_vfs  *vfs,
            const char   *name,
            sqlite3_file *file,
            int           flags,
            int          *out_flags)
{
  FaultFile *self = (FaultFile *) file;
  int rc;

  self->real = (sqlite3_file *) (self + 1);
  memset (self->real, 0, fault.real->szOsFile);
  rc = fault.real->xOpen (fault.real, name, self->real, flags, out_flags);

  /* SQLite closes a file only when its methods are set: the shim's are
   * set exactly when the real file's are. */
  self->base.pMethods = self->real->pMethods != NULL ? &fault_io_methods : NULL;
  return rc;
}

static int
fault_delete (sqlite3_vfs *vfs,
              const char  *name,
              int          sync_dir)
{
  return fault.real->xDelete (fault.real, name, sync_dir);
}

static int
fault_access (sqlite3_vfs *vfs,
              const char  *name,
              int          flags,
              int         *result)
{
  return fault.real->xAccess (fault.real, name, flags, result);
}

static int
fault_full_pathname (sqlite3_vfs *vfs,
                     const char  *name,
                     int          size,
                     char        *out)
{
  return fault.real->xFullPathname (fault.real, name, size, out);
}

static void *
fault_dl_open (sqlite3_vfs *vfs,
               const char  *name)
{
  return fault.real->xDlOpen (fault.real, name);
}

static void
fault_dl_error (sqlite3_vfs *vfs,
                int          size,
                char        *out)
{
  fault.real->xDlError (fault.real, size, out);
}

static void (*
fault_dl_sym (sqlite3_vfs *vfs,
              void        *handle,
              const char  *symbol)) (void)
{
  return fault.real->xDlSym (fault.real, handle, symbol);
}

static void
fault_dl_close (sqlite3_vfs *vfs,
                void        *handle)
{
  fault.real->xDlClose (fault.real, handle);
}

static int
fault_randomness (sqlite3_vfs *vfs,
                  int          size,
                  char        *out)
{
  return fault.real->xRandomness (fault.real, size, out);
}

static int
fault_sleep (sqlite3_vfs *vfs,
             int          microseconds)
{
  return fault.real->xSleep (fault.real, microseconds);
}

static int
fault_current_time (sqlite3_vfs *vfs,
                    double      *out)
{
  return fault.real->xCurrentTime (fault.real, out);
}

static int
fault_get_last_error (sqlite3_vfs *vfs,
                      int          size,
                      char        *out)
{
  return fault.real->xGetLastError (fault.real, size, out);
}

static int
fault_current_time_int64 (sqlite3_vfs   *vfs,
                          sqlite3_int64 *out)
{
  return fault.real->xCurrentTimeInt64 (fault.real, out);
}

/* ---- public API ---- */

/* Registers the VFS (not as the default) once; idempotent. */
void
ivd_fault_vfs_register (void)
{
  if (fault.real != NULL)
    return;

  fault.real = sqlite3_vfs_find (NULL);
  g_assert (fault.real != NULL && fault.real->iVersion >= 2);

  fault.vfs.iVersion = 2;
  fault.vfs.szOsFile = (int) sizeof (FaultFile) + fault.real->szOsFile;
  fault.vfs.mxPathname = fault.real->mxPathname;
  fault.vfs.zName = IVD_FAULT_VFS_NAME;
  fault.vfs.xOpen = fault_open;
  fault.vfs.xDelete = fault_delete;
  fault.vfs.xAccess = fault_access;
  fault.vfs.xFullPathname = fault_full_pathname;
  fault.vfs.xDlOpen = fault_dl_open;
  fault.vfs.xDlError = fault_dl_error;
  fault.vfs.xDlSym = fault_dl_sym;
  fault.vfs.xDlClose = fault_dl_close;
  fault.vfs.xRandomness = fault_randomness;
  fault.vfs.xSleep = fault_sleep;
  fault.vfs.xCurrentTime = fault_current_time;
  fault.vfs.xGetLastError = fault_get_last_error;
  fault.vfs.xCurrentTimeInt64 = fault_current_time_int64;

  g_assert_cmpint (sqlite3_vfs_register (&fault.vfs, 0), ==, SQLITE_OK);
}

/* Disarms everything and sets the counts to zero. */
void
ivd_fault_vfs_reset (void)
{
  ivd_fault_vfs_disarm ();
  memset (fault.calls, 0, sizeof fault.calls);
  fault.fired = 0;
}

/* Fails the point's call from now on; replaces what was armed for its kind. */
void
ivd_fault_vfs_arm (const IvdFaultPoint *point)
{
  Trigger *trigger;

  g_return_if_fail (point != NULL && point->kind < IVD_FAULT_N_KINDS && point->nth > 0);

  trigger = &fault.triggers[point->kind];
  trigger->armed = TRUE;
  trigger->base = fault.calls[point->kind];
  trigger->nth = point->nth;
  trigger->rc = point->rc;
  trigger->sticky = point->sticky;
  trigger->torn = point->torn;
  trigger->failing = FALSE;
}

/* Fails each call of the @kinds with @probability, from a sequence
 * fixed by @seed. */
void
ivd_fault_vfs_arm_random (guint32  seed,
                          double   probability,
                          guint    kinds,
                          gboolean sticky,
                          gboolean torn)
{
  g_clear_pointer (&fault.rand, g_rand_free);
  fault.rand = g_rand_new_with_seed (seed);
  fault.probability = probability;
  fault.random_kinds = kinds;
  fault.random_sticky = sticky;
  fault.random_torn = torn;
}

/* The disk works again; the counts go on. */
void
ivd_fault_vfs_disarm (void)
{
  memset (fault.triggers, 0, sizeof fault.triggers);
  g_clear_pointer (&fault.rand, g_rand_free);
  fault.random_kinds = 0;
}

guint
ivd_fault_vfs_get_calls (IvdFaultKind kind)
{
  g_return_val_if_fail (kind < IVD_FAULT_N_KINDS, 0);
  return fault.calls[kind];
}

guint
ivd_fault_vfs_get_fired (void)
{
  return fault.fired;
}

int
ivd_fault_vfs_default_rc (IvdFaultKind kind)
{
  switch (kind)
    {
    case IVD_FAULT_WRITE:    return SQLITE_IOERR_WRITE;
    case IVD_FAULT_SYNC:     return SQLITE_IOERR_FSYNC;
    case IVD_FAULT_READ:     return SQLITE_IOERR_READ;
    case IVD_FAULT_TRUNCATE: return SQLITE_IOERR_TRUNCATE;
    case IVD_FAULT_N_KINDS:
    default:                 g_return_val_if_reached (SQLITE_IOERR);
    }
}

const char *
ivd_fault_kind_to_string (IvdFaultKind kind)
{
  static const char * const names[] = { "write", "sync", "read", "truncate" };

  g_return_val_if_fail (kind < IVD_FAULT_N_KINDS, "?");
  return names[kind];
}
