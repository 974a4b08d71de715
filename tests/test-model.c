/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-model.c — records, documents, criteria and derived values */
#include "config.h"

#include <locale.h>
#include <math.h>

#include "custos-clock.h"
#include "custos-document.h"
#include "custos-enums.h"
#include "custos-escape.h"
#include "custos-test-util.h"

/* Connected swapped: the counter comes first, the signal's arguments are ignored. */
static void
increment (int *counter)
{
  (*counter)++;
}

static int
count_notify (GObject    *object,
              const char *property,
              void      (*edit) (GObject *))
{
  int count = 0;
  g_autofree char *signal = g_strdup_printf ("notify::%s", property);
  gulong id = g_signal_connect_swapped (object, signal, G_CALLBACK (increment), &count);

  edit (object);
  g_signal_handler_disconnect (object, id);
  return count;
}

static void
set_title_once (GObject *risk)
{
  custos_risk_set_title (CUSTOS_RISK (CUSTOS_RECORD (risk)), "Ransomware on the file server");
}

START_TEST (test_new_document_soa)
{
  g_autoptr(CustosDocument) doc22 = custos_document_new (CUSTOS_EDITION_2022);
  g_autoptr(CustosDocument) doc13 = custos_document_new (CUSTOS_EDITION_2013);
  CustosCatalogue *cat = custos_document_get_catalogue (doc22);
  GListModel *soa = custos_document_get_register (doc22, CUSTOS_REGISTER_SOA);

  ck_assert_uint_eq (custos_document_count (doc22, CUSTOS_REGISTER_SOA), 93);
  ck_assert_uint_eq (custos_document_count (doc13, CUSTOS_REGISTER_SOA), 114);
  for (guint i = 0; i < 93; i++)
    {
      g_autoptr(CustosRecord) entry = g_list_model_get_item (soa, i);
      ck_assert_str_eq (custos_record_get_id (entry), custos_catalogue_get_control (cat, i)->id);
      ck_assert_int_eq (custos_soa_entry_get_applicable (CUSTOS_SOA_ENTRY (entry)),
                        CUSTOS_APPLICABILITY_UNDECIDED);
    }
  ck_assert (!custos_document_get_modified (doc22));
  ck_assert_uint_eq (custos_document_count (doc22, CUSTOS_REGISTER_RISKS), 0);
  ck_assert_str_eq (custos_document_get_control_title (doc22, "5.15"), "Access control");
  ck_assert_ptr_null (custos_document_get_control_title (doc22, "A.9.1.1"));
}
END_TEST

START_TEST (test_default_criteria)
{
  g_autoptr(CustosDocument) doc = custos_document_new (CUSTOS_EDITION_2022);
  CustosCriteria *criteria = custos_document_get_criteria (doc);
  g_autofree char *message = NULL;

  ck_assert (custos_criteria_validate (criteria, &message));
  ck_assert_uint_eq (custos_criteria_get_n_levels (criteria, CUSTOS_SCALE_LIKELIHOOD), 5);
  ck_assert_uint_eq (custos_criteria_get_n_levels (criteria, CUSTOS_SCALE_CONSEQUENCE), 5);
  ck_assert_uint_eq (custos_criteria_get_n_bands (criteria), 4);
  ck_assert_int_eq (custos_criteria_max_score (criteria), 25);
  ck_assert_int_eq (custos_criteria_score (criteria, 4, 5), 20);
  ck_assert_int_eq (custos_criteria_band_index (criteria, 1), 0);
  ck_assert_int_eq (custos_criteria_band_index (criteria, 4), 0);
  ck_assert_int_eq (custos_criteria_band_index (criteria, 5), 1);
  ck_assert_int_eq (custos_criteria_band_index (criteria, 10), 2);
  ck_assert_int_eq (custos_criteria_band_index (criteria, 25), 3);
  ck_assert_int_eq (custos_criteria_band_index (criteria, 0), -1);
  ck_assert_int_eq (custos_criteria_acceptance_threshold (criteria), 10);
  for (guint i = 0; i < 4; i++)
    {
      const CustosBand *band = custos_criteria_get_band (criteria, i);
      ck_assert_ptr_nonnull (band->colour);
      ck_assert_ptr_nonnull (band->action);
      ck_assert_ptr_nonnull (band->accepted_by);
    }
}
END_TEST

