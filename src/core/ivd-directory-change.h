#pragma once

#include <glib-object.h>

#include "ivd-directory-fields.h"

G_BEGIN_DECLS

/**
 * IvdDirectoryChangeKind:
 * @IVD_DIRECTORY_CHANGE_ADDED: a field not filled in gets a value
 * @IVD_DIRECTORY_CHANGE_CHANGED: a field's value is replaced
 * @IVD_DIRECTORY_CHANGE_REMOVED: a filled-in field becomes not filled in
 */
typedef enum
{
  IVD_DIRECTORY_CHANGE_ADDED,
  IVD_DIRECTORY_CHANGE_CHANGED,
  IVD_DIRECTORY_CHANGE_REMOVED,
} IvdDirectoryChangeKind;

#define IVD_TYPE_DIRECTORY_CHANGE (ivd_directory_change_get_type ())

G_DECLARE_FINAL_TYPE (IvdDirectoryChange, ivd_directory_change, IVD, DIRECTORY_CHANGE, GObject)

IvdDirectoryChange       *ivd_directory_change_new           (const char         *code,
                                                              const char         *property,
                                                              const char         *old_value,
                                                              const char         *new_value);
const char               *ivd_directory_change_get_code      (IvdDirectoryChange *self);
const char               *ivd_directory_change_get_field_name (IvdDirectoryChange *self);
const IvdDirectoryField  *ivd_directory_change_get_field     (IvdDirectoryChange *self);
IvdDirectoryChangeKind    ivd_directory_change_get_kind      (IvdDirectoryChange *self);
const char               *ivd_directory_change_get_old_value (IvdDirectoryChange *self);
const char               *ivd_directory_change_get_new_value (IvdDirectoryChange *self);

G_END_DECLS
