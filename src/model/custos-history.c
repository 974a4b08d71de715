/* SPDX-License-Identifier: GPL-3.0-or-later */
/* custos-history.c — undo and redo of every edit of a document
 *
 * The history asks every record of the document to keep what its changes
 * replace (custos_record_keep_previous), so that on "field-changed" it knows
 * the value before the edit without a copy of the whole document. A step is a list of
 * changes; consecutive edits of the same field (typing) join one step until
 * the history is sealed or another field is edited.
 *
 * The history also knows where in it the file's version is: the number of
 * undo steps when the document was last saved or loaded (it becomes
 * unmodified). Undoing or redoing back to there makes the document
 * unmodified again; a new step where the saved one had been undone, or an
 * edit that no step records, loses the saved state for good.
 */
#include "config.h"

#include "custos-history.h"
#include "custos-record-private.h"

typedef enum
{
  CHANGE_FIELD,
  CHANGE_PROPERTY, /* of the record itself: field indexes record_properties */
  CHANGE_INSERT,
  CHANGE_REMOVE,
  CHANGE_CRITERIA,
  CHANGE_SOA,
} ChangeKind;

/* Properties of every record besides its fields, kept like fields, in the
 * order of their slots past the fields (custos-record-private.h). */
static const struct
{
  const char *name;
  GType       type;
} record_properties[] = {
  { "id", G_TYPE_STRING },
  { "to-review", G_TYPE_BOOLEAN },
};
G_STATIC_ASSERT (G_N_ELEMENTS (record_properties) == 2);

typedef struct
{
  ChangeKind      kind;
  CustosRecord   *record;
  guint           field;
  GValue          before;
  GValue          after;
  int             reg;
  guint           position;
  CustosCriteria *criteria_before;
  CustosCriteria *criteria_after;
  int             edition_before;
  int             edition_after;
  GPtrArray      *entries_before;
  GPtrArray      *entries_after;
} Change;

struct _CustosHistory
{
  GObject         parent_instance;

  CustosDocument *document;   /* weak */
  GHashTable     *members;    /* the records in the document, each a reference */
  GPtrArray      *undo;       /* of GPtrArray of Change */
  GPtrArray      *redo;
  guint           group_depth;
  gboolean        sealed;
  gboolean        replaying;
  int             saved_depth; /* undo->len of the saved state; -1: no step leads back to it */
};

G_DEFINE_FINAL_TYPE (CustosHistory, custos_history, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_CAN_UNDO,
  PROP_CAN_REDO,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
change_free (gpointer data)
{
  Change *c = data;

  g_clear_object (&c->record);
  if (G_IS_VALUE (&c->before))
    g_value_unset (&c->before);
  if (G_IS_VALUE (&c->after))
    g_value_unset (&c->after);
  g_clear_object (&c->criteria_before);
  g_clear_object (&c->criteria_after);
  g_clear_pointer (&c->entries_before, g_ptr_array_unref);
  g_clear_pointer (&c->entries_after, g_ptr_array_unref);
  g_free (c);
}

/* A record in the document: the history hears of its changes. */
static void
track (CustosHistory *self,
       CustosRecord  *record)
{
  custos_record_keep_previous (record);
  g_hash_table_add (self->members, g_object_ref (record));
}

/* A record that leaves the document is forgotten; undoing its removal
 * tracks it again. The history holds a reference, so a record is never
 * freed while the history knows it, and no later record can take its
 * address and be confused with it. */
static void
forget (CustosHistory *self,
        CustosRecord  *record)
{
  g_hash_table_remove (self->members, record);
}

static void
track_register (CustosHistory *self,
                   GListModel    *model)
{
  for (guint i = 0, n = g_list_model_get_n_items (model); i < n; i++)
    {
      g_autoptr(CustosRecord) record = g_list_model_get_item (model, i);
      track (self, record);
    }
}

static void
notify_state (CustosHistory *self)
{
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAN_UNDO]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAN_REDO]);
}

