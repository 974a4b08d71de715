/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-catalogue.c — the Annex A catalogues and the 2013 -> 2022 mapping
 *
 * Counts and attribute totals are the published ones; every control is also
 * compared with the reference lists, read at test time from the directory in
 * $CUSTOS_REFERENCE_DIR, or else $CUSTOS_SOURCE_ROOT/data/reference.
 */

#include <stdlib.h>
#include <string.h>

#include <check.h>
#include <glib.h>

#include "custos-catalogue.h"

/* Reference lists -------------------------------------------------------- */

static char *
reference_path (const char *name)
{
  const char *dir = g_getenv ("CUSTOS_REFERENCE_DIR");
  const char *root;

  if (dir != NULL && *dir != '\0')
    return g_build_filename (dir, name, NULL);

  root = g_getenv ("CUSTOS_SOURCE_ROOT");
  if (root != NULL && *root != '\0')
    return g_build_filename (root, "data", "reference", name, NULL);

  ck_abort_msg ("Set CUSTOS_REFERENCE_DIR (or CUSTOS_SOURCE_ROOT) to find %s", name);
  return NULL;
}

/* Returns the data rows of a reference TSV (header and comments skipped),
 * each a NULL-terminated array of exactly n_columns cells. */
static GPtrArray *
read_reference (const char *name,
                guint       n_columns)
{
  g_autofree char *path = reference_path (name);
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) lines = NULL;
  GPtrArray *rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  gboolean header = TRUE;
  guint i;

  if (!g_file_get_contents (path, &contents, NULL, &error))
    ck_abort_msg ("Cannot read the reference list %s: %s", path, error->message);

  lines = g_strsplit (contents, "\n", -1);
  for (i = 0; lines[i] != NULL; i++)
    {
      char **cells;
      gsize len = strlen (lines[i]);

      /* Only a CR may go: a trailing tab is an empty last cell. */
      if (len > 0 && lines[i][len - 1] == '\r')
        lines[i][len - 1] = '\0';
      if (lines[i][0] == '\0' || lines[i][0] == '#')
        continue;
      if (header)
        {
          header = FALSE;
          continue;
        }
      cells = g_strsplit (lines[i], "\t", -1);
      ck_assert_msg (g_strv_length (cells) == n_columns,
                     "%s line %u: %u cells", name, i + 1, g_strv_length (cells));
      for (guint c = 0; c < n_columns; c++)
        g_strstrip (cells[c]);
      g_ptr_array_add (rows, cells);
    }

  return rows;
}

static guint
reference_flags (const char         *cell,
                 const char * const *names,
                 guint               n_names)
{
  g_auto(GStrv) parts = g_strsplit (cell, ";", -1);
  guint flags = 0;

  for (guint i = 0; parts[i] != NULL; i++)
    {
      guint n;

      for (n = 0; n < n_names; n++)
        if (strcmp (parts[i], names[n]) == 0)
          break;
      ck_assert_msg (n < n_names, "unknown attribute value “%s”", parts[i]);
      flags |= 1u << n;
    }

  return flags;
}

static guint
strv_count (const char * const *strv)
{
  guint n = 0;

  ck_assert_ptr_nonnull (strv);
  while (strv[n] != NULL)
    n++;

  return n;
}

/* 2013 ------------------------------------------------------------------- */

