/* SPDX-License-Identifier: GPL-3.0-or-later */
/* custos-window.c — a window on one ISMS document: clause sidebar and pages
 *
 * The pages are Builder files (ui/pages/NAME.ui) made of the shared register
 * view and record editor; the window hands them the document. Actions are the
 * only verbs: the menus, buttons, shortcuts and the tests all use them.
 */
#include "config.h"

#include <glib/gi18n.h>
#include <stdlib.h>
#include <string.h>

#include "custos-csv.h"
#include "custos-date.h"
#include "custos-escape.h"
#include "custos-evidence-check.h"
#include "custos-evidence-file.h"
#include "custos-asset-risks.h"
#include "custos-audit-page.h"
#include "custos-compare.h"
#include "custos-criteria-editor.h"
#include "custos-export.h"
#include "custos-field-format.h"
#include "custos-file.h"
#include "custos-history.h"
#include "custos-import-dialog.h"
#include "custos-issue.h"
#include "custos-lock.h"
#include "custos-merge.h"
#include "custos-migration-dialog.h"
#include "custos-monitoring-page.h"
#include "custos-nc-page.h"
#include "custos-overview-page.h"
#include "custos-pages.h"
#include "custos-print-preview.h"
#include "custos-readiness-page.h"
#include "custos-recovery.h"
#include "custos-record-editor.h"
#include "custos-register-view.h"
#include "custos-review-page.h"
#include "custos-risks-page.h"
#include "custos-sheet.h"
#include "custos-soa-page.h"
#include "custos-treatment-page.h"
#include "custos-window.h"

typedef struct
{
  const char *name;     /* page and action target */
  const char *label;
  const char *clause;   /* shown before the label; NULL for none */
  gboolean    indented; /* a part of clause 6 */
  gboolean    header;   /* a heading, not a page */
} PageInfo;

static const PageInfo page_infos[] = {
  { "overview", NC_("sidebar", "Overview"), NULL, FALSE, FALSE },
  { "context", NC_("sidebar", "Context"), "4", FALSE, FALSE },
  { "leadership", NC_("sidebar", "Leadership"), "5", FALSE, FALSE },
  { "planning", NC_("sidebar", "Planning"), "6", FALSE, TRUE },
  { "assets", NC_("sidebar", "Assets"), NULL, TRUE, FALSE },
  { "risks", NC_("sidebar", "Risks"), NULL, TRUE, FALSE },
  { "treatment", NC_("sidebar", "Treatment Plan"), NULL, TRUE, FALSE },
  { "soa", NC_("sidebar", "Statement of Applicability"), NULL, TRUE, FALSE },
  { "objectives", NC_("sidebar", "Objectives"), NULL, TRUE, FALSE },
  { "support", NC_("sidebar", "Support"), "7", FALSE, FALSE },
  { "operation", NC_("sidebar", "Operation"), "8", FALSE, FALSE },
  { "performance", NC_("sidebar", "Performance Evaluation"), "9", FALSE, FALSE },
  { "improvement", NC_("sidebar", "Improvement"), "10", FALSE, FALSE },
  { "readiness", NC_("sidebar", "Readiness"), NULL, FALSE, FALSE },
};

struct _CustosWindow
{
  AdwApplicationWindow  parent_instance;

  CustosDocument       *document;
  CustosHistory        *history;
  CustosClock          *clock;        /* today, for every page */
  GFile                *file;
  char                 *etag;         /* the version on disk the document was loaded from or saved as */
  GFile                *pending_file; /* being loaded or saved */
  CustosLock           *lock;         /* our lock file beside file, if we could take it */
  CustosLock           *pending_lock; /* taken for pending_file */
  gboolean              read_only;    /* someone else holds the lock: saving goes to Save As */
  CustosLockOwner      *holder;       /* … who (NULL when the lock file does not say) */
  gboolean              pending_read_only;
  CustosLockOwner      *pending_holder;
  GFileMonitor         *monitor;      /* on file, for changes made by others */
  guint                 check_id;     /* a look at the file on disk is scheduled */
  gboolean              changed_on_disk;
  gboolean              deleted_on_disk;
  GCancellable         *cancellable;
  GSettings            *settings;
  CustosRecovery       *recovery;     /* copy of unsaved work, for crashes */
  guint                 autosave_id;
  gboolean              recovering;   /* the file being loaded is a recovery copy … */
  GFile                *recover_as;   /* … of this original (NULL: a new document) */
  gboolean              busy;
  gboolean              close_after_save;
  GPtrArray            *builders;     /* one per page built from ui/pages, as they are shown */
  GHashTable           *evidence_unread; /* ids of evidence whose file to read quietly */
  gboolean              evidence_read_all; /* … or every item's */
  guint                 evidence_idle_id;
  guint                 evidence_reads;    /* readings under way */
  gboolean              applying_evidence; /* a reading's result is being recorded */

  /* template children */
  AdwLeaflet           *leaflet;
  AdwHeaderBar         *content_header;
  GtkWidget            *history_buttons;
  GtkActionBar         *bottom_bar;
  GtkListBox           *sidebar;
  AdwWindowTitle       *window_title;
  GtkRevealer          *banner;
  GtkLabel             *banner_label;
  GtkButton            *banner_primary;
  GtkButton            *banner_secondary;
  AdwToastOverlay      *toast_overlay;
  GtkStack             *stack;
  CustosOverviewPage   *overview_page;
  GMenu                *recent_menu;
  guint                 recent_idle_id;
};

G_DEFINE_FINAL_TYPE (CustosWindow, custos_window, ADW_TYPE_APPLICATION_WINDOW)

enum {
  PROP_0,
  PROP_CLOCK,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* Evidence files, below. */
static void read_evidence_quietly (CustosWindow *self,
                                   const char   *id);
static void on_field_changed      (CustosWindow *self,
                                   CustosRecord *record,
                                   GParamSpec   *pspec);
static void on_record_inserted    (CustosWindow *self,
                                   int           reg,
                                   guint         position,
                                   CustosRecord *record);

static char *
document_name (CustosWindow *self)
{
  const char *org;

  if (self->file != NULL)
    return g_file_get_basename (self->file);
  org = custos_organisation_get_name (custos_document_get_organisation (self->document));
  return g_strdup (org != NULL ? org : _("Untitled ISMS"));
}

static void
update_title (CustosWindow *self)
{
  g_autofree char *name = document_name (self);
  g_autofree char *title = NULL;
  g_autofree char *window_title = NULL;
  g_autofree char *subtitle = NULL;

  /* The bullet is the modified mark GNOME applications use. */
  title = custos_document_get_modified (self->document) ? g_strdup_printf ("• %s", name) : g_strdup (name);
  adw_window_title_set_title (self->window_title, title);
  if (self->file != NULL)
    {
      g_autoptr(GFile) parent = g_file_get_parent (self->file);
      g_autofree char *folder = parent ? g_file_get_parse_name (parent) : g_strdup ("");

      /* Translators: the subtitle of a document someone else has open */
      subtitle = self->read_only ? g_strdup_printf (_("%s — read-only"), folder) : g_steal_pointer (&folder);
    }
  adw_window_title_set_subtitle (self->window_title, subtitle ? subtitle : "");
  window_title = g_strdup_printf (_("%s — Custos"), title);
  gtk_window_set_title (GTK_WINDOW (self), window_title);
}

static void
set_banner_button (GtkButton  *button,
                   const char *label,
                   const char *action)
{
  gtk_widget_set_visible (GTK_WIDGET (button), label != NULL);
  if (label == NULL)
    return;
  gtk_button_set_label (button, label);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), action);
}

/* The banner under the header bar: read-only, changed or gone on disk,
 * merge conflicts to resolve. */
static void
update_banner (CustosWindow *self)
{
  g_autofree char *text = NULL;
  const char *primary = NULL, *primary_action = NULL, *secondary = NULL;
  gboolean warning = TRUE;

  if (self->read_only)
    {
      g_autofree char *who = self->holder != NULL ? custos_lock_owner_describe (self->holder) : NULL;

      if (who != NULL && self->holder->since != NULL)
        text = g_strdup_printf (_("Read-only: %s has had this document open since %s. Use Save As to keep your changes."),
                                who, self->holder->since);
      else
        text = g_strdup (_("Read-only: someone else has this document open. Use Save As to keep your changes."));
      primary = _("Save _As…");
      primary_action = "win.save-as";
      warning = FALSE;
    }
  else if (self->deleted_on_disk)
    {
      text = g_strdup (_("The file was deleted or moved on disk. Save to write it again."));
      primary = _("_Save");
      primary_action = "win.save";
    }
  else if (self->changed_on_disk && custos_document_get_modified (self->document))
    {
      text = g_strdup (_("The file was changed on disk by someone else, and you have unsaved changes. "
                         "Saving will ask before it overwrites their version."));
      primary = _("_Reload");
      primary_action = "win.revert";
      secondary = _("Save _As…");
    }
  else if (self->changed_on_disk)
    {
      text = g_strdup (_("The file was changed on disk by someone else."));
      primary = _("_Reload");
      primary_action = "win.reload";
    }
  else if (custos_document_count (self->document, CUSTOS_REGISTER_MERGE_CONFLICTS) > 0)
    {
      guint n = custos_document_count (self->document, CUSTOS_REGISTER_MERGE_CONFLICTS);

      text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                           "%u merge conflict: both sides of a merge changed the same field.",
                                           "%u merge conflicts: both sides of a merge changed the same fields.", n),
                              n);
      primary = _("_Resolve…");
      primary_action = "win.resolve-conflicts";
    }

  if (text != NULL)
    {
      gtk_label_set_text (self->banner_label, text);
      set_banner_button (self->banner_primary, primary, primary_action);
      set_banner_button (self->banner_secondary, secondary, "win.save-as");
      if (warning)
        gtk_widget_add_css_class (GTK_WIDGET (self->banner), "warning");
      else
        gtk_widget_remove_css_class (GTK_WIDGET (self->banner), "warning");
    }
  gtk_revealer_set_reveal_child (self->banner, text != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.resolve-conflicts",
                                 custos_document_count (self->document, CUSTOS_REGISTER_MERGE_CONFLICTS) > 0);
}

static void
update_undo_actions (CustosWindow *self)
{
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.undo", custos_history_can_undo (self->history));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.redo", custos_history_can_redo (self->history));
}

static void
on_modified_changed (CustosDocument *document,
                     GParamSpec     *pspec,
                     CustosWindow   *self)
{
  update_title (self);
  update_banner (self);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.revert",
                                 self->file != NULL && custos_document_get_modified (document));
}

static gboolean
autosave (gpointer user_data)
{
  CustosWindow *self = user_data;

  self->autosave_id = 0;
  if (custos_document_get_modified (self->document))
    custos_recovery_write (self->recovery, self->document);
  return G_SOURCE_REMOVE;
}

void
custos_window_keep_unsaved (CustosWindow *self)
{
  g_return_if_fail (CUSTOS_IS_WINDOW (self));

  if (self->recovery == NULL || self->document == NULL || !custos_document_get_modified (self->document))
    return;
  g_clear_handle_id (&self->autosave_id, g_source_remove);
  custos_recovery_write_now (self->recovery, self->document);
  /* Let go of it without clearing it: dispose clears what it still holds. */
  g_clear_object (&self->recovery);
}

/* Unsaved work is copied to the recovery directory a little after each
 * burst of edits (GSettings autosave-interval; 0 turns it off). */
static void
on_document_changed (CustosWindow *self)
{
  guint interval = g_settings_get_uint (self->settings, "autosave-interval");

  if (interval > 0 && self->autosave_id == 0)
    self->autosave_id = g_timeout_add_seconds (interval, autosave, self);
}

/* Calls give (widget, data) on widget and every widget below it. */
static void
for_each_widget (GtkWidget *widget,
                 void     (*give) (GtkWidget *widget,
                                   gpointer   data),
                 gpointer   data)
{
  give (widget, data);
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    for_each_widget (child, give, data);
}

