/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "custos-record.h"

G_BEGIN_DECLS

/* Called by the register classes of custos-kinds.c. */
void custos_record_class_install (CustosRecordClass *klass,
                                  const CustosKind  *kind);
void custos_record_init_values   (CustosRecord      *self,
                                  const CustosKind  *kind);

/* What a change replaced, for the history: once custos_record_keep_previous
 * () was called, each change keeps the value it replaced (moved, not copied),
 * readable while its notify runs. Slots 0 … n_fields - 1 are the fields, then
 * CUSTOS_RECORD_SLOT_ID and CUSTOS_RECORD_SLOT_TO_REVIEW past them. NULL for
 * a slot that has not changed. */
#define CUSTOS_RECORD_SLOT_ID(n_fields)        (n_fields)
#define CUSTOS_RECORD_SLOT_TO_REVIEW(n_fields) ((n_fields) + 1)
void          custos_record_keep_previous (CustosRecord *self);
const GValue *custos_record_get_previous  (CustosRecord *self,
                                           guint         slot);

G_END_DECLS
