/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-readiness.c — the audit-readiness check: documented information,
 * every consistency rule, three-year audit coverage, the percentage, the
 * example document, and custos --check [--strict] on files built to trip
 * one rule each.
 *
 * Every document here is a clean base (no finding at all, every item
 * present) with one change. The files under tests/data/readiness/ are those
 * documents saved; regenerate them with
 *   build/tests/test-readiness --write-fixtures tests/data/readiness
 * (test_fixtures_match_code fails if they drift from the code below).
 */
#include "config.h"

#include <string.h>

#include "custos-document.h"
#include "custos-file.h"
#include "custos-readiness.h"
#include "custos-test-util.h"

/* The date every check here is made on. */
#define TODAY "2026-11-28"

static GDate
date_of (const char *text)
{
  GDate date;

  ck_assert_msg (custos_date_parse (text, &date), "bad date %s", text);
  return date;
}

/* Sets fields from their text form, as in the file: name, text, …, NULL.
 * The builders also run outside the tests (--write-fixtures), so they abort
 * with g_error() rather than a Check assertion. */
G_GNUC_NULL_TERMINATED
static CustosRecord *
set (CustosRecord *record,
     ...)
{
  const CustosKind *kind = custos_record_get_kind (record);
  const char *name;
  va_list args;

  va_start (args, record);
  while ((name = va_arg (args, const char *)) != NULL)
    {
      const char *text = va_arg (args, const char *);
      g_auto(GValue) value = G_VALUE_INIT;
      g_autofree char *message = NULL;
      guint index;

      if (custos_kind_find_field (kind, name, &index) == NULL)
        g_error ("no field %s in %s", name, kind->name);
      if (!custos_field_from_text (&kind->fields[index], text, &value, &message))
        g_error ("%s", message);
      custos_record_set_value (record, index, &value);
    }
  va_end (args);
  return record;
}

static CustosRecord *
get (CustosDocument *doc,
     CustosRegister  reg,
     const char     *id)
{
  CustosRecord *record = custos_document_lookup (doc, reg, id);

  if (record == NULL)
    g_error ("no record %s", id);
  return record;
}

static CustosRecord *
section (CustosDocument *doc,
         CustosSection   which)
{
  return custos_document_get_section (doc, which);
}

/* The clean base: every required piece of documented information present
 * and consistent as of TODAY. */
static CustosDocument *
build_base (void)
{
  CustosDocument *doc = custos_document_new (CUSTOS_EDITION_2022);
  GListModel *soa = custos_document_get_register (doc, CUSTOS_REGISTER_SOA);

  set (section (doc, CUSTOS_SECTION_ORGANISATION), "name", "Fixture Ltd", NULL);
  set (section (doc, CUSTOS_SECTION_SCOPE),
       "statement", "The ISMS of Fixture Ltd covers its bookkeeping service.",
       "sites", "One office in York",
       "networks", "Office network and Microsoft 365",
       "employee-groups", "All 12 staff",
       "processes", "Bookkeeping for clients",
       "interfaces", "HMRC online services",
       NULL);
  set (section (doc, CUSTOS_SECTION_POLICY),
       "statement", "We protect our clients' information.",
       "objectives-framework", "Objectives are set yearly at the management review.",
       "commit-requirements", "true",
       "commit-improvement", "true",
       "authorised-by", "Ann Director",
       "approved", "2026-01-10",
       "version", "1.0",
       "next-review", "2027-01-10",
       NULL);
  set (section (doc, CUSTOS_SECTION_ISMS_PROCESSES),
       "processes", "Risk management, document control, audit and review around the bookkeeping service",
       "integration", "Part of the monthly practice meeting", NULL);
  set (section (doc, CUSTOS_SECTION_LEADERSHIP),
       "commitment", "The director chairs the management review and approves the policy",
       "integration", "Security checks are part of client onboarding",
       "support", "The director assigns the ISMS manager's time", "evidence", "MR-001 minutes", NULL);
  set (section (doc, CUSTOS_SECTION_ISMS_RISKS),
       "risks", "The ISMS depends on one person", "actions", "A deputy is trained",
       "evaluation", "Checked at the management review", NULL);
  set (section (doc, CUSTOS_SECTION_CHANGE_PLANNING),
       "process", "Changes to the ISMS are planned at the management review",
       "changes", "Move to a new bookkeeping platform in 2027", NULL);
  set (section (doc, CUSTOS_SECTION_ISMS_RESOURCES),
       "resources", "One day a month of the ISMS manager", "budget", "£2,000 a year",
       "approved-by", "Ann Director", NULL);
  set (section (doc, CUSTOS_SECTION_CONTINUAL_IMPROVEMENT),
       "approach", "Improvements come from audits, incidents and reviews",
       "improvements", "Restore tests automated", NULL);
  set (section (doc, CUSTOS_SECTION_REASSESSMENT),
       "interval-months", "12", "last", "2026-09-01", "next", "2027-09-01", NULL);
  set (section (doc, CUSTOS_SECTION_PLAN_APPROVAL),
       "owners-approved-by", "Ann Director", "owners-approved", "2026-09-15",
       "management-approved-by", "Ann Director", "management-approved", "2026-09-20",
       NULL);

  set (custos_document_add_new (doc, CUSTOS_REGISTER_ISSUES),
       "title", "Flooding of the York office", "kind", "external", "climate", "true", NULL);
  set (custos_document_add_new (doc, CUSTOS_REGISTER_REQUIREMENTS),
       "title", "UK GDPR", "kind", "legal", "source", "Data Protection Act 2018", "how-met",
       "Privacy notice and records of processing", "reviewed", "2026-06-01", NULL);
  set (custos_document_add_new (doc, CUSTOS_REGISTER_ROLES),
       "title", "Managing Director", "holder", "Ann Director", "top-management", "true", NULL);
  set (custos_document_add_new (doc, CUSTOS_REGISTER_ASSETS),
       "name", "Client records", "owner", "ROLE-001", NULL);
  set (custos_document_add_new (doc, CUSTOS_REGISTER_RISKS),
       "title", "Ransomware encrypts client records",
       "assets", "A-001",
       "likelihood", "4", "consequence", "4",
       "owner", "ROLE-001",
       "treatment", "change-likelihood",
       "controls", "5.15 8.13",
       "residual-likelihood", "2", "residual-consequence", "2",
       "accepted-by", "Ann Director", "accepted", "2026-09-15",
       "status", "treating",
       "next-review", "2027-03-01",
       NULL);
  set (custos_document_add_new (doc, CUSTOS_REGISTER_ACTIONS),
       "title", "Daily offline backup", "risk", "R-001", "controls", "8.13", "owner", "ROLE-001",
       "due", "2026-06-30", "status", "done", "evidence", "Backup log",
       NULL);

  /* Every control applicable; the two the risk selects implemented. */
  for (guint i = 0, n = g_list_model_get_n_items (soa); i < n; i++)
    {
      g_autoptr(CustosRecord) entry = g_list_model_get_item (soa, i);
      set (entry, "applicable", "applicable", NULL);
    }
  set (get (doc, CUSTOS_REGISTER_SOA, "5.15"),
       "reasons", "risk-treatment", "implementation", "implemented", "how-applied", "Access procedure", NULL);
  set (get (doc, CUSTOS_REGISTER_SOA, "8.13"),
       "reasons", "risk-treatment", "implementation", "implemented", "how-applied", "Backup procedure", NULL);
  set (custos_document_add_new (doc, CUSTOS_REGISTER_EVIDENCE),
       "title", "Access review and restore test reports", "controls", "5.15 8.13", "date", "2026-10-01",
       "verified", "2026-10-15", NULL);

  set (custos_document_add_new (doc, CUSTOS_REGISTER_OBJECTIVES),
       "title", "No successful ransomware", "target", "Zero incidents a year", "measure", "Incident log",
       "owner", "ROLE-001", "resources", "Backup service", "due", "2027-06-30", "status", "on-track",
       NULL);
  set (custos_document_add_new (doc, CUSTOS_REGISTER_COMPETENCES),
       "role", "ROLE-001", "requirement", "Knows the ISMS", "verification", "Training record", NULL);
  set (custos_document_add_new (doc, CUSTOS_REGISTER_TRAININGS),
       "person", "Ann Director", "topic", "ISMS awareness", "kind", "awareness",
       "date", "2026-02-01", "evidence", "Certificate", "expiry", "2027-02-01",
       NULL);
  set (custos_document_add_new (doc, CUSTOS_REGISTER_DOCUMENTS),
       "title", "Backup procedure", "type", "procedure", "version", "1.0", "owner", "ROLE-001",
       "approver", "ROLE-001", "approved", "2026-01-10", "next-review", "2027-06-01", "status", "approved",
       NULL);
  set (custos_document_add_new (doc, CUSTOS_REGISTER_PROCESSES),
       "name", "Bookkeeping", "owner", "ROLE-001", "description", "Monthly client bookkeeping",
       "risks", "R-001", NULL);
  set (custos_document_add_new (doc, CUSTOS_REGISTER_SUPPLIERS),
       "name", "Cloud backup service", "criticality", "high", "data-access", "true", "assessed", "2026-03-01",
       "assessment", "satisfactory", "contract-clauses", "Encryption, breach notice in 24 hours",
       "next-review", "2027-03-01", NULL);
  set (custos_document_add_new (doc, CUSTOS_REGISTER_MEASURES),
       "title", "Restore test time", "method", "Timed quarterly restore", "frequency", "Quarterly",
       "owner", "ROLE-001", "target", "4", NULL);
  set (custos_document_add_new (doc, CUSTOS_REGISTER_MEASUREMENTS),
       "measure", "MON-001", "date", "2026-10-01", "value", "3", NULL);
  set (custos_document_add_new (doc, CUSTOS_REGISTER_AUDITS),
       "title", "Internal audit 2026", "processes", "PROC-001", "auditor", "Bob Auditor",
       "auditor-competence", "ISO/IEC 27001 internal auditor course, 2025",
       "coverage", "clause-4 clause-5 clause-6 clause-7 clause-8 clause-9 clause-10 organizational-controls "
       "people-controls physical-controls technological-controls",
       "planned", "2026-05-10", "done", "2026-05-12", "status", "completed",
       NULL);
  set (custos_document_add_new (doc, CUSTOS_REGISTER_FINDINGS),
       "audit", "AUD-001", "type", "observation", "description", "Backup log kept on paper", NULL);
  set (custos_document_add_new (doc, CUSTOS_REGISTER_REVIEWS),
       "date", "2026-09-20", "attendees", "Ann Director", "previous-actions", "None, first review",
       "issue-changes", "None", "party-changes", "None", "nonconformities", "NC-001 closed",
       "monitoring", "Restore in 3 hours", "audits", "AUD-001: one observation", "objectives", "On track",
       "feedback", "None", "risks", "One risk, treated", "opportunities", "Automate restore tests",
       "decisions", "Plan approved",
       NULL);
  set (custos_document_add_new (doc, CUSTOS_REGISTER_REVIEW_ACTIONS),
       "review", "MR-001", "title", "Automate restore tests", "owner", "ROLE-001", "due", "2026-10-31",
       "status", "done", NULL);
  set (custos_document_add_new (doc, CUSTOS_REGISTER_NONCONFORMITIES),
       "title", "Backup not tested", "source", "audit", "raised", "2026-05-12",
       "root-cause", "No owner for restore tests", "corrective-action", "Quarterly test assigned",
       "owner", "ROLE-001", "due", "2026-07-31", "effectiveness-review", "2026-10-15",
       "effectiveness", "effective", "status", "closed",
       NULL);
  return doc;
}

