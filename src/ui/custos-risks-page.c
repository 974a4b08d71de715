/* SPDX-License-Identifier: GPL-3.0-or-later */
/* custos-risks-page.c — clause 6.1.2: the heatmap above the risk register
 *
 * The heatmap (inherent or residual) and its band legend sit above the
 * shared register view of risks. A click on a cell, a legend row or a choice
 * in the Filter popover narrows the list; the filter bar names each active
 * filter as a chip that removes it. The list gains two columns: the inherent
 * and the residual score as band chips, sortable by score.
 *
 * The filter is re-applied when it changes and when the document changes as
 * a whole (records added or removed, new criteria), not on every field edit:
 * a risk whose likelihood is being edited stays in the list (and in the
 * editor) until the filter is next applied, instead of vanishing mid-edit.
 */
#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "custos-band-chip.h"
#include "custos-enums.h"
#include "custos-field-format.h"
#include "custos-labels.h"
#include "custos-paned.h"
#include "custos-risks-page.h"
#include "custos-wrap-box.h"

/* Filter ------------------------------------------------------------------ */

void
custos_risk_filter_init (CustosRiskFilter *filter)
{
  g_return_if_fail (filter != NULL);

  memset (filter, 0, sizeof *filter);
  filter->band = -1;
  filter->status = -1;
}

void
custos_risk_filter_clear (CustosRiskFilter *filter)
{
  gboolean residual;

  g_return_if_fail (filter != NULL);

  residual = filter->residual;
  g_free (filter->owner);
  g_free (filter->asset);
  g_free (filter->control);
  custos_risk_filter_init (filter);
  filter->residual = residual;
}

gboolean
custos_risk_filter_is_active (const CustosRiskFilter *filter)
{
  g_return_val_if_fail (filter != NULL, FALSE);

  return filter->likelihood > 0 || filter->band >= 0 || filter->owner != NULL || filter->status >= 0 ||
         filter->asset != NULL || filter->control != NULL;
}

static gboolean
strv_has (const char * const *strv,
          const char         *value)
{
  return strv != NULL && g_strv_contains (strv, value);
}

gboolean
custos_risk_filter_matches (const CustosRiskFilter *filter,
                            CustosDocument         *document,
                            CustosRecord           *risk)
{
  g_return_val_if_fail (filter != NULL, FALSE);
  g_return_val_if_fail (CUSTOS_IS_RECORD (risk), FALSE);

  if (filter->likelihood > 0 &&
      !custos_risk_in_cell (risk, filter->residual, filter->likelihood, filter->consequence))
    return FALSE;
  if (filter->status >= 0 && (int) custos_risk_get_status (CUSTOS_RISK (risk)) != filter->status)
    return FALSE;
  if (filter->owner != NULL && g_strcmp0 (custos_risk_get_owner (CUSTOS_RISK (risk)), filter->owner) != 0)
    return FALSE;
  if (filter->asset != NULL && !strv_has (custos_risk_get_assets (CUSTOS_RISK (risk)), filter->asset))
    return FALSE;
  if (filter->control != NULL && !strv_has (custos_risk_get_controls (CUSTOS_RISK (risk)), filter->control))
    return FALSE;
  if (filter->band >= 0 &&
      (document == NULL || custos_document_risk_band (document, risk, filter->residual) != filter->band))
    return FALSE;
  return TRUE;
}

/* The page ---------------------------------------------------------------- */

typedef struct
{
  CustosRisksPage *page;
  gboolean         residual;
} ChipColumn;

struct _CustosRisksPage
{
  GtkWidget           parent_instance;

  CustosDocument     *document;
  GSettings          *settings;
  CustosRiskFilter    filter;
  ChipColumn          chip_columns[2];   /* inherent, residual */
  GHashTable         *chips;             /* CustosBandChip * → GtkListItem *, while bound */
  guint               refresh_idle;
  gboolean            syncing;

  GtkMenuButton      *filter_button;
  GtkDropDown        *drops[5];          /* band, owner, status, asset, control */
  GPtrArray          *drop_ids[5];       /* what each position means: an id, or an index as a string */

  /* template children */
  GtkPaned           *paned;
  GtkWidget          *overview;
  CustosHeatmapView  *heatmap;
  GtkToggleButton    *inherent_button;
  GtkToggleButton    *residual_button;
  GtkCheckButton     *movement_check;
  GtkListBox         *legend;
  GtkLabel           *summary_label;
  GtkRevealer        *filter_revealer;
  GtkBox             *chips_box;
  CustosRegisterView *register_view;
};

