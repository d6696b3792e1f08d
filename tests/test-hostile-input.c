#include "ivd-test-util.h"

#include <fcntl.h>
#include <unistd.h>

#include "ivd-directory.h"
#include "ivd-json.h"
#include "ivd-rule-set.h"

/* Hostile rule sets, municipality directories and plans (issue 8): a file
 * that is malformed, truncated, huge or nested deeply is refused with a
 * message that names the file and the problem, on one line, and the rule
 * set or directory read before it stays in use. */

#define DEEP 100000

#define GOOD_RULE_SET \
  "{\"format\": \"iv-discharge-rules/1\", \"region\": \"hovedstaden\"," \
  " \"name\": {\"da\": \"Hovedstaden\", \"en\": \"Capital Region\"}, \"has_agreement\": true," \
  " \"rules\": [{\"id\": \"R1\", \"check\": \"fact\", \"severity\": \"block\", \"source\": \"001\"," \
  "   \"text\": {\"da\": \"t\", \"en\": \"t\"}, \"params\": {\"field\": \"stable\", \"expect\": true}}]," \
  " \"checklist\": [{\"id\": \"C1\", \"check\": \"checklist\", \"source\": \"001\"," \
  "   \"text\": {\"da\": \"t\", \"en\": \"t\"}}]}"

#define GOOD_DIRECTORY \
  "{\"format\": \"iv-discharge-directory/1\", \"municipalities\": [" \
  " {\"code\": \"101\", \"visitation_phone\": \"+45 00 00 00 01\", \"ean\": \"5790000000012\"}]}"

typedef enum
{
  READER_RULE_SET,
  READER_DIRECTORY,
  READER_PLAN,
  N_READERS
} Reader;

static const gsize caps[N_READERS] = { IVD_RULE_SET_MAX_BYTES, IVD_DIRECTORY_MAX_BYTES, IVD_PLAN_MAX_BYTES };
static const char * const good_files[N_READERS] = { GOOD_RULE_SET, GOOD_DIRECTORY, IVD_TEST_ELIGIBLE_PLAN };

typedef struct
{
  const char *name;
  GBytes     *bytes;
  const char *expected;  /* a part of the message */
} Hostile;

static void
hostile_clear (gpointer data)
{
  g_bytes_unref (((Hostile *) data)->bytes);
}

static void
add (GArray     *cases,
     const char *name,
     GString    *text,
     const char *expected)
{
  Hostile hostile = { name, g_bytes_new (text->str, text->len), expected };

  g_array_append_val (cases, hostile);
  g_string_free (text, TRUE);
}

static GString *
repeat (const char *prefix,
        const char *unit,
        guint       times)
{
  GString *text = g_string_new (prefix);

  for (guint i = 0; i < times; i++)
    g_string_append (text, unit);
  return text;
}

/* What every reader must refuse, whatever kind of file it reads; @good is
 * a file it accepts, to cut short and to pad past its size limit. */
