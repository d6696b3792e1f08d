#define G_LOG_DOMAIN "ivd-eligibility-page"

#include "config.h"

#include <glib/gi18n.h>

#include "ivd-eligibility-page.h"
#include "ivd-labels.h"
#include "ivd-plan-binding.h"
#include "ivd-rule-lookup.h"

/* Step 2: the target group of the agreement as plain yes/no questions, and
 * where the treatment is given. The questions are the region's own rule
 * texts where its rule set has them; findings follow each answer. */

typedef struct
{
  const char *path;
  const char *question;  /* when the region's rules ask none */
} Fact;

static const Fact facts[] = {
  { "started_in_hospital", N_("Was the IV treatment started in hospital?") },
  { "stable", N_("Is the citizen’s condition and course stable?") },
  { "requires_admission", N_("Does the need for IV treatment require admission?") },
  { "medically_suitable", N_("Has a doctor assessed the citizen medically suitable for IV treatment in municipal care?") },
  { "patient_consents", N_("Does the citizen accept IV treatment in municipal care?") },
  { "patient_informed", N_("Has the citizen been told that the hospital keeps treatment responsibility, and what "
                           "happens if something unforeseen occurs?") },
};

static const Fact home_fact = {
  "place.home_assessed_suitable", N_("Have municipal staff assessed the home suitable?")
};

static const Fact place_fact = { "place.kind", N_("Where will the treatment be given?") };

/* The plan file's place kinds (design.md); position 0 of the list is "not
 * chosen", so a new plan shows no place until the doctor picks one. */
static const char * const places[] = {
  "home", "nursing_home", "residential", "clinic", "acute_bed", "temporary_bed", NULL
};

/* Without a rule on the home, design.md's own list: the home question
 * belongs to the citizen's own home, nursing home and residential facility. */
static const char * const home_places[] = { "home", "nursing_home", "residential", NULL };

#define N_FACTS G_N_ELEMENTS (facts)

struct _IvdEligibilityPage
{
  IvdStepPage          parent_instance;

  AdwActionRow        *fact_rows[N_FACTS];
  GtkWidget           *fact_pairs[N_FACTS];
  AdwActionRow        *home_row;
  GtkWidget           *home_pair;

  AdwPreferencesGroup *criteria_group;
  AdwPreferencesGroup *place_group;
  AdwComboRow         *place_row;
};

G_DEFINE_FINAL_TYPE (IvdEligibilityPage, ivd_eligibility_page, IVD_TYPE_STEP_PAGE)

/* A Yes/No pair; the binding leaves both up while the question is open. */
static GtkWidget *
yes_no_new (AdwActionRow  *row,
            GtkWidget    **yes,
            GtkWidget    **no)
{
  GtkWidget *pair = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);

  *yes = gtk_toggle_button_new_with_label (_("Yes"));
  *no = gtk_toggle_button_new_with_label (_("No"));
  gtk_widget_set_valign (pair, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (pair, "linked");
  gtk_box_append (GTK_BOX (pair), *yes);
  gtk_box_append (GTK_BOX (pair), *no);
  adw_action_row_add_suffix (row, pair);
  return pair;
}

static AdwActionRow *
fact_row_new (IvdEligibilityPage *self,
              const Fact         *fact,
              GtkWidget         **pair)
{
  AdwActionRow *row = ADW_ACTION_ROW (adw_action_row_new ());
  IvdPlan *plan = ivd_step_page_get_plan (IVD_STEP_PAGE (self));
  GtkWidget *yes, *no;

  *pair = yes_no_new (row, &yes, &no);
  ivd_plan_binding_yes_no (GTK_TOGGLE_BUTTON (yes), GTK_TOGGLE_BUTTON (no), plan, fact->path);
  return row;
}

/* The row's title is the question; the pair is named by it too, so a
 * screen reader says what "Yes" answers. */
static void
set_question (AdwPreferencesRow *row,
              GtkWidget         *pair,
              IvdRuleSet        *rules,
              const Fact        *fact)
{
  const char *question = ivd_rule_lookup_question (rules, fact->path);

  if (question == NULL)
    question = _(fact->question);
  adw_preferences_row_set_title (row, question);
  if (pair != NULL)
    gtk_accessible_update_property (GTK_ACCESSIBLE (pair), GTK_ACCESSIBLE_PROPERTY_LABEL, question, -1);
}

