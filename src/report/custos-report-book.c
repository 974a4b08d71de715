/* SPDX-License-Identifier: GPL-3.0-or-later */
/* custos-report-book.c — the page engine of the reports
 *
 * Everything is a block. Paragraphs, headings, bullet lists, key/value lists,
 * tables and the contents are all "row blocks": rows of cells over columns,
 * which is what pagination needs to know. Figures, signature boxes and the
 * cover are drawn by their own code but paginate like rows.
 *
 * Pagination records, per page, a list of placements: (block, row, y, and
 * the slice [start, end) of the row when a row taller than a page is split at
 * line boundaries). Drawing a page re-creates the layouts of the placed rows
 * only, so memory stays small for books of thousands of pages and any page
 * can be drawn on its own (print preview asks for pages in any order).
 *
 * This file builds the book (the blocks, the paper); the text styles are in
 * custos-report-book-style.c, measuring and pagination in -layout.c, drawing
 * with links and destinations in -draw.c, the PDF and its self-check in
 * -pdf.c, and what they share in custos-report-book-private.h.
 */
#include "config.h"

#include <langinfo.h>
#include <locale.h>
#include <math.h>
#include <string.h>

#include "custos-report-book-private.h"

G_DEFINE_FINAL_TYPE (CustosReportBook, custos_report_book, G_TYPE_OBJECT)

/* Paper ------------------------------------------------------------------ */

CustosPaper
custos_paper_from_locale (void)
{
#ifdef _NL_PAPER_WIDTH
  const char *locale = setlocale (LC_PAPER, NULL);
  int width_mm = (int) (gintptr) nl_langinfo (_NL_PAPER_WIDTH);
  int height_mm = (int) (gintptr) nl_langinfo (_NL_PAPER_HEIGHT);

  if (locale != NULL && width_mm == 216 && height_mm == 279)
    return CUSTOS_PAPER_LETTER;
#endif
  return CUSTOS_PAPER_A4;
}

void
custos_paper_get_size (CustosPaper        paper,
                       CustosOrientation  orientation,
                       double            *width,
                       double            *height)
{
  double w, h;

  if (paper == CUSTOS_PAPER_AUTO)
    paper = custos_paper_from_locale ();
  if (paper == CUSTOS_PAPER_LETTER)
    w = 612, h = 792;
  else
    w = 595, h = 842;   /* 210 × 297 mm, rounded as every PDF writer does */
  if (orientation == CUSTOS_ORIENTATION_LANDSCAPE)
    {
      double t = w;
      w = h;
      h = t;
    }
  if (width != NULL)
    *width = w;
  if (height != NULL)
    *height = h;
}

gboolean
custos_paper_parse (const char  *text,
                    CustosPaper *paper)
{
  if (g_ascii_strcasecmp (text, "a4") == 0)
    *paper = CUSTOS_PAPER_A4;
  else if (g_ascii_strcasecmp (text, "letter") == 0)
    *paper = CUSTOS_PAPER_LETTER;
  else if (g_ascii_strcasecmp (text, "auto") == 0)
    *paper = CUSTOS_PAPER_AUTO;
  else
    return FALSE;
  return TRUE;
}

/* Object ----------------------------------------------------------------- */

static void
block_free (gpointer data)
{
  Block *block = data;

  if (block->rows != NULL)
    {
      for (guint i = 0; i < block->rows->len; i++)
        {
          Row *row = &g_array_index (block->rows, Row, i);
          guint n = (row->group || row->span) ? 1 : row->pair ? 2 : block->n_columns;

          for (guint c = 0; c < n; c++)
            g_free (row->cells[c].text);
          g_free (row->cells);
        }
      g_array_unref (block->rows);
    }
  if (block->has_header)
    {
      for (guint c = 0; c < block->n_columns; c++)
        g_free (block->header.cells[c].text);
      g_free (block->header.cells);
    }
  if (block->draw_destroy != NULL)
    block->draw_destroy (block->draw_data);
  g_free (block->weights);
  g_free (block->fit);
  g_free (block->min);
  g_free (block->col_x);
  g_free (block->col_w);
  g_free (block->caption);
  g_strfreev (block->labels);
  g_strfreev (block->values);
  g_free (block);
}

static void
heading_clear (gpointer data)
{
  Heading *heading = data;

  g_free (heading->number);
  g_free (heading->text);
}

