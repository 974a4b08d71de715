/* SPDX-License-Identifier: GPL-3.0-or-later */
/* custos-catalogue.c — the ISO/IEC 27001 Annex A control catalogues
 *
 * The three TSV files under /io/github/custos/Custos/catalogues/ are written
 * by tools/gen-catalogues.py, which verifies them against the reference lists,
 * so the parser here only guards against a corrupt build: any surprise is a
 * g_error (). Each catalogue is parsed once, on first use, into one array of
 * controls whose strings live in a single GStringChunk; nothing is ever freed.
 */

#include <string.h>

#include <gio/gio.h>

#include "custos-catalogue.h"

#define CATALOGUE_RESOURCE_DIR "/io/github/custos/Custos/catalogues/"

struct _CustosCatalogue
{
  CustosEdition       edition;
  GStringChunk       *strings;
  CustosControl      *controls;
  guint               n_controls;
  CustosControlGroup *groups;
  guint               n_groups;
  guint               n_objectives;
  GHashTable         *by_id;        /* const char *id -> const CustosControl * */
};

typedef struct
{
  GHashTable *successors;           /* 2013 id -> const char ** (2022 ids) */
  GHashTable *predecessors;         /* 2022 id -> const char ** (2013 ids) */
} CustosMapping;

static const char * const empty_ids[] = { NULL };

/* TSV reading ------------------------------------------------------------ */

typedef struct
{
  const char *name;                 /* resource name, for messages */
  char       *buffer;               /* owned, NUL-terminated copy */
  char       *cursor;
  char       *end;
  guint       line;
} TsvReader;

static void
tsv_reader_init (TsvReader  *reader,
                 const char *name,
                 GBytes     *bytes)
{
  gsize size = 0;
  const char *data = g_bytes_get_data (bytes, &size);

  reader->name = name;
  reader->buffer = g_malloc (size + 1);
  if (size > 0)
    memcpy (reader->buffer, data, size);
  reader->buffer[size] = '\0';
  reader->cursor = reader->buffer;
  reader->end = reader->buffer + size;
  reader->line = 0;
}

static void
tsv_reader_clear (TsvReader *reader)
{
  g_clear_pointer (&reader->buffer, g_free);
  reader->cursor = reader->end = NULL;
}

/* Splits the next data line in place into exactly n_cells cells. Blank lines
 * and lines starting with '#' are skipped. Returns FALSE at the end. */
static gboolean
tsv_reader_next (TsvReader *reader,
                 char     **cells,
                 guint      n_cells)
{
  while (reader->cursor < reader->end)
    {
      char *line = reader->cursor;
      char *newline = memchr (line, '\n', reader->end - line);
      char *line_end = newline != NULL ? newline : reader->end;
      char *p;
      guint n = 0;

      reader->cursor = newline != NULL ? newline + 1 : reader->end;
      reader->line++;
      *line_end = '\0';
      if (line_end > line && line_end[-1] == '\r')
        line_end[-1] = '\0';

      if (line[0] == '\0' || line[0] == '#')
        continue;

      cells[n++] = line;
      for (p = line; *p != '\0'; p++)
        {
          if (*p != '\t')
            continue;
          if (n == n_cells)
            g_error ("Corrupt catalogue %s, line %u: more than %u cells",
                     reader->name, reader->line, n_cells);
          *p = '\0';
          cells[n++] = p + 1;
        }
      if (n != n_cells)
        g_error ("Corrupt catalogue %s, line %u: %u cells, expected %u",
                 reader->name, reader->line, n, n_cells);
      return TRUE;
    }

  return FALSE;
}

