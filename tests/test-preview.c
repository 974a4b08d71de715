/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-preview.c — the print preview: the report engine's pages in a window
 * of their own, opened by win.print-preview and by the print dialog's
 * Preview (Xvfb) */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include <adwaita.h>
#include <glib/gstdio.h>

#include "custos-application.h"
#include "custos-export.h"
#include "custos-print-preview.h"
#include "custos-test-util.h"
#include "custos-test-window.h"
#include "custos-window.h"

static CustosApplication *app;
static char *dir;
static CustosWindow *window;

static void
register_app (void)
{
  app = custos_test_new_app (NULL);
}

static void
unregister_app (void)
{
  g_clear_object (&app);
}

static void
setup (void)
{
  g_autofree char *path = NULL;

  dir = custos_test_mkdtemp ();
  path = custos_test_copy_example (dir);
  window = custos_test_open_window (app, path);
}

static void
teardown (void)
{
  GListModel *toplevels = gtk_window_get_toplevels (); /* transfer none */

  /* Every window a test left open, so the next test starts clean. */
  while (g_list_model_get_n_items (toplevels) > 0)
    {
      g_autoptr(GtkWindow) toplevel = g_list_model_get_item (toplevels, 0);
      gtk_window_destroy (toplevel);
    }
  window = NULL;
  custos_test_spin ();
  custos_test_rmdir (dir);
  g_clear_pointer (&dir, g_free);
}

static CustosPrintPreview *
find_preview (void)
{
  return custos_test_find_toplevel (CUSTOS_TYPE_PRINT_PREVIEW);
}

static gboolean
has_preview (gpointer data)
{
  return find_preview () != NULL;
}

static gboolean
is_laid_out (gpointer preview)
{
  return custos_print_preview_get_n_pages (preview) > 0;
}

static gboolean
is_drawn (gpointer preview)
{
  return custos_print_preview_is_drawn (preview);
}

static gboolean
is_gone (gpointer data)
{
  return *(gpointer *) data == NULL;
}

/* The preview win.print-preview opens for report, laid out. */
static CustosPrintPreview *
open_preview (const char *report)
{
  CustosPrintPreview *preview;

  ck_assert (gtk_widget_activate_action (GTK_WIDGET (window), "win.print-preview", "s", report));
  custos_test_wait_for (has_preview, NULL, "the preview to open");
  preview = find_preview ();
  ck_assert_ptr_eq (gtk_window_get_transient_for (GTK_WINDOW (preview)), window);
  custos_test_wait_for (is_laid_out, preview, "the pages to be laid out");
  return preview;
}

static guint
pdf_pages (const char *path)
{
  const char *argv[] = { "pdfinfo", path, NULL };
  g_autofree char *out = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GRegex) regex = g_regex_new ("^Pages:\\s+(\\d+)$", G_REGEX_MULTILINE, 0, NULL);
  g_autoptr(GMatchInfo) match = NULL;
  g_autofree char *pages = NULL;
  int status = 0;

  ck_assert_msg (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, &out, NULL, &status,
                               &error), "pdfinfo: %s", error ? error->message : "");
  ck_assert_msg (g_spawn_check_wait_status (status, NULL), "pdfinfo failed on %s", path);
  ck_assert_msg (g_regex_match (regex, out, 0, &match), "no page count in %s", out);
  pages = g_match_info_fetch (match, 1);
  return (guint) atoi (pages);
}

static gboolean
has_file (gpointer path)
{
  return g_file_test (path, G_FILE_TEST_EXISTS);
}

