/* SPDX-License-Identifier: GPL-3.0-or-later */
/* custos-readiness-annex.c — the readiness rules of the registers behind
 * Annex A controls: legal and contractual requirements (A.5.31–5.34),
 * suppliers (A.5.19–5.22), and the evidence that controls work */
#include "config.h"

#include <string.h>

#include "custos-readiness-private.h"

/* Evidence, assessments and reviews older than this are not current. */
#define CURRENT_MONTHS 12

/* Is the control applicable in the SoA? id2022 and id2013 name it in either
 * edition. */
static gboolean
control_applies (Check      *c,
                 const char *id2022,
                 const char *id2013)
{
  const char *id = custos_document_get_edition (c->doc) == CUSTOS_EDITION_2013 ? id2013 : id2022;
  CustosRecord *entry = custos_document_lookup (c->doc, CUSTOS_REGISTER_SOA, id);

  return entry != NULL &&
         custos_soa_entry_get_applicable (CUSTOS_SOA_ENTRY (entry)) == CUSTOS_APPLICABILITY_APPLICABLE;
}

/* A.5.31 Legal, statutory, regulatory and contractual requirements ------------ */

void
readiness_check_requirements (Check *c)
{
  GListModel *requirements = custos_document_get_register (c->doc, CUSTOS_REGISTER_REQUIREMENTS);
  guint n = g_list_model_get_n_items (requirements);

  if (n == 0 && control_applies (c, "5.31", "A.18.1.1"))
    add_finding (c, CUSTOS_READINESS_SEVERITY_WARNING, "requirements-none", "A.5.31",
                 CUSTOS_REGISTER_REQUIREMENTS, NULL,
                 _("Control 5.31 applies but no legal, statutory, regulatory or contractual requirement is recorded"));

  for (guint i = 0; i < n; i++)
    {
      CustosRecord *requirement = item_at (requirements, i);
      const char *id = custos_record_get_id (requirement);
      const char *title = custos_record_get_title (requirement);
      const char *reviewed = custos_requirement_get_reviewed (CUSTOS_REQUIREMENT (requirement));

      if (custos_record_field_is_empty (requirement, CUSTOS_REQUIREMENT_FIELD_HOW_MET))
        add_finding (c, CUSTOS_READINESS_SEVERITY_WARNING, "requirement-not-met", "A.5.31",
                     CUSTOS_REGISTER_REQUIREMENTS, requirement,
                     _("Requirement %s “%s” does not say how it is met"), id, title);
      if (reviewed == NULL)
        add_finding (c, CUSTOS_READINESS_SEVERITY_WARNING, "requirement-review-overdue", "A.5.31",
                     CUSTOS_REGISTER_REQUIREMENTS, requirement,
                     _("Requirement %s “%s” has never been reviewed"), id, title);
      else if (is_older_than (reviewed, c->today, CURRENT_MONTHS))
        add_finding (c, CUSTOS_READINESS_SEVERITY_WARNING, "requirement-review-overdue", "A.5.31",
                     CUSTOS_REGISTER_REQUIREMENTS, requirement,
                     _("Requirement %s “%s” was last reviewed on %s, more than twelve months ago"),
                     id, title, reviewed);
    }
}

/* A.5.19–5.22 Suppliers ---------------------------------------------------------- */

