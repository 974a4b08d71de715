/* SPDX-License-Identifier: GPL-3.0-or-later */
/* custos-sheet.c — a table from a spreadsheet file: CSV, ODS, XLSX */
#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>
#include <libxml/xmlreader.h>
#include <zlib.h>

#include "custos-sheet.h"

G_DEFINE_QUARK (custos-sheet-error-quark, custos_sheet_error)

/* Takes off the apostrophe a CSV export puts before text that spreadsheets
 * would read as a formula ('=1+2 → =1+2); other text is left alone. */
static char *
unneutralise (GString *text)
{
  if (text->len >= 2 && text->str[0] == '\'' && strchr ("=+-@\t\r'", text->str[1]) != NULL)
    g_string_erase (text, 0, 1);
  return g_strndup (text->str, text->len);
}

/* The first line's commonest delimiter outside quotes: , ; or TAB. */
static char
sniff_delimiter (const char *p,
                 const char *end)
{
  guint commas = 0, semicolons = 0, tabs = 0;
  gboolean quoted = FALSE;

  for (; p < end && (quoted || (*p != '\n' && *p != '\r')); p++)
    {
      if (*p == '"')
        quoted = !quoted;
      else if (!quoted && *p == ',')
        commas++;
      else if (!quoted && *p == ';')
        semicolons++;
      else if (!quoted && *p == '\t')
        tabs++;
    }
  if (semicolons > commas && semicolons >= tabs)
    return ';';
  if (tabs > commas && tabs > semicolons)
    return '\t';
  return ',';
}

/* UTF-8 text for data: a UTF-8 byte order mark is dropped, UTF-16 with one
 * converted; anything else must be valid UTF-8 without NUL bytes. */
static char *
to_utf8 (const char  *data,
         gsize        length,
         gsize       *out_length,
         GError     **error)
{
  const char *end;
  guint line = 1;

  if (length >= 2 && ((guchar) data[0] == 0xFF && (guchar) data[1] == 0xFE))
    return g_convert (data + 2, (gssize) length - 2, "UTF-8", "UTF-16LE", NULL, out_length, error);
  if (length >= 2 && ((guchar) data[0] == 0xFE && (guchar) data[1] == 0xFF))
    return g_convert (data + 2, (gssize) length - 2, "UTF-8", "UTF-16BE", NULL, out_length, error);
  if (length >= 3 && memcmp (data, "\xEF\xBB\xBF", 3) == 0)
    {
      data += 3;
      length -= 3;
    }
  if (g_utf8_validate_len (data, length, &end))
    {
      *out_length = length;
      return g_strndup (data, length);
    }
  for (const char *p = data; p < end; p++)
    if (*p == '\n')
      line++;
  if (*end == '\0')
    g_set_error (error, CUSTOS_SHEET_ERROR, CUSTOS_SHEET_ERROR_ENCODING,
                 _("line %u holds a NUL byte: this looks like UTF-16 text without a byte order mark. Save the spreadsheet as “CSV UTF-8”."),
                 line);
  else
    g_set_error (error, CUSTOS_SHEET_ERROR, CUSTOS_SHEET_ERROR_ENCODING,
                 _("line %u is not UTF-8 text (Latin-1 or another old encoding?). Save the spreadsheet as “CSV UTF-8”."),
                 line);
  return NULL;
}

static gboolean
too_large (GError    **error,
           guint       line,
           const char *what,
           guint       limit)
{
  g_set_error (error, CUSTOS_SHEET_ERROR, CUSTOS_SHEET_ERROR_TOO_LARGE, _("line %u: more than %u %s"), line, limit, what);
  return FALSE;
}

static gboolean
end_cell (GPtrArray *cells,
          GString   *text,
          guint      line,
          GError   **error)
{
  if (cells->len >= CUSTOS_SHEET_MAX_COLUMNS)
    return too_large (error, line, _("columns"), CUSTOS_SHEET_MAX_COLUMNS);
  g_ptr_array_add (cells, unneutralise (text));
  g_string_truncate (text, 0);
  return TRUE;
}

static gboolean
end_row (GPtrArray *table,
         GPtrArray *cells,
         guint      line,
         GError   **error)
{
  /* A line with nothing on it is no row. */
  if (!(cells->len == 1 && *(char *) cells->pdata[0] == '\0'))
    {
      if (table->len >= CUSTOS_SHEET_MAX_ROWS)
        return too_large (error, line, _("rows"), CUSTOS_SHEET_MAX_ROWS);
      g_ptr_array_add (cells, NULL);
      g_ptr_array_add (table, custos_table_row_new (line, (char **) g_ptr_array_steal (cells, NULL)));
    }
  else
    g_ptr_array_set_size (cells, 0);
  return TRUE;
}

