/* SPDX-License-Identifier: GPL-3.0-or-later */
/* custos-labels.c — translatable labels of the model's enums
 *
 * The file stores enum values by their nicks; people read these labels.
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "custos-enums.h"
#include "custos-labels.h"

typedef struct
{
  const char *nick;
  const char *label;
} Label;

typedef struct
{
  GType      (*get_type) (void);
  const Label *labels;
} EnumLabels;

static const Label edition_labels[] = { { "2013", N_("ISO/IEC 27001:2013") }, { "2022", N_("ISO/IEC 27001:2022") }, { NULL } };
static const Label issue_kind_labels[] = { { "internal", N_("Internal") }, { "external", N_("External") }, { NULL } };
static const Label asset_type_labels[] = {
  { "information", N_("Information") }, { "software", N_("Software") }, { "hardware", N_("Hardware") },
  { "service", N_("Service") }, { "people", N_("People") }, { "site", N_("Site") }, { "other", N_("Other") }, { NULL } };
static const Label classification_labels[] = {
  { "public", N_("Public") }, { "internal", N_("Internal") }, { "confidential", N_("Confidential") },
  { "restricted", N_("Restricted") }, { NULL } };
static const Label treatment_labels[] = {
  { "undecided", N_("Not decided") }, { "avoid", N_("Avoid") }, { "remove-source", N_("Remove the source") },
  { "change-likelihood", N_("Change likelihood") }, { "change-consequence", N_("Change consequences") },
  { "transfer", N_("Transfer") }, { "accept", N_("Accept") }, { NULL } };
static const Label risk_status_labels[] = {
  { "identified", N_("Identified") }, { "assessed", N_("Assessed") }, { "treating", N_("Being treated") },
  { "accepted", N_("Accepted") }, { "closed", N_("Closed") }, { NULL } };
static const Label action_status_labels[] = {
  { "planned", N_("Planned") }, { "in-progress", N_("In progress") }, { "done", N_("Done") },
  { "cancelled", N_("Cancelled") }, { NULL } };
static const Label applicability_labels[] = {
  { "undecided", N_("Not decided") }, { "applicable", N_("Applicable") }, { "not-applicable", N_("Not applicable") }, { NULL } };
static const Label reason_labels[] = {
  { "none", N_("None") }, { "risk-treatment", N_("Risk treatment") }, { "legal", N_("Legal") },
  { "contractual", N_("Contractual") }, { "business", N_("Business") }, { NULL } };
static const Label implementation_labels[] = {
  { "not-implemented", N_("Not implemented") }, { "planned", N_("Planned") },
  { "partial", N_("Partially implemented") }, { "implemented", N_("Implemented") }, { NULL } };
static const Label objective_status_labels[] = {
  { "not-started", N_("Not started") }, { "on-track", N_("On track") }, { "at-risk", N_("At risk") },
  { "achieved", N_("Achieved") }, { "missed", N_("Missed") }, { NULL } };
static const Label training_kind_labels[] = {
  { "training", N_("Training") }, { "awareness", N_("Awareness") }, { "qualification", N_("Qualification") }, { NULL } };
static const Label document_type_labels[] = {
  { "policy", N_("Policy") }, { "procedure", N_("Procedure") }, { "plan", N_("Plan") }, { "record", N_("Record") },
  { "guideline", N_("Guideline") }, { "other", N_("Other") }, { NULL } };
static const Label document_status_labels[] = {
  { "draft", N_("Draft") }, { "approved", N_("Approved") }, { "under-review", N_("Under review") },
  { "withdrawn", N_("Withdrawn") }, { NULL } };
static const Label audit_status_labels[] = {
  { "planned", N_("Planned") }, { "in-progress", N_("In progress") }, { "completed", N_("Completed") },
  { "cancelled", N_("Cancelled") }, { NULL } };
static const Label finding_type_labels[] = {
  { "major", N_("Major nonconformity") }, { "minor", N_("Minor nonconformity") },
  { "observation", N_("Observation") }, { "opportunity", N_("Opportunity for improvement") }, { NULL } };
static const Label nc_source_labels[] = {
  { "audit", N_("Audit") }, { "incident", N_("Incident") }, { "monitoring", N_("Monitoring") },
  { "complaint", N_("Complaint") }, { "review", N_("Management review") }, { "other", N_("Other") }, { NULL } };
static const Label nc_status_labels[] = {
  { "open", N_("Open") }, { "action-planned", N_("Action planned") }, { "verifying", N_("Verifying effectiveness") },
  { "closed", N_("Closed") }, { NULL } };
static const Label effectiveness_labels[] = {
  { "pending", N_("Not yet reviewed") }, { "effective", N_("Effective") }, { "not-effective", N_("Not effective") }, { NULL } };
static const Label severity_labels[] = {
  { "low", N_("Low") }, { "medium", N_("Medium") }, { "high", N_("High") }, { "critical", N_("Critical") }, { NULL } };
static const Label coverage_labels[] = {
  { "clause-4", N_("Clause 4") }, { "clause-5", N_("Clause 5") }, { "clause-6", N_("Clause 6") },
  { "clause-7", N_("Clause 7") }, { "clause-8", N_("Clause 8") }, { "clause-9", N_("Clause 9") },
  { "clause-10", N_("Clause 10") }, { "organizational-controls", N_("Organizational controls") },
  { "people-controls", N_("People controls") }, { "physical-controls", N_("Physical controls") },
  { "technological-controls", N_("Technological controls") }, { NULL } };
static const Label assessment_labels[] = {
  { "not-assessed", N_("Not assessed") }, { "satisfactory", N_("Satisfactory") },
  { "conditional", N_("Satisfactory with conditions") }, { "unsatisfactory", N_("Unsatisfactory") }, { NULL } };
static const Label requirement_kind_labels[] = {
  { "legal", N_("Legal") }, { "statutory", N_("Statutory") }, { "regulatory", N_("Regulatory") },
  { "contractual", N_("Contractual") }, { NULL } };
static const Label scoring_labels[] = {
  { "product", N_("Likelihood × consequence") }, { "sum", N_("Likelihood + consequence") }, { NULL } };

static const EnumLabels tables[] = {
  { custos_edition_get_type, edition_labels },
  { custos_issue_kind_get_type, issue_kind_labels },
  { custos_asset_type_get_type, asset_type_labels },
  { custos_classification_get_type, classification_labels },
  { custos_treatment_get_type, treatment_labels },
  { custos_risk_status_get_type, risk_status_labels },
  { custos_action_status_get_type, action_status_labels },
  { custos_applicability_get_type, applicability_labels },
  { custos_reason_get_type, reason_labels },
  { custos_implementation_get_type, implementation_labels },
  { custos_objective_status_get_type, objective_status_labels },
  { custos_training_kind_get_type, training_kind_labels },
  { custos_document_type_get_type, document_type_labels },
  { custos_document_status_get_type, document_status_labels },
  { custos_audit_status_get_type, audit_status_labels },
  { custos_finding_type_get_type, finding_type_labels },
  { custos_nc_source_get_type, nc_source_labels },
  { custos_nc_status_get_type, nc_status_labels },
  { custos_effectiveness_get_type, effectiveness_labels },
  { custos_severity_get_type, severity_labels },
  { custos_coverage_get_type, coverage_labels },
  { custos_assessment_get_type, assessment_labels },
  { custos_requirement_kind_get_type, requirement_kind_labels },
  { custos_scoring_get_type, scoring_labels },
};

static const char *
lookup (GType       type,
        const char *nick)
{
  for (guint i = 0; i < G_N_ELEMENTS (tables); i++)
    if (tables[i].get_type () == type)
      for (const Label *l = tables[i].labels; l->nick != NULL; l++)
        if (g_str_equal (l->nick, nick))
          return _(l->label);
  return nick;
}

const char *
custos_enum_value_label (GType type,
                         int   value)
{
  if (G_TYPE_IS_FLAGS (type))
    {
      g_autoptr(GFlagsClass) flags_class = g_type_class_ref (type);
      GFlagsValue *fv = g_flags_get_first_value (flags_class, (guint) value);
      return fv ? lookup (type, fv->value_nick) : "";
    }
  else
    {
      g_autoptr(GEnumClass) enum_class = g_type_class_ref (type);
      GEnumValue *ev = g_enum_get_value (enum_class, value);
      return ev ? lookup (type, ev->value_nick) : "";
    }
}

char *
custos_flags_label (GType type,
                    guint value)
{
  g_autoptr(GFlagsClass) flags_class = g_type_class_ref (type);
  GString *text = g_string_new (NULL);

  for (guint i = 0; i < flags_class->n_values; i++)
    {
      guint bit = flags_class->values[i].value;
      if (bit != 0 && (value & bit) == bit)
        {
          if (text->len > 0)
            g_string_append (text, ", ");
          g_string_append (text, lookup (type, flags_class->values[i].value_nick));
        }
    }
  return g_string_free (text, FALSE);
}

/* Labels by nick as reports and CSV show them: the nicks of every enumeration
 * of the model mean the same wherever they recur ("planned", "other"), so one
 * table serves them all. */
