/* SPDX-License-Identifier: GPL-3.0-or-later */
/* custos-application.c — the application: command line, app actions, windows */
#include "config.h"

#include <glib/gi18n.h>
#include <glib-unix.h>
#include <signal.h>

#include "custos-application.h"
#include "custos-cli.h"
#include "custos-draft-assistant.h"
#include "custos-file.h"
#include "custos-profile.h"
#include "custos-recovery.h"
#include "custos-window.h"

static const int terminate_signals[] = { SIGTERM, SIGHUP, SIGINT };

struct _CustosApplication
{
  AdwApplication parent_instance;

  CustosClock   *clock;  /* today, for every window */
  gboolean       recovery_offered;
  guint          signal_sources[G_N_ELEMENTS (terminate_signals)];
};

G_DEFINE_FINAL_TYPE (CustosApplication, custos_application, ADW_TYPE_APPLICATION)

CustosApplication *
custos_application_new (void)
{
  return g_object_new (CUSTOS_TYPE_APPLICATION,
                       "application-id", APP_ID,
                       "flags", G_APPLICATION_HANDLES_COMMAND_LINE | G_APPLICATION_HANDLES_OPEN,
                       "resource-base-path", APP_PATH,
                       NULL);
}

CustosClock *
custos_application_get_clock (CustosApplication *self)
{
  g_return_val_if_fail (CUSTOS_IS_APPLICATION (self), NULL);
  return self->clock;
}

/* The first frame that counts shows the document, not "Opening…". */
static gboolean
window_shows_document (GtkWindow *window)
{
  return !g_str_equal (custos_window_get_visible_page (CUSTOS_WINDOW (window)), "loading");
}

void
custos_application_open_window (CustosApplication *self,
                                GFile             *file)
{
  CustosWindow *window = file != NULL ? custos_window_find (GTK_APPLICATION (self), file) : NULL;

  /* One window per file, as in every GNOME application: two windows on one
   * file would overwrite each other's changes. */
  if (window != NULL)
    {
      gtk_window_present (GTK_WINDOW (window));
      return;
    }
  window = custos_window_new (GTK_APPLICATION (self), self->clock);
  if (custos_profile_first_frame_wanted ())
    custos_profile_first_frame (GTK_WINDOW (window), window_shows_document);
  /* Shown first, so that a question about the file (it is locked) comes
   * up over the window it belongs to. */
  gtk_window_present (GTK_WINDOW (window));
  if (file != NULL)
    custos_window_load (window, file);
}

static void
recovery_response (AdwMessageDialog  *dialog,
                   const char        *response,
                   CustosApplication *self)
{
  GPtrArray *files = g_object_get_data (G_OBJECT (dialog), "files");

  for (guint i = 0; i < files->len; i++)
    {
      CustosRecoveredFile *file = files->pdata[i];

      if (g_str_equal (response, "recover"))
        {
          CustosWindow *window = custos_window_new (GTK_APPLICATION (self), self->clock);
          custos_window_recover (window, file->copy, file->original);
          gtk_window_present (GTK_WINDOW (window));
        }
      else if (g_str_equal (response, "discard"))
        custos_recovery_discard (file->copy);
    }
}

/* Work a crashed session left unsaved is offered back once, at start. */
void
custos_application_offer_recovery (CustosApplication *self)
{
  g_autoptr(GFile) directory = custos_recovery_get_directory ();
  g_autoptr(GPtrArray) files = NULL;
  g_autoptr(GString) body = NULL;
  GtkWidget *dialog;

  if (self->recovery_offered)
    return;
  self->recovery_offered = TRUE;
  files = custos_recovery_list (directory);
  if (files->len == 0)
    return;

  body = g_string_new (ngettext ("Custos did not close properly, and a document had unsaved changes:",
                                 "Custos did not close properly, and documents had unsaved changes:", files->len));
  for (guint i = 0; i < files->len; i++)
    {
      CustosRecoveredFile *file = files->pdata[i];
      g_autofree char *name = file->original ? g_file_get_basename (file->original) : g_strdup (_("A new document"));
      g_autofree char *when = g_date_time_format (file->written, "%c");
      g_string_append_printf (body, "\n• %s (%s)", name, when);
    }

  dialog = adw_message_dialog_new (gtk_application_get_active_window (GTK_APPLICATION (self)),
                                   _("Recover Unsaved Work?"), body->str);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "later", _("_Later"),
                                    "discard", _("_Discard"),
                                    "recover", _("_Recover"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "discard", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "recover", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "recover");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "later");
  g_object_set_data_full (G_OBJECT (dialog), "files", g_steal_pointer (&files), (GDestroyNotify) g_ptr_array_unref);
  g_signal_connect (dialog, "response", G_CALLBACK (recovery_response), self);
  gtk_window_present (GTK_WINDOW (dialog));
}

