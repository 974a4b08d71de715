/* SPDX-License-Identifier: GPL-3.0-or-later */
/* custos-report-book-draw.c — drawing a page of the report book on any cairo
 * context, links included */
#include "config.h"

#include <math.h>
#include <string.h>

#include <glib/gi18n-lib.h>

#include "custos-report-book-private.h"

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
  const GArray *lines;
  guint lo, hi;

  if (start <= EPS && end >= G_MAXFLOAT / 2)
    {
      cairo_move_to (cr, x, row_origin + text_top);
      pango_cairo_show_layout (cr, layout);
      return;
    }
  /* Lines go down the layout: look up the first of the slice, not every
   * line of a row that may span hundreds of pages. */
  lines = book_layout_lines (layout);
  lo = 0, hi = lines->len;
  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;
      if (text_top + g_array_index (lines, LineBox, mid).top < start - EPS)
        lo = mid + 1;
      else
        hi = mid;
    }
  for (guint i = lo; i < lines->len; i++)
    {
      const LineBox *line = &g_array_index (lines, LineBox, i);

      if (text_top + line->bottom > end + EPS)
        break;
      cairo_move_to (cr, x + line->x, row_origin + text_top + line->baseline);
      pango_cairo_show_layout_line (cr, line->line);
    }
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
      CellBox box, name_box;
      g_autoptr(PangoLayout) role = book_cell_layout (self, block, row, FALSE, c, width, &box);
      g_autoptr(PangoLayout) name = NULL;
      PangoRectangle logical, name_logical = { 0 };
      SignatureGeometry geometry;
      double line_y;

      if (role == NULL)
        continue;
      name_box = box;  /* without a name, the date lines up under the role */
      name = book_cell_layout (self, block, row, FALSE, c + 1, width, &name_box);
      if (name != NULL)
        pango_layout_get_extents (name, NULL, &name_logical);
      pango_layout_get_extents (role, NULL, &logical);
      book_signature_geometry (self, logical.height / (double) PANGO_SCALE, name_logical.height / (double) PANGO_SCALE,
                               &geometry);

      /* A thin frame of the box's top edge, then the role. */
      hline (cr, x0 + box.cell_x, x0 + box.cell_x + box.cell_width, y, 1.2, ACCENT);
      set_rgb (cr, INK);
      cairo_move_to (cr, x0 + box.x, y + geometry.role);
      pango_cairo_show_layout (cr, role);

      /* Room to sign, the line, then the name. */
      line_y = y + geometry.line;
      hline (cr, x0 + box.x, x0 + box.x + box.width * 0.72, line_y, 0.6, RULE_STRONG);
      {
        g_autoptr(PangoLayout) label = book_make_layout (self, ST_CAPTION, 0, _("Signature"), 0, PANGO_ALIGN_LEFT);
        set_rgb (cr, MUTED);
        cairo_move_to (cr, x0 + box.x, line_y + 2);
        pango_cairo_show_layout (cr, label);
      }
      if (name != NULL)
        {
          set_rgb (cr, INK);
          cairo_move_to (cr, x0 + name_box.x, y + geometry.name);
          pango_cairo_show_layout (cr, name);
        }
      {
        g_autoptr(PangoLayout) date = book_make_layout (self, ST_SIGN_TEXT, 0, _("Date:"), 0, PANGO_ALIGN_LEFT);
        PangoRectangle dr;

        pango_layout_get_extents (date, NULL, &dr);
        set_rgb (cr, MUTED);
        cairo_move_to (cr, x0 + name_box.x, y + geometry.date);
        pango_cairo_show_layout (cr, date);
        hline (cr, x0 + name_box.x + dr.width / (double) PANGO_SCALE + 4, x0 + name_box.x + name_box.width * 0.72,
               y + geometry.date + self->line_height[ST_SIGN_TEXT] - 2, 0.4, RULE_STRONG);
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
  g_autoptr(PangoLayout) number = book_cell_layout (self, block, row, FALSE, 0, width, &nbox);
  g_autoptr(PangoLayout) title = book_cell_layout (self, block, row, FALSE, 1, width, &tbox);
  g_autoptr(PangoLayout) page = NULL;
  g_autofree char *page_text = g_strdup_printf ("%u", h->page + 1);
  g_autofree char *attrs = NULL;
  PangoLayoutIter *iter;
  PangoRectangle last = { 0 };
  double baseline = 0, end_x, page_x;
  Style style = h->level == 1 ? ST_TOC1 : ST_TOC2;

  book_cell_box (self, block, row, FALSE, 2, width, &pbox);
  page = book_make_layout (self, style, h->level == 1 ? CUSTOS_CELL_BOLD : 0, page_text, pbox.width, PANGO_ALIGN_RIGHT);

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

/* Tagged PDF (structure tags, cairo ≥ 1.16; nothing on other surfaces): the
 * structure element of a row of a block that is not a table. */
static const char *
row_structure (const Block *block)
{
  static const char *headings[] = { "H1", "H2", "H3" };

  switch (block->role)
    {
    case R_HEADING:
      return headings[CLAMP (block->level, 1, 3) - 1];
    case R_TABLE:
      return "TR";
    case R_CONTENTS:
      return "TOCI";
    case R_SIGNATURES:
      return "Div";
    case R_PARAGRAPH:
    case R_BULLETS:
    default:
      return "P";
    }
}

/* Is this cell the destination of its record id? */
static const char *
anchor_here (CustosReportBook *self,
             const Cell       *cell,
             PangoLayout      *layout,
             guint             b,
             int               r,
             char            **name)
{
  const char *text = pango_layout_get_text (layout);
  const char *end = text;
  const Anchor *anchor;

  if (!(cell->flags & CUSTOS_CELL_ANCHOR) || self->anchors == NULL || r < 0)
    return NULL;
  while (*end != '\0' && !g_unichar_isspace (g_utf8_get_char (end)))
    end = g_utf8_next_char (end);
  *name = g_strdup_printf ("rec.%.*s", (int) (end - text), text);
  anchor = g_hash_table_lookup (self->anchors, *name);
  if (anchor == NULL || anchor->block != b || anchor->row != (guint) r)
    g_clear_pointer (name, g_free);
  return *name;
}

/* Links from the record ids in a cell ("R-001, R-004") to their records:
 * an id is a run of letters, digits and hyphens with a hyphen in it. */
static void
link_ids (CustosReportBook *self,
          cairo_t          *cr,
          PangoLayout      *layout,
          double            x,
          double            y)
{
  const char *text = pango_layout_get_text (layout);
  const char *p = text;

  while (*p != '\0')
    {
      const char *start = p;
      gboolean hyphen = FALSE;

      while (*p != '\0' && (g_ascii_isalnum (*p) || *p == '-'))
        hyphen |= *p++ == '-';
      if (p > start && hyphen)
        {
          g_autofree char *name = g_strdup_printf ("rec.%.*s", (int) (p - start), start);
          PangoRectangle a, z;

          if (!g_hash_table_contains (self->anchors, name))
            continue;
          pango_layout_index_to_pos (layout, (int) (start - text), &a);
          pango_layout_index_to_pos (layout, (int) (p - text) - 1, &z);
          if (a.y == z.y)
            {
              /* whole points: printf's decimal separator follows the locale */
              g_autofree char *attrs = g_strdup_printf ("rect=[%d %d %d %d] dest='%s'",
                                                        (int) floor (x + a.x / (double) PANGO_SCALE),
                                                        (int) floor (y + a.y / (double) PANGO_SCALE),
                                                        (int) ceil ((z.x + z.width - a.x) / (double) PANGO_SCALE),
                                                        (int) ceil (a.height / (double) PANGO_SCALE), name);
              cairo_tag_begin (cr, CAIRO_TAG_LINK, attrs);
              cairo_tag_end (cr, CAIRO_TAG_LINK);
            }
        }
      if (p == start)
        p = g_utf8_next_char (p);
    }
}

static void
draw_row_cells (CustosReportBook *self,
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


  /* A table of fixed and fitted columns only may be narrower than the text. */
  if (block->role == R_TABLE && block->n_columns <= 16)
    {
      double xs[16], ws[16];

      book_columns ((Block *) block, width, xs, ws);
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

  for (guint c = 0; c < book_row_n_cells (block, row); c++)
    {
      CellBox box;
      g_autoptr(PangoLayout) layout = book_cell_layout (self, block, row, header, c, width, &box);
      const Cell *cell = book_row_cell (block, row, c);

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
      {
        g_autofree char *dest = NULL;

        if (block->role == R_TABLE)
          cairo_tag_begin (cr, header ? "TH" : "TD", NULL);
        if (p->start <= EPS && anchor_here (self, cell, layout, p->block, r, &dest))
          {
            g_autofree char *attrs = g_strdup_printf ("name='%s' x=%d y=%d", dest, (int) floor (x0),
                                                      (int) floor (MAX (p->y - 4, 0)));
            cairo_tag_begin (cr, CAIRO_TAG_DEST, attrs);
          }
        show_lines (cr, layout, x0 + box.x, box.top, origin, whole ? 0 : p->start,
                    whole ? G_MAXFLOAT : p->end);
        if (dest != NULL)
          cairo_tag_end (cr, CAIRO_TAG_DEST);
        if (whole && (cell->flags & CUSTOS_CELL_LINKS) && self->anchors != NULL)
          link_ids (self, cr, layout, x0 + box.x, origin + box.top);
        if (block->role == R_TABLE)
          cairo_tag_end (cr, header ? "TH" : "TD");
      }
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
draw_row (CustosReportBook *self,
          cairo_t          *cr,
          const Block      *block,
          int               r,
          const Placement  *p,
          double            x0,
          double            width)
{
  const Row *row = r < 0 ? &block->header : &g_array_index (block->rows, Row, r);

  cairo_tag_begin (cr, row_structure (block), NULL);
  if (block->role == R_CONTENTS)
    draw_contents_row (self, cr, block, row, x0, p->y, width);
  else if (block->role == R_SIGNATURES)
    draw_signature_row (self, cr, block, row, x0, p->y, width);
  else
    draw_row_cells (self, cr, block, r, p, x0, width);
  cairo_tag_end (cr, row_structure (block));
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
      g_autoptr(PangoLayout) layout = book_make_layout (self, ST_CAPTION, 0, block->caption, width, PANGO_ALIGN_CENTER);

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
  layout = book_make_layout (self, style, flags, text, width, alignment);
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
    g_autoptr(PangoLayout) title = book_make_layout (self, ST_COVER_TITLE, 0, self->title ? self->title : "", w,
                                                     PANGO_ALIGN_LEFT);
    set_rgb (cr, INK);
    cairo_move_to (cr, x, y);
    pango_cairo_show_layout (cr, title);
    y += layout_height (title) + 10;
  }
  if (self->subtitle != NULL)
    {
      g_autoptr(PangoLayout) sub = book_make_layout (self, ST_COVER_SUBTITLE, 0, self->subtitle, w, PANGO_ALIGN_LEFT);
      set_rgb (cr, MUTED);
      cairo_move_to (cr, x, y);
      pango_cairo_show_layout (cr, sub);
      y += layout_height (sub) + 26;
    }
  if (self->organisation != NULL)
    {
      g_autoptr(PangoLayout) org = book_make_layout (self, ST_COVER_ORG, 0, self->organisation, w, PANGO_ALIGN_LEFT);
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
          g_autoptr(PangoLayout) ll = book_make_layout (self, ST_COVER_LABEL, 0, label, col_w, PANGO_ALIGN_LEFT);
          g_autoptr(PangoLayout) vl = book_make_layout (self, ST_COVER_VALUE, 0,
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
  if (self->draft && self->version != NULL)
    version = g_strdup_printf (_("Draft after version %s · as of %s"), self->version, self->date ? self->date : "");
  else if (self->draft)
    version = g_strdup_printf (_("Draft · as of %s"), self->date ? self->date : "");
  else if (self->version != NULL && self->date != NULL)
    version = g_strdup_printf (_("Version %s · %s"), self->version, self->date);
  else if (self->version != NULL)
    version = g_strdup_printf (_("Version %s"), self->version);
  show_text (self, cr, ST_RUNNING, 0, version, MARGIN_X + w * 0.32, page_h - FOOTER_TEXT_UP, w * 0.36,
             PANGO_ALIGN_CENTER, MUTED);
  show_text (self, cr, ST_RUNNING, 0, page_text, MARGIN_X + w * 0.68, page_h - FOOTER_TEXT_UP, w * 0.32,
             PANGO_ALIGN_RIGHT, MUTED);
}

/* Across the page, light enough to read through, over everything so that no
 * figure or shaded row hides it. */
static void
draw_draft_mark (CustosReportBook *self,
                 cairo_t          *cr,
                 double            page_w,
                 double            page_h)
{
  /* The layout is shared (cached): it is scaled, never changed. */
  g_autoptr(PangoLayout) layout = book_make_layout (self, ST_COVER_TITLE, CUSTOS_CELL_BOLD, _("DRAFT"), 0,
                                                    PANGO_ALIGN_LEFT);
  PangoRectangle ink;
  double scale;

  pango_layout_get_extents (layout, &ink, NULL);
  scale = 0.5 * hypot (page_w, page_h) / MAX (ink.width / (double) PANGO_SCALE, 1.0);

  cairo_save (cr);
  cairo_translate (cr, page_w / 2, page_h / 2);
  cairo_rotate (cr, -atan2 (page_h, page_w));
  cairo_scale (cr, scale, scale);
  cairo_move_to (cr, -(ink.x + ink.width / 2.0) / PANGO_SCALE, -(ink.y + ink.height / 2.0) / PANGO_SCALE);
  cairo_set_source_rgba (cr, 0.70, 0.15, 0.12, 0.13);
  pango_cairo_show_layout (cr, layout);
  cairo_restore (cr);
}

void
custos_report_book_draw_page (CustosReportBook *self,
                              cairo_t          *cr,
                              guint             page)
{
  const Page *p;
  double w, h;
  gboolean cover = FALSE;
  gboolean in_table = FALSE;
  guint table_block = G_MAXUINT;

  g_return_if_fail (CUSTOS_IS_REPORT_BOOK (self));
  g_return_if_fail (cr != NULL);
  g_return_if_fail (self->paginated && page < self->pages->len);

  p = &g_array_index (self->pages, Page, page);
  book_page_box (self, p->orientation, &w, &h);

  cairo_save (cr);
  for (guint i = 0; i < p->n; i++)
    {
      const Placement *pl = &g_array_index (self->placements, Placement, p->first + i);
      Block *block = g_ptr_array_index (self->blocks, pl->block);
      gboolean table = block->kind == B_ROWS && block->role == R_TABLE;

      /* The rows of a table on this page make one Table element. */
      if (table != in_table || (table && pl->block != table_block))
        {
          if (in_table)
            cairo_tag_end (cr, "Table");
          if (table)
            cairo_tag_begin (cr, "Table", NULL);
          in_table = table;
          table_block = pl->block;
        }

      switch (block->kind)
        {
        case B_COVER:
          draw_cover (self, cr, block, w, h);
          cover = TRUE;
          break;
        case B_FIGURE:
          cairo_tag_begin (cr, "Figure", NULL);
          draw_figure (self, cr, block, pl, MARGIN_X, w - 2 * MARGIN_X);
          cairo_tag_end (cr, "Figure");
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
  if (in_table)
    cairo_tag_end (cr, "Table");
  draw_running (self, cr, page, w, h, cover);
  if (self->draft)
    draw_draft_mark (self, cr, w, h);
  cairo_restore (cr);
}
