/* SPDX-License-Identifier: GPL-3.0-or-later */
/* custos-evidence-check.h — an evidence item's file checksum, under its form */
#pragma once

#include <gtk/gtk.h>

#include "custos-document.h"

G_BEGIN_DECLS

#define CUSTOS_TYPE_EVIDENCE_CHECK (custos_evidence_check_get_type ())
G_DECLARE_FINAL_TYPE (CustosEvidenceCheck, custos_evidence_check, CUSTOS, EVIDENCE_CHECK, GtkWidget)

GtkWidget    *custos_evidence_check_new          (void);
CustosRecord *custos_evidence_check_get_evidence (CustosEvidenceCheck *self);
void          custos_evidence_check_set_evidence (CustosEvidenceCheck *self,
                                                  CustosRecord        *evidence);

G_END_DECLS
