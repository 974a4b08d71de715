/* SPDX-License-Identifier: GPL-3.0-or-later */
/* custos-review-prefill.h — the inputs of a management review (9.3.2),
 * written from the document's own records */
#pragma once

#include "custos-document.h"

G_BEGIN_DECLS

/* The inputs clause 9.3.2 (2022) requires, in its order; each is a TEXT field
 * of a management review. */
typedef enum
{
  CUSTOS_REVIEW_INPUT_PREVIOUS_ACTIONS, /* a) status of actions from previous reviews */
  CUSTOS_REVIEW_INPUT_ISSUE_CHANGES,    /* b) changes in external and internal issues */
  CUSTOS_REVIEW_INPUT_PARTY_CHANGES,    /* c) changes in interested parties' needs and expectations */
  CUSTOS_REVIEW_INPUT_NONCONFORMITIES,  /* d) 1) nonconformities and corrective actions */
  CUSTOS_REVIEW_INPUT_MONITORING,       /* d) 2) monitoring and measurement results */
  CUSTOS_REVIEW_INPUT_AUDITS,           /* d) 3) audit results */
  CUSTOS_REVIEW_INPUT_OBJECTIVES,       /* d) 4) fulfilment of objectives */
  CUSTOS_REVIEW_INPUT_FEEDBACK,         /* e) feedback from interested parties */
  CUSTOS_REVIEW_INPUT_RISKS,            /* f) risk assessment results, treatment plan status */
  CUSTOS_REVIEW_INPUT_OPPORTUNITIES,    /* g) opportunities for continual improvement */
  CUSTOS_N_REVIEW_INPUTS,
} CustosReviewInput;

/* The review field that holds an input (CUSTOS_REVIEW_FIELD_PREVIOUS_ACTIONS …). */
CustosReviewField custos_review_input_field     (CustosReviewInput  input);
/* "9.3.2 a)", "9.3.2 d) 1)" … */
const char   *custos_review_input_clause        (CustosReviewInput  input);

/* What the records say about one input as of today, as text a review can
 * keep (translated; never empty). exclude_review: a review whose own actions
 * are not "from previous reviews" and which is not "the previous review"
 * (the review being filled in), or NULL. */
char         *custos_review_prefill_input       (CustosDocument    *document,
                                                 CustosReviewInput  input,
                                                 const GDate       *today,
                                                 CustosRecord      *exclude_review);
/* The holders of the top-management roles, "Name (Role), …", or NULL. */
char         *custos_review_prefill_attendees   (CustosDocument    *document);
/* The review held before date (latest date strictly before it), other than
 * exclude; NULL if none. Borrowed. */
CustosRecord *custos_review_prefill_previous    (CustosDocument    *document,
                                                 const GDate       *date,
                                                 CustosRecord      *exclude);

/* A new review dated today with its attendees and every input filled in, as
 * one undoable step. Returns it (borrowed). */
CustosRecord *custos_review_prefill_new         (CustosDocument    *document,
                                                 const GDate       *today);
/* Fills in the empty inputs (and attendees) of an existing review as of its
 * date (today if it has none), as one undoable step; what was typed is
 * kept. Returns the number of fields filled. */
guint         custos_review_prefill_fill_empty  (CustosDocument    *document,
                                                 CustosRecord      *review,
                                                 const GDate       *today);

G_END_DECLS