/* The consequences of a new document are in the user's currency. */
START_TEST (test_default_criteria_currency)
{
  g_autofree char *saved = g_strdup (setlocale (LC_MONETARY, NULL));
  g_autoptr(CustosCriteria) criteria = NULL;
  const char *meaning;

  if (setlocale (LC_MONETARY, "de_DE.UTF-8") == NULL)
    return; /* no German locale on this machine */
  criteria = custos_criteria_new_default ();
  setlocale (LC_MONETARY, saved);
  meaning = custos_criteria_get_level (criteria, CUSTOS_SCALE_CONSEQUENCE, 2)->meaning;
  ck_assert_msg (strstr (meaning, "€") != NULL && strstr (meaning, "£") == NULL, "%s", meaning);
  ck_assert_msg (strstr (meaning, "1.000") != NULL, "%s", meaning);
}
END_TEST

START_TEST (test_risk_scores_and_bands)
{
  g_autoptr(CustosDocument) doc = custos_document_new (CUSTOS_EDITION_2022);
  CustosRecord *risk = custos_document_add_new (doc, CUSTOS_REGISTER_RISKS);

  ck_assert_int_eq (custos_document_risk_score (doc, risk, FALSE), 0);
  ck_assert_int_eq (custos_document_risk_band (doc, risk, FALSE), -1);

  custos_risk_set_likelihood (CUSTOS_RISK (risk), 4);
  custos_risk_set_consequence (CUSTOS_RISK (risk), 5);
  custos_risk_set_residual_likelihood (CUSTOS_RISK (risk), 2);
  custos_risk_set_residual_consequence (CUSTOS_RISK (risk), 2);
  ck_assert_int_eq (custos_document_risk_score (doc, risk, FALSE), 20);
  ck_assert_int_eq (custos_document_risk_band (doc, risk, FALSE), 3);
  ck_assert_int_eq (custos_document_risk_score (doc, risk, TRUE), 4);
  ck_assert_int_eq (custos_document_risk_band (doc, risk, TRUE), 0);

  /* Through GObject properties, as bindings see them. */
  g_object_set (risk, "likelihood", 3, "consequence", 3, NULL);
  ck_assert_int_eq (custos_document_risk_score (doc, risk, FALSE), 9);
  ck_assert_int_eq (custos_document_risk_band (doc, risk, FALSE), 1);
}
END_TEST

static CustosCriteria *
three_by_three_sum (void)
{
  CustosCriteria *criteria = custos_criteria_new ();
  const CustosLevel levels[] = { { "Low", "yearly" }, { "Medium", "monthly" }, { "High", "weekly" } };
  const CustosBand bands[] = {
    { "Green", "#00ff00", 2, 3, "Accept", "Yearly", TRUE, "Owner" },
    { "Amber", "#ffbf00", 4, 4, "Reduce", "6 months", TRUE, "Owner" },
    { "Red", "#ff0000", 5, 6, "Treat", "Now", FALSE, "Board" },
  };

  custos_criteria_set_scoring (criteria, CUSTOS_SCORING_SUM);
  custos_criteria_set_levels (criteria, CUSTOS_SCALE_LIKELIHOOD, levels, 3);
  custos_criteria_set_levels (criteria, CUSTOS_SCALE_CONSEQUENCE, levels, 3);
  custos_criteria_set_bands (criteria, bands, 3);
  return criteria;
}

START_TEST (test_custom_criteria)
{
  g_autoptr(CustosDocument) doc = custos_document_new (CUSTOS_EDITION_2022);
  g_autoptr(CustosCriteria) criteria = three_by_three_sum ();
  CustosRecord *risk = custos_document_add_new (doc, CUSTOS_REGISTER_RISKS);
  g_autofree char *message = NULL;
  int changes = 0;

  ck_assert (custos_criteria_validate (criteria, &message));
  custos_risk_set_likelihood (CUSTOS_RISK (risk), 3);
  custos_risk_set_consequence (CUSTOS_RISK (risk), 2);
  ck_assert_int_eq (custos_document_risk_score (doc, risk, FALSE), 6);
  ck_assert_int_eq (custos_document_risk_band (doc, risk, FALSE), 1);

  g_signal_connect_swapped (doc, "changed", G_CALLBACK (increment), &changes);
  ck_assert (custos_document_set_criteria (doc, criteria, NULL));
  ck_assert_int_eq (changes, 1);
  ck_assert_int_eq (custos_document_risk_score (doc, risk, FALSE), 5);
  ck_assert_int_eq (custos_document_risk_band (doc, risk, FALSE), 2);
  ck_assert_int_eq (custos_criteria_acceptance_threshold (custos_document_get_criteria (doc)), 5);

  /* The same criteria again is no change. */
  ck_assert (custos_document_set_criteria (doc, criteria, NULL));
  ck_assert_int_eq (changes, 1);
  /* The document keeps its own copy. */
  ck_assert_ptr_ne (custos_document_get_criteria (doc), criteria);
  ck_assert (custos_criteria_equal (custos_document_get_criteria (doc), criteria));
}
END_TEST

