#include "ivd-test-util.h"

#include "ivd-directory.h"
#include "ivd-directory-changes.h"
#include "ivd-directory-fields.h"

/* Exporting and importing the municipality directory: what an import
 * would change, field by field; applying it through the file; files
 * refused whole with nothing changed; the expected yearly volume. */

#define HEAD "{\"format\": \"iv-discharge-directory/1\", \"municipalities\": ["

static char *tmp_dir;

static char *
tmp_path (const char *name)
{
  return g_build_filename (tmp_dir, name, NULL);
}

static char *
write_file (const char *name,
            const char *contents)
{
  char *path = tmp_path (name);

  g_assert_true (g_file_set_contents (path, contents, -1, NULL));
  return path;
}

static IvdDirectory *
read_directory (IvdCatalog *catalog,
                const char *path)
{
  g_autoptr(GError) error = NULL;
  IvdDirectory *directory = ivd_directory_new_from_file (catalog, path, &error);

  g_assert_no_error (error);
  return directory;
}

/* The shipped test entry for 101 with an expected volume, and 151 with a phone. */
static IvdDirectory *
sample_directory (IvdCatalog *catalog)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "directory.json", NULL);
  IvdDirectory *directory = read_directory (catalog, path);

  g_object_set (ivd_directory_lookup (directory, "101"), "expected-courses-per-year", 1200, NULL);
  g_object_set (ivd_directory_ensure_entry (directory, "151"), "visitation-phone", "+45 00 00 00 51", NULL);
  return directory;
}

static IvdDirectoryChange *
change_at (IvdDirectoryChanges *changes,
           guint                i)
{
  IvdDirectoryChange *change = g_list_model_get_item (ivd_directory_changes_get_changes (changes), i);

  g_assert_nonnull (change);
  g_object_unref (change);  /* the list holds it */
  return change;
}

static void
assert_change (IvdDirectoryChanges    *changes,
               guint                   i,
               const char             *code,
               const char             *property,
               IvdDirectoryChangeKind  kind,
               const char             *old_value,
               const char             *new_value)
{
  IvdDirectoryChange *change = change_at (changes, i);

  g_test_message ("change %u: %s %s", i, code, property);
  g_assert_cmpstr (ivd_directory_change_get_code (change), ==, code);
  g_assert_cmpstr (ivd_directory_change_get_field_name (change), ==, property);
  g_assert_true (ivd_directory_change_get_field (change) == ivd_directory_fields_lookup (property));
  g_assert_cmpint (ivd_directory_change_get_kind (change), ==, kind);
  g_assert_cmpstr (ivd_directory_change_get_old_value (change), ==, old_value);
  g_assert_cmpstr (ivd_directory_change_get_new_value (change), ==, new_value);
}

/* What is exported imports as no change at all. */
static void
test_round_trip (void)
{
  g_autoptr(IvdCatalog) catalog = ivd_test_catalog ();
  g_autoptr(IvdDirectory) directory = sample_directory (catalog);
  g_autofree char *path = tmp_path ("export.json");
  g_autoptr(IvdDirectoryChanges) changes = NULL;
  g_autoptr(GError) error = NULL;
  GStatBuf info;

  g_assert_true (ivd_directory_save_to_file (directory, path, &error));
  g_assert_no_error (error);
  g_assert_cmpint (g_stat (path, &info), ==, 0);
  g_assert_cmpint (info.st_mode & 0777, ==, 0600);

  changes = ivd_directory_changes_new_from_file (directory, catalog, path, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (ivd_directory_changes_get_changes (changes)), ==, 0);
  g_assert_cmpuint (ivd_directory_changes_get_n_municipalities (changes), ==, 0);

  /* Into an empty directory, everything is new. */
  {
    g_autoptr(IvdDirectory) empty = ivd_directory_new ();
    g_autoptr(IvdDirectoryChanges) all = ivd_directory_changes_new_from_file (empty, catalog, path, &error);

    g_assert_no_error (error);
    g_assert_cmpuint (ivd_directory_changes_get_n_municipalities (all), ==, 2);
    /* 101: the 11 fields filled in; 151: the phone. */
    g_assert_cmpuint (g_list_model_get_n_items (ivd_directory_changes_get_changes (all)), ==, 12);
    for (guint i = 0; i < 12; i++)
      g_assert_cmpint (ivd_directory_change_get_kind (change_at (all, i)), ==, IVD_DIRECTORY_CHANGE_ADDED);
  }
  g_remove (path);
}

