/* SPDX-License-Identifier: GPL-3.0-or-later */
/* custos-report-text.h — record values as people read them in reports and CSV */
#pragma once

#include "custos-document.h"
#include "custos-heatmap.h"

G_BEGIN_DECLS

/* A translated label for an enumeration or flags value ("change-likelihood"
 * → "Change the likelihood"). */
const char *custos_report_value_label     (GType              type,
                                           guint              value);
/* A field of a record for display: enum labels, "Yes"/"No", role titles for
 * references to roles, ids for other references, criteria labels for
 * likelihood and consequence ("4 · Likely"), lists joined by sep. Empty values
 * give "". */
char       *custos_report_field_text      (CustosDocument    *document,
                                           CustosRecord      *record,
                                           guint              field,
                                           const char        *sep);
/* A level of a scale as "4 · Likely", or "" when not set. */
char       *custos_report_level_text      (CustosDocument    *document,
                                           CustosScale        scale,
                                           int                value);
/* "12 High", or "" when the risk is not scored. */
char       *custos_report_score_text      (CustosDocument    *document,
                                           CustosRecord      *risk,
                                           gboolean           residual);
/* The band colour of a risk as 0xRRGGBB (grey when not scored). */
guint32     custos_report_score_colour    (CustosDocument    *document,
                                           CustosRecord      *risk,
                                           gboolean           residual,
                                           CustosHeatmapPalette palette);

G_END_DECLS
