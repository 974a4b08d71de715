/* SPDX-License-Identifier: GPL-3.0-or-later */
/* custos-migration-dialog.c — the preview and the go-ahead of a 2013 → 2022
 * migration of the Statement of Applicability
 *
 * The plan comes from custos_document_plan_migration(): for every 2022
 * control whether its decision is carried from one 2013 control, merged from
 * several that agree, in conflict (several that disagree), or new. The dialog
 * counts them, lists them with their 2013 sources and what each becomes, and
 * applies the plan as one step of the window's undo history. The file changes
 * only when the user saves.
 */
#include "config.h"

#include <glib/gi18n.h>

#include "custos-enums.h"
#include "custos-labels.h"
#include "custos-migration-dialog.h"

/* One step of the plan, as an item of the list. */
#define CUSTOS_TYPE_MIGRATION_ROW (custos_migration_row_get_type ())
G_DECLARE_FINAL_TYPE (CustosMigrationRow, custos_migration_row, CUSTOS, MIGRATION_ROW, GObject)

struct _CustosMigrationRow
{
  GObject              parent_instance;
  CustosMigrationStep *step; /* borrowed from the dialog's plan */
};

G_DEFINE_FINAL_TYPE (CustosMigrationRow, custos_migration_row, G_TYPE_OBJECT)

enum { ROW_PROP_0, ROW_PROP_CONTROL_ID, ROW_N_PROPS };