/* Hands the document to a widget of a page that takes one. */
static void
give_document (GtkWidget *widget,
               gpointer   document)
{
  if (CUSTOS_IS_REGISTER_VIEW (widget) || CUSTOS_IS_OVERVIEW_PAGE (widget) || CUSTOS_IS_READINESS_PAGE (widget) ||
      CUSTOS_IS_RISKS_PAGE (widget) || CUSTOS_IS_SOA_PAGE (widget) ||
      CUSTOS_IS_MONITORING_PAGE (widget) || CUSTOS_IS_AUDIT_PAGE (widget) ||
      CUSTOS_IS_REVIEW_PAGE (widget) || CUSTOS_IS_NC_PAGE (widget) || CUSTOS_IS_TREATMENT_PAGE (widget))
    g_object_set (widget, "document", document, NULL);
}

/* Hands the clock to a widget of the pages that follows one. */
static void
give_clock (GtkWidget *widget,
            gpointer   clock)
{
  if (g_object_class_find_property (G_OBJECT_GET_CLASS (widget), "clock") != NULL)
    g_object_set (widget, "clock", clock, NULL);
}

static void
set_clock (CustosWindow *self,
           CustosClock  *clock)
{
  if (custos_clock_watch (&self->clock, clock, NULL, self))
    for_each_widget (GTK_WIDGET (self->stack), give_clock, self->clock);
}

/* A window left open overnight, or a machine woken from sleep: the date is
 * read again whenever the window becomes active. */
static void
on_active_changed (CustosWindow *self)
{
  if (gtk_window_is_active (GTK_WINDOW (self)))
    custos_clock_refresh (self->clock);
}

/* The builder of a page built from ui/pages, NULL for the readiness page. */
static GtkBuilder *
builder_of (CustosWindow *self,
            GtkWidget    *page)
{
  for (guint b = 0; b < self->builders->len; b++)
    if (gtk_builder_get_object (self->builders->pdata[b], "page") == G_OBJECT (page))
      return self->builders->pdata[b];
  return NULL;
}

static void
bind_page (CustosWindow *self,
           GtkWidget    *page)
{
  GtkBuilder *builder = builder_of (self, page);

  /* Section forms are named after their section in the page files. */
  for (guint s = 0; builder != NULL && s < CUSTOS_N_SECTIONS; s++)
    {
      GObject *editor = gtk_builder_get_object (builder, custos_kinds_section (s)->name);
      if (CUSTOS_IS_RECORD_EDITOR (editor))
        g_object_set (editor, "document", self->document,
                      "record", custos_document_get_section (self->document, s), NULL);
    }
  for_each_widget (page, give_document, self->document);
}

/* The overview is part of the window; the other pages are built the first
 * time they are shown, so that neither the first frame nor loading a
 * document costs the widgets of pages nobody looks at. */
static void
bind_pages (CustosWindow *self)
{
  for (GtkWidget *page = gtk_widget_get_first_child (GTK_WIDGET (self->stack)); page != NULL;
       page = gtk_widget_get_next_sibling (page))
    bind_page (self, page);
}

/* The page called name, built and bound if it was not yet; NULL if there is
 * no such page. */
static GtkWidget *
ensure_page (CustosWindow *self,
             const char   *name)
{
  GtkWidget *page = gtk_stack_get_child_by_name (self->stack, name);
  g_autofree char *path = NULL;
  GtkBuilder *builder;

  if (page != NULL)
    return page;
  if (g_str_equal (name, "readiness"))
    page = g_object_new (CUSTOS_TYPE_READINESS_PAGE, NULL);
  else
    {
      path = g_strdup_printf (APP_PATH "/ui/pages/%s.ui", name);
      if (!g_resources_get_info (path, G_RESOURCE_LOOKUP_FLAGS_NONE, NULL, NULL, NULL))
        return NULL;
      builder = gtk_builder_new_from_resource (path);
      page = GTK_WIDGET (gtk_builder_get_object (builder, "page"));
      g_ptr_array_add (self->builders, builder);
    }
  gtk_stack_add_named (self->stack, page, name);
  for_each_widget (page, give_clock, self->clock);
  bind_page (self, page);
  return page;
}

/* Only a 2013 document can be migrated (to 2022). */
static void
update_migrate_action (CustosWindow *self)
{
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.migrate",
                                 custos_document_get_edition (self->document) == CUSTOS_EDITION_2013);
}

static void
set_document (CustosWindow   *self,
              CustosDocument *document,
              GFile          *file)
{
  if (self->document != NULL)
    g_signal_handlers_disconnect_by_data (self->document, self);
  if (self->history != NULL)
    g_signal_handlers_disconnect_by_data (self->history, self);
  g_set_object (&self->document, document);
  g_set_object (&self->file, file);
  /* Readiness counts only evidence whose file is there: read them all once the window is up. */
  read_evidence_quietly (self, NULL);
  g_clear_object (&self->history);
  self->history = custos_history_new (document);
  if (self->recovery != NULL)
    custos_recovery_clear (self->recovery);
  g_clear_object (&self->recovery);
  {
    g_autoptr(GFile) directory = custos_recovery_get_directory ();
    self->recovery = custos_recovery_new (directory, file);
  }
  g_signal_connect_object (document, "changed", G_CALLBACK (on_document_changed), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (document, "field-changed", G_CALLBACK (on_field_changed), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (document, "inserted", G_CALLBACK (on_record_inserted), self, G_CONNECT_SWAPPED);

  g_signal_connect_object (document, "notify::modified", G_CALLBACK (on_modified_changed), self, 0);
  g_signal_connect_object (document, "notify::edition", G_CALLBACK (update_migrate_action), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (custos_document_get_register (document, CUSTOS_REGISTER_MERGE_CONFLICTS), "items-changed",
                           G_CALLBACK (update_banner), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->history, "notify::can-undo", G_CALLBACK (update_undo_actions), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->history, "notify::can-redo", G_CALLBACK (update_undo_actions), self, G_CONNECT_SWAPPED);
  bind_pages (self);
  update_undo_actions (self);
  update_migrate_action (self);
  on_modified_changed (document, NULL, self);
  if (g_str_equal (gtk_stack_get_visible_child_name (self->stack), "loading"))
    gtk_stack_set_visible_child_name (self->stack, "overview");
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

static gboolean
is_document (GtkRecentInfo *info)
{
  return g_str_has_suffix (gtk_recent_info_get_uri (info), ".isms") ||
         g_strcmp0 (gtk_recent_info_get_mime_type (info), "application/x-custos-isms+xml") == 0;
}

static void
update_recent_menu (CustosWindow *self)
{
  GList *items = gtk_recent_manager_get_items (gtk_recent_manager_get_default ());
  guint n = 0;

  g_menu_remove_all (self->recent_menu);
  for (GList *l = items; l != NULL && n < 10; l = l->next)
    {
      GtkRecentInfo *info = l->data;
      g_autoptr(GMenuItem) item = NULL;

      if (!is_document (info) || !gtk_recent_info_exists (info))
        continue;
      item = g_menu_item_new (gtk_recent_info_get_display_name (info), NULL);
      g_menu_item_set_action_and_target (item, "win.open-uri", "s", gtk_recent_info_get_uri (info));
      g_menu_append_item (self->recent_menu, item);
      n++;
    }
  g_list_free_full (items, (GDestroyNotify) gtk_recent_info_unref);
}

/* The recently used list is a file GTK reads whole and writes back: not
 * before the first frame, which it does not show. */
static gboolean
add_recent_idle (gpointer file)
{
  g_autofree char *uri = g_file_get_uri (file);
  GtkRecentData data = {
    .mime_type = (char *) "application/x-custos-isms+xml",
    .app_name = (char *) g_get_application_name (),
    .app_exec = (char *) "custos %u",
  };

  gtk_recent_manager_add_full (gtk_recent_manager_get_default (), uri, &data);
  return G_SOURCE_REMOVE;
}

static void
remember_recent (GFile *file)
{
  g_idle_add_full (G_PRIORITY_LOW, add_recent_idle, g_object_ref (file), g_object_unref);
}

static gboolean
watch_recent_idle (gpointer user_data)
{
  CustosWindow *self = user_data;

  self->recent_idle_id = 0;
  g_signal_connect_object (gtk_recent_manager_get_default (), "changed",
                           G_CALLBACK (update_recent_menu), self, G_CONNECT_SWAPPED);
  update_recent_menu (self);
  return G_SOURCE_REMOVE;
}

/* The file on disk ------------------------------------------------------------ */

static void save_to (CustosWindow *self,
                     GFile        *file,
                     const char   *etag,
                     CustosLock   *lock);

typedef struct
{
  CustosWindow *self;
  char         *etag; /* what the window believed was on disk when it asked */
} DiskCheck;

static void
schedule_disk_check (CustosWindow *self);

static void
disk_checked (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  DiskCheck *check = user_data;
  g_autoptr(CustosWindow) self = check->self;
  g_autofree char *expected = check->etag;
  g_autoptr(GError) error = NULL;
  g_autofree char *etag = custos_file_query_etag_finish (result, &error);

  g_free (check);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED) || self->file == NULL)
    return;
  /* A load or save finished (or runs) meanwhile: look again afterwards. */
  if (self->busy || g_strcmp0 (expected, self->etag) != 0)
    {
      schedule_disk_check (self);
      return;
    }
  self->deleted_on_disk = g_error_matches (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
  self->changed_on_disk = etag != NULL && g_strcmp0 (etag, self->etag) != 0;
  update_banner (self);
}

static gboolean
check_disk (gpointer user_data)
{
  CustosWindow *self = user_data;
  DiskCheck *check;

  self->check_id = 0;
  /* Our own save changes the file too: its etag is known once it ends. */
  if (self->busy || self->file == NULL)
    {
      if (self->file != NULL)
        schedule_disk_check (self);
      return G_SOURCE_REMOVE;
    }
  check = g_new0 (DiskCheck, 1);
  check->self = g_object_ref (self);
  check->etag = g_strdup (self->etag);
  custos_file_query_etag_async (self->file, self->cancellable, disk_checked, check);
  return G_SOURCE_REMOVE;
}

/* Events come in bursts (a temporary file, a rename): one look after them. */
static void
schedule_disk_check (CustosWindow *self)
{
  if (self->check_id == 0)
    self->check_id = g_timeout_add (250, check_disk, self);
}

static void
on_file_changed (GFileMonitor      *monitor,
                 GFile             *file,
                 GFile             *other_file,
                 GFileMonitorEvent  event,
                 CustosWindow      *self)
{
  schedule_disk_check (self);
}

/* Watches the file (the one a link points to) for changes made by others:
 * a colleague on a share, git, a sync client. */
static void
watch_file (CustosWindow *self)
{
  g_autoptr(GFile) target = NULL;
  g_autoptr(GError) error = NULL;

  if (self->monitor != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->monitor, self);
      g_file_monitor_cancel (self->monitor);
      g_clear_object (&self->monitor);
    }
  self->changed_on_disk = self->deleted_on_disk = FALSE;
  update_banner (self);
  if (self->file == NULL)
    return;
  target = custos_file_resolve (self->file);
  self->monitor = g_file_monitor_file (target, G_FILE_MONITOR_WATCH_MOVES, NULL, &error);
  if (self->monitor == NULL)
    g_debug ("Changes to %s on disk will not be noticed: %s", g_file_peek_path (target), error->message);
  else
    g_signal_connect (self->monitor, "changed", G_CALLBACK (on_file_changed), self);
}

/* The window now shows file as it is on disk (etag), with lock (ours) or
 * read-only (holder has it). */
static void
take_file (CustosWindow    *self,
           GFile           *file,
           const char      *etag,
           CustosLock      *lock,
           gboolean         read_only,
           CustosLockOwner *holder)
{
  g_free (self->etag);
  self->etag = g_strdup (etag);
  g_set_object (&self->lock, lock); /* the lock of another file goes */
  self->read_only = read_only;
  g_clear_pointer (&self->holder, custos_lock_owner_free);
  self->holder = holder;
  /* Saved elsewhere: relative evidence paths now start from another folder. */
  if (self->file != file && (self->file == NULL || file == NULL || !g_file_equal (self->file, file)))
    read_evidence_quietly (self, NULL);
  g_set_object (&self->file, file);
  watch_file (self);
  update_title (self);
}

static void
load_cb (GObject      *source,
         GAsyncResult *result,
         gpointer      user_data)
{
  g_autoptr(CustosWindow) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *etag = NULL;
  g_autoptr(CustosDocument) document = custos_file_load_finish (result, &etag, &error);
  g_autoptr(GFile) file = g_steal_pointer (&self->pending_file);
  g_autoptr(CustosLock) lock = g_steal_pointer (&self->pending_lock);
  g_autoptr(CustosLockOwner) holder = g_steal_pointer (&self->pending_holder);

  self->busy = FALSE;
  if (document == NULL)
    {
      g_autofree char *name = g_file_get_basename (file);

      self->recovering = FALSE;
      g_clear_object (&self->recover_as);
      g_autofree char *heading = g_strdup_printf (_("Could Not Open “%s”"), name);

      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return;
      gtk_stack_set_visible_child_name (self->stack, "overview");
      show_error (self, heading, error->message);
      return;
    }
  if (self->recovering)
    {
      /* A recovered copy: it stands for its original, with unsaved changes. */
      g_autoptr(GFile) original = g_steal_pointer (&self->recover_as);

      self->recovering = FALSE;
      set_document (self, document, original);
      custos_document_set_modified (document, TRUE);
      if (original != NULL)
        {
          /* The original as it is now is what saving will replace. */
          g_autofree char *now = custos_file_query_etag (original, NULL, NULL);
          g_autoptr(GError) lock_error = NULL;
          CustosLockOwner *owner = NULL;
          g_autoptr(CustosLock) own = custos_lock_acquire (original, FALSE, &owner, &lock_error);

          take_file (self, original, now, own, g_error_matches (lock_error, G_IO_ERROR, G_IO_ERROR_BUSY), owner);
        }
      /* The work moves into this window's own recovery copy. */
      custos_recovery_write (self->recovery, document);
      custos_recovery_discard (file);
      return;
    }
  set_document (self, document, file);
  take_file (self, file, etag, lock, self->pending_read_only, g_steal_pointer (&holder));
  remember_recent (file);
}

static void
start_load (CustosWindow    *self,
            GFile           *file,
            CustosLock      *lock,
            gboolean         read_only,
            CustosLockOwner *holder)
{
  self->busy = TRUE;
  g_set_object (&self->pending_file, file);
  g_set_object (&self->pending_lock, lock);
  self->pending_read_only = read_only;
  g_clear_pointer (&self->pending_holder, custos_lock_owner_free);
  self->pending_holder = holder;
  gtk_stack_set_visible_child_name (self->stack, "loading");
  custos_file_load_async (file, self->cancellable, load_cb, g_object_ref (self));
}

static gboolean
destroy_now (gpointer window)
{
  gtk_window_destroy (window);
  return G_SOURCE_REMOVE;
}

/* Closes the window from the response of a dialog on it: only once the
 * dialog is gone, which would otherwise outlive its transient parent and
 * touch it when it closes. */
static void
destroy_after_dialog (CustosWindow *self)
{
  g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, destroy_now, g_object_ref (self), g_object_unref);
}

gboolean
custos_window_is_untouched (CustosWindow *self)
{
  g_return_val_if_fail (CUSTOS_IS_WINDOW (self), FALSE);
  return self->file == NULL && !custos_document_get_modified (self->document) && !self->busy;
}

static void
lock_response (AdwMessageDialog *dialog,
               const char       *response,
               CustosWindow     *self)
{
  GFile *file = g_object_get_data (G_OBJECT (dialog), "file");
  CustosLockOwner *holder = g_object_get_data (G_OBJECT (dialog), "holder");

  if (g_str_equal (response, "read-only"))
    start_load (self, file, NULL, TRUE, custos_lock_owner_copy (holder));
  else if (g_str_equal (response, "anyway"))
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(CustosLock) lock = custos_lock_acquire (file, TRUE, NULL, &error);

      if (lock == NULL)
        g_debug ("Could not take over the lock: %s", error->message);
      start_load (self, file, lock, FALSE, NULL);
    }
  /* Cancelled: a window opened only for this file goes again. */
  else if (custos_window_is_untouched (self) &&
           g_list_length (gtk_application_get_windows (gtk_window_get_application (GTK_WINDOW (self)))) > 1)
    destroy_after_dialog (self);
}

