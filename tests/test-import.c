/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-import.c — registers from CSV: the reader, the importer, the CLI,
 * LibreOffice's CSV and hostile files */
#include "config.h"

#include <fcntl.h>
#include <math.h>
#include <string.h>
#include <unistd.h>

#include <glib/gstdio.h>

#include "custos-csv.h"
#include "custos-file.h"
#include "custos-history.h"
#include "custos-import.h"
#include "custos-sheet.h"
#include "custos-test-util.h"
#include "custos-xml-reader.h"
#include "custos-xml-writer.h"

static CustosDocument *
load_example (void)
{
  g_autofree char *path = custos_test_example_path ();
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  CustosDocument *doc = custos_file_load (file, NULL, &error);

  ck_assert_msg (doc != NULL, "%s", error ? error->message : "");
  return doc;
}

static char *
serialise (CustosDocument *doc)
{
  g_autoptr(GBytes) bytes = custos_xml_write (doc);
  return g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
}

static GPtrArray *
read_csv (const char *text)
{
  g_autoptr(GError) error = NULL;
  GPtrArray *table = custos_sheet_read_csv (text, strlen (text), &error);

  ck_assert_msg (table != NULL, "%s", error ? error->message : "");
  return table;
}

/* Every field of every record of reg back to its default, ids kept. */
static void
clear_register (CustosDocument *doc,
                CustosRegister  reg)
{
  const CustosKind *kind = custos_kinds_register (reg);
  GListModel *model = custos_document_get_register (doc, reg);

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(CustosRecord) record = g_list_model_get_item (model, i);

      for (guint f = 0; f < kind->n_fields; f++)
        {
          g_auto(GValue) value = G_VALUE_INIT;

          g_value_init (&value, custos_field_value_type (&kind->fields[f]));
          if (kind->fields[f].type == CUSTOS_FIELD_NUMBER)
            g_value_set_double (&value, NAN);
          custos_record_set_value (record, f, &value);
        }
    }
}

/* The CSV export of every register of the example, imported into a copy
 * whose register was emptied, gives the example back byte for byte. */
START_TEST (test_round_trip_every_register)
{
  g_autoptr(CustosDocument) example = load_example ();
  g_autofree char *expected = serialise (example);
  guint tested = 0;

  for (guint r = 0; r < CUSTOS_N_REGISTERS; r++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(CustosDocument) doc = custos_xml_read (expected, strlen (expected), "example", &error);
      g_autofree char *csv = custos_csv_write_register (example, r, CUSTOS_CSV_DISPLAY);
      g_autoptr(GPtrArray) table = read_csv (csv);
      g_autoptr(CustosImport) import = NULL;
      g_autofree char *cleared = NULL;
      g_autofree char *got = NULL;

      if (custos_document_count (example, r) == 0)
        continue;
      clear_register (doc, r);
      cleared = serialise (doc);
      ck_assert_str_ne (cleared, expected);
      import = custos_import_new (doc, table, -1);
      ck_assert_msg (custos_import_get_register (import) == r, "%s guessed as %s", custos_kinds_register (r)->name,
                     custos_kinds_register (custos_import_get_register (import))->name);
      ck_assert_msg (custos_import_apply (import, &error), "%s: %s", custos_kinds_register (r)->name,
                     error ? error->message : "");
      ck_assert_uint_eq (custos_import_get_n_updated (import), custos_document_count (example, r));
      ck_assert_uint_eq (custos_import_get_n_added (import), 0);
      got = serialise (doc);
      ck_assert_msg (g_str_equal (got, expected), "%s does not round-trip", custos_kinds_register (r)->name);
      tested++;
    }
  ck_assert_uint_ge (tested, 20);
}
END_TEST

