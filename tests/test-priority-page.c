#include "config.h"

#include "ivd-findings-group.h"
#include "ivd-priority-page.h"
#include "ivd-test-editor.h"

/* Step 3 in a real window: the four forms in the agreement's order, a
 * reason asked against each form above the chosen one (PRIO-ORDER), the
 * treatment type (COVER-*), and tablets or self-administration ending the
 * flow with a note for the record. */

#define PLAN "{\"format\": \"iv-discharge-plan/1\", \"patient\": {\"municipality_code\": \"101\"}}"

#define TABLETS "1. Tablets"
#define SELF "2. Self-administration"
#define PUMP "3. IV pump (24-hour)"
#define INTERMITTENT "4. IV infusions 2–4 times a day"

#define WHY_TABLETS "Why not tablets?"
#define WHY_SELF "Why not self-administration?"
#define WHY_PUMP "Why not an IV pump?"

static GtkWidget *
page (IvdTestEditor *f)
{
  return ivd_test_editor_find_by_type (GTK_WIDGET (f->editor), IVD_TYPE_PRIORITY_PAGE);
}

static void
set_up (IvdTestEditor *f)
{
  ivd_test_editor_set_up (f, PLAN);
  ivd_plan_editor_set_step (f->editor, IVD_STEP_PRIORITY);
}

static GtkWidget *
row (IvdTestEditor *f,
     const char    *title)
{
  GtkWidget *found = ivd_test_editor_find_row (page (f), title);

  g_assert_nonnull (found);
  return found;
}

static GtkCheckButton *
check (IvdTestEditor *f,
       const char    *title)
{
  return GTK_CHECK_BUTTON (ivd_test_editor_find_by_type (row (f, title), GTK_TYPE_CHECK_BUTTON));
}

static void
choose (IvdTestEditor *f,
        const char    *title)
{
  gtk_check_button_set_active (check (f, title), TRUE);
}

/* Shown on the screen: the widget and all it sits in. */
static gboolean
shown (IvdTestEditor *f,
       const char    *title)
{
  return gtk_widget_is_visible (row (f, title));
}

static int
severity (IvdTestEditor *f,
          const char    *rule_id)
{
  return ivd_test_finding_severity (ivd_plan_session_get_evaluation (f->session), rule_id);
}

static gboolean
finding_shown (IvdTestEditor *f,
               const char    *rule_id)
{
  GtkWidget *findings = ivd_test_editor_find_by_type (page (f), IVD_TYPE_FINDINGS_GROUP);

  return gtk_widget_get_visible (findings) && ivd_test_editor_find_label (findings, rule_id) != NULL;
}

/* The status group's note, when it is on the screen. */
static const char *
note (IvdTestEditor *f)
{
  GtkLabel *title = ivd_test_editor_find_label (page (f), "No Municipal IV Course");

  if (title == NULL || !gtk_widget_is_visible (GTK_WIDGET (title)))
    return NULL;
  for (GtkWidget *w = GTK_WIDGET (title); w != NULL; w = gtk_widget_get_parent (w))
    if (ADW_IS_PREFERENCES_GROUP (w))
      {
        GtkLabel *label = ivd_test_editor_find_label (w, "No municipal IV course:");

        g_assert_nonnull (label);
        g_assert_true (gtk_label_get_selectable (label));
        return gtk_label_get_label (label);
      }
  g_assert_not_reached ();
}

static void
test_controls (void)
{
  IvdTestEditor f = { 0 };
  const char *rows[] = { TABLETS, SELF, PUMP, INTERMITTENT, "IV antibiotics", "IV isotonic fluid", "Other IV preparation" };

  set_up (&f);
  g_assert_nonnull (page (&f));

  /* Nothing chosen for a new plan: no check on, no form stored. */
  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    {
      g_assert_true (shown (&f, rows[i]));
      g_assert_false (gtk_check_button_get_active (check (&f, rows[i])));
    }
  g_assert_false (ivd_plan_has (ivd_plan_session_get_plan (f.session), "treatment.form"));
  g_assert_false (ivd_plan_has (ivd_plan_session_get_plan (f.session), "treatment.type"));

  /* The forms in the agreement's order, top to bottom. */
  g_assert_true (gtk_widget_get_next_sibling (row (&f, TABLETS)) == row (&f, SELF));
  g_assert_true (gtk_widget_get_next_sibling (row (&f, SELF)) == row (&f, PUMP));
  g_assert_true (gtk_widget_get_next_sibling (row (&f, PUMP)) == row (&f, INTERMITTENT));

  g_assert_false (shown (&f, WHY_TABLETS));
  g_assert_null (note (&f));
  g_assert_true (finding_shown (&f, "PRIO-ORDER"));
  g_assert_true (finding_shown (&f, "COVER-TYPES"));
  ivd_test_editor_tear_down (&f);
}

