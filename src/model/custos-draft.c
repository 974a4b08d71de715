/* SPDX-License-Identifier: GPL-3.0-or-later */
/* custos-draft.c — a first ISMS drafted from a few answers */
#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "custos-draft.h"
#include "custos-enums.h"

#define RESOURCE_DIR "/io/github/custos/Custos/catalogues/"

typedef struct
{
  const char *name;
  const char *label;
  const char *activity;   /* what the organisation does, for the scope */
  const char *token;      /* the catalogue condition the sector brings */
  const char *customers;  /* who it serves */
  const char *regulator;  /* whose rules it follows besides data protection */
  const char *issue;      /* the sector's own issue */
  const char *issue_description;
} Sector;

static const Sector sectors[CUSTOS_N_SECTORS] = {
  { "accountancy", N_("Accountancy and professional services"), N_("accountancy, tax and payroll services for clients"),
    "clientdata", N_("Clients"), N_("Professional body and tax authority"),
    N_("Clients trust us with their financial and identity data"),
    N_("Tax returns, payroll and identity documents are what fraudsters look for; professional rules and "
       "anti-money-laundering checks require that we keep them safe and available.") },
  { "retail", N_("Retail and e-commerce"), N_("selling goods in a shop and online"),
    "cards", N_("Customers"), N_("Card schemes and payment provider (PCI DSS)"),
    N_("Online sales depend on the web shop and the payment provider"),
    N_("An outage or a compromise of the shop stops sales at once and can expose customers' payment data.") },
  { "software", N_("Software and IT services"), N_("developing software and running IT services for customers"),
    "code", N_("Customers"), N_("Customers' security requirements and contracts"),
    N_("Customers ask for evidence of security before they buy"),
    N_("Security questionnaires, contract clauses and certification are part of winning and keeping "
       "customers; a compromise of what we ship would reach them all.") },
  { "healthcare", N_("Healthcare practice"), N_("providing care to patients"),
    "patients", N_("Patients"), N_("Health regulator and health-service data rules"),
    N_("Patient confidentiality and the availability of records"),
    N_("Care depends on records being available when needed and seen only by those treating the patient; "
       "health data is special category personal data.") },
  { "manufacturing", N_("Manufacturing"), N_("designing and manufacturing products"),
    "ot", N_("Customers"), N_("Customers' quality and supply-chain requirements"),
    N_("Production depends on machines and the computers that run them"),
    N_("A stoppage of the shop floor delays deliveries; customers' designs entrusted to us must stay "
       "confidential.") },
  { "charity", N_("Charity or non-profit"), N_("running charitable activities for beneficiaries with staff and volunteers"),
    "donors", N_("Supporters and beneficiaries"), N_("Charity regulator and fundraising rules"),
    N_("Volunteers and a small budget for IT"),
    N_("Volunteers come and go and often use their own devices; trust of supporters and beneficiaries is "
       "hard to regain after a breach.") },
};

/* In CustosDraftUses bit order; token is the catalogue condition. */
static const struct
{
  const char *token;
  const char *label;
} uses[CUSTOS_DRAFT_N_USES] = {
  { "m365", N_("Microsoft 365") },
  { "google", N_("Google Workspace") },
  { "cloud", N_("Cloud hosting (AWS, Azure …)") },
  { "accounting", N_("Accounting software (online)") },
  { "crm", N_("CRM (customer or supporter database)") },
  { "laptops", N_("Laptops") },
  { "phones", N_("Company phones") },
  { "byod", N_("Personal devices used for work") },
  { "servers", N_("Servers on the premises") },
};

/* Whether a use of the assistant is an online service run by a supplier. */
static gboolean
is_online_service (const char *token)
{
  return g_str_equal (token, "m365") || g_str_equal (token, "google") || g_str_equal (token, "cloud") ||
         g_str_equal (token, "accounting") || g_str_equal (token, "crm");
}

const char *
custos_sector_get_name (CustosSector sector)
{
  g_return_val_if_fail (sector < CUSTOS_N_SECTORS, NULL);
  return sectors[sector].name;
}

const char *
custos_sector_get_label (CustosSector sector)
{
  g_return_val_if_fail (sector < CUSTOS_N_SECTORS, NULL);
  return _(sectors[sector].label);
}

gboolean
custos_sector_parse (const char   *name,
                     CustosSector *sector)
{
  for (guint s = 0; s < CUSTOS_N_SECTORS; s++)
    if (g_strcmp0 (name, sectors[s].name) == 0)
      {
        *sector = (CustosSector) s;
        return TRUE;
      }
  return FALSE;
}

