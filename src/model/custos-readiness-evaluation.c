/* SPDX-License-Identifier: GPL-3.0-or-later */
/* custos-readiness-evaluation.c — the readiness rules of clause 9, and audit coverage */
#include "config.h"

#include "custos-enums.h"
#include "custos-labels.h"
#include "custos-readiness-private.h"

/* 9.1 Monitoring --------------------------------------------------------------- */

void
readiness_check_monitoring (Check *c)
{
  GListModel *measures = custos_document_get_register (c->doc, CUSTOS_REGISTER_MEASURES);
  GListModel *measurements = custos_document_get_register (c->doc, CUSTOS_REGISTER_MEASUREMENTS);
  guint n = g_list_model_get_n_items (measures);
  guint n_results = g_list_model_get_n_items (measurements);
  guint no_results = 0, no_method = 0;
  g_autoptr(GHashTable) measured = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GString) reasons = g_string_new (NULL);

  for (guint i = 0; i < n_results; i++)
    {
      const char *measure = custos_measurement_get_measure (CUSTOS_MEASUREMENT (item_at (measurements, i)));
      if (measure != NULL)
        g_hash_table_add (measured, (gpointer) measure);
    }
  for (guint i = 0; i < n; i++)
    {
      CustosRecord *measure = item_at (measures, i);

      if (!g_hash_table_contains (measured, custos_record_get_id (measure)))
        {
          no_results++;
          prefer_confirmed (&c->subjects[ITEM_MONITORING], measure);
        }
      no_method += custos_record_field_is_empty (measure, CUSTOS_MEASURE_FIELD_METHOD) ||
                   custos_record_field_is_empty (measure, CUSTOS_MEASURE_FIELD_OWNER);
    }

  if (n == 0)
    {
      append_reason (reasons, _("Nothing is monitored or measured"));
      set_item (c, ITEM_MONITORING, CUSTOS_READINESS_STATUS_MISSING, reasons);
      return;
    }
  if (n_results == 0)
    {
      append_reasonf (reasons, g_dngettext (GETTEXT_PACKAGE,
                                            "%u measure is defined but no result is recorded",
                                            "%u measures are defined but no result is recorded", n),
                      n);
      set_item (c, ITEM_MONITORING, CUSTOS_READINESS_STATUS_MISSING, reasons);
      return;
    }
  if (no_results > 0)
    append_reasonf (reasons, g_dngettext (GETTEXT_PACKAGE,
                                          "%u of %u measures has no result",
                                          "%u of %u measures have no result", no_results),
                    no_results, n);
  append_count (reasons, no_method, "%u measure has no method or no one who measures",
                                    "%u measures have no method or no one who measures");
  finish_item (c, ITEM_MONITORING, reasons, _("%u measures with %u results"), n, n_results);
}

/* 9.2 Internal audit ---------------------------------------------------------- */

/* The date an audit was done: its actual date, or its planned date when it
 * is marked completed without one. FALSE when it is not done (or cancelled). */
static gboolean
audit_done_date (CustosRecord *audit,
                 GDate        *date)
{
  int status = custos_audit_get_status (CUSTOS_AUDIT (audit));

  if (status == CUSTOS_AUDIT_STATUS_CANCELLED)
    return FALSE;
  if (custos_date_parse (custos_audit_get_done (CUSTOS_AUDIT (audit)), date))
    return TRUE;
  return status == CUSTOS_AUDIT_STATUS_COMPLETED &&
         custos_date_parse (custos_audit_get_planned (CUSTOS_AUDIT (audit)), date);
}

static gboolean
audit_lists_process (CustosRecord *audit,
                     const char   *process_id)
{
  const char * const *processes = custos_audit_get_processes (CUSTOS_AUDIT (audit));

  return processes != NULL && process_id != NULL && g_strv_contains (processes, process_id);
}

