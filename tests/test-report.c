/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-report.c — the reports, read back with real PDF readers
 *
 * The PDFs are made by the command line, as a user makes them, and read with
 * poppler's tools (pdfinfo, pdftotext, pdftohtml) and checked by qpdf. The
 * layout engine, the heatmap geometry, the xref repair and the CSV writer are
 * also tested directly.
 */
#include "config.h"

#include <math.h>
#include <string.h>

#include <cairo-pdf.h>
#include <libxml/parser.h>
#include <libxml/xpath.h>
#include <libxml/xpathInternals.h>

#include "custos-csv.h"
#include "custos-export.h"
#include "custos-file.h"
#include "custos-heatmap.h"
#include "custos-issue.h"
#include "custos-pdf-xref.h"
#include "custos-report.h"
#include "custos-test-util.h"
#include "custos-xml-reader.h"

#define REPORT_DATE "2026-11-01T09:00:00Z"

static char *outdir;   /* PDFs and CSVs of the example, made once */

static const char *reports[] = { "soa", "rtp", "risks", "pack" };

/* Helpers ------------------------------------------------------------------ */

/* Runs a tool (NULL-terminated argv); returns its exit status. */
static int
tool (char        **out,
      const char   *first,
      ...)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *err = NULL;
  const char *arg;
  va_list ap;
  int status = 0;

  va_start (ap, first);
  for (arg = first; arg != NULL; arg = va_arg (ap, const char *))
    g_ptr_array_add (argv, (gpointer) arg);
  va_end (ap);
  g_ptr_array_add (argv, NULL);

  if (!g_spawn_sync (NULL, (char **) argv->pdata, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL,
                     out, &err, &status, &error))
    ck_abort_msg ("cannot run %s: %s", first, error->message);
  if (WIFEXITED (status))
    return WEXITSTATUS (status);
  ck_abort_msg ("%s did not exit normally", first);
  return -1;
}

static char *
out_path (const char *name)
{
  return g_build_filename (outdir, name, NULL);
}

static char *
pdf_text (const char *pdf)
{
  char *text = NULL;

  ck_assert_int_eq (tool (&text, "pdftotext", "-layout", "-enc", "UTF-8", pdf, "-", NULL), 0);
  return text;
}

/* pdfinfo's "Key:   value" lines */
static GHashTable *
pdf_info (const char *pdf)
{
  GHashTable *info = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autofree char *out = NULL;
  g_auto(GStrv) lines = NULL;

  ck_assert_int_eq (tool (&out, "pdfinfo", pdf, NULL), 0);
  lines = g_strsplit (out, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      char *colon = strchr (lines[i], ':');

      if (colon == NULL)
        continue;
      *colon = '\0';
      g_hash_table_insert (info, g_strdup (lines[i]), g_strstrip (g_strdup (colon + 1)));
    }
  return info;
}

static guint
pdf_pages (const char *pdf)
{
  g_autoptr(GHashTable) info = pdf_info (pdf);
  const char *pages = g_hash_table_lookup (info, "Pages");

  ck_assert_ptr_nonnull (pages);
  return (guint) atoi (pages);
}

static void
export (const char *report,
        const char *output,
        const char *paper)
{
  g_autofree char *example = custos_test_example_path ();
  g_autofree char *out = NULL, *err = NULL;
  g_autofree char *export_arg = g_strdup_printf ("--export=%s", report);
  g_autofree char *output_arg = g_strdup_printf ("--output=%s", output);
  g_autofree char *paper_arg = paper ? g_strdup_printf ("--paper=%s", paper) : NULL;
  const char *args[] = { export_arg, output_arg, example, paper_arg, NULL };

  ck_assert_msg (custos_test_run_cli (args, &out, &err) == 0, "export %s failed: %s", report, err);
  ck_assert_str_eq (err, "");
}

static CustosDocument *
load_example (void)
{
  g_autofree char *path = custos_test_example_path ();
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  CustosDocument *doc = custos_file_load (file, NULL, &error);

  g_assert_no_error (error);
  return doc;
}

/* Is id in text as a whole token (not part of 5.10 when looking for 5.1)? */
static gboolean
has_token (const char *text,
           const char *id)
{
  g_autofree char *escaped = g_regex_escape_string (id, -1);
  g_autofree char *pattern = g_strdup_printf ("(?<![0-9A-Za-z.-])%s(?![0-9A-Za-z-]|\\.[0-9])", escaped);

  return g_regex_match_simple (pattern, text, 0, 0);
}

static void
make_outputs (void)
{
  g_setenv ("CAIRO_PDF_METADATA_CREATE_DATE", REPORT_DATE, TRUE);
  outdir = custos_test_mkdtemp ();
  for (guint i = 0; i < G_N_ELEMENTS (reports); i++)
    {
      g_autofree char *name = g_strdup_printf ("%s.pdf", reports[i]);
      g_autofree char *path = out_path (name);
      export (reports[i], path, "a4");
    }
  {
    g_autofree char *path = out_path ("rtp-letter.pdf");
    export ("rtp", path, "letter");
  }
  for (guint i = 0; i < 6; i++)
    {
      const char *csv[] = { "soa", "risks", "assets", "rtp", "suppliers", "requirements" };
      g_autofree char *name = g_strdup_printf ("%s.csv", csv[i]);
      g_autofree char *path = out_path (name);
      export (csv[i], path, NULL);
    }
}

static void
remove_outputs (void)
{
  custos_test_rmdir (outdir);
  g_clear_pointer (&outdir, g_free);
}

/* PDFs of the example, through poppler and qpdf ------------------------------ */

START_TEST (test_qpdf_check)
{
  g_autofree char *name = g_strdup_printf ("%s.pdf", reports[_i]);
  g_autofree char *path = out_path (name);
  g_autofree char *out = NULL;

  ck_assert_msg (tool (&out, "qpdf", "--check", path, NULL) == 0, "qpdf --check %s: %s", name, out);
}
END_TEST

START_TEST (test_qpdf_check_letter)
{
  g_autofree char *path = out_path ("rtp-letter.pdf");
  g_autofree char *out = NULL;

  ck_assert_msg (tool (&out, "qpdf", "--check", path, NULL) == 0, "%s", out);
}
END_TEST

START_TEST (test_metadata)
{
  static const char *titles[] = { "Statement of Applicability", "Risk Treatment Plan", "Risk Assessment Report",
                                  "ISMS Certification Pack" };
  g_autofree char *name = g_strdup_printf ("%s.pdf", reports[_i]);
  g_autofree char *path = out_path (name);
  g_autoptr(GHashTable) info = pdf_info (path);
  g_autofree char *subject = g_strdup_printf ("%s — Northwind Accountants LLP", titles[_i]);

  ck_assert_str_eq (g_hash_table_lookup (info, "Title"), titles[_i]);
  ck_assert_str_eq (g_hash_table_lookup (info, "Author"), "Rachel Booth");
  ck_assert_str_eq (g_hash_table_lookup (info, "Creator"), "Custos " PACKAGE_VERSION);
  ck_assert_str_eq (g_hash_table_lookup (info, "Subject"), subject);
  ck_assert_str_eq (g_hash_table_lookup (info, "Keywords"), "ISO/IEC 27001, ISMS");
  /* The date set for reproducible output (pdfinfo shows it in local time). */
  ck_assert_msg (strstr (g_hash_table_lookup (info, "CreationDate"), "2026") != NULL, "%s",
                 (char *) g_hash_table_lookup (info, "CreationDate"));
  ck_assert_msg (strstr (g_hash_table_lookup (info, "CreationDate"), "Nov") != NULL, "%s",
                 (char *) g_hash_table_lookup (info, "CreationDate"));
  ck_assert_int_ge (pdf_pages (path), 5);
}
END_TEST

/* Every page is A4 (or Letter), portrait or landscape. */
static void
check_page_sizes (const char *path,
                  int         w,
                  int         h)
{
  guint n = pdf_pages (path);
  g_autofree char *last = g_strdup_printf ("%u", n);
  g_autofree char *info = NULL;
  g_autofree char *portrait = g_strdup_printf ("size:\\s+%d x %d pts", w, h);
  g_autofree char *landscape = g_strdup_printf ("size:\\s+%d x %d pts", h, w);
  g_autofree char *cover = g_strdup_printf ("Page\\s+1 size:\\s+%d x %d pts", w, h);
  g_auto(GStrv) lines = NULL;
  guint seen = 0;

  ck_assert_int_eq (tool (&info, "pdfinfo", "-f", "1", "-l", last, path, NULL), 0);
  lines = g_strsplit (info, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    if (g_str_has_prefix (lines[i], "Page ") && strstr (lines[i], " size:") != NULL)
      {
        ck_assert_msg (g_regex_match_simple (portrait, lines[i], 0, 0) ||
                       g_regex_match_simple (landscape, lines[i], 0, 0), "%s", lines[i]);
        seen++;
      }
  ck_assert_uint_eq (seen, n);
  /* The first page, the cover, is portrait. */
  ck_assert_msg (g_regex_match_simple (cover, info, 0, 0), "%s", info);
}

START_TEST (test_page_size_a4)
{
  g_autofree char *name = g_strdup_printf ("%s.pdf", reports[_i]);
  g_autofree char *path = out_path (name);

  check_page_sizes (path, 595, 842);
}
END_TEST

START_TEST (test_page_size_letter)
{
  g_autofree char *path = out_path ("rtp-letter.pdf");
  g_autoptr(GHashTable) info = pdf_info (path);

  check_page_sizes (path, 612, 792);
  ck_assert_str_eq (g_hash_table_lookup (info, "Page size"), "612 x 792 pts (letter)");
}
END_TEST

START_TEST (test_page_numbers)
{
  g_autofree char *name = g_strdup_printf ("%s.pdf", reports[_i]);
  g_autofree char *path = out_path (name);
  g_autofree char *text = pdf_text (path);
  g_auto(GStrv) pages = g_strsplit (text, "\f", -1);
  guint n = pdf_pages (path);

  ck_assert_uint_ge (g_strv_length (pages), n);
  for (guint i = 0; i < n; i++)
    {
      g_autofree char *expected = g_strdup_printf ("Page %u of %u", i + 1, n);
      ck_assert_msg (strstr (pages[i], expected) != NULL, "%s: page %u lacks “%s”", name, i + 1, expected);
      /* The running footer carries the classification and the version; the
       * example has never been issued, so it is a draft after 1.3. */
      ck_assert_msg (strstr (pages[i], "CONFIDENTIAL") != NULL, "%s: page %u", name, i + 1);
      ck_assert_msg (strstr (pages[i], "Draft after version 1.3 · as of 2026-11-01") != NULL, "%s: page %u", name, i + 1);
    }
}
END_TEST

START_TEST (test_soa_every_control)
{
  g_autofree char *path = out_path ("soa.pdf");
  g_autofree char *text = pdf_text (path);
  CustosCatalogue *catalogue = custos_catalogue_get (CUSTOS_EDITION_2022);

  /* Every control, cited "A.5.1" as in the CSV and the window (a control
   * row starts with it; user text may cite a bare id). */
  for (guint i = 0; i < custos_catalogue_get_n_controls (catalogue); i++)
    {
      const CustosControl *control = custos_catalogue_get_control (catalogue, i);
      g_autofree char *cited = custos_control_cite (control->id);

      g_autofree char *escaped = g_regex_escape_string (cited, -1);
      g_autofree char *pattern = g_strdup_printf ("(?m)^\\s*%s\\s", escaped);

      ck_assert_msg (g_regex_match_simple (pattern, text, 0, 0), "control %s is missing from the SoA", cited);
    }
  /* and the pack carries the SoA as well */
  {
    g_autofree char *pack = out_path ("pack.pdf");
    g_autofree char *pack_text = pdf_text (pack);

    for (guint i = 0; i < custos_catalogue_get_n_controls (catalogue); i++)
      {
        g_autofree char *cited = custos_control_cite (custos_catalogue_get_control (catalogue, i)->id);
        ck_assert (has_token (pack_text, cited));
      }
  }
}
END_TEST

START_TEST (test_rtp_every_risk)
{
  g_autoptr(CustosDocument) doc = load_example ();
  GListModel *risks = custos_document_get_register (doc, CUSTOS_REGISTER_RISKS);
  const char *files[] = { "rtp.pdf", "risks.pdf", "pack.pdf" };

  ck_assert_uint_eq (g_list_model_get_n_items (risks), 31);
  for (guint f = 0; f < G_N_ELEMENTS (files); f++)
    {
      g_autofree char *path = out_path (files[f]);
      g_autofree char *text = pdf_text (path);

      for (guint i = 0; i < g_list_model_get_n_items (risks); i++)
        {
          g_autoptr(CustosRecord) risk = g_list_model_get_item (risks, i);
          ck_assert_msg (has_token (text, custos_record_get_id (risk)), "%s: %s missing", files[f],
                         custos_record_get_id (risk));
        }
    }
}
END_TEST

/* pdftotext -raw with every run of white space made one space. */
static char *
flat_text (const char *pdf)
{
  g_autofree char *raw = NULL;
  g_autoptr(GRegex) space = g_regex_new ("\\s+", 0, 0, NULL);

  ck_assert_int_eq (tool (&raw, "pdftotext", "-raw", "-enc", "UTF-8", pdf, "-", NULL), 0);
  return g_regex_replace_literal (space, raw, -1, 0, " ", 0, NULL);
}

/* The same, keeping the page breaks (form feeds). */
static char *
flat_pages (const char *pdf)
{
  g_autofree char *raw = NULL;
  g_autoptr(GRegex) space = g_regex_new ("[ \\t\\r\\n]+", 0, 0, NULL);

  ck_assert_int_eq (tool (&raw, "pdftotext", "-raw", "-enc", "UTF-8", pdf, "-", NULL), 0);
  return g_regex_replace_literal (space, raw, -1, 0, " ", 0, NULL);
}

static guint
count_of (const char *text,
          const char *what)
{
  guint n = 0;

  for (const char *p = strstr (text, what); p != NULL; p = strstr (p + 1, what))
    n++;
  return n;
}

/* What 6.1.3 asks of the plan, for every risk: the controls decided (Annex A
 * and the others), residual likelihood and consequence, acceptance, next
 * review; and a signature for each risk owner. */
START_TEST (test_rtp_content)
{
  g_autoptr(CustosDocument) doc = load_example ();
  g_autofree char *pdf = out_path ("rtp.pdf");
  g_autofree char *text = flat_text (pdf);
  GListModel *risks = custos_document_get_register (doc, CUSTOS_REGISTER_RISKS);
  guint n = g_list_model_get_n_items (risks), n_custom = 0;
  g_autoptr(GHashTable) owners = g_hash_table_new (g_str_hash, g_str_equal);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(CustosRecord) risk = g_list_model_get_item (risks, i);
      const char * const *controls = custos_risk_get_controls (CUSTOS_RISK (risk));
      const char *custom = custos_risk_get_custom_controls (CUSTOS_RISK (risk));
      const char *by = custos_risk_get_accepted_by (CUSTOS_RISK (risk));
      const char *on = custos_risk_get_accepted (CUSTOS_RISK (risk));

      for (guint k = 0; controls != NULL && controls[k] != NULL; k++)
        {
          g_autofree char *cited = custos_control_cite (controls[k]);
          g_autofree char *with_title = g_strdup_printf ("%s %s", cited,
                                                         custos_document_get_control_title (doc, controls[k]));
          ck_assert_msg (strstr (text, with_title) != NULL, "%s: control %s is not in the plan",
                         custos_record_get_id (risk), with_title);
        }
      if (custom != NULL)
        {
          g_autoptr(GRegex) space = g_regex_new ("\\s+", 0, 0, NULL);
          g_autofree char *flat = g_regex_replace_literal (space, custom, -1, 0, " ", 0, NULL);

          n_custom++;
          ck_assert_msg (strstr (text, flat) != NULL, "%s: other controls missing", custos_record_get_id (risk));
        }
      if (by != NULL && on != NULL)
        {
          g_autofree char *accepted = g_strdup_printf ("%s on %s", by, on);
          /* under the risk in the plan, and in the table of acceptances */
          ck_assert_msg (count_of (text, accepted) >= 2, "%s: “%s”", custos_record_get_id (risk), accepted);
        }
      if (custos_risk_get_owner (CUSTOS_RISK (risk)) != NULL)
        g_hash_table_add (owners, (gpointer) custos_risk_get_owner (CUSTOS_RISK (risk)));
    }
  ck_assert_uint_gt (n_custom, 0);
  ck_assert_uint_ge (count_of (text, "Controls not in Annex A"), n_custom);
  ck_assert_uint_ge (count_of (text, "Residual risk accepted by"), n);
  ck_assert_uint_ge (count_of (text, "Next review"), n);
  ck_assert_uint_ge (count_of (text, "Likelihood "), n);
  /* one signature box for each risk owner, and top management */
  {
    GHashTableIter iter;
    gpointer id;

    g_hash_table_iter_init (&iter, owners);
    while (g_hash_table_iter_next (&iter, &id, NULL))
      {
        CustosRecord *role = custos_document_lookup (doc, CUSTOS_REGISTER_ROLES, id);
        g_autofree char *label = g_strdup_printf ("Risk owner: %s", custos_record_get_title (role));
        ck_assert_msg (count_of (text, label) == 1, "no signature for %s", label);
      }
    ck_assert_uint_ge (g_hash_table_size (owners), 2);
    ck_assert_uint_eq (count_of (text, "Risk owner: "), g_hash_table_size (owners));
  }
}
END_TEST

