/* SPDX-License-Identifier: GPL-3.0-or-later */
/* custos-document.c — the ISMS document, root of the model
 *
 * The document owns one GListStore per register and one record per section.
 * It watches every record it holds, so any edit anywhere raises "changed"
 * (the window's modified state and autosave hang on it), and it computes
 * what is derived rather than typed: risk scores and bands from the criteria,
 * and for each control the risks whose treatment selects it.
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <stdlib.h>
#include <string.h>

#include "custos-document.h"

struct _CustosDocument
{
  GObject          parent_instance;

  CustosEdition    edition;
  CustosCatalogue *catalogue;
  CustosCriteria  *criteria;
  CustosRecord    *sections[CUSTOS_N_SECTIONS];
  GListStore      *registers[CUSTOS_N_REGISTERS];

  /* Caches, dropped on any change of what they derive from. */
  GHashTable      *index[CUSTOS_N_REGISTERS]; /* id → record */
  GHashTable      *selecting;                 /* control id → GPtrArray of risks */
  gint64           max_number[CUSTOS_N_REGISTERS]; /* highest id number used; -1 unknown */

  gboolean         modified;
  GHashTable      *evidence_files; /* evidence id → CustosEvidenceFileStatus; NULL until one is read */
};

G_DEFINE_FINAL_TYPE (CustosDocument, custos_document, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_EDITION,
  PROP_MODIFIED,
  N_PROPS
};

enum {
  CHANGED,
  FIELD_CHANGED,
  INSERTED,
  REMOVED,
  CRITERIA_REPLACED,
  SOA_REPLACED,
  BEGIN_COMPOUND,
  END_COMPOUND,
  EVIDENCE_FILES_CHANGED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

/* The number of an id of the register's prefix ("R-017" → 17), or -1. */
static gint64
id_number (const CustosKind *kind,
           const char       *id)
{
  size_t prefix_len = kind->id_prefix ? strlen (kind->id_prefix) : 0;
  guint64 number;

  if (kind->id_prefix == NULL || id == NULL || strncmp (id, kind->id_prefix, prefix_len) != 0 ||
      !g_ascii_string_to_unsigned (id + prefix_len, 10, 0, G_MAXUINT32, &number, NULL))
    return -1;
  return (gint64) number;
}

static void
invalidate (CustosDocument *self,
            int             reg)
{
  if (reg >= 0)
    g_clear_pointer (&self->index[reg], g_hash_table_unref);
  if (reg < 0 || reg == CUSTOS_REGISTER_RISKS || reg == CUSTOS_REGISTER_SOA)
    g_clear_pointer (&self->selecting, g_hash_table_unref);
}

static void
emit_changed (CustosDocument *self,
              CustosRecord   *record)
{
  custos_document_set_modified (self, TRUE);
  g_signal_emit (self, signals[CHANGED], 0, record);
}

static void
on_record_notify (CustosRecord   *record,
                  GParamSpec     *pspec,
                  CustosDocument *self)
{
  int reg = custos_kinds_register_index (custos_record_get_kind (record));

  if (reg >= 0 && g_str_equal (pspec->name, "id"))
    self->max_number[reg] = -1;
  invalidate (self, reg);
  g_signal_emit (self, signals[FIELD_CHANGED], 0, record, pspec);
  emit_changed (self, record);
}

static void
on_criteria_changed (CustosCriteria *criteria,
                     CustosDocument *self)
{
  emit_changed (self, NULL);
}

static void
watch (CustosDocument *self,
       CustosRecord   *record)
{
  /* Plain connect: dispose disconnects every record itself, and
   * g_signal_connect_object would make teardown quadratic in the records. */
  g_signal_connect (record, "notify", G_CALLBACK (on_record_notify), self);
}

static void
unwatch (CustosDocument *self,
         CustosRecord   *record)
{
  g_signal_handlers_disconnect_by_func (record, on_record_notify, self);
}

static void
custos_document_dispose (GObject *object)
{
  CustosDocument *self = CUSTOS_DOCUMENT (object);

  for (guint r = 0; r < CUSTOS_N_REGISTERS; r++)
    {
      if (self->registers[r] == NULL)
        continue;
      for (guint i = 0, n = g_list_model_get_n_items (G_LIST_MODEL (self->registers[r])); i < n; i++)
        {
          g_autoptr(CustosRecord) record = g_list_model_get_item (G_LIST_MODEL (self->registers[r]), i);
          unwatch (self, record);
        }
      g_clear_object (&self->registers[r]);
      g_clear_pointer (&self->index[r], g_hash_table_unref);
    }
  for (guint s = 0; s < CUSTOS_N_SECTIONS; s++)
    {
      if (self->sections[s] != NULL)
        unwatch (self, self->sections[s]);
      g_clear_object (&self->sections[s]);
    }
  if (self->criteria != NULL)
    g_signal_handlers_disconnect_by_func (self->criteria, on_criteria_changed, self);
  g_clear_object (&self->criteria);
  g_clear_pointer (&self->selecting, g_hash_table_unref);
  g_clear_pointer (&self->evidence_files, g_hash_table_unref);

  G_OBJECT_CLASS (custos_document_parent_class)->dispose (object);
}

static void
custos_document_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  CustosDocument *self = CUSTOS_DOCUMENT (object);

