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
/* The same for a version of the file in git (a commit, HEAD~1, a tag). */
gboolean             custos_compare_dialog_show_revision (CustosCompareDialog *self,
                                                          const char          *rev,
                                                          GError             **error);
/* The change rows shown, for tests: "R-001 …" titles, in order. */
GStrv                custos_compare_dialog_get_titles    (CustosCompareDialog *self);

#define CUSTOS_TYPE_CONFLICTS_DIALOG (custos_conflicts_dialog_get_type ())
G_DECLARE_FINAL_TYPE (CustosConflictsDialog, custos_conflicts_dialog, CUSTOS, CONFLICTS_DIALOG, AdwWindow)

/* The merge conflicts of document, each to keep ours, take theirs or edit:
 * the choice runs win.resolve-conflict on parent (one undo step). */
CustosConflictsDialog *custos_conflicts_dialog_new       (GtkWindow      *parent,
                                                          CustosDocument *document);

G_END_DECLS
