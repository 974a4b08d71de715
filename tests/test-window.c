/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-window.c — the real window, driven through its actions (Xvfb) */
#include "config.h"

#include <string.h>
#include <signal.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <adwaita.h>
#include <glib/gstdio.h>

#include "custos-application.h"
#include "custos-compare.h"
#include "custos-draft-assistant.h"
#include "custos-field-format.h"
#include "custos-file.h"
#include "custos-import-dialog.h"
#include "custos-issue.h"
#include "custos-merge.h"
#include "custos-overview-page.h"
#include "custos-readiness-page.h"
#include "custos-recovery.h"
#include "custos-register-view.h"
#include "custos-risks-page.h"
#include "custos-soa-page.h"
#include "custos-test-util.h"
#include "custos-test-window.h"
#include "custos-window.h"
#include "custos-xml-writer.h"

static CustosApplication *app;

static void
register_app (const char *id)
{
  app = custos_test_new_app (id);
}

static void
setup (void)
{
  register_app (APP_ID);
}

static void
close_windows (void)
{
  GListModel *toplevels = gtk_window_get_toplevels (); /* transfer none */

  /* Every window and dialog a test left open, so the next test starts clean. */
  while (g_list_model_get_n_items (toplevels) > 0)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, 0);
      gtk_window_destroy (window);
    }
}

/* The application of a run with CUSTOS_TODAY set, years after the
 * example's reference date: much is overdue by then. */
#define PINNED_TODAY "2031-03-15"

static void
setup_pinned (void)
{
  g_setenv ("CUSTOS_TODAY", PINNED_TODAY, TRUE);
  register_app (APP_ID ".Pinned");
  g_unsetenv ("CUSTOS_TODAY");
}

static void
teardown (void)
{
  close_windows ();
  g_clear_object (&app);
}

static gboolean
has_file (gpointer data)
{
  return custos_window_get_file (data) != NULL;
}

static gboolean
is_saved (gpointer data)
{
  return !custos_document_get_modified (custos_window_get_document (data));
}

static GtkWindow *
find_dialog (CustosWindow *window)
{
  return GTK_WINDOW (custos_test_find_dialog (GTK_WINDOW (window)));
}

static gboolean
has_dialog (gpointer data)
{
  return find_dialog (data) != NULL;
}

static char *
copy_example (const char *dir)
{
  g_autofree char *example = custos_test_example_path ();
  g_autoptr(GBytes) bytes = custos_test_read_file (example);
  char *path = g_build_filename (dir, "example.isms", NULL);

  ck_assert (g_file_set_contents (path, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), NULL));
  return path;
}

START_TEST (test_open_edit_save)
{
  g_autofree char *dir = custos_test_mkdtemp ();
  g_autofree char *path = copy_example (dir);
  g_autofree char *bak = g_strconcat (path, ".bak", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  CustosWindow *window = custos_window_new (GTK_APPLICATION (app), custos_application_get_clock (app));
  CustosDocument *doc;
  CustosRecord *org;
  g_autoptr(GBytes) saved = NULL;

  gtk_window_present (GTK_WINDOW (window));
  custos_window_load (window, file);
  custos_test_wait_for (has_file, window, "the example to load");
  doc = custos_window_get_document (window);
  ck_assert_uint_eq (custos_document_count (doc, CUSTOS_REGISTER_SOA), 93);
  ck_assert_uint_ge (custos_document_count (doc, CUSTOS_REGISTER_RISKS), 25);
  ck_assert_str_eq (gtk_window_get_title (GTK_WINDOW (window)), "example.isms — Custos");

  org = custos_document_get_section (doc, CUSTOS_SECTION_ORGANISATION);
  custos_organisation_set_name (CUSTOS_ORGANISATION (org), "Southwind Accountants LLP");
  ck_assert_str_eq (gtk_window_get_title (GTK_WINDOW (window)), "• example.isms — Custos");

  gtk_widget_activate_action (GTK_WIDGET (window), "win.save", NULL);
  custos_test_wait_for (is_saved, window, "the save");
  ck_assert_str_eq (gtk_window_get_title (GTK_WINDOW (window)), "example.isms — Custos");
  saved = custos_test_read_file (path);
  ck_assert_ptr_nonnull (g_strstr_len (g_bytes_get_data (saved, NULL), g_bytes_get_size (saved),
                                       "<name>Southwind Accountants LLP</name>"));
  ck_assert (g_file_test (bak, G_FILE_TEST_EXISTS));
  custos_test_rmdir (dir);
}
END_TEST

START_TEST (test_failed_load_keeps_document)
{
  g_autofree char *dir = custos_test_mkdtemp ();
  g_autofree char *path = g_build_filename (dir, "broken.isms", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  CustosWindow *window = custos_window_new (GTK_APPLICATION (app), custos_application_get_clock (app));
  CustosDocument *before = custos_window_get_document (window);
  g_autofree char *message = NULL;
  GtkWindow *dialog;

  ck_assert (g_file_set_contents (path, "<isms xmlns=\"urn:custos:isms:1\" format=\"1\" edition=\"2022\">\n<oops>", -1, NULL));
  gtk_window_present (GTK_WINDOW (window));
  custos_window_load (window, file);
  custos_test_wait_for (has_dialog, window, "the error dialog");
  dialog = find_dialog (window);
  message = g_strdup (adw_message_dialog_get_body (ADW_MESSAGE_DIALOG (dialog)));
  ck_assert_msg (strstr (message, "broken.isms:2:") != NULL, "body: %s", message);
  ck_assert_ptr_eq (custos_window_get_document (window), before);
  ck_assert_ptr_null (custos_window_get_file (window));
  gtk_window_destroy (dialog);
  custos_test_rmdir (dir);
}
END_TEST

START_TEST (test_close_asks_about_changes)
{
  CustosWindow *window = custos_window_new (GTK_APPLICATION (app), custos_application_get_clock (app));
  CustosDocument *doc = custos_window_get_document (window);

  gtk_window_present (GTK_WINDOW (window));
  custos_document_add_new (doc, CUSTOS_REGISTER_RISKS);
  ck_assert (custos_document_get_modified (doc));
  gtk_window_close (GTK_WINDOW (window));
  custos_test_wait_for (has_dialog, window, "the unsaved-changes dialog");
  /* Still open: nothing is lost until the user decides. */
  ck_assert (gtk_widget_get_visible (GTK_WIDGET (window)));
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (find_dialog (window)), "cancel");
  ck_assert (custos_document_get_modified (doc));
}
END_TEST

typedef struct
{
  GtkWidget  *widget;
  const char *title;
} RowTitle;

/* TRUE when a row under data->widget has the title data->title. */
static gboolean
has_row_titled (gpointer data)
{
  RowTitle *row = data;

  return custos_test_find_row (row->widget, row->title) != NULL;
}

static gboolean
has_document (gpointer data)
{
  return custos_window_get_file (data) != NULL && custos_document_count (custos_window_get_document (data),
                                                                          CUSTOS_REGISTER_RISKS) > 0;
}

typedef struct
{
  CustosReadinessPage *page;
  const GDate         *date;
} ReadinessAt;

static gboolean
readiness_is_at (gpointer data)
{
  ReadinessAt *at = data;
  CustosReadiness *readiness = custos_readiness_page_get_readiness (at->page);

  return readiness != NULL && g_date_compare (custos_readiness_get_date (readiness), at->date) == 0;
}

static gboolean
is_label_containing (GtkWidget     *widget,
                     gconstpointer  text)
{
  return GTK_IS_LABEL (widget) && strstr (gtk_label_get_text (GTK_LABEL (widget)), text) != NULL;
}

/* Whether a label under widget contains text. */
static gboolean
has_label_containing (GtkWidget  *widget,
                      const char *text)
{
  return custos_test_find (widget, is_label_containing, text) != NULL;
}

/* With CUSTOS_TODAY set, the window judges dates as of that day, as
 * custos --check does; and when the day moves on, its pages follow. */
START_TEST (test_window_today)
{
  g_autofree char *example = custos_test_example_path ();
  g_autoptr(GFile) file = g_file_new_for_path (example);
  g_autoptr(CustosReadiness) expected = NULL;
  const char *args[] = { "--check", example, NULL };
  g_autofree char *out = NULL, *err = NULL, *line = NULL;
  const CustosReadinessFinding *overdue = NULL;
  g_autofree char *overdue_title = NULL;
  CustosReadinessPage *page;
  CustosReadiness *readiness;
  CustosWindow *window;
  ReadinessAt at;
  RowTitle row;
  GDate today;

  g_setenv ("CUSTOS_TODAY", PINNED_TODAY, TRUE);
  ck_assert_int_eq (custos_test_run_cli (args, &out, &err), 0);
  g_unsetenv ("CUSTOS_TODAY");

  window = custos_window_new (GTK_APPLICATION (app), custos_application_get_clock (app));
  gtk_window_present (GTK_WINDOW (window));
  custos_window_load (window, file);
  custos_test_wait_for (has_document, window, "the example");

  ck_assert (custos_date_parse (PINNED_TODAY, &today));
  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-page", "s", "readiness");
  page = custos_test_find_type (GTK_WIDGET (window), CUSTOS_TYPE_READINESS_PAGE);
  at.page = page;
  at.date = &today;
  custos_test_wait_for (readiness_is_at, &at, "the readiness check of 15 March 2031");
  readiness = custos_readiness_page_get_readiness (page);
  /* The same verdict as the command line's. */
  line = g_strdup_printf ("readiness: %d%% (errors %u, warnings %u, info %u)\n",
                          custos_readiness_get_percentage (readiness),
                          custos_readiness_count (readiness, CUSTOS_READINESS_SEVERITY_ERROR),
                          custos_readiness_count (readiness, CUSTOS_READINESS_SEVERITY_WARNING),
                          custos_readiness_count (readiness, CUSTOS_READINESS_SEVERITY_INFO));
  ck_assert_msg (g_str_has_suffix (out, line), "window: %s\ncommand line: %s", line, out);

  /* The overview lists what is overdue as of that day, days counted: once
   * it is on screen, since a page out of sight does not check. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-page", "s", "overview");
  expected = custos_readiness_new (custos_window_get_document (window), &today);
  for (guint i = 0; overdue == NULL && i < custos_readiness_get_n_findings (expected); i++)
    if (strstr (custos_readiness_get_finding (expected, i)->rule, "overdue") != NULL)
      overdue = custos_readiness_get_finding (expected, i);
  ck_assert_ptr_nonnull (overdue);
  row.widget = custos_test_find_type (GTK_WIDGET (window), CUSTOS_TYPE_OVERVIEW_PAGE);
  overdue_title = custos_format_message (overdue->message);
  row.title = overdue_title;
  custos_test_wait_for (has_row_titled, &row, overdue_title);

  /* The readiness summary and a date field show the day alike, in the one
   * format of the window (not the locale's numeric %x, "03/15/31"). */
  {
    g_autoptr(CustosRecord) risk = g_list_model_get_item (custos_document_get_register (
                                                            custos_window_get_document (window), CUSTOS_REGISTER_RISKS), 0);

    ck_assert (has_label_containing (GTK_WIDGET (page), "checked as an auditor would on 15 Mar 2031."));
    custos_risk_set_next_review (CUSTOS_RISK (risk), PINNED_TODAY);
    gtk_widget_activate_action (GTK_WIDGET (window), "win.show-record", "(ss)", "risks", custos_record_get_id (risk));
    custos_test_spin ();
    ck_assert (has_label_containing (custos_test_find_type (GTK_WIDGET (window), CUSTOS_TYPE_RISKS_PAGE), "15 Mar 2031"));
    custos_document_set_modified (custos_window_get_document (window), FALSE);
  }

  /* A day later (midnight came, or the machine woke up): the pages move on,
   * those out of sight when they are shown again. */
  g_date_add_days (&today, 1);
  custos_clock_set_today (custos_window_get_clock (window), &today);
  custos_test_spin_for (G_USEC_PER_SEC / 2); /* past the readiness page's pause of 300 ms */
  /* Out of sight, the readiness page has not checked again. */
  ck_assert_uint_eq (g_date_get_day (custos_readiness_get_date (custos_readiness_page_get_readiness (page))), 15);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-page", "s", "readiness");
  custos_test_wait_for (readiness_is_at, &at, "the readiness check of 16 March 2031");
}
END_TEST

static gboolean
is_editor_of (GtkWidget     *widget,
              gconstpointer  record)
{
  return CUSTOS_IS_RECORD_EDITOR (widget) && custos_record_editor_get_record (CUSTOS_RECORD_EDITOR (widget)) == record;
}

static CustosRecordEditor *
find_editor (GtkWidget    *widget,
             CustosRecord *record)
{
  return custos_test_find (widget, is_editor_of, record);
}

/* Types text into the widget that edits a STRING or TEXT field, as a user would. */
static void
type_into (CustosRecordEditor *editor,
           const char         *field,
           const char         *text)
{
  GtkWidget *widget = custos_record_editor_get_field_widget (editor, field);

  ck_assert_msg (widget != NULL, "no widget edits “%s”", field);
  if (GTK_IS_EDITABLE (widget))
    gtk_editable_set_text (GTK_EDITABLE (widget), text);
  else if (GTK_IS_TEXT_VIEW (widget))
    gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (widget)), text, -1);
  else
    ck_abort_msg ("“%s” is edited by a %s", field, G_OBJECT_TYPE_NAME (widget));
}