G_DEFINE_FINAL_TYPE (CustosRisksPage, custos_risks_page, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_DOCUMENT,
  PROP_RESIDUAL,
  PROP_SHOW_HEATMAP,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum { DROP_BAND, DROP_OWNER, DROP_STATUS, DROP_ASSET, DROP_CONTROL, N_DROPS };

static CustosHeatmapPalette
palette (CustosRisksPage *self)
{
  return custos_heatmap_view_get_colour_blind (self->heatmap) ? CUSTOS_HEATMAP_PALETTE_COLOUR_BLIND
                                                              : CUSTOS_HEATMAP_PALETTE_BANDS;
}

/* Score chips in the list ------------------------------------------------- */

static void
update_chip (CustosBandChip *chip,
             GtkListItem    *list_item)
{
  ChipColumn *column = g_object_get_data (G_OBJECT (list_item), "custos-chip-column");
  CustosRecord *risk = gtk_list_item_get_item (list_item);

  if (column == NULL || risk == NULL)
    return;
  custos_band_chip_show_risk (chip, column->page->document, risk, column->residual, palette (column->page));
}

static void
on_chip_risk_notify (CustosRecord *risk,
                     GParamSpec   *pspec,
                     GtkListItem  *list_item)
{
  update_chip (CUSTOS_BAND_CHIP (gtk_list_item_get_child (list_item)), list_item);
}

static void
setup_chip (GtkSignalListItemFactory *factory,
            GtkListItem              *list_item,
            ChipColumn               *column)
{
  gtk_list_item_set_child (list_item, custos_band_chip_new ());
}

static void
bind_chip (GtkSignalListItemFactory *factory,
           GtkListItem              *list_item,
           ChipColumn               *column)
{
  GtkWidget *chip = gtk_list_item_get_child (list_item);

  g_object_set_data (G_OBJECT (list_item), "custos-chip-column", column);
  update_chip (CUSTOS_BAND_CHIP (chip), list_item);
  g_signal_connect (gtk_list_item_get_item (list_item), "notify", G_CALLBACK (on_chip_risk_notify), list_item);
  g_hash_table_insert (column->page->chips, chip, list_item);
}

static void
unbind_chip (GtkSignalListItemFactory *factory,
             GtkListItem              *list_item,
             ChipColumn               *column)
{
  gpointer risk = gtk_list_item_get_item (list_item);

  if (risk != NULL)
    g_signal_handlers_disconnect_by_func (risk, on_chip_risk_notify, list_item);
  if (column->page->chips != NULL)
    g_hash_table_remove (column->page->chips, gtk_list_item_get_child (list_item));
}

static int
compare_scores (gconstpointer a,
                gconstpointer b,
                gpointer      user_data)
{
  ChipColumn *column = user_data;
  CustosDocument *document = column->page->document;
  int x, y;

  if (document == NULL)
    return GTK_ORDERING_EQUAL;
  x = custos_document_risk_score (document, (CustosRecord *) a, column->residual);
  y = custos_document_risk_score (document, (CustosRecord *) b, column->residual);
  return x < y ? GTK_ORDERING_SMALLER : x > y ? GTK_ORDERING_LARGER : GTK_ORDERING_EQUAL;
}

static void
add_chip_column (CustosRisksPage *self,
                 int              position,
                 gboolean         residual)
{
  ChipColumn *column = &self->chip_columns[residual ? 1 : 0];
  g_autoptr(GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();
  g_autoptr(GtkSorter) sorter = NULL;
  GtkColumnViewColumn *view_column;

  column->page = self;
  column->residual = residual;
  g_signal_connect (factory, "setup", G_CALLBACK (setup_chip), column);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_chip), column);
  g_signal_connect (factory, "unbind", G_CALLBACK (unbind_chip), column);
  sorter = GTK_SORTER (gtk_custom_sorter_new (compare_scores, column, NULL));
  view_column = custos_register_view_add_column (self->register_view, position,
                                                 residual ? C_("column", "Residual risk")
                                                          : C_("column", "Inherent risk"),
                                                 factory, sorter);
  gtk_column_view_column_set_fixed_width (view_column, 130);
}

static void
refresh_chips (CustosRisksPage *self)
{
  GHashTableIter iter;
  gpointer chip, list_item;

  g_hash_table_iter_init (&iter, self->chips);
  while (g_hash_table_iter_next (&iter, &chip, &list_item))
    update_chip (chip, list_item);
}

/* Legend and summary ------------------------------------------------------ */

static void
update_legend (CustosRisksPage *self)
{
  CustosCriteria *criteria;
  GListModel *risks;
  gboolean residual = custos_heatmap_view_get_residual (self->heatmap);
  g_autofree guint *counts = NULL;
  guint n_bands, total, unscored = 0;
  GtkWidget *child;
  g_autofree char *total_text = NULL;
  g_autofree char *summary = NULL;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->legend))) != NULL)
    gtk_list_box_remove (self->legend, child);
  if (self->document == NULL)
    return;

  criteria = custos_document_get_criteria (self->document);
  n_bands = custos_criteria_get_n_bands (criteria);
  counts = g_new0 (guint, n_bands + 1);
  risks = custos_document_get_register (self->document, CUSTOS_REGISTER_RISKS);
  total = g_list_model_get_n_items (risks);
  for (guint i = 0; i < total; i++)
    {
      g_autoptr(CustosRecord) risk = g_list_model_get_item (risks, i);
      int band = custos_document_risk_band (self->document, risk, residual);

      if (band >= 0 && (guint) band < n_bands)
        counts[band]++;
      else
        unscored++;
    }

  /* Highest band first, as on the map. */
  for (guint k = n_bands; k-- > 0;)
    {
      const CustosBand *band = custos_criteria_get_band (criteria, k);
      GtkWidget *row = gtk_list_box_row_new ();
      GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 8);
      GtkWidget *chip = custos_band_chip_new ();
      GtkWidget *range = gtk_label_new (NULL);
      GtkWidget *count = gtk_label_new (NULL);
      GtkWidget *check = gtk_image_new_from_icon_name ("object-select-symbolic");
      g_autofree char *range_text = band->min == band->max ? g_strdup_printf ("%d", band->min)
                                                           : g_strdup_printf ("%d–%d", band->min, band->max);
      g_autofree char *count_text = g_strdup_printf ("%u", counts[k]);
      g_autofree char *label = NULL;

      custos_band_chip_set (CUSTOS_BAND_CHIP (chip), band->name, TRUE,
                            custos_heatmap_band_colour (palette (self), k, n_bands, band->colour));
      gtk_label_set_text (GTK_LABEL (range), range_text);
      gtk_widget_add_css_class (range, "dim-label");
      gtk_widget_add_css_class (range, "numeric");
      gtk_widget_set_hexpand (range, TRUE);
      gtk_label_set_xalign (GTK_LABEL (range), 0);
      gtk_label_set_text (GTK_LABEL (count), count_text);
      gtk_widget_add_css_class (count, "numeric");
      gtk_widget_set_visible (check, self->filter.band == (int) k);
      gtk_box_append (GTK_BOX (box), chip);
      gtk_box_append (GTK_BOX (box), range);
      gtk_box_append (GTK_BOX (box), check);
      gtk_box_append (GTK_BOX (box), count);
      gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
      g_object_set_data (G_OBJECT (row), "custos-band", GINT_TO_POINTER (k));
      /* Translators: a row of the band legend, "High, scores 10–16: 4 risks" */
      label = g_strdup_printf (ngettext ("%s, scores %s: %u risk", "%s, scores %s: %u risks", counts[k]),
                               band->name, range_text, counts[k]);
      gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
      gtk_widget_set_tooltip_text (row, band->timescale);
      gtk_list_box_append (self->legend, row);
    }

  total_text = g_strdup_printf (ngettext ("%u risk", "%u risks", total), total);
  if (unscored > 0)
    summary = g_strdup_printf (residual
                               /* Translators: "31 risks; 2 without residual levels" */
                               ? ngettext ("%s; %u without residual levels", "%s; %u without residual levels", unscored)
                               /* Translators: "31 risks; 2 not assessed" */
                               : ngettext ("%s; %u not assessed", "%s; %u not assessed", unscored),
                               total_text, unscored);
  gtk_label_set_text (self->summary_label, summary != NULL ? summary : total_text);
}

