/* SPDX-License-Identifier: GPL-3.0-or-later */
/* custos-gen-schema.c — prints the RELAX NG schema of the *.isms format
 *
 * The schema is generated from the same descriptors (src/model/custos-kinds.c)
 * and file layout (src/storage/custos-xml-writer.h) that the reader and the
 * writer use, so the three cannot drift apart. Its output is committed as
 * resources/schema/isms.rng; a test in the "storage" suite fails when that
 * file is out of date.
 *
 * Usage: custos-gen-schema                 print the schema
 *        custos-gen-schema --check FILE    exit 1 unless FILE is identical
 *
 * Regenerate with: ./build/tools/custos-gen-schema > resources/schema/isms.rng
 */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include "custos-gen-main.h"
#include "custos-kinds.h"
#include "custos-xml-writer.h"

/* The same as the reader's checks (custos-xml-reader.c): ids are one word,
 * numbers the decimal form of xsd:double, dates exactly YYYY-MM-DD. */
#define ID_PATTERN     "[^\\s,;]+"
#define NUMBER_PATTERN "[+\\-]?([0-9]+(\\.[0-9]*)?|\\.[0-9]+)([eE][+\\-]?[0-9]+)?"
#define DATE_PATTERN   "[0-9]{4}-[0-9]{2}-[0-9]{2}"

typedef struct
{
  GString   *out;
  guint      level;
  GPtrArray *types; /* GTypes of enums and flags, in order of first use */
} Schema;

static void
line (Schema     *s,
      const char *format,
      ...) G_GNUC_PRINTF (2, 3);

static void
line (Schema     *s,
      const char *format,
      ...)
{
  va_list args;

  for (guint i = 0; i < s->level; i++)
    g_string_append (s->out, "  ");
  va_start (args, format);
  g_string_append_vprintf (s->out, format, args);
  va_end (args);
  g_string_append_c (s->out, '\n');
}

static void
open_tag (Schema     *s,
          const char *format,
          ...) G_GNUC_PRINTF (2, 3);

/* Prints an opening tag and indents what follows. */
static void
open_tag (Schema     *s,
          const char *format,
          ...)
{
  g_autofree char *tag = NULL;
  va_list args;

  va_start (args, format);
  tag = g_strdup_vprintf (format, args);
  va_end (args);
  line (s, "%s", tag);
  s->level++;
}

static void
close_tag (Schema     *s,
           const char *tag)
{
  s->level--;
  line (s, "</%s>", tag);
}

static const char *
type_define (Schema *s,
             GType   type)
{
  gboolean known = FALSE;

  for (guint i = 0; i < s->types->len; i++)
    if (GPOINTER_TO_SIZE (s->types->pdata[i]) == type)
      known = TRUE;
  if (!known)
    g_ptr_array_add (s->types, GSIZE_TO_POINTER (type));
  return g_type_name (type);
}

static void
int_data (Schema *s,
          int     min,
          int     max)
{
  open_tag (s, "<data type=\"int\">");
  line (s, "<param name=\"minInclusive\">%d</param>", min);
  line (s, "<param name=\"maxInclusive\">%d</param>", max);
  close_tag (s, "data");
}

