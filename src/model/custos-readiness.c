/* SPDX-License-Identifier: GPL-3.0-or-later */
/* custos-readiness.c — the audit-readiness check
 *
 * Two questions an auditor asks of an ISMS, answered from the document alone
 * and as of a given date (so that the answer is reproducible):
 *
 *  1. Is every piece of documented information that ISO/IEC 27001 requires
 *     there? Fifteen items, each present, incomplete or missing, with a reason.
 *  2. Is it consistent? Rules that each name a clause, a severity and the
 *     record that breaks them, so that the UI can jump to it.
 *
 * docs/READINESS.md describes every item and rule; the rule ids used here
 * are the ones it lists.
 *
 * This file runs the check, weighs the items and keeps the result. The rules
 * are grouped by clause: custos-readiness-context.c (required fields, 4.3,
 * 5.2), -planning.c (6.1, 6.2 and the risk results of 8.2, 8.3), -support.c
 * (7.2, 7.5, 8.1), -evaluation.c (9.1, 9.2 with the audit coverage, 9.3) and
 * -improvement.c (10.2); custos-readiness-private.h has what they share.
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include <string.h>

#include "custos-readiness-private.h"

typedef struct
{
  const char *id;
  const char *clause;
  const char *title;
  guint       weight;
  int         reg;
  int         section;
} ItemInfo;

static const ItemInfo item_info[N_ITEMS] = {
  { "climate", "4.1", N_("Climate change considered (Amd 1:2024)"), 1, CUSTOS_REGISTER_ISSUES, -1 },
  { "scope", "4.3", N_("Scope of the ISMS"), 1, -1, CUSTOS_SECTION_SCOPE },
  { "isms", "4.4", N_("The ISMS and its processes"), 1, -1, CUSTOS_SECTION_ISMS_PROCESSES },
  { "leadership", "5.1", N_("Leadership and commitment"), 1, -1, CUSTOS_SECTION_LEADERSHIP },
  { "policy", "5.2", N_("Information security policy"), 1, -1, CUSTOS_SECTION_POLICY },
  { "isms-risks", "6.1.1", N_("Risks and opportunities of the ISMS"), 1, -1, CUSTOS_SECTION_ISMS_RISKS },
  { "risk-assessment-process", "6.1.2", N_("Risk assessment process"), 1, -1, -1 },
  { "risk-treatment-process", "6.1.3", N_("Risk treatment process"), 1, CUSTOS_REGISTER_RISKS, -1 },
  { "soa", "6.1.3 d", N_("Statement of Applicability"), 2, CUSTOS_REGISTER_SOA, -1 },
  { "treatment-plan", "6.1.3 e", N_("Risk treatment plan"), 2, CUSTOS_REGISTER_ACTIONS, -1 },
  { "objectives", "6.2", N_("Information security objectives"), 1, CUSTOS_REGISTER_OBJECTIVES, -1 },
  { "changes", "6.3", N_("Planning of changes"), 1, -1, CUSTOS_SECTION_CHANGE_PLANNING },
  { "resources", "7.1", N_("Resources"), 1, -1, CUSTOS_SECTION_ISMS_RESOURCES },
  { "competence", "7.2", N_("Evidence of competence"), 1, CUSTOS_REGISTER_COMPETENCES, -1 },
  { "operational-planning", "8.1", N_("Operational planning and control"), 1, CUSTOS_REGISTER_PROCESSES, -1 },
  { "risk-assessment-results", "8.2", N_("Results of risk assessments"), 2, CUSTOS_REGISTER_RISKS, -1 },
  { "risk-treatment-results", "8.3", N_("Results of risk treatment"), 1, CUSTOS_REGISTER_RISKS, -1 },
  { "monitoring", "9.1", N_("Monitoring and measurement results"), 1, CUSTOS_REGISTER_MEASUREMENTS, -1 },
  { "internal-audit", "9.2", N_("Audit programme and audit results"), 2, CUSTOS_REGISTER_AUDITS, -1 },
  { "management-review", "9.3", N_("Results of management reviews"), 2, CUSTOS_REGISTER_REVIEWS, -1 },
  { "continual-improvement", "10.1", N_("Continual improvement"), 1, -1, CUSTOS_SECTION_CONTINUAL_IMPROVEMENT },
  { "nonconformities", "10.2", N_("Nonconformities and corrective actions"), 1, CUSTOS_REGISTER_NONCONFORMITIES, -1 },
};

/* Consistency: 2 points off per error finding, at most this many. */
#define CONSISTENCY_POINTS  20
#define POINTS_PER_ERROR    2