/* The first text field of a kind: the one a user types first. */
static const char *
first_text_field (const CustosKind *kind)
{
  for (guint f = 0; f < kind->n_fields; f++)
    if (kind->fields[f].type == CUSTOS_FIELD_STRING || kind->fields[f].type == CUSTOS_FIELD_TEXT)
      return kind->fields[f].name;
  return NULL;
}

static gboolean
has_record_with (CustosDocument *doc,
                 CustosRegister  reg,
                 const char     *field,
                 const char     *value)
{
  GListModel *model = custos_document_get_register (doc, reg);

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(CustosRecord) record = g_list_model_get_item (model, i);
      if (g_strcmp0 (custos_test_get_string (record, field), value) == 0)
        return TRUE;
    }
  return FALSE;
}

static const char *all_pages[] = {
  "overview", "context", "leadership", "assets", "risks", "treatment", "soa", "objectives",
  "support", "operation", "performance", "improvement", "readiness",
};

typedef struct
{
  CustosWindow   *window;
  CustosDocument *old;
} Replaced;

static gboolean
document_replaced (gpointer data)
{
  Replaced *replaced = data;

  return custos_window_get_document (replaced->window) != replaced->old;
}

/* Pages are built the first time they are shown, and bound to the document
 * then: opening a document builds none of the pages that are not shown. */
START_TEST (test_pages_built_when_shown)
{
  g_autofree char *dir = custos_test_mkdtemp ();
  g_autofree char *path = copy_example (dir);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  CustosWindow *window = custos_window_new (GTK_APPLICATION (app), custos_application_get_clock (app));
  CustosRisksPage *risks;
  Replaced replaced;

  gtk_window_present (GTK_WINDOW (window));
  custos_window_load (window, file);
  custos_test_wait_for (has_file, window, "the example to load");
  ck_assert_str_eq (custos_window_get_visible_page (window), "overview");
  for (guint i = 1; i < G_N_ELEMENTS (all_pages); i++)
    ck_assert_msg (!custos_window_is_page_built (window, all_pages[i]), "page %s built unseen", all_pages[i]);
  ck_assert_ptr_null (custos_test_find_type (GTK_WIDGET (window), CUSTOS_TYPE_REGISTER_VIEW));

  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-page", "s", "risks");
  ck_assert (custos_window_is_page_built (window, "risks"));
  ck_assert (!custos_window_is_page_built (window, "soa"));
  risks = custos_test_find_type (GTK_WIDGET (window), CUSTOS_TYPE_RISKS_PAGE);
  ck_assert_ptr_nonnull (risks);
  ck_assert_ptr_eq (custos_register_view_get_document (custos_risks_page_get_register_view (risks)),
                    custos_window_get_document (window));
  ck_assert_uint_eq (g_list_model_get_n_items (custos_register_view_get_model (custos_risks_page_get_register_view (risks))),
                     custos_document_count (custos_window_get_document (window), CUSTOS_REGISTER_RISKS));

  /* Reloading binds the built pages to the document read again. */
  replaced.window = window;
  replaced.old = g_object_ref (custos_window_get_document (window));
  gtk_widget_activate_action (GTK_WIDGET (window), "win.reload", NULL);
  custos_test_wait_for (document_replaced, &replaced, "the reload");
  g_object_unref (replaced.old);
  ck_assert_ptr_eq (custos_register_view_get_document (custos_risks_page_get_register_view (risks)),
                    custos_window_get_document (window));
  ck_assert (!custos_window_is_page_built (window, "soa"));
}
END_TEST

/* Every page, and in every register: add, type, delete, undo, redo; then
 * save, reopen, and find each edit in the file. */
/* A readiness finding about a supplier, a requirement or an evidence item
 * opens the record, on its page and tab, as a click on its row does. */
START_TEST (test_annex_findings_open_record)
{
  g_autofree char *dir = custos_test_mkdtemp ();
  g_autofree char *path = copy_example (dir);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  CustosWindow *window = custos_window_new (GTK_APPLICATION (app), custos_application_get_clock (app));
  static const struct { const char *rule, *reg, *id, *page; } cases[] = {
    { "supplier-review-overdue", "suppliers", "SUP-002", "operation" },
    { "requirement-not-met", "requirements", "REQ-003", "context" },
    { "evidence-no-checksum", "evidence-items", "EV-003", "soa" },
  };
  CustosDocument *doc;
  CustosReadinessPage *page;

  /* There, or the window's reading of it would find it missing instead. */
  {
    g_autofree char *evidence_dir = g_build_filename (dir, "evidence", NULL);
    g_autofree char *evidence_path = g_build_filename (evidence_dir, "access-review.pdf", NULL);

    ck_assert_int_eq (g_mkdir (evidence_dir, 0700), 0);
    ck_assert (g_file_set_contents (evidence_path, "%PDF-1.4\n", -1, NULL));
  }
  gtk_window_present (GTK_WINDOW (window));
  custos_window_load (window, file);
  custos_test_wait_for (has_document, window, "the example");
  custos_test_spin ();
  doc = custos_window_get_document (window);
  custos_supplier_set_next_review (CUSTOS_SUPPLIER (custos_document_lookup (doc, CUSTOS_REGISTER_SUPPLIERS, "SUP-002")),
                                   "2020-01-31");
  custos_requirement_set_how_met (CUSTOS_REQUIREMENT (custos_document_lookup (doc, CUSTOS_REGISTER_REQUIREMENTS,
                                                                             "REQ-003")), NULL);
  custos_evidence_set_location (CUSTOS_EVIDENCE (custos_document_lookup (doc, CUSTOS_REGISTER_EVIDENCE, "EV-003")),
                                "evidence/access-review.pdf");

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(CustosReadiness) expected = NULL;
      const CustosReadinessFinding *finding = NULL;
      g_autofree char *title = NULL;
      CustosRegisterView *view;
      RowTitle row;
      GDate today;

      gtk_widget_activate_action (GTK_WIDGET (window), "win.show-page", "s", "readiness");
      page = custos_test_find_type (GTK_WIDGET (window), CUSTOS_TYPE_READINESS_PAGE);
      today = *custos_clock_get_today (custos_window_get_clock (window));
      expected = custos_readiness_new (doc, &today);
      for (guint k = 0; finding == NULL && k < custos_readiness_get_n_findings (expected); k++)
        if (g_str_equal (custos_readiness_get_finding (expected, k)->rule, cases[i].rule))
          finding = custos_readiness_get_finding (expected, k);
      ck_assert_msg (finding != NULL, "no %s finding", cases[i].rule);
      ck_assert_str_eq (finding->record_id, cases[i].id);
      row.widget = GTK_WIDGET (page);
      title = custos_format_message (finding->message);
      row.title = title;
      custos_test_wait_for (has_row_titled, &row, title);
      g_signal_emit_by_name (custos_test_find_row (GTK_WIDGET (page), title), "activate");
      custos_test_spin ();

      ck_assert_str_eq (custos_window_get_visible_page (window), cases[i].page);
      view = custos_test_find_view (GTK_WIDGET (window), cases[i].reg);
      ck_assert_ptr_nonnull (view);
      ck_assert_msg (gtk_widget_get_mapped (GTK_WIDGET (view)), "the %s tab is not shown", cases[i].reg);
      ck_assert_str_eq (custos_record_get_id (custos_register_view_get_selected (view)), cases[i].id);
    }
  custos_document_set_modified (doc, FALSE);
  custos_test_rmdir (dir);
}
END_TEST

typedef struct
{
  const char *name;
  GVariant   *target;
} ActionTarget;

/* The widget under widget whose action is name with target (floating, sunk here). */
static gboolean
is_actionable_for (GtkWidget     *widget,
                   gconstpointer  data)
{
  const ActionTarget *at = data;
  GVariant *target = GTK_IS_ACTIONABLE (widget) ? gtk_actionable_get_action_target_value (GTK_ACTIONABLE (widget))
                                                : NULL;

  return target != NULL && g_strcmp0 (gtk_actionable_get_action_name (GTK_ACTIONABLE (widget)), at->name) == 0 &&
         g_variant_equal (target, at->target);
}

static GtkWidget *
find_actionable (GtkWidget *widget,
                 const char *name,
                 GVariant   *target)
{
  g_autoptr(GVariant) sunk = g_variant_ref_sink (target);
  ActionTarget at = { name, sunk };

  return custos_test_find (widget, is_actionable_for, &at);
}

/* A finding about a whole register (no supplier at all) and an item of
 * documented information kept in a register open that register's tab, not
 * the first tab of its page. */
