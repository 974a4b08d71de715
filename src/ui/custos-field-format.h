/* SPDX-License-Identifier: GPL-3.0-or-later */
/* custos-field-format.h — what people read for field values in lists and forms
 *
 * Small pure functions shared by the register view (cells, sorting, search)
 * and the record editor (summaries). No widgets: unit tests call them as is.
 */
#pragma once

#include "custos-document.h"

G_BEGIN_DECLS

/* "14 Mar 2024" in the translated format; NULL when iso is empty or invalid. */
char       *custos_format_date          (const char     *iso);
/* The same for a GDate; NULL when date is NULL or invalid. */
char       *custos_format_gdate         (const GDate    *date);
/* A readiness message as people read it: its ISO dates in the locale's
 * form, except inside quoted titles, which are what someone typed. */
char       *custos_format_message       (const char     *message);
/* The title people read: the TITLE field (a date is formatted), the control's
 * title for an SoA entry; NULL when the record has none yet. */
char       *custos_format_record_title  (CustosDocument *document,
                                         CustosRecord   *record);
/* "R-004 · Phishing of staff", or the id alone when the record has no title. */
char       *custos_format_record_label  (CustosDocument *document,
                                         CustosRecord   *record);
/* The label of a reference: "ROLE-002 · Office manager", or the bare id when
 * it names no record of the target register (a dangling reference). */
char       *custos_format_reference     (CustosDocument    *document,
                                         const CustosField *field,
                                         const char        *id);
/* "3 · Possible" for a likelihood or consequence level; NULL for 0. */
char       *custos_format_level         (CustosDocument    *document,
                                         const CustosField *field,
                                         int                value);
/* The text of one field as a register list shows it (never NULL). */
char       *custos_format_field         (CustosDocument *document,
                                         CustosRecord   *record,
                                         guint           field);

/* Case-insensitive comparison where digit runs compare by value, so that
 * "R-2" < "R-10". NULL and "" sort after everything else. */
int         custos_natural_compare      (const char     *a,
                                         const char     *b);
/* The key custos_text_matches() expects: needle case-folded, NULL for "". */
char       *custos_search_key           (const char     *needle);
/* Whether text contains the key, ignoring case; no allocation for ASCII keys. */
gboolean    custos_text_matches         (const char     *text,
                                         const char     *key);

G_END_DECLS
