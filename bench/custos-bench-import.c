/* SPDX-License-Identifier: GPL-3.0-or-later */
/* custos-bench-import.c — importing a register from CSV against loading it
 *
 *   custos-bench-import FILE [RUNS]
 *
 * Exports the risks of FILE as CSV (as custos --export=risks does), then
 * prints the best of RUNS loads of FILE (custos_file_load) and the best of
 * RUNS imports of the CSV (read the file, map the columns, check every row,
 * add every risk) into a copy of the document without its risks, and their
 * ratio. The target: an import takes at most twice a load.
 */
#include "config.h"

#include <glib/gstdio.h>

#include "custos-csv.h"
#include "custos-file.h"
#include "custos-import.h"
#include "custos-sheet.h"

/* The document without its risks (and so without the actions that name
 * them): what the import fills. */
static CustosDocument *
without_risks (CustosDocument *source)
{
  GListModel *actions = custos_document_get_register (source, CUSTOS_REGISTER_ACTIONS);
  GListModel *risks = custos_document_get_register (source, CUSTOS_REGISTER_RISKS);

  while (g_list_model_get_n_items (actions) > 0)
    {
      g_autoptr(CustosRecord) action = g_list_model_get_item (actions, g_list_model_get_n_items (actions) - 1);
      custos_document_remove (source, CUSTOS_REGISTER_ACTIONS, action);
    }
  while (g_list_model_get_n_items (risks) > 0)
    {
      g_autoptr(CustosRecord) risk = g_list_model_get_item (risks, g_list_model_get_n_items (risks) - 1);
      custos_document_remove (source, CUSTOS_REGISTER_RISKS, risk);
    }
  return g_object_ref (source);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GFile) file = NULL;
  g_autoptr(GFile) csv_file = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(CustosDocument) source = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *csv_path = NULL;
  g_autofree char *csv = NULL;
  double best_load = G_MAXDOUBLE, best_import = G_MAXDOUBLE;
  guint n_risks;
  int runs;

  if (argc < 2)
    {
      g_printerr ("usage: %s FILE [RUNS]\n", argv[0]);
      return 2;
    }
  runs = argc > 2 ? MAX (1, atoi (argv[2])) : 5;
  file = g_file_new_for_commandline_arg (argv[1]);
  source = custos_file_load (file, NULL, &error);
  if (source == NULL)
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }
  n_risks = custos_document_count (source, CUSTOS_REGISTER_RISKS);
  csv = custos_csv_write_register (source, CUSTOS_REGISTER_RISKS, CUSTOS_CSV_DISPLAY);
  dir = g_dir_make_tmp ("custos-bench-XXXXXX", &error);
  g_assert_no_error (error);
  csv_path = g_build_filename (dir, "risks.csv", NULL);
  csv_file = g_file_new_for_path (csv_path);
  g_file_set_contents (csv_path, csv, -1, &error);
  g_assert_no_error (error);

  for (int i = 0; i < runs; i++)
    {
      g_autoptr(CustosDocument) loaded = NULL;
      g_autoptr(CustosDocument) target = NULL;
      g_autoptr(CustosDocument) copy = NULL;
      g_autoptr(GPtrArray) table = NULL;
      g_autoptr(CustosImport) import = NULL;
      gint64 start, end;

      start = g_get_monotonic_time ();
      loaded = custos_file_load (file, NULL, &error);
      end = g_get_monotonic_time ();
      g_assert_no_error (error);
      best_load = MIN (best_load, (end - start) / 1e6);

      copy = custos_file_load (file, NULL, &error);
      g_assert_no_error (error);
      target = without_risks (copy);

      start = g_get_monotonic_time ();
      table = custos_sheet_load (csv_file, NULL, &error);
      g_assert_no_error (error);
      import = custos_import_new (target, table, CUSTOS_REGISTER_RISKS);
      if (!custos_import_apply (import, &error))
        {
          g_printerr ("%s\n", error->message);
          return 1;
        }
      end = g_get_monotonic_time ();
      g_assert (custos_document_count (target, CUSTOS_REGISTER_RISKS) == n_risks);
      best_import = MIN (best_import, (end - start) / 1e6);
    }

  g_print ("risks %u: load %.3f s, import of the risks CSV %.3f s, import/load %.2f\n",
           n_risks, best_load, best_import, best_import / best_load);
  g_unlink (csv_path);
  g_rmdir (dir);
  return 0;
}
