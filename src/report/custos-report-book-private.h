/* SPDX-License-Identifier: GPL-3.0-or-later */
/* custos-report-book-private.h — what the parts of the report book share
 *
 * The book is built by custos-report-book.c (the blocks), measured and
 * paginated by custos-report-book-layout.c with the text styles of
 * custos-report-book-style.c, drawn by custos-report-book-draw.c and written
 * as a PDF by custos-report-book-pdf.c.
 */
#pragma once

#include <pango/pangocairo.h>

#include "custos-report-book.h"

G_BEGIN_DECLS

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
  GHashTable           *long_layouts; /* the same, for texts of LONG_TEXT bytes or more */
  GHashTable           *anchors;      /* "rec.ID" → Anchor: the cell that is the destination */
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
  gboolean              draft;

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
/* Long texts are laid out once, not again for every page a split row is
 * drawn on; there are only ever a few of them per row. */
#define LONG_TEXT         4096
#define LONG_MAX_ENTRIES  32
/* Pango shapes the rest of an item again for every line it breaks off it:
 * words of LONG_WORD bytes or more are cut into items of about PIECE bytes,
 * which keeps wrapping linear in the length of the text. Shorter words (a
 * long URL) keep their kerning across the whole word. */
#define LONG_WORD         1024
#define PIECE             32

typedef struct
{
  char   *text;
  guint32 style;     /* style << 16 | flags << 2 | alignment */
  gint32  width;     /* 1/64 pt */
} LayoutKey;

/* One line of a layout, in points from the layout's top-left corner. */
typedef struct
{
  double           top;
  double           bottom;
  double           baseline;
  double           x;
  PangoLayoutLine *line;
} LineBox;

/* The box a cell's text goes in, relative to the row. */
typedef struct
{
  double x, width;     /* the text's box */
  double top;          /* text origin below the row top */
  double cell_x, cell_width;
} CellBox;

/* Where the parts of a signature box go, as offsets from the top of its
 * row: measuring and drawing share them, so the date line can never run
 * into the box below. */
typedef struct
{
  double role;    /* the role's text */
  double line;    /* the line to sign on, "Signature" under it */
  double name;    /* the signatory's name */
  double date;    /* "Date:" and its line */
  double height;  /* of the whole box, with room under the date line */
} SignatureGeometry;

typedef struct
{
  guint block;
  guint row;
} Anchor;

#define LINK_FLAGS (CUSTOS_CELL_ANCHOR | CUSTOS_CELL_LINKS)

/* custos-report-book.c */
void
book_collect_anchors (CustosReportBook *self);
Row *
book_append_row (Block *block,
                 guint  n_cells);
void
book_invalidate (CustosReportBook *self);

/* custos-report-book-style.c */
void
book_styles_init (CustosReportBook *self);
void
book_styles_clear (CustosReportBook *self);
PangoAlignment
book_cell_alignment (guint flags);
Style
book_cell_style (CustosReportBook *self,
                 const Block      *block,
                 const Row        *row,
                 guint             column,
                 gboolean          header,
                 const Cell       *cell);
PangoLayout *
book_make_layout (CustosReportBook *self,
                  Style             style,
                  guint             flags,
                  const char       *text,
                  double            width,
                  PangoAlignment    alignment);
const GArray *
book_layout_lines (PangoLayout *layout);

/* custos-report-book-layout.c */
void
book_cell_box (CustosReportBook *self,
               const Block      *block,
               const Row        *row,
               gboolean          header,
               guint             column,
               double            width,
               CellBox          *box);
PangoLayout *
book_cell_layout (CustosReportBook *self,
                  const Block      *block,
                  const Row        *row,
                  gboolean          header,
                  guint             column,
                  double            width,
                  CellBox          *box);
void
book_columns (Block  *block,
              double  width,
              double *xs,
              double *ws);
void
book_page_box (CustosReportBook  *self,
               CustosOrientation  orientation,
               double            *width,
               double            *height);
/* role_h and name_h: the heights of the role's and the name's layouts
 * (name_h <= 0: no name, a blank line to write it on). */
void
book_signature_geometry (CustosReportBook  *self,
                         double             role_h,
                         double             name_h,
                         SignatureGeometry *geometry);
const Cell *
book_row_cell (const Block *block,
               const Row   *row,
               guint        column);
guint
book_row_n_cells (const Block *block,
                  const Row   *row);

G_END_DECLS
