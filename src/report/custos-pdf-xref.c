/* SPDX-License-Identifier: GPL-3.0-or-later */
/* custos-pdf-xref.c — rebuilds the cross-reference table of a PDF file
 *
 * A small lexer walks the body object by object. Inside an object it skips
 * literal strings (balanced parentheses, backslash escapes), comments and
 * names, so that "stream" or "endobj" in a title cannot fool it; a stream's
 * data is skipped by its direct /Length when that checks out, otherwise up to
 * the "endstream" that is followed by "endobj".
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "custos-pdf-xref.h"

G_DEFINE_QUARK (custos-pdf-error-quark, custos_pdf_error)

typedef struct
{
  const guint8 *data;
  gsize         length;
  gsize         pos;
} Lexer;

static gboolean
is_white (guint8 c)
{
  return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\f' || c == '\0';
}

static gboolean
is_delimiter (guint8 c)
{
  return c == '(' || c == ')' || c == '<' || c == '>' || c == '[' || c == ']' ||
         c == '{' || c == '}' || c == '/' || c == '%';
}

static gboolean
is_regular (guint8 c)
{
  return !is_white (c) && !is_delimiter (c);
}

static void
skip_line (Lexer *lx)
{
  while (lx->pos < lx->length && lx->data[lx->pos] != '\n' && lx->data[lx->pos] != '\r')
    lx->pos++;
}

/* Skips white space and comments. */
static void
skip_space (Lexer *lx)
{
  while (lx->pos < lx->length)
    {
      guint8 c = lx->data[lx->pos];

      if (is_white (c))
        lx->pos++;
      else if (c == '%')
        skip_line (lx);
      else
        break;
    }
}

/* At '(': skips to after the matching ')'. */
static gboolean
skip_literal_string (Lexer *lx)
{
  int depth = 0;

  while (lx->pos < lx->length)
    {
      guint8 c = lx->data[lx->pos++];

      if (c == '\\')
        lx->pos++;
      else if (c == '(')
        depth++;
      else if (c == ')' && --depth == 0)
        return TRUE;
    }
  return FALSE;
}

/* Does the keyword stand at pos, as a whole token? */
static gboolean
keyword_at (const Lexer *lx,
            gsize        pos,
            const char  *keyword)
{
  gsize n = strlen (keyword);

  if (pos + n > lx->length || memcmp (lx->data + pos, keyword, n) != 0)
    return FALSE;
  if (pos > 0 && is_regular (lx->data[pos - 1]))
    return FALSE;
  return pos + n == lx->length || !is_regular (lx->data[pos + n]);
}

static gboolean
read_uint (Lexer *lx,
           guint64 *value)
{
  guint64 v = 0;
  gsize start = lx->pos;

  while (lx->pos < lx->length && g_ascii_isdigit (lx->data[lx->pos]))
    {
      v = v * 10 + (guint64) (lx->data[lx->pos] - '0');
      if (v > G_MAXUINT32)
        return FALSE;
      lx->pos++;
    }
  *value = v;
  return lx->pos > start;
}

/* Finds the direct integer value of /Length in data[from, to), or -1. */
static gint64
direct_length (const Lexer *lx,
               gsize        from,
               gsize        to)
{
  for (gsize p = from; p + 7 <= to; p++)
    if (memcmp (lx->data + p, "/Length", 7) == 0 && (p + 7 == to || !is_regular (lx->data[p + 7])))
      {
        Lexer sub = { lx->data, to, p + 7 };
        guint64 value, second;

        skip_space (&sub);
        if (!read_uint (&sub, &value))
          return -1;
        /* "N G R" is an indirect reference, not a length. */
        skip_space (&sub);
        if (read_uint (&sub, &second))
          {
            skip_space (&sub);
            if (sub.pos < sub.length && sub.data[sub.pos] == 'R')
              return -1;
          }
        return (gint64) value;
      }
  return -1;
}