/* How often what occurs in a file that may hold NUL bytes. */
static guint
bytes_count (GBytes     *bytes,
             const char *what)
{
  gsize size, len = strlen (what);
  const char *data = g_bytes_get_data (bytes, &size), *end = data + size;
  guint n = 0;

  for (const char *p = data; p + len <= end; p++)
    n += *p == *what && memcmp (p, what, len) == 0;
  return n;
}

/* In the pack every risk and asset is a named destination on the page of its
 * register row, and other tables' mentions of them are links to it. */
START_TEST (test_record_links)
{
  g_autoptr(CustosDocument) doc = load_example ();
  g_autofree char *pdf = out_path ("pack.pdf");
  g_autofree char *qdf = out_path ("pack-qdf.pdf");
  g_autofree char *dests = NULL;
  g_autofree char *text = pdf_text (pdf);
  g_auto(GStrv) pages = g_strsplit (text, "\f", -1);
  g_autoptr(GBytes) bytes = NULL;
  const CustosRegister regs[] = { CUSTOS_REGISTER_RISKS, CUSTOS_REGISTER_ASSETS };

  ck_assert_int_eq (tool (&dests, "pdfinfo", "-dests", pdf, NULL), 0);
  ck_assert_int_eq (tool (NULL, "qpdf", "--qdf", "--object-streams=disable", pdf, qdf, NULL), 0);
  bytes = custos_test_read_file (qdf);
  for (guint g = 0; g < G_N_ELEMENTS (regs); g++)
    {
      GListModel *model = custos_document_get_register (doc, regs[g]);

      for (guint i = 0; i < g_list_model_get_n_items (model); i++)
        {
          g_autoptr(CustosRecord) record = g_list_model_get_item (model, i);
          const char *id = custos_record_get_id (record);
          g_autofree char *pattern = g_strdup_printf ("^ *([0-9]+) \\[[^]]*\\] \"rec\\.%s\"$", id);
          g_autoptr(GRegex) re = g_regex_new (pattern, G_REGEX_MULTILINE, 0, NULL);
          g_autoptr(GMatchInfo) m = NULL;
          g_autofree char *name = g_strdup_printf ("(rec.%s)", id);

          ck_assert_msg (g_regex_match (re, dests, 0, &m), "no destination for %s", id);
          {
            g_autofree char *page = g_match_info_fetch (m, 1);
            guint n = (guint) atoi (page);

            ck_assert_uint_ge (n, 1);
            ck_assert_msg (has_token (pages[n - 1], id), "%s: its destination, page %u, does not show it", id, n);
          }
          /* the name in the destinations, and links to it */
          ck_assert_msg (bytes_count (bytes, name) >= 2, "nothing links to %s", id);
        }
    }
}
END_TEST

/* The pack is the evidence an auditor reads: every record of every register
 * of the example is in it, so each piece of evidence traces to its records.
 * The SoA has its own test (controls are cited A.5.1); revisions are listed
 * by version. */
START_TEST (test_pack_every_record)
{
  g_autoptr(CustosDocument) doc = load_example ();
  g_autofree char *pdf = out_path ("pack.pdf");
  g_autofree char *text = pdf_text (pdf);
  guint checked = 0;

  for (CustosRegister reg = 0; reg < CUSTOS_N_REGISTERS; reg++)
    {
      GListModel *model = custos_document_get_register (doc, reg);

      if (reg == CUSTOS_REGISTER_SOA)
        continue;
      for (guint i = 0; i < g_list_model_get_n_items (model); i++)
        {
          g_autoptr(CustosRecord) record = g_list_model_get_item (model, i);
          const char *shown = reg == CUSTOS_REGISTER_REVISIONS
                            ? custos_revision_get_version (CUSTOS_REVISION (record))
                            : custos_record_get_id (record);

          ck_assert_msg (has_token (text, shown), "%s %s is not in the pack",
                         custos_kinds_register (reg)->name, shown);
          checked++;
        }
    }
  ck_assert_uint_ge (checked, 250);
}
END_TEST

/* Every report is a tagged PDF: marked, with its language, and a structure
 * tree of headings, paragraphs, tables of rows and cells, and figures. */
START_TEST (test_tagged)
{
  g_autofree char *name = g_strdup_printf ("%s.pdf", reports[_i]);
  g_autofree char *pdf = out_path (name);
  g_autofree char *qdf_name = g_strdup_printf ("%s-tags.pdf", reports[_i]);
  g_autofree char *qdf = out_path (qdf_name);
  g_autoptr(GHashTable) info = pdf_info (pdf);
  g_autoptr(GBytes) bytes = NULL;
  const char *elements[] = { "/StructTreeRoot", "/Lang (en)", "/S /H1", "/S /P", "/S /Table", "/S /TR", "/S /TH",
                             "/S /TD" };

  ck_assert_str_eq (g_hash_table_lookup (info, "Tagged"), "yes");
  ck_assert_int_eq (tool (NULL, "qpdf", "--qdf", "--object-streams=disable", pdf, qdf, NULL), 0);
  bytes = custos_test_read_file (qdf);
  for (guint i = 0; i < G_N_ELEMENTS (elements); i++)
    ck_assert_msg (bytes_count (bytes, elements[i]) > 0, "%s: no %s", name, elements[i]);
  if (g_str_equal (reports[_i], "risks") || g_str_equal (reports[_i], "pack"))
    ck_assert_msg (bytes_count (bytes, "/S /Figure") > 0, "%s: the heatmaps are no figures", name);
}
END_TEST

/* The control table spans pages: its header row is on every one of them. */
START_TEST (test_header_repeated)
{
  g_autofree char *path = out_path ("soa.pdf");
  g_autofree char *text = pdf_text (path);
  g_auto(GStrv) pages = g_strsplit (text, "\f", -1);
  g_autoptr(GRegex) row = g_regex_new ("^\\s*A\\.[5-8]\\.[0-9]+\\s+\\S", G_REGEX_MULTILINE, 0, NULL);
  guint table_pages = 0;

  for (guint i = 0; pages[i] != NULL; i++)
    {
      if (!g_regex_match (row, pages[i], 0, NULL))
        continue;
      table_pages++;
      ck_assert_msg (strstr (pages[i], "JUSTIFICATION AND HOW APPLIED") != NULL,
                     "page %u has control rows but no header row:\n%s", i + 1, pages[i]);
      ck_assert_msg (strstr (pages[i], "IMPLEMENTATION") != NULL, "page %u", i + 1);
    }
  /* 93 controls do not fit on a few pages: the repeat was exercised. */
  ck_assert_uint_ge (table_pages, 6);
}
END_TEST

/* The contents: every entry links to the page its number shows, and that
 * page holds the heading; the bookmarks agree. */
START_TEST (test_contents_links)
{
  g_autofree char *name = g_strdup_printf ("%s.pdf", reports[_i]);
  g_autofree char *path = out_path (name);
  g_autofree char *xml = NULL;
  g_autoptr(GRegex) link = g_regex_new ("<text top=\"[0-9]+\" left=\"([0-9]+)\"[^>]*><a href=\"[^\"]*#([0-9]+)\">(.*?)</a>",
                                        0, 0, NULL);
  g_autoptr(GRegex) item = g_regex_new ("<item page=\"([0-9]+)\">(.*?)</item>", 0, 0, NULL);
  g_autoptr(GMatchInfo) match = NULL;
  g_autoptr(GHashTable) outline = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  guint numbers = 0, titles = 0;

  ck_assert_int_eq (tool (&xml, "pdftohtml", "-xml", "-i", "-stdout", "-q", path, NULL), 0);

  g_regex_match (item, xml, 0, &match);
  while (g_match_info_matches (match))
    {
      g_autofree char *page = g_match_info_fetch (match, 1);
      g_autofree char *title = g_match_info_fetch (match, 2);
      g_autoptr(GRegex) number = g_regex_new ("^[0-9.]+( [a-z]\\))? ", 0, 0, NULL);
      g_autofree char *bare = g_regex_replace_literal (number, title, -1, 0, "", 0, NULL);

      /* The contents show the number apart from the title. */
      g_hash_table_insert (outline, g_steal_pointer (&bare), GINT_TO_POINTER (atoi (page)));
      g_hash_table_insert (outline, g_steal_pointer (&title), GINT_TO_POINTER (atoi (page)));
      g_match_info_next (match, NULL);
    }
  g_clear_pointer (&match, g_match_info_free);
  ck_assert_uint_ge (g_hash_table_size (outline), 4);
  ck_assert (g_hash_table_contains (outline, "Document control"));

  g_regex_match (link, xml, 0, &match);
  while (g_match_info_matches (match))
    {
      g_autofree char *left = g_match_info_fetch (match, 1);
      g_autofree char *page = g_match_info_fetch (match, 2);
      g_autofree char *inner = g_match_info_fetch (match, 3);
      g_autofree char *label = NULL;
      g_autoptr(GRegex) tags = g_regex_new ("<[^>]*>", 0, 0, NULL);
      int target = atoi (page);

      label = g_regex_replace_literal (tags, inner, -1, 0, "", 0, NULL);
      g_strstrip (label);
      /* Page numbers are right-aligned; chapter numbers on the left. (pdftohtml
       * scales by 1.5: 892 units across an A4 page.) */
      if (*label != '\0' && strspn (label, "0123456789") == strlen (label) && atoi (left) > 600)
        {
          /* The page number printed in the contents is the link's target. */
          ck_assert_msg (atoi (label) == target, "%s: “%s” links to page %d", name, label, target);
          numbers++;
        }
      else if (*label != '\0' && g_hash_table_contains (outline, label))
        {
          g_autofree char *first = g_strdup_printf ("%d", target);
          g_autofree char *text = NULL;

          ck_assert_int_eq (GPOINTER_TO_INT (g_hash_table_lookup (outline, label)), target);
          ck_assert_int_eq (tool (&text, "pdftotext", "-f", first, "-l", first, "-enc", "UTF-8", path, "-", NULL), 0);
          ck_assert_msg (strstr (text, label) != NULL, "%s: page %d lacks “%s”", name, target, label);
          titles++;
        }
      g_match_info_next (match, NULL);
    }
  ck_assert_uint_ge (numbers, 4);
  ck_assert_uint_ge (titles, 3);
}
END_TEST

START_TEST (test_named_destinations)
{
  g_autofree char *path = out_path ("pack.pdf");
  g_autofree char *out = NULL;

  ck_assert_int_eq (tool (&out, "pdfinfo", "-dests", path, NULL), 0);
  ck_assert_msg (strstr (out, "\"h0\"") != NULL, "%s", out);
  ck_assert_msg (strstr (out, "\"h10\"") != NULL, "%s", out);
}
END_TEST

START_TEST (test_pack_clauses)
{
  g_autofree char *path = out_path ("pack.pdf");
  g_autofree char *text = pdf_text (path);
  const char *in_order[] = {
    "Document control", "Contents", "Context of the organisation", "Interested parties",
    "Legal, statutory, regulatory and contractual requirements", "Scope of the ISMS",
    "Information security management system", "Leadership", "Leadership and commitment",
    "Information security policy", "Roles and responsibilities", "Planning", "Risks and opportunities of the ISMS",
    "Information security risk assessment", "Risk register", "Information security risk treatment",
    "Treatment plan", "Statement of Applicability", "Evidence of controls", "Information security objectives",
    "Planning of changes", "Support", "Resources", "Competence requirements", "Training and awareness",
    "Communication plan", "Document register", "Operation", "Operational processes", "Supplier register",
    "Performance evaluation", "Monitoring and measurement", "Monitoring results", "Monitoring evaluation",
    "Internal audit programme", "Audit programme coverage", "Audit findings", "Management reviews", "Improvement",
    "Continual improvement", "Nonconformities and corrective actions", "Incident log", "Approval",
  };
  const char *after_contents;
  const char *p;

  /* Skip the contents page, then find every part in clause order. */
  after_contents = strstr (text, "\f");
  after_contents = after_contents ? strstr (after_contents + 1, "\f") : NULL;
  ck_assert_ptr_nonnull (after_contents);
  p = strstr (text, "Document control");
  ck_assert_ptr_nonnull (p);
  p = strstr (after_contents, "Context of the organisation");
  for (guint i = 2; i < G_N_ELEMENTS (in_order); i++)
    {
      const char *next = p ? strstr (p, in_order[i]) : NULL;
      ck_assert_msg (next != NULL, "“%s” is missing or out of clause order", in_order[i]);
      p = next;
    }
  /* 9.1 e–f: each measure evaluated against its target, with its trend. */
  ck_assert (g_regex_match_simple ("MON-002 Annual security training[^\n]*≥ 100 %[^\n]*93.3 %[^\n]*Missed[^\n]*Worsening",
                                   text, 0, 0));
  ck_assert (g_regex_match_simple ("MON-001 Phishing simulation click rate[^\n]*≤ ?5 ?%[^\n]*3.4 %[^\n]*Met[^\n]*Improving",
                                   text, 0, 0));
  ck_assert_ptr_nonnull (strstr (text, "MON-001 Phishing simulation click rate: results over time against the target"));
  /* 9.2: the programme's coverage by clause and theme, year by year. */
  ck_assert (g_regex_match_simple ("Clause 6 +AUD-001 +AUD-002 +AUD-004 +AUD-006[^\n]*Covered", text, 0, 0));
  /* Signature blocks */
  ck_assert_ptr_nonnull (strstr (text, "Signature"));
  ck_assert_ptr_nonnull (strstr (text, "Managing Partner"));
}
END_TEST

START_TEST (test_reproducible)
{
  g_autofree char *a = out_path ("again.pdf");
  g_autofree char *b = out_path ("soa.pdf");
  g_autoptr(GBytes) x = NULL;
  g_autoptr(GBytes) y = NULL;

  export ("soa", a, "a4");
  x = custos_test_read_file (a);
  y = custos_test_read_file (b);
  ck_assert_msg (g_bytes_equal (x, y), "two exports of the same document differ");
}
END_TEST

START_TEST (test_text_selectable_and_fonts_embedded)
{
  g_autofree char *path = out_path ("rtp.pdf");
  g_autofree char *fonts = NULL;
  g_auto(GStrv) lines = NULL;
  guint n = 0;

  ck_assert_int_eq (tool (&fonts, "pdffonts", path, NULL), 0);
  lines = g_strsplit (fonts, "\n", -1);
  for (guint i = 2; lines[i] != NULL; i++)
    {
      if (*lines[i] == '\0')
        continue;
      /* columns: name type encoding emb sub uni */
      ck_assert_msg (strstr (lines[i], " yes yes yes ") != NULL, "font not embedded with a unicode map: %s",
                     lines[i]);
      n++;
    }
  ck_assert_uint_ge (n, 1);
}
END_TEST

/* The CLI ------------------------------------------------------------------------ */