void
readiness_check_suppliers (Check *c)
{
  GListModel *suppliers = custos_document_get_register (c->doc, CUSTOS_REGISTER_SUPPLIERS);
  guint n = g_list_model_get_n_items (suppliers);

  if (n == 0 && control_applies (c, "5.19", "A.15.1.1"))
    add_finding (c, CUSTOS_READINESS_SEVERITY_WARNING, "suppliers-none", "A.5.19",
                 CUSTOS_REGISTER_SUPPLIERS, NULL,
                 _("Control 5.19 applies but no supplier is recorded"));

  for (guint i = 0; i < n; i++)
    {
      CustosSupplier *supplier = CUSTOS_SUPPLIER (item_at (suppliers, i));
      CustosRecord *record = CUSTOS_RECORD (supplier);
      const char *id = custos_record_get_id (record);
      const char *name = custos_record_get_title (record);
      const char *assessed = custos_supplier_get_assessed (supplier);
      int criticality = custos_supplier_get_criticality (supplier);
      int assessment = custos_supplier_get_assessment (supplier);
      gboolean matters = criticality >= CUSTOS_SEVERITY_HIGH || custos_supplier_get_data_access (supplier);

      if (matters && (assessed == NULL || assessment == CUSTOS_ASSESSMENT_NOT_ASSESSED))
        add_finding (c, CUSTOS_READINESS_SEVERITY_WARNING, "supplier-not-assessed", "A.5.22",
                     CUSTOS_REGISTER_SUPPLIERS, record,
                     _("Supplier %s “%s” is critical or handles our information but has not been assessed"),
                     id, name);
      else if (matters && is_older_than (assessed, c->today, CURRENT_MONTHS))
        add_finding (c, CUSTOS_READINESS_SEVERITY_WARNING, "supplier-not-assessed", "A.5.22",
                     CUSTOS_REGISTER_SUPPLIERS, record,
                     _("Supplier %s “%s” was last assessed on %s, more than twelve months ago"),
                     id, name, assessed);
      if (assessment == CUSTOS_ASSESSMENT_UNSATISFACTORY)
        add_finding (c, CUSTOS_READINESS_SEVERITY_WARNING, "supplier-unsatisfactory", "A.5.22",
                     CUSTOS_REGISTER_SUPPLIERS, record,
                     _("Supplier %s “%s” was assessed as unsatisfactory"), id, name);
      if (custos_supplier_get_data_access (supplier) &&
          custos_record_field_is_empty (record, CUSTOS_SUPPLIER_FIELD_CONTRACT_CLAUSES))
        add_finding (c, CUSTOS_READINESS_SEVERITY_WARNING, "supplier-no-clauses", "A.5.20",
                     CUSTOS_REGISTER_SUPPLIERS, record,
                     _("Supplier %s “%s” handles our information but its contract's security clauses are not recorded"),
                     id, name);
      if (is_before (custos_supplier_get_next_review (supplier), c->today))
        add_finding (c, CUSTOS_READINESS_SEVERITY_WARNING, "supplier-review-overdue", "A.5.22",
                     CUSTOS_REGISTER_SUPPLIERS, record,
                     _("Supplier %s “%s” was due for review on %s"),
                     id, name, custos_supplier_get_next_review (supplier));
    }
}

/* Evidence of controls --------------------------------------------------------- */

gboolean
custos_evidence_location_is_file (const char *location)
{
  const char *scheme_end, *dot;
  gboolean letter = FALSE;

  if (location == NULL || *location == '\0')
    return FALSE;
  if (g_str_has_prefix (location, "file:"))
    return TRUE;
  /* A URL's scheme; one letter is a Windows drive (C:\…). */
  scheme_end = strchr (location, ':');
  if (scheme_end != NULL && scheme_end - location > 1 && g_uri_peek_scheme (location) != NULL)
    return FALSE;
  if (location[0] == '/' || g_str_has_prefix (location, "~/") || g_str_has_prefix (location, "./") ||
      g_str_has_prefix (location, "../") || strchr (location, '/') != NULL)
    return TRUE;
  /* "policy.pdf", but neither "SharePoint > Evidence > 5.6" nor "Leeds office". */
  dot = strrchr (location, '.');
  if (dot == NULL || dot == location || dot[1] == '\0' || strlen (dot + 1) > 5)
    return FALSE;
  for (const char *p = dot + 1; *p != '\0'; p++)
    {
      if (!g_ascii_isalnum (*p))
        return FALSE;
      letter |= g_ascii_isalpha (*p);
    }
  return letter && strchr (location, '>') == NULL;
}

/* The date an evidence item was last confirmed: verified, else its own date. */
static const char *
evidence_date (CustosEvidence *evidence)
{
  const char *verified = custos_evidence_get_verified (evidence);

  return verified != NULL ? verified : custos_evidence_get_date (evidence);
}

