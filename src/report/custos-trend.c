/* SPDX-License-Identifier: GPL-3.0-or-later */
/* custos-trend.c — a measure's results over time against its target, drawn with cairo */
#include "config.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

#include <glib/gi18n-lib.h>
#include <pango/pangocairo.h>

#include "custos-trend.h"

#define DEFAULT_FAMILY "Cantarell, DejaVu Sans, Noto Sans, sans-serif"

/* Below this size a trend is a sparkline: no labels. */
#define MIN_LABELLED_WIDTH  160.0
#define MIN_LABELLED_HEIGHT 90.0

typedef struct
{
  guint32  day;   /* Julian day */
  double   value;
  char    *id;
} Point;

struct _CustosTrendData
{
  gatomicrefcount  ref_count;
  double           target;
  gboolean         higher_is_better;
  char            *unit;
  GArray          *points; /* Point, by date */
};

/* Style and colours ----------------------------------------------------- */

void
custos_trend_style_init (CustosTrendStyle *style)
{
  g_return_if_fail (style != NULL);

  memset (style, 0, sizeof *style);
  style->palette = CUSTOS_TREND_PALETTE_STANDARD;
  style->show_labels = TRUE;
  style->selected = -1;
}

typedef struct
{
  double met[3];
  double missed[3];
  double neutral[3];
} Palette;

static void
rgb (guint32  hex,
     double  *out)
{
  out[0] = ((hex >> 16) & 0xff) / 255.0;
  out[1] = ((hex >> 8) & 0xff) / 255.0;
  out[2] = (hex & 0xff) / 255.0;
}

static void
palette_init (CustosTrendPalette  which,
              Palette            *p)
{
  if (which == CUSTOS_TREND_PALETTE_COLOUR_BLIND)
    {
      /* Okabe–Ito blue and vermilion: apart for every common colour blindness. */
      rgb (0x0072b2, p->met);
      rgb (0xd55e00, p->missed);
      rgb (0x56b4e9, p->neutral);
    }
  else
    {
      /* GNOME palette: green 5, red 4, blue 4. */
      rgb (0x26a269, p->met);
      rgb (0xc01c28, p->missed);
      rgb (0x1c71d8, p->neutral);
    }
}

static void
set_source (cairo_t      *cr,
            const double *colour,
            double        alpha)
{
  cairo_set_source_rgba (cr, colour[0], colour[1], colour[2], alpha);
}

/* Data ------------------------------------------------------------------ */

CustosTrendData *
custos_trend_data_new (double      target,
                       gboolean    higher_is_better,
                       const char *unit)
{
  CustosTrendData *data = g_new0 (CustosTrendData, 1);

  g_atomic_ref_count_init (&data->ref_count);
  data->target = isfinite (target) ? target : NAN;
  data->higher_is_better = higher_is_better;
  data->unit = unit != NULL && *unit != '\0' ? g_strdup (unit) : NULL;
  data->points = g_array_new (FALSE, FALSE, sizeof (Point));
  return data;
}

CustosTrendData *
custos_trend_data_ref (CustosTrendData *data)
{
  g_return_val_if_fail (data != NULL, NULL);
  g_atomic_ref_count_inc (&data->ref_count);
  return data;
}

void
custos_trend_data_unref (CustosTrendData *data)
{
  if (data == NULL || !g_atomic_ref_count_dec (&data->ref_count))
    return;
  for (guint i = 0; i < data->points->len; i++)
    g_free (g_array_index (data->points, Point, i).id);
  g_array_unref (data->points);
  g_free (data->unit);
  g_free (data);
}

void
custos_trend_data_add (CustosTrendData *data,
                       const GDate     *date,
                       double           value,
                       const char      *id)
{
  Point point;
  guint at;

  g_return_if_fail (data != NULL);
  g_return_if_fail (date != NULL && g_date_valid (date));
  g_return_if_fail (isfinite (value));

  point.day = g_date_get_julian (date);
  point.value = value;
  point.id = g_strdup (id);
  for (at = data->points->len; at > 0; at--)
    if (g_array_index (data->points, Point, at - 1).day <= point.day)
      break;
  g_array_insert_val (data->points, at, point);
}

