/* SPDX-License-Identifier: GPL-3.0-or-later */
/* custos-trend-view.c — a measure's results over time against its target
 *
 * Draws with custos_trend_draw(), the function the reports use, through
 * gtk_snapshot_append_cairo(); the tooltip finds its point with the same
 * geometry. What it shows is a CustosTrendData snapshot, rebuilt lazily after
 * any change of the document.
 */
#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "custos-field-format.h"
#include "custos-trend-view.h"

struct _CustosTrendView
{
  GtkWidget        parent_instance;

  CustosDocument  *document;
  CustosRecord    *measure;
  CustosTrendData *data;         /* NULL: to be rebuilt */
  gboolean         colour_blind;
  int              hovered;      /* point under the pointer, or -1 */
};

G_DEFINE_FINAL_TYPE (CustosTrendView, custos_trend_view, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_DOCUMENT,
  PROP_MEASURE,
  PROP_COLOUR_BLIND,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* What a screen reader says about the chart. */
static void
update_accessible (CustosTrendView *self)
{
  g_autofree char *label = NULL;
  g_autofree char *description = NULL;
  const CustosTrendData *data = custos_trend_view_get_data (self);
  guint n = data != NULL ? custos_trend_data_get_n_points (data) : 0;

  if (self->measure == NULL)
    label = g_strdup (_("Trend of results"));
  else
    /* Translators: the accessible name of a trend chart, e.g. "Results of Phishing simulation click rate over time" */
    label = g_strdup_printf (_("Results of %s over time"), custos_record_get_title (self->measure)
                                                           ? custos_record_get_title (self->measure) : "");
  if (n == 0)
    description = g_strdup (_("No results yet"));
  else
    {
      GDate date;
      double value, target = custos_trend_data_get_target (data);
      const char *unit = custos_trend_data_get_unit (data);
      g_autofree char *latest = NULL;
      g_autofree char *when = NULL;
      g_autofree char *count = g_strdup_printf (ngettext ("%u result", "%u results", n), n);

      custos_trend_data_get_point (data, n - 1, &date, &value, NULL);
      latest = custos_trend_format_value (value, unit);
      when = custos_format_gdate (&date);
      if (isfinite (target))
        {
          g_autofree char *goal = custos_trend_format_value (target, unit);
          gboolean met = custos_trend_meets_target (value, target, custos_trend_data_get_higher_is_better (data));

          /* Translators: "5 results; the latest, 3.4 % on 10 Nov 2026, meets the target of 5 %" */
          description = g_strdup_printf (met ? _("%s; the latest, %s on %s, meets the target of %s")
                                             : _("%s; the latest, %s on %s, misses the target of %s"),
                                         count, latest, when, goal);
        }
      else
        /* Translators: "5 results; the latest is 3.4 % on 10 Nov 2026" */
        description = g_strdup_printf (_("%s; the latest is %s on %s"), count, latest, when);
    }
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, label,
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, description,
                                  -1);
}

static void
invalidate (CustosTrendView *self)
{
  g_clear_pointer (&self->data, custos_trend_data_unref);
  self->hovered = -1;
  update_accessible (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
on_document_changed (CustosDocument  *document,
                     CustosRecord    *record,
                     CustosTrendView *self)
{
  /* Only results and the measure itself change the chart. */
  if (record == NULL || CUSTOS_IS_MEASUREMENT (record) || record == self->measure)
    invalidate (self);
}

const CustosTrendData *
custos_trend_view_get_data (CustosTrendView *self)
{
  g_return_val_if_fail (CUSTOS_IS_TREND_VIEW (self), NULL);

  if (self->data == NULL && self->document != NULL && self->measure != NULL)
    self->data = custos_trend_data_new_for_measure (self->document, self->measure);
  return self->data;
}

/* Drawing ------------------------------------------------------------------- */

static void
colour_to_doubles (const GdkRGBA *rgba,
                   double        *out)
{
  out[0] = rgba->red;
  out[1] = rgba->green;
  out[2] = rgba->blue;
  out[3] = rgba->alpha;
}

static void
custos_trend_view_snapshot (GtkWidget   *widget,
                            GtkSnapshot *snapshot)
{
  CustosTrendView *self = CUSTOS_TREND_VIEW (widget);
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  const CustosTrendData *data = custos_trend_view_get_data (self);
  GtkStyleContext *context = gtk_widget_get_style_context (widget);
  const PangoFontDescription *font;
  CustosTrendStyle style;
  GdkRGBA fg, bg;
  cairo_t *cr;

  if (data == NULL || width <= 0 || height <= 0)
    return;

  gtk_style_context_get_color (context, &fg);
  if (!gtk_style_context_lookup_color (context, "view_bg_color", &bg))
    bg = (GdkRGBA) { 1, 1, 1, 1 };
  font = pango_context_get_font_description (gtk_widget_get_pango_context (widget));

  custos_trend_style_init (&style);
  style.palette = self->colour_blind ? CUSTOS_TREND_PALETTE_COLOUR_BLIND : CUSTOS_TREND_PALETTE_STANDARD;
  style.font_family = font != NULL ? pango_font_description_get_family (font) : NULL;
  style.selected = self->hovered;
  colour_to_doubles (&fg, style.text_rgba);
  style.text_rgba[3] = 1.0;
  /* The card behind is painted by CSS; the colour keeps labels readable over the tint. */
  colour_to_doubles (&bg, style.background_rgba);
  style.background_rgba[3] = 1.0;

  cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0, (float) width, (float) height));
  custos_trend_draw (cr, width, height, data, &style);
  cairo_destroy (cr);
}

