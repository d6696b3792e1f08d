#include "ivd-test-util.h"

#include "ivd-codes.h"
#include "ivd-directory.h"

/* The municipality directory file and the SOR and EAN codes in it. */

static void
test_ean (void)
{
  struct { const char *code; gboolean valid; } cases[] = {
    { "5790000000005", TRUE },
    { "5790000000012", TRUE },
    { "5790000000013", FALSE },  /* wrong check digit */
    { "5790000000023", FALSE },  /* a mistyped digit */
    { "579000000000", FALSE },   /* 12 digits */
    { "57900000000055", FALSE }, /* 14 digits */
    { "579000000000a", FALSE },
    { "", FALSE },
    { NULL, FALSE },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_test_message ("EAN %s", cases[i].code);
      g_assert_cmpint (ivd_codes_ean_is_valid (cases[i].code), ==, cases[i].valid);
    }
}

static void
test_sor (void)
{
  struct { const char *code; gboolean valid; } cases[] = {
    { "100000000000001", TRUE },
    { "123456", TRUE },
    { "123456789012345678", TRUE },
    { "12345", FALSE },
    { "1234567890123456789", FALSE },
    { "12345678901234x", FALSE },
    { "", FALSE },
    { NULL, FALSE },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    g_assert_cmpint (ivd_codes_sor_is_valid (cases[i].code), ==, cases[i].valid);
}

static IvdDirectory *
read_directory (IvdCatalog  *catalog,
                const char  *json,
                GError     **error)
{
  g_autofree char *dir = g_dir_make_tmp ("ivd-directory-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "directory.json", NULL);
  IvdDirectory *directory;

  g_assert_true (g_file_set_contents (path, json, -1, NULL));
  directory = ivd_directory_new_from_file (catalog, path, error);
  ivd_test_remove_tree (dir);
  return directory;
}

static void
test_read (void)
{
  g_autoptr(IvdCatalog) catalog = ivd_test_catalog ();
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "directory.json", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(IvdDirectory) directory = ivd_directory_new_from_file (catalog, path, &error);
  IvdDirectoryEntry *entry;
  g_autofree char *phone = NULL;

  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (ivd_directory_get_entries (directory)), ==, 1);
  entry = ivd_directory_lookup (directory, "101");
  g_assert_nonnull (entry);
  g_assert_cmpstr (ivd_directory_entry_get_sor (entry), ==, "100000000000002");
  g_assert_cmpstr (ivd_directory_entry_get_ean (entry), ==, "5790000000012");
  g_assert_true (ivd_directory_entry_get_iv_in_clinic (entry));
  g_assert_cmpstr (ivd_directory_entry_get_depot_address (entry), ==, "Testdepot, Testvej 2");

  /* The same through the properties an editor binds to. */
  g_object_get (entry, "visitation-phone", &phone, NULL);
  g_assert_cmpstr (phone, ==, "+45 00 00 00 01");

  /* A municipality not filled in has no entry: nothing is invented. */
  g_assert_null (ivd_directory_lookup (directory, "147"));
}

static void
on_notify_cb (GObject    *object,
              GParamSpec *pspec,
              guint      *count)
{
  (*count)++;
}

/* An empty field is an unfilled one, and a property set to what it holds
 * notifies nobody. */
static void
test_properties (void)
{
  g_autoptr(IvdDirectoryEntry) entry = ivd_directory_entry_new ("101");
  guint notified = 0;

  g_signal_connect (entry, "notify", G_CALLBACK (on_notify_cb), &notified);

  g_object_set (entry, "sor", "100000000000002", NULL);
  g_object_set (entry, "sor", "100000000000002", NULL);
  g_assert_cmpuint (notified, ==, 1);
  g_object_set (entry, "sor", "", NULL);
  g_assert_null (ivd_directory_entry_get_sor (entry));
  g_assert_cmpuint (notified, ==, 2);
}

static void
test_refused (void)
{
  g_autoptr(IvdCatalog) catalog = ivd_test_catalog ();
  struct { const char *json; const char *says; } cases[] = {
    { "{\"municipalities\": []}", "format" },
    { "{\"format\": \"iv-discharge-directory/2\", \"municipalities\": []}", "format" },
    { "{\"format\": \"iv-discharge-directory/1\"}", "municipalities" },
    { "{\"format\": \"iv-discharge-directory/1\", \"municipalities\": [42]}", "object" },
    { "{\"format\": \"iv-discharge-directory/1\", \"municipalities\": [{\"sor\": \"123456\"}]}", "code" },
    { "{\"format\": \"iv-discharge-directory/1\", \"municipalities\": [{\"code\": \"999\"}]}", "999" },
    { "{\"format\": \"iv-discharge-directory/1\", \"municipalities\": [{\"code\": \"101\"}, {\"code\": \"101\"}]}",
      "twice" },
    { "{\"format\": \"iv-discharge-directory/1\", \"municipalities\": [{\"code\": \"101\", \"ean\": \"5790000000013\"}]}",
      "ean" },
    { "{\"format\": \"iv-discharge-directory/1\", \"municipalities\": [{\"code\": \"101\", \"sor\": \"12\"}]}", "sor" },
    { "{\"format\": \"iv-discharge-directory/1\", \"municipalities\": [{\"code\": \"101\", \"notes\": 7}]}", "notes" },
    { "{\"format\": \"iv-discharge-directory/1\", \"municipalities\": [{\"code\": \"101\", \"iv_in_clinic\": \"yes\"}]}",
      "iv_in_clinic" },
    { "not json", "directory" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(IvdDirectory) directory = read_directory (catalog, cases[i].json, &error);

      g_test_message ("case %u: %s", i, error ? error->message : "(read)");
      g_assert_null (directory);
      g_assert_error (error, IVD_ERROR, IVD_ERROR_INVALID);
      g_assert_nonnull (strstr (error->message, cases[i].says));
      /* The message names the file, so a coordinator knows which one. */
      g_assert_nonnull (strstr (error->message, "directory.json"));
    }
}

static void
test_default_is_empty (void)
{
  g_autoptr(IvdCatalog) catalog = ivd_test_catalog ();
  g_autoptr(GError) error = NULL;
  g_autoptr(IvdDirectory) directory = NULL;
  g_autofree char *path = ivd_directory_dup_default_path ();

  /* The tests' XDG_DATA_HOME is in the build tree and holds no directory. */
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
  directory = ivd_directory_new_default (catalog, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (ivd_directory_get_entries (directory)), ==, 0);
}

/* The plan's department codes are checked like the directory's. */
static void
test_plan_codes (void)
{
  struct { const char *member; const char *value; const char *says; } cases[] = {
    { "ean", "5790000000013", "check digit" },
    { "ean", "579000000000", "13 digits" },
    { "sor", "12", "6 to 18 digits" },
    { "sor", "12345x", "digits only" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *json = g_strdup_printf ("{\"format\": \"iv-discharge-plan/1\", "
                                               "\"responsible\": {\"%s\": \"%s\"}}",
                                               cases[i].member, cases[i].value);
      g_autoptr(GError) error = NULL;
      g_autoptr(IvdPlan) plan = ivd_plan_new_from_data (json, strlen (json), &error);
      g_autofree char *field = g_strdup_printf ("responsible.%s", cases[i].member);

      g_assert_null (plan);
      g_assert_error (error, IVD_ERROR, IVD_ERROR_INVALID);
      g_assert_true (g_str_has_prefix (error->message, field));
      g_assert_nonnull (strstr (error->message, cases[i].says));
    }
}

/* What a page writes is what the next start reads: the same file format,
 * only filled-in fields, 0600, and "no" kept apart from "not filled in". */
static void
test_save (void)
{
  g_autoptr(IvdCatalog) catalog = ivd_test_catalog ();
  g_autoptr(IvdDirectory) directory = ivd_directory_new ();
  g_autofree char *dir = g_dir_make_tmp ("ivd-directory-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "iv-discharge", "municipality-directory.json", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(IvdDirectory) again = NULL;
  IvdDirectoryEntry *entry;
  GStatBuf info;

  entry = ivd_directory_ensure_entry (directory, "147");
  g_assert_true (entry == ivd_directory_ensure_entry (directory, "147"));
  g_object_set (entry, "visitation-phone", "+45 00 00 00 02", "ean", "5790000000012", NULL);
  g_object_set (ivd_directory_ensure_entry (directory, "101"), "iv-in-clinic", FALSE, NULL);
  ivd_directory_ensure_entry (directory, "151");

  g_assert_true (ivd_directory_save_to_file (directory, path, &error));
  g_assert_no_error (error);
  g_assert_cmpint (g_stat (path, &info), ==, 0);
  g_assert_cmpint (info.st_mode & 0777, ==, 0600);

  again = ivd_directory_new_from_file (catalog, path, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (ivd_directory_get_entries (again)), ==, 3);
  entry = ivd_directory_lookup (again, "147");
  g_assert_cmpstr (ivd_directory_entry_get_visitation_phone (entry), ==, "+45 00 00 00 02");
  g_assert_cmpstr (ivd_directory_entry_get_ean (entry), ==, "5790000000012");
  g_assert_null (ivd_directory_entry_get_notes (entry));
  g_assert_false (ivd_directory_entry_get_iv_in_clinic_known (entry));
  g_assert_true (ivd_directory_entry_get_iv_in_clinic_known (ivd_directory_lookup (again, "101")));
  g_assert_false (ivd_directory_entry_get_iv_in_clinic (ivd_directory_lookup (again, "101")));

  ivd_test_remove_tree (dir);
}

/* A folder that cannot be written: an error, and the file as it was. */
static void
test_save_fails (void)
{
  g_autoptr(IvdDirectory) directory = ivd_directory_new ();
  g_autofree char *dir = g_dir_make_tmp ("ivd-directory-XXXXXX", NULL);
  g_autofree char *blocker = g_build_filename (dir, "not-a-folder", NULL);
  g_autofree char *path = g_build_filename (blocker, "municipality-directory.json", NULL);
  g_autoptr(GError) error = NULL;

  g_assert_true (g_file_set_contents (blocker, "", -1, NULL));
  ivd_directory_ensure_entry (directory, "101");
  g_assert_false (ivd_directory_save_to_file (directory, path, &error));
  g_assert_nonnull (error);
  g_assert_nonnull (strstr (error->message, "municipality directory"));

  ivd_test_remove_tree (dir);
}

/* Two windows edit the directory: each save replaces only its own
 * municipality in the file as it is on disk, so neither undoes the
 * other's edits, and each window then sees the other's. An unreadable
 * file is not overwritten. */
static void
test_save_entry_merges (void)
{
  g_autoptr(IvdCatalog) catalog = ivd_test_catalog ();
  g_autoptr(IvdDirectory) first = ivd_directory_new ();
  g_autoptr(IvdDirectory) second = ivd_directory_new ();
  g_autoptr(IvdDirectory) on_disk = NULL;
  g_autofree char *dir = g_dir_make_tmp ("ivd-directory-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "municipality-directory.json", NULL);
  g_autofree char *after = NULL;
  g_autoptr(GError) error = NULL;

  g_object_set (ivd_directory_ensure_entry (first, "101"), "visitation-phone", "+45 00 00 01 01", NULL);
  g_object_set (ivd_directory_ensure_entry (second, "851"), "visitation-phone", "+45 00 00 08 51", NULL);
  /* The second window's stale copy of 101 must not reach the file. */
  g_object_set (ivd_directory_ensure_entry (second, "101"), "notes", "stale", NULL);

  g_assert_true (ivd_directory_save_entry (first, catalog, path, "101", &error));
  g_assert_no_error (error);
  g_assert_true (ivd_directory_save_entry (second, catalog, path, "851", &error));
  g_assert_no_error (error);

  on_disk = ivd_directory_new_from_file (catalog, path, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (ivd_directory_get_entries (on_disk)), ==, 2);
  g_assert_cmpstr (ivd_directory_entry_get_visitation_phone (ivd_directory_lookup (on_disk, "101")), ==, "+45 00 00 01 01");
  g_assert_null (ivd_directory_entry_get_notes (ivd_directory_lookup (on_disk, "101")));
  g_assert_cmpstr (ivd_directory_entry_get_visitation_phone (ivd_directory_lookup (on_disk, "851")), ==, "+45 00 00 08 51");

  /* The second window now shows the first one's 101. */
  g_assert_cmpstr (ivd_directory_entry_get_visitation_phone (ivd_directory_lookup (second, "101")), ==, "+45 00 00 01 01");
  g_assert_null (ivd_directory_entry_get_notes (ivd_directory_lookup (second, "101")));
  g_assert_cmpuint (g_list_model_get_n_items (ivd_directory_get_entries (second)), ==, 2);

  /* A damaged file is left as it was. */
  g_assert_true (g_file_set_contents (path, "{ not json", -1, NULL));
  g_assert_false (ivd_directory_save_entry (first, catalog, path, "101", &error));
  g_assert_error (error, IVD_ERROR, IVD_ERROR_INVALID);
  g_assert_true (g_file_get_contents (path, &after, NULL, NULL));
  g_assert_cmpstr (after, ==, "{ not json");

  ivd_test_remove_tree (dir);
}

/* The reasons a person typing a code is given. */
static void
test_code_reasons (void)
{
  struct { const char *code; gboolean ean; const char *says; } cases[] = {
    { "5790000000013", TRUE, "check digit" },
    { "579000000000", TRUE, "13 digits" },
    { "57900000000l2", TRUE, "digits only" },
    { "12345", FALSE, "6 to 18 digits" },
    { "12345x", FALSE, "digits only" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      gboolean valid = cases[i].ean ? ivd_codes_check_ean (cases[i].code, &error)
                                    : ivd_codes_check_sor (cases[i].code, &error);

      g_assert_false (valid);
      g_assert_error (error, IVD_ERROR, IVD_ERROR_INVALID);
      g_assert_nonnull (strstr (error->message, cases[i].says));
    }
  g_assert_true (ivd_codes_check_ean ("5790000000012", NULL));
  g_assert_true (ivd_codes_check_sor ("100000000000002", NULL));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/codes/ean", test_ean);
  g_test_add_func ("/codes/sor", test_sor);
  g_test_add_func ("/codes/plan", test_plan_codes);
  g_test_add_func ("/directory/read", test_read);
  g_test_add_func ("/directory/properties", test_properties);
  g_test_add_func ("/directory/refused", test_refused);
  g_test_add_func ("/directory/default-is-empty", test_default_is_empty);
  g_test_add_func ("/directory/save", test_save);
  g_test_add_func ("/directory/save-fails", test_save_fails);
  g_test_add_func ("/directory/save-entry-merges", test_save_entry_merges);
  g_test_add_func ("/codes/reasons", test_code_reasons);

  return g_test_run ();
}
