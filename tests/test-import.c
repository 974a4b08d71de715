/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-import.c — registers from CSV: the reader, the importer, the CLI,
 * LibreOffice's CSV and hostile files */
#include "config.h"

#include <fcntl.h>
#include <math.h>
#include <string.h>
#include <unistd.h>

#include <glib/gstdio.h>
#include <zlib.h>

#include "custos-csv.h"
#include "custos-draft.h"
#include "custos-file.h"
#include "custos-history.h"
#include "custos-import.h"
#include "custos-readiness.h"
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
                                         ",New risk,high,2026-13-01,\"No\u202Ebody\"\r\n");
  g_autoptr(CustosImport) import = custos_import_new (doc, table, CUSTOS_REGISTER_RISKS);
  GPtrArray *problems = custos_import_get_problems (import);
  g_autofree char *after = NULL;

  ck_assert_uint_eq (problems->len, 3);
  ck_assert_str_eq (problems->pdata[0], "line 4: Likelihood “high” is not 1–5");
  ck_assert_str_eq (problems->pdata[1], "line 4: Acceptance date “2026-13-01” is not a date (YYYY-MM-DD)");
  /* What a cell holds is shown, not obeyed: a right-to-left override stays visible. */
  ck_assert_str_eq (problems->pdata[2], "line 4: Risk owner “No\\u202Ebody” is no Role of the document");
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

