/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-migration.c — Annex A 2013 → 2022 along Table B.1 */
#include "config.h"

#include <string.h>

#include "custos-document.h"
#include "custos-enums.h"
#include "custos-test-util.h"

/* A 2013 document with every control decided, deterministically. */
static CustosDocument *
decided_2013_document (void)
{
  CustosDocument *doc = custos_document_new (CUSTOS_EDITION_2013);
  GListModel *soa = custos_document_get_register (doc, CUSTOS_REGISTER_SOA);
  CustosRecord *role = custos_document_add_new (doc, CUSTOS_REGISTER_ROLES);
  CustosRecord *risk = custos_document_add_new (doc, CUSTOS_REGISTER_RISKS);
  CustosRecord *action = custos_document_add_new (doc, CUSTOS_REGISTER_ACTIONS);
  const char *risk_controls[] = { "A.9.1.1", "A.12.3.1", "A.9.1.2", "A.18.2.3", NULL };
  const char *action_controls[] = { "A.12.3.1", NULL };

  custos_role_set_title (CUSTOS_ROLE (role), "ISMS Manager");
  custos_risk_set_title (CUSTOS_RISK (risk), "Unauthorised access");
  custos_risk_set_controls (CUSTOS_RISK (risk), risk_controls);
  custos_action_set_title (CUSTOS_ACTION (action), "Daily backups");
  custos_action_set_risk (CUSTOS_ACTION (action), custos_record_get_id (risk));
  custos_action_set_controls (CUSTOS_ACTION (action), action_controls);

  for (guint i = 0, n = g_list_model_get_n_items (soa); i < n; i++)
    {
      g_autoptr(CustosRecord) entry = g_list_model_get_item (soa, i);
      const char *id = custos_record_get_id (entry);
      g_autofree char *justification = g_strdup_printf ("Justification of %s", id);
      g_autofree char *how = g_strdup_printf ("Procedure for %s", id);
      gboolean excluded = i % 9 == 4;

      custos_soa_entry_set_applicable (CUSTOS_SOA_ENTRY (entry),
                              excluded ? CUSTOS_APPLICABILITY_NOT_APPLICABLE : CUSTOS_APPLICABILITY_APPLICABLE);
      custos_soa_entry_set_reasons (CUSTOS_SOA_ENTRY (entry),
                                    i % 2 ? CUSTOS_REASON_LEGAL : CUSTOS_REASON_RISK_TREATMENT);
      custos_soa_entry_set_implementation (CUSTOS_SOA_ENTRY (entry), (int) (i % 4));
      custos_soa_entry_set_justification (CUSTOS_SOA_ENTRY (entry), justification);
      if (!excluded)
        custos_soa_entry_set_how_applied (CUSTOS_SOA_ENTRY (entry), how);
      custos_soa_entry_set_owner (CUSTOS_SOA_ENTRY (entry), custos_record_get_id (role));
    }
  /* A.9.1.1 and A.9.1.2 both become 5.15: make them disagree. */
  custos_soa_entry_set_applicable (CUSTOS_SOA_ENTRY (custos_document_lookup (doc, CUSTOS_REGISTER_SOA, "A.9.1.1")),
                                   CUSTOS_APPLICABILITY_APPLICABLE);
  custos_soa_entry_set_applicable (CUSTOS_SOA_ENTRY (custos_document_lookup (doc, CUSTOS_REGISTER_SOA, "A.9.1.2")),
                                   CUSTOS_APPLICABILITY_NOT_APPLICABLE);
  return doc;
}

