/* SPDX-License-Identifier: GPL-3.0-or-later */
/* custos-cli-diff.c — custos --diff, --text, --merge, --git-setup
 *
 * What git needs to treat an ISMS as a document rather than as lines of
 * XML: a readable diff (textconv), a field-level three-way merge driver,
 * and a command that wires both into a repository (docs/COLLABORATION.md).
 */
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "custos-cli-diff.h"
#include "custos-csv.h"
#include "custos-diff.h"
#include "custos-file.h"
#include "custos-merge.h"

static CustosDocument *
load_arg (const char  *arg,
          GError     **error)
{
  g_autoptr(GFile) file = custos_file_new_for_arg (arg, NULL);

  return custos_file_load (file, NULL, error);
}

/* One of the files --diff and --merge load side by side. */
typedef struct
{
  GFile          *file;
  CustosDocument *document;
  char           *etag;
  GError         *error;
  gboolean        may_be_empty; /* git's ancestor of a file added on both sides is empty */
  gboolean        empty;        /* so it was, and it is not loaded */
} Load;

static void
load_clear (Load *load)
{
  g_clear_object (&load->file);
  g_clear_object (&load->document);
  g_clear_pointer (&load->etag, g_free);
  g_clear_error (&load->error);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Load, load_clear)

static gpointer
load_run (gpointer data)
{
  Load *load = data;

  if (load->may_be_empty)
    {
      g_autoptr(GFileInfo) info = g_file_query_info (load->file, G_FILE_ATTRIBUTE_STANDARD_SIZE,
                                                     G_FILE_QUERY_INFO_NONE, NULL, NULL);

      load->empty = info != NULL && g_file_info_get_size (info) == 0;
    }
  if (!load->empty)
    load->document = custos_file_load_full (load->file, &load->etag, NULL, &load->error);
  return NULL;
}

static gpointer
free_loads (gpointer data)
{
  for (Load **load = data; *load != NULL; load++)
    load_clear (*load);
  return NULL;
}

/* Loads the files in threads of their own (a load touches nothing but its
 * own document, as when the window loads in a worker): each is a few
 * hundred milliseconds of parsing for a large ISMS, and they do not wait
 * for one another. The first error wins, in the order of the files. */
static gboolean
load_all (const char * const  *args,
          Load               **loads,
          guint                n,
          GError             **error)
{
  g_autoptr(GPtrArray) threads = g_ptr_array_new ();

  for (guint i = 0; i < n; i++)
    {
      loads[i]->file = custos_file_new_for_arg (args[i], NULL);
      if (i > 0)
        g_ptr_array_add (threads, g_thread_new ("custos-load", load_run, loads[i]));
    }
  load_run (loads[0]);
  for (guint i = 0; i < threads->len; i++)
    g_thread_join (g_ptr_array_index (threads, i));
  for (guint i = 0; i < n; i++)
    if (loads[i]->error != NULL)
      {
        g_propagate_error (error, g_steal_pointer (&loads[i]->error));
        return FALSE;
      }
  return TRUE;
}

/* custos --diff [--diff-format=text|csv] OLD NEW: 0 same, 1 different, 2 trouble. */
static int
diff_files (const char * const *files,
            const char         *format)
{
  g_autoptr(GError) error = NULL;
  g_auto(Load) old_load = { 0, };
  g_auto(Load) new_load = { 0, };
  g_autoptr(CustosDiff) diff = NULL;
  g_autofree char *text = NULL;
  gboolean csv = g_strcmp0 (format, "csv") == 0;

  if (format != NULL && !csv && g_strcmp0 (format, "text") != 0)
    {
      g_printerr (_("Unknown diff format “%s”: use text or csv\n"), format);
      return 2;
    }
  if (files == NULL || files[0] == NULL || files[1] == NULL || files[2] != NULL)
    {
      g_printerr (_("--diff takes two FILEs: the old and the new version\n"));
      return 2;
    }
  if (!load_all (files, (Load *[]) { &old_load, &new_load }, 2, &error))
    {
      g_printerr ("%s\n", error->message);
      return 2;
    }
  diff = custos_diff_new (old_load.document, new_load.document);
  text = csv ? custos_csv_write_diff (diff) : custos_diff_format_text (diff);
  g_print ("%s", text);
  return custos_diff_get_n_changes (diff) > 0 ? 1 : 0;
}

