/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-performance.c — clauses 9 and 10 in the window: trend charts,
 * audit coverage, raising nonconformities from findings, management review
 * pre-fill, the 5-whys editor and the nonconformity life cycle (Xvfb) */
#include "config.h"

#include <adwaita.h>
#include <math.h>
#include <string.h>

#include "custos-audit-page.h"
#include "custos-coverage-view.h"
#include "custos-file.h"
#include "custos-history.h"
#include "custos-monitoring-page.h"
#include "custos-nc-page.h"
#include "custos-record-editor.h"
#include "custos-review-page.h"
#include "custos-review-prefill.h"
#include "custos-test-util.h"
#include "custos-trend-view.h"
#include "custos-trend.h"
#include "custos-window.h"

/* The example's reference date (docs/READINESS.md). */
#define TODAY_ISO "2026-11-28"

static CustosDocument *doc;
static CustosHistory *history;
static CustosClock *today_clock;   /* at the example's reference date */
static GtkWidget *window;

static void
today (GDate *date)
{
  g_date_clear (date, 1);
  g_date_set_dmy (date, 28, 11, 2026);
}

static CustosDocument *
load_example (void)
{
  g_autofree char *path = custos_test_example_path ();
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  CustosDocument *document = custos_file_load (file, NULL, &error);

  ck_assert_msg (document != NULL, "cannot load the example: %s", error ? error->message : "?");
  return document;
}

static void
setup (void)
{
  GDate date;

  doc = load_example ();
  history = custos_history_new (doc);
  today (&date);
  today_clock = custos_clock_new_fixed (&date);
  window = NULL;
}

/* Shows widget alone in a window of the usual size. */
static void
show (GtkWidget *widget)
{
  window = gtk_window_new ();
  gtk_window_set_default_size (GTK_WINDOW (window), 1100, 760);
  gtk_window_set_child (GTK_WINDOW (window), widget);
  gtk_window_present (GTK_WINDOW (window));
  custos_test_spin ();
}

static void
teardown (void)
{
  if (window != NULL)
    gtk_window_destroy (GTK_WINDOW (window));
  custos_test_spin ();
  window = NULL;
  g_clear_object (&history);
  custos_assert_finalized (today_clock);
  today_clock = NULL;
  /* Nothing the pages bound or connected may keep the document alive. */
  custos_assert_finalized (doc);
  doc = NULL;
}

static CustosRecord *
lookup (CustosRegister  reg,
        const char     *id)
{
  CustosRecord *record = custos_document_lookup (doc, reg, id);

  ck_assert_msg (record != NULL, "no record %s", id);
  return record;
}

static guint
count_rows (GtkListBox *list)
{
  guint n = 0;

  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (list)); row != NULL;
       row = gtk_widget_get_next_sibling (row))
    n += GTK_IS_LIST_BOX_ROW (row);
  return n;
}

/* Depth-first search of the widget tree. */
static GtkWidget *
find_type (GtkWidget *root,
           GType      type)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (root, type))
    return root;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_type (child, type);
      if (found != NULL)
        return found;
    }
  return NULL;
}

/* The label of a button somewhere under root, or NULL. */
static GtkWidget *
find_button (GtkWidget  *root,
             const char *label)
{
  if (GTK_IS_BUTTON (root) && g_strcmp0 (gtk_button_get_label (GTK_BUTTON (root)), label) == 0)
    return root;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_button (child, label);
      if (found != NULL)
        return found;
    }
  return NULL;
}

static void
assert_contains (const char *text,
                 const char *part)
{
  ck_assert_msg (text != NULL && strstr (text, part) != NULL, "“%s” not in:\n%s", part, text ? text : "(null)");
}

/* Trend chart geometry ---------------------------------------------------- */

static CustosTrendData *
three_points (gboolean higher_is_better)
{
  CustosTrendData *data = custos_trend_data_new (20, higher_is_better, "%");
  GDate date;

  /* Added out of order: the data keeps them by date. */
  g_date_clear (&date, 1);
  g_date_set_dmy (&date, 1, 6, 2026);
  custos_trend_data_add (data, &date, 30, "RES-2");
  g_date_set_dmy (&date, 1, 1, 2026);
  custos_trend_data_add (data, &date, 10, "RES-1");
  g_date_set_dmy (&date, 1, 12, 2026);
  custos_trend_data_add (data, &date, 25, "RES-3");
  return data;
}

START_TEST (test_trend_geometry)
{
  static const double sizes[][2] = { { 600, 250 }, { 320, 160 }, { 160, 90 }, { 120, 40 }, { 1400, 700 } };
  g_autoptr(CustosTrendData) data = three_points (TRUE);
  const char *id;

  ck_assert_uint_eq (custos_trend_data_get_n_points (data), 3);
  custos_trend_data_get_point (data, 0, NULL, NULL, &id);
  ck_assert_str_eq (id, "RES-1");
  custos_trend_data_get_point (data, 2, NULL, NULL, &id);
  ck_assert_str_eq (id, "RES-3");

  for (guint s = 0; s < G_N_ELEMENTS (sizes); s++)
    {
      double w = sizes[s][0], h = sizes[s][1];
      CustosTrendGeometry g;
      double previous_x = -INFINITY, ty, y10, y30;

      custos_trend_geometry (w, h, data, TRUE, &g);
      /* The plot box lies inside the area. */
      ck_assert (g.x >= 0 && g.y >= 0 && g.x + g.width <= w + 1e-9 && g.y + g.height <= h + 1e-9);
      ck_assert (g.width > 0 && g.height > 0);
      ck_assert (g.value_min <= 10 && g.value_max >= 30);
      ck_assert_int_eq (g.labels, w >= 160 && h >= 90);

      for (guint i = 0; i < 3; i++)
        {
          GDate date;
          double value, x, y;

          custos_trend_data_get_point (data, i, &date, &value, NULL);
          x = custos_trend_x (&g, g_date_get_julian (&date));
          y = custos_trend_y (&g, value);
          ck_assert_msg (x >= g.x && x <= g.x + g.width && y >= g.y && y <= g.y + g.height,
                         "point %u at %g,%g outside the box at %gx%g", i, x, y, w, h);
          ck_assert (x > previous_x); /* time runs left to right */
          previous_x = x;
          /* The point drawn there is the one found there. */
          ck_assert_int_eq (custos_trend_hit_test (w, h, data, TRUE, x, y), (int) i);
        }
      /* Values run upwards; the target line lies between 10 and 30. */
      ty = custos_trend_y (&g, 20);
      y10 = custos_trend_y (&g, 10);
      y30 = custos_trend_y (&g, 30);
      ck_assert (y30 < ty && ty < y10);
      ck_assert (ty > g.y && ty < g.y + g.height);
      ck_assert_msg (fabs ((y10 - ty) - (ty - y30)) < 1e-6, "the value axis is not linear at %gx%g", w, h);
    }
  /* Far from every point, nothing is hit. */
  ck_assert_int_eq (custos_trend_hit_test (600, 250, data, TRUE, 1, 1), -1);
}
END_TEST

