/* SPDX-License-Identifier: GPL-3.0-or-later */
/* custos-bench-gen.c — generates a large, valid ISMS document for the benchmarks
 *
 *   custos-bench-gen --risks N [--assets M] [--seed S] [--long-word BYTES] -o FILE
 *
 * --long-word makes the first risk's title one word of BYTES letters
 * without a space ("BEGIN…END"), the worst case for wrapping in reports.
 *
 * N risks, N/2 assets unless --assets says otherwise, N treatment actions and
 * every other register filled in proportion; all 93 controls of the 2022
 * Statement of Applicability decided, with justifications; every reference
 * resolves. The output is deterministic for a seed (GRand).
 *
 * The document is built through the model (custos_document_add_new and the
 * custos_record_set_* accessors) and written by custos_file_save, so it is
 * canonical by construction and always in the current file format: nothing
 * here copies the descriptors of src/model/custos-kinds.c. The fields it
 * sets by name get realistic values; every other field is filled from its
 * descriptor (fill_generic), so a field added to the format is filled too,
 * and a field renamed or retyped stops the generator (field_index g_error()s)
 * instead of letting it drift.
 */
#include "config.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "custos-document.h"
#include "custos-file.h"
#include "custos-xml-writer.h"

/* Text pools ----------------------------------------------------------- */

static const char * const threats[] = {
  "Ransomware delivered by phishing", "Business email compromise", "Credential theft",
  "Theft of a device", "Misdirected email", "Supplier outage", "Supplier data breach",
  "Insider misuse", "Unpatched vulnerability exploited", "Accidental deletion",
  "Fire or flood", "Power failure", "Unauthorised physical entry", "Loss of key person",
  "Regulatory change", "Malicious software from removable media", "Social engineering call",
  "Configuration error", "Excessive access rights", "Improper disposal of media",
};

static const char * const asset_nouns[] = {
  "client records", "payroll data", "tax returns", "working papers", "HR files",
  "laptop fleet", "mobile phones", "file shares", "practice-management system",
  "email tenant", "backup service", "firewall", "printers", "archive boxes",
  "identity service", "client portal", "bookkeeping platform access", "office site",
};

static const char * const qualifiers[] = {
  "for the north region", "for key clients", "of the payroll bureau",
  "at the head office", "at the branch office", "for remote staff",
  "in the cloud tenant", "of the audit team", "of the tax team",
};

static const char * const weaknesses[] = {
  "No second-person check", "Manual process under deadline pressure",
  "Shared account in use", "Patching depends on one contractor",
  "No tested restore", "Staff awareness varies", "Weak supplier oversight",
  "Retention not enforced", "Devices leave the office daily", "Legacy configuration",
};

static const char * const existing_controls[] = {
  "Multi-factor authentication on all accounts.", "Endpoint protection on all devices.",
  "Daily backup with 30-day retention.", "Annual awareness training.",
  "Contract with the supplier including confidentiality terms.",
  "Locked office with alarm.", "Role-based access groups.", "Monthly patching.",
};

static const char * const first_names[] = {
  "Alex", "Sam", "Jo", "Chris", "Pat", "Lee", "Robin", "Kim", "Ash", "Jamie", "Morgan",
  "Taylor", "Jordan", "Casey", "Drew", "Avery",
};

static const char * const last_names[] = {
  "Smith", "Jones", "Taylor", "Brown", "Walker", "Wright", "Wood", "Hughes", "Green",
  "Hall", "Clarke", "Lewis", "Ward", "Shaw", "Holt", "Firth",
};

static const char * const role_titles[] = {
  "Managing Director", "Finance Director", "ISMS Manager", "IT Manager",
  "Data Protection Lead", "Operations Manager", "HR Manager", "Team Leader",
  "Facilities Manager", "Compliance Officer", "Service Desk Lead", "Department Head",
};

static const char * const locations[] = {
  "Head office", "Branch office", "Cloud (UK)", "Remote",
};

static const char * const issue_categories[] = {
  "Legal", "Technology", "People", "Market", "Suppliers",
};

static const char * const action_kinds[] = {
  "a procedure", "a technical control", "training", "a supplier review",
};

static const char * const training_topics[] = {
  "Security awareness", "Phishing refresher", "UK GDPR essentials", "Incident response drill",
};

static const char * const frequencies[] = { "Monthly", "Quarterly", "On change" };
static const char * const audiences[] = { "All staff", "Top management", "Suppliers", "Clients" };
static const char * const channels[] = { "Email", "Intranet", "Meeting" };

/* For the fields filled from their descriptor only. */
static const char * const phrases[] = {
  "Head office", "ISMS Manager", "Top management", "Document library / ISMS",
  "Monthly report", "All staff", "Intranet", "Completion record in the learning system",
};

static const char * const sentences[] = {
  "Recorded for the benchmark document.",
  "Considered in the risk assessment and the scope.",
  "Reviewed by the ISMS Manager at the monthly security meeting.",
  "Evidence is kept in the ISMS library.",
  "Agreed with top management and communicated to the staff concerned.",
  "No change since the last management review.",
  "Checked during the internal audit; no exceptions found.",
  "Depends on the managed IT provider and is covered by its contract.",
};

/* Controls of the 2022 catalogue the generated organisation excludes. */
static const struct
{
  const char *id;
  const char *justification;
} not_applicable[] = {
  { "7.6", "No secure areas beyond the general office; the comms cabinet is covered by 7.8." },
  { "8.4", "The organisation develops no software and holds no source code." },
  { "8.25", "No software development is carried out." },
  { "8.28", "No software development is carried out; no code is written." },
  { "8.29", "No development; acceptance of acquired services is covered by 8.26 and 5.23." },
  { "8.30", "No development is outsourced." },
  { "8.31", "No development or test environments exist." },
  { "8.33", "No test environments; live data is never copied for testing." },
};

/* The generator -------------------------------------------------------- */

typedef struct
{
  CustosDocument *document;
  GRand          *rand;
  GDate           base;        /* 2026-01-05: the day generated dates count from */
  gboolean        next_bool;   /* BOOL fields filled from their descriptor alternate */
  GPtrArray      *applicable;  /* ids of the applicable controls, catalogue order */
  gboolean       *chosen;      /* by catalogue index: selected by a risk or action */
} Gen;

#define PICK(g, pool) ((pool)[g_rand_int_range ((g)->rand, 0, (gint32) G_N_ELEMENTS (pool))])

/* A whole number in [lo, hi]. */
static int
range (Gen *g,
       int  lo,
       int  hi)
{
  return g_rand_int_range (g->rand, lo, hi + 1);
}

static gboolean
chance (Gen    *g,
        double  probability)
{
  return g_rand_double (g->rand) < probability;
}

static char *
format_date (const GDate *date)
{
  return g_strdup_printf ("%04u-%02u-%02u", (guint) g_date_get_year (date),
                          (guint) g_date_get_month (date), (guint) g_date_get_day (date));
}

static void
set_printf (CustosRecord *record,
            guint         field,
            const char   *format,
            ...) G_GNUC_PRINTF (3, 4);

static void
set_printf (CustosRecord *record,
            guint         field,
            const char   *format,
            ...)
{
  g_autofree char *text = NULL;
  va_list args;

  va_start (args, format);
  text = g_strdup_vprintf (format, args);
  va_end (args);
  custos_record_set_string_at (record, field, text);
}

/* A DATE field: the base date plus days. */
static void
set_date (Gen          *g,
          CustosRecord *record,
          guint         field,
          int           days)
{
  GDate date = g->base;
  g_autofree char *text = NULL;

  g_date_add_days (&date, (guint) days);
  text = format_date (&date);
  custos_record_set_string_at (record, field, text);
}