GPtrArray *
custos_sheet_read_csv (const char *data,
                       gsize       length,
                       GError    **error)
{
  g_autoptr(GPtrArray) table = custos_table_new ();
  g_autoptr(GPtrArray) cells = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GString) text = g_string_new (NULL);
  g_autofree char *utf8 = NULL;
  const char *p, *end;
  gsize utf8_length = 0;
  guint line = 1, row_line = 1, quote_line = 0;
  char delimiter;
  gboolean quoted = FALSE;

  g_return_val_if_fail (data != NULL || length == 0, NULL);

  if (length > CUSTOS_SHEET_MAX_SIZE)
    {
      g_set_error (error, CUSTOS_SHEET_ERROR, CUSTOS_SHEET_ERROR_TOO_LARGE, _("the file is larger than %u MiB"),
                   CUSTOS_SHEET_MAX_SIZE / (1024 * 1024));
      return NULL;
    }
  utf8 = to_utf8 (data, length, &utf8_length, error);
  if (utf8 == NULL)
    return NULL;

  p = utf8;
  end = utf8 + utf8_length;
  delimiter = sniff_delimiter (p, end);
  while (p < end)
    {
      char c = *p++;

      if (text->len >= CUSTOS_SHEET_MAX_CELL)
        {
          too_large (error, line, _("bytes in a cell"), CUSTOS_SHEET_MAX_CELL);
          return NULL;
        }
      if (quoted)
        {
          if (c == '"' && p < end && *p == '"')
            {
              g_string_append_c (text, '"');
              p++;
            }
          else if (c == '"')
            {
              quoted = FALSE;
              if (p < end && *p != delimiter && *p != '\r' && *p != '\n')
                {
                  g_set_error (error, CUSTOS_SHEET_ERROR, CUSTOS_SHEET_ERROR_PARSE,
                               _("line %u: text after the closing quote of a field"), line);
                  return NULL;
                }
            }
          else
            {
              if (c == '\n')
                line++;
              g_string_append_c (text, c);
            }
        }
      else if (c == '"' && text->len == 0)
        {
          quoted = TRUE;
          quote_line = line;
        }
      else if (c == delimiter)
        {
          if (!end_cell (cells, text, line, error))
            return NULL;
        }
      else if (c == '\r' || c == '\n')
        {
          if (c == '\r' && p < end && *p == '\n')
            p++;
          if (!end_cell (cells, text, line, error) || !end_row (table, cells, row_line, error))
            return NULL;
          row_line = ++line;
        }
      else
        g_string_append_c (text, c);
    }
  if (quoted)
    {
      g_set_error (error, CUSTOS_SHEET_ERROR, CUSTOS_SHEET_ERROR_PARSE,
                   _("line %u: a quoted field never ends (a missing \")"), quote_line);
      return NULL;
    }
  if (text->len > 0 || cells->len > 0)
    {
      if (!end_cell (cells, text, line, error) || !end_row (table, cells, row_line, error))
        return NULL;
    }
  return g_steal_pointer (&table);
}

/* Zip (ODS, XLSX) ------------------------------------------------------- */

static gboolean
zip_error (GError    **error,
           int         code,
           const char *message)
{
  g_set_error_literal (error, CUSTOS_SHEET_ERROR, code, message);
  return FALSE;
}

static guint
le16 (const guchar *p)
{
  return p[0] | (guint) p[1] << 8;
}

static guint32
le32 (const guchar *p)
{
  return p[0] | (guint32) p[1] << 8 | (guint32) p[2] << 16 | (guint32) p[3] << 24;
}

/* The inflated content of the zip entry called name, or NULL (and no error
 * when the entry is missing and optional). Every size the archive declares
 * is checked against the file and the caps; inflating stops at the cap
 * whatever the archive claims, so a zip bomb costs nothing. */