static void
tsv_reader_expect_header (TsvReader          *reader,
                          const char * const *columns,
                          guint               n_columns)
{
  char *cells[8];
  guint i;

  g_assert (n_columns <= G_N_ELEMENTS (cells));

  if (!tsv_reader_next (reader, cells, n_columns))
    g_error ("Corrupt catalogue %s: no header row", reader->name);
  for (i = 0; i < n_columns; i++)
    if (strcmp (cells[i], columns[i]) != 0)
      g_error ("Corrupt catalogue %s, line %u: column %u is '%s', expected '%s'",
               reader->name, reader->line, i + 1, cells[i], columns[i]);
}

static GBytes *
load_resource (const char *name)
{
  g_autofree char *path = g_strconcat (CATALOGUE_RESOURCE_DIR, name, NULL);
  g_autoptr(GError) error = NULL;
  GBytes *bytes;

  bytes = g_resources_lookup_data (path, G_RESOURCE_LOOKUP_FLAGS_NONE, &error);
  if (bytes == NULL)
    g_error ("Cannot load the control catalogue %s: %s", path, error->message);

  return bytes;
}

/* Parses "Preventive;Detective" against names[i] = flag 1 << i. */
static guint
parse_flags (TsvReader          *reader,
             const char         *cell,
             const char * const *names,
             guint               n_names)
{
  guint flags = 0;
  const char *p = cell;

  while (*p != '\0')
    {
      const char *sep = strchr (p, ';');
      gsize len = sep != NULL ? (gsize) (sep - p) : strlen (p);
      guint i;

      for (i = 0; i < n_names; i++)
        if (strlen (names[i]) == len && strncmp (p, names[i], len) == 0)
          break;
      if (i == n_names)
        g_error ("Corrupt catalogue %s, line %u: unknown attribute value in '%s'",
                 reader->name, reader->line, cell);
      flags |= 1u << i;

      if (sep == NULL)
        break;
      p = sep + 1;
    }

  return flags;
}

/* Catalogues ------------------------------------------------------------- */

static const char * const columns_2013[] = {
  "id", "category_id", "category_title", "objective_id", "objective_title", "control_title",
};

static const char * const columns_2022[] = {
  "id", "theme", "control_title", "control_type", "security_properties", "cybersecurity_concepts",
};

static const char * const control_type_names[] = { "Preventive", "Detective", "Corrective" };
static const char * const property_names[] = { "Confidentiality", "Integrity", "Availability" };
static const char * const concept_names[] = { "Identify", "Protect", "Detect", "Respond", "Recover" };

static const struct
{
  const char *title;
  const char *id;
} themes[] = {
  { "Organizational", "organizational" },
  { "People", "people" },
  { "Physical", "physical" },
  { "Technological", "technological" },
};

/* Adds control to the catalogue being built; groups must be contiguous. */
static void
builder_add (GArray        *controls,
             GArray        *groups,
             GHashTable    *seen_groups,
             TsvReader     *reader,
             CustosControl *control)
{
  CustosControlGroup *group = NULL;

  control->index = controls->len;

  if (groups->len > 0)
    group = &g_array_index (groups, CustosControlGroup, groups->len - 1);
  if (group == NULL || group->id != control->group_id)
    {
      CustosControlGroup new_group = { control->group_id, control->group_title, control->index, 0 };

      if (!g_hash_table_add (seen_groups, (gpointer) control->group_id))
        g_error ("Corrupt catalogue %s, line %u: group %s is not contiguous",
                 reader->name, reader->line, control->group_id);
      g_array_append_val (groups, new_group);
      group = &g_array_index (groups, CustosControlGroup, groups->len - 1);
    }
  else if (group->title != control->group_title)
    {
      g_error ("Corrupt catalogue %s, line %u: group %s has two titles",
               reader->name, reader->line, control->group_id);
    }
  group->n_controls++;

  g_array_append_val (controls, *control);
}

