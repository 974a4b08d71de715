/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-risks.c — criteria, heatmap, risks, assets and treatment plan pages (Xvfb) */
#include "config.h"

#include <adwaita.h>

#include "custos-application.h"
#include "custos-asset-risks.h"
#include "custos-band-chip.h"
#include "custos-criteria-editor.h"
#include "custos-file.h"
#include "custos-heatmap-view.h"
#include "custos-heatmap.h"
#include "custos-history.h"
#include "custos-readiness.h"
#include "custos-register-view.h"
#include "custos-risks-page.h"
#include "custos-test-util.h"
#include "custos-test-window.h"
#include "custos-treatment-page.h"
#include "custos-window.h"

static CustosRecord *
add_risk (CustosDocument *doc,
          const char     *title,
          int             l,
          int             c,
          int             rl,
          int             rc)
{
  CustosRecord *risk = custos_document_add_new (doc, CUSTOS_REGISTER_RISKS);

  custos_risk_set_title (CUSTOS_RISK (risk), title);
  custos_risk_set_likelihood (CUSTOS_RISK (risk), l);
  custos_risk_set_consequence (CUSTOS_RISK (risk), c);
  custos_risk_set_residual_likelihood (CUSTOS_RISK (risk), rl);
  custos_risk_set_residual_consequence (CUSTOS_RISK (risk), rc);
  return risk;
}

static CustosCriteria *
criteria_with_bands (guint               n_likelihood,
                     guint               n_consequence,
                     CustosScoring       scoring,
                     const CustosBand   *bands,
                     guint               n_bands)
{
  CustosCriteria *criteria = custos_criteria_new ();
  CustosLevel levels[CUSTOS_MAX_LEVELS] = {
    { (char *) "One", NULL }, { (char *) "Two", NULL }, { (char *) "Three", NULL },
    { (char *) "Four", NULL }, { (char *) "Five", NULL }, { (char *) "Six", NULL },
  };

  custos_criteria_set_scoring (criteria, scoring);
  custos_criteria_set_levels (criteria, CUSTOS_SCALE_LIKELIHOOD, levels, n_likelihood);
  custos_criteria_set_levels (criteria, CUSTOS_SCALE_CONSEQUENCE, levels, n_consequence);
  custos_criteria_set_bands (criteria, bands, n_bands);
  return criteria;
}

static CustosDocument *
load_example (void)
{
  g_autofree char *path = custos_test_example_path ();
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  CustosDocument *doc = custos_file_load (file, NULL, &error);

  ck_assert_msg (doc != NULL, "%s", error ? error->message : "");
  return doc;
}

static void
set_date (GDate      *date,
          const char *iso)
{
  ck_assert (custos_date_parse (iso, date));
}

/* Scoring and bands ------------------------------------------------------- */

START_TEST (test_scoring_custom_criteria)
{
  g_autoptr(CustosDocument) doc = custos_document_new (CUSTOS_EDITION_2022);
  const CustosBand bands[] = {
    { (char *) "Low", (char *) "#33d17a", 2, 3, NULL, NULL, TRUE, NULL },
    { (char *) "Medium", (char *) "#f6d32d", 4, 5, NULL, NULL, TRUE, NULL },
    { (char *) "High", (char *) "#e01b24", 6, 7, NULL, NULL, FALSE, (char *) "Board" },
  };
  g_autoptr(CustosCriteria) criteria = criteria_with_bands (4, 3, CUSTOS_SCORING_SUM, bands, G_N_ELEMENTS (bands));
  g_autofree char *message = NULL;
  CustosRecord *top, *bottom, *middle, *unset;
  g_autofree char *chip = NULL;

  ck_assert_msg (custos_document_set_criteria (doc, criteria, &message), "%s", message);
  top = add_risk (doc, "Top", 4, 3, 1, 1);
  bottom = add_risk (doc, "Bottom", 1, 1, 0, 0);
  middle = add_risk (doc, "Middle", 2, 3, 1, 2);
  unset = add_risk (doc, "Unset", 0, 0, 0, 0);

  ck_assert_int_eq (custos_document_risk_score (doc, top, FALSE), 7);
  ck_assert_int_eq (custos_document_risk_band (doc, top, FALSE), 2);
  ck_assert_int_eq (custos_document_risk_score (doc, top, TRUE), 2);
  ck_assert_int_eq (custos_document_risk_band (doc, top, TRUE), 0);
  ck_assert_int_eq (custos_document_risk_score (doc, bottom, FALSE), 2);
  ck_assert_int_eq (custos_document_risk_band (doc, bottom, FALSE), 0);
  ck_assert_int_eq (custos_document_risk_band (doc, bottom, TRUE), -1);
  ck_assert_int_eq (custos_document_risk_score (doc, middle, FALSE), 5);
  ck_assert_int_eq (custos_document_risk_band (doc, middle, FALSE), 1);
  ck_assert_int_eq (custos_document_risk_band (doc, middle, TRUE), 0);
  ck_assert_int_eq (custos_document_risk_score (doc, unset, FALSE), 0);
  ck_assert_int_eq (custos_document_risk_band (doc, unset, FALSE), -1);
  ck_assert_int_eq (custos_criteria_acceptance_threshold (custos_document_get_criteria (doc)), 6);

  chip = custos_band_chip_format (doc, top, FALSE);
  ck_assert_str_eq (chip, "7 · High");
  ck_assert_ptr_null (custos_band_chip_format (doc, unset, FALSE));

  /* A product on 6 × 6 reaches 36; bands that stop short do not validate. */
  {
    const CustosBand wide[] = {
      { (char *) "Low", (char *) "#33d17a", 1, 12, NULL, NULL, TRUE, NULL },
      { (char *) "High", (char *) "#e01b24", 13, 30, NULL, NULL, FALSE, NULL },
    };
    g_autoptr(CustosCriteria) six = criteria_with_bands (6, 6, CUSTOS_SCORING_PRODUCT, wide, G_N_ELEMENTS (wide));
    g_autofree char *why = NULL;

    ck_assert_int_eq (custos_criteria_max_score (six), 36);
    ck_assert (!custos_document_set_criteria (doc, six, &why));
    ck_assert_ptr_nonnull (strstr (why, "36"));
  }
}
END_TEST

