/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-storage.c — the *.isms file format: writer, reader, schema, files
 *
 * Round trips of a document in which every field of every kind is set,
 * byte-identical rewrites, validation of the writer's output against the
 * generated RELAX NG schema, the malformed and hostile inputs of
 * tests/data/bad/ (each with its exact FILE:LINE:COLUMN and message), and
 * the file layer: backups, permissions, atomic replace, async load and save.
 */
#include "config.h"

#include <fcntl.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <glib/gstdio.h>
#include <libxml/parser.h>
#include <libxml/relaxng.h>

#include "custos-test-util.h"
#include "custos-file.h"
#include "custos-xml-reader.h"
#include "custos-xml-writer.h"

#define SCHEMA_RESOURCE "/io/github/custos/Custos/schema/isms.rng"

/* Helpers ----------------------------------------------------------------- */

static const char *
bytes_str (GBytes *bytes)
{
  /* custos_xml_write's bytes come from a GString: NUL-terminated. */
  return g_bytes_get_data (bytes, NULL);
}

static void
assert_bytes_equal (GBytes     *a,
                    GBytes     *b,
                    const char *what)
{
  gsize la = 0, lb = 0;
  const char *da = g_bytes_get_data (a, &la);
  const char *db = g_bytes_get_data (b, &lb);
  gsize i = 0;

  while (i < la && i < lb && da[i] == db[i])
    i++;
  ck_assert_msg (la == lb && i == la, "%s: differ at byte %" G_GSIZE_FORMAT " (lengths %"
                 G_GSIZE_FORMAT " and %" G_GSIZE_FORMAT "): “%.60s” vs “%.60s”",
                 what, i, la, lb, da + MIN (i, la), db + MIN (i, lb));
}

static CustosDocument *
read_bytes (GBytes      *bytes,
            const char  *name,
            GError     **error)
{
  gsize length = 0;
  const char *data = g_bytes_get_data (bytes, &length);

  return custos_xml_read (data, length, name, error);
}

static CustosDocument *
read_ok (GBytes     *bytes,
         const char *name)
{
  g_autoptr(GError) error = NULL;
  CustosDocument *document = read_bytes (bytes, name, &error);

  ck_assert_msg (document != NULL, "%s does not load:\n%s", name, error ? error->message : "?");
  return document;
}

static void
collect_error (void        *user_data,
               xmlErrorPtr  error)
{
  GString *messages = user_data;

  g_string_append_printf (messages, "%d:%d: %s", error->line, error->int2,
                          error->message != NULL ? error->message : "?\n");
}

/* The schema, compiled once per test process from the GResource. */
static xmlRelaxNGPtr
get_schema (void)
{
  static xmlRelaxNGPtr schema;

  if (schema == NULL)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GBytes) rng =
        g_resources_lookup_data (SCHEMA_RESOURCE, G_RESOURCE_LOOKUP_FLAGS_NONE, &error);
      g_autoptr(GString) messages = g_string_new (NULL);
      xmlRelaxNGParserCtxtPtr ctxt;
      gsize length = 0;
      const char *data;

      g_assert_no_error (error);
      data = g_bytes_get_data (rng, &length);
      ctxt = xmlRelaxNGNewMemParserCtxt (data, (int) length);
      xmlRelaxNGSetParserStructuredErrors (ctxt, collect_error, messages);
      schema = xmlRelaxNGParse (ctxt);
      xmlRelaxNGFreeParserCtxt (ctxt);
      ck_assert_msg (schema != NULL, "the schema does not compile:\n%s", messages->str);
    }
  return schema;
}

/* NULL when the bytes validate against the schema, else the messages. */
static char *
schema_errors (GBytes *bytes)
{
  g_autoptr(GString) messages = g_string_new (NULL);
  xmlRelaxNGValidCtxtPtr ctxt;
  xmlDocPtr doc;
  gsize length = 0;
  const char *data = g_bytes_get_data (bytes, &length);
  int ret;

  doc = xmlReadMemory (data, (int) length, "file.isms", NULL,
                       XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING);
  if (doc == NULL)
    return g_strdup ("not well-formed");
  ctxt = xmlRelaxNGNewValidCtxt (get_schema ());
  xmlRelaxNGSetValidStructuredErrors (ctxt, collect_error, messages);
  ret = xmlRelaxNGValidateDoc (ctxt, doc);
  xmlRelaxNGFreeValidCtxt (ctxt);
  xmlFreeDoc (doc);
  if (ret == 0)
    return NULL;
  return g_strdup (messages->len > 0 ? messages->str : "invalid");
}

static void
assert_schema_valid (GBytes     *bytes,
                     const char *what)
{
  g_autofree char *errors = schema_errors (bytes);

  ck_assert_msg (errors == NULL, "%s does not validate against isms.rng:\n%s", what, errors);
}

static char *
field_text (CustosRecord *record,
            guint         i)
{
  return custos_field_to_text (&custos_record_get_kind (record)->fields[i],
                               custos_record_get_value (record, i), "\x1f");
}

static void
assert_records_equal (CustosRecord *a,
                      CustosRecord *b)
{
  const CustosKind *kind = custos_record_get_kind (a);

  ck_assert_ptr_eq (kind, custos_record_get_kind (b));
  ck_assert_msg (g_strcmp0 (custos_record_get_id (a), custos_record_get_id (b)) == 0,
                 "%s: id %s vs %s", kind->name, custos_record_get_id (a), custos_record_get_id (b));
  for (guint i = 0; i < kind->n_fields; i++)
    {
      g_autofree char *x = field_text (a, i);
      g_autofree char *y = field_text (b, i);

      ck_assert_msg (strcmp (x, y) == 0, "%s %s, field %s: “%s” became “%s”", kind->name,
                     custos_record_get_id (a), kind->fields[i].name, x, y);
      ck_assert_msg (custos_record_field_is_empty (a, i) == custos_record_field_is_empty (b, i),
                     "%s %s, field %s: emptiness differs", kind->name, custos_record_get_id (a),
                     kind->fields[i].name);
    }
}

static void
assert_documents_equal (CustosDocument *a,
                        CustosDocument *b)
{
  ck_assert_int_eq (custos_document_get_edition (a), custos_document_get_edition (b));
  ck_assert (custos_criteria_equal (custos_document_get_criteria (a),
                                    custos_document_get_criteria (b)));
  for (guint s = 0; s < CUSTOS_N_SECTIONS; s++)
    assert_records_equal (custos_document_get_section (a, s), custos_document_get_section (b, s));
  for (guint r = 0; r < CUSTOS_N_REGISTERS; r++)
    {
      GListModel *ma = custos_document_get_register (a, r);
      GListModel *mb = custos_document_get_register (b, r);

      ck_assert_msg (g_list_model_get_n_items (ma) == g_list_model_get_n_items (mb),
                     "%s: %u vs %u records", custos_kinds_register (r)->register_name,
                     g_list_model_get_n_items (ma), g_list_model_get_n_items (mb));
      for (guint i = 0; i < g_list_model_get_n_items (ma); i++)
        {
          g_autoptr(CustosRecord) x = g_list_model_get_item (ma, i);
          g_autoptr(CustosRecord) y = g_list_model_get_item (mb, i);
          assert_records_equal (x, y);
        }
    }
}

/* A document with every field set ----------------------------------------- */

static void
set_criteria (CustosDocument *document)
{
  g_autoptr(CustosCriteria) criteria = custos_criteria_new ();
  const CustosLevel likelihood[] = {
    { "Rare & remote", "Less than once in ten years" },
    { "Unlikely", NULL },
    { "Possible", "Once in a few years, <roughly>" },
    { "Likely", "Every \"year\"\nor more often" },
  };
  const CustosLevel consequence[] = {
    { "Minor", "A nuisance" },
    { "Serious", "Clients notice" },
    { "Severe", "Regulators notice" },
  };
  const CustosBand bands[] = {
    { "Low", "#33d17a", 2, 3, "Monitor", "Yearly", TRUE, "Risk owner" },
    { "Medium", "#F6D32D", 4, 5, NULL, NULL, TRUE, NULL },
    { "High", "#e01b24", 6, 7, "Treat now", "Within 1 month", FALSE, "The partners" },
  };
  g_autofree char *message = NULL;

  custos_criteria_set_scoring (criteria, CUSTOS_SCORING_SUM);
  custos_criteria_set_levels (criteria, CUSTOS_SCALE_LIKELIHOOD, likelihood,
                              G_N_ELEMENTS (likelihood));
  custos_criteria_set_levels (criteria, CUSTOS_SCALE_CONSEQUENCE, consequence,
                              G_N_ELEMENTS (consequence));
  custos_criteria_set_bands (criteria, bands, G_N_ELEMENTS (bands));
  ck_assert_msg (custos_criteria_validate (criteria, &message), "%s", message);
  ck_assert (custos_document_set_criteria (document, criteria, NULL));
}

