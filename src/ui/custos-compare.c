/* SPDX-License-Identifier: GPL-3.0-or-later */
/* custos-compare.c — Compare with…, and the merge conflicts left to decide
 *
 * Both views list what custos-diff.c and custos-merge.c found, as
 * preferences groups of rows; they hold no state of their own beyond that
 * list, so they are built in code rather than from a template.
 */
#include "config.h"

#include <glib/gi18n.h>

#include "custos-compare.h"
#include "custos-diff.h"
#include "custos-file.h"
#include "custos-git.h"
#include "custos-merge.h"

/* How many recent commits the dialog offers. */
#define N_COMMITS 30
/* How many changes it lists: a list of rows is no way to read more. */
#define MAX_ROWS 1000

struct _CustosCompareDialog
{
  AdwWindow            parent_instance;

  CustosDocument      *document;
  GFile               *file;
  AdwWindowTitle      *title;
  GtkStack            *stack;
  AdwPreferencesPage  *sources;
  AdwPreferencesPage  *changes;
  GPtrArray           *groups;   /* the groups of changes, to clear */
  GPtrArray           *titles;   /* the rows' titles, for tests */
  GtkFileChooserNative *chooser;
  GtkWidget           *loading;
  GCancellable        *cancellable; /* of the load under way, if any */
};

G_DEFINE_FINAL_TYPE (CustosCompareDialog, custos_compare_dialog, ADW_TYPE_WINDOW)

static void
show_error (CustosCompareDialog *self,
            const char          *message)
{
  GtkWidget *dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Cannot Compare"), message);

  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
clear_changes (CustosCompareDialog *self)
{
  for (guint i = 0; i < self->groups->len; i++)
    adw_preferences_page_remove (self->changes, g_ptr_array_index (self->groups, i));
  g_ptr_array_set_size (self->groups, 0);
  g_ptr_array_set_size (self->titles, 0);
}

static AdwPreferencesGroup *
add_group (CustosCompareDialog *self,
           AdwPreferencesPage  *page,
           const char          *title,
           const char          *description)
{
  AdwPreferencesGroup *group = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());

  adw_preferences_group_set_title (group, title);
  if (description != NULL)
    adw_preferences_group_set_description (group, description);
  adw_preferences_page_add (page, group);
  if (page == self->changes)
    g_ptr_array_add (self->groups, group);
  return group;
}

void
custos_compare_dialog_show_document (CustosCompareDialog *self,
                                     CustosDocument      *other,
                                     const char          *name)
{
  g_autoptr(CustosDiff) diff = custos_diff_new (other, self->document);
  g_autofree char *subtitle = g_strdup_printf (_("Changes since %s"), name);
  AdwPreferencesGroup *group = NULL;
  int group_reg = -2;
  guint n = custos_diff_get_n_changes (diff);

  g_return_if_fail (CUSTOS_IS_COMPARE_DIALOG (self));

  clear_changes (self);
  adw_window_title_set_subtitle (self->title, subtitle);
  if (n == 0)
    add_group (self, self->changes, _("No changes"), _("This version and the one compared are the same."));
  for (guint i = 0; i < MIN (n, MAX_ROWS); i++)
    {
      const CustosChange *change = custos_diff_get_change (diff, i);
      g_autofree char *title = custos_change_get_record (change);
      g_autofree char *details = custos_change_get_details (change);
      GtkWidget *row = adw_action_row_new ();

      if (group == NULL || change->reg != group_reg)
        group = add_group (self, self->changes, change->reg >= 0 ? _(change->kind->plural) : _("Document"), NULL);
      group_reg = change->reg;

      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), details);
      adw_preferences_group_add (group, row);
      g_ptr_array_add (self->titles, g_strdup (title));
    }
  if (n > MAX_ROWS)
    {
      g_autofree char *more = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u more change", "%u more changes",
                                                            n - MAX_ROWS), n - MAX_ROWS);

      add_group (self, self->changes, more, _("custos --diff lists every change."));
    }
  gtk_stack_set_visible_child (self->stack, GTK_WIDGET (self->changes));
}

/* Reading the other version ---------------------------------------------------- */