CustosTrendData *
custos_trend_data_new_for_measure (CustosDocument *document,
                                   CustosRecord   *measure)
{
  CustosTrendData *data;
  GListModel *results;
  const char *id;

  g_return_val_if_fail (CUSTOS_IS_DOCUMENT (document), NULL);
  g_return_val_if_fail (CUSTOS_IS_MEASURE (measure), NULL);

  data = custos_trend_data_new (custos_measure_get_target (CUSTOS_MEASURE (measure)),
                                custos_measure_get_higher_is_better (CUSTOS_MEASURE (measure)),
                                custos_measure_get_unit (CUSTOS_MEASURE (measure)));
  id = custos_record_get_id (measure);
  results = custos_document_get_register (document, CUSTOS_REGISTER_MEASUREMENTS);
  for (guint i = 0, n = g_list_model_get_n_items (results); id != NULL && i < n; i++)
    {
      g_autoptr(CustosRecord) result = g_list_model_get_item (results, i);
      double value = custos_measurement_get_value (CUSTOS_MEASUREMENT (result));
      GDate date;

      if (g_strcmp0 (custos_measurement_get_measure (CUSTOS_MEASUREMENT (result)), id) != 0 ||
          !isfinite (value) ||
          !custos_date_parse (custos_measurement_get_date (CUSTOS_MEASUREMENT (result)), &date))
        continue;
      custos_trend_data_add (data, &date, value, custos_record_get_id (result));
    }
  return data;
}

guint
custos_trend_data_get_n_points (const CustosTrendData *data)
{
  g_return_val_if_fail (data != NULL, 0);
  return data->points->len;
}

void
custos_trend_data_get_point (const CustosTrendData  *data,
                             guint                   index,
                             GDate                  *date,
                             double                 *value,
                             const char            **id)
{
  const Point *point;

  g_return_if_fail (data != NULL);
  g_return_if_fail (index < data->points->len);

  point = &g_array_index (data->points, Point, index);
  if (date != NULL)
    {
      g_date_clear (date, 1);
      g_date_set_julian (date, point->day);
    }
  if (value != NULL)
    *value = point->value;
  if (id != NULL)
    *id = point->id;
}

double
custos_trend_data_get_target (const CustosTrendData *data)
{
  g_return_val_if_fail (data != NULL, NAN);
  return data->target;
}

gboolean
custos_trend_data_get_higher_is_better (const CustosTrendData *data)
{
  g_return_val_if_fail (data != NULL, FALSE);
  return data->higher_is_better;
}

const char *
custos_trend_data_get_unit (const CustosTrendData *data)
{
  g_return_val_if_fail (data != NULL, NULL);
  return data->unit;
}

gboolean
custos_trend_meets_target (double   value,
                           double   target,
                           gboolean higher_is_better)
{
  if (!isfinite (value) || !isfinite (target))
    return FALSE;
  return higher_is_better ? value >= target : value <= target;
}

/* A number as people write it: no trailing zeros, at most three decimals. */
static char *
format_number (double value,
               int    decimals)
{
  char buffer[G_ASCII_DTOSTR_BUF_SIZE];
  char format[8];
  char *text;
  char *end;

  g_snprintf (format, sizeof format, "%%.%df", CLAMP (decimals, 0, 6));
  g_ascii_formatd (buffer, sizeof buffer, format, value);
  text = g_strdup (strcmp (buffer, "-0") == 0 ? "0" : buffer);
  if (strchr (text, '.') != NULL)
    {
      end = text + strlen (text) - 1;
      while (*end == '0')
        *end-- = '\0';
      if (*end == '.')
        *end = '\0';
    }
  return text;
}

char *
custos_trend_format_value (double      value,
                           const char *unit)
{
  g_autofree char *number = NULL;

  if (!isfinite (value))
    return g_strdup ("—");
  number = format_number (value, 3);
  if (unit == NULL || *unit == '\0')
    return g_steal_pointer (&number);
  /* "95 %", "4 hours": a thin space would be nicer, but reads badly in CSV. */
  return g_strdup_printf ("%s %s", number, unit);
}

/* Geometry -------------------------------------------------------------- */

