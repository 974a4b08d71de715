/* SPDX-License-Identifier: GPL-3.0-or-later */
/* custos-wrap-box.h — a row of widgets that wraps onto more lines when narrow */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define CUSTOS_TYPE_WRAP_BOX (custos_wrap_box_get_type ())
G_DECLARE_FINAL_TYPE (CustosWrapBox, custos_wrap_box, CUSTOS, WRAP_BOX, GtkWidget)

GtkWidget *custos_wrap_box_new    (void);
void       custos_wrap_box_append (CustosWrapBox *self,
                                   GtkWidget     *child);

G_END_DECLS