/* Reclassification ---------------------------------------------------------- */

START_TEST (test_reclassification_preview_and_undo)
{
  g_autoptr(CustosDocument) doc = custos_document_new (CUSTOS_EDITION_2022);
  g_autoptr(CustosHistory) history = custos_history_new (doc);
  g_autoptr(CustosCriteria) before = custos_criteria_copy (custos_document_get_criteria (doc));
  g_autoptr(CustosCriteria) after = custos_criteria_copy (before);
  g_autoptr(GPtrArray) moves = NULL;
  CustosBand bands[4];
  CustosRecord *a, *b, *c, *d;
  CustosBandMove *move;

  a = add_risk (doc, "A", 2, 2, 1, 1);   /* 4 Low → 1 Low */
  b = add_risk (doc, "B", 3, 3, 2, 2);   /* 9 Medium → 4 Low */
  c = add_risk (doc, "C", 4, 4, 3, 3);   /* 16 High → 9 Medium */
  d = add_risk (doc, "D", 5, 5, 0, 0);   /* 25 Critical, no residual */
  custos_history_seal (history);

  /* Medium ends at 8: 9 becomes High. */
  for (guint i = 0; i < 4; i++)
    bands[i] = *custos_criteria_get_band (before, i);
  bands[1].max = 8;
  bands[2].min = 9;
  custos_criteria_set_bands (after, bands, 4);

  moves = custos_criteria_preview_moves (doc, after);
  ck_assert_uint_eq (moves->len, 2);
  move = g_ptr_array_index (moves, 0);
  ck_assert_ptr_eq (move->risk, b);
  ck_assert_int_eq (move->old_band, 1);
  ck_assert_int_eq (move->new_band, 2);
  ck_assert_int_eq (move->old_residual_band, 0);
  ck_assert_int_eq (move->new_residual_band, 0);
  move = g_ptr_array_index (moves, 1);
  ck_assert_ptr_eq (move->risk, c);
  ck_assert_int_eq (move->old_band, 2);
  ck_assert_int_eq (move->new_band, 2);
  ck_assert_int_eq (move->old_residual_band, 1);
  ck_assert_int_eq (move->new_residual_band, 2);
  /* The preview changes nothing. */
  ck_assert (custos_criteria_equal (custos_document_get_criteria (doc), before));

  ck_assert (custos_document_set_criteria (doc, after, NULL));
  ck_assert_int_eq (custos_document_risk_band (doc, b, FALSE), 2);
  ck_assert_int_eq (custos_document_risk_band (doc, c, TRUE), 2);
  ck_assert_int_eq (custos_document_risk_band (doc, a, FALSE), 0);
  ck_assert_int_eq (custos_document_risk_band (doc, d, FALSE), 3);

  /* One step back. */
  ck_assert (custos_history_undo (history));
  ck_assert (custos_criteria_equal (custos_document_get_criteria (doc), before));
  ck_assert_int_eq (custos_document_risk_band (doc, b, FALSE), 1);
  ck_assert (!custos_history_can_undo (history) ||
             custos_criteria_equal (custos_document_get_criteria (doc), before));
}
END_TEST

START_TEST (test_reclassification_shrunken_scale)
{
  g_autoptr(CustosDocument) doc = custos_document_new (CUSTOS_EDITION_2022);
  const CustosBand bands[] = {
    { (char *) "Low", (char *) "#33d17a", 1, 4, NULL, NULL, TRUE, NULL },
    { (char *) "Medium", (char *) "#f6d32d", 5, 9, NULL, NULL, TRUE, NULL },
    { (char *) "High", (char *) "#ff7800", 10, 14, NULL, NULL, FALSE, NULL },
    { (char *) "Critical", (char *) "#e01b24", 15, 20, NULL, NULL, FALSE, NULL },
  };
  g_autoptr(CustosCriteria) four = criteria_with_bands (4, 5, CUSTOS_SCORING_PRODUCT, bands, G_N_ELEMENTS (bands));
  g_autoptr(GPtrArray) moves = NULL;
  CustosRecord *c, *d;

  c = add_risk (doc, "C", 4, 4, 0, 0);   /* 16 High → 16 Critical */
  d = add_risk (doc, "D", 5, 5, 0, 0);   /* 25 Critical → (4, 5) = 20 Critical */
  moves = custos_criteria_preview_moves (doc, four);
  ck_assert_uint_eq (moves->len, 1);
  ck_assert_ptr_eq (((CustosBandMove *) g_ptr_array_index (moves, 0))->risk, c);
  ck_assert_int_eq (((CustosBandMove *) g_ptr_array_index (moves, 0))->new_band, 3);

  ck_assert (custos_document_set_criteria (doc, four, NULL));
  ck_assert_int_eq (custos_risk_get_likelihood (CUSTOS_RISK (d)), 4);
  ck_assert_int_eq (custos_document_risk_score (doc, d, FALSE), 20);
  ck_assert_int_eq (custos_document_risk_band (doc, c, FALSE), 3);
}
END_TEST

/* Heatmap counts ---------------------------------------------------------------- */

