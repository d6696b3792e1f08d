#define G_LOG_DOMAIN "ivd-schedule-page"

#include "config.h"

#include <glib/gi18n.h>

#include "ivd-day-strip.h"
#include "ivd-labels.h"
#include "ivd-plan-binding.h"
#include "ivd-schedule-page.h"
#include "ivd-schedule.h"
#include "ivd-visit-times.h"

/* Step 4: what is given, when, for how long, and through which access.
 * The visit times are a list kept sorted, drawn on a 24-hour strip with
 * the region's night window, so a night visit is seen before it is read;
 * when a 24-hour pump would avoid it, switching is one click. */

#define TIMES_PATH "treatment.administration_times"
#define START_PATH "treatment.start_date"
#define STATUS_KEY "ivd-schedule-time-status"
#define REMOVE_KEY "ivd-schedule-time-remove"
#define ROW_KEY    "ivd-schedule-time-row"

struct _IvdSchedulePage
{
  IvdStepPage          parent_instance;

  char                *form_before_pump;  /* for undo, while the pump chosen here stands */
  gboolean             writing_times;
  gboolean             writing_start;
  gboolean             showing_calendar;
  int                  night_start;
  int                  night_end;

  AdwEntryRow         *drug_row;
  AdwEntryRow         *dose_row;
  IvdDayStrip         *strip;
  GtkListBox          *times_list;
  AdwEntryRow         *add_time_row;
  GtkLabel            *add_time_info;
  AdwPreferencesGroup *pump_group;
  AdwActionRow        *pump_row;
  AdwActionRow        *pump_done_row;
  GtkSpinButton       *minutes_spin;
  GtkSpinButton       *days_spin;
  AdwEntryRow         *start_row;
  GtkLabel            *start_info;
  GtkWidget           *today_button;
  GtkCalendar         *calendar;
  GtkToggleButton     *first_dose_yes;
  GtkToggleButton     *first_dose_no;
  AdwComboRow         *access_row;
  GtkToggleButton     *alone_yes;
  GtkToggleButton     *alone_no;
};

G_DEFINE_FINAL_TYPE (IvdSchedulePage, ivd_schedule_page, IVD_TYPE_STEP_PAGE)

/* The plan's access codes, in the agreement's order (domain §7). */
static const char * const accesses[] = { "pvk", "cvk", "picc", "vip", "midline", NULL };

static void on_time_row_changed_cb (GtkEditable     *row,
                                    IvdSchedulePage *self);
static void on_time_row_leave_cb   (GtkEventControllerFocus *focus,
                                    IvdSchedulePage         *self);
static void on_time_remove_clicked_cb (GtkButton       *button,
                                       IvdSchedulePage *self);

static int
minutes_per_visit (IvdSchedulePage *self)
{
  gint64 minutes = 0;

  ivd_plan_lookup_int (ivd_step_page_get_plan (IVD_STEP_PAGE (self)), "treatment.minutes_per_administration", &minutes);
  return (int) CLAMP (minutes, 0, IVD_MINUTES_PER_DAY);
}

static gboolean
has_finding (IvdSchedulePage *self,
             const char      *rule_id)
{
  IvdEvaluation *evaluation = ivd_step_page_get_evaluation (IVD_STEP_PAGE (self));
  GListModel *findings = evaluation ? ivd_evaluation_get_findings (evaluation) : NULL;

  for (guint i = 0; findings != NULL && i < g_list_model_get_n_items (findings); i++)
    {
      g_autoptr(IvdFinding) finding = g_list_model_get_item (findings, i);

      if (g_str_equal (ivd_finding_get_rule_id (finding), rule_id))
        return TRUE;
    }
  return FALSE;
}

/* Visit times */

static gboolean
is_time_row (IvdSchedulePage *self,
             GtkWidget       *row)
{
  return ADW_IS_ENTRY_ROW (row) && row != GTK_WIDGET (self->add_time_row);
}