static void
custos_report_book_finalize (GObject *object)
{
  CustosReportBook *self = CUSTOS_REPORT_BOOK (object);

  g_ptr_array_unref (self->blocks);
  g_clear_pointer (&self->anchors, g_hash_table_unref);
  g_array_unref (self->headings);
  g_array_unref (self->pages);
  g_array_unref (self->placements);
  book_styles_clear (self);
  g_free (self->title);
  g_free (self->subtitle);
  g_free (self->organisation);
  g_free (self->classification);
  g_free (self->version);
  g_free (self->date);
  g_free (self->author);
  g_free (self->subject);
  g_free (self->keywords);
  g_free (self->creator);
  g_free (self->create_date);

  G_OBJECT_CLASS (custos_report_book_parent_class)->finalize (object);
}

static void
custos_report_book_class_init (CustosReportBookClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = custos_report_book_finalize;
}

static void
custos_report_book_init (CustosReportBook *self)
{
  book_styles_init (self);
  custos_paper_get_size (CUSTOS_PAPER_AUTO, CUSTOS_ORIENTATION_PORTRAIT, &self->page_width, &self->page_height);
  self->blocks = g_ptr_array_new_with_free_func (block_free);
  self->headings = g_array_new (FALSE, TRUE, sizeof (Heading));
  g_array_set_clear_func (self->headings, heading_clear);
  self->pages = g_array_new (FALSE, FALSE, sizeof (Page));
  self->placements = g_array_new (FALSE, FALSE, sizeof (Placement));
}

CustosReportBook *
custos_report_book_new (void)
{
  return g_object_new (CUSTOS_TYPE_REPORT_BOOK, NULL);
}

/* The first word of a cell's text, markup taken off. */
static char *
first_word (const Cell *cell)
{
  g_autofree char *plain = NULL;
  const char *text = cell->text, *end;

  if ((cell->flags & CUSTOS_CELL_MARKUP) && pango_parse_markup (text, -1, 0, NULL, &plain, NULL, NULL))
    text = plain;
  for (end = text; *end != '\0' && !g_unichar_isspace (g_utf8_get_char (end)); end = g_utf8_next_char (end))
    ;
  return end > text ? g_strndup (text, (gsize) (end - text)) : NULL;
}

void
book_collect_anchors (CustosReportBook *self)
{
  if (self->anchors != NULL)
    return;
  self->anchors = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  for (guint b = 0; b < self->blocks->len; b++)
    {
      const Block *block = g_ptr_array_index (self->blocks, b);

      if (block->kind != B_ROWS || block->role != R_TABLE)
        continue;
      for (guint r = 0; r < block->rows->len; r++)
        {
          const Row *row = &g_array_index (block->rows, Row, r);

          for (guint c = 0; c < book_row_n_cells (block, row); c++)
            {
              const Cell *cell = book_row_cell (block, row, c);
              g_autofree char *id = NULL;
              Anchor *anchor;

              if (cell->text == NULL || !(cell->flags & CUSTOS_CELL_ANCHOR) || (id = first_word (cell)) == NULL)
                continue;
              {
                g_autofree char *name = g_strconcat ("rec.", id, NULL);

                if (g_hash_table_contains (self->anchors, name))
                  continue;
                anchor = g_new (Anchor, 1);
                anchor->block = b;
                anchor->row = r;
                g_hash_table_insert (self->anchors, g_steal_pointer (&name), anchor);
              }
            }
        }
    }
}

void
book_invalidate (CustosReportBook *self)
{
  self->paginated = FALSE;
  g_clear_pointer (&self->anchors, g_hash_table_unref);
  g_array_set_size (self->pages, 0);
  g_array_set_size (self->placements, 0);
}

static void
replace (char       **field,
         const char  *value)
{
  g_free (*field);
  *field = (value != NULL && *value != '\0') ? g_strdup (value) : NULL;
}

void
custos_report_book_set_info (CustosReportBook       *self,
                             const CustosReportInfo *info)
{
  g_return_if_fail (CUSTOS_IS_REPORT_BOOK (self));
  g_return_if_fail (info != NULL);

  replace (&self->title, info->title);
  replace (&self->subtitle, info->subtitle);
  replace (&self->organisation, info->organisation);
  replace (&self->classification, info->classification);
  replace (&self->version, info->version);
  replace (&self->date, info->date);
  replace (&self->author, info->author);
  replace (&self->subject, info->subject);
  replace (&self->keywords, info->keywords);
  replace (&self->creator, info->creator);
  replace (&self->create_date, info->create_date);
  self->draft = info->draft;
}

const char *
custos_report_book_get_title (CustosReportBook *self)
{
  g_return_val_if_fail (CUSTOS_IS_REPORT_BOOK (self), NULL);
  return self->title;
}