static void
custos_migration_row_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  CustosMigrationRow *self = CUSTOS_MIGRATION_ROW (object);

  switch (prop_id)
    {
    case ROW_PROP_CONTROL_ID:
      g_value_set_string (value, self->step->control_id);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
custos_migration_row_class_init (CustosMigrationRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->get_property = custos_migration_row_get_property;
  g_object_class_install_property (object_class, ROW_PROP_CONTROL_ID,
                                   g_param_spec_string ("control-id", NULL, NULL, NULL,
                                                        G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));
}

static void
custos_migration_row_init (CustosMigrationRow *self)
{
}

/* Pure helpers ------------------------------------------------------------ */

char *
custos_migration_describe_decision (CustosRecord *entry)
{
  int applicable;

  g_return_val_if_fail (CUSTOS_IS_RECORD (entry), NULL);

  applicable = custos_soa_entry_get_applicable (CUSTOS_SOA_ENTRY (entry));
  if (applicable != CUSTOS_APPLICABILITY_APPLICABLE)
    return g_strdup (custos_enum_value_label (CUSTOS_TYPE_APPLICABILITY, applicable));
  /* Translators: a control's applicability and its implementation status */
  return g_strdup_printf (_("%s · %s"), custos_enum_value_label (CUSTOS_TYPE_APPLICABILITY, applicable),
                          custos_enum_value_label (CUSTOS_TYPE_IMPLEMENTATION,
                                                   custos_soa_entry_get_implementation (CUSTOS_SOA_ENTRY (entry))));
}

static const struct
{
  const char *label;
  const char *plural;  /* a heading over the count */
  const char *css;
} outcomes[] = {
  [CUSTOS_MIGRATION_CARRIED] = { NC_("migration", "Carried"), NC_("migration", "Carried over"), "custos-outcome-carried" },
  [CUSTOS_MIGRATION_MERGED] = { NC_("migration", "Merged"), NC_("migration", "Merged"), "custos-outcome-merged" },
  [CUSTOS_MIGRATION_CONFLICT] = { NC_("migration", "Conflict"), NC_("migration", "Conflicts"), "custos-outcome-conflict" },
  [CUSTOS_MIGRATION_NEW] = { NC_("migration", "New"), NC_("migration", "New, undecided"), "custos-outcome-new" },
};

const char *
custos_migration_outcome_label (CustosMigrationOutcome outcome)
{
  g_return_val_if_fail (outcome <= CUSTOS_MIGRATION_NEW, "");
  return g_dpgettext2 (NULL, "migration", outcomes[outcome].label);
}

/* The dialog ---------------------------------------------------------------- */

typedef enum
{
  COLUMN_CONTROL,
  COLUMN_OUTCOME,
  COLUMN_SOURCES,
  COLUMN_DECISION,
  N_COLUMNS
} ColumnKind;

struct _CustosMigrationDialog
{
  AdwWindow           parent_instance;

  CustosDocument     *document;
  GDate               today;      /* the date of the revision the migration adds */
  GPtrArray          *plan;
  guint               counts[CUSTOS_MIGRATION_NEW + 1];
  int                 outcome_filter;  /* -1: all */
  GListStore         *rows;
  GtkCustomFilter    *filter;
  GtkFilterListModel *filtered;
  GtkToggleButton    *outcome_buttons[CUSTOS_MIGRATION_NEW + 2]; /* all, then by outcome */

  /* template children */
  GtkLabel           *intro_label;
  GtkBox             *outcome_box;
  GtkColumnView      *column_view;
  GtkButton          *migrate_button;
};

G_DEFINE_FINAL_TYPE (CustosMigrationDialog, custos_migration_dialog, ADW_TYPE_WINDOW)

enum {
  PROP_0,
  PROP_DOCUMENT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  MIGRATED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static char *
sources_text (const CustosMigrationStep *step,
              gboolean                   with_titles)
{
  CustosCatalogue *catalogue = custos_catalogue_get (CUSTOS_EDITION_2013);
  GString *text = g_string_new (NULL);

  for (guint i = 0; step->sources[i] != NULL; i++)
    {
      const CustosControl *control = custos_catalogue_lookup (catalogue, step->sources[i]);

      if (i > 0)
        g_string_append (text, with_titles ? "\n" : ", ");
      g_string_append (text, step->sources[i]);
      if (with_titles && control != NULL)
        g_string_append_printf (text, " %s", control->title);
    }
  return g_string_free (text, FALSE);
}

static void
setup_cell (GtkSignalListItemFactory *factory,
            GtkListItem              *list_item,
            gpointer                  user_data)
{
  ColumnKind kind = GPOINTER_TO_INT (user_data);
  GtkWidget *child;

  if (kind == COLUMN_OUTCOME)
    {
      GtkWidget *image = gtk_image_new_from_icon_name ("dialog-warning-symbolic");
      GtkWidget *label = gtk_label_new (NULL);

      child = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
      gtk_widget_add_css_class (image, "warning");
      gtk_box_append (GTK_BOX (child), label);
      gtk_box_append (GTK_BOX (child), image);
      gtk_widget_add_css_class (label, "custos-outcome");
    }
  else
    {
      child = gtk_label_new (NULL);
      gtk_label_set_xalign (GTK_LABEL (child), 0.0);
      gtk_label_set_ellipsize (GTK_LABEL (child), PANGO_ELLIPSIZE_END);
      if (kind == COLUMN_SOURCES)
        gtk_widget_add_css_class (child, "numeric");
    }
  gtk_list_item_set_child (list_item, child);
}

static void
bind_cell (GtkSignalListItemFactory *factory,
           GtkListItem              *list_item,
           gpointer                  user_data)
{
  ColumnKind kind = GPOINTER_TO_INT (user_data);
  CustosMigrationRow *row = gtk_list_item_get_item (list_item);
  const CustosMigrationStep *step = row->step;
  GtkWidget *child = gtk_list_item_get_child (list_item);

  switch (kind)
    {
    case COLUMN_CONTROL:
      {
        const CustosControl *control = custos_catalogue_lookup (custos_catalogue_get (CUSTOS_EDITION_2022),
                                                                step->control_id);
        g_autofree char *markup = g_markup_printf_escaped ("<span font_features=\"tnum\">%s</span>  %s",
                                                          step->control_id, control != NULL ? control->title : "");
        gtk_label_set_markup (GTK_LABEL (child), markup);
        gtk_widget_set_tooltip_text (child, control != NULL ? control->title : NULL);
      }
      break;

    case COLUMN_OUTCOME:
      {
        GtkWidget *label = gtk_widget_get_first_child (child);

        for (guint i = 0; i < G_N_ELEMENTS (outcomes); i++)
          gtk_widget_remove_css_class (label, outcomes[i].css);
        gtk_widget_add_css_class (label, outcomes[step->outcome].css);
        gtk_label_set_text (GTK_LABEL (label), custos_migration_outcome_label (step->outcome));
        gtk_widget_set_visible (gtk_widget_get_next_sibling (label), step->outcome == CUSTOS_MIGRATION_CONFLICT);
        gtk_widget_set_tooltip_text (child, step->outcome == CUSTOS_MIGRATION_CONFLICT
                                            ? _("The 2013 controls disagree: some were applicable and some were not")
                                            : NULL);
      }
      break;

    case COLUMN_SOURCES:
      {
        g_autofree char *text = sources_text (step, FALSE);
        g_autofree char *tooltip = sources_text (step, TRUE);

        gtk_label_set_text (GTK_LABEL (child), *text != '\0' ? text : "—");
        gtk_widget_set_tooltip_text (child, *tooltip != '\0' ? tooltip : _("New in ISO/IEC 27001:2022"));
      }
      break;

    case COLUMN_DECISION:
      {
        /* Merged, conflicting and new controls are marked for review: the outcome says so. */
        g_autofree char *decision = custos_migration_describe_decision (step->entry);

        gtk_label_set_text (GTK_LABEL (child), decision);
        gtk_widget_set_tooltip_text (child, custos_soa_entry_get_migration_note (CUSTOS_SOA_ENTRY (step->entry)));
      }
      break;

    case N_COLUMNS:
    default:
      g_assert_not_reached ();
    }
}

static void
add_column (CustosMigrationDialog *self,
            ColumnKind             kind,
            const char            *title,
            int                    width)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
  g_autoptr(GtkColumnViewColumn) column = NULL;

  g_signal_connect (factory, "setup", G_CALLBACK (setup_cell), GINT_TO_POINTER (kind));
  g_signal_connect (factory, "bind", G_CALLBACK (bind_cell), GINT_TO_POINTER (kind));
  column = gtk_column_view_column_new (title, factory);
  gtk_column_view_column_set_resizable (column, TRUE);
  if (width > 0)
    gtk_column_view_column_set_fixed_width (column, width);
  else
    gtk_column_view_column_set_expand (column, TRUE);
  gtk_column_view_append_column (self->column_view, column);
}

/* Filter by outcome ------------------------------------------------------- */

static gboolean
filter_row (gpointer item,
            gpointer user_data)
{
  CustosMigrationDialog *self = user_data;

  return self->outcome_filter < 0 || (int) CUSTOS_MIGRATION_ROW (item)->step->outcome == self->outcome_filter;
}

void
custos_migration_dialog_set_outcome_filter (CustosMigrationDialog *self,
                                            int                    outcome)
{
  g_return_if_fail (CUSTOS_IS_MIGRATION_DIALOG (self));
  g_return_if_fail (outcome >= -1 && outcome <= CUSTOS_MIGRATION_NEW);

  if (self->outcome_filter == outcome)
    return;
  self->outcome_filter = outcome;
  gtk_filter_changed (GTK_FILTER (self->filter), GTK_FILTER_CHANGE_DIFFERENT);
  if (!gtk_toggle_button_get_active (self->outcome_buttons[outcome + 1]))
    gtk_toggle_button_set_active (self->outcome_buttons[outcome + 1], TRUE);
}

static void
on_outcome_toggled (GtkToggleButton       *button,
                    CustosMigrationDialog *self)
{
  if (gtk_toggle_button_get_active (button))
    custos_migration_dialog_set_outcome_filter (self, GPOINTER_TO_INT (g_object_get_data (G_OBJECT (button),
                                                                                          "custos-outcome")));
}

static GtkToggleButton *
outcome_button (CustosMigrationDialog *self,
                int                    outcome,
                const char            *caption,
                guint                  count)
{
  GtkWidget *button = gtk_toggle_button_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  g_autofree char *number = g_strdup_printf ("%u", count);
  GtkWidget *number_label = gtk_label_new (number);
  GtkWidget *caption_label = gtk_label_new (caption);
  g_autofree char *accessible = g_strdup_printf ("%s: %u", caption, count);

  gtk_widget_add_css_class (number_label, "title-2");
  gtk_widget_add_css_class (number_label, "numeric");
  gtk_widget_add_css_class (caption_label, "caption");
  gtk_box_append (GTK_BOX (box), number_label);
  gtk_box_append (GTK_BOX (box), caption_label);
  gtk_button_set_child (GTK_BUTTON (button), box);
  gtk_widget_add_css_class (button, "custos-outcome-button");
  if (outcome >= 0)
    gtk_widget_add_css_class (button, outcomes[outcome].css);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, accessible, -1);
  g_object_set_data (G_OBJECT (button), "custos-outcome", GINT_TO_POINTER (outcome));
  g_signal_connect (button, "toggled", G_CALLBACK (on_outcome_toggled), self);
  gtk_box_append (self->outcome_box, button);
  return GTK_TOGGLE_BUTTON (button);
}

