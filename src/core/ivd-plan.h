#pragma once

#include <json-glib/json-glib.h>

G_BEGIN_DECLS

#define IVD_PLAN_FORMAT "iv-discharge-plan/1"
#define IVD_PLAN_MAX_BYTES (1024 * 1024)
#define IVD_PLAN_MAX_SUPPLY_QUANTITY 9999

#define IVD_TYPE_PLAN (ivd_plan_get_type ())

G_DECLARE_FINAL_TYPE (IvdPlan, ivd_plan, IVD, PLAN, GObject)

IvdPlan    *ivd_plan_new                (void);
IvdPlan    *ivd_plan_new_from_data      (const char  *data,
                                         gsize        length,
                                         GError     **error);
IvdPlan    *ivd_plan_new_from_stored_data (const char  *data,
                                         gsize        length,
                                         GError     **error);
IvdPlan    *ivd_plan_new_from_file      (const char  *path,
                                         GError     **error);
char       *ivd_plan_to_data            (IvdPlan     *self);
JsonObject *ivd_plan_get_root           (IvdPlan     *self);

gboolean    ivd_plan_has                (IvdPlan     *self,
                                         const char  *path);
const char *ivd_plan_get_string         (IvdPlan     *self,
                                         const char  *path);
gboolean    ivd_plan_lookup_boolean     (IvdPlan     *self,
                                         const char  *path,
                                         gboolean    *value);
gboolean    ivd_plan_lookup_int         (IvdPlan     *self,
                                         const char  *path,
                                         gint64      *value);
char       *ivd_plan_dup_value_string   (IvdPlan     *self,
                                         const char  *path);
GArray     *ivd_plan_dup_times          (IvdPlan     *self);
gboolean    ivd_plan_lookup_start_date  (IvdPlan     *self,
                                         GDate       *date);

void        ivd_plan_set_string         (IvdPlan     *self,
                                         const char  *path,
                                         const char  *value);
void        ivd_plan_set_boolean        (IvdPlan     *self,
                                         const char  *path,
                                         gboolean     value);
void        ivd_plan_set_int            (IvdPlan     *self,
                                         const char  *path,
                                         gint64       value);
void        ivd_plan_set_strv           (IvdPlan     *self,
                                         const char  *path,
                                         const char * const *values);
void        ivd_plan_unset              (IvdPlan     *self,
                                         const char  *path);
JsonArray  *ivd_plan_get_calls          (IvdPlan     *self);
gboolean    ivd_plan_append_call        (IvdPlan     *self,
                                         GDateTime   *time,
                                         const char  *person,
                                         const char  *answer,
                                         const char  *reason,
                                         GError     **error);

gboolean    ivd_plan_lookup_adjusted_supply (IvdPlan *self,
                                         const char  *key,
                                         gint64      *quantity);
void        ivd_plan_set_adjusted_supply (IvdPlan    *self,
                                         const char  *key,
                                         gint64       quantity);

void        ivd_plan_assign             (IvdPlan     *self,
                                         IvdPlan     *source);
gboolean    ivd_plan_matches            (IvdPlan     *self,
                                         JsonObject  *when);

G_END_DECLS
