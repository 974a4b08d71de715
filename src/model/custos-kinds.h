/* SPDX-License-Identifier: GPL-3.0-or-later */
/* custos-kinds.h — the registers and sections of an ISMS document */
#pragma once

#include "custos-record.h"

G_BEGIN_DECLS

/* Singleton sections (one record each). */
#define CUSTOS_TYPE_ORGANISATION (custos_organisation_get_type ())
CUSTOS_DECLARE_RECORD (CustosOrganisation, custos_organisation, ORGANISATION)
#define CUSTOS_TYPE_SCOPE (custos_scope_get_type ())
CUSTOS_DECLARE_RECORD (CustosScope, custos_scope, SCOPE)
#define CUSTOS_TYPE_POLICY (custos_policy_get_type ())
CUSTOS_DECLARE_RECORD (CustosPolicy, custos_policy, POLICY)
#define CUSTOS_TYPE_REASSESSMENT (custos_reassessment_get_type ())
CUSTOS_DECLARE_RECORD (CustosReassessment, custos_reassessment, REASSESSMENT)
#define CUSTOS_TYPE_PLAN_APPROVAL (custos_plan_approval_get_type ())
CUSTOS_DECLARE_RECORD (CustosPlanApproval, custos_plan_approval, PLAN_APPROVAL)
#define CUSTOS_TYPE_ISMS_PROCESSES (custos_isms_processes_get_type ())
CUSTOS_DECLARE_RECORD (CustosIsmsProcesses, custos_isms_processes, ISMS_PROCESSES)
#define CUSTOS_TYPE_LEADERSHIP (custos_leadership_get_type ())
CUSTOS_DECLARE_RECORD (CustosLeadership, custos_leadership, LEADERSHIP)
#define CUSTOS_TYPE_ISMS_RISKS (custos_isms_risks_get_type ())
CUSTOS_DECLARE_RECORD (CustosIsmsRisks, custos_isms_risks, ISMS_RISKS)
#define CUSTOS_TYPE_CHANGE_PLANNING (custos_change_planning_get_type ())
CUSTOS_DECLARE_RECORD (CustosChangePlanning, custos_change_planning, CHANGE_PLANNING)
#define CUSTOS_TYPE_ISMS_RESOURCES (custos_isms_resources_get_type ())
CUSTOS_DECLARE_RECORD (CustosIsmsResources, custos_isms_resources, ISMS_RESOURCES)
#define CUSTOS_TYPE_CONTINUAL_IMPROVEMENT (custos_continual_improvement_get_type ())
CUSTOS_DECLARE_RECORD (CustosContinualImprovement, custos_continual_improvement, CONTINUAL_IMPROVEMENT)

/* Registers (many records each), in clause order. */
#define CUSTOS_TYPE_REVISION (custos_revision_get_type ())
CUSTOS_DECLARE_RECORD (CustosRevision, custos_revision, REVISION)
#define CUSTOS_TYPE_ISSUE (custos_issue_get_type ())
CUSTOS_DECLARE_RECORD (CustosIssue, custos_issue, ISSUE)
#define CUSTOS_TYPE_PARTY (custos_party_get_type ())
CUSTOS_DECLARE_RECORD (CustosParty, custos_party, PARTY)
#define CUSTOS_TYPE_REQUIREMENT (custos_requirement_get_type ())
CUSTOS_DECLARE_RECORD (CustosRequirement, custos_requirement, REQUIREMENT)
#define CUSTOS_TYPE_ROLE (custos_role_get_type ())
CUSTOS_DECLARE_RECORD (CustosRole, custos_role, ROLE)
#define CUSTOS_TYPE_ASSET (custos_asset_get_type ())
CUSTOS_DECLARE_RECORD (CustosAsset, custos_asset, ASSET)
#define CUSTOS_TYPE_RISK (custos_risk_get_type ())
CUSTOS_DECLARE_RECORD (CustosRisk, custos_risk, RISK)
#define CUSTOS_TYPE_ACTION (custos_action_get_type ())
CUSTOS_DECLARE_RECORD (CustosAction, custos_action, ACTION)
#define CUSTOS_TYPE_SOA_ENTRY (custos_soa_entry_get_type ())
CUSTOS_DECLARE_RECORD (CustosSoaEntry, custos_soa_entry, SOA_ENTRY)
#define CUSTOS_TYPE_EVIDENCE (custos_evidence_get_type ())
CUSTOS_DECLARE_RECORD (CustosEvidence, custos_evidence, EVIDENCE)
#define CUSTOS_TYPE_OBJECTIVE (custos_objective_get_type ())
CUSTOS_DECLARE_RECORD (CustosObjective, custos_objective, OBJECTIVE)
#define CUSTOS_TYPE_COMPETENCE (custos_competence_get_type ())
CUSTOS_DECLARE_RECORD (CustosCompetence, custos_competence, COMPETENCE)
#define CUSTOS_TYPE_TRAINING (custos_training_get_type ())
CUSTOS_DECLARE_RECORD (CustosTraining, custos_training, TRAINING)
#define CUSTOS_TYPE_COMMUNICATION (custos_communication_get_type ())
CUSTOS_DECLARE_RECORD (CustosCommunication, custos_communication, COMMUNICATION)
#define CUSTOS_TYPE_CONTROLLED_DOCUMENT (custos_controlled_document_get_type ())
CUSTOS_DECLARE_RECORD (CustosControlledDocument, custos_controlled_document, CONTROLLED_DOCUMENT)
#define CUSTOS_TYPE_PROCESS (custos_process_get_type ())
CUSTOS_DECLARE_RECORD (CustosProcess, custos_process, PROCESS)
#define CUSTOS_TYPE_SUPPLIER (custos_supplier_get_type ())
CUSTOS_DECLARE_RECORD (CustosSupplier, custos_supplier, SUPPLIER)
#define CUSTOS_TYPE_MEASURE (custos_measure_get_type ())
CUSTOS_DECLARE_RECORD (CustosMeasure, custos_measure, MEASURE)
#define CUSTOS_TYPE_MEASUREMENT (custos_measurement_get_type ())
CUSTOS_DECLARE_RECORD (CustosMeasurement, custos_measurement, MEASUREMENT)
#define CUSTOS_TYPE_AUDIT (custos_audit_get_type ())
CUSTOS_DECLARE_RECORD (CustosAudit, custos_audit, AUDIT)
#define CUSTOS_TYPE_FINDING (custos_finding_get_type ())
CUSTOS_DECLARE_RECORD (CustosFinding, custos_finding, FINDING)
#define CUSTOS_TYPE_REVIEW (custos_review_get_type ())
CUSTOS_DECLARE_RECORD (CustosReview, custos_review, REVIEW)
#define CUSTOS_TYPE_REVIEW_ACTION (custos_review_action_get_type ())
CUSTOS_DECLARE_RECORD (CustosReviewAction, custos_review_action, REVIEW_ACTION)
#define CUSTOS_TYPE_NONCONFORMITY (custos_nonconformity_get_type ())
CUSTOS_DECLARE_RECORD (CustosNonconformity, custos_nonconformity, NONCONFORMITY)
#define CUSTOS_TYPE_INCIDENT (custos_incident_get_type ())
CUSTOS_DECLARE_RECORD (CustosIncident, custos_incident, INCIDENT)
#define CUSTOS_TYPE_MERGE_CONFLICT (custos_merge_conflict_get_type ())
CUSTOS_DECLARE_RECORD (CustosMergeConflict, custos_merge_conflict, MERGE_CONFLICT)

