/* SPDX-License-Identifier: GPL-3.0-or-later */
/* custos-export.h — Export and Print: the window's side of the reports
 *
 * Both go through the report engine of src/report: the export dialog lays
 * out and renders in a GTask thread (the window stays responsive, a progress
 * bar moves); printing hands the engine's pages to GtkPrintOperation, whose
 * dialog's Preview opens our own (custos-print-preview.h).
 */
#pragma once

#include <adwaita.h>

#include "custos-clock.h"
#include "custos-document.h"
#include "custos-report.h"

G_BEGIN_DECLS

#define CUSTOS_TYPE_EXPORT_DIALOG (custos_export_dialog_get_type ())
G_DECLARE_FINAL_TYPE (CustosExportDialog, custos_export_dialog, CUSTOS, EXPORT_DIALOG, AdwWindow)

/* Choose a report (PDF) or a register (CSV), the paper and the colours,
 * then a file; the file is written in the background. document_file (may be
 * NULL) suggests the folder and name. */
void  custos_export_present (GtkWindow       *parent,
                             CustosDocument  *document,
                             GFile           *document_file,
                             CustosClock     *clock);
/* The print dialog with its preview, for one report; document_file (may be
 * NULL) tells whether the document is an issued version or a draft, and
 * where the pack's last issue is (read first, in a thread). */
void  custos_print_present  (GtkWindow       *parent,
                             CustosDocument  *document,
                             GFile           *document_file,
                             CustosReportKind kind,
                             CustosClock     *clock);

/* The pack lists the changes since the last issue of the document: its
 * frozen copy (custos-issue.h), or else what git's history of the document
 * knows. Where to look is found on the main thread, which owns the
 * document; reading it loads whole documents, in a GTask thread (custos
 * --since names it on the command line). */
typedef struct _CustosLastIssue CustosLastIssue;

CustosLastIssue    *custos_last_issue_new          (CustosDocument     *document,
                                                    GFile              *document_file);
CustosLastIssue    *custos_last_issue_ref          (CustosLastIssue    *self);
void                custos_last_issue_unref        (CustosLastIssue    *self);
/* Reads it in a thread; none found is no error. Only cancelling fails. */
void                custos_last_issue_read_async   (CustosLastIssue    *self,
                                                    gpointer            source_object,
                                                    GCancellable       *cancellable,
                                                    GAsyncReadyCallback callback,
                                                    gpointer            user_data);
gboolean            custos_last_issue_read_finish  (GAsyncResult       *result,
                                                    GError            **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CustosLastIssue, custos_last_issue_unref)

/* The book of a report as the window exports, prints and previews it: dated
 * today as clock says (NULL: the local date), a draft unless document_file
 * (may be NULL) holds an issued version, and the pack with the changes
 * since last_issue, once read (NULL: none known). */
CustosReportBook   *custos_export_build_book       (CustosDocument     *document,
                                                    GFile              *document_file,
                                                    CustosReportKind    kind,
                                                    CustosClock        *clock,
                                                    CustosPaper         paper,
                                                    CustosHeatmapPalette palette,
                                                    CustosLastIssue    *last_issue);

/* For tests and for callers that know the file already. Reports are dated
 * today as clock says (NULL: the local date). */
CustosExportDialog *custos_export_dialog_new       (GtkWindow          *parent,
                                                    CustosDocument     *document,
                                                    GFile              *document_file,
                                                    CustosClock        *clock);
/* Chooses the PDF of report kind. */
void                custos_export_dialog_set_report (CustosExportDialog *self,
                                                     CustosReportKind    kind);
/* Exports the chosen report to file without asking for one. */
void                custos_export_dialog_export_to (CustosExportDialog *self,
                                                    GFile              *file);
/* A print operation wired to the report engine (begin-print lays out the
 * book for the paper chosen, request-page-setup turns landscape pages,
 * draw-page draws them, preview opens ours); run it with any
 * GtkPrintOperationAction. last_issue (may be NULL) is the pack's, read. */
GtkPrintOperation  *custos_print_operation_new     (CustosDocument     *document,
                                                    GFile              *document_file,
                                                    CustosReportKind    kind,
                                                    CustosClock        *clock,
                                                    CustosLastIssue    *last_issue);

G_END_DECLS