static IvdTimeInput
check_row (GtkWidget *row,
           int       *minutes)
{
  return ivd_visit_times_check_input (gtk_editable_get_text (GTK_EDITABLE (row)), minutes);
}

/* Is @minutes already given by a time row above @row (or any, for NULL)? */
static gboolean
listed_before (IvdSchedulePage *self,
               GtkWidget       *row,
               int              minutes)
{
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->times_list));
       child != NULL && child != row; child = gtk_widget_get_next_sibling (child))
    {
      int other;

      if (is_time_row (self, child) && check_row (child, &other) == IVD_TIME_INPUT_VALID && other == minutes)
        return TRUE;
    }
  return FALSE;
}

static void
set_status (GtkWidget  *row,
            const char *text,
            const char *severity,
            gboolean    error)
{
  GtkWidget *label = g_object_get_data (G_OBJECT (row), STATUS_KEY);
  const char *classes[] = { severity != NULL ? "severity-tag" : "error", severity, NULL };

  gtk_label_set_label (GTK_LABEL (label), text != NULL ? text : "");
  gtk_widget_set_visible (label, text != NULL);
  gtk_widget_set_css_classes (label, classes);
  if (error)
    gtk_widget_add_css_class (row, "error");
  else
    gtk_widget_remove_css_class (row, "error");
  gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, text ? text : "", -1);
}

/* What a time row says beside its time: never a time, already listed,
 * or where it stands to the night window. */
static void
show_time_status (IvdSchedulePage *self,
                  GtkWidget       *row)
{
  GtkWidget *remove = g_object_get_data (G_OBJECT (row), REMOVE_KEY);
  const char *text = gtk_editable_get_text (GTK_EDITABLE (row));
  g_autofree char *remove_label = NULL;
  int minutes;

  switch (check_row (row, &minutes))
    {
    case IVD_TIME_INPUT_INVALID:
      set_status (row, _("Not a time (HH:MM)"), NULL, TRUE);
      break;
    case IVD_TIME_INPUT_VALID:
      if (listed_before (self, row, minutes))
        set_status (row, _("Already listed"), NULL, TRUE);
      else
        switch (ivd_visit_times_classify (minutes, minutes_per_visit (self), self->night_start, self->night_end))
          {
          case IVD_VISIT_NIGHT:
            set_status (row, _("In the night window"), "severity-block", FALSE);
            break;
          case IVD_VISIT_INTO_NIGHT:
            set_status (row, _("Runs into the night window"), "severity-review", FALSE);
            break;
          case IVD_VISIT_DAY:
          default:
            set_status (row, NULL, NULL, FALSE);
          }
      break;
    case IVD_TIME_INPUT_EMPTY:
    case IVD_TIME_INPUT_PARTIAL:
    default:
      set_status (row, NULL, NULL, FALSE);
    }

  /* Translators: %s is a visit time, e.g. 14:00 */
  remove_label = g_strdup_printf (_("Remove visit time %s"), text);
  gtk_accessible_update_property (GTK_ACCESSIBLE (remove), GTK_ACCESSIBLE_PROPERTY_LABEL, remove_label, -1);
}

static void
show_time_statuses (IvdSchedulePage *self)
{
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->times_list)); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (is_time_row (self, child))
      show_time_status (self, child);
}

/* Every row's time, sorted and once each; the rows stay as typed. */
static void
write_times (IvdSchedulePage *self)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) texts = NULL;

  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->times_list)); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (is_time_row (self, child))
      g_strv_builder_add (builder, gtk_editable_get_text (GTK_EDITABLE (child)));
  texts = g_strv_builder_end (builder);

  self->writing_times = TRUE;
  ivd_visit_times_write (ivd_step_page_get_plan (IVD_STEP_PAGE (self)), (const char * const *) texts);
  self->writing_times = FALSE;
}

