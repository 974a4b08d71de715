/* SPDX-License-Identifier: GPL-3.0-or-later */
/* custos-heatmap-view.c — the likelihood × consequence heatmap as a widget
 *
 * The widget draws with custos_heatmap_cache_draw(), the drawing of the PDF
 * reports with its static layer (cells, labels) kept in an image surface, so
 * a redraw after a selection or an edit draws only counts and markers, through
 * gtk_snapshot_append_cairo(); hit testing uses the same
 * geometry function, so a click lands on the cell drawn under it at any size.
 * What it shows is a CustosHeatmapData snapshot, rebuilt lazily after the
 * document changes (a criteria change is a document change too).
 *
 * Keyboard: the widget is one focusable control with a focus cell; the arrow
 * keys move it, Home/End go to the first/last consequence, Enter and space
 * select it (again: clear), Escape clears the selection. Its accessible label
 * always describes the focused cell, so a screen reader reads each cell as
 * the focus moves.
 */
#include "config.h"

#include <glib/gi18n.h>

#include "custos-heatmap-view.h"

#define MAX_TOOLTIP_RISKS 12

struct _CustosHeatmapView
{
  GtkWidget          parent_instance;

  CustosDocument    *document;
  CustosHeatmapData *data;          /* NULL: to rebuild */
  CustosHeatmapCache *cache;        /* the static layer of the last drawing */
  gboolean           residual;
  gboolean           show_movement;
  gboolean           colour_blind;
  int                selected_l, selected_c;
  int                focus_l, focus_c;
  gboolean           keyboard;      /* the keys moved the focus cell since the last click */
  guint              a11y_idle;
};

