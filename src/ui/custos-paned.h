/* SPDX-License-Identifier: GPL-3.0-or-later */
/* custos-paned.h — where a split page puts its handle the first time */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* Puts the handle of a vertical paned at numerator/denominator of its height
 * (at least minimum pixels) once, the first time it is shown at its real
 * size; after that the handle is the user's. */
void custos_paned_place_once (GtkPaned *paned,
                              int       numerator,
                              int       denominator,
                              int       minimum);

G_END_DECLS
