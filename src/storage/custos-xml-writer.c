/* SPDX-License-Identifier: GPL-3.0-or-later */
/* custos-xml-writer.c — writes an ISMS document in canonical XML
 *
 * The output depends only on the document, so load → save → load → save is
 * byte-identical and two versions of a file diff cleanly: UTF-8, LF line
 * ends, two spaces per level, one element per line, every section and
 * register present (empty ones as <issues/>), fields in descriptor order
 * and omitted when empty, the SoA in catalogue order.
 *
 * The writer builds the text with a GString rather than xmlTextWriter: the
 * canonical layout (leaf values inline, multi-line text verbatim, CR kept as
 * &#13;) is simpler to state directly, and it is several times faster.
 */
#include "config.h"

#include <string.h>

#include "custos-xml-writer.h"

static const CustosXmlPart parts[] = {
  { CUSTOS_XML_PART_SECTION, CUSTOS_SECTION_ORGANISATION },
  { CUSTOS_XML_PART_REGISTER, CUSTOS_REGISTER_REVISIONS },
  { CUSTOS_XML_PART_REGISTER, CUSTOS_REGISTER_ISSUES },
  { CUSTOS_XML_PART_REGISTER, CUSTOS_REGISTER_PARTIES },
  { CUSTOS_XML_PART_REGISTER, CUSTOS_REGISTER_REQUIREMENTS },
  { CUSTOS_XML_PART_SECTION, CUSTOS_SECTION_SCOPE },
  { CUSTOS_XML_PART_SECTION, CUSTOS_SECTION_ISMS_PROCESSES },
  { CUSTOS_XML_PART_SECTION, CUSTOS_SECTION_LEADERSHIP },
  { CUSTOS_XML_PART_SECTION, CUSTOS_SECTION_POLICY },
  { CUSTOS_XML_PART_REGISTER, CUSTOS_REGISTER_ROLES },
  { CUSTOS_XML_PART_SECTION, CUSTOS_SECTION_ISMS_RISKS },
  { CUSTOS_XML_PART_CRITERIA, 0 },
  { CUSTOS_XML_PART_REGISTER, CUSTOS_REGISTER_ASSETS },
  { CUSTOS_XML_PART_REGISTER, CUSTOS_REGISTER_RISKS },
  { CUSTOS_XML_PART_REGISTER, CUSTOS_REGISTER_ACTIONS },
  { CUSTOS_XML_PART_SECTION, CUSTOS_SECTION_PLAN_APPROVAL },
  { CUSTOS_XML_PART_REGISTER, CUSTOS_REGISTER_SOA },
  { CUSTOS_XML_PART_REGISTER, CUSTOS_REGISTER_EVIDENCE },
  { CUSTOS_XML_PART_REGISTER, CUSTOS_REGISTER_OBJECTIVES },
  { CUSTOS_XML_PART_SECTION, CUSTOS_SECTION_CHANGE_PLANNING },
  { CUSTOS_XML_PART_SECTION, CUSTOS_SECTION_ISMS_RESOURCES },
  { CUSTOS_XML_PART_REGISTER, CUSTOS_REGISTER_COMPETENCES },
  { CUSTOS_XML_PART_REGISTER, CUSTOS_REGISTER_TRAININGS },
  { CUSTOS_XML_PART_REGISTER, CUSTOS_REGISTER_COMMUNICATIONS },
  { CUSTOS_XML_PART_REGISTER, CUSTOS_REGISTER_DOCUMENTS },
  { CUSTOS_XML_PART_SECTION, CUSTOS_SECTION_REASSESSMENT },
  { CUSTOS_XML_PART_REGISTER, CUSTOS_REGISTER_PROCESSES },
  { CUSTOS_XML_PART_REGISTER, CUSTOS_REGISTER_SUPPLIERS },
  { CUSTOS_XML_PART_REGISTER, CUSTOS_REGISTER_MEASURES },
  { CUSTOS_XML_PART_REGISTER, CUSTOS_REGISTER_MEASUREMENTS },
  { CUSTOS_XML_PART_REGISTER, CUSTOS_REGISTER_AUDITS },
  { CUSTOS_XML_PART_REGISTER, CUSTOS_REGISTER_FINDINGS },
  { CUSTOS_XML_PART_REGISTER, CUSTOS_REGISTER_REVIEWS },
  { CUSTOS_XML_PART_REGISTER, CUSTOS_REGISTER_REVIEW_ACTIONS },
  { CUSTOS_XML_PART_SECTION, CUSTOS_SECTION_CONTINUAL_IMPROVEMENT },
  { CUSTOS_XML_PART_REGISTER, CUSTOS_REGISTER_NONCONFORMITIES },
  { CUSTOS_XML_PART_REGISTER, CUSTOS_REGISTER_INCIDENTS },
  { CUSTOS_XML_PART_REGISTER, CUSTOS_REGISTER_MERGE_CONFLICTS },
};