static gboolean
refresh_idle_cb (gpointer user_data)
{
  CustosRisksPage *self = user_data;

  self->refresh_idle = 0;
  update_legend (self);
  return G_SOURCE_REMOVE;
}

static void
queue_refresh (CustosRisksPage *self)
{
  if (self->refresh_idle == 0)
    self->refresh_idle = g_idle_add (refresh_idle_cb, self);
}

/* Filter bar -------------------------------------------------------------- */

static void filter_changed (CustosRisksPage *self);

static const char *
record_title (CustosDocument *document,
              CustosRegister  reg,
              const char     *id)
{
  CustosRecord *record = document != NULL ? custos_document_lookup (document, reg, id) : NULL;
  const char *title = record != NULL ? custos_record_get_title (record) : NULL;

  return title != NULL ? title : id;
}

static void
on_chip_clicked (GtkButton       *button,
                 CustosRisksPage *self)
{
  const char *part = g_object_get_data (G_OBJECT (button), "custos-filter-part");

  if (g_str_equal (part, "cell"))
    custos_risks_page_set_cell_filter (self, 0, 0);
  else if (g_str_equal (part, "band"))
    custos_risks_page_set_band_filter (self, -1);
  else if (g_str_equal (part, "owner"))
    custos_risks_page_set_owner_filter (self, NULL);
  else if (g_str_equal (part, "status"))
    custos_risks_page_set_status_filter (self, -1);
  else if (g_str_equal (part, "asset"))
    custos_risks_page_set_asset_filter (self, NULL);
  else if (g_str_equal (part, "control"))
    custos_risks_page_set_control_filter (self, NULL);
}

static void
add_filter_chip (CustosRisksPage *self,
                 const char      *part,
                 const char      *text)
{
  GtkWidget *button = gtk_button_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 4);
  GtkWidget *label = gtk_label_new (text);
  GtkWidget *icon = gtk_image_new_from_icon_name ("window-close-symbolic");
  /* Translators: the accessible name of a filter chip's button */
  g_autofree char *remove = g_strdup_printf (_("Remove filter: %s"), text);

  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_label_set_max_width_chars (GTK_LABEL (label), 32);
  gtk_box_append (GTK_BOX (box), label);
  gtk_box_append (GTK_BOX (box), icon);
  gtk_button_set_child (GTK_BUTTON (button), box);
  gtk_widget_add_css_class (button, "custos-filter-chip");
  gtk_widget_set_tooltip_text (button, remove);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, remove, -1);
  g_object_set_data_full (G_OBJECT (button), "custos-filter-part", g_strdup (part), g_free);
  g_signal_connect (button, "clicked", G_CALLBACK (on_chip_clicked), self);
  gtk_box_append (self->chips_box, button);
}

static void
update_filter_bar (CustosRisksPage *self)
{
  CustosRiskFilter *f = &self->filter;
  CustosCriteria *criteria = self->document != NULL ? custos_document_get_criteria (self->document) : NULL;
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->chips_box))) != NULL)
    gtk_box_remove (self->chips_box, child);

  if (f->likelihood > 0 && criteria != NULL)
    {
      const CustosLevel *l = custos_criteria_get_level (criteria, CUSTOS_SCALE_LIKELIHOOD, (guint) f->likelihood);
      const CustosLevel *c = custos_criteria_get_level (criteria, CUSTOS_SCALE_CONSEQUENCE, (guint) f->consequence);
      g_autofree char *text = NULL;

      if (l != NULL && c != NULL)
        text = g_strdup_printf (f->residual
                                /* Translators: a filter chip, "Residual: Likely × Severe" */
                                ? _("Residual: %s × %s")
                                /* Translators: a filter chip, "Inherent: Likely × Severe" */
                                : _("Inherent: %s × %s"),
                                l->label, c->label);
      if (text != NULL)
        add_filter_chip (self, "cell", text);
    }
  if (f->band >= 0 && criteria != NULL && (guint) f->band < custos_criteria_get_n_bands (criteria))
    {
      const char *name = custos_criteria_get_band (criteria, (guint) f->band)->name;
      g_autofree char *text = g_strdup_printf (f->residual
                                               /* Translators: a filter chip, "Residual band: High" */
                                               ? _("Residual band: %s")
                                               /* Translators: a filter chip, "Inherent band: High" */
                                               : _("Inherent band: %s"), name);
      add_filter_chip (self, "band", text);
    }
  if (f->owner != NULL)
    {
      /* Translators: a filter chip, "Owner: IT lead" */
      g_autofree char *text = g_strdup_printf (_("Owner: %s"), record_title (self->document, CUSTOS_REGISTER_ROLES, f->owner));
      add_filter_chip (self, "owner", text);
    }
  if (f->status >= 0)
    {
      /* Translators: a filter chip, "Status: Accepted" */
      g_autofree char *text = g_strdup_printf (_("Status: %s"), custos_enum_value_label (CUSTOS_TYPE_RISK_STATUS, f->status));
      add_filter_chip (self, "status", text);
    }
  if (f->asset != NULL)
    {
      /* Translators: a filter chip, "Asset: Staff laptops" */
      g_autofree char *text = g_strdup_printf (_("Asset: %s"), record_title (self->document, CUSTOS_REGISTER_ASSETS, f->asset));
      add_filter_chip (self, "asset", text);
    }
  if (f->control != NULL)
    {
      /* Translators: a filter chip, "Control: 8.7" */
      g_autofree char *text = g_strdup_printf (_("Control: %s"), f->control);
      add_filter_chip (self, "control", text);
    }
  gtk_revealer_set_reveal_child (self->filter_revealer, custos_risk_filter_is_active (f));
}