START_TEST (test_cli_errors)
{
  g_autofree char *example = custos_test_example_path ();
  g_autofree char *dir = custos_test_mkdtemp ();
  g_autofree char *pdf = g_build_filename (dir, "x.pdf", NULL);
  g_autofree char *csv = g_build_filename (dir, "x.csv", NULL);
  g_autofree char *txt = g_build_filename (dir, "x.txt", NULL);
  g_autofree char *out_pdf = g_strdup_printf ("--output=%s", pdf);
  g_autofree char *out_csv = g_strdup_printf ("--output=%s", csv);
  g_autofree char *out_txt = g_strdup_printf ("--output=%s", txt);
  struct
  {
    const char *args[5];
    int         status;
    const char *message;
  } cases[] = {
    { { "--export=bogus", out_pdf, example, NULL }, 1, "Unknown report “bogus”" },
    { { "--export=soa", out_txt, example, NULL }, 1, "must end in .pdf or .csv" },
    { { "--export=pack", out_csv, example, NULL }, 1, "no CSV form" },
    { { "--export=nothing", out_csv, example, NULL }, 1, "Unknown register “nothing”" },
    { { "--export=soa", out_pdf, "--paper=a3", example, NULL }, 1, "Unknown paper size “a3”" },
    { { "--export=soa", example, NULL }, 1, "--export needs --output" },
    { { "--export=soa", out_pdf, "/nonexistent/none.isms", NULL }, 1, "none.isms" },
    { { "--paper=a4", example, NULL }, 1, "--paper needs --export" },
    { { "--export=incidents", out_csv, example, NULL }, 0, NULL },
    { { "--export=risks", out_pdf, "--paper=letter", example, NULL }, 0, NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *out = NULL, *err = NULL;
      int status = custos_test_run_cli (cases[i].args, &out, &err);

      ck_assert_msg (status == cases[i].status, "case %u: status %d, stderr %s", i, status, err);
      if (cases[i].message != NULL)
        ck_assert_msg (strstr (err, cases[i].message) != NULL, "case %u: %s", i, err);
      else
        ck_assert_str_eq (err, "");
    }
  /* The failed exports wrote nothing. */
  ck_assert (!g_file_test (txt, G_FILE_TEST_EXISTS));
  custos_test_rmdir (dir);
}
END_TEST

/* CSV ---------------------------------------------------------------------------- */

/* An RFC 4180 reader: records of fields, quotes doubled, CRLF between records. */
static GPtrArray *
parse_csv (const char *text)
{
  GPtrArray *records = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  GPtrArray *fields = g_ptr_array_new ();
  GString *field = g_string_new (NULL);
  const char *p = text;

  while (*p != '\0')
    {
      if (*p == '"')
        {
          for (p++; *p != '\0'; p++)
            {
              if (*p == '"' && p[1] == '"')
                g_string_append_c (field, '"'), p++;
              else if (*p == '"')
                {
                  p++;
                  break;
                }
              else
                g_string_append_c (field, *p);
            }
        }
      else
        while (*p != '\0' && *p != ',' && *p != '\r' && *p != '\n')
          g_string_append_c (field, *p++);

      g_ptr_array_add (fields, g_strdup (field->str));
      g_string_truncate (field, 0);
      if (*p == ',')
        p++;
      else
        {
          ck_assert_msg (*p == '\0' || (p[0] == '\r' && p[1] == '\n'), "record not ended by CRLF");
          if (*p != '\0')
            p += 2;
          g_ptr_array_add (fields, NULL);
          g_ptr_array_add (records, g_ptr_array_free (fields, FALSE));
          fields = g_ptr_array_new ();
        }
    }
  g_ptr_array_free (fields, TRUE);
  g_string_free (field, TRUE);
  return records;
}

START_TEST (test_csv_quoting)
{
  g_autoptr(CustosDocument) doc = custos_document_new (CUSTOS_EDITION_2022);
  const char *nasty = "Comma, \"quoted\" and\na newline";
  CustosRecord *asset = custos_document_add_new (doc, CUSTOS_REGISTER_ASSETS);
  CustosRecord *plain = custos_document_add_new (doc, CUSTOS_REGISTER_ASSETS);
  g_autofree char *text = NULL;
  g_autoptr(GPtrArray) records = NULL;
  char **header, **row;

  custos_asset_set_name (CUSTOS_ASSET (asset), nasty);
  custos_asset_set_location (CUSTOS_ASSET (asset), " leading space");
  custos_asset_set_description (CUSTOS_ASSET (asset), "Ελληνικά, Кириллица, 日本語");
  custos_asset_set_name (CUSTOS_ASSET (plain), "Plain");

  text = custos_csv_write_register (doc, CUSTOS_REGISTER_ASSETS, CUSTOS_CSV_DISPLAY);
  ck_assert (g_utf8_validate (text, -1, NULL));
  records = parse_csv (text);
  ck_assert_uint_eq (records->len, 3);
  header = records->pdata[0];
  ck_assert_str_eq (header[0], "ID");
  ck_assert_str_eq (header[1], "Asset");
  ck_assert_str_eq (header[2], "Type");
  ck_assert_uint_eq (g_strv_length (header), 1 + custos_kinds_register (CUSTOS_REGISTER_ASSETS)->n_fields);
  row = records->pdata[1];
  ck_assert_uint_eq (g_strv_length (row), g_strv_length (header));
  ck_assert_str_eq (row[0], custos_record_get_id (asset));
  ck_assert_str_eq (row[1], nasty);
  ck_assert_str_eq (row[4], " leading space");
  ck_assert_str_eq (row[6], "Ελληνικά, Кириллица, 日本語");
  ck_assert_str_eq (((char **) records->pdata[2])[1], "Plain");
  /* Unquoted when nothing needs quoting */
  ck_assert_ptr_nonnull (strstr (text, ",Plain,"));
}
END_TEST

/* The supplier and requirements registers, one row per record, labels as on screen. */
START_TEST (test_csv_suppliers_requirements)
{
  static const struct { const char *file; CustosRegister reg; guint n; const char *column; const char *value; } cases[] = {
    { "suppliers.csv", CUSTOS_REGISTER_SUPPLIERS, 7, "Assessment result", "Satisfactory with conditions" },
    { "requirements.csv", CUSTOS_REGISTER_REQUIREMENTS, 8, "Kind", "Statutory" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *path = out_path (cases[i].file);
      g_autoptr(GBytes) bytes = custos_test_read_file (path);
      g_autofree char *text = g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
      g_autoptr(GPtrArray) records = parse_csv (text);
      char **header = records->pdata[0];
      int column = -1;
      gboolean found = FALSE;

      ck_assert_uint_eq (records->len, 1 + cases[i].n);
      ck_assert_uint_eq (g_strv_length (header), 1 + custos_kinds_register (cases[i].reg)->n_fields);
      for (guint c = 0; header[c] != NULL; c++)
        if (g_str_equal (header[c], cases[i].column))
          column = (int) c;
      ck_assert_int_ge (column, 0);
      for (guint r = 1; r < records->len; r++)
        found |= g_str_equal (((char **) records->pdata[r])[column], cases[i].value);
      ck_assert_msg (found, "%s: no “%s” in %s", cases[i].file, cases[i].value, cases[i].column);
    }
}
END_TEST

START_TEST (test_csv_risks_derived)
{
  g_autoptr(CustosDocument) doc = load_example ();
  g_autofree char *path = out_path ("risks.csv");
  g_autoptr(GBytes) bytes = custos_test_read_file (path);
  g_autofree char *text = g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
  g_autoptr(GPtrArray) records = parse_csv (text);
  char **header = records->pdata[0];
  guint n_fields = custos_kinds_register (CUSTOS_REGISTER_RISKS)->n_fields;
  int score_col = -1, band_col = -1, controls_col = -1;

  ck_assert_uint_eq (records->len, 1 + 31);
  ck_assert_uint_eq (g_strv_length (header), 1 + n_fields + 4);
  for (guint c = 0; header[c] != NULL; c++)
    {
      if (g_str_equal (header[c], "Residual score"))
        score_col = (int) c;
      if (g_str_equal (header[c], "Inherent band"))
        band_col = (int) c;
      if (g_str_equal (header[c], "Annex A controls"))
        controls_col = (int) c;
    }
  ck_assert_int_ge (controls_col, 0);
  ck_assert_int_ge (score_col, 0);
  ck_assert_int_ge (band_col, 0);
  for (guint r = 1; r < records->len; r++)
    {
      char **row = records->pdata[r];
      CustosRecord *risk = custos_document_lookup (doc, CUSTOS_REGISTER_RISKS, row[0]);
      int band = custos_document_risk_band (doc, risk, FALSE);

      ck_assert_ptr_nonnull (risk);
      ck_assert_uint_eq (g_strv_length (row), g_strv_length (header));
      ck_assert_int_eq (atoi (row[score_col]), custos_document_risk_score (doc, risk, TRUE));
      ck_assert_str_eq (row[band_col],
                        band >= 0 ? custos_criteria_get_band (custos_document_get_criteria (doc), (guint) band)->name : "");
      ck_assert_str_eq (row[1], custos_record_get_title (risk));
      /* the file's "5.30" is cited "A.5.30", as in the SoA */
      {
        const char * const *ids = custos_risk_get_controls (CUSTOS_RISK (risk));
        g_auto(GStrv) cited = *row[controls_col] ? g_strsplit (row[controls_col], "; ", -1) : g_new0 (char *, 1);

        ck_assert_uint_eq (g_strv_length (cited), ids ? g_strv_length ((char **) ids) : 0);
        for (guint k = 0; cited[k] != NULL; k++)
          {
            ck_assert_str_eq (cited[k] + 2, ids[k]);
            ck_assert (g_str_has_prefix (cited[k], "A."));
          }
      }
    }
}
END_TEST

START_TEST (test_csv_soa_selecting_risks)
{
  g_autoptr(CustosDocument) doc = load_example ();
  g_autofree char *path = out_path ("soa.csv");
  g_autoptr(GBytes) bytes = custos_test_read_file (path);
  g_autofree char *text = g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
  g_autoptr(GPtrArray) records = parse_csv (text);
  char **header = records->pdata[0];
  guint last = g_strv_length (header) - 1;

  ck_assert_uint_eq (records->len, 1 + 93);
  ck_assert_str_eq (header[0], "Control");
  ck_assert_str_eq (header[last], "Selecting risks");
  for (guint r = 1; r < records->len; r++)
    {
      char **row = records->pdata[r];
      /* 2022 ids are cited "A.5.10" so that spreadsheets keep them as text. */
      const char *control = row[0] + 2;
      g_autoptr(GPtrArray) risks = custos_document_get_selecting_risks (doc, control);
      g_auto(GStrv) ids = *row[last] ? g_strsplit (row[last], "; ", -1) : g_new0 (char *, 1);

      ck_assert (g_str_has_prefix (row[0], "A."));
      ck_assert_str_eq (row[1], custos_document_get_control_title (doc, control));
      ck_assert_uint_eq (g_strv_length (ids), risks->len);
      for (guint i = 0; i < risks->len; i++)
        ck_assert_str_eq (ids[i], custos_record_get_id (risks->pdata[i]));
    }
}
END_TEST

/* The formula guard: what a spreadsheet would evaluate gets a leading '. */
START_TEST (test_csv_formula_guard)
{
  static const struct { const char *text; const char *field; const char *number; } cases[] = {
    { "=1+1", "'=1+1", "'=1+1" },
    { "=HYPERLINK(\"http://x\",\"y\")", "\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\"",
      "\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\"" },
    { "+1", "'+1", "'+1" },
    { "-1", "'-1", "-1" },
    { "-2.5", "'-2.5", "-2.5" },
    { "1e-05", "1e-05", "1e-05" },
    { "3", "3", "3" },
    { "-", "'-", "'-" },
    { "-1 · Low", "'-1 · Low", "'-1 · Low" },
    { "4 · Likely", "4 · Likely", "4 · Likely" },
    { "1,5", "\"1,5\"", "\"1,5\"" },
    { "@SUM(A1)", "'@SUM(A1)", "'@SUM(A1)" },
    { "\tTabbed", "\"'\tTabbed\"", "\"'\tTabbed\"" },
    { "\rReturn", "\"'\rReturn\"", "\"'\rReturn\"" },
    { "'quoted", "''quoted", "''quoted" },
    { "a=b-c", "a=b-c", "a=b-c" },
    { " =1", "\" =1\"", "\" =1\"" },
    { "", "", "" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GString) field = g_string_new (NULL);
      g_autoptr(GString) number = g_string_new (NULL);

      custos_csv_append_field (field, cases[i].text);
      custos_csv_append_number (number, cases[i].text);
      ck_assert_msg (g_str_equal (field->str, cases[i].field), "text “%s” written as “%s”", cases[i].text, field->str);
      ck_assert_msg (g_str_equal (number->str, cases[i].number), "number “%s” written as “%s”", cases[i].text,
                     number->str);
    }
  ck_assert (custos_csv_starts_formula ("=x"));
  ck_assert (!custos_csv_starts_formula ("x="));
  ck_assert (!custos_csv_starts_formula (NULL));
}
END_TEST

/* The text of a cell of a flat ODF spreadsheet: paragraphs joined by LF,
 * <text:tab/> as TAB, <text:s text:c="N"/> as N spaces; the indentation
 * between paragraphs is not text. */
static void
odf_text (xmlNode  *node,
          GString  *out,
          gboolean  in_paragraph)
{
  for (xmlNode *child = node->children; child != NULL; child = child->next)
    {
      if (child->type == XML_TEXT_NODE && in_paragraph)
        g_string_append (out, (const char *) child->content);
      else if (child->type != XML_ELEMENT_NODE)
        continue;
      else if (xmlStrcmp (child->name, (const xmlChar *) "p") == 0)
        {
          if (out->len > 0)
            g_string_append_c (out, '\n');
          odf_text (child, out, TRUE);
        }
      else if (xmlStrcmp (child->name, (const xmlChar *) "tab") == 0)
        g_string_append_c (out, '\t');
      else if (xmlStrcmp (child->name, (const xmlChar *) "line-break") == 0)
        g_string_append_c (out, '\n');
      else if (xmlStrcmp (child->name, (const xmlChar *) "s") == 0)
        {
          xmlChar *c = xmlGetNsProp (child, (const xmlChar *) "c", child->ns ? child->ns->href : NULL);
          g_string_append_printf (out, "%*s", c ? atoi ((const char *) c) : 1, "");
          xmlFree (c);
        }
      else
        odf_text (child, out, in_paragraph);
    }
}

/* Every cell of a .fods file, in reading order: "type|text" (a formula cell
 * fails the test at once). */
static GPtrArray *
fods_cells (const char *path)
{
  GPtrArray *cells = g_ptr_array_new_with_free_func (g_free);
  xmlDoc *xml = xmlReadFile (path, NULL, XML_PARSE_NONET);
  xmlXPathContext *ctx;
  xmlXPathObject *found;

  ck_assert_msg (xml != NULL, "LibreOffice wrote no readable %s", path);
  ctx = xmlXPathNewContext (xml);
  xmlXPathRegisterNs (ctx, (const xmlChar *) "table", (const xmlChar *) "urn:oasis:names:tc:opendocument:xmlns:table:1.0");
  xmlXPathRegisterNs (ctx, (const xmlChar *) "office", (const xmlChar *) "urn:oasis:names:tc:opendocument:xmlns:office:1.0");
  found = xmlXPathEvalExpression ((const xmlChar *) "//table:table-cell[@table:formula]", ctx);
  ck_assert_msg (found->nodesetval == NULL || found->nodesetval->nodeNr == 0, "%s has a formula", path);
  xmlXPathFreeObject (found);

  found = xmlXPathEvalExpression ((const xmlChar *) "//table:table-cell", ctx);
  for (int i = 0; found->nodesetval != NULL && i < found->nodesetval->nodeNr; i++)
    {
      xmlNode *cell = found->nodesetval->nodeTab[i];
      xmlChar *type = xmlGetNsProp (cell, (const xmlChar *) "value-type",
                                    (const xmlChar *) "urn:oasis:names:tc:opendocument:xmlns:office:1.0");
      g_autoptr(GString) text = g_string_new (NULL);

      odf_text (cell, text, FALSE);
      g_ptr_array_add (cells, g_strdup_printf ("%s|%s", type ? (const char *) type : "", text->str));
      xmlFree (type);
    }
  xmlXPathFreeObject (found);
  xmlXPathFreeContext (ctx);
  xmlFreeDoc (xml);
  return cells;
}

static gboolean
has_cell (GPtrArray  *cells,
          const char *cell)
{
  for (guint i = 0; i < cells->len; i++)
    if (g_str_equal (cells->pdata[i], cell))
      return TRUE;
  return FALSE;
}

/* OWASP's CSV injection, read back by a real spreadsheet: LibreOffice opens
 * the exported CSV files and saves them as flat ODF, which must hold no
 * formula; every text cell is its value after the ', numbers stay numbers. */
START_TEST (test_csv_libreoffice)
{
  static const char *hostile[] = {
    "=HYPERLINK(\"http://x\",\"y\")", "+1", "-1", "@SUM(A1)", "\tTabbed", "\rReturn", "=1+1", "'quoted",
    "-2+3",
  };
  g_autofree char *soffice = g_find_program_in_path ("soffice");
  g_autoptr(CustosDocument) doc = custos_document_new (CUSTOS_EDITION_2022);
  g_autofree char *dir = NULL;
  g_autofree char *isms = NULL;
  g_autofree char *profile = NULL;
  g_autofree char *out = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) risks = NULL;
  g_autoptr(GPtrArray) results = NULL;
  CustosRecord *measure = custos_document_add_new (doc, CUSTOS_REGISTER_MEASURES);
  CustosRecord *result = custos_document_add_new (doc, CUSTOS_REGISTER_MEASUREMENTS);
  const char *exports[][2] = { { "risks", "risks.csv" }, { "measurements", "results.csv" } };

  if (soffice == NULL)
    {
      fprintf (stderr, "SKIP: soffice (LibreOffice) not found; CSV not read back by a spreadsheet\n");
      return;
    }
  for (guint i = 0; i < G_N_ELEMENTS (hostile); i++)
    {
      CustosRecord *risk = custos_document_add_new (doc, CUSTOS_REGISTER_RISKS);

      custos_risk_set_title (CUSTOS_RISK (risk), hostile[i]);
      custos_risk_set_threat (CUSTOS_RISK (risk), hostile[i]);
      custos_risk_set_likelihood (CUSTOS_RISK (risk), 2);
      custos_risk_set_consequence (CUSTOS_RISK (risk), 3);
    }
  custos_measurement_set_measure (CUSTOS_MEASUREMENT (result), custos_record_get_id (measure));
  custos_measurement_set_value (CUSTOS_MEASUREMENT (result), -1.5);
  custos_measurement_set_note (CUSTOS_MEASUREMENT (result), "=HYPERLINK(\"http://x\",\"y\")");

  dir = custos_test_mkdtemp ();
  isms = g_build_filename (dir, "hostile.isms", NULL);
  file = g_file_new_for_path (isms);
  ck_assert_msg (custos_file_save (doc, file, NULL, &error), "%s", error ? error->message : "");
  for (guint i = 0; i < G_N_ELEMENTS (exports); i++)
    {
      g_autofree char *export_arg = g_strdup_printf ("--export=%s", exports[i][0]);
      g_autofree char *output = g_build_filename (dir, exports[i][1], NULL);
      g_autofree char *output_arg = g_strdup_printf ("--output=%s", output);
      g_autofree char *cli_out = NULL, *cli_err = NULL;
      const char *args[] = { export_arg, output_arg, "--csv-bom", isms, NULL };

      ck_assert_msg (custos_test_run_cli (args, &cli_out, &cli_err) == 0, "%s", cli_err);
    }

  /* A profile of its own: no first-start dialogs, no clash with a running office. */
  {
    g_autofree char *profile_dir = g_build_filename (dir, "profile", NULL);
    g_autofree char *risks_csv = g_build_filename (dir, "risks.csv", NULL);
    g_autofree char *results_csv = g_build_filename (dir, "results.csv", NULL);
    g_autofree char *profile_uri = g_filename_to_uri (profile_dir, NULL, NULL);

    profile = g_strconcat ("-env:UserInstallation=", profile_uri, NULL);
    /* Read as UTF-8 (76), comma-separated (44), quoted with " (34), as Calc opens a CSV file. */
    ck_assert_msg (tool (&out, soffice, profile, "--headless", "--norestore", "--infilter=CSV:44,34,76,1",
                         "--convert-to", "fods",
                         "--outdir", dir, risks_csv, results_csv, NULL) == 0, "%s", out);
  }
  {
    g_autofree char *risks_fods = g_build_filename (dir, "risks.fods", NULL);
    g_autofree char *results_fods = g_build_filename (dir, "results.fods", NULL);

    risks = fods_cells (risks_fods);
    results = fods_cells (results_fods);
  }

  /* The byte order mark is read as one, not as part of the first header. */
  ck_assert_str_eq (risks->pdata[0], "string|ID");
  for (guint i = 0; i < G_N_ELEMENTS (hostile); i++)
    {
      g_autofree char *guarded = g_strconcat ("string|'", hostile[i], NULL);

      /* A CR in a cell comes back as a line break. */
      g_strdelimit (guarded, "\r", '\n');
      ck_assert_msg (has_cell (risks, guarded), "no text cell “%s”", guarded);
    }
  /* Numbers in numeric columns: likelihood 2 · consequence 3 = 6, and -1.5. */
  ck_assert (has_cell (risks, "float|6"));
  ck_assert (has_cell (results, "float|-1.5"));
  ck_assert (has_cell (results, "string|'=HYPERLINK(\"http://x\",\"y\")"));
  custos_test_rmdir (dir);
}
END_TEST

/* The bands of the criteria, of the counts and of the heatmap's legend are in
 * one order, the highest first; the vulnerability is labelled. */
START_TEST (test_bands_one_order)
{
  g_autoptr(CustosDocument) doc = load_example ();
  CustosCriteria *criteria = custos_document_get_criteria (doc);
  guint n_bands = custos_criteria_get_n_bands (criteria);
  g_autofree char *pdf = out_path ("risks.pdf");
  g_autofree char *raw = NULL;
  g_auto(GStrv) lines = NULL;
  g_autoptr(GString) expected = g_string_new (NULL);
  const char *markers[] = { "BAND SCORES REQUIRED ACTION", "BAND SCORES INHERENT RESIDUAL" };
  guint legends = 0;

  for (guint b = n_bands; b-- > 0;)
    g_string_append_printf (expected, "%s%s", expected->len ? " " : "", custos_criteria_get_band (criteria, b)->name);
  ck_assert_int_eq (tool (&raw, "pdftotext", "-raw", "-enc", "UTF-8", pdf, "-", NULL), 0);
  lines = g_strsplit (raw, "\n", -1);
  for (guint m = 0; m < G_N_ELEMENTS (markers); m++)
    {
      g_autoptr(GString) seen = g_string_new (NULL);
      guint i = 0, found = 0;

      while (lines[i] != NULL && !g_str_has_prefix (lines[i], markers[m]))
        i++;
      ck_assert_msg (lines[i] != NULL, "no table “%s”", markers[m]);
      for (; lines[i] != NULL && found < n_bands; i++)
        for (guint b = 0; b < n_bands; b++)
          {
            const char *name = custos_criteria_get_band (criteria, b)->name;
            if (g_str_has_prefix (lines[i], name) && lines[i][strlen (name)] == ' ')
              {
                g_string_append_printf (seen, "%s%s", seen->len ? " " : "", name);
                found++;
              }
          }
      ck_assert_str_eq (seen->str, expected->str);
    }
  /* the legend: "Critical 17–25 High 10–16 …" on one line */
  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_autoptr(GRegex) range = g_regex_new (" [0-9]+–[0-9]+", 0, 0, NULL);
      g_autofree char *names = g_regex_replace_literal (range, lines[i], -1, 0, "", 0, NULL);

      if (g_str_equal (names, expected->str))
        legends++;
    }
  ck_assert_uint_ge (legends, 1);
  {
    g_autofree char *text = flat_text (pdf);
    ck_assert_ptr_nonnull (strstr (text, "Vulnerability: "));
  }
}
END_TEST

