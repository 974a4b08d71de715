/* SPDX-License-Identifier: GPL-3.0-or-later */
/* custos-asset-risks.h — the risks that name an asset, under its form */
#pragma once

#include <gtk/gtk.h>

#include "custos-document.h"

G_BEGIN_DECLS

#define CUSTOS_TYPE_ASSET_RISKS (custos_asset_risks_get_type ())
G_DECLARE_FINAL_TYPE (CustosAssetRisks, custos_asset_risks, CUSTOS, ASSET_RISKS, GtkWidget)

GtkWidget      *custos_asset_risks_new          (void);
CustosDocument *custos_asset_risks_get_document (CustosAssetRisks *self);
void            custos_asset_risks_set_document (CustosAssetRisks *self,
                                                 CustosDocument   *document);
CustosRecord   *custos_asset_risks_get_asset    (CustosAssetRisks *self);
void            custos_asset_risks_set_asset    (CustosAssetRisks *self,
                                                 CustosRecord     *asset);
/* The risks shown: those whose assets name the asset, in register order
 * (new references). */
GPtrArray      *custos_asset_risks_collect      (CustosDocument   *document,
                                                 const char       *asset_id);
guint           custos_asset_risks_get_n_risks  (CustosAssetRisks *self);

G_END_DECLS
