/* SPDX-License-Identifier: GPL-3.0-or-later */
/* custos-readiness.h — the audit-readiness check: required documented
 * information, the consistency an auditor tests, and the internal audit
 * programme's three-year coverage */
#pragma once

#include <gio/gio.h>

#include "custos-document.h"

G_BEGIN_DECLS

/* How far a piece of required documented information is there. */
typedef enum
{
  CUSTOS_READINESS_STATUS_MISSING,
  CUSTOS_READINESS_STATUS_INCOMPLETE,
  CUSTOS_READINESS_STATUS_PRESENT,
} CustosReadinessStatus;

/* Ordered: errors sort first. */
typedef enum
{
  CUSTOS_READINESS_SEVERITY_ERROR,   /* an auditor would raise a nonconformity */
  CUSTOS_READINESS_SEVERITY_WARNING, /* an auditor would question it */
  CUSTOS_READINESS_SEVERITY_INFO,    /* worth knowing before the audit */
} CustosReadinessSeverity;

/* One piece of documented information that ISO/IEC 27001 requires. Where the
 * UI should jump to is a register (section is -1), a section (reg is -1), or
 * the risk criteria (both -1). docs/READINESS.md defines every item. */
typedef struct
{
  const char            *id;      /* stable, e.g. "soa" */
  const char            *clause;  /* "6.1.3 d" */
  const char            *title;   /* translated, e.g. "Statement of Applicability" */
  CustosReadinessStatus  status;
  char                  *reason;  /* translated: what is there or what is missing */
  int                    reg;     /* CustosRegister, or -1 */
  int                    section; /* CustosSection, or -1 */
} CustosReadinessItem;

/* One consistency finding, with the record that causes it: a record of a
 * register (reg ≥ 0 and record_id set), a section (section ≥ 0), or a whole
 * register (reg ≥ 0, record_id NULL). */
typedef struct
{
  CustosReadinessSeverity  severity;
  const char              *rule;      /* stable rule id, e.g. "soa-excluded-unjustified" (docs/READINESS.md) */
  const char              *clause;    /* "6.1.3 d" */
  char                    *message;   /* translated, one line */
  int                      reg;       /* CustosRegister, or -1 */
  int                      section;   /* CustosSection, or -1 */
  char                    *record_id; /* or NULL */
} CustosReadinessFinding;

/* What reading an evidence item's file found. The check itself never reads
 * files (it must stay fast); custos_evidence_file_check() in src/storage
 * hashes them, and custos_readiness_set_evidence_files() hands the result
 * in. */
typedef enum
{
  CUSTOS_EVIDENCE_FILE_NOT_LOCAL,  /* no location, a URL or a description ("SharePoint > …") */
  CUSTOS_EVIDENCE_FILE_UNRECORDED, /* a file, but no checksum is recorded */
  CUSTOS_EVIDENCE_FILE_OK,         /* the file matches its recorded checksum */
  CUSTOS_EVIDENCE_FILE_CHANGED,    /* … no longer matches it */
  CUSTOS_EVIDENCE_FILE_MISSING,    /* the file is not there or cannot be read */
} CustosEvidenceFileStatus;

/* Whether an evidence location names a local file: a file: URI, a path
 * starting with /, ~/, ./ or ../, or a relative path that has a / or ends
 * in a file name extension ("evidence/backup-test.pdf", "policy.pdf").
 * Anything else is a URL or a description of where the evidence is. */
gboolean                      custos_evidence_location_is_file (const char *location);

#define CUSTOS_TYPE_READINESS (custos_readiness_get_type ())
G_DECLARE_FINAL_TYPE (CustosReadiness, custos_readiness, CUSTOS, READINESS, GObject)

/* Checks document as of today (a CustosClock's date). The result is a
 * snapshot: after edits, call custos_readiness_update() or make a new one. */
CustosReadiness              *custos_readiness_new             (CustosDocument          *document,
                                                                const GDate             *today);
/* Checks again (today NULL: the same date as before). Item and finding
 * pointers obtained before are invalid afterwards. Emits "changed" and
 * notifies the count properties that changed. */
void                          custos_readiness_update          (CustosReadiness         *self,
                                                                const GDate             *today);

