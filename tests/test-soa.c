/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-soa.c — the Statement of Applicability page, bulk edits, the
 * migration 2013 → 2022 and the CSV export (Xvfb) */
#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>
#include <string.h>

#include "custos-application.h"
#include "custos-clock.h"
#include "custos-csv.h"
#include "custos-date.h"
#include "custos-enums.h"
#include "custos-evidence-check.h"
#include "custos-file.h"
#include "custos-history.h"
#include "custos-labels.h"
#include "custos-migration-dialog.h"
#include "custos-readiness-page.h"
#include "custos-register-view.h"
#include "custos-risks-page.h"
#include "custos-soa-page.h"
#include "custos-test-util.h"
#include "custos-test-window.h"
#include "custos-window.h"

static CustosDocument *doc;
static GtkWidget *window;

static CustosSoaPage *page;

/* Lets GTK lay out and draw, and the page check again after edits (at once,
 * not after a pause in the typing as a slow check would). */
static void
spin (void)
{
  if (page != NULL)
    custos_soa_page_check_now (page);
  custos_test_spin ();
}

/* Widgets follow the model a few frames later (scrolling, binding rows):
 * waits up to a minute for cond (sanitizer builds are slow). */
#define assert_eventually(cond) G_STMT_START {                                  \
    gint64 deadline_ = g_get_monotonic_time () + 60 * G_USEC_PER_SEC;          \
    while (!(cond) && g_get_monotonic_time () < deadline_)                     \
      spin ();                                                                 \
    ck_assert_msg ((cond), "never came true: %s", #cond);                      \
  } G_STMT_END

static CustosRecord *
add_record (CustosRegister  reg,
            const char     *id,
            const char     *field,
            const char     *value)
{
  g_autoptr(CustosRecord) record = custos_record_new (custos_kinds_register (reg), id);

  if (field != NULL)
    custos_test_set_string (record, field, value);
  custos_document_insert (doc, reg, custos_document_count (doc, reg), record);
  return record;
}

static void
show_page (CustosDocument *document)
{
  window = gtk_window_new ();
  gtk_window_set_default_size (GTK_WINDOW (window), 1260, 760);
  page = CUSTOS_SOA_PAGE (custos_soa_page_new ());
  custos_soa_page_set_document (page, document);
  gtk_window_set_child (GTK_WINDOW (window), GTK_WIDGET (page));
  gtk_window_present (GTK_WINDOW (window));
  spin ();
}

static void
setup (void)
{
  doc = custos_document_new (CUSTOS_EDITION_2022);
  add_record (CUSTOS_REGISTER_ROLES, "ROLE-001", "title", "ISMS manager");
  add_record (CUSTOS_REGISTER_ROLES, "ROLE-002", "title", "IT lead");
  show_page (doc);
}

static void
setup_example (void)
{
  g_autofree char *path = custos_test_example_path ();
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;

  doc = custos_file_load (file, NULL, &error);
  g_assert_no_error (error);
  show_page (doc);
}

static void
teardown (void)
{
  page = NULL;
  gtk_window_destroy (GTK_WINDOW (window));
  spin ();
  window = NULL;
  /* Nothing the page bound or connected may keep the document alive. */
  custos_assert_finalized (doc);
  doc = NULL;
}

static CustosRecord *
entry (const char *id)
{
  CustosRecord *record = custos_document_lookup (doc, CUSTOS_REGISTER_SOA, id);

  ck_assert_msg (record != NULL, "no control %s", id);
  return record;
}

/* Every entry decided and documented, so that no rule trips. */
static void
decide_all (void)
{
  GListModel *soa = custos_document_get_register (doc, CUSTOS_REGISTER_SOA);

  for (guint i = 0; i < g_list_model_get_n_items (soa); i++)
    {
      g_autoptr(CustosRecord) record = g_list_model_get_item (soa, i);

      custos_soa_entry_set_applicable (CUSTOS_SOA_ENTRY (record), CUSTOS_APPLICABILITY_APPLICABLE);
      custos_soa_entry_set_reasons (CUSTOS_SOA_ENTRY (record), CUSTOS_REASON_BUSINESS);
      custos_soa_entry_set_implementation (CUSTOS_SOA_ENTRY (record), CUSTOS_IMPLEMENTATION_IMPLEMENTED);
      custos_soa_entry_set_how_applied (CUSTOS_SOA_ENTRY (record), "Information security policy");
    }
}

/* Depth-first search of the widget tree. */
typedef gboolean (*Match) (GtkWidget *widget, gconstpointer data);

static void
find_all (GtkWidget     *root,
          Match          match,
          gconstpointer  data,
          GPtrArray     *found)
{
  if (match (root, data))
    g_ptr_array_add (found, root);
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    find_all (child, match, data, found);
}

static GtkWidget *
find_widget (GtkWidget     *root,
             Match          match,
             gconstpointer  data)
{
  g_autoptr(GPtrArray) found = g_ptr_array_new ();

  find_all (root, match, data, found);
  return found->len > 0 ? found->pdata[0] : NULL;
}

static gboolean
is_type (GtkWidget     *widget,
         gconstpointer  type)
{
  return G_TYPE_CHECK_INSTANCE_TYPE (widget, GPOINTER_TO_SIZE (type));
}

#define TYPE(t) GSIZE_TO_POINTER (t)

/* In sight in its scrolled list: list views keep a few rows alive (mapped,
 * but without a size) beyond those on screen. */
static gboolean
on_screen (GtkWidget *widget)
{
  GtkWidget *scroller = gtk_widget_get_ancestor (widget, GTK_TYPE_SCROLLED_WINDOW);
  graphene_rect_t bounds;

  if (!gtk_widget_get_mapped (widget) || scroller == NULL ||
      !gtk_widget_compute_bounds (widget, scroller, &bounds))
    return FALSE;
  return bounds.size.width > 0 && bounds.size.height > 0 &&
         bounds.origin.y + bounds.size.height > 0 && bounds.origin.y < gtk_widget_get_height (scroller);
}

static gboolean
is_risk_links (GtkWidget     *widget,
               gconstpointer  data)
{
  return GTK_IS_LABEL (widget) && gtk_widget_has_css_class (widget, "custos-soa-risks") && on_screen (widget);
}

static gboolean
is_button_for_action (GtkWidget     *widget,
                      gconstpointer  action)
{
  return GTK_IS_BUTTON (widget) && g_strcmp0 (gtk_actionable_get_action_name (GTK_ACTIONABLE (widget)), action) == 0;
}

/* The "selected by" cells on screen that show a risk. */
static guint
risk_links_showing (const char *risk_id)
{
  g_autoptr(GPtrArray) labels = g_ptr_array_new ();
  guint n = 0;

  find_all (GTK_WIDGET (page), is_risk_links, NULL, labels);
  for (guint i = 0; i < labels->len; i++)
    if (strstr (gtk_label_get_text (labels->pdata[i]), risk_id) != NULL)
      n++;
  return n;
}

/* The problem icon of the row of a control on screen (the image beside its
 * number in the first column), or NULL when the row is not on screen. */
static gboolean
is_id_cell (GtkWidget     *widget,
            gconstpointer  id)
{
  GtkWidget *label = GTK_IS_BOX (widget) ? gtk_widget_get_first_child (widget) : NULL;
  g_autofree char *cited = custos_control_cite (id);  /* shown "A.5.1", as everywhere */

  return label != NULL && GTK_IS_LABEL (label) && on_screen (widget) &&
         GTK_IS_IMAGE (gtk_widget_get_next_sibling (label)) &&
         g_strcmp0 (gtk_label_get_text (GTK_LABEL (label)), cited) == 0;
}

static GtkWidget *
problem_icon (const char *id)
{
  GtkWidget *cell = find_widget (GTK_WIDGET (page), is_id_cell, id);

  return cell != NULL ? gtk_widget_get_next_sibling (gtk_widget_get_first_child (cell)) : NULL;
}

static gboolean
has_problem (const char *id,
             const char *rule)
{
  GPtrArray *problems = custos_soa_page_get_problems (page, id);

  for (guint i = 0; problems != NULL && i < problems->len; i++)
    if (g_str_equal (((const CustosReadinessFinding *) problems->pdata[i])->rule, rule))
      return TRUE;
  return FALSE;
}

static guint
n_headings (void)
{
  GListModel *model = custos_soa_page_get_model (page);
  guint n = 0;

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (model, i);
      n += CUSTOS_IS_SOA_HEADING (item);
    }
  return n;
}

/* The page ---------------------------------------------------------------- */

static void
assert_grouped (CustosEdition edition)
{
  CustosCatalogue *catalogue = custos_catalogue_get (edition);
  GListModel *model = custos_soa_page_get_model (page);
  guint position = 0;

  ck_assert_uint_eq (g_list_model_get_n_items (model),
                     custos_catalogue_get_n_controls (catalogue) + custos_catalogue_get_n_groups (catalogue));
  ck_assert_uint_eq (custos_soa_page_get_n_shown (page), custos_catalogue_get_n_controls (catalogue));
  for (guint g = 0; g < custos_catalogue_get_n_groups (catalogue); g++)
    {
      const CustosControlGroup *group = custos_catalogue_get_group (catalogue, g);
      g_autoptr(GObject) heading = g_list_model_get_item (model, position++);

      ck_assert (CUSTOS_IS_SOA_HEADING (heading));
      ck_assert_str_eq (custos_soa_heading_get_group (CUSTOS_SOA_HEADING (heading))->id, group->id);
      for (guint c = 0; c < group->n_controls; c++)
        {
          g_autoptr(GObject) item = g_list_model_get_item (model, position++);

          ck_assert (CUSTOS_IS_RECORD (item));
          ck_assert_str_eq (custos_record_get_id (CUSTOS_RECORD (item)),
                            custos_catalogue_get_control (catalogue, group->first + c)->id);
        }
    }
}

static const char *
progress_text (void)
{
  GtkWidget *bar = find_widget (GTK_WIDGET (page), is_type, TYPE (GTK_TYPE_PROGRESS_BAR));

  return gtk_progress_bar_get_text (GTK_PROGRESS_BAR (bar));
}

/* The banner that offers the migration of a 2013 document. */
static gboolean
banner_shown (GtkWidget *button)
{
  return gtk_revealer_get_reveal_child (GTK_REVEALER (gtk_widget_get_ancestor (button, GTK_TYPE_REVEALER)));
}

static void
count_notify (GObject    *object,
              GParamSpec *pspec,
              guint      *count)
{
  (*count)++;
}

/* Edits made while the page is out of sight are checked when it is shown
 * again, not after every edit. */
START_TEST (test_check_waits_until_shown)
{
  guint notified = 0;
  gint64 end;

  custos_test_spin (); /* no spin (): it checks */
  ck_assert_uint_eq (custos_soa_page_get_n_decided (page), 0);
  g_signal_connect (page, "notify::n-decided", G_CALLBACK (count_notify), &notified);

  gtk_widget_set_visible (GTK_WIDGET (page), FALSE);
  custos_test_spin ();
  custos_soa_entry_set_applicable (CUSTOS_SOA_ENTRY (entry ("5.1")), CUSTOS_APPLICABILITY_APPLICABLE);
  end = g_get_monotonic_time () + G_USEC_PER_SEC / 2; /* past the pause a slow check waits for */
  while (g_get_monotonic_time () < end)
    {
      g_main_context_iteration (NULL, FALSE);
      g_usleep (1000);
    }
  ck_assert_uint_eq (notified, 0);

  gtk_widget_set_visible (GTK_WIDGET (page), TRUE);
  custos_test_spin ();
  ck_assert_uint_eq (notified, 1);
  ck_assert_uint_eq (custos_soa_page_get_n_decided (page), 1);
  g_signal_handlers_disconnect_by_func (page, count_notify, &notified);
}
END_TEST