START_TEST (test_register_findings_open_tab)
{
  g_autofree char *dir = custos_test_mkdtemp ();
  g_autofree char *path = copy_example (dir);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  CustosWindow *window = custos_window_new (GTK_APPLICATION (app), custos_application_get_clock (app));
  g_autoptr(CustosReadiness) expected = NULL;
  const CustosReadinessFinding *finding = NULL;
  const CustosReadinessItem *item;
  g_autofree char *item_title = NULL;
  g_autofree char *title = NULL;
  CustosDocument *doc;
  CustosReadinessPage *page;
  GListModel *suppliers;
  RowTitle row;
  GDate today;

  gtk_window_present (GTK_WINDOW (window));
  custos_window_load (window, file);
  custos_test_wait_for (has_document, window, "the example");
  custos_test_spin ();
  doc = custos_window_get_document (window);
  suppliers = custos_document_get_register (doc, CUSTOS_REGISTER_SUPPLIERS);
  while (g_list_model_get_n_items (suppliers) > 0)
    {
      g_autoptr(CustosRecord) supplier = g_list_model_get_item (suppliers, 0);
      custos_document_remove (doc, CUSTOS_REGISTER_SUPPLIERS, supplier);
    }
  today = *custos_clock_get_today (custos_window_get_clock (window));
  expected = custos_readiness_new (doc, &today);
  for (guint k = 0; finding == NULL && k < custos_readiness_get_n_findings (expected); k++)
    if (g_str_equal (custos_readiness_get_finding (expected, k)->rule, "suppliers-none"))
      finding = custos_readiness_get_finding (expected, k);
  ck_assert_ptr_nonnull (finding);
  ck_assert_ptr_null (finding->record_id);

  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-page", "s", "readiness");
  page = custos_test_find_type (GTK_WIDGET (window), CUSTOS_TYPE_READINESS_PAGE);
  row.widget = GTK_WIDGET (page);
  title = custos_format_message (finding->message);
  row.title = title;
  custos_test_wait_for (has_row_titled, &row, title);
  g_signal_emit_by_name (custos_test_find_row (GTK_WIDGET (page), title), "activate");
  custos_test_spin ();
  ck_assert_str_eq (custos_window_get_visible_page (window), "operation");
  ck_assert (gtk_widget_get_mapped (GTK_WIDGET (custos_test_find_view (GTK_WIDGET (window), "suppliers"))));

  /* 7.2, kept in the competences register, the second tab of Support. */
  item = custos_readiness_lookup_item (expected, "competence");
  ck_assert_int_eq (item->reg, CUSTOS_REGISTER_COMPETENCES);
  item_title = g_strdup_printf ("%s · %s", item->clause, item->title);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-page", "s", "readiness");
  g_signal_emit_by_name (custos_test_find_row (GTK_WIDGET (page), item_title), "activate");
  custos_test_spin ();
  ck_assert_str_eq (custos_window_get_visible_page (window), "support");
  ck_assert (gtk_widget_get_mapped (GTK_WIDGET (custos_test_find_view (GTK_WIDGET (window), "competences"))));

  /* The overview's register counts: "25 Document register", also on Support. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-page", "s", "overview");
  custos_test_spin ();
  {
    GtkWidget *overview = custos_test_find_type (GTK_WIDGET (window), CUSTOS_TYPE_OVERVIEW_PAGE);
    GtkWidget *card = find_actionable (overview, "win.show-record",
                                       g_variant_new ("(ss)", "documents", ""));

    ck_assert_ptr_nonnull (card);
    g_signal_emit_by_name (card, "clicked");
    custos_test_spin ();
    ck_assert_str_eq (custos_window_get_visible_page (window), "support");
    ck_assert (gtk_widget_get_mapped (GTK_WIDGET (custos_test_find_view (GTK_WIDGET (window), "documents"))));
  }
  custos_document_set_modified (doc, FALSE);
  custos_test_rmdir (dir);
}
END_TEST

START_TEST (test_every_register_through_the_window)
{
  g_autofree char *dir = custos_test_mkdtemp ();
  g_autofree char *path = copy_example (dir);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(CustosDocument) reopened = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) deleted = g_ptr_array_new_with_free_func (g_free);
  CustosWindow *window = custos_window_new (GTK_APPLICATION (app), custos_application_get_clock (app));
  CustosDocument *doc;
  CustosRecordEditor *scope_editor;

  gtk_window_present (GTK_WINDOW (window));
  custos_window_load (window, file);
  custos_test_wait_for (has_file, window, "the example to load");
  doc = custos_window_get_document (window);

  for (guint i = 0; i < G_N_ELEMENTS (all_pages); i++)
    {
      gtk_widget_activate_action (GTK_WIDGET (window), "win.show-page", "s", all_pages[i]);
      ck_assert_str_eq (custos_window_get_visible_page (window), all_pages[i]);
    }

  for (guint r = 0; r < CUSTOS_N_REGISTERS; r++)
    {
      const CustosKind *kind = custos_kinds_register (r);
      CustosRegisterView *view = custos_test_find_view (GTK_WIDGET (window), kind->register_name);
      const char *field = first_text_field (kind);
      guint n = custos_document_count (doc, r);
      g_autofree char *text = g_strdup_printf ("Typed into %s", kind->register_name);
      g_autoptr(CustosRecord) first = NULL;
      CustosRecord *added;

      if (r == CUSTOS_REGISTER_SOA)
        {
          /* The SoA lists every control (its own page): decisions are edited, never added. */
          CustosSoaPage *soa = custos_test_find_type (GTK_WIDGET (window), CUSTOS_TYPE_SOA_PAGE);
          CustosRecord *entry = custos_document_lookup (doc, r, "5.1");

          ck_assert_msg (soa != NULL, "no page shows the soa register");
          custos_soa_page_select (soa, entry);
          type_into (custos_soa_page_get_editor (soa), "justification", text);
          ck_assert_str_eq (custos_soa_entry_get_justification (CUSTOS_SOA_ENTRY (entry)), text);
          continue;
        }
      /* Merge conflicts come from merges and go in their own dialog
       * (test_resolve_conflicts): nobody adds one by hand. */
      if (r == CUSTOS_REGISTER_MERGE_CONFLICTS)
        continue;
      ck_assert_msg (view != NULL, "no page shows the %s register", kind->register_name);

      ck_assert (gtk_widget_activate_action (GTK_WIDGET (view), "register.add", NULL));
      ck_assert_uint_eq (custos_document_count (doc, r), n + 1);
      added = custos_register_view_get_selected (view);
      ck_assert_ptr_nonnull (added);
      type_into (custos_register_view_get_editor (view), field, text);
      ck_assert_str_eq (custos_test_get_string (added, field), text);

      first = g_list_model_get_item (custos_document_get_register (doc, r), 0);
      if (first == added)
        continue;
      custos_register_view_select (view, first);
      ck_assert (gtk_widget_activate_action (GTK_WIDGET (view), "register.delete", NULL));
      ck_assert_uint_eq (custos_document_count (doc, r), n);
      ck_assert (gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL));
      ck_assert_int_eq (custos_document_find (doc, r, first), 0);
      ck_assert (gtk_widget_activate_action (GTK_WIDGET (window), "win.redo", NULL));
      ck_assert_int_eq (custos_document_find (doc, r, first), -1);
      g_ptr_array_add (deleted, g_strdup_printf ("%d/%s", r, custos_record_get_id (first)));
    }

  scope_editor = find_editor (GTK_WIDGET (window), custos_document_get_section (doc, CUSTOS_SECTION_SCOPE));
  ck_assert_ptr_nonnull (scope_editor);
  type_into (scope_editor, "exclusions", "Typed into the scope");

  gtk_widget_activate_action (GTK_WIDGET (window), "win.save", NULL);
  custos_test_wait_for (is_saved, window, "the save");

  reopened = custos_file_load (file, NULL, &error);
  g_assert_no_error (error);
  for (guint r = 0; r < CUSTOS_N_REGISTERS; r++)
    {
      const CustosKind *kind = custos_kinds_register (r);
      g_autofree char *text = g_strdup_printf ("Typed into %s", kind->register_name);
      const char *field = r == CUSTOS_REGISTER_SOA ? "justification" : first_text_field (kind);

      if (r == CUSTOS_REGISTER_MERGE_CONFLICTS)
        continue;
      ck_assert_msg (has_record_with (reopened, r, field, text), "the edit of %s is not in the file", kind->register_name);
    }
  for (guint i = 0; i < deleted->len; i++)
    {
      g_auto(GStrv) parts = g_strsplit (deleted->pdata[i], "/", 2);
      ck_assert_msg (custos_document_lookup (reopened, atoi (parts[0]), parts[1]) == NULL,
                     "%s was deleted but is in the file", parts[1]);
    }
  ck_assert_str_eq (custos_scope_get_exclusions (custos_document_get_scope (reopened)), "Typed into the scope");
  custos_test_rmdir (dir);
}
END_TEST

static guint
count_copies (void)
{
  g_autoptr(GFile) directory = custos_recovery_get_directory ();
  g_autoptr(GPtrArray) files = custos_recovery_list (directory);

  return files->len;
}

static gboolean
has_copy (gpointer data)
{
  return count_copies () > 0;
}

static gboolean
has_no_copy (gpointer data)
{
  return count_copies () == 0;
}

/* Unsaved work is copied aside while it is unsaved, and removed once saved. */
START_TEST (test_autosave_copy)
{
  g_autofree char *dir = custos_test_mkdtemp ();
  g_autofree char *path = copy_example (dir);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  CustosWindow *window = custos_window_new (GTK_APPLICATION (app), custos_application_get_clock (app));

  g_settings_set_uint (settings, "autosave-interval", 1);
  gtk_window_present (GTK_WINDOW (window));
  custos_window_load (window, file);
  custos_test_wait_for (has_file, window, "the example to load");
  ck_assert_uint_eq (count_copies (), 0);

  custos_scope_set_exclusions (custos_document_get_scope (custos_window_get_document (window)), "Not yet saved");
  custos_test_wait_for (has_copy, NULL, "the recovery copy");
  gtk_widget_activate_action (GTK_WIDGET (window), "win.save", NULL);
  custos_test_wait_for (is_saved, window, "the save");
  custos_test_wait_for (has_no_copy, NULL, "the recovery copy to go");
  g_settings_reset (settings, "autosave-interval");
  custos_test_rmdir (dir);
}
END_TEST

static CustosWindow *
find_window_for (GFile *file)
{
  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (app)); l != NULL; l = l->next)
    if (CUSTOS_IS_WINDOW (l->data) && custos_window_get_file (l->data) != NULL &&
        g_file_equal (custos_window_get_file (l->data), file))
      return l->data;
  return NULL;
}

static gboolean
has_window_for (gpointer file)
{
  return find_window_for (file) != NULL;
}

static GtkWindow *
find_any_dialog (void)
{
  return custos_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG);
}