static CustosCatalogue *
catalogue_load (CustosEdition edition)
{
  CustosCatalogue *self;
  const char *name;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GArray) controls = NULL;
  g_autoptr(GArray) groups = NULL;
  g_autoptr(GHashTable) seen_groups = NULL;
  g_autoptr(GHashTable) objectives = NULL;
  TsvReader reader;
  char *cells[6];
  guint i;

  name = edition == CUSTOS_EDITION_2013 ? "annex-a-2013.tsv" : "annex-a-2022.tsv";
  bytes = load_resource (name);

  self = g_new0 (CustosCatalogue, 1);
  self->edition = edition;
  self->strings = g_string_chunk_new (g_bytes_get_size (bytes));

  controls = g_array_sized_new (FALSE, TRUE, sizeof (CustosControl), 128);
  groups = g_array_sized_new (FALSE, TRUE, sizeof (CustosControlGroup), 16);
  /* Keys are interned in the chunk, so pointer identity is string identity. */
  seen_groups = g_hash_table_new (NULL, NULL);
  objectives = g_hash_table_new (NULL, NULL);

  tsv_reader_init (&reader, name, bytes);
  if (edition == CUSTOS_EDITION_2013)
    {
      tsv_reader_expect_header (&reader, columns_2013, G_N_ELEMENTS (columns_2013));
      while (tsv_reader_next (&reader, cells, G_N_ELEMENTS (columns_2013)))
        {
          CustosControl control = { 0 };

          control.id = g_string_chunk_insert (self->strings, cells[0]);
          control.group_id = g_string_chunk_insert_const (self->strings, cells[1]);
          control.group_title = g_string_chunk_insert_const (self->strings, cells[2]);
          control.objective_id = g_string_chunk_insert_const (self->strings, cells[3]);
          control.objective_title = g_string_chunk_insert_const (self->strings, cells[4]);
          control.title = g_string_chunk_insert (self->strings, cells[5]);
          if (!g_str_has_prefix (control.id, "A.") || !g_str_has_prefix (control.id, control.objective_id))
            g_error ("Corrupt catalogue %s, line %u: bad control id %s",
                     name, reader.line, control.id);
          g_hash_table_add (objectives, (gpointer) control.objective_id);
          builder_add (controls, groups, seen_groups, &reader, &control);
        }
    }
  else
    {
      tsv_reader_expect_header (&reader, columns_2022, G_N_ELEMENTS (columns_2022));
      while (tsv_reader_next (&reader, cells, G_N_ELEMENTS (columns_2022)))
        {
          CustosControl control = { 0 };

          for (i = 0; i < G_N_ELEMENTS (themes); i++)
            if (strcmp (cells[1], themes[i].title) == 0)
              break;
          if (i == G_N_ELEMENTS (themes))
            g_error ("Corrupt catalogue %s, line %u: unknown theme '%s'",
                     name, reader.line, cells[1]);

          control.id = g_string_chunk_insert (self->strings, cells[0]);
          control.group_id = g_string_chunk_insert_const (self->strings, themes[i].id);
          control.group_title = g_string_chunk_insert_const (self->strings, themes[i].title);
          control.title = g_string_chunk_insert (self->strings, cells[2]);
          control.control_types = parse_flags (&reader, cells[3], control_type_names,
                                               G_N_ELEMENTS (control_type_names));
          control.security_properties = parse_flags (&reader, cells[4], property_names,
                                                     G_N_ELEMENTS (property_names));
          control.concepts = parse_flags (&reader, cells[5], concept_names,
                                          G_N_ELEMENTS (concept_names));
          builder_add (controls, groups, seen_groups, &reader, &control);
        }
    }
  tsv_reader_clear (&reader);

  if (controls->len == 0)
    g_error ("Corrupt catalogue %s: no controls", name);

  self->n_controls = controls->len;
  self->controls = (CustosControl *) g_array_free (g_steal_pointer (&controls), FALSE);
  self->n_groups = groups->len;
  self->groups = (CustosControlGroup *) g_array_free (g_steal_pointer (&groups), FALSE);
  self->n_objectives = g_hash_table_size (objectives);

  self->by_id = g_hash_table_new (g_str_hash, g_str_equal);
  for (i = 0; i < self->n_controls; i++)
    {
      CustosControl *control = &self->controls[i];

      if (!g_hash_table_insert (self->by_id, (gpointer) control->id, control))
        g_error ("Corrupt catalogue %s: duplicate control %s", name, control->id);
    }

  return self;
}