/* The content of a field's element. */
static void
field_content (Schema            *s,
               const CustosField *field)
{
  switch (field->type)
    {
    case CUSTOS_FIELD_STRING:
    case CUSTOS_FIELD_TEXT:
      line (s, "<text/>");
      break;
    case CUSTOS_FIELD_INT:
      if (field->min < 0)
        {
          /* Narrowed by the reader to the levels of the document's criteria. */
          line (s, "<!-- 1 to the number of levels of the %s scale -->",
                field->min == CUSTOS_RANGE_LIKELIHOOD ? "likelihood" : "consequence");
          int_data (s, 1, 6);
        }
      else
        int_data (s, field->min, field->max);
      break;
    case CUSTOS_FIELD_NUMBER:
      line (s, "<ref name=\"number\"/>");
      break;
    case CUSTOS_FIELD_BOOL:
      line (s, "<ref name=\"boolean\"/>");
      break;
    case CUSTOS_FIELD_DATE:
      line (s, "<ref name=\"date\"/>");
      break;
    case CUSTOS_FIELD_ENUM:
    case CUSTOS_FIELD_FLAGS:
      line (s, "<ref name=\"%s\"/>", type_define (s, field->get_type ()));
      break;
    case CUSTOS_FIELD_REF:
      line (s, "<!-- the id of a %s -->", field->target);
      line (s, "<ref name=\"id\"/>");
      break;
    case CUSTOS_FIELD_REFS:
      line (s, "<!-- ids of %s records -->", field->target);
      line (s, "<ref name=\"ids\"/>");
      break;
    case CUSTOS_FIELD_CONTROLS:
      line (s, "<!-- control ids of the document's edition -->");
      line (s, "<ref name=\"ids\"/>");
      break;
    case CUSTOS_FIELD_STRINGS:
      open_tag (s, "<oneOrMore>");
      open_tag (s, "<element name=\"%s\">", field->item);
      line (s, "<text/>");
      close_tag (s, "element");
      close_tag (s, "oneOrMore");
      break;
    default:
      g_assert_not_reached ();
    }
}

/* The fields of a record, in order. Every field is optional: a record the
 * user has not finished yet still saves and loads (required fields are a
 * matter for the readiness check, not for the file format). */
static void
fields (Schema           *s,
        const CustosKind *kind)
{
  for (guint i = 0; i < kind->n_fields; i++)
    {
      const CustosField *field = &kind->fields[i];

      open_tag (s, "<optional>");
      open_tag (s, "<element name=\"%s\">", field->name);
      field_content (s, field);
      close_tag (s, "element");
      close_tag (s, "optional");
    }
}

/* Format 2: any record or section may be marked to review. */
static void
to_review (Schema *s)
{
  open_tag (s, "<optional>");
  open_tag (s, "<attribute name=\"to-review\">");
  line (s, "<value>true</value>");
  close_tag (s, "attribute");
  close_tag (s, "optional");
}

static void
section_define (Schema           *s,
                const CustosKind *kind)
{
  open_tag (s, "<define name=\"%s\">", kind->name);
  open_tag (s, "<element name=\"%s\">", kind->name);
  to_review (s);
  if (kind->n_fields > 0)
    fields (s, kind);
  else
    line (s, "<empty/>");
  close_tag (s, "element");
  close_tag (s, "define");
}

static void
register_define (Schema           *s,
                 const CustosKind *kind)
{
  open_tag (s, "<define name=\"%s\">", kind->register_name);
  open_tag (s, "<element name=\"%s\">", kind->register_name);
  if (kind->id_prefix == NULL)
    line (s, "<!-- one entry per control of the edition, in catalogue order -->");
  open_tag (s, "<zeroOrMore>");
  open_tag (s, "<element name=\"%s\">", kind->name);
  open_tag (s, "<attribute name=\"id\">");
  line (s, "<ref name=\"id\"/>");
  close_tag (s, "attribute");
  to_review (s);
  fields (s, kind);
  close_tag (s, "element");
  close_tag (s, "zeroOrMore");
  close_tag (s, "element");
  close_tag (s, "define");
}

static void
text_leaf (Schema     *s,
           const char *name,
           gboolean    optional)
{
  if (optional)
    open_tag (s, "<optional>");
  open_tag (s, "<element name=\"%s\">", name);
  line (s, "<text/>");
  close_tag (s, "element");
  if (optional)
    close_tag (s, "optional");
}

