/* SPDX-License-Identifier: GPL-3.0-or-later */
/* custos-readiness-private.h — what the parts of the readiness check share
 *
 * custos-readiness.c runs the check and keeps its result; the rules live in
 * one file per group of clauses and report through the helpers below: an
 * item of documented information is set present, incomplete or missing with
 * a reason (set_item, finish_item), a consistency problem becomes a finding
 * (add_finding). The helpers are static inline so that each rule file keeps
 * them to itself.
 */
#pragma once

#include <glib/gi18n-lib.h>

#include "custos-escape.h"
#include "custos-readiness.h"

G_BEGIN_DECLS

/* The documented information ISO/IEC 27001 requires, in clause order
 * (custos-readiness.c has their ids, titles and weights). */
typedef enum
{
  ITEM_CLIMATE,
  ITEM_SCOPE,
  ITEM_ISMS,
  ITEM_LEADERSHIP,
  ITEM_POLICY,
  ITEM_ISMS_RISKS,
  ITEM_RISK_PROCESS,
  ITEM_TREATMENT_PROCESS,
  ITEM_SOA,
  ITEM_PLAN,
  ITEM_OBJECTIVES,
  ITEM_CHANGES,
  ITEM_RESOURCES,
  ITEM_COMPETENCE,
  ITEM_OPERATIONS,
  ITEM_RISK_RESULTS,
  ITEM_TREATMENT_RESULTS,
  ITEM_MONITORING,
  ITEM_AUDITS,
  ITEM_REVIEWS,
  ITEM_IMPROVEMENT,
  ITEM_NONCONFORMITIES,
  N_ITEMS
} ItemIndex;

/* What the risk rules count for the items of 6.1.3, 8.2 and 8.3. */
typedef struct
{
  guint n_risks;
  guint n_open;
  guint unscored;
  guint no_owner;
  guint undecided;
  guint no_controls;
  guint treated;            /* open risks whose option needs controls */
  guint treated_no_residual;
} RiskStats;

/* Small helpers ---------------------------------------------------------- */

static inline gboolean
is_empty (const char *text)
{
  return text == NULL || *text == '\0';
}

/* TRUE when the date iso is set and lies before today. */
static inline gboolean
is_before (const char  *iso,
           const GDate *today)
{
  GDate date;

  return custos_date_parse (iso, &date) && g_date_compare (&date, today) < 0;
}

static inline CustosRecord *
item_at (GListModel *model,
         guint       position)
{
  /* The document's store holds a reference for as long as we look. */
  CustosRecord *record = g_list_model_get_item (model, position);

  g_object_unref (record);
  return record;
}

static inline void
append_reason (GString    *reasons,
               const char *reason)
{
  if (reasons->len > 0)
    g_string_append (reasons, "; ");
  g_string_append (reasons, reason);
}

G_GNUC_PRINTF (2, 3)
static inline void
append_reasonf (GString    *reasons,
                const char *format,
                ...)
{
  va_list args;
  g_autofree char *text = NULL;

  va_start (args, format);
  text = g_strdup_vprintf (format, args);
  va_end (args);
  append_reason (reasons, text);
}

/* "3 objectives have no owner": plural forms of a count, appended unless the
 * count is 0. singular and plural are literals with one %u; xgettext knows
 * them by the keyword append_count:3,4 (po/meson.build). */
static inline void
append_count (GString    *reasons,
              guint       n,
              const char *singular,
              const char *plural)
{
  if (n == 0)
    return;
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wformat-nonliteral"
  append_reasonf (reasons, g_dngettext (GETTEXT_PACKAGE, singular, plural, n), n);
#pragma GCC diagnostic pop
}

/* The labels of the empty fields among names ("Sites and locations,
 * Interfaces and dependencies"), or NULL when none is empty. */
static inline char *
empty_fields (CustosRecord *record,
              const guint  *fields,
              guint         n_fields)
{
  const CustosKind *kind = custos_record_get_kind (record);
  g_autoptr(GString) missing = g_string_new (NULL);

  for (guint i = 0; i < n_fields; i++)
    if (custos_record_field_is_empty (record, fields[i]))
      {
        if (missing->len > 0)
          g_string_append (missing, ", ");
        g_string_append (missing, _(kind->fields[fields[i]].label));
      }
  return missing->len > 0 ? g_string_free (g_steal_pointer (&missing), FALSE) : NULL;
}

