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
 */
#include "config.h"

#include <langinfo.h>
#include <locale.h>
#include <math.h>
#include <string.h>

#include <cairo-pdf.h>
#include <glib/gi18n-lib.h>
#include <pango/pangocairo.h>

#include "custos-pdf-xref.h"
#include "custos-report-book.h"

/* Geometry (points) ------------------------------------------------------ */

#define MARGIN_X        56.0
#define MARGIN_TOP      68.0
#define MARGIN_BOTTOM   62.0
#define HEADER_TEXT_Y   32.0
#define HEADER_RULE_Y   47.0
#define FOOTER_RULE_UP  46.0   /* from the bottom edge */
#define FOOTER_TEXT_UP  38.0
#define EPS             0.01
#define CHIP_PAD_X      4.0
#define CHIP_PAD_Y      1.4
#define MIN_SPLIT_SPACE 30.0   /* a paragraph is split only with this much room left */

#define FONT_FAMILY "Cantarell, DejaVu Sans, Noto Sans, sans-serif"

/* Colours */
#define INK          0x1f2328
#define MUTED        0x5f6670
#define ACCENT       0x1c4f8a
#define ACCENT_LIGHT 0xe9eff7
#define RULE         0xd9dce1
#define RULE_STRONG  0x3b424d
#define ZEBRA        0xf5f7f9
#define ALERT        0xb3261e

typedef enum
{
  ST_BODY,
  ST_TABLE,
  ST_TABLE_SMALL,
  ST_TABLE_HEAD,
  ST_H1,
  ST_H2,
  ST_H3,
  ST_CAPTION,
  ST_RUNNING,
  ST_COVER_TITLE,
  ST_COVER_SUBTITLE,
  ST_COVER_ORG,
  ST_COVER_LABEL,
  ST_COVER_VALUE,
  ST_TOC1,
  ST_TOC2,
  ST_SIGN_ROLE,
  ST_SIGN_TEXT,
  N_STYLES
} Style;

static const struct
{
  double      size;
  PangoWeight weight;
  double      spacing;   /* line spacing factor, 0 for the font's */
  double      tracking;  /* letter spacing in points */
} styles[N_STYLES] = {
  [ST_BODY]           = {  9.5, PANGO_WEIGHT_NORMAL,   1.32, 0 },
  [ST_TABLE]          = {  8.0, PANGO_WEIGHT_NORMAL,   1.18, 0 },
  [ST_TABLE_SMALL]    = {  7.2, PANGO_WEIGHT_NORMAL,   1.15, 0 },
  [ST_TABLE_HEAD]     = {  6.6, PANGO_WEIGHT_BOLD,     1.1,  0.45 },
  [ST_H1]             = { 17.0, PANGO_WEIGHT_BOLD,     1.1,  0 },
  [ST_H2]             = { 12.0, PANGO_WEIGHT_BOLD,     1.15, 0 },
  [ST_H3]             = {  9.8, PANGO_WEIGHT_BOLD,     1.15, 0 },
  [ST_CAPTION]        = {  7.8, PANGO_WEIGHT_NORMAL,   1.2,  0 },
  [ST_RUNNING]        = {  7.2, PANGO_WEIGHT_NORMAL,   0,    0 },
  [ST_COVER_TITLE]    = { 30.0, PANGO_WEIGHT_BOLD,     1.05, 0 },
  [ST_COVER_SUBTITLE] = { 13.0, PANGO_WEIGHT_NORMAL,   1.2,  0 },
  [ST_COVER_ORG]      = { 15.0, PANGO_WEIGHT_BOLD,     1.2,  0 },
  [ST_COVER_LABEL]    = {  6.8, PANGO_WEIGHT_BOLD,     1.1,  0.5 },
  [ST_COVER_VALUE]    = {  9.5, PANGO_WEIGHT_NORMAL,   1.2,  0 },
  [ST_TOC1]           = {  9.5, PANGO_WEIGHT_BOLD,     1.2,  0 },
  [ST_TOC2]           = {  9.0, PANGO_WEIGHT_NORMAL,   1.2,  0 },
  [ST_SIGN_ROLE]      = {  8.0, PANGO_WEIGHT_BOLD,     1.15, 0 },
  [ST_SIGN_TEXT]      = {  8.0, PANGO_WEIGHT_NORMAL,   1.15, 0 },
};

/* The book ------------------------------------------------------------- */

typedef enum
{
  B_ROWS,
  B_FIGURE,
  B_SPACE,
  B_PAGE_BREAK,
  B_COVER,
} BlockKind;

typedef enum
{
  R_TABLE,
  R_PARAGRAPH,
  R_HEADING,
  R_BULLETS,
  R_CONTENTS,
  R_SIGNATURES,
} RowsRole;

typedef struct
{
  char    *text;
  guint16  flags;
  guint32  colour;
} Cell;

typedef struct
{
  Cell   *cells;     /* n_columns of them, or one for a group row */
  float   height;    /* measured at the block's measured_width */
  guint8  group;     /* a shaded full-width row */
  guint8  span;      /* a plain full-width row */
  guint8  cont;      /* continues the row above: same shade, no rule between */
  guint8  cont_end;  /* the last row of such a run */
  guint8  pair;      /* a label and a value under the record above */
  guint8  keep;
  guint8  zebra;
  guint8  splittable;
  int     ref;       /* contents rows: the heading */
} Row;

struct _CustosReportTable
{
  BlockKind          kind;
  RowsRole           role;
  guint              n_columns;
  double            *weights;
  gboolean           has_header;
  Row                header;
  GArray            *rows;       /* Row */
  CustosTableFlags   flags;
  guint              level;      /* headings */
  int                heading;    /* headings: index, else -1 */
  double             space_before;
  double             space_after;
  double             measured_width;
  guint              zebra_counter;
  /* column widths: fit (weight 0) and minimum (header words) widths, then
   * the x and width of every column for col_width */
  double            *fit;
  double            *min;
  double             col_width;
  double            *col_x;
  double            *col_w;
  /* figures */
  double             height;
  CustosReportDrawFunc draw;
  gpointer           draw_data;
  GDestroyNotify     draw_destroy;
  char              *caption;
  double             caption_height;
  /* page breaks */
  CustosOrientation  orientation;
  /* cover */
  char             **labels;
  char             **values;
};
typedef struct _CustosReportTable Block;

typedef struct
{
  guint    level;
  char    *number;
  char    *text;
  gboolean in_contents;
  guint    page;
} Heading;