/* Adds a change to the open step, or opens a new one. */
static void
push (CustosHistory *self,
      Change        *change)
{
  GPtrArray *step = self->undo->len > 0 ? self->undo->pdata[self->undo->len - 1] : NULL;

  if (self->redo->len > 0)
    {
      if (self->saved_depth > (int) self->undo->len)
        self->saved_depth = -1; /* the saved state was undone, and now cannot be redone */
      g_ptr_array_set_size (self->redo, 0);
    }

  if (step != NULL && self->group_depth == 0 && !self->sealed && change->kind == CHANGE_FIELD && step->len == 1)
    {
      Change *last = step->pdata[0];
      /* Typing in one field is one step: keep the first "before", take the new "after". */
      if (last->kind == CHANGE_FIELD && last->record == change->record && last->field == change->field)
        {
          g_value_unset (&last->after);
          g_value_init (&last->after, G_VALUE_TYPE (&change->after));
          g_value_copy (&change->after, &last->after);
          change_free (change);
          return;
        }
    }

  if (step == NULL || self->group_depth == 0 || self->sealed)
    {
      step = g_ptr_array_new_with_free_func (change_free);
      g_ptr_array_add (self->undo, step);
      self->sealed = FALSE;
    }
  g_ptr_array_add (step, change);
  notify_state (self);
}

static void
on_field_changed (CustosDocument *document,
                  CustosRecord   *record,
                  GParamSpec     *pspec,
                  CustosHistory  *self)
{
  const CustosKind *kind = custos_record_get_kind (record);
  const GValue *before;
  guint field = 0;
  Change *change;

  if (self->replaying || !g_hash_table_contains (self->members, record))
    return;

  for (guint p = 0; p < G_N_ELEMENTS (record_properties); p++)
    if (g_str_equal (pspec->name, record_properties[p].name))
      {
        if ((before = custos_record_get_previous (record, kind->n_fields + p)) == NULL)
          return;
        change = g_new0 (Change, 1);
        change->kind = CHANGE_PROPERTY;
        change->record = g_object_ref (record);
        change->field = p;
        g_value_init (&change->before, record_properties[p].type);
        g_value_copy (before, &change->before);
        g_value_init (&change->after, record_properties[p].type);
        g_object_get_property (G_OBJECT (record), pspec->name, &change->after);
        push (self, change);
        return;
      }

  if (custos_kind_find_field (kind, pspec->name, &field) == NULL ||
      (before = custos_record_get_previous (record, field)) == NULL)
    return;
  change = g_new0 (Change, 1);
  change->kind = CHANGE_FIELD;
  change->record = g_object_ref (record);
  change->field = field;
  g_value_init (&change->before, G_VALUE_TYPE (before));
  g_value_copy (before, &change->before);
  g_value_init (&change->after, G_VALUE_TYPE (before));
  g_value_copy (custos_record_get_value (record, field), &change->after);
  push (self, change);
}

static void
on_inserted (CustosDocument *document,
             int             reg,
             guint           position,
             CustosRecord   *record,
             CustosHistory  *self)
{
  track (self, record);
  if (!self->replaying)
    {
      Change *change = g_new0 (Change, 1);
      change->kind = CHANGE_INSERT;
      change->record = g_object_ref (record);
      change->reg = reg;
      change->position = position;
      push (self, change);
    }
}

static void
on_removed (CustosDocument *document,
            int             reg,
            guint           position,
            CustosRecord   *record,
            CustosHistory  *self)
{
  forget (self, record);
  if (!self->replaying)
    {
      Change *change = g_new0 (Change, 1);
      change->kind = CHANGE_REMOVE;
      change->record = g_object_ref (record);
      change->reg = reg;
      change->position = position;
      push (self, change);
    }
}

static void
on_criteria_replaced (CustosDocument *document,
                      CustosCriteria *old,
                      CustosHistory  *self)
{
  if (!self->replaying)
    {
      Change *change = g_new0 (Change, 1);
      change->kind = CHANGE_CRITERIA;
      change->criteria_before = custos_criteria_copy (old);
      change->criteria_after = custos_criteria_copy (custos_document_get_criteria (document));
      push (self, change);
    }
}

static GPtrArray *
register_items (GListModel *model)
{
  guint n = g_list_model_get_n_items (model);
  GPtrArray *items = g_ptr_array_new_full (n, g_object_unref);

  for (guint i = 0; i < n; i++)
    g_ptr_array_add (items, g_list_model_get_item (model, i));
  return items;
}

