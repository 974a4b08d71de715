/* SPDX-License-Identifier: GPL-3.0-or-later */
/* custos-history.h — undo and redo of every edit of a document */
#pragma once

#include "custos-document.h"

G_BEGIN_DECLS

#define CUSTOS_TYPE_HISTORY (custos_history_get_type ())
G_DECLARE_FINAL_TYPE (CustosHistory, custos_history, CUSTOS, HISTORY, GObject)

/* Records every later change of document: field edits, records added and
 * removed, criteria and SoA replacements. */
CustosHistory *custos_history_new         (CustosDocument *document);
gboolean       custos_history_can_undo    (CustosHistory  *self);
gboolean       custos_history_can_redo    (CustosHistory  *self);
gboolean       custos_history_undo        (CustosHistory  *self);
gboolean       custos_history_redo        (CustosHistory  *self);
/* Changes between begin and end are one step (nesting is allowed). */
void           custos_history_begin_group (CustosHistory  *self);
/* Like begin_group, but the changes join the last step: a consequence of
 * an edit undoes with it. */
void           custos_history_begin_join  (CustosHistory  *self);
void           custos_history_end_group   (CustosHistory  *self);
/* Ends the current step: the next edit of the same field starts a new one. */
void           custos_history_seal        (CustosHistory  *self);
void           custos_history_clear       (CustosHistory  *self);

G_END_DECLS