START_TEST (test_criteria_validation)
{
  g_autoptr(CustosCriteria) criteria = three_by_three_sum ();
  const CustosBand gap[] = {
    { "Green", "#00ff00", 2, 3, NULL, NULL, TRUE, NULL },
    { "Red", "#ff0000", 5, 6, NULL, NULL, FALSE, NULL },
  };
  const CustosBand short_bands[] = { { "Green", "#00ff00", 2, 5, NULL, NULL, TRUE, NULL } };
  const CustosBand bad_colour[] = { { "Green", "green", 2, 6, NULL, NULL, TRUE, NULL } };
  const CustosLevel two[] = { { "a", NULL }, { "b", NULL } };
  char *message = NULL;

  custos_criteria_set_bands (criteria, gap, 2);
  ck_assert (!custos_criteria_validate (criteria, &message));
  ck_assert_ptr_nonnull (strstr (message, "contiguous"));
  g_clear_pointer (&message, g_free);

  custos_criteria_set_bands (criteria, short_bands, 1);
  ck_assert (!custos_criteria_validate (criteria, &message));
  ck_assert_ptr_nonnull (strstr (message, "end at 5 but scores reach 6"));
  g_clear_pointer (&message, g_free);

  custos_criteria_set_bands (criteria, bad_colour, 1);
  ck_assert (!custos_criteria_validate (criteria, &message));
  ck_assert_ptr_nonnull (strstr (message, "colour"));
  g_clear_pointer (&message, g_free);

  custos_criteria_set_levels (criteria, CUSTOS_SCALE_LIKELIHOOD, two, 2);
  ck_assert (!custos_criteria_validate (criteria, &message));
  ck_assert_ptr_nonnull (strstr (message, "3 to 6"));
  g_free (message);
}
END_TEST

START_TEST (test_selecting_risks)
{
  g_autoptr(CustosDocument) doc = custos_document_new (CUSTOS_EDITION_2022);
  CustosRecord *r1 = custos_document_add_new (doc, CUSTOS_REGISTER_RISKS);
  CustosRecord *r2 = custos_document_add_new (doc, CUSTOS_REGISTER_RISKS);
  const char *c1[] = { "5.15", "8.5", "5.15", NULL };
  const char *c2[] = { "8.5", NULL };
  const char *c3[] = { "8.7", NULL };
  g_autoptr(GPtrArray) a = NULL;
  g_autoptr(GPtrArray) b = NULL;
  g_autoptr(GPtrArray) c = NULL;
  g_autoptr(GPtrArray) d = NULL;

  custos_risk_set_controls (CUSTOS_RISK (r1), c1);
  custos_risk_set_controls (CUSTOS_RISK (r2), c2);

  a = custos_document_get_selecting_risks (doc, "5.15");
  ck_assert_uint_eq (a->len, 1);
  ck_assert_ptr_eq (a->pdata[0], r1);
  b = custos_document_get_selecting_risks (doc, "8.5");
  ck_assert_uint_eq (b->len, 2);
  ck_assert_ptr_eq (b->pdata[0], r1);
  ck_assert_ptr_eq (b->pdata[1], r2);

  /* Derived, never typed twice: an edit of a risk moves the link. */
  custos_risk_set_controls (CUSTOS_RISK (r2), c3);
  c = custos_document_get_selecting_risks (doc, "8.5");
  ck_assert_uint_eq (c->len, 1);
  custos_document_remove (doc, CUSTOS_REGISTER_RISKS, r1);
  d = custos_document_get_selecting_risks (doc, "5.15");
  ck_assert_uint_eq (d->len, 0);
}
END_TEST

