/* SPDX-License-Identifier: GPL-3.0-or-later */
/* custos-import.c — records of a register from a table of text */
#include "config.h"

#include <math.h>

#include <glib/gi18n-lib.h>

#include "custos-escape.h"
#include "custos-import.h"
#include "custos-labels.h"

G_DEFINE_QUARK (custos-import-error-quark, custos_import_error)

CustosTableRow *
custos_table_row_new (guint   line,
                      char  **cells)
{
  CustosTableRow *row = g_new (CustosTableRow, 1);

  row->line = line;
  row->cells = cells;
  return row;
}

void
custos_table_row_free (CustosTableRow *row)
{
  g_strfreev (row->cells);
  g_free (row);
}

GPtrArray *
custos_table_new (void)
{
  return g_ptr_array_new_with_free_func ((GDestroyNotify) custos_table_row_free);
}

/* One planned change of a field. */
typedef struct
{
  guint  field;
  GValue value;
} Change;

/* One row: the record it updates, or the id of the one it adds (NULL: the
 * next free id). */
typedef struct
{
  CustosRecord *record;
  char         *new_id;
  GArray       *changes;
} Planned;

static void
change_clear (Change *change)
{
  g_value_unset (&change->value);
}

static void
planned_free (Planned *planned)
{
  g_clear_object (&planned->record);
  g_free (planned->new_id);
  g_array_unref (planned->changes);
  g_free (planned);
}

struct _CustosImport
{
  GObject         parent_instance;

  CustosDocument *document;
  GPtrArray      *table;
  CustosRegister  reg;
  GArray         *columns;  /* int per header cell */
  GPtrArray      *problems; /* char * */
  GPtrArray      *plan;     /* Planned * */
  GHashTable     *titles[CUSTOS_N_REGISTERS]; /* see titles_of () */
  guint           n_added;
  guint           n_updated;
};

G_DEFINE_FINAL_TYPE (CustosImport, custos_import, G_TYPE_OBJECT)

/* Headers --------------------------------------------------------------- */

/* What a header says, stripped of case, space and a trailing "*" or ":". */
static char *
header_key (const char *header)
{
  g_autofree char *text = g_strstrip (g_strdup (header));
  gsize len = strlen (text);

  while (len > 0 && (text[len - 1] == '*' || text[len - 1] == ':'))
    text[--len] = '\0';
  return g_utf8_casefold (g_strstrip (text), -1);
}

static gboolean
key_is (const char *key,
        const char *label)
{
  g_autofree char *plain = g_utf8_casefold (label, -1);
  g_autofree char *translated = g_utf8_casefold (_(label), -1);

  return g_str_equal (key, plain) || g_str_equal (key, translated);
}

/* Columns the CSV export adds from other records or the criteria: read
 * back, they would change nothing, so they are not imported. */
static const char * const derived_soa[] = {
  N_("Title"), N_("Theme"), N_("Category"), N_("Selecting risks"), NULL };
static const char * const derived_risks[] = {
  N_("Inherent score"), N_("Inherent band"), N_("Residual score"), N_("Residual band"), NULL };
static const char * const derived_actions[] = {
  N_("Risk title"), N_("Inherent score"), N_("Inherent band"), N_("Residual score"), N_("Residual band"), NULL };
static const char * const id_headers[] = {
  N_("ID"), N_("Ref"), N_("Reference"), N_("Identifier"), N_("No."), "#", NULL };
static const char * const soa_id_headers[] = {
  N_("Control"), N_("Control ID"), N_("Annex A control"), N_("Clause"), NULL };

/* Common names in people's spreadsheets for a field (by its name). */
static const struct
{
  const char *field;
  const char *header;
} synonyms[] = {
  { "owner", N_("Owner") }, { "owner", N_("Risk owner") }, { "owner", N_("Asset owner") },
  { "owner", N_("Responsible") }, { "owner", N_("Owned by") },
  { "likelihood", N_("Probability") }, { "likelihood", N_("Likelihood") },
  { "consequence", N_("Impact") }, { "consequence", N_("Consequences") }, { "consequence", N_("Consequence") },
  { "residual-likelihood", N_("Residual probability") },
  { "residual-consequence", N_("Residual impact") },
  { "treatment", N_("Treatment") }, { "treatment", N_("Risk treatment") },
  { "controls", N_("Controls") }, { "controls", N_("Annex A controls") }, { "controls", N_("Annex A") },
  { "assets", N_("Asset") }, { "assets", N_("Affected assets") },
  { "type", N_("Asset type") }, { "type", N_("Category") },
  { "applicable", N_("Applicability") }, { "applicable", N_("Applicable?") },
  { "justification", N_("Reason") }, { "justification", N_("Justification for inclusion or exclusion") },
  { "implementation", N_("Implementation status") }, { "implementation", N_("Implemented?") },
  { "due", N_("Deadline") }, { "due", N_("Target date") }, { "due", N_("Due") },
  { "description", N_("Details") },
  { "location", N_("Site") },
  { "classification", N_("Confidentiality") },
};