/* What follows the list's filter: the heatmap's cell, the editor, the bars. */
static void
show_filter (CustosRisksPage *self)
{
  int l, c;

  /* The heatmap shows the cell the list is narrowed to. */
  self->syncing = TRUE;
  custos_heatmap_view_get_selected_cell (self->heatmap, &l, &c);
  if (l != self->filter.likelihood || c != self->filter.consequence)
    custos_heatmap_view_set_selected_cell (self->heatmap, self->filter.likelihood, self->filter.consequence);
  self->syncing = FALSE;

  /* The editor shows the first match rather than nothing. */
  if (custos_register_view_get_selected (self->register_view) == NULL)
    {
      GListModel *shown = custos_register_view_get_model (self->register_view);
      g_autoptr(CustosRecord) first = g_list_model_get_n_items (shown) > 0 ? g_list_model_get_item (shown, 0) : NULL;

      if (first != NULL)
        custos_register_view_select (self->register_view, first);
    }
  update_filter_bar (self);
  update_legend (self);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "risks.clear-filters", custos_risk_filter_is_active (&self->filter));
}

static void
filter_changed (CustosRisksPage *self)
{
  custos_register_view_refilter (self->register_view);
  show_filter (self);
}

static gboolean
filter_risk (gpointer item,
             gpointer user_data)
{
  CustosRisksPage *self = user_data;

  return custos_risk_filter_matches (&self->filter, self->document, item);
}

/* Filter popover ---------------------------------------------------------- */

static void
fill_drop (CustosRisksPage *self,
           guint            which,
           GtkStringList   *labels,
           GPtrArray       *ids,
           const char      *current)
{
  guint selected = 0;

  for (guint i = 0; current != NULL && i < ids->len; i++)
    if (g_strcmp0 (g_ptr_array_index (ids, i), current) == 0)
      selected = i;
  g_clear_pointer (&self->drop_ids[which], g_ptr_array_unref);
  self->drop_ids[which] = g_ptr_array_ref (ids);
  gtk_drop_down_set_model (self->drops[which], G_LIST_MODEL (labels));
  gtk_drop_down_set_selected (self->drops[which], selected);
}

static int
compare_controls (gconstpointer a,
                  gconstpointer b)
{
  return custos_natural_compare (*(const char * const *) a, *(const char * const *) b);
}

