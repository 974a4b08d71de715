/* SPDX-License-Identifier: GPL-3.0-or-later */
/* custos-merge.c — three-way merge of ISMS documents at field level
 *
 * ours is changed in place: it already holds one side, so only theirs'
 * changes are applied, each field once, through the documents' id indexes.
 * Before anything is applied, the ids both sides created for different
 * records are given new numbers on theirs' side, and every value taken from
 * theirs is read through that renaming, so theirs' references follow their
 * records.
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "custos-merge.h"

typedef struct
{
  char *kind;
  char *record;
  char *field;
  char *base;
  char *ours;
  char *theirs;
} Conflict;

typedef struct
{
  CustosDocument *base;
  CustosDocument *ours;
  CustosDocument *theirs;
  GHashTable     *renames[CUSTOS_N_REGISTERS]; /* theirs' id → new id, or NULL */
  GArray         *conflicts;                   /* of Conflict */
} Merge;

static void
conflict_clear (gpointer data)
{
  Conflict *c = data;

  g_free (c->kind);
  g_free (c->record);
  g_free (c->field);
  g_free (c->base);
  g_free (c->ours);
  g_free (c->theirs);
}

static void
add_conflict (Merge      *m,
              const char *kind,
              const char *record,
              const char *field,
              char       *base,
              char       *ours,
              char       *theirs)
{
  Conflict c = { g_strdup (kind), g_strdup (record), g_strdup (field), base, ours, theirs };

  g_array_append_val (m->conflicts, c);
}

/* A value in the text form custos_field_from_text reads back. */
static char *
value_text (const CustosField *field,
            const GValue      *value)
{
  if (field->type == CUSTOS_FIELD_INT && g_value_get_int (value) == 0)
    return g_strdup ("");
  return custos_field_to_text (field, value, "\n");
}

/* The register a reference field points into. */
static int
target_register (const CustosField *field)
{
  if (field->type != CUSTOS_FIELD_REF && field->type != CUSTOS_FIELD_REFS)
    return -1;
  return custos_kinds_register_index (custos_kinds_lookup (field->target));
}

/* A value of theirs, with the references to renumbered records renamed:
 * value itself when its register has no renames (most values; copying
 * every field of every record was most of a merge), else a copy in out. */
static const GValue *
theirs_value (Merge             *m,
              const CustosField *field,
              const GValue      *value,
              GValue            *out)
{
  int reg = target_register (field);
  GHashTable *renames = reg >= 0 ? m->renames[reg] : NULL;

  if (renames == NULL)
    return value;
  g_value_init (out, G_VALUE_TYPE (value));
  g_value_copy (value, out);
  if (field->type == CUSTOS_FIELD_REF)
    {
      const char *renamed = g_value_get_string (value) ? g_hash_table_lookup (renames, g_value_get_string (value)) : NULL;

      if (renamed != NULL)
        g_value_set_string (out, renamed);
    }
  else
    {
      char **ids = g_value_dup_boxed (value);

      for (guint i = 0; ids != NULL && ids[i] != NULL; i++)
        {
          const char *renamed = g_hash_table_lookup (renames, ids[i]);

          if (renamed != NULL)
            {
              g_free (ids[i]);
              ids[i] = g_strdup (renamed);
            }
        }
      g_value_take_boxed (out, ids);
    }
  return out;
}

static gboolean
records_equal (CustosRecord *a,
               CustosRecord *b)
{
  const CustosKind *kind = custos_record_get_kind (a);

  for (guint f = 0; f < kind->n_fields; f++)
    if (!custos_value_equal (custos_record_get_value (a, f), custos_record_get_value (b, f)))
      return FALSE;
  return TRUE;
}

/* A set of ids changed both ways merges as a set: ours, plus what theirs
 * added, minus what theirs removed. */