/* rtp.csv is the plan: every risk, one row per action, one for a risk
 * without; not the actions register. */
START_TEST (test_csv_rtp)
{
  g_autoptr(CustosDocument) doc = load_example ();
  g_autofree char *path = out_path ("rtp.csv");
  g_autoptr(GBytes) bytes = custos_test_read_file (path);
  g_autofree char *text = g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
  g_autoptr(GPtrArray) records = parse_csv (text);
  char **header = records->pdata[0];
  GListModel *risks = custos_document_get_register (doc, CUSTOS_REGISTER_RISKS);
  GListModel *actions = custos_document_get_register (doc, CUSTOS_REGISTER_ACTIONS);
  guint expected = 0, row = 1, without = 0;
  int action_col = -1, accepted_col = -1, controls_col = -1;

  for (guint c = 0; header[c] != NULL; c++)
    {
      if (g_str_equal (header[c], "Action ID"))
        action_col = (int) c;
      if (g_str_equal (header[c], "Residual risk accepted by"))
        accepted_col = (int) c;
      if (g_str_equal (header[c], "Annex A controls"))
        controls_col = (int) c;
    }
  ck_assert_int_ge (action_col, 0);
  ck_assert_int_ge (accepted_col, 0);
  ck_assert_int_ge (controls_col, 0);
  ck_assert (g_strv_contains ((const char * const *) header, "Residual likelihood"));
  ck_assert (g_strv_contains ((const char * const *) header, "Resources"));
  ck_assert (g_strv_contains ((const char * const *) header, "Evidence"));
  ck_assert (g_strv_contains ((const char * const *) header, "Next review"));

  for (guint i = 0; i < g_list_model_get_n_items (risks); i++)
    {
      g_autoptr(CustosRecord) risk = g_list_model_get_item (risks, i);
      g_autoptr(GPtrArray) mine = g_ptr_array_new ();
      g_autofree char *controls = custos_controls_cite (custos_risk_get_controls (CUSTOS_RISK (risk)), "; ");

      for (guint a = 0; a < g_list_model_get_n_items (actions); a++)
        {
          g_autoptr(CustosRecord) action = g_list_model_get_item (actions, a);
          if (g_strcmp0 (custos_action_get_risk (CUSTOS_ACTION (action)), custos_record_get_id (risk)) == 0)
            g_ptr_array_add (mine, (gpointer) custos_record_get_id (action));
        }
      without += mine->len == 0;
      for (guint a = 0; a < MAX (mine->len, 1); a++, row++)
        {
          char **r;

          ck_assert_uint_lt (row, records->len);
          r = records->pdata[row];
          ck_assert_str_eq (r[0], custos_record_get_id (risk));
          ck_assert_str_eq (r[action_col], a < mine->len ? (const char *) mine->pdata[a] : "");
          ck_assert_str_eq (r[controls_col], controls);
          ck_assert_str_eq (r[accepted_col], custos_risk_get_accepted_by (CUSTOS_RISK (risk)) ?
                                             custos_risk_get_accepted_by (CUSTOS_RISK (risk)) : "");
        }
      expected += MAX (mine->len, 1);
    }
  ck_assert_uint_eq (records->len, 1 + expected);
  ck_assert_uint_gt (without, 0);   /* the example has risks without actions */
}
END_TEST

/* The signature boxes: no rule runs through a "Date:" (the next box's top
 * edge, in the accent colour, once did). Each "Date:" is found with
 * pdftotext -bbox and its box looked at on the page drawn at 72 dpi. */
START_TEST (test_signature_dates_clear)
{
  g_autofree char *pdf = out_path ("rtp.pdf");
  g_autofree char *bbox = NULL;
  g_autoptr(GRegex) page_re = g_regex_new ("<page [^>]*>(.*?)</page>", G_REGEX_DOTALL, 0, NULL);
  g_autoptr(GRegex) word_re = g_regex_new ("<word xMin=\"([0-9.]+)\" yMin=\"([0-9.]+)\" xMax=\"([0-9.]+)\" "
                                           "yMax=\"([0-9.]+)\">Date:</word>", 0, 0, NULL);
  g_autoptr(GMatchInfo) pages = NULL;
  guint page = 0, checked = 0;

  ck_assert_int_eq (tool (&bbox, "pdftotext", "-bbox", pdf, "-", NULL), 0);
  for (g_regex_match (page_re, bbox, 0, &pages); g_match_info_matches (pages); g_match_info_next (pages, NULL))
    {
      g_autofree char *words = g_match_info_fetch (pages, 1);
      g_autoptr(GMatchInfo) m = NULL;
      g_autofree char *prefix = NULL, *png = NULL, *first = NULL;
      cairo_surface_t *image = NULL;

      page++;
      if (!g_regex_match (word_re, words, 0, &m))
        continue;
      prefix = out_path ("signatures");
      png = g_strconcat (prefix, ".png", NULL);
      first = g_strdup_printf ("%u", page);
      ck_assert_int_eq (tool (NULL, "pdftoppm", "-png", "-r", "72", "-f", first, "-l", first, "-singlefile",
                              pdf, prefix, NULL), 0);
      image = cairo_image_surface_create_from_png (png);
      ck_assert_int_eq (cairo_surface_status (image), CAIRO_STATUS_SUCCESS);
      for (; g_match_info_matches (m); g_match_info_next (m, NULL))
        {
          double v[4];
          const guchar *data = cairo_image_surface_get_data (image);
          int stride = cairo_image_surface_get_stride (image);

          for (guint k = 0; k < 4; k++)
            {
              g_autofree char *s = g_match_info_fetch (m, (int) k + 1);
              v[k] = g_ascii_strtod (s, NULL);
            }
          /* the accent (#1c4f8a) anywhere in the word's box */
          for (int y = (int) v[1]; y <= (int) v[3]; y++)
            for (int x = (int) v[0]; x <= (int) v[2]; x++)
              {
                guint32 px = *(const guint32 *) (data + y * stride + 4 * x);
                int r = (px >> 16) & 0xff, g = (px >> 8) & 0xff, b = px & 0xff;

                ck_assert_msg (!(abs (r - 0x1c) < 40 && abs (g - 0x4f) < 40 && abs (b - 0x8a) < 40),
                               "page %u: a rule crosses “Date:” at %d, %d", page, x, y);
              }
          checked++;
        }
      cairo_surface_destroy (image);
    }
  /* a box per risk owner and one for top management */
  ck_assert_uint_ge (checked, 5);
}
END_TEST

/* Frozen issues (7.5.3) ------------------------------------------------------------ */

static int
run_in (const char *dir,
        char      **err,
        const char *first,
        ...)
{
  g_autoptr(GPtrArray) args = g_ptr_array_new ();
  g_autofree char *out = NULL;
  va_list ap;

  va_start (ap, first);
  for (const char *arg = first; arg != NULL; arg = va_arg (ap, const char *))
    g_ptr_array_add (args, (gpointer) arg);
  va_end (ap);
  g_ptr_array_add (args, NULL);
  return custos_test_run_cli_in (dir, (const char * const *) args->pdata, &out, err);
}

static void
assert_every_page (const char *pdf,
                   const char *expected,
                   gboolean    present)
{
  g_autofree char *text = pdf_text (pdf);
  g_auto(GStrv) pages = g_strsplit (text, "\f", -1);
  guint n = pdf_pages (pdf);

  for (guint i = 0; i < n; i++)
    ck_assert_msg ((strstr (pages[i], expected) != NULL) == present, "%s: page %u %s “%s”", pdf, i + 1,
                   present ? "lacks" : "has", expected);
}

/* Issuing records the revision and freezes the document; the issue's PDF is
 * dated the issue and is the same file when the issued version is exported
 * again after the document has moved on, which is then a draft. */
START_TEST (test_issue_reproducible)
{
  g_autofree char *dir = custos_test_mkdtemp ();
  g_autofree char *plan = g_build_filename (dir, "plan.isms", NULL);
  g_autofree char *snapshot = g_build_filename (dir, "plan.isms.issued", "1.4.isms", NULL);
  g_autofree char *issued_pdf = g_build_filename (dir, "issued.pdf", NULL);
  g_autofree char *draft_pdf = g_build_filename (dir, "draft.pdf", NULL);
  g_autofree char *again_pdf = g_build_filename (dir, "again.pdf", NULL);
  g_autofree char *err = NULL;
  g_autoptr(CustosDocument) doc = load_example ();
  g_autoptr(GFile) file = g_file_new_for_path (plan);
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) frozen = NULL;

  g_unsetenv ("CAIRO_PDF_METADATA_CREATE_DATE");
  g_setenv ("CUSTOS_TODAY", "2026-12-05", TRUE);
  ck_assert (custos_file_save (doc, file, NULL, &error));
  g_clear_object (&doc);

  /* Who approves it is required; then the revision and the snapshot. */
  ck_assert_int_eq (run_in (dir, &err, "--issue=1.4", "plan.isms", NULL), 1);
  ck_assert_ptr_nonnull (strstr (err, "--approver"));
  g_clear_pointer (&err, g_free);
  ck_assert_int_eq (run_in (dir, &err, "--issue=1.4", "--approver=Margaret Hale", "plan.isms", NULL), 0);
  ck_assert_str_eq (err, "");
  g_clear_pointer (&err, g_free);
  doc = custos_file_load (file, NULL, &error);
  g_assert_no_error (error);
  {
    CustosRevision *rev = CUSTOS_REVISION (custos_document_get_latest_revision (doc));

    ck_assert_str_eq (custos_revision_get_version (rev), "1.4");
    ck_assert_str_eq (custos_revision_get_date (rev), "2026-12-05");
    ck_assert_str_eq (custos_revision_get_approved_by (rev), "Margaret Hale");
    ck_assert_ptr_nonnull (custos_revision_get_summary (rev));
  }
  frozen = custos_test_read_file (snapshot);
  {
    g_autoptr(GBytes) saved = custos_test_read_file (plan);
    ck_assert (g_bytes_equal (frozen, saved));
  }
  ck_assert_ptr_nonnull (custos_issue_get_current (doc, file));

  /* The file as issued: no draft mark, the issue's version and date on
   * every page and in the metadata, the approver on the cover. */
  ck_assert_int_eq (run_in (dir, &err, "--export=pack", "--output=issued.pdf", "plan.isms", NULL), 0);
  g_clear_pointer (&err, g_free);
  assert_every_page (issued_pdf, "Version 1.4 · 2026-12-05", TRUE);
  assert_every_page (issued_pdf, "Draft after", FALSE);
  {
    g_autoptr(GHashTable) info = pdf_info (issued_pdf);
    g_autofree char *text = pdf_text (issued_pdf);

    ck_assert_str_eq (g_hash_table_lookup (info, "CreationDate"), "Sat Dec  5 00:00:00 2026 UTC");
    ck_assert_ptr_nonnull (strstr (text, "Margaret Hale"));
    ck_assert_ptr_null (strstr (text, "Not approved"));
    ck_assert_int_eq (tool (NULL, "qpdf", "--check", issued_pdf, NULL), 0);
  }

  /* Changed afterwards, a week later: a draft, approved by nobody. */
  custos_organisation_set_sector (custos_document_get_organisation (doc), "Accountancy and payroll");
  ck_assert (custos_file_save (doc, file, NULL, &error));
  ck_assert_ptr_null (custos_issue_get_current (doc, file));
  g_setenv ("CUSTOS_TODAY", "2026-12-12", TRUE);
  ck_assert_int_eq (run_in (dir, &err, "--export=pack", "--output=draft.pdf", "plan.isms", NULL), 0);
  g_clear_pointer (&err, g_free);
  assert_every_page (draft_pdf, "Draft after version 1.4 · as of 2026-12-12", TRUE);
  {
    g_autofree char *text = pdf_text (draft_pdf);
    ck_assert_ptr_nonnull (strstr (text, "Not approved: draft"));
  }

  /* The issued version, exported again: the very same bytes. */
  ck_assert_int_eq (run_in (dir, &err, "--export=pack", "--issued=1.4", "--output=again.pdf", "plan.isms", NULL), 0);
  g_clear_pointer (&err, g_free);
  {
    g_autoptr(GBytes) a = custos_test_read_file (issued_pdf);
    g_autoptr(GBytes) b = custos_test_read_file (again_pdf);
    ck_assert (g_bytes_equal (a, b));
  }

  /* An issued version is never issued again or overwritten. */
  ck_assert_int_eq (run_in (dir, &err, "--issue=1.4", "--approver=Someone", "plan.isms", NULL), 1);
  ck_assert_ptr_nonnull (strstr (err, "1.4"));
  g_clear_pointer (&err, g_free);
  {
    g_autoptr(GBytes) still = custos_test_read_file (snapshot);
    ck_assert (g_bytes_equal (still, frozen));
  }
  ck_assert_int_eq (run_in (dir, &err, "--export=pack", "--issued=9.9", "--output=x.pdf", "plan.isms", NULL), 1);
  ck_assert_ptr_nonnull (strstr (err, "9.9"));
  g_clear_pointer (&err, g_free);
  ck_assert_int_eq (run_in (dir, &err, "--issue=../x", "--approver=A", "plan.isms", NULL), 1);

  g_unsetenv ("CUSTOS_TODAY");
  g_setenv ("CAIRO_PDF_METADATA_CREATE_DATE", REPORT_DATE, TRUE);
  custos_test_rmdir (dir);
}
END_TEST

