/* SPDX-License-Identifier: GPL-3.0-or-later */
/* custos-paned.h — where a split page puts its handle the first time, and
 * how wide it is when its halves stand one under the other */
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

/* The minimum width of widget, which holds paned in vertical boxes and
 * stacks, as it is once paned stands vertical: the wider of paned's halves
 * rather than both side by side. A page that turns its paned vertical when
 * narrow reports this as its minimum width. */
int  custos_paned_stacked_minimum (GtkWidget *widget,
                                   GtkPaned  *paned);

G_END_DECLS
