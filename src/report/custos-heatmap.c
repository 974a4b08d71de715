/* SPDX-License-Identifier: GPL-3.0-or-later */
/* custos-heatmap.c — the likelihood × consequence heatmap, drawn with cairo */
#include "config.h"

#include <math.h>

#include <glib/gi18n-lib.h>
#include <pango/pangocairo.h>

#include "custos-heatmap.h"

#define DEFAULT_FAMILY "Cantarell, DejaVu Sans, Noto Sans, sans-serif"
/* Below this, labels are ink rather than text; they may wrap instead. */
#define LABEL_SIZE_MIN 2.5

typedef struct
{
  guint8 from_l, from_c, to_l, to_c;
  guint  n;
} Move;

struct _CustosHeatmapData
{
  gatomicrefcount  ref_count;
  gboolean         residual;
  guint            n_likelihood;
  guint            n_consequence;
  guint            counts[CUSTOS_MAX_LEVELS][CUSTOS_MAX_LEVELS]; /* [l - 1][c - 1] */
  int              cell_band[CUSTOS_MAX_LEVELS][CUSTOS_MAX_LEVELS]; /* -1: no band */
  guint            total;
  guint            n_bands;
  char           **band_colours;  /* n_bands hex strings */
  char            *likelihood_labels[CUSTOS_MAX_LEVELS];
  char            *consequence_labels[CUSTOS_MAX_LEVELS];
  GArray          *moves;         /* Move */
};

/* Style and colours ----------------------------------------------------- */

void
custos_heatmap_style_init (CustosHeatmapStyle *style)
{
  g_return_if_fail (style != NULL);

  memset (style, 0, sizeof *style);
  style->palette = CUSTOS_HEATMAP_PALETTE_BANDS;
  style->show_movement = FALSE;
  style->show_axis_titles = TRUE;
  style->fade_empty = TRUE;
}

static guint32
parse_hex (const char *hex)
{
  guint32 rgb = 0;

  if (hex == NULL || hex[0] != '#' || strlen (hex) != 7)
    return 0xc0bfbc;
  for (guint i = 1; i < 7; i++)
    {
      int d = g_ascii_xdigit_value (hex[i]);
      if (d < 0)
        return 0xc0bfbc;
      rgb = (rgb << 4) | (guint32) d;
    }
  return rgb;
}

/* viridis, reversed: light (low) to dark (high); readable with every common
 * form of colour blindness and in greyscale. */
static const guint32 colour_blind_stops[] = { 0xfde725, 0x5ec962, 0x21918c, 0x3b528b, 0x440154 };

guint32
custos_heatmap_band_colour (CustosHeatmapPalette  palette,
                            guint                 band,
                            guint                 n_bands,
                            const char           *hex)
{
  double t, pos, f;
  guint i;
  guint32 a, b, out = 0;

  if (palette == CUSTOS_HEATMAP_PALETTE_BANDS)
    return parse_hex (hex);

  t = n_bands > 1 ? (double) MIN (band, n_bands - 1) / (double) (n_bands - 1) : 0.0;
  pos = t * (G_N_ELEMENTS (colour_blind_stops) - 1);
  i = (guint) floor (pos);
  if (i >= G_N_ELEMENTS (colour_blind_stops) - 1)
    return colour_blind_stops[G_N_ELEMENTS (colour_blind_stops) - 1];
  f = pos - i;
  a = colour_blind_stops[i];
  b = colour_blind_stops[i + 1];
  for (int shift = 16; shift >= 0; shift -= 8)
    {
      double ca = (a >> shift) & 0xff, cb = (b >> shift) & 0xff;
      out |= ((guint32) lround (ca + (cb - ca) * f) & 0xff) << shift;
    }
  return out;
}

static void
rgb_to_doubles (guint32  rgb,
                double  *out)
{
  out[0] = ((rgb >> 16) & 0xff) / 255.0;
  out[1] = ((rgb >> 8) & 0xff) / 255.0;
  out[2] = (rgb & 0xff) / 255.0;
}

static double
luminance (const double *c)
{
  double l[3];

  for (int i = 0; i < 3; i++)
    l[i] = c[i] <= 0.03928 ? c[i] / 12.92 : pow ((c[i] + 0.055) / 1.055, 2.4);
  return 0.2126 * l[0] + 0.7152 * l[1] + 0.0722 * l[2];
}

guint32
custos_heatmap_text_colour (guint32 fill)
{
  double c[3];

  rgb_to_doubles (fill, c);
  return luminance (c) > 0.36 ? 0x141419 : 0xffffff;
}

