/* SPDX-License-Identifier: GPL-3.0-or-later */
/* custos-cell-text.c — one line of text in a list cell, cheap to create
 *
 * A GtkColumnView of GTK 4.8 keeps some 200 rows of cells whatever its
 * height, and makes new ones whenever a search changes which records are
 * shown. A GtkInscription or GtkLabel gets a PangoContext of its own, and an
 * inscription asks Pango for the font's metrics (shaping a sample text) each
 * time it is measured. This cell shares its window's PangoContext, keeps the
 * metrics of that context's font on the window, and lays its text out only
 * when it is drawn, so that the rows out of sight cost little more than
 * GTK's own widgets.
 */
#include "config.h"

#include "custos-cell-text.h"

struct _CustosCellText
{
  GtkWidget    parent_instance;

  char        *text;      /* as given: plain text or markup */
  char        *plain;     /* without markup, for get_text() and accessibility */
  gboolean     markup;
  gboolean     numeric;
  float        xalign;
  int          min_chars;
  int          nat_chars;
  PangoLayout *layout;    /* made when first drawn */
  guint        serial;    /* of the context the layout was made for */
};

G_DEFINE_FINAL_TYPE (CustosCellText, custos_cell_text, GTK_TYPE_WIDGET)

/* The metrics of a window's font, kept on its context. */
typedef struct
{
  guint serial;
  int   line_height;
  int   baseline;
  int   char_width;
} Metrics;

PangoContext *
custos_shared_pango_context (GtkWidget *widget)
{
  GtkRoot *root = gtk_widget_get_root (widget);

  return gtk_widget_get_pango_context (root != NULL ? GTK_WIDGET (root) : widget);
}

static const Metrics *
get_metrics (GtkWidget *widget)
{
  PangoContext *context = custos_shared_pango_context (widget);
  Metrics *metrics = g_object_get_data (G_OBJECT (context), "custos-shared-metrics");

  if (metrics == NULL || metrics->serial != pango_context_get_serial (context))
    {
      PangoFontMetrics *font = pango_context_get_metrics (context, NULL, NULL);

      metrics = g_new0 (Metrics, 1);
      metrics->serial = pango_context_get_serial (context);
      metrics->baseline = PANGO_PIXELS_CEIL (pango_font_metrics_get_ascent (font));
      metrics->line_height = metrics->baseline + PANGO_PIXELS_CEIL (pango_font_metrics_get_descent (font));
      metrics->char_width = PANGO_PIXELS_CEIL (pango_font_metrics_get_approximate_char_width (font));
      pango_font_metrics_unref (font);
      g_object_set_data_full (G_OBJECT (context), "custos-shared-metrics", metrics, g_free);
    }
  return metrics;
}

void
custos_shared_font_metrics (GtkWidget *widget,
                            int       *line_height,
                            int       *baseline,
                            int       *char_width)
{
  const Metrics *metrics = get_metrics (widget);

  if (line_height != NULL)
    *line_height = metrics->line_height;
  if (baseline != NULL)
    *baseline = metrics->baseline;
  if (char_width != NULL)
    *char_width = metrics->char_width;
}

static void
custos_cell_text_measure (GtkWidget      *widget,
                          GtkOrientation  orientation,
                          int             for_size,
                          int            *minimum,
                          int            *natural,
                          int            *minimum_baseline,
                          int            *natural_baseline)
{
  CustosCellText *self = CUSTOS_CELL_TEXT (widget);
  const Metrics *metrics = get_metrics (widget);

  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      *minimum = self->min_chars * metrics->char_width;
      *natural = MAX (self->min_chars, self->nat_chars) * metrics->char_width;
    }
  else
    {
      *minimum = *natural = metrics->line_height;
      *minimum_baseline = *natural_baseline = metrics->baseline;
    }
}