/* Someone else has the file open: say who and since when, and let the user
 * decide, as LibreOffice does. */
static void
ask_about_lock (CustosWindow    *self,
                GFile           *file,
                CustosLockOwner *holder)
{
  g_autofree char *name = g_file_get_basename (file);
  g_autofree char *who = holder != NULL ? custos_lock_owner_describe (holder) : NULL;
  g_autofree char *since = holder != NULL ? custos_escape_unsafe (holder->since) : NULL;
  g_autofree char *body = NULL;
  GtkWidget *dialog;

  if (who != NULL && since != NULL)
    body = g_strdup_printf (_("“%s” is locked for editing by %s since %s.\n\n"
                              "Open it read-only to look at it (you can still save your changes under another name), "
                              "or open it anyway if you are sure nobody is working on it."),
                            name, who, since);
  else
    body = g_strdup_printf (_("“%s” is locked for editing by someone else.\n\n"
                              "Open it read-only to look at it (you can still save your changes under another name), "
                              "or open it anyway if you are sure nobody is working on it."),
                            name);
  dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Document in Use"), body);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "anyway", _("Open _Anyway"),
                                    "read-only", _("Open _Read-Only"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "anyway", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "read-only", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "read-only");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_object_set_data_full (G_OBJECT (dialog), "file", g_object_ref (file), g_object_unref);
  g_object_set_data_full (G_OBJECT (dialog), "holder", holder, (GDestroyNotify) custos_lock_owner_free);
  g_signal_connect_object (dialog, "response", G_CALLBACK (lock_response), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

void
custos_window_load (CustosWindow *self,
                    GFile        *file)
{
  g_autoptr(GError) error = NULL;
  CustosLockOwner *holder = NULL;
  CustosLock *lock;

  g_return_if_fail (CUSTOS_IS_WINDOW (self));
  g_return_if_fail (G_IS_FILE (file));

  /* The same file again (revert, reload): the lock stays as it is. A
   * recovery copy is ours alone: its original is locked once it loads. */
  if (self->recovering || (self->file != NULL && g_file_equal (file, self->file)))
    {
      start_load (self, file, self->lock, self->read_only, custos_lock_owner_copy (self->holder));
      return;
    }
  lock = custos_lock_acquire (file, FALSE, &holder, &error);
  if (lock == NULL && g_error_matches (error, G_IO_ERROR, G_IO_ERROR_BUSY))
    {
      ask_about_lock (self, file, holder);
      return;
    }
  /* No lock for another reason (a read-only folder): opened all the same. */
  if (lock == NULL)
    g_debug ("%s is not locked: %s", g_file_peek_path (file), error->message);
  start_load (self, file, lock, FALSE, NULL);
  g_clear_object (&lock);
}

gboolean
custos_window_shows_file (CustosWindow *self,
                          GFile        *file)
{
  g_autoptr(GFile) target = NULL;
  GFile *shown[] = { self->file, self->busy ? self->pending_file : NULL };

  g_return_val_if_fail (CUSTOS_IS_WINDOW (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  target = custos_file_resolve (file);
  for (guint i = 0; i < G_N_ELEMENTS (shown); i++)
    {
      g_autoptr(GFile) shown_target = shown[i] != NULL ? custos_file_resolve (shown[i]) : NULL;

      if (shown_target != NULL && g_file_equal (shown_target, target))
        return TRUE;
    }
  return FALSE;
}

CustosWindow *
custos_window_find (GtkApplication *application,
                    GFile          *file)
{
  g_return_val_if_fail (GTK_IS_APPLICATION (application), NULL);
  g_return_val_if_fail (G_IS_FILE (file), NULL);

  for (GList *l = gtk_application_get_windows (application); l != NULL; l = l->next)
    if (CUSTOS_IS_WINDOW (l->data) && custos_window_shows_file (l->data, file))
      return l->data;
  return NULL;
}

static void
conflict_response (AdwMessageDialog *dialog,
                   const char       *response,
                   CustosWindow     *self)
{
  if (g_str_equal (response, "keep"))
    {
      save_to (self, self->file, NULL, NULL);
      return;
    }
  self->close_after_save = FALSE;
  if (g_str_equal (response, "reload"))
    custos_window_load (self, self->file);
  else if (g_str_equal (response, "save-as"))
    gtk_widget_activate_action (GTK_WIDGET (self), "win.save-as", NULL);
}

/* The file changed on disk since it was loaded or saved: never overwrite
 * someone else's work without asking. */
static void
ask_about_conflict (CustosWindow *self)
{
  g_autofree char *name = g_file_get_basename (self->file);
  g_autoptr(GFile) backup = custos_file_get_backup (self->file);
  g_autofree char *backup_name = g_file_get_basename (backup);
  g_autofree char *body = NULL;
  GtkWidget *dialog;

  body = g_strdup_printf (_("“%s” was changed on disk by someone else since you opened it. Saving now would overwrite "
                            "their changes.\n\nReload to work on their version (your unsaved changes are lost), keep "
                            "yours (their version is kept as %s), or save yours under another name."),
                          name, backup_name);
  dialog = adw_message_dialog_new (GTK_WINDOW (self), _("File Changed on Disk"), body);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "reload", _("_Reload"),
                                    "keep", _("_Keep Mine"),
                                    "save-as", _("Save _As…"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "reload", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "save-as", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "save-as");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect_object (dialog, "response", G_CALLBACK (conflict_response), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
save_cb (GObject      *source,
         GAsyncResult *result,
         gpointer      user_data)
{
  g_autoptr(CustosWindow) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *etag = NULL;
  g_autoptr(GFile) file = g_steal_pointer (&self->pending_file);
  g_autoptr(CustosLock) lock = g_steal_pointer (&self->pending_lock);
  gboolean same;

  self->busy = FALSE;
  same = custos_window_shows_file (self, file);
  if (!custos_file_save_finish (result, &etag, &error))
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_WRONG_ETAG))
        {
          self->changed_on_disk = TRUE;
          update_banner (self);
          ask_about_conflict (self);
          return;
        }
      self->close_after_save = FALSE;
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        show_error (self, _("Could Not Save the Document"), error->message);
      return;
    }
  /* Saved in place: our lock stays. Saved as another file: its lock (if it
   * could be taken) replaces ours on the old one. */
  take_file (self, file, etag, same && lock == NULL ? self->lock : lock, FALSE, NULL);
  custos_recovery_set_original (self->recovery, file);
  custos_recovery_clear (self->recovery);
  remember_recent (file);
  custos_history_seal (self->history);
  if (self->close_after_save)
    gtk_window_destroy (GTK_WINDOW (self));
  else
    adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (_("Document saved")));
}

/* Saves to file, replacing only the version etag (NULL: whatever is there,
 * which the user confirmed); lock is the lock taken for a new file. */
static void
save_to (CustosWindow *self,
         GFile        *file,
         const char   *etag,
         CustosLock   *lock)
{
  g_set_object (&self->pending_file, file);
  g_set_object (&self->pending_lock, lock);
  self->busy = TRUE;
  custos_file_save_async (self->document, file, etag, self->cancellable, save_cb, g_object_ref (self));
}

static CustosWindow *
find_other_window (CustosWindow *self,
                   GFile        *file)
{
  CustosWindow *window = custos_window_find (gtk_window_get_application (GTK_WINDOW (self)), file);

  return window != self ? window : NULL;
}

/* Save As: a file the user chose, and confirmed replacing if it exists. */
static void
save_as (CustosWindow *self,
         GFile        *file)
{
  g_autofree char *name = g_file_get_basename (file);
  g_autoptr(GError) error = NULL;
  g_autoptr(CustosLock) lock = NULL;
  CustosLockOwner *holder = NULL;

  if (find_other_window (self, file) != NULL)
    {
      g_autofree char *body = g_strdup_printf (_("“%s” is open in another window. Choose another name, or close it there first."),
                                               name);
      self->close_after_save = FALSE;
      show_error (self, _("Could Not Save the Document"), body);
      return;
    }
  /* Our own file again: we hold its lock already. */
  if (self->lock != NULL && custos_window_shows_file (self, file))
    {
      save_to (self, file, NULL, NULL);
      return;
    }
  lock = custos_lock_acquire (file, FALSE, &holder, &error);
  if (lock == NULL && g_error_matches (error, G_IO_ERROR, G_IO_ERROR_BUSY))
    {
      g_autoptr(CustosLockOwner) owner = holder;
      g_autofree char *who = owner != NULL ? custos_lock_owner_describe (owner) : g_strdup (_("someone else"));
      g_autofree char *body = g_strdup_printf (_("“%s” is open by %s. Choose another name."), name, who);

      self->close_after_save = FALSE;
      show_error (self, _("Could Not Save the Document"), body);
      return;
    }
  save_to (self, file, NULL, lock);
}

/* Saves to the file a URI names, as Save As does once the user chose it
 * (and confirmed replacing it). */
static void
save_as_uri_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  CustosWindow *self = CUSTOS_WINDOW (widget);
  g_autoptr(GFile) file = g_file_new_for_uri (g_variant_get_string (parameter, NULL));

  if (!self->busy)
    save_as (self, file);
}

static void
save_as_response (GtkNativeDialog *dialog,
                  int              response,
                  CustosWindow    *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
      g_autofree char *uri = g_file_get_uri (file);

      gtk_widget_activate_action (GTK_WIDGET (self), "win.save-as-uri", "s", uri);
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
  /* Read-only: someone else has the file; the changes go to another one. */
  if (self->file == NULL || self->read_only)
    gtk_widget_activate_action (widget, "win.save-as", NULL);
  else
    save_to (self, self->file, self->etag, NULL);
}

/* A file open in a window already: that window comes to the front. A window
 * that holds an untouched new document is reused. */
static void
open_file (CustosWindow *self,
           GFile        *file)
{
  GtkApplication *app = gtk_window_get_application (GTK_WINDOW (self));
  CustosWindow *existing = custos_window_find (app, file);

  if (existing != NULL)
    gtk_window_present (GTK_WINDOW (existing));
  else if (custos_window_is_untouched (self))
    custos_window_load (self, file);
  else
    g_application_open (G_APPLICATION (app), &file, 1, "");
}

static void
open_response (GtkNativeDialog *dialog,
               int              response,
               CustosWindow    *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
      open_file (self, file);
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
open_uri_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  g_autoptr(GFile) file = g_file_new_for_uri (g_variant_get_string (parameter, NULL));

  open_file (CUSTOS_WINDOW (widget), file);
}

/* The version on disk, in place of this one (the banner offers it when
 * someone else changed the file). */
static void
reload_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  CustosWindow *self = CUSTOS_WINDOW (widget);

  if (self->file == NULL || self->busy)
    return;
  if (custos_document_get_modified (self->document))
    gtk_widget_activate_action (widget, "win.revert", NULL);
  else
    custos_window_load (self, self->file);
}