START_TEST (test_every_control_grouped)
{
  g_autoptr(CustosDocument) old = custos_document_new (CUSTOS_EDITION_2013);
  GtkWidget *migrate_button = find_widget (GTK_WIDGET (page), is_button_for_action, "win.migrate");

  assert_grouped (CUSTOS_EDITION_2022);
  ck_assert_uint_eq (n_headings (), 4);
  ck_assert_uint_eq (custos_soa_page_get_n_decided (page), 0);
  ck_assert_str_eq (progress_text (), "0 of 93 decided");
  ck_assert_ptr_nonnull (migrate_button);
  ck_assert (!banner_shown (migrate_button)); /* the 2013 banner is hidden */

  custos_soa_entry_set_applicable (CUSTOS_SOA_ENTRY (entry ("5.1")), CUSTOS_APPLICABILITY_APPLICABLE);
  custos_soa_entry_set_applicable (CUSTOS_SOA_ENTRY (entry ("8.24")), CUSTOS_APPLICABILITY_NOT_APPLICABLE);
  spin ();
  ck_assert_uint_eq (custos_soa_page_get_n_decided (page), 2);
  ck_assert_str_eq (progress_text (), "2 of 93 decided");

  /* Another document, of the other edition: 114 controls in 14 categories. */
  custos_soa_page_set_document (page, old);
  spin ();
  assert_grouped (CUSTOS_EDITION_2013);
  ck_assert_str_eq (progress_text (), "0 of 114 decided");
  ck_assert (banner_shown (migrate_button));
  custos_soa_page_set_document (page, doc);
  spin ();
  assert_grouped (CUSTOS_EDITION_2022);
}
END_TEST

START_TEST (test_selected_by_follows_risks)
{
  CustosRecord *risk = add_record (CUSTOS_REGISTER_RISKS, "R-001", "title", "Phishing of staff");
  const char *both[] = { "5.1", "8.24", NULL };
  const char *one[] = { "8.24", NULL };
  g_autofree char *markup = NULL;

  spin ();
  assert_eventually (risk_links_showing ("R-001") == 0);

  custos_risk_set_controls (CUSTOS_RISK (risk), both);
  spin ();
  markup = custos_soa_selecting_markup (doc, "5.1");
  ck_assert_str_eq (markup, "<a href=\"R-001\" title=\"Phishing of staff\">R-001</a>");
  assert_eventually (risk_links_showing ("R-001") == 1); /* 5.1 is on screen, 8.24 is not */

  add_record (CUSTOS_REGISTER_RISKS, "R-002", "title", "Lost <laptop> & \"data\"");
  custos_risk_set_controls (CUSTOS_RISK (custos_document_lookup (doc, CUSTOS_REGISTER_RISKS, "R-002")), both);
  spin ();
  g_clear_pointer (&markup, g_free);
  markup = custos_soa_selecting_markup (doc, "5.1");
  ck_assert_str_eq (markup, "<a href=\"R-001\" title=\"Phishing of staff\">R-001</a>, "
                            "<a href=\"R-002\" title=\"Lost &lt;laptop&gt; &amp; &quot;data&quot;\">R-002</a>");
  assert_eventually (risk_links_showing ("R-001, R-002") == 1);

  custos_risk_set_controls (CUSTOS_RISK (risk), one);
  spin ();
  assert_eventually (risk_links_showing ("R-001") == 0);
  assert_eventually (risk_links_showing ("R-002") == 1);

  custos_document_remove (doc, CUSTOS_REGISTER_RISKS, custos_document_lookup (doc, CUSTOS_REGISTER_RISKS, "R-002"));
  spin ();
  assert_eventually (risk_links_showing ("R-002") == 0);
  /* Scrolled into view, 8.24 shows its risk too. */
  custos_soa_page_select (page, entry ("8.24"));
  spin ();
  assert_eventually (risk_links_showing ("R-001") == 1);
}
END_TEST

/* Each rule shows on the row of its control, with the message, and clears when fixed. */
static void
assert_problem_shown (const char *id,
                      const char *rule,
                      gboolean    shown)
{
  GtkWidget *icon;

  ck_assert_msg (has_problem (id, rule) == shown, "%s: rule %s %s", id, rule, shown ? "missing" : "still there");
  assert_eventually (problem_icon (id) != NULL); /* the row is on screen */
  icon = problem_icon (id);
  ck_assert_msg (gtk_widget_get_visible (icon) == shown, "%s: the problem icon is %s: %s", id, shown ? "hidden" : "shown", gtk_widget_get_tooltip_text (icon));
  if (shown)
    {
      const CustosReadinessFinding *finding = NULL;
      GPtrArray *problems = custos_soa_page_get_problems (page, id);

      for (guint i = 0; i < problems->len; i++)
        if (g_str_equal (((const CustosReadinessFinding *) problems->pdata[i])->rule, rule))
          finding = problems->pdata[i];
      ck_assert_ptr_nonnull (strstr (gtk_widget_get_tooltip_text (icon), finding->message));
    }
}

START_TEST (test_consistency_in_place)
{
  CustosRecord *control = entry ("5.1");
  CustosRecord *risk;
  const char *selects[] = { "5.1", NULL };

  /* Current evidence of 5.1 and 5.2, so that each rule below is the only one. */
  {
    CustosRecord *evidence = add_record (CUSTOS_REGISTER_EVIDENCE, "EV-001", "title", "Policy read receipts");
    const char *controls[] = { "5.1", "5.2", NULL };
    char iso[CUSTOS_DATE_ISO_SIZE];
    GDate today;

    custos_clock_get_local_date (&today);
    custos_date_format_iso (&today, iso);
    custos_evidence_set_controls (CUSTOS_EVIDENCE (evidence), controls);
    custos_evidence_set_verified (CUSTOS_EVIDENCE (evidence), iso);
  }
  /* Undecided. */
  spin ();
  assert_problem_shown ("5.1", "soa-undecided", TRUE);
  ck_assert (gtk_widget_has_css_class (problem_icon ("5.1"), "error"));
  decide_all ();
  spin ();
  assert_problem_shown ("5.1", "soa-undecided", FALSE);
  ck_assert_ptr_null (custos_soa_page_get_problems (page, "5.2"));

  /* Excluded without a justification. */
  custos_soa_entry_set_applicable (CUSTOS_SOA_ENTRY (control), CUSTOS_APPLICABILITY_NOT_APPLICABLE);
  spin ();
  assert_problem_shown ("5.1", "soa-excluded-unjustified", TRUE);
  custos_soa_entry_set_justification (CUSTOS_SOA_ENTRY (control), "No staff at all");
  spin ();
  assert_problem_shown ("5.1", "soa-excluded-unjustified", FALSE);

  /* Selected by a risk treatment but not applicable. */
  risk = add_record (CUSTOS_REGISTER_RISKS, "R-001", "title", "Policy ignored");
  custos_risk_set_controls (CUSTOS_RISK (risk), selects);
  spin ();
  assert_problem_shown ("5.1", "soa-selected-not-applicable", TRUE);
  ck_assert_ptr_nonnull (strstr (gtk_widget_get_tooltip_text (problem_icon ("5.1")), "R-001"));
  custos_soa_entry_set_applicable (CUSTOS_SOA_ENTRY (control), CUSTOS_APPLICABILITY_APPLICABLE);
  spin ();
  assert_problem_shown ("5.1", "soa-selected-not-applicable", FALSE);

  /* Implemented without "how applied". */
  custos_soa_entry_set_how_applied (CUSTOS_SOA_ENTRY (control), NULL);
  spin ();
  assert_problem_shown ("5.1", "soa-implemented-no-how", TRUE);
  ck_assert (gtk_widget_has_css_class (problem_icon ("5.1"), "warning"));
  custos_soa_entry_set_how_applied (CUSTOS_SOA_ENTRY (control), "Policy P-01, section 2");
  spin ();
  assert_problem_shown ("5.1", "soa-implemented-no-how", FALSE);

  /* "Risk treatment" as a reason, but no risk selects it. */
  custos_risk_set_controls (CUSTOS_RISK (risk), NULL);
  custos_soa_entry_set_reasons (CUSTOS_SOA_ENTRY (control),
                                CUSTOS_REASON_RISK_TREATMENT | CUSTOS_REASON_LEGAL);
  spin ();
  assert_problem_shown ("5.1", "soa-reason-risk-unselected", TRUE);
  custos_risk_set_controls (CUSTOS_RISK (risk), selects);
  spin ();
  assert_problem_shown ("5.1", "soa-reason-risk-unselected", FALSE);
  ck_assert_ptr_null (custos_soa_page_get_problems (page, "5.1"));
}
END_TEST

/* Filters ----------------------------------------------------------------- */

static guint
count_entries (CustosSoaFilter filter)
{
  GListModel *soa = custos_document_get_register (doc, CUSTOS_REGISTER_SOA);
  guint n = 0;

  for (guint i = 0; i < g_list_model_get_n_items (soa); i++)
    {
      g_autoptr(CustosRecord) record = g_list_model_get_item (soa, i);
      int applicable = custos_soa_entry_get_applicable (CUSTOS_SOA_ENTRY (record));
      g_autoptr(GPtrArray) risks = custos_document_get_selecting_risks (doc, custos_record_get_id (record));

      switch (filter)
        {
        case CUSTOS_SOA_FILTER_ALL:
          n++;
          break;
        case CUSTOS_SOA_FILTER_UNDECIDED:
          n += applicable == CUSTOS_APPLICABILITY_UNDECIDED;
          break;
        case CUSTOS_SOA_FILTER_EXCLUDED:
          n += applicable == CUSTOS_APPLICABILITY_NOT_APPLICABLE;
          break;
        case CUSTOS_SOA_FILTER_NOT_IMPLEMENTED:
          n += applicable == CUSTOS_APPLICABILITY_APPLICABLE &&
               custos_soa_entry_get_implementation (CUSTOS_SOA_ENTRY (record)) !=
                 CUSTOS_IMPLEMENTATION_IMPLEMENTED;
          break;
        case CUSTOS_SOA_FILTER_SELECTED_NOT_APPLICABLE:
          n += applicable == CUSTOS_APPLICABILITY_NOT_APPLICABLE && risks->len > 0;
          break;
        case CUSTOS_SOA_FILTER_REVIEW:
          n += custos_soa_entry_get_review (CUSTOS_SOA_ENTRY (record));
          break;
        case CUSTOS_SOA_FILTER_PROBLEMS:
        case CUSTOS_SOA_N_FILTERS:
        default:
          g_assert_not_reached ();
        }
    }
  return n;
}

