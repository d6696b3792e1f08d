#define G_LOG_DOMAIN "ivd-patient-page"

#include "config.h"

#include <glib/gi18n.h>

#include "ivd-codes.h"
#include "ivd-cpr.h"
#include "ivd-labels.h"
#include "ivd-patient-page.h"
#include "ivd-plan-binding.h"

/* Step 1: who the patient is and where they live. The CPR number is
 * checked as it is typed (age and sex shown beside it); the municipality
 * is searchable and the region, and with it the agreement, follows. */
struct _IvdPatientPage
{
  IvdStepPage       parent_instance;

  GtkSortListModel *municipalities;

  AdwEntryRow      *cpr_row;
  GtkLabel         *cpr_info;
  AdwEntryRow      *name_row;
  GtkDropDown      *municipality_dropdown;
  AdwActionRow     *region_row;
  AdwEntryRow      *department_row;
  AdwEntryRow      *phone_row;
  AdwEntryRow      *doctor_row;
  AdwEntryRow      *sor_row;
  AdwEntryRow      *ean_row;
};

G_DEFINE_FINAL_TYPE (IvdPatientPage, ivd_patient_page, IVD_TYPE_STEP_PAGE)

/* Age and sex from a valid number; the reason from a complete invalid
 * one; nothing while it is still being typed. */
static void
show_cpr (IvdPatientPage *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->cpr_row));
  g_autofree char *digits = ivd_cpr_normalize (text);
  g_autoptr(GError) error = NULL;
  g_autofree char *info = NULL;
  IvdEvaluation *evaluation = ivd_step_page_get_evaluation (IVD_STEP_PAGE (self));
  gboolean complete = digits != NULL || strlen (text) > 11;
  GDate birth;
  IvdSex sex;

  if (complete && ivd_cpr_parse (text, &birth, &sex, &error))
    {
      int age = evaluation ? ivd_evaluation_get_age (evaluation) : -1;
      const char *sex_text = sex == IVD_SEX_MALE ? _("male") : _("female");

      info = age >= 0 ? g_strdup_printf (_("%d years, %s"), age, sex_text) : g_strdup (sex_text);
      gtk_widget_remove_css_class (GTK_WIDGET (self->cpr_row), "error");
    }
  else if (complete)
    {
      info = g_strdup (error != NULL ? error->message : _("Not a CPR number"));
      gtk_widget_add_css_class (GTK_WIDGET (self->cpr_row), "error");
    }
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->cpr_row), "error");

  gtk_label_set_label (self->cpr_info, info != NULL ? info : "");
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->cpr_row), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                  info != NULL ? info : "", -1);
}

static guint
position_of (IvdPatientPage *self,
             const char     *code)
{
  GListModel *model = G_LIST_MODEL (self->municipalities);

  for (guint i = 0; code != NULL && i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(IvdMunicipality) municipality = g_list_model_get_item (model, i);

      if (g_str_equal (ivd_municipality_get_code (municipality), code))
        return i;
    }
  return GTK_INVALID_LIST_POSITION;
}

static void
show_municipality (IvdPatientPage *self)
{
  IvdPlan *plan = ivd_step_page_get_plan (IVD_STEP_PAGE (self));
  const char *code = ivd_plan_get_string (plan, "patient.municipality_code");
  IvdEvaluation *evaluation = ivd_step_page_get_evaluation (IVD_STEP_PAGE (self));
  const char *region = evaluation ? ivd_evaluation_get_region (evaluation) : NULL;
  guint position = position_of (self, code);

  if (gtk_drop_down_get_selected (self->municipality_dropdown) != position)
    gtk_drop_down_set_selected (self->municipality_dropdown, position);
  adw_action_row_set_subtitle (self->region_row, region ? ivd_labels_region (region) : _("Follows from the municipality"));
}

static void
on_cpr_row_changed_cb (IvdPatientPage *self)
{
  if (ivd_step_page_get_session (IVD_STEP_PAGE (self)) != NULL)
    show_cpr (self);
}

/* A SOR or EAN code is marked once it is long enough to judge: an EAN
 * with a wrong check digit is a mistyped digit. */
static void
on_code_row_changed_cb (AdwEntryRow *row)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (row));
  gboolean ean = g_object_get_data (G_OBJECT (row), "ivd-ean") != NULL;
  gsize length = strlen (text);
  gboolean judged = ean ? length >= IVD_EAN_DIGITS : length > IVD_SOR_MAX_DIGITS;
  gboolean valid = length == 0 || (ean ? ivd_codes_ean_is_valid (text) : ivd_codes_sor_is_valid (text));

  if (!valid && (judged || strspn (text, "0123456789") != length))
    gtk_widget_add_css_class (GTK_WIDGET (row), "error");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (row), "error");
}