static const char *
record_id (CustosDocument *document,
           const char     *kind_name,
           guint           index)
{
  int reg = custos_kinds_register_index (custos_kinds_lookup (kind_name));
  g_autoptr(CustosRecord) record = NULL;

  ck_assert_int_ge (reg, 0);
  record = g_list_model_get_item (custos_document_get_register (document, reg), index);
  ck_assert_ptr_nonnull (record);
  /* The document keeps the record, so the id outlives this reference. */
  return custos_record_get_id (record);
}

/* Sets every field of a record to a non-default value, generically from its
 * descriptor; variant 0 and 1 give different values. */
static void
fill_record (CustosDocument *document,
             CustosRecord   *record,
             guint           variant)
{
  const CustosKind *kind = custos_record_get_kind (record);
  CustosCriteria *criteria = custos_document_get_criteria (document);

  for (guint i = 0; i < kind->n_fields; i++)
    {
      const CustosField *field = &kind->fields[i];
      g_auto(GValue) value = G_VALUE_INIT;

      g_value_init (&value, custos_field_value_type (field));
      switch (field->type)
        {
        case CUSTOS_FIELD_STRING:
          {
            const char *id = custos_record_get_id (record);
            char *text = g_strdup_printf ("%s%s of %s — “quoted” & <angled> 'single' café%s",
                                          variant ? "  " : "", field->name,
                                          id != NULL ? id : kind->name, variant ? "  " : "");
            g_value_take_string (&value, text);
          }
          break;
        case CUSTOS_FIELD_TEXT:
          g_value_take_string (&value, g_strdup_printf ("%s, first line\n\tindented second line\r\n"
                                                        "after CR LF\rafter a lone CR\n"
                                                        "  trailing spaces  \n"
                                                        "]]> & <tag attr=\"x\"> &amp; done%s",
                                                        field->name, variant ? "\n" : ""));
          break;
        case CUSTOS_FIELD_INT:
          if (field->min < 0)
            {
              CustosScale scale = field->min == CUSTOS_RANGE_LIKELIHOOD ? CUSTOS_SCALE_LIKELIHOOD
                                                                        : CUSTOS_SCALE_CONSEQUENCE;
              g_value_set_int (&value,
                               variant ? 1 : (int) custos_criteria_get_n_levels (criteria, scale));
            }
          else
            g_value_set_int (&value, variant ? (field->min + field->max) / 2 : field->max);
          break;
        case CUSTOS_FIELD_NUMBER:
          g_value_set_double (&value, variant ? -2.5e-07 : 12.75);
          break;
        case CUSTOS_FIELD_BOOL:
          g_value_set_boolean (&value, TRUE);
          break;
        case CUSTOS_FIELD_DATE:
          g_value_set_string (&value, variant ? "2024-02-29" : "2026-01-15");
          break;
        case CUSTOS_FIELD_ENUM:
          {
            g_autoptr(GEnumClass) klass = g_type_class_ref (field->get_type ());
            g_value_set_enum (&value, klass->values[variant ? 1 : klass->n_values - 1].value);
          }
          break;
        case CUSTOS_FIELD_FLAGS:
          {
            g_autoptr(GFlagsClass) klass = g_type_class_ref (field->get_type ());
            g_value_set_flags (&value, variant ? klass->values[1].value : klass->mask);
          }
          break;
        case CUSTOS_FIELD_REF:
          g_value_set_string (&value, record_id (document, field->target, variant));
          break;
        case CUSTOS_FIELD_REFS:
          {
            const char *ids[] = { record_id (document, field->target, 1),
                                  record_id (document, field->target, 0), NULL };
            g_value_set_boxed (&value, variant ? ids + 1 : ids);
          }
          break;
        case CUSTOS_FIELD_CONTROLS:
          {
            const char *ids_2022[] = { "8.24", "5.1", NULL };
            const char *ids_2013[] = { "A.10.1.1", "A.5.1.1", NULL };
            const char **ids =
              custos_document_get_edition (document) == CUSTOS_EDITION_2013 ? ids_2013 : ids_2022;
            g_value_set_boxed (&value, variant ? ids + 1 : ids);
          }
          break;
        case CUSTOS_FIELD_STRINGS:
          {
            const char *items[] = { "Why did it happen?", "", "  Because — of “this” & <that>  ",
                                    "two\nlines", NULL };
            g_value_set_boxed (&value, variant ? items + 2 : items);
          }
          break;
        default:
          g_assert_not_reached ();
        }
      custos_record_set_value (record, i, &value);
      ck_assert_msg (!custos_record_field_is_empty (record, i), "%s.%s is still empty", kind->name,
                     field->name);
    }
}

static CustosDocument *
build_full_document (CustosEdition edition)
{
  CustosDocument *document = custos_document_new (edition);
  GListModel *soa;

  set_criteria (document);
  for (guint r = 0; r < CUSTOS_N_REGISTERS; r++)
    if (r != CUSTOS_REGISTER_SOA)
      for (guint i = 0; i < 2; i++)
        custos_document_add_new (document, r);

  for (guint s = 0; s < CUSTOS_N_SECTIONS; s++)
    fill_record (document, custos_document_get_section (document, s), 0);
  for (guint r = 0; r < CUSTOS_N_REGISTERS; r++)
    {
      GListModel *model = custos_document_get_register (document, r);

      for (guint i = 0; i < g_list_model_get_n_items (model); i++)
        {
          g_autoptr(CustosRecord) record = g_list_model_get_item (model, i);
          fill_record (document, record, i % 2);
        }
    }

  soa = custos_document_get_register (document, CUSTOS_REGISTER_SOA);
  ck_assert_uint_eq (g_list_model_get_n_items (soa),
                     custos_catalogue_get_n_controls (custos_document_get_catalogue (document)));
  return document;
}

/* Round trips -------------------------------------------------------------- */

static void
check_round_trip (CustosDocument *document,
                  const char     *what)
{
  g_autoptr(GBytes) first = custos_xml_write (document);
  g_autoptr(CustosDocument) copy = NULL;
  g_autoptr(GBytes) second = NULL;

  assert_schema_valid (first, what);
  copy = read_ok (first, what);
  ck_assert (!custos_document_get_modified (copy));
  assert_documents_equal (document, copy);
  second = custos_xml_write (copy);
  assert_bytes_equal (first, second, what);
  custos_assert_finalized (g_steal_pointer (&copy));
}

START_TEST (test_round_trip_every_field)
{
  CustosEdition edition = _i == 0 ? CUSTOS_EDITION_2022 : CUSTOS_EDITION_2013;
  g_autoptr(CustosDocument) document = build_full_document (edition);

  check_round_trip (document,
                    edition == CUSTOS_EDITION_2022 ? "full 2022 document" : "full 2013 document");
}
END_TEST

START_TEST (test_round_trip_new_document)
{
  g_autoptr(CustosDocument) d2022 = custos_document_new (CUSTOS_EDITION_2022);
  g_autoptr(CustosDocument) d2013 = custos_document_new (CUSTOS_EDITION_2013);

  /* A new document has empty required section fields (scope, policy):
   * sections are filled in clause by clause, so it must still load. */
  check_round_trip (d2022, "new 2022 document");
  check_round_trip (d2013, "new 2013 document");
}
END_TEST

/* A record just added, its required title still empty, saves and loads:
 * the user's work in progress is never locked out of its file. */
START_TEST (test_round_trip_unfinished_records)
{
  g_autoptr(CustosDocument) document = custos_document_new (CUSTOS_EDITION_2022);

  for (guint r = 0; r < CUSTOS_N_REGISTERS; r++)
    if (r != CUSTOS_REGISTER_SOA)
      custos_document_add_new (document, r);
  check_round_trip (document, "unfinished records");
}
END_TEST

/* Format 2: records and sections marked to review keep the mark, the
 * schema accepts it, and format 1 files (without it) still load. */
