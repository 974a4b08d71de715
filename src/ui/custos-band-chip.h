/* SPDX-License-Identifier: GPL-3.0-or-later */
/* custos-band-chip.h — a score and its risk band as a small coloured chip */
#pragma once

#include <gtk/gtk.h>

#include "custos-document.h"
#include "custos-heatmap.h"

G_BEGIN_DECLS

#define CUSTOS_TYPE_BAND_CHIP (custos_band_chip_get_type ())
G_DECLARE_FINAL_TYPE (CustosBandChip, custos_band_chip, CUSTOS, BAND_CHIP, GtkWidget)

GtkWidget  *custos_band_chip_new       (void);
/* Shows text on the colour 0xRRGGBB in a readable ink; without a colour the
 * text stands alone, dimmed ("Not assessed"). */
void        custos_band_chip_set       (CustosBandChip *self,
                                        const char     *text,
                                        gboolean        has_colour,
                                        guint32         colour);
const char *custos_band_chip_get_text  (CustosBandChip *self);
/* Shows a risk's inherent or residual score and band under the document's
 * criteria, in the palette's colour. */
void        custos_band_chip_show_risk (CustosBandChip       *self,
                                        CustosDocument       *document,
                                        CustosRecord         *risk,
                                        gboolean              residual,
                                        CustosHeatmapPalette  palette);

/* "12 · High", "12" (a score in no band) or NULL (not scored); the text of
 * a risk's chip, for the chip and for tests. */
char       *custos_band_chip_format    (CustosDocument       *document,
                                        CustosRecord         *risk,
                                        gboolean              residual);

G_END_DECLS
