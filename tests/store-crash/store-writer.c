/* The victim of test-store-crash: saves one plan over and over, each save
 * a new counter in two fields, and reports each save only after
 * ivd_store_save_plan() returned, so that every "committed N" line the
 * test reads is a promise that N is on disk.
 *
 *   store-writer DATABASE [PLAN-ID]
 *
 * Without PLAN-ID it creates a plan and prints "id ID" first. Then it
 * prints "ready N" (N: the stored treatment.days) and, after each save,
 * "committed N" for N = that + 1, + 2, ... until it is killed. */

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ivd-store.h"

#define TEMPLATE_PLAN \
  "{\"format\": \"iv-discharge-plan/1\"," \
  " \"patient\": {\"cpr\": \"150650-1237\", \"name\": \"Test Person 1\", \"municipality_code\": \"101\"}," \
  " \"started_in_hospital\": true, \"stable\": true, \"requires_admission\": false," \
  " \"medically_suitable\": true, \"patient_consents\": true, \"patient_informed\": true," \
  " \"treatment\": {\"type\": \"antibiotic\", \"form\": \"iv_intermittent\", \"drug\": \"Cefuroxim\"," \
  "   \"dose\": \"1,5 g\", \"administration_times\": [\"08:00\", \"14:00\", \"20:00\"], \"doses_per_day\": 3," \
  "   \"minutes_per_administration\": 30, \"days\": 1, \"start_date\": \"2026-11-23\"," \
  "   \"first_dose_given_in_hospital\": true, \"access\": \"picc\", \"must_not_be_left_alone\": false}," \
  " \"place\": {\"kind\": \"home\", \"home_assessed_suitable\": true}}"

static void G_GNUC_NORETURN
die (const char *what,
     GError     *error)
{
  fprintf (stderr, "store-writer: %s: %s\n", what, error != NULL ? error->message : "failed");
  exit (1);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autoptr(IvdCatalog) catalog = NULL;
  g_autoptr(IvdStore) store = NULL;
  g_autoptr(IvdPlanRecord) record = NULL;
  IvdPlan *plan;
  gint64 n = 0;

  /* stdout is the protocol the test reads: debug messages
   * (G_MESSAGES_DEBUG) go to stderr. */
  g_log_writer_default_set_use_stderr (TRUE);

  if (argc < 2 || argc > 3)
    {
      fprintf (stderr, "usage: %s DATABASE [PLAN-ID]\n", argv[0]);
      return 2;
    }

  catalog = ivd_catalog_new_default (&error);
  if (catalog == NULL)
    die ("catalog", error);

  store = ivd_store_open (argv[1], catalog, &error);
  if (store == NULL)
    die ("open", error);

  if (argc == 3)
    {
      record = ivd_store_load_plan (store, argv[2], &error);
      if (record == NULL)
        die ("load", error);
    }
  else
    {
      g_autoptr(IvdPlan) template = ivd_plan_new_from_data (TEMPLATE_PLAN, strlen (TEMPLATE_PLAN), &error);

      if (template == NULL)
        die ("template", error);
      record = ivd_store_create_plan (store, template, &error);
      if (record == NULL)
        die ("create", error);
      printf ("id %s\n", ivd_plan_record_get_id (record));
    }

  plan = ivd_plan_record_get_plan (record);
  if (!ivd_plan_lookup_int (plan, "treatment.days", &n))
    n = 0;
  printf ("ready %" G_GINT64_FORMAT "\n", n);
  fflush (stdout);

  for (;;)
    {
      g_autofree char *name = NULL;

      n++;
      name = g_strdup_printf ("Test Person %" G_GINT64_FORMAT, n);
      ivd_plan_set_int (plan, "treatment.days", n);
      ivd_plan_set_string (plan, "patient.name", name);

      if (!ivd_store_save_plan (store, record, &error))
        die ("save", error);

      /* One write(2) of a short line: the test reads it whole or not at all. */
      printf ("committed %" G_GINT64_FORMAT "\n", n);
      fflush (stdout);
    }
}