typedef struct
{
  GFile *file;
  char  *rev;   /* NULL: the file itself */
} Load;

static void
load_free (Load *load)
{
  g_clear_object (&load->file);
  g_free (load->rev);
  g_free (load);
}

/* A worker thread: a large document takes a moment to read, and git to run. */
static void
load_thread (GTask        *task,
             gpointer      source,
             gpointer      data,
             GCancellable *cancellable)
{
  Load *load = data;
  GError *error = NULL;
  CustosDocument *other = load->rev != NULL ? custos_git_load (load->file, load->rev, &error)
                                            : custos_file_load (load->file, cancellable, &error);

  if (other == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, other, g_object_unref);
}

static void
load_done (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  CustosCompareDialog *self = CUSTOS_COMPARE_DIALOG (source);
  Load *load = g_task_get_task_data (G_TASK (result));
  g_autoptr(GError) error = NULL;
  g_autoptr(CustosDocument) other = g_task_propagate_pointer (G_TASK (result), &error);
  g_autofree char *name = NULL;

  /* Closed, or another version chosen since. */
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  g_clear_object (&self->cancellable);
  if (other == NULL)
    {
      gtk_stack_set_visible_child (self->stack, GTK_WIDGET (self->sources));
      show_error (self, error->message);
      return;
    }
  if (load->rev != NULL)
    /* Translators: a git revision, e.g. "revision 1a2b3c4" */
    name = g_strdup_printf (_("revision %.10s"), load->rev);
  else
    name = g_file_get_basename (load->file);
  custos_compare_dialog_show_document (self, other, name);
}

void
custos_compare_dialog_load (CustosCompareDialog *self,
                            GFile               *file,
                            const char          *rev)
{
  g_autoptr(GTask) task = NULL;
  Load *load;

  g_return_if_fail (CUSTOS_IS_COMPARE_DIALOG (self));
  g_return_if_fail (file != NULL || rev != NULL);

  if (rev != NULL && self->file == NULL)
    {
      show_error (self, _("The document has not been saved yet"));
      return;
    }
  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();

  load = g_new0 (Load, 1);
  load->file = g_object_ref (rev != NULL ? self->file : file);
  load->rev = g_strdup (rev);
  gtk_stack_set_visible_child (self->stack, self->loading);
  task = g_task_new (self, self->cancellable, load_done, NULL);
  g_task_set_source_tag (task, custos_compare_dialog_load);
  g_task_set_task_data (task, load, (GDestroyNotify) load_free);
  g_task_run_in_thread (task, load_thread);
}

gboolean
custos_compare_dialog_is_loading (CustosCompareDialog *self)
{
  g_return_val_if_fail (CUSTOS_IS_COMPARE_DIALOG (self), FALSE);

  return self->cancellable != NULL;
}

GStrv
custos_compare_dialog_get_titles (CustosCompareDialog *self)
{
  GStrvBuilder *builder = g_strv_builder_new ();
  GStrv titles;

  for (guint i = 0; i < self->titles->len; i++)
    g_strv_builder_add (builder, g_ptr_array_index (self->titles, i));
  titles = g_strv_builder_end (builder);
  g_strv_builder_unref (builder);
  return titles;
}

static void
on_commit_activated (AdwActionRow        *row,
                     CustosCompareDialog *self)
{
  custos_compare_dialog_load (self, NULL, g_object_get_data (G_OBJECT (row), "commit"));
}

static void
on_file_chosen (GtkNativeDialog     *chooser,
                int                  response,
                CustosCompareDialog *self)
{
  g_autoptr(GFile) file = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  g_clear_object (&self->chooser);
  if (file != NULL)
    custos_compare_dialog_load (self, file, NULL);
}

static void
on_choose_file (CustosCompareDialog *self)
{
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();

  if (self->chooser != NULL)
    return;
  self->chooser = gtk_file_chooser_native_new (_("Compare With"), GTK_WINDOW (self), GTK_FILE_CHOOSER_ACTION_OPEN,
                                               _("_Compare"), _("_Cancel"));
  gtk_file_filter_set_name (filter, _("ISMS documents"));
  gtk_file_filter_add_pattern (filter, "*.isms");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (self->chooser), filter);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (self->chooser), TRUE);
  g_signal_connect (self->chooser, "response", G_CALLBACK (on_file_chosen), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}