GArray *
custos_audit_coverage (CustosDocument *document,
                       const GDate    *today)
{
  GListModel *processes, *audits;
  guint n_processes, n_audits;
  GArray *coverage;
  GDate cycle_start, cycle_end;

  g_return_val_if_fail (CUSTOS_IS_DOCUMENT (document), NULL);
  g_return_val_if_fail (today != NULL && g_date_valid (today), NULL);

  processes = custos_document_get_register (document, CUSTOS_REGISTER_PROCESSES);
  audits = custos_document_get_register (document, CUSTOS_REGISTER_AUDITS);
  n_processes = g_list_model_get_n_items (processes);
  n_audits = g_list_model_get_n_items (audits);
  coverage = g_array_sized_new (FALSE, TRUE, sizeof (CustosAuditCoverage), n_processes);

  cycle_start = *today;
  g_date_subtract_years (&cycle_start, CUSTOS_AUDIT_CYCLE_YEARS);
  cycle_end = *today;
  g_date_add_years (&cycle_end, CUSTOS_AUDIT_CYCLE_YEARS);

  for (guint p = 0; p < n_processes; p++)
    {
      CustosAuditCoverage entry = { 0 };
      const char *process_id;

      entry.process = item_at (processes, p);
      process_id = custos_record_get_id (entry.process);
      g_date_clear (&entry.last_audited, 1);
      g_date_clear (&entry.next_planned, 1);
      g_date_clear (&entry.due, 1);

      for (guint a = 0; a < n_audits; a++)
        {
          CustosRecord *audit = item_at (audits, a);
          int status = custos_audit_get_status (CUSTOS_AUDIT (audit));
          GDate date;

          if (!audit_lists_process (audit, process_id))
            continue;
          if (audit_done_date (audit, &date))
            {
              if (g_date_compare (&date, today) <= 0 &&
                  (!g_date_valid (&entry.last_audited) || g_date_compare (&date, &entry.last_audited) > 0))
                {
                  entry.last_audited = date;
                  entry.last_audit = audit;
                }
            }
          else if (status != CUSTOS_AUDIT_STATUS_CANCELLED &&
                   status != CUSTOS_AUDIT_STATUS_COMPLETED &&
                   custos_date_parse (custos_audit_get_planned (CUSTOS_AUDIT (audit)), &date) &&
                   g_date_compare (&date, today) >= 0 &&
                   (!g_date_valid (&entry.next_planned) ||
                    g_date_compare (&date, &entry.next_planned) < 0))
            {
              entry.next_planned = date;
              entry.next_audit = audit;
            }
        }

      if (g_date_valid (&entry.last_audited))
        {
          entry.due = entry.last_audited;
          g_date_add_years (&entry.due, CUSTOS_AUDIT_CYCLE_YEARS);
        }
      if (g_date_valid (&entry.last_audited) && g_date_compare (&entry.last_audited, &cycle_start) >= 0)
        entry.covered = TRUE;
      else if (g_date_valid (&entry.next_planned) && g_date_compare (&entry.next_planned, &cycle_end) <= 0)
        {
          entry.covered = TRUE;
          entry.overdue = g_date_valid (&entry.last_audited);
        }
      g_array_append_val (coverage, entry);
    }
  return coverage;
}

/* When an audit counts in the programme: its actual date, or its planned
 * date unless it was cancelled. */
static gboolean
audit_programme_date (CustosRecord *audit,
                      GDate        *date)
{
  if (custos_date_parse (custos_audit_get_done (CUSTOS_AUDIT (audit)), date))
    return TRUE;
  return custos_audit_get_status (CUSTOS_AUDIT (audit)) != CUSTOS_AUDIT_STATUS_CANCELLED &&
         custos_date_parse (custos_audit_get_planned (CUSTOS_AUDIT (audit)), date);
}

guint
custos_audit_programme_year (CustosDocument  *document,
                             guint            year,
                             guint            bit,
                             char           **ids)
{
  GListModel *audits;
  g_autoptr(GString) list = g_string_new (NULL);
  guint covered = 0;

  g_return_val_if_fail (CUSTOS_IS_DOCUMENT (document), 0);

  audits = custos_document_get_register (document, CUSTOS_REGISTER_AUDITS);
  for (guint i = 0, n = g_list_model_get_n_items (audits); i < n; i++)
    {
      CustosRecord *audit = item_at (audits, i);
      guint flags = (guint) custos_audit_get_coverage (CUSTOS_AUDIT (audit));
      GDate date;

      if (!audit_programme_date (audit, &date) || g_date_get_year (&date) != year)
        continue;
      covered |= flags;
      if ((flags & bit) != 0)
        g_string_append_printf (list, "%s%s", list->len > 0 ? ", " : "", custos_record_get_id (audit));
    }
  if (ids != NULL)
    *ids = list->len > 0 ? g_strdup (list->str) : NULL;
  return covered;
}