typedef struct
{
  guint  block;
  int    row;     /* -1: the block's header row */
  float  y;
  float  start;   /* slice of the row, in row coordinates */
  float  end;
  float  lead;    /* extra space above a continued slice */
} Placement;

typedef struct
{
  CustosOrientation orientation;
  guint             first;
  guint             n;
} Page;

struct _CustosReportBook
{
  GObject               parent_instance;

  PangoFontMap         *font_map;
  PangoContext         *context;
  PangoFontDescription *fonts[N_STYLES];
  PangoFontDescription *bold_fonts[N_STYLES];
  GHashTable           *layouts;      /* LayoutKey → PangoLayout */
  PangoAttrList        *tracking[N_STYLES];
  double                line_height[N_STYLES];

  double                page_width;   /* portrait */
  double                page_height;

  char                 *title;
  char                 *subtitle;
  char                 *organisation;
  char                 *classification;
  char                 *version;
  char                 *date;
  char                 *author;
  char                 *subject;
  char                 *keywords;
  char                 *creator;
  char                 *create_date;

  GPtrArray            *blocks;       /* Block */
  GArray               *headings;     /* Heading */
  CustosOrientation     orientation;  /* of the blocks being added */

  gboolean              paginated;
  GArray               *pages;        /* Page */
  GArray               *placements;   /* Placement */
};

/* Short texts recur (enum labels, owners, dates, chips): their layouts are
 * kept and shared, which saves most of the shaping of a large register. */
#define CACHE_MAX_TEXT    48
#define CACHE_MAX_ENTRIES 16384

typedef struct
{
  char   *text;
  guint32 style;     /* style << 16 | flags << 2 | alignment */
  gint32  width;     /* 1/64 pt */
} LayoutKey;

static guint
layout_key_hash (gconstpointer p)
{
  const LayoutKey *k = p;
  return g_str_hash (k->text) ^ (k->style * 2654435761u) ^ ((guint) k->width * 40503u);
}

static gboolean
layout_key_equal (gconstpointer a,
                  gconstpointer b)
{
  const LayoutKey *x = a, *y = b;
  return x->style == y->style && x->width == y->width && strcmp (x->text, y->text) == 0;
}

static void
layout_key_free (gpointer p)
{
  LayoutKey *k = p;
  g_free (k->text);
  g_free (k);
}

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
  g_array_unref (self->headings);
  g_array_unref (self->pages);
  g_array_unref (self->placements);
  g_hash_table_unref (self->layouts);
  for (guint i = 0; i < N_STYLES; i++)
    {
      pango_font_description_free (self->fonts[i]);
      pango_font_description_free (self->bold_fonts[i]);
      if (self->tracking[i] != NULL)
        pango_attr_list_unref (self->tracking[i]);
    }
  g_object_unref (self->context);
  g_object_unref (self->font_map);
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
  cairo_font_options_t *options = cairo_font_options_create ();

  /* Unhinted metrics at 72 dpi: one layout for every surface and scale. */
  self->font_map = pango_cairo_font_map_new ();
  pango_cairo_font_map_set_resolution (PANGO_CAIRO_FONT_MAP (self->font_map), 72.0);
  self->context = pango_font_map_create_context (self->font_map);
  cairo_font_options_set_hint_metrics (options, CAIRO_HINT_METRICS_OFF);
  cairo_font_options_set_hint_style (options, CAIRO_HINT_STYLE_NONE);
  pango_cairo_context_set_font_options (self->context, options);
  cairo_font_options_destroy (options);
  pango_context_set_round_glyph_positions (self->context, FALSE);

  for (guint i = 0; i < N_STYLES; i++)
    {
      g_autoptr(PangoLayout) probe = NULL;
      PangoRectangle logical;

      self->fonts[i] = pango_font_description_from_string (FONT_FAMILY);
      pango_font_description_set_absolute_size (self->fonts[i], styles[i].size * PANGO_SCALE);
      pango_font_description_set_weight (self->fonts[i], styles[i].weight);
      self->bold_fonts[i] = pango_font_description_copy (self->fonts[i]);
      pango_font_description_set_weight (self->bold_fonts[i], PANGO_WEIGHT_BOLD);
      if (styles[i].tracking > 0)
        {
          self->tracking[i] = pango_attr_list_new ();
          pango_attr_list_insert (self->tracking[i],
                                  pango_attr_letter_spacing_new ((int) (styles[i].tracking * PANGO_SCALE)));
        }
      probe = pango_layout_new (self->context);
      pango_layout_set_font_description (probe, self->fonts[i]);
      pango_layout_set_text (probe, "Ag", -1);
      pango_layout_get_extents (probe, NULL, &logical);
      self->line_height[i] = logical.height / (double) PANGO_SCALE;
    }

  self->layouts = g_hash_table_new_full (layout_key_hash, layout_key_equal, layout_key_free, g_object_unref);
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

