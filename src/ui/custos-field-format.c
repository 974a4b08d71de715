/* SPDX-License-Identifier: GPL-3.0-or-later */
/* custos-field-format.c — what people read for field values in lists and forms */
#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "custos-field-format.h"
#include "custos-labels.h"

char *
custos_format_gdate (const GDate *date)
{
  g_autoptr(GDateTime) time = NULL;

  if (date == NULL || !g_date_valid (date))
    return NULL;
  time = g_date_time_new_utc (g_date_get_year (date), g_date_get_month (date), g_date_get_day (date), 0, 0, 0);
  /* Translators: how a date reads in forms and lists, see g_date_time_format();
   * "%-d %b %Y" gives "14 Mar 2024". */
  return g_date_time_format (time, _("%-d %b %Y"));
}

char *
custos_format_date (const char *iso)
{
  GDate date;

  if (!custos_date_parse (iso, &date))
    return NULL;
  return custos_format_gdate (&date);
}

/* YYYY-MM-DD at p, not part of a longer run of digits. */
static gboolean
iso_date_at (const char *text,
             const char *p)
{
  static const char pattern[] = "dddd-dd-dd";

  if (p > text && g_ascii_isalnum (p[-1]))
    return FALSE;
  for (guint i = 0; i < sizeof pattern - 1; i++)
    if (pattern[i] == 'd' ? !g_ascii_isdigit (p[i]) : p[i] != pattern[i])
      return FALSE;
  return !g_ascii_isalnum (p[sizeof pattern - 1]);
}

char *
custos_format_message (const char *message)
{
  GString *out = g_string_sized_new (message != NULL ? strlen (message) + 16 : 0);
  gboolean quoted = FALSE;

  for (const char *p = message != NULL ? message : ""; *p != '\0';)
    {
      /* English quotes “…”, German „…“. */
      if (quoted && (g_str_has_prefix (p, "”") || g_str_has_prefix (p, "“")))
        quoted = FALSE;
      else if (!quoted && (g_str_has_prefix (p, "“") || g_str_has_prefix (p, "„")))
        quoted = TRUE;
      if (!quoted && iso_date_at (message, p))
        {
          char iso[CUSTOS_DATE_ISO_SIZE];
          g_autofree char *date = NULL;

          memcpy (iso, p, CUSTOS_DATE_ISO_SIZE - 1);
          iso[CUSTOS_DATE_ISO_SIZE - 1] = '\0';
          if ((date = custos_format_date (iso)) != NULL)
            {
              g_string_append (out, date);
              p += CUSTOS_DATE_ISO_SIZE - 1;
              continue;
            }
        }
      g_string_append_c (out, *p++);
    }
  return g_string_free (out, FALSE);
}

/* Prose shows on one line in a list. */
static char *
one_line (const char *text)
{
  char *line = g_strdup (text != NULL ? text : "");

  for (char *p = line; *p != '\0'; p++)
    if (*p == '\n' || *p == '\r' || *p == '\t')
      *p = ' ';
  return line;
}

char *
custos_format_record_title (CustosDocument *document,
                            CustosRecord   *record)
{
  const CustosKind *kind = custos_record_get_kind (record);
  const char *id = custos_record_get_id (record);

  /* SoA entries have no title of their own: they are named by their control. */
  if (CUSTOS_IS_SOA_ENTRY (record))
    {
      const char *title = document != NULL && id != NULL ? custos_document_get_control_title (document, id) : NULL;
      return g_strdup (title);
    }
  for (guint i = 0; i < kind->n_fields; i++)
    if ((kind->fields[i].flags & CUSTOS_FIELD_FLAG_TITLE) != 0)
      {
        const GValue *value = custos_record_get_value (record, i);
        const char *text;

        if (!G_VALUE_HOLDS_STRING (value))
          return NULL;
        text = g_value_get_string (value);
        if (text == NULL || *text == '\0')
          return NULL;
        if (kind->fields[i].type == CUSTOS_FIELD_DATE)
          {
            char *date = custos_format_date (text);
            return date != NULL ? date : g_strdup (text);
          }
        return one_line (text);
      }
  return NULL;
}

char *
custos_format_record_label (CustosDocument *document,
                            CustosRecord   *record)
{
  const char *id = custos_record_get_id (record);
  g_autofree char *title = custos_format_record_title (document, record);

  if (title == NULL)
    return g_strdup (id != NULL ? id : "");
  if (id == NULL)
    return g_steal_pointer (&title);
  /* Translators: a record in a list: its id, then its title */
  return g_strdup_printf (_("%s · %s"), id, title);
}

char *
custos_format_reference (CustosDocument    *document,
                         const CustosField *field,
                         const char        *id)
{
  const CustosKind *target;
  CustosRecord *record = NULL;

  if (id == NULL || *id == '\0')
    return g_strdup ("");
  target = field->target != NULL ? custos_kinds_lookup (field->target) : NULL;
  if (document != NULL && target != NULL && custos_kinds_register_index (target) >= 0)
    record = custos_document_lookup (document, custos_kinds_register_index (target), id);
  if (record == NULL)
    return g_strdup (id);
  return custos_format_record_label (document, record);
}

