/* SPDX-License-Identifier: GPL-3.0-or-later */
/* custos-report-book-layout.c — measuring the report book's blocks and
 * paginating them */
#include "config.h"

#include <math.h>
#include <string.h>

#include "custos-report-book-private.h"

/* Measuring -------------------------------------------------------------- */

void
book_page_box (CustosReportBook  *self,
               CustosOrientation  orientation,
               double            *width,
               double            *height)
{
  if (orientation == CUSTOS_ORIENTATION_LANDSCAPE)
    *width = self->page_height, *height = self->page_width;
  else
    *width = self->page_width, *height = self->page_height;
}

static void
padding (const Block *block,
         const Row   *row,
         gboolean     header,
         double      *px,
         double      *top,
         double      *bottom)
{
  *px = 0, *top = 0, *bottom = 0;
  switch (block->role)
    {
    case R_TABLE:
      if (block->flags & CUSTOS_TABLE_COMPACT)
        *px = 4, *top = 2.6, *bottom = 2.6;
      else
        *px = 5, *top = 3.8, *bottom = 3.8;
      if (header)
        *top = 2, *bottom = 4;
      else if (row != NULL && row->group)
        *top = 5, *bottom = 3.6;
      else if (row != NULL && row->pair)
        {
          *top = 1.8;
          if (!row->cont_end)
            *bottom = 1.2;
        }
      else if (row != NULL && row->cont)
        *top = 0.5;
      break;
    case R_BULLETS:
      *top = 1.2, *bottom = 1.2;
      break;
    case R_CONTENTS:
      *px = 0, *top = 2.2, *bottom = 2.2;
      break;
    case R_SIGNATURES:
      *px = 0, *top = 0, *bottom = 0;
      break;
    case R_PARAGRAPH:
    case R_HEADING:
    default:
      break;
    }
}

/* x and width of every column for a content width: fixed columns first,
 * then columns that fit their content (capped), then the weighted columns
 * share the rest; no column is narrower than the longest word of its
 * header. */
void
book_columns (Block  *block,
              double  width,
              double *xs,
              double *ws)
{
  guint n = block->n_columns;
  g_autofree gboolean *done = NULL;
  double x = 0;

  if (block->col_x != NULL && block->col_width == width)
    {
      memcpy (xs, block->col_x, n * sizeof (double));
      memcpy (ws, block->col_w, n * sizeof (double));
      return;
    }

  done = g_new0 (gboolean, n);
  for (guint c = 0; c < n; c++)
    {
      double min = block->min ? block->min[c] : 0;

      if (block->weights[c] < 0)
        ws[c] = MAX (-block->weights[c], min), done[c] = TRUE;
      else if (block->weights[c] == 0)
        ws[c] = MAX (MIN (block->fit ? block->fit[c] : 0, MAX (width * 0.16, min)), min), done[c] = TRUE;
    }
  /* Share the rest by weight; a column below its minimum takes the minimum
   * and the others share again. */
  for (guint round = 0; round <= n; round++)
    {
      double rest = width, shares = 0;
      gboolean again = FALSE;

      for (guint c = 0; c < n; c++)
        if (done[c])
          rest -= ws[c];
        else
          shares += block->weights[c];
      for (guint c = 0; c < n; c++)
        if (!done[c])
          ws[c] = shares > 0 ? MAX (rest, 0) * block->weights[c] / shares : 0;
      for (guint c = 0; c < n; c++)
        if (!done[c] && block->min != NULL && ws[c] < block->min[c])
          {
            ws[c] = block->min[c];
            done[c] = TRUE;
            again = TRUE;
          }
      if (!again)
        break;
    }
  for (guint c = 0; c < n; c++)
    {
      ws[c] = MAX (ws[c], 1.0);
      xs[c] = x;
      x += ws[c];
    }
  /* Never wider than the page: squeeze everything if the minimums overflow. */
  if (x > width + EPS)
    {
      double f = width / x;
      x = 0;
      for (guint c = 0; c < n; c++)
        {
          ws[c] *= f;
          xs[c] = x;
          x += ws[c];
        }
    }

  if (block->col_x == NULL)
    {
      block->col_x = g_new (double, n);
      block->col_w = g_new (double, n);
    }
  memcpy (block->col_x, xs, n * sizeof (double));
  memcpy (block->col_w, ws, n * sizeof (double));
  block->col_width = width;
}

