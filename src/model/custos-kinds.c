/* SPDX-License-Identifier: GPL-3.0-or-later */
/* custos-kinds.c — the descriptor of every register and section
 *
 * One table says what each kind of record holds. The GObject classes, the XML
 * reader and writer, the RELAX NG schema, CSV and the register views are all
 * driven by it, so a field is added in one place.
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "custos-enums.h"
#ifndef CUSTOS_GENERATING_FIELDS
#include "custos-fields.h"
#endif
#include "custos-kinds.h"
#include "custos-record-private.h"

#define REQ     CUSTOS_FIELD_FLAG_REQUIRED
#define SUM     CUSTOS_FIELD_FLAG_SUMMARY
#define TITLE   (CUSTOS_FIELD_FLAG_TITLE | CUSTOS_FIELD_FLAG_SUMMARY)
#define NONE    CUSTOS_FIELD_FLAG_NONE

#define F_STRING(n, l, f)      { n, l, CUSTOS_FIELD_STRING, f, 0, 0, NULL, NULL, NULL }
#define F_TEXT(n, l, f)        { n, l, CUSTOS_FIELD_TEXT, f, 0, 0, NULL, NULL, NULL }
#define F_INT(n, l, f, lo, hi) { n, l, CUSTOS_FIELD_INT, f, lo, hi, NULL, NULL, NULL }
#define F_NUMBER(n, l, f)      { n, l, CUSTOS_FIELD_NUMBER, f, 0, 0, NULL, NULL, NULL }
#define F_BOOL(n, l, f)        { n, l, CUSTOS_FIELD_BOOL, f, 0, 0, NULL, NULL, NULL }
#define F_DATE(n, l, f)        { n, l, CUSTOS_FIELD_DATE, f, 0, 0, NULL, NULL, NULL }
#define F_ENUM(n, l, f, t)     { n, l, CUSTOS_FIELD_ENUM, f, 0, 0, t, NULL, NULL }
#define F_FLAGS(n, l, f, t)    { n, l, CUSTOS_FIELD_FLAGS, f, 0, 0, t, NULL, NULL }
#define F_REF(n, l, f, k)      { n, l, CUSTOS_FIELD_REF, f, 0, 0, NULL, k, NULL }
#define F_REFS(n, l, f, k)     { n, l, CUSTOS_FIELD_REFS, f, 0, 0, NULL, k, NULL }
#define F_CONTROLS(n, l, f)    { n, l, CUSTOS_FIELD_CONTROLS, f, 0, 0, NULL, NULL, NULL }
#define F_STRINGS(n, l, f, i)  { n, l, CUSTOS_FIELD_STRINGS, f, 0, 0, NULL, NULL, i }

#define KIND(var, elem, reg, lbl, pl, prefix, clause, gtype) \
  G_STATIC_ASSERT (G_N_ELEMENTS (var##_fields) <= CUSTOS_KIND_MAX_FIELDS); \
  static const CustosKind var = { elem, reg, lbl, pl, prefix, clause, gtype, var##_fields, G_N_ELEMENTS (var##_fields) }

/* Sections ------------------------------------------------------------ */

static const CustosField organisation_kind_fields[] = {
  F_STRING ("name", N_("Organisation name"), REQ | TITLE),
  F_TEXT ("address", N_("Address"), NONE),
  F_STRING ("sector", N_("Sector"), NONE),
  F_INT ("employees", N_("Number of employees"), NONE, 0, 1000000),
  F_STRING ("isms-owner", N_("ISMS owner"), NONE),
  F_STRING ("classification", N_("Document classification"), NONE),
};
KIND (organisation_kind, "organisation", NULL, N_("Organisation"), N_("Organisation"), NULL, "4.1", custos_organisation_get_type);

static const CustosField scope_kind_fields[] = {
  F_TEXT ("statement", N_("Scope statement"), REQ | TITLE),
  F_TEXT ("sites", N_("Sites and locations"), NONE),
  F_TEXT ("networks", N_("Networks and systems"), NONE),
  F_TEXT ("employee-groups", N_("Employee groups"), NONE),
  F_TEXT ("processes", N_("Processes and services in scope"), NONE),
  F_TEXT ("out-of-scope", N_("Out of scope"), NONE),
  F_TEXT ("interfaces", N_("Interfaces and dependencies"), NONE),
  F_TEXT ("exclusions", N_("Exclusions and their justification"), NONE),
};
KIND (scope_kind, "scope", NULL, N_("Scope"), N_("Scope"), NULL, "4.3", custos_scope_get_type);

static const CustosField isms_processes_kind_fields[] = {
  F_TEXT ("processes", N_("The processes of the ISMS and how they interact"), REQ | TITLE),
  F_TEXT ("integration", N_("How they are integrated in the organisation's processes"), NONE),
  F_STRING ("document", N_("Described in"), NONE),
};
KIND (isms_processes_kind, "isms-processes", NULL, N_("Information security management system"), N_("Information security management system"), NULL, "4.4", custos_isms_processes_get_type);