static void
invalidate (CustosCellText *self)
{
  g_clear_object (&self->layout);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
custos_cell_text_size_allocate (GtkWidget *widget,
                                int        width,
                                int        height,
                                int        baseline)
{
  CustosCellText *self = CUSTOS_CELL_TEXT (widget);

  if (self->layout != NULL && pango_layout_get_width (self->layout) != width * PANGO_SCALE)
    pango_layout_set_width (self->layout, width * PANGO_SCALE);
}

static PangoLayout *
get_layout (CustosCellText *self)
{
  PangoContext *context = custos_shared_pango_context (GTK_WIDGET (self));

  if (self->layout != NULL && self->serial != pango_context_get_serial (context))
    g_clear_object (&self->layout);
  if (self->layout == NULL)
    {
      self->layout = pango_layout_new (context);
      self->serial = pango_context_get_serial (context);
      if (self->markup)
        pango_layout_set_markup (self->layout, self->text != NULL ? self->text : "", -1);
      else
        pango_layout_set_text (self->layout, self->text != NULL ? self->text : "", -1);
      if (self->numeric)
        {
          PangoAttrList *attrs = pango_layout_get_attributes (self->layout);
          g_autoptr(PangoAttrList) own = attrs != NULL ? pango_attr_list_copy (attrs) : pango_attr_list_new ();

          pango_attr_list_insert (own, pango_attr_font_features_new ("tnum=1"));
          pango_layout_set_attributes (self->layout, own);
        }
      pango_layout_set_ellipsize (self->layout, PANGO_ELLIPSIZE_END);
      pango_layout_set_width (self->layout, gtk_widget_get_width (GTK_WIDGET (self)) * PANGO_SCALE);
      pango_layout_set_alignment (self->layout, self->xalign >= 0.75 ? PANGO_ALIGN_RIGHT
                                                : self->xalign >= 0.25 ? PANGO_ALIGN_CENTER : PANGO_ALIGN_LEFT);
    }
  return self->layout;
}

static void
custos_cell_text_snapshot (GtkWidget   *widget,
                           GtkSnapshot *snapshot)
{
  CustosCellText *self = CUSTOS_CELL_TEXT (widget);
  const Metrics *metrics;
  GdkRGBA color;
  PangoLayout *layout;
  int y;

  if (self->text == NULL || self->text[0] == '\0')
    return;
  metrics = get_metrics (widget);
  layout = get_layout (self);
  gtk_style_context_get_color (gtk_widget_get_style_context (widget), &color);
  y = (gtk_widget_get_height (widget) - metrics->line_height) / 2;
  gtk_snapshot_save (snapshot);
  gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (0, y));
  gtk_snapshot_append_layout (snapshot, layout, &color);
  gtk_snapshot_restore (snapshot);
}

static void
custos_cell_text_finalize (GObject *object)
{
  CustosCellText *self = CUSTOS_CELL_TEXT (object);

  g_clear_object (&self->layout);
  g_free (self->text);
  g_free (self->plain);

  G_OBJECT_CLASS (custos_cell_text_parent_class)->finalize (object);
}

static void
custos_cell_text_class_init (CustosCellTextClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->finalize = custos_cell_text_finalize;
  widget_class->measure = custos_cell_text_measure;
  widget_class->size_allocate = custos_cell_text_size_allocate;
  widget_class->snapshot = custos_cell_text_snapshot;
  gtk_widget_class_set_css_name (widget_class, "custos-cell-text");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_LABEL);
}

static void
custos_cell_text_init (CustosCellText *self)
{
}

GtkWidget *
custos_cell_text_new (void)
{
  return g_object_new (CUSTOS_TYPE_CELL_TEXT, NULL);
}

/* One line: breaks become spaces. */
static char *
one_line (const char *text)
{
  char *line = g_strdup (text != NULL ? text : "");

  for (char *p = line; *p != '\0'; p++)
    if (*p == '\n' || *p == '\r' || *p == '\t')
      *p = ' ';
  return line;
}

static void
set (CustosCellText *self,
     const char     *text,
     gboolean        markup)
{
  g_autofree char *line = one_line (text);
  g_autofree char *plain = NULL;

  if (self->markup == markup && g_strcmp0 (self->text, line) == 0)
    return;
  if (markup && !pango_parse_markup (line, -1, 0, NULL, &plain, NULL, NULL))
    {
      g_critical ("Cannot parse the markup “%s”", line);
      return;
    }
  g_free (self->text);
  self->text = g_steal_pointer (&line);
  g_free (self->plain);
  self->plain = markup ? g_steal_pointer (&plain) : NULL;
  self->markup = markup;
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  custos_cell_text_get_text (self), -1);
  invalidate (self);
}

void
custos_cell_text_set_text (CustosCellText *self,
                           const char     *text)
{
  g_return_if_fail (CUSTOS_IS_CELL_TEXT (self));
  set (self, text, FALSE);
}

void
custos_cell_text_set_markup (CustosCellText *self,
                             const char     *markup)
{
  g_return_if_fail (CUSTOS_IS_CELL_TEXT (self));
  set (self, markup, TRUE);
}

const char *
custos_cell_text_get_text (CustosCellText *self)
{
  g_return_val_if_fail (CUSTOS_IS_CELL_TEXT (self), NULL);
  if (self->markup)
    return self->plain;
  return self->text != NULL ? self->text : "";
}

void
custos_cell_text_set_xalign (CustosCellText *self,
                             float           xalign)
{
  g_return_if_fail (CUSTOS_IS_CELL_TEXT (self));
  self->xalign = CLAMP (xalign, 0.0f, 1.0f);
  invalidate (self);
}

void
custos_cell_text_set_chars (CustosCellText *self,
                            int             min_chars,
                            int             nat_chars)
{
  g_return_if_fail (CUSTOS_IS_CELL_TEXT (self));
  self->min_chars = MAX (min_chars, 0);
  self->nat_chars = MAX (nat_chars, 0);
  gtk_widget_queue_resize (GTK_WIDGET (self));
}

void
custos_cell_text_set_numeric (CustosCellText *self,
                              gboolean        numeric)
{
  g_return_if_fail (CUSTOS_IS_CELL_TEXT (self));
  self->numeric = numeric;
  invalidate (self);
}
