/* SPDX-License-Identifier: GPL-3.0-or-later */
/* custos-trend-view.h — a measure's results over time against its target */
#pragma once

#include <gtk/gtk.h>

#include "custos-document.h"
#include "custos-trend.h"

G_BEGIN_DECLS

#define CUSTOS_TYPE_TREND_VIEW (custos_trend_view_get_type ())
G_DECLARE_FINAL_TYPE (CustosTrendView, custos_trend_view, CUSTOS, TREND_VIEW, GtkWidget)

GtkWidget             *custos_trend_view_new             (void);

CustosDocument        *custos_trend_view_get_document    (CustosTrendView *self);
void                   custos_trend_view_set_document    (CustosTrendView *self,
                                                          CustosDocument  *document);
/* The measure whose results are shown, or NULL. */
CustosRecord          *custos_trend_view_get_measure     (CustosTrendView *self);
void                   custos_trend_view_set_measure     (CustosTrendView *self,
                                                          CustosRecord    *measure);
gboolean               custos_trend_view_get_colour_blind (CustosTrendView *self);
void                   custos_trend_view_set_colour_blind (CustosTrendView *self,
                                                          gboolean         colour_blind);
/* What is drawn now (rebuilt after every change of the document); NULL
 * without a measure. */
const CustosTrendData *custos_trend_view_get_data        (CustosTrendView *self);

G_END_DECLS
