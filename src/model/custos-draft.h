/* SPDX-License-Identifier: GPL-3.0-or-later */
/* custos-draft.h — a first ISMS drafted from a few answers
 *
 * For a small organisation that starts from nothing: from its name, sector,
 * size, sites and the cloud services and devices it uses, drafts the
 * organisation and scope, context issues (climate change among them, as
 * ISO/IEC 27001:2022/Amd 1:2024 asks), interested parties, roles, typical
 * assets and risks from a threat and vulnerability catalogue written for
 * small organisations (resources/catalogues/draft-*.tsv, each threat with
 * the Annex A controls that treat it) with their treatment actions and the
 * residual levels they aim at, two objectives, and an SoA decision with a
 * draft justification for every control; the ISMS's own sections, a
 * competence requirement, processes, a measure, and a first internal audit
 * and management review planned ahead. What only people or running the ISMS
 * give (the policy's authorisation, the plan's approval, audit and review
 * results, records) is left for people. Everything drafted is marked "to
 * review", so the readiness check lists it until a person has confirmed it
 * (and holds back the findings about it until then: docs/READINESS.md).
 */
#pragma once

#include "custos-document.h"

G_BEGIN_DECLS

typedef enum
{
  CUSTOS_SECTOR_ACCOUNTANCY,   /* accountancy and professional services */
  CUSTOS_SECTOR_RETAIL,        /* retail and e-commerce */
  CUSTOS_SECTOR_SOFTWARE,      /* software and IT services */
  CUSTOS_SECTOR_HEALTHCARE,    /* a healthcare practice */
  CUSTOS_SECTOR_MANUFACTURING,
  CUSTOS_SECTOR_CHARITY,       /* charity or non-profit */
  CUSTOS_N_SECTORS,
} CustosSector;

/* What the organisation uses. */
typedef enum /*< flags >*/
{
  CUSTOS_DRAFT_MICROSOFT_365   = 1 << 0,
  CUSTOS_DRAFT_GOOGLE          = 1 << 1,
  CUSTOS_DRAFT_CLOUD_HOSTING   = 1 << 2, /* AWS, Azure … */
  CUSTOS_DRAFT_ACCOUNTING_SAAS = 1 << 3,
  CUSTOS_DRAFT_CRM             = 1 << 4,
  CUSTOS_DRAFT_LAPTOPS         = 1 << 5,
  CUSTOS_DRAFT_PHONES          = 1 << 6,
  CUSTOS_DRAFT_BYOD            = 1 << 7,
  CUSTOS_DRAFT_SERVERS         = 1 << 8, /* on the premises */
} CustosDraftUses;

#define CUSTOS_DRAFT_N_USES 9

typedef struct
{
  const char   *organisation;
  CustosSector  sector;
  guint         employees;
  const char   *sites;        /* "One office in Leeds" */
  guint         uses;         /* CustosDraftUses */
  const GDate  *today;        /* dates the risk assessment and plans; NULL: the local date */
} CustosDraftAnswers;

/* "accountancy", "retail", "software", "healthcare", "manufacturing", "charity" */
const char     *custos_sector_get_name  (CustosSector sector);
const char     *custos_sector_get_label (CustosSector sector);
gboolean        custos_sector_parse     (const char   *name,
                                         CustosSector *sector);
/* The label of one CustosDraftUses bit, by index (0 … CUSTOS_DRAFT_N_USES - 1). */
const char     *custos_draft_use_label  (guint         index);

/* A new 2022 document drafted from the answers, every part to review. */
CustosDocument *custos_draft_new        (const CustosDraftAnswers *answers);

G_END_DECLS
