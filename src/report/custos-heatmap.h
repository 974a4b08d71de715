/* SPDX-License-Identifier: GPL-3.0-or-later */
/* custos-heatmap.h — the likelihood × consequence heatmap, drawn with cairo
 *
 * One GTK-free drawing function for every place the heatmap appears: the
 * PDF reports, the printed page and the window's heatmap widget. Drawing and
 * hit testing share one geometry function, so a point maps to the cell that
 * was drawn under it at any size.
 *
 * Likelihood runs up the vertical axis (highest at the top), consequence
 * along the horizontal axis (highest on the right).
 */
#pragma once

#include <cairo.h>

#include "custos-document.h"

G_BEGIN_DECLS

typedef enum
{
  CUSTOS_HEATMAP_PALETTE_BANDS,        /* the colours of the criteria's bands */
  CUSTOS_HEATMAP_PALETTE_COLOUR_BLIND, /* an ordered palette safe for colour-blind readers */
} CustosHeatmapPalette;

typedef struct
{
  CustosHeatmapPalette  palette;
  gboolean              show_movement;    /* arrows from inherent to residual cells */
  gboolean              show_axis_titles; /* "Likelihood", "Consequence" */
  gboolean              fade_empty;       /* empty cells in a lighter tint */
  const char           *font_family;      /* NULL: the report's sans family */
  double                text_rgba[4];     /* alpha 0: near-black */
  double                background_rgba[4]; /* alpha 0: white; cells are mixed with it */
  int                   selected_likelihood;  /* a highlighted cell; 0: none */
  int                   selected_consequence;
  double                label_size_min;   /* labels no smaller than this (still fitted to their room); 0: none */
  double                count_size_min;   /* counts no smaller than this (within their cell); 0: none */
} CustosHeatmapStyle;

/* Where everything goes for a given size; a pure function of its inputs. */
typedef struct
{
  double x, y, width, height;   /* the grid */
  double cell_width, cell_height;
  double gutter;                /* white space between cells */
  double label_x, label_width;  /* likelihood labels, left of the grid */
  double label_y, label_height; /* consequence labels, below the grid */
  double axis_size;             /* room for each axis title */
  guint  n_likelihood, n_consequence;
} CustosHeatmapGeometry;

/* A snapshot of what the heatmap shows, safe to draw from another thread. */
typedef struct _CustosHeatmapData CustosHeatmapData;

void               custos_heatmap_style_init      (CustosHeatmapStyle          *style);

void               custos_heatmap_geometry        (double                       width,
                                                   double                       height,
                                                   guint                        n_likelihood,
                                                   guint                        n_consequence,
                                                   CustosHeatmapGeometry       *geometry);
/* Maps a point to a cell (1-based levels). FALSE when the point is outside
 * the grid; the outputs are then 0. */
gboolean           custos_heatmap_hit_test        (double                       width,
                                                   double                       height,
                                                   guint                        n_likelihood,
                                                   guint                        n_consequence,
                                                   double                       x,
                                                   double                       y,
                                                   int                         *likelihood,
                                                   int                         *consequence);
/* The rectangle of a cell (1-based levels). */
void               custos_heatmap_cell_rect       (const CustosHeatmapGeometry *geometry,
                                                   int                          likelihood,
                                                   int                          consequence,
                                                   double                      *x,
                                                   double                      *y,
                                                   double                      *width,
                                                   double                      *height);

/* The number of risks whose inherent (or residual) levels are these. */
guint              custos_heatmap_count           (CustosDocument              *document,
                                                   gboolean                     residual,
                                                   int                          likelihood,
                                                   int                          consequence);

CustosHeatmapData *custos_heatmap_data_new        (CustosDocument              *document,
                                                   gboolean                     residual);
CustosHeatmapData *custos_heatmap_data_ref        (CustosHeatmapData           *data);
void               custos_heatmap_data_unref      (CustosHeatmapData           *data);
guint              custos_heatmap_data_get_count  (const CustosHeatmapData     *data,
                                                   int                          likelihood,
                                                   int                          consequence);
guint              custos_heatmap_data_get_total  (const CustosHeatmapData     *data);

/* Draws into the rectangle (0, 0, width, height) of cr's user space. */
void               custos_heatmap_draw            (cairo_t                     *cr,
                                                   double                       width,
                                                   double                       height,
                                                   CustosDocument              *document,
                                                   gboolean                     residual,
                                                   const CustosHeatmapStyle    *style);
void               custos_heatmap_draw_data       (cairo_t                     *cr,
                                                   double                       width,
                                                   double                       height,
                                                   const CustosHeatmapData     *data,
                                                   const CustosHeatmapStyle    *style);

/* The heatmap as the widget redraws it: the static layer (cells, labels,
 * axis titles) is drawn once into an image surface at scale and reused
 * while the size, the style and what the data shows of it (criteria; which
 * cells are empty, when those fade; the movement arrows, when shown) stay
 * the same; the counts and the selection are drawn over it each time. */
typedef struct _CustosHeatmapCache CustosHeatmapCache;

CustosHeatmapCache *custos_heatmap_cache_new      (void);
void               custos_heatmap_cache_free      (CustosHeatmapCache          *cache);
void               custos_heatmap_cache_draw      (CustosHeatmapCache          *cache,
                                                   cairo_t                     *cr,
                                                   double                       width,
                                                   double                       height,
                                                   double                       scale,
                                                   const CustosHeatmapData     *data,
                                                   const CustosHeatmapStyle    *style);
/* How many times the static layer was drawn (for tests). */
guint              custos_heatmap_cache_get_static_draws (const CustosHeatmapCache *cache);

/* Colour of band index (0-based) of n_bands under a palette, as 0xRRGGBB;
 * hex is the band's own colour ("#e01b24"), used by the BANDS palette. */
guint32            custos_heatmap_band_colour     (CustosHeatmapPalette         palette,
                                                   guint                        band,
                                                   guint                        n_bands,
                                                   const char                  *hex);

/* The text colour that reads on a fill (0xRRGGBB): near-black or white, by
 * the rule the heatmap's counts use. */
guint32            custos_heatmap_text_colour     (guint32                      fill);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CustosHeatmapData, custos_heatmap_data_unref)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (CustosHeatmapCache, custos_heatmap_cache_free)

G_END_DECLS
