/* SPDX-License-Identifier: GPL-3.0-or-later */
/* custos-register-view.h — one register as a sortable, searchable list with an editor */
#pragma once

#include <gtk/gtk.h>

#include "custos-document.h"
#include "custos-record-editor.h"

G_BEGIN_DECLS

#define CUSTOS_TYPE_REGISTER_VIEW (custos_register_view_get_type ())
G_DECLARE_FINAL_TYPE (CustosRegisterView, custos_register_view, CUSTOS, REGISTER_VIEW, GtkWidget)

GtkWidget          *custos_register_view_new               (void);

CustosDocument     *custos_register_view_get_document      (CustosRegisterView *self);
void                custos_register_view_set_document      (CustosRegisterView *self,
                                                            CustosDocument     *document);
/* The register's element name: "issues", "risks", "soa" … */
const char         *custos_register_view_get_register_name (CustosRegisterView *self);
void                custos_register_view_set_register_name (CustosRegisterView *self,
                                                            const char         *register_name);
const char         *custos_register_view_get_search_text   (CustosRegisterView *self);
void                custos_register_view_set_search_text   (CustosRegisterView *self,
                                                            const char         *search_text);

/* The selected record, or NULL. */
CustosRecord       *custos_register_view_get_selected      (CustosRegisterView *self);
/* Selects record (clearing a search that hides it) and scrolls to it; NULL
 * clears the selection. */
void                custos_register_view_select            (CustosRegisterView *self,
                                                            CustosRecord       *record);

/* The records as shown: filtered by the search, in the list's order. */
GListModel         *custos_register_view_get_model         (CustosRegisterView *self);
GtkColumnView      *custos_register_view_get_column_view   (CustosRegisterView *self);
CustosRecordEditor *custos_register_view_get_editor        (CustosRegisterView *self);
/* Sorts by a field's column ("id" for the id column), as a click on its header. */
void                custos_register_view_sort_by           (CustosRegisterView *self,
                                                            const char         *field_name,
                                                            GtkSortType         order);

/* Hooks for pages built on the view. They know nothing of any register.
 * In a .ui file, <child type="header"> and <child type="editor"> add widgets
 * to the header and under the editor. */

/* Shows only records for which func returns TRUE (ANDed with the search);
 * NULL removes it. Call refilter when what func tests changes. */
void                custos_register_view_set_filter_func   (CustosRegisterView  *self,
                                                            GtkCustomFilterFunc  func,
                                                            gpointer             user_data,
                                                            GDestroyNotify       destroy);
void                custos_register_view_refilter          (CustosRegisterView  *self);
/* Adds a column at a position among all columns (-1: last; sorter may be
 * NULL); returns it (owned by the view). */
GtkColumnViewColumn *custos_register_view_add_column       (CustosRegisterView  *self,
                                                            int                  position,
                                                            const char          *title,
                                                            GtkListItemFactory  *factory,
                                                            GtkSorter           *sorter);
/* Packs a widget into the header, before the search entry. */
void                custos_register_view_add_header_widget (CustosRegisterView  *self,
                                                            GtkWidget           *widget);
/* Packs a widget under the record editor, in its scrolled pane. */
void                custos_register_view_add_editor_widget (CustosRegisterView  *self,
                                                            GtkWidget           *widget);

G_END_DECLS