/* The plan ----------------------------------------------------------------- */

static void
build_plan (CustosMigrationDialog *self)
{
  g_autoptr(GError) error = NULL;
  guint total;

  self->plan = self->document != NULL ? custos_document_plan_migration (self->document, &error) : NULL;
  if (self->plan == NULL)
    {
      gtk_label_set_text (self->intro_label, error != NULL ? error->message : "");
      gtk_widget_action_set_enabled (GTK_WIDGET (self), "migration.apply", FALSE);
    }
  for (guint i = 0; self->plan != NULL && i < self->plan->len; i++)
    {
      CustosMigrationStep *step = self->plan->pdata[i];
      g_autoptr(CustosMigrationRow) row = g_object_new (CUSTOS_TYPE_MIGRATION_ROW, NULL);

      row->step = step;
      self->counts[step->outcome]++;
      g_list_store_append (self->rows, row);
    }

  total = self->plan != NULL ? self->plan->len : 0;
  self->outcome_buttons[0] = outcome_button (self, -1, C_("migration", "All controls"), total);
  for (int o = 0; o <= CUSTOS_MIGRATION_NEW; o++)
    {
      self->outcome_buttons[o + 1] = outcome_button (self, o, g_dpgettext2 (NULL, "migration", outcomes[o].plural),
                                                     self->counts[o]);
      gtk_toggle_button_set_group (self->outcome_buttons[o + 1], self->outcome_buttons[0]);
    }
  gtk_toggle_button_set_active (self->outcome_buttons[0], TRUE);
}