/* The PDF the Export dialog writes of the report, as the window exports it. */
static guint
exported_pages (CustosReportKind kind)
{
  g_autofree char *path = g_build_filename (dir, "exported.pdf", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  CustosExportDialog *dialog = custos_export_dialog_new (GTK_WINDOW (window), custos_window_get_document (window),
                                                         custos_window_get_file (window),
                                                         custos_application_get_clock (app));
  guint n;

  custos_export_dialog_set_report (dialog, kind);
  custos_export_dialog_export_to (dialog, file);
  custos_test_wait_for (has_file, path, "the export");
  n = pdf_pages (path);
  gtk_window_destroy (GTK_WINDOW (dialog));
  ck_assert (g_remove (path) == 0);
  return n;
}

static guint
page (CustosPrintPreview *preview)
{
  return custos_print_preview_get_page (preview);
}

static const char *reports[] = { "soa", "rtp", "risks", "pack" };

/* The preview shows every page of the report: as many as its PDF has. */
START_TEST (test_preview_pages)
{
  CustosReportKind kind;
  CustosPrintPreview *preview;
  guint n;

  ck_assert (custos_report_kind_parse (reports[_i], &kind));
  preview = open_preview (reports[_i]);
  n = custos_print_preview_get_n_pages (preview);
  ck_assert_uint_eq (n, exported_pages (kind));
  ck_assert_uint_gt (n, 1);
  ck_assert_uint_eq (custos_print_preview_get_page (preview), 0);
  ck_assert_str_eq (adw_window_title_get_title (custos_test_find_type (GTK_WIDGET (preview), ADW_TYPE_WINDOW_TITLE)),
                    custos_report_kind_get_title (kind));
}
END_TEST

static const char *
page_label (CustosPrintPreview *preview)
{
  GtkWidget *bar = custos_test_find_type (GTK_WIDGET (preview), GTK_TYPE_ACTION_BAR);
  GtkLabel *label = custos_test_find_type (bar, GTK_TYPE_LABEL);

  return gtk_label_get_text (label);
}

/* Previous, next, first and last change the page, and say which it is. */
START_TEST (test_preview_navigation)
{
  CustosPrintPreview *preview = open_preview ("soa");
  GtkWidget *widget = GTK_WIDGET (preview);
  guint n = custos_print_preview_get_n_pages (preview);
  g_autofree char *first = g_strdup_printf ("Page 1 of %u", n);
  g_autofree char *second = g_strdup_printf ("Page 2 of %u", n);
  g_autofree char *last = g_strdup_printf ("Page %u of %u", n, n);

  ck_assert_str_eq (page_label (preview), first);
  /* Nothing before the first page. */
  ck_assert (!gtk_widget_get_sensitive (custos_test_find_button (widget, "Previous Page (Page Up)")));
  gtk_widget_activate_action (widget, "preview.previous", NULL);
  ck_assert_uint_eq (page (preview), 0);

  ck_assert (gtk_widget_activate_action (widget, "preview.next", NULL));
  ck_assert_uint_eq (page (preview), 1);
  ck_assert_str_eq (page_label (preview), second);
  ck_assert (gtk_widget_activate_action (widget, "preview.last", NULL));
  ck_assert_uint_eq (page (preview), n - 1);
  ck_assert_str_eq (page_label (preview), last);
  /* Nothing after the last. */
  ck_assert (!gtk_widget_get_sensitive (custos_test_find_button (widget, "Next Page (Page Down)")));
  gtk_widget_activate_action (widget, "preview.next", NULL);
  ck_assert_uint_eq (page (preview), n - 1);
  ck_assert (gtk_widget_activate_action (widget, "preview.previous", NULL));
  ck_assert_uint_eq (page (preview), n - 2);
  ck_assert (gtk_widget_activate_action (widget, "preview.first", NULL));
  ck_assert_uint_eq (page (preview), 0);
  ck_assert_str_eq (page_label (preview), first);
}
END_TEST

/* Presses a key on the preview as its class's key bindings see it: the
 * action of the binding with that trigger, activated on the window. */
static void
press (CustosPrintPreview *preview,
       guint               key,
       GdkModifierType     mods)
{
  GListModel *controllers = gtk_widget_observe_controllers (GTK_WIDGET (preview));
  g_autoptr(GtkShortcutTrigger) trigger = gtk_keyval_trigger_new (key, mods);

  for (guint c = 0; c < g_list_model_get_n_items (controllers); c++)
    {
      g_autoptr(GObject) controller = g_list_model_get_item (controllers, c);

      if (!GTK_IS_SHORTCUT_CONTROLLER (controller))
        continue;
      for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (controller)); i++)
        {
          g_autoptr(GtkShortcut) shortcut = g_list_model_get_item (G_LIST_MODEL (controller), i);

          if (gtk_shortcut_trigger_equal (gtk_shortcut_get_trigger (shortcut), trigger))
            {
              ck_assert (gtk_shortcut_action_activate (gtk_shortcut_get_action (shortcut), 0, GTK_WIDGET (preview),
                                                       gtk_shortcut_get_arguments (shortcut)));
              g_object_unref (controllers);
              return;
            }
        }
    }
  g_object_unref (controllers);
  ck_abort_msg ("no binding for %s", gdk_keyval_name (key));
}