static void
test_reasons (void)
{
  IvdTestEditor f = { 0 };
  g_autofree char *form = NULL;
  g_autofree char *reason = NULL;

  set_up (&f);
  choose (&f, INTERMITTENT);
  g_assert_cmpstr (ivd_plan_get_string (ivd_plan_session_get_plan (f.session), "treatment.form"), ==, "iv_intermittent");

  /* The lowest form: a reason against each of the three above it. */
  g_assert_true (shown (&f, WHY_TABLETS));
  g_assert_true (shown (&f, WHY_SELF));
  g_assert_true (shown (&f, WHY_PUMP));
  g_assert_cmpint (severity (&f, "PRIO-ORDER"), ==, IVD_SEVERITY_MISSING);
  g_assert_true (finding_shown (&f, "PRIO-ORDER"));
  g_assert_nonnull (ivd_test_editor_find_label (page (&f), "A reason is missing for not choosing: tablets, "
                                                "self-administration, IV pump"));

  gtk_editable_set_text (GTK_EDITABLE (row (&f, WHY_TABLETS)), "No oral alternative");
  gtk_editable_set_text (GTK_EDITABLE (row (&f, WHY_SELF)), "Cannot manage it");
  g_assert_true (finding_shown (&f, "PRIO-ORDER"));
  g_assert_nonnull (ivd_test_editor_find_label (page (&f), "A reason is missing for not choosing: IV pump"));

  /* Every reason given: the finding goes. */
  gtk_editable_set_text (GTK_EDITABLE (row (&f, WHY_PUMP)), "Not stable for 24 hours");
  g_assert_cmpint (severity (&f, "PRIO-ORDER"), ==, -1);
  g_assert_false (finding_shown (&f, "PRIO-ORDER"));

  ivd_test_editor_wait_saved (&f);
  form = ivd_test_editor_stored_string (&f, "treatment.form");
  reason = ivd_test_editor_stored_string (&f, "alternatives.iv_pump");
  g_assert_cmpstr (form, ==, "iv_intermittent");
  g_assert_cmpstr (reason, ==, "Not stable for 24 hours");

  /* The pump chosen instead: no reason against itself; one check on. */
  choose (&f, PUMP);
  g_assert_false (gtk_check_button_get_active (check (&f, INTERMITTENT)));
  g_assert_true (shown (&f, WHY_TABLETS));
  g_assert_true (shown (&f, WHY_SELF));
  g_assert_false (shown (&f, WHY_PUMP));
  g_assert_cmpint (severity (&f, "PRIO-ORDER"), ==, -1);

  /* An emptied reason is missing again. */
  gtk_editable_set_text (GTK_EDITABLE (row (&f, WHY_SELF)), "  ");
  g_assert_cmpint (severity (&f, "PRIO-ORDER"), ==, IVD_SEVERITY_MISSING);
  ivd_test_editor_tear_down (&f);
}

static GtkWidget *
copy_button (IvdTestEditor *f)
{
  GtkWidget *w = GTK_WIDGET (ivd_test_editor_find_label (page (f), "Copy Note"));

  while (w != NULL && !GTK_IS_BUTTON (w))
    w = gtk_widget_get_parent (w);
  g_assert_nonnull (w);
  return w;
}

