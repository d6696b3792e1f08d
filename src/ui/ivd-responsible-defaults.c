#define G_LOG_DOMAIN "ivd-responsible-defaults"

#include "config.h"

#include "ivd-responsible-defaults.h"

#define KEY "responsible-defaults"

/* Only the department's own details: never anything about a patient. */
static const char * const paths[] = {
  "responsible.department",
  "responsible.phone",
  "responsible.doctor",
  "responsible.sor",
  "responsible.ean",
};

static gboolean
is_responsible_path (const char *path)
{
  for (guint i = 0; i < G_N_ELEMENTS (paths); i++)
    if (g_strcmp0 (path, paths[i]) == 0)
      return TRUE;
  return FALSE;
}

/* Fills the fields the settings hold into a new plan. */
void
ivd_responsible_defaults_apply (GSettings *settings,
                                IvdPlan   *plan)
{
  g_autoptr(GVariant) saved = NULL;
  GVariantIter iter;
  const char *path;
  const char *value;

  g_return_if_fail (IVD_IS_PLAN (plan));

  if (settings == NULL)
    return;
  saved = g_settings_get_value (settings, KEY);
  g_variant_iter_init (&iter, saved);
  while (g_variant_iter_next (&iter, "{&s&s}", &path, &value))
    if (is_responsible_path (path) && *value != '\0')
      ivd_plan_set_string (plan, path, value);
}

/* Keeps the plan's department details for the next new plan. */
void
ivd_responsible_defaults_remember (GSettings *settings,
                                   IvdPlan   *plan)
{
  g_auto(GVariantBuilder) builder = G_VARIANT_BUILDER_INIT (G_VARIANT_TYPE ("a{ss}"));

  g_return_if_fail (IVD_IS_PLAN (plan));

  if (settings == NULL)
    return;
  for (guint i = 0; i < G_N_ELEMENTS (paths); i++)
    {
      const char *value = ivd_plan_get_string (plan, paths[i]);

      if (value != NULL && *value != '\0')
        g_variant_builder_add (&builder, "{ss}", paths[i], value);
    }
  g_settings_set_value (settings, KEY, g_variant_builder_end (&builder));
}