static double
nice_step (double raw)
{
  double exponent, fraction, nice;

  if (!(raw > 0) || !isfinite (raw))
    return 1.0;
  exponent = floor (log10 (raw));
  fraction = raw / pow (10, exponent);
  if (fraction <= 1.0)
    nice = 1.0;
  else if (fraction <= 2.0)
    nice = 2.0;
  else if (fraction <= 2.5)
    nice = 2.5;
  else if (fraction <= 5.0)
    nice = 5.0;
  else
    nice = 10.0;
  return nice * pow (10, exponent);
}

static int
step_decimals (double step)
{
  for (int d = 0; d < 6; d++)
    {
      double scaled = step * pow (10, d);
      if (fabs (scaled - round (scaled)) < 1e-6 * MAX (1.0, scaled))
        return d;
    }
  return 6;
}

static gboolean
is_percentage (const CustosTrendData *data)
{
  return data->unit != NULL && g_str_equal (data->unit, "%");
}

/* The value axis: round numbers around every result and the target. */
static void
value_axis (const CustosTrendData *data,
            guint                  wanted_ticks,
            CustosTrendGeometry   *g)
{
  double lo = INFINITY, hi = -INFINITY, span, step;
  gboolean all_positive;

  for (guint i = 0; i < data->points->len; i++)
    {
      double v = g_array_index (data->points, Point, i).value;
      lo = MIN (lo, v);
      hi = MAX (hi, v);
    }
  if (isfinite (data->target))
    {
      lo = MIN (lo, data->target);
      hi = MAX (hi, data->target);
    }
  if (!isfinite (lo) || !isfinite (hi))
    lo = 0, hi = 1;
  all_positive = lo >= 0;
  if (hi - lo < 1e-9)
    {
      double d = fabs (lo) > 1e-9 ? fabs (lo) * 0.1 : 1.0;
      lo -= d, hi += d;
    }
  /* Head room, so that no point sits on the frame. */
  span = hi - lo;
  lo -= span * 0.08;
  hi += span * 0.08;
  if (all_positive && lo < 0)
    lo = 0;

  step = nice_step ((hi - lo) / MAX (wanted_ticks, 1));
  g->tick_step = step;
  g->value_min = floor (lo / step + 1e-9) * step;
  g->value_max = ceil (hi / step - 1e-9) * step;
  if (is_percentage (data) && g->value_max > 100 && hi - span * 0.08 <= 100 + 1e-9)
    g->value_max = 100; /* nothing beyond 100 % */
  if (g->value_max - g->value_min < step)
    g->value_max = g->value_min + step;
  g->n_ticks = (guint) floor ((g->value_max - g->value_min) / step + 1e-6) + 1;
  g->decimals = step_decimals (step);
}

static void
time_axis (const CustosTrendData *data,
           CustosTrendGeometry   *g)
{
  double first, last, pad;

  if (data->points->len == 0)
    {
      g->day_min = 0;
      g->day_max = 1;
      return;
    }
  first = g_array_index (data->points, Point, 0).day;
  last = g_array_index (data->points, Point, data->points->len - 1).day;
  pad = last > first ? MAX ((last - first) * 0.04, 2.0) : 15.0;
  g->day_min = first - pad;
  g->day_max = last + pad;
}

/* Characters of the widest value label. */
static guint
value_label_chars (const CustosTrendGeometry *g)
{
  guint widest = 1;

  for (guint i = 0; i < g->n_ticks; i++)
    {
      g_autofree char *text = format_number (g->value_min + i * g->tick_step, g->decimals);
      widest = MAX (widest, (guint) g_utf8_strlen (text, -1));
    }
  return widest;
}