const Cell *
book_row_cell (const Block *block,
               const Row   *row,
               guint        column)
{
  if (row->group || row->span)
    return column == 0 ? &row->cells[0] : NULL;
  if (row->pair)
    return column < 2 ? &row->cells[column] : NULL;
  return &row->cells[column];
}

guint
book_row_n_cells (const Block *block,
                  const Row   *row)
{
  return (row->group || row->span) ? 1 : row->pair ? 2 : block->n_columns;
}

void
book_cell_box (CustosReportBook *self,
               const Block      *block,
               const Row        *row,
               gboolean          header,
               guint             column,
               double            width,
               CellBox          *box)
{
  double xs[16], ws[16], px, top, bottom;
  const Cell *cell = book_row_cell (block, row, column);

  padding (block, row, header, &px, &top, &bottom);
  if (row->group || row->span)
    {
      box->cell_x = 0;
      box->cell_width = width;
    }
  else if (row->pair)
    {
      /* Under the record: from its second column, a label and its value. */
      double label;

      book_columns ((Block *) block, width, xs, ws);
      box->cell_x = block->n_columns > 1 ? xs[1] : 0;
      label = MAX (width * 0.23, 80.0);
      if (column == 0)
        box->cell_width = label;
      else
        box->cell_x += label, box->cell_width = width - box->cell_x;
    }
  else if (block->role == R_SIGNATURES)
    {
      /* Two boxes per row, a gutter between them. */
      double gutter = 28, w = (width - gutter) / 2;
      guint box_index = column / 2;

      box->cell_x = box_index * (w + gutter);
      box->cell_width = w;
    }
  else
    {
      g_assert (block->n_columns <= G_N_ELEMENTS (xs));
      book_columns ((Block *) block, width, xs, ws);
      box->cell_x = xs[column];
      box->cell_width = ws[column];
      if (block->role == R_CONTENTS)
        {
          const Heading *h = &g_array_index (self->headings, Heading, row->ref);
          double indent = h->level > 1 ? 14.0 * (h->level - 1) : 0;

          if (column == 0)
            box->cell_x += indent;
          else if (column == 1)
            box->cell_x += indent, box->cell_width -= indent;
          if (h->level == 1)
            top += 5;
        }
    }
  box->x = box->cell_x + px;
  box->width = MAX (box->cell_width - 2 * px, 1.0);
  box->top = top;
  if (cell != NULL && (cell->flags & CUSTOS_CELL_CHIP))
    {
      box->x += CHIP_PAD_X;
      box->width = MAX (box->width - 2 * CHIP_PAD_X, 1.0);
      box->top += CHIP_PAD_Y;
    }
  if (block->role == R_CONTENTS && column == 1)
    box->width = MAX (box->width - 10, 1.0);   /* room for the leader */
}

PangoLayout *
book_cell_layout (CustosReportBook *self,
                  const Block      *block,
                  const Row        *row,
                  gboolean          header,
                  guint             column,
                  double            width,
                  CellBox          *box)
{
  const Cell *cell = book_row_cell (block, row, column);
  Style style;

  if (cell == NULL || cell->text == NULL)
    return NULL;
  book_cell_box (self, block, row, header, column, width, box);
  style = book_cell_style (self, block, row, column, header, cell);
  return book_make_layout (self, style, cell->flags & ~LINK_FLAGS, cell->text, box->width,
                           book_cell_alignment (cell->flags));
}

static double
figure_height (CustosReportBook *self,
               Block            *block,
               double            width,
               double            page_content_height)
{
  if (block->caption != NULL && block->caption_height <= 0)
    {
      g_autoptr(PangoLayout) layout = book_make_layout (self, ST_CAPTION, 0, block->caption, width, PANGO_ALIGN_CENTER);
      PangoRectangle logical;

      pango_layout_get_extents (layout, NULL, &logical);
      block->caption_height = logical.height / (double) PANGO_SCALE + 6;
    }
  return MIN (block->height, page_content_height - block->caption_height) + block->caption_height;
}

void
book_signature_geometry (CustosReportBook  *self,
                         double             role_h,
                         double             name_h,
                         SignatureGeometry *geometry)
{
  if (name_h <= 0)
    name_h = self->line_height[ST_SIGN_TEXT] * 1.15;
  geometry->role = 5;
  geometry->line = geometry->role + role_h + 40;
  geometry->name = geometry->line + 4 + self->line_height[ST_CAPTION];
  geometry->date = geometry->name + name_h + 14;
  geometry->height = geometry->date + self->line_height[ST_SIGN_TEXT] + 16;
}