const char *
custos_draft_use_label (guint index)
{
  g_return_val_if_fail (index < CUSTOS_DRAFT_N_USES, NULL);
  return _(uses[index].label);
}

/* The drafting in progress. */
typedef struct
{
  const CustosDraftAnswers *answers;
  const Sector             *sector;
  CustosDocument           *doc;
  GHashTable               *tokens;   /* conditions that hold */
  GHashTable               *assets;   /* catalogue key -> asset id */
  const char               *lead;     /* role ids */
  const char               *top;
  GDate                     today;
} Draft;

/* today + months, as YYYY-MM-DD (newly allocated). */
static char *
in_months (Draft *d,
           guint  months)
{
  GDate date = d->today;
  char text[CUSTOS_DATE_ISO_SIZE];

  g_date_add_months (&date, months);
  custos_date_format_iso (&date, text);
  return g_strdup (text);
}

/* Catalogue rows: tab-separated, a comment line, then a header. */
static GPtrArray *
load_rows (const char *name)
{
  g_autofree char *path = g_strconcat (RESOURCE_DIR, name, NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = g_resources_lookup_data (path, G_RESOURCE_LOOKUP_FLAGS_NONE, &error);
  g_auto(GStrv) lines = NULL;
  GPtrArray *rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);

  if (bytes == NULL)
    g_error ("Cannot load the drafting catalogue %s: %s", path, error->message);
  lines = g_strsplit (g_bytes_get_data (bytes, NULL), "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    if (lines[i][0] != '#' && lines[i][0] != '\0' && i > 1)
      g_ptr_array_add (rows, g_strsplit (lines[i], "\t", -1));
  return rows;
}

/* Whether any condition of a space-separated list holds. */
static gboolean
holds (Draft      *d,
       const char *when)
{
  g_auto(GStrv) conditions = g_strsplit (when, " ", -1);

  for (guint i = 0; conditions[i] != NULL; i++)
    if (g_hash_table_contains (d->tokens, conditions[i]))
      return TRUE;
  return FALSE;
}

static CustosRecord *
add (Draft          *d,
     CustosRegister  reg)
{
  CustosRecord *record = custos_document_add_new (d->doc, reg);

  custos_record_set_to_review (record, TRUE);
  return record;
}

static void
draft_sections (Draft *d)
{
  const CustosDraftAnswers *a = d->answers;
  CustosOrganisation *org = custos_document_get_organisation (d->doc);
  CustosScope *scope = custos_document_get_scope (d->doc);
  g_autoptr(GString) systems = g_string_new (NULL);
  g_autofree char *statement = NULL;
  g_autofree char *groups = NULL;
  g_autofree char *processes = NULL;

  custos_organisation_set_name (org, a->organisation);
  custos_organisation_set_sector (org, _(d->sector->label));
  custos_organisation_set_employees (org, (int) MIN (a->employees, 1000000));
  custos_organisation_set_isms_owner (org, _("Information security lead"));
  custos_record_set_to_review (CUSTOS_RECORD (org), TRUE);

  for (guint i = 0; i < CUSTOS_DRAFT_N_USES; i++)
    if (a->uses & (1u << i))
      g_string_append_printf (systems, "%s%s", systems->len ? ", " : "", _(uses[i].label));
  statement = g_strdup_printf (_("The information security management system of %s covers %s, the information "
                                 "and systems used for it and the people who do it."),
                               a->organisation, _(d->sector->activity));
  groups = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "All staff (%u person), and contractors with access to our systems",
                                         "All staff (%u people), and contractors with access to our systems", a->employees),
                            a->employees);
  processes = g_strdup_printf (_("All activities of %s: %s; administration, finance and IT."), a->organisation,
                               _(d->sector->activity));
  custos_scope_set_statement (scope, statement);
  custos_scope_set_sites (scope, a->sites != NULL && *a->sites ? a->sites : _("The office, and staff working from home"));
  custos_scope_set_networks (scope, systems->len ? systems->str : _("The office network and the internet connection"));
  custos_scope_set_employee_groups (scope, groups);
  custos_scope_set_processes (scope, processes);
  custos_scope_set_interfaces (scope, _("Cloud and IT suppliers, the IT support provider, banks and payment providers, "
                                       "and the authorities we report to."));
  custos_record_set_to_review (CUSTOS_RECORD (scope), TRUE);
}

