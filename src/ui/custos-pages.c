/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "custos-kinds.h"
#include "custos-pages.h"

static const char *register_pages[CUSTOS_N_REGISTERS] = {
  [CUSTOS_REGISTER_REVISIONS] = "support",
  [CUSTOS_REGISTER_ISSUES] = "context",
  [CUSTOS_REGISTER_PARTIES] = "context",
  [CUSTOS_REGISTER_REQUIREMENTS] = "context",
  [CUSTOS_REGISTER_ROLES] = "leadership",
  [CUSTOS_REGISTER_ASSETS] = "assets",
  [CUSTOS_REGISTER_RISKS] = "risks",
  [CUSTOS_REGISTER_ACTIONS] = "treatment",
  [CUSTOS_REGISTER_SOA] = "soa",
  [CUSTOS_REGISTER_EVIDENCE] = "soa",
  [CUSTOS_REGISTER_OBJECTIVES] = "objectives",
  [CUSTOS_REGISTER_COMPETENCES] = "support",
  [CUSTOS_REGISTER_TRAININGS] = "support",
  [CUSTOS_REGISTER_COMMUNICATIONS] = "support",
  [CUSTOS_REGISTER_DOCUMENTS] = "support",
  [CUSTOS_REGISTER_PROCESSES] = "operation",
  [CUSTOS_REGISTER_SUPPLIERS] = "operation",
  [CUSTOS_REGISTER_MEASURES] = "performance",
  [CUSTOS_REGISTER_MEASUREMENTS] = "performance",
  [CUSTOS_REGISTER_AUDITS] = "performance",
  [CUSTOS_REGISTER_FINDINGS] = "performance",
  [CUSTOS_REGISTER_REVIEWS] = "performance",
  [CUSTOS_REGISTER_REVIEW_ACTIONS] = "performance",
  [CUSTOS_REGISTER_NONCONFORMITIES] = "improvement",
  [CUSTOS_REGISTER_INCIDENTS] = "improvement",
  [CUSTOS_REGISTER_MERGE_CONFLICTS] = "overview",
};

static const char *section_pages[CUSTOS_N_SECTIONS] = {
  [CUSTOS_SECTION_ORGANISATION] = "overview",
  [CUSTOS_SECTION_SCOPE] = "context",
  [CUSTOS_SECTION_POLICY] = "leadership",
  [CUSTOS_SECTION_REASSESSMENT] = "operation",
  [CUSTOS_SECTION_PLAN_APPROVAL] = "treatment",
  [CUSTOS_SECTION_ISMS_PROCESSES] = "context",
  [CUSTOS_SECTION_LEADERSHIP] = "leadership",
  [CUSTOS_SECTION_ISMS_RISKS] = "objectives",
  [CUSTOS_SECTION_CHANGE_PLANNING] = "objectives",
  [CUSTOS_SECTION_ISMS_RESOURCES] = "support",
  [CUSTOS_SECTION_CONTINUAL_IMPROVEMENT] = "improvement",
};

const char *
custos_page_for_register (int reg)
{
  return reg >= 0 && reg < CUSTOS_N_REGISTERS ? register_pages[reg] : "overview";
}

const char *
custos_page_for_section (int section)
{
  return section >= 0 && section < CUSTOS_N_SECTIONS ? section_pages[section] : "overview";
}