START_TEST (test_to_review)
{
  g_autoptr(CustosDocument) document = custos_document_new (CUSTOS_EDITION_2022);
  g_autoptr(CustosDocument) reread = NULL;
  g_autoptr(CustosDocument) old = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *errors = NULL;
  CustosRecord *risk = custos_document_add_new (document, CUSTOS_REGISTER_RISKS);
  CustosRecord *entry = custos_document_lookup (document, CUSTOS_REGISTER_SOA, "5.1");
  const char *text;
  g_autofree char *format_1 = custos_test_data_path ("bad/valid.isms");
  g_autoptr(GBytes) format_1_bytes = custos_test_read_file (format_1);
  static const char bad[] = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
    "<isms xmlns=\"urn:custos:isms:1\" format=\"2\" edition=\"2022\"><risks><risk id=\"R-001\" to-review=\"yes\">"
    "<title>T</title></risk></risks></isms>\n";

  custos_test_set_string (risk, "title", "Drafted");
  custos_record_set_to_review (risk, TRUE);
  custos_record_set_to_review (entry, TRUE);
  custos_record_set_to_review (custos_document_get_section (document, CUSTOS_SECTION_SCOPE), TRUE);
  bytes = custos_xml_write (document);
  text = g_bytes_get_data (bytes, NULL);
  ck_assert_ptr_nonnull (strstr (text, "<risk id=\"R-001\" to-review=\"true\">"));
  ck_assert_ptr_nonnull (strstr (text, "<control id=\"5.1\" to-review=\"true\"/>"));
  ck_assert_ptr_nonnull (strstr (text, "<scope to-review=\"true\"/>"));
  errors = schema_errors (bytes);
  ck_assert_msg (errors == NULL, "%s", errors);

  reread = custos_xml_read (text, g_bytes_get_size (bytes), "t.isms", &error);
  ck_assert_msg (reread != NULL, "%s", error ? error->message : "");
  ck_assert (custos_record_get_to_review (custos_document_lookup (reread, CUSTOS_REGISTER_RISKS, "R-001")));
  ck_assert (custos_record_get_to_review (custos_document_lookup (reread, CUSTOS_REGISTER_SOA, "5.1")));
  ck_assert (!custos_record_get_to_review (custos_document_lookup (reread, CUSTOS_REGISTER_SOA, "5.2")));
  ck_assert (custos_record_get_to_review (custos_document_get_section (reread, CUSTOS_SECTION_SCOPE)));
  ck_assert (!custos_record_get_to_review (custos_document_get_section (reread, CUSTOS_SECTION_POLICY)));

  ck_assert_ptr_nonnull (strstr (g_bytes_get_data (format_1_bytes, NULL), "format=\"1\""));
  old = custos_xml_read (g_bytes_get_data (format_1_bytes, NULL), g_bytes_get_size (format_1_bytes), "old.isms", &error);
  ck_assert_msg (old != NULL, "%s", error ? error->message : "");
  ck_assert (!custos_record_get_to_review (custos_document_get_section (old, CUSTOS_SECTION_SCOPE)));

  g_clear_object (&old);
  old = custos_xml_read (bad, sizeof bad - 1, "bad.isms", &error);
  ck_assert_ptr_null (old);
  ck_assert_msg (strstr (error->message, "“yes” is not true or false for “to-review”") != NULL, "%s", error->message);
}
END_TEST

START_TEST (test_canonical_form)
{
  g_autoptr(CustosDocument) document = custos_document_new (CUSTOS_EDITION_2022);
  g_autoptr(GBytes) bytes = NULL;
  CustosRecord *risk;
  const char *text;

  custos_organisation_set_name (custos_document_get_organisation (document), "A & B");
  risk = custos_document_add_new (document, CUSTOS_REGISTER_RISKS);
  custos_risk_set_title (CUSTOS_RISK (risk), "Two\nlines");
  custos_risk_set_likelihood (CUSTOS_RISK (risk), 2);
  bytes = custos_xml_write (document);
  text = bytes_str (bytes);

  ck_assert (g_str_has_prefix (text,
    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
    "<isms xmlns=\"urn:custos:isms:1\" format=\"2\" edition=\"2022\">\n"
    "  <organisation>\n"
    "    <name>A &amp; B</name>\n"
    "    <classification>Confidential</classification>\n"
    "  </organisation>\n"
    "  <revisions/>\n"
    "  <issues/>\n"
    "  <parties/>\n"
    "  <requirements/>\n"
    "  <scope/>\n"
    "  <isms-processes/>\n"
    "  <leadership/>\n"
    "  <policy/>\n"
    "  <roles/>\n"
    "  <isms-risks/>\n"
    "  <criteria scoring=\"product\">\n"
    "    <likelihood>\n"
    "      <level value=\"1\">\n"
    "        <label>Rare</label>\n"
    "        <meaning>Less than once in ten years</meaning>\n"
    "      </level>\n"));
  ck_assert (strstr (text,
    "  <assets/>\n"
    "  <risks>\n"
    "    <risk id=\"R-001\">\n"
    "      <title>Two\nlines</title>\n"
    "      <likelihood>2</likelihood>\n"
    "    </risk>\n"
    "  </risks>\n"
    "  <actions/>\n"
    "  <plan-approval/>\n"
    "  <soa>\n"
    "    <control id=\"5.1\"/>\n"
    "    <control id=\"5.2\"/>\n") != NULL);
  ck_assert (g_str_has_suffix (text,
    "    <control id=\"8.34\"/>\n"
    "  </soa>\n"
    "  <evidence-items/>\n"
    "  <objectives/>\n"
    "  <change-planning/>\n"
    "  <isms-resources/>\n"
    "  <competences/>\n"
    "  <trainings/>\n"
    "  <communications/>\n"
    "  <documents/>\n"
    "  <reassessment/>\n"
    "  <processes/>\n"
    "  <suppliers/>\n"
    "  <measures/>\n"
    "  <measurements/>\n"
    "  <audits/>\n"
    "  <findings/>\n"
    "  <reviews/>\n"
    "  <review-actions/>\n"
    "  <continual-improvement/>\n"
    "  <nonconformities/>\n"
    "  <incidents/>\n"
    "  <merge-conflicts/>\n"
    "</isms>\n"));
  ck_assert (strchr (text, '\r') == NULL);
  ck_assert (strchr (text, '\t') == NULL);
}
END_TEST

START_TEST (test_escaping)
{
  g_autoptr(CustosDocument) document = custos_document_new (CUSTOS_EDITION_2022);
  g_autoptr(CustosDocument) copy = NULL;
  g_autoptr(GBytes) bytes = NULL;
  CustosRecord *scope = custos_document_get_section (document, CUSTOS_SECTION_SCOPE);
  CustosRecord *risk = custos_document_add_new (document, CUSTOS_REGISTER_RISKS);
  const char *text;

  custos_scope_set_statement (CUSTOS_SCOPE (scope),
                            "  <b>&amp;</b> \"q\" 'a' ]]> CR\rCRLF\r\nTAB\t end  ");
  /* Not allowed in XML 1.0 at all (and not UTF-8): dropped. */
  custos_scope_set_sites (CUSTOS_SCOPE (scope),
                            "bell\a nul-free \x01\x1f ok \xef\xbf\xbe \xff\xfe end");
  custos_risk_set_title (CUSTOS_RISK (risk), "\xe2\x80\x9cLaptop\xe2\x80\x9d \xf0\x9f\x92\xbb");
  bytes = custos_xml_write (document);
  text = bytes_str (bytes);

  ck_assert (strstr (text, "<statement>  &lt;b&gt;&amp;amp;&lt;/b&gt; \"q\" 'a' ]]&gt; "
                           "CR&#13;CRLF&#13;\nTAB\t end  </statement>") != NULL);
  ck_assert (strstr (text, "<sites>bell nul-free  ok   end</sites>") != NULL);
  assert_schema_valid (bytes, "escaped document");

  copy = read_ok (bytes, "escaped.isms");
  scope = custos_document_get_section (copy, CUSTOS_SECTION_SCOPE);
  risk = custos_document_lookup (copy, CUSTOS_REGISTER_RISKS, "R-001");
  ck_assert_str_eq (custos_scope_get_statement (CUSTOS_SCOPE (scope)),
                    "  <b>&amp;</b> \"q\" 'a' ]]> CR\rCRLF\r\nTAB\t end  ");
  ck_assert_str_eq (custos_scope_get_sites (CUSTOS_SCOPE (scope)), "bell nul-free  ok   end");
  ck_assert_str_eq (custos_risk_get_title (CUSTOS_RISK (risk)),
                    "\xe2\x80\x9cLaptop\xe2\x80\x9d \xf0\x9f\x92\xbb");
}
END_TEST