static gboolean
key_in (const char         *key,
        const char * const *labels)
{
  for (guint i = 0; labels[i] != NULL; i++)
    if (key_is (key, labels[i]))
      return TRUE;
  return FALSE;
}

static const char * const *
derived_headers (CustosRegister reg)
{
  static const char * const none[] = { NULL };

  switch (reg)
    {
    case CUSTOS_REGISTER_SOA:
      return derived_soa;
    case CUSTOS_REGISTER_RISKS:
      return derived_risks;
    case CUSTOS_REGISTER_ACTIONS:
      return derived_actions;
    default:
      return none;
    }
}

/* The mapping of one header for reg, and how sure it is: 2 for our own
 * labels and names, 1 for a synonym, 0 for none. */
static int
map_header (CustosRegister reg,
            const char    *header,
            int           *strength)
{
  const CustosKind *kind = custos_kinds_register (reg);
  g_autofree char *key = header_key (header);

  *strength = 2;
  if (key_in (key, reg == CUSTOS_REGISTER_SOA ? soa_id_headers : id_headers))
    return CUSTOS_IMPORT_COLUMN_ID;
  for (guint f = 0; f < kind->n_fields; f++)
    if (key_is (key, kind->fields[f].label) || g_str_equal (key, kind->fields[f].name))
      return (int) f;
  if (key_in (key, derived_headers (reg)))
    return CUSTOS_IMPORT_COLUMN_IGNORED;

  *strength = 1;
  for (guint i = 0; i < G_N_ELEMENTS (synonyms); i++)
    {
      guint f;

      if (key_is (key, synonyms[i].header) && custos_kind_find_field (kind, synonyms[i].field, &f))
        return (int) f;
    }
  if (key_is (key, N_("Title")) || key_is (key, N_("Name")))
    for (guint f = 0; f < kind->n_fields; f++)
      if (kind->fields[f].flags & CUSTOS_FIELD_FLAG_TITLE)
        return (int) f;

  *strength = 0;
  return CUSTOS_IMPORT_COLUMN_IGNORED;
}

static guint
n_headers (GPtrArray *table)
{
  return table->len > 0 ? g_strv_length (((CustosTableRow *) table->pdata[0])->cells) : 0;
}

static const char *
cell (const CustosTableRow *row,
      guint                 column)
{
  for (guint i = 0; i <= column; i++)
    if (row->cells[i] == NULL)
      return "";
  return row->cells[column];
}

CustosRegister
custos_import_guess_register (GPtrArray *table)
{
  CustosRegister best = CUSTOS_REGISTER_ASSETS;
  int best_score = 0;

  g_return_val_if_fail (table != NULL, best);

  for (guint r = 0; r < CUSTOS_N_REGISTERS; r++)
    {
      int score = 0;
      guint64 seen = 0;

      for (guint c = 0; c < n_headers (table); c++)
        {
          int strength;
          int field = map_header (r, cell (table->pdata[0], c), &strength);

          if (field >= 0 && (seen & (G_GUINT64_CONSTANT (1) << field)) == 0)
            {
              seen |= G_GUINT64_CONSTANT (1) << field;
              score += strength;
            }
          else if (field == CUSTOS_IMPORT_COLUMN_IGNORED && strength == 2)
            score += 2;
        }
      if (score > best_score)
        {
          best = r;
          best_score = score;
        }
    }
  return best;
}

/* Values ---------------------------------------------------------------- */

static void
add_problem (CustosImport *self,
             guint         line,
             const char   *format,
             ...) G_GNUC_PRINTF (3, 4);