static double
measure_row (CustosReportBook *self,
             const Block      *block,
             const Row        *row,
             gboolean          header,
             double            width)
{
  double px, top, bottom, height = 0;
  gboolean any = FALSE;

  padding (block, row, header, &px, &top, &bottom);
  for (guint c = 0; c < book_row_n_cells (block, row); c++)
    {
      CellBox box;
      g_autoptr(PangoLayout) layout = book_cell_layout (self, block, row, header, c, width, &box);
      const Cell *cell = book_row_cell (block, row, c);
      PangoRectangle logical;
      double h;

      if (layout == NULL)
        continue;
      any = TRUE;
      pango_layout_get_extents (layout, NULL, &logical);
      h = box.top + logical.height / (double) PANGO_SCALE + bottom;
      if (cell->flags & CUSTOS_CELL_CHIP)
        h += CHIP_PAD_Y;
      if (block->role == R_SIGNATURES && (c % 2) == 0)
        {
          /* role, then room to sign, the line, the name and a date line */
          const Cell *name = book_row_cell (block, row, c + 1);
          SignatureGeometry geometry;
          double name_h = 0;

          if (name != NULL && name->text != NULL)
            {
              CellBox nb;
              g_autoptr(PangoLayout) nl = book_cell_layout (self, block, row, header, c + 1, width, &nb);
              PangoRectangle nr;

              pango_layout_get_extents (nl, NULL, &nr);
              name_h = nr.height / (double) PANGO_SCALE;
            }
          book_signature_geometry (self, logical.height / (double) PANGO_SCALE, name_h, &geometry);
          h = geometry.height;
        }
      height = MAX (height, h);
    }
  if (!any)
    {
      Cell empty = { NULL, 0, 0 };
      Style style = book_cell_style (self, block, row, 0, header, row->group ? &row->cells[0] : &empty);
      height = top + self->line_height[style] + bottom;
    }
  return height;
}

static void
prepare_contents (CustosReportBook *self,
                  Block            *block)
{
  if (block->rows->len > 0)
    return;
  for (guint i = 0; i < self->headings->len; i++)
    {
      const Heading *h = &g_array_index (self->headings, Heading, i);
      Row *row;

      if (!h->in_contents || h->level > 2)
        continue;
      row = book_append_row (block, 3);
      row->ref = (int) i;
      row->cells[0].text = g_strdup (h->number);
      row->cells[1].text = g_strdup (h->text ? h->text : "");
      row->cells[2].text = g_strdup ("0000");   /* measured wide; the number is drawn */
      row->cells[2].flags = CUSTOS_CELL_RIGHT;
      if (h->level == 1)
        row->cells[0].flags = row->cells[1].flags = CUSTOS_CELL_BOLD;
    }
}

static double
natural_width (CustosReportBook *self,
               Style             style,
               guint             flags,
               const char       *text)
{
  g_autoptr(PangoLayout) layout = book_make_layout (self, style, flags, text, -1, PANGO_ALIGN_LEFT);
  PangoRectangle logical;

  pango_layout_get_extents (layout, NULL, &logical);
  return logical.width / (double) PANGO_SCALE;
}

/* The longest words of a column, by number of characters: only they are
 * measured, so a register of thousands of rows costs a few layouts. */
#define WORD_CANDIDATES 6
/* No word makes a column wider than this: a 600-character word breaks. */
#define WORD_MIN_MAX    160.0

typedef struct
{
  char  *word;
  glong  chars;
  Style  style;
  guint  flags;
} WordCandidate;