static GBytes *
zip_extract (GBytes     *zip,
             const char *name,
             gboolean    optional,
             GError    **error)
{
  gsize size = 0;
  const guchar *data = g_bytes_get_data (zip, &size);
  const guchar *eocd = NULL;
  gsize name_len = strlen (name);
  guint n_entries;
  guint32 cd_offset, cd_size;
  const guchar *p, *end;

  for (gsize back = 22; back <= MIN (size, 22 + 65535); back++)
    if (le32 (data + size - back) == 0x06054b50)
      {
        eocd = data + size - back;
        break;
      }
  if (eocd == NULL)
    {
      zip_error (error, CUSTOS_SHEET_ERROR_FORMAT, _("the file is not a spreadsheet: it is no zip archive"));
      return NULL;
    }
  n_entries = le16 (eocd + 10);
  cd_size = le32 (eocd + 12);
  cd_offset = le32 (eocd + 16);
  if ((gsize) cd_offset + cd_size > (gsize) (eocd - data))
    {
      zip_error (error, CUSTOS_SHEET_ERROR_FORMAT, _("the zip archive is damaged (its directory lies outside it)"));
      return NULL;
    }
  p = data + cd_offset;
  end = p + cd_size;
  for (guint i = 0; i < n_entries; i++)
    {
      guint method, flags, n_len, extra_len, comment_len, local_n, local_extra;
      guint32 compressed, uncompressed, local;
      const guchar *body;
      z_stream z = { 0 };
      g_autofree guchar *out = NULL;
      int status;

      if (p + 46 > end || le32 (p) != 0x02014b50)
        {
          zip_error (error, CUSTOS_SHEET_ERROR_FORMAT, _("the zip archive is damaged"));
          return NULL;
        }
      flags = le16 (p + 8);
      method = le16 (p + 10);
      compressed = le32 (p + 20);
      uncompressed = le32 (p + 24);
      n_len = le16 (p + 28);
      extra_len = le16 (p + 30);
      comment_len = le16 (p + 32);
      local = le32 (p + 42);
      if (p + 46 + n_len > end)
        {
          zip_error (error, CUSTOS_SHEET_ERROR_FORMAT, _("the zip archive is damaged"));
          return NULL;
        }
      if (n_len != name_len || memcmp (p + 46, name, name_len) != 0)
        {
          p += 46 + n_len + extra_len + comment_len;
          continue;
        }

      if ((flags & 1) != 0)
        {
          zip_error (error, CUSTOS_SHEET_ERROR_FORMAT, _("the spreadsheet is encrypted"));
          return NULL;
        }
      if (uncompressed > CUSTOS_SHEET_MAX_SIZE || compressed == 0xFFFFFFFF
          || (compressed > 0 && uncompressed / compressed > CUSTOS_SHEET_MAX_RATIO))
        {
          g_set_error (error, CUSTOS_SHEET_ERROR, CUSTOS_SHEET_ERROR_TOO_LARGE,
                       _("%s would inflate to more than %u MiB or %u times its size (a zip bomb?)"), name,
                       CUSTOS_SHEET_MAX_SIZE / (1024 * 1024), CUSTOS_SHEET_MAX_RATIO);
          return NULL;
        }
      if ((gsize) local + 30 > size || le32 (data + local) != 0x04034b50)
        {
          zip_error (error, CUSTOS_SHEET_ERROR_FORMAT, _("the zip archive is damaged"));
          return NULL;
        }
      local_n = le16 (data + local + 26);
      local_extra = le16 (data + local + 28);
      body = data + local + 30 + local_n + local_extra;
      if (body + compressed > data + size || body < data + local)
        {
          zip_error (error, CUSTOS_SHEET_ERROR_FORMAT, _("the zip archive is damaged"));
          return NULL;
        }
      if (method == 0)
        {
          if (compressed != uncompressed)
            {
              zip_error (error, CUSTOS_SHEET_ERROR_FORMAT, _("the zip archive is damaged"));
              return NULL;
            }
          return g_bytes_new (body, compressed);
        }
      if (method != 8)
        {
          zip_error (error, CUSTOS_SHEET_ERROR_FORMAT, _("the zip archive uses a compression method other than deflate"));
          return NULL;
        }

      /* One byte more than declared tells a lying header from a true one. */
      out = g_malloc ((gsize) uncompressed + 1);
      z.next_in = (Bytef *) body;
      z.avail_in = compressed;
      z.next_out = out;
      z.avail_out = uncompressed + 1;
      if (inflateInit2 (&z, -MAX_WBITS) != Z_OK)
        {
          zip_error (error, CUSTOS_SHEET_ERROR_FORMAT, _("cannot inflate the zip archive"));
          return NULL;
        }
      status = inflate (&z, Z_FINISH);
      inflateEnd (&z);
      if (status != Z_STREAM_END || z.total_out != uncompressed)
        {
          zip_error (error, status == Z_BUF_ERROR || z.total_out > uncompressed ? CUSTOS_SHEET_ERROR_TOO_LARGE
                                                                               : CUSTOS_SHEET_ERROR_FORMAT,
                     _("the zip archive is damaged or inflates beyond what it declares"));
          return NULL;
        }
      return g_bytes_new_take (g_steal_pointer (&out), uncompressed);
    }
  if (!optional)
    g_set_error (error, CUSTOS_SHEET_ERROR, CUSTOS_SHEET_ERROR_FORMAT, _("the archive has no %s"), name);
  return NULL;
}

/* A table built cell by cell; empty cells and rows are kept back until
 * something follows them, so that the millions of repeated empty cells
 * spreadsheets write at the end of a sheet cost nothing. */