START_TEST (test_notifications)
{
  g_autoptr(CustosDocument) doc = custos_document_new (CUSTOS_EDITION_2022);
  CustosRecord *risk = custos_document_add_new (doc, CUSTOS_REGISTER_RISKS);
  int changed = 0;

  custos_document_set_modified (doc, FALSE);
  g_signal_connect_swapped (doc, "changed", G_CALLBACK (increment), &changed);

  ck_assert_int_eq (count_notify (G_OBJECT (risk), "title", set_title_once), 1);
  /* Setting the same value again notifies nothing. */
  ck_assert_int_eq (count_notify (G_OBJECT (risk), "title", set_title_once), 0);
  ck_assert_int_eq (changed, 1);
  ck_assert (custos_document_get_modified (doc));

  /* Sections are watched too. */
  custos_scope_set_statement (custos_document_get_scope (doc), "All of it");
  ck_assert_int_eq (changed, 2);

  /* An empty string is stored as unset. */
  custos_risk_set_threat (CUSTOS_RISK (risk), "");
  ck_assert_ptr_null (custos_risk_get_threat (CUSTOS_RISK (risk)));
  ck_assert_int_eq (changed, 2);
}
END_TEST

typedef struct { guint position, removed, added, calls; } ItemsChanged;

static void
on_items_changed (GListModel   *model,
                  guint         position,
                  guint         removed,
                  guint         added,
                  ItemsChanged *ic)
{
  ic->position = position;
  ic->removed = removed;
  ic->added = added;
  ic->calls++;
}

START_TEST (test_register_ids_and_ranges)
{
  g_autoptr(CustosDocument) doc = custos_document_new (CUSTOS_EDITION_2022);
  GListModel *assets = custos_document_get_register (doc, CUSTOS_REGISTER_ASSETS);
  ItemsChanged ic = { 0 };
  CustosRecord *a1, *a2, *a3;
  g_autofree char *next = NULL;

  g_signal_connect (assets, "items-changed", G_CALLBACK (on_items_changed), &ic);
  a1 = custos_document_add_new (doc, CUSTOS_REGISTER_ASSETS);
  ck_assert_uint_eq (ic.calls, 1);
  ck_assert_uint_eq (ic.position, 0);
  ck_assert_uint_eq (ic.added, 1);
  a2 = custos_document_add_new (doc, CUSTOS_REGISTER_ASSETS);
  a3 = custos_document_add_new (doc, CUSTOS_REGISTER_ASSETS);
  ck_assert_uint_eq (ic.position, 2);
  ck_assert_str_eq (custos_record_get_id (a1), "A-001");
  ck_assert_str_eq (custos_record_get_id (a3), "A-003");
  ck_assert_ptr_eq (custos_document_lookup (doc, CUSTOS_REGISTER_ASSETS, "A-002"), a2);

  custos_document_remove (doc, CUSTOS_REGISTER_ASSETS, a2);
  ck_assert_uint_eq (ic.position, 1);
  ck_assert_uint_eq (ic.removed, 1);
  ck_assert_uint_eq (ic.added, 0);
  ck_assert_ptr_null (custos_document_lookup (doc, CUSTOS_REGISTER_ASSETS, "A-002"));
  ck_assert_int_eq (custos_document_find (doc, CUSTOS_REGISTER_ASSETS, a3), 1);

  /* Ids are never reused while a higher one exists. */
  next = custos_document_next_id (doc, CUSTOS_REGISTER_ASSETS);
  ck_assert_str_eq (next, "A-004");

  /* A renamed id is found under its new name. */
  custos_record_set_id (a3, "A-100");
  ck_assert_ptr_eq (custos_document_lookup (doc, CUSTOS_REGISTER_ASSETS, "A-100"), a3);
  g_signal_handlers_disconnect_by_func (assets, on_items_changed, &ic);
}
END_TEST