static GtkWidget *
time_row_new (IvdSchedulePage *self,
              const char      *text)
{
  GtkWidget *row = adw_entry_row_new ();
  GtkWidget *status = gtk_label_new (NULL);
  GtkWidget *remove = gtk_button_new_from_icon_name ("user-trash-symbolic");
  GtkEventController *focus = gtk_event_controller_focus_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("Visit time"));
  gtk_editable_set_text (GTK_EDITABLE (row), text);
  gtk_widget_set_valign (status, GTK_ALIGN_CENTER);
  gtk_widget_set_valign (remove, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (remove, _("Remove"));
  gtk_widget_add_css_class (remove, "flat");
  adw_entry_row_add_suffix (ADW_ENTRY_ROW (row), status);
  adw_entry_row_add_suffix (ADW_ENTRY_ROW (row), remove);
  g_object_set_data (G_OBJECT (row), STATUS_KEY, status);
  g_object_set_data (G_OBJECT (row), REMOVE_KEY, remove);
  g_object_set_data (G_OBJECT (remove), ROW_KEY, row);

  g_signal_connect_object (row, "changed", G_CALLBACK (on_time_row_changed_cb), self, 0);
  g_signal_connect_object (remove, "clicked", G_CALLBACK (on_time_remove_clicked_cb), self, 0);
  g_signal_connect_object (focus, "leave", G_CALLBACK (on_time_row_leave_cb), self, 0);
  gtk_widget_add_controller (row, focus);
  return row;
}

/* The rows anew from the plan: on opening, and when the times changed
 * elsewhere (a conflict resolved). */
static void
show_times (IvdSchedulePage *self)
{
  g_autoptr(GArray) times = ivd_plan_dup_times (ivd_step_page_get_plan (IVD_STEP_PAGE (self)));
  GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->times_list));

  while (child != NULL)
    {
      GtkWidget *next = gtk_widget_get_next_sibling (child);

      if (is_time_row (self, child))
        gtk_list_box_remove (self->times_list, child);
      child = next;
    }

  for (guint i = 0; times != NULL && i < times->len; i++)
    {
      g_autofree char *text = ivd_schedule_format_time (g_array_index (times, int, i));

      gtk_list_box_append (self->times_list, time_row_new (self, text));
    }
  show_time_statuses (self);
}

/* Earliest first; times being typed after them; the add row last. */
static int
sort_times (GtkListBoxRow *a,
            GtkListBoxRow *b,
            gpointer       user_data)
{
  IvdSchedulePage *self = user_data;
  int ma = IVD_MINUTES_PER_DAY, mb = IVD_MINUTES_PER_DAY;

  if (!is_time_row (self, GTK_WIDGET (a)) || !is_time_row (self, GTK_WIDGET (b)))
    return is_time_row (self, GTK_WIDGET (a)) ? -1 : is_time_row (self, GTK_WIDGET (b)) ? 1 : 0;

  check_row (GTK_WIDGET (a), &ma);
  check_row (GTK_WIDGET (b), &mb);
  return ma - mb;
}

static void
show_add_time (IvdSchedulePage *self)
{
  const char *info = NULL;
  int minutes;

  switch (check_row (GTK_WIDGET (self->add_time_row), &minutes))
    {
    case IVD_TIME_INPUT_INVALID:
      info = _("Not a time (HH:MM)");
      break;
    case IVD_TIME_INPUT_VALID:
      if (listed_before (self, NULL, minutes))
        info = _("Already listed");
      break;
    case IVD_TIME_INPUT_EMPTY:
    case IVD_TIME_INPUT_PARTIAL:
    default:
      break;
    }

  gtk_label_set_label (self->add_time_info, info != NULL ? info : "");
  if (info != NULL)
    gtk_widget_add_css_class (GTK_WIDGET (self->add_time_row), "error");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->add_time_row), "error");
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->add_time_row), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                  info != NULL ? info : "", -1);
}