static GArray *
generic_cases (const char *good,
               gsize       cap)
{
  GArray *cases = g_array_new (FALSE, FALSE, sizeof (Hostile));
  GString *huge = g_string_new (good);

  g_array_set_clear_func (cases, hostile_clear);

  add (cases, "empty", g_string_new (""), "the file is empty");
  add (cases, "spaces only", g_string_new (" \n\t "), "the file is empty");
  add (cases, "not UTF-8", g_string_new ("{\"format\": \"\xff\xfe\"}"), "not UTF-8");
  add (cases, "NUL byte", g_string_new_len ("{\"format\": \"\0\"}", 15), "not UTF-8");
  add (cases, "truncated", g_string_new_len (good, strlen (good) / 2), "not valid JSON");
  add (cases, "a word", g_string_new ("plan"), "not valid JSON: line 1, column 1");
  add (cases, "JavaScript", g_string_new ("var plan = {}"), "not valid JSON: line 1, column 1");
  add (cases, "deep lists", repeat ("", "[", DEEP), "nested more than 32 levels deep");
  add (cases, "deep objects", repeat ("", "{\"a\": ", DEEP), "nested more than 32 levels deep");
  add (cases, "deep after a byte-order mark", repeat ("\xef\xbb\xbf", "[", DEEP), "nested more than 32");
  add (cases, "33 levels", repeat ("", "[", 33), "nested more than 32 levels deep");
  /* json-glib reads comments and single-quoted strings: a '"' inside one
   * must not hide the brackets after it from the depth check. */
  add (cases, "comment hiding brackets", repeat ("/* \" */ ", "[", DEEP), "not valid JSON: line 1, column 1");
  add (cases, "single quotes hiding brackets", repeat ("['\"', ", "[", DEEP), "not valid JSON: line 1, column 2");
  add (cases, "escaped quote", repeat ("[\"\\\"\", ", "[", DEEP), "nested more than 32");

  /* json-glib reads these as other numbers than written, or writes them
   * back in a form it cannot read. */
  add (cases, "octal", g_string_new ("[010]"), "line 1, column 2: a number is written wrongly");
  add (cases, "point without digits", g_string_new ("[1.]"), "a number is written wrongly");
  add (cases, "point first", g_string_new ("[.5]"), "only JSON may stand outside quotes");
  add (cases, "whole number past 64 bits", g_string_new ("[-18446744073709551615]"),
       "the number -18446744073709551615 is too large or too small");
  add (cases, "infinite", g_string_new ("[\n 1e999]"), "the number 1e999 is too large");
  add (cases, "written back unreadably", g_string_new ("[3e22]"), "the number 3e22 is too large or too small");
  add (cases, "tiny", g_string_new ("[-1E-300]"), "the number -1E-300 is too large or too small");

  /* json-glib reads octal escapes (not UTF-8) and ends a string at \u0000. */
  add (cases, "octal escape", g_string_new ("[\"150\\650-1237\"]"), "line 1, column 6: a backslash in a string");
  add (cases, "NUL escape", g_string_new ("[\"a\\u0000b\"]"), "a backslash in a string is followed by");
  add (cases, "short escape", g_string_new ("[\"\\u12\"]"), "a backslash in a string is followed by");
  /* Found by fuzzing: a lone surrogate saved a directory that could not be read. */
  add (cases, "lone low surrogate", g_string_new ("[\"\\udddddd\"]"), "a backslash in a string is followed by");
  add (cases, "lone high surrogate", g_string_new ("[\"\\ud83d-\"]"), "a backslash in a string is followed by");
  add (cases, "surrogates reversed", g_string_new ("[\"\\ude00\\ud83d\"]"), "a backslash in a string is followed by");

  while (huge->len <= cap)
    g_string_append_c (huge, ' ');
  add (cases, "one byte too large", huge, "larger than");
  return cases;
}

static char *
write_temp (const char *name,
            GBytes     *bytes)
{
  g_autofree char *dir = g_dir_make_tmp ("ivd-hostile-XXXXXX", NULL);
  char *path = g_build_filename (dir, name, NULL);
  gsize size;
  gconstpointer data = g_bytes_get_data (bytes, &size);

  g_assert_true (g_file_set_contents (path, data, size, NULL));
  return path;
}

static void
remove_temp (const char *path)
{
  g_autofree char *dir = g_path_get_dirname (path);

  ivd_test_remove_tree (dir);
}

/* One line, in the reader's domain, naming what was expected. */
static void
assert_refused (const GError *error,
                int           code,
                const char   *prefix,
                const char   *expected)
{
  g_assert_error (error, IVD_ERROR, code);
  g_test_message ("%s", error->message);
  g_assert_true (g_str_has_prefix (error->message, prefix));
  g_assert_nonnull (strstr (error->message, expected));
  g_assert_null (strchr (error->message, '\n'));
}

static IvdCatalog *
shipped_catalog (void)
{
  static IvdCatalog *catalog;

  if (catalog == NULL)
    catalog = ivd_test_catalog ();
  return catalog;
}

/* Reads @bytes as @reader's kind of file, from a file; returns whether it
 * was accepted. */
static gboolean
read_as (Reader   reader,
         GBytes  *bytes,
         GError **error)
{
  const char *names[N_READERS] = { "hovedstaden.json", "directory.json", "plan.json" };
  g_autofree char *path = write_temp (names[reader], bytes);
  g_autoptr(GObject) object = NULL;

  if (reader == READER_RULE_SET)
    object = G_OBJECT (ivd_rule_set_new_from_file (path, error));
  else if (reader == READER_DIRECTORY)
    object = G_OBJECT (ivd_directory_new_from_file (shipped_catalog (), path, error));
  else
    object = G_OBJECT (ivd_plan_new_from_file (path, error));

  remove_temp (path);
  return object != NULL;
}

static const char * const prefixes[N_READERS] = {
  "The rule file hovedstaden.json cannot be used: ",
  "The municipality directory directory.json cannot be used: ",
  "(file): ",
};
static const int codes[N_READERS] = { IVD_ERROR_DATA, IVD_ERROR_INVALID, IVD_ERROR_INVALID };