START_TEST (test_no_leaked_references)
{
  CustosDocument *doc = custos_document_new (CUSTOS_EDITION_2022);
  CustosRecord *risk = g_object_ref (custos_document_add_new (doc, CUSTOS_REGISTER_RISKS));
  CustosRecord *kept = g_object_ref (custos_document_add_new (doc, CUSTOS_REGISTER_ASSETS));
  const char *controls[] = { "5.1", NULL };
  g_autoptr(GPtrArray) sel = NULL;

  custos_risk_set_controls (CUSTOS_RISK (risk), controls);
  sel = custos_document_get_selecting_risks (doc, "5.1");
  g_clear_pointer (&sel, g_ptr_array_unref);

  custos_document_remove (doc, CUSTOS_REGISTER_RISKS, risk);
  custos_assert_finalized (risk);
  custos_assert_finalized (doc);
  /* A record outliving its document is no longer watched, and still works. */
  custos_asset_set_name (CUSTOS_ASSET (kept), "Laptop");
  custos_assert_finalized (kept);
}
END_TEST

START_TEST (test_duplicate_record)
{
  g_autoptr(CustosDocument) doc = custos_document_new (CUSTOS_EDITION_2022);
  CustosRecord *risk = custos_document_add_new (doc, CUSTOS_REGISTER_RISKS);
  const char *assets[] = { "A-001", "A-002", NULL };
  g_autoptr(CustosRecord) copy = NULL;

  custos_risk_set_title (CUSTOS_RISK (risk), "Phishing");
  custos_risk_set_assets (CUSTOS_RISK (risk), assets);
  custos_risk_set_treatment (CUSTOS_RISK (risk), CUSTOS_TREATMENT_TRANSFER);
  copy = custos_record_duplicate (risk, "R-999");
  ck_assert_str_eq (custos_record_get_id (copy), "R-999");
  ck_assert_str_eq (custos_record_get_title (copy), "Phishing");
  ck_assert_str_eq (custos_risk_get_assets (CUSTOS_RISK (copy))[1], "A-002");
  ck_assert_int_eq (custos_risk_get_treatment (CUSTOS_RISK (copy)), CUSTOS_TREATMENT_TRANSFER);
  /* Deep copy: editing the copy leaves the original alone. */
  custos_risk_set_title (CUSTOS_RISK (copy), "Vishing");
  ck_assert_str_eq (custos_record_get_title (risk), "Phishing");
}
END_TEST

START_TEST (test_field_text_forms)
{
  const CustosKind *risk = custos_kinds_register (CUSTOS_REGISTER_RISKS);
  const CustosKind *soa = custos_kinds_register (CUSTOS_REGISTER_SOA);
  const CustosKind *measure = custos_kinds_register (CUSTOS_REGISTER_MEASURES);
  const CustosKind *review = custos_kinds_section (CUSTOS_SECTION_REASSESSMENT);
  g_auto(GValue) v = G_VALUE_INIT;
  char *message = NULL;
  g_autofree char *text = NULL;

  ck_assert (!custos_field_from_text (custos_kind_find_field (risk, "likelihood", NULL), "7", &v, &message));
  ck_assert_str_eq (message, "likelihood 7 is out of range (1 to 6)");
  g_clear_pointer (&message, g_free);
  g_value_unset (&v);

  ck_assert (!custos_field_from_text (custos_kind_find_field (risk, "treatment", NULL), "ignore", &v, &message));
  ck_assert_ptr_nonnull (strstr (message, "one of undecided, avoid, remove-source"));
  g_clear_pointer (&message, g_free);
  g_value_unset (&v);

  ck_assert (!custos_field_from_text (custos_kind_find_field (risk, "next-review", NULL), "2026-02-30", &v, &message));
  ck_assert_ptr_nonnull (strstr (message, "not a valid date"));
  g_clear_pointer (&message, g_free);
  g_value_unset (&v);

  ck_assert (custos_field_from_text (custos_kind_find_field (soa, "reasons", NULL), "legal risk-treatment", &v, &message));
  text = custos_field_to_text (custos_kind_find_field (soa, "reasons", NULL), &v, " ");
  ck_assert_str_eq (text, "risk-treatment legal");
  g_value_unset (&v);
  g_clear_pointer (&text, g_free);

  ck_assert (custos_field_from_text (custos_kind_find_field (measure, "target", NULL), "99.5", &v, &message));
  ck_assert (fabs (g_value_get_double (&v) - 99.5) < 1e-9);
  text = custos_field_to_text (custos_kind_find_field (measure, "target", NULL), &v, " ");
  ck_assert_str_eq (text, "99.5");
  g_value_unset (&v);
  g_clear_pointer (&text, g_free);

  ck_assert (custos_field_from_text (custos_kind_find_field (review, "triggers", NULL), "New office\nNew supplier", &v, &message));
  ck_assert_uint_eq (g_strv_length (g_value_get_boxed (&v)), 2);

}
END_TEST