G_DEFINE_FINAL_TYPE (CustosHeatmapView, custos_heatmap_view, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_DOCUMENT,
  PROP_RESIDUAL,
  PROP_SHOW_MOVEMENT,
  PROP_COLOUR_BLIND,
  PROP_SELECTED_CELL,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  CELL_ACTIVATED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* Data ------------------------------------------------------------------- */

static guint
n_levels (CustosHeatmapView *self,
          CustosScale        scale)
{
  if (self->document == NULL)
    return 5;
  return custos_criteria_get_n_levels (custos_document_get_criteria (self->document), scale);
}

static const CustosHeatmapData *
get_data (CustosHeatmapView *self)
{
  if (self->data == NULL && self->document != NULL)
    self->data = custos_heatmap_data_new (self->document, self->residual);
  return self->data;
}

gboolean
custos_risk_in_cell (CustosRecord *risk,
                     gboolean      residual,
                     int           likelihood,
                     int           consequence)
{
  int l, c;

  g_return_val_if_fail (CUSTOS_IS_RISK (risk), FALSE);

  custos_risk_get_levels (CUSTOS_RISK (risk), residual, &l, &c);
  return l == likelihood && c == consequence;
}

GPtrArray *
custos_heatmap_view_get_cell_risks (CustosHeatmapView *self,
                                    int                likelihood,
                                    int                consequence)
{
  GPtrArray *risks = g_ptr_array_new_with_free_func (g_object_unref);
  GListModel *model;

  g_return_val_if_fail (CUSTOS_IS_HEATMAP_VIEW (self), risks);

  if (self->document == NULL)
    return risks;
  model = custos_document_get_register (self->document, CUSTOS_REGISTER_RISKS);
  for (guint i = 0, n = g_list_model_get_n_items (model); i < n; i++)
    {
      CustosRecord *risk = g_list_model_get_item (model, i);

      if (custos_risk_in_cell (risk, self->residual, likelihood, consequence))
        g_ptr_array_add (risks, risk);
      else
        g_object_unref (risk);
    }
  return risks;
}

guint
custos_heatmap_view_get_count (CustosHeatmapView *self,
                               int                likelihood,
                               int                consequence)
{
  const CustosHeatmapData *data;

  g_return_val_if_fail (CUSTOS_IS_HEATMAP_VIEW (self), 0);

  data = get_data (self);
  return data != NULL ? custos_heatmap_data_get_count (data, likelihood, consequence) : 0;
}

char *
custos_heatmap_view_describe_cell (CustosHeatmapView *self,
                                   int                likelihood,
                                   int                consequence)
{
  CustosCriteria *criteria;
  const CustosLevel *l, *c;
  g_autofree char *risks = NULL;
  GString *text;
  guint count;
  int band;

  g_return_val_if_fail (CUSTOS_IS_HEATMAP_VIEW (self), NULL);

  if (self->document == NULL)
    return g_strdup ("");
  criteria = custos_document_get_criteria (self->document);
  l = custos_criteria_get_level (criteria, CUSTOS_SCALE_LIKELIHOOD, (guint) likelihood);
  c = custos_criteria_get_level (criteria, CUSTOS_SCALE_CONSEQUENCE, (guint) consequence);
  if (l == NULL || c == NULL)
    return g_strdup ("");
  count = custos_heatmap_view_get_count (self, likelihood, consequence);
  band = custos_criteria_band_index (criteria, custos_criteria_score (criteria, likelihood, consequence));
  risks = g_strdup_printf (ngettext ("%u risk", "%u risks", count), count);

  text = g_string_new (NULL);
  /* Translators: a heatmap cell, "Likelihood 4 Likely, consequence 5 Severe: 3 risks" */
  g_string_printf (text, _("Likelihood %d %s, consequence %d %s: %s"),
                   likelihood, l->label, consequence, c->label, risks);
  if (band >= 0)
    g_string_append_printf (text, ", %s", custos_criteria_get_band (criteria, (guint) band)->name);
  if (likelihood == self->selected_l && consequence == self->selected_c)
    /* Translators: appended to the description of a heatmap cell */
    g_string_append (text, _(", selected"));
  return g_string_free (text, FALSE);
}

/* Accessibility ------------------------------------------------------------- */

static gboolean
update_accessible (gpointer user_data)
{
  CustosHeatmapView *self = user_data;
  g_autofree char *label = NULL;

  self->a11y_idle = 0;
  label = custos_heatmap_view_describe_cell (self, self->focus_l, self->focus_c);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, label,
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                  self->residual
                                  ? _("Heatmap of residual risk. Arrow keys move between cells; Enter shows only the risks of a cell.")
                                  : _("Heatmap of inherent risk. Arrow keys move between cells; Enter shows only the risks of a cell."),
                                  -1);
  gtk_accessible_update_state (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_STATE_PRESSED,
                               self->focus_l == self->selected_l && self->focus_c == self->selected_c
                               ? GTK_ACCESSIBLE_TRISTATE_TRUE : GTK_ACCESSIBLE_TRISTATE_FALSE,
                               -1);
  return G_SOURCE_REMOVE;
}

/* Soon after a document edit (many may come at once); at once after a move. */
static void
queue_accessible (CustosHeatmapView *self)
{
  if (self->a11y_idle == 0)
    self->a11y_idle = g_idle_add (update_accessible, self);
}

static void
invalidate (CustosHeatmapView *self)
{
  g_clear_pointer (&self->data, custos_heatmap_data_unref);
  /* A shrunken scale can leave the cells out of range. */
  self->focus_l = CLAMP (self->focus_l, 1, (int) n_levels (self, CUSTOS_SCALE_LIKELIHOOD));
  self->focus_c = CLAMP (self->focus_c, 1, (int) n_levels (self, CUSTOS_SCALE_CONSEQUENCE));
  if (self->selected_l > (int) n_levels (self, CUSTOS_SCALE_LIKELIHOOD) ||
      self->selected_c > (int) n_levels (self, CUSTOS_SCALE_CONSEQUENCE))
    custos_heatmap_view_set_selected_cell (self, 0, 0);
  gtk_widget_queue_draw (GTK_WIDGET (self));
  queue_accessible (self);
}