static void
show_strip (IvdSchedulePage *self)
{
  g_autoptr(GArray) times = ivd_plan_dup_times (ivd_step_page_get_plan (IVD_STEP_PAGE (self)));

  ivd_day_strip_set_night_window (self->strip, self->night_start, self->night_end);
  ivd_day_strip_set_visits (self->strip, times, minutes_per_visit (self));
}

/* The pump */

static void
show_pump (IvdSchedulePage *self)
{
  const char *form = ivd_plan_get_string (ivd_step_page_get_plan (IVD_STEP_PAGE (self)), "treatment.form");
  gboolean suggested = has_finding (self, "SUGGEST-PUMP");

  /* Undo is offered only while the pump chosen here still stands. */
  if (g_strcmp0 (form, "iv_pump") != 0)
    g_clear_pointer (&self->form_before_pump, g_free);

  gtk_widget_set_visible (GTK_WIDGET (self->pump_row), suggested);
  gtk_widget_set_visible (GTK_WIDGET (self->pump_done_row), self->form_before_pump != NULL);
  gtk_widget_set_visible (GTK_WIDGET (self->pump_group), suggested || self->form_before_pump != NULL);
}

/* Start date */

static void
show_start_info (IvdSchedulePage *self)
{
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->start_row))));
  g_autofree char *info = NULL;
  gboolean error = FALSE;
  GDate date;

  if (ivd_visit_times_parse_start_date (text, &date))
    {
      g_autoptr(GDateTime) time = g_date_time_new_local (g_date_get_year (&date), g_date_get_month (&date),
                                                         g_date_get_day (&date), 12, 0, 0);
      /* Translators: a start date in full, as g_date_time_format() writes it */
      info = g_date_time_format (time, _("%A %-d %B %Y"));
    }
  else if (*text != '\0')
    {
      error = strlen (text) >= 10 || strspn (text, "0123456789-") != strlen (text);
      info = g_strdup (error ? _("Not a date (YYYY-MM-DD)") : _("YYYY-MM-DD"));
    }

  gtk_label_set_label (self->start_info, info != NULL ? info : "");
  gtk_widget_set_visible (self->today_button, *text == '\0');
  if (error)
    gtk_widget_add_css_class (GTK_WIDGET (self->start_row), "error");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->start_row), "error");
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->start_row), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                  info != NULL ? info : "", -1);
}

static void
show_start (IvdSchedulePage *self)
{
  const char *value = ivd_plan_get_string (ivd_step_page_get_plan (IVD_STEP_PAGE (self)), START_PATH);

  self->writing_start = TRUE;
  gtk_editable_set_text (GTK_EDITABLE (self->start_row), value != NULL ? value : "");
  self->writing_start = FALSE;
  show_start_info (self);
}

static void
set_start_text (IvdSchedulePage *self,
                GDateTime       *time)
{
  g_autofree char *text = g_date_time_format (time, "%Y-%m-%d");

  gtk_editable_set_text (GTK_EDITABLE (self->start_row), text);
}

/* Access */

static guint
access_position (const char *access)
{
  for (guint i = 0; access != NULL && accesses[i] != NULL; i++)
    if (g_str_equal (accesses[i], access))
      return i + 1;
  return 0;
}

static GListModel *
accesses_model_new (void)
{
  GtkStringList *list = gtk_string_list_new (NULL);

  gtk_string_list_append (list, _("Not chosen"));
  for (guint i = 0; accesses[i] != NULL; i++)
    gtk_string_list_append (list, ivd_labels_access (accesses[i]));
  return G_LIST_MODEL (list);
}

static void
show_access (IvdSchedulePage *self)
{
  IvdPlan *plan = ivd_step_page_get_plan (IVD_STEP_PAGE (self));
  guint position = access_position (ivd_plan_get_string (plan, "treatment.access"));

  if (adw_combo_row_get_selected (self->access_row) != position)
    adw_combo_row_set_selected (self->access_row, position);
}

