/* SPDX-License-Identifier: GPL-3.0-or-later */
/* custos-asset-risks.c — the risks that name an asset, under its form
 *
 * ISO 27001 asks for risks identified per asset (clause 6.1.2 c); this group
 * under an asset's form lists the risks that name it, each with its inherent
 * and residual band. A row opens the risk (win.show-record); the header's
 * button shows the risks page filtered to the asset (win.show-asset-risks).
 */
#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "custos-asset-risks.h"
#include "custos-band-chip.h"

struct _CustosAssetRisks
{
  GtkWidget            parent_instance;

  CustosDocument      *document;
  CustosRecord        *asset;
  GSettings           *settings;
  GtkListBox          *list;
  guint                n_risks;
  guint                update_idle;
  AdwPreferencesGroup *group;
  GtkWidget           *show_button;
};

G_DEFINE_FINAL_TYPE (CustosAssetRisks, custos_asset_risks, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_DOCUMENT,
  PROP_ASSET,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

GPtrArray *
custos_asset_risks_collect (CustosDocument *document,
                            const char     *asset_id)
{
  GPtrArray *risks = g_ptr_array_new_with_free_func (g_object_unref);
  GListModel *model;

  g_return_val_if_fail (CUSTOS_IS_DOCUMENT (document), risks);

  if (asset_id == NULL)
    return risks;
  model = custos_document_get_register (document, CUSTOS_REGISTER_RISKS);
  for (guint i = 0, n = g_list_model_get_n_items (model); i < n; i++)
    {
      CustosRecord *risk = g_list_model_get_item (model, i);
      const char * const *assets = custos_risk_get_assets (CUSTOS_RISK (risk));

      if (assets != NULL && g_strv_contains (assets, asset_id))
        g_ptr_array_add (risks, risk);
      else
        g_object_unref (risk);
    }
  return risks;
}

static GtkWidget *
risk_row (CustosAssetRisks     *self,
          CustosRecord         *risk,
          CustosHeatmapPalette  palette)
{
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *outer = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *text = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
  GtkWidget *line = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *title_label, *id_label;
  GtkWidget *inherent = custos_band_chip_new ();
  GtkWidget *residual = custos_band_chip_new ();
  const char *title = custos_record_get_title (risk);
  g_autofree char *inherent_text = custos_band_chip_format (self->document, risk, FALSE);
  g_autofree char *residual_text = custos_band_chip_format (self->document, risk, TRUE);
  g_autofree char *tooltip = NULL;
  g_autofree char *accessible = NULL;

  title_label = gtk_label_new (title != NULL ? title : custos_record_get_id (risk));
  gtk_label_set_xalign (GTK_LABEL (title_label), 0);
  gtk_label_set_wrap (GTK_LABEL (title_label), TRUE);
  gtk_label_set_lines (GTK_LABEL (title_label), 2);
  gtk_label_set_ellipsize (GTK_LABEL (title_label), PANGO_ELLIPSIZE_END);
  id_label = gtk_label_new (custos_record_get_id (risk));
  gtk_widget_add_css_class (id_label, "dim-label");
  gtk_widget_add_css_class (id_label, "numeric");
  custos_band_chip_show_risk (CUSTOS_BAND_CHIP (inherent), self->document, risk, FALSE, palette);
  custos_band_chip_show_risk (CUSTOS_BAND_CHIP (residual), self->document, risk, TRUE, palette);
  gtk_widget_set_tooltip_text (inherent, _("Inherent risk"));
  gtk_widget_set_tooltip_text (residual, _("Residual risk"));
  gtk_box_append (GTK_BOX (line), id_label);
  gtk_box_append (GTK_BOX (line), inherent);
  gtk_box_append (GTK_BOX (line), gtk_label_new ("→"));
  gtk_box_append (GTK_BOX (line), residual);
  gtk_box_append (GTK_BOX (text), title_label);
  gtk_box_append (GTK_BOX (text), line);
  gtk_widget_set_hexpand (text, TRUE);
  gtk_box_append (GTK_BOX (outer), text);
  gtk_box_append (GTK_BOX (outer), gtk_image_new_from_icon_name ("go-next-symbolic"));
  gtk_widget_set_margin_start (outer, 12);
  gtk_widget_set_margin_end (outer, 12);
  gtk_widget_set_margin_top (outer, 8);
  gtk_widget_set_margin_bottom (outer, 8);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), outer);

  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  g_object_set_data_full (G_OBJECT (row), "custos-risk-id", g_strdup (custos_record_get_id (risk)), g_free);
  tooltip = g_strdup_printf (_("Open %s on the risks page"), custos_record_get_id (risk));
  gtk_widget_set_tooltip_text (row, tooltip);
  /* Translators: a risk for screen readers, "R-001 Ransomware…, inherent 20 · Critical, residual 8 · Medium" */
  accessible = g_strdup_printf (_("%s %s, inherent %s, residual %s"), custos_record_get_id (risk),
                                title != NULL ? title : "",
                                inherent_text != NULL ? inherent_text : C_("score", "Not assessed"),
                                residual_text != NULL ? residual_text : C_("score", "Not assessed"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL, accessible, -1);
  return row;
}

