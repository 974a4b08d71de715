/* SPDX-License-Identifier: GPL-3.0-or-later */
/* custos-bench-gen.c — generates a large, valid ISMS document for the benchmarks
 *
 *   custos-bench-gen --risks N [--assets M] [--seed S] -o FILE
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
            const char   *field,
            const char   *format,
            ...) G_GNUC_PRINTF (3, 4);

static void
set_printf (CustosRecord *record,
            const char   *field,
            const char   *format,
            ...)
{
  g_autofree char *text = NULL;
  va_list args;

  va_start (args, format);
  text = g_strdup_vprintf (format, args);
  va_end (args);
  custos_record_set_string (record, field, text);
}

/* A DATE field: the base date plus days. */
static void
set_date (Gen          *g,
          CustosRecord *record,
          const char   *field,
          int           days)
{
  GDate date = g->base;
  g_autofree char *text = NULL;

  g_date_add_days (&date, (guint) days);
  text = format_date (&date);
  custos_record_set_string (record, field, text);
}

static void
set_person (Gen          *g,
            CustosRecord *record,
            const char   *field)
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
       const char   *name)
{
  guint index = 0;
  const CustosField *field = custos_kind_find_field (custos_record_get_kind (record), name, &index);
  g_auto(GValue) empty = G_VALUE_INIT;

  if (field == NULL)
    g_error ("%s has no field “%s”", G_OBJECT_TYPE_NAME (record), name);
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
                 const char     *field,
                 CustosRegister  reg,
                 guint           k)
{
  guint picked[8];
  const char *ids[G_N_ELEMENTS (picked) + 1] = { NULL };

  k = pick_indices (g, count (g, reg), MIN (k, G_N_ELEMENTS (picked)), picked);
  for (guint i = 0; i < k; i++)
    ids[i] = nth_id (g, reg, picked[i]);
  custos_record_set_strv (record, field, ids);
}

/* A CONTROLS field: k distinct applicable controls, in catalogue order. */
static void
set_random_controls (Gen          *g,
                     CustosRecord *record,
                     const char   *field,
                     guint         k)
{
  guint picked[8];
  const char *ids[G_N_ELEMENTS (picked) + 1] = { NULL };

  k = pick_indices (g, g->applicable->len, MIN (k, G_N_ELEMENTS (picked)), picked);
  for (guint i = 0; i < k; i++)
    ids[i] = g_ptr_array_index (g->applicable, picked[i]);
  custos_record_set_strv (record, field, ids);
}