/* The colour drawn at a point of an image surface, as 0xRRGGBB. */
static guint32
pixel_at (cairo_surface_t *surface,
          double           x,
          double           y)
{
  guint32 *row;

  cairo_surface_flush (surface);
  row = (guint32 *) (cairo_image_surface_get_data (surface) + (int) y * cairo_image_surface_get_stride (surface));
  return row[(int) x] & 0xffffff;
}

static gboolean
is_reddish (guint32 rgb)
{
  return ((rgb >> 16) & 0xff) > 150 && ((rgb >> 8) & 0xff) < 90;
}

static gboolean
is_greenish (guint32 rgb)
{
  return ((rgb >> 8) & 0xff) > 120 && ((rgb >> 16) & 0xff) < 90;
}

START_TEST (test_trend_colours_follow_direction)
{
  for (int higher = 0; higher <= 1; higher++)
    {
      g_autoptr(CustosTrendData) data = three_points (higher);
      cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, 600, 250);
      cairo_t *cr = cairo_create (surface);
      CustosTrendStyle style;
      CustosTrendGeometry g;
      GDate date;
      double value;
      guint32 rgb;

      custos_trend_style_init (&style);
      style.background_rgba[0] = style.background_rgba[1] = style.background_rgba[2] = style.background_rgba[3] = 1;
      custos_trend_draw (cr, 600, 250, data, &style);
      custos_trend_geometry (600, 250, data, TRUE, &g);
      /* 10 misses a target of 20 when higher is better, meets it otherwise; 30 the reverse. */
      custos_trend_data_get_point (data, 0, &date, &value, NULL);
      rgb = pixel_at (surface, custos_trend_x (&g, g_date_get_julian (&date)), custos_trend_y (&g, value));
      ck_assert_msg (higher ? is_reddish (rgb) : is_greenish (rgb), "10 drawn as #%06x", rgb);
      custos_trend_data_get_point (data, 1, &date, &value, NULL);
      rgb = pixel_at (surface, custos_trend_x (&g, g_date_get_julian (&date)), custos_trend_y (&g, value));
      ck_assert_msg (higher ? is_greenish (rgb) : is_reddish (rgb), "30 drawn as #%06x", rgb);
      ck_assert (custos_trend_meets_target (30, 20, higher) == higher);
      cairo_destroy (cr);
      cairo_surface_destroy (surface);
    }
}
END_TEST

START_TEST (test_trend_of_measure)
{
  CustosRecord *measure = lookup (CUSTOS_REGISTER_MEASURES, "MON-001");
  g_autoptr(CustosTrendData) data = custos_trend_data_new_for_measure (doc, measure);
  g_autofree char *target = NULL;
  const char *id;
  double value;

  /* MON-001: four results, the oldest first; 5 %, lower is better. */
  ck_assert_uint_eq (custos_trend_data_get_n_points (data), 4);

  /* A result whose date the file format would refuse is not charted, as the
   * readiness check does not count it either. */
  {
    static const char * const not_dates[] = { "2026-1-05", "2026-01-05 ", " 2026-01-05", "+2026-01-05" };

    for (guint i = 0; i < G_N_ELEMENTS (not_dates); i++)
      {
        CustosRecord *result = custos_document_add_new (doc, CUSTOS_REGISTER_MEASUREMENTS);
        g_autoptr(CustosTrendData) again = NULL;

        custos_measurement_set_measure (CUSTOS_MEASUREMENT (result), "MON-001");
        custos_measurement_set_date (CUSTOS_MEASUREMENT (result), not_dates[i]);
        custos_measurement_set_value (CUSTOS_MEASUREMENT (result), 7);
        again = custos_trend_data_new_for_measure (doc, measure);
        ck_assert_msg (custos_trend_data_get_n_points (again) == 4, "“%s” was charted", not_dates[i]);
        custos_document_remove (doc, CUSTOS_REGISTER_MEASUREMENTS, result);
      }
  }
  custos_trend_data_get_point (data, 0, NULL, &value, &id);
  ck_assert_str_eq (id, "RES-003");
  ck_assert_double_eq (value, 18);
  custos_trend_data_get_point (data, 3, NULL, &value, &id);
  ck_assert_str_eq (id, "RES-029");
  ck_assert_double_eq_tol (value, 3.4, 1e-9);
  ck_assert_double_eq (custos_trend_data_get_target (data), 5);
  ck_assert (!custos_trend_data_get_higher_is_better (data));
  target = custos_trend_format_value (custos_trend_data_get_target (data), custos_trend_data_get_unit (data));
  ck_assert_str_eq (target, "5 %");
}
END_TEST