/* The shown entries, counted from the model; headings only before entries. */
static guint
model_entries (void)
{
  GListModel *model = custos_soa_page_get_model (page);
  guint n = 0;
  gboolean after_heading = FALSE;

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (model, i);

      if (CUSTOS_IS_SOA_HEADING (item))
        {
          ck_assert_msg (!after_heading, "an empty group heading at %u", i);
          after_heading = TRUE;
          continue;
        }
      after_heading = FALSE;
      n++;
    }
  ck_assert (!after_heading);
  ck_assert_uint_eq (n, custos_soa_page_get_n_shown (page));
  return n;
}

/* Controls of annex-a-2022.tsv whose column (3 type, 4 properties, 5 concepts) names value. */
static guint
reference_count (guint       column,
                 const char *value)
{
  g_autofree char *path = g_build_filename (g_getenv ("CUSTOS_REFERENCE_DIR"), "annex-a-2022.tsv", NULL);
  g_autoptr(GBytes) bytes = custos_test_read_file (path);
  g_auto(GStrv) lines = g_strsplit (g_bytes_get_data (bytes, NULL), "\n", -1);
  guint n = 0;

  for (guint i = 1; lines[i] != NULL; i++)
    {
      g_auto(GStrv) cells = g_strsplit (lines[i], "\t", -1);
      g_auto(GStrv) values = NULL;

      if (g_strv_length (cells) <= column)
        continue;
      values = g_strsplit (cells[column], ";", -1);
      for (guint v = 0; values[v] != NULL; v++)
        n += g_ascii_strcasecmp (values[v], value) == 0;
    }
  return n;
}

START_TEST (test_filters_on_example)
{
  GtkDropDown *dropdown = GTK_DROP_DOWN (find_widget (GTK_WIDGET (page), is_type, TYPE (GTK_TYPE_DROP_DOWN)));
  CustosCatalogue *catalogue = custos_document_get_catalogue (doc);
  static const struct { const char *name; guint column; const char *value; } attributes[] = {
    { "preventive", 3, "Preventive" }, { "detective", 3, "Detective" }, { "corrective", 3, "Corrective" },
    { "confidentiality", 4, "Confidentiality" }, { "integrity", 4, "Integrity" },
    { "availability", 4, "Availability" }, { "identify", 5, "Identify" }, { "protect", 5, "Protect" },
    { "detect", 5, "Detect" }, { "respond", 5, "Respond" }, { "recover", 5, "Recover" },
  };
  CustosRecord *selected_one = NULL;

  /* Make every filter find something in the example. */
  custos_soa_entry_set_applicable (CUSTOS_SOA_ENTRY (entry ("7.4")), CUSTOS_APPLICABILITY_UNDECIDED);
  custos_soa_entry_set_implementation (CUSTOS_SOA_ENTRY (entry ("8.16")), CUSTOS_IMPLEMENTATION_PLANNED);
  {
    GListModel *risks = custos_document_get_register (doc, CUSTOS_REGISTER_RISKS);
    g_autoptr(CustosRecord) risk = g_list_model_get_item (risks, 0);
    const char * const *controls = custos_risk_get_controls (CUSTOS_RISK (risk));

    ck_assert (controls != NULL && controls[0] != NULL);
    selected_one = entry (controls[0]);
    custos_soa_entry_set_applicable (CUSTOS_SOA_ENTRY (selected_one), CUSTOS_APPLICABILITY_NOT_APPLICABLE);
  }
  custos_soa_page_set_filter (page, CUSTOS_SOA_FILTER_EXCLUDED); /* filters apply when chosen */
  custos_soa_page_set_filter (page, CUSTOS_SOA_FILTER_ALL);
  spin ();

  ck_assert_uint_eq (model_entries (), 93);
  for (CustosSoaFilter f = CUSTOS_SOA_FILTER_UNDECIDED; f <= CUSTOS_SOA_FILTER_SELECTED_NOT_APPLICABLE; f++)
    {
      custos_soa_page_set_filter (page, f);
      ck_assert_uint_eq (gtk_drop_down_get_selected (dropdown), f);
      ck_assert_msg (model_entries () == count_entries (f), "filter %d: %u shown, %u expected",
                     f, model_entries (), count_entries (f));
      ck_assert_msg (count_entries (f) > 0, "filter %d finds nothing in the example", f);
    }
  custos_soa_page_set_filter (page, CUSTOS_SOA_FILTER_SELECTED_NOT_APPLICABLE);
  ck_assert_uint_eq (model_entries (), 1);
  {
    g_autoptr(GObject) only = g_list_model_get_item (custos_soa_page_get_model (page), 1);
    ck_assert_ptr_eq (only, selected_one);
  }
  /* With problems: the readiness check's findings on the SoA. */
  custos_soa_page_set_filter (page, CUSTOS_SOA_FILTER_PROBLEMS);
  ck_assert_uint_eq (model_entries (), 2); /* 7.4 undecided; the excluded one without justification, selected */
  ck_assert_ptr_nonnull (custos_soa_page_get_problems (page, "7.4"));

  /* The dropdown sets the filter, as a user would. */
  gtk_drop_down_set_selected (dropdown, CUSTOS_SOA_FILTER_UNDECIDED);
  ck_assert_int_eq (custos_soa_page_get_filter (page), CUSTOS_SOA_FILTER_UNDECIDED);
  ck_assert_uint_eq (model_entries (), 1);
  custos_soa_page_set_filter (page, CUSTOS_SOA_FILTER_ALL);

  /* By theme: each theme's controls. */
  for (guint g = 0; g < custos_catalogue_get_n_groups (catalogue); g++)
    {
      const CustosControlGroup *group = custos_catalogue_get_group (catalogue, g);

      custos_soa_page_set_group (page, group->id);
      ck_assert_uint_eq (model_entries (), group->n_controls);
      ck_assert_uint_eq (n_headings (), 1);
    }
  ck_assert_uint_eq (custos_catalogue_get_group (catalogue, 1)->n_controls, 8); /* people */
  custos_soa_page_set_group (page, NULL);

  /* By attribute, counted from data/reference. */
  for (guint a = 0; a < G_N_ELEMENTS (attributes); a++)
    {
      guint expected = reference_count (attributes[a].column, attributes[a].value);

      custos_soa_page_set_attribute (page, attributes[a].name);
      ck_assert_msg (model_entries () == expected, "%s: %u shown, %u in the reference",
                     attributes[a].name, model_entries (), expected);
      ck_assert_uint_gt (expected, 0);
    }
  ck_assert_uint_eq (g_strv_length ((char **) custos_soa_attribute_names ()), G_N_ELEMENTS (attributes));

  /* Filters combine: corrective controls among the technological ones. */
  custos_soa_page_set_attribute (page, "corrective");
  custos_soa_page_set_group (page, "technological");
  ck_assert_uint_gt (model_entries (), 0);
  ck_assert_uint_lt (model_entries (), reference_count (3, "Corrective"));
  custos_soa_page_set_group (page, NULL);
  custos_soa_page_set_attribute (page, NULL);

  /* Search by number or title. */
  custos_soa_page_set_search_text (page, "cryptography");
  ck_assert_uint_eq (model_entries (), 1);
  custos_soa_page_set_search_text (page, "5.1");
  ck_assert_uint_eq (model_entries (), 11); /* 5.1, 5.10 … 5.19 */
  custos_soa_page_set_search_text (page, "no such control");
  ck_assert_uint_eq (model_entries (), 0);
  ck_assert_uint_eq (n_headings (), 0);

  /* Selecting a hidden control brings it back. */
  custos_soa_page_select (page, entry ("8.24"));
  ck_assert_str_eq (custos_soa_page_get_search_text (page), "");
  ck_assert_uint_eq (model_entries (), 93);
  {
    g_autoptr(GPtrArray) selected = custos_soa_page_get_selected_entries (page);
    ck_assert_uint_eq (selected->len, 1);
    ck_assert_ptr_eq (selected->pdata[0], entry ("8.24"));
  }
  ck_assert_ptr_eq (custos_record_editor_get_record (custos_soa_page_get_editor (page)), entry ("8.24"));
}
END_TEST

/* Bulk editing ---------------------------------------------------------------- */

typedef struct
{
  int   applicable;
  int   implementation;
  char *owner;
} Decision;

static GArray *
snapshot_soa (void)
{
  GListModel *soa = custos_document_get_register (doc, CUSTOS_REGISTER_SOA);
  GArray *decisions = g_array_new (FALSE, TRUE, sizeof (Decision));

  for (guint i = 0; i < g_list_model_get_n_items (soa); i++)
    {
      g_autoptr(CustosRecord) record = g_list_model_get_item (soa, i);
      Decision d = {
        custos_soa_entry_get_applicable (CUSTOS_SOA_ENTRY (record)),
        custos_soa_entry_get_implementation (CUSTOS_SOA_ENTRY (record)),
        g_strdup (custos_soa_entry_get_owner (CUSTOS_SOA_ENTRY (record))),
      };
      g_array_append_val (decisions, d);
    }
  return decisions;
}

static void
assert_soa_is (GArray *decisions)
{
  GListModel *soa = custos_document_get_register (doc, CUSTOS_REGISTER_SOA);

  ck_assert_uint_eq (g_list_model_get_n_items (soa), decisions->len);
  for (guint i = 0; i < decisions->len; i++)
    {
      g_autoptr(CustosRecord) record = g_list_model_get_item (soa, i);
      Decision *d = &g_array_index (decisions, Decision, i);

      ck_assert_int_eq (custos_soa_entry_get_applicable (CUSTOS_SOA_ENTRY (record)), d->applicable);
      ck_assert_int_eq (custos_soa_entry_get_implementation (CUSTOS_SOA_ENTRY (record)), d->implementation);
      ck_assert_str_eq (custos_soa_entry_get_owner (CUSTOS_SOA_ENTRY (record)) ?: "", d->owner ?: "");
    }
}

static void
free_snapshot (GArray *decisions)
{
  for (guint i = 0; i < decisions->len; i++)
    g_free (g_array_index (decisions, Decision, i).owner);
  g_array_unref (decisions);
}

static void
select_entries (const char * const *ids)
{
  GtkSelectionModel *selection = custos_soa_page_get_selection (page);
  GListModel *model = custos_soa_page_get_model (page);

  gtk_selection_model_unselect_all (selection);
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (model, i);

      if (CUSTOS_IS_RECORD (item) && g_strv_contains (ids, custos_record_get_id (CUSTOS_RECORD (item))))
        gtk_selection_model_select_item (selection, i, FALSE);
    }
}

