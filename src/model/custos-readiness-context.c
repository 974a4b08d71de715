/* SPDX-License-Identifier: GPL-3.0-or-later */
/* custos-readiness-context.c — the readiness rules of clauses 4 and 5, and required fields */
#include "config.h"

#include "custos-readiness-private.h"

/* Required fields ---------------------------------------------------------- */

/* "“Risk”, “Date”" for the required fields of record that are empty; NULL
 * when none is. */
static char *
empty_required (CustosRecord *record,
                guint        *n_empty)
{
  const CustosKind *kind = custos_record_get_kind (record);
  g_autoptr(GString) list = g_string_new (NULL);

  *n_empty = 0;
  for (guint f = 0; f < kind->n_fields; f++)
    if ((kind->fields[f].flags & CUSTOS_FIELD_FLAG_REQUIRED) != 0 && custos_record_field_is_empty (record, f))
      {
        if (list->len > 0)
          g_string_append (list, ", ");
        /* Translators: the name of a field in a list of empty required fields */
        g_string_append_printf (list, _("“%s”"), _(kind->fields[f].label));
        (*n_empty)++;
      }
  return *n_empty > 0 ? g_string_free (g_steal_pointer (&list), FALSE) : NULL;
}

/* The loader keeps records whose required fields are empty, so that a record
 * being filled in always saves; they are reported here. The scope and policy
 * statements are reported as missing documented information instead. */
void
readiness_check_required (Check *c)
{
  CustosRecord *organisation = custos_document_get_section (c->doc, CUSTOS_SECTION_ORGANISATION);
  g_autofree char *org_missing = NULL;
  guint n_empty;

  if ((org_missing = empty_required (organisation, &n_empty)) != NULL)
    add_finding (c, CUSTOS_READINESS_SEVERITY_WARNING, "record-incomplete",
                 custos_record_get_kind (organisation)->clause, -1, organisation,
                 g_dngettext (GETTEXT_PACKAGE,
                              "Organisation: the required field %s is empty",
                              "Organisation: the required fields %s are empty", n_empty),
                 org_missing);

  for (CustosRegister r = 0; r < CUSTOS_N_REGISTERS; r++)
    {
      const CustosKind *kind = custos_kinds_register (r);
      GListModel *model = custos_document_get_register (c->doc, r);
      gboolean has_required = FALSE;

      for (guint f = 0; f < kind->n_fields; f++)
        has_required |= (kind->fields[f].flags & CUSTOS_FIELD_FLAG_REQUIRED) != 0;
      if (!has_required)
        continue;

      for (guint i = 0, n = g_list_model_get_n_items (model); i < n; i++)
        {
          CustosRecord *record = item_at (model, i);
          g_autofree char *missing = empty_required (record, &n_empty);

          if (missing != NULL)
            add_finding (c, CUSTOS_READINESS_SEVERITY_WARNING, "record-incomplete", kind->clause, r, record,
                         g_dngettext (GETTEXT_PACKAGE,
                                      "%s %s: the required field %s is empty",
                                      "%s %s: the required fields %s are empty", n_empty),
                         _(kind->label), custos_record_get_id (record), missing);
        }
    }
}

/* Drafted or imported records and sections that no person has confirmed
 * yet: evidence only once someone has read them. */
void
readiness_check_to_review (Check *c)
{
  for (CustosSection s = 0; s < CUSTOS_N_SECTIONS; s++)
    {
      CustosRecord *section = custos_document_get_section (c->doc, s);
      const CustosKind *kind = custos_record_get_kind (section);

      if (custos_record_get_to_review (section))
        add_finding (c, CUSTOS_READINESS_SEVERITY_WARNING, "to-review", kind->clause, -1, section,
                     _("%s: drafted, to review"), _(kind->label));
    }
  for (CustosRegister r = 0; r < CUSTOS_N_REGISTERS; r++)
    {
      const CustosKind *kind = custos_kinds_register (r);
      GListModel *model = custos_document_get_register (c->doc, r);

      for (guint i = 0, n = g_list_model_get_n_items (model); i < n; i++)
        {
          CustosRecord *record = item_at (model, i);

          if (custos_record_get_to_review (record))
            add_finding (c, CUSTOS_READINESS_SEVERITY_WARNING, "to-review", kind->clause, r, record,
                         _("%s %s: to review (“%s”)"), _(kind->label), custos_record_get_id (record),
                         custos_record_get_title (record));
        }
    }
}

