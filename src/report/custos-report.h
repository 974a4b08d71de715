/* SPDX-License-Identifier: GPL-3.0-or-later */
/* custos-report.h — the reports of an ISMS: SoA, RTP, risk assessment, pack
 *
 * custos_report_build() turns a document into a CustosReportBook. It reads
 * the document, so it runs on the thread that owns it; the book it returns
 * holds copies of everything it shows and may then be paginated and drawn on
 * another thread (custos_report_book_render_pdf(), in a GTask) or on the
 * print operation's pages.
 */
#pragma once

#include "custos-document.h"
#include "custos-heatmap.h"
#include "custos-report-book.h"

G_BEGIN_DECLS

typedef enum
{
  CUSTOS_REPORT_SOA,    /* Statement of Applicability */
  CUSTOS_REPORT_RTP,    /* Risk Treatment Plan */
  CUSTOS_REPORT_RISKS,  /* risk assessment report */
  CUSTOS_REPORT_PACK,   /* certification pack */
  CUSTOS_N_REPORTS,
} CustosReportKind;

#define CUSTOS_REPORT_ERROR (custos_report_error_quark ())

typedef enum
{
  CUSTOS_REPORT_ERROR_UNKNOWN_REPORT,  /* no report or register of that name */
  CUSTOS_REPORT_ERROR_UNKNOWN_FORMAT,  /* an output that is neither .pdf nor .csv */
  CUSTOS_REPORT_ERROR_NO_CSV,          /* the report has no CSV form (pack) */
  CUSTOS_REPORT_ERROR_BAD_OPTION,      /* e.g. an unknown paper size */
} CustosReportError;

typedef struct
{
  CustosPaper           paper;
  CustosHeatmapPalette  palette;
  /* The report's date, "YYYY-MM-DD" or ISO 8601 with a time: the PDF's
   * creation date and "today" for overdue actions. NULL: the environment's
   * CAIRO_PDF_METADATA_CREATE_DATE, else today. */
  const char           *date;
  /* Today, from the caller's CustosClock; NULL: the local date. */
  const GDate          *today;
  /* The document is, byte for byte, the issue of its latest revision
   * (custos_issue_get_current): the report is that issue, dated the issue's
   * date throughout (metadata, footer, "as of"), which makes it the same
   * file every time. Otherwise it is a draft: marked "DRAFT" on every page,
   * claiming no approval. */
  gboolean              issued;
  /* The certification pack's "Changes since the last issue": the document
   * as last issued and how people know that issue ("version 1.2 of
   * 2025-03-01, commit 1a2b3c4"). NULL: no previous issue is known. */
  CustosDocument       *previous;
  const char           *previous_name;
} CustosReportOptions;

GQuark             custos_report_error_quark     (void);

void               custos_report_options_init    (CustosReportOptions       *options);
/* "soa", "rtp", "risks", "pack" */
const char        *custos_report_kind_to_string  (CustosReportKind           kind);
gboolean           custos_report_kind_parse      (const char                *text,
                                                  CustosReportKind          *kind);
/* "Statement of Applicability", translated */
const char        *custos_report_kind_get_title  (CustosReportKind           kind);

CustosReportBook  *custos_report_build           (CustosDocument            *document,
                                                  CustosReportKind           kind,
                                                  const CustosReportOptions *options);
/* Writes the bytes to file atomically (a temporary file, then a rename). */
gboolean           custos_report_save_bytes      (GBytes                    *bytes,
                                                  GFile                     *file,
                                                  GCancellable              *cancellable,
                                                  GError                   **error);
/* Builds, lays out, renders and saves in one call (the command line). */
gboolean           custos_report_export_pdf      (CustosDocument            *document,
                                                  CustosReportKind           kind,
                                                  const CustosReportOptions *options,
                                                  GFile                     *file,
                                                  GCancellable              *cancellable,
                                                  GError                   **error);

G_END_DECLS
