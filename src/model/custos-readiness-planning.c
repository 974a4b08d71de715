/* SPDX-License-Identifier: GPL-3.0-or-later */
/* custos-readiness-planning.c — the readiness rules of clause 6 and of 8.2, 8.3 (risks) */
#include "config.h"

#include <string.h>

#include "custos-readiness-private.h"

/* 6.1.2 Risk criteria ------------------------------------------------------ */

void
readiness_check_criteria (Check *c)
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

/* Whether the residual risk of risk is accepted: by its option or status, or
 * by a recorded acceptance of its residual risk. */
static gboolean
risk_is_accepted (CustosRecord *risk)
{
  return custos_risk_get_treatment (CUSTOS_RISK (risk)) == CUSTOS_TREATMENT_ACCEPT ||
         custos_risk_get_status (CUSTOS_RISK (risk)) == CUSTOS_RISK_STATUS_ACCEPTED ||
         !custos_record_field_is_empty (risk, CUSTOS_RISK_FIELD_ACCEPTED_BY);
}

/* The organisation's own criteria say which bands may be accepted; no
 * approval, however senior, makes a risk acceptable that they exclude. */
static void
check_risk_acceptance (Check        *c,
                       CustosRecord *risk)
{
  CustosCriteria *criteria = custos_document_get_criteria (c->doc);
  gboolean residual = risk_is_scored (risk, TRUE);
  int score = custos_document_risk_score (c->doc, risk, residual);
  int band = custos_criteria_band_index (criteria, score);
  const CustosBand *b;

  if (!risk_is_accepted (risk) || band < 0)
    return;
  b = custos_criteria_get_band (criteria, band);
  if (b->acceptable)
    return;
  if (residual)
    add_finding (c, CUSTOS_READINESS_SEVERITY_ERROR, "risk-accepted-against-criteria", "6.1.3 f",
                 CUSTOS_REGISTER_RISKS, risk,
                 _("Risk %s “%s” is accepted at a residual score of %d (%s), but the risk criteria say "
                   "a risk in that band may not be accepted"),
                 custos_record_get_id (risk), custos_record_get_title (risk), score, b->name);
  else
    add_finding (c, CUSTOS_READINESS_SEVERITY_ERROR, "risk-accepted-against-criteria", "6.1.3 f",
                 CUSTOS_REGISTER_RISKS, risk,
                 _("Risk %s “%s” is accepted at an inherent score of %d (%s), but the risk criteria say "
                   "a risk in that band may not be accepted"),
                 custos_record_get_id (risk), custos_record_get_title (risk), score, b->name);
}

/* A residual risk lower than the inherent one needs something that lowers
 * it: a treatment action, or a control that is in place. */
static void
check_residual_reduction (Check        *c,
                          CustosRecord *risk,
                          GHashTable   *risks_with_actions)
{
  const char * const *controls = custos_risk_get_controls (CUSTOS_RISK (risk));
  const char *id = custos_record_get_id (risk);
  gboolean implemented = FALSE;

  if (!risk_is_scored (risk, FALSE) || !risk_is_scored (risk, TRUE) ||
      custos_document_risk_score (c->doc, risk, TRUE) >= custos_document_risk_score (c->doc, risk, FALSE) ||
      g_hash_table_contains (risks_with_actions, id))
    return;
  if (controls == NULL && custos_record_field_is_empty (risk, CUSTOS_RISK_FIELD_CUSTOM_CONTROLS))
    {
      add_finding (c, CUSTOS_READINESS_SEVERITY_ERROR, "risk-residual-unsupported", "8.3",
                   CUSTOS_REGISTER_RISKS, risk,
                   _("Risk %s “%s” has a residual risk lower than its inherent risk, but no control and no "
                     "treatment action lowers it"),
                   id, custos_record_get_title (risk));
      return;
    }
  /* Other controls are free text and cannot be checked: they count. */
  implemented = !custos_record_field_is_empty (risk, CUSTOS_RISK_FIELD_CUSTOM_CONTROLS);
  for (guint i = 0; controls != NULL && controls[i] != NULL && !implemented; i++)
    {
      CustosRecord *entry = custos_document_lookup (c->doc, CUSTOS_REGISTER_SOA, controls[i]);

      implemented = entry != NULL &&
                    custos_soa_entry_get_implementation (CUSTOS_SOA_ENTRY (entry)) == CUSTOS_IMPLEMENTATION_IMPLEMENTED;
    }
  if (!implemented)
    add_finding (c, CUSTOS_READINESS_SEVERITY_WARNING, "risk-residual-unsupported", "8.3",
                 CUSTOS_REGISTER_RISKS, risk,
                 _("Risk %s “%s” has a residual risk lower than its inherent risk, but it has no treatment "
                   "action and none of its controls is implemented"),
                 id, custos_record_get_title (risk));
}