/* The one date parser: exactly YYYY-MM-DD, a real day of the calendar. */
START_TEST (test_date_parse)
{
  static const char * const invalid[] = {
    "", "2023-02-29", "2100-02-29", "2026-02-30", "2026-04-31", "2026-13-01", "2026-00-10", "2026-01-00",
    "0000-01-01", "2026-1-05", "2026-01-5", "26-01-05", "02026-01-05", "2026/01/05", "20260105",
    "2026-01-05x", "2026-01-05 ", "2026-01-05T10:00", " 2026-01-05", "2026 -01-05", "2026-01- 5",
    "+2026-01-05", "-2026-01-05", "2026-+1-05", "2026-01--5", "2026-0x-05", "٢٠٢٦-01-05",
  };
  char iso[CUSTOS_DATE_ISO_SIZE];
  GDate date;

  ck_assert (custos_date_parse ("2024-02-29", &date));
  ck_assert_uint_eq (g_date_get_year (&date), 2024);
  ck_assert_uint_eq (g_date_get_month (&date), 2);
  ck_assert_uint_eq (g_date_get_day (&date), 29);
  ck_assert (custos_date_parse ("2000-02-29", &date));
  ck_assert (custos_date_parse ("0001-01-01", &date));
  ck_assert (custos_date_parse ("9999-12-31", &date));
  custos_date_format_iso (&date, iso);
  ck_assert_str_eq (iso, "9999-12-31");
  ck_assert (custos_date_parse ("2026-03-07", &date));
  custos_date_format_iso (&date, iso);
  ck_assert_str_eq (iso, "2026-03-07");

  for (guint i = 0; i < G_N_ELEMENTS (invalid); i++)
    {
      ck_assert_msg (!custos_date_parse (invalid[i], &date), "“%s” parsed", invalid[i]);
      ck_assert_msg (!g_date_valid (&date), "“%s” left a date behind", invalid[i]);
      ck_assert (!custos_date_is_valid (invalid[i]));
    }
  ck_assert (!custos_date_parse (NULL, &date));
  ck_assert (!custos_date_is_valid (NULL));
  ck_assert (custos_date_is_valid ("2024-02-29"));
}
END_TEST

/* What "today" is: a pinned date, CUSTOS_TODAY, or the local date. */
START_TEST (test_clock)
{
  g_autoptr(CustosClock) system = custos_clock_new_system ();
  g_autoptr(CustosClock) pinned = NULL;
  g_autoptr(CustosClock) fixed = NULL;
  g_autoptr(GError) error = NULL;
  CustosClock *watched = NULL;
  char iso[CUSTOS_DATE_ISO_SIZE];
  int notified = 0, moved = 0;
  GDate date, local;

  custos_clock_get_local_date (&local);
  ck_assert_int_eq (g_date_compare (custos_clock_get_today (system), &local), 0);
  custos_clock_refresh (system);
  ck_assert_int_eq (g_date_compare (custos_clock_get_today (system), &local), 0);

  g_setenv ("CUSTOS_TODAY", "2030-01-02", TRUE);
  pinned = custos_clock_new_from_environment (&error);
  ck_assert_ptr_nonnull (pinned);
  custos_clock_get_today_iso (pinned, iso);
  ck_assert_str_eq (iso, "2030-01-02");
  g_setenv ("CUSTOS_TODAY", "2030-02-30", TRUE);
  ck_assert_ptr_null (custos_clock_new_from_environment (&error));
  ck_assert (g_error_matches (error, CUSTOS_CLOCK_ERROR, CUSTOS_CLOCK_ERROR_INVALID_DATE));
  ck_assert_ptr_nonnull (strstr (error->message, "CUSTOS_TODAY"));
  g_clear_error (&error);
  g_unsetenv ("CUSTOS_TODAY");
  g_clear_object (&pinned);
  pinned = custos_clock_new_from_environment (&error);
  ck_assert_int_eq (g_date_compare (custos_clock_get_today (pinned), &local), 0);

  /* A pinned clock moves only when told, and says so once per move. */
  ck_assert (custos_date_parse ("2026-02-28", &date));
  fixed = custos_clock_new_fixed (&date);
  g_signal_connect_swapped (fixed, "notify::today", G_CALLBACK (increment), &notified);
  custos_clock_refresh (fixed);
  custos_clock_set_today (fixed, &date);
  ck_assert_int_eq (notified, 0);
  g_date_add_days (&date, 1);
  custos_clock_set_today (fixed, &date);
  ck_assert_int_eq (notified, 1);
  custos_clock_get_today_iso (fixed, iso);
  ck_assert_str_eq (iso, "2026-03-01");

  /* Following a clock: its moves reach the follower until it lets go. */
  ck_assert (custos_clock_watch (&watched, fixed, G_CALLBACK (increment), &moved));
  ck_assert (!custos_clock_watch (&watched, fixed, G_CALLBACK (increment), &moved));
  g_date_add_days (&date, 1);
  custos_clock_set_today (fixed, &date);
  ck_assert_int_eq (moved, 1);
  ck_assert (custos_clock_watch (&watched, NULL, G_CALLBACK (increment), &moved));
  ck_assert_ptr_nonnull (watched);
  ck_assert_ptr_ne (watched, fixed);
  g_date_add_days (&date, 1);
  custos_clock_set_today (fixed, &date);
  ck_assert_int_eq (moved, 1);
  custos_clock_unwatch (&watched, &moved);
  ck_assert_ptr_null (watched);
}
END_TEST

