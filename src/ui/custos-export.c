/* SPDX-License-Identifier: GPL-3.0-or-later */
/* custos-export.c — the Export dialog and printing through the report engine
 *
 * The book (or the CSV text) is built on the main thread, which owns the
 * document; laying it out, drawing the PDF and writing the file happen in a
 * GTask thread that only touches the book. The thread publishes its progress
 * in an atomic integer that a timeout on the main thread shows. For the
 * pack, a first thread reads the last issue to count changes from.
 */
#include "config.h"

#include <glib/gi18n.h>

#include "custos-csv.h"
#include "custos-export.h"
#include "custos-issue.h"
#include "custos-git.h"
#include "custos-print-preview.h"

typedef struct
{
  gatomicrefcount   ref_count;
  CustosReportBook *book;      /* PDF, or NULL */
  GBytes           *csv;       /* CSV, or NULL */
  GFile            *file;
  int               permille;  /* progress, written by the thread */
  guint             n_pages;
  guint             choice;
  CustosLastIssue  *last_issue;  /* of the pack, or NULL */
} Job;

struct _CustosExportDialog
{
  AdwWindow             parent_instance;

  CustosDocument       *document;
  GFile                *document_file;
  CustosClock          *clock;        /* dates the reports; NULL: the local date */
  GFile                *output;
  GCancellable         *cancellable;
  GtkFileChooserNative *chooser;
  GSettings            *settings;
  Job                  *job;
  guint                 progress_source;

  /* template children */
  AdwPreferencesGroup  *options_group;
  AdwComboRow          *report_row;
  AdwComboRow          *paper_row;
  AdwComboRow          *palette_row;
  AdwActionRow         *bom_row;
  GtkSwitch            *bom_switch;
  GtkRevealer          *progress_revealer;
  GtkProgressBar       *progress_bar;
  GtkLabel             *status_label;
  GtkStack             *end_stack;
  GtkButton            *cancel_button;
};

G_DEFINE_FINAL_TYPE (CustosExportDialog, custos_export_dialog, ADW_TYPE_WINDOW)

/* The choices of the report row, in its order. */
static const struct
{
  gboolean          csv;
  CustosReportKind  kind;
  CustosRegister    reg;
} choices[] = {
  { FALSE, CUSTOS_REPORT_SOA, 0 },
  { FALSE, CUSTOS_REPORT_RTP, 0 },
  { FALSE, CUSTOS_REPORT_RISKS, 0 },
  { FALSE, CUSTOS_REPORT_PACK, 0 },
  { TRUE, 0, CUSTOS_REGISTER_SOA },
  { TRUE, 0, CUSTOS_REGISTER_ACTIONS },
  { TRUE, 0, CUSTOS_REGISTER_RISKS },
  { TRUE, 0, CUSTOS_REGISTER_ASSETS },
  { TRUE, 0, CUSTOS_REGISTER_SUPPLIERS },
  { TRUE, 0, CUSTOS_REGISTER_REQUIREMENTS },
  { TRUE, 0, CUSTOS_REGISTER_EVIDENCE },
};

/* Jobs ------------------------------------------------------------------- */

static Job *
job_ref (Job *job)
{
  g_atomic_ref_count_inc (&job->ref_count);
  return job;
}

static void
job_unref (Job *job)
{
  if (job == NULL || !g_atomic_ref_count_dec (&job->ref_count))
    return;
  g_clear_object (&job->book);
  g_clear_pointer (&job->csv, g_bytes_unref);
  g_clear_object (&job->file);
  g_clear_pointer (&job->last_issue, custos_last_issue_unref);
  g_free (job);
}

typedef struct
{
  Job    *job;
  double  start;
  double  span;
} Stage;

static void
stage_progress (double   fraction,
                gpointer user_data)
{
  Stage *stage = user_data;

  g_atomic_int_set (&stage->job->permille, (int) ((stage->start + stage->span * fraction) * 1000));
}