/**
 * custos_catalogue_get:
 * @edition: the Annex A edition
 *
 * Returns: (transfer none): the catalogue of @edition, loaded on first use.
 * It is immutable and never freed. %NULL only for an invalid @edition.
 */
CustosCatalogue *
custos_catalogue_get (CustosEdition edition)
{
  static gsize catalogue_2013 = 0;
  static gsize catalogue_2022 = 0;
  gsize *location;

  switch (edition)
    {
    case CUSTOS_EDITION_2013:
      location = &catalogue_2013;
      break;
    case CUSTOS_EDITION_2022:
      location = &catalogue_2022;
      break;
    default:
      g_return_val_if_reached (NULL);
    }

  if (g_once_init_enter (location))
    g_once_init_leave (location, (gsize) catalogue_load (edition));

  return (CustosCatalogue *) *location;
}

CustosEdition
custos_catalogue_get_edition (CustosCatalogue *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->edition;
}

guint
custos_catalogue_get_n_controls (CustosCatalogue *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->n_controls;
}

const CustosControl *
custos_catalogue_get_control (CustosCatalogue *self,
                              guint            index)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (index < self->n_controls, NULL);

  return &self->controls[index];
}

/* Returns: the control with exactly this id ("A.5.1.1" in 2013, "5.1" in
 * 2022), or %NULL. */
const CustosControl *
custos_catalogue_lookup (CustosCatalogue *self,
                         const char      *id)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (id != NULL, NULL);

  return g_hash_table_lookup (self->by_id, id);
}

guint
custos_catalogue_get_n_groups (CustosCatalogue *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->n_groups;
}

const CustosControlGroup *
custos_catalogue_get_group (CustosCatalogue *self,
                            guint            index)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (index < self->n_groups, NULL);

  return &self->groups[index];
}

guint
custos_catalogue_get_n_objectives (CustosCatalogue *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->n_objectives;
}

/* Mapping ---------------------------------------------------------------- */

static void
mapping_add (GHashTable *table,
             const char *key,
             const char *value)
{
  GPtrArray *list = g_hash_table_lookup (table, key);

  if (list == NULL)
    {
      list = g_ptr_array_new ();
      g_hash_table_insert (table, (gpointer) key, list);
    }
  g_ptr_array_add (list, (gpointer) value);
}

/* Turns key -> GPtrArray into key -> NULL-terminated array, in place. */
static void
mapping_finish (GHashTable *table)
{
  GHashTableIter iter;
  gpointer value;

  g_hash_table_iter_init (&iter, table);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    {
      GPtrArray *list = value;

      g_ptr_array_add (list, NULL);
      g_hash_table_iter_replace (&iter, g_ptr_array_free (list, FALSE));
    }
}