static void
add_problem (CustosImport *self,
             guint         line,
             const char   *format,
             ...)
{
  va_list args;
  g_autofree char *message = NULL;
  g_autofree char *safe = NULL;

  if (self->problems->len >= CUSTOS_IMPORT_MAX_PROBLEMS)
    return;
  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);
  safe = custos_escape_unsafe (message);
  /* Cells are quoted in messages: what they hold is shown, never obeyed
   * (a right-to-left override, a line break). */
  g_ptr_array_add (self->problems, g_strdup_printf (_("line %u: %s"), line, safe));
}

static const char *
field_label (const CustosField *field)
{
  return _(field->label);
}

/* A control id of the document's edition for "A.5.1", "5.1" or a 2013 id
 * ("A.5.1.1") in a 2022 document (NULL if none or several succeed it). */
static const char *
normalise_control (CustosDocument *document,
                   const char     *text)
{
  CustosCatalogue *catalogue = custos_document_get_catalogue (document);
  const CustosControl *control;
  g_autofree char *cited = NULL;

  control = custos_catalogue_lookup (catalogue, text);
  if (control != NULL)
    return control->id;
  if (g_str_has_prefix (text, "A.") || g_str_has_prefix (text, "a."))
    control = custos_catalogue_lookup (catalogue, text + 2);
  else
    {
      cited = g_strconcat ("A.", text, NULL);
      control = custos_catalogue_lookup (catalogue, cited);
    }
  if (control != NULL)
    return control->id;
  if (custos_document_get_edition (document) == CUSTOS_EDITION_2022)
    {
      const char *id_2013 = cited != NULL ? cited : text;
      const char * const *successors = custos_catalogue_successors (id_2013);

      if (successors[0] != NULL && successors[1] == NULL)
        return custos_catalogue_lookup (catalogue, successors[0])->id;
    }
  return NULL;
}

static char *
strip (const char *text)
{
  return g_strstrip (g_strdup (text));
}

/* A level of a scale: "4", "4 · Likely" (the CSV export) or "Likely". */
static gboolean
parse_level (CustosDocument *document,
             CustosScale     scale,
             const char     *text,
             int            *value)
{
  CustosCriteria *criteria = custos_document_get_criteria (document);
  guint n = custos_criteria_get_n_levels (criteria, scale);
  const char *end = text;
  guint64 number;

  while (g_ascii_isdigit (*end))
    end++;
  if (end > text && end - text < 4)
    {
      number = g_ascii_strtoull (text, NULL, 10);
      while (g_ascii_isspace (*end))
        end++;
      if ((*end == '\0' || g_str_has_prefix (end, "·")) && number >= 1 && number <= n)
        {
          *value = (int) number;
          return TRUE;
        }
      return FALSE;
    }
  for (guint v = 1; v <= n; v++)
    {
      const CustosLevel *level = custos_criteria_get_level (criteria, scale, v);
      g_autofree char *a = g_utf8_casefold (text, -1);
      g_autofree char *b = level->label ? g_utf8_casefold (level->label, -1) : NULL;

      if (b != NULL && g_str_equal (a, b))
        {
          *value = (int) v;
          return TRUE;
        }
    }
  return FALSE;
}

/* Stands for a title that several records of a register share. */
static char ambiguous_title;

/* The records of a register by case-folded title, built once per plan. */
static GHashTable *
titles_of (CustosImport  *self,
           CustosRegister reg)
{
  GListModel *model;

  if (self->titles[reg] != NULL)
    return self->titles[reg];
  self->titles[reg] = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  model = custos_document_get_register (self->document, reg);
  for (guint i = 0, n = g_list_model_get_n_items (model); i < n; i++)
    {
      g_autoptr(CustosRecord) record = g_list_model_get_item (model, i);
      const char *title = custos_record_get_title (record);
      char *key = title ? g_utf8_casefold (title, -1) : NULL;

      if (key == NULL)
        continue;
      if (g_hash_table_contains (self->titles[reg], key))
        g_hash_table_insert (self->titles[reg], key, &ambiguous_title);
      else
        g_hash_table_insert (self->titles[reg], key, record); /* the document holds it */
    }
  return self->titles[reg];
}