static void
set_person (Gen          *g,
            CustosRecord *record,
            guint         field)
{
  /* One draw per statement: the order in which arguments are evaluated is
   * unspecified, and the output must not depend on the compiler. */
  const char *first = PICK (g, first_names);
  const char *last = PICK (g, last_names);

  set_printf (record, field, "%s %s", first, last);
}

/* Empties a field (so that it is not written). */
static void
clear (CustosRecord *record,
       guint         index)
{
  const CustosField *field = &custos_record_get_kind (record)->fields[index];
  g_auto(GValue) empty = G_VALUE_INIT;

  g_value_init (&empty, custos_field_value_type (field));
  if (field->type == CUSTOS_FIELD_NUMBER)
    g_value_set_double (&empty, NAN);
  else if (field->type == CUSTOS_FIELD_ENUM)
    {
      g_autoptr(GEnumClass) enum_class = g_type_class_ref (field->get_type ());
      g_value_set_enum (&empty, enum_class->values[0].value);
    }
  custos_record_set_value (record, index, &empty);
}

static guint
count (Gen            *g,
       CustosRegister  reg)
{
  return custos_document_count (g->document, reg);
}

/* The record at position i of a register (borrowed: the register keeps it). */
static CustosRecord *
nth (Gen            *g,
     CustosRegister  reg,
     guint           i)
{
  CustosRecord *record = g_list_model_get_item (custos_document_get_register (g->document, reg), i);

  g_object_unref (record);
  return record;
}

static const char *
nth_id (Gen            *g,
        CustosRegister  reg,
        guint           i)
{
  return custos_record_get_id (nth (g, reg, i));
}

static const char *
random_id (Gen            *g,
           CustosRegister  reg)
{
  return nth_id (g, reg, (guint) g_rand_int_range (g->rand, 0, (gint32) count (g, reg)));
}

static int
compare_uint (const void *a,
              const void *b)
{
  guint x = *(const guint *) a;
  guint y = *(const guint *) b;

  return x < y ? -1 : x > y;
}

/* Picks MIN (k, n) distinct numbers below n into out, in increasing order. */
static guint
pick_indices (Gen   *g,
              guint  n,
              guint  k,
              guint *out)
{
  k = MIN (k, n);
  for (guint i = 0; i < k; i++)
    {
      gboolean repeated;

      do
        {
          out[i] = (guint) g_rand_int_range (g->rand, 0, (gint32) n);
          repeated = FALSE;
          for (guint j = 0; j < i; j++)
            repeated = repeated || out[j] == out[i];
        }
      while (repeated);
    }
  qsort (out, k, sizeof (guint), compare_uint);
  return k;
}

/* A REFS field: k distinct records of reg, in register order. */
static void
set_random_refs (Gen            *g,
                 CustosRecord   *record,
                 guint           field,
                 CustosRegister  reg,
                 guint           k)
{
  guint picked[8];
  const char *ids[G_N_ELEMENTS (picked) + 1] = { NULL };

  k = pick_indices (g, count (g, reg), MIN (k, G_N_ELEMENTS (picked)), picked);
  for (guint i = 0; i < k; i++)
    ids[i] = nth_id (g, reg, picked[i]);
  custos_record_set_strv_at (record, field, ids);
}

/* A CONTROLS field: k distinct applicable controls, in catalogue order. */
static void
set_random_controls (Gen          *g,
                     CustosRecord *record,
                     guint         field,
                     guint         k)
{
  guint picked[8];
  const char *ids[G_N_ELEMENTS (picked) + 1] = { NULL };

  k = pick_indices (g, g->applicable->len, MIN (k, G_N_ELEMENTS (picked)), picked);
  for (guint i = 0; i < k; i++)
    ids[i] = g_ptr_array_index (g->applicable, picked[i]);
  custos_record_set_strv_at (record, field, ids);
}

/* Marks the controls of a CONTROLS field as chosen for a risk treatment. */
static void
note_chosen (Gen          *g,
             CustosRecord *record,
             guint         field)
{
  CustosCatalogue *catalogue = custos_document_get_catalogue (g->document);
  const char * const *ids = custos_record_get_strv_at (record, field);

  for (guint i = 0; ids != NULL && ids[i] != NULL; i++)
    g->chosen[custos_catalogue_lookup (catalogue, ids[i])->index] = TRUE;
}

static gboolean
is_not_applicable (const char  *control_id,
                   const char **justification)
{
  for (guint i = 0; i < G_N_ELEMENTS (not_applicable); i++)
    if (strcmp (not_applicable[i].id, control_id) == 0)
      {
        if (justification != NULL)
          *justification = not_applicable[i].justification;
        return TRUE;
      }
  return FALSE;
}

/* Fills every field of a record from its descriptor: STRING and TEXT from
 * the pools, DATE in 2025–2027, INT within its range, ENUM and FLAGS from
 * their GType, BOOL alternating, references to existing records. The
 * callers then overwrite or clear the fields they know. */
static void
fill_generic (Gen          *g,
              CustosRecord *record)
{
  const CustosKind *kind = custos_record_get_kind (record);
  CustosCriteria *criteria = custos_document_get_criteria (g->document);

  for (guint i = 0; i < kind->n_fields; i++)
    {
      const CustosField *field = &kind->fields[i];
      g_auto(GValue) value = G_VALUE_INIT;

      g_value_init (&value, custos_field_value_type (field));
      switch (field->type)
        {
        case CUSTOS_FIELD_STRING:
          g_value_set_static_string (&value, PICK (g, phrases));
          break;

        case CUSTOS_FIELD_TEXT:
          g_value_set_static_string (&value, PICK (g, sentences));
          break;

        case CUSTOS_FIELD_INT:
          if (field->min == CUSTOS_RANGE_LIKELIHOOD || field->min == CUSTOS_RANGE_CONSEQUENCE)
            {
              CustosScale scale = field->min == CUSTOS_RANGE_LIKELIHOOD
                                  ? CUSTOS_SCALE_LIKELIHOOD : CUSTOS_SCALE_CONSEQUENCE;
              g_value_set_int (&value, range (g, 1, (int) custos_criteria_get_n_levels (criteria, scale)));
            }
          else
            g_value_set_int (&value, range (g, MAX (field->min, 1), field->max));
          break;

        case CUSTOS_FIELD_NUMBER:
          g_value_set_double (&value, round (g_rand_double_range (g->rand, 0, 100) * 10) / 10);
          break;

        case CUSTOS_FIELD_BOOL:
          g_value_set_boolean (&value, g->next_bool);
          g->next_bool = !g->next_bool;
          break;

        case CUSTOS_FIELD_DATE:
          {
            GDate first, date;
            g_autofree char *text = NULL;

            g_date_clear (&first, 1);
            g_date_set_dmy (&first, 1, G_DATE_JANUARY, 2025);
            g_date_clear (&date, 1);
            g_date_set_julian (&date, g_date_get_julian (&first) + (guint32) range (g, 0, 3 * 365));
            text = format_date (&date);
            g_value_set_string (&value, text);
          }
          break;

        case CUSTOS_FIELD_ENUM:
          {
            g_autoptr(GEnumClass) enum_class = g_type_class_ref (field->get_type ());
            g_value_set_enum (&value, enum_class->values[range (g, 0, (int) enum_class->n_values - 1)].value);
          }
          break;

        case CUSTOS_FIELD_FLAGS:
          {
            g_autoptr(GFlagsClass) flags_class = g_type_class_ref (field->get_type ());
            guint flags = 0;

            for (guint f = 0; f < flags_class->n_values; f++)
              if (chance (g, 0.5))
                flags |= flags_class->values[f].value;
            if (flags == 0 && flags_class->n_values > 0)
              flags = flags_class->values[0].value;
            g_value_set_flags (&value, flags);
          }
          break;

        case CUSTOS_FIELD_REF:
        case CUSTOS_FIELD_REFS:
          {
            int target = custos_kinds_register_index (custos_kinds_lookup (field->target));

            if (count (g, (CustosRegister) target) == 0)
              {
                if ((field->flags & CUSTOS_FIELD_FLAG_REQUIRED) != 0)
                  g_error ("%s: required field %s refers to %s, which has no records yet",
                           kind->name, field->name, field->target);
                continue;
              }
            if (field->type == CUSTOS_FIELD_REF)
              {
                g_value_set_static_string (&value, random_id (g, (CustosRegister) target));
                break;
              }
            set_random_refs (g, record, i, (CustosRegister) target, (guint) range (g, 1, 3));
          }
          continue;

        case CUSTOS_FIELD_CONTROLS:
          set_random_controls (g, record, i, (guint) range (g, 1, 3));
          continue;

        case CUSTOS_FIELD_STRINGS:
          {
            guint picked[3];
            const char *items[G_N_ELEMENTS (picked) + 1] = { NULL };
            guint n = pick_indices (g, G_N_ELEMENTS (sentences), (guint) range (g, 2, 3), picked);

            for (guint s = 0; s < n; s++)
              items[s] = sentences[picked[s]];
            g_value_set_boxed (&value, items);
          }
          break;

        default:
          g_assert_not_reached ();
        }
      custos_record_set_value (record, i, &value);
    }
}