void
custos_trend_geometry (double                 width,
                       double                 height,
                       const CustosTrendData *data,
                       gboolean               show_labels,
                       CustosTrendGeometry   *g)
{
  double pad, top, box_height;

  g_return_if_fail (data != NULL);
  g_return_if_fail (g != NULL);

  memset (g, 0, sizeof *g);
  width = MAX (width, 1.0);
  height = MAX (height, 1.0);
  g->labels = show_labels && width >= MIN_LABELLED_WIDTH && height >= MIN_LABELLED_HEIGHT;
  g->marker_radius = CLAMP (MIN (width, height) * 0.018, 1.5, 4.5);
  pad = g->marker_radius + 1.0;
  time_axis (data, g);

  if (!g->labels)
    {
      value_axis (data, height >= 40 ? 3 : 2, g);
      g->x = pad;
      g->y = pad;
      g->width = MAX (width - 2 * pad, 1.0);
      g->height = MAX (height - 2 * pad, 1.0);
      return;
    }

  g->font_size = CLAMP (MIN (width, height * 1.6) * 0.035, 8.0, 12.0);
  top = g->font_size * 1.8;                /* the unit, above the value labels */
  g->label_height = g->font_size * 2.8;    /* month, and year under it */
  box_height = MAX (height - top - g->label_height, 1.0);
  value_axis (data, (guint) CLAMP (box_height / (g->font_size * 3.2), 2, 6), g);
  g->label_width = g->font_size * (0.62 * value_label_chars (g) + 1.0);

  g->x = g->label_width;
  g->y = top;
  g->width = MAX (width - g->x - g->font_size, 1.0);
  g->height = box_height;
}

double
custos_trend_x (const CustosTrendGeometry *g,
                double                     julian_day)
{
  double span = g->day_max - g->day_min;

  return g->x + (span > 0 ? (julian_day - g->day_min) / span : 0.5) * g->width;
}

double
custos_trend_y (const CustosTrendGeometry *g,
                double                     value)
{
  double span = g->value_max - g->value_min;

  return g->y + g->height - (span > 0 ? (value - g->value_min) / span : 0.5) * g->height;
}

int
custos_trend_hit_test (double                 width,
                       double                 height,
                       const CustosTrendData *data,
                       gboolean               show_labels,
                       double                 x,
                       double                 y)
{
  CustosTrendGeometry g;
  double best = INFINITY, reach;
  int found = -1;

  g_return_val_if_fail (data != NULL, -1);

  custos_trend_geometry (width, height, data, show_labels, &g);
  reach = MAX (g.marker_radius * 2.5, 8.0);
  for (guint i = 0; i < data->points->len; i++)
    {
      const Point *p = &g_array_index (data->points, Point, i);
      double dx = custos_trend_x (&g, p->day) - x;
      double dy = custos_trend_y (&g, p->value) - y;
      double d = sqrt (dx * dx + dy * dy);

      if (d <= reach && d < best)
        {
          best = d;
          found = (int) i;
        }
    }
  return found;
}

/* Drawing --------------------------------------------------------------- */

/* Moves a horizontal or vertical line onto the device's pixel grid, so that
 * hairlines stay sharp on screen at any scale (harmless in a PDF). */
static double
snap (cairo_t  *cr,
      double    coord,
      gboolean  vertical_line,
      double    line_width)
{
  double x = vertical_line ? coord : 0, y = vertical_line ? 0 : coord;
  double dx = vertical_line ? line_width : 0, dy = vertical_line ? 0 : line_width;
  double device_width, c;

  cairo_user_to_device (cr, &x, &y);
  cairo_user_to_device_distance (cr, &dx, &dy);
  device_width = MAX (round (fabs (vertical_line ? dx : dy)), 1.0);
  c = vertical_line ? x : y;
  c = ((int) device_width % 2 == 1) ? floor (c) + 0.5 : round (c);
  if (vertical_line)
    x = c;
  else
    y = c;
  cairo_device_to_user (cr, &x, &y);
  return vertical_line ? x : y;
}

static PangoLayout *
make_layout (cairo_t     *cr,
             const char  *family,
             double       size,
             PangoWeight  weight,
             const char  *text)
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

/* Shows text with its logical box's (xalign, yalign) corner at (x, y):
 * 0 is left or top, 1 right or bottom. Returns its width. */
static double
show_text (cairo_t    *cr,
           const char *family,
           double      size,
           PangoWeight weight,
           const char *text,
           double      x,
           double      y,
           double      xalign,
           double      yalign)
{
  g_autoptr(PangoLayout) layout = make_layout (cr, family, size, weight, text);
  PangoRectangle logical;

  pango_layout_get_extents (layout, NULL, &logical);
  cairo_move_to (cr, x - xalign * logical.width / (double) PANGO_SCALE,
                 y - yalign * logical.height / (double) PANGO_SCALE);
  pango_cairo_show_layout (cr, layout);
  return logical.width / (double) PANGO_SCALE;
}