/* Page Up and Down, Home and End turn the pages; Ctrl+plus, minus and 0
 * zoom; Escape closes. */
START_TEST (test_preview_keys)
{
  gpointer preview = open_preview ("soa");
  guint n = custos_print_preview_get_n_pages (preview);
  double fit;

  press (preview, GDK_KEY_Page_Down, 0);
  ck_assert_uint_eq (page (preview), 1);
  press (preview, GDK_KEY_End, 0);
  ck_assert_uint_eq (page (preview), n - 1);
  press (preview, GDK_KEY_Page_Up, 0);
  ck_assert_uint_eq (page (preview), n - 2);
  press (preview, GDK_KEY_Home, 0);
  ck_assert_uint_eq (page (preview), 0);

  custos_test_wait_for (is_drawn, preview, "the first page to be drawn");
  fit = custos_print_preview_get_zoom (preview);
  press (preview, GDK_KEY_plus, GDK_CONTROL_MASK);
  ck_assert (custos_print_preview_get_zoom (preview) > fit);
  press (preview, GDK_KEY_0, GDK_CONTROL_MASK);
  custos_test_spin ();
  ck_assert_double_eq_tol (custos_print_preview_get_zoom (preview), fit, 1e-9);
  press (preview, GDK_KEY_minus, GDK_CONTROL_MASK);
  ck_assert (custos_print_preview_get_zoom (preview) < fit);

  g_object_add_weak_pointer (G_OBJECT (preview), &preview);
  press (preview, GDK_KEY_Escape, 0);
  custos_test_wait_for (is_gone, &preview, "the preview to close");
}
END_TEST

/* The scrolled window of the page area (status pages have theirs). */
static GtkWidget *
page_scroller (CustosPrintPreview *preview)
{
  GtkWidget *area = custos_test_find_type (GTK_WIDGET (preview), GTK_TYPE_DRAWING_AREA);

  return gtk_widget_get_ancestor (area, GTK_TYPE_SCROLLED_WINDOW);
}

/* Scrolls the page area as the wheel does, one notch: dy 1 down, -1 up. */
static gboolean
wheel (CustosPrintPreview *preview,
       double              dy)
{
  GtkWidget *scroller = page_scroller (preview);
  GListModel *controllers = gtk_widget_observe_controllers (scroller);
  gboolean handled = FALSE, found = FALSE;

  /* Ours, before the scrolled window's own. */
  for (guint i = 0; i < g_list_model_get_n_items (controllers) && !found; i++)
    {
      g_autoptr(GtkEventController) controller = g_list_model_get_item (controllers, i);

      if (GTK_IS_EVENT_CONTROLLER_SCROLL (controller) &&
          gtk_event_controller_get_propagation_phase (controller) == GTK_PHASE_CAPTURE)
        {
          g_signal_emit_by_name (controller, "scroll", 0.0, dy, &handled);
          found = TRUE;
        }
    }
  g_object_unref (controllers);
  ck_assert_msg (found, "no scroll controller of the preview's");
  return handled;
}