static const CustosField leadership_kind_fields[] = {
  F_TEXT ("commitment", N_("How top management leads and commits to the ISMS"), REQ | TITLE),
  F_TEXT ("integration", N_("Integration of the ISMS requirements into business processes"), NONE),
  F_TEXT ("support", N_("How top management directs and supports people"), NONE),
  F_TEXT ("evidence", N_("Evidence (minutes, communications, decisions)"), NONE),
};
KIND (leadership_kind, "leadership", NULL, N_("Leadership and commitment"), N_("Leadership and commitment"), NULL, "5.1", custos_leadership_get_type);

static const CustosField policy_kind_fields[] = {
  F_TEXT ("statement", N_("Policy statement"), REQ | TITLE),
  F_TEXT ("objectives-framework", N_("Framework for setting objectives"), NONE),
  F_BOOL ("commit-requirements", N_("Commitment to satisfy applicable requirements"), NONE),
  F_BOOL ("commit-improvement", N_("Commitment to continual improvement"), NONE),
  F_STRING ("authorised-by", N_("Authorised by"), NONE),
  F_DATE ("approved", N_("Approval date"), NONE),
  F_STRING ("version", N_("Version"), NONE),
  F_DATE ("next-review", N_("Next review"), NONE),
  F_TEXT ("communicated", N_("How it is communicated"), NONE),
};
KIND (policy_kind, "policy", NULL, N_("Information security policy"), N_("Information security policy"), NULL, "5.2", custos_policy_get_type);

static const CustosField isms_risks_kind_fields[] = {
  F_TEXT ("risks", N_("Risks and opportunities for the ISMS itself"), REQ | TITLE),
  F_TEXT ("actions", N_("Actions to address them"), NONE),
  F_TEXT ("evaluation", N_("How the effectiveness of these actions is evaluated"), NONE),
};
KIND (isms_risks_kind, "isms-risks", NULL, N_("Risks and opportunities of the ISMS"), N_("Risks and opportunities of the ISMS"), NULL, "6.1.1", custos_isms_risks_get_type);

static const CustosField change_planning_kind_fields[] = {
  F_TEXT ("process", N_("How changes to the ISMS are planned"), REQ | TITLE),
  F_TEXT ("changes", N_("Changes planned or carried out"), NONE),
  F_DATE ("reviewed", N_("Last reviewed"), NONE),
};
KIND (change_planning_kind, "change-planning", NULL, N_("Planning of changes"), N_("Planning of changes"), NULL, "6.3", custos_change_planning_get_type);

static const CustosField isms_resources_kind_fields[] = {
  F_TEXT ("resources", N_("Resources for the ISMS (people, time, tools, services)"), REQ | TITLE),
  F_TEXT ("budget", N_("Budget"), NONE),
  F_STRING ("approved-by", N_("Approved by"), NONE),
  F_DATE ("reviewed", N_("Last reviewed"), NONE),
};
KIND (isms_resources_kind, "isms-resources", NULL, N_("Resources"), N_("Resources"), NULL, "7.1", custos_isms_resources_get_type);

static const CustosField continual_improvement_kind_fields[] = {
  F_TEXT ("approach", N_("How the ISMS is continually improved"), REQ | TITLE),
  F_TEXT ("improvements", N_("Improvements made"), NONE),
  F_DATE ("reviewed", N_("Last reviewed"), NONE),
};
KIND (continual_improvement_kind, "continual-improvement", NULL, N_("Continual improvement"), N_("Continual improvement"), NULL, "10.1", custos_continual_improvement_get_type);

static const CustosField reassessment_kind_fields[] = {
  F_INT ("interval-months", N_("Reassessment interval (months)"), NONE, 1, 60),
  F_DATE ("last", N_("Last reassessment"), NONE),
  F_DATE ("next", N_("Next reassessment"), NONE),
  F_STRINGS ("triggers", N_("Triggers for reassessment"), NONE, "trigger"),
};
KIND (reassessment_kind, "reassessment", NULL, N_("Risk reassessment"), N_("Risk reassessment"), NULL, "8.2", custos_reassessment_get_type);

static const CustosField plan_approval_kind_fields[] = {
  F_STRING ("owners-approved-by", N_("Approved by the risk owners"), NONE),
  F_DATE ("owners-approved", N_("Risk owners' approval date"), NONE),
  F_STRING ("management-approved-by", N_("Approved by top management"), NONE),
  F_DATE ("management-approved", N_("Top management's approval date"), NONE),
  F_TEXT ("notes", N_("Notes"), NONE),
};
KIND (plan_approval_kind, "plan-approval", NULL, N_("Treatment plan approval"), N_("Treatment plan approval"), NULL, "6.1.3", custos_plan_approval_get_type);

/* Registers ----------------------------------------------------------- */