START_TEST (test_2013_structure)
{
  static const struct { const char *id; guint n; } expected[] = {
    { "A.5", 2 }, { "A.6", 7 }, { "A.7", 6 }, { "A.8", 10 }, { "A.9", 14 },
    { "A.10", 2 }, { "A.11", 15 }, { "A.12", 14 }, { "A.13", 7 }, { "A.14", 13 },
    { "A.15", 5 }, { "A.16", 7 }, { "A.17", 4 }, { "A.18", 8 },
  };
  CustosCatalogue *catalogue = custos_catalogue_get (CUSTOS_EDITION_2013);
  guint next = 0;

  ck_assert_ptr_nonnull (catalogue);
  ck_assert_ptr_eq (catalogue, custos_catalogue_get (CUSTOS_EDITION_2013));
  ck_assert_int_eq (custos_catalogue_get_edition (catalogue), CUSTOS_EDITION_2013);
  ck_assert_uint_eq (custos_catalogue_get_n_controls (catalogue), 114);
  ck_assert_uint_eq (custos_catalogue_get_n_groups (catalogue), 14);
  ck_assert_uint_eq (custos_catalogue_get_n_objectives (catalogue), 35);

  for (guint g = 0; g < G_N_ELEMENTS (expected); g++)
    {
      const CustosControlGroup *group = custos_catalogue_get_group (catalogue, g);

      ck_assert_str_eq (group->id, expected[g].id);
      ck_assert_uint_eq (group->n_controls, expected[g].n);
      ck_assert_uint_eq (group->first, next);
      for (guint i = group->first; i < group->first + group->n_controls; i++)
        {
          const CustosControl *control = custos_catalogue_get_control (catalogue, i);

          ck_assert_uint_eq (control->index, i);
          ck_assert_str_eq (control->group_id, group->id);
          ck_assert_str_eq (control->group_title, group->title);
          ck_assert_ptr_nonnull (control->objective_id);
          ck_assert_ptr_nonnull (control->objective_title);
          ck_assert (g_str_has_prefix (control->id, control->objective_id));
          ck_assert_int_eq (control->control_types, 0);
          ck_assert_int_eq (control->security_properties, 0);
          ck_assert_int_eq (control->concepts, 0);
        }
      next += group->n_controls;
    }
  ck_assert_uint_eq (next, 114);
}
END_TEST

START_TEST (test_2013_reference)
{
  CustosCatalogue *catalogue = custos_catalogue_get (CUSTOS_EDITION_2013);
  g_autoptr(GPtrArray) rows = read_reference ("annex-a-2013.tsv", 6);

  ck_assert_uint_eq (rows->len, custos_catalogue_get_n_controls (catalogue));
  for (guint i = 0; i < rows->len; i++)
    {
      char **cells = g_ptr_array_index (rows, i);
      const CustosControl *control = custos_catalogue_lookup (catalogue, cells[0]);

      ck_assert_msg (control != NULL, "2013 control %s missing", cells[0]);
      ck_assert_str_eq (control->id, cells[0]);
      ck_assert_str_eq (control->group_id, cells[1]);
      ck_assert_str_eq (control->group_title, cells[2]);
      ck_assert_str_eq (control->objective_id, cells[3]);
      ck_assert_str_eq (control->objective_title, cells[4]);
      ck_assert_str_eq (control->title, cells[5]);
    }
}
END_TEST

/* 2022 ------------------------------------------------------------------- */

START_TEST (test_2022_structure)
{
  static const struct { const char *id; const char *title; guint n; } expected[] = {
    { "organizational", "Organizational", 37 },
    { "people", "People", 8 },
    { "physical", "Physical", 14 },
    { "technological", "Technological", 34 },
  };
  CustosCatalogue *catalogue = custos_catalogue_get (CUSTOS_EDITION_2022);
  guint next = 0;

  ck_assert_ptr_nonnull (catalogue);
  ck_assert_ptr_ne (catalogue, custos_catalogue_get (CUSTOS_EDITION_2013));
  ck_assert_int_eq (custos_catalogue_get_edition (catalogue), CUSTOS_EDITION_2022);
  ck_assert_uint_eq (custos_catalogue_get_n_controls (catalogue), 93);
  ck_assert_uint_eq (custos_catalogue_get_n_groups (catalogue), 4);
  ck_assert_uint_eq (custos_catalogue_get_n_objectives (catalogue), 0);

  for (guint g = 0; g < G_N_ELEMENTS (expected); g++)
    {
      const CustosControlGroup *group = custos_catalogue_get_group (catalogue, g);

      ck_assert_str_eq (group->id, expected[g].id);
      ck_assert_str_eq (group->title, expected[g].title);
      ck_assert_uint_eq (group->n_controls, expected[g].n);
      ck_assert_uint_eq (group->first, next);
      for (guint i = group->first; i < group->first + group->n_controls; i++)
        {
          const CustosControl *control = custos_catalogue_get_control (catalogue, i);
          g_autofree char *expected_id = g_strdup_printf ("%u.%u", g + 5, i - group->first + 1);

          ck_assert_uint_eq (control->index, i);
          ck_assert_str_eq (control->id, expected_id);
          ck_assert_str_eq (control->group_id, group->id);
          ck_assert_ptr_null (control->objective_id);
          ck_assert_ptr_null (control->objective_title);
          ck_assert_int_ne (control->control_types, 0);
          ck_assert_int_ne (control->security_properties, 0);
          ck_assert_int_ne (control->concepts, 0);
        }
      next += group->n_controls;
    }
  ck_assert_uint_eq (next, 93);
}
END_TEST