static void
consider_words (WordCandidate *best,
                const char    *text,
                Style          style,
                guint          flags)
{
  g_autofree char *plain = NULL;
  const char *p, *start = NULL;

  if ((flags & CUSTOS_CELL_MARKUP) &&
      pango_parse_markup (text, -1, 0, NULL, &plain, NULL, NULL))
    text = plain;
  for (p = text;; p = g_utf8_next_char (p))
    {
      gunichar ch = g_utf8_get_char (p);

      if (ch != 0 && !g_unichar_isspace (ch))
        {
          if (start == NULL)
            start = p;
          continue;
        }
      if (start != NULL)
        {
          glong chars = g_utf8_strlen (start, p - start);
          guint k = WORD_CANDIDATES;

          for (guint i = 0; i < WORD_CANDIDATES && best[i].word != NULL; i++)
            if (best[i].chars == chars && best[i].style == style && strncmp (best[i].word, start, p - start) == 0)
              k = G_MAXUINT;   /* seen: once is enough */
          for (guint i = 0; i < WORD_CANDIDATES && k == WORD_CANDIDATES; i++)
            if (best[i].word == NULL || chars > best[i].chars)
              k = i;
          if (k < WORD_CANDIDATES)
            {
              g_free (best[WORD_CANDIDATES - 1].word);
              memmove (&best[k + 1], &best[k], (WORD_CANDIDATES - 1 - k) * sizeof *best);
              best[k] = (WordCandidate) { g_strndup (start, p - start), chars, style, flags & ~CUSTOS_CELL_MARKUP };
            }
          start = NULL;
        }
      if (ch == 0)
        break;
    }
}

/* The widths columns need whatever the page: fit book_columns (weight 0) their
 * widest cell; every column the longest word of its header, and a column
 * that is not of a fixed width the longest word of its cells too (up to
 * WORD_MIN_MAX), so that words break only when the page has no room for
 * them, not because another column has the room. */
static void
measure_columns (CustosReportBook *self,
                 Block            *block)
{
  double px, top, bottom;

  if (block->min != NULL || block->role != R_TABLE)
    return;
  padding (block, NULL, FALSE, &px, &top, &bottom);
  block->min = g_new0 (double, block->n_columns);
  block->fit = g_new0 (double, block->n_columns);
  for (guint c = 0; c < block->n_columns; c++)
    {
      WordCandidate best[WORD_CANDIDATES] = { { 0 } };
      g_autoptr(GHashTable) seen = NULL;

      /* a fixed width is what it says */
      for (guint r = 0; block->weights[c] >= 0 && r < block->rows->len; r++)
        {
          const Row *row = &g_array_index (block->rows, Row, r);

          if (row->group || row->span || row->pair || row->cells[c].text == NULL)
            continue;
          consider_words (best, row->cells[c].text, book_cell_style (self, block, row, c, FALSE, &row->cells[c]),
                          row->cells[c].flags);
        }
      for (guint i = 0; i < WORD_CANDIDATES && best[i].word != NULL; i++)
        {
          /* bold parts of markup are a little wider than the plain text */
          double w = natural_width (self, best[i].style, best[i].flags | CUSTOS_CELL_BOLD, best[i].word) + 2 * px + 0.5;

          if (best[i].flags & CUSTOS_CELL_CHIP)
            w += 2 * CHIP_PAD_X;
          block->min[c] = MAX (block->min[c], MIN (w, WORD_MIN_MAX));
          g_free (best[i].word);
        }

      if (block->has_header && block->header.cells[c].text != NULL)
        {
          g_auto(GStrv) words = g_strsplit (block->header.cells[c].text, " ", -1);

          for (guint w = 0; words[w] != NULL; w++)
            if (*words[w] != '\0')
              block->min[c] = MAX (block->min[c], natural_width (self, ST_TABLE_HEAD, 0, words[w]) + 2 * px + 0.5);
        }
      if (block->weights[c] != 0)
        continue;
      /* Fit columns hold short, repeated values: measure each once. */
      seen = g_hash_table_new (g_str_hash, g_str_equal);
      for (guint r = 0; r < block->rows->len; r++)
        {
          const Row *row = &g_array_index (block->rows, Row, r);
          const Cell *cell;
          double w;

          if (row->group || row->span || row->pair)
            continue;
          cell = &row->cells[c];
          if (cell->text == NULL || g_hash_table_contains (seen, cell->text))
            continue;
          g_hash_table_add (seen, cell->text);
          w = natural_width (self, book_cell_style (self, block, row, c, FALSE, cell), cell->flags, cell->text) + 2 * px + 0.5;
          if (cell->flags & CUSTOS_CELL_CHIP)
            w += 2 * CHIP_PAD_X;
          block->fit[c] = MAX (block->fit[c], w);
        }
      block->fit[c] = MAX (block->fit[c], block->min[c]);
    }
}