START_TEST (test_heatmap_counts_example)
{
  g_autoptr(CustosDocument) doc = load_example ();
  CustosCriteria *criteria = custos_document_get_criteria (doc);
  GListModel *risks = custos_document_get_register (doc, CUSTOS_REGISTER_RISKS);
  CustosHeatmapView *view = CUSTOS_HEATMAP_VIEW (g_object_ref_sink (custos_heatmap_view_new ()));
  guint n_l = custos_criteria_get_n_levels (criteria, CUSTOS_SCALE_LIKELIHOOD);
  guint n_c = custos_criteria_get_n_levels (criteria, CUSTOS_SCALE_CONSEQUENCE);

  custos_heatmap_view_set_document (view, doc);
  for (int residual = 0; residual <= 1; residual++)
    {
      g_autoptr(CustosHeatmapData) data = custos_heatmap_data_new (doc, residual);
      guint on_map = 0, total = 0;

      custos_heatmap_view_set_residual (view, residual);
      for (guint l = 1; l <= n_l; l++)
        for (guint c = 1; c <= n_c; c++)
          {
            guint direct = 0;

            for (guint i = 0; i < g_list_model_get_n_items (risks); i++)
              {
                g_autoptr(CustosRecord) risk = g_list_model_get_item (risks, i);
                int rl, rc;

                custos_risk_get_levels (CUSTOS_RISK (risk), residual, &rl, &rc);
                if (rl == (int) l && rc == (int) c)
                  direct++;
              }
            ck_assert_uint_eq (custos_heatmap_count (doc, residual, (int) l, (int) c), direct);
            ck_assert_uint_eq (custos_heatmap_data_get_count (data, (int) l, (int) c), direct);
            ck_assert_uint_eq (custos_heatmap_view_get_count (view, (int) l, (int) c), direct);
            {
              g_autoptr(GPtrArray) cell = custos_heatmap_view_get_cell_risks (view, (int) l, (int) c);
              ck_assert_uint_eq (cell->len, direct);
            }
            on_map += direct;
          }
      for (guint i = 0; i < g_list_model_get_n_items (risks); i++)
        {
          g_autoptr(CustosRecord) risk = g_list_model_get_item (risks, i);
          total += custos_document_risk_score (doc, risk, residual) > 0;
        }
      ck_assert_uint_eq (on_map, total);
      ck_assert_uint_eq (custos_heatmap_data_get_total (data), total);
      ck_assert_uint_gt (total, 20);
    }
  custos_heatmap_view_set_document (view, NULL);
  g_object_unref (view);
}
END_TEST

/* Hit testing ----------------------------------------------------------------------- */

static void
on_cell_activated (CustosHeatmapView *view,
                   int                l,
                   int                c,
                   int               *last)
{
  last[0] = l;
  last[1] = c;
}

static GtkEventController *
find_controller (GtkWidget *widget,
                 GType      type)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);
      if (G_TYPE_CHECK_INSTANCE_TYPE (controller, type))
        return GTK_EVENT_CONTROLLER (controller);
    }
  return NULL;
}

static gboolean
press_key (GtkWidget *widget,
           guint      keyval)
{
  GtkEventController *keys = find_controller (widget, GTK_TYPE_EVENT_CONTROLLER_KEY);
  gboolean handled = FALSE;

  ck_assert_ptr_nonnull (keys);
  g_signal_emit_by_name (keys, "key-pressed", keyval, 0, 0, &handled);
  return handled;
}

static GtkGesture *
find_click_gesture (GtkWidget *widget)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);
      if (GTK_IS_GESTURE_CLICK (controller))
        return GTK_GESTURE (controller);
    }
  return NULL;
}

START_TEST (test_hit_testing_at_sizes)
{
  static const int sizes[][2] = { { 240, 180 }, { 611, 377 }, { 1400, 900 } };
  g_autoptr(CustosDocument) doc = load_example ();
  CustosHeatmapView *view = CUSTOS_HEATMAP_VIEW (g_object_ref_sink (custos_heatmap_view_new ()));
  GtkGesture *gesture = find_click_gesture (GTK_WIDGET (view));
  int last[2] = { -1, -1 };
  int min;

  ck_assert_ptr_nonnull (gesture);
  custos_heatmap_view_set_document (view, doc);
  g_signal_connect (view, "cell-activated", G_CALLBACK (on_cell_activated), last);
  gtk_widget_measure (GTK_WIDGET (view), GTK_ORIENTATION_HORIZONTAL, -1, &min, NULL, NULL, NULL);
  gtk_widget_measure (GTK_WIDGET (view), GTK_ORIENTATION_VERTICAL, -1, &min, NULL, NULL, NULL);

  for (guint s = 0; s < G_N_ELEMENTS (sizes); s++)
    {
      int w = sizes[s][0], h = sizes[s][1];
      CustosHeatmapGeometry g;

      gtk_widget_size_allocate (GTK_WIDGET (view), &(GtkAllocation) { 0, 0, w, h }, -1);
      ck_assert_int_eq (gtk_widget_get_width (GTK_WIDGET (view)), w);
      custos_heatmap_geometry (w, h, 5, 5, &g);
      for (int l = 1; l <= 5; l++)
        for (int c = 1; c <= 5; c++)
          {
            double x, y, cw, ch;
            int hl, hc, sl, sc;

            custos_heatmap_cell_rect (&g, l, c, &x, &y, &cw, &ch);
            /* The shared geometry function. */
            ck_assert (custos_heatmap_hit_test (w, h, 5, 5, x + cw / 2, y + ch / 2, &hl, &hc));
            ck_assert_int_eq (hl, l);
            ck_assert_int_eq (hc, c);

            /* The widget: its click handler selects the cell … */
            ck_assert (custos_heatmap_view_click (view, x + cw / 2, y + ch / 2));
            custos_heatmap_view_get_selected_cell (view, &sl, &sc);
            ck_assert_int_eq (sl, l);
            ck_assert_int_eq (sc, c);
            ck_assert_int_eq (last[0], l);
            ck_assert_int_eq (last[1], c);
            /* … and a second click clears it. */
            ck_assert (custos_heatmap_view_click (view, x + cw / 2, y + ch / 2));
            custos_heatmap_view_get_selected_cell (view, &sl, &sc);
            ck_assert_int_eq (sl, 0);

            /* The gesture as a pointer would drive it. */
            g_signal_emit_by_name (gesture, "released", 1, x + cw / 2, y + ch / 2);
            custos_heatmap_view_get_selected_cell (view, &sl, &sc);
            ck_assert_int_eq (sl, l);
            ck_assert_int_eq (sc, c);
            custos_heatmap_view_set_selected_cell (view, 0, 0);
          }
      /* Outside the grid: nothing. */
      ck_assert (!custos_heatmap_view_click (view, 1, 1));
      ck_assert (!custos_heatmap_hit_test (w, h, 5, 5, w - 0.5, h - 0.5, NULL, NULL));
    }
  custos_heatmap_view_set_document (view, NULL);
  g_object_unref (view);
}
END_TEST

/* Keyboard and accessibility ----------------------------------------------------------- */

