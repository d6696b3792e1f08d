#include <glib.h>

#include "ivd-cpr.h"

typedef struct
{
  const char *cpr;
  int         year;     /* 0: invalid */
  IvdSex      sex;
} CenturyCase;

/* Domain §14, every branch of the 7th-digit table on both sides of its year limit. */
static const CenturyCase century_cases[] = {
  { "010100-0001", 1900, IVD_SEX_MALE },
  { "010199-3002", 1999, IVD_SEX_FEMALE },
  { "010136-4001", 2036, IVD_SEX_MALE },
  { "010137-4001", 1937, IVD_SEX_MALE },
  { "010100-9002", 2000, IVD_SEX_FEMALE },
  { "010137-9002", 1937, IVD_SEX_FEMALE },
  { "010157-5001", 2057, IVD_SEX_MALE },
  { "010158-5001", 1858, IVD_SEX_MALE },
  { "010100-8002", 2000, IVD_SEX_FEMALE },
  { "010158-8002", 1858, IVD_SEX_FEMALE },
  { "0101586002", 1858, IVD_SEX_FEMALE },
  { "010157-7003", 2057, IVD_SEX_MALE },
};

static void
test_century (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (century_cases); i++)
    {
      g_autoptr(GError) error = NULL;
      GDate birth;
      IvdSex sex;

      /* The case, not the number: no CPR number in a log. */
      g_test_message ("case %u", i);
      g_assert_true (ivd_cpr_parse (century_cases[i].cpr, &birth, &sex, &error));
      g_assert_no_error (error);
      g_assert_cmpint (g_date_get_year (&birth), ==, century_cases[i].year);
      g_assert_cmpint (g_date_get_month (&birth), ==, 1);
      g_assert_cmpint (g_date_get_day (&birth), ==, 1);
      g_assert_cmpint (sex, ==, century_cases[i].sex);
    }
}

static void
test_invalid (void)
{
  const char *invalid[] = {
    "", "12345", "010150-12345", "01015O-1234", "0101501-234", "320150-1234",
    "001050-1234", "011350-1234", "290201-1234" /* 1901 was not a leap year */,
    "010150 1234", "-010150123", "010150--1234", "010150-123a",
  };

  for (guint i = 0; i < G_N_ELEMENTS (invalid); i++)
    {
      g_autoptr(GError) error = NULL;

      g_test_message ("case %u", i);
      g_assert_false (ivd_cpr_parse (invalid[i], NULL, NULL, &error));
      g_assert_nonnull (error);
      g_assert_null (strstr (error->message, invalid[i][0] ? invalid[i] : "\x01"));
    }
}

static void
test_leap_day (void)
{
  GDate birth;

  /* 2000 was a leap year (7th digit 4, year 00 -> 2000). */
  g_assert_true (ivd_cpr_parse ("290200-4001", &birth, NULL, NULL));
  g_assert_cmpint (g_date_get_year (&birth), ==, 2000);
}

static void
test_modulus_11_not_required (void)
{
  /* 010150-1234 fails the modulus-11 check; it must still be accepted. */
  g_assert_true (ivd_cpr_parse ("010150-1234", NULL, NULL, NULL));
}

static void
test_age (void)
{
  struct { int bd, bm, by, od, om, oy, age; } cases[] = {
    { 1, 1, 2011, 31, 12, 2025, 14 },
    { 1, 1, 2011, 1, 1, 2026, 15 },
    { 23, 11, 2011, 22, 11, 2026, 14 },
    { 23, 11, 2011, 23, 11, 2026, 15 },
    { 29, 2, 2000, 28, 2, 2001, 0 },
    { 29, 2, 2000, 1, 3, 2001, 1 },
    { 15, 6, 1950, 23, 11, 2026, 76 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GDate) birth = g_date_new_dmy (cases[i].bd, cases[i].bm, cases[i].by);
      g_autoptr(GDate) on = g_date_new_dmy (cases[i].od, cases[i].om, cases[i].oy);

      g_assert_cmpint (ivd_cpr_age_on (birth, on), ==, cases[i].age);
    }
}

static void
test_mask (void)
{
  g_autofree char *masked = ivd_cpr_mask ("0101501234");
  g_autofree char *empty = ivd_cpr_mask ("junk");

  g_assert_cmpstr (masked, ==, "010150-xxxx");
  g_assert_cmpstr (empty, ==, "");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/cpr/century", test_century);
  g_test_add_func ("/cpr/invalid", test_invalid);
  g_test_add_func ("/cpr/leap-day", test_leap_day);
  g_test_add_func ("/cpr/modulus-11-not-required", test_modulus_11_not_required);
  g_test_add_func ("/cpr/age", test_age);
  g_test_add_func ("/cpr/mask", test_mask);

  return g_test_run ();
}