static inline const char *
action_status_label (int status)
{
  switch (status)
    {
    case CUSTOS_ACTION_STATUS_PLANNED:
      return _("planned");
    case CUSTOS_ACTION_STATUS_IN_PROGRESS:
      return _("in progress");
    case CUSTOS_ACTION_STATUS_DONE:
      return _("done");
    case CUSTOS_ACTION_STATUS_CANCELLED:
      return _("cancelled");
    default:
      return "";
    }
}

static inline const char *
nc_status_label (int status)
{
  switch (status)
    {
    case CUSTOS_NC_STATUS_OPEN:
      return _("open");
    case CUSTOS_NC_STATUS_ACTION_PLANNED:
      return _("corrective action planned");
    case CUSTOS_NC_STATUS_VERIFYING:
      return _("verifying effectiveness");
    case CUSTOS_NC_STATUS_CLOSED:
      return _("closed");
    default:
      return "";
    }
}

static inline gboolean
action_is_open (int status)
{
  return status == CUSTOS_ACTION_STATUS_PLANNED || status == CUSTOS_ACTION_STATUS_IN_PROGRESS;
}

/* Every option but "accept" (and "not decided") is carried out by controls. */
static inline gboolean
treatment_needs_controls (int treatment)
{
  return treatment != CUSTOS_TREATMENT_UNDECIDED && treatment != CUSTOS_TREATMENT_ACCEPT;
}

static inline gboolean
risk_is_open (CustosRecord *risk)
{
  return custos_risk_get_status (CUSTOS_RISK (risk)) != CUSTOS_RISK_STATUS_CLOSED;
}

static inline gboolean
risk_is_scored (CustosRecord *risk,
                gboolean      residual)
{
  if (residual)
    return custos_risk_get_residual_likelihood (CUSTOS_RISK (risk)) > 0 &&
           custos_risk_get_residual_consequence (CUSTOS_RISK (risk)) > 0;
  return custos_risk_get_likelihood (CUSTOS_RISK (risk)) > 0 &&
         custos_risk_get_consequence (CUSTOS_RISK (risk)) > 0;
}

/* The check in progress ---------------------------------------------------- */

typedef struct
{
  CustosReadinessItem *items;       /* N_ITEMS, filled by set_item () */
  CustosDocument  *doc;
  const GDate     *today;
  GPtrArray       *findings;    /* in clause order, before sorting by severity */
  GArray          *coverage;
  guint            audits_done; /* audits carried out by today */
  CustosRecord    *planned_audit; /* the first audit not carried out yet, or NULL */
  CustosRecord    *subjects[N_ITEMS]; /* the record an item's gap is about, where one is (sections: their own) */
  GHashTable      *folded;      /* record to review → the number of findings folded into it */
  GHashTable      *evidence_files; /* or NULL: see custos_readiness_set_evidence_files () */
} Check;

/* TRUE when the date iso is set and lies more than months before today. */
static inline gboolean
is_older_than (const char  *iso,
               const GDate *today,
               guint        months)
{
  GDate date, limit = *today;

  g_date_subtract_months (&limit, months);
  return custos_date_parse (iso, &date) && g_date_compare (&date, &limit) < 0;
}

static inline void
finding_free (gpointer data)
{
  CustosReadinessFinding *finding = data;

  if (finding == NULL)
    return;
  g_free (finding->message);
  g_free (finding->record_id);
  g_free (finding);
}

static inline void
item_clear (CustosReadinessItem *item)
{
  g_clear_pointer (&item->reason, g_free);
}

/* Keeps in *subject the record a gap is about: the first candidate, unless
 * a later one is confirmed and it is not, so that a gap is only ever folded
 * when every record it could be about is still to review. */
static inline void
prefer_confirmed (CustosRecord **subject,
                  CustosRecord  *candidate)
{
  if (*subject == NULL || (custos_record_get_to_review (*subject) && !custos_record_get_to_review (candidate)))
    *subject = candidate;
}

/* A finding about a record still marked to review is folded into that
 * record's one "to review" finding: a person must read the record anyway,
 * and once they confirm it the rule speaks for itself. Only the findings
 * shown are folded; the items' status and the percentage stay as they are
 * (docs/READINESS.md). TRUE when the finding is folded. */