static const CustosField revision_kind_fields[] = {
  F_STRING ("version", N_("Version"), REQ | TITLE),
  F_DATE ("date", N_("Date"), REQ | SUM),
  F_STRING ("author", N_("Author"), SUM),
  F_TEXT ("summary", N_("Summary of change"), SUM),
  F_STRING ("approved-by", N_("Approved by"), SUM),
};
KIND (revision_kind, "revision", "revisions", N_("Revision"), N_("Revision history"), "REV-", "7.5.3", custos_revision_get_type);

static const CustosField issue_kind_fields[] = {
  F_STRING ("title", N_("Issue"), REQ | TITLE),
  F_ENUM ("kind", N_("Internal or external"), SUM, custos_issue_kind_get_type),
  F_STRING ("category", N_("Category"), SUM),
  F_TEXT ("description", N_("Description"), NONE),
  F_TEXT ("effect", N_("Effect on the ISMS"), NONE),
  F_BOOL ("climate", N_("Concerns climate change"), NONE),
};
KIND (issue_kind, "issue", "issues", N_("Issue"), N_("Internal and external issues"), "ISS-", "4.1", custos_issue_get_type);

static const CustosField party_kind_fields[] = {
  F_STRING ("name", N_("Interested party"), REQ | TITLE),
  F_TEXT ("needs", N_("Needs and expectations"), SUM),
  F_BOOL ("relevant", N_("Relevant to the ISMS"), SUM),
  F_TEXT ("addressed", N_("How they are addressed"), NONE),
  F_BOOL ("climate", N_("Has requirements related to climate change"), NONE),
};
KIND (party_kind, "party", "parties", N_("Interested party"), N_("Interested parties"), "IP-", "4.2", custos_party_get_type);

static const CustosField requirement_kind_fields[] = {
  F_STRING ("title", N_("Requirement"), REQ | TITLE),
  F_ENUM ("kind", N_("Kind"), SUM, custos_requirement_kind_get_type),
  F_STRING ("source", N_("Source"), SUM),
  F_REF ("owner", N_("Owner"), SUM, "role"),
  F_TEXT ("how-met", N_("How it is met"), NONE),
  F_CONTROLS ("controls", N_("Controls"), NONE),
  F_DATE ("reviewed", N_("Last reviewed"), SUM),
};
KIND (requirement_kind, "requirement", "requirements", N_("Requirement"), N_("Legal, statutory, regulatory and contractual requirements"), "REQ-", "A.5.31", custos_requirement_get_type);

static const CustosField role_kind_fields[] = {
  F_STRING ("title", N_("Role"), REQ | TITLE),
  F_STRING ("holder", N_("Held by"), SUM),
  F_TEXT ("responsibilities", N_("Responsibilities"), NONE),
  F_TEXT ("authority", N_("Authority"), NONE),
  F_BOOL ("top-management", N_("Member of top management"), SUM),
};
KIND (role_kind, "role", "roles", N_("Role"), N_("Roles and responsibilities"), "ROLE-", "5.3", custos_role_get_type);

static const CustosField asset_kind_fields[] = {
  F_STRING ("name", N_("Asset"), REQ | TITLE),
  F_ENUM ("type", N_("Type"), SUM, custos_asset_type_get_type),
  F_REF ("owner", N_("Owner"), SUM, "role"),
  F_STRING ("location", N_("Location"), SUM),
  F_ENUM ("classification", N_("Classification"), SUM, custos_classification_get_type),
  F_TEXT ("description", N_("Description"), NONE),
};
KIND (asset_kind, "asset", "assets", N_("Asset"), N_("Assets"), "A-", "6.1.2", custos_asset_get_type);

static const CustosField risk_kind_fields[] = {
  F_STRING ("title", N_("Risk"), REQ | TITLE),
  F_REFS ("assets", N_("Assets"), NONE, "asset"),
  F_TEXT ("threat", N_("Threat"), NONE),
  F_TEXT ("vulnerability", N_("Vulnerability"), NONE),
  F_TEXT ("existing-controls", N_("Existing controls"), NONE),
  F_INT ("likelihood", N_("Likelihood"), SUM, CUSTOS_RANGE_LIKELIHOOD, 0),
  F_INT ("consequence", N_("Consequence"), SUM, CUSTOS_RANGE_CONSEQUENCE, 0),
  F_REF ("owner", N_("Risk owner"), SUM, "role"),
  F_ENUM ("treatment", N_("Treatment option"), SUM, custos_treatment_get_type),
  F_CONTROLS ("controls", N_("Annex A controls"), NONE),
  F_TEXT ("custom-controls", N_("Other controls"), NONE),
  F_INT ("residual-likelihood", N_("Residual likelihood"), NONE, CUSTOS_RANGE_LIKELIHOOD, 0),
  F_INT ("residual-consequence", N_("Residual consequence"), NONE, CUSTOS_RANGE_CONSEQUENCE, 0),
  F_STRING ("accepted-by", N_("Residual risk accepted by"), NONE),
  F_DATE ("accepted", N_("Acceptance date"), NONE),
  F_BOOL ("management-approval", N_("Approved by top management"), NONE),
  F_ENUM ("status", N_("Status"), SUM, custos_risk_status_get_type),
  F_DATE ("next-review", N_("Next review"), NONE),
};
KIND (risk_kind, "risk", "risks", N_("Risk"), N_("Risks"), "R-", "6.1.2", custos_risk_get_type);