static char **
merge_sets (const char * const *base,
            const char * const *ours,
            const char * const *theirs)
{
  GPtrArray *out = g_ptr_array_new ();

  for (guint i = 0; ours != NULL && ours[i] != NULL; i++)
    if (base == NULL || !g_strv_contains (base, ours[i]) || (theirs != NULL && g_strv_contains (theirs, ours[i])))
      g_ptr_array_add (out, g_strdup (ours[i]));
  for (guint i = 0; theirs != NULL && theirs[i] != NULL; i++)
    if ((base == NULL || !g_strv_contains (base, theirs[i])) && (ours == NULL || !g_strv_contains (ours, theirs[i])))
      g_ptr_array_add (out, g_strdup (theirs[i]));
  g_ptr_array_add (out, NULL);
  return (char **) g_ptr_array_free (out, FALSE);
}

/* Merges the fields of one record (or section) present on all three sides. */
static void
merge_fields (Merge        *m,
              CustosRecord *base,
              CustosRecord *ours,
              CustosRecord *theirs)
{
  const CustosKind *kind = custos_record_get_kind (ours);

  for (guint f = 0; f < kind->n_fields; f++)
    {
      const CustosField *field = &kind->fields[f];
      const GValue *vb = custos_record_get_value (base, f);
      const GValue *vo = custos_record_get_value (ours, f);
      g_auto(GValue) renamed = G_VALUE_INIT;
      const GValue *vt = theirs_value (m, field, custos_record_get_value (theirs, f), &renamed);

      if (custos_value_equal (vo, vt) || custos_value_equal (vt, vb))
        continue;
      if (custos_value_equal (vo, vb))
        custos_record_set_value (ours, f, vt);
      else if (field->type == CUSTOS_FIELD_REFS || field->type == CUSTOS_FIELD_CONTROLS)
        {
          g_auto(GValue) merged = G_VALUE_INIT;

          g_value_init (&merged, G_TYPE_STRV);
          g_value_take_boxed (&merged, merge_sets (g_value_get_boxed (vb), g_value_get_boxed (vo),
                                                   g_value_get_boxed (vt)));
          custos_record_set_value (ours, f, &merged);
        }
      else
        add_conflict (m, kind->name, custos_record_get_id (ours), field->name, value_text (field, vb),
                      value_text (field, vo), value_text (field, vt));
    }
}

/* theirs' record as it enters ours: renumbered, references renamed. */
static CustosRecord *
import_record (Merge          *m,
               CustosRegister  reg,
               CustosRecord   *theirs)
{
  const CustosKind *kind = custos_record_get_kind (theirs);
  const char *id = custos_record_get_id (theirs);
  const char *renamed = m->renames[reg] != NULL ? g_hash_table_lookup (m->renames[reg], id) : NULL;
  CustosRecord *record = custos_record_new (kind, renamed != NULL ? renamed : id);

  for (guint f = 0; f < kind->n_fields; f++)
    {
      g_auto(GValue) copy = G_VALUE_INIT;

      custos_record_set_value (record, f, theirs_value (m, &kind->fields[f], custos_record_get_value (theirs, f),
                                                        &copy));
    }
  return record;
}

static gint64
id_number (const CustosKind *kind,
           const char       *id)
{
  gint64 n = 0;

  if (!g_str_has_prefix (id, kind->id_prefix) ||
      !g_ascii_string_to_signed (id + strlen (kind->id_prefix), 10, 0, G_MAXINT, &n, NULL))
    return 0;
  return n;
}

/* Ids both sides created for different records: theirs get numbers above
 * every id of either side. */
