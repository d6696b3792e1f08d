#define G_LOG_DOMAIN "ivd-checklist-page"

#include "config.h"

#include <glib/gi18n.h>

#include "ivd-checklist-item.h"
#include "ivd-checklist-page.h"
#include "ivd-plan-binding.h"
#include "ivd-plan-steps.h"

/* Step 6: the start-up items of domain §8 that are settled at the desk
 * (FMK, treatment plan, referral, delegation, letters, ending), each a
 * check with its rule id, and the treatment plan texts the referral
 * carries. Which items there are follows from the region's agreement, so
 * the rows are made from the evaluation. */
struct _IvdChecklistPage
{
  IvdStepPage          parent_instance;

  char                *shown_ids;  /* the items the rows were made for */
  GPtrArray           *item_rows;

  AdwPreferencesGroup *progress_group;
  GtkLevelBar         *progress_bar;
  GtkLabel            *progress_label;
  AdwPreferencesGroup *status_group;
  AdwActionRow        *status_row;
  GtkWidget           *status_button;
  AdwPreferencesGroup *start_group;
  AdwPreferencesGroup *fmk_group;
  AdwPreferencesGroup *letters_group;
  AdwPreferencesGroup *plan_group;
};

G_DEFINE_FINAL_TYPE (IvdChecklistPage, ivd_checklist_page, IVD_TYPE_STEP_PAGE)

/* The texts START-PLAN and END-AGREED ask for (001 §2.3, §2.6). */
static const struct
{
  const char *path;
  const char *title;
  gboolean    long_text;
} plan_texts[] = {
  { "course.expected", N_("Expected course"), TRUE },
  { "course.observations", N_("Observations"), TRUE },
  { "course.blood_tests", N_("Suggested blood tests"), FALSE },
  { "course.medication_changes", N_("Changes in medical treatment"), TRUE },
  { "course.ending", N_("How the course ends"), TRUE },
};

static AdwPreferencesGroup *
group_for (IvdChecklistPage *self,
           const char       *id)
{
  if (g_str_has_prefix (id, "FMK-"))
    return self->fmk_group;
  if (g_str_equal (id, "GP-LETTER") || g_str_has_prefix (id, "END-"))
    return self->letters_group;
  return self->start_group;
}

static GtkWidget *
create_item_row (IvdChecklistPage *self,
                 IvdChecklistItem *item)
{
  const char *id = ivd_checklist_item_get_id (item);
  g_autofree char *path = g_strconcat ("checklist.", id, NULL);
  g_autofree char *subtitle = g_strdup_printf ("%s · %s", id, ivd_checklist_item_get_source (item));
  AdwActionRow *row = ADW_ACTION_ROW (adw_action_row_new ());
  GtkWidget *check = gtk_check_button_new ();

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), ivd_checklist_item_get_text (item));
  adw_action_row_set_subtitle (row, subtitle);
  gtk_widget_set_valign (check, GTK_ALIGN_CENTER);
  gtk_accessible_update_property (GTK_ACCESSIBLE (check), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  ivd_checklist_item_get_text (item),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, subtitle, -1);
  adw_action_row_add_prefix (row, check);
  adw_action_row_set_activatable_widget (row, check);
  ivd_plan_binding_check (GTK_CHECK_BUTTON (check), ivd_step_page_get_plan (IVD_STEP_PAGE (self)), path);
  return GTK_WIDGET (row);
}

/* This step's items, in the agreement's order. */
static GPtrArray *
dup_items (IvdChecklistPage *self)
{
  IvdEvaluation *evaluation = ivd_step_page_get_evaluation (IVD_STEP_PAGE (self));
  GListModel *checklist = evaluation ? ivd_evaluation_get_checklist (evaluation) : NULL;
  GPtrArray *items = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; checklist != NULL && i < g_list_model_get_n_items (checklist); i++)
    {
      g_autoptr(IvdChecklistItem) item = g_list_model_get_item (checklist, i);

      if (ivd_plan_steps_for_rule (ivd_checklist_item_get_id (item)) == IVD_STEP_CHECKLIST)
        g_ptr_array_add (items, g_steal_pointer (&item));
    }
  return items;
}