/* Opt-in: statuses (evidence id → GINT_TO_POINTER (CustosEvidenceFileStatus))
 * of the evidence files someone has just hashed; from the next update on,
 * the check reports the changed and missing ones (rules evidence-changed,
 * evidence-missing), and evidence whose file is missing no longer counts.
 * NULL: those the document holds (custos_document_get_evidence_files()). */
void                          custos_readiness_set_evidence_files (CustosReadiness   *self,
                                                                   GHashTable        *statuses);
CustosDocument               *custos_readiness_get_document    (CustosReadiness         *self);
const GDate                  *custos_readiness_get_date        (CustosReadiness         *self);

/* Required documented information, in clause order (22 items). */
guint                         custos_readiness_get_n_items     (CustosReadiness         *self);
const CustosReadinessItem    *custos_readiness_get_item        (CustosReadiness         *self,
                                                                guint                    index);
const CustosReadinessItem    *custos_readiness_lookup_item     (CustosReadiness         *self,
                                                                const char              *id);

/* Findings: errors first, then warnings, then information; within a
 * severity in clause order. */
guint                         custos_readiness_get_n_findings  (CustosReadiness         *self);
const CustosReadinessFinding *custos_readiness_get_finding     (CustosReadiness         *self,
                                                                guint                    index);
guint                         custos_readiness_count           (CustosReadiness         *self,
                                                                CustosReadinessSeverity  severity);

/* 0–100: 80 points for documented information (weighted; present counts
 * fully, incomplete half) and 20 for consistency (2 off per error finding,
 * not counting missing documented information). */
int                           custos_readiness_get_percentage  (CustosReadiness         *self);

/* "error", "warning", "info"; "missing", "incomplete", "present"
 * (untranslated, for scripts). */
const char                   *custos_readiness_severity_to_string (CustosReadinessSeverity severity);
const char                   *custos_readiness_status_to_string   (CustosReadinessStatus   status);
/* Translated, for people. */
const char                   *custos_readiness_severity_get_label (CustosReadinessSeverity severity);
const char                   *custos_readiness_status_get_label   (CustosReadinessStatus   status);
/* A rule's findings as a group, e.g. "Controls not decided"; NULL for an
 * unknown rule. */
const char                   *custos_readiness_rule_get_title     (const char             *rule);


/* Internal audit programme coverage (clause 9.2) ------------------------- */

/* Every process must be audited within a three-year cycle. */
#define CUSTOS_AUDIT_CYCLE_YEARS 3

typedef struct
{
  CustosRecord *process;        /* borrowed from the document */
  GDate         last_audited;   /* latest actual date on or before today; invalid if never */
  CustosRecord *last_audit;     /* borrowed, or NULL */
  GDate         next_planned;   /* earliest planned date on or after today of an audit not yet done; invalid if none */
  CustosRecord *next_audit;     /* borrowed, or NULL */
  GDate         due;            /* last audited + 3 years; invalid if never audited */
  gboolean      covered;        /* audited within the last three years, or an audit is planned within the next three */
  gboolean      overdue;        /* covered only by a plan although the last audit is more than three years old */
} CustosAuditCoverage;

/* One entry per process, in register order. An audit counts for a process
 * when it lists the process; cancelled audits never count; an audit is done
 * when it has an actual date, planned while it has none (a planned date in
 * the past that was not done counts for nothing). Returns a GArray of
 * CustosAuditCoverage whose records are borrowed from document. */
GArray                       *custos_audit_coverage            (CustosDocument          *document,
                                                                const GDate             *today);

/* The clauses 4–10 and Annex A themes (CustosCoverage flags) an audit of the
 * programme covers in year: carried out then, or planned then and not
 * cancelled. ids, if not NULL, gets the ids of those audits that cover bit,
 * comma-separated, or NULL when none does. */
guint                         custos_audit_programme_year      (CustosDocument          *document,
                                                                guint                    year,
                                                                guint                    bit,
                                                                char                   **ids);
/* What the programme covers within the three-year cycle around today: the
 * audits carried out in the last three years and those planned for the next
 * three. */
guint                         custos_audit_programme_cycle     (CustosDocument          *document,
                                                                const GDate             *today);
/* The clauses and themes every programme must cover in the document's
 * edition (the themes only for 2022). */
guint                         custos_audit_programme_required  (CustosDocument          *document);

G_END_DECLS