struct _CustosReadiness
{
  GObject              parent_instance;

  CustosDocument      *document;
  GDate                today;
  CustosReadinessItem  items[N_ITEMS];
  GPtrArray           *findings; /* of CustosReadinessFinding, errors first */
  guint                counts[3];
  int                  percentage;
  GHashTable          *evidence_files; /* or NULL */
};

G_DEFINE_FINAL_TYPE (CustosReadiness, custos_readiness, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_DOCUMENT,
  PROP_PERCENTAGE,
  PROP_N_ERRORS,
  PROP_N_WARNINGS,
  PROP_N_INFOS,
  N_PROPS
};

enum {
  CHANGED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

/* The whole check ---------------------------------------------------------------- */

static void
run (CustosReadiness *self)
{
  g_autoptr(GPtrArray) findings = g_ptr_array_new_with_free_func (finding_free);
  GPtrArray *sorted;
  g_autoptr(GHashTable) folded = g_hash_table_new (NULL, NULL);
  GHashTable *evidence_files = self->evidence_files ? self->evidence_files
                                                    : custos_document_get_evidence_files (self->document);
  Check check = { self->items, self->document, &self->today, findings, NULL, 0, NULL, { NULL }, folded, evidence_files };
  RiskStats risks = { 0 };
  guint points = 0, total = 0, errors = 0;

  for (guint i = 0; i < N_ITEMS; i++)
    item_clear (&self->items[i]);

  /* In clause order; the items' own findings come first below. */
  readiness_check_required (&check);
  readiness_check_climate (&check);
  readiness_check_requirements (&check);
  readiness_check_to_review (&check);
  readiness_check_scope (&check);
  readiness_check_section_item (&check, ITEM_ISMS, CUSTOS_SECTION_ISMS_PROCESSES);
  readiness_check_section_item (&check, ITEM_LEADERSHIP, CUSTOS_SECTION_LEADERSHIP);
  readiness_check_policy (&check);
  readiness_check_section_item (&check, ITEM_ISMS_RISKS, CUSTOS_SECTION_ISMS_RISKS);
  readiness_check_criteria (&check);
  readiness_check_risks (&check, &risks);
  readiness_check_soa (&check);
  readiness_check_evidence (&check);
  readiness_check_objectives (&check);
  readiness_check_section_item (&check, ITEM_CHANGES, CUSTOS_SECTION_CHANGE_PLANNING);
  readiness_check_section_item (&check, ITEM_RESOURCES, CUSTOS_SECTION_ISMS_RESOURCES);
  readiness_check_competence (&check);
  readiness_check_documents (&check);
  readiness_check_merge_conflicts (&check);
  readiness_check_processes (&check);
  readiness_check_suppliers (&check);
  readiness_check_risk_results (&check, &risks);
  readiness_set_risk_items (&check, &risks);
  readiness_check_plan (&check, &risks);
  readiness_check_monitoring (&check);
  readiness_check_audits (&check);
  readiness_check_reviews (&check);
  readiness_check_section_item (&check, ITEM_IMPROVEMENT, CUSTOS_SECTION_CONTINUAL_IMPROVEMENT);
  readiness_check_nonconformities (&check);
  g_clear_pointer (&check.coverage, g_array_unref);

  /* Missing and incomplete documented information, then the rules; errors
   * first, the order otherwise kept. */
  sorted = g_ptr_array_new_with_free_func (finding_free);
  memset (self->counts, 0, sizeof self->counts);
  for (CustosReadinessSeverity s = CUSTOS_READINESS_SEVERITY_ERROR; s <= CUSTOS_READINESS_SEVERITY_INFO; s++)
    {
      for (guint i = 0; i < N_ITEMS; i++)
        {
          CustosReadinessItem *item = &self->items[i];
          CustosReadinessFinding *finding;

          const char *rule = item->status == CUSTOS_READINESS_STATUS_MISSING ? "docinfo-missing" : "docinfo-incomplete";
          CustosRecord *subject = check.subjects[i];

          if (item->status == CUSTOS_READINESS_STATUS_PRESENT ||
              s != (item->status == CUSTOS_READINESS_STATUS_MISSING
                    ? CUSTOS_READINESS_SEVERITY_ERROR : CUSTOS_READINESS_SEVERITY_WARNING))
            continue;
          if (subject == NULL && item->section >= 0)
            subject = custos_document_get_section (self->document, item->section);
          if (fold_into_review (&check, rule, subject))
            continue;
          finding = g_new0 (CustosReadinessFinding, 1);
          finding->severity = s;
          finding->rule = rule;
          finding->clause = item->clause;
          finding->message = item->status == CUSTOS_READINESS_STATUS_MISSING
                             ? g_strdup_printf (_("Required documented information is missing: %s (%s)"),
                                                item->title, item->reason)
                             : g_strdup_printf (_("Required documented information is incomplete: %s (%s)"),
                                                item->title, item->reason);
          finding->reg = item->reg;
          finding->section = item->section;
          g_ptr_array_add (sorted, finding);
          self->counts[s]++;
        }
      for (guint i = 0; i < findings->len; i++)
        {
          CustosReadinessFinding *finding = findings->pdata[i];

          if (finding == NULL || finding->severity != s)
            continue;
          g_ptr_array_add (sorted, g_steal_pointer (&findings->pdata[i]));
          self->counts[s]++;
          if (s == CUSTOS_READINESS_SEVERITY_ERROR)
            errors++;
        }
    }
  /* Each record to review says how many findings wait for its confirmation. */
  for (guint i = 0; i < sorted->len && g_hash_table_size (folded) > 0; i++)
    {
      CustosReadinessFinding *finding = sorted->pdata[i];
      g_autofree char *message = NULL;
      CustosRecord *record;
      guint n;

      if (!g_str_equal (finding->rule, "to-review"))
        continue;
      record = finding->section >= 0 ? custos_document_get_section (self->document, finding->section)
                                     : custos_document_lookup (self->document, finding->reg, finding->record_id);
      if ((n = GPOINTER_TO_UINT (g_hash_table_lookup (folded, record))) == 0)
        continue;
      message = g_steal_pointer (&finding->message);
      finding->message = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                       "%s; %u more finding about it is shown once it is confirmed",
                                                       "%s; %u more findings about it are shown once it is confirmed",
                                                       n),
                                          message, n);
    }

  g_clear_pointer (&self->findings, g_ptr_array_unref);
  self->findings = sorted;

  /* Missing counts 0, incomplete 1, present 2. */
  for (guint i = 0; i < N_ITEMS; i++)
    {
      points += item_info[i].weight * (guint) self->items[i].status;
      total += item_info[i].weight * (guint) CUSTOS_READINESS_STATUS_PRESENT;
    }
  self->percentage = (int) (points * (100 - CONSISTENCY_POINTS) / total) +
                     MAX (0, CONSISTENCY_POINTS - POINTS_PER_ERROR * (int) MIN (errors, 100u));
}

