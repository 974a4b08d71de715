/* SPDX-License-Identifier: GPL-3.0-or-later */
/* custos-diff.c — what changed between two versions of an ISMS document
 *
 * Walks the kinds' descriptors, so every field of every register and section
 * (references, lists, the SoA) is compared without code of its own. Records
 * are looked up by id through the documents' indexes: the cost is linear in
 * the records, and only what changed is formatted.
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "custos-diff.h"

struct _CustosDiff
{
  GPtrArray *changes; /* of CustosChange */
};

static void
field_change_free (gpointer data)
{
  CustosFieldChange *change = data;

  g_free (change->old_text);
  g_free (change->new_text);
  g_strfreev (change->added);
  g_strfreev (change->removed);
  g_free (change);
}

static void
change_free (gpointer data)
{
  CustosChange *change = data;

  g_free (change->id);
  g_free (change->title);
  g_clear_pointer (&change->fields, g_ptr_array_unref);
  g_free (change);
}

char *
custos_control_display_id (const char *control_id)
{
  /* 2022 ids are kept bare in the file ("5.1"); 2013 ones carry "A." already. */
  if (g_str_has_prefix (control_id, "A."))
    return g_strdup (control_id);
  return g_strconcat ("A.", control_id, NULL);
}

/* One item of a list field as people read it. */
static char *
item_display (const CustosField *field,
              const char        *item)
{
  if (field->type == CUSTOS_FIELD_CONTROLS)
    return custos_control_display_id (item);
  return g_strdup (item);
}

/* The display form of a value, NULL when there is nothing to show. */
static char *
value_display (const CustosField *field,
               const GValue      *value,
               const char        *sep)
{
  switch (field->type)
    {
    case CUSTOS_FIELD_INT:
      return g_value_get_int (value) == 0 ? NULL : g_strdup_printf ("%d", g_value_get_int (value));
    case CUSTOS_FIELD_BOOL:
      return g_strdup (g_value_get_boolean (value) ? _("yes") : _("no"));
    case CUSTOS_FIELD_REFS:
    case CUSTOS_FIELD_CONTROLS:
    case CUSTOS_FIELD_STRINGS:
      {
        const char * const *items = g_value_get_boxed (value);
        GString *text;

        if (items == NULL || items[0] == NULL)
          return NULL;
        text = g_string_new (NULL);
        for (guint i = 0; items[i] != NULL; i++)
          {
            g_autofree char *item = item_display (field, items[i]);
            g_string_append_printf (text, "%s%s", i > 0 ? sep : "", item);
          }
        return g_string_free (text, FALSE);
      }
    default:
      {
        char *text = custos_field_to_text (field, value, sep);

        if (text[0] == '\0')
          g_clear_pointer (&text, g_free);
        return text;
      }
    }
}

/* The items of a that are not in b, in a's order (NULL when none). */
static char **
items_minus (const CustosField  *field,
             const char * const *a,
             const char * const *b)
{
  GPtrArray *out = g_ptr_array_new ();

  for (guint i = 0; a != NULL && a[i] != NULL; i++)
    if (b == NULL || !g_strv_contains (b, a[i]))
      g_ptr_array_add (out, item_display (field, a[i]));
  if (out->len == 0)
    {
      g_ptr_array_unref (out);
      return NULL;
    }
  g_ptr_array_add (out, NULL);
  return (char **) g_ptr_array_free (out, FALSE);
}

static gboolean
is_list (const CustosField *field)
{
  return field->type == CUSTOS_FIELD_REFS || field->type == CUSTOS_FIELD_CONTROLS ||
         field->type == CUSTOS_FIELD_STRINGS;
}

/* The fields that differ between two records of one kind, or NULL. */
static GPtrArray *
compare_records (CustosRecord *old_record,
                 CustosRecord *new_record)
{
  const CustosKind *kind = custos_record_get_kind (new_record);
  GPtrArray *fields = NULL;

  for (guint f = 0; f < kind->n_fields; f++)
    {
      const CustosField *field = &kind->fields[f];
      const GValue *old_value = custos_record_get_value (old_record, f);
      const GValue *new_value = custos_record_get_value (new_record, f);
      CustosFieldChange *change;

      if (custos_value_equal (old_value, new_value))
        continue;
      change = g_new0 (CustosFieldChange, 1);
      change->field = field;
      change->old_text = value_display (field, old_value, ", ");
      change->new_text = value_display (field, new_value, ", ");
      /* Reordered lines are a change of their own. */
      if (is_list (field))
        {
          change->added = items_minus (field, g_value_get_boxed (new_value), g_value_get_boxed (old_value));
          change->removed = items_minus (field, g_value_get_boxed (old_value), g_value_get_boxed (new_value));
        }
      if (fields == NULL)
        fields = g_ptr_array_new_with_free_func (field_change_free);
      g_ptr_array_add (fields, change);
    }
  return fields;
}