static void
on_document_changed (CustosDocument    *document,
                     CustosRecord      *record,
                     CustosHeatmapView *self)
{
  /* Only risks and criteria (record NULL) show here. */
  if (record == NULL || CUSTOS_IS_RISK (record))
    invalidate (self);
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
custos_heatmap_view_snapshot (GtkWidget   *widget,
                              GtkSnapshot *snapshot)
{
  CustosHeatmapView *self = CUSTOS_HEATMAP_VIEW (widget);
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  const CustosHeatmapData *data = get_data (self);
  GtkStyleContext *context = gtk_widget_get_style_context (widget);
  const PangoFontDescription *font;
  CustosHeatmapStyle style;
  GdkRGBA fg, bg, accent;
  cairo_t *cr;

  if (data == NULL || width <= 0 || height <= 0)
    return;

  gtk_style_context_get_color (context, &fg);
  if (!gtk_style_context_lookup_color (context, "window_bg_color", &bg))
    bg = (GdkRGBA) { 1, 1, 1, 1 };
  if (!gtk_style_context_lookup_color (context, "accent_color", &accent))
    accent = (GdkRGBA) { 0.21f, 0.52f, 0.89f, 1 };
  font = pango_context_get_font_description (gtk_widget_get_pango_context (widget));

  custos_heatmap_style_init (&style);
  style.palette = self->colour_blind ? CUSTOS_HEATMAP_PALETTE_COLOUR_BLIND : CUSTOS_HEATMAP_PALETTE_BANDS;
  style.show_movement = self->show_movement;
  style.font_family = font != NULL ? pango_font_description_get_family (font) : NULL;
  colour_to_doubles (&fg, style.text_rgba);
  colour_to_doubles (&bg, style.background_rgba);
  style.background_rgba[3] = 1.0;
  style.selected_likelihood = self->selected_l;
  style.selected_consequence = self->selected_c;
  /* On screen, text stays readable however small the cells: counts at the
   * UI font's size, labels a little smaller (the report sizes both from the
   * cells alone). */
  {
    double ui_px = font != NULL && pango_font_description_get_size (font) > 0
                   ? pango_font_description_get_size (font) / (double) PANGO_SCALE * 96.0 / 72.0
                   : 14.0;
    if (font != NULL && pango_font_description_get_size_is_absolute (font))
      ui_px = pango_font_description_get_size (font) / (double) PANGO_SCALE;
    style.label_size_min = ui_px * 0.74;
    style.count_size_min = ui_px * 1.1;
  }

  cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0, (float) width, (float) height));
  custos_heatmap_cache_draw (self->cache, cr, width, height, gtk_widget_get_scale_factor (widget), data, &style);

  /* The keyboard's cell, when the keyboard is in use. */
  if (gtk_widget_has_focus (widget) &&
      (self->keyboard || (gtk_widget_get_state_flags (widget) & GTK_STATE_FLAG_FOCUS_VISIBLE) != 0))
    {
      CustosHeatmapGeometry g;
      double x, y, w, h, lw;

      custos_heatmap_geometry (width, height, n_levels (self, CUSTOS_SCALE_LIKELIHOOD),
                               n_levels (self, CUSTOS_SCALE_CONSEQUENCE), &g);
      custos_heatmap_cell_rect (&g, self->focus_l, self->focus_c, &x, &y, &w, &h);
      lw = 2.0;
      cairo_set_source_rgba (cr, accent.red, accent.green, accent.blue, 1.0);
      cairo_set_line_width (cr, lw);
      cairo_rectangle (cr, x - lw / 2 + g.gutter / 2, y - lw / 2 + g.gutter / 2,
                       w - g.gutter + lw, h - g.gutter + lw);
      cairo_stroke (cr);
    }
  cairo_destroy (cr);
}

