/* SPDX-License-Identifier: GPL-3.0-or-later */
/* custos-criteria-editor.c — the risk criteria dialog (clause 6.1.2 a)
 *
 * Edits a working copy: the scales (3 to 6 levels each, a label and a
 * meaning per level), the scoring and the score bands (name, colour, range,
 * required action, timescale, whether and by whom a risk in the band may be
 * accepted). Every edit is validated at once with custos_criteria_validate()
 * and the reason shown above the form. Bands stay contiguous by
 * construction: each band starts one above the previous band's highest
 * score, so only the highest score of each is edited.
 *
 * Apply: when risks would change band, a preview lists each move (inherent
 * and residual, old band → new band) before custos_document_set_criteria()
 * replaces the criteria in one undoable step.
 */
#include "config.h"

#include <glib/gi18n.h>

#include "custos-band-chip.h"
#include "custos-criteria-editor.h"
#include "custos-heatmap.h"

/* Preview ----------------------------------------------------------------- */

static int
band_after (CustosCriteria *criteria,
            int             likelihood,
            int             consequence)
{
  int nl = (int) custos_criteria_get_n_levels (criteria, CUSTOS_SCALE_LIKELIHOOD);
  int nc = (int) custos_criteria_get_n_levels (criteria, CUSTOS_SCALE_CONSEQUENCE);

  /* As custos_document_set_criteria() brings levels into a shrunken scale. */
  return custos_criteria_band_index (criteria, custos_criteria_score (criteria, MIN (likelihood, nl),
                                                                      MIN (consequence, nc)));
}

static const char *
band_name (CustosCriteria *criteria,
           int             band)
{
  return band >= 0 ? custos_criteria_get_band (criteria, (guint) band)->name : NULL;
}

static void
band_move_free (gpointer data)
{
  CustosBandMove *move = data;

  g_object_unref (move->risk);
  g_free (move);
}

GPtrArray *
custos_criteria_preview_moves (CustosDocument *document,
                               CustosCriteria *criteria)
{
  CustosCriteria *old;
  GListModel *risks;
  GPtrArray *moves;

  g_return_val_if_fail (CUSTOS_IS_DOCUMENT (document), NULL);
  g_return_val_if_fail (CUSTOS_IS_CRITERIA (criteria), NULL);

  old = custos_document_get_criteria (document);
  moves = g_ptr_array_new_with_free_func (band_move_free);
  risks = custos_document_get_register (document, CUSTOS_REGISTER_RISKS);
  for (guint i = 0, n = g_list_model_get_n_items (risks); i < n; i++)
    {
      g_autoptr(CustosRecord) risk = g_list_model_get_item (risks, i);
      CustosBandMove move = { 0 };

      move.old_band = custos_document_risk_band (document, risk, FALSE);
      move.old_residual_band = custos_document_risk_band (document, risk, TRUE);
      move.new_band = band_after (criteria, custos_risk_get_likelihood (CUSTOS_RISK (risk)),
                                  custos_risk_get_consequence (CUSTOS_RISK (risk)));
      move.new_residual_band = band_after (criteria, custos_risk_get_residual_likelihood (CUSTOS_RISK (risk)),
                                           custos_risk_get_residual_consequence (CUSTOS_RISK (risk)));
      if (g_strcmp0 (band_name (old, move.old_band), band_name (criteria, move.new_band)) != 0 ||
          g_strcmp0 (band_name (old, move.old_residual_band), band_name (criteria, move.new_residual_band)) != 0)
        {
          move.risk = g_steal_pointer (&risk);
          g_ptr_array_add (moves, g_memdup2 (&move, sizeof move));
        }
    }
  return moves;
}

/* The dialog -------------------------------------------------------------- */

struct _CustosCriteriaEditor
{
  AdwWindow            parent_instance;

  CustosDocument      *document;
  GSettings           *settings;
  CustosScoring        scoring;
  GArray              *levels[2];   /* CustosLevel, strings owned */
  GArray              *bands;       /* CustosBand, strings owned */
  CustosCriteria      *criteria;    /* built from the above after each edit */
  char                *problem;
  GPtrArray           *level_rows[2];
  GPtrArray           *band_rows;
  GtkWidget           *level_buttons[2][2]; /* remove, add */
  GtkWidget           *band_buttons[2];
  GtkWidget           *range_row;

  /* template children */
  GtkButton           *cancel_button;
  AdwViewSwitcherTitle *switcher_title;
  GtkWidget           *switcher_bar;
  GtkButton           *apply_button;
  GtkRevealer         *problem_revealer;
  GtkLabel            *problem_label;
  GtkStack            *main_stack;
  AdwViewStack        *stack;
  AdwPreferencesGroup *scoring_group;
  AdwComboRow         *scoring_row;
  AdwPreferencesGroup *likelihood_group;
  AdwPreferencesGroup *consequence_group;
  AdwPreferencesGroup *bands_group;
  GtkSwitch           *palette_switch;
  GtkLabel            *preview_title;
  GtkListBox          *preview_list;
};