/* Geometry -------------------------------------------------------------- */

void
custos_heatmap_geometry (double                 width,
                         double                 height,
                         guint                  n_likelihood,
                         guint                  n_consequence,
                         CustosHeatmapGeometry *g)
{
  double m, pad;

  g_return_if_fail (g != NULL);

  memset (g, 0, sizeof *g);
  width = MAX (width, 1.0);
  height = MAX (height, 1.0);
  n_likelihood = CLAMP (n_likelihood, 1, CUSTOS_MAX_LEVELS);
  n_consequence = CLAMP (n_consequence, 1, CUSTOS_MAX_LEVELS);
  m = MIN (width, height);
  pad = m * 0.01;

  g->n_likelihood = n_likelihood;
  g->n_consequence = n_consequence;
  g->axis_size = CLAMP (m * 0.06, 4.0, 22.0);
  g->label_width = CLAMP (width * 0.22, 8.0, 130.0);
  g->label_height = CLAMP (height * 0.11, 6.0, 44.0);

  g->x = pad + g->axis_size + g->label_width;
  g->y = pad;
  g->width = MAX (width - g->x - pad, 1.0);
  g->height = MAX (height - g->y - pad - g->label_height - g->axis_size, 1.0);
  g->cell_width = g->width / n_consequence;
  g->cell_height = g->height / n_likelihood;
  g->gutter = CLAMP (MIN (g->cell_width, g->cell_height) * 0.05, 0.5, 4.0);

  g->label_x = pad + g->axis_size;
  g->label_y = g->y + g->height;
}

void
custos_heatmap_cell_rect (const CustosHeatmapGeometry *g,
                          int                          likelihood,
                          int                          consequence,
                          double                      *x,
                          double                      *y,
                          double                      *width,
                          double                      *height)
{
  double row = (double) g->n_likelihood - likelihood;  /* 0 at the top */
  double col = (double) consequence - 1;

  *x = g->x + col * g->cell_width;
  *y = g->y + row * g->cell_height;
  *width = g->cell_width;
  *height = g->cell_height;
}

gboolean
custos_heatmap_hit_test (double  width,
                         double  height,
                         guint   n_likelihood,
                         guint   n_consequence,
                         double  x,
                         double  y,
                         int    *likelihood,
                         int    *consequence)
{
  CustosHeatmapGeometry g;
  int col, row;

  if (likelihood != NULL)
    *likelihood = 0;
  if (consequence != NULL)
    *consequence = 0;

  custos_heatmap_geometry (width, height, n_likelihood, n_consequence, &g);
  if (!(x >= g.x && x < g.x + g.width && y >= g.y && y < g.y + g.height))
    return FALSE;

  col = (int) floor ((x - g.x) / g.cell_width);
  row = (int) floor ((y - g.y) / g.cell_height);
  col = CLAMP (col, 0, (int) g.n_consequence - 1);
  row = CLAMP (row, 0, (int) g.n_likelihood - 1);
  if (likelihood != NULL)
    *likelihood = (int) g.n_likelihood - row;
  if (consequence != NULL)
    *consequence = col + 1;
  return TRUE;
}

/* Counting -------------------------------------------------------------- */

guint
custos_heatmap_count (CustosDocument *document,
                      gboolean        residual,
                      int             likelihood,
                      int             consequence)
{
  GListModel *risks;
  guint count = 0;

  g_return_val_if_fail (CUSTOS_IS_DOCUMENT (document), 0);

  risks = custos_document_get_register (document, CUSTOS_REGISTER_RISKS);
  for (guint i = 0, n = g_list_model_get_n_items (risks); i < n; i++)
    {
      g_autoptr(CustosRecord) risk = g_list_model_get_item (risks, i);
      int l, c;

      custos_risk_get_levels (CUSTOS_RISK (risk), residual, &l, &c);
      if (l == likelihood && c == consequence)
        count++;
    }
  return count;
}

static int
compare_moves (gconstpointer a,
               gconstpointer b)
{
  const Move *ma = a, *mb = b;
  guint ka = (ma->from_l << 24) | (ma->from_c << 16) | (ma->to_l << 8) | ma->to_c;
  guint kb = (mb->from_l << 24) | (mb->from_c << 16) | (mb->to_l << 8) | mb->to_c;

  return ka < kb ? -1 : ka > kb;
}

