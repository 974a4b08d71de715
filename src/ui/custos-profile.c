/* SPDX-License-Identifier: GPL-3.0-or-later */
/* custos-profile.c — time to the first frame
 *
 * Built into custos and into bench's bare GTK window (bench/bare-window.c),
 * so that both measure the same way: wall time from the kernel's start time
 * of the process (which counts dynamic linking, unlike a clock read in
 * main()), and CPU time from getrusage(), the figure bench/ compares.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <time.h>
#include <unistd.h>

#include "custos-profile.h"

typedef struct
{
  GtkWindow *window;
  gboolean (*ready) (GtkWindow *window);
  gulong     handler;
} Probe;

gboolean
custos_profile_first_frame_wanted (void)
{
  const char *value = g_getenv ("CUSTOS_PROFILE_FIRST_FRAME");

  return value != NULL && *value != '\0' && !g_str_equal (value, "0");
}

/* Seconds since the process started: field 22 of /proc/self/stat, in clock
 * ticks since boot; -1 when unknown. */
static double
wall_seconds (void)
{
  g_autofree char *stat = NULL;
  struct timespec now;
  const char *p;
  unsigned long long start;

  if (!g_file_get_contents ("/proc/self/stat", &stat, NULL, NULL) ||
      clock_gettime (CLOCK_BOOTTIME, &now) != 0)
    return -1;
  /* The command name (field 2) may hold spaces; count from its ')'. */
  p = strrchr (stat, ')');
  if (p == NULL)
    return -1;
  for (int field = 2; field < 22 && p != NULL; field++)
    p = strchr (p + 1, ' ');
  if (p == NULL || sscanf (p + 1, "%llu", &start) != 1)
    return -1;
  return now.tv_sec + now.tv_nsec / 1e9 - (double) start / sysconf (_SC_CLK_TCK);
}

static void
report (void)
{
  struct rusage usage;

  getrusage (RUSAGE_SELF, &usage);
  printf ("first-frame wall %.3f cpu %.3f rss %.1f\n", wall_seconds (),
          usage.ru_utime.tv_sec + usage.ru_stime.tv_sec + (usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6,
          usage.ru_maxrss / 1024.0);
  fflush (stdout);
}

static void
destroy_window (gpointer window)
{
  gtk_window_destroy (window);
  g_object_unref (window);
}

static void
on_after_paint (GdkFrameClock *clock,
                Probe         *probe)
{
  if (probe->ready != NULL && !probe->ready (probe->window))
    return;
  report ();
  g_signal_handler_disconnect (clock, probe->handler);
  /* Not from inside the frame clock's own signal. */
  g_idle_add_once (destroy_window, probe->window);
  g_free (probe);
}

static void
on_realize (GtkWidget *widget,
            Probe     *probe)
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (widget);

  g_signal_handlers_disconnect_by_func (widget, on_realize, probe);
  probe->handler = g_signal_connect (clock, "after-paint", G_CALLBACK (on_after_paint), probe);
}

void
custos_profile_first_frame (GtkWindow *window,
                            gboolean (*ready) (GtkWindow *window))
{
  Probe *probe = g_new0 (Probe, 1);

  probe->window = g_object_ref (window);
  probe->ready = ready;
  if (gtk_widget_get_realized (GTK_WIDGET (window)))
    on_realize (GTK_WIDGET (window), probe);
  else
    g_signal_connect (window, "realize", G_CALLBACK (on_realize), probe);
}