/* Monitoring page ----------------------------------------------------------- */

START_TEST (test_monitoring_add_result)
{
  CustosMonitoringPage *page = CUSTOS_MONITORING_PAGE (custos_monitoring_page_new ());
  CustosRecord *measure = lookup (CUSTOS_REGISTER_MEASURES, "MON-004");
  guint before = custos_document_count (doc, CUSTOS_REGISTER_MEASUREMENTS);
  CustosTrendView *trend = custos_monitoring_page_get_trend_view (page);
  CustosRecord *result;

  show (GTK_WIDGET (page));
  g_object_set (page, "document", doc, "clock", today_clock, NULL);
  custos_register_view_select (custos_monitoring_page_get_register_view (page), measure);
  custos_test_spin ();
  ck_assert_ptr_eq (custos_trend_view_get_measure (trend), measure);
  ck_assert_uint_eq (custos_trend_data_get_n_points (custos_trend_view_get_data (trend)), 3);
  ck_assert_uint_eq (count_rows (custos_monitoring_page_get_results_list (page)), 3);

  ck_assert (gtk_widget_activate_action (GTK_WIDGET (page), "monitoring.add-result", "(sds)",
                                         "2027-01-12", 1.5, "Q4 test"));
  custos_test_spin ();
  ck_assert_uint_eq (custos_document_count (doc, CUSTOS_REGISTER_MEASUREMENTS), before + 1);
  result = g_list_model_get_item (custos_document_get_register (doc, CUSTOS_REGISTER_MEASUREMENTS), before);
  g_object_unref (result);
  ck_assert_str_eq (custos_measurement_get_measure (CUSTOS_MEASUREMENT (result)), "MON-004");
  ck_assert_str_eq (custos_measurement_get_date (CUSTOS_MEASUREMENT (result)), "2027-01-12");
  ck_assert_double_eq (custos_measurement_get_value (CUSTOS_MEASUREMENT (result)), 1.5);
  ck_assert_str_eq (custos_measurement_get_note (CUSTOS_MEASUREMENT (result)), "Q4 test");
  /* The chart and the list follow. */
  ck_assert_uint_eq (custos_trend_data_get_n_points (custos_trend_view_get_data (trend)), 4);
  ck_assert_uint_eq (count_rows (custos_monitoring_page_get_results_list (page)), 4);

  /* One step to undo. */
  ck_assert (custos_history_undo (history));
  custos_test_spin ();
  ck_assert_uint_eq (custos_document_count (doc, CUSTOS_REGISTER_MEASUREMENTS), before);
  ck_assert_uint_eq (count_rows (custos_monitoring_page_get_results_list (page)), 3);

  /* A date that is not one records nothing. */
  ck_assert_ptr_null (custos_monitoring_page_add_result (page, "12/01/2027", 2, NULL));
  ck_assert_uint_eq (custos_document_count (doc, CUSTOS_REGISTER_MEASUREMENTS), before);
}
END_TEST

/* Audit coverage -------------------------------------------------------------- */