static void
revert_response (AdwMessageDialog *dialog,
                 const char       *response,
                 CustosWindow     *self)
{
  if (g_str_equal (response, "revert") && self->file != NULL)
    custos_window_load (self, self->file);
}

static void
revert_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  CustosWindow *self = CUSTOS_WINDOW (widget);
  GtkWidget *dialog;

  if (self->file == NULL)
    return;
  dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Revert to the Saved Document?"),
                                   _("The changes since the document was last saved will be lost."));
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "revert", _("_Revert"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "revert", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect (dialog, "response", G_CALLBACK (revert_response), self);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
undo_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  custos_history_undo (CUSTOS_WINDOW (widget)->history);
}

static void
redo_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  custos_history_redo (CUSTOS_WINDOW (widget)->history);
}

/* win.apply-control (id): a control chosen to treat a risk belongs in the
 * Statement of Applicability (6.1.3 d). The change undoes with the choice
 * that caused it: the risk editor activates this right after the choice. */
static void
apply_control_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  CustosWindow *self = CUSTOS_WINDOW (widget);
  const char *id = g_variant_get_string (parameter, NULL);
  CustosRecord *record = custos_document_lookup (self->document, CUSTOS_REGISTER_SOA, id);
  CustosSoaEntry *entry = record != NULL ? CUSTOS_SOA_ENTRY (record) : NULL;
  g_autofree char *cited = NULL;
  g_autofree char *text = NULL;
  AdwToast *toast;

  if (entry == NULL || custos_soa_entry_get_applicable (entry) == CUSTOS_APPLICABILITY_APPLICABLE)
    return;

  custos_history_begin_join (self->history);
  if (custos_soa_entry_get_applicable (entry) == CUSTOS_APPLICABILITY_UNDECIDED
      && custos_soa_entry_get_implementation (entry) == CUSTOS_IMPLEMENTATION_NOT_IMPLEMENTED)
    custos_soa_entry_set_implementation (entry, CUSTOS_IMPLEMENTATION_PLANNED);
  custos_soa_entry_set_reasons (entry, custos_soa_entry_get_reasons (entry) | CUSTOS_REASON_RISK_TREATMENT);
  custos_soa_entry_set_applicable (entry, CUSTOS_APPLICABILITY_APPLICABLE);
  custos_history_end_group (self->history);

  cited = custos_control_cite (id);
  /* TRANSLATORS: a toast; %s is an Annex A control, e.g. "A.8.7" */
  text = g_strdup_printf (_("%s is now applicable in the Statement of Applicability"), cited);
  toast = adw_toast_new (text);
  adw_toast_set_button_label (toast, _("_Undo"));
  adw_toast_set_action_name (toast, "win.undo");
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

static void
export_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  CustosWindow *self = CUSTOS_WINDOW (widget);

  custos_export_present (GTK_WINDOW (self), self->document, self->file, self->clock);
}

/* Issue this version (7.5.3) ------------------------------------------------ */

/* win.issue-version (version, approver): records the revision, freezes the
 * document beside its file and saves it, as custos --issue does. */
static void
issue_version_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  CustosWindow *self = CUSTOS_WINDOW (widget);
  g_autoptr(GError) error = NULL;
  g_autofree char *new_etag = NULL;
  const char *version, *approver;
  char date[CUSTOS_DATE_ISO_SIZE];
  GDate today;

  g_variant_get (parameter, "(&s&s)", &version, &approver);
  if (self->busy)
    return;
  if (self->file == NULL || self->read_only)
    {
      show_error (self, _("Could Not Issue the Document"),
                  _("Only a document saved in a file you can change can be issued: save it first."));
      return;
    }
  if (self->clock != NULL)
    today = *custos_clock_get_today (self->clock);
  else
    custos_clock_get_local_date (&today);
  custos_date_format_iso (&today, date);
  if (!custos_issue_document (self->document, self->file, self->etag, &new_etag, version, approver, NULL, date,
                              NULL, &error))
    {
      show_error (self, _("Could Not Issue the Document"), error->message);
      return;
    }
  take_file (self, self->file, new_etag, self->lock, FALSE, NULL);
  custos_recovery_clear (self->recovery);
  custos_history_seal (self->history);
  {
    g_autofree char *text = g_strdup_printf (_("Version %s issued"), version);
    adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (text));
  }
}

/* "1.3" after "1.2": the last number, plus one. */
static char *
next_version (CustosDocument *document)
{
  CustosRecord *latest = custos_document_get_latest_revision (document);
  const char *version = latest ? custos_revision_get_version (CUSTOS_REVISION (latest)) : NULL;
  const char *digits;
  gsize prefix;

  if (version == NULL)
    return g_strdup ("1.0");
  for (digits = version + strlen (version); digits > version && g_ascii_isdigit (digits[-1]); digits--)
    ;
  if (*digits == '\0')
    return g_strconcat (version, ".1", NULL);
  prefix = (gsize) (digits - version);
  return g_strdup_printf ("%.*s%lu", (int) prefix, version, strtoul (digits, NULL, 10) + 1);
}

static void
issue_response (AdwMessageDialog *dialog,
                const char       *response,
                CustosWindow     *self)
{
  AdwEntryRow *version = g_object_get_data (G_OBJECT (dialog), "version");
  AdwEntryRow *approver = g_object_get_data (G_OBJECT (dialog), "approver");

  if (g_str_equal (response, "issue"))
    gtk_widget_activate_action (GTK_WIDGET (self), "win.issue-version", "(ss)",
                                gtk_editable_get_text (GTK_EDITABLE (version)),
                                gtk_editable_get_text (GTK_EDITABLE (approver)));
}

static void
issue_entries_changed (GtkEditable      *editable,
                       AdwMessageDialog *dialog)
{
  GtkEditable *version = g_object_get_data (G_OBJECT (dialog), "version");
  GtkEditable *approver = g_object_get_data (G_OBJECT (dialog), "approver");
  g_autofree char *v = g_strstrip (g_strdup (gtk_editable_get_text (version)));
  g_autofree char *a = g_strstrip (g_strdup (gtk_editable_get_text (approver)));

  adw_message_dialog_set_response_enabled (dialog, "issue", *v != '\0' && *a != '\0');
}

/* win.issue: asks for the version and who approves it. */
static void
issue_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  CustosWindow *self = CUSTOS_WINDOW (widget);
  g_autofree char *suggested = next_version (self->document);
  GtkWidget *dialog, *list, *version, *approver;

  dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Issue This Version?"),
                                   _("The document is recorded in the revision history as approved and kept "
                                     "exactly as it is now, so that its reports can be made again unchanged. "
                                     "Reports of later changes are marked as drafts."));
  list = gtk_list_box_new ();
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "boxed-list");
  version = adw_entry_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (version), _("Version"));
  gtk_editable_set_text (GTK_EDITABLE (version), suggested);
  approver = adw_entry_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (approver), _("Approved by"));
  gtk_list_box_append (GTK_LIST_BOX (list), version);
  gtk_list_box_append (GTK_LIST_BOX (list), approver);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), list);
  g_object_set_data (G_OBJECT (dialog), "version", version);
  g_object_set_data (G_OBJECT (dialog), "approver", approver);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "issue", _("_Issue"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "issue", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_response_enabled (ADW_MESSAGE_DIALOG (dialog), "issue", FALSE);
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect (version, "changed", G_CALLBACK (issue_entries_changed), dialog);
  g_signal_connect (approver, "changed", G_CALLBACK (issue_entries_changed), dialog);
  g_signal_connect_object (dialog, "response", G_CALLBACK (issue_response), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
compare_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  CustosWindow *self = CUSTOS_WINDOW (widget);

  gtk_window_present (GTK_WINDOW (custos_compare_dialog_new (GTK_WINDOW (self), self->document, self->file)));
}

/* A git revision of the document ("HEAD~1", a commit), or another file (a
 * URI): its changes until now. */
static void
compare_revision_action (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *parameter)
{
  CustosWindow *self = CUSTOS_WINDOW (widget);
  CustosCompareDialog *dialog = custos_compare_dialog_new (GTK_WINDOW (self), self->document, self->file);

  gtk_window_present (GTK_WINDOW (dialog));
  custos_compare_dialog_load (dialog, NULL, g_variant_get_string (parameter, NULL));
}

static void
compare_uri_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  CustosWindow *self = CUSTOS_WINDOW (widget);
  g_autoptr(GFile) file = g_file_new_for_uri (g_variant_get_string (parameter, NULL));
  CustosCompareDialog *dialog = custos_compare_dialog_new (GTK_WINDOW (self), self->document, self->file);

  gtk_window_present (GTK_WINDOW (dialog));
  custos_compare_dialog_load (dialog, file, NULL);
}