static void
on_soa_replaced (CustosDocument *document,
                 int             old_edition,
                 GPtrArray      *old_entries,
                 CustosHistory  *self)
{
  GListModel *soa = custos_document_get_register (document, CUSTOS_REGISTER_SOA);

  for (guint i = 0; i < old_entries->len; i++)
    forget (self, old_entries->pdata[i]);
  track_register (self, soa);
  if (!self->replaying)
    {
      Change *change = g_new0 (Change, 1);
      change->kind = CHANGE_SOA;
      change->edition_before = old_edition;
      change->edition_after = custos_document_get_edition (document);
      change->entries_before = g_ptr_array_ref (old_entries);
      change->entries_after = register_items (soa);
      push (self, change);
    }
}

static void
apply (CustosHistory *self,
       Change        *c,
       gboolean       forward)
{
  CustosDocument *doc = self->document;

  switch (c->kind)
    {
    case CHANGE_FIELD:
      custos_record_set_value (c->record, c->field, forward ? &c->after : &c->before);
      break;
    case CHANGE_PROPERTY:
      g_object_set_property (G_OBJECT (c->record), record_properties[c->field].name, forward ? &c->after : &c->before);
      break;
    case CHANGE_INSERT:
    case CHANGE_REMOVE:
      if ((c->kind == CHANGE_INSERT) == forward)
        custos_document_insert (doc, c->reg, c->position, c->record);
      else
        custos_document_remove (doc, c->reg, c->record);
      break;
    case CHANGE_CRITERIA:
      custos_document_set_criteria (doc, forward ? c->criteria_after : c->criteria_before, NULL);
      break;
    case CHANGE_SOA:
      {
        GPtrArray *entries = forward ? c->entries_after : c->entries_before;
        custos_document_replace_soa (doc, forward ? c->edition_after : c->edition_before,
                                     (CustosRecord **) entries->pdata, entries->len);
      }
      break;
    default:
      g_assert_not_reached ();
    }
}

static gboolean
replay (CustosHistory *self,
        GPtrArray     *from,
        GPtrArray     *to,
        gboolean       forward)
{
  GPtrArray *step;

  if (from->len == 0 || self->document == NULL)
    return FALSE;

  step = g_ptr_array_steal_index (from, from->len - 1);
  self->replaying = TRUE;
  if (forward)
    for (guint i = 0; i < step->len; i++)
      apply (self, step->pdata[i], TRUE);
  else
    for (guint i = step->len; i > 0; i--)
      apply (self, step->pdata[i - 1], FALSE);
  g_ptr_array_add (to, step);
  self->sealed = TRUE;
  custos_document_set_modified (self->document, (int) self->undo->len != self->saved_depth);
  self->replaying = FALSE;
  notify_state (self);
  return TRUE;
}

gboolean
custos_history_undo (CustosHistory *self)
{
  g_return_val_if_fail (CUSTOS_IS_HISTORY (self), FALSE);
  return replay (self, self->undo, self->redo, FALSE);
}

gboolean
custos_history_redo (CustosHistory *self)
{
  g_return_val_if_fail (CUSTOS_IS_HISTORY (self), FALSE);
  return replay (self, self->redo, self->undo, TRUE);
}

gboolean
custos_history_can_undo (CustosHistory *self)
{
  g_return_val_if_fail (CUSTOS_IS_HISTORY (self), FALSE);
  return self->undo->len > 0;
}

gboolean
custos_history_can_redo (CustosHistory *self)
{
  g_return_val_if_fail (CUSTOS_IS_HISTORY (self), FALSE);
  return self->redo->len > 0;
}

void
custos_history_begin_group (CustosHistory *self)
{
  g_return_if_fail (CUSTOS_IS_HISTORY (self));

  if (self->group_depth++ == 0)
    self->sealed = TRUE; /* the group opens a step of its own */
}

void
custos_history_begin_join (CustosHistory *self)
{
  g_return_if_fail (CUSTOS_IS_HISTORY (self));

  /* A step that was undone, or that the saved state ends at, is not the
   * edit just made: then the group opens a step of its own. */
  if (self->group_depth++ == 0)
    self->sealed = self->undo->len == 0 || self->redo->len > 0 || self->saved_depth == (int) self->undo->len;
}

void
custos_history_end_group (CustosHistory *self)
{
  g_return_if_fail (CUSTOS_IS_HISTORY (self));
  g_return_if_fail (self->group_depth > 0);

  if (--self->group_depth == 0)
    self->sealed = TRUE;
}