/* The heatmap --------------------------------------------------------------------- */

/* Counts cells from the file with XPath, independently of the model. */
static void
xml_counts (guint counts[2][CUSTOS_MAX_LEVELS + 1][CUSTOS_MAX_LEVELS + 1])
{
  g_autofree char *path = custos_test_example_path ();
  xmlDoc *xml = xmlReadFile (path, NULL, XML_PARSE_NONET);
  xmlXPathContext *ctx = xmlXPathNewContext (xml);
  xmlXPathObject *risks;

  xmlXPathRegisterNs (ctx, (const xmlChar *) "i", (const xmlChar *) "urn:custos:isms:1");
  risks = xmlXPathEvalExpression ((const xmlChar *) "/i:isms/i:risks/i:risk", ctx);
  ck_assert_ptr_nonnull (risks);
  for (int i = 0; i < risks->nodesetval->nodeNr; i++)
    {
      int v[4] = { 0 };
      const char *names[4] = { "likelihood", "consequence", "residual-likelihood", "residual-consequence" };

      for (xmlNode *child = risks->nodesetval->nodeTab[i]->children; child != NULL; child = child->next)
        for (guint k = 0; k < 4; k++)
          if (child->type == XML_ELEMENT_NODE && xmlStrcmp (child->name, (const xmlChar *) names[k]) == 0)
            {
              xmlChar *content = xmlNodeGetContent (child);
              v[k] = atoi ((const char *) content);
              xmlFree (content);
            }
      if (v[0] > 0 && v[1] > 0)
        counts[0][v[0]][v[1]]++;
      if (v[2] > 0 && v[3] > 0)
        counts[1][v[2]][v[3]]++;
    }
  xmlXPathFreeObject (risks);
  xmlXPathFreeContext (ctx);
  xmlFreeDoc (xml);
}

START_TEST (test_heatmap_counts)
{
  g_autoptr(CustosDocument) doc = load_example ();
  guint expected[2][CUSTOS_MAX_LEVELS + 1][CUSTOS_MAX_LEVELS + 1] = { { { 0 } } };
  CustosCriteria *criteria = custos_document_get_criteria (doc);

  xml_counts (expected);
  for (guint r = 0; r < 2; r++)
    {
      g_autoptr(CustosHeatmapData) data = custos_heatmap_data_new (doc, r == 1);
      guint total = 0, nonzero = 0;

      for (int l = 1; l <= (int) custos_criteria_get_n_levels (criteria, CUSTOS_SCALE_LIKELIHOOD); l++)
        for (int c = 1; c <= (int) custos_criteria_get_n_levels (criteria, CUSTOS_SCALE_CONSEQUENCE); c++)
          {
            ck_assert_msg (custos_heatmap_count (doc, r == 1, l, c) == expected[r][l][c],
                           "%s cell L%d C%d: %u, expected %u", r ? "residual" : "inherent", l, c,
                           custos_heatmap_count (doc, r == 1, l, c), expected[r][l][c]);
            ck_assert_uint_eq (custos_heatmap_data_get_count (data, l, c), expected[r][l][c]);
            total += expected[r][l][c];
            nonzero += expected[r][l][c] > 0;
          }
      ck_assert_uint_eq (custos_heatmap_data_get_total (data), total);
      ck_assert_uint_ge (nonzero, 5);
    }
  /* Every risk of the example is scored before treatment. */
  {
    g_autoptr(CustosHeatmapData) data = custos_heatmap_data_new (doc, FALSE);
    ck_assert_uint_eq (custos_heatmap_data_get_total (data), 31);
  }
  ck_assert_uint_eq (custos_heatmap_count (doc, FALSE, 0, 0), 0);
  ck_assert_uint_eq (custos_heatmap_count (doc, FALSE, 9, 9), 0);
}
END_TEST

START_TEST (test_heatmap_hit_test)
{
  static const double sizes[][2] = { { 90, 70 }, { 240, 180 }, { 640, 480 }, { 1111.5, 333.25 }, { 300, 900 } };

  for (guint s = 0; s < G_N_ELEMENTS (sizes); s++)
    for (guint nl = CUSTOS_MIN_LEVELS; nl <= CUSTOS_MAX_LEVELS; nl++)
      for (guint nc = CUSTOS_MIN_LEVELS; nc <= CUSTOS_MAX_LEVELS; nc++)
        {
          double w = sizes[s][0], h = sizes[s][1];
          CustosHeatmapGeometry g;
          int l, c;

          custos_heatmap_geometry (w, h, nl, nc, &g);
          ck_assert (g.x > 0 && g.y >= 0 && g.x + g.width <= w + 1e-9 && g.y + g.height <= h + 1e-9);
          for (int li = 1; li <= (int) nl; li++)
            for (int ci = 1; ci <= (int) nc; ci++)
              {
                double x, y, cw, ch;
                const double probes[][2] = { { 0.5, 0.5 }, { 0.02, 0.02 }, { 0.98, 0.02 }, { 0.02, 0.98 }, { 0.98, 0.98 } };

                custos_heatmap_cell_rect (&g, li, ci, &x, &y, &cw, &ch);
                for (guint p = 0; p < G_N_ELEMENTS (probes); p++)
                  {
                    ck_assert (custos_heatmap_hit_test (w, h, nl, nc, x + cw * probes[p][0], y + ch * probes[p][1], &l, &c));
                    ck_assert_msg (l == li && c == ci, "size %gx%g, %ux%u: L%d C%d hit as L%d C%d", w, h, nl, nc,
                                   li, ci, l, c);
                  }
              }
          /* Higher likelihood is higher up, higher consequence further right. */
          ck_assert (custos_heatmap_hit_test (w, h, nl, nc, g.x + 0.1, g.y + 0.1, &l, &c));
          ck_assert_int_eq (l, (int) nl);
          ck_assert_int_eq (c, 1);
          /* Outside the grid: the labels and the margins. */
          ck_assert (!custos_heatmap_hit_test (w, h, nl, nc, g.x - 1, g.y + g.height / 2, &l, &c));
          ck_assert_int_eq (l, 0);
          ck_assert_int_eq (c, 0);
          ck_assert (!custos_heatmap_hit_test (w, h, nl, nc, g.x + g.width / 2, g.y + g.height + 1, &l, &c));
          ck_assert (!custos_heatmap_hit_test (w, h, nl, nc, g.x + g.width, g.y + 1, NULL, NULL));
        }
}
END_TEST

static guint32
pixel (cairo_surface_t *surface,
       int              x,
       int              y)
{
  const guint8 *data = cairo_image_surface_get_data (surface);
  int stride = cairo_image_surface_get_stride (surface);

  return *(const guint32 *) (data + y * stride + x * 4) & 0xffffff;
}

/* The window's heatmap shrinks its axis labels so that no word breaks, at
 * every width down to a phone's. Screens hint glyph widths (a PDF surface
 * told to do the same shows it), which do not scale in proportion to the
 * size; labels were measured once and broke as "Moderat" / "e". */
START_TEST (test_heatmap_labels_keep_words)
{
  g_autoptr(CustosDocument) doc = load_example ();
  CustosCriteria *criteria = custos_document_get_criteria (doc);
  g_autofree char *dir = custos_test_mkdtemp ();
  g_autofree char *pdf = g_build_filename (dir, "heatmap-labels.pdf", NULL);
  g_autoptr(GHashTable) words = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autofree char *raw = NULL;
  g_auto(GStrv) tokens = NULL;
  cairo_font_options_t *options = cairo_font_options_create ();
  cairo_surface_t *surface = cairo_pdf_surface_create (pdf, 100, 100);
  cairo_t *cr = cairo_create (surface);
  const double label_sizes[] = { 9.87, 10.85 };
  guint pages = 0;
  GHashTableIter iter;
  gpointer word, count;

  for (CustosScale scale = CUSTOS_SCALE_LIKELIHOOD; scale <= CUSTOS_SCALE_CONSEQUENCE; scale++)
    for (guint level = 1; level <= custos_criteria_get_n_levels (criteria, scale); level++)
      {
        g_auto(GStrv) parts = g_strsplit (custos_criteria_get_level (criteria, scale, level)->label, " ", -1);

        for (guint i = 0; parts[i] != NULL; i++)
          if (g_utf8_strlen (parts[i], -1) > 4)
            g_hash_table_insert (words, g_strdup (parts[i]), GUINT_TO_POINTER (0));
      }
  ck_assert_uint_ge (g_hash_table_size (words), 5);

  cairo_font_options_set_hint_metrics (options, CAIRO_HINT_METRICS_ON);
  cairo_font_options_set_hint_style (options, CAIRO_HINT_STYLE_FULL);
  cairo_set_font_options (cr, options);
  for (guint s = 0; s < G_N_ELEMENTS (label_sizes); s++)
    for (double width = 260; width <= 480; width += 4)
      {
        CustosHeatmapStyle style;

        custos_heatmap_style_init (&style);
        style.font_family = "Sans";
        style.label_size_min = label_sizes[s];
        cairo_pdf_surface_set_size (surface, width, width * 0.56);
        custos_heatmap_draw (cr, width, width * 0.56, doc, FALSE, &style);
        cairo_show_page (cr);
        pages++;
      }
  cairo_destroy (cr);
  cairo_surface_destroy (surface);
  cairo_font_options_destroy (options);

  ck_assert_int_eq (tool (&raw, "pdftotext", "-raw", "-enc", "UTF-8", pdf, "-", NULL), 0);
  custos_test_rmdir (dir);
  tokens = g_strsplit_set (raw, " \n\f", -1);
  for (guint i = 0; tokens[i] != NULL; i++)
    if (g_hash_table_lookup_extended (words, tokens[i], NULL, &count))
      g_hash_table_insert (words, g_strdup (tokens[i]), GUINT_TO_POINTER (GPOINTER_TO_UINT (count) + 1));
  g_hash_table_iter_init (&iter, words);
  while (g_hash_table_iter_next (&iter, &word, &count))
    ck_assert_msg (GPOINTER_TO_UINT (count) == pages, "\"%s\" is whole on %u of %u heatmaps",
                   (const char *) word, GPOINTER_TO_UINT (count), pages);
}
END_TEST

/* What is drawn at a point is the colour of the cell hit testing finds there. */
/* Movement arrows pass under the counts: around every count the residual
 * map with arrows is the map without them, pixel for pixel. */
START_TEST (test_heatmap_arrows_under_counts)
{
  /* in points, drawn at 3 pixels a point; the first is the reports' panel */
  static const double sizes[][2] = { { 228.5, 218 }, { 300, 220 }, { 520, 380 } };
  const int scale = 3;
  g_autoptr(CustosDocument) doc = load_example ();
  CustosCriteria *criteria = custos_document_get_criteria (doc);
  guint nl = custos_criteria_get_n_levels (criteria, CUSTOS_SCALE_LIKELIHOOD);
  guint nc = custos_criteria_get_n_levels (criteria, CUSTOS_SCALE_CONSEQUENCE);
  guint compared = 0;

  for (guint s = 0; s < G_N_ELEMENTS (sizes); s++)
    {
      cairo_surface_t *surfaces[2];
      CustosHeatmapGeometry g;
      double count_size;

      for (guint k = 0; k < 2; k++)
        {
          CustosHeatmapStyle style;
          cairo_t *cr;

          custos_heatmap_style_init (&style);
          style.show_movement = k == 1;
          surfaces[k] = cairo_image_surface_create (CAIRO_FORMAT_RGB24, (int) ceil (sizes[s][0] * scale),
                                                    (int) ceil (sizes[s][1] * scale));
          cr = cairo_create (surfaces[k]);
          cairo_set_source_rgb (cr, 1, 1, 1);
          cairo_paint (cr);
          cairo_scale (cr, scale, scale);
          custos_heatmap_draw (cr, sizes[s][0], sizes[s][1], doc, TRUE, &style);
          cairo_destroy (cr);
          cairo_surface_flush (surfaces[k]);
        }
      custos_heatmap_geometry (sizes[s][0], sizes[s][1], nl, nc, &g);
      count_size = CLAMP (MIN (g.cell_width, g.cell_height) * 0.30, 4.0, 30.0);
      for (int l = 1; l <= (int) nl; l++)
        for (int c = 1; c <= (int) nc; c++)
          {
            double x, y, w, h;

            if (custos_heatmap_count (doc, TRUE, l, c) == 0)
              continue;
            custos_heatmap_cell_rect (&g, l, c, &x, &y, &w, &h);
            /* the count's own box, a little wider than its digits */
            for (int py = (int) ((y + h / 2 - count_size * 0.5) * scale);
                 py <= (int) ((y + h / 2 + count_size * 0.5) * scale); py++)
              for (int px = (int) ((x + w / 2 - count_size * 0.45) * scale);
                   px <= (int) ((x + w / 2 + count_size * 0.45) * scale); px++)
                ck_assert_msg (pixel (surfaces[0], px, py) == pixel (surfaces[1], px, py),
                               "%gx%g: an arrow crosses the count of L%d C%d at %d, %d", sizes[s][0], sizes[s][1],
                               l, c, px / scale, py / scale);
            compared++;
          }
      cairo_surface_destroy (surfaces[0]);
      cairo_surface_destroy (surfaces[1]);
    }
  ck_assert_uint_gt (compared, 10);
}
END_TEST

START_TEST (test_heatmap_draw_agrees)
{
  static const int sizes[][2] = { { 160, 120 }, { 420, 300 }, { 900, 700 } };
  g_autoptr(CustosDocument) doc = custos_document_new (CUSTOS_EDITION_2022);
  CustosCriteria *criteria = custos_document_get_criteria (doc);
  guint nl = custos_criteria_get_n_levels (criteria, CUSTOS_SCALE_LIKELIHOOD);
  guint nc = custos_criteria_get_n_levels (criteria, CUSTOS_SCALE_CONSEQUENCE);
  CustosHeatmapStyle style;

  custos_heatmap_style_init (&style);
  style.fade_empty = FALSE;
  for (guint s = 0; s < G_N_ELEMENTS (sizes); s++)
    {
      cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, sizes[s][0], sizes[s][1]);
      cairo_t *cr = cairo_create (surface);
      CustosHeatmapGeometry g;

      cairo_set_source_rgb (cr, 1, 1, 1);
      cairo_paint (cr);
      custos_heatmap_draw (cr, sizes[s][0], sizes[s][1], doc, FALSE, &style);
      cairo_surface_flush (surface);
      custos_heatmap_geometry (sizes[s][0], sizes[s][1], nl, nc, &g);
      for (int l = 1; l <= (int) nl; l++)
        for (int c = 1; c <= (int) nc; c++)
          {
            double x, y, w, h;
            int hl, hc, band;
            guint32 expected, got;
            int px, py;

            custos_heatmap_cell_rect (&g, l, c, &x, &y, &w, &h);
            px = (int) (x + w * 0.3), py = (int) (y + h * 0.25);
            ck_assert (custos_heatmap_hit_test (sizes[s][0], sizes[s][1], nl, nc, px + 0.5, py + 0.5, &hl, &hc));
            band = custos_criteria_band_index (criteria, custos_criteria_score (criteria, hl, hc));
            expected = custos_heatmap_band_colour (CUSTOS_HEATMAP_PALETTE_BANDS, (guint) band,
                                                   custos_criteria_get_n_bands (criteria),
                                                   custos_criteria_get_band (criteria, (guint) band)->colour);
            got = pixel (surface, px, py);
            for (int k = 0; k < 24; k += 8)
              ck_assert_msg (abs ((int) ((got >> k) & 0xff) - (int) ((expected >> k) & 0xff)) <= 2,
                             "%dx%d L%d C%d: drew #%06x, expected #%06x", sizes[s][0], sizes[s][1], l, c, got,
                             expected);
          }
      cairo_destroy (cr);
      cairo_surface_destroy (surface);
    }
}
END_TEST

/* Draws data with the cache (or, cache NULL, whole) on white; the surface is the caller's. */
static cairo_surface_t *
draw_heatmap (CustosHeatmapCache       *cache,
              int                       width,
              int                       height,
              const CustosHeatmapData  *data,
              const CustosHeatmapStyle *style)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, width, height);
  cairo_t *cr = cairo_create (surface);

  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);
  if (cache != NULL)
    custos_heatmap_cache_draw (cache, cr, width, height, 1.0, data, style);
  else
    custos_heatmap_draw_data (cr, width, height, data, style);
  cairo_destroy (cr);
  cairo_surface_flush (surface);
  return surface;
}