  switch (prop_id)
    {
    case PROP_EDITION:
      g_value_set_int (value, self->edition);
      break;
    case PROP_MODIFIED:
      g_value_set_boolean (value, self->modified);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
custos_document_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  CustosDocument *self = CUSTOS_DOCUMENT (object);

  switch (prop_id)
    {
    case PROP_EDITION:
      self->edition = g_value_get_int (value);
      break;
    case PROP_MODIFIED:
      custos_document_set_modified (self, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
custos_document_constructed (GObject *object)
{
  CustosDocument *self = CUSTOS_DOCUMENT (object);

  G_OBJECT_CLASS (custos_document_parent_class)->constructed (object);

  if (self->edition != CUSTOS_EDITION_2013)
    self->edition = CUSTOS_EDITION_2022;
  self->catalogue = custos_catalogue_get (self->edition);
}

static void
custos_document_class_init (CustosDocumentClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = custos_document_dispose;
  object_class->get_property = custos_document_get_property;
  object_class->set_property = custos_document_set_property;
  object_class->constructed = custos_document_constructed;

  properties[PROP_EDITION] =
    g_param_spec_int ("edition", NULL, NULL, CUSTOS_EDITION_2013, CUSTOS_EDITION_2022, CUSTOS_EDITION_2022,
                      G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_MODIFIED] =
    g_param_spec_boolean ("modified", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * CustosDocument::changed:
   * @record: (nullable): the record that changed, or %NULL for a change of
   *   the document as a whole (criteria, registers' membership, edition)
   */
  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL, G_TYPE_NONE, 1, CUSTOS_TYPE_RECORD);

  /* The fine-grained signals below are what an undo history needs. */
  signals[FIELD_CHANGED] = g_signal_new ("field-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                         0, NULL, NULL, NULL, G_TYPE_NONE, 2,
                                         CUSTOS_TYPE_RECORD, G_TYPE_PARAM);
  signals[INSERTED] = g_signal_new ("inserted", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                    0, NULL, NULL, NULL, G_TYPE_NONE, 3,
                                    G_TYPE_INT, G_TYPE_UINT, CUSTOS_TYPE_RECORD);
  signals[REMOVED] = g_signal_new ("removed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL, G_TYPE_NONE, 3,
                                   G_TYPE_INT, G_TYPE_UINT, CUSTOS_TYPE_RECORD);
  /* @old: the criteria before the change (a copy the handler may keep) */
  signals[CRITERIA_REPLACED] = g_signal_new ("criteria-replaced", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                             0, NULL, NULL, NULL, G_TYPE_NONE, 1, CUSTOS_TYPE_CRITERIA);
  /* @old_edition, @old_entries (GPtrArray of CustosRecord): the SoA before */
  signals[SOA_REPLACED] = g_signal_new ("soa-replaced", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                        0, NULL, NULL, NULL, G_TYPE_NONE, 2,
                                        G_TYPE_INT, G_TYPE_PTR_ARRAY);
  /* Around operations made of several changes (a removal that also clears
   * references to the record, a migration): an undo history makes them one step. */
  signals[BEGIN_COMPOUND] = g_signal_new ("begin-compound", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                          0, NULL, NULL, NULL, G_TYPE_NONE, 0);
  signals[END_COMPOUND] = g_signal_new ("end-compound", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                        0, NULL, NULL, NULL, G_TYPE_NONE, 0);
  /* What reading an evidence item's file found changed: not an edit, the
   * document stays unmodified; its readiness is another. */
  signals[EVIDENCE_FILES_CHANGED] = g_signal_new ("evidence-files-changed", G_TYPE_FROM_CLASS (klass),
                                                  G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

GHashTable *
custos_document_get_evidence_files (CustosDocument *self)
{
  g_return_val_if_fail (CUSTOS_IS_DOCUMENT (self), NULL);
  return self->evidence_files;
}

void
custos_document_set_evidence_file (CustosDocument *self,
                                   const char     *id,
                                   int             status)
{
  gpointer old;
  gboolean known;

  g_return_if_fail (CUSTOS_IS_DOCUMENT (self));
  g_return_if_fail (id != NULL);

  if (self->evidence_files == NULL)
    self->evidence_files = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  known = g_hash_table_lookup_extended (self->evidence_files, id, NULL, &old);
  if (status < 0)
    {
      if (!known)
        return;
      g_hash_table_remove (self->evidence_files, id);
    }
  else
    {
      if (known && GPOINTER_TO_INT (old) == status)
        return;
      g_hash_table_insert (self->evidence_files, g_strdup (id), GINT_TO_POINTER (status));
    }
  g_signal_emit (self, signals[EVIDENCE_FILES_CHANGED], 0);
}

void
custos_document_begin_compound (CustosDocument *self)
{
  g_return_if_fail (CUSTOS_IS_DOCUMENT (self));
  g_signal_emit (self, signals[BEGIN_COMPOUND], 0);
}

void
custos_document_end_compound (CustosDocument *self)
{
  g_return_if_fail (CUSTOS_IS_DOCUMENT (self));
  g_signal_emit (self, signals[END_COMPOUND], 0);
}

static void
custos_document_init (CustosDocument *self)
{
  for (guint s = 0; s < CUSTOS_N_SECTIONS; s++)
    {
      self->sections[s] = custos_record_new (custos_kinds_section (s), NULL);
      watch (self, self->sections[s]);
    }
  for (guint r = 0; r < CUSTOS_N_REGISTERS; r++)
    {
      self->registers[r] = g_list_store_new (custos_kinds_register (r)->get_type ());
      self->max_number[r] = -1;
    }

  self->criteria = custos_criteria_new_default ();
  g_signal_connect (self->criteria, "changed", G_CALLBACK (on_criteria_changed), self);
}

CustosDocument *
custos_document_new_empty (CustosEdition edition)
{
  return g_object_new (CUSTOS_TYPE_DOCUMENT, "edition", edition, NULL);
}

CustosDocument *
custos_document_new (CustosEdition edition)
{
  CustosDocument *self = custos_document_new_empty (edition);
  guint n = custos_catalogue_get_n_controls (self->catalogue);
  g_autoptr(GPtrArray) entries = g_ptr_array_new_full (n, g_object_unref);

  for (guint i = 0; i < n; i++)
    {
      const CustosControl *control = custos_catalogue_get_control (self->catalogue, i);
      g_ptr_array_add (entries, custos_record_new (custos_kinds_register (CUSTOS_REGISTER_SOA), control->id));
    }
  custos_document_append_all (self, CUSTOS_REGISTER_SOA, (CustosRecord **) entries->pdata, entries->len);
  custos_organisation_set_classification (CUSTOS_ORGANISATION (self->sections[CUSTOS_SECTION_ORGANISATION]),
                                          _("Confidential"));
  self->modified = FALSE;
  return self;
}

CustosEdition
custos_document_get_edition (CustosDocument *self)
{
  g_return_val_if_fail (CUSTOS_IS_DOCUMENT (self), CUSTOS_EDITION_2022);
  return self->edition;
}

CustosCatalogue *
custos_document_get_catalogue (CustosDocument *self)
{
  g_return_val_if_fail (CUSTOS_IS_DOCUMENT (self), NULL);
  return self->catalogue;
}

CustosCriteria *
custos_document_get_criteria (CustosDocument *self)
{
  g_return_val_if_fail (CUSTOS_IS_DOCUMENT (self), NULL);
  return self->criteria;
}

/* Levels beyond a shrunken scale are brought to its top level, so that no
 * risk is ever out of range (a file with one would not load). */
static void
clamp_levels (CustosDocument *self)
{
  GListModel *risks = G_LIST_MODEL (self->registers[CUSTOS_REGISTER_RISKS]);
  const CustosRiskField fields[] = { CUSTOS_RISK_FIELD_LIKELIHOOD, CUSTOS_RISK_FIELD_CONSEQUENCE,
                                     CUSTOS_RISK_FIELD_RESIDUAL_LIKELIHOOD,
                                     CUSTOS_RISK_FIELD_RESIDUAL_CONSEQUENCE };
  const CustosScale scales[] = { CUSTOS_SCALE_LIKELIHOOD, CUSTOS_SCALE_CONSEQUENCE,
                                 CUSTOS_SCALE_LIKELIHOOD, CUSTOS_SCALE_CONSEQUENCE };

  for (guint i = 0, n = g_list_model_get_n_items (risks); i < n; i++)
    {
      g_autoptr(CustosRecord) risk = g_list_model_get_item (risks, i);
      for (guint f = 0; f < G_N_ELEMENTS (fields); f++)
        {
          int top = (int) custos_criteria_get_n_levels (self->criteria, scales[f]);
          if (custos_record_get_int_at (risk, fields[f]) > top)
            custos_record_set_int_at (risk, fields[f], top);
        }
    }
}

gboolean
custos_document_set_criteria (CustosDocument  *self,
                              CustosCriteria  *criteria,
                              char           **message)
{
  g_autoptr(CustosCriteria) old = NULL;

  g_return_val_if_fail (CUSTOS_IS_DOCUMENT (self), FALSE);
  g_return_val_if_fail (CUSTOS_IS_CRITERIA (criteria), FALSE);

  if (!custos_criteria_validate (criteria, message))
    return FALSE;
  if (custos_criteria_equal (self->criteria, criteria))
    return TRUE;

  custos_document_begin_compound (self);
  old = self->criteria;
  g_signal_handlers_disconnect_by_func (old, on_criteria_changed, self);
  self->criteria = custos_criteria_copy (criteria);
  g_signal_connect (self->criteria, "changed", G_CALLBACK (on_criteria_changed), self);
  g_signal_emit (self, signals[CRITERIA_REPLACED], 0, old);
  clamp_levels (self);
  emit_changed (self, NULL);
  custos_document_end_compound (self);
  return TRUE;
}

CustosRecord *
custos_document_get_section (CustosDocument *self,
                             CustosSection   section)
{
  g_return_val_if_fail (CUSTOS_IS_DOCUMENT (self), NULL);
  g_return_val_if_fail (section < CUSTOS_N_SECTIONS, NULL);
  return self->sections[section];
}

CustosOrganisation *
custos_document_get_organisation (CustosDocument *self)
{
  return CUSTOS_ORGANISATION (custos_document_get_section (self, CUSTOS_SECTION_ORGANISATION));
}

CustosScope *
custos_document_get_scope (CustosDocument *self)
{
  return CUSTOS_SCOPE (custos_document_get_section (self, CUSTOS_SECTION_SCOPE));
}

CustosPolicy *
custos_document_get_policy (CustosDocument *self)
{
  return CUSTOS_POLICY (custos_document_get_section (self, CUSTOS_SECTION_POLICY));
}

CustosReassessment *
custos_document_get_reassessment (CustosDocument *self)
{
  return CUSTOS_REASSESSMENT (custos_document_get_section (self, CUSTOS_SECTION_REASSESSMENT));
}

CustosPlanApproval *
custos_document_get_plan_approval (CustosDocument *self)
{
  return CUSTOS_PLAN_APPROVAL (custos_document_get_section (self, CUSTOS_SECTION_PLAN_APPROVAL));
}

GListModel *
custos_document_get_register (CustosDocument *self,
                              CustosRegister  reg)
{
  g_return_val_if_fail (CUSTOS_IS_DOCUMENT (self), NULL);
  g_return_val_if_fail (reg < CUSTOS_N_REGISTERS, NULL);
  return G_LIST_MODEL (self->registers[reg]);
}

guint
custos_document_count (CustosDocument *self,
                       CustosRegister  reg)
{
  return g_list_model_get_n_items (custos_document_get_register (self, reg));
}

static GHashTable *
get_index (CustosDocument *self,
           CustosRegister  reg)
{
  if (self->index[reg] == NULL)
    {
      GListModel *model = G_LIST_MODEL (self->registers[reg]);
      guint n = g_list_model_get_n_items (model);

      self->index[reg] = g_hash_table_new (g_str_hash, g_str_equal);
      for (guint i = 0; i < n; i++)
        {
          CustosRecord *record = g_list_model_get_item (model, i);
          const char *id = custos_record_get_id (record);
          /* Borrowed: the store holds the reference. The first of duplicate ids wins. */
          if (id != NULL && !g_hash_table_contains (self->index[reg], id))
            g_hash_table_insert (self->index[reg], (gpointer) id, record);
          g_object_unref (record);
        }
    }
  return self->index[reg];
}

CustosRecord *
custos_document_lookup (CustosDocument *self,
                        CustosRegister  reg,
                        const char     *id)
{
  g_return_val_if_fail (CUSTOS_IS_DOCUMENT (self), NULL);
  g_return_val_if_fail (reg < CUSTOS_N_REGISTERS, NULL);

  if (id == NULL)
    return NULL;
  return g_hash_table_lookup (get_index (self, reg), id);
}

int
custos_document_find (CustosDocument *self,
                      CustosRegister  reg,
                      CustosRecord   *record)
{
  guint position;

  g_return_val_if_fail (CUSTOS_IS_DOCUMENT (self), -1);

  if (g_list_store_find (self->registers[reg], record, &position))
    return (int) position;
  return -1;
}

/* Ids are never reused: the next is one above the highest ever used in
 * this session, so a deleted record's id does not come back with new meaning. */
char *
custos_document_next_id (CustosDocument *self,
                         CustosRegister  reg)
{
  const CustosKind *kind = custos_kinds_register (reg);

  g_return_val_if_fail (kind->id_prefix != NULL, NULL);

  if (self->max_number[reg] < 0)
    {
      GListModel *model = G_LIST_MODEL (self->registers[reg]);

      self->max_number[reg] = 0;
      for (guint i = 0, n = g_list_model_get_n_items (model); i < n; i++)
        {
          g_autoptr(CustosRecord) record = g_list_model_get_item (model, i);
          self->max_number[reg] = MAX (self->max_number[reg], id_number (kind, custos_record_get_id (record)));
        }
    }
  return g_strdup_printf ("%s%03" G_GINT64_FORMAT, kind->id_prefix, self->max_number[reg] + 1);
}

/* Keeps the highest id number current as records come in. */
static void
note_id (CustosDocument *self,
         CustosRegister  reg,
         CustosRecord   *record)
{
  if (self->max_number[reg] >= 0)
    self->max_number[reg] = MAX (self->max_number[reg],
                                 id_number (custos_kinds_register (reg), custos_record_get_id (record)));
}

CustosRecord *
custos_document_add_new (CustosDocument *self,
                         CustosRegister  reg)
{
  g_autofree char *id = custos_document_next_id (self, reg);
  g_autoptr(CustosRecord) record = custos_record_new (custos_kinds_register (reg), id);

  custos_document_insert (self, reg, g_list_model_get_n_items (G_LIST_MODEL (self->registers[reg])), record);
  return record;
}

void
custos_document_insert (CustosDocument *self,
                        CustosRegister  reg,
                        guint           position,
                        CustosRecord   *record)
{
  g_return_if_fail (CUSTOS_IS_DOCUMENT (self));
  g_return_if_fail (G_TYPE_CHECK_INSTANCE_TYPE (record, custos_kinds_register (reg)->get_type ()));

  position = MIN (position, g_list_model_get_n_items (G_LIST_MODEL (self->registers[reg])));
  note_id (self, reg, record);
  watch (self, record);
  invalidate (self, reg);
  g_list_store_insert (self->registers[reg], position, record);
  g_signal_emit (self, signals[INSERTED], 0, (int) reg, position, record);
  emit_changed (self, NULL);
}

void
custos_document_append_all (CustosDocument  *self,
                            CustosRegister   reg,
                            CustosRecord   **records,
                            guint            n_records)
{
  GListStore *store;

  g_return_if_fail (CUSTOS_IS_DOCUMENT (self));
  g_return_if_fail (reg < CUSTOS_N_REGISTERS);

  store = self->registers[reg];
  for (guint i = 0; i < n_records; i++)
    {
      note_id (self, reg, records[i]);
      watch (self, records[i]);
    }
  invalidate (self, reg);
  g_list_store_splice (store, g_list_model_get_n_items (G_LIST_MODEL (store)), 0,
                       (gpointer *) records, n_records);
  emit_changed (self, NULL);
}

/* Clears every reference to record, so that no record ever names one that
 * does not exist (a file with a dangling reference would not load). */
static void
clear_references (CustosDocument *self,
                  CustosRecord   *record)
{
  const CustosKind *target = custos_record_get_kind (record);
  const char *id = custos_record_get_id (record);

  if (id == NULL)
    return;
  for (guint r = 0; r < CUSTOS_N_REGISTERS; r++)
    {
      const CustosKind *kind = custos_kinds_register (r);
      GListModel *model = G_LIST_MODEL (self->registers[r]);

      for (guint f = 0; f < kind->n_fields; f++)
        {
          const CustosField *field = &kind->fields[f];

          if ((field->type != CUSTOS_FIELD_REF && field->type != CUSTOS_FIELD_REFS) ||
              !g_str_equal (field->target, target->name))
            continue;
          for (guint i = 0, n = g_list_model_get_n_items (model); i < n; i++)
            {
              g_autoptr(CustosRecord) other = g_list_model_get_item (model, i);
              const GValue *value = custos_record_get_value (other, f);

              if (field->type == CUSTOS_FIELD_REF)
                {
                  if (g_strcmp0 (g_value_get_string (value), id) == 0)
                    custos_record_set_string_at (other, f, NULL);
                }
              else if (g_value_get_boxed (value) != NULL &&
                       g_strv_contains (g_value_get_boxed (value), id))
                {
                  const char * const *ids = g_value_get_boxed (value);
                  g_autoptr(GPtrArray) kept = g_ptr_array_new ();

                  for (guint k = 0; ids[k] != NULL; k++)
                    if (!g_str_equal (ids[k], id))
                      g_ptr_array_add (kept, (gpointer) ids[k]);
                  g_ptr_array_add (kept, NULL);
                  custos_record_set_strv_at (other, f, (const char * const *) kept->pdata);
                }
            }
        }
    }
}

void
custos_document_remove (CustosDocument *self,
                        CustosRegister  reg,
                        CustosRecord   *record)
{
  guint position;

  g_return_if_fail (CUSTOS_IS_DOCUMENT (self));

  if (!g_list_store_find (self->registers[reg], record, &position))
    return;
  g_object_ref (record);
  custos_document_begin_compound (self);
  clear_references (self, record);
  unwatch (self, record);
  invalidate (self, reg);
  g_list_store_remove (self->registers[reg], position);
  g_signal_emit (self, signals[REMOVED], 0, (int) reg, position, record);
  emit_changed (self, NULL);
  custos_document_end_compound (self);
  g_object_unref (record);
}

void
custos_document_replace_soa (CustosDocument  *self,
                             CustosEdition    edition,
                             CustosRecord   **entries,
                             guint            n_entries)
{
  GListStore *store = self->registers[CUSTOS_REGISTER_SOA];
  guint n_old = g_list_model_get_n_items (G_LIST_MODEL (store));
  g_autoptr(GPtrArray) old_entries = g_ptr_array_new_full (n_old, g_object_unref);
  CustosEdition old_edition = self->edition;

  for (guint i = 0; i < n_old; i++)
    {
      CustosRecord *old = g_list_model_get_item (G_LIST_MODEL (store), i);
      unwatch (self, old);
      g_ptr_array_add (old_entries, old);
    }
  for (guint i = 0; i < n_entries; i++)
    watch (self, entries[i]);

  if (self->edition != edition)
    {
      self->edition = edition;
      self->catalogue = custos_catalogue_get (edition);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_EDITION]);
    }
  invalidate (self, CUSTOS_REGISTER_SOA);
  g_list_store_splice (store, 0, n_old, (gpointer *) entries, n_entries);
  g_signal_emit (self, signals[SOA_REPLACED], 0, (int) old_edition, old_entries);
  emit_changed (self, NULL);
}

void
custos_risk_get_levels (CustosRisk *risk,
                        gboolean    residual,
                        int        *likelihood,
                        int        *consequence)
{
  g_return_if_fail (CUSTOS_IS_RISK (risk));

  *likelihood = residual ? custos_risk_get_residual_likelihood (risk) : custos_risk_get_likelihood (risk);
  *consequence = residual ? custos_risk_get_residual_consequence (risk) : custos_risk_get_consequence (risk);
}

int
custos_document_risk_score (CustosDocument *self,
                            CustosRecord   *risk,
                            gboolean        residual)
{
  int likelihood, consequence;

  g_return_val_if_fail (CUSTOS_IS_DOCUMENT (self), 0);
  g_return_val_if_fail (CUSTOS_IS_RISK (risk), 0);

  custos_risk_get_levels (CUSTOS_RISK (risk), residual, &likelihood, &consequence);
  return custos_criteria_score (self->criteria, likelihood, consequence);
}

int
custos_document_risk_band (CustosDocument *self,
                           CustosRecord   *risk,
                           gboolean        residual)
{
  return custos_criteria_band_index (self->criteria, custos_document_risk_score (self, risk, residual));
}

GPtrArray *
custos_document_get_selecting_risks (CustosDocument *self,
                                     const char     *control_id)
{
  GPtrArray *risks;

  g_return_val_if_fail (CUSTOS_IS_DOCUMENT (self), NULL);

  if (self->selecting == NULL)
    {
      GListModel *model = G_LIST_MODEL (self->registers[CUSTOS_REGISTER_RISKS]);

      self->selecting = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                               (GDestroyNotify) g_ptr_array_unref);
      for (guint i = 0, n = g_list_model_get_n_items (model); i < n; i++)
        {
          g_autoptr(CustosRecord) risk = g_list_model_get_item (model, i);
          const char * const *controls = custos_risk_get_controls (CUSTOS_RISK (risk));

          for (guint c = 0; controls != NULL && controls[c] != NULL; c++)
            {
              GPtrArray *list = g_hash_table_lookup (self->selecting, controls[c]);
              if (list == NULL)
                {
                  list = g_ptr_array_new ();
                  g_hash_table_insert (self->selecting, g_strdup (controls[c]), list);
                }
              /* A control listed twice by one risk counts once. */
              if (list->len == 0 || list->pdata[list->len - 1] != risk)
                g_ptr_array_add (list, risk);
            }
        }
    }

  risks = g_hash_table_lookup (self->selecting, control_id);
  return risks ? g_ptr_array_ref (risks) : g_ptr_array_new ();
}

CustosRecord *
custos_document_get_latest_revision (CustosDocument *self)
{
  GListModel *revisions = custos_document_get_register (self, CUSTOS_REGISTER_REVISIONS);
  CustosRecord *latest = NULL;

  for (guint i = 0, n = g_list_model_get_n_items (revisions); i < n; i++)
    {
      g_autoptr(CustosRecord) rev = g_list_model_get_item (revisions, i);

      if (latest == NULL || g_strcmp0 (custos_revision_get_date (CUSTOS_REVISION (rev)),
                                       custos_revision_get_date (CUSTOS_REVISION (latest))) >= 0)
        latest = rev;
    }
  return latest;   /* the register holds a reference */
}

const char *
custos_document_get_control_title (CustosDocument *self,
                                   const char     *control_id)
{
  const CustosControl *control = custos_catalogue_lookup (self->catalogue, control_id);

  return control ? control->title : NULL;
}

gboolean
custos_document_get_modified (CustosDocument *self)
{
  g_return_val_if_fail (CUSTOS_IS_DOCUMENT (self), FALSE);
  return self->modified;
}

void
custos_document_set_modified (CustosDocument *self,
                              gboolean        modified)
{
  g_return_if_fail (CUSTOS_IS_DOCUMENT (self));

  modified = !!modified;
  if (self->modified == modified)
    return;
  self->modified = modified;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MODIFIED]);
}

