/* SPDX-License-Identifier: GPL-3.0-or-later */
/* custos-report-book-style.c — the report book's text styles: fonts, sizes
 * and the layouts of text */
#include "config.h"

#include <math.h>
#include <string.h>

#include "custos-report-book-private.h"

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

Style
book_cell_style (CustosReportBook *self,
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
PangoLayout *
book_make_layout (CustosReportBook *self,
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

PangoAlignment
book_cell_alignment (guint flags)
{
  if (flags & CUSTOS_CELL_RIGHT)
    return PANGO_ALIGN_RIGHT;
  if (flags & CUSTOS_CELL_CENTER)
    return PANGO_ALIGN_CENTER;
  return PANGO_ALIGN_LEFT;
}


/* The fonts of every style at 72 dpi, without hinting, and the layout cache. */
void
book_styles_init (CustosReportBook *self)
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
}

void
book_styles_clear (CustosReportBook *self)
{
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
}