void
custos_history_seal (CustosHistory *self)
{
  g_return_if_fail (CUSTOS_IS_HISTORY (self));
  self->sealed = TRUE;
}

void
custos_history_clear (CustosHistory *self)
{
  g_return_if_fail (CUSTOS_IS_HISTORY (self));

  g_ptr_array_set_size (self->undo, 0);
  g_ptr_array_set_size (self->redo, 0);
  self->saved_depth = self->document != NULL && !custos_document_get_modified (self->document) ? 0 : -1;
  notify_state (self);
}

static void
custos_history_dispose (GObject *object)
{
  CustosHistory *self = CUSTOS_HISTORY (object);

  if (self->document != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->document, self);
      g_object_remove_weak_pointer (G_OBJECT (self->document), (gpointer *) &self->document);
      self->document = NULL;
    }
  g_clear_pointer (&self->undo, g_ptr_array_unref);
  g_clear_pointer (&self->redo, g_ptr_array_unref);
  g_clear_pointer (&self->members, g_hash_table_unref);

  G_OBJECT_CLASS (custos_history_parent_class)->dispose (object);
}

static void
custos_history_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  CustosHistory *self = CUSTOS_HISTORY (object);

  switch (prop_id)
    {
    case PROP_CAN_UNDO:
      g_value_set_boolean (value, custos_history_can_undo (self));
      break;
    case PROP_CAN_REDO:
      g_value_set_boolean (value, custos_history_can_redo (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
custos_history_class_init (CustosHistoryClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = custos_history_dispose;
  object_class->get_property = custos_history_get_property;

  properties[PROP_CAN_UNDO] = g_param_spec_boolean ("can-undo", NULL, NULL, FALSE,
                                                    G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_CAN_REDO] = g_param_spec_boolean ("can-redo", NULL, NULL, FALSE,
                                                    G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
custos_history_init (CustosHistory *self)
{
  self->members = g_hash_table_new_full (g_direct_hash, g_direct_equal, g_object_unref, NULL);
  self->undo = g_ptr_array_new_with_free_func ((GDestroyNotify) g_ptr_array_unref);
  self->redo = g_ptr_array_new_with_free_func ((GDestroyNotify) g_ptr_array_unref);
  self->sealed = TRUE;
}

/* Saved or loaded: this is the file's version. Made modified without a step
 * of ours (a change merged into the saved step, a recovered copy): no step
 * leads back to the file's version any more. */
static void
on_modified_changed (CustosDocument *document,
                     GParamSpec     *pspec,
                     CustosHistory  *self)
{
  if (self->replaying)
    return;
  if (!custos_document_get_modified (document))
    {
      self->saved_depth = (int) self->undo->len;
      self->sealed = TRUE;
    }
  else if ((int) self->undo->len == self->saved_depth)
    self->saved_depth = -1;
}

CustosHistory *
custos_history_new (CustosDocument *document)
{
  CustosHistory *self = g_object_new (CUSTOS_TYPE_HISTORY, NULL);

  g_return_val_if_fail (CUSTOS_IS_DOCUMENT (document), NULL);

  self->document = document;
  g_object_add_weak_pointer (G_OBJECT (document), (gpointer *) &self->document);
  for (guint s = 0; s < CUSTOS_N_SECTIONS; s++)
    track (self, custos_document_get_section (document, s));
  for (guint r = 0; r < CUSTOS_N_REGISTERS; r++)
    track_register (self, custos_document_get_register (document, r));

  self->saved_depth = custos_document_get_modified (document) ? -1 : 0;
  g_signal_connect (document, "notify::modified", G_CALLBACK (on_modified_changed), self);
  g_signal_connect (document, "field-changed", G_CALLBACK (on_field_changed), self);
  g_signal_connect (document, "inserted", G_CALLBACK (on_inserted), self);
  g_signal_connect (document, "removed", G_CALLBACK (on_removed), self);
  g_signal_connect (document, "criteria-replaced", G_CALLBACK (on_criteria_replaced), self);
  g_signal_connect (document, "soa-replaced", G_CALLBACK (on_soa_replaced), self);
  g_signal_connect_swapped (document, "begin-compound", G_CALLBACK (custos_history_begin_group), self);
  g_signal_connect_swapped (document, "end-compound", G_CALLBACK (custos_history_end_group), self);
  return self;
}
