/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-history.c — undo and redo of every kind of edit */
#include "config.h"

#include "custos-enums.h"
#include "custos-history.h"
#include "custos-test-util.h"

START_TEST (test_typing_is_one_step)
{
  g_autoptr(CustosDocument) doc = custos_document_new (CUSTOS_EDITION_2022);
  CustosRecord *org = custos_document_get_section (doc, CUSTOS_SECTION_ORGANISATION);
  g_autoptr(CustosHistory) history = custos_history_new (doc);

  ck_assert (!custos_history_can_undo (history));
  custos_organisation_set_name (CUSTOS_ORGANISATION (org), "N");
  custos_organisation_set_name (CUSTOS_ORGANISATION (org), "No");
  custos_organisation_set_name (CUSTOS_ORGANISATION (org), "Northwind");
  ck_assert (custos_history_can_undo (history));
  ck_assert (custos_history_undo (history));
  ck_assert_ptr_null (custos_organisation_get_name (CUSTOS_ORGANISATION (org)));
  ck_assert (!custos_history_can_undo (history));
  ck_assert (custos_history_redo (history));
  ck_assert_str_eq (custos_organisation_get_name (CUSTOS_ORGANISATION (org)), "Northwind");
  ck_assert (!custos_history_can_redo (history));

  /* Another field is another step; sealing splits typing in one field. */
  custos_organisation_set_sector (CUSTOS_ORGANISATION (org), "Accountancy");
  custos_history_seal (history);
  custos_organisation_set_sector (CUSTOS_ORGANISATION (org), "Accountancy and payroll");
  ck_assert (custos_history_undo (history));
  ck_assert_str_eq (custos_organisation_get_sector (CUSTOS_ORGANISATION (org)), "Accountancy");
  ck_assert (custos_history_undo (history));
  ck_assert_ptr_null (custos_organisation_get_sector (CUSTOS_ORGANISATION (org)));
  ck_assert (custos_history_undo (history));
  ck_assert_ptr_null (custos_organisation_get_name (CUSTOS_ORGANISATION (org)));
}
END_TEST

/* Marking records reviewed is undone like a field edit, all in one group
 * as "Mark as Reviewed" does it. */
START_TEST (test_to_review_undo)
{
  g_autoptr(CustosDocument) doc = custos_document_new (CUSTOS_EDITION_2022);
  CustosRecord *scope = custos_document_get_section (doc, CUSTOS_SECTION_SCOPE);
  CustosRecord *risk = custos_document_add_new (doc, CUSTOS_REGISTER_RISKS);
  g_autoptr(CustosHistory) history = NULL;

  custos_record_set_to_review (scope, TRUE);
  custos_record_set_to_review (risk, TRUE);
  history = custos_history_new (doc);
  custos_history_begin_group (history);
  custos_record_set_to_review (scope, FALSE);
  custos_record_set_to_review (risk, FALSE);
  custos_history_end_group (history);
  ck_assert (custos_history_undo (history));
  ck_assert (custos_record_get_to_review (scope));
  ck_assert (custos_record_get_to_review (risk));
  ck_assert (!custos_history_can_undo (history));
  ck_assert (custos_history_redo (history));
  ck_assert (!custos_record_get_to_review (scope));
  ck_assert (!custos_record_get_to_review (risk));
}
END_TEST

START_TEST (test_add_and_remove)
{
  g_autoptr(CustosDocument) doc = custos_document_new (CUSTOS_EDITION_2022);
  g_autoptr(CustosHistory) history = custos_history_new (doc);
  CustosRecord *a, *b, *c;

  a = custos_document_add_new (doc, CUSTOS_REGISTER_ASSETS);
  b = custos_document_add_new (doc, CUSTOS_REGISTER_ASSETS);
  c = custos_document_add_new (doc, CUSTOS_REGISTER_ASSETS);
  custos_asset_set_name (CUSTOS_ASSET (b), "File server");
  g_object_ref (b);
  custos_document_remove (doc, CUSTOS_REGISTER_ASSETS, b);
  ck_assert_uint_eq (custos_document_count (doc, CUSTOS_REGISTER_ASSETS), 2);

  /* Undo puts the same record back where it was. */
  ck_assert (custos_history_undo (history));
  ck_assert_int_eq (custos_document_find (doc, CUSTOS_REGISTER_ASSETS, b), 1);
  ck_assert_str_eq (custos_asset_get_name (CUSTOS_ASSET (b)), "File server");
  ck_assert (custos_history_undo (history));
  ck_assert_ptr_null (custos_asset_get_name (CUSTOS_ASSET (b)));
  ck_assert (custos_history_undo (history));
  ck_assert_int_eq (custos_document_find (doc, CUSTOS_REGISTER_ASSETS, c), -1);
  ck_assert (custos_history_redo (history));
  ck_assert_int_eq (custos_document_find (doc, CUSTOS_REGISTER_ASSETS, c), 2);
  ck_assert_int_eq (custos_document_find (doc, CUSTOS_REGISTER_ASSETS, a), 0);

  /* A new edit after undo drops the redo steps. */
  custos_asset_set_name (CUSTOS_ASSET (a), "Laptop");
  ck_assert (!custos_history_can_redo (history));
  g_object_unref (b);
}
END_TEST