static CustosReadiness *
check_doc (CustosDocument *doc)
{
  GDate today = date_of (TODAY);

  return custos_readiness_new (doc, &today);
}

static const CustosReadinessFinding *
find (CustosReadiness *readiness,
      const char      *rule,
      const char      *record_id)
{
  for (guint i = 0; i < custos_readiness_get_n_findings (readiness); i++)
    {
      const CustosReadinessFinding *finding = custos_readiness_get_finding (readiness, i);

      if (g_str_equal (finding->rule, rule) && g_strcmp0 (finding->record_id, record_id) == 0)
        return finding;
    }
  return NULL;
}

static char *
describe (CustosReadiness *readiness)
{
  GString *text = g_string_new (NULL);

  for (guint i = 0; i < custos_readiness_get_n_findings (readiness); i++)
    {
      const CustosReadinessFinding *f = custos_readiness_get_finding (readiness, i);
      g_string_append_printf (text, "\n  %s %s %s [%s]: %s", custos_readiness_severity_to_string (f->severity),
                              f->rule, f->clause, f->record_id ? f->record_id : "-", f->message);
    }
  return g_string_free (text, FALSE);
}

/* The clean base -------------------------------------------------------------- */

START_TEST (test_base_is_clean)
{
  g_autoptr(CustosDocument) doc = build_base ();
  g_autoptr(CustosReadiness) readiness = check_doc (doc);
  g_autofree char *found = describe (readiness);

  ck_assert_msg (custos_readiness_get_n_findings (readiness) == 0, "findings in the base:%s", found);
  ck_assert_uint_eq (custos_readiness_get_n_items (readiness), 22);
  for (guint i = 0; i < custos_readiness_get_n_items (readiness); i++)
    {
      const CustosReadinessItem *item = custos_readiness_get_item (readiness, i);
      ck_assert_msg (item->status == CUSTOS_READINESS_STATUS_PRESENT, "%s %s: %s",
                     item->clause, item->title, item->reason);
      ck_assert_ptr_nonnull (item->reason);
    }
  ck_assert_int_eq (custos_readiness_get_percentage (readiness), 100);
}
END_TEST

/* Each rule on a document built to trip it ----------------------------------- */

typedef void (*Mutate) (CustosDocument *doc);

static void
soa_undecided (CustosDocument *doc)
{
  set (get (doc, CUSTOS_REGISTER_SOA, "7.6"), "applicable", "undecided", NULL);
}

static void
soa_excluded_unjustified (CustosDocument *doc)
{
  set (get (doc, CUSTOS_REGISTER_SOA, "7.6"), "applicable", "not-applicable", NULL);
}

static void
soa_selected_not_applicable (CustosDocument *doc)
{
  set (get (doc, CUSTOS_REGISTER_SOA, "8.13"),
       "applicable", "not-applicable", "justification", "No data to back up", NULL);
}

static void
soa_implemented_no_how (CustosDocument *doc)
{
  set (get (doc, CUSTOS_REGISTER_SOA, "5.15"), "how-applied", "", NULL);
}

static void
soa_reason_risk_unselected (CustosDocument *doc)
{
  set (get (doc, CUSTOS_REGISTER_SOA, "5.1"), "reasons", "risk-treatment business", NULL);
}

static void
soa_needs_review (CustosDocument *doc)
{
  set (get (doc, CUSTOS_REGISTER_SOA, "7.6"), "review", "true",
       "migration-note", "Carried over from A.11.1.5 (ISO/IEC 27001:2013).", NULL);
}

static void
revision_unapproved (CustosDocument *doc)
{
  set (custos_document_add_new (doc, CUSTOS_REGISTER_REVISIONS),
       "version", "1.0", "date", "2026-01-10", "approved-by", "Ann Director", NULL);
  set (custos_document_add_new (doc, CUSTOS_REGISTER_REVISIONS), "version", "2.0", "date", "2026-11-01", NULL);
}

static void
to_review_risk (CustosDocument *doc)
{
  custos_record_set_to_review (get (doc, CUSTOS_REGISTER_RISKS, "R-001"), TRUE);
}

static void
to_review_scope (CustosDocument *doc)
{
  custos_record_set_to_review (section (doc, CUSTOS_SECTION_SCOPE), TRUE);
}

static void
risk_unscored (CustosDocument *doc)
{
  set (get (doc, CUSTOS_REGISTER_RISKS, "R-001"), "consequence", "", NULL);
}

static void
risk_no_owner (CustosDocument *doc)
{
  set (get (doc, CUSTOS_REGISTER_RISKS, "R-001"), "owner", "", NULL);
}

static void
risk_untreated (CustosDocument *doc)
{
  set (get (doc, CUSTOS_REGISTER_RISKS, "R-001"), "treatment", "undecided", NULL);
}

static void
risk_no_controls (CustosDocument *doc)
{
  set (get (doc, CUSTOS_REGISTER_RISKS, "R-001"), "controls", "", NULL);
}

/* Residual 4 × 3 = 12, High: a band that may not be accepted, top-management
 * approval or not. */
static void
risk_accepted_against_criteria (CustosDocument *doc)
{
  set (get (doc, CUSTOS_REGISTER_RISKS, "R-001"),
       "residual-likelihood", "4", "residual-consequence", "3", "status", "accepted",
       "management-approval", "true", NULL);
}

/* Accepted as it is: no residual, so the inherent 16 counts. */
static void
risk_accepted_inherent (CustosDocument *doc)
{
  set (get (doc, CUSTOS_REGISTER_RISKS, "R-001"), "treatment", "accept", "controls", "",
       "residual-likelihood", "", "residual-consequence", "", NULL);
  set (get (doc, CUSTOS_REGISTER_SOA, "5.15"), "reasons", "business", NULL);
  set (get (doc, CUSTOS_REGISTER_SOA, "8.13"), "reasons", "business", NULL);
}

/* Residual 1 × 3 below the inherent 3 × 3 with nothing that lowers it. */
static void
risk_residual_unsupported (CustosDocument *doc)
{
  set (custos_document_add_new (doc, CUSTOS_REGISTER_RISKS),
       "title", "Laptop stolen", "likelihood", "3", "consequence", "3", "owner", "ROLE-001",
       "treatment", "change-likelihood", "residual-likelihood", "1", "residual-consequence", "3",
       "status", "treating", NULL);
}

/* The same with a control chosen that is not implemented yet. */
static void
risk_residual_not_implemented (CustosDocument *doc)
{
  risk_residual_unsupported (doc);
  set (get (doc, CUSTOS_REGISTER_RISKS, "R-002"), "controls", "8.1", NULL);
}

static void
risk_no_residual (CustosDocument *doc)
{
  set (get (doc, CUSTOS_REGISTER_RISKS, "R-001"), "residual-likelihood", "", NULL);
}

static void
risk_review_overdue (CustosDocument *doc)
{
  set (get (doc, CUSTOS_REGISTER_RISKS, "R-001"), "next-review", "2026-11-27", NULL);
}

static void
reassessment_overdue (CustosDocument *doc)
{
  set (section (doc, CUSTOS_SECTION_REASSESSMENT), "next", "2026-10-01", NULL);
}

static void
action_overdue (CustosDocument *doc)
{
  set (get (doc, CUSTOS_REGISTER_ACTIONS, "ACT-001"), "status", "in-progress", NULL);
}

static void
objective_overdue (CustosDocument *doc)
{
  set (get (doc, CUSTOS_REGISTER_OBJECTIVES, "OBJ-001"), "due", "2026-10-01", NULL);
}

static void
training_expired (CustosDocument *doc)
{
  set (get (doc, CUSTOS_REGISTER_TRAININGS, "TRN-001"), "expiry", "2026-11-01", NULL);
}

static void
document_review_overdue (CustosDocument *doc)
{
  set (get (doc, CUSTOS_REGISTER_DOCUMENTS, "DOC-001"), "next-review", "2026-11-01", NULL);
}

static void
document_draft (CustosDocument *doc)
{
  set (get (doc, CUSTOS_REGISTER_DOCUMENTS, "DOC-001"), "status", "draft", NULL);
}

static void
merge_conflict (CustosDocument *doc)
{
  CustosMergeConflict *conflict =
    CUSTOS_MERGE_CONFLICT (custos_document_add_new (doc, CUSTOS_REGISTER_MERGE_CONFLICTS));

  custos_merge_conflict_set_kind (conflict, "risk");
  custos_merge_conflict_set_record (conflict, "R-001");
  custos_merge_conflict_set_field (conflict, "likelihood");
  custos_merge_conflict_set_ours (conflict, "3");
  custos_merge_conflict_set_theirs (conflict, "2");
}

static void
policy_not_authorised (CustosDocument *doc)
{
  set (section (doc, CUSTOS_SECTION_POLICY), "authorised-by", "", NULL);
}

static void
policy_commitment (CustosDocument *doc)
{
  set (section (doc, CUSTOS_SECTION_POLICY), "commit-improvement", "false", NULL);
}

static void
policy_review_overdue (CustosDocument *doc)
{
  set (section (doc, CUSTOS_SECTION_POLICY), "next-review", "2026-11-01", NULL);
}

/* Four years ago, nothing planned. */
static void
audit_coverage (CustosDocument *doc)
{
  set (get (doc, CUSTOS_REGISTER_AUDITS, "AUD-001"), "planned", "2022-11-01", "done", "2022-11-02", NULL);
}

static void
audit_coverage_late (CustosDocument *doc)
{
  audit_coverage (doc);
  set (custos_document_add_new (doc, CUSTOS_REGISTER_AUDITS),
       "title", "Internal audit 2027", "processes", "PROC-001", "planned", "2027-01-15", NULL);
}

static void
audit_overdue (CustosDocument *doc)
{
  set (custos_document_add_new (doc, CUSTOS_REGISTER_AUDITS),
       "title", "Follow-up audit", "processes", "PROC-001", "planned", "2026-10-01", NULL);
}

static void
finding_no_nc (CustosDocument *doc)
{
  set (get (doc, CUSTOS_REGISTER_FINDINGS, "FND-001"), "type", "minor", NULL);
}

static void
finding_major_no_nc (CustosDocument *doc)
{
  set (get (doc, CUSTOS_REGISTER_FINDINGS, "FND-001"), "type", "major", NULL);
}

/* The only review is fourteen months old. */
static void
review_none (CustosDocument *doc)
{
  set (get (doc, CUSTOS_REGISTER_REVIEWS, "MR-001"), "date", "2025-09-20", NULL);
}

static void
review_action_overdue (CustosDocument *doc)
{
  set (get (doc, CUSTOS_REGISTER_REVIEW_ACTIONS, "MRA-001"), "status", "planned", NULL);
}

static void
nc_no_root_cause (CustosDocument *doc)
{
  set (get (doc, CUSTOS_REGISTER_NONCONFORMITIES, "NC-001"), "root-cause", "", NULL);
}