static void
on_back (CustosCompareDialog *self)
{
  adw_window_title_set_subtitle (self->title, "");
  gtk_stack_set_visible_child (self->stack, GTK_WIDGET (self->sources));
}

/* A file, or one of the recent commits of the document in git. */
static void
build_sources (CustosCompareDialog *self)
{
  AdwPreferencesGroup *group = add_group (self, self->sources, _("Another File"), NULL);
  GtkWidget *row = adw_action_row_new ();
  g_autoptr(GPtrArray) commits = NULL;
  g_autoptr(GError) error = NULL;

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("Choose a File…"));
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name ("document-open-symbolic"));
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  g_signal_connect_swapped (row, "activated", G_CALLBACK (on_choose_file), self);
  adw_preferences_group_add (group, row);

  if (self->file != NULL)
    commits = custos_git_log (self->file, N_COMMITS, &error);
  group = add_group (self, self->sources, _("Git History"),
                     commits == NULL ? _("This document is not kept in a git repository.")
                     : commits->len == 0 ? _("No commit holds this document yet.") : NULL);
  for (guint i = 0; commits != NULL && i < commits->len; i++)
    {
      CustosGitCommit *commit = g_ptr_array_index (commits, i);
      g_autofree char *subtitle = g_strdup_printf ("%s · %s · %.7s", commit->date, commit->author, commit->commit);

      row = adw_action_row_new ();
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), commit->subject);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
      g_object_set_data_full (G_OBJECT (row), "commit", g_strdup (commit->commit), g_free);
      g_signal_connect (row, "activated", G_CALLBACK (on_commit_activated), self);
      adw_preferences_group_add (group, row);
    }
}

static void
custos_compare_dialog_dispose (GObject *object)
{
  CustosCompareDialog *self = CUSTOS_COMPARE_DIALOG (object);

  if (self->chooser != NULL)
    gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->chooser));
  g_clear_object (&self->chooser);
  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->document);
  g_clear_object (&self->file);
  g_clear_pointer (&self->groups, g_ptr_array_unref);
  g_clear_pointer (&self->titles, g_ptr_array_unref);
  G_OBJECT_CLASS (custos_compare_dialog_parent_class)->dispose (object);
}

static void
custos_compare_dialog_class_init (CustosCompareDialogClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = custos_compare_dialog_dispose;
}

static void
custos_compare_dialog_init (CustosCompareDialog *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *header = adw_header_bar_new ();
  GtkWidget *back = gtk_button_new_from_icon_name ("go-previous-symbolic");
  GtkWidget *spinner;

  self->groups = g_ptr_array_new ();
  self->titles = g_ptr_array_new_with_free_func (g_free);
  self->title = ADW_WINDOW_TITLE (adw_window_title_new (_("Compare With"), ""));
  adw_header_bar_set_title_widget (ADW_HEADER_BAR (header), GTK_WIDGET (self->title));
  gtk_widget_set_tooltip_text (back, _("Choose Another Version"));
  g_signal_connect_swapped (back, "clicked", G_CALLBACK (on_back), self);
  adw_header_bar_pack_start (ADW_HEADER_BAR (header), back);
  gtk_box_append (GTK_BOX (box), header);

  self->stack = GTK_STACK (gtk_stack_new ());
  gtk_widget_set_vexpand (GTK_WIDGET (self->stack), TRUE);
  self->sources = ADW_PREFERENCES_PAGE (adw_preferences_page_new ());
  self->changes = ADW_PREFERENCES_PAGE (adw_preferences_page_new ());
  self->loading = adw_status_page_new ();
  adw_status_page_set_title (ADW_STATUS_PAGE (self->loading), _("Reading the Other Version…"));
  spinner = gtk_spinner_new ();
  gtk_spinner_set_spinning (GTK_SPINNER (spinner), TRUE);
  gtk_widget_set_size_request (spinner, 32, 32);
  adw_status_page_set_child (ADW_STATUS_PAGE (self->loading), spinner);
  gtk_stack_add_child (self->stack, GTK_WIDGET (self->sources));
  gtk_stack_add_child (self->stack, GTK_WIDGET (self->changes));
  gtk_stack_add_child (self->stack, self->loading);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->stack));
  adw_window_set_content (ADW_WINDOW (self), box);
  gtk_window_set_default_size (GTK_WINDOW (self), 720, 600);
  gtk_window_set_title (GTK_WINDOW (self), _("Compare With"));
}

