/* SPDX-License-Identifier: GPL-3.0-or-later */
/* custos-criteria-editor.h — the risk criteria dialog (clause 6.1.2 a) */
#pragma once

#include <adwaita.h>

#include "custos-document.h"

G_BEGIN_DECLS

/* How one risk would move between bands under new criteria. Bands are
 * compared by name: a renamed band is a move too, as people read it. */
typedef struct
{
  CustosRecord *risk;
  int           old_band;          /* inherent; index in the old criteria, -1: none */
  int           new_band;          /* inherent; index in the new criteria, -1: none */
  int           old_residual_band;
  int           new_residual_band;
} CustosBandMove;

/* The risks of document whose inherent or residual band would change under
 * criteria (levels beyond a shrunken scale are taken at its top level, as
 * custos_document_set_criteria() does), in register order. A GPtrArray of
 * CustosBandMove; the document is not changed. */
GPtrArray *custos_criteria_preview_moves (CustosDocument *document,
                                          CustosCriteria *criteria);

#define CUSTOS_TYPE_CRITERIA_EDITOR (custos_criteria_editor_get_type ())
G_DECLARE_FINAL_TYPE (CustosCriteriaEditor, custos_criteria_editor, CUSTOS, CRITERIA_EDITOR, AdwWindow)

/* Edits a copy of the document's criteria; settings holds the colour-blind
 * palette switch (may be NULL). */
CustosCriteriaEditor *custos_criteria_editor_new          (GtkWindow            *parent,
                                                           CustosDocument       *document,
                                                           GSettings            *settings);
/* The criteria as edited so far (borrowed). */
CustosCriteria       *custos_criteria_editor_get_criteria (CustosCriteriaEditor *self);
/* Replaces what is edited (e.g. a test's criteria). */
void                  custos_criteria_editor_set_criteria (CustosCriteriaEditor *self,
                                                           CustosCriteria       *criteria);
/* The validation message of the edited criteria, or NULL when they are valid. */
const char           *custos_criteria_editor_get_problem  (CustosCriteriaEditor *self);
/* What the Apply button does: applies at once when no risk changes band,
 * otherwise shows the preview first (TRUE when it applied). */
gboolean              custos_criteria_editor_apply        (CustosCriteriaEditor *self);
/* Applies without a preview (the preview's Apply button). */
gboolean              custos_criteria_editor_confirm      (CustosCriteriaEditor *self);
/* Whether the preview of band moves is showing. */
gboolean              custos_criteria_editor_is_previewing (CustosCriteriaEditor *self);

G_END_DECLS
