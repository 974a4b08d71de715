/* SPDX-License-Identifier: GPL-3.0-or-later */
/* custos-migration.c — moving a document from Annex A 2013 to 2022
 *
 * Each 2022 control takes the decisions of its 2013 predecessors along
 * Table B.1 of ISO/IEC 27002:2022. One predecessor: the decision is carried
 * as is. Several: they are merged (the control applies if any predecessor
 * did, the weakest implementation status wins, texts are joined) and marked
 * for review, as a conflict when the predecessors disagreed on applicability.
 * No predecessor: the control is new and left undecided for review. Every
 * 2013 decision ends up in at least one 2022 entry, field by field or in the
 * migration note, so nothing is lost.
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include <string.h>

#include "custos-date.h"
#include "custos-document.h"
#include "custos-enums.h"

static void
step_free (gpointer data)
{
  CustosMigrationStep *step = data;

  g_clear_object (&step->entry);
  g_free (step);
}

static char *
describe_decision (CustosRecord *entry)
{
  const CustosKind *kind = custos_record_get_kind (entry);
  GString *text = g_string_new (custos_record_get_id (entry));
  gboolean first = TRUE;

  /* Every non-empty field but the texts that are merged on their own. */
  for (guint i = 0; i < kind->n_fields; i++)
    {
      const CustosField *field = &kind->fields[i];
      g_autofree char *value = NULL;

      if (custos_record_field_is_empty (entry, i) ||
          g_str_equal (field->name, "justification") || g_str_equal (field->name, "migration-note"))
        continue;
      value = custos_field_to_text (field, custos_record_get_value (entry, i), " ");
      g_string_append_printf (text, "%s %s %s", first ? ":" : ";", field->name, value);
      first = FALSE;
    }
  return g_string_free (text, FALSE);
}

static void
append_line (GString    *text,
             const char *line)
{
  if (line == NULL || *line == '\0')
    return;
  if (text->len > 0)
    g_string_append_c (text, '\n');
  g_string_append (text, line);
}

/* One line of the note for a field that the sources set differently: "Owner
 * differs: A.9.1.1 ROLE-001, A.9.1.2 ROLE-002; ROLE-001 is kept." */
static void
note_difference (GString    *note,
                 GPtrArray  *sources,
                 guint       field,
                 const char *kept)
{
  const CustosKind *kind = custos_kinds_register (CUSTOS_REGISTER_SOA);
  g_autoptr(GString) values = g_string_new (NULL);
  g_autofree char *first = NULL;
  gboolean differ = FALSE;
  g_autofree char *line = NULL;

  for (guint i = 0; i < sources->len; i++)
    {
      CustosRecord *src = sources->pdata[i];
      g_autofree char *value = NULL;

      if (custos_record_field_is_empty (src, field) ||
          custos_soa_entry_get_applicable (CUSTOS_SOA_ENTRY (src)) == CUSTOS_APPLICABILITY_NOT_APPLICABLE)
        continue;
      value = custos_field_to_text (&kind->fields[field], custos_record_get_value (src, field), " ");
      if (first == NULL)
        first = g_strdup (value);
      else if (!g_str_equal (first, value))
        differ = TRUE;
      g_string_append_printf (values, "%s%s %s", values->len > 0 ? ", " : "", custos_record_get_id (src), value);
    }
  if (!differ)
    return;
  /* Translators: "Owner differs: A.9.1.1 ROLE-001, A.9.1.2 ROLE-002; ROLE-001 is kept until reviewed." */
  line = g_strdup_printf (_("%s differs: %s; %s is kept until reviewed."),
                          _(kind->fields[field].label), values->str, kept);
  append_line (note, line);
}

/* The value of a string field from the sources that apply: the first one set,
 * falling back to an excluded source only when none that applies sets it. */
static const char *
merged_string (GPtrArray *sources,
               guint      field)
{
  const char *fallback = NULL;

  for (guint i = 0; i < sources->len; i++)
    {
      CustosRecord *src = sources->pdata[i];
      const char *value = custos_record_get_string_at (src, field);

      if (value == NULL)
        continue;
      if (custos_soa_entry_get_applicable (CUSTOS_SOA_ENTRY (src)) != CUSTOS_APPLICABILITY_NOT_APPLICABLE)
        return value;
      if (fallback == NULL)
        fallback = value;
    }
  return fallback;
}