/* Into an empty document, rows add records under their own ids. */
START_TEST (test_adds_with_ids)
{
  g_autoptr(CustosDocument) example = load_example ();
  g_autoptr(CustosDocument) doc = custos_document_new (CUSTOS_EDITION_2022);
  const CustosRegister order[] = { CUSTOS_REGISTER_ROLES, CUSTOS_REGISTER_ASSETS, CUSTOS_REGISTER_RISKS };

  for (guint i = 0; i < G_N_ELEMENTS (order); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *csv = custos_csv_write_register (example, order[i], CUSTOS_CSV_DISPLAY);
      g_autoptr(GPtrArray) table = read_csv (csv);
      g_autoptr(CustosImport) import = custos_import_new (doc, table, (int) order[i]);
      const CustosKind *kind = custos_kinds_register (order[i]);

      ck_assert_msg (custos_import_apply (import, &error), "%s", error ? error->message : "");
      ck_assert_uint_eq (custos_import_get_n_added (import), custos_document_count (example, order[i]));
      for (guint n = 0; n < custos_document_count (example, order[i]); n++)
        {
          g_autoptr(CustosRecord) want = g_list_model_get_item (custos_document_get_register (example, order[i]), n);
          g_autoptr(CustosRecord) got = g_list_model_get_item (custos_document_get_register (doc, order[i]), n);

          ck_assert_str_eq (custos_record_get_id (got), custos_record_get_id (want));
          for (guint f = 0; f < kind->n_fields; f++)
            {
              g_autofree char *a = custos_field_to_text (&kind->fields[f], custos_record_get_value (want, f), " ");
              g_autofree char *b = custos_field_to_text (&kind->fields[f], custos_record_get_value (got, f), " ");
              ck_assert_str_eq (b, a);
            }
        }
    }
}
END_TEST

/* Other people's headers, ids left to us, controls cited three ways. */
START_TEST (test_synonyms_and_controls)
{
  g_autoptr(CustosDocument) doc = load_example ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) table = read_csv ("Ref;Name;Probability;Impact;Owner;Controls;Asset\n"
                                         ";Laptop stolen from a car;3;Major;managing partner;A.5.1, 8.1 A.12.3.1;A-001\n");
  g_autoptr(CustosImport) import = custos_import_new (doc, table, -1);
  guint n = custos_document_count (doc, CUSTOS_REGISTER_RISKS);
  g_autoptr(CustosRecord) risk = NULL;
  const char * const *controls;

  ck_assert_int_eq (custos_import_get_register (import), CUSTOS_REGISTER_RISKS);
  ck_assert_int_eq (custos_import_get_column (import, 0), CUSTOS_IMPORT_COLUMN_ID);
  ck_assert_msg (custos_import_apply (import, &error), "%s", error ? error->message : "");
  ck_assert_uint_eq (custos_document_count (doc, CUSTOS_REGISTER_RISKS), n + 1);
  risk = g_list_model_get_item (custos_document_get_register (doc, CUSTOS_REGISTER_RISKS), n);
  ck_assert_str_eq (custos_record_get_title (risk), "Laptop stolen from a car");
  ck_assert_int_eq (custos_risk_get_likelihood (CUSTOS_RISK (risk)), 3);
  ck_assert_int_eq (custos_risk_get_consequence (CUSTOS_RISK (risk)), 4);
  ck_assert_ptr_nonnull (custos_document_lookup (doc, CUSTOS_REGISTER_ROLES, custos_risk_get_owner (CUSTOS_RISK (risk))));
  controls = (const char * const *) custos_risk_get_controls (CUSTOS_RISK (risk));
  ck_assert_uint_eq (g_strv_length ((char **) controls), 3);
  ck_assert_str_eq (controls[0], "5.1");
  ck_assert_str_eq (controls[1], "8.1");
  ck_assert_str_eq (controls[2], "8.13"); /* A.12.3.1 Information backup */
}
END_TEST

/* A bad value names its line (counting the lines of quoted fields) and
 * nothing changes. */
START_TEST (test_problems_change_nothing)
{
  g_autoptr(CustosDocument) doc = load_example ();
  g_autofree char *before = serialise (doc);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) table = read_csv ("ID,Risk,Likelihood,Acceptance date,Risk owner\r\n"
                                         "R-001,\"Two\nlines\",2,,\r\n"
                                         ",New risk,high,2026-13-01,Nobody\r\n");
  g_autoptr(CustosImport) import = custos_import_new (doc, table, CUSTOS_REGISTER_RISKS);
  GPtrArray *problems = custos_import_get_problems (import);
  g_autofree char *after = NULL;

  ck_assert_uint_eq (problems->len, 3);
  ck_assert_str_eq (problems->pdata[0], "line 4: Likelihood “high” is not 1–5");
  ck_assert_str_eq (problems->pdata[1], "line 4: Acceptance date “2026-13-01” is not a date (YYYY-MM-DD)");
  ck_assert_str_eq (problems->pdata[2], "line 4: Risk owner “Nobody” is no Role of the document");
  ck_assert (!custos_import_apply (import, &error));
  ck_assert_ptr_nonnull (strstr (error->message, "line 4: Likelihood"));
  after = serialise (doc);
  ck_assert_str_eq (after, before);
}
END_TEST

