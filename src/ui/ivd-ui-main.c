#define G_LOG_DOMAIN "ivd-ui-main"

#include "config.h"

#include "ivd-application.h"
#include "ivd-ui-main.h"

/* The window module's entry point: the executable has parsed the command
 * line already and hands over what the window needs. */
int
ivd_ui_main (const char   *argv0,
             GVariantDict *options)
{
  g_autofree char *database = NULL;
  g_autoptr(IvdApplication) app = NULL;
  char *argv[] = { (char *) argv0, NULL };
  gboolean training = FALSE;

  g_variant_dict_lookup (options, "database", "^ay", &database);
  g_variant_dict_lookup (options, "training", "b", &training);
  app = training ? ivd_application_new_training (database) : ivd_application_new (database);

  return g_application_run (G_APPLICATION (app), 1, argv);
}