static void
test_generic (gconstpointer data)
{
  Reader reader = GPOINTER_TO_INT (data);
  g_autoptr(GArray) cases = generic_cases (good_files[reader], caps[reader]);
  g_autoptr(GBytes) good = g_bytes_new_static (good_files[reader], strlen (good_files[reader]));
  g_autoptr(GError) error = NULL;

  g_assert_true (read_as (reader, good, &error));
  g_assert_no_error (error);

  for (guint i = 0; i < cases->len; i++)
    {
      Hostile *hostile = &g_array_index (cases, Hostile, i);

      g_test_message ("%s", hostile->name);
      g_assert_false (read_as (reader, hostile->bytes, &error));
      assert_refused (error, codes[reader], prefixes[reader], hostile->expected);
      g_clear_error (&error);
    }
}

/* A file far past the limit (2 GiB, sparse) is refused after reading just
 * past the limit, not read whole into memory. */
static void
test_sparse_huge (gconstpointer data)
{
  Reader reader = GPOINTER_TO_INT (data);
  g_autoptr(GBytes) start = g_bytes_new_static ("{\"format\": \"", 12);
  g_autofree char *path = write_temp ("huge.json", start);
  g_autoptr(GError) error = NULL;
  int fd = open (path, O_WRONLY);
  const char *prefixes_huge[N_READERS] = {
    "The rule file huge.json cannot be used: ",
    "The municipality directory huge.json cannot be used: ",
    "(file): ",
  };

  g_assert_cmpint (fd, >=, 0);
  g_assert_cmpint (ftruncate (fd, (off_t) 2 << 30), ==, 0);
  close (fd);

  if (reader == READER_RULE_SET)
    g_assert_null (ivd_rule_set_new_from_file (path, &error));
  else if (reader == READER_DIRECTORY)
    g_assert_null (ivd_directory_new_from_file (shipped_catalog (), path, &error));
  else
    g_assert_null (ivd_plan_new_from_file (path, &error));

  assert_refused (error, codes[reader], prefixes_huge[reader], "larger than");
  remove_temp (path);
}

/* 32 levels is the most a file may nest; the shipped files use 5. */
static void
test_depth_limit (void)
{
  g_autoptr(GString) deepest = g_string_new (NULL);
  g_autoptr(JsonNode) node = NULL;
  g_autoptr(GError) error = NULL;

  /* 32 nested lists, with brackets and an escaped quote in a string. */
  g_string_append (deepest, "\xef\xbb\xbf");
  for (guint i = 0; i < IVD_JSON_MAX_DEPTH; i++)
    g_string_append (deepest, "[\"]\\\"[\\ud83d\\ude00\\u00e6\", ");
  g_string_append (deepest, "1");
  for (guint i = 0; i < IVD_JSON_MAX_DEPTH; i++)
    g_string_append_c (deepest, ']');

  node = ivd_json_parse (deepest->str, deepest->len, G_MAXSIZE, &error);
  g_assert_no_error (error);
  g_assert_true (JSON_NODE_HOLDS_ARRAY (node));
  g_assert_cmpstr (json_array_get_string_element (json_node_get_array (node), 0), ==,
                   "]\"[\xf0\x9f\x98\x80\xc3\xa6");
}

typedef struct
{
  const char *json;
  const char *expected;
} Typed;