/* A copy left by a session that crashed is offered back at start. */
START_TEST (test_recovery_after_crash)
{
  g_autofree char *dir = custos_test_mkdtemp ();
  g_autofree char *path = copy_example (dir);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFile) directory = custos_recovery_get_directory ();
  g_autoptr(CustosDocument) doc = custos_file_load (file, NULL, NULL);
  CustosRecovery *recovery = custos_recovery_new (directory, file);
  GtkWindow *dialog;
  CustosWindow *window;
  CustosDocument *recovered;

  custos_organisation_set_name (custos_document_get_organisation (doc),
                                "Recovered Ltd");
  custos_recovery_write (recovery, doc);
  custos_test_wait_for (has_copy, NULL, "the copy of the crashed session");
  g_object_unref (recovery); /* the crash: nothing clears the copy */
  custos_application_offer_recovery (app);
  dialog = find_any_dialog ();
  ck_assert_ptr_nonnull (dialog);
  ck_assert_ptr_nonnull (strstr (adw_message_dialog_get_body (ADW_MESSAGE_DIALOG (dialog)), "example.isms"));
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "recover");
  custos_test_wait_for (has_window_for, file, "the recovered document");
  window = find_window_for (file);
  recovered = custos_window_get_document (window);
  ck_assert (custos_document_get_modified (recovered));
  ck_assert_str_eq (custos_organisation_get_name (custos_document_get_organisation (recovered)), "Recovered Ltd");
  /* The file itself is untouched until the user saves, and locked like any
   * file a window has open. */
  {
    g_autoptr(GBytes) on_disk = custos_test_read_file (path);
    g_autofree char *lock = g_build_filename (dir, ".~lock.example.isms#", NULL);

    ck_assert_ptr_null (g_strstr_len (g_bytes_get_data (on_disk, NULL), g_bytes_get_size (on_disk), "Recovered Ltd"));
    ck_assert (g_file_test (lock, G_FILE_TEST_EXISTS));
  }
  custos_test_rmdir (dir);
}
END_TEST

static gboolean
has_no_window (gpointer data)
{
  return gtk_application_get_windows (GTK_APPLICATION (app)) == NULL;
}

static char *lock_path (const char *path);

/* A signal (logout, kill) ends the application without asking: unsaved work
 * goes to the recovery copy, offered back at the next start, and no lock
 * file is left behind to say someone still has the document open. */
START_TEST (test_terminate_keeps_unsaved)
{
  g_autofree char *dir = custos_test_mkdtemp ();
  g_autofree char *path = copy_example (dir);
  g_autofree char *lock = lock_path (path);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFile) directory = custos_recovery_get_directory ();
  g_autoptr(GPtrArray) copies = NULL;
  CustosWindow *window = custos_test_open_window (app, path);
  CustosRecoveredFile *copy = NULL;

  ck_assert (g_file_test (lock, G_FILE_TEST_EXISTS));
  custos_organisation_set_name (custos_document_get_organisation (custos_window_get_document (window)),
                                "Unsaved at logout Ltd");
  custos_application_terminate (app);
  custos_test_wait_for (has_no_window, NULL, "every window to close");
  ck_assert (!g_file_test (lock, G_FILE_TEST_EXISTS));

  copies = custos_recovery_list (directory);
  for (guint i = 0; i < copies->len; i++)
    {
      CustosRecoveredFile *c = copies->pdata[i];
      if (c->original != NULL && g_file_equal (c->original, file))
        copy = c;
    }
  ck_assert_msg (copy != NULL, "the unsaved work was not kept");
  {
    g_autoptr(CustosDocument) kept = custos_file_load (copy->copy, NULL, NULL);

    ck_assert_ptr_nonnull (kept);
    ck_assert_str_eq (custos_organisation_get_name (custos_document_get_organisation (kept)), "Unsaved at logout Ltd");
  }
  custos_recovery_discard (copy->copy);
  custos_test_rmdir (dir);
}
END_TEST

/* The real program, sent SIGTERM as a session's end sends it: it exits
 * cleanly and takes its lock file with it. */
START_TEST (test_sigterm_removes_lock)
{
  g_autofree char *dir = custos_test_mkdtemp ();
  g_autofree char *path = copy_example (dir);
  g_autofree char *lock = lock_path (path);
  const char *argv[] = { g_getenv ("CUSTOS_BINARY"), path, NULL };
  g_autoptr(GError) error = NULL;
  GPid pid;
  int status = 0;
  gint64 deadline = g_get_monotonic_time () + 120 * G_USEC_PER_SEC;

  ck_assert_ptr_nonnull (argv[0]);
  ck_assert_msg (g_spawn_async (NULL, (char **) argv, NULL, G_SPAWN_DO_NOT_REAP_CHILD | G_SPAWN_STDERR_TO_DEV_NULL,
                                NULL, NULL, &pid, &error), "%s", error ? error->message : "");
  while (!g_file_test (lock, G_FILE_TEST_EXISTS))
    {
      ck_assert_msg (g_get_monotonic_time () < deadline, "the program never locked its file");
      g_usleep (20000);
    }
  ck_assert_int_eq (kill (pid, SIGTERM), 0);
  ck_assert_int_eq (waitpid (pid, &status, 0), pid);
  g_spawn_close_pid (pid);
  ck_assert_msg (WIFEXITED (status) && WEXITSTATUS (status) == 0, "status %d", status);
  ck_assert (!g_file_test (lock, G_FILE_TEST_EXISTS));
  custos_test_rmdir (dir);
}
END_TEST

/* Every icon the interface names is in the icon theme: a missing one draws
 * as a broken image (the Monitoring tab did). */
START_TEST (test_icons_exist)
{
  GtkIconTheme *theme = gtk_icon_theme_get_for_display (gdk_display_get_default ());
  g_autofree char *ui = g_build_filename (g_getenv ("CUSTOS_SOURCE_ROOT"), "ui", NULL);
  g_autoptr(GRegex) re = g_regex_new ("name=\"icon-name\">([a-z0-9-]+)<", 0, 0, NULL);
  const char *subdirs[] = { "", "pages", NULL };
  guint checked = 0;

  for (guint d = 0; subdirs[d] != NULL; d++)
    {
      g_autofree char *path = g_build_filename (ui, subdirs[d], NULL);
      g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
      const char *name;

      ck_assert_ptr_nonnull (dir);
      while ((name = g_dir_read_name (dir)) != NULL)
        {
          g_autofree char *file = g_build_filename (path, name, NULL);
          g_autofree char *text = NULL;
          g_autoptr(GMatchInfo) match = NULL;

          if (!g_str_has_suffix (name, ".ui") || !g_file_get_contents (file, &text, NULL, NULL))
            continue;
          for (g_regex_match (re, text, 0, &match); g_match_info_matches (match); g_match_info_next (match, NULL))
            {
              g_autofree char *icon = g_match_info_fetch (match, 1);

              ck_assert_msg (gtk_icon_theme_has_icon (theme, icon), "%s names %s, which no icon theme has", name, icon);
              checked++;
            }
        }
    }
  ck_assert_uint_ge (checked, 20);
}
END_TEST

/* Shared files: locks, changes on disk, links ------------------------------- */

static const char foreign_lock[] = "Jane Doe,jdoe,ws-12,01.02.2027 10:15,file:///home/jdoe/.config/libreoffice/4;";

static guint
count_windows (void)
{
  guint n = 0;

  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (app)); l != NULL; l = l->next)
    n += CUSTOS_IS_WINDOW (l->data);
  return n;
}

static CustosWindow *
open_window_on (GFile *file)
{
  CustosWindow *window = custos_window_new (GTK_APPLICATION (app), custos_application_get_clock (app));

  gtk_window_present (GTK_WINDOW (window));
  custos_window_load (window, file);
  custos_test_wait_for (has_file, window, "the file to load");
  return window;
}

static char *
lock_path (const char *path)
{
  g_autofree char *dir = g_path_get_dirname (path);
  g_autofree char *base = g_path_get_basename (path);
  g_autofree char *name = g_strconcat (".~lock.", base, "#", NULL);

  return g_build_filename (dir, name, NULL);
}

static gboolean
is_missing (gpointer path)
{
  return !g_file_test (path, G_FILE_TEST_EXISTS);
}

static gboolean
holds_text (const char *path,
            const char *text)
{
  g_autoptr(GBytes) bytes = custos_test_read_file (path);

  return g_strstr_len (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), text) != NULL;
}

static void
set_org_name (CustosDocument *doc,
              const char     *name)
{
  custos_organisation_set_name (custos_document_get_organisation (doc), name);
}

static const char *
org_name (CustosWindow *window)
{
  return custos_organisation_get_name (custos_document_get_organisation (custos_window_get_document (window)));
}

/* Someone else saves the file: the example, under another name. */
static GBytes *
write_theirs (const char *path,
              const char *name)
{
  g_autofree char *example = custos_test_example_path ();
  g_autoptr(GFile) example_file = g_file_new_for_path (example);
  g_autoptr(CustosDocument) theirs = custos_file_load (example_file, NULL, NULL);
  GBytes *bytes;

  set_org_name (theirs, name);
  bytes = custos_xml_write (theirs);
  ck_assert (g_file_set_contents (path, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), NULL));
  return bytes;
}

static GtkWindow *
find_file_chooser (void)
{
  return custos_test_find_toplevel (GTK_TYPE_FILE_CHOOSER);
}

static gboolean
has_file_chooser (gpointer data)
{
  return find_file_chooser () != NULL;
}

static gboolean
is_banner (GtkWidget     *widget,
           gconstpointer  data)
{
  return GTK_IS_REVEALER (widget) && gtk_widget_has_css_class (widget, "custos-banner");
}

static GtkRevealer *
find_banner (GtkWidget *widget)
{
  return custos_test_find (widget, is_banner, NULL);
}

static const char *
banner_text (CustosWindow *window)
{
  GtkRevealer *banner = find_banner (GTK_WIDGET (window));
  GtkWidget *box = gtk_revealer_get_child (banner);

  if (!gtk_revealer_get_reveal_child (banner))
    return NULL;
  return gtk_label_get_text (GTK_LABEL (gtk_widget_get_first_child (box)));
}

static gboolean
has_banner (gpointer window)
{
  return banner_text (window) != NULL;
}

static gboolean
is_missing_banner (gpointer window)
{
  return banner_text (window) == NULL;
}

static gboolean
has_deleted_banner (gpointer window)
{
  return banner_text (window) != NULL && strstr (banner_text (window), "deleted or moved") != NULL;
}

/* Runs the main loop for a while, for what should not happen. */
static void
spin (guint milliseconds)
{
  gint64 until = g_get_monotonic_time () + milliseconds * 1000;

  while (g_get_monotonic_time () < until)
    {
      g_main_context_iteration (NULL, FALSE);
      g_usleep (1000);
    }
}

/* A file open in a window comes to the front instead of opening twice:
 * two windows on one file would overwrite each other's work. */
START_TEST (test_same_file_twice)
{
  g_autofree char *dir = custos_test_mkdtemp ();
  g_autofree char *path = copy_example (dir);
  g_autofree char *link = g_build_filename (dir, "link.isms", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFile) link_file = g_file_new_for_path (link);
  g_autofree char *uri = g_file_get_uri (file);
  CustosWindow *first, *other;

  ck_assert (symlink ("example.isms", link) == 0);
  custos_application_open_window (app, file);
  custos_test_wait_for (has_window_for, file, "the window on the file");
  first = find_window_for (file);
  custos_application_open_window (app, file);
  custos_application_open_window (app, link_file);
  ck_assert_uint_eq (count_windows (), 1);
  ck_assert_ptr_eq (custos_window_find (GTK_APPLICATION (app), link_file), first);

  /* From another window (Open, Open Recent): the first comes to the front. */
  other = custos_window_new (GTK_APPLICATION (app), custos_application_get_clock (app));
  gtk_window_present (GTK_WINDOW (other));
  gtk_widget_activate_action (GTK_WIDGET (other), "win.open-uri", "s", uri);
  ck_assert_uint_eq (count_windows (), 2);
  ck_assert_ptr_null (custos_window_get_file (other));
  ck_assert_ptr_eq (find_window_for (file), first);
  custos_test_rmdir (dir);
}
END_TEST

