/* SPDX-License-Identifier: GPL-3.0-or-later */
/* custos-report-book.h — the page engine of the reports (cairo + pango, no GTK)
 *
 * A book is a flow of blocks — headings, paragraphs, bullet lists, tables,
 * figures, signature blocks, a cover and a table of contents — that the
 * engine lays out on pages of one paper size, portrait or landscape per
 * section, with a running header and footer ("Page n of N").
 *
 * Work happens in two steps. custos_report_book_paginate() measures every
 * block with pango and decides what goes on which page; it is the only step
 * that needs the whole book. custos_report_book_draw_page() then draws any
 * page, in any order, onto any cairo context whose user space is in points
 * with the origin at the top-left corner of the page: a PDF surface page
 * (custos_report_book_render_pdf()) or a GtkPrintOperation's context.
 *
 * Text is measured with unhinted metrics at 72 dpi, so the same layout comes
 * out on every surface and at every scale. A book owns its own pango font
 * map: one book may be built on one thread and laid out and drawn on another,
 * but not used from two threads at once.
 */
#pragma once

#include <cairo.h>
#include <gio/gio.h>

G_BEGIN_DECLS

typedef enum
{
  CUSTOS_PAPER_AUTO,   /* from the locale (LC_PAPER) */
  CUSTOS_PAPER_A4,
  CUSTOS_PAPER_LETTER,
} CustosPaper;

typedef enum
{
  CUSTOS_ORIENTATION_PORTRAIT,
  CUSTOS_ORIENTATION_LANDSCAPE,
} CustosOrientation;

typedef enum /*< flags >*/
{
  CUSTOS_CELL_NONE   = 0,
  CUSTOS_CELL_BOLD   = 1 << 0,
  CUSTOS_CELL_MUTED  = 1 << 1,  /* secondary text colour */
  CUSTOS_CELL_MARKUP = 1 << 2,  /* text is pango markup (escape user text!) */
  CUSTOS_CELL_CHIP   = 1 << 3,  /* text on a rounded chip of the cell's colour */
  CUSTOS_CELL_RIGHT  = 1 << 4,
  CUSTOS_CELL_CENTER = 1 << 5,
  CUSTOS_CELL_SMALL  = 1 << 6,  /* one step smaller */
  CUSTOS_CELL_ALERT  = 1 << 7,  /* text in the alert colour (overdue, missing) */
  /* The cell's first word is a record id ("R-001") that other cells link
   * to: a named destination "rec.R-001" (the first such cell in the book). */
  CUSTOS_CELL_ANCHOR = 1 << 8,
  /* Every record id in the cell that is an anchor of the book is a link to it. */
  CUSTOS_CELL_LINKS  = 1 << 9,
} CustosCellFlags;

typedef struct
{
  const char      *text;   /* NULL or "" for an empty cell */
  CustosCellFlags  flags;
  guint32          colour; /* 0xRRGGBB of a chip */
} CustosReportCell;

typedef enum /*< flags >*/
{
  CUSTOS_ROW_NONE      = 0,
  CUSTOS_ROW_CONTINUES = 1 << 0, /* belongs to the row above: same shade, no rule between, kept with it */
} CustosRowFlags;

typedef enum /*< flags >*/
{
  CUSTOS_TABLE_NONE      = 0,
  CUSTOS_TABLE_ZEBRA     = 1 << 0, /* alternate row shading */
  CUSTOS_TABLE_RULES     = 1 << 1, /* a hairline under every row */
  CUSTOS_TABLE_KEY_VALUE = 1 << 2, /* first column is a label column */
  CUSTOS_TABLE_COMPACT   = 1 << 3, /* smaller type and padding */
} CustosTableFlags;

/* The document-wide texts of the cover, header, footer and metadata. */
typedef struct
{
  const char *title;          /* "Statement of Applicability" */
  const char *subtitle;       /* "ISO/IEC 27001:2022 Annex A" */
  const char *organisation;
  const char *classification; /* "Confidential" */
  const char *version;        /* from the latest revision */
  const char *date;           /* of that revision, YYYY-MM-DD */
  const char *author;
  const char *subject;
  const char *keywords;
  const char *creator;        /* "Custos 0.1.0" */
  const char *create_date;    /* metadata, ISO 8601; NULL: the current time */
  /* Not an issued version: every page carries a "DRAFT" mark, and the footer
   * says "Draft" with date as the "as of" date (version: the one it follows). */
  gboolean    draft;
} CustosReportInfo;

typedef void (*CustosReportDrawFunc)     (cairo_t  *cr,
                                          double    width,
                                          double    height,
                                          gpointer  user_data);
/* Called with a fraction in [0, 1], on the thread that does the work. */
typedef void (*CustosReportProgressFunc) (double    fraction,
                                          gpointer  user_data);

typedef struct _CustosReportTable CustosReportTable;

#define CUSTOS_TYPE_REPORT_BOOK (custos_report_book_get_type ())
G_DECLARE_FINAL_TYPE (CustosReportBook, custos_report_book, CUSTOS, REPORT_BOOK, GObject)

/* Paper ------------------------------------------------------------------ */
CustosPaper        custos_paper_from_locale          (void);
/* Width and height in points; AUTO resolves through the locale. */
void               custos_paper_get_size             (CustosPaper          paper,
                                                      CustosOrientation    orientation,
                                                      double              *width,
                                                      double              *height);
/* "a4", "letter", "auto"; FALSE for anything else. */
gboolean           custos_paper_parse                (const char          *text,
                                                      CustosPaper         *paper);