G_STATIC_ASSERT (G_N_ELEMENTS (parts) == CUSTOS_N_SECTIONS + CUSTOS_N_REGISTERS + 1);

const CustosXmlPart *
custos_xml_get_parts (guint *n_parts)
{
  g_return_val_if_fail (n_parts != NULL, NULL);

  *n_parts = G_N_ELEMENTS (parts);
  return parts;
}

const CustosKind *
custos_xml_part_get_kind (const CustosXmlPart *part)
{
  switch (part->type)
    {
    case CUSTOS_XML_PART_SECTION:
      return custos_kinds_section (part->index);
    case CUSTOS_XML_PART_REGISTER:
      return custos_kinds_register (part->index);
    case CUSTOS_XML_PART_CRITERIA:
    default:
      return NULL;
    }
}

const char *
custos_xml_part_get_name (const CustosXmlPart *part)
{
  switch (part->type)
    {
    case CUSTOS_XML_PART_SECTION:
      return custos_kinds_section (part->index)->name;
    case CUSTOS_XML_PART_REGISTER:
      return custos_kinds_register (part->index)->register_name;
    case CUSTOS_XML_PART_CRITERIA:
    default:
      return "criteria";
    }
}

/* Text ---------------------------------------------------------------- */

static void
indent (GString *out,
        guint    level)
{
  static const char spaces[] = "                                ";

  g_assert (2 * level < sizeof spaces);
  g_string_append_len (out, spaces, 2 * level);
}

/* Appends text escaped for element content (or an attribute value).
 *
 * & < > are always escaped, " in attributes; CR becomes &#13; because a
 * parser turns a literal CR (and CR LF) into LF; in attributes TAB and LF
 * become character references too, which attribute-value normalisation would
 * otherwise turn into spaces.
 *
 * Characters that XML 1.0 does not allow at all (the C0 controls other than
 * TAB, LF and CR, U+FFFE and U+FFFF) and bytes that are not valid UTF-8 are
 * dropped: no escape can represent them, and writing them would make the
 * whole file unreadable. */
static void
append_escaped (GString    *out,
                const char *text,
                gboolean    attribute)
{
  const char *run = text;
  const char *p = text;

  while (*p != '\0')
    {
      guchar c = (guchar) *p;
      const char *escape = NULL;
      gsize skip = 1;

      if (c >= 0x80)
        {
          gunichar u = g_utf8_get_char_validated (p, -1);

          if (u == (gunichar) -1 || u == (gunichar) -2)
            escape = ""; /* invalid UTF-8: drop one byte and resynchronise */
          else
            {
              skip = g_utf8_next_char (p) - p;
              if (u == 0xFFFE || u == 0xFFFF)
                escape = "";
            }
        }
      else if (c >= 0x20)
        {
          if (c == '&')
            escape = "&amp;";
          else if (c == '<')
            escape = "&lt;";
          else if (c == '>')
            escape = "&gt;";
          else if (c == '"' && attribute)
            escape = "&quot;";
        }
      else if (c == '\r')
        escape = "&#13;";
      else if (c == '\n')
        escape = attribute ? "&#10;" : NULL;
      else if (c == '\t')
        escape = attribute ? "&#9;" : NULL;
      else
        escape = "";

      if (escape != NULL)
        {
          g_string_append_len (out, run, p - run);
          g_string_append (out, escape);
          p += skip;
          run = p;
        }
      else
        p += skip;
    }
  g_string_append_len (out, run, p - run);
}

/* <name>text</name>, or <name/> for an empty value. */
static void
append_leaf (GString    *out,
             guint       level,
             const char *name,
             const char *text)
{
  indent (out, level);
  g_string_append_c (out, '<');
  g_string_append (out, name);
  if (text == NULL || *text == '\0')
    {
      g_string_append (out, "/>\n");
      return;
    }
  g_string_append_c (out, '>');
  append_escaped (out, text, FALSE);
  g_string_append (out, "</");
  g_string_append (out, name);
  g_string_append (out, ">\n");
}