/* At the byte after the "stream" keyword: skips the data and "endstream". */
static gboolean
skip_stream (Lexer *lx,
             gsize  dict_start)
{
  gsize keyword = lx->pos - 6;
  gsize data_start = lx->pos;
  gint64 length;

  if (data_start < lx->length && lx->data[data_start] == '\r')
    data_start++;
  if (data_start < lx->length && lx->data[data_start] == '\n')
    data_start++;

  length = direct_length (lx, dict_start, keyword);
  if (length >= 0 && (guint64) length <= lx->length - data_start)
    {
      Lexer probe = { lx->data, lx->length, data_start + (gsize) length };

      skip_space (&probe);
      if (keyword_at (&probe, probe.pos, "endstream"))
        {
          lx->pos = probe.pos + 9;
          return TRUE;
        }
    }

  /* Indirect or wrong length: the first "endstream" that "endobj" follows. */
  for (gsize p = data_start; p + 9 <= lx->length; p++)
    {
      const guint8 *hit = memchr (lx->data + p, 'e', lx->length - p);

      if (hit == NULL)
        break;
      p = (gsize) (hit - lx->data);
      if (p + 9 <= lx->length && memcmp (hit, "endstream", 9) == 0)
        {
          Lexer probe = { lx->data, lx->length, p + 9 };

          skip_space (&probe);
          if (keyword_at (&probe, probe.pos, "endobj"))
            {
              lx->pos = p + 9;
              return TRUE;
            }
        }
    }
  return FALSE;
}

/* After "obj": skips to after the matching "endobj". */
static gboolean
skip_object (Lexer *lx)
{
  gsize dict_start = lx->pos;

  while (lx->pos < lx->length)
    {
      guint8 c = lx->data[lx->pos];

      if (is_white (c))
        lx->pos++;
      else if (c == '%')
        skip_line (lx);
      else if (c == '(')
        {
          if (!skip_literal_string (lx))
            return FALSE;
        }
      else if (c == '/')
        {
          lx->pos++;
          while (lx->pos < lx->length && is_regular (lx->data[lx->pos]))
            lx->pos++;
        }
      else if (is_delimiter (c))
        lx->pos++;
      else
        {
          gsize start = lx->pos;

          while (lx->pos < lx->length && is_regular (lx->data[lx->pos]))
            lx->pos++;
          if (lx->pos - start == 6 && memcmp (lx->data + start, "endobj", 6) == 0)
            return TRUE;
          if (lx->pos - start == 6 && memcmp (lx->data + start, "stream", 6) == 0 &&
              !skip_stream (lx, dict_start))
            return FALSE;
        }
    }
  return FALSE;
}

/* At "<<": the offset after the matching ">>". */
static gboolean
skip_dictionary (Lexer *lx)
{
  int depth = 0;

  while (lx->pos < lx->length)
    {
      guint8 c = lx->data[lx->pos];

      if (c == '(')
        {
          if (!skip_literal_string (lx))
            return FALSE;
        }
      else if (c == '%')
        skip_line (lx);
      else if (c == '<' && lx->pos + 1 < lx->length && lx->data[lx->pos + 1] == '<')
        {
          depth++;
          lx->pos += 2;
        }
      else if (c == '>' && lx->pos + 1 < lx->length && lx->data[lx->pos + 1] == '>')
        {
          lx->pos += 2;
          if (--depth == 0)
            return TRUE;
        }
      else
        lx->pos++;
    }
  return FALSE;
}

static gpointer
fail (GError     **error,
      int          code,
      gsize        offset,
      const char  *what)
{
  g_set_error (error, CUSTOS_PDF_ERROR, code, "PDF offset %" G_GSIZE_FORMAT ": %s", offset, what);
  return NULL;
}

/* Replaces (or adds) /Size in the trailer dictionary text. */
static void
append_trailer (GString    *out,
                const char *dict,
                gsize       dict_length,
                guint       size)
{
  const char *p = g_strstr_len (dict, (gssize) dict_length, "/Size");

  if (p != NULL && (gsize) (p - dict) + 5 < dict_length && !is_regular ((guint8) p[5]))
    {
      const char *end = p + 5;
      const char *limit = dict + dict_length;

      while (end < limit && is_white ((guint8) *end))
        end++;
      while (end < limit && g_ascii_isdigit (*end))
        end++;
      g_string_append_len (out, dict, p - dict);
      g_string_append_printf (out, "/Size %u", size);
      g_string_append_len (out, end, limit - end);
    }
  else
    {
      /* dict starts with "<<" */
      g_string_append (out, "<<");
      g_string_append_printf (out, " /Size %u", size);
      g_string_append_len (out, dict + 2, (gssize) dict_length - 2);
    }
}