CustosHeatmapData *
custos_heatmap_data_new (CustosDocument *document,
                         gboolean        residual)
{
  CustosCriteria *criteria;
  CustosHeatmapData *data;
  GListModel *risks;
  guint moves[CUSTOS_MAX_LEVELS][CUSTOS_MAX_LEVELS][CUSTOS_MAX_LEVELS][CUSTOS_MAX_LEVELS] = { { { { 0 } } } };

  g_return_val_if_fail (CUSTOS_IS_DOCUMENT (document), NULL);

  criteria = custos_document_get_criteria (document);
  data = g_new0 (CustosHeatmapData, 1);
  g_atomic_ref_count_init (&data->ref_count);
  data->residual = residual;
  data->n_likelihood = CLAMP (custos_criteria_get_n_levels (criteria, CUSTOS_SCALE_LIKELIHOOD), 1, CUSTOS_MAX_LEVELS);
  data->n_consequence = CLAMP (custos_criteria_get_n_levels (criteria, CUSTOS_SCALE_CONSEQUENCE), 1, CUSTOS_MAX_LEVELS);
  data->moves = g_array_new (FALSE, FALSE, sizeof (Move));

  data->n_bands = custos_criteria_get_n_bands (criteria);
  data->band_colours = g_new0 (char *, data->n_bands + 1);
  for (guint b = 0; b < data->n_bands; b++)
    data->band_colours[b] = g_strdup (custos_criteria_get_band (criteria, b)->colour);

  for (guint l = 1; l <= data->n_likelihood; l++)
    {
      const CustosLevel *level = custos_criteria_get_level (criteria, CUSTOS_SCALE_LIKELIHOOD, l);
      data->likelihood_labels[l - 1] = g_strdup (level && level->label ? level->label : "");
    }
  for (guint c = 1; c <= data->n_consequence; c++)
    {
      const CustosLevel *level = custos_criteria_get_level (criteria, CUSTOS_SCALE_CONSEQUENCE, c);
      data->consequence_labels[c - 1] = g_strdup (level && level->label ? level->label : "");
    }
  for (guint l = 1; l <= data->n_likelihood; l++)
    for (guint c = 1; c <= data->n_consequence; c++)
      data->cell_band[l - 1][c - 1] =
        custos_criteria_band_index (criteria, custos_criteria_score (criteria, (int) l, (int) c));

  risks = custos_document_get_register (document, CUSTOS_REGISTER_RISKS);
  for (guint i = 0, n = g_list_model_get_n_items (risks); i < n; i++)
    {
      g_autoptr(CustosRecord) risk = g_list_model_get_item (risks, i);
      int l, c, rl, rc;

      custos_risk_get_levels (CUSTOS_RISK (risk), FALSE, &l, &c);
      custos_risk_get_levels (CUSTOS_RISK (risk), TRUE, &rl, &rc);
      if (residual)
        {
          int tl = l, tc = c;
          l = rl, c = rc, rl = tl, rc = tc;
        }
      if (l >= 1 && l <= (int) data->n_likelihood && c >= 1 && c <= (int) data->n_consequence)
        {
          data->counts[l - 1][c - 1]++;
          data->total++;
        }
      /* Movement always runs inherent → residual, whichever map this is. */
      if (residual)
        {
          int tl = l, tc = c;
          l = rl, c = rc, rl = tl, rc = tc;
        }
      if (l >= 1 && l <= (int) data->n_likelihood && c >= 1 && c <= (int) data->n_consequence &&
          rl >= 1 && rl <= (int) data->n_likelihood && rc >= 1 && rc <= (int) data->n_consequence &&
          (l != rl || c != rc))
        moves[l - 1][c - 1][rl - 1][rc - 1]++;
    }

  for (guint a = 0; a < CUSTOS_MAX_LEVELS; a++)
    for (guint b = 0; b < CUSTOS_MAX_LEVELS; b++)
      for (guint c = 0; c < CUSTOS_MAX_LEVELS; c++)
        for (guint d = 0; d < CUSTOS_MAX_LEVELS; d++)
          if (moves[a][b][c][d] > 0)
            {
              Move m = { a + 1, b + 1, c + 1, d + 1, moves[a][b][c][d] };
              g_array_append_val (data->moves, m);
            }
  g_array_sort (data->moves, compare_moves);
  return data;
}

CustosHeatmapData *
custos_heatmap_data_ref (CustosHeatmapData *data)
{
  g_return_val_if_fail (data != NULL, NULL);
  g_atomic_ref_count_inc (&data->ref_count);
  return data;
}