static void
export_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  Job *job = task_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = NULL;

  if (job->book != NULL)
    {
      Stage layout = { job, 0.0, 0.4 }, draw = { job, 0.4, 0.55 };

      if (!custos_report_book_paginate (job->book, cancellable, stage_progress, &layout, &error))
        {
          g_task_return_error (task, g_steal_pointer (&error));
          return;
        }
      job->n_pages = custos_report_book_get_n_pages (job->book);
      bytes = custos_report_book_render_pdf (job->book, cancellable, stage_progress, &draw, &error);
      if (bytes == NULL)
        {
          g_task_return_error (task, g_steal_pointer (&error));
          return;
        }
    }
  else
    bytes = g_bytes_ref (job->csv);

  if (!custos_report_save_bytes (bytes, job->file, cancellable, &error))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  g_atomic_int_set (&job->permille, 1000);
  g_task_return_boolean (task, TRUE);
}

/* The pack's last issue ----------------------------------------------------- */

struct _CustosLastIssue
{
  GFile          *document_file;
  char           *issue_version;    /* a frozen copy's version, or NULL: ask git */
  char           *current_version;  /* the document's version, for git */
  CustosDocument *document;         /* once read; NULL: none known */
  char           *name;
};

CustosLastIssue *
custos_last_issue_new (CustosDocument *document,
                       GFile          *document_file)
{
  CustosLastIssue *self;
  CustosRecord *latest;

  g_return_val_if_fail (CUSTOS_IS_DOCUMENT (document), NULL);
  g_return_val_if_fail (G_IS_FILE (document_file), NULL);

  self = g_atomic_rc_box_new0 (CustosLastIssue);
  latest = custos_document_get_latest_revision (document);
  self->document_file = g_object_ref (document_file);
  self->issue_version = custos_issue_find_previous (document, document_file, &self->name);
  self->current_version = latest != NULL ? g_strdup (custos_revision_get_version (CUSTOS_REVISION (latest))) : NULL;
  return self;
}

CustosLastIssue *
custos_last_issue_ref (CustosLastIssue *self)
{
  return g_atomic_rc_box_acquire (self);
}

static void
last_issue_clear (CustosLastIssue *self)
{
  g_clear_object (&self->document_file);
  g_free (self->issue_version);
  g_free (self->current_version);
  g_clear_object (&self->document);
  g_free (self->name);
}

void
custos_last_issue_unref (CustosLastIssue *self)
{
  g_atomic_rc_box_release_full (self, (GDestroyNotify) last_issue_clear);
}

/* Its frozen copy, or else what git's history of the document knows. */
static void
last_issue_thread (GTask        *task,
                   gpointer      source_object,
                   gpointer      task_data,
                   GCancellable *cancellable)
{
  CustosLastIssue *self = task_data;

  if (self->issue_version != NULL)
    self->document = custos_issue_load (self->document_file, self->issue_version, cancellable, NULL);
  if (self->document == NULL)
    {
      g_clear_pointer (&self->name, g_free);
      self->document = custos_git_previous_issue (self->document_file, self->current_version, &self->name, NULL);
    }
  g_task_return_boolean (task, TRUE);
}

void
custos_last_issue_read_async (CustosLastIssue     *self,
                              gpointer             source_object,
                              GCancellable        *cancellable,
                              GAsyncReadyCallback  callback,
                              gpointer             user_data)
{
  g_autoptr(GTask) task = g_task_new (source_object, cancellable, callback, user_data);

  g_task_set_source_tag (task, custos_last_issue_read_async);
  g_task_set_task_data (task, custos_last_issue_ref (self), (GDestroyNotify) custos_last_issue_unref);
  g_task_run_in_thread (task, last_issue_thread);
}

gboolean
custos_last_issue_read_finish (GAsyncResult  *result,
                               GError       **error)
{
  return g_task_propagate_boolean (G_TASK (result), error);
}

/* The book ----------------------------------------------------------------- */

CustosReportBook *
custos_export_build_book (CustosDocument       *document,
                          GFile                *document_file,
                          CustosReportKind      kind,
                          CustosClock          *clock,
                          CustosPaper           paper,
                          CustosHeatmapPalette  palette,
                          CustosLastIssue      *last_issue)
{
  CustosReportOptions options;

  g_return_val_if_fail (CUSTOS_IS_DOCUMENT (document), NULL);
  g_return_val_if_fail (kind < CUSTOS_N_REPORTS, NULL);

  custos_report_options_init (&options);
  if (last_issue != NULL)
    {
      options.previous = last_issue->document;
      options.previous_name = last_issue->name;
    }
  options.today = clock != NULL ? custos_clock_get_today (clock) : NULL;
  options.issued = document_file != NULL && custos_issue_get_current (document, document_file) != NULL;
  options.paper = paper;
  options.palette = palette;
  return custos_report_build (document, kind, &options);
}