CustosCompareDialog *
custos_compare_dialog_new (GtkWindow      *parent,
                           CustosDocument *document,
                           GFile          *file)
{
  CustosCompareDialog *self = g_object_new (CUSTOS_TYPE_COMPARE_DIALOG, "transient-for", parent, "modal", TRUE,
                                            NULL);

  self->document = g_object_ref (document);
  self->file = file != NULL ? g_object_ref (file) : NULL;
  build_sources (self);
  return self;
}

/* The conflicts ---------------------------------------------------------------- */

struct _CustosConflictsDialog
{
  AdwWindow           parent_instance;

  CustosDocument     *document;
  AdwPreferencesPage *page;
  AdwPreferencesGroup *group;
};

G_DEFINE_FINAL_TYPE (CustosConflictsDialog, custos_conflicts_dialog, ADW_TYPE_WINDOW)

static void
resolve (CustosConflictsDialog *self,
         const char            *id,
         const char            *value)
{
  GtkWindow *parent = gtk_window_get_transient_for (GTK_WINDOW (self));

  if (parent != NULL)
    gtk_widget_activate_action (GTK_WIDGET (parent), "win.resolve-conflict", "(ss)", id, value);
}

static void
on_keep (GtkButton             *button,
         CustosConflictsDialog *self)
{
  resolve (self, g_object_get_data (G_OBJECT (button), "id"), g_object_get_data (G_OBJECT (button), "value"));
}

static void
on_edit_response (AdwMessageDialog      *dialog,
                  const char            *response,
                  CustosConflictsDialog *self)
{
  GtkEditable *entry = GTK_EDITABLE (adw_message_dialog_get_extra_child (dialog));

  if (g_str_equal (response, "apply"))
    resolve (self, g_object_get_data (G_OBJECT (dialog), "id"), gtk_editable_get_text (entry));
}

static void
on_edit (GtkButton             *button,
         CustosConflictsDialog *self)
{
  GtkWidget *dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Edit the Value"),
                                              _("The value the field keeps, in place of both."));
  GtkWidget *entry = gtk_entry_new ();

  gtk_editable_set_text (GTK_EDITABLE (entry), g_object_get_data (G_OBJECT (button), "value"));
  gtk_entry_set_activates_default (GTK_ENTRY (entry), TRUE);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), entry);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog), "cancel", _("_Cancel"), "apply", _("_Apply"), NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "apply", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "apply");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_object_set_data_full (G_OBJECT (dialog), "id", g_strdup (g_object_get_data (G_OBJECT (button), "id")), g_free);
  g_signal_connect (dialog, "response", G_CALLBACK (on_edit_response), self);
  gtk_window_present (GTK_WINDOW (dialog));
}

static GtkWidget *
choice_button (const char *label,
               const char *id,
               const char *value,
               GCallback   callback,
               gpointer    self)
{
  GtkWidget *button = gtk_button_new_with_mnemonic (label);

  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  g_object_set_data_full (G_OBJECT (button), "id", g_strdup (id), g_free);
  g_object_set_data_full (G_OBJECT (button), "value", g_strdup (value != NULL ? value : ""), g_free);
  g_signal_connect (button, "clicked", callback, self);
  return button;
}

static const char *
or_empty (const char *text)
{
  return text != NULL && text[0] != '\0' ? text : _("(empty)");
}