/* Callbacks */

static void
on_time_row_changed_cb (GtkEditable     *row,
                        IvdSchedulePage *self)
{
  show_time_statuses (self);
  show_add_time (self);
  write_times (self);
}

/* Back in order once the doctor has left the row: not while typing. */
static void
on_time_row_leave_cb (GtkEventControllerFocus *focus,
                      IvdSchedulePage         *self)
{
  GtkWidget *row = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (focus));
  int minutes;

  if (check_row (row, &minutes) == IVD_TIME_INPUT_VALID)
    {
      g_autofree char *text = ivd_schedule_format_time (minutes);

      if (g_strcmp0 (text, gtk_editable_get_text (GTK_EDITABLE (row))) != 0)
        gtk_editable_set_text (GTK_EDITABLE (row), text);
    }
  gtk_list_box_invalidate_sort (self->times_list);
}

static void
on_time_remove_clicked_cb (GtkButton       *button,
                           IvdSchedulePage *self)
{
  GtkWidget *row = g_object_get_data (G_OBJECT (button), ROW_KEY);

  /* Focus goes on to adding a time, not to the top of the window. */
  gtk_widget_grab_focus (GTK_WIDGET (self->add_time_row));
  gtk_list_box_remove (self->times_list, row);
  show_time_statuses (self);
  show_add_time (self);
  write_times (self);
}

static void
on_add_time_row_changed_cb (IvdSchedulePage *self)
{
  show_add_time (self);
}

static void
on_add_time_activated_cb (IvdSchedulePage *self)
{
  int minutes;
  g_autofree char *text = NULL;
  IvdTimeInput input;

  if (ivd_step_page_get_session (IVD_STEP_PAGE (self)) == NULL)
    return;
  input = check_row (GTK_WIDGET (self->add_time_row), &minutes);
  if (input == IVD_TIME_INPUT_EMPTY)
    return;
  if (input != IVD_TIME_INPUT_VALID || listed_before (self, NULL, minutes))
    {
      gtk_widget_error_bell (GTK_WIDGET (self->add_time_row));
      return;
    }

  text = ivd_schedule_format_time (minutes);
  gtk_list_box_append (self->times_list, time_row_new (self, text));
  gtk_editable_set_text (GTK_EDITABLE (self->add_time_row), "");
  show_time_statuses (self);
  write_times (self);
}

static void
on_pump_button_clicked_cb (IvdSchedulePage *self)
{
  IvdPlan *plan = ivd_step_page_get_plan (IVD_STEP_PAGE (self));
  const char *form = ivd_plan_get_string (plan, "treatment.form");

  g_free (self->form_before_pump);
  self->form_before_pump = g_strdup (form != NULL ? form : "iv_intermittent");
  ivd_plan_set_string (plan, "treatment.form", "iv_pump");
  show_pump (self);
  gtk_widget_grab_focus (GTK_WIDGET (self->add_time_row));
}

static void
on_pump_undo_button_clicked_cb (IvdSchedulePage *self)
{
  g_autofree char *form = g_steal_pointer (&self->form_before_pump);

  if (form != NULL)
    ivd_plan_set_string (ivd_step_page_get_plan (IVD_STEP_PAGE (self)), "treatment.form", form);
  show_pump (self);
}

/* 0 is "not entered": shown empty, never as a zero the doctor chose. */
static gboolean
on_spin_output_cb (GtkSpinButton *spin)
{
  if (gtk_spin_button_get_value_as_int (spin) != 0)
    return FALSE;
  if (*gtk_editable_get_text (GTK_EDITABLE (spin)) != '\0')
    gtk_editable_set_text (GTK_EDITABLE (spin), "");
  return TRUE;
}

