/* SPDX-License-Identifier: GPL-3.0-or-later */
/* custos-soa-page.h — the Statement of Applicability: every Annex A control,
 * grouped, filtered, checked in place and edited one by one or in bulk */
#pragma once

#include <adwaita.h>

#include "custos-document.h"
#include "custos-readiness.h"
#include "custos-record-editor.h"

G_BEGIN_DECLS

/* Which controls the page shows (besides the search, theme and attribute). */
typedef enum
{
  CUSTOS_SOA_FILTER_ALL,
  CUSTOS_SOA_FILTER_UNDECIDED,               /* neither applicable nor excluded */
  CUSTOS_SOA_FILTER_EXCLUDED,                /* not applicable */
  CUSTOS_SOA_FILTER_NOT_IMPLEMENTED,         /* applicable, not (yet) fully implemented */
  CUSTOS_SOA_FILTER_SELECTED_NOT_APPLICABLE, /* a risk selects it, yet it is not applicable */
  CUSTOS_SOA_FILTER_PROBLEMS,                /* with a consistency finding */
  CUSTOS_SOA_FILTER_REVIEW,                  /* marked for review (after a migration) */
  CUSTOS_SOA_N_FILTERS,
} CustosSoaFilter;

/* The heading row of a theme (2022) or category (2013) in the page's model. */
#define CUSTOS_TYPE_SOA_HEADING (custos_soa_heading_get_type ())
G_DECLARE_FINAL_TYPE (CustosSoaHeading, custos_soa_heading, CUSTOS, SOA_HEADING, GObject)

const CustosControlGroup *custos_soa_heading_get_group (CustosSoaHeading *self);

#define CUSTOS_TYPE_SOA_PAGE (custos_soa_page_get_type ())
G_DECLARE_FINAL_TYPE (CustosSoaPage, custos_soa_page, CUSTOS, SOA_PAGE, GtkWidget)

GtkWidget          *custos_soa_page_new                (void);

CustosDocument     *custos_soa_page_get_document       (CustosSoaPage   *self);
void                custos_soa_page_set_document       (CustosSoaPage   *self,
                                                        CustosDocument  *document);

/* Search by control id or title. */
const char         *custos_soa_page_get_search_text    (CustosSoaPage   *self);
void                custos_soa_page_set_search_text    (CustosSoaPage   *self,
                                                        const char      *search_text);
CustosSoaFilter     custos_soa_page_get_filter         (CustosSoaPage   *self);
void                custos_soa_page_set_filter         (CustosSoaPage   *self,
                                                        CustosSoaFilter  filter);
/* A theme or category id ("people", "A.9"), or NULL for all. */
const char         *custos_soa_page_get_group          (CustosSoaPage   *self);
void                custos_soa_page_set_group          (CustosSoaPage   *self,
                                                        const char      *group_id);
/* An ISO/IEC 27002:2022 attribute value ("preventive", "integrity",
 * "respond" …; see custos_soa_attribute_names()), or NULL for any. Ignored
 * for 2013 documents. */
const char         *custos_soa_page_get_attribute      (CustosSoaPage   *self);
void                custos_soa_page_set_attribute      (CustosSoaPage   *self,
                                                        const char      *attribute);
const char * const *custos_soa_attribute_names         (void);

/* The rows shown: a CustosSoaHeading before the entries of each group that
 * has any, then CustosSoaEntry records, in catalogue order. */
GListModel         *custos_soa_page_get_model          (CustosSoaPage   *self);
/* The entries shown (headings not counted). */
guint               custos_soa_page_get_n_shown        (CustosSoaPage   *self);
/* Controls decided (applicable or not) out of all. */
guint               custos_soa_page_get_n_decided      (CustosSoaPage   *self);
GtkSelectionModel  *custos_soa_page_get_selection      (CustosSoaPage   *self);
/* Selects entry alone (clearing filters that hide it) and scrolls to it. */
void                custos_soa_page_select             (CustosSoaPage   *self,
                                                        CustosRecord    *entry);
/* The selected entries in the order shown (a new array of borrowed records). */
GPtrArray          *custos_soa_page_get_selected_entries (CustosSoaPage *self);
CustosRecordEditor *custos_soa_page_get_editor         (CustosSoaPage   *self);

/* The page checks the document again after each burst of edits (before the
 * next frame for a small document, after a pause in the typing for a large
 * one); this runs a check that is still waiting now, and refreshes the rows
 * on screen. */
void                custos_soa_page_check_now          (CustosSoaPage   *self);
/* The consistency findings (of the readiness check) of one control, as the
 * row shows them: a borrowed array of CustosReadinessFinding that stays valid
 * until the page checks again after the next edit, or NULL for none. */
GPtrArray          *custos_soa_page_get_problems       (CustosSoaPage   *self,
                                                        const char      *control_id);

/* Pure helpers of the cells, for tests. */
/* Pango markup for the risks that select a control: one link each
 * (href = the risk id, title = its title), "" for none. */
char               *custos_soa_selecting_markup        (CustosDocument  *document,
                                                        const char      *control_id);
/* Whether entry passes filter (document: for the derived values). */
gboolean            custos_soa_filter_matches          (CustosDocument  *document,
                                                        CustosRecord    *entry,
                                                        CustosSoaFilter  filter,
                                                        gboolean         has_problems);

G_END_DECLS