static CustosIssue *
draft_issue (Draft           *d,
             CustosIssueKind  kind,
             const char      *category,
             const char      *title,
             const char      *description,
             const char      *effect)
{
  CustosIssue *issue = CUSTOS_ISSUE (add (d, CUSTOS_REGISTER_ISSUES));

  custos_issue_set_title (issue, title);
  custos_issue_set_kind (issue, kind);
  custos_issue_set_category (issue, category);
  custos_issue_set_description (issue, description);
  custos_issue_set_effect (issue, effect);
  return issue;
}

static void
draft_issues (Draft *d)
{
  draft_issue (d, CUSTOS_ISSUE_KIND_EXTERNAL, _("Technological"), _("Cyber crime aimed at small organisations"),
               _("Phishing, fraud and ransomware are run at scale; small organisations are targeted because they "
                 "are expected to have few defences."),
               _("The risk assessment starts from these threats; awareness and basic technical controls come first."));
  draft_issue (d, CUSTOS_ISSUE_KIND_EXTERNAL, _("Legal"), _("Data protection law"),
               _("We hold personal data of customers, staff and others and must protect it and report breaches."),
               _("Personal data is an asset class of its own; breaches are handled as incidents with a deadline."));
  draft_issue (d, CUSTOS_ISSUE_KIND_EXTERNAL, _("Suppliers"), _("Reliance on cloud and IT suppliers"),
               _("Email, files and the main systems are run by suppliers; an outage or breach at one of them is ours too."),
               _("Suppliers are chosen and reviewed for security (Annex A 5.19–5.23)."));
  /* The determination the amendment asks for (4.1), to be confirmed. */
  custos_issue_set_climate (draft_issue (d, CUSTOS_ISSUE_KIND_EXTERNAL, _("Environmental"), _("Climate change"),
                                         _("ISO/IEC 27001:2022/Amd 1:2024 asks whether climate change is a relevant "
                                           "issue. Floods, storms and heat can close the office, cut power or the "
                                           "internet, and disrupt suppliers' data centres."),
                                         _("Considered in continuity planning and supplier choice; to be confirmed "
                                           "as relevant or not.")),
                            TRUE);
  draft_issue (d, CUSTOS_ISSUE_KIND_INTERNAL, _("People"), _("A small team: key knowledge sits with few people"),
               _("Passwords, system knowledge and supplier contacts are often known to one person only."),
               _("Roles have deputies and key knowledge is written down."));
  draft_issue (d, CUSTOS_ISSUE_KIND_EXTERNAL, _(d->sector->label), _(d->sector->issue), _(d->sector->issue_description),
               _("Shapes which risks matter most and which controls are applied first."));
}

static void
draft_party (Draft      *d,
             const char *name,
             const char *needs,
             const char *addressed)
{
  CustosParty *party = CUSTOS_PARTY (add (d, CUSTOS_REGISTER_PARTIES));

  custos_party_set_name (party, name);
  custos_party_set_needs (party, needs);
  custos_party_set_relevant (party, TRUE);
  custos_party_set_addressed (party, addressed);
}

static void
draft_parties (Draft *d)
{
  draft_party (d, _(d->sector->customers), _("Their information is kept confidential and our services stay available."),
               _("Confidentiality in contracts and terms; this ISMS."));
  draft_party (d, _("Staff"), _("Clear rules, working systems, protection of their own personal data."),
               _("Policies, awareness training, HR data handled as confidential."));
  draft_party (d, _("Owners and directors"), _("The business is protected from losses, fines and damage to its reputation."),
               _("Management review of the ISMS."));
  draft_party (d, _("Data protection authority"), _("Personal data processed lawfully and breaches reported in time."),
               _("Records of processing, breach procedure."));
  draft_party (d, _(d->sector->regulator), _("The sector's rules on information are followed."),
               _("Legal and contractual requirements listed and reviewed (Annex A 5.31)."));
  draft_party (d, _("Cloud and IT suppliers"), _("Correct use of their services and timely payment."),
               _("Supplier agreements and reviews (Annex A 5.19–5.22)."));
  draft_party (d, _("Insurer"), _("Reasonable security measures, incidents reported promptly."),
               _("Controls evidenced by this ISMS; incident procedure."));
}

static const char *
draft_role (Draft      *d,
            const char *title,
            const char *responsibilities,
            const char *authority,
            gboolean    top)
{
  CustosRole *role = CUSTOS_ROLE (add (d, CUSTOS_REGISTER_ROLES));

  custos_role_set_title (role, title);
  custos_role_set_responsibilities (role, responsibilities);
  custos_role_set_authority (role, authority);
  custos_role_set_top_management (role, top);
  return custos_record_get_id (CUSTOS_RECORD (role));
}