static void
measure_block (CustosReportBook *self,
               Block            *block,
               double            width)
{
  if (block->kind != B_ROWS || block->measured_width == width)
    return;
  if (block->rows->len > 0 && g_array_index (block->rows, Row, block->rows->len - 1).cont)
    g_array_index (block->rows, Row, block->rows->len - 1).cont_end = TRUE;
  measure_columns (self, block);
  if (block->has_header)
    block->header.height = (float) measure_row (self, block, &block->header, TRUE, width);
  for (guint i = 0; i < block->rows->len; i++)
    {
      Row *row = &g_array_index (block->rows, Row, i);
      row->height = (float) measure_row (self, block, row, FALSE, width);
    }
  block->measured_width = width;
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return x < y ? -1 : x > y;
}

/* Line spans of the cells of a row, in row coordinates. */
typedef struct
{
  double top;
  double bottom;
} Span;

static int
compare_spans (gconstpointer a,
               gconstpointer b)
{
  return compare_doubles (&((const Span *) a)->top, &((const Span *) b)->top);
}

/* The number of the first n spans (sorted by top) whose top is below y. */
static guint
spans_above (const Span *spans,
             guint       n,
             double      y)
{
  guint lo = 0, hi = n;

  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;
      if (spans[mid].top < y)
        lo = mid + 1;
      else
        hi = mid;
    }
  return lo;
}

/* Valid places to cut a tall row: y positions (row coordinates) that cross
 * no line of any cell, in increasing order. A row may hold tens of thousands
 * of lines: each candidate is checked against the lines that start above it
 * through the lowest bottom among them, in O(n log n). */
static GArray *
row_cuts (CustosReportBook *self,
          const Block      *block,
          const Row        *row,
          double            width)
{
  g_autoptr(GArray) spans = g_array_new (FALSE, FALSE, sizeof (Span));
  g_autofree double *deepest = NULL;   /* the largest bottom of spans[0..i] */
  GArray *cuts = g_array_new (FALSE, FALSE, sizeof (double));

  for (guint c = 0; c < book_row_n_cells (block, row); c++)
    {
      CellBox box;
      g_autoptr(PangoLayout) layout = book_cell_layout (self, block, row, FALSE, c, width, &box);
      const GArray *lines;

      if (layout == NULL)
        continue;
      lines = book_layout_lines (layout);
      for (guint i = 0; i < lines->len; i++)
        {
          const LineBox *line = &g_array_index (lines, LineBox, i);
          Span span = { box.top + line->top, box.top + line->bottom };

          g_array_append_val (spans, span);
        }
    }
  g_array_sort (spans, compare_spans);
  deepest = g_new (double, MAX (spans->len, 1));
  for (guint i = 0; i < spans->len; i++)
    deepest[i] = MAX (i > 0 ? deepest[i - 1] : -G_MAXDOUBLE, g_array_index (spans, Span, i).bottom);

  for (guint i = 0; i < 2 * spans->len; i++)
    {
      const Span *span = &g_array_index (spans, Span, i / 2);
      double y = (i % 2) == 0 ? span->top : span->bottom;
      guint above = spans_above ((const Span *) spans->data, spans->len, y - EPS);

      if (y > EPS && y < row->height - EPS && (above == 0 || deepest[above - 1] <= y + EPS))
        g_array_append_val (cuts, y);
    }
  g_array_sort (cuts, compare_doubles);
  return cuts;
}

/* The lowest cut in (start, limit], or -1. */
static double
last_cut_before (const GArray *cuts,
                 double        start,
                 double        limit)
{
  guint lo = 0, hi = cuts->len;

  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;
      if (g_array_index (cuts, double, mid) <= limit)
        lo = mid + 1;
      else
        hi = mid;
    }
  return lo > 0 && g_array_index (cuts, double, lo - 1) > start ? g_array_index (cuts, double, lo - 1) : -1;
}

/* Pagination ------------------------------------------------------------- */

typedef struct
{
  CustosOrientation orientation;
  double            top;
  double            bottom;
  double            y;
  double            width;       /* content width */
  gboolean          empty;       /* nothing placed on the page yet */
  guint             last_block;  /* the last block placed on the page */
} Cursor;

static void
start_page (CustosReportBook *self,
            Cursor           *cur)
{
  Page page = { cur->orientation, self->placements->len, 0 };
  double w, h;

  g_array_append_val (self->pages, page);
  book_page_box (self, cur->orientation, &w, &h);
  cur->top = MARGIN_TOP;
  cur->bottom = h - MARGIN_BOTTOM;
  cur->y = cur->top;
  cur->width = w - 2 * MARGIN_X;
  cur->empty = TRUE;
  cur->last_block = G_MAXUINT;
}

