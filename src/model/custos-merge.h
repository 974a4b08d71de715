/* SPDX-License-Identifier: GPL-3.0-or-later */
/* custos-merge.h — three-way merge of ISMS documents at field level
 *
 * What git's merge driver (custos --merge %O %A %B) and anyone reconciling
 * two copies of one document need: the changes of both sides since their
 * common ancestor, field by field. What cannot be merged is recorded in the
 * document itself, in the merge-conflicts register, so that the result
 * always loads and says what is left to decide.
 */
#pragma once

#include "custos-document.h"

G_BEGIN_DECLS

/* The field of a merge conflict about a whole record: changed on one side,
 * deleted on the other. Its ours and theirs values are then
 * CUSTOS_MERGE_DELETED or CUSTOS_MERGE_CHANGED. */
#define CUSTOS_MERGE_WHOLE_RECORD "*"
#define CUSTOS_MERGE_DELETED      "deleted"
#define CUSTOS_MERGE_CHANGED      "changed"
/* The kind and record of a conflict about the risk criteria, which are
 * kept as ours (the criteria are not a field). */
#define CUSTOS_MERGE_CRITERIA     "criteria"

/* Applies to ours the changes from base to theirs, in one compound change.
 * Changes to different records or fields merge; a field changed both ways
 * keeps ours and adds a merge conflict; a record changed on one side and
 * deleted on the other is kept, with a conflict; records added on both sides
 * under one id keep both, theirs renumbered with every reference to it in
 * theirs' records; references left dangling are dropped, with a conflict.
 * Returns the number of conflicts added, or -1 with an error when the
 * documents follow different Annex A editions. */
int       custos_merge          (CustosDocument *base,
                                 CustosDocument *ours,
                                 CustosDocument *theirs,
                                 GError        **error);

/* The record a conflict is about, or NULL (criteria, or gone). */
CustosRecord *custos_merge_conflict_lookup_record (CustosDocument      *document,
                                                   CustosMergeConflict *conflict,
                                                   guint               *field);

/* Resolves a conflict with value, in the field's text form (usually the
 * conflict's ours or theirs; for a whole record CUSTOS_MERGE_DELETED removes
 * it), and removes the conflict: one compound change, so one undo step.
 * FALSE with a message when value is not valid for the field. */
gboolean  custos_merge_resolve  (CustosDocument      *document,
                                 CustosMergeConflict *conflict,
                                 const char          *value,
                                 char               **message);

G_END_DECLS