static void
draft_roles (Draft *d)
{
  d->top = draft_role (d, _("Top management (owner or managing director)"),
                       _("Sets the information security policy and objectives, provides resources, approves risk "
                         "treatment and accepts residual risks, chairs the management review."),
                       _("Final decisions on the ISMS and its budget."), TRUE);
  d->lead = draft_role (d, _("Information security lead"),
                        _("Runs the ISMS day to day: keeps the registers and the risk assessment current, coordinates "
                          "incidents, training and internal audits, reports to top management."),
                        _("Can require changes to access and to systems to protect information."), FALSE);
  draft_role (d, _("Data protection lead"),
              _("Records of processing, data subject requests and personal data breaches."),
              _("Can stop processing that breaks data protection law."), FALSE);
  draft_role (d, _("IT support provider"),
              _("Manages devices, accounts, updates and backups under contract; reports incidents to the "
                "information security lead."),
              _("Administrator access as agreed in the contract."), FALSE);
}

static void
draft_assets (Draft *d)
{
  g_autoptr(GPtrArray) rows = load_rows ("draft-assets.tsv");
  g_autoptr(GEnumClass) types = g_type_class_ref (CUSTOS_TYPE_ASSET_TYPE);
  g_autoptr(GEnumClass) classes = g_type_class_ref (CUSTOS_TYPE_CLASSIFICATION);

  for (guint i = 0; i < rows->len; i++)
    {
      char **row = rows->pdata[i]; /* key, when, type, classification, name, description */
      CustosAsset *asset;
      GEnumValue *type, *class;

      if (g_strv_length (row) < 6 || !holds (d, row[1]))
        continue;
      type = g_enum_get_value_by_nick (types, row[2]);
      class = g_enum_get_value_by_nick (classes, row[3]);
      g_return_if_fail (type != NULL && class != NULL);
      asset = CUSTOS_ASSET (add (d, CUSTOS_REGISTER_ASSETS));
      custos_asset_set_name (asset, row[4]);
      custos_asset_set_asset_type (asset, type->value);
      custos_asset_set_classification (asset, class->value);
      custos_asset_set_description (asset, row[5]);
      custos_asset_set_owner (asset, d->lead);
      g_hash_table_insert (d->assets, g_strdup (row[0]), g_strdup (custos_record_get_id (CUSTOS_RECORD (asset))));
    }
}

static void
draft_plan (Draft *d)
{
  CustosReassessment *reassessment = custos_document_get_reassessment (d->doc);
  g_autofree char *last = in_months (d, 0);
  g_autofree char *next = in_months (d, 12);
  g_autofree char *half_year = in_months (d, 6);
  const char *triggers[] = { N_("A new cloud service, system or site"), N_("A serious incident"),
                             N_("A change of what the organisation does"), NULL };
  g_autoptr(GPtrArray) translated = g_ptr_array_new ();
  CustosObjective *objective;

  for (guint i = 0; triggers[i] != NULL; i++)
    g_ptr_array_add (translated, (gpointer) _(triggers[i]));
  g_ptr_array_add (translated, NULL);
  custos_reassessment_set_interval_months (reassessment, 12);
  custos_reassessment_set_last (reassessment, last);
  custos_reassessment_set_next (reassessment, next);
  custos_reassessment_set_triggers (reassessment, (const char * const *) translated->pdata);
  custos_record_set_to_review (CUSTOS_RECORD (reassessment), TRUE);

  objective = CUSTOS_OBJECTIVE (add (d, CUSTOS_REGISTER_OBJECTIVES));
  custos_objective_set_title (objective, _("Every member of staff completes security awareness training"));
  /* xgettext:no-c-format */
  custos_objective_set_target (objective, _("100% of staff trained within six months, and every newcomer in their first month"));
  custos_objective_set_measure (objective, _("Training records against the staff list"));
  custos_objective_set_resources (objective, _("An hour of each person's time; an online awareness course"));
  custos_objective_set_owner (objective, d->lead);
  custos_objective_set_due (objective, half_year);
  objective = CUSTOS_OBJECTIVE (add (d, CUSTOS_REGISTER_OBJECTIVES));
  custos_objective_set_title (objective, _("Multi-factor authentication on every account"));
  custos_objective_set_target (objective, _("All staff and administrator accounts of every cloud service use a second factor"));
  custos_objective_set_measure (objective, _("Monthly report of the accounts without a second factor"));
  custos_objective_set_resources (objective, _("The IT support provider's time; authenticator apps or security keys"));
  custos_objective_set_owner (objective, d->lead);
  custos_objective_set_due (objective, half_year);
}