static void
criteria_define (Schema *s)
{
  open_tag (s, "<define name=\"criteria\">");
  open_tag (s, "<element name=\"criteria\">");
  open_tag (s, "<attribute name=\"scoring\">");
  open_tag (s, "<choice>");
  line (s, "<value>product</value>");
  line (s, "<value>sum</value>");
  close_tag (s, "choice");
  close_tag (s, "attribute");
  open_tag (s, "<element name=\"likelihood\">");
  line (s, "<ref name=\"scale\"/>");
  close_tag (s, "element");
  open_tag (s, "<element name=\"consequence\">");
  line (s, "<ref name=\"scale\"/>");
  close_tag (s, "element");
  open_tag (s, "<element name=\"bands\">");
  line (s, "<!-- ordered and contiguous from the lowest score to the highest -->");
  open_tag (s, "<zeroOrMore>");
  open_tag (s, "<element name=\"band\">");
  open_tag (s, "<attribute name=\"min\">");
  line (s, "<data type=\"int\"/>");
  close_tag (s, "attribute");
  open_tag (s, "<attribute name=\"max\">");
  line (s, "<data type=\"int\"/>");
  close_tag (s, "attribute");
  open_tag (s, "<optional>");
  open_tag (s, "<attribute name=\"colour\">");
  line (s, "<!-- #rrggbb -->");
  line (s, "<text/>");
  close_tag (s, "attribute");
  close_tag (s, "optional");
  open_tag (s, "<attribute name=\"acceptable\">");
  line (s, "<ref name=\"boolean\"/>");
  close_tag (s, "attribute");
  text_leaf (s, "name", FALSE);
  text_leaf (s, "action", TRUE);
  text_leaf (s, "timescale", TRUE);
  text_leaf (s, "accepted-by", TRUE);
  close_tag (s, "element");
  close_tag (s, "zeroOrMore");
  close_tag (s, "element");
  close_tag (s, "element");
  close_tag (s, "define");

  open_tag (s, "<define name=\"scale\">");
  line (s, "<!-- %d to %d levels, numbered from 1 in order -->", CUSTOS_MIN_LEVELS,
        CUSTOS_MAX_LEVELS);
  open_tag (s, "<zeroOrMore>");
  open_tag (s, "<element name=\"level\">");
  open_tag (s, "<attribute name=\"value\">");
  int_data (s, 1, CUSTOS_MAX_LEVELS);
  close_tag (s, "attribute");
  text_leaf (s, "label", FALSE);
  text_leaf (s, "meaning", TRUE);
  close_tag (s, "element");
  close_tag (s, "zeroOrMore");
  close_tag (s, "define");
}

static void
type_defines (Schema *s)
{
  for (guint i = 0; i < s->types->len; i++)
    {
      GType type = GPOINTER_TO_SIZE (s->types->pdata[i]);

      open_tag (s, "<define name=\"%s\">", g_type_name (type));
      if (G_TYPE_IS_ENUM (type))
        {
          g_autoptr(GEnumClass) klass = g_type_class_ref (type);

          open_tag (s, "<choice>");
          for (guint v = 0; v < klass->n_values; v++)
            line (s, "<value>%s</value>", klass->values[v].value_nick);
          close_tag (s, "choice");
        }
      else
        {
          g_autoptr(GFlagsClass) klass = g_type_class_ref (type);

          line (s, "<!-- a set of values, separated by spaces -->");
          open_tag (s, "<list>");
          open_tag (s, "<oneOrMore>");
          open_tag (s, "<choice>");
          for (guint v = 0; v < klass->n_values; v++)
            if (klass->values[v].value != 0)
              line (s, "<value>%s</value>", klass->values[v].value_nick);
          close_tag (s, "choice");
          close_tag (s, "oneOrMore");
          close_tag (s, "list");
        }
      close_tag (s, "define");
    }
}

