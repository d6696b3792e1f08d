#define G_LOG_DOMAIN "ivd-directory-municipality-row"

#include "config.h"

#include <glib/gi18n.h>

#include "ivd-directory-fields.h"
#include "ivd-directory-municipality-row.h"
#include "ivd-labels.h"

/* A municipality in the directory editor's list: its name, its region
 * and how many of its fields are filled in, which follows the entry as
 * it is edited or imported. */
struct _IvdDirectoryMunicipalityRow
{
  AdwBin             parent_instance;

  IvdDirectoryEntry *entry;

  GtkLabel          *name_label;
  GtkLabel          *filled_label;
  GtkLabel          *region_label;
};

G_DEFINE_FINAL_TYPE (IvdDirectoryMunicipalityRow, ivd_directory_municipality_row, ADW_TYPE_BIN)

static void
show_filled (IvdDirectoryMunicipalityRow *self)
{
  guint filled = ivd_directory_fields_count_filled (self->entry);
  g_autofree char *text = NULL;

  if (filled == 0)
    text = g_strdup (_("nothing filled in"));
  else
    /* Translators: how many of a municipality's directory fields are filled in, e.g. "3 of 11 filled in" */
    text = g_strdup_printf (_("%u of %u filled in"), filled, ivd_directory_fields_get_n ());
  gtk_label_set_label (self->filled_label, text);
}

/* Callbacks */

static void
on_entry_notify_cb (IvdDirectoryMunicipalityRow *self)
{
  show_filled (self);
}

static void
ivd_directory_municipality_row_dispose (GObject *object)
{
  IvdDirectoryMunicipalityRow *self = (IvdDirectoryMunicipalityRow *) object;

  g_clear_object (&self->entry);
  gtk_widget_dispose_template (GTK_WIDGET (self), IVD_TYPE_DIRECTORY_MUNICIPALITY_ROW);

  G_OBJECT_CLASS (ivd_directory_municipality_row_parent_class)->dispose (object);
}

static void
ivd_directory_municipality_row_class_init (IvdDirectoryMunicipalityRowClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = ivd_directory_municipality_row_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/ivdischarge/IvDischarge/ivd-directory-municipality-row.ui");
  gtk_widget_class_bind_template_child (widget_class, IvdDirectoryMunicipalityRow, name_label);
  gtk_widget_class_bind_template_child (widget_class, IvdDirectoryMunicipalityRow, filled_label);
  gtk_widget_class_bind_template_child (widget_class, IvdDirectoryMunicipalityRow, region_label);
}

static void
ivd_directory_municipality_row_init (IvdDirectoryMunicipalityRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
ivd_directory_municipality_row_new (void)
{
  return g_object_new (IVD_TYPE_DIRECTORY_MUNICIPALITY_ROW, NULL);
}

/* Both NULL when the list item is unbound. */
void
ivd_directory_municipality_row_set_item (IvdDirectoryMunicipalityRow *self,
                                         IvdMunicipality             *municipality,
                                         IvdDirectoryEntry           *entry)
{
  g_return_if_fail (IVD_IS_DIRECTORY_MUNICIPALITY_ROW (self));

  if (self->entry != NULL)
    g_signal_handlers_disconnect_by_func (self->entry, on_entry_notify_cb, self);
  g_set_object (&self->entry, entry);
  if (entry != NULL)
    g_signal_connect_object (entry, "notify", G_CALLBACK (on_entry_notify_cb), self, G_CONNECT_SWAPPED);

  gtk_label_set_label (self->name_label, municipality != NULL ? ivd_municipality_get_name (municipality) : "");
  gtk_label_set_label (self->region_label,
                       municipality != NULL ? ivd_labels_region (ivd_municipality_get_region (municipality)) : "");
  show_filled (self);
}