START_TEST (test_coverage_rows_example)
{
  static const char *expected[] = {
    "PROC-001 | 2025: AUD-001 done | 2026: AUD-003 planned | 2027: AUD-004 planned | covered",
    "PROC-002 | 2025: AUD-001 done | 2026: AUD-003 planned | 2027: AUD-004 planned | covered",
    "PROC-003 | 2025: AUD-001 done | 2026: AUD-003 planned | 2027: AUD-004 planned | covered",
    "PROC-004 | 2025: AUD-001 done | 2026: AUD-002 done | 2027: AUD-004 planned | covered",
    "PROC-005 | 2025: AUD-001 done | 2026: AUD-002 done | 2027: AUD-004 planned, AUD-005 planned | covered",
    "PROC-006 | 2025: AUD-001 done | 2026: AUD-002 done | 2027: AUD-004 planned, AUD-005 planned | covered",
    "PROC-007 | 2025: AUD-001 done | 2026: AUD-002 done | 2027: AUD-004 planned | covered",
    "PROC-008 | 2025: AUD-001 done | 2026: AUD-003 planned | 2027: AUD-004 planned | covered",
  };
  CustosCoverageView *view = CUSTOS_COVERAGE_VIEW (custos_coverage_view_new ());
  GtkListBox *list;
  CustosRecord *process, *audit;

  show (GTK_WIDGET (view));
  g_object_set (view, "clock", today_clock, NULL);
  custos_coverage_view_set_document (view, doc);
  ck_assert_uint_eq (custos_coverage_view_get_first_year (view), 2025);
  ck_assert_uint_eq (custos_coverage_view_get_n_rows (view), G_N_ELEMENTS (expected));
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      g_autofree char *summary = custos_coverage_view_get_row_summary (view, i);
      ck_assert_str_eq (summary, expected[i]);
    }
  list = GTK_LIST_BOX (find_type (GTK_WIDGET (view), GTK_TYPE_LIST_BOX));
  ck_assert_uint_eq (count_rows (list), G_N_ELEMENTS (expected));
  /* Clauses 4–10 and the four themes, year by year, from the audits' coverage. */
  ck_assert_uint_eq (custos_coverage_view_get_n_clause_rows (view), 11);
  {
    g_autofree char *clause4 = custos_coverage_view_get_clause_summary (view, 0);
    g_autofree char *physical = custos_coverage_view_get_clause_summary (view, 9);

    ck_assert_str_eq (clause4, "Clause 4 | 2025: AUD-001 | 2026: AUD-003 | 2027: AUD-004 | covered");
    ck_assert_str_eq (physical, "Physical controls | 2025: AUD-001 | 2026: AUD-003 | 2027: AUD-004 | covered");
  }
  /* A theme the cycle leaves out is not covered. */
  {
    GListModel *audits = custos_document_get_register (doc, CUSTOS_REGISTER_AUDITS);
    g_autofree char *physical = NULL;

    for (guint i = 0; i < g_list_model_get_n_items (audits); i++)
      {
        g_autoptr(CustosRecord) each = g_list_model_get_item (audits, i);
        custos_audit_set_coverage (CUSTOS_AUDIT (each),
                                   custos_audit_get_coverage (CUSTOS_AUDIT (each)) & ~CUSTOS_COVERAGE_PHYSICAL);
      }
    custos_test_spin ();
    physical = custos_coverage_view_get_clause_summary (view, 9);
    ck_assert_str_eq (physical, "Physical controls | 2025: — | 2026: — | 2027: — | not covered");
  }

  /* A new process nobody audits is flagged; the row appears after the change. */
  process = custos_document_add_new (doc, CUSTOS_REGISTER_PROCESSES);
  custos_process_set_name (CUSTOS_PROCESS (process), "Payroll year end");
  custos_test_spin ();
  ck_assert_uint_eq (custos_coverage_view_get_n_rows (view), 9);
  ck_assert_uint_eq (count_rows (list), 9);
  {
    g_autofree char *summary = custos_coverage_view_get_row_summary (view, 8);
    ck_assert_str_eq (summary, "PROC-009 | 2025: — | 2026: — | 2027: — | not covered");
  }

  /* An audit planned in the past and not carried out is a missed mark, not coverage. */
  audit = custos_document_add_new (doc, CUSTOS_REGISTER_AUDITS);
  custos_audit_set_title (CUSTOS_AUDIT (audit), "Year end check");
  custos_audit_set_processes (CUSTOS_AUDIT (audit), (const char *[]) { "PROC-009", NULL });
  custos_audit_set_planned (CUSTOS_AUDIT (audit), "2026-10-01");
  custos_test_spin ();
  {
    g_autofree char *summary = custos_coverage_view_get_row_summary (view, 8);
    ck_assert_str_eq (summary, "PROC-009 | 2025: — | 2026: AUD-009 missed | 2027: — | not covered");
  }
  /* Planned again for next year: covered. */
  custos_audit_set_planned (CUSTOS_AUDIT (audit), "2027-03-01");
  custos_test_spin ();
  {
    g_autofree char *summary = custos_coverage_view_get_row_summary (view, 8);
    ck_assert_str_eq (summary, "PROC-009 | 2025: — | 2026: — | 2027: AUD-009 planned | covered");
  }
  /* Audited four years ago and only planned since: overdue. */
  {
    CustosRecord *old = custos_document_add_new (doc, CUSTOS_REGISTER_AUDITS);
    g_autofree char *summary = NULL;

    custos_audit_set_title (CUSTOS_AUDIT (old), "First audit");
    custos_audit_set_processes (CUSTOS_AUDIT (old), (const char *[]) { "PROC-009", NULL });
    custos_audit_set_done (CUSTOS_AUDIT (old), "2022-05-02");
    custos_test_spin ();
    summary = custos_coverage_view_get_row_summary (view, 8);
    ck_assert_str_eq (summary, "PROC-009 | 2025: — | 2026: — | 2027: AUD-009 planned | overdue");
  }
}
END_TEST

/* Raising a nonconformity from a finding ------------------------------------- */