START_TEST (test_keyboard_and_accessible_label)
{
  g_autoptr(CustosDocument) doc = custos_document_new (CUSTOS_EDITION_2022);
  GtkWidget *window = gtk_window_new ();
  CustosHeatmapView *view = CUSTOS_HEATMAP_VIEW (custos_heatmap_view_new ());
  g_autofree char *label = NULL;
  char *problem;
  int l, c;

  add_risk (doc, "One", 4, 5, 0, 0);
  add_risk (doc, "Two", 4, 5, 0, 0);
  add_risk (doc, "Three", 4, 5, 0, 0);
  custos_heatmap_view_set_document (view, doc);
  gtk_window_set_child (GTK_WINDOW (window), GTK_WIDGET (view));
  gtk_window_present (GTK_WINDOW (window));
  custos_test_spin ();
  ck_assert (gtk_widget_get_focusable (GTK_WIDGET (view)));

  custos_heatmap_view_set_focus_cell (view, 1, 1);
  custos_heatmap_view_move_focus (view, 3, 4);   /* up 3, right 4 */
  custos_heatmap_view_get_focus_cell (view, &l, &c);
  ck_assert_int_eq (l, 4);
  ck_assert_int_eq (c, 5);
  custos_heatmap_view_move_focus (view, 5, 5);   /* clamped at the edge */
  custos_heatmap_view_get_focus_cell (view, &l, &c);
  ck_assert_int_eq (l, 5);
  ck_assert_int_eq (c, 5);
  custos_heatmap_view_move_focus (view, -1, 0);

  /* The arrow keys, as the key controller gets them. */
  ck_assert (press_key (GTK_WIDGET (view), GDK_KEY_Left));
  custos_heatmap_view_get_focus_cell (view, &l, &c);
  ck_assert_int_eq (l * 10 + c, 44);
  ck_assert (press_key (GTK_WIDGET (view), GDK_KEY_End));
  ck_assert (press_key (GTK_WIDGET (view), GDK_KEY_Down));
  ck_assert (press_key (GTK_WIDGET (view), GDK_KEY_Up));
  custos_heatmap_view_get_focus_cell (view, &l, &c);
  ck_assert_int_eq (l * 10 + c, 45);
  ck_assert (!press_key (GTK_WIDGET (view), GDK_KEY_a));

  label = custos_heatmap_view_describe_cell (view, 4, 5);
  ck_assert_str_eq (label, "Likelihood 4 Likely, consequence 5 Severe: 3 risks, Critical");
  custos_test_spin ();
  problem = gtk_test_accessible_check_property (GTK_ACCESSIBLE (view), GTK_ACCESSIBLE_PROPERTY_LABEL, label);
  ck_assert_msg (problem == NULL, "%s", problem);

  /* Enter selects the focused cell; the label says so. */
  ck_assert (press_key (GTK_WIDGET (view), GDK_KEY_Return));
  custos_heatmap_view_get_selected_cell (view, &l, &c);
  ck_assert_int_eq (l, 4);
  ck_assert_int_eq (c, 5);
  custos_test_spin ();
  problem = gtk_test_accessible_check_property (GTK_ACCESSIBLE (view), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                                "Likelihood 4 Likely, consequence 5 Severe: 3 risks, Critical, selected");
  ck_assert_msg (problem == NULL, "%s", problem);

  /* A new risk in the cell: the count and the label follow the document. */
  add_risk (doc, "Four", 4, 5, 0, 0);
  custos_test_spin ();
  ck_assert_uint_eq (custos_heatmap_view_get_count (view, 4, 5), 4);
  problem = gtk_test_accessible_check_property (GTK_ACCESSIBLE (view), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                                "Likelihood 4 Likely, consequence 5 Severe: 4 risks, Critical, selected");
  ck_assert_msg (problem == NULL, "%s", problem);

  /* The selected-cell property, as a variant. */
  {
    g_autoptr(GVariant) cell = NULL;
    g_object_get (view, "selected-cell", &cell, NULL);
    ck_assert_str_eq (g_variant_get_type_string (cell), "(ii)");
    g_object_set (view, "selected-cell", g_variant_new ("(ii)", 2, 3), NULL);
    custos_heatmap_view_get_selected_cell (view, &l, &c);
    ck_assert_int_eq (l * 10 + c, 23);
  }

  gtk_window_destroy (GTK_WINDOW (window));
  custos_test_spin ();
}
END_TEST

/* Treatment plan state ------------------------------------------------------------------- */

static CustosRecord *
add_action (CustosDocument     *doc,
            CustosRecord       *risk,
            const char         *due,
            CustosActionStatus  status)
{
  CustosRecord *action = custos_document_add_new (doc, CUSTOS_REGISTER_ACTIONS);

  custos_action_set_title (CUSTOS_ACTION (action), "Do something");
  custos_action_set_risk (CUSTOS_ACTION (action), custos_record_get_id (risk));
  custos_action_set_due (CUSTOS_ACTION (action), due);
  custos_action_set_status (CUSTOS_ACTION (action), status);
  return action;
}