/* The wheel past the end of a page turns it, and back before its start;
 * elsewhere it scrolls the page. */
START_TEST (test_preview_wheel)
{
  CustosPrintPreview *preview = open_preview ("soa");
  GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (page_scroller (preview)));

  custos_test_wait_for (is_drawn, preview, "the first page to be drawn");
  /* At fit width, a portrait page is taller than the window. */
  ck_assert_double_gt (gtk_adjustment_get_upper (adjustment), gtk_adjustment_get_page_size (adjustment));
  ck_assert (!wheel (preview, 1));
  ck_assert_uint_eq (page (preview), 0);
  ck_assert (!wheel (preview, -1));
  ck_assert_uint_eq (page (preview), 0);

  gtk_adjustment_set_value (adjustment, gtk_adjustment_get_upper (adjustment));
  ck_assert (wheel (preview, 1));
  ck_assert_uint_eq (page (preview), 1);
  ck_assert_double_eq (gtk_adjustment_get_value (adjustment), 0);
  ck_assert (wheel (preview, -1));
  ck_assert_uint_eq (page (preview), 0);
  /* The previous page shows its end. */
  ck_assert_double_eq_tol (gtk_adjustment_get_value (adjustment),
                           gtk_adjustment_get_upper (adjustment) - gtk_adjustment_get_page_size (adjustment), 1);
}
END_TEST

/* Ctrl+Shift+P previews the pack, as Ctrl+P prints it. */
START_TEST (test_preview_shortcut)
{
  g_auto(GStrv) accels = gtk_application_get_accels_for_action (GTK_APPLICATION (app), "win.print-preview('pack')");
  g_autofree char *accel = NULL;
  guint key;
  GdkModifierType mods;

  ck_assert_uint_eq (g_strv_length (accels), 1);
  ck_assert (gtk_accelerator_parse (accels[0], &key, &mods));
  accel = gtk_accelerator_name (key, mods);
  ck_assert_str_eq (accel, "<Shift><Control>p");
}
END_TEST

/* Zoom in and out by steps, and back to the width of the window. */
START_TEST (test_preview_zoom)
{
  CustosPrintPreview *preview = open_preview ("rtp");
  GtkWidget *widget = GTK_WIDGET (preview);
  double fit, zoom;

  custos_test_wait_for (is_drawn, preview, "the first page to be drawn");
  fit = custos_print_preview_get_zoom (preview);
  ck_assert (gtk_widget_activate_action (widget, "preview.zoom-in", NULL));
  zoom = custos_print_preview_get_zoom (preview);
  ck_assert_msg (zoom > fit, "zoom in: %g → %g", fit, zoom);
  ck_assert (gtk_widget_activate_action (widget, "preview.zoom-in", NULL));
  ck_assert (custos_print_preview_get_zoom (preview) > zoom);
  /* The page is drawn again at its new size. */
  custos_test_wait_for (is_drawn, preview, "the page to be drawn zoomed in");
  ck_assert (gtk_widget_activate_action (widget, "preview.zoom-out", NULL));
  ck_assert_double_eq_tol (custos_print_preview_get_zoom (preview), zoom, 1e-9);
  ck_assert (gtk_widget_activate_action (widget, "preview.zoom-fit", NULL));
  custos_test_spin ();
  ck_assert_double_eq_tol (custos_print_preview_get_zoom (preview), fit, 1e-9);
  /* At the smallest zoom, zoom out is off. */
  for (guint i = 0; i < 20; i++)
    gtk_widget_activate_action (widget, "preview.zoom-out", NULL);
  ck_assert_double_eq_tol (custos_print_preview_get_zoom (preview), 0.25, 1e-9);
  /* The zoom button says it, and fits the width again. */
  ck_assert_str_eq (gtk_button_get_label (GTK_BUTTON (custos_test_find_button (widget, "Fit the Width (Ctrl+0)"))),
                    "25%");
  ck_assert (!gtk_widget_get_sensitive (custos_test_find_button (widget, "Zoom Out (Ctrl+−)")));
  ck_assert (gtk_widget_get_sensitive (custos_test_find_button (widget, "Zoom In (Ctrl++)")));
}
END_TEST

