/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "custos-test-util.h"
#include "custos-test-window.h"

int
custos_test_run_window_suite (Suite *suite)
{
  g_autofree char *state = custos_test_mkdtemp ();

  g_setenv ("XDG_STATE_HOME", state, TRUE);
  g_setenv ("CK_FORK", "no", TRUE);
  /* As g_application_run () would: the file chooser files what it saves as recent under it. */
  g_set_prgname ("custos");
  if (!gtk_init_check ())
    return 77;
  adw_init ();
  g_object_set (gtk_settings_get_default (), "gtk-enable-animations", FALSE, "gtk-cursor-blink", FALSE, NULL);
  return custos_test_run_suite (suite);
}

CustosApplication *
custos_test_new_app (const char *id)
{
  g_autoptr(GError) error = NULL;
  CustosApplication *app = custos_application_new ();

  if (id != NULL)
    g_application_set_application_id (G_APPLICATION (app), id);
  g_application_set_flags (G_APPLICATION (app),
                           g_application_get_flags (G_APPLICATION (app)) | G_APPLICATION_NON_UNIQUE);
  ck_assert_msg (g_application_register (G_APPLICATION (app), NULL, &error), "%s", error ? error->message : "");
  return app;
}

gpointer
custos_test_find_toplevel (GType type)
{
  GListModel *toplevels = gtk_window_get_toplevels (); /* transfer none */

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) toplevel = g_list_model_get_item (toplevels, i);

      if (G_TYPE_CHECK_INSTANCE_TYPE (toplevel, type))
        return toplevel;
    }
  return NULL;
}

void
custos_test_wait_for (gboolean  (*condition) (gpointer),
                      gpointer    data,
                      const char *what)
{
  gint64 deadline = g_get_monotonic_time () + 120 * G_USEC_PER_SEC;

  while (!condition (data))
    {
      ck_assert_msg (g_get_monotonic_time () < deadline, "timed out waiting for %s", what);
      g_main_context_iteration (NULL, FALSE);
      g_usleep (1000);
    }
}

char *
custos_test_copy_example (const char *dir)
{
  g_autofree char *example = custos_test_example_path ();
  g_autoptr(GBytes) bytes = custos_test_read_file (example);
  char *path = g_build_filename (dir, "example.isms", NULL);

  ck_assert (g_file_set_contents (path, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), NULL));
  return path;
}

static gboolean
has_file (gpointer window)
{
  return custos_window_get_file (window) != NULL;
}

CustosWindow *
custos_test_open_window (CustosApplication *app,
                         const char        *path)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  CustosWindow *window = custos_window_new (GTK_APPLICATION (app), custos_application_get_clock (app));

  gtk_window_present (GTK_WINDOW (window));
  custos_window_load (window, file);
  custos_test_wait_for (has_file, window, "the file to load");
  /* The first frame, before any test chooses a page: GTK 4.8 warns when
   * pages are switched before the window was ever laid out. */
  while (gtk_widget_get_width (GTK_WIDGET (window)) == 0)
    g_main_context_iteration (NULL, TRUE);
  custos_test_spin ();
  return window;
}

gpointer
custos_test_find (GtkWidget       *root,
                  CustosTestMatch  match,
                  gconstpointer    data)
{
  if (match (root, data))
    return root;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child; child = gtk_widget_get_next_sibling (child))
    {
      gpointer found = custos_test_find (child, match, data);
      if (found != NULL)
        return found;
    }
  return NULL;
}

static gboolean
is_of_type (GtkWidget     *widget,
            gconstpointer  type)
{
  return G_TYPE_CHECK_INSTANCE_TYPE (widget, GPOINTER_TO_SIZE (type));
}

gpointer
custos_test_find_type (GtkWidget *widget,
                       GType      type)
{
  return custos_test_find (widget, is_of_type, GSIZE_TO_POINTER (type));
}

static gboolean
is_view_of (GtkWidget     *widget,
            gconstpointer  register_name)
{
  return CUSTOS_IS_REGISTER_VIEW (widget) &&
         g_strcmp0 (custos_register_view_get_register_name (CUSTOS_REGISTER_VIEW (widget)), register_name) == 0;
}

CustosRegisterView *
custos_test_find_view (GtkWidget  *widget,
                       const char *register_name)
{
  return custos_test_find (widget, is_view_of, register_name);
}

static gboolean
is_button_labelled (GtkWidget     *widget,
                    gconstpointer  label)
{
  return GTK_IS_BUTTON (widget) && (g_strcmp0 (gtk_button_get_label (GTK_BUTTON (widget)), label) == 0 ||
                                    g_strcmp0 (gtk_widget_get_tooltip_text (widget), label) == 0);
}

GtkWidget *
custos_test_find_button (GtkWidget  *widget,
                         const char *label)
{
  return custos_test_find (widget, is_button_labelled, label);
}

static gboolean
is_row_titled (GtkWidget     *widget,
               gconstpointer  title)
{
  return ADW_IS_PREFERENCES_ROW (widget) &&
         g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (widget)), title) == 0;
}

GtkWidget *
custos_test_find_row (GtkWidget  *widget,
                      const char *title)
{
  return custos_test_find (widget, is_row_titled, title);
}

AdwMessageDialog *
custos_test_find_dialog (GtkWindow *window)
{
  GListModel *toplevels = gtk_window_get_toplevels (); /* transfer none */

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) toplevel = g_list_model_get_item (toplevels, i);
      if (ADW_IS_MESSAGE_DIALOG (toplevel) && gtk_window_get_transient_for (toplevel) == window)
        return ADW_MESSAGE_DIALOG (toplevel);
    }
  return NULL;
}

void
custos_test_respond (AdwMessageDialog *dialog,
                     const char       *response)
{
  ck_assert_ptr_nonnull (dialog);
  adw_message_dialog_response (dialog, response);
  gtk_window_close (GTK_WINDOW (dialog));
}