typedef struct
{
  GPtrArray *table;
  GPtrArray *cells;
  guint      line;         /* of the row being built */
  guint      empty_cells;  /* pending */
  GError   **error;
  gboolean   failed;
} Builder;

static void
builder_init (Builder *b,
              GError **error)
{
  b->table = custos_table_new ();
  b->cells = g_ptr_array_new_with_free_func (g_free);
  b->line = 0;
  b->empty_cells = 0;
  b->error = error;
  b->failed = FALSE;
}

static void
builder_clear (Builder *b)
{
  g_clear_pointer (&b->table, g_ptr_array_unref);
  g_clear_pointer (&b->cells, g_ptr_array_unref);
}

static void
builder_cells (Builder    *b,
               GString    *text,
               guint64     repeat)
{
  if (b->failed)
    return;
  if (text->len == 0)
    {
      b->empty_cells = (guint) MIN ((guint64) b->empty_cells + repeat, G_MAXUINT);
      return;
    }
  if (b->cells->len + (guint64) b->empty_cells + repeat > CUSTOS_SHEET_MAX_COLUMNS)
    {
      b->failed = !too_large (b->error, b->line, _("columns"), CUSTOS_SHEET_MAX_COLUMNS);
      return;
    }
  for (; b->empty_cells > 0; b->empty_cells--)
    g_ptr_array_add (b->cells, g_strdup (""));
  for (guint64 i = 0; i < repeat; i++)
    g_ptr_array_add (b->cells, unneutralise (text));
}

/* Ends the row that started on line, repeat times. */
static void
builder_row (Builder *b,
             guint64  repeat)
{
  b->empty_cells = 0;
  if (b->failed || b->cells->len == 0)
    {
      g_ptr_array_set_size (b->cells, 0);
      return;
    }
  if (b->table->len + repeat > CUSTOS_SHEET_MAX_ROWS)
    {
      b->failed = !too_large (b->error, b->line, _("rows"), CUSTOS_SHEET_MAX_ROWS);
      return;
    }
  for (guint64 i = 0; i < repeat; i++)
    {
      char **cells = g_new0 (char *, b->cells->len + 1);

      for (guint c = 0; c < b->cells->len; c++)
        cells[c] = g_strdup (b->cells->pdata[c]);
      g_ptr_array_add (b->table, custos_table_row_new (b->line + (guint) i, cells));
    }
  g_ptr_array_set_size (b->cells, 0);
}

static GPtrArray *
builder_finish (Builder *b)
{
  GPtrArray *table = b->failed ? NULL : g_steal_pointer (&b->table);

  builder_clear (b);
  return table;
}

/* A streaming reader of an XML part: no network, no DTD loaded, no entity
 * substituted; a document type declaration is refused outright. */
static xmlTextReaderPtr
xml_reader (GBytes     *bytes,
            const char *name)
{
  return xmlReaderForMemory (g_bytes_get_data (bytes, NULL), (int) g_bytes_get_size (bytes), name, NULL,
                             XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING);
}

static gboolean
xml_failed (xmlTextReaderPtr reader,
            int              status,
            const char      *name,
            GError         **error)
{
  if (status >= 0)
    return FALSE;
  g_set_error (error, CUSTOS_SHEET_ERROR, CUSTOS_SHEET_ERROR_PARSE, _("%s is not well-formed XML (line %d)"), name,
               xmlTextReaderGetParserLineNumber (reader));
  return TRUE;
}

static gboolean
is_doctype (xmlTextReaderPtr reader,
            const char      *name,
            GError         **error)
{
  if (xmlTextReaderNodeType (reader) != XML_READER_TYPE_DOCUMENT_TYPE)
    return FALSE;
  g_set_error (error, CUSTOS_SHEET_ERROR, CUSTOS_SHEET_ERROR_PARSE, _("%s has a document type declaration, which spreadsheets never have"), name);
  return TRUE;
}

static gboolean
is_element (xmlTextReaderPtr reader,
            const char      *ns,
            const char      *local)
{
  return g_strcmp0 ((const char *) xmlTextReaderConstLocalName (reader), local) == 0
         && g_strcmp0 ((const char *) xmlTextReaderConstNamespaceUri (reader), ns) == 0;
}

static char *
attribute (xmlTextReaderPtr reader,
           const char      *ns,
           const char      *local)
{
  xmlChar *value = xmlTextReaderGetAttributeNs (reader, (const xmlChar *) local, (const xmlChar *) ns);
  char *copy = g_strdup ((const char *) value);

  xmlFree (value);
  return copy;
}

