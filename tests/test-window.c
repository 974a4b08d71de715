/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-window.c — the real window, driven through its actions (Xvfb) */
#include "config.h"

#include <adwaita.h>

#include "custos-application.h"
#include "custos-test-util.h"
#include "custos-window.h"

static CustosApplication *app;

static void
setup (void)
{
  g_autoptr(GError) error = NULL;

  app = custos_application_new ();
  /* No D-Bus name: tests may run side by side. */
  g_application_set_flags (G_APPLICATION (app),
                           g_application_get_flags (G_APPLICATION (app)) | G_APPLICATION_NON_UNIQUE);
  ck_assert (g_application_register (G_APPLICATION (app), NULL, &error));
}

static void
close_windows (void)
{
  GListModel *toplevels = gtk_window_get_toplevels (); /* transfer none */

  /* Every window and dialog a test left open, so the next test starts clean. */
  while (g_list_model_get_n_items (toplevels) > 0)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, 0);
      gtk_window_destroy (window);
    }
}

static void
teardown (void)
{
  close_windows ();
  g_clear_object (&app);
}

/* Runs the main loop until condition holds, or fails after 10 seconds. */
static void
wait_for (gboolean  (*condition) (gpointer),
          gpointer    data,
          const char *what)
{
  gint64 deadline = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;

  while (!condition (data))
    {
      ck_assert_msg (g_get_monotonic_time () < deadline, "timed out waiting for %s", what);
      g_main_context_iteration (NULL, FALSE);
      g_usleep (1000);
    }
}

static gboolean
has_file (gpointer data)
{
  return custos_window_get_file (data) != NULL;
}

static gboolean
is_saved (gpointer data)
{
  return !custos_document_get_modified (custos_window_get_document (data));
}

static GtkWindow *
find_dialog (CustosWindow *window)
{
  GListModel *toplevels = gtk_window_get_toplevels (); /* transfer none */

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) toplevel = g_list_model_get_item (toplevels, i);
      if (ADW_IS_MESSAGE_DIALOG (toplevel) && gtk_window_get_transient_for (toplevel) == GTK_WINDOW (window))
        return toplevel;
    }
  return NULL;
}

static gboolean
has_dialog (gpointer data)
{
  return find_dialog (data) != NULL;
}

static char *
copy_example (const char *dir)
{
  g_autofree char *example = custos_test_example_path ();
  g_autoptr(GBytes) bytes = custos_test_read_file (example);
  char *path = g_build_filename (dir, "example.isms", NULL);

  ck_assert (g_file_set_contents (path, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), NULL));
  return path;
}

START_TEST (test_open_edit_save)
{
  g_autofree char *dir = custos_test_mkdtemp ();
  g_autofree char *path = copy_example (dir);
  g_autofree char *bak = g_strconcat (path, ".bak", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  CustosWindow *window = custos_window_new (app);
  CustosDocument *doc;
  CustosRecord *org;
  g_autoptr(GBytes) saved = NULL;

  gtk_window_present (GTK_WINDOW (window));
  custos_window_load (window, file);
  wait_for (has_file, window, "the example to load");
  doc = custos_window_get_document (window);
  ck_assert_uint_eq (custos_document_count (doc, CUSTOS_REGISTER_SOA), 93);
  ck_assert_uint_ge (custos_document_count (doc, CUSTOS_REGISTER_RISKS), 25);
  ck_assert_str_eq (gtk_window_get_title (GTK_WINDOW (window)), "example.isms — Custos");

  org = custos_document_get_section (doc, CUSTOS_SECTION_ORGANISATION);
  custos_record_set_string (org, "name", "Southwind Accountants LLP");
  ck_assert_str_eq (gtk_window_get_title (GTK_WINDOW (window)), "• example.isms — Custos");

  gtk_widget_activate_action (GTK_WIDGET (window), "win.save", NULL);
  wait_for (is_saved, window, "the save");
  ck_assert_str_eq (gtk_window_get_title (GTK_WINDOW (window)), "example.isms — Custos");
  saved = custos_test_read_file (path);
  ck_assert_ptr_nonnull (g_strstr_len (g_bytes_get_data (saved, NULL), g_bytes_get_size (saved),
                                       "<name>Southwind Accountants LLP</name>"));
  ck_assert (g_file_test (bak, G_FILE_TEST_EXISTS));
  custos_test_rmdir (dir);
}
END_TEST

START_TEST (test_failed_load_keeps_document)
{
  g_autofree char *dir = custos_test_mkdtemp ();
  g_autofree char *path = g_build_filename (dir, "broken.isms", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  CustosWindow *window = custos_window_new (app);
  CustosDocument *before = custos_window_get_document (window);
  g_autofree char *message = NULL;
  GtkWindow *dialog;

  ck_assert (g_file_set_contents (path, "<isms xmlns=\"urn:custos:isms:1\" format=\"1\" edition=\"2022\">\n<oops>", -1, NULL));
  gtk_window_present (GTK_WINDOW (window));
  custos_window_load (window, file);
  wait_for (has_dialog, window, "the error dialog");
  dialog = find_dialog (window);
  message = g_strdup (adw_message_dialog_get_body (ADW_MESSAGE_DIALOG (dialog)));
  ck_assert_msg (strstr (message, "broken.isms:2:") != NULL, "body: %s", message);
  ck_assert_ptr_eq (custos_window_get_document (window), before);
  ck_assert_ptr_null (custos_window_get_file (window));
  gtk_window_destroy (dialog);
  custos_test_rmdir (dir);
}
END_TEST

START_TEST (test_close_asks_about_changes)
{
  CustosWindow *window = custos_window_new (app);
  CustosDocument *doc = custos_window_get_document (window);

  gtk_window_present (GTK_WINDOW (window));
  custos_document_add_new (doc, CUSTOS_REGISTER_RISKS);
  ck_assert (custos_document_get_modified (doc));
  gtk_window_close (GTK_WINDOW (window));
  wait_for (has_dialog, window, "the unsaved-changes dialog");
  /* Still open: nothing is lost until the user decides. */
  ck_assert (gtk_widget_get_visible (GTK_WIDGET (window)));
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (find_dialog (window)), "cancel");
  ck_assert (custos_document_get_modified (doc));
}
END_TEST

static Suite *
window_suite (void)
{
  Suite *s = suite_create ("window");
  TCase *tc = tcase_create ("life-cycle");

  /* One application per process, as in real life; windows are closed after each test. */
  tcase_add_unchecked_fixture (tc, setup, teardown);
  tcase_add_checked_fixture (tc, NULL, close_windows);
  tcase_set_timeout (tc, 60);
  tcase_add_test (tc, test_open_edit_save);
  tcase_add_test (tc, test_failed_load_keeps_document);
  tcase_add_test (tc, test_close_asks_about_changes);
  suite_add_tcase (s, tc);
  return s;
}

int
main (void)
{
  /* One process: a forked child must not share the parent's display connection. */
  g_setenv ("CK_FORK", "no", TRUE);
  if (!gtk_init_check ())
    return 77; /* no display: meson counts it as skipped; CI runs it under Xvfb */
  adw_init ();
  return custos_test_run_suite (window_suite ());
}