START_TEST (test_bulk_edit_one_undo)
{
  g_autoptr(CustosHistory) history = custos_history_new (doc);
  const char *ids[] = { "5.1", "6.3", "8.24", NULL };
  GArray *before;
  GtkWidget *bar;

  custos_soa_entry_set_applicable (CUSTOS_SOA_ENTRY (entry ("6.3")), CUSTOS_APPLICABILITY_APPLICABLE);
  custos_soa_entry_set_owner (CUSTOS_SOA_ENTRY (entry ("8.24")), "ROLE-002");
  custos_history_seal (history);
  before = snapshot_soa ();

  select_entries (ids);
  spin ();
  {
    g_autoptr(GPtrArray) selected = custos_soa_page_get_selected_entries (page);
    ck_assert_uint_eq (selected->len, 3);
  }
  bar = find_widget (GTK_WIDGET (page), is_type, TYPE (GTK_TYPE_ACTION_BAR));
  ck_assert (gtk_revealer_get_reveal_child (GTK_REVEALER (gtk_widget_get_ancestor (bar, GTK_TYPE_REVEALER))));
  ck_assert_ptr_null (custos_record_editor_get_record (custos_soa_page_get_editor (page)));

  /* Each bulk edit changes every selected row; one undo restores them all. */
  ck_assert (gtk_widget_activate_action (GTK_WIDGET (page), "soa.set-applicable", "i",
                                         CUSTOS_APPLICABILITY_NOT_APPLICABLE));
  for (guint i = 0; ids[i] != NULL; i++)
    ck_assert_int_eq (custos_soa_entry_get_applicable (CUSTOS_SOA_ENTRY (entry (ids[i]))),
                      CUSTOS_APPLICABILITY_NOT_APPLICABLE);
  ck_assert (custos_history_undo (history));
  assert_soa_is (before);

  ck_assert (gtk_widget_activate_action (GTK_WIDGET (page), "soa.set-implementation", "i",
                                         CUSTOS_IMPLEMENTATION_PARTIAL));
  for (guint i = 0; ids[i] != NULL; i++)
    ck_assert_int_eq (custos_soa_entry_get_implementation (CUSTOS_SOA_ENTRY (entry (ids[i]))),
                      CUSTOS_IMPLEMENTATION_PARTIAL);
  ck_assert (custos_history_undo (history));
  assert_soa_is (before);

  ck_assert (gtk_widget_activate_action (GTK_WIDGET (page), "soa.set-owner", "s", "ROLE-001"));
  for (guint i = 0; ids[i] != NULL; i++)
    ck_assert_str_eq (custos_soa_entry_get_owner (CUSTOS_SOA_ENTRY (entry (ids[i]))), "ROLE-001");
  ck_assert (gtk_widget_activate_action (GTK_WIDGET (page), "soa.set-owner", "s", "ROLE-404")); /* no such role */
  ck_assert_str_eq (custos_soa_entry_get_owner (CUSTOS_SOA_ENTRY (entry ("5.1"))), "ROLE-001");
  ck_assert (gtk_widget_activate_action (GTK_WIDGET (page), "soa.set-owner", "s", ""));
  ck_assert_ptr_null (custos_soa_entry_get_owner (CUSTOS_SOA_ENTRY (entry ("8.24"))));
  ck_assert (custos_history_undo (history));
  ck_assert (custos_history_undo (history));
  assert_soa_is (before);
  ck_assert (custos_history_redo (history));
  ck_assert_str_eq (custos_soa_entry_get_owner (CUSTOS_SOA_ENTRY (entry ("8.24"))), "ROLE-001");
  ck_assert (custos_history_undo (history));

  /* Every control at once: the headings never count. */
  ck_assert (gtk_widget_activate_action (GTK_WIDGET (page), "soa.select-all", NULL));
  {
    g_autoptr(GPtrArray) selected = custos_soa_page_get_selected_entries (page);
    ck_assert_uint_eq (selected->len, 93);
    ck_assert_uint_eq (gtk_bitset_get_size (gtk_selection_model_get_selection (custos_soa_page_get_selection (page))), 93);
  }
  ck_assert (gtk_widget_activate_action (GTK_WIDGET (page), "soa.set-applicable", "i",
                                         CUSTOS_APPLICABILITY_APPLICABLE));
  spin ();
  ck_assert_uint_eq (custos_soa_page_get_n_decided (page), 93);
  ck_assert (custos_history_undo (history));
  assert_soa_is (before);
  spin ();
  ck_assert_uint_eq (custos_soa_page_get_n_decided (page), 1);

  /* Nothing selected: the bulk verbs are off. */
  ck_assert (gtk_widget_activate_action (GTK_WIDGET (page), "soa.select-none", NULL));
  spin ();
  ck_assert (!gtk_revealer_get_reveal_child (GTK_REVEALER (gtk_widget_get_ancestor (bar, GTK_TYPE_REVEALER))));
  free_snapshot (before);
}
END_TEST

START_TEST (test_headings_not_selectable)
{
  GtkSelectionModel *selection = custos_soa_page_get_selection (page);

  gtk_selection_model_select_item (selection, 0, TRUE); /* the first theme's heading */
  ck_assert (!gtk_selection_model_is_selected (selection, 0));
  gtk_selection_model_select_item (selection, 1, TRUE); /* 5.1 */
  ck_assert (gtk_selection_model_is_selected (selection, 1));
  ck_assert_ptr_eq (custos_record_editor_get_record (custos_soa_page_get_editor (page)), entry ("5.1"));
  gtk_selection_model_select_range (selection, 0, 5, TRUE);
  ck_assert (!gtk_selection_model_is_selected (selection, 0));
  ck_assert_uint_eq (gtk_bitset_get_size (gtk_selection_model_get_selection (selection)), 4);
}
END_TEST

/* Migration 2013 → 2022 ------------------------------------------------------ */

/* data/reference/annex-a-mapping-2013-2022.tsv: 2022 id → 2013 ids. */
static GHashTable *
read_mapping (void)
{
  g_autofree char *path = g_build_filename (g_getenv ("CUSTOS_REFERENCE_DIR"), "annex-a-mapping-2013-2022.tsv", NULL);
  g_autoptr(GBytes) bytes = custos_test_read_file (path);
  g_auto(GStrv) lines = g_strsplit (g_bytes_get_data (bytes, NULL), "\n", -1);
  GHashTable *mapping = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) g_ptr_array_unref);

  ck_assert_str_eq (lines[0], "id_2022\tid_2013");
  for (guint i = 1; lines[i] != NULL; i++)
    {
      g_auto(GStrv) cells = NULL;
      GPtrArray *sources;

      if (*lines[i] == '\0')
        continue;
      cells = g_strsplit (lines[i], "\t", 2);
      sources = g_hash_table_lookup (mapping, cells[0]);
      if (sources == NULL)
        {
          sources = g_ptr_array_new_with_free_func (g_free);
          g_hash_table_insert (mapping, g_strdup (cells[0]), sources);
        }
      if (cells[1] != NULL && *cells[1] != '\0')
        g_ptr_array_add (sources, g_strdup (cells[1]));
    }
  return mapping;
}

/* A 2013 SoA with a decision on every control, varied enough to carry,
 * merge and conflict, and risks that select 2013 controls. */
static CustosDocument *
make_2013_document (void)
{
  CustosDocument *old = custos_document_new (CUSTOS_EDITION_2013);
  GListModel *soa = custos_document_get_register (old, CUSTOS_REGISTER_SOA);
  CustosRecord *risk;
  const char *controls[] = { "A.9.2.1", "A.12.6.1", "A.6.2.2", NULL };

  for (guint i = 0; i < 2; i++)
    {
      CustosRecord *role = custos_document_add_new (old, CUSTOS_REGISTER_ROLES);
      custos_role_set_title (CUSTOS_ROLE (role), i == 0 ? "ISMS manager" : "IT lead");
    }
  for (guint i = 0; i < g_list_model_get_n_items (soa); i++)
    {
      g_autoptr(CustosRecord) record = g_list_model_get_item (soa, i);
      g_autofree char *text = g_strdup_printf ("Decision on %s, with a comma", custos_record_get_id (record));

      if (i % 17 == 3)
        continue; /* left undecided */
      if (i % 5 == 0)
        {
          custos_soa_entry_set_applicable (CUSTOS_SOA_ENTRY (record), CUSTOS_APPLICABILITY_NOT_APPLICABLE);
          custos_soa_entry_set_justification (CUSTOS_SOA_ENTRY (record), text);
          continue;
        }
      custos_soa_entry_set_applicable (CUSTOS_SOA_ENTRY (record), CUSTOS_APPLICABILITY_APPLICABLE);
      custos_soa_entry_set_implementation (CUSTOS_SOA_ENTRY (record), (int) (i % 4));
      custos_soa_entry_set_reasons (CUSTOS_SOA_ENTRY (record), (int) (1u << (i % 4)));
      custos_soa_entry_set_how_applied (CUSTOS_SOA_ENTRY (record), text);
      custos_soa_entry_set_owner (CUSTOS_SOA_ENTRY (record), i % 2 ? "ROLE-001" : "ROLE-002");
    }
  risk = custos_document_add_new (old, CUSTOS_REGISTER_RISKS);
  custos_risk_set_title (CUSTOS_RISK (risk), "Stolen credentials");
  custos_risk_set_controls (CUSTOS_RISK (risk), controls);
  custos_document_set_modified (old, FALSE);
  return old;
}

static gboolean
same_decision (CustosRecord *a,
               CustosRecord *b)
{
  static const CustosSoaEntryField fields[] = {
    CUSTOS_SOA_ENTRY_FIELD_APPLICABLE, CUSTOS_SOA_ENTRY_FIELD_REASONS, CUSTOS_SOA_ENTRY_FIELD_IMPLEMENTATION,
  };
  static const CustosSoaEntryField strings[] = {
    CUSTOS_SOA_ENTRY_FIELD_JUSTIFICATION, CUSTOS_SOA_ENTRY_FIELD_HOW_APPLIED, CUSTOS_SOA_ENTRY_FIELD_OWNER,
    CUSTOS_SOA_ENTRY_FIELD_DOCUMENT,
  };

  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    if (custos_record_get_enum_at (a, fields[i]) != custos_record_get_enum_at (b, fields[i]))
      return FALSE;
  for (guint i = 0; i < G_N_ELEMENTS (strings); i++)
    if (g_strcmp0 (custos_record_get_string_at (a, strings[i]),
                   custos_record_get_string_at (b, strings[i])) != 0)
      return FALSE;
  return TRUE;
}

static void
on_migrated (CustosMigrationDialog *dialog,
             guint                 *n)
{
  (*n)++;
}