static void
resolve_conflicts_action (GtkWidget  *widget,
                          const char *action_name,
                          GVariant   *parameter)
{
  CustosWindow *self = CUSTOS_WINDOW (widget);

  gtk_window_present (GTK_WINDOW (custos_conflicts_dialog_new (GTK_WINDOW (self), self->document)));
}

/* ("MC-001", value): the field takes value (in its text form), the conflict
 * goes; one undo step. */
static void
resolve_conflict_action (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *parameter)
{
  CustosWindow *self = CUSTOS_WINDOW (widget);
  const char *id, *value;
  CustosRecord *conflict;
  g_autofree char *message = NULL;
  AdwToast *toast;

  g_variant_get (parameter, "(&s&s)", &id, &value);
  conflict = custos_document_lookup (self->document, CUSTOS_REGISTER_MERGE_CONFLICTS, id);
  if (conflict == NULL)
    {
      g_warning ("No merge conflict “%s”", id);
      return;
    }
  if (!custos_merge_resolve (self->document, CUSTOS_MERGE_CONFLICT (conflict), value, &message))
    {
      adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (message));
      return;
    }
  toast = adw_toast_new (_("Merge conflict resolved"));
  adw_toast_set_button_label (toast, _("_Undo"));
  adw_toast_set_action_name (toast, "win.undo");
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

static void
on_imported (CustosImportDialog *dialog,
             CustosWindow       *self)
{
  CustosImport *import = custos_import_dialog_get_import (dialog);
  const CustosKind *kind = custos_kinds_register (custos_import_get_register (import));
  g_autofree char *message = NULL;
  AdwToast *toast;

  /* Translators: "3 added and 12 updated in Risks" */
  message = g_strdup_printf (_("%u added and %u updated in %s"), custos_import_get_n_added (import),
                             custos_import_get_n_updated (import), _(kind->plural));
  toast = adw_toast_new (message);
  adw_toast_set_button_label (toast, _("_Undo"));
  adw_toast_set_action_name (toast, "win.undo");
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

/* The import dialog for a spreadsheet file, or why it cannot be read. */
static void
import_uri_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  CustosWindow *self = CUSTOS_WINDOW (widget);
  g_autoptr(GFile) file = g_file_new_for_uri (g_variant_get_string (parameter, NULL));
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) table = custos_sheet_load (file, NULL, &error);
  CustosImportDialog *dialog;

  if (table == NULL)
    {
      g_autofree char *name = g_file_get_basename (file);
      AdwMessageDialog *alert = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (self), NULL, error->message));

      adw_message_dialog_format_heading (alert, _("Cannot import “%s”"), name);
      adw_message_dialog_add_response (alert, "close", _("_Close"));
      gtk_window_present (GTK_WINDOW (alert));
      return;
    }
  dialog = custos_import_dialog_new (GTK_WINDOW (self), self->document, table);
  g_signal_connect_object (dialog, "imported", G_CALLBACK (on_imported), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
import_response (GtkNativeDialog *dialog,
                 int              response,
                 CustosWindow    *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
      g_autofree char *uri = g_file_get_uri (file);

      gtk_widget_activate_action (GTK_WIDGET (self), "win.import-uri", "s", uri);
    }
  g_object_unref (dialog);
}

static void
import_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  GtkFileChooserNative *dialog;
  GtkFileFilter *filter = gtk_file_filter_new ();

  dialog = gtk_file_chooser_native_new (_("Import Spreadsheet"), GTK_WINDOW (widget),
                                        GTK_FILE_CHOOSER_ACTION_OPEN, _("_Open"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (dialog), TRUE);
  gtk_file_filter_set_name (filter, _("Spreadsheets (CSV, ODS, XLSX)"));
  gtk_file_filter_add_mime_type (filter, "text/csv");
  gtk_file_filter_add_mime_type (filter, "application/vnd.oasis.opendocument.spreadsheet");
  gtk_file_filter_add_mime_type (filter, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
  gtk_file_filter_add_suffix (filter, "csv");
  gtk_file_filter_add_suffix (filter, "tsv");
  gtk_file_filter_add_suffix (filter, "ods");
  gtk_file_filter_add_suffix (filter, "xlsx");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (dialog), filter);
  g_object_unref (filter);
  g_signal_connect (dialog, "response", G_CALLBACK (import_response), widget);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (dialog));
}

/* Mark as Reviewed: (kind, id) names the record, or a section by its kind
 * with an empty id. One undoable step. */
static void
mark_reviewed_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  CustosWindow *self = CUSTOS_WINDOW (widget);
  const char *name = NULL, *id = NULL;
  const CustosKind *kind;
  CustosRecord *record = NULL;
  int index;

  g_variant_get (parameter, "(&s&s)", &name, &id);
  kind = custos_kinds_lookup (name);
  if (kind == NULL)
    return;
  if ((index = custos_kinds_section_index (kind)) >= 0)
    record = custos_document_get_section (self->document, (CustosSection) index);
  else if ((index = custos_kinds_register_index (kind)) >= 0)
    record = custos_document_lookup (self->document, (CustosRegister) index, id);
  if (record == NULL)
    return;
  custos_history_seal (self->history);
  custos_record_set_to_review (record, FALSE);
  custos_history_seal (self->history);
}

/* The report an action's target names ("soa", "pack"…). */
static gboolean
parse_report (GVariant         *parameter,
              CustosReportKind *kind)
{
  if (custos_report_kind_parse (g_variant_get_string (parameter, NULL), kind))
    return TRUE;
  g_warning ("No report “%s”", g_variant_get_string (parameter, NULL));
  return FALSE;
}

static void
print_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  CustosWindow *self = CUSTOS_WINDOW (widget);
  CustosReportKind kind;

  if (parse_report (parameter, &kind))
    custos_print_present (GTK_WINDOW (self), self->document, self->file, kind, self->clock);
}

static void
print_preview_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  CustosWindow *self = CUSTOS_WINDOW (widget);
  CustosReportKind kind;

  if (!parse_report (parameter, &kind))
    return;
  gtk_window_present (GTK_WINDOW (custos_print_preview_new (GTK_WINDOW (self), self->document, self->file, kind,
                                                            self->clock, NULL)));
}

/* Evidence files (7.5.3) ------------------------------------------------------
 *
 * win.record-evidence-checksum and win.verify-evidence (an evidence id), and
 * win.verify-all-evidence, read the files in a thread: evidence can be a
 * large scan or an export. The thread sees copies of the locations and
 * checksums, never the records. Quietly, without recording anything, the
 * window also reads every file when a document opens and a file again when
 * its location or checksum is edited: what they find goes to the document
 * (custos_document_set_evidence_file()), so that the readiness pages report
 * missing and changed evidence as `custos --check --verify-evidence` does. */

typedef struct
{
  char                     *id;
  char                     *location;
  char                     *recorded;
  CustosEvidenceFileStatus  status;
  char                     *sha256;
  GError                   *error;
} EvidenceItem;

typedef struct
{
  CustosDocument *document;      /* the one the items were in when asked */
  GFile          *document_file;
  GPtrArray      *items;         /* EvidenceItem * */
  gboolean        record;        /* record the checksum whatever it was */
  gboolean        all;           /* every item: a summary instead of a message per file */
  gboolean        quiet;         /* only what was found: no message, nothing recorded */
} EvidenceJob;

static void
evidence_item_free (gpointer data)
{
  EvidenceItem *item = data;

  g_free (item->id);
  g_free (item->location);
  g_free (item->recorded);
  g_free (item->sha256);
  g_clear_error (&item->error);
  g_free (item);
}

static void
evidence_job_free (gpointer data)
{
  EvidenceJob *job = data;

  g_clear_object (&job->document); /* NULL when the job never ran */
  g_clear_object (&job->document_file);
  g_ptr_array_unref (job->items);
  g_free (job);
}

static void
evidence_job_add (EvidenceJob    *job,
                  CustosEvidence *evidence)
{
  EvidenceItem *item = g_new0 (EvidenceItem, 1);

  item->id = g_strdup (custos_record_get_id (CUSTOS_RECORD (evidence)));
  item->location = g_strdup (custos_evidence_get_location (evidence));
  item->recorded = g_strdup (custos_evidence_get_sha256 (evidence));
  g_ptr_array_add (job->items, item);
}

static void
evidence_thread (GTask        *task,
                 gpointer      source,
                 gpointer      data,
                 GCancellable *cancellable)
{
  EvidenceJob *job = data;

  for (guint i = 0; i < job->items->len && !g_cancellable_is_cancelled (cancellable); i++)
    {
      EvidenceItem *item = job->items->pdata[i];

      item->status = custos_evidence_file_check (item->location, item->recorded, job->document_file, cancellable,
                                                 &item->sha256, &item->error);
    }
  g_task_return_boolean (task, TRUE);
}