/* Marks the controls of a CONTROLS field as chosen for a risk treatment. */
static void
note_chosen (Gen          *g,
             CustosRecord *record,
             const char   *field)
{
  CustosCatalogue *catalogue = custos_document_get_catalogue (g->document);
  const char * const *ids = custos_record_get_strv (record, field);

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
            set_random_refs (g, record, field->name, (CustosRegister) target, (guint) range (g, 1, 3));
          }
          continue;

        case CUSTOS_FIELD_CONTROLS:
          set_random_controls (g, record, field->name, (guint) range (g, 1, 3));
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
  custos_record_set_string (r, "name", "Benchmark Holdings Ltd");
  custos_record_set_string (r, "address", "1 Example Street, Leeds LS1 1AA");
  custos_record_set_string (r, "sector", "Professional services");
  custos_record_set_int (r, "employees", (int) MAX (10, n->risks / 10));
  custos_record_set_string (r, "isms-owner", "ISMS Manager");
  custos_record_set_string (r, "classification", "Confidential");

  r = section (g, CUSTOS_SECTION_SCOPE);
  custos_record_set_string (r, "statement",
                            "The ISMS covers all services delivered from the head office and by remote staff.");
  custos_record_set_string (r, "sites", "Head office and one branch office.");
  custos_record_set_string (r, "networks", "Cloud productivity tenant, office networks and managed laptops.");
  custos_record_set_string (r, "employee-groups", "All employees and contractors.");
  custos_record_set_string (r, "processes", "Client services, payroll, IT operations, HR and facilities.");
  custos_record_set_string (r, "out-of-scope", "The marketing website hosted by an agency.");
  custos_record_set_string (r, "interfaces", "Cloud suppliers, the managed IT provider and government gateways.");
  custos_record_set_string (r, "exclusions",
                            "Secure development controls (8.4, 8.25, 8.28 to 8.31, 8.33) and 7.6: "
                            "no development and no secure areas.");

  r = section (g, CUSTOS_SECTION_POLICY);
  custos_record_set_string (r, "statement",
                            "We protect the confidentiality, integrity and availability of the information "
                            "entrusted to us.");
  custos_record_set_string (r, "objectives-framework",
                            "Objectives are set yearly by top management from the risk assessment.");
  custos_record_set_bool (r, "commit-requirements", TRUE);
  custos_record_set_bool (r, "commit-improvement", TRUE);
  set_person (g, r, "authorised-by");
  custos_record_set_string (r, "approved", "2026-01-15");
  custos_record_set_string (r, "version", "1.0");
  custos_record_set_string (r, "next-review", "2027-01-15");
  custos_record_set_string (r, "communicated", "Intranet, induction and annual training.");

  r = section (g, CUSTOS_SECTION_REASSESSMENT);
  custos_record_set_int (r, "interval-months", 12);
  custos_record_set_string (r, "last", "2026-01-10");
  custos_record_set_string (r, "next", "2027-01-10");
  custos_record_set_strv (r, "triggers", triggers);
}