static void
nc_open_no_root_cause (CustosDocument *doc)
{
  set (get (doc, CUSTOS_REGISTER_NONCONFORMITIES, "NC-001"),
       "root-cause", "", "status", "open", "due", "2027-01-31", NULL);
}

static void
nc_no_effectiveness (CustosDocument *doc)
{
  set (get (doc, CUSTOS_REGISTER_NONCONFORMITIES, "NC-001"), "effectiveness", "pending", NULL);
}

static void
nc_not_effective (CustosDocument *doc)
{
  set (get (doc, CUSTOS_REGISTER_NONCONFORMITIES, "NC-001"), "effectiveness", "not-effective", NULL);
}

static void
nc_overdue (CustosDocument *doc)
{
  set (get (doc, CUSTOS_REGISTER_NONCONFORMITIES, "NC-001"), "status", "action-planned", NULL);
}

static void
nc_open (CustosDocument *doc)
{
  set (get (doc, CUSTOS_REGISTER_NONCONFORMITIES, "NC-001"),
       "status", "verifying", "effectiveness", "pending", "effectiveness-review", "2026-12-15", NULL);
}

static void
record_incomplete (CustosDocument *doc)
{
  set (get (doc, CUSTOS_REGISTER_ACTIONS, "ACT-001"), "title", "", NULL);
}

static void
scope_missing (CustosDocument *doc)
{
  set (section (doc, CUSTOS_SECTION_SCOPE), "statement", "", NULL);
}

static void
scope_incomplete (CustosDocument *doc)
{
  set (section (doc, CUSTOS_SECTION_SCOPE), "interfaces", "", NULL);
}

static void
climate_missing (CustosDocument *doc)
{
  set (get (doc, CUSTOS_REGISTER_ISSUES, "ISS-001"), "climate", "false", NULL);
}

static void
leadership_missing (CustosDocument *doc)
{
  set (section (doc, CUSTOS_SECTION_LEADERSHIP), "commitment", "", NULL);
}

static void
requirements_none (CustosDocument *doc)
{
  custos_document_remove (doc, CUSTOS_REGISTER_REQUIREMENTS, get (doc, CUSTOS_REGISTER_REQUIREMENTS, "REQ-001"));
}

static void
requirement_not_met (CustosDocument *doc)
{
  set (get (doc, CUSTOS_REGISTER_REQUIREMENTS, "REQ-001"), "how-met", "", NULL);
}

static void
requirement_review_overdue (CustosDocument *doc)
{
  set (get (doc, CUSTOS_REGISTER_REQUIREMENTS, "REQ-001"), "reviewed", "2025-10-01", NULL);
}

static void
suppliers_none (CustosDocument *doc)
{
  custos_document_remove (doc, CUSTOS_REGISTER_SUPPLIERS, get (doc, CUSTOS_REGISTER_SUPPLIERS, "SUP-001"));
}

/* Critical and assessed more than a year ago. */
static void
supplier_not_assessed (CustosDocument *doc)
{
  set (get (doc, CUSTOS_REGISTER_SUPPLIERS, "SUP-001"), "assessed", "2025-11-01", NULL);
}

static void
supplier_never_assessed (CustosDocument *doc)
{
  set (get (doc, CUSTOS_REGISTER_SUPPLIERS, "SUP-001"), "assessed", "", "assessment", "not-assessed", NULL);
}

static void
supplier_unsatisfactory (CustosDocument *doc)
{
  set (get (doc, CUSTOS_REGISTER_SUPPLIERS, "SUP-001"), "assessment", "unsatisfactory", NULL);
}

static void
supplier_no_clauses (CustosDocument *doc)
{
  set (get (doc, CUSTOS_REGISTER_SUPPLIERS, "SUP-001"), "contract-clauses", "", NULL);
}

static void
supplier_review_overdue (CustosDocument *doc)
{
  set (get (doc, CUSTOS_REGISTER_SUPPLIERS, "SUP-001"), "next-review", "2026-11-01", NULL);
}

static void
soa_no_evidence (CustosDocument *doc)
{
  set (get (doc, CUSTOS_REGISTER_EVIDENCE, "EV-001"), "controls", "5.15", NULL);
}

/* Last verified thirteen months ago. */
static void
soa_evidence_stale (CustosDocument *doc)
{
  set (get (doc, CUSTOS_REGISTER_EVIDENCE, "EV-001"), "date", "2025-09-01", "verified", "2025-10-27", NULL);
}

/* A file the check cannot tell has changed. */
static void
evidence_no_checksum (CustosDocument *doc)
{
  set (get (doc, CUSTOS_REGISTER_EVIDENCE, "EV-001"), "location", "evidence/restore-test.pdf", NULL);
}

static void
soa_document_under_review (CustosDocument *doc)
{
  set (get (doc, CUSTOS_REGISTER_SOA, "8.13"), "document", "DOC-001", NULL);
  set (get (doc, CUSTOS_REGISTER_DOCUMENTS, "DOC-001"), "status", "under-review", NULL);
}

static void
audit_clause_coverage (CustosDocument *doc)
{
  set (get (doc, CUSTOS_REGISTER_AUDITS, "AUD-001"), "coverage",
       "clause-4 clause-5 clause-7 clause-8 clause-9 clause-10 organizational-controls people-controls "
       "technological-controls", NULL);
}

static void
audit_auditor_competence (CustosDocument *doc)
{
  set (get (doc, CUSTOS_REGISTER_AUDITS, "AUD-001"), "auditor-competence", "", NULL);
}

typedef struct
{
  const char              *name;      /* of the fixture file, if the line is set */
  Mutate                   mutate;
  CustosReadinessSeverity  severity;
  const char              *rule;
  const char              *clause;
  int                      reg;
  int                      sect;
  const char              *record_id;
  const char              *line;      /* custos --check prints "FILE: " line; NULL: no fixture */
} RuleCase;

#define ERR  CUSTOS_READINESS_SEVERITY_ERROR
#define WARN CUSTOS_READINESS_SEVERITY_WARNING
#define INFO CUSTOS_READINESS_SEVERITY_INFO