START_TEST (test_migration_through_the_dialog)
{
  g_autoptr(CustosDocument) old = make_2013_document ();
  g_autoptr(CustosHistory) history = custos_history_new (old);
  g_autoptr(GHashTable) mapping = read_mapping ();
  g_autoptr(GPtrArray) originals = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GHashTable) accounted = g_hash_table_new (g_str_hash, g_str_equal);
  GListModel *soa = custos_document_get_register (old, CUSTOS_REGISTER_SOA);
  CustosMigrationDialog *dialog;
  GDate migration_day = custos_test_date ("2026-12-01");
  GPtrArray *plan;
  guint expected[CUSTOS_MIGRATION_NEW + 1] = { 0 };
  guint migrated = 0;

  for (guint i = 0; i < g_list_model_get_n_items (soa); i++)
    {
      g_autoptr(CustosRecord) record = g_list_model_get_item (soa, i);
      g_ptr_array_add (originals, custos_record_duplicate (record, custos_record_get_id (record)));
    }
  custos_soa_page_set_document (page, old);
  spin ();

  dialog = CUSTOS_MIGRATION_DIALOG (custos_migration_dialog_new (GTK_WINDOW (window), old, &migration_day));
  g_signal_connect (dialog, "migrated", G_CALLBACK (on_migrated), &migrated);
  gtk_window_present (GTK_WINDOW (dialog));
  spin ();
  plan = custos_migration_dialog_get_plan (dialog);
  ck_assert_ptr_nonnull (plan);
  ck_assert_uint_eq (plan->len, 93);
  ck_assert_uint_eq (g_hash_table_size (mapping), 93);

  /* Control by control against Table B.1 as data/reference has it. */
  for (guint i = 0; i < plan->len; i++)
    {
      const CustosMigrationStep *step = plan->pdata[i];
      GPtrArray *sources = g_hash_table_lookup (mapping, step->control_id);
      gboolean any_applicable = FALSE, any_excluded = FALSE;
      CustosMigrationOutcome outcome;
      const char *note = custos_soa_entry_get_migration_note (CUSTOS_SOA_ENTRY (step->entry));

      ck_assert_msg (sources != NULL, "%s is not in the mapping", step->control_id);
      ck_assert_uint_eq (g_strv_length ((char **) step->sources), sources->len);
      for (guint s = 0; s < sources->len; s++)
        {
          CustosRecord *source = custos_document_lookup (old, CUSTOS_REGISTER_SOA, sources->pdata[s]);

          ck_assert_msg (g_strv_contains (step->sources, sources->pdata[s]), "%s: %s not a source",
                         step->control_id, (char *) sources->pdata[s]);
          ck_assert_ptr_nonnull (source);
          any_applicable |= custos_soa_entry_get_applicable (CUSTOS_SOA_ENTRY (source)) ==
                            CUSTOS_APPLICABILITY_APPLICABLE;
          any_excluded |= custos_soa_entry_get_applicable (CUSTOS_SOA_ENTRY (source)) ==
                          CUSTOS_APPLICABILITY_NOT_APPLICABLE;
        }
      outcome = sources->len == 0 ? CUSTOS_MIGRATION_NEW
              : sources->len == 1 ? CUSTOS_MIGRATION_CARRIED
              : any_applicable && any_excluded ? CUSTOS_MIGRATION_CONFLICT : CUSTOS_MIGRATION_MERGED;
      ck_assert_msg (step->outcome == outcome, "%s: outcome %d, expected %d", step->control_id, step->outcome, outcome);
      expected[outcome]++;
      ck_assert_str_eq (custos_record_get_id (step->entry), step->control_id);

      switch (outcome)
        {
        case CUSTOS_MIGRATION_NEW:
          ck_assert_int_eq (custos_soa_entry_get_applicable (CUSTOS_SOA_ENTRY (step->entry)),
                            CUSTOS_APPLICABILITY_UNDECIDED);
          ck_assert (custos_soa_entry_get_review (CUSTOS_SOA_ENTRY (step->entry)));
          break;
        case CUSTOS_MIGRATION_CARRIED:
          {
            CustosRecord *source = custos_document_lookup (old, CUSTOS_REGISTER_SOA, sources->pdata[0]);

            ck_assert_msg (same_decision (source, step->entry), "%s: not carried from %s",
                           step->control_id, (char *) sources->pdata[0]);
            g_hash_table_add (accounted, sources->pdata[0]);
          }
          break;
        case CUSTOS_MIGRATION_MERGED:
        case CUSTOS_MIGRATION_CONFLICT:
          ck_assert (custos_soa_entry_get_review (CUSTOS_SOA_ENTRY (step->entry)));
          ck_assert_int_eq (custos_soa_entry_get_applicable (CUSTOS_SOA_ENTRY (step->entry)),
                            any_applicable ? CUSTOS_APPLICABILITY_APPLICABLE
                            : any_excluded ? CUSTOS_APPLICABILITY_NOT_APPLICABLE : CUSTOS_APPLICABILITY_UNDECIDED);
          /* Each predecessor's decision is kept in the note, by id. */
          for (guint s = 0; s < sources->len; s++)
            {
              ck_assert_msg (note != NULL && strstr (note, sources->pdata[s]) != NULL,
                             "%s: the note does not keep %s", step->control_id, (char *) sources->pdata[s]);
              g_hash_table_add (accounted, sources->pdata[s]);
            }
          break;
        default:
          g_assert_not_reached ();
        }
    }
  /* Every 2013 decision is accounted for in some 2022 entry. */
  for (guint i = 0; i < originals->len; i++)
    ck_assert_msg (g_hash_table_contains (accounted, custos_record_get_id (originals->pdata[i])),
                   "the decision on %s is lost", custos_record_get_id (originals->pdata[i]));
  ck_assert_uint_eq (g_hash_table_size (accounted), 114);

  /* The counts at the top, and the list by outcome. */
  ck_assert_uint_eq (expected[CUSTOS_MIGRATION_NEW], 11);
  ck_assert_uint_gt (expected[CUSTOS_MIGRATION_CONFLICT], 0);
  ck_assert_uint_gt (expected[CUSTOS_MIGRATION_MERGED], 0);
  for (int o = 0; o <= CUSTOS_MIGRATION_NEW; o++)
    {
      GListModel *model = custos_migration_dialog_get_model (dialog);

      ck_assert_uint_eq (custos_migration_dialog_count (dialog, o), expected[o]);
      custos_migration_dialog_set_outcome_filter (dialog, o);
      ck_assert_uint_eq (g_list_model_get_n_items (model), expected[o]);
      for (guint i = 0; i < g_list_model_get_n_items (model); i++)
        {
          g_autoptr(GObject) row = g_list_model_get_item (model, i);
          g_autofree char *id = NULL;

          g_object_get (row, "control-id", &id, NULL);
          for (guint s = 0; s < plan->len; s++)
            if (g_str_equal (((CustosMigrationStep *) plan->pdata[s])->control_id, id))
              ck_assert_int_eq (((CustosMigrationStep *) plan->pdata[s])->outcome, o);
        }
    }
  custos_migration_dialog_set_outcome_filter (dialog, -1);
  ck_assert_uint_eq (g_list_model_get_n_items (custos_migration_dialog_get_model (dialog)), 93);
  ck_assert_uint_eq (custos_migration_dialog_count (dialog, -1), 93);
  ck_assert_uint_eq (custos_document_get_edition (old), CUSTOS_EDITION_2013); /* a preview changes nothing */

  /* Migrate: one step, the page follows. */
  ck_assert (gtk_widget_activate_action (GTK_WIDGET (dialog), "migration.apply", NULL));
  spin ();
  ck_assert_uint_eq (migrated, 1);
  ck_assert_int_eq (custos_document_get_edition (old), CUSTOS_EDITION_2022);
  ck_assert_uint_eq (custos_document_count (old, CUSTOS_REGISTER_SOA), 93);
  ck_assert (custos_document_get_modified (old));
  {
    /* The risk now selects the 2022 successors of its 2013 controls (Table B.1). */
    g_autoptr(CustosRecord) risk = g_list_model_get_item (custos_document_get_register (old, CUSTOS_REGISTER_RISKS), 0);
    const char * const *controls = custos_risk_get_controls (CUSTOS_RISK (risk));
    const char *old_controls[] = { "A.9.2.1", "A.12.6.1", "A.6.2.2" };
    GHashTableIter iter;
    gpointer id_2022, sources;

    for (guint c = 0; c < G_N_ELEMENTS (old_controls); c++)
      {
        guint found = 0;

        g_hash_table_iter_init (&iter, mapping);
        while (g_hash_table_iter_next (&iter, &id_2022, &sources))
          if (g_ptr_array_find_with_equal_func (sources, old_controls[c], g_str_equal, NULL))
            {
              ck_assert_msg (g_strv_contains (controls, id_2022), "%s → %s is not selected",
                             old_controls[c], (char *) id_2022);
              found++;
            }
        ck_assert_uint_gt (found, 0);
      }
    for (guint c = 0; controls[c] != NULL; c++)
      ck_assert (custos_catalogue_lookup (custos_catalogue_get (CUSTOS_EDITION_2022), controls[c]) != NULL);
  }
  ck_assert_uint_eq (n_headings (), 4);
  ck_assert_uint_eq (custos_soa_page_get_n_shown (page), 93);
  /* What the migration left to review: merged, conflicting and new controls. */
  custos_soa_page_set_filter (page, CUSTOS_SOA_FILTER_REVIEW);
  ck_assert_uint_eq (custos_soa_page_get_n_shown (page),
                     expected[CUSTOS_MIGRATION_MERGED] + expected[CUSTOS_MIGRATION_CONFLICT] + expected[CUSTOS_MIGRATION_NEW]);
  custos_soa_page_set_filter (page, CUSTOS_SOA_FILTER_ALL);

  ck_assert (custos_history_undo (history));
  spin ();
  ck_assert_int_eq (custos_document_get_edition (old), CUSTOS_EDITION_2013);
  ck_assert_uint_eq (custos_document_count (old, CUSTOS_REGISTER_SOA), 114);
  for (guint i = 0; i < originals->len; i++)
    ck_assert (same_decision (originals->pdata[i],
                              custos_document_lookup (old, CUSTOS_REGISTER_SOA, custos_record_get_id (originals->pdata[i]))));
  {
    g_autoptr(CustosRecord) risk = g_list_model_get_item (custos_document_get_register (old, CUSTOS_REGISTER_RISKS), 0);
    ck_assert (g_strv_contains (custos_risk_get_controls (CUSTOS_RISK (risk)), "A.9.2.1"));
  }
  ck_assert_uint_eq (n_headings (), 14);
  ck_assert_uint_eq (custos_soa_page_get_n_shown (page), 114);
  custos_soa_page_set_document (page, doc);
}
END_TEST

START_TEST (test_migration_dialog_refuses_2022)
{
  GDate migration_day = custos_test_date ("2026-12-01");
  GtkWidget *dialog = custos_migration_dialog_new (NULL, doc, &migration_day);
  guint migrated = 0;

  g_signal_connect (dialog, "migrated", G_CALLBACK (on_migrated), &migrated);
  ck_assert_ptr_null (custos_migration_dialog_get_plan (CUSTOS_MIGRATION_DIALOG (dialog)));
  ck_assert_uint_eq (custos_migration_dialog_count (CUSTOS_MIGRATION_DIALOG (dialog), -1), 0);
  gtk_window_present (GTK_WINDOW (dialog));
  spin ();
  gtk_widget_activate_action (dialog, "migration.apply", NULL);
  ck_assert_uint_eq (migrated, 0);
  gtk_window_destroy (GTK_WINDOW (dialog));
  spin ();
}
END_TEST

/* CSV ---------------------------------------------------------------------- */

/* RFC 4180: records of fields; quoted fields may hold commas, quotes, CR and LF. */
static GPtrArray *
parse_csv (const char *text)
{
  GPtrArray *rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_ptr_array_unref);
  GPtrArray *row = g_ptr_array_new_with_free_func (g_free);
  GString *field = g_string_new (NULL);
  const char *p = text;

  while (*p != '\0')
    {
      if (*p == '"' && field->len == 0)
        {
          for (p++; *p != '\0'; p++)
            {
              if (*p == '"' && p[1] == '"')
                g_string_append_c (field, *p++);
              else if (*p == '"')
                break;
              else
                g_string_append_c (field, *p);
            }
          ck_assert_msg (*p == '"', "unterminated quoted field");
          p++;
          ck_assert_msg (*p == ',' || *p == '\r' || *p == '\0', "text after a quoted field");
          continue;
        }
      if (*p == ',')
        {
          g_ptr_array_add (row, g_string_free (field, FALSE));
          field = g_string_new (NULL);
          p++;
        }
      else if (*p == '\r' && p[1] == '\n')
        {
          g_ptr_array_add (row, g_string_free (field, FALSE));
          field = g_string_new (NULL);
          g_ptr_array_add (rows, row);
          row = g_ptr_array_new_with_free_func (g_free);
          p += 2;
        }
      else
        {
          ck_assert_msg (*p != '\n' && *p != '\r', "a bare line break outside quotes");
          g_string_append_c (field, *p++);
        }
    }
  ck_assert_msg (row->len == 0 && field->len == 0, "the last record does not end with CRLF");
  g_ptr_array_unref (row);
  g_string_free (field, TRUE);
  return rows;
}

