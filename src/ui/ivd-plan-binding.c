#define G_LOG_DOMAIN "ivd-plan-binding"

#include "config.h"

#include "ivd-plan-binding.h"

#define BINDING_KEY "ivd-plan-binding"

typedef struct _Binding Binding;

/* What differs between kinds of control; the rest is one mechanism. */
typedef struct
{
  const char *signal;                       /* emitted when the doctor edits */
  void      (*show)  (Binding *binding);    /* the plan's value into the control */
  void      (*store) (Binding *binding,     /* the control's value into the plan */
                      GObject *emitter);
} Kind;

/* Held as data of the control (a text view's buffer), freed with it. */
struct _Binding
{
  const Kind *kind;
  GObject    *control;
  GObject    *other;    /* a yes/no pair's No, kept while the Yes shows it */
  IvdPlan    *plan;
  char       *path;
  gboolean    busy;     /* showing the plan: the control's own signal must not write back */
};

static void
binding_free (gpointer data)
{
  Binding *binding = data;

  g_clear_object (&binding->other);
  g_clear_object (&binding->plan);
  g_free (binding->path);
  g_free (binding);
}

static Binding *
binding_of (GObject *control)
{
  return g_object_get_data (control, BINDING_KEY);
}

static void
show (Binding *binding)
{
  gboolean was_busy = binding->busy;

  binding->busy = TRUE;
  binding->kind->show (binding);
  binding->busy = was_busy;
}

/* An emptied (or blank) text removes the field. */
static void
store_string (Binding    *binding,
              const char *text)
{
  g_autofree char *stripped = g_strstrip (g_strdup (text));

  if (*stripped == '\0')
    ivd_plan_unset (binding->plan, binding->path);
  else
    ivd_plan_set_string (binding->plan, binding->path, text);
}

static const char *
plan_string (Binding *binding)
{
  const char *value = ivd_plan_get_string (binding->plan, binding->path);

  return value != NULL ? value : "";
}

/* Text. Untouched when equal, so the cursor does not jump while typing. */

static void
show_text (Binding *binding)
{
  GtkEditable *editable = GTK_EDITABLE (binding->control);

  if (g_strcmp0 (gtk_editable_get_text (editable), plan_string (binding)) != 0)
    gtk_editable_set_text (editable, plan_string (binding));
}

static void
store_text (Binding *binding,
            GObject *emitter)
{
  store_string (binding, gtk_editable_get_text (GTK_EDITABLE (binding->control)));
}

/* Longer text in a GtkTextView (a treatment plan's paragraphs); the
 * binding belongs to its buffer. */

static char *
dup_buffer_text (GtkTextBuffer *buffer)
{
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

static void
show_buffer (Binding *binding)
{
  GtkTextBuffer *buffer = GTK_TEXT_BUFFER (binding->control);
  g_autofree char *current = dup_buffer_text (buffer);

  if (g_strcmp0 (current, plan_string (binding)) != 0)
    gtk_text_buffer_set_text (buffer, plan_string (binding), -1);
}

static void
store_buffer (Binding *binding,
              GObject *emitter)
{
  g_autofree char *text = dup_buffer_text (GTK_TEXT_BUFFER (binding->control));

  store_string (binding, text);
}

/* Whole numbers: 0 (the spin button's lowest) means "not entered". */

static void
show_int (Binding *binding)
{
  GtkSpinButton *spin = GTK_SPIN_BUTTON (binding->control);
  gint64 value = 0;

  ivd_plan_lookup_int (binding->plan, binding->path, &value);
  if ((gint64) gtk_spin_button_get_value (spin) != value)
    gtk_spin_button_set_value (spin, (double) value);
}

static void
store_int (Binding *binding,
           GObject *emitter)
{
  gint64 value = (gint64) gtk_spin_button_get_value (GTK_SPIN_BUTTON (binding->control));

  if (value <= 0)
    ivd_plan_unset (binding->plan, binding->path);
  else
    ivd_plan_set_int (binding->plan, binding->path, value);
}

/* A check: done or not done (a checklist item). */

static void
show_check (Binding *binding)
{
  GtkCheckButton *check = GTK_CHECK_BUTTON (binding->control);
  gboolean value = FALSE;

  ivd_plan_lookup_boolean (binding->plan, binding->path, &value);
  if (gtk_check_button_get_active (check) != value)
    gtk_check_button_set_active (check, value);
}

static void
store_check (Binding *binding,
             GObject *emitter)
{
  GtkCheckButton *check = GTK_CHECK_BUTTON (binding->control);

  ivd_plan_set_boolean (binding->plan, binding->path, gtk_check_button_get_active (check));
}

/* Yes or no, or neither while the question is unanswered. The two
 * buttons are not a radio group: pressing the active one again clears the
 * answer, and one pressed releases the other here. */

static void
show_yes_no (Binding *binding)
{
  gboolean value = FALSE;
  gboolean known = ivd_plan_lookup_boolean (binding->plan, binding->path, &value);

  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (binding->control), known && value);
  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (binding->other), known && !value);
}