static void
common_defines (Schema *s)
{
  open_tag (s, "<define name=\"id\">");
  line (s, "<!-- one word: no white space, commas or semicolons -->");
  open_tag (s, "<data type=\"token\">");
  line (s, "<param name=\"pattern\">%s</param>", ID_PATTERN);
  close_tag (s, "data");
  close_tag (s, "define");

  open_tag (s, "<define name=\"ids\">");
  line (s, "<!-- separated by spaces -->");
  open_tag (s, "<list>");
  open_tag (s, "<oneOrMore>");
  line (s, "<ref name=\"id\"/>");
  close_tag (s, "oneOrMore");
  close_tag (s, "list");
  close_tag (s, "define");

  open_tag (s, "<define name=\"boolean\">");
  open_tag (s, "<choice>");
  line (s, "<value>true</value>");
  line (s, "<value>false</value>");
  close_tag (s, "choice");
  close_tag (s, "define");

  open_tag (s, "<define name=\"date\">");
  open_tag (s, "<data type=\"date\">");
  line (s, "<param name=\"pattern\">%s</param>", DATE_PATTERN);
  close_tag (s, "data");
  close_tag (s, "define");

  open_tag (s, "<define name=\"number\">");
  line (s, "<!-- decimal, with an optional exponent (1e-05): how custos_field_to_text writes a "
           "double -->");
  open_tag (s, "<data type=\"double\">");
  line (s, "<param name=\"pattern\">%s</param>", NUMBER_PATTERN);
  close_tag (s, "data");
  close_tag (s, "define");
}

static char *
generate (void)
{
  Schema schema = { g_string_new (NULL), 0, g_ptr_array_new () };
  Schema *s = &schema;
  guint n_parts = 0;
  const CustosXmlPart *parts = custos_xml_get_parts (&n_parts);

  g_string_append (s->out,
                   "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                   "<!-- SPDX-License-Identifier: GPL-3.0-or-later -->\n"
                   "<!-- RELAX NG schema of Custos ISMS files (*.isms), format ");
  g_string_append_printf (s->out, "%d.\n", CUSTOS_XML_FORMAT);
  g_string_append (s->out,
                   "     Generated by tools/custos-gen-schema from the record descriptors in\n"
                   "     src/model/custos-kinds.c. Do not edit: regenerate with\n"
                   "     ./build/tools/custos-gen-schema > resources/schema/isms.rng\n"
                   "     The reader checks more than this grammar can say: references, the\n"
                   "     SoA against the catalogue, levels against the criteria (see\n"
                   "     docs/FILE-FORMAT.md). -->\n");
  open_tag (s,
            "<grammar xmlns=\"http://relaxng.org/ns/structure/1.0\" ns=\"%s\" "
            "datatypeLibrary=\"http://www.w3.org/2001/XMLSchema-datatypes\">",
            CUSTOS_XML_NAMESPACE);

  open_tag (s, "<start>");
  open_tag (s, "<element name=\"isms\">");
  /* Every older format is valid too: the reader keeps loading them. */
  open_tag (s, "<attribute name=\"format\">");
  open_tag (s, "<choice>");
  for (int format = 1; format <= CUSTOS_XML_FORMAT; format++)
    line (s, "<value>%d</value>", format);
  close_tag (s, "choice");
  close_tag (s, "attribute");
  open_tag (s, "<attribute name=\"edition\">");
  open_tag (s, "<choice>");
  line (s, "<value>%d</value>", CUSTOS_EDITION_2013);
  line (s, "<value>%d</value>", CUSTOS_EDITION_2022);
  close_tag (s, "choice");
  close_tag (s, "attribute");
  for (guint i = 0; i < n_parts; i++)
    {
      open_tag (s, "<optional>");
      line (s, "<ref name=\"%s\"/>", custos_xml_part_get_name (&parts[i]));
      close_tag (s, "optional");
    }
  close_tag (s, "element");
  close_tag (s, "start");

  for (guint i = 0; i < n_parts; i++)
    switch (parts[i].type)
      {
      case CUSTOS_XML_PART_SECTION:
        section_define (s, custos_xml_part_get_kind (&parts[i]));
        break;
      case CUSTOS_XML_PART_REGISTER:
        register_define (s, custos_xml_part_get_kind (&parts[i]));
        break;
      case CUSTOS_XML_PART_CRITERIA:
      default:
        criteria_define (s);
        break;
      }

  common_defines (s);
  type_defines (s);

  close_tag (s, "grammar");
  g_ptr_array_unref (s->types);
  return g_string_free (s->out, FALSE);
}

int
main (int    argc,
      char **argv)
{
  g_autofree char *schema = generate ();

  return custos_gen_main (argc, argv, schema, "./build/tools/custos-gen-schema > resources/schema/isms.rng");
}