START_TEST (test_group_and_criteria)
{
  g_autoptr(CustosDocument) doc = custos_document_new (CUSTOS_EDITION_2022);
  g_autoptr(CustosHistory) history = custos_history_new (doc);
  CustosRecord *risk = custos_document_add_new (doc, CUSTOS_REGISTER_RISKS);
  g_autoptr(CustosCriteria) criteria = custos_criteria_copy (custos_document_get_criteria (doc));
  const CustosBand one[] = { { "All", "#123456", 1, 25, NULL, NULL, TRUE, NULL } };

  custos_history_begin_group (history);
  custos_risk_set_likelihood (CUSTOS_RISK (risk), 4);
  custos_risk_set_consequence (CUSTOS_RISK (risk), 4);
  custos_history_end_group (history);
  ck_assert_int_eq (custos_document_risk_band (doc, risk, FALSE), 2);

  custos_criteria_set_bands (criteria, one, 1);
  ck_assert (custos_document_set_criteria (doc, criteria, NULL));
  ck_assert_int_eq (custos_document_risk_band (doc, risk, FALSE), 0);

  ck_assert (custos_history_undo (history));
  ck_assert_int_eq (custos_document_risk_band (doc, risk, FALSE), 2);
  ck_assert (custos_history_undo (history));
  ck_assert_int_eq (custos_risk_get_likelihood (CUSTOS_RISK (risk)), 0);
  ck_assert_int_eq (custos_risk_get_consequence (CUSTOS_RISK (risk)), 0);
  ck_assert (custos_history_redo (history));
  ck_assert (custos_history_redo (history));
  ck_assert_uint_eq (custos_criteria_get_n_bands (custos_document_get_criteria (doc)), 1);
}
END_TEST

START_TEST (test_migration_undo)
{
  g_autoptr(CustosDocument) doc = custos_document_new (CUSTOS_EDITION_2013);
  g_autoptr(CustosHistory) history = NULL;
  CustosRecord *risk = custos_document_add_new (doc, CUSTOS_REGISTER_RISKS);
  GDate migration_day = custos_test_date ("2026-12-01");
  const char *controls[] = { "A.12.3.1", NULL };
  g_autoptr(GPtrArray) plan = NULL;

  custos_risk_set_controls (CUSTOS_RISK (risk), controls);
  history = custos_history_new (doc);
  plan = custos_document_plan_migration (doc, NULL);

  custos_history_begin_group (history);
  custos_document_apply_migration (doc, plan, &migration_day);
  custos_history_end_group (history);
  ck_assert_int_eq (custos_document_get_edition (doc), CUSTOS_EDITION_2022);
  ck_assert_str_eq (custos_risk_get_controls (CUSTOS_RISK (risk))[0], "8.13");

  /* One undo takes the whole migration back. */
  ck_assert (custos_history_undo (history));
  ck_assert (!custos_history_can_undo (history));
  ck_assert_int_eq (custos_document_get_edition (doc), CUSTOS_EDITION_2013);
  ck_assert_uint_eq (custos_document_count (doc, CUSTOS_REGISTER_SOA), 114);
  ck_assert_str_eq (custos_risk_get_controls (CUSTOS_RISK (risk))[0], "A.12.3.1");
  ck_assert (custos_history_redo (history));
  ck_assert_uint_eq (custos_document_count (doc, CUSTOS_REGISTER_SOA), 93);
}
END_TEST

START_TEST (test_history_outlived_by_document)
{
  CustosDocument *doc = custos_document_new (CUSTOS_EDITION_2022);
  CustosHistory *history = custos_history_new (doc);

  custos_document_add_new (doc, CUSTOS_REGISTER_ROLES);
  custos_assert_finalized (doc);
  ck_assert (!custos_history_undo (history));
  custos_assert_finalized (history);
}
END_TEST