char *
custos_format_level (CustosDocument    *document,
                     const CustosField *field,
                     int                value)
{
  CustosScale scale = field->min == CUSTOS_RANGE_LIKELIHOOD ? CUSTOS_SCALE_LIKELIHOOD
                                                            : CUSTOS_SCALE_CONSEQUENCE;
  CustosCriteria *criteria;
  const CustosLevel *level = NULL;

  if (value <= 0)
    return NULL;
  criteria = document != NULL ? custos_document_get_criteria (document) : NULL;
  if (criteria != NULL && (guint) value <= custos_criteria_get_n_levels (criteria, scale))
    level = custos_criteria_get_level (criteria, scale, (guint) value);
  if (level == NULL || level->label == NULL || *level->label == '\0')
    return g_strdup_printf ("%d", value);
  /* Translators: a level of a risk scale: its number, then its name ("3 · Possible") */
  return g_strdup_printf (_("%d · %s"), value, level->label);
}

char *
custos_format_field (CustosDocument *document,
                     CustosRecord   *record,
                     guint           index)
{
  const CustosField *field = &custos_record_get_kind (record)->fields[index];
  const GValue *value = custos_record_get_value (record, index);

  switch (field->type)
    {
    case CUSTOS_FIELD_STRING:
    case CUSTOS_FIELD_TEXT:
      return one_line (g_value_get_string (value));

    case CUSTOS_FIELD_INT:
      {
        int n = g_value_get_int (value);

        if (field->min < 0)
          {
            char *level = custos_format_level (document, field, n);
            return level != NULL ? level : g_strdup ("");
          }
        if (n == 0 && field->min > 0)
          return g_strdup ("");
        return g_strdup_printf ("%d", n);
      }

    case CUSTOS_FIELD_NUMBER:
      {
        double d = g_value_get_double (value);
        return isnan (d) ? g_strdup ("") : g_strdup_printf ("%g", d);
      }

    case CUSTOS_FIELD_BOOL:
      return g_strdup (g_value_get_boolean (value) ? "✓" : "");

    case CUSTOS_FIELD_DATE:
      {
        char *date = custos_format_date (g_value_get_string (value));
        return date != NULL ? date : g_strdup (g_value_get_string (value) ? g_value_get_string (value) : "");
      }

    case CUSTOS_FIELD_ENUM:
      return g_strdup (custos_enum_value_label (G_VALUE_TYPE (value), g_value_get_enum (value)));

    case CUSTOS_FIELD_FLAGS:
      return custos_flags_label (G_VALUE_TYPE (value), g_value_get_flags (value));

    case CUSTOS_FIELD_REF:
      return custos_format_reference (document, field, g_value_get_string (value));

    case CUSTOS_FIELD_CONTROLS:
      {
        g_autofree char *cited = custos_controls_cite (g_value_get_boxed (value), ", ");
        return one_line (cited);
      }

    case CUSTOS_FIELD_REFS:
    case CUSTOS_FIELD_STRINGS:
      {
        const char * const *items = g_value_get_boxed (value);
        g_autofree char *joined = items != NULL ? g_strjoinv (", ", (char **) items) : NULL;
        return one_line (joined);
      }

    default:
      g_assert_not_reached ();
    }
}

int
custos_natural_compare (const char *a,
                        const char *b)
{
  gboolean a_empty = a == NULL || *a == '\0';
  gboolean b_empty = b == NULL || *b == '\0';

  if (a_empty || b_empty)
    return a_empty - b_empty;

  while (*a != '\0' && *b != '\0')
    {
      if (g_ascii_isdigit (*a) && g_ascii_isdigit (*b))
        {
          size_t la, lb;
          int cmp;

          while (*a == '0' && g_ascii_isdigit (a[1]))
            a++;
          while (*b == '0' && g_ascii_isdigit (b[1]))
            b++;
          for (la = 0; g_ascii_isdigit (a[la]); la++)
            ;
          for (lb = 0; g_ascii_isdigit (b[lb]); lb++)
            ;
          if (la != lb)
            return la < lb ? -1 : 1;
          cmp = memcmp (a, b, la);
          if (cmp != 0)
            return cmp < 0 ? -1 : 1;
          a += la;
          b += lb;
        }
      else
        {
          gunichar ca = g_unichar_tolower (g_utf8_get_char (a));
          gunichar cb = g_unichar_tolower (g_utf8_get_char (b));

          if (ca != cb)
            return ca < cb ? -1 : 1;
          a = g_utf8_next_char (a);
          b = g_utf8_next_char (b);
        }
    }
  return (*a != '\0') - (*b != '\0');
}

char *
custos_search_key (const char *needle)
{
  g_autofree char *stripped = g_strstrip (g_strdup (needle != NULL ? needle : ""));

  if (*stripped == '\0')
    return NULL;
  return g_utf8_casefold (stripped, -1);
}

static gboolean
is_ascii (const char *text)
{
  for (; *text != '\0'; text++)
    if ((guchar) *text >= 0x80)
      return FALSE;
  return TRUE;
}

gboolean
custos_text_matches (const char *text,
                     const char *key)
{
  if (key == NULL || *key == '\0')
    return TRUE;
  if (text == NULL || *text == '\0')
    return FALSE;

  if (is_ascii (key))
    {
      size_t len = strlen (key);

      for (; *text != '\0'; text++)
        if (g_ascii_strncasecmp (text, key, len) == 0)
          return TRUE;
      return FALSE;
    }
  else
    {
      g_autofree char *folded = g_utf8_casefold (text, -1);
      return strstr (folded, key) != NULL;
    }
}
