/* SPDX-License-Identifier: GPL-3.0-or-later */
/* heatmap.c — how long the heatmap takes to redraw and the risk list to filter
 *
 *   ./build/bench/custos-bench-gen --risks 10000 -o /tmp/bench-10000.isms
 *   ./build/bench/custos-bench-heatmap /tmp/bench-10000.isms [DRAWS]
 *
 * Redraw: custos_heatmap_draw() (counting every risk, then drawing) and
 * custos_heatmap_draw_data() (drawing a snapshot, as the widget does between
 * edits) onto an 800 × 600 image surface, mean of DRAWS (200) draws after a
 * warm-up, and custos_heatmap_cache_draw() (the widget's redraw: the static
 * layer cached, only counts and a moving selection drawn). Filtering: the risks page's filter (custos_risk_filter_matches)
 * in a GtkFilterListModel over the register, as the register view uses it:
 * the mean time to re-filter for each of the heatmap's cells, and for a
 * band + owner filter. No display is needed.
 */
#include "config.h"

#include <gtk/gtk.h>

#include "custos-file.h"
#include "custos-heatmap.h"
#include "custos-risks-page.h"

static double
now_ms (void)
{
  return g_get_monotonic_time () / 1000.0;
}

typedef struct
{
  CustosRiskFilter  filter;
  CustosDocument   *document;
} BenchFilter;

static gboolean
filter_risk (gpointer item,
             gpointer user_data)
{
  BenchFilter *bench = user_data;

  return custos_risk_filter_matches (&bench->filter, bench->document, item);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(CustosDocument) document = NULL;
  g_autoptr(CustosHeatmapData) data = NULL;
  g_autoptr(GtkFilterListModel) filtered = NULL;
  GtkCustomFilter *custom;
  BenchFilter bench;
  CustosRiskFilter *filter = &bench.filter;
  CustosHeatmapStyle style;
  cairo_surface_t *surface;
  cairo_t *cr;
  GListModel *risks;
  guint draws = 200, n_risks, shown_total = 0, cells = 0;
  CustosHeatmapCache *cache;
  double t0, load_ms, draw_ms, draw_data_ms, draw_cached_ms, data_ms, cell_ms, cell_max = 0, combined_ms;

  if (argc < 2)
    {
      g_printerr ("usage: %s FILE.isms [DRAWS]\n", argv[0]);
      return 2;
    }
  if (argc > 2)
    draws = (guint) MAX (1, atoi (argv[2]));

  file = g_file_new_for_commandline_arg (argv[1]);
  t0 = now_ms ();
  document = custos_file_load (file, NULL, &error);
  load_ms = now_ms () - t0;
  if (document == NULL)
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }
  risks = custos_document_get_register (document, CUSTOS_REGISTER_RISKS);
  n_risks = g_list_model_get_n_items (risks);
  g_print ("document: %s, %u risks, loaded in %.0f ms\n", argv[1], n_risks, load_ms);

  /* Redraw ---------------------------------------------------------------- */
  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 800, 600);
  cr = cairo_create (surface);
  custos_heatmap_style_init (&style);
  style.show_movement = g_getenv ("NOMOVE") == NULL;
  for (guint i = 0; i < 5; i++)
    custos_heatmap_draw (cr, 800, 600, document, FALSE, &style);

  t0 = now_ms ();
  for (guint i = 0; i < draws; i++)
    {
      cairo_save (cr);
      cairo_set_source_rgb (cr, 1, 1, 1);
      cairo_paint (cr);
      cairo_restore (cr);
      custos_heatmap_draw (cr, 800, 600, document, i % 2, &style);
    }
  cairo_surface_flush (surface);
  draw_ms = (now_ms () - t0) / draws;

  t0 = now_ms ();
  for (guint i = 0; i < draws; i++)
    {
      g_autoptr(CustosHeatmapData) snapshot = custos_heatmap_data_new (document, i % 2);
      (void) snapshot;
    }
  data_ms = (now_ms () - t0) / draws;

  data = custos_heatmap_data_new (document, FALSE);
  t0 = now_ms ();
  for (guint i = 0; i < draws; i++)
    {
      cairo_save (cr);
      cairo_set_source_rgb (cr, 1, 1, 1);
      cairo_paint (cr);
      cairo_restore (cr);
      custos_heatmap_draw_data (cr, 800, 600, data, &style);
    }
  cairo_surface_flush (surface);
  draw_data_ms = (now_ms () - t0) / draws;

  /* As the widget redraws: the static layer cached, a selection moving. */
  cache = custos_heatmap_cache_new ();
  custos_heatmap_cache_draw (cache, cr, 800, 600, 1.0, data, &style);
  t0 = now_ms ();
  for (guint i = 0; i < draws; i++)
    {
      style.selected_likelihood = 1 + i % 5;
      style.selected_consequence = 1 + i % 3;
      cairo_save (cr);
      cairo_set_source_rgb (cr, 1, 1, 1);
      cairo_paint (cr);
      cairo_restore (cr);
      custos_heatmap_cache_draw (cache, cr, 800, 600, 1.0, data, &style);
    }
  cairo_surface_flush (surface);
  draw_cached_ms = (now_ms () - t0) / draws;
  g_assert (custos_heatmap_cache_get_static_draws (cache) == 1);
  custos_heatmap_cache_free (cache);
  cairo_destroy (cr);
  cairo_surface_destroy (surface);

  g_print ("heatmap redraw 800x600, mean of %u: %.2f ms (count %u risks %.2f ms + draw %.2f ms)\n",
           draws, draw_ms, n_risks, data_ms, draw_data_ms);
  g_print ("heatmap redraw 800x600 as the widget does it, static layer cached: %.2f ms\n", draw_cached_ms);

  /* Filtering ------------------------------------------------------------- */
  custos_risk_filter_init (filter);
  bench.document = document;
  custom = gtk_custom_filter_new (filter_risk, &bench, NULL);
  filtered = gtk_filter_list_model_new (g_object_ref (risks), GTK_FILTER (custom));
  g_assert (g_list_model_get_n_items (G_LIST_MODEL (filtered)) == n_risks);

  t0 = now_ms ();
  for (int l = 1; l <= 5; l++)
    for (int c = 1; c <= 5; c++)
      {
        double t1 = now_ms (), dt;
        guint shown;

        filter->likelihood = l;
        filter->consequence = c;
        gtk_filter_changed (GTK_FILTER (custom), GTK_FILTER_CHANGE_DIFFERENT);
        shown = g_list_model_get_n_items (G_LIST_MODEL (filtered));
        dt = now_ms () - t1;
        cell_max = MAX (cell_max, dt);
        g_assert (shown == custos_heatmap_count (document, FALSE, l, c));
        shown_total += shown;
        cells++;
      }
  cell_ms = (now_ms () - t0) / cells;

  custos_risk_filter_clear (filter);
  filter->band = 2;
  filter->owner = g_strdup ("ROLE-001");
  t0 = now_ms ();
  gtk_filter_changed (GTK_FILTER (custom), GTK_FILTER_CHANGE_DIFFERENT);
  g_list_model_get_n_items (G_LIST_MODEL (filtered));
  combined_ms = now_ms () - t0;

  g_print ("cell filter over %u risks, mean of %u cells: %.2f ms (slowest %.2f ms); %u risks in all cells\n",
           n_risks, cells, cell_ms, cell_max, shown_total);
  g_print ("band + owner filter over %u risks: %.2f ms\n", n_risks, combined_ms);
  custos_risk_filter_clear (filter);
  return 0;
}