static const RuleCase rule_cases[] = {
  { "soa-undecided", soa_undecided, ERR, "soa-undecided", "6.1.3 d", CUSTOS_REGISTER_SOA, -1, "7.6",
    "error: 6.1.3 d: Control A.7.6 “Working in secure areas” is not decided: applicable or not" },
  { "soa-excluded-unjustified", soa_excluded_unjustified, ERR, "soa-excluded-unjustified", "6.1.3 d",
    CUSTOS_REGISTER_SOA, -1, "7.6",
    "error: 6.1.3 d: Control A.7.6 “Working in secure areas” is excluded without a justification" },
  { "soa-selected-not-applicable", soa_selected_not_applicable, ERR, "soa-selected-not-applicable", "6.1.3 d",
    CUSTOS_REGISTER_SOA, -1, "8.13",
    "error: 6.1.3 d: Control A.8.13 “Information backup” is marked not applicable but risk R-001 selects it" },
  { NULL, soa_implemented_no_how, WARN, "soa-implemented-no-how", "6.1.3 d", CUSTOS_REGISTER_SOA, -1, "5.15", NULL },
  { NULL, soa_reason_risk_unselected, WARN, "soa-reason-risk-unselected", "6.1.3 d", CUSTOS_REGISTER_SOA, -1, "5.1", NULL },
  { "soa-needs-review", soa_needs_review, WARN, "soa-needs-review", "6.1.3 d", CUSTOS_REGISTER_SOA, -1, "7.6",
    "warning: 6.1.3 d: Control 7.6 “Working in secure areas” is flagged for review: Carried over from A.11.1.5 "
    "(ISO/IEC 27001:2013)." },
  { NULL, revision_unapproved, WARN, "revision-unapproved", "7.5.2", CUSTOS_REGISTER_REVISIONS, -1, "REV-002", NULL },
  { NULL, to_review_risk, WARN, "to-review", "6.1.2", CUSTOS_REGISTER_RISKS, -1, "R-001", NULL },
  { NULL, to_review_scope, WARN, "to-review", "4.3", -1, CUSTOS_SECTION_SCOPE, NULL, NULL },
  { NULL, risk_unscored, WARN, "risk-unscored", "6.1.2 d", CUSTOS_REGISTER_RISKS, -1, "R-001", NULL },
  { NULL, risk_no_owner, WARN, "risk-no-owner", "6.1.2 c", CUSTOS_REGISTER_RISKS, -1, "R-001", NULL },
  { NULL, risk_untreated, WARN, "risk-untreated", "6.1.3 a", CUSTOS_REGISTER_RISKS, -1, "R-001", NULL },
  { NULL, risk_no_controls, WARN, "risk-no-controls", "6.1.3 b", CUSTOS_REGISTER_RISKS, -1, "R-001", NULL },
  { "risk-accepted-against-criteria", risk_accepted_against_criteria, ERR, "risk-accepted-against-criteria",
    "6.1.3 f", CUSTOS_REGISTER_RISKS, -1, "R-001",
    "error: 6.1.3 f: Risk R-001 “Ransomware encrypts client records” is accepted at a residual score of 12 (High), "
    "but the risk criteria say a risk in that band may not be accepted" },
  { NULL, risk_accepted_inherent, ERR, "risk-accepted-against-criteria", "6.1.3 f", CUSTOS_REGISTER_RISKS, -1,
    "R-001", NULL },
  { NULL, risk_residual_unsupported, ERR, "risk-residual-unsupported", "8.3", CUSTOS_REGISTER_RISKS, -1, "R-002",
    NULL },
  { NULL, risk_residual_not_implemented, WARN, "risk-residual-unsupported", "8.3", CUSTOS_REGISTER_RISKS, -1,
    "R-002", NULL },
  { NULL, risk_no_residual, WARN, "risk-no-residual", "8.3", CUSTOS_REGISTER_RISKS, -1, "R-001", NULL },
  { NULL, risk_review_overdue, WARN, "risk-review-overdue", "8.2", CUSTOS_REGISTER_RISKS, -1, "R-001", NULL },
  { NULL, reassessment_overdue, WARN, "reassessment-overdue", "8.2", -1, CUSTOS_SECTION_REASSESSMENT, NULL, NULL },
  { "action-overdue", action_overdue, WARN, "action-overdue", "8.3", CUSTOS_REGISTER_ACTIONS, -1, "ACT-001",
    "warning: 8.3: Treatment action ACT-001 “Daily offline backup” was due on 2026-06-30 and is still in progress" },
  { NULL, objective_overdue, WARN, "objective-overdue", "6.2", CUSTOS_REGISTER_OBJECTIVES, -1, "OBJ-001", NULL },
  { "training-expired", training_expired, WARN, "training-expired", "7.2", CUSTOS_REGISTER_TRAININGS, -1, "TRN-001",
    "warning: 7.2: Training record TRN-001 “ISMS awareness” of Ann Director expired on 2026-11-01" },
  { NULL, document_review_overdue, WARN, "document-review-overdue", "7.5.2", CUSTOS_REGISTER_DOCUMENTS, -1, "DOC-001", NULL },
  { NULL, document_draft, INFO, "document-not-approved", "7.5.2", CUSTOS_REGISTER_DOCUMENTS, -1, "DOC-001", NULL },
  { NULL, merge_conflict, ERR, "merge-conflict", "7.5.3", CUSTOS_REGISTER_MERGE_CONFLICTS, -1, "MC-001", NULL },
  { NULL, policy_not_authorised, ERR, "policy-not-authorised", "5.2", -1, CUSTOS_SECTION_POLICY, NULL, NULL },
  { "policy-commitment", policy_commitment, ERR, "policy-commitment", "5.2 d", -1, CUSTOS_SECTION_POLICY, NULL,
    "error: 5.2 d: The information security policy does not commit to continual improvement of the ISMS" },
  { NULL, policy_review_overdue, WARN, "policy-review-overdue", "5.2", -1, CUSTOS_SECTION_POLICY, NULL, NULL },
  { "audit-coverage", audit_coverage, ERR, "audit-coverage", "9.2", CUSTOS_REGISTER_PROCESSES, -1, "PROC-001",
    "error: 9.2: Process PROC-001 “Bookkeeping” was last audited on 2022-11-02, more than three years ago, "
    "and no audit of it is planned within three years" },
  { NULL, audit_coverage_late, WARN, "audit-coverage-late", "9.2", CUSTOS_REGISTER_PROCESSES, -1, "PROC-001", NULL },
  { NULL, audit_overdue, WARN, "audit-overdue", "9.2", CUSTOS_REGISTER_AUDITS, -1, "AUD-002", NULL },
  { NULL, finding_no_nc, WARN, "finding-no-nc", "10.2", CUSTOS_REGISTER_FINDINGS, -1, "FND-001", NULL },
  { "finding-major-no-nc", finding_major_no_nc, ERR, "finding-no-nc", "10.2", CUSTOS_REGISTER_FINDINGS, -1,
    "FND-001", "error: 10.2: Audit finding FND-001 of audit AUD-001 is a major nonconformity but no "
    "nonconformity is recorded for it" },
  { "review-none", review_none, ERR, "review-none", "9.3", CUSTOS_REGISTER_REVIEWS, -1, "MR-001",
    "error: 9.3: No management review in the last twelve months: the last, MR-001, was held on 2025-09-20" },
  { NULL, review_action_overdue, WARN, "review-action-overdue", "9.3", CUSTOS_REGISTER_REVIEW_ACTIONS, -1, "MRA-001", NULL },
  { "nc-no-root-cause", nc_no_root_cause, ERR, "nc-no-root-cause", "10.2 b", CUSTOS_REGISTER_NONCONFORMITIES, -1,
    "NC-001", "error: 10.2 b: Nonconformity NC-001 “Backup not tested” is closed but its root cause was never determined" },
  { NULL, nc_open_no_root_cause, WARN, "nc-no-root-cause", "10.2 b", CUSTOS_REGISTER_NONCONFORMITIES, -1, "NC-001", NULL },
  { "nc-no-effectiveness", nc_no_effectiveness, ERR, "nc-no-effectiveness", "10.2 d", CUSTOS_REGISTER_NONCONFORMITIES,
    -1, "NC-001", "error: 10.2 d: Nonconformity NC-001 “Backup not tested” is closed without a review of the "
    "effectiveness of its corrective action" },
  { NULL, nc_not_effective, ERR, "nc-no-effectiveness", "10.2 d", CUSTOS_REGISTER_NONCONFORMITIES, -1, "NC-001", NULL },
  { NULL, nc_overdue, WARN, "nc-overdue", "10.2", CUSTOS_REGISTER_NONCONFORMITIES, -1, "NC-001", NULL },
  { NULL, nc_open, INFO, "nc-open", "10.2", CUSTOS_REGISTER_NONCONFORMITIES, -1, "NC-001", NULL },
  { NULL, record_incomplete, WARN, "record-incomplete", "6.1.3", CUSTOS_REGISTER_ACTIONS, -1, "ACT-001", NULL },
  { NULL, climate_missing, ERR, "docinfo-missing", "4.1", CUSTOS_REGISTER_ISSUES, -1, NULL, NULL },
  { NULL, leadership_missing, ERR, "docinfo-missing", "5.1", -1, CUSTOS_SECTION_LEADERSHIP, NULL, NULL },
  { NULL, requirements_none, WARN, "requirements-none", "A.5.31", CUSTOS_REGISTER_REQUIREMENTS, -1, NULL, NULL },
  { NULL, requirement_not_met, WARN, "requirement-not-met", "A.5.31", CUSTOS_REGISTER_REQUIREMENTS, -1, "REQ-001",
    NULL },
  { NULL, requirement_review_overdue, WARN, "requirement-review-overdue", "A.5.31", CUSTOS_REGISTER_REQUIREMENTS, -1,
    "REQ-001", NULL },
  { NULL, suppliers_none, WARN, "suppliers-none", "A.5.19", CUSTOS_REGISTER_SUPPLIERS, -1, NULL, NULL },
  { "supplier-not-assessed", supplier_not_assessed, WARN, "supplier-not-assessed", "A.5.22",
    CUSTOS_REGISTER_SUPPLIERS, -1, "SUP-001",
    "warning: A.5.22: Supplier SUP-001 “Cloud backup service” was last assessed on 2025-11-01, more than twelve "
    "months ago" },
  { NULL, supplier_never_assessed, WARN, "supplier-not-assessed", "A.5.22", CUSTOS_REGISTER_SUPPLIERS, -1, "SUP-001",
    NULL },
  { NULL, supplier_unsatisfactory, WARN, "supplier-unsatisfactory", "A.5.22", CUSTOS_REGISTER_SUPPLIERS, -1,
    "SUP-001", NULL },
  { NULL, supplier_no_clauses, WARN, "supplier-no-clauses", "A.5.20", CUSTOS_REGISTER_SUPPLIERS, -1, "SUP-001", NULL },
  { NULL, supplier_review_overdue, WARN, "supplier-review-overdue", "A.5.22", CUSTOS_REGISTER_SUPPLIERS, -1,
    "SUP-001", NULL },
  { "soa-no-evidence", soa_no_evidence, WARN, "soa-no-evidence", "6.1.3 d", CUSTOS_REGISTER_SOA, -1, "8.13",
    "warning: 6.1.3 d: Control 8.13 “Information backup” is implemented but no evidence of it is recorded" },
  { NULL, soa_evidence_stale, WARN, "soa-no-evidence", "6.1.3 d", CUSTOS_REGISTER_SOA, -1, "5.15", NULL },
  { NULL, evidence_no_checksum, INFO, "evidence-no-checksum", "7.5.3", CUSTOS_REGISTER_EVIDENCE, -1, "EV-001", NULL },
  { NULL, soa_document_under_review, WARN, "soa-document-under-review", "6.1.3 d", CUSTOS_REGISTER_SOA, -1, "8.13",
    NULL },
  { "audit-clause-coverage", audit_clause_coverage, WARN, "audit-clause-coverage", "9.2", CUSTOS_REGISTER_AUDITS, -1,
    NULL, "warning: 9.2: The audit programme does not cover within three years: Clause 6, Physical controls" },
  { NULL, audit_auditor_competence, WARN, "audit-auditor-competence", "9.2", CUSTOS_REGISTER_AUDITS, -1, "AUD-001",
    NULL },
  { "scope-missing", scope_missing, ERR, "docinfo-missing", "4.3", -1, CUSTOS_SECTION_SCOPE, NULL,
    "error: 4.3: Required documented information is missing: Scope of the ISMS (There is no scope statement)" },
  { NULL, scope_incomplete, WARN, "docinfo-incomplete", "4.3", -1, CUSTOS_SECTION_SCOPE, NULL, NULL },
};

START_TEST (test_rule)
{
  const RuleCase *rc = &rule_cases[_i];
  g_autoptr(CustosDocument) doc = build_base ();
  g_autoptr(CustosReadiness) readiness = NULL;
  g_autofree char *found = NULL;
  const CustosReadinessFinding *finding;

  rc->mutate (doc);
  readiness = check_doc (doc);
  found = describe (readiness);
  finding = find (readiness, rc->rule, rc->record_id);
  ck_assert_msg (finding != NULL, "%s: rule %s on %s not found in:%s", rc->rule, rc->rule,
                 rc->record_id ? rc->record_id : "-", found);
  ck_assert_int_eq (finding->severity, rc->severity);
  ck_assert_str_eq (finding->clause, rc->clause);
  ck_assert_int_eq (finding->reg, rc->reg);
  ck_assert_int_eq (finding->section, rc->sect);
  ck_assert_ptr_nonnull (finding->message);
  ck_assert_ptr_null (strchr (finding->message, '\n'));
  /* The readiness page groups a rule's findings under its title. */
  ck_assert_ptr_nonnull (custos_readiness_rule_get_title (rc->rule));
  /* Errors first. */
  for (guint i = 1; i < custos_readiness_get_n_findings (readiness); i++)
    ck_assert_int_le (custos_readiness_get_finding (readiness, i - 1)->severity,
                      custos_readiness_get_finding (readiness, i)->severity);
  if (rc->severity == ERR && !g_str_equal (rc->rule, "docinfo-missing"))
    ck_assert_int_lt (custos_readiness_get_percentage (readiness), 100);
}
END_TEST

/* Variants that must not trip a rule ----------------------------------------- */