static int
custos_application_handle_local_options (GApplication *app,
                                         GVariantDict *options)
{
  return custos_cli_run (options);
}

static int
custos_application_command_line (GApplication            *app,
                                 GApplicationCommandLine *command_line)
{
  CustosApplication *self = CUSTOS_APPLICATION (app);
  GVariantDict *options = g_application_command_line_get_options_dict (command_line);
  g_autofree const char **files = NULL;

  g_variant_dict_lookup (options, G_OPTION_REMAINING, "^a&ay", &files);
  if (files == NULL || files[0] == NULL)
    g_application_activate (app);
  for (guint i = 0; files != NULL && files[i] != NULL; i++)
    {
      /* Not g_application_command_line_create_file_for_arg: it takes
       * "plan:v2.isms" for a URI. */
      g_autoptr(GFile) file = custos_file_new_for_arg (files[i], g_application_command_line_get_cwd (command_line));
      custos_application_open_window (self, file);
    }
  custos_application_offer_recovery (self);
  return 0;
}

static void
custos_application_open (GApplication  *app,
                         GFile        **files,
                         int            n_files,
                         const char    *hint)
{
  for (int i = 0; i < n_files; i++)
    custos_application_open_window (CUSTOS_APPLICATION (app), files[i]);
}

/* The very first start offers the guided first ISMS over the empty window. */
static void
custos_application_activate (GApplication *app)
{
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (app));
  g_autoptr(GSettings) settings = NULL;

  if (window != NULL)
    {
      gtk_window_present (window);
      return;
    }
  custos_application_open_window (CUSTOS_APPLICATION (app), NULL);
  settings = g_settings_new (APP_ID);
  if (g_settings_get_boolean (settings, "first-run"))
    {
      g_settings_set_boolean (settings, "first-run", FALSE);
      g_action_group_activate_action (G_ACTION_GROUP (app), "new-guided", g_variant_new_string (""));
    }
}

static void
on_drafted (CustosDraftAssistant *assistant,
            CustosDocument       *document,
            CustosApplication    *self)
{
  GtkWindow *parent = gtk_window_get_transient_for (GTK_WINDOW (assistant));
  CustosWindow *window;

  /* The empty window of a first start takes the draft; others open a new one. */
  if (CUSTOS_IS_WINDOW (parent) && custos_window_get_file (CUSTOS_WINDOW (parent)) == NULL
      && !custos_document_get_modified (custos_window_get_document (CUSTOS_WINDOW (parent))))
    window = CUSTOS_WINDOW (parent);
  else
    window = custos_window_new (GTK_APPLICATION (self), self->clock);
  custos_window_set_new_document (window, document);
  /* A draft is work: closing asks before it is lost. */
  custos_document_set_modified (document, TRUE);
  gtk_window_present (GTK_WINDOW (window));
}

/* app.new-guided("NAME"): the assistant that drafts a first ISMS. */
static void
new_guided_action (GSimpleAction *action,
                   GVariant      *parameter,
                   gpointer       user_data)
{
  CustosApplication *self = CUSTOS_APPLICATION (user_data);
  GtkWindow *parent = gtk_application_get_active_window (GTK_APPLICATION (self));
  const char *name = g_variant_get_string (parameter, NULL);
  CustosDraftAssistant *assistant = custos_draft_assistant_new (parent, self->clock, *name ? name : NULL);

  g_signal_connect_object (assistant, "drafted", G_CALLBACK (on_drafted), self, 0);
  gtk_window_present (GTK_WINDOW (assistant));
}

