/* SPDX-License-Identifier: GPL-3.0-or-later */
/* custos-window.c — a window on one ISMS document */
#include "config.h"

#include <glib/gi18n.h>

#include "custos-file.h"
#include "custos-window.h"

struct _CustosWindow
{
  AdwApplicationWindow  parent_instance;

  CustosDocument       *document;
  GFile                *file;
  GFile                *pending_file; /* being loaded or saved */
  GCancellable         *cancellable;
  gboolean              busy;
  gboolean              close_after_save;
  GtkWidget            *register_rows[CUSTOS_N_REGISTERS];

  /* template children */
  AdwWindowTitle       *window_title;
  AdwToastOverlay      *toast_overlay;
  GtkStack             *stack;
  AdwActionRow         *name_row;
  AdwActionRow         *edition_row;
  AdwActionRow         *owner_row;
  AdwActionRow         *classification_row;
  AdwPreferencesGroup  *registers_group;
};

G_DEFINE_FINAL_TYPE (CustosWindow, custos_window, ADW_TYPE_APPLICATION_WINDOW)

static void save_to (CustosWindow *self, GFile *file);

static char *
document_name (CustosWindow *self)
{
  const char *org;

  if (self->file != NULL)
    return g_file_get_basename (self->file);
  org = custos_record_get_string (custos_document_get_section (self->document, CUSTOS_SECTION_ORGANISATION), "name");
  return g_strdup (org != NULL ? org : _("Untitled ISMS"));
}

static void
update_title (CustosWindow *self)
{
  g_autofree char *name = document_name (self);
  g_autofree char *title = NULL;
  g_autofree char *window_title = NULL;
  g_autofree char *subtitle = NULL;
  gboolean modified = custos_document_get_modified (self->document);

  /* The bullet is the modified mark GNOME applications use. */
  title = modified ? g_strdup_printf ("• %s", name) : g_strdup (name);
  adw_window_title_set_title (self->window_title, title);
  if (self->file != NULL)
    {
      g_autoptr(GFile) parent = g_file_get_parent (self->file);
      subtitle = parent ? g_file_get_parse_name (parent) : NULL;
    }
  adw_window_title_set_subtitle (self->window_title, subtitle ? subtitle : "");
  window_title = g_strdup_printf (_("%s — Custos"), title);
  gtk_window_set_title (GTK_WINDOW (self), window_title);
}

static void
set_row (AdwActionRow *row,
         const char   *value)
{
  adw_action_row_set_subtitle (row, value != NULL && *value != '\0' ? value : _("Not set"));
}

static void
update_summary (CustosWindow *self)
{
  CustosRecord *org = custos_document_get_section (self->document, CUSTOS_SECTION_ORGANISATION);
  g_autofree char *edition = g_strdup_printf ("ISO/IEC 27001:%d", custos_document_get_edition (self->document));

  set_row (self->name_row, custos_record_get_string (org, "name"));
  set_row (self->edition_row, edition);
  set_row (self->owner_row, custos_record_get_string (org, "isms-owner"));
  set_row (self->classification_row, custos_record_get_string (org, "classification"));

  for (guint r = 0; r < CUSTOS_N_REGISTERS; r++)
    {
      g_autofree char *count = g_strdup_printf ("%u", custos_document_count (self->document, r));
      gtk_label_set_text (GTK_LABEL (self->register_rows[r]), count);
    }
}

static void
on_document_changed (CustosDocument *document,
                     CustosRecord   *record,
                     CustosWindow   *self)
{
  update_summary (self);
}

static void
on_modified_changed (CustosDocument *document,
                     GParamSpec     *pspec,
                     CustosWindow   *self)
{
  update_title (self);
}

static void
set_document (CustosWindow   *self,
              CustosDocument *document,
              GFile          *file)
{
  if (self->document != NULL)
    g_signal_handlers_disconnect_by_data (self->document, self);
  g_set_object (&self->document, document);
  g_set_object (&self->file, file);
  g_signal_connect_object (document, "changed", G_CALLBACK (on_document_changed), self, 0);
  g_signal_connect_object (document, "notify::modified", G_CALLBACK (on_modified_changed), self, 0);
  update_summary (self);
  update_title (self);
  gtk_stack_set_visible_child_name (self->stack, "document");
}