G_DEFINE_FINAL_TYPE (CustosCriteriaEditor, custos_criteria_editor, ADW_TYPE_WINDOW)

enum {
  APPLIED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void rebuild_levels (CustosCriteriaEditor *self, CustosScale scale);
static void rebuild_bands  (CustosCriteriaEditor *self);

static void
clear_level (gpointer data)
{
  CustosLevel *level = data;

  g_clear_pointer (&level->label, g_free);
  g_clear_pointer (&level->meaning, g_free);
}

static void
clear_band (gpointer data)
{
  CustosBand *band = data;

  g_clear_pointer (&band->name, g_free);
  g_clear_pointer (&band->colour, g_free);
  g_clear_pointer (&band->action, g_free);
  g_clear_pointer (&band->timescale, g_free);
  g_clear_pointer (&band->accepted_by, g_free);
}

static CustosLevel *
level_at (CustosCriteriaEditor *self,
          CustosScale           scale,
          guint                 index)
{
  return &g_array_index (self->levels[scale], CustosLevel, index);
}

static CustosBand *
band_at (CustosCriteriaEditor *self,
         guint                 index)
{
  return &g_array_index (self->bands, CustosBand, index);
}

/* Scores of the scales as edited, without building criteria. */
static int
score_of (CustosCriteriaEditor *self,
          int                   likelihood,
          int                   consequence)
{
  return self->scoring == CUSTOS_SCORING_SUM ? likelihood + consequence : likelihood * consequence;
}

static int
max_score (CustosCriteriaEditor *self)
{
  return score_of (self, (int) self->levels[0]->len, (int) self->levels[1]->len);
}

/* Each band starts one above the previous one's end; the first at the lowest score. */
static void
chain_bands (CustosCriteriaEditor *self)
{
  for (guint i = 0; i < self->bands->len; i++)
    band_at (self, i)->min = i == 0 ? score_of (self, 1, 1) : band_at (self, i - 1)->max + 1;
}

static void
set_string (char       **field,
            const char  *text)
{
  g_free (*field);
  *field = (text != NULL && *text != '\0') ? g_strdup (text) : NULL;
}

static char *
band_subtitle (CustosBand *band)
{
  g_autofree char *range = band->min == band->max ? g_strdup_printf ("%d", band->min)
                                                  : g_strdup_printf ("%d–%d", band->min, band->max);

  if (band->timescale != NULL)
    /* Translators: a band's summary, "Scores 10–16 · Within 3 months" */
    return g_strdup_printf (_("Scores %s · %s"), range, band->timescale);
  /* Translators: a band's summary, "Scores 10–16" */
  return g_strdup_printf (_("Scores %s"), range);
}

/* Rebuilds the criteria from the edits and validates them. */
static void
revalidate (CustosCriteriaEditor *self)
{
  g_autofree char *range = NULL;

  g_clear_object (&self->criteria);
  self->criteria = custos_criteria_new ();
  custos_criteria_set_scoring (self->criteria, self->scoring);
  for (guint s = 0; s < 2; s++)
    custos_criteria_set_levels (self->criteria, s, (CustosLevel *) (gpointer) self->levels[s]->data,
                                self->levels[s]->len);
  custos_criteria_set_bands (self->criteria, (CustosBand *) (gpointer) self->bands->data, self->bands->len);

  g_clear_pointer (&self->problem, g_free);
  custos_criteria_validate (self->criteria, &self->problem);
  gtk_label_set_text (self->problem_label, self->problem != NULL ? self->problem : "");
  gtk_revealer_set_reveal_child (self->problem_revealer, self->problem != NULL);
  /* Apply: valid criteria that differ from the document's. */
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "criteria.apply",
                                 self->problem == NULL && self->document != NULL &&
                                 !custos_criteria_equal (self->criteria, custos_document_get_criteria (self->document)));

  if (self->range_row != NULL)
    {
      /* Translators: the range of risk scores, "Scores run from 1 to 25" */
      range = g_strdup_printf (_("Scores run from %d to %d"), score_of (self, 1, 1), max_score (self));
      adw_action_row_set_subtitle (ADW_ACTION_ROW (self->range_row), range);
    }
  for (guint i = 0; self->band_rows != NULL && i < self->band_rows->len && i < self->bands->len; i++)
    {
      g_autofree char *subtitle = band_subtitle (band_at (self, i));
      adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (g_ptr_array_index (self->band_rows, i)), subtitle);
    }
}

/* Levels -------------------------------------------------------------------- */