static void
custos_heatmap_view_measure (GtkWidget      *widget,
                             GtkOrientation  orientation,
                             int             for_size,
                             int            *minimum,
                             int            *natural,
                             int            *minimum_baseline,
                             int            *natural_baseline)
{
  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      /* Small enough to keep the legend beside it in a 800 px window; it
       * takes what room there is (hexpand). */
      *minimum = 240;
      *natural = 280;
    }
  else
    {
      *minimum = 180;
      *natural = 300;
    }
}

static void
custos_heatmap_view_state_flags_changed (GtkWidget     *widget,
                                         GtkStateFlags  previous)
{
  GTK_WIDGET_CLASS (custos_heatmap_view_parent_class)->state_flags_changed (widget, previous);
  gtk_widget_queue_draw (widget);
}

static void
custos_heatmap_view_css_changed (GtkWidget         *widget,
                                 GtkCssStyleChange *change)
{
  GTK_WIDGET_CLASS (custos_heatmap_view_parent_class)->css_changed (widget, change);
  /* Light and dark: the text and background colours come from the style. */
  gtk_widget_queue_draw (widget);
}

/* Input --------------------------------------------------------------------- */

static void
select_cell (CustosHeatmapView *self,
             int                likelihood,
             int                consequence)
{
  if (likelihood == self->selected_l && consequence == self->selected_c)
    custos_heatmap_view_set_selected_cell (self, 0, 0);
  else
    custos_heatmap_view_set_selected_cell (self, likelihood, consequence);
  g_signal_emit (self, signals[CELL_ACTIVATED], 0, likelihood, consequence);
}

gboolean
custos_heatmap_view_click (CustosHeatmapView *self,
                           double             x,
                           double             y)
{
  int l, c;

  g_return_val_if_fail (CUSTOS_IS_HEATMAP_VIEW (self), FALSE);

  if (self->document == NULL ||
      !custos_heatmap_hit_test (gtk_widget_get_width (GTK_WIDGET (self)), gtk_widget_get_height (GTK_WIDGET (self)),
                                n_levels (self, CUSTOS_SCALE_LIKELIHOOD), n_levels (self, CUSTOS_SCALE_CONSEQUENCE),
                                x, y, &l, &c))
    return FALSE;
  custos_heatmap_view_set_focus_cell (self, l, c);
  select_cell (self, l, c);
  return TRUE;
}

static void
on_released (GtkGestureClick   *gesture,
             int                n_press,
             double             x,
             double             y,
             CustosHeatmapView *self)
{
  self->keyboard = FALSE;
  if (gtk_widget_get_focusable (GTK_WIDGET (self)))
    gtk_widget_grab_focus (GTK_WIDGET (self));
  if (custos_heatmap_view_click (self, x, y))
    gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);
}