static const CustosField action_kind_fields[] = {
  F_STRING ("title", N_("Action"), REQ | TITLE),
  F_REF ("risk", N_("Risk"), REQ | SUM, "risk"),
  F_CONTROLS ("controls", N_("Controls"), NONE),
  F_REF ("owner", N_("Owner"), SUM, "role"),
  F_TEXT ("resources", N_("Resources"), NONE),
  F_DATE ("due", N_("Due date"), SUM),
  F_ENUM ("status", N_("Status"), SUM, custos_action_status_get_type),
  F_TEXT ("evidence", N_("Evidence"), NONE),
};
KIND (action_kind, "action", "actions", N_("Treatment action"), N_("Risk treatment plan"), "ACT-", "6.1.3", custos_action_get_type);

static const CustosField soa_entry_kind_fields[] = {
  F_ENUM ("applicable", N_("Applicable"), SUM, custos_applicability_get_type),
  F_FLAGS ("reasons", N_("Reasons for inclusion"), SUM, custos_reason_get_type),
  F_ENUM ("implementation", N_("Implementation"), SUM, custos_implementation_get_type),
  F_TEXT ("justification", N_("Justification"), NONE),
  F_STRING ("how-applied", N_("How applied"), NONE),
  F_REF ("document", N_("Applied by document"), NONE, "document"),
  F_REF ("owner", N_("Owner"), SUM, "role"),
  F_BOOL ("review", N_("Needs review"), NONE),
  F_TEXT ("migration-note", N_("Migration note"), NONE),
};
KIND (soa_entry_kind, "control", "soa", N_("Control"), N_("Statement of Applicability"), NULL, "6.1.3", custos_soa_entry_get_type);

static const CustosField evidence_kind_fields[] = {
  F_STRING ("title", N_("Evidence"), REQ | TITLE),
  F_CONTROLS ("controls", N_("Controls"), REQ | SUM),
  F_REF ("document", N_("Document"), NONE, "document"),
  F_STRING ("location", N_("File path or URL"), NONE),
  F_DATE ("date", N_("Date of the evidence"), SUM),
  F_STRING ("sha256", N_("SHA-256 of the file"), NONE),
  F_DATE ("verified", N_("Last verified"), SUM),
  F_STRING ("verified-by", N_("Verified by"), NONE),
};
KIND (evidence_kind, "evidence", "evidence-items", N_("Evidence"), N_("Evidence of controls"), "EV-", "6.1.3 d", custos_evidence_get_type);

static const CustosField objective_kind_fields[] = {
  F_STRING ("title", N_("Objective"), REQ | TITLE),
  F_TEXT ("target", N_("Measurable target"), NONE),
  F_STRING ("measure", N_("How it is measured"), NONE),
  F_REF ("owner", N_("Owner"), SUM, "role"),
  F_TEXT ("resources", N_("Resources"), NONE),
  F_DATE ("due", N_("Due date"), SUM),
  F_BOOL ("ongoing", N_("Ongoing"), NONE),
  F_INT ("progress", N_("Progress (%)"), SUM, 0, 100),
  F_ENUM ("status", N_("Status"), SUM, custos_objective_status_get_type),
};
KIND (objective_kind, "objective", "objectives", N_("Objective"), N_("Information security objectives"), "OBJ-", "6.2", custos_objective_get_type);

static const CustosField competence_kind_fields[] = {
  F_REF ("role", N_("Role"), REQ | SUM, "role"),
  F_TEXT ("requirement", N_("Competence required"), REQ | TITLE),
  F_TEXT ("verification", N_("How it is verified"), NONE),
};
KIND (competence_kind, "competence", "competences", N_("Competence requirement"), N_("Competence requirements"), "COMP-", "7.2", custos_competence_get_type);

static const CustosField training_kind_fields[] = {
  F_STRING ("person", N_("Person"), REQ | SUM),
  F_STRING ("topic", N_("Training or awareness"), REQ | TITLE),
  F_ENUM ("kind", N_("Kind"), SUM, custos_training_kind_get_type),
  F_DATE ("date", N_("Date"), SUM),
  F_STRING ("evidence", N_("Evidence"), NONE),
  F_DATE ("expiry", N_("Expires"), SUM),
};
KIND (training_kind, "training", "trainings", N_("Training record"), N_("Training and awareness"), "TRN-", "7.2", custos_training_get_type);

