/* SPDX-License-Identifier: GPL-3.0-or-later */
/* custos-ref-chooser.h — a popover to pick several records or Annex A controls */
#pragma once

#include <gtk/gtk.h>

#include "custos-document.h"

G_BEGIN_DECLS

#define CUSTOS_TYPE_REF_CHOOSER (custos_ref_chooser_get_type ())
G_DECLARE_FINAL_TYPE (CustosRefChooser, custos_ref_chooser, CUSTOS, REF_CHOOSER, GtkPopover)

GtkWidget          *custos_ref_chooser_new             (void);

/* Offers the records of a register (kept current as it changes). The document
 * names SoA entries by their control; it may be NULL. */
void                custos_ref_chooser_set_records     (CustosRefChooser   *self,
                                                        CustosDocument     *document,
                                                        GListModel         *records);
/* Offers the controls of a catalogue, grouped by theme or category. */
void                custos_ref_chooser_set_catalogue   (CustosRefChooser   *self,
                                                        CustosCatalogue    *catalogue);

/* The chosen ids, NULL-terminated (never NULL). New choices are kept in
 * natural order (5.2 before 5.15); the order of existing ones is kept. */
const char * const *custos_ref_chooser_get_selected    (CustosRefChooser   *self);
void                custos_ref_chooser_set_selected    (CustosRefChooser   *self,
                                                        const char * const *ids);
/* Checks or unchecks one id, as a click on its row does. Checking emits
 * "chosen" (id) after "selected" changed: the user's choice, not a sync. */
void                custos_ref_chooser_toggle          (CustosRefChooser   *self,
                                                        const char         *id);

const char         *custos_ref_chooser_get_search_text (CustosRefChooser   *self);
void                custos_ref_chooser_set_search_text (CustosRefChooser   *self,
                                                        const char         *text);
/* The choices as listed: filtered by the search, group headers included. */
GListModel         *custos_ref_chooser_get_model       (CustosRefChooser   *self);
/* The id of an item of that model, or NULL for a group header. */
const char         *custos_ref_chooser_item_id         (gpointer            item);

G_END_DECLS