static void
invalidate (CustosReportBook *self)
{
  self->paginated = FALSE;
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
  invalidate (self);
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
  invalidate (self);
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

static Row *
append_row (Block *block,
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
  row = append_row (block, 1);
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
  row = append_row (block, 1);
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
      Row *row = append_row (block, 2);

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
      Row *row = append_row (block, 2);

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

  row = append_row (table, table->n_columns);
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

  row = append_row (table, 1);
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

  row = append_row (table, 1);
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

  row = append_row (table, 2);
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
      Row *row = append_row (block, 4);

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

/* Measuring -------------------------------------------------------------- */

static void
page_box (CustosReportBook  *self,
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
static void
columns (Block  *block,
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

static Style
cell_style (CustosReportBook *self,
            const Block      *block,
            const Row        *row,
            guint             column,
            gboolean          header,
            const Cell       *cell)
{
  switch (block->role)
    {
    case R_HEADING:
      return block->level == 1 ? ST_H1 : block->level == 2 ? ST_H2 : ST_H3;
    case R_PARAGRAPH:
    case R_BULLETS:
      return (cell->flags & CUSTOS_CELL_SMALL) ? ST_CAPTION : ST_BODY;
    case R_CONTENTS:
      {
        const Heading *h = &g_array_index (self->headings, Heading, row->ref);
        return h->level == 1 ? ST_TOC1 : ST_TOC2;
      }
    case R_SIGNATURES:
      return (column % 2) == 0 ? ST_SIGN_ROLE : ST_SIGN_TEXT;
    case R_TABLE:
    default:
      if (header)
        return ST_TABLE_HEAD;
      if ((block->flags & CUSTOS_TABLE_COMPACT) || (cell->flags & CUSTOS_CELL_SMALL) || row->pair ||
          ((block->flags & CUSTOS_TABLE_KEY_VALUE) && column == 0 && !row->group))
        return ST_TABLE_SMALL;
      return ST_TABLE;
    }
}

static PangoLayout *
new_layout (CustosReportBook *self,
            Style             style,
            guint             flags,
            const char       *text,
            double            width,
            PangoAlignment    alignment)
{
  PangoLayout *layout = pango_layout_new (self->context);

  if (flags & CUSTOS_CELL_BOLD)
    pango_layout_set_font_description (layout, self->bold_fonts[style]);
  else
    pango_layout_set_font_description (layout, self->fonts[style]);
  if (styles[style].spacing > 0)
    pango_layout_set_line_spacing (layout, (float) styles[style].spacing);
  if (width > 0)
    {
      pango_layout_set_width (layout, (int) floor (width * PANGO_SCALE));
      pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
    }
  pango_layout_set_alignment (layout, alignment);
  if (flags & CUSTOS_CELL_MARKUP)
    pango_layout_set_markup (layout, text, -1);
  else
    {
      pango_layout_set_text (layout, text, -1);
      if (self->tracking[style] != NULL)
        pango_layout_set_attributes (layout, self->tracking[style]);
    }
  return layout;
}

/* A layout of text in a style; the caller owns a reference and must not
 * change it (it may be shared). */
static PangoLayout *
make_layout (CustosReportBook *self,
             Style             style,
             guint             flags,
             const char       *text,
             double            width,
             PangoAlignment    alignment)
{
  LayoutKey key, *stored;
  PangoLayout *layout;

  if (strlen (text) > CACHE_MAX_TEXT)
    return new_layout (self, style, flags, text, width, alignment);

  key.text = (char *) text;
  key.style = ((guint32) style << 16) | ((flags & 0x3fff) << 2) | (guint32) alignment;
  key.width = width > 0 ? (gint32) lround (width * 64) : -1;
  layout = g_hash_table_lookup (self->layouts, &key);
  if (layout != NULL)
    return g_object_ref (layout);

  if (g_hash_table_size (self->layouts) >= CACHE_MAX_ENTRIES)
    g_hash_table_remove_all (self->layouts);
  layout = new_layout (self, style, flags, text, width, alignment);
  stored = g_new (LayoutKey, 1);
  *stored = key;
  stored->text = g_strdup (text);
  g_hash_table_insert (self->layouts, stored, g_object_ref (layout));
  return layout;
}

static PangoAlignment
cell_alignment (guint flags)
{
  if (flags & CUSTOS_CELL_RIGHT)
    return PANGO_ALIGN_RIGHT;
  if (flags & CUSTOS_CELL_CENTER)
    return PANGO_ALIGN_CENTER;
  return PANGO_ALIGN_LEFT;
}

/* The box a cell's text goes in, relative to the row. */
typedef struct
{
  double x, width;     /* the text's box */
  double top;          /* text origin below the row top */
  double cell_x, cell_width;
} CellBox;

static const Cell *
row_cell (const Block *block,
          const Row   *row,
          guint        column)
{
  if (row->group || row->span)
    return column == 0 ? &row->cells[0] : NULL;
  if (row->pair)
    return column < 2 ? &row->cells[column] : NULL;
  return &row->cells[column];
}

static guint
row_n_cells (const Block *block,
             const Row   *row)
{
  return (row->group || row->span) ? 1 : row->pair ? 2 : block->n_columns;
}

static void
cell_box (CustosReportBook *self,
          const Block      *block,
          const Row        *row,
          gboolean          header,
          guint             column,
          double            width,
          CellBox          *box)
{
  double xs[16], ws[16], px, top, bottom;
  const Cell *cell = row_cell (block, row, column);

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

      columns ((Block *) block, width, xs, ws);
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
      columns ((Block *) block, width, xs, ws);
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

static PangoLayout *
cell_layout (CustosReportBook *self,
             const Block      *block,
             const Row        *row,
             gboolean          header,
             guint             column,
             double            width,
             CellBox          *box)
{
  const Cell *cell = row_cell (block, row, column);
  Style style;

  if (cell == NULL || cell->text == NULL)
    return NULL;
  cell_box (self, block, row, header, column, width, box);
  style = cell_style (self, block, row, column, header, cell);
  return make_layout (self, style, cell->flags, cell->text, box->width, cell_alignment (cell->flags));
}

static double
figure_height (CustosReportBook *self,
               Block            *block,
               double            width,
               double            page_content_height)
{
  if (block->caption != NULL && block->caption_height <= 0)
    {
      g_autoptr(PangoLayout) layout = make_layout (self, ST_CAPTION, 0, block->caption, width, PANGO_ALIGN_CENTER);
      PangoRectangle logical;

      pango_layout_get_extents (layout, NULL, &logical);
      block->caption_height = logical.height / (double) PANGO_SCALE + 6;
    }
  return MIN (block->height, page_content_height - block->caption_height) + block->caption_height;
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
  for (guint c = 0; c < row_n_cells (block, row); c++)
    {
      CellBox box;
      g_autoptr(PangoLayout) layout = cell_layout (self, block, row, header, c, width, &box);
      const Cell *cell = row_cell (block, row, c);
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
          const Cell *name = row_cell (block, row, c + 1);
          double name_h = self->line_height[ST_SIGN_TEXT] * 1.15;

          if (name != NULL && name->text != NULL)
            {
              CellBox nb;
              g_autoptr(PangoLayout) nl = cell_layout (self, block, row, header, c + 1, width, &nb);
              PangoRectangle nr;

              pango_layout_get_extents (nl, NULL, &nr);
              name_h = nr.height / (double) PANGO_SCALE;
            }
          h += 40 + 4 + name_h + 22 + self->line_height[ST_SIGN_TEXT];
        }
      height = MAX (height, h);
    }
  if (!any)
    {
      Cell empty = { NULL, 0, 0 };
      Style style = cell_style (self, block, row, 0, header, row->group ? &row->cells[0] : &empty);
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
      row = append_row (block, 3);
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
  g_autoptr(PangoLayout) layout = make_layout (self, style, flags, text, -1, PANGO_ALIGN_LEFT);
  PangoRectangle logical;

  pango_layout_get_extents (layout, NULL, &logical);
  return logical.width / (double) PANGO_SCALE;
}

/* The widths columns need whatever the page: fit columns (weight 0) their
 * widest cell, every column the longest word of its header. */
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
      g_autoptr(GHashTable) seen = NULL;

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
          w = natural_width (self, cell_style (self, block, row, c, FALSE, cell), cell->flags, cell->text) + 2 * px + 0.5;
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

/* Valid places to cut a tall row: y positions (row coordinates) that cross
 * no line of any cell. */
static GArray *
row_cuts (CustosReportBook *self,
          const Block      *block,
          const Row        *row,
          double            width)
{
  g_autoptr(GArray) bounds = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) lines = g_array_new (FALSE, FALSE, sizeof (double)); /* top, bottom pairs */
  GArray *cuts = g_array_new (FALSE, FALSE, sizeof (double));

  for (guint c = 0; c < row_n_cells (block, row); c++)
    {
      CellBox box;
      g_autoptr(PangoLayout) layout = cell_layout (self, block, row, FALSE, c, width, &box);
      PangoLayoutIter *iter;

      if (layout == NULL)
        continue;
      iter = pango_layout_get_iter (layout);
      do
        {
          PangoRectangle logical;
          double top, bottom;

          pango_layout_iter_get_line_extents (iter, NULL, &logical);
          top = box.top + logical.y / (double) PANGO_SCALE;
          bottom = top + logical.height / (double) PANGO_SCALE;
          g_array_append_val (bounds, top);
          g_array_append_val (bounds, bottom);
          g_array_append_val (lines, top);
          g_array_append_val (lines, bottom);
        }
      while (pango_layout_iter_next_line (iter));
      pango_layout_iter_free (iter);
    }

  for (guint i = 0; i < bounds->len; i++)
    {
      double y = g_array_index (bounds, double, i);
      gboolean ok = y > EPS && y < row->height - EPS;

      for (guint k = 0; ok && k < lines->len; k += 2)
        if (g_array_index (lines, double, k) < y - EPS && g_array_index (lines, double, k + 1) > y + EPS)
          ok = FALSE;
      if (ok)
        g_array_append_val (cuts, y);
    }
  g_array_sort (cuts, compare_doubles);
  return cuts;
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
  page_box (self, cur->orientation, &w, &h);
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
  for (guint n = b + 1; n < self->blocks->len; n++)
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
          return next->space_before + (next->has_header ? next->header.height : 0) + unit_from (next, 0);
        case B_PAGE_BREAK:
        case B_COVER:
        default:
          return 0;
        }
    }
  return 0;
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
            double room, cut = -1;

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
            for (guint k = 0; k < cuts->len; k++)
              {
                double c = g_array_index (cuts, double, k);
                if (c > start + EPS && c <= start + room + EPS)
                  cut = MAX (cut, c);
              }
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
  invalidate (self);

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
          invalidate (self);
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
  page_box (self, p->orientation, &w, &h);
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

/* Drawing ---------------------------------------------------------------- */

static void
set_rgb (cairo_t *cr,
         guint32  rgb)
{
  cairo_set_source_rgb (cr, ((rgb >> 16) & 0xff) / 255.0, ((rgb >> 8) & 0xff) / 255.0, (rgb & 0xff) / 255.0);
}

static double
luminance (guint32 rgb)
{
  double c[3] = { ((rgb >> 16) & 0xff) / 255.0, ((rgb >> 8) & 0xff) / 255.0, (rgb & 0xff) / 255.0 };

  for (int i = 0; i < 3; i++)
    c[i] = c[i] <= 0.03928 ? c[i] / 12.92 : pow ((c[i] + 0.055) / 1.055, 2.4);
  return 0.2126 * c[0] + 0.7152 * c[1] + 0.0722 * c[2];
}

static void
rounded_rect (cairo_t *cr,
              double   x,
              double   y,
              double   w,
              double   h,
              double   r)
{
  r = MIN (r, MIN (w, h) / 2);
  cairo_new_sub_path (cr);
  cairo_arc (cr, x + w - r, y + r, r, -G_PI / 2, 0);
  cairo_arc (cr, x + w - r, y + h - r, r, 0, G_PI / 2);
  cairo_arc (cr, x + r, y + h - r, r, G_PI / 2, G_PI);
  cairo_arc (cr, x + r, y + r, r, G_PI, 3 * G_PI / 2);
  cairo_close_path (cr);
}

static void
hline (cairo_t *cr,
       double   x0,
       double   x1,
       double   y,
       double   width,
       guint32  rgb)
{
  set_rgb (cr, rgb);
  cairo_set_line_width (cr, width);
  cairo_move_to (cr, x0, y);
  cairo_line_to (cr, x1, y);
  cairo_stroke (cr);
}

/* Shows the lines of a layout that fall in [start, end) of the row; origin is
 * where the row's top would be. */
static void
show_lines (cairo_t     *cr,
            PangoLayout *layout,
            double       x,
            double       text_top,
            double       row_origin,
            double       start,
            double       end)
{
  PangoLayoutIter *iter;

  if (start <= EPS && end >= G_MAXFLOAT / 2)
    {
      cairo_move_to (cr, x, row_origin + text_top);
      pango_cairo_show_layout (cr, layout);
      return;
    }
  iter = pango_layout_get_iter (layout);
  do
    {
      PangoRectangle logical;
      double top, bottom;

      pango_layout_iter_get_line_extents (iter, NULL, &logical);
      top = text_top + logical.y / (double) PANGO_SCALE;
      bottom = top + logical.height / (double) PANGO_SCALE;
      if (top >= start - EPS && bottom <= end + EPS)
        {
          PangoLayoutLine *line = pango_layout_iter_get_line_readonly (iter);
          double baseline = text_top + pango_layout_iter_get_baseline (iter) / (double) PANGO_SCALE;

          cairo_move_to (cr, x + logical.x / (double) PANGO_SCALE, row_origin + baseline);
          pango_cairo_show_layout_line (cr, line);
        }
    }
  while (pango_layout_iter_next_line (iter));
  pango_layout_iter_free (iter);
}

static guint32
text_colour (guint flags)
{
  if (flags & CUSTOS_CELL_ALERT)
    return ALERT;
  if (flags & CUSTOS_CELL_MUTED)
    return MUTED;
  return INK;
}

static void
draw_signature_row (CustosReportBook *self,
                    cairo_t          *cr,
                    const Block      *block,
                    const Row        *row,
                    double            x0,
                    double            y,
                    double            width)
{
  for (guint c = 0; c + 1 < block->n_columns; c += 2)
    {
      CellBox box;
      g_autoptr(PangoLayout) role = cell_layout (self, block, row, FALSE, c, width, &box);
      g_autoptr(PangoLayout) name = NULL;
      PangoRectangle logical;
      double ty, line_y;

      if (role == NULL)
        continue;
      /* A thin frame of the box's top edge, then the role. */
      hline (cr, x0 + box.cell_x, x0 + box.cell_x + box.cell_width, y, 1.2, ACCENT);
      set_rgb (cr, INK);
      cairo_move_to (cr, x0 + box.x, y + 5);
      pango_cairo_show_layout (cr, role);
      pango_layout_get_extents (role, NULL, &logical);
      ty = y + 5 + logical.height / (double) PANGO_SCALE;

      /* Room to sign, the line, then the name. */
      line_y = ty + 40;
      hline (cr, x0 + box.x, x0 + box.x + box.width * 0.72, line_y, 0.6, RULE_STRONG);
      {
        g_autoptr(PangoLayout) label = make_layout (self, ST_CAPTION, 0, _("Signature"), 0, PANGO_ALIGN_LEFT);
        set_rgb (cr, MUTED);
        cairo_move_to (cr, x0 + box.x, line_y + 2);
        pango_cairo_show_layout (cr, label);
      }
      name = cell_layout (self, block, row, FALSE, c + 1, width, &box);
      ty = line_y + 4 + self->line_height[ST_CAPTION];
      if (name != NULL)
        {
          set_rgb (cr, INK);
          cairo_move_to (cr, x0 + box.x, ty);
          pango_cairo_show_layout (cr, name);
          pango_layout_get_extents (name, NULL, &logical);
          ty += logical.height / (double) PANGO_SCALE;
        }
      else
        ty += self->line_height[ST_SIGN_TEXT] * 1.15;
      {
        g_autoptr(PangoLayout) date = make_layout (self, ST_SIGN_TEXT, 0, _("Date:"), 0, PANGO_ALIGN_LEFT);
        PangoRectangle dr;

        pango_layout_get_extents (date, NULL, &dr);
        set_rgb (cr, MUTED);
        cairo_move_to (cr, x0 + box.x, ty + 14);
        pango_cairo_show_layout (cr, date);
        hline (cr, x0 + box.x + dr.width / (double) PANGO_SCALE + 4, x0 + box.x + box.width * 0.72,
               ty + 14 + self->line_height[ST_SIGN_TEXT] - 2, 0.4, RULE_STRONG);
      }
    }
}

static void
draw_contents_row (CustosReportBook *self,
                   cairo_t          *cr,
                   const Block      *block,
                   const Row        *row,
                   double            x0,
                   double            y,
                   double            width)
{
  const Heading *h = &g_array_index (self->headings, Heading, row->ref);
  CellBox nbox, tbox, pbox;
  g_autoptr(PangoLayout) number = cell_layout (self, block, row, FALSE, 0, width, &nbox);
  g_autoptr(PangoLayout) title = cell_layout (self, block, row, FALSE, 1, width, &tbox);
  g_autoptr(PangoLayout) page = NULL;
  g_autofree char *page_text = g_strdup_printf ("%u", h->page + 1);
  g_autofree char *attrs = NULL;
  PangoLayoutIter *iter;
  PangoRectangle last = { 0 };
  double baseline = 0, end_x, page_x;
  Style style = h->level == 1 ? ST_TOC1 : ST_TOC2;

  cell_box (self, block, row, FALSE, 2, width, &pbox);
  page = make_layout (self, style, h->level == 1 ? CUSTOS_CELL_BOLD : 0, page_text, pbox.width, PANGO_ALIGN_RIGHT);

  attrs = g_strdup_printf ("rect=[%d %d %d %d] dest='h%d'",
                           (int) floor (x0), (int) floor (y), (int) ceil (width), (int) ceil (row->height),
                           row->ref);
  cairo_tag_begin (cr, CAIRO_TAG_LINK, attrs);

  set_rgb (cr, h->level == 1 ? ACCENT : MUTED);
  if (number != NULL)
    {
      cairo_move_to (cr, x0 + nbox.x, y + nbox.top);
      pango_cairo_show_layout (cr, number);
    }
  set_rgb (cr, INK);
  cairo_move_to (cr, x0 + tbox.x, y + tbox.top);
  pango_cairo_show_layout (cr, title);
  cairo_move_to (cr, x0 + pbox.x, y + pbox.top);
  pango_cairo_show_layout (cr, page);

  /* Dotted leader from the end of the title's last line to the number. */
  iter = pango_layout_get_iter (title);
  do
    {
      pango_layout_iter_get_line_extents (iter, NULL, &last);
      baseline = pango_layout_iter_get_baseline (iter) / (double) PANGO_SCALE;
    }
  while (pango_layout_iter_next_line (iter));
  pango_layout_iter_free (iter);
  end_x = x0 + tbox.x + (last.x + last.width) / (double) PANGO_SCALE + 5;
  {
    PangoRectangle pr;
    pango_layout_get_extents (page, NULL, &pr);
    page_x = x0 + pbox.x + pr.x / (double) PANGO_SCALE - 5;
  }
  if (page_x - end_x > 6)
    {
      double dash[] = { 0.01, 3.2 };

      cairo_save (cr);
      set_rgb (cr, 0x9aa0a8);
      cairo_set_line_width (cr, 0.9);
      cairo_set_line_cap (cr, CAIRO_LINE_CAP_ROUND);
      cairo_set_dash (cr, dash, 2, 0);
      cairo_move_to (cr, end_x, y + tbox.top + baseline - 0.8);
      cairo_line_to (cr, page_x, y + tbox.top + baseline - 0.8);
      cairo_stroke (cr);
      cairo_restore (cr);
    }
  cairo_tag_end (cr, CAIRO_TAG_LINK);
}

static void
draw_row (CustosReportBook *self,
          cairo_t          *cr,
          const Block      *block,
          int               r,
          const Placement  *p,
          double            x0,
          double            width)
{
  gboolean header = r < 0;
  const Row *row = header ? &block->header : &g_array_index (block->rows, Row, r);
  double piece = p->end - p->start + p->lead;
  double origin = p->y + p->lead - p->start;   /* where the row's top would be */
  gboolean whole = p->start <= EPS && p->end >= row->height - EPS;
  double rule_width = width;

  if (block->role == R_CONTENTS)
    {
      draw_contents_row (self, cr, block, row, x0, p->y, width);
      return;
    }
  if (block->role == R_SIGNATURES)
    {
      draw_signature_row (self, cr, block, row, x0, p->y, width);
      return;
    }

  /* A table of fixed and fitted columns only may be narrower than the text. */
  if (block->role == R_TABLE && block->n_columns <= 16)
    {
      double xs[16], ws[16];

      columns ((Block *) block, width, xs, ws);
      rule_width = MIN (width, xs[block->n_columns - 1] + ws[block->n_columns - 1]);
    }

  /* Backgrounds */
  if (row->group)
    {
      set_rgb (cr, ACCENT_LIGHT);
      cairo_rectangle (cr, x0, p->y + 1.5, rule_width, piece - 1.5);
      cairo_fill (cr);
    }
  else if (!header && row->zebra && (block->flags & CUSTOS_TABLE_ZEBRA))
    {
      set_rgb (cr, ZEBRA);
      cairo_rectangle (cr, x0, p->y, rule_width, piece);
      cairo_fill (cr);
    }

  if (block->heading >= 0)
    {
      g_autofree char *attrs = g_strdup_printf ("name='h%d' x=%d y=%d", block->heading,
                                                (int) floor (x0), (int) floor (MAX (p->y - 8, 0)));
      cairo_tag_begin (cr, CAIRO_TAG_DEST, attrs);
    }

  for (guint c = 0; c < row_n_cells (block, row); c++)
    {
      CellBox box;
      g_autoptr(PangoLayout) layout = cell_layout (self, block, row, header, c, width, &box);
      const Cell *cell = row_cell (block, row, c);

      if (layout == NULL)
        continue;
      if ((cell->flags & CUSTOS_CELL_CHIP) && whole)
        {
          PangoRectangle ink, logical;
          double cw, ch;

          pango_layout_get_extents (layout, &ink, &logical);
          cw = MIN (logical.width / (double) PANGO_SCALE + 2 * CHIP_PAD_X, box.width + 2 * CHIP_PAD_X);
          ch = logical.height / (double) PANGO_SCALE + 2 * CHIP_PAD_Y;
          set_rgb (cr, cell->colour);
          rounded_rect (cr, x0 + box.x - CHIP_PAD_X + logical.x / (double) PANGO_SCALE,
                        origin + box.top - CHIP_PAD_Y, cw, ch, 3.0);
          cairo_fill (cr);
          if (luminance (cell->colour) > 0.36)
            set_rgb (cr, 0x141418);
          else
            cairo_set_source_rgb (cr, 1, 1, 1);
        }
      else if (header)
        set_rgb (cr, 0x4a515c);
      else if (block->role == R_HEADING && block->level == 1)
        set_rgb (cr, INK);
      else
        set_rgb (cr, text_colour (cell->flags));
      show_lines (cr, layout, x0 + box.x, box.top, origin, whole ? 0 : p->start,
                  whole ? G_MAXFLOAT : p->end);
    }

  if (block->heading >= 0)
    cairo_tag_end (cr, CAIRO_TAG_DEST);

  /* Rules */
  if (header)
    hline (cr, x0, x0 + rule_width, p->y + piece - 0.4, 0.8, RULE_STRONG);
  else if (block->role == R_HEADING && block->level == 1)
    hline (cr, x0, x0 + width, p->y + piece + 5, 0.7, ACCENT);
  else if ((block->flags & CUSTOS_TABLE_RULES) &&
           !(r + 1 < (int) block->rows->len && g_array_index (block->rows, Row, r + 1).cont && p->end >= row->height - EPS))
    hline (cr, x0, x0 + rule_width, p->y + piece - 0.25, 0.5, RULE);
}

static void
draw_figure (CustosReportBook *self,
             cairo_t          *cr,
             Block            *block,
             const Placement  *p,
             double            x0,
             double            width)
{
  double fig_h = p->end - p->start - block->caption_height;

  cairo_save (cr);
  cairo_translate (cr, x0, p->y);
  cairo_rectangle (cr, 0, 0, width, fig_h);
  cairo_clip (cr);
  block->draw (cr, width, fig_h, block->draw_data);
  cairo_restore (cr);
  if (block->caption != NULL)
    {
      g_autoptr(PangoLayout) layout = make_layout (self, ST_CAPTION, 0, block->caption, width, PANGO_ALIGN_CENTER);

      set_rgb (cr, MUTED);
      cairo_move_to (cr, x0, p->y + fig_h + 6);
      pango_cairo_show_layout (cr, layout);
    }
}

static void
show_text (CustosReportBook *self,
           cairo_t          *cr,
           Style             style,
           guint             flags,
           const char       *text,
           double            x,
           double            y,
           double            width,
           PangoAlignment    alignment,
           guint32           colour)
{
  g_autoptr(PangoLayout) layout = NULL;

  if (text == NULL || *text == '\0')
    return;
  layout = make_layout (self, style, flags, text, width, alignment);
  set_rgb (cr, colour);
  cairo_move_to (cr, x, y);
  pango_cairo_show_layout (cr, layout);
}

static double
layout_height (PangoLayout *layout)
{
  PangoRectangle logical;

  pango_layout_get_extents (layout, NULL, &logical);
  return logical.height / (double) PANGO_SCALE;
}

static void
draw_cover (CustosReportBook *self,
            cairo_t          *cr,
            const Block      *block,
            double            page_w,
            double            page_h)
{
  double x = MARGIN_X + 8, w = page_w - 2 * MARGIN_X - 16, y;

  /* A band of colour down the left edge, the way a bound report looks. */
  set_rgb (cr, ACCENT);
  cairo_rectangle (cr, 0, 0, 18, page_h);
  cairo_fill (cr);

  show_text (self, cr, ST_COVER_LABEL, 0, self->organisation, x, 92, w, PANGO_ALIGN_LEFT, MUTED);

  y = page_h * 0.27;
  hline (cr, x, x + 48, y, 3.0, ACCENT);
  y += 18;
  {
    g_autoptr(PangoLayout) title = make_layout (self, ST_COVER_TITLE, 0, self->title ? self->title : "", w,
                                                PANGO_ALIGN_LEFT);
    set_rgb (cr, INK);
    cairo_move_to (cr, x, y);
    pango_cairo_show_layout (cr, title);
    y += layout_height (title) + 10;
  }
  if (self->subtitle != NULL)
    {
      g_autoptr(PangoLayout) sub = make_layout (self, ST_COVER_SUBTITLE, 0, self->subtitle, w, PANGO_ALIGN_LEFT);
      set_rgb (cr, MUTED);
      cairo_move_to (cr, x, y);
      pango_cairo_show_layout (cr, sub);
      y += layout_height (sub) + 26;
    }
  if (self->organisation != NULL)
    {
      g_autoptr(PangoLayout) org = make_layout (self, ST_COVER_ORG, 0, self->organisation, w, PANGO_ALIGN_LEFT);
      set_rgb (cr, ACCENT);
      cairo_move_to (cr, x, y);
      pango_cairo_show_layout (cr, org);
    }

  /* The document's particulars in two columns near the foot of the page. */
  if (block->labels != NULL)
    {
      guint n = g_strv_length (block->labels);
      double col_w = (w - 24) / 2, row_y[2], start = page_h * 0.64;

      row_y[0] = row_y[1] = start;
      hline (cr, x, x + w, start - 14, 0.5, RULE);
      for (guint i = 0; i < n; i++)
        {
          guint col = i < (n + 1) / 2 ? 0 : 1;
          double cx = x + col * (col_w + 24);
          const char *value = block->values != NULL && i < g_strv_length (block->values) ? block->values[i] : NULL;
          g_autofree char *label = g_utf8_strup (block->labels[i], -1);
          g_autoptr(PangoLayout) ll = make_layout (self, ST_COVER_LABEL, 0, label, col_w, PANGO_ALIGN_LEFT);
          g_autoptr(PangoLayout) vl = make_layout (self, ST_COVER_VALUE, 0,
                                                   value && *value ? value : "—", col_w, PANGO_ALIGN_LEFT);

          set_rgb (cr, MUTED);
          cairo_move_to (cr, cx, row_y[col]);
          pango_cairo_show_layout (cr, ll);
          row_y[col] += layout_height (ll) + 2;
          set_rgb (cr, INK);
          cairo_move_to (cr, cx, row_y[col]);
          pango_cairo_show_layout (cr, vl);
          row_y[col] += layout_height (vl) + 12;
        }
    }
}

static void
draw_running (CustosReportBook *self,
              cairo_t          *cr,
              guint             page,
              double            page_w,
              double            page_h,
              gboolean          cover)
{
  double w = page_w - 2 * MARGIN_X;
  g_autofree char *page_text = g_strdup_printf (_("Page %u of %u"), page + 1, self->pages->len);
  g_autofree char *version = NULL;
  g_autofree char *classification = self->classification ? g_utf8_strup (self->classification, -1) : NULL;

  if (!cover)
    {
      show_text (self, cr, ST_RUNNING, 0, self->organisation, MARGIN_X, HEADER_TEXT_Y, w * 0.48,
                 PANGO_ALIGN_LEFT, MUTED);
      show_text (self, cr, ST_RUNNING, CUSTOS_CELL_BOLD, self->title, MARGIN_X + w * 0.5, HEADER_TEXT_Y, w * 0.5,
                 PANGO_ALIGN_RIGHT, 0x3b424d);
      hline (cr, MARGIN_X, MARGIN_X + w, HEADER_RULE_Y, 0.5, RULE);
    }

  hline (cr, MARGIN_X, MARGIN_X + w, page_h - FOOTER_RULE_UP, 0.5, RULE);
  if (classification != NULL)
    show_text (self, cr, ST_RUNNING, CUSTOS_CELL_BOLD, classification, MARGIN_X, page_h - FOOTER_TEXT_UP,
               w * 0.32, PANGO_ALIGN_LEFT, ACCENT);
  if (self->version != NULL && self->date != NULL)
    version = g_strdup_printf (_("Version %s · %s"), self->version, self->date);
  else if (self->version != NULL)
    version = g_strdup_printf (_("Version %s"), self->version);
  show_text (self, cr, ST_RUNNING, 0, version, MARGIN_X + w * 0.32, page_h - FOOTER_TEXT_UP, w * 0.36,
             PANGO_ALIGN_CENTER, MUTED);
  show_text (self, cr, ST_RUNNING, 0, page_text, MARGIN_X + w * 0.68, page_h - FOOTER_TEXT_UP, w * 0.32,
             PANGO_ALIGN_RIGHT, MUTED);
}

void
custos_report_book_draw_page (CustosReportBook *self,
                              cairo_t          *cr,
                              guint             page)
{
  const Page *p;
  double w, h;
  gboolean cover = FALSE;

  g_return_if_fail (CUSTOS_IS_REPORT_BOOK (self));
  g_return_if_fail (cr != NULL);
  g_return_if_fail (self->paginated && page < self->pages->len);

  p = &g_array_index (self->pages, Page, page);
  page_box (self, p->orientation, &w, &h);

  cairo_save (cr);
  for (guint i = 0; i < p->n; i++)
    {
      const Placement *pl = &g_array_index (self->placements, Placement, p->first + i);
      Block *block = g_ptr_array_index (self->blocks, pl->block);

      switch (block->kind)
        {
        case B_COVER:
          draw_cover (self, cr, block, w, h);
          cover = TRUE;
          break;
        case B_FIGURE:
          draw_figure (self, cr, block, pl, MARGIN_X, w - 2 * MARGIN_X);
          break;
        case B_ROWS:
          draw_row (self, cr, block, pl->row, pl, MARGIN_X, w - 2 * MARGIN_X);
          break;
        case B_SPACE:
        case B_PAGE_BREAK:
        default:
          break;
        }
    }
  draw_running (self, cr, page, w, h, cover);
  cairo_restore (cr);
}

/* PDF -------------------------------------------------------------------- */

static cairo_status_t
append_bytes (void                *closure,
              const unsigned char *data,
              unsigned int         length)
{
  g_byte_array_append (closure, data, length);
  return CAIRO_STATUS_SUCCESS;
}

static void
set_metadata (cairo_surface_t          *surface,
              cairo_pdf_metadata_t      key,
              const char               *value)
{
  if (value != NULL && *value != '\0')
    cairo_pdf_surface_set_metadata (surface, key, value);
}

GBytes *
custos_report_book_render_pdf (CustosReportBook         *self,
                               GCancellable             *cancellable,
                               CustosReportProgressFunc  progress,
                               gpointer                  user_data,
                               GError                  **error)
{
  g_autoptr(GByteArray) bytes = g_byte_array_new ();
  cairo_surface_t *surface;
  cairo_t *cr;
  cairo_status_t status;
  const char *create_date;
  int parents[4] = { CAIRO_PDF_OUTLINE_ROOT, CAIRO_PDF_OUTLINE_ROOT, CAIRO_PDF_OUTLINE_ROOT,
                     CAIRO_PDF_OUTLINE_ROOT };
  double w, h;

  g_return_val_if_fail (CUSTOS_IS_REPORT_BOOK (self), NULL);

  if (!self->paginated)
    {
      if (!custos_report_book_paginate (self, cancellable, NULL, NULL, error))
        return NULL;
    }
  if (progress != NULL)
    progress (0.0, user_data);

  custos_report_book_get_page_size_of (self, 0, &w, &h, NULL);
  surface = cairo_pdf_surface_create_for_stream (append_bytes, bytes, w, h);
  set_metadata (surface, CAIRO_PDF_METADATA_TITLE, self->title);
  set_metadata (surface, CAIRO_PDF_METADATA_AUTHOR, self->author);
  set_metadata (surface, CAIRO_PDF_METADATA_SUBJECT, self->subject);
  set_metadata (surface, CAIRO_PDF_METADATA_KEYWORDS, self->keywords);
  set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, self->creator);
  create_date = self->create_date ? self->create_date : g_getenv ("CAIRO_PDF_METADATA_CREATE_DATE");
  if (create_date != NULL && *create_date != '\0')
    {
      set_metadata (surface, CAIRO_PDF_METADATA_CREATE_DATE, create_date);
      set_metadata (surface, CAIRO_PDF_METADATA_MOD_DATE, create_date);
    }

  cr = cairo_create (surface);
  for (guint i = 0; i < self->pages->len; i++)
    {
      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        {
          cairo_destroy (cr);
          cairo_surface_destroy (surface);
          return NULL;
        }
      custos_report_book_get_page_size_of (self, i, &w, &h, NULL);
      cairo_pdf_surface_set_size (surface, w, h);
      custos_report_book_draw_page (self, cr, i);
      cairo_show_page (cr);
      if (progress != NULL && (i % 8) == 0)
        progress ((double) i / self->pages->len, user_data);
    }

  /* Bookmarks: every heading, nested by level. */
  for (guint i = 0; i < self->headings->len; i++)
    {
      const Heading *hd = &g_array_index (self->headings, Heading, i);
      g_autofree char *attrs = g_strdup_printf ("dest='h%u'", i);
      g_autofree char *label = hd->number ? g_strdup_printf ("%s %s", hd->number, hd->text ? hd->text : "")
                                          : g_strdup (hd->text ? hd->text : "");
      int id = cairo_pdf_surface_add_outline (surface, parents[hd->level - 1], label, attrs,
                                              hd->level == 1 ? CAIRO_PDF_OUTLINE_FLAG_OPEN : 0);

      for (guint l = hd->level; l < G_N_ELEMENTS (parents); l++)
        parents[l] = id;
    }

  cairo_destroy (cr);
  cairo_surface_finish (surface);
  status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);
  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_set_error (error, CUSTOS_PDF_ERROR, CUSTOS_PDF_ERROR_MALFORMED,
                   _("Cannot draw the PDF: %s"), cairo_status_to_string (status));
      return NULL;
    }
  if (progress != NULL)
    progress (1.0, user_data);
  if (!custos_pdf_repair_in_place (bytes, error))
    return NULL;
  return g_byte_array_free_to_bytes (g_steal_pointer (&bytes));
}