static void
plan_renames (Merge          *m,
              CustosRegister  reg)
{
  const CustosKind *kind = custos_kinds_register (reg);
  GListModel *records = custos_document_get_register (m->theirs, reg);
  gint64 next = 0;

  if (kind->id_prefix == NULL)
    return;
  for (guint i = 0, n = g_list_model_get_n_items (records); i < n; i++)
    {
      g_autoptr(CustosRecord) record = g_list_model_get_item (records, i);
      const char *id = custos_record_get_id (record);
      CustosRecord *ours = custos_document_lookup (m->ours, reg, id);

      if (ours == NULL || custos_document_lookup (m->base, reg, id) != NULL || records_equal (ours, record))
        continue;
      if (next == 0)
        {
          g_autofree char *ours_next = custos_document_next_id (m->ours, reg);
          g_autofree char *theirs_next = custos_document_next_id (m->theirs, reg);

          next = MAX (id_number (kind, ours_next), id_number (kind, theirs_next));
        }
      if (m->renames[reg] == NULL)
        m->renames[reg] = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
      g_hash_table_insert (m->renames[reg], g_strdup (id),
                           g_strdup_printf ("%s%03" G_GINT64_FORMAT, kind->id_prefix, next++));
    }
}

static void
merge_register (Merge          *m,
                CustosRegister  reg)
{
  const CustosKind *kind = custos_kinds_register (reg);
  GListModel *ours_records = custos_document_get_register (m->ours, reg);
  GListModel *theirs_records = custos_document_get_register (m->theirs, reg);
  g_autoptr(GPtrArray) removed = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0, n = g_list_model_get_n_items (ours_records); i < n; i++)
    {
      g_autoptr(CustosRecord) ours = g_list_model_get_item (ours_records, i);
      const char *id = custos_record_get_id (ours);
      CustosRecord *base = custos_document_lookup (m->base, reg, id);
      CustosRecord *theirs = custos_document_lookup (m->theirs, reg, id);

      if (base != NULL && theirs != NULL)
        merge_fields (m, base, ours, theirs);
      else if (base != NULL && records_equal (ours, base))
        g_ptr_array_add (removed, g_object_ref (ours));
      else if (base != NULL)
        add_conflict (m, kind->name, id, CUSTOS_MERGE_WHOLE_RECORD, g_strdup (""),
                      g_strdup (CUSTOS_MERGE_CHANGED), g_strdup (CUSTOS_MERGE_DELETED));
    }
  for (guint i = 0; i < removed->len; i++)
    custos_document_remove (m->ours, reg, g_ptr_array_index (removed, i));

  for (guint i = 0, n = g_list_model_get_n_items (theirs_records); i < n; i++)
    {
      g_autoptr(CustosRecord) theirs = g_list_model_get_item (theirs_records, i);
      const char *id = custos_record_get_id (theirs);
      CustosRecord *base = custos_document_lookup (m->base, reg, id);
      gboolean renamed = m->renames[reg] != NULL && g_hash_table_contains (m->renames[reg], id);
      g_autoptr(CustosRecord) record = NULL;

      if (!renamed && custos_document_lookup (m->ours, reg, id) != NULL)
        continue; /* merged above, or created alike on both sides */
      if (base != NULL && records_equal (theirs, base))
        continue; /* deleted by us, unchanged by them */
      if (base != NULL)
        add_conflict (m, kind->name, id, CUSTOS_MERGE_WHOLE_RECORD, g_strdup (""),
                      g_strdup (CUSTOS_MERGE_DELETED), g_strdup (CUSTOS_MERGE_CHANGED));
      record = import_record (m, reg, theirs);
      custos_document_insert (m->ours, reg, g_list_model_get_n_items (ours_records), record);
    }
}

/* A reference taken from theirs may name a record ours deleted: the file
 * would not load. The reference is dropped, and the drop is a conflict. */