/* A row opens its risk on the risks page. */
static void
on_row_activated (GtkListBox       *list,
                  GtkListBoxRow    *row,
                  CustosAssetRisks *self)
{
  const char *id = g_object_get_data (G_OBJECT (row), "custos-risk-id");

  if (id != NULL)
    gtk_widget_activate_action (GTK_WIDGET (self), "win.show-record", "(ss)", "risks", id);
}

static gboolean
update (gpointer user_data)
{
  CustosAssetRisks *self = user_data;
  g_autoptr(GPtrArray) risks = NULL;
  CustosHeatmapPalette palette = g_settings_get_boolean (self->settings, "colour-blind-palette")
                                 ? CUSTOS_HEATMAP_PALETTE_COLOUR_BLIND : CUSTOS_HEATMAP_PALETTE_BANDS;
  const char *asset_id = self->asset != NULL ? custos_record_get_id (self->asset) : NULL;
  g_autofree char *description = NULL;

  self->update_idle = 0;
  {
    GtkWidget *child;

    while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->list))) != NULL)
      gtk_list_box_remove (self->list, child);
  }

  risks = self->document != NULL ? custos_asset_risks_collect (self->document, asset_id)
                                 : g_ptr_array_new_with_free_func (g_object_unref);
  self->n_risks = risks->len;
  for (guint i = 0; i < risks->len; i++)
    {
      gtk_list_box_append (self->list, risk_row (self, g_ptr_array_index (risks, i), palette));
    }
  if (risks->len == 0)
    description = g_strdup (_("No risk names this asset yet. Name it in the Assets field of a risk on the risks page."));
  else
    /* Translators: under "Risks of This Asset" */
    description = g_strdup_printf (ngettext ("%u risk names this asset.", "%u risks name this asset.", risks->len),
                                   risks->len);
  adw_preferences_group_set_description (self->group, description);
  gtk_widget_set_visible (GTK_WIDGET (self->list), risks->len > 0);
  gtk_widget_set_sensitive (self->show_button, risks->len > 0);
  gtk_actionable_set_action_target (GTK_ACTIONABLE (self->show_button), "s", asset_id != NULL ? asset_id : "");
  return G_SOURCE_REMOVE;
}

static void
queue_update (CustosAssetRisks *self)
{
  if (self->update_idle == 0)
    self->update_idle = g_idle_add (update, self);
}

static void
on_document_changed (CustosDocument   *document,
                     CustosRecord     *record,
                     CustosAssetRisks *self)
{
  if (record == NULL || CUSTOS_IS_RISK (record) || record == self->asset)
    queue_update (self);
}

CustosDocument *
custos_asset_risks_get_document (CustosAssetRisks *self)
{
  g_return_val_if_fail (CUSTOS_IS_ASSET_RISKS (self), NULL);
  return self->document;
}

void
custos_asset_risks_set_document (CustosAssetRisks *self,
                                 CustosDocument   *document)
{
  g_return_if_fail (CUSTOS_IS_ASSET_RISKS (self));
  g_return_if_fail (document == NULL || CUSTOS_IS_DOCUMENT (document));

  if (self->document == document)
    return;
  if (self->document != NULL)
    g_signal_handlers_disconnect_by_func (self->document, on_document_changed, self);
  g_set_object (&self->document, document);
  if (document != NULL)
    g_signal_connect (document, "changed", G_CALLBACK (on_document_changed), self);
  g_clear_handle_id (&self->update_idle, g_source_remove);
  update (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DOCUMENT]);
}