/* The dialog ---------------------------------------------------------------- */

static void
set_busy (CustosExportDialog *self,
          gboolean            busy)
{
  gtk_widget_set_sensitive (GTK_WIDGET (self->options_group), !busy);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "export.choose", !busy);
  if (busy)
    gtk_revealer_set_reveal_child (self->progress_revealer, TRUE);
}

static gboolean
update_progress (gpointer user_data)
{
  CustosExportDialog *self = user_data;

  if (self->job != NULL)
    gtk_progress_bar_set_fraction (self->progress_bar, g_atomic_int_get (&self->job->permille) / 1000.0);
  return G_SOURCE_CONTINUE;
}

static void
export_done (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  CustosExportDialog *self = CUSTOS_EXPORT_DIALOG (source);
  g_autoptr(GError) error = NULL;
  g_autofree char *name = NULL;
  g_autofree char *status = NULL;
  Job *job = g_task_get_task_data (G_TASK (result));

  g_clear_handle_id (&self->progress_source, g_source_remove);
  g_clear_object (&self->cancellable);
  g_clear_pointer (&self->job, job_unref);

  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        {
          gtk_window_destroy (GTK_WINDOW (self));
          return;
        }
      set_busy (self, FALSE);
      gtk_progress_bar_set_fraction (self->progress_bar, 0);
      status = g_strdup_printf (_("The file could not be written: %s"), error->message);
      gtk_label_set_text (self->status_label, status);
      gtk_widget_add_css_class (GTK_WIDGET (self->status_label), "error");
      return;
    }

  name = g_file_get_basename (self->output);
  if (job->book != NULL)
    status = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Saved “%s”, %u page.", "Saved “%s”, %u pages.",
                                           job->n_pages), name, job->n_pages);
  else
    status = g_strdup_printf (_("Saved “%s”."), name);
  gtk_progress_bar_set_fraction (self->progress_bar, 1.0);
  gtk_label_set_text (self->status_label, status);
  gtk_stack_set_visible_child_name (self->end_stack, "open");
  gtk_button_set_label (self->cancel_button, _("_Close"));
}

static char *
suggested_name (CustosExportDialog *self,
                guint               choice)
{
  CustosRecord *organisation = custos_document_get_section (self->document, CUSTOS_SECTION_ORGANISATION);
  const char *org = custos_organisation_get_name (CUSTOS_ORGANISATION (organisation));
  const char *what = choices[choice].csv ? _(custos_kinds_register (choices[choice].reg)->plural)
                                         : custos_report_kind_get_title (choices[choice].kind);
  g_autofree char *name = org ? g_strdup_printf ("%s — %s.%s", org, what, choices[choice].csv ? "csv" : "pdf")
                              : g_strdup_printf ("%s.%s", what, choices[choice].csv ? "csv" : "pdf");

  return g_strdelimit (g_steal_pointer (&name), "/\\:", '-');
}

/* Builds the report on the main thread and hands it to the export thread. */
static void
run_job (CustosExportDialog *self,
         Job                *job)
{
  guint choice = job->choice;
  g_autoptr(GTask) task = NULL;

  if (choices[choice].csv)
    {
      CustosCsvFlags flags = gtk_switch_get_active (self->bom_switch) ? CUSTOS_CSV_BOM : CUSTOS_CSV_DISPLAY;
      /* The actions' choice is the treatment plan: every risk, not only those with actions. */
      char *text = choices[choice].reg == CUSTOS_REGISTER_ACTIONS
                   ? custos_csv_write_rtp (self->document, flags)
                   : custos_csv_write_register (self->document, choices[choice].reg, flags);
      job->csv = g_bytes_new_take (text, strlen (text));
    }
  else
    {
      static const CustosPaper papers[] = { CUSTOS_PAPER_AUTO, CUSTOS_PAPER_A4, CUSTOS_PAPER_LETTER };
      CustosPaper paper = papers[MIN (adw_combo_row_get_selected (self->paper_row), G_N_ELEMENTS (papers) - 1)];
      CustosHeatmapPalette palette = adw_combo_row_get_selected (self->palette_row) == 1
                                     ? CUSTOS_HEATMAP_PALETTE_COLOUR_BLIND : CUSTOS_HEATMAP_PALETTE_BANDS;

      job->book = custos_export_build_book (self->document, self->document_file, choices[choice].kind,
                                            self->clock, paper, palette, job->last_issue);
    }
  gtk_label_set_text (self->status_label, choices[choice].csv ? _("Writing the file…")
                                                              : _("Laying out and drawing the pages…"));
  task = g_task_new (self, self->cancellable, export_done, NULL);
  g_task_set_source_tag (task, run_job);
  g_task_set_task_data (task, job_ref (job), (GDestroyNotify) job_unref);
  g_task_run_in_thread (task, export_thread);
}