static void
gen_context (Gen         *g,
             const Sizes *n)
{
  for (guint i = 0, revisions = 3 + n->risks / 1000; i < revisions; i++)
    {
      CustosRecord *r = add (g, CUSTOS_REGISTER_REVISIONS);

      set_printf (r, "version", "1.%u", i);
      set_date (g, r, "date", 30 * (int) i);
      set_person (g, r, "author");
      set_printf (r, "summary", "Generated revision %u of the benchmark document.", i + 1);
      set_person (g, r, "approved-by");
    }

  for (guint i = 0, issues = 10 + n->risks / 100; i < issues; i++)
    {
      CustosRecord *r = add (g, CUSTOS_REGISTER_ISSUES);
      const char *threat = PICK (g, threats);
      const char *noun = PICK (g, asset_nouns);

      set_printf (r, "title", "%s affecting %s", threat, noun);
      custos_record_set_string (r, "category", PICK (g, issue_categories));
      set_printf (r, "description", "Issue recorded for benchmarking: %s.", PICK (g, weaknesses));
      custos_record_set_string (r, "effect", "Considered in the risk assessment and the scope.");
    }

  for (guint i = 0, parties = 8 + n->risks / 200; i < parties; i++)
    {
      CustosRecord *r = add (g, CUSTOS_REGISTER_PARTIES);

      set_printf (r, "name", "Interested party %u", i + 1);
      custos_record_set_string (r, "needs", "Confidentiality of their information and reliable service.");
      custos_record_set_bool (r, "relevant", chance (g, 0.9));
      custos_record_set_string (r, "addressed", "Contract terms, the ISMS policy and incident notification.");
    }

  for (guint i = 0; i < n->roles; i++)
    {
      CustosRecord *r = add (g, CUSTOS_REGISTER_ROLES);

      if (i < G_N_ELEMENTS (role_titles))
        custos_record_set_string (r, "title", role_titles[i]);
      else
        set_printf (r, "title", "%s %u", role_titles[i % G_N_ELEMENTS (role_titles)], i + 1);
      set_person (g, r, "holder");
      custos_record_set_string (r, "responsibilities", "Owns the risks, assets and controls assigned to the role.");
      custos_record_set_string (r, "authority", "May approve changes within the role's budget.");
      custos_record_set_bool (r, "top-management", i < 2);
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

      set_printf (r, "name", "%c%s %s %u", g_ascii_toupper (noun[0]), noun + 1, PICK (g, qualifiers), i + 1);
      custos_record_set_string (r, "owner", random_id (g, CUSTOS_REGISTER_ROLES));
      custos_record_set_string (r, "location", PICK (g, locations));
      custos_record_set_enum (r, "classification",
                              range (g, CUSTOS_CLASSIFICATION_INTERNAL, CUSTOS_CLASSIFICATION_RESTRICTED));
      custos_record_set_string (r, "description", "Asset generated for benchmarking.");
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

      set_printf (r, "title", "%s affecting %s %s", threat, noun, qualifier);
      set_random_refs (g, r, "assets", CUSTOS_REGISTER_ASSETS, (guint) range (g, 1, 3));
      set_printf (r, "threat", "%s.", threat);
      set_printf (r, "vulnerability", "%s.", PICK (g, weaknesses));
      custos_record_set_string (r, "existing-controls", PICK (g, existing_controls));
      custos_record_set_int (r, "likelihood", likelihood);
      custos_record_set_int (r, "consequence", consequence);
      custos_record_set_string (r, "owner", random_id (g, CUSTOS_REGISTER_ROLES));
      custos_record_set_enum (r, "treatment", treatment);

      if (treatment == CUSTOS_TREATMENT_ACCEPT)
        {
          clear (r, "controls");
          status = CUSTOS_RISK_STATUS_ACCEPTED;
        }
      else
        {
          set_random_controls (g, r, "controls", (guint) range (g, 1, 5));
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
      note_chosen (g, r, "controls");
      if (treatment == CUSTOS_TREATMENT_TRANSFER)
        custos_record_set_string (r, "custom-controls", "Cyber insurance policy.");
      else
        clear (r, "custom-controls");
      custos_record_set_int (r, "residual-likelihood", residual_likelihood);
      custos_record_set_int (r, "residual-consequence", residual_consequence);

      if (status == CUSTOS_RISK_STATUS_ACCEPTED)
        {
          int residual = custos_criteria_score (criteria, residual_likelihood, residual_consequence);

          set_person (g, r, "accepted-by");
          set_date (g, r, "accepted", range (g, 0, 300));
          custos_record_set_bool (r, "management-approval", residual >= threshold);
        }
      else
        {
          clear (r, "accepted-by");
          clear (r, "accepted");
          custos_record_set_bool (r, "management-approval", FALSE);
        }
      custos_record_set_enum (r, "status", status);
      set_date (g, r, "next-review", 365 + range (g, 0, 180));
    }

  /* The risk treatment plan: about one action per risk. */
  for (guint i = 0; i < n->risks; i++)
    {
      CustosRecord *r = add (g, CUSTOS_REGISTER_ACTIONS);
      CustosRecord *risk = nth (g, CUSTOS_REGISTER_RISKS, (guint) g_rand_int_range (g->rand, 0, (gint32) n->risks));
      const char * const *risk_controls = custos_record_get_strv (risk, "controls");
      static const CustosActionStatus action_statuses[] = {
        CUSTOS_ACTION_STATUS_PLANNED, CUSTOS_ACTION_STATUS_IN_PROGRESS, CUSTOS_ACTION_STATUS_DONE,
        CUSTOS_ACTION_STATUS_PLANNED, CUSTOS_ACTION_STATUS_IN_PROGRESS, CUSTOS_ACTION_STATUS_DONE,
        CUSTOS_ACTION_STATUS_PLANNED, CUSTOS_ACTION_STATUS_IN_PROGRESS, CUSTOS_ACTION_STATUS_DONE,
        CUSTOS_ACTION_STATUS_CANCELLED,
      };
      CustosActionStatus status = PICK (g, action_statuses);
      g_autofree char *short_title = g_utf8_substring (custos_record_get_string (risk, "title"), 0, 40);

      set_printf (r, "title", "Implement %s for %s", PICK (g, action_kinds), g_strchomp (short_title));
      custos_record_set_string (r, "risk", custos_record_get_id (risk));
      if (risk_controls != NULL && risk_controls[0] != NULL)
        {
          const char *first_two[3] = { risk_controls[0], risk_controls[1], NULL };
          custos_record_set_strv (r, "controls", first_two);
        }
      else
        set_random_controls (g, r, "controls", 1);
      note_chosen (g, r, "controls");
      custos_record_set_string (r, "owner", random_id (g, CUSTOS_REGISTER_ROLES));
      set_printf (r, "resources", "%d days of staff time", range (g, 1, 10));
      set_date (g, r, "due", range (g, 0, 540));
      custos_record_set_enum (r, "status", status);
      if (status == CUSTOS_ACTION_STATUS_DONE)
        custos_record_set_string (r, "evidence", "Record filed in the ISMS library.");
      else
        clear (r, "evidence");
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
      set_printf (r, "reference", "ISMS-%03u", i + 1);
      set_printf (r, "title", "Controlled document %u", i + 1);
      set_printf (r, "version", "1.%d", range (g, 0, 5));
      custos_record_set_string (r, "owner", random_id (g, CUSTOS_REGISTER_ROLES));
      custos_record_set_string (r, "approver", nth_id (g, CUSTOS_REGISTER_ROLES, 0));
      set_date (g, r, "approved", range (g, 0, 200));
      set_date (g, r, "next-review", range (g, 365, 500));
      custos_record_set_enum (r, "classification",
                              range (g, CUSTOS_CLASSIFICATION_INTERNAL, CUSTOS_CLASSIFICATION_RESTRICTED));
      custos_record_set_string (r, "location", "Document library / ISMS");
      custos_record_set_enum (r, "status", CUSTOS_DOCUMENT_STATUS_APPROVED);
    }

  r = section (g, CUSTOS_SECTION_PLAN_APPROVAL);
  custos_record_set_string (r, "owners-approved-by", "All risk owners");
  custos_record_set_string (r, "owners-approved", "2026-03-02");
  custos_record_set_string (r, "management-approved-by",
                            custos_record_get_string (nth (g, CUSTOS_REGISTER_ROLES, 0), "holder"));
  custos_record_set_string (r, "management-approved", "2026-03-09");
  custos_record_set_string (r, "notes", "Generated approval of the risk treatment plan.");
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
      clear (r, "review");
      clear (r, "migration-note");
      if (is_not_applicable (id, &justification))
        {
          custos_record_set_enum (r, "applicable", CUSTOS_APPLICABILITY_NOT_APPLICABLE);
          clear (r, "reasons");
          clear (r, "implementation");
          custos_record_set_string (r, "justification", justification);
          clear (r, "how-applied");
          clear (r, "document");
          custos_record_set_string (r, "owner", nth_id (g, CUSTOS_REGISTER_ROLES, 2 % count (g, CUSTOS_REGISTER_ROLES)));
          continue;
        }

      if (g->chosen[custos_catalogue_lookup (catalogue, id)->index])
        reasons |= CUSTOS_REASON_RISK_TREATMENT;
      if (chance (g, 0.2))
        reasons |= CUSTOS_REASON_LEGAL;
      if (chance (g, 0.2))
        reasons |= CUSTOS_REASON_CONTRACTUAL;
      custos_record_set_enum (r, "applicable", CUSTOS_APPLICABILITY_APPLICABLE);
      custos_record_set_enum (r, "reasons", (int) reasons);
      custos_record_set_enum (r, "implementation", PICK (g, implementations));
      set_printf (r, "justification", "Control %s is needed for the risks and obligations of the organisation.", id);
      how_document = random_id (g, CUSTOS_REGISTER_DOCUMENTS);
      set_printf (r, "how-applied", "%s section %d", how_document, range (g, 1, 9));
      custos_record_set_string (r, "document", random_id (g, CUSTOS_REGISTER_DOCUMENTS));
      custos_record_set_string (r, "owner", random_id (g, CUSTOS_REGISTER_ROLES));
    }
}

