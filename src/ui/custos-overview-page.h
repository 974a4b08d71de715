/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "custos-document.h"

G_BEGIN_DECLS

#define CUSTOS_TYPE_OVERVIEW_PAGE (custos_overview_page_get_type ())
G_DECLARE_FINAL_TYPE (CustosOverviewPage, custos_overview_page, CUSTOS, OVERVIEW_PAGE, AdwBin)

/* The steps it currently suggests, as "page-name" strings (for tests). */
GStrv custos_overview_page_get_steps (CustosOverviewPage *self);

G_END_DECLS
