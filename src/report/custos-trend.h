/* SPDX-License-Identifier: GPL-3.0-or-later */
/* custos-trend.h — a measure's results over time against its target, drawn with cairo
 *
 * One GTK-free drawing function for every place a trend appears: the
 * window's trend view, the PDF reports and the printed page. Drawing and hit
 * testing share one geometry function, so a point is found where it was
 * drawn at any size.
 *
 * Time runs along the horizontal axis (oldest on the left), the value up the
 * vertical axis. Results that meet the target are drawn as circles in the
 * "met" colour, those that miss it as diamonds in the "missed" colour, so the
 * chart never depends on colour alone; which side of the target is good
 * follows the measure's "higher is better".
 */
#pragma once

#include <cairo.h>

#include "custos-document.h"

G_BEGIN_DECLS

typedef enum
{
  CUSTOS_TREND_PALETTE_STANDARD,     /* green for met, red for missed */
  CUSTOS_TREND_PALETTE_COLOUR_BLIND, /* blue for met, orange for missed (Okabe–Ito) */
} CustosTrendPalette;

typedef struct
{
  CustosTrendPalette  palette;
  gboolean            show_labels;        /* axis labels and the target's label; FALSE for a sparkline */
  const char         *font_family;        /* NULL: the report's sans family */
  double              text_rgba[4];       /* alpha 0: near-black */
  double              background_rgba[4]; /* alpha 0: nothing painted behind the chart */
  int                 selected;           /* a highlighted point, -1: none */
} CustosTrendStyle;

/* Where everything goes for a given size; a pure function of its inputs. */
typedef struct
{
  double   x, y, width, height;    /* the plot box */
  double   value_min, value_max;   /* the values at the bottom and top of the box */
  double   tick_step;              /* between the value grid lines */
  guint    n_ticks;                /* grid lines, value_min included */
  int      decimals;               /* of the value labels */
  double   day_min, day_max;       /* Julian days at the left and right of the box */
  double   label_width;            /* value labels, left of the box (0 without labels) */
  double   label_height;           /* date labels, below the box (0 without labels) */
  double   font_size;
  double   marker_radius;
  gboolean labels;                 /* whether there is room for labels at all */
} CustosTrendGeometry;

/* A snapshot of what a trend shows, safe to draw from another thread. */
typedef struct _CustosTrendData CustosTrendData;

void              custos_trend_style_init        (CustosTrendStyle          *style);

/* target NaN: the measure has none; unit may be NULL. */
CustosTrendData  *custos_trend_data_new          (double                     target,
                                                  gboolean                   higher_is_better,
                                                  const char                *unit);
/* The results of a measure (measurements that name it, with a date and a
 * value), oldest first. */
CustosTrendData  *custos_trend_data_new_for_measure (CustosDocument         *document,
                                                  CustosRecord              *measure);
CustosTrendData  *custos_trend_data_ref          (CustosTrendData           *data);
void              custos_trend_data_unref        (CustosTrendData           *data);
/* Adds a result, keeping the points in date order (a result of the same
 * date goes after those already there). id may be NULL. */
void              custos_trend_data_add          (CustosTrendData           *data,
                                                  const GDate               *date,
                                                  double                     value,
                                                  const char                *id);
guint             custos_trend_data_get_n_points (const CustosTrendData     *data);
/* The index-th point in date order; any output may be NULL. */
void              custos_trend_data_get_point    (const CustosTrendData     *data,
                                                  guint                      index,
                                                  GDate                     *date,
                                                  double                    *value,
                                                  const char               **id);
double            custos_trend_data_get_target   (const CustosTrendData     *data);
gboolean          custos_trend_data_get_higher_is_better (const CustosTrendData *data);
const char       *custos_trend_data_get_unit     (const CustosTrendData     *data);

/* Whether value meets target: at or above it when higher is better, at or
 * below it otherwise. FALSE when either is NaN. */
gboolean          custos_trend_meets_target      (double                     value,
                                                  double                     target,
                                                  gboolean                   higher_is_better);
/* "95 %", "4 hours", "3.4" (unit may be NULL); locale-independent decimals. */
char             *custos_trend_format_value      (double                     value,
                                                  const char                *unit);

void              custos_trend_geometry          (double                     width,
                                                  double                     height,
                                                  const CustosTrendData     *data,
                                                  gboolean                   show_labels,
                                                  CustosTrendGeometry       *geometry);
/* Map a date (as a Julian day) and a value into the box. */
double            custos_trend_x                 (const CustosTrendGeometry *geometry,
                                                  double                     julian_day);
double            custos_trend_y                 (const CustosTrendGeometry *geometry,
                                                  double                     value);
/* The point drawn nearest to (x, y) within a few pixels, or -1. */
int               custos_trend_hit_test          (double                     width,
                                                  double                     height,
                                                  const CustosTrendData     *data,
                                                  gboolean                   show_labels,
                                                  double                     x,
                                                  double                     y);

/* Draws into the rectangle (0, 0, width, height) of cr's user space. */
void              custos_trend_draw              (cairo_t                   *cr,
                                                  double                     width,
                                                  double                     height,
                                                  const CustosTrendData     *data,
                                                  const CustosTrendStyle    *style);
void              custos_trend_draw_measure      (cairo_t                   *cr,
                                                  double                     width,
                                                  double                     height,
                                                  CustosDocument            *document,
                                                  CustosRecord              *measure,
                                                  const CustosTrendStyle    *style);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CustosTrendData, custos_trend_data_unref)

G_END_DECLS