static guint64
repeat_attribute (xmlTextReaderPtr reader,
                  const char      *ns,
                  const char      *local)
{
  g_autofree char *value = attribute (reader, ns, local);
  guint64 n = value ? g_ascii_strtoull (value, NULL, 10) : 1;

  return CLAMP (n, 1, G_MAXUINT32);
}

#define ODS_OFFICE "urn:oasis:names:tc:opendocument:xmlns:office:1.0"
#define ODS_TABLE  "urn:oasis:names:tc:opendocument:xmlns:table:1.0"
#define ODS_TEXT   "urn:oasis:names:tc:opendocument:xmlns:text:1.0"

/* The first table of content.xml; a cell's value is its cached value
 * (dates as YYYY-MM-DD) or its text, never its formula. */
GPtrArray *
custos_sheet_read_ods (GBytes  *bytes,
                       GError **error)
{
  g_autoptr(GBytes) content = zip_extract (bytes, "content.xml", FALSE, error);
  g_autoptr(GString) text = g_string_new (NULL);
  xmlTextReaderPtr reader;
  Builder b;
  int tables = 0, status;
  guint64 row_repeat = 1, cell_repeat = 1;
  guint paragraphs = 0;
  gboolean in_cell = FALSE, has_value = FALSE;
  guint64 next_line = 1;

  if (content == NULL)
    return NULL;
  reader = xml_reader (content, "content.xml");
  builder_init (&b, error);
  while ((status = xmlTextReaderRead (reader)) == 1 && !b.failed)
    {
      int type = xmlTextReaderNodeType (reader);

      if (is_doctype (reader, "content.xml", error))
        {
          status = 2;
          break;
        }
      if (type == XML_READER_TYPE_ELEMENT && is_element (reader, ODS_TABLE, "table") && ++tables > 1)
        break;
      if (tables != 1)
        continue;
      if (type == XML_READER_TYPE_ELEMENT && is_element (reader, ODS_TABLE, "table-row"))
        {
          row_repeat = repeat_attribute (reader, ODS_TABLE, "number-rows-repeated");
          b.line = (guint) MIN (next_line, G_MAXUINT);
          next_line += row_repeat;
          if (xmlTextReaderIsEmptyElement (reader))
            builder_row (&b, row_repeat);
        }
      else if (type == XML_READER_TYPE_END_ELEMENT && is_element (reader, ODS_TABLE, "table-row"))
        builder_row (&b, row_repeat);
      else if (type == XML_READER_TYPE_ELEMENT
               && (is_element (reader, ODS_TABLE, "table-cell") || is_element (reader, ODS_TABLE, "covered-table-cell")))
        {
          g_autofree char *value_type = attribute (reader, ODS_OFFICE, "value-type");
          g_autofree char *value = NULL;

          cell_repeat = repeat_attribute (reader, ODS_TABLE, "number-columns-repeated");
          g_string_truncate (text, 0);
          paragraphs = 0;
          if (g_strcmp0 (value_type, "float") == 0 || g_strcmp0 (value_type, "percentage") == 0
              || g_strcmp0 (value_type, "currency") == 0)
            value = attribute (reader, ODS_OFFICE, "value");
          else if (g_strcmp0 (value_type, "date") == 0)
            {
              value = attribute (reader, ODS_OFFICE, "date-value");
              if (value != NULL && strlen (value) > 10 && value[10] == 'T' && g_str_has_suffix (value, "T00:00:00"))
                value[10] = '\0';
            }
          else if (g_strcmp0 (value_type, "boolean") == 0)
            value = attribute (reader, ODS_OFFICE, "boolean-value");
          has_value = value != NULL;
          if (has_value)
            g_string_assign (text, value);
          if (xmlTextReaderIsEmptyElement (reader))
            builder_cells (&b, text, cell_repeat);
          else
            in_cell = TRUE;
        }
      else if (type == XML_READER_TYPE_END_ELEMENT
               && (is_element (reader, ODS_TABLE, "table-cell") || is_element (reader, ODS_TABLE, "covered-table-cell")))
        {
          builder_cells (&b, text, cell_repeat);
          in_cell = FALSE;
        }
      else if (in_cell && !has_value)
        {
          if (type == XML_READER_TYPE_ELEMENT && is_element (reader, ODS_TEXT, "p") && paragraphs++ > 0)
            g_string_append_c (text, '\n');
          else if (type == XML_READER_TYPE_ELEMENT && is_element (reader, ODS_TEXT, "s"))
            {
              guint64 n = MIN (repeat_attribute (reader, ODS_TEXT, "c"), CUSTOS_SHEET_MAX_CELL);
              for (guint64 i = 0; i < n; i++)
                g_string_append_c (text, ' ');
            }
          else if (type == XML_READER_TYPE_ELEMENT && is_element (reader, ODS_TEXT, "tab"))
            g_string_append_c (text, '\t');
          else if (type == XML_READER_TYPE_ELEMENT && is_element (reader, ODS_TEXT, "line-break"))
            g_string_append_c (text, '\n');
          else if (type == XML_READER_TYPE_TEXT || type == XML_READER_TYPE_SIGNIFICANT_WHITESPACE)
            g_string_append (text, (const char *) xmlTextReaderConstValue (reader));
          if (text->len > CUSTOS_SHEET_MAX_CELL)
            b.failed = !too_large (error, b.line, _("bytes in a cell"), CUSTOS_SHEET_MAX_CELL);
        }
    }
  if (status != 2 && !b.failed && xml_failed (reader, status, "content.xml", error))
    status = 2;
  xmlFreeTextReader (reader);
  if (status == 2)
    b.failed = TRUE;
  return builder_finish (&b);
}