static void
gen_support (Gen         *g,
             const Sizes *n)
{
  for (guint i = 0, objectives = 5 + n->risks / 200; i < objectives; i++)
    {
      CustosRecord *r = add (g, CUSTOS_REGISTER_OBJECTIVES);

      set_printf (r, "title", "Security objective %u", i + 1);
      set_printf (r, "target", "Reach %d%% by the due date.", range (g, 80, 100));
      custos_record_set_string (r, "measure", "Monthly report");
      custos_record_set_string (r, "owner", random_id (g, CUSTOS_REGISTER_ROLES));
      custos_record_set_string (r, "resources", "Existing staff time");
      set_date (g, r, "due", range (g, 90, 500));
      custos_record_set_bool (r, "ongoing", chance (g, 0.3));
      custos_record_set_int (r, "progress", range (g, 0, 100));
    }

  for (guint i = 0, competences = MAX (6, n->roles * 2); i < competences; i++)
    {
      CustosRecord *r = add (g, CUSTOS_REGISTER_COMPETENCES);

      custos_record_set_string (r, "role", nth_id (g, CUSTOS_REGISTER_ROLES, i % n->roles));
      set_printf (r, "requirement", "Knowledge of the procedures and controls the role operates (%u).", i + 1);
      custos_record_set_string (r, "verification", "Certificate on file and annual appraisal.");
    }

  for (guint i = 0, trainings = MAX (10, n->risks / 10); i < trainings; i++)
    {
      CustosRecord *r = add (g, CUSTOS_REGISTER_TRAININGS);

      set_person (g, r, "person");
      custos_record_set_string (r, "topic", PICK (g, training_topics));
      set_date (g, r, "date", range (g, 0, 300));
      custos_record_set_string (r, "evidence", "Completion record in the learning system");
      set_date (g, r, "expiry", range (g, 300, 700));
    }

  for (guint i = 0, communications = 6 + n->risks / 200; i < communications; i++)
    {
      CustosRecord *r = add (g, CUSTOS_REGISTER_COMMUNICATIONS);

      set_printf (r, "subject", "Communication %u", i + 1);
      custos_record_set_string (r, "when", PICK (g, frequencies));
      custos_record_set_string (r, "audience", PICK (g, audiences));
      custos_record_set_string (r, "sender", random_id (g, CUSTOS_REGISTER_ROLES));
      custos_record_set_string (r, "channel", PICK (g, channels));
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

      set_printf (r, "name", "Process %u", i + 1);
      custos_record_set_string (r, "owner", random_id (g, CUSTOS_REGISTER_ROLES));
      custos_record_set_string (r, "description", "Business process generated for benchmarking.");
      /* A slice of the risk register, at most 50 risks. */
      for (guint k = i * per_process; k < MIN (n->risks, (i + 1) * per_process) && risks->len < 50; k++)
        g_ptr_array_add (risks, (gpointer) nth_id (g, CUSTOS_REGISTER_RISKS, k));
      g_ptr_array_add (risks, NULL);
      custos_record_set_strv (r, "risks", (const char * const *) risks->pdata);
    }

  for (guint i = 0; i < n->measures; i++)
    {
      CustosRecord *r = add (g, CUSTOS_REGISTER_MEASURES);
      const char *measure_id = custos_record_get_id (r);
      double level = g_rand_double_range (g->rand, 70, 90);

      set_printf (r, "title", "Measure %u", i + 1);
      custos_record_set_string (r, "method", "Report from the management console.");
      custos_record_set_string (r, "frequency", "Monthly");
      custos_record_set_string (r, "owner", random_id (g, CUSTOS_REGISTER_ROLES));
      custos_record_set_string (r, "reported-to", "Top management");
      custos_record_set_string (r, "escalation", "Below target twice in a row: raise a nonconformity.");
      custos_record_set_number (r, "target", 95);
      custos_record_set_string (r, "unit", "%");
      custos_record_set_bool (r, "higher-is-better", TRUE);

      /* A year of monthly results drifting upwards. */
      for (guint month = 1; month <= 12; month++)
        {
          CustosRecord *m = add (g, CUSTOS_REGISTER_MEASUREMENTS);

          /* Not inside MIN (), which would draw twice. */
          level += g_rand_double_range (g->rand, -2, 4);
          level = MIN (100.0, level);
          custos_record_set_string (m, "measure", measure_id);
          set_printf (m, "date", "2026-%02u-28", month);
          custos_record_set_number (m, "value", round (level * 10) / 10);
          if (month % 3 == 0)
            custos_record_set_string (m, "note", "Monthly result.");
          else
            clear (m, "note");
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

      set_printf (r, "title", "Internal audit %u", i + 1);
      /* Four processes each, the last one when they run out. */
      for (guint k = 0; k < 4 && i * 4 + k < n->processes; k++)
        processes[k] = nth_id (g, CUSTOS_REGISTER_PROCESSES, i * 4 + k);
      if (processes[0] == NULL)
        processes[0] = nth_id (g, CUSTOS_REGISTER_PROCESSES, n->processes - 1);
      custos_record_set_strv (r, "processes", processes);
      custos_record_set_int (r, "frequency-months", 12);
      set_person (g, r, "auditor");
      custos_record_set_string (r, "independence", "Does not audit their own work.");
      set_date (g, r, "planned", 30 * (int) i);
      if (done)
        {
          set_date (g, r, "done", 30 * (int) i + 2);
          custos_record_set_enum (r, "status", CUSTOS_AUDIT_STATUS_COMPLETED);
          custos_record_set_string (r, "summary", "Audit completed; findings recorded.");
        }
      else
        {
          clear (r, "done");
          custos_record_set_enum (r, "status", CUSTOS_AUDIT_STATUS_PLANNED);
          clear (r, "summary");
        }
    }

  /* Before the findings and incidents that refer to them. */
  for (guint i = 0; i < n->nonconformities; i++)
    {
      CustosRecord *r = add (g, CUSTOS_REGISTER_NONCONFORMITIES);

      set_printf (r, "title", "Nonconformity %u", i + 1);
      set_date (g, r, "raised", range (g, 0, 300));
      custos_record_set_string (r, "description", "Requirement not met.");
      custos_record_set_string (r, "containment", "Immediate correction made.");
      custos_record_set_strv (r, "whys", whys);
      custos_record_set_string (r, "root-cause", "Procedure lacked a check.");
      custos_record_set_string (r, "corrective-action", "Procedure updated.");
      custos_record_set_string (r, "owner", random_id (g, CUSTOS_REGISTER_ROLES));
      set_date (g, r, "due", range (g, 300, 400));
      set_date (g, r, "effectiveness-review", 420);
      custos_record_set_enum (r, "effectiveness", CUSTOS_EFFECTIVENESS_EFFECTIVE);
      custos_record_set_enum (r, "status", CUSTOS_NC_STATUS_CLOSED);
    }

  /* Two findings per completed audit. */
  for (guint i = 0; i < 2 * n_done; i++)
    {
      CustosRecord *r = add (g, CUSTOS_REGISTER_FINDINGS);
      /* A clause, or one of the first 20 applicable controls. */
      static const char * const clauses[] = { "7.5", "9.1", "6.1.3" };
      guint k = (guint) range (g, 0, G_N_ELEMENTS (clauses) + MIN (20, g->applicable->len) - 1);

      custos_record_set_string (r, "audit", nth_id (g, CUSTOS_REGISTER_AUDITS, i / 2));
      if (k < G_N_ELEMENTS (clauses))
        custos_record_set_string (r, "reference", clauses[k]);
      else
        custos_record_set_string (r, "reference", g_ptr_array_index (g->applicable, k - G_N_ELEMENTS (clauses)));
      set_printf (r, "description", "Finding %u recorded during the audit.", i + 1);
      if (i < n->nonconformities && i % 2 == 0)
        custos_record_set_string (r, "nonconformity", nth_id (g, CUSTOS_REGISTER_NONCONFORMITIES, i));
      else
        clear (r, "nonconformity");
    }

  for (guint i = 0; i < n->reviews; i++)
    {
      CustosRecord *r = add (g, CUSTOS_REGISTER_REVIEWS);

      set_date (g, r, "date", 200 + (int) i);
      custos_record_set_string (r, "attendees", "Top management and the ISMS Manager");
      custos_record_set_string (r, "previous-actions", "All closed.");
      custos_record_set_string (r, "issue-changes", "None significant.");
      custos_record_set_string (r, "party-changes", "None.");
      set_printf (r, "nonconformities", "%u open.", n->nonconformities);
      custos_record_set_string (r, "monitoring", "Most measures on target.");
      custos_record_set_string (r, "audits", "Programme on schedule.");
      custos_record_set_string (r, "objectives", "On track.");
      custos_record_set_string (r, "feedback", "No complaints.");
      set_printf (r, "risks", "%u risks assessed.", n->risks);
      custos_record_set_string (r, "opportunities", "Automate reporting.");
      custos_record_set_string (r, "decisions", "Continue the programme.");
    }

  for (guint i = 0; i < 4 * n->reviews; i++)
    {
      CustosRecord *r = add (g, CUSTOS_REGISTER_REVIEW_ACTIONS);

      custos_record_set_string (r, "review", nth_id (g, CUSTOS_REGISTER_REVIEWS, i % n->reviews));
      set_printf (r, "title", "Review action %u", i + 1);
      custos_record_set_string (r, "owner", random_id (g, CUSTOS_REGISTER_ROLES));
      set_date (g, r, "due", 260 + (int) i);
    }

  for (guint i = 0; i < n->incidents; i++)
    {
      CustosRecord *r = add (g, CUSTOS_REGISTER_INCIDENTS);

      set_printf (r, "title", "%s (%u)", PICK (g, threats), i + 1);
      set_date (g, r, "date", range (g, 0, 320));
      custos_record_set_string (r, "description", "Incident generated for benchmarking.");
      custos_record_set_bool (r, "confidentiality", chance (g, 0.5));
      custos_record_set_bool (r, "integrity", chance (g, 0.3));
      custos_record_set_bool (r, "availability", chance (g, 0.3));
      set_random_refs (g, r, "assets", CUSTOS_REGISTER_ASSETS, 2);
      custos_record_set_string (r, "response", "Contained and recovered.");
      custos_record_set_string (r, "lessons", "Awareness refreshed.");
      if (i < n->nonconformities && i % 3 == 0)
        custos_record_set_string (r, "nonconformity", nth_id (g, CUSTOS_REGISTER_NONCONFORMITIES, i));
      else
        clear (r, "nonconformity");
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
  g_autofree char *output = NULL;
  const GOptionEntry entries[] = {
    { "risks", 0, 0, G_OPTION_ARG_INT, &risks, "Number of risks", "N" },
    { "assets", 0, 0, G_OPTION_ARG_INT, &assets, "Number of assets (default: risks / 2)", "M" },
    { "seed", 0, 0, G_OPTION_ARG_INT, &seed, "Random seed (default: 1)", "S" },
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
  if (argc != 1 || risks < 1 || assets < -1 || output == NULL)
    {
      fprintf (stderr, "Usage: custos-bench-gen --risks N [--assets M] [--seed S] -o FILE\n"
                       "(N at least 1; see --help)\n");
      return 2;
    }

  document = generate ((guint) risks, assets, (guint32) seed);

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