START_TEST (test_treatment_plan_state)
{
  g_autoptr(CustosDocument) doc = custos_document_new (CUSTOS_EDITION_2022);
  CustosRecord *approval = custos_document_get_section (doc, CUSTOS_SECTION_PLAN_APPROVAL);
  CustosRecord *reassessment = custos_document_get_section (doc, CUSTOS_SECTION_REASSESSMENT);
  CustosRecord *r1, *r2, *r3, *a1, *a2, *a3, *a4, *a5;
  CustosPlanState state;
  GDate today;
  int days;

  r1 = add_risk (doc, "Treated", 4, 4, 2, 2);
  custos_risk_set_treatment (CUSTOS_RISK (r1), CUSTOS_TREATMENT_CHANGE_LIKELIHOOD);
  r2 = add_risk (doc, "Transferred, no action", 3, 3, 2, 2);
  custos_risk_set_treatment (CUSTOS_RISK (r2), CUSTOS_TREATMENT_TRANSFER);
  r3 = add_risk (doc, "Accepted", 2, 2, 2, 2);
  custos_risk_set_treatment (CUSTOS_RISK (r3), CUSTOS_TREATMENT_ACCEPT);
  custos_risk_set_accepted (CUSTOS_RISK (r3), "2026-03-10");

  a1 = add_action (doc, r1, "2026-04-01", CUSTOS_ACTION_STATUS_PLANNED);
  a2 = add_action (doc, r1, "2026-04-01", CUSTOS_ACTION_STATUS_DONE);
  a3 = add_action (doc, r1, "2026-06-01", CUSTOS_ACTION_STATUS_IN_PROGRESS);
  a4 = add_action (doc, r1, "2026-01-01", CUSTOS_ACTION_STATUS_CANCELLED);
  a5 = add_action (doc, r1, NULL, CUSTOS_ACTION_STATUS_PLANNED);

  custos_plan_approval_set_owners_approved (CUSTOS_PLAN_APPROVAL (approval), "2026-03-01");
  custos_plan_approval_set_management_approved (CUSTOS_PLAN_APPROVAL (approval), "2026-03-05");
  custos_reassessment_set_interval_months (CUSTOS_REASSESSMENT (reassessment), 12);
  custos_reassessment_set_last (CUSTOS_REASSESSMENT (reassessment), "2026-02-01");

  set_date (&today, "2026-05-01");
  ck_assert (custos_action_is_overdue (a1, &today));
  ck_assert_int_eq (custos_action_timing (a1, &today, &days), CUSTOS_ACTION_TIMING_OVERDUE);
  ck_assert_int_eq (days, 30);
  ck_assert (!custos_action_is_overdue (a2, &today));
  ck_assert (!custos_action_is_overdue (a3, &today));
  ck_assert_int_eq (custos_action_timing (a3, &today, &days), CUSTOS_ACTION_TIMING_PLANNED);
  ck_assert_int_eq (days, 31);
  ck_assert (!custos_action_is_overdue (a4, &today));
  ck_assert_int_eq (custos_action_timing (a5, &today, NULL), CUSTOS_ACTION_TIMING_NO_DATE);
  /* Due today is not overdue; due tomorrow is due soon. */
  set_date (&today, "2026-04-01");
  ck_assert (!custos_action_is_overdue (a1, &today));
  ck_assert_int_eq (custos_action_timing (a1, &today, NULL), CUSTOS_ACTION_TIMING_DUE_SOON);

  set_date (&today, "2026-05-01");
  custos_plan_state_compute (doc, &today, &state);
  ck_assert_uint_eq (state.n_actions, 5);
  ck_assert_uint_eq (state.n_done, 1);
  ck_assert_uint_eq (state.n_open, 3);
  ck_assert_uint_eq (state.n_overdue, 1);
  ck_assert_uint_eq (state.n_treated_risks, 2);
  ck_assert_uint_eq (state.n_treated_without_actions, 1);
  ck_assert (state.management_approved);
  ck_assert (state.owners_approved);
  ck_assert_uint_eq (state.n_due_after, 2);          /* a1 and a3 fall due after 5 March */
  ck_assert_uint_eq (state.n_accepted_after, 1);     /* r3, on 10 March */
  ck_assert (!state.reassessed_after);
  ck_assert (!state.approval_expired);
  ck_assert (state.out_of_date);

  /* Accepted before the approval: up to date. */
  custos_risk_set_accepted (CUSTOS_RISK (r3), "2026-03-02");
  custos_plan_state_compute (doc, &today, &state);
  ck_assert_uint_eq (state.n_accepted_after, 0);
  ck_assert (!state.out_of_date);

  /* A reassessment after the approval. */
  custos_reassessment_set_last (CUSTOS_REASSESSMENT (reassessment), "2026-04-15");
  custos_plan_state_compute (doc, &today, &state);
  ck_assert (state.reassessed_after);
  ck_assert (state.out_of_date);
  custos_reassessment_set_last (CUSTOS_REASSESSMENT (reassessment), "2026-02-01");

  /* Older than the reassessment interval. */
  set_date (&today, "2027-04-01");
  custos_plan_state_compute (doc, &today, &state);
  ck_assert (state.approval_expired);
  ck_assert (state.out_of_date);

  /* Not approved by top management. */
  custos_plan_approval_set_management_approved (CUSTOS_PLAN_APPROVAL (approval), NULL);
  set_date (&today, "2026-05-01");
  custos_plan_state_compute (doc, &today, &state);
  ck_assert (!state.management_approved);
}
END_TEST

START_TEST (test_treatment_page_highlights_overdue)
{
  g_autoptr(CustosDocument) doc = custos_document_new (CUSTOS_EDITION_2022);
  GtkWidget *window = gtk_window_new ();
  CustosTreatmentPage *page = CUSTOS_TREATMENT_PAGE (custos_treatment_page_new ());
  CustosRegisterView *view = custos_treatment_page_get_register_view (page);
  CustosRecord *risk, *late, *later, *done;
  g_autoptr(CustosClock) clock = NULL;
  GDate today;

  risk = add_risk (doc, "Treated", 4, 4, 2, 2);
  late = add_action (doc, risk, "2026-04-01", CUSTOS_ACTION_STATUS_PLANNED);
  later = add_action (doc, risk, "2026-06-01", CUSTOS_ACTION_STATUS_IN_PROGRESS);
  done = add_action (doc, risk, "2026-01-01", CUSTOS_ACTION_STATUS_DONE);
  set_date (&today, "2026-05-01");
  clock = custos_clock_new_fixed (&today);
  g_object_set (page, "clock", clock, NULL);
  custos_treatment_page_set_document (page, doc);
  gtk_window_set_default_size (GTK_WINDOW (window), 1100, 700);
  gtk_window_set_child (GTK_WINDOW (window), GTK_WIDGET (page));
  gtk_window_present (GTK_WINDOW (window));
  custos_test_spin ();

  ck_assert (custos_treatment_page_row_is_highlighted (page, late));
  ck_assert (!custos_treatment_page_row_is_highlighted (page, later));
  ck_assert (!custos_treatment_page_row_is_highlighted (page, done));
  ck_assert_uint_eq (custos_treatment_page_get_state (page)->n_overdue, 1);

  custos_treatment_page_set_overdue_only (page, TRUE);
  ck_assert_uint_eq (g_list_model_get_n_items (custos_register_view_get_model (view)), 1);

  /* Done: no longer overdue, no longer highlighted. */
  custos_action_set_status (CUSTOS_ACTION (late), CUSTOS_ACTION_STATUS_DONE);
  ck_assert_uint_eq (custos_treatment_page_get_state (page)->n_overdue, 0);
  custos_test_spin ();
  ck_assert (!custos_treatment_page_row_is_highlighted (page, late));
  ck_assert_uint_eq (g_list_model_get_n_items (custos_register_view_get_model (view)), 0);
  custos_treatment_page_set_overdue_only (page, FALSE);
  ck_assert_uint_eq (g_list_model_get_n_items (custos_register_view_get_model (view)), 3);

  /* Months later, the clock moves on and the page follows it. */
  set_date (&today, "2026-07-01");
  custos_clock_set_today (clock, &today);
  ck_assert_uint_eq (custos_treatment_page_get_state (page)->n_overdue, 1);
  custos_test_spin ();
  ck_assert (custos_treatment_page_row_is_highlighted (page, later));

  gtk_window_destroy (GTK_WINDOW (window));
  custos_test_spin ();
}
END_TEST

