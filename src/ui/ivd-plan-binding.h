#pragma once

#include <gtk/gtk.h>

#include "ivd-plan.h"

G_BEGIN_DECLS

/* Two-way bindings between a control and one field of a plan, by its
 * dotted path: the control shows the field, an edit sets it (autosave
 * follows through the session), and a change from elsewhere (a conflict
 * resolved, another page) shows at once. An emptied control removes the
 * field: a missing fact stays missing, never a guessed default. */

void ivd_plan_binding_text    (GtkEditable     *editable,
                               IvdPlan         *plan,
                               const char      *path);
void ivd_plan_binding_text_view (GtkTextView   *view,
                                 IvdPlan       *plan,
                                 const char    *path);
void ivd_plan_binding_int     (GtkSpinButton   *spin,
                               IvdPlan         *plan,
                               const char      *path);
void ivd_plan_binding_check   (GtkCheckButton  *check,
                               IvdPlan         *plan,
                               const char      *path);
void ivd_plan_binding_yes_no  (GtkToggleButton *yes,
                               GtkToggleButton *no,
                               IvdPlan         *plan,
                               const char      *path);

G_END_DECLS
