#pragma once

#include <stdio.h>

#include <glib.h>

G_BEGIN_DECLS

enum {
  IVD_STORE_COMMAND_EXIT_OK = 0,
  IVD_STORE_COMMAND_EXIT_BROKEN = 1,
  IVD_STORE_COMMAND_EXIT_BAD_INPUT = 2,
  IVD_STORE_COMMAND_EXIT_CANNOT_WRITE = 3,
};

int ivd_store_command_import         (const char          *database,
                                      const char * const  *files,
                                      const GDate         *today,
                                      FILE                *out,
                                      FILE                *err);
int ivd_store_command_list           (const char          *database,
                                      FILE                *out,
                                      FILE                *err);
int ivd_store_command_export_plan    (const char          *database,
                                      const char          *id,
                                      const char          *output,
                                      FILE                *err);
int ivd_store_command_verify_audit   (const char          *database,
                                      FILE                *out,
                                      FILE                *err);
int ivd_store_command_restore_backup (const char          *database,
                                      FILE                *out,
                                      FILE                *err);

G_END_DECLS