static void
on_level_changed (GtkEditable          *entry,
                  CustosCriteriaEditor *self)
{
  CustosScale scale = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (entry), "custos-scale"));
  guint index = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (entry), "custos-index"));
  gboolean meaning = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (entry), "custos-meaning"));
  CustosLevel *level = level_at (self, scale, index);
  GtkWidget *expander = g_ptr_array_index (self->level_rows[scale], index);
  g_autofree char *title = NULL;

  set_string (meaning ? &level->meaning : &level->label, gtk_editable_get_text (entry));
  title = g_strdup_printf ("%u · %s", index + 1, level->label != NULL ? level->label : "");
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (expander), title);
  adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (expander), level->meaning != NULL ? level->meaning : "");
  revalidate (self);
}

static GtkWidget *
entry_row (const char *title,
           const char *text)
{
  GtkWidget *row = adw_entry_row_new ();

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_preferences_row_set_use_underline (ADW_PREFERENCES_ROW (row), TRUE);
  gtk_editable_set_text (GTK_EDITABLE (row), text != NULL ? text : "");
  return row;
}

static AdwPreferencesGroup *
scale_group (CustosCriteriaEditor *self,
             CustosScale           scale)
{
  return scale == CUSTOS_SCALE_LIKELIHOOD ? self->likelihood_group : self->consequence_group;
}

static void
rebuild_levels (CustosCriteriaEditor *self,
                CustosScale           scale)
{
  AdwPreferencesGroup *group = scale_group (self, scale);
  guint n = self->levels[scale]->len;

  for (guint i = 0; i < self->level_rows[scale]->len; i++)
    adw_preferences_group_remove (group, g_ptr_array_index (self->level_rows[scale], i));
  g_ptr_array_set_size (self->level_rows[scale], 0);

  for (guint i = 0; i < n; i++)
    {
      CustosLevel *level = level_at (self, scale, i);
      GtkWidget *expander = adw_expander_row_new ();
      GtkWidget *label_row = entry_row (_("_Label"), level->label);
      GtkWidget *meaning_row = entry_row (_("_Meaning"), level->meaning);
      g_autofree char *title = g_strdup_printf ("%u · %s", i + 1, level->label != NULL ? level->label : "");
      GtkWidget *rows[2] = { label_row, meaning_row };

      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (expander), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (expander), title);
      adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (expander), level->meaning != NULL ? level->meaning : "");
      for (guint k = 0; k < 2; k++)
        {
          g_object_set_data (G_OBJECT (rows[k]), "custos-scale", GUINT_TO_POINTER (scale));
          g_object_set_data (G_OBJECT (rows[k]), "custos-index", GUINT_TO_POINTER (i));
          g_object_set_data (G_OBJECT (rows[k]), "custos-meaning", GUINT_TO_POINTER (k));
          g_signal_connect (rows[k], "changed", G_CALLBACK (on_level_changed), self);
          adw_expander_row_add_row (ADW_EXPANDER_ROW (expander), rows[k]);
        }
      adw_preferences_group_add (group, expander);
      g_ptr_array_add (self->level_rows[scale], expander);
    }
  gtk_widget_set_sensitive (self->level_buttons[scale][0], n > CUSTOS_MIN_LEVELS);
  gtk_widget_set_sensitive (self->level_buttons[scale][1], n < CUSTOS_MAX_LEVELS);
}

/* The top band follows the top score when a scale or the scoring changes. */
static void
scales_changed (CustosCriteriaEditor *self,
                int                   old_max)
{
  if (self->bands->len > 0 && band_at (self, self->bands->len - 1)->max == old_max)
    band_at (self, self->bands->len - 1)->max = max_score (self);
  chain_bands (self);
  rebuild_bands (self);
  revalidate (self);
}

static void
on_level_count_clicked (GtkButton            *button,
                        CustosCriteriaEditor *self)
{
  CustosScale scale = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (button), "custos-scale"));
  gboolean add = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (button), "custos-add"));
  GArray *levels = self->levels[scale];
  int old_max = max_score (self);

  if (add && levels->len < CUSTOS_MAX_LEVELS)
    {
      /* Translators: the label of a new level of a risk scale, "Level 6" */
      CustosLevel level = { g_strdup_printf (_("Level %u"), levels->len + 1), NULL };
      g_array_append_val (levels, level);
    }
  else if (!add && levels->len > CUSTOS_MIN_LEVELS)
    g_array_set_size (levels, levels->len - 1);
  rebuild_levels (self, scale);
  scales_changed (self, old_max);
}

static GtkWidget *
count_buttons (CustosCriteriaEditor *self,
               CustosScale           scale,
               GtkWidget            *buttons[2],
               const char           *remove_label,
               const char           *add_label)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);

  gtk_widget_add_css_class (box, "linked");
  gtk_widget_set_valign (box, GTK_ALIGN_CENTER);
  for (guint k = 0; k < 2; k++)
    {
      GtkWidget *button = gtk_button_new_from_icon_name (k == 0 ? "list-remove-symbolic" : "list-add-symbolic");
      const char *label = k == 0 ? remove_label : add_label;

      gtk_widget_set_tooltip_text (button, label);
      gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
      g_object_set_data (G_OBJECT (button), "custos-scale", GUINT_TO_POINTER (scale));
      g_object_set_data (G_OBJECT (button), "custos-add", GUINT_TO_POINTER (k));
      gtk_box_append (GTK_BOX (box), button);
      buttons[k] = button;
    }
  return box;
}