static void
show_error (CustosWindow *self,
            const char   *heading,
            const char   *message)
{
  GtkWidget *dialog = adw_message_dialog_new (GTK_WINDOW (self), heading, message);

  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
remember_recent (GFile *file)
{
  g_autofree char *uri = g_file_get_uri (file);

  gtk_recent_manager_add_item (gtk_recent_manager_get_default (), uri);
}

static void
load_cb (GObject      *source,
         GAsyncResult *result,
         gpointer      user_data)
{
  g_autoptr(CustosWindow) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(CustosDocument) document = custos_file_load_finish (result, &error);
  g_autoptr(GFile) file = g_steal_pointer (&self->pending_file);

  self->busy = FALSE;
  if (document == NULL)
    {
      g_autofree char *name = g_file_get_basename (file);
      g_autofree char *heading = g_strdup_printf (_("Could Not Open “%s”"), name);

      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return;
      gtk_stack_set_visible_child_name (self->stack, "document");
      show_error (self, heading, error->message);
      return;
    }
  set_document (self, document, file);
  remember_recent (file);
}

void
custos_window_load (CustosWindow *self,
                    GFile        *file)
{
  g_return_if_fail (CUSTOS_IS_WINDOW (self));
  g_return_if_fail (G_IS_FILE (file));

  self->busy = TRUE;
  g_set_object (&self->pending_file, file);
  gtk_stack_set_visible_child_name (self->stack, "loading");
  custos_file_load_async (file, self->cancellable, load_cb, g_object_ref (self));
}

static void
save_cb (GObject      *source,
         GAsyncResult *result,
         gpointer      user_data)
{
  g_autoptr(CustosWindow) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) file = g_steal_pointer (&self->pending_file);

  self->busy = FALSE;
  if (!custos_file_save_finish (result, &error))
    {
      self->close_after_save = FALSE;
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        show_error (self, _("Could Not Save the Document"), error->message);
      return;
    }
  g_set_object (&self->file, file);
  remember_recent (file);
  update_title (self);
  if (self->close_after_save)
    gtk_window_destroy (GTK_WINDOW (self));
  else
    adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (_("Document saved")));
}

static void
save_to (CustosWindow *self,
         GFile        *file)
{
  g_set_object (&self->pending_file, file);
  self->busy = TRUE;
  custos_file_save_async (self->document, file, self->cancellable, save_cb, g_object_ref (self));
}

static void
save_as_response (GtkNativeDialog *dialog,
                  int              response,
                  CustosWindow    *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
      save_to (self, file);
    }
  else
    self->close_after_save = FALSE;
  g_object_unref (dialog);
}

static GtkFileFilter *
isms_filter (void)
{
  GtkFileFilter *filter = gtk_file_filter_new ();

  gtk_file_filter_set_name (filter, _("ISMS documents"));
  gtk_file_filter_add_mime_type (filter, "application/x-custos-isms+xml");
  gtk_file_filter_add_suffix (filter, "isms");
  return filter;
}

static void
save_as_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  CustosWindow *self = CUSTOS_WINDOW (widget);
  GtkFileChooserNative *dialog;
  g_autofree char *name = document_name (self);
  g_autofree char *suggested = g_str_has_suffix (name, ".isms") ? g_strdup (name) : g_strconcat (name, ".isms", NULL);

  dialog = gtk_file_chooser_native_new (_("Save Document As"), GTK_WINDOW (self),
                                        GTK_FILE_CHOOSER_ACTION_SAVE, _("_Save"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (dialog), TRUE);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (dialog), isms_filter ());
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (dialog), suggested);
  g_signal_connect (dialog, "response", G_CALLBACK (save_as_response), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (dialog));
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  CustosWindow *self = CUSTOS_WINDOW (widget);

  if (self->busy)
    return;
  if (self->file == NULL)
    gtk_widget_activate_action (widget, "win.save-as", NULL);
  else
    save_to (self, self->file);
}

static void
open_response (GtkNativeDialog *dialog,
               int              response,
               CustosWindow    *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));

      /* A window that holds an untouched new document is reused. */
      if (self->file == NULL && !custos_document_get_modified (self->document))
        custos_window_load (self, file);
      else
        custos_application_open_window (CUSTOS_APPLICATION (gtk_window_get_application (GTK_WINDOW (self))), file);
    }
  g_object_unref (dialog);
}

