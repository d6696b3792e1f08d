#define G_LOG_DOMAIN "ivd-directory-answer-row"

#include "config.h"

#include <glib/gi18n.h>

#include "ivd-directory-answer-row.h"

/* Whether the municipality gives IV treatment in a municipal clinic: yes,
 * no, or not filled in (neither pressed; pressing the chosen answer again
 * clears it). "No" and "not filled in" differ, as in the file. */

enum {
  PROP_0,
  PROP_ENTRY,
  N_PROPS
};

enum {
  EDITED,
  N_SIGNALS
};

struct _IvdDirectoryAnswerRow
{
  AdwActionRow       parent_instance;

  IvdDirectoryEntry *entry;
  gboolean           showing;

  GtkToggleButton   *yes_button;
  GtkToggleButton   *no_button;
};

G_DEFINE_FINAL_TYPE (IvdDirectoryAnswerRow, ivd_directory_answer_row, ADW_TYPE_ACTION_ROW)

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static void
show_entry (IvdDirectoryAnswerRow *self)
{
  gboolean known = self->entry != NULL && ivd_directory_entry_get_iv_in_clinic_known (self->entry);
  gboolean value = known && ivd_directory_entry_get_iv_in_clinic (self->entry);

  self->showing = TRUE;
  gtk_toggle_button_set_active (self->yes_button, known && value);
  gtk_toggle_button_set_active (self->no_button, known && !value);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (self), known ? "" : _("not filled in"));
  self->showing = FALSE;
}

/* Callbacks */

static void
on_answer_toggled_cb (IvdDirectoryAnswerRow *self,
                      GtkToggleButton       *button)
{
  gboolean was_known;
  gboolean was;

  if (self->showing || self->entry == NULL)
    return;

  was_known = ivd_directory_entry_get_iv_in_clinic_known (self->entry);
  was = ivd_directory_entry_get_iv_in_clinic (self->entry);
  if (gtk_toggle_button_get_active (button))
    g_object_set (self->entry, "iv-in-clinic", button == self->yes_button, NULL);
  else if (!gtk_toggle_button_get_active (self->yes_button) && !gtk_toggle_button_get_active (self->no_button))
    g_object_set (self->entry, "iv-in-clinic-known", FALSE, NULL);

  show_entry (self);
  if (was_known != ivd_directory_entry_get_iv_in_clinic_known (self->entry) ||
      was != ivd_directory_entry_get_iv_in_clinic (self->entry))
    g_signal_emit (self, signals[EDITED], 0);
}

static void
on_entry_notify_cb (IvdDirectoryAnswerRow *self)
{
  show_entry (self);
}

static void
ivd_directory_answer_row_dispose (GObject *object)
{
  IvdDirectoryAnswerRow *self = (IvdDirectoryAnswerRow *) object;

  g_clear_object (&self->entry);
  gtk_widget_dispose_template (GTK_WIDGET (self), IVD_TYPE_DIRECTORY_ANSWER_ROW);

  G_OBJECT_CLASS (ivd_directory_answer_row_parent_class)->dispose (object);
}

static void
ivd_directory_answer_row_get_property (GObject    *object,
                                       guint       prop_id,
                                       GValue     *value,
                                       GParamSpec *pspec)
{
  IvdDirectoryAnswerRow *self = IVD_DIRECTORY_ANSWER_ROW (object);

  if (prop_id == PROP_ENTRY)
    g_value_set_object (value, self->entry);
  else
    G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
}

static void
ivd_directory_answer_row_set_property (GObject      *object,
                                       guint         prop_id,
                                       const GValue *value,
                                       GParamSpec   *pspec)
{
  IvdDirectoryAnswerRow *self = IVD_DIRECTORY_ANSWER_ROW (object);

  if (prop_id == PROP_ENTRY)
    ivd_directory_answer_row_set_entry (self, g_value_get_object (value));
  else
    G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
}

static void
ivd_directory_answer_row_class_init (IvdDirectoryAnswerRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ivd_directory_answer_row_dispose;
  object_class->get_property = ivd_directory_answer_row_get_property;
  object_class->set_property = ivd_directory_answer_row_set_property;

  properties[PROP_ENTRY] =
    g_param_spec_object ("entry", NULL, NULL, IVD_TYPE_DIRECTORY_ENTRY,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * IvdDirectoryAnswerRow::edited:
   *
   * A press changed the entry's answer.
   */
  signals[EDITED] = g_signal_new ("edited", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/ivdischarge/IvDischarge/ivd-directory-answer-row.ui");
  gtk_widget_class_bind_template_child (widget_class, IvdDirectoryAnswerRow, yes_button);
  gtk_widget_class_bind_template_child (widget_class, IvdDirectoryAnswerRow, no_button);
  gtk_widget_class_bind_template_callback (widget_class, on_answer_toggled_cb);
}

static void
ivd_directory_answer_row_init (IvdDirectoryAnswerRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  show_entry (self);
}

GtkWidget *
ivd_directory_answer_row_new (void)
{
  return g_object_new (IVD_TYPE_DIRECTORY_ANSWER_ROW, NULL);
}

IvdDirectoryEntry *
ivd_directory_answer_row_get_entry (IvdDirectoryAnswerRow *self)
{
  g_return_val_if_fail (IVD_IS_DIRECTORY_ANSWER_ROW (self), NULL);
  return self->entry;
}

/* @entry: (nullable): the municipality's entry to show and edit */
void
ivd_directory_answer_row_set_entry (IvdDirectoryAnswerRow *self,
                                    IvdDirectoryEntry     *entry)
{
  g_return_if_fail (IVD_IS_DIRECTORY_ANSWER_ROW (self));
  g_return_if_fail (entry == NULL || IVD_IS_DIRECTORY_ENTRY (entry));

  if (self->entry == entry)
    return;

  if (self->entry != NULL)
    g_signal_handlers_disconnect_by_func (self->entry, on_entry_notify_cb, self);
  g_set_object (&self->entry, entry);
  if (entry != NULL)
    {
      g_signal_connect_object (entry, "notify::iv-in-clinic-known", G_CALLBACK (on_entry_notify_cb), self,
                               G_CONNECT_SWAPPED);
      g_signal_connect_object (entry, "notify::iv-in-clinic", G_CALLBACK (on_entry_notify_cb), self,
                               G_CONNECT_SWAPPED);
    }
  show_entry (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ENTRY]);
}