/* A wrong type or value at every level of a rule file. */
static const Typed rule_set_cases[] = {
  { "[]", "a rule file is one JSON object" },
  { "\"rules\"", "a rule file is one JSON object" },
  { "{\"format\": 1}", "“format” must be “iv-discharge-rules/1”" },
  { "{\"format\": \"iv-discharge-rules/2\"}", "“format” must be" },
  { "{\"format\": \"iv-discharge-rules/1\", \"region\": 1, \"name\": \"x\", \"has_agreement\": true}",
    "needs “region”, “name” and “has_agreement”" },
  { "{\"format\": \"iv-discharge-rules/1\", \"region\": \"x\", \"name\": [], \"has_agreement\": true}",
    "needs “region”, “name” and “has_agreement”" },
  { "{\"format\": \"iv-discharge-rules/1\", \"region\": \"x\", \"name\": \"x\", \"has_agreement\": \"yes\"}",
    "needs “region”, “name” and “has_agreement”" },
  { "{\"format\": \"iv-discharge-rules/1\", \"region\": \"x\", \"name\": \"x\", \"has_agreement\": true,"
    " \"rules\": {}}", "“rules” must be a list" },
  { "{\"format\": \"iv-discharge-rules/1\", \"region\": \"x\", \"name\": \"x\", \"has_agreement\": true,"
    " \"checklist\": \"C1\"}", "“checklist” must be a list" },
  { "{\"format\": \"iv-discharge-rules/1\", \"region\": \"x\", \"name\": \"x\", \"has_agreement\": true,"
    " \"rules\": [\"R1\"]}", "“rules”, item 1: must be an object" },
  { "{\"format\": \"iv-discharge-rules/1\", \"region\": \"x\", \"name\": \"x\", \"has_agreement\": true,"
    " \"rules\": [{\"id\": 1}]}", "a rule has no “id”" },
  { "{\"format\": \"iv-discharge-rules/1\", \"region\": \"x\", \"name\": \"x\", \"has_agreement\": true,"
    " \"rules\": [{\"id\": \"R1\", \"check\": \"guess\"}]}", "rule R1: unknown “check” “guess”" },
  { "{\"format\": \"iv-discharge-rules/1\", \"region\": \"x\", \"name\": \"x\", \"has_agreement\": true,"
    " \"rules\": [{\"id\": \"R1\", \"check\": \"fact\", \"severity\": \"fatal\"}]}",
    "rule R1: “severity” must be block, review or info" },
  { "{\"format\": \"iv-discharge-rules/1\", \"region\": \"x\", \"name\": \"x\", \"has_agreement\": true,"
    " \"rules\": [{\"id\": \"R1\", \"check\": \"fact\", \"severity\": \"block\", \"source\": \"s\","
    " \"text\": \"t\"}]}", "rule R1: needs a “source” and a Danish and English “text”" },
  { "{\"format\": \"iv-discharge-rules/1\", \"region\": \"x\", \"name\": \"x\", \"has_agreement\": true,"
    " \"rules\": [{\"id\": \"R1\", \"check\": \"fact\", \"severity\": \"block\", \"source\": \"s\","
    " \"text\": {\"da\": \"t\", \"en\": \"t\"}, \"params\": []}]}", "rule R1: “params” must be an object" },
  { "{\"format\": \"iv-discharge-rules/1\", \"region\": \"x\", \"name\": \"x\", \"has_agreement\": true,"
    " \"rules\": [{\"id\": \"R1\", \"check\": \"fact\", \"severity\": \"block\", \"source\": \"s\","
    " \"text\": {\"da\": \"t\", \"en\": \"t\"}, \"params\": {}, \"when\": \"always\"}]}",
    "rule R1: “when” must be an object" },
  /* Found by fuzzing: a misspelt "params" left a check with no field to
   * look at, and the evaluation crashed. */
  { "{\"format\": \"iv-discharge-rules/1\", \"region\": \"x\", \"name\": \"x\", \"has_agreement\": true,"
    " \"rules\": [{\"id\": \"R1\", \"check\": \"fact\", \"severity\": \"block\", \"source\": \"s\","
    " \"text\": {\"da\": \"t\", \"en\": \"t\"}, \"parms\": {\"field\": \"stable\"}}]}",
    "rule R1: a “fact” check needs “field” in “params”, as text" },
  { "{\"format\": \"iv-discharge-rules/1\", \"region\": \"x\", \"name\": \"x\", \"has_agreement\": true,"
    " \"rules\": [{\"id\": \"R1\", \"check\": \"max_visits\", \"severity\": \"block\", \"source\": \"s\","
    " \"text\": {\"da\": \"t\", \"en\": \"t\"}, \"params\": {\"max_visits\": \"4\"}}]}",
    "rule R1: a “max_visits” check needs “max_visits” in “params”, as a whole number" },
  { "{\"format\": \"iv-discharge-rules/1\", \"region\": \"x\", \"name\": \"x\", \"has_agreement\": true,"
    " \"rules\": [{\"id\": \"R1\", \"params\": {\"max_visits\": 18446744073709551620}}]}",
    "rules.params.max_visits: the number 18446744073709551620 is too large or too small" },
  { "{\"format\": \"iv-discharge-rules/1\", \"region\": \"x\", \"name\": \"x\", \"has_agreement\": true,"
    " \"rules\": [{\"id\": \"R1\", \"check\": \"value_in\", \"severity\": \"block\", \"source\": \"s\","
    " \"text\": {\"da\": \"t\", \"en\": \"t\"}, \"params\": {\"field\": \"x\", \"values\": [\"a\", 2]}}]}",
    "rule R1: a “value_in” check needs “values” in “params”, as a list of texts" },
  { "{\"format\": \"iv-discharge-rules/1\", \"region\": \"x\", \"name\": \"x\", \"has_agreement\": true,"
    " \"checklist\": [{\"id\": \"C1\", \"check\": \"fact\"}]}", "rule C1: unknown “check” “fact”" },
  { "{\"format\": \"iv-discharge-rules/1\", \"region\": \"x\", \"name\": \"x\", \"has_agreement\": true,"
    " \"checklist\": [{\"id\": \"C1\", \"check\": \"checklist\", \"source\": \"s\", \"text\": {\"da\": \"t\", \"en\": \"t\"}},"
    " {\"id\": \"C1\", \"check\": \"checklist\", \"source\": \"s\", \"text\": {\"da\": \"t\", \"en\": \"t\"}}]}",
    "rule C1 appears twice" },
  /* A rule id from the file, quoted in the message, keeps it one line. */
  { "{\"format\": \"iv-discharge-rules/1\", \"region\": \"x\", \"name\": \"x\", \"has_agreement\": true,"
    " \"rules\": [{\"id\": \"R\\n1\", \"check\": \"none\"}]}", "rule R 1: unknown “check” “none”" },
};