/* Risk filters --------------------------------------------------------------------------- */

START_TEST (test_risk_filter)
{
  g_autoptr(CustosDocument) doc = custos_document_new (CUSTOS_EDITION_2022);
  CustosRiskFilter filter;
  CustosRecord *risk = add_risk (doc, "One", 4, 5, 2, 3);
  const char *assets[] = { "A-001", NULL };
  const char *controls[] = { "8.7", NULL };

  custos_risk_set_assets (CUSTOS_RISK (risk), assets);
  custos_risk_set_controls (CUSTOS_RISK (risk), controls);
  custos_risk_set_owner (CUSTOS_RISK (risk), "ROLE-001");
  custos_risk_set_status (CUSTOS_RISK (risk), CUSTOS_RISK_STATUS_TREATING);

  custos_risk_filter_init (&filter);
  ck_assert (!custos_risk_filter_is_active (&filter));
  ck_assert (custos_risk_filter_matches (&filter, doc, risk));
  filter.likelihood = 4, filter.consequence = 5;
  ck_assert (custos_risk_filter_matches (&filter, doc, risk));
  filter.residual = TRUE;
  ck_assert (!custos_risk_filter_matches (&filter, doc, risk));
  filter.likelihood = 2, filter.consequence = 3;
  ck_assert (custos_risk_filter_matches (&filter, doc, risk));
  filter.band = 1; /* 6: Medium */
  ck_assert (custos_risk_filter_matches (&filter, doc, risk));
  filter.band = 2;
  ck_assert (!custos_risk_filter_matches (&filter, doc, risk));
  custos_risk_filter_clear (&filter);
  ck_assert (filter.residual);
  filter.owner = g_strdup ("ROLE-001");
  filter.asset = g_strdup ("A-001");
  filter.control = g_strdup ("8.7");
  filter.status = CUSTOS_RISK_STATUS_TREATING;
  ck_assert (custos_risk_filter_is_active (&filter));
  ck_assert (custos_risk_filter_matches (&filter, doc, risk));
  g_free (filter.control);
  filter.control = g_strdup ("5.1");
  ck_assert (!custos_risk_filter_matches (&filter, doc, risk));
  custos_risk_filter_clear (&filter);
}
END_TEST

/* The window, through its actions ---------------------------------------------------------- */

static CustosApplication *app;

/* One application for the window tests (as test-window.c does). */
static void
app_setup (void)
{
  app = custos_test_new_app (NULL);
}

static void
app_teardown (void)
{
  g_clear_object (&app);
}

/* Every window and dialog a test left open, so the next test starts clean. */
static void
close_windows (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  while (g_list_model_get_n_items (toplevels) > 0)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, 0);
      gtk_window_destroy (window);
    }
  custos_test_spin ();
}

static GtkWidget *
find_type (GtkWidget *widget,
           GType      type,
           const char *register_name)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (widget, type) &&
      (register_name == NULL ||
       g_strcmp0 (custos_register_view_get_register_name (CUSTOS_REGISTER_VIEW (widget)), register_name) == 0))
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_type (child, type, register_name);
      if (found != NULL)
        return found;
    }
  return NULL;
}

static CustosCriteriaEditor *
find_criteria_editor (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);
      if (CUSTOS_IS_CRITERIA_EDITOR (window))
        return CUSTOS_CRITERIA_EDITOR (window);
    }
  return NULL;
}

/* Runs the main loop until the widget has a size (a page just shown). */
static void
wait_for_size (GtkWidget *widget)
{
  gint64 deadline = g_get_monotonic_time () + 120 * G_USEC_PER_SEC; /* sanitizers are slow */

  while (gtk_widget_get_width (widget) == 0 || !gtk_widget_get_mapped (widget))
    {
      ck_assert_msg (g_get_monotonic_time () < deadline, "timed out waiting for %s to be shown",
                     G_OBJECT_TYPE_NAME (widget));
      g_main_context_iteration (NULL, FALSE);
      g_usleep (1000);
    }
  custos_test_spin ();
}

static void
click_cell (CustosHeatmapView *heatmap,
            int                l,
            int                c)
{
  CustosHeatmapGeometry g;
  double x, y, w, h;

  custos_heatmap_geometry (gtk_widget_get_width (GTK_WIDGET (heatmap)), gtk_widget_get_height (GTK_WIDGET (heatmap)),
                           5, 5, &g);
  custos_heatmap_cell_rect (&g, l, c, &x, &y, &w, &h);
  ck_assert (custos_heatmap_view_click (heatmap, x + w / 2, y + h / 2));
}

