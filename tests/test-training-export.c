#include <json-glib/json-glib.h>

#include "ivd-test-process.h"

/* Every export of a training case carries the training mark (issue 7):
 * each page of the referral PDF and of the handout, the first and last
 * line of the text, the HTEST tag on the FHIR bundle and each resource;
 * a real plan's exports carry none. The binary runs as a process, in
 * Danish; messages never print the documents (they name a patient). */

#define MARK "Træning – fiktive patienter"
#define PDF_MARK "TRÆNING – FIKTIVE PATIENTER"

static const char * const danish[] = { "LANGUAGE=da", "LC_ALL=C.UTF-8", NULL };

static char *
case_path (void)
{
  return g_build_filename (g_getenv ("IVD_DATA_DIR"), "training", "01-eligible-hovedstaden-antibiotic.json", NULL);
}

static char *
tool_output (const char * const *argv)
{
  g_autofree char *out = NULL;
  g_autoptr(GError) error = NULL;
  int status = 0;

  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDERR_TO_DEV_NULL,
                               NULL, NULL, &out, NULL, &status, &error));
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  return g_steal_pointer (&out);
}

static char *
export (const char *plan,
        const char *format,
        const char *dir)
{
  g_autofree char *directory = g_test_build_filename (G_TEST_DIST, "data", "directory.json", NULL);
  char *output = g_strdup_printf ("%s/out.%s", dir, format);
  g_auto(IvdTestRun) run = { 0, };

  ivd_test_run ((const char *[]) { "--export", plan, "--format", format, "--output", output,
                                   "--directory", directory, NULL }, danish, NULL, 0, &run);
  g_assert_cmpint (run.status, ==, 0);
  return output;
}

static guint
count_pages (const char *pdf)
{
  g_autofree char *info = tool_output ((const char * const[]) { "pdfinfo", pdf, NULL });
  const char *pages = strstr (info, "Pages:");

  g_assert_nonnull (pages);
  return (guint) g_ascii_strtoull (pages + strlen ("Pages:"), NULL, 10);
}

static void
assert_every_page_marked (const char *pdf,
                          gboolean    marked)
{
  guint n = count_pages (pdf);

  g_assert_cmpuint (n, >=, 1);
  for (guint page = 1; page <= n; page++)
    {
      g_autofree char *number = g_strdup_printf ("%u", page);
      g_autofree char *text = tool_output ((const char * const[]) { "pdftotext", "-enc", "UTF-8", "-f", number,
                                                                    "-l", number, pdf, "-", NULL });
      if ((strstr (text, PDF_MARK) != NULL) != marked)
        g_error ("page %u of %u: the training mark is %s", page, n, marked ? "missing" : "there");
    }
}

static void
test_pdf (gconstpointer data)
{
  const char *format = data;
  g_autofree char *dir = g_dir_make_tmp ("ivd-training-export-XXXXXX", NULL);
  g_autofree char *plan = case_path ();
  g_autofree char *real = g_test_build_filename (G_TEST_DIST, "data", "referral-plan.json", NULL);
  g_autofree char *pdf = export (plan, format, dir);

  assert_every_page_marked (pdf, TRUE);
  g_free (pdf);
  pdf = export (real, format, dir);
  assert_every_page_marked (pdf, FALSE);
  ivd_test_remove_tree (dir);
}

static void
test_text (void)
{
  g_autofree char *dir = g_dir_make_tmp ("ivd-training-export-XXXXXX", NULL);
  g_autofree char *plan = case_path ();
  g_autofree char *real = g_test_build_filename (G_TEST_DIST, "data", "referral-plan.json", NULL);
  g_autofree char *path = export (plan, "text", dir);
  g_autofree char *text = NULL;
  g_autofree char *real_path = NULL;
  g_autofree char *real_text = NULL;
  g_auto(GStrv) lines = NULL;
  guint n;

  g_assert_true (g_file_get_contents (path, &text, NULL, NULL));
  g_strchomp (text);
  lines = g_strsplit (text, "\n", -1);
  n = g_strv_length (lines);
  g_assert_cmpuint (n, >, 2);
  g_assert_cmpstr (lines[0], ==, "*** " MARK " ***");
  g_assert_cmpstr (lines[n - 1], ==, "*** " MARK " ***");

  real_path = export (real, "text", dir);
  g_assert_true (g_file_get_contents (real_path, &real_text, NULL, NULL));
  g_assert_null (strstr (real_text, MARK));
  ivd_test_remove_tree (dir);
}

static gboolean
has_test_tag (JsonObject *resource)
{
  JsonObject *meta = json_object_get_object_member (resource, "meta");
  JsonArray *tags = meta != NULL && json_object_has_member (meta, "tag") ? json_object_get_array_member (meta, "tag") : NULL;

  for (guint i = 0; tags != NULL && i < json_array_get_length (tags); i++)
    {
      JsonObject *tag = json_array_get_object_element (tags, i);
      if (g_strcmp0 (json_object_get_string_member (tag, "code"), "HTEST") == 0 &&
          g_strcmp0 (json_object_get_string_member (tag, "system"),
                     "http://terminology.hl7.org/CodeSystem/v3-ActReason") == 0)
        return TRUE;
    }
  return FALSE;
}

static void
assert_fhir_tagged (const char *path,
                    gboolean    tagged)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  JsonObject *bundle;
  JsonArray *entries;

  json_parser_load_from_file (parser, path, &error);
  g_assert_no_error (error);
  bundle = json_node_get_object (json_parser_get_root (parser));
  g_assert_true (has_test_tag (bundle) == tagged);
  entries = json_object_get_array_member (bundle, "entry");
  g_assert_cmpuint (json_array_get_length (entries), >, 0);
  for (guint i = 0; i < json_array_get_length (entries); i++)
    {
      JsonObject *resource = json_object_get_object_member (json_array_get_object_element (entries, i), "resource");
      if (has_test_tag (resource) != tagged)
        g_error ("entry %u: the HTEST tag is %s", i, tagged ? "missing" : "there");
    }
}

static void
test_fhir (void)
{
  g_autofree char *dir = g_dir_make_tmp ("ivd-training-export-XXXXXX", NULL);
  g_autofree char *plan = case_path ();
  g_autofree char *real = g_test_build_filename (G_TEST_DIST, "data", "referral-plan.json", NULL);
  g_autofree char *path = export (plan, "fhir", dir);
  g_autofree char *real_path = NULL;

  assert_fhir_tagged (path, TRUE);
  real_path = export (real, "fhir", dir);
  assert_fhir_tagged (real_path, FALSE);
  ivd_test_remove_tree (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_data_func ("/training-export/pdf", "pdf", test_pdf);
  g_test_add_data_func ("/training-export/handout", "handout", test_pdf);
  g_test_add_func ("/training-export/text", test_text);
  g_test_add_func ("/training-export/fhir", test_fhir);

  return g_test_run ();
}