static CustosRecord *
merge_entries (CustosRecord           *target,
               GPtrArray              *sources,
               CustosMigrationOutcome *outcome)
{
  gboolean any_applicable = FALSE, any_excluded = FALSE;
  CustosImplementation implementation = CUSTOS_IMPLEMENTATION_IMPLEMENTED;
  gboolean implementation_set = FALSE;
  guint reasons = 0;
  const char *owner, *document, *first_justification = NULL;
  gboolean justifications_differ = FALSE;
  g_autoptr(GString) justification = g_string_new (NULL);
  g_autoptr(GString) how_applied = g_string_new (NULL);
  g_autoptr(GString) note = g_string_new (NULL);
  g_autoptr(GPtrArray) ids = g_ptr_array_new ();

  for (guint i = 0; i < sources->len; i++)
    {
      int applicable = custos_soa_entry_get_applicable (CUSTOS_SOA_ENTRY (sources->pdata[i]));

      any_applicable |= applicable == CUSTOS_APPLICABILITY_APPLICABLE;
      any_excluded |= applicable == CUSTOS_APPLICABILITY_NOT_APPLICABLE;
    }

  for (guint i = 0; i < sources->len; i++)
    {
      CustosRecord *src = sources->pdata[i];
      int applicable = custos_soa_entry_get_applicable (CUSTOS_SOA_ENTRY (src));
      const char *how = custos_soa_entry_get_how_applied (CUSTOS_SOA_ENTRY (src));
      const char *just = custos_soa_entry_get_justification (CUSTOS_SOA_ENTRY (src));

      g_ptr_array_add (ids, (gpointer) custos_record_get_id (src));
      reasons |= (guint) custos_soa_entry_get_reasons (CUSTOS_SOA_ENTRY (src));
      if (applicable == CUSTOS_APPLICABILITY_APPLICABLE)
        {
          implementation = MIN (implementation, custos_soa_entry_get_implementation (CUSTOS_SOA_ENTRY (src)));
          implementation_set = TRUE;
        }
      if (how != NULL && strstr (how_applied->str, how) == NULL)
        {
          if (how_applied->len > 0)
            g_string_append (how_applied, "; ");
          g_string_append (how_applied, how);
        }
      /* An applicable control is justified by why it applies: the reasons
       * for excluding its predecessors stay in the note (below). */
      if (just != NULL && !(any_applicable && applicable == CUSTOS_APPLICABILITY_NOT_APPLICABLE))
        {
          g_autofree char *line = g_strdup_printf ("%s: %s", custos_record_get_id (src), just);
          if (first_justification == NULL)
            first_justification = just;
          else if (!g_str_equal (first_justification, just))
            justifications_differ = TRUE;
          append_line (justification, line);
        }
    }
  owner = merged_string (sources, CUSTOS_SOA_ENTRY_FIELD_OWNER);
  document = merged_string (sources, CUSTOS_SOA_ENTRY_FIELD_DOCUMENT);

  g_ptr_array_add (ids, NULL);
  {
    g_autofree char *list = g_strjoinv (", ", (char **) ids->pdata);
    g_autofree char *line = g_strdup_printf (_("Merged from %s (ISO/IEC 27001:2013)."), list);
    append_line (note, line);
  }

  *outcome = any_applicable && any_excluded ? CUSTOS_MIGRATION_CONFLICT : CUSTOS_MIGRATION_MERGED;
  if (*outcome == CUSTOS_MIGRATION_CONFLICT)
    append_line (note, _("The 2013 decisions disagree: some of these controls were applicable and some were not."));
  if (implementation_set)
    {
      GEnumClass *klass = g_type_class_ref (CUSTOS_TYPE_IMPLEMENTATION);
      GEnumValue *value = g_enum_get_value (klass, implementation);

      note_difference (note, sources, CUSTOS_SOA_ENTRY_FIELD_IMPLEMENTATION, value->value_nick);
      g_type_class_unref (klass);
    }
  note_difference (note, sources, CUSTOS_SOA_ENTRY_FIELD_OWNER, owner);
  note_difference (note, sources, CUSTOS_SOA_ENTRY_FIELD_DOCUMENT, document);
  for (guint i = 0; i < sources->len; i++)
    {
      g_autofree char *line = describe_decision (sources->pdata[i]);
      const char *just = custos_soa_entry_get_justification (CUSTOS_SOA_ENTRY (sources->pdata[i]));

      append_line (note, line);
      if (any_applicable && just != NULL &&
          custos_soa_entry_get_applicable (CUSTOS_SOA_ENTRY (sources->pdata[i])) == CUSTOS_APPLICABILITY_NOT_APPLICABLE)
        {
          g_autofree char *excluded = g_strdup_printf (_("%s was excluded because: %s"),
                                                       custos_record_get_id (sources->pdata[i]), just);
          append_line (note, excluded);
        }
    }

  custos_soa_entry_set_applicable (CUSTOS_SOA_ENTRY (target),
                          any_applicable ? CUSTOS_APPLICABILITY_APPLICABLE
                          : any_excluded ? CUSTOS_APPLICABILITY_NOT_APPLICABLE
                          : CUSTOS_APPLICABILITY_UNDECIDED);
  custos_soa_entry_set_reasons (CUSTOS_SOA_ENTRY (target), (int) reasons);
  if (implementation_set)
    custos_soa_entry_set_implementation (CUSTOS_SOA_ENTRY (target), implementation);
  /* One shared justification stays as it was; differing ones are listed per control. */
  custos_soa_entry_set_justification (CUSTOS_SOA_ENTRY (target),
                            justifications_differ ? justification->str : first_justification);
  custos_soa_entry_set_how_applied (CUSTOS_SOA_ENTRY (target), how_applied->str);
  custos_soa_entry_set_owner (CUSTOS_SOA_ENTRY (target), owner);
  custos_soa_entry_set_document (CUSTOS_SOA_ENTRY (target), document);
  custos_soa_entry_set_review (CUSTOS_SOA_ENTRY (target), TRUE);
  custos_soa_entry_set_migration_note (CUSTOS_SOA_ENTRY (target), note->str);
  return target;
}