static void
rebuild_conflicts (CustosConflictsDialog *self)
{
  GListModel *conflicts = custos_document_get_register (self->document, CUSTOS_REGISTER_MERGE_CONFLICTS);
  guint n = g_list_model_get_n_items (conflicts);
  g_autofree char *title = NULL;

  if (self->group != NULL)
    adw_preferences_page_remove (self->page, self->group);
  self->group = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
  title = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u merge conflict", "%u merge conflicts", n), n);
  adw_preferences_group_set_title (self->group, title);
  adw_preferences_group_set_description (self->group,
                                         n == 0 ? _("Every conflict is resolved.")
                                                : _("Both sides of a merge changed these. The document shows ours "
                                                    "until you choose."));
  adw_preferences_page_add (self->page, self->group);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(CustosMergeConflict) conflict = g_list_model_get_item (conflicts, i);
      const char *id = custos_record_get_id (CUSTOS_RECORD (conflict));
      guint f = G_MAXUINT;
      CustosRecord *record = custos_merge_conflict_lookup_record (self->document, conflict, &f);
      const CustosKind *kind = record != NULL ? custos_record_get_kind (record) : NULL;
      gboolean whole = f == G_MAXUINT;
      const char *ours = custos_merge_conflict_get_ours (conflict);
      const char *theirs = custos_merge_conflict_get_theirs (conflict);
      g_autofree char *row_title = NULL;
      g_autofree char *subtitle = NULL;
      GtkWidget *row = adw_action_row_new ();

      if (record == NULL)
        row_title = g_strdup_printf ("%s: %s", id, _("Risk criteria"));
      else if (whole)
        row_title = g_strdup_printf ("%s: %s %s “%s”", id, _(kind->label), custos_record_get_id (record),
                                     custos_record_get_title (record));
      else if (kind->register_name == NULL)
        row_title = g_strdup_printf ("%s: %s — %s", id, _(kind->label), _(kind->fields[f].label));
      else
        row_title = g_strdup_printf ("%s: %s %s “%s” — %s", id, _(kind->label), custos_record_get_id (record),
                                     custos_record_get_title (record), _(kind->fields[f].label));
      subtitle = g_strdup_printf (_("Ours: %s · Theirs: %s · Before: %s"), or_empty (ours), or_empty (theirs),
                                  or_empty (custos_merge_conflict_get_base (conflict)));
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), row_title);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                                 choice_button (_("Keep _Ours"), id, ours, G_CALLBACK (on_keep), self));
      if (record != NULL)
        adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                                   choice_button (_("Take _Theirs"), id, theirs, G_CALLBACK (on_keep), self));
      if (!whole)
        adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                                   choice_button (_("_Edit…"), id, ours, G_CALLBACK (on_edit), self));
      adw_preferences_group_add (self->group, row);
    }
}

static void
custos_conflicts_dialog_dispose (GObject *object)
{
  CustosConflictsDialog *self = CUSTOS_CONFLICTS_DIALOG (object);

  g_clear_object (&self->document);
  G_OBJECT_CLASS (custos_conflicts_dialog_parent_class)->dispose (object);
}

static void
custos_conflicts_dialog_class_init (CustosConflictsDialogClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = custos_conflicts_dialog_dispose;
}

static void
custos_conflicts_dialog_init (CustosConflictsDialog *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);

  gtk_box_append (GTK_BOX (box), adw_header_bar_new ());
  self->page = ADW_PREFERENCES_PAGE (adw_preferences_page_new ());
  gtk_widget_set_vexpand (GTK_WIDGET (self->page), TRUE);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->page));
  adw_window_set_content (ADW_WINDOW (self), box);
  gtk_window_set_default_size (GTK_WINDOW (self), 820, 520);
  gtk_window_set_title (GTK_WINDOW (self), _("Merge Conflicts"));
}

CustosConflictsDialog *
custos_conflicts_dialog_new (GtkWindow      *parent,
                             CustosDocument *document)
{
  CustosConflictsDialog *self = g_object_new (CUSTOS_TYPE_CONFLICTS_DIALOG, "transient-for", parent, NULL);

  self->document = g_object_ref (document);
  g_signal_connect_object (custos_document_get_register (document, CUSTOS_REGISTER_MERGE_CONFLICTS),
                           "items-changed", G_CALLBACK (rebuild_conflicts), self, G_CONNECT_SWAPPED);
  rebuild_conflicts (self);
  return self;
}