guint
custos_audit_programme_cycle (CustosDocument *document,
                              const GDate    *today)
{
  GListModel *audits;
  GDate start = *today, end = *today;
  guint covered = 0;

  g_return_val_if_fail (CUSTOS_IS_DOCUMENT (document), 0);

  g_date_subtract_years (&start, CUSTOS_AUDIT_CYCLE_YEARS);
  g_date_add_years (&end, CUSTOS_AUDIT_CYCLE_YEARS);
  audits = custos_document_get_register (document, CUSTOS_REGISTER_AUDITS);
  for (guint i = 0, n = g_list_model_get_n_items (audits); i < n; i++)
    {
      CustosRecord *audit = item_at (audits, i);
      GDate date;

      if (audit_programme_date (audit, &date) &&
          g_date_compare (&date, &start) >= 0 && g_date_compare (&date, &end) <= 0)
        covered |= (guint) custos_audit_get_coverage (CUSTOS_AUDIT (audit));
    }
  return covered;
}

guint
custos_audit_programme_required (CustosDocument *document)
{
  guint clauses = CUSTOS_COVERAGE_CLAUSE_4 | CUSTOS_COVERAGE_CLAUSE_5 | CUSTOS_COVERAGE_CLAUSE_6 |
                  CUSTOS_COVERAGE_CLAUSE_7 | CUSTOS_COVERAGE_CLAUSE_8 | CUSTOS_COVERAGE_CLAUSE_9 |
                  CUSTOS_COVERAGE_CLAUSE_10;

  g_return_val_if_fail (CUSTOS_IS_DOCUMENT (document), 0);

  if (custos_document_get_edition (document) == CUSTOS_EDITION_2013)
    return clauses;
  return clauses | CUSTOS_COVERAGE_ORGANIZATIONAL | CUSTOS_COVERAGE_PEOPLE | CUSTOS_COVERAGE_PHYSICAL |
         CUSTOS_COVERAGE_TECHNOLOGICAL;
}

/* 9.2 b: the programme covers every clause and theme within the cycle, and
 * 7.2: every auditor's competence is on record. */
static void
check_programme (Check *c)
{
  GListModel *audits = custos_document_get_register (c->doc, CUSTOS_REGISTER_AUDITS);
  guint missing = custos_audit_programme_required (c->doc) & ~custos_audit_programme_cycle (c->doc, c->today);

  if (g_list_model_get_n_items (audits) > 0 && missing != 0)
    {
      g_autofree char *labels = custos_flags_label (CUSTOS_TYPE_COVERAGE, missing);

      add_finding (c, CUSTOS_READINESS_SEVERITY_WARNING, "audit-clause-coverage", "9.2",
                   CUSTOS_REGISTER_AUDITS, NULL,
                   _("The audit programme does not cover within three years: %s"), labels);
    }
  for (guint i = 0, n = g_list_model_get_n_items (audits); i < n; i++)
    {
      CustosRecord *audit = item_at (audits, i);

      if (custos_audit_get_status (CUSTOS_AUDIT (audit)) != CUSTOS_AUDIT_STATUS_CANCELLED &&
          !custos_record_field_is_empty (audit, CUSTOS_AUDIT_FIELD_AUDITOR) &&
          custos_record_field_is_empty (audit, CUSTOS_AUDIT_FIELD_AUDITOR_COMPETENCE))
        add_finding (c, CUSTOS_READINESS_SEVERITY_WARNING, "audit-auditor-competence", "9.2",
                     CUSTOS_REGISTER_AUDITS, audit,
                     _("Audit %s “%s”: the competence of its auditor, %s, is not recorded"),
                     custos_record_get_id (audit), custos_record_get_title (audit),
                     custos_audit_get_auditor (CUSTOS_AUDIT (audit)));
    }
}

