/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-interaction.c — the window as a user drives it: undo, closing,
 * findings, keyboard, widths (Xvfb) */
#include "config.h"

#include <string.h>

#include "custos-file.h"
#include "custos-heatmap-view.h"
#include "custos-record-editor.h"
#include "custos-readiness-page.h"
#include "custos-ref-chooser.h"
#include "custos-soa-page.h"
#include "custos-test-util.h"
#include "custos-test-window.h"

static CustosApplication *app;
static char *dir;

static void
setup (void)
{
  app = custos_test_new_app (APP_ID ".Interaction");
}

static void
teardown (void)
{
  g_clear_object (&app);
}

static void
each_setup (void)
{
  dir = custos_test_mkdtemp ();
}

static void
each_teardown (void)
{
  GListModel *toplevels = gtk_window_get_toplevels (); /* transfer none */

  /* Every window and dialog a test left open, so the next test starts clean. */
  while (g_list_model_get_n_items (toplevels) > 0)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, 0);
      if (CUSTOS_IS_WINDOW (window))
        custos_document_set_modified (custos_window_get_document (CUSTOS_WINDOW (window)), FALSE);
      gtk_window_destroy (window);
    }
  custos_test_spin ();
  custos_test_rmdir (dir);
  g_clear_pointer (&dir, g_free);
}

static CustosWindow *
open_example (char **path_out)
{
  g_autofree char *path = custos_test_copy_example (dir);
  CustosWindow *window = custos_test_open_window (app, path);

  if (path_out != NULL)
    *path_out = g_steal_pointer (&path);
  return window;
}

static gboolean
is_saved (gpointer window)
{
  return !custos_document_get_modified (custos_window_get_document (window));
}

static void
save (CustosWindow *window)
{
  ck_assert (gtk_widget_activate_action (GTK_WIDGET (window), "win.save", NULL));
  custos_test_wait_for (is_saved, window, "the save");
}

/* 1. One undo: the toast's is the window's --------------------------------- */

/* Every reference of every record names a record of the document. */
static void
assert_references_resolve (CustosDocument *doc)
{
  for (guint r = 0; r < CUSTOS_N_REGISTERS; r++)
    {
      const CustosKind *kind = custos_kinds_register (r);
      GListModel *records = custos_document_get_register (doc, r);

      for (guint i = 0, n = g_list_model_get_n_items (records); i < n; i++)
        {
          g_autoptr(CustosRecord) record = g_list_model_get_item (records, i);

          for (guint f = 0; f < kind->n_fields; f++)
            {
              const CustosField *field = &kind->fields[f];
              const CustosKind *target = field->target != NULL ? custos_kinds_lookup (field->target) : NULL;
              int target_reg = target != NULL ? custos_kinds_register_index (target) : -1;
              const GValue *value = custos_record_get_value (record, f);
              const char *one[] = { NULL, NULL };
              const char * const *ids = one;

              if (target_reg < 0)
                continue;
              if (field->type == CUSTOS_FIELD_REF)
                one[0] = g_value_get_string (value);
              else if (field->type == CUSTOS_FIELD_REFS && g_value_get_boxed (value) != NULL)
                ids = g_value_get_boxed (value);
              else
                continue;
              for (guint k = 0; ids[k] != NULL; k++)
                ck_assert_msg (custos_document_lookup (doc, target_reg, ids[k]) != NULL,
                               "%s %s names %s, which does not exist", kind->name,
                               custos_record_get_id (record), ids[k]);
            }
        }
    }
}

static CustosRegisterView *
show_register (CustosWindow *window,
               const char   *page,
               const char   *register_name)
{
  CustosRegisterView *view;

  ck_assert (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-page", "s", page));
  custos_test_spin ();
  view = custos_test_find_view (GTK_WIDGET (window), register_name);
  ck_assert_ptr_nonnull (view);
  return view;
}

static void
delete_record (CustosRegisterView *view,
               CustosRegister      reg,
               const char         *id)
{
  CustosDocument *doc = custos_window_get_document (CUSTOS_WINDOW (gtk_widget_get_root (GTK_WIDGET (view))));

  custos_register_view_select (view, custos_document_lookup (doc, reg, id));
  ck_assert (gtk_widget_activate_action (GTK_WIDGET (view), "register.delete", NULL));
  ck_assert_ptr_null (custos_document_lookup (doc, reg, id));
  custos_test_spin ();
}

static gboolean
is_unparented (gpointer widget)
{
  return gtk_widget_get_parent (widget) == NULL;
}

/* Presses the close button of the toast of button, and waits until the
 * toast has gone (and the next in the queue, if any, is shown). */
static void
close_toast (GtkWidget *button)
{
  g_autoptr(GtkWidget) toast = g_object_ref (gtk_widget_get_parent (button));
  GtkWidget *close = gtk_widget_get_next_sibling (button);

  ck_assert_str_eq (gtk_button_get_icon_name (GTK_BUTTON (close)), "window-close-symbolic");
  g_signal_emit_by_name (close, "clicked");
  custos_test_wait_for (is_unparented, toast, "the toast to go");
  custos_test_spin ();
}

static gboolean
has_no_undo_toast (gpointer window)
{
  return custos_test_find_button (custos_test_find_type (window, ADW_TYPE_TOAST_OVERLAY), "_Undo") == NULL;
}

/* The issue's case: delete A-001, delete A-002, then the first toast's Undo
 * (shown again once the second has gone). It used to restore A-001 with
 * the references it had, A-002 among them, and the file would not load. */
START_TEST (test_delete_toast_undo)
{
  g_autofree char *path = NULL;
  CustosWindow *window = open_example (&path);
  CustosDocument *doc = custos_window_get_document (window);
  CustosRegisterView *view = show_register (window, "assets", "assets");
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(CustosDocument) reopened = NULL;
  g_autoptr(GError) error = NULL;
  GtkWidget *overlay = custos_test_find_type (GTK_WIDGET (window), ADW_TYPE_TOAST_OVERLAY);
  GtkWidget *undo;

  delete_record (view, CUSTOS_REGISTER_ASSETS, "A-001");
  ck_assert_ptr_nonnull (custos_test_find_button (overlay, "_Undo"));
  delete_record (view, CUSTOS_REGISTER_ASSETS, "A-002");

  /* The second toast goes (its time ran out); an Undo still shown is pressed. */
  undo = custos_test_find_button (overlay, "_Undo");
  ck_assert_ptr_nonnull (undo);
  ck_assert_str_eq (gtk_actionable_get_action_name (GTK_ACTIONABLE (undo)), "win.undo");
  close_toast (undo);
  undo = custos_test_find_button (overlay, "_Undo");
  if (undo != NULL)
    g_signal_emit_by_name (undo, "clicked");
  custos_test_spin ();
  assert_references_resolve (doc);

  save (window);
  reopened = custos_file_load (file, NULL, &error);
  g_assert_no_error (error);
  assert_references_resolve (reopened);

  /* The window's undo brings both back, the last first, with their references. */
  ck_assert (gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL));
  ck_assert_ptr_nonnull (custos_document_lookup (doc, CUSTOS_REGISTER_ASSETS, "A-002"));
  ck_assert_ptr_eq (custos_register_view_get_selected (view),
                    custos_document_lookup (doc, CUSTOS_REGISTER_ASSETS, "A-002"));
  ck_assert_ptr_null (custos_document_lookup (doc, CUSTOS_REGISTER_ASSETS, "A-001"));
  ck_assert (gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL));
  ck_assert_ptr_nonnull (custos_document_lookup (doc, CUSTOS_REGISTER_ASSETS, "A-001"));
  assert_references_resolve (doc);
  ck_assert (custos_document_get_modified (doc)); /* saved without them */
}
END_TEST