static void
place (CustosReportBook *self,
       Cursor           *cur,
       guint             block,
       int               row,
       double            start,
       double            end,
       double            lead)
{
  Placement p = { block, row, (float) cur->y, (float) start, (float) end, (float) lead };

  g_array_append_val (self->placements, p);
  g_array_index (self->pages, Page, self->pages->len - 1).n++;
  cur->y += end - start + lead;
  cur->empty = FALSE;
  cur->last_block = block;
}

/* The least of a row that must come along: a row that may split leaves the
 * most of itself for the next page. */
static double
least_of_row (const Row *row)
{
  return row->splittable ? MIN (row->height, MIN_SPLIT_SPACE) : row->height;
}

/* What must go with whatever keeps with row r: the row, and if it keeps
 * with the row after it (a record and its details), the least of that. */
static double
unit_from (const Block *block,
           guint        r)
{
  const Row *row = &g_array_index (block->rows, Row, r);
  double h = least_of_row (row);

  if (!row->splittable && row->keep && r + 1 < block->rows->len)
    h += least_of_row (&g_array_index (block->rows, Row, r + 1));
  return h;
}

static double rows_height (const Block *block,
                           guint        from,
                           guint        to);

/* Signatures go together, when they fit on a page: a box alone overleaf
 * is easily lost. The least of them that must come along. */
static double
signatures_unit (Cursor      *cur,
                 const Block *block)
{
  double all = rows_height (block, 0, block->rows->len);

  return all <= cur->bottom - cur->top ? all : unit_from (block, 0);
}

static guint record_end (const Block *block,
                         guint        r);

/* A table's first record starts only with all its details when they fit
 * on a page (place_rows), so that much, with the header and any group rows
 * above it, must come along with the heading over it. */
static double
first_record_unit (Cursor      *cur,
                   const Block *block)
{
  double header = block->has_header ? block->header.height : 0;
  double groups = 0, whole;
  guint r = 0;

  for (; r < block->rows->len && g_array_index (block->rows, Row, r).group; r++)
    groups += g_array_index (block->rows, Row, r).height;
  if (r == block->rows->len)
    return header + groups;
  whole = rows_height (block, r, record_end (block, r));
  if (whole > cur->bottom - cur->top - header)
    whole = unit_from (block, r);
  return header + groups + whole;
}

/* A paragraph this short after a heading introduces what follows it: the
 * heading keeps with both, or it would stand at a page foot with only its
 * introduction (a heading, "By signing…", and the signatures overleaf). */
#define INTRO_MAX_HEIGHT 60.0

/* Height of the first unit of the blocks from n on; after a heading
 * (intro), a short paragraph and the unit after it. */
static double
first_unit_from (CustosReportBook *self,
                 Cursor           *cur,
                 guint             n,
                 gboolean          intro)
{
  for (; n < self->blocks->len; n++)
    {
      Block *next = g_ptr_array_index (self->blocks, n);

      switch (next->kind)
        {
        case B_SPACE:
          continue;
        case B_FIGURE:
          return next->space_before + figure_height (self, next, cur->width, cur->bottom - cur->top);
        case B_ROWS:
          if (next->role == R_CONTENTS)
            prepare_contents (self, next);
          measure_block (self, next, cur->width);
          if (next->rows->len == 0)
            continue;
          if (intro && next->role == R_PARAGRAPH && next->rows->len == 1 &&
              g_array_index (next->rows, Row, 0).height <= INTRO_MAX_HEIGHT)
            return next->space_before + g_array_index (next->rows, Row, 0).height + next->space_after +
                   first_unit_from (self, cur, n + 1, FALSE);
          if (next->role == R_SIGNATURES)
            return next->space_before + signatures_unit (cur, next);
          if (next->role == R_TABLE)
            return next->space_before + first_record_unit (cur, next);
          return next->space_before + (next->has_header ? next->header.height : 0) + unit_from (next, 0);
        case B_PAGE_BREAK:
        case B_COVER:
        default:
          return 0;
        }
    }
  return 0;
}

/* Height of what must follow on the same page: the next row of the block or
 * the first unit of the next block. */
static double
next_unit_height (CustosReportBook *self,
                  Cursor           *cur,
                  guint             b,
                  guint             r)
{
  Block *block = g_ptr_array_index (self->blocks, b);

  if (r + 1 < block->rows->len)
    return unit_from (block, r + 1);
  return first_unit_from (self, cur, b + 1, block->role == R_HEADING);
}