/* Share of the pixels of an RGB24 or ARGB32 image that are not white. */
static double
ink (cairo_surface_t *surface,
     int              x0,
     int              y0,
     int              x1,
     int              y1)
{
  const guchar *data;
  int stride = cairo_image_surface_get_stride (surface);
  guint inked = 0;

  cairo_surface_flush (surface);
  data = cairo_image_surface_get_data (surface);
  for (int y = y0; y < y1; y++)
    for (int x = x0; x < x1; x++)
      if ((*(const guint32 *) (data + y * stride + x * 4) & 0xffffff) != 0xffffff)
        inked++;
  return (double) inked / ((x1 - x0) * (y1 - y0));
}

/* The page area draws the report engine's page: not blank, and the page
 * shown (another page, other pixels). */
START_TEST (test_preview_draws_pages)
{
  CustosPrintPreview *preview = open_preview ("soa");
  GtkWidget *area = custos_test_find_type (GTK_WIDGET (preview), GTK_TYPE_DRAWING_AREA);
  int width, height, x0, x1, y0, y1;
  cairo_surface_t *first, *second;
  cairo_t *cr;
  double first_ink;

  custos_test_wait_for (is_drawn, preview, "the first page to be drawn");
  width = gtk_widget_get_width (area);
  height = gtk_widget_get_height (area);
  ck_assert_int_gt (width, 100);
  ck_assert_int_gt (height, 100);
  /* The middle of the page, inside its margins. */
  x0 = width / 4;
  x1 = width * 3 / 4;
  y0 = height / 4;
  y1 = height * 3 / 4;
  first = cairo_image_surface_create (CAIRO_FORMAT_RGB24, width, height);
  second = cairo_image_surface_create (CAIRO_FORMAT_RGB24, width, height);
  cr = cairo_create (first);
  custos_print_preview_draw (preview, cr, width, height);
  cairo_destroy (cr);
  first_ink = ink (first, x0, y0, x1, y1);
  ck_assert_msg (first_ink > 0.01, "the first page is blank (%.4f of its pixels inked)", first_ink);

  ck_assert (gtk_widget_activate_action (GTK_WIDGET (preview), "preview.next", NULL));
  custos_test_wait_for (is_drawn, preview, "the second page to be drawn");
  cr = cairo_create (second);
  custos_print_preview_draw (preview, cr, width, height);
  cairo_destroy (cr);
  ck_assert (ink (second, x0, y0, x1, y1) > 0.01);
  cairo_surface_flush (first);
  cairo_surface_flush (second);
  ck_assert_msg (memcmp (cairo_image_surface_get_data (first), cairo_image_surface_get_data (second),
                         (size_t) cairo_image_surface_get_stride (first) * height) != 0,
                 "pages 1 and 2 look the same");
  cairo_surface_destroy (first);
  cairo_surface_destroy (second);
}
END_TEST

/* Closed at once, while the pages are laid out, or after paging through
 * them (pages being drawn): no critical, and nothing keeps the window. */
START_TEST (test_preview_close)
{
  gpointer preview;

  ck_assert (gtk_widget_activate_action (GTK_WIDGET (window), "win.print-preview", "s", "pack"));
  preview = find_preview ();
  ck_assert_ptr_nonnull (preview);
  if (_i == 1)
    {
      custos_test_wait_for (is_laid_out, preview, "the pages to be laid out");
      for (guint i = 0; i < 5; i++)
        ck_assert (gtk_widget_activate_action (GTK_WIDGET (preview), "preview.next", NULL));
    }
  g_object_add_weak_pointer (G_OBJECT (preview), &preview);
  ck_assert (gtk_widget_activate_action (GTK_WIDGET (preview), "window.close", NULL));
  /* The threads at work still hold it; it goes when they are done. */
  custos_test_wait_for (is_gone, &preview, "the preview to be finalized");
  ck_assert_ptr_null (find_preview ());
  custos_test_spin ();
}
END_TEST