void
custos_heatmap_data_unref (CustosHeatmapData *data)
{
  if (data == NULL || !g_atomic_ref_count_dec (&data->ref_count))
    return;
  g_strfreev (data->band_colours);
  for (guint i = 0; i < CUSTOS_MAX_LEVELS; i++)
    {
      g_free (data->likelihood_labels[i]);
      g_free (data->consequence_labels[i]);
    }
  g_array_unref (data->moves);
  g_free (data);
}

guint
custos_heatmap_data_get_count (const CustosHeatmapData *data,
                               int                      likelihood,
                               int                      consequence)
{
  g_return_val_if_fail (data != NULL, 0);
  if (likelihood < 1 || likelihood > (int) data->n_likelihood ||
      consequence < 1 || consequence > (int) data->n_consequence)
    return 0;
  return data->counts[likelihood - 1][consequence - 1];
}

guint
custos_heatmap_data_get_total (const CustosHeatmapData *data)
{
  g_return_val_if_fail (data != NULL, 0);
  return data->total;
}

/* Drawing --------------------------------------------------------------- */

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

static PangoLayout *
make_layout (cairo_t    *cr,
             const char *family,
             double      size,
             PangoWeight weight,
             const char *text)
{
  PangoLayout *layout = pango_cairo_create_layout (cr);
  PangoFontDescription *desc = pango_font_description_from_string (family);

  pango_font_description_set_absolute_size (desc, MAX (size, 1.0) * PANGO_SCALE);
  pango_font_description_set_weight (desc, weight);
  pango_layout_set_font_description (layout, desc);
  pango_font_description_free (desc);
  pango_layout_set_text (layout, text, -1);
  return layout;
}

/* Width of the widest word of text at a size. */
static double
longest_word (cairo_t    *cr,
              const char *family,
              double      size,
              const char *text)
{
  g_auto(GStrv) words = g_strsplit (text, " ", -1);
  double widest = 0;

  for (guint i = 0; words[i] != NULL; i++)
    {
      g_autoptr(PangoLayout) layout = NULL;
      PangoRectangle logical;

      if (*words[i] == '\0')
        continue;
      layout = make_layout (cr, family, size, PANGO_WEIGHT_NORMAL, words[i]);
      pango_layout_get_extents (layout, NULL, &logical);
      widest = MAX (widest, logical.width / (double) PANGO_SCALE);
    }
  return widest;
}

/* Shows a layout in a box: wrapped to the width, at most max_lines lines,
 * ellipsized, aligned horizontally and centred vertically. */
static void
show_in_box (cairo_t        *cr,
             PangoLayout    *layout,
             double          x,
             double          y,
             double          w,
             double          h,
             PangoAlignment  align,
             int             max_lines)
{
  PangoRectangle ink, logical;

  pango_layout_set_width (layout, (int) (MAX (w, 1.0) * PANGO_SCALE));
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
  pango_layout_set_height (layout, -max_lines);
  pango_layout_set_alignment (layout, align);
  pango_layout_get_extents (layout, &ink, &logical);
  cairo_move_to (cr, x, y + (h - logical.height / (double) PANGO_SCALE) / 2);
  pango_cairo_show_layout (cr, layout);
}

static void
set_source (cairo_t      *cr,
            const double *rgb,
            double        alpha)
{
  cairo_set_source_rgba (cr, rgb[0], rgb[1], rgb[2], alpha);
}