START_TEST (test_plan_outcomes)
{
  g_autoptr(CustosDocument) doc = decided_2013_document ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) plan = custos_document_plan_migration (doc, &error);
  CustosCatalogue *cat22 = custos_catalogue_get (CUSTOS_EDITION_2022);
  guint n_new = 0, n_carried = 0, n_merged = 0;

  g_assert_no_error (error);
  ck_assert_uint_eq (plan->len, 93);
  /* Planning changes nothing. */
  ck_assert_int_eq (custos_document_get_edition (doc), CUSTOS_EDITION_2013);
  ck_assert_uint_eq (custos_document_count (doc, CUSTOS_REGISTER_SOA), 114);

  for (guint i = 0; i < plan->len; i++)
    {
      CustosMigrationStep *step = plan->pdata[i];
      guint n_sources = g_strv_length ((char **) step->sources);

      ck_assert_str_eq (step->control_id, custos_catalogue_get_control (cat22, i)->id);
      ck_assert_str_eq (custos_record_get_id (step->entry), step->control_id);
      switch (step->outcome)
        {
        case CUSTOS_MIGRATION_NEW:
          n_new++;
          ck_assert_uint_eq (n_sources, 0);
          ck_assert (custos_soa_entry_get_review (CUSTOS_SOA_ENTRY (step->entry)));
          ck_assert_int_eq (custos_soa_entry_get_applicable (CUSTOS_SOA_ENTRY (step->entry)),
                            CUSTOS_APPLICABILITY_UNDECIDED);
          break;
        case CUSTOS_MIGRATION_CARRIED:
          {
            CustosRecord *src = custos_document_lookup (doc, CUSTOS_REGISTER_SOA, step->sources[0]);
            n_carried++;
            ck_assert_uint_eq (n_sources, 1);
            ck_assert_int_eq (custos_soa_entry_get_applicable (CUSTOS_SOA_ENTRY (step->entry)),
                              custos_soa_entry_get_applicable (CUSTOS_SOA_ENTRY (src)));
            ck_assert_int_eq (custos_soa_entry_get_implementation (CUSTOS_SOA_ENTRY (step->entry)),
                              custos_soa_entry_get_implementation (CUSTOS_SOA_ENTRY (src)));
            ck_assert_str_eq (custos_soa_entry_get_justification (CUSTOS_SOA_ENTRY (step->entry)),
                              custos_soa_entry_get_justification (CUSTOS_SOA_ENTRY (src)));
          }
          break;
        case CUSTOS_MIGRATION_MERGED:
        case CUSTOS_MIGRATION_CONFLICT:
          n_merged++;
          ck_assert_uint_gt (n_sources, 1);
          ck_assert (custos_soa_entry_get_review (CUSTOS_SOA_ENTRY (step->entry)));
          break;
        default:
          ck_abort ();
        }
    }
  ck_assert_uint_eq (n_new, 11);
  ck_assert_uint_eq (n_carried, 58);
  ck_assert_uint_eq (n_merged, 24);
}
END_TEST

START_TEST (test_conflict_flagged)
{
  g_autoptr(CustosDocument) doc = decided_2013_document ();
  g_autoptr(GPtrArray) plan = custos_document_plan_migration (doc, NULL);

  for (guint i = 0; i < plan->len; i++)
    {
      CustosMigrationStep *step = plan->pdata[i];
      if (g_str_equal (step->control_id, "5.15"))
        {
          const char *note = custos_soa_entry_get_migration_note (CUSTOS_SOA_ENTRY (step->entry));
          ck_assert_int_eq (step->outcome, CUSTOS_MIGRATION_CONFLICT);
          /* Included when any predecessor applied. */
          ck_assert_int_eq (custos_soa_entry_get_applicable (CUSTOS_SOA_ENTRY (step->entry)),
                            CUSTOS_APPLICABILITY_APPLICABLE);
          ck_assert_ptr_nonnull (strstr (note, "A.9.1.1"));
          ck_assert_ptr_nonnull (strstr (note, "A.9.1.2"));
          ck_assert_ptr_nonnull (strstr (note, "disagree"));
          /* The reason A.9.1.2 was excluded does not justify applying 5.15. */
          ck_assert_str_eq (custos_soa_entry_get_justification (CUSTOS_SOA_ENTRY (step->entry)),
                            "Justification of A.9.1.1");
          ck_assert_ptr_nonnull (strstr (note, "A.9.1.2 was excluded because: Justification of A.9.1.2"));
          return;
        }
    }
  ck_abort_msg ("5.15 missing from the plan");
}
END_TEST

/* Every 2013 decision survives in at least one successor: justification,
 * how applied and owner by value, the rest at least by reference in the note. */