static double
text_width (cairo_t    *cr,
            const char *family,
            double      size,
            const char *text)
{
  g_autoptr(PangoLayout) layout = make_layout (cr, family, size, PANGO_WEIGHT_NORMAL, text);
  PangoRectangle logical;

  pango_layout_get_extents (layout, NULL, &logical);
  return logical.width / (double) PANGO_SCALE;
}

static void
marker (cairo_t *cr,
        double   x,
        double   y,
        double   r,
        gboolean diamond)
{
  if (diamond)
    {
      double d = r * 1.3;
      cairo_move_to (cr, x, y - d);
      cairo_line_to (cr, x + d, y);
      cairo_line_to (cr, x, y + d);
      cairo_line_to (cr, x - d, y);
      cairo_close_path (cr);
    }
  else
    {
      cairo_new_sub_path (cr);
      cairo_arc (cr, x, y, r, 0, 2 * G_PI);
    }
}

static void
draw_value_axis (cairo_t                   *cr,
                 const CustosTrendGeometry *g,
                 const CustosTrendData     *data,
                 const char                *family,
                 const double              *ink)
{
  cairo_save (cr);
  cairo_set_line_width (cr, 1.0);
  for (guint i = 0; i < g->n_ticks; i++)
    {
      double value = g->value_min + i * g->tick_step;
      double y = snap (cr, custos_trend_y (g, value), FALSE, 1.0);

      set_source (cr, ink, i == 0 ? 0.35 : 0.12);
      cairo_move_to (cr, g->x, y);
      cairo_line_to (cr, g->x + g->width, y);
      cairo_stroke (cr);
      if (g->labels)
        {
          g_autofree char *text = format_number (value, g->decimals);

          set_source (cr, ink, 0.7);
          show_text (cr, family, g->font_size, PANGO_WEIGHT_NORMAL, text,
                     g->x - g->font_size * 0.5, custos_trend_y (g, value), 1.0, 0.5);
        }
    }
  if (g->labels && data->unit != NULL)
    {
      /* Above the value labels, from the left edge: a long unit may run over the box. */
      set_source (cr, ink, 0.7);
      show_text (cr, family, g->font_size, PANGO_WEIGHT_NORMAL, data->unit,
                 0, g->y - g->font_size * 0.9, 0.0, 0.5);
    }
  cairo_restore (cr);
}

static guint
month_index (const GDate *date)
{
  return g_date_get_year (date) * 12 + (g_date_get_month (date) - 1);
}

static void
draw_time_axis (cairo_t                   *cr,
                const CustosTrendGeometry *g,
                const char                *family,
                const double              *ink)
{
  static const guint steps[] = { 1, 2, 3, 4, 6, 12, 24, 60, 120 };
  double months = (g->day_max - g->day_min) / 30.44;
  double per_month = g->width / MAX (months, 0.1);
  double needed = text_width (cr, family, g->font_size, "Sep 0000") * 0.75 + g->font_size;
  guint step = steps[G_N_ELEMENTS (steps) - 1];
  GDate date;
  gboolean first = TRUE;
  guint last_year = 0;

  for (guint i = 0; i < G_N_ELEMENTS (steps); i++)
    if (steps[i] * per_month >= needed)
      {
        step = steps[i];
        break;
      }

  /* The first of the first month inside the box. */
  g_date_clear (&date, 1);
  g_date_set_julian (&date, (guint32) MAX (ceil (g->day_min), 1.0));
  if (g_date_get_day (&date) != 1)
    {
      g_date_set_day (&date, 1);
      g_date_add_months (&date, 1);
    }

  cairo_save (cr);
  cairo_set_line_width (cr, 1.0);
  for (; g_date_get_julian (&date) <= g->day_max; g_date_add_months (&date, 1))
    {
      double x;
      char month[32] = "", year[16] = "";
      guint y = g_date_get_year (&date);

      if (month_index (&date) % step != 0)
        continue;
      x = snap (cr, custos_trend_x (g, g_date_get_julian (&date)), TRUE, 1.0);
      set_source (cr, ink, 0.35);
      cairo_move_to (cr, x, g->y + g->height);
      cairo_line_to (cr, x, g->y + g->height + g->font_size * 0.35);
      cairo_stroke (cr);

      set_source (cr, ink, 0.7);
      if (step >= 12)
        g_snprintf (year, sizeof year, "%u", y);
      else
        {
          g_date_strftime (month, sizeof month, "%b", &date);
          if (first || y != last_year)
            g_snprintf (year, sizeof year, "%u", y);
        }
      if (*month != '\0')
        show_text (cr, family, g->font_size, PANGO_WEIGHT_NORMAL, month,
                   x, g->y + g->height + g->font_size * 0.45, 0.5, 0.0);
      if (*year != '\0')
        show_text (cr, family, g->font_size, *month != '\0' ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL, year,
                   x, g->y + g->height + g->font_size * (*month != '\0' ? 1.6 : 0.45), 0.5, 0.0);
      first = FALSE;
      last_year = y;
    }
  cairo_restore (cr);
}