START_TEST (test_rules_pass)
{
  g_autoptr(CustosDocument) doc = build_base ();
  g_autoptr(CustosReadiness) readiness = NULL;
  g_autofree char *found = NULL;

  /* Accepted in a band that may be accepted (residual 3 × 3 = 9, Medium). */
  set (get (doc, CUSTOS_REGISTER_RISKS, "R-001"),
       "residual-likelihood", "3", "residual-consequence", "3", "status", "accepted", NULL);
  /* Accepted below the threshold (residual 3 × 3 = 9, Medium). */
  set (custos_document_add_new (doc, CUSTOS_REGISTER_RISKS),
       "title", "Laptop stolen", "likelihood", "3", "consequence", "3", "owner", "ROLE-001",
       "treatment", "accept", "status", "accepted", NULL);
  /* Excluded with a justification and selected by no risk. */
  set (get (doc, CUSTOS_REGISTER_SOA, "7.6"), "applicable", "not-applicable",
       "justification", "No secure areas", NULL);
  /* Implemented, applied by a document rather than a text. */
  set (get (doc, CUSTOS_REGISTER_SOA, "5.15"), "how-applied", "", "document", "DOC-001", NULL);
  /* An expired training renewed by a later record of the same training. */
  set (custos_document_add_new (doc, CUSTOS_REGISTER_TRAININGS),
       "person", "Ann Director", "topic", "ISMS awareness", "date", "2025-02-01", "evidence", "Certificate",
       "expiry", "2026-02-01", NULL);
  /* Overdue but cancelled; not due yet; due today. */
  set (custos_document_add_new (doc, CUSTOS_REGISTER_ACTIONS),
       "title", "Dropped idea", "risk", "R-001", "owner", "ROLE-001", "due", "2026-01-01", "status", "cancelled", NULL);
  set (custos_document_add_new (doc, CUSTOS_REGISTER_ACTIONS),
       "title", "Encrypt laptops", "risk", "R-002", "owner", "ROLE-001", "due", TODAY, "status", "planned", NULL);
  /* A withdrawn document past its review. */
  set (custos_document_add_new (doc, CUSTOS_REGISTER_DOCUMENTS),
       "title", "Old policy", "next-review", "2020-01-01", "status", "withdrawn", NULL);
  /* A closed risk without residual or review. */
  set (custos_document_add_new (doc, CUSTOS_REGISTER_RISKS),
       "title", "Old server", "likelihood", "4", "consequence", "4", "owner", "ROLE-001",
       "treatment", "remove-source", "custom-controls", "Server removed", "next-review", "2020-01-01",
       "status", "closed", NULL);
  /* A management review exactly twelve months ago, and one planned. */
  set (get (doc, CUSTOS_REGISTER_REVIEWS, "MR-001"), "date", "2025-11-28", NULL);
  set (custos_document_add_new (doc, CUSTOS_REGISTER_REVIEWS), "date", "2027-09-01", NULL);
  /* An audit in progress after its planned date; a cancelled one. */
  set (custos_document_add_new (doc, CUSTOS_REGISTER_AUDITS),
       "title", "Running audit", "processes", "PROC-001", "planned", "2026-11-20", "status", "in-progress", NULL);
  set (custos_document_add_new (doc, CUSTOS_REGISTER_AUDITS),
       "title", "Cancelled audit", "processes", "PROC-001", "planned", "2026-01-20", "status", "cancelled", NULL);
  /* A minor audit finding that raised its nonconformity. */
  set (custos_document_add_new (doc, CUSTOS_REGISTER_FINDINGS),
       "audit", "AUD-001", "type", "minor", "description", "Restore untested", "nonconformity", "NC-001", NULL);

  /* Evidence files with a checksum, or that are no files. */
  set (get (doc, CUSTOS_REGISTER_EVIDENCE, "EV-001"), "location", "/srv/evidence/restore-test.pdf",
       "sha256", "93bfb7e7cfa0e69edd692b33c0646a56a2c840769f1ad2bb4114adb4dbf8a1df", NULL);
  set (custos_document_add_new (doc, CUSTOS_REGISTER_EVIDENCE),
       "title", "Access review", "controls", "5.15", "location", "https://intranet.example/review.pdf", NULL);
  set (custos_document_add_new (doc, CUSTOS_REGISTER_EVIDENCE),
       "title", "Access review minutes", "controls", "5.15", "location", "SharePoint > ISMS > 06 Evidence > 5.6", NULL);

  readiness = check_doc (doc);
  found = describe (readiness);
  /* The future review is ignored, so the MR-001 inputs still count. */
  ck_assert_msg (custos_readiness_get_n_findings (readiness) == 0, "unexpected:%s", found);
  ck_assert_int_eq (custos_readiness_get_percentage (readiness), 100);
}
END_TEST

/* What hashing found, handed in: a changed file is a warning, a missing
 * one an error, and evidence whose file is missing proves nothing. */
START_TEST (test_evidence_files)
{
  g_autoptr(CustosDocument) doc = build_base ();
  g_autoptr(CustosReadiness) readiness = NULL;
  g_autoptr(GHashTable) statuses = g_hash_table_new (g_str_hash, g_str_equal);
  const CustosReadinessFinding *finding;
  g_autofree char *found = NULL;

  set (get (doc, CUSTOS_REGISTER_EVIDENCE, "EV-001"), "location", "restore-test.pdf", "sha256", "00ff", NULL);
  readiness = check_doc (doc);
  ck_assert_uint_eq (custos_readiness_get_n_findings (readiness), 0);

  g_hash_table_insert (statuses, (gpointer) "EV-001", GINT_TO_POINTER (CUSTOS_EVIDENCE_FILE_CHANGED));
  custos_readiness_set_evidence_files (readiness, statuses);
  custos_readiness_update (readiness, NULL);
  found = describe (readiness);
  finding = find (readiness, "evidence-changed", "EV-001");
  ck_assert_msg (finding != NULL, "not found in:%s", found);
  ck_assert_int_eq (finding->severity, WARN);
  ck_assert_str_eq (finding->message, "Evidence EV-001 “Access review and restore test reports”: its file "
                                      "restore-test.pdf has changed since it was verified on 2026-10-15");
  ck_assert_uint_eq (custos_readiness_get_n_findings (readiness), 1);
  /* Never dated: no date to name. */
  set (get (doc, CUSTOS_REGISTER_EVIDENCE, "EV-001"), "date", "", "verified", "", NULL);
  custos_readiness_update (readiness, NULL);
  ck_assert_str_eq (find (readiness, "evidence-changed", "EV-001")->message,
                    "Evidence EV-001 “Access review and restore test reports”: its file restore-test.pdf no longer "
                    "matches its recorded checksum");
  set (get (doc, CUSTOS_REGISTER_EVIDENCE, "EV-001"), "date", "2026-10-01", "verified", "2026-10-15", NULL);

  g_hash_table_insert (statuses, (gpointer) "EV-001", GINT_TO_POINTER (CUSTOS_EVIDENCE_FILE_MISSING));
  custos_readiness_update (readiness, NULL);
  finding = find (readiness, "evidence-missing", "EV-001");
  ck_assert_ptr_nonnull (finding);
  ck_assert_int_eq (finding->severity, ERR);
  ck_assert_int_eq (finding->reg, CUSTOS_REGISTER_EVIDENCE);
  ck_assert_str_eq (find (readiness, "soa-no-evidence", "5.15")->message,
                    "Control 5.15 “Access control” is implemented but the file of its evidence EV-001 is missing");
  ck_assert_ptr_nonnull (find (readiness, "soa-no-evidence", "8.13"));
  ck_assert_int_lt (custos_readiness_get_percentage (readiness), 100);

  /* Without the statuses, the check is again about recorded facts only. */
  custos_readiness_set_evidence_files (readiness, NULL);
  custos_readiness_update (readiness, NULL);
  ck_assert_uint_eq (custos_readiness_get_n_findings (readiness), 0);
}
END_TEST

START_TEST (test_evidence_location_is_file)
{
  const char *files[] = { "/srv/evidence/restore.pdf", "~/evidence/restore.pdf", "./restore.pdf", "../restore.pdf",
                          "evidence/backup test.txt", "restore-test.pdf", "file:///srv/restore.pdf",
                          "C:\\Evidence\\restore.pdf", NULL };
  const char *others[] = { "", "https://intranet.example/restore.pdf", "SharePoint > ISMS > 06 Evidence > 5.6",
                           "Microsoft 365 tenant", "Leeds, Harrogate, remote", "v1.2 of the plan", NULL };

  ck_assert (!custos_evidence_location_is_file (NULL));
  for (guint i = 0; files[i] != NULL; i++)
    ck_assert_msg (custos_evidence_location_is_file (files[i]), "%s", files[i]);
  for (guint i = 0; others[i] != NULL; i++)
    ck_assert_msg (!custos_evidence_location_is_file (others[i]), "%s", others[i]);
}
END_TEST

START_TEST (test_review_none_at_all)
{
  g_autoptr(CustosDocument) doc = build_base ();
  g_autoptr(CustosReadiness) readiness = NULL;
  const CustosReadinessFinding *finding;

  /* A review only planned for next year has not been held. */
  set (get (doc, CUSTOS_REGISTER_REVIEWS, "MR-001"), "date", "2027-09-20", NULL);
  readiness = check_doc (doc);
  finding = find (readiness, "review-none", "MR-001"); /* the review planned is what it is about */
  ck_assert_ptr_nonnull (finding);
  ck_assert_int_eq (finding->severity, ERR);
  ck_assert_str_eq (finding->message, "No management review has been held");
  ck_assert_int_eq (custos_readiness_lookup_item (readiness, "management-review")->status,
                    CUSTOS_READINESS_STATUS_MISSING);
}
END_TEST

/* A finding about a record marked to review is folded into that record's
 * "to review" finding, and shown again once a person confirms the record:
 * a rule's finding on a section (and the section's incomplete documented
 * information), and on a register record (a review that is only planned). */
static const struct
{
  Mutate        mutate;
  int           section;   /* or -1 */
  const char   *record_id; /* of a review */
  const char   *rules[2];
  const char   *folded;
} fold_cases[] = {
  { policy_not_authorised, CUSTOS_SECTION_POLICY, NULL, { "policy-not-authorised", "docinfo-incomplete" },
    "Information security policy: drafted, to review; 2 more findings about it are shown once it is confirmed" },
  { NULL, -1, "MR-001", { "review-none", "docinfo-missing" },
    "Management review MR-001: to review (“2027-09-20”); 2 more findings about it are shown once it is confirmed" },
};

START_TEST (test_folded_while_to_review)
{
  g_autoptr(CustosDocument) doc = build_base ();
  g_autoptr(CustosReadiness) readiness = NULL;
  g_autofree char *folded = NULL;
  g_autofree char *shown = NULL;
  CustosRecord *record;
  const CustosReadinessFinding *review;

  if (fold_cases[_i].mutate != NULL)
    fold_cases[_i].mutate (doc);
  if (fold_cases[_i].section >= 0)
    record = section (doc, fold_cases[_i].section);
  else
    record = set (get (doc, CUSTOS_REGISTER_REVIEWS, fold_cases[_i].record_id), "date", "2027-09-20", NULL);
  custos_record_set_to_review (record, TRUE);

  readiness = check_doc (doc);
  folded = describe (readiness);
  ck_assert_msg (custos_readiness_get_n_findings (readiness) == 1, "not folded:%s", folded);
  review = custos_readiness_get_finding (readiness, 0);
  ck_assert_str_eq (review->rule, "to-review");
  ck_assert_int_eq (review->severity, WARN);
  ck_assert_str_eq (review->message, fold_cases[_i].folded);

  custos_record_set_to_review (record, FALSE);
  custos_readiness_update (readiness, NULL);
  shown = describe (readiness);
  ck_assert_msg (custos_readiness_get_n_findings (readiness) == 2, "once confirmed:%s", shown);
  for (guint r = 0; r < G_N_ELEMENTS (fold_cases[_i].rules); r++)
    {
      gboolean found = FALSE;

      for (guint f = 0; f < custos_readiness_get_n_findings (readiness); f++)
        found |= g_str_equal (custos_readiness_get_finding (readiness, f)->rule, fold_cases[_i].rules[r]);
      ck_assert_msg (found, "no %s once confirmed:%s", fold_cases[_i].rules[r], shown);
    }
}
END_TEST

START_TEST (test_policy_both_commitments)
{
  g_autoptr(CustosDocument) doc = build_base ();
  g_autoptr(CustosReadiness) readiness = NULL;
  guint n = 0;

  set (section (doc, CUSTOS_SECTION_POLICY), "commit-requirements", "false", "commit-improvement", "false", NULL);
  readiness = check_doc (doc);
  for (guint i = 0; i < custos_readiness_get_n_findings (readiness); i++)
    {
      const CustosReadinessFinding *f = custos_readiness_get_finding (readiness, i);
      if (g_str_equal (f->rule, "policy-commitment"))
        {
          ck_assert_str_eq (f->clause, n == 0 ? "5.2 c" : "5.2 d");
          n++;
        }
    }
  ck_assert_uint_eq (n, 2);
}
END_TEST

/* Documented information -------------------------------------------------------- */