static void
test_tablets (void)
{
  IvdTestEditor f = { 0 };
  g_autofree char *form = NULL;
  g_autoptr(GError) error = NULL;
  GdkContentProvider *content;
  GValue value = G_VALUE_INIT;

  set_up (&f);
  choose (&f, TABLETS);

  /* The flow ends: no municipal IV course, no reasons to give. */
  g_assert_cmpint (ivd_evaluation_get_outcome (ivd_plan_session_get_evaluation (f.session)), ==,
                   IVD_OUTCOME_NOT_APPLICABLE);
  g_assert_false (shown (&f, WHY_TABLETS));
  g_assert_cmpint (severity (&f, "PRIO-ORDER"), ==, IVD_SEVERITY_INFO);
  g_assert_true (finding_shown (&f, "PRIO-ORDER"));

  /* The note for the record, with the FMK and dose dispensing reminder. */
  g_assert_nonnull (note (&f));
  g_assert_nonnull (strstr (note (&f), "continues as tablets"));
  g_assert_nonnull (strstr (note (&f), "update FMK (Fælles Medicinkort)"));
  g_assert_nonnull (strstr (note (&f), "dose dispensing (dosisdispensering)"));

  /* Copied as it stands in one click. */
  gtk_widget_activate (copy_button (&f));
  /* A button pressed by key clicks when it comes up, a moment later. */
  for (gint64 end = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;
       gdk_clipboard_get_content (gtk_widget_get_clipboard (page (&f))) == NULL && g_get_monotonic_time () < end;)
    g_main_context_iteration (NULL, FALSE);
  content = gdk_clipboard_get_content (gtk_widget_get_clipboard (page (&f)));
  g_assert_nonnull (content);
  g_value_init (&value, G_TYPE_STRING);
  g_assert_true (gdk_content_provider_get_value (content, &value, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (g_value_get_string (&value), ==, note (&f));
  g_value_unset (&value);

  ivd_test_editor_wait_saved (&f);
  form = ivd_test_editor_stored_string (&f, "treatment.form");
  g_assert_cmpstr (form, ==, "tablets");

  /* An IV form again: the status goes. */
  choose (&f, PUMP);
  g_assert_null (note (&f));
  g_assert_true (shown (&f, WHY_TABLETS));
  ivd_test_editor_tear_down (&f);
}

static void
test_self_administration (void)
{
  IvdTestEditor f = { 0 };

  set_up (&f);
  choose (&f, SELF);

  /* Ends the flow too; the reason against tablets goes into the note. */
  g_assert_true (shown (&f, WHY_TABLETS));
  g_assert_false (shown (&f, WHY_SELF));
  gtk_editable_set_text (GTK_EDITABLE (row (&f, WHY_TABLETS)), "Cannot swallow");
  g_assert_nonnull (note (&f));
  g_assert_nonnull (strstr (note (&f), "self-administration"));
  g_assert_nonnull (strstr (note (&f), "Tablets are not used because: Cannot swallow"));
  g_assert_nonnull (strstr (note (&f), "update FMK"));
  g_assert_null (strstr (note (&f), "dosisdispensering"));
  ivd_test_editor_tear_down (&f);
}

static void
test_type (void)
{
  IvdTestEditor f = { 0 };
  g_autofree char *type = NULL;

  set_up (&f);
  g_assert_cmpint (severity (&f, "COVER-TYPES"), ==, IVD_SEVERITY_MISSING);

  choose (&f, "IV antibiotics");
  g_assert_cmpint (severity (&f, "COVER-TYPES"), ==, -1);
  g_assert_false (finding_shown (&f, "COVER-TYPES"));

  /* Another preparation: always an individual assessment. */
  choose (&f, "Other IV preparation");
  g_assert_false (gtk_check_button_get_active (check (&f, "IV antibiotics")));
  g_assert_cmpint (severity (&f, "COVER-OTHER"), ==, IVD_SEVERITY_REVIEW);
  g_assert_true (finding_shown (&f, "COVER-OTHER"));

  ivd_test_editor_wait_saved (&f);
  type = ivd_test_editor_stored_string (&f, "treatment.type");
  g_assert_cmpstr (type, ==, "other");

  /* Set elsewhere: the checks follow. */
  ivd_plan_set_string (ivd_plan_session_get_plan (f.session), "treatment.type", "fluid");
  g_assert_true (gtk_check_button_get_active (check (&f, "IV isotonic fluid")));
  g_assert_false (gtk_check_button_get_active (check (&f, "Other IV preparation")));
  ivd_plan_unset (ivd_plan_session_get_plan (f.session), "treatment.type");
  g_assert_false (gtk_check_button_get_active (check (&f, "IV isotonic fluid")));
  ivd_test_editor_tear_down (&f);
}

int
main (int   argc,
      char *argv[])
{
  ivd_test_editor_init (&argc, &argv);

  g_test_add_func ("/priority-page/controls", test_controls);
  g_test_add_func ("/priority-page/reasons", test_reasons);
  g_test_add_func ("/priority-page/tablets", test_tablets);
  g_test_add_func ("/priority-page/self-administration", test_self_administration);
  g_test_add_func ("/priority-page/type", test_type);

  return g_test_run ();
}