static void
previous_done (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  CustosExportDialog *self = CUSTOS_EXPORT_DIALOG (source);

  if (!custos_last_issue_read_finish (result, NULL) || self->job == NULL)
    {
      /* cancelled: the dialog goes, as it does when the export is */
      g_clear_handle_id (&self->progress_source, g_source_remove);
      g_clear_object (&self->cancellable);
      g_clear_pointer (&self->job, job_unref);
      gtk_window_destroy (GTK_WINDOW (self));
      return;
    }
  run_job (self, self->job);
}

static void
start_export (CustosExportDialog *self,
              GFile              *file)
{
  guint choice = MIN (adw_combo_row_get_selected (self->report_row), G_N_ELEMENTS (choices) - 1);
  Job *job = g_new0 (Job, 1);

  g_atomic_ref_count_init (&job->ref_count);
  job->file = g_object_ref (file);
  job->choice = choice;
  g_set_object (&self->output, file);

  self->job = job;
  self->cancellable = g_cancellable_new ();
  gtk_widget_remove_css_class (GTK_WIDGET (self->status_label), "error");
  gtk_progress_bar_set_fraction (self->progress_bar, 0);
  set_busy (self, TRUE);
  self->progress_source = g_timeout_add (100, update_progress, self);

  /* The pack lists the changes since the last issue (custos --since names
   * it on the command line). */
  if (!choices[choice].csv && choices[choice].kind == CUSTOS_REPORT_PACK && self->document_file != NULL)
    {
      job->last_issue = custos_last_issue_new (self->document, self->document_file);
      gtk_label_set_text (self->status_label, _("Reading the last issue…"));
      custos_last_issue_read_async (job->last_issue, self, self->cancellable, previous_done, NULL);
      return;
    }
  run_job (self, job);
}

static void
chooser_response (GtkNativeDialog    *chooser,
                  int                 response,
                  CustosExportDialog *self)
{
  g_autoptr(GFile) file = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  g_clear_object (&self->chooser);
  if (file != NULL)
    start_export (self, file);
}

static void
choose_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  CustosExportDialog *self = CUSTOS_EXPORT_DIALOG (widget);
  guint choice = MIN (adw_combo_row_get_selected (self->report_row), G_N_ELEMENTS (choices) - 1);
  g_autofree char *name = suggested_name (self, choice);
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();

  self->chooser = gtk_file_chooser_native_new (_("Export"), GTK_WINDOW (self), GTK_FILE_CHOOSER_ACTION_SAVE,
                                               _("_Export"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (self->chooser), TRUE);
  if (choices[choice].csv)
    {
      gtk_file_filter_set_name (filter, _("CSV files"));
      gtk_file_filter_add_mime_type (filter, "text/csv");
      gtk_file_filter_add_suffix (filter, "csv");
    }
  else
    {
      gtk_file_filter_set_name (filter, _("PDF documents"));
      gtk_file_filter_add_mime_type (filter, "application/pdf");
      gtk_file_filter_add_suffix (filter, "pdf");
    }
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (self->chooser), filter);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (self->chooser), name);
  if (self->document_file != NULL)
    {
      g_autoptr(GFile) folder = g_file_get_parent (self->document_file);
      if (folder != NULL)
        gtk_file_chooser_set_current_folder (GTK_FILE_CHOOSER (self->chooser), folder, NULL);
    }
  g_signal_connect (self->chooser, "response", G_CALLBACK (chooser_response), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}