START_TEST (test_kinds_complete)
{
  /* Every register has a title field, an id prefix (but the SoA), and a unique element name. */
  g_autoptr(GHashTable) names = g_hash_table_new (g_str_hash, g_str_equal);

  for (guint r = 0; r < CUSTOS_N_REGISTERS; r++)
    {
      const CustosKind *kind = custos_kinds_register (r);
      gboolean has_title = FALSE;

      for (guint f = 0; f < kind->n_fields; f++)
        has_title |= (kind->fields[f].flags & CUSTOS_FIELD_FLAG_TITLE) != 0;
      ck_assert_msg (has_title || r == CUSTOS_REGISTER_SOA, "%s has no title field", kind->name);
      ck_assert_msg ((kind->id_prefix != NULL) == (r != CUSTOS_REGISTER_SOA), "%s id prefix", kind->name);
      ck_assert (!g_hash_table_contains (names, kind->name));
      g_hash_table_add (names, (gpointer) kind->name);
      ck_assert_ptr_eq (custos_kinds_lookup (kind->register_name), kind);
      ck_assert_int_eq (custos_kinds_register_index (kind), (int) r);
    }
}
END_TEST

/* Whatever the user does, the document stays one that saves and loads. */
START_TEST (test_no_dangling_references)
{
  g_autoptr(CustosDocument) doc = custos_document_new (CUSTOS_EDITION_2022);
  CustosRecord *a1 = custos_document_add_new (doc, CUSTOS_REGISTER_ASSETS);
  CustosRecord *a2 = custos_document_add_new (doc, CUSTOS_REGISTER_ASSETS);
  CustosRecord *role = custos_document_add_new (doc, CUSTOS_REGISTER_ROLES);
  CustosRecord *risk = custos_document_add_new (doc, CUSTOS_REGISTER_RISKS);
  const char *assets[] = { "A-001", "A-002", NULL };

  custos_risk_set_assets (CUSTOS_RISK (risk), assets);
  custos_risk_set_owner (CUSTOS_RISK (risk), custos_record_get_id (role));
  custos_asset_set_owner (CUSTOS_ASSET (a2), custos_record_get_id (role));

  custos_document_remove (doc, CUSTOS_REGISTER_ASSETS, a1);
  ck_assert_uint_eq (g_strv_length ((char **) custos_risk_get_assets (CUSTOS_RISK (risk))), 1);
  ck_assert_str_eq (custos_risk_get_assets (CUSTOS_RISK (risk))[0], "A-002");
  custos_document_remove (doc, CUSTOS_REGISTER_ROLES, role);
  ck_assert_ptr_null (custos_risk_get_owner (CUSTOS_RISK (risk)));
  ck_assert_ptr_null (custos_asset_get_owner (CUSTOS_ASSET (a2)));
}
END_TEST