static GBytes *make_zip1 (const char *name,
                          const char *text,
                          gsize       length,
                          guint32     declared);

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
  g_autofree char *bomb = g_build_filename (dir, "bomb.ods", NULL);
  g_autofree char *spaces = g_malloc0 (100 * 1024 * 1024);
  g_autoptr(GBytes) bomb_bytes = NULL;
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

  /* 100 MiB of content.xml in 100 KiB */
  bomb_bytes = make_zip1 ("content.xml", spaces, 100 * 1024 * 1024, 0);
  ck_assert (g_file_set_contents (bomb, g_bytes_get_data (bomb_bytes, NULL), (gssize) g_bytes_get_size (bomb_bytes), NULL));

  {
    const char *hostile[] = { broken, huge, bomb };
    const char *messages[] = { "a quoted field never ends", "larger than 64 MiB", "zip bomb" };

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
    /* Someone has OUT open: not written over (--force would). */
    g_autofree char *lock = write_temp (dir, ".~lock.out.isms#",
                                        "Jane Doe,jdoe,ws-12,01.02.2027 10:15,file:///home/jdoe/.config/libreoffice/4;");
    const char *args[] = { "--import=assets", "--output", out, good, example, NULL };
    g_clear_pointer (&stderr_text, g_free);
    ck_assert_int_eq (custos_test_run_cli (args, NULL, &stderr_text), 1);
    ck_assert_msg (strstr (stderr_text, "Jane Doe") != NULL, "%s", stderr_text);
    ck_assert (!g_file_test (out, G_FILE_TEST_EXISTS));
    ck_assert_int_eq (g_unlink (lock), 0);
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

static void
put16 (GByteArray *out,
       guint       v)
{
  guint8 b[2] = { v & 0xFF, (v >> 8) & 0xFF };
  g_byte_array_append (out, b, 2);
}

static void
put32 (GByteArray *out,
       guint32     v)
{
  put16 (out, v & 0xFFFF);
  put16 (out, v >> 16);
}

/* A zip archive of deflated entries (names[i] holding texts[i], lengths[i]
 * bytes); declared[i], when not 0, is the uncompressed size it claims. */
static GBytes *
make_zip (guint               n,
          const char * const *names,
          const char * const *texts,
          const gsize        *lengths,
          const guint32      *declared)
{
  GByteArray *out = g_byte_array_new ();
  g_autoptr(GByteArray) directory = g_byte_array_new ();

  for (guint i = 0; i < n; i++)
    {
      z_stream z = { 0 };
      gsize bound = compressBound ((uLong) lengths[i]) + 64;
      g_autofree guint8 *packed = g_malloc (bound);
      guint32 offset = out->len;
      guint32 size = declared && declared[i] ? declared[i] : (guint32) lengths[i];
      guint name_len = (guint) strlen (names[i]);

      ck_assert_int_eq (deflateInit2 (&z, 9, Z_DEFLATED, -MAX_WBITS, 9, Z_DEFAULT_STRATEGY), Z_OK);
      z.next_in = (Bytef *) texts[i];
      z.avail_in = (uInt) lengths[i];
      z.next_out = packed;
      z.avail_out = (uInt) bound;
      ck_assert_int_eq (deflate (&z, Z_FINISH), Z_STREAM_END);
      deflateEnd (&z);

      put32 (out, 0x04034b50); put16 (out, 20); put16 (out, 0); put16 (out, 8); put32 (out, 0);
      put32 (out, 0); put32 (out, (guint32) z.total_out); put32 (out, size);
      put16 (out, name_len); put16 (out, 0);
      g_byte_array_append (out, (const guint8 *) names[i], name_len);
      g_byte_array_append (out, packed, (guint) z.total_out);

      put32 (directory, 0x02014b50); put16 (directory, 20); put16 (directory, 20); put16 (directory, 0);
      put16 (directory, 8); put32 (directory, 0); put32 (directory, 0); put32 (directory, (guint32) z.total_out);
      put32 (directory, size); put16 (directory, name_len); put16 (directory, 0); put16 (directory, 0);
      put16 (directory, 0); put16 (directory, 0); put32 (directory, 0); put32 (directory, offset);
      g_byte_array_append (directory, (const guint8 *) names[i], name_len);
    }
  {
    guint32 cd_offset = out->len;

    g_byte_array_append (out, directory->data, directory->len);
    put32 (out, 0x06054b50); put16 (out, 0); put16 (out, 0); put16 (out, n); put16 (out, n);
    put32 (out, directory->len); put32 (out, cd_offset); put16 (out, 0);
  }
  return g_byte_array_free_to_bytes (out);
}

static GBytes *
make_zip1 (const char *name,
           const char *text,
           gsize       length,
           guint32     declared)
{
  return make_zip (1, &name, &text, &length, &declared);
}

/* Formulas give their cached values; repeated empty cells and rows at the
 * end of a sheet cost nothing; dates read as YYYY-MM-DD. */
START_TEST (test_ods_and_xlsx)
{
  static const char content[] =
    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
    "<office:document-content xmlns:office=\"urn:oasis:names:tc:opendocument:xmlns:office:1.0\" "
    "xmlns:table=\"urn:oasis:names:tc:opendocument:xmlns:table:1.0\" "
    "xmlns:text=\"urn:oasis:names:tc:opendocument:xmlns:text:1.0\"><office:body><office:spreadsheet>"
    "<table:table table:name=\"Risks\">"
    "<table:table-row><table:table-cell office:value-type=\"string\"><text:p>Name</text:p></table:table-cell>"
    "<table:table-cell office:value-type=\"string\"><text:p>Likelihood</text:p></table:table-cell>"
    "<table:table-cell office:value-type=\"string\"><text:p>Next review</text:p></table:table-cell>"
    "<table:table-cell table:number-columns-repeated=\"16381\"/></table:table-row>"
    "<table:table-row table:number-rows-repeated=\"2\"/>"
    "<table:table-row><table:table-cell office:value-type=\"string\"><text:p>Two<text:s text:c=\"2\"/>spaces</text:p>"
    "<text:p>and a line</text:p></table:table-cell>"
    "<table:table-cell table:formula=\"of:=1+2\" office:value-type=\"float\" office:value=\"3\"><text:p>3.00</text:p></table:table-cell>"
    "<table:table-cell office:value-type=\"date\" office:date-value=\"2027-03-31\"><text:p>31/03/27</text:p></table:table-cell>"
    "<table:table-cell table:number-columns-repeated=\"16381\"/></table:table-row>"
    "<table:table-row table:number-rows-repeated=\"1048570\"><table:table-cell table:number-columns-repeated=\"16384\"/></table:table-row>"
    "</table:table><table:table table:name=\"Other\"><table:table-row><table:table-cell office:value-type=\"string\">"
    "<text:p>not read</text:p></table:table-cell></table:table-row></table:table>"
    "</office:spreadsheet></office:body></office:document-content>";
  static const char *xlsx_names[] = { "xl/sharedStrings.xml", "xl/styles.xml", "xl/worksheets/sheet1.xml" };
  static const char *xlsx_texts[] = {
    "<?xml version=\"1.0\"?><sst xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\">"
    "<si><t>Name</t></si><si><r><t>Like</t></r><r><t>lihood</t></r></si><si><t>Next review</t></si></sst>",
    "<?xml version=\"1.0\"?><styleSheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\">"
    "<numFmts><numFmt numFmtId=\"165\" formatCode=\"yyyy\\-mm\\-dd\"/></numFmts>"
    "<cellXfs><xf numFmtId=\"0\"/><xf numFmtId=\"165\"/></cellXfs></styleSheet>",
    "<?xml version=\"1.0\"?><worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData>"
    "<row r=\"1\"><c r=\"A1\" t=\"s\"><v>0</v></c><c r=\"B1\" t=\"s\"><v>1</v></c><c r=\"C1\" t=\"s\"><v>2</v></c></row>"
    "<row r=\"4\"><c r=\"A4\" t=\"inlineStr\"><is><t>'=HYPERLINK(\"x\")</t></is></c><c r=\"B4\"><f>1+2</f><v>3</v></c>"
    "<c r=\"C4\" s=\"1\" t=\"n\"><v>46477</v></c><c r=\"E4\" t=\"b\"><v>1</v></c></row>"
    "</sheetData></worksheet>",
  };
  gsize xlsx_lengths[3];
  g_autoptr(GBytes) ods = make_zip1 ("content.xml", content, sizeof content - 1, 0);
  g_autoptr(GBytes) xlsx = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) from_ods = custos_sheet_read_ods (ods, &error);
  g_autoptr(GPtrArray) from_xlsx = NULL;

  ck_assert_msg (from_ods != NULL, "%s", error ? error->message : "");
  ck_assert_uint_eq (from_ods->len, 2);
  ck_assert_uint_eq (g_strv_length (((CustosTableRow *) from_ods->pdata[0])->cells), 3);
  ck_assert_uint_eq (((CustosTableRow *) from_ods->pdata[1])->line, 4);
  ck_assert_str_eq (cell_text (from_ods, 1, 0), "Two  spaces\nand a line");
  ck_assert_str_eq (cell_text (from_ods, 1, 1), "3");
  ck_assert_str_eq (cell_text (from_ods, 1, 2), "2027-03-31");

  for (guint i = 0; i < 3; i++)
    xlsx_lengths[i] = strlen (xlsx_texts[i]);
  xlsx = make_zip (3, xlsx_names, xlsx_texts, xlsx_lengths, NULL);
  from_xlsx = custos_sheet_read_xlsx (xlsx, &error);
  ck_assert_msg (from_xlsx != NULL, "%s", error ? error->message : "");
  ck_assert_uint_eq (from_xlsx->len, 2);
  ck_assert_str_eq (cell_text (from_xlsx, 0, 1), "Likelihood");
  ck_assert_uint_eq (((CustosTableRow *) from_xlsx->pdata[1])->line, 4);
  ck_assert_str_eq (cell_text (from_xlsx, 1, 0), "=HYPERLINK(\"x\")");
  ck_assert_str_eq (cell_text (from_xlsx, 1, 1), "3");
  ck_assert_str_eq (cell_text (from_xlsx, 1, 2), "2027-03-31");
  ck_assert_str_eq (cell_text (from_xlsx, 1, 3), "");
  ck_assert_str_eq (cell_text (from_xlsx, 1, 4), "true");
}
END_TEST