/* Scoring ----------------------------------------------------------------- */

static void
on_scoring_selected (AdwComboRow          *row,
                     GParamSpec           *pspec,
                     CustosCriteriaEditor *self)
{
  CustosScoring scoring = adw_combo_row_get_selected (row) == 1 ? CUSTOS_SCORING_SUM : CUSTOS_SCORING_PRODUCT;
  int old_max = max_score (self);

  if (scoring == self->scoring)
    return;
  self->scoring = scoring;
  scales_changed (self, old_max);
}

/* Bands --------------------------------------------------------------------- */

static guint
row_index (gpointer widget)
{
  return GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (widget), "custos-index"));
}

static void
on_band_text_changed (GtkEditable          *entry,
                      CustosCriteriaEditor *self)
{
  CustosBand *band = band_at (self, row_index (entry));
  const char *field = g_object_get_data (G_OBJECT (entry), "custos-field");
  const char *text = gtk_editable_get_text (entry);

  if (g_str_equal (field, "name"))
    {
      set_string (&band->name, text);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (g_ptr_array_index (self->band_rows, row_index (entry))),
                                     band->name != NULL ? band->name : "");
    }
  else if (g_str_equal (field, "action"))
    set_string (&band->action, text);
  else if (g_str_equal (field, "timescale"))
    set_string (&band->timescale, text);
  else if (g_str_equal (field, "accepted-by"))
    set_string (&band->accepted_by, text);
  revalidate (self);
}

static void
on_band_max_changed (GtkSpinButton        *spin,
                     CustosCriteriaEditor *self)
{
  band_at (self, row_index (spin))->max = gtk_spin_button_get_value_as_int (spin);
  chain_bands (self);
  revalidate (self);
}

static void
on_band_acceptable (GtkSwitch            *toggle,
                    GParamSpec           *pspec,
                    CustosCriteriaEditor *self)
{
  band_at (self, row_index (toggle))->acceptable = gtk_switch_get_active (toggle);
  revalidate (self);
}

static void
on_band_colour_set (GtkColorButton       *button,
                    CustosCriteriaEditor *self)
{
  CustosBand *band = band_at (self, row_index (button));
  GdkRGBA rgba;

  gtk_color_chooser_get_rgba (GTK_COLOR_CHOOSER (button), &rgba);
  g_free (band->colour);
  band->colour = g_strdup_printf ("#%02x%02x%02x", (guint) (rgba.red * 255 + 0.5), (guint) (rgba.green * 255 + 0.5),
                                  (guint) (rgba.blue * 255 + 0.5));
  revalidate (self);
}

static GtkWidget *
band_entry (CustosCriteriaEditor *self,
            guint                 index,
            const char           *title,
            const char           *field,
            const char           *text)
{
  GtkWidget *row = entry_row (title, text);

  g_object_set_data (G_OBJECT (row), "custos-index", GUINT_TO_POINTER (index));
  g_object_set_data (G_OBJECT (row), "custos-field", (gpointer) field);
  g_signal_connect (row, "changed", G_CALLBACK (on_band_text_changed), self);
  return row;
}

static GtkWidget *
action_row (const char *title,
            const char *subtitle,
            GtkWidget  *suffix)
{
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_preferences_row_set_use_underline (ADW_PREFERENCES_ROW (row), TRUE);
  if (subtitle != NULL)
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  gtk_widget_set_valign (suffix, GTK_ALIGN_CENTER);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), suffix);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), suffix);
  return row;
}

