/* SPDX-License-Identifier: GPL-3.0-or-later */
/* custos-date.h — calendar dates as the file format writes them, YYYY-MM-DD */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* "YYYY-MM-DD" and its terminating NUL. */
#define CUSTOS_DATE_ISO_SIZE 11

/* Parses an ISO 8601 calendar date in exactly the form YYYY-MM-DD (years
 * 0001 to 9999): no sign, no spaces, no shorter fields, nothing after it.
 * Returns FALSE and clears date for NULL, "" and anything else. This is the
 * one parser of dates; the reader, the checks, the views and the reports
 * all use it. */
gboolean custos_date_parse      (const char  *text,
                                 GDate       *date);
/* TRUE when custos_date_parse() accepts text. */
gboolean custos_date_is_valid   (const char  *text);
/* Writes date (valid) as YYYY-MM-DD. */
void     custos_date_format_iso (const GDate *date,
                                 char         buffer[CUSTOS_DATE_ISO_SIZE]);

G_END_DECLS