/* Fills the drop-downs from the document as it is now, showing the filter. */
static void
update_drops (CustosRisksPage *self)
{
  g_autoptr(GtkStringList) labels = NULL;
  g_autoptr(GPtrArray) ids = NULL;
  g_autoptr(GHashTable) controls = NULL;
  g_autofree char *band_id = NULL;
  g_autofree char *status_id = NULL;
  CustosCriteria *criteria;
  GListModel *model;
  GEnumClass *enum_class;

  if (self->document == NULL)
    return;
  self->syncing = TRUE;
  criteria = custos_document_get_criteria (self->document);

  /* Bands */
  labels = gtk_string_list_new (NULL);
  ids = g_ptr_array_new_with_free_func (g_free);
  gtk_string_list_append (labels, _("Any band"));
  g_ptr_array_add (ids, NULL);
  for (guint i = 0; i < custos_criteria_get_n_bands (criteria); i++)
    {
      gtk_string_list_append (labels, custos_criteria_get_band (criteria, i)->name);
      g_ptr_array_add (ids, g_strdup_printf ("%u", i));
    }
  band_id = self->filter.band >= 0 ? g_strdup_printf ("%d", self->filter.band) : NULL;
  fill_drop (self, DROP_BAND, labels, ids, band_id);
  g_clear_object (&labels);
  g_clear_pointer (&ids, g_ptr_array_unref);

  /* Owners: the roles */
  labels = gtk_string_list_new (NULL);
  ids = g_ptr_array_new_with_free_func (g_free);
  gtk_string_list_append (labels, _("Anyone"));
  g_ptr_array_add (ids, NULL);
  model = custos_document_get_register (self->document, CUSTOS_REGISTER_ROLES);
  for (guint i = 0, n = g_list_model_get_n_items (model); i < n; i++)
    {
      g_autoptr(CustosRecord) role = g_list_model_get_item (model, i);
      g_autofree char *label = custos_format_record_label (self->document, role);

      gtk_string_list_append (labels, label);
      g_ptr_array_add (ids, g_strdup (custos_record_get_id (role)));
    }
  fill_drop (self, DROP_OWNER, labels, ids, self->filter.owner);
  g_clear_object (&labels);
  g_clear_pointer (&ids, g_ptr_array_unref);

  /* Statuses */
  labels = gtk_string_list_new (NULL);
  ids = g_ptr_array_new_with_free_func (g_free);
  gtk_string_list_append (labels, _("Any status"));
  g_ptr_array_add (ids, NULL);
  enum_class = g_type_class_ref (CUSTOS_TYPE_RISK_STATUS);
  for (guint i = 0; i < enum_class->n_values; i++)
    {
      gtk_string_list_append (labels, custos_enum_value_label (CUSTOS_TYPE_RISK_STATUS, enum_class->values[i].value));
      g_ptr_array_add (ids, g_strdup_printf ("%d", enum_class->values[i].value));
    }
  g_type_class_unref (enum_class);
  status_id = self->filter.status >= 0 ? g_strdup_printf ("%d", self->filter.status) : NULL;
  fill_drop (self, DROP_STATUS, labels, ids, status_id);
  g_clear_object (&labels);
  g_clear_pointer (&ids, g_ptr_array_unref);

  /* Assets */
  labels = gtk_string_list_new (NULL);
  ids = g_ptr_array_new_with_free_func (g_free);
  gtk_string_list_append (labels, _("Any asset"));
  g_ptr_array_add (ids, NULL);
  model = custos_document_get_register (self->document, CUSTOS_REGISTER_ASSETS);
  for (guint i = 0, n = g_list_model_get_n_items (model); i < n; i++)
    {
      g_autoptr(CustosRecord) asset = g_list_model_get_item (model, i);
      g_autofree char *label = custos_format_record_label (self->document, asset);

      gtk_string_list_append (labels, label);
      g_ptr_array_add (ids, g_strdup (custos_record_get_id (asset)));
    }
  fill_drop (self, DROP_ASSET, labels, ids, self->filter.asset);
  g_clear_object (&labels);
  g_clear_pointer (&ids, g_ptr_array_unref);

  /* Controls: those any risk selects, in natural order */
  labels = gtk_string_list_new (NULL);
  ids = g_ptr_array_new_with_free_func (g_free);
  gtk_string_list_append (labels, _("Any control"));
  g_ptr_array_add (ids, NULL);
  controls = g_hash_table_new (g_str_hash, g_str_equal);
  model = custos_document_get_register (self->document, CUSTOS_REGISTER_RISKS);
  for (guint i = 0, n = g_list_model_get_n_items (model); i < n; i++)
    {
      g_autoptr(CustosRecord) risk = g_list_model_get_item (model, i);
      const char * const *chosen = custos_risk_get_controls (CUSTOS_RISK (risk));

      for (guint k = 0; chosen != NULL && chosen[k] != NULL; k++)
        g_hash_table_add (controls, (gpointer) chosen[k]);
    }
  {
    guint n = 0;
    g_autofree const char **sorted = (const char **) g_hash_table_get_keys_as_array (controls, &n);

    qsort (sorted, n, sizeof *sorted, compare_controls);
    for (guint i = 0; i < n; i++)
      {
        const char *title = custos_document_get_control_title (self->document, sorted[i]);
        g_autofree char *cited = custos_control_cite (sorted[i]);
        g_autofree char *label = title != NULL ? g_strdup_printf ("%s · %s", cited, title) : g_strdup (cited);

        gtk_string_list_append (labels, label);
        g_ptr_array_add (ids, g_strdup (sorted[i]));
      }
  }
  fill_drop (self, DROP_CONTROL, labels, ids, self->filter.control);
  self->syncing = FALSE;
}

static void
on_drop_selected (GtkDropDown     *drop,
                  GParamSpec      *pspec,
                  CustosRisksPage *self)
{
  guint which = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (drop), "custos-drop"));
  guint selected = gtk_drop_down_get_selected (drop);
  const char *id;

  if (self->syncing || self->drop_ids[which] == NULL || selected >= self->drop_ids[which]->len)
    return;
  id = g_ptr_array_index (self->drop_ids[which], selected);
  switch (which)
    {
    case DROP_BAND:
      custos_risks_page_set_band_filter (self, id != NULL ? atoi (id) : -1);
      break;
    case DROP_OWNER:
      custos_risks_page_set_owner_filter (self, id);
      break;
    case DROP_STATUS:
      custos_risks_page_set_status_filter (self, id != NULL ? atoi (id) : -1);
      break;
    case DROP_ASSET:
      custos_risks_page_set_asset_filter (self, id);
      break;
    case DROP_CONTROL:
      custos_risks_page_set_control_filter (self, id);
      break;
    default:
      g_assert_not_reached ();
    }
}

static void
on_popover_show (GtkPopover      *popover,
                 CustosRisksPage *self)
{
  update_drops (self);
}