static const Label nick_labels[] = {
  { "internal", N_("Internal") },
  { "external", N_("External") },
  { "information", N_("Information") },
  { "software", N_("Software") },
  { "hardware", N_("Hardware") },
  { "service", N_("Service") },
  { "people", N_("People") },
  { "site", N_("Site") },
  { "other", N_("Other") },
  { "public", N_("Public") },
  { "confidential", N_("Confidential") },
  { "restricted", N_("Restricted") },
  { "undecided", N_("Not decided") },
  { "avoid", N_("Avoid") },
  { "remove-source", N_("Remove the source") },
  { "change-likelihood", N_("Change the likelihood") },
  { "change-consequence", N_("Change the consequences") },
  { "transfer", N_("Share or transfer") },
  { "accept", N_("Accept (retain)") },
  { "identified", N_("Identified") },
  { "assessed", N_("Assessed") },
  { "treating", N_("Being treated") },
  { "accepted", N_("Accepted") },
  { "closed", N_("Closed") },
  { "planned", N_("Planned") },
  { "in-progress", N_("In progress") },
  { "done", N_("Done") },
  { "cancelled", N_("Cancelled") },
  { "applicable", N_("Applicable") },
  { "not-applicable", N_("Not applicable") },
  { "risk-treatment", N_("Risk treatment") },
  { "legal", N_("Legal") },
  { "contractual", N_("Contractual") },
  { "business", N_("Business") },
  { "not-implemented", N_("Not implemented") },
  { "partial", N_("Partially implemented") },
  { "implemented", N_("Implemented") },
  { "not-started", N_("Not started") },
  { "on-track", N_("On track") },
  { "at-risk", N_("At risk") },
  { "achieved", N_("Achieved") },
  { "missed", N_("Missed") },
  { "training", N_("Training") },
  { "awareness", N_("Awareness") },
  { "qualification", N_("Qualification") },
  { "policy", N_("Policy") },
  { "procedure", N_("Procedure") },
  { "plan", N_("Plan") },
  { "record", N_("Record") },
  { "guideline", N_("Guideline") },
  { "draft", N_("Draft") },
  { "approved", N_("Approved") },
  { "under-review", N_("Under review") },
  { "withdrawn", N_("Withdrawn") },
  { "completed", N_("Completed") },
  { "major", N_("Major nonconformity") },
  { "minor", N_("Minor nonconformity") },
  { "observation", N_("Observation") },
  { "opportunity", N_("Opportunity for improvement") },
  { "audit", N_("Internal audit") },
  { "incident", N_("Incident") },
  { "monitoring", N_("Monitoring") },
  { "complaint", N_("Complaint") },
  { "review", N_("Management review") },
  { "open", N_("Open") },
  { "action-planned", N_("Action planned") },
  { "verifying", N_("Verifying") },
  { "pending", N_("Pending") },
  { "effective", N_("Effective") },
  { "not-effective", N_("Not effective") },
  { "low", N_("Low") },
  { "medium", N_("Medium") },
  { "high", N_("High") },
  { "critical", N_("Critical") },
  { NULL },
};