GPtrArray *
custos_document_plan_migration (CustosDocument  *self,
                                GError         **error)
{
  CustosCatalogue *target = custos_catalogue_get (CUSTOS_EDITION_2022);
  const CustosKind *kind = custos_kinds_register (CUSTOS_REGISTER_SOA);
  GPtrArray *plan;

  g_return_val_if_fail (CUSTOS_IS_DOCUMENT (self), NULL);

  if (custos_document_get_edition (self) != CUSTOS_EDITION_2013)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                   _("Only documents of the 2013 edition can be migrated"));
      return NULL;
    }

  plan = g_ptr_array_new_with_free_func (step_free);
  for (guint i = 0, n = custos_catalogue_get_n_controls (target); i < n; i++)
    {
      const CustosControl *control = custos_catalogue_get_control (target, i);
      CustosMigrationStep *step = g_new0 (CustosMigrationStep, 1);
      g_autoptr(GPtrArray) sources = g_ptr_array_new ();

      step->control_id = control->id;
      step->sources = custos_catalogue_predecessors (control->id);
      for (guint s = 0; step->sources[s] != NULL; s++)
        {
          CustosRecord *src = custos_document_lookup (self, CUSTOS_REGISTER_SOA, step->sources[s]);
          if (src != NULL)
            g_ptr_array_add (sources, src);
        }

      if (sources->len == 0)
        {
          step->outcome = CUSTOS_MIGRATION_NEW;
          step->entry = custos_record_new (kind, control->id);
          custos_soa_entry_set_review (CUSTOS_SOA_ENTRY (step->entry), TRUE);
          custos_soa_entry_set_migration_note (CUSTOS_SOA_ENTRY (step->entry),
                                    _("New control in ISO/IEC 27001:2022: decide whether it applies."));
        }
      else if (sources->len == 1)
        {
          g_autofree char *note = g_strdup_printf (_("Carried over from %s (ISO/IEC 27001:2013)."),
                                                   custos_record_get_id (sources->pdata[0]));
          step->outcome = CUSTOS_MIGRATION_CARRIED;
          step->entry = custos_record_duplicate (sources->pdata[0], control->id);
          custos_soa_entry_set_migration_note (CUSTOS_SOA_ENTRY (step->entry), note);
        }
      else
        step->entry = merge_entries (custos_record_new (kind, control->id), sources, &step->outcome);

      g_ptr_array_add (plan, step);
    }
  return plan;
}