static GtkWidget *
build_filter_button (CustosRisksPage *self)
{
  static const char *titles[N_DROPS] = {
    N_("_Band"), N_("_Owner"), N_("_Status"), N_("_Asset"), N_("_Control"),
  };
  GtkWidget *button = gtk_menu_button_new ();
  GtkWidget *popover = gtk_popover_new ();
  GtkWidget *grid = gtk_grid_new ();
  GtkWidget *note, *clear;

  gtk_grid_set_row_spacing (GTK_GRID (grid), 8);
  gtk_grid_set_column_spacing (GTK_GRID (grid), 12);
  gtk_widget_set_margin_start (grid, 6);
  gtk_widget_set_margin_end (grid, 6);
  gtk_widget_set_margin_top (grid, 6);
  gtk_widget_set_margin_bottom (grid, 6);
  for (guint i = 0; i < N_DROPS; i++)
    {
      GtkWidget *label = gtk_label_new_with_mnemonic (_(titles[i]));
      GtkWidget *drop = gtk_drop_down_new (NULL, NULL);

      gtk_label_set_xalign (GTK_LABEL (label), 1.0);
      gtk_label_set_mnemonic_widget (GTK_LABEL (label), drop);
      gtk_widget_set_size_request (drop, 260, -1);
      g_object_set_data (G_OBJECT (drop), "custos-drop", GUINT_TO_POINTER (i));
      g_signal_connect (drop, "notify::selected", G_CALLBACK (on_drop_selected), self);
      gtk_grid_attach (GTK_GRID (grid), label, 0, (int) i, 1, 1);
      gtk_grid_attach (GTK_GRID (grid), drop, 1, (int) i, 1, 1);
      self->drops[i] = GTK_DROP_DOWN (drop);
    }
  note = gtk_label_new (_("The band follows the heatmap: inherent or residual."));
  gtk_label_set_wrap (GTK_LABEL (note), TRUE);
  gtk_label_set_xalign (GTK_LABEL (note), 0);
  gtk_label_set_max_width_chars (GTK_LABEL (note), 36);
  gtk_widget_add_css_class (note, "dim-label");
  gtk_widget_add_css_class (note, "caption");
  gtk_grid_attach (GTK_GRID (grid), note, 1, N_DROPS, 1, 1);
  clear = gtk_button_new_with_mnemonic (_("_Clear Filters"));
  gtk_actionable_set_action_name (GTK_ACTIONABLE (clear), "risks.clear-filters");
  gtk_widget_set_halign (clear, GTK_ALIGN_END);
  gtk_grid_attach (GTK_GRID (grid), clear, 1, N_DROPS + 1, 1, 1);

  gtk_popover_set_child (GTK_POPOVER (popover), grid);
  g_signal_connect (popover, "show", G_CALLBACK (on_popover_show), self);
  gtk_menu_button_set_popover (GTK_MENU_BUTTON (button), popover);
  gtk_menu_button_set_label (GTK_MENU_BUTTON (button), _("Filter"));
  gtk_widget_set_tooltip_text (button, _("Show only some risks"));
  return button;
}

/* Signals ------------------------------------------------------------------- */

static void
on_cell_activated (CustosHeatmapView *heatmap,
                   int                likelihood,
                   int                consequence,
                   CustosRisksPage   *self)
{
  int l, c;

  custos_heatmap_view_get_selected_cell (heatmap, &l, &c);
  custos_risks_page_set_cell_filter (self, l, c);
}

static void
on_legend_row_activated (GtkListBox      *box,
                         GtkListBoxRow   *row,
                         CustosRisksPage *self)
{
  int band = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (row), "custos-band"));

  custos_risks_page_set_band_filter (self, self->filter.band == band ? -1 : band);
}

static void
on_residual_notify (CustosHeatmapView *heatmap,
                    GParamSpec        *pspec,
                    CustosRisksPage   *self)
{
  self->filter.residual = custos_heatmap_view_get_residual (heatmap);
  filter_changed (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_RESIDUAL]);
}

static void
on_selected_cell_notify (CustosHeatmapView *heatmap,
                         GParamSpec        *pspec,
                         CustosRisksPage   *self)
{
  int l, c;

  if (self->syncing)
    return;
  custos_heatmap_view_get_selected_cell (heatmap, &l, &c);
  if (l != self->filter.likelihood || c != self->filter.consequence)
    custos_risks_page_set_cell_filter (self, l, c);
}

static void
on_document_changed (CustosDocument  *document,
                     CustosRecord    *record,
                     CustosRisksPage *self)
{
  if (record == NULL)
    {
      /* Criteria, or records added or removed. */
      refresh_chips (self);
      if (custos_risk_filter_is_active (&self->filter))
        {
          custos_register_view_refilter (self->register_view);
          update_filter_bar (self);
        }
    }
  if (record == NULL || CUSTOS_IS_RISK (record))
    queue_refresh (self);
}

static void
on_palette_changed (CustosRisksPage *self)
{
  refresh_chips (self);
  update_legend (self);
}

static void
clear_filters_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  custos_risks_page_clear_filters (CUSTOS_RISKS_PAGE (widget));
}

/* API ----------------------------------------------------------------------- */

CustosDocument *
custos_risks_page_get_document (CustosRisksPage *self)
{
  g_return_val_if_fail (CUSTOS_IS_RISKS_PAGE (self), NULL);
  return self->document;
}

void
custos_risks_page_set_document (CustosRisksPage *self,
                                CustosDocument  *document)
{
  g_return_if_fail (CUSTOS_IS_RISKS_PAGE (self));
  g_return_if_fail (document == NULL || CUSTOS_IS_DOCUMENT (document));

  if (self->document == document)
    return;
  if (self->document != NULL)
    g_signal_handlers_disconnect_by_func (self->document, on_document_changed, self);
  g_set_object (&self->document, document);
  if (document != NULL)
    g_signal_connect (document, "changed", G_CALLBACK (on_document_changed), self);
  /* The filters name records of the old document. */
  custos_risk_filter_clear (&self->filter);
  custos_heatmap_view_set_document (self->heatmap, document);
  /* The view filters the new register as it takes it: with the filter just
   * cleared, filtering it again would only cost another pass over it. */
  custos_register_view_set_document (self->register_view, document);
  show_filter (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DOCUMENT]);
}

CustosRegisterView *
custos_risks_page_get_register_view (CustosRisksPage *self)
{
  g_return_val_if_fail (CUSTOS_IS_RISKS_PAGE (self), NULL);
  return self->register_view;
}

CustosHeatmapView *
custos_risks_page_get_heatmap (CustosRisksPage *self)
{
  g_return_val_if_fail (CUSTOS_IS_RISKS_PAGE (self), NULL);
  return self->heatmap;
}