static void
append_attribute (GString    *out,
                  const char *name,
                  const char *value)
{
  g_string_append_c (out, ' ');
  g_string_append (out, name);
  g_string_append (out, "=\"");
  append_escaped (out, value != NULL ? value : "", TRUE);
  g_string_append_c (out, '"');
}

/* Records ------------------------------------------------------------- */

static gboolean
record_is_empty (CustosRecord     *record,
                 const CustosKind *kind)
{
  for (guint i = 0; i < kind->n_fields; i++)
    if (!custos_record_field_is_empty (record, i))
      return FALSE;
  return TRUE;
}

static void
write_field (GString           *out,
             guint              level,
             const CustosField *field,
             const GValue      *value)
{
  switch (field->type)
    {
    case CUSTOS_FIELD_STRING:
    case CUSTOS_FIELD_TEXT:
    case CUSTOS_FIELD_DATE:
    case CUSTOS_FIELD_REF:
      append_leaf (out, level, field->name, g_value_get_string (value));
      break;

    case CUSTOS_FIELD_STRINGS:
      {
        const char * const *items = g_value_get_boxed (value);

        indent (out, level);
        g_string_append_printf (out, "<%s>\n", field->name);
        for (guint i = 0; items[i] != NULL; i++)
          append_leaf (out, level + 1, field->item, items[i]);
        indent (out, level);
        g_string_append_printf (out, "</%s>\n", field->name);
      }
      break;

    case CUSTOS_FIELD_INT:
    case CUSTOS_FIELD_NUMBER:
    case CUSTOS_FIELD_BOOL:
    case CUSTOS_FIELD_ENUM:
    case CUSTOS_FIELD_FLAGS:
    case CUSTOS_FIELD_REFS:
    case CUSTOS_FIELD_CONTROLS:
    default:
      {
        g_autofree char *text = custos_field_to_text (field, value, " ");
        append_leaf (out, level, field->name, text);
      }
      break;
    }
}

/* Writes <name attrs>fields</name>, or <name attrs/> when every field is
 * empty. id is NULL for a section. */
static void
write_record (GString          *out,
              guint             level,
              CustosRecord     *record,
              const CustosKind *kind,
              const char       *id)
{
  gboolean empty = record == NULL || record_is_empty (record, kind);

  indent (out, level);
  g_string_append_c (out, '<');
  g_string_append (out, kind->name);
  if (kind->register_name != NULL)
    append_attribute (out, "id", id);
  if (record != NULL && custos_record_get_to_review (record))
    append_attribute (out, "to-review", "true");
  if (empty)
    {
      g_string_append (out, "/>\n");
      return;
    }
  g_string_append (out, ">\n");
  for (guint i = 0; i < kind->n_fields; i++)
    if (!custos_record_field_is_empty (record, i))
      write_field (out, level + 1, &kind->fields[i], custos_record_get_value (record, i));
  indent (out, level);
  g_string_append_printf (out, "</%s>\n", kind->name);
}

static void
write_register (GString        *out,
                CustosDocument *document,
                CustosRegister  reg)
{
  const CustosKind *kind = custos_kinds_register (reg);
  GListModel *model = custos_document_get_register (document, reg);
  guint n = g_list_model_get_n_items (model);

  indent (out, 1);
  if (n == 0)
    {
      g_string_append_printf (out, "<%s/>\n", kind->register_name);
      return;
    }
  g_string_append_printf (out, "<%s>\n", kind->register_name);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(CustosRecord) record = g_list_model_get_item (model, i);
      write_record (out, 2, record, kind, custos_record_get_id (record));
    }
  indent (out, 1);
  g_string_append_printf (out, "</%s>\n", kind->register_name);
}

/* The SoA has one entry per control of the edition, in catalogue order
 * whatever the order of the register. A control without an entry is written
 * as an empty (undecided) one, so that the file stays loadable; an entry
 * whose id is not a control of the edition cannot be written validly and is
 * left out. */
static void
write_soa (GString        *out,
           CustosDocument *document)
{
  const CustosKind *kind = custos_kinds_register (CUSTOS_REGISTER_SOA);
  CustosCatalogue *catalogue = custos_document_get_catalogue (document);
  guint n = custos_catalogue_get_n_controls (catalogue);

  indent (out, 1);
  g_string_append_printf (out, "<%s>\n", kind->register_name);
  for (guint i = 0; i < n; i++)
    {
      const CustosControl *control = custos_catalogue_get_control (catalogue, i);
      CustosRecord *entry = custos_document_lookup (document, CUSTOS_REGISTER_SOA, control->id);

      write_record (out, 2, entry, kind, control->id);
    }
  indent (out, 1);
  g_string_append_printf (out, "</%s>\n", kind->register_name);
}