const char *
custos_nick_label (const char *nick)
{
  for (const Label *l = nick_labels; l->nick != NULL; l++)
    if (g_str_equal (l->nick, nick))
      return _(l->label);
  return nick;
}

static gboolean
matches_label (const char *text,
               const char *label)
{
  g_autofree char *folded = g_utf8_casefold (text, -1);
  g_autofree char *plain = g_utf8_casefold (label, -1);
  g_autofree char *translated = g_utf8_casefold (_(label), -1);

  return g_str_equal (folded, plain) || g_str_equal (folded, translated);
}

/* Whether text names a nick: the nick itself, or its label in the editors or
 * the reports, translated or not, in any case. */
static gboolean
names_nick (GType       type,
            const char *nick,
            const char *text)
{
  if (g_ascii_strcasecmp (text, nick) == 0)
    return TRUE;
  for (guint i = 0; i < G_N_ELEMENTS (tables); i++)
    if (tables[i].get_type () == type)
      for (const Label *l = tables[i].labels; l->nick != NULL; l++)
        if (g_str_equal (l->nick, nick) && matches_label (text, l->label))
          return TRUE;
  for (const Label *l = nick_labels; l->nick != NULL; l++)
    if (g_str_equal (l->nick, nick) && matches_label (text, l->label))
      return TRUE;
  return FALSE;
}

gboolean
custos_enum_value_parse (GType       type,
                         const char *text,
                         int        *value)
{
  if (G_TYPE_IS_FLAGS (type))
    {
      g_autoptr(GFlagsClass) flags_class = g_type_class_ref (type);

      for (guint i = 0; i < flags_class->n_values; i++)
        if (names_nick (type, flags_class->values[i].value_nick, text))
          {
            *value = (int) flags_class->values[i].value;
            return TRUE;
          }
    }
  else
    {
      g_autoptr(GEnumClass) enum_class = g_type_class_ref (type);

      for (guint i = 0; i < enum_class->n_values; i++)
        if (names_nick (type, enum_class->values[i].value_nick, text))
          {
            *value = enum_class->values[i].value;
            return TRUE;
          }
    }
  return FALSE;
}
