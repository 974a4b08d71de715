/* SPDX-License-Identifier: GPL-3.0-or-later */
/* custos-escape.c — text from a file, made safe to show in a message */
#include "config.h"

#include <string.h>

#include "custos-escape.h"

gboolean
custos_unichar_is_unsafe (gunichar c)
{
  return c < 0x20 || (c >= 0x7F && c <= 0x9F) || c == 0x061C || c == 0x200E || c == 0x200F ||
         (c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069);
}

gboolean
custos_text_has_unsafe (const char *text)
{
  const char *end = NULL;

  g_return_val_if_fail (text != NULL, FALSE);

  if (!g_utf8_validate (text, -1, &end))
    return TRUE;
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    if (custos_unichar_is_unsafe (g_utf8_get_char (p)))
      return TRUE;
  return FALSE;
}

char *
custos_escape_unsafe (const char *text)
{
  GString *out;
  const char *p;

  if (text == NULL)
    return NULL;
  /* Most messages have nothing to escape: no copy to build. */
  if (!custos_text_has_unsafe (text))
    return g_strdup (text);

  out = g_string_sized_new (strlen (text) + 16);
  for (p = text; *p != '\0';)
    {
      gunichar c = g_utf8_get_char_validated (p, -1);

      if (c == (gunichar) -1 || c == (gunichar) -2)
        {
          g_string_append_printf (out, "\\x%02X", (guchar) *p);
          p++;
          continue;
        }
      if (c == '\t')
        g_string_append (out, "\\t");
      else if (c == '\n')
        g_string_append (out, "\\n");
      else if (c == '\r')
        g_string_append (out, "\\r");
      else if (custos_unichar_is_unsafe (c))
        g_string_append_printf (out, "\\u%04X", c);
      else
        g_string_append_len (out, p, g_utf8_next_char (p) - p);
      p = g_utf8_next_char (p);
    }
  return g_string_free (out, FALSE);
}
