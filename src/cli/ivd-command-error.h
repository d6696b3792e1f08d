#pragma once

#include <stdio.h>

#include <glib.h>

G_BEGIN_DECLS

/* A command's error: one line on @err, "iv-discharge: " and the message
 * with its line breaks flattened, so a script can show it as it is.
 * Returns @status, the exit status to give. Inline: the export module and
 * the executable each carry it. */
static inline int
ivd_command_fail (FILE       *err,
                  int         status,
                  const char *message)
{
  g_autofree char *line = g_strdelimit (g_strdup (message), "\n\r", ' ');

  fprintf (err, "iv-discharge: %s\n", line);
  return status;
}

G_END_DECLS