GPtrArray *
custos_migration_dialog_get_plan (CustosMigrationDialog *self)
{
  g_return_val_if_fail (CUSTOS_IS_MIGRATION_DIALOG (self), NULL);
  return self->plan;
}

guint
custos_migration_dialog_count (CustosMigrationDialog *self,
                               int                    outcome)
{
  g_return_val_if_fail (CUSTOS_IS_MIGRATION_DIALOG (self), 0);
  g_return_val_if_fail (outcome >= -1 && outcome <= CUSTOS_MIGRATION_NEW, 0);

  if (outcome < 0)
    return self->plan != NULL ? self->plan->len : 0;
  return self->counts[outcome];
}

GListModel *
custos_migration_dialog_get_model (CustosMigrationDialog *self)
{
  g_return_val_if_fail (CUSTOS_IS_MIGRATION_DIALOG (self), NULL);
  return G_LIST_MODEL (self->filtered);
}

CustosDocument *
custos_migration_dialog_get_document (CustosMigrationDialog *self)
{
  g_return_val_if_fail (CUSTOS_IS_MIGRATION_DIALOG (self), NULL);
  return self->document;
}

/* Actions ------------------------------------------------------------------ */

static void
apply_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  CustosMigrationDialog *self = CUSTOS_MIGRATION_DIALOG (widget);

  /* The plan holds for the document as it was when the dialog opened; the
   * dialog is modal, but the document may have been migrated elsewhere. */
  if (self->plan != NULL && custos_document_get_edition (self->document) == CUSTOS_EDITION_2013)
    {
      custos_document_apply_migration (self->document, self->plan, &self->today);
      g_signal_emit (self, signals[MIGRATED], 0);
    }
  gtk_window_destroy (GTK_WINDOW (self));
}

static void
cancel_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  gtk_window_destroy (GTK_WINDOW (widget));
}

/* GObject ------------------------------------------------------------------- */

static void
custos_migration_dialog_constructed (GObject *object)
{
  CustosMigrationDialog *self = CUSTOS_MIGRATION_DIALOG (object);

  G_OBJECT_CLASS (custos_migration_dialog_parent_class)->constructed (object);
  build_plan (self);
}