START_TEST (test_raise_nonconformity_from_finding)
{
  CustosRecord *finding = lookup (CUSTOS_REGISTER_FINDINGS, "FND-005");
  CustosWindow *win = custos_window_new (NULL, today_clock);
  CustosAuditPage *page;
  CustosRegisterView *view;
  CustosNcPage *nc_page;
  CustosRecord *nc;
  guint n;
  CustosHistory *win_history;

  /* The example raised NC-007 for FND-005: take the link away to raise anew. */
  custos_finding_set_nonconformity (CUSTOS_FINDING (finding), NULL);
  n = custos_document_count (doc, CUSTOS_REGISTER_NONCONFORMITIES);
  window = GTK_WIDGET (win);
  custos_window_set_new_document (win, doc);
  gtk_window_present (GTK_WINDOW (win));
  /* The first frame, before anyone can choose a page: GTK 4.8 warns when
   * pages are switched before the window was ever laid out. */
  while (gtk_widget_get_width (window) == 0)
    g_main_context_iteration (NULL, TRUE);
  custos_test_spin ();
  gtk_widget_activate_action (window, "win.show-page", "s", "performance");
  custos_test_spin ();
  page = CUSTOS_AUDIT_PAGE (find_type (window, CUSTOS_TYPE_AUDIT_PAGE));
  ck_assert_ptr_nonnull (page);
  /* The page opens on the audit carried out last, and lists its findings. */
  view = custos_audit_page_get_register_view (page);
  ck_assert_str_eq (custos_record_get_id (custos_register_view_get_selected (view)), "AUD-002");
  ck_assert_uint_eq (count_rows (custos_audit_page_get_findings_list (page)), 4);
  ck_assert_ptr_nonnull (find_button (GTK_WIDGET (custos_audit_page_get_findings_list (page)), "_Raise Nonconformity"));

  /* One click. */
  ck_assert (gtk_widget_activate_action (GTK_WIDGET (page), "audits.raise-nonconformity", "s", "FND-005"));
  custos_test_spin ();
  ck_assert_uint_eq (custos_document_count (doc, CUSTOS_REGISTER_NONCONFORMITIES), n + 1);
  nc = lookup (CUSTOS_REGISTER_NONCONFORMITIES, "NC-008");
  ck_assert_str_eq (custos_finding_get_nonconformity (CUSTOS_FINDING (finding)), "NC-008");
  ck_assert_int_eq (custos_nonconformity_get_source (CUSTOS_NONCONFORMITY (nc)), CUSTOS_NC_SOURCE_AUDIT);
  ck_assert_int_eq (custos_nonconformity_get_status (CUSTOS_NONCONFORMITY (nc)), CUSTOS_NC_STATUS_OPEN);
  ck_assert_str_eq (custos_nonconformity_get_raised (CUSTOS_NONCONFORMITY (nc)),
                    "2026-06-17"); /* the audit's date */
  ck_assert_str_eq (custos_nonconformity_get_title (CUSTOS_NONCONFORMITY (nc)),
                    "The SoA recorded 8.11 Data masking as implemented, but masking was applied only in…");
  assert_contains (custos_nonconformity_get_description (CUSTOS_NONCONFORMITY (nc)),
                   "Internal audit AUD-002 (finding FND-005, 6.1.3 d)):");
  assert_contains (custos_nonconformity_get_description (CUSTOS_NONCONFORMITY (nc)),
                   "SoA corrected to partial in issue 1.1.");

  /* … and shows it. */
  ck_assert_str_eq (custos_window_get_visible_page (win), "improvement");
  nc_page = CUSTOS_NC_PAGE (find_type (window, CUSTOS_TYPE_NC_PAGE));
  ck_assert_ptr_eq (custos_nc_page_get_nonconformity (nc_page), nc);

  /* Raising again gives the same one, and changes nothing. */
  {
    GDate date;

    today (&date);
    ck_assert_ptr_eq (custos_audit_raise_nonconformity (doc, finding, &date), nc);
    ck_assert_uint_eq (custos_document_count (doc, CUSTOS_REGISTER_NONCONFORMITIES), n + 1);
  }

  /* One undo removes both the nonconformity and the link. */
  win_history = custos_window_get_history (win);
  ck_assert (custos_history_undo (win_history));
  custos_test_spin ();
  ck_assert_uint_eq (custos_document_count (doc, CUSTOS_REGISTER_NONCONFORMITIES), n);
  ck_assert_ptr_null (custos_finding_get_nonconformity (CUSTOS_FINDING (finding)));
  ck_assert_ptr_nonnull (find_button (GTK_WIDGET (custos_audit_page_get_findings_list (page)), "_Raise Nonconformity"));
  /* And one redo brings both back. */
  ck_assert (custos_history_redo (win_history));
  ck_assert_uint_eq (custos_document_count (doc, CUSTOS_REGISTER_NONCONFORMITIES), n + 1);
  ck_assert_str_eq (custos_finding_get_nonconformity (CUSTOS_FINDING (finding)), "NC-008");

  /* The window holds a reference to the document until it goes. */
  gtk_window_destroy (GTK_WINDOW (win));
  window = NULL;
}
END_TEST

/* Management review pre-fill ---------------------------------------------- */

START_TEST (test_prefill_example)
{
  static const struct { CustosReviewInput input; const char *parts[8]; } checks[] = {
    { CUSTOS_REVIEW_INPUT_PREVIOUS_ACTIONS,
      { "5 actions from earlier management reviews", "Done: 3", "In progress: 1", "Planned: 1",
        "2 still open, 0 of them overdue", "MRA-001", "MRA-005", NULL } },
    { CUSTOS_REVIEW_INPUT_ISSUE_CHANGES,
      { "11 issues recorded: 4 internal, 7 external", "9 of them are not named in the minutes of MR-001 (2026-09-22)",
        "ISS-002", NULL } },
    { CUSTOS_REVIEW_INPUT_PARTY_CHANGES,
      { "10 interested parties recorded, 9 of them relevant to the ISMS",
        "IP-006 Professional indemnity and cyber insurers", NULL } },
    { CUSTOS_REVIEW_INPUT_NONCONFORMITIES,
      { "7 nonconformities", "Action planned: 1", "Verifying effectiveness: 1", "Closed: 5", "Effective: 5",
        "Raised since MR-001 (2026-09-22): 1", "0 corrective actions overdue", NULL } },
    { CUSTOS_REVIEW_INPUT_MONITORING,
      { "6 measures; latest result on target: 5, off target: 1, no result yet: 0",
        "MON-001 Phishing simulation click rate: 3.4 % on 2026-11-10, on target (target 5 %; previous 7 %)",
        "MON-002 Annual security training completion: 93.3 % on 2026-09-30, off target", NULL } },
    { CUSTOS_REVIEW_INPUT_AUDITS,
      { "8 audits in the programme: 2 carried out, 6 planned", "7 findings", "Major nonconformity: 1",
        "Minor nonconformity: 3", "Observation: 2", "Opportunity for improvement: 1", NULL } },
    { CUSTOS_REVIEW_INPUT_OBJECTIVES,
      { "7 objectives", "On track: 5", "At risk: 1", "Achieved: 1", "OBJ-003", NULL } },
    { CUSTOS_REVIEW_INPUT_FEEDBACK,
      { "Complaints recorded as nonconformities: 0", "Incidents since MR-001 (2026-09-22)",
        "Professional indemnity", NULL } },
    { CUSTOS_REVIEW_INPUT_RISKS,
      { "31 risks, 30 of them open", "Risk treatment plan: 33 actions", "Done: 24", "In progress: 8", "2 overdue",
        "Overdue: ACT-009", "Overdue: ACT-013", NULL } },
    { CUSTOS_REVIEW_INPUT_OPPORTUNITIES,
      { "1 opportunity for improvement raised by internal audits", "FND-007 (AUD-002, A.8.13)", NULL } },
  };
  g_autofree char *attendees = custos_review_prefill_attendees (doc);
  GDate date;

  today (&date);
  ck_assert_str_eq (attendees, "David Harrington (Managing Partner), Priya Sharma (Tax Partner), "
                               "James Ogden (Audit and Accounts Partner)");
  for (guint i = 0; i < G_N_ELEMENTS (checks); i++)
    {
      g_autofree char *text = custos_review_prefill_input (doc, checks[i].input, &date, NULL);

      ck_assert_msg (text != NULL && *text != '\0', "input %s is empty",
                     custos_review_input_clause (checks[i].input));
      for (guint p = 0; checks[i].parts[p] != NULL; p++)
        assert_contains (text, checks[i].parts[p]);
    }
  /* Every input is covered, once. */
  ck_assert_uint_eq (G_N_ELEMENTS (checks), CUSTOS_N_REVIEW_INPUTS);

  /* Nothing to say is still something to say. */
  {
    g_autoptr(CustosDocument) empty = custos_document_new (CUSTOS_EDITION_2022);
    for (guint i = 0; i < CUSTOS_N_REVIEW_INPUTS; i++)
      {
        g_autofree char *text = custos_review_prefill_input (empty, i, &date, NULL);
        ck_assert (text != NULL && *text != '\0');
      }
  }
}
END_TEST

