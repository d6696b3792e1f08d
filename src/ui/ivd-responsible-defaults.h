#pragma once

#include <gio/gio.h>

#include "ivd-plan.h"

G_BEGIN_DECLS

/* The responsible department a doctor typed last (name, phone, doctor,
 * SOR and EAN codes): kept in the settings, so that a new plan starts
 * with them instead of their being typed again for every patient. */

void ivd_responsible_defaults_apply    (GSettings *settings,
                                        IvdPlan   *plan);
void ivd_responsible_defaults_remember (GSettings *settings,
                                        IvdPlan   *plan);

G_END_DECLS