START_TEST (test_2022_attribute_totals)
{
  CustosCatalogue *catalogue = custos_catalogue_get (CUSTOS_EDITION_2022);
  guint preventive = 0, detective = 0, corrective = 0;
  guint confidentiality = 0, integrity = 0, availability = 0;
  guint identify = 0, protect = 0, detect = 0, respond = 0, recover = 0;

  for (guint i = 0; i < custos_catalogue_get_n_controls (catalogue); i++)
    {
      const CustosControl *c = custos_catalogue_get_control (catalogue, i);

      preventive += (c->control_types & CUSTOS_CONTROL_TYPE_PREVENTIVE) != 0;
      detective += (c->control_types & CUSTOS_CONTROL_TYPE_DETECTIVE) != 0;
      corrective += (c->control_types & CUSTOS_CONTROL_TYPE_CORRECTIVE) != 0;
      confidentiality += (c->security_properties & CUSTOS_PROPERTY_CONFIDENTIALITY) != 0;
      integrity += (c->security_properties & CUSTOS_PROPERTY_INTEGRITY) != 0;
      availability += (c->security_properties & CUSTOS_PROPERTY_AVAILABILITY) != 0;
      identify += (c->concepts & CUSTOS_CONCEPT_IDENTIFY) != 0;
      protect += (c->concepts & CUSTOS_CONCEPT_PROTECT) != 0;
      detect += (c->concepts & CUSTOS_CONCEPT_DETECT) != 0;
      respond += (c->concepts & CUSTOS_CONCEPT_RESPOND) != 0;
      recover += (c->concepts & CUSTOS_CONCEPT_RECOVER) != 0;
    }

  ck_assert_uint_eq (preventive, 83);
  ck_assert_uint_eq (detective, 13);
  ck_assert_uint_eq (corrective, 14);
  ck_assert_uint_eq (confidentiality, 87);
  ck_assert_uint_eq (integrity, 84);
  ck_assert_uint_eq (availability, 85);
  ck_assert_uint_eq (identify, 23);
  ck_assert_uint_eq (protect, 71);
  ck_assert_uint_eq (detect, 14);
  ck_assert_uint_eq (respond, 11);
  ck_assert_uint_eq (recover, 6);
}
END_TEST

START_TEST (test_2022_reference)
{
  static const char * const types[] = { "Preventive", "Detective", "Corrective" };
  static const char * const properties[] = { "Confidentiality", "Integrity", "Availability" };
  static const char * const concepts[] = { "Identify", "Protect", "Detect", "Respond", "Recover" };
  CustosCatalogue *catalogue = custos_catalogue_get (CUSTOS_EDITION_2022);
  g_autoptr(GPtrArray) rows = read_reference ("annex-a-2022.tsv", 6);

  ck_assert_uint_eq (rows->len, custos_catalogue_get_n_controls (catalogue));
  for (guint i = 0; i < rows->len; i++)
    {
      char **cells = g_ptr_array_index (rows, i);
      const CustosControl *control = custos_catalogue_lookup (catalogue, cells[0]);

      ck_assert_msg (control != NULL, "2022 control %s missing", cells[0]);
      ck_assert_str_eq (control->id, cells[0]);
      ck_assert_str_eq (control->group_title, cells[1]);
      ck_assert_str_eq (control->title, cells[2]);
      ck_assert_uint_eq (control->control_types,
                         reference_flags (cells[3], types, G_N_ELEMENTS (types)));
      ck_assert_uint_eq (control->security_properties,
                         reference_flags (cells[4], properties, G_N_ELEMENTS (properties)));
      ck_assert_uint_eq (control->concepts,
                         reference_flags (cells[5], concepts, G_N_ELEMENTS (concepts)));
    }
}
END_TEST

