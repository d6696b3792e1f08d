#pragma once

#include "ivd-directory-entry.h"

G_BEGIN_DECLS

/* The fields of a municipality's directory entry as people edit and read
 * them: their order, their titles, how each is checked while typed and
 * how its value reads. Shared by every editor of the directory and by an
 * import's list of changes, so they all say the same. */

typedef enum
{
  IVD_DIRECTORY_FIELD_TEXT,
  IVD_DIRECTORY_FIELD_PHONE,
  IVD_DIRECTORY_FIELD_SOR,
  IVD_DIRECTORY_FIELD_EAN,
  IVD_DIRECTORY_FIELD_ANSWER,  /* yes, no, or not filled in */
  IVD_DIRECTORY_FIELD_COUNT,   /* a whole number; 0 is not filled in */
} IvdDirectoryFieldKind;

typedef struct
{
  const char            *property;  /* of IvdDirectoryEntry */
  const char            *title;     /* untranslated: ivd_directory_field_get_title() */
  IvdDirectoryFieldKind  kind;
} IvdDirectoryField;

guint                    ivd_directory_fields_get_n          (void);
const IvdDirectoryField *ivd_directory_fields_get            (guint                    i);
const IvdDirectoryField *ivd_directory_fields_lookup         (const char              *property);
guint                    ivd_directory_fields_count_filled   (IvdDirectoryEntry       *entry);

const char              *ivd_directory_field_get_title       (const IvdDirectoryField *field);
char                    *ivd_directory_field_dup_value       (const IvdDirectoryField *field,
                                                              IvdDirectoryEntry       *entry);
char                    *ivd_directory_field_dup_problem     (const IvdDirectoryField *field,
                                                              const char              *text,
                                                              gboolean                *typing);
gboolean                 ivd_directory_field_set_text        (const IvdDirectoryField *field,
                                                              IvdDirectoryEntry       *entry,
                                                              const char              *text);

G_END_DECLS