static void
draw_arrow (cairo_t                     *cr,
            const CustosHeatmapGeometry *g,
            const Move                  *m,
            const double                *ink)
{
  double fx, fy, fw, fh, tx, ty, tw, th;
  double x0, y0, x1, y1, dx, dy, len, ux, uy, inset, cell, lw, head, nx, ny, bend, cx, cy;

  custos_heatmap_cell_rect (g, m->from_l, m->from_c, &fx, &fy, &fw, &fh);
  custos_heatmap_cell_rect (g, m->to_l, m->to_c, &tx, &ty, &tw, &th);
  cell = MIN (g->cell_width, g->cell_height);
  x0 = fx + fw / 2, y0 = fy + fh / 2;
  x1 = tx + tw / 2, y1 = ty + th / 2;
  dx = x1 - x0, dy = y1 - y0;
  len = sqrt (dx * dx + dy * dy);
  if (len < 1e-6)
    return;
  ux = dx / len, uy = dy / len;
  /* Start and end off the counts in the cell centres. */
  inset = cell * 0.30;
  if (len <= 2 * inset + 2)
    return;
  x0 += ux * inset, y0 += uy * inset;
  x1 -= ux * inset, y1 -= uy * inset;
  lw = CLAMP (cell * 0.012 * (1.0 + log2 (1.0 + m->n)), 0.3, cell * 0.06);
  head = MAX (lw * 3.0, cell * 0.075);
  /* A slight bend keeps arrows that share a line apart. */
  nx = -uy, ny = ux;
  bend = len * 0.12;
  cx = (x0 + x1) / 2 + nx * bend;
  cy = (y0 + y1) / 2 + ny * bend;

  cairo_save (cr);
  set_source (cr, ink, 0.5);
  cairo_set_line_width (cr, lw);
  cairo_set_line_cap (cr, CAIRO_LINE_CAP_ROUND);
  cairo_move_to (cr, x0, y0);
  {
    /* Stop the stem at the base of the head. */
    double ex = x1 - cx, ey = y1 - cy, el = sqrt (ex * ex + ey * ey);
    double bx = x1 - ex / el * head * 0.8, by = y1 - ey / el * head * 0.8;
    cairo_curve_to (cr, cx, cy, cx, cy, bx, by);
    cairo_stroke (cr);
    /* Arrow head along the curve's final direction. */
    ex /= el, ey /= el;
    cairo_move_to (cr, x1, y1);
    cairo_line_to (cr, x1 - ex * head - ey * head * 0.5, y1 - ey * head + ex * head * 0.5);
    cairo_line_to (cr, x1 - ex * head + ey * head * 0.5, y1 - ey * head - ex * head * 0.5);
    cairo_close_path (cr);
    cairo_fill (cr);
  }
  cairo_restore (cr);
}

/* What both layers of a drawing need: the geometry and the sizes. */
typedef struct
{
  CustosHeatmapGeometry g;
  const char           *family;
  double                ink[3];
  double                paper[3];
  double                cell, radius, count_size, label_size;
} Frame;

static void
frame_init (Frame                    *f,
            double                    width,
            double                    height,
            const CustosHeatmapData  *data,
            const CustosHeatmapStyle *style)
{
  static const double ink[3] = { 0.13, 0.13, 0.15 };
  static const double paper[3] = { 1.0, 1.0, 1.0 };

  memcpy (f->ink, style->text_rgba[3] > 0 ? style->text_rgba : ink, sizeof f->ink);
  memcpy (f->paper, style->background_rgba[3] > 0 ? style->background_rgba : paper, sizeof f->paper);
  f->family = style->font_family ? style->font_family : DEFAULT_FAMILY;
  custos_heatmap_geometry (width, height, data->n_likelihood, data->n_consequence, &f->g);
  f->cell = MIN (f->g.cell_width, f->g.cell_height);
  f->radius = f->cell * 0.07;
  f->count_size = CLAMP (f->cell * 0.30, 4.0, 30.0);
  f->count_size = MAX (f->count_size, MIN (style->count_size_min, f->cell * 0.45));
  f->label_size = CLAMP (MIN (f->g.cell_height * 0.21, f->g.cell_width * 0.2), 3.0, 10.0);
  f->label_size = MAX (f->label_size, style->label_size_min);
}

static void
cell_fill (const CustosHeatmapData  *data,
           const CustosHeatmapStyle *style,
           guint                     l,
           guint                     c,
           double                   *fill)
{
  int band = data->cell_band[l - 1][c - 1];

  if (band >= 0)
    rgb_to_doubles (custos_heatmap_band_colour (style->palette, (guint) band, data->n_bands,
                                                data->band_colours[band]), fill);
  else
    fill[0] = fill[1] = fill[2] = 0.85;
}

/* The widest word of the labels of a scale ("Moderate (3)"), at a size. */
static double
widest_label_word (cairo_t      *cr,
                   const char   *family,
                   double        size,
                   char * const *labels,
                   guint         n)
{
  double widest = 0;

  for (guint i = 1; i <= n; i++)
    {
      g_autofree char *text = g_strdup_printf ("%s (%u)", labels[i - 1], i);
      widest = MAX (widest, longest_word (cr, family, size, text));
    }
  return widest;
}

/* One size for all axis labels, small enough that no word has to break.
 * Hinted glyph widths do not scale in proportion to the size, so the size
 * is measured again after each step down. */
static double
fitting_label_size (cairo_t                 *cr,
                    const Frame             *f,
                    const CustosHeatmapData *data,
                    double                   size)
{
  const CustosHeatmapGeometry *g = &f->g;

  for (guint step = 0; step < 4 && size > LABEL_SIZE_MIN; step++)
    {
      double across = widest_label_word (cr, f->family, size, data->consequence_labels, g->n_consequence);
      double up = widest_label_word (cr, f->family, size, data->likelihood_labels, g->n_likelihood);
      double room = MIN (across > 0 ? (g->cell_width - 3) / across : 1.0,
                         up > 0 ? (g->label_width - size * 0.6) / up : 1.0);

      if (room >= 1.0)
        break;
      /* A little under the proportion, so hinting rarely needs another step. */
      size = MAX (size * room * 0.97, LABEL_SIZE_MIN);
    }
  return size;
}

