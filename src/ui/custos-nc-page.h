/* SPDX-License-Identifier: GPL-3.0-or-later */
/* custos-nc-page.h — nonconformities and corrective action (10.2): the
 * register with, beside its form, the life cycle and a 5-whys root-cause editor */
#pragma once

#include <adwaita.h>

#include "custos-register-view.h"

G_BEGIN_DECLS

#define CUSTOS_TYPE_NC_PAGE (custos_nc_page_get_type ())
G_DECLARE_FINAL_TYPE (CustosNcPage, custos_nc_page, CUSTOS, NC_PAGE, AdwBin)

GtkWidget          *custos_nc_page_new                 (void);

CustosRegisterView *custos_nc_page_get_register_view   (CustosNcPage *self);
/* The nonconformity shown beside the form (the register's selection). */
CustosRecord       *custos_nc_page_get_nonconformity   (CustosNcPage *self);

/* The 5-whys editor: "Why 1" … (at least five rows, more when the
 * nonconformity has more whys). Rows are AdwEntryRows, bound to the
 * nonconformity's "whys" (blank answers are left out). */
guint               custos_nc_page_get_n_whys          (CustosNcPage *self);
GtkEditable        *custos_nc_page_get_why             (CustosNcPage *self,
                                                        guint         index);
/* Edits "root-cause". */
GtkTextView        *custos_nc_page_get_root_cause_view (CustosNcPage *self);

/* The life cycle as shown: the step (a CustosNcStatus) marked current, and
 * the label of the button that moves on to the next step (NULL when closed).
 * The button activates nc.advance; why it cannot, if it cannot, is
 * custos_nc_page_get_advance_hint(). */
int                 custos_nc_page_get_current_step    (CustosNcPage *self);
const char         *custos_nc_page_get_advance_label   (CustosNcPage *self);
const char         *custos_nc_page_get_advance_hint    (CustosNcPage *self);

G_END_DECLS
