/* SPDX-License-Identifier: GPL-3.0-or-later */
/* custos-diff.h — what changed between two versions of an ISMS document
 *
 * Records are matched by id within each register, and compared field by
 * field through the kinds' descriptors; the sections (organisation, scope,
 * policy …) field by field too. The same list of changes feeds custos --diff,
 * the window's Compare view and the certification pack's "Changes since the
 * last issue".
 */
#pragma once

#include "custos-document.h"

G_BEGIN_DECLS

typedef enum
{
  CUSTOS_CHANGE_ADDED,
  CUSTOS_CHANGE_REMOVED,
  CUSTOS_CHANGE_CHANGED,
} CustosChangeType;

/* One field of a changed record. Lists (references, controls, lines) say
 * which items were added and removed; other fields their old and new value.
 * Values are in display form (controls as "A.5.1"), NULL when empty. */
typedef struct
{
  const CustosField *field;
  char              *old_text;
  char              *new_text;
  char             **added;   /* lists only, else NULL */
  char             **removed;
} CustosFieldChange;

typedef struct
{
  CustosChangeType  type;
  const CustosKind *kind;     /* NULL: the risk criteria or the edition */
  int               reg;      /* a CustosRegister, or -1 for a section */
  char             *id;       /* display id ("R-004", "A.5.1"); NULL for a section */
  char             *title;
  GPtrArray        *fields;   /* of CustosFieldChange, for CUSTOS_CHANGE_CHANGED */
} CustosChange;

typedef struct _CustosDiff CustosDiff;

/* Compares old_doc with new_doc (neither is changed nor kept). */
CustosDiff         *custos_diff_new            (CustosDocument *old_doc,
                                                CustosDocument *new_doc);
void                custos_diff_free           (CustosDiff     *self);
/* In file order: sections and registers as in the file, records in the
 * order of the new document, then the removed ones. */
guint               custos_diff_get_n_changes  (CustosDiff     *self);
const CustosChange *custos_diff_get_change     (CustosDiff     *self,
                                                guint           index);

/* "Risk R-004 'Laptop lost': likelihood 3 → 2; controls +A.8.1" */
char               *custos_change_format       (const CustosChange *change);
/* One field: "likelihood 3 → 2", "controls +A.8.1 −A.5.1"; with label, the
 * field's translated label ("Likelihood 3 → 2") rather than its name. */
char               *custos_field_change_format (const CustosFieldChange *change,
                                                gboolean                 label);
/* For a list of changes under their register's name (the Compare view, the
 * pack): the record ("R-004 Laptop lost", "Information security policy")
 * and what happened to it ("Added", or one line per field with labels). */
char               *custos_change_get_record   (const CustosChange *change);
char               *custos_change_get_details  (const CustosChange *change);
/* Every change, one line each, grouped under the registers' names. */
char               *custos_diff_format_text    (CustosDiff     *self);

/* A stable, human-readable dump of a whole document, one field a line, for
 * git's textconv (custos --text). */
char               *custos_document_to_text    (CustosDocument *document);
/* How people read a control id of the document's edition: "A.5.1". */
char               *custos_control_display_id  (const char     *control_id);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CustosDiff, custos_diff_free)

G_END_DECLS