static void
on_focus_leave (CustosHeatmapView *self)
{
  self->keyboard = FALSE;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

void
custos_heatmap_view_move_focus (CustosHeatmapView *self,
                                int                d_likelihood,
                                int                d_consequence)
{
  g_return_if_fail (CUSTOS_IS_HEATMAP_VIEW (self));

  custos_heatmap_view_set_focus_cell (self, self->focus_l + d_likelihood, self->focus_c + d_consequence);
}

void
custos_heatmap_view_activate_focus (CustosHeatmapView *self)
{
  g_return_if_fail (CUSTOS_IS_HEATMAP_VIEW (self));

  if (self->document != NULL)
    select_cell (self, self->focus_l, self->focus_c);
}

static gboolean handle_key (CustosHeatmapView *self,
                            guint              keyval,
                            GdkModifierType    state);

static gboolean
on_key_pressed (GtkEventControllerKey *controller,
                guint                  keyval,
                guint                  keycode,
                GdkModifierType        state,
                CustosHeatmapView     *self)
{
  if (!handle_key (self, keyval, state))
    return FALSE;
  /* The keys move the focus cell, not the window's focus, so GTK would
   * not show it as keyboard focus: the widget remembers. */
  self->keyboard = TRUE;
  gtk_widget_queue_draw (GTK_WIDGET (self));
  return TRUE;
}

static gboolean
handle_key (CustosHeatmapView *self,
            guint              keyval,
            GdkModifierType    state)
{
  if ((state & (GDK_CONTROL_MASK | GDK_ALT_MASK)) != 0)
    return FALSE;
  switch (keyval)
    {
    case GDK_KEY_Up:
    case GDK_KEY_KP_Up:
      custos_heatmap_view_move_focus (self, 1, 0);
      return TRUE;
    case GDK_KEY_Down:
    case GDK_KEY_KP_Down:
      custos_heatmap_view_move_focus (self, -1, 0);
      return TRUE;
    case GDK_KEY_Left:
    case GDK_KEY_KP_Left:
      custos_heatmap_view_move_focus (self, 0, -1);
      return TRUE;
    case GDK_KEY_Right:
    case GDK_KEY_KP_Right:
      custos_heatmap_view_move_focus (self, 0, 1);
      return TRUE;
    case GDK_KEY_Home:
    case GDK_KEY_KP_Home:
      custos_heatmap_view_set_focus_cell (self, self->focus_l, 1);
      return TRUE;
    case GDK_KEY_End:
    case GDK_KEY_KP_End:
      custos_heatmap_view_set_focus_cell (self, self->focus_l, (int) n_levels (self, CUSTOS_SCALE_CONSEQUENCE));
      return TRUE;
    case GDK_KEY_Return:
    case GDK_KEY_KP_Enter:
    case GDK_KEY_ISO_Enter:
    case GDK_KEY_space:
    case GDK_KEY_KP_Space:
      custos_heatmap_view_activate_focus (self);
      return TRUE;
    case GDK_KEY_Escape:
      if (self->selected_l == 0)
        return FALSE;
      custos_heatmap_view_set_selected_cell (self, 0, 0);
      g_signal_emit (self, signals[CELL_ACTIVATED], 0, 0, 0);
      return TRUE;
    default:
      return FALSE;
    }
}

static gboolean
custos_heatmap_view_query_tooltip (GtkWidget  *widget,
                                   int         x,
                                   int         y,
                                   gboolean    keyboard_mode,
                                   GtkTooltip *tooltip)
{
  CustosHeatmapView *self = CUSTOS_HEATMAP_VIEW (widget);
  g_autoptr(GPtrArray) risks = NULL;
  g_autofree char *description = NULL;
  g_autofree char *escaped = NULL;
  GString *markup;
  int l, c;

  if (self->document == NULL)
    return FALSE;
  if (keyboard_mode)
    l = self->focus_l, c = self->focus_c;
  else if (!custos_heatmap_hit_test (gtk_widget_get_width (widget), gtk_widget_get_height (widget),
                                     n_levels (self, CUSTOS_SCALE_LIKELIHOOD),
                                     n_levels (self, CUSTOS_SCALE_CONSEQUENCE), x, y, &l, &c))
    return FALSE;

  description = custos_heatmap_view_describe_cell (self, l, c);
  escaped = g_markup_escape_text (description, -1);
  markup = g_string_new (NULL);
  g_string_append_printf (markup, "<b>%s</b>", escaped);
  risks = custos_heatmap_view_get_cell_risks (self, l, c);
  for (guint i = 0; i < risks->len && i < MAX_TOOLTIP_RISKS; i++)
    {
      CustosRecord *risk = g_ptr_array_index (risks, i);
      const char *title = custos_record_get_title (risk);
      g_autofree char *line = g_strdup_printf ("%s · %s", custos_record_get_id (risk), title != NULL ? title : "");
      g_autofree char *line_escaped = g_markup_escape_text (line, -1);

      g_string_append_printf (markup, "\n%s", line_escaped);
    }
  if (risks->len > MAX_TOOLTIP_RISKS)
    {
      guint more = risks->len - MAX_TOOLTIP_RISKS;
      /* Translators: the last line of a heatmap cell's tooltip */
      g_string_append_c (markup, '\n');
      g_string_append_printf (markup, ngettext ("and %u more", "and %u more", more), more);
    }
  gtk_tooltip_set_markup (tooltip, markup->str);
  g_string_free (markup, TRUE);
  return TRUE;
}

/* Properties ---------------------------------------------------------------- */

CustosDocument *
custos_heatmap_view_get_document (CustosHeatmapView *self)
{
  g_return_val_if_fail (CUSTOS_IS_HEATMAP_VIEW (self), NULL);
  return self->document;
}

void
custos_heatmap_view_set_document (CustosHeatmapView *self,
                                  CustosDocument    *document)
{
  g_return_if_fail (CUSTOS_IS_HEATMAP_VIEW (self));
  g_return_if_fail (document == NULL || CUSTOS_IS_DOCUMENT (document));

  if (self->document == document)
    return;
  if (self->document != NULL)
    g_signal_handlers_disconnect_by_func (self->document, on_document_changed, self);
  g_set_object (&self->document, document);
  if (document != NULL)
    g_signal_connect (document, "changed", G_CALLBACK (on_document_changed), self);
  custos_heatmap_view_set_selected_cell (self, 0, 0);
  invalidate (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DOCUMENT]);
}

