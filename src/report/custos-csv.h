/* SPDX-License-Identifier: GPL-3.0-or-later */
/* custos-csv.h — any register as CSV (RFC 4180, UTF-8)
 *
 * One generic writer walks a register's field descriptors: a header row of
 * the fields' labels, one row per record, the values as the reports show
 * them (CUSTOS_CSV_DISPLAY) or in the file's own text form
 * (CUSTOS_CSV_FILE_VALUES), and the derived columns the reports show too:
 * scores and bands of risks, the control's title, group and selecting risks
 * in the Statement of Applicability, the risk's title and scores beside
 * treatment actions. Fields are quoted when they hold a comma, a quote, a
 * line break or leading/trailing space; records end with CRLF.
 *
 * No cell starts a formula (OWASP "CSV injection"): text that begins with
 * =, +, -, @, TAB, CR or ' gets a leading ', which spreadsheets read as "this
 * is text" and do not show. Numbers in numeric columns (scores, levels,
 * measurements, -3) are written as they are. CUSTOS_CSV_BOM starts the file
 * with a UTF-8 byte order mark, without which Excel reads CSV files in the
 * local 8-bit code page.
 */
#pragma once

#include "custos-diff.h"
#include "custos-document.h"

G_BEGIN_DECLS

typedef enum /*< flags >*/
{
  CUSTOS_CSV_DISPLAY     = 0,
  CUSTOS_CSV_FILE_VALUES = 1 << 0,
  CUSTOS_CSV_BOM         = 1 << 1,
} CustosCsvFlags;

/* The register for a CSV name: "soa", "risks", "assets", or any register's
 * element name ("incidents", "actions"). */
gboolean  custos_csv_lookup           (const char      *name,
                                       CustosRegister  *reg);
/* Whether a spreadsheet would take text as a formula (or it starts with '). */
gboolean  custos_csv_starts_formula   (const char      *text);
/* Appends one text field, quoted if needed, ' before a formula (no separator). */
/* The CSV of a name: "rtp" (custos_csv_write_rtp) or a register as above;
 * NULL for an unknown name. */
char     *custos_csv_write            (CustosDocument  *document,
                                       const char      *name,
                                       CustosCsvFlags   flags);
/* The risk treatment plan (6.1.3): every risk, with or without actions, one
 * row per action (risk columns repeated) or one row for a risk without:
 * option, controls decided (Annex A and others), the action with its
 * controls, owner, resources, due date, status and evidence, the residual
 * likelihood, consequence, score and band, who accepted the residual risk
 * and when, and the next review. */
char     *custos_csv_write_rtp        (CustosDocument  *document,
                                       CustosCsvFlags   flags);
/* Appends one field, quoted if needed (no separator). */
void      custos_csv_append_field     (GString         *out,
                                       const char      *text);
/* Appends the field of a numeric column: a number as it is, anything else
 * as text. */
void      custos_csv_append_number    (GString         *out,
                                       const char      *text);
char     *custos_csv_write_register   (CustosDocument  *document,
                                       CustosRegister   reg,
                                       CustosCsvFlags   flags);

/* The changes of a diff (custos --diff-format=csv): one row per changed
 * field, or per added or removed record, with the values in display form. */
char     *custos_csv_write_diff       (CustosDiff      *diff);

G_END_DECLS
