/* SPDX-License-Identifier: GPL-3.0-or-later */
/* custos-fields.h — typed access to every field of every kind of record
 *
 * GENERATED from the descriptors of src/model/custos-kinds.c by
 * tools/custos-gen-fields.c: do not edit. Regenerate with
 *   ./build/tools/custos-gen-fields > src/model/custos-fields.h
 * (the fields-generated test fails while this file is out of date).
 *
 * Per kind: an enum of field indices (for custos_record_get_value() and
 * friends) and a typed getter and setter per field. A getter or setter
 * of one kind does not take a record of another: pass a CustosRisk *, or
 * cast with CUSTOS_RISK (), which checks the kind at run time. A field
 * named "type" is reached as custos_asset_get_asset_type () and so on,
 * because custos_asset_get_type () is the GType.
 */
#pragma once

#include "custos-kinds.h"

G_BEGIN_DECLS

/* organisation (CustosOrganisation, clause 4.1) ---------------------------- */

typedef enum
{
  CUSTOS_ORGANISATION_FIELD_NAME,
  CUSTOS_ORGANISATION_FIELD_ADDRESS,
  CUSTOS_ORGANISATION_FIELD_SECTOR,
  CUSTOS_ORGANISATION_FIELD_EMPLOYEES,
  CUSTOS_ORGANISATION_FIELD_ISMS_OWNER,
  CUSTOS_ORGANISATION_FIELD_CLASSIFICATION,
  CUSTOS_ORGANISATION_N_FIELDS
} CustosOrganisationField;

static inline const char *
custos_organisation_get_name (CustosOrganisation *self)
{
  return custos_record_get_string_at ((CustosRecord *) CUSTOS_ORGANISATION (self),
                                      CUSTOS_ORGANISATION_FIELD_NAME);
}

static inline void
custos_organisation_set_name (CustosOrganisation *self,
                              const char *value)
{
  custos_record_set_string_at ((CustosRecord *) CUSTOS_ORGANISATION (self),
                               CUSTOS_ORGANISATION_FIELD_NAME, value);
}

static inline const char *
custos_organisation_get_address (CustosOrganisation *self)
{
  return custos_record_get_string_at ((CustosRecord *) CUSTOS_ORGANISATION (self),
                                      CUSTOS_ORGANISATION_FIELD_ADDRESS);
}

static inline void
custos_organisation_set_address (CustosOrganisation *self,
                                 const char *value)
{
  custos_record_set_string_at ((CustosRecord *) CUSTOS_ORGANISATION (self),
                               CUSTOS_ORGANISATION_FIELD_ADDRESS, value);
}

static inline const char *
custos_organisation_get_sector (CustosOrganisation *self)
{
  return custos_record_get_string_at ((CustosRecord *) CUSTOS_ORGANISATION (self),
                                      CUSTOS_ORGANISATION_FIELD_SECTOR);
}

static inline void
custos_organisation_set_sector (CustosOrganisation *self,
                                const char *value)
{
  custos_record_set_string_at ((CustosRecord *) CUSTOS_ORGANISATION (self),
                               CUSTOS_ORGANISATION_FIELD_SECTOR, value);
}

static inline int
custos_organisation_get_employees (CustosOrganisation *self)
{
  return custos_record_get_int_at ((CustosRecord *) CUSTOS_ORGANISATION (self),
                                   CUSTOS_ORGANISATION_FIELD_EMPLOYEES);
}

static inline void
custos_organisation_set_employees (CustosOrganisation *self,
                                   int value)
{
  custos_record_set_int_at ((CustosRecord *) CUSTOS_ORGANISATION (self),
                            CUSTOS_ORGANISATION_FIELD_EMPLOYEES, value);
}

static inline const char *
custos_organisation_get_isms_owner (CustosOrganisation *self)
{
  return custos_record_get_string_at ((CustosRecord *) CUSTOS_ORGANISATION (self),
                                      CUSTOS_ORGANISATION_FIELD_ISMS_OWNER);
}

static inline void
custos_organisation_set_isms_owner (CustosOrganisation *self,
                                    const char *value)
{
  custos_record_set_string_at ((CustosRecord *) CUSTOS_ORGANISATION (self),
                               CUSTOS_ORGANISATION_FIELD_ISMS_OWNER, value);
}

static inline const char *
custos_organisation_get_classification (CustosOrganisation *self)
{
  return custos_record_get_string_at ((CustosRecord *) CUSTOS_ORGANISATION (self),
                                      CUSTOS_ORGANISATION_FIELD_CLASSIFICATION);
}

static inline void
custos_organisation_set_classification (CustosOrganisation *self,
                                        const char *value)
{
  custos_record_set_string_at ((CustosRecord *) CUSTOS_ORGANISATION (self),
                               CUSTOS_ORGANISATION_FIELD_CLASSIFICATION, value);
}

/* scope (CustosScope, clause 4.3) ------------------------------------------ */

typedef enum
{
  CUSTOS_SCOPE_FIELD_STATEMENT,
  CUSTOS_SCOPE_FIELD_SITES,
  CUSTOS_SCOPE_FIELD_NETWORKS,
  CUSTOS_SCOPE_FIELD_EMPLOYEE_GROUPS,
  CUSTOS_SCOPE_FIELD_PROCESSES,
  CUSTOS_SCOPE_FIELD_OUT_OF_SCOPE,
  CUSTOS_SCOPE_FIELD_INTERFACES,
  CUSTOS_SCOPE_FIELD_EXCLUSIONS,
  CUSTOS_SCOPE_N_FIELDS
} CustosScopeField;

static inline const char *
custos_scope_get_statement (CustosScope *self)
{
  return custos_record_get_string_at ((CustosRecord *) CUSTOS_SCOPE (self),
                                      CUSTOS_SCOPE_FIELD_STATEMENT);
}

static inline void
custos_scope_set_statement (CustosScope *self,
                            const char *value)
{
  custos_record_set_string_at ((CustosRecord *) CUSTOS_SCOPE (self),
                               CUSTOS_SCOPE_FIELD_STATEMENT, value);
}

static inline const char *
custos_scope_get_sites (CustosScope *self)
{
  return custos_record_get_string_at ((CustosRecord *) CUSTOS_SCOPE (self),
                                      CUSTOS_SCOPE_FIELD_SITES);
}

static inline void
custos_scope_set_sites (CustosScope *self,
                        const char *value)
{
  custos_record_set_string_at ((CustosRecord *) CUSTOS_SCOPE (self),
                               CUSTOS_SCOPE_FIELD_SITES, value);
}

static inline const char *
custos_scope_get_networks (CustosScope *self)
{
  return custos_record_get_string_at ((CustosRecord *) CUSTOS_SCOPE (self),
                                      CUSTOS_SCOPE_FIELD_NETWORKS);
}

static inline void
custos_scope_set_networks (CustosScope *self,
                           const char *value)
{
  custos_record_set_string_at ((CustosRecord *) CUSTOS_SCOPE (self),
                               CUSTOS_SCOPE_FIELD_NETWORKS, value);
}

static inline const char *
custos_scope_get_employee_groups (CustosScope *self)
{
  return custos_record_get_string_at ((CustosRecord *) CUSTOS_SCOPE (self),
                                      CUSTOS_SCOPE_FIELD_EMPLOYEE_GROUPS);
}

static inline void
custos_scope_set_employee_groups (CustosScope *self,
                                  const char *value)
{
  custos_record_set_string_at ((CustosRecord *) CUSTOS_SCOPE (self),
                               CUSTOS_SCOPE_FIELD_EMPLOYEE_GROUPS, value);
}

static inline const char *
custos_scope_get_processes (CustosScope *self)
{
  return custos_record_get_string_at ((CustosRecord *) CUSTOS_SCOPE (self),
                                      CUSTOS_SCOPE_FIELD_PROCESSES);
}

static inline void
custos_scope_set_processes (CustosScope *self,
                            const char *value)
{
  custos_record_set_string_at ((CustosRecord *) CUSTOS_SCOPE (self),
                               CUSTOS_SCOPE_FIELD_PROCESSES, value);
}

static inline const char *
custos_scope_get_out_of_scope (CustosScope *self)
{
  return custos_record_get_string_at ((CustosRecord *) CUSTOS_SCOPE (self),
                                      CUSTOS_SCOPE_FIELD_OUT_OF_SCOPE);
}

static inline void
custos_scope_set_out_of_scope (CustosScope *self,
                               const char *value)
{
  custos_record_set_string_at ((CustosRecord *) CUSTOS_SCOPE (self),
                               CUSTOS_SCOPE_FIELD_OUT_OF_SCOPE, value);
}

static inline const char *
custos_scope_get_interfaces (CustosScope *self)
{
  return custos_record_get_string_at ((CustosRecord *) CUSTOS_SCOPE (self),
                                      CUSTOS_SCOPE_FIELD_INTERFACES);
}

static inline void
custos_scope_set_interfaces (CustosScope *self,
                             const char *value)
{
  custos_record_set_string_at ((CustosRecord *) CUSTOS_SCOPE (self),
                               CUSTOS_SCOPE_FIELD_INTERFACES, value);
}

static inline const char *
custos_scope_get_exclusions (CustosScope *self)
{
  return custos_record_get_string_at ((CustosRecord *) CUSTOS_SCOPE (self),
                                      CUSTOS_SCOPE_FIELD_EXCLUSIONS);
}

static inline void
custos_scope_set_exclusions (CustosScope *self,
                             const char *value)
{
  custos_record_set_string_at ((CustosRecord *) CUSTOS_SCOPE (self),
                               CUSTOS_SCOPE_FIELD_EXCLUSIONS, value);
}

/* policy (CustosPolicy, clause 5.2) ---------------------------------------- */

typedef enum
{
  CUSTOS_POLICY_FIELD_STATEMENT,
  CUSTOS_POLICY_FIELD_OBJECTIVES_FRAMEWORK,
  CUSTOS_POLICY_FIELD_COMMIT_REQUIREMENTS,
  CUSTOS_POLICY_FIELD_COMMIT_IMPROVEMENT,
  CUSTOS_POLICY_FIELD_AUTHORISED_BY,
  CUSTOS_POLICY_FIELD_APPROVED,
  CUSTOS_POLICY_FIELD_VERSION,
  CUSTOS_POLICY_FIELD_NEXT_REVIEW,
  CUSTOS_POLICY_FIELD_COMMUNICATED,
  CUSTOS_POLICY_N_FIELDS
} CustosPolicyField;

static inline const char *
custos_policy_get_statement (CustosPolicy *self)
{
  return custos_record_get_string_at ((CustosRecord *) CUSTOS_POLICY (self),
                                      CUSTOS_POLICY_FIELD_STATEMENT);
}

static inline void
custos_policy_set_statement (CustosPolicy *self,
                             const char *value)
{
  custos_record_set_string_at ((CustosRecord *) CUSTOS_POLICY (self),
                               CUSTOS_POLICY_FIELD_STATEMENT, value);
}

static inline const char *
custos_policy_get_objectives_framework (CustosPolicy *self)
{
  return custos_record_get_string_at ((CustosRecord *) CUSTOS_POLICY (self),
                                      CUSTOS_POLICY_FIELD_OBJECTIVES_FRAMEWORK);
}

static inline void
custos_policy_set_objectives_framework (CustosPolicy *self,
                                        const char *value)
{
  custos_record_set_string_at ((CustosRecord *) CUSTOS_POLICY (self),
                               CUSTOS_POLICY_FIELD_OBJECTIVES_FRAMEWORK, value);
}

static inline gboolean
custos_policy_get_commit_requirements (CustosPolicy *self)
{
  return custos_record_get_bool_at ((CustosRecord *) CUSTOS_POLICY (self),
                                    CUSTOS_POLICY_FIELD_COMMIT_REQUIREMENTS);
}

static inline void
custos_policy_set_commit_requirements (CustosPolicy *self,
                                       gboolean value)
{
  custos_record_set_bool_at ((CustosRecord *) CUSTOS_POLICY (self),
                             CUSTOS_POLICY_FIELD_COMMIT_REQUIREMENTS, value);
}

static inline gboolean
custos_policy_get_commit_improvement (CustosPolicy *self)
{
  return custos_record_get_bool_at ((CustosRecord *) CUSTOS_POLICY (self),
                                    CUSTOS_POLICY_FIELD_COMMIT_IMPROVEMENT);
}

static inline void
custos_policy_set_commit_improvement (CustosPolicy *self,
                                      gboolean value)
{
  custos_record_set_bool_at ((CustosRecord *) CUSTOS_POLICY (self),
                             CUSTOS_POLICY_FIELD_COMMIT_IMPROVEMENT, value);
}

static inline const char *
custos_policy_get_authorised_by (CustosPolicy *self)
{
  return custos_record_get_string_at ((CustosRecord *) CUSTOS_POLICY (self),
                                      CUSTOS_POLICY_FIELD_AUTHORISED_BY);
}

static inline void
custos_policy_set_authorised_by (CustosPolicy *self,
                                 const char *value)
{
  custos_record_set_string_at ((CustosRecord *) CUSTOS_POLICY (self),
                               CUSTOS_POLICY_FIELD_AUTHORISED_BY, value);
}

static inline const char *
custos_policy_get_approved (CustosPolicy *self)
{
  return custos_record_get_string_at ((CustosRecord *) CUSTOS_POLICY (self),
                                      CUSTOS_POLICY_FIELD_APPROVED);
}

static inline void
custos_policy_set_approved (CustosPolicy *self,
                            const char *value)
{
  custos_record_set_string_at ((CustosRecord *) CUSTOS_POLICY (self),
                               CUSTOS_POLICY_FIELD_APPROVED, value);
}

static inline const char *
custos_policy_get_version (CustosPolicy *self)
{
  return custos_record_get_string_at ((CustosRecord *) CUSTOS_POLICY (self),
                                      CUSTOS_POLICY_FIELD_VERSION);
}

static inline void
custos_policy_set_version (CustosPolicy *self,
                           const char *value)
{
  custos_record_set_string_at ((CustosRecord *) CUSTOS_POLICY (self),
                               CUSTOS_POLICY_FIELD_VERSION, value);
}

static inline const char *
custos_policy_get_next_review (CustosPolicy *self)
{
  return custos_record_get_string_at ((CustosRecord *) CUSTOS_POLICY (self),
                                      CUSTOS_POLICY_FIELD_NEXT_REVIEW);
}

static inline void
custos_policy_set_next_review (CustosPolicy *self,
                               const char *value)
{
  custos_record_set_string_at ((CustosRecord *) CUSTOS_POLICY (self),
                               CUSTOS_POLICY_FIELD_NEXT_REVIEW, value);
}

static inline const char *
custos_policy_get_communicated (CustosPolicy *self)
{
  return custos_record_get_string_at ((CustosRecord *) CUSTOS_POLICY (self),
                                      CUSTOS_POLICY_FIELD_COMMUNICATED);
}

static inline void
custos_policy_set_communicated (CustosPolicy *self,
                                const char *value)
{
  custos_record_set_string_at ((CustosRecord *) CUSTOS_POLICY (self),
                               CUSTOS_POLICY_FIELD_COMMUNICATED, value);
}

/* reassessment (CustosReassessment, clause 8.2) ---------------------------- */

typedef enum
{
  CUSTOS_REASSESSMENT_FIELD_INTERVAL_MONTHS,
  CUSTOS_REASSESSMENT_FIELD_LAST,
  CUSTOS_REASSESSMENT_FIELD_NEXT,
  CUSTOS_REASSESSMENT_FIELD_TRIGGERS,
  CUSTOS_REASSESSMENT_N_FIELDS
} CustosReassessmentField;

static inline int
custos_reassessment_get_interval_months (CustosReassessment *self)
{
  return custos_record_get_int_at ((CustosRecord *) CUSTOS_REASSESSMENT (self),
                                   CUSTOS_REASSESSMENT_FIELD_INTERVAL_MONTHS);
}

static inline void
custos_reassessment_set_interval_months (CustosReassessment *self,
                                         int value)
{
  custos_record_set_int_at ((CustosRecord *) CUSTOS_REASSESSMENT (self),
                            CUSTOS_REASSESSMENT_FIELD_INTERVAL_MONTHS, value);
}

static inline const char *
custos_reassessment_get_last (CustosReassessment *self)
{
  return custos_record_get_string_at ((CustosRecord *) CUSTOS_REASSESSMENT (self),
                                      CUSTOS_REASSESSMENT_FIELD_LAST);
}

static inline void
custos_reassessment_set_last (CustosReassessment *self,
                              const char *value)
{
  custos_record_set_string_at ((CustosRecord *) CUSTOS_REASSESSMENT (self),
                               CUSTOS_REASSESSMENT_FIELD_LAST, value);
}

static inline const char *
custos_reassessment_get_next (CustosReassessment *self)
{
  return custos_record_get_string_at ((CustosRecord *) CUSTOS_REASSESSMENT (self),
                                      CUSTOS_REASSESSMENT_FIELD_NEXT);
}

static inline void
custos_reassessment_set_next (CustosReassessment *self,
                              const char *value)
{
  custos_record_set_string_at ((CustosRecord *) CUSTOS_REASSESSMENT (self),
                               CUSTOS_REASSESSMENT_FIELD_NEXT, value);
}

static inline const char * const *
custos_reassessment_get_triggers (CustosReassessment *self)
{
  return custos_record_get_strv_at ((CustosRecord *) CUSTOS_REASSESSMENT (self),
                                    CUSTOS_REASSESSMENT_FIELD_TRIGGERS);
}

static inline void
custos_reassessment_set_triggers (CustosReassessment *self,
                                  const char * const *value)
{
  custos_record_set_strv_at ((CustosRecord *) CUSTOS_REASSESSMENT (self),
                             CUSTOS_REASSESSMENT_FIELD_TRIGGERS, value);
}

/* plan-approval (CustosPlanApproval, clause 6.1.3) ------------------------- */

typedef enum
{
  CUSTOS_PLAN_APPROVAL_FIELD_OWNERS_APPROVED_BY,
  CUSTOS_PLAN_APPROVAL_FIELD_OWNERS_APPROVED,
  CUSTOS_PLAN_APPROVAL_FIELD_MANAGEMENT_APPROVED_BY,
  CUSTOS_PLAN_APPROVAL_FIELD_MANAGEMENT_APPROVED,
  CUSTOS_PLAN_APPROVAL_FIELD_NOTES,
  CUSTOS_PLAN_APPROVAL_N_FIELDS
} CustosPlanApprovalField;

static inline const char *
custos_plan_approval_get_owners_approved_by (CustosPlanApproval *self)
{
  return custos_record_get_string_at ((CustosRecord *) CUSTOS_PLAN_APPROVAL (self),
                                      CUSTOS_PLAN_APPROVAL_FIELD_OWNERS_APPROVED_BY);
}

static inline void
custos_plan_approval_set_owners_approved_by (CustosPlanApproval *self,
                                             const char *value)
{
  custos_record_set_string_at ((CustosRecord *) CUSTOS_PLAN_APPROVAL (self),
                               CUSTOS_PLAN_APPROVAL_FIELD_OWNERS_APPROVED_BY, value);
}

static inline const char *
custos_plan_approval_get_owners_approved (CustosPlanApproval *self)
{
  return custos_record_get_string_at ((CustosRecord *) CUSTOS_PLAN_APPROVAL (self),
                                      CUSTOS_PLAN_APPROVAL_FIELD_OWNERS_APPROVED);
}

static inline void
custos_plan_approval_set_owners_approved (CustosPlanApproval *self,
                                          const char *value)
{
  custos_record_set_string_at ((CustosRecord *) CUSTOS_PLAN_APPROVAL (self),
                               CUSTOS_PLAN_APPROVAL_FIELD_OWNERS_APPROVED, value);
}

static inline const char *
custos_plan_approval_get_management_approved_by (CustosPlanApproval *self)
{
  return custos_record_get_string_at ((CustosRecord *) CUSTOS_PLAN_APPROVAL (self),
                                      CUSTOS_PLAN_APPROVAL_FIELD_MANAGEMENT_APPROVED_BY);
}

static inline void
custos_plan_approval_set_management_approved_by (CustosPlanApproval *self,
                                                 const char *value)
{
  custos_record_set_string_at ((CustosRecord *) CUSTOS_PLAN_APPROVAL (self),
                               CUSTOS_PLAN_APPROVAL_FIELD_MANAGEMENT_APPROVED_BY, value);
}

