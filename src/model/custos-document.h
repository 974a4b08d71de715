/* SPDX-License-Identifier: GPL-3.0-or-later */
/* custos-document.h — an ISMS: the root that owns every register */
#pragma once

#include <gio/gio.h>

#include "custos-catalogue.h"
#include "custos-criteria.h"
#include "custos-fields.h"
#include "custos-kinds.h"

G_BEGIN_DECLS

#define CUSTOS_TYPE_DOCUMENT (custos_document_get_type ())
G_DECLARE_FINAL_TYPE (CustosDocument, custos_document, CUSTOS, DOCUMENT, GObject)

/* A new document: default criteria and an SoA entry for every control. */
CustosDocument  *custos_document_new                (CustosEdition    edition);
/* No SoA entries; for the file reader, which supplies them. */
CustosDocument  *custos_document_new_empty          (CustosEdition    edition);

CustosEdition    custos_document_get_edition        (CustosDocument  *self);
CustosCatalogue *custos_document_get_catalogue      (CustosDocument  *self);
CustosCriteria  *custos_document_get_criteria       (CustosDocument  *self);
/* Replaces the criteria (a copy is kept); scores and bands follow, and risk
 * levels beyond a shrunken scale move to its top level. Refuses criteria
 * that do not validate, with the reason in message. */
gboolean         custos_document_set_criteria       (CustosDocument  *self,
                                                     CustosCriteria  *criteria,
                                                     char           **message);
CustosRecord    *custos_document_get_section        (CustosDocument  *self,
                                                     CustosSection    section);
/* The sections, typed. */
CustosOrganisation *custos_document_get_organisation  (CustosDocument *self);
CustosScope        *custos_document_get_scope         (CustosDocument *self);
CustosPolicy       *custos_document_get_policy        (CustosDocument *self);
CustosReassessment *custos_document_get_reassessment  (CustosDocument *self);
CustosPlanApproval *custos_document_get_plan_approval (CustosDocument *self);
GListModel      *custos_document_get_register       (CustosDocument  *self,
                                                     CustosRegister   reg);
guint            custos_document_count              (CustosDocument  *self,
                                                     CustosRegister   reg);
CustosRecord    *custos_document_lookup             (CustosDocument  *self,
                                                     CustosRegister   reg,
                                                     const char      *id);
/* Position of a record in its register, or -1. */
int              custos_document_find               (CustosDocument  *self,
                                                     CustosRegister   reg,
                                                     CustosRecord    *record);

char            *custos_document_next_id            (CustosDocument  *self,
                                                     CustosRegister   reg);
/* Creates a record with the next free id and appends it; returns it (borrowed). */
CustosRecord    *custos_document_add_new            (CustosDocument  *self,
                                                     CustosRegister   reg);
void             custos_document_insert             (CustosDocument  *self,
                                                     CustosRegister   reg,
                                                     guint            position,
                                                     CustosRecord    *record);
/* Appends many records with one items-changed (the reader's bulk path). */
void             custos_document_append_all         (CustosDocument  *self,
                                                     CustosRegister   reg,
                                                     CustosRecord   **records,
                                                     guint            n_records);
/* Also clears every reference to the record in other records. */
void             custos_document_remove             (CustosDocument  *self,
                                                     CustosRegister   reg,
                                                     CustosRecord    *record);
/* Replaces the whole SoA and edition (edition migration). */
void             custos_document_replace_soa        (CustosDocument  *self,
                                                     CustosEdition    edition,
                                                     CustosRecord   **entries,
                                                     guint            n_entries);

/* Brackets changes that belong together (an undo history makes them one step). */
void             custos_document_begin_compound     (CustosDocument  *self);
void             custos_document_end_compound       (CustosDocument  *self);

/* Derived values ------------------------------------------------------- */
/* The likelihood and consequence of risk, inherent or residual (0: not set). */
void             custos_risk_get_levels             (CustosRisk      *risk,
                                                     gboolean         residual,
                                                     int             *likelihood,
                                                     int             *consequence);
int              custos_document_risk_score         (CustosDocument  *self,
                                                     CustosRecord    *risk,
                                                     gboolean         residual);
/* Band index in the criteria, or -1 when the risk is not (yet) scored. */
int              custos_document_risk_band          (CustosDocument  *self,
                                                     CustosRecord    *risk,
                                                     gboolean         residual);
/* The risks whose treatment selects a control, in register order (borrowed). */
GPtrArray       *custos_document_get_selecting_risks (CustosDocument *self,
                                                      const char     *control_id);
/* The latest revision (by date, then register order), or NULL (borrowed). */
CustosRecord    *custos_document_get_latest_revision (CustosDocument *self);
/* Title of a control of the document's edition, or NULL if unknown. */
const char      *custos_document_get_control_title  (CustosDocument  *self,
                                                     const char      *control_id);

/* What the latest readings of evidence files found while the document is
 * open (evidence id → GINT_TO_POINTER (CustosEvidenceFileStatus)), NULL
 * before the first; never saved. Readiness checks of the document use it. */
GHashTable      *custos_document_get_evidence_files (CustosDocument  *self);
/* Records what reading evidence id's file found; a status < 0 forgets it.
 * Emits "evidence-files-changed" when that changes anything. */
void             custos_document_set_evidence_file  (CustosDocument  *self,
                                                     const char      *id,
                                                     int              status);
gboolean         custos_document_get_modified       (CustosDocument  *self);
void             custos_document_set_modified       (CustosDocument  *self,
                                                     gboolean         modified);

/* Migration 2013 → 2022 along Table B.1 of ISO/IEC 27002:2022. */
typedef enum
{
  CUSTOS_MIGRATION_CARRIED,   /* one 2013 predecessor: decision carried as is */
  CUSTOS_MIGRATION_MERGED,    /* several predecessors that agree */
  CUSTOS_MIGRATION_CONFLICT,  /* several predecessors whose decisions differ */
  CUSTOS_MIGRATION_NEW,       /* no predecessor: undecided, to review */
} CustosMigrationOutcome;

typedef struct
{
  const char             *control_id;   /* 2022 id */
  CustosMigrationOutcome  outcome;
  const char * const     *sources;      /* 2013 ids */
  CustosRecord           *entry;        /* the 2022 SoA entry it becomes */
} CustosMigrationStep;

/* Computes what each 2022 entry becomes, without changing the document.
 * Returns a GPtrArray of CustosMigrationStep in catalogue order, or NULL
 * with an error if the document is not a 2013 one. */
GPtrArray       *custos_document_plan_migration     (CustosDocument  *self,
                                                     GError         **error);
/* Applies a plan: replaces the SoA, remaps the controls chosen by risks and
 * actions, switches the edition to 2022, and adds a revision dated today
 * that is not approved yet. */
void             custos_document_apply_migration    (CustosDocument  *self,
                                                     GPtrArray       *plan,
                                                     const GDate     *today);

G_END_DECLS