static void
rebuild_bands (CustosCriteriaEditor *self)
{
  int top = MAX (max_score (self), 1);

  for (guint i = 0; i < self->band_rows->len; i++)
    adw_preferences_group_remove (self->bands_group, g_ptr_array_index (self->band_rows, i));
  g_ptr_array_set_size (self->band_rows, 0);

  for (guint i = 0; i < self->bands->len; i++)
    {
      CustosBand *band = band_at (self, i);
      GtkWidget *expander = adw_expander_row_new ();
      GtkWidget *colour, *spin, *toggle;
      GdkRGBA rgba = { 0.6f, 0.6f, 0.6f, 1 };
      g_autofree char *subtitle = band_subtitle (band);
      g_autofree char *colour_label = NULL;

      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (expander), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (expander), band->name != NULL ? band->name : "");
      adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (expander), subtitle);

      if (band->colour != NULL)
        gdk_rgba_parse (&rgba, band->colour);
      colour = gtk_color_button_new_with_rgba (&rgba);
      gtk_color_chooser_set_use_alpha (GTK_COLOR_CHOOSER (colour), FALSE);
      gtk_widget_set_valign (colour, GTK_ALIGN_CENTER);
      /* Translators: the accessible name of a band's colour button, "Colour of High" */
      colour_label = g_strdup_printf (_("Colour of %s"), band->name != NULL ? band->name : "");
      gtk_widget_set_tooltip_text (colour, colour_label);
      gtk_accessible_update_property (GTK_ACCESSIBLE (colour), GTK_ACCESSIBLE_PROPERTY_LABEL, colour_label, -1);
      g_object_set_data (G_OBJECT (colour), "custos-index", GUINT_TO_POINTER (i));
      g_signal_connect (colour, "color-set", G_CALLBACK (on_band_colour_set), self);
      adw_expander_row_add_prefix (ADW_EXPANDER_ROW (expander), colour);

      adw_expander_row_add_row (ADW_EXPANDER_ROW (expander), band_entry (self, i, _("_Name"), "name", band->name));

      spin = gtk_spin_button_new_with_range (1, top, 1);
      gtk_spin_button_set_value (GTK_SPIN_BUTTON (spin), band->max);
      g_object_set_data (G_OBJECT (spin), "custos-index", GUINT_TO_POINTER (i));
      g_signal_connect (spin, "value-changed", G_CALLBACK (on_band_max_changed), self);
      adw_expander_row_add_row (ADW_EXPANDER_ROW (expander),
                                action_row (_("_Highest score"),
                                            _("The next band starts one above"), spin));

      adw_expander_row_add_row (ADW_EXPANDER_ROW (expander),
                                band_entry (self, i, _("Required _action"), "action", band->action));
      adw_expander_row_add_row (ADW_EXPANDER_ROW (expander),
                                band_entry (self, i, _("_Timescale"), "timescale", band->timescale));

      toggle = gtk_switch_new ();
      gtk_switch_set_active (GTK_SWITCH (toggle), band->acceptable);
      g_object_set_data (G_OBJECT (toggle), "custos-index", GUINT_TO_POINTER (i));
      g_signal_connect (toggle, "notify::active", G_CALLBACK (on_band_acceptable), self);
      adw_expander_row_add_row (ADW_EXPANDER_ROW (expander),
                                action_row (_("May be acc_epted"),
                                            _("A risk in this band may be accepted without further treatment"),
                                            toggle));
      adw_expander_row_add_row (ADW_EXPANDER_ROW (expander),
                                band_entry (self, i, _("Accepted _by"), "accepted-by", band->accepted_by));

      adw_preferences_group_add (self->bands_group, expander);
      g_ptr_array_add (self->band_rows, expander);
    }
  gtk_widget_set_sensitive (self->band_buttons[0], self->bands->len > 1);
  gtk_widget_set_sensitive (self->band_buttons[1], self->bands->len < 10);
}

static void
on_band_count_clicked (GtkButton            *button,
                       CustosCriteriaEditor *self)
{
  gboolean add = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (button), "custos-add"));
  guint n = self->bands->len;

  if (add)
    {
      /* The new band takes the top of the last one. */
      CustosBand *last = n > 0 ? band_at (self, n - 1) : NULL;
      CustosBand band = { 0 };
      int top = max_score (self);

      band.name = g_strdup (_("New band"));
      band.colour = g_strdup ("#9a9996");
      band.max = top;
      band.accepted_by = g_strdup (_("Top management"));
      if (last != NULL && last->max >= top && last->min < top)
        last->max = last->min + (top - last->min) / 2;
      g_array_append_val (self->bands, band);
    }
  else if (n > 1)
    {
      /* The band before takes the removed band's scores. */
      int top = band_at (self, n - 1)->max;

      g_array_set_size (self->bands, n - 1);
      band_at (self, n - 2)->max = top;
    }
  chain_bands (self);
  rebuild_bands (self);
  revalidate (self);
}

/* Loading ------------------------------------------------------------------- */

static void
load_criteria (CustosCriteriaEditor *self,
               CustosCriteria       *criteria)
{
  self->scoring = custos_criteria_get_scoring (criteria);
  for (guint s = 0; s < 2; s++)
    {
      g_array_set_size (self->levels[s], 0);
      for (guint i = 1; i <= custos_criteria_get_n_levels (criteria, s); i++)
        {
          const CustosLevel *src = custos_criteria_get_level (criteria, s, i);
          CustosLevel level = { g_strdup (src->label), g_strdup (src->meaning) };
          g_array_append_val (self->levels[s], level);
        }
    }
  g_array_set_size (self->bands, 0);
  for (guint i = 0; i < custos_criteria_get_n_bands (criteria); i++)
    {
      CustosBand band = *custos_criteria_get_band (criteria, i);

      band.name = g_strdup (band.name);
      band.colour = g_strdup (band.colour);
      band.action = g_strdup (band.action);
      band.timescale = g_strdup (band.timescale);
      band.accepted_by = g_strdup (band.accepted_by);
      g_array_append_val (self->bands, band);
    }
  chain_bands (self);

  g_signal_handlers_block_by_func (self->scoring_row, on_scoring_selected, self);
  adw_combo_row_set_selected (self->scoring_row, self->scoring == CUSTOS_SCORING_SUM ? 1 : 0);
  g_signal_handlers_unblock_by_func (self->scoring_row, on_scoring_selected, self);
  rebuild_levels (self, CUSTOS_SCALE_LIKELIHOOD);
  rebuild_levels (self, CUSTOS_SCALE_CONSEQUENCE);
  rebuild_bands (self);
  revalidate (self);
}