static void
on_municipality_selected_cb (IvdPatientPage *self)
{
  IvdPlan *plan = ivd_step_page_get_plan (IVD_STEP_PAGE (self));
  g_autoptr(IvdMunicipality) municipality = NULL;
  const char *current;

  if (plan == NULL)
    return;

  municipality = gtk_drop_down_get_selected_item (self->municipality_dropdown)
                 ? g_object_ref (gtk_drop_down_get_selected_item (self->municipality_dropdown)) : NULL;
  current = ivd_plan_get_string (plan, "patient.municipality_code");
  if (municipality != NULL && g_strcmp0 (current, ivd_municipality_get_code (municipality)) != 0)
    {
      /* The region follows the municipality: a region typed by hand
       * that disagreed would only block the evaluation. */
      ivd_plan_unset (plan, "region");
      ivd_plan_set_string (plan, "patient.municipality_code", ivd_municipality_get_code (municipality));
    }
}

static void
ivd_patient_page_evaluation_changed (IvdStepPage *page)
{
  IvdPatientPage *self = IVD_PATIENT_PAGE (page);

  show_cpr (self);
  show_municipality (self);
}

static void
ivd_patient_page_session_set (IvdStepPage *page)
{
  IvdPatientPage *self = IVD_PATIENT_PAGE (page);
  IvdCatalog *catalog = ivd_store_get_catalog (ivd_plan_session_get_store (ivd_step_page_get_session (page)));
  IvdPlan *plan = ivd_step_page_get_plan (page);
  g_autoptr(GtkSorter) sorter = NULL;

  /* Sorted by name, as a doctor looks for them. */
  sorter = GTK_SORTER (gtk_string_sorter_new (gtk_property_expression_new (IVD_TYPE_MUNICIPALITY, NULL, "name")));
  self->municipalities = gtk_sort_list_model_new (g_object_ref (ivd_catalog_get_municipalities (catalog)),
                                                  g_steal_pointer (&sorter));
  /* The drop-down selects its first item on a new model, which must not
   * become the patient's municipality. */
  g_signal_handlers_block_by_func (self->municipality_dropdown, on_municipality_selected_cb, self);
  gtk_drop_down_set_model (self->municipality_dropdown, G_LIST_MODEL (self->municipalities));
  g_signal_handlers_unblock_by_func (self->municipality_dropdown, on_municipality_selected_cb, self);

  ivd_plan_binding_text (GTK_EDITABLE (self->cpr_row), plan, "patient.cpr");
  ivd_plan_binding_text (GTK_EDITABLE (self->name_row), plan, "patient.name");
  ivd_plan_binding_text (GTK_EDITABLE (self->department_row), plan, "responsible.department");
  ivd_plan_binding_text (GTK_EDITABLE (self->phone_row), plan, "responsible.phone");
  ivd_plan_binding_text (GTK_EDITABLE (self->doctor_row), plan, "responsible.doctor");
  ivd_plan_binding_text (GTK_EDITABLE (self->sor_row), plan, "responsible.sor");
  ivd_plan_binding_text (GTK_EDITABLE (self->ean_row), plan, "responsible.ean");
}

static void
ivd_patient_page_dispose (GObject *object)
{
  IvdPatientPage *self = (IvdPatientPage *) object;

  gtk_widget_dispose_template (GTK_WIDGET (self), IVD_TYPE_PATIENT_PAGE);
  g_clear_object (&self->municipalities);

  G_OBJECT_CLASS (ivd_patient_page_parent_class)->dispose (object);
}

static void
ivd_patient_page_class_init (IvdPatientPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  IvdStepPageClass *page_class = IVD_STEP_PAGE_CLASS (klass);

  object_class->dispose = ivd_patient_page_dispose;
  page_class->session_set = ivd_patient_page_session_set;
  page_class->evaluation_changed = ivd_patient_page_evaluation_changed;

  g_type_ensure (IVD_TYPE_MUNICIPALITY);
  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/ivdischarge/IvDischarge/ivd-patient-page.ui");
  gtk_widget_class_bind_template_child (widget_class, IvdPatientPage, cpr_row);
  gtk_widget_class_bind_template_child (widget_class, IvdPatientPage, cpr_info);
  gtk_widget_class_bind_template_child (widget_class, IvdPatientPage, name_row);
  gtk_widget_class_bind_template_child (widget_class, IvdPatientPage, municipality_dropdown);
  gtk_widget_class_bind_template_child (widget_class, IvdPatientPage, region_row);
  gtk_widget_class_bind_template_child (widget_class, IvdPatientPage, department_row);
  gtk_widget_class_bind_template_child (widget_class, IvdPatientPage, phone_row);
  gtk_widget_class_bind_template_child (widget_class, IvdPatientPage, doctor_row);
  gtk_widget_class_bind_template_child (widget_class, IvdPatientPage, sor_row);
  gtk_widget_class_bind_template_child (widget_class, IvdPatientPage, ean_row);
  gtk_widget_class_bind_template_callback (widget_class, on_cpr_row_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_municipality_selected_cb);
}

static void
ivd_patient_page_init (IvdPatientPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  g_object_set_data (G_OBJECT (self->ean_row), "ivd-ean", GINT_TO_POINTER (1));
  g_signal_connect (self->sor_row, "changed", G_CALLBACK (on_code_row_changed_cb), NULL);
  g_signal_connect (self->ean_row, "changed", G_CALLBACK (on_code_row_changed_cb), NULL);
}