static void
draft_risks (Draft *d)
{
  g_autoptr(GPtrArray) rows = load_rows ("draft-threats.tsv");

  for (guint i = 0; i < rows->len; i++)
    {
      char **row = rows->pdata[i]; /* key, when, assets, likelihood, consequence, controls, title, threat, vulnerability */
      g_auto(GStrv) keys = NULL;
      g_auto(GStrv) controls = NULL;
      g_autoptr(GPtrArray) assets = NULL;
      CustosRisk *risk;

      if (g_strv_length (row) < 9 || !holds (d, row[1]))
        continue;
      keys = g_strsplit (row[2], " ", -1);
      assets = g_ptr_array_new ();
      for (guint k = 0; keys[k] != NULL; k++)
        {
          const char *id = g_hash_table_lookup (d->assets, keys[k]);
          if (id != NULL)
            g_ptr_array_add (assets, (gpointer) id);
        }
      g_ptr_array_add (assets, NULL);
      controls = g_strsplit (row[5], " ", -1);

      {
        /* The controls are expected to make the threat one step less likely. */
        int likelihood = (int) g_ascii_strtoll (row[3], NULL, 10);
        int consequence = (int) g_ascii_strtoll (row[4], NULL, 10);
        g_autofree char *due = in_months (d, 3);
        g_autofree char *title = NULL;
        CustosAction *action;

        risk = CUSTOS_RISK (add (d, CUSTOS_REGISTER_RISKS));
        custos_risk_set_residual_likelihood (risk, MAX (likelihood - 1, 1));
        custos_risk_set_residual_consequence (risk, consequence);
        action = CUSTOS_ACTION (add (d, CUSTOS_REGISTER_ACTIONS));
        title = g_strdup_printf (_("Put the planned controls in place: %s"), row[6]);
        custos_action_set_title (action, title);
        custos_action_set_risk (action, custos_record_get_id (CUSTOS_RECORD (risk)));
        custos_action_set_controls (action, (const char * const *) controls);
        custos_action_set_owner (action, d->lead);
        custos_action_set_due (action, due);
        custos_action_set_status (action, CUSTOS_ACTION_STATUS_PLANNED);
      }
      custos_risk_set_title (risk, row[6]);
      custos_risk_set_threat (risk, row[7]);
      custos_risk_set_vulnerability (risk, row[8]);
      custos_risk_set_assets (risk, assets->len > 1 ? (const char * const *) assets->pdata : NULL);
      custos_risk_set_likelihood (risk, (int) g_ascii_strtoll (row[3], NULL, 10));
      custos_risk_set_consequence (risk, (int) g_ascii_strtoll (row[4], NULL, 10));
      custos_risk_set_owner (risk, d->lead);
      custos_risk_set_treatment (risk, CUSTOS_TREATMENT_CHANGE_LIKELIHOOD);
      custos_risk_set_controls (risk, (const char * const *) controls);
      custos_risk_set_status (risk, CUSTOS_RISK_STATUS_ASSESSED);
    }
}

/* The ISMS's own sections (4.4, 5.1, 5.2, 6.1.1, 6.3, 7.1, 10.1) as a small
 * organisation would first write them. What only people can give is left
 * empty: the policy's authorisation and the treatment plan's approval,
 * whose findings wait in the sections' "to review" (docs/READINESS.md). */