/* A wrong type or value at every level of a directory file. */
static const Typed directory_cases[] = {
  { "[]", "format: must be “iv-discharge-directory/1”" },
  { "{\"format\": 1}", "format: must be “iv-discharge-directory/1”" },
  { "{\"format\": \"iv-discharge-directory/1\"}", "expected a “municipalities” list" },
  { "{\"format\": \"iv-discharge-directory/1\", \"municipalities\": {}}", "expected a “municipalities” list" },
  { "{\"format\": \"iv-discharge-directory/1\", \"municipalities\": [\"101\"]}", "each municipality must be an object" },
  { "{\"format\": \"iv-discharge-directory/1\", \"municipalities\": [{\"code\": 101}]}", "code" },
  { "{\"format\": \"iv-discharge-directory/1\", \"municipalities\": [{\"code\": \"999\"}]}",
    "no Danish municipality has the code “999”" },
  { "{\"format\": \"iv-discharge-directory/1\", \"municipalities\": [{\"code\": \"101\"}, {\"code\": \"101\"}]}",
    "municipality 101 appears twice" },
  { "{\"format\": \"iv-discharge-directory/1\", \"municipalities\": [{\"code\": \"101\", \"sor\": \"12\"}]}",
    "municipality 101: sor: “12” is not a SOR code" },
  { "{\"format\": \"iv-discharge-directory/1\", \"municipalities\": [{\"code\": \"101\", \"ean\": \"5790000000013\"}]}",
    "is not an EAN location number" },
  { "{\"format\": \"iv-discharge-directory/1\", \"municipalities\": [{\"code\": \"101\", \"iv_in_clinic\": \"yes\"}]}",
    "iv_in_clinic" },
  { "{\"format\": \"iv-discharge-directory/1\", \"municipalities\": [{\"code\": \"101\", \"notes\": 5}]}", "notes" },
  /* Found by fuzzing: a value with a line break, quoted in the message,
   * keeps it one line (json-glib takes a raw line break in a string). */
  { "{\"format\": \"iv-discharge-directory/1\", \"municipalities\": [{\"code\": \"101\", \"sor\": \"1\n2\"}]}",
    "sor: “1 2” is not a SOR code" },
  { "{\"format\": \"iv-discharge-directory/1\", \"municipalities\": [{\"code\": \"101\", \"sor\": \"1\n2\" x}]}",
    "not valid JSON" },
};