/* Every changed field is listed, by municipality code, with the values a
 * person reads; a field the file leaves out is listed as removed;
 * municipalities the file does not mention are not. */
static void
test_changes_listed (void)
{
  g_autoptr(IvdCatalog) catalog = ivd_test_catalog ();
  g_autoptr(IvdDirectory) directory = sample_directory (catalog);
  g_autoptr(IvdDirectoryChanges) changes = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = write_file ("import.json", HEAD
    "{\"code\": \"147\", \"acute_team_phone\": \"+45 00 00 01 47\", \"iv_in_clinic\": false},"
    "{\"code\": \"101\", \"sor\": \"100000000000002\", \"ean\": \"5790000000012\","
    " \"visitation_phone\": \"+45 00 00 00 99\", \"visitation_hours\": \"Hverdage 8-15 (testdata)\","
    " \"acute_team_phone\": \"+45 00 00 00 02\", \"iv_in_clinic\": false,"
    " \"clinic_address\": \"Testvej 1, 0000 Testby\", \"clinic_hours\": \"8-22\","
    " \"depot_address\": \"Testdepot, Testvej 2\", \"expected_courses_per_year\": 1500}]}");

  changes = ivd_directory_changes_new_from_file (directory, catalog, path, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (ivd_directory_changes_get_n_municipalities (changes), ==, 2);
  g_assert_cmpuint (g_list_model_get_n_items (ivd_directory_changes_get_changes (changes)), ==, 6);
  assert_change (changes, 0, "101", "visitation-phone", IVD_DIRECTORY_CHANGE_CHANGED,
                 "+45 00 00 00 01", "+45 00 00 00 99");
  assert_change (changes, 1, "101", "iv-in-clinic", IVD_DIRECTORY_CHANGE_CHANGED, "Yes", "No");
  assert_change (changes, 2, "101", "notes", IVD_DIRECTORY_CHANGE_REMOVED, "Fiktive testdata", NULL);
  assert_change (changes, 3, "101", "expected-courses-per-year", IVD_DIRECTORY_CHANGE_CHANGED, "1200", "1500");
  assert_change (changes, 4, "147", "acute-team-phone", IVD_DIRECTORY_CHANGE_ADDED, NULL, "+45 00 00 01 47");
  assert_change (changes, 5, "147", "iv-in-clinic", IVD_DIRECTORY_CHANGE_ADDED, NULL, "No");

  /* Comparing changed nothing. */
  g_assert_cmpstr (ivd_directory_entry_get_visitation_phone (ivd_directory_lookup (directory, "101")), ==,
                   "+45 00 00 00 01");
  g_assert_null (ivd_directory_lookup (directory, "147"));
  g_remove (path);
}

/* The import writes the file's values over the directory file as it is
 * on disk, keeps the municipalities the file does not mention, and the
 * edited directory follows in place. */
static void
test_apply (void)
{
  g_autoptr(IvdCatalog) catalog = ivd_test_catalog ();
  g_autoptr(IvdDirectory) directory = sample_directory (catalog);
  g_autoptr(IvdDirectory) saved = NULL;
  g_autoptr(IvdDirectoryChanges) changes = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *target = tmp_path ("municipality-directory.json");
  g_autofree char *path = write_file ("import.json", HEAD
    "{\"code\": \"101\", \"visitation_phone\": \"+45 00 00 00 99\", \"expected_courses_per_year\": 1500},"
    "{\"code\": \"147\", \"acute_team_phone\": \"+45 00 00 01 47\"}]}");
  IvdDirectoryEntry *mine = ivd_directory_lookup (directory, "101");
  IvdDirectoryEntry *entry;
  GStatBuf info;

  g_assert_true (ivd_directory_save_to_file (directory, target, &error));
  g_assert_no_error (error);
  /* Another window adds 173 after this directory was read. */
  {
    g_autoptr(IvdDirectory) other = read_directory (catalog, target);

    g_object_set (ivd_directory_ensure_entry (other, "173"), "notes", "Fra et andet vindue", NULL);
    g_assert_true (ivd_directory_save_to_file (other, target, &error));
  }

  changes = ivd_directory_changes_new_from_file (directory, catalog, path, &error);
  g_assert_no_error (error);
  g_assert_true (ivd_directory_changes_apply_to_file (changes, directory, catalog, target, &error));
  g_assert_no_error (error);

  g_assert_cmpint (g_stat (target, &info), ==, 0);
  g_assert_cmpint (info.st_mode & 0777, ==, 0600);
  saved = read_directory (catalog, target);
  entry = ivd_directory_lookup (saved, "101");
  g_assert_cmpstr (ivd_directory_entry_get_visitation_phone (entry), ==, "+45 00 00 00 99");
  g_assert_cmpuint (ivd_directory_entry_get_expected_courses_per_year (entry), ==, 1500);
  g_assert_null (ivd_directory_entry_get_notes (entry));
  g_assert_false (ivd_directory_entry_get_iv_in_clinic_known (entry));
  g_assert_cmpstr (ivd_directory_entry_get_acute_team_phone (ivd_directory_lookup (saved, "147")), ==,
                   "+45 00 00 01 47");
  g_assert_cmpstr (ivd_directory_entry_get_visitation_phone (ivd_directory_lookup (saved, "151")), ==,
                   "+45 00 00 00 51");
  g_assert_cmpstr (ivd_directory_entry_get_notes (ivd_directory_lookup (saved, "173")), ==, "Fra et andet vindue");

  /* The directory in memory is the file now, with the same entry objects. */
  g_assert_true (ivd_directory_lookup (directory, "101") == mine);
  g_assert_cmpstr (ivd_directory_entry_get_visitation_phone (mine), ==, "+45 00 00 00 99");
  g_assert_cmpstr (ivd_directory_entry_get_notes (ivd_directory_lookup (directory, "173")), ==,
                   "Fra et andet vindue");

  /* Importing the same file again changes nothing. */
  g_clear_object (&changes);
  changes = ivd_directory_changes_new_from_file (directory, catalog, path, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (ivd_directory_changes_get_changes (changes)), ==, 0);

  /* In memory only. */
  {
    g_autoptr(IvdDirectory) fresh = ivd_directory_new ();
    ivd_directory_changes_apply (changes, fresh);
    g_assert_cmpuint (ivd_directory_entry_get_expected_courses_per_year (ivd_directory_lookup (fresh, "101")), ==,
                      1500);
  }
  g_remove (path);
  g_remove (target);
}

/* Each bad file is refused whole with a reason, and neither the
 * directory in memory nor its file changes. */
static void
test_bad_files (void)
{
  struct { const char *name; const char *contents; const char *reason; } cases[] = {
    { "malformed", HEAD "{\"code\": \"101\", ", "" },
    { "not-json", "visitation_phone;+45 00 00 00 99\n", "" },
    { "wrong-format", "{\"format\": \"iv-discharge-plan/1\", \"municipalities\": []}", "format" },
    { "no-list", "{\"format\": \"iv-discharge-directory/1\"}", "municipalities" },
    { "unknown-code", HEAD "{\"code\": \"101\", \"notes\": \"ok\"}, {\"code\": \"999\"}]}", "999" },
    { "no-code", HEAD "{\"notes\": \"uden kode\"}]}", "code" },
    { "twice", HEAD "{\"code\": \"101\"}, {\"code\": \"101\"}]}", "twice" },
    { "bad-sor", HEAD "{\"code\": \"101\", \"sor\": \"12AB\"}]}", "sor" },
    { "bad-ean", HEAD "{\"code\": \"101\", \"ean\": \"5790000000013\"}]}", "ean" },
    { "text-phone", HEAD "{\"code\": \"101\", \"visitation_phone\": 4500000000}]}", "visitation_phone" },
    { "bad-clinic", HEAD "{\"code\": \"101\", \"iv_in_clinic\": \"ja\"}]}", "iv_in_clinic" },
    { "negative-courses", HEAD "{\"code\": \"101\", \"expected_courses_per_year\": -5}]}", "expected_courses_per_year" },
    { "fraction-courses", HEAD "{\"code\": \"101\", \"expected_courses_per_year\": 12.5}]}", "expected_courses_per_year" },
    { "text-courses", HEAD "{\"code\": \"101\", \"expected_courses_per_year\": \"1200\"}]}", "expected_courses_per_year" },
    { "huge-courses", HEAD "{\"code\": \"101\", \"expected_courses_per_year\": 100001}]}", "expected_courses_per_year" },
  };
  g_autoptr(IvdCatalog) catalog = ivd_test_catalog ();
  g_autoptr(IvdDirectory) directory = sample_directory (catalog);
  g_autofree char *target = tmp_path ("municipality-directory.json");
  g_autofree char *before = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (ivd_directory_save_to_file (directory, target, &error));
  g_assert_true (g_file_get_contents (target, &before, NULL, NULL));

  for (guint i = 0; i < G_N_ELEMENTS (cases) + 1; i++)
    {
      g_autofree char *path = NULL;
      g_autofree char *after = NULL;
      g_autoptr(IvdDirectoryChanges) changes = NULL;
      g_autoptr(GError) refused = NULL;

      if (i < G_N_ELEMENTS (cases))
        path = write_file (cases[i].name, cases[i].contents);
      else
        {
          /* Over the 4 MiB limit: one entry's notes. */
          g_autoptr(GString) big = g_string_new (HEAD "{\"code\": \"101\", \"notes\": \"");

          for (gsize n = 0; n < IVD_DIRECTORY_MAX_BYTES + 16; n += 8)
            g_string_append (big, "notenote");
          g_string_append (big, "\"}]}");
          path = write_file ("too-big", big->str);
        }
      g_test_message ("%s", path);

      changes = ivd_directory_changes_new_from_file (directory, catalog, path, &refused);
      g_assert_null (changes);
      g_assert_nonnull (refused);
      g_assert_nonnull (strstr (refused->message, "cannot be used"));
      if (i < G_N_ELEMENTS (cases))
        g_assert_nonnull (strstr (refused->message, cases[i].reason));
      /* One line, whatever the file held. */
      g_assert_null (strchr (refused->message, '\n'));

      g_assert_true (g_file_get_contents (target, &after, NULL, NULL));
      g_assert_cmpstr (after, ==, before);
      g_assert_cmpstr (ivd_directory_entry_get_visitation_phone (ivd_directory_lookup (directory, "101")), ==,
                       "+45 00 00 00 01");
      g_assert_cmpuint (ivd_directory_entry_get_expected_courses_per_year (ivd_directory_lookup (directory, "101")),
                        ==, 1200);
      g_assert_null (ivd_directory_lookup (directory, "147"));
      g_remove (path);
    }
  g_remove (target);
}

/* The expected yearly volume is written when set and read back; 0 and
 * absent are both not filled in. */
static void
test_expected_courses (void)
{
  g_autoptr(IvdCatalog) catalog = ivd_test_catalog ();
  g_autoptr(IvdDirectory) directory = ivd_directory_new ();
  g_autoptr(IvdDirectory) read = NULL;
  g_autoptr(IvdDirectory) zero = NULL;
  g_autofree char *path = tmp_path ("courses.json");
  g_autofree char *contents = NULL;
  g_autofree char *zero_path = write_file ("zero.json", HEAD
    "{\"code\": \"851\", \"expected_courses_per_year\": 0}, {\"code\": \"787\", \"expected_courses_per_year\": null}]}");
  g_autoptr(GError) error = NULL;
  IvdDirectoryEntry *entry = ivd_directory_ensure_entry (directory, "851");

  g_assert_cmpuint (ivd_directory_entry_get_expected_courses_per_year (entry), ==, 0);
  g_object_set (entry, "expected-courses-per-year", 2200, NULL);
  g_object_set (ivd_directory_ensure_entry (directory, "787"), "notes", "Ingen volumen aftalt", NULL);
  g_assert_true (ivd_directory_save_to_file (directory, path, &error));
  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  g_assert_nonnull (strstr (contents, "\"expected_courses_per_year\" : 2200"));
  /* Written only where filled in. */
  g_assert_null (strstr (strstr (contents, "787"), "expected_courses_per_year"));

  read = read_directory (catalog, path);
  g_assert_cmpuint (ivd_directory_entry_get_expected_courses_per_year (ivd_directory_lookup (read, "851")), ==, 2200);
  g_assert_cmpuint (ivd_directory_entry_get_expected_courses_per_year (ivd_directory_lookup (read, "787")), ==, 0);

  zero = read_directory (catalog, zero_path);
  g_assert_true (ivd_directory_entry_is_empty (ivd_directory_lookup (zero, "851")));
  g_assert_true (ivd_directory_entry_is_empty (ivd_directory_lookup (zero, "787")));
  g_assert_false (ivd_directory_entry_is_empty (ivd_directory_lookup (read, "851")));
  g_remove (path);
  g_remove (zero_path);
}

/* The shared field table: titles, values as read, and what typing may save. */
static void
test_fields (void)
{
  const IvdDirectoryField *ean = ivd_directory_fields_lookup ("ean");
  const IvdDirectoryField *sor = ivd_directory_fields_lookup ("sor");
  const IvdDirectoryField *courses = ivd_directory_fields_lookup ("expected-courses-per-year");
  const IvdDirectoryField *phone = ivd_directory_fields_lookup ("visitation-phone");
  g_autoptr(IvdDirectoryEntry) entry = ivd_directory_entry_new ("101");
  g_autofree char *problem = NULL;
  gboolean typing;

  g_assert_cmpuint (ivd_directory_fields_get_n (), ==, 11);
  g_assert_null (ivd_directory_fields_lookup ("code"));
  g_assert_cmpstr (ivd_directory_field_get_title (phone), ==, "Visitation phone");
  g_assert_cmpuint (ivd_directory_fields_count_filled (entry), ==, 0);
  g_assert_cmpuint (ivd_directory_fields_count_filled (NULL), ==, 0);

  /* Still typing a code: a reason, but no error yet. */
  problem = ivd_directory_field_dup_problem (ean, "57900", &typing);
  g_assert_nonnull (strstr (problem, "13 digits"));
  g_assert_true (typing);
  g_clear_pointer (&problem, g_free);
  problem = ivd_directory_field_dup_problem (ean, "5790000000013", &typing);
  g_assert_nonnull (strstr (problem, "check digit"));
  g_assert_false (typing);
  g_clear_pointer (&problem, g_free);
  problem = ivd_directory_field_dup_problem (sor, "12a", &typing);
  g_assert_nonnull (strstr (problem, "digits only"));
  g_assert_false (typing);
  g_clear_pointer (&problem, g_free);
  g_assert_null (ivd_directory_field_dup_problem (sor, "123456", &typing));
  g_assert_null (ivd_directory_field_dup_problem (phone, "ring efter kl. 8", &typing));
  g_assert_null (ivd_directory_field_dup_problem (courses, "", &typing));
  g_assert_null (ivd_directory_field_dup_problem (courses, "1200", &typing));
  for (guint i = 0; i < 6; i++)
    {
      const char *bad[] = { "0", "12,5", "-3", "mange", "100001", "99999999999999999999999" };
      const char *reason[] = { "1 or more", "whole number", "whole number", "whole number", "at most 100000",
                               "at most 100000" };

      problem = ivd_directory_field_dup_problem (courses, bad[i], &typing);
      g_assert_nonnull (strstr (problem, reason[i]));
      g_clear_pointer (&problem, g_free);
    }

  /* Refused text leaves the entry as it was. */
  g_assert_false (ivd_directory_field_set_text (ean, entry, "5790000000013"));
  g_assert_null (ivd_directory_entry_get_ean (entry));
  g_assert_true (ivd_directory_field_set_text (ean, entry, "5790000000012"));
  g_assert_true (ivd_directory_field_set_text (courses, entry, "1200"));
  g_assert_true (ivd_directory_field_set_text (phone, entry, "+45 00 00 00 01"));
  g_assert_cmpuint (ivd_directory_entry_get_expected_courses_per_year (entry), ==, 1200);
  g_assert_cmpuint (ivd_directory_fields_count_filled (entry), ==, 3);
  g_object_set (entry, "iv-in-clinic", FALSE, NULL);
  g_assert_cmpuint (ivd_directory_fields_count_filled (entry), ==, 4);
  g_assert_true (ivd_directory_field_set_text (courses, entry, ""));
  g_assert_true (ivd_directory_field_set_text (phone, entry, ""));
  g_assert_cmpuint (ivd_directory_fields_count_filled (entry), ==, 2);
}

/* Assigning notifies only what changes. */
static void
on_notify_cb (GObject    *object,
              GParamSpec *pspec,
              GPtrArray  *names)
{
  g_ptr_array_add (names, g_strdup (pspec->name));
}

static void
test_assign (void)
{
  g_autoptr(IvdDirectoryEntry) entry = ivd_directory_entry_new ("101");
  g_autoptr(IvdDirectoryEntry) from = ivd_directory_entry_new ("101");
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);

  g_object_set (entry, "notes", "samme", "sor", "123456", NULL);
  g_object_set (from, "notes", "samme", "expected-courses-per-year", 40, "iv-in-clinic", TRUE, NULL);
  g_signal_connect (entry, "notify", G_CALLBACK (on_notify_cb), names);
  ivd_directory_entry_assign (entry, from);

  g_assert_cmpuint (names->len, ==, 4);
  g_assert_true (g_ptr_array_find_with_equal_func (names, "sor", g_str_equal, NULL));
  g_assert_true (g_ptr_array_find_with_equal_func (names, "expected-courses-per-year", g_str_equal, NULL));
  g_assert_true (g_ptr_array_find_with_equal_func (names, "iv-in-clinic", g_str_equal, NULL));
  g_assert_true (g_ptr_array_find_with_equal_func (names, "iv-in-clinic-known", g_str_equal, NULL));
  g_assert_null (ivd_directory_entry_get_sor (entry));
  g_assert_cmpuint (ivd_directory_entry_get_expected_courses_per_year (entry), ==, 40);
}

int
main (int   argc,
      char *argv[])
{
  int status;

  g_test_init (&argc, &argv, NULL);
  tmp_dir = g_dir_make_tmp ("ivd-directory-changes-XXXXXX", NULL);
  g_assert_nonnull (tmp_dir);

  g_test_add_func ("/directory-changes/round-trip", test_round_trip);
  g_test_add_func ("/directory-changes/listed", test_changes_listed);
  g_test_add_func ("/directory-changes/apply", test_apply);
  g_test_add_func ("/directory-changes/bad-files", test_bad_files);
  g_test_add_func ("/directory-changes/expected-courses", test_expected_courses);
  g_test_add_func ("/directory-changes/fields", test_fields);
  g_test_add_func ("/directory-changes/assign", test_assign);

  status = g_test_run ();
  ivd_test_remove_tree (tmp_dir);
  g_free (tmp_dir);
  return status;
}
