#define G_LOG_DOMAIN "ivd-plan-binding"

#include "config.h"

#include "ivd-plan-binding.h"

#define PATH_KEY "ivd-plan-binding-path"
#define PLAN_KEY "ivd-plan-binding-plan"
#define BUSY_KEY "ivd-plan-binding-busy"

static void
attach (GObject    *widget,
        IvdPlan    *plan,
        const char *path)
{
  g_object_set_data_full (widget, PATH_KEY, g_strdup (path), g_free);
  g_object_set_data_full (widget, PLAN_KEY, g_object_ref (plan), g_object_unref);
}

static const char *
path_of (gpointer widget)
{
  return g_object_get_data (G_OBJECT (widget), PATH_KEY);
}

static IvdPlan *
plan_of (gpointer widget)
{
  return g_object_get_data (G_OBJECT (widget), PLAN_KEY);
}

/* The widget is being updated from the plan: its own signal must not
 * write the value back. */
static gboolean
is_busy (gpointer widget)
{
  return g_object_get_data (G_OBJECT (widget), BUSY_KEY) != NULL;
}

static void
set_busy (gpointer widget,
          gboolean busy)
{
  g_object_set_data (G_OBJECT (widget), BUSY_KEY, busy ? GINT_TO_POINTER (1) : NULL);
}

static gboolean
concerns (gpointer    widget,
          const char *changed_path)
{
  /* "" is the whole plan (ivd_plan_assign()). */
  return *changed_path == '\0' || g_str_equal (changed_path, path_of (widget));
}

/* Text */

static void
show_text (GtkEditable *editable)
{
  const char *value = ivd_plan_get_string (plan_of (editable), path_of (editable));

  /* Untouched when equal, so the cursor does not jump while typing. */
  if (g_strcmp0 (gtk_editable_get_text (editable), value ? value : "") == 0)
    return;
  set_busy (editable, TRUE);
  gtk_editable_set_text (editable, value ? value : "");
  set_busy (editable, FALSE);
}

static void
on_editable_changed_cb (GtkEditable *editable)
{
  g_autofree char *text = NULL;

  if (is_busy (editable))
    return;

  text = g_strstrip (g_strdup (gtk_editable_get_text (editable)));
  if (*text == '\0')
    ivd_plan_unset (plan_of (editable), path_of (editable));
  else
    ivd_plan_set_string (plan_of (editable), path_of (editable), gtk_editable_get_text (editable));
}

static void
on_plan_changed_text_cb (GtkEditable *editable,
                         const char  *path)
{
  if (concerns (editable, path))
    show_text (editable);
}

void
ivd_plan_binding_text (GtkEditable *editable,
                       IvdPlan     *plan,
                       const char  *path)
{
  g_return_if_fail (GTK_IS_EDITABLE (editable));
  g_return_if_fail (IVD_IS_PLAN (plan));

  attach (G_OBJECT (editable), plan, path);
  show_text (editable);
  g_signal_connect (editable, "changed", G_CALLBACK (on_editable_changed_cb), NULL);
  g_signal_connect_object (plan, "changed", G_CALLBACK (on_plan_changed_text_cb), editable, G_CONNECT_SWAPPED);
}

/* Longer text in a GtkTextView (a treatment plan's paragraphs). */

static void
show_buffer_text (GtkTextBuffer *buffer)
{
  const char *value = ivd_plan_get_string (plan_of (buffer), path_of (buffer));
  g_autofree char *current = NULL;
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  current = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
  if (g_strcmp0 (current, value ? value : "") == 0)
    return;
  set_busy (buffer, TRUE);
  gtk_text_buffer_set_text (buffer, value ? value : "", -1);
  set_busy (buffer, FALSE);
}

static void
on_buffer_changed_cb (GtkTextBuffer *buffer)
{
  g_autofree char *text = NULL;
  g_autofree char *stripped = NULL;
  GtkTextIter start, end;

  if (is_busy (buffer))
    return;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  text = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
  stripped = g_strstrip (g_strdup (text));
  if (*stripped == '\0')
    ivd_plan_unset (plan_of (buffer), path_of (buffer));
  else
    ivd_plan_set_string (plan_of (buffer), path_of (buffer), text);
}

static void
on_plan_changed_buffer_cb (GtkTextBuffer *buffer,
                           const char    *path)
{
  if (concerns (buffer, path))
    show_buffer_text (buffer);
}

void
ivd_plan_binding_text_view (GtkTextView *view,
                            IvdPlan     *plan,
                            const char  *path)
{
  GtkTextBuffer *buffer;

  g_return_if_fail (GTK_IS_TEXT_VIEW (view));
  g_return_if_fail (IVD_IS_PLAN (plan));

  buffer = gtk_text_view_get_buffer (view);
  attach (G_OBJECT (buffer), plan, path);
  show_buffer_text (buffer);
  g_signal_connect (buffer, "changed", G_CALLBACK (on_buffer_changed_cb), NULL);
  g_signal_connect_object (plan, "changed", G_CALLBACK (on_plan_changed_buffer_cb), buffer, G_CONNECT_SWAPPED);
}

/* Whole numbers: 0 (the spin button's lowest) means "not entered". */

static void
show_int (GtkSpinButton *spin)
{
  gint64 value = 0;

  ivd_plan_lookup_int (plan_of (spin), path_of (spin), &value);
  if ((gint64) gtk_spin_button_get_value (spin) == value)
    return;
  set_busy (spin, TRUE);
  gtk_spin_button_set_value (spin, (double) value);
  set_busy (spin, FALSE);
}