static char *
record_display_id (CustosRecord *record)
{
  const char *id = custos_record_get_id (record);

  if (custos_record_get_kind (record) == custos_kinds_register (CUSTOS_REGISTER_SOA))
    return custos_control_display_id (id);
  return g_strdup (id);
}

static char *
record_title (CustosDocument *document,
              CustosRecord   *record)
{
  if (custos_record_get_kind (record) == custos_kinds_register (CUSTOS_REGISTER_SOA))
    return g_strdup (custos_document_get_control_title (document, custos_record_get_id (record)));
  return g_strdup (custos_record_get_title (record));
}

static void
add_change (CustosDiff       *self,
            CustosChangeType  type,
            int               reg,
            CustosDocument   *document,
            CustosRecord     *record,
            GPtrArray        *fields)
{
  CustosChange *change = g_new0 (CustosChange, 1);

  change->type = type;
  change->kind = custos_record_get_kind (record);
  change->reg = reg;
  change->fields = fields;
  if (reg >= 0)
    {
      change->id = record_display_id (record);
      change->title = record_title (document, record);
    }
  g_ptr_array_add (self->changes, change);
}

static void
diff_register (CustosDiff     *self,
               CustosDocument *old_doc,
               CustosDocument *new_doc,
               CustosRegister  reg)
{
  GListModel *old_records = custos_document_get_register (old_doc, reg);
  GListModel *new_records = custos_document_get_register (new_doc, reg);

  for (guint i = 0, n = g_list_model_get_n_items (new_records); i < n; i++)
    {
      g_autoptr(CustosRecord) record = g_list_model_get_item (new_records, i);
      CustosRecord *old_record = custos_document_lookup (old_doc, reg, custos_record_get_id (record));

      if (old_record == NULL)
        add_change (self, CUSTOS_CHANGE_ADDED, reg, new_doc, record, NULL);
      else
        {
          GPtrArray *fields = compare_records (old_record, record);

          if (fields != NULL)
            add_change (self, CUSTOS_CHANGE_CHANGED, reg, new_doc, record, fields);
        }
    }
  for (guint i = 0, n = g_list_model_get_n_items (old_records); i < n; i++)
    {
      g_autoptr(CustosRecord) record = g_list_model_get_item (old_records, i);

      if (custos_document_lookup (new_doc, reg, custos_record_get_id (record)) == NULL)
        add_change (self, CUSTOS_CHANGE_REMOVED, reg, old_doc, record, NULL);
    }
}

/* The criteria and the edition belong to no register: a change of either is
 * told as a whole ("the risk criteria changed"). */
static void
add_document_change (CustosDiff *self,
                     const char *title,
                     char       *old_text,
                     char       *new_text)
{
  CustosChange *change = g_new0 (CustosChange, 1);
  CustosFieldChange *field = g_new0 (CustosFieldChange, 1);

  change->type = CUSTOS_CHANGE_CHANGED;
  change->reg = -1;
  change->title = g_strdup (title);
  change->fields = g_ptr_array_new_with_free_func (field_change_free);
  field->old_text = old_text;
  field->new_text = new_text;
  g_ptr_array_add (change->fields, field);
  g_ptr_array_add (self->changes, change);
}

