/* SPDX-License-Identifier: GPL-3.0-or-later */
/* custos-bench-io.c — load and save times of a document, in process
 *
 *   custos-bench-io FILE [RUNS]
 *
 * Prints the best of RUNS loads (custos_file_load: parse, structure and
 * reference checks) and saves (custos_file_save_full: serialise, write,
 * fsync, read back and parse, backup by hard link, rename, into a temporary
 * directory), their ratio, and the peak resident memory. Each save passes
 * the etag of the one before, as the window does, so the previous version
 * is known to load and is not parsed again. Unlike timing the command line,
 * this leaves out process start-up and the readiness check that --check
 * adds.
 */
#include "config.h"

#include <glib/gstdio.h>
#include <sys/resource.h>

#include "custos-file.h"

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GFile) file = NULL;
  g_autoptr(GFile) copy = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *copy_path = NULL;
  g_autofree char *backup_path = NULL;
  g_autofree char *etag = NULL;
  double best_load = G_MAXDOUBLE, best_save = G_MAXDOUBLE;
  struct rusage usage;
  int runs;

  if (argc < 2)
    {
      g_printerr ("usage: %s FILE [RUNS]\n", argv[0]);
      return 2;
    }
  runs = argc > 2 ? MAX (1, atoi (argv[2])) : 5;
  file = g_file_new_for_commandline_arg (argv[1]);
  dir = g_dir_make_tmp ("custos-bench-XXXXXX", &error);
  g_assert_no_error (error);
  copy_path = g_build_filename (dir, "copy.isms", NULL);
  backup_path = g_strconcat (copy_path, ".bak", NULL);
  copy = g_file_new_for_path (copy_path);

  for (int i = 0; i < runs; i++)
    {
      gint64 start = g_get_monotonic_time ();
      g_autoptr(CustosDocument) document = custos_file_load (file, NULL, &error);
      gint64 loaded = g_get_monotonic_time ();
      g_autofree char *saved = NULL;

      if (document == NULL)
        {
          g_printerr ("%s\n", error->message);
          return 1;
        }
      if (!custos_file_save_full (document, copy, etag, &saved, NULL, &error))
        {
          g_printerr ("%s\n", error->message);
          return 1;
        }
      g_free (etag);
      etag = g_steal_pointer (&saved);
      best_load = MIN (best_load, (loaded - start) / 1e6);
      best_save = MIN (best_save, (g_get_monotonic_time () - loaded) / 1e6);
    }

  getrusage (RUSAGE_SELF, &usage);
  g_print ("load %.3f s  save %.3f s  save/load %.2f  peak %.1f MB\n",
           best_load, best_save, best_save / best_load, usage.ru_maxrss / 1024.0);
  g_unlink (copy_path);
  g_unlink (backup_path);
  g_rmdir (dir);
  return 0;
}