void
custos_report_book_set_page_size (CustosReportBook *self,
                                  double            width,
                                  double            height)
{
  g_return_if_fail (CUSTOS_IS_REPORT_BOOK (self));
  g_return_if_fail (width > 2 * MARGIN_X + 72 && height > MARGIN_TOP + MARGIN_BOTTOM + 72);

  /* Kept as portrait: the sections choose their orientation. */
  self->page_width = MIN (width, height);
  self->page_height = MAX (width, height);
  book_invalidate (self);
}

void
custos_report_book_set_paper (CustosReportBook *self,
                              CustosPaper       paper)
{
  double w, h;

  custos_paper_get_size (paper, CUSTOS_ORIENTATION_PORTRAIT, &w, &h);
  custos_report_book_set_page_size (self, w, h);
}

/* Building --------------------------------------------------------------- */

static char *
clean_text (const char *text)
{
  if (text == NULL || *text == '\0')
    return NULL;
  if (!g_utf8_validate (text, -1, NULL))
    return g_utf8_make_valid (text, -1);
  return g_strdup (text);
}

static Block *
add_block (CustosReportBook *self,
           BlockKind         kind)
{
  Block *block = g_new0 (Block, 1);

  block->kind = kind;
  block->heading = -1;
  block->measured_width = -1;
  g_ptr_array_add (self->blocks, block);
  book_invalidate (self);
  return block;
}

static Block *
add_rows_block (CustosReportBook *self,
                RowsRole          role,
                guint             n_columns,
                const double     *weights)
{
  Block *block = add_block (self, B_ROWS);

  block->role = role;
  block->n_columns = n_columns;
  block->weights = g_new (double, n_columns);
  for (guint i = 0; i < n_columns; i++)
    block->weights[i] = weights != NULL ? weights[i] : 1.0;
  block->rows = g_array_new (FALSE, TRUE, sizeof (Row));
  return block;
}

Row *
book_append_row (Block *block,
                 guint  n_cells)
{
  Row row = { 0 };

  row.cells = g_new0 (Cell, n_cells);
  row.ref = -1;
  row.height = -1;
  g_array_append_val (block->rows, row);
  return &g_array_index (block->rows, Row, block->rows->len - 1);
}

void
custos_report_book_add_cover (CustosReportBook   *self,
                              const char * const *labels,
                              const char * const *values)
{
  Block *block;

  g_return_if_fail (CUSTOS_IS_REPORT_BOOK (self));

  block = add_block (self, B_COVER);
  block->labels = g_strdupv ((char **) labels);
  block->values = g_strdupv ((char **) values);
}

void
custos_report_book_new_page (CustosReportBook  *self,
                             CustosOrientation  orientation)
{
  Block *block;

  g_return_if_fail (CUSTOS_IS_REPORT_BOOK (self));

  block = add_block (self, B_PAGE_BREAK);
  block->orientation = orientation;
  self->orientation = orientation;
}

guint
custos_report_book_add_heading (CustosReportBook *self,
                                guint             level,
                                const char       *number,
                                const char       *text,
                                gboolean          in_contents)
{
  Heading heading = { 0 };
  Block *block;
  Row *row;
  static const double space_before[] = { 0, 4, 16, 10 };
  static const double space_after[] = { 0, 12, 6, 4 };

  g_return_val_if_fail (CUSTOS_IS_REPORT_BOOK (self), 0);
  level = CLAMP (level, 1, 3);

  heading.level = level;
  heading.number = clean_text (number);
  heading.text = clean_text (text);
  heading.in_contents = in_contents;
  g_array_append_val (self->headings, heading);

  block = add_rows_block (self, R_HEADING, 1, NULL);
  block->level = level;
  block->heading = (int) self->headings->len - 1;
  block->space_before = space_before[level];
  block->space_after = space_after[level];
  row = book_append_row (block, 1);
  if (number != NULL && *number != '\0')
    {
      /* The number in the accent colour, a figure space apart. */
      row->cells[0].text = g_markup_printf_escaped ("<span foreground=\"#%06x\">%s</span>\u2002%s",
                                                    level == 1 ? ACCENT : MUTED, number,
                                                    heading.text ? heading.text : "");
      row->cells[0].flags = CUSTOS_CELL_MARKUP;
    }
  else
    row->cells[0].text = clean_text (text);
  row->keep = TRUE;
  return (guint) self->headings->len - 1;
}

void
custos_report_book_add_paragraph (CustosReportBook *self,
                                  const char       *text,
                                  CustosCellFlags   flags)
{
  Block *block;
  Row *row;

  g_return_if_fail (CUSTOS_IS_REPORT_BOOK (self));

  block = add_rows_block (self, R_PARAGRAPH, 1, NULL);
  block->space_after = 7;
  row = book_append_row (block, 1);
  row->cells[0].text = clean_text (text);
  row->cells[0].flags = flags;
  row->splittable = TRUE;
}

