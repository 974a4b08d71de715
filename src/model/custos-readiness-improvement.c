/* SPDX-License-Identifier: GPL-3.0-or-later */
/* custos-readiness-improvement.c — the readiness rules of clause 10 */
#include "config.h"

#include "custos-readiness-private.h"

/* 10.2 Nonconformities ---------------------------------------------------------- */

void
readiness_check_nonconformities (Check *c)
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
        add_finding (c, CUSTOS_READINESS_SEVERITY_INFO, "nc-open", "10.2", CUSTOS_REGISTER_NONCONFORMITIES, nc,
                     _("Nonconformity %s “%s” is not closed yet: %s, due %s"), id, title, nc_status_label (status),
                     custos_nonconformity_get_due (CUSTOS_NONCONFORMITY (nc)));
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
          c->subjects[ITEM_NONCONFORMITIES] = c->planned_audit;
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
