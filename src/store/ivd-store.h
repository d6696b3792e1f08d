#pragma once

#include "ivd-catalog.h"
#include "ivd-plan-query.h"
#include "ivd-plan-record.h"
#include "ivd-plan-summary.h"
#include "ivd-store-error.h"

G_BEGIN_DECLS

#define IVD_TYPE_STORE (ivd_store_get_type ())

G_DECLARE_FINAL_TYPE (IvdStore, ivd_store, IVD, STORE, GObject)

char          *ivd_store_dup_default_path  (void);
char          *ivd_store_dup_configured_path (const char   *path);
IvdStore      *ivd_store_open              (const char     *path,
                                            IvdCatalog     *catalog,
                                            GError        **error);
char          *ivd_store_dup_default_training_path (void);
IvdStore      *ivd_store_open_training     (const char     *path,
                                            IvdCatalog     *catalog,
                                            GError        **error);
gboolean       ivd_store_get_training      (IvdStore       *self);
gboolean       ivd_store_reset_training    (IvdStore       *self,
                                            GPtrArray      *cases,
                                            const GDate    *today,
                                            GError        **error);
const char    *ivd_store_get_path          (IvdStore       *self);
IvdCatalog    *ivd_store_get_catalog       (IvdStore       *self);

IvdPlanRecord *ivd_store_create_plan       (IvdStore       *self,
                                            IvdPlan        *plan,
                                            GError        **error);
IvdPlanRecord *ivd_store_import_plan       (IvdStore       *self,
                                            IvdPlan        *plan,
                                            GError        **error);
IvdPlanRecord *ivd_store_load_plan         (IvdStore       *self,
                                            const char     *id,
                                            GError        **error);
gboolean       ivd_store_save_plan         (IvdStore       *self,
                                            IvdPlanRecord  *record,
                                            GError        **error);
gboolean       ivd_store_set_status        (IvdStore       *self,
                                            IvdPlanRecord  *record,
                                            IvdPlanStatus   status,
                                            const char     *reason,
                                            const GDate    *today,
                                            GError        **error);

guint          ivd_store_count_plans       (IvdStore       *self,
                                            IvdPlanQuery   *query,
                                            GError        **error);
GPtrArray     *ivd_store_list_plans        (IvdStore       *self,
                                            IvdPlanQuery   *query,
                                            guint           offset,
                                            guint           limit,
                                            GError        **error);

IvdPlanSummary *ivd_store_load_summary     (IvdStore       *self,
                                            const char     *id,
                                            GError        **error);
gboolean       ivd_store_verify_audit      (IvdStore       *self,
                                            guint64        *n_rows,
                                            char          **problem,
                                            GError        **error);
gboolean       ivd_store_backup_if_due     (IvdStore       *self,
                                            GDateTime      *now,
                                            char          **backup_path,
                                            GError        **error);
gboolean       ivd_store_restore_backup    (const char     *path,
                                            char          **restored_from,
                                            GError        **error);
char          *ivd_store_dup_newest_backup (const char     *path);
gboolean       ivd_store_poll_changes      (IvdStore       *self);

G_END_DECLS