#define XLSX_MAIN "http://schemas.openxmlformats.org/spreadsheetml/2006/main"

/* The text of every <si> of sharedStrings.xml (rich text runs joined). */
static GPtrArray *
xlsx_shared_strings (GBytes  *bytes,
                     GError **error)
{
  GPtrArray *strings = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GString) text = g_string_new (NULL);
  xmlTextReaderPtr reader = xml_reader (bytes, "sharedStrings.xml");
  gboolean in_t = FALSE, in_phonetic = FALSE;
  int status;

  while ((status = xmlTextReaderRead (reader)) == 1)
    {
      int type = xmlTextReaderNodeType (reader);

      if (is_doctype (reader, "sharedStrings.xml", error))
        {
          status = -2;
          break;
        }
      if (type == XML_READER_TYPE_ELEMENT && is_element (reader, XLSX_MAIN, "si"))
        g_string_truncate (text, 0);
      else if (type == XML_READER_TYPE_END_ELEMENT && is_element (reader, XLSX_MAIN, "si"))
        g_ptr_array_add (strings, g_strndup (text->str, text->len));
      else if (is_element (reader, XLSX_MAIN, "rPh"))
        in_phonetic = type == XML_READER_TYPE_ELEMENT && !xmlTextReaderIsEmptyElement (reader);
      else if (is_element (reader, XLSX_MAIN, "t"))
        in_t = type == XML_READER_TYPE_ELEMENT && !xmlTextReaderIsEmptyElement (reader);
      else if (in_t && !in_phonetic && (type == XML_READER_TYPE_TEXT || type == XML_READER_TYPE_SIGNIFICANT_WHITESPACE))
        {
          g_string_append (text, (const char *) xmlTextReaderConstValue (reader));
          if (text->len > CUSTOS_SHEET_MAX_CELL)
            {
              too_large (error, 0, _("bytes in a cell"), CUSTOS_SHEET_MAX_CELL);
              status = -2;
              break;
            }
        }
    }
  if (status == -1)
    xml_failed (reader, status, "sharedStrings.xml", error);
  xmlFreeTextReader (reader);
  if (status < 0)
    g_clear_pointer (&strings, g_ptr_array_unref);
  return strings;
}

/* Which cell styles of styles.xml show a date: built-in formats 14-22 and
 * 45-47, or a format code with a day or year in it. */
static GArray *
xlsx_date_styles (GBytes *bytes)
{
  GArray *dates = g_array_new (FALSE, TRUE, sizeof (gboolean));
  g_autoptr(GHashTable) custom = g_hash_table_new (g_direct_hash, g_direct_equal);
  xmlTextReaderPtr reader;
  gboolean in_xfs = FALSE;

  if (bytes == NULL)
    return dates;
  reader = xml_reader (bytes, "styles.xml");
  while (xmlTextReaderRead (reader) == 1)
    {
      int type = xmlTextReaderNodeType (reader);

      if (type == XML_READER_TYPE_DOCUMENT_TYPE)
        break;
      if (type == XML_READER_TYPE_ELEMENT && is_element (reader, XLSX_MAIN, "numFmt"))
        {
          g_autofree char *id = attribute (reader, NULL, "numFmtId");
          g_autofree char *code = attribute (reader, NULL, "formatCode");
          g_autofree char *lower = code ? g_ascii_strdown (code, -1) : NULL;

          if (id != NULL && lower != NULL && (strchr (lower, 'y') || strchr (lower, 'd')))
            g_hash_table_add (custom, GUINT_TO_POINTER (g_ascii_strtoull (id, NULL, 10)));
        }
      else if (is_element (reader, XLSX_MAIN, "cellXfs"))
        in_xfs = type == XML_READER_TYPE_ELEMENT && !xmlTextReaderIsEmptyElement (reader);
      else if (in_xfs && type == XML_READER_TYPE_ELEMENT && is_element (reader, XLSX_MAIN, "xf"))
        {
          g_autofree char *id = attribute (reader, NULL, "numFmtId");
          guint n = id ? (guint) g_ascii_strtoull (id, NULL, 10) : 0;
          gboolean date = (n >= 14 && n <= 22) || (n >= 45 && n <= 47) || g_hash_table_contains (custom, GUINT_TO_POINTER (n));

          if (dates->len < 65536)
            g_array_append_val (dates, date);
        }
    }
  xmlFreeTextReader (reader);
  return dates;
}