static void
drop_dangling_references (Merge          *m,
                          CustosRegister  reg)
{
  const CustosKind *kind = custos_kinds_register (reg);
  GListModel *records = custos_document_get_register (m->ours, reg);

  for (guint f = 0; f < kind->n_fields; f++)
    {
      const CustosField *field = &kind->fields[f];
      int target = target_register (field);

      if (target < 0)
        continue;
      for (guint i = 0, n = g_list_model_get_n_items (records); i < n; i++)
        {
          g_autoptr(CustosRecord) record = g_list_model_get_item (records, i);
          const GValue *value = custos_record_get_value (record, f);
          g_auto(GValue) kept = G_VALUE_INIT;
          gboolean dangling = FALSE;

          g_value_init (&kept, G_VALUE_TYPE (value));
          if (field->type == CUSTOS_FIELD_REF)
            dangling = g_value_get_string (value) != NULL &&
                       custos_document_lookup (m->ours, target, g_value_get_string (value)) == NULL;
          else
            {
              const char * const *ids = g_value_get_boxed (value);
              GPtrArray *found = g_ptr_array_new ();

              for (guint k = 0; ids != NULL && ids[k] != NULL; k++)
                if (custos_document_lookup (m->ours, target, ids[k]) != NULL)
                  g_ptr_array_add (found, g_strdup (ids[k]));
                else
                  dangling = TRUE;
              g_ptr_array_add (found, NULL);
              g_value_take_boxed (&kept, g_ptr_array_free (found, FALSE));
            }
          if (!dangling)
            continue;
          add_conflict (m, kind->name, custos_record_get_id (record), field->name, g_strdup (""),
                        value_text (field, &kept), value_text (field, value));
          custos_record_set_value (record, f, &kept);
        }
    }
}

int
custos_merge (CustosDocument *base,
              CustosDocument *ours,
              CustosDocument *theirs,
              GError        **error)
{
  CustosCriteria *criteria_b, *criteria_o, *criteria_t;
  Merge m = { base, ours, theirs, { NULL }, NULL };
  int n_conflicts;

  g_return_val_if_fail (CUSTOS_IS_DOCUMENT (base) && CUSTOS_IS_DOCUMENT (ours) && CUSTOS_IS_DOCUMENT (theirs), -1);

  if (custos_document_get_edition (base) != custos_document_get_edition (ours) ||
      custos_document_get_edition (theirs) != custos_document_get_edition (ours))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                   _("The versions follow different Annex A editions (%d, %d, %d): migrate them all to %d first"),
                   custos_document_get_edition (base), custos_document_get_edition (ours),
                   custos_document_get_edition (theirs), CUSTOS_EDITION_2022);
      return -1;
    }

  m.conflicts = g_array_new (FALSE, FALSE, sizeof (Conflict));
  g_array_set_clear_func (m.conflicts, conflict_clear);
  custos_document_begin_compound (ours);

  for (CustosRegister r = 0; r < CUSTOS_N_REGISTERS; r++)
    plan_renames (&m, r);
  for (CustosSection s = 0; s < CUSTOS_N_SECTIONS; s++)
    merge_fields (&m, custos_document_get_section (base, s), custos_document_get_section (ours, s),
                  custos_document_get_section (theirs, s));
  for (CustosRegister r = 0; r < CUSTOS_N_REGISTERS; r++)
    merge_register (&m, r);
  for (CustosRegister r = 0; r < CUSTOS_N_REGISTERS; r++)
    drop_dangling_references (&m, r);

  /* Last, so that levels beyond a scale theirs shrank are brought within it. */
  criteria_b = custos_document_get_criteria (base);
  criteria_o = custos_document_get_criteria (ours);
  criteria_t = custos_document_get_criteria (theirs);
  if (custos_criteria_equal (criteria_o, criteria_b) && !custos_criteria_equal (criteria_t, criteria_b))
    custos_document_set_criteria (ours, criteria_t, NULL);
  else if (!custos_criteria_equal (criteria_o, criteria_t) && !custos_criteria_equal (criteria_t, criteria_b))
    add_conflict (&m, CUSTOS_MERGE_CRITERIA, CUSTOS_MERGE_CRITERIA, CUSTOS_MERGE_WHOLE_RECORD, g_strdup (""),
                  g_strdup (CUSTOS_MERGE_CHANGED), g_strdup (CUSTOS_MERGE_CHANGED));

  for (guint i = 0; i < m.conflicts->len; i++)
    {
      Conflict *c = &g_array_index (m.conflicts, Conflict, i);
      CustosMergeConflict *record =
        CUSTOS_MERGE_CONFLICT (custos_document_add_new (ours, CUSTOS_REGISTER_MERGE_CONFLICTS));

      custos_merge_conflict_set_kind (record, c->kind);
      custos_merge_conflict_set_record (record, c->record);
      custos_merge_conflict_set_field (record, c->field);
      custos_merge_conflict_set_base (record, c->base);
      custos_merge_conflict_set_ours (record, c->ours);
      custos_merge_conflict_set_theirs (record, c->theirs);
    }
  custos_document_end_compound (ours);

  n_conflicts = (int) m.conflicts->len;
  g_array_unref (m.conflicts);
  for (guint r = 0; r < CUSTOS_N_REGISTERS; r++)
    g_clear_pointer (&m.renames[r], g_hash_table_unref);
  return n_conflicts;
}

