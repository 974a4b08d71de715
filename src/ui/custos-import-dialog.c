/* SPDX-License-Identifier: GPL-3.0-or-later */
/* custos-import-dialog.c — Import Spreadsheet: register, columns, preview */
#include "config.h"

#include <glib/gi18n.h>

#include "custos-import-dialog.h"

#define PREVIEW_ROWS 5

struct _CustosImportDialog
{
  AdwWindow             parent_instance;

  CustosDocument       *document;
  CustosImport         *import;
  GPtrArray            *column_rows; /* AdwComboRow *, one per column */
  gboolean              updating;

  /* template children */
  AdwComboRow          *register_row;
  GtkLabel             *summary_label;
  AdwPreferencesGroup  *problems_group;
  GtkLabel             *problems_label;
  GtkGrid              *preview_grid;
  AdwPreferencesGroup  *columns_group;
};

G_DEFINE_FINAL_TYPE (CustosImportDialog, custos_import_dialog, ADW_TYPE_WINDOW)

enum {
  IMPORTED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* Positions of a column's combo: Ignore, ID, then the fields. */
static int
position_to_mapping (guint position)
{
  return position == 0 ? CUSTOS_IMPORT_COLUMN_IGNORED : position == 1 ? CUSTOS_IMPORT_COLUMN_ID : (int) position - 2;
}

static guint
mapping_to_position (int mapping)
{
  return mapping == CUSTOS_IMPORT_COLUMN_IGNORED ? 0 : mapping == CUSTOS_IMPORT_COLUMN_ID ? 1 : (guint) mapping + 2;
}

static void
update_state (CustosImportDialog *self)
{
  GPtrArray *problems = custos_import_get_problems (self->import);
  const CustosKind *kind = custos_kinds_register (custos_import_get_register (self->import));
  guint added = custos_import_get_n_added (self->import);
  guint updated = custos_import_get_n_updated (self->import);
  g_autofree char *summary = NULL;

  self->updating = TRUE;
  for (guint c = 0; c < self->column_rows->len; c++)
    adw_combo_row_set_selected (self->column_rows->pdata[c],
                                mapping_to_position (custos_import_get_column (self->import, c)));
  self->updating = FALSE;

  if (problems->len > 0)
    {
      g_autoptr(GString) text = g_string_new (NULL);

      for (guint i = 0; i < problems->len; i++)
        g_string_append_printf (text, "%s%s", i > 0 ? "\n" : "", (char *) problems->pdata[i]);
      gtk_label_set_text (self->problems_label, text->str);
      summary = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u problem to correct before importing into %s",
                                              "%u problems to correct before importing into %s", problems->len),
                                 problems->len, _(kind->plural));
    }
  else if (added + updated == 0)
    summary = g_strdup (_("The spreadsheet has no rows to import"));
  else if (updated == 0)
    summary = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u record to add to %s", "%u records to add to %s", added),
                               added, _(kind->plural));
  else if (added == 0)
    summary = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u record to update in %s", "%u records to update in %s",
                                            updated), updated, _(kind->plural));
  else
    {
      /* Translators: "3 records to add and 12 to update in Risks" */
      g_autofree char *adding = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u record to add", "%u records to add", added), added);
      summary = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s and %u to update in %s",
                                              "%s and %u to update in %s", updated),
                                 adding, updated, _(kind->plural));
    }
  gtk_label_set_text (self->summary_label, summary);
  gtk_widget_set_visible (GTK_WIDGET (self->problems_group), problems->len > 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "import.apply", problems->len == 0 && added + updated > 0);
}

static void
on_column_selected (AdwComboRow        *row,
                    GParamSpec         *pspec,
                    CustosImportDialog *self)
{
  guint column = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (row), "custos-column"));

  if (self->updating)
    return;
  custos_import_set_column (self->import, column, position_to_mapping (adw_combo_row_get_selected (row)));
  update_state (self);
}

/* One combo per column, offering the register's fields. */
static void
build_columns (CustosImportDialog *self)
{
  const CustosKind *kind = custos_kinds_register (custos_import_get_register (self->import));

  for (guint c = 0; c < self->column_rows->len; c++)
    adw_preferences_group_remove (self->columns_group, self->column_rows->pdata[c]);
  g_ptr_array_set_size (self->column_rows, 0);

  for (guint c = 0; c < custos_import_get_n_columns (self->import); c++)
    {
      g_autoptr(GtkStringList) choices = gtk_string_list_new (NULL);
      GtkWidget *row = adw_combo_row_new ();
      const char *header = custos_import_get_header (self->import, c);

      gtk_string_list_append (choices, _("Not imported"));
      gtk_string_list_append (choices, kind->id_prefix ? _("ID") : _("Control"));
      for (guint f = 0; f < kind->n_fields; f++)
        gtk_string_list_append (choices, _(kind->fields[f].label));
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), *header ? header : _("(no header)"));
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_combo_row_set_model (ADW_COMBO_ROW (row), G_LIST_MODEL (choices));
      g_object_set_data (G_OBJECT (row), "custos-column", GUINT_TO_POINTER (c));
      g_signal_connect (row, "notify::selected", G_CALLBACK (on_column_selected), self);
      adw_preferences_group_add (self->columns_group, row);
      g_ptr_array_add (self->column_rows, row);
    }
  update_state (self);
}

static void
on_register_selected (AdwComboRow        *row,
                      GParamSpec         *pspec,
                      CustosImportDialog *self)
{
  if (self->updating)
    return;
  custos_import_set_register (self->import, (CustosRegister) adw_combo_row_get_selected (row));
  build_columns (self);
}

