/* SPDX-License-Identifier: GPL-3.0-or-later */
/* custos-compare.h — Compare with…: the changes since another version, and
 * the merge conflicts left to decide */
#pragma once

#include <adwaita.h>

#include "custos-document.h"

G_BEGIN_DECLS

#define CUSTOS_TYPE_COMPARE_DIALOG (custos_compare_dialog_get_type ())
G_DECLARE_FINAL_TYPE (CustosCompareDialog, custos_compare_dialog, CUSTOS, COMPARE_DIALOG, AdwWindow)

/* Offers a file, or the commits of file when git keeps it; file may be NULL. */
CustosCompareDialog *custos_compare_dialog_new           (GtkWindow           *parent,
                                                          CustosDocument      *document,
                                                          GFile               *file);
/* Shows the changes from other (an earlier version, called name) to the
 * document, grouped by register. */
void                 custos_compare_dialog_show_document (CustosCompareDialog *self,
                                                          CustosDocument      *other,
                                                          const char          *name);
/* Reads another version in a worker thread, then shows its changes (or
 * why it cannot): file, or when rev is not NULL the document's own file as
 * git has it at rev (a commit, HEAD~1, a tag). */
void                 custos_compare_dialog_load          (CustosCompareDialog *self,
                                                          GFile               *file,
                                                          const char          *rev);
/* TRUE while a version is being read. */
gboolean             custos_compare_dialog_is_loading    (CustosCompareDialog *self);
/* The change rows shown, for tests: "R-001 …" titles, in order. */
GStrv                custos_compare_dialog_get_titles    (CustosCompareDialog *self);

#define CUSTOS_TYPE_CONFLICTS_DIALOG (custos_conflicts_dialog_get_type ())
G_DECLARE_FINAL_TYPE (CustosConflictsDialog, custos_conflicts_dialog, CUSTOS, CONFLICTS_DIALOG, AdwWindow)

/* The merge conflicts of document, each to keep ours, take theirs or edit:
 * the choice runs win.resolve-conflict on parent (one undo step). */
CustosConflictsDialog *custos_conflicts_dialog_new       (GtkWindow      *parent,
                                                          CustosDocument *document);

G_END_DECLS