static const CustosField communication_kind_fields[] = {
  F_STRING ("subject", N_("What"), REQ | TITLE),
  F_STRING ("when", N_("When"), SUM),
  F_STRING ("audience", N_("To whom"), SUM),
  F_REF ("sender", N_("Who communicates"), SUM, "role"),
  F_STRING ("channel", N_("How"), SUM),
};
KIND (communication_kind, "communication", "communications", N_("Communication"), N_("Communication plan"), "COM-", "7.4", custos_communication_get_type);

static const CustosField controlled_document_kind_fields[] = {
  F_STRING ("reference", N_("Document number"), SUM),
  F_STRING ("title", N_("Title"), REQ | TITLE),
  F_ENUM ("type", N_("Type"), SUM, custos_document_type_get_type),
  F_STRING ("version", N_("Version"), SUM),
  F_REF ("owner", N_("Owner"), SUM, "role"),
  F_REF ("approver", N_("Approver"), NONE, "role"),
  F_DATE ("approved", N_("Approval date"), NONE),
  F_DATE ("next-review", N_("Next review"), SUM),
  F_ENUM ("classification", N_("Classification"), NONE, custos_classification_get_type),
  F_STRING ("location", N_("Location"), NONE),
  F_ENUM ("status", N_("Status"), SUM, custos_document_status_get_type),
};
KIND (controlled_document_kind, "document", "documents", N_("Document"), N_("Document register"), "DOC-", "7.5", custos_controlled_document_get_type);

static const CustosField process_kind_fields[] = {
  F_STRING ("name", N_("Process"), REQ | TITLE),
  F_REF ("owner", N_("Owner"), SUM, "role"),
  F_TEXT ("description", N_("Description"), NONE),
  F_REFS ("risks", N_("Risks"), NONE, "risk"),
};
KIND (process_kind, "process", "processes", N_("Process"), N_("Operational processes"), "PROC-", "8.1", custos_process_get_type);

static const CustosField supplier_kind_fields[] = {
  F_STRING ("name", N_("Supplier"), REQ | TITLE),
  F_TEXT ("services", N_("Services"), SUM),
  F_ENUM ("criticality", N_("Criticality"), SUM, custos_severity_get_type),
  F_BOOL ("data-access", N_("Has access to our information"), NONE),
  F_REF ("owner", N_("Owner"), NONE, "role"),
  F_STRING ("assurance", N_("Assurance (certificate, report)"), NONE),
  F_DATE ("assessed", N_("Last assessed"), NONE),
  F_ENUM ("assessment", N_("Assessment result"), SUM, custos_assessment_get_type),
  F_TEXT ("contract-clauses", N_("Security clauses in the contract"), NONE),
  F_DATE ("next-review", N_("Next review"), SUM),
};
KIND (supplier_kind, "supplier", "suppliers", N_("Supplier"), N_("Supplier register"), "SUP-", "A.5.19", custos_supplier_get_type);

static const CustosField measure_kind_fields[] = {
  F_STRING ("title", N_("What is monitored"), REQ | TITLE),
  F_TEXT ("method", N_("Method"), NONE),
  F_STRING ("frequency", N_("When"), SUM),
  F_REF ("owner", N_("Who measures"), SUM, "role"),
  F_STRING ("reported-to", N_("Reported to"), NONE),
  F_TEXT ("escalation", N_("Escalation"), NONE),
  F_NUMBER ("target", N_("Target"), SUM),
  F_STRING ("unit", N_("Unit"), NONE),
  F_BOOL ("higher-is-better", N_("Higher is better"), NONE),
};
KIND (measure_kind, "measure", "measures", N_("Measure"), N_("Monitoring and measurement"), "MON-", "9.1", custos_measure_get_type);

static const CustosField measurement_kind_fields[] = {
  F_REF ("measure", N_("Measure"), REQ | SUM, "measure"),
  F_DATE ("date", N_("Date"), REQ | TITLE),
  F_NUMBER ("value", N_("Result"), SUM),
  F_TEXT ("note", N_("Note"), NONE),
};
KIND (measurement_kind, "measurement", "measurements", N_("Result"), N_("Monitoring results"), "RES-", "9.1", custos_measurement_get_type);

static const CustosField audit_kind_fields[] = {
  F_STRING ("title", N_("Audit"), REQ | TITLE),
  F_REFS ("processes", N_("Processes or areas"), NONE, "process"),
  F_INT ("frequency-months", N_("Frequency (months)"), NONE, 1, 36),
  F_STRING ("auditor", N_("Auditor"), SUM),
  F_TEXT ("auditor-competence", N_("Auditor's competence"), NONE),
  F_TEXT ("independence", N_("Independence"), NONE),
  F_FLAGS ("coverage", N_("Clauses and Annex A themes covered"), NONE, custos_coverage_get_type),
  F_DATE ("planned", N_("Planned date"), SUM),
  F_DATE ("done", N_("Actual date"), SUM),
  F_ENUM ("status", N_("Status"), SUM, custos_audit_status_get_type),
  F_TEXT ("summary", N_("Summary"), NONE),
};
KIND (audit_kind, "audit", "audits", N_("Internal audit"), N_("Internal audit programme"), "AUD-", "9.2", custos_audit_get_type);