void
custos_report_book_add_bullets (CustosReportBook   *self,
                                const char * const *items)
{
  static const double weights[] = { -12, 1 };
  Block *block;

  g_return_if_fail (CUSTOS_IS_REPORT_BOOK (self));

  block = add_rows_block (self, R_BULLETS, 2, weights);
  block->space_after = 7;
  for (guint i = 0; items != NULL && items[i] != NULL; i++)
    {
      Row *row = book_append_row (block, 2);

      row->cells[0].text = g_strdup ("•");
      row->cells[0].flags = CUSTOS_CELL_MUTED;
      row->cells[1].text = clean_text (items[i]);
      row->splittable = TRUE;
    }
}

void
custos_report_book_add_key_values (CustosReportBook   *self,
                                   const char * const *labels,
                                   const char * const *values,
                                   guint               n)
{
  static const double weights[] = { 0.3, 0.7 };
  Block *block;

  g_return_if_fail (CUSTOS_IS_REPORT_BOOK (self));

  block = add_rows_block (self, R_TABLE, 2, weights);
  block->flags = CUSTOS_TABLE_KEY_VALUE | CUSTOS_TABLE_RULES;
  block->space_before = 2;
  block->space_after = 10;
  for (guint i = 0; i < n; i++)
    {
      Row *row = book_append_row (block, 2);

      row->cells[0].text = clean_text (labels[i]);
      row->cells[0].flags = CUSTOS_CELL_BOLD | CUSTOS_CELL_MUTED;
      row->cells[1].text = (values[i] != NULL && *values[i] != '\0') ? clean_text (values[i]) : g_strdup ("—");
      if (values[i] == NULL || *values[i] == '\0')
        row->cells[1].flags = CUSTOS_CELL_MUTED;
    }
}

CustosReportTable *
custos_report_book_add_table (CustosReportBook   *self,
                              guint               n_columns,
                              const double       *weights,
                              const char * const *headers,
                              CustosTableFlags    flags)
{
  Block *block;

  g_return_val_if_fail (CUSTOS_IS_REPORT_BOOK (self), NULL);
  g_return_val_if_fail (n_columns > 0, NULL);

  block = add_rows_block (self, R_TABLE, n_columns, weights);
  block->flags = flags;
  block->space_before = 2;
  block->space_after = 12;
  if (headers != NULL)
    {
      block->has_header = TRUE;
      block->header.cells = g_new0 (Cell, n_columns);
      block->header.height = -1;
      block->header.ref = -1;
      for (guint c = 0; c < n_columns; c++)
        if (headers[c] != NULL && *headers[c] != '\0')
          block->header.cells[c].text = g_utf8_strup (headers[c], -1);
    }
  return block;
}

/* Shade and keep a new row by its flags. */
static void
link_row (CustosReportTable *table,
          Row               *row,
          CustosRowFlags     flags)
{
  guint n = table->rows->len;

  if (!(flags & CUSTOS_ROW_CONTINUES) && n >= 2 && g_array_index (table->rows, Row, n - 2).cont)
    g_array_index (table->rows, Row, n - 2).cont_end = TRUE;

  if ((flags & CUSTOS_ROW_CONTINUES) && n >= 2)
    {
      Row *above = &g_array_index (table->rows, Row, n - 2);

      row->cont = TRUE;
      row->zebra = above->zebra;
      above->keep = TRUE;
    }
  else
    row->zebra = (table->zebra_counter++ % 2) == 1;
}

void
custos_report_table_add_row_full (CustosReportTable      *table,
                                  const CustosReportCell *cells,
                                  CustosRowFlags          flags)
{
  Row *row;

  g_return_if_fail (table != NULL && table->kind == B_ROWS);

  row = book_append_row (table, table->n_columns);
  for (guint c = 0; c < table->n_columns; c++)
    {
      row->cells[c].text = clean_text (cells[c].text);
      row->cells[c].flags = cells[c].flags;
      row->cells[c].colour = cells[c].colour;
    }
  link_row (table, row, flags);
  /* The header aligns like the first row below it. */
  if (table->has_header && table->rows->len == 1)
    for (guint c = 0; c < table->n_columns; c++)
      table->header.cells[c].flags |= cells[c].flags & (CUSTOS_CELL_RIGHT | CUSTOS_CELL_CENTER);
}