CustosRecord *
custos_merge_conflict_lookup_record (CustosDocument      *document,
                                     CustosMergeConflict *conflict,
                                     guint               *field)
{
  const char *kind_name = custos_merge_conflict_get_kind (conflict);
  const CustosKind *kind = kind_name != NULL ? custos_kinds_lookup (kind_name) : NULL;
  CustosRecord *record = NULL;
  int index;

  if (kind == NULL)
    return NULL;
  if ((index = custos_kinds_register_index (kind)) >= 0)
    record = custos_document_lookup (document, index, custos_merge_conflict_get_record (conflict));
  else if ((index = custos_kinds_section_index (kind)) >= 0)
    record = custos_document_get_section (document, index);
  if (record != NULL && field != NULL &&
      custos_kind_find_field (kind, custos_merge_conflict_get_field (conflict), field) == NULL)
    *field = G_MAXUINT;
  return record;
}

gboolean
custos_merge_resolve (CustosDocument      *document,
                      CustosMergeConflict *conflict,
                      const char          *value,
                      char               **message)
{
  guint f = G_MAXUINT;
  CustosRecord *record = custos_merge_conflict_lookup_record (document, conflict, &f);
  const CustosKind *kind = record != NULL ? custos_record_get_kind (record) : NULL;
  g_auto(GValue) parsed = G_VALUE_INIT;

  g_return_val_if_fail (value != NULL, FALSE);

  if (record != NULL && f != G_MAXUINT)
    {
      const CustosField *field = &kind->fields[f];
      int target = target_register (field);

      if (!custos_field_from_text (field, value, &parsed, message))
        return FALSE;
      /* A reference to a record that is gone would make the file unloadable. */
      if (target >= 0)
        {
          const char *one[] = { g_value_get_string (&parsed), NULL };
          const char * const *ids = field->type == CUSTOS_FIELD_REF
                                    ? (one[0] != NULL ? one : NULL)
                                    : g_value_get_boxed (&parsed);

          for (guint i = 0; ids != NULL && ids[i] != NULL; i++)
            if (custos_document_lookup (document, target, ids[i]) == NULL)
              {
                *message = g_strdup_printf (_("There is no %s %s"), _(custos_kinds_register (target)->label),
                                            ids[i]);
                return FALSE;
              }
        }
    }

  custos_document_begin_compound (document);
  if (record != NULL && f != G_MAXUINT)
    custos_record_set_value (record, f, &parsed);
  else if (record != NULL && g_str_equal (value, CUSTOS_MERGE_DELETED) &&
           custos_kinds_register_index (kind) >= 0)
    custos_document_remove (document, custos_kinds_register_index (kind), record);
  custos_document_remove (document, CUSTOS_REGISTER_MERGE_CONFLICTS, CUSTOS_RECORD (conflict));
  custos_document_end_compound (document);
  return TRUE;
}