/* The SoA is written in catalogue order whatever the order of the register;
 * a missing entry is written empty, so the file always loads. */
START_TEST (test_soa_catalogue_order)
{
  g_autoptr(CustosDocument) document = custos_document_new (CUSTOS_EDITION_2022);
  g_autoptr(CustosDocument) copy = NULL;
  g_autoptr(GPtrArray) entries = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GBytes) bytes = NULL;
  GListModel *soa = custos_document_get_register (document, CUSTOS_REGISTER_SOA);
  guint n = g_list_model_get_n_items (soa);

  /* Every entry but the first (5.1), in reverse order. */
  for (guint i = n; i-- > 1;)
    {
      g_autoptr(CustosRecord) original = g_list_model_get_item (soa, i);
      g_ptr_array_add (entries,
                       custos_record_duplicate (original, custos_record_get_id (original)));
    }
  custos_soa_entry_set_applicable (entries->pdata[0], CUSTOS_APPLICABILITY_APPLICABLE);
  custos_document_replace_soa (document, CUSTOS_EDITION_2022, (CustosRecord **) entries->pdata,
                               entries->len);
  ck_assert_uint_eq (custos_document_count (document, CUSTOS_REGISTER_SOA), n - 1);

  bytes = custos_xml_write (document);
  ck_assert (strstr (bytes_str (bytes),
                     "  <soa>\n    <control id=\"5.1\"/>\n    <control id=\"5.2\"/>\n") != NULL);
  ck_assert (strstr (bytes_str (bytes),
                     "    <control id=\"8.34\">\n      <applicable>applicable</applicable>\n") !=
             NULL);

  copy = read_ok (bytes, "soa.isms");
  ck_assert_uint_eq (custos_document_count (copy, CUSTOS_REGISTER_SOA), n);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(CustosRecord) entry =
        g_list_model_get_item (custos_document_get_register (copy, CUSTOS_REGISTER_SOA), i);
      ck_assert_str_eq (custos_record_get_id (entry),
                        custos_catalogue_get_control (custos_document_get_catalogue (copy), i)->id);
    }
}
END_TEST

START_TEST (test_example)
{
  g_autofree char *path = custos_test_example_path ();
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GBytes) original = custos_test_read_file (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(CustosDocument) document = custos_file_load (file, NULL, &error);
  g_autoptr(GBytes) written = NULL;

  ck_assert_msg (document != NULL, "%s", error ? error->message : "?");
  ck_assert (!custos_document_get_modified (document));
  ck_assert_uint_gt (custos_document_count (document, CUSTOS_REGISTER_RISKS), 0);
  assert_schema_valid (original, "the example");
  written = custos_xml_write (document);
  assert_bytes_equal (original, written, "the example, rewritten");
  check_round_trip (document, "the example");
}
END_TEST

/* A file of format 1 (the example before format 2) loads with every
 * format-2 part empty and is written back as format 2 with the same records. */
START_TEST (test_format_1_loads)
{
  g_autofree char *path = custos_test_data_path ("format-1.isms");
  g_autofree char *example_path = custos_test_example_path ();
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFile) example_file = g_file_new_for_path (example_path);
  g_autoptr(GBytes) original = custos_test_read_file (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(CustosDocument) document = custos_file_load (file, NULL, &error);
  g_autoptr(CustosDocument) example = custos_file_load (example_file, NULL, &error);
  g_autoptr(GBytes) written = NULL;

  g_assert_no_error (error);
  ck_assert (g_strstr_len (bytes_str (original), 200, "format=\"1\"") != NULL);
  assert_schema_valid (original, "a format-1 file");
  ck_assert_uint_eq (custos_document_count (document, CUSTOS_REGISTER_RISKS),
                     custos_document_count (example, CUSTOS_REGISTER_RISKS));
  ck_assert_uint_eq (custos_document_count (document, CUSTOS_REGISTER_SUPPLIERS), 0);
  ck_assert_uint_eq (custos_document_count (document, CUSTOS_REGISTER_REQUIREMENTS), 0);
  ck_assert_uint_eq (custos_document_count (document, CUSTOS_REGISTER_EVIDENCE), 0);
  ck_assert (custos_record_field_is_empty (custos_document_get_section (document, CUSTOS_SECTION_LEADERSHIP),
                                           CUSTOS_LEADERSHIP_FIELD_COMMITMENT));
  written = custos_xml_write (document);
  ck_assert (g_strstr_len (bytes_str (written), 200, "format=\"2\"") != NULL);
  assert_schema_valid (written, "a format-1 file written again");
  check_round_trip (document, "a format-1 file");
}
END_TEST

/* Malformed and hostile inputs ----------------------------------------------- */

typedef struct
{
  const char         *file;     /* under tests/data/bad */
  CustosStorageError  code;
  const char         *where;    /* "LINE:COLUMN" */
  const char         *message;  /* a fragment of that line's message */
} BadFile;

static const BadFile bad_files[] = {
  { "truncated.isms", CUSTOS_STORAGE_ERROR_PARSE, "30:28",
    "the file is truncated: Premature end of data in tag treatment" },
  { "not-xml.isms", CUSTOS_STORAGE_ERROR_PARSE, "1:1", "not an XML file: Start tag expected" },
  { "wrong-root.isms", CUSTOS_STORAGE_ERROR_INVALID, "2:1",
    "the root element is <html>, not <isms>" },
  { "wrong-namespace.isms", CUSTOS_STORAGE_ERROR_INVALID, "2:1",
    "<isms> is in the namespace “urn:example:isms”; expected “urn:custos:isms:1”" },
  { "no-format.isms", CUSTOS_STORAGE_ERROR_INVALID, "2:1", "<isms> has no “format” attribute" },
  { "future-format.isms", CUSTOS_STORAGE_ERROR_VERSION, "2:33",
    "was written by a newer version of Custos (format 3); this version reads format 2" },
  { "bad-edition.isms", CUSTOS_STORAGE_ERROR_INVALID, "2:44",
    "unknown edition “2005” (expected 2013 or 2022)" },
  { "bad-enum.isms", CUSTOS_STORAGE_ERROR_INVALID, "30:18",
    "risk R-001: “reduce” is not a valid treatment (one of undecided, avoid, remove-source, "
    "change-likelihood, change-consequence, transfer, accept)" },
  { "bad-date.isms", CUSTOS_STORAGE_ERROR_INVALID, "32:20",
    "risk R-001: “2026-02-30” is not a valid date for next-review (expected YYYY-MM-DD)" },
  { "bad-number.isms", CUSTOS_STORAGE_ERROR_INVALID, "141:15",
    "measure MON-001: “ten percent” is not a number for target" },
  { "likelihood-range.isms", CUSTOS_STORAGE_ERROR_INVALID, "62:19",
    "risk R-001: likelihood 5 is out of range (1 to 4)" },
  { "dangling-ref.isms", CUSTOS_STORAGE_ERROR_INVALID, "26:15",
    "risk R-001: asset “A-099” does not exist" },
  { "duplicate-id.isms", CUSTOS_STORAGE_ERROR_INVALID, "23:12",
    "duplicate id “A-001”: already used by the asset on line 17" },
  { "unknown-control.isms", CUSTOS_STORAGE_ERROR_INVALID, "31:17",
    "risk R-001: unknown control “A.8.3.1”: ISO/IEC 27001:2022 Annex A has no such control" },
  { "missing-soa.isms", CUSTOS_STORAGE_ERROR_INVALID, "36:3",
    "the SoA has no entry for 34 of the 93 controls of ISO/IEC 27001:2022 Annex A: 8.1, 8.2, "
    "8.3," },
  { "unknown-element.isms", CUSTOS_STORAGE_ERROR_INVALID, "32:7",
    "unknown element <colour> in <risk>" },
  { "unknown-attribute.isms", CUSTOS_STORAGE_ERROR_INVALID, "24:22",
    "unknown attribute “priority” on <risk>" },
  { "out-of-order.isms", CUSTOS_STORAGE_ERROR_INVALID, "30:7",
    "<likelihood> is out of order in <risk>: it must come before <controls>" },
  { "missing-id.isms", CUSTOS_STORAGE_ERROR_INVALID, "24:5", "<risk> has no “id” attribute" },
  /* Ids with control or bidi formatting characters, quoted escaped. */
  { "id-tab.isms", CUSTOS_STORAGE_ERROR_INVALID, "24:11", "“R\\t001” is not a valid id for a risk" },
  { "id-bidi.isms", CUSTOS_STORAGE_ERROR_INVALID, "24:11", "“R-001\\u202E” is not a valid id for a risk" },
  { "id-c1.isms", CUSTOS_STORAGE_ERROR_INVALID, "24:11", "“R-\\u0085001” is not a valid id for a risk" },
  { "id-del.isms", CUSTOS_STORAGE_ERROR_INVALID, "24:11", "“R-\\u007F001” is not a valid id for a risk" },
  { "ref-bidi.isms", CUSTOS_STORAGE_ERROR_INVALID, "29:14",
    "risk R-001: “ROLE-\\u202E001” is not a valid id for owner" },
  { "text-in-register.isms", CUSTOS_STORAGE_ERROR_INVALID, "24:5", "unexpected text in <risks>" },
  { "invalid-criteria.isms", CUSTOS_STORAGE_ERROR_INVALID, "16:3",
    "criteria: Score band “High” covers 6 to 12; it should start at 5 so that the bands are "
    "contiguous" },
  { "encoding.isms", CUSTOS_STORAGE_ERROR_PARSE, "1:21",
    "the encoding “ISO-8859-1” is not supported; Custos files are UTF-8" },
  { "mismatched-tags.isms", CUSTOS_STORAGE_ERROR_PARSE, "25:38",
    "not well-formed XML: Opening and ending tag mismatch: title line 25 and titel" },
  { "undefined-entity.isms", CUSTOS_STORAGE_ERROR_PARSE, "25:38",
    "not well-formed XML: Entity 'nbsp' not defined" },
  { "billion-laughs.isms", CUSTOS_STORAGE_ERROR_PARSE, "2:1",
    "document type declarations are not allowed" },
  { "xxe-file.isms", CUSTOS_STORAGE_ERROR_PARSE, "2:1",
    "document type declarations are not allowed" },
  { "xxe-http.isms", CUSTOS_STORAGE_ERROR_PARSE, "2:1",
    "document type declarations are not allowed" },
  { "deep-nesting.isms", CUSTOS_STORAGE_ERROR_TOO_LARGE, "3:86",
    "elements are nested too deeply (more than 12 levels)" },
};

