/* SPDX-License-Identifier: GPL-3.0-or-later */
/* custos-readiness-support.c — the readiness rules of clauses 7 and 8.1 */
#include "config.h"

#include "custos-readiness-private.h"

/* 7.2 Competence ------------------------------------------------------------- */

/* "person␟topic": a later record of the same training for the same person
 * supersedes an earlier one. */
static char *
training_key (CustosRecord *training)
{
  return g_strdup_printf ("%s\037%s", custos_training_get_person (CUSTOS_TRAINING (training)),
                          custos_training_get_topic (CUSTOS_TRAINING (training)));
}

void
readiness_check_competence (Check *c)
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
    {
      /* No one has been trained for the requirements defined: the gap is theirs. */
      append_reason (reasons, _("There are no training or qualification records"));
      for (guint i = 0; i < n_comp; i++)
        prefer_confirmed (&c->subjects[ITEM_COMPETENCE], item_at (competences, i));
    }
  append_count (reasons, no_verification, "%u competence requirement does not say how it is verified",
                                          "%u competence requirements do not say how they are verified");
  append_count (reasons, no_evidence, "%u training record has no evidence",
                                      "%u training records have no evidence");
  finish_item (c, ITEM_COMPETENCE, reasons,
               _("%u competence requirements, %u training records with evidence"), n_comp,
               n_train);
}

/* 7.5 Document control -------------------------------------------------------- */

void
readiness_check_documents (Check *c)
{
  GListModel *documents = custos_document_get_register (c->doc, CUSTOS_REGISTER_DOCUMENTS);
  GListModel *revisions = custos_document_get_register (c->doc, CUSTOS_REGISTER_REVISIONS);
  CustosRecord *latest = NULL;
  GDate latest_date;

  /* 7.5.2 c: the version in force is the latest revision; one nobody
   * approved (a migration opens one) is not covered by earlier approvals. */
  g_date_clear (&latest_date, 1);
  for (guint i = 0, n = g_list_model_get_n_items (revisions); i < n; i++)
    {
      CustosRecord *revision = item_at (revisions, i);
      GDate date;

      if (custos_date_parse (custos_revision_get_date (CUSTOS_REVISION (revision)), &date) &&
          g_date_compare (&date, c->today) <= 0 &&
          (latest == NULL || g_date_compare (&date, &latest_date) >= 0))
        {
          latest = revision;
          latest_date = date;
        }
    }
  if (latest != NULL && custos_record_field_is_empty (latest, CUSTOS_REVISION_FIELD_APPROVED_BY))
    add_finding (c, CUSTOS_READINESS_SEVERITY_WARNING, "revision-unapproved", "7.5.2",
                 CUSTOS_REGISTER_REVISIONS, latest,
                 _("The latest revision, %s of %s, is not approved"),
                 custos_revision_get_version (CUSTOS_REVISION (latest)),
                 custos_revision_get_date (CUSTOS_REVISION (latest)));

  for (guint i = 0, n = g_list_model_get_n_items (documents); i < n; i++)
    {
      CustosRecord *document = item_at (documents, i);
      int status = custos_controlled_document_get_status (CUSTOS_CONTROLLED_DOCUMENT (document));

      if (status == CUSTOS_DOCUMENT_STATUS_WITHDRAWN)
        continue;
      if (is_before (custos_controlled_document_get_next_review (CUSTOS_CONTROLLED_DOCUMENT (document)), c->today))
        add_finding (c, CUSTOS_READINESS_SEVERITY_WARNING, "document-review-overdue", "7.5.2",
                     CUSTOS_REGISTER_DOCUMENTS, document, _("Document %s “%s” was due for review on %s"),
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

/* A merge that found a field changed both ways keeps both values in the
 * document (custos-merge.c) until someone decides: the document is then not
 * under control (7.5.3), whichever value it shows. */
void
readiness_check_merge_conflicts (Check *c)
{
  GListModel *conflicts = custos_document_get_register (c->doc, CUSTOS_REGISTER_MERGE_CONFLICTS);

  for (guint i = 0, n = g_list_model_get_n_items (conflicts); i < n; i++)
    {
      CustosMergeConflict *conflict = CUSTOS_MERGE_CONFLICT (item_at (conflicts, i));

      add_finding (c, CUSTOS_READINESS_SEVERITY_ERROR, "merge-conflict", "7.5.3",
                   CUSTOS_REGISTER_MERGE_CONFLICTS, CUSTOS_RECORD (conflict),
                   _("Merge conflict %s: %s %s, field %s, was changed both ways (ours “%s”, theirs “%s”)"),
                   custos_record_get_id (CUSTOS_RECORD (conflict)),
                   custos_merge_conflict_get_kind (conflict),
                   custos_merge_conflict_get_record (conflict),
                   custos_merge_conflict_get_field (conflict),
                   custos_merge_conflict_get_ours (conflict) ? custos_merge_conflict_get_ours (conflict) : "",
                   custos_merge_conflict_get_theirs (conflict) ? custos_merge_conflict_get_theirs (conflict) : "");
    }
}

/* 8.1 Operational planning ---------------------------------------------------- */

void
readiness_check_processes (Check *c)
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