/* 4.3 Scope ------------------------------------------------------------- */

void
readiness_check_scope (Check *c)
{
  CustosRecord *scope = custos_document_get_section (c->doc, CUSTOS_SECTION_SCOPE);
  const guint boundaries[] = {
    CUSTOS_SCOPE_FIELD_SITES, CUSTOS_SCOPE_FIELD_NETWORKS, CUSTOS_SCOPE_FIELD_EMPLOYEE_GROUPS,
    CUSTOS_SCOPE_FIELD_PROCESSES, CUSTOS_SCOPE_FIELD_INTERFACES,
  };
  g_autoptr(GString) reasons = g_string_new (NULL);
  g_autofree char *missing = NULL;

  if (custos_record_field_is_empty (scope, CUSTOS_SCOPE_FIELD_STATEMENT))
    {
      append_reason (reasons, _("There is no scope statement"));
      set_item (c, ITEM_SCOPE, CUSTOS_READINESS_STATUS_MISSING, reasons);
      return;
    }
  if ((missing = empty_fields (scope, boundaries, G_N_ELEMENTS (boundaries))) != NULL)
    append_reasonf (reasons, _("The scope does not describe: %s"), missing);
  finish_item (c, ITEM_SCOPE, reasons, "%s",
               _("Scope statement with its boundaries and interfaces"));
}

/* 5.2 Policy ------------------------------------------------------------ */

void
readiness_check_policy (Check *c)
{
  CustosRecord *policy = custos_document_get_section (c->doc, CUSTOS_SECTION_POLICY);
  const guint parts[] = {
    CUSTOS_POLICY_FIELD_OBJECTIVES_FRAMEWORK, CUSTOS_POLICY_FIELD_COMMIT_REQUIREMENTS,
    CUSTOS_POLICY_FIELD_COMMIT_IMPROVEMENT, CUSTOS_POLICY_FIELD_AUTHORISED_BY, CUSTOS_POLICY_FIELD_APPROVED,
  };
  g_autoptr(GString) reasons = g_string_new (NULL);
  g_autofree char *missing = NULL;
  GDate next;

  if (custos_record_field_is_empty (policy, CUSTOS_POLICY_FIELD_STATEMENT))
    {
      append_reason (reasons, _("There is no policy statement"));
      set_item (c, ITEM_POLICY, CUSTOS_READINESS_STATUS_MISSING, reasons);
      return;
    }

  if ((missing = empty_fields (policy, parts, G_N_ELEMENTS (parts))) != NULL)
    append_reasonf (reasons, _("The policy lacks: %s"), missing);
  finish_item (c, ITEM_POLICY, reasons, _("Authorised by %s on %s"),
               custos_policy_get_authorised_by (CUSTOS_POLICY (policy)),
               custos_policy_get_approved (CUSTOS_POLICY (policy)));

  if (custos_record_field_is_empty (policy, CUSTOS_POLICY_FIELD_AUTHORISED_BY) ||
      custos_record_field_is_empty (policy, CUSTOS_POLICY_FIELD_APPROVED))
    add_finding (c, CUSTOS_READINESS_SEVERITY_ERROR, "policy-not-authorised", "5.2", -1, policy,
                 _("The information security policy has no record of its authorisation by top management "
                   "(authorised by and approval date)"));
  if (!custos_policy_get_commit_requirements (CUSTOS_POLICY (policy)))
    add_finding (c, CUSTOS_READINESS_SEVERITY_ERROR, "policy-commitment", "5.2 c", -1, policy,
                 _("The information security policy does not commit to satisfy applicable requirements"));
  if (!custos_policy_get_commit_improvement (CUSTOS_POLICY (policy)))
    add_finding (c, CUSTOS_READINESS_SEVERITY_ERROR, "policy-commitment", "5.2 d", -1, policy,
                 _("The information security policy does not commit to continual improvement of the ISMS"));
  if (custos_date_parse (custos_policy_get_next_review (CUSTOS_POLICY (policy)), &next) &&
      g_date_compare (&next, c->today) < 0)
    add_finding (c, CUSTOS_READINESS_SEVERITY_WARNING, "policy-review-overdue", "5.2", -1, policy,
                 _("The information security policy was due for review on %s"),
                 custos_policy_get_next_review (CUSTOS_POLICY (policy)));
}