const CustosRiskFilter *
custos_risks_page_get_filter (CustosRisksPage *self)
{
  g_return_val_if_fail (CUSTOS_IS_RISKS_PAGE (self), NULL);
  return &self->filter;
}

void
custos_risks_page_set_cell_filter (CustosRisksPage *self,
                                   int              likelihood,
                                   int              consequence)
{
  g_return_if_fail (CUSTOS_IS_RISKS_PAGE (self));

  if (likelihood <= 0 || consequence <= 0)
    likelihood = consequence = 0;
  if (self->filter.likelihood == likelihood && self->filter.consequence == consequence)
    return;
  self->filter.likelihood = likelihood;
  self->filter.consequence = consequence;
  filter_changed (self);
}

void
custos_risks_page_set_band_filter (CustosRisksPage *self,
                                   int              band)
{
  g_return_if_fail (CUSTOS_IS_RISKS_PAGE (self));

  band = MAX (band, -1);
  if (self->filter.band == band)
    return;
  self->filter.band = band;
  filter_changed (self);
}

static void
set_string_part (CustosRisksPage  *self,
                 char            **part,
                 const char       *value)
{
  if (value != NULL && *value == '\0')
    value = NULL;
  if (g_strcmp0 (*part, value) == 0)
    return;
  g_free (*part);
  *part = g_strdup (value);
  filter_changed (self);
}

void
custos_risks_page_set_owner_filter (CustosRisksPage *self,
                                    const char      *role_id)
{
  g_return_if_fail (CUSTOS_IS_RISKS_PAGE (self));
  set_string_part (self, &self->filter.owner, role_id);
}

void
custos_risks_page_set_status_filter (CustosRisksPage *self,
                                     int              status)
{
  g_return_if_fail (CUSTOS_IS_RISKS_PAGE (self));

  status = MAX (status, -1);
  if (self->filter.status == status)
    return;
  self->filter.status = status;
  filter_changed (self);
}

void
custos_risks_page_set_asset_filter (CustosRisksPage *self,
                                    const char      *asset_id)
{
  g_return_if_fail (CUSTOS_IS_RISKS_PAGE (self));
  set_string_part (self, &self->filter.asset, asset_id);
}

void
custos_risks_page_set_control_filter (CustosRisksPage *self,
                                      const char      *control_id)
{
  g_return_if_fail (CUSTOS_IS_RISKS_PAGE (self));
  set_string_part (self, &self->filter.control, control_id);
}

void
custos_risks_page_clear_filters (CustosRisksPage *self)
{
  g_return_if_fail (CUSTOS_IS_RISKS_PAGE (self));

  if (!custos_risk_filter_is_active (&self->filter))
    return;
  custos_risk_filter_clear (&self->filter);
  filter_changed (self);
}

void
custos_risks_page_show_risk (CustosRisksPage *self,
                             CustosRecord    *risk)
{
  g_return_if_fail (CUSTOS_IS_RISKS_PAGE (self));
  g_return_if_fail (risk == NULL || CUSTOS_IS_RISK (risk));

  if (risk != NULL && !custos_risk_filter_matches (&self->filter, self->document, risk))
    custos_risks_page_clear_filters (self);
  custos_register_view_select (self->register_view, risk);
}

/* GObject ------------------------------------------------------------------- */

static void
custos_risks_page_dispose (GObject *object)
{
  CustosRisksPage *self = CUSTOS_RISKS_PAGE (object);

  g_clear_handle_id (&self->refresh_idle, g_source_remove);
  if (self->document != NULL)
    g_signal_handlers_disconnect_by_func (self->document, on_document_changed, self);
  g_clear_object (&self->settings);
  gtk_widget_dispose_template (GTK_WIDGET (self), CUSTOS_TYPE_RISKS_PAGE);
  {
    GtkWidget *child;

    while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
      gtk_widget_unparent (child);
  }
  g_clear_pointer (&self->chips, g_hash_table_unref);
  g_clear_object (&self->document);
  for (guint i = 0; i < N_DROPS; i++)
    g_clear_pointer (&self->drop_ids[i], g_ptr_array_unref);

  G_OBJECT_CLASS (custos_risks_page_parent_class)->dispose (object);
}

static void
custos_risks_page_finalize (GObject *object)
{
  CustosRisksPage *self = CUSTOS_RISKS_PAGE (object);

  custos_risk_filter_clear (&self->filter);

  G_OBJECT_CLASS (custos_risks_page_parent_class)->finalize (object);
}