static const CustosField finding_kind_fields[] = {
  F_REF ("audit", N_("Audit"), REQ | SUM, "audit"),
  F_ENUM ("type", N_("Type"), SUM, custos_finding_type_get_type),
  F_STRING ("reference", N_("Clause or control"), SUM),
  F_TEXT ("description", N_("Finding"), REQ | TITLE),
  F_REF ("nonconformity", N_("Nonconformity raised"), NONE, "nonconformity"),
};
KIND (finding_kind, "finding", "findings", N_("Audit finding"), N_("Audit findings"), "FND-", "9.2", custos_finding_get_type);

static const CustosField review_kind_fields[] = {
  F_DATE ("date", N_("Date"), REQ | TITLE),
  F_TEXT ("attendees", N_("Attendees"), SUM),
  F_TEXT ("previous-actions", N_("Status of actions from previous reviews"), NONE),
  F_TEXT ("issue-changes", N_("Changes in internal and external issues"), NONE),
  F_TEXT ("party-changes", N_("Changes in needs and expectations of interested parties"), NONE),
  F_TEXT ("nonconformities", N_("Nonconformities and corrective actions"), NONE),
  F_TEXT ("monitoring", N_("Monitoring and measurement results"), NONE),
  F_TEXT ("audits", N_("Audit results"), NONE),
  F_TEXT ("objectives", N_("Fulfilment of information security objectives"), NONE),
  F_TEXT ("feedback", N_("Feedback from interested parties"), NONE),
  F_TEXT ("risks", N_("Results of risk assessment and status of the treatment plan"), NONE),
  F_TEXT ("opportunities", N_("Opportunities for continual improvement"), NONE),
  F_TEXT ("decisions", N_("Decisions"), NONE),
};
KIND (review_kind, "review", "reviews", N_("Management review"), N_("Management reviews"), "MR-", "9.3", custos_review_get_type);

static const CustosField review_action_kind_fields[] = {
  F_REF ("review", N_("Management review"), REQ | SUM, "review"),
  F_STRING ("title", N_("Action"), REQ | TITLE),
  F_REF ("owner", N_("Owner"), SUM, "role"),
  F_DATE ("due", N_("Due date"), SUM),
  F_ENUM ("status", N_("Status"), SUM, custos_action_status_get_type),
};
KIND (review_action_kind, "review-action", "review-actions", N_("Review action"), N_("Management review actions"), "MRA-", "9.3", custos_review_action_get_type);

static const CustosField nonconformity_kind_fields[] = {
  F_STRING ("title", N_("Nonconformity"), REQ | TITLE),
  F_ENUM ("source", N_("Source"), SUM, custos_nc_source_get_type),
  F_DATE ("raised", N_("Raised on"), SUM),
  F_TEXT ("description", N_("What occurred"), NONE),
  F_TEXT ("containment", N_("Containment"), NONE),
  F_STRINGS ("whys", N_("Five whys"), NONE, "why"),
  F_TEXT ("root-cause", N_("Root cause"), NONE),
  F_TEXT ("corrective-action", N_("Corrective action"), NONE),
  F_REF ("owner", N_("Owner"), SUM, "role"),
  F_DATE ("due", N_("Due date"), SUM),
  F_DATE ("effectiveness-review", N_("Effectiveness reviewed on"), NONE),
  F_ENUM ("effectiveness", N_("Effectiveness"), NONE, custos_effectiveness_get_type),
  F_ENUM ("status", N_("Status"), SUM, custos_nc_status_get_type),
};
KIND (nonconformity_kind, "nonconformity", "nonconformities", N_("Nonconformity"), N_("Nonconformities and corrective actions"), "NC-", "10.2", custos_nonconformity_get_type);

static const CustosField incident_kind_fields[] = {
  F_STRING ("title", N_("Incident"), REQ | TITLE),
  F_DATE ("date", N_("Date"), REQ | SUM),
  F_TEXT ("description", N_("What happened"), NONE),
  F_BOOL ("confidentiality", N_("Confidentiality affected"), NONE),
  F_BOOL ("integrity", N_("Integrity affected"), NONE),
  F_BOOL ("availability", N_("Availability affected"), NONE),
  F_ENUM ("severity", N_("Severity"), SUM, custos_severity_get_type),
  F_REFS ("assets", N_("Assets"), NONE, "asset"),
  F_TEXT ("response", N_("Response"), NONE),
  F_TEXT ("lessons", N_("Lessons learned"), NONE),
  F_REF ("nonconformity", N_("Nonconformity"), NONE, "nonconformity"),
};
KIND (incident_kind, "incident", "incidents", N_("Incident"), N_("Incident log"), "INC-", "10.2", custos_incident_get_type);