START_TEST (test_nothing_lost)
{
  g_autoptr(CustosDocument) doc = decided_2013_document ();
  g_autoptr(CustosDocument) before = decided_2013_document ();
  g_autoptr(GPtrArray) plan = custos_document_plan_migration (doc, NULL);
  GListModel *old = custos_document_get_register (before, CUSTOS_REGISTER_SOA);
  GDate migration_day = custos_test_date ("2026-12-01");

  custos_document_apply_migration (doc, plan, &migration_day);
  ck_assert_int_eq (custos_document_get_edition (doc), CUSTOS_EDITION_2022);
  ck_assert_uint_eq (custos_document_count (doc, CUSTOS_REGISTER_SOA), 93);
  ck_assert (custos_document_get_modified (doc));

  for (guint i = 0, n = g_list_model_get_n_items (old); i < n; i++)
    {
      g_autoptr(CustosRecord) src = g_list_model_get_item (old, i);
      const char *id = custos_record_get_id (src);
      const char * const *successors = custos_catalogue_successors (id);
      gboolean justification = FALSE, how = FALSE, referenced = FALSE;
      const char *src_how = custos_soa_entry_get_how_applied (CUSTOS_SOA_ENTRY (src));

      ck_assert_msg (successors[0] != NULL, "%s has no successor", id);
      for (guint s = 0; successors[s] != NULL; s++)
        {
          CustosRecord *dst = custos_document_lookup (doc, CUSTOS_REGISTER_SOA, successors[s]);
          const char *j = custos_soa_entry_get_justification (CUSTOS_SOA_ENTRY (dst));
          const char *h = custos_soa_entry_get_how_applied (CUSTOS_SOA_ENTRY (dst));
          const char *note = custos_soa_entry_get_migration_note (CUSTOS_SOA_ENTRY (dst));

          ck_assert_ptr_nonnull (dst);
          /* An excluded predecessor's justification goes to the note of
           * an applicable successor. */
          justification |=
            (j != NULL && strstr (j, custos_soa_entry_get_justification (CUSTOS_SOA_ENTRY (src))) != NULL) ||
            (note != NULL && strstr (note, custos_soa_entry_get_justification (CUSTOS_SOA_ENTRY (src))) != NULL);
          how |= src_how == NULL || (h != NULL && strstr (h, src_how) != NULL);
          referenced |= note != NULL && strstr (note, id) != NULL;
          ck_assert_str_eq (custos_soa_entry_get_owner (CUSTOS_SOA_ENTRY (dst)),
                            custos_soa_entry_get_owner (CUSTOS_SOA_ENTRY (src)));
        }
      ck_assert_msg (justification, "justification of %s lost", id);
      ck_assert_msg (how, "how-applied of %s lost", id);
      ck_assert_msg (referenced, "%s not named in any migration note", id);
    }
}
END_TEST

START_TEST (test_controls_remapped)
{
  g_autoptr(CustosDocument) doc = decided_2013_document ();
  g_autoptr(GPtrArray) plan = custos_document_plan_migration (doc, NULL);
  CustosRecord *risk, *action;
  const char *expected[] = { "5.15", "8.13", "5.36", "8.8", NULL };
  g_autoptr(GPtrArray) selecting = NULL;
  GDate migration_day = custos_test_date ("2026-12-01");

  custos_document_apply_migration (doc, plan, &migration_day);
  risk = custos_document_lookup (doc, CUSTOS_REGISTER_RISKS, "R-001");
  action = custos_document_lookup (doc, CUSTOS_REGISTER_ACTIONS, "ACT-001");
  ck_assert (g_strv_equal (custos_risk_get_controls (CUSTOS_RISK (risk)), expected));
  ck_assert_str_eq (custos_action_get_controls (CUSTOS_ACTION (action))[0], "8.13");
  selecting = custos_document_get_selecting_risks (doc, "8.8");
  ck_assert_uint_eq (selecting->len, 1);
}
END_TEST

static CustosRecord *
planned_entry (GPtrArray  *plan,
               const char *control_id)
{
  for (guint i = 0; i < plan->len; i++)
    {
      CustosMigrationStep *step = plan->pdata[i];

      if (g_str_equal (step->control_id, control_id))
        return step->entry;
    }
  ck_abort_msg ("%s missing from the plan", control_id);
  return NULL;
}

/* 8.8 merges A.12.6.1 and A.18.2.3: where they differ in implementation,
 * owner or document, the note says so; the owner and document come from
 * whichever source has them. */
