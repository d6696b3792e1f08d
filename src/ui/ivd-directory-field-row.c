#define G_LOG_DOMAIN "ivd-directory-field-row"

#include "config.h"

#include <glib/gi18n.h>

#include "ivd-directory-field-row.h"

/* One text field of a municipality's directory entry. What is typed goes
 * into the entry at once when it may be saved; a code that may not says
 * why beside it ("Not saved: ...") and the entry keeps its value; an
 * empty field says "not filled in". The row follows the entry when it
 * changes elsewhere (an import, another window's save). "edited" tells
 * the editor that typing changed the entry, so that it saves. */

enum {
  PROP_0,
  PROP_FIELD_NAME,
  PROP_ENTRY,
  N_PROPS
};

enum {
  EDITED,
  N_SIGNALS
};

struct _IvdDirectoryFieldRow
{
  AdwEntryRow              parent_instance;

  const IvdDirectoryField *field;
  IvdDirectoryEntry       *entry;
  GtkLabel                *hint;
  gboolean                 showing;  /* filling the text from the entry */
  gboolean                 writing;  /* putting the text into the entry */
};

G_DEFINE_FINAL_TYPE (IvdDirectoryFieldRow, ivd_directory_field_row, ADW_TYPE_ENTRY_ROW)

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static void
show_state (IvdDirectoryFieldRow *self,
            const char           *text,
            const char           *problem,
            gboolean              typing)
{
  g_autofree char *hint = NULL;

  if (problem != NULL)
    /* Translators: the reason a code in the directory is refused */
    hint = g_strdup_printf (_("Not saved: %s"), problem);
  else if (*text == '\0')
    hint = g_strdup (_("not filled in"));

  gtk_label_set_label (self->hint, hint != NULL ? hint : "");
  gtk_widget_set_visible (GTK_WIDGET (self->hint), hint != NULL);
  /* Too few digits yet is no error while they are being typed. */
  if (problem != NULL && !typing)
    gtk_widget_add_css_class (GTK_WIDGET (self), "error");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self), "error");
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                  hint != NULL ? hint : "", -1);
}

static void
show_entry (IvdDirectoryFieldRow *self)
{
  g_autofree char *value = ivd_directory_field_dup_value (self->field, self->entry);

  self->showing = TRUE;
  gtk_editable_set_text (GTK_EDITABLE (self), value != NULL ? value : "");
  show_state (self, value != NULL ? value : "", NULL, FALSE);
  self->showing = FALSE;
}

/* Callbacks */

static void
on_changed_cb (IvdDirectoryFieldRow *self)
{
  g_autofree char *text = NULL;
  g_autofree char *problem = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  gboolean typing;

  if (self->showing || self->entry == NULL)
    return;

  text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self))));
  problem = ivd_directory_field_dup_problem (self->field, text, &typing);
  show_state (self, text, problem, typing);
  if (problem != NULL)
    return;

  before = ivd_directory_field_dup_value (self->field, self->entry);
  self->writing = TRUE;
  ivd_directory_field_set_text (self->field, self->entry, text);
  self->writing = FALSE;
  after = ivd_directory_field_dup_value (self->field, self->entry);
  if (g_strcmp0 (before, after) != 0)
    g_signal_emit (self, signals[EDITED], 0);
}

/* Changed elsewhere: what was typed here is not undone by its own echo. */
static void
on_entry_notify_cb (IvdDirectoryFieldRow *self)
{
  if (!self->writing)
    show_entry (self);
}

static void
ivd_directory_field_row_constructed (GObject *object)
{
  IvdDirectoryFieldRow *self = IVD_DIRECTORY_FIELD_ROW (object);

  G_OBJECT_CLASS (ivd_directory_field_row_parent_class)->constructed (object);

  g_return_if_fail (self->field != NULL && self->field->kind != IVD_DIRECTORY_FIELD_ANSWER);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self), ivd_directory_field_get_title (self->field));
  if (self->field->kind == IVD_DIRECTORY_FIELD_PHONE)
    adw_entry_row_set_input_purpose (ADW_ENTRY_ROW (self), GTK_INPUT_PURPOSE_PHONE);
  else if (self->field->kind != IVD_DIRECTORY_FIELD_TEXT)
    adw_entry_row_set_input_purpose (ADW_ENTRY_ROW (self), GTK_INPUT_PURPOSE_DIGITS);
  show_entry (self);
}

static void
ivd_directory_field_row_dispose (GObject *object)
{
  IvdDirectoryFieldRow *self = (IvdDirectoryFieldRow *) object;

  g_clear_object (&self->entry);

  G_OBJECT_CLASS (ivd_directory_field_row_parent_class)->dispose (object);
}