static char *
join_ids (GPtrArray *items)
{
  g_autoptr(GString) ids = g_string_new (NULL);

  for (guint i = 0; i < items->len; i++)
    g_string_append_printf (ids, "%s ", ivd_checklist_item_get_id (items->pdata[i]));
  return g_string_free (g_steal_pointer (&ids), FALSE);
}

static void
remove_item_rows (IvdChecklistPage *self)
{
  for (guint i = 0; i < self->item_rows->len; i++)
    {
      GtkWidget *row = self->item_rows->pdata[i];

      adw_preferences_group_remove (ADW_PREFERENCES_GROUP (gtk_widget_get_ancestor (row, ADW_TYPE_PREFERENCES_GROUP)),
                                    row);
    }
  g_ptr_array_set_size (self->item_rows, 0);
}

/* Rows are made again only when the set of items changes (another
 * region's agreement); a tick only updates its own check. */
static void
show_items (IvdChecklistPage *self,
            GPtrArray        *items)
{
  g_autofree char *ids = join_ids (items);

  if (g_strcmp0 (ids, self->shown_ids) == 0)
    return;

  remove_item_rows (self);
  for (guint i = 0; i < items->len; i++)
    {
      GtkWidget *row = create_item_row (self, items->pdata[i]);

      adw_preferences_group_add (group_for (self, ivd_checklist_item_get_id (items->pdata[i])), row);
      g_ptr_array_add (self->item_rows, row);
    }
  g_free (self->shown_ids);
  self->shown_ids = g_steal_pointer (&ids);
}

static void
show_groups (IvdChecklistPage *self,
             GPtrArray        *items)
{
  AdwPreferencesGroup *groups[] = { self->start_group, self->fmk_group, self->letters_group };

  for (guint i = 0; i < G_N_ELEMENTS (groups); i++)
    {
      gboolean used = FALSE;

      for (guint j = 0; j < items->len && !used; j++)
        used = group_for (self, ivd_checklist_item_get_id (items->pdata[j])) == groups[i];
      gtk_widget_set_visible (GTK_WIDGET (groups[i]), used);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->progress_group), items->len > 0);
  gtk_widget_set_visible (GTK_WIDGET (self->status_group), items->len == 0);
}

static void
show_progress (IvdChecklistPage *self,
               GPtrArray        *items)
{
  g_autofree char *text = NULL;
  guint done = 0;

  for (guint i = 0; i < items->len; i++)
    done += ivd_checklist_item_get_done (items->pdata[i]) ? 1 : 0;

  /* Translators: checklist progress, e.g. "3 of 9 done" */
  text = g_strdup_printf (_("%u of %u done"), done, items->len);
  gtk_label_set_label (self->progress_label, text);
  gtk_level_bar_set_max_value (self->progress_bar, MAX (items->len, 1));
  gtk_level_bar_set_value (self->progress_bar, done);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->progress_bar), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, text, -1);
}

/* Without items, say why: no municipality (so no agreement) yet, or no
 * municipal IV course at all. */
static void
show_status (IvdChecklistPage *self)
{
  IvdEvaluation *evaluation = ivd_step_page_get_evaluation (IVD_STEP_PAGE (self));
  gboolean no_course = evaluation != NULL && ivd_evaluation_get_outcome (evaluation) == IVD_OUTCOME_NOT_APPLICABLE;

  adw_action_row_set_subtitle (self->status_row,
                               no_course
                               ? _("No municipal IV course is planned (tablets or self-administration), so there is nothing to check")
                               : _("The items follow from the agreement of the patient’s region: choose the home municipality in step 1"));
  gtk_widget_set_visible (self->status_button, !no_course);
}

static void
ivd_checklist_page_evaluation_changed (IvdStepPage *page)
{
  IvdChecklistPage *self = IVD_CHECKLIST_PAGE (page);
  g_autoptr(GPtrArray) items = dup_items (self);

  show_items (self, items);
  show_groups (self, items);
  show_progress (self, items);
  show_status (self);
}