/* A wrong type or value at every level of a plan file. */
static const Typed plan_cases[] = {
  { "[]", "(file): a plan file is one JSON object" },
  { "{}", "format: missing" },
  { "{\"format\": 1}", "format: must be “iv-discharge-plan/1”" },
  { "{\"format\": \"iv-discharge-plan/1\", \"patient\": \"Hansen\"}", "patient: must be an object" },
  { "{\"format\": \"iv-discharge-plan/1\", \"patient\": {\"cpr\": 1506501237}}", "patient.cpr: must be text" },
  { "{\"format\": \"iv-discharge-plan/1\", \"patient\": {\"cpr\": \"150650-123\"}}", "patient.cpr: a CPR number has 10 digits" },
  { "{\"format\": \"iv-discharge-plan/1\", \"patient\": {\"municipality_code\": \"1010\"}}",
    "patient.municipality_code: must be a 3-digit municipality code" },
  { "{\"format\": \"iv-discharge-plan/1\", \"region\": \"nowhere\"}", "region: unknown value “nowhere”" },
  { "{\"format\": \"iv-discharge-plan/1\", \"stable\": \"yes\"}", "stable: must be true or false" },
  { "{\"format\": \"iv-discharge-plan/1\", \"treatment\": []}", "treatment: must be an object" },
  { "{\"format\": \"iv-discharge-plan/1\", \"treatment\": {\"doses_per_day\": \"3\"}}",
    "treatment.doses_per_day: must be a whole number" },
  { "{\"format\": \"iv-discharge-plan/1\", \"treatment\": {\"doses_per_day\": 25}}",
    "treatment.doses_per_day: must be between 1 and 24" },
  { "{\"format\": \"iv-discharge-plan/1\", \"treatment\": {\"days\": 2.5}}", "treatment.days: must be a whole number" },
  { "{\"format\": \"iv-discharge-plan/1\", \"treatment\": {\"days\": 010}}", "a number is written wrongly" },
  { "{\"format\": \"iv-discharge-plan/1\", \"treatment\": {\"days\": -18446744073709551615}}",
    "treatment.days: the number -18446744073709551615 is too large or too small" },
  { "{\"format\": \"iv-discharge-plan/1\", \"future\": [{\"x\": [3e22]}]}", "future.x: the number 3e22 is too large" },
  { "{\"format\": \"iv-discharge-plan/1\", \"treatment\": {\"administration_times\": \"08:00\"}}",
    "treatment.administration_times: must be a list of times" },
  { "{\"format\": \"iv-discharge-plan/1\", \"treatment\": {\"administration_times\": [\"8\"]}}",
    "treatment.administration_times: item 1 is not a time" },
  { "{\"format\": \"iv-discharge-plan/1\", \"treatment\": {\"start_date\": \"2026-02-30\"}}",
    "treatment.start_date: must be a date written YYYY-MM-DD" },
  { "{\"format\": \"iv-discharge-plan/1\", \"contact\": {\"calls\": {}}}", "contact.calls: must be a list of calls" },
  { "{\"format\": \"iv-discharge-plan/1\", \"contact\": {\"calls\": [1]}}", "contact.calls: item 1 must be an object" },
  { "{\"format\": \"iv-discharge-plan/1\", \"contact\": {\"calls\": [{\"answer\": [\"accepted\"]}]}}",
    "contact.calls: item 1: “answer” must be text" },
  { "{\"format\": \"iv-discharge-plan/1\", \"responsible\": {\"ean\": \"5790000000013\"}}",
    "responsible.ean: the check digit is wrong" },
  { "{\"format\": \"iv-discharge-plan/1\", \"checklist\": {\"START-PHONE\": 1}}",
    "checklist.START-PHONE: must be true or false" },
  { "{\"format\": \"iv-discharge-plan/1\", \"supplies\": {\"adjusted\": {\"medicine/x\": 10000}}}",
    "supplies.adjusted: “medicine/x” must be a whole number from 0 to 9999" },
  /* A value from the file, quoted in the message, keeps it one line. */
  { "{\"format\": \"iv-discharge-plan/1\", \"region\": \"a\\nb\"}", "region: unknown value “a b”" },
  { "{\"format\": \"iv-discharge-plan/1\", \"checklist\": {\"A\\r\\nB\": 1}}", "checklist.A  B: must be true or false" },
};

static void
test_typed (gconstpointer data)
{
  Reader reader = GPOINTER_TO_INT (data);
  const Typed *cases[N_READERS] = { rule_set_cases, directory_cases, plan_cases };
  guint n_cases[N_READERS] = { G_N_ELEMENTS (rule_set_cases), G_N_ELEMENTS (directory_cases),
                               G_N_ELEMENTS (plan_cases) };

  for (guint i = 0; i < n_cases[reader]; i++)
    {
      g_autoptr(GBytes) bytes = g_bytes_new_static (cases[reader][i].json, strlen (cases[reader][i].json));
      g_autoptr(GError) error = NULL;

      /* The case number, not the file: one case holds a CPR number. */
      g_test_message ("case %u", i);
      g_assert_false (read_as (reader, bytes, &error));
      assert_refused (error, codes[reader], reader == READER_PLAN ? "" : prefixes[reader],
                      cases[reader][i].expected);
    }
}

/* The same refusals when the plan comes as data (--check -, the store). */
static void
test_plan_data (void)
{
  g_autoptr(GArray) cases = generic_cases (IVD_TEST_ELIGIBLE_PLAN, IVD_PLAN_MAX_BYTES);

  for (guint i = 0; i < cases->len; i++)
    {
      Hostile *hostile = &g_array_index (cases, Hostile, i);
      gsize size;
      const char *data = g_bytes_get_data (hostile->bytes, &size);
      g_autoptr(GError) error = NULL;
      g_autoptr(GError) stored_error = NULL;

      g_test_message ("%s", hostile->name);
      g_assert_null (ivd_plan_new_from_data (data, size, &error));
      assert_refused (error, IVD_ERROR_INVALID, "(file): ", hostile->expected);
      g_assert_null (ivd_plan_new_from_stored_data (data, size, &stored_error));
      assert_refused (stored_error, IVD_ERROR_INVALID, "(file): ", hostile->expected);
    }
}

static char *
copy_data_dir (void)
{
  g_autofree char *dir = g_dir_make_tmp ("ivd-hostile-XXXXXX", NULL);
  g_autofree char *rules = g_build_filename (dir, "rules", NULL);
  const char *files[] = { "municipalities.json", "supplies.json", "rules/hovedstaden.json" };

  g_assert_cmpint (g_mkdir (rules, 0700), ==, 0);
  for (guint i = 0; i < G_N_ELEMENTS (files); i++)
    {
      g_autofree char *from = g_build_filename (g_getenv ("IVD_DATA_DIR"), files[i], NULL);
      g_autofree char *to = g_build_filename (dir, files[i], NULL);
      g_autofree char *contents = NULL;
      gsize length;

      g_assert_true (g_file_get_contents (from, &contents, &length, NULL));
      g_assert_true (g_file_set_contents (to, contents, length, NULL));
    }

  return g_steal_pointer (&dir);
}