static inline const char *
custos_plan_approval_get_management_approved (CustosPlanApproval *self)
{
  return custos_record_get_string_at ((CustosRecord *) CUSTOS_PLAN_APPROVAL (self),
                                      CUSTOS_PLAN_APPROVAL_FIELD_MANAGEMENT_APPROVED);
}

static inline void
custos_plan_approval_set_management_approved (CustosPlanApproval *self,
                                              const char *value)
{
  custos_record_set_string_at ((CustosRecord *) CUSTOS_PLAN_APPROVAL (self),
                               CUSTOS_PLAN_APPROVAL_FIELD_MANAGEMENT_APPROVED, value);
}

static inline const char *
custos_plan_approval_get_notes (CustosPlanApproval *self)
{
  return custos_record_get_string_at ((CustosRecord *) CUSTOS_PLAN_APPROVAL (self),
                                      CUSTOS_PLAN_APPROVAL_FIELD_NOTES);
}

static inline void
custos_plan_approval_set_notes (CustosPlanApproval *self,
                                const char *value)
{
  custos_record_set_string_at ((CustosRecord *) CUSTOS_PLAN_APPROVAL (self),
                               CUSTOS_PLAN_APPROVAL_FIELD_NOTES, value);
}

/* isms-processes (CustosIsmsProcesses, clause 4.4) ------------------------- */

typedef enum
{
  CUSTOS_ISMS_PROCESSES_FIELD_PROCESSES,
  CUSTOS_ISMS_PROCESSES_FIELD_INTEGRATION,
  CUSTOS_ISMS_PROCESSES_FIELD_DOCUMENT,
  CUSTOS_ISMS_PROCESSES_N_FIELDS
} CustosIsmsProcessesField;

static inline const char *
custos_isms_processes_get_processes (CustosIsmsProcesses *self)
{
  return custos_record_get_string_at ((CustosRecord *) CUSTOS_ISMS_PROCESSES (self),
                                      CUSTOS_ISMS_PROCESSES_FIELD_PROCESSES);
}

static inline void
custos_isms_processes_set_processes (CustosIsmsProcesses *self,
                                     const char *value)
{
  custos_record_set_string_at ((CustosRecord *) CUSTOS_ISMS_PROCESSES (self),
                               CUSTOS_ISMS_PROCESSES_FIELD_PROCESSES, value);
}

static inline const char *
custos_isms_processes_get_integration (CustosIsmsProcesses *self)
{
  return custos_record_get_string_at ((CustosRecord *) CUSTOS_ISMS_PROCESSES (self),
                                      CUSTOS_ISMS_PROCESSES_FIELD_INTEGRATION);
}

static inline void
custos_isms_processes_set_integration (CustosIsmsProcesses *self,
                                       const char *value)
{
  custos_record_set_string_at ((CustosRecord *) CUSTOS_ISMS_PROCESSES (self),
                               CUSTOS_ISMS_PROCESSES_FIELD_INTEGRATION, value);
}

static inline const char *
custos_isms_processes_get_document (CustosIsmsProcesses *self)
{
  return custos_record_get_string_at ((CustosRecord *) CUSTOS_ISMS_PROCESSES (self),
                                      CUSTOS_ISMS_PROCESSES_FIELD_DOCUMENT);
}

static inline void
custos_isms_processes_set_document (CustosIsmsProcesses *self,
                                    const char *value)
{
  custos_record_set_string_at ((CustosRecord *) CUSTOS_ISMS_PROCESSES (self),
                               CUSTOS_ISMS_PROCESSES_FIELD_DOCUMENT, value);
}

/* leadership (CustosLeadership, clause 5.1) -------------------------------- */

typedef enum
{
  CUSTOS_LEADERSHIP_FIELD_COMMITMENT,
  CUSTOS_LEADERSHIP_FIELD_INTEGRATION,
  CUSTOS_LEADERSHIP_FIELD_SUPPORT,
  CUSTOS_LEADERSHIP_FIELD_EVIDENCE,
  CUSTOS_LEADERSHIP_N_FIELDS
} CustosLeadershipField;

static inline const char *
custos_leadership_get_commitment (CustosLeadership *self)
{
  return custos_record_get_string_at ((CustosRecord *) CUSTOS_LEADERSHIP (self),
                                      CUSTOS_LEADERSHIP_FIELD_COMMITMENT);
}

static inline void
custos_leadership_set_commitment (CustosLeadership *self,
                                  const char *value)
{
  custos_record_set_string_at ((CustosRecord *) CUSTOS_LEADERSHIP (self),
                               CUSTOS_LEADERSHIP_FIELD_COMMITMENT, value);
}

static inline const char *
custos_leadership_get_integration (CustosLeadership *self)
{
  return custos_record_get_string_at ((CustosRecord *) CUSTOS_LEADERSHIP (self),
                                      CUSTOS_LEADERSHIP_FIELD_INTEGRATION);
}

static inline void
custos_leadership_set_integration (CustosLeadership *self,
                                   const char *value)
{
  custos_record_set_string_at ((CustosRecord *) CUSTOS_LEADERSHIP (self),
                               CUSTOS_LEADERSHIP_FIELD_INTEGRATION, value);
}

static inline const char *
custos_leadership_get_support (CustosLeadership *self)
{
  return custos_record_get_string_at ((CustosRecord *) CUSTOS_LEADERSHIP (self),
                                      CUSTOS_LEADERSHIP_FIELD_SUPPORT);
}

static inline void
custos_leadership_set_support (CustosLeadership *self,
                               const char *value)
{
  custos_record_set_string_at ((CustosRecord *) CUSTOS_LEADERSHIP (self),
                               CUSTOS_LEADERSHIP_FIELD_SUPPORT, value);
}

static inline const char *
custos_leadership_get_evidence (CustosLeadership *self)
{
  return custos_record_get_string_at ((CustosRecord *) CUSTOS_LEADERSHIP (self),
                                      CUSTOS_LEADERSHIP_FIELD_EVIDENCE);
}

static inline void
custos_leadership_set_evidence (CustosLeadership *self,
                                const char *value)
{
  custos_record_set_string_at ((CustosRecord *) CUSTOS_LEADERSHIP (self),
                               CUSTOS_LEADERSHIP_FIELD_EVIDENCE, value);
}

/* isms-risks (CustosIsmsRisks, clause 6.1.1) ------------------------------- */

typedef enum
{
  CUSTOS_ISMS_RISKS_FIELD_RISKS,
  CUSTOS_ISMS_RISKS_FIELD_ACTIONS,
  CUSTOS_ISMS_RISKS_FIELD_EVALUATION,
  CUSTOS_ISMS_RISKS_N_FIELDS
} CustosIsmsRisksField;

static inline const char *
custos_isms_risks_get_risks (CustosIsmsRisks *self)
{
  return custos_record_get_string_at ((CustosRecord *) CUSTOS_ISMS_RISKS (self),
                                      CUSTOS_ISMS_RISKS_FIELD_RISKS);
}

static inline void
custos_isms_risks_set_risks (CustosIsmsRisks *self,
                             const char *value)
{
  custos_record_set_string_at ((CustosRecord *) CUSTOS_ISMS_RISKS (self),
                               CUSTOS_ISMS_RISKS_FIELD_RISKS, value);
}

static inline const char *
custos_isms_risks_get_actions (CustosIsmsRisks *self)
{
  return custos_record_get_string_at ((CustosRecord *) CUSTOS_ISMS_RISKS (self),
                                      CUSTOS_ISMS_RISKS_FIELD_ACTIONS);
}

static inline void
custos_isms_risks_set_actions (CustosIsmsRisks *self,
                               const char *value)
{
  custos_record_set_string_at ((CustosRecord *) CUSTOS_ISMS_RISKS (self),
                               CUSTOS_ISMS_RISKS_FIELD_ACTIONS, value);
}

static inline const char *
custos_isms_risks_get_evaluation (CustosIsmsRisks *self)
{
  return custos_record_get_string_at ((CustosRecord *) CUSTOS_ISMS_RISKS (self),
                                      CUSTOS_ISMS_RISKS_FIELD_EVALUATION);
}

static inline void
custos_isms_risks_set_evaluation (CustosIsmsRisks *self,
                                  const char *value)
{
  custos_record_set_string_at ((CustosRecord *) CUSTOS_ISMS_RISKS (self),
                               CUSTOS_ISMS_RISKS_FIELD_EVALUATION, value);
}

/* change-planning (CustosChangePlanning, clause 6.3) ----------------------- */

typedef enum
{
  CUSTOS_CHANGE_PLANNING_FIELD_PROCESS,
  CUSTOS_CHANGE_PLANNING_FIELD_CHANGES,
  CUSTOS_CHANGE_PLANNING_FIELD_REVIEWED,
  CUSTOS_CHANGE_PLANNING_N_FIELDS
} CustosChangePlanningField;

static inline const char *
custos_change_planning_get_process (CustosChangePlanning *self)
{
  return custos_record_get_string_at ((CustosRecord *) CUSTOS_CHANGE_PLANNING (self),
                                      CUSTOS_CHANGE_PLANNING_FIELD_PROCESS);
}

static inline void
custos_change_planning_set_process (CustosChangePlanning *self,
                                    const char *value)
{
  custos_record_set_string_at ((CustosRecord *) CUSTOS_CHANGE_PLANNING (self),
                               CUSTOS_CHANGE_PLANNING_FIELD_PROCESS, value);
}

static inline const char *
custos_change_planning_get_changes (CustosChangePlanning *self)
{
  return custos_record_get_string_at ((CustosRecord *) CUSTOS_CHANGE_PLANNING (self),
                                      CUSTOS_CHANGE_PLANNING_FIELD_CHANGES);
}

static inline void
custos_change_planning_set_changes (CustosChangePlanning *self,
                                    const char *value)
{
  custos_record_set_string_at ((CustosRecord *) CUSTOS_CHANGE_PLANNING (self),
                               CUSTOS_CHANGE_PLANNING_FIELD_CHANGES, value);
}

static inline const char *
custos_change_planning_get_reviewed (CustosChangePlanning *self)
{
  return custos_record_get_string_at ((CustosRecord *) CUSTOS_CHANGE_PLANNING (self),
                                      CUSTOS_CHANGE_PLANNING_FIELD_REVIEWED);
}

static inline void
custos_change_planning_set_reviewed (CustosChangePlanning *self,
                                     const char *value)
{
  custos_record_set_string_at ((CustosRecord *) CUSTOS_CHANGE_PLANNING (self),
                               CUSTOS_CHANGE_PLANNING_FIELD_REVIEWED, value);
}

/* isms-resources (CustosIsmsResources, clause 7.1) ------------------------- */

typedef enum
{
  CUSTOS_ISMS_RESOURCES_FIELD_RESOURCES,
  CUSTOS_ISMS_RESOURCES_FIELD_BUDGET,
  CUSTOS_ISMS_RESOURCES_FIELD_APPROVED_BY,
  CUSTOS_ISMS_RESOURCES_FIELD_REVIEWED,
  CUSTOS_ISMS_RESOURCES_N_FIELDS
} CustosIsmsResourcesField;

static inline const char *
custos_isms_resources_get_resources (CustosIsmsResources *self)
{
  return custos_record_get_string_at ((CustosRecord *) CUSTOS_ISMS_RESOURCES (self),
                                      CUSTOS_ISMS_RESOURCES_FIELD_RESOURCES);
}

static inline void
custos_isms_resources_set_resources (CustosIsmsResources *self,
                                     const char *value)
{
  custos_record_set_string_at ((CustosRecord *) CUSTOS_ISMS_RESOURCES (self),
                               CUSTOS_ISMS_RESOURCES_FIELD_RESOURCES, value);
}

static inline const char *
custos_isms_resources_get_budget (CustosIsmsResources *self)
{
  return custos_record_get_string_at ((CustosRecord *) CUSTOS_ISMS_RESOURCES (self),
                                      CUSTOS_ISMS_RESOURCES_FIELD_BUDGET);
}

static inline void
custos_isms_resources_set_budget (CustosIsmsResources *self,
                                  const char *value)
{
  custos_record_set_string_at ((CustosRecord *) CUSTOS_ISMS_RESOURCES (self),
                               CUSTOS_ISMS_RESOURCES_FIELD_BUDGET, value);
}

static inline const char *
custos_isms_resources_get_approved_by (CustosIsmsResources *self)
{
  return custos_record_get_string_at ((CustosRecord *) CUSTOS_ISMS_RESOURCES (self),
                                      CUSTOS_ISMS_RESOURCES_FIELD_APPROVED_BY);
}

static inline void
custos_isms_resources_set_approved_by (CustosIsmsResources *self,
                                       const char *value)
{
  custos_record_set_string_at ((CustosRecord *) CUSTOS_ISMS_RESOURCES (self),
                               CUSTOS_ISMS_RESOURCES_FIELD_APPROVED_BY, value);
}

static inline const char *
custos_isms_resources_get_reviewed (CustosIsmsResources *self)
{
  return custos_record_get_string_at ((CustosRecord *) CUSTOS_ISMS_RESOURCES (self),
                                      CUSTOS_ISMS_RESOURCES_FIELD_REVIEWED);
}

static inline void
custos_isms_resources_set_reviewed (CustosIsmsResources *self,
                                    const char *value)
{
  custos_record_set_string_at ((CustosRecord *) CUSTOS_ISMS_RESOURCES (self),
                               CUSTOS_ISMS_RESOURCES_FIELD_REVIEWED, value);
}

/* continual-improvement (CustosContinualImprovement, clause 10.1) ---------- */

typedef enum
{
  CUSTOS_CONTINUAL_IMPROVEMENT_FIELD_APPROACH,
  CUSTOS_CONTINUAL_IMPROVEMENT_FIELD_IMPROVEMENTS,
  CUSTOS_CONTINUAL_IMPROVEMENT_FIELD_REVIEWED,
  CUSTOS_CONTINUAL_IMPROVEMENT_N_FIELDS
} CustosContinualImprovementField;

static inline const char *
custos_continual_improvement_get_approach (CustosContinualImprovement *self)
{
  return custos_record_get_string_at ((CustosRecord *) CUSTOS_CONTINUAL_IMPROVEMENT (self),
                                      CUSTOS_CONTINUAL_IMPROVEMENT_FIELD_APPROACH);
}

static inline void
custos_continual_improvement_set_approach (CustosContinualImprovement *self,
                                           const char *value)
{
  custos_record_set_string_at ((CustosRecord *) CUSTOS_CONTINUAL_IMPROVEMENT (self),
                               CUSTOS_CONTINUAL_IMPROVEMENT_FIELD_APPROACH, value);
}

static inline const char *
custos_continual_improvement_get_improvements (CustosContinualImprovement *self)
{
  return custos_record_get_string_at ((CustosRecord *) CUSTOS_CONTINUAL_IMPROVEMENT (self),
                                      CUSTOS_CONTINUAL_IMPROVEMENT_FIELD_IMPROVEMENTS);
}

static inline void
custos_continual_improvement_set_improvements (CustosContinualImprovement *self,
                                               const char *value)
{
  custos_record_set_string_at ((CustosRecord *) CUSTOS_CONTINUAL_IMPROVEMENT (self),
                               CUSTOS_CONTINUAL_IMPROVEMENT_FIELD_IMPROVEMENTS, value);
}

static inline const char *
custos_continual_improvement_get_reviewed (CustosContinualImprovement *self)
{
  return custos_record_get_string_at ((CustosRecord *) CUSTOS_CONTINUAL_IMPROVEMENT (self),
                                      CUSTOS_CONTINUAL_IMPROVEMENT_FIELD_REVIEWED);
}

static inline void
custos_continual_improvement_set_reviewed (CustosContinualImprovement *self,
                                           const char *value)
{
  custos_record_set_string_at ((CustosRecord *) CUSTOS_CONTINUAL_IMPROVEMENT (self),
                               CUSTOS_CONTINUAL_IMPROVEMENT_FIELD_REVIEWED, value);
}

/* revision (CustosRevision, clause 7.5.3) ---------------------------------- */

typedef enum
{
  CUSTOS_REVISION_FIELD_VERSION,
  CUSTOS_REVISION_FIELD_DATE,
  CUSTOS_REVISION_FIELD_AUTHOR,
  CUSTOS_REVISION_FIELD_SUMMARY,
  CUSTOS_REVISION_FIELD_APPROVED_BY,
  CUSTOS_REVISION_N_FIELDS
} CustosRevisionField;

static inline const char *
custos_revision_get_version (CustosRevision *self)
{
  return custos_record_get_string_at ((CustosRecord *) CUSTOS_REVISION (self),
                                      CUSTOS_REVISION_FIELD_VERSION);
}

static inline void
custos_revision_set_version (CustosRevision *self,
                             const char *value)
{
  custos_record_set_string_at ((CustosRecord *) CUSTOS_REVISION (self),
                               CUSTOS_REVISION_FIELD_VERSION, value);
}

static inline const char *
custos_revision_get_date (CustosRevision *self)
{
  return custos_record_get_string_at ((CustosRecord *) CUSTOS_REVISION (self),
                                      CUSTOS_REVISION_FIELD_DATE);
}

static inline void
custos_revision_set_date (CustosRevision *self,
                          const char *value)
{
  custos_record_set_string_at ((CustosRecord *) CUSTOS_REVISION (self),
                               CUSTOS_REVISION_FIELD_DATE, value);
}

static inline const char *
custos_revision_get_author (CustosRevision *self)
{
  return custos_record_get_string_at ((CustosRecord *) CUSTOS_REVISION (self),
                                      CUSTOS_REVISION_FIELD_AUTHOR);
}

static inline void
custos_revision_set_author (CustosRevision *self,
                            const char *value)
{
  custos_record_set_string_at ((CustosRecord *) CUSTOS_REVISION (self),
                               CUSTOS_REVISION_FIELD_AUTHOR, value);
}

static inline const char *
custos_revision_get_summary (CustosRevision *self)
{
  return custos_record_get_string_at ((CustosRecord *) CUSTOS_REVISION (self),
                                      CUSTOS_REVISION_FIELD_SUMMARY);
}

static inline void
custos_revision_set_summary (CustosRevision *self,
                             const char *value)
{
  custos_record_set_string_at ((CustosRecord *) CUSTOS_REVISION (self),
                               CUSTOS_REVISION_FIELD_SUMMARY, value);
}

static inline const char *
custos_revision_get_approved_by (CustosRevision *self)
{
  return custos_record_get_string_at ((CustosRecord *) CUSTOS_REVISION (self),
                                      CUSTOS_REVISION_FIELD_APPROVED_BY);
}

static inline void
custos_revision_set_approved_by (CustosRevision *self,
                                 const char *value)
{
  custos_record_set_string_at ((CustosRecord *) CUSTOS_REVISION (self),
                               CUSTOS_REVISION_FIELD_APPROVED_BY, value);
}

/* issue (CustosIssue, clause 4.1) ------------------------------------------ */

typedef enum
{
  CUSTOS_ISSUE_FIELD_TITLE,
  CUSTOS_ISSUE_FIELD_KIND,
  CUSTOS_ISSUE_FIELD_CATEGORY,
  CUSTOS_ISSUE_FIELD_DESCRIPTION,
  CUSTOS_ISSUE_FIELD_EFFECT,
  CUSTOS_ISSUE_FIELD_CLIMATE,
  CUSTOS_ISSUE_N_FIELDS
} CustosIssueField;

static inline const char *
custos_issue_get_title (CustosIssue *self)
{
  return custos_record_get_string_at ((CustosRecord *) CUSTOS_ISSUE (self),
                                      CUSTOS_ISSUE_FIELD_TITLE);
}

static inline void
custos_issue_set_title (CustosIssue *self,
                        const char *value)
{
  custos_record_set_string_at ((CustosRecord *) CUSTOS_ISSUE (self),
                               CUSTOS_ISSUE_FIELD_TITLE, value);
}

static inline CustosIssueKind
custos_issue_get_kind (CustosIssue *self)
{
  return (CustosIssueKind) custos_record_get_enum_at ((CustosRecord *) CUSTOS_ISSUE (self),
                                                      CUSTOS_ISSUE_FIELD_KIND);
}

