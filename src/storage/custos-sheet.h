/* SPDX-License-Identifier: GPL-3.0-or-later */
/* custos-sheet.h — the first table of a spreadsheet file: CSV, ODS, XLSX
 *
 * Reads cells as text and never evaluates anything: ODS and XLSX cells give
 * the value their application cached (dates as YYYY-MM-DD), CSV cells their
 * text. One leading
 * apostrophe is taken off a cell whose rest starts with = + - @ TAB CR or
 * an apostrophe: that is how CSV exports keep spreadsheets from reading a
 * value as a formula.
 *
 * Hostile files are refused with a clear error: beyond the size caps below,
 * text that is not UTF-8 (UTF-16 with a byte order mark is converted), a
 * quoted field that never ends, zip entries that would inflate beyond the
 * caps (a zip bomb), XML with a document type declaration.
 */
#pragma once

#include <gio/gio.h>

#include "custos-import.h"

G_BEGIN_DECLS

#define CUSTOS_SHEET_ERROR (custos_sheet_error_quark ())

typedef enum
{
  CUSTOS_SHEET_ERROR_FORMAT,    /* not a kind of file we can read */
  CUSTOS_SHEET_ERROR_ENCODING,  /* text that is not UTF-8 */
  CUSTOS_SHEET_ERROR_PARSE,     /* broken quoting, broken XML */
  CUSTOS_SHEET_ERROR_TOO_LARGE, /* beyond a cap */
} CustosSheetError;

#define CUSTOS_SHEET_MAX_SIZE      (64 * 1024 * 1024) /* bytes of a file, or inflated from a zip entry */
#define CUSTOS_SHEET_MAX_ROWS      200000
#define CUSTOS_SHEET_MAX_COLUMNS   256
#define CUSTOS_SHEET_MAX_CELL      (1024 * 1024)      /* bytes of one cell */
#define CUSTOS_SHEET_MAX_RATIO     250                /* inflated / compressed size of a zip entry */

GQuark     custos_sheet_error_quark (void);

/* The rows of CSV text (the delimiter is the first line's commonest of
 * , ; and TAB). */
GPtrArray *custos_sheet_read_csv    (const char   *data,
                                     gsize         length,
                                     GError      **error);
/* The first sheet of an OpenDocument spreadsheet (content.xml) or of an
 * Office Open XML workbook (xl/worksheets/sheet1.xml). */
GPtrArray *custos_sheet_read_ods    (GBytes       *bytes,
                                     GError      **error);
GPtrArray *custos_sheet_read_xlsx   (GBytes       *bytes,
                                     GError      **error);
/* Reads file by its name's extension (.csv, .tsv, .txt, .ods, .xlsx),
 * never more than CUSTOS_SHEET_MAX_SIZE bytes of it. */
GPtrArray *custos_sheet_load        (GFile        *file,
                                     GCancellable *cancellable,
                                     GError      **error);

G_END_DECLS