/* A record of the target register by id, else by title (case ignored). */
static CustosRecord *
resolve (CustosImport  *self,
         CustosRegister target,
         const char    *text,
         gboolean      *ambiguous)
{
  CustosRecord *record = custos_document_lookup (self->document, target, text);
  g_autofree char *key = NULL;
  gpointer found;

  *ambiguous = FALSE;
  if (record != NULL)
    return record;
  key = g_utf8_casefold (text, -1);
  found = g_hash_table_lookup (titles_of (self, target), key);
  *ambiguous = found == &ambiguous_title;
  return *ambiguous ? NULL : found;
}

static gboolean
parse_bool (const char *text,
            gboolean   *value)
{
  static const char * const yes[] = { "true", "yes", "y", "1", "x", N_("Yes"), NULL };
  static const char * const no[] = { "", "false", "no", "n", "0", N_("No"), NULL };
  g_autofree char *key = g_utf8_casefold (text, -1);

  *value = key_in (key, yes);
  return *value || key_in (key, no);
}

/* Parts of a list: ids or names separated by ";", "," or line breaks. */
static char **
split_list (const char *text,
            const char *separators)
{
  g_auto(GStrv) parts = g_strsplit_set (text, separators, -1);
  GPtrArray *items = g_ptr_array_new ();

  for (guint i = 0; parts[i] != NULL; i++)
    {
      char *item = g_strstrip (parts[i]);
      if (*item != '\0')
        g_ptr_array_add (items, g_strdup (item));
    }
  g_ptr_array_add (items, NULL);
  return (char **) g_ptr_array_free (items, FALSE);
}

