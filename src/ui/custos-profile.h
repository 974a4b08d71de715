/* SPDX-License-Identifier: GPL-3.0-or-later */
/* custos-profile.h — time to the first frame, for bench/ (CUSTOS_PROFILE_FIRST_FRAME=1) */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* Whether the first-frame probe was asked for. */
gboolean custos_profile_first_frame_wanted (void);

/* Once ready (window) is TRUE (NULL: at once), prints after the window's
 * next painted frame one line to standard output:
 *   first-frame wall SECONDS cpu SECONDS rss MB
 * (wall time since the process started, user + system CPU time, resident
 * memory), then destroys the window. */
void custos_profile_first_frame (GtkWindow *window,
                                 gboolean (*ready) (GtkWindow *window));

G_END_DECLS
