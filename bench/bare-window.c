/* SPDX-License-Identifier: GPL-3.0-or-later */
/* bare-window.c — the anchor of the first-frame benchmark: a bare GTK 4
 * window with one label, timed to its first frame exactly as
 * CUSTOS_PROFILE_FIRST_FRAME=1 custos FILE is (src/ui/custos-profile.c).
 *
 *   ./build/bench/custos-bench-bare-window
 *   first-frame wall 0.081 cpu 0.072 rss 41.3
 */
#include <gtk/gtk.h>

#include "custos-profile.h"

static void
quit (gboolean *done)
{
  *done = TRUE;
  g_main_context_wakeup (NULL);
}

int
main (void)
{
  gboolean done = FALSE;
  GtkWidget *window;

  gtk_init ();
  window = gtk_window_new ();
  gtk_window_set_title (GTK_WINDOW (window), "Bare window");
  gtk_window_set_default_size (GTK_WINDOW (window), 1100, 760);
  gtk_window_set_child (GTK_WINDOW (window), gtk_label_new ("Hello"));
  g_signal_connect_swapped (window, "destroy", G_CALLBACK (quit), &done);
  custos_profile_first_frame (GTK_WINDOW (window), NULL);
  gtk_window_present (GTK_WINDOW (window));
  while (!done)
    g_main_context_iteration (NULL, TRUE);
  return 0;
}
