/* SPDX-License-Identifier: GPL-3.0-or-later */
/* custos-risks-page.h — clause 6.1.2: the heatmap above the risk register */
#pragma once

#include <gtk/gtk.h>

#include "custos-document.h"
#include "custos-heatmap-view.h"
#include "custos-register-view.h"

G_BEGIN_DECLS

/* What the risk list is narrowed to; every part is ANDed. */
typedef struct
{
  gboolean  residual;     /* cell and band by residual levels (as the heatmap shows) */
  int       likelihood;   /* a heatmap cell; 0: any */
  int       consequence;
  int       band;         /* band index in the criteria; -1: any */
  char     *owner;        /* role id; NULL: any */
  int       status;       /* CustosRiskStatus; -1: any */
  char     *asset;        /* asset id the risk names; NULL: any */
  char     *control;      /* Annex A control id the risk selects; NULL: any */
} CustosRiskFilter;

void      custos_risk_filter_init      (CustosRiskFilter       *filter);
/* Frees the strings and resets every part to "any" (residual stays). */
void      custos_risk_filter_clear     (CustosRiskFilter       *filter);
gboolean  custos_risk_filter_is_active (const CustosRiskFilter *filter);
gboolean  custos_risk_filter_matches   (const CustosRiskFilter *filter,
                                        CustosDocument         *document,
                                        CustosRecord           *risk);

#define CUSTOS_TYPE_RISKS_PAGE (custos_risks_page_get_type ())
G_DECLARE_FINAL_TYPE (CustosRisksPage, custos_risks_page, CUSTOS, RISKS_PAGE, GtkWidget)

GtkWidget              *custos_risks_page_new                (void);
CustosDocument         *custos_risks_page_get_document       (CustosRisksPage *self);
void                    custos_risks_page_set_document       (CustosRisksPage *self,
                                                              CustosDocument  *document);
CustosRegisterView     *custos_risks_page_get_register_view  (CustosRisksPage *self);
CustosHeatmapView      *custos_risks_page_get_heatmap        (CustosRisksPage *self);
const CustosRiskFilter *custos_risks_page_get_filter         (CustosRisksPage *self);

/* Each also shows the filter bar; NULL, -1 or 0 removes that part. */
void                    custos_risks_page_set_cell_filter    (CustosRisksPage *self,
                                                              int              likelihood,
                                                              int              consequence);
void                    custos_risks_page_set_band_filter    (CustosRisksPage *self,
                                                              int              band);
void                    custos_risks_page_set_owner_filter   (CustosRisksPage *self,
                                                              const char      *role_id);
void                    custos_risks_page_set_status_filter  (CustosRisksPage *self,
                                                              int              status);
void                    custos_risks_page_set_asset_filter   (CustosRisksPage *self,
                                                              const char      *asset_id);
void                    custos_risks_page_set_control_filter (CustosRisksPage *self,
                                                              const char      *control_id);
void                    custos_risks_page_clear_filters      (CustosRisksPage *self);
/* Selects a risk in the list, dropping the filters that would hide it. */
void                    custos_risks_page_show_risk          (CustosRisksPage *self,
                                                              CustosRecord    *risk);

G_END_DECLS