/* GObject ---------------------------------------------------------------------- */

static void
custos_readiness_dispose (GObject *object)
{
  CustosReadiness *self = CUSTOS_READINESS (object);

  g_clear_object (&self->document);

  G_OBJECT_CLASS (custos_readiness_parent_class)->dispose (object);
}

static void
custos_readiness_finalize (GObject *object)
{
  CustosReadiness *self = CUSTOS_READINESS (object);

  for (guint i = 0; i < N_ITEMS; i++)
    item_clear (&self->items[i]);
  g_clear_pointer (&self->findings, g_ptr_array_unref);
  g_clear_pointer (&self->evidence_files, g_hash_table_unref);

  G_OBJECT_CLASS (custos_readiness_parent_class)->finalize (object);
}

static void
custos_readiness_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  CustosReadiness *self = CUSTOS_READINESS (object);

  switch (prop_id)
    {
    case PROP_DOCUMENT:
      g_value_set_object (value, self->document);
      break;
    case PROP_PERCENTAGE:
      g_value_set_int (value, self->percentage);
      break;
    case PROP_N_ERRORS:
      g_value_set_uint (value, self->counts[CUSTOS_READINESS_SEVERITY_ERROR]);
      break;
    case PROP_N_WARNINGS:
      g_value_set_uint (value, self->counts[CUSTOS_READINESS_SEVERITY_WARNING]);
      break;
    case PROP_N_INFOS:
      g_value_set_uint (value, self->counts[CUSTOS_READINESS_SEVERITY_INFO]);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
custos_readiness_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  CustosReadiness *self = CUSTOS_READINESS (object);

  switch (prop_id)
    {
    case PROP_DOCUMENT:
      self->document = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
custos_readiness_class_init (CustosReadinessClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = custos_readiness_dispose;
  object_class->finalize = custos_readiness_finalize;
  object_class->get_property = custos_readiness_get_property;
  object_class->set_property = custos_readiness_set_property;

  properties[PROP_DOCUMENT] =
    g_param_spec_object ("document", NULL, NULL, CUSTOS_TYPE_DOCUMENT,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_PERCENTAGE] =
    g_param_spec_int ("percentage", NULL, NULL, 0, 100, 0,
                      G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_N_ERRORS] =
    g_param_spec_uint ("n-errors", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_N_WARNINGS] =
    g_param_spec_uint ("n-warnings", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_N_INFOS] =
    g_param_spec_uint ("n-infos", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * CustosReadiness::changed:
   *
   * Emitted by custos_readiness_update() once the new result is in place.
   */
  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
custos_readiness_init (CustosReadiness *self)
{
  g_date_clear (&self->today, 1);
  for (guint i = 0; i < N_ITEMS; i++)
    {
      self->items[i].id = item_info[i].id;
      self->items[i].clause = item_info[i].clause;
      self->items[i].title = _(item_info[i].title);
      self->items[i].reg = item_info[i].reg;
      self->items[i].section = item_info[i].section;
    }
  self->findings = g_ptr_array_new_with_free_func (finding_free);
}

CustosReadiness *
custos_readiness_new (CustosDocument *document,
                      const GDate    *today)
{
  CustosReadiness *self;

  g_return_val_if_fail (CUSTOS_IS_DOCUMENT (document), NULL);
  g_return_val_if_fail (today != NULL && g_date_valid (today), NULL);

  self = g_object_new (CUSTOS_TYPE_READINESS, "document", document, NULL);
  custos_readiness_update (self, today);
  return self;
}

void
custos_readiness_update (CustosReadiness *self,
                         const GDate     *today)
{
  int old_percentage;
  guint old_counts[3];

  g_return_if_fail (CUSTOS_IS_READINESS (self));
  g_return_if_fail (today == NULL || g_date_valid (today));

  if (today != NULL)
    self->today = *today;

  old_percentage = self->percentage;
  memcpy (old_counts, self->counts, sizeof old_counts);
  run (self);

  g_object_freeze_notify (G_OBJECT (self));
  if (old_percentage != self->percentage)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PERCENTAGE]);
  for (guint s = 0; s < 3; s++)
    if (old_counts[s] != self->counts[s])
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_ERRORS + s]);
  g_object_thaw_notify (G_OBJECT (self));
  g_signal_emit (self, signals[CHANGED], 0);
}