static inline void
custos_issue_set_kind (CustosIssue *self,
                       CustosIssueKind value)
{
  custos_record_set_enum_at ((CustosRecord *) CUSTOS_ISSUE (self),
                             CUSTOS_ISSUE_FIELD_KIND, value);
}

static inline const char *
custos_issue_get_category (CustosIssue *self)
{
  return custos_record_get_string_at ((CustosRecord *) CUSTOS_ISSUE (self),
                                      CUSTOS_ISSUE_FIELD_CATEGORY);
}

static inline void
custos_issue_set_category (CustosIssue *self,
                           const char *value)
{
  custos_record_set_string_at ((CustosRecord *) CUSTOS_ISSUE (self),
                               CUSTOS_ISSUE_FIELD_CATEGORY, value);
}

static inline const char *
custos_issue_get_description (CustosIssue *self)
{
  return custos_record_get_string_at ((CustosRecord *) CUSTOS_ISSUE (self),
                                      CUSTOS_ISSUE_FIELD_DESCRIPTION);
}

static inline void
custos_issue_set_description (CustosIssue *self,
                              const char *value)
{
  custos_record_set_string_at ((CustosRecord *) CUSTOS_ISSUE (self),
                               CUSTOS_ISSUE_FIELD_DESCRIPTION, value);
}

static inline const char *
custos_issue_get_effect (CustosIssue *self)
{
  return custos_record_get_string_at ((CustosRecord *) CUSTOS_ISSUE (self),
                                      CUSTOS_ISSUE_FIELD_EFFECT);
}

static inline void
custos_issue_set_effect (CustosIssue *self,
                         const char *value)
{
  custos_record_set_string_at ((CustosRecord *) CUSTOS_ISSUE (self),
                               CUSTOS_ISSUE_FIELD_EFFECT, value);
}

static inline gboolean
custos_issue_get_climate (CustosIssue *self)
{
  return custos_record_get_bool_at ((CustosRecord *) CUSTOS_ISSUE (self),
                                    CUSTOS_ISSUE_FIELD_CLIMATE);
}

static inline void
custos_issue_set_climate (CustosIssue *self,
                          gboolean value)
{
  custos_record_set_bool_at ((CustosRecord *) CUSTOS_ISSUE (self),
                             CUSTOS_ISSUE_FIELD_CLIMATE, value);
}

/* party (CustosParty, clause 4.2) ------------------------------------------ */

typedef enum
{
  CUSTOS_PARTY_FIELD_NAME,
  CUSTOS_PARTY_FIELD_NEEDS,
  CUSTOS_PARTY_FIELD_RELEVANT,
  CUSTOS_PARTY_FIELD_ADDRESSED,
  CUSTOS_PARTY_FIELD_CLIMATE,
  CUSTOS_PARTY_N_FIELDS
} CustosPartyField;

static inline const char *
custos_party_get_name (CustosParty *self)
{
  return custos_record_get_string_at ((CustosRecord *) CUSTOS_PARTY (self),
                                      CUSTOS_PARTY_FIELD_NAME);
}

static inline void
custos_party_set_name (CustosParty *self,
                       const char *value)
{
  custos_record_set_string_at ((CustosRecord *) CUSTOS_PARTY (self),
                               CUSTOS_PARTY_FIELD_NAME, value);
}

static inline const char *
custos_party_get_needs (CustosParty *self)
{
  return custos_record_get_string_at ((CustosRecord *) CUSTOS_PARTY (self),
                                      CUSTOS_PARTY_FIELD_NEEDS);
}

static inline void
custos_party_set_needs (CustosParty *self,
                        const char *value)
{
  custos_record_set_string_at ((CustosRecord *) CUSTOS_PARTY (self),
                               CUSTOS_PARTY_FIELD_NEEDS, value);
}

static inline gboolean
custos_party_get_relevant (CustosParty *self)
{
  return custos_record_get_bool_at ((CustosRecord *) CUSTOS_PARTY (self),
                                    CUSTOS_PARTY_FIELD_RELEVANT);
}

static inline void
custos_party_set_relevant (CustosParty *self,
                           gboolean value)
{
  custos_record_set_bool_at ((CustosRecord *) CUSTOS_PARTY (self),
                             CUSTOS_PARTY_FIELD_RELEVANT, value);
}

static inline const char *
custos_party_get_addressed (CustosParty *self)
{
  return custos_record_get_string_at ((CustosRecord *) CUSTOS_PARTY (self),
                                      CUSTOS_PARTY_FIELD_ADDRESSED);
}

static inline void
custos_party_set_addressed (CustosParty *self,
                            const char *value)
{
  custos_record_set_string_at ((CustosRecord *) CUSTOS_PARTY (self),
                               CUSTOS_PARTY_FIELD_ADDRESSED, value);
}

static inline gboolean
custos_party_get_climate (CustosParty *self)
{
  return custos_record_get_bool_at ((CustosRecord *) CUSTOS_PARTY (self),
                                    CUSTOS_PARTY_FIELD_CLIMATE);
}

static inline void
custos_party_set_climate (CustosParty *self,
                          gboolean value)
{
  custos_record_set_bool_at ((CustosRecord *) CUSTOS_PARTY (self),
                             CUSTOS_PARTY_FIELD_CLIMATE, value);
}

/* requirement (CustosRequirement, clause A.5.31) --------------------------- */

typedef enum
{
  CUSTOS_REQUIREMENT_FIELD_TITLE,
  CUSTOS_REQUIREMENT_FIELD_KIND,
  CUSTOS_REQUIREMENT_FIELD_SOURCE,
  CUSTOS_REQUIREMENT_FIELD_OWNER,
  CUSTOS_REQUIREMENT_FIELD_HOW_MET,
  CUSTOS_REQUIREMENT_FIELD_CONTROLS,
  CUSTOS_REQUIREMENT_FIELD_REVIEWED,
  CUSTOS_REQUIREMENT_N_FIELDS
} CustosRequirementField;

static inline const char *
custos_requirement_get_title (CustosRequirement *self)
{
  return custos_record_get_string_at ((CustosRecord *) CUSTOS_REQUIREMENT (self),
                                      CUSTOS_REQUIREMENT_FIELD_TITLE);
}

static inline void
custos_requirement_set_title (CustosRequirement *self,
                              const char *value)
{
  custos_record_set_string_at ((CustosRecord *) CUSTOS_REQUIREMENT (self),
                               CUSTOS_REQUIREMENT_FIELD_TITLE, value);
}

static inline CustosRequirementKind
custos_requirement_get_kind (CustosRequirement *self)
{
  return (CustosRequirementKind) custos_record_get_enum_at ((CustosRecord *) CUSTOS_REQUIREMENT (self),
                                                            CUSTOS_REQUIREMENT_FIELD_KIND);
}

static inline void
custos_requirement_set_kind (CustosRequirement *self,
                             CustosRequirementKind value)
{
  custos_record_set_enum_at ((CustosRecord *) CUSTOS_REQUIREMENT (self),
                             CUSTOS_REQUIREMENT_FIELD_KIND, value);
}

static inline const char *
custos_requirement_get_source (CustosRequirement *self)
{
  return custos_record_get_string_at ((CustosRecord *) CUSTOS_REQUIREMENT (self),
                                      CUSTOS_REQUIREMENT_FIELD_SOURCE);
}

static inline void
custos_requirement_set_source (CustosRequirement *self,
                               const char *value)
{
  custos_record_set_string_at ((CustosRecord *) CUSTOS_REQUIREMENT (self),
                               CUSTOS_REQUIREMENT_FIELD_SOURCE, value);
}

static inline const char *
custos_requirement_get_owner (CustosRequirement *self)
{
  return custos_record_get_string_at ((CustosRecord *) CUSTOS_REQUIREMENT (self),
                                      CUSTOS_REQUIREMENT_FIELD_OWNER);
}

static inline void
custos_requirement_set_owner (CustosRequirement *self,
                              const char *value)
{
  custos_record_set_string_at ((CustosRecord *) CUSTOS_REQUIREMENT (self),
                               CUSTOS_REQUIREMENT_FIELD_OWNER, value);
}

static inline const char *
custos_requirement_get_how_met (CustosRequirement *self)
{
  return custos_record_get_string_at ((CustosRecord *) CUSTOS_REQUIREMENT (self),
                                      CUSTOS_REQUIREMENT_FIELD_HOW_MET);
}

static inline void
custos_requirement_set_how_met (CustosRequirement *self,
                                const char *value)
{
  custos_record_set_string_at ((CustosRecord *) CUSTOS_REQUIREMENT (self),
                               CUSTOS_REQUIREMENT_FIELD_HOW_MET, value);
}

static inline const char * const *
custos_requirement_get_controls (CustosRequirement *self)
{
  return custos_record_get_strv_at ((CustosRecord *) CUSTOS_REQUIREMENT (self),
                                    CUSTOS_REQUIREMENT_FIELD_CONTROLS);
}

static inline void
custos_requirement_set_controls (CustosRequirement *self,
                                 const char * const *value)
{
  custos_record_set_strv_at ((CustosRecord *) CUSTOS_REQUIREMENT (self),
                             CUSTOS_REQUIREMENT_FIELD_CONTROLS, value);
}

static inline const char *
custos_requirement_get_reviewed (CustosRequirement *self)
{
  return custos_record_get_string_at ((CustosRecord *) CUSTOS_REQUIREMENT (self),
                                      CUSTOS_REQUIREMENT_FIELD_REVIEWED);
}

static inline void
custos_requirement_set_reviewed (CustosRequirement *self,
                                 const char *value)
{
  custos_record_set_string_at ((CustosRecord *) CUSTOS_REQUIREMENT (self),
                               CUSTOS_REQUIREMENT_FIELD_REVIEWED, value);
}

/* role (CustosRole, clause 5.3) -------------------------------------------- */

typedef enum
{
  CUSTOS_ROLE_FIELD_TITLE,
  CUSTOS_ROLE_FIELD_HOLDER,
  CUSTOS_ROLE_FIELD_RESPONSIBILITIES,
  CUSTOS_ROLE_FIELD_AUTHORITY,
  CUSTOS_ROLE_FIELD_TOP_MANAGEMENT,
  CUSTOS_ROLE_N_FIELDS
} CustosRoleField;

static inline const char *
custos_role_get_title (CustosRole *self)
{
  return custos_record_get_string_at ((CustosRecord *) CUSTOS_ROLE (self),
                                      CUSTOS_ROLE_FIELD_TITLE);
}

static inline void
custos_role_set_title (CustosRole *self,
                       const char *value)
{
  custos_record_set_string_at ((CustosRecord *) CUSTOS_ROLE (self),
                               CUSTOS_ROLE_FIELD_TITLE, value);
}

static inline const char *
custos_role_get_holder (CustosRole *self)
{
  return custos_record_get_string_at ((CustosRecord *) CUSTOS_ROLE (self),
                                      CUSTOS_ROLE_FIELD_HOLDER);
}

static inline void
custos_role_set_holder (CustosRole *self,
                        const char *value)
{
  custos_record_set_string_at ((CustosRecord *) CUSTOS_ROLE (self),
                               CUSTOS_ROLE_FIELD_HOLDER, value);
}

static inline const char *
custos_role_get_responsibilities (CustosRole *self)
{
  return custos_record_get_string_at ((CustosRecord *) CUSTOS_ROLE (self),
                                      CUSTOS_ROLE_FIELD_RESPONSIBILITIES);
}

static inline void
custos_role_set_responsibilities (CustosRole *self,
                                  const char *value)
{
  custos_record_set_string_at ((CustosRecord *) CUSTOS_ROLE (self),
                               CUSTOS_ROLE_FIELD_RESPONSIBILITIES, value);
}

static inline const char *
custos_role_get_authority (CustosRole *self)
{
  return custos_record_get_string_at ((CustosRecord *) CUSTOS_ROLE (self),
                                      CUSTOS_ROLE_FIELD_AUTHORITY);
}

static inline void
custos_role_set_authority (CustosRole *self,
                           const char *value)
{
  custos_record_set_string_at ((CustosRecord *) CUSTOS_ROLE (self),
                               CUSTOS_ROLE_FIELD_AUTHORITY, value);
}

static inline gboolean
custos_role_get_top_management (CustosRole *self)
{
  return custos_record_get_bool_at ((CustosRecord *) CUSTOS_ROLE (self),
                                    CUSTOS_ROLE_FIELD_TOP_MANAGEMENT);
}

static inline void
custos_role_set_top_management (CustosRole *self,
                                gboolean value)
{
  custos_record_set_bool_at ((CustosRecord *) CUSTOS_ROLE (self),
                             CUSTOS_ROLE_FIELD_TOP_MANAGEMENT, value);
}

/* asset (CustosAsset, clause 6.1.2) ---------------------------------------- */

typedef enum
{
  CUSTOS_ASSET_FIELD_NAME,
  CUSTOS_ASSET_FIELD_TYPE,
  CUSTOS_ASSET_FIELD_OWNER,
  CUSTOS_ASSET_FIELD_LOCATION,
  CUSTOS_ASSET_FIELD_CLASSIFICATION,
  CUSTOS_ASSET_FIELD_DESCRIPTION,
  CUSTOS_ASSET_N_FIELDS
} CustosAssetField;

static inline const char *
custos_asset_get_name (CustosAsset *self)
{
  return custos_record_get_string_at ((CustosRecord *) CUSTOS_ASSET (self),
                                      CUSTOS_ASSET_FIELD_NAME);
}

static inline void
custos_asset_set_name (CustosAsset *self,
                       const char *value)
{
  custos_record_set_string_at ((CustosRecord *) CUSTOS_ASSET (self),
                               CUSTOS_ASSET_FIELD_NAME, value);
}

static inline CustosAssetType
custos_asset_get_asset_type (CustosAsset *self)
{
  return (CustosAssetType) custos_record_get_enum_at ((CustosRecord *) CUSTOS_ASSET (self),
                                                      CUSTOS_ASSET_FIELD_TYPE);
}

static inline void
custos_asset_set_asset_type (CustosAsset *self,
                             CustosAssetType value)
{
  custos_record_set_enum_at ((CustosRecord *) CUSTOS_ASSET (self),
                             CUSTOS_ASSET_FIELD_TYPE, value);
}

static inline const char *
custos_asset_get_owner (CustosAsset *self)
{
  return custos_record_get_string_at ((CustosRecord *) CUSTOS_ASSET (self),
                                      CUSTOS_ASSET_FIELD_OWNER);
}

static inline void
custos_asset_set_owner (CustosAsset *self,
                        const char *value)
{
  custos_record_set_string_at ((CustosRecord *) CUSTOS_ASSET (self),
                               CUSTOS_ASSET_FIELD_OWNER, value);
}

static inline const char *
custos_asset_get_location (CustosAsset *self)
{
  return custos_record_get_string_at ((CustosRecord *) CUSTOS_ASSET (self),
                                      CUSTOS_ASSET_FIELD_LOCATION);
}

static inline void
custos_asset_set_location (CustosAsset *self,
                           const char *value)
{
  custos_record_set_string_at ((CustosRecord *) CUSTOS_ASSET (self),
                               CUSTOS_ASSET_FIELD_LOCATION, value);
}

static inline CustosClassification
custos_asset_get_classification (CustosAsset *self)
{
  return (CustosClassification) custos_record_get_enum_at ((CustosRecord *) CUSTOS_ASSET (self),
                                                           CUSTOS_ASSET_FIELD_CLASSIFICATION);
}

static inline void
custos_asset_set_classification (CustosAsset *self,
                                 CustosClassification value)
{
  custos_record_set_enum_at ((CustosRecord *) CUSTOS_ASSET (self),
                             CUSTOS_ASSET_FIELD_CLASSIFICATION, value);
}

static inline const char *
custos_asset_get_description (CustosAsset *self)
{
  return custos_record_get_string_at ((CustosRecord *) CUSTOS_ASSET (self),
                                      CUSTOS_ASSET_FIELD_DESCRIPTION);
}

static inline void
custos_asset_set_description (CustosAsset *self,
                              const char *value)
{
  custos_record_set_string_at ((CustosRecord *) CUSTOS_ASSET (self),
                               CUSTOS_ASSET_FIELD_DESCRIPTION, value);
}

/* risk (CustosRisk, clause 6.1.2) ------------------------------------------ */

typedef enum
{
  CUSTOS_RISK_FIELD_TITLE,
  CUSTOS_RISK_FIELD_ASSETS,
  CUSTOS_RISK_FIELD_THREAT,
  CUSTOS_RISK_FIELD_VULNERABILITY,
  CUSTOS_RISK_FIELD_EXISTING_CONTROLS,
  CUSTOS_RISK_FIELD_LIKELIHOOD,
  CUSTOS_RISK_FIELD_CONSEQUENCE,
  CUSTOS_RISK_FIELD_OWNER,
  CUSTOS_RISK_FIELD_TREATMENT,
  CUSTOS_RISK_FIELD_CONTROLS,
  CUSTOS_RISK_FIELD_CUSTOM_CONTROLS,
  CUSTOS_RISK_FIELD_RESIDUAL_LIKELIHOOD,
  CUSTOS_RISK_FIELD_RESIDUAL_CONSEQUENCE,
  CUSTOS_RISK_FIELD_ACCEPTED_BY,
  CUSTOS_RISK_FIELD_ACCEPTED,
  CUSTOS_RISK_FIELD_MANAGEMENT_APPROVAL,
  CUSTOS_RISK_FIELD_STATUS,
  CUSTOS_RISK_FIELD_NEXT_REVIEW,
  CUSTOS_RISK_N_FIELDS
} CustosRiskField;

static inline const char *
custos_risk_get_title (CustosRisk *self)
{
  return custos_record_get_string_at ((CustosRecord *) CUSTOS_RISK (self),
                                      CUSTOS_RISK_FIELD_TITLE);
}

static inline void
custos_risk_set_title (CustosRisk *self,
                       const char *value)
{
  custos_record_set_string_at ((CustosRecord *) CUSTOS_RISK (self),
                               CUSTOS_RISK_FIELD_TITLE, value);
}

static inline const char * const *
custos_risk_get_assets (CustosRisk *self)
{
  return custos_record_get_strv_at ((CustosRecord *) CUSTOS_RISK (self),
                                    CUSTOS_RISK_FIELD_ASSETS);
}

static inline void
custos_risk_set_assets (CustosRisk *self,
                        const char * const *value)
{
  custos_record_set_strv_at ((CustosRecord *) CUSTOS_RISK (self),
                             CUSTOS_RISK_FIELD_ASSETS, value);
}

static inline const char *
custos_risk_get_threat (CustosRisk *self)
{
  return custos_record_get_string_at ((CustosRecord *) CUSTOS_RISK (self),
                                      CUSTOS_RISK_FIELD_THREAT);
}

static inline void
custos_risk_set_threat (CustosRisk *self,
                        const char *value)
{
  custos_record_set_string_at ((CustosRecord *) CUSTOS_RISK (self),
                               CUSTOS_RISK_FIELD_THREAT, value);
}

static inline const char *
custos_risk_get_vulnerability (CustosRisk *self)
{
  return custos_record_get_string_at ((CustosRecord *) CUSTOS_RISK (self),
                                      CUSTOS_RISK_FIELD_VULNERABILITY);
}

static inline void
custos_risk_set_vulnerability (CustosRisk *self,
                               const char *value)
{
  custos_record_set_string_at ((CustosRecord *) CUSTOS_RISK (self),
                               CUSTOS_RISK_FIELD_VULNERABILITY, value);
}

static inline const char *
custos_risk_get_existing_controls (CustosRisk *self)
{
  return custos_record_get_string_at ((CustosRecord *) CUSTOS_RISK (self),
                                      CUSTOS_RISK_FIELD_EXISTING_CONTROLS);
}

static inline void
custos_risk_set_existing_controls (CustosRisk *self,
                                   const char *value)
{
  custos_record_set_string_at ((CustosRecord *) CUSTOS_RISK (self),
                               CUSTOS_RISK_FIELD_EXISTING_CONTROLS, value);
}

static inline int
custos_risk_get_likelihood (CustosRisk *self)
{
  return custos_record_get_int_at ((CustosRecord *) CUSTOS_RISK (self),
                                   CUSTOS_RISK_FIELD_LIKELIHOOD);
}

static inline void
custos_risk_set_likelihood (CustosRisk *self,
                            int value)
{
  custos_record_set_int_at ((CustosRecord *) CUSTOS_RISK (self),
                            CUSTOS_RISK_FIELD_LIKELIHOOD, value);
}