static void
evidence_toast (CustosWindow *self,
                const char   *text,
                gboolean      stays,
                const char   *id)
{
  AdwToast *toast = adw_toast_new (text);

  /* A problem stays until read; news goes by itself. */
  if (stays)
    adw_toast_set_timeout (toast, 0);
  if (id != NULL)
    {
      adw_toast_set_button_label (toast, _("_Record New Checksum"));
      adw_toast_set_action_name (toast, "win.record-evidence-checksum");
      adw_toast_set_action_target_value (toast, g_variant_new_string (id));
    }
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

/* The message about one file, or NULL when all is well. */
static char *
evidence_problem (EvidenceItem   *item,
                  CustosEvidence *evidence,
                  gboolean        record)
{
  g_autofree char *base = g_path_get_basename (item->location != NULL ? item->location : "");
  /* The file's name only: a toast has one line. */
  g_autofree char *name = custos_escape_unsafe (base);
  g_autofree char *verified = NULL;

  switch (item->status)
    {
    case CUSTOS_EVIDENCE_FILE_MISSING:
      if (g_error_matches (item->error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND))
        return g_strdup_printf (_("Evidence file “%s” is missing"), name);
      /* TRANSLATORS: %s is an evidence file's name, the second why it cannot be read */
      return g_strdup_printf (_("Cannot read “%s”: %s"), name, item->error->message);
    case CUSTOS_EVIDENCE_FILE_NOT_LOCAL:
      return g_strdup_printf (_("“%s” is not a local file: there is nothing to read"), name);
    case CUSTOS_EVIDENCE_FILE_CHANGED:
      if (record)
        return NULL;
      verified = custos_format_date (custos_evidence_get_verified (evidence));
      /* TRANSLATORS: %s is an evidence file's name, then the date it was last verified */
      return verified != NULL ? g_strdup_printf (_("“%s” has changed since it was verified on %s"), name, verified)
                              : g_strdup_printf (_("“%s” no longer matches its recorded checksum"), name);
    case CUSTOS_EVIDENCE_FILE_OK:
    case CUSTOS_EVIDENCE_FILE_UNRECORDED:
    default:
      return NULL;
    }
}

static void
evidence_done (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(CustosWindow) self = user_data;
  EvidenceJob *job = g_task_get_task_data (G_TASK (result));
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) failed = g_string_new (NULL);
  g_autofree char *problem = NULL;
  g_autofree char *text = NULL;
  guint n_checked = 0, n_failed = 0;
  char today[CUSTOS_DATE_ISO_SIZE];

  self->evidence_reads--;
  if (!g_task_propagate_boolean (G_TASK (result), &error) || job->document != self->document)
    return; /* the window is closing, or shows another document now */

  if (job->quiet)
    {
      for (guint i = 0; i < job->items->len; i++)
        {
          EvidenceItem *item = job->items->pdata[i];
          CustosRecord *record = custos_document_lookup (job->document, CUSTOS_REGISTER_EVIDENCE, item->id);

          if (record != NULL && g_strcmp0 (custos_evidence_get_location (CUSTOS_EVIDENCE (record)), item->location) == 0)
            custos_document_set_evidence_file (job->document, item->id, item->status);
        }
      return;
    }

  custos_date_format_iso (custos_clock_get_today (self->clock), today);
  /* One step of the undo history, apart from any edit before it. */
  custos_history_seal (self->history);
  custos_history_begin_group (self->history);
  self->applying_evidence = TRUE;
  for (guint i = 0; i < job->items->len; i++)
    {
      EvidenceItem *item = job->items->pdata[i];
      CustosRecord *record = custos_document_lookup (job->document, CUSTOS_REGISTER_EVIDENCE, item->id);
      CustosEvidence *evidence = record != NULL ? CUSTOS_EVIDENCE (record) : NULL;
      g_autofree char *message = NULL;

      /* Deleted or moved meanwhile: what was read is no longer about it. */
      if (evidence == NULL || g_strcmp0 (custos_evidence_get_location (evidence), item->location) != 0)
        continue;
      if (item->status == CUSTOS_EVIDENCE_FILE_NOT_LOCAL && job->all)
        continue;
      n_checked++;
      message = evidence_problem (item, evidence, job->record);
      if (message != NULL)
        {
          custos_document_set_evidence_file (job->document, item->id, item->status);
          n_failed++;
          g_string_append_printf (failed, "%s%s", failed->len > 0 ? ", " : "", item->id);
          g_free (problem);
          problem = g_steal_pointer (&message);
          continue;
        }
      custos_evidence_set_sha256 (evidence, item->sha256);
      custos_evidence_set_verified (evidence, today);
      /* It matches what is recorded now. */
      custos_document_set_evidence_file (job->document, item->id, CUSTOS_EVIDENCE_FILE_OK);
    }
  self->applying_evidence = FALSE;
  custos_history_end_group (self->history);
  custos_history_seal (self->history);

  if (!job->all && n_checked == 1)
    {
      EvidenceItem *item = job->items->pdata[0];
      g_autofree char *base = g_path_get_basename (item->location != NULL ? item->location : "");
      g_autofree char *name = custos_escape_unsafe (base);

      if (problem != NULL)
        evidence_toast (self, problem, TRUE, item->status == CUSTOS_EVIDENCE_FILE_CHANGED ? item->id : NULL);
      else
        {
          text = item->status == CUSTOS_EVIDENCE_FILE_OK && !job->record
                 ? g_strdup_printf (_("“%s” is unchanged: verified today"), name)
                 : g_strdup_printf (_("Checksum of “%s” recorded"), name);
          evidence_toast (self, text, FALSE, NULL);
        }
      return;
    }
  if (!job->all)
    return; /* its item is gone */
  if (n_checked == 0)
    text = g_strdup (_("No evidence item names a local file"));
  else if (n_failed == 1)
    text = g_steal_pointer (&problem);
  else if (n_failed > 0)
    /* TRANSLATORS: the first %u is how many evidence files changed or cannot be read, %s their ids */
    text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u of %u evidence file changed or cannot be read: %s",
                                         "%u of %u evidence files changed or cannot be read: %s", n_checked),
                            n_failed, n_checked, failed->str);
  else
    text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u evidence file verified today",
                                         "All %u evidence files verified today", n_checked), n_checked);
  evidence_toast (self, text, n_failed > 0, NULL);
}

static void
run_evidence_job (CustosWindow *self,
                  EvidenceJob  *job)
{
  g_autoptr(GTask) task = g_task_new (NULL, self->cancellable, evidence_done, g_object_ref (self));

  job->document = g_object_ref (self->document);
  job->document_file = self->file != NULL ? g_object_ref (self->file) : NULL;
  self->evidence_reads++;
  g_task_set_source_tag (task, run_evidence_job);
  g_task_set_task_data (task, job, evidence_job_free);
  g_task_run_in_thread (task, evidence_thread);
}

static void
evidence_file_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  CustosWindow *self = CUSTOS_WINDOW (widget);
  CustosRecord *record = custos_document_lookup (self->document, CUSTOS_REGISTER_EVIDENCE,
                                                 g_variant_get_string (parameter, NULL));
  EvidenceJob *job;

  if (record == NULL)
    return;
  job = g_new0 (EvidenceJob, 1);
  job->items = g_ptr_array_new_with_free_func (evidence_item_free);
  job->record = g_str_equal (action_name, "win.record-evidence-checksum");
  evidence_job_add (job, CUSTOS_EVIDENCE (record));
  run_evidence_job (self, job);
}

/* Every item that names a local file: matching files are verified today,
 * files without a checksum get one (as custos --verify-evidence --output
 * does); changed and unreadable ones are left as they are and listed. */
static void
verify_all_evidence_action (GtkWidget  *widget,
                            const char *action_name,
                            GVariant   *parameter)
{
  CustosWindow *self = CUSTOS_WINDOW (widget);
  GListModel *items = custos_document_get_register (self->document, CUSTOS_REGISTER_EVIDENCE);
  EvidenceJob *job = g_new0 (EvidenceJob, 1);

  job->items = g_ptr_array_new_with_free_func (evidence_item_free);
  job->all = TRUE;
  for (guint i = 0, n = g_list_model_get_n_items (items); i < n; i++)
    {
      g_autoptr(CustosEvidence) evidence = g_list_model_get_item (items, i);

      if (custos_evidence_location_is_file (custos_evidence_get_location (evidence)))
        evidence_job_add (job, evidence);
    }
  run_evidence_job (self, job);
}

static gboolean
read_evidence_idle (gpointer user_data)
{
  CustosWindow *self = user_data;
  GListModel *items = custos_document_get_register (self->document, CUSTOS_REGISTER_EVIDENCE);
  EvidenceJob *job = g_new0 (EvidenceJob, 1);

  self->evidence_idle_id = 0;
  job->items = g_ptr_array_new_with_free_func (evidence_item_free);
  job->quiet = TRUE;
  for (guint i = 0, n = g_list_model_get_n_items (items); i < n; i++)
    {
      g_autoptr(CustosEvidence) evidence = g_list_model_get_item (items, i);
      const char *id = custos_record_get_id (CUSTOS_RECORD (evidence));
      const char *location = custos_evidence_get_location (evidence);
      g_autoptr(GFile) file = NULL;

      if (!self->evidence_read_all && !g_hash_table_contains (self->evidence_unread, id))
        continue;
      /* A path relative to a document never saved is nowhere yet, not missing. */
      if (custos_evidence_location_is_file (location) &&
          (file = custos_evidence_file_resolve (location, self->file)) != NULL)
        evidence_job_add (job, evidence);
      else
        custos_document_set_evidence_file (self->document, id, -1);
    }
  self->evidence_read_all = FALSE;
  g_hash_table_remove_all (self->evidence_unread);
  if (job->items->len > 0)
    run_evidence_job (self, job);
  else
    evidence_job_free (job);
  return G_SOURCE_REMOVE;
}

/* Reads the file of evidence id (NULL: of every item) soon, in low-priority
 * idle time: after the first frame when a document opens, once a burst of
 * typing in the location is over otherwise. */
static void
read_evidence_quietly (CustosWindow *self,
                       const char   *id)
{
  if (id == NULL)
    self->evidence_read_all = TRUE;
  else
    g_hash_table_add (self->evidence_unread, g_strdup (id));
  if (self->evidence_idle_id == 0)
    self->evidence_idle_id = g_timeout_add_full (G_PRIORITY_LOW, 300, read_evidence_idle, self, NULL);
}

static void
on_field_changed (CustosWindow *self,
                  CustosRecord *record,
                  GParamSpec   *pspec)
{
  const char *id;

  if (self->applying_evidence || !CUSTOS_IS_EVIDENCE (record) ||
      (!g_str_equal (pspec->name, "location") && !g_str_equal (pspec->name, "sha256")))
    return;
  /* What was read is about another file, or another checksum. */
  id = custos_record_get_id (record);
  custos_document_set_evidence_file (self->document, id, -1);
  read_evidence_quietly (self, id);
}

static void
on_record_inserted (CustosWindow *self,
                    int           reg,
                    guint         position,
                    CustosRecord *record)
{
  if (reg == CUSTOS_REGISTER_EVIDENCE)
    read_evidence_quietly (self, custos_record_get_id (record));
}

/* What the latest reading of an evidence item's file in this window found,
 * or -1 if none has finished yet. */
int
custos_window_get_evidence_status (CustosWindow *self,
                                   const char   *id)
{
  GHashTable *statuses;
  gpointer status;

  g_return_val_if_fail (CUSTOS_IS_WINDOW (self), -1);
  statuses = custos_document_get_evidence_files (self->document);
  if (statuses == NULL || !g_hash_table_lookup_extended (statuses, id, NULL, &status))
    return -1;
  return GPOINTER_TO_INT (status);
}

gboolean
custos_window_is_reading_evidence (CustosWindow *self)
{
  g_return_val_if_fail (CUSTOS_IS_WINDOW (self), FALSE);
  return self->evidence_reads > 0 || self->evidence_idle_id != 0;
}

static GtkListBoxRow *
find_sidebar_row (CustosWindow *self,
                  const char   *name)
{
  GtkListBoxRow *row;

  for (int i = 0; (row = gtk_list_box_get_row_at_index (self->sidebar, i)) != NULL; i++)
    if (g_str_equal (((const PageInfo *) g_object_get_data (G_OBJECT (row), "page-info"))->name, name))
      return row;
  return NULL;
}

static void
show_page_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  CustosWindow *self = CUSTOS_WINDOW (widget);
  const char *name = g_variant_get_string (parameter, NULL);
  GtkListBoxRow *row = find_sidebar_row (self, name);
  GtkWidget *page;

  if (row == NULL || (page = ensure_page (self, name)) == NULL)
    {
      g_warning ("No page “%s”", name);
      return;
    }
  if (gtk_list_box_get_selected_row (self->sidebar) != row)
    gtk_list_box_select_row (self->sidebar, row);
  /* No fade: GTK 4.8 warns when a crossfade snapshots a page that is
   * waiting for its allocation, which a page just built, or one whose
   * content changed while hidden, always is. */
  gtk_stack_set_visible_child (self->stack, page);
  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_FORWARD);
}

/* Brings the tab (AdwViewStack page) that holds widget to the front. */
static void
show_tab_of (GtkWidget *widget)
{
  for (GtkWidget *child = widget, *parent = gtk_widget_get_parent (widget); parent != NULL;
       child = parent, parent = gtk_widget_get_parent (parent))
    if (ADW_IS_VIEW_STACK (parent))
      adw_view_stack_set_visible_child (ADW_VIEW_STACK (parent), child);
}

/* Brings what shows the register to the front (its tab), and selects
 * record in it unless record is NULL. */
static gboolean
select_record_in (GtkWidget    *widget,
                  const char   *register_name,
                  CustosRecord *record)
{
  if (CUSTOS_IS_SOA_PAGE (widget) && g_str_equal (register_name, "soa"))
    {
      show_tab_of (widget);
      if (record != NULL)
        custos_soa_page_select (CUSTOS_SOA_PAGE (widget), record);
      return TRUE;
    }
  if (CUSTOS_IS_RISKS_PAGE (widget) && g_str_equal (register_name, "risks"))
    {
      if (record != NULL)
        custos_risks_page_show_risk (CUSTOS_RISKS_PAGE (widget), record); /* drops the heatmap's filters */
      return TRUE;
    }
  if (CUSTOS_IS_REGISTER_VIEW (widget) &&
      g_strcmp0 (custos_register_view_get_register_name (CUSTOS_REGISTER_VIEW (widget)), register_name) == 0)
    {
      show_tab_of (widget);
      if (record != NULL)
        custos_register_view_select (CUSTOS_REGISTER_VIEW (widget), record);
      return TRUE;
    }
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (select_record_in (child, register_name, record))
      return TRUE;
  return FALSE;
}

/* ("risks", "R-004"): shows the page of a register and selects the record;
 * ("suppliers", ""): shows the register (the tab of its page). */
