/* SPDX-License-Identifier: GPL-3.0-or-later */
/* custos-gen-main.c — the command line the generators of committed files share */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include "custos-gen-main.h"

int
custos_gen_main (int          argc,
                 char       **argv,
                 const char  *output,
                 const char  *regenerate)
{
  g_autofree char *program = g_path_get_basename (argv[0]);

  if (argc == 3 && strcmp (argv[1], "--check") == 0)
    {
      g_autofree char *contents = NULL;
      g_autoptr(GError) error = NULL;
      gsize length = 0;

      if (!g_file_get_contents (argv[2], &contents, &length, &error))
        {
          fprintf (stderr, "%s: %s\n", program, error->message);
          return 1;
        }
      if (length != strlen (output) || memcmp (contents, output, length) != 0)
        {
          fprintf (stderr, "%s: %s is out of date with the descriptors; regenerate it with\n  %s\n",
                   program, argv[2], regenerate);
          return 1;
        }
      return 0;
    }
  if (argc != 1)
    {
      fprintf (stderr, "Usage: %s [--check FILE]\n", argv[0]);
      return 2;
    }

  fputs (output, stdout);
  return fflush (stdout) == 0 ? 0 : 1;
}
