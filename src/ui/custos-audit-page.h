/* SPDX-License-Identifier: GPL-3.0-or-later */
/* custos-audit-page.h — the internal audit programme (9.2): audits, their
 * three-year coverage of the processes, and the findings of the selected
 * audit, each one click from a nonconformity */
#pragma once

#include <adwaita.h>

#include "custos-coverage-view.h"
#include "custos-register-view.h"

G_BEGIN_DECLS

#define CUSTOS_TYPE_AUDIT_PAGE (custos_audit_page_get_type ())
G_DECLARE_FINAL_TYPE (CustosAuditPage, custos_audit_page, CUSTOS, AUDIT_PAGE, AdwBin)

GtkWidget          *custos_audit_page_new               (void);

CustosRegisterView *custos_audit_page_get_register_view (CustosAuditPage *self);
CustosCoverageView *custos_audit_page_get_coverage_view (CustosAuditPage *self);
/* The findings of the selected audit, one row each, in register order. */
GtkListBox         *custos_audit_page_get_findings_list (CustosAuditPage *self);

/* Raises a nonconformity from an audit finding, as one undoable step: source
 * "audit", raised on the audit's actual date (else today), title and
 * description from the finding, status open; the finding's "nonconformity"
 * names it. Returns the nonconformity (borrowed), or the one already linked
 * if the finding has one. */
CustosRecord       *custos_audit_raise_nonconformity    (CustosDocument  *document,
                                                         CustosRecord    *finding,
                                                         const GDate     *today);

G_END_DECLS