/* 4.1, 4.2 Climate change (ISO/IEC 27001:2022/Amd 1:2024) ------------------ */

void
readiness_check_climate (Check *c)
{
  GListModel *issues = custos_document_get_register (c->doc, CUSTOS_REGISTER_ISSUES);
  GListModel *parties = custos_document_get_register (c->doc, CUSTOS_REGISTER_PARTIES);
  g_autoptr(GString) reasons = g_string_new (NULL);
  g_autoptr(GString) ids = g_string_new (NULL);
  guint n_parties = 0;

  for (guint i = 0, n = g_list_model_get_n_items (issues); i < n; i++)
    {
      CustosRecord *issue = item_at (issues, i);

      if (custos_issue_get_climate (CUSTOS_ISSUE (issue)))
        g_string_append_printf (ids, "%s%s", ids->len > 0 ? ", " : "", custos_record_get_id (issue));
    }
  for (guint i = 0, n = g_list_model_get_n_items (parties); i < n; i++)
    n_parties += custos_party_get_climate (CUSTOS_PARTY (item_at (parties, i)));

  /* The amendment asks for a determination: an issue that records it,
   * relevant or not, is the evidence. */
  if (ids->len == 0)
    {
      append_reason (reasons, _("No issue records whether climate change is relevant to the ISMS"));
      set_item (c, ITEM_CLIMATE, CUSTOS_READINESS_STATUS_MISSING, reasons);
      return;
    }
  finish_item (c, ITEM_CLIMATE, reasons,
               g_dngettext (GETTEXT_PACKAGE,
                            "Climate change considered in %s; %u interested party with climate-related requirements",
                            "Climate change considered in %s; %u interested parties with climate-related requirements",
                            n_parties),
               ids->str, n_parties);
}

/* 4.4, 5.1, 6.1.1, 6.3, 7.1, 10.1: one text each ---------------------------- */

/* Missing without its main text (the title field); incomplete while any
 * other multi-line text is empty. Dates, names and references are not
 * required. */
void
readiness_check_section_item (Check         *c,
                              ItemIndex      item,
                              CustosSection  section)
{
  CustosRecord *record = custos_document_get_section (c->doc, section);
  const CustosKind *kind = custos_record_get_kind (record);
  g_autoptr(GArray) parts = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autoptr(GString) reasons = g_string_new (NULL);
  g_autofree char *missing = NULL;
  guint title = 0;

  for (guint f = 0; f < kind->n_fields; f++)
    {
      const CustosField *field = &kind->fields[f];

      if (field->flags & CUSTOS_FIELD_FLAG_TITLE)
        title = f;
      else if (field->type == CUSTOS_FIELD_TEXT)
        g_array_append_val (parts, f);
    }
  if (custos_record_field_is_empty (record, title))
    {
      /* Translators: "Not recorded: The processes of the ISMS and how they interact" */
      append_reasonf (reasons, _("Not recorded: %s"), _(kind->fields[title].label));
      set_item (c, item, CUSTOS_READINESS_STATUS_MISSING, reasons);
      return;
    }
  if ((missing = empty_fields (record, (const guint *) parts->data, parts->len)) != NULL)
    append_reasonf (reasons, _("Not recorded: %s"), missing);
  finish_item (c, item, reasons, "%s", _(kind->label));
}