/* The whole import is one undo step. */
START_TEST (test_one_undo_step)
{
  g_autoptr(CustosDocument) doc = load_example ();
  g_autoptr(CustosHistory) history = custos_history_new (doc);
  g_autofree char *before = serialise (doc);
  g_autofree char *after = NULL;
  g_autofree char *undone = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) table = read_csv ("ID,Asset,Type\nA-001,Renamed,Software\n,Brand new,Hardware\n,Second,Site\n");
  g_autoptr(CustosImport) import = custos_import_new (doc, table, -1);

  ck_assert_msg (custos_import_apply (import, &error), "%s", error ? error->message : "");
  ck_assert_uint_eq (custos_import_get_n_updated (import), 1);
  ck_assert_uint_eq (custos_import_get_n_added (import), 2);
  after = serialise (doc);
  ck_assert_str_ne (after, before);
  ck_assert (custos_history_undo (history));
  undone = serialise (doc);
  ck_assert_str_eq (undone, before);
  ck_assert (!custos_history_can_undo (history));
}
END_TEST

static char *
cell_text (GPtrArray *table,
           guint      row,
           guint      column)
{
  CustosTableRow *r = table->pdata[row];
  return r->cells[column];
}

START_TEST (test_csv_reader)
{
  g_autoptr(GPtrArray) semicolons = read_csv ("\xEF\xBB\xBF" "a;\"b;c\";d\n1;\"x\r\ny\";\"say \"\"hi\"\"\"\n\n2;;\n");
  g_autoptr(GPtrArray) tabs = read_csv ("a\tb\tc,d\n1\t2\t3,4");
  g_autoptr(GPtrArray) formulas = read_csv ("'=1+2,'+x,'-1,'@SUM(A1),'''q,'plain,'\n");
  static const char utf16[] = "\xFF\xFE" "a\0,\0\xE9\0\n\0";
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) wide = custos_sheet_read_csv (utf16, sizeof utf16 - 1, &error);

  ck_assert_uint_eq (semicolons->len, 3);
  ck_assert_str_eq (cell_text (semicolons, 0, 0), "a");
  ck_assert_str_eq (cell_text (semicolons, 0, 1), "b;c");
  ck_assert_str_eq (cell_text (semicolons, 1, 1), "x\r\ny");
  ck_assert_str_eq (cell_text (semicolons, 1, 2), "say \"hi\"");
  ck_assert_uint_eq (((CustosTableRow *) semicolons->pdata[2])->line, 5);
  ck_assert_str_eq (cell_text (tabs, 1, 2), "3,4");
  ck_assert_str_eq (cell_text (formulas, 0, 0), "=1+2");
  ck_assert_str_eq (cell_text (formulas, 0, 1), "+x");
  ck_assert_str_eq (cell_text (formulas, 0, 2), "-1");
  ck_assert_str_eq (cell_text (formulas, 0, 3), "@SUM(A1)");
  ck_assert_str_eq (cell_text (formulas, 0, 4), "''q");
  ck_assert_str_eq (cell_text (formulas, 0, 5), "'plain");
  ck_assert_str_eq (cell_text (formulas, 0, 6), "'");
  ck_assert_msg (wide != NULL, "%s", error ? error->message : "");
  ck_assert_str_eq (cell_text (wide, 0, 1), "é");
}
END_TEST

static void
assert_refused (const char *text,
                gsize       length,
                int         code,
                const char *message)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) table = custos_sheet_read_csv (text, length, &error);

  ck_assert_ptr_null (table);
  ck_assert_msg (g_error_matches (error, CUSTOS_SHEET_ERROR, code), "%s", error ? error->message : "no error");
  ck_assert_msg (strstr (error->message, message) != NULL, "%s", error->message);
}