/* Preview and apply ----------------------------------------------------------- */

static GtkWidget *
chip_for (CustosCriteria *criteria,
          int             band,
          GSettings      *settings)
{
  GtkWidget *chip = custos_band_chip_new ();
  CustosHeatmapPalette palette = settings != NULL && g_settings_get_boolean (settings, "colour-blind-palette")
                                 ? CUSTOS_HEATMAP_PALETTE_COLOUR_BLIND : CUSTOS_HEATMAP_PALETTE_BANDS;

  if (band < 0)
    custos_band_chip_set (CUSTOS_BAND_CHIP (chip), C_("band", "None"), FALSE, 0);
  else
    {
      const CustosBand *b = custos_criteria_get_band (criteria, (guint) band);
      custos_band_chip_set (CUSTOS_BAND_CHIP (chip), b->name, TRUE,
                            custos_heatmap_band_colour (palette, (guint) band, custos_criteria_get_n_bands (criteria),
                                                        b->colour));
    }
  return chip;
}

static GtkWidget *
move_line (CustosCriteriaEditor *self,
           const char           *what,
           int                   old_band,
           int                   new_band,
           GString              *accessible)
{
  CustosCriteria *old = custos_document_get_criteria (self->document);
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *label = gtk_label_new (what);
  const char *old_name = band_name (old, old_band);
  const char *new_name = band_name (self->criteria, new_band);

  gtk_widget_add_css_class (label, "dim-label");
  gtk_widget_set_size_request (label, 80, -1);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_box_append (GTK_BOX (box), label);
  gtk_box_append (GTK_BOX (box), chip_for (old, old_band, self->settings));
  if (g_strcmp0 (old_name, new_name) != 0)
    {
      gtk_box_append (GTK_BOX (box), gtk_label_new ("→"));
      gtk_box_append (GTK_BOX (box), chip_for (self->criteria, new_band, self->settings));
      /* Translators: for screen readers, "Inherent: High to Critical" */
      g_string_append_printf (accessible, _("; %s: %s to %s"), what, old_name != NULL ? old_name : C_("band", "None"),
                              new_name != NULL ? new_name : C_("band", "None"));
    }
  else
    {
      GtkWidget *same = gtk_label_new (_("unchanged"));
      gtk_widget_add_css_class (same, "dim-label");
      gtk_box_append (GTK_BOX (box), same);
    }
  return box;
}

static void
show_preview (CustosCriteriaEditor *self,
              GPtrArray            *moves)
{
  GtkWidget *child;
  g_autofree char *title = NULL;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->preview_list))) != NULL)
    gtk_list_box_remove (self->preview_list, child);
  for (guint i = 0; i < moves->len; i++)
    {
      CustosBandMove *move = g_ptr_array_index (moves, i);
      const char *risk_title = custos_record_get_title (move->risk);
      g_autofree char *heading = g_strdup_printf ("%s · %s", custos_record_get_id (move->risk),
                                                  risk_title != NULL ? risk_title : "");
      g_autoptr(GString) accessible = g_string_new (heading);
      GtkWidget *row = gtk_list_box_row_new ();
      GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
      GtkWidget *label = gtk_label_new (heading);

      gtk_widget_set_margin_start (box, 12);
      gtk_widget_set_margin_end (box, 12);
      gtk_widget_set_margin_top (box, 8);
      gtk_widget_set_margin_bottom (box, 8);
      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
      gtk_widget_add_css_class (label, "heading");
      gtk_box_append (GTK_BOX (box), label);
      gtk_box_append (GTK_BOX (box), move_line (self, C_("risk", "Inherent"), move->old_band, move->new_band, accessible));
      gtk_box_append (GTK_BOX (box), move_line (self, C_("risk", "Residual"), move->old_residual_band,
                                                move->new_residual_band, accessible));
      gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
      gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL, accessible->str, -1);
      gtk_list_box_append (self->preview_list, row);
    }
  title = g_strdup_printf (ngettext ("%u Risk Changes Band", "%u Risks Change Band", moves->len), moves->len);
  gtk_label_set_text (self->preview_title, title);
  gtk_stack_set_visible_child_name (self->main_stack, "preview");
  adw_view_switcher_title_set_view_switcher_enabled (self->switcher_title, FALSE);
  gtk_widget_set_visible (self->switcher_bar, FALSE);
  gtk_button_set_label (self->cancel_button, _("_Back"));
  gtk_button_set_label (self->apply_button, _("_Apply Criteria"));
  gtk_widget_set_visible (GTK_WIDGET (self->problem_revealer), FALSE);
}