void
readiness_check_risks (Check     *c,
                       RiskStats *st)
{
  GListModel *risks = custos_document_get_register (c->doc, CUSTOS_REGISTER_RISKS);
  GListModel *actions = custos_document_get_register (c->doc, CUSTOS_REGISTER_ACTIONS);
  g_autoptr(GHashTable) risks_with_actions = g_hash_table_new (g_str_hash, g_str_equal);

  st->n_risks = g_list_model_get_n_items (risks);
  for (guint i = 0, n = g_list_model_get_n_items (actions); i < n; i++)
    {
      CustosAction *action = CUSTOS_ACTION (item_at (actions, i));

      if (custos_action_get_risk (action) != NULL &&
          custos_action_get_status (action) != CUSTOS_ACTION_STATUS_CANCELLED)
        g_hash_table_add (risks_with_actions, (gpointer) custos_action_get_risk (action));
    }

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
      check_residual_reduction (c, risk, risks_with_actions);
    }
}

/* After the SoA: 8.2 reviews and 8.3 residual risk. */
void
readiness_check_risk_results (Check     *c,
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

void
readiness_set_risk_items (Check     *c,
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

void
readiness_check_soa (Check *c)
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
      g_autofree char *cited = custos_control_cite (id);
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
                       _("Control %s “%s” is not decided: applicable or not"), cited, title);
          break;

        case CUSTOS_APPLICABILITY_NOT_APPLICABLE:
          excluded++;
          if (custos_record_field_is_empty (entry, CUSTOS_SOA_ENTRY_FIELD_JUSTIFICATION))
            {
              unjustified++;
              add_finding (c, CUSTOS_READINESS_SEVERITY_ERROR, "soa-excluded-unjustified", "6.1.3 d",
                           CUSTOS_REGISTER_SOA, entry,
                           _("Control %s “%s” is excluded without a justification"), cited, title);
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
                           cited, title, ids->str);
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
                         cited, title);
          break;
        }

      /* A migrated control keeps its flag until someone has reviewed the
       * decision the migration made for it. */
      if (custos_soa_entry_get_review (CUSTOS_SOA_ENTRY (entry)))
        {
          const char *note = custos_soa_entry_get_migration_note (CUSTOS_SOA_ENTRY (entry));
          g_autofree char *first_line = note != NULL ? g_strndup (note, strcspn (note, "\n")) : NULL;

          if (first_line != NULL)
            add_finding (c, CUSTOS_READINESS_SEVERITY_WARNING, "soa-needs-review", "6.1.3 d",
                         CUSTOS_REGISTER_SOA, entry,
                         _("Control %s “%s” is flagged for review: %s"), id, title, first_line);
          else
            add_finding (c, CUSTOS_READINESS_SEVERITY_WARNING, "soa-needs-review", "6.1.3 d",
                         CUSTOS_REGISTER_SOA, entry, _("Control %s “%s” is flagged for review"), id, title);
        }
      if ((reasons_flags & CUSTOS_REASON_RISK_TREATMENT) != 0 && selecting->len == 0)
        add_finding (c, CUSTOS_READINESS_SEVERITY_WARNING, "soa-reason-risk-unselected", "6.1.3 d",
                     CUSTOS_REGISTER_SOA, entry,
                     _("Control %s “%s” gives risk treatment as a reason for inclusion but no risk selects it"),
                     cited, title);
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

void
readiness_check_plan (Check     *c,
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
      /* Only the approval is missing: the gap is the approval's. */
      if (plan->len > 0 && no_owner == 0 && no_due == 0)
        c->subjects[ITEM_PLAN] = approval;
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

void
readiness_check_objectives (Check *c)
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