static void
open_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  CustosWindow *self = CUSTOS_WINDOW (widget);
  GtkFileChooserNative *dialog;

  dialog = gtk_file_chooser_native_new (_("Open Document"), GTK_WINDOW (self),
                                        GTK_FILE_CHOOSER_ACTION_OPEN, _("_Open"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (dialog), TRUE);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (dialog), isms_filter ());
  g_signal_connect (dialog, "response", G_CALLBACK (open_response), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (dialog));
}

static void
close_response (AdwMessageDialog *dialog,
                const char       *response,
                CustosWindow     *self)
{
  if (g_str_equal (response, "discard"))
    {
      custos_document_set_modified (self->document, FALSE);
      gtk_window_destroy (GTK_WINDOW (self));
    }
  else if (g_str_equal (response, "save"))
    {
      self->close_after_save = TRUE;
      gtk_widget_activate_action (GTK_WIDGET (self), "win.save", NULL);
    }
}

static gboolean
custos_window_close_request (GtkWindow *window)
{
  CustosWindow *self = CUSTOS_WINDOW (window);
  g_autofree char *name = NULL;
  g_autofree char *body = NULL;
  GtkWidget *dialog;

  if (self->document == NULL || !custos_document_get_modified (self->document))
    return GTK_WINDOW_CLASS (custos_window_parent_class)->close_request (window);

  name = document_name (self);
  body = g_strdup_printf (_("“%s” has unsaved changes. Changes which are not saved will be permanently lost."), name);
  dialog = adw_message_dialog_new (window, _("Save Changes?"), body);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "discard", _("_Discard"),
                                    "save", _("_Save"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "discard", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "save", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "save");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect (dialog, "response", G_CALLBACK (close_response), self);
  gtk_window_present (GTK_WINDOW (dialog));
  return TRUE;
}

static void
custos_window_dispose (GObject *object)
{
  CustosWindow *self = CUSTOS_WINDOW (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->document);
  g_clear_object (&self->file);
  g_clear_object (&self->pending_file);
  gtk_widget_dispose_template (GTK_WIDGET (self), CUSTOS_TYPE_WINDOW);

  G_OBJECT_CLASS (custos_window_parent_class)->dispose (object);
}

static void
custos_window_class_init (CustosWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = custos_window_dispose;
  window_class->close_request = custos_window_close_request;

  gtk_widget_class_set_template_from_resource (widget_class, APP_PATH "/ui/custos-window.ui");
  gtk_widget_class_bind_template_child (widget_class, CustosWindow, window_title);
  gtk_widget_class_bind_template_child (widget_class, CustosWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, CustosWindow, stack);
  gtk_widget_class_bind_template_child (widget_class, CustosWindow, name_row);
  gtk_widget_class_bind_template_child (widget_class, CustosWindow, edition_row);
  gtk_widget_class_bind_template_child (widget_class, CustosWindow, owner_row);
  gtk_widget_class_bind_template_child (widget_class, CustosWindow, classification_row);
  gtk_widget_class_bind_template_child (widget_class, CustosWindow, registers_group);

  gtk_widget_class_install_action (widget_class, "win.open", NULL, open_action);
  gtk_widget_class_install_action (widget_class, "win.save", NULL, save_action);
  gtk_widget_class_install_action (widget_class, "win.save-as", NULL, save_as_action);
}

static void
custos_window_init (CustosWindow *self)
{
  g_autoptr(CustosDocument) document = custos_document_new (CUSTOS_EDITION_2022);

  gtk_widget_init_template (GTK_WIDGET (self));
  self->cancellable = g_cancellable_new ();

  for (guint r = 0; r < CUSTOS_N_REGISTERS; r++)
    {
      const CustosKind *kind = custos_kinds_register (r);
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *count = gtk_label_new (NULL);
      g_autofree char *clause = g_strdup_printf (_("Clause %s"), kind->clause);

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _(kind->plural));
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), clause);
      gtk_widget_add_css_class (count, "numeric");
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), count);
      adw_preferences_group_add (self->registers_group, row);
      self->register_rows[r] = count;
    }

  set_document (self, document, NULL);
}

CustosWindow *
custos_window_new (CustosApplication *application)
{
  return g_object_new (CUSTOS_TYPE_WINDOW, "application", application, NULL);
}

CustosDocument *
custos_window_get_document (CustosWindow *self)
{
  g_return_val_if_fail (CUSTOS_IS_WINDOW (self), NULL);
  return self->document;
}

GFile *
custos_window_get_file (CustosWindow *self)
{
  g_return_val_if_fail (CUSTOS_IS_WINDOW (self), NULL);
  return self->file;
}