/* custos --text FILE: git's textconv. */
static int
text_file (const char * const *files)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CustosDocument) document = NULL;
  g_autofree char *text = NULL;

  if (files == NULL || files[0] == NULL || files[1] != NULL)
    {
      g_printerr (_("--text takes exactly one FILE\n"));
      return 1;
    }
  if ((document = load_arg (files[0], &error)) == NULL)
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }
  text = custos_document_to_text (document);
  g_print ("%s", text);
  return 0;
}

/* custos --merge BASE OURS THEIRS: git's merge driver (%O %A %B). The
 * result replaces OURS, by the safe save; 0 clean, 1 conflicts (recorded
 * in the file), 2 when OURS is left as it was. */
static int
merge_files (const char * const *files)
{
  g_autoptr(GError) error = NULL;
  g_auto(Load) base_load = { .may_be_empty = TRUE };
  g_auto(Load) ours_load = { 0, };
  g_auto(Load) theirs_load = { 0, };
  g_autoptr(CustosDocument) empty = NULL;
  CustosDocument *ours;
  g_autoptr(GFile) backup = NULL;
  GThread *freeing;
  gboolean had_backup, saved;
  int n_conflicts;

  if (files == NULL || files[0] == NULL || files[1] == NULL || files[2] == NULL || files[3] != NULL)
    {
      g_printerr (_("--merge takes three FILEs: the common ancestor, ours (which receives the result) and theirs\n"));
      return 2;
    }
  if (!load_all (files, (Load *[]) { &base_load, &ours_load, &theirs_load }, 3, &error))
    {
      g_printerr ("%s\n", error->message);
      return 2;
    }
  ours = ours_load.document;
  if (base_load.empty)
    empty = custos_document_new (custos_document_get_edition (ours));
  n_conflicts = custos_merge (base_load.empty ? empty : base_load.document, ours, theirs_load.document, &error);
  if (n_conflicts < 0)
    {
      g_printerr ("%s\n", error->message);
      return 2;
    }
  /* The other two are done with: freed while ours is saved. */
  freeing = g_thread_new ("custos-free", free_loads, (Load *[]) { &base_load, &theirs_load, NULL });

  backup = custos_file_get_backup (ours_load.file);
  had_backup = g_file_query_exists (backup, NULL);
  /* With the etag of the version loaded, the save knows that version loads
   * (it need not parse it again before it becomes the backup), and refuses
   * to replace it if anything changed it meanwhile. */
  saved = custos_file_save_full (ours, ours_load.file, ours_load.etag, NULL, NULL, &error);
  g_thread_join (freeing);
  if (!saved)
    {
      g_printerr ("%s\n", error->message);
      return 2;
    }
  /* OURS is git's temporary copy, and git keeps our side: its backup would
   * only litter the work tree. */
  if (!had_backup)
    g_file_delete (backup, NULL, NULL);

  if (n_conflicts > 0)
    {
      GListModel *conflicts = custos_document_get_register (ours, CUSTOS_REGISTER_MERGE_CONFLICTS);

      g_printerr (g_dngettext (GETTEXT_PACKAGE, "%d merge conflict, recorded in the document:\n",
                               "%d merge conflicts, recorded in the document:\n", n_conflicts),
                  n_conflicts);
      /* The new ones come last, after any left from an earlier merge. */
      for (guint n = g_list_model_get_n_items (conflicts), i = n - (guint) n_conflicts; i < n; i++)
        {
          g_autoptr(CustosMergeConflict) conflict = g_list_model_get_item (conflicts, i);

          g_printerr ("  %s: %s %s, %s\n", custos_record_get_id (CUSTOS_RECORD (conflict)),
                      custos_merge_conflict_get_kind (conflict), custos_merge_conflict_get_record (conflict),
                      custos_merge_conflict_get_field (conflict));
        }
    }
  return n_conflicts > 0 ? 1 : 0;
}

/* The command git runs: custos itself when it is on the PATH, else this
 * very program (a build tree, a prefix of one's own). */