CustosDiff *
custos_diff_new (CustosDocument *old_doc,
                 CustosDocument *new_doc)
{
  CustosDiff *self;

  g_return_val_if_fail (CUSTOS_IS_DOCUMENT (old_doc), NULL);
  g_return_val_if_fail (CUSTOS_IS_DOCUMENT (new_doc), NULL);

  self = g_new0 (CustosDiff, 1);
  self->changes = g_ptr_array_new_with_free_func (change_free);

  if (custos_document_get_edition (old_doc) != custos_document_get_edition (new_doc))
    add_document_change (self, _("Annex A edition"),
                         g_strdup_printf ("%d", custos_document_get_edition (old_doc)),
                         g_strdup_printf ("%d", custos_document_get_edition (new_doc)));
  for (CustosSection s = 0; s < CUSTOS_N_SECTIONS; s++)
    {
      CustosRecord *new_section = custos_document_get_section (new_doc, s);
      GPtrArray *fields = compare_records (custos_document_get_section (old_doc, s), new_section);

      if (fields != NULL)
        add_change (self, CUSTOS_CHANGE_CHANGED, -1, new_doc, new_section, fields);
    }
  if (!custos_criteria_equal (custos_document_get_criteria (old_doc), custos_document_get_criteria (new_doc)))
    add_document_change (self, _("Risk criteria"), NULL, NULL);
  for (CustosRegister r = 0; r < CUSTOS_N_REGISTERS; r++)
    diff_register (self, old_doc, new_doc, r);
  return self;
}

void
custos_diff_free (CustosDiff *self)
{
  if (self == NULL)
    return;
  g_ptr_array_unref (self->changes);
  g_free (self);
}

guint
custos_diff_get_n_changes (CustosDiff *self)
{
  return self->changes->len;
}

const CustosChange *
custos_diff_get_change (CustosDiff *self,
                        guint       index)
{
  g_return_val_if_fail (index < self->changes->len, NULL);
  return g_ptr_array_index (self->changes, index);
}

/* Quotes text values and keeps each change on one line. */
static void
append_value (GString           *out,
              const CustosField *field,
              const char        *text)
{
  gboolean quoted = field != NULL && (field->type == CUSTOS_FIELD_STRING || field->type == CUSTOS_FIELD_TEXT);

  if (text == NULL)
    {
      g_string_append (out, _("(empty)"));
      return;
    }
  if (quoted)
    g_string_append_c (out, '\'');
  for (const char *p = text; *p != '\0'; p++)
    if (*p == '\n')
      g_string_append (out, " / ");
    else if (*p != '\r')
      g_string_append_c (out, *p);
  if (quoted)
    g_string_append_c (out, '\'');
}

static void
append_items (GString     *out,
              const char  *sign,
              char       **items)
{
  for (guint i = 0; items != NULL && items[i] != NULL; i++)
    g_string_append_printf (out, " %s%s", sign, items[i]);
}

char *
custos_field_change_format (const CustosFieldChange *change,
                            gboolean                 label)
{
  GString *out = g_string_new (change->field == NULL ? "" : label ? _(change->field->label) : change->field->name);

  if (change->field != NULL && is_list (change->field) && (change->added != NULL || change->removed != NULL))
    {
      append_items (out, "+", change->added);
      append_items (out, "\u2212", change->removed);
      return g_string_free (out, FALSE);
    }
  if (change->field == NULL && change->old_text == NULL && change->new_text == NULL)
    {
      g_string_append (out, _("changed"));
      return g_string_free (out, FALSE);
    }
  if (out->len > 0)
    g_string_append_c (out, ' ');
  append_value (out, change->field, change->old_text);
  g_string_append (out, " \u2192 ");
  append_value (out, change->field, change->new_text);
  return g_string_free (out, FALSE);
}

/* 'title', on one line */
static void
append_title (GString    *out,
              const char *title)
{
  g_string_append (out, " '");
  for (const char *p = title; *p != '\0'; p++)
    g_string_append_c (out, *p == '\n' || *p == '\r' ? ' ' : *p);
  g_string_append_c (out, '\'');
}

char *
custos_change_format (const CustosChange *change)
{
  GString *out = g_string_new (NULL);

  if (change->kind == NULL)
    g_string_append (out, change->title);
  else if (change->reg < 0)
    g_string_append (out, _(change->kind->label));
  else
    {
      g_string_append_printf (out, "%s %s", _(change->kind->label), change->id);
      if (change->title != NULL && g_strcmp0 (change->title, change->id) != 0)
        append_title (out, change->title);
    }

  switch (change->type)
    {
    case CUSTOS_CHANGE_ADDED:
      g_string_append_printf (out, " %s", _("added"));
      break;
    case CUSTOS_CHANGE_REMOVED:
      g_string_append_printf (out, " %s", _("removed"));
      break;
    case CUSTOS_CHANGE_CHANGED:
    default:
      g_string_append (out, ":");
      for (guint i = 0; i < change->fields->len; i++)
        {
          g_autofree char *field = custos_field_change_format (g_ptr_array_index (change->fields, i), FALSE);
          g_string_append_printf (out, "%s %s", i > 0 ? ";" : "", field);
        }
      break;
    }
  return g_string_free (out, FALSE);
}