CustosRecord *
custos_asset_risks_get_asset (CustosAssetRisks *self)
{
  g_return_val_if_fail (CUSTOS_IS_ASSET_RISKS (self), NULL);
  return self->asset;
}

void
custos_asset_risks_set_asset (CustosAssetRisks *self,
                              CustosRecord     *asset)
{
  g_return_if_fail (CUSTOS_IS_ASSET_RISKS (self));
  g_return_if_fail (asset == NULL || CUSTOS_IS_RECORD (asset));

  if (!g_set_object (&self->asset, asset))
    return;
  g_clear_handle_id (&self->update_idle, g_source_remove);
  update (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ASSET]);
}

guint
custos_asset_risks_get_n_risks (CustosAssetRisks *self)
{
  g_return_val_if_fail (CUSTOS_IS_ASSET_RISKS (self), 0);

  if (self->update_idle != 0)
    {
      g_clear_handle_id (&self->update_idle, g_source_remove);
      update (self);
    }
  return self->n_risks;
}

static void
custos_asset_risks_dispose (GObject *object)
{
  CustosAssetRisks *self = CUSTOS_ASSET_RISKS (object);
  GtkWidget *child;

  g_clear_handle_id (&self->update_idle, g_source_remove);
  if (self->document != NULL)
    g_signal_handlers_disconnect_by_func (self->document, on_document_changed, self);
  g_clear_object (&self->document);
  g_clear_object (&self->asset);
  g_clear_object (&self->settings);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);

  G_OBJECT_CLASS (custos_asset_risks_parent_class)->dispose (object);
}

static void
custos_asset_risks_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  CustosAssetRisks *self = CUSTOS_ASSET_RISKS (object);

  switch (prop_id)
    {
    case PROP_DOCUMENT:
      g_value_set_object (value, self->document);
      break;
    case PROP_ASSET:
      g_value_set_object (value, self->asset);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
custos_asset_risks_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  CustosAssetRisks *self = CUSTOS_ASSET_RISKS (object);

  switch (prop_id)
    {
    case PROP_DOCUMENT:
      custos_asset_risks_set_document (self, g_value_get_object (value));
      break;
    case PROP_ASSET:
      custos_asset_risks_set_asset (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
custos_asset_risks_class_init (CustosAssetRisksClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = custos_asset_risks_dispose;
  object_class->get_property = custos_asset_risks_get_property;
  object_class->set_property = custos_asset_risks_set_property;

  properties[PROP_DOCUMENT] =
    g_param_spec_object ("document", NULL, NULL, CUSTOS_TYPE_DOCUMENT,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_ASSET] =
    g_param_spec_object ("asset", NULL, NULL, CUSTOS_TYPE_RECORD,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "custos-asset-risks");
}

static void
custos_asset_risks_init (CustosAssetRisks *self)
{
  self->settings = g_settings_new (APP_ID);
  self->group = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
  adw_preferences_group_set_title (self->group, _("Risks of This Asset"));
  self->show_button = gtk_button_new_with_mnemonic (_("_Show in Risks"));
  gtk_widget_add_css_class (self->show_button, "flat");
  gtk_widget_set_valign (self->show_button, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (self->show_button, _("Show the risks page with only the risks of this asset"));
  gtk_actionable_set_action_target (GTK_ACTIONABLE (self->show_button), "s", "");
  gtk_actionable_set_action_name (GTK_ACTIONABLE (self->show_button), "win.show-asset-risks");
  adw_preferences_group_set_header_suffix (self->group, self->show_button);
  self->list = GTK_LIST_BOX (gtk_list_box_new ());
  gtk_list_box_set_selection_mode (self->list, GTK_SELECTION_NONE);
  gtk_widget_add_css_class (GTK_WIDGET (self->list), "boxed-list");
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->list), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Risks of This Asset"), -1);
  g_signal_connect (self->list, "row-activated", G_CALLBACK (on_row_activated), self);
  adw_preferences_group_add (self->group, GTK_WIDGET (self->list));
  gtk_widget_set_parent (GTK_WIDGET (self->group), GTK_WIDGET (self));
  g_signal_connect_swapped (self->settings, "changed::colour-blind-palette", G_CALLBACK (queue_update), self);
  update (self);
}

GtkWidget *
custos_asset_risks_new (void)
{
  return g_object_new (CUSTOS_TYPE_ASSET_RISKS, NULL);
}