static void
draw_target (cairo_t                   *cr,
             const CustosTrendGeometry *g,
             const CustosTrendData     *data,
             const Palette             *palette,
             const char                *family,
             const double              *ink,
             const double              *background,
             gboolean                   has_background)
{
  double y = custos_trend_y (g, data->target);
  double dashes[2];

  /* The side of the target that misses it, lightly tinted. */
  cairo_save (cr);
  set_source (cr, palette->missed, 0.07);
  if (data->higher_is_better)
    cairo_rectangle (cr, g->x, y, g->width, g->y + g->height - y);
  else
    cairo_rectangle (cr, g->x, g->y, g->width, y - g->y);
  cairo_fill (cr);

  y = snap (cr, y, FALSE, 1.5);
  dashes[0] = MAX (g->marker_radius * 1.6, 3.0);
  dashes[1] = dashes[0] * 0.7;
  cairo_set_dash (cr, dashes, 2, 0);
  cairo_set_line_width (cr, 1.5);
  set_source (cr, ink, 0.65);
  cairo_move_to (cr, g->x, y);
  cairo_line_to (cr, g->x + g->width, y);
  cairo_stroke (cr);
  cairo_set_dash (cr, NULL, 0, 0);

  if (g->labels)
    {
      g_autofree char *value = custos_trend_format_value (data->target, data->unit);
      /* Translators: the label of the target line of a trend chart, e.g. "Target 95 %" */
      g_autofree char *text = g_strdup_printf (_("Target %s"), value);
      double size = g->font_size * 0.92;
      double w = text_width (cr, family, size, text);
      double h = size * 1.3;
      double gap = g->font_size * 0.25;
      double above = y - gap - h, below = y + gap;
      double left = g->x + g->font_size * 0.4, right = g->x + g->width - w - g->font_size * 0.4;
      /* Right above the line, else right below, left above, left below:
       * the first place that covers no result and stays in the box. */
      double places[4][2] = { { right, above }, { right, below }, { left, above }, { left, below } };
      guint chosen = 0;

      for (guint c = 0; c < G_N_ELEMENTS (places); c++)
        {
          gboolean clear = places[c][1] >= g->y && places[c][1] + h <= g->y + g->height;

          for (guint i = 0; clear && i < data->points->len; i++)
            {
              const Point *p = &g_array_index (data->points, Point, i);
              double px = custos_trend_x (g, p->day), py = custos_trend_y (g, p->value);
              double r = g->marker_radius * 1.5;

              if (px + r >= places[c][0] - 3 && px - r <= places[c][0] + w + 3 &&
                  py + r >= places[c][1] && py - r <= places[c][1] + h)
                clear = FALSE;
            }
          if (clear)
            {
              chosen = c;
              break;
            }
        }

      if (has_background)
        {
          set_source (cr, background, 0.85);
          cairo_rectangle (cr, places[chosen][0] - 3, places[chosen][1], w + 6, h);
          cairo_fill (cr);
        }
      set_source (cr, ink, 0.85);
      show_text (cr, family, size, PANGO_WEIGHT_BOLD, text, places[chosen][0], places[chosen][1], 0.0, 0.0);
    }
  cairo_restore (cr);
}