/* Column index of a cell reference such as "AB12". */
static gint64
column_of (const char *ref)
{
  gint64 column = 0;

  for (; ref != NULL && g_ascii_isalpha (*ref); ref++)
    {
      column = column * 26 + (g_ascii_toupper (*ref) - 'A' + 1);
      if (column > CUSTOS_SHEET_MAX_COLUMNS)
        return CUSTOS_SHEET_MAX_COLUMNS;
    }
  return column - 1;
}

static void
serial_to_date (GString *text)
{
  char *end = NULL;
  double serial = g_ascii_strtod (text->str, &end);
  GDate date;
  char buffer[16];

  /* The 1900 date system: day 1 is 1900-01-01, counting the 29th of
   * February 1900 that never was, so days count from 1899-12-30. */
  if (end == text->str || *end != '\0' || serial < 61 || serial > 2958465 || serial != (double) (gint64) serial)
    return;
  g_date_clear (&date, 1);
  g_date_set_dmy (&date, 30, G_DATE_DECEMBER, 1899);
  g_date_add_days (&date, (guint) serial);
  g_snprintf (buffer, sizeof buffer, "%04d-%02d-%02d", g_date_get_year (&date), g_date_get_month (&date),
              g_date_get_day (&date));
  g_string_assign (text, buffer);
}

/* The first worksheet (xl/worksheets/sheet1.xml); cells give their cached
 * values (<v>), shared strings or inline strings, never their formulas. */
GPtrArray *
custos_sheet_read_xlsx (GBytes  *bytes,
                        GError **error)
{
  g_autoptr(GBytes) sheet = zip_extract (bytes, "xl/worksheets/sheet1.xml", FALSE, error);
  g_autoptr(GBytes) shared_bytes = NULL;
  g_autoptr(GBytes) styles_bytes = NULL;
  g_autoptr(GPtrArray) shared = NULL;
  g_autoptr(GArray) date_styles = NULL;
  g_autoptr(GString) text = g_string_new (NULL);
  g_autofree char *cell_type = NULL;
  xmlTextReaderPtr reader;
  Builder b;
  int status;
  gint64 column = 0, next_column = 0;
  guint style = 0;
  gboolean in_value = FALSE, in_row = FALSE;

  if (sheet == NULL)
    return NULL;
  shared_bytes = zip_extract (bytes, "xl/sharedStrings.xml", TRUE, error);
  if (shared_bytes == NULL && error != NULL && *error != NULL)
    return NULL;
  shared = shared_bytes ? xlsx_shared_strings (shared_bytes, error) : g_ptr_array_new_with_free_func (g_free);
  if (shared == NULL)
    return NULL;
  styles_bytes = zip_extract (bytes, "xl/styles.xml", TRUE, error);
  if (styles_bytes == NULL && error != NULL && *error != NULL)
    return NULL;
  date_styles = xlsx_date_styles (styles_bytes);

  reader = xml_reader (sheet, "sheet1.xml");
  builder_init (&b, error);
  while ((status = xmlTextReaderRead (reader)) == 1 && !b.failed)
    {
      int type = xmlTextReaderNodeType (reader);

      if (is_doctype (reader, "sheet1.xml", error))
        {
          status = 2;
          break;
        }
      if (type == XML_READER_TYPE_ELEMENT && is_element (reader, XLSX_MAIN, "row"))
        {
          g_autofree char *r = attribute (reader, NULL, "r");
          guint64 line = r ? g_ascii_strtoull (r, NULL, 10) : (guint64) b.line + 1;

          b.line = (guint) CLAMP (line, 1, G_MAXUINT);
          next_column = 0;
          in_row = !xmlTextReaderIsEmptyElement (reader);
        }
      else if (type == XML_READER_TYPE_END_ELEMENT && is_element (reader, XLSX_MAIN, "row"))
        {
          builder_row (&b, 1);
          in_row = FALSE;
        }
      else if (in_row && type == XML_READER_TYPE_ELEMENT && is_element (reader, XLSX_MAIN, "c"))
        {
          g_autofree char *r = attribute (reader, NULL, "r");
          g_autofree char *s = attribute (reader, NULL, "s");
          g_autoptr(GString) empty = g_string_new (NULL);

          g_free (cell_type);
          cell_type = attribute (reader, NULL, "t");
          style = s ? (guint) g_ascii_strtoull (s, NULL, 10) : 0;
          column = r ? column_of (r) : next_column;
          if (column < next_column)
            column = next_column; /* cells come in order; a reference going back is ignored */
          if (column > next_column)
            builder_cells (&b, empty, (guint64) (column - next_column));
          next_column = column + 1;
          g_string_truncate (text, 0);
          if (xmlTextReaderIsEmptyElement (reader))
            builder_cells (&b, text, 1);
        }
      else if (in_row && type == XML_READER_TYPE_END_ELEMENT && is_element (reader, XLSX_MAIN, "c"))
        {
          if (g_strcmp0 (cell_type, "s") == 0)
            {
              guint64 index = g_ascii_strtoull (text->str, NULL, 10);
              g_string_assign (text, index < shared->len && text->len > 0 ? (char *) shared->pdata[index] : "");
            }
          else if (g_strcmp0 (cell_type, "b") == 0)
            g_string_assign (text, g_str_equal (text->str, "1") ? "true" : "false");
          else if ((cell_type == NULL || g_str_equal (cell_type, "n")) && style < date_styles->len
                   && g_array_index (date_styles, gboolean, style))
            serial_to_date (text);
          builder_cells (&b, text, 1);
        }
      else if (in_row && (is_element (reader, XLSX_MAIN, "v") || is_element (reader, XLSX_MAIN, "t")))
        in_value = type == XML_READER_TYPE_ELEMENT && !xmlTextReaderIsEmptyElement (reader);
      else if (in_value && (type == XML_READER_TYPE_TEXT || type == XML_READER_TYPE_SIGNIFICANT_WHITESPACE))
        {
          g_string_append (text, (const char *) xmlTextReaderConstValue (reader));
          if (text->len > CUSTOS_SHEET_MAX_CELL)
            b.failed = !too_large (error, b.line, _("bytes in a cell"), CUSTOS_SHEET_MAX_CELL);
        }
    }
  if (status != 2 && !b.failed && xml_failed (reader, status, "sheet1.xml", error))
    status = 2;
  xmlFreeTextReader (reader);
  if (status == 2)
    b.failed = TRUE;
  return builder_finish (&b);
}

