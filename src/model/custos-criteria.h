/* SPDX-License-Identifier: GPL-3.0-or-later */
/* custos-criteria.h — risk acceptance and assessment criteria (clause 6.1.2 a) */
#pragma once

#include <glib-object.h>

#include "custos-types.h"

G_BEGIN_DECLS

typedef enum
{
  CUSTOS_SCALE_LIKELIHOOD,
  CUSTOS_SCALE_CONSEQUENCE,
} CustosScale;

#define CUSTOS_MIN_LEVELS 3
#define CUSTOS_MAX_LEVELS 6

typedef struct
{
  char *label;   /* "Likely" */
  char *meaning; /* "Several times a year" */
} CustosLevel;

/* A band covers the scores min..max inclusive; bands are ordered and contiguous. */
typedef struct
{
  char     *name;        /* "High" */
  char     *colour;      /* "#e66100" */
  int       min;
  int       max;
  char     *action;      /* required action */
  char     *timescale;   /* "Within 3 months" */
  gboolean  acceptable;  /* may a risk in this band be accepted? */
  char     *accepted_by; /* who may accept it */
} CustosBand;

#define CUSTOS_TYPE_CRITERIA (custos_criteria_get_type ())
G_DECLARE_FINAL_TYPE (CustosCriteria, custos_criteria, CUSTOS, CRITERIA, GObject)

CustosCriteria    *custos_criteria_new          (void);
CustosCriteria    *custos_criteria_new_default  (void);
CustosCriteria    *custos_criteria_copy         (CustosCriteria     *self);
gboolean           custos_criteria_equal        (CustosCriteria     *a,
                                                 CustosCriteria     *b);

CustosScoring      custos_criteria_get_scoring  (CustosCriteria     *self);
void               custos_criteria_set_scoring  (CustosCriteria     *self,
                                                 CustosScoring       scoring);
guint              custos_criteria_get_n_levels (CustosCriteria     *self,
                                                 CustosScale         scale);
/* value is 1-based, as in the file and on screen */
const CustosLevel *custos_criteria_get_level    (CustosCriteria     *self,
                                                 CustosScale         scale,
                                                 guint               value);
void               custos_criteria_set_levels   (CustosCriteria     *self,
                                                 CustosScale         scale,
                                                 const CustosLevel  *levels,
                                                 guint               n_levels);
guint              custos_criteria_get_n_bands  (CustosCriteria     *self);
const CustosBand  *custos_criteria_get_band     (CustosCriteria     *self,
                                                 guint               index);
void               custos_criteria_set_bands    (CustosCriteria     *self,
                                                 const CustosBand   *bands,
                                                 guint               n_bands);

/* 0 when either level is not set */
int                custos_criteria_score        (CustosCriteria     *self,
                                                 int                 likelihood,
                                                 int                 consequence);
int                custos_criteria_min_score    (CustosCriteria     *self);
int                custos_criteria_max_score    (CustosCriteria     *self);
/* -1 when the score is 0 or falls in no band */
int                custos_criteria_band_index   (CustosCriteria     *self,
                                                 int                 score);
/* The lowest score of any band that may not be accepted (G_MAXINT if none). */
int                custos_criteria_acceptance_threshold (CustosCriteria *self);
gboolean           custos_criteria_validate     (CustosCriteria     *self,
                                                 char              **message);

G_END_DECLS