static GtkWidget *
create_long_text_row (IvdChecklistPage *self,
                      const char       *title,
                      const char       *path)
{
  GtkWidget *row = g_object_new (ADW_TYPE_PREFERENCES_ROW, "title", title, "use-markup", FALSE,
                                 "activatable", FALSE, "focusable", FALSE, NULL);
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *label = gtk_label_new (title);
  GtkWidget *frame = gtk_frame_new (NULL);
  GtkWidget *view = g_object_new (GTK_TYPE_TEXT_VIEW, "wrap-mode", GTK_WRAP_WORD_CHAR,
                                  /* Tab moves on, as everywhere else in the step. */
                                  "accepts-tab", FALSE, "height-request", 72,
                                  "top-margin", 6, "bottom-margin", 6, "left-margin", 8, "right-margin", 8, NULL);

  g_object_set (box, "margin-top", 10, "margin-bottom", 12, "margin-start", 12, "margin-end", 12, NULL);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_mnemonic_widget (GTK_LABEL (label), view);
  gtk_frame_set_child (GTK_FRAME (frame), view);
  gtk_box_append (GTK_BOX (box), label);
  gtk_box_append (GTK_BOX (box), frame);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  gtk_accessible_update_property (GTK_ACCESSIBLE (view), GTK_ACCESSIBLE_PROPERTY_LABEL, title,
                                  GTK_ACCESSIBLE_PROPERTY_MULTI_LINE, TRUE, -1);
  ivd_plan_binding_text_view (GTK_TEXT_VIEW (view), ivd_step_page_get_plan (IVD_STEP_PAGE (self)), path);
  return row;
}

static GtkWidget *
create_text_row (IvdChecklistPage *self,
                 const char       *title,
                 const char       *path)
{
  GtkWidget *row = adw_entry_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  ivd_plan_binding_text (GTK_EDITABLE (row), ivd_step_page_get_plan (IVD_STEP_PAGE (self)), path);
  return row;
}

static void
add_plan_texts (IvdChecklistPage *self)
{
  for (guint i = 0; i < G_N_ELEMENTS (plan_texts); i++)
    {
      const char *title = _(plan_texts[i].title);

      adw_preferences_group_add (self->plan_group,
                                 plan_texts[i].long_text ? create_long_text_row (self, title, plan_texts[i].path)
                                                         : create_text_row (self, title, plan_texts[i].path));
    }
}

static void
ivd_checklist_page_session_set (IvdStepPage *page)
{
  add_plan_texts (IVD_CHECKLIST_PAGE (page));
}

static void
ivd_checklist_page_dispose (GObject *object)
{
  IvdChecklistPage *self = (IvdChecklistPage *) object;

  gtk_widget_dispose_template (GTK_WIDGET (self), IVD_TYPE_CHECKLIST_PAGE);
  g_clear_pointer (&self->item_rows, g_ptr_array_unref);
  g_clear_pointer (&self->shown_ids, g_free);

  G_OBJECT_CLASS (ivd_checklist_page_parent_class)->dispose (object);
}

static void
ivd_checklist_page_class_init (IvdChecklistPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  IvdStepPageClass *page_class = IVD_STEP_PAGE_CLASS (klass);

  object_class->dispose = ivd_checklist_page_dispose;
  page_class->session_set = ivd_checklist_page_session_set;
  page_class->evaluation_changed = ivd_checklist_page_evaluation_changed;

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/ivdischarge/IvDischarge/ivd-checklist-page.ui");
  gtk_widget_class_bind_template_child (widget_class, IvdChecklistPage, progress_group);
  gtk_widget_class_bind_template_child (widget_class, IvdChecklistPage, progress_bar);
  gtk_widget_class_bind_template_child (widget_class, IvdChecklistPage, progress_label);
  gtk_widget_class_bind_template_child (widget_class, IvdChecklistPage, status_group);
  gtk_widget_class_bind_template_child (widget_class, IvdChecklistPage, status_row);
  gtk_widget_class_bind_template_child (widget_class, IvdChecklistPage, status_button);
  gtk_widget_class_bind_template_child (widget_class, IvdChecklistPage, start_group);
  gtk_widget_class_bind_template_child (widget_class, IvdChecklistPage, fmk_group);
  gtk_widget_class_bind_template_child (widget_class, IvdChecklistPage, letters_group);
  gtk_widget_class_bind_template_child (widget_class, IvdChecklistPage, plan_group);
}

static void
ivd_checklist_page_init (IvdChecklistPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->item_rows = g_ptr_array_new ();
}