/* Asserts that one line of the message is exactly NAME:WHERE: followed by a
 * message containing the fragment. */
static void
assert_message_has (const char *message,
                    const char *name,
                    const char *where,
                    const char *fragment)
{
  g_autofree char *prefix = g_strdup_printf ("%s:%s: ", name, where);
  g_auto(GStrv) lines = g_strsplit (message, "\n", -1);

  for (guint i = 0; lines[i] != NULL; i++)
    if (g_str_has_prefix (lines[i], prefix) &&
        strstr (lines[i] + strlen (prefix), fragment) != NULL)
      return;
  ck_abort_msg ("expected a line “%s…%s…” in:\n%s", prefix, fragment, message);
}

/* Every line of an error message has the form NAME:LINE:COLUMN: message. */
static void
assert_message_form (const char *message,
                     const char *name)
{
  g_auto(GStrv) lines = g_strsplit (message, "\n", -1);
  g_autofree char *escaped = g_regex_escape_string (name, -1);
  g_autofree char *pattern = g_strdup_printf ("^%s:[1-9][0-9]*:[1-9][0-9]*: [^ ]", escaped);
  g_autoptr(GRegex) regex = g_regex_new (pattern, 0, 0, NULL);

  for (guint i = 0; lines[i] != NULL; i++)
    {
      if (lines[i + 1] == NULL && g_str_has_prefix (lines[i], "… and "))
        break;
      ck_assert_msg (g_regex_match (regex, lines[i], 0, NULL), "badly formed message line “%s”",
                     lines[i]);
    }
}

static GError *
load_bad (const char *name)
{
  g_autofree char *rel = g_build_filename ("bad", name, NULL);
  g_autofree char *path = custos_test_data_path (rel);
  g_autoptr(GBytes) bytes = custos_test_read_file (path);
  GError *error = NULL;
  g_autoptr(CustosDocument) document = read_bytes (bytes, name, &error);

  ck_assert_msg (document == NULL, "%s loaded", name);
  ck_assert_ptr_nonnull (error);
  return error;
}

START_TEST (test_bad_file)
{
  const BadFile *bad = &bad_files[_i];
  /* A hang would be caught by the test's timeout, not by a clock here. */
  g_autoptr(GError) error = load_bad (bad->file);

  ck_assert_msg (g_error_matches (error, CUSTOS_STORAGE_ERROR, bad->code),
                 "%s: code %d, expected %d:\n%s", bad->file, error->code, bad->code,
                 error->message);
  assert_message_form (error->message, bad->file);
  assert_message_has (error->message, bad->file, bad->where, bad->message);
}
END_TEST

/* Security: nothing goes to stderr, nothing is read from a DTD or entity. */
START_TEST (test_hostile_quiet)
{
  g_autofree char *log_path = NULL;
  g_autoptr(GBytes) log = NULL;
  int saved, fd;

  log_path = g_build_filename (g_get_tmp_dir (), "custos-stderr-XXXXXX", NULL);
  fd = g_mkstemp (log_path);
  ck_assert_int_ge (fd, 0);
  saved = dup (STDERR_FILENO);
  dup2 (fd, STDERR_FILENO);
  for (guint i = 0; i < G_N_ELEMENTS (bad_files); i++)
    {
      GError *error = load_bad (bad_files[i].file);
      ck_assert (strstr (error->message, "root:") == NULL); /* /etc/passwd */
      g_error_free (error);
    }
  fsync (STDERR_FILENO);
  dup2 (saved, STDERR_FILENO);
  close (saved);
  close (fd);

  log = custos_test_read_file (log_path);
  g_unlink (log_path);
  ck_assert_msg (g_bytes_get_size (log) == 0, "libxml2 wrote to stderr:\n%.*s",
                 (int) g_bytes_get_size (log), (const char *) g_bytes_get_data (log, NULL));
}
END_TEST

/* The hostile files fail the schema as well: the grammar is as strict as
 * the reader where it can be. */
START_TEST (test_bad_files_fail_schema)
{
  const char *names[] = {
    "bad-enum.isms", "bad-date.isms", "bad-number.isms", "unknown-element.isms",
    "unknown-attribute.isms", "out-of-order.isms", "missing-id.isms",
    "wrong-namespace.isms", "no-format.isms", "future-format.isms", "bad-edition.isms",
    "text-in-register.isms",
  };
  g_autofree char *valid_path = custos_test_data_path ("bad/valid.isms");
  g_autoptr(GBytes) valid = custos_test_read_file (valid_path);

  assert_schema_valid (valid, "bad/valid.isms");
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autofree char *rel = g_build_filename ("bad", names[i], NULL);
      g_autofree char *path = custos_test_data_path (rel);
      g_autoptr(GBytes) bytes = custos_test_read_file (path);
      g_autofree char *errors = schema_errors (bytes);

      ck_assert_msg (errors != NULL, "%s validates against the schema", names[i]);
    }
}
END_TEST

START_TEST (test_valid_base_file)
{
  g_autofree char *path = custos_test_data_path ("bad/valid.isms");
  g_autoptr(GBytes) bytes = custos_test_read_file (path);
  g_autoptr(CustosDocument) document = read_ok (bytes, "valid.isms");
  CustosRecord *risk = custos_document_lookup (document, CUSTOS_REGISTER_RISKS, "R-001");

  /* The file every bad file is derived from is fine. */
  ck_assert_ptr_nonnull (risk);
  ck_assert_int_eq (custos_risk_get_treatment (CUSTOS_RISK (risk)), CUSTOS_TREATMENT_CHANGE_LIKELIHOOD);
  ck_assert_str_eq (custos_risk_get_controls (CUSTOS_RISK (risk))[1], "8.1");
}
END_TEST

/* All problems are collected, sorted by position. */
START_TEST (test_many_errors)
{
  g_autoptr(GError) error = load_bad ("many-errors.isms");

  ck_assert_msg (g_error_matches (error, CUSTOS_STORAGE_ERROR, CUSTOS_STORAGE_ERROR_INVALID), "%s",
                 error->message);
  ck_assert_str_eq (error->message,
    "many-errors.isms:19:13: asset A-001: “paper” is not a valid type (one of information, "
    "software, hardware, service, people, site, other)\n"
    "many-errors.isms:26:19: risk R-001: likelihood 9 is out of range (1 to 5)\n"
    "many-errors.isms:28:14: risk R-001: role “ROLE-404” does not exist");
}
END_TEST