/* Appends a new record (next free id) filled from its descriptor. */
static CustosRecord *
add (Gen            *g,
     CustosRegister  reg)
{
  CustosRecord *record = custos_document_add_new (g->document, reg);

  fill_generic (g, record);
  return record;
}

static CustosRecord *
section (Gen           *g,
         CustosSection  which)
{
  CustosRecord *record = custos_document_get_section (g->document, which);

  fill_generic (g, record);
  return record;
}

/* Registers, in the order their references need ------------------------ */

typedef struct
{
  guint risks;
  guint assets;
  guint roles;
  guint documents;
  guint processes;
  guint measures;
  guint audits;
  guint reviews;
  guint nonconformities;
  guint incidents;
} Sizes;

static void
gen_sections (Gen         *g,
              const Sizes *n)
{
  static const char * const triggers[] = {
    "Significant change to services or systems", "Major incident",
    "New legal or contractual requirement", NULL,
  };
  CustosRecord *r;

  r = section (g, CUSTOS_SECTION_ORGANISATION);
  custos_organisation_set_name (CUSTOS_ORGANISATION (r), "Benchmark Holdings Ltd");
  custos_organisation_set_address (CUSTOS_ORGANISATION (r), "1 Example Street, Leeds LS1 1AA");
  custos_organisation_set_sector (CUSTOS_ORGANISATION (r), "Professional services");
  custos_organisation_set_employees (CUSTOS_ORGANISATION (r), (int) MAX (10, n->risks / 10));
  custos_organisation_set_isms_owner (CUSTOS_ORGANISATION (r), "ISMS Manager");
  custos_organisation_set_classification (CUSTOS_ORGANISATION (r), "Confidential");

  r = section (g, CUSTOS_SECTION_SCOPE);
  custos_scope_set_statement (CUSTOS_SCOPE (r),
                            "The ISMS covers all services delivered from the head office and by remote staff.");
  custos_scope_set_sites (CUSTOS_SCOPE (r), "Head office and one branch office.");
  custos_scope_set_networks (CUSTOS_SCOPE (r),
                             "Cloud productivity tenant, office networks and managed laptops.");
  custos_scope_set_employee_groups (CUSTOS_SCOPE (r), "All employees and contractors.");
  custos_scope_set_processes (CUSTOS_SCOPE (r),
                              "Client services, payroll, IT operations, HR and facilities.");
  custos_scope_set_out_of_scope (CUSTOS_SCOPE (r), "The marketing website hosted by an agency.");
  custos_scope_set_interfaces (CUSTOS_SCOPE (r),
                               "Cloud suppliers, the managed IT provider and government gateways.");
  custos_scope_set_exclusions (CUSTOS_SCOPE (r),
                            "Secure development controls (8.4, 8.25, 8.28 to 8.31, 8.33) and 7.6: "
                            "no development and no secure areas.");

  r = section (g, CUSTOS_SECTION_POLICY);
  custos_policy_set_statement (CUSTOS_POLICY (r),
                            "We protect the confidentiality, integrity and availability of the information "
                            "entrusted to us.");
  custos_policy_set_objectives_framework (CUSTOS_POLICY (r),
                            "Objectives are set yearly by top management from the risk assessment.");
  custos_policy_set_commit_requirements (CUSTOS_POLICY (r), TRUE);
  custos_policy_set_commit_improvement (CUSTOS_POLICY (r), TRUE);
  set_person (g, r, CUSTOS_POLICY_FIELD_AUTHORISED_BY);
  custos_policy_set_approved (CUSTOS_POLICY (r), "2026-01-15");
  custos_policy_set_version (CUSTOS_POLICY (r), "1.0");
  custos_policy_set_next_review (CUSTOS_POLICY (r), "2027-01-15");
  custos_policy_set_communicated (CUSTOS_POLICY (r), "Intranet, induction and annual training.");

  r = section (g, CUSTOS_SECTION_REASSESSMENT);
  custos_reassessment_set_interval_months (CUSTOS_REASSESSMENT (r), 12);
  custos_reassessment_set_last (CUSTOS_REASSESSMENT (r), "2026-01-10");
  custos_reassessment_set_next (CUSTOS_REASSESSMENT (r), "2027-01-10");
  custos_reassessment_set_triggers (CUSTOS_REASSESSMENT (r), triggers);
}