static void
new_response (AdwMessageDialog  *dialog,
              const char        *response,
              CustosApplication *self)
{
  GtkEditable *name = g_object_get_data (G_OBJECT (dialog), "name");
  AdwComboRow *edition = g_object_get_data (G_OBJECT (dialog), "edition");
  g_autoptr(CustosDocument) document = NULL;
  CustosWindow *window;
  g_autofree char *text = NULL;

  if (g_str_equal (response, "guided"))
    {
      text = g_strstrip (g_strdup (gtk_editable_get_text (name)));
      g_action_group_activate_action (G_ACTION_GROUP (self), "new-guided", g_variant_new_string (text));
      return;
    }
  if (!g_str_equal (response, "create"))
    return;
  document = custos_document_new (adw_combo_row_get_selected (edition) == 1 ? CUSTOS_EDITION_2013
                                                                             : CUSTOS_EDITION_2022);
  text = g_strstrip (g_strdup (gtk_editable_get_text (name)));
  custos_organisation_set_name (custos_document_get_organisation (document), text);
  /* The empty window the application opened with takes the new document
   * rather than staying behind it. */
  window = CUSTOS_IS_WINDOW (gtk_window_get_transient_for (GTK_WINDOW (dialog))) ?
           CUSTOS_WINDOW (gtk_window_get_transient_for (GTK_WINDOW (dialog))) : NULL;
  if (window == NULL || !custos_window_is_untouched (window))
    window = custos_window_new (GTK_APPLICATION (self), self->clock);
  custos_window_set_new_document (window, document);
  gtk_window_present (GTK_WINDOW (window));
}

/* A new document starts with the two things everything else hangs on. */
static void
new_action (GSimpleAction *action,
            GVariant      *parameter,
            gpointer       user_data)
{
  CustosApplication *self = CUSTOS_APPLICATION (user_data);
  GtkWindow *parent = gtk_application_get_active_window (GTK_APPLICATION (self));
  GtkWidget *dialog, *group, *name, *edition;
  const char *editions[] = { "ISO/IEC 27001:2022", "ISO/IEC 27001:2013", NULL };

  dialog = adw_message_dialog_new (parent, _("New ISMS Document"),
                                   _("Name the organisation whose ISMS this is, and the edition of Annex A it follows. "
                                     "Guided asks a few questions more and drafts a first ISMS for you to review."));
  group = adw_preferences_group_new ();
  name = adw_entry_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (name), _("Organisation name"));
  adw_entry_row_set_activates_default (ADW_ENTRY_ROW (name), TRUE);
  edition = adw_combo_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (edition), _("Annex A edition"));
  adw_combo_row_set_model (ADW_COMBO_ROW (edition), G_LIST_MODEL (gtk_string_list_new (editions)));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), name);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), edition);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), group);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "guided", _("_Guided…"),
                                    "create", _("_Blank"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "create", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "create");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_object_set_data (G_OBJECT (dialog), "name", name);
  g_object_set_data (G_OBJECT (dialog), "edition", edition);
  g_signal_connect (dialog, "response", G_CALLBACK (new_response), self);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
quit_action (GSimpleAction *action,
             GVariant      *parameter,
             gpointer       user_data)
{
  GApplication *app = G_APPLICATION (user_data);
  GList *windows = gtk_application_get_windows (GTK_APPLICATION (app));

  /* Each window asks about its own unsaved changes before it closes. */
  for (GList *l = windows; l != NULL;)
    {
      GtkWindow *window = l->data;
      l = l->next;
      gtk_window_close (window);
    }
}

void
custos_application_terminate (CustosApplication *self)
{
  GList *windows;

  g_return_if_fail (CUSTOS_IS_APPLICATION (self));

  /* Held: destroying a window may destroy a dialog of it further on. */
  windows = g_list_copy (gtk_application_get_windows (GTK_APPLICATION (self)));
  for (GList *l = windows; l != NULL; l = l->next)
    {
      g_object_ref (l->data);
      if (CUSTOS_IS_WINDOW (l->data))
        custos_window_keep_unsaved (l->data);
    }
  for (GList *l = windows; l != NULL; l = l->next)
    gtk_window_destroy (l->data);
  g_list_free_full (windows, g_object_unref);
}

static gboolean
on_terminate_signal (gpointer user_data)
{
  custos_application_terminate (user_data);
  return G_SOURCE_CONTINUE;
}