void
custos_readiness_set_evidence_files (CustosReadiness *self,
                                     GHashTable      *statuses)
{
  g_return_if_fail (CUSTOS_IS_READINESS (self));

  g_clear_pointer (&self->evidence_files, g_hash_table_unref);
  if (statuses != NULL)
    self->evidence_files = g_hash_table_ref (statuses);
}

CustosDocument *
custos_readiness_get_document (CustosReadiness *self)
{
  g_return_val_if_fail (CUSTOS_IS_READINESS (self), NULL);
  return self->document;
}

const GDate *
custos_readiness_get_date (CustosReadiness *self)
{
  g_return_val_if_fail (CUSTOS_IS_READINESS (self), NULL);
  return &self->today;
}

guint
custos_readiness_get_n_items (CustosReadiness *self)
{
  g_return_val_if_fail (CUSTOS_IS_READINESS (self), 0);
  return N_ITEMS;
}

const CustosReadinessItem *
custos_readiness_get_item (CustosReadiness *self,
                           guint            index)
{
  g_return_val_if_fail (CUSTOS_IS_READINESS (self), NULL);
  g_return_val_if_fail (index < N_ITEMS, NULL);
  return &self->items[index];
}

const CustosReadinessItem *
custos_readiness_lookup_item (CustosReadiness *self,
                              const char      *id)
{
  g_return_val_if_fail (CUSTOS_IS_READINESS (self), NULL);

  for (guint i = 0; i < N_ITEMS; i++)
    if (g_strcmp0 (self->items[i].id, id) == 0)
      return &self->items[i];
  return NULL;
}

