#pragma once

#include <stdio.h>

#include <glib-object.h>

G_BEGIN_DECLS

#define IVD_TYPE_COMMAND_LINE (ivd_command_line_get_type ())

G_DECLARE_FINAL_TYPE (IvdCommandLine, ivd_command_line, IVD, COMMAND_LINE, GObject)

enum {
  IVD_COMMAND_LINE_EXIT_OK = 0,
  IVD_COMMAND_LINE_EXIT_BAD_USAGE = 2,
};

IvdCommandLine *ivd_command_line_new                (void);
gboolean        ivd_command_line_parse              (IvdCommandLine  *self,
                                                     char           **argv,
                                                     GError         **error);
gboolean        ivd_command_line_get_needs_display  (IvdCommandLine  *self);
GVariantDict   *ivd_command_line_dup_window_options (IvdCommandLine  *self);
int             ivd_command_line_run                (IvdCommandLine  *self,
                                                     GDateTime       *now,
                                                     FILE            *out,
                                                     FILE            *err);

G_END_DECLS
