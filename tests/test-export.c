#include <sys/stat.h>
#include <unistd.h>

#include <gio/gio.h>
#include <glib/gstdio.h>

#include "ivd-test-process.h"

/* `iv-discharge --export` as a process: the referral PDF and the handout
 * read back with poppler's tools (page size, page count, the text in Danish
 * and in English, embedded fonts), the plain text against golden files,
 * and every way writing can fail. */

typedef struct
{
  char *dir;
  char *plan;
  char *directory;
} Fixture;

/* 2026-11-23 09:00 UTC: every export in these tests is dated with it. */
#define FIXED_EPOCH "SOURCE_DATE_EPOCH=1795424400"

static const char * const danish[] = { "LANGUAGE=da", "LC_ALL=da_DK.UTF-8", "TZ=UTC", FIXED_EPOCH, NULL };
static const char * const english[] = { "LANGUAGE=en", "LC_ALL=C.UTF-8", "TZ=UTC", FIXED_EPOCH, NULL };

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  fixture->dir = g_dir_make_tmp ("ivd-export-XXXXXX", &error);
  g_assert_no_error (error);
  fixture->plan = g_test_build_filename (G_TEST_DIST, "data", "referral-plan.json", NULL);
  fixture->directory = g_test_build_filename (G_TEST_DIST, "data", "directory.json", NULL);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  ivd_test_remove_tree (fixture->dir);
  g_free (fixture->dir);
  g_free (fixture->plan);
  g_free (fixture->directory);
}

static char *
out_path (Fixture    *fixture,
          const char *name)
{
  return g_build_filename (fixture->dir, name, NULL);
}

static void
export (Fixture            *fixture,
        const char         *plan,
        const char         *format,
        const char         *output,
        const char * const *env,
        IvdTestRun         *run)
{
  ivd_test_run ((const char * const[]) { "--export", plan, "--format", format, "--output", output,
                                         "--directory", fixture->directory, NULL },
                env, NULL, 0, run);
  g_test_message ("export %s: exit %d %s", format, run->status, run->err);
}

/* A poppler tool's standard output. */
static char *
tool_output (const char * const *argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GSubprocess) process = g_subprocess_newv (argv, G_SUBPROCESS_FLAGS_STDOUT_PIPE, &error);
  g_autofree char *out = NULL;

  g_assert_no_error (error);
  g_subprocess_communicate_utf8 (process, NULL, NULL, &out, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (g_subprocess_get_successful (process));
  return g_steal_pointer (&out);
}

/* The PDF's text with its layout flattened to single spaces, so that a
 * phrase wrapped over two lines still matches. */
static char *
pdf_text (const char *path)
{
  g_autofree char *text = tool_output ((const char * const[]) { "pdftotext", "-enc", "UTF-8", path, "-", NULL });
  g_autoptr(GRegex) spaces = g_regex_new ("\\s+", 0, 0, NULL);

  return g_regex_replace_literal (spaces, text, -1, 0, " ", 0, NULL);
}

static void
assert_contains_all (const char         *text,
                     const char * const *needles)
{
  for (guint i = 0; needles[i] != NULL; i++)
    if (strstr (text, needles[i]) == NULL)
      g_error ("“%s” is missing from:\n%s", needles[i], text);
}