guint
custos_readiness_get_n_findings (CustosReadiness *self)
{
  g_return_val_if_fail (CUSTOS_IS_READINESS (self), 0);
  return self->findings->len;
}

const CustosReadinessFinding *
custos_readiness_get_finding (CustosReadiness *self,
                              guint            index)
{
  g_return_val_if_fail (CUSTOS_IS_READINESS (self), NULL);
  g_return_val_if_fail (index < self->findings->len, NULL);
  return self->findings->pdata[index];
}

guint
custos_readiness_count (CustosReadiness         *self,
                        CustosReadinessSeverity  severity)
{
  g_return_val_if_fail (CUSTOS_IS_READINESS (self), 0);
  g_return_val_if_fail (severity <= CUSTOS_READINESS_SEVERITY_INFO, 0);
  return self->counts[severity];
}

int
custos_readiness_get_percentage (CustosReadiness *self)
{
  g_return_val_if_fail (CUSTOS_IS_READINESS (self), 0);
  return self->percentage;
}

const char *
custos_readiness_severity_to_string (CustosReadinessSeverity severity)
{
  switch (severity)
    {
    case CUSTOS_READINESS_SEVERITY_ERROR:
      return "error";
    case CUSTOS_READINESS_SEVERITY_WARNING:
      return "warning";
    case CUSTOS_READINESS_SEVERITY_INFO:
      return "info";
    default:
      g_return_val_if_reached (NULL);
    }
}

const char *
custos_readiness_status_to_string (CustosReadinessStatus status)
{
  switch (status)
    {
    case CUSTOS_READINESS_STATUS_MISSING:
      return "missing";
    case CUSTOS_READINESS_STATUS_INCOMPLETE:
      return "incomplete";
    case CUSTOS_READINESS_STATUS_PRESENT:
      return "present";
    default:
      g_return_val_if_reached (NULL);
    }
}

const char *
custos_readiness_severity_get_label (CustosReadinessSeverity severity)
{
  switch (severity)
    {
    case CUSTOS_READINESS_SEVERITY_ERROR:
      return C_("readiness severity", "Error");
    case CUSTOS_READINESS_SEVERITY_WARNING:
      return C_("readiness severity", "Warning");
    case CUSTOS_READINESS_SEVERITY_INFO:
      return C_("readiness severity", "Information");
    default:
      g_return_val_if_reached (NULL);
    }
}

const char *
custos_readiness_status_get_label (CustosReadinessStatus status)
{
  switch (status)
    {
    case CUSTOS_READINESS_STATUS_MISSING:
      return C_("documented information", "Missing");
    case CUSTOS_READINESS_STATUS_INCOMPLETE:
      return C_("documented information", "Incomplete");
    case CUSTOS_READINESS_STATUS_PRESENT:
      return C_("documented information", "Present");
    default:
      g_return_val_if_reached (NULL);
    }
}