static void
custos_risks_page_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  CustosRisksPage *self = CUSTOS_RISKS_PAGE (object);

  switch (prop_id)
    {
    case PROP_DOCUMENT:
      g_value_set_object (value, self->document);
      break;
    case PROP_RESIDUAL:
      g_value_set_boolean (value, custos_heatmap_view_get_residual (self->heatmap));
      break;
    case PROP_SHOW_HEATMAP:
      g_value_set_boolean (value, gtk_widget_get_visible (self->overview));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
custos_risks_page_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  CustosRisksPage *self = CUSTOS_RISKS_PAGE (object);

  switch (prop_id)
    {
    case PROP_DOCUMENT:
      custos_risks_page_set_document (self, g_value_get_object (value));
      break;
    case PROP_RESIDUAL:
      custos_heatmap_view_set_residual (self->heatmap, g_value_get_boolean (value));
      break;
    case PROP_SHOW_HEATMAP:
      if (gtk_widget_get_visible (self->overview) != g_value_get_boolean (value))
        {
          gtk_widget_set_visible (self->overview, g_value_get_boolean (value));
          g_object_notify_by_pspec (object, pspec);
        }
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
custos_risks_page_class_init (CustosRisksPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = custos_risks_page_dispose;
  object_class->finalize = custos_risks_page_finalize;
  object_class->get_property = custos_risks_page_get_property;
  object_class->set_property = custos_risks_page_set_property;

  properties[PROP_DOCUMENT] =
    g_param_spec_object ("document", NULL, NULL, CUSTOS_TYPE_DOCUMENT,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  /* The heatmap and the band filter show residual rather than inherent risk. */
  properties[PROP_RESIDUAL] =
    g_param_spec_boolean ("residual", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  /* The heatmap and its legend above the register; hidden, the register
   * and its editor take the page's height. */
  properties[PROP_SHOW_HEATMAP] =
    g_param_spec_boolean ("show-heatmap", NULL, NULL, TRUE,
                          G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_install_action (widget_class, "risks.clear-filters", NULL, clear_filters_action);
  gtk_widget_class_install_property_action (widget_class, "risks.residual", "residual");
  gtk_widget_class_install_property_action (widget_class, "risks.show-heatmap", "show-heatmap");

  g_type_ensure (CUSTOS_TYPE_HEATMAP_VIEW);
  g_type_ensure (CUSTOS_TYPE_REGISTER_VIEW);
  g_type_ensure (CUSTOS_TYPE_WRAP_BOX);
  gtk_widget_class_set_template_from_resource (widget_class, APP_PATH "/ui/custos-risks-page.ui");
  gtk_widget_class_bind_template_child (widget_class, CustosRisksPage, paned);
  gtk_widget_class_bind_template_child (widget_class, CustosRisksPage, overview);
  gtk_widget_class_bind_template_child (widget_class, CustosRisksPage, heatmap);
  gtk_widget_class_bind_template_child (widget_class, CustosRisksPage, inherent_button);
  gtk_widget_class_bind_template_child (widget_class, CustosRisksPage, residual_button);
  gtk_widget_class_bind_template_child (widget_class, CustosRisksPage, movement_check);
  gtk_widget_class_bind_template_child (widget_class, CustosRisksPage, legend);
  gtk_widget_class_bind_template_child (widget_class, CustosRisksPage, summary_label);
  gtk_widget_class_bind_template_child (widget_class, CustosRisksPage, filter_revealer);
  gtk_widget_class_bind_template_child (widget_class, CustosRisksPage, chips_box);
  gtk_widget_class_bind_template_child (widget_class, CustosRisksPage, register_view);
  gtk_widget_class_bind_template_callback (widget_class, on_cell_activated);
  gtk_widget_class_bind_template_callback (widget_class, on_legend_row_activated);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "custos-risks-page");
}

static void
custos_risks_page_init (CustosRisksPage *self)
{
  GtkWidget *criteria_button;
  GtkWidget *heatmap_button;

  custos_risk_filter_init (&self->filter);
  self->chips = g_hash_table_new (NULL, NULL);

  gtk_widget_init_template (GTK_WIDGET (self));

  /* Inherent and residual are two faces of one switch. */
  g_object_bind_property (self->residual_button, "active", self->heatmap, "residual",
                          G_BINDING_BIDIRECTIONAL | G_BINDING_SYNC_CREATE);
  g_object_bind_property (self->heatmap, "residual", self->inherent_button, "active",
                          G_BINDING_SYNC_CREATE | G_BINDING_INVERT_BOOLEAN);
  g_object_bind_property (self->movement_check, "active", self->heatmap, "show-movement",
                          G_BINDING_BIDIRECTIONAL | G_BINDING_SYNC_CREATE);
  g_signal_connect (self->heatmap, "notify::residual", G_CALLBACK (on_residual_notify), self);
  g_signal_connect (self->heatmap, "notify::selected-cell", G_CALLBACK (on_selected_cell_notify), self);

  self->settings = g_settings_new (APP_ID);
  g_settings_bind (self->settings, "colour-blind-palette", self->heatmap, "colour-blind", G_SETTINGS_BIND_GET);
  g_settings_bind (self->settings, "show-heatmap", self, "show-heatmap", G_SETTINGS_BIND_DEFAULT);
  g_signal_connect_swapped (self->heatmap, "notify::colour-blind", G_CALLBACK (on_palette_changed), self);

  add_chip_column (self, 2, FALSE);
  add_chip_column (self, 3, TRUE);
  custos_register_view_set_filter_func (self->register_view, filter_risk, self, NULL);

  self->filter_button = GTK_MENU_BUTTON (build_filter_button (self));
  custos_register_view_add_header_widget (self->register_view, GTK_WIDGET (self->filter_button));
  criteria_button = gtk_button_new_with_mnemonic (_("C_riteria"));
  gtk_actionable_set_action_name (GTK_ACTIONABLE (criteria_button), "win.edit-criteria");
  gtk_widget_set_tooltip_text (criteria_button, _("Edit the risk criteria: scales, scoring and bands"));
  custos_register_view_add_header_widget (self->register_view, criteria_button);
  heatmap_button = gtk_toggle_button_new_with_mnemonic (_("_Heatmap"));
  gtk_actionable_set_action_name (GTK_ACTIONABLE (heatmap_button), "risks.show-heatmap");
  gtk_widget_set_tooltip_text (heatmap_button, _("Show or hide the heatmap, to give the list and the form more room"));
  custos_register_view_add_header_widget (self->register_view, heatmap_button);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "risks.clear-filters", FALSE);
  update_filter_bar (self);
  /* A third for the heatmap, about its natural height in a 800 px window;
   * the register and its form the rest. */
  custos_paned_place_once (self->paned, 1, 3, 120);
}

GtkWidget *
custos_risks_page_new (void)
{
  return g_object_new (CUSTOS_TYPE_RISKS_PAGE, NULL);
}