static void
ivd_directory_field_row_get_property (GObject    *object,
                                      guint       prop_id,
                                      GValue     *value,
                                      GParamSpec *pspec)
{
  IvdDirectoryFieldRow *self = IVD_DIRECTORY_FIELD_ROW (object);

  switch (prop_id)
    {
    case PROP_FIELD_NAME:
      g_value_set_string (value, self->field != NULL ? self->field->property : NULL);
      break;
    case PROP_ENTRY:
      g_value_set_object (value, self->entry);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ivd_directory_field_row_set_property (GObject      *object,
                                      guint         prop_id,
                                      const GValue *value,
                                      GParamSpec   *pspec)
{
  IvdDirectoryFieldRow *self = IVD_DIRECTORY_FIELD_ROW (object);

  switch (prop_id)
    {
    case PROP_FIELD_NAME:
      self->field = ivd_directory_fields_lookup (g_value_get_string (value));
      break;
    case PROP_ENTRY:
      ivd_directory_field_row_set_entry (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ivd_directory_field_row_class_init (IvdDirectoryFieldRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->constructed = ivd_directory_field_row_constructed;
  object_class->dispose = ivd_directory_field_row_dispose;
  object_class->get_property = ivd_directory_field_row_get_property;
  object_class->set_property = ivd_directory_field_row_set_property;

  /* The field, as its IvdDirectoryEntry property (ivd-directory-fields.h). */
  properties[PROP_FIELD_NAME] =
    g_param_spec_string ("field-name", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_ENTRY] =
    g_param_spec_object ("entry", NULL, NULL, IVD_TYPE_DIRECTORY_ENTRY,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * IvdDirectoryFieldRow::edited:
   *
   * Typing changed the entry's value.
   */
  signals[EDITED] = g_signal_new ("edited", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

/* The hint at the end of the row: "not filled in", or why not saved. */
static void
ivd_directory_field_row_init (IvdDirectoryFieldRow *self)
{
  GtkWidget *hint = gtk_label_new (NULL);

  gtk_widget_set_valign (hint, GTK_ALIGN_CENTER);
  gtk_label_set_wrap (GTK_LABEL (hint), TRUE);
  /* Asks for its one-line width, wrapping only a long reason. */
  gtk_label_set_natural_wrap_mode (GTK_LABEL (hint), GTK_NATURAL_WRAP_NONE);
  gtk_label_set_max_width_chars (GTK_LABEL (hint), 36);
  gtk_label_set_xalign (GTK_LABEL (hint), 1);
  gtk_widget_add_css_class (hint, "dim-label");
  adw_entry_row_add_suffix (ADW_ENTRY_ROW (self), hint);
  self->hint = GTK_LABEL (hint);

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (self), FALSE);
  g_signal_connect (self, "changed", G_CALLBACK (on_changed_cb), NULL);
}

/* @field: a text, phone, code or number field, not the yes/no answer */
GtkWidget *
ivd_directory_field_row_new (const IvdDirectoryField *field)
{
  g_return_val_if_fail (field != NULL && field->kind != IVD_DIRECTORY_FIELD_ANSWER, NULL);

  return g_object_new (IVD_TYPE_DIRECTORY_FIELD_ROW, "field-name", field->property, NULL);
}

const IvdDirectoryField *
ivd_directory_field_row_get_field (IvdDirectoryFieldRow *self)
{
  g_return_val_if_fail (IVD_IS_DIRECTORY_FIELD_ROW (self), NULL);
  return self->field;
}

IvdDirectoryEntry *
ivd_directory_field_row_get_entry (IvdDirectoryFieldRow *self)
{
  g_return_val_if_fail (IVD_IS_DIRECTORY_FIELD_ROW (self), NULL);
  return self->entry;
}

/* @entry: (nullable): the municipality's entry to show and edit */
void
ivd_directory_field_row_set_entry (IvdDirectoryFieldRow *self,
                                   IvdDirectoryEntry    *entry)
{
  g_autofree char *signal = NULL;

  g_return_if_fail (IVD_IS_DIRECTORY_FIELD_ROW (self));
  g_return_if_fail (entry == NULL || IVD_IS_DIRECTORY_ENTRY (entry));

  if (self->entry == entry)
    return;

  if (self->entry != NULL)
    g_signal_handlers_disconnect_by_func (self->entry, on_entry_notify_cb, self);
  g_set_object (&self->entry, entry);
  if (entry != NULL && self->field != NULL)
    {
      signal = g_strconcat ("notify::", self->field->property, NULL);
      g_signal_connect_object (entry, signal, G_CALLBACK (on_entry_notify_cb), self, G_CONNECT_SWAPPED);
    }
  if (self->field != NULL)
    show_entry (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ENTRY]);
}