static void
cancel_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  CustosExportDialog *self = CUSTOS_EXPORT_DIALOG (widget);

  /* A running export ends in export_done, which closes the dialog. */
  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  else
    gtk_window_destroy (GTK_WINDOW (self));
}

static void
open_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  CustosExportDialog *self = CUSTOS_EXPORT_DIALOG (widget);
  GtkWindow *parent = gtk_window_get_transient_for (GTK_WINDOW (self));
  g_autofree char *uri = NULL;

  if (self->output == NULL)
    return;
  uri = g_file_get_uri (self->output);
  gtk_show_uri (parent, uri, GDK_CURRENT_TIME);
  gtk_window_destroy (GTK_WINDOW (self));
}

static void
report_changed (CustosExportDialog *self)
{
  guint choice = MIN (adw_combo_row_get_selected (self->report_row), G_N_ELEMENTS (choices) - 1);

  /* Paper and colours mean nothing to a CSV file, a byte order mark nothing to a PDF. */
  gtk_widget_set_sensitive (GTK_WIDGET (self->paper_row), !choices[choice].csv);
  gtk_widget_set_sensitive (GTK_WIDGET (self->palette_row), !choices[choice].csv);
  gtk_widget_set_sensitive (GTK_WIDGET (self->bom_row), choices[choice].csv);
}

static gboolean
custos_export_dialog_close_request (GtkWindow *window)
{
  CustosExportDialog *self = CUSTOS_EXPORT_DIALOG (window);

  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  return FALSE;
}

static void
custos_export_dialog_dispose (GObject *object)
{
  CustosExportDialog *self = CUSTOS_EXPORT_DIALOG (object);

  if (self->chooser != NULL)
    gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->chooser));
  g_clear_object (&self->chooser);
  g_clear_object (&self->settings);
  g_clear_handle_id (&self->progress_source, g_source_remove);
  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_pointer (&self->job, job_unref);
  g_clear_object (&self->document);
  g_clear_object (&self->document_file);
  g_clear_object (&self->clock);
  g_clear_object (&self->output);

  G_OBJECT_CLASS (custos_export_dialog_parent_class)->dispose (object);
}

static void
custos_export_dialog_class_init (CustosExportDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = custos_export_dialog_dispose;
  window_class->close_request = custos_export_dialog_close_request;

  gtk_widget_class_set_template_from_resource (widget_class, APP_PATH "/ui/custos-export-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, CustosExportDialog, options_group);
  gtk_widget_class_bind_template_child (widget_class, CustosExportDialog, report_row);
  gtk_widget_class_bind_template_child (widget_class, CustosExportDialog, paper_row);
  gtk_widget_class_bind_template_child (widget_class, CustosExportDialog, palette_row);
  gtk_widget_class_bind_template_child (widget_class, CustosExportDialog, bom_row);
  gtk_widget_class_bind_template_child (widget_class, CustosExportDialog, bom_switch);
  gtk_widget_class_bind_template_child (widget_class, CustosExportDialog, progress_revealer);
  gtk_widget_class_bind_template_child (widget_class, CustosExportDialog, progress_bar);
  gtk_widget_class_bind_template_child (widget_class, CustosExportDialog, status_label);
  gtk_widget_class_bind_template_child (widget_class, CustosExportDialog, end_stack);
  gtk_widget_class_bind_template_child (widget_class, CustosExportDialog, cancel_button);

  gtk_widget_class_install_action (widget_class, "export.choose", NULL, choose_action);
  gtk_widget_class_install_action (widget_class, "export.cancel", NULL, cancel_action);
  gtk_widget_class_install_action (widget_class, "export.open", NULL, open_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "export.cancel", NULL);
}

/* The choices wrap in the list rather than ellipsize: "Statement of
 * Applicab…" would read the same for the PDF and the CSV. */
static void
setup_choice (GtkSignalListItemFactory *factory,
              GtkListItem              *item)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_max_width_chars (GTK_LABEL (label), 40);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_list_item_set_child (item, label);
}