static void
gen_context (Gen         *g,
             const Sizes *n)
{
  for (guint i = 0, revisions = 3 + n->risks / 1000; i < revisions; i++)
    {
      CustosRecord *r = add (g, CUSTOS_REGISTER_REVISIONS);

      set_printf (r, CUSTOS_REVISION_FIELD_VERSION, "1.%u", i);
      set_date (g, r, CUSTOS_REVISION_FIELD_DATE, 30 * (int) i);
      set_person (g, r, CUSTOS_REVISION_FIELD_AUTHOR);
      set_printf (r, CUSTOS_REVISION_FIELD_SUMMARY,
                  "Generated revision %u of the benchmark document.", i + 1);
      set_person (g, r, CUSTOS_REVISION_FIELD_APPROVED_BY);
    }

  for (guint i = 0, issues = 10 + n->risks / 100; i < issues; i++)
    {
      CustosRecord *r = add (g, CUSTOS_REGISTER_ISSUES);
      const char *threat = PICK (g, threats);
      const char *noun = PICK (g, asset_nouns);

      set_printf (r, CUSTOS_ISSUE_FIELD_TITLE, "%s affecting %s", threat, noun);
      custos_issue_set_category (CUSTOS_ISSUE (r), PICK (g, issue_categories));
      set_printf (r, CUSTOS_ISSUE_FIELD_DESCRIPTION, "Issue recorded for benchmarking: %s.",
                  PICK (g, weaknesses));
      custos_issue_set_effect (CUSTOS_ISSUE (r), "Considered in the risk assessment and the scope.");
    }

  for (guint i = 0, parties = 8 + n->risks / 200; i < parties; i++)
    {
      CustosRecord *r = add (g, CUSTOS_REGISTER_PARTIES);

      set_printf (r, CUSTOS_PARTY_FIELD_NAME, "Interested party %u", i + 1);
      custos_party_set_needs (CUSTOS_PARTY (r), "Confidentiality of their information and reliable service.");
      custos_party_set_relevant (CUSTOS_PARTY (r), chance (g, 0.9));
      custos_party_set_addressed (CUSTOS_PARTY (r),
                                  "Contract terms, the ISMS policy and incident notification.");
    }

  for (guint i = 0; i < n->roles; i++)
    {
      CustosRecord *r = add (g, CUSTOS_REGISTER_ROLES);

      if (i < G_N_ELEMENTS (role_titles))
        custos_role_set_title (CUSTOS_ROLE (r), role_titles[i]);
      else
        set_printf (r, CUSTOS_ROLE_FIELD_TITLE, "%s %u", role_titles[i % G_N_ELEMENTS (role_titles)], i + 1);
      set_person (g, r, CUSTOS_ROLE_FIELD_HOLDER);
      custos_role_set_responsibilities (CUSTOS_ROLE (r), "Owns the risks, assets and controls assigned to the role.");
      custos_role_set_authority (CUSTOS_ROLE (r), "May approve changes within the role's budget.");
      custos_role_set_top_management (CUSTOS_ROLE (r), i < 2);
    }
}

static void
gen_risks (Gen         *g,
           const Sizes *n)
{
  CustosCriteria *criteria = custos_document_get_criteria (g->document);
  int n_likelihood = (int) custos_criteria_get_n_levels (criteria, CUSTOS_SCALE_LIKELIHOOD);
  int n_consequence = (int) custos_criteria_get_n_levels (criteria, CUSTOS_SCALE_CONSEQUENCE);
  int threshold = custos_criteria_acceptance_threshold (criteria);
  /* Weighted as in a real register: most risks are reduced. */
  static const CustosTreatment treatments[] = {
    CUSTOS_TREATMENT_CHANGE_LIKELIHOOD, CUSTOS_TREATMENT_CHANGE_LIKELIHOOD,
    CUSTOS_TREATMENT_CHANGE_LIKELIHOOD, CUSTOS_TREATMENT_CHANGE_LIKELIHOOD,
    CUSTOS_TREATMENT_CHANGE_LIKELIHOOD, CUSTOS_TREATMENT_CHANGE_CONSEQUENCE,
    CUSTOS_TREATMENT_CHANGE_CONSEQUENCE, CUSTOS_TREATMENT_CHANGE_CONSEQUENCE,
    CUSTOS_TREATMENT_TRANSFER, CUSTOS_TREATMENT_ACCEPT, CUSTOS_TREATMENT_AVOID,
    CUSTOS_TREATMENT_REMOVE_SOURCE,
  };
  static const CustosRiskStatus statuses[] = {
    CUSTOS_RISK_STATUS_TREATING, CUSTOS_RISK_STATUS_ACCEPTED, CUSTOS_RISK_STATUS_ACCEPTED,
    CUSTOS_RISK_STATUS_ASSESSED,
  };

  for (guint i = 0; i < n->assets; i++)
    {
      CustosRecord *r = add (g, CUSTOS_REGISTER_ASSETS);
      const char *noun = PICK (g, asset_nouns);

      set_printf (r, CUSTOS_ASSET_FIELD_NAME, "%c%s %s %u", g_ascii_toupper (noun[0]), noun + 1,
                  PICK (g, qualifiers), i + 1);
      custos_asset_set_owner (CUSTOS_ASSET (r), random_id (g, CUSTOS_REGISTER_ROLES));
      custos_asset_set_location (CUSTOS_ASSET (r), PICK (g, locations));
      custos_asset_set_classification (CUSTOS_ASSET (r),
                              range (g, CUSTOS_CLASSIFICATION_INTERNAL, CUSTOS_CLASSIFICATION_RESTRICTED));
      custos_asset_set_description (CUSTOS_ASSET (r), "Asset generated for benchmarking.");
    }

  for (guint i = 0; i < n->risks; i++)
    {
      CustosRecord *r = add (g, CUSTOS_REGISTER_RISKS);
      const char *threat = PICK (g, threats);
      CustosTreatment treatment = PICK (g, treatments);
      CustosRiskStatus status = PICK (g, statuses);
      int likelihood = range (g, 1, n_likelihood);
      int consequence = range (g, 1, n_consequence);
      int residual_likelihood = likelihood;
      int residual_consequence = consequence;
      const char *noun = PICK (g, asset_nouns);
      const char *qualifier = PICK (g, qualifiers);

      set_printf (r, CUSTOS_RISK_FIELD_TITLE, "%s affecting %s %s", threat, noun, qualifier);
      set_random_refs (g, r, CUSTOS_RISK_FIELD_ASSETS, CUSTOS_REGISTER_ASSETS, (guint) range (g, 1, 3));
      set_printf (r, CUSTOS_RISK_FIELD_THREAT, "%s.", threat);
      set_printf (r, CUSTOS_RISK_FIELD_VULNERABILITY, "%s.", PICK (g, weaknesses));
      custos_risk_set_existing_controls (CUSTOS_RISK (r), PICK (g, existing_controls));
      custos_risk_set_likelihood (CUSTOS_RISK (r), likelihood);
      custos_risk_set_consequence (CUSTOS_RISK (r), consequence);
      custos_risk_set_owner (CUSTOS_RISK (r), random_id (g, CUSTOS_REGISTER_ROLES));
      custos_risk_set_treatment (CUSTOS_RISK (r), treatment);

      if (treatment == CUSTOS_TREATMENT_ACCEPT)
        {
          clear (r, CUSTOS_RISK_FIELD_CONTROLS);
          status = CUSTOS_RISK_STATUS_ACCEPTED;
        }
      else
        {
          set_random_controls (g, r, CUSTOS_RISK_FIELD_CONTROLS, (guint) range (g, 1, 5));
          /* Drawn outside MAX (), which would draw twice. */
          residual_likelihood = likelihood - range (g, 0, 2);
          residual_likelihood = MAX (1, residual_likelihood);
          residual_consequence = consequence - range (g, 0, 2);
          residual_consequence = MAX (1, residual_consequence);
          /* A treatment lowers the risk. */
          if (residual_likelihood == likelihood && residual_consequence == consequence)
            {
              if (residual_likelihood > 1)
                residual_likelihood--;
              else if (residual_consequence > 1)
                residual_consequence--;
            }
        }
      note_chosen (g, r, CUSTOS_RISK_FIELD_CONTROLS);
      if (treatment == CUSTOS_TREATMENT_TRANSFER)
        custos_risk_set_custom_controls (CUSTOS_RISK (r), "Cyber insurance policy.");
      else
        clear (r, CUSTOS_RISK_FIELD_CUSTOM_CONTROLS);
      custos_risk_set_residual_likelihood (CUSTOS_RISK (r), residual_likelihood);
      custos_risk_set_residual_consequence (CUSTOS_RISK (r), residual_consequence);

      if (status == CUSTOS_RISK_STATUS_ACCEPTED)
        {
          int residual = custos_criteria_score (criteria, residual_likelihood, residual_consequence);

          set_person (g, r, CUSTOS_RISK_FIELD_ACCEPTED_BY);
          set_date (g, r, CUSTOS_RISK_FIELD_ACCEPTED, range (g, 0, 300));
          custos_risk_set_management_approval (CUSTOS_RISK (r), residual >= threshold);
        }
      else
        {
          clear (r, CUSTOS_RISK_FIELD_ACCEPTED_BY);
          clear (r, CUSTOS_RISK_FIELD_ACCEPTED);
          custos_risk_set_management_approval (CUSTOS_RISK (r), FALSE);
        }
      custos_risk_set_status (CUSTOS_RISK (r), status);
      set_date (g, r, CUSTOS_RISK_FIELD_NEXT_REVIEW, 365 + range (g, 0, 180));
    }

  /* The risk treatment plan: about one action per risk. */
  for (guint i = 0; i < n->risks; i++)
    {
      CustosRecord *r = add (g, CUSTOS_REGISTER_ACTIONS);
      CustosRecord *risk = nth (g, CUSTOS_REGISTER_RISKS, (guint) g_rand_int_range (g->rand, 0, (gint32) n->risks));
      const char * const *risk_controls = custos_risk_get_controls (CUSTOS_RISK (risk));
      static const CustosActionStatus action_statuses[] = {
        CUSTOS_ACTION_STATUS_PLANNED, CUSTOS_ACTION_STATUS_IN_PROGRESS, CUSTOS_ACTION_STATUS_DONE,
        CUSTOS_ACTION_STATUS_PLANNED, CUSTOS_ACTION_STATUS_IN_PROGRESS, CUSTOS_ACTION_STATUS_DONE,
        CUSTOS_ACTION_STATUS_PLANNED, CUSTOS_ACTION_STATUS_IN_PROGRESS, CUSTOS_ACTION_STATUS_DONE,
        CUSTOS_ACTION_STATUS_CANCELLED,
      };
      CustosActionStatus status = PICK (g, action_statuses);
      g_autofree char *short_title = g_utf8_substring (custos_risk_get_title (CUSTOS_RISK (risk)), 0, 40);

      set_printf (r, CUSTOS_ACTION_FIELD_TITLE, "Implement %s for %s", PICK (g, action_kinds),
                  g_strchomp (short_title));
      custos_action_set_risk (CUSTOS_ACTION (r), custos_record_get_id (risk));
      if (risk_controls != NULL && risk_controls[0] != NULL)
        {
          const char *first_two[3] = { risk_controls[0], risk_controls[1], NULL };
          custos_action_set_controls (CUSTOS_ACTION (r), first_two);
        }
      else
        set_random_controls (g, r, CUSTOS_ACTION_FIELD_CONTROLS, 1);
      note_chosen (g, r, CUSTOS_ACTION_FIELD_CONTROLS);
      custos_action_set_owner (CUSTOS_ACTION (r), random_id (g, CUSTOS_REGISTER_ROLES));
      set_printf (r, CUSTOS_ACTION_FIELD_RESOURCES, "%d days of staff time", range (g, 1, 10));
      set_date (g, r, CUSTOS_ACTION_FIELD_DUE, range (g, 0, 540));
      custos_action_set_status (CUSTOS_ACTION (r), status);
      if (status == CUSTOS_ACTION_STATUS_DONE)
        custos_action_set_evidence (CUSTOS_ACTION (r), "Record filed in the ISMS library.");
      else
        clear (r, CUSTOS_ACTION_FIELD_EVIDENCE);
    }
}