/* The largest difference of a colour channel between two drawings. */
static int
max_difference (cairo_surface_t *a,
                cairo_surface_t *b)
{
  int most = 0;

  for (int y = 0; y < cairo_image_surface_get_height (a); y++)
    for (int x = 0; x < cairo_image_surface_get_width (a); x++)
      for (int k = 0; k < 24; k += 8)
        most = MAX (most, abs ((int) ((pixel (a, x, y) >> k) & 0xff) - (int) ((pixel (b, x, y) >> k) & 0xff)));
  return most;
}

/* The widget's redraws reuse the static layer (cells, labels) while only
 * counts and the selection change, and look as a whole drawing does. */
START_TEST (test_heatmap_cache_reuses_static_layer)
{
  g_autoptr(CustosDocument) doc = load_example ();
  g_autoptr(CustosHeatmapCache) cache = custos_heatmap_cache_new ();
  g_autoptr(CustosHeatmapData) data = custos_heatmap_data_new (doc, FALSE);
  g_autoptr(CustosHeatmapData) again = NULL;
  g_autoptr(CustosHeatmapData) filled = NULL;
  g_autoptr(CustosRecord) risk = NULL;
  CustosHeatmapStyle style;
  cairo_surface_t *cached, *whole;
  int empty_l = 0, empty_c = 0;

  custos_heatmap_style_init (&style);
  style.show_movement = TRUE;
  cached = draw_heatmap (cache, 800, 600, data, &style);
  whole = draw_heatmap (NULL, 800, 600, data, &style);
  ck_assert_uint_eq (custos_heatmap_cache_get_static_draws (cache), 1);
  ck_assert_int_le (max_difference (cached, whole), 8);
  cairo_surface_destroy (whole);

  /* A selection: drawn over the same layer. */
  style.selected_likelihood = 3;
  style.selected_consequence = 3;
  whole = draw_heatmap (cache, 800, 600, data, &style);
  ck_assert_uint_eq (custos_heatmap_cache_get_static_draws (cache), 1);
  ck_assert_int_gt (max_difference (cached, whole), 64);
  cairo_surface_destroy (whole);
  cairo_surface_destroy (cached);

  /* Counted again (as after an edit), with the same cells empty: the same layer. */
  again = custos_heatmap_data_new (doc, FALSE);
  cairo_surface_destroy (draw_heatmap (cache, 800, 600, again, &style));
  ck_assert_uint_eq (custos_heatmap_cache_get_static_draws (cache), 1);

  /* A risk in an empty cell: that cell no longer fades. */
  for (int l = 1; l <= 5 && empty_l == 0; l++)
    for (int c = 1; c <= 5 && empty_l == 0; c++)
      if (custos_heatmap_data_get_count (again, l, c) == 0)
        empty_l = l, empty_c = c;
  ck_assert_int_gt (empty_l, 0);
  risk = g_list_model_get_item (custos_document_get_register (doc, CUSTOS_REGISTER_RISKS), 0);
  custos_risk_set_likelihood (CUSTOS_RISK (risk), empty_l);
  custos_risk_set_consequence (CUSTOS_RISK (risk), empty_c);
  filled = custos_heatmap_data_new (doc, FALSE);
  cached = draw_heatmap (cache, 800, 600, filled, &style);
  ck_assert_uint_eq (custos_heatmap_cache_get_static_draws (cache), 2);
  whole = draw_heatmap (NULL, 800, 600, filled, &style);
  ck_assert_int_le (max_difference (cached, whole), 8);
  cairo_surface_destroy (whole);
  cairo_surface_destroy (cached);

  /* Another palette, another size: drawn again. */
  style.palette = CUSTOS_HEATMAP_PALETTE_COLOUR_BLIND;
  cairo_surface_destroy (draw_heatmap (cache, 800, 600, filled, &style));
  ck_assert_uint_eq (custos_heatmap_cache_get_static_draws (cache), 3);
  cairo_surface_destroy (draw_heatmap (cache, 640, 480, filled, &style));
  ck_assert_uint_eq (custos_heatmap_cache_get_static_draws (cache), 4);
}
END_TEST

START_TEST (test_heatmap_palette)
{
  /* The colour-blind palette runs light to dark, whatever the bands' colours. */
  double last = 256.0;

  for (guint b = 0; b < 5; b++)
    {
      guint32 rgb = custos_heatmap_band_colour (CUSTOS_HEATMAP_PALETTE_COLOUR_BLIND, b, 5, "#e01b24");
      double lum = 0.2126 * ((rgb >> 16) & 0xff) + 0.7152 * ((rgb >> 8) & 0xff) + 0.0722 * (rgb & 0xff);

      ck_assert_msg (lum < last, "band %u is not darker than the band below", b);
      last = lum;
    }
  ck_assert_uint_eq (custos_heatmap_band_colour (CUSTOS_HEATMAP_PALETTE_BANDS, 0, 4, "#33d17a"), 0x33d17a);
}
END_TEST

/* The xref repair ------------------------------------------------------------------ */

static cairo_status_t
append_bytes (void                *closure,
              const unsigned char *data,
              unsigned int         length)
{
  g_byte_array_append (closure, data, length);
  return CAIRO_STATUS_SUCCESS;
}

static int
qpdf_check_bytes (const guint8 *data,
                  gsize         length)
{
  g_autofree char *dir = custos_test_mkdtemp ();
  g_autofree char *path = g_build_filename (dir, "t.pdf", NULL);
  g_autofree char *out = NULL;
  int status;

  ck_assert (g_file_set_contents (path, (const char *) data, (gssize) length, NULL));
  status = tool (&out, "qpdf", "--check", path, NULL);
  custos_test_rmdir (dir);
  return status;
}

START_TEST (test_xref_repairs_cairo_links)
{
  g_autoptr(GByteArray) raw = g_byte_array_new ();
  g_autoptr(GBytes) fixed = NULL;
  g_autoptr(GError) error = NULL;
  cairo_surface_t *surface = cairo_pdf_surface_create_for_stream (append_bytes, raw, 595, 842);
  cairo_t *cr = cairo_create (surface);
  gsize length;
  const guint8 *data;
  int before;

  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE, "A (stream) endobj title");
  cairo_tag_begin (cr, CAIRO_TAG_LINK, "dest='there'");
  cairo_rectangle (cr, 50, 50, 100, 20);
  cairo_fill (cr);
  cairo_tag_end (cr, CAIRO_TAG_LINK);
  cairo_show_page (cr);
  cairo_tag_begin (cr, CAIRO_TAG_DEST, "name='there'");
  cairo_rectangle (cr, 50, 100, 100, 20);
  cairo_fill (cr);
  cairo_tag_end (cr, CAIRO_TAG_DEST);
  cairo_show_page (cr);
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  cairo_surface_destroy (surface);

  /* cairo 1.16 writes a damaged table here (qpdf exits 3); whatever cairo
   * does, the repaired file must check clean. */
  before = qpdf_check_bytes (raw->data, raw->len);
  fixed = custos_pdf_rebuild_xref (raw->data, raw->len, &error);
  g_assert_no_error (error);
  data = g_bytes_get_data (fixed, &length);
  ck_assert_int_eq (qpdf_check_bytes (data, length), 0);
  ck_assert (before == 0 || before == 3);
  /* The body is kept byte for byte. */
  ck_assert (memcmp (data, raw->data, 64) == 0);
}
END_TEST

/* Every in-use entry of the rebuilt table points at "N G obj". */
START_TEST (test_xref_offsets)
{
  const char *pdf =
    "%PDF-1.5\n"
    "%\xb5\xed\xae\xfb\n"
    "3 0 obj\n<< /Length 4 0 R >>\nstream\nendobj stream ( ) 9 0 obj\nendstream\nendobj\n"
    "4 0 obj\n   25\nendobj\n"
    "1 0 obj\n<< /Type /Catalog /Pages 2 0 R /Title (endobj \\) stream) >>\nendobj\n"
    "2 0 obj\n<< /Type /Pages /Kids [ ] /Count 0 >>\nendobj\n"
    "xref\n0 7\n0000000000 65535 f \n0000000999 00000 n \n0000000015 00000 n \n0000000015 00000 n \n"
    "0000000015 00000 n \n0000000015 00000 n \n0000000015 00000 n \n"
    "trailer\n<< /Size 7\n   /Root 1 0 R\n>>\nstartxref\n300\n%%EOF\n";
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) fixed = custos_pdf_rebuild_xref ((const guint8 *) pdf, strlen (pdf), &error);
  const char *data;
  const char *xref;
  gsize length;
  guint in_use = 0, free_entries = 0;

  g_assert_no_error (error);
  data = g_bytes_get_data (fixed, &length);
  xref = g_strstr_len (data, (gssize) length, "\nxref\n0 7\n");
  ck_assert_ptr_nonnull (xref);
  xref += strlen ("\nxref\n0 7\n");
  for (guint i = 0; i < 7; i++, xref += 20)
    {
      guint64 offset = g_ascii_strtoull (xref, NULL, 10);

      ck_assert (xref[18] == ' ' && xref[19] == '\n');
      if (xref[17] == 'n')
        {
          g_autofree char *expect = g_strdup_printf ("%u 0 obj", i);
          ck_assert_msg (strncmp (data + offset, expect, strlen (expect)) == 0, "object %u at %" G_GUINT64_FORMAT, i,
                         offset);
          in_use++;
        }
      else
        free_entries++;
    }
  ck_assert_uint_eq (in_use, 4);
  ck_assert_uint_eq (free_entries, 3);   /* 0, 5 and 6 */
  ck_assert_ptr_nonnull (g_strstr_len (data, (gssize) length, "/Size 7"));
  ck_assert (length > 6 && memcmp (data + length - 6, "%%EOF\n", 6) == 0);
  ck_assert_int_eq (qpdf_check_bytes ((const guint8 *) data, length), 0);
}
END_TEST

START_TEST (test_xref_rejects)
{
  const char *cases[] = {
    "Hello, world",
    "%PDF-1.5\n1 0 obj\n<< >>\n",                                           /* no endobj */
    "%PDF-1.5\n1 0 obj\n<< >>\nendobj\n",                                   /* no xref */
    "%PDF-1.5\n1 0 obj\n<< >>\nendobj\nxref\n0 2\ntrailer\n<< /Size 2 /Prev 9 >>\nstartxref\n0\n%%EOF\n",
    "%PDF-1.5\n1 0 obj\n<< >>\nendobj\nxref\n0 2\ntrailer\n<< /Size 2 >>\nstartxref\n0\n%%EOF\n1 0 obj\n",
  };
  const int codes[] = { CUSTOS_PDF_ERROR_NOT_PDF, CUSTOS_PDF_ERROR_MALFORMED, CUSTOS_PDF_ERROR_MALFORMED,
                        CUSTOS_PDF_ERROR_UNSUPPORTED, CUSTOS_PDF_ERROR_UNSUPPORTED };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GBytes) fixed = custos_pdf_rebuild_xref ((const guint8 *) cases[i], strlen (cases[i]), &error);

      ck_assert_msg (fixed == NULL, "case %u accepted", i);
      ck_assert_msg (g_error_matches (error, CUSTOS_PDF_ERROR, codes[i]), "case %u: %s", i, error->message);
    }
}
END_TEST

/* The layout engine ------------------------------------------------------------------ */

START_TEST (test_example_layout_verifies)
{
  g_autoptr(CustosDocument) doc = load_example ();
  CustosReportOptions options;

  custos_report_options_init (&options);
  options.paper = _i % 2 ? CUSTOS_PAPER_LETTER : CUSTOS_PAPER_A4;
  for (guint k = 0; k < CUSTOS_N_REPORTS; k++)
    {
      g_autoptr(CustosReportBook) book = custos_report_build (doc, k, &options);
      g_autofree char *problem = NULL;

      g_autoptr(GBytes) pdf = NULL;

      ck_assert (custos_report_book_paginate (book, NULL, NULL, NULL, NULL));
      ck_assert_msg (custos_report_book_verify (book, &problem), "%s: %s", custos_report_kind_to_string (k), problem);
      pdf = custos_report_book_render_pdf (book, NULL, NULL, NULL, NULL);
      ck_assert_ptr_nonnull (pdf);
      /* The book holds no reference to itself, nor does rendering. */
      custos_assert_finalized (g_steal_pointer (&book));
    }
}
END_TEST

/* A check that cannot fail would prove nothing: an overflowing cell is found. */
START_TEST (test_verify_finds_overflow)
{
  g_autoptr(CustosReportBook) book = custos_report_book_new ();
  static const double weights[] = { -3, 1 };
  const char *texts[] = { "W", "fits" };
  CustosReportTable *table;
  g_autofree char *problem = NULL;

  table = custos_report_book_add_table (book, 2, weights, NULL, CUSTOS_TABLE_RULES);
  custos_report_table_add_texts (table, texts);
  ck_assert (custos_report_book_paginate (book, NULL, NULL, NULL, NULL));
  ck_assert (!custos_report_book_verify (book, &problem));
  ck_assert_msg (strstr (problem, "wide") != NULL, "%s", problem);
}
END_TEST

static char *
numbered_words (const char *prefix,
                guint       n)
{
  GString *s = g_string_new (NULL);

  for (guint i = 1; i <= n; i++)
    g_string_append_printf (s, "%s%s%04u", i > 1 ? (i % 60 == 0 ? "\n" : " ") : "", prefix, i);
  return g_string_free (s, FALSE);
}

/* A hostile document: very long texts, a word longer than any column, a row
 * taller than a page, empty registers, Greek, Cyrillic and CJK text. */
static CustosDocument *
hostile_document (void)
{
  CustosDocument *doc = custos_document_new (CUSTOS_EDITION_2022);
  CustosRecord *org = custos_document_get_section (doc, CUSTOS_SECTION_ORGANISATION);
  CustosRecord *role = custos_document_add_new (doc, CUSTOS_REGISTER_ROLES);
  CustosRecord *risk = custos_document_add_new (doc, CUSTOS_REGISTER_RISKS);
  CustosRecord *risk2 = custos_document_add_new (doc, CUSTOS_REGISTER_RISKS);
  CustosRecord *rev = custos_document_add_new (doc, CUSTOS_REGISTER_REVISIONS);
  CustosRecord *issue = custos_document_add_new (doc, CUSTOS_REGISTER_ISSUES);
  g_autofree char *words = numbered_words ("w", 1500);
  g_autofree char *other_words = numbered_words ("v", 700);
  g_autofree char *unbroken = g_strnfill (600, 'X');
  g_autofree char *long_title = g_strjoin (" ", "Ελληνικά κείμενα", "Кириллица текст", "日本語のテキスト",
                                           "中文文本", "한국어", unbroken, NULL);

  custos_organisation_set_name (CUSTOS_ORGANISATION (org), "Εταιρεία Ωμέγα — Компания Омега — 株式会社オメガ");
  custos_organisation_set_classification (CUSTOS_ORGANISATION (org), "Εμπιστευτικό");
  custos_role_set_title (CUSTOS_ROLE (role), "Γενικός Διευθυντής / Генеральный директор / 代表取締役");
  custos_role_set_holder (CUSTOS_ROLE (role), "Άννα Παπαδοπούλου");
  custos_role_set_top_management (CUSTOS_ROLE (role), TRUE);
  custos_revision_set_version (CUSTOS_REVISION (rev), "0.1");
  custos_revision_set_date (CUSTOS_REVISION (rev), "2026-01-01");
  custos_revision_set_summary (CUSTOS_REVISION (rev), long_title);
  custos_issue_set_title (CUSTOS_ISSUE (issue), unbroken);
  custos_issue_set_description (CUSTOS_ISSUE (issue), other_words);

  custos_risk_set_title (CUSTOS_RISK (risk), long_title);
  custos_risk_set_threat (CUSTOS_RISK (risk), words);
  custos_risk_set_vulnerability (CUSTOS_RISK (risk), "Уязвимость: 脆弱性");
  custos_risk_set_owner (CUSTOS_RISK (risk), custos_record_get_id (role));
  custos_risk_set_likelihood (CUSTOS_RISK (risk), 5);
  custos_risk_set_consequence (CUSTOS_RISK (risk), 5);
  custos_risk_set_residual_likelihood (CUSTOS_RISK (risk), 1);
  custos_risk_set_residual_consequence (CUSTOS_RISK (risk), 2);
  custos_risk_set_title (CUSTOS_RISK (risk2), "Короткий риск");
  return doc;
}