static GtkWindow *
find_export_dialog (gpointer preview)
{
  GListModel *toplevels = gtk_window_get_toplevels (); /* transfer none */

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) toplevel = g_list_model_get_item (toplevels, i);
      if (CUSTOS_IS_EXPORT_DIALOG (toplevel) && gtk_window_get_transient_for (toplevel) == preview)
        return toplevel;
    }
  return NULL;
}

/* Export PDF… opens the Export dialog over the preview with its report chosen. */
START_TEST (test_preview_export)
{
  CustosPrintPreview *preview = open_preview ("risks");
  GtkWindow *dialog;
  AdwComboRow *report_row;

  ck_assert_ptr_null (find_export_dialog (preview));
  ck_assert (gtk_widget_activate_action (GTK_WIDGET (preview), "preview.export", NULL));
  dialog = find_export_dialog (preview);
  ck_assert_ptr_nonnull (dialog);
  ck_assert (gtk_window_get_modal (dialog));
  /* The first choice row is the report's: the PDFs come first, in the order
   * of CustosReportKind (SoA, RTP, risks, pack). */
  report_row = custos_test_find_type (GTK_WIDGET (dialog), ADW_TYPE_COMBO_ROW);
  ck_assert_uint_eq (adw_combo_row_get_selected (report_row), CUSTOS_REPORT_RISKS);
}
END_TEST

static gboolean
last_issue_is_read (gpointer data)
{
  return *(GAsyncResult **) data != NULL;
}

static void
keep_result (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  *(GAsyncResult **) user_data = g_object_ref (result);
}

/* The pack of a document changed since it was issued lists the changes
 * since that issue, read in a thread: in the preview, as in the exported
 * PDF (every risk's likelihood changed: a page more), and on the printer. */
START_TEST (test_preview_pack_since_issue)
{
  g_autofree char *path = g_build_filename (dir, "plan.isms", NULL);
  g_autofree char *printed = g_build_filename (dir, "printed.pdf", NULL);
  g_autofree char *example = custos_test_example_path ();
  g_autoptr(GBytes) bytes = custos_test_read_file (example);
  const char *args[] = { "--issue=9.0", "--approver=Margaret Hale", "plan.isms", NULL };
  g_autofree char *err = NULL;
  g_autofree char *text = NULL;
  g_autoptr(GtkPrintOperation) operation = NULL;
  g_autoptr(CustosLastIssue) last_issue = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  const char *argv[] = { "pdftotext", printed, "-", NULL };
  CustosDocument *document;
  GListModel *risks;
  CustosPrintPreview *preview;

  ck_assert (g_file_set_contents (path, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), NULL));
  ck_assert_msg (custos_test_run_cli_in (dir, args, NULL, &err) == 0, "%s", err);
  window = custos_test_open_window (app, path);
  document = custos_window_get_document (window);
  risks = custos_document_get_register (document, CUSTOS_REGISTER_RISKS);
  for (guint i = 0; i < g_list_model_get_n_items (risks); i++)
    {
      g_autoptr(CustosRisk) risk = g_list_model_get_item (risks, i);

      custos_risk_set_likelihood (risk, custos_risk_get_likelihood (risk) % 5 + 1);
    }

  preview = open_preview ("pack");
  ck_assert_uint_eq (custos_print_preview_get_n_pages (preview), exported_pages (CUSTOS_REPORT_PACK));

  /* What the print dialog prints, here through GTK's export to PDF. */
  last_issue = custos_last_issue_new (document, custos_window_get_file (window));
  custos_last_issue_read_async (last_issue, NULL, NULL, keep_result, &result);
  custos_test_wait_for (last_issue_is_read, &result, "the last issue");
  ck_assert (custos_last_issue_read_finish (result, NULL));
  operation = custos_print_operation_new (document, custos_window_get_file (window), CUSTOS_REPORT_PACK, NULL,
                                          last_issue);
  gtk_print_operation_set_export_filename (operation, printed);
  ck_assert_int_eq (gtk_print_operation_run (operation, GTK_PRINT_OPERATION_ACTION_EXPORT, NULL, &error),
                    GTK_PRINT_OPERATION_RESULT_APPLY);
  g_assert_no_error (error);
  ck_assert (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, &text, NULL, NULL, NULL));
  ck_assert_msg (strstr (text, "version 9.0 of") != NULL, "the printed pack does not name the last issue");
}
END_TEST

