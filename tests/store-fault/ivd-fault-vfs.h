#pragma once

#include <sqlite3.h>

#include <glib.h>

G_BEGIN_DECLS

/* A SQLite VFS for tests that wraps the default one and makes chosen or
 * random I/O calls fail, as a failing disk would. Open a database with it
 * by its name, IVD_FAULT_VFS_NAME. Not thread-safe: arm and read it from
 * the thread that uses the database. */

#define IVD_FAULT_VFS_NAME "ivd-fault"

typedef enum
{
  IVD_FAULT_WRITE,
  IVD_FAULT_SYNC,
  IVD_FAULT_READ,
  IVD_FAULT_TRUNCATE,
  IVD_FAULT_N_KINDS,
} IvdFaultKind;

#define IVD_FAULT_MASK(kind) (1u << (kind))
#define IVD_FAULT_MASK_ALL   ((1u << IVD_FAULT_N_KINDS) - 1)

typedef struct
{
  IvdFaultKind kind;
  guint        nth;      /* the call to fail, counted from arming, from 1 */
  int          rc;       /* 0: the kind's usual error */
  gboolean     sticky;   /* every later call of the kind fails too (a full disk) */
  gboolean     torn;     /* a failing write first writes half its bytes */
} IvdFaultPoint;

void        ivd_fault_vfs_register     (void);
void        ivd_fault_vfs_reset        (void);
void        ivd_fault_vfs_arm          (const IvdFaultPoint *point);
void        ivd_fault_vfs_arm_random   (guint32       seed,
                                        double        probability,
                                        guint         kinds,
                                        gboolean      sticky,
                                        gboolean      torn);
void        ivd_fault_vfs_disarm       (void);
guint       ivd_fault_vfs_get_calls    (IvdFaultKind  kind);
guint       ivd_fault_vfs_get_fired    (void);
int         ivd_fault_vfs_default_rc   (IvdFaultKind  kind);
const char *ivd_fault_kind_to_string   (IvdFaultKind  kind);

G_END_DECLS
