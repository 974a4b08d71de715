/* SPDX-License-Identifier: GPL-3.0-or-later */
/* custos-import-dialog.h — Import Spreadsheet: register, columns, preview
 *
 * Shows how the rows of a spreadsheet would be imported (src/model/
 * custos-import.c): the register (guessed from the headers), the field each
 * column fills (guessed, changeable), the first rows and every row's
 * problems. Import is enabled only when no row has a problem; it changes the
 * document as one undo step and emits "imported".
 */
#pragma once

#include <adwaita.h>

#include "custos-document.h"
#include "custos-import.h"

G_BEGIN_DECLS

#define CUSTOS_TYPE_IMPORT_DIALOG (custos_import_dialog_get_type ())
G_DECLARE_FINAL_TYPE (CustosImportDialog, custos_import_dialog, CUSTOS, IMPORT_DIALOG, AdwWindow)

/* table: the rows of the spreadsheet (src/storage/custos-sheet.h), headers first. */
CustosImportDialog *custos_import_dialog_new        (GtkWindow          *parent,
                                                     CustosDocument     *document,
                                                     GPtrArray          *table);
CustosImport       *custos_import_dialog_get_import (CustosImportDialog *self);
/* The combo row that maps a column (for tests). */
AdwComboRow        *custos_import_dialog_get_column_row (CustosImportDialog *self,
                                                         guint               column);

G_END_DECLS
