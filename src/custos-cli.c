/* SPDX-License-Identifier: GPL-3.0-or-later */
/* custos-cli.c — custos --check, --output, --edition, --version
 *
 * Everything here runs before GApplication registers, so no display and no
 * session bus are needed: scripts, CI and the tests use it as it is.
 */
#include "config.h"

#include <glib/gi18n.h>

#include "custos-cli.h"
#include "custos-document.h"
#include "custos-file.h"

static const GOptionEntry option_entries[] = {
  { "check", 'c', 0, G_OPTION_ARG_NONE, NULL,
    N_("Load and validate FILE, print a summary or the errors"), NULL },
  { "output", 'o', 0, G_OPTION_ARG_FILENAME, NULL,
    N_("Write a canonical copy of FILE to OUT"), N_("OUT") },
  { "edition", 'e', 0, G_OPTION_ARG_STRING, NULL,
    N_("With --output, migrate the copy to this Annex A edition (2022)"), N_("EDITION") },
  { "version", 'v', 0, G_OPTION_ARG_NONE, NULL,
    N_("Print the version and exit"), NULL },
  { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_FILENAME_ARRAY, NULL, NULL, N_("[FILE…]") },
  { NULL }
};

const GOptionEntry *
custos_cli_get_option_entries (void)
{
  return option_entries;
}

static char *
summary_line (CustosDocument *document)
{
  GString *line = g_string_new (NULL);

  g_string_append_printf (line, "edition %d", custos_document_get_edition (document));
  for (guint r = 0; r < CUSTOS_N_REGISTERS; r++)
    g_string_append_printf (line, ", %s %u", custos_kinds_register (r)->register_name,
                            custos_document_count (document, r));
  return g_string_free (line, FALSE);
}

static int
check_file (GFile *file)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CustosDocument) document = custos_file_load (file, NULL, &error);
  g_autofree char *summary = NULL;
  g_autofree char *name = g_file_get_parse_name (file);

  if (document == NULL)
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }
  summary = summary_line (document);
  g_print ("%s: %s\n", name, summary);
  return 0;
}

static gboolean
parse_edition (const char    *text,
               CustosEdition *edition)
{
  if (g_strcmp0 (text, "2022") == 0)
    *edition = CUSTOS_EDITION_2022;
  else if (g_strcmp0 (text, "2013") == 0)
    *edition = CUSTOS_EDITION_2013;
  else
    return FALSE;
  return TRUE;
}

static int
convert_file (GFile      *file,
              const char *output,
              const char *edition_text)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CustosDocument) document = NULL;
  g_autoptr(GFile) out = g_file_new_for_commandline_arg (output);
  CustosEdition edition = 0;

  if (edition_text != NULL && !parse_edition (edition_text, &edition))
    {
      g_printerr (_("Unknown edition “%s”: use 2013 or 2022\n"), edition_text);
      return 1;
    }

  document = custos_file_load (file, NULL, &error);
  if (document == NULL)
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }

  if (edition != 0 && edition != custos_document_get_edition (document))
    {
      g_autoptr(GPtrArray) plan = custos_document_plan_migration (document, &error);

      if (plan == NULL || edition != CUSTOS_EDITION_2022)
        {
          g_printerr (_("Cannot migrate from edition %d to %d: only 2013 → 2022 is supported\n"),
                      custos_document_get_edition (document), edition);
          return 1;
        }
      custos_document_apply_migration (document, plan);
    }

  if (!custos_file_save (document, out, NULL, &error))
    {
      g_autofree char *name = g_file_get_parse_name (out);
      g_printerr (_("Cannot write %s: %s\n"), name, error->message);
      return 1;
    }
  return 0;
}

int
custos_cli_run (GVariantDict *options)
{
  g_autofree const char **files = NULL;
  g_autofree char *output = NULL;
  g_autofree char *edition = NULL;
  gboolean check = FALSE;
  int status = 0;

  if (g_variant_dict_contains (options, "version"))
    {
      g_print ("custos %s\n", PACKAGE_VERSION);
      return 0;
    }

  check = g_variant_dict_contains (options, "check");
  g_variant_dict_lookup (options, "output", "^ay", &output);
  g_variant_dict_lookup (options, "edition", "s", &edition);
  g_variant_dict_lookup (options, G_OPTION_REMAINING, "^a&ay", &files);

  if (!check && output == NULL)
    {
      if (edition != NULL)
        {
          g_printerr (_("--edition needs --output\n"));
          return 1;
        }
      return -1;
    }

  if (files == NULL || files[0] == NULL)
    {
      g_printerr (_("No FILE given; see custos --help\n"));
      return 1;
    }

  if (output != NULL)
    {
      g_autoptr(GFile) file = NULL;

      if (files[1] != NULL)
        {
          g_printerr (_("--output takes exactly one FILE\n"));
          return 1;
        }
      file = g_file_new_for_commandline_arg (files[0]);
      return convert_file (file, output, edition);
    }

  /* --check: every file is checked; the status fails if any fails. */
  for (guint i = 0; files[i] != NULL; i++)
    {
      g_autoptr(GFile) file = g_file_new_for_commandline_arg (files[i]);
      if (check_file (file) != 0)
        status = 1;
    }
  return status;
}
