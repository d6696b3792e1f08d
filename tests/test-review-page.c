#include "config.h"

#include <glib/gstdio.h>
#include <sys/stat.h>

#include "ivd-review-page.h"
#include "ivd-test-editor.h"

/* Step 8 in a real window: the outcome in words, what is still open with
 * a way to each step, and the exports: the PDF written 0600, the text on
 * the clipboard, a FHIR message the empty directory cannot carry refused
 * with a toast, and printing with the PDF's own pages. */

#define NEW_PLAN "{\"format\": \"iv-discharge-plan/1\"}"

static char *tmp_dir;

static GtkWidget *
page (IvdTestEditor *f)
{
  return ivd_test_editor_find_by_type (GTK_WIDGET (f->editor), IVD_TYPE_REVIEW_PAGE);
}

static char *
tmp_path (const char *name)
{
  return g_build_filename (tmp_dir, name, NULL);
}

/* The page count poppler reads, as the export tests do. */
static int
pdf_pages (const char *path)
{
  g_autofree char *out = NULL;
  g_autoptr(GError) error = NULL;
  const char *argv[] = { "pdfinfo", path, NULL };
  const char *pages;
  int status = 0;

  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL,
                &out, NULL, &status, &error);
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  pages = strstr (out, "Pages:");
  g_assert_nonnull (pages);
  return atoi (pages + strlen ("Pages:"));
}

static void
test_outcome (void)
{
  IvdTestEditor f = { 0 };

  ivd_test_editor_set_up (&f, IVD_TEST_ELIGIBLE_PLAN);
  g_assert_nonnull (page (&f));
  g_assert_nonnull (ivd_test_editor_find_row (page (&f), "Eligible for municipal IV treatment"));
  g_assert_nonnull (ivd_test_editor_find_label (page (&f), "Tick the open checklist items"));
  /* The summary names the patient as the referral does. */
  g_assert_nonnull (ivd_test_editor_find_label (page (&f), "Testperson Hansen, CPR 150650-1237"));
  g_assert_nonnull (ivd_test_editor_find_label (page (&f), "08:00, 14:00, 20:00; 8 days"));

  /* Night visits block: the outcome follows at once. */
  ivd_plan_set_strv (ivd_plan_session_get_plan (f.session), "treatment.administration_times",
                     (const char * const[]) { "02:00", "10:00", "18:00", NULL });
  g_assert_nonnull (ivd_test_editor_find_row (page (&f), "Not eligible: the course stays in hospital"));
  ivd_test_editor_tear_down (&f);

  ivd_test_editor_set_up (&f, NEW_PLAN);
  g_assert_nonnull (ivd_test_editor_find_row (page (&f), "Incomplete: facts are missing"));
  g_assert_nonnull (ivd_test_editor_find_label (page (&f), "not filled in, CPR not filled in"));
  ivd_test_editor_tear_down (&f);
}

static void
test_open_items (void)
{
  IvdTestEditor f = { 0 };
  GtkWidget *row;

  ivd_test_editor_set_up (&f, NEW_PLAN);
  /* Steps not done, findings that are not notes, and the way to each. */
  g_assert_nonnull (ivd_test_editor_find_row (page (&f), "Step 1: Patient and Region"));
  g_assert_null (ivd_test_editor_find_row (page (&f), "Step 8: Review and Export"));
  g_assert_nonnull (ivd_test_editor_find_label (page (&f), "DATA-REGION"));
  row = ivd_test_editor_find_row (page (&f), "Step 7: Supplies");
  g_assert_nonnull (row);

  ivd_plan_editor_set_step (f.editor, IVD_STEP_REVIEW);
  g_assert_cmpint (ivd_plan_editor_get_step (f.editor), ==, IVD_STEP_REVIEW);
  gtk_widget_activate (row);
  g_assert_cmpint (ivd_plan_editor_get_step (f.editor), ==, IVD_STEP_SUPPLIES);
  ivd_test_editor_tear_down (&f);

  /* An eligible plan: the checklist items not done yet. */
  ivd_test_editor_set_up (&f, IVD_TEST_ELIGIBLE_PLAN);
  g_assert_nonnull (ivd_test_editor_find_row (page (&f), "All prescribed IV medicine is sent."));
  g_assert_null (ivd_test_editor_find_row (page (&f), "Step 1: Patient and Region"));
  ivd_test_editor_tear_down (&f);
}

static void
test_export_pdf (void)
{
  IvdTestEditor f = { 0 };
  g_autofree char *path = tmp_path ("referral.pdf");
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autofree char *contents = NULL;
  gsize length = 0;
  GStatBuf info;

  ivd_test_editor_set_up (&f, IVD_TEST_ELIGIBLE_PLAN);
  g_assert_true (ivd_review_page_export_to_file (IVD_REVIEW_PAGE (page (&f)), IVD_EXPORT_PDF, file));
  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  g_assert_cmpuint (length, >, 5);
  g_assert_true (g_str_has_prefix (contents, "%PDF-"));
  g_assert_cmpint (g_stat (path, &info), ==, 0);
  g_assert_cmpint (info.st_mode & 0777, ==, 0600);
  g_assert_nonnull (ivd_test_editor_find_label (page (&f), "Saved as “referral.pdf”"));
  ivd_test_editor_tear_down (&f);
}