/* The lock file is written when a window opens the file and removed on
 * every way the window can close. */
START_TEST (test_lock_removed_on_close)
{
  g_autofree char *dir = custos_test_mkdtemp ();
  g_autofree char *path = copy_example (dir);
  g_autofree char *lock = lock_path (path);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  CustosWindow *window = open_window_on (file);
  g_autoptr(GBytes) entry = custos_test_read_file (lock);
  g_autofree char *user = g_strdup_printf (",%s,%s,", g_get_user_name (), g_get_host_name ());

  ck_assert_msg (strstr (g_bytes_get_data (entry, NULL), user) != NULL, "%s", (char *) g_bytes_get_data (entry, NULL));
  ck_assert (g_str_has_suffix (g_bytes_get_data (entry, NULL), ";"));
  if (_i == 1 || _i == 2)
    {
      set_org_name (custos_window_get_document (window), "Closing Ltd");
      gtk_window_close (GTK_WINDOW (window));
      custos_test_wait_for (has_dialog, window, "the unsaved-changes dialog");
      adw_message_dialog_response (ADW_MESSAGE_DIALOG (find_dialog (window)), _i == 1 ? "discard" : "save");
    }
  else if (_i == 0)
    gtk_window_close (GTK_WINDOW (window));
  else if (_i == 3)
    g_action_group_activate_action (G_ACTION_GROUP (app), "quit", NULL);
  else
    gtk_window_destroy (GTK_WINDOW (window));
  custos_test_wait_for (is_missing, lock, "the lock file to go");
  ck_assert_uint_eq (count_windows (), 0);
  ck_assert (holds_text (path, "Closing Ltd") == (_i == 2));
  custos_test_rmdir (dir);
}
END_TEST

/* Someone else's lock: the dialog says who and since when; read-only keeps
 * their file and their lock, open anyway takes the lock over, cancel
 * opens nothing. */
START_TEST (test_foreign_lock)
{
  static const char *responses[] = { "read-only", "anyway", "cancel" };
  g_autofree char *dir = custos_test_mkdtemp ();
  g_autofree char *path = copy_example (dir);
  g_autofree char *lock = lock_path (path);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GBytes) before = custos_test_read_file (path);
  CustosWindow *window = custos_window_new (GTK_APPLICATION (app), custos_application_get_clock (app));
  AdwMessageDialog *dialog;

  ck_assert (g_file_set_contents (lock, foreign_lock, -1, NULL));
  gtk_window_present (GTK_WINDOW (window));
  custos_window_load (window, file);
  custos_test_wait_for (has_dialog, window, "the lock dialog");
  dialog = ADW_MESSAGE_DIALOG (find_dialog (window));
  ck_assert_str_eq (adw_message_dialog_get_heading (dialog), "Document in Use");
  ck_assert_msg (strstr (adw_message_dialog_get_body (dialog), "Jane Doe (jdoe on ws-12) since 01.02.2027 10:15"),
                 "%s", adw_message_dialog_get_body (dialog));
  adw_message_dialog_response (dialog, responses[_i]);

  if (_i == 0)
    {
      g_autoptr(GBytes) still = NULL;

      custos_test_wait_for (has_file, window, "the read-only file");
      ck_assert_msg (banner_text (window) != NULL && strstr (banner_text (window), "Read-only: Jane Doe"),
                     "banner: %s", banner_text (window));
      /* Editing works; saving asks for another name. */
      set_org_name (custos_window_get_document (window), "Mine Ltd");
      gtk_widget_activate_action (GTK_WIDGET (window), "win.save", NULL);
      custos_test_wait_for (has_file_chooser, NULL, "Save As");
      gtk_dialog_response (GTK_DIALOG (find_file_chooser ()), GTK_RESPONSE_CANCEL);
      still = custos_test_read_file (path);
      ck_assert (g_bytes_equal (still, before));
      custos_document_set_modified (custos_window_get_document (window), FALSE);
      gtk_window_destroy (GTK_WINDOW (window));
      g_clear_pointer (&still, g_bytes_unref);
      still = custos_test_read_file (lock);
      ck_assert_str_eq (g_bytes_get_data (still, NULL), foreign_lock);
    }
  else if (_i == 1)
    {
      custos_test_wait_for (has_file, window, "the file");
      ck_assert (!holds_text (lock, "Jane Doe"));
      ck_assert_ptr_null (banner_text (window));
      set_org_name (custos_window_get_document (window), "Mine Ltd");
      gtk_widget_activate_action (GTK_WIDGET (window), "win.save", NULL);
      custos_test_wait_for (is_saved, window, "the save");
      ck_assert (holds_text (path, "Mine Ltd"));
      gtk_window_destroy (GTK_WINDOW (window));
      custos_test_wait_for (is_missing, lock, "our lock to go");
    }
  else
    {
      ck_assert_ptr_null (custos_window_get_file (window));
      ck_assert (holds_text (lock, "Jane Doe"));
    }
  custos_test_rmdir (dir);
}
END_TEST

/* Someone else saved the file since it was opened: saving asks instead of
 * overwriting, and each answer does what it says. */
START_TEST (test_changed_before_save)
{
  static const char *responses[] = { "keep", "reload", "save-as", "cancel" };
  g_autofree char *dir = custos_test_mkdtemp ();
  g_autofree char *path = copy_example (dir);
  g_autofree char *backup = g_strconcat (path, ".bak", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  CustosWindow *window = open_window_on (file);
  CustosDocument *mine = custos_window_get_document (window);
  g_autoptr(GBytes) theirs = NULL;
  g_autoptr(GBytes) on_disk = NULL;
  AdwMessageDialog *dialog;

  set_org_name (mine, "Mine Ltd");
  theirs = write_theirs (path, "Theirs Ltd");
  gtk_widget_activate_action (GTK_WIDGET (window), "win.save", NULL);
  custos_test_wait_for (has_dialog, window, "the changed-on-disk dialog");
  dialog = ADW_MESSAGE_DIALOG (find_dialog (window));
  ck_assert_str_eq (adw_message_dialog_get_heading (dialog), "File Changed on Disk");
  on_disk = custos_test_read_file (path);
  ck_assert_msg (g_bytes_equal (on_disk, theirs), "their version was overwritten");
  adw_message_dialog_response (dialog, responses[_i]);

  switch (_i)
    {
    case 0: /* keep mine: saved over theirs, which is kept as the backup */
      custos_test_wait_for (is_saved, window, "the save");
      ck_assert (holds_text (path, "Mine Ltd"));
      g_clear_pointer (&on_disk, g_bytes_unref);
      on_disk = custos_test_read_file (backup);
      ck_assert (g_bytes_equal (on_disk, theirs));
      break;
    case 1: /* reload: their version, mine discarded */
      custos_test_wait_for (is_saved, window, "the reload");
      ck_assert_str_eq (org_name (window), "Theirs Ltd");
      break;
    case 2: /* save as: a file chooser, theirs untouched */
      custos_test_wait_for (has_file_chooser, NULL, "Save As");
      gtk_dialog_response (GTK_DIALOG (find_file_chooser ()), GTK_RESPONSE_CANCEL);
      G_GNUC_FALLTHROUGH;
    default: /* cancel */
      g_clear_pointer (&on_disk, g_bytes_unref);
      on_disk = custos_test_read_file (path);
      ck_assert (g_bytes_equal (on_disk, theirs));
      ck_assert (custos_document_get_modified (mine));
      ck_assert_str_eq (org_name (window), "Mine Ltd");
      custos_document_set_modified (mine, FALSE);
      break;
    }
  custos_test_rmdir (dir);
}
END_TEST

/* While the window is open, a change on disk shows in a banner (not our
 * own saves): reload when nothing is unsaved, a warning when something is. */
START_TEST (test_changed_on_disk_banner)
{
  g_autofree char *dir = custos_test_mkdtemp ();
  g_autofree char *path = copy_example (dir);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  CustosWindow *window = open_window_on (file);
  g_autoptr(GBytes) theirs = NULL;
  g_autoptr(GBytes) again = NULL;

  ck_assert_ptr_null (banner_text (window));
  set_org_name (custos_window_get_document (window), "Mine Ltd");
  gtk_widget_activate_action (GTK_WIDGET (window), "win.save", NULL);
  custos_test_wait_for (is_saved, window, "the save");
  spin (1500); /* the monitor's events of our own save, and the look at the disk */
  ck_assert_msg (banner_text (window) == NULL, "our own save shows as “%s”", banner_text (window));

  theirs = write_theirs (path, "Theirs Ltd");
  custos_test_wait_for (has_banner, window, "the changed-on-disk banner");
  ck_assert_str_eq (banner_text (window), "The file was changed on disk by someone else.");
  gtk_widget_activate_action (GTK_WIDGET (window), "win.reload", NULL);
  custos_test_wait_for (is_missing_banner, window, "the banner to go");
  ck_assert_str_eq (org_name (window), "Theirs Ltd");

  set_org_name (custos_window_get_document (window), "Mine again Ltd");
  again = write_theirs (path, "Theirs again Ltd");
  custos_test_wait_for (has_banner, window, "the warning");
  ck_assert_msg (strstr (banner_text (window), "you have unsaved changes") != NULL, "%s", banner_text (window));

  ck_assert (g_unlink (path) == 0);
  custos_test_wait_for (has_deleted_banner, window, "the deleted-on-disk banner");
  custos_document_set_modified (custos_window_get_document (window), FALSE);
  custos_test_rmdir (dir);
}
END_TEST

/* win.issue asks for the version (the next one suggested) and the approver;
 * win.issue-version records the revision, freezes the file beside it and
 * saves it, without the window taking its own save for a change on disk. */
START_TEST (test_issue_version)
{
  g_autofree char *dir = custos_test_mkdtemp ();
  g_autofree char *path = copy_example (dir);
  g_autofree char *snapshot = g_build_filename (dir, "example.isms.issued", "1.4.isms", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  CustosWindow *window = open_window_on (file);
  CustosDocument *doc = custos_window_get_document (window);
  GtkWindow *dialog;
  CustosRevision *latest;

  ck_assert_ptr_null (custos_issue_get_current (doc, file));
  gtk_widget_activate_action (GTK_WIDGET (window), "win.issue", NULL);
  custos_test_wait_for (has_dialog, window, "the issue dialog");
  dialog = find_dialog (window);
  ck_assert_str_eq (gtk_editable_get_text (g_object_get_data (G_OBJECT (dialog), "version")), "1.4");
  ck_assert (!adw_message_dialog_get_response_enabled (ADW_MESSAGE_DIALOG (dialog), "issue"));
  gtk_editable_set_text (g_object_get_data (G_OBJECT (dialog), "approver"), "Margaret Hale");
  ck_assert (adw_message_dialog_get_response_enabled (ADW_MESSAGE_DIALOG (dialog), "issue"));
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "issue");
  spin (200);

  latest = CUSTOS_REVISION (custos_document_get_latest_revision (doc));
  ck_assert_str_eq (custos_revision_get_version (latest), "1.4");
  ck_assert_str_eq (custos_revision_get_approved_by (latest), "Margaret Hale");
  ck_assert (is_saved (window));
  ck_assert (g_file_test (snapshot, G_FILE_TEST_EXISTS));
  ck_assert_ptr_nonnull (custos_issue_get_current (doc, file));
  spin (1500); /* the monitor's events of the issue's save */
  ck_assert_msg (banner_text (window) == NULL, "the issue shows as “%s”", banner_text (window));

  /* A changed document is no longer the issue; the same version is refused. */
  set_org_name (doc, "Changed Ltd");
  ck_assert_ptr_null (custos_issue_get_current (doc, file));
  gtk_widget_activate_action (GTK_WIDGET (window), "win.issue-version", "(ss)", "1.4", "Someone");
  custos_test_wait_for (has_dialog, window, "the refusal");
  ck_assert_str_eq (custos_revision_get_approved_by (CUSTOS_REVISION (custos_document_get_latest_revision (doc))),
                    "Margaret Hale");
  gtk_window_destroy (find_dialog (window));
  custos_document_set_modified (doc, FALSE);
  custos_test_rmdir (dir);
}
END_TEST

static gboolean
has_merge_banner (gpointer window)
{
  return banner_text (window) != NULL && strstr (banner_text (window), "merge conflict") != NULL;
}

static void
run_git (const char *dir,
         ...)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  const char *arg;
  va_list args;
  int status = 0;

  g_ptr_array_add (argv, (gpointer) "git");
  g_ptr_array_add (argv, (gpointer) "-C");
  g_ptr_array_add (argv, (gpointer) dir);
  g_ptr_array_add (argv, (gpointer) "-c");
  g_ptr_array_add (argv, (gpointer) "user.name=Test");
  g_ptr_array_add (argv, (gpointer) "-c");
  g_ptr_array_add (argv, (gpointer) "user.email=test@example.org");
  va_start (args, dir);
  while ((arg = va_arg (args, const char *)) != NULL)
    g_ptr_array_add (argv, (gpointer) arg);
  va_end (args);
  g_ptr_array_add (argv, NULL);
  ck_assert_msg (g_spawn_sync (NULL, (char **) argv->pdata, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDOUT_TO_DEV_NULL,
                               NULL, NULL, NULL, NULL, &status, &error) &&
                 g_spawn_check_wait_status (status, NULL),
                 "git failed");
}

