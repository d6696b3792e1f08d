/* The plan reader and the evaluation: a plan file as --check and --import
 * read it (validated), and a stored draft as the window loads it (not
 * validated, yet evaluated on every change), each evaluated against the
 * shipped rule sets, which are read once. What the reader accepts, the
 * writer must write in a form the reader accepts again. */

#include "fuzz-target.h"

#include <string.h>

#include "ivd-catalog.h"
#include "ivd-error.h"
#include "ivd-evaluation.h"
#include "ivd-json.h"
#include "ivd-plan.h"
#include "ivd-plan-steps.h"

static IvdCatalog *
shipped_catalog (void)
{
  static IvdCatalog *catalog;
  g_autoptr(GError) error = NULL;
  const char * const *regions = ivd_catalog_get_region_ids ();

  if (catalog != NULL)
    return catalog;

  fuzz_make_warnings_fatal ();
  catalog = ivd_catalog_new ((const char * const[]) { fuzz_data_dir (), NULL }, &error);
  g_assert_no_error (error);
  for (guint i = 0; regions[i] != NULL; i++)
    {
      ivd_catalog_get_rule_set (catalog, regions[i], &error);
      g_assert_no_error (error);
    }
  ivd_catalog_get_supply_template (catalog, &error);
  g_assert_no_error (error);
  return catalog;
}

/* An error is for a person: in the reader's domain, with a message on one
 * line (the command line prints it as one line). */
static void
check_error (const GError *error)
{
  g_assert_nonnull (error);
  g_assert_true (error->domain == IVD_ERROR);
  g_assert_cmpstr (error->message, !=, "");
  g_assert_null (strchr (error->message, '\n'));
}

/* @checked: the plan passed the reader's checks. A stored draft did not,
 * and evaluating it may quote a value the window's controls never give. */
static void
evaluate (IvdPlan  *plan,
          gboolean  checked)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GDate) today = g_date_new_dmy (22, 11, 2026);
  g_autoptr(IvdEvaluation) evaluation = ivd_evaluation_new (shipped_catalog (), plan, today, &error);
  g_autoptr(JsonNode) json = NULL;
  g_autofree char *text = NULL;

  if (evaluation == NULL)
    {
      /* A plan that contradicts itself or the catalog; never a broken rule set. */
      g_assert_error (error, IVD_ERROR, IVD_ERROR_INVALID);
      g_assert_cmpstr (error->message, !=, "");
      if (checked)
        check_error (error);
      return;
    }

  json = ivd_evaluation_to_json (evaluation);
  text = ivd_json_to_string (json, FALSE);
  g_assert_nonnull (text);

  for (IvdStep step = 0; step < IVD_N_STEPS; step++)
    g_assert_cmpint (ivd_plan_steps_get_state (plan, evaluation, step), <=, IVD_STEP_STATE_SKIPPED);
}

static void
read_validated (const char *data,
                gsize       size)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(IvdPlan) plan = ivd_plan_new_from_data (data, size, &error);
  g_autoptr(IvdPlan) again = NULL;
  g_autofree char *written = NULL;

  if (plan == NULL)
    {
      check_error (error);
      return;
    }

  evaluate (plan, TRUE);
  written = ivd_plan_to_data (plan);
  again = ivd_plan_new_from_data (written, strlen (written), &error);
  g_assert_no_error (error);
}

static void
read_stored (const char *data,
             gsize       size)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(IvdPlan) plan = ivd_plan_new_from_stored_data (data, size, &error);
  g_autoptr(IvdPlan) again = NULL;
  g_autofree char *written = NULL;

  if (plan == NULL)
    {
      check_error (error);
      return;
    }

  evaluate (plan, FALSE);
  written = ivd_plan_to_data (plan);
  again = ivd_plan_new_from_stored_data (written, strlen (written), &error);
  g_assert_no_error (error);
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  shipped_catalog ();
  read_validated ((const char *) data, size);
  read_stored ((const char *) data, size);
  return 0;
}