static inline int
custos_risk_get_consequence (CustosRisk *self)
{
  return custos_record_get_int_at ((CustosRecord *) CUSTOS_RISK (self),
                                   CUSTOS_RISK_FIELD_CONSEQUENCE);
}

static inline void
custos_risk_set_consequence (CustosRisk *self,
                             int value)
{
  custos_record_set_int_at ((CustosRecord *) CUSTOS_RISK (self),
                            CUSTOS_RISK_FIELD_CONSEQUENCE, value);
}

static inline const char *
custos_risk_get_owner (CustosRisk *self)
{
  return custos_record_get_string_at ((CustosRecord *) CUSTOS_RISK (self),
                                      CUSTOS_RISK_FIELD_OWNER);
}

static inline void
custos_risk_set_owner (CustosRisk *self,
                       const char *value)
{
  custos_record_set_string_at ((CustosRecord *) CUSTOS_RISK (self),
                               CUSTOS_RISK_FIELD_OWNER, value);
}

static inline CustosTreatment
custos_risk_get_treatment (CustosRisk *self)
{
  return (CustosTreatment) custos_record_get_enum_at ((CustosRecord *) CUSTOS_RISK (self),
                                                      CUSTOS_RISK_FIELD_TREATMENT);
}

static inline void
custos_risk_set_treatment (CustosRisk *self,
                           CustosTreatment value)
{
  custos_record_set_enum_at ((CustosRecord *) CUSTOS_RISK (self),
                             CUSTOS_RISK_FIELD_TREATMENT, value);
}

static inline const char * const *
custos_risk_get_controls (CustosRisk *self)
{
  return custos_record_get_strv_at ((CustosRecord *) CUSTOS_RISK (self),
                                    CUSTOS_RISK_FIELD_CONTROLS);
}

static inline void
custos_risk_set_controls (CustosRisk *self,
                          const char * const *value)
{
  custos_record_set_strv_at ((CustosRecord *) CUSTOS_RISK (self),
                             CUSTOS_RISK_FIELD_CONTROLS, value);
}

static inline const char *
custos_risk_get_custom_controls (CustosRisk *self)
{
  return custos_record_get_string_at ((CustosRecord *) CUSTOS_RISK (self),
                                      CUSTOS_RISK_FIELD_CUSTOM_CONTROLS);
}

static inline void
custos_risk_set_custom_controls (CustosRisk *self,
                                 const char *value)
{
  custos_record_set_string_at ((CustosRecord *) CUSTOS_RISK (self),
                               CUSTOS_RISK_FIELD_CUSTOM_CONTROLS, value);
}

static inline int
custos_risk_get_residual_likelihood (CustosRisk *self)
{
  return custos_record_get_int_at ((CustosRecord *) CUSTOS_RISK (self),
                                   CUSTOS_RISK_FIELD_RESIDUAL_LIKELIHOOD);
}

static inline void
custos_risk_set_residual_likelihood (CustosRisk *self,
                                     int value)
{
  custos_record_set_int_at ((CustosRecord *) CUSTOS_RISK (self),
                            CUSTOS_RISK_FIELD_RESIDUAL_LIKELIHOOD, value);
}

static inline int
custos_risk_get_residual_consequence (CustosRisk *self)
{
  return custos_record_get_int_at ((CustosRecord *) CUSTOS_RISK (self),
                                   CUSTOS_RISK_FIELD_RESIDUAL_CONSEQUENCE);
}

static inline void
custos_risk_set_residual_consequence (CustosRisk *self,
                                      int value)
{
  custos_record_set_int_at ((CustosRecord *) CUSTOS_RISK (self),
                            CUSTOS_RISK_FIELD_RESIDUAL_CONSEQUENCE, value);
}

static inline const char *
custos_risk_get_accepted_by (CustosRisk *self)
{
  return custos_record_get_string_at ((CustosRecord *) CUSTOS_RISK (self),
                                      CUSTOS_RISK_FIELD_ACCEPTED_BY);
}

static inline void
custos_risk_set_accepted_by (CustosRisk *self,
                             const char *value)
{
  custos_record_set_string_at ((CustosRecord *) CUSTOS_RISK (self),
                               CUSTOS_RISK_FIELD_ACCEPTED_BY, value);
}

static inline const char *
custos_risk_get_accepted (CustosRisk *self)
{
  return custos_record_get_string_at ((CustosRecord *) CUSTOS_RISK (self),
                                      CUSTOS_RISK_FIELD_ACCEPTED);
}

static inline void
custos_risk_set_accepted (CustosRisk *self,
                          const char *value)
{
  custos_record_set_string_at ((CustosRecord *) CUSTOS_RISK (self),
                               CUSTOS_RISK_FIELD_ACCEPTED, value);
}

static inline gboolean
custos_risk_get_management_approval (CustosRisk *self)
{
  return custos_record_get_bool_at ((CustosRecord *) CUSTOS_RISK (self),
                                    CUSTOS_RISK_FIELD_MANAGEMENT_APPROVAL);
}

static inline void
custos_risk_set_management_approval (CustosRisk *self,
                                     gboolean value)
{
  custos_record_set_bool_at ((CustosRecord *) CUSTOS_RISK (self),
                             CUSTOS_RISK_FIELD_MANAGEMENT_APPROVAL, value);
}

static inline CustosRiskStatus
custos_risk_get_status (CustosRisk *self)
{
  return (CustosRiskStatus) custos_record_get_enum_at ((CustosRecord *) CUSTOS_RISK (self),
                                                       CUSTOS_RISK_FIELD_STATUS);
}

static inline void
custos_risk_set_status (CustosRisk *self,
                        CustosRiskStatus value)
{
  custos_record_set_enum_at ((CustosRecord *) CUSTOS_RISK (self),
                             CUSTOS_RISK_FIELD_STATUS, value);
}

static inline const char *
custos_risk_get_next_review (CustosRisk *self)
{
  return custos_record_get_string_at ((CustosRecord *) CUSTOS_RISK (self),
                                      CUSTOS_RISK_FIELD_NEXT_REVIEW);
}

static inline void
custos_risk_set_next_review (CustosRisk *self,
                             const char *value)
{
  custos_record_set_string_at ((CustosRecord *) CUSTOS_RISK (self),
                               CUSTOS_RISK_FIELD_NEXT_REVIEW, value);
}

/* action (CustosAction, clause 6.1.3) -------------------------------------- */

typedef enum
{
  CUSTOS_ACTION_FIELD_TITLE,
  CUSTOS_ACTION_FIELD_RISK,
  CUSTOS_ACTION_FIELD_CONTROLS,
  CUSTOS_ACTION_FIELD_OWNER,
  CUSTOS_ACTION_FIELD_RESOURCES,
  CUSTOS_ACTION_FIELD_DUE,
  CUSTOS_ACTION_FIELD_STATUS,
  CUSTOS_ACTION_FIELD_EVIDENCE,
  CUSTOS_ACTION_N_FIELDS
} CustosActionField;

static inline const char *
custos_action_get_title (CustosAction *self)
{
  return custos_record_get_string_at ((CustosRecord *) CUSTOS_ACTION (self),
                                      CUSTOS_ACTION_FIELD_TITLE);
}

static inline void
custos_action_set_title (CustosAction *self,
                         const char *value)
{
  custos_record_set_string_at ((CustosRecord *) CUSTOS_ACTION (self),
                               CUSTOS_ACTION_FIELD_TITLE, value);
}

static inline const char *
custos_action_get_risk (CustosAction *self)
{
  return custos_record_get_string_at ((CustosRecord *) CUSTOS_ACTION (self),
                                      CUSTOS_ACTION_FIELD_RISK);
}

static inline void
custos_action_set_risk (CustosAction *self,
                        const char *value)
{
  custos_record_set_string_at ((CustosRecord *) CUSTOS_ACTION (self),
                               CUSTOS_ACTION_FIELD_RISK, value);
}

static inline const char * const *
custos_action_get_controls (CustosAction *self)
{
  return custos_record_get_strv_at ((CustosRecord *) CUSTOS_ACTION (self),
                                    CUSTOS_ACTION_FIELD_CONTROLS);
}

static inline void
custos_action_set_controls (CustosAction *self,
                            const char * const *value)
{
  custos_record_set_strv_at ((CustosRecord *) CUSTOS_ACTION (self),
                             CUSTOS_ACTION_FIELD_CONTROLS, value);
}

static inline const char *
custos_action_get_owner (CustosAction *self)
{
  return custos_record_get_string_at ((CustosRecord *) CUSTOS_ACTION (self),
                                      CUSTOS_ACTION_FIELD_OWNER);
}

static inline void
custos_action_set_owner (CustosAction *self,
                         const char *value)
{
  custos_record_set_string_at ((CustosRecord *) CUSTOS_ACTION (self),
                               CUSTOS_ACTION_FIELD_OWNER, value);
}

static inline const char *
custos_action_get_resources (CustosAction *self)
{
  return custos_record_get_string_at ((CustosRecord *) CUSTOS_ACTION (self),
                                      CUSTOS_ACTION_FIELD_RESOURCES);
}

static inline void
custos_action_set_resources (CustosAction *self,
                             const char *value)
{
  custos_record_set_string_at ((CustosRecord *) CUSTOS_ACTION (self),
                               CUSTOS_ACTION_FIELD_RESOURCES, value);
}

static inline const char *
custos_action_get_due (CustosAction *self)
{
  return custos_record_get_string_at ((CustosRecord *) CUSTOS_ACTION (self),
                                      CUSTOS_ACTION_FIELD_DUE);
}

static inline void
custos_action_set_due (CustosAction *self,
                       const char *value)
{
  custos_record_set_string_at ((CustosRecord *) CUSTOS_ACTION (self),
                               CUSTOS_ACTION_FIELD_DUE, value);
}

static inline CustosActionStatus
custos_action_get_status (CustosAction *self)
{
  return (CustosActionStatus) custos_record_get_enum_at ((CustosRecord *) CUSTOS_ACTION (self),
                                                         CUSTOS_ACTION_FIELD_STATUS);
}

static inline void
custos_action_set_status (CustosAction *self,
                          CustosActionStatus value)
{
  custos_record_set_enum_at ((CustosRecord *) CUSTOS_ACTION (self),
                             CUSTOS_ACTION_FIELD_STATUS, value);
}

static inline const char *
custos_action_get_evidence (CustosAction *self)
{
  return custos_record_get_string_at ((CustosRecord *) CUSTOS_ACTION (self),
                                      CUSTOS_ACTION_FIELD_EVIDENCE);
}

static inline void
custos_action_set_evidence (CustosAction *self,
                            const char *value)
{
  custos_record_set_string_at ((CustosRecord *) CUSTOS_ACTION (self),
                               CUSTOS_ACTION_FIELD_EVIDENCE, value);
}

/* control (CustosSoaEntry, clause 6.1.3) ----------------------------------- */

typedef enum
{
  CUSTOS_SOA_ENTRY_FIELD_APPLICABLE,
  CUSTOS_SOA_ENTRY_FIELD_REASONS,
  CUSTOS_SOA_ENTRY_FIELD_IMPLEMENTATION,
  CUSTOS_SOA_ENTRY_FIELD_JUSTIFICATION,
  CUSTOS_SOA_ENTRY_FIELD_HOW_APPLIED,
  CUSTOS_SOA_ENTRY_FIELD_DOCUMENT,
  CUSTOS_SOA_ENTRY_FIELD_OWNER,
  CUSTOS_SOA_ENTRY_FIELD_REVIEW,
  CUSTOS_SOA_ENTRY_FIELD_MIGRATION_NOTE,
  CUSTOS_SOA_ENTRY_N_FIELDS
} CustosSoaEntryField;

static inline CustosApplicability
custos_soa_entry_get_applicable (CustosSoaEntry *self)
{
  return (CustosApplicability) custos_record_get_enum_at ((CustosRecord *) CUSTOS_SOA_ENTRY (self),
                                                          CUSTOS_SOA_ENTRY_FIELD_APPLICABLE);
}

static inline void
custos_soa_entry_set_applicable (CustosSoaEntry *self,
                                 CustosApplicability value)
{
  custos_record_set_enum_at ((CustosRecord *) CUSTOS_SOA_ENTRY (self),
                             CUSTOS_SOA_ENTRY_FIELD_APPLICABLE, value);
}

static inline CustosReason
custos_soa_entry_get_reasons (CustosSoaEntry *self)
{
  return (CustosReason) custos_record_get_enum_at ((CustosRecord *) CUSTOS_SOA_ENTRY (self),
                                                   CUSTOS_SOA_ENTRY_FIELD_REASONS);
}

static inline void
custos_soa_entry_set_reasons (CustosSoaEntry *self,
                              CustosReason value)
{
  custos_record_set_enum_at ((CustosRecord *) CUSTOS_SOA_ENTRY (self),
                             CUSTOS_SOA_ENTRY_FIELD_REASONS, value);
}

static inline CustosImplementation
custos_soa_entry_get_implementation (CustosSoaEntry *self)
{
  return (CustosImplementation) custos_record_get_enum_at ((CustosRecord *) CUSTOS_SOA_ENTRY (self),
                                                           CUSTOS_SOA_ENTRY_FIELD_IMPLEMENTATION);
}

static inline void
custos_soa_entry_set_implementation (CustosSoaEntry *self,
                                     CustosImplementation value)
{
  custos_record_set_enum_at ((CustosRecord *) CUSTOS_SOA_ENTRY (self),
                             CUSTOS_SOA_ENTRY_FIELD_IMPLEMENTATION, value);
}

static inline const char *
custos_soa_entry_get_justification (CustosSoaEntry *self)
{
  return custos_record_get_string_at ((CustosRecord *) CUSTOS_SOA_ENTRY (self),
                                      CUSTOS_SOA_ENTRY_FIELD_JUSTIFICATION);
}

static inline void
custos_soa_entry_set_justification (CustosSoaEntry *self,
                                    const char *value)
{
  custos_record_set_string_at ((CustosRecord *) CUSTOS_SOA_ENTRY (self),
                               CUSTOS_SOA_ENTRY_FIELD_JUSTIFICATION, value);
}

static inline const char *
custos_soa_entry_get_how_applied (CustosSoaEntry *self)
{
  return custos_record_get_string_at ((CustosRecord *) CUSTOS_SOA_ENTRY (self),
                                      CUSTOS_SOA_ENTRY_FIELD_HOW_APPLIED);
}

static inline void
custos_soa_entry_set_how_applied (CustosSoaEntry *self,
                                  const char *value)
{
  custos_record_set_string_at ((CustosRecord *) CUSTOS_SOA_ENTRY (self),
                               CUSTOS_SOA_ENTRY_FIELD_HOW_APPLIED, value);
}

static inline const char *
custos_soa_entry_get_document (CustosSoaEntry *self)
{
  return custos_record_get_string_at ((CustosRecord *) CUSTOS_SOA_ENTRY (self),
                                      CUSTOS_SOA_ENTRY_FIELD_DOCUMENT);
}

static inline void
custos_soa_entry_set_document (CustosSoaEntry *self,
                               const char *value)
{
  custos_record_set_string_at ((CustosRecord *) CUSTOS_SOA_ENTRY (self),
                               CUSTOS_SOA_ENTRY_FIELD_DOCUMENT, value);
}

static inline const char *
custos_soa_entry_get_owner (CustosSoaEntry *self)
{
  return custos_record_get_string_at ((CustosRecord *) CUSTOS_SOA_ENTRY (self),
                                      CUSTOS_SOA_ENTRY_FIELD_OWNER);
}

static inline void
custos_soa_entry_set_owner (CustosSoaEntry *self,
                            const char *value)
{
  custos_record_set_string_at ((CustosRecord *) CUSTOS_SOA_ENTRY (self),
                               CUSTOS_SOA_ENTRY_FIELD_OWNER, value);
}

static inline gboolean
custos_soa_entry_get_review (CustosSoaEntry *self)
{
  return custos_record_get_bool_at ((CustosRecord *) CUSTOS_SOA_ENTRY (self),
                                    CUSTOS_SOA_ENTRY_FIELD_REVIEW);
}

static inline void
custos_soa_entry_set_review (CustosSoaEntry *self,
                             gboolean value)
{
  custos_record_set_bool_at ((CustosRecord *) CUSTOS_SOA_ENTRY (self),
                             CUSTOS_SOA_ENTRY_FIELD_REVIEW, value);
}

static inline const char *
custos_soa_entry_get_migration_note (CustosSoaEntry *self)
{
  return custos_record_get_string_at ((CustosRecord *) CUSTOS_SOA_ENTRY (self),
                                      CUSTOS_SOA_ENTRY_FIELD_MIGRATION_NOTE);
}

static inline void
custos_soa_entry_set_migration_note (CustosSoaEntry *self,
                                     const char *value)
{
  custos_record_set_string_at ((CustosRecord *) CUSTOS_SOA_ENTRY (self),
                               CUSTOS_SOA_ENTRY_FIELD_MIGRATION_NOTE, value);
}

/* evidence (CustosEvidence, clause 6.1.3 d) -------------------------------- */

typedef enum
{
  CUSTOS_EVIDENCE_FIELD_TITLE,
  CUSTOS_EVIDENCE_FIELD_CONTROLS,
  CUSTOS_EVIDENCE_FIELD_DOCUMENT,
  CUSTOS_EVIDENCE_FIELD_LOCATION,
  CUSTOS_EVIDENCE_FIELD_DATE,
  CUSTOS_EVIDENCE_FIELD_SHA256,
  CUSTOS_EVIDENCE_FIELD_VERIFIED,
  CUSTOS_EVIDENCE_FIELD_VERIFIED_BY,
  CUSTOS_EVIDENCE_N_FIELDS
} CustosEvidenceField;

static inline const char *
custos_evidence_get_title (CustosEvidence *self)
{
  return custos_record_get_string_at ((CustosRecord *) CUSTOS_EVIDENCE (self),
                                      CUSTOS_EVIDENCE_FIELD_TITLE);
}

static inline void
custos_evidence_set_title (CustosEvidence *self,
                           const char *value)
{
  custos_record_set_string_at ((CustosRecord *) CUSTOS_EVIDENCE (self),
                               CUSTOS_EVIDENCE_FIELD_TITLE, value);
}

static inline const char * const *
custos_evidence_get_controls (CustosEvidence *self)
{
  return custos_record_get_strv_at ((CustosRecord *) CUSTOS_EVIDENCE (self),
                                    CUSTOS_EVIDENCE_FIELD_CONTROLS);
}

static inline void
custos_evidence_set_controls (CustosEvidence *self,
                              const char * const *value)
{
  custos_record_set_strv_at ((CustosRecord *) CUSTOS_EVIDENCE (self),
                             CUSTOS_EVIDENCE_FIELD_CONTROLS, value);
}

static inline const char *
custos_evidence_get_document (CustosEvidence *self)
{
  return custos_record_get_string_at ((CustosRecord *) CUSTOS_EVIDENCE (self),
                                      CUSTOS_EVIDENCE_FIELD_DOCUMENT);
}

static inline void
custos_evidence_set_document (CustosEvidence *self,
                              const char *value)
{
  custos_record_set_string_at ((CustosRecord *) CUSTOS_EVIDENCE (self),
                               CUSTOS_EVIDENCE_FIELD_DOCUMENT, value);
}

static inline const char *
custos_evidence_get_location (CustosEvidence *self)
{
  return custos_record_get_string_at ((CustosRecord *) CUSTOS_EVIDENCE (self),
                                      CUSTOS_EVIDENCE_FIELD_LOCATION);
}

static inline void
custos_evidence_set_location (CustosEvidence *self,
                              const char *value)
{
  custos_record_set_string_at ((CustosRecord *) CUSTOS_EVIDENCE (self),
                               CUSTOS_EVIDENCE_FIELD_LOCATION, value);
}

static inline const char *
custos_evidence_get_date (CustosEvidence *self)
{
  return custos_record_get_string_at ((CustosRecord *) CUSTOS_EVIDENCE (self),
                                      CUSTOS_EVIDENCE_FIELD_DATE);
}

static inline void
custos_evidence_set_date (CustosEvidence *self,
                          const char *value)
{
  custos_record_set_string_at ((CustosRecord *) CUSTOS_EVIDENCE (self),
                               CUSTOS_EVIDENCE_FIELD_DATE, value);
}