/* What changes only with the criteria, the style and the size, and seldom
 * with the risks: the cells in their colours (empty ones lighter), the
 * movement arrows, the labels and the axis titles. */
static void
draw_static (cairo_t                  *cr,
             Frame                    *f,
             const CustosHeatmapData  *data,
             const CustosHeatmapStyle *style)
{
  const CustosHeatmapGeometry *g = &f->g;
  double label_size = f->label_size;

  for (guint l = 1; l <= g->n_likelihood; l++)
    for (guint c = 1; c <= g->n_consequence; c++)
      {
        double x, y, w, h, fill[3];
        double mix = (style->fade_empty && data->counts[l - 1][c - 1] == 0) ? 0.62 : 0.0;

        custos_heatmap_cell_rect (g, (int) l, (int) c, &x, &y, &w, &h);
        cell_fill (data, style, l, c, fill);
        for (int k = 0; k < 3; k++)
          fill[k] = fill[k] * (1 - mix) + f->paper[k] * mix;
        set_source (cr, fill, 1.0);
        rounded_rect (cr, x + g->gutter / 2, y + g->gutter / 2, w - g->gutter, h - g->gutter, f->radius);
        cairo_fill (cr);
      }

  /* Movement arrows: up to one per pair of cells, hundreds in a large register. */
  if (style->show_movement)
    for (guint i = 0; i < data->moves->len; i++)
      draw_arrow (cr, g, &g_array_index (data->moves, Move, i), f->ink);

  label_size = fitting_label_size (cr, f, data, label_size);

  /* Likelihood labels, right-aligned beside their rows. */
  set_source (cr, f->ink, 0.85);
  for (guint l = 1; l <= g->n_likelihood; l++)
    {
      double x, y, w, h;
      g_autofree char *text = g_strdup_printf ("%s (%u)", data->likelihood_labels[l - 1], l);
      g_autoptr(PangoLayout) layout = make_layout (cr, f->family, label_size, PANGO_WEIGHT_NORMAL, text);

      custos_heatmap_cell_rect (g, (int) l, 1, &x, &y, &w, &h);
      show_in_box (cr, layout, g->label_x, y, g->label_width - label_size * 0.6, h, PANGO_ALIGN_RIGHT, 3);
    }

  /* Consequence labels, centred under their columns. */
  for (guint c = 1; c <= g->n_consequence; c++)
    {
      double x, y, w, h;
      g_autofree char *text = g_strdup_printf ("%s (%u)", data->consequence_labels[c - 1], c);
      g_autoptr(PangoLayout) layout = make_layout (cr, f->family, label_size, PANGO_WEIGHT_NORMAL, text);

      custos_heatmap_cell_rect (g, 1, (int) c, &x, &y, &w, &h);
      show_in_box (cr, layout, x + 1, g->label_y, w - 2, g->label_height, PANGO_ALIGN_CENTER, 2);
    }

  if (style->show_axis_titles)
    {
      double title_size = MAX (CLAMP (g->axis_size * 0.55, 3.0, 10.5), MIN (style->label_size_min, g->axis_size * 0.8));
      g_autoptr(PangoLayout) across = make_layout (cr, f->family, title_size, PANGO_WEIGHT_BOLD, _("Consequence"));
      g_autoptr(PangoLayout) up = make_layout (cr, f->family, title_size, PANGO_WEIGHT_BOLD, _("Likelihood"));

      set_source (cr, f->ink, 1.0);
      show_in_box (cr, across, g->x, g->label_y + g->label_height, g->width, g->axis_size, PANGO_ALIGN_CENTER, 1);

      /* Rotated a quarter turn: x runs up the axis. */
      cairo_save (cr);
      cairo_translate (cr, g->label_x - g->axis_size, g->y + g->height);
      cairo_rotate (cr, -G_PI / 2);
      show_in_box (cr, up, 0, 0, g->height, g->axis_size, PANGO_ALIGN_CENTER, 1);
      cairo_restore (cr);
    }
}

/* What changes with the selection and the risks: the selected cell's
 * outline and the counts. */