static void
write_bytes (const char *path,
             GBytes     *bytes)
{
  gsize size;
  gconstpointer data = g_bytes_get_data (bytes, &size);

  g_assert_true (g_file_set_contents (path, data, size, NULL));
}

static GArray *
hostile_rule_files (void)
{
  GArray *cases = generic_cases (GOOD_RULE_SET, IVD_RULE_SET_MAX_BYTES);

  for (guint i = 0; i < G_N_ELEMENTS (rule_set_cases); i++)
    {
      Hostile hostile = { rule_set_cases[i].json,
                          g_bytes_new_static (rule_set_cases[i].json, strlen (rule_set_cases[i].json)),
                          rule_set_cases[i].expected };
      g_array_append_val (cases, hostile);
    }
  return cases;
}

/* The catalog keeps the rule set it read: a rule file spoilt afterwards
 * changes nothing until the app starts again, and then it is refused, by
 * name, rather than used half-read. A refusal is not remembered: once the
 * file is put right, it is read. */
static void
test_catalog_keeps_good_rule_set (void)
{
  g_autofree char *dir = copy_data_dir ();
  g_autofree char *path = g_build_filename (dir, "rules", "hovedstaden.json", NULL);
  g_autofree char *good = NULL;
  g_autoptr(IvdCatalog) catalog = ivd_catalog_new ((const char * const[]) { dir, NULL }, NULL);
  g_autoptr(IvdCatalog) fresh = NULL;
  g_autoptr(IvdPlan) plan = ivd_test_plan (IVD_TEST_ELIGIBLE_PLAN);
  g_autoptr(GArray) cases = hostile_rule_files ();
  g_autoptr(GError) error = NULL;
  IvdRuleSet *rule_set;

  g_assert_true (g_file_get_contents (path, &good, NULL, NULL));
  rule_set = ivd_catalog_get_rule_set (catalog, "hovedstaden", &error);
  g_assert_no_error (error);

  for (guint i = 0; i < cases->len; i++)
    {
      Hostile *hostile = &g_array_index (cases, Hostile, i);
      g_autoptr(IvdCatalog) restarted = ivd_catalog_new ((const char * const[]) { dir, NULL }, NULL);
      g_autoptr(IvdEvaluation) evaluation = NULL;

      g_test_message ("%s", hostile->name);
      write_bytes (path, hostile->bytes);

      g_assert_true (ivd_catalog_get_rule_set (catalog, "hovedstaden", &error) == rule_set);
      g_assert_no_error (error);
      evaluation = ivd_test_evaluate (catalog, plan);
      g_assert_cmpint (ivd_evaluation_get_outcome (evaluation), ==, IVD_OUTCOME_ELIGIBLE);

      g_assert_null (ivd_catalog_get_rule_set (restarted, "hovedstaden", &error));
      assert_refused (error, IVD_ERROR_DATA, "The rule file hovedstaden.json cannot be used: ", hostile->expected);
      g_clear_error (&error);
    }

  fresh = ivd_catalog_new ((const char * const[]) { dir, NULL }, NULL);
  g_assert_null (ivd_catalog_get_rule_set (fresh, "hovedstaden", NULL));
  g_assert_true (g_file_set_contents (path, good, -1, NULL));
  g_assert_nonnull (ivd_catalog_get_rule_set (fresh, "hovedstaden", &error));
  g_assert_no_error (error);
  ivd_test_remove_tree (dir);
}

/* A user's corrected copy that is broken is refused by name, not passed
 * over for the shipped rules: the clinician corrected a limit for a
 * reason, and silently dropping the correction would hide it. */
static void
test_broken_user_copy_refused (void)
{
  g_autofree char *dir = copy_data_dir ();
  g_autofree char *user = g_dir_make_tmp ("ivd-hostile-user-XXXXXX", NULL);
  g_autofree char *rules = g_build_filename (user, "rules", NULL);
  g_autofree char *path = g_build_filename (rules, "hovedstaden.json", NULL);
  g_autoptr(GString) deep = repeat ("", "[", DEEP);
  g_autoptr(IvdCatalog) catalog = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (g_mkdir (rules, 0700), ==, 0);
  g_assert_true (g_file_set_contents (path, deep->str, deep->len, NULL));
  catalog = ivd_catalog_new ((const char * const[]) { user, dir, NULL }, &error);
  g_assert_no_error (error);

  g_assert_null (ivd_catalog_get_rule_set (catalog, "hovedstaden", &error));
  assert_refused (error, IVD_ERROR_DATA, "The rule file hovedstaden.json cannot be used: ", "nested");
  ivd_test_remove_tree (user);
  ivd_test_remove_tree (dir);
}