START_TEST (test_hostile_document)
{
  g_autoptr(CustosDocument) doc = hostile_document ();
  g_autofree char *dir = custos_test_mkdtemp ();
  CustosReportKind kind = (CustosReportKind) _i;
  g_autoptr(CustosReportBook) book = custos_report_build (doc, kind, NULL);
  g_autofree char *problem = NULL;
  g_autofree char *path = g_build_filename (dir, "hostile.pdf", NULL);
  g_autofree char *text = NULL;
  g_autofree char *out = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  const char *scripts[] = { "Ελληνικά", "Кириллица", "日本語", "中文文本" };

  ck_assert (custos_report_book_paginate (book, NULL, NULL, NULL, NULL));
  ck_assert_msg (custos_report_book_verify (book, &problem), "%s: %s", custos_report_kind_to_string (kind), problem);
  bytes = custos_report_book_render_pdf (book, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  ck_assert (g_file_set_contents (path, g_bytes_get_data (bytes, NULL), (gssize) g_bytes_get_size (bytes), NULL));
  ck_assert_msg (tool (&out, "qpdf", "--check", path, NULL) == 0, "%s", out);

  text = pdf_text (path);
  for (guint i = 0; i < G_N_ELEMENTS (scripts); i++)
    ck_assert_msg (strstr (text, scripts[i]) != NULL, "%s: “%s” not found in the text", custos_report_kind_to_string (kind),
                   scripts[i]);
  ck_assert_ptr_nonnull (strstr (text, "Εταιρεία Ωμέγα"));
  if (kind == CUSTOS_REPORT_RISKS || kind == CUSTOS_REPORT_PACK)
    ck_assert_ptr_nonnull (strstr (text, "Уязвимость"));

  /* The risk's 1,500-word threat is taller than a page: every word is on
   * some page, exactly once — nothing lost or doubled at the cuts. */
  if (kind == CUSTOS_REPORT_RISKS || kind == CUSTOS_REPORT_PACK)
    for (guint i = 1; i <= 1500; i += 7)
      {
        char word[16];
        const char *first, *second;

        g_snprintf (word, sizeof word, "w%04u", i);
        first = strstr (text, word);
        ck_assert_msg (first != NULL, "%s lost", word);
        second = strstr (first + 1, word);
        ck_assert_msg (second == NULL, "%s shown twice", word);
      }
  custos_test_rmdir (dir);
}
END_TEST

/* One word of length bytes, first and last the given markers, lower-case
 * letters between them. */
static char *
long_word (const char *first,
           const char *last,
           gsize       length)
{
  char *word = g_malloc (length + 1);

  for (gsize i = 0; i < length; i++)
    word[i] = (char) ('a' + (i * 7) % 26);
  memcpy (word, first, strlen (first));
  memcpy (word + length - strlen (last), last, strlen (last));
  word[length] = '\0';
  return word;
}

/* Words as long as the loader accepts (1 MiB) can only be broken between
 * letters: the risk register still exports, each word's start and end are in
 * the PDF, and every word pdftotext finds lies on its page. The time it
 * takes is measured by bench/long-word.sh, not here. */
START_TEST (test_long_word)
{
  g_autoptr(CustosDocument) doc = custos_document_new (CUSTOS_EDITION_2022);
  CustosRecord *risk = custos_document_add_new (doc, CUSTOS_REGISTER_RISKS);
  g_autofree char *title = long_word ("BEGIN", "END", CUSTOS_XML_MAX_VALUE);
  g_autofree char *threat = long_word ("THREATSTART", "THREATEND", 64 * 1024);
  g_autofree char *dir = custos_test_mkdtemp ();
  g_autofree char *isms = g_build_filename (dir, "long.isms", NULL);
  g_autofree char *pdf = g_build_filename (dir, "long.pdf", NULL);
  g_autofree char *export_out = NULL, *export_err = NULL;
  g_autofree char *output_arg = g_strdup_printf ("--output=%s", pdf);
  const char *args[] = { "--export=risks", output_arg, isms, NULL };
  g_autoptr(GFile) file = g_file_new_for_path (isms);
  g_autoptr(GError) error = NULL;
  /* Raw: GRegex would check the whole text is UTF-8 at every match. */
  g_autoptr(GRegex) hyphen = g_regex_new ("(-|‐)\n", G_REGEX_RAW, 0, NULL);
  g_autoptr(GRegex) box = g_regex_new ("<page width=\"([0-9.]+)\" height=\"([0-9.]+)\">|"
                                       "<word xMin=\"([0-9.-]+)\" yMin=\"([0-9.-]+)\" xMax=\"([0-9.-]+)\" "
                                       "yMax=\"([0-9.-]+)\">", G_REGEX_RAW, 0, NULL);
  g_autoptr(GMatchInfo) match = NULL;
  g_autofree char *text = NULL;
  g_autofree char *joined = NULL;
  g_autofree char *boxes = NULL;
  double page_width = 0, page_height = 0;
  guint n_words = 0;

  custos_risk_set_title (CUSTOS_RISK (risk), title);
  custos_risk_set_threat (CUSTOS_RISK (risk), threat);
  custos_risk_set_likelihood (CUSTOS_RISK (risk), 3);
  custos_risk_set_consequence (CUSTOS_RISK (risk), 4);
  ck_assert_msg (custos_file_save (doc, file, NULL, &error), "%s", error ? error->message : "");
  ck_assert_msg (custos_test_run_cli (args, &export_out, &export_err) == 0, "%s", export_err);

  ck_assert_int_eq (tool (&text, "pdftotext", "-enc", "UTF-8", pdf, "-", NULL), 0);
  /* Lines broken inside a word end in a hyphen. */
  joined = g_regex_replace_literal (hyphen, text, -1, 0, "", 0, NULL);
  ck_assert_ptr_nonnull (strstr (joined, "BEGINjqxel"));
  ck_assert_ptr_nonnull (strstr (joined, "END"));
  ck_assert_ptr_nonnull (strstr (joined, "THREATSTART"));
  ck_assert_ptr_nonnull (strstr (joined, "THREATEND"));

  ck_assert_int_eq (tool (&boxes, "pdftotext", "-bbox", pdf, "-", NULL), 0);
  g_regex_match (box, boxes, 0, &match);
  for (; g_match_info_matches (match); g_match_info_next (match, NULL))
    {
      g_autofree char *width = g_match_info_fetch (match, 1);

      if (width != NULL && *width != '\0')
        {
          g_autofree char *height = g_match_info_fetch (match, 2);

          page_width = g_ascii_strtod (width, NULL);
          page_height = g_ascii_strtod (height, NULL);
          continue;
        }
      {
        double v[4];

        for (guint i = 0; i < 4; i++)
          {
            g_autofree char *s = g_match_info_fetch (match, (int) i + 3);
            v[i] = g_ascii_strtod (s, NULL);
          }
        ck_assert_msg (v[0] >= 0 && v[1] >= 0 && v[2] <= page_width && v[3] <= page_height,
                       "a word at %.1f,%.1f–%.1f,%.1f on a page of %.1f × %.1f", v[0], v[1], v[2], v[3],
                       page_width, page_height);
        n_words++;
      }
    }
  /* Some 2,700 lines of the title and 300 of the threat. */
  ck_assert_uint_gt (n_words, 2000);
  custos_test_rmdir (dir);
}
END_TEST

START_TEST (test_empty_document)
{
  g_autoptr(CustosDocument) doc = custos_document_new_empty (CUSTOS_EDITION_2013);
  g_autofree char *dir = custos_test_mkdtemp ();
  g_autofree char *path = g_build_filename (dir, "empty.pdf", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autofree char *out = NULL;
  g_autofree char *text = NULL;
  g_autoptr(CustosReportBook) book = custos_report_build (doc, (CustosReportKind) _i, NULL);
  g_autofree char *problem = NULL;

  ck_assert (custos_report_book_paginate (book, NULL, NULL, NULL, NULL));
  ck_assert_msg (custos_report_book_verify (book, &problem), "%s", problem);
  ck_assert (custos_report_export_pdf (doc, (CustosReportKind) _i, NULL, file, NULL, &error));
  g_assert_no_error (error);
  ck_assert_msg (tool (&out, "qpdf", "--check", path, NULL) == 0, "%s", out);
  text = pdf_text (path);
  if (_i == CUSTOS_REPORT_SOA)
    ck_assert (has_token (text, "A.18.2.3"));   /* every control, even undecided */
  custos_test_rmdir (dir);
}
END_TEST

/* A migrated SoA prints what the migration decided and the revision that
 * still needs approval; the pack carries the notes too. */
START_TEST (test_migration_notes)
{
  g_autoptr(CustosDocument) doc = custos_document_new (CUSTOS_EDITION_2013);
  g_autoptr(GPtrArray) plan = NULL;
  g_autofree char *dir = custos_test_mkdtemp ();
  g_autofree char *path = g_build_filename (dir, "migrated.pdf", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  GDate day = custos_test_date ("2026-12-01");

  custos_soa_entry_set_applicable (CUSTOS_SOA_ENTRY (custos_document_lookup (doc, CUSTOS_REGISTER_SOA, "A.9.1.1")),
                                   CUSTOS_APPLICABILITY_APPLICABLE);
  plan = custos_document_plan_migration (doc, NULL);
  custos_document_apply_migration (doc, plan, &day);
  for (CustosReportKind kind = CUSTOS_REPORT_SOA; kind <= CUSTOS_REPORT_PACK; kind += CUSTOS_REPORT_PACK)
    {
      ck_assert (custos_report_export_pdf (doc, kind, NULL, file, NULL, &error));
      g_assert_no_error (error);
      g_free (text);
      text = pdf_text (path);
      ck_assert_ptr_nonnull (strstr (text, "Migration from ISO/IEC 27001:2013"));
      ck_assert_ptr_nonnull (strstr (text, "Merged from A.9.1.1, A.9.1.2"));
      ck_assert_ptr_nonnull (strstr (text, "New control in ISO/IEC 27001:2022"));
      ck_assert_ptr_nonnull (strstr (text, "Needs approval"));
    }
  custos_test_rmdir (dir);
}
END_TEST

/* A row taller than a page goes on over several pages, cut between lines. */
/* The pages of a book, as text. */
static GStrv
book_pages (CustosReportBook *book)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = custos_report_book_render_pdf (book, NULL, NULL, NULL, &error);
  g_autofree char *dir = custos_test_mkdtemp ();
  g_autofree char *path = g_build_filename (dir, "book.pdf", NULL);
  g_autofree char *text = NULL;
  GStrv pages;

  g_assert_no_error (error);
  ck_assert (g_file_set_contents (path, g_bytes_get_data (bytes, NULL), (gssize) g_bytes_get_size (bytes), NULL));
  text = flat_pages (path);
  pages = g_strsplit (text, "\f", -1);
  custos_test_rmdir (dir);
  return pages;
}

static int
page_of (GStrv        pages,
         const char  *word)
{
  for (guint i = 0; pages[i] != NULL; i++)
    if (strstr (pages[i], word) != NULL)
      return (int) i;
  return -1;
}

/* However much comes before: a record is never parted from its details, a
 * table's last record never stands alone on a page, a table's heading never
 * stands without its first record, and a heading with a short introduction
 * never stands without what it introduces. */
START_TEST (test_keep_together)
{
  guint lone = 0, tried = 0;

  for (guint filler = 0; filler < 40; filler++)
    {
      g_autoptr(CustosReportBook) book = custos_report_book_new ();
      static const double weights[] = { 0, 1 };
      const char *headers[] = { "Id", "Record" };
      const char *roles[] = { "First signatory", "Second signatory", "Third signatory" };
      const char *names[] = { "Ann", "Bob", "Cy" };
      g_auto(GStrv) pages = NULL;
      CustosReportTable *table;
      guint n_records = 6 + filler % 7;

      custos_report_book_set_paper (book, CUSTOS_PAPER_A4);
      for (guint k = 0; k < filler; k++)
        custos_report_book_add_paragraph (book, "Filler text that takes one line or two of the page, so that what "
                                                "follows starts lower on it each time the test goes round.",
                                          CUSTOS_CELL_NONE);
      custos_report_book_add_heading (book, 2, "9.2", "Internal audit programme", FALSE);
      table = custos_report_book_add_table (book, 2, weights, headers, CUSTOS_TABLE_RULES);
      for (guint r = 0; r < n_records; r++)
        {
          g_autofree char *id = g_strdup_printf ("REC%02u", r);
          const char *texts[] = { id, "A record with details under it" };

          custos_report_table_add_texts (table, texts);
          for (guint d = 0; d < 8; d++)
            {
              g_autofree char *value = g_strdup_printf ("DET%02uX%u and a value", r, d);
              custos_report_table_add_pair (table, "Detail", value);
            }
        }
      custos_report_book_add_heading (book, 2, "3", "Approval of the plan", FALSE);
      custos_report_book_add_paragraph (book, "INTRO By signing, the owners approve the plan.", CUSTOS_CELL_NONE);
      custos_report_book_add_signatures (book, roles, names, 3);
      pages = book_pages (book);

      for (guint r = 0; r < n_records; r++)
        {
          g_autofree char *id = g_strdup_printf ("REC%02u", r);
          int page = page_of (pages, id);

          for (guint d = 0; d < 8; d++)
            {
              g_autofree char *detail = g_strdup_printf ("DET%02uX%u", r, d);
              ck_assert_msg (page_of (pages, detail) == page, "filler %u: %s parted from %s", filler, id, detail);
            }
        }
      {
        g_autofree char *last = g_strdup_printf ("REC%02u", n_records - 1);
        g_autofree char *before = g_strdup_printf ("REC%02u", n_records - 2);
        ck_assert_msg (page_of (pages, last) == page_of (pages, before), "filler %u: the last record is alone",
                       filler);
        lone += page_of (pages, last) > page_of (pages, "REC00");
        tried++;
      }
      ck_assert_msg (page_of (pages, "Internal audit programme") == page_of (pages, "REC00"),
                     "filler %u: the table's heading is parted from its first record", filler);
      ck_assert_msg (page_of (pages, "Approval of the plan") == page_of (pages, "First signatory"),
                     "filler %u: the heading is stranded", filler);
      ck_assert_int_eq (page_of (pages, "Third signatory"), page_of (pages, "Second signatory"));
    }
  /* the table did run over a page in some of the books */
  ck_assert_uint_gt (lone, 0);
  ck_assert_uint_eq (tried, 40);
}
END_TEST

/* A narrow column takes the width of its longest word from a wide column
 * with room to spare, rather than break the word; a word too long for any
 * column still breaks (and verifies). */
START_TEST (test_columns_fit_words)
{
  g_autoptr(CustosReportBook) book = custos_report_book_new ();
  static const double weights[] = { 0.25, 4 };
  const char *headers[] = { "Band", "Meaning" };
  const char *rows[][2] = {
    { "Data Protection", "Short." },
    { "Severe consequences", "Also short." },
    { "Supercalifragilisticexpialidocioussupercalifragilisticexpialidocioussupercalifragilistic", "Long word." },
  };
  CustosReportTable *table;
  g_auto(GStrv) pages = NULL;
  g_autofree char *problem = NULL;

  custos_report_book_set_paper (book, CUSTOS_PAPER_A4);
  table = custos_report_book_add_table (book, 2, weights, headers, CUSTOS_TABLE_RULES);
  for (guint r = 0; r < G_N_ELEMENTS (rows); r++)
    custos_report_table_add_texts (table, rows[r]);
  ck_assert (custos_report_book_paginate (book, NULL, NULL, NULL, NULL));
  ck_assert_msg (custos_report_book_verify (book, &problem), "%s", problem);
  pages = book_pages (book);
  ck_assert_ptr_nonnull (strstr (pages[0], " Protection "));
  ck_assert_ptr_nonnull (strstr (pages[0], " consequences "));
  ck_assert_ptr_null (strstr (pages[0], "Supercalifragilisticexpialidocioussupercalifragilisticexpialidocioussupercalifragilistic"));
}
END_TEST

START_TEST (test_row_split)
{
  g_autoptr(CustosReportBook) book = custos_report_book_new ();
  static const double weights[] = { 1, 2 };
  const char *headers[] = { "Left", "Right" };
  g_autofree char *left = numbered_words ("a", 400);
  g_autofree char *right = numbered_words ("b", 2600);
  const char *texts[] = { left, right };
  CustosReportTable *table;
  g_autofree char *problem = NULL;

  custos_report_book_set_paper (book, CUSTOS_PAPER_A4);
  table = custos_report_book_add_table (book, 2, weights, headers, CUSTOS_TABLE_RULES);
  custos_report_table_add_texts (table, texts);
  ck_assert (custos_report_book_paginate (book, NULL, NULL, NULL, NULL));
  ck_assert_uint_ge (custos_report_book_get_n_pages (book), 3);
  ck_assert_msg (custos_report_book_verify (book, &problem), "%s", problem);
}
END_TEST

/* One engine for PDF and print: a page drawn at another scale lands in the
 * same place, scaled. */
START_TEST (test_draw_any_context)
{
  g_autoptr(CustosDocument) doc = load_example ();
  g_autoptr(CustosReportBook) book = custos_report_build (doc, CUSTOS_REPORT_RISKS, NULL);
  double extents[2][4];

  ck_assert (custos_report_book_paginate (book, NULL, NULL, NULL, NULL));
  for (guint k = 0; k < 2; k++)
    {
      cairo_surface_t *surface = cairo_recording_surface_create (CAIRO_CONTENT_COLOR_ALPHA, NULL);
      cairo_t *cr = cairo_create (surface);

      cairo_scale (cr, k ? 1.5 : 1.0, k ? 1.5 : 1.0);
      custos_report_book_draw_page (book, cr, 3);
      cairo_destroy (cr);
      cairo_recording_surface_ink_extents (surface, &extents[k][0], &extents[k][1], &extents[k][2], &extents[k][3]);
      cairo_surface_destroy (surface);
    }
  for (guint i = 0; i < 4; i++)
    ck_assert_msg (fabs (extents[0][i] * 1.5 - extents[1][i]) < 2.0, "extent %u: %g vs %g", i, extents[0][i] * 1.5,
                   extents[1][i]);
}
END_TEST

START_TEST (test_paper)
{
  double w, h;
  CustosPaper paper;

  custos_paper_get_size (CUSTOS_PAPER_A4, CUSTOS_ORIENTATION_PORTRAIT, &w, &h);
  ck_assert (w == 595 && h == 842);
  custos_paper_get_size (CUSTOS_PAPER_LETTER, CUSTOS_ORIENTATION_LANDSCAPE, &w, &h);
  ck_assert (w == 792 && h == 612);
  /* The tests run in C.UTF-8, whose paper is A4. */
  ck_assert_int_eq (custos_paper_from_locale (), CUSTOS_PAPER_A4);
  ck_assert (custos_paper_parse ("Letter", &paper) && paper == CUSTOS_PAPER_LETTER);
  ck_assert (!custos_paper_parse ("a3", &paper));
}
END_TEST

/* The window's side ----------------------------------------------------------------- */

/* Widget tests need a display (CI runs them under Xvfb); without one they
 * say so and pass. */
static gboolean
have_display (void)
{
  if (gtk_init_check ())
    return TRUE;
  g_test_message ("no display: window tests not run");
  fprintf (stderr, "SKIP: no display for the export dialog and print tests\n");
  return FALSE;
}

/* The first widget of type under root (a row: with this title). */
static GtkWidget *
find_widget (GtkWidget  *root,
             GType       type,
             const char *title)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (root, type)
      && (title == NULL || g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (root)), title) == 0))
    return root;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_widget (child, type, title);
      if (found != NULL)
        return found;
    }
  return NULL;
}

