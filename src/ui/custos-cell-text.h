/* SPDX-License-Identifier: GPL-3.0-or-later */
/* custos-cell-text.h — one line of text in a list cell, cheap to create */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define CUSTOS_TYPE_CELL_TEXT (custos_cell_text_get_type ())
G_DECLARE_FINAL_TYPE (CustosCellText, custos_cell_text, CUSTOS, CELL_TEXT, GtkWidget)

GtkWidget  *custos_cell_text_new         (void);
/* Plain text, or Pango markup; line breaks show as spaces. */
void        custos_cell_text_set_text    (CustosCellText *self,
                                          const char     *text);
void        custos_cell_text_set_markup  (CustosCellText *self,
                                          const char     *markup);
/* What is shown, without markup. */
const char *custos_cell_text_get_text    (CustosCellText *self);
/* 0 start, 0.5 centre, 1 end. */
void        custos_cell_text_set_xalign  (CustosCellText *self,
                                          float           xalign);
/* The least and the natural width, in average characters (0: none). */
void        custos_cell_text_set_chars   (CustosCellText *self,
                                          int             min_chars,
                                          int             nat_chars);
/* Digits of one width, for columns of numbers and ids. */
void        custos_cell_text_set_numeric (CustosCellText *self,
                                          gboolean        numeric);

/* The PangoContext of widget's window, shared by the text of many small
 * widgets (widget's own until it is in a window); and the metrics of its
 * font, kept on it. */
PangoContext *custos_shared_pango_context (GtkWidget *widget);
void          custos_shared_font_metrics  (GtkWidget *widget,
                                           int       *line_height,
                                           int       *baseline,
                                           int       *char_width);

G_END_DECLS