static void
draft_isms (Draft *d)
{
  const char *org = d->answers->organisation;
  CustosPolicy *policy = custos_document_get_policy (d->doc);
  g_autofree char *statement = NULL;
  g_autofree char *next_review = in_months (d, 12);

  custos_isms_processes_set_processes (CUSTOS_ISMS_PROCESSES (custos_document_get_section (d->doc, CUSTOS_SECTION_ISMS_PROCESSES)),
    _("Context and scope (4), risk assessment and treatment (6.1, 8.2, 8.3), the Statement of Applicability, "
      "objectives (6.2), awareness and training (7.2, 7.3), documented information (7.5), monitoring (9.1), "
      "internal audit (9.2), management review (9.3) and corrective action (10.2). The information security lead "
      "runs them through the year; their results feed the management review, whose decisions feed the next "
      "risk assessment."));
  custos_leadership_set_commitment (CUSTOS_LEADERSHIP (custos_document_get_section (d->doc, CUSTOS_SECTION_LEADERSHIP)),
    _("Top management approves the policy and the objectives, provides the time and budget the ISMS needs, "
      "approves the risk treatment plan and accepts the residual risks, and chairs the management review."));
  statement = g_strdup_printf (_("%s protects the information entrusted to it by its clients, staff and partners: "
                                 "it is kept confidential, correct and available to those who need it. We meet the "
                                 "legal, regulatory and contractual requirements that apply to us, manage our "
                                 "information security risks, and continually improve our information security "
                                 "management system."),
                               org);
  custos_policy_set_statement (policy, statement);
  custos_policy_set_objectives_framework (policy,
    _("Top management sets information security objectives each year from the risk assessment and the "
      "management review, each with a target, an owner and a due date."));
  custos_policy_set_commit_requirements (policy, TRUE);
  custos_policy_set_commit_improvement (policy, TRUE);
  custos_policy_set_version (policy, "0.1");
  custos_policy_set_next_review (policy, next_review);
  custos_policy_set_communicated (policy, _("Given to every member of staff at induction and after every change."));
  custos_isms_risks_set_risks (CUSTOS_ISMS_RISKS (custos_document_get_section (d->doc, CUSTOS_SECTION_ISMS_RISKS)),
    _("Risks: the ISMS becomes paperwork that nobody keeps current; key knowledge sits with one person. "
      "Opportunities: fewer incidents, and certification that clients ask for."));
  custos_change_planning_set_process (CUSTOS_CHANGE_PLANNING (custos_document_get_section (d->doc, CUSTOS_SECTION_CHANGE_PLANNING)),
    _("Changes to the ISMS (new services, sites, people or rules) are proposed to the information security "
      "lead, assessed for their risks and approved by top management before they are made."));
  custos_isms_resources_set_resources (CUSTOS_ISMS_RESOURCES (custos_document_get_section (d->doc, CUSTOS_SECTION_ISMS_RESOURCES)),
    _("The information security lead's time, the IT support provider under contract, an awareness course "
      "for staff, and an independent internal auditor once a year."));
  custos_continual_improvement_set_approach (CUSTOS_CONTINUAL_IMPROVEMENT (custos_document_get_section (d->doc, CUSTOS_SECTION_CONTINUAL_IMPROVEMENT)),
    _("Incidents, audit findings, measurements and the management review's decisions become corrective or "
      "improvement actions with an owner and a due date."));
  custos_plan_approval_set_notes (custos_document_get_plan_approval (d->doc),
    _("To be approved by the risk owners and by top management once the drafted risks and actions are reviewed."));

  for (CustosSection s = 0; s < CUSTOS_N_SECTIONS; s++)
    if (s == CUSTOS_SECTION_ISMS_PROCESSES || s == CUSTOS_SECTION_LEADERSHIP || s == CUSTOS_SECTION_POLICY ||
        s == CUSTOS_SECTION_ISMS_RISKS || s == CUSTOS_SECTION_CHANGE_PLANNING ||
        s == CUSTOS_SECTION_ISMS_RESOURCES || s == CUSTOS_SECTION_CONTINUAL_IMPROVEMENT ||
        s == CUSTOS_SECTION_PLAN_APPROVAL)
      custos_record_set_to_review (custos_document_get_section (d->doc, s), TRUE);
}

/* How the ISMS is to run (7.2, 8.1, 9.1) and its first internal audit and
 * management review, planned ahead of today: not held, so their findings
 * wait in these records' "to review" until a person confirms the plan. */
