#pragma once

#include <gio/gio.h>

#include "ivd-store.h"

G_BEGIN_DECLS

#define IVD_TYPE_REMINDERS (ivd_reminders_get_type ())

G_DECLARE_FINAL_TYPE (IvdReminders, ivd_reminders, IVD, REMINDERS, GObject)

IvdReminders *ivd_reminders_new          (GApplication *application,
                                          IvdStore     *store,
                                          GSettings    *settings);
IvdReminders *ivd_reminders_new_default  (GApplication *application,
                                          IvdStore     *store);
void          ivd_reminders_check_now    (IvdReminders *self);
GDateTime    *ivd_reminders_get_now      (IvdReminders *self);
void          ivd_reminders_set_now      (IvdReminders *self,
                                          GDateTime    *now);
guint         ivd_reminders_get_interval (IvdReminders *self);

G_END_DECLS