/* At most 50 problems are listed; the rest are counted. */
START_TEST (test_error_limit)
{
  g_autoptr(GString) text =
    g_string_new ("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                  "<isms xmlns=\"urn:custos:isms:1\" format=\"2\" edition=\"2022\">\n"
                  "  <risks>\n");
  g_autoptr(GError) error = NULL;
  g_autoptr(CustosDocument) document = NULL;
  g_auto(GStrv) lines = NULL;

  for (guint i = 1; i <= 60; i++)
    g_string_append_printf (text, "    <risk id=\"R-%03u\"><title>T</title>"
                                  "<treatment>maybe</treatment></risk>\n", i);
  g_string_append (text, "  </risks>\n</isms>\n");

  document = custos_xml_read (text->str, text->len, "many.isms", &error);
  ck_assert_ptr_null (document);
  lines = g_strsplit (error->message, "\n", -1);
  ck_assert_uint_eq (g_strv_length (lines), 51);
  ck_assert_str_eq (lines[0],
    "many.isms:2:1: the SoA has no entry for 93 of the 93 controls of ISO/IEC 27001:2022 "
              "Annex A: 5.1, 5.2, 5.3, 5.4, 5.5, 5.6, 5.7, 5.8, 5.9, 5.10, 5.11, 5.12, 5.13, 5.14, "
              "5.15, 5.16, 5.17, 5.18, 5.19, 5.20 and 73 more");
  ck_assert (g_str_has_prefix (lines[1],
                               "many.isms:4:49: risk R-001: “maybe” is not a valid treatment"));
  ck_assert (g_str_has_prefix (lines[49], "many.isms:52:49: risk R-049: “maybe”"));
  ck_assert_str_eq (lines[50], "… and 11 more");
  assert_message_form (error->message, "many.isms");
}
END_TEST

/* Columns count characters, not bytes. */
START_TEST (test_columns_count_characters)
{
  const char *text =
    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
    "<isms xmlns=\"urn:custos:isms:1\" format=\"1\" edition=\"2022\"><risks><risk id=\"R-001\">"
    "<title>Café — “naïve” ☕</title><likelihood>7</likelihood></risk></risks></isms>\n";
  g_autoptr(GError) error = NULL;
  g_autoptr(CustosDocument) document = custos_xml_read (text, strlen (text), "utf8.isms", &error);

  ck_assert_ptr_null (document);
  /* 82 characters before <title>, 7 + 16 + 8 in it, 12 for <likelihood>. */
  assert_message_has (error->message, "utf8.isms", "2:126",
                      "risk R-001: likelihood 7 is out of range (1 to 5)");
}
END_TEST

START_TEST (test_not_utf8)
{
  const char utf16[] = "\xff\xfe<\0?\0x\0m\0l\0";
  g_autoptr(GError) error = NULL;
  g_autoptr(CustosDocument) document =
    custos_xml_read (utf16, sizeof utf16 - 1, "utf16.isms", &error);

  ck_assert_ptr_null (document);
  ck_assert (g_error_matches (error, CUSTOS_STORAGE_ERROR, CUSTOS_STORAGE_ERROR_PARSE));
  assert_message_has (error->message, "utf16.isms", "1:1", "the file is not UTF-8");
}
END_TEST

START_TEST (test_empty_input)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CustosDocument) document = custos_xml_read ("", 0, "empty.isms", &error);

  ck_assert_ptr_null (document);
  ck_assert (g_error_matches (error, CUSTOS_STORAGE_ERROR, CUSTOS_STORAGE_ERROR_PARSE));
  assert_message_has (error->message, "empty.isms", "1:1", "not an XML file: Document is empty");
}
END_TEST

/* A 2 MiB value, generated in a temporary directory. */
START_TEST (test_huge_value)
{
  g_autofree char *dir = custos_test_mkdtemp ();
  g_autofree char *path = g_build_filename (dir, "huge-value.isms", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GString) text =
    g_string_new ("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                  "<isms xmlns=\"urn:custos:isms:1\" format=\"2\" edition=\"2022\">\n"
                  "  <scope>\n"
                  "    <statement>");
  g_autoptr(GError) error = NULL;
  g_autoptr(CustosDocument) document = NULL;
  g_autofree char *expected = NULL;

  for (guint i = 0; i < 2 * 1024 * 1024 / 64; i++)
    g_string_append (text, "All offices, systems and people of Northwind; all of them here.\n");
  g_string_append (text, "</statement>\n  </scope>\n</isms>\n");
  ck_assert (g_file_set_contents (path, text->str, text->len, NULL));

  document = custos_file_load (file, NULL, &error);
  ck_assert_ptr_null (document);
  ck_assert_msg (g_error_matches (error, CUSTOS_STORAGE_ERROR, CUSTOS_STORAGE_ERROR_TOO_LARGE),
                 "%s", error->message);
  expected = g_strdup_printf ("%s:4:16: the value of <statement> is longer than 1 MiB", path);
  ck_assert_str_eq (error->message, expected);
  custos_test_rmdir (dir);
}
END_TEST

START_TEST (test_too_large_input)
{
  g_autofree char *dir = custos_test_mkdtemp ();
  g_autofree char *path = g_build_filename (dir, "big.isms", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) file_error = NULL;
  g_autoptr(CustosDocument) document = NULL;
  int fd;

  /* A sparse file: refused from its size, without reading it. */
  fd = g_open (path, O_CREAT | O_WRONLY, 0600);
  ck_assert_int_ge (fd, 0);
  ck_assert_int_eq (ftruncate (fd, (off_t) CUSTOS_XML_MAX_SIZE + 200 * 1024 * 1024), 0);
  close (fd);
  document = custos_file_load (file, NULL, &file_error);
  ck_assert_ptr_null (document);
  ck_assert (g_error_matches (file_error, CUSTOS_STORAGE_ERROR, CUSTOS_STORAGE_ERROR_TOO_LARGE));
  /* g_format_size puts a no-break space before the unit. */
  ck_assert_msg (g_str_has_prefix (file_error->message, path) &&
                   strstr (file_error->message,
                           ":1:1: the file is too large (1.2\xc2\xa0GiB; the limit is 1024 MiB)") !=
                     NULL,
                 "%s", file_error->message);
  custos_test_rmdir (dir);
}
END_TEST

/* Size alone is no reason to refuse a document: 70 MB (over the 64 MiB the
 * reader once capped files at) of long but valid descriptions loads. */
START_TEST (test_large_document_loads)
{
  g_autofree char *dir = custos_test_mkdtemp ();
  g_autofree char *path = g_build_filename (dir, "large.isms", NULL);
  g_autofree char *example_path = custos_test_example_path ();
  g_autoptr(GBytes) example = custos_test_read_file (example_path);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GString) text = g_string_new_len (g_bytes_get_data (example, NULL), (gssize) g_bytes_get_size (example));
  g_autoptr(GString) risks = g_string_new (NULL);
  g_autoptr(GString) threat = g_string_new (NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(CustosDocument) document = NULL;
  CustosRecord *last;
  guint n;
  const char *end;

  /* The example with 70 more risks, each with a threat of almost 1 MB. */
  while (threat->len < 1000 * 1000 - 64)
    g_string_append (threat, "A long account of the threat, written out in full. ");
  for (guint i = 1; i <= 70; i++)
    g_string_append_printf (risks, "    <risk id=\"R-9%03u\">\n      <title>Risk %u</title>\n"
                            "      <threat>%s</threat>\n    </risk>\n", i, i, threat->str);
  end = strstr (text->str, "  </risks>");
  ck_assert_ptr_nonnull (end);
  g_string_insert (text, end - text->str, risks->str);
  ck_assert_uint_gt (text->len, 64 * 1024 * 1024);
  ck_assert (g_file_set_contents (path, text->str, text->len, NULL));

  document = custos_file_load (file, NULL, &error);
  ck_assert_msg (document != NULL, "%s", error != NULL ? error->message : "");
  n = custos_document_count (document, CUSTOS_REGISTER_RISKS);
  last = custos_document_lookup (document, CUSTOS_REGISTER_RISKS, "R-9070");
  ck_assert_ptr_nonnull (last);
  ck_assert_int_eq (custos_document_find (document, CUSTOS_REGISTER_RISKS, last), (int) n - 1);
  ck_assert_str_eq (custos_test_get_string (last, "threat"), threat->str);
  custos_test_rmdir (dir);
}
END_TEST