/* The end of the record that starts at row r: the first row after it that
 * does not continue it (its details, its further actions). */
static guint
record_end (const Block *block,
            guint        r)
{
  guint s = r + 1;

  while (s < block->rows->len && g_array_index (block->rows, Row, s).cont)
    s++;
  return s;
}

static double
rows_height (const Block *block,
             guint        from,
             guint        to)
{
  double h = 0;

  for (guint i = from; i < to; i++)
    h += g_array_index (block->rows, Row, i).height;
  return h;
}

/* What must fit for a table's record to start here: the record with all its
 * details when they fit on a page; and when only the last record would
 * follow it, that one too, so that no page holds a table's last record
 * alone. */
static double
record_need (CustosReportBook *self,
             Cursor           *cur,
             const Block      *block,
             guint             b,
             guint             r,
             double            hh)
{
  double room = cur->bottom - cur->top - (block->has_header ? block->header.height : 0);
  guint s = record_end (block, r);
  double whole = rows_height (block, r, s);
  double need = whole <= room ? whole + hh : 0;

  if (s < block->rows->len && record_end (block, s) == block->rows->len && cur->last_block == b)
    {
      double both = whole + rows_height (block, s, block->rows->len);

      if (both <= room && whole + hh <= cur->bottom - cur->y + EPS)
        need = MAX (need, both + hh);
    }
  return need;
}

static void
place_rows (CustosReportBook *self,
            Cursor           *cur,
            guint             b)
{
  Block *block = g_ptr_array_index (self->blocks, b);
  double px, top, bottom;

  measure_block (self, block, cur->width);
  padding (block, NULL, FALSE, &px, &top, &bottom);
  if (block->rows->len == 0)
    return;
  if (!cur->empty)
    cur->y += block->space_before;

  for (guint r = 0; r < block->rows->len; r++)
    {
      Row *row = &g_array_index (block->rows, Row, r);
      double h = row->height;
      gboolean need_header = block->has_header && cur->last_block != b;
      double hh = need_header ? block->header.height : 0;
      double need = h + hh;
      double avail = cur->bottom - cur->y;

      if (row->keep)
        need += next_unit_height (self, cur, b, r);
      if ((block->role == R_TABLE || block->role == R_SIGNATURES) && !row->cont && !row->group)
        need = MAX (need, record_need (self, cur, block, b, r, hh));
      if (block->role == R_SIGNATURES && r == 0)
        need = MAX (need, signatures_unit (cur, block));
      if (need > avail + EPS && !cur->empty)
        {
          gboolean split_here = row->splittable && h + hh > avail + EPS && avail - hh >= MIN_SPLIT_SPACE &&
                                !row->keep;
          if (!split_here)
            {
              start_page (self, cur);
              need_header = block->has_header;
              hh = need_header ? block->header.height : 0;
            }
        }

      if (h + hh <= cur->bottom - cur->y + EPS)
        {
          if (need_header)
            place (self, cur, b, -1, 0, hh, 0);
          if (block->heading >= 0)
            g_array_index (self->headings, Heading, block->heading).page = self->pages->len - 1;
          place (self, cur, b, (int) r, 0, h, 0);
          continue;
        }

      /* Taller than the room left: split at line boundaries. */
      {
        g_autoptr(GArray) cuts = row_cuts (self, block, row, cur->width);
        double start = 0;

        if (block->heading >= 0)
          g_array_index (self->headings, Heading, block->heading).page = self->pages->len - 1;
        for (;;)
          {
            double lead = start > 0 ? top + 1 : 0;
            double room, cut;

            if (need_header)
              {
                place (self, cur, b, -1, 0, block->header.height, 0);
                need_header = FALSE;
              }
            room = cur->bottom - cur->y - lead;
            if (h - start <= room + EPS)
              {
                place (self, cur, b, (int) r, start, h, lead);
                break;
              }
            cut = last_cut_before (cuts, start + EPS, start + room + EPS);
            if (cut < 0)
              {
                if (cur->last_block != b || cur->y > cur->top + (block->has_header ? block->header.height : 0) + EPS)
                  {
                    /* No line fits in the room left: go on on a new page. */
                    if (!cur->empty)
                      {
                        start_page (self, cur);
                        need_header = block->has_header;
                        continue;
                      }
                  }
                cut = start + MAX (room, 1.0);   /* a line taller than a page */
              }
            place (self, cur, b, (int) r, start, cut, lead);
            start = cut;
            start_page (self, cur);
            need_header = block->has_header;
          }
      }
    }
  cur->y += block->space_after;
}