/* The new end of the file: what follows the first *keep bytes of data. */
static GString *
rebuild_tail (const guint8  *data,
              gsize          length,
              gsize         *keep,
              GError       **error)
{
  Lexer lx = { data, length, 0 };
  g_autoptr(GArray) offsets = g_array_new (FALSE, TRUE, sizeof (guint64));
  g_autoptr(GArray) generations = g_array_new (FALSE, TRUE, sizeof (guint));
  GString *out;
  g_autofree guint *next_free = NULL;
  gsize body_end, dict_start, dict_end, xref_offset;
  guint size, first_free;
  guint64 old_size = 0;

  if (length < 8 || memcmp (data, "%PDF-", 5) != 0)
    return fail (error, CUSTOS_PDF_ERROR_NOT_PDF, 0, "not a PDF file");

  /* The header line, then the body's objects. */
  skip_line (&lx);
  for (;;)
    {
      gsize start;
      guint64 number, generation;

      skip_space (&lx);
      if (lx.pos >= length)
        return fail (error, CUSTOS_PDF_ERROR_MALFORMED, lx.pos, "no cross-reference table");
      if (keyword_at (&lx, lx.pos, "xref"))
        break;
      if (keyword_at (&lx, lx.pos, "startxref") || keyword_at (&lx, lx.pos, "trailer"))
        return fail (error, CUSTOS_PDF_ERROR_UNSUPPORTED, lx.pos, "cross-reference streams are not supported");

      start = lx.pos;
      if (!read_uint (&lx, &number))
        return fail (error, CUSTOS_PDF_ERROR_MALFORMED, start, "expected an object");
      skip_space (&lx);
      if (!read_uint (&lx, &generation) || generation > 65535)
        return fail (error, CUSTOS_PDF_ERROR_MALFORMED, start, "expected an object's generation");
      skip_space (&lx);
      if (!keyword_at (&lx, lx.pos, "obj"))
        return fail (error, CUSTOS_PDF_ERROR_MALFORMED, start, "expected “obj”");
      lx.pos += 3;
      if (number == 0 || number >= 8388608)
        return fail (error, CUSTOS_PDF_ERROR_MALFORMED, start, "object number out of range");
      if (number >= offsets->len)
        {
          g_array_set_size (offsets, (guint) number + 1);
          g_array_set_size (generations, (guint) number + 1);
        }
      g_array_index (offsets, guint64, number) = start;
      g_array_index (generations, guint, number) = (guint) generation;
      if (!skip_object (&lx))
        return fail (error, CUSTOS_PDF_ERROR_MALFORMED, start, "object without “endobj”");
    }
  body_end = lx.pos;

  /* The old trailer dictionary, kept but for /Size. */
  {
    const guint8 *t = NULL;

    for (gsize p = body_end; p + 7 <= length; p++)
      if (keyword_at (&lx, p, "trailer"))
        {
          t = data + p;
          break;
        }
    if (t == NULL)
      return fail (error, CUSTOS_PDF_ERROR_MALFORMED, body_end, "no trailer");
    lx.pos = (gsize) (t - data) + 7;
    skip_space (&lx);
    if (lx.pos + 2 > length || data[lx.pos] != '<' || data[lx.pos + 1] != '<')
      return fail (error, CUSTOS_PDF_ERROR_MALFORMED, lx.pos, "trailer without a dictionary");
    dict_start = lx.pos;
    if (!skip_dictionary (&lx))
      return fail (error, CUSTOS_PDF_ERROR_MALFORMED, dict_start, "unterminated trailer");
    dict_end = lx.pos;
  }

  if (g_strstr_len ((const char *) data + dict_start, (gssize) (dict_end - dict_start), "/Prev") != NULL)
    return fail (error, CUSTOS_PDF_ERROR_UNSUPPORTED, dict_start, "incremental updates are not supported");
  /* After the trailer: startxref, an offset, %%EOF and nothing more. */
  {
    Lexer tail = { data, length, dict_end };
    guint64 ignored;

    skip_space (&tail);
    if (!keyword_at (&tail, tail.pos, "startxref"))
      return fail (error, CUSTOS_PDF_ERROR_MALFORMED, tail.pos, "expected “startxref”");
    tail.pos += 9;
    skip_space (&tail);
    if (!read_uint (&tail, &ignored))
      return fail (error, CUSTOS_PDF_ERROR_MALFORMED, tail.pos, "expected the offset of the table");
    while (tail.pos < length && is_white (data[tail.pos]))
      tail.pos++;
    if (tail.pos + 5 > length || memcmp (data + tail.pos, "%%EOF", 5) != 0)
      return fail (error, CUSTOS_PDF_ERROR_MALFORMED, tail.pos, "expected “%%EOF”");
    tail.pos += 5;
    skip_space (&tail);
    if (tail.pos < length)
      return fail (error, CUSTOS_PDF_ERROR_UNSUPPORTED, tail.pos, "incremental updates are not supported");
  }

  {
    const char *s = g_strstr_len ((const char *) data + dict_start, (gssize) (dict_end - dict_start), "/Size");
    if (s != NULL)
      {
        Lexer sub = { data, dict_end, (gsize) ((const guint8 *) s - data) + 5 };
        skip_space (&sub);
        if (!read_uint (&sub, &old_size))
          old_size = 0;
      }
  }

  size = MAX (offsets->len, 1);
  if (old_size > size && old_size < 8388608)
    size = (guint) old_size;
  g_array_set_size (offsets, size);
  g_array_set_size (generations, size);

  out = g_string_sized_new (20 * (gsize) size + (dict_end - dict_start) + 64);
  if (body_end > 0 && data[body_end - 1] != '\n' && data[body_end - 1] != '\r')
    g_string_append_c (out, '\n');
  xref_offset = body_end + out->len;

  /* Free entries form a list through object 0, as the standard asks. */
  next_free = g_new0 (guint, size);
  first_free = 0;
  for (guint i = size; i-- > 1;)
    {
      next_free[i] = first_free;
      if (g_array_index (offsets, guint64, i) == 0)
        first_free = i;
    }

  g_string_append_printf (out, "xref\n0 %u\n", size);
  g_string_append_printf (out, "%010u 65535 f \n", first_free);
  for (guint i = 1; i < size; i++)
    {
      guint64 offset = g_array_index (offsets, guint64, i);

      if (offset != 0)
        g_string_append_printf (out, "%010" G_GUINT64_FORMAT " %05u n \n",
                                offset, g_array_index (generations, guint, i));
      else
        g_string_append_printf (out, "%010u 00000 f \n", next_free[i]);
    }

  g_string_append (out, "trailer\n");
  append_trailer (out, (const char *) data + dict_start, dict_end - dict_start, size);
  g_string_append_printf (out, "\nstartxref\n%" G_GSIZE_FORMAT "\n%%%%EOF\n", xref_offset);

  *keep = body_end;
  return out;
}