START_TEST (test_criteria_guarded)
{
  g_autoptr(CustosDocument) doc = custos_document_new (CUSTOS_EDITION_2022);
  g_autoptr(CustosCriteria) criteria = three_by_three_sum ();
  g_autoptr(CustosCriteria) broken = custos_criteria_new ();
  CustosRecord *risk = custos_document_add_new (doc, CUSTOS_REGISTER_RISKS);
  g_autofree char *message = NULL;

  ck_assert (!custos_document_set_criteria (doc, broken, &message));
  ck_assert_ptr_nonnull (message);
  ck_assert_uint_eq (custos_criteria_get_n_levels (custos_document_get_criteria (doc), CUSTOS_SCALE_LIKELIHOOD), 5);

  /* A level beyond a shrunken scale moves to its top level. */
  custos_risk_set_likelihood (CUSTOS_RISK (risk), 5);
  custos_risk_set_consequence (CUSTOS_RISK (risk), 2);
  custos_risk_set_residual_likelihood (CUSTOS_RISK (risk), 4);
  ck_assert (custos_document_set_criteria (doc, criteria, NULL));
  ck_assert_int_eq (custos_risk_get_likelihood (CUSTOS_RISK (risk)), 3);
  ck_assert_int_eq (custos_risk_get_consequence (CUSTOS_RISK (risk)), 2);
  ck_assert_int_eq (custos_risk_get_residual_likelihood (CUSTOS_RISK (risk)), 3);
}
END_TEST

/* Text from a file quoted in a message: controls and bidi formatting
 * characters are written out, everything else is left as it is. */
START_TEST (test_escape_unsafe)
{
  static const struct { const char *text; const char *shown; } cases[] = {
    { "R-001", "R-001" },
    { "R\t001", "R\\t001" },
    { "line\nbreak\r", "line\\nbreak\\r" },
    { "a\x7F" "b", "a\\u007Fb" },
    { "a\xC2\x85" "b", "a\\u0085b" },               /* C1: NEXT LINE */
    { "abc\xE2\x80\xAE" "def", "abc\\u202Edef" },   /* RIGHT-TO-LEFT OVERRIDE */
    { "\xE2\x81\xA6x\xE2\x81\xA9", "\\u2066x\\u2069" },
    { "\xE2\x80\x8E\xE2\x80\x8F\xD8\x9C", "\\u200E\\u200F\\u061C" },
    { "bad \xFF byte", "bad \\xFF byte" },
    { "Ελληνικά — 日本語, C:\\path", "Ελληνικά — 日本語, C:\\path" },
    { "\xE2\x80\x8D", "\xE2\x80\x8D" },             /* a joiner is not a control */
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *shown = custos_escape_unsafe (cases[i].text);

      ck_assert_str_eq (shown, cases[i].shown);
      ck_assert (custos_text_has_unsafe (cases[i].text) == !g_str_equal (cases[i].text, cases[i].shown));
    }
  ck_assert_ptr_null (custos_escape_unsafe (NULL));
  ck_assert (custos_unichar_is_unsafe (0x202E));
  ck_assert (!custos_unichar_is_unsafe (0x202F));
  ck_assert (!custos_unichar_is_unsafe (0xA0));
}
END_TEST

static Suite *
model_suite (void)
{
  Suite *s = suite_create ("model");
  TCase *tc = tcase_create ("core");

  tcase_add_test (tc, test_new_document_soa);
  tcase_add_test (tc, test_default_criteria);
  tcase_add_test (tc, test_default_criteria_currency);
  tcase_add_test (tc, test_risk_scores_and_bands);
  tcase_add_test (tc, test_custom_criteria);
  tcase_add_test (tc, test_criteria_validation);
  tcase_add_test (tc, test_selecting_risks);
  tcase_add_test (tc, test_notifications);
  tcase_add_test (tc, test_register_ids_and_ranges);
  tcase_add_test (tc, test_no_leaked_references);
  tcase_add_test (tc, test_duplicate_record);
  tcase_add_test (tc, test_field_text_forms);
  tcase_add_test (tc, test_date_parse);
  tcase_add_test (tc, test_clock);
  tcase_add_test (tc, test_kinds_complete);
  tcase_add_test (tc, test_no_dangling_references);
  tcase_add_test (tc, test_criteria_guarded);
  tcase_add_test (tc, test_escape_unsafe);
  suite_add_tcase (s, tc);
  return s;
}

int
main (void)
{
  return custos_test_run_suite (model_suite ());
}