static gboolean
titles_contain (GStrv       titles,
                const char *prefix)
{
  for (guint i = 0; titles[i] != NULL; i++)
    if (g_str_has_prefix (titles[i], prefix))
      return TRUE;
  return FALSE;
}

/* Compare with… a git revision and a file, through the window's actions. */
START_TEST (test_compare)
{
  g_autofree char *dir = custos_test_mkdtemp ();
  g_autofree char *path = copy_example (dir);
  g_autofree char *example = custos_test_example_path ();
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFile) example_file = g_file_new_for_path (example);
  g_autofree char *example_uri = g_file_get_uri (example_file);
  CustosWindow *window;
  CustosCompareDialog *dialog;
  GtkWindow *message;
  g_auto(GStrv) titles = NULL;

  run_git (dir, "init", "-q", NULL);
  run_git (dir, "add", "example.isms", NULL);
  run_git (dir, "commit", "-q", "-m", "Issue 1.2", NULL);
  window = open_window_on (file);
  custos_risk_set_likelihood (CUSTOS_RISK (custos_document_lookup (custos_window_get_document (window),
                                                                   CUSTOS_REGISTER_RISKS, "R-001")), 3);

  gtk_widget_activate_action (GTK_WIDGET (window), "win.compare-revision", "s", "HEAD");
  dialog = CUSTOS_COMPARE_DIALOG (custos_test_find_toplevel (CUSTOS_TYPE_COMPARE_DIALOG));
  ck_assert_ptr_nonnull (dialog);
  /* read in a worker thread, the window live meanwhile */
  ck_assert (custos_compare_dialog_is_loading (dialog));
  while (custos_compare_dialog_is_loading (dialog))
    g_main_context_iteration (NULL, TRUE);
  titles = custos_compare_dialog_get_titles (dialog);
  ck_assert_uint_eq (g_strv_length (titles), 1);
  ck_assert_str_eq (titles[0], "R-001 Ransomware encrypts laptops and synchronised Microsoft 365 data");
  gtk_window_destroy (GTK_WINDOW (dialog));
  g_clear_pointer (&titles, g_strfreev);

  gtk_widget_activate_action (GTK_WIDGET (window), "win.compare-uri", "s", example_uri);
  dialog = CUSTOS_COMPARE_DIALOG (custos_test_find_toplevel (CUSTOS_TYPE_COMPARE_DIALOG));
  ck_assert_ptr_nonnull (dialog);
  while (custos_compare_dialog_is_loading (dialog))
    g_main_context_iteration (NULL, TRUE);
  titles = custos_compare_dialog_get_titles (dialog);
  ck_assert (titles_contain (titles, "R-001 "));
  gtk_window_destroy (GTK_WINDOW (dialog));

  /* A revision git does not know: said in the dialog, which offers the
   * versions again. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.compare-revision", "s", "no-such-revision");
  dialog = CUSTOS_COMPARE_DIALOG (custos_test_find_toplevel (CUSTOS_TYPE_COMPARE_DIALOG));
  while (custos_compare_dialog_is_loading (dialog))
    g_main_context_iteration (NULL, TRUE);
  message = custos_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG);
  ck_assert_ptr_nonnull (message);
  ck_assert_str_eq (adw_message_dialog_get_heading (ADW_MESSAGE_DIALOG (message)), "Cannot Compare");
  gtk_window_destroy (GTK_WINDOW (message));
  gtk_window_destroy (GTK_WINDOW (dialog));

  /* Closed while it reads: the read ends quietly. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.compare-uri", "s", example_uri);
  dialog = CUSTOS_COMPARE_DIALOG (custos_test_find_toplevel (CUSTOS_TYPE_COMPARE_DIALOG));
  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *) &dialog);
  gtk_window_destroy (GTK_WINDOW (dialog));
  while (dialog != NULL)
    g_main_context_iteration (NULL, TRUE);
  ck_assert_ptr_null (custos_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG));

  /* The plain action offers the git history of the document. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.compare", NULL);
  ck_assert_ptr_nonnull (custos_test_find_toplevel (CUSTOS_TYPE_COMPARE_DIALOG));
  custos_document_set_modified (custos_window_get_document (window), FALSE);
  custos_test_rmdir (dir);
}
END_TEST

/* A merged file with a conflict: the banner says so, resolving is one undo
 * step, and undoing brings the conflict and the banner back. */
