/* SPDX-License-Identifier: GPL-3.0-or-later */
/* custos-labels.h — what people read for enum values */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/* The translated label of one value of an enum (or a single flag) of the
 * model, e.g. CUSTOS_TYPE_TREATMENT, CUSTOS_TREATMENT_CHANGE_LIKELIHOOD →
 * "Change likelihood". Falls back to the nick for unknown values. */
const char *custos_enum_value_label (GType type,
                                     int   value);
/* The labels of the set bits of a flags value, joined by ", " (newly allocated). */
char       *custos_flags_label      (GType type,
                                     guint value);

/* The label of a nick as reports and CSV show it, whatever its enum
 * ("change-likelihood" → "Change the likelihood"); the nick if none. */
const char *custos_nick_label       (const char *nick);
/* The value of an enum (or one flag) that text names: its nick or its label
 * in the editors or the reports, translated or not, in any case. */
gboolean    custos_enum_value_parse (GType       type,
                                     const char *text,
                                     int        *value);

G_END_DECLS