static void
draft_operation (Draft *d)
{
  static const struct
  {
    const char *name;
    const char *description;
  } processes[] = {
    { N_("Access management"),
      N_("Accounts are created, changed and removed on request of a manager; administrator rights are kept to a "
         "few named people; every account uses a second factor.") },
    { N_("Backup and recovery"),
      N_("Business data is backed up daily to a separate service; a restore is tested every quarter.") },
    { N_("Incident management"),
      N_("Staff report anything suspicious to the information security lead, who records it, contains it and "
         "reports personal data breaches in time.") },
    { N_("Supplier management"),
      N_("Suppliers that hold our information are assessed before they are chosen and reviewed every year.") },
  };
  g_autoptr(GPtrArray) ids = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *audit_date = in_months (d, 6);
  g_autofree char *review_date = in_months (d, 7);
  CustosCompetence *competence;
  CustosMeasure *measure;
  CustosAudit *audit;
  CustosReview *review;

  competence = CUSTOS_COMPETENCE (add (d, CUSTOS_REGISTER_COMPETENCES));
  custos_competence_set_role (competence, d->lead);
  custos_competence_set_requirement (competence,
    _("Knows ISO/IEC 27001 and how to assess information security risks; can run an incident."));
  custos_competence_set_verification (competence, _("A recognised course or certificate, kept on file."));

  for (guint i = 0; i < G_N_ELEMENTS (processes); i++)
    {
      CustosProcess *process = CUSTOS_PROCESS (add (d, CUSTOS_REGISTER_PROCESSES));

      custos_process_set_name (process, _(processes[i].name));
      custos_process_set_owner (process, d->lead);
      custos_process_set_description (process, _(processes[i].description));
      g_ptr_array_add (ids, g_strdup (custos_record_get_id (CUSTOS_RECORD (process))));
    }
  g_ptr_array_add (ids, NULL);

  measure = CUSTOS_MEASURE (add (d, CUSTOS_REGISTER_MEASURES));
  custos_measure_set_title (measure, _("Accounts with a second factor"));
  custos_measure_set_method (measure, _("The administrator report of each cloud service, against the staff list."));
  custos_measure_set_frequency (measure, _("Monthly"));
  custos_measure_set_owner (measure, d->lead);
  custos_measure_set_reported_to (measure, _("Top management"));
  custos_measure_set_target (measure, 100);
  custos_measure_set_unit (measure, "%");
  custos_measure_set_higher_is_better (measure, TRUE);

  audit = CUSTOS_AUDIT (add (d, CUSTOS_REGISTER_AUDITS));
  custos_audit_set_title (audit, _("First internal audit of the ISMS"));
  custos_audit_set_processes (audit, (const char * const *) ids->pdata);
  custos_audit_set_frequency_months (audit, 12);
  custos_audit_set_auditor (audit, _("An independent auditor, not the information security lead"));
  custos_audit_set_coverage (audit, (1u << CUSTOS_COVERAGE_N_ITEMS) - 1); /* the whole ISMS, the first time */
  custos_audit_set_planned (audit, audit_date);
  custos_audit_set_status (audit, CUSTOS_AUDIT_STATUS_PLANNED);

  review = CUSTOS_REVIEW (add (d, CUSTOS_REGISTER_REVIEWS));
  custos_review_set_date (review, review_date);
  custos_review_set_attendees (review, _("Top management and the information security lead"));
}

/* Controls for organisations that develop software (8.25-8.31, 8.33). */
static gboolean
is_development_control (const char *id)
{
  static const char * const development[] = { "8.25", "8.26", "8.27", "8.28", "8.29", "8.30", "8.31", "8.33", NULL };
  return g_strv_contains (development, id);
}

static void
draft_soa (Draft *d)
{
  GListModel *soa = custos_document_get_register (d->doc, CUSTOS_REGISTER_SOA);
  gboolean develops = d->answers->sector == CUSTOS_SECTOR_SOFTWARE;

  for (guint i = 0, n = g_list_model_get_n_items (soa); i < n; i++)
    {
      g_autoptr(CustosRecord) record = g_list_model_get_item (soa, i);
      CustosSoaEntry *entry = CUSTOS_SOA_ENTRY (record);
      const char *id = custos_record_get_id (record);
      g_autoptr(GPtrArray) risks = custos_document_get_selecting_risks (d->doc, id);
      g_autofree char *justification = NULL;

      custos_record_set_to_review (record, TRUE);
      custos_soa_entry_set_owner (entry, d->lead);
      if (risks->len > 0)
        {
          g_autoptr(GString) ids = g_string_new (NULL);

          for (guint r = 0; r < risks->len; r++)
            g_string_append_printf (ids, "%s%s", r ? ", " : "", custos_record_get_id (risks->pdata[r]));
          justification = g_strdup_printf (_("Treats the drafted risks %s."), ids->str);
          custos_soa_entry_set_applicable (entry, CUSTOS_APPLICABILITY_APPLICABLE);
          custos_soa_entry_set_reasons (entry, CUSTOS_REASON_RISK_TREATMENT);
          custos_soa_entry_set_implementation (entry, CUSTOS_IMPLEMENTATION_PLANNED);
        }
      else if (is_development_control (id) && !develops)
        {
          justification = g_strdup_printf (_("Not applicable: %s does not develop software; confirm that no software "
                                             "is developed or commissioned."), d->answers->organisation);
          custos_soa_entry_set_applicable (entry, CUSTOS_APPLICABILITY_NOT_APPLICABLE);
        }
      else
        {
          justification = g_strdup (_("Suggested as good practice for a small organisation; confirm, or exclude "
                                      "with a reason."));
          custos_soa_entry_set_applicable (entry, CUSTOS_APPLICABILITY_APPLICABLE);
          custos_soa_entry_set_reasons (entry, CUSTOS_REASON_BUSINESS);
          custos_soa_entry_set_implementation (entry, CUSTOS_IMPLEMENTATION_PLANNED);
        }
      custos_soa_entry_set_justification (entry, justification);
    }
}

