/* SPDX-License-Identifier: GPL-3.0-or-later */
/* custos-print-preview.h — the pages of a report before they are printed
 *
 * The report engine draws the pages (custos_report_book_draw_page(), as for
 * the PDF and the printer), not an external viewer. Laying the book out and
 * drawing each page into an image happen in GTask threads, one at a time
 * (a book is used by one thread at once), so the window stays responsive on
 * a pack of 80 pages: the page shown is drawn first, then its neighbours.
 */
#pragma once

#include <adwaita.h>

#include "custos-clock.h"
#include "custos-document.h"
#include "custos-report.h"

G_BEGIN_DECLS

#define CUSTOS_TYPE_PRINT_PREVIEW (custos_print_preview_get_type ())
G_DECLARE_FINAL_TYPE (CustosPrintPreview, custos_print_preview, CUSTOS, PRINT_PREVIEW, AdwWindow)

/* A modal window over parent with the pages of report kind. book (may be
 * NULL: built as the print operation builds it) is laid out as it is, if it
 * was, and is drawn by the window's threads from now on: the caller must not
 * use it any more. Print… and Export PDF… build the report of document
 * again; document_file (may be NULL) and clock are as for
 * custos_print_present(). */
CustosPrintPreview *custos_print_preview_new       (GtkWindow          *parent,
                                                    CustosDocument     *document,
                                                    GFile              *document_file,
                                                    CustosReportKind    kind,
                                                    CustosClock        *clock,
                                                    CustosReportBook   *book);

/* For tests. The number of pages is 0 until the book is laid out; the page
 * shown counts from 0. */
guint               custos_print_preview_get_n_pages (CustosPrintPreview *self);
guint               custos_print_preview_get_page    (CustosPrintPreview *self);
/* The page shown has been drawn at the size it is shown. */
gboolean            custos_print_preview_is_drawn    (CustosPrintPreview *self);
/* The magnification: 1.0 shows a point at 96 dpi. */
double              custos_print_preview_get_zoom    (CustosPrintPreview *self);
/* What the page area shows at width × height pixels (its draw function). */
void                custos_print_preview_draw        (CustosPrintPreview *self,
                                                      cairo_t            *cr,
                                                      int                 width,
                                                      int                 height);

G_END_DECLS