START_TEST (test_resolve_conflicts)
{
  g_autofree char *dir = custos_test_mkdtemp ();
  g_autofree char *path = copy_example (dir);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(CustosDocument) base = custos_file_load (file, NULL, NULL);
  g_autoptr(CustosDocument) ours = custos_file_load (file, NULL, NULL);
  g_autoptr(CustosDocument) theirs = custos_file_load (file, NULL, NULL);
  CustosWindow *window;
  CustosDocument *doc;
  CustosRisk *risk;

  custos_risk_set_likelihood (CUSTOS_RISK (custos_document_lookup (ours, CUSTOS_REGISTER_RISKS, "R-001")), 3);
  custos_risk_set_likelihood (CUSTOS_RISK (custos_document_lookup (theirs, CUSTOS_REGISTER_RISKS, "R-001")), 2);
  ck_assert_int_eq (custos_merge (base, ours, theirs, NULL), 1);
  ck_assert (custos_file_save (ours, file, NULL, NULL));

  window = open_window_on (file);
  doc = custos_window_get_document (window);
  risk = CUSTOS_RISK (custos_document_lookup (doc, CUSTOS_REGISTER_RISKS, "R-001"));
  custos_test_wait_for (has_merge_banner, window, "the merge conflict banner");
  ck_assert_str_eq (banner_text (window), "1 merge conflict: both sides of a merge changed the same field.");

  gtk_widget_activate_action (GTK_WIDGET (window), "win.resolve-conflicts", NULL);
  ck_assert_ptr_nonnull (custos_test_find_toplevel (CUSTOS_TYPE_CONFLICTS_DIALOG));

  /* A value the field cannot take changes nothing. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.resolve-conflict", "(ss)", "MC-001", "many");
  ck_assert_uint_eq (custos_document_count (doc, CUSTOS_REGISTER_MERGE_CONFLICTS), 1);

  gtk_widget_activate_action (GTK_WIDGET (window), "win.resolve-conflict", "(ss)", "MC-001", "2");
  ck_assert_int_eq (custos_risk_get_likelihood (risk), 2);
  ck_assert_uint_eq (custos_document_count (doc, CUSTOS_REGISTER_MERGE_CONFLICTS), 0);
  custos_test_wait_for (is_missing_banner, window, "the banner to go");

  gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL);
  ck_assert_int_eq (custos_risk_get_likelihood (risk), 3);
  ck_assert_uint_eq (custos_document_count (doc, CUSTOS_REGISTER_MERGE_CONFLICTS), 1);
  custos_test_wait_for (has_merge_banner, window, "the banner to come back");
  custos_document_set_modified (doc, FALSE);
  custos_test_rmdir (dir);
}
END_TEST

/* Through a symbolic link the window saves the file it points to, keeps
 * the link, keeps the file's mode, and locks the file itself. */
START_TEST (test_link_and_mode)
{
  g_autofree char *dir = custos_test_mkdtemp ();
  g_autofree char *shared = g_build_filename (dir, "shared", NULL);
  g_autofree char *path = NULL;
  g_autofree char *link = g_build_filename (dir, "link.isms", NULL);
  g_autofree char *lock = NULL;
  g_autoptr(GFile) link_file = g_file_new_for_path (link);
  CustosWindow *window;
  struct stat st;

  ck_assert (g_mkdir (shared, 0755) == 0);
  path = copy_example (shared);
  lock = lock_path (path);
  ck_assert (g_chmod (path, 0644) == 0);
  ck_assert (symlink ("shared/example.isms", link) == 0);
  window = open_window_on (link_file);
  ck_assert (g_file_test (lock, G_FILE_TEST_EXISTS));
  set_org_name (custos_window_get_document (window), "Linked Ltd");
  gtk_widget_activate_action (GTK_WIDGET (window), "win.save", NULL);
  custos_test_wait_for (is_saved, window, "the save");
  ck_assert (lstat (link, &st) == 0 && S_ISLNK (st.st_mode));
  ck_assert (holds_text (path, "Linked Ltd"));
  ck_assert (stat (path, &st) == 0);
  ck_assert_int_eq (st.st_mode & 07777, 0644);
  gtk_window_destroy (GTK_WINDOW (window));
  custos_test_wait_for (is_missing, lock, "the lock to go");
  custos_test_rmdir (dir);
}
END_TEST

static gboolean
shows_copy (gpointer window)
{
  GFile *file = custos_window_get_file (window);
  g_autofree char *name = file != NULL ? g_file_get_basename (file) : NULL;

  return g_strcmp0 (name, "copy.isms") == 0;
}

/* Save As name in dir, as the Save As dialog does once a name is chosen. */
static void
save_as_name (CustosWindow *window,
              const char   *dir,
              const char   *name)
{
  g_autofree char *path = g_build_filename (dir, name, NULL);
  g_autofree char *uri = g_filename_to_uri (path, NULL, NULL);

  gtk_widget_activate_action (GTK_WIDGET (window), "win.save-as-uri", "s", uri);
}

/* Save As takes the lock of the new file and lets go of the old one; a
 * file someone else has open is not written. */
START_TEST (test_save_as_moves_lock)
{
  g_autofree char *dir = custos_test_mkdtemp ();
  g_autofree char *path = copy_example (dir);
  g_autofree char *copy = g_build_filename (dir, "copy.isms", NULL);
  g_autofree char *theirs = g_build_filename (dir, "theirs.isms", NULL);
  g_autofree char *lock = lock_path (path);
  g_autofree char *copy_lock = lock_path (copy);
  g_autofree char *their_lock = lock_path (theirs);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  CustosWindow *window = open_window_on (file);
  const char *body;

  save_as_name (window, dir, "copy.isms");
  custos_test_wait_for (shows_copy, window, "the window to show the copy");
  custos_test_wait_for (is_missing, lock, "the old lock to go");
  ck_assert (g_file_test (copy_lock, G_FILE_TEST_EXISTS));
  ck_assert (holds_text (copy, "Northwind"));

  /* Someone is about to save theirs.isms (a new file, so no question
   * about replacing it comes first). */
  ck_assert (g_file_set_contents (their_lock, foreign_lock, -1, NULL));
  save_as_name (window, dir, "theirs.isms");
  custos_test_wait_for (has_dialog, window, "the error");
  body = adw_message_dialog_get_body (ADW_MESSAGE_DIALOG (find_dialog (window)));
  ck_assert_msg (strstr (body, "Jane Doe (jdoe on ws-12)") != NULL, "%s", body);
  ck_assert (!g_file_test (theirs, G_FILE_TEST_EXISTS));
  ck_assert (shows_copy (window));
  ck_assert (g_file_test (copy_lock, G_FILE_TEST_EXISTS));
  custos_test_rmdir (dir);
}
END_TEST

typedef struct
{
  GFile  *file;
  gint64  deadline;
} Opening;

/* Ends g_application_run once file is open (or after a while). */
static gboolean
quit_when_open (gpointer user_data)
{
  Opening *opening = user_data;
  CustosWindow *window = find_window_for (opening->file);

  if ((window == NULL || !is_saved (window)) && g_get_monotonic_time () < opening->deadline)
    return G_SOURCE_CONTINUE;
  g_application_quit (G_APPLICATION (app));
  return G_SOURCE_REMOVE;
}

/* custos plan:v2.isms opens the local file (0.1.0 took it for a URI of the
 * scheme "plan" and failed with "Operation not supported"). */
START_TEST (test_command_line_colon)
{
  g_autofree char *dir = custos_test_mkdtemp ();
  g_autofree char *example = copy_example (dir);
  g_autofree char *path = g_build_filename (dir, "plan:v2.isms", NULL);
  g_autofree char *cwd = g_get_current_dir ();
  g_autoptr(GFile) file = g_file_new_for_path (path);
  char *argv[] = { (char *) "custos", (char *) "plan:v2.isms", NULL };
  Opening opening = { file, g_get_monotonic_time () + 60 * G_USEC_PER_SEC };
  CustosWindow *window;
  int status;

  ck_assert (g_rename (example, path) == 0);
  ck_assert (g_chdir (dir) == 0);
  g_timeout_add (20, quit_when_open, &opening);
  status = g_application_run (G_APPLICATION (app), 2, argv);
  ck_assert (g_chdir (cwd) == 0);
  ck_assert_int_eq (status, 0);
  window = find_window_for (file);
  ck_assert_msg (window != NULL, "plan:v2.isms did not open");
  set_org_name (custos_window_get_document (window), "Colon Ltd");
  gtk_widget_activate_action (GTK_WIDGET (window), "win.save", NULL);
  custos_test_wait_for (is_saved, window, "the save");
  ck_assert (holds_text (path, "Colon Ltd"));
  custos_test_rmdir (dir);
}
END_TEST

/* A named pipe is refused at once, naming it, and leaves no lock. */
START_TEST (test_pipe_refused)
{
  g_autofree char *dir = custos_test_mkdtemp ();
  g_autofree char *path = g_build_filename (dir, "pipe.isms", NULL);
  g_autofree char *lock = lock_path (path);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  CustosWindow *window = custos_window_new (GTK_APPLICATION (app), custos_application_get_clock (app));
  const char *body;

  ck_assert (mkfifo (path, 0600) == 0);
  gtk_window_present (GTK_WINDOW (window));
  custos_window_load (window, file);
  custos_test_wait_for (has_dialog, window, "the error");
  body = adw_message_dialog_get_body (ADW_MESSAGE_DIALOG (find_dialog (window)));
  ck_assert_msg (strstr (body, path) != NULL && strstr (body, "named pipe") != NULL, "%s", body);
  ck_assert_ptr_null (custos_window_get_file (window));
  custos_test_wait_for (is_missing, lock, "no lock");
  custos_test_rmdir (dir);
}
END_TEST

/* A name with a colon, opened from Open Recent (a file: URI), saves. */
START_TEST (test_name_with_colon)
{
  g_autofree char *dir = custos_test_mkdtemp ();
  g_autofree char *example = copy_example (dir);
  g_autofree char *path = g_build_filename (dir, "plan:v2.isms", NULL);
  g_autoptr(GFile) file = custos_file_new_for_arg ("plan:v2.isms", dir);
  g_autofree char *uri = g_file_get_uri (file);
  CustosWindow *window = custos_window_new (GTK_APPLICATION (app), custos_application_get_clock (app));

  ck_assert (g_rename (example, path) == 0);
  gtk_window_present (GTK_WINDOW (window));
  gtk_widget_activate_action (GTK_WIDGET (window), "win.open-uri", "s", uri);
  custos_test_wait_for (has_file, window, "plan:v2.isms to load");
  ck_assert_str_eq (g_file_peek_path (custos_window_get_file (window)), path);
  set_org_name (custos_window_get_document (window), "Colon Ltd");
  gtk_widget_activate_action (GTK_WIDGET (window), "win.save", NULL);
  custos_test_wait_for (is_saved, window, "the save");
  ck_assert (holds_text (path, "Colon Ltd"));
  custos_test_rmdir (dir);
}
END_TEST

static char *
serialise (CustosDocument *doc)
{
  g_autoptr(GBytes) bytes = custos_xml_write (doc);
  return g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
}

static gboolean
has_import_dialog (gpointer data)
{
  return custos_test_find_toplevel (CUSTOS_TYPE_IMPORT_DIALOG) != NULL;
}

/* A visible "To review" chip anywhere under widget. */
static gboolean
shows_to_review (GtkWidget *widget)
{
  if (!gtk_widget_get_visible (widget))
    return FALSE;
  if (GTK_IS_LABEL (widget) && gtk_widget_has_css_class (widget, "custos-to-review"))
    return TRUE;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    if (shows_to_review (child))
      return TRUE;
  return FALSE;
}

/* win.import-uri: the dialog guesses the register and the columns, a column
 * can be left out, Import changes the document as one undo step; a broken
 * file is refused with a message and changes nothing. */
START_TEST (test_import_spreadsheet)
{
  g_autofree char *dir = custos_test_mkdtemp ();
  g_autofree char *path = copy_example (dir);
  g_autofree char *csv = g_build_filename (dir, "assets.csv", NULL);
  g_autofree char *broken = g_build_filename (dir, "broken.csv", NULL);
  g_autofree char *uri = g_filename_to_uri (csv, NULL, NULL);
  g_autofree char *broken_uri = g_filename_to_uri (broken, NULL, NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  CustosWindow *window = custos_window_new (GTK_APPLICATION (app), custos_application_get_clock (app));
  CustosImportDialog *dialog;
  CustosImport *import;
  CustosDocument *doc;
  g_autofree char *before = NULL;
  g_autofree char *undone = NULL;
  CustosRecord *asset;
  guint n_assets;

  ck_assert (g_file_set_contents (csv, "ID,Name,Type,Location\r\nA-001,Renamed,Software,Leeds\r\n,New laptop,Hardware,York\r\n", -1, NULL));
  ck_assert (g_file_set_contents (broken, "Name,Type\n\"Unclosed,Hardware\n", -1, NULL));
  gtk_window_present (GTK_WINDOW (window));
  custos_window_load (window, file);
  custos_test_wait_for (has_file, window, "the example to load");
  doc = custos_window_get_document (window);
  before = serialise (doc);
  n_assets = custos_document_count (doc, CUSTOS_REGISTER_ASSETS);

  gtk_widget_activate_action (GTK_WIDGET (window), "win.import-uri", "s", broken_uri);
  custos_test_wait_for (has_dialog, window, "the message about the broken file");
  ck_assert_ptr_null (custos_test_find_toplevel (CUSTOS_TYPE_IMPORT_DIALOG));
  ck_assert_ptr_nonnull (strstr (adw_message_dialog_get_body (ADW_MESSAGE_DIALOG (find_dialog (window))),
                                 "a quoted field never ends"));
  gtk_window_destroy (find_dialog (window));

  gtk_widget_activate_action (GTK_WIDGET (window), "win.import-uri", "s", uri);
  custos_test_wait_for (has_import_dialog, NULL, "the import dialog");
  dialog = CUSTOS_IMPORT_DIALOG (custos_test_find_toplevel (CUSTOS_TYPE_IMPORT_DIALOG));
  import = custos_import_dialog_get_import (dialog);
  ck_assert_int_eq (custos_import_get_register (import), CUSTOS_REGISTER_ASSETS);
  ck_assert_uint_eq (custos_import_get_n_added (import), 1);
  ck_assert_uint_eq (custos_import_get_n_updated (import), 1);
  /* The location stays as it is: the column is not imported. */
  adw_combo_row_set_selected (custos_import_dialog_get_column_row (dialog, 3), 0);
  ck_assert_int_eq (custos_import_get_column (import, 3), CUSTOS_IMPORT_COLUMN_IGNORED);
  custos_test_spin ();
  gtk_widget_activate_action (GTK_WIDGET (dialog), "import.apply", NULL);
  custos_test_spin ();
  ck_assert_ptr_null (custos_test_find_toplevel (CUSTOS_TYPE_IMPORT_DIALOG));

  ck_assert_uint_eq (custos_document_count (doc, CUSTOS_REGISTER_ASSETS), n_assets + 1);
  asset = custos_document_lookup (doc, CUSTOS_REGISTER_ASSETS, "A-001");
  ck_assert_str_eq (custos_record_get_title (asset), "Renamed");
  ck_assert_str_ne (custos_test_get_string (asset, "location"), "Leeds");
  ck_assert (has_record_with (doc, CUSTOS_REGISTER_ASSETS, "name", "New laptop"));

  gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL);
  undone = serialise (doc);
  ck_assert_str_eq (undone, before);
  custos_test_rmdir (dir);
}
END_TEST

/* A record to review shows the chip in its editor; Mark as Reviewed clears
 * it as one undoable step. */
START_TEST (test_mark_reviewed)
{
  CustosWindow *window = custos_window_new (GTK_APPLICATION (app), custos_application_get_clock (app));
  CustosDocument *doc = custos_window_get_document (window);
  CustosRecord *risk = custos_document_add_new (doc, CUSTOS_REGISTER_RISKS);
  CustosRecordEditor *editor;

  custos_test_set_string (risk, "title", "Drafted risk & more");
  custos_record_set_to_review (risk, TRUE);
  /* Text with "&" is text, not markup (fatal warnings would say otherwise). */
  custos_scope_set_statement (custos_document_get_scope (doc), "Fenwick & Co's accountancy");
  gtk_window_present (GTK_WINDOW (window));
  custos_test_spin ();
  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-page", "s", "readiness");
  custos_test_spin ();
  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-record", "(ss)", "risk", custos_record_get_id (risk));
  custos_test_spin ();
  editor = find_editor (GTK_WIDGET (window), risk);
  ck_assert_ptr_nonnull (editor);
  ck_assert (shows_to_review (GTK_WIDGET (editor)));

  gtk_widget_activate_action (GTK_WIDGET (window), "win.mark-reviewed", "(ss)", "risk", custos_record_get_id (risk));
  custos_test_spin ();
  ck_assert (!custos_record_get_to_review (risk));
  ck_assert (!shows_to_review (GTK_WIDGET (editor)));
  gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL);
  ck_assert (custos_record_get_to_review (risk));
  custos_test_spin ();
  ck_assert (shows_to_review (GTK_WIDGET (editor)));
}
END_TEST