char *
custos_change_get_record (const CustosChange *change)
{
  if (change->kind == NULL)
    return g_strdup (change->title);
  if (change->reg < 0)
    return g_strdup (_(change->kind->label));
  if (change->title != NULL && g_strcmp0 (change->title, change->id) != 0)
    return g_strdup_printf ("%s %s", change->id, change->title);
  return g_strdup (change->id);
}

char *
custos_change_get_details (const CustosChange *change)
{
  GString *details;

  if (change->type == CUSTOS_CHANGE_ADDED)
    return g_strdup (_("Added"));
  if (change->type == CUSTOS_CHANGE_REMOVED)
    return g_strdup (_("Removed"));
  details = g_string_new (NULL);
  for (guint f = 0; f < change->fields->len; f++)
    {
      g_autofree char *line = custos_field_change_format (g_ptr_array_index (change->fields, f), TRUE);
      g_string_append_printf (details, "%s%s", f > 0 ? "\n" : "", line);
    }
  return g_string_free (details, FALSE);
}

char *
custos_diff_format_text (CustosDiff *self)
{
  GString *out = g_string_new (NULL);
  int heading = -2; /* the register whose heading was written last */

  for (guint i = 0; i < self->changes->len; i++)
    {
      const CustosChange *change = g_ptr_array_index (self->changes, i);
      g_autofree char *line = custos_change_format (change);

      if (change->reg >= 0 && change->reg != heading)
        g_string_append_printf (out, "%s\n", _(change->kind->plural));
      heading = change->reg;
      g_string_append_printf (out, "%s%s\n", change->reg >= 0 ? "  " : "", line);
    }
  return g_string_free (out, FALSE);
}

/* The textconv dump -------------------------------------------------------- */

static void
dump_record (GString        *out,
             CustosRecord   *record,
             const char     *indent)
{
  const CustosKind *kind = custos_record_get_kind (record);

  for (guint f = 0; f < kind->n_fields; f++)
    {
      const CustosField *field = &kind->fields[f];
      g_autofree char *text = NULL;

      if (custos_record_field_is_empty (record, f))
        continue;
      /* Lines of a list on lines of their own, so that git shows which. */
      text = value_display (field, custos_record_get_value (record, f),
                            field->type == CUSTOS_FIELD_STRINGS ? "\n" : ", ");
      g_string_append_printf (out, "%s%s:", indent, field->name);
      /* Continuation lines are indented, so that each line of the dump
       * still says which field it belongs to in git's hunks. */
      for (char *line = text, *next; line != NULL; line = next)
        {
          next = strchr (line, '\n');
          if (next != NULL)
            *next++ = '\0';
          g_string_append_printf (out, "%s%s\n", line == text ? " " : "", line);
          if (next != NULL)
            g_string_append_printf (out, "%s  ", indent);
        }
    }
}

char *
custos_document_to_text (CustosDocument *document)
{
  GString *out = g_string_new (NULL);

  g_string_append_printf (out, "Annex A edition %d\n", custos_document_get_edition (document));
  for (CustosSection s = 0; s < CUSTOS_N_SECTIONS; s++)
    {
      CustosRecord *section = custos_document_get_section (document, s);

      g_string_append_printf (out, "\n%s\n", custos_record_get_kind (section)->label);
      dump_record (out, section, "  ");
    }
  for (CustosRegister r = 0; r < CUSTOS_N_REGISTERS; r++)
    {
      GListModel *records = custos_document_get_register (document, r);
      guint n = g_list_model_get_n_items (records);

      if (n == 0)
        continue;
      g_string_append_printf (out, "\n%s\n", custos_kinds_register (r)->plural);
      for (guint i = 0; i < n; i++)
        {
          g_autoptr(CustosRecord) record = g_list_model_get_item (records, i);
          g_autofree char *id = record_display_id (record);
          g_autofree char *title = record_title (document, record);

          g_string_append_printf (out, "  %s %s", custos_record_get_kind (record)->label, id);
          if (title != NULL && g_strcmp0 (title, id) != 0)
            append_title (out, title);
          g_string_append_c (out, '\n');
          dump_record (out, record, "    ");
        }
    }
  return g_string_free (out, FALSE);
}