void
custos_report_table_add_row (CustosReportTable      *table,
                             const CustosReportCell *cells)
{
  custos_report_table_add_row_full (table, cells, CUSTOS_ROW_NONE);
}

void
custos_report_table_add_span (CustosReportTable *table,
                              const char        *text,
                              CustosCellFlags    flags,
                              CustosRowFlags     row_flags)
{
  Row *row;

  g_return_if_fail (table != NULL && table->kind == B_ROWS);

  row = book_append_row (table, 1);
  row->span = TRUE;
  row->splittable = TRUE;
  row->cells[0].text = clean_text (text);
  row->cells[0].flags = flags;
  link_row (table, row, row_flags);
}

void
custos_report_table_add_texts (CustosReportTable  *table,
                               const char * const *texts)
{
  g_autofree CustosReportCell *cells = NULL;

  g_return_if_fail (table != NULL);

  cells = g_new0 (CustosReportCell, table->n_columns);
  for (guint c = 0; c < table->n_columns; c++)
    cells[c].text = texts[c];
  custos_report_table_add_row (table, cells);
}

void
custos_report_table_add_group (CustosReportTable *table,
                               const char        *text)
{
  Row *row;

  g_return_if_fail (table != NULL && table->kind == B_ROWS);

  row = book_append_row (table, 1);
  row->group = TRUE;
  row->keep = TRUE;
  row->cells[0].text = clean_text (text);
  row->cells[0].flags = CUSTOS_CELL_BOLD;
  table->zebra_counter = 0;
}

void
custos_report_table_add_pair (CustosReportTable *table,
                              const char        *label,
                              const char        *value)
{
  Row *row;

  g_return_if_fail (table != NULL && table->kind == B_ROWS);
  g_return_if_fail (table->rows->len > 0);

  row = book_append_row (table, 2);
  row->pair = TRUE;
  row->cells[0].text = clean_text (label);
  row->cells[0].flags = CUSTOS_CELL_BOLD | CUSTOS_CELL_MUTED;
  row->cells[1].text = clean_text (value);
  link_row (table, row, CUSTOS_ROW_CONTINUES);
}

void
custos_report_table_keep_with_next (CustosReportTable *table)
{
  g_return_if_fail (table != NULL && table->kind == B_ROWS);

  if (table->rows->len > 0)
    g_array_index (table->rows, Row, table->rows->len - 1).keep = TRUE;
}

void
custos_report_book_add_figure (CustosReportBook     *self,
                               double                height,
                               CustosReportDrawFunc  draw,
                               gpointer              user_data,
                               GDestroyNotify        destroy,
                               const char           *caption)
{
  Block *block;

  g_return_if_fail (CUSTOS_IS_REPORT_BOOK (self));
  g_return_if_fail (draw != NULL);

  block = add_block (self, B_FIGURE);
  block->height = MAX (height, 1.0);
  block->draw = draw;
  block->draw_data = user_data;
  block->draw_destroy = destroy;
  block->caption = clean_text (caption);
  block->space_before = 6;
  block->space_after = 14;
}

void
custos_report_book_add_signatures (CustosReportBook   *self,
                                   const char * const *roles,
                                   const char * const *names,
                                   guint               n)
{
  /* Two boxes a row, each as (role, name) columns; the widths are set at
   * layout time from the page. */
  static const double weights[] = { 1, 1, 1, 1 };
  Block *block;

  g_return_if_fail (CUSTOS_IS_REPORT_BOOK (self));

  block = add_rows_block (self, R_SIGNATURES, 4, weights);
  block->space_before = 8;
  block->space_after = 12;
  for (guint i = 0; i < n; i += 2)
    {
      Row *row = book_append_row (block, 4);

      for (guint k = 0; k < 2 && i + k < n; k++)
        {
          row->cells[2 * k].text = clean_text (roles[i + k]);
          row->cells[2 * k + 1].text = clean_text (names[i + k]);
          if (row->cells[2 * k].text == NULL)
            row->cells[2 * k].text = g_strdup (" ");
        }
    }
}

void
custos_report_book_add_contents (CustosReportBook *self)
{
  static const double weights[] = { -46, 1, -40 };
  Block *block;

  g_return_if_fail (CUSTOS_IS_REPORT_BOOK (self));

  /* The rows are made at pagination, when every heading is known. */
  block = add_rows_block (self, R_CONTENTS, 3, weights);
  block->space_after = 12;
}

void
custos_report_book_add_space (CustosReportBook *self,
                              double            points)
{
  Block *block;

  g_return_if_fail (CUSTOS_IS_REPORT_BOOK (self));

  block = add_block (self, B_SPACE);
  block->height = MAX (points, 0.0);
}
