/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "custos-record.h"

G_BEGIN_DECLS

/* Called by the register classes of custos-kinds.c. */
void custos_record_class_install (CustosRecordClass *klass,
                                  const CustosKind  *kind);
void custos_record_init_values   (CustosRecord      *self,
                                  const CustosKind  *kind);

G_END_DECLS