/* Reads one cell into value (initialised for the field). */
static gboolean
parse_value (CustosImport      *self,
             guint              line,
             const CustosField *field,
             const char        *raw,
             GValue            *value)
{
  g_autofree char *text = strip (raw);

  g_value_init (value, custos_field_value_type (field));
  switch (field->type)
    {
    case CUSTOS_FIELD_STRING:
      g_value_set_string (value, *text ? text : NULL);
      return TRUE;
    case CUSTOS_FIELD_TEXT:
      g_value_set_string (value, *text ? raw : NULL);
      return TRUE;
    case CUSTOS_FIELD_DATE:
      if (*text != '\0' && !custos_date_is_valid (text))
        {
          add_problem (self, line, _("%s “%s” is not a date (YYYY-MM-DD)"), field_label (field), text);
          return FALSE;
        }
      g_value_set_string (value, *text ? text : NULL);
      return TRUE;
    case CUSTOS_FIELD_INT:
      {
        int v = 0;

        if (*text == '\0')
          return TRUE;
        if (field->min == CUSTOS_RANGE_LIKELIHOOD || field->min == CUSTOS_RANGE_CONSEQUENCE)
          {
            CustosScale scale = field->min == CUSTOS_RANGE_LIKELIHOOD ? CUSTOS_SCALE_LIKELIHOOD : CUSTOS_SCALE_CONSEQUENCE;

            if (!parse_level (self->document, scale, text, &v))
              {
                add_problem (self, line, _("%s “%s” is not 1–%u"), field_label (field), text,
                             custos_criteria_get_n_levels (custos_document_get_criteria (self->document), scale));
                return FALSE;
              }
          }
        else
          {
            gint64 n;

            if (!g_ascii_string_to_signed (text, 10, field->min, field->max, &n, NULL))
              {
                add_problem (self, line, _("%s “%s” is not a whole number from %d to %d"), field_label (field), text,
                             field->min, field->max);
                return FALSE;
              }
            v = (int) n;
          }
        g_value_set_int (value, v);
        return TRUE;
      }
    case CUSTOS_FIELD_NUMBER:
      {
        char *end = NULL;
        double d = NAN;

        if (*text != '\0')
          {
            d = g_ascii_strtod (text, &end);
            if (end == text || *end != '\0' || !isfinite (d))
              {
                add_problem (self, line, _("%s “%s” is not a number"), field_label (field), text);
                return FALSE;
              }
          }
        g_value_set_double (value, d);
        return TRUE;
      }
    case CUSTOS_FIELD_BOOL:
      {
        gboolean b;

        if (!parse_bool (text, &b))
          {
            add_problem (self, line, _("%s “%s” is not yes or no"), field_label (field), text);
            return FALSE;
          }
        g_value_set_boolean (value, b);
        return TRUE;
      }
    case CUSTOS_FIELD_ENUM:
      {
        int v = 0;

        if (*text != '\0' && !custos_enum_value_parse (field->get_type (), text, &v))
          {
            add_problem (self, line, _("%s “%s” is not one of the choices"), field_label (field), text);
            return FALSE;
          }
        g_value_set_enum (value, v);
        return TRUE;
      }
    case CUSTOS_FIELD_FLAGS:
      {
        g_auto(GStrv) items = split_list (text, ";,\n");
        guint flags = 0;

        for (guint i = 0; items[i] != NULL; i++)
          {
            int v;

            if (!custos_enum_value_parse (field->get_type (), items[i], &v))
              {
                add_problem (self, line, _("%s “%s” is not one of the choices"), field_label (field), items[i]);
                return FALSE;
              }
            flags |= (guint) v;
          }
        g_value_set_flags (value, flags);
        return TRUE;
      }
    case CUSTOS_FIELD_REF:
    case CUSTOS_FIELD_REFS:
      {
        CustosRegister target = (CustosRegister) custos_kinds_register_index (custos_kinds_lookup (field->target));
        g_auto(GStrv) items = field->type == CUSTOS_FIELD_REF ? g_strsplit (text, "\n", 1) : split_list (text, ";,\n");
        g_autoptr(GPtrArray) ids = g_ptr_array_new ();

        for (guint i = 0; items[i] != NULL && *items[i] != '\0'; i++)
          {
            gboolean ambiguous;
            CustosRecord *record = resolve (self, target, items[i], &ambiguous);

            if (record == NULL)
              {
                const char *what = _(custos_kinds_register (target)->label);

                if (ambiguous)
                  add_problem (self, line, _("%s “%s” names more than one %s"), field_label (field), items[i], what);
                else
                  add_problem (self, line, _("%s “%s” is no %s of the document"), field_label (field), items[i], what);
                return FALSE;
              }
            g_ptr_array_add (ids, (gpointer) custos_record_get_id (record));
          }
        if (field->type == CUSTOS_FIELD_REF)
          g_value_set_string (value, ids->len > 0 ? ids->pdata[0] : NULL);
        else if (ids->len > 0)
          {
            g_ptr_array_add (ids, NULL);
            g_value_set_boxed (value, ids->pdata);
          }
        return TRUE;
      }
    case CUSTOS_FIELD_CONTROLS:
      {
        g_auto(GStrv) items = split_list (text, ";, \t\n");
        g_autoptr(GPtrArray) ids = g_ptr_array_new ();

        for (guint i = 0; items[i] != NULL; i++)
          {
            const char *id = normalise_control (self->document, items[i]);

            if (id == NULL)
              {
                add_problem (self, line, _("%s “%s” is not an Annex A control of the %d edition"),
                             field_label (field), items[i], custos_document_get_edition (self->document));
                return FALSE;
              }
            if (!g_ptr_array_find_with_equal_func (ids, id, g_str_equal, NULL))
              g_ptr_array_add (ids, (gpointer) id);
          }
        if (ids->len > 0)
          {
            g_ptr_array_add (ids, NULL);
            g_value_set_boxed (value, ids->pdata);
          }
        return TRUE;
      }
    case CUSTOS_FIELD_STRINGS:
      {
        g_auto(GStrv) lines = split_list (raw, "\r\n");

        if (lines[0] != NULL)
          g_value_set_boxed (value, lines);
        return TRUE;
      }
    default:
      g_return_val_if_reached (FALSE);
    }
}

/* Planning -------------------------------------------------------------- */

static void
map_columns (CustosImport *self)
{
  guint64 seen = 0;
  gboolean have_id = FALSE;

  g_array_set_size (self->columns, 0);
  for (guint c = 0; c < n_headers (self->table); c++)
    {
      int strength;
      int mapping = map_header (self->reg, cell (self->table->pdata[0], c), &strength);

      /* The first column of a name wins. */
      if (mapping >= 0 && (seen & (G_GUINT64_CONSTANT (1) << mapping)) != 0)
        mapping = CUSTOS_IMPORT_COLUMN_IGNORED;
      else if (mapping >= 0)
        seen |= G_GUINT64_CONSTANT (1) << mapping;
      if (mapping == CUSTOS_IMPORT_COLUMN_ID && have_id)
        mapping = CUSTOS_IMPORT_COLUMN_IGNORED;
      else if (mapping == CUSTOS_IMPORT_COLUMN_ID)
        have_id = TRUE;
      g_array_append_val (self->columns, mapping);
    }
}