/* Only a whole date is written; anything else leaves the date missing. */
static void
on_start_row_changed_cb (IvdSchedulePage *self)
{
  IvdPlan *plan = ivd_step_page_get_plan (IVD_STEP_PAGE (self));
  g_autofree char *text = NULL;

  if (plan == NULL || self->writing_start)
    return;

  text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->start_row))));
  self->writing_start = TRUE;
  if (ivd_visit_times_parse_start_date (text, NULL))
    ivd_plan_set_string (plan, START_PATH, text);
  else
    ivd_plan_unset (plan, START_PATH);
  self->writing_start = FALSE;
  show_start_info (self);
}

static void
on_today_button_clicked_cb (IvdSchedulePage *self)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  set_start_text (self, now);
  gtk_widget_grab_focus (GTK_WIDGET (self->start_row));
}

static void
on_calendar_popover_show_cb (IvdSchedulePage *self)
{
  GDate date;
  g_autoptr(GDateTime) time = NULL;

  if (ivd_plan_lookup_start_date (ivd_step_page_get_plan (IVD_STEP_PAGE (self)), &date))
    time = g_date_time_new_local (g_date_get_year (&date), g_date_get_month (&date), g_date_get_day (&date), 12, 0, 0);
  else
    time = g_date_time_new_now_local ();

  /* Showing a day is not choosing it. */
  self->showing_calendar = TRUE;
  gtk_calendar_select_day (self->calendar, time);
  self->showing_calendar = FALSE;
}

static void
on_calendar_day_selected_cb (IvdSchedulePage *self)
{
  g_autoptr(GDateTime) time = NULL;

  if (self->showing_calendar)
    return;
  time = gtk_calendar_get_date (self->calendar);
  set_start_text (self, time);
}

static void
on_access_row_selected_cb (IvdSchedulePage *self)
{
  IvdPlan *plan = ivd_step_page_get_plan (IVD_STEP_PAGE (self));
  guint position;
  const char *access = NULL;

  if (plan == NULL)
    return;

  position = adw_combo_row_get_selected (self->access_row);
  if (position > 0 && position <= g_strv_length ((char **) accesses))
    access = accesses[position - 1];
  if (g_strcmp0 (access, ivd_plan_get_string (plan, "treatment.access")) == 0)
    return;

  /* "Not chosen" takes the answer back: a missing fact stays missing. */
  if (access != NULL)
    ivd_plan_set_string (plan, "treatment.access", access);
  else
    ivd_plan_unset (plan, "treatment.access");
}

static void
on_plan_changed_cb (IvdSchedulePage *self,
                    const char      *path)
{
  gboolean all = *path == '\0';

  if ((all || g_str_equal (path, TIMES_PATH)) && !self->writing_times)
    show_times (self);
  if ((all || g_str_equal (path, START_PATH)) && !self->writing_start)
    show_start (self);
  if (all || g_str_equal (path, "treatment.access"))
    show_access (self);
}

static void
ivd_schedule_page_evaluation_changed (IvdStepPage *page)
{
  IvdSchedulePage *self = IVD_SCHEDULE_PAGE (page);

  ivd_visit_times_night_window (ivd_step_page_get_rule_set (page), &self->night_start, &self->night_end);
  show_strip (self);
  show_time_statuses (self);
  show_pump (self);
}

static void
ivd_schedule_page_session_set (IvdStepPage *page)
{
  IvdSchedulePage *self = IVD_SCHEDULE_PAGE (page);
  IvdPlan *plan = ivd_step_page_get_plan (page);

  ivd_plan_binding_text (GTK_EDITABLE (self->drug_row), plan, "treatment.drug");
  ivd_plan_binding_text (GTK_EDITABLE (self->dose_row), plan, "treatment.dose");
  ivd_plan_binding_int (self->minutes_spin, plan, "treatment.minutes_per_administration");
  ivd_plan_binding_int (self->days_spin, plan, "treatment.days");
  ivd_plan_binding_yes_no (self->first_dose_yes, self->first_dose_no, plan, "treatment.first_dose_given_in_hospital");
  ivd_plan_binding_yes_no (self->alone_yes, self->alone_no, plan, "treatment.must_not_be_left_alone");

  g_signal_connect_object (plan, "changed", G_CALLBACK (on_plan_changed_cb), self, G_CONNECT_SWAPPED);
  on_plan_changed_cb (self, "");
}