static int
column_of (GPtrArray  *header,
           const char *name)
{
  for (guint i = 0; i < header->len; i++)
    if (g_str_equal (header->pdata[i], name))
      return (int) i;
  ck_abort_msg ("no column “%s”", name);
  return -1;
}

static void
assert_soa_csv (const char *text,
                const char *justification,
                const char *how)
{
  g_autoptr(GPtrArray) rows = parse_csv (text);
  GPtrArray *header;

  ck_assert_uint_gt (rows->len, 0);
  header = rows->pdata[0];
  int id = column_of (header, "Control");
  int title = column_of (header, "Title");
  int applicable = column_of (header, "Applicable");
  int reasons = column_of (header, "Reasons for inclusion");
  int implementation = column_of (header, "Implementation");
  int owner = column_of (header, "Owner");
  int selecting = column_of (header, "Selecting risks");
  int just = column_of (header, "Justification");
  int how_applied = column_of (header, "How applied");

  ck_assert_uint_eq (rows->len, 1 + 93);
  for (guint r = 1; r < rows->len; r++)
    {
      GPtrArray *row = rows->pdata[r];
      CustosRecord *record;

      ck_assert_uint_eq (row->len, header->len);
      /* 2022 ids are cited "A.5.10" so that spreadsheets keep them as text. */
      ck_assert (g_str_has_prefix (row->pdata[id], "A."));
      record = entry ((const char *) row->pdata[id] + 2);
      ck_assert_str_eq (row->pdata[title], custos_document_get_control_title (doc, custos_record_get_id (record)));
      ck_assert_str_eq (row->pdata[applicable],
                        custos_enum_value_label (CUSTOS_TYPE_APPLICABILITY,
                                                 custos_soa_entry_get_applicable (CUSTOS_SOA_ENTRY (record))));
      (void) reasons; (void) implementation; (void) owner;
    }
  {
    GPtrArray *first = rows->pdata[1];

    ck_assert_str_eq (first->pdata[id], "A.5.1");
    ck_assert_str_eq (first->pdata[just], justification);
    ck_assert_str_eq (first->pdata[how_applied], how);
  }
  {
    g_autoptr(GPtrArray) risks = custos_document_get_selecting_risks (doc, "5.3");
    GPtrArray *row = rows->pdata[3];

    ck_assert_str_eq (row->pdata[id], "A.5.3");
    ck_assert_uint_gt (risks->len, 0);
    ck_assert_ptr_nonnull (strstr (row->pdata[selecting], custos_record_get_id (risks->pdata[0])));
  }
}

static const char *tricky_justification = "Covers offices, homes and \"client sites\"\nReviewed yearly, by the partners";
static const char *tricky_how = "Policy P-01, §2; see \"Access\"";

START_TEST (test_csv_export)
{
  g_autofree char *csv = NULL;

  custos_soa_entry_set_justification (CUSTOS_SOA_ENTRY (entry ("5.1")), tricky_justification);
  custos_soa_entry_set_how_applied (CUSTOS_SOA_ENTRY (entry ("5.1")), tricky_how);
  csv = custos_csv_write_register (doc, CUSTOS_REGISTER_SOA, CUSTOS_CSV_DISPLAY);
  assert_soa_csv (csv, tricky_justification, tricky_how);
}
END_TEST

/* The real window ----------------------------------------------------------- */

static CustosApplication *app;

static void
setup_window (void)
{
  app = custos_test_new_app (NULL);
}

/* Every window and dialog a test left open, so the next test starts clean. */
static void
close_windows (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  page = NULL;
  doc = NULL;
  while (g_list_model_get_n_items (toplevels) > 0)
    {
      g_autoptr(GtkWindow) toplevel = g_list_model_get_item (toplevels, 0);
      gtk_window_destroy (toplevel);
    }
  spin ();
}

static void
teardown_window (void)
{
  close_windows ();
  g_clear_object (&app);
}

static void
wait_for (gboolean  (*condition) (gpointer),
          gpointer    data,
          const char *what)
{
  gint64 deadline = g_get_monotonic_time () + 120 * G_USEC_PER_SEC; /* sanitizers are slow */

  while (!condition (data))
    {
      ck_assert_msg (g_get_monotonic_time () < deadline, "timed out waiting for %s", what);
      g_main_context_iteration (NULL, FALSE);
      g_usleep (1000);
    }
}

static gboolean
has_file (gpointer data)
{
  return custos_window_get_file (data) != NULL;
}

typedef struct
{
  const char *path;
  const char *contents;
} Expected;

/* The file is there and complete (it is written in one go, but not atomically). */
static gboolean
file_holds (gpointer data)
{
  Expected *expected = data;
  g_autofree char *contents = NULL;

  return g_file_get_contents (expected->path, &contents, NULL, NULL) &&
         g_strcmp0 (contents, expected->contents) == 0;
}

static gboolean
has_toplevel (gpointer type)
{
  return custos_test_find_toplevel (GPOINTER_TO_SIZE (type)) != NULL;
}

static CustosWindow *
open_window (const char *path)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  CustosWindow *win = custos_window_new (GTK_APPLICATION (app), custos_application_get_clock (app));

  gtk_window_present (GTK_WINDOW (win));
  custos_window_load (win, file);
  wait_for (has_file, win, "the document to load");
  doc = custos_window_get_document (win);
  gtk_widget_activate_action (GTK_WIDGET (win), "win.show-page", "s", "soa");
  spin ();
  page = CUSTOS_SOA_PAGE (find_widget (GTK_WIDGET (win), is_type, TYPE (CUSTOS_TYPE_SOA_PAGE)));
  ck_assert_ptr_nonnull (page);
  ck_assert_ptr_eq (custos_soa_page_get_document (page), doc);
  return win;
}

static char *
copy_to (const char *dir,
         const char *source)
{
  g_autoptr(GBytes) bytes = custos_test_read_file (source);
  char *path = g_build_filename (dir, "copy.isms", NULL);

  ck_assert (g_file_set_contents (path, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), NULL));
  return path;
}

/* A while after the chooser appeared: it has loaded its first folder. */
static gboolean
chooser_idle (gpointer chooser)
{
  gint64 *since = g_object_get_data (chooser, "custos-test-since");

  if (since == NULL)
    {
      since = g_new (gint64, 1);
      *since = g_get_monotonic_time ();
      g_object_set_data_full (chooser, "custos-test-since", since, g_free);
    }
  return g_get_monotonic_time () - *since > 300 * 1000;
}

static gboolean
chooser_points_at (gpointer chooser)
{
  g_autoptr(GFile) file = gtk_file_chooser_get_file (chooser);
  g_autofree char *name = file != NULL ? g_file_get_basename (file) : NULL;
  g_autoptr(GFile) parent = file != NULL ? g_file_get_parent (file) : NULL;
  g_autofree char *dir = parent != NULL ? g_file_get_path (parent) : NULL;

  return g_strcmp0 (name, "soa.csv") == 0 && g_strcmp0 (dir, "/") != 0;
}

static gboolean
is_link_to (GtkWidget     *widget,
            gconstpointer  risk)
{
  return is_risk_links (widget, NULL) && strstr (gtk_label_get_text (GTK_LABEL (widget)), risk) != NULL;
}

START_TEST (test_window_links_bulk_undo_and_csv)
{
  g_autofree char *dir = custos_test_mkdtemp ();
  g_autofree char *example = custos_test_example_path ();
  g_autofree char *path = copy_to (dir, example);
  g_autofree char *csv_path = g_build_filename (dir, "soa.csv", NULL);
  CustosWindow *win = open_window (path);
  CustosRisksPage *risks_page;
  GtkWidget *link;
  const char *ids[] = { "5.2", "5.3", NULL };
  gboolean handled = FALSE;

  /* A risk link in the "selected by" column opens the risk. */
  assert_eventually (find_widget (GTK_WIDGET (page), is_link_to, "R-011") != NULL); /* on 5.3 */
  link = find_widget (GTK_WIDGET (page), is_link_to, "R-011");
  g_signal_emit_by_name (link, "activate-link", "R-011", &handled);
  ck_assert (handled);
  spin ();
  ck_assert_str_eq (custos_window_get_visible_page (win), "risks");
  risks_page = CUSTOS_RISKS_PAGE (find_widget (GTK_WIDGET (win), is_type, TYPE (CUSTOS_TYPE_RISKS_PAGE)));
  ck_assert_str_eq (custos_record_get_id (custos_register_view_get_selected (custos_risks_page_get_register_view (risks_page))),
                    "R-011");

  /* win.show-record is generic: any register, any record. */
  gtk_widget_activate_action (GTK_WIDGET (win), "win.show-record", "(ss)", "soa", "8.24");
  ck_assert_str_eq (custos_window_get_visible_page (win), "soa");
  {
    g_autoptr(GPtrArray) selected = custos_soa_page_get_selected_entries (page);
    ck_assert_uint_eq (selected->len, 1);
    ck_assert_str_eq (custos_record_get_id (selected->pdata[0]), "8.24");
  }
  gtk_widget_activate_action (GTK_WIDGET (win), "win.show-record", "(ss)", "roles", "ROLE-001");
  ck_assert_str_eq (custos_window_get_visible_page (win), "leadership");

  /* A bulk edit on the page is one step of the window's undo. */
  gtk_widget_activate_action (GTK_WIDGET (win), "win.show-page", "s", "soa");
  select_entries (ids);
  {
    g_autofree char *before_2 = g_strdup (custos_soa_entry_get_owner (CUSTOS_SOA_ENTRY (entry ("5.2"))));
    g_autofree char *before_3 = g_strdup (custos_soa_entry_get_owner (CUSTOS_SOA_ENTRY (entry ("5.3"))));
    int applicable_3 = custos_soa_entry_get_applicable (CUSTOS_SOA_ENTRY (entry ("5.3")));

    ck_assert (gtk_widget_activate_action (GTK_WIDGET (page), "soa.set-applicable", "i",
                                           CUSTOS_APPLICABILITY_NOT_APPLICABLE));
    ck_assert (gtk_widget_activate_action (GTK_WIDGET (page), "soa.set-owner", "s", "ROLE-001"));
    ck_assert_int_eq (custos_soa_entry_get_applicable (CUSTOS_SOA_ENTRY (entry ("5.2"))),
                      CUSTOS_APPLICABILITY_NOT_APPLICABLE);
    ck_assert (gtk_widget_activate_action (GTK_WIDGET (win), "win.undo", NULL));
    ck_assert_str_eq (custos_soa_entry_get_owner (CUSTOS_SOA_ENTRY (entry ("5.2"))), before_2);
    ck_assert_str_eq (custos_soa_entry_get_owner (CUSTOS_SOA_ENTRY (entry ("5.3"))), before_3);
    ck_assert_int_eq (custos_soa_entry_get_applicable (CUSTOS_SOA_ENTRY (entry ("5.3"))),
                      CUSTOS_APPLICABILITY_NOT_APPLICABLE);
    ck_assert (gtk_widget_activate_action (GTK_WIDGET (win), "win.undo", NULL));
    ck_assert_int_eq (custos_soa_entry_get_applicable (CUSTOS_SOA_ENTRY (entry ("5.3"))), applicable_3);
  }

  /* CSV from the window: win.export-soa-csv asks where (GtkFileChooserNative
   * falls back to a GtkFileChooserDialog without a portal). */
  custos_soa_entry_set_justification (CUSTOS_SOA_ENTRY (entry ("5.1")), tricky_justification);
  custos_soa_entry_set_how_applied (CUSTOS_SOA_ENTRY (entry ("5.1")), tricky_how);
  ck_assert (gtk_widget_activate_action (GTK_WIDGET (win), "win.export-soa-csv", NULL));
  wait_for (has_toplevel, GSIZE_TO_POINTER (GTK_TYPE_FILE_CHOOSER_DIALOG), "the file chooser");
  {
    GtkWindow *chooser = custos_test_find_toplevel (GTK_TYPE_FILE_CHOOSER_DIALOG);
    g_autoptr(GFile) folder = g_file_new_for_path (dir);
    g_autoptr(GBytes) bytes = NULL;
    g_autofree char *text = NULL;

    G_GNUC_BEGIN_IGNORE_DEPRECATIONS
    /* The chooser loads its first folder asynchronously: let it, then choose. */
    wait_for (chooser_idle, chooser, "the file chooser to settle");
    ck_assert (gtk_file_chooser_set_current_folder (GTK_FILE_CHOOSER (chooser), folder, NULL));
    gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), "soa.csv");
    wait_for (chooser_points_at, chooser, "the file chooser to take the name");
    gtk_dialog_response (GTK_DIALOG (chooser), GTK_RESPONSE_ACCEPT);
    G_GNUC_END_IGNORE_DEPRECATIONS
    {
      /* What the window writes is what the shared CSV writer makes. */
      g_autofree char *expected_text = custos_csv_write_register (doc, CUSTOS_REGISTER_SOA, CUSTOS_CSV_DISPLAY);
      Expected expected = { csv_path, expected_text };

      wait_for (file_holds, &expected, "the CSV file");
    }
    bytes = custos_test_read_file (csv_path);
    text = g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
    assert_soa_csv (text, tricky_justification, tricky_how);
  }

  /* The same from the command line. */
  {
    g_autofree char *cli_csv = g_build_filename (dir, "cli.csv", NULL);
    g_autofree char *output = g_strconcat ("--output=", cli_csv, NULL);
    const char *args[] = { "--export=soa", output, path, NULL };
    g_autofree char *out = NULL, *err = NULL;
    g_autoptr(GBytes) bytes = NULL;
    g_autoptr(GPtrArray) rows = NULL;

    ck_assert_int_eq (custos_test_run_cli (args, &out, &err), 0);
    bytes = custos_test_read_file (cli_csv);
    {
      g_autofree char *text = g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
      rows = parse_csv (text);
    }
    ck_assert_uint_eq (rows->len, 94);
  }
  custos_test_rmdir (dir);
}
END_TEST