static CustosReadinessStatus
item_status (CustosReadiness *readiness,
             const char      *id)
{
  const CustosReadinessItem *item = custos_readiness_lookup_item (readiness, id);

  ck_assert_msg (item != NULL, "no item %s", id);
  return item->status;
}

START_TEST (test_items_empty_document)
{
  g_autoptr(CustosDocument) doc = custos_document_new (CUSTOS_EDITION_2022);
  g_autoptr(CustosReadiness) readiness = check_doc (doc);
  const char * const ids[] = {
    "climate", "scope", "isms", "leadership", "policy", "isms-risks", "risk-assessment-process",
    "risk-treatment-process", "soa", "treatment-plan", "objectives", "changes", "resources", "competence",
    "operational-planning", "risk-assessment-results", "risk-treatment-results", "monitoring", "internal-audit",
    "management-review", "continual-improvement", "nonconformities",
  };
  const char * const clauses[] = {
    "4.1", "4.3", "4.4", "5.1", "5.2", "6.1.1", "6.1.2", "6.1.3", "6.1.3 d", "6.1.3 e", "6.2", "6.3", "7.1", "7.2",
    "8.1", "8.2", "8.3", "9.1", "9.2", "9.3", "10.1", "10.2",
  };

  ck_assert_uint_eq (custos_readiness_get_n_items (readiness), G_N_ELEMENTS (ids));
  for (guint i = 0; i < G_N_ELEMENTS (ids); i++)
    {
      const CustosReadinessItem *item = custos_readiness_get_item (readiness, i);

      ck_assert_str_eq (item->id, ids[i]);
      ck_assert_str_eq (item->clause, clauses[i]);
      /* The default criteria are a usable risk assessment process. */
      ck_assert_int_eq (item->status, i == 6 ? CUSTOS_READINESS_STATUS_PRESENT : CUSTOS_READINESS_STATUS_MISSING);
      ck_assert_ptr_nonnull (item->reason);
    }
  /* 93 undecided controls and no management review. */
  ck_assert_uint_eq (custos_readiness_count (readiness, ERR), 21 + 93 + 1);
  ck_assert_ptr_nonnull (find (readiness, "soa-undecided", "5.1"));
  /* 2 of 54 documented-information points, no consistency points. */
  ck_assert_int_eq (custos_readiness_get_percentage (readiness), 2);
}
END_TEST

START_TEST (test_items_incomplete)
{
  g_autoptr(CustosDocument) doc = build_base ();
  g_autoptr(CustosReadiness) readiness = NULL;
  const CustosReadinessItem *item;

  /* Risks exist but one is not scored. */
  set (custos_document_add_new (doc, CUSTOS_REGISTER_RISKS), "title", "Fire", "owner", "ROLE-001",
       "treatment", "accept", NULL);
  set (section (doc, CUSTOS_SECTION_PLAN_APPROVAL), "management-approved", "", NULL);
  set (get (doc, CUSTOS_REGISTER_OBJECTIVES, "OBJ-001"), "target", "", NULL);
  set (get (doc, CUSTOS_REGISTER_COMPETENCES, "COMP-001"), "verification", "", NULL);
  set (get (doc, CUSTOS_REGISTER_PROCESSES, "PROC-001"), "owner", "", NULL);
  set (custos_document_add_new (doc, CUSTOS_REGISTER_MEASURES), "title", "Phishing clicks", "method", "Simulation",
       "owner", "ROLE-001", NULL);
  set (get (doc, CUSTOS_REGISTER_REVIEWS, "MR-001"), "feedback", "", NULL);
  set (get (doc, CUSTOS_REGISTER_ACTIONS, "ACT-001"), "evidence", "", NULL);
  set (get (doc, CUSTOS_REGISTER_NONCONFORMITIES, "NC-001"), "corrective-action", "", NULL);
  set (get (doc, CUSTOS_REGISTER_AUDITS, "AUD-001"), "done", "", "status", "planned", "planned", "2027-01-10", NULL);
  set (section (doc, CUSTOS_SECTION_POLICY), "objectives-framework", "", NULL);
  set (section (doc, CUSTOS_SECTION_ISMS_PROCESSES), "integration", "", NULL);
  set (section (doc, CUSTOS_SECTION_LEADERSHIP), "evidence", "", NULL);
  set (section (doc, CUSTOS_SECTION_ISMS_RISKS), "evaluation", "", NULL);
  set (section (doc, CUSTOS_SECTION_CHANGE_PLANNING), "changes", "", NULL);
  set (section (doc, CUSTOS_SECTION_ISMS_RESOURCES), "budget", "", NULL);
  set (section (doc, CUSTOS_SECTION_CONTINUAL_IMPROVEMENT), "improvements", "", NULL);

  readiness = check_doc (doc);
  for (guint i = 0; i < custos_readiness_get_n_items (readiness); i++)
    {
      item = custos_readiness_get_item (readiness, i);
      if (g_str_equal (item->id, "scope") || g_str_equal (item->id, "risk-assessment-process") ||
          g_str_equal (item->id, "climate") ||
          g_str_equal (item->id, "soa") || g_str_equal (item->id, "risk-treatment-process"))
        ck_assert_msg (item->status == CUSTOS_READINESS_STATUS_PRESENT, "%s: %s", item->id, item->reason);
      else
        ck_assert_msg (item->status == CUSTOS_READINESS_STATUS_INCOMPLETE, "%s: %s", item->id, item->reason);
    }
  item = custos_readiness_lookup_item (readiness, "risk-assessment-results");
  ck_assert_str_eq (item->reason, "1 of 2 open risks is not scored");
  item = custos_readiness_lookup_item (readiness, "treatment-plan");
  ck_assert_str_eq (item->reason, "The plan's approval by top management is not recorded");
  item = custos_readiness_lookup_item (readiness, "management-review");
  ck_assert_str_eq (item->reason, "The last review does not record: Feedback from interested parties");
  item = custos_readiness_lookup_item (readiness, "policy");
  ck_assert_str_eq (item->reason, "The policy lacks: Framework for setting objectives");
  item = custos_readiness_lookup_item (readiness, "internal-audit");
  ck_assert_str_eq (item->reason, "No audit has been carried out yet, so there are no audit results");
  item = custos_readiness_lookup_item (readiness, "resources");
  ck_assert_str_eq (item->reason, "Not recorded: Budget");
  /* An incomplete item is a warning, with its clause and where to look. */
  ck_assert_ptr_nonnull (find (readiness, "docinfo-incomplete", NULL));
  ck_assert_int_eq (custos_readiness_count (readiness, ERR), 0);
}
END_TEST

START_TEST (test_items_missing)
{
  g_autoptr(CustosDocument) doc = build_base ();
  g_autoptr(CustosReadiness) readiness = NULL;
  GListModel *soa = custos_document_get_register (doc, CUSTOS_REGISTER_SOA);
  const CustosReadinessFinding *finding;

  for (guint i = 0, n = g_list_model_get_n_items (soa); i < n; i++)
    {
      g_autoptr(CustosRecord) entry = g_list_model_get_item (soa, i);
      set (entry, "applicable", "undecided", NULL);
    }
  custos_document_remove (doc, CUSTOS_REGISTER_MEASUREMENTS, get (doc, CUSTOS_REGISTER_MEASUREMENTS, "RES-001"));
  custos_document_remove (doc, CUSTOS_REGISTER_NONCONFORMITIES, get (doc, CUSTOS_REGISTER_NONCONFORMITIES, "NC-001"));
  set (get (doc, CUSTOS_REGISTER_FINDINGS, "FND-001"), "type", "major", NULL);

  readiness = check_doc (doc);
  ck_assert_int_eq (item_status (readiness, "soa"), CUSTOS_READINESS_STATUS_MISSING);
  ck_assert_int_eq (item_status (readiness, "monitoring"), CUSTOS_READINESS_STATUS_MISSING);
  ck_assert_int_eq (item_status (readiness, "nonconformities"), CUSTOS_READINESS_STATUS_MISSING);
  finding = custos_readiness_get_finding (readiness, 0);
  ck_assert_str_eq (finding->rule, "docinfo-missing");
  ck_assert_str_eq (finding->clause, "6.1.3 d");
  ck_assert_int_eq (finding->reg, CUSTOS_REGISTER_SOA);
  ck_assert_str_eq (finding->message,
                    "Required documented information is missing: Statement of Applicability "
                    "(No control of Annex A has been decided)");

  /* No nonconformity, and completed audits that found none: present. */
  set (get (doc, CUSTOS_REGISTER_FINDINGS, "FND-001"), "type", "observation", NULL);
  custos_readiness_update (readiness, NULL);
  ck_assert_int_eq (item_status (readiness, "nonconformities"), CUSTOS_READINESS_STATUS_PRESENT);
}
END_TEST

START_TEST (test_percentage)
{
  g_autoptr(CustosDocument) doc = build_base ();
  g_autoptr(CustosReadiness) readiness = NULL;

  /* One error, and the SoA (weight 2 of 27) incomplete: 52 × 80 / 54 = 77, + 18. */
  soa_excluded_unjustified (doc);
  readiness = check_doc (doc);
  ck_assert_uint_eq (custos_readiness_count (readiness, ERR), 1);
  ck_assert_int_eq (item_status (readiness, "soa"), CUSTOS_READINESS_STATUS_INCOMPLETE);
  ck_assert_int_eq (custos_readiness_get_percentage (readiness), 95);

  /* Warnings and information do not lower it. */
  g_clear_object (&readiness);
  g_clear_object (&doc);
  doc = build_base ();
  action_overdue (doc);
  document_draft (doc);
  readiness = check_doc (doc);
  ck_assert_uint_eq (custos_readiness_count (readiness, WARN), 1);
  ck_assert_uint_eq (custos_readiness_count (readiness, INFO), 1);
  ck_assert_int_eq (custos_readiness_get_percentage (readiness), 100);
}
END_TEST

/* Update, notifications, ownership -------------------------------------------------- */

static void
count_notify (GObject    *object,
              GParamSpec *pspec,
              int        *count)
{
  (*count)++;
}

static void
count_changed (CustosReadiness *readiness,
               int             *count)
{
  (*count)++;
}

START_TEST (test_update_notifies)
{
  CustosDocument *doc = build_base ();
  CustosReadiness *readiness;
  GDate later = date_of ("2027-12-01");
  int percentage_notified = 0, errors_notified = 0, changed = 0;

  soa_excluded_unjustified (doc);
  readiness = check_doc (doc);
  ck_assert_ptr_eq (custos_readiness_get_document (readiness), doc);
  g_signal_connect (readiness, "notify::percentage", G_CALLBACK (count_notify), &percentage_notified);
  g_signal_connect (readiness, "notify::n-errors", G_CALLBACK (count_notify), &errors_notified);
  g_signal_connect (readiness, "changed", G_CALLBACK (count_changed), &changed);

  /* Nothing changed: no notification, but "changed". */
  custos_readiness_update (readiness, NULL);
  ck_assert_int_eq (percentage_notified, 0);
  ck_assert_int_eq (changed, 1);

  set (get (doc, CUSTOS_REGISTER_SOA, "7.6"), "justification", "No secure areas", NULL);
  custos_readiness_update (readiness, NULL);
  ck_assert_int_eq (percentage_notified, 1);
  ck_assert_int_eq (errors_notified, 1);
  ck_assert_int_eq (custos_readiness_get_percentage (readiness), 100);

  /* A later date: the review, the policy and more fall due. */
  custos_readiness_update (readiness, &later);
  ck_assert_int_eq (g_date_compare (custos_readiness_get_date (readiness), &later), 0);
  ck_assert_ptr_nonnull (find (readiness, "review-none", "MR-001"));
  ck_assert_ptr_nonnull (find (readiness, "policy-review-overdue", NULL));
  ck_assert_int_eq (errors_notified, 2);

  custos_assert_finalized (readiness);
  custos_assert_finalized (doc);
}
END_TEST