GBytes *
custos_pdf_rebuild_xref (const guint8  *data,
                         gsize          length,
                         GError       **error)
{
  g_autoptr(GByteArray) copy = NULL;
  GString *tail;
  gsize keep;

  g_return_val_if_fail (data != NULL || length == 0, NULL);

  tail = rebuild_tail (data, length, &keep, error);
  if (tail == NULL)
    return NULL;
  copy = g_byte_array_sized_new ((guint) (keep + tail->len));
  g_byte_array_append (copy, data, (guint) keep);
  g_byte_array_append (copy, (const guint8 *) tail->str, (guint) tail->len);
  g_string_free (tail, TRUE);
  return g_byte_array_free_to_bytes (g_steal_pointer (&copy));
}

gboolean
custos_pdf_repair_in_place (GByteArray  *pdf,
                            GError     **error)
{
  GString *tail;
  gsize keep;

  g_return_val_if_fail (pdf != NULL, FALSE);

  tail = rebuild_tail (pdf->data, pdf->len, &keep, error);
  if (tail == NULL)
    return FALSE;
  g_byte_array_set_size (pdf, (guint) keep);
  g_byte_array_append (pdf, (const guint8 *) tail->str, (guint) tail->len);
  g_string_free (tail, TRUE);
  return TRUE;
}