static void
custos_trend_view_measure (GtkWidget      *widget,
                           GtkOrientation  orientation,
                           int             for_size,
                           int            *minimum,
                           int            *natural,
                           int            *minimum_baseline,
                           int            *natural_baseline)
{
  *minimum = orientation == GTK_ORIENTATION_HORIZONTAL ? 160 : 100;
  *natural = orientation == GTK_ORIENTATION_HORIZONTAL ? 420 : 220;
}

/* Pointer ------------------------------------------------------------------- */

static int
point_at (CustosTrendView *self,
          double           x,
          double           y)
{
  const CustosTrendData *data = custos_trend_view_get_data (self);

  if (data == NULL)
    return -1;
  return custos_trend_hit_test (gtk_widget_get_width (GTK_WIDGET (self)), gtk_widget_get_height (GTK_WIDGET (self)),
                                data, TRUE, x, y);
}

static void
on_motion (GtkEventControllerMotion *controller,
           double                    x,
           double                    y,
           CustosTrendView          *self)
{
  int hovered = point_at (self, x, y);

  if (hovered != self->hovered)
    {
      self->hovered = hovered;
      gtk_widget_queue_draw (GTK_WIDGET (self));
    }
}

static void
on_leave (GtkEventControllerMotion *controller,
          CustosTrendView          *self)
{
  if (self->hovered != -1)
    {
      self->hovered = -1;
      gtk_widget_queue_draw (GTK_WIDGET (self));
    }
}

static gboolean
on_query_tooltip (GtkWidget       *widget,
                  int              x,
                  int              y,
                  gboolean         keyboard,
                  GtkTooltip      *tooltip,
                  CustosTrendView *self)
{
  const CustosTrendData *data = custos_trend_view_get_data (self);
  int index = keyboard ? -1 : point_at (self, x, y);
  g_autofree char *value_text = NULL;
  g_autofree char *when = NULL;
  g_autofree char *text = NULL;
  const char *id = NULL;
  double value, target;
  GDate date;

  if (data == NULL || index < 0)
    return FALSE;
  custos_trend_data_get_point (data, (guint) index, &date, &value, &id);
  target = custos_trend_data_get_target (data);
  value_text = custos_trend_format_value (value, custos_trend_data_get_unit (data));
  when = custos_format_gdate (&date);
  if (isfinite (target))
    text = g_strdup_printf ("%s · %s\n%s", id != NULL ? id : "", when,
                            custos_trend_meets_target (value, target, custos_trend_data_get_higher_is_better (data))
                              /* Translators: a result in a trend chart's tooltip */
                              ? _("on target") : _("off target"));
  else
    text = g_strdup_printf ("%s · %s", id != NULL ? id : "", when);
  {
    g_autofree char *markup = g_markup_printf_escaped ("<b>%s</b>\n%s", value_text, text);
    gtk_tooltip_set_markup (tooltip, markup);
  }
  return TRUE;
}

/* Properties ---------------------------------------------------------------- */

CustosDocument *
custos_trend_view_get_document (CustosTrendView *self)
{
  g_return_val_if_fail (CUSTOS_IS_TREND_VIEW (self), NULL);
  return self->document;
}

