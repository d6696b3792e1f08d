#pragma once

#include <stdio.h>

#include <glib.h>

G_BEGIN_DECLS

enum {
  IVD_EXPORT_COMMAND_EXIT_OK = 0,
  IVD_EXPORT_COMMAND_EXIT_BAD_INPUT = 2,
  IVD_EXPORT_COMMAND_EXIT_CANNOT_WRITE = 3,
};

/* The entry point the export module exports. */
#define IVD_EXPORT_COMMAND_SYMBOL "ivd_export_command_run"

typedef int (*IvdExportCommandFunc) (const char *plan_path,
                                     const char *format,
                                     const char *output,
                                     const char *directory_path,
                                     GDateTime  *now,
                                     FILE       *err);

int ivd_export_command_run (const char *plan_path,
                            const char *format,
                            const char *output,
                            const char *directory_path,
                            GDateTime  *now,
                            FILE       *err);

G_END_DECLS