static CustosMapping *
mapping_load (void)
{
  static const char * const columns[] = { "id_2022", "id_2013" };
  const char *name = "annex-a-mapping-2013-2022.tsv";
  CustosCatalogue *catalogue_2013 = custos_catalogue_get (CUSTOS_EDITION_2013);
  CustosCatalogue *catalogue_2022 = custos_catalogue_get (CUSTOS_EDITION_2022);
  g_autoptr(GBytes) bytes = load_resource (name);
  CustosMapping *self;
  TsvReader reader;
  char *cells[2];

  self = g_new0 (CustosMapping, 1);
  /* Keys are the ids of the catalogues, never freed. */
  self->successors = g_hash_table_new (g_str_hash, g_str_equal);
  self->predecessors = g_hash_table_new (g_str_hash, g_str_equal);

  tsv_reader_init (&reader, name, bytes);
  tsv_reader_expect_header (&reader, columns, G_N_ELEMENTS (columns));
  while (tsv_reader_next (&reader, cells, G_N_ELEMENTS (columns)))
    {
      const CustosControl *to = custos_catalogue_lookup (catalogue_2022, cells[0]);
      const CustosControl *from;

      if (to == NULL)
        g_error ("Corrupt catalogue %s, line %u: unknown 2022 control %s",
                 name, reader.line, cells[0]);
      if (cells[1][0] == '\0')
        continue;       /* a new 2022 control: no predecessor */
      from = custos_catalogue_lookup (catalogue_2013, cells[1]);
      if (from == NULL)
        g_error ("Corrupt catalogue %s, line %u: unknown 2013 control %s",
                 name, reader.line, cells[1]);

      mapping_add (self->successors, from->id, to->id);
      mapping_add (self->predecessors, to->id, from->id);
    }
  tsv_reader_clear (&reader);

  mapping_finish (self->successors);
  mapping_finish (self->predecessors);

  return self;
}

static CustosMapping *
mapping_get (void)
{
  static gsize mapping = 0;

  if (g_once_init_enter (&mapping))
    g_once_init_leave (&mapping, (gsize) mapping_load ());

  return (CustosMapping *) mapping;
}

/**
 * custos_catalogue_successors:
 * @id_2013: a 2013 control id, e.g. "A.18.2.3"
 *
 * Returns: (transfer none) (array zero-terminated=1): the 2022 ids @id_2013
 * maps to ("5.36", "8.8"), in catalogue order; empty if @id_2013 is unknown.
 */
const char * const *
custos_catalogue_successors (const char *id_2013)
{
  const char * const *ids;

  g_return_val_if_fail (id_2013 != NULL, empty_ids);

  ids = g_hash_table_lookup (mapping_get ()->successors, id_2013);

  return ids != NULL ? ids : empty_ids;
}

/**
 * custos_catalogue_predecessors:
 * @id_2022: a 2022 control id, e.g. "5.1"
 *
 * Returns: (transfer none) (array zero-terminated=1): the 2013 ids @id_2022
 * comes from, in catalogue order; empty for the 11 new 2022 controls and for
 * an unknown id.
 */
const char * const *
custos_catalogue_predecessors (const char *id_2022)
{
  const char * const *ids;

  g_return_val_if_fail (id_2022 != NULL, empty_ids);

  ids = g_hash_table_lookup (mapping_get ()->predecessors, id_2022);

  return ids != NULL ? ids : empty_ids;
}

char *
custos_control_cite (const char *id)
{
  g_return_val_if_fail (id != NULL, NULL);

  /* A 2022 id starts with its clause digit; 2013 ids and anything else
   * (an unknown id kept from a file) are shown as they are. */
  if (g_ascii_isdigit (id[0]))
    return g_strconcat ("A.", id, NULL);
  return g_strdup (id);
}

char *
custos_controls_cite (const char * const *ids,
                      const char         *sep)
{
  GString *text = g_string_new (NULL);

  for (guint i = 0; ids != NULL && ids[i] != NULL; i++)
    {
      g_autofree char *cited = custos_control_cite (ids[i]);

      if (i > 0)
        g_string_append (text, sep);
      g_string_append (text, cited);
    }
  return g_string_free (text, FALSE);
}

char *
custos_catalogue_group_number (CustosCatalogue          *self,
                               const CustosControlGroup *group)
{
  const CustosControl *first = custos_catalogue_get_control (self, group->first);
  const char *dot = strchr (first->id, '.');
  g_autofree char *clause = NULL;

  if (custos_catalogue_get_edition (self) == CUSTOS_EDITION_2013)
    return g_strdup (group->id);
  clause = dot != NULL ? g_strndup (first->id, (gsize) (dot - first->id)) : g_strdup (first->id);
  return custos_control_cite (clause);
}
