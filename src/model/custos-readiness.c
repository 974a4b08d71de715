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
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include <string.h>

#include "custos-readiness.h"


typedef enum
{
  ITEM_SCOPE,
  ITEM_POLICY,
  ITEM_RISK_PROCESS,
  ITEM_TREATMENT_PROCESS,
  ITEM_SOA,
  ITEM_PLAN,
  ITEM_OBJECTIVES,
  ITEM_COMPETENCE,
  ITEM_OPERATIONS,
  ITEM_RISK_RESULTS,
  ITEM_TREATMENT_RESULTS,
  ITEM_MONITORING,
  ITEM_AUDITS,
  ITEM_REVIEWS,
  ITEM_NONCONFORMITIES,
  N_ITEMS
} ItemIndex;

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
  { "scope", "4.3", N_("Scope of the ISMS"), 1, -1, CUSTOS_SECTION_SCOPE },
  { "policy", "5.2", N_("Information security policy"), 1, -1, CUSTOS_SECTION_POLICY },
  { "risk-assessment-process", "6.1.2", N_("Risk assessment process"), 1, -1, -1 },
  { "risk-treatment-process", "6.1.3", N_("Risk treatment process"), 1, CUSTOS_REGISTER_RISKS, -1 },
  { "soa", "6.1.3 d", N_("Statement of Applicability"), 2, CUSTOS_REGISTER_SOA, -1 },
  { "treatment-plan", "6.1.3 e", N_("Risk treatment plan"), 2, CUSTOS_REGISTER_ACTIONS, -1 },
  { "objectives", "6.2", N_("Information security objectives"), 1, CUSTOS_REGISTER_OBJECTIVES, -1 },
  { "competence", "7.2", N_("Evidence of competence"), 1, CUSTOS_REGISTER_COMPETENCES, -1 },
  { "operational-planning", "8.1", N_("Operational planning and control"), 1, CUSTOS_REGISTER_PROCESSES, -1 },
  { "risk-assessment-results", "8.2", N_("Results of risk assessments"), 2, CUSTOS_REGISTER_RISKS, -1 },
  { "risk-treatment-results", "8.3", N_("Results of risk treatment"), 1, CUSTOS_REGISTER_RISKS, -1 },
  { "monitoring", "9.1", N_("Monitoring and measurement results"), 1, CUSTOS_REGISTER_MEASUREMENTS, -1 },
  { "internal-audit", "9.2", N_("Audit programme and audit results"), 2, CUSTOS_REGISTER_AUDITS, -1 },
  { "management-review", "9.3", N_("Results of management reviews"), 2, CUSTOS_REGISTER_REVIEWS, -1 },
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

/* Small helpers ---------------------------------------------------------- */

static gboolean
is_empty (const char *text)
{
  return text == NULL || *text == '\0';
}

/* TRUE when the date iso is set and lies before today. */
static gboolean
is_before (const char  *iso,
           const GDate *today)
{
  GDate date;

  return custos_date_parse (iso, &date) && g_date_compare (&date, today) < 0;
}

static CustosRecord *
item_at (GListModel *model,
         guint       position)
{
  /* The document's store holds a reference for as long as we look. */
  CustosRecord *record = g_list_model_get_item (model, position);

  g_object_unref (record);
  return record;
}

static void
append_reason (GString    *reasons,
               const char *reason)
{
  if (reasons->len > 0)
    g_string_append (reasons, "; ");
  g_string_append (reasons, reason);
}

G_GNUC_PRINTF (2, 3)
static void
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
static void
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
static char *
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

static const char *
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

static const char *
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

static gboolean
action_is_open (int status)
{
  return status == CUSTOS_ACTION_STATUS_PLANNED || status == CUSTOS_ACTION_STATUS_IN_PROGRESS;
}

/* Every option but "accept" (and "not decided") is carried out by controls. */
static gboolean
treatment_needs_controls (int treatment)
{
  return treatment != CUSTOS_TREATMENT_UNDECIDED && treatment != CUSTOS_TREATMENT_ACCEPT;
}

static gboolean
risk_is_open (CustosRecord *risk)
{
  return custos_risk_get_status (CUSTOS_RISK (risk)) != CUSTOS_RISK_STATUS_CLOSED;
}

static gboolean
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
  CustosReadiness *self;
  CustosDocument  *doc;
  const GDate     *today;
  GPtrArray       *findings;    /* in clause order, before sorting by severity */
  GArray          *coverage;
  guint            audits_done; /* audits carried out by today */
} Check;

static void
finding_free (gpointer data)
{
  CustosReadinessFinding *finding = data;

  if (finding == NULL)
    return;
  g_free (finding->message);
  g_free (finding->record_id);
  g_free (finding);
}

static void
item_clear (CustosReadinessItem *item)
{
  g_clear_pointer (&item->reason, g_free);
}