static void
ivd_schedule_page_dispose (GObject *object)
{
  IvdSchedulePage *self = (IvdSchedulePage *) object;

  gtk_widget_dispose_template (GTK_WIDGET (self), IVD_TYPE_SCHEDULE_PAGE);
  g_clear_pointer (&self->form_before_pump, g_free);

  G_OBJECT_CLASS (ivd_schedule_page_parent_class)->dispose (object);
}

static void
ivd_schedule_page_class_init (IvdSchedulePageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  IvdStepPageClass *page_class = IVD_STEP_PAGE_CLASS (klass);

  object_class->dispose = ivd_schedule_page_dispose;
  page_class->session_set = ivd_schedule_page_session_set;
  page_class->evaluation_changed = ivd_schedule_page_evaluation_changed;

  g_type_ensure (IVD_TYPE_DAY_STRIP);
  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/ivdischarge/IvDischarge/ivd-schedule-page.ui");
  gtk_widget_class_bind_template_child (widget_class, IvdSchedulePage, drug_row);
  gtk_widget_class_bind_template_child (widget_class, IvdSchedulePage, dose_row);
  gtk_widget_class_bind_template_child (widget_class, IvdSchedulePage, strip);
  gtk_widget_class_bind_template_child (widget_class, IvdSchedulePage, times_list);
  gtk_widget_class_bind_template_child (widget_class, IvdSchedulePage, add_time_row);
  gtk_widget_class_bind_template_child (widget_class, IvdSchedulePage, add_time_info);
  gtk_widget_class_bind_template_child (widget_class, IvdSchedulePage, pump_group);
  gtk_widget_class_bind_template_child (widget_class, IvdSchedulePage, pump_row);
  gtk_widget_class_bind_template_child (widget_class, IvdSchedulePage, pump_done_row);
  gtk_widget_class_bind_template_child (widget_class, IvdSchedulePage, minutes_spin);
  gtk_widget_class_bind_template_child (widget_class, IvdSchedulePage, days_spin);
  gtk_widget_class_bind_template_child (widget_class, IvdSchedulePage, start_row);
  gtk_widget_class_bind_template_child (widget_class, IvdSchedulePage, start_info);
  gtk_widget_class_bind_template_child (widget_class, IvdSchedulePage, today_button);
  gtk_widget_class_bind_template_child (widget_class, IvdSchedulePage, calendar);
  gtk_widget_class_bind_template_child (widget_class, IvdSchedulePage, first_dose_yes);
  gtk_widget_class_bind_template_child (widget_class, IvdSchedulePage, first_dose_no);
  gtk_widget_class_bind_template_child (widget_class, IvdSchedulePage, access_row);
  gtk_widget_class_bind_template_child (widget_class, IvdSchedulePage, alone_yes);
  gtk_widget_class_bind_template_child (widget_class, IvdSchedulePage, alone_no);
  gtk_widget_class_bind_template_callback (widget_class, on_add_time_row_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_add_time_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_pump_button_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_pump_undo_button_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_spin_output_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_start_row_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_today_button_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_calendar_popover_show_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_calendar_day_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_access_row_selected_cb);
}

static void
ivd_schedule_page_init (IvdSchedulePage *self)
{
  g_autoptr(GListModel) accesses_model = accesses_model_new ();

  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_list_box_set_sort_func (self->times_list, sort_times, self, NULL);
  /* Before the session is set: a new model selects its first item,
   * which is "not chosen". */
  adw_combo_row_set_model (self->access_row, accesses_model);
}
