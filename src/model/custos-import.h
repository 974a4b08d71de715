/* SPDX-License-Identifier: GPL-3.0-or-later */
/* custos-import.h — records of a register from a table of text (a spreadsheet)
 *
 * A table is rows of cells with the line each row starts on in its source;
 * the first row holds the headers. Columns map to fields by header: the
 * labels of our own CSV export (translated or not), the fields' names and
 * common synonyms ("Probability", "Risk owner", "Name"…). Values are read in
 * the forms the CSV export writes (enum labels, "Yes"/"No", "4 · Likely",
 * role titles) and in the file's own forms (nicks, true/false, ids).
 * References resolve by id, else by title; controls are accepted as A.5.1,
 * 5.1 or A.5.1.1 (2013 ids follow Table B.1 into a 2022 document). A row
 * whose id names an existing record updates it; other rows add records.
 *
 * Nothing changes until custos_import_apply (), which refuses while any row
 * has a problem and makes all changes one compound change (one undo step).
 */
#pragma once

#include "custos-document.h"

G_BEGIN_DECLS

typedef struct
{
  guint   line;    /* where the row starts in its source, from 1 */
  char  **cells;   /* NULL-terminated */
} CustosTableRow;

CustosTableRow *custos_table_row_new  (guint   line,
                                       char  **cells);
void            custos_table_row_free (CustosTableRow *row);
/* An empty table whose rows free with it. */
GPtrArray      *custos_table_new      (void);

/* Column mappings besides a field index. */
#define CUSTOS_IMPORT_COLUMN_IGNORED (-1)
#define CUSTOS_IMPORT_COLUMN_ID      (-2)

#define CUSTOS_IMPORT_MAX_PROBLEMS 100

#define CUSTOS_TYPE_IMPORT (custos_import_get_type ())
G_DECLARE_FINAL_TYPE (CustosImport, custos_import, CUSTOS, IMPORT, GObject)

/* A plan to import table into document's register reg, or into the register
 * the headers fit best when reg is negative. */
CustosImport   *custos_import_new              (CustosDocument *document,
                                                GPtrArray      *table,
                                                int             reg);
CustosRegister  custos_import_get_register     (CustosImport   *self);
/* Chooses another register: the columns are mapped anew. */
void            custos_import_set_register     (CustosImport   *self,
                                                CustosRegister  reg);
/* The register whose fields the headers name best (assets when none). */
CustosRegister  custos_import_guess_register   (GPtrArray      *table);

guint           custos_import_get_n_columns    (CustosImport   *self);
const char     *custos_import_get_header       (CustosImport   *self,
                                                guint           column);
/* A field index of the register's kind, or CUSTOS_IMPORT_COLUMN_*. */
int             custos_import_get_column       (CustosImport   *self,
                                                guint           column);
void            custos_import_set_column       (CustosImport   *self,
                                                guint           column,
                                                int             mapping);

/* Rows after the header. */
guint           custos_import_get_n_rows       (CustosImport   *self);
const CustosTableRow *custos_import_get_row    (CustosImport   *self,
                                                guint           row);
/* "line 14: likelihood “high” is not 1–5", at most
 * CUSTOS_IMPORT_MAX_PROBLEMS of them. */
GPtrArray      *custos_import_get_problems     (CustosImport   *self);
guint           custos_import_get_n_added      (CustosImport   *self);
guint           custos_import_get_n_updated    (CustosImport   *self);

/* Changes the document as planned, as one compound change. FALSE with an
 * error listing the first problems, and nothing changed, if there are any. */
gboolean        custos_import_apply            (CustosImport   *self,
                                                GError        **error);

#define CUSTOS_IMPORT_ERROR (custos_import_error_quark ())
GQuark          custos_import_error_quark      (void);

typedef enum
{
  CUSTOS_IMPORT_ERROR_INVALID, /* rows with problems, or no rows */
} CustosImportError;

G_END_DECLS