/* A spoilt municipalities.json stops the catalog, naming the file. */
static void
test_municipalities_refused (void)
{
  g_autofree char *dir = copy_data_dir ();
  g_autofree char *path = g_build_filename (dir, "municipalities.json", NULL);
  g_autoptr(GArray) cases = generic_cases ("{\"municipalities\": []}", 1024 * 1024);

  for (guint i = 0; i < cases->len; i++)
    {
      Hostile *hostile = &g_array_index (cases, Hostile, i);
      g_autoptr(GError) error = NULL;

      g_test_message ("%s", hostile->name);
      write_bytes (path, hostile->bytes);
      g_assert_null (ivd_catalog_new ((const char * const[]) { dir, NULL }, &error));
      assert_refused (error, IVD_ERROR_DATA, "The data file municipalities.json cannot be used: ",
                      hostile->expected);
    }
  ivd_test_remove_tree (dir);
}

/* A directory read before stays as it was when the file is spoilt and
 * read again: the reader builds a new directory or none. */
static void
test_directory_keeps_good (void)
{
  g_autoptr(GBytes) good = g_bytes_new_static (GOOD_DIRECTORY, strlen (GOOD_DIRECTORY));
  g_autofree char *path = write_temp ("directory.json", good);
  g_autoptr(GArray) cases = generic_cases (GOOD_DIRECTORY, IVD_DIRECTORY_MAX_BYTES);
  g_autoptr(IvdDirectory) directory = NULL;
  g_autoptr(GError) error = NULL;

  directory = ivd_directory_new_from_file (shipped_catalog (), path, &error);
  g_assert_no_error (error);

  for (guint i = 0; i < G_N_ELEMENTS (directory_cases); i++)
    {
      Hostile hostile = { directory_cases[i].json,
                          g_bytes_new_static (directory_cases[i].json, strlen (directory_cases[i].json)),
                          directory_cases[i].expected };
      g_array_append_val (cases, hostile);
    }

  for (guint i = 0; i < cases->len; i++)
    {
      Hostile *hostile = &g_array_index (cases, Hostile, i);
      IvdDirectoryEntry *entry;

      g_test_message ("%s", hostile->name);
      write_bytes (path, hostile->bytes);
      g_assert_null (ivd_directory_new_from_file (shipped_catalog (), path, &error));
      assert_refused (error, IVD_ERROR_INVALID, "The municipality directory directory.json cannot be used: ",
                      hostile->expected);
      g_clear_error (&error);

      g_assert_cmpuint (g_list_model_get_n_items (ivd_directory_get_entries (directory)), ==, 1);
      entry = ivd_directory_lookup (directory, "101");
      g_assert_nonnull (entry);
      g_assert_cmpstr (ivd_directory_entry_get_visitation_phone (entry), ==, "+45 00 00 00 01");
      g_assert_cmpstr (ivd_directory_entry_get_ean (entry), ==, "5790000000012");
    }
  remove_temp (path);
}

int
main (int    argc,
      char **argv)
{
  const char *names[N_READERS] = { "rule-set", "directory", "plan" };

  g_test_init (&argc, &argv, NULL);

  for (Reader reader = 0; reader < N_READERS; reader++)
    {
      g_autofree char *generic = g_strdup_printf ("/hostile/%s/generic", names[reader]);
      g_autofree char *typed = g_strdup_printf ("/hostile/%s/wrong-types", names[reader]);
      g_autofree char *sparse = g_strdup_printf ("/hostile/%s/2-gib-sparse", names[reader]);

      g_test_add_data_func (generic, GINT_TO_POINTER (reader), test_generic);
      g_test_add_data_func (typed, GINT_TO_POINTER (reader), test_typed);
      g_test_add_data_func (sparse, GINT_TO_POINTER (reader), test_sparse_huge);
    }
  g_test_add_func ("/hostile/depth-limit", test_depth_limit);
  g_test_add_func ("/hostile/plan/data", test_plan_data);
  g_test_add_func ("/hostile/catalog/keeps-good-rule-set", test_catalog_keeps_good_rule_set);
  g_test_add_func ("/hostile/catalog/broken-user-copy", test_broken_user_copy_refused);
  g_test_add_func ("/hostile/catalog/municipalities", test_municipalities_refused);
  g_test_add_func ("/hostile/directory/keeps-good", test_directory_keeps_good);

  return g_test_run ();
}