static void
show_questions (IvdEligibilityPage *self)
{
  IvdRuleSet *rules = ivd_step_page_get_rule_set (IVD_STEP_PAGE (self));

  for (guint i = 0; i < N_FACTS; i++)
    set_question (ADW_PREFERENCES_ROW (self->fact_rows[i]), self->fact_pairs[i], rules, &facts[i]);
  set_question (ADW_PREFERENCES_ROW (self->home_row), self->home_pair, rules, &home_fact);
  set_question (ADW_PREFERENCES_ROW (self->place_row), NULL, rules, &place_fact);

  /* With no region there are no rules, and so no findings yet. */
  adw_preferences_group_set_description (self->criteria_group,
                                         rules != NULL
                                         ? _("Every criterion must hold. A question left unanswered stays open.")
                                         : _("Every criterion must hold. The findings follow once the home "
                                             "municipality, and with it the agreement, is chosen in step 1."));
}

static guint
position_of (const char *kind)
{
  for (guint i = 0; kind != NULL && places[i] != NULL; i++)
    if (g_str_equal (places[i], kind))
      return i + 1;
  return 0;
}

static void
show_place (IvdEligibilityPage *self)
{
  IvdPlan *plan = ivd_step_page_get_plan (IVD_STEP_PAGE (self));
  const char *kind = ivd_plan_get_string (plan, "place.kind");
  guint position = position_of (kind);
  gboolean asked = FALSE;

  if (adw_combo_row_get_selected (self->place_row) != position)
    adw_combo_row_set_selected (self->place_row, position);

  if (!ivd_rule_lookup_applies (ivd_step_page_get_rule_set (IVD_STEP_PAGE (self)), home_fact.path, plan, &asked))
    asked = kind != NULL && g_strv_contains (home_places, kind);
  gtk_widget_set_visible (GTK_WIDGET (self->home_row), asked);
}

static GListModel *
places_model_new (void)
{
  GtkStringList *list = gtk_string_list_new (NULL);

  gtk_string_list_append (list, _("Not chosen"));
  for (guint i = 0; places[i] != NULL; i++)
    gtk_string_list_append (list, ivd_labels_place (places[i]));
  return G_LIST_MODEL (list);
}

static void
on_place_row_selected_cb (IvdEligibilityPage *self)
{
  IvdPlan *plan = ivd_step_page_get_plan (IVD_STEP_PAGE (self));
  guint position;
  const char *kind = NULL;

  if (plan == NULL)
    return;

  position = adw_combo_row_get_selected (self->place_row);
  if (position > 0 && position <= g_strv_length ((char **) places))
    kind = places[position - 1];
  if (g_strcmp0 (kind, ivd_plan_get_string (plan, "place.kind")) == 0)
    return;

  /* "Not chosen" takes the answer back: a missing fact stays missing. */
  if (kind != NULL)
    ivd_plan_set_string (plan, "place.kind", kind);
  else
    ivd_plan_unset (plan, "place.kind");
}

static void
ivd_eligibility_page_session_set (IvdStepPage *page)
{
  IvdEligibilityPage *self = IVD_ELIGIBILITY_PAGE (page);

  for (guint i = 0; i < N_FACTS; i++)
    {
      self->fact_rows[i] = fact_row_new (self, &facts[i], &self->fact_pairs[i]);
      adw_preferences_group_add (self->criteria_group, GTK_WIDGET (self->fact_rows[i]));
    }

  self->home_row = fact_row_new (self, &home_fact, &self->home_pair);
  adw_preferences_group_add (self->place_group, GTK_WIDGET (self->home_row));
}

static void
ivd_eligibility_page_evaluation_changed (IvdStepPage *page)
{
  IvdEligibilityPage *self = IVD_ELIGIBILITY_PAGE (page);

  show_questions (self);
  show_place (self);
}

static void
ivd_eligibility_page_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), IVD_TYPE_ELIGIBILITY_PAGE);

  G_OBJECT_CLASS (ivd_eligibility_page_parent_class)->dispose (object);
}

static void
ivd_eligibility_page_class_init (IvdEligibilityPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  IvdStepPageClass *page_class = IVD_STEP_PAGE_CLASS (klass);

  object_class->dispose = ivd_eligibility_page_dispose;
  page_class->session_set = ivd_eligibility_page_session_set;
  page_class->evaluation_changed = ivd_eligibility_page_evaluation_changed;

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/ivdischarge/IvDischarge/ivd-eligibility-page.ui");
  gtk_widget_class_bind_template_child (widget_class, IvdEligibilityPage, criteria_group);
  gtk_widget_class_bind_template_child (widget_class, IvdEligibilityPage, place_group);
  gtk_widget_class_bind_template_child (widget_class, IvdEligibilityPage, place_row);
  gtk_widget_class_bind_template_callback (widget_class, on_place_row_selected_cb);
}

static void
ivd_eligibility_page_init (IvdEligibilityPage *self)
{
  g_autoptr(GListModel) places_model = places_model_new ();

  gtk_widget_init_template (GTK_WIDGET (self));
  /* Before the session is set: a new model selects its first item,
   * which is "not chosen". */
  adw_combo_row_set_model (self->place_row, places_model);
}
