/* SPDX-License-Identifier: GPL-3.0-or-later */
/* custos-band-chip.c — a score and its risk band as a small coloured chip
 *
 * Band colours come from the document's criteria (any #rrggbb), so they
 * cannot be CSS classes: the chip draws its own rounded fill and picks black
 * or white text by the fill's luminance, the rule the heatmap uses.
 *
 * The risk register shows two chips a row in some 200 rows: the chips share
 * their window's PangoContext (custos-cell-text.h), know the size of each
 * text from a table kept on that context (there are few different texts),
 * and lay their own text out only when drawn.
 */
#include "config.h"

#include <glib/gi18n.h>

#include "custos-band-chip.h"
#include "custos-cell-text.h"

#define PAD_X 8
#define PAD_Y 2

struct _CustosBandChip
{
  GtkWidget    parent_instance;

  char        *text;
  gboolean     has_colour;
  guint32      colour;
  PangoLayout *layout;  /* made when first drawn */
  guint        serial;  /* of the context the layout was made for */
};

G_DEFINE_FINAL_TYPE (CustosBandChip, custos_band_chip, GTK_TYPE_WIDGET)

/* A little smaller and bolder than the text around it. */
static PangoLayout *
make_layout (PangoContext *context,
             const char   *text)
{
  PangoLayout *layout = pango_layout_new (context);
  g_autoptr(PangoAttrList) attrs = pango_attr_list_new ();

  pango_attr_list_insert (attrs, pango_attr_scale_new (0.9));
  pango_attr_list_insert (attrs, pango_attr_weight_new (600));
  pango_layout_set_attributes (layout, attrs);
  pango_layout_set_text (layout, text, -1);
  return layout;
}

static PangoLayout *
get_layout (CustosBandChip *self)
{
  PangoContext *context = custos_shared_pango_context (GTK_WIDGET (self));

  if (self->layout != NULL && self->serial != pango_context_get_serial (context))
    g_clear_object (&self->layout);
  if (self->layout == NULL)
    {
      self->layout = make_layout (context, self->text != NULL ? self->text : "");
      self->serial = pango_context_get_serial (context);
    }
  return self->layout;
}

typedef struct
{
  guint       serial;
  GHashTable *sizes;  /* text → width << 16 | height, in pixels */
} Sizes;

static void
sizes_free (gpointer data)
{
  Sizes *sizes = data;

  g_hash_table_unref (sizes->sizes);
  g_free (sizes);
}

static void
text_size (CustosBandChip *self,
           int            *width,
           int            *height)
{
  PangoContext *context = custos_shared_pango_context (GTK_WIDGET (self));
  Sizes *sizes = g_object_get_data (G_OBJECT (context), "custos-band-chip-sizes");
  gpointer size;

  if (sizes == NULL || sizes->serial != pango_context_get_serial (context))
    {
      sizes = g_new0 (Sizes, 1);
      sizes->serial = pango_context_get_serial (context);
      sizes->sizes = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
      g_object_set_data_full (G_OBJECT (context), "custos-band-chip-sizes", sizes, sizes_free);
    }
  if (!g_hash_table_lookup_extended (sizes->sizes, self->text, NULL, &size))
    {
      g_autoptr(PangoLayout) layout = make_layout (context, self->text);
      int w, h;

      pango_layout_get_pixel_size (layout, &w, &h);
      size = GUINT_TO_POINTER ((guint) CLAMP (w, 0, 0xffff) << 16 | (guint) CLAMP (h, 0, 0xffff));
      g_hash_table_insert (sizes->sizes, g_strdup (self->text), size);
    }
  *width = (int) (GPOINTER_TO_UINT (size) >> 16);
  *height = (int) (GPOINTER_TO_UINT (size) & 0xffff);
}

static void
custos_band_chip_measure (GtkWidget      *widget,
                          GtkOrientation  orientation,
                          int             for_size,
                          int            *minimum,
                          int            *natural,
                          int            *minimum_baseline,
                          int            *natural_baseline)
{
  CustosBandChip *self = CUSTOS_BAND_CHIP (widget);
  int width, height;

  if (self->text == NULL || *self->text == '\0')
    {
      *minimum = *natural = 0;
      return;
    }
  text_size (self, &width, &height);
  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    *minimum = *natural = width + 2 * PAD_X;
  else
    *minimum = *natural = height + 2 * PAD_Y;
}

static void
rgb_to_rgba (guint32  rgb,
             GdkRGBA *rgba)
{
  rgba->red = ((rgb >> 16) & 0xff) / 255.0f;
  rgba->green = ((rgb >> 8) & 0xff) / 255.0f;
  rgba->blue = (rgb & 0xff) / 255.0f;
  rgba->alpha = 1.0f;
}