static char *
self_command (void)
{
  g_autofree char *on_path = g_find_program_in_path ("custos");
  g_autofree char *self = g_file_read_link ("/proc/self/exe", NULL);

  if (on_path != NULL || self == NULL)
    return g_strdup ("custos");
  return g_shell_quote (self);
}

static gboolean
git_config (const char  *toplevel,
            const char  *key,
            const char  *value,
            GError     **error)
{
  const char *argv[] = { "git", "-C", toplevel, "config", key, value, NULL };
  int status = 0;

  if (!g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, NULL, NULL, &status, error))
    return FALSE;
  return g_spawn_check_wait_status (status, error);
}

/* custos --git-setup [DIR]: the diff and merge drivers in DIR's repository. */
static int
git_setup (const char * const *files)
{
  static const char attributes_line[] = "*.isms diff=custos merge=custos";
  g_autoptr(GError) error = NULL;
  const char *dir = files != NULL && files[0] != NULL ? files[0] : ".";
  const char *argv[] = { "git", "-C", dir, "rev-parse", "--show-toplevel", NULL };
  g_autofree char *toplevel = NULL;
  g_autofree char *attributes = NULL;
  g_autofree char *contents = NULL;
  g_autofree char *command = self_command ();
  g_autofree char *textconv = NULL;
  g_autofree char *driver = NULL;
  int status = 0;

  if (files != NULL && files[0] != NULL && files[1] != NULL)
    {
      g_printerr (_("--git-setup takes at most one DIR\n"));
      return 1;
    }
  if (!g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL,
                     &toplevel, NULL, &status, &error) ||
      !g_spawn_check_wait_status (status, NULL))
    {
      g_printerr (_("%s is not in a git repository\n"), dir);
      return 1;
    }
  g_strstrip (toplevel);

  textconv = g_strdup_printf ("%s --text", command);
  driver = g_strdup_printf ("%s --merge %%O %%A %%B", command);
  /* Hunk headers name the record (or the section) a change is in. */
  if (!git_config (toplevel, "diff.custos.textconv", textconv, &error) ||
      !git_config (toplevel, "diff.custos.xfuncname", "^([A-Z].*|  [A-Z][^:']* [^ :']+( '.*')?)$", &error) ||
      !git_config (toplevel, "merge.custos.name", "Custos ISMS field-level merge", &error) ||
      !git_config (toplevel, "merge.custos.driver", driver, &error))
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }

  /* .gitattributes is committed, so that every clone knows the drivers
   * (each clone still needs the git config above). */
  attributes = g_build_filename (toplevel, ".gitattributes", NULL);
  if (!g_file_get_contents (attributes, &contents, NULL, NULL))
    contents = g_strdup ("");
  if (strstr (contents, attributes_line) == NULL)
    {
      g_autoptr(GString) text = g_string_new (contents);

      if (text->len > 0 && text->str[text->len - 1] != '\n')
        g_string_append_c (text, '\n');
      g_string_append_printf (text, "%s\n", attributes_line);
      if (!g_file_set_contents (attributes, text->str, (gssize) text->len, &error))
        {
          g_printerr ("%s\n", error->message);
          return 1;
        }
    }
  g_print (_("git in %s now diffs *.isms files with “%s” and merges them with “%s”\n"), toplevel, textconv,
           driver);
  return 0;
}

int
custos_cli_diff_run (GVariantDict *options)
{
  g_autofree const char **files = NULL;
  g_autofree char *format = NULL;

  g_variant_dict_lookup (options, G_OPTION_REMAINING, "^a&ay", &files);
  g_variant_dict_lookup (options, "diff-format", "s", &format);

  if (format != NULL && !g_variant_dict_contains (options, "diff"))
    {
      g_printerr (_("--diff-format needs --diff\n"));
      return 2;
    }
  if (g_variant_dict_contains (options, "diff"))
    return diff_files (files, format);
  if (g_variant_dict_contains (options, "text"))
    return text_file (files);
  if (g_variant_dict_contains (options, "merge"))
    return merge_files (files);
  if (g_variant_dict_contains (options, "git-setup"))
    return git_setup (files);
  return -1;
}
