/* SPDX-License-Identifier: GPL-3.0-or-later */
/* custos-test-window.h — helpers for the suites that drive the real window */
#pragma once

#include <adwaita.h>

#include "custos-application.h"
#include "custos-register-view.h"
#include "custos-window.h"

G_BEGIN_DECLS

/* main () of a suite that drives windows: recovery copies go to a directory
 * of this run, tests run in this process (a forked child must not share the
 * display connection), GTK and libadwaita are set up with animations and
 * cursor blinking off (GTK 4.8 warns when a fade snapshots a page still
 * waiting for its allocation; without a window manager a blinking cursor
 * never gets its focus-out). 77, "skipped" to meson, without a display. */
int           custos_test_run_window_suite (Suite *suite);
/* A registered application that claims no D-Bus name, so that suites run
 * side by side; id (NULL: the default) gives it a path of its own on the bus. */
CustosApplication *custos_test_new_app  (const char *id);
/* The first toplevel window of type, or NULL. */
gpointer      custos_test_find_toplevel (GType       type);

/* Runs the main loop until condition holds; fails the test after two
 * minutes (sanitizers are slow). */
void          custos_test_wait_for      (gboolean  (*condition) (gpointer),
                                         gpointer    data,
                                         const char *what);
/* A copy of the example in dir; returns its path. */
char         *custos_test_copy_example  (const char *dir);
/* A new window of app with path loaded. */
CustosWindow *custos_test_open_window   (CustosApplication *app,
                                         const char        *path);
/* The first widget under root (itself included, depth first) that match
 * accepts, or NULL. */
typedef gboolean (*CustosTestMatch) (GtkWidget     *widget,
                                     gconstpointer  data);
gpointer      custos_test_find          (GtkWidget       *root,
                                         CustosTestMatch  match,
                                         gconstpointer    data);
/* The first widget of type under widget (depth first), or NULL. */
gpointer      custos_test_find_type     (GtkWidget  *widget,
                                         GType       type);
/* The register view of register_name under widget, or NULL. */
CustosRegisterView *custos_test_find_view (GtkWidget  *widget,
                                           const char *register_name);
/* The first button under widget whose label (or, for an icon button,
 * tooltip) is label, or NULL. */
GtkWidget    *custos_test_find_button   (GtkWidget  *widget,
                                         const char *label);
/* The preferences row under widget titled title, or NULL. */
GtkWidget    *custos_test_find_row      (GtkWidget  *widget,
                                         const char *title);
/* The message dialog transient for window, or NULL. */
AdwMessageDialog *custos_test_find_dialog (GtkWindow *window);
/* Answers dialog as a click on the button of response does: the response,
 * then the dialog closes. */
void          custos_test_respond       (AdwMessageDialog *dialog,
                                         const char       *response);

G_END_DECLS