START_TEST (test_gui_flow_through_actions)
{
  CustosWindow *window = custos_window_new (GTK_APPLICATION (app), custos_application_get_clock (app));
  CustosRegisterView *assets, *risks;
  CustosRisksPage *page;
  CustosHeatmapView *heatmap;
  CustosAssetRisks *asset_risks;
  CustosRecord *asset, *first, *second;
  const char *names[2] = { NULL, NULL };
  int l, c;

  gtk_window_set_default_size (GTK_WINDOW (window), 1200, 800);
  gtk_window_present (GTK_WINDOW (window));
  custos_test_spin ();

  /* An asset */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-page", "s", "assets");
  assets = CUSTOS_REGISTER_VIEW (find_type (GTK_WIDGET (window), CUSTOS_TYPE_REGISTER_VIEW, "assets"));
  gtk_widget_activate_action (GTK_WIDGET (assets), "register.add", NULL);
  asset = custos_register_view_get_selected (assets);
  ck_assert_ptr_nonnull (asset);
  custos_asset_set_name (CUSTOS_ASSET (asset), "Client files");
  names[0] = custos_record_get_id (asset);

  /* Two risks, assessed */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-page", "s", "risks");
  page = CUSTOS_RISKS_PAGE (find_type (GTK_WIDGET (window), CUSTOS_TYPE_RISKS_PAGE, NULL));
  ck_assert_ptr_nonnull (page);
  risks = custos_risks_page_get_register_view (page);
  heatmap = custos_risks_page_get_heatmap (page);
  gtk_widget_activate_action (GTK_WIDGET (risks), "register.add", NULL);
  first = custos_register_view_get_selected (risks);
  custos_risk_set_title (CUSTOS_RISK (first), "Ransomware");
  custos_risk_set_assets (CUSTOS_RISK (first), names);
  custos_risk_set_likelihood (CUSTOS_RISK (first), 4);
  custos_risk_set_consequence (CUSTOS_RISK (first), 5);
  gtk_widget_activate_action (GTK_WIDGET (risks), "register.add", NULL);
  second = custos_register_view_get_selected (risks);
  ck_assert_ptr_ne (first, second);
  custos_risk_set_title (CUSTOS_RISK (second), "Lost laptop");
  custos_risk_set_likelihood (CUSTOS_RISK (second), 3);
  custos_risk_set_consequence (CUSTOS_RISK (second), 3);
  custos_risk_set_residual_likelihood (CUSTOS_RISK (second), 1);
  custos_risk_set_residual_consequence (CUSTOS_RISK (second), 2);
  custos_test_spin ();
  ck_assert_uint_eq (custos_heatmap_view_get_count (heatmap, 4, 5), 1);
  ck_assert_uint_eq (custos_heatmap_view_get_count (heatmap, 3, 3), 1);

  /* Treat the first: the residual map counts it in its new cell. */
  custos_risk_set_treatment (CUSTOS_RISK (first), CUSTOS_TREATMENT_CHANGE_LIKELIHOOD);
  custos_risk_set_residual_likelihood (CUSTOS_RISK (first), 2);
  custos_risk_set_residual_consequence (CUSTOS_RISK (first), 3);
  gtk_widget_activate_action (GTK_WIDGET (page), "risks.residual", NULL);
  ck_assert (custos_heatmap_view_get_residual (heatmap));
  custos_test_spin ();
  ck_assert_uint_eq (custos_heatmap_view_get_count (heatmap, 4, 5), 0);
  ck_assert_uint_eq (custos_heatmap_view_get_count (heatmap, 2, 3), 1);
  ck_assert_uint_eq (custos_heatmap_view_get_count (heatmap, 1, 2), 1);

  /* Filter by a cell: a click on it. */
  wait_for_size (GTK_WIDGET (heatmap));
  ck_assert_int_gt (gtk_widget_get_width (GTK_WIDGET (heatmap)), 200);
  click_cell (heatmap, 2, 3);
  ck_assert_int_eq (custos_risks_page_get_filter (page)->likelihood, 2);
  ck_assert (custos_risks_page_get_filter (page)->residual);
  ck_assert_uint_eq (g_list_model_get_n_items (custos_register_view_get_model (risks)),
                     custos_heatmap_view_get_count (heatmap, 2, 3));
  {
    g_autoptr(CustosRecord) shown = g_list_model_get_item (custos_register_view_get_model (risks), 0);
    ck_assert_ptr_eq (shown, first);
  }
  /* Selecting a cell redraws the selection over the static layer drawn before. */
  {
    guint static_draws = custos_heatmap_view_get_static_draws (heatmap);

    ck_assert_uint_gt (static_draws, 0);
    custos_test_spin ();
    ck_assert_uint_eq (custos_heatmap_view_get_static_draws (heatmap), static_draws);
  }
  /* Again: the filter goes. */
  click_cell (heatmap, 2, 3);
  ck_assert_uint_eq (g_list_model_get_n_items (custos_register_view_get_model (risks)), 2);
  /* The inherent map's cell, then clear it through the page's action. */
  gtk_widget_activate_action (GTK_WIDGET (page), "risks.residual", NULL);
  click_cell (heatmap, 3, 3);
  ck_assert_uint_eq (g_list_model_get_n_items (custos_register_view_get_model (risks)), 1);
  gtk_widget_activate_action (GTK_WIDGET (page), "risks.clear-filters", NULL);
  custos_heatmap_view_get_selected_cell (heatmap, &l, &c);
  ck_assert_int_eq (l, 0);
  ck_assert_uint_eq (g_list_model_get_n_items (custos_register_view_get_model (risks)), 2);

  /* Band filter: Critical holds the first risk (20). */
  custos_risks_page_set_band_filter (page, 3);
  ck_assert_uint_eq (g_list_model_get_n_items (custos_register_view_get_model (risks)), 1);
  gtk_widget_activate_action (GTK_WIDGET (page), "risks.clear-filters", NULL);

  /* The asset's risks, one click away: listed under its form … */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-page", "s", "assets");
  custos_register_view_select (assets, asset);
  asset_risks = CUSTOS_ASSET_RISKS (find_type (GTK_WIDGET (assets), CUSTOS_TYPE_ASSET_RISKS, NULL));
  ck_assert_ptr_nonnull (asset_risks);
  ck_assert_ptr_eq (custos_asset_risks_get_asset (asset_risks), asset);
  ck_assert_uint_eq (custos_asset_risks_get_n_risks (asset_risks), 1);
  /* … and the risks page filtered to it. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-asset-risks", "s", names[0]);
  ck_assert_str_eq (custos_window_get_visible_page (window), "risks");
  ck_assert_str_eq (custos_risks_page_get_filter (page)->asset, names[0]);
  ck_assert_uint_eq (g_list_model_get_n_items (custos_register_view_get_model (risks)), 1);
  /* Opening the other risk drops the filter that hides it. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-record", "(ss)", "risks",
                              custos_record_get_id (second));
  ck_assert_ptr_eq (custos_register_view_get_selected (risks), second);
  ck_assert (!custos_risk_filter_is_active (custos_risks_page_get_filter (page)));

  {
    gpointer weak = window;

    g_object_add_weak_pointer (G_OBJECT (window), &weak);
    gtk_window_destroy (GTK_WINDOW (window));
    custos_test_spin ();
    ck_assert_msg (weak == NULL, "the window leaked");
  }
}
END_TEST

START_TEST (test_criteria_editor_preview_apply_undo)
{
  CustosWindow *window = custos_window_new (GTK_APPLICATION (app), custos_application_get_clock (app));
  CustosDocument *doc = custos_window_get_document (window);
  CustosHistory *history = custos_window_get_history (window);
  g_autoptr(CustosCriteria) before = custos_criteria_copy (custos_document_get_criteria (doc));
  g_autoptr(CustosCriteria) edited = custos_criteria_copy (before);
  CustosCriteriaEditor *editor;
  CustosBand bands[4];
  CustosRecord *risk;

  risk = add_risk (doc, "Nine", 3, 3, 0, 0);   /* 9: Medium */
  custos_history_seal (history);
  gtk_window_present (GTK_WINDOW (window));
  gtk_widget_activate_action (GTK_WIDGET (window), "win.edit-criteria", NULL);
  custos_test_spin ();
  editor = find_criteria_editor ();
  ck_assert_ptr_nonnull (editor);
  ck_assert (custos_criteria_equal (custos_criteria_editor_get_criteria (editor), before));
  ck_assert_ptr_null (custos_criteria_editor_get_problem (editor));

  /* Invalid: a gap between bands; Apply does nothing. */
  for (guint i = 0; i < 4; i++)
    bands[i] = *custos_criteria_get_band (before, i);
  bands[2].min = 12;
  custos_criteria_set_bands (edited, bands, 4);
  custos_criteria_editor_set_criteria (editor, edited);
  /* The editor keeps bands contiguous: the gap closes, so it validates. */
  ck_assert_ptr_null (custos_criteria_editor_get_problem (editor));
  ck_assert_int_eq (custos_criteria_get_band (custos_criteria_editor_get_criteria (editor), 2)->min, 10);
  bands[2].min = 10;
  bands[3].max = 20; /* scores reach 25 */
  custos_criteria_set_bands (edited, bands, 4);
  custos_criteria_editor_set_criteria (editor, edited);
  ck_assert_ptr_nonnull (custos_criteria_editor_get_problem (editor));
  ck_assert (!custos_criteria_editor_apply (editor));
  ck_assert (!custos_criteria_editor_is_previewing (editor));

  /* Medium ends at 8: the risk moves to High; Apply shows the preview first. */
  bands[3].max = 25;
  bands[1].max = 8;
  bands[2].min = 9;
  custos_criteria_set_bands (edited, bands, 4);
  custos_criteria_editor_set_criteria (editor, edited);
  ck_assert_ptr_null (custos_criteria_editor_get_problem (editor));
  gtk_widget_activate_action (GTK_WIDGET (editor), "criteria.apply", NULL);
  ck_assert (custos_criteria_editor_is_previewing (editor));
  ck_assert_int_eq (custos_document_risk_band (doc, risk, FALSE), 1);
  gtk_widget_activate_action (GTK_WIDGET (editor), "criteria.apply", NULL);
  custos_test_spin ();
  ck_assert_ptr_null (find_criteria_editor ());
  ck_assert (custos_criteria_equal (custos_document_get_criteria (doc), edited));
  ck_assert_int_eq (custos_document_risk_band (doc, risk, FALSE), 2);

  /* One undo restores the criteria. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL);
  ck_assert (custos_criteria_equal (custos_document_get_criteria (doc), before));
  ck_assert_int_eq (custos_document_risk_band (doc, risk, FALSE), 1);

  /* The palette switch is the GSettings key the heatmap follows. */
  {
    g_autoptr(GSettings) settings = g_settings_new (APP_ID);
    CustosRisksPage *page;

    gtk_widget_activate_action (GTK_WIDGET (window), "win.show-page", "s", "risks");
    page = CUSTOS_RISKS_PAGE (find_type (GTK_WIDGET (window), CUSTOS_TYPE_RISKS_PAGE, NULL));

    g_settings_set_boolean (settings, "colour-blind-palette", TRUE);
    ck_assert (custos_heatmap_view_get_colour_blind (custos_risks_page_get_heatmap (page)));
    g_settings_set_boolean (settings, "colour-blind-palette", FALSE);
    ck_assert (!custos_heatmap_view_get_colour_blind (custos_risks_page_get_heatmap (page)));
  }

  gtk_window_destroy (GTK_WINDOW (window));
}
END_TEST