gboolean
custos_heatmap_view_get_residual (CustosHeatmapView *self)
{
  g_return_val_if_fail (CUSTOS_IS_HEATMAP_VIEW (self), FALSE);
  return self->residual;
}

void
custos_heatmap_view_set_residual (CustosHeatmapView *self,
                                  gboolean           residual)
{
  g_return_if_fail (CUSTOS_IS_HEATMAP_VIEW (self));

  residual = !!residual;
  if (self->residual == residual)
    return;
  self->residual = residual;
  invalidate (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_RESIDUAL]);
}

gboolean
custos_heatmap_view_get_show_movement (CustosHeatmapView *self)
{
  g_return_val_if_fail (CUSTOS_IS_HEATMAP_VIEW (self), FALSE);
  return self->show_movement;
}

void
custos_heatmap_view_set_show_movement (CustosHeatmapView *self,
                                       gboolean           show_movement)
{
  g_return_if_fail (CUSTOS_IS_HEATMAP_VIEW (self));

  show_movement = !!show_movement;
  if (self->show_movement == show_movement)
    return;
  self->show_movement = show_movement;
  gtk_widget_queue_draw (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SHOW_MOVEMENT]);
}

gboolean
custos_heatmap_view_get_colour_blind (CustosHeatmapView *self)
{
  g_return_val_if_fail (CUSTOS_IS_HEATMAP_VIEW (self), FALSE);
  return self->colour_blind;
}

void
custos_heatmap_view_set_colour_blind (CustosHeatmapView *self,
                                      gboolean           colour_blind)
{
  g_return_if_fail (CUSTOS_IS_HEATMAP_VIEW (self));

  colour_blind = !!colour_blind;
  if (self->colour_blind == colour_blind)
    return;
  self->colour_blind = colour_blind;
  gtk_widget_queue_draw (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_COLOUR_BLIND]);
}

void
custos_heatmap_view_get_selected_cell (CustosHeatmapView *self,
                                       int               *likelihood,
                                       int               *consequence)
{
  g_return_if_fail (CUSTOS_IS_HEATMAP_VIEW (self));

  if (likelihood != NULL)
    *likelihood = self->selected_l;
  if (consequence != NULL)
    *consequence = self->selected_c;
}

void
custos_heatmap_view_set_selected_cell (CustosHeatmapView *self,
                                       int                likelihood,
                                       int                consequence)
{
  g_return_if_fail (CUSTOS_IS_HEATMAP_VIEW (self));

  if (likelihood < 1 || consequence < 1 ||
      likelihood > (int) n_levels (self, CUSTOS_SCALE_LIKELIHOOD) ||
      consequence > (int) n_levels (self, CUSTOS_SCALE_CONSEQUENCE))
    likelihood = consequence = 0;
  if (self->selected_l == likelihood && self->selected_c == consequence)
    return;
  self->selected_l = likelihood;
  self->selected_c = consequence;
  if (likelihood != 0)
    {
      self->focus_l = likelihood;
      self->focus_c = consequence;
    }
  gtk_widget_queue_draw (GTK_WIDGET (self));
  queue_accessible (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SELECTED_CELL]);
}