static inline const char *
custos_evidence_get_sha256 (CustosEvidence *self)
{
  return custos_record_get_string_at ((CustosRecord *) CUSTOS_EVIDENCE (self),
                                      CUSTOS_EVIDENCE_FIELD_SHA256);
}

static inline void
custos_evidence_set_sha256 (CustosEvidence *self,
                            const char *value)
{
  custos_record_set_string_at ((CustosRecord *) CUSTOS_EVIDENCE (self),
                               CUSTOS_EVIDENCE_FIELD_SHA256, value);
}

static inline const char *
custos_evidence_get_verified (CustosEvidence *self)
{
  return custos_record_get_string_at ((CustosRecord *) CUSTOS_EVIDENCE (self),
                                      CUSTOS_EVIDENCE_FIELD_VERIFIED);
}

static inline void
custos_evidence_set_verified (CustosEvidence *self,
                              const char *value)
{
  custos_record_set_string_at ((CustosRecord *) CUSTOS_EVIDENCE (self),
                               CUSTOS_EVIDENCE_FIELD_VERIFIED, value);
}

static inline const char *
custos_evidence_get_verified_by (CustosEvidence *self)
{
  return custos_record_get_string_at ((CustosRecord *) CUSTOS_EVIDENCE (self),
                                      CUSTOS_EVIDENCE_FIELD_VERIFIED_BY);
}

static inline void
custos_evidence_set_verified_by (CustosEvidence *self,
                                 const char *value)
{
  custos_record_set_string_at ((CustosRecord *) CUSTOS_EVIDENCE (self),
                               CUSTOS_EVIDENCE_FIELD_VERIFIED_BY, value);
}

/* objective (CustosObjective, clause 6.2) ---------------------------------- */

typedef enum
{
  CUSTOS_OBJECTIVE_FIELD_TITLE,
  CUSTOS_OBJECTIVE_FIELD_TARGET,
  CUSTOS_OBJECTIVE_FIELD_MEASURE,
  CUSTOS_OBJECTIVE_FIELD_OWNER,
  CUSTOS_OBJECTIVE_FIELD_RESOURCES,
  CUSTOS_OBJECTIVE_FIELD_DUE,
  CUSTOS_OBJECTIVE_FIELD_ONGOING,
  CUSTOS_OBJECTIVE_FIELD_PROGRESS,
  CUSTOS_OBJECTIVE_FIELD_STATUS,
  CUSTOS_OBJECTIVE_N_FIELDS
} CustosObjectiveField;

static inline const char *
custos_objective_get_title (CustosObjective *self)
{
  return custos_record_get_string_at ((CustosRecord *) CUSTOS_OBJECTIVE (self),
                                      CUSTOS_OBJECTIVE_FIELD_TITLE);
}

static inline void
custos_objective_set_title (CustosObjective *self,
                            const char *value)
{
  custos_record_set_string_at ((CustosRecord *) CUSTOS_OBJECTIVE (self),
                               CUSTOS_OBJECTIVE_FIELD_TITLE, value);
}

static inline const char *
custos_objective_get_target (CustosObjective *self)
{
  return custos_record_get_string_at ((CustosRecord *) CUSTOS_OBJECTIVE (self),
                                      CUSTOS_OBJECTIVE_FIELD_TARGET);
}

static inline void
custos_objective_set_target (CustosObjective *self,
                             const char *value)
{
  custos_record_set_string_at ((CustosRecord *) CUSTOS_OBJECTIVE (self),
                               CUSTOS_OBJECTIVE_FIELD_TARGET, value);
}

static inline const char *
custos_objective_get_measure (CustosObjective *self)
{
  return custos_record_get_string_at ((CustosRecord *) CUSTOS_OBJECTIVE (self),
                                      CUSTOS_OBJECTIVE_FIELD_MEASURE);
}

static inline void
custos_objective_set_measure (CustosObjective *self,
                              const char *value)
{
  custos_record_set_string_at ((CustosRecord *) CUSTOS_OBJECTIVE (self),
                               CUSTOS_OBJECTIVE_FIELD_MEASURE, value);
}

static inline const char *
custos_objective_get_owner (CustosObjective *self)
{
  return custos_record_get_string_at ((CustosRecord *) CUSTOS_OBJECTIVE (self),
                                      CUSTOS_OBJECTIVE_FIELD_OWNER);
}

static inline void
custos_objective_set_owner (CustosObjective *self,
                            const char *value)
{
  custos_record_set_string_at ((CustosRecord *) CUSTOS_OBJECTIVE (self),
                               CUSTOS_OBJECTIVE_FIELD_OWNER, value);
}

static inline const char *
custos_objective_get_resources (CustosObjective *self)
{
  return custos_record_get_string_at ((CustosRecord *) CUSTOS_OBJECTIVE (self),
                                      CUSTOS_OBJECTIVE_FIELD_RESOURCES);
}

static inline void
custos_objective_set_resources (CustosObjective *self,
                                const char *value)
{
  custos_record_set_string_at ((CustosRecord *) CUSTOS_OBJECTIVE (self),
                               CUSTOS_OBJECTIVE_FIELD_RESOURCES, value);
}

static inline const char *
custos_objective_get_due (CustosObjective *self)
{
  return custos_record_get_string_at ((CustosRecord *) CUSTOS_OBJECTIVE (self),
                                      CUSTOS_OBJECTIVE_FIELD_DUE);
}

static inline void
custos_objective_set_due (CustosObjective *self,
                          const char *value)
{
  custos_record_set_string_at ((CustosRecord *) CUSTOS_OBJECTIVE (self),
                               CUSTOS_OBJECTIVE_FIELD_DUE, value);
}

static inline gboolean
custos_objective_get_ongoing (CustosObjective *self)
{
  return custos_record_get_bool_at ((CustosRecord *) CUSTOS_OBJECTIVE (self),
                                    CUSTOS_OBJECTIVE_FIELD_ONGOING);
}

static inline void
custos_objective_set_ongoing (CustosObjective *self,
                              gboolean value)
{
  custos_record_set_bool_at ((CustosRecord *) CUSTOS_OBJECTIVE (self),
                             CUSTOS_OBJECTIVE_FIELD_ONGOING, value);
}

static inline int
custos_objective_get_progress (CustosObjective *self)
{
  return custos_record_get_int_at ((CustosRecord *) CUSTOS_OBJECTIVE (self),
                                   CUSTOS_OBJECTIVE_FIELD_PROGRESS);
}

static inline void
custos_objective_set_progress (CustosObjective *self,
                               int value)
{
  custos_record_set_int_at ((CustosRecord *) CUSTOS_OBJECTIVE (self),
                            CUSTOS_OBJECTIVE_FIELD_PROGRESS, value);
}

static inline CustosObjectiveStatus
custos_objective_get_status (CustosObjective *self)
{
  return (CustosObjectiveStatus) custos_record_get_enum_at ((CustosRecord *) CUSTOS_OBJECTIVE (self),
                                                            CUSTOS_OBJECTIVE_FIELD_STATUS);
}

static inline void
custos_objective_set_status (CustosObjective *self,
                             CustosObjectiveStatus value)
{
  custos_record_set_enum_at ((CustosRecord *) CUSTOS_OBJECTIVE (self),
                             CUSTOS_OBJECTIVE_FIELD_STATUS, value);
}

/* competence (CustosCompetence, clause 7.2) -------------------------------- */

typedef enum
{
  CUSTOS_COMPETENCE_FIELD_ROLE,
  CUSTOS_COMPETENCE_FIELD_REQUIREMENT,
  CUSTOS_COMPETENCE_FIELD_VERIFICATION,
  CUSTOS_COMPETENCE_N_FIELDS
} CustosCompetenceField;

static inline const char *
custos_competence_get_role (CustosCompetence *self)
{
  return custos_record_get_string_at ((CustosRecord *) CUSTOS_COMPETENCE (self),
                                      CUSTOS_COMPETENCE_FIELD_ROLE);
}

static inline void
custos_competence_set_role (CustosCompetence *self,
                            const char *value)
{
  custos_record_set_string_at ((CustosRecord *) CUSTOS_COMPETENCE (self),
                               CUSTOS_COMPETENCE_FIELD_ROLE, value);
}

static inline const char *
custos_competence_get_requirement (CustosCompetence *self)
{
  return custos_record_get_string_at ((CustosRecord *) CUSTOS_COMPETENCE (self),
                                      CUSTOS_COMPETENCE_FIELD_REQUIREMENT);
}

static inline void
custos_competence_set_requirement (CustosCompetence *self,
                                   const char *value)
{
  custos_record_set_string_at ((CustosRecord *) CUSTOS_COMPETENCE (self),
                               CUSTOS_COMPETENCE_FIELD_REQUIREMENT, value);
}

static inline const char *
custos_competence_get_verification (CustosCompetence *self)
{
  return custos_record_get_string_at ((CustosRecord *) CUSTOS_COMPETENCE (self),
                                      CUSTOS_COMPETENCE_FIELD_VERIFICATION);
}

static inline void
custos_competence_set_verification (CustosCompetence *self,
                                    const char *value)
{
  custos_record_set_string_at ((CustosRecord *) CUSTOS_COMPETENCE (self),
                               CUSTOS_COMPETENCE_FIELD_VERIFICATION, value);
}

/* training (CustosTraining, clause 7.2) ------------------------------------ */

typedef enum
{
  CUSTOS_TRAINING_FIELD_PERSON,
  CUSTOS_TRAINING_FIELD_TOPIC,
  CUSTOS_TRAINING_FIELD_KIND,
  CUSTOS_TRAINING_FIELD_DATE,
  CUSTOS_TRAINING_FIELD_EVIDENCE,
  CUSTOS_TRAINING_FIELD_EXPIRY,
  CUSTOS_TRAINING_N_FIELDS
} CustosTrainingField;

static inline const char *
custos_training_get_person (CustosTraining *self)
{
  return custos_record_get_string_at ((CustosRecord *) CUSTOS_TRAINING (self),
                                      CUSTOS_TRAINING_FIELD_PERSON);
}

static inline void
custos_training_set_person (CustosTraining *self,
                            const char *value)
{
  custos_record_set_string_at ((CustosRecord *) CUSTOS_TRAINING (self),
                               CUSTOS_TRAINING_FIELD_PERSON, value);
}

static inline const char *
custos_training_get_topic (CustosTraining *self)
{
  return custos_record_get_string_at ((CustosRecord *) CUSTOS_TRAINING (self),
                                      CUSTOS_TRAINING_FIELD_TOPIC);
}

static inline void
custos_training_set_topic (CustosTraining *self,
                           const char *value)
{
  custos_record_set_string_at ((CustosRecord *) CUSTOS_TRAINING (self),
                               CUSTOS_TRAINING_FIELD_TOPIC, value);
}

static inline CustosTrainingKind
custos_training_get_kind (CustosTraining *self)
{
  return (CustosTrainingKind) custos_record_get_enum_at ((CustosRecord *) CUSTOS_TRAINING (self),
                                                         CUSTOS_TRAINING_FIELD_KIND);
}

static inline void
custos_training_set_kind (CustosTraining *self,
                          CustosTrainingKind value)
{
  custos_record_set_enum_at ((CustosRecord *) CUSTOS_TRAINING (self),
                             CUSTOS_TRAINING_FIELD_KIND, value);
}

static inline const char *
custos_training_get_date (CustosTraining *self)
{
  return custos_record_get_string_at ((CustosRecord *) CUSTOS_TRAINING (self),
                                      CUSTOS_TRAINING_FIELD_DATE);
}

static inline void
custos_training_set_date (CustosTraining *self,
                          const char *value)
{
  custos_record_set_string_at ((CustosRecord *) CUSTOS_TRAINING (self),
                               CUSTOS_TRAINING_FIELD_DATE, value);
}

static inline const char *
custos_training_get_evidence (CustosTraining *self)
{
  return custos_record_get_string_at ((CustosRecord *) CUSTOS_TRAINING (self),
                                      CUSTOS_TRAINING_FIELD_EVIDENCE);
}

static inline void
custos_training_set_evidence (CustosTraining *self,
                              const char *value)
{
  custos_record_set_string_at ((CustosRecord *) CUSTOS_TRAINING (self),
                               CUSTOS_TRAINING_FIELD_EVIDENCE, value);
}

static inline const char *
custos_training_get_expiry (CustosTraining *self)
{
  return custos_record_get_string_at ((CustosRecord *) CUSTOS_TRAINING (self),
                                      CUSTOS_TRAINING_FIELD_EXPIRY);
}

static inline void
custos_training_set_expiry (CustosTraining *self,
                            const char *value)
{
  custos_record_set_string_at ((CustosRecord *) CUSTOS_TRAINING (self),
                               CUSTOS_TRAINING_FIELD_EXPIRY, value);
}

/* communication (CustosCommunication, clause 7.4) -------------------------- */

typedef enum
{
  CUSTOS_COMMUNICATION_FIELD_SUBJECT,
  CUSTOS_COMMUNICATION_FIELD_WHEN,
  CUSTOS_COMMUNICATION_FIELD_AUDIENCE,
  CUSTOS_COMMUNICATION_FIELD_SENDER,
  CUSTOS_COMMUNICATION_FIELD_CHANNEL,
  CUSTOS_COMMUNICATION_N_FIELDS
} CustosCommunicationField;

static inline const char *
custos_communication_get_subject (CustosCommunication *self)
{
  return custos_record_get_string_at ((CustosRecord *) CUSTOS_COMMUNICATION (self),
                                      CUSTOS_COMMUNICATION_FIELD_SUBJECT);
}

static inline void
custos_communication_set_subject (CustosCommunication *self,
                                  const char *value)
{
  custos_record_set_string_at ((CustosRecord *) CUSTOS_COMMUNICATION (self),
                               CUSTOS_COMMUNICATION_FIELD_SUBJECT, value);
}

static inline const char *
custos_communication_get_when (CustosCommunication *self)
{
  return custos_record_get_string_at ((CustosRecord *) CUSTOS_COMMUNICATION (self),
                                      CUSTOS_COMMUNICATION_FIELD_WHEN);
}

static inline void
custos_communication_set_when (CustosCommunication *self,
                               const char *value)
{
  custos_record_set_string_at ((CustosRecord *) CUSTOS_COMMUNICATION (self),
                               CUSTOS_COMMUNICATION_FIELD_WHEN, value);
}

static inline const char *
custos_communication_get_audience (CustosCommunication *self)
{
  return custos_record_get_string_at ((CustosRecord *) CUSTOS_COMMUNICATION (self),
                                      CUSTOS_COMMUNICATION_FIELD_AUDIENCE);
}

static inline void
custos_communication_set_audience (CustosCommunication *self,
                                   const char *value)
{
  custos_record_set_string_at ((CustosRecord *) CUSTOS_COMMUNICATION (self),
                               CUSTOS_COMMUNICATION_FIELD_AUDIENCE, value);
}

static inline const char *
custos_communication_get_sender (CustosCommunication *self)
{
  return custos_record_get_string_at ((CustosRecord *) CUSTOS_COMMUNICATION (self),
                                      CUSTOS_COMMUNICATION_FIELD_SENDER);
}

static inline void
custos_communication_set_sender (CustosCommunication *self,
                                 const char *value)
{
  custos_record_set_string_at ((CustosRecord *) CUSTOS_COMMUNICATION (self),
                               CUSTOS_COMMUNICATION_FIELD_SENDER, value);
}

static inline const char *
custos_communication_get_channel (CustosCommunication *self)
{
  return custos_record_get_string_at ((CustosRecord *) CUSTOS_COMMUNICATION (self),
                                      CUSTOS_COMMUNICATION_FIELD_CHANNEL);
}

static inline void
custos_communication_set_channel (CustosCommunication *self,
                                  const char *value)
{
  custos_record_set_string_at ((CustosRecord *) CUSTOS_COMMUNICATION (self),
                               CUSTOS_COMMUNICATION_FIELD_CHANNEL, value);
}

/* document (CustosControlledDocument, clause 7.5) -------------------------- */

typedef enum
{
  CUSTOS_CONTROLLED_DOCUMENT_FIELD_REFERENCE,
  CUSTOS_CONTROLLED_DOCUMENT_FIELD_TITLE,
  CUSTOS_CONTROLLED_DOCUMENT_FIELD_TYPE,
  CUSTOS_CONTROLLED_DOCUMENT_FIELD_VERSION,
  CUSTOS_CONTROLLED_DOCUMENT_FIELD_OWNER,
  CUSTOS_CONTROLLED_DOCUMENT_FIELD_APPROVER,
  CUSTOS_CONTROLLED_DOCUMENT_FIELD_APPROVED,
  CUSTOS_CONTROLLED_DOCUMENT_FIELD_NEXT_REVIEW,
  CUSTOS_CONTROLLED_DOCUMENT_FIELD_CLASSIFICATION,
  CUSTOS_CONTROLLED_DOCUMENT_FIELD_LOCATION,
  CUSTOS_CONTROLLED_DOCUMENT_FIELD_STATUS,
  CUSTOS_CONTROLLED_DOCUMENT_N_FIELDS
} CustosControlledDocumentField;

static inline const char *
custos_controlled_document_get_reference (CustosControlledDocument *self)
{
  return custos_record_get_string_at ((CustosRecord *) CUSTOS_CONTROLLED_DOCUMENT (self),
                                      CUSTOS_CONTROLLED_DOCUMENT_FIELD_REFERENCE);
}

static inline void
custos_controlled_document_set_reference (CustosControlledDocument *self,
                                          const char *value)
{
  custos_record_set_string_at ((CustosRecord *) CUSTOS_CONTROLLED_DOCUMENT (self),
                               CUSTOS_CONTROLLED_DOCUMENT_FIELD_REFERENCE, value);
}

static inline const char *
custos_controlled_document_get_title (CustosControlledDocument *self)
{
  return custos_record_get_string_at ((CustosRecord *) CUSTOS_CONTROLLED_DOCUMENT (self),
                                      CUSTOS_CONTROLLED_DOCUMENT_FIELD_TITLE);
}

static inline void
custos_controlled_document_set_title (CustosControlledDocument *self,
                                      const char *value)
{
  custos_record_set_string_at ((CustosRecord *) CUSTOS_CONTROLLED_DOCUMENT (self),
                               CUSTOS_CONTROLLED_DOCUMENT_FIELD_TITLE, value);
}

static inline CustosDocumentType
custos_controlled_document_get_document_type (CustosControlledDocument *self)
{
  return (CustosDocumentType) custos_record_get_enum_at ((CustosRecord *) CUSTOS_CONTROLLED_DOCUMENT (self),
                                                         CUSTOS_CONTROLLED_DOCUMENT_FIELD_TYPE);
}

static inline void
custos_controlled_document_set_document_type (CustosControlledDocument *self,
                                              CustosDocumentType value)
{
  custos_record_set_enum_at ((CustosRecord *) CUSTOS_CONTROLLED_DOCUMENT (self),
                             CUSTOS_CONTROLLED_DOCUMENT_FIELD_TYPE, value);
}

static inline const char *
custos_controlled_document_get_version (CustosControlledDocument *self)
{
  return custos_record_get_string_at ((CustosRecord *) CUSTOS_CONTROLLED_DOCUMENT (self),
                                      CUSTOS_CONTROLLED_DOCUMENT_FIELD_VERSION);
}

static inline void
custos_controlled_document_set_version (CustosControlledDocument *self,
                                        const char *value)
{
  custos_record_set_string_at ((CustosRecord *) CUSTOS_CONTROLLED_DOCUMENT (self),
                               CUSTOS_CONTROLLED_DOCUMENT_FIELD_VERSION, value);
}

static inline const char *
custos_controlled_document_get_owner (CustosControlledDocument *self)
{
  return custos_record_get_string_at ((CustosRecord *) CUSTOS_CONTROLLED_DOCUMENT (self),
                                      CUSTOS_CONTROLLED_DOCUMENT_FIELD_OWNER);
}

static inline void
custos_controlled_document_set_owner (CustosControlledDocument *self,
                                      const char *value)
{
  custos_record_set_string_at ((CustosRecord *) CUSTOS_CONTROLLED_DOCUMENT (self),
                               CUSTOS_CONTROLLED_DOCUMENT_FIELD_OWNER, value);
}