START_TEST (test_csv_refused)
{
  static const char utf16_no_bom[] = "a\0,\0b\0\n\0";

  assert_refused ("a,b\n1,\"open\n2,3\n", 16, CUSTOS_SHEET_ERROR_PARSE, "line 2: a quoted field never ends");
  assert_refused ("a,b\n\"x\"y,2\n", 11, CUSTOS_SHEET_ERROR_PARSE, "line 2: text after the closing quote");
  assert_refused ("a,b\nCaf\xE9,2\n", 11, CUSTOS_SHEET_ERROR_ENCODING, "line 2 is not UTF-8");
  assert_refused (utf16_no_bom, sizeof utf16_no_bom - 1, CUSTOS_SHEET_ERROR_ENCODING, "UTF-16");
}
END_TEST

static char *
write_temp (const char *dir,
            const char *name,
            const char *text)
{
  char *path = g_build_filename (dir, name, NULL);
  ck_assert (g_file_set_contents (path, text, -1, NULL));
  return path;
}

/* custos --import: rows in, OUT written; a hostile sheet: exit 2, nothing
 * written. */
START_TEST (test_cli)
{
  g_autofree char *dir = custos_test_mkdtemp ();
  g_autofree char *example = custos_test_example_path ();
  g_autofree char *out = g_build_filename (dir, "out.isms", NULL);
  g_autofree char *good = write_temp (dir, "assets.csv", "Name,Type,Owner\nNew server,Hardware,ROLE-001\n");
  g_autofree char *broken = write_temp (dir, "broken.csv", "Name,Type\n\"Unclosed,Hardware\n");
  g_autofree char *huge = g_build_filename (dir, "huge.csv", NULL);
  g_autofree char *stdout_text = NULL, *stderr_text = NULL;
  g_autoptr(CustosDocument) doc = NULL;
  g_autoptr(CustosDocument) result = NULL;
  g_autoptr(GFile) out_file = g_file_new_for_path (out);
  int fd;

  {
    const char *args[] = { "--import=assets", "--output", out, good, example, NULL };
    ck_assert_int_eq (custos_test_run_cli (args, &stdout_text, &stderr_text), 0);
    ck_assert_str_eq (stderr_text, "");
    ck_assert_ptr_nonnull (strstr (stdout_text, "1 added, 0 updated in assets"));
  }
  doc = load_example ();
  result = custos_file_load (out_file, NULL, NULL);
  ck_assert_ptr_nonnull (result);
  ck_assert_uint_eq (custos_document_count (result, CUSTOS_REGISTER_ASSETS),
                     custos_document_count (doc, CUSTOS_REGISTER_ASSETS) + 1);
  ck_assert_int_eq (g_unlink (out), 0);

  /* A gigabyte of CSV (sparse, so it costs no disk) is refused unread. */
  fd = g_open (huge, O_WRONLY | O_CREAT, 0644);
  ck_assert_int_ge (fd, 0);
  ck_assert_int_eq (ftruncate (fd, (off_t) 1024 * 1024 * 1024), 0);
  close (fd);

  {
    const char *hostile[] = { broken, huge };
    const char *messages[] = { "a quoted field never ends", "larger than 64 MiB" };

    for (guint i = 0; i < G_N_ELEMENTS (hostile); i++)
      {
        const char *args[] = { "--import=auto", "--output", out, hostile[i], example, NULL };
        g_clear_pointer (&stdout_text, g_free);
        g_clear_pointer (&stderr_text, g_free);
        ck_assert_int_eq (custos_test_run_cli (args, &stdout_text, &stderr_text), 2);
        ck_assert_msg (strstr (stderr_text, messages[i]) != NULL, "%s", stderr_text);
        ck_assert (!g_file_test (out, G_FILE_TEST_EXISTS));
      }
  }
  {
    g_autofree char *bad_value = write_temp (dir, "bad.csv", "ID,Likelihood\nR-001,9\n");
    const char *args[] = { "--import=risks", "--output", out, bad_value, example, NULL };
    g_clear_pointer (&stderr_text, g_free);
    ck_assert_int_eq (custos_test_run_cli (args, NULL, &stderr_text), 2);
    ck_assert_msg (strstr (stderr_text, "line 2: Likelihood “9” is not 1–5") != NULL, "%s", stderr_text);
    ck_assert (!g_file_test (out, G_FILE_TEST_EXISTS));
  }
  custos_test_rmdir (dir);
}
END_TEST