static void
show_record_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  CustosWindow *self = CUSTOS_WINDOW (widget);
  const char *name, *id;
  const CustosKind *kind;
  CustosRecord *record;
  const char *page;
  int reg;

  g_variant_get (parameter, "(&s&s)", &name, &id);
  kind = custos_kinds_lookup (name);
  reg = kind != NULL ? custos_kinds_register_index (kind) : -1;
  if (reg < 0)
    {
      g_warning ("No register “%s”", name);
      return;
    }
  page = custos_page_for_register (reg);
  gtk_widget_activate_action (widget, "win.show-page", "s", page);
  record = *id != '\0' ? custos_document_lookup (self->document, (CustosRegister) reg, id) : NULL;
  if (record != NULL || *id == '\0')
    select_record_in (gtk_stack_get_child_by_name (self->stack, page), kind->register_name, record);
}

static void
on_migrated (CustosMigrationDialog *dialog,
             CustosWindow          *self)
{
  GListModel *soa = custos_document_get_register (self->document, CUSTOS_REGISTER_SOA);
  g_autofree char *message = NULL;
  guint to_review = 0;

  for (guint i = 0, n = g_list_model_get_n_items (soa); i < n; i++)
    {
      g_autoptr(CustosRecord) entry = g_list_model_get_item (soa, i);
      to_review += custos_soa_entry_get_review (CUSTOS_SOA_ENTRY (entry));
    }
  message = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                          "Migrated to ISO/IEC 27001:2022 — %u control to review",
                                          "Migrated to ISO/IEC 27001:2022 — %u controls to review", to_review),
                             to_review);
  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (message));
  gtk_widget_activate_action (GTK_WIDGET (self), "win.show-page", "s", "soa");
}

static void
on_criteria_applied (CustosCriteriaEditor *editor,
                     CustosWindow         *self)
{
  AdwToast *toast = adw_toast_new (_("Risk criteria changed"));

  adw_toast_set_button_label (toast, _("_Undo"));
  adw_toast_set_action_name (toast, "win.undo");
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

/* The risk criteria dialog; applying is one undoable step. */
static void
edit_criteria_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  CustosWindow *self = CUSTOS_WINDOW (widget);
  CustosCriteriaEditor *editor = custos_criteria_editor_new (GTK_WINDOW (self), self->document, self->settings);

  g_signal_connect_object (editor, "applied", G_CALLBACK (on_criteria_applied), self, 0);
  gtk_window_present (GTK_WINDOW (editor));
}

/* An asset id: the risks page, showing only the risks that name the asset. */
static void
show_asset_risks_action (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *parameter)
{
  CustosWindow *self = CUSTOS_WINDOW (widget);
  GtkWidget *page = ensure_page (self, "risks");

  if (!CUSTOS_IS_RISKS_PAGE (page))
    return;
  custos_risks_page_clear_filters (CUSTOS_RISKS_PAGE (page));
  custos_risks_page_set_asset_filter (CUSTOS_RISKS_PAGE (page), g_variant_get_string (parameter, NULL));
  gtk_widget_activate_action (widget, "win.show-page", "s", "risks");
}

/* The preview of a 2013 → 2022 migration; applying it is one undoable step. */
static void
migrate_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  CustosWindow *self = CUSTOS_WINDOW (widget);
  GtkWidget *dialog;

  if (custos_document_get_edition (self->document) != CUSTOS_EDITION_2013)
    return;
  dialog = custos_migration_dialog_new (GTK_WINDOW (self), self->document, custos_clock_get_today (self->clock));
  g_signal_connect_object (dialog, "migrated", G_CALLBACK (on_migrated), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
export_soa_csv_done (GObject      *source,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  g_autoptr(CustosWindow) self = user_data;
  g_autoptr(GError) error = NULL;

  if (!g_file_replace_contents_finish (G_FILE (source), result, NULL, &error))
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        show_error (self, _("Could Not Export the Statement of Applicability"), error->message);
      return;
    }
  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (_("Statement of Applicability exported")));
}

static void
export_soa_csv_response (GtkNativeDialog *dialog,
                         int              response,
                         CustosWindow    *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
      /* The shared CSV writer: the columns of the page, and the rest of each entry. */
      char *csv = custos_csv_write_register (self->document, CUSTOS_REGISTER_SOA,
                                             g_settings_get_boolean (self->settings, "csv-bom") ? CUSTOS_CSV_BOM
                                                                                                 : CUSTOS_CSV_DISPLAY);
      g_autoptr(GBytes) bytes = g_bytes_new_take (csv, strlen (csv));

      g_file_replace_contents_bytes_async (file, bytes, NULL, FALSE, G_FILE_CREATE_REPLACE_DESTINATION,
                                           self->cancellable, export_soa_csv_done, g_object_ref (self));
    }
  g_object_unref (dialog);
}

static void
export_soa_csv_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  CustosWindow *self = CUSTOS_WINDOW (widget);
  GtkFileChooserNative *dialog;
  GtkFileFilter *filter = gtk_file_filter_new ();
  g_autofree char *name = g_strdup_printf ("%s.csv", _("Statement of Applicability"));

  dialog = gtk_file_chooser_native_new (_("Export the Statement of Applicability"), GTK_WINDOW (self),
                                        GTK_FILE_CHOOSER_ACTION_SAVE, _("_Export"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (dialog), TRUE);
  gtk_file_filter_set_name (filter, _("CSV spreadsheets"));
  gtk_file_filter_add_mime_type (filter, "text/csv");
  gtk_file_filter_add_suffix (filter, "csv");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (dialog), filter);
  g_object_unref (filter);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (dialog), name);
  g_signal_connect (dialog, "response", G_CALLBACK (export_soa_csv_response), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (dialog));
}

static void
show_sidebar_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  adw_leaflet_navigate (CUSTOS_WINDOW (widget)->leaflet, ADW_NAVIGATION_DIRECTION_BACK);
}

static void
on_sidebar_row_activated (GtkListBox    *box,
                          GtkListBoxRow *row,
                          CustosWindow  *self)
{
  const PageInfo *info = g_object_get_data (G_OBJECT (row), "page-info");

  gtk_widget_activate_action (GTK_WIDGET (self), "win.show-page", "s", info->name);
}

/* As in GNOME Settings, moving through the sidebar with the arrow keys
 * changes the page; folded, the page comes when the row is activated. */
static void
on_sidebar_row_selected (GtkListBox    *box,
                         GtkListBoxRow *row,
                         CustosWindow  *self)
{
  const PageInfo *info = row != NULL ? g_object_get_data (G_OBJECT (row), "page-info") : NULL;

  if (info == NULL || adw_leaflet_get_folded (self->leaflet) ||
      g_strcmp0 (gtk_stack_get_visible_child_name (self->stack), info->name) == 0)
    return;
  gtk_widget_activate_action (GTK_WIDGET (self), "win.show-page", "s", info->name);
}

static void
close_response (AdwMessageDialog *dialog,
                const char       *response,
                CustosWindow     *self)
{
  if (g_str_equal (response, "discard"))
    {
      custos_document_set_modified (self->document, FALSE);
      destroy_after_dialog (self);
    }
  else if (g_str_equal (response, "save"))
    {
      self->close_after_save = TRUE;
      gtk_widget_activate_action (GTK_WIDGET (self), "win.save", NULL);
    }
}

static void
save_window_state (CustosWindow *self)
{
  int width, height;

  gtk_window_get_default_size (GTK_WINDOW (self), &width, &height);
  g_settings_set_int (self->settings, "window-width", width);
  g_settings_set_int (self->settings, "window-height", height);
  g_settings_set_boolean (self->settings, "window-maximized", gtk_window_is_maximized (GTK_WINDOW (self)));
}

static gboolean
custos_window_close_request (GtkWindow *window)
{
  CustosWindow *self = CUSTOS_WINDOW (window);
  g_autofree char *name = NULL;
  g_autofree char *body = NULL;
  GtkWidget *dialog;

  save_window_state (self);
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

static gboolean
on_drop (GtkDropTarget *target,
         const GValue  *value,
         double         x,
         double         y,
         CustosWindow  *self)
{
  GFile *file = g_value_get_object (value);

  if (file == NULL)
    return FALSE;
  open_file (self, file);
  return TRUE;
}

/* The label of a page in the sidebar: clause number and name. */
static GtkWidget *
sidebar_label (const PageInfo *info)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *number = gtk_label_new (info->clause);
  GtkWidget *label = gtk_label_new (g_dpgettext2 (NULL, "sidebar", info->label));

  gtk_widget_set_size_request (number, 20, -1);
  gtk_label_set_xalign (GTK_LABEL (number), 1.0);
  gtk_widget_add_css_class (number, "dim-label");
  gtk_widget_add_css_class (number, "numeric");
  gtk_label_set_xalign (GTK_LABEL (label), 0.0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_box_append (GTK_BOX (box), number);
  gtk_box_append (GTK_BOX (box), label);
  if (info->indented)
    gtk_widget_set_margin_start (box, 12);
  return box;
}

static GtkWidget *
sidebar_row (const PageInfo *info)
{
  GtkWidget *row = gtk_list_box_row_new ();

  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), sidebar_label (info));
  g_object_set_data (G_OBJECT (row), "page-info", (gpointer) info);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL, g_dpgettext2 (NULL, "sidebar", info->label), -1);
  return row;
}

/* A clause without a page of its own ("6 Planning") heads the rows of its
 * pages: a list box header, which neither the keyboard nor the pointer
 * takes for a target. */
static GtkWidget *
sidebar_heading (const PageInfo *info)
{
  GtkWidget *heading = sidebar_label (info);

  gtk_widget_add_css_class (heading, "sidebar-heading");
  return heading;
}

/* The list box places headers only through a header function. */
static void
set_sidebar_heading (GtkListBoxRow *row,
                     GtkListBoxRow *before,
                     gpointer       user_data)
{
  GtkWidget *heading = g_object_get_data (G_OBJECT (row), "heading");

  if (gtk_list_box_row_get_header (row) != heading)
    gtk_list_box_row_set_header (row, heading);
}

static void
build_sidebar (CustosWindow *self)
{
  GtkWidget *heading = NULL;

  gtk_list_box_set_header_func (self->sidebar, set_sidebar_heading, NULL, NULL);
  for (guint i = 0; i < G_N_ELEMENTS (page_infos); i++)
    {
      const PageInfo *info = &page_infos[i];
      GtkWidget *row;

      /* Pages are built when first shown (ensure_page); the sidebar only
       * names them. */
      if (info->header)
        {
          heading = sidebar_heading (info);
          continue;
        }
      row = sidebar_row (info);
      if (heading != NULL)
        g_object_set_data_full (G_OBJECT (row), "heading", g_object_ref_sink (g_steal_pointer (&heading)),
                                g_object_unref);
      gtk_list_box_append (self->sidebar, row);
    }
}

static void
custos_window_dispose (GObject *object)
{
  CustosWindow *self = CUSTOS_WINDOW (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_handle_id (&self->autosave_id, g_source_remove);
  g_clear_handle_id (&self->check_id, g_source_remove);
  if (self->monitor != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->monitor, self);
      g_file_monitor_cancel (self->monitor);
      g_clear_object (&self->monitor);
    }
  /* However the window closes, its lock file goes with it. */
  g_clear_object (&self->lock);
  g_clear_object (&self->pending_lock);
  g_clear_pointer (&self->holder, custos_lock_owner_free);
  g_clear_pointer (&self->pending_holder, custos_lock_owner_free);
  g_clear_pointer (&self->etag, g_free);
  /* Closed deliberately (saved or discarded): no copy is needed any more. */
  if (self->recovery != NULL)
    custos_recovery_clear (self->recovery);
  g_clear_object (&self->recovery);
  g_clear_object (&self->recover_as);
  g_clear_object (&self->history);
  g_clear_object (&self->document);
  g_clear_object (&self->file);
  g_clear_object (&self->pending_file);
  g_clear_object (&self->settings);
  custos_clock_unwatch (&self->clock, self);
  g_clear_pointer (&self->builders, g_ptr_array_unref);
  g_clear_pointer (&self->evidence_unread, g_hash_table_unref);
  g_clear_handle_id (&self->evidence_idle_id, g_source_remove);
  g_clear_handle_id (&self->recent_idle_id, g_source_remove);
  gtk_widget_dispose_template (GTK_WIDGET (self), CUSTOS_TYPE_WINDOW);

  G_OBJECT_CLASS (custos_window_parent_class)->dispose (object);
}