static inline const char *
custos_controlled_document_get_approver (CustosControlledDocument *self)
{
  return custos_record_get_string_at ((CustosRecord *) CUSTOS_CONTROLLED_DOCUMENT (self),
                                      CUSTOS_CONTROLLED_DOCUMENT_FIELD_APPROVER);
}

static inline void
custos_controlled_document_set_approver (CustosControlledDocument *self,
                                         const char *value)
{
  custos_record_set_string_at ((CustosRecord *) CUSTOS_CONTROLLED_DOCUMENT (self),
                               CUSTOS_CONTROLLED_DOCUMENT_FIELD_APPROVER, value);
}

static inline const char *
custos_controlled_document_get_approved (CustosControlledDocument *self)
{
  return custos_record_get_string_at ((CustosRecord *) CUSTOS_CONTROLLED_DOCUMENT (self),
                                      CUSTOS_CONTROLLED_DOCUMENT_FIELD_APPROVED);
}

static inline void
custos_controlled_document_set_approved (CustosControlledDocument *self,
                                         const char *value)
{
  custos_record_set_string_at ((CustosRecord *) CUSTOS_CONTROLLED_DOCUMENT (self),
                               CUSTOS_CONTROLLED_DOCUMENT_FIELD_APPROVED, value);
}

static inline const char *
custos_controlled_document_get_next_review (CustosControlledDocument *self)
{
  return custos_record_get_string_at ((CustosRecord *) CUSTOS_CONTROLLED_DOCUMENT (self),
                                      CUSTOS_CONTROLLED_DOCUMENT_FIELD_NEXT_REVIEW);
}

static inline void
custos_controlled_document_set_next_review (CustosControlledDocument *self,
                                            const char *value)
{
  custos_record_set_string_at ((CustosRecord *) CUSTOS_CONTROLLED_DOCUMENT (self),
                               CUSTOS_CONTROLLED_DOCUMENT_FIELD_NEXT_REVIEW, value);
}

static inline CustosClassification
custos_controlled_document_get_classification (CustosControlledDocument *self)
{
  return (CustosClassification) custos_record_get_enum_at ((CustosRecord *) CUSTOS_CONTROLLED_DOCUMENT (self),
                                                           CUSTOS_CONTROLLED_DOCUMENT_FIELD_CLASSIFICATION);
}

static inline void
custos_controlled_document_set_classification (CustosControlledDocument *self,
                                               CustosClassification value)
{
  custos_record_set_enum_at ((CustosRecord *) CUSTOS_CONTROLLED_DOCUMENT (self),
                             CUSTOS_CONTROLLED_DOCUMENT_FIELD_CLASSIFICATION, value);
}

static inline const char *
custos_controlled_document_get_location (CustosControlledDocument *self)
{
  return custos_record_get_string_at ((CustosRecord *) CUSTOS_CONTROLLED_DOCUMENT (self),
                                      CUSTOS_CONTROLLED_DOCUMENT_FIELD_LOCATION);
}

static inline void
custos_controlled_document_set_location (CustosControlledDocument *self,
                                         const char *value)
{
  custos_record_set_string_at ((CustosRecord *) CUSTOS_CONTROLLED_DOCUMENT (self),
                               CUSTOS_CONTROLLED_DOCUMENT_FIELD_LOCATION, value);
}

static inline CustosDocumentStatus
custos_controlled_document_get_status (CustosControlledDocument *self)
{
  return (CustosDocumentStatus) custos_record_get_enum_at ((CustosRecord *) CUSTOS_CONTROLLED_DOCUMENT (self),
                                                           CUSTOS_CONTROLLED_DOCUMENT_FIELD_STATUS);
}

static inline void
custos_controlled_document_set_status (CustosControlledDocument *self,
                                       CustosDocumentStatus value)
{
  custos_record_set_enum_at ((CustosRecord *) CUSTOS_CONTROLLED_DOCUMENT (self),
                             CUSTOS_CONTROLLED_DOCUMENT_FIELD_STATUS, value);
}

/* process (CustosProcess, clause 8.1) -------------------------------------- */

typedef enum
{
  CUSTOS_PROCESS_FIELD_NAME,
  CUSTOS_PROCESS_FIELD_OWNER,
  CUSTOS_PROCESS_FIELD_DESCRIPTION,
  CUSTOS_PROCESS_FIELD_RISKS,
  CUSTOS_PROCESS_N_FIELDS
} CustosProcessField;

static inline const char *
custos_process_get_name (CustosProcess *self)
{
  return custos_record_get_string_at ((CustosRecord *) CUSTOS_PROCESS (self),
                                      CUSTOS_PROCESS_FIELD_NAME);
}

static inline void
custos_process_set_name (CustosProcess *self,
                         const char *value)
{
  custos_record_set_string_at ((CustosRecord *) CUSTOS_PROCESS (self),
                               CUSTOS_PROCESS_FIELD_NAME, value);
}

static inline const char *
custos_process_get_owner (CustosProcess *self)
{
  return custos_record_get_string_at ((CustosRecord *) CUSTOS_PROCESS (self),
                                      CUSTOS_PROCESS_FIELD_OWNER);
}

static inline void
custos_process_set_owner (CustosProcess *self,
                          const char *value)
{
  custos_record_set_string_at ((CustosRecord *) CUSTOS_PROCESS (self),
                               CUSTOS_PROCESS_FIELD_OWNER, value);
}

static inline const char *
custos_process_get_description (CustosProcess *self)
{
  return custos_record_get_string_at ((CustosRecord *) CUSTOS_PROCESS (self),
                                      CUSTOS_PROCESS_FIELD_DESCRIPTION);
}

static inline void
custos_process_set_description (CustosProcess *self,
                                const char *value)
{
  custos_record_set_string_at ((CustosRecord *) CUSTOS_PROCESS (self),
                               CUSTOS_PROCESS_FIELD_DESCRIPTION, value);
}

static inline const char * const *
custos_process_get_risks (CustosProcess *self)
{
  return custos_record_get_strv_at ((CustosRecord *) CUSTOS_PROCESS (self),
                                    CUSTOS_PROCESS_FIELD_RISKS);
}

static inline void
custos_process_set_risks (CustosProcess *self,
                          const char * const *value)
{
  custos_record_set_strv_at ((CustosRecord *) CUSTOS_PROCESS (self),
                             CUSTOS_PROCESS_FIELD_RISKS, value);
}

/* supplier (CustosSupplier, clause A.5.19) --------------------------------- */

typedef enum
{
  CUSTOS_SUPPLIER_FIELD_NAME,
  CUSTOS_SUPPLIER_FIELD_SERVICES,
  CUSTOS_SUPPLIER_FIELD_CRITICALITY,
  CUSTOS_SUPPLIER_FIELD_DATA_ACCESS,
  CUSTOS_SUPPLIER_FIELD_OWNER,
  CUSTOS_SUPPLIER_FIELD_ASSURANCE,
  CUSTOS_SUPPLIER_FIELD_ASSESSED,
  CUSTOS_SUPPLIER_FIELD_ASSESSMENT,
  CUSTOS_SUPPLIER_FIELD_CONTRACT_CLAUSES,
  CUSTOS_SUPPLIER_FIELD_NEXT_REVIEW,
  CUSTOS_SUPPLIER_N_FIELDS
} CustosSupplierField;

static inline const char *
custos_supplier_get_name (CustosSupplier *self)
{
  return custos_record_get_string_at ((CustosRecord *) CUSTOS_SUPPLIER (self),
                                      CUSTOS_SUPPLIER_FIELD_NAME);
}

static inline void
custos_supplier_set_name (CustosSupplier *self,
                          const char *value)
{
  custos_record_set_string_at ((CustosRecord *) CUSTOS_SUPPLIER (self),
                               CUSTOS_SUPPLIER_FIELD_NAME, value);
}

static inline const char *
custos_supplier_get_services (CustosSupplier *self)
{
  return custos_record_get_string_at ((CustosRecord *) CUSTOS_SUPPLIER (self),
                                      CUSTOS_SUPPLIER_FIELD_SERVICES);
}

static inline void
custos_supplier_set_services (CustosSupplier *self,
                              const char *value)
{
  custos_record_set_string_at ((CustosRecord *) CUSTOS_SUPPLIER (self),
                               CUSTOS_SUPPLIER_FIELD_SERVICES, value);
}

static inline CustosSeverity
custos_supplier_get_criticality (CustosSupplier *self)
{
  return (CustosSeverity) custos_record_get_enum_at ((CustosRecord *) CUSTOS_SUPPLIER (self),
                                                     CUSTOS_SUPPLIER_FIELD_CRITICALITY);
}

static inline void
custos_supplier_set_criticality (CustosSupplier *self,
                                 CustosSeverity value)
{
  custos_record_set_enum_at ((CustosRecord *) CUSTOS_SUPPLIER (self),
                             CUSTOS_SUPPLIER_FIELD_CRITICALITY, value);
}

static inline gboolean
custos_supplier_get_data_access (CustosSupplier *self)
{
  return custos_record_get_bool_at ((CustosRecord *) CUSTOS_SUPPLIER (self),
                                    CUSTOS_SUPPLIER_FIELD_DATA_ACCESS);
}

static inline void
custos_supplier_set_data_access (CustosSupplier *self,
                                 gboolean value)
{
  custos_record_set_bool_at ((CustosRecord *) CUSTOS_SUPPLIER (self),
                             CUSTOS_SUPPLIER_FIELD_DATA_ACCESS, value);
}

static inline const char *
custos_supplier_get_owner (CustosSupplier *self)
{
  return custos_record_get_string_at ((CustosRecord *) CUSTOS_SUPPLIER (self),
                                      CUSTOS_SUPPLIER_FIELD_OWNER);
}

static inline void
custos_supplier_set_owner (CustosSupplier *self,
                           const char *value)
{
  custos_record_set_string_at ((CustosRecord *) CUSTOS_SUPPLIER (self),
                               CUSTOS_SUPPLIER_FIELD_OWNER, value);
}

static inline const char *
custos_supplier_get_assurance (CustosSupplier *self)
{
  return custos_record_get_string_at ((CustosRecord *) CUSTOS_SUPPLIER (self),
                                      CUSTOS_SUPPLIER_FIELD_ASSURANCE);
}

static inline void
custos_supplier_set_assurance (CustosSupplier *self,
                               const char *value)
{
  custos_record_set_string_at ((CustosRecord *) CUSTOS_SUPPLIER (self),
                               CUSTOS_SUPPLIER_FIELD_ASSURANCE, value);
}

static inline const char *
custos_supplier_get_assessed (CustosSupplier *self)
{
  return custos_record_get_string_at ((CustosRecord *) CUSTOS_SUPPLIER (self),
                                      CUSTOS_SUPPLIER_FIELD_ASSESSED);
}

static inline void
custos_supplier_set_assessed (CustosSupplier *self,
                              const char *value)
{
  custos_record_set_string_at ((CustosRecord *) CUSTOS_SUPPLIER (self),
                               CUSTOS_SUPPLIER_FIELD_ASSESSED, value);
}

static inline CustosAssessment
custos_supplier_get_assessment (CustosSupplier *self)
{
  return (CustosAssessment) custos_record_get_enum_at ((CustosRecord *) CUSTOS_SUPPLIER (self),
                                                       CUSTOS_SUPPLIER_FIELD_ASSESSMENT);
}

static inline void
custos_supplier_set_assessment (CustosSupplier *self,
                                CustosAssessment value)
{
  custos_record_set_enum_at ((CustosRecord *) CUSTOS_SUPPLIER (self),
                             CUSTOS_SUPPLIER_FIELD_ASSESSMENT, value);
}

static inline const char *
custos_supplier_get_contract_clauses (CustosSupplier *self)
{
  return custos_record_get_string_at ((CustosRecord *) CUSTOS_SUPPLIER (self),
                                      CUSTOS_SUPPLIER_FIELD_CONTRACT_CLAUSES);
}

static inline void
custos_supplier_set_contract_clauses (CustosSupplier *self,
                                      const char *value)
{
  custos_record_set_string_at ((CustosRecord *) CUSTOS_SUPPLIER (self),
                               CUSTOS_SUPPLIER_FIELD_CONTRACT_CLAUSES, value);
}

static inline const char *
custos_supplier_get_next_review (CustosSupplier *self)
{
  return custos_record_get_string_at ((CustosRecord *) CUSTOS_SUPPLIER (self),
                                      CUSTOS_SUPPLIER_FIELD_NEXT_REVIEW);
}

static inline void
custos_supplier_set_next_review (CustosSupplier *self,
                                 const char *value)
{
  custos_record_set_string_at ((CustosRecord *) CUSTOS_SUPPLIER (self),
                               CUSTOS_SUPPLIER_FIELD_NEXT_REVIEW, value);
}

/* measure (CustosMeasure, clause 9.1) -------------------------------------- */

typedef enum
{
  CUSTOS_MEASURE_FIELD_TITLE,
  CUSTOS_MEASURE_FIELD_METHOD,
  CUSTOS_MEASURE_FIELD_FREQUENCY,
  CUSTOS_MEASURE_FIELD_OWNER,
  CUSTOS_MEASURE_FIELD_REPORTED_TO,
  CUSTOS_MEASURE_FIELD_ESCALATION,
  CUSTOS_MEASURE_FIELD_TARGET,
  CUSTOS_MEASURE_FIELD_UNIT,
  CUSTOS_MEASURE_FIELD_HIGHER_IS_BETTER,
  CUSTOS_MEASURE_N_FIELDS
} CustosMeasureField;

static inline const char *
custos_measure_get_title (CustosMeasure *self)
{
  return custos_record_get_string_at ((CustosRecord *) CUSTOS_MEASURE (self),
                                      CUSTOS_MEASURE_FIELD_TITLE);
}

static inline void
custos_measure_set_title (CustosMeasure *self,
                          const char *value)
{
  custos_record_set_string_at ((CustosRecord *) CUSTOS_MEASURE (self),
                               CUSTOS_MEASURE_FIELD_TITLE, value);
}

static inline const char *
custos_measure_get_method (CustosMeasure *self)
{
  return custos_record_get_string_at ((CustosRecord *) CUSTOS_MEASURE (self),
                                      CUSTOS_MEASURE_FIELD_METHOD);
}

static inline void
custos_measure_set_method (CustosMeasure *self,
                           const char *value)
{
  custos_record_set_string_at ((CustosRecord *) CUSTOS_MEASURE (self),
                               CUSTOS_MEASURE_FIELD_METHOD, value);
}

static inline const char *
custos_measure_get_frequency (CustosMeasure *self)
{
  return custos_record_get_string_at ((CustosRecord *) CUSTOS_MEASURE (self),
                                      CUSTOS_MEASURE_FIELD_FREQUENCY);
}

static inline void
custos_measure_set_frequency (CustosMeasure *self,
                              const char *value)
{
  custos_record_set_string_at ((CustosRecord *) CUSTOS_MEASURE (self),
                               CUSTOS_MEASURE_FIELD_FREQUENCY, value);
}

static inline const char *
custos_measure_get_owner (CustosMeasure *self)
{
  return custos_record_get_string_at ((CustosRecord *) CUSTOS_MEASURE (self),
                                      CUSTOS_MEASURE_FIELD_OWNER);
}

static inline void
custos_measure_set_owner (CustosMeasure *self,
                          const char *value)
{
  custos_record_set_string_at ((CustosRecord *) CUSTOS_MEASURE (self),
                               CUSTOS_MEASURE_FIELD_OWNER, value);
}

static inline const char *
custos_measure_get_reported_to (CustosMeasure *self)
{
  return custos_record_get_string_at ((CustosRecord *) CUSTOS_MEASURE (self),
                                      CUSTOS_MEASURE_FIELD_REPORTED_TO);
}

static inline void
custos_measure_set_reported_to (CustosMeasure *self,
                                const char *value)
{
  custos_record_set_string_at ((CustosRecord *) CUSTOS_MEASURE (self),
                               CUSTOS_MEASURE_FIELD_REPORTED_TO, value);
}

static inline const char *
custos_measure_get_escalation (CustosMeasure *self)
{
  return custos_record_get_string_at ((CustosRecord *) CUSTOS_MEASURE (self),
                                      CUSTOS_MEASURE_FIELD_ESCALATION);
}

static inline void
custos_measure_set_escalation (CustosMeasure *self,
                               const char *value)
{
  custos_record_set_string_at ((CustosRecord *) CUSTOS_MEASURE (self),
                               CUSTOS_MEASURE_FIELD_ESCALATION, value);
}

static inline double
custos_measure_get_target (CustosMeasure *self)
{
  return custos_record_get_number_at ((CustosRecord *) CUSTOS_MEASURE (self),
                                      CUSTOS_MEASURE_FIELD_TARGET);
}

static inline void
custos_measure_set_target (CustosMeasure *self,
                           double value)
{
  custos_record_set_number_at ((CustosRecord *) CUSTOS_MEASURE (self),
                               CUSTOS_MEASURE_FIELD_TARGET, value);
}

static inline const char *
custos_measure_get_unit (CustosMeasure *self)
{
  return custos_record_get_string_at ((CustosRecord *) CUSTOS_MEASURE (self),
                                      CUSTOS_MEASURE_FIELD_UNIT);
}

static inline void
custos_measure_set_unit (CustosMeasure *self,
                         const char *value)
{
  custos_record_set_string_at ((CustosRecord *) CUSTOS_MEASURE (self),
                               CUSTOS_MEASURE_FIELD_UNIT, value);
}

static inline gboolean
custos_measure_get_higher_is_better (CustosMeasure *self)
{
  return custos_record_get_bool_at ((CustosRecord *) CUSTOS_MEASURE (self),
                                    CUSTOS_MEASURE_FIELD_HIGHER_IS_BETTER);
}

static inline void
custos_measure_set_higher_is_better (CustosMeasure *self,
                                     gboolean value)
{
  custos_record_set_bool_at ((CustosRecord *) CUSTOS_MEASURE (self),
                             CUSTOS_MEASURE_FIELD_HIGHER_IS_BETTER, value);
}

/* measurement (CustosMeasurement, clause 9.1) ------------------------------ */

typedef enum
{
  CUSTOS_MEASUREMENT_FIELD_MEASURE,
  CUSTOS_MEASUREMENT_FIELD_DATE,
  CUSTOS_MEASUREMENT_FIELD_VALUE,
  CUSTOS_MEASUREMENT_FIELD_NOTE,
  CUSTOS_MEASUREMENT_N_FIELDS
} CustosMeasurementField;

static inline const char *
custos_measurement_get_measure (CustosMeasurement *self)
{
  return custos_record_get_string_at ((CustosRecord *) CUSTOS_MEASUREMENT (self),
                                      CUSTOS_MEASUREMENT_FIELD_MEASURE);
}

static inline void
custos_measurement_set_measure (CustosMeasurement *self,
                                const char *value)
{
  custos_record_set_string_at ((CustosRecord *) CUSTOS_MEASUREMENT (self),
                               CUSTOS_MEASUREMENT_FIELD_MEASURE, value);
}

static inline const char *
custos_measurement_get_date (CustosMeasurement *self)
{
  return custos_record_get_string_at ((CustosRecord *) CUSTOS_MEASUREMENT (self),
                                      CUSTOS_MEASUREMENT_FIELD_DATE);
}

static inline void
custos_measurement_set_date (CustosMeasurement *self,
                             const char *value)
{
  custos_record_set_string_at ((CustosRecord *) CUSTOS_MEASUREMENT (self),
                               CUSTOS_MEASUREMENT_FIELD_DATE, value);
}

static inline double
custos_measurement_get_value (CustosMeasurement *self)
{
  return custos_record_get_number_at ((CustosRecord *) CUSTOS_MEASUREMENT (self),
                                      CUSTOS_MEASUREMENT_FIELD_VALUE);
}

static inline void
custos_measurement_set_value (CustosMeasurement *self,
                              double value)
{
  custos_record_set_number_at ((CustosRecord *) CUSTOS_MEASUREMENT (self),
                               CUSTOS_MEASUREMENT_FIELD_VALUE, value);
}

static inline const char *
custos_measurement_get_note (CustosMeasurement *self)
{
  return custos_record_get_string_at ((CustosRecord *) CUSTOS_MEASUREMENT (self),
                                      CUSTOS_MEASUREMENT_FIELD_NOTE);
}