void
readiness_check_audits (Check *c)
{
  GListModel *audits = custos_document_get_register (c->doc, CUSTOS_REGISTER_AUDITS);
  GListModel *findings = custos_document_get_register (c->doc, CUSTOS_REGISTER_FINDINGS);
  guint n = g_list_model_get_n_items (audits);
  guint completed = 0, not_covered = 0;
  g_autoptr(GString) reasons = g_string_new (NULL);

  c->coverage = custos_audit_coverage (c->doc, c->today);
  check_programme (c);
  for (guint i = 0; i < c->coverage->len; i++)
    {
      const CustosAuditCoverage *entry = &g_array_index (c->coverage, CustosAuditCoverage, i);
      CustosRecord *process = entry->process;
      char last[CUSTOS_DATE_ISO_SIZE], next[CUSTOS_DATE_ISO_SIZE];

      if (g_date_valid (&entry->last_audited))
        custos_date_format_iso (&entry->last_audited, last);
      if (g_date_valid (&entry->next_planned))
        custos_date_format_iso (&entry->next_planned, next);

      if (!entry->covered)
        {
          not_covered++;
          if (g_date_valid (&entry->last_audited))
            add_finding (c, CUSTOS_READINESS_SEVERITY_ERROR, "audit-coverage", "9.2",
                         CUSTOS_REGISTER_PROCESSES, process,
                         _("Process %s “%s” was last audited on %s, more than three years ago, "
                           "and no audit of it is planned within three years"),
                         custos_record_get_id (process), custos_record_get_title (process), last);
          else
            add_finding (c, CUSTOS_READINESS_SEVERITY_ERROR, "audit-coverage", "9.2",
                         CUSTOS_REGISTER_PROCESSES, process,
                         _("Process %s “%s” has never been audited and no audit of it is planned within three years"),
                         custos_record_get_id (process), custos_record_get_title (process));
        }
      else if (entry->overdue)
        add_finding (c, CUSTOS_READINESS_SEVERITY_WARNING, "audit-coverage-late", "9.2",
                     CUSTOS_REGISTER_PROCESSES, process,
                     _("Process %s “%s” was last audited on %s, more than three years ago; "
                       "its next audit is planned for %s"),
                     custos_record_get_id (process), custos_record_get_title (process), last, next);
    }

  for (guint i = 0; i < n; i++)
    {
      CustosRecord *audit = item_at (audits, i);
      int status = custos_audit_get_status (CUSTOS_AUDIT (audit));
      GDate date;

      if (audit_done_date (audit, &date) && g_date_compare (&date, c->today) <= 0)
        {
          completed++;
          c->audits_done++;
          continue;
        }
      if (status != CUSTOS_AUDIT_STATUS_CANCELLED)
        prefer_confirmed (&c->planned_audit, audit);
      if (status == CUSTOS_AUDIT_STATUS_PLANNED &&
          custos_record_field_is_empty (audit, CUSTOS_AUDIT_FIELD_DONE) &&
          is_before (custos_audit_get_planned (CUSTOS_AUDIT (audit)), c->today))
        add_finding (c, CUSTOS_READINESS_SEVERITY_WARNING, "audit-overdue", "9.2",
                     CUSTOS_REGISTER_AUDITS, audit,
                     _("Audit %s “%s” was planned for %s and is not recorded as done"),
                     custos_record_get_id (audit), custos_record_get_title (audit),
                     custos_audit_get_planned (CUSTOS_AUDIT (audit)));
    }

  for (guint i = 0, n_findings = g_list_model_get_n_items (findings); i < n_findings; i++)
    {
      CustosRecord *finding = item_at (findings, i);
      int type = custos_finding_get_finding_type (CUSTOS_FINDING (finding));

      if ((type == CUSTOS_FINDING_TYPE_MAJOR || type == CUSTOS_FINDING_TYPE_MINOR) &&
          custos_record_field_is_empty (finding, CUSTOS_FINDING_FIELD_NONCONFORMITY))
        /* A major nonconformity left without corrective action is itself
         * a major nonconformity against 10.2. */
        add_finding (c, type == CUSTOS_FINDING_TYPE_MAJOR ? CUSTOS_READINESS_SEVERITY_ERROR
                                                          : CUSTOS_READINESS_SEVERITY_WARNING,
                     "finding-no-nc", "10.2", CUSTOS_REGISTER_FINDINGS, finding,
                     type == CUSTOS_FINDING_TYPE_MAJOR
                     ? _("Audit finding %s of audit %s is a major nonconformity but no nonconformity is recorded for it")
                     : _("Audit finding %s of audit %s is a minor nonconformity but no nonconformity is recorded for it"),
                     custos_record_get_id (finding), custos_finding_get_audit (CUSTOS_FINDING (finding)));
    }

  if (n == 0)
    {
      append_reason (reasons, _("There is no internal audit programme"));
      set_item (c, ITEM_AUDITS, CUSTOS_READINESS_STATUS_MISSING, reasons);
      return;
    }
  if (completed == 0)
    append_reason (reasons, _("No audit has been carried out yet, so there are no audit results"));
  if (completed == 0 && not_covered == 0)
    c->subjects[ITEM_AUDITS] = c->planned_audit;
  append_count (reasons, not_covered, "%u process is not covered within the three-year cycle",
                                      "%u processes are not covered within the three-year cycle");
  if (reasons->len > 0)
    set_item (c, ITEM_AUDITS, CUSTOS_READINESS_STATUS_INCOMPLETE, reasons);
  else
    {
      append_reasonf (reasons, _("%u audits, %u carried out; every process covered within three years"),
                      n, completed);
      set_item (c, ITEM_AUDITS, CUSTOS_READINESS_STATUS_PRESENT, reasons);
    }
}