static gboolean
has_suffix (const char *name,
            const char *suffix)
{
  g_autofree char *lower = g_ascii_strdown (name, -1);
  return g_str_has_suffix (lower, suffix);
}

/* At most CUSTOS_SHEET_MAX_SIZE + 1 bytes of file: a larger one is refused
 * without reading it all. */
static GBytes *
read_capped (GFile        *file,
             GCancellable *cancellable,
             GError      **error)
{
  g_autoptr(GFileInputStream) stream = g_file_read (file, cancellable, error);
  g_autofree char *buffer = NULL;
  gsize length = 0;

  if (stream == NULL)
    return NULL;
  buffer = g_malloc (CUSTOS_SHEET_MAX_SIZE + 1);
  if (!g_input_stream_read_all (G_INPUT_STREAM (stream), buffer, CUSTOS_SHEET_MAX_SIZE + 1, &length, cancellable, error))
    return NULL;
  if (length > CUSTOS_SHEET_MAX_SIZE)
    {
      g_set_error (error, CUSTOS_SHEET_ERROR, CUSTOS_SHEET_ERROR_TOO_LARGE, _("the file is larger than %u MiB"),
                   CUSTOS_SHEET_MAX_SIZE / (1024 * 1024));
      return NULL;
    }
  return g_bytes_new_take (g_realloc (g_steal_pointer (&buffer), MAX (length, 1)), length);
}

GPtrArray *
custos_sheet_load (GFile        *file,
                   GCancellable *cancellable,
                   GError      **error)
{
  g_autofree char *name = g_file_get_basename (file);
  g_autoptr(GBytes) bytes = NULL;

  gboolean ods = has_suffix (name, ".ods");
  gboolean xlsx = has_suffix (name, ".xlsx");

  if (!ods && !xlsx && !has_suffix (name, ".csv") && !has_suffix (name, ".tsv") && !has_suffix (name, ".txt"))
    {
      g_set_error (error, CUSTOS_SHEET_ERROR, CUSTOS_SHEET_ERROR_FORMAT,
                   _("Cannot read “%s”: import reads .csv, .ods and .xlsx files"), name);
      return NULL;
    }
  bytes = read_capped (file, cancellable, error);
  if (bytes == NULL)
    return NULL;
  if (ods)
    return custos_sheet_read_ods (bytes, error);
  if (xlsx)
    return custos_sheet_read_xlsx (bytes, error);
  return custos_sheet_read_csv (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), error);
}