static void
store_yes_no (Binding *binding,
              GObject *emitter)
{
  GtkToggleButton *yes = GTK_TOGGLE_BUTTON (binding->control);
  GtkToggleButton *no = GTK_TOGGLE_BUTTON (binding->other);

  if (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (emitter)))
    {
      binding->busy = TRUE;
      gtk_toggle_button_set_active (emitter == binding->control ? no : yes, FALSE);
      binding->busy = FALSE;
    }

  if (gtk_toggle_button_get_active (yes))
    ivd_plan_set_boolean (binding->plan, binding->path, TRUE);
  else if (gtk_toggle_button_get_active (no))
    ivd_plan_set_boolean (binding->plan, binding->path, FALSE);
  else
    ivd_plan_unset (binding->plan, binding->path);
}

static const Kind text_kind = { "changed", show_text, store_text };
static const Kind text_view_kind = { "changed", show_buffer, store_buffer };
static const Kind int_kind = { "value-changed", show_int, store_int };
static const Kind check_kind = { "toggled", show_check, store_check };
static const Kind yes_no_kind = { "toggled", show_yes_no, store_yes_no };

static void
on_control_edited_cb (GObject *emitter,
                      GObject *control)
{
  Binding *binding = binding_of (control);

  if (!binding->busy)
    binding->kind->store (binding, emitter);
}

static void
on_plan_changed_cb (GObject    *control,
                    const char *path)
{
  Binding *binding = binding_of (control);

  /* "" is the whole plan (ivd_plan_assign()). */
  if (*path == '\0' || g_str_equal (path, binding->path))
    show (binding);
}

static void
bind (const Kind *kind,
      GObject    *control,
      GObject    *other,
      IvdPlan    *plan,
      const char *path)
{
  Binding *binding;

  g_return_if_fail (IVD_IS_PLAN (plan));

  binding = g_new0 (Binding, 1);
  binding->kind = kind;
  binding->control = control;
  binding->other = other != NULL ? g_object_ref (other) : NULL;
  binding->plan = g_object_ref (plan);
  binding->path = g_strdup (path);
  g_object_set_data_full (control, BINDING_KEY, binding, binding_free);

  show (binding);
  g_signal_connect (control, kind->signal, G_CALLBACK (on_control_edited_cb), control);
  if (other != NULL)
    g_signal_connect_object (other, kind->signal, G_CALLBACK (on_control_edited_cb), control, 0);
  g_signal_connect_object (plan, "changed", G_CALLBACK (on_plan_changed_cb), control, G_CONNECT_SWAPPED);
}

void
ivd_plan_binding_text (GtkEditable *editable,
                       IvdPlan     *plan,
                       const char  *path)
{
  g_return_if_fail (GTK_IS_EDITABLE (editable));

  bind (&text_kind, G_OBJECT (editable), NULL, plan, path);
}

void
ivd_plan_binding_text_view (GtkTextView *view,
                            IvdPlan     *plan,
                            const char  *path)
{
  g_return_if_fail (GTK_IS_TEXT_VIEW (view));

  bind (&text_view_kind, G_OBJECT (gtk_text_view_get_buffer (view)), NULL, plan, path);
}

void
ivd_plan_binding_int (GtkSpinButton *spin,
                      IvdPlan       *plan,
                      const char    *path)
{
  g_return_if_fail (GTK_IS_SPIN_BUTTON (spin));

  bind (&int_kind, G_OBJECT (spin), NULL, plan, path);
}

void
ivd_plan_binding_check (GtkCheckButton *check,
                        IvdPlan        *plan,
                        const char     *path)
{
  g_return_if_fail (GTK_IS_CHECK_BUTTON (check));

  bind (&check_kind, G_OBJECT (check), NULL, plan, path);
}

void
ivd_plan_binding_yes_no (GtkToggleButton *yes,
                         GtkToggleButton *no,
                         IvdPlan         *plan,
                         const char      *path)
{
  g_return_if_fail (GTK_IS_TOGGLE_BUTTON (yes));
  g_return_if_fail (GTK_IS_TOGGLE_BUTTON (no));

  bind (&yes_no_kind, G_OBJECT (yes), G_OBJECT (no), plan, path);
}