static gboolean
row_is_empty (const CustosTableRow *row)
{
  for (guint i = 0; row->cells[i] != NULL; i++)
    if (*row->cells[i] != '\0')
      return FALSE;
  return TRUE;
}

static void
plan (CustosImport *self)
{
  const CustosKind *kind = custos_kinds_register (self->reg);
  g_autoptr(GHashTable) ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  int id_column = -1;
  guint64 mapped = 0;

  g_ptr_array_set_size (self->problems, 0);
  g_ptr_array_set_size (self->plan, 0);
  for (guint r = 0; r < CUSTOS_N_REGISTERS; r++)
    g_clear_pointer (&self->titles[r], g_hash_table_unref);
  self->n_added = self->n_updated = 0;

  for (guint c = 0; c < self->columns->len; c++)
    {
      int mapping = g_array_index (self->columns, int, c);

      if (mapping == CUSTOS_IMPORT_COLUMN_ID)
        id_column = (int) c;
      else if (mapping >= 0)
        mapped |= G_GUINT64_CONSTANT (1) << mapping;
    }
  if (self->reg == CUSTOS_REGISTER_SOA && id_column < 0)
    {
      add_problem (self, 1, _("no column holds the control ids"));
      return;
    }

  for (guint r = 1; r < self->table->len; r++)
    {
      const CustosTableRow *row = self->table->pdata[r];
      g_autofree char *id = id_column >= 0 ? strip (cell (row, (guint) id_column)) : g_strdup ("");
      Planned *planned;
      gboolean ok = TRUE;

      if (row_is_empty (row))
        continue;
      planned = g_new0 (Planned, 1);
      planned->changes = g_array_new (FALSE, TRUE, sizeof (Change));
      g_array_set_clear_func (planned->changes, (GDestroyNotify) change_clear);

      if (self->reg == CUSTOS_REGISTER_SOA)
        {
          const char *control = *id ? normalise_control (self->document, id) : NULL;

          if (control == NULL)
            {
              add_problem (self, row->line, _("“%s” is not an Annex A control of the %d edition"), id,
                           custos_document_get_edition (self->document));
              ok = FALSE;
            }
          else
            {
              g_free (id);
              id = g_strdup (control);
            }
        }
      if (ok && *id != '\0')
        {
          if (g_hash_table_contains (ids, id) || strpbrk (id, " \t\r\n") != NULL)
            {
              add_problem (self, row->line, g_hash_table_contains (ids, id) ? _("the id %s appears twice")
                                                                             : _("the id “%s” holds a space"), id);
              ok = FALSE;
            }
          else
            {
              CustosRecord *record = custos_document_lookup (self->document, self->reg, id);

              g_hash_table_add (ids, g_strdup (id));
              if (record != NULL)
                planned->record = g_object_ref (record);
              else if (self->reg == CUSTOS_REGISTER_SOA && custos_document_count (self->document, self->reg) > 0)
                {
                  add_problem (self, row->line, _("the Statement of Applicability has no entry %s"), id);
                  ok = FALSE;
                }
              else
                planned->new_id = g_strdup (id);
            }
        }

      for (guint c = 0; c < self->columns->len; c++)
        {
          int field = g_array_index (self->columns, int, c);
          Change change = { 0 };

          if (field < 0)
            continue;
          change.field = (guint) field;
          if (!parse_value (self, row->line, &kind->fields[field], cell (row, c), &change.value))
            {
              ok = FALSE;
              g_value_unset (&change.value);
              continue;
            }
          g_array_append_val (planned->changes, change);
        }
      /* A new record must name itself; an update may leave fields alone. */
      for (guint f = 0; ok && planned->record == NULL && f < kind->n_fields; f++)
        if ((kind->fields[f].flags & CUSTOS_FIELD_FLAG_REQUIRED) && (mapped & (G_GUINT64_CONSTANT (1) << f)) == 0)
          {
            add_problem (self, row->line, _("a new %s needs a column “%s”"), _(kind->label), field_label (&kind->fields[f]));
            ok = FALSE;
          }
      for (guint i = 0; ok && i < planned->changes->len; i++)
        {
          Change *change = &g_array_index (planned->changes, Change, i);
          const CustosField *field = &kind->fields[change->field];

          if ((field->flags & CUSTOS_FIELD_FLAG_REQUIRED) && G_VALUE_HOLDS_STRING (&change->value)
              && g_value_get_string (&change->value) == NULL)
            {
              add_problem (self, row->line, _("%s is empty"), field_label (field));
              ok = FALSE;
            }
        }

      if (ok)
        {
          if (planned->record != NULL)
            self->n_updated++;
          else
            self->n_added++;
          g_ptr_array_add (self->plan, planned);
        }
      else
        planned_free (planned);
    }
}