START_TEST (test_new_review_and_actions)
{
  CustosReviewPage *page = CUSTOS_REVIEW_PAGE (custos_review_page_new ());
  CustosRegisterView *view = custos_review_page_get_register_view (page);
  CustosRecordEditor *editor;
  CustosRecord *review, *action;
  guint n = custos_document_count (doc, CUSTOS_REGISTER_REVIEWS);
  guint n_actions = custos_document_count (doc, CUSTOS_REGISTER_REVIEW_ACTIONS);

  show (GTK_WIDGET (page));
  g_object_set (page, "document", doc, "clock", today_clock, NULL);
  custos_test_spin ();
  /* The latest review and the actions decided at it. */
  ck_assert_str_eq (custos_record_get_id (custos_register_view_get_selected (view)), "MR-001");
  ck_assert_uint_eq (count_rows (custos_review_page_get_actions_list (page)), 5);
  editor = custos_review_page_get_action_editor (page);
  ck_assert_str_eq (custos_record_get_id (custos_record_editor_get_record (editor)), "MRA-001");

  ck_assert (gtk_widget_activate_action (GTK_WIDGET (page), "review.new", NULL));
  custos_test_spin ();
  ck_assert_uint_eq (custos_document_count (doc, CUSTOS_REGISTER_REVIEWS), n + 1);
  review = custos_register_view_get_selected (view);
  ck_assert_str_eq (custos_record_get_id (review), "MR-002");
  ck_assert_str_eq (custos_review_get_date (CUSTOS_REVIEW (review)), TODAY_ISO);
  assert_contains (custos_review_get_attendees (CUSTOS_REVIEW (review)),
                   "David Harrington (Managing Partner)");
  for (guint i = 0; i < CUSTOS_N_REVIEW_INPUTS; i++)
    ck_assert_msg (custos_record_get_string_at (review, custos_review_input_field (i)) != NULL,
                   "%s not filled", custos_review_input_clause (i));
  ck_assert_ptr_null (custos_review_get_decisions (CUSTOS_REVIEW (review)));
  /* MR-001 is now the previous review, and its actions are the earlier ones. */
  assert_contains (custos_review_get_previous_actions (CUSTOS_REVIEW (review)),
                   "5 actions from earlier management reviews");
  ck_assert_uint_eq (count_rows (custos_review_page_get_actions_list (page)), 0);

  /* A decided action belongs to the review and is edited in place. */
  ck_assert (gtk_widget_activate_action (GTK_WIDGET (page), "review.add-action", NULL));
  custos_test_spin ();
  ck_assert_uint_eq (custos_document_count (doc, CUSTOS_REGISTER_REVIEW_ACTIONS), n_actions + 1);
  action = custos_record_editor_get_record (editor);
  ck_assert_ptr_nonnull (action);
  ck_assert_str_eq (custos_review_action_get_review (CUSTOS_REVIEW_ACTION (action)), "MR-002");
  ck_assert_uint_eq (count_rows (custos_review_page_get_actions_list (page)), 1);

  /* Fill Empty Inputs keeps what was written and fills only what was emptied. */
  custos_review_set_monitoring (CUSTOS_REVIEW (review), "Discussed: all on target but training.");
  custos_review_set_audits (CUSTOS_REVIEW (review), NULL);
  custos_review_set_risks (CUSTOS_REVIEW (review), NULL);
  custos_history_seal (history);
  ck_assert (gtk_widget_activate_action (GTK_WIDGET (page), "review.fill", NULL));
  ck_assert_str_eq (custos_review_get_monitoring (CUSTOS_REVIEW (review)),
                    "Discussed: all on target but training.");
  assert_contains (custos_review_get_audits (CUSTOS_REVIEW (review)), "8 audits in the programme");
  assert_contains (custos_review_get_risks (CUSTOS_REVIEW (review)), "31 risks");

  /* Each verb is one step: undo the fill, the action, then the review. */
  ck_assert (custos_history_undo (history));
  ck_assert_ptr_null (custos_review_get_audits (CUSTOS_REVIEW (review)));
  ck_assert (custos_history_undo (history)); /* risks emptied */
  ck_assert (custos_history_undo (history)); /* audits emptied */
  ck_assert (custos_history_undo (history)); /* monitoring typed */
  ck_assert (custos_history_undo (history)); /* the action */
  ck_assert_uint_eq (custos_document_count (doc, CUSTOS_REGISTER_REVIEW_ACTIONS), n_actions);
  ck_assert (custos_history_undo (history)); /* the review */
  ck_assert_uint_eq (custos_document_count (doc, CUSTOS_REGISTER_REVIEWS), n);
}
END_TEST

/* Nonconformities: the 5 whys and the life cycle ------------------------------- */