static void
assert_zip_refused (GBytes     *zip,
                    int         code,
                    const char *message)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) table = custos_sheet_read_ods (zip, &error);

  ck_assert_ptr_null (table);
  ck_assert_msg (g_error_matches (error, CUSTOS_SHEET_ERROR, code), "%s", error ? error->message : "no error");
  ck_assert_msg (strstr (error->message, message) != NULL, "%s", error->message);
}

/* Zip bombs, archives that lie about their sizes, DTDs: refused. */
START_TEST (test_zip_refused)
{
  gsize big = 100 * 1024 * 1024;
  g_autofree char *spaces = g_malloc (big);
  static const char doctype[] = "<?xml version=\"1.0\"?><!DOCTYPE x [<!ENTITY a \"aaaa\">]><x>&a;</x>";
  g_autoptr(GBytes) bomb = NULL;
  g_autoptr(GBytes) ratio = NULL;
  g_autoptr(GBytes) liar = NULL;
  g_autoptr(GBytes) dtd = NULL;
  g_autoptr(GBytes) not_zip = g_bytes_new_static ("Name,Type\n", 10);

  memset (spaces, ' ', big);
  bomb = make_zip1 ("content.xml", spaces, big, 0);
  ratio = make_zip1 ("content.xml", spaces, 40 * 1024 * 1024, 0);
  liar = make_zip1 ("content.xml", spaces, 10 * 1024 * 1024, 1000);
  dtd = make_zip1 ("content.xml", doctype, sizeof doctype - 1, 0);
  ck_assert_uint_lt (g_bytes_get_size (bomb), 200 * 1024);

  assert_zip_refused (bomb, CUSTOS_SHEET_ERROR_TOO_LARGE, "zip bomb");
  assert_zip_refused (ratio, CUSTOS_SHEET_ERROR_TOO_LARGE, "times its size");
  assert_zip_refused (liar, CUSTOS_SHEET_ERROR_TOO_LARGE, "inflates beyond what it declares");
  assert_zip_refused (dtd, CUSTOS_SHEET_ERROR_PARSE, "document type declaration");
  assert_zip_refused (not_zip, CUSTOS_SHEET_ERROR_FORMAT, "no zip archive");
}
END_TEST