/* An edit after the delete: the toast's Undo would undo the edit, so it goes. */
START_TEST (test_delete_toast_goes_on_edit)
{
  CustosWindow *window = open_example (NULL);
  CustosDocument *doc = custos_window_get_document (window);
  CustosRegisterView *view = show_register (window, "assets", "assets");
  GtkWidget *overlay = custos_test_find_type (GTK_WIDGET (window), ADW_TYPE_TOAST_OVERLAY);

  delete_record (view, CUSTOS_REGISTER_ASSETS, "A-003");
  ck_assert_ptr_nonnull (custos_test_find_button (overlay, "_Undo"));
  custos_organisation_set_name (custos_document_get_organisation (doc), "Edited since");
  custos_test_wait_for (has_no_undo_toast, window, "the toast to go");
}
END_TEST

/* 10. Undo back to the saved state: no "•" -------------------------------- */

START_TEST (test_undo_to_saved_state)
{
  CustosWindow *window = open_example (NULL);
  CustosDocument *doc = custos_window_get_document (window);
  CustosOrganisation *org = custos_document_get_organisation (doc);
  const char *clean = "example.isms — Custos";
  const char *dirty = "• example.isms — Custos";
  g_autofree char *original = g_strdup (custos_organisation_get_name (org));

  ck_assert_str_eq (gtk_window_get_title (GTK_WINDOW (window)), clean);
  custos_organisation_set_name (org, "First");
  ck_assert_str_eq (gtk_window_get_title (GTK_WINDOW (window)), dirty);
  ck_assert (gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL));
  ck_assert_str_eq (gtk_window_get_title (GTK_WINDOW (window)), clean);
  ck_assert (gtk_widget_activate_action (GTK_WIDGET (window), "win.redo", NULL));
  ck_assert_str_eq (gtk_window_get_title (GTK_WINDOW (window)), dirty);

  /* Saved: that is the new clean state, in both directions. */
  save (window);
  ck_assert_str_eq (gtk_window_get_title (GTK_WINDOW (window)), clean);
  custos_organisation_set_name (org, "Second");
  ck_assert (gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL));
  ck_assert_str_eq (gtk_window_get_title (GTK_WINDOW (window)), clean);
  ck_assert (gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL));
  ck_assert_str_eq (gtk_window_get_title (GTK_WINDOW (window)), dirty);
  ck_assert (gtk_widget_activate_action (GTK_WIDGET (window), "win.redo", NULL));
  ck_assert_str_eq (gtk_window_get_title (GTK_WINDOW (window)), clean);

  /* A new edit where the saved state had been undone: no way back to it. */
  ck_assert (gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL));
  custos_organisation_set_name (org, "Third");
  ck_assert (gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL));
  ck_assert_str_eq (gtk_window_get_title (GTK_WINDOW (window)), dirty);
  ck_assert_str_eq (custos_organisation_get_name (org), original);
}
END_TEST

/* 2. Every way of closing, under fatal criticals ---------------------------- */

static gboolean
has_dialog (gpointer window)
{
  return custos_test_find_dialog (window) != NULL;
}

static gboolean
is_gone (gpointer weak)
{
  return *(gpointer *) weak == NULL;
}

/* Closes window the way close names, answering the unsaved-changes dialog
 * with response; returns whether the window went. */
static gboolean
close_with (CustosWindow *window,
            const char   *how,
            const char   *response)
{
  gpointer weak = window;

  g_object_add_weak_pointer (G_OBJECT (window), &weak);
  if (g_str_equal (how, "app.quit"))
    g_action_group_activate_action (G_ACTION_GROUP (app), "quit", NULL);
  else
    ck_assert (gtk_widget_activate_action (GTK_WIDGET (window), how, NULL));
  if (response != NULL)
    {
      custos_test_wait_for (has_dialog, window, "the unsaved-changes dialog");
      custos_test_respond (custos_test_find_dialog (GTK_WINDOW (window)), response);
    }
  if (response == NULL || !g_str_equal (response, "cancel"))
    custos_test_wait_for (is_gone, &weak, "the window to close");
  custos_test_spin ();
  if (weak != NULL)
    g_object_remove_weak_pointer (G_OBJECT (window), &weak);
  return weak == NULL;
}

static const struct
{
  const char *how;
  const char *response;
  gboolean    edit;
} close_paths[] = {
  { "window.close", NULL, FALSE },
  { "window.close", "discard", TRUE },
  { "window.close", "save", TRUE },
  { "window.close", "cancel", TRUE },
  { "app.quit", NULL, FALSE },
  { "app.quit", "discard", TRUE },
  { "app.quit", "save", TRUE },
};