/* Our CSV export, opened and saved as CSV by LibreOffice, imports back to
 * the same document. */
START_TEST (test_libreoffice_csv)
{
  g_autofree char *soffice = g_find_program_in_path ("soffice");
  g_autofree char *dir = NULL;
  g_autoptr(CustosDocument) example = NULL;
  g_autofree char *expected = NULL;
  const CustosRegister regs[] = { CUSTOS_REGISTER_RISKS, CUSTOS_REGISTER_SOA, CUSTOS_REGISTER_ASSETS };

  ck_assert_ptr_nonnull (soffice); /* main () skips without it */
  dir = custos_test_mkdtemp ();
  example = load_example ();
  expected = serialise (example);
  for (guint i = 0; i < G_N_ELEMENTS (regs); i++)
    {
      g_autofree char *csv = custos_csv_write_register (example, regs[i], CUSTOS_CSV_DISPLAY);
      g_autofree char *name = g_strdup_printf ("%s.csv", custos_kinds_register (regs[i])->register_name);
      g_autofree char *source = write_temp (dir, name, csv);
      g_autofree char *outdir = g_build_filename (dir, "lo", NULL);
      g_autofree char *converted = g_build_filename (outdir, name, NULL);
      g_autofree char *profile = g_strdup_printf ("-env:UserInstallation=file://%s/profile", dir);
      const char *argv[] = { soffice, "--headless", profile, "--infilter=CSV:44,34,76,1",
                             "--convert-to", "csv:Text - txt - csv (StarCalc):44,34,76,1", "--outdir", outdir, source, NULL };
      g_autoptr(GError) error = NULL;
      g_autoptr(GFile) file = g_file_new_for_path (converted);
      g_autoptr(GPtrArray) table = NULL;
      g_autoptr(CustosDocument) doc = custos_xml_read (expected, strlen (expected), "example", NULL);
      g_autoptr(CustosImport) import = NULL;
      g_autofree char *got = NULL;
      int status = 0;

      ck_assert (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_STDOUT_TO_DEV_NULL | G_SPAWN_STDERR_TO_DEV_NULL,
                               NULL, NULL, NULL, NULL, &status, NULL));
      ck_assert_int_eq (status, 0);
      table = custos_sheet_load (file, NULL, &error);
      ck_assert_msg (table != NULL, "%s", error ? error->message : "");
      clear_register (doc, regs[i]);
      import = custos_import_new (doc, table, -1);
      ck_assert_int_eq (custos_import_get_register (import), regs[i]);
      ck_assert_msg (custos_import_apply (import, &error), "%s", error ? error->message : "");
      got = serialise (doc);
      ck_assert_msg (g_str_equal (got, expected), "%s from LibreOffice does not round-trip", name);
    }
  custos_test_rmdir (dir);
}
END_TEST

static Suite *
import_suite (void)
{
  Suite *s = suite_create ("import");
  TCase *tc = tcase_create ("core");

  tcase_add_test (tc, test_round_trip_every_register);
  tcase_add_test (tc, test_adds_with_ids);
  tcase_add_test (tc, test_synonyms_and_controls);
  tcase_add_test (tc, test_problems_change_nothing);
  tcase_add_test (tc, test_one_undo_step);
  tcase_add_test (tc, test_csv_reader);
  tcase_add_test (tc, test_csv_refused);
  tcase_add_test (tc, test_cli);
  suite_add_tcase (s, tc);

  tc = tcase_create ("libreoffice");
  tcase_set_timeout (tc, 300);
  tcase_add_test (tc, test_libreoffice_csv);
  suite_add_tcase (s, tc);
  return s;
}

/* argv[1] names the case to run: meson runs the LibreOffice case as a
 * test of its own, skipped where LibreOffice is not installed. */
int
main (int    argc,
      char **argv)
{
  g_autofree char *soffice = g_find_program_in_path ("soffice");

  if (argc > 1)
    g_setenv ("CK_RUN_CASE", argv[1], TRUE);
  if (g_strcmp0 (g_getenv ("CK_RUN_CASE"), "libreoffice") == 0 && soffice == NULL)
    return 77;
  return custos_test_run_suite (import_suite ());
}