/* Lookup ----------------------------------------------------------------- */

START_TEST (test_lookup)
{
  CustosCatalogue *c2013 = custos_catalogue_get (CUSTOS_EDITION_2013);
  CustosCatalogue *c2022 = custos_catalogue_get (CUSTOS_EDITION_2022);
  const CustosControl *control;

  control = custos_catalogue_lookup (c2013, "A.5.1.1");
  ck_assert_ptr_nonnull (control);
  ck_assert_str_eq (control->title, "Policies for information security");
  ck_assert_str_eq (control->group_id, "A.5");
  ck_assert_str_eq (control->group_title, "Information security policies");
  ck_assert_str_eq (control->objective_id, "A.5.1");
  ck_assert_str_eq (control->objective_title, "Management direction for information security");
  ck_assert_uint_eq (control->index, 0);
  ck_assert_ptr_eq (control, custos_catalogue_get_control (c2013, 0));

  control = custos_catalogue_lookup (c2013, "A.18.2.3");
  ck_assert_ptr_nonnull (control);
  ck_assert_str_eq (control->title, "Technical compliance review");
  ck_assert_uint_eq (control->index, 113);

  control = custos_catalogue_lookup (c2013, "A.12.6.1");
  ck_assert_ptr_nonnull (control);
  ck_assert_str_eq (control->title, "Management of technical vulnerabilities");

  control = custos_catalogue_lookup (c2022, "5.23");
  ck_assert_ptr_nonnull (control);
  ck_assert_str_eq (control->title, "Information security for use of cloud services");
  ck_assert_str_eq (control->group_id, "organizational");

  control = custos_catalogue_lookup (c2022, "7.4");
  ck_assert_ptr_nonnull (control);
  ck_assert_str_eq (control->title, "Physical security monitoring");
  ck_assert_int_eq (control->control_types,
                    CUSTOS_CONTROL_TYPE_PREVENTIVE | CUSTOS_CONTROL_TYPE_DETECTIVE);
  ck_assert_int_eq (control->concepts, CUSTOS_CONCEPT_PROTECT | CUSTOS_CONCEPT_DETECT);

  control = custos_catalogue_lookup (c2022, "8.34");
  ck_assert_ptr_nonnull (control);
  ck_assert_uint_eq (control->index, 92);
  ck_assert_str_eq (control->group_title, "Technological");

  /* 5.2 before 5.10 */
  ck_assert_uint_lt (custos_catalogue_lookup (c2022, "5.2")->index,
                     custos_catalogue_lookup (c2022, "5.10")->index);

  ck_assert_ptr_null (custos_catalogue_lookup (c2013, "A.19.1.1"));
  ck_assert_ptr_null (custos_catalogue_lookup (c2013, "5.1"));
  ck_assert_ptr_null (custos_catalogue_lookup (c2013, "A.5.1"));
  ck_assert_ptr_null (custos_catalogue_lookup (c2022, "A.5.1"));
  ck_assert_ptr_null (custos_catalogue_lookup (c2022, "5.38"));
  ck_assert_ptr_null (custos_catalogue_lookup (c2022, ""));
}
END_TEST

