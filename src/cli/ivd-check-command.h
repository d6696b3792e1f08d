#pragma once

#include <stdio.h>

#include <glib.h>

G_BEGIN_DECLS

enum {
  IVD_CHECK_EXIT_ELIGIBLE = 0,
  IVD_CHECK_EXIT_NOT_ELIGIBLE = 1,
  IVD_CHECK_EXIT_BAD_INPUT = 2,
};

int ivd_check_command_run (const char  *path,
                           const GDate *today,
                           FILE        *out,
                           FILE        *err);

G_END_DECLS