G_GNUC_PRINTF (7, 8)
static void
add_finding (Check                   *c,
             CustosReadinessSeverity  severity,
             const char              *rule,
             const char              *clause,
             int                      reg,
             CustosRecord            *record,
             const char              *format,
             ...)
{
  CustosReadinessFinding *finding = g_new0 (CustosReadinessFinding, 1);
  va_list args;

  finding->severity = severity;
  finding->rule = rule;
  finding->clause = clause;
  va_start (args, format);
  finding->message = g_strdup_vprintf (format, args);
  va_end (args);
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

static void
set_item (Check                 *c,
          ItemIndex              index,
          CustosReadinessStatus  status,
          GString               *reasons)
{
  CustosReadinessItem *item = &c->self->items[index];

  item->status = status;
  g_free (item->reason);
  item->reason = g_strdup (reasons->str);
}

/* Ends an item: incomplete with the reasons gathered so far, or present with
 * the reason that says what is there. */
G_GNUC_PRINTF (4, 5)
static void
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

/* Required fields ---------------------------------------------------------- */

/* "“Risk”, “Date”" for the required fields of record that are empty; NULL
 * when none is. */
static char *
empty_required (CustosRecord *record,
                guint        *n_empty)
{
  const CustosKind *kind = custos_record_get_kind (record);
  g_autoptr(GString) list = g_string_new (NULL);

  *n_empty = 0;
  for (guint f = 0; f < kind->n_fields; f++)
    if ((kind->fields[f].flags & CUSTOS_FIELD_FLAG_REQUIRED) != 0 && custos_record_field_is_empty (record, f))
      {
        if (list->len > 0)
          g_string_append (list, ", ");
        /* Translators: the name of a field in a list of empty required fields */
        g_string_append_printf (list, _("“%s”"), _(kind->fields[f].label));
        (*n_empty)++;
      }
  return *n_empty > 0 ? g_string_free (g_steal_pointer (&list), FALSE) : NULL;
}

/* The loader keeps records whose required fields are empty, so that a record
 * being filled in always saves; they are reported here. The scope and policy
 * statements are reported as missing documented information instead. */
static void
check_required (Check *c)
{
  CustosRecord *organisation = custos_document_get_section (c->doc, CUSTOS_SECTION_ORGANISATION);
  g_autofree char *org_missing = NULL;
  guint n_empty;

  if ((org_missing = empty_required (organisation, &n_empty)) != NULL)
    add_finding (c, CUSTOS_READINESS_SEVERITY_WARNING, "record-incomplete",
                 custos_record_get_kind (organisation)->clause, -1, organisation,
                 g_dngettext (GETTEXT_PACKAGE,
                              "Organisation: the required field %s is empty",
                              "Organisation: the required fields %s are empty", n_empty),
                 org_missing);

  for (CustosRegister r = 0; r < CUSTOS_N_REGISTERS; r++)
    {
      const CustosKind *kind = custos_kinds_register (r);
      GListModel *model = custos_document_get_register (c->doc, r);
      gboolean has_required = FALSE;

      for (guint f = 0; f < kind->n_fields; f++)
        has_required |= (kind->fields[f].flags & CUSTOS_FIELD_FLAG_REQUIRED) != 0;
      if (!has_required)
        continue;

      for (guint i = 0, n = g_list_model_get_n_items (model); i < n; i++)
        {
          CustosRecord *record = item_at (model, i);
          g_autofree char *missing = empty_required (record, &n_empty);

          if (missing != NULL)
            add_finding (c, CUSTOS_READINESS_SEVERITY_WARNING, "record-incomplete", kind->clause, r, record,
                         g_dngettext (GETTEXT_PACKAGE,
                                      "%s %s: the required field %s is empty",
                                      "%s %s: the required fields %s are empty", n_empty),
                         _(kind->label), custos_record_get_id (record), missing);
        }
    }
}

/* 4.3 Scope ------------------------------------------------------------- */

static void
check_scope (Check *c)
{
  CustosRecord *scope = custos_document_get_section (c->doc, CUSTOS_SECTION_SCOPE);
  const guint boundaries[] = {
    CUSTOS_SCOPE_FIELD_SITES, CUSTOS_SCOPE_FIELD_NETWORKS, CUSTOS_SCOPE_FIELD_EMPLOYEE_GROUPS,
    CUSTOS_SCOPE_FIELD_PROCESSES, CUSTOS_SCOPE_FIELD_INTERFACES,
  };
  g_autoptr(GString) reasons = g_string_new (NULL);
  g_autofree char *missing = NULL;

  if (custos_record_field_is_empty (scope, CUSTOS_SCOPE_FIELD_STATEMENT))
    {
      append_reason (reasons, _("There is no scope statement"));
      set_item (c, ITEM_SCOPE, CUSTOS_READINESS_STATUS_MISSING, reasons);
      return;
    }
  if ((missing = empty_fields (scope, boundaries, G_N_ELEMENTS (boundaries))) != NULL)
    append_reasonf (reasons, _("The scope does not describe: %s"), missing);
  finish_item (c, ITEM_SCOPE, reasons, "%s",
               _("Scope statement with its boundaries and interfaces"));
}

/* 5.2 Policy ------------------------------------------------------------ */

static void
check_policy (Check *c)
{
  CustosRecord *policy = custos_document_get_section (c->doc, CUSTOS_SECTION_POLICY);
  const guint parts[] = {
    CUSTOS_POLICY_FIELD_OBJECTIVES_FRAMEWORK, CUSTOS_POLICY_FIELD_COMMIT_REQUIREMENTS,
    CUSTOS_POLICY_FIELD_COMMIT_IMPROVEMENT, CUSTOS_POLICY_FIELD_AUTHORISED_BY, CUSTOS_POLICY_FIELD_APPROVED,
  };
  g_autoptr(GString) reasons = g_string_new (NULL);
  g_autofree char *missing = NULL;
  GDate next;

  if (custos_record_field_is_empty (policy, CUSTOS_POLICY_FIELD_STATEMENT))
    {
      append_reason (reasons, _("There is no policy statement"));
      set_item (c, ITEM_POLICY, CUSTOS_READINESS_STATUS_MISSING, reasons);
      return;
    }

  if ((missing = empty_fields (policy, parts, G_N_ELEMENTS (parts))) != NULL)
    append_reasonf (reasons, _("The policy lacks: %s"), missing);
  finish_item (c, ITEM_POLICY, reasons, _("Authorised by %s on %s"),
               custos_policy_get_authorised_by (CUSTOS_POLICY (policy)),
               custos_policy_get_approved (CUSTOS_POLICY (policy)));

  if (custos_record_field_is_empty (policy, CUSTOS_POLICY_FIELD_AUTHORISED_BY) ||
      custos_record_field_is_empty (policy, CUSTOS_POLICY_FIELD_APPROVED))
    add_finding (c, CUSTOS_READINESS_SEVERITY_ERROR, "policy-not-authorised", "5.2", -1, policy,
                 _("The information security policy has no record of its authorisation by top management "
                   "(authorised by and approval date)"));
  if (!custos_policy_get_commit_requirements (CUSTOS_POLICY (policy)))
    add_finding (c, CUSTOS_READINESS_SEVERITY_ERROR, "policy-commitment", "5.2 c", -1, policy,
                 _("The information security policy does not commit to satisfy applicable requirements"));
  if (!custos_policy_get_commit_improvement (CUSTOS_POLICY (policy)))
    add_finding (c, CUSTOS_READINESS_SEVERITY_ERROR, "policy-commitment", "5.2 d", -1, policy,
                 _("The information security policy does not commit to continual improvement of the ISMS"));
  if (custos_date_parse (custos_policy_get_next_review (CUSTOS_POLICY (policy)), &next) &&
      g_date_compare (&next, c->today) < 0)
    add_finding (c, CUSTOS_READINESS_SEVERITY_WARNING, "policy-review-overdue", "5.2", -1, policy,
                 _("The information security policy was due for review on %s"),
                 custos_policy_get_next_review (CUSTOS_POLICY (policy)));
}

/* 6.1.2 Risk criteria ------------------------------------------------------ */

static void
check_criteria (Check *c)
{
  CustosCriteria *criteria = custos_document_get_criteria (c->doc);
  g_autoptr(GString) reasons = g_string_new (NULL);
  g_autofree char *message = NULL;
  guint no_meaning = 0, no_action = 0;

  if (!custos_criteria_validate (criteria, &message))
    {
      append_reasonf (reasons, _("The risk criteria cannot be applied: %s"), message);
      set_item (c, ITEM_RISK_PROCESS, CUSTOS_READINESS_STATUS_MISSING, reasons);
      return;
    }
  for (CustosScale s = CUSTOS_SCALE_LIKELIHOOD; s <= CUSTOS_SCALE_CONSEQUENCE; s++)
    for (guint v = 1; v <= custos_criteria_get_n_levels (criteria, s); v++)
      if (is_empty (custos_criteria_get_level (criteria, s, v)->meaning))
        no_meaning++;
  for (guint b = 0; b < custos_criteria_get_n_bands (criteria); b++)
    if (is_empty (custos_criteria_get_band (criteria, b)->action))
      no_action++;

  append_count (reasons, no_meaning, "%u level of the scales has no meaning",
                                     "%u levels of the scales have no meaning");
  append_count (reasons, no_action, "%u score band has no required action",
                                    "%u score bands have no required action");
  finish_item (c, ITEM_RISK_PROCESS, reasons,
               _("Risk criteria: %u × %u levels, %u bands, acceptance threshold %d"),
               custos_criteria_get_n_levels (criteria, CUSTOS_SCALE_LIKELIHOOD),
               custos_criteria_get_n_levels (criteria, CUSTOS_SCALE_CONSEQUENCE),
               custos_criteria_get_n_bands (criteria),
               custos_criteria_acceptance_threshold (criteria));
}

/* 6.1.2, 6.1.3, 8.2, 8.3 Risks -------------------------------------------- */

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

static void
check_risk_acceptance (Check        *c,
                       CustosRecord *risk)
{
  CustosCriteria *criteria = custos_document_get_criteria (c->doc);
  int threshold = custos_criteria_acceptance_threshold (criteria);
  gboolean residual = risk_is_scored (risk, TRUE);
  int score = custos_document_risk_score (c->doc, risk, residual);
  int band = custos_criteria_band_index (criteria, score);
  gboolean accepted = custos_risk_get_treatment (CUSTOS_RISK (risk)) == CUSTOS_TREATMENT_ACCEPT ||
                      custos_risk_get_status (CUSTOS_RISK (risk)) == CUSTOS_RISK_STATUS_ACCEPTED;

  if (!accepted || score == 0 || score < threshold ||
      custos_risk_get_management_approval (CUSTOS_RISK (risk)))
    return;
  if (residual)
    add_finding (c, CUSTOS_READINESS_SEVERITY_ERROR, "risk-accepted-unapproved", "6.1.3 f",
                 CUSTOS_REGISTER_RISKS, risk,
                 _("Risk %s “%s” is accepted at a residual score of %d (%s), at or above the acceptance "
                   "threshold of %d, without top-management approval"),
                 custos_record_get_id (risk), custos_record_get_title (risk), score,
                 band >= 0 ? custos_criteria_get_band (criteria, band)->name : "?", threshold);
  else
    add_finding (c, CUSTOS_READINESS_SEVERITY_ERROR, "risk-accepted-unapproved", "6.1.3 f",
                 CUSTOS_REGISTER_RISKS, risk,
                 _("Risk %s “%s” is accepted at an inherent score of %d (%s), at or above the acceptance "
                   "threshold of %d, without top-management approval"),
                 custos_record_get_id (risk), custos_record_get_title (risk), score,
                 band >= 0 ? custos_criteria_get_band (criteria, band)->name : "?", threshold);
}

static void
check_risks (Check     *c,
             RiskStats *st)
{
  GListModel *risks = custos_document_get_register (c->doc, CUSTOS_REGISTER_RISKS);

  st->n_risks = g_list_model_get_n_items (risks);

  /* 6.1.2: identified, owned, analysed */
  for (guint i = 0; i < st->n_risks; i++)
    {
      CustosRecord *risk = item_at (risks, i);

      if (!risk_is_open (risk))
        continue;
      st->n_open++;
      if (!risk_is_scored (risk, FALSE))
        {
          st->unscored++;
          add_finding (c, CUSTOS_READINESS_SEVERITY_WARNING, "risk-unscored", "6.1.2 d",
                       CUSTOS_REGISTER_RISKS, risk,
                       _("Risk %s “%s” is not scored: it needs a likelihood and a consequence"),
                       custos_record_get_id (risk), custos_record_get_title (risk));
        }
      if (custos_record_field_is_empty (risk, CUSTOS_RISK_FIELD_OWNER))
        {
          st->no_owner++;
          add_finding (c, CUSTOS_READINESS_SEVERITY_WARNING, "risk-no-owner", "6.1.2 c",
                       CUSTOS_REGISTER_RISKS, risk,
                       _("Risk %s “%s” has no risk owner"),
                       custos_record_get_id (risk), custos_record_get_title (risk));
        }
    }

  /* 6.1.3: options, controls, acceptance */
  for (guint i = 0; i < st->n_risks; i++)
    {
      CustosRecord *risk = item_at (risks, i);
      int treatment = custos_risk_get_treatment (CUSTOS_RISK (risk));

      if (!risk_is_open (risk))
        continue;
      if (treatment == CUSTOS_TREATMENT_UNDECIDED)
        {
          st->undecided++;
          add_finding (c, CUSTOS_READINESS_SEVERITY_WARNING, "risk-untreated", "6.1.3 a",
                       CUSTOS_REGISTER_RISKS, risk,
                       _("Risk %s “%s” has no treatment option"),
                       custos_record_get_id (risk), custos_record_get_title (risk));
        }
      else if (treatment_needs_controls (treatment) &&
               custos_record_field_is_empty (risk, CUSTOS_RISK_FIELD_CONTROLS) &&
               custos_record_field_is_empty (risk, CUSTOS_RISK_FIELD_CUSTOM_CONTROLS))
        {
          st->no_controls++;
          add_finding (c, CUSTOS_READINESS_SEVERITY_WARNING, "risk-no-controls", "6.1.3 b",
                       CUSTOS_REGISTER_RISKS, risk,
                       _("Risk %s “%s” is treated but no control is chosen for it"),
                       custos_record_get_id (risk), custos_record_get_title (risk));
        }
      check_risk_acceptance (c, risk);
    }
}

/* After the SoA: 8.2 reviews and 8.3 residual risk. */
static void
check_risk_results (Check     *c,
                    RiskStats *st)
{
  GListModel *risks = custos_document_get_register (c->doc, CUSTOS_REGISTER_RISKS);
  CustosRecord *reassessment = custos_document_get_section (c->doc, CUSTOS_SECTION_REASSESSMENT);
  GDate next;

  if (custos_date_parse (custos_reassessment_get_next (CUSTOS_REASSESSMENT (reassessment)),
                         &next) &&
      g_date_compare (&next, c->today) < 0)
    add_finding (c, CUSTOS_READINESS_SEVERITY_WARNING, "reassessment-overdue", "8.2", -1, reassessment,
                 _("The risk reassessment was due on %s"),
                 custos_reassessment_get_next (CUSTOS_REASSESSMENT (reassessment)));

  for (guint i = 0; i < st->n_risks; i++)
    {
      CustosRecord *risk = item_at (risks, i);

      if (risk_is_open (risk) && is_before (custos_risk_get_next_review (CUSTOS_RISK (risk)), c->today))
        add_finding (c, CUSTOS_READINESS_SEVERITY_WARNING, "risk-review-overdue", "8.2",
                     CUSTOS_REGISTER_RISKS, risk,
                     _("Risk %s “%s” was due for review on %s"),
                     custos_record_get_id (risk), custos_record_get_title (risk),
                     custos_risk_get_next_review (CUSTOS_RISK (risk)));
    }

  for (guint i = 0; i < st->n_risks; i++)
    {
      CustosRecord *risk = item_at (risks, i);

      if (!risk_is_open (risk) || !treatment_needs_controls (custos_risk_get_treatment (CUSTOS_RISK (risk))))
        continue;
      st->treated++;
      if (!risk_is_scored (risk, TRUE))
        {
          st->treated_no_residual++;
          add_finding (c, CUSTOS_READINESS_SEVERITY_WARNING, "risk-no-residual", "8.3",
                       CUSTOS_REGISTER_RISKS, risk,
                       _("Risk %s “%s” is treated but its residual risk is not assessed"),
                       custos_record_get_id (risk), custos_record_get_title (risk));
        }
    }
}

static void
set_risk_items (Check     *c,
                RiskStats *st)
{
  CustosRecord *reassessment = custos_document_get_section (c->doc, CUSTOS_SECTION_REASSESSMENT);
  g_autoptr(GString) process = g_string_new (NULL);
  g_autoptr(GString) results = g_string_new (NULL);

  /* 6.1.3 process */
  if (st->n_open == 0)
    {
      append_reason (process, _("There are no open risks, so no treatment has been decided"));
      set_item (c, ITEM_TREATMENT_PROCESS, CUSTOS_READINESS_STATUS_MISSING, process);
    }
  else
    {
      if (st->undecided > 0)
        append_reasonf (process, g_dngettext (GETTEXT_PACKAGE,
                                              "%u of %u risks has no treatment option",
                                              "%u of %u risks have no treatment option", st->undecided),
                        st->undecided, st->n_open);
      append_count (process, st->no_controls, "%u treated risk has no control chosen",
                                              "%u treated risks have no control chosen");
      finish_item (c, ITEM_TREATMENT_PROCESS, process,
                   g_dngettext (GETTEXT_PACKAGE, "A treatment option for the open risk",
                                "A treatment option for each of the %u open risks", st->n_open),
                   st->n_open);
    }

  /* 8.2 results */
  if (st->n_risks == 0)
    {
      append_reason (results, _("The risk register is empty"));
      set_item (c, ITEM_RISK_RESULTS, CUSTOS_READINESS_STATUS_MISSING, results);
    }
  else
    {
      if (st->unscored > 0)
        append_reasonf (results, g_dngettext (GETTEXT_PACKAGE,
                                              "%u of %u open risks is not scored",
                                              "%u of %u open risks are not scored", st->unscored),
                        st->unscored, st->n_open);
      append_count (results, st->no_owner, "%u open risk has no owner",
                                           "%u open risks have no owner");
      if (custos_record_field_is_empty (reassessment, CUSTOS_REASSESSMENT_FIELD_LAST))
        append_reason (results, _("The date of the last risk assessment is not recorded"));
      if (results->len > 0)
        set_item (c, ITEM_RISK_RESULTS, CUSTOS_READINESS_STATUS_INCOMPLETE, results);
      else
        {
          append_reasonf (results, g_dngettext (GETTEXT_PACKAGE,
                                                "%u risk assessed; last assessment %s",
                                                "%u risks assessed; last assessment %s", st->n_risks),
                          st->n_risks, custos_reassessment_get_last (CUSTOS_REASSESSMENT (reassessment)));
          set_item (c, ITEM_RISK_RESULTS, CUSTOS_READINESS_STATUS_PRESENT, results);
        }
    }
}

/* 6.1.3 d Statement of Applicability ----------------------------------------- */

static void
check_soa (Check *c)
{
  GListModel *soa = custos_document_get_register (c->doc, CUSTOS_REGISTER_SOA);
  guint n = g_list_model_get_n_items (soa);
  guint undecided = 0, unjustified = 0, applicable = 0, excluded = 0;
  g_autoptr(GString) reasons = g_string_new (NULL);

  for (guint i = 0; i < n; i++)
    {
      CustosRecord *entry = item_at (soa, i);
      const char *id = custos_record_get_id (entry);
      const char *title = custos_document_get_control_title (c->doc, id);
      int applicability = custos_soa_entry_get_applicable (CUSTOS_SOA_ENTRY (entry));
      int reasons_flags = custos_soa_entry_get_reasons (CUSTOS_SOA_ENTRY (entry));
      g_autoptr(GPtrArray) selecting = custos_document_get_selecting_risks (c->doc, id);

      if (title == NULL)
        title = "";

      switch (applicability)
        {
        case CUSTOS_APPLICABILITY_UNDECIDED:
          undecided++;
          add_finding (c, CUSTOS_READINESS_SEVERITY_ERROR, "soa-undecided", "6.1.3 d",
                       CUSTOS_REGISTER_SOA, entry,
                       _("Control %s “%s” is not decided: applicable or not"), id, title);
          break;

        case CUSTOS_APPLICABILITY_NOT_APPLICABLE:
          excluded++;
          if (custos_record_field_is_empty (entry, CUSTOS_SOA_ENTRY_FIELD_JUSTIFICATION))
            {
              unjustified++;
              add_finding (c, CUSTOS_READINESS_SEVERITY_ERROR, "soa-excluded-unjustified", "6.1.3 d",
                           CUSTOS_REGISTER_SOA, entry,
                           _("Control %s “%s” is excluded without a justification"), id, title);
            }
          if (selecting->len > 0)
            {
              g_autoptr(GString) ids = g_string_new (NULL);

              for (guint r = 0; r < selecting->len; r++)
                g_string_append_printf (ids, "%s%s", r > 0 ? ", " : "",
                                        custos_record_get_id (selecting->pdata[r]));
              add_finding (c, CUSTOS_READINESS_SEVERITY_ERROR, "soa-selected-not-applicable", "6.1.3 d",
                           CUSTOS_REGISTER_SOA, entry,
                           g_dngettext (GETTEXT_PACKAGE,
                                        "Control %s “%s” is marked not applicable but risk %s selects it",
                                        "Control %s “%s” is marked not applicable but risks %s select it",
                                        selecting->len),
                           id, title, ids->str);
            }
          break;

        case CUSTOS_APPLICABILITY_APPLICABLE:
        default:
          applicable++;
          if (custos_soa_entry_get_implementation (CUSTOS_SOA_ENTRY (entry)) ==
                CUSTOS_IMPLEMENTATION_IMPLEMENTED &&
              custos_record_field_is_empty (entry, CUSTOS_SOA_ENTRY_FIELD_HOW_APPLIED) &&
              custos_record_field_is_empty (entry, CUSTOS_SOA_ENTRY_FIELD_DOCUMENT))
            add_finding (c, CUSTOS_READINESS_SEVERITY_WARNING, "soa-implemented-no-how", "6.1.3 d",
                         CUSTOS_REGISTER_SOA, entry,
                         _("Control %s “%s” is implemented but the SoA does not say how it is applied"),
                         id, title);
          break;
        }

      if ((reasons_flags & CUSTOS_REASON_RISK_TREATMENT) != 0 && selecting->len == 0)
        add_finding (c, CUSTOS_READINESS_SEVERITY_WARNING, "soa-reason-risk-unselected", "6.1.3 d",
                     CUSTOS_REGISTER_SOA, entry,
                     _("Control %s “%s” gives risk treatment as a reason for inclusion but no risk selects it"),
                     id, title);
    }

  if (n == 0 || undecided == n)
    {
      append_reason (reasons, _("No control of Annex A has been decided"));
      set_item (c, ITEM_SOA, CUSTOS_READINESS_STATUS_MISSING, reasons);
      return;
    }
  if (undecided > 0)
    append_reasonf (reasons, g_dngettext (GETTEXT_PACKAGE,
                                          "%u of %u controls is not decided",
                                          "%u of %u controls are not decided", undecided),
                    undecided, n);
  append_count (reasons, unjustified, "%u excluded control has no justification",
                                      "%u excluded controls have no justification");
  finish_item (c, ITEM_SOA, reasons,
               _("All %u controls decided: %u applicable, %u excluded with a justification"), n,
               applicable, excluded);
}

/* 6.1.3 e–f Treatment plan, 8.3 its results ----------------------------------- */

static void
check_plan (Check     *c,
            RiskStats *st)
{
  GListModel *actions = custos_document_get_register (c->doc, CUSTOS_REGISTER_ACTIONS);
  CustosRecord *approval = custos_document_get_section (c->doc, CUSTOS_SECTION_PLAN_APPROVAL);
  guint n = g_list_model_get_n_items (actions);
  guint no_owner = 0, no_due = 0, done = 0, done_no_evidence = 0;
  g_autoptr(GString) plan = g_string_new (NULL);
  g_autoptr(GString) results = g_string_new (NULL);

  for (guint i = 0; i < n; i++)
    {
      CustosRecord *action = item_at (actions, i);
      int status = custos_action_get_status (CUSTOS_ACTION (action));

      if (custos_record_field_is_empty (action, CUSTOS_ACTION_FIELD_OWNER))
        no_owner++;
      if (status == CUSTOS_ACTION_STATUS_DONE)
        {
          done++;
          if (custos_record_field_is_empty (action, CUSTOS_ACTION_FIELD_EVIDENCE))
            done_no_evidence++;
        }
      if (!action_is_open (status))
        continue;
      if (custos_record_field_is_empty (action, CUSTOS_ACTION_FIELD_DUE))
        no_due++;
      else if (is_before (custos_action_get_due (CUSTOS_ACTION (action)), c->today))
        add_finding (c, CUSTOS_READINESS_SEVERITY_WARNING, "action-overdue", "8.3",
                     CUSTOS_REGISTER_ACTIONS, action,
                     _("Treatment action %s “%s” was due on %s and is still %s"),
                     custos_record_get_id (action), custos_record_get_title (action),
                     custos_action_get_due (CUSTOS_ACTION (action)), action_status_label (status));
    }

  /* 6.1.3 e, f */
  if (n == 0)
    {
      append_reason (plan, _("There are no treatment actions"));
      set_item (c, ITEM_PLAN, CUSTOS_READINESS_STATUS_MISSING, plan);
    }
  else
    {
      if (custos_record_field_is_empty (approval, CUSTOS_PLAN_APPROVAL_FIELD_OWNERS_APPROVED_BY) ||
          custos_record_field_is_empty (approval, CUSTOS_PLAN_APPROVAL_FIELD_OWNERS_APPROVED))
        append_reason (plan, _("The plan's approval by the risk owners is not recorded"));
      if (custos_record_field_is_empty (approval,
                                        CUSTOS_PLAN_APPROVAL_FIELD_MANAGEMENT_APPROVED_BY) ||
          custos_record_field_is_empty (approval, CUSTOS_PLAN_APPROVAL_FIELD_MANAGEMENT_APPROVED))
        append_reason (plan, _("The plan's approval by top management is not recorded"));
      append_count (plan, no_owner, "%u action has no owner",
                                    "%u actions have no owner");
      append_count (plan, no_due, "%u open action has no due date",
                                  "%u open actions have no due date");
      if (plan->len > 0)
        set_item (c, ITEM_PLAN, CUSTOS_READINESS_STATUS_INCOMPLETE, plan);
      else
        {
          append_reasonf (plan, g_dngettext (GETTEXT_PACKAGE,
                                             "%u action; approved by the risk owners on %s and by top management on %s",
                                             "%u actions; approved by the risk owners on %s and by top management on %s",
                                             n),
                          n, custos_plan_approval_get_owners_approved (CUSTOS_PLAN_APPROVAL (approval)),
                          custos_plan_approval_get_management_approved (CUSTOS_PLAN_APPROVAL (approval)));
          set_item (c, ITEM_PLAN, CUSTOS_READINESS_STATUS_PRESENT, plan);
        }
    }

  /* 8.3 */
  if (done == 0 && (st->treated == 0 || st->treated_no_residual == st->treated))
    {
      append_reason (results, _("No treatment action is done and no residual risk is assessed"));
      set_item (c, ITEM_TREATMENT_RESULTS, CUSTOS_READINESS_STATUS_MISSING, results);
      return;
    }
  if (st->treated_no_residual > 0)
    append_reasonf (results, g_dngettext (GETTEXT_PACKAGE,
                                          "%u of %u treated risks has no residual assessment",
                                          "%u of %u treated risks have no residual assessment",
                                          st->treated_no_residual),
                    st->treated_no_residual, st->treated);
  append_count (results, done_no_evidence, "%u done action has no evidence",
                                           "%u done actions have no evidence");
  if (results->len > 0)
    set_item (c, ITEM_TREATMENT_RESULTS, CUSTOS_READINESS_STATUS_INCOMPLETE, results);
  else
    {
      append_reasonf (results, _("%u of %u actions done with evidence; residual risk assessed for %u treated risks"),
                      done, n, st->treated);
      set_item (c, ITEM_TREATMENT_RESULTS, CUSTOS_READINESS_STATUS_PRESENT, results);
    }
}

/* 6.2 Objectives -------------------------------------------------------------- */

static void
check_objectives (Check *c)
{
  GListModel *objectives = custos_document_get_register (c->doc, CUSTOS_REGISTER_OBJECTIVES);
  guint n = g_list_model_get_n_items (objectives);
  guint no_target = 0, no_measure = 0, no_owner = 0, no_resources = 0, no_date = 0;
  g_autoptr(GString) reasons = g_string_new (NULL);

  for (guint i = 0; i < n; i++)
    {
      CustosRecord *objective = item_at (objectives, i);
      int status = custos_objective_get_status (CUSTOS_OBJECTIVE (objective));
      gboolean ongoing = custos_objective_get_ongoing (CUSTOS_OBJECTIVE (objective));

      no_target += custos_record_field_is_empty (objective, CUSTOS_OBJECTIVE_FIELD_TARGET);
      no_measure += custos_record_field_is_empty (objective, CUSTOS_OBJECTIVE_FIELD_MEASURE);
      no_owner += custos_record_field_is_empty (objective, CUSTOS_OBJECTIVE_FIELD_OWNER);
      no_resources += custos_record_field_is_empty (objective, CUSTOS_OBJECTIVE_FIELD_RESOURCES);
      no_date += !ongoing && custos_record_field_is_empty (objective, CUSTOS_OBJECTIVE_FIELD_DUE);

      if (!ongoing && status != CUSTOS_OBJECTIVE_STATUS_ACHIEVED && status != CUSTOS_OBJECTIVE_STATUS_MISSED &&
          is_before (custos_objective_get_due (CUSTOS_OBJECTIVE (objective)), c->today))
        add_finding (c, CUSTOS_READINESS_SEVERITY_WARNING, "objective-overdue", "6.2",
                     CUSTOS_REGISTER_OBJECTIVES, objective,
                     _("Objective %s “%s” was due on %s and is neither achieved nor evaluated as missed"),
                     custos_record_get_id (objective), custos_record_get_title (objective),
                     custos_objective_get_due (CUSTOS_OBJECTIVE (objective)));
    }

  if (n == 0)
    {
      append_reason (reasons, _("There are no information security objectives"));
      set_item (c, ITEM_OBJECTIVES, CUSTOS_READINESS_STATUS_MISSING, reasons);
      return;
    }
  append_count (reasons, no_target, "%u objective has no measurable target",
                                    "%u objectives have no measurable target");
  append_count (reasons, no_measure, "%u objective does not say how it is measured",
                                     "%u objectives do not say how they are measured");
  append_count (reasons, no_owner, "%u objective has no owner",
                                   "%u objectives have no owner");
  append_count (reasons, no_resources, "%u objective has no resources",
                                       "%u objectives have no resources");
  append_count (reasons, no_date, "%u objective has no due date and is not ongoing",
                                  "%u objectives have no due date and are not ongoing");
  finish_item (c, ITEM_OBJECTIVES, reasons,
               g_dngettext (GETTEXT_PACKAGE,
                            "%u objective with target, measure, owner, resources and date",
                            "%u objectives with target, measure, owner, resources and date", n),
               n);
}

/* 7.2 Competence ------------------------------------------------------------- */

/* "person␟topic": a later record of the same training for the same person
 * supersedes an earlier one. */
static char *
training_key (CustosRecord *training)
{
  return g_strdup_printf ("%s\037%s", custos_training_get_person (CUSTOS_TRAINING (training)),
                          custos_training_get_topic (CUSTOS_TRAINING (training)));
}

static void
check_competence (Check *c)
{
  GListModel *competences = custos_document_get_register (c->doc, CUSTOS_REGISTER_COMPETENCES);
  GListModel *trainings = custos_document_get_register (c->doc, CUSTOS_REGISTER_TRAININGS);
  guint n_comp = g_list_model_get_n_items (competences);
  guint n_train = g_list_model_get_n_items (trainings);
  guint no_verification = 0, no_evidence = 0;
  g_autoptr(GString) reasons = g_string_new (NULL);
  g_autoptr(GHashTable) latest = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  for (guint i = 0; i < n_comp; i++)
    no_verification +=
      custos_record_field_is_empty (item_at (competences, i), CUSTOS_COMPETENCE_FIELD_VERIFICATION);

  /* The latest date of each training, as a Julian day. */
  for (guint i = 0; i < n_train; i++)
    {
      CustosRecord *training = item_at (trainings, i);
      GDate date;

      if (custos_date_parse (custos_training_get_date (CUSTOS_TRAINING (training)), &date))
        {
          char *key = training_key (training);
          guint julian = g_date_get_julian (&date);

          if (julian > GPOINTER_TO_UINT (g_hash_table_lookup (latest, key)))
            g_hash_table_insert (latest, key, GUINT_TO_POINTER (julian));
          else
            g_free (key);
        }
    }

  for (guint i = 0; i < n_train; i++)
    {
      CustosRecord *training = item_at (trainings, i);
      g_autofree char *key = training_key (training);
      GDate date;
      gboolean superseded;

      no_evidence += custos_record_field_is_empty (training, CUSTOS_TRAINING_FIELD_EVIDENCE);
      superseded = custos_date_parse (custos_training_get_date (CUSTOS_TRAINING (training)), &date) &&
                   g_date_get_julian (&date) < GPOINTER_TO_UINT (g_hash_table_lookup (latest, key));
      if (is_before (custos_training_get_expiry (CUSTOS_TRAINING (training)), c->today) && !superseded)
        add_finding (c, CUSTOS_READINESS_SEVERITY_WARNING, "training-expired", "7.2",
                     CUSTOS_REGISTER_TRAININGS, training,
                     _("Training record %s “%s” of %s expired on %s"),
                     custos_record_get_id (training), custos_record_get_title (training),
                     custos_training_get_person (CUSTOS_TRAINING (training)),
                     custos_training_get_expiry (CUSTOS_TRAINING (training)));
    }

  if (n_comp == 0 && n_train == 0)
    {
      append_reason (reasons, _("There are no competence requirements and no training records"));
      set_item (c, ITEM_COMPETENCE, CUSTOS_READINESS_STATUS_MISSING, reasons);
      return;
    }
  if (n_comp == 0)
    append_reason (reasons, _("No competence requirements are defined"));
  if (n_train == 0)
    append_reason (reasons, _("There are no training or qualification records"));
  append_count (reasons, no_verification, "%u competence requirement does not say how it is verified",
                                          "%u competence requirements do not say how they are verified");
  append_count (reasons, no_evidence, "%u training record has no evidence",
                                      "%u training records have no evidence");
  finish_item (c, ITEM_COMPETENCE, reasons,
               _("%u competence requirements, %u training records with evidence"), n_comp,
               n_train);
}

/* 7.5 Document control -------------------------------------------------------- */

static void
check_documents (Check *c)
{
  GListModel *documents = custos_document_get_register (c->doc, CUSTOS_REGISTER_DOCUMENTS);

  for (guint i = 0, n = g_list_model_get_n_items (documents); i < n; i++)
    {
      CustosRecord *document = item_at (documents, i);
      int status = custos_controlled_document_get_status (CUSTOS_CONTROLLED_DOCUMENT (document));

      if (status == CUSTOS_DOCUMENT_STATUS_WITHDRAWN)
        continue;
      if (is_before (
            custos_controlled_document_get_next_review (CUSTOS_CONTROLLED_DOCUMENT (document)),
            c->today))
        add_finding (c, CUSTOS_READINESS_SEVERITY_WARNING, "document-review-overdue", "7.5.2",
                     CUSTOS_REGISTER_DOCUMENTS, document,
                     _("Document %s “%s” was due for review on %s"),
                     custos_record_get_id (document), custos_record_get_title (document),
                     custos_controlled_document_get_next_review (CUSTOS_CONTROLLED_DOCUMENT (document)));
      if (status == CUSTOS_DOCUMENT_STATUS_DRAFT)
        add_finding (c, CUSTOS_READINESS_SEVERITY_INFO, "document-not-approved", "7.5.2",
                     CUSTOS_REGISTER_DOCUMENTS, document,
                     _("Document %s “%s” is a draft: it is not approved yet"),
                     custos_record_get_id (document), custos_record_get_title (document));
      else if (status == CUSTOS_DOCUMENT_STATUS_UNDER_REVIEW)
        add_finding (c, CUSTOS_READINESS_SEVERITY_INFO, "document-not-approved", "7.5.2",
                     CUSTOS_REGISTER_DOCUMENTS, document,
                     _("Document %s “%s” is under review"),
                     custos_record_get_id (document), custos_record_get_title (document));
    }
}

/* 8.1 Operational planning ---------------------------------------------------- */

static void
check_processes (Check *c)
{
  GListModel *processes = custos_document_get_register (c->doc, CUSTOS_REGISTER_PROCESSES);
  guint n = g_list_model_get_n_items (processes);
  guint no_owner = 0, no_description = 0;
  g_autoptr(GString) reasons = g_string_new (NULL);

  for (guint i = 0; i < n; i++)
    {
      CustosRecord *process = item_at (processes, i);

      no_owner += custos_record_field_is_empty (process, CUSTOS_PROCESS_FIELD_OWNER);
      no_description += custos_record_field_is_empty (process, CUSTOS_PROCESS_FIELD_DESCRIPTION);
    }
  if (n == 0)
    {
      append_reason (reasons, _("No operational processes are recorded"));
      set_item (c, ITEM_OPERATIONS, CUSTOS_READINESS_STATUS_MISSING, reasons);
      return;
    }
  append_count (reasons, no_owner, "%u process has no owner",
                                   "%u processes have no owner");
  append_count (reasons, no_description, "%u process is not described",
                                         "%u processes are not described");
  finish_item (c, ITEM_OPERATIONS, reasons,
               g_dngettext (GETTEXT_PACKAGE, "%u process with its owner and description",
                            "%u processes with their owners and descriptions", n),
               n);
}

/* 9.1 Monitoring --------------------------------------------------------------- */

static void
check_monitoring (Check *c)
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

      no_results += !g_hash_table_contains (measured, custos_record_get_id (measure));
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

static void
check_audits (Check *c)
{
  GListModel *audits = custos_document_get_register (c->doc, CUSTOS_REGISTER_AUDITS);
  GListModel *findings = custos_document_get_register (c->doc, CUSTOS_REGISTER_FINDINGS);
  guint n = g_list_model_get_n_items (audits);
  guint completed = 0, not_covered = 0;
  g_autoptr(GString) reasons = g_string_new (NULL);

  c->coverage = custos_audit_coverage (c->doc, c->today);
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
        }
      else if (status == CUSTOS_AUDIT_STATUS_PLANNED &&
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
        add_finding (c, CUSTOS_READINESS_SEVERITY_WARNING, "finding-no-nc", "10.2",
                     CUSTOS_REGISTER_FINDINGS, finding,
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

static void
check_reviews (Check *c)
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
  GDate latest_date, limit;
  g_autoptr(GString) reasons = g_string_new (NULL);
  g_autofree char *missing = NULL;

  g_date_clear (&latest_date, 1);
  for (guint i = 0, n = g_list_model_get_n_items (reviews); i < n; i++)
    {
      CustosRecord *review = item_at (reviews, i);
      GDate date;

      /* A review dated in the future has not been held yet. */
      if (custos_date_parse (custos_review_get_date (CUSTOS_REVIEW (review)), &date) &&
          g_date_compare (&date, c->today) <= 0 &&
          (latest == NULL || g_date_compare (&date, &latest_date) > 0))
        {
          latest = review;
          latest_date = date;
        }
    }

  limit = *c->today;
  g_date_subtract_months (&limit, 12);
  if (latest == NULL)
    add_finding (c, CUSTOS_READINESS_SEVERITY_ERROR, "review-none", "9.3", CUSTOS_REGISTER_REVIEWS, NULL,
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

/* 10.2 Nonconformities ---------------------------------------------------------- */

static void
check_nonconformities (Check *c)
{
  GListModel *ncs = custos_document_get_register (c->doc, CUSTOS_REGISTER_NONCONFORMITIES);
  GListModel *findings = custos_document_get_register (c->doc, CUSTOS_REGISTER_FINDINGS);
  guint n = g_list_model_get_n_items (ncs);
  guint no_cause = 0, no_action = 0, no_effectiveness = 0, n_open = 0, nc_findings = 0;
  g_autoptr(GString) reasons = g_string_new (NULL);

  for (guint i = 0; i < n; i++)
    {
      CustosRecord *nc = item_at (ncs, i);
      const char *id = custos_record_get_id (nc);
      const char *title = custos_record_get_title (nc);
      int status = custos_nonconformity_get_status (CUSTOS_NONCONFORMITY (nc));
      int effectiveness = custos_nonconformity_get_effectiveness (CUSTOS_NONCONFORMITY (nc));
      gboolean overdue = FALSE;

      if (custos_record_field_is_empty (nc, CUSTOS_NONCONFORMITY_FIELD_ROOT_CAUSE))
        {
          no_cause++;
          if (status == CUSTOS_NC_STATUS_OPEN)
            add_finding (c, CUSTOS_READINESS_SEVERITY_WARNING, "nc-no-root-cause", "10.2 b",
                         CUSTOS_REGISTER_NONCONFORMITIES, nc,
                         _("Nonconformity %s “%s” has no root cause yet"), id, title);
          else
            add_finding (c, CUSTOS_READINESS_SEVERITY_ERROR, "nc-no-root-cause", "10.2 b",
                         CUSTOS_REGISTER_NONCONFORMITIES, nc,
                         _("Nonconformity %s “%s” is %s but its root cause was never determined"),
                         id, title, nc_status_label (status));
        }
      if (status != CUSTOS_NC_STATUS_OPEN &&
          custos_record_field_is_empty (nc, CUSTOS_NONCONFORMITY_FIELD_CORRECTIVE_ACTION))
        no_action++;

      if (status == CUSTOS_NC_STATUS_CLOSED)
        {
          if (custos_record_field_is_empty (nc, CUSTOS_NONCONFORMITY_FIELD_EFFECTIVENESS_REVIEW) ||
              effectiveness == CUSTOS_EFFECTIVENESS_PENDING)
            {
              no_effectiveness++;
              add_finding (c, CUSTOS_READINESS_SEVERITY_ERROR, "nc-no-effectiveness", "10.2 d",
                           CUSTOS_REGISTER_NONCONFORMITIES, nc,
                           _("Nonconformity %s “%s” is closed without a review of the effectiveness of "
                             "its corrective action"), id, title);
            }
          else if (effectiveness == CUSTOS_EFFECTIVENESS_NOT_EFFECTIVE)
            {
              no_effectiveness++;
              add_finding (c, CUSTOS_READINESS_SEVERITY_ERROR, "nc-no-effectiveness", "10.2 d",
                           CUSTOS_REGISTER_NONCONFORMITIES, nc,
                           _("Nonconformity %s “%s” is closed although its corrective action was found "
                             "not effective"), id, title);
            }
          continue;
        }

      n_open++;
      if ((status == CUSTOS_NC_STATUS_OPEN || status == CUSTOS_NC_STATUS_ACTION_PLANNED) &&
          is_before (custos_nonconformity_get_due (CUSTOS_NONCONFORMITY (nc)), c->today))
        {
          overdue = TRUE;
          add_finding (c, CUSTOS_READINESS_SEVERITY_WARNING, "nc-overdue", "10.2",
                       CUSTOS_REGISTER_NONCONFORMITIES, nc,
                       _("The corrective action of nonconformity %s “%s” was due on %s and is not done"),
                       id, title, custos_nonconformity_get_due (CUSTOS_NONCONFORMITY (nc)));
        }
      if (overdue)
        continue;
      if (status == CUSTOS_NC_STATUS_VERIFYING &&
          !custos_record_field_is_empty (nc, CUSTOS_NONCONFORMITY_FIELD_EFFECTIVENESS_REVIEW))
        add_finding (c, CUSTOS_READINESS_SEVERITY_INFO, "nc-open", "10.2",
                     CUSTOS_REGISTER_NONCONFORMITIES, nc,
                     _("Nonconformity %s “%s” is not closed yet: verifying effectiveness, review on %s"),
                     id, title, custos_nonconformity_get_effectiveness_review (CUSTOS_NONCONFORMITY (nc)));
      else if (status != CUSTOS_NC_STATUS_VERIFYING &&
               !custos_record_field_is_empty (nc, CUSTOS_NONCONFORMITY_FIELD_DUE))
        add_finding (
          c, CUSTOS_READINESS_SEVERITY_INFO, "nc-open", "10.2", CUSTOS_REGISTER_NONCONFORMITIES, nc,
          _("Nonconformity %s “%s” is not closed yet: %s, due %s"), id, title,
          nc_status_label (status), custos_nonconformity_get_due (CUSTOS_NONCONFORMITY (nc)));
      else
        add_finding (c, CUSTOS_READINESS_SEVERITY_INFO, "nc-open", "10.2",
                     CUSTOS_REGISTER_NONCONFORMITIES, nc,
                     _("Nonconformity %s “%s” is not closed yet: %s"),
                     id, title, nc_status_label (status));
    }

  for (guint i = 0, n_findings = g_list_model_get_n_items (findings); i < n_findings; i++)
    {
      int type = custos_finding_get_finding_type (CUSTOS_FINDING (item_at (findings, i)));
      nc_findings += type == CUSTOS_FINDING_TYPE_MAJOR || type == CUSTOS_FINDING_TYPE_MINOR;
    }

  if (n == 0)
    {
      if (nc_findings > 0)
        {
          append_reasonf (reasons, g_dngettext (GETTEXT_PACKAGE,
                                                "%u audit finding is a nonconformity but no nonconformity is recorded",
                                                "%u audit findings are nonconformities but no nonconformity is recorded",
                                                nc_findings),
                          nc_findings);
          set_item (c, ITEM_NONCONFORMITIES, CUSTOS_READINESS_STATUS_MISSING, reasons);
        }
      else if (c->audits_done == 0)
        {
          append_reason (reasons, _("No nonconformities are recorded and no audit has been carried out that could show there were none"));
          set_item (c, ITEM_NONCONFORMITIES, CUSTOS_READINESS_STATUS_MISSING, reasons);
        }
      else
        {
          append_reason (reasons, _("No nonconformity has been raised; the audits found none"));
          set_item (c, ITEM_NONCONFORMITIES, CUSTOS_READINESS_STATUS_PRESENT, reasons);
        }
      return;
    }
  append_count (reasons, no_cause, "%u nonconformity has no root cause",
                                   "%u nonconformities have no root cause");
  append_count (reasons, no_action, "%u nonconformity past the open stage has no corrective action",
                                    "%u nonconformities past the open stage have no corrective action");
  append_count (reasons, no_effectiveness,
                "%u closed nonconformity has no effective corrective action on record",
                "%u closed nonconformities have no effective corrective action on record");
  finish_item (c, ITEM_NONCONFORMITIES, reasons,
               _("%u nonconformities with root cause and corrective action, %u still open"), n,
               n_open);
}

/* The whole check ---------------------------------------------------------------- */

static void
run (CustosReadiness *self)
{
  g_autoptr(GPtrArray) findings = g_ptr_array_new_with_free_func (finding_free);
  GPtrArray *sorted;
  Check check = { self, self->document, &self->today, findings, NULL, 0 };
  RiskStats risks = { 0 };
  guint points = 0, total = 0, errors = 0;

  for (guint i = 0; i < N_ITEMS; i++)
    item_clear (&self->items[i]);

  /* In clause order; the items' own findings come first below. */
  check_required (&check);
  check_scope (&check);
  check_policy (&check);
  check_criteria (&check);
  check_risks (&check, &risks);
  check_soa (&check);
  check_objectives (&check);
  check_competence (&check);
  check_documents (&check);
  check_processes (&check);
  check_risk_results (&check, &risks);
  set_risk_items (&check, &risks);
  check_plan (&check, &risks);
  check_monitoring (&check);
  check_audits (&check);
  check_reviews (&check);
  check_nonconformities (&check);
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

          if (item->status == CUSTOS_READINESS_STATUS_PRESENT ||
              s != (item->status == CUSTOS_READINESS_STATUS_MISSING
                    ? CUSTOS_READINESS_SEVERITY_ERROR : CUSTOS_READINESS_SEVERITY_WARNING))
            continue;
          finding = g_new0 (CustosReadinessFinding, 1);
          finding->severity = s;
          finding->rule = item->status == CUSTOS_READINESS_STATUS_MISSING ? "docinfo-missing" : "docinfo-incomplete";
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