static gboolean
is_migrate_button (GtkWidget     *widget,
                   gconstpointer  data)
{
  return is_button_for_action (widget, "win.migrate");
}

START_TEST (test_window_migrates_2013)
{
  g_autofree char *dir = custos_test_mkdtemp ();
  g_autofree char *path = g_build_filename (dir, "old.isms", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GBytes) on_disk = NULL;
  g_autoptr(GBytes) after = NULL;
  CustosWindow *win;
  GtkWidget *migrate_button;
  CustosMigrationDialog *dialog;
  g_autoptr(GError) error = NULL;

  {
    g_autoptr(CustosDocument) old = make_2013_document ();
    ck_assert (custos_file_save (old, file, NULL, &error));
  }
  on_disk = custos_test_read_file (path);
  win = open_window (path);
  ck_assert_int_eq (custos_document_get_edition (doc), CUSTOS_EDITION_2013);
  migrate_button = find_widget (GTK_WIDGET (page), is_migrate_button, NULL);
  ck_assert (gtk_widget_get_mapped (migrate_button));
  ck_assert (gtk_widget_is_sensitive (migrate_button)); /* win.migrate is on for 2013 */

  ck_assert (gtk_widget_activate_action (GTK_WIDGET (win), "win.migrate", NULL));
  wait_for (has_toplevel, GSIZE_TO_POINTER (CUSTOS_TYPE_MIGRATION_DIALOG), "the migration dialog");
  dialog = CUSTOS_MIGRATION_DIALOG (custos_test_find_toplevel (CUSTOS_TYPE_MIGRATION_DIALOG));
  ck_assert_ptr_eq (gtk_window_get_transient_for (GTK_WINDOW (dialog)), GTK_WINDOW (win));
  ck_assert_uint_eq (custos_migration_dialog_count (dialog, CUSTOS_MIGRATION_NEW), 11);
  ck_assert (gtk_widget_activate_action (GTK_WIDGET (dialog), "migration.apply", NULL));
  spin ();
  ck_assert_ptr_null (custos_test_find_toplevel (CUSTOS_TYPE_MIGRATION_DIALOG));

  ck_assert_int_eq (custos_document_get_edition (doc), CUSTOS_EDITION_2022);
  ck_assert_str_eq (custos_window_get_visible_page (win), "soa");
  ck_assert_uint_eq (custos_soa_page_get_n_shown (page), 93);
  ck_assert (!gtk_widget_is_sensitive (migrate_button)); /* nothing more to migrate */
  /* Saved only when the user saves. */
  ck_assert (custos_document_get_modified (doc));
  after = custos_test_read_file (path);
  ck_assert (g_bytes_equal (on_disk, after));

  ck_assert (gtk_widget_activate_action (GTK_WIDGET (win), "win.undo", NULL));
  spin ();
  ck_assert_int_eq (custos_document_get_edition (doc), CUSTOS_EDITION_2013);
  ck_assert_uint_eq (custos_soa_page_get_n_shown (page), 114);
  ck_assert (gtk_widget_is_sensitive (migrate_button));
  ck_assert (gtk_widget_activate_action (GTK_WIDGET (win), "win.redo", NULL));
  ck_assert_int_eq (custos_document_get_edition (doc), CUSTOS_EDITION_2022);

  /* A 2022 document has nothing to migrate: the action is off. */
  {
    g_autoptr(CustosDocument) fresh = custos_document_new (CUSTOS_EDITION_2022);

    custos_window_set_new_document (win, fresh);
    doc = fresh;
    gtk_widget_activate_action (GTK_WIDGET (win), "win.migrate", NULL);
    spin ();
    ck_assert_ptr_null (custos_test_find_toplevel (CUSTOS_TYPE_MIGRATION_DIALOG));
  }
  custos_test_rmdir (dir);
}
END_TEST

typedef struct
{
  CustosWindow *win;
  const char   *id;
  int           status;
} EvidenceWait;

/* The window has read the file of the item and found status. */
static gboolean
evidence_read (gpointer data)
{
  EvidenceWait *wait = data;

  return custos_window_get_evidence_status (wait->win, wait->id) == wait->status;
}

static gboolean
evidence_settled (gpointer win)
{
  return !custos_window_is_reading_evidence (win);
}

/* A stale result must not look like the next one: the window's own readings
 * (of a location just edited) are over, and what they found of id is
 * forgotten. */
static void
forget_evidence_reading (CustosWindow *win,
                         const char   *id)
{
  wait_for (evidence_settled, win, "the window's readings of evidence files");
  custos_document_set_evidence_file (doc, id, -1);
}

/* Starts a reading of EV-001's file and waits for its result. */
static void
read_evidence (CustosWindow *win,
               const char   *action,
               int           status)
{
  EvidenceWait wait = { win, "EV-001", status };

  forget_evidence_reading (win, "EV-001");
  ck_assert (gtk_widget_activate_action (GTK_WIDGET (win), action, "s", "EV-001"));
  wait_for (evidence_read, &wait, "the evidence file to be read");
  spin ();
}

/* Record a checksum, verify it, change and delete the file: through the
 * window's actions, with a real file beside the .isms file. */