/* Public ---------------------------------------------------------------- */

static void
custos_import_finalize (GObject *object)
{
  CustosImport *self = CUSTOS_IMPORT (object);

  g_clear_object (&self->document);
  g_clear_pointer (&self->table, g_ptr_array_unref);
  g_clear_pointer (&self->columns, g_array_unref);
  g_clear_pointer (&self->problems, g_ptr_array_unref);
  g_clear_pointer (&self->plan, g_ptr_array_unref);
  for (guint r = 0; r < CUSTOS_N_REGISTERS; r++)
    g_clear_pointer (&self->titles[r], g_hash_table_unref);
  G_OBJECT_CLASS (custos_import_parent_class)->finalize (object);
}

static void
custos_import_class_init (CustosImportClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = custos_import_finalize;
}

static void
custos_import_init (CustosImport *self)
{
  self->columns = g_array_new (FALSE, FALSE, sizeof (int));
  self->problems = g_ptr_array_new_with_free_func (g_free);
  self->plan = g_ptr_array_new_with_free_func ((GDestroyNotify) planned_free);
}

CustosImport *
custos_import_new (CustosDocument *document,
                   GPtrArray      *table,
                   int             reg)
{
  CustosImport *self;

  g_return_val_if_fail (CUSTOS_IS_DOCUMENT (document), NULL);
  g_return_val_if_fail (table != NULL, NULL);
  g_return_val_if_fail (reg < CUSTOS_N_REGISTERS, NULL);

  self = g_object_new (CUSTOS_TYPE_IMPORT, NULL);
  self->document = g_object_ref (document);
  self->table = g_ptr_array_ref (table);
  self->reg = reg >= 0 ? (CustosRegister) reg : custos_import_guess_register (table);
  map_columns (self);
  plan (self);
  return self;
}

CustosRegister
custos_import_get_register (CustosImport *self)
{
  g_return_val_if_fail (CUSTOS_IS_IMPORT (self), 0);
  return self->reg;
}

void
custos_import_set_register (CustosImport  *self,
                            CustosRegister reg)
{
  g_return_if_fail (CUSTOS_IS_IMPORT (self));
  g_return_if_fail (reg < CUSTOS_N_REGISTERS);

  self->reg = reg;
  map_columns (self);
  plan (self);
}

guint
custos_import_get_n_columns (CustosImport *self)
{
  g_return_val_if_fail (CUSTOS_IS_IMPORT (self), 0);
  return self->columns->len;
}

const char *
custos_import_get_header (CustosImport *self,
                          guint         column)
{
  g_return_val_if_fail (CUSTOS_IS_IMPORT (self), NULL);
  g_return_val_if_fail (column < self->columns->len, NULL);
  return cell (self->table->pdata[0], column);
}

int
custos_import_get_column (CustosImport *self,
                          guint         column)
{
  g_return_val_if_fail (CUSTOS_IS_IMPORT (self), CUSTOS_IMPORT_COLUMN_IGNORED);
  g_return_val_if_fail (column < self->columns->len, CUSTOS_IMPORT_COLUMN_IGNORED);
  return g_array_index (self->columns, int, column);
}

void
custos_import_set_column (CustosImport *self,
                          guint         column,
                          int           mapping)
{
  g_return_if_fail (CUSTOS_IS_IMPORT (self));
  g_return_if_fail (column < self->columns->len);
  g_return_if_fail (mapping >= CUSTOS_IMPORT_COLUMN_ID
                    && mapping < (int) custos_kinds_register (self->reg)->n_fields);

  /* One column per field and for the ids: another that had it lets go. */
  if (mapping != CUSTOS_IMPORT_COLUMN_IGNORED)
    for (guint c = 0; c < self->columns->len; c++)
      if (g_array_index (self->columns, int, c) == mapping)
        g_array_index (self->columns, int, c) = CUSTOS_IMPORT_COLUMN_IGNORED;
  g_array_index (self->columns, int, column) = mapping;
  plan (self);
}

