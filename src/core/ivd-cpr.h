#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef enum
{
  IVD_SEX_FEMALE,
  IVD_SEX_MALE,
} IvdSex;

gboolean ivd_cpr_parse      (const char  *text,
                             GDate       *birth_date,
                             IvdSex      *sex,
                             GError     **error);
char    *ivd_cpr_normalize  (const char  *text);
int      ivd_cpr_age_on     (const GDate *birth_date,
                             const GDate *on);
char    *ivd_cpr_mask       (const char  *text);

G_END_DECLS