static void
leave_preview (CustosCriteriaEditor *self)
{
  gtk_stack_set_visible_child_name (self->main_stack, "edit");
  adw_view_switcher_title_set_view_switcher_enabled (self->switcher_title, TRUE);
  gtk_widget_set_visible (self->switcher_bar, TRUE);
  gtk_button_set_label (self->cancel_button, _("_Cancel"));
  gtk_button_set_label (self->apply_button, _("_Apply"));
  gtk_widget_set_visible (GTK_WIDGET (self->problem_revealer), TRUE);
}

gboolean
custos_criteria_editor_is_previewing (CustosCriteriaEditor *self)
{
  g_return_val_if_fail (CUSTOS_IS_CRITERIA_EDITOR (self), FALSE);
  return g_strcmp0 (gtk_stack_get_visible_child_name (self->main_stack), "preview") == 0;
}

gboolean
custos_criteria_editor_confirm (CustosCriteriaEditor *self)
{
  g_autofree char *message = NULL;

  g_return_val_if_fail (CUSTOS_IS_CRITERIA_EDITOR (self), FALSE);

  if (self->problem != NULL || self->document == NULL)
    return FALSE;
  if (!custos_document_set_criteria (self->document, self->criteria, &message))
    {
      gtk_label_set_text (self->problem_label, message);
      gtk_revealer_set_reveal_child (self->problem_revealer, TRUE);
      return FALSE;
    }
  g_signal_emit (self, signals[APPLIED], 0);
  gtk_window_close (GTK_WINDOW (self));
  return TRUE;
}

gboolean
custos_criteria_editor_apply (CustosCriteriaEditor *self)
{
  g_autoptr(GPtrArray) moves = NULL;

  g_return_val_if_fail (CUSTOS_IS_CRITERIA_EDITOR (self), FALSE);

  if (self->problem != NULL || self->document == NULL)
    return FALSE;
  if (custos_criteria_editor_is_previewing (self))
    return custos_criteria_editor_confirm (self);
  moves = custos_criteria_preview_moves (self->document, self->criteria);
  if (moves->len == 0)
    return custos_criteria_editor_confirm (self);
  show_preview (self, moves);
  return FALSE;
}

static void
apply_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  custos_criteria_editor_apply (CUSTOS_CRITERIA_EDITOR (widget));
}

static void
back_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  CustosCriteriaEditor *self = CUSTOS_CRITERIA_EDITOR (widget);

  if (custos_criteria_editor_is_previewing (self))
    leave_preview (self);
  else
    gtk_window_close (GTK_WINDOW (self));
}

/* API ----------------------------------------------------------------------- */

CustosCriteria *
custos_criteria_editor_get_criteria (CustosCriteriaEditor *self)
{
  g_return_val_if_fail (CUSTOS_IS_CRITERIA_EDITOR (self), NULL);
  return self->criteria;
}

void
custos_criteria_editor_set_criteria (CustosCriteriaEditor *self,
                                     CustosCriteria       *criteria)
{
  g_return_if_fail (CUSTOS_IS_CRITERIA_EDITOR (self));
  g_return_if_fail (CUSTOS_IS_CRITERIA (criteria));

  if (custos_criteria_editor_is_previewing (self))
    leave_preview (self);
  load_criteria (self, criteria);
}

const char *
custos_criteria_editor_get_problem (CustosCriteriaEditor *self)
{
  g_return_val_if_fail (CUSTOS_IS_CRITERIA_EDITOR (self), NULL);
  return self->problem;
}

CustosCriteriaEditor *
custos_criteria_editor_new (GtkWindow      *parent,
                            CustosDocument *document,
                            GSettings      *settings)
{
  CustosCriteriaEditor *self;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (CUSTOS_IS_DOCUMENT (document), NULL);
  g_return_val_if_fail (settings == NULL || G_IS_SETTINGS (settings), NULL);

  self = g_object_new (CUSTOS_TYPE_CRITERIA_EDITOR, "transient-for", parent, NULL);
  self->document = g_object_ref (document);
  if (settings != NULL)
    {
      self->settings = g_object_ref (settings);
      g_settings_bind (settings, "colour-blind-palette", self->palette_switch, "active", G_SETTINGS_BIND_DEFAULT);
    }
  else
    gtk_widget_set_sensitive (GTK_WIDGET (self->palette_switch), FALSE);
  load_criteria (self, custos_document_get_criteria (document));
  return self;
}

/* GObject ------------------------------------------------------------------- */

static void
custos_criteria_editor_dispose (GObject *object)
{
  CustosCriteriaEditor *self = CUSTOS_CRITERIA_EDITOR (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), CUSTOS_TYPE_CRITERIA_EDITOR);
  g_clear_object (&self->document);
  g_clear_object (&self->settings);
  g_clear_object (&self->criteria);

  G_OBJECT_CLASS (custos_criteria_editor_parent_class)->dispose (object);
}

