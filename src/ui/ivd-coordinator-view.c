#define G_LOG_DOMAIN "ivd-coordinator-view"

#include "config.h"

#include <glib/gi18n.h>

#include "ivd-coordinator-view.h"
#include "ivd-directory-editor.h"
#include "ivd-monitoring-view.h"

/* The coordinator's workspace, the window's second view: pending
 * transfers, the municipality directory and the quarterly monitoring.
 * The directory editor is made when the store (and with it the catalog)
 * is there; the expected volume a coordinator keeps in the directory
 * feeds the monitoring view's comparison. */
struct _IvdCoordinatorView
{
  AdwBin              parent_instance;

  IvdStore           *store;
  IvdDirectoryEditor *directory_editor;

  AdwViewStack       *view_stack;
  IvdTransfersView   *transfers_view;
  AdwBin             *directory_bin;
  IvdMonitoringView  *monitoring_view;
};

G_DEFINE_FINAL_TYPE (IvdCoordinatorView, ivd_coordinator_view, ADW_TYPE_BIN)

/* The directory's expected courses a year for the municipality shown,
 * unless the coordinator typed another here. */
static void
on_monitoring_view_area_notify_cb (IvdCoordinatorView *self)
{
  const char *code = ivd_monitoring_view_get_municipality_code (self->monitoring_view);
  IvdDirectory *directory = self->directory_editor ? ivd_directory_editor_get_directory (self->directory_editor)
                                                   : NULL;
  IvdDirectoryEntry *entry = directory != NULL && code != NULL ? ivd_directory_lookup (directory, code) : NULL;
  guint expected = entry != NULL ? ivd_directory_entry_get_expected_courses_per_year (entry) : 0;

  if (expected > 0 && ivd_monitoring_view_get_expected_per_year (self->monitoring_view) == 0)
    ivd_monitoring_view_set_expected_per_year (self->monitoring_view, (int) expected);
}

static void
make_directory_editor (IvdCoordinatorView *self)
{
  g_autofree char *path = ivd_directory_dup_default_path ();

  self->directory_editor = ivd_directory_editor_new (ivd_store_get_catalog (self->store), path);
  adw_bin_set_child (self->directory_bin, GTK_WIDGET (self->directory_editor));
}

static void
ivd_coordinator_view_dispose (GObject *object)
{
  IvdCoordinatorView *self = IVD_COORDINATOR_VIEW (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), IVD_TYPE_COORDINATOR_VIEW);
  self->directory_editor = NULL;
  g_clear_object (&self->store);

  G_OBJECT_CLASS (ivd_coordinator_view_parent_class)->dispose (object);
}

static void
ivd_coordinator_view_class_init (IvdCoordinatorViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ivd_coordinator_view_dispose;

  g_type_ensure (IVD_TYPE_TRANSFERS_VIEW);
  g_type_ensure (IVD_TYPE_MONITORING_VIEW);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/ivdischarge/IvDischarge/ivd-coordinator-view.ui");
  gtk_widget_class_bind_template_child (widget_class, IvdCoordinatorView, view_stack);
  gtk_widget_class_bind_template_child (widget_class, IvdCoordinatorView, transfers_view);
  gtk_widget_class_bind_template_child (widget_class, IvdCoordinatorView, directory_bin);
  gtk_widget_class_bind_template_child (widget_class, IvdCoordinatorView, monitoring_view);
  gtk_widget_class_bind_template_callback (widget_class, on_monitoring_view_area_notify_cb);
}

static void
ivd_coordinator_view_init (IvdCoordinatorView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
ivd_coordinator_view_new (void)
{
  return g_object_new (IVD_TYPE_COORDINATOR_VIEW, NULL);
}

void
ivd_coordinator_view_set_store (IvdCoordinatorView *self,
                                IvdStore           *store)
{
  g_return_if_fail (IVD_IS_COORDINATOR_VIEW (self));

  if (!g_set_object (&self->store, store))
    return;

  ivd_transfers_view_set_store (self->transfers_view, store);
  ivd_monitoring_view_set_store (self->monitoring_view, store);
  if (store != NULL && self->directory_editor == NULL)
    make_directory_editor (self);
}

IvdTransfersView *
ivd_coordinator_view_get_transfers_view (IvdCoordinatorView *self)
{
  g_return_val_if_fail (IVD_IS_COORDINATOR_VIEW (self), NULL);
  return self->transfers_view;
}

/* "transfers", "directory" or "monitoring". */
void
ivd_coordinator_view_show_page (IvdCoordinatorView *self,
                                const char         *name)
{
  g_return_if_fail (IVD_IS_COORDINATOR_VIEW (self));
  adw_view_stack_set_visible_child_name (self->view_stack, name);
}

/* Directory edits still waiting to be written, written now (closing). */
gboolean
ivd_coordinator_view_save_pending (IvdCoordinatorView  *self,
                                   GError             **error)
{
  g_return_val_if_fail (IVD_IS_COORDINATOR_VIEW (self), FALSE);

  return self->directory_editor == NULL || ivd_directory_editor_save_pending (self->directory_editor, error);
}