static inline void
custos_measurement_set_note (CustosMeasurement *self,
                             const char *value)
{
  custos_record_set_string_at ((CustosRecord *) CUSTOS_MEASUREMENT (self),
                               CUSTOS_MEASUREMENT_FIELD_NOTE, value);
}

/* audit (CustosAudit, clause 9.2) ------------------------------------------ */

typedef enum
{
  CUSTOS_AUDIT_FIELD_TITLE,
  CUSTOS_AUDIT_FIELD_PROCESSES,
  CUSTOS_AUDIT_FIELD_FREQUENCY_MONTHS,
  CUSTOS_AUDIT_FIELD_AUDITOR,
  CUSTOS_AUDIT_FIELD_AUDITOR_COMPETENCE,
  CUSTOS_AUDIT_FIELD_INDEPENDENCE,
  CUSTOS_AUDIT_FIELD_COVERAGE,
  CUSTOS_AUDIT_FIELD_PLANNED,
  CUSTOS_AUDIT_FIELD_DONE,
  CUSTOS_AUDIT_FIELD_STATUS,
  CUSTOS_AUDIT_FIELD_SUMMARY,
  CUSTOS_AUDIT_N_FIELDS
} CustosAuditField;

static inline const char *
custos_audit_get_title (CustosAudit *self)
{
  return custos_record_get_string_at ((CustosRecord *) CUSTOS_AUDIT (self),
                                      CUSTOS_AUDIT_FIELD_TITLE);
}

static inline void
custos_audit_set_title (CustosAudit *self,
                        const char *value)
{
  custos_record_set_string_at ((CustosRecord *) CUSTOS_AUDIT (self),
                               CUSTOS_AUDIT_FIELD_TITLE, value);
}

static inline const char * const *
custos_audit_get_processes (CustosAudit *self)
{
  return custos_record_get_strv_at ((CustosRecord *) CUSTOS_AUDIT (self),
                                    CUSTOS_AUDIT_FIELD_PROCESSES);
}

static inline void
custos_audit_set_processes (CustosAudit *self,
                            const char * const *value)
{
  custos_record_set_strv_at ((CustosRecord *) CUSTOS_AUDIT (self),
                             CUSTOS_AUDIT_FIELD_PROCESSES, value);
}

static inline int
custos_audit_get_frequency_months (CustosAudit *self)
{
  return custos_record_get_int_at ((CustosRecord *) CUSTOS_AUDIT (self),
                                   CUSTOS_AUDIT_FIELD_FREQUENCY_MONTHS);
}

static inline void
custos_audit_set_frequency_months (CustosAudit *self,
                                   int value)
{
  custos_record_set_int_at ((CustosRecord *) CUSTOS_AUDIT (self),
                            CUSTOS_AUDIT_FIELD_FREQUENCY_MONTHS, value);
}

static inline const char *
custos_audit_get_auditor (CustosAudit *self)
{
  return custos_record_get_string_at ((CustosRecord *) CUSTOS_AUDIT (self),
                                      CUSTOS_AUDIT_FIELD_AUDITOR);
}

static inline void
custos_audit_set_auditor (CustosAudit *self,
                          const char *value)
{
  custos_record_set_string_at ((CustosRecord *) CUSTOS_AUDIT (self),
                               CUSTOS_AUDIT_FIELD_AUDITOR, value);
}

static inline const char *
custos_audit_get_auditor_competence (CustosAudit *self)
{
  return custos_record_get_string_at ((CustosRecord *) CUSTOS_AUDIT (self),
                                      CUSTOS_AUDIT_FIELD_AUDITOR_COMPETENCE);
}

static inline void
custos_audit_set_auditor_competence (CustosAudit *self,
                                     const char *value)
{
  custos_record_set_string_at ((CustosRecord *) CUSTOS_AUDIT (self),
                               CUSTOS_AUDIT_FIELD_AUDITOR_COMPETENCE, value);
}

static inline const char *
custos_audit_get_independence (CustosAudit *self)
{
  return custos_record_get_string_at ((CustosRecord *) CUSTOS_AUDIT (self),
                                      CUSTOS_AUDIT_FIELD_INDEPENDENCE);
}

static inline void
custos_audit_set_independence (CustosAudit *self,
                               const char *value)
{
  custos_record_set_string_at ((CustosRecord *) CUSTOS_AUDIT (self),
                               CUSTOS_AUDIT_FIELD_INDEPENDENCE, value);
}

static inline CustosCoverage
custos_audit_get_coverage (CustosAudit *self)
{
  return (CustosCoverage) custos_record_get_enum_at ((CustosRecord *) CUSTOS_AUDIT (self),
                                                     CUSTOS_AUDIT_FIELD_COVERAGE);
}

static inline void
custos_audit_set_coverage (CustosAudit *self,
                           CustosCoverage value)
{
  custos_record_set_enum_at ((CustosRecord *) CUSTOS_AUDIT (self),
                             CUSTOS_AUDIT_FIELD_COVERAGE, value);
}

static inline const char *
custos_audit_get_planned (CustosAudit *self)
{
  return custos_record_get_string_at ((CustosRecord *) CUSTOS_AUDIT (self),
                                      CUSTOS_AUDIT_FIELD_PLANNED);
}

static inline void
custos_audit_set_planned (CustosAudit *self,
                          const char *value)
{
  custos_record_set_string_at ((CustosRecord *) CUSTOS_AUDIT (self),
                               CUSTOS_AUDIT_FIELD_PLANNED, value);
}

static inline const char *
custos_audit_get_done (CustosAudit *self)
{
  return custos_record_get_string_at ((CustosRecord *) CUSTOS_AUDIT (self),
                                      CUSTOS_AUDIT_FIELD_DONE);
}

static inline void
custos_audit_set_done (CustosAudit *self,
                       const char *value)
{
  custos_record_set_string_at ((CustosRecord *) CUSTOS_AUDIT (self),
                               CUSTOS_AUDIT_FIELD_DONE, value);
}

static inline CustosAuditStatus
custos_audit_get_status (CustosAudit *self)
{
  return (CustosAuditStatus) custos_record_get_enum_at ((CustosRecord *) CUSTOS_AUDIT (self),
                                                        CUSTOS_AUDIT_FIELD_STATUS);
}

static inline void
custos_audit_set_status (CustosAudit *self,
                         CustosAuditStatus value)
{
  custos_record_set_enum_at ((CustosRecord *) CUSTOS_AUDIT (self),
                             CUSTOS_AUDIT_FIELD_STATUS, value);
}

static inline const char *
custos_audit_get_summary (CustosAudit *self)
{
  return custos_record_get_string_at ((CustosRecord *) CUSTOS_AUDIT (self),
                                      CUSTOS_AUDIT_FIELD_SUMMARY);
}

static inline void
custos_audit_set_summary (CustosAudit *self,
                          const char *value)
{
  custos_record_set_string_at ((CustosRecord *) CUSTOS_AUDIT (self),
                               CUSTOS_AUDIT_FIELD_SUMMARY, value);
}

/* finding (CustosFinding, clause 9.2) -------------------------------------- */

typedef enum
{
  CUSTOS_FINDING_FIELD_AUDIT,
  CUSTOS_FINDING_FIELD_TYPE,
  CUSTOS_FINDING_FIELD_REFERENCE,
  CUSTOS_FINDING_FIELD_DESCRIPTION,
  CUSTOS_FINDING_FIELD_NONCONFORMITY,
  CUSTOS_FINDING_N_FIELDS
} CustosFindingField;

static inline const char *
custos_finding_get_audit (CustosFinding *self)
{
  return custos_record_get_string_at ((CustosRecord *) CUSTOS_FINDING (self),
                                      CUSTOS_FINDING_FIELD_AUDIT);
}

static inline void
custos_finding_set_audit (CustosFinding *self,
                          const char *value)
{
  custos_record_set_string_at ((CustosRecord *) CUSTOS_FINDING (self),
                               CUSTOS_FINDING_FIELD_AUDIT, value);
}

static inline CustosFindingType
custos_finding_get_finding_type (CustosFinding *self)
{
  return (CustosFindingType) custos_record_get_enum_at ((CustosRecord *) CUSTOS_FINDING (self),
                                                        CUSTOS_FINDING_FIELD_TYPE);
}

static inline void
custos_finding_set_finding_type (CustosFinding *self,
                                 CustosFindingType value)
{
  custos_record_set_enum_at ((CustosRecord *) CUSTOS_FINDING (self),
                             CUSTOS_FINDING_FIELD_TYPE, value);
}

static inline const char *
custos_finding_get_reference (CustosFinding *self)
{
  return custos_record_get_string_at ((CustosRecord *) CUSTOS_FINDING (self),
                                      CUSTOS_FINDING_FIELD_REFERENCE);
}

static inline void
custos_finding_set_reference (CustosFinding *self,
                              const char *value)
{
  custos_record_set_string_at ((CustosRecord *) CUSTOS_FINDING (self),
                               CUSTOS_FINDING_FIELD_REFERENCE, value);
}

static inline const char *
custos_finding_get_description (CustosFinding *self)
{
  return custos_record_get_string_at ((CustosRecord *) CUSTOS_FINDING (self),
                                      CUSTOS_FINDING_FIELD_DESCRIPTION);
}

static inline void
custos_finding_set_description (CustosFinding *self,
                                const char *value)
{
  custos_record_set_string_at ((CustosRecord *) CUSTOS_FINDING (self),
                               CUSTOS_FINDING_FIELD_DESCRIPTION, value);
}

static inline const char *
custos_finding_get_nonconformity (CustosFinding *self)
{
  return custos_record_get_string_at ((CustosRecord *) CUSTOS_FINDING (self),
                                      CUSTOS_FINDING_FIELD_NONCONFORMITY);
}

static inline void
custos_finding_set_nonconformity (CustosFinding *self,
                                  const char *value)
{
  custos_record_set_string_at ((CustosRecord *) CUSTOS_FINDING (self),
                               CUSTOS_FINDING_FIELD_NONCONFORMITY, value);
}

/* review (CustosReview, clause 9.3) ---------------------------------------- */

typedef enum
{
  CUSTOS_REVIEW_FIELD_DATE,
  CUSTOS_REVIEW_FIELD_ATTENDEES,
  CUSTOS_REVIEW_FIELD_PREVIOUS_ACTIONS,
  CUSTOS_REVIEW_FIELD_ISSUE_CHANGES,
  CUSTOS_REVIEW_FIELD_PARTY_CHANGES,
  CUSTOS_REVIEW_FIELD_NONCONFORMITIES,
  CUSTOS_REVIEW_FIELD_MONITORING,
  CUSTOS_REVIEW_FIELD_AUDITS,
  CUSTOS_REVIEW_FIELD_OBJECTIVES,
  CUSTOS_REVIEW_FIELD_FEEDBACK,
  CUSTOS_REVIEW_FIELD_RISKS,
  CUSTOS_REVIEW_FIELD_OPPORTUNITIES,
  CUSTOS_REVIEW_FIELD_DECISIONS,
  CUSTOS_REVIEW_N_FIELDS
} CustosReviewField;

static inline const char *
custos_review_get_date (CustosReview *self)
{
  return custos_record_get_string_at ((CustosRecord *) CUSTOS_REVIEW (self),
                                      CUSTOS_REVIEW_FIELD_DATE);
}

static inline void
custos_review_set_date (CustosReview *self,
                        const char *value)
{
  custos_record_set_string_at ((CustosRecord *) CUSTOS_REVIEW (self),
                               CUSTOS_REVIEW_FIELD_DATE, value);
}

static inline const char *
custos_review_get_attendees (CustosReview *self)
{
  return custos_record_get_string_at ((CustosRecord *) CUSTOS_REVIEW (self),
                                      CUSTOS_REVIEW_FIELD_ATTENDEES);
}

static inline void
custos_review_set_attendees (CustosReview *self,
                             const char *value)
{
  custos_record_set_string_at ((CustosRecord *) CUSTOS_REVIEW (self),
                               CUSTOS_REVIEW_FIELD_ATTENDEES, value);
}

static inline const char *
custos_review_get_previous_actions (CustosReview *self)
{
  return custos_record_get_string_at ((CustosRecord *) CUSTOS_REVIEW (self),
                                      CUSTOS_REVIEW_FIELD_PREVIOUS_ACTIONS);
}

static inline void
custos_review_set_previous_actions (CustosReview *self,
                                    const char *value)
{
  custos_record_set_string_at ((CustosRecord *) CUSTOS_REVIEW (self),
                               CUSTOS_REVIEW_FIELD_PREVIOUS_ACTIONS, value);
}

static inline const char *
custos_review_get_issue_changes (CustosReview *self)
{
  return custos_record_get_string_at ((CustosRecord *) CUSTOS_REVIEW (self),
                                      CUSTOS_REVIEW_FIELD_ISSUE_CHANGES);
}

static inline void
custos_review_set_issue_changes (CustosReview *self,
                                 const char *value)
{
  custos_record_set_string_at ((CustosRecord *) CUSTOS_REVIEW (self),
                               CUSTOS_REVIEW_FIELD_ISSUE_CHANGES, value);
}

static inline const char *
custos_review_get_party_changes (CustosReview *self)
{
  return custos_record_get_string_at ((CustosRecord *) CUSTOS_REVIEW (self),
                                      CUSTOS_REVIEW_FIELD_PARTY_CHANGES);
}

static inline void
custos_review_set_party_changes (CustosReview *self,
                                 const char *value)
{
  custos_record_set_string_at ((CustosRecord *) CUSTOS_REVIEW (self),
                               CUSTOS_REVIEW_FIELD_PARTY_CHANGES, value);
}

static inline const char *
custos_review_get_nonconformities (CustosReview *self)
{
  return custos_record_get_string_at ((CustosRecord *) CUSTOS_REVIEW (self),
                                      CUSTOS_REVIEW_FIELD_NONCONFORMITIES);
}

static inline void
custos_review_set_nonconformities (CustosReview *self,
                                   const char *value)
{
  custos_record_set_string_at ((CustosRecord *) CUSTOS_REVIEW (self),
                               CUSTOS_REVIEW_FIELD_NONCONFORMITIES, value);
}

static inline const char *
custos_review_get_monitoring (CustosReview *self)
{
  return custos_record_get_string_at ((CustosRecord *) CUSTOS_REVIEW (self),
                                      CUSTOS_REVIEW_FIELD_MONITORING);
}

static inline void
custos_review_set_monitoring (CustosReview *self,
                              const char *value)
{
  custos_record_set_string_at ((CustosRecord *) CUSTOS_REVIEW (self),
                               CUSTOS_REVIEW_FIELD_MONITORING, value);
}

static inline const char *
custos_review_get_audits (CustosReview *self)
{
  return custos_record_get_string_at ((CustosRecord *) CUSTOS_REVIEW (self),
                                      CUSTOS_REVIEW_FIELD_AUDITS);
}

static inline void
custos_review_set_audits (CustosReview *self,
                          const char *value)
{
  custos_record_set_string_at ((CustosRecord *) CUSTOS_REVIEW (self),
                               CUSTOS_REVIEW_FIELD_AUDITS, value);
}

static inline const char *
custos_review_get_objectives (CustosReview *self)
{
  return custos_record_get_string_at ((CustosRecord *) CUSTOS_REVIEW (self),
                                      CUSTOS_REVIEW_FIELD_OBJECTIVES);
}

static inline void
custos_review_set_objectives (CustosReview *self,
                              const char *value)
{
  custos_record_set_string_at ((CustosRecord *) CUSTOS_REVIEW (self),
                               CUSTOS_REVIEW_FIELD_OBJECTIVES, value);
}

static inline const char *
custos_review_get_feedback (CustosReview *self)
{
  return custos_record_get_string_at ((CustosRecord *) CUSTOS_REVIEW (self),
                                      CUSTOS_REVIEW_FIELD_FEEDBACK);
}

static inline void
custos_review_set_feedback (CustosReview *self,
                            const char *value)
{
  custos_record_set_string_at ((CustosRecord *) CUSTOS_REVIEW (self),
                               CUSTOS_REVIEW_FIELD_FEEDBACK, value);
}

static inline const char *
custos_review_get_risks (CustosReview *self)
{
  return custos_record_get_string_at ((CustosRecord *) CUSTOS_REVIEW (self),
                                      CUSTOS_REVIEW_FIELD_RISKS);
}

static inline void
custos_review_set_risks (CustosReview *self,
                         const char *value)
{
  custos_record_set_string_at ((CustosRecord *) CUSTOS_REVIEW (self),
                               CUSTOS_REVIEW_FIELD_RISKS, value);
}

static inline const char *
custos_review_get_opportunities (CustosReview *self)
{
  return custos_record_get_string_at ((CustosRecord *) CUSTOS_REVIEW (self),
                                      CUSTOS_REVIEW_FIELD_OPPORTUNITIES);
}

static inline void
custos_review_set_opportunities (CustosReview *self,
                                 const char *value)
{
  custos_record_set_string_at ((CustosRecord *) CUSTOS_REVIEW (self),
                               CUSTOS_REVIEW_FIELD_OPPORTUNITIES, value);
}

static inline const char *
custos_review_get_decisions (CustosReview *self)
{
  return custos_record_get_string_at ((CustosRecord *) CUSTOS_REVIEW (self),
                                      CUSTOS_REVIEW_FIELD_DECISIONS);
}

static inline void
custos_review_set_decisions (CustosReview *self,
                             const char *value)
{
  custos_record_set_string_at ((CustosRecord *) CUSTOS_REVIEW (self),
                               CUSTOS_REVIEW_FIELD_DECISIONS, value);
}

/* review-action (CustosReviewAction, clause 9.3) --------------------------- */

typedef enum
{
  CUSTOS_REVIEW_ACTION_FIELD_REVIEW,
  CUSTOS_REVIEW_ACTION_FIELD_TITLE,
  CUSTOS_REVIEW_ACTION_FIELD_OWNER,
  CUSTOS_REVIEW_ACTION_FIELD_DUE,
  CUSTOS_REVIEW_ACTION_FIELD_STATUS,
  CUSTOS_REVIEW_ACTION_N_FIELDS
} CustosReviewActionField;

static inline const char *
custos_review_action_get_review (CustosReviewAction *self)
{
  return custos_record_get_string_at ((CustosRecord *) CUSTOS_REVIEW_ACTION (self),
                                      CUSTOS_REVIEW_ACTION_FIELD_REVIEW);
}

static inline void
custos_review_action_set_review (CustosReviewAction *self,
                                 const char *value)
{
  custos_record_set_string_at ((CustosRecord *) CUSTOS_REVIEW_ACTION (self),
                               CUSTOS_REVIEW_ACTION_FIELD_REVIEW, value);
}

static inline const char *
custos_review_action_get_title (CustosReviewAction *self)
{
  return custos_record_get_string_at ((CustosRecord *) CUSTOS_REVIEW_ACTION (self),
                                      CUSTOS_REVIEW_ACTION_FIELD_TITLE);
}

static inline void
custos_review_action_set_title (CustosReviewAction *self,
                                const char *value)
{
  custos_record_set_string_at ((CustosRecord *) CUSTOS_REVIEW_ACTION (self),
                               CUSTOS_REVIEW_ACTION_FIELD_TITLE, value);
}

static inline const char *
custos_review_action_get_owner (CustosReviewAction *self)
{
  return custos_record_get_string_at ((CustosRecord *) CUSTOS_REVIEW_ACTION (self),
                                      CUSTOS_REVIEW_ACTION_FIELD_OWNER);
}

static inline void
custos_review_action_set_owner (CustosReviewAction *self,
                                const char *value)
{
  custos_record_set_string_at ((CustosRecord *) CUSTOS_REVIEW_ACTION (self),
                               CUSTOS_REVIEW_ACTION_FIELD_OWNER, value);
}

static inline const char *
custos_review_action_get_due (CustosReviewAction *self)
{
  return custos_record_get_string_at ((CustosRecord *) CUSTOS_REVIEW_ACTION (self),
                                      CUSTOS_REVIEW_ACTION_FIELD_DUE);
}

static inline void
custos_review_action_set_due (CustosReviewAction *self,
                              const char *value)
{
  custos_record_set_string_at ((CustosRecord *) CUSTOS_REVIEW_ACTION (self),
                               CUSTOS_REVIEW_ACTION_FIELD_DUE, value);
}