START_TEST (test_labels)
{
  ck_assert_str_eq (custos_readiness_severity_to_string (ERR), "error");
  ck_assert_str_eq (custos_readiness_severity_to_string (WARN), "warning");
  ck_assert_str_eq (custos_readiness_severity_to_string (INFO), "info");
  ck_assert_str_eq (custos_readiness_status_to_string (CUSTOS_READINESS_STATUS_INCOMPLETE), "incomplete");
}
END_TEST

/* Three-year audit coverage --------------------------------------------------------- */

/* One process and the audits given as "planned done status" triples. */
static CustosDocument *
coverage_doc (const char * const *audits)
{
  CustosDocument *doc = custos_document_new (CUSTOS_EDITION_2022);

  set (custos_document_add_new (doc, CUSTOS_REGISTER_PROCESSES), "name", "Payroll", NULL);
  set (custos_document_add_new (doc, CUSTOS_REGISTER_PROCESSES), "name", "Not in any audit", NULL);
  for (guint i = 0; audits[i] != NULL; i += 3)
    set (custos_document_add_new (doc, CUSTOS_REGISTER_AUDITS),
         "title", "Audit", "processes", "PROC-001",
         "planned", audits[i], "done", audits[i + 1], "status", audits[i + 2], NULL);
  return doc;
}

static CustosAuditCoverage
coverage_of (const char * const *audits)
{
  g_autoptr(CustosDocument) doc = coverage_doc (audits);
  GDate today = date_of (TODAY);
  g_autoptr(GArray) coverage = custos_audit_coverage (doc, &today);
  CustosAuditCoverage entry;

  ck_assert_uint_eq (coverage->len, 2);
  /* The process in no audit is never covered. */
  ck_assert (!g_array_index (coverage, CustosAuditCoverage, 1).covered);
  ck_assert (!g_date_valid (&g_array_index (coverage, CustosAuditCoverage, 1).last_audited));
  entry = g_array_index (coverage, CustosAuditCoverage, 0);
  ck_assert_str_eq (custos_record_get_id (entry.process), "PROC-001");
  /* Records are borrowed: do not look at them after the document goes. */
  entry.process = entry.last_audit = entry.next_audit = NULL;
  return entry;
}

static void
assert_date (const GDate *date,
             const char  *expected)
{
  if (expected == NULL)
    ck_assert (!g_date_valid (date));
  else
    {
      GDate want = date_of (expected);
      ck_assert (g_date_valid (date));
      ck_assert_int_eq (g_date_compare (date, &want), 0);
    }
}

START_TEST (test_coverage_two_years_ago)
{
  const char * const audits[] = { "2024-11-20", "2024-11-21", "completed", NULL };
  CustosAuditCoverage entry = coverage_of (audits);

  ck_assert (entry.covered);
  ck_assert (!entry.overdue);
  assert_date (&entry.last_audited, "2024-11-21");
  assert_date (&entry.next_planned, NULL);
  assert_date (&entry.due, "2027-11-21");
}
END_TEST

START_TEST (test_coverage_four_years_ago)
{
  const char * const audits[] = { "2022-11-20", "2022-11-21", "completed", NULL };
  CustosAuditCoverage entry = coverage_of (audits);
  g_autoptr(CustosDocument) doc = coverage_doc (audits);
  g_autoptr(CustosReadiness) readiness = check_doc (doc);

  ck_assert (!entry.covered);
  assert_date (&entry.last_audited, "2022-11-21");
  assert_date (&entry.due, "2025-11-21");
  ck_assert_ptr_nonnull (find (readiness, "audit-coverage", "PROC-001"));
  ck_assert_ptr_nonnull (find (readiness, "audit-coverage", "PROC-002"));
}
END_TEST

START_TEST (test_coverage_planned_within_cycle)
{
  /* Never audited, first audit planned within three years. */
  const char * const first[] = { "2029-06-01", "", "planned", NULL };
  /* Audited four years ago, next audit planned: covered, but late. */
  const char * const late[] = { "2022-11-20", "2022-11-21", "completed", "2027-02-01", "", "planned", NULL };
  /* Planned beyond the cycle. */
  const char * const beyond[] = { "2029-12-01", "", "planned", NULL };
  CustosAuditCoverage entry;

  entry = coverage_of (first);
  ck_assert (entry.covered);
  ck_assert (!entry.overdue);
  assert_date (&entry.last_audited, NULL);
  assert_date (&entry.next_planned, "2029-06-01");

  entry = coverage_of (late);
  ck_assert (entry.covered);
  ck_assert (entry.overdue);
  assert_date (&entry.next_planned, "2027-02-01");

  entry = coverage_of (beyond);
  ck_assert (!entry.covered);
}
END_TEST

START_TEST (test_coverage_edges)
{
  /* Exactly three years ago is within the cycle; a day more is not. */
  const char * const exact[] = { "2023-11-28", "2023-11-28", "completed", NULL };
  const char * const day_more[] = { "2023-11-27", "2023-11-27", "completed", NULL };
  /* Cancelled audits never count; a planned date in the past that was not
   * done is not a plan. */
  const char * const cancelled[] = { "2025-01-10", "", "cancelled", "2026-01-10", "", "planned", NULL };
  /* Completed without an actual date: the planned date counts. */
  const char * const no_actual[] = { "2025-03-01", "", "completed", NULL };
  /* An actual date in the future is not (yet) an audit done. */
  const char * const future_done[] = { "2026-12-01", "2026-12-02", "completed", NULL };
  CustosAuditCoverage entry;

  ck_assert (coverage_of (exact).covered);
  ck_assert (!coverage_of (day_more).covered);
  entry = coverage_of (cancelled);
  ck_assert (!entry.covered);
  assert_date (&entry.last_audited, NULL);
  assert_date (&entry.next_planned, NULL);
  entry = coverage_of (no_actual);
  ck_assert (entry.covered);
  assert_date (&entry.last_audited, "2025-03-01");
  entry = coverage_of (future_done);
  ck_assert (!entry.covered);
  assert_date (&entry.last_audited, NULL);
}
END_TEST

/* The example document ---------------------------------------------------------------- */

START_TEST (test_example)
{
  g_autofree char *path = custos_test_example_path ();
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(CustosDocument) doc = custos_file_load (file, NULL, &error);
  g_autoptr(CustosReadiness) readiness = NULL;
  g_autofree char *found = NULL;
  GDate later = date_of ("2027-10-01");
  const char * const expected[][2] = {
    /* 2 overdue treatment actions */
    { "action-overdue", "ACT-009" },
    { "action-overdue", "ACT-013" },
    /* expired trainings (top management, BACS) */
    { "training-expired", "TRN-006" },
    { "training-expired", "TRN-013" },
    /* a draft */
    { "document-not-approved", "DOC-025" },
    /* the open nonconformity, and one whose effectiveness is being verified */
    { "nc-open", "NC-004" },
    { "nc-open", "NC-002" },
  };

  g_assert_no_error (error);
  readiness = check_doc (doc);
  found = describe (readiness);
  ck_assert_msg (custos_readiness_get_n_findings (readiness) == G_N_ELEMENTS (expected), "got:%s", found);
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    ck_assert_msg (find (readiness, expected[i][0], expected[i][1]) != NULL, "%s %s missing from:%s",
                   expected[i][0], expected[i][1], found);
  ck_assert_uint_eq (custos_readiness_count (readiness, ERR), 0);
  ck_assert_uint_eq (custos_readiness_count (readiness, WARN), 4);
  ck_assert_uint_eq (custos_readiness_count (readiness, INFO), 3);
  for (guint i = 0; i < custos_readiness_get_n_items (readiness); i++)
    ck_assert_int_eq (custos_readiness_get_item (readiness, i)->status, CUSTOS_READINESS_STATUS_PRESENT);
  ck_assert_int_eq (custos_readiness_get_percentage (readiness), 100);
  ck_assert_str_eq (find (readiness, "document-not-approved", "DOC-025")->message,
                    "Document DOC-025 “Guidance on Generative AI Tools” is a draft: it is not approved yet");

  /* Ten months on, the management review is overdue (MR-001 was 2026-09-22). */
  custos_readiness_update (readiness, &later);
  ck_assert_ptr_nonnull (find (readiness, "review-none", "MR-001"));
  ck_assert_ptr_nonnull (find (readiness, "nc-overdue", "NC-004"));
  ck_assert_int_lt (custos_readiness_get_percentage (readiness), 100);
}
END_TEST

/* custos --check on files --------------------------------------------------------------- */

static char *
fixture_path (const char *name)
{
  g_autofree char *file = g_strdup_printf ("readiness/%s.isms", name);

  return custos_test_data_path (file);
}

/* Severity, rule, clause and record of every finding, one a line. */
static char *
signature (CustosReadiness *readiness)
{
  GString *text = g_string_new (NULL);

  for (guint i = 0; i < custos_readiness_get_n_findings (readiness); i++)
    {
      const CustosReadinessFinding *f = custos_readiness_get_finding (readiness, i);
      g_string_append_printf (text, "%d %s %s %d %d %s\n", f->severity, f->rule, f->clause, f->reg, f->section,
                              f->record_id ? f->record_id : "-");
    }
  return g_string_free (text, FALSE);
}

START_TEST (test_fixtures_match_code)
{
  for (guint i = 0; i < G_N_ELEMENTS (rule_cases); i++)
    {
      const RuleCase *rc = &rule_cases[i];
      g_autofree char *path = NULL;
      g_autoptr(GFile) file = NULL;
      g_autoptr(GError) error = NULL;
      g_autoptr(CustosDocument) loaded = NULL;
      g_autoptr(CustosDocument) built = NULL;
      g_autoptr(CustosReadiness) a = NULL;
      g_autoptr(CustosReadiness) b = NULL;
      g_autofree char *sa = NULL, *sb = NULL;

      if (rc->line == NULL)
        continue;
      path = fixture_path (rc->name);
      file = g_file_new_for_path (path);
      loaded = custos_file_load (file, NULL, &error);
      g_assert_no_error (error);
      built = build_base ();
      rc->mutate (built);
      a = check_doc (loaded);
      b = check_doc (built);
      sa = signature (a);
      sb = signature (b);
      ck_assert_msg (g_str_equal (sa, sb), "%s drifted from the code:\n%s\nvs\n%s", path, sa, sb);
    }
}
END_TEST