static CustosNcPage *
show_nc_page (const char *id)
{
  CustosNcPage *page = CUSTOS_NC_PAGE (custos_nc_page_new ());

  show (GTK_WIDGET (page));
  g_object_set (page, "document", doc, "clock", today_clock, NULL);
  custos_test_spin ();
  if (id != NULL)
    {
      CustosRecord *nc = lookup (CUSTOS_REGISTER_NONCONFORMITIES, id);

      custos_register_view_select (custos_nc_page_get_register_view (page), nc);
      custos_test_spin ();
    }
  return page;
}

START_TEST (test_five_whys)
{
  CustosNcPage *page = show_nc_page (NULL);
  CustosRecord *nc;
  const char * const *whys;
  GtkTextBuffer *buffer;
  g_autofree char *shown = NULL;
  GtkTextIter start, end;

  /* The page opens on the first nonconformity still open. */
  nc = custos_nc_page_get_nonconformity (page);
  ck_assert_str_eq (custos_record_get_id (nc), "NC-002");
  nc = lookup (CUSTOS_REGISTER_NONCONFORMITIES, "NC-004");
  custos_register_view_select (custos_nc_page_get_register_view (page), nc);
  custos_test_spin ();
  nc = custos_nc_page_get_nonconformity (page);
  ck_assert_str_eq (custos_record_get_id (nc), "NC-004");

  /* Reads: two whys in five rows. */
  ck_assert_uint_eq (custos_nc_page_get_n_whys (page), 5);
  ck_assert_str_eq (gtk_editable_get_text (custos_nc_page_get_why (page, 0)),
                    "Why were the expiries not noticed? Training records were reviewed only at the annual appraisal.");
  ck_assert_str_eq (gtk_editable_get_text (custos_nc_page_get_why (page, 1)),
                    "Why only then? No one was assigned to watch expiry dates between appraisals.");
  ck_assert_str_eq (gtk_editable_get_text (custos_nc_page_get_why (page, 2)), "");

  /* Writes: a third answer, and blank answers are left out. */
  gtk_editable_set_text (custos_nc_page_get_why (page, 2),
                         "  Why was no one assigned? The ISMS roles list no such duty. ");
  whys = custos_nonconformity_get_whys (CUSTOS_NONCONFORMITY (nc));
  ck_assert_uint_eq (g_strv_length ((char **) whys), 3);
  ck_assert_str_eq (whys[2], "Why was no one assigned? The ISMS roles list no such duty.");
  gtk_editable_set_text (custos_nc_page_get_why (page, 1), "");
  whys = custos_nonconformity_get_whys (CUSTOS_NONCONFORMITY (nc));
  ck_assert_uint_eq (g_strv_length ((char **) whys), 2);
  ck_assert_str_eq (whys[1], "Why was no one assigned? The ISMS roles list no such duty.");
  /* What the user typed stays where it was typed. */
  ck_assert_str_eq (gtk_editable_get_text (custos_nc_page_get_why (page, 2)),
                    "  Why was no one assigned? The ISMS roles list no such duty. ");

  /* Reads back what others write (the form, undo): six whys, six rows. */
  custos_history_seal (history);
  custos_nonconformity_set_whys (CUSTOS_NONCONFORMITY (nc),
                                 (const char *[]){ "1", "2", "3", "4", "5", "6", NULL });
  ck_assert_uint_eq (custos_nc_page_get_n_whys (page), 6);
  ck_assert_str_eq (gtk_editable_get_text (custos_nc_page_get_why (page, 5)), "6");
  ck_assert_str_eq (gtk_editable_get_text (custos_nc_page_get_why (page, 0)), "1");
  ck_assert (custos_history_undo (history));
  ck_assert_uint_eq (custos_nc_page_get_n_whys (page), 5);
  ck_assert_str_eq (gtk_editable_get_text (custos_nc_page_get_why (page, 1)),
                    "Why was no one assigned? The ISMS roles list no such duty.");
  /* Ask why again: a sixth row, which writes like the others. */
  ck_assert (gtk_widget_activate_action (GTK_WIDGET (page), "nc.add-why", NULL));
  ck_assert_uint_eq (custos_nc_page_get_n_whys (page), 6);

  /* Emptied, the field is empty (not a list of blanks). */
  for (guint i = 0; i < custos_nc_page_get_n_whys (page); i++)
    gtk_editable_set_text (custos_nc_page_get_why (page, i), "");
  ck_assert_ptr_null (custos_nonconformity_get_whys (CUSTOS_NONCONFORMITY (nc)));

  /* The root cause, both ways. */
  buffer = gtk_text_view_get_buffer (custos_nc_page_get_root_cause_view (page));
  gtk_text_buffer_set_text (buffer, "No owner for expiry dates.", -1);
  ck_assert_str_eq (custos_nonconformity_get_root_cause (CUSTOS_NONCONFORMITY (nc)),
                    "No owner for expiry dates.");
  custos_nonconformity_set_root_cause (CUSTOS_NONCONFORMITY (nc), "Nobody watched the dates.");
  gtk_text_buffer_get_bounds (buffer, &start, &end);
  shown = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
  ck_assert_str_eq (shown, "Nobody watched the dates.");
}
END_TEST

/* The register view's own form for the selected nonconformity. */
static CustosRecordEditor *
nc_editor (CustosNcPage *page)
{
  return custos_register_view_get_editor (custos_nc_page_get_register_view (page));
}