void
custos_heatmap_view_get_focus_cell (CustosHeatmapView *self,
                                    int               *likelihood,
                                    int               *consequence)
{
  g_return_if_fail (CUSTOS_IS_HEATMAP_VIEW (self));

  if (likelihood != NULL)
    *likelihood = self->focus_l;
  if (consequence != NULL)
    *consequence = self->focus_c;
}

void
custos_heatmap_view_set_focus_cell (CustosHeatmapView *self,
                                    int                likelihood,
                                    int                consequence)
{
  g_return_if_fail (CUSTOS_IS_HEATMAP_VIEW (self));

  likelihood = CLAMP (likelihood, 1, (int) n_levels (self, CUSTOS_SCALE_LIKELIHOOD));
  consequence = CLAMP (consequence, 1, (int) n_levels (self, CUSTOS_SCALE_CONSEQUENCE));
  if (self->focus_l == likelihood && self->focus_c == consequence)
    return;
  self->focus_l = likelihood;
  self->focus_c = consequence;
  gtk_widget_queue_draw (GTK_WIDGET (self));
  /* At once: a screen reader reads the new cell as the focus moves. */
  g_clear_handle_id (&self->a11y_idle, g_source_remove);
  update_accessible (self);
}

/* GObject ------------------------------------------------------------------- */

static void
custos_heatmap_view_dispose (GObject *object)
{
  CustosHeatmapView *self = CUSTOS_HEATMAP_VIEW (object);

  g_clear_handle_id (&self->a11y_idle, g_source_remove);
  if (self->document != NULL)
    g_signal_handlers_disconnect_by_func (self->document, on_document_changed, self);
  g_clear_object (&self->document);
  g_clear_pointer (&self->data, custos_heatmap_data_unref);

  G_OBJECT_CLASS (custos_heatmap_view_parent_class)->dispose (object);
}

static void
custos_heatmap_view_finalize (GObject *object)
{
  custos_heatmap_cache_free (CUSTOS_HEATMAP_VIEW (object)->cache);

  G_OBJECT_CLASS (custos_heatmap_view_parent_class)->finalize (object);
}