static inline CustosActionStatus
custos_review_action_get_status (CustosReviewAction *self)
{
  return (CustosActionStatus) custos_record_get_enum_at ((CustosRecord *) CUSTOS_REVIEW_ACTION (self),
                                                         CUSTOS_REVIEW_ACTION_FIELD_STATUS);
}

static inline void
custos_review_action_set_status (CustosReviewAction *self,
                                 CustosActionStatus value)
{
  custos_record_set_enum_at ((CustosRecord *) CUSTOS_REVIEW_ACTION (self),
                             CUSTOS_REVIEW_ACTION_FIELD_STATUS, value);
}

/* nonconformity (CustosNonconformity, clause 10.2) ------------------------- */

typedef enum
{
  CUSTOS_NONCONFORMITY_FIELD_TITLE,
  CUSTOS_NONCONFORMITY_FIELD_SOURCE,
  CUSTOS_NONCONFORMITY_FIELD_RAISED,
  CUSTOS_NONCONFORMITY_FIELD_DESCRIPTION,
  CUSTOS_NONCONFORMITY_FIELD_CONTAINMENT,
  CUSTOS_NONCONFORMITY_FIELD_WHYS,
  CUSTOS_NONCONFORMITY_FIELD_ROOT_CAUSE,
  CUSTOS_NONCONFORMITY_FIELD_CORRECTIVE_ACTION,
  CUSTOS_NONCONFORMITY_FIELD_OWNER,
  CUSTOS_NONCONFORMITY_FIELD_DUE,
  CUSTOS_NONCONFORMITY_FIELD_EFFECTIVENESS_REVIEW,
  CUSTOS_NONCONFORMITY_FIELD_EFFECTIVENESS,
  CUSTOS_NONCONFORMITY_FIELD_STATUS,
  CUSTOS_NONCONFORMITY_N_FIELDS
} CustosNonconformityField;

static inline const char *
custos_nonconformity_get_title (CustosNonconformity *self)
{
  return custos_record_get_string_at ((CustosRecord *) CUSTOS_NONCONFORMITY (self),
                                      CUSTOS_NONCONFORMITY_FIELD_TITLE);
}

static inline void
custos_nonconformity_set_title (CustosNonconformity *self,
                                const char *value)
{
  custos_record_set_string_at ((CustosRecord *) CUSTOS_NONCONFORMITY (self),
                               CUSTOS_NONCONFORMITY_FIELD_TITLE, value);
}

static inline CustosNcSource
custos_nonconformity_get_source (CustosNonconformity *self)
{
  return (CustosNcSource) custos_record_get_enum_at ((CustosRecord *) CUSTOS_NONCONFORMITY (self),
                                                     CUSTOS_NONCONFORMITY_FIELD_SOURCE);
}

static inline void
custos_nonconformity_set_source (CustosNonconformity *self,
                                 CustosNcSource value)
{
  custos_record_set_enum_at ((CustosRecord *) CUSTOS_NONCONFORMITY (self),
                             CUSTOS_NONCONFORMITY_FIELD_SOURCE, value);
}

static inline const char *
custos_nonconformity_get_raised (CustosNonconformity *self)
{
  return custos_record_get_string_at ((CustosRecord *) CUSTOS_NONCONFORMITY (self),
                                      CUSTOS_NONCONFORMITY_FIELD_RAISED);
}

static inline void
custos_nonconformity_set_raised (CustosNonconformity *self,
                                 const char *value)
{
  custos_record_set_string_at ((CustosRecord *) CUSTOS_NONCONFORMITY (self),
                               CUSTOS_NONCONFORMITY_FIELD_RAISED, value);
}

static inline const char *
custos_nonconformity_get_description (CustosNonconformity *self)
{
  return custos_record_get_string_at ((CustosRecord *) CUSTOS_NONCONFORMITY (self),
                                      CUSTOS_NONCONFORMITY_FIELD_DESCRIPTION);
}

static inline void
custos_nonconformity_set_description (CustosNonconformity *self,
                                      const char *value)
{
  custos_record_set_string_at ((CustosRecord *) CUSTOS_NONCONFORMITY (self),
                               CUSTOS_NONCONFORMITY_FIELD_DESCRIPTION, value);
}

static inline const char *
custos_nonconformity_get_containment (CustosNonconformity *self)
{
  return custos_record_get_string_at ((CustosRecord *) CUSTOS_NONCONFORMITY (self),
                                      CUSTOS_NONCONFORMITY_FIELD_CONTAINMENT);
}

static inline void
custos_nonconformity_set_containment (CustosNonconformity *self,
                                      const char *value)
{
  custos_record_set_string_at ((CustosRecord *) CUSTOS_NONCONFORMITY (self),
                               CUSTOS_NONCONFORMITY_FIELD_CONTAINMENT, value);
}

static inline const char * const *
custos_nonconformity_get_whys (CustosNonconformity *self)
{
  return custos_record_get_strv_at ((CustosRecord *) CUSTOS_NONCONFORMITY (self),
                                    CUSTOS_NONCONFORMITY_FIELD_WHYS);
}

static inline void
custos_nonconformity_set_whys (CustosNonconformity *self,
                               const char * const *value)
{
  custos_record_set_strv_at ((CustosRecord *) CUSTOS_NONCONFORMITY (self),
                             CUSTOS_NONCONFORMITY_FIELD_WHYS, value);
}

static inline const char *
custos_nonconformity_get_root_cause (CustosNonconformity *self)
{
  return custos_record_get_string_at ((CustosRecord *) CUSTOS_NONCONFORMITY (self),
                                      CUSTOS_NONCONFORMITY_FIELD_ROOT_CAUSE);
}

static inline void
custos_nonconformity_set_root_cause (CustosNonconformity *self,
                                     const char *value)
{
  custos_record_set_string_at ((CustosRecord *) CUSTOS_NONCONFORMITY (self),
                               CUSTOS_NONCONFORMITY_FIELD_ROOT_CAUSE, value);
}

static inline const char *
custos_nonconformity_get_corrective_action (CustosNonconformity *self)
{
  return custos_record_get_string_at ((CustosRecord *) CUSTOS_NONCONFORMITY (self),
                                      CUSTOS_NONCONFORMITY_FIELD_CORRECTIVE_ACTION);
}

static inline void
custos_nonconformity_set_corrective_action (CustosNonconformity *self,
                                            const char *value)
{
  custos_record_set_string_at ((CustosRecord *) CUSTOS_NONCONFORMITY (self),
                               CUSTOS_NONCONFORMITY_FIELD_CORRECTIVE_ACTION, value);
}

static inline const char *
custos_nonconformity_get_owner (CustosNonconformity *self)
{
  return custos_record_get_string_at ((CustosRecord *) CUSTOS_NONCONFORMITY (self),
                                      CUSTOS_NONCONFORMITY_FIELD_OWNER);
}

static inline void
custos_nonconformity_set_owner (CustosNonconformity *self,
                                const char *value)
{
  custos_record_set_string_at ((CustosRecord *) CUSTOS_NONCONFORMITY (self),
                               CUSTOS_NONCONFORMITY_FIELD_OWNER, value);
}

static inline const char *
custos_nonconformity_get_due (CustosNonconformity *self)
{
  return custos_record_get_string_at ((CustosRecord *) CUSTOS_NONCONFORMITY (self),
                                      CUSTOS_NONCONFORMITY_FIELD_DUE);
}

static inline void
custos_nonconformity_set_due (CustosNonconformity *self,
                              const char *value)
{
  custos_record_set_string_at ((CustosRecord *) CUSTOS_NONCONFORMITY (self),
                               CUSTOS_NONCONFORMITY_FIELD_DUE, value);
}

static inline const char *
custos_nonconformity_get_effectiveness_review (CustosNonconformity *self)
{
  return custos_record_get_string_at ((CustosRecord *) CUSTOS_NONCONFORMITY (self),
                                      CUSTOS_NONCONFORMITY_FIELD_EFFECTIVENESS_REVIEW);
}

static inline void
custos_nonconformity_set_effectiveness_review (CustosNonconformity *self,
                                               const char *value)
{
  custos_record_set_string_at ((CustosRecord *) CUSTOS_NONCONFORMITY (self),
                               CUSTOS_NONCONFORMITY_FIELD_EFFECTIVENESS_REVIEW, value);
}

static inline CustosEffectiveness
custos_nonconformity_get_effectiveness (CustosNonconformity *self)
{
  return (CustosEffectiveness) custos_record_get_enum_at ((CustosRecord *) CUSTOS_NONCONFORMITY (self),
                                                          CUSTOS_NONCONFORMITY_FIELD_EFFECTIVENESS);
}

static inline void
custos_nonconformity_set_effectiveness (CustosNonconformity *self,
                                        CustosEffectiveness value)
{
  custos_record_set_enum_at ((CustosRecord *) CUSTOS_NONCONFORMITY (self),
                             CUSTOS_NONCONFORMITY_FIELD_EFFECTIVENESS, value);
}

static inline CustosNcStatus
custos_nonconformity_get_status (CustosNonconformity *self)
{
  return (CustosNcStatus) custos_record_get_enum_at ((CustosRecord *) CUSTOS_NONCONFORMITY (self),
                                                     CUSTOS_NONCONFORMITY_FIELD_STATUS);
}

static inline void
custos_nonconformity_set_status (CustosNonconformity *self,
                                 CustosNcStatus value)
{
  custos_record_set_enum_at ((CustosRecord *) CUSTOS_NONCONFORMITY (self),
                             CUSTOS_NONCONFORMITY_FIELD_STATUS, value);
}

/* incident (CustosIncident, clause 10.2) ----------------------------------- */

typedef enum
{
  CUSTOS_INCIDENT_FIELD_TITLE,
  CUSTOS_INCIDENT_FIELD_DATE,
  CUSTOS_INCIDENT_FIELD_DESCRIPTION,
  CUSTOS_INCIDENT_FIELD_CONFIDENTIALITY,
  CUSTOS_INCIDENT_FIELD_INTEGRITY,
  CUSTOS_INCIDENT_FIELD_AVAILABILITY,
  CUSTOS_INCIDENT_FIELD_SEVERITY,
  CUSTOS_INCIDENT_FIELD_ASSETS,
  CUSTOS_INCIDENT_FIELD_RESPONSE,
  CUSTOS_INCIDENT_FIELD_LESSONS,
  CUSTOS_INCIDENT_FIELD_NONCONFORMITY,
  CUSTOS_INCIDENT_N_FIELDS
} CustosIncidentField;

static inline const char *
custos_incident_get_title (CustosIncident *self)
{
  return custos_record_get_string_at ((CustosRecord *) CUSTOS_INCIDENT (self),
                                      CUSTOS_INCIDENT_FIELD_TITLE);
}

static inline void
custos_incident_set_title (CustosIncident *self,
                           const char *value)
{
  custos_record_set_string_at ((CustosRecord *) CUSTOS_INCIDENT (self),
                               CUSTOS_INCIDENT_FIELD_TITLE, value);
}

static inline const char *
custos_incident_get_date (CustosIncident *self)
{
  return custos_record_get_string_at ((CustosRecord *) CUSTOS_INCIDENT (self),
                                      CUSTOS_INCIDENT_FIELD_DATE);
}

static inline void
custos_incident_set_date (CustosIncident *self,
                          const char *value)
{
  custos_record_set_string_at ((CustosRecord *) CUSTOS_INCIDENT (self),
                               CUSTOS_INCIDENT_FIELD_DATE, value);
}

static inline const char *
custos_incident_get_description (CustosIncident *self)
{
  return custos_record_get_string_at ((CustosRecord *) CUSTOS_INCIDENT (self),
                                      CUSTOS_INCIDENT_FIELD_DESCRIPTION);
}

static inline void
custos_incident_set_description (CustosIncident *self,
                                 const char *value)
{
  custos_record_set_string_at ((CustosRecord *) CUSTOS_INCIDENT (self),
                               CUSTOS_INCIDENT_FIELD_DESCRIPTION, value);
}

static inline gboolean
custos_incident_get_confidentiality (CustosIncident *self)
{
  return custos_record_get_bool_at ((CustosRecord *) CUSTOS_INCIDENT (self),
                                    CUSTOS_INCIDENT_FIELD_CONFIDENTIALITY);
}

static inline void
custos_incident_set_confidentiality (CustosIncident *self,
                                     gboolean value)
{
  custos_record_set_bool_at ((CustosRecord *) CUSTOS_INCIDENT (self),
                             CUSTOS_INCIDENT_FIELD_CONFIDENTIALITY, value);
}

static inline gboolean
custos_incident_get_integrity (CustosIncident *self)
{
  return custos_record_get_bool_at ((CustosRecord *) CUSTOS_INCIDENT (self),
                                    CUSTOS_INCIDENT_FIELD_INTEGRITY);
}

static inline void
custos_incident_set_integrity (CustosIncident *self,
                               gboolean value)
{
  custos_record_set_bool_at ((CustosRecord *) CUSTOS_INCIDENT (self),
                             CUSTOS_INCIDENT_FIELD_INTEGRITY, value);
}

static inline gboolean
custos_incident_get_availability (CustosIncident *self)
{
  return custos_record_get_bool_at ((CustosRecord *) CUSTOS_INCIDENT (self),
                                    CUSTOS_INCIDENT_FIELD_AVAILABILITY);
}

static inline void
custos_incident_set_availability (CustosIncident *self,
                                  gboolean value)
{
  custos_record_set_bool_at ((CustosRecord *) CUSTOS_INCIDENT (self),
                             CUSTOS_INCIDENT_FIELD_AVAILABILITY, value);
}

static inline CustosSeverity
custos_incident_get_severity (CustosIncident *self)
{
  return (CustosSeverity) custos_record_get_enum_at ((CustosRecord *) CUSTOS_INCIDENT (self),
                                                     CUSTOS_INCIDENT_FIELD_SEVERITY);
}

static inline void
custos_incident_set_severity (CustosIncident *self,
                              CustosSeverity value)
{
  custos_record_set_enum_at ((CustosRecord *) CUSTOS_INCIDENT (self),
                             CUSTOS_INCIDENT_FIELD_SEVERITY, value);
}

static inline const char * const *
custos_incident_get_assets (CustosIncident *self)
{
  return custos_record_get_strv_at ((CustosRecord *) CUSTOS_INCIDENT (self),
                                    CUSTOS_INCIDENT_FIELD_ASSETS);
}

static inline void
custos_incident_set_assets (CustosIncident *self,
                            const char * const *value)
{
  custos_record_set_strv_at ((CustosRecord *) CUSTOS_INCIDENT (self),
                             CUSTOS_INCIDENT_FIELD_ASSETS, value);
}

static inline const char *
custos_incident_get_response (CustosIncident *self)
{
  return custos_record_get_string_at ((CustosRecord *) CUSTOS_INCIDENT (self),
                                      CUSTOS_INCIDENT_FIELD_RESPONSE);
}

static inline void
custos_incident_set_response (CustosIncident *self,
                              const char *value)
{
  custos_record_set_string_at ((CustosRecord *) CUSTOS_INCIDENT (self),
                               CUSTOS_INCIDENT_FIELD_RESPONSE, value);
}

static inline const char *
custos_incident_get_lessons (CustosIncident *self)
{
  return custos_record_get_string_at ((CustosRecord *) CUSTOS_INCIDENT (self),
                                      CUSTOS_INCIDENT_FIELD_LESSONS);
}

static inline void
custos_incident_set_lessons (CustosIncident *self,
                             const char *value)
{
  custos_record_set_string_at ((CustosRecord *) CUSTOS_INCIDENT (self),
                               CUSTOS_INCIDENT_FIELD_LESSONS, value);
}

static inline const char *
custos_incident_get_nonconformity (CustosIncident *self)
{
  return custos_record_get_string_at ((CustosRecord *) CUSTOS_INCIDENT (self),
                                      CUSTOS_INCIDENT_FIELD_NONCONFORMITY);
}

static inline void
custos_incident_set_nonconformity (CustosIncident *self,
                                   const char *value)
{
  custos_record_set_string_at ((CustosRecord *) CUSTOS_INCIDENT (self),
                               CUSTOS_INCIDENT_FIELD_NONCONFORMITY, value);
}

/* merge-conflict (CustosMergeConflict, clause 7.5.3) ----------------------- */

typedef enum
{
  CUSTOS_MERGE_CONFLICT_FIELD_KIND,
  CUSTOS_MERGE_CONFLICT_FIELD_RECORD,
  CUSTOS_MERGE_CONFLICT_FIELD_FIELD,
  CUSTOS_MERGE_CONFLICT_FIELD_BASE,
  CUSTOS_MERGE_CONFLICT_FIELD_OURS,
  CUSTOS_MERGE_CONFLICT_FIELD_THEIRS,
  CUSTOS_MERGE_CONFLICT_N_FIELDS
} CustosMergeConflictField;

static inline const char *
custos_merge_conflict_get_kind (CustosMergeConflict *self)
{
  return custos_record_get_string_at ((CustosRecord *) CUSTOS_MERGE_CONFLICT (self),
                                      CUSTOS_MERGE_CONFLICT_FIELD_KIND);
}

static inline void
custos_merge_conflict_set_kind (CustosMergeConflict *self,
                                const char *value)
{
  custos_record_set_string_at ((CustosRecord *) CUSTOS_MERGE_CONFLICT (self),
                               CUSTOS_MERGE_CONFLICT_FIELD_KIND, value);
}

static inline const char *
custos_merge_conflict_get_record (CustosMergeConflict *self)
{
  return custos_record_get_string_at ((CustosRecord *) CUSTOS_MERGE_CONFLICT (self),
                                      CUSTOS_MERGE_CONFLICT_FIELD_RECORD);
}

static inline void
custos_merge_conflict_set_record (CustosMergeConflict *self,
                                  const char *value)
{
  custos_record_set_string_at ((CustosRecord *) CUSTOS_MERGE_CONFLICT (self),
                               CUSTOS_MERGE_CONFLICT_FIELD_RECORD, value);
}

static inline const char *
custos_merge_conflict_get_field (CustosMergeConflict *self)
{
  return custos_record_get_string_at ((CustosRecord *) CUSTOS_MERGE_CONFLICT (self),
                                      CUSTOS_MERGE_CONFLICT_FIELD_FIELD);
}

static inline void
custos_merge_conflict_set_field (CustosMergeConflict *self,
                                 const char *value)
{
  custos_record_set_string_at ((CustosRecord *) CUSTOS_MERGE_CONFLICT (self),
                               CUSTOS_MERGE_CONFLICT_FIELD_FIELD, value);
}

static inline const char *
custos_merge_conflict_get_base (CustosMergeConflict *self)
{
  return custos_record_get_string_at ((CustosRecord *) CUSTOS_MERGE_CONFLICT (self),
                                      CUSTOS_MERGE_CONFLICT_FIELD_BASE);
}

static inline void
custos_merge_conflict_set_base (CustosMergeConflict *self,
                                const char *value)
{
  custos_record_set_string_at ((CustosRecord *) CUSTOS_MERGE_CONFLICT (self),
                               CUSTOS_MERGE_CONFLICT_FIELD_BASE, value);
}

static inline const char *
custos_merge_conflict_get_ours (CustosMergeConflict *self)
{
  return custos_record_get_string_at ((CustosRecord *) CUSTOS_MERGE_CONFLICT (self),
                                      CUSTOS_MERGE_CONFLICT_FIELD_OURS);
}

static inline void
custos_merge_conflict_set_ours (CustosMergeConflict *self,
                                const char *value)
{
  custos_record_set_string_at ((CustosRecord *) CUSTOS_MERGE_CONFLICT (self),
                               CUSTOS_MERGE_CONFLICT_FIELD_OURS, value);
}

static inline const char *
custos_merge_conflict_get_theirs (CustosMergeConflict *self)
{
  return custos_record_get_string_at ((CustosRecord *) CUSTOS_MERGE_CONFLICT (self),
                                      CUSTOS_MERGE_CONFLICT_FIELD_THEIRS);
}

static inline void
custos_merge_conflict_set_theirs (CustosMergeConflict *self,
                                  const char *value)
{
  custos_record_set_string_at ((CustosRecord *) CUSTOS_MERGE_CONFLICT (self),
                               CUSTOS_MERGE_CONFLICT_FIELD_THEIRS, value);
}

G_END_DECLS