static void
place_figure (CustosReportBook *self,
              Cursor           *cur,
              guint             b)
{
  Block *block = g_ptr_array_index (self->blocks, b);
  double h = figure_height (self, block, cur->width, cur->bottom - cur->top);

  if (!cur->empty)
    cur->y += block->space_before;
  if (h > cur->bottom - cur->y + EPS && !cur->empty)
    start_page (self, cur);
  place (self, cur, b, 0, 0, h, 0);
  cur->y += block->space_after;
}

gboolean
custos_report_book_paginate (CustosReportBook         *self,
                             GCancellable             *cancellable,
                             CustosReportProgressFunc  progress,
                             gpointer                  user_data,
                             GError                  **error)
{
  Cursor cur = { 0 };
  guint total = 0, done = 0, last_report = 0;

  g_return_val_if_fail (CUSTOS_IS_REPORT_BOOK (self), FALSE);

  if (self->paginated)
    return TRUE;
  book_invalidate (self);
  book_collect_anchors (self);

  for (guint b = 0; b < self->blocks->len; b++)
    {
      Block *block = g_ptr_array_index (self->blocks, b);
      if (block->kind == B_ROWS)
        {
          if (block->role == R_CONTENTS)
            prepare_contents (self, block);
          total += block->rows->len;
        }
      else
        total++;
    }

  cur.orientation = CUSTOS_ORIENTATION_PORTRAIT;
  start_page (self, &cur);
  for (guint b = 0; b < self->blocks->len; b++)
    {
      Block *block = g_ptr_array_index (self->blocks, b);

      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        {
          book_invalidate (self);
          return FALSE;
        }

      switch (block->kind)
        {
        case B_PAGE_BREAK:
          if (cur.empty)
            {
              /* Turn the empty page instead of leaving it blank. */
              g_array_set_size (self->pages, self->pages->len - 1);
              cur.orientation = block->orientation;
              start_page (self, &cur);
            }
          else
            {
              cur.orientation = block->orientation;
              start_page (self, &cur);
            }
          break;
        case B_COVER:
          if (!cur.empty)
            start_page (self, &cur);
          place (self, &cur, b, 0, 0, 0, 0);
          cur.y = cur.bottom;
          break;
        case B_SPACE:
          if (!cur.empty)
            cur.y += block->height;
          break;
        case B_FIGURE:
          place_figure (self, &cur, b);
          break;
        case B_ROWS:
        default:
          place_rows (self, &cur, b);
          break;
        }

      done += block->kind == B_ROWS ? block->rows->len : 1;
      if (progress != NULL && done - last_report > 200)
        {
          progress (total > 0 ? (double) done / total : 1.0, user_data);
          last_report = done;
        }
    }

  /* A trailing empty page (a page break at the end) is dropped. */
  if (cur.empty && self->pages->len > 1)
    g_array_set_size (self->pages, self->pages->len - 1);

  self->paginated = TRUE;
  if (progress != NULL)
    progress (1.0, user_data);
  return TRUE;
}

guint
custos_report_book_get_n_pages (CustosReportBook *self)
{
  g_return_val_if_fail (CUSTOS_IS_REPORT_BOOK (self), 0);
  g_return_val_if_fail (self->paginated, 0);
  return self->pages->len;
}

void
custos_report_book_get_page_size_of (CustosReportBook  *self,
                                     guint              page,
                                     double            *width,
                                     double            *height,
                                     CustosOrientation *orientation)
{
  const Page *p;
  double w, h;

  g_return_if_fail (CUSTOS_IS_REPORT_BOOK (self));
  g_return_if_fail (self->paginated && page < self->pages->len);

  p = &g_array_index (self->pages, Page, page);
  book_page_box (self, p->orientation, &w, &h);
  if (width != NULL)
    *width = w;
  if (height != NULL)
    *height = h;
  if (orientation != NULL)
    *orientation = p->orientation;
}

guint
custos_report_book_get_heading_page (CustosReportBook *self,
                                     guint             heading)
{
  g_return_val_if_fail (CUSTOS_IS_REPORT_BOOK (self), 0);
  g_return_val_if_fail (heading < self->headings->len, 0);
  return g_array_index (self->headings, Heading, heading).page;
}
