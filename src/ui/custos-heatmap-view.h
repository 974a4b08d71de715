/* SPDX-License-Identifier: GPL-3.0-or-later */
/* custos-heatmap-view.h — the likelihood × consequence heatmap as a widget */
#pragma once

#include <gtk/gtk.h>

#include "custos-document.h"
#include "custos-heatmap.h"

G_BEGIN_DECLS

#define CUSTOS_TYPE_HEATMAP_VIEW (custos_heatmap_view_get_type ())
G_DECLARE_FINAL_TYPE (CustosHeatmapView, custos_heatmap_view, CUSTOS, HEATMAP_VIEW, GtkWidget)

GtkWidget      *custos_heatmap_view_new               (void);

CustosDocument *custos_heatmap_view_get_document      (CustosHeatmapView *self);
void            custos_heatmap_view_set_document      (CustosHeatmapView *self,
                                                       CustosDocument    *document);
/* Residual levels instead of inherent ones. */
gboolean        custos_heatmap_view_get_residual      (CustosHeatmapView *self);
void            custos_heatmap_view_set_residual      (CustosHeatmapView *self,
                                                       gboolean           residual);
/* Arrows from each risk's inherent cell to its residual cell. */
gboolean        custos_heatmap_view_get_show_movement (CustosHeatmapView *self);
void            custos_heatmap_view_set_show_movement (CustosHeatmapView *self,
                                                       gboolean           show_movement);
/* The colour-blind-safe palette instead of the bands' own colours. */
gboolean        custos_heatmap_view_get_colour_blind  (CustosHeatmapView *self);
void            custos_heatmap_view_set_colour_blind  (CustosHeatmapView *self,
                                                       gboolean           colour_blind);

/* The selected cell (1-based levels); 0, 0 when none. Also the
 * "selected-cell" property, a GVariant "(ii)". */
void            custos_heatmap_view_get_selected_cell (CustosHeatmapView *self,
                                                       int               *likelihood,
                                                       int               *consequence);
void            custos_heatmap_view_set_selected_cell (CustosHeatmapView *self,
                                                       int                likelihood,
                                                       int                consequence);
/* The cell the keyboard is on. */
void            custos_heatmap_view_get_focus_cell    (CustosHeatmapView *self,
                                                       int               *likelihood,
                                                       int               *consequence);
void            custos_heatmap_view_set_focus_cell    (CustosHeatmapView *self,
                                                       int                likelihood,
                                                       int                consequence);

/* What a click at (x, y) in the widget does: selects the cell under it (a
 * second click on the selected cell clears the selection) and emits
 * "cell-activated". FALSE when the point is on no cell. */
gboolean        custos_heatmap_view_click             (CustosHeatmapView *self,
                                                       double             x,
                                                       double             y);
/* Moves the keyboard's cell by a number of levels, as the arrow keys do. */
void            custos_heatmap_view_move_focus        (CustosHeatmapView *self,
                                                       int                d_likelihood,
                                                       int                d_consequence);
/* What Enter and space do: selects the focused cell, or clears it. */
void            custos_heatmap_view_activate_focus    (CustosHeatmapView *self);

/* "Likelihood 4 Likely, consequence 5 Severe: 3 risks, High" (newly allocated). */
char           *custos_heatmap_view_describe_cell     (CustosHeatmapView *self,
                                                       int                likelihood,
                                                       int                consequence);
/* The risks in a cell, in register order (new references). */
GPtrArray      *custos_heatmap_view_get_cell_risks    (CustosHeatmapView *self,
                                                       int                likelihood,
                                                       int                consequence);
/* The number of risks drawn in a cell. */
guint           custos_heatmap_view_get_count         (CustosHeatmapView *self,
                                                       int                likelihood,
                                                       int                consequence);

/* How many times the static layer (cells, labels) has been drawn: redraws
 * for a selection or an edit of a risk reuse it. */
guint           custos_heatmap_view_get_static_draws  (CustosHeatmapView *self);

/* Whether a risk's inherent (or residual) levels are these. */
gboolean        custos_risk_in_cell                   (CustosRecord      *risk,
                                                       gboolean           residual,
                                                       int                likelihood,
                                                       int                consequence);

G_END_DECLS