static void
custos_heatmap_view_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  CustosHeatmapView *self = CUSTOS_HEATMAP_VIEW (object);

  switch (prop_id)
    {
    case PROP_DOCUMENT:
      g_value_set_object (value, self->document);
      break;
    case PROP_RESIDUAL:
      g_value_set_boolean (value, self->residual);
      break;
    case PROP_SHOW_MOVEMENT:
      g_value_set_boolean (value, self->show_movement);
      break;
    case PROP_COLOUR_BLIND:
      g_value_set_boolean (value, self->colour_blind);
      break;
    case PROP_SELECTED_CELL:
      g_value_set_variant (value, g_variant_new ("(ii)", self->selected_l, self->selected_c));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
custos_heatmap_view_set_property (GObject      *object,
                                  guint         prop_id,
                                  const GValue *value,
                                  GParamSpec   *pspec)
{
  CustosHeatmapView *self = CUSTOS_HEATMAP_VIEW (object);

  switch (prop_id)
    {
    case PROP_DOCUMENT:
      custos_heatmap_view_set_document (self, g_value_get_object (value));
      break;
    case PROP_RESIDUAL:
      custos_heatmap_view_set_residual (self, g_value_get_boolean (value));
      break;
    case PROP_SHOW_MOVEMENT:
      custos_heatmap_view_set_show_movement (self, g_value_get_boolean (value));
      break;
    case PROP_COLOUR_BLIND:
      custos_heatmap_view_set_colour_blind (self, g_value_get_boolean (value));
      break;
    case PROP_SELECTED_CELL:
      {
        GVariant *cell = g_value_get_variant (value);
        int l = 0, c = 0;

        if (cell != NULL)
          g_variant_get (cell, "(ii)", &l, &c);
        custos_heatmap_view_set_selected_cell (self, l, c);
      }
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
custos_heatmap_view_class_init (CustosHeatmapViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = custos_heatmap_view_dispose;
  object_class->finalize = custos_heatmap_view_finalize;
  object_class->get_property = custos_heatmap_view_get_property;
  object_class->set_property = custos_heatmap_view_set_property;
  widget_class->snapshot = custos_heatmap_view_snapshot;
  widget_class->measure = custos_heatmap_view_measure;
  widget_class->query_tooltip = custos_heatmap_view_query_tooltip;
  widget_class->state_flags_changed = custos_heatmap_view_state_flags_changed;
  widget_class->css_changed = custos_heatmap_view_css_changed;

  properties[PROP_DOCUMENT] =
    g_param_spec_object ("document", NULL, NULL, CUSTOS_TYPE_DOCUMENT,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_RESIDUAL] =
    g_param_spec_boolean ("residual", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_SHOW_MOVEMENT] =
    g_param_spec_boolean ("show-movement", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_COLOUR_BLIND] =
    g_param_spec_boolean ("colour-blind", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  /* (likelihood, consequence); (0, 0) when no cell is selected */
  properties[PROP_SELECTED_CELL] =
    g_param_spec_variant ("selected-cell", NULL, NULL, G_VARIANT_TYPE ("(ii)"), g_variant_new ("(ii)", 0, 0),
                          G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * CustosHeatmapView::cell-activated:
   * @likelihood: the cell's likelihood level (0 when the selection was cleared)
   * @consequence: the cell's consequence level
   *
   * A cell was clicked or activated with the keyboard; "selected-cell" says
   * whether it is now selected or was cleared.
   */
  signals[CELL_ACTIVATED] = g_signal_new ("cell-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                          0, NULL, NULL, NULL, G_TYPE_NONE, 2, G_TYPE_INT, G_TYPE_INT);

  gtk_widget_class_set_css_name (widget_class, "custos-heatmap");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_BUTTON);
}

static void
custos_heatmap_view_init (CustosHeatmapView *self)
{
  GtkGesture *click;
  GtkEventController *keys, *focus;

  self->focus_l = 1;
  self->focus_c = 1;
  self->cache = custos_heatmap_cache_new ();
  gtk_widget_set_focusable (GTK_WIDGET (self), TRUE);
  gtk_widget_set_has_tooltip (GTK_WIDGET (self), TRUE);

  click = gtk_gesture_click_new ();
  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (click), GDK_BUTTON_PRIMARY);
  g_signal_connect (click, "released", G_CALLBACK (on_released), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (click));

  focus = gtk_event_controller_focus_new ();
  g_signal_connect_swapped (focus, "leave", G_CALLBACK (on_focus_leave), self);
  gtk_widget_add_controller (GTK_WIDGET (self), focus);

  keys = gtk_event_controller_key_new ();
  g_signal_connect (keys, "key-pressed", G_CALLBACK (on_key_pressed), self);
  gtk_widget_add_controller (GTK_WIDGET (self), keys);

  update_accessible (self);
}

GtkWidget *
custos_heatmap_view_new (void)
{
  return g_object_new (CUSTOS_TYPE_HEATMAP_VIEW, NULL);
}

/* How many times the static layer (cells, labels) has been drawn. */
guint
custos_heatmap_view_get_static_draws (CustosHeatmapView *self)
{
  g_return_val_if_fail (CUSTOS_IS_HEATMAP_VIEW (self), 0);
  return custos_heatmap_cache_get_static_draws (self->cache);
}