static void
draw_dynamic (cairo_t                  *cr,
              Frame                    *f,
              const CustosHeatmapData  *data,
              const CustosHeatmapStyle *style)
{
  const CustosHeatmapGeometry *g = &f->g;
  int sl = style->selected_likelihood, sc = style->selected_consequence;
  g_autoptr(PangoLayout) layout = NULL; /* one for all counts: a layout costs more than its text */

  if (sl >= 1 && sl <= (int) g->n_likelihood && sc >= 1 && sc <= (int) g->n_consequence)
    {
      double x, y, w, h;
      double lw = CLAMP (f->cell * 0.04, 1.0, 3.0);

      custos_heatmap_cell_rect (g, sl, sc, &x, &y, &w, &h);
      set_source (cr, f->ink, 1.0);
      cairo_set_line_width (cr, lw);
      rounded_rect (cr, x + g->gutter / 2 + lw / 2, y + g->gutter / 2 + lw / 2,
                    w - g->gutter - lw, h - g->gutter - lw, f->radius);
      cairo_stroke (cr);
    }

  /* Counts, in black or white, whichever reads better on the cell. */
  for (guint l = 1; l <= g->n_likelihood; l++)
    for (guint c = 1; c <= g->n_consequence; c++)
      {
        guint n = data->counts[l - 1][c - 1];
        double x, y, w, h, fill[3];
        char text[16];

        if (n == 0)
          continue;
        custos_heatmap_cell_rect (g, (int) l, (int) c, &x, &y, &w, &h);
        cell_fill (data, style, l, c, fill);
        g_snprintf (text, sizeof text, "%u", n);
        if (layout == NULL)
          layout = make_layout (cr, f->family, f->count_size, PANGO_WEIGHT_BOLD, text);
        else
          pango_layout_set_text (layout, text, -1);
        /* An arrow passing through the cell goes under its count: a plate of
         * the cell's colour is laid behind the number. */
        if (style->show_movement && data->moves->len > 0)
          {
            PangoRectangle logical;
            double pw, ph;

            pango_layout_get_extents (layout, NULL, &logical);
            pw = MIN (logical.width / (double) PANGO_SCALE + f->count_size * 0.5, w - g->gutter);
            ph = MIN (logical.height / (double) PANGO_SCALE, h - g->gutter);
            set_source (cr, fill, 1.0);
            rounded_rect (cr, x + (w - pw) / 2, y + (h - ph) / 2, pw, ph, f->radius);
            cairo_fill (cr);
          }
        if (luminance (fill) > 0.36)
          cairo_set_source_rgb (cr, 0.08, 0.08, 0.1);
        else
          cairo_set_source_rgb (cr, 1, 1, 1);
        show_in_box (cr, layout, x, y, w, h, PANGO_ALIGN_CENTER, 1);
      }
}

/* The frame of a drawing; a NULL style takes the defaults, kept in
 * *defaults. Returns the style drawn with. */
static const CustosHeatmapStyle *
frame_for (Frame                    *f,
           double                    width,
           double                    height,
           const CustosHeatmapData  *data,
           const CustosHeatmapStyle *style,
           CustosHeatmapStyle       *defaults)
{
  if (style == NULL)
    {
      custos_heatmap_style_init (defaults);
      style = defaults;
    }
  frame_init (f, width, height, data, style);
  return style;
}

void
custos_heatmap_draw_data (cairo_t                  *cr,
                          double                    width,
                          double                    height,
                          const CustosHeatmapData  *data,
                          const CustosHeatmapStyle *style)
{
  CustosHeatmapStyle defaults;
  Frame f;

  g_return_if_fail (cr != NULL);
  g_return_if_fail (data != NULL);

  style = frame_for (&f, width, height, data, style, &defaults);
  cairo_save (cr);
  draw_static (cr, &f, data, style);
  draw_dynamic (cr, &f, data, style);
  cairo_restore (cr);
}

/* The cache of the static layer ------------------------------------------ */

struct _CustosHeatmapCache
{
  cairo_surface_t    *surface;      /* the static layer, NULL until drawn */
  CustosHeatmapData  *data;         /* … of this data */
  CustosHeatmapStyle  style;        /* … in this style (font_family is ours) */
  double              width, height, scale;
  guint               static_draws;
};

CustosHeatmapCache *
custos_heatmap_cache_new (void)
{
  return g_new0 (CustosHeatmapCache, 1);
}

static void
cache_clear (CustosHeatmapCache *cache)
{
  g_clear_pointer (&cache->surface, cairo_surface_destroy);
  g_clear_pointer (&cache->data, custos_heatmap_data_unref);
  g_clear_pointer ((char **) &cache->style.font_family, g_free);
}