/* A removal also clears references to the record; one undo restores both. */
START_TEST (test_remove_is_one_step)
{
  g_autoptr(CustosDocument) doc = custos_document_new (CUSTOS_EDITION_2022);
  CustosRecord *asset = custos_document_add_new (doc, CUSTOS_REGISTER_ASSETS);
  CustosRecord *risk = custos_document_add_new (doc, CUSTOS_REGISTER_RISKS);
  const char *assets[] = { "A-001", NULL };
  g_autoptr(CustosHistory) history = NULL;

  custos_risk_set_assets (CUSTOS_RISK (risk), assets);
  history = custos_history_new (doc);
  custos_document_remove (doc, CUSTOS_REGISTER_ASSETS, asset);
  ck_assert_ptr_null (custos_risk_get_assets (CUSTOS_RISK (risk)));
  ck_assert (custos_history_undo (history));
  ck_assert (!custos_history_can_undo (history));
  ck_assert_str_eq (custos_risk_get_assets (CUSTOS_RISK (risk))[0], "A-001");
  ck_assert_int_eq (custos_document_find (doc, CUSTOS_REGISTER_ASSETS, asset), 0);
}
END_TEST

/* Typing joins edits of one field of one record; an edit of another field, or
 * of the same field of another record, right after it is a step of its own. */
/* A joined group undoes with the edit before it, but never with the step
 * the saved state ends at. */
START_TEST (test_join_last_step)
{
  g_autoptr(CustosDocument) doc = custos_document_new (CUSTOS_EDITION_2022);
  CustosRecord *org = custos_document_get_section (doc, CUSTOS_SECTION_ORGANISATION);
  CustosRecord *a = custos_document_add_new (doc, CUSTOS_REGISTER_ASSETS);
  g_autoptr(CustosHistory) history = custos_history_new (doc);

  custos_organisation_set_name (CUSTOS_ORGANISATION (org), "Northwind");
  custos_asset_set_name (CUSTOS_ASSET (a), "Laptop");
  custos_history_begin_join (history);
  custos_organisation_set_sector (CUSTOS_ORGANISATION (org), "Accountancy");
  custos_history_end_group (history);
  ck_assert (custos_history_undo (history));
  ck_assert_ptr_null (custos_asset_get_name (CUSTOS_ASSET (a)));
  ck_assert_ptr_null (custos_organisation_get_sector (CUSTOS_ORGANISATION (org)));
  ck_assert_str_eq (custos_organisation_get_name (CUSTOS_ORGANISATION (org)), "Northwind");
  ck_assert (custos_history_redo (history));
  ck_assert_str_eq (custos_asset_get_name (CUSTOS_ASSET (a)), "Laptop");
  ck_assert_str_eq (custos_organisation_get_sector (CUSTOS_ORGANISATION (org)), "Accountancy");

  /* Saved here: a join opens a step of its own, so undo comes back here. */
  custos_document_set_modified (doc, FALSE);
  custos_history_begin_join (history);
  custos_organisation_set_sector (CUSTOS_ORGANISATION (org), "Payroll");
  custos_history_end_group (history);
  ck_assert (custos_history_undo (history));
  ck_assert_str_eq (custos_organisation_get_sector (CUSTOS_ORGANISATION (org)), "Accountancy");
  ck_assert_str_eq (custos_asset_get_name (CUSTOS_ASSET (a)), "Laptop");
  ck_assert (!custos_document_get_modified (doc));
}
END_TEST