static void
bind_choice (GtkSignalListItemFactory *factory,
             GtkListItem              *item)
{
  gtk_label_set_text (GTK_LABEL (gtk_list_item_get_child (item)),
                      gtk_string_object_get_string (gtk_list_item_get_item (item)));
}

static void
custos_export_dialog_init (CustosExportDialog *self)
{
  GtkStringList *papers;
  const char *region[] = { NULL, NULL };

  gtk_widget_init_template (GTK_WIDGET (self));
  {
    g_autoptr(GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();

    g_signal_connect (factory, "setup", G_CALLBACK (setup_choice), NULL);
    g_signal_connect (factory, "bind", G_CALLBACK (bind_choice), NULL);
    adw_combo_row_set_list_factory (self->report_row, factory);
  }
  g_signal_connect_swapped (self->report_row, "notify::selected", G_CALLBACK (report_changed), self);
  report_changed (self);
  self->settings = g_settings_new (APP_ID);
  g_settings_bind (self->settings, "csv-bom", self->bom_switch, "active", G_SETTINGS_BIND_DEFAULT);

  /* Name the paper the region gives, rather than "automatic". */
  papers = GTK_STRING_LIST (adw_combo_row_get_model (self->paper_row));
  region[0] = custos_paper_from_locale () == CUSTOS_PAPER_LETTER ? _("US Letter (region default)")
                                                                 : _("A4 (region default)");
  gtk_string_list_splice (papers, 0, 1, region);
}

CustosExportDialog *
custos_export_dialog_new (GtkWindow      *parent,
                          CustosDocument *document,
                          GFile          *document_file,
                          CustosClock    *clock)
{
  CustosExportDialog *self;

  g_return_val_if_fail (CUSTOS_IS_DOCUMENT (document), NULL);
  g_return_val_if_fail (document_file == NULL || G_IS_FILE (document_file), NULL);
  g_return_val_if_fail (clock == NULL || CUSTOS_IS_CLOCK (clock), NULL);

  self = g_object_new (CUSTOS_TYPE_EXPORT_DIALOG, "transient-for", parent, NULL);
  self->document = g_object_ref (document);
  g_set_object (&self->document_file, document_file);
  g_set_object (&self->clock, clock);
  return self;
}

void
custos_export_dialog_export_to (CustosExportDialog *self,
                                GFile              *file)
{
  g_return_if_fail (CUSTOS_IS_EXPORT_DIALOG (self));
  g_return_if_fail (G_IS_FILE (file));
  g_return_if_fail (self->cancellable == NULL);

  start_export (self, file);
}

void
custos_export_dialog_set_report (CustosExportDialog *self,
                                 CustosReportKind    kind)
{
  g_return_if_fail (CUSTOS_IS_EXPORT_DIALOG (self));

  for (guint i = 0; i < G_N_ELEMENTS (choices); i++)
    if (!choices[i].csv && choices[i].kind == kind)
      adw_combo_row_set_selected (self->report_row, i);
}

void
custos_export_present (GtkWindow      *parent,
                       CustosDocument *document,
                       GFile          *document_file,
                       CustosClock    *clock)
{
  gtk_window_present (GTK_WINDOW (custos_export_dialog_new (parent, document, document_file, clock)));
}

/* Printing ------------------------------------------------------------------ */

/* What a print operation prints, and what its preview needs to print or
 * export the same report again. */
typedef struct
{
  CustosReportBook *book;
  CustosDocument   *document;
  GFile            *document_file;
  CustosClock      *clock;
  CustosReportKind  kind;
  GtkWindow        *parent;   /* of the preview; weak */
} PrintData;

static void
print_data_free (PrintData *data)
{
  g_clear_object (&data->book);
  g_clear_object (&data->document);
  g_clear_object (&data->document_file);
  g_clear_object (&data->clock);
  g_clear_weak_pointer (&data->parent);
  g_free (data);
}

static void
begin_print (GtkPrintOperation *operation,
             GtkPrintContext   *context,
             PrintData         *data)
{
  /* Full page, in points: lay the book out on the paper chosen. */
  custos_report_book_set_page_size (data->book, gtk_print_context_get_width (context),
                                    gtk_print_context_get_height (context));
  if (!custos_report_book_paginate (data->book, NULL, NULL, NULL, NULL))
    {
      gtk_print_operation_cancel (operation);
      return;
    }
  gtk_print_operation_set_n_pages (operation, (int) custos_report_book_get_n_pages (data->book));
}

static void
request_page_setup (GtkPrintOperation *operation,
                    GtkPrintContext   *context,
                    int                page,
                    GtkPageSetup      *setup,
                    PrintData         *data)
{
  CustosOrientation orientation = CUSTOS_ORIENTATION_PORTRAIT;

  if (page >= 0 && (guint) page < custos_report_book_get_n_pages (data->book))
    custos_report_book_get_page_size_of (data->book, (guint) page, NULL, NULL, &orientation);
  gtk_page_setup_set_orientation (setup, orientation == CUSTOS_ORIENTATION_LANDSCAPE
                                         ? GTK_PAGE_ORIENTATION_LANDSCAPE : GTK_PAGE_ORIENTATION_PORTRAIT);
}

static void
draw_page (GtkPrintOperation *operation,
           GtkPrintContext   *context,
           int                page,
           PrintData         *data)
{
  if (page >= 0 && (guint) page < custos_report_book_get_n_pages (data->book))
    custos_report_book_draw_page (data->book, gtk_print_context_get_cairo_context (context), (guint) page);
}

/* begin-print has laid the book out on the paper of the print dialog: our
 * preview shows it, and the operation is over. */
static void
preview_ready (GtkPrintOperationPreview *preview,
               GtkPrintContext          *context,
               PrintData                *data)
{
  CustosPrintPreview *window = custos_print_preview_new (data->parent, data->document, data->document_file,
                                                         data->kind, data->clock, data->book);

  gtk_window_present (GTK_WINDOW (window));
  gtk_print_operation_preview_end_preview (preview);
}

/* The print dialog's Preview: ours, not an external viewer (GTK's default
 * writes a PDF and launches one, which does nothing when none is installed). */
static gboolean
open_preview (GtkPrintOperation        *operation,
              GtkPrintOperationPreview *preview,
              GtkPrintContext          *context,
              GtkWindow                *parent,
              PrintData                *data)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 1, 1);
  cairo_t *cr = cairo_create (surface);

  /* GTK insists on a cairo context before it lays out; nothing draws on it. */
  gtk_print_context_set_cairo_context (context, cr, 72, 72);
  cairo_destroy (cr);
  cairo_surface_destroy (surface);
  g_set_weak_pointer (&data->parent, parent);
  g_signal_connect (preview, "ready", G_CALLBACK (preview_ready), data);
  return TRUE;
}