/* Replaces 2013 control ids by their 2022 successors, keeping order, once each. */
static void
remap_controls (CustosDocument *self,
                CustosRegister  reg,
                guint           field)
{
  GListModel *model = custos_document_get_register (self, reg);

  for (guint i = 0, n = g_list_model_get_n_items (model); i < n; i++)
    {
      g_autoptr(CustosRecord) record = g_list_model_get_item (model, i);
      const char * const *old = custos_record_get_strv_at (record, field);
      g_autoptr(GPtrArray) mapped = g_ptr_array_new ();

      if (old == NULL)
        continue;
      for (guint c = 0; old[c] != NULL; c++)
        {
          const char * const *successors = custos_catalogue_successors (old[c]);
          for (guint s = 0; successors[s] != NULL; s++)
            if (!g_ptr_array_find_with_equal_func (mapped, successors[s], g_str_equal, NULL))
              g_ptr_array_add (mapped, (gpointer) successors[s]);
        }
      g_ptr_array_add (mapped, NULL);
      custos_record_set_strv_at (record, field, (const char * const *) mapped->pdata);
    }
}

/* The version after the latest revision's, one major version up: "1.2" →
 * "2.0"; "1.0" when there is none or it is not a number. */
static char *
next_major_version (CustosDocument *self)
{
  GListModel *revisions = custos_document_get_register (self, CUSTOS_REGISTER_REVISIONS);
  guint n = g_list_model_get_n_items (revisions);
  guint64 major = 0;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(CustosRecord) revision = g_list_model_get_item (revisions, i);
      const char *version = custos_revision_get_version (CUSTOS_REVISION (revision));

      if (version != NULL && g_ascii_isdigit (*version))
        major = MAX (major, g_ascii_strtoull (version, NULL, 10));
    }
  return g_strdup_printf ("%" G_GUINT64_FORMAT ".0", major + 1);
}

/* A new control set is a new version of the SoA: the approval of the old one
 * does not carry over, so the migration opens a revision nobody approved. */
static void
add_migration_revision (CustosDocument *self,
                        GPtrArray      *plan,
                        const GDate    *today)
{
  CustosRecord *revision = custos_document_add_new (self, CUSTOS_REGISTER_REVISIONS);
  g_autofree char *version = next_major_version (self);
  g_autofree char *summary = NULL;
  char date[CUSTOS_DATE_ISO_SIZE];
  guint review = 0;

  for (guint i = 0; i < plan->len; i++)
    review += ((CustosMigrationStep *) plan->pdata[i])->outcome != CUSTOS_MIGRATION_CARRIED;
  summary = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                          "Statement of Applicability migrated from ISO/IEC 27001:2013 to "
                                          "ISO/IEC 27001:2022; %u control to review. Needs approval.",
                                          "Statement of Applicability migrated from ISO/IEC 27001:2013 to "
                                          "ISO/IEC 27001:2022; %u controls to review. Needs approval.", review),
                             review);
  custos_date_format_iso (today, date);
  custos_revision_set_version (CUSTOS_REVISION (revision), version);
  custos_revision_set_date (CUSTOS_REVISION (revision), date);
  custos_revision_set_summary (CUSTOS_REVISION (revision), summary);
}

void
custos_document_apply_migration (CustosDocument *self,
                                 GPtrArray      *plan,
                                 const GDate    *today)
{
  g_autoptr(GPtrArray) entries = g_ptr_array_new_full (plan->len, g_object_unref);

  g_return_if_fail (CUSTOS_IS_DOCUMENT (self));
  g_return_if_fail (custos_document_get_edition (self) == CUSTOS_EDITION_2013);
  g_return_if_fail (today != NULL && g_date_valid (today));

  for (guint i = 0; i < plan->len; i++)
    {
      CustosMigrationStep *step = plan->pdata[i];
      /* A copy, so the plan can be shown again or applied to an undo stack. */
      g_ptr_array_add (entries, custos_record_duplicate (step->entry, step->control_id));
    }
  custos_document_begin_compound (self);
  remap_controls (self, CUSTOS_REGISTER_RISKS, CUSTOS_RISK_FIELD_CONTROLS);
  remap_controls (self, CUSTOS_REGISTER_ACTIONS, CUSTOS_ACTION_FIELD_CONTROLS);
  remap_controls (self, CUSTOS_REGISTER_EVIDENCE, CUSTOS_EVIDENCE_FIELD_CONTROLS);
  remap_controls (self, CUSTOS_REGISTER_REQUIREMENTS, CUSTOS_REQUIREMENT_FIELD_CONTROLS);
  custos_document_replace_soa (self, CUSTOS_EDITION_2022, (CustosRecord **) entries->pdata, entries->len);
  add_migration_revision (self, plan, today);
  custos_document_end_compound (self);
}
