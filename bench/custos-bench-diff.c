/* SPDX-License-Identifier: GPL-3.0-or-later */
/* custos-bench-diff.c — diff and three-way merge times against a load
 *
 *   custos-bench-diff FILE [RUNS [OUTDIR]]
 *
 * FILE is the common ancestor (a custos-bench-gen document). Two sides are
 * derived from it in process, as two people would edit it: ours changes the
 * likelihood of every 100th risk and adds 50 risks; theirs changes the
 * consequence of every 100th risk (offset by 50), the likelihood of every
 * 1000th (conflicts) and adds 50 risks under the same new ids (renumbered).
 * Prints the best of RUNS of a load (custos_file_load), a diff
 * (custos_diff_new and the text custos --diff prints) and a merge
 * (custos_merge), and the ratios of diff and merge to the load: the goal is
 * at most 2 each. With OUTDIR, the two sides are also saved there as
 * ours.isms and theirs.isms, for bench/merge-e2e.sh to time custos --diff
 * and --merge end to end.
 */
#include "config.h"

#include "custos-diff.h"
#include "custos-file.h"
#include "custos-merge.h"

static void
edit (CustosDocument *document,
      gboolean        theirs)
{
  GListModel *risks = custos_document_get_register (document, CUSTOS_REGISTER_RISKS);
  guint n = g_list_model_get_n_items (risks);

  for (guint i = theirs ? 50 : 0; i < n; i += 100)
    {
      g_autoptr(CustosRecord) risk = g_list_model_get_item (risks, i);

      if (theirs)
        custos_risk_set_consequence (CUSTOS_RISK (risk), custos_risk_get_consequence (CUSTOS_RISK (risk)) % 5 + 1);
      else
        custos_risk_set_likelihood (CUSTOS_RISK (risk), custos_risk_get_likelihood (CUSTOS_RISK (risk)) % 5 + 1);
    }
  if (theirs)
    for (guint i = 0; i < n; i += 1000)
      {
        g_autoptr(CustosRecord) risk = g_list_model_get_item (risks, i);
        custos_risk_set_likelihood (CUSTOS_RISK (risk), (custos_risk_get_likelihood (CUSTOS_RISK (risk)) + 1) % 5 + 1);
      }
  for (guint i = 0; i < 50; i++)
    custos_risk_set_title (CUSTOS_RISK (custos_document_add_new (document, CUSTOS_REGISTER_RISKS)),
                           theirs ? "Their new risk" : "Our new risk");
}

static CustosDocument *
load (GFile  *file,
      double *seconds)
{
  g_autoptr(GError) error = NULL;
  gint64 start = g_get_monotonic_time ();
  CustosDocument *document = custos_file_load (file, NULL, &error);

  if (document == NULL)
    g_error ("%s", error->message);
  if (seconds != NULL)
    *seconds = MIN (*seconds, (g_get_monotonic_time () - start) / 1e6);
  return document;
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GFile) file = NULL;
  g_autoptr(CustosDocument) base = NULL;
  g_autoptr(CustosDocument) theirs = NULL;
  double best_load = G_MAXDOUBLE, best_diff = G_MAXDOUBLE, best_merge = G_MAXDOUBLE;
  guint n_changes = 0;
  int n_conflicts = 0;
  int runs;

  if (argc < 2)
    {
      g_printerr ("usage: %s FILE [RUNS]\n", argv[0]);
      return 2;
    }
  runs = argc > 2 ? MAX (1, atoi (argv[2])) : 5;
  file = g_file_new_for_commandline_arg (argv[1]);
  base = load (file, NULL);
  theirs = load (file, NULL);
  edit (theirs, TRUE);
  if (argc > 3)
    {
      g_autoptr(CustosDocument) ours = load (file, NULL);
      g_autoptr(GFile) ours_file = g_file_new_build_filename (argv[3], "ours.isms", NULL);
      g_autoptr(GFile) theirs_file = g_file_new_build_filename (argv[3], "theirs.isms", NULL);
      g_autoptr(GError) error = NULL;

      edit (ours, FALSE);
      if (!custos_file_save (ours, ours_file, NULL, &error) ||
          !custos_file_save (theirs, theirs_file, NULL, &error))
        g_error ("%s", error->message);
    }

  for (int i = 0; i < runs; i++)
    {
      g_autoptr(CustosDocument) ours = load (file, &best_load);
      gint64 start;

      edit (ours, FALSE);
      start = g_get_monotonic_time ();
      {
        g_autoptr(CustosDiff) diff = custos_diff_new (base, ours);
        g_autofree char *text = custos_diff_format_text (diff);

        n_changes = custos_diff_get_n_changes (diff);
      }
      best_diff = MIN (best_diff, (g_get_monotonic_time () - start) / 1e6);

      start = g_get_monotonic_time ();
      n_conflicts = custos_merge (base, ours, theirs, NULL);
      best_merge = MIN (best_merge, (g_get_monotonic_time () - start) / 1e6);
    }

  g_print ("load %.3f s  diff %.3f s (%u changes)  merge %.3f s (%d conflicts)  "
           "diff/load %.2f  merge/load %.2f (goal <= 2: %s)\n",
           best_load, best_diff, n_changes, best_merge, n_conflicts, best_diff / best_load,
           best_merge / best_load, best_diff <= 2 * best_load && best_merge <= 2 * best_load ? "ok" : "MISSED");
  return 0;
}