/* libxml2 checks attributes pairwise: a tag with 200,000 of them is refused
 * before it is parsed, not minutes later. */
START_TEST (test_too_many_attributes)
{
  g_autoptr(GString) text = g_string_new ("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                                          "<isms xmlns=\"urn:custos:isms:1\" format=\"1\" "
                                          "edition=\"2022\">\n"
                                          "  <!-- <risks a=\"1\" b=\"2\"> --> <?pi a=b c=d?>\n"
                                          "  <risks");
  g_autoptr(GError) error = NULL;
  g_autoptr(CustosDocument) document = NULL;

  for (guint i = 0; i < 200000; i++)
    g_string_append_printf (text, " a%u=\"=\"", i);
  g_string_append (text, "/>\n</isms>\n");

  document = custos_xml_read (text->str, text->len, "attributes.isms", &error);
  ck_assert_ptr_null (document);
  ck_assert (g_error_matches (error, CUSTOS_STORAGE_ERROR, CUSTOS_STORAGE_ERROR_TOO_LARGE));
  ck_assert_str_eq (error->message, "attributes.isms:4:3: an element has more than 32 attributes");
}
END_TEST

static GString *
risks_document (guint    n,
                gboolean colliding)
{
  GString *text = g_string_new ("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                                "<isms xmlns=\"urn:custos:isms:1\" format=\"2\" edition=\"2022\">\n"
                                "  <risks>\n");

  for (guint i = 0; i < n; i++)
    {
      g_string_append (text, "    <risk id=\"R-");
      /* "Ez" and "FY" hash alike under g_str_hash, so all these ids collide. */
      if (colliding)
        for (guint b = 0; b < 15; b++)
          g_string_append (text, (i >> b) & 1 ? "Ez" : "FY");
      else
        g_string_append_printf (text, "%030u", i);
      g_string_append (text, "\"><title>T</title></risk>\n");
    }
  g_string_append (text, "  </risks>\n</isms>\n");
  return text;
}

static void
read_ids (GString *text)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CustosDocument) document = NULL;

  document = custos_xml_read (text->str, text->len, "ids.isms", &error);
  /* Only the SoA is missing: no id was taken for a duplicate of another. */
  ck_assert_ptr_null (document);
  ck_assert_msg (g_str_has_prefix (error->message, "ids.isms:2:1: the SoA has no entry") &&
                 strchr (error->message, '\n') == NULL, "%s", error->message);
}

/* Ids whose g_str_hash values all collide are told apart like any others.
 * The reader hashes ids with SipHash under a random key, so such a file
 * costs no more than one of distinct ids (with g_str_hash, 32,768 of them
 * took seconds); that is a matter for bench/, not for a clock here. */
START_TEST (test_colliding_ids)
{
  const guint n = 1u << 15;
  g_autoptr(GString) plain = risks_document (n, FALSE);
  g_autoptr(GString) colliding = risks_document (n, TRUE);

  ck_assert_uint_eq (plain->len, colliding->len);
  read_ids (plain);
  read_ids (colliding);
}
END_TEST

/* Files ------------------------------------------------------------------- */

static void
write_file (const char *path,
            GBytes     *bytes)
{
  g_autoptr(GError) error = NULL;

  g_file_set_contents (path, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), &error);
  g_assert_no_error (error);
}

static void
get_stat (const char  *path,
          struct stat *st)
{
  ck_assert_msg (stat (path, st) == 0, "cannot stat %s", path);
}

START_TEST (test_load_leaves_file_untouched)
{
  g_autofree char *dir = custos_test_mkdtemp ();
  g_autofree char *path = g_build_filename (dir, "plan.isms", NULL);
  g_autofree char *bad_path = g_build_filename (dir, "bad.isms", NULL);
  g_autoptr(CustosDocument) document = build_full_document (CUSTOS_EDITION_2022);
  g_autoptr(GBytes) bytes = custos_xml_write (document);
  g_autoptr(GBytes) bad = g_bytes_new_static ("<isms>", 6);
  const char *paths[] = { path, bad_path };
  GBytes *contents[] = { bytes, bad };

  write_file (path, bytes);
  write_file (bad_path, bad);
  for (guint i = 0; i < G_N_ELEMENTS (paths); i++)
    {
      g_autoptr(GFile) file = g_file_new_for_path (paths[i]);
      g_autoptr(CustosDocument) loaded = NULL;
      g_autoptr(GError) error = NULL;
      g_autoptr(GBytes) after = NULL;
      struct stat before_st, after_st;

      get_stat (paths[i], &before_st);
      g_usleep (20000);
      loaded = custos_file_load (file, NULL, &error);
      ck_assert ((loaded != NULL) == (i == 0));
      get_stat (paths[i], &after_st);
      after = custos_test_read_file (paths[i]);
      assert_bytes_equal (contents[i], after, paths[i]);
      ck_assert_int_eq (before_st.st_mtim.tv_sec, after_st.st_mtim.tv_sec);
      ck_assert_int_eq (before_st.st_mtim.tv_nsec, after_st.st_mtim.tv_nsec);
      ck_assert_int_eq (before_st.st_mode, after_st.st_mode);
      if (i == 1)
        /* Messages name a local file by its path. */
        ck_assert_msg (g_str_has_prefix (error->message, bad_path), "%s", error->message);
    }
  custos_test_rmdir (dir);
}
END_TEST

START_TEST (test_save_backup_and_mode)
{
  g_autofree char *dir = custos_test_mkdtemp ();
  g_autofree char *path = g_build_filename (dir, "plan.isms", NULL);
  g_autofree char *backup_path = g_build_filename (dir, "plan.isms.bak", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFile) backup = custos_file_get_backup (file);
  g_autoptr(CustosDocument) document = custos_document_new (CUSTOS_EDITION_2022);
  g_autoptr(GBytes) first = NULL;
  g_autoptr(GBytes) second = NULL;
  g_autoptr(GError) error = NULL;
  struct stat st;

  ck_assert_str_eq (g_file_peek_path (backup), backup_path);

  /* First save: no previous version, so no backup. */
  custos_scope_set_statement (custos_document_get_scope (document), "First");
  ck_assert (custos_document_get_modified (document));
  ck_assert (custos_file_save (document, file, NULL, &error));
  g_assert_no_error (error);
  ck_assert (!custos_document_get_modified (document));
  ck_assert (!g_file_test (backup_path, G_FILE_TEST_EXISTS));
  get_stat (path, &st);
  ck_assert_int_eq (st.st_mode & 0777, 0600);
  first = custos_test_read_file (path);

  /* Second save: the first version becomes the backup. */
  custos_scope_set_statement (custos_document_get_scope (document), "Second");
  ck_assert (custos_file_save (document, file, NULL, &error));
  g_assert_no_error (error);
  second = custos_test_read_file (path);
  ck_assert (strstr (bytes_str (second), "<statement>Second</statement>") != NULL);
  {
    g_autoptr(GBytes) kept = custos_test_read_file (backup_path);
    assert_bytes_equal (first, kept, "the backup");
  }
  get_stat (path, &st);
  ck_assert_int_eq (st.st_mode & 0777, 0600);
  get_stat (backup_path, &st);
  ck_assert_int_eq (st.st_mode & 0777, 0600);

  /* A save that fails (cancelled before it starts) leaves both files alone. */
  {
    g_autoptr(GCancellable) cancellable = g_cancellable_new ();
    g_autoptr(GError) cancelled = NULL;
    g_autoptr(GBytes) now = NULL;
    g_autoptr(GBytes) kept = NULL;

    custos_scope_set_statement (custos_document_get_scope (document), "Third");
    g_cancellable_cancel (cancellable);
    ck_assert (!custos_file_save (document, file, cancellable, &cancelled));
    ck_assert (g_error_matches (cancelled, G_IO_ERROR, G_IO_ERROR_CANCELLED));
    ck_assert (custos_document_get_modified (document));
    now = custos_test_read_file (path);
    kept = custos_test_read_file (backup_path);
    assert_bytes_equal (second, now, "the file after a failed save");
    assert_bytes_equal (first, kept, "the backup after a failed save");
  }
  custos_test_rmdir (dir);
}
END_TEST