static void
custos_migration_dialog_dispose (GObject *object)
{
  CustosMigrationDialog *self = CUSTOS_MIGRATION_DIALOG (object);

  if (self->column_view != NULL)
    gtk_column_view_set_model (self->column_view, NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), CUSTOS_TYPE_MIGRATION_DIALOG);
  g_clear_object (&self->filtered);
  g_clear_object (&self->filter);
  g_clear_object (&self->rows);
  g_clear_pointer (&self->plan, g_ptr_array_unref);
  g_clear_object (&self->document);

  G_OBJECT_CLASS (custos_migration_dialog_parent_class)->dispose (object);
}

static void
custos_migration_dialog_get_property (GObject    *object,
                                      guint       prop_id,
                                      GValue     *value,
                                      GParamSpec *pspec)
{
  CustosMigrationDialog *self = CUSTOS_MIGRATION_DIALOG (object);

  switch (prop_id)
    {
    case PROP_DOCUMENT:
      g_value_set_object (value, self->document);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
custos_migration_dialog_set_property (GObject      *object,
                                      guint         prop_id,
                                      const GValue *value,
                                      GParamSpec   *pspec)
{
  CustosMigrationDialog *self = CUSTOS_MIGRATION_DIALOG (object);

  switch (prop_id)
    {
    case PROP_DOCUMENT:
      self->document = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
custos_migration_dialog_class_init (CustosMigrationDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = custos_migration_dialog_constructed;
  object_class->dispose = custos_migration_dialog_dispose;
  object_class->get_property = custos_migration_dialog_get_property;
  object_class->set_property = custos_migration_dialog_set_property;

  properties[PROP_DOCUMENT] =
    g_param_spec_object ("document", NULL, NULL, CUSTOS_TYPE_DOCUMENT,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * CustosMigrationDialog::migrated:
   *
   * The plan was applied to the document (just before the dialog closes).
   */
  signals[MIGRATED] = g_signal_new ("migrated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                    0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_install_action (widget_class, "migration.apply", NULL, apply_action);
  gtk_widget_class_install_action (widget_class, "migration.cancel", NULL, cancel_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "migration.cancel", NULL);

  gtk_widget_class_set_template_from_resource (widget_class, APP_PATH "/ui/custos-migration-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, CustosMigrationDialog, intro_label);
  gtk_widget_class_bind_template_child (widget_class, CustosMigrationDialog, outcome_box);
  gtk_widget_class_bind_template_child (widget_class, CustosMigrationDialog, column_view);
  gtk_widget_class_bind_template_child (widget_class, CustosMigrationDialog, migrate_button);
}

static void
custos_migration_dialog_init (CustosMigrationDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->outcome_filter = -1;
  self->rows = g_list_store_new (CUSTOS_TYPE_MIGRATION_ROW);
  self->filter = gtk_custom_filter_new (filter_row, self, NULL);
  self->filtered = gtk_filter_list_model_new (g_object_ref (G_LIST_MODEL (self->rows)),
                                              g_object_ref (GTK_FILTER (self->filter)));
  {
    g_autoptr(GtkNoSelection) selection = gtk_no_selection_new (g_object_ref (G_LIST_MODEL (self->filtered)));
    gtk_column_view_set_model (self->column_view, GTK_SELECTION_MODEL (selection));
  }

  add_column (self, COLUMN_CONTROL, C_("column", "ISO/IEC 27001:2022 control"), -1);
  add_column (self, COLUMN_OUTCOME, C_("column", "Outcome"), 120);
  add_column (self, COLUMN_SOURCES, C_("column", "From 2013"), 150);
  add_column (self, COLUMN_DECISION, C_("column", "Becomes"), 250);
  gtk_window_set_default_widget (GTK_WINDOW (self), GTK_WIDGET (self->migrate_button));
}

GtkWidget *
custos_migration_dialog_new (GtkWindow      *parent,
                             CustosDocument *document,
                             const GDate    *today)
{
  CustosMigrationDialog *self;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (CUSTOS_IS_DOCUMENT (document), NULL);
  g_return_val_if_fail (today != NULL && g_date_valid (today), NULL);

  self = g_object_new (CUSTOS_TYPE_MIGRATION_DIALOG,
                       "transient-for", parent,
                       "document", document,
                       NULL);
  self->today = *today;
  return GTK_WIDGET (self);
}