static void
gen_documents (Gen         *g,
               const Sizes *n)
{
  CustosRecord *r;

  for (guint i = 0; i < n->documents; i++)
    {
      r = add (g, CUSTOS_REGISTER_DOCUMENTS);
      set_printf (r, CUSTOS_CONTROLLED_DOCUMENT_FIELD_REFERENCE, "ISMS-%03u", i + 1);
      set_printf (r, CUSTOS_CONTROLLED_DOCUMENT_FIELD_TITLE, "Controlled document %u", i + 1);
      set_printf (r, CUSTOS_CONTROLLED_DOCUMENT_FIELD_VERSION, "1.%d", range (g, 0, 5));
      custos_controlled_document_set_owner (CUSTOS_CONTROLLED_DOCUMENT (r),
                                            random_id (g, CUSTOS_REGISTER_ROLES));
      custos_controlled_document_set_approver (CUSTOS_CONTROLLED_DOCUMENT (r),
                                               nth_id (g, CUSTOS_REGISTER_ROLES, 0));
      set_date (g, r, CUSTOS_CONTROLLED_DOCUMENT_FIELD_APPROVED, range (g, 0, 200));
      set_date (g, r, CUSTOS_CONTROLLED_DOCUMENT_FIELD_NEXT_REVIEW, range (g, 365, 500));
      custos_controlled_document_set_classification (CUSTOS_CONTROLLED_DOCUMENT (r),
                              range (g, CUSTOS_CLASSIFICATION_INTERNAL, CUSTOS_CLASSIFICATION_RESTRICTED));
      custos_controlled_document_set_location (CUSTOS_CONTROLLED_DOCUMENT (r), "Document library / ISMS");
      custos_controlled_document_set_status (CUSTOS_CONTROLLED_DOCUMENT (r), CUSTOS_DOCUMENT_STATUS_APPROVED);
    }

  r = section (g, CUSTOS_SECTION_PLAN_APPROVAL);
  custos_plan_approval_set_owners_approved_by (CUSTOS_PLAN_APPROVAL (r), "All risk owners");
  custos_plan_approval_set_owners_approved (CUSTOS_PLAN_APPROVAL (r), "2026-03-02");
  custos_plan_approval_set_management_approved_by (CUSTOS_PLAN_APPROVAL (r),
                            custos_role_get_holder (CUSTOS_ROLE (nth (g, CUSTOS_REGISTER_ROLES, 0))));
  custos_plan_approval_set_management_approved (CUSTOS_PLAN_APPROVAL (r), "2026-03-09");
  custos_plan_approval_set_notes (CUSTOS_PLAN_APPROVAL (r), "Generated approval of the risk treatment plan.");
}

