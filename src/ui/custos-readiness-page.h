/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "custos-readiness.h"

G_BEGIN_DECLS

#define CUSTOS_TYPE_READINESS_PAGE (custos_readiness_page_get_type ())
G_DECLARE_FINAL_TYPE (CustosReadinessPage, custos_readiness_page, CUSTOS, READINESS_PAGE, AdwBin)

/* The check as last shown (for tests). */
CustosReadiness *custos_readiness_page_get_readiness (CustosReadinessPage *self);

G_END_DECLS