/* What every finding of a rule is about, for a heading over them all. */
const char *
custos_readiness_rule_get_title (const char *rule)
{
  static const struct { const char *rule; const char *title; } titles[] = {
    { "docinfo-missing", N_("Required documented information missing") },
    { "docinfo-incomplete", N_("Required documented information incomplete") },
    { "policy-not-authorised", N_("Policy not authorised") },
    { "policy-commitment", N_("Policy commitments missing") },
    { "policy-review-overdue", N_("Policy review overdue") },
    { "risk-unscored", N_("Risks not scored") },
    { "risk-no-owner", N_("Risks without an owner") },
    { "risk-untreated", N_("Risks without a treatment option") },
    { "risk-no-controls", N_("Treated risks without controls") },
    { "risk-accepted-unapproved", N_("Risks accepted without approval") },
    { "soa-undecided", N_("Controls not decided") },
    { "soa-excluded-unjustified", N_("Controls excluded without a justification") },
    { "soa-selected-not-applicable", N_("Controls selected by a risk but not applicable") },
    { "soa-implemented-no-how", N_("Implemented controls without how they are applied") },
    { "soa-reason-risk-unselected", N_("Controls included for risk treatment that no risk selects") },
    { "objective-overdue", N_("Objectives overdue") },
    { "training-expired", N_("Trainings expired") },
    { "document-review-overdue", N_("Document reviews overdue") },
    { "document-not-approved", N_("Documents not approved") },
    { "merge-conflict", N_("Merge conflicts") },
    { "record-incomplete", N_("Records with required fields empty") },
    { "reassessment-overdue", N_("Risk reassessment overdue") },
    { "risk-review-overdue", N_("Risk reviews overdue") },
    { "risk-no-residual", N_("Treated risks without a residual score") },
    { "action-overdue", N_("Treatment actions overdue") },
    { "audit-coverage", N_("Processes not covered by the audit programme") },
    { "audit-coverage-late", N_("Processes audited late") },
    { "audit-overdue", N_("Audits overdue") },
    { "review-none", N_("No recent management review") },
    { "review-action-overdue", N_("Management review actions overdue") },
    { "finding-no-nc", N_("Audit findings without a nonconformity") },
    { "nc-no-root-cause", N_("Nonconformities without a root cause") },
    { "nc-open", N_("Nonconformities not closed yet") },
    { "nc-overdue", N_("Corrective actions overdue") },
    { "nc-no-effectiveness", N_("Nonconformities closed without an effective corrective action") },
    { "audit-auditor-competence", N_("Auditors without recorded competence") },
    { "audit-clause-coverage", N_("Clauses or Annex A themes not covered in three years") },
    { "requirements-none", N_("No legal, regulatory or contractual requirements recorded") },
    { "requirement-not-met", N_("Requirements not met") },
    { "requirement-review-overdue", N_("Requirements not reviewed in time") },
    { "suppliers-none", N_("No suppliers recorded") },
    { "supplier-not-assessed", N_("Suppliers not assessed") },
    { "supplier-unsatisfactory", N_("Suppliers assessed as unsatisfactory") },
    { "supplier-no-clauses", N_("Suppliers without security clauses in their contract") },
    { "supplier-review-overdue", N_("Supplier reviews overdue") },
    { "risk-accepted-against-criteria", N_("Risks accepted against the acceptance criteria") },
    { "risk-residual-unsupported", N_("Residual risks lowered without treatment") },
    { "soa-no-evidence", N_("Implemented controls without current evidence") },
    { "evidence-no-checksum", N_("Evidence files without a recorded checksum") },
    { "evidence-changed", N_("Evidence files changed since they were verified") },
    { "evidence-missing", N_("Evidence files missing") },
    { "soa-document-under-review", N_("Controls resting on a document under review") },
    { "soa-needs-review", N_("Controls flagged for review after migration") },
    { "revision-unapproved", N_("Revisions not approved") },
    { "to-review", N_("Drafted or imported content still to review") },
  };

  g_return_val_if_fail (rule != NULL, NULL);
  for (guint i = 0; i < G_N_ELEMENTS (titles); i++)
    if (g_str_equal (titles[i].rule, rule))
      return _(titles[i].title);
  return NULL;
}
