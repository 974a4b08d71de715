/* SPDX-License-Identifier: GPL-3.0-or-later */
/* custos-sheet.c — a table from a spreadsheet file (CSV) */
#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

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

  if (!has_suffix (name, ".csv") && !has_suffix (name, ".tsv") && !has_suffix (name, ".txt"))
    {
      g_set_error (error, CUSTOS_SHEET_ERROR, CUSTOS_SHEET_ERROR_FORMAT,
                   _("Cannot read “%s”: import reads .csv files"), name);
      return NULL;
    }
  bytes = read_capped (file, cancellable, error);
  if (bytes == NULL)
    return NULL;
  return custos_sheet_read_csv (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), error);
}