/* Every control of the SoA decided and justified. */
static void
gen_soa (Gen *g)
{
  CustosCatalogue *catalogue = custos_document_get_catalogue (g->document);
  static const CustosImplementation implementations[] = {
    CUSTOS_IMPLEMENTATION_IMPLEMENTED, CUSTOS_IMPLEMENTATION_IMPLEMENTED,
    CUSTOS_IMPLEMENTATION_IMPLEMENTED, CUSTOS_IMPLEMENTATION_IMPLEMENTED,
    CUSTOS_IMPLEMENTATION_IMPLEMENTED, CUSTOS_IMPLEMENTATION_IMPLEMENTED,
    CUSTOS_IMPLEMENTATION_PARTIAL, CUSTOS_IMPLEMENTATION_PLANNED,
  };

  for (guint i = 0, n = count (g, CUSTOS_REGISTER_SOA); i < n; i++)
    {
      CustosRecord *r = nth (g, CUSTOS_REGISTER_SOA, i);
      const char *id = custos_record_get_id (r);
      const char *justification = NULL;
      const char *how_document;
      CustosReason reasons = CUSTOS_REASON_BUSINESS;

      fill_generic (g, r);
      clear (r, CUSTOS_SOA_ENTRY_FIELD_REVIEW);
      clear (r, CUSTOS_SOA_ENTRY_FIELD_MIGRATION_NOTE);
      if (is_not_applicable (id, &justification))
        {
          custos_soa_entry_set_applicable (CUSTOS_SOA_ENTRY (r), CUSTOS_APPLICABILITY_NOT_APPLICABLE);
          clear (r, CUSTOS_SOA_ENTRY_FIELD_REASONS);
          clear (r, CUSTOS_SOA_ENTRY_FIELD_IMPLEMENTATION);
          custos_soa_entry_set_justification (CUSTOS_SOA_ENTRY (r), justification);
          clear (r, CUSTOS_SOA_ENTRY_FIELD_HOW_APPLIED);
          clear (r, CUSTOS_SOA_ENTRY_FIELD_DOCUMENT);
          custos_soa_entry_set_owner (CUSTOS_SOA_ENTRY (r),
                                      nth_id (g, CUSTOS_REGISTER_ROLES, 2 % count (g, CUSTOS_REGISTER_ROLES)));
          continue;
        }

      if (g->chosen[custos_catalogue_lookup (catalogue, id)->index])
        reasons |= CUSTOS_REASON_RISK_TREATMENT;
      if (chance (g, 0.2))
        reasons |= CUSTOS_REASON_LEGAL;
      if (chance (g, 0.2))
        reasons |= CUSTOS_REASON_CONTRACTUAL;
      custos_soa_entry_set_applicable (CUSTOS_SOA_ENTRY (r), CUSTOS_APPLICABILITY_APPLICABLE);
      custos_soa_entry_set_reasons (CUSTOS_SOA_ENTRY (r), (int) reasons);
      custos_soa_entry_set_implementation (CUSTOS_SOA_ENTRY (r), PICK (g, implementations));
      set_printf (r, CUSTOS_SOA_ENTRY_FIELD_JUSTIFICATION,
                  "Control %s is needed for the risks and obligations of the organisation.", id);
      how_document = random_id (g, CUSTOS_REGISTER_DOCUMENTS);
      set_printf (r, CUSTOS_SOA_ENTRY_FIELD_HOW_APPLIED, "%s section %d", how_document, range (g, 1, 9));
      custos_soa_entry_set_document (CUSTOS_SOA_ENTRY (r), random_id (g, CUSTOS_REGISTER_DOCUMENTS));
      custos_soa_entry_set_owner (CUSTOS_SOA_ENTRY (r), random_id (g, CUSTOS_REGISTER_ROLES));
    }
}

static void
gen_support (Gen         *g,
             const Sizes *n)
{
  for (guint i = 0, objectives = 5 + n->risks / 200; i < objectives; i++)
    {
      CustosRecord *r = add (g, CUSTOS_REGISTER_OBJECTIVES);

      set_printf (r, CUSTOS_OBJECTIVE_FIELD_TITLE, "Security objective %u", i + 1);
      set_printf (r, CUSTOS_OBJECTIVE_FIELD_TARGET, "Reach %d%% by the due date.", range (g, 80, 100));
      custos_objective_set_measure (CUSTOS_OBJECTIVE (r), "Monthly report");
      custos_objective_set_owner (CUSTOS_OBJECTIVE (r), random_id (g, CUSTOS_REGISTER_ROLES));
      custos_objective_set_resources (CUSTOS_OBJECTIVE (r), "Existing staff time");
      set_date (g, r, CUSTOS_OBJECTIVE_FIELD_DUE, range (g, 90, 500));
      custos_objective_set_ongoing (CUSTOS_OBJECTIVE (r), chance (g, 0.3));
      custos_objective_set_progress (CUSTOS_OBJECTIVE (r), range (g, 0, 100));
    }

  for (guint i = 0, competences = MAX (6, n->roles * 2); i < competences; i++)
    {
      CustosRecord *r = add (g, CUSTOS_REGISTER_COMPETENCES);

      custos_competence_set_role (CUSTOS_COMPETENCE (r), nth_id (g, CUSTOS_REGISTER_ROLES, i % n->roles));
      set_printf (r, CUSTOS_COMPETENCE_FIELD_REQUIREMENT,
                  "Knowledge of the procedures and controls the role operates (%u).", i + 1);
      custos_competence_set_verification (CUSTOS_COMPETENCE (r), "Certificate on file and annual appraisal.");
    }

  for (guint i = 0, trainings = MAX (10, n->risks / 10); i < trainings; i++)
    {
      CustosRecord *r = add (g, CUSTOS_REGISTER_TRAININGS);

      set_person (g, r, CUSTOS_TRAINING_FIELD_PERSON);
      custos_training_set_topic (CUSTOS_TRAINING (r), PICK (g, training_topics));
      set_date (g, r, CUSTOS_TRAINING_FIELD_DATE, range (g, 0, 300));
      custos_training_set_evidence (CUSTOS_TRAINING (r), "Completion record in the learning system");
      set_date (g, r, CUSTOS_TRAINING_FIELD_EXPIRY, range (g, 300, 700));
    }

  for (guint i = 0, communications = 6 + n->risks / 200; i < communications; i++)
    {
      CustosRecord *r = add (g, CUSTOS_REGISTER_COMMUNICATIONS);

      set_printf (r, CUSTOS_COMMUNICATION_FIELD_SUBJECT, "Communication %u", i + 1);
      custos_communication_set_when (CUSTOS_COMMUNICATION (r), PICK (g, frequencies));
      custos_communication_set_audience (CUSTOS_COMMUNICATION (r), PICK (g, audiences));
      custos_communication_set_sender (CUSTOS_COMMUNICATION (r), random_id (g, CUSTOS_REGISTER_ROLES));
      custos_communication_set_channel (CUSTOS_COMMUNICATION (r), PICK (g, channels));
    }
}

static void
gen_operation (Gen         *g,
               const Sizes *n)
{
  guint per_process = MAX (1, n->risks / n->processes);

  for (guint i = 0; i < n->processes; i++)
    {
      CustosRecord *r = add (g, CUSTOS_REGISTER_PROCESSES);
      g_autoptr(GPtrArray) risks = g_ptr_array_new ();

      set_printf (r, CUSTOS_PROCESS_FIELD_NAME, "Process %u", i + 1);
      custos_process_set_owner (CUSTOS_PROCESS (r), random_id (g, CUSTOS_REGISTER_ROLES));
      custos_process_set_description (CUSTOS_PROCESS (r), "Business process generated for benchmarking.");
      /* A slice of the risk register, at most 50 risks. */
      for (guint k = i * per_process; k < MIN (n->risks, (i + 1) * per_process) && risks->len < 50; k++)
        g_ptr_array_add (risks, (gpointer) nth_id (g, CUSTOS_REGISTER_RISKS, k));
      g_ptr_array_add (risks, NULL);
      custos_process_set_risks (CUSTOS_PROCESS (r), (const char * const *) risks->pdata);
    }

  for (guint i = 0; i < n->measures; i++)
    {
      CustosRecord *r = add (g, CUSTOS_REGISTER_MEASURES);
      const char *measure_id = custos_record_get_id (r);
      double level = g_rand_double_range (g->rand, 70, 90);

      set_printf (r, CUSTOS_MEASURE_FIELD_TITLE, "Measure %u", i + 1);
      custos_measure_set_method (CUSTOS_MEASURE (r), "Report from the management console.");
      custos_measure_set_frequency (CUSTOS_MEASURE (r), "Monthly");
      custos_measure_set_owner (CUSTOS_MEASURE (r), random_id (g, CUSTOS_REGISTER_ROLES));
      custos_measure_set_reported_to (CUSTOS_MEASURE (r), "Top management");
      custos_measure_set_escalation (CUSTOS_MEASURE (r),
                                     "Below target twice in a row: raise a nonconformity.");
      custos_measure_set_target (CUSTOS_MEASURE (r), 95);
      custos_measure_set_unit (CUSTOS_MEASURE (r), "%");
      custos_measure_set_higher_is_better (CUSTOS_MEASURE (r), TRUE);

      /* A year of monthly results drifting upwards. */
      for (guint month = 1; month <= 12; month++)
        {
          CustosRecord *m = add (g, CUSTOS_REGISTER_MEASUREMENTS);

          /* Not inside MIN (), which would draw twice. */
          level += g_rand_double_range (g->rand, -2, 4);
          level = MIN (100.0, level);
          custos_measurement_set_measure (CUSTOS_MEASUREMENT (m), measure_id);
          set_printf (m, CUSTOS_MEASUREMENT_FIELD_DATE, "2026-%02u-28", month);
          custos_measurement_set_value (CUSTOS_MEASUREMENT (m), round (level * 10) / 10);
          if (month % 3 == 0)
            custos_measurement_set_note (CUSTOS_MEASUREMENT (m), "Monthly result.");
          else
            clear (m, CUSTOS_MEASUREMENT_FIELD_NOTE);
        }
    }
}