/* Types text into the widget that edits field, as a user does. */
static void
type_into (CustosRecordEditor *editor,
           const char         *field,
           const char         *text)
{
  GtkWidget *widget = custos_record_editor_get_field_widget (editor, field);

  ck_assert_msg (widget != NULL, "no widget edits “%s”", field);
  gtk_widget_grab_focus (widget);
  if (GTK_IS_EDITABLE (widget))
    gtk_editable_set_text (GTK_EDITABLE (widget), text);
  else
    gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (widget)), text, -1);
}

/* The pages are shown first, so that every widget has its document to let
 * go; the edit is typed into an editor, as the issue's was. */
START_TEST (test_close_paths)
{
  g_autofree char *path = NULL;
  CustosWindow *window = open_example (&path);
  CustosDocument *doc = custos_window_get_document (window);
  CustosRegisterView *risks;
  gboolean gone;

  for (const char *const *page = (const char *[]) { "assets", "soa", "readiness", NULL }; *page != NULL; page++)
    {
      ck_assert (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-page", "s", *page));
      custos_test_spin ();
    }
  risks = show_register (window, "risks", "risks");
  custos_register_view_select (risks, custos_document_lookup (doc, CUSTOS_REGISTER_RISKS, "R-002"));
  custos_test_spin ();
  if (close_paths[_i].edit)
    {
      type_into (custos_register_view_get_editor (risks), "title", "Closing Ltd");
      custos_test_spin ();
    }
  gone = close_with (window, close_paths[_i].how, close_paths[_i].response);
  ck_assert_int_eq (gone, close_paths[_i].response == NULL || !g_str_equal (close_paths[_i].response, "cancel"));
  {
    g_autoptr(GBytes) bytes = custos_test_read_file (path);
    gboolean saved = g_strstr_len (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), "Closing Ltd") != NULL;
    ck_assert_int_eq (saved, close_paths[_i].response != NULL && g_str_equal (close_paths[_i].response, "save"));
  }
}
END_TEST

static gboolean
has_file (gpointer window)
{
  return custos_window_get_file (window) != NULL;
}

