/* SPDX-License-Identifier: GPL-3.0-or-later */
/* custos-date.c — calendar dates as the file format writes them, YYYY-MM-DD */
#include "config.h"

#include <string.h>

#include "custos-date.h"

static guint
digits (const char *text,
        guint       n)
{
  guint value = 0;

  for (guint i = 0; i < n; i++)
    value = value * 10 + (guint) (text[i] - '0');
  return value;
}

gboolean
custos_date_parse (const char *text,
                   GDate      *date)
{
  guint year, month, day;

  g_return_val_if_fail (date != NULL, FALSE);

  g_date_clear (date, 1);
  if (text == NULL || strlen (text) != CUSTOS_DATE_ISO_SIZE - 1 || text[4] != '-' || text[7] != '-')
    return FALSE;
  for (guint i = 0; i < CUSTOS_DATE_ISO_SIZE - 1; i++)
    if (i != 4 && i != 7 && !g_ascii_isdigit (text[i]))
      return FALSE;
  year = digits (text, 4);
  month = digits (text + 5, 2);
  day = digits (text + 8, 2);
  if (year < 1 || month < 1 || month > 12 || day < 1 ||
      !g_date_valid_dmy ((GDateDay) day, (GDateMonth) month, (GDateYear) year))
    return FALSE;
  g_date_set_dmy (date, (GDateDay) day, (GDateMonth) month, (GDateYear) year);
  return TRUE;
}

gboolean
custos_date_is_valid (const char *text)
{
  GDate date;

  return custos_date_parse (text, &date);
}

void
custos_date_format_iso (const GDate *date,
                        char         buffer[CUSTOS_DATE_ISO_SIZE])
{
  g_return_if_fail (date != NULL && g_date_valid (date));

  g_snprintf (buffer, CUSTOS_DATE_ISO_SIZE, "%04u-%02u-%02u", (guint) g_date_get_year (date),
              (guint) g_date_get_month (date), (guint) g_date_get_day (date));
}