START_TEST (test_save_to_missing_directory)
{
  g_autofree char *dir = custos_test_mkdtemp ();
  g_autofree char *missing = g_build_filename (dir, "no-such-directory", NULL);
  g_autofree char *path = g_build_filename (missing, "plan.isms", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(CustosDocument) document = custos_document_new (CUSTOS_EDITION_2022);
  g_autoptr(GError) error = NULL;
  g_autoptr(GDir) listing = NULL;

  custos_document_set_modified (document, TRUE);
  ck_assert (!custos_file_save (document, file, NULL, &error));
  ck_assert_msg (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND), "%s", error->message);
  ck_assert (custos_document_get_modified (document));
  ck_assert (!g_file_test (missing, G_FILE_TEST_EXISTS));
  listing = g_dir_open (dir, 0, NULL);
  ck_assert_ptr_null (g_dir_read_name (listing));
  custos_test_rmdir (dir);
}
END_TEST

/* Loading and saving an unchanged document rewrites the same bytes. */
START_TEST (test_load_save_identical)
{
  g_autofree char *dir = custos_test_mkdtemp ();
  g_autofree char *path = g_build_filename (dir, "plan.isms", NULL);
  g_autofree char *backup_path = g_build_filename (dir, "plan.isms.bak", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(CustosDocument) built = build_full_document (CUSTOS_EDITION_2022);
  g_autoptr(GBytes) original = custos_xml_write (built);
  g_autoptr(CustosDocument) document = NULL;
  g_autoptr(GBytes) saved = NULL;
  g_autoptr(GBytes) backup = NULL;
  g_autoptr(GError) error = NULL;

  write_file (path, original);
  document = custos_file_load (file, NULL, &error);
  g_assert_no_error (error);
  ck_assert (!custos_document_get_modified (document));
  ck_assert (custos_file_save (document, file, NULL, &error));
  g_assert_no_error (error);
  saved = custos_test_read_file (path);
  backup = custos_test_read_file (backup_path);
  assert_bytes_equal (original, saved, "load → save");
  assert_bytes_equal (original, backup, "the backup");
  custos_test_rmdir (dir);
}
END_TEST

typedef struct
{
  GMainLoop      *loop;
  CustosDocument *document;
  GError         *error;
  gboolean        saved;
} AsyncResult;

static void
on_loaded (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  AsyncResult *r = user_data;

  r->document = custos_file_load_finish (result, NULL, &r->error);
  g_main_loop_quit (r->loop);
}

static void
on_saved (GObject      *source,
          GAsyncResult *result,
          gpointer      user_data)
{
  AsyncResult *r = user_data;

  r->saved = custos_file_save_finish (result, NULL, &r->error);
  g_main_loop_quit (r->loop);
}

START_TEST (test_async)
{
  g_autofree char *dir = custos_test_mkdtemp ();
  g_autofree char *path = g_build_filename (dir, "plan.isms", NULL);
  g_autofree char *bad_path = custos_test_data_path ("bad/dangling-ref.isms");
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFile) bad_file = g_file_new_for_path (bad_path);
  g_autoptr(GMainLoop) loop = g_main_loop_new (NULL, FALSE);
  g_autoptr(CustosDocument) document = build_full_document (CUSTOS_EDITION_2022);
  g_autoptr(GBytes) expected = custos_xml_write (document);
  AsyncResult r = { loop, NULL, NULL, FALSE };

  /* Save; the document is no longer modified once it is written. */
  ck_assert (custos_document_get_modified (document));
  custos_file_save_async (document, file, NULL, NULL, on_saved, &r);
  g_main_loop_run (loop);
  g_assert_no_error (r.error);
  ck_assert (r.saved);
  ck_assert (!custos_document_get_modified (document));
  {
    g_autoptr(GBytes) written = custos_test_read_file (path);
    assert_bytes_equal (expected, written, "saved asynchronously");
  }

  /* An edit made while the save runs keeps the document modified. */
  r.saved = FALSE;
  custos_file_save_async (document, file, NULL, NULL, on_saved, &r);
  custos_scope_set_statement (custos_document_get_scope (document), "Edited");
  g_main_loop_run (loop);
  ck_assert (r.saved);
  ck_assert (custos_document_get_modified (document));

  /* Load in a worker thread. */
  custos_file_load_async (file, NULL, on_loaded, &r);
  g_main_loop_run (loop);
  g_assert_no_error (r.error);
  ck_assert_ptr_nonnull (r.document);
  ck_assert (!custos_document_get_modified (r.document));
  {
    g_autoptr(GBytes) rewritten = custos_xml_write (r.document);
    assert_bytes_equal (expected, rewritten, "loaded asynchronously");
  }
  g_clear_object (&r.document);

  /* Errors come back through _finish. */
  custos_file_load_async (bad_file, NULL, on_loaded, &r);
  g_main_loop_run (loop);
  ck_assert_ptr_null (r.document);
  ck_assert (g_error_matches (r.error, CUSTOS_STORAGE_ERROR, CUSTOS_STORAGE_ERROR_INVALID));
  ck_assert (g_str_has_prefix (r.error->message, bad_path));
  g_clear_error (&r.error);
  custos_test_rmdir (dir);
}
END_TEST

typedef struct
{
  GBytes *bytes;
  guint   loaded;
} ThreadData;

static gpointer
load_in_thread (gpointer user_data)
{
  ThreadData *data = user_data;

  for (guint i = 0; i < 10; i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(CustosDocument) document = read_bytes (data->bytes, "thread.isms", &error);
      g_autoptr(GError) bad_error = NULL;
      const char *truncated = "<isms xmlns=\"urn:custos:isms:1\" format=\"1\" edition=\"2022\">";
      g_autoptr(CustosDocument) bad =
        custos_xml_read (truncated, strlen (truncated), "t.isms", &bad_error);

      if (document != NULL && bad == NULL &&
          g_str_has_prefix (bad_error->message, "t.isms:1:59: the file is truncated"))
        g_atomic_int_inc (&data->loaded);
    }
  return NULL;
}

/* Reading keeps no global state: parses run side by side. */
START_TEST (test_threads)
{
  g_autoptr(CustosDocument) document = build_full_document (CUSTOS_EDITION_2022);
  ThreadData data = { custos_xml_write (document), 0 };
  GThread *threads[4];

  for (guint i = 0; i < G_N_ELEMENTS (threads); i++)
    threads[i] = g_thread_new ("load", load_in_thread, &data);
  for (guint i = 0; i < G_N_ELEMENTS (threads); i++)
    g_thread_join (threads[i]);
  ck_assert_uint_eq (data.loaded, 40);
  g_bytes_unref (data.bytes);
}
END_TEST

int
main (void)
{
  Suite *suite = suite_create ("storage");
  TCase *tc;

  tc = tcase_create ("round-trip");
  tcase_add_loop_test (tc, test_round_trip_every_field, 0, 2);
  tcase_add_test (tc, test_round_trip_new_document);
  tcase_add_test (tc, test_round_trip_unfinished_records);
  tcase_add_test (tc, test_canonical_form);
  tcase_add_test (tc, test_to_review);
  tcase_add_test (tc, test_escaping);
  tcase_add_test (tc, test_soa_catalogue_order);
  tcase_add_test (tc, test_example);
  tcase_add_test (tc, test_format_1_loads);
  suite_add_tcase (suite, tc);

  tc = tcase_create ("bad-input");
  tcase_add_loop_test (tc, test_bad_file, 0, G_N_ELEMENTS (bad_files));
  tcase_add_test (tc, test_valid_base_file);
  tcase_add_test (tc, test_hostile_quiet);
  tcase_add_test (tc, test_bad_files_fail_schema);
  tcase_add_test (tc, test_many_errors);
  tcase_add_test (tc, test_error_limit);
  tcase_add_test (tc, test_columns_count_characters);
  tcase_add_test (tc, test_not_utf8);
  tcase_add_test (tc, test_empty_input);
  tcase_add_test (tc, test_huge_value);
  tcase_add_test (tc, test_too_large_input);
  tcase_add_test (tc, test_large_document_loads);
  tcase_add_test (tc, test_too_many_attributes);
  tcase_add_test (tc, test_colliding_ids);
  suite_add_tcase (suite, tc);

  tc = tcase_create ("files");
  tcase_add_test (tc, test_load_leaves_file_untouched);
  tcase_add_test (tc, test_save_backup_and_mode);
  tcase_add_test (tc, test_save_to_missing_directory);
  tcase_add_test (tc, test_load_save_identical);
  tcase_add_test (tc, test_async);
  tcase_add_test (tc, test_threads);
  suite_add_tcase (suite, tc);

  return custos_test_run_suite (suite);
}