/* Turns the main loop until the dialog has finished: its Open button shows,
 * or after a failure its options can be changed again. */
static void
wait_for_export (CustosExportDialog *dialog)
{
  GtkStack *end_stack = GTK_STACK (find_widget (GTK_WIDGET (dialog), GTK_TYPE_STACK, NULL));
  GtkWidget *options = find_widget (GTK_WIDGET (dialog), ADW_TYPE_PREFERENCES_GROUP, NULL);

  while (g_str_equal (gtk_stack_get_visible_child_name (end_stack), "export") && !gtk_widget_get_sensitive (options))
    g_main_context_iteration (NULL, TRUE);
  ck_assert_str_eq (gtk_stack_get_visible_child_name (end_stack), "open");
}

START_TEST (test_export_dialog_thread)
{
  g_autoptr(CustosDocument) doc = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GHashTable) info = NULL;
  g_autofree char *out = NULL;
  CustosExportDialog *dialog;
  GtkStack *end_stack;

  if (!have_display ())
    return;
  doc = load_example ();
  dir = custos_test_mkdtemp ();
  path = g_build_filename (dir, "from-dialog.pdf", NULL);
  file = g_file_new_for_path (path);

  dialog = custos_export_dialog_new (NULL, doc, NULL, NULL);
  gtk_window_present (GTK_WINDOW (dialog));
  end_stack = GTK_STACK (find_widget (GTK_WIDGET (dialog), GTK_TYPE_STACK, NULL));
  custos_export_dialog_export_to (dialog, file);
  /* The call only starts the work: the options are locked while it runs,
   * and its end reaches the dialog through the main loop. */
  ck_assert (!gtk_widget_get_sensitive (find_widget (GTK_WIDGET (dialog), ADW_TYPE_PREFERENCES_GROUP, NULL)));
  ck_assert_str_eq (gtk_stack_get_visible_child_name (end_stack), "export");
  wait_for_export (dialog);
  ck_assert (g_file_test (path, G_FILE_TEST_EXISTS));

  info = pdf_info (path);
  ck_assert_str_eq (g_hash_table_lookup (info, "Title"), "Statement of Applicability");
  ck_assert_msg (tool (&out, "qpdf", "--check", path, NULL) == 0, "%s", out);
  gtk_window_destroy (GTK_WINDOW (dialog));
  custos_test_rmdir (dir);
}
END_TEST

/* The Export dialog's pack counts changes from the last frozen issue, read
 * in a thread before the book is built. */
START_TEST (test_export_dialog_pack_since_issue)
{
  g_autoptr(CustosDocument) doc = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GFile) pdf_file = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  g_autofree char *pdf = NULL;
  g_autofree char *err = NULL;
  g_autofree char *text = NULL;
  CustosExportDialog *dialog;

  if (!have_display ())
    return;
  dir = custos_test_mkdtemp ();
  path = g_build_filename (dir, "plan.isms", NULL);
  pdf = g_build_filename (dir, "pack.pdf", NULL);
  file = g_file_new_for_path (path);
  pdf_file = g_file_new_for_path (pdf);
  doc = load_example ();
  ck_assert (custos_file_save (doc, file, NULL, &error));
  ck_assert_msg (run_in (dir, &err, "--issue=9.0", "--approver=Margaret Hale", "plan.isms", NULL) == 0, "%s", err);
  g_clear_object (&doc);
  doc = custos_file_load (file, NULL, &error);
  ck_assert_msg (doc != NULL, "%s", error ? error->message : "");
  custos_risk_set_likelihood (CUSTOS_RISK (custos_document_lookup (doc, CUSTOS_REGISTER_RISKS, "R-001")), 3);

  dialog = custos_export_dialog_new (NULL, doc, file, NULL);
  gtk_window_present (GTK_WINDOW (dialog));
  adw_combo_row_set_selected (ADW_COMBO_ROW (find_widget (GTK_WIDGET (dialog), ADW_TYPE_COMBO_ROW, "_Report")), 3);
  custos_export_dialog_export_to (dialog, pdf_file);
  wait_for_export (dialog);
  text = pdf_text (pdf);
  ck_assert_msg (strstr (text, "version 9.0 of") != NULL, "the issue is not named");
  ck_assert_msg (strstr (text, "Likelihood 4 \u2192 3") != NULL, "no change listed");
  gtk_window_destroy (GTK_WINDOW (dialog));
  custos_test_rmdir (dir);
}
END_TEST

/* The Export dialog's byte order mark: a switch for CSV only, remembered
 * in the csv-bom setting. */
START_TEST (test_export_dialog_csv_bom)
{
  g_autoptr(CustosDocument) doc = NULL;
  g_autoptr(GSettings) settings = NULL;
  g_autofree char *dir = NULL;
  CustosExportDialog *dialog;
  AdwComboRow *report_row;
  GtkWidget *bom_row;
  GtkSwitch *bom_switch;

  if (!have_display ())
    return;
  doc = load_example ();
  dir = custos_test_mkdtemp ();
  settings = g_settings_new ("io.github.custos.Custos");

  for (guint i = 0; i < 2; i++)
    {
      gboolean bom = i == 1;
      g_autofree char *path = g_build_filename (dir, bom ? "with-bom.csv" : "without-bom.csv", NULL);
      g_autoptr(GFile) file = g_file_new_for_path (path);
      g_autoptr(GBytes) bytes = NULL;

      dialog = custos_export_dialog_new (NULL, doc, NULL, NULL);
      gtk_window_present (GTK_WINDOW (dialog));
      report_row = ADW_COMBO_ROW (find_widget (GTK_WIDGET (dialog), ADW_TYPE_COMBO_ROW, "_Report"));
      bom_row = find_widget (GTK_WIDGET (dialog), ADW_TYPE_ACTION_ROW, "_Byte Order Mark for Excel");
      bom_switch = GTK_SWITCH (find_widget (bom_row, GTK_TYPE_SWITCH, NULL));
      /* The PDF reports come first: no byte order mark for them. */
      ck_assert (!gtk_widget_get_sensitive (bom_row));
      adw_combo_row_set_selected (report_row, 6); /* Risk register (CSV) */
      ck_assert (gtk_widget_get_sensitive (bom_row));
      /* Off at first; the second dialog finds it as the first one left it. */
      ck_assert (gtk_switch_get_active (bom_switch) == bom);

      custos_export_dialog_export_to (dialog, file);
      wait_for_export (dialog);
      bytes = custos_test_read_file (path);
      ck_assert (g_bytes_get_size (bytes) > 6);
      ck_assert_int_eq (memcmp (g_bytes_get_data (bytes, NULL), "\xEF\xBB\xBFID,", 6) == 0, bom);
      ck_assert_int_eq (memcmp (g_bytes_get_data (bytes, NULL), "ID,", 3) == 0, !bom);

      gtk_switch_set_active (bom_switch, TRUE);
      ck_assert (g_settings_get_boolean (settings, "csv-bom"));
      gtk_window_destroy (GTK_WINDOW (dialog));
    }
  g_settings_reset (settings, "csv-bom");
  custos_test_rmdir (dir);
}
END_TEST

/* The Export dialog's choices read in full and apart: the chosen one is the
 * row's subtitle (which wraps), and no two are named alike. */
START_TEST (test_export_dialog_choice_titles)
{
  g_autoptr(CustosDocument) doc = NULL;
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  CustosExportDialog *dialog;
  AdwComboRow *report_row;
  GListModel *model;

  if (!have_display ())
    return;
  doc = load_example ();
  dialog = custos_export_dialog_new (NULL, doc, NULL, NULL);
  gtk_window_present (GTK_WINDOW (dialog));
  report_row = ADW_COMBO_ROW (find_widget (GTK_WIDGET (dialog), ADW_TYPE_COMBO_ROW, "_Report"));
  model = adw_combo_row_get_model (report_row);
  ck_assert_uint_ge (g_list_model_get_n_items (model), 8);
  for (guint i = 0, n = g_list_model_get_n_items (model); i < n; i++)
    {
      g_autoptr(GtkStringObject) item = g_list_model_get_item (model, i);
      const char *title = gtk_string_object_get_string (item);

      ck_assert_msg (g_hash_table_add (seen, (gpointer) title), "two choices named “%s”", title);
      adw_combo_row_set_selected (report_row, i);
      ck_assert_str_eq (adw_action_row_get_subtitle (ADW_ACTION_ROW (report_row)), title);
    }
  gtk_window_destroy (GTK_WINDOW (dialog));
}
END_TEST

/* The print path draws the same pages: GTK's own PDF export of the print
 * operation has the pages, sizes and text of the report. */
START_TEST (test_print_operation)
{
  g_autoptr(CustosDocument) doc = NULL;
  g_autoptr(GtkPrintOperation) operation = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  g_autofree char *reference = NULL;
  g_autofree char *text = NULL;
  g_autofree char *sizes = NULL;
  g_autofree char *last = NULL;
  g_autoptr(GFile) file = NULL;
  guint n;

  if (!have_display ())
    return;
  doc = load_example ();
  dir = custos_test_mkdtemp ();
  path = g_build_filename (dir, "printed.pdf", NULL);
  reference = out_path ("risks.pdf");
  /* printed from an issued version: the issue, not a draft */
  {
    g_autofree char *plan = g_build_filename (dir, "plan.isms", NULL);

    file = g_file_new_for_path (plan);
    ck_assert (custos_file_save (doc, file, NULL, &error));
    ck_assert (custos_issue_document (doc, file, NULL, NULL, "1.4", "Margaret Hale", NULL, "2026-12-05", NULL, &error));
    g_assert_no_error (error);
  }

  operation = custos_print_operation_new (doc, file, CUSTOS_REPORT_RISKS, NULL, NULL);
  gtk_print_operation_set_export_filename (operation, path);
  gtk_print_operation_set_show_progress (operation, FALSE);
  ck_assert_int_eq (gtk_print_operation_run (operation, GTK_PRINT_OPERATION_ACTION_EXPORT, NULL, &error),
                    GTK_PRINT_OPERATION_RESULT_APPLY);
  g_assert_no_error (error);

  n = pdf_pages (path);
  ck_assert_uint_eq (n, pdf_pages (reference));
  text = pdf_text (path);
  ck_assert_ptr_nonnull (strstr (text, "Risk register"));
  ck_assert_ptr_nonnull (strstr (text, "Version 1.4 · 2026-12-05"));
  ck_assert_ptr_null (strstr (text, "Draft after"));
  last = g_strdup_printf ("Page %u of %u", n, n);
  ck_assert_ptr_nonnull (strstr (text, last));
  /* The register's pages are turned to landscape, the cover is not. */
  {
    g_autofree char *n_text = g_strdup_printf ("%u", n);

    ck_assert_int_eq (tool (&sizes, "pdfinfo", "-f", "1", "-l", n_text, path, NULL), 0);
    ck_assert_msg (g_regex_match_simple ("Page\\s+1 size:\\s+59[0-9.]+ x 84[0-9.]+ pts", sizes, 0, 0), "%s", sizes);
    ck_assert_msg (g_regex_match_simple ("size:\\s+84[0-9.]+ x 59[0-9.]+ pts", sizes, 0, 0), "%s", sizes);
  }
  custos_test_rmdir (dir);
}
END_TEST

int
main (void)
{
  Suite *suite = suite_create ("report");
  TCase *tc;

  /* Under AddressSanitizer, LeakSanitizer would print the suppressions it
   * used on the stderr of every custos we run, which we check is empty. */
  if (g_getenv ("LSAN_OPTIONS") != NULL)
    {
      g_autofree char *lsan = g_strconcat (g_getenv ("LSAN_OPTIONS"), ":print_suppressions=0", NULL);
      g_setenv ("LSAN_OPTIONS", lsan, TRUE);
    }

  tc = tcase_create ("pdf");
  tcase_add_unchecked_fixture (tc, make_outputs, remove_outputs);
  tcase_set_timeout (tc, 120);
  tcase_add_loop_test (tc, test_qpdf_check, 0, G_N_ELEMENTS (reports));
  tcase_add_test (tc, test_qpdf_check_letter);
  tcase_add_loop_test (tc, test_metadata, 0, G_N_ELEMENTS (reports));
  tcase_add_loop_test (tc, test_page_size_a4, 0, G_N_ELEMENTS (reports));
  tcase_add_test (tc, test_page_size_letter);
  tcase_add_loop_test (tc, test_page_numbers, 0, G_N_ELEMENTS (reports));
  tcase_add_test (tc, test_soa_every_control);
  tcase_add_test (tc, test_rtp_every_risk);
  tcase_add_test (tc, test_header_repeated);
  tcase_add_loop_test (tc, test_contents_links, 0, G_N_ELEMENTS (reports));
  tcase_add_test (tc, test_named_destinations);
  tcase_add_test (tc, test_record_links);
  tcase_add_loop_test (tc, test_tagged, 0, G_N_ELEMENTS (reports));
  tcase_add_test (tc, test_pack_clauses);
  tcase_add_test (tc, test_pack_every_record);
  tcase_add_test (tc, test_reproducible);
  tcase_add_test (tc, test_text_selectable_and_fonts_embedded);
  tcase_add_test (tc, test_cli_errors);
  tcase_add_test (tc, test_csv_risks_derived);
  tcase_add_test (tc, test_csv_suppliers_requirements);
  tcase_add_test (tc, test_csv_soa_selecting_risks);
  tcase_add_test (tc, test_csv_rtp);
  tcase_add_test (tc, test_rtp_content);
  tcase_add_test (tc, test_bands_one_order);
  tcase_add_test (tc, test_issue_reproducible);
  tcase_add_test (tc, test_signature_dates_clear);
  suite_add_tcase (suite, tc);

  tc = tcase_create ("csv");
  tcase_set_timeout (tc, 120);
  tcase_add_test (tc, test_csv_quoting);
  tcase_add_test (tc, test_csv_formula_guard);
  tcase_add_test (tc, test_csv_libreoffice);
  suite_add_tcase (suite, tc);

  tc = tcase_create ("heatmap");
  tcase_add_test (tc, test_heatmap_counts);
  tcase_add_test (tc, test_heatmap_hit_test);
  tcase_add_test (tc, test_heatmap_draw_agrees);
  tcase_add_test (tc, test_heatmap_arrows_under_counts);
  tcase_add_test (tc, test_heatmap_labels_keep_words);
  tcase_add_test (tc, test_heatmap_cache_reuses_static_layer);
  tcase_add_test (tc, test_heatmap_palette);
  suite_add_tcase (suite, tc);

  tc = tcase_create ("xref");
  tcase_add_test (tc, test_xref_repairs_cairo_links);
  tcase_add_test (tc, test_xref_offsets);
  tcase_add_test (tc, test_xref_rejects);
  suite_add_tcase (suite, tc);

  tc = tcase_create ("layout");
  tcase_set_timeout (tc, 120);
  tcase_add_loop_test (tc, test_example_layout_verifies, 0, 2);
  tcase_add_test (tc, test_verify_finds_overflow);
  tcase_add_loop_test (tc, test_hostile_document, 0, CUSTOS_N_REPORTS);
  tcase_add_loop_test (tc, test_empty_document, 0, CUSTOS_N_REPORTS);
  tcase_add_test (tc, test_long_word);
  tcase_add_test (tc, test_row_split);
  tcase_add_test (tc, test_keep_together);
  tcase_add_test (tc, test_columns_fit_words);
  tcase_add_test (tc, test_migration_notes);
  tcase_add_test (tc, test_draw_any_context);
  tcase_add_test (tc, test_paper);
  suite_add_tcase (suite, tc);

  tc = tcase_create ("window");
  tcase_add_unchecked_fixture (tc, make_outputs, remove_outputs);
  tcase_set_timeout (tc, 120);
  tcase_add_test (tc, test_export_dialog_thread);
  tcase_add_test (tc, test_export_dialog_csv_bom);
  tcase_add_test (tc, test_export_dialog_pack_since_issue);
  tcase_add_test (tc, test_export_dialog_choice_titles);
  tcase_add_test (tc, test_print_operation);
  suite_add_tcase (suite, tc);

  return custos_test_run_suite (suite);
}