/* Our CSV export, opened by LibreOffice and saved as CSV, ODS and XLSX,
 * imports back to the same document. */
START_TEST (test_libreoffice_csv)
{
  g_autofree char *soffice = g_find_program_in_path ("soffice");
  g_autofree char *dir = NULL;
  g_autoptr(CustosDocument) example = NULL;
  g_autofree char *expected = NULL;
  const CustosRegister regs[] = { CUSTOS_REGISTER_RISKS, CUSTOS_REGISTER_SOA, CUSTOS_REGISTER_ASSETS };
  const char *formats[][2] = {
    { "csv", "csv:Text - txt - csv (StarCalc):44,34,76,1" }, { "ods", "ods" }, { "xlsx", "xlsx" },
  };

  ck_assert_ptr_nonnull (soffice); /* main () skips without it */
  dir = custos_test_mkdtemp ();
  example = load_example ();
  expected = serialise (example);
  for (guint k = 0; k < G_N_ELEMENTS (regs) * G_N_ELEMENTS (formats); k++)
    {
      guint i = k % G_N_ELEMENTS (regs);
      const char **format = formats[k / G_N_ELEMENTS (regs)];
      g_autofree char *csv = custos_csv_write_register (example, regs[i], CUSTOS_CSV_DISPLAY);
      g_autofree char *name = g_strdup_printf ("%s.csv", custos_kinds_register (regs[i])->register_name);
      g_autofree char *converted_name = g_strdup_printf ("%s.%s", custos_kinds_register (regs[i])->register_name, format[0]);
      g_autofree char *source = write_temp (dir, name, csv);
      g_autofree char *outdir = g_build_filename (dir, "lo", NULL);
      g_autofree char *converted = g_build_filename (outdir, converted_name, NULL);
      g_autofree char *profile = g_strdup_printf ("-env:UserInstallation=file://%s/profile", dir);
      const char *argv[] = { soffice, "--headless", profile, "--infilter=CSV:44,34,76,1",
                             "--convert-to", format[1], "--outdir", outdir, source, NULL };
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
      ck_assert_msg (g_str_equal (got, expected), "%s from LibreOffice does not round-trip", converted_name);
    }
  custos_test_rmdir (dir);
}
END_TEST

/* The guided first ISMS: for two sectors, the draft saves, loads and checks
 * (exit 0); the readiness check finds nothing wrong in what was drafted,
 * only that it is to review, and what only running the ISMS can produce
 * (the policy's authorisation, audits, reviews: documented information
 * missing). Every drafted record and section is marked to review. */