/* One way of citing a control wherever it is shown: "A.5.1", in both editions. */
START_TEST (test_control_cite)
{
  CustosCatalogue *c2013 = custos_catalogue_get (CUSTOS_EDITION_2013);
  CustosCatalogue *c2022 = custos_catalogue_get (CUSTOS_EDITION_2022);
  const char *ids[] = { "5.1", "8.34", "A.9.1.1", NULL };
  g_autofree char *a = custos_control_cite ("5.1");
  g_autofree char *b = custos_control_cite ("A.5.1.1");
  g_autofree char *list = custos_controls_cite (ids, "; ");
  g_autofree char *none = custos_controls_cite (NULL, ", ");
  g_autofree char *theme = custos_catalogue_group_number (c2022, custos_catalogue_get_group (c2022, 3));
  g_autofree char *category = custos_catalogue_group_number (c2013, custos_catalogue_get_group (c2013, 0));

  ck_assert_str_eq (a, "A.5.1");
  ck_assert_str_eq (b, "A.5.1.1");
  ck_assert_str_eq (list, "A.5.1; A.8.34; A.9.1.1");
  ck_assert_str_eq (none, "");
  ck_assert_str_eq (theme, "A.8");
  ck_assert_str_eq (category, "A.5");

  for (guint i = 0; i < custos_catalogue_get_n_controls (c2022); i++)
    {
      const CustosControl *c = custos_catalogue_get_control (c2022, i);

      ck_assert_ptr_eq (custos_catalogue_lookup (c2022, c->id), c);
    }
}
END_TEST

/* Mapping ---------------------------------------------------------------- */

START_TEST (test_mapping)
{
  static const char * const new_controls[] = {
    "5.7", "5.23", "5.30", "7.4", "8.9", "8.10", "8.11", "8.12", "8.16", "8.23", "8.28",
  };
  CustosCatalogue *c2013 = custos_catalogue_get (CUSTOS_EDITION_2013);
  CustosCatalogue *c2022 = custos_catalogue_get (CUSTOS_EDITION_2022);
  const char * const *ids;
  guint forward = 0, backward = 0, n_new = 0;

  ids = custos_catalogue_successors ("A.18.2.3");
  ck_assert_uint_eq (strv_count (ids), 2);
  ck_assert_str_eq (ids[0], "5.36");
  ck_assert_str_eq (ids[1], "8.8");
  ck_assert_ptr_eq (ids[0], custos_catalogue_lookup (c2022, "5.36")->id);

  ids = custos_catalogue_predecessors ("5.1");
  ck_assert_uint_eq (strv_count (ids), 2);
  ck_assert_str_eq (ids[0], "A.5.1.1");
  ck_assert_str_eq (ids[1], "A.5.1.2");

  for (guint i = 0; i < G_N_ELEMENTS (new_controls); i++)
    {
      ck_assert_ptr_nonnull (custos_catalogue_lookup (c2022, new_controls[i]));
      ck_assert_msg (strv_count (custos_catalogue_predecessors (new_controls[i])) == 0,
                     "%s should be new", new_controls[i]);
    }

  for (guint i = 0; i < custos_catalogue_get_n_controls (c2013); i++)
    {
      const CustosControl *c = custos_catalogue_get_control (c2013, i);
      guint n = strv_count (custos_catalogue_successors (c->id));

      ck_assert_msg (n >= 1, "%s has no successor", c->id);
      forward += n;
    }
  for (guint i = 0; i < custos_catalogue_get_n_controls (c2022); i++)
    {
      const CustosControl *c = custos_catalogue_get_control (c2022, i);
      guint n = strv_count (custos_catalogue_predecessors (c->id));

      backward += n;
      n_new += n == 0;
    }
  ck_assert_uint_eq (forward, 115);
  ck_assert_uint_eq (backward, 115);
  ck_assert_uint_eq (n_new, 11);

  /* Unknown ids give an empty array, never NULL. */
  ck_assert_uint_eq (strv_count (custos_catalogue_successors ("A.99.1.1")), 0);
  ck_assert_uint_eq (strv_count (custos_catalogue_successors ("5.1")), 0);
  ck_assert_uint_eq (strv_count (custos_catalogue_predecessors ("A.5.1.1")), 0);
}
END_TEST

