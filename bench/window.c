/* SPDX-License-Identifier: GPL-3.0-or-later */
/* window.c — what the window costs the main thread at a document's size
 *
 *   ./build/bench/custos-bench-window FILE.isms [RUNS]
 *
 * Opens FILE in a real window (a display is needed: run it under xvfb-run),
 * then times, in CPU time of the main thread from the action to the end of
 * the frame that shows its result (GdkFrameClock::after-paint):
 *   risks        showing the Risks page the first time (it is built then)
 *   risks-again  showing it again after the Overview
 *   keystroke    typing a search into the risk register one character at a
 *                time, then deleting it again: the median and the slowest
 *                (with BENCH_EACH=1 in the environment, every keystroke too,
 *                as `"TEXT" MS' lines)
 *   preview      the print preview of the certification pack, in wall-clock
 *                time from the action to the frame that shows its first page
 *                drawn (layout and drawing run in threads); with the main
 *                thread's CPU time in it and its longest main-loop iteration
 *                (the window's responsiveness meanwhile)
 * Prints "NAME MS" lines; RUNS (5) keystroke series give the median. Work
 * the window leaves for idle time after the frame that shows a page or a
 * keystroke's result (a readiness check, the search's haystacks filled
 * ahead, the register's remaining rows) is not counted.
 */
#include "config.h"

#include <adwaita.h>
#include <stdlib.h>
#include <time.h>

#include "custos-print-preview.h"
#include "custos-register-view.h"
#include "custos-risks-page.h"
#include "custos-window.h"

static const char search[] = "database access";

static double
thread_cpu_ms (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_THREAD_CPUTIME_ID, &ts);
  return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

static void
on_after_paint (GdkFrameClock *clock,
                double        *painted_at)
{
  if (*painted_at < 0)
    *painted_at = thread_cpu_ms ();
}

/* Runs the main loop until a frame has been painted and nothing is left to
 * do; returns the thread's CPU time (ms) at the end of that frame. */
static double
wait_for_frame (GtkWidget *window)
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (window);
  double painted_at = -1;
  gulong id = g_signal_connect (clock, "after-paint", G_CALLBACK (on_after_paint), &painted_at);

  gtk_widget_queue_draw (window);
  while (painted_at < 0 || g_main_context_pending (NULL))
    g_main_context_iteration (NULL, painted_at < 0);
  g_signal_handler_disconnect (clock, id);
  return painted_at;
}

static gboolean
is_loaded (CustosWindow *window)
{
  return custos_window_get_file (window) != NULL;
}

static int
compare_doubles (const void *a,
                 const void *b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return (x > y) - (x < y);
}

static GtkWidget *
find_type (GtkWidget *widget,
           GType      type)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (widget, type))
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_type (child, type);
      if (found != NULL)
        return found;
    }
  return NULL;
}

/* Main-thread CPU time of activating action (with a string target) until its frame is painted. */
static double
time_page (GtkWidget  *window,
           const char *page)
{
  double t0 = thread_cpu_ms ();

  gtk_widget_activate_action (window, "win.show-page", "s", page);
  return wait_for_frame (window) - t0;
}

static CustosPrintPreview *
find_preview (void)
{
  GListModel *toplevels = gtk_window_get_toplevels (); /* transfer none */

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) toplevel = g_list_model_get_item (toplevels, i);
      if (CUSTOS_IS_PRINT_PREVIEW (toplevel))
        return CUSTOS_PRINT_PREVIEW (toplevel);
    }
  return NULL;
}

static void
time_preview (GtkWidget *window)
{
  gint64 t0 = g_get_monotonic_time (), longest = 0;
  double cpu0 = thread_cpu_ms ();
  CustosPrintPreview *preview;

  gtk_widget_activate_action (window, "win.print-preview", "s", "pack");
  while ((preview = find_preview ()) == NULL || !custos_print_preview_is_drawn (preview))
    {
      gint64 t = g_get_monotonic_time ();

      g_main_context_iteration (NULL, TRUE);
      longest = MAX (longest, g_get_monotonic_time () - t);
    }
  wait_for_frame (GTK_WIDGET (preview));
  g_print ("preview %.2f\npreview-main-thread %.2f\npreview-longest-iteration %.2f\npreview-pages %u\n",
           (g_get_monotonic_time () - t0) / 1e3, thread_cpu_ms () - cpu0, longest / 1e3,
           custos_print_preview_get_n_pages (preview));
  gtk_window_destroy (GTK_WINDOW (preview));
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GFile) file = NULL;
  g_autoptr(GArray) times = g_array_new (FALSE, FALSE, sizeof (double));
  AdwApplication *app;
  CustosWindow *window;
  CustosRegisterView *view;
  guint runs = 5;
  gboolean each = g_getenv ("BENCH_EACH") != NULL;

  if (argc < 2)
    {
      g_printerr ("usage: %s FILE.isms [RUNS]\n", argv[0]);
      return 2;
    }
  if (argc > 2)
    runs = (guint) MAX (1, atoi (argv[2]));
  g_set_application_name ("custos-bench-window");
  adw_init ();
  app = adw_application_new ("io.github.custos.Custos.Bench", G_APPLICATION_NON_UNIQUE);
  g_application_register (G_APPLICATION (app), NULL, NULL);
  window = custos_window_new (GTK_APPLICATION (app), NULL);
  gtk_window_present (GTK_WINDOW (window));
  file = g_file_new_for_commandline_arg (argv[1]);
  custos_window_load (window, file);
  while (!is_loaded (window))
    g_main_context_iteration (NULL, TRUE);
  wait_for_frame (GTK_WIDGET (window));

  g_print ("risks %.2f\n", time_page (GTK_WIDGET (window), "risks"));
  time_page (GTK_WIDGET (window), "overview");
  g_print ("risks-again %.2f\n", time_page (GTK_WIDGET (window), "risks"));

  view = custos_risks_page_get_register_view (CUSTOS_RISKS_PAGE (find_type (GTK_WIDGET (window),
                                                                              CUSTOS_TYPE_RISKS_PAGE)));
  for (guint run = 0; run < runs; run++)
    for (int len = 1; len <= 2 * (int) strlen (search); len++)
      {
        /* Typing it, then deleting it a character at a time. */
        int n = len <= (int) strlen (search) ? len : 2 * (int) strlen (search) - len;
        g_autofree char *text = g_strndup (search, n);
        double t0 = thread_cpu_ms (), dt;

        custos_register_view_set_search_text (view, text);
        dt = wait_for_frame (GTK_WIDGET (window)) - t0;
        g_array_append_val (times, dt);
        if (each)
          g_print ("  \"%s\" %.1f\n", text, dt);
      }
  g_array_sort (times, compare_doubles);
  g_print ("keystroke %.2f\nkeystroke-max %.2f\n", g_array_index (times, double, times->len / 2),
           g_array_index (times, double, times->len - 1));

  time_preview (GTK_WIDGET (window));

  custos_document_set_modified (custos_window_get_document (window), FALSE);
  gtk_window_destroy (GTK_WINDOW (window));
  while (g_main_context_iteration (NULL, FALSE))
    ;
  g_object_unref (app);
  return 0;
}