START_TEST (test_merge_differences)
{
  g_autoptr(CustosDocument) doc = decided_2013_document ();
  CustosRecord *a = custos_document_lookup (doc, CUSTOS_REGISTER_SOA, "A.12.6.1");
  CustosRecord *b = custos_document_lookup (doc, CUSTOS_REGISTER_SOA, "A.18.2.3");
  CustosRecord *role = custos_document_add_new (doc, CUSTOS_REGISTER_ROLES);
  CustosRecord *procedure = custos_document_add_new (doc, CUSTOS_REGISTER_DOCUMENTS);
  g_autoptr(GPtrArray) plan = NULL;
  CustosRecord *entry;
  const char *note;

  custos_controlled_document_set_title (CUSTOS_CONTROLLED_DOCUMENT (procedure), "Patch procedure");
  for (CustosRecord **src = (CustosRecord *[]) { a, b, NULL }; *src != NULL; src++)
    custos_soa_entry_set_applicable (CUSTOS_SOA_ENTRY (*src), CUSTOS_APPLICABILITY_APPLICABLE);
  custos_soa_entry_set_implementation (CUSTOS_SOA_ENTRY (a), CUSTOS_IMPLEMENTATION_IMPLEMENTED);
  custos_soa_entry_set_implementation (CUSTOS_SOA_ENTRY (b), CUSTOS_IMPLEMENTATION_PARTIAL);
  /* Only the second names the document; they have different owners. */
  custos_soa_entry_set_document (CUSTOS_SOA_ENTRY (a), NULL);
  custos_soa_entry_set_document (CUSTOS_SOA_ENTRY (b), custos_record_get_id (procedure));
  custos_soa_entry_set_owner (CUSTOS_SOA_ENTRY (b), custos_record_get_id (role));

  plan = custos_document_plan_migration (doc, NULL);
  entry = planned_entry (plan, "8.8");
  note = custos_soa_entry_get_migration_note (CUSTOS_SOA_ENTRY (entry));
  ck_assert_int_eq (custos_soa_entry_get_implementation (CUSTOS_SOA_ENTRY (entry)), CUSTOS_IMPLEMENTATION_PARTIAL);
  ck_assert_msg (strstr (note, "Implementation differs: A.12.6.1 implemented, A.18.2.3 partial; partial is kept "
                               "until reviewed.") != NULL, "%s", note);
  ck_assert_str_eq (custos_soa_entry_get_document (CUSTOS_SOA_ENTRY (entry)), custos_record_get_id (procedure));
  ck_assert_str_eq (custos_soa_entry_get_owner (CUSTOS_SOA_ENTRY (entry)), "ROLE-001");
  ck_assert_msg (strstr (note, "Owner differs: A.12.6.1 ROLE-001, A.18.2.3 ROLE-002; ROLE-001 is kept until "
                               "reviewed.") != NULL, "%s", note);
  ck_assert (custos_soa_entry_get_review (CUSTOS_SOA_ENTRY (entry)));

  /* The same status, owner and document: nothing to say. */
  custos_soa_entry_set_implementation (CUSTOS_SOA_ENTRY (b), CUSTOS_IMPLEMENTATION_IMPLEMENTED);
  custos_soa_entry_set_owner (CUSTOS_SOA_ENTRY (b), "ROLE-001");
  custos_soa_entry_set_document (CUSTOS_SOA_ENTRY (a), custos_record_get_id (procedure));
  g_clear_pointer (&plan, g_ptr_array_unref);
  plan = custos_document_plan_migration (doc, NULL);
  note = custos_soa_entry_get_migration_note (CUSTOS_SOA_ENTRY (planned_entry (plan, "8.8")));
  ck_assert_msg (strstr (note, "differs") == NULL, "%s", note);
}
END_TEST

/* The migrated SoA is a new version that the old approval does not cover. */
START_TEST (test_new_revision)
{
  g_autoptr(CustosDocument) doc = decided_2013_document ();
  g_autoptr(GPtrArray) plan = custos_document_plan_migration (doc, NULL);
  CustosRecord *old = custos_document_add_new (doc, CUSTOS_REGISTER_REVISIONS);
  GListModel *revisions = custos_document_get_register (doc, CUSTOS_REGISTER_REVISIONS);
  GDate migration_day = custos_test_date ("2026-12-01");
  g_autoptr(CustosRecord) added = NULL;

  custos_revision_set_version (CUSTOS_REVISION (old), "1.3");
  custos_revision_set_date (CUSTOS_REVISION (old), "2026-06-01");
  custos_revision_set_approved_by (CUSTOS_REVISION (old), "Ann Director");
  custos_document_apply_migration (doc, plan, &migration_day);

  ck_assert_uint_eq (g_list_model_get_n_items (revisions), 2);
  added = g_list_model_get_item (revisions, 1);
  ck_assert_str_eq (custos_revision_get_version (CUSTOS_REVISION (added)), "2.0");
  ck_assert_str_eq (custos_revision_get_date (CUSTOS_REVISION (added)), "2026-12-01");
  ck_assert_ptr_null (custos_revision_get_approved_by (CUSTOS_REVISION (added)));
  ck_assert_msg (strstr (custos_revision_get_summary (CUSTOS_REVISION (added)),
                         "migrated from ISO/IEC 27001:2013 to ISO/IEC 27001:2022; 35 controls to review") != NULL,
                 "%s", custos_revision_get_summary (CUSTOS_REVISION (added)));
}
END_TEST

START_TEST (test_refuses_2022)
{
  g_autoptr(CustosDocument) doc = custos_document_new (CUSTOS_EDITION_2022);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) plan = custos_document_plan_migration (doc, &error);

  ck_assert_ptr_null (plan);
  ck_assert_ptr_nonnull (error);
}
END_TEST

static Suite *
migration_suite (void)
{
  Suite *s = suite_create ("migration");
  TCase *tc = tcase_create ("2013-2022");

  tcase_add_test (tc, test_plan_outcomes);
  tcase_add_test (tc, test_conflict_flagged);
  tcase_add_test (tc, test_nothing_lost);
  tcase_add_test (tc, test_controls_remapped);
  tcase_add_test (tc, test_merge_differences);
  tcase_add_test (tc, test_new_revision);
  tcase_add_test (tc, test_refuses_2022);
  suite_add_tcase (s, tc);
  return s;
}

int
main (void)
{
  return custos_test_run_suite (migration_suite ());
}
