/* SPDX-License-Identifier: GPL-3.0-or-later */
/* custos-review-page.h — management reviews (9.3): the reviews with their
 * inputs pre-filled from the records, then the decisions and actions */
#pragma once

#include <adwaita.h>

#include "custos-record-editor.h"
#include "custos-register-view.h"

G_BEGIN_DECLS

#define CUSTOS_TYPE_REVIEW_PAGE (custos_review_page_get_type ())
G_DECLARE_FINAL_TYPE (CustosReviewPage, custos_review_page, CUSTOS, REVIEW_PAGE, AdwBin)

GtkWidget          *custos_review_page_new               (void);

CustosRegisterView *custos_review_page_get_register_view (CustosReviewPage *self);
/* The actions decided at the selected review, one row each, in register order. */
GtkListBox         *custos_review_page_get_actions_list  (CustosReviewPage *self);
/* Edits the action selected in that list. */
CustosRecordEditor *custos_review_page_get_action_editor (CustosReviewPage *self);

G_END_DECLS