void
readiness_check_evidence (Check *c)
{
  GListModel *soa = custos_document_get_register (c->doc, CUSTOS_REGISTER_SOA);
  GListModel *items = custos_document_get_register (c->doc, CUSTOS_REGISTER_EVIDENCE);
  /* control id → the latest date any evidence of it was confirmed */
  g_autoptr(GHashTable) latest = g_hash_table_new (g_str_hash, g_str_equal);
  /* control id → an evidence item of it whose file is missing */
  g_autoptr(GHashTable) missing = g_hash_table_new (g_str_hash, g_str_equal);

  for (guint i = 0, n = g_list_model_get_n_items (items); i < n; i++)
    {
      CustosEvidence *evidence = CUSTOS_EVIDENCE (item_at (items, i));
      CustosRecord *record = CUSTOS_RECORD (evidence);
      const char *id = custos_record_get_id (record);
      const char *title = custos_record_get_title (record);
      const char *location = custos_evidence_get_location (evidence);
      const char * const *controls = custos_evidence_get_controls (evidence);
      const char *date = evidence_date (evidence);
      CustosEvidenceFileStatus status = CUSTOS_EVIDENCE_FILE_NOT_LOCAL;

      /* Not read: NULL, which is NOT_LOCAL (0). */
      if (c->evidence_files != NULL)
        status = GPOINTER_TO_INT (g_hash_table_lookup (c->evidence_files, id));
      if (status == CUSTOS_EVIDENCE_FILE_MISSING)
        {
          add_finding (c, CUSTOS_READINESS_SEVERITY_ERROR, "evidence-missing", "7.5.3",
                       CUSTOS_REGISTER_EVIDENCE, record,
                       _("Evidence %s “%s”: its file %s is missing"), id, title, location);
          for (guint k = 0; controls != NULL && controls[k] != NULL; k++)
            g_hash_table_insert (missing, (gpointer) controls[k], (gpointer) id);
          continue; /* evidence that is not there proves nothing */
        }
      if (status == CUSTOS_EVIDENCE_FILE_CHANGED)
        add_finding (c, CUSTOS_READINESS_SEVERITY_WARNING, "evidence-changed", "7.5.3",
                     CUSTOS_REGISTER_EVIDENCE, record,
                     date != NULL ? _("Evidence %s “%s”: its file %s has changed since it was verified on %s")
                                  : _("Evidence %s “%s”: its file %s no longer matches its recorded checksum"),
                     id, title, location, date);
      else if (custos_evidence_location_is_file (location) &&
               custos_record_field_is_empty (record, CUSTOS_EVIDENCE_FIELD_SHA256))
        add_finding (c, CUSTOS_READINESS_SEVERITY_INFO, "evidence-no-checksum", "7.5.3",
                     CUSTOS_REGISTER_EVIDENCE, record,
                     _("Evidence %s “%s”: no checksum of its file %s is recorded, so a change to it would go unnoticed"),
                     id, title, location);

      for (guint k = 0; controls != NULL && controls[k] != NULL; k++)
        {
          const char *seen = g_hash_table_lookup (latest, controls[k]);

          /* Any evidence counts, dated or not; a later date wins. */
          if (!g_hash_table_contains (latest, controls[k]) || (date != NULL && g_strcmp0 (date, seen) > 0))
            g_hash_table_insert (latest, (gpointer) controls[k], (gpointer) date);
        }
    }

  for (guint i = 0, n = g_list_model_get_n_items (soa); i < n; i++)
    {
      CustosSoaEntry *entry = CUSTOS_SOA_ENTRY (item_at (soa, i));
      const char *id = custos_record_get_id (CUSTOS_RECORD (entry));
      const char *title = custos_document_get_control_title (c->doc, id);
      const char *document_id = custos_soa_entry_get_document (entry);
      CustosRecord *document = document_id ? custos_document_lookup (c->doc, CUSTOS_REGISTER_DOCUMENTS, document_id)
                                           : NULL;
      const char *date;

      if (custos_soa_entry_get_applicable (entry) != CUSTOS_APPLICABILITY_APPLICABLE)
        continue;
      if (title == NULL)
        title = "";
      if (document != NULL &&
          custos_controlled_document_get_status (CUSTOS_CONTROLLED_DOCUMENT (document)) == CUSTOS_DOCUMENT_STATUS_UNDER_REVIEW)
        add_finding (c, CUSTOS_READINESS_SEVERITY_WARNING, "soa-document-under-review", "6.1.3 d",
                     CUSTOS_REGISTER_SOA, CUSTOS_RECORD (entry),
                     _("Control %s “%s” rests on document %s “%s”, which is under review"),
                     id, title, document_id, custos_record_get_title (document));
      if (custos_soa_entry_get_implementation (entry) != CUSTOS_IMPLEMENTATION_IMPLEMENTED)
        continue;
      if (!g_hash_table_lookup_extended (latest, id, NULL, (gpointer *) &date) && g_hash_table_contains (missing, id))
        add_finding (c, CUSTOS_READINESS_SEVERITY_WARNING, "soa-no-evidence", "6.1.3 d",
                     CUSTOS_REGISTER_SOA, CUSTOS_RECORD (entry),
                     _("Control %s “%s” is implemented but the file of its evidence %s is missing"), id, title,
                     (const char *) g_hash_table_lookup (missing, id));
      else if (!g_hash_table_contains (latest, id))
        add_finding (c, CUSTOS_READINESS_SEVERITY_WARNING, "soa-no-evidence", "6.1.3 d",
                     CUSTOS_REGISTER_SOA, CUSTOS_RECORD (entry),
                     _("Control %s “%s” is implemented but no evidence of it is recorded"), id, title);
      else if (date == NULL || is_older_than (date, c->today, CURRENT_MONTHS))
        add_finding (c, CUSTOS_READINESS_SEVERITY_WARNING, "soa-no-evidence", "6.1.3 d",
                     CUSTOS_REGISTER_SOA, CUSTOS_RECORD (entry),
                     date == NULL ? _("Control %s “%s” is implemented but its evidence is not dated")
                                  : _("Control %s “%s” is implemented but its evidence was last verified on %s, "
                                      "more than twelve months ago"),
                     id, title, date);
    }
}