static void
custos_window_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  CustosWindow *self = CUSTOS_WINDOW (object);

  switch (prop_id)
    {
    case PROP_CLOCK:
      g_value_set_object (value, self->clock);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
custos_window_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  CustosWindow *self = CUSTOS_WINDOW (object);

  switch (prop_id)
    {
    case PROP_CLOCK:
      if (g_value_get_object (value) != NULL)
        set_clock (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
custos_window_class_init (CustosWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = custos_window_dispose;
  object_class->get_property = custos_window_get_property;
  object_class->set_property = custos_window_set_property;
  window_class->close_request = custos_window_close_request;

  /* Today for the pages; NULL (the default): the local date. */
  properties[PROP_CLOCK] =
    g_param_spec_object ("clock", NULL, NULL, CUSTOS_TYPE_CLOCK,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (CUSTOS_TYPE_OVERVIEW_PAGE);
  g_type_ensure (CUSTOS_TYPE_RECORD_EDITOR);
  g_type_ensure (CUSTOS_TYPE_REGISTER_VIEW);
  g_type_ensure (CUSTOS_TYPE_ASSET_RISKS);
  g_type_ensure (CUSTOS_TYPE_EVIDENCE_CHECK);
  g_type_ensure (CUSTOS_TYPE_RISKS_PAGE);
  g_type_ensure (CUSTOS_TYPE_TREATMENT_PAGE);
  g_type_ensure (CUSTOS_TYPE_SOA_PAGE);
  g_type_ensure (CUSTOS_TYPE_MONITORING_PAGE);
  g_type_ensure (CUSTOS_TYPE_AUDIT_PAGE);
  g_type_ensure (CUSTOS_TYPE_REVIEW_PAGE);
  g_type_ensure (CUSTOS_TYPE_NC_PAGE);

  gtk_widget_class_set_template_from_resource (widget_class, APP_PATH "/ui/custos-window.ui");
  gtk_widget_class_bind_template_child (widget_class, CustosWindow, leaflet);
  gtk_widget_class_bind_template_child (widget_class, CustosWindow, content_header);
  gtk_widget_class_bind_template_child (widget_class, CustosWindow, history_buttons);
  gtk_widget_class_bind_template_child (widget_class, CustosWindow, bottom_bar);
  gtk_widget_class_bind_template_child (widget_class, CustosWindow, sidebar);
  gtk_widget_class_bind_template_child (widget_class, CustosWindow, window_title);
  gtk_widget_class_bind_template_child (widget_class, CustosWindow, banner);
  gtk_widget_class_bind_template_child (widget_class, CustosWindow, banner_label);
  gtk_widget_class_bind_template_child (widget_class, CustosWindow, banner_primary);
  gtk_widget_class_bind_template_child (widget_class, CustosWindow, banner_secondary);
  gtk_widget_class_bind_template_child (widget_class, CustosWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, CustosWindow, stack);
  gtk_widget_class_bind_template_child (widget_class, CustosWindow, overview_page);
  gtk_widget_class_bind_template_child (widget_class, CustosWindow, recent_menu);

  gtk_widget_class_install_action (widget_class, "win.open", NULL, open_action);
  gtk_widget_class_install_action (widget_class, "win.open-uri", "s", open_uri_action);
  gtk_widget_class_install_action (widget_class, "win.save", NULL, save_action);
  gtk_widget_class_install_action (widget_class, "win.save-as", NULL, save_as_action);
  gtk_widget_class_install_action (widget_class, "win.save-as-uri", "s", save_as_uri_action);
  gtk_widget_class_install_action (widget_class, "win.revert", NULL, revert_action);
  gtk_widget_class_install_action (widget_class, "win.reload", NULL, reload_action);
  gtk_widget_class_install_action (widget_class, "win.undo", NULL, undo_action);
  gtk_widget_class_install_action (widget_class, "win.redo", NULL, redo_action);
  gtk_widget_class_install_action (widget_class, "win.show-page", "s", show_page_action);
  gtk_widget_class_install_action (widget_class, "win.show-record", "(ss)", show_record_action);
  gtk_widget_class_install_action (widget_class, "win.migrate", NULL, migrate_action);
  gtk_widget_class_install_action (widget_class, "win.edit-criteria", NULL, edit_criteria_action);
  gtk_widget_class_install_action (widget_class, "win.show-asset-risks", "s", show_asset_risks_action);
  gtk_widget_class_install_action (widget_class, "win.export-soa-csv", NULL, export_soa_csv_action);
  gtk_widget_class_install_action (widget_class, "win.export", NULL, export_action);
  gtk_widget_class_install_action (widget_class, "win.apply-control", "s", apply_control_action);
  gtk_widget_class_install_action (widget_class, "win.import", NULL, import_action);
  gtk_widget_class_install_action (widget_class, "win.import-uri", "s", import_uri_action);
  gtk_widget_class_install_action (widget_class, "win.mark-reviewed", "(ss)", mark_reviewed_action);
  gtk_widget_class_install_action (widget_class, "win.issue", NULL, issue_action);
  gtk_widget_class_install_action (widget_class, "win.issue-version", "(ss)", issue_version_action);
  gtk_widget_class_install_action (widget_class, "win.print", "s", print_action);
  gtk_widget_class_install_action (widget_class, "win.print-preview", "s", print_preview_action);
  gtk_widget_class_install_action (widget_class, "win.compare", NULL, compare_action);
  gtk_widget_class_install_action (widget_class, "win.compare-revision", "s", compare_revision_action);
  gtk_widget_class_install_action (widget_class, "win.compare-uri", "s", compare_uri_action);
  gtk_widget_class_install_action (widget_class, "win.resolve-conflicts", NULL, resolve_conflicts_action);
  gtk_widget_class_install_action (widget_class, "win.resolve-conflict", "(ss)", resolve_conflict_action);
  gtk_widget_class_install_action (widget_class, "win.show-sidebar", NULL, show_sidebar_action);
  gtk_widget_class_install_action (widget_class, "win.record-evidence-checksum", "s", evidence_file_action);
  gtk_widget_class_install_action (widget_class, "win.verify-evidence", "s", evidence_file_action);
  gtk_widget_class_install_action (widget_class, "win.verify-all-evidence", NULL, verify_all_evidence_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_z, GDK_CONTROL_MASK, "win.undo", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_z, GDK_CONTROL_MASK | GDK_SHIFT_MASK, "win.redo", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Page_Up, GDK_ALT_MASK, "win.show-sidebar", NULL);
  {
    static const struct { guint key; const char *page; } pages[] = {
      { GDK_KEY_1, "overview" }, { GDK_KEY_4, "context" }, { GDK_KEY_5, "leadership" },
      { GDK_KEY_6, "risks" }, { GDK_KEY_7, "support" }, { GDK_KEY_8, "operation" },
      { GDK_KEY_9, "performance" }, { GDK_KEY_0, "improvement" },
    };
    for (guint i = 0; i < G_N_ELEMENTS (pages); i++)
      gtk_widget_class_add_binding_action (widget_class, pages[i].key, GDK_ALT_MASK,
                                           "win.show-page", "s", pages[i].page);
  }
}

/* A phone's header bar has room for the way back, the title, Save and the
 * menu: folded, undo and redo go to a bar at the bottom. */
static void
on_folded_notify (CustosWindow *self)
{
  g_autoptr(GtkWidget) buttons = g_object_ref (self->history_buttons);
  gboolean folded = adw_leaflet_get_folded (self->leaflet);

  if ((gtk_widget_get_ancestor (buttons, GTK_TYPE_ACTION_BAR) != NULL) == folded)
    return;
  if (folded)
    {
      adw_header_bar_remove (self->content_header, buttons);
      gtk_action_bar_pack_start (self->bottom_bar, buttons);
    }
  else
    {
      gtk_action_bar_remove (self->bottom_bar, buttons);
      adw_header_bar_pack_start (self->content_header, buttons);
    }
}

static void
custos_window_init (CustosWindow *self)
{
  g_autoptr(CustosDocument) document = custos_document_new (CUSTOS_EDITION_2022);
  GtkDropTarget *drop;

  gtk_widget_init_template (GTK_WIDGET (self));
  self->cancellable = g_cancellable_new ();
  self->builders = g_ptr_array_new_with_free_func (g_object_unref);
  self->evidence_unread = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->settings = g_settings_new (APP_ID);

  gtk_window_set_default_size (GTK_WINDOW (self),
                               g_settings_get_int (self->settings, "window-width"),
                               g_settings_get_int (self->settings, "window-height"));
  if (g_settings_get_boolean (self->settings, "window-maximized"))
    gtk_window_maximize (GTK_WINDOW (self));

  build_sidebar (self);
  set_clock (self, NULL);
  g_signal_connect_swapped (self->leaflet, "notify::folded", G_CALLBACK (on_folded_notify), self);
  g_signal_connect (self, "notify::is-active", G_CALLBACK (on_active_changed), NULL);
  g_signal_connect (self->sidebar, "row-activated", G_CALLBACK (on_sidebar_row_activated), self);
  g_signal_connect (self->sidebar, "row-selected", G_CALLBACK (on_sidebar_row_selected), self);
  gtk_list_box_select_row (self->sidebar, gtk_list_box_get_row_at_index (self->sidebar, 0));

  drop = gtk_drop_target_new (G_TYPE_FILE, GDK_ACTION_COPY);
  g_signal_connect (drop, "drop", G_CALLBACK (on_drop), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (drop));

  self->recent_idle_id = g_idle_add_full (G_PRIORITY_LOW, watch_recent_idle, self, NULL);

  set_document (self, document, NULL);
  gtk_stack_set_visible_child_name (self->stack, "overview");
}

CustosWindow *
custos_window_new (GtkApplication *application,
                   CustosClock    *clock)
{
  return g_object_new (CUSTOS_TYPE_WINDOW, "application", application, "clock", clock, NULL);
}

/* A new, unsaved document (File ▸ New asks for these first). */
void
custos_window_set_new_document (CustosWindow   *self,
                                CustosDocument *document)
{
  g_return_if_fail (CUSTOS_IS_WINDOW (self));
  set_document (self, document, NULL);
}

/* Opens the copy of unsaved work a crashed session left, in place of original. */
void
custos_window_recover (CustosWindow *self,
                       GFile        *copy,
                       GFile        *original)
{
  g_return_if_fail (CUSTOS_IS_WINDOW (self));

  self->recovering = TRUE;
  g_set_object (&self->recover_as, original);
  custos_window_load (self, copy);
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

CustosHistory *
custos_window_get_history (CustosWindow *self)
{
  g_return_val_if_fail (CUSTOS_IS_WINDOW (self), NULL);
  return self->history;
}

CustosClock *
custos_window_get_clock (CustosWindow *self)
{
  g_return_val_if_fail (CUSTOS_IS_WINDOW (self), NULL);
  return self->clock;
}

const char *
custos_window_get_visible_page (CustosWindow *self)
{
  g_return_val_if_fail (CUSTOS_IS_WINDOW (self), NULL);
  return gtk_stack_get_visible_child_name (self->stack);
}

/* Whether the page called name has been built: pages are built when first shown. */
gboolean
custos_window_is_page_built (CustosWindow *self,
                             const char   *name)
{
  g_return_val_if_fail (CUSTOS_IS_WINDOW (self), FALSE);
  return gtk_stack_get_child_by_name (self->stack, name) != NULL;
}