static void
gen_improvement (Gen         *g,
                 const Sizes *n)
{
  static const char * const whys[] = {
    "Step was skipped.", "No reminder existed.", "Procedure unclear.", NULL,
  };
  guint n_done = n->audits / 2;

  for (guint i = 0; i < n->audits; i++)
    {
      CustosRecord *r = add (g, CUSTOS_REGISTER_AUDITS);
      const char *processes[5] = { NULL };
      gboolean done = i < n_done;

      set_printf (r, CUSTOS_AUDIT_FIELD_TITLE, "Internal audit %u", i + 1);
      /* Four processes each, the last one when they run out. */
      for (guint k = 0; k < 4 && i * 4 + k < n->processes; k++)
        processes[k] = nth_id (g, CUSTOS_REGISTER_PROCESSES, i * 4 + k);
      if (processes[0] == NULL)
        processes[0] = nth_id (g, CUSTOS_REGISTER_PROCESSES, n->processes - 1);
      custos_audit_set_processes (CUSTOS_AUDIT (r), processes);
      custos_audit_set_frequency_months (CUSTOS_AUDIT (r), 12);
      set_person (g, r, CUSTOS_AUDIT_FIELD_AUDITOR);
      custos_audit_set_independence (CUSTOS_AUDIT (r), "Does not audit their own work.");
      set_date (g, r, CUSTOS_AUDIT_FIELD_PLANNED, 30 * (int) i);
      if (done)
        {
          set_date (g, r, CUSTOS_AUDIT_FIELD_DONE, 30 * (int) i + 2);
          custos_audit_set_status (CUSTOS_AUDIT (r), CUSTOS_AUDIT_STATUS_COMPLETED);
          custos_audit_set_summary (CUSTOS_AUDIT (r), "Audit completed; findings recorded.");
        }
      else
        {
          clear (r, CUSTOS_AUDIT_FIELD_DONE);
          custos_audit_set_status (CUSTOS_AUDIT (r), CUSTOS_AUDIT_STATUS_PLANNED);
          clear (r, CUSTOS_AUDIT_FIELD_SUMMARY);
        }
    }

  /* Before the findings and incidents that refer to them. */
  for (guint i = 0; i < n->nonconformities; i++)
    {
      CustosRecord *r = add (g, CUSTOS_REGISTER_NONCONFORMITIES);

      set_printf (r, CUSTOS_NONCONFORMITY_FIELD_TITLE, "Nonconformity %u", i + 1);
      set_date (g, r, CUSTOS_NONCONFORMITY_FIELD_RAISED, range (g, 0, 300));
      custos_nonconformity_set_description (CUSTOS_NONCONFORMITY (r), "Requirement not met.");
      custos_nonconformity_set_containment (CUSTOS_NONCONFORMITY (r), "Immediate correction made.");
      custos_nonconformity_set_whys (CUSTOS_NONCONFORMITY (r), whys);
      custos_nonconformity_set_root_cause (CUSTOS_NONCONFORMITY (r), "Procedure lacked a check.");
      custos_nonconformity_set_corrective_action (CUSTOS_NONCONFORMITY (r), "Procedure updated.");
      custos_nonconformity_set_owner (CUSTOS_NONCONFORMITY (r), random_id (g, CUSTOS_REGISTER_ROLES));
      set_date (g, r, CUSTOS_NONCONFORMITY_FIELD_DUE, range (g, 300, 400));
      set_date (g, r, CUSTOS_NONCONFORMITY_FIELD_EFFECTIVENESS_REVIEW, 420);
      custos_nonconformity_set_effectiveness (CUSTOS_NONCONFORMITY (r), CUSTOS_EFFECTIVENESS_EFFECTIVE);
      custos_nonconformity_set_status (CUSTOS_NONCONFORMITY (r), CUSTOS_NC_STATUS_CLOSED);
    }

  /* Two findings per completed audit. */
  for (guint i = 0; i < 2 * n_done; i++)
    {
      CustosRecord *r = add (g, CUSTOS_REGISTER_FINDINGS);
      /* A clause, or one of the first 20 applicable controls. */
      static const char * const clauses[] = { "7.5", "9.1", "6.1.3" };
      guint k = (guint) range (g, 0, G_N_ELEMENTS (clauses) + MIN (20, g->applicable->len) - 1);

      custos_finding_set_audit (CUSTOS_FINDING (r), nth_id (g, CUSTOS_REGISTER_AUDITS, i / 2));
      if (k < G_N_ELEMENTS (clauses))
        custos_finding_set_reference (CUSTOS_FINDING (r), clauses[k]);
      else
        custos_finding_set_reference (CUSTOS_FINDING (r),
                                      g_ptr_array_index (g->applicable, k - G_N_ELEMENTS (clauses)));
      set_printf (r, CUSTOS_FINDING_FIELD_DESCRIPTION, "Finding %u recorded during the audit.", i + 1);
      if (i < n->nonconformities && i % 2 == 0)
        custos_finding_set_nonconformity (CUSTOS_FINDING (r), nth_id (g, CUSTOS_REGISTER_NONCONFORMITIES, i));
      else
        clear (r, CUSTOS_FINDING_FIELD_NONCONFORMITY);
    }

  for (guint i = 0; i < n->reviews; i++)
    {
      CustosRecord *r = add (g, CUSTOS_REGISTER_REVIEWS);

      set_date (g, r, CUSTOS_REVIEW_FIELD_DATE, 200 + (int) i);
      custos_review_set_attendees (CUSTOS_REVIEW (r), "Top management and the ISMS Manager");
      custos_review_set_previous_actions (CUSTOS_REVIEW (r), "All closed.");
      custos_review_set_issue_changes (CUSTOS_REVIEW (r), "None significant.");
      custos_review_set_party_changes (CUSTOS_REVIEW (r), "None.");
      set_printf (r, CUSTOS_REVIEW_FIELD_NONCONFORMITIES, "%u open.", n->nonconformities);
      custos_review_set_monitoring (CUSTOS_REVIEW (r), "Most measures on target.");
      custos_review_set_audits (CUSTOS_REVIEW (r), "Programme on schedule.");
      custos_review_set_objectives (CUSTOS_REVIEW (r), "On track.");
      custos_review_set_feedback (CUSTOS_REVIEW (r), "No complaints.");
      set_printf (r, CUSTOS_REVIEW_FIELD_RISKS, "%u risks assessed.", n->risks);
      custos_review_set_opportunities (CUSTOS_REVIEW (r), "Automate reporting.");
      custos_review_set_decisions (CUSTOS_REVIEW (r), "Continue the programme.");
    }

  for (guint i = 0; i < 4 * n->reviews; i++)
    {
      CustosRecord *r = add (g, CUSTOS_REGISTER_REVIEW_ACTIONS);

      custos_review_action_set_review (CUSTOS_REVIEW_ACTION (r),
                                       nth_id (g, CUSTOS_REGISTER_REVIEWS, i % n->reviews));
      set_printf (r, CUSTOS_REVIEW_ACTION_FIELD_TITLE, "Review action %u", i + 1);
      custos_review_action_set_owner (CUSTOS_REVIEW_ACTION (r), random_id (g, CUSTOS_REGISTER_ROLES));
      set_date (g, r, CUSTOS_REVIEW_ACTION_FIELD_DUE, 260 + (int) i);
    }

  for (guint i = 0; i < n->incidents; i++)
    {
      CustosRecord *r = add (g, CUSTOS_REGISTER_INCIDENTS);

      set_printf (r, CUSTOS_INCIDENT_FIELD_TITLE, "%s (%u)", PICK (g, threats), i + 1);
      set_date (g, r, CUSTOS_INCIDENT_FIELD_DATE, range (g, 0, 320));
      custos_incident_set_description (CUSTOS_INCIDENT (r), "Incident generated for benchmarking.");
      custos_incident_set_confidentiality (CUSTOS_INCIDENT (r), chance (g, 0.5));
      custos_incident_set_integrity (CUSTOS_INCIDENT (r), chance (g, 0.3));
      custos_incident_set_availability (CUSTOS_INCIDENT (r), chance (g, 0.3));
      set_random_refs (g, r, CUSTOS_INCIDENT_FIELD_ASSETS, CUSTOS_REGISTER_ASSETS, 2);
      custos_incident_set_response (CUSTOS_INCIDENT (r), "Contained and recovered.");
      custos_incident_set_lessons (CUSTOS_INCIDENT (r), "Awareness refreshed.");
      if (i < n->nonconformities && i % 3 == 0)
        custos_incident_set_nonconformity (CUSTOS_INCIDENT (r),
                                           nth_id (g, CUSTOS_REGISTER_NONCONFORMITIES, i));
      else
        clear (r, CUSTOS_INCIDENT_FIELD_NONCONFORMITY);
    }
}