static void
print_done (GtkPrintOperation       *operation,
            GtkPrintOperationResult  result,
            gpointer                 user_data)
{
  *(GtkPrintOperationResult *) user_data = result;
}

/* The print dialog's Preview button runs the operation with the preview
 * action: it opens our preview of the pages laid out on the paper chosen,
 * not an external viewer, and ends the operation. */
START_TEST (test_print_dialog_preview)
{
  g_autoptr(GtkPrintOperation) operation = NULL;
  g_autoptr(GError) error = NULL;
  GtkPrintOperationResult result = GTK_PRINT_OPERATION_RESULT_IN_PROGRESS;
  CustosPrintPreview *preview;
  guint n;

  operation = custos_print_operation_new (custos_window_get_document (window), custos_window_get_file (window),
                                          CUSTOS_REPORT_RTP, custos_application_get_clock (app), NULL);
  gtk_print_operation_set_allow_async (operation, TRUE);
  gtk_print_operation_set_show_progress (operation, FALSE);
  g_signal_connect (operation, "done", G_CALLBACK (print_done), &result);
  ck_assert_int_eq (gtk_print_operation_run (operation, GTK_PRINT_OPERATION_ACTION_PREVIEW, GTK_WINDOW (window),
                                             &error), GTK_PRINT_OPERATION_RESULT_IN_PROGRESS);
  g_assert_no_error (error);
  custos_test_wait_for (has_preview, NULL, "the preview to open");
  preview = find_preview ();
  ck_assert_ptr_eq (gtk_window_get_transient_for (GTK_WINDOW (preview)), window);
  ck_assert_int_eq (result, GTK_PRINT_OPERATION_RESULT_APPLY);
  custos_test_wait_for (is_laid_out, preview, "the pages to be laid out");
  n = custos_print_preview_get_n_pages (preview);
  ck_assert_uint_eq (n, exported_pages (CUSTOS_REPORT_RTP));
  custos_test_wait_for (is_drawn, preview, "the first page to be drawn");
}
END_TEST

static Suite *
preview_suite (void)
{
  Suite *suite = suite_create ("preview");
  TCase *tc = tcase_create ("preview");

  tcase_add_unchecked_fixture (tc, register_app, unregister_app);
  tcase_add_checked_fixture (tc, setup, teardown);
  tcase_set_timeout (tc, 120);
  tcase_add_loop_test (tc, test_preview_pages, 0, G_N_ELEMENTS (reports));
  tcase_add_test (tc, test_preview_navigation);
  tcase_add_test (tc, test_preview_keys);
  tcase_add_test (tc, test_preview_shortcut);
  tcase_add_test (tc, test_preview_wheel);
  tcase_add_test (tc, test_preview_zoom);
  tcase_add_test (tc, test_preview_draws_pages);
  tcase_add_loop_test (tc, test_preview_close, 0, 2);
  tcase_add_test (tc, test_preview_export);
  tcase_add_test (tc, test_preview_pack_since_issue);
  tcase_add_test (tc, test_print_dialog_preview);
  suite_add_tcase (suite, tc);
  return suite;
}

int
main (void)
{
  return custos_test_run_window_suite (preview_suite ());
}