/* A logout or kill(1) must not lose unsaved work nor leave stale locks;
 * the command line (no window) keeps the signals' default. */
static void
on_window_added (CustosApplication *self)
{
  for (guint i = 0; i < G_N_ELEMENTS (terminate_signals); i++)
    if (self->signal_sources[i] == 0)
      self->signal_sources[i] = g_unix_signal_add (terminate_signals[i], on_terminate_signal, self);
}

static void
about_action (GSimpleAction *action,
              GVariant      *parameter,
              gpointer       user_data)
{
  const char *developers[] = { _("The Custos developers"), NULL };

  adw_show_about_window (gtk_application_get_active_window (GTK_APPLICATION (user_data)),
                         "application-name", _("Custos"),
                         "application-icon", APP_ID,
                         "developer-name", _("The Custos developers"),
                         "version", PACKAGE_VERSION,
                         "comments", _("Build, run and prove an ISO/IEC 27001 information security management system"),
                         "website", "https://github.com/custos/custos",
                         "issue-url", "https://github.com/custos/custos/issues",
                         "developers", developers,
                         "copyright", "© 2026 The Custos developers",
                         "license-type", GTK_LICENSE_GPL_3_0,
                         "translator-credits", _("translator-credits"),
                         NULL);
}

static const GActionEntry app_actions[] = {
  { "new", new_action },
  { "new-guided", new_guided_action, "s" },
  { "quit", quit_action },
  { "about", about_action },
};

static void
custos_application_startup (GApplication *app)
{
  static const struct { const char *action; const char *accels[3]; } accels[] = {
    { "app.new", { "<Control>n", NULL } },
    { "app.quit", { "<Control>q", NULL } },
    { "win.open", { "<Control>o", NULL } },
    { "win.save", { "<Control>s", NULL } },
    { "win.save-as", { "<Control><Shift>s", NULL } },
    { "win.export", { "<Control>e", NULL } },
    { "win.import", { "<Control>i", NULL } },
    { "win.print('pack')", { "<Control>p", NULL } },
    { "win.print-preview('pack')", { "<Control><Shift>p", NULL } },
    { "win.show-help-overlay", { "<Control>question", NULL } },
    { "window.close", { "<Control>w", NULL } },
  };

  CustosApplication *self = CUSTOS_APPLICATION (app);
  g_autoptr(GError) error = NULL;

  G_APPLICATION_CLASS (custos_application_parent_class)->startup (app);

  /* One clock for every window: CUSTOS_TODAY pins it, as on the command line. */
  self->clock = custos_clock_new_from_environment (&error);
  if (self->clock == NULL)
    {
      g_printerr ("%s\n", error->message);
      self->clock = custos_clock_new_system ();
    }

  g_signal_connect (app, "window-added", G_CALLBACK (on_window_added), NULL);
  g_action_map_add_action_entries (G_ACTION_MAP (app), app_actions, G_N_ELEMENTS (app_actions), app);
  for (guint i = 0; i < G_N_ELEMENTS (accels); i++)
    gtk_application_set_accels_for_action (GTK_APPLICATION (app), accels[i].action, accels[i].accels);
}

static void
custos_application_dispose (GObject *object)
{
  CustosApplication *self = CUSTOS_APPLICATION (object);

  g_clear_object (&self->clock);
  for (guint i = 0; i < G_N_ELEMENTS (self->signal_sources); i++)
    g_clear_handle_id (&self->signal_sources[i], g_source_remove);

  G_OBJECT_CLASS (custos_application_parent_class)->dispose (object);
}

static void
custos_application_class_init (CustosApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  object_class->dispose = custos_application_dispose;

  /* Once per process: GtkRecentManager needs it, and GLib allows one call. */
  g_set_application_name (_("Custos"));

  app_class->handle_local_options = custos_application_handle_local_options;
  app_class->command_line = custos_application_command_line;
  app_class->open = custos_application_open;
  app_class->activate = custos_application_activate;
  app_class->startup = custos_application_startup;
}

static void
custos_application_init (CustosApplication *self)
{
  g_application_add_main_option_entries (G_APPLICATION (self), custos_cli_get_option_entries ());
  g_application_set_option_context_summary (G_APPLICATION (self),
                                            _("Manage an ISO/IEC 27001 information security management system."));
}