static GtkWidget *
preview_label (const char *text,
               gboolean    heading)
{
  g_autofree char *line = g_strndup (text, strcspn (text, "\r\n"));
  GtkWidget *label = gtk_label_new (line);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  /* Enough of each cell to recognise it; the grid scrolls sideways. */
  gtk_label_set_width_chars (GTK_LABEL (label), (int) MIN (g_utf8_strlen (line, -1), 14));
  gtk_label_set_max_width_chars (GTK_LABEL (label), 24);
  gtk_widget_add_css_class (label, heading ? "heading" : "caption");
  return label;
}

/* The headers and the first rows, as the spreadsheet has them. */
static void
build_preview (CustosImportDialog *self)
{
  guint n_columns = custos_import_get_n_columns (self->import);
  guint n_rows = MIN (custos_import_get_n_rows (self->import), PREVIEW_ROWS);

  gtk_grid_attach (self->preview_grid, preview_label (_("Line"), TRUE), 0, 0, 1, 1);
  for (guint c = 0; c < n_columns; c++)
    gtk_grid_attach (self->preview_grid, preview_label (custos_import_get_header (self->import, c), TRUE),
                     (int) c + 1, 0, 1, 1);
  for (guint r = 0; r < n_rows; r++)
    {
      const CustosTableRow *row = custos_import_get_row (self->import, r);
      g_autofree char *line = g_strdup_printf ("%u", row->line);
      gboolean ended = FALSE;

      gtk_grid_attach (self->preview_grid, preview_label (line, FALSE), 0, (int) r + 1, 1, 1);
      for (guint c = 0; c < n_columns; c++)
        {
          ended = ended || row->cells[c] == NULL;
          gtk_grid_attach (self->preview_grid, preview_label (ended ? "" : row->cells[c], FALSE),
                           (int) c + 1, (int) r + 1, 1, 1);
        }
    }
}

static void
apply_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  CustosImportDialog *self = CUSTOS_IMPORT_DIALOG (widget);
  g_autoptr(GError) error = NULL;

  if (!custos_import_apply (self->import, &error))
    {
      gtk_label_set_text (self->summary_label, error->message);
      return;
    }
  g_signal_emit (self, signals[IMPORTED], 0);
  gtk_window_destroy (GTK_WINDOW (self));
}

static void
custos_import_dialog_dispose (GObject *object)
{
  CustosImportDialog *self = CUSTOS_IMPORT_DIALOG (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), CUSTOS_TYPE_IMPORT_DIALOG);
  g_clear_object (&self->import);
  g_clear_object (&self->document);
  g_clear_pointer (&self->column_rows, g_ptr_array_unref);
  G_OBJECT_CLASS (custos_import_dialog_parent_class)->dispose (object);
}

static void
custos_import_dialog_class_init (CustosImportDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = custos_import_dialog_dispose;

  /* The document changed: the rows were imported as one undoable step. */
  signals[IMPORTED] = g_signal_new ("imported", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                    0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/custos/Custos/ui/custos-import-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, CustosImportDialog, register_row);
  gtk_widget_class_bind_template_child (widget_class, CustosImportDialog, summary_label);
  gtk_widget_class_bind_template_child (widget_class, CustosImportDialog, problems_group);
  gtk_widget_class_bind_template_child (widget_class, CustosImportDialog, problems_label);
  gtk_widget_class_bind_template_child (widget_class, CustosImportDialog, preview_grid);
  gtk_widget_class_bind_template_child (widget_class, CustosImportDialog, columns_group);
  gtk_widget_class_install_action (widget_class, "import.apply", NULL, apply_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
custos_import_dialog_init (CustosImportDialog *self)
{
  g_autoptr(GtkStringList) registers = gtk_string_list_new (NULL);

  gtk_widget_init_template (GTK_WIDGET (self));
  self->column_rows = g_ptr_array_new ();
  for (guint r = 0; r < CUSTOS_N_REGISTERS; r++)
    gtk_string_list_append (registers, _(custos_kinds_register (r)->plural));
  adw_combo_row_set_model (self->register_row, G_LIST_MODEL (registers));
}

CustosImportDialog *
custos_import_dialog_new (GtkWindow      *parent,
                          CustosDocument *document,
                          GPtrArray      *table)
{
  CustosImportDialog *self;

  g_return_val_if_fail (CUSTOS_IS_DOCUMENT (document), NULL);
  g_return_val_if_fail (table != NULL, NULL);

  self = g_object_new (CUSTOS_TYPE_IMPORT_DIALOG, "transient-for", parent, NULL);
  self->document = g_object_ref (document);
  self->import = custos_import_new (document, table, -1);
  self->updating = TRUE;
  adw_combo_row_set_selected (self->register_row, custos_import_get_register (self->import));
  self->updating = FALSE;
  g_signal_connect (self->register_row, "notify::selected", G_CALLBACK (on_register_selected), self);
  build_preview (self);
  build_columns (self);
  return self;
}

CustosImport *
custos_import_dialog_get_import (CustosImportDialog *self)
{
  g_return_val_if_fail (CUSTOS_IS_IMPORT_DIALOG (self), NULL);
  return self->import;
}

AdwComboRow *
custos_import_dialog_get_column_row (CustosImportDialog *self,
                                     guint               column)
{
  g_return_val_if_fail (CUSTOS_IS_IMPORT_DIALOG (self), NULL);
  g_return_val_if_fail (column < self->column_rows->len, NULL);
  return self->column_rows->pdata[column];
}