void
custos_heatmap_cache_free (CustosHeatmapCache *cache)
{
  if (cache == NULL)
    return;
  cache_clear (cache);
  g_free (cache);
}

/* Whether a and b draw the same static layer. */
static gboolean
same_static_data (const CustosHeatmapData  *a,
                  const CustosHeatmapData  *b,
                  const CustosHeatmapStyle *style)
{
  if (a == b)
    return TRUE;
  if (a->n_likelihood != b->n_likelihood || a->n_consequence != b->n_consequence || a->n_bands != b->n_bands ||
      memcmp (a->cell_band, b->cell_band, sizeof a->cell_band) != 0)
    return FALSE;
  for (guint i = 0; i < a->n_bands; i++)
    if (g_strcmp0 (a->band_colours[i], b->band_colours[i]) != 0)
      return FALSE;
  for (guint i = 0; i < CUSTOS_MAX_LEVELS; i++)
    if (g_strcmp0 (a->likelihood_labels[i], b->likelihood_labels[i]) != 0 ||
        g_strcmp0 (a->consequence_labels[i], b->consequence_labels[i]) != 0)
      return FALSE;
  for (guint l = 0; style->fade_empty && l < a->n_likelihood; l++)
    for (guint c = 0; c < a->n_consequence; c++)
      if ((a->counts[l][c] == 0) != (b->counts[l][c] == 0))
        return FALSE;
  return !style->show_movement ||
         (a->moves->len == b->moves->len &&
          memcmp (a->moves->data, b->moves->data, a->moves->len * sizeof (Move)) == 0);
}

static gboolean
same_static_style (const CustosHeatmapStyle *a,
                   const CustosHeatmapStyle *b)
{
  return a->palette == b->palette && a->show_axis_titles == b->show_axis_titles &&
         a->show_movement == b->show_movement &&
         a->fade_empty == b->fade_empty && g_strcmp0 (a->font_family, b->font_family) == 0 &&
         memcmp (a->text_rgba, b->text_rgba, sizeof a->text_rgba) == 0 &&
         memcmp (a->background_rgba, b->background_rgba, sizeof a->background_rgba) == 0 &&
         a->label_size_min == b->label_size_min;
}

void
custos_heatmap_cache_draw (CustosHeatmapCache       *cache,
                          cairo_t                  *cr,
                          double                    width,
                          double                    height,
                          double                    scale,
                          const CustosHeatmapData  *data,
                          const CustosHeatmapStyle *style)
{
  CustosHeatmapStyle defaults;
  Frame f;

  g_return_if_fail (cache != NULL);
  g_return_if_fail (cr != NULL);
  g_return_if_fail (data != NULL);

  style = frame_for (&f, width, height, data, style, &defaults);
  if (cache->surface == NULL || cache->width != width || cache->height != height || cache->scale != scale ||
      !same_static_style (&cache->style, style) || !same_static_data (cache->data, data, style))
    {
      cairo_t *layer;

      cache_clear (cache);
      cache->surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, (int) ceil (width * scale),
                                                   (int) ceil (height * scale));
      cairo_surface_set_device_scale (cache->surface, scale, scale);
      layer = cairo_create (cache->surface);
      draw_static (layer, &f, data, style);
      cairo_destroy (layer);
      cache->data = custos_heatmap_data_ref ((CustosHeatmapData *) data);
      cache->style = *style;
      cache->style.font_family = g_strdup (style->font_family);
      cache->width = width;
      cache->height = height;
      cache->scale = scale;
      cache->static_draws++;
    }
  cairo_save (cr);
  cairo_set_source_surface (cr, cache->surface, 0, 0);
  cairo_paint (cr);
  draw_dynamic (cr, &f, data, style);
  cairo_restore (cr);
}

guint
custos_heatmap_cache_get_static_draws (const CustosHeatmapCache *cache)
{
  g_return_val_if_fail (cache != NULL, 0);
  return cache->static_draws;
}

void
custos_heatmap_draw (cairo_t                  *cr,
                     double                    width,
                     double                    height,
                     CustosDocument           *document,
                     gboolean                  residual,
                     const CustosHeatmapStyle *style)
{
  g_autoptr(CustosHeatmapData) data = NULL;

  g_return_if_fail (cr != NULL);
  g_return_if_fail (CUSTOS_IS_DOCUMENT (document));

  data = custos_heatmap_data_new (document, residual);
  custos_heatmap_draw_data (cr, width, height, data, style);
}