START_TEST (test_other_field_is_another_step)
{
  g_autoptr(CustosDocument) doc = custos_document_new (CUSTOS_EDITION_2022);
  CustosRecord *org = custos_document_get_section (doc, CUSTOS_SECTION_ORGANISATION);
  CustosRecord *a = custos_document_add_new (doc, CUSTOS_REGISTER_ASSETS);
  CustosRecord *b = custos_document_add_new (doc, CUSTOS_REGISTER_ASSETS);
  g_autoptr(CustosHistory) history = custos_history_new (doc);

  custos_organisation_set_name (CUSTOS_ORGANISATION (org), "Northwind");
  custos_organisation_set_sector (CUSTOS_ORGANISATION (org), "Accountancy");
  custos_asset_set_name (CUSTOS_ASSET (a), "Laptop");
  custos_asset_set_name (CUSTOS_ASSET (b), "Server");

  ck_assert (custos_history_undo (history));
  ck_assert_ptr_null (custos_asset_get_name (CUSTOS_ASSET (b)));
  ck_assert_str_eq (custos_asset_get_name (CUSTOS_ASSET (a)), "Laptop");
  ck_assert (custos_history_undo (history));
  ck_assert_ptr_null (custos_asset_get_name (CUSTOS_ASSET (a)));
  ck_assert_str_eq (custos_organisation_get_sector (CUSTOS_ORGANISATION (org)), "Accountancy");
  ck_assert (custos_history_undo (history));
  ck_assert_ptr_null (custos_organisation_get_sector (CUSTOS_ORGANISATION (org)));
  ck_assert_str_eq (custos_organisation_get_name (CUSTOS_ORGANISATION (org)), "Northwind");
  ck_assert (custos_history_undo (history));
  ck_assert_ptr_null (custos_organisation_get_name (CUSTOS_ORGANISATION (org)));
  ck_assert (!custos_history_can_undo (history));

  /* And each comes back on its own. */
  ck_assert (custos_history_redo (history));
  ck_assert_str_eq (custos_organisation_get_name (CUSTOS_ORGANISATION (org)), "Northwind");
  ck_assert_ptr_null (custos_organisation_get_sector (CUSTOS_ORGANISATION (org)));
  ck_assert (custos_history_redo (history));
  ck_assert (custos_history_redo (history));
  ck_assert_str_eq (custos_asset_get_name (CUSTOS_ASSET (a)), "Laptop");
  ck_assert_ptr_null (custos_asset_get_name (CUSTOS_ASSET (b)));
}
END_TEST

/* A removed record that is freed must not lend its last values to a record
 * that the allocator later places at the same address: the history keeps
 * what it knows of a record by a reference to that record, and forgets it
 * when the record leaves the document. The allocator usually hands the freed
 * block to the next record of the same size at once; under AddressSanitizer's
 * quarantine it does not, and the test then checks the same thing without
 * the coincidence. */
START_TEST (test_freed_record_is_forgotten)
{
  g_autoptr(CustosDocument) doc = custos_document_new (CUSTOS_EDITION_2022);
  g_autoptr(CustosHistory) history = custos_history_new (doc);
  g_autoptr(GPtrArray) candidates = g_ptr_array_new_with_free_func (g_object_unref);
  CustosRecord *risk = custos_document_add_new (doc, CUSTOS_REGISTER_RISKS);
  CustosRecord *asset = NULL;
  gconstpointer old_address = risk;

  custos_risk_set_title (CUSTOS_RISK (risk), "Old risk");
  custos_risk_set_assets (CUSTOS_RISK (risk), (const char * const[]) { "A-001", NULL });
  custos_document_remove (doc, CUSTOS_REGISTER_RISKS, risk);
  custos_history_clear (history);
  /* Nothing holds the risk any more. */

  for (guint i = 0; i < 64 && asset == NULL; i++)
    {
      g_autofree char *id = g_strdup_printf ("A-%03u", i + 1);
      CustosRecord *candidate = custos_record_new (custos_kinds_register (CUSTOS_REGISTER_ASSETS), id);

      if ((gconstpointer) candidate == old_address)
        asset = candidate;
      g_ptr_array_add (candidates, candidate);
    }
  if (asset == NULL)
    asset = candidates->pdata[0];

  /* Appended in bulk, as the reader and an import do. */
  custos_document_append_all (doc, CUSTOS_REGISTER_ASSETS, &asset, 1);
  custos_asset_set_name (CUSTOS_ASSET (asset), "New asset");
  custos_asset_set_asset_type (CUSTOS_ASSET (asset), CUSTOS_ASSET_TYPE_HARDWARE);
  while (custos_history_undo (history))
    ;
  ck_assert_int_ne (g_strcmp0 (custos_asset_get_name (CUSTOS_ASSET (asset)), "Old risk"), 0);
  ck_assert_int_eq (custos_document_find (doc, CUSTOS_REGISTER_ASSETS, asset), 0);
}
END_TEST

static Suite *
history_suite (void)
{
  Suite *s = suite_create ("history");
  TCase *tc = tcase_create ("undo-redo");

  tcase_add_test (tc, test_typing_is_one_step);
  tcase_add_test (tc, test_add_and_remove);
  tcase_add_test (tc, test_to_review_undo);
  tcase_add_test (tc, test_group_and_criteria);
  tcase_add_test (tc, test_migration_undo);
  tcase_add_test (tc, test_history_outlived_by_document);
  tcase_add_test (tc, test_remove_is_one_step);
  tcase_add_test (tc, test_other_field_is_another_step);
  tcase_add_test (tc, test_join_last_step);
  tcase_add_test (tc, test_freed_record_is_forgotten);
  suite_add_tcase (s, tc);
  return s;
}

int
main (void)
{
  return custos_test_run_suite (history_suite ());
}