static void
assert_private (const char *path)
{
  GStatBuf st;

  g_assert_cmpint (g_stat (path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);
}

/* A4, a page count in a range, every font embedded, no patient data in
 * the metadata that file managers show. */
static void
assert_pdf_shape (const char *path,
                  int         min_pages,
                  int         max_pages)
{
  g_autofree char *info = tool_output ((const char * const[]) { "pdfinfo", path, NULL });
  g_autofree char *fonts = tool_output ((const char * const[]) { "pdffonts", path, NULL });
  g_auto(GStrv) lines = g_strsplit (fonts, "\n", -1);
  const char *pages = strstr (info, "Pages:");
  guint n_fonts = 0;

  g_assert_nonnull (strstr (info, "595.276 x 841.89 pts (A4)"));
  g_assert_nonnull (pages);
  g_assert_cmpint (atoi (pages + strlen ("Pages:")), >=, min_pages);
  g_assert_cmpint (atoi (pages + strlen ("Pages:")), <=, max_pages);
  g_assert_null (strstr (info, "150650"));
  g_assert_null (strstr (info, "Hansen"));

  /* Below the two header lines, one font a line; column "emb" must say yes. */
  for (guint i = 2; lines[i] != NULL; i++)
    {
      if (*lines[i] == '\0')
        continue;
      g_assert_nonnull (strstr (lines[i], " yes yes yes "));
      n_fonts++;
    }
  g_assert_cmpuint (n_fonts, >, 0);
}

/* Exports @plan as @format into @name, checks it was written privately as
 * an A4 PDF of @min_pages to @max_pages, and returns its text. */
static char *
export_pdf_text (Fixture            *fixture,
                 const char         *plan,
                 const char         *format,
                 const char         *name,
                 const char * const *env,
                 int                 min_pages,
                 int                 max_pages)
{
  g_autofree char *pdf = out_path (fixture, name);
  g_auto(IvdTestRun) run = { 0, };

  export (fixture, plan, format, pdf, env, &run);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpstr (run.err, ==, "");
  assert_private (pdf);
  assert_pdf_shape (pdf, min_pages, max_pages);
  return pdf_text (pdf);
}

static void
test_referral_danish (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autofree char *text = export_pdf_text (fixture, fixture->plan, "pdf", "henvisning.pdf", danish, 2, 4);

  assert_contains_all (text, (const char * const[]) {
    "Henvisning til IV-behandling i kommunalt regi",
    /* Patient */
    "Testperson Hansen", "150650-1237", "76 år", "Mand", "København (101)", "Region Hovedstaden",
    /* The responsible department and its phone day and night */
    "Testafdeling for Infektionsmedicin", "Telefon døgnet rundt", "+45 00 00 00 00", "Test Læge Jensen",
    /* Municipality, from the directory, and its answer */
    "Københavns Kommune", "+45 00 00 00 01", "+45 00 00 00 02", "Visitator Test",
    /* Treatment plan */
    "Cefuroxim 1,5 g", "08:00, 14:00, 20:00", "30 minutter", "8 dage", "23.11.2026", "30.11.2026",
    "PICC-line",
    /* Observations, blood tests and how the course ends */
    "Temperatur, puls og blodtryk", "CRP og leukocytter på dag 4", "PICC-linjen fjernes",
    "afslutningsnotat",
    /* Must not be left alone: prominent, first */
    "Vigtigt:", "må ikke efterlades alene",
    /* Supplies with quantities, the checklist and the findings */
    "Cefuroxim 1,5 g 24 doser", "Kanyleboks til risikoaffald", "FMK-DOSE", "FMK-STOP", "GP-LETTER",
    "NOT-ALONE", "Egnet til kommunal IV-behandling",
    /* Signature and page numbers */
    "Underskrift", "23.11.2026 kl. 09:00", "Side 1 af", NULL });

  /* The warning comes before the patient's details. */
  g_assert_true (strstr (text, "Vigtigt:") < strstr (text, "Testperson Hansen 150650") ||
                 strstr (text, "Vigtigt:") < strstr (text, "CPR-nummer"));
}

static void
test_referral_english (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autofree char *text = export_pdf_text (fixture, fixture->plan, "pdf", "referral.pdf", english, 2, 4);

  assert_contains_all (text, (const char * const[]) {
    "Referral for IV treatment in municipal care", "Phone, day and night", "+45 00 00 00 00",
    "Home municipality", "Treatment plan", "Administration times", "08:00, 14:00, 20:00",
    "Last treatment day", "2026-11-30", "PICC line", "Important:", "must not be left alone",
    "Observations", "How the course ends", "Supplies from the hospital", "24 doses", "FMK-DAYS",
    "Signature", "Page 1 of", NULL });
}

/* A locale that asks for no language gets Danish. */
static void
test_referral_danish_by_default (Fixture       *fixture,
                                 gconstpointer  data)
{
  const char * const c_locale[] = { "LANGUAGE=", "LC_ALL=C", "LANG=C", "TZ=UTC", FIXED_EPOCH, NULL };
  g_autofree char *text = export_pdf_text (fixture, fixture->plan, "pdf", "default.pdf", c_locale, 2, 4);

  assert_contains_all (text, (const char * const[]) { "Henvisning til IV-behandling", "Side 1 af", NULL });
}

/* The warning appears only when the doctor set it. */
static void
test_referral_without_warning (Fixture       *fixture,
                               gconstpointer  data)
{
  g_autofree char *plan = out_path (fixture, "plan.json");
  g_autofree char *contents = NULL;
  g_autofree char *text = NULL;
  g_autoptr(GString) changed = NULL;

  g_assert_true (g_file_get_contents (fixture->plan, &contents, NULL, NULL));
  changed = g_string_new (contents);
  g_assert_cmpuint (g_string_replace (changed, "\"must_not_be_left_alone\": true",
                                      "\"must_not_be_left_alone\": false", 1), ==, 1);
  g_assert_true (g_file_set_contents (plan, changed->str, -1, NULL));

  text = export_pdf_text (fixture, plan, "pdf", "referral.pdf", english, 2, 4);
  g_assert_null (strstr (text, "Important:"));
  g_assert_null (strstr (text, "must not be left alone"));
}

static void
assert_matches_golden (const char *path,
                       const char *golden_name)
{
  g_autofree char *golden = g_test_build_filename (G_TEST_DIST, "data", golden_name, NULL);
  g_autofree char *expected = NULL;
  g_autofree char *actual = NULL;

  g_assert_true (g_file_get_contents (path, &actual, NULL, NULL));
  if (g_getenv ("IVD_UPDATE_GOLDEN") != NULL)
    g_assert_true (g_file_set_contents (golden, actual, -1, NULL));
  g_assert_true (g_file_get_contents (golden, &expected, NULL, NULL));
  g_assert_cmpstr (actual, ==, expected);
}

/* Short labelled lines for a patient record: no tabs, no line over the
 * width a record shows without wrapping. */
static void
assert_record_text (const char *path)
{
  g_autofree char *text = NULL;
  g_auto(GStrv) lines = NULL;

  g_assert_true (g_file_get_contents (path, &text, NULL, NULL));
  g_assert_null (strchr (text, '\t'));
  g_assert_null (strchr (text, '\r'));
  lines = g_strsplit (text, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    g_assert_cmpint (g_utf8_strlen (lines[i], -1), <=, 76);
}

static void
test_text_golden (Fixture       *fixture,
                  gconstpointer  data)
{
  struct { const char * const *env; const char *golden; } cases[] = {
    { danish, "referral-da.txt" },
    { english, "referral-en.txt" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *txt = out_path (fixture, cases[i].golden);
      g_auto(IvdTestRun) run = { 0, };

      export (fixture, fixture->plan, "text", txt, cases[i].env, &run);
      g_assert_cmpint (run.status, ==, 0);
      assert_private (txt);
      assert_record_text (txt);
      assert_matches_golden (txt, cases[i].golden);
    }
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return (x > y) - (x < y);
}

/* The median height of the words on the handout's pages, in points. */
static double
median_word_height (const char *pdf)
{
  g_autofree char *html = tool_output ((const char * const[]) { "pdftotext", "-bbox", pdf, "-", NULL });
  g_autoptr(GRegex) word = g_regex_new ("yMin=\"([0-9.]+)\" xMax=\"[0-9.]+\" yMax=\"([0-9.]+)\"", 0, 0, NULL);
  g_autoptr(GMatchInfo) match = NULL;
  g_autoptr(GArray) heights = g_array_new (FALSE, FALSE, sizeof (double));

  g_regex_match (word, html, 0, &match);
  while (g_match_info_matches (match))
    {
      g_autofree char *top = g_match_info_fetch (match, 1);
      g_autofree char *bottom = g_match_info_fetch (match, 2);
      double height = g_ascii_strtod (bottom, NULL) - g_ascii_strtod (top, NULL);

      g_array_append_val (heights, height);
      g_match_info_next (match, NULL);
    }

  g_assert_cmpuint (heights->len, >, 50);
  g_array_sort (heights, compare_doubles);
  return g_array_index (heights, double, heights->len / 2);
}

static void
test_handout (Fixture       *fixture,
              gconstpointer  data)
{
  g_autofree char *text = export_pdf_text (fixture, fixture->plan, "handout", "handout.pdf", danish, 1, 3);
  g_autofree char *pdf = out_path (fixture, "handout.pdf");

  assert_contains_all (text, (const char * const[]) {
    "Din IV-behandling",
    /* what happens and where */
    "Københavns Kommune", "hjemme",
    /* who comes when */
    "08:00, 14:00, 20:00", "30 minutter",
    /* whom to call, day and night */
    "+45 00 00 00 00", "døgnet", "112",
    /* what to watch for */
    "feber", "rød", "hævet", "udslæt", "vejret",
    /* when it ends */
    "30.11.2026", NULL });

  /* No unexplained abbreviation: IV is explained, CPR and FMK do not appear. */
  g_assert_nonnull (strstr (text, "IV betyder"));
  g_assert_null (strstr (text, "FMK"));
  g_assert_null (strstr (text, "CPR"));

  /* Large type: body text at least 13 pt (the referral's is 9.5 pt). */
  g_assert_cmpfloat (median_word_height (pdf), >=, 13.0);
}

/* Nothing is written where the output cannot go, and the reason is said. */
static void
test_unwritable (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autofree char *missing_dir = g_build_filename (fixture->dir, "no-such-folder", "out.pdf", NULL);
  g_autofree char *locked_dir = out_path (fixture, "locked");
  g_autofree char *locked_out = g_build_filename (locked_dir, "out.pdf", NULL);
  g_auto(IvdTestRun) missing = { 0, };
  g_auto(IvdTestRun) locked = { 0, };
  g_autoptr(GDir) dir = NULL;

  export (fixture, fixture->plan, "pdf", missing_dir, english, &missing);
  g_assert_cmpint (missing.status, ==, 3);
  g_assert_nonnull (strstr (missing.err, "could not be written"));
  g_assert_false (g_file_test (missing_dir, G_FILE_TEST_EXISTS));

  /* A read-only folder; root ignores permissions, so skip that half as root. */
  g_assert_cmpint (g_mkdir (locked_dir, 0500), ==, 0);
  if (geteuid () != 0)
    {
      export (fixture, fixture->plan, "pdf", locked_out, english, &locked);
      g_assert_cmpint (locked.status, ==, 3);
      dir = g_dir_open (locked_dir, 0, NULL);
      g_assert_null (g_dir_read_name (dir));
    }
  g_chmod (locked_dir, 0700);
}

/* A failed export leaves an earlier file as it was and no temporary file. */
static void
test_failure_keeps_old_file (Fixture       *fixture,
                             gconstpointer  data)
{
  g_autofree char *target = out_path (fixture, "referral.txt");
  g_autofree char *bad_directory = out_path (fixture, "directory.json");
  g_autofree char *contents = NULL;
  g_autoptr(GDir) dir = NULL;
  g_auto(IvdTestRun) run = { 0, };
  const char *name;
  guint n = 0;

  g_assert_true (g_file_set_contents (target, "earlier\n", -1, NULL));
  g_assert_true (g_file_set_contents (bad_directory,
                                      "{\"format\": \"iv-discharge-directory/1\", \"municipalities\": "
                                      "[{\"code\": \"101\", \"ean\": \"5790000000012\"}]}", -1, NULL));
  ivd_test_run ((const char * const[]) { "--export", fixture->plan, "--format", "fhir", "--output", target,
                                         "--directory", bad_directory, NULL }, english, NULL, 0, &run);
  g_assert_cmpint (run.status, ==, 2);
  g_assert_nonnull (strstr (run.err, "SOR"));

  g_assert_true (g_file_get_contents (target, &contents, NULL, NULL));
  g_assert_cmpstr (contents, ==, "earlier\n");
  dir = g_dir_open (fixture->dir, 0, NULL);
  while ((name = g_dir_read_name (dir)) != NULL)
    n++;
  g_assert_cmpuint (n, ==, 2);
}

static void
test_bad_input (Fixture       *fixture,
                gconstpointer  data)
{
  g_autofree char *bad_plan = out_path (fixture, "bad-plan.json");
  g_autofree char *bad_directory = out_path (fixture, "bad-directory.json");
  g_autofree char *output = out_path (fixture, "out.pdf");
  struct { const char * const *args; const char *says; int status; } cases[] = {
    { (const char * const[]) { "--export", bad_plan, "--format", "pdf", "--output", output, NULL },
      "treatment.form", 2 },
    { (const char * const[]) { "--export", fixture->plan, "--format", "docx", "--output", output, NULL },
      "--format", 2 },
    { (const char * const[]) { "--export", fixture->plan, "--format", "pdf", "--output", output,
                               "--directory", bad_directory, NULL }, "ean", 2 },
    { (const char * const[]) { "--export", fixture->plan, "--format", "pdf", NULL }, "--output", 2 },
    { (const char * const[]) { "--check", fixture->plan, "--format", "pdf", NULL }, "--export", 2 },
  };

  g_assert_true (g_file_set_contents (bad_plan, "{\"format\": \"iv-discharge-plan/1\", "
                                      "\"treatment\": {\"form\": \"drip\"}}", -1, NULL));
  /* The last digit breaks the EAN check digit. */
  g_assert_true (g_file_set_contents (bad_directory, "{\"format\": \"iv-discharge-directory/1\", "
                                      "\"municipalities\": [{\"code\": \"101\", \"ean\": \"5790000000013\"}]}",
                                      -1, NULL));

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_auto(IvdTestRun) run = { 0, };

      ivd_test_run (cases[i].args, english, NULL, 0, &run);
      g_test_message ("case %u: exit %d %s", i, run.status, run.err);
      g_assert_cmpint (run.status, ==, cases[i].status);
      g_assert_nonnull (strstr (run.err, cases[i].says));
      /* One line on stderr. */
      g_assert_cmpint (strchr (run.err, '\n') - run.err, ==, (int) strlen (run.err) - 1);
      g_assert_false (g_file_test (output, G_FILE_TEST_EXISTS));
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/export/pdf/danish", Fixture, NULL, fixture_set_up, test_referral_danish, fixture_tear_down);
  g_test_add ("/export/pdf/english", Fixture, NULL, fixture_set_up, test_referral_english, fixture_tear_down);
  g_test_add ("/export/pdf/danish-by-default", Fixture, NULL, fixture_set_up,
              test_referral_danish_by_default, fixture_tear_down);
  g_test_add ("/export/pdf/warning-only-when-set", Fixture, NULL, fixture_set_up,
              test_referral_without_warning, fixture_tear_down);
  g_test_add ("/export/text/golden", Fixture, NULL, fixture_set_up, test_text_golden, fixture_tear_down);
  g_test_add ("/export/handout", Fixture, NULL, fixture_set_up, test_handout, fixture_tear_down);
  g_test_add ("/export/write/unwritable", Fixture, NULL, fixture_set_up, test_unwritable, fixture_tear_down);
  g_test_add ("/export/write/failure-keeps-old-file", Fixture, NULL, fixture_set_up,
              test_failure_keeps_old_file, fixture_tear_down);
  g_test_add ("/export/bad-input", Fixture, NULL, fixture_set_up, test_bad_input, fixture_tear_down);

  return g_test_run ();
}
