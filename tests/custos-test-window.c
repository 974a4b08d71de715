/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "custos-test-util.h"
#include "custos-test-window.h"

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
custos_test_find_type (GtkWidget *widget,
                       GType      type)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (widget, type))
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    {
      gpointer found = custos_test_find_type (child, type);
      if (found != NULL)
        return found;
    }
  return NULL;
}

CustosRegisterView *
custos_test_find_view (GtkWidget  *widget,
                       const char *register_name)
{
  if (CUSTOS_IS_REGISTER_VIEW (widget) &&
      g_strcmp0 (custos_register_view_get_register_name (CUSTOS_REGISTER_VIEW (widget)), register_name) == 0)
    return CUSTOS_REGISTER_VIEW (widget);
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    {
      CustosRegisterView *found = custos_test_find_view (child, register_name);
      if (found != NULL)
        return found;
    }
  return NULL;
}

GtkWidget *
custos_test_find_button (GtkWidget  *widget,
                         const char *label)
{
  if (GTK_IS_BUTTON (widget) && (g_strcmp0 (gtk_button_get_label (GTK_BUTTON (widget)), label) == 0 ||
                                 g_strcmp0 (gtk_widget_get_tooltip_text (widget), label) == 0))
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = custos_test_find_button (child, label);
      if (found != NULL)
        return found;
    }
  return NULL;
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