static Suite *
risks_suite (void)
{
  Suite *s = suite_create ("risks");
  TCase *model = tcase_create ("model");
  TCase *widgets = tcase_create ("widgets");
  TCase *window = tcase_create ("window");

  tcase_add_test (model, test_scoring_custom_criteria);
  tcase_add_test (model, test_reclassification_preview_and_undo);
  tcase_add_test (model, test_reclassification_shrunken_scale);
  tcase_add_test (model, test_heatmap_counts_example);
  tcase_add_test (model, test_treatment_plan_state);
  tcase_add_test (model, test_risk_filter);
  suite_add_tcase (s, model);

  tcase_set_timeout (widgets, 120);
  tcase_add_test (widgets, test_hit_testing_at_sizes);
  tcase_add_test (widgets, test_keyboard_and_accessible_label);
  tcase_add_test (widgets, test_treatment_page_highlights_overdue);
  suite_add_tcase (s, widgets);

  tcase_set_timeout (window, 120);
  tcase_add_unchecked_fixture (window, app_setup, app_teardown);
  tcase_add_checked_fixture (window, NULL, close_windows);
  tcase_add_test (window, test_gui_flow_through_actions);
  tcase_add_test (window, test_criteria_editor_preview_apply_undo);
  suite_add_tcase (s, window);
  return s;
}

int
main (void)
{
  return custos_test_run_window_suite (risks_suite ());
}