START_TEST (test_draft_two_sectors)
{
  const char *names[] = { "accountancy", "retail" };
  g_autofree char *dir = custos_test_mkdtemp ();
  GDate today;

  g_date_clear (&today, 1);
  g_date_set_dmy (&today, 6, G_DATE_DECEMBER, 2026);
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      CustosDraftAnswers answers = { "Fenwick & Co", 0, 9, "One office in Hexham",
                                     CUSTOS_DRAFT_MICROSOFT_365 | CUSTOS_DRAFT_LAPTOPS | CUSTOS_DRAFT_BYOD, &today };
      g_autoptr(CustosDocument) doc = NULL;
      g_autoptr(CustosReadiness) readiness = NULL;
      g_autofree char *path = g_strdup_printf ("%s/%s.isms", dir, names[i]);
      g_autofree char *arg = g_strdup_printf ("--draft=%s", names[i]);
      g_autofree char *out = NULL, *err = NULL;
      const char *draft_args[] = { arg, "--output", path, "Fenwick & Co", NULL };
      const char *check_args[] = { "--check", path, NULL };
      guint to_review = 0;

      ck_assert (custos_sector_parse (names[i], &answers.sector));
      doc = custos_draft_new (&answers);
      ck_assert (custos_record_get_to_review (custos_document_get_section (doc, CUSTOS_SECTION_SCOPE)));
      ck_assert_uint_ge (custos_document_count (doc, CUSTOS_REGISTER_RISKS), 8);
      ck_assert_uint_ge (custos_document_count (doc, CUSTOS_REGISTER_ASSETS), 5);
      for (CustosRegister r = 0; r < CUSTOS_N_REGISTERS; r++)
        for (guint n = 0; n < custos_document_count (doc, r); n++)
          {
            g_autoptr(CustosRecord) record = g_list_model_get_item (custos_document_get_register (doc, r), n);
            ck_assert_msg (custos_record_get_to_review (record), "%s %s is not to review",
                           custos_kinds_register (r)->name, custos_record_get_id (record));
          }

      readiness = custos_readiness_new (doc, &today);
      /* Only "to review": what the draft cannot know or what has not happened
       * yet (the policy's authorisation, the first audit and review) waits in
       * the record it is about, which is itself to review. */
      for (guint f = 0; f < custos_readiness_get_n_findings (readiness); f++)
        {
          const CustosReadinessFinding *finding = custos_readiness_get_finding (readiness, f);

          ck_assert_msg (g_str_equal (finding->rule, "to-review"), "%s: %s: %s", names[i], finding->rule,
                         finding->message);
          ck_assert_int_eq (finding->severity, CUSTOS_READINESS_SEVERITY_WARNING);
          to_review++;
        }
      ck_assert_uint_gt (to_review, 93);

      /* The same through the command line, checked as a user would. */
      g_setenv ("CUSTOS_TODAY", "2026-12-06", TRUE);
      ck_assert_int_eq (custos_test_run_cli (draft_args, NULL, &err), 0);
      ck_assert_str_eq (err, "");
      g_clear_pointer (&err, g_free);
      ck_assert_int_eq (custos_test_run_cli (check_args, &out, &err), 0);
      g_unsetenv ("CUSTOS_TODAY");
      ck_assert_ptr_nonnull (strstr (out, ": warning: 6.1.2: Risk R-001: to review"));
      ck_assert_ptr_nonnull (strstr (out, ": warning: 4.3: Scope: drafted, to review"));
      ck_assert_ptr_nonnull (strstr (out, "(errors 0, "));
      {
        g_auto(GStrv) lines = g_strsplit (out, "\n", -1);

        for (guint l = 0; lines[l] != NULL; l++)
          if (strstr (lines[l], ": warning: ") != NULL || strstr (lines[l], ": error: ") != NULL ||
              strstr (lines[l], ": info: ") != NULL)
            ck_assert_msg (strstr (lines[l], "to review") != NULL, "%s: %s", names[i], lines[l]);
      }
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
  tcase_add_test (tc, test_ods_and_xlsx);
  tcase_add_test (tc, test_zip_refused);
  tcase_add_test (tc, test_cli);
  tcase_add_test (tc, test_draft_two_sectors);
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