static void
on_text_read_cb (GObject      *clipboard,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  char **text = user_data;
  g_autoptr(GError) error = NULL;

  *text = gdk_clipboard_read_text_finish (GDK_CLIPBOARD (clipboard), result, &error);
  g_assert_no_error (error);
}

static char *
copy_text (IvdTestEditor *f)
{
  char *text = NULL;

  g_assert_true (gtk_widget_activate_action (page (f), "review.copy-text", NULL));
  gdk_clipboard_read_text_async (gtk_widget_get_clipboard (page (f)), NULL, on_text_read_cb, &text);
  while (text == NULL)
    g_main_context_iteration (NULL, TRUE);
  return text;
}

static void
test_copy_text (void)
{
  IvdTestEditor f = { 0 };
  g_autofree char *text = NULL;
  g_autofree char *adjusted = NULL;
  g_autofree char *no_days = NULL;

  ivd_test_editor_set_up (&f, IVD_TEST_ELIGIBLE_PLAN);
  text = copy_text (&f);

  /* The plain-text referral: the patient, the drug, no tabs. */
  g_assert_nonnull (strstr (text, "Testperson Hansen"));
  g_assert_nonnull (strstr (text, "150650-1237"));
  g_assert_nonnull (strstr (text, "24 doses"));
  g_assert_null (strchr (text, '\t'));
  g_assert_nonnull (ivd_test_editor_find_label (page (&f), "Referral copied as text"));

  /* A quantity the doctor adjusted is the one the referral gives. */
  ivd_plan_set_adjusted_supply (ivd_plan_session_get_plan (f.session), "medicine/Cefuroxim 1,5 g", 30);
  adjusted = copy_text (&f);
  g_assert_nonnull (strstr (adjusted, "30 doses"));
  g_assert_null (strstr (adjusted, "24 doses"));

  /* No treatment days: no quantity is made up. */
  ivd_plan_set_adjusted_supply (ivd_plan_session_get_plan (f.session), "medicine/Cefuroxim 1,5 g", -1);
  ivd_plan_unset (ivd_plan_session_get_plan (f.session), "treatment.days");
  no_days = copy_text (&f);
  g_assert_null (strstr (no_days, "-1 doses"));
  g_assert_null (strstr (no_days, "-1 pcs"));
  ivd_test_editor_tear_down (&f);
}

static void
test_fhir_incomplete (void)
{
  IvdTestEditor f = { 0 };
  g_autofree char *path = tmp_path ("referral.json");
  g_autoptr(GFile) file = g_file_new_for_path (path);

  /* No SOR or EAN codes anywhere: the directory is empty. */
  ivd_test_editor_set_up (&f, IVD_TEST_ELIGIBLE_PLAN);
  g_assert_false (ivd_review_page_export_to_file (IVD_REVIEW_PAGE (page (&f)), IVD_EXPORT_FHIR, file));
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
  g_assert_nonnull (ivd_test_editor_find_label (page (&f), "The FHIR message cannot be made"));

  /* The action says so before any file is chosen. */
  g_assert_true (gtk_widget_activate_action (page (&f), "review.export-fhir", NULL));
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
  ivd_test_editor_tear_down (&f);
}

static void
test_print (void)
{
  IvdTestEditor f = { 0 };
  g_autofree char *pdf_path = tmp_path ("export.pdf");
  g_autofree char *print_path = tmp_path ("printed.pdf");
  g_autoptr(GFile) pdf = g_file_new_for_path (pdf_path);
  g_autoptr(GtkPrintOperation) operation = NULL;
  g_autoptr(GError) error = NULL;
  GtkPrintOperationResult result;

  ivd_test_editor_set_up (&f, IVD_TEST_ELIGIBLE_PLAN);
  g_assert_true (ivd_review_page_export_to_file (IVD_REVIEW_PAGE (page (&f)), IVD_EXPORT_PDF, pdf));

  operation = ivd_review_page_create_print_operation (IVD_REVIEW_PAGE (page (&f)), &error);
  g_assert_no_error (error);
  gtk_print_operation_set_export_filename (operation, print_path);
  result = gtk_print_operation_run (operation, GTK_PRINT_OPERATION_ACTION_EXPORT, f.window, &error);
  g_assert_no_error (error);
  g_assert_cmpint (result, ==, GTK_PRINT_OPERATION_RESULT_APPLY);

  g_assert_cmpint (pdf_pages (print_path), >=, 2);
  g_assert_cmpint (pdf_pages (print_path), ==, pdf_pages (pdf_path));
  ivd_test_editor_tear_down (&f);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  int status;

  /* An empty municipality directory, and nothing written outside a
   * temporary folder. */
  tmp_dir = g_dir_make_tmp ("ivd-review-XXXXXX", &error);
  g_assert_no_error (error);
  g_setenv ("HOME", tmp_dir, TRUE);
  g_setenv ("XDG_DATA_HOME", tmp_dir, TRUE);
  ivd_test_editor_init (&argc, &argv);

  g_test_add_func ("/review-page/outcome", test_outcome);
  g_test_add_func ("/review-page/open-items", test_open_items);
  g_test_add_func ("/review-page/export-pdf", test_export_pdf);
  g_test_add_func ("/review-page/copy-text", test_copy_text);
  g_test_add_func ("/review-page/fhir-incomplete", test_fhir_incomplete);
  g_test_add_func ("/review-page/print", test_print);

  status = g_test_run ();
  ivd_test_remove_tree (tmp_dir);
  g_free (tmp_dir);
  return status;
}
