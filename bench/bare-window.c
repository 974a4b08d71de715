/* SPDX-License-Identifier: GPL-3.0-or-later */
/* bare-window.c — the anchors of the first-frame benchmark, timed to their
 * first frame exactly as CUSTOS_PROFILE_FIRST_FRAME=1 custos FILE is
 * (src/ui/custos-profile.c):
 *
 *   custos-bench-bare-window          a bare GTK 4 window with one label: the
 *                                     anchor of issue 11's goal
 *   custos-bench-bare-window --adw    the same after adw_init (libadwaita's
 *                                     style sheets and settings)
 *   custos-bench-bare-window --app    an AdwApplication (registered on the
 *                                     session bus, as custos is) showing an
 *                                     AdwApplicationWindow with a header bar
 *                                     and the label
 *
 * The last two say how much of custos' first frame is the fixed cost of the
 * toolkit it is built on rather than its own work.
 *
 *   ./build/bench/custos-bench-bare-window
 *   first-frame wall 0.081 cpu 0.072 rss 41.3
 */
#include <adwaita.h>

#include "custos-profile.h"

static GtkWidget *
label (void)
{
  return gtk_label_new ("Hello");
}

static void
quit (gboolean *done)
{
  *done = TRUE;
  g_main_context_wakeup (NULL);
}

static void
activate (GtkApplication *app)
{
  GtkWidget *window = adw_application_window_new (app);
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);

  gtk_window_set_title (GTK_WINDOW (window), "Bare window");
  gtk_window_set_default_size (GTK_WINDOW (window), 1100, 760);
  gtk_box_append (GTK_BOX (box), adw_header_bar_new ());
  gtk_box_append (GTK_BOX (box), label ());
  adw_application_window_set_content (ADW_APPLICATION_WINDOW (window), box);
  custos_profile_first_frame (GTK_WINDOW (window), NULL);
  gtk_window_present (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  gboolean done = FALSE;
  GtkWidget *window;

  if (argc > 1 && g_str_equal (argv[1], "--app"))
    {
      g_autoptr(AdwApplication) app = adw_application_new ("io.github.custos.BareWindow", G_APPLICATION_NON_UNIQUE);

      g_signal_connect (app, "activate", G_CALLBACK (activate), NULL);
      return g_application_run (G_APPLICATION (app), 1, argv);
    }

  gtk_init ();
  if (argc > 1 && g_str_equal (argv[1], "--adw"))
    adw_init ();
  window = gtk_window_new ();
  gtk_window_set_title (GTK_WINDOW (window), "Bare window");
  gtk_window_set_default_size (GTK_WINDOW (window), 1100, 760);
  gtk_window_set_child (GTK_WINDOW (window), label ());
  g_signal_connect_swapped (window, "destroy", G_CALLBACK (quit), &done);
  custos_profile_first_frame (GTK_WINDOW (window), NULL);
  gtk_window_present (GTK_WINDOW (window));
  while (!done)
    g_main_context_iteration (NULL, TRUE);
  return 0;
}