START_TEST (test_nc_life_cycle)
{
  CustosNcPage *page = show_nc_page ("NC-004");
  CustosRecord *nc = custos_nc_page_get_nonconformity (page);
  AdwComboRow *status, *effectiveness;
  GtkWidget *action_view;

  /* NC-004: corrective action planned. */
  ck_assert_int_eq (custos_nc_page_get_current_step (page), CUSTOS_NC_STATUS_ACTION_PLANNED);
  ck_assert_str_eq (custos_nc_page_get_advance_label (page), "Action Carried Out: _Verify");
  ck_assert (gtk_widget_activate_action (GTK_WIDGET (page), "nc.advance", NULL));
  ck_assert_int_eq (custos_nonconformity_get_status (CUSTOS_NONCONFORMITY (nc)), CUSTOS_NC_STATUS_VERIFYING);
  ck_assert_int_eq (custos_nc_page_get_current_step (page), CUSTOS_NC_STATUS_VERIFYING);

  /* It cannot close before the effectiveness review says it worked. */
  assert_contains (custos_nc_page_get_advance_hint (page), "effectiveness review");
  gtk_widget_activate_action (GTK_WIDGET (page), "nc.advance", NULL);
  ck_assert_int_eq (custos_nonconformity_get_status (CUSTOS_NONCONFORMITY (nc)), CUSTOS_NC_STATUS_VERIFYING);

  /* The verdict through the form: the life cycle follows. */
  effectiveness = ADW_COMBO_ROW (custos_record_editor_get_field_widget (nc_editor (page), "effectiveness"));
  adw_combo_row_set_selected (effectiveness, CUSTOS_EFFECTIVENESS_NOT_EFFECTIVE);
  ck_assert_int_eq (custos_nonconformity_get_effectiveness (CUSTOS_NONCONFORMITY (nc)),
                    CUSTOS_EFFECTIVENESS_NOT_EFFECTIVE);
  assert_contains (custos_nc_page_get_advance_hint (page), "Not effective");
  adw_combo_row_set_selected (effectiveness, CUSTOS_EFFECTIVENESS_EFFECTIVE);
  ck_assert_str_eq (custos_nc_page_get_advance_label (page), "_Close");
  ck_assert (gtk_widget_activate_action (GTK_WIDGET (page), "nc.advance", NULL));
  ck_assert_int_eq (custos_nonconformity_get_status (CUSTOS_NONCONFORMITY (nc)), CUSTOS_NC_STATUS_CLOSED);
  ck_assert_int_eq (custos_nc_page_get_current_step (page), CUSTOS_NC_STATUS_CLOSED);
  ck_assert_ptr_null (custos_nc_page_get_advance_label (page));
  /* Closing dates the effectiveness review when nobody did. */
  ck_assert_str_eq (custos_nonconformity_get_effectiveness_review (CUSTOS_NONCONFORMITY (nc)), TODAY_ISO);

  /* The status through the form: back to action planned. */
  status = ADW_COMBO_ROW (custos_record_editor_get_field_widget (nc_editor (page), "status"));
  ck_assert_uint_eq (adw_combo_row_get_selected (status), CUSTOS_NC_STATUS_CLOSED);
  adw_combo_row_set_selected (status, CUSTOS_NC_STATUS_ACTION_PLANNED);
  ck_assert_int_eq (custos_nonconformity_get_status (CUSTOS_NONCONFORMITY (nc)),
                    CUSTOS_NC_STATUS_ACTION_PLANNED);
  ck_assert_int_eq (custos_nc_page_get_current_step (page), CUSTOS_NC_STATUS_ACTION_PLANNED);

  /* A new nonconformity starts open, and needs a corrective action to move on. */
  ck_assert (gtk_widget_activate_action (GTK_WIDGET (custos_nc_page_get_register_view (page)), "register.add", NULL));
  custos_test_spin ();
  nc = custos_nc_page_get_nonconformity (page);
  ck_assert_str_eq (custos_record_get_id (nc), "NC-008");
  ck_assert_int_eq (custos_nc_page_get_current_step (page), CUSTOS_NC_STATUS_OPEN);
  gtk_widget_activate_action (GTK_WIDGET (page), "nc.advance", NULL);
  ck_assert_int_eq (custos_nonconformity_get_status (CUSTOS_NONCONFORMITY (nc)), CUSTOS_NC_STATUS_OPEN);
  action_view = custos_record_editor_get_field_widget (nc_editor (page), "corrective-action");
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (action_view)), "Add a monthly expiry check.", -1);
  ck_assert (gtk_widget_activate_action (GTK_WIDGET (page), "nc.advance", NULL));
  ck_assert_int_eq (custos_nonconformity_get_status (CUSTOS_NONCONFORMITY (nc)),
                    CUSTOS_NC_STATUS_ACTION_PLANNED);
  ck_assert_int_eq (custos_nc_page_get_current_step (page), CUSTOS_NC_STATUS_ACTION_PLANNED);
}
END_TEST

static Suite *
performance_suite (void)
{
  Suite *s = suite_create ("performance");
  TCase *tc = tcase_create ("performance");

  tcase_add_checked_fixture (tc, setup, teardown);
  tcase_set_timeout (tc, 120);
  tcase_add_test (tc, test_trend_geometry);
  tcase_add_test (tc, test_trend_colours_follow_direction);
  tcase_add_test (tc, test_trend_of_measure);
  tcase_add_test (tc, test_monitoring_add_result);
  tcase_add_test (tc, test_coverage_rows_example);
  tcase_add_test (tc, test_raise_nonconformity_from_finding);
  tcase_add_test (tc, test_prefill_example);
  tcase_add_test (tc, test_new_review_and_actions);
  tcase_add_test (tc, test_five_whys);
  tcase_add_test (tc, test_nc_life_cycle);
  suite_add_tcase (s, tc);
  return s;
}

int
main (void)
{
  /* One process: a forked child must not share the parent's display connection. */
  g_setenv ("CK_FORK", "no", TRUE);
  if (!gtk_init_check ())
    return 77; /* no display: meson counts it as skipped; CI runs it under Xvfb */
  adw_init ();
  /* Without a window manager the window never has the X focus: a blinking
   * cursor would complain that its GtkText "did not receive a focus-out event". */
  g_object_set (gtk_settings_get_default (), "gtk-cursor-blink", FALSE, NULL);
  return custos_test_run_suite (performance_suite ());
}