static void
show_print_error (GtkWindow    *parent,
                  const GError *error)
{
  GtkWidget *dialog = adw_message_dialog_new (parent, _("Printing Failed"), error ? error->message : NULL);

  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

/* GTK keeps the operation alive while it runs; "done" only reports. */
static void
print_done (GtkPrintOperation       *operation,
            GtkPrintOperationResult  result,
            GtkWindow               *parent)
{
  g_object_set_data (G_OBJECT (operation), "custos-done", GINT_TO_POINTER (TRUE));
  if (result == GTK_PRINT_OPERATION_RESULT_ERROR)
    {
      g_autoptr(GError) error = NULL;

      gtk_print_operation_get_error (operation, &error);
      show_print_error (parent, error);
    }
}

GtkPrintOperation *
custos_print_operation_new (CustosDocument   *document,
                            GFile            *document_file,
                            CustosReportKind  kind,
                            CustosClock      *clock,
                            CustosLastIssue  *last_issue)
{
  GtkPrintOperation *operation;
  g_autoptr(GtkPageSetup) setup = gtk_page_setup_new ();
  g_autoptr(GtkPaperSize) paper = NULL;
  PrintData *data;

  g_return_val_if_fail (CUSTOS_IS_DOCUMENT (document), NULL);
  g_return_val_if_fail (kind < CUSTOS_N_REPORTS, NULL);
  g_return_val_if_fail (clock == NULL || CUSTOS_IS_CLOCK (clock), NULL);

  data = g_new0 (PrintData, 1);
  data->book = custos_export_build_book (document, document_file, kind, clock, CUSTOS_PAPER_AUTO,
                                         CUSTOS_HEATMAP_PALETTE_BANDS, last_issue);
  data->document = g_object_ref (document);
  g_set_object (&data->document_file, document_file);
  g_set_object (&data->clock, clock);
  data->kind = kind;
  paper = gtk_paper_size_new (custos_paper_from_locale () == CUSTOS_PAPER_LETTER ? GTK_PAPER_NAME_LETTER
                                                                                 : GTK_PAPER_NAME_A4);
  gtk_page_setup_set_paper_size_and_default_margins (setup, paper);

  operation = gtk_print_operation_new ();
  g_object_set_data_full (G_OBJECT (operation), "custos-print", data, (GDestroyNotify) print_data_free);
  gtk_print_operation_set_job_name (operation, custos_report_kind_get_title (kind));
  gtk_print_operation_set_default_page_setup (operation, setup);
  gtk_print_operation_set_unit (operation, GTK_UNIT_POINTS);
  gtk_print_operation_set_use_full_page (operation, TRUE);
  gtk_print_operation_set_embed_page_setup (operation, TRUE);
  gtk_print_operation_set_show_progress (operation, TRUE);
  g_signal_connect (operation, "begin-print", G_CALLBACK (begin_print), data);
  g_signal_connect (operation, "request-page-setup", G_CALLBACK (request_page_setup), data);
  g_signal_connect (operation, "draw-page", G_CALLBACK (draw_page), data);
  g_signal_connect (operation, "preview", G_CALLBACK (open_preview), data);
  return operation;
}

static void
run_print (GtkWindow        *parent,
           CustosDocument   *document,
           GFile            *document_file,
           CustosReportKind  kind,
           CustosClock      *clock,
           CustosLastIssue  *last_issue)
{
  g_autoptr(GtkPrintOperation) operation = NULL;
  g_autoptr(GError) error = NULL;
  GtkPrintOperationResult result;

  operation = custos_print_operation_new (document, document_file, kind, clock, last_issue);
  gtk_print_operation_set_allow_async (operation, TRUE);
  if (parent != NULL)
    g_signal_connect_object (operation, "done", G_CALLBACK (print_done), parent, 0);
  else
    g_signal_connect (operation, "done", G_CALLBACK (print_done), NULL);
  result = gtk_print_operation_run (operation, GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG, parent, &error);
  if (result == GTK_PRINT_OPERATION_RESULT_ERROR && g_object_get_data (G_OBJECT (operation), "custos-done") == NULL)
    show_print_error (parent, error);
}

/* Printing the pack waits for its last issue to be read. */
typedef struct
{
  GtkWindow        *parent;    /* weak */
  gboolean          parented;
  CustosDocument   *document;
  GFile            *document_file;
  CustosClock      *clock;
  CustosLastIssue  *last_issue;
} PrintRequest;

static void
last_issue_read (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  PrintRequest *request = user_data;

  custos_last_issue_read_finish (result, NULL);
  /* A window closed meanwhile has nothing left to print. */
  if (request->parent != NULL || !request->parented)
    run_print (request->parent, request->document, request->document_file, CUSTOS_REPORT_PACK, request->clock,
               request->last_issue);
  g_clear_weak_pointer (&request->parent);
  g_object_unref (request->document);
  g_object_unref (request->document_file);
  g_clear_object (&request->clock);
  custos_last_issue_unref (request->last_issue);
  g_free (request);
}

void
custos_print_present (GtkWindow        *parent,
                      CustosDocument   *document,
                      GFile            *document_file,
                      CustosReportKind  kind,
                      CustosClock      *clock)
{
  PrintRequest *request;

  g_return_if_fail (CUSTOS_IS_DOCUMENT (document));
  g_return_if_fail (kind < CUSTOS_N_REPORTS);

  if (kind != CUSTOS_REPORT_PACK || document_file == NULL)
    {
      run_print (parent, document, document_file, kind, clock, NULL);
      return;
    }
  request = g_new0 (PrintRequest, 1);
  g_set_weak_pointer (&request->parent, parent);
  request->parented = parent != NULL;
  request->document = g_object_ref (document);
  request->document_file = g_object_ref (document_file);
  g_set_object (&request->clock, clock);
  request->last_issue = custos_last_issue_new (document, document_file);
  custos_last_issue_read_async (request->last_issue, NULL, NULL, last_issue_read, request);
}
