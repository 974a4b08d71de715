/* SPDX-License-Identifier: GPL-3.0-or-later */
/* custos-coverage-view.h — which process the internal audit programme
 * audits when: processes × years, flagging any not covered in three years */
#pragma once

#include <gtk/gtk.h>

#include "custos-document.h"

G_BEGIN_DECLS

/* Columns of years the view shows: the year before today's, today's and the next. */
#define CUSTOS_COVERAGE_N_YEARS 3

#define CUSTOS_TYPE_COVERAGE_VIEW (custos_coverage_view_get_type ())
G_DECLARE_FINAL_TYPE (CustosCoverageView, custos_coverage_view, CUSTOS, COVERAGE_VIEW, GtkWidget)

GtkWidget      *custos_coverage_view_new             (void);

CustosDocument *custos_coverage_view_get_document    (CustosCoverageView *self);
void            custos_coverage_view_set_document    (CustosCoverageView *self,
                                                      CustosDocument     *document);
guint           custos_coverage_view_get_first_year  (CustosCoverageView *self);

/* One row per process, in register order. */
guint           custos_coverage_view_get_n_rows      (CustosCoverageView *self);
/* What row says, on one line, e.g. "PROC-004 | 2025: AUD-001 done | 2026:
 * AUD-002 done | 2027: AUD-004 planned | covered" (untranslated words, for
 * tests and scripts). */
char           *custos_coverage_view_get_row_summary (CustosCoverageView *self,
                                                      guint               row);
/* Rows for the clauses 4–10 and (2022) the Annex A themes, in that order. */
guint           custos_coverage_view_get_n_clause_rows (CustosCoverageView *self);
/* "Clause 6 | 2025: AUD-001 | 2026: AUD-002 | 2027: AUD-004 | covered". */
char           *custos_coverage_view_get_clause_summary (CustosCoverageView *self,
                                                         guint               index);

G_END_DECLS