guint
custos_import_get_n_rows (CustosImport *self)
{
  g_return_val_if_fail (CUSTOS_IS_IMPORT (self), 0);
  return self->table->len > 0 ? self->table->len - 1 : 0;
}

const CustosTableRow *
custos_import_get_row (CustosImport *self,
                       guint         row)
{
  g_return_val_if_fail (CUSTOS_IS_IMPORT (self), NULL);
  g_return_val_if_fail (row + 1 < self->table->len, NULL);
  return self->table->pdata[row + 1];
}

GPtrArray *
custos_import_get_problems (CustosImport *self)
{
  g_return_val_if_fail (CUSTOS_IS_IMPORT (self), NULL);
  return self->problems;
}

guint
custos_import_get_n_added (CustosImport *self)
{
  g_return_val_if_fail (CUSTOS_IS_IMPORT (self), 0);
  return self->n_added;
}

guint
custos_import_get_n_updated (CustosImport *self)
{
  g_return_val_if_fail (CUSTOS_IS_IMPORT (self), 0);
  return self->n_updated;
}

/* The next free id that no row of the import claims. */
static char *
free_id (CustosImport *self,
         GHashTable   *claimed,
         guint        *next)
{
  const char *prefix = custos_kinds_register (self->reg)->id_prefix;

  if (*next == 0)
    {
      g_autofree char *first = custos_document_next_id (self->document, self->reg);
      *next = (guint) g_ascii_strtoull (first + strlen (prefix), NULL, 10);
    }
  for (;; (*next)++)
    {
      g_autofree char *id = g_strdup_printf ("%s%03u", prefix, *next);

      if (!g_hash_table_contains (claimed, id) && custos_document_lookup (self->document, self->reg, id) == NULL)
        {
          (*next)++;
          return g_steal_pointer (&id);
        }
    }
}

gboolean
custos_import_apply (CustosImport *self,
                     GError      **error)
{
  const CustosKind *kind;
  g_autoptr(GHashTable) claimed = NULL;
  GListModel *model;
  guint next = 0;

  g_return_val_if_fail (CUSTOS_IS_IMPORT (self), FALSE);

  if (self->problems->len > 0)
    {
      g_autoptr(GString) text = g_string_new (NULL);

      for (guint i = 0; i < MIN (self->problems->len, 10); i++)
        g_string_append_printf (text, "\n%s", (char *) self->problems->pdata[i]);
      if (self->problems->len > 10)
        g_string_append_printf (text, "\n…");
      g_set_error (error, CUSTOS_IMPORT_ERROR, CUSTOS_IMPORT_ERROR_INVALID,
                   g_dngettext (GETTEXT_PACKAGE, "Nothing was imported: %u row has a problem:%s",
                                "Nothing was imported: rows have %u problems:%s", self->problems->len),
                   self->problems->len, text->str);
      return FALSE;
    }
  if (self->plan->len == 0)
    {
      g_set_error (error, CUSTOS_IMPORT_ERROR, CUSTOS_IMPORT_ERROR_INVALID, _("Nothing was imported: the table has no rows"));
      return FALSE;
    }

  kind = custos_kinds_register (self->reg);
  model = custos_document_get_register (self->document, self->reg);
  claimed = g_hash_table_new (g_str_hash, g_str_equal);
  for (guint i = 0; i < self->plan->len; i++)
    {
      Planned *planned = self->plan->pdata[i];
      if (planned->new_id != NULL)
        g_hash_table_add (claimed, planned->new_id);
    }

  custos_document_begin_compound (self->document);
  for (guint i = 0; i < self->plan->len; i++)
    {
      Planned *planned = self->plan->pdata[i];
      g_autoptr(CustosRecord) added = NULL;
      CustosRecord *record = planned->record;

      if (record == NULL)
        {
          g_autofree char *id = planned->new_id ? g_strdup (planned->new_id) : free_id (self, claimed, &next);

          added = custos_record_new (kind, id);
          record = added;
        }
      for (guint c = 0; c < planned->changes->len; c++)
        {
          Change *change = &g_array_index (planned->changes, Change, c);
          custos_record_set_value (record, change->field, &change->value);
        }
      if (added != NULL)
        custos_document_insert (self->document, self->reg, g_list_model_get_n_items (model), added);
    }
  custos_document_end_compound (self->document);
  return TRUE;
}