static CustosWindow *
find_window_named (const char *name)
{
  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (app)); l != NULL; l = l->next)
    if (CUSTOS_IS_WINDOW (l->data)
        && g_strcmp0 (custos_organisation_get_name (custos_document_get_organisation (custos_window_get_document (l->data))),
                      name) == 0)
      return l->data;
  return NULL;
}

/* app.new-guided: the assistant's pages turn with its actions; Create opens
 * the draft, modified (closing asks), everything to review. */
START_TEST (test_guided_draft)
{
  CustosDraftAnswers answers = { "Fenwick & Co", CUSTOS_SECTOR_CHARITY, 6, "A room in the church hall",
                                 CUSTOS_DRAFT_GOOGLE | CUSTOS_DRAFT_CRM | CUSTOS_DRAFT_BYOD, NULL };
  CustosDraftAssistant *assistant;
  CustosWindow *window;
  CustosDocument *doc;

  g_action_group_activate_action (G_ACTION_GROUP (app), "new-guided", g_variant_new_string ("Fenwick"));
  custos_test_spin ();
  assistant = CUSTOS_DRAFT_ASSISTANT (custos_test_find_toplevel (CUSTOS_TYPE_DRAFT_ASSISTANT));
  ck_assert_ptr_nonnull (assistant);
  ck_assert_uint_eq (custos_draft_assistant_get_page (assistant), 0);
  custos_draft_assistant_set_answers (assistant, &answers);
  for (guint page = 1; page < 4; page++)
    {
      gtk_widget_activate_action (GTK_WIDGET (assistant), "draft.next", NULL);
      custos_test_spin ();
      ck_assert_uint_eq (custos_draft_assistant_get_page (assistant), page);
    }
  gtk_widget_activate_action (GTK_WIDGET (assistant), "draft.create", NULL);
  custos_test_spin ();
  ck_assert_ptr_null (custos_test_find_toplevel (CUSTOS_TYPE_DRAFT_ASSISTANT));
  window = find_window_named ("Fenwick & Co");
  ck_assert_ptr_nonnull (window);
  doc = custos_window_get_document (window);
  ck_assert (custos_document_get_modified (doc));
  ck_assert_str_eq (custos_organisation_get_sector (custos_document_get_organisation (doc)), "Charity or non-profit");
  ck_assert_uint_gt (custos_document_count (doc, CUSTOS_REGISTER_RISKS), 5);
  ck_assert (has_record_with (doc, CUSTOS_REGISTER_ASSETS, "name", "Supporter and beneficiary records"));
  ck_assert (custos_record_get_to_review (custos_document_get_section (doc, CUSTOS_SECTION_SCOPE)));
}
END_TEST

/* The first (up to) eight dated findings, as the overview's "Needs
 * attention" lists them, of a check run here and now. */
static GPtrArray *
dated_findings (CustosDocument *document,
                const GDate    *today)
{
  g_autoptr(CustosReadiness) readiness = custos_readiness_new (document, today);
  GPtrArray *messages = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; i < custos_readiness_get_n_findings (readiness) && messages->len < 8; i++)
    {
      const CustosReadinessFinding *finding = custos_readiness_get_finding (readiness, i);

      if (strstr (finding->rule, "overdue") != NULL || strstr (finding->rule, "expired") != NULL ||
          strstr (finding->rule, "review") != NULL)
        g_ptr_array_add (messages, custos_format_message (finding->message));
    }
  return messages;
}

typedef struct
{
  GtkWidget *overview;
  GPtrArray *expected;
  const char *gone;
} Attention;

/* Every expected message is a row of the overview, and gone is not. */
static gboolean
overview_lists (gpointer data)
{
  Attention *a = data;
  RowTitle gone = { a->overview, a->gone };

  for (guint i = 0; i < a->expected->len; i++)
    {
      RowTitle row = { a->overview, a->expected->pdata[i] };
      if (!has_row_titled (&row))
        return FALSE;
    }
  return a->gone == NULL || !has_row_titled (&gone);
}

/* The overview's readiness check runs after the frame that shows the page,
 * and not while the page is out of sight; once shown again it lists what a
 * check run then finds. */
START_TEST (test_overview_checks_on_screen)
{
  g_autofree char *example = custos_test_example_path ();
  g_autoptr(GFile) file = g_file_new_for_path (example);
  g_autoptr(GPtrArray) before = NULL;
  g_autoptr(GPtrArray) after = NULL;
  g_autoptr(CustosReadiness) readiness = NULL;
  g_autofree char *gone = NULL;
  const CustosReadinessFinding *first = NULL;
  CustosWindow *window;
  CustosDocument *document;
  const GDate *today;
  Attention attention;

  window = custos_window_new (GTK_APPLICATION (app), custos_application_get_clock (app));
  gtk_window_present (GTK_WINDOW (window));
  custos_window_load (window, file);
  custos_test_wait_for (has_document, window, "the example");
  document = custos_window_get_document (window);
  today = custos_clock_get_today (custos_window_get_clock (window));
  ck_assert_str_eq (custos_window_get_visible_page (window), "overview");

  before = dated_findings (document, today);
  ck_assert_uint_gt (before->len, 0);
  attention = (Attention) { custos_test_find_type (GTK_WIDGET (window), CUSTOS_TYPE_OVERVIEW_PAGE), before, NULL };
  custos_test_wait_for (overview_lists, &attention, "the findings that need attention");

  /* Out of sight, the record behind the first finding goes away. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-page", "s", "context");
  custos_test_spin ();
  readiness = custos_readiness_new (document, today);
  for (guint i = 0; first == NULL && i < custos_readiness_get_n_findings (readiness); i++)
    {
      g_autofree char *title = custos_format_message (custos_readiness_get_finding (readiness, i)->message);

      if (g_strcmp0 (title, before->pdata[0]) == 0)
        first = custos_readiness_get_finding (readiness, i);
    }
  ck_assert_ptr_nonnull (first);
  ck_assert (first->reg >= 0 && first->record_id != NULL);
  gone = custos_format_message (first->message);
  custos_document_remove (document, first->reg,
                          custos_document_lookup (document, first->reg, first->record_id));
  custos_test_spin_for (G_USEC_PER_SEC / 2); /* well past the overview's pause of 150 ms */
  /* Not checked again: the row is still there. */
  attention.gone = NULL;
  ck_assert (overview_lists (&attention));

  /* Shown again, it lists what a check run now finds. */
  after = dated_findings (document, today);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-page", "s", "overview");
  attention.expected = after;
  attention.gone = gone;
  custos_test_wait_for (overview_lists, &attention, "the findings after the change");
  custos_document_set_modified (document, FALSE);
}
END_TEST

static Suite *
window_suite (void)
{
  Suite *s = suite_create ("window");
  TCase *tc = tcase_create ("life-cycle");

  /* One application per process, as in real life; windows are closed after each test. */
  tcase_add_unchecked_fixture (tc, setup, teardown);
  tcase_add_checked_fixture (tc, NULL, close_windows);
  tcase_set_timeout (tc, 60);
  tcase_add_test (tc, test_open_edit_save);
  tcase_add_test (tc, test_import_spreadsheet);
  tcase_add_test (tc, test_mark_reviewed);
  tcase_add_test (tc, test_guided_draft);
  tcase_add_test (tc, test_failed_load_keeps_document);
  tcase_add_test (tc, test_close_asks_about_changes);
  tcase_add_test (tc, test_every_register_through_the_window);
  tcase_add_test (tc, test_annex_findings_open_record);
  tcase_add_test (tc, test_register_findings_open_tab);
  tcase_add_test (tc, test_pages_built_when_shown);
  tcase_add_test (tc, test_autosave_copy);
  tcase_add_test (tc, test_recovery_after_crash);
  tcase_add_test (tc, test_terminate_keeps_unsaved);
  tcase_add_test (tc, test_sigterm_removes_lock);
  tcase_add_test (tc, test_icons_exist);
  /* Shared files: locks, changes on disk, links. */
  tcase_add_test (tc, test_same_file_twice);
  tcase_add_loop_test (tc, test_lock_removed_on_close, 0, 5);
  tcase_add_loop_test (tc, test_foreign_lock, 0, 3);
  tcase_add_loop_test (tc, test_changed_before_save, 0, 4);
  tcase_add_test (tc, test_changed_on_disk_banner);
  tcase_add_test (tc, test_issue_version);
  tcase_add_test (tc, test_compare);
  tcase_add_test (tc, test_resolve_conflicts);
  tcase_add_test (tc, test_link_and_mode);
  tcase_add_test (tc, test_save_as_moves_lock);
  tcase_add_test (tc, test_pipe_refused);
  tcase_add_test (tc, test_name_with_colon);
  tcase_add_test (tc, test_command_line_colon);
  suite_add_tcase (s, tc);

  tc = tcase_create ("today");
  tcase_add_unchecked_fixture (tc, setup_pinned, teardown);
  tcase_add_checked_fixture (tc, NULL, close_windows);
  tcase_set_timeout (tc, 60);
  tcase_add_test (tc, test_window_today);
  tcase_add_test (tc, test_overview_checks_on_screen);
  suite_add_tcase (s, tc);
  return s;
}

int
main (void)
{
  return custos_test_run_window_suite (window_suite ());
}