void
custos_trend_draw (cairo_t                *cr,
                   double                  width,
                   double                  height,
                   const CustosTrendData  *data,
                   const CustosTrendStyle *style)
{
  CustosTrendStyle defaults;
  CustosTrendGeometry g;
  Palette palette;
  const char *family;
  double ink[3] = { 0.14, 0.14, 0.16 };
  double background[3] = { 1, 1, 1 };
  gboolean has_background, has_target;
  guint n;

  g_return_if_fail (cr != NULL);
  g_return_if_fail (data != NULL);

  if (style == NULL)
    {
      custos_trend_style_init (&defaults);
      style = &defaults;
    }
  family = style->font_family != NULL ? style->font_family : DEFAULT_FAMILY;
  if (style->text_rgba[3] > 0)
    memcpy (ink, style->text_rgba, sizeof ink);
  has_background = style->background_rgba[3] > 0;
  if (has_background)
    memcpy (background, style->background_rgba, sizeof background);
  palette_init (style->palette, &palette);
  has_target = isfinite (data->target);
  n = data->points->len;

  cairo_save (cr);
  if (has_background)
    {
      cairo_set_source_rgba (cr, background[0], background[1], background[2], style->background_rgba[3]);
      cairo_rectangle (cr, 0, 0, width, height);
      cairo_fill (cr);
    }

  if (n == 0)
    {
      double size = CLAMP (MIN (width, height) * 0.07, 7.0, 13.0);

      set_source (cr, ink, 0.55);
      show_text (cr, family, size, PANGO_WEIGHT_NORMAL, _("No results yet"), width / 2, height / 2, 0.5, 0.5);
      cairo_restore (cr);
      return;
    }

  custos_trend_geometry (width, height, data, style->show_labels, &g);
  draw_value_axis (cr, &g, data, family, ink);
  if (g.labels)
    draw_time_axis (cr, &g, family, ink);
  if (has_target)
    draw_target (cr, &g, data, &palette, family, ink, background, has_background);

  /* The results, joined oldest to newest. */
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
  cairo_set_line_cap (cr, CAIRO_LINE_CAP_ROUND);
  cairo_set_line_width (cr, CLAMP (g.marker_radius * 0.5, 0.75, 2.0));
  set_source (cr, has_target ? ink : palette.neutral, has_target ? 0.45 : 0.9);
  for (guint i = 0; i < n; i++)
    {
      const Point *p = &g_array_index (data->points, Point, i);
      double x = custos_trend_x (&g, p->day), y = custos_trend_y (&g, p->value);

      if (i == 0)
        cairo_move_to (cr, x, y);
      else
        cairo_line_to (cr, x, y);
    }
  cairo_stroke (cr);

  for (guint i = 0; i < n; i++)
    {
      const Point *p = &g_array_index (data->points, Point, i);
      double x = custos_trend_x (&g, p->day), y = custos_trend_y (&g, p->value);
      gboolean met = custos_trend_meets_target (p->value, data->target, data->higher_is_better);
      const double *colour = !has_target ? palette.neutral : met ? palette.met : palette.missed;
      double r = g.marker_radius;

      if ((int) i == style->selected)
        {
          set_source (cr, colour, 0.3);
          marker (cr, x, y, r * 2.2, FALSE);
          cairo_fill (cr);
        }
      /* A ring of the background keeps overlapping markers apart. */
      set_source (cr, background, has_background ? 1.0 : 0.0);
      if (has_background)
        {
          marker (cr, x, y, r + 1.0, has_target && !met);
          cairo_fill (cr);
        }
      set_source (cr, colour, 1.0);
      marker (cr, x, y, r, has_target && !met);
      cairo_fill (cr);
    }
  cairo_restore (cr);
}

void
custos_trend_draw_measure (cairo_t                *cr,
                           double                  width,
                           double                  height,
                           CustosDocument         *document,
                           CustosRecord           *measure,
                           const CustosTrendStyle *style)
{
  g_autoptr(CustosTrendData) data = NULL;

  g_return_if_fail (CUSTOS_IS_DOCUMENT (document));
  g_return_if_fail (CUSTOS_IS_MEASURE (measure));

  data = custos_trend_data_new_for_measure (document, measure);
  custos_trend_draw (cr, width, height, data, style);
}