static void
write_scale (GString        *out,
             CustosCriteria *criteria,
             CustosScale     scale,
             const char     *name)
{
  guint n = custos_criteria_get_n_levels (criteria, scale);

  indent (out, 2);
  if (n == 0)
    {
      g_string_append_printf (out, "<%s/>\n", name);
      return;
    }
  g_string_append_printf (out, "<%s>\n", name);
  for (guint v = 1; v <= n; v++)
    {
      const CustosLevel *level = custos_criteria_get_level (criteria, scale, v);

      indent (out, 3);
      g_string_append_printf (out, "<level value=\"%u\">\n", v);
      append_leaf (out, 4, "label", level->label);
      if (level->meaning != NULL && *level->meaning != '\0')
        append_leaf (out, 4, "meaning", level->meaning);
      indent (out, 3);
      g_string_append (out, "</level>\n");
    }
  indent (out, 2);
  g_string_append_printf (out, "</%s>\n", name);
}

static void
append_optional_leaf (GString    *out,
                      guint       level,
                      const char *name,
                      const char *text)
{
  if (text != NULL && *text != '\0')
    append_leaf (out, level, name, text);
}

static void
write_criteria (GString        *out,
                CustosCriteria *criteria)
{
  guint n_bands = custos_criteria_get_n_bands (criteria);
  const char *scoring;

  indent (out, 1);
  g_string_append (out, "<criteria");
  scoring = custos_criteria_get_scoring (criteria) == CUSTOS_SCORING_SUM ? "sum" : "product";
  append_attribute (out, "scoring", scoring);
  g_string_append (out, ">\n");
  write_scale (out, criteria, CUSTOS_SCALE_LIKELIHOOD, "likelihood");
  write_scale (out, criteria, CUSTOS_SCALE_CONSEQUENCE, "consequence");

  indent (out, 2);
  if (n_bands == 0)
    g_string_append (out, "<bands/>\n");
  else
    {
      g_string_append (out, "<bands>\n");
      for (guint i = 0; i < n_bands; i++)
        {
          const CustosBand *band = custos_criteria_get_band (criteria, i);
          char number[16];

          indent (out, 3);
          g_string_append (out, "<band");
          g_snprintf (number, sizeof number, "%d", band->min);
          append_attribute (out, "min", number);
          g_snprintf (number, sizeof number, "%d", band->max);
          append_attribute (out, "max", number);
          if (band->colour != NULL)
            append_attribute (out, "colour", band->colour);
          append_attribute (out, "acceptable", band->acceptable ? "true" : "false");
          g_string_append (out, ">\n");
          append_leaf (out, 4, "name", band->name);
          append_optional_leaf (out, 4, "action", band->action);
          append_optional_leaf (out, 4, "timescale", band->timescale);
          append_optional_leaf (out, 4, "accepted-by", band->accepted_by);
          indent (out, 3);
          g_string_append (out, "</band>\n");
        }
      indent (out, 2);
      g_string_append (out, "</bands>\n");
    }
  indent (out, 1);
  g_string_append (out, "</criteria>\n");
}

GBytes *
custos_xml_write (CustosDocument *document)
{
  GString *out;
  char edition[16];

  g_return_val_if_fail (CUSTOS_IS_DOCUMENT (document), NULL);

  out = g_string_sized_new (64 * 1024);
  g_snprintf (edition, sizeof edition, "%d", (int) custos_document_get_edition (document));

  g_string_append (out, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<isms");
  append_attribute (out, "xmlns", CUSTOS_XML_NAMESPACE);
  g_string_append_printf (out, " format=\"%d\"", CUSTOS_XML_FORMAT);
  append_attribute (out, "edition", edition);
  g_string_append (out, ">\n");

  for (guint i = 0; i < G_N_ELEMENTS (parts); i++)
    switch (parts[i].type)
      {
      case CUSTOS_XML_PART_SECTION:
        write_record (out, 1, custos_document_get_section (document, parts[i].index),
                      custos_kinds_section (parts[i].index), NULL);
        break;
      case CUSTOS_XML_PART_REGISTER:
        if (parts[i].index == CUSTOS_REGISTER_SOA)
          write_soa (out, document);
        else
          write_register (out, document, parts[i].index);
        break;
      case CUSTOS_XML_PART_CRITERIA:
      default:
        write_criteria (out, custos_document_get_criteria (document));
        break;
      }

  g_string_append (out, "</isms>\n");
  return g_string_free_to_bytes (out);
}