/* A field that a three-way merge found changed both ways (custos-merge.c):
 * the merged record keeps "ours"; the conflict stays until someone decides. */
static const CustosField merge_conflict_kind_fields[] = {
  F_STRING ("kind", N_("Kind of record"), REQ | SUM),
  F_STRING ("record", N_("Record"), REQ | TITLE),
  F_STRING ("field", N_("Field"), REQ | SUM),
  F_TEXT ("base", N_("Common ancestor's value"), NONE),
  F_TEXT ("ours", N_("Our value"), SUM),
  F_TEXT ("theirs", N_("Their value"), SUM),
};
KIND (merge_conflict_kind, "merge-conflict", "merge-conflicts", N_("Merge conflict"), N_("Merge conflicts"), "MC-", "7.5.3", custos_merge_conflict_get_type);

/* custos-fields.h numbers the fields of every kind: a field added, removed
 * or moved here without regenerating it fails the build. */
#ifndef CUSTOS_GENERATING_FIELDS
#define FIELDS_MATCH(var, TYPE) \
  _Static_assert (G_N_ELEMENTS (var##_fields) == CUSTOS_##TYPE##_N_FIELDS, \
                  "src/model/custos-fields.h is out of date: run " \
                  "./build/tools/custos-gen-fields > src/model/custos-fields.h")
FIELDS_MATCH (organisation_kind, ORGANISATION);
FIELDS_MATCH (scope_kind, SCOPE);
FIELDS_MATCH (isms_processes_kind, ISMS_PROCESSES);
FIELDS_MATCH (leadership_kind, LEADERSHIP);
FIELDS_MATCH (policy_kind, POLICY);
FIELDS_MATCH (isms_risks_kind, ISMS_RISKS);
FIELDS_MATCH (change_planning_kind, CHANGE_PLANNING);
FIELDS_MATCH (isms_resources_kind, ISMS_RESOURCES);
FIELDS_MATCH (continual_improvement_kind, CONTINUAL_IMPROVEMENT);
FIELDS_MATCH (reassessment_kind, REASSESSMENT);
FIELDS_MATCH (plan_approval_kind, PLAN_APPROVAL);
FIELDS_MATCH (revision_kind, REVISION);
FIELDS_MATCH (issue_kind, ISSUE);
FIELDS_MATCH (party_kind, PARTY);
FIELDS_MATCH (requirement_kind, REQUIREMENT);
FIELDS_MATCH (role_kind, ROLE);
FIELDS_MATCH (asset_kind, ASSET);
FIELDS_MATCH (risk_kind, RISK);
FIELDS_MATCH (action_kind, ACTION);
FIELDS_MATCH (soa_entry_kind, SOA_ENTRY);
FIELDS_MATCH (evidence_kind, EVIDENCE);
FIELDS_MATCH (objective_kind, OBJECTIVE);
FIELDS_MATCH (competence_kind, COMPETENCE);
FIELDS_MATCH (training_kind, TRAINING);
FIELDS_MATCH (communication_kind, COMMUNICATION);
FIELDS_MATCH (controlled_document_kind, CONTROLLED_DOCUMENT);
FIELDS_MATCH (process_kind, PROCESS);
FIELDS_MATCH (supplier_kind, SUPPLIER);
FIELDS_MATCH (measure_kind, MEASURE);
FIELDS_MATCH (measurement_kind, MEASUREMENT);
FIELDS_MATCH (audit_kind, AUDIT);
FIELDS_MATCH (finding_kind, FINDING);
FIELDS_MATCH (review_kind, REVIEW);
FIELDS_MATCH (review_action_kind, REVIEW_ACTION);
FIELDS_MATCH (nonconformity_kind, NONCONFORMITY);
FIELDS_MATCH (incident_kind, INCIDENT);
FIELDS_MATCH (merge_conflict_kind, MERGE_CONFLICT);
#endif

/* GObject types ------------------------------------------------------- */

#define DEFINE_RECORD(TypeName, type_name, kind_var)                          \
  struct _##TypeName { CustosRecord parent_instance; };                       \
  G_DEFINE_FINAL_TYPE (TypeName, type_name, CUSTOS_TYPE_RECORD)               \
  static void type_name##_class_init (TypeName##Class *klass)                 \
  { custos_record_class_install (CUSTOS_RECORD_CLASS (klass), &kind_var); }   \
  static void type_name##_init (TypeName *self)                               \
  { custos_record_init_values (CUSTOS_RECORD (self), &kind_var); }

DEFINE_RECORD (CustosOrganisation, custos_organisation, organisation_kind)
DEFINE_RECORD (CustosScope, custos_scope, scope_kind)
DEFINE_RECORD (CustosIsmsProcesses, custos_isms_processes, isms_processes_kind)
DEFINE_RECORD (CustosLeadership, custos_leadership, leadership_kind)
DEFINE_RECORD (CustosPolicy, custos_policy, policy_kind)
DEFINE_RECORD (CustosIsmsRisks, custos_isms_risks, isms_risks_kind)
DEFINE_RECORD (CustosChangePlanning, custos_change_planning, change_planning_kind)
DEFINE_RECORD (CustosIsmsResources, custos_isms_resources, isms_resources_kind)
DEFINE_RECORD (CustosContinualImprovement, custos_continual_improvement, continual_improvement_kind)
DEFINE_RECORD (CustosReassessment, custos_reassessment, reassessment_kind)
DEFINE_RECORD (CustosPlanApproval, custos_plan_approval, plan_approval_kind)
DEFINE_RECORD (CustosRevision, custos_revision, revision_kind)
DEFINE_RECORD (CustosIssue, custos_issue, issue_kind)
DEFINE_RECORD (CustosParty, custos_party, party_kind)
DEFINE_RECORD (CustosRequirement, custos_requirement, requirement_kind)
DEFINE_RECORD (CustosRole, custos_role, role_kind)
DEFINE_RECORD (CustosAsset, custos_asset, asset_kind)
DEFINE_RECORD (CustosRisk, custos_risk, risk_kind)
DEFINE_RECORD (CustosAction, custos_action, action_kind)
DEFINE_RECORD (CustosSoaEntry, custos_soa_entry, soa_entry_kind)
DEFINE_RECORD (CustosEvidence, custos_evidence, evidence_kind)
DEFINE_RECORD (CustosObjective, custos_objective, objective_kind)
DEFINE_RECORD (CustosCompetence, custos_competence, competence_kind)
DEFINE_RECORD (CustosTraining, custos_training, training_kind)
DEFINE_RECORD (CustosCommunication, custos_communication, communication_kind)
DEFINE_RECORD (CustosControlledDocument, custos_controlled_document, controlled_document_kind)
DEFINE_RECORD (CustosProcess, custos_process, process_kind)
DEFINE_RECORD (CustosSupplier, custos_supplier, supplier_kind)
DEFINE_RECORD (CustosMeasure, custos_measure, measure_kind)
DEFINE_RECORD (CustosMeasurement, custos_measurement, measurement_kind)
DEFINE_RECORD (CustosAudit, custos_audit, audit_kind)
DEFINE_RECORD (CustosFinding, custos_finding, finding_kind)
DEFINE_RECORD (CustosReview, custos_review, review_kind)
DEFINE_RECORD (CustosReviewAction, custos_review_action, review_action_kind)
DEFINE_RECORD (CustosNonconformity, custos_nonconformity, nonconformity_kind)
DEFINE_RECORD (CustosIncident, custos_incident, incident_kind)
DEFINE_RECORD (CustosMergeConflict, custos_merge_conflict, merge_conflict_kind)

/* Lookup -------------------------------------------------------------- */

static const CustosKind *sections[CUSTOS_N_SECTIONS] = {
  &organisation_kind, &scope_kind, &policy_kind, &reassessment_kind, &plan_approval_kind,
  &isms_processes_kind, &leadership_kind, &isms_risks_kind, &change_planning_kind, &isms_resources_kind,
  &continual_improvement_kind,
};

static const CustosKind *registers[CUSTOS_N_REGISTERS] = {
  &revision_kind, &issue_kind, &party_kind, &requirement_kind, &role_kind, &asset_kind, &risk_kind,
  &action_kind, &soa_entry_kind, &evidence_kind, &objective_kind, &competence_kind, &training_kind,
  &communication_kind, &controlled_document_kind, &process_kind, &supplier_kind, &measure_kind,
  &measurement_kind, &audit_kind, &finding_kind, &review_kind, &review_action_kind,
  &nonconformity_kind, &incident_kind, &merge_conflict_kind,
};

const CustosKind *
custos_kinds_section (CustosSection section)
{
  g_return_val_if_fail (section < CUSTOS_N_SECTIONS, NULL);
  return sections[section];
}

const CustosKind *
custos_kinds_register (CustosRegister reg)
{
  g_return_val_if_fail (reg < CUSTOS_N_REGISTERS, NULL);
  return registers[reg];
}

const CustosKind *
custos_kinds_lookup (const char *name)
{
  for (guint i = 0; i < CUSTOS_N_REGISTERS; i++)
    if (g_str_equal (registers[i]->name, name) || g_str_equal (registers[i]->register_name, name))
      return registers[i];
  for (guint i = 0; i < CUSTOS_N_SECTIONS; i++)
    if (g_str_equal (sections[i]->name, name))
      return sections[i];
  return NULL;
}

int
custos_kinds_register_index (const CustosKind *kind)
{
  for (guint i = 0; i < CUSTOS_N_REGISTERS; i++)
    if (registers[i] == kind)
      return (int) i;
  return -1;
}

int
custos_kinds_section_index (const CustosKind *kind)
{
  for (guint i = 0; i < CUSTOS_N_SECTIONS; i++)
    if (sections[i] == kind)
      return (int) i;
  return -1;
}