/* Every organisation must comply with data protection law and with what its
 * clients' contracts ask (A.5.31, A.5.34); the rest is for the owner to add. */
static void
draft_requirements (Draft *d)
{
  static const struct
  {
    CustosRequirementKind kind;
    const char *title;
    const char *source;
    const char *how_met;
    const char *controls[3];
  } requirements[] = {
    { CUSTOS_REQUIREMENT_KIND_LEGAL, N_("Protection of personal data"),
      N_("Data protection law (e.g. the GDPR), and guidance of the data protection authority"),
      N_("Privacy notice, records of processing, data processing agreements with suppliers, breach procedure"),
      { "5.31", "5.34", NULL } },
    { CUSTOS_REQUIREMENT_KIND_CONTRACTUAL, N_("Security and confidentiality commitments to clients"),
      N_("Client contracts and engagement letters"),
      N_("Confidentiality clauses kept in the contract register; access limited to the client's team"),
      { "5.31", "5.20", NULL } },
  };

  for (guint i = 0; i < G_N_ELEMENTS (requirements); i++)
    {
      CustosRequirement *requirement = CUSTOS_REQUIREMENT (add (d, CUSTOS_REGISTER_REQUIREMENTS));

      custos_requirement_set_title (requirement, _(requirements[i].title));
      custos_requirement_set_kind (requirement, requirements[i].kind);
      custos_requirement_set_source (requirement, _(requirements[i].source));
      custos_requirement_set_owner (requirement, d->lead);
      custos_requirement_set_how_met (requirement, _(requirements[i].how_met));
      custos_requirement_set_controls (requirement, requirements[i].controls);
    }
}

/* The online services chosen are the first suppliers to assess (A.5.19,
 * A.5.23): each holds the organisation's information. */
static void
draft_suppliers (Draft *d)
{
  for (guint i = 0; i < CUSTOS_DRAFT_N_USES; i++)
    {
      CustosSupplier *supplier;

      if (!(d->answers->uses & (1u << i)) || !is_online_service (uses[i].token))
        continue;
      supplier = CUSTOS_SUPPLIER (add (d, CUSTOS_REGISTER_SUPPLIERS));
      custos_supplier_set_name (supplier, _(uses[i].label));
      custos_supplier_set_services (supplier, _("Online service holding our information"));
      custos_supplier_set_criticality (supplier, CUSTOS_SEVERITY_HIGH);
      custos_supplier_set_data_access (supplier, TRUE);
      custos_supplier_set_owner (supplier, d->lead);
      /* Where to look, for the person who confirms it; the assessment is theirs. */
      custos_supplier_set_contract_clauses (supplier,
        _("The supplier's standard terms and data processing agreement: security measures, confidentiality, "
          "breach notification, where the data is kept, and its return or deletion at the end (to be checked "
          "against the terms we accepted)."));
    }
}

CustosDocument *
custos_draft_new (const CustosDraftAnswers *answers)
{
  Draft d = { 0 };

  g_return_val_if_fail (answers != NULL && answers->organisation != NULL, NULL);
  g_return_val_if_fail (answers->sector < CUSTOS_N_SECTORS, NULL);

  d.answers = answers;
  if (answers->today != NULL)
    d.today = *answers->today;
  else
    {
      g_autoptr(GDateTime) now = g_date_time_new_now_local ();
      g_date_clear (&d.today, 1);
      g_date_set_dmy (&d.today, (GDateDay) g_date_time_get_day_of_month (now),
                      (GDateMonth) g_date_time_get_month (now), (GDateYear) g_date_time_get_year (now));
    }
  d.sector = &sectors[answers->sector];
  d.doc = custos_document_new (CUSTOS_EDITION_2022);
  d.tokens = g_hash_table_new (g_str_hash, g_str_equal);
  d.assets = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_hash_table_add (d.tokens, (gpointer) "always");
  g_hash_table_add (d.tokens, (gpointer) d.sector->token);
  for (guint i = 0; i < CUSTOS_DRAFT_N_USES; i++)
    if (answers->uses & (1u << i))
      g_hash_table_add (d.tokens, (gpointer) uses[i].token);

  draft_sections (&d);
  draft_issues (&d);
  draft_parties (&d);
  draft_roles (&d);
  draft_requirements (&d);
  draft_suppliers (&d);
  draft_assets (&d);
  draft_risks (&d);
  draft_plan (&d);
  draft_soa (&d);
  draft_isms (&d);
  draft_operation (&d);

  g_hash_table_unref (d.tokens);
  g_hash_table_unref (d.assets);
  custos_document_set_modified (d.doc, FALSE);
  return d.doc;
}