static CustosDocument *
generate (guint   n_risks,
          int     n_assets,
          guint32 seed)
{
  Gen g = { 0 };
  Sizes n = { 0 };
  CustosCatalogue *catalogue;

  n.risks = n_risks;
  n.assets = n_assets >= 0 ? (guint) n_assets : MAX (1, n_risks / 2);
  n.roles = MAX (8, MIN (200, 8 + n_risks / 100));
  n.documents = MAX (12, n_risks / 20);
  n.processes = MAX (6, n_risks / 20);
  n.measures = MAX (5, n_risks / 50);
  n.audits = MAX (4, n.processes / 4);
  n.reviews = MAX (1, n_risks / 1000);
  n.nonconformities = MAX (3, n_risks / 50);
  n.incidents = MAX (4, n_risks / 20);

  g.document = custos_document_new (CUSTOS_EDITION_2022);
  g.rand = g_rand_new_with_seed (seed);
  g_date_clear (&g.base, 1);
  g_date_set_dmy (&g.base, 5, G_DATE_JANUARY, 2026);
  catalogue = custos_document_get_catalogue (g.document);
  g.applicable = g_ptr_array_new ();
  for (guint i = 0; i < custos_catalogue_get_n_controls (catalogue); i++)
    {
      const CustosControl *control = custos_catalogue_get_control (catalogue, i);
      if (!is_not_applicable (control->id, NULL))
        g_ptr_array_add (g.applicable, (gpointer) control->id);
    }
  g.chosen = g_new0 (gboolean, custos_catalogue_get_n_controls (catalogue));

  gen_sections (&g, &n);
  gen_context (&g, &n);
  gen_risks (&g, &n);
  gen_documents (&g, &n);
  gen_soa (&g);
  gen_support (&g, &n);
  gen_operation (&g, &n);
  gen_improvement (&g, &n);

  g_free (g.chosen);
  g_ptr_array_unref (g.applicable);
  g_rand_free (g.rand);
  return g.document;
}

int
main (int    argc,
      char **argv)
{
  int risks = 0;
  int assets = -1;
  int seed = 1;
  int long_word = 0;
  g_autofree char *output = NULL;
  const GOptionEntry entries[] = {
    { "risks", 0, 0, G_OPTION_ARG_INT, &risks, "Number of risks", "N" },
    { "assets", 0, 0, G_OPTION_ARG_INT, &assets, "Number of assets (default: risks / 2)", "M" },
    { "seed", 0, 0, G_OPTION_ARG_INT, &seed, "Random seed (default: 1)", "S" },
    { "long-word", 0, 0, G_OPTION_ARG_INT, &long_word, "Make the first risk's title one word of BYTES letters", "BYTES" },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output, "File to write (- for standard output)", "FILE" },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new ("- generate an ISMS document for benchmarks");
  g_autoptr(GError) error = NULL;
  g_autoptr(CustosDocument) document = NULL;

  /* A model warning means a document that is not what was asked for. */
  g_log_set_always_fatal (G_LOG_LEVEL_ERROR | G_LOG_LEVEL_CRITICAL | G_LOG_LEVEL_WARNING);

  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      fprintf (stderr, "custos-bench-gen: %s\n", error->message);
      return 2;
    }
  if (argc != 1 || risks < 1 || assets < -1 || output == NULL || (long_word != 0 && long_word < 8))
    {
      fprintf (stderr, "Usage: custos-bench-gen --risks N [--assets M] [--seed S] [--long-word BYTES] -o FILE\n"
                       "(N at least 1; see --help)\n");
      return 2;
    }

  document = generate ((guint) risks, assets, (guint32) seed);
  if (long_word > 0)
    {
      g_autoptr(CustosRecord) risk = g_list_model_get_item (custos_document_get_register (document,
                                                                                          CUSTOS_REGISTER_RISKS), 0);
      g_autofree char *word = g_malloc ((gsize) long_word + 1);

      for (int i = 0; i < long_word; i++)
        word[i] = (char) ('a' + (i * 7) % 26);
      memcpy (word, "BEGIN", 5);
      memcpy (word + long_word - 3, "END", 3);
      word[long_word] = '\0';
      custos_risk_set_title (CUSTOS_RISK (risk), word);
    }

  if (strcmp (output, "-") == 0)
    {
      g_autoptr(GBytes) bytes = custos_xml_write (document);
      gsize length = 0;
      const char *data = g_bytes_get_data (bytes, &length);

      if (fwrite (data, 1, length, stdout) != length || fflush (stdout) != 0)
        {
          fprintf (stderr, "custos-bench-gen: cannot write to standard output\n");
          return 1;
        }
    }
  else
    {
      g_autoptr(GFile) file = g_file_new_for_commandline_arg (output);

      /* Replaced, not kept: custos_file_save would copy it to FILE.bak. */
      if (!g_file_delete (file, NULL, &error) && !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND))
        {
          fprintf (stderr, "custos-bench-gen: %s\n", error->message);
          return 1;
        }
      g_clear_error (&error);
      if (!custos_file_save (document, file, NULL, &error))
        {
          fprintf (stderr, "custos-bench-gen: %s\n", error->message);
          return 1;
        }
    }
  return 0;
}