static void
custos_criteria_editor_finalize (GObject *object)
{
  CustosCriteriaEditor *self = CUSTOS_CRITERIA_EDITOR (object);

  g_array_unref (self->levels[0]);
  g_array_unref (self->levels[1]);
  g_array_unref (self->bands);
  g_ptr_array_unref (self->level_rows[0]);
  g_ptr_array_unref (self->level_rows[1]);
  g_ptr_array_unref (self->band_rows);
  g_free (self->problem);

  G_OBJECT_CLASS (custos_criteria_editor_parent_class)->finalize (object);
}

static void
custos_criteria_editor_class_init (CustosCriteriaEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = custos_criteria_editor_dispose;
  object_class->finalize = custos_criteria_editor_finalize;

  /**
   * CustosCriteriaEditor::applied:
   * The document's criteria were replaced (one undoable step).
   */
  signals[APPLIED] = g_signal_new ("applied", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_install_action (widget_class, "criteria.apply", NULL, apply_action);
  gtk_widget_class_install_action (widget_class, "criteria.back", NULL, back_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "criteria.back", NULL);

  gtk_widget_class_set_template_from_resource (widget_class, APP_PATH "/ui/custos-criteria-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, CustosCriteriaEditor, cancel_button);
  gtk_widget_class_bind_template_child (widget_class, CustosCriteriaEditor, switcher_title);
  gtk_widget_class_bind_template_child (widget_class, CustosCriteriaEditor, switcher_bar);
  gtk_widget_class_bind_template_child (widget_class, CustosCriteriaEditor, apply_button);
  gtk_widget_class_bind_template_child (widget_class, CustosCriteriaEditor, problem_revealer);
  gtk_widget_class_bind_template_child (widget_class, CustosCriteriaEditor, problem_label);
  gtk_widget_class_bind_template_child (widget_class, CustosCriteriaEditor, main_stack);
  gtk_widget_class_bind_template_child (widget_class, CustosCriteriaEditor, stack);
  gtk_widget_class_bind_template_child (widget_class, CustosCriteriaEditor, scoring_group);
  gtk_widget_class_bind_template_child (widget_class, CustosCriteriaEditor, scoring_row);
  gtk_widget_class_bind_template_child (widget_class, CustosCriteriaEditor, likelihood_group);
  gtk_widget_class_bind_template_child (widget_class, CustosCriteriaEditor, consequence_group);
  gtk_widget_class_bind_template_child (widget_class, CustosCriteriaEditor, bands_group);
  gtk_widget_class_bind_template_child (widget_class, CustosCriteriaEditor, palette_switch);
  gtk_widget_class_bind_template_child (widget_class, CustosCriteriaEditor, preview_title);
  gtk_widget_class_bind_template_child (widget_class, CustosCriteriaEditor, preview_list);
}

static void
custos_criteria_editor_init (CustosCriteriaEditor *self)
{
  for (guint s = 0; s < 2; s++)
    {
      self->levels[s] = g_array_new (FALSE, TRUE, sizeof (CustosLevel));
      g_array_set_clear_func (self->levels[s], clear_level);
      self->level_rows[s] = g_ptr_array_new ();
    }
  self->bands = g_array_new (FALSE, TRUE, sizeof (CustosBand));
  g_array_set_clear_func (self->bands, clear_band);
  self->band_rows = g_ptr_array_new ();

  gtk_widget_init_template (GTK_WIDGET (self));

  adw_preferences_group_set_header_suffix (self->likelihood_group,
                                           count_buttons (self, CUSTOS_SCALE_LIKELIHOOD, self->level_buttons[0],
                                                          _("Remove the highest likelihood level"),
                                                          _("Add a likelihood level")));
  adw_preferences_group_set_header_suffix (self->consequence_group,
                                           count_buttons (self, CUSTOS_SCALE_CONSEQUENCE, self->level_buttons[1],
                                                          _("Remove the highest consequence level"),
                                                          _("Add a consequence level")));
  adw_preferences_group_set_header_suffix (self->bands_group,
                                           count_buttons (self, 0, self->band_buttons,
                                                          _("Remove the highest band"), _("Add a band")));
  for (guint s = 0; s < 2; s++)
    for (guint k = 0; k < 2; k++)
      g_signal_connect (self->level_buttons[s][k], "clicked", G_CALLBACK (on_level_count_clicked), self);
  for (guint k = 0; k < 2; k++)
    g_signal_connect (self->band_buttons[k], "clicked", G_CALLBACK (on_band_count_clicked), self);
  adw_preferences_group_set_description (self->bands_group,
                                         _("Each score falls in one band. A band starts one above the end of the band "
                                           "before it, so the bands cover every score without gaps."));

  self->range_row = adw_action_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->range_row), _("Range"));
  adw_preferences_group_add (self->scoring_group, self->range_row);
  g_signal_connect (self->scoring_row, "notify::selected", G_CALLBACK (on_scoring_selected), self);
}