/* 9.3 Management review ------------------------------------------------------- */

void
readiness_check_reviews (Check *c)
{
  GListModel *reviews = custos_document_get_register (c->doc, CUSTOS_REGISTER_REVIEWS);
  GListModel *actions = custos_document_get_register (c->doc, CUSTOS_REGISTER_REVIEW_ACTIONS);
  const guint parts[] = {
    CUSTOS_REVIEW_FIELD_ATTENDEES, CUSTOS_REVIEW_FIELD_PREVIOUS_ACTIONS, CUSTOS_REVIEW_FIELD_ISSUE_CHANGES,
    CUSTOS_REVIEW_FIELD_PARTY_CHANGES, CUSTOS_REVIEW_FIELD_NONCONFORMITIES, CUSTOS_REVIEW_FIELD_MONITORING,
    CUSTOS_REVIEW_FIELD_AUDITS, CUSTOS_REVIEW_FIELD_OBJECTIVES, CUSTOS_REVIEW_FIELD_FEEDBACK,
    CUSTOS_REVIEW_FIELD_RISKS, CUSTOS_REVIEW_FIELD_OPPORTUNITIES, CUSTOS_REVIEW_FIELD_DECISIONS,
  };
  CustosRecord *latest = NULL;
  CustosRecord *planned = NULL; /* a review dated in the future */
  GDate latest_date, limit;
  g_autoptr(GString) reasons = g_string_new (NULL);
  g_autofree char *missing = NULL;

  g_date_clear (&latest_date, 1);
  for (guint i = 0, n = g_list_model_get_n_items (reviews); i < n; i++)
    {
      CustosRecord *review = item_at (reviews, i);
      GDate date;

      /* A review dated in the future has not been held yet. */
      if (!custos_date_parse (custos_review_get_date (CUSTOS_REVIEW (review)), &date))
        continue;
      if (g_date_compare (&date, c->today) > 0)
        prefer_confirmed (&planned, review);
      else if (latest == NULL || g_date_compare (&date, &latest_date) > 0)
        {
          latest = review;
          latest_date = date;
        }
    }

  limit = *c->today;
  g_date_subtract_months (&limit, 12);
  /* None held yet: the one planned is what the finding is about. */
  if (latest == NULL)
    add_finding (c, CUSTOS_READINESS_SEVERITY_ERROR, "review-none", "9.3", CUSTOS_REGISTER_REVIEWS, planned,
                 _("No management review has been held"));
  else if (g_date_compare (&latest_date, &limit) < 0)
    add_finding (c, CUSTOS_READINESS_SEVERITY_ERROR, "review-none", "9.3", CUSTOS_REGISTER_REVIEWS, latest,
                 _("No management review in the last twelve months: the last, %s, was held on %s"),
                 custos_record_get_id (latest), custos_review_get_date (CUSTOS_REVIEW (latest)));

  for (guint i = 0, n = g_list_model_get_n_items (actions); i < n; i++)
    {
      CustosRecord *action = item_at (actions, i);
      int status = custos_review_action_get_status (CUSTOS_REVIEW_ACTION (action));

      if (action_is_open (status) &&
          is_before (custos_review_action_get_due (CUSTOS_REVIEW_ACTION (action)), c->today))
        add_finding (c, CUSTOS_READINESS_SEVERITY_WARNING, "review-action-overdue", "9.3",
                     CUSTOS_REGISTER_REVIEW_ACTIONS, action,
                     _("Management review action %s “%s” was due on %s and is still %s"),
                     custos_record_get_id (action), custos_record_get_title (action),
                     custos_review_action_get_due (CUSTOS_REVIEW_ACTION (action)),
                     action_status_label (status));
    }

  if (latest == NULL)
    {
      c->subjects[ITEM_REVIEWS] = planned;
      append_reason (reasons, _("No management review has been held"));
      set_item (c, ITEM_REVIEWS, CUSTOS_READINESS_STATUS_MISSING, reasons);
      return;
    }
  if (g_date_compare (&latest_date, &limit) < 0)
    append_reasonf (reasons, _("The last review, on %s, is more than twelve months old"),
                    custos_review_get_date (CUSTOS_REVIEW (latest)));
  if ((missing = empty_fields (latest, parts, G_N_ELEMENTS (parts))) != NULL)
    append_reasonf (reasons, _("The last review does not record: %s"), missing);
  finish_item (c, ITEM_REVIEWS, reasons,
               _("Last review %s on %s, with every input of clause 9.3 and its decisions"),
               custos_record_get_id (latest), custos_review_get_date (CUSTOS_REVIEW (latest)));
}