static gboolean
strv_has (const char * const *strv,
          const char         *id)
{
  for (guint i = 0; strv[i] != NULL; i++)
    if (strcmp (strv[i], id) == 0)
      return TRUE;
  return FALSE;
}

START_TEST (test_mapping_reference)
{
  g_autoptr(GPtrArray) rows = read_reference ("annex-a-mapping-2013-2022.tsv", 2);
  guint pairs = 0, n_new = 0;

  ck_assert_uint_eq (rows->len, 126);
  for (guint i = 0; i < rows->len; i++)
    {
      char **cells = g_ptr_array_index (rows, i);

      if (cells[1][0] == '\0')
        {
          ck_assert_uint_eq (strv_count (custos_catalogue_predecessors (cells[0])), 0);
          n_new++;
          continue;
        }
      ck_assert_msg (strv_has (custos_catalogue_successors (cells[1]), cells[0]),
                     "%s -> %s missing", cells[1], cells[0]);
      ck_assert_msg (strv_has (custos_catalogue_predecessors (cells[0]), cells[1]),
                     "%s <- %s missing", cells[0], cells[1]);
      pairs++;
    }
  ck_assert_uint_eq (pairs, 115);
  ck_assert_uint_eq (n_new, 11);
}
END_TEST

/* Loading ---------------------------------------------------------------- */

static gpointer
load_in_thread (gpointer data)
{
  CustosEdition edition = GPOINTER_TO_INT (data);

  custos_catalogue_successors ("A.5.1.1");
  return custos_catalogue_get (edition);
}

START_TEST (test_concurrent_first_use)
{
  GThread *threads[8];
  gpointer results[G_N_ELEMENTS (threads)];

  for (guint i = 0; i < G_N_ELEMENTS (threads); i++)
    threads[i] = g_thread_new ("catalogue", load_in_thread,
                               GINT_TO_POINTER (i % 2 ? CUSTOS_EDITION_2022 : CUSTOS_EDITION_2013));
  for (guint i = 0; i < G_N_ELEMENTS (threads); i++)
    results[i] = g_thread_join (threads[i]);

  for (guint i = 0; i < G_N_ELEMENTS (threads); i++)
    ck_assert_ptr_eq (results[i], custos_catalogue_get (i % 2 ? CUSTOS_EDITION_2022
                                                              : CUSTOS_EDITION_2013));
}
END_TEST

static Suite *
catalogue_suite (void)
{
  Suite *suite = suite_create ("catalogue");
  TCase *tc;

  tc = tcase_create ("2013");
  tcase_add_test (tc, test_2013_structure);
  tcase_add_test (tc, test_2013_reference);
  suite_add_tcase (suite, tc);

  tc = tcase_create ("2022");
  tcase_add_test (tc, test_2022_structure);
  tcase_add_test (tc, test_2022_attribute_totals);
  tcase_add_test (tc, test_2022_reference);
  tcase_add_test (tc, test_control_cite);
  suite_add_tcase (suite, tc);

  tc = tcase_create ("lookup");
  tcase_add_test (tc, test_lookup);
  suite_add_tcase (suite, tc);

  tc = tcase_create ("mapping");
  tcase_add_test (tc, test_mapping);
  tcase_add_test (tc, test_mapping_reference);
  suite_add_tcase (suite, tc);

  tc = tcase_create ("loading");
  tcase_add_test (tc, test_concurrent_first_use);
  suite_add_tcase (suite, tc);

  return suite;
}

int
main (void)
{
  SRunner *sr = srunner_create (catalogue_suite ());
  int n_failed;

  srunner_run_all (sr, CK_NORMAL);
  n_failed = srunner_ntests_failed (sr);
  srunner_free (sr);

  return n_failed != 0 ? EXIT_FAILURE : EXIT_SUCCESS;
}