/* A window that opened its file read-only (someone else holds the lock). */
START_TEST (test_close_read_only)
{
  g_autofree char *path = custos_test_copy_example (dir);
  g_autofree char *lock = g_build_filename (dir, ".~lock.example.isms#", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  CustosWindow *window = custos_window_new (GTK_APPLICATION (app), custos_application_get_clock (app));

  ck_assert (g_file_set_contents (lock, "Jane Doe,jdoe,ws-12,01.02.2027 10:15,file:///x;", -1, NULL));
  gtk_window_present (GTK_WINDOW (window));
  custos_window_load (window, file);
  custos_test_wait_for (has_dialog, window, "the lock dialog");
  custos_test_respond (custos_test_find_dialog (GTK_WINDOW (window)), "read-only");
  custos_test_wait_for (has_file, window, "the read-only file");
  custos_test_spin ();
  ck_assert (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-page", "s", "risks"));
  custos_organisation_set_name (custos_document_get_organisation (custos_window_get_document (window)), "Mine");
  ck_assert (close_with (window, "window.close", "discard"));
  /* Their lock stays. */
  ck_assert (g_file_test (lock, G_FILE_TEST_EXISTS));
}
END_TEST

/* 3. A finding opens its record ------------------------------------------ */

/* The page has checked the edits: control 5.6 is not decided, R-002 has no controls. */
static gboolean
has_rechecked (gpointer page)
{
  CustosReadiness *readiness = custos_readiness_page_get_readiness (page);
  guint found = 0;

  for (guint i = 0; readiness != NULL && i < custos_readiness_get_n_findings (readiness); i++)
    {
      const char *id = custos_readiness_get_finding (readiness, i)->record_id;
      found += g_strcmp0 (id, "5.6") == 0 || g_strcmp0 (id, "R-002") == 0;
    }
  return found >= 2;
}

/* The row of the readiness page titled title. */
/* The SoA page is shown with control_id, and only it, selected. */
static void
assert_soa_shows (CustosWindow *window,
                  const char   *control_id)
{
  g_autoptr(GPtrArray) selected = NULL;

  ck_assert_str_eq (custos_window_get_visible_page (window), "soa");
  selected = custos_soa_page_get_selected_entries (custos_test_find_type (GTK_WIDGET (window), CUSTOS_TYPE_SOA_PAGE));
  ck_assert_uint_eq (selected->len, 1);
  ck_assert_str_eq (custos_record_get_id (selected->pdata[0]), control_id);
}

/* The last finding of register reg about one record: not the first record,
 * which a page shows anyway. */
static const CustosReadinessFinding *
last_finding_of (CustosReadiness *readiness,
                 CustosRegister   reg)
{
  const CustosReadinessFinding *found = NULL;

  for (guint i = 0; i < custos_readiness_get_n_findings (readiness); i++)
    {
      const CustosReadinessFinding *finding = custos_readiness_get_finding (readiness, i);
      if (finding->reg == (int) reg && finding->record_id != NULL)
        found = finding;
    }
  ck_assert_msg (found != NULL, "no finding about a record of register %d", reg);
  return found;
}

START_TEST (test_finding_opens_record)
{
  CustosWindow *window = open_example (NULL);
  CustosDocument *doc = custos_window_get_document (window);
  CustosReadinessPage *page;
  CustosReadiness *readiness;
  const CustosReadinessFinding *finding;
  g_autofree char *risk_id = NULL;
  g_autofree char *control_id = NULL;
  GtkWidget *row;

  /* A risk without chosen controls, and an undecided control, as in the issue. */
  CustosRisk *risk = CUSTOS_RISK (custos_document_lookup (doc, CUSTOS_REGISTER_RISKS, "R-002"));

  custos_risk_set_treatment (risk, CUSTOS_TREATMENT_CHANGE_LIKELIHOOD);
  custos_risk_set_controls (risk, NULL);
  custos_risk_set_custom_controls (risk, NULL);
  custos_soa_entry_set_applicable (CUSTOS_SOA_ENTRY (custos_document_lookup (doc, CUSTOS_REGISTER_SOA, "5.6")),
                                   CUSTOS_APPLICABILITY_UNDECIDED);
  ck_assert (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-page", "s", "soa"));
  custos_soa_page_select (custos_test_find_type (GTK_WIDGET (window), CUSTOS_TYPE_SOA_PAGE),
                          custos_document_lookup (doc, CUSTOS_REGISTER_SOA, "8.7"));
  ck_assert (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-page", "s", "readiness"));
  custos_test_spin ();
  /* Built the first time it is shown. */
  page = custos_test_find_type (GTK_WIDGET (window), CUSTOS_TYPE_READINESS_PAGE);
  custos_test_wait_for (has_rechecked, page, "the readiness check of the edits");
  custos_test_spin ();
  readiness = custos_readiness_page_get_readiness (page);

  finding = last_finding_of (readiness, CUSTOS_REGISTER_RISKS);
  risk_id = g_strdup (finding->record_id);
  row = custos_test_find_row (GTK_WIDGET (page), finding->message);
  ck_assert_msg (row != NULL, "no row “%s”", finding->message);
  ck_assert (gtk_widget_activate (row));
  custos_test_spin ();
  ck_assert_str_eq (custos_window_get_visible_page (window), "risks");
  ck_assert_str_eq (custos_record_get_id (custos_register_view_get_selected (custos_test_find_view (GTK_WIDGET (window), "risks"))),
                    risk_id);

  ck_assert (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-page", "s", "readiness"));
  custos_test_spin ();
  readiness = custos_readiness_page_get_readiness (page);
  finding = last_finding_of (readiness, CUSTOS_REGISTER_SOA);
  control_id = g_strdup (finding->record_id);
  row = custos_test_find_row (GTK_WIDGET (page), finding->message);
  ck_assert_msg (row != NULL, "no row “%s”", finding->message);
  ck_assert (gtk_widget_activate (row));
  custos_test_spin ();
  assert_soa_shows (window, control_id);
}
END_TEST

/* 5. Findings grouped by rule --------------------------------------------------- */

/* The page has checked the edits: every control is undecided. */
static gboolean
has_all_undecided (gpointer page)
{
  CustosReadiness *readiness = custos_readiness_page_get_readiness (page);
  CustosDocument *doc = readiness ? custos_readiness_get_document (readiness) : NULL;
  guint undecided = 0;

  for (guint i = 0; readiness != NULL && i < custos_readiness_get_n_findings (readiness); i++)
    undecided += g_str_equal (custos_readiness_get_finding (readiness, i)->rule, "soa-undecided");
  return doc != NULL &&
         undecided == g_list_model_get_n_items (custos_document_get_register (doc, CUSTOS_REGISTER_SOA));
}

static gboolean
is_mapped (gpointer widget)
{
  return gtk_widget_get_mapped (widget);
}

/* The severity a row shows: the CSS class of its first severity icon. */
static gboolean
is_severity_icon (GtkWidget     *widget,
                  gconstpointer  data)
{
  return GTK_IS_IMAGE (widget) && (gtk_widget_has_css_class (widget, "error") ||
                                   gtk_widget_has_css_class (widget, "warning") ||
                                   gtk_widget_has_css_class (widget, "accent"));
}

static const char *
row_severity (GtkWidget *widget)
{
  GtkWidget *icon = custos_test_find (widget, is_severity_icon, NULL);

  if (icon == NULL)
    return NULL;
  for (const char *const *c = (const char *[]) { "error", "warning", "accent", NULL }; *c != NULL; c++)
    if (gtk_widget_has_css_class (icon, *c))
      return *c;
  return NULL;
}
/* The label under widget showing text. */
static gboolean
is_label_showing (GtkWidget     *widget,
                  gconstpointer  text)
{
  return GTK_IS_LABEL (widget) && g_strcmp0 (gtk_label_get_text (GTK_LABEL (widget)), text) == 0;
}

static GtkWidget *
find_label (GtkWidget  *widget,
            const char *text)
{
  return custos_test_find (widget, is_label_showing, text);
}
START_TEST (test_findings_grouped)
{
  CustosWindow *window = open_example (NULL);
  CustosDocument *doc = custos_window_get_document (window);
  CustosReadinessPage *page;
  GListModel *soa = custos_document_get_register (doc, CUSTOS_REGISTER_SOA);
  guint n_controls = g_list_model_get_n_items (soa);
  g_autoptr(GHashTable) rules = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autofree char *count = g_strdup_printf ("%u", n_controls);
  CustosReadiness *readiness;
  g_autofree char *undecided_message = NULL;
  g_autofree char *undecided_id = NULL;
  GtkWidget *findings, *list, *group, *row;
  guint n_rows = 0, n_warnings = 0;
  gboolean past_errors = FALSE;

  /* Not a single control decided: one rule trips for every one of them. */
  for (guint i = 0; i < n_controls; i++)
    {
      g_autoptr(CustosRecord) entry = g_list_model_get_item (soa, i);
      custos_soa_entry_set_applicable (CUSTOS_SOA_ENTRY (entry), CUSTOS_APPLICABILITY_UNDECIDED);
    }
  ck_assert (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-page", "s", "readiness"));
  custos_test_spin ();
  page = custos_test_find_type (GTK_WIDGET (window), CUSTOS_TYPE_READINESS_PAGE);
  custos_test_wait_for (has_all_undecided, page, "the readiness check of the edits");
  custos_test_spin ();
  readiness = custos_readiness_page_get_readiness (page);
  ck_assert_uint_gt (n_controls, 90);
  for (guint i = 0; i < custos_readiness_get_n_findings (readiness); i++)
    {
      const CustosReadinessFinding *finding = custos_readiness_get_finding (readiness, i);
      g_hash_table_add (rules, g_strdup_printf ("%d %s %s", finding->severity, finding->rule, finding->clause));
      if (g_str_equal (finding->rule, "soa-undecided"))
        {
          g_free (undecided_message);
          g_free (undecided_id);
          undecided_message = g_strdup (finding->message);
          undecided_id = g_strdup (finding->record_id);
        }
    }

  /* One row per severity, rule and clause, errors first, then warnings. */
  findings = custos_test_find_type (GTK_WIDGET (page), ADW_TYPE_PREFERENCES_GROUP);
  list = custos_test_find_type (findings, GTK_TYPE_LIST_BOX);
  for (GtkWidget *child = gtk_widget_get_first_child (list); child; child = gtk_widget_get_next_sibling (child))
    {
      const char *severity = row_severity (child);

      ck_assert_msg (severity != NULL, "row %u shows no severity", n_rows);
      if (n_rows == 0)
        ck_assert_str_eq (severity, "error");
      if (!g_str_equal (severity, "error"))
        past_errors = TRUE;
      else
        ck_assert_msg (!past_errors, "an error in row %u after a warning", n_rows);
      n_warnings += g_str_equal (severity, "warning");
      n_rows++;
    }
  ck_assert_uint_gt (n_warnings, 0);
  ck_assert_uint_eq (n_rows, g_hash_table_size (rules));
  ck_assert_uint_lt (n_rows, custos_readiness_get_n_findings (readiness) - n_controls + 2);

  /* The undecided controls are one row with their count, collapsed... */
  group = custos_test_find_row (findings, custos_readiness_rule_get_title ("soa-undecided"));
  ck_assert_msg (ADW_IS_EXPANDER_ROW (group), "the undecided controls are not one expandable row");
  ck_assert_ptr_nonnull (find_label (group, count));
  row = custos_test_find_row (group, undecided_message);
  ck_assert_ptr_nonnull (row);
  ck_assert (!gtk_widget_get_mapped (row));
  /* ...expanded, the controls, each opening its record. */
  adw_expander_row_set_expanded (ADW_EXPANDER_ROW (group), TRUE);
  custos_test_wait_for (is_mapped, row, "the expanded findings");
  ck_assert (gtk_widget_activate (row));
  custos_test_spin ();
  assert_soa_shows (window, undecided_id);
}
END_TEST

/* 10. Icon buttons have names ------------------------------------------------ */

/* Icon-only buttons under widget without an accessible name, appended to missing. */
static void
collect_unnamed_buttons (GtkWidget *widget,
                         GString   *missing)
{
  gboolean icon_only = FALSE;
  const char *icon = NULL;

  if (GTK_IS_MENU_BUTTON (widget))
    {
      icon = gtk_menu_button_get_icon_name (GTK_MENU_BUTTON (widget));
      icon_only = gtk_menu_button_get_label (GTK_MENU_BUTTON (widget)) == NULL && icon != NULL;
    }
  else if (GTK_IS_BUTTON (widget) && !GTK_IS_MENU_BUTTON (gtk_widget_get_parent (widget)))
    {
      icon = gtk_button_get_icon_name (GTK_BUTTON (widget));
      icon_only = gtk_button_get_label (GTK_BUTTON (widget)) == NULL && icon != NULL;
    }
  if (icon_only && !gtk_test_accessible_has_property (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_PROPERTY_LABEL) &&
      !gtk_test_accessible_has_relation (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_RELATION_LABELLED_BY))
    g_string_append_printf (missing, " %s(%s)", G_OBJECT_TYPE_NAME (widget), icon);
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    collect_unnamed_buttons (child, missing);
}

START_TEST (test_icon_buttons_named)
{
  CustosWindow *window = open_example (NULL);
  g_autoptr(GString) missing = g_string_new (NULL);

  /* Every page is built: the header bars' buttons and the pages'. */
  collect_unnamed_buttons (GTK_WIDGET (window), missing);
  ck_assert_msg (missing->len == 0, "icon buttons without a name:%s", missing->str);
}
END_TEST

/* 10. New leaves no empty window behind ------------------------------------ */

static guint
count_windows (void)
{
  guint n = 0;

  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (app)); l != NULL; l = l->next)
    n += CUSTOS_IS_WINDOW (l->data);
  return n;
}

static void
create_new (CustosWindow *window,
            const char   *name)
{
  AdwMessageDialog *dialog;

  gtk_window_present (GTK_WINDOW (window));
  g_action_group_activate_action (G_ACTION_GROUP (app), "new", NULL);
  dialog = custos_test_find_dialog (GTK_WINDOW (window));
  ck_assert_ptr_nonnull (dialog);
  gtk_editable_set_text (custos_test_find_type (GTK_WIDGET (dialog), ADW_TYPE_ENTRY_ROW), name);
  custos_test_respond (dialog, "create");
  custos_test_spin ();
}

START_TEST (test_new_replaces_empty_window)
{
  CustosWindow *window = custos_window_new (GTK_APPLICATION (app), custos_application_get_clock (app));
  CustosWindow *other;

  ck_assert_uint_eq (count_windows (), 1);
  create_new (window, "Acme Ltd");
  ck_assert_uint_eq (count_windows (), 1);
  ck_assert_str_eq (custos_organisation_get_name (custos_document_get_organisation (custos_window_get_document (window))),
                    "Acme Ltd");

  /* A window with work in it stays as it is; the new document gets its own. */
  custos_document_add_new (custos_window_get_document (window), CUSTOS_REGISTER_RISKS);
  create_new (window, "Other Ltd");
  ck_assert_uint_eq (count_windows (), 2);
  ck_assert_str_eq (custos_organisation_get_name (custos_document_get_organisation (custos_window_get_document (window))),
                    "Acme Ltd");
  other = CUSTOS_WINDOW (gtk_application_get_windows (GTK_APPLICATION (app))->data);
  ck_assert_ptr_ne (other, window);
  ck_assert_str_eq (custos_organisation_get_name (custos_document_get_organisation (custos_window_get_document (other))),
                    "Other Ltd");
}
END_TEST

/* 4. The sidebar shows the page shown, and the keys change it ------------ */

static gboolean
is_sidebar (GtkWidget     *widget,
            gconstpointer  data)
{
  /* The window's sidebar, not a page's list (pages are in a stack). */
  return GTK_IS_LIST_BOX (widget) && gtk_widget_has_css_class (widget, "navigation-sidebar") &&
         gtk_widget_get_ancestor (widget, GTK_TYPE_STACK) == NULL;
}

static GtkListBox *
find_sidebar (GtkWidget *widget)
{
  return custos_test_find (widget, is_sidebar, NULL);
}
static const char *
selected_sidebar_label (CustosWindow *window)
{
  GtkListBox *sidebar = find_sidebar (GTK_WIDGET (window));
  GtkListBoxRow *row = gtk_list_box_get_selected_row (sidebar);
  GtkWidget *box = row != NULL ? gtk_list_box_row_get_child (row) : NULL;

  return box != NULL ? gtk_label_get_text (GTK_LABEL (gtk_widget_get_last_child (box))) : NULL;
}

START_TEST (test_sidebar_follows_page)
{
  CustosWindow *window = open_example (NULL);
  GtkListBox *sidebar = find_sidebar (GTK_WIDGET (window));
  static const struct { const char *page, *label; } pages[] = {
    { "soa", "Statement of Applicability" }, { "objectives", "Objectives" }, { "soa", "Statement of Applicability" },
    { "leadership", "Leadership" }, { "readiness", "Readiness" }, { "overview", "Overview" },
  };

  gtk_window_set_default_size (GTK_WINDOW (window), 1280, 800);
  custos_test_spin ();
  for (guint i = 0; i < G_N_ELEMENTS (pages); i++)
    {
      ck_assert (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-page", "s", pages[i].page));
      custos_test_spin ();
      ck_assert_str_eq (custos_window_get_visible_page (window), pages[i].page);
      ck_assert_str_eq (selected_sidebar_label (window), pages[i].label);
    }

  /* Down from Overview: Context, then Leadership; over the heading of 6 to Assets. */
  gtk_widget_grab_focus (GTK_WIDGET (gtk_list_box_get_selected_row (sidebar)));
  g_signal_emit_by_name (sidebar, "move-cursor", GTK_MOVEMENT_DISPLAY_LINES, 1, FALSE, FALSE);
  custos_test_spin ();
  ck_assert_str_eq (custos_window_get_visible_page (window), "context");
  g_signal_emit_by_name (sidebar, "move-cursor", GTK_MOVEMENT_DISPLAY_LINES, 1, FALSE, FALSE);
  g_signal_emit_by_name (sidebar, "move-cursor", GTK_MOVEMENT_DISPLAY_LINES, 1, FALSE, FALSE);
  custos_test_spin ();
  ck_assert_str_eq (custos_window_get_visible_page (window), "assets");
  ck_assert_str_eq (selected_sidebar_label (window), "Assets");
  /* The heading is no row: nothing to click, focus or select. */
  ck_assert_ptr_nonnull (gtk_list_box_row_get_header (gtk_list_box_get_selected_row (sidebar)));
}
END_TEST

/* The first SoA entry of the document with applicability a. */
static CustosSoaEntry *
find_soa_entry (CustosDocument     *doc,
                CustosApplicability a)
{
  GListModel *entries = custos_document_get_register (doc, CUSTOS_REGISTER_SOA);

  for (guint i = 0, n = g_list_model_get_n_items (entries); i < n; i++)
    {
      g_autoptr(CustosSoaEntry) entry = g_list_model_get_item (entries, i);

      if (custos_soa_entry_get_applicable (entry) == a)
        return entry; /* the document holds it */
    }
  return NULL;
}

/* The chooser of Annex A controls under widget: its choices are no records. */
static gboolean
is_controls_chooser (GtkWidget     *widget,
                     gconstpointer  data)
{
  g_autoptr(GObject) item = CUSTOS_IS_REF_CHOOSER (widget)
                            ? g_list_model_get_item (custos_ref_chooser_get_model (CUSTOS_REF_CHOOSER (widget)), 0)
                            : NULL;

  return item != NULL && !CUSTOS_IS_RECORD (item);
}

static CustosRefChooser *
find_controls_chooser (GtkWidget *widget)
{
  return custos_test_find (widget, is_controls_chooser, NULL);
}
/* The risk's controls as one string, "" for none. */
static char *
controls_text (CustosRecord *risk)
{
  const char * const *ids = custos_risk_get_controls (CUSTOS_RISK (risk));

  return ids != NULL ? g_strjoinv (",", (char **) ids) : g_strdup ("");
}

static gboolean
has_control (CustosRecord *risk,
             const char   *id)
{
  const char * const *ids = custos_risk_get_controls (CUSTOS_RISK (risk));

  return ids != NULL && g_strv_contains (ids, id);
}

/* A control chosen for a risk becomes applicable in the SoA, in the same
 * undo step as the choice, and a toast says so (issue 13, point 10). */
START_TEST (test_chosen_control_becomes_applicable)
{
  CustosWindow *window = open_example (NULL);
  CustosDocument *doc = custos_window_get_document (window);
  CustosRegisterView *view = show_register (window, "risks", "risks");
  GtkWidget *overlay = custos_test_find_type (GTK_WIDGET (window), ADW_TYPE_TOAST_OVERLAY);
  CustosSoaEntry *excluded = find_soa_entry (doc, CUSTOS_APPLICABILITY_NOT_APPLICABLE);
  CustosSoaEntry *undecided = NULL;
  g_autoptr(CustosRecord) risk = g_list_model_get_item (custos_document_get_register (doc, CUSTOS_REGISTER_RISKS), 0);
  g_autofree char *controls_before = NULL;
  CustosImplementation implementation;
  CustosRefChooser *chooser;
  const char *id;

  ck_assert_ptr_nonnull (excluded);
  ck_assert_ptr_nonnull (risk);
  custos_register_view_select (view, risk);
  custos_test_spin ();
  chooser = find_controls_chooser (GTK_WIDGET (view));
  ck_assert_ptr_nonnull (chooser);
  controls_before = controls_text (risk);

  /* Not applicable: applicable, its implementation as it was. */
  id = custos_record_get_id (CUSTOS_RECORD (excluded));
  implementation = custos_soa_entry_get_implementation (excluded);
  custos_ref_chooser_toggle (chooser, id);
  ck_assert (has_control (risk, id));
  ck_assert_int_eq (custos_soa_entry_get_applicable (excluded), CUSTOS_APPLICABILITY_APPLICABLE);
  ck_assert_int_eq (custos_soa_entry_get_implementation (excluded), implementation);
  ck_assert (custos_soa_entry_get_reasons (excluded) & CUSTOS_REASON_RISK_TREATMENT);
  {
    g_autofree char *cited = custos_control_cite (id);
    g_autofree char *title = g_strdup_printf ("%s is now applicable in the Statement of Applicability", cited);
    GtkWidget *undo = custos_test_find_button (overlay, "_Undo");

    ck_assert_ptr_nonnull (undo);
    ck_assert_str_eq (gtk_actionable_get_action_name (GTK_ACTIONABLE (undo)), "win.undo");
    ck_assert_msg (find_label (overlay, title), "no toast \"%s\"", title);
    /* One undo takes back the choice and its consequence. */
    g_signal_emit_by_name (undo, "clicked");
  }
  ck_assert_int_eq (custos_soa_entry_get_applicable (excluded), CUSTOS_APPLICABILITY_NOT_APPLICABLE);
  ck_assert (!(custos_soa_entry_get_reasons (excluded) & CUSTOS_REASON_RISK_TREATMENT));
  {
    g_autofree char *controls_after = controls_text (risk);

    ck_assert_str_eq (controls_after, controls_before);
  }
  /* Redo brings both back, and no second change. */
  ck_assert (gtk_widget_activate_action (GTK_WIDGET (window), "win.redo", NULL));
  ck_assert (has_control (risk, id));
  ck_assert_int_eq (custos_soa_entry_get_applicable (excluded), CUSTOS_APPLICABILITY_APPLICABLE);
  ck_assert (gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL));
  ck_assert_int_eq (custos_soa_entry_get_applicable (excluded), CUSTOS_APPLICABILITY_NOT_APPLICABLE);

  /* Undecided: applicable and planned. */
  custos_soa_entry_set_applicable (excluded, CUSTOS_APPLICABILITY_UNDECIDED);
  custos_soa_entry_set_implementation (excluded, CUSTOS_IMPLEMENTATION_NOT_IMPLEMENTED);
  undecided = find_soa_entry (doc, CUSTOS_APPLICABILITY_UNDECIDED);
  ck_assert_ptr_nonnull (undecided);
  id = custos_record_get_id (CUSTOS_RECORD (undecided));
  custos_ref_chooser_toggle (chooser, id);
  ck_assert_int_eq (custos_soa_entry_get_applicable (undecided), CUSTOS_APPLICABILITY_APPLICABLE);
  ck_assert_int_eq (custos_soa_entry_get_implementation (undecided), CUSTOS_IMPLEMENTATION_PLANNED);
  /* Unchecking it again leaves the SoA as it is. */
  custos_ref_chooser_toggle (chooser, id);
  ck_assert (!has_control (risk, id));
  ck_assert_int_eq (custos_soa_entry_get_applicable (undecided), CUSTOS_APPLICABILITY_APPLICABLE);
}
END_TEST

/* 6. Room for the editors ---------------------------------------------------- */

static GtkScrolledWindow *
form_scroller (CustosRegisterView *view)
{
  GtkWidget *editor = custos_test_find_type (GTK_WIDGET (view), CUSTOS_TYPE_RECORD_EDITOR);

  ck_assert_ptr_nonnull (editor);
  return GTK_SCROLLED_WINDOW (gtk_widget_get_ancestor (editor, GTK_TYPE_SCROLLED_WINDOW));
}

static CustosRecord *
nth_risk (CustosWindow *window,
          guint         n)
{
  GListModel *risks = custos_document_get_register (custos_window_get_document (window), CUSTOS_REGISTER_RISKS);
  g_autoptr(CustosRecord) risk = g_list_model_get_item (risks, n);

  return risk; /* the document holds it */
}

/* A record chosen in the list shows its form from the top, wherever the
 * last one was scrolled to. */
START_TEST (test_new_record_form_at_top)
{
  CustosWindow *window = open_example (NULL);
  CustosRegisterView *view = show_register (window, "risks", "risks");
  GtkAdjustment *adjustment;

  custos_register_view_select (view, nth_risk (window, 0));
  custos_test_spin ();
  adjustment = gtk_scrolled_window_get_vadjustment (form_scroller (view));
  ck_assert_double_gt (gtk_adjustment_get_upper (adjustment), gtk_adjustment_get_page_size (adjustment));
  gtk_adjustment_set_value (adjustment, gtk_adjustment_get_upper (adjustment));
  custos_test_spin ();
  ck_assert_double_gt (gtk_adjustment_get_value (adjustment), 0);

  custos_register_view_select (view, nth_risk (window, 1));
  custos_test_spin ();
  ck_assert_ptr_eq (custos_register_view_get_selected (view), nth_risk (window, 1));
  ck_assert_double_eq (gtk_adjustment_get_value (adjustment), 0);
}
END_TEST

/* A long text is shown whole, and the wheel over it scrolls the form: the
 * text view sits in the form's scroller, not in one of its own. */
static gboolean
text_view_grown (gpointer text_view)
{
  int natural = 0;

  gtk_widget_measure (text_view, GTK_ORIENTATION_VERTICAL, gtk_widget_get_width (text_view), NULL, &natural, NULL, NULL);
  return natural > 40 * 10 && gtk_widget_get_height (text_view) >= natural;
}

START_TEST (test_text_fields_grow)
{
  CustosWindow *window = open_example (NULL);
  CustosRegisterView *view = show_register (window, "risks", "risks");
  CustosRecord *risk = nth_risk (window, 0);
  g_autoptr(GString) text = g_string_new (NULL);
  GtkWidget *text_view;
  int natural = 0;

  for (guint i = 0; i < 40; i++)
    g_string_append_printf (text, "Line %u of a threat that goes on and on.\n", i + 1);
  custos_risk_set_threat (CUSTOS_RISK (risk), text->str);
  custos_register_view_select (view, risk);
  custos_test_spin ();

  text_view = custos_test_find_type (GTK_WIDGET (view), GTK_TYPE_TEXT_VIEW);
  ck_assert_ptr_nonnull (text_view);
  {
    g_autofree char *shown = NULL;
    GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (text_view));
    GtkTextIter start, end;

    gtk_text_buffer_get_bounds (buffer, &start, &end);
    shown = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
    ck_assert_str_eq (shown, custos_risk_get_threat (CUSTOS_RISK (risk)));
  }
  ck_assert_ptr_eq (gtk_widget_get_ancestor (text_view, GTK_TYPE_SCROLLED_WINDOW), form_scroller (view));
  /* A text view lays its lines out in idle time: wait for it, as a user's
   * eye would, rather than read the height of a frame in between. */
  custos_test_wait_for (text_view_grown, text_view, "the text field to grow with its 40 lines");
  gtk_widget_measure (text_view, GTK_ORIENTATION_VERTICAL, gtk_widget_get_width (text_view), NULL, &natural, NULL, NULL);
  ck_assert_int_gt (natural, 40 * 10);
  ck_assert_int_ge (gtk_widget_get_height (text_view), natural);
}
END_TEST

/* Hiding the heatmap gives its height to the risk register and its form. */
START_TEST (test_heatmap_hides)
{
  g_autoptr(GSettings) settings = g_settings_new ("io.github.custos.Custos");
  CustosWindow *window = open_example (NULL);
  CustosRegisterView *view = show_register (window, "risks", "risks");
  GtkWidget *heatmap = custos_test_find_type (GTK_WIDGET (window), CUSTOS_TYPE_HEATMAP_VIEW);
  int form_height, heatmap_height;

  custos_register_view_select (view, nth_risk (window, 0));
  custos_test_spin ();
  form_height = gtk_widget_get_height (GTK_WIDGET (form_scroller (view)));
  heatmap_height = gtk_widget_get_height (heatmap);
  ck_assert_int_gt (heatmap_height, 0);

  ck_assert (gtk_widget_activate_action (GTK_WIDGET (view), "risks.show-heatmap", NULL));
  custos_test_spin ();
  ck_assert (!gtk_widget_get_mapped (heatmap));
  ck_assert_int_ge (gtk_widget_get_height (GTK_WIDGET (form_scroller (view))), form_height + heatmap_height);
  /* remembered: the next window opens without it */
  ck_assert (!g_settings_get_boolean (settings, "show-heatmap"));
  {
    g_autofree char *other_dir = custos_test_mkdtemp ();
    g_autofree char *other_path = custos_test_copy_example (other_dir);
    CustosWindow *other = custos_test_open_window (app, other_path);
    GtkWidget *other_heatmap;

    show_register (other, "risks", "risks");
    other_heatmap = custos_test_find_type (GTK_WIDGET (other), CUSTOS_TYPE_HEATMAP_VIEW);
    ck_assert (!gtk_widget_get_mapped (other_heatmap));
    gtk_window_destroy (GTK_WINDOW (other));
    custos_test_rmdir (other_dir);
  }

  ck_assert (gtk_widget_activate_action (GTK_WIDGET (view), "risks.show-heatmap", NULL));
  custos_test_spin ();
  ck_assert (gtk_widget_get_mapped (heatmap));
  ck_assert (g_settings_get_boolean (settings, "show-heatmap"));
}
END_TEST

/* 8. Narrow widths --------------------------------------------------------- */

static const char * const pages[] = {
  "overview", "context", "leadership", "assets", "risks", "treatment", "soa",
  "objectives", "support", "operation", "performance", "improvement", "readiness",
};

/* Every register view on screen under widget has the height it needs at its width. */
static void
assert_fits_height (GtkWidget *widget)
{
  if (!gtk_widget_get_mapped (widget))
    return;
  if (CUSTOS_IS_REGISTER_VIEW (widget))
    {
      int minimum = 0;

      /* Its content's height at this width (the view itself may answer for any width). */
      gtk_widget_measure (gtk_widget_get_first_child (widget), GTK_ORIENTATION_VERTICAL,
                          gtk_widget_get_width (widget), &minimum, NULL, NULL, NULL);
      ck_assert_msg (gtk_widget_get_height (widget) >= minimum, "register %s is %d px tall, needs %d",
                     custos_register_view_get_register_name (CUSTOS_REGISTER_VIEW (widget)),
                     gtk_widget_get_height (widget), minimum);
    }
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    assert_fits_height (child);
}

static gboolean
is_360_wide (gpointer window)
{
  return gtk_widget_get_width (window) == 360;
}

static gboolean
is_folded (gpointer leaflet)
{
  return adw_leaflet_get_folded (leaflet);
}

/* Every page fits a phone's 360 pixels: the sidebar folds away, editors go
 * under their lists, wide tables scroll (issue 13, point 8). */
START_TEST (test_pages_fit_360)
{
  CustosWindow *window = open_example (NULL);
  GtkWidget *content = adw_application_window_get_content (ADW_APPLICATION_WINDOW (window));
  const char *page = pages[_i];
  int minimum = 0;

  ck_assert (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-page", "s", page));
  custos_test_spin ();
  ck_assert_str_eq (custos_window_get_visible_page (window), page);
  /* As a user narrows the window: the sidebar folds away first. */
  gtk_window_set_default_size (GTK_WINDOW (window), 360, 760);
  custos_test_wait_for (is_folded, content, "the sidebar to fold");
  gtk_widget_measure (content, GTK_ORIENTATION_HORIZONTAL, -1, &minimum, NULL, NULL, NULL);
  ck_assert_msg (minimum <= 360, "page %s needs %d px", page, minimum);
  gtk_window_set_default_size (GTK_WINDOW (window), 360, 760);
  custos_test_wait_for (is_360_wide, window, "the window to be 360 px wide");
  /* What wraps says how tall it gets: no register drawn over what is under
   * it, and the page fits a phone's height. */
  assert_fits_height (content);
  ck_assert_int_le (gtk_widget_get_height (GTK_WIDGET (window)), 760);
}
END_TEST

static Suite *
interaction_suite (void)
{
  Suite *s = suite_create ("interaction");
  TCase *tc = tcase_create ("window");

  tcase_add_unchecked_fixture (tc, setup, teardown);
  tcase_add_checked_fixture (tc, each_setup, each_teardown);
  tcase_set_timeout (tc, 120);
  tcase_add_test (tc, test_delete_toast_undo);
  tcase_add_test (tc, test_delete_toast_goes_on_edit);
  tcase_add_test (tc, test_undo_to_saved_state);
  tcase_add_loop_test (tc, test_close_paths, 0, G_N_ELEMENTS (close_paths));
  tcase_add_test (tc, test_close_read_only);
  tcase_add_test (tc, test_finding_opens_record);
  tcase_add_test (tc, test_findings_grouped);
  tcase_add_test (tc, test_icon_buttons_named);
  tcase_add_test (tc, test_new_replaces_empty_window);
  tcase_add_test (tc, test_sidebar_follows_page);
  tcase_add_test (tc, test_chosen_control_becomes_applicable);
  tcase_add_test (tc, test_new_record_form_at_top);
  tcase_add_test (tc, test_text_fields_grow);
  tcase_add_test (tc, test_heatmap_hides);
  tcase_add_loop_test (tc, test_pages_fit_360, 0, G_N_ELEMENTS (pages));
  suite_add_tcase (s, tc);
  return s;
}

int
main (void)
{
  return custos_test_run_window_suite (interaction_suite ());
}
