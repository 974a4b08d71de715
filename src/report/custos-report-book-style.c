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

/* Hashes at most the first 256 bytes: a long text is looked up for every
 * page its row is drawn on, and hashing all of it each time would cost as
 * much as the text times the pages. */
static guint
layout_key_hash (gconstpointer p)
{
  const LayoutKey *k = p;
  guint h = 5381;

  for (guint i = 0; i < 256 && k->text[i] != '\0'; i++)
    h = h * 33 + (guchar) k->text[i];
  return h ^ (k->style * 2654435761u) ^ ((guint) k->width * 40503u);
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

/* Whether c may not begin an item: it joins the character before it. */
static gboolean
joins_previous (gunichar c)
{
  return g_unichar_ismark (c) || c == 0x200D /* ZWJ */ || (c >= 0xFE00 && c <= 0xFE0F) /* variation selectors */;
}

/* Cuts every word of LONG_WORD bytes or more into items of about PIECE
 * bytes: every other piece gets an attribute that changes nothing (font
 * fallback, which is on anyway), and Pango starts a new item wherever the
 * attributes change. Without this, Pango 1.50 reshapes the rest of a long
 * word for each line it breaks off it: a 50 KiB word took 29 s, 1 MiB would
 * take hours. */
static void
split_long_words (PangoLayout *layout)
{
  const char *text = pango_layout_get_text (layout);
  PangoAttrList *attrs = NULL;
  const char *p = text;

  while (*p != '\0')
    {
      const char *word = p, *piece;
      gboolean odd = FALSE;

      while (*p != '\0' && !g_unichar_isspace (g_utf8_get_char (p)))
        p = g_utf8_next_char (p);
      if (p - word >= LONG_WORD)
        {
          if (attrs == NULL)
            {
              PangoAttrList *old = pango_layout_get_attributes (layout);
              attrs = old != NULL ? pango_attr_list_copy (old) : pango_attr_list_new ();
            }
          piece = word;
          for (const char *q = word; q < p; q = g_utf8_next_char (q))
            {
              if (q - piece < PIECE || joins_previous (g_utf8_get_char (q)))
                continue;
              if ((odd = !odd))
                {
                  PangoAttribute *attr = pango_attr_fallback_new (TRUE);

                  attr->start_index = (guint) (piece - text);
                  attr->end_index = (guint) (q - text);
                  pango_attr_list_insert (attrs, attr);
                }
              piece = q;
            }
        }
      if (*p != '\0')
        p = g_utf8_next_char (p);
    }
  if (attrs != NULL)
    {
      pango_layout_set_attributes (layout, attrs);
      pango_attr_list_unref (attrs);
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
  split_long_words (layout);
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
  GHashTable *cache;
  gsize length = strlen (text);

  if (length <= CACHE_MAX_TEXT)
    cache = self->layouts;
  else if (length >= LONG_TEXT)
    cache = self->long_layouts;
  else
    return new_layout (self, style, flags, text, width, alignment);

  key.text = (char *) text;
  key.style = ((guint32) style << 16) | ((flags & 0x3fff) << 2) | (guint32) alignment;
  key.width = width > 0 ? (gint32) lround (width * 64) : -1;
  layout = g_hash_table_lookup (cache, &key);
  if (layout != NULL)
    return g_object_ref (layout);

  if (g_hash_table_size (cache) >= (cache == self->layouts ? CACHE_MAX_ENTRIES : LONG_MAX_ENTRIES))
    g_hash_table_remove_all (cache);
  layout = new_layout (self, style, flags, text, width, alignment);
  stored = g_new (LayoutKey, 1);
  *stored = key;
  stored->text = g_strdup (text);
  g_hash_table_insert (cache, stored, g_object_ref (layout));
  return layout;
}

static void
free_lines (gpointer lines)
{
  g_array_unref (lines);
}

/* The lines of a layout with their positions, worked out once per layout
 * (a split row is drawn and cut by its lines on every page it spans). */
const GArray *
book_layout_lines (PangoLayout *layout)
{
  GArray *lines = g_object_get_data (G_OBJECT (layout), "custos-lines");
  PangoLayoutIter *iter;

  if (lines != NULL)
    return lines;
  lines = g_array_new (FALSE, FALSE, sizeof (LineBox));
  iter = pango_layout_get_iter (layout);
  do
    {
      PangoRectangle logical;
      LineBox box;

      pango_layout_iter_get_line_extents (iter, NULL, &logical);
      box.top = logical.y / (double) PANGO_SCALE;
      box.bottom = box.top + logical.height / (double) PANGO_SCALE;
      box.baseline = pango_layout_iter_get_baseline (iter) / (double) PANGO_SCALE;
      box.x = logical.x / (double) PANGO_SCALE;
      box.line = pango_layout_iter_get_line_readonly (iter);
      g_array_append_val (lines, box);
    }
  while (pango_layout_iter_next_line (iter));
  pango_layout_iter_free (iter);
  g_object_set_data_full (G_OBJECT (layout), "custos-lines", lines, free_lines);
  return lines;
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
  self->long_layouts = g_hash_table_new_full (layout_key_hash, layout_key_equal, layout_key_free, g_object_unref);
}

void
book_styles_clear (CustosReportBook *self)
{
  g_hash_table_unref (self->layouts);
  g_hash_table_unref (self->long_layouts);
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