/* Index of each section and register in custos_kinds_sections()/registers(). */
typedef enum
{
  CUSTOS_SECTION_ORGANISATION,
  CUSTOS_SECTION_SCOPE,
  CUSTOS_SECTION_POLICY,
  CUSTOS_SECTION_REASSESSMENT,
  CUSTOS_SECTION_PLAN_APPROVAL,
  /* Format 2 */
  CUSTOS_SECTION_ISMS_PROCESSES,
  CUSTOS_SECTION_LEADERSHIP,
  CUSTOS_SECTION_ISMS_RISKS,
  CUSTOS_SECTION_CHANGE_PLANNING,
  CUSTOS_SECTION_ISMS_RESOURCES,
  CUSTOS_SECTION_CONTINUAL_IMPROVEMENT,
  CUSTOS_N_SECTIONS,
} CustosSection;

typedef enum
{
  CUSTOS_REGISTER_REVISIONS,
  CUSTOS_REGISTER_ISSUES,
  CUSTOS_REGISTER_PARTIES,
  CUSTOS_REGISTER_REQUIREMENTS,
  CUSTOS_REGISTER_ROLES,
  CUSTOS_REGISTER_ASSETS,
  CUSTOS_REGISTER_RISKS,
  CUSTOS_REGISTER_ACTIONS,
  CUSTOS_REGISTER_SOA,
  CUSTOS_REGISTER_EVIDENCE,
  CUSTOS_REGISTER_OBJECTIVES,
  CUSTOS_REGISTER_COMPETENCES,
  CUSTOS_REGISTER_TRAININGS,
  CUSTOS_REGISTER_COMMUNICATIONS,
  CUSTOS_REGISTER_DOCUMENTS,
  CUSTOS_REGISTER_PROCESSES,
  CUSTOS_REGISTER_SUPPLIERS,
  CUSTOS_REGISTER_MEASURES,
  CUSTOS_REGISTER_MEASUREMENTS,
  CUSTOS_REGISTER_AUDITS,
  CUSTOS_REGISTER_FINDINGS,
  CUSTOS_REGISTER_REVIEWS,
  CUSTOS_REGISTER_REVIEW_ACTIONS,
  CUSTOS_REGISTER_NONCONFORMITIES,
  CUSTOS_REGISTER_INCIDENTS,
  CUSTOS_REGISTER_MERGE_CONFLICTS, /* format 2 */
  CUSTOS_N_REGISTERS,
} CustosRegister;

const CustosKind *custos_kinds_section      (CustosSection   section);
const CustosKind *custos_kinds_register     (CustosRegister  reg);
/* Lookup by record element name ("risk") or register element name ("risks"). */
const CustosKind *custos_kinds_lookup       (const char     *name);
int               custos_kinds_register_index (const CustosKind *kind);
int               custos_kinds_section_index  (const CustosKind *kind);

G_END_DECLS