START_TEST (test_window_evidence_checksum)
{
  g_autofree char *dir = custos_test_mkdtemp ();
  g_autofree char *example = custos_test_example_path ();
  g_autofree char *path = copy_to (dir, example);
  g_autofree char *sub = g_build_filename (dir, "evidence", NULL);
  g_autofree char *evidence_path = g_build_filename (sub, "restore test.txt", NULL);
  const char *contents = "restore of 2026-11-30 succeeded\n";
  g_autofree char *sha256 = g_compute_checksum_for_string (G_CHECKSUM_SHA256, contents, -1);
  CustosWindow *win;
  CustosEvidence *evidence;
  CustosEvidenceCheck *check;
  GtkWidget *record_button, *verify_button;
  char today[CUSTOS_DATE_ISO_SIZE];
  g_autofree char *verified_before = NULL;

  ck_assert_int_eq (g_mkdir (sub, 0700), 0);
  ck_assert (g_file_set_contents (evidence_path, contents, -1, NULL));
  win = open_window (path);
  custos_date_format_iso (custos_clock_get_today (custos_window_get_clock (win)), today);
  evidence = CUSTOS_EVIDENCE (custos_document_lookup (doc, CUSTOS_REGISTER_EVIDENCE, "EV-001"));
  verified_before = g_strdup (custos_evidence_get_verified (evidence));
  ck_assert_str_ne (verified_before, today);

  /* Under the form: a description of where the evidence is offers nothing to read. */
  gtk_widget_activate_action (GTK_WIDGET (win), "win.show-record", "(ss)", "evidence-items", "EV-001");
  spin ();
  check = CUSTOS_EVIDENCE_CHECK (find_widget (GTK_WIDGET (win), is_type, TYPE (CUSTOS_TYPE_EVIDENCE_CHECK)));
  ck_assert_ptr_nonnull (check);
  ck_assert_ptr_eq (custos_evidence_check_get_evidence (check), CUSTOS_RECORD (evidence));
  record_button = custos_test_find_button (GTK_WIDGET (check), "_Record Checksum");
  verify_button = custos_test_find_button (GTK_WIDGET (check), "_Verify");
  ck_assert (gtk_widget_get_mapped (record_button));
  ck_assert (!gtk_widget_get_sensitive (record_button));

  /* A path relative to the .isms file's folder. */
  custos_evidence_set_location (evidence, "evidence/restore test.txt");
  spin ();
  ck_assert (gtk_widget_get_sensitive (record_button));
  ck_assert (!gtk_widget_get_sensitive (verify_button)); /* nothing recorded to compare with */
  /* Recorded: the file matches its checksum now. */
  read_evidence (win, "win.record-evidence-checksum", CUSTOS_EVIDENCE_FILE_OK);
  ck_assert_str_eq (custos_evidence_get_sha256 (evidence), sha256);
  ck_assert_str_eq (custos_evidence_get_verified (evidence), today);
  ck_assert (gtk_widget_get_sensitive (verify_button));
  /* One step of undo, the location edit before it being another. */
  ck_assert (gtk_widget_activate_action (GTK_WIDGET (win), "win.undo", NULL));
  ck_assert_ptr_null (custos_evidence_get_sha256 (evidence));
  ck_assert_str_eq (custos_evidence_get_verified (evidence), verified_before);
  ck_assert_str_eq (custos_evidence_get_location (evidence), "evidence/restore test.txt");
  ck_assert (gtk_widget_activate_action (GTK_WIDGET (win), "win.redo", NULL));
  ck_assert_str_eq (custos_evidence_get_sha256 (evidence), sha256);

  /* Unchanged: verified again today. */
  custos_evidence_set_verified (evidence, "2026-01-15");
  read_evidence (win, "win.verify-evidence", CUSTOS_EVIDENCE_FILE_OK);
  ck_assert_str_eq (custos_evidence_get_verified (evidence), today);

  /* Changed: nothing recorded changes, the mismatch is reported. */
  custos_evidence_set_verified (evidence, "2026-01-15");
  ck_assert (g_file_set_contents (evidence_path, "restore of 2026-11-30 FAILED\n", -1, NULL));
  read_evidence (win, "win.verify-evidence", CUSTOS_EVIDENCE_FILE_CHANGED);
  ck_assert_str_eq (custos_evidence_get_sha256 (evidence), sha256);
  ck_assert_str_eq (custos_evidence_get_verified (evidence), "2026-01-15");

  /* Deleted: missing, and again nothing recorded changes. */
  ck_assert_int_eq (g_unlink (evidence_path), 0);
  read_evidence (win, "win.verify-evidence", CUSTOS_EVIDENCE_FILE_MISSING);
  ck_assert_str_eq (custos_evidence_get_sha256 (evidence), sha256);
  ck_assert_str_eq (custos_evidence_get_verified (evidence), "2026-01-15");

  /* Verify All: the file back as it was, and a second one never recorded,
   * both verified today in one step; a description is left alone. */
  {
    g_autofree char *second_path = g_build_filename (dir, "minutes.txt", NULL);
    g_autofree char *second_sha = g_compute_checksum_for_string (G_CHECKSUM_SHA256, "minutes\n", -1);
    CustosEvidence *second = CUSTOS_EVIDENCE (custos_document_lookup (doc, CUSTOS_REGISTER_EVIDENCE, "EV-002"));
    CustosEvidence *third = CUSTOS_EVIDENCE (custos_document_lookup (doc, CUSTOS_REGISTER_EVIDENCE, "EV-003"));
    g_autofree char *third_verified = g_strdup (custos_evidence_get_verified (third));
    EvidenceWait first_ok = { win, "EV-001", CUSTOS_EVIDENCE_FILE_OK };
    EvidenceWait second_recorded = { win, "EV-002", CUSTOS_EVIDENCE_FILE_OK };

    ck_assert (g_file_set_contents (evidence_path, contents, -1, NULL));
    ck_assert (g_file_set_contents (second_path, "minutes\n", -1, NULL));
    custos_evidence_set_location (second, "minutes.txt");
    forget_evidence_reading (win, "EV-001");
    forget_evidence_reading (win, "EV-002");
    ck_assert (gtk_widget_activate_action (GTK_WIDGET (win), "win.verify-all-evidence", NULL));
    wait_for (evidence_read, &first_ok, "EV-001's file to be read");
    wait_for (evidence_read, &second_recorded, "EV-002's file to be read");
    ck_assert_int_eq (custos_window_get_evidence_status (win, "EV-003"), -1);
    ck_assert_str_eq (custos_evidence_get_verified (evidence), today);
    ck_assert_str_eq (custos_evidence_get_sha256 (second), second_sha);
    ck_assert_str_eq (custos_evidence_get_verified (second), today);
    ck_assert_str_eq (custos_evidence_get_verified (third), third_verified);
    ck_assert (gtk_widget_activate_action (GTK_WIDGET (win), "win.undo", NULL));
    ck_assert_str_eq (custos_evidence_get_verified (evidence), "2026-01-15");
    ck_assert_ptr_null (custos_evidence_get_sha256 (second));
    ck_assert_str_eq (custos_evidence_get_location (second), "minutes.txt");
  }
  custos_test_rmdir (dir);
}
END_TEST

/* Nobody has to verify anything for the readiness pages to know that an
 * evidence file is gone or changed: the window reads the files when the
 * document opens and when a location is edited, records nothing, and the
 * overview, readiness and SoA pages report what it found, as
 * custos --check --verify-evidence does. */
static gboolean
has_finding (CustosReadiness *readiness,
             const char      *rule,
             const char      *record_id)
{
  for (guint i = 0, n = custos_readiness_get_n_findings (readiness); i < n; i++)
    {
      const CustosReadinessFinding *finding = custos_readiness_get_finding (readiness, i);

      if (g_str_equal (finding->rule, rule) && g_strcmp0 (finding->record_id, record_id) == 0)
        return TRUE;
    }
  return FALSE;
}

typedef struct
{
  CustosWindow *win;
  const char   *rule;
  gboolean      present;
} FindingWait;

static gboolean
readiness_shows (gpointer data)
{
  FindingWait *wait = data;
  CustosReadinessPage *readiness_page;

  if (custos_window_is_reading_evidence (wait->win))
    return FALSE;
  readiness_page = CUSTOS_READINESS_PAGE (find_widget (GTK_WIDGET (wait->win), is_type,
                                                       TYPE (CUSTOS_TYPE_READINESS_PAGE)));
  return has_finding (custos_readiness_page_get_readiness (readiness_page), wait->rule, "EV-001") == wait->present;
}

START_TEST (test_window_readiness_reads_evidence)
{
  g_autofree char *dir = custos_test_mkdtemp ();
  g_autofree char *example = custos_test_example_path ();
  g_autofree char *path = copy_to (dir, example);
  g_autofree char *evidence_path = g_build_filename (dir, "restore.txt", NULL);
  g_autofree char *sha256 = g_compute_checksum_for_string (G_CHECKSUM_SHA256, "restored\n", -1);
  FindingWait missing = { NULL, "evidence-missing", TRUE };
  FindingWait changed = { NULL, "evidence-changed", TRUE };
  FindingWait found = { NULL, "evidence-missing", FALSE };
  gboolean modified;
  CustosWindow *win;

  /* EV-001 names a file that is not there, with a checksum recorded. */
  {
    g_autoptr(GFile) file = g_file_new_for_path (path);
    g_autoptr(CustosDocument) copy = custos_file_load (file, NULL, NULL);
    CustosEvidence *evidence = CUSTOS_EVIDENCE (custos_document_lookup (copy, CUSTOS_REGISTER_EVIDENCE, "EV-001"));

    custos_evidence_set_location (evidence, "restore.txt");
    custos_evidence_set_sha256 (evidence, sha256);
    ck_assert (custos_file_save (copy, file, NULL, NULL));
  }
  win = open_window (path);
  missing.win = changed.win = found.win = win;
  gtk_widget_activate_action (GTK_WIDGET (win), "win.show-page", "s", "readiness");
  wait_for (readiness_shows, &missing, "the readiness page to report the missing file");
  modified = custos_document_get_modified (doc);
  ck_assert (!modified); /* reading records nothing */
  ck_assert_int_eq (custos_window_get_evidence_status (win, "EV-001"), CUSTOS_EVIDENCE_FILE_MISSING);

  /* The file appears, then changes: verified, then reported changed. */
  ck_assert (g_file_set_contents (evidence_path, "restored\n", -1, NULL));
  ck_assert (gtk_widget_activate_action (GTK_WIDGET (win), "win.verify-all-evidence", NULL));
  wait_for (readiness_shows, &found, "the readiness page to find the file");
  ck_assert_int_eq (custos_window_get_evidence_status (win, "EV-001"), CUSTOS_EVIDENCE_FILE_OK);
  ck_assert (g_file_set_contents (evidence_path, "not restored\n", -1, NULL));
  /* A location edited back and forth is read again, without a click. */
  custos_evidence_set_location (CUSTOS_EVIDENCE (custos_document_lookup (doc, CUSTOS_REGISTER_EVIDENCE, "EV-001")),
                                "./restore.txt");
  wait_for (readiness_shows, &changed, "the readiness page to report the changed file");
  ck_assert_int_eq (custos_window_get_evidence_status (win, "EV-001"), CUSTOS_EVIDENCE_FILE_CHANGED);
  custos_test_rmdir (dir);
}
END_TEST

/* A new document's evidence at a path relative to its folder is nowhere
 * yet: not reported missing before the document is saved. */
START_TEST (test_window_unsaved_evidence_not_missing)
{
  CustosWindow *win = custos_window_new (GTK_APPLICATION (app), custos_application_get_clock (app));
  CustosDocument *fresh;
  CustosRecord *evidence;
  g_autoptr(CustosReadiness) readiness = NULL;

  gtk_window_present (GTK_WINDOW (win));
  fresh = custos_window_get_document (win);
  evidence = custos_document_add_new (fresh, CUSTOS_REGISTER_EVIDENCE);
  custos_evidence_set_location (CUSTOS_EVIDENCE (evidence), "evidence/restore.txt");
  custos_evidence_set_sha256 (CUSTOS_EVIDENCE (evidence), "00");
  custos_test_spin_for (G_USEC_PER_SEC / 2); /* past the window's pause before it reads */
  wait_for (evidence_settled, win, "the window's readings of evidence files");
  ck_assert_int_eq (custos_window_get_evidence_status (win, custos_record_get_id (evidence)), -1);
  readiness = custos_readiness_new (fresh, custos_clock_get_today (custos_window_get_clock (win)));
  ck_assert (!has_finding (readiness, "evidence-missing", custos_record_get_id (evidence)));
  custos_document_set_modified (fresh, FALSE);
}
END_TEST

static Suite *
soa_suite (void)
{
  Suite *suite = suite_create ("soa");
  TCase *page_case = tcase_create ("page");
  TCase *example_case = tcase_create ("example");
  TCase *window_case = tcase_create ("window");

  tcase_add_checked_fixture (page_case, setup, teardown);
  tcase_add_test (page_case, test_every_control_grouped);
  tcase_add_test (page_case, test_check_waits_until_shown);
  tcase_add_test (page_case, test_selected_by_follows_risks);
  tcase_add_test (page_case, test_consistency_in_place);
  tcase_add_test (page_case, test_bulk_edit_one_undo);
  tcase_add_test (page_case, test_headings_not_selectable);
  tcase_add_test (page_case, test_migration_through_the_dialog);
  tcase_add_test (page_case, test_migration_dialog_refuses_2022);
  suite_add_tcase (suite, page_case);

  tcase_add_checked_fixture (example_case, setup_example, teardown);
  tcase_add_test (example_case, test_filters_on_example);
  tcase_add_test (example_case, test_csv_export);
  suite_add_tcase (suite, example_case);

  /* One application for the window tests: it stays registered on the bus. */
  tcase_add_unchecked_fixture (window_case, setup_window, teardown_window);
  tcase_add_checked_fixture (window_case, NULL, close_windows);
  tcase_add_test (window_case, test_window_links_bulk_undo_and_csv);
  tcase_add_test (window_case, test_window_migrates_2013);
  tcase_add_test (window_case, test_window_evidence_checksum);
  tcase_add_test (window_case, test_window_readiness_reads_evidence);
  tcase_add_test (window_case, test_window_unsaved_evidence_not_missing);
  suite_add_tcase (suite, window_case);
  return suite;
}

int
main (void)
{
  return custos_test_run_window_suite (soa_suite ());
}