static void
on_spin_value_changed_cb (GtkSpinButton *spin)
{
  gint64 value = (gint64) gtk_spin_button_get_value (spin);

  if (is_busy (spin))
    return;

  if (value <= 0)
    ivd_plan_unset (plan_of (spin), path_of (spin));
  else
    ivd_plan_set_int (plan_of (spin), path_of (spin), value);
}

static void
on_plan_changed_int_cb (GtkSpinButton *spin,
                        const char    *path)
{
  if (concerns (spin, path))
    show_int (spin);
}

void
ivd_plan_binding_int (GtkSpinButton *spin,
                      IvdPlan       *plan,
                      const char    *path)
{
  g_return_if_fail (GTK_IS_SPIN_BUTTON (spin));
  g_return_if_fail (IVD_IS_PLAN (plan));

  attach (G_OBJECT (spin), plan, path);
  show_int (spin);
  g_signal_connect (spin, "value-changed", G_CALLBACK (on_spin_value_changed_cb), NULL);
  g_signal_connect_object (plan, "changed", G_CALLBACK (on_plan_changed_int_cb), spin, G_CONNECT_SWAPPED);
}

/* A check: done or not done (a checklist item). */

static void
show_check (GtkCheckButton *check)
{
  gboolean value = FALSE;

  ivd_plan_lookup_boolean (plan_of (check), path_of (check), &value);
  if (gtk_check_button_get_active (check) == value)
    return;
  set_busy (check, TRUE);
  gtk_check_button_set_active (check, value);
  set_busy (check, FALSE);
}

static void
on_check_toggled_cb (GtkCheckButton *check)
{
  if (!is_busy (check))
    ivd_plan_set_boolean (plan_of (check), path_of (check), gtk_check_button_get_active (check));
}

static void
on_plan_changed_check_cb (GtkCheckButton *check,
                          const char     *path)
{
  if (concerns (check, path))
    show_check (check);
}

void
ivd_plan_binding_check (GtkCheckButton *check,
                        IvdPlan        *plan,
                        const char     *path)
{
  g_return_if_fail (GTK_IS_CHECK_BUTTON (check));
  g_return_if_fail (IVD_IS_PLAN (plan));

  attach (G_OBJECT (check), plan, path);
  show_check (check);
  g_signal_connect (check, "toggled", G_CALLBACK (on_check_toggled_cb), NULL);
  g_signal_connect_object (plan, "changed", G_CALLBACK (on_plan_changed_check_cb), check, G_CONNECT_SWAPPED);
}

/* Yes or no, or neither while the question is unanswered. The two
 * buttons are not a radio group: pressing the active one again clears the
 * answer, and one pressed releases the other here. */

#define OTHER_KEY "ivd-plan-binding-other"

static void
show_yes_no (GtkToggleButton *yes)
{
  GtkToggleButton *no = g_object_get_data (G_OBJECT (yes), OTHER_KEY);
  gboolean value = FALSE;
  gboolean known = ivd_plan_lookup_boolean (plan_of (yes), path_of (yes), &value);

  set_busy (yes, TRUE);
  set_busy (no, TRUE);
  gtk_toggle_button_set_active (yes, known && value);
  gtk_toggle_button_set_active (no, known && !value);
  set_busy (yes, FALSE);
  set_busy (no, FALSE);
}

static void
on_yes_no_toggled_cb (GtkToggleButton *button,
                      GtkToggleButton *yes)
{
  GtkToggleButton *no = g_object_get_data (G_OBJECT (yes), OTHER_KEY);

  if (is_busy (button))
    return;

  if (gtk_toggle_button_get_active (button))
    {
      GtkToggleButton *other = button == yes ? no : yes;

      set_busy (other, TRUE);
      gtk_toggle_button_set_active (other, FALSE);
      set_busy (other, FALSE);
    }

  if (gtk_toggle_button_get_active (yes))
    ivd_plan_set_boolean (plan_of (yes), path_of (yes), TRUE);
  else if (gtk_toggle_button_get_active (no))
    ivd_plan_set_boolean (plan_of (yes), path_of (yes), FALSE);
  else
    ivd_plan_unset (plan_of (yes), path_of (yes));
}

static void
on_plan_changed_yes_no_cb (GtkToggleButton *yes,
                           const char      *path)
{
  if (concerns (yes, path))
    show_yes_no (yes);
}

void
ivd_plan_binding_yes_no (GtkToggleButton *yes,
                         GtkToggleButton *no,
                         IvdPlan         *plan,
                         const char      *path)
{
  g_return_if_fail (GTK_IS_TOGGLE_BUTTON (yes));
  g_return_if_fail (GTK_IS_TOGGLE_BUTTON (no));
  g_return_if_fail (IVD_IS_PLAN (plan));

  attach (G_OBJECT (yes), plan, path);
  g_object_set_data (G_OBJECT (yes), OTHER_KEY, no);
  show_yes_no (yes);
  g_signal_connect (yes, "toggled", G_CALLBACK (on_yes_no_toggled_cb), yes);
  g_signal_connect_object (no, "toggled", G_CALLBACK (on_yes_no_toggled_cb), yes, 0);
  g_signal_connect_object (plan, "changed", G_CALLBACK (on_plan_changed_yes_no_cb), yes, G_CONNECT_SWAPPED);
}