START_TEST (test_cli_fixture)
{
  const RuleCase *rc = &rule_cases[_i];
  g_autofree char *path = NULL;
  g_autofree char *out = NULL, *err = NULL;
  g_autofree char *line = NULL;
  const char *strict[] = { "--check", "--strict", NULL, NULL };
  const char *lenient[] = { "--check", NULL, NULL };
  g_auto(GStrv) lines = NULL;
  guint n_lines;

  if (rc->line == NULL)
    return;
  path = fixture_path (rc->name);
  strict[2] = lenient[1] = path;
  g_setenv ("CUSTOS_TODAY", TODAY, TRUE);

  ck_assert_int_eq (custos_test_run_cli (strict, &out, &err), rc->severity == ERR ? 1 : 0);
  ck_assert_str_eq (err, "");
  line = g_strdup_printf ("%s: %s", path, rc->line);
  lines = g_strsplit (out, "\n", -1);
  n_lines = g_strv_length (lines);
  /* summary, findings, percentage, and the empty string after the last LF */
  ck_assert_uint_ge (n_lines, 4);
  ck_assert_str_eq (lines[n_lines - 1], "");
  ck_assert_msg (g_str_has_prefix (lines[0], path) && strstr (lines[0], ": edition 2022, ") != NULL, "%s", lines[0]);
  ck_assert_msg (g_strv_contains ((const char * const *) lines, line), "“%s” not in:\n%s", line, out);
  ck_assert_msg (g_str_has_prefix (lines[n_lines - 2], path) && strstr (lines[n_lines - 2], ": readiness: ") != NULL,
                 "%s", lines[n_lines - 2]);
  for (guint i = 1; i < n_lines - 2; i++)
    ck_assert_msg (g_str_has_prefix (lines[i] + strlen (path), ": error: ") ||
                   g_str_has_prefix (lines[i] + strlen (path), ": warning: ") ||
                   g_str_has_prefix (lines[i] + strlen (path), ": info: "), "%s", lines[i]);

  /* Without --strict, only loading decides. */
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  ck_assert_int_eq (custos_test_run_cli (lenient, &out, &err), 0);
  ck_assert_ptr_nonnull (strstr (out, line));
  g_unsetenv ("CUSTOS_TODAY");
}
END_TEST

START_TEST (test_cli_pass)
{
  g_autofree char *path = fixture_path ("pass");
  g_autofree char *out = NULL, *err = NULL;
  g_autofree char *expected = NULL;
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(CustosDocument) doc = custos_file_load (file, NULL, NULL);
  const char *args[] = { "--check", "--strict", path, NULL };

  ck_assert_ptr_nonnull (doc);
  g_setenv ("CUSTOS_TODAY", TODAY, TRUE);
  ck_assert_int_eq (custos_test_run_cli (args, &out, &err), 0);
  ck_assert_str_eq (err, "");
  expected = g_strdup_printf ("%s: edition 2022, revisions 0, issues 1, parties 0, requirements 1, roles 1, "
                              "assets 1, risks 1, actions 1, soa 93, evidence-items 1, objectives 1, competences 1, "
                              "trainings 1, communications 0, documents 1, processes 1, suppliers 1, measures 1, "
                              "measurements 1, audits 1, findings 1, reviews 1, review-actions 1, nonconformities 1, "
                              "incidents 0, merge-conflicts 0\n"
                              "%s: readiness: 100%% (errors 0, warnings 0, info 0)\n", path, path);
  ck_assert_str_eq (out, expected);
  g_unsetenv ("CUSTOS_TODAY");
}
END_TEST

START_TEST (test_cli_strict)
{
  g_autofree char *example = custos_test_example_path ();
  g_autofree char *bad = fixture_path ("soa-excluded-unjustified");
  g_autofree char *pass = fixture_path ("pass");
  const char *example_strict[] = { "--check", "--strict", example, NULL };
  const char *both[] = { "--check", "--strict", pass, bad, NULL };
  const char *strict_alone[] = { "--strict", example, NULL };
  const char *strict_output[] = { "--strict", "--output=/tmp/custos-never-written.isms", example, NULL };
  const char *check[] = { "--check", example, NULL };
  g_autofree char *out = NULL, *err = NULL;

  g_setenv ("CUSTOS_TODAY", TODAY, TRUE);
  /* The example has warnings but no error as of TODAY. */
  ck_assert_int_eq (custos_test_run_cli (example_strict, &out, &err), 0);
  ck_assert_ptr_nonnull (strstr (out, ": readiness: 100% (errors 0, warnings 4, info 3)\n"));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  /* Any file with an error fails the run; every file is still reported. */
  ck_assert_int_eq (custos_test_run_cli (both, &out, &err), 1);
  ck_assert_ptr_nonnull (strstr (out, "pass.isms: readiness: 100%"));
  ck_assert_ptr_nonnull (strstr (out, "soa-excluded-unjustified.isms: readiness: 95%"));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  /* --strict means nothing without --check. */
  ck_assert_int_eq (custos_test_run_cli (strict_alone, &out, &err), 1);
  ck_assert_ptr_nonnull (strstr (err, "--strict"));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  ck_assert_int_eq (custos_test_run_cli (strict_output, &out, &err), 1);
  ck_assert (!g_file_test ("/tmp/custos-never-written.isms", G_FILE_TEST_EXISTS));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  /* A CUSTOS_TODAY that is not a date is refused. */
  g_setenv ("CUSTOS_TODAY", "2026-13-01", TRUE);
  ck_assert_int_eq (custos_test_run_cli (check, &out, &err), 1);
  ck_assert_str_eq (out, "");
  ck_assert_ptr_nonnull (strstr (err, "CUSTOS_TODAY"));
  g_unsetenv ("CUSTOS_TODAY");
}
END_TEST

/* The example with one thing an auditor would raise put back: --strict fails
 * and names it. */
static const struct
{
  const char *record;  /* the element whose text changes */
  const char *from;
  const char *to;
  const char *line;
} example_breaks[] = {
  { "<finding id=\"FND-001\">", "      <nonconformity>NC-005</nonconformity>\n", "",
    "error: 10.2: Audit finding FND-001 of audit AUD-001 is a major nonconformity but no nonconformity is "
    "recorded for it" },
  { "<risk id=\"R-018\">", "<residual-likelihood>2</residual-likelihood>",
    "<residual-likelihood>3</residual-likelihood>",
    "error: 6.1.3 f: Risk R-018 “Financial loss from a serious cyber incident” is accepted at a residual score "
    "of 12 (High), but the risk criteria say a risk in that band may not be accepted" },
};

START_TEST (test_cli_example_broken)
{
  g_autofree char *example = custos_test_example_path ();
  g_autofree char *dir = custos_test_mkdtemp ();
  g_autofree char *path = g_build_filename (dir, "copy.isms", NULL);
  g_autofree char *text = NULL;
  g_autofree char *out = NULL, *err = NULL;
  g_autofree char *line = NULL;
  g_autoptr(GString) copy = NULL;
  const char *args[] = { "--check", "--strict", path, NULL };
  const char *record, *change;

  ck_assert (g_file_get_contents (example, &text, NULL, NULL));
  copy = g_string_new (text);
  record = strstr (copy->str, example_breaks[_i].record);
  ck_assert_ptr_nonnull (record);
  change = strstr (record, example_breaks[_i].from);
  ck_assert_ptr_nonnull (change);
  g_string_erase (copy, change - copy->str, strlen (example_breaks[_i].from));
  g_string_insert (copy, change - copy->str, example_breaks[_i].to);
  ck_assert (g_file_set_contents (path, copy->str, -1, NULL));

  g_setenv ("CUSTOS_TODAY", TODAY, TRUE);
  ck_assert_int_eq (custos_test_run_cli (args, &out, &err), 1);
  line = g_strdup_printf ("%s: %s\n", path, example_breaks[_i].line);
  ck_assert_msg (strstr (out, line) != NULL, "“%s” not in:\n%s", line, out);
  g_unsetenv ("CUSTOS_TODAY");
  custos_test_rmdir (dir);
}
END_TEST

/* Regenerating the fixtures ------------------------------------------------------------ */

static int
write_fixtures (const char *dir)
{
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i <= G_N_ELEMENTS (rule_cases); i++)
    {
      const RuleCase *rc = i < G_N_ELEMENTS (rule_cases) ? &rule_cases[i] : NULL;
      g_autoptr(CustosDocument) doc = NULL;
      g_autofree char *name = NULL;
      g_autofree char *path = NULL;
      g_autoptr(GFile) file = NULL;

      if (rc != NULL && rc->line == NULL)
        continue;
      doc = build_base ();
      if (rc != NULL)
        rc->mutate (doc);
      name = g_strdup_printf ("%s.isms", rc != NULL ? rc->name : "pass");
      path = g_build_filename (dir, name, NULL);
      file = g_file_new_for_path (path);
      if (!custos_file_save (doc, file, NULL, &error))
        {
          g_printerr ("%s: %s\n", path, error->message);
          return 1;
        }
      g_print ("%s\n", path);
    }
  return 0;
}

static Suite *
readiness_suite (void)
{
  Suite *s = suite_create ("readiness");
  TCase *rules = tcase_create ("rules");
  TCase *items = tcase_create ("documented-information");
  TCase *coverage = tcase_create ("coverage");
  TCase *files = tcase_create ("files");

  tcase_add_test (rules, test_base_is_clean);
  tcase_add_loop_test (rules, test_rule, 0, G_N_ELEMENTS (rule_cases));
  tcase_add_test (rules, test_rules_pass);
  tcase_add_test (rules, test_evidence_files);
  tcase_add_test (rules, test_evidence_location_is_file);
  tcase_add_test (rules, test_review_none_at_all);
  tcase_add_loop_test (rules, test_folded_while_to_review, 0, G_N_ELEMENTS (fold_cases));
  tcase_add_test (rules, test_policy_both_commitments);
  tcase_add_test (rules, test_update_notifies);
  tcase_add_test (rules, test_labels);
  suite_add_tcase (s, rules);

  tcase_add_test (items, test_items_empty_document);
  tcase_add_test (items, test_items_incomplete);
  tcase_add_test (items, test_items_missing);
  tcase_add_test (items, test_percentage);
  suite_add_tcase (s, items);

  tcase_add_test (coverage, test_coverage_two_years_ago);
  tcase_add_test (coverage, test_coverage_four_years_ago);
  tcase_add_test (coverage, test_coverage_planned_within_cycle);
  tcase_add_test (coverage, test_coverage_edges);
  suite_add_tcase (s, coverage);

  tcase_add_test (files, test_example);
  tcase_add_test (files, test_fixtures_match_code);
  tcase_add_loop_test (files, test_cli_fixture, 0, G_N_ELEMENTS (rule_cases));
  tcase_add_test (files, test_cli_pass);
  tcase_add_test (files, test_cli_strict);
  tcase_add_loop_test (files, test_cli_example_broken, 0, G_N_ELEMENTS (example_breaks));
  suite_add_tcase (s, files);
  return s;
}

int
main (int   argc,
      char *argv[])
{
  if (argc == 3 && g_str_equal (argv[1], "--write-fixtures"))
    return write_fixtures (argv[2]);

  g_unsetenv ("DISPLAY");
  g_unsetenv ("WAYLAND_DISPLAY");
  g_unsetenv ("CUSTOS_TODAY");
  return custos_test_run_suite (readiness_suite ());
}