void
custos_trend_view_set_document (CustosTrendView *self,
                                CustosDocument  *document)
{
  g_return_if_fail (CUSTOS_IS_TREND_VIEW (self));
  g_return_if_fail (document == NULL || CUSTOS_IS_DOCUMENT (document));

  if (self->document == document)
    return;
  if (self->document != NULL)
    g_signal_handlers_disconnect_by_func (self->document, on_document_changed, self);
  g_set_object (&self->document, document);
  if (document != NULL)
    g_signal_connect_object (document, "changed", G_CALLBACK (on_document_changed), self, 0);
  invalidate (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DOCUMENT]);
}

CustosRecord *
custos_trend_view_get_measure (CustosTrendView *self)
{
  g_return_val_if_fail (CUSTOS_IS_TREND_VIEW (self), NULL);
  return self->measure;
}

void
custos_trend_view_set_measure (CustosTrendView *self,
                               CustosRecord    *measure)
{
  g_return_if_fail (CUSTOS_IS_TREND_VIEW (self));
  g_return_if_fail (measure == NULL || CUSTOS_IS_MEASURE (measure));

  if (!g_set_object (&self->measure, measure))
    return;
  invalidate (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MEASURE]);
}

gboolean
custos_trend_view_get_colour_blind (CustosTrendView *self)
{
  g_return_val_if_fail (CUSTOS_IS_TREND_VIEW (self), FALSE);
  return self->colour_blind;
}

void
custos_trend_view_set_colour_blind (CustosTrendView *self,
                                    gboolean         colour_blind)
{
  g_return_if_fail (CUSTOS_IS_TREND_VIEW (self));

  colour_blind = !!colour_blind;
  if (self->colour_blind == colour_blind)
    return;
  self->colour_blind = colour_blind;
  gtk_widget_queue_draw (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_COLOUR_BLIND]);
}

static void
custos_trend_view_dispose (GObject *object)
{
  CustosTrendView *self = CUSTOS_TREND_VIEW (object);

  if (self->document != NULL)
    g_signal_handlers_disconnect_by_func (self->document, on_document_changed, self);
  g_clear_object (&self->document);
  g_clear_object (&self->measure);
  g_clear_pointer (&self->data, custos_trend_data_unref);

  G_OBJECT_CLASS (custos_trend_view_parent_class)->dispose (object);
}

static void
custos_trend_view_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  CustosTrendView *self = CUSTOS_TREND_VIEW (object);

  switch (prop_id)
    {
    case PROP_DOCUMENT:
      g_value_set_object (value, self->document);
      break;
    case PROP_MEASURE:
      g_value_set_object (value, self->measure);
      break;
    case PROP_COLOUR_BLIND:
      g_value_set_boolean (value, self->colour_blind);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
custos_trend_view_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  CustosTrendView *self = CUSTOS_TREND_VIEW (object);

  switch (prop_id)
    {
    case PROP_DOCUMENT:
      custos_trend_view_set_document (self, g_value_get_object (value));
      break;
    case PROP_MEASURE:
      custos_trend_view_set_measure (self, g_value_get_object (value));
      break;
    case PROP_COLOUR_BLIND:
      custos_trend_view_set_colour_blind (self, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
custos_trend_view_class_init (CustosTrendViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = custos_trend_view_dispose;
  object_class->get_property = custos_trend_view_get_property;
  object_class->set_property = custos_trend_view_set_property;
  widget_class->snapshot = custos_trend_view_snapshot;
  widget_class->measure = custos_trend_view_measure;

  properties[PROP_DOCUMENT] =
    g_param_spec_object ("document", NULL, NULL, CUSTOS_TYPE_DOCUMENT,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_MEASURE] =
    g_param_spec_object ("measure", NULL, NULL, CUSTOS_TYPE_RECORD,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_COLOUR_BLIND] =
    g_param_spec_boolean ("colour-blind", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_css_name (widget_class, "custos-trend-view");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
custos_trend_view_init (CustosTrendView *self)
{
  GtkEventController *motion = gtk_event_controller_motion_new ();

  self->hovered = -1;
  g_signal_connect (motion, "motion", G_CALLBACK (on_motion), self);
  g_signal_connect (motion, "leave", G_CALLBACK (on_leave), self);
  gtk_widget_add_controller (GTK_WIDGET (self), motion);
  gtk_widget_set_has_tooltip (GTK_WIDGET (self), TRUE);
  g_signal_connect (self, "query-tooltip", G_CALLBACK (on_query_tooltip), self);
  update_accessible (self);
}

GtkWidget *
custos_trend_view_new (void)
{
  return g_object_new (CUSTOS_TYPE_TREND_VIEW, NULL);
}
