/* SPDX-License-Identifier: GPL-3.0-or-later */
/* custos-treatment-page.h — clause 6.1.3: the risk treatment plan */
#pragma once

#include <gtk/gtk.h>

#include "custos-document.h"
#include "custos-register-view.h"

G_BEGIN_DECLS

/* Where an action stands against its due date. */
typedef enum
{
  CUSTOS_ACTION_TIMING_NO_DATE,   /* open, no due date */
  CUSTOS_ACTION_TIMING_PLANNED,   /* open, due later */
  CUSTOS_ACTION_TIMING_DUE_SOON,  /* open, due within CUSTOS_ACTION_DUE_SOON_DAYS */
  CUSTOS_ACTION_TIMING_OVERDUE,   /* open, due before today */
  CUSTOS_ACTION_TIMING_DONE,
  CUSTOS_ACTION_TIMING_CANCELLED,
} CustosActionTiming;

#define CUSTOS_ACTION_DUE_SOON_DAYS 14

/* days: for OVERDUE the days since the due date, for PLANNED and DUE_SOON
 * the days left (may be NULL). */
CustosActionTiming custos_action_timing     (CustosRecord *action,
                                             const GDate  *today,
                                             int          *days);
/* Due before today and neither done nor cancelled. */
gboolean           custos_action_is_overdue (CustosRecord *action,
                                             const GDate  *today);
/* Whether a risk is being treated: an option other than "not decided" or
 * "accept", and not closed. */
gboolean           custos_risk_is_treated   (CustosRecord *risk);

/* What the plan's approval says as of a date. Approval dates are the ones
 * in the plan-approval section; nothing records when an action was added or
 * changed, so "changed since approval" is told from the dates the plan does
 * hold (see custos-treatment-page.c). */
typedef struct
{
  guint    n_actions;
  guint    n_open;               /* neither done nor cancelled */
  guint    n_done;
  guint    n_overdue;
  guint    n_treated_risks;
  guint    n_treated_without_actions;
  gboolean management_approved;  /* a top-management approval date is set */
  GDate    management_date;
  gboolean owners_approved;      /* a risk owners' approval date is set */
  GDate    owners_date;
  GDate    approved_date;        /* the later of the two that are set */
  guint    n_accepted_after;     /* risks accepted after the approval */
  gboolean reassessed_after;     /* the risks were reassessed after the approval */
  GDate    reassessed_date;
  gboolean approval_expired;     /* older than the reassessment interval */
  int      interval_months;
  guint    n_due_after;          /* open actions due after the approval */
  gboolean out_of_date;          /* approved, but one of the above calls for a new approval */
} CustosPlanState;

void               custos_plan_state_compute (CustosDocument  *document,
                                              const GDate     *today,
                                              CustosPlanState *state);

#define CUSTOS_TYPE_TREATMENT_PAGE (custos_treatment_page_get_type ())
G_DECLARE_FINAL_TYPE (CustosTreatmentPage, custos_treatment_page, CUSTOS, TREATMENT_PAGE, GtkWidget)

GtkWidget          *custos_treatment_page_new               (void);
CustosDocument     *custos_treatment_page_get_document      (CustosTreatmentPage *self);
void                custos_treatment_page_set_document      (CustosTreatmentPage *self,
                                                             CustosDocument      *document);
CustosRegisterView *custos_treatment_page_get_register_view (CustosTreatmentPage *self);
const CustosPlanState *custos_treatment_page_get_state      (CustosTreatmentPage *self);
/* Shows only overdue actions. */
void                custos_treatment_page_set_overdue_only  (CustosTreatmentPage *self,
                                                             gboolean             overdue_only);
/* Whether the row of the action at a position of the list is highlighted. */
gboolean            custos_treatment_page_row_is_highlighted (CustosTreatmentPage *self,
                                                              CustosRecord        *action);

G_END_DECLS