/* Self-check ------------------------------------------------------------- */

gboolean
custos_report_book_verify (CustosReportBook  *self,
                           char             **problem)
{
  g_return_val_if_fail (CUSTOS_IS_REPORT_BOOK (self), FALSE);
  g_return_val_if_fail (self->paginated, FALSE);

  for (guint pg = 0; pg < self->pages->len; pg++)
    {
      const Page *page = &g_array_index (self->pages, Page, pg);
      double w, h, width;

      page_box (self, page->orientation, &w, &h);
      width = w - 2 * MARGIN_X;
      for (guint i = 0; i < page->n; i++)
        {
          const Placement *p = &g_array_index (self->placements, Placement, page->first + i);
          Block *block = g_ptr_array_index (self->blocks, p->block);
          const Row *row;

          if (block->kind == B_COVER)
            continue;
          if (p->y < MARGIN_TOP - EPS || p->y + p->end - p->start + p->lead > h - MARGIN_BOTTOM + 0.5)
            {
              if (problem != NULL)
                *problem = g_strdup_printf ("page %u: block %u row %d runs from %.1f to %.1f, outside %.1f–%.1f",
                                            pg + 1, p->block, p->row, p->y, p->y + p->end - p->start + p->lead,
                                            MARGIN_TOP, h - MARGIN_BOTTOM);
              return FALSE;
            }
          if (block->kind != B_ROWS || block->role == R_SIGNATURES)
            continue;
          row = p->row < 0 ? &block->header : &g_array_index (block->rows, Row, p->row);
          for (guint c = 0; c < row_n_cells (block, row); c++)
            {
              CellBox box;
              g_autoptr(PangoLayout) layout = cell_layout (self, block, row, p->row < 0, c, width, &box);
              PangoRectangle logical;
              double bottom;

              if (layout == NULL)
                continue;
              if (pango_layout_get_unknown_glyphs_count (layout) > 0)
                {
                  if (problem != NULL)
                    {
                      g_autofree char *start = g_utf8_substring (pango_layout_get_text (layout), 0, MIN (60, g_utf8_strlen (pango_layout_get_text (layout), -1)));
                      *problem = g_strdup_printf ("page %u: no font has glyphs for some of “%s…”", pg + 1, start);
                    }
                  return FALSE;
                }
              pango_layout_get_extents (layout, NULL, &logical);
              if (logical.x < -PANGO_SCALE / 2 ||
                  (logical.x + logical.width) / (double) PANGO_SCALE > box.width + 0.5)
                {
                  if (problem != NULL)
                    {
                      g_autofree char *start = g_utf8_substring (pango_layout_get_text (layout), 0, MIN (40, g_utf8_strlen (pango_layout_get_text (layout), -1)));
                      *problem = g_strdup_printf ("page %u: “%s” is %.1f wide in a cell of %.1f", pg + 1, start,
                                                  (logical.x + logical.width) / (double) PANGO_SCALE, box.width);
                    }
                  return FALSE;
                }
              bottom = box.top + logical.height / (double) PANGO_SCALE;
              if (bottom > row->height + 0.5)
                {
                  if (problem != NULL)
                    {
                      g_autofree char *start = g_utf8_substring (pango_layout_get_text (layout), 0, MIN (40, g_utf8_strlen (pango_layout_get_text (layout), -1)));
                      *problem = g_strdup_printf ("page %u: “%s” is %.1f high in a row of %.1f", pg + 1, start,
                                                  bottom, row->height);
                    }
                  return FALSE;
                }
              if (box.x + box.width > width + 0.5 || box.x < -EPS)
                {
                  if (problem != NULL)
                    *problem = g_strdup_printf ("page %u: a cell of block %u lies outside the text width",
                                                pg + 1, p->block);
                  return FALSE;
                }
            }
        }
    }
  return TRUE;
}