/* Building --------------------------------------------------------------- */
CustosReportBook  *custos_report_book_new            (void);
void               custos_report_book_set_info       (CustosReportBook    *self,
                                                      const CustosReportInfo *info);
/* Portrait width and height in points (the default is the locale's paper).
 * Drops the pagination. */
void               custos_report_book_set_page_size  (CustosReportBook    *self,
                                                      double               width,
                                                      double               height);
void               custos_report_book_set_paper      (CustosReportBook    *self,
                                                      CustosPaper          paper);
const char        *custos_report_book_get_title      (CustosReportBook    *self);

/* The cover: the title block and a list of label/value pairs (NULL-terminated). */
void               custos_report_book_add_cover      (CustosReportBook    *self,
                                                      const char * const  *labels,
                                                      const char * const  *values);
/* Starts a new page in this orientation (kept for the following pages). */
void               custos_report_book_new_page       (CustosReportBook    *self,
                                                      CustosOrientation    orientation);
/* A heading of level 1–3 with an optional number ("6.1.2"). It is a link
 * target, has a PDF bookmark, and is listed in the contents if in_contents. */
guint              custos_report_book_add_heading    (CustosReportBook    *self,
                                                      guint                level,
                                                      const char          *number,
                                                      const char          *text,
                                                      gboolean             in_contents);
void               custos_report_book_add_paragraph  (CustosReportBook    *self,
                                                      const char          *text,
                                                      CustosCellFlags      flags);
void               custos_report_book_add_bullets    (CustosReportBook    *self,
                                                      const char * const  *items);
/* Two columns of labels and values; empty values are shown as a dash. */
void               custos_report_book_add_key_values (CustosReportBook    *self,
                                                      const char * const  *labels,
                                                      const char * const  *values,
                                                      guint                n);
/* A table; weights > 0 share the width, weights < 0 are fixed widths in
 * points, 0 fits the column to its widest value (capped). No column is
 * narrower than the longest word of its header; a table of fixed and fitted
 * columns only may be narrower than the page. headers may be NULL (no header
 * row); the header row is repeated on every page the table continues on.
 * The table is valid until the next block is added. */
CustosReportTable *custos_report_book_add_table      (CustosReportBook    *self,
                                                      guint                n_columns,
                                                      const double        *weights,
                                                      const char * const  *headers,
                                                      CustosTableFlags     flags);
void               custos_report_table_add_row       (CustosReportTable   *table,
                                                      const CustosReportCell *cells);
void               custos_report_table_add_row_full  (CustosReportTable   *table,
                                                      const CustosReportCell *cells,
                                                      CustosRowFlags       flags);
/* A plain full-width row (details of the record above, say); may split. */
void               custos_report_table_add_span      (CustosReportTable   *table,
                                                      const char          *text,
                                                      CustosCellFlags      flags,
                                                      CustosRowFlags       row_flags);
/* Plain text cells: n_columns entries, NULL for an empty cell. */
void               custos_report_table_add_texts     (CustosReportTable   *table,
                                                      const char * const  *texts);
/* A full-width row that groups the rows below it. */
void               custos_report_table_add_group     (CustosReportTable   *table,
                                                      const char          *text);
/* A label and its value beneath the last row (the fields of a record that
 * are not columns); kept with it, shaded like it. */
void               custos_report_table_add_pair      (CustosReportTable   *table,
                                                      const char          *label,
                                                      const char          *value);
/* The last row added stays on a page with the row that follows it. */
void               custos_report_table_keep_with_next (CustosReportTable  *table);
/* A drawing of the given height (points) across the text width, kept whole. */
void               custos_report_book_add_figure     (CustosReportBook    *self,
                                                      double               height,
                                                      CustosReportDrawFunc draw,
                                                      gpointer             user_data,
                                                      GDestroyNotify       destroy,
                                                      const char          *caption);
/* Signature boxes: a line to sign on, name, role and a date line. */
void               custos_report_book_add_signatures (CustosReportBook    *self,
                                                      const char * const  *roles,
                                                      const char * const  *names,
                                                      guint                n);
/* The table of contents of every heading with in_contents. */
void               custos_report_book_add_contents   (CustosReportBook    *self);
void               custos_report_book_add_space      (CustosReportBook    *self,
                                                      double               points);

/* Layout and output ------------------------------------------------------ */
gboolean           custos_report_book_paginate       (CustosReportBook    *self,
                                                      GCancellable        *cancellable,
                                                      CustosReportProgressFunc progress,
                                                      gpointer             user_data,
                                                      GError             **error);
guint              custos_report_book_get_n_pages    (CustosReportBook    *self);
void               custos_report_book_get_page_size_of (CustosReportBook  *self,
                                                      guint                page,
                                                      double              *width,
                                                      double              *height,
                                                      CustosOrientation   *orientation);
/* The page a heading landed on (0-based), after pagination. */
guint              custos_report_book_get_heading_page (CustosReportBook  *self,
                                                      guint                heading);
void               custos_report_book_draw_page      (CustosReportBook    *self,
                                                      cairo_t             *cr,
                                                      guint                page);
/* Paginates if needed, draws every page to PDF with metadata, links and
 * bookmarks, and returns the file with an exact cross-reference table. */
GBytes            *custos_report_book_render_pdf     (CustosReportBook    *self,
                                                      GCancellable        *cancellable,
                                                      CustosReportProgressFunc progress,
                                                      gpointer             user_data,
                                                      GError             **error);
/* A self-check for tests: after pagination, re-measures every placed text
 * and fails with a description of the first line that lies outside its cell
 * or page box. */
gboolean           custos_report_book_verify         (CustosReportBook    *self,
                                                      char               **problem);

G_END_DECLS