static inline gboolean
fold_into_review (Check        *c,
                  const char   *rule,
                  CustosRecord *record)
{
  if (record == NULL || !custos_record_get_to_review (record) || g_str_equal (rule, "to-review"))
    return FALSE;
  g_hash_table_insert (c->folded, record,
                       GUINT_TO_POINTER (GPOINTER_TO_UINT (g_hash_table_lookup (c->folded, record)) + 1));
  return TRUE;
}

G_GNUC_PRINTF (7, 8)
static inline void
add_finding (Check                   *c,
             CustosReadinessSeverity  severity,
             const char              *rule,
             const char              *clause,
             int                      reg,
             CustosRecord            *record,
             const char              *format,
             ...)
{
  CustosReadinessFinding *finding;
  g_autofree char *message = NULL;
  va_list args;

  if (fold_into_review (c, rule, record))
    return;
  finding = g_new0 (CustosReadinessFinding, 1);
  finding->severity = severity;
  finding->rule = rule;
  finding->clause = clause;
  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);
  /* Findings quote titles and ids from the file: no raw control characters. */
  finding->message = custos_escape_unsafe (message);
  finding->reg = reg;
  finding->section = -1;
  if (record != NULL)
    {
      int section = custos_kinds_section_index (custos_record_get_kind (record));

      if (section >= 0)
        {
          finding->reg = -1;
          finding->section = section;
        }
      else
        finding->record_id = g_strdup (custos_record_get_id (record));
    }
  g_ptr_array_add (c->findings, finding);
}

static inline void
set_item (Check                 *c,
          ItemIndex              index,
          CustosReadinessStatus  status,
          GString               *reasons)
{
  CustosReadinessItem *item = &c->items[index];

  item->status = status;
  g_free (item->reason);
  item->reason = g_strdup (reasons->str);
}

/* Ends an item: incomplete with the reasons gathered so far, or present with
 * the reason that says what is there. */
G_GNUC_PRINTF (4, 5)
static inline void
finish_item (Check      *c,
             ItemIndex   index,
             GString    *reasons,
             const char *present,
             ...)
{
  va_list args;

  if (reasons->len > 0)
    {
      set_item (c, index, CUSTOS_READINESS_STATUS_INCOMPLETE, reasons);
      return;
    }
  va_start (args, present);
  g_string_append_vprintf (reasons, present, args);
  va_end (args);
  set_item (c, index, CUSTOS_READINESS_STATUS_PRESENT, reasons);
}

/* The rules, by clause, in the order the check runs them. */

/* Required fields, 4.1–4.4, 5.1, 5.2, and the sections that are one text
 * each: 6.1.1, 6.3, 7.1, 10.1 (custos-readiness-context.c) */
void readiness_check_required        (Check     *c);
void readiness_check_climate         (Check     *c);
void readiness_check_section_item    (Check     *c,
                                      ItemIndex  item,
                                      CustosSection section);
void readiness_check_to_review       (Check     *c);
void readiness_check_scope           (Check     *c);
void readiness_check_policy          (Check     *c);

/* 6.1, 6.2, 8.2, 8.3 (custos-readiness-planning.c) */
void readiness_check_criteria        (Check     *c);
void readiness_check_risks           (Check     *c,
                                      RiskStats *st);
void readiness_check_risk_results    (Check     *c,
                                      RiskStats *st);
void readiness_set_risk_items        (Check     *c,
                                      RiskStats *st);
void readiness_check_soa             (Check     *c);
void readiness_check_plan            (Check     *c,
                                      RiskStats *st);
void readiness_check_objectives      (Check     *c);

/* 7.2, 7.5, 8.1 (custos-readiness-support.c) */
void readiness_check_competence      (Check     *c);
void readiness_check_documents       (Check     *c);
void readiness_check_processes       (Check     *c);
void readiness_check_merge_conflicts (Check     *c);

/* Annex A registers: requirements (A.5.31–5.34), suppliers (A.5.19–5.22),
 * evidence of controls (custos-readiness-annex.c) */
void readiness_check_requirements    (Check     *c);
void readiness_check_suppliers       (Check     *c);
void readiness_check_evidence        (Check     *c);

/* 9.1, 9.2, 9.3 (custos-readiness-evaluation.c) */
void readiness_check_monitoring      (Check     *c);
void readiness_check_audits          (Check     *c);
void readiness_check_reviews         (Check     *c);

/* 10.2 (custos-readiness-improvement.c) */
void readiness_check_nonconformities (Check     *c);

G_END_DECLS