static void
custos_band_chip_snapshot (GtkWidget   *widget,
                           GtkSnapshot *snapshot)
{
  CustosBandChip *self = CUSTOS_BAND_CHIP (widget);
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  PangoLayout *layout;
  int text_width, text_height, chip_height;
  double y0;
  GdkRGBA ink;

  if (self->text == NULL || *self->text == '\0')
    return;
  layout = get_layout (self);
  text_size (self, &text_width, &text_height);
  chip_height = MIN (height, text_height + 2 * PAD_Y);
  y0 = (height - chip_height) / 2.0;

  if (self->has_colour)
    {
      GskRoundedRect rect;
      GdkRGBA fill;
      graphene_rect_t bounds = GRAPHENE_RECT_INIT (0, (float) y0, (float) MIN (width, text_width + 2 * PAD_X),
                                                   (float) chip_height);

      rgb_to_rgba (self->colour, &fill);
      gsk_rounded_rect_init_from_rect (&rect, &bounds, chip_height / 2.0f);
      gtk_snapshot_push_rounded_clip (snapshot, &rect);
      gtk_snapshot_append_color (snapshot, &fill, &bounds);
      gtk_snapshot_pop (snapshot);
      rgb_to_rgba (custos_heatmap_text_colour (self->colour), &ink);
    }
  else
    {
      G_GNUC_BEGIN_IGNORE_DEPRECATIONS
      gtk_style_context_get_color (gtk_widget_get_style_context (widget), &ink);
      G_GNUC_END_IGNORE_DEPRECATIONS
      ink.alpha *= 0.55f;
    }

  gtk_snapshot_save (snapshot);
  gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (PAD_X, (float) (y0 + (chip_height - text_height) / 2.0)));
  gtk_snapshot_append_layout (snapshot, layout, &ink);
  gtk_snapshot_restore (snapshot);
}

static void
custos_band_chip_css_changed (GtkWidget         *widget,
                              GtkCssStyleChange *change)
{
  CustosBandChip *self = CUSTOS_BAND_CHIP (widget);

  GTK_WIDGET_CLASS (custos_band_chip_parent_class)->css_changed (widget, change);
  /* The font may have changed. */
  g_clear_object (&self->layout);
  gtk_widget_queue_resize (widget);
}

static void
custos_band_chip_finalize (GObject *object)
{
  CustosBandChip *self = CUSTOS_BAND_CHIP (object);

  g_clear_object (&self->layout);
  g_free (self->text);

  G_OBJECT_CLASS (custos_band_chip_parent_class)->finalize (object);
}

static void
custos_band_chip_class_init (CustosBandChipClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->finalize = custos_band_chip_finalize;
  widget_class->measure = custos_band_chip_measure;
  widget_class->snapshot = custos_band_chip_snapshot;
  widget_class->css_changed = custos_band_chip_css_changed;

  gtk_widget_class_set_css_name (widget_class, "custos-band-chip");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
custos_band_chip_init (CustosBandChip *self)
{
  gtk_widget_set_valign (GTK_WIDGET (self), GTK_ALIGN_CENTER);
  gtk_widget_set_halign (GTK_WIDGET (self), GTK_ALIGN_START);
}

GtkWidget *
custos_band_chip_new (void)
{
  return g_object_new (CUSTOS_TYPE_BAND_CHIP, NULL);
}

void
custos_band_chip_set (CustosBandChip *self,
                      const char     *text,
                      gboolean        has_colour,
                      guint32         colour)
{
  g_return_if_fail (CUSTOS_IS_BAND_CHIP (self));

  has_colour = !!has_colour;
  if (g_strcmp0 (self->text, text) == 0 && self->has_colour == has_colour && self->colour == colour)
    return;
  if (g_strcmp0 (self->text, text) != 0)
    {
      g_free (self->text);
      self->text = g_strdup (text);
      g_clear_object (&self->layout);
      gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      text != NULL ? text : "", -1);
      gtk_widget_queue_resize (GTK_WIDGET (self));
    }
  self->has_colour = has_colour;
  self->colour = colour;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

const char *
custos_band_chip_get_text (CustosBandChip *self)
{
  g_return_val_if_fail (CUSTOS_IS_BAND_CHIP (self), NULL);
  return self->text;
}

char *
custos_band_chip_format (CustosDocument *document,
                         CustosRecord   *risk,
                         gboolean        residual)
{
  int score, band;

  g_return_val_if_fail (CUSTOS_IS_DOCUMENT (document), NULL);
  g_return_val_if_fail (CUSTOS_IS_RECORD (risk), NULL);

  score = custos_document_risk_score (document, risk, residual);
  if (score <= 0)
    return NULL;
  band = custos_document_risk_band (document, risk, residual);
  if (band < 0)
    return g_strdup_printf ("%d", score);
  /* Translators: a risk score and the name of its band, "12 · High" */
  return g_strdup_printf (_("%d · %s"), score,
                          custos_criteria_get_band (custos_document_get_criteria (document), (guint) band)->name);
}

void
custos_band_chip_show_risk (CustosBandChip       *self,
                            CustosDocument       *document,
                            CustosRecord         *risk,
                            gboolean              residual,
                            CustosHeatmapPalette  palette)
{
  CustosCriteria *criteria;
  g_autofree char *text = NULL;
  int band;

  g_return_if_fail (CUSTOS_IS_BAND_CHIP (self));

  if (document == NULL || risk == NULL)
    {
      custos_band_chip_set (self, NULL, FALSE, 0);
      return;
    }
  criteria = custos_document_get_criteria (document);
  text = custos_band_chip_format (document, risk, residual);
  band = custos_document_risk_band (document, risk, residual);
  if (text == NULL)
    custos_band_chip_set (self, C_("score", "Not assessed"), FALSE, 0);
  else if (band < 0)
    custos_band_chip_set (self, text, FALSE, 0);
  else
    custos_band_chip_set (self, text, TRUE,
                          custos_heatmap_band_colour (palette, (guint) band, custos_criteria_get_n_bands (criteria),
                                                      custos_criteria_get_band (criteria, (guint) band)->colour));
}
