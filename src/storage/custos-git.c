/* SPDX-License-Identifier: GPL-3.0-or-later */
/* custos-git.c — earlier versions of a document kept in a git repository */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "custos-git.h"
#include "custos-xml-reader.h"

/* How many commits custos_git_previous_issue looks back: each is read and
 * parsed, on the thread that exports. */
#define PREVIOUS_ISSUE_DEPTH 50

void
custos_git_commit_free (CustosGitCommit *commit)
{
  if (commit == NULL)
    return;
  g_free (commit->commit);
  g_free (commit->date);
  g_free (commit->author);
  g_free (commit->subject);
  g_free (commit);
}

/* Runs git in dir; its standard output, or NULL with its message. */
static GBytes *
run_git (const char  *dir,
         GError     **error,
         ...)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GBytes) out = NULL;
  g_autoptr(GBytes) err = NULL;
  va_list args;
  const char *arg;

  g_ptr_array_add (argv, (gpointer) "git");
  g_ptr_array_add (argv, (gpointer) "-C");
  g_ptr_array_add (argv, (gpointer) dir);
  va_start (args, error);
  while ((arg = va_arg (args, const char *)) != NULL)
    g_ptr_array_add (argv, (gpointer) arg);
  va_end (args);
  g_ptr_array_add (argv, NULL);

  process = g_subprocess_newv ((const char * const *) argv->pdata,
                               G_SUBPROCESS_FLAGS_STDOUT_PIPE | G_SUBPROCESS_FLAGS_STDERR_PIPE, error);
  if (process == NULL || !g_subprocess_communicate (process, NULL, NULL, &out, &err, error))
    return NULL;
  if (!g_subprocess_get_if_exited (process) || g_subprocess_get_exit_status (process) != 0)
    {
      g_autofree char *message = g_strndup (g_bytes_get_data (err, NULL), g_bytes_get_size (err));

      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, "git: %s", g_strstrip (message));
      return NULL;
    }
  return g_steal_pointer (&out);
}

gboolean
custos_git_locate (GFile  *file,
                   char  **toplevel,
                   char  **path)
{
  g_autoptr(GFile) parent = g_file_get_parent (file);
  g_autofree char *dir = parent != NULL ? g_file_get_path (parent) : NULL;
  g_autofree char *name = g_file_get_basename (file);
  g_autoptr(GBytes) out = NULL;
  g_autofree char *text = NULL;
  g_auto(GStrv) lines = NULL;

  if (dir == NULL || !g_file_test (dir, G_FILE_TEST_IS_DIR))
    return FALSE;
  out = run_git (dir, NULL, "rev-parse", "--show-toplevel", "--show-prefix", NULL);
  if (out == NULL)
    return FALSE;
  text = g_strndup (g_bytes_get_data (out, NULL), g_bytes_get_size (out));
  lines = g_strsplit (text, "\n", 3);
  if (lines[0] == NULL || lines[1] == NULL)
    return FALSE;
  if (toplevel != NULL)
    *toplevel = g_strdup (lines[0]);
  if (path != NULL)
    *path = g_strconcat (lines[1], name, NULL);
  return TRUE;
}

static gboolean
locate_or_fail (GFile   *file,
                char   **toplevel,
                char   **path,
                GError **error)
{
  if (custos_git_locate (file, toplevel, path))
    return TRUE;
  g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND, _("%s is not in a git repository"),
               g_file_peek_path (file));
  return FALSE;
}

GPtrArray *
custos_git_log (GFile   *file,
                guint    max,
                GError **error)
{
  g_autofree char *toplevel = NULL;
  g_autofree char *path = NULL;
  g_autofree char *count = g_strdup_printf ("--max-count=%u", max);
  g_autoptr(GBytes) out = NULL;
  GPtrArray *commits;
  gsize length = 0;
  const char *data, *end;

  if (!locate_or_fail (file, &toplevel, &path, error))
    return NULL;
  /* Fields end with NUL, commits with RS: subjects may hold anything else. */
  out = run_git (toplevel, error, "log", count, "--format=%H%x00%cs%x00%an%x00%s%x1e", "--", path, NULL);
  if (out == NULL)
    return NULL;
  commits = g_ptr_array_new_with_free_func ((GDestroyNotify) custos_git_commit_free);
  data = g_bytes_get_data (out, &length);
  end = data + length;
  for (const char *p = data; p < end;)
    {
      const char *fields[4] = { NULL };
      CustosGitCommit *commit;

      while (p < end && g_ascii_isspace (*p))
        p++;
      if (p >= end)
        break;
      for (guint f = 0; f < 4 && p < end; f++)
        {
          fields[f] = p;
          while (p < end && *p != (f < 3 ? '\0' : '\x1e'))
            p++;
          p++;
        }
      if (fields[3] == NULL)
        break;
      commit = g_new0 (CustosGitCommit, 1);
      commit->commit = g_strdup (fields[0]);
      commit->date = g_strdup (fields[1]);
      commit->author = g_strdup (fields[2]);
      commit->subject = g_strndup (fields[3], (gsize) (p - 1 - fields[3]));
      g_ptr_array_add (commits, commit);
    }
  return commits;
}

CustosDocument *
custos_git_load (GFile      *file,
                 const char *rev,
                 GError    **error)
{
  g_autofree char *toplevel = NULL;
  g_autofree char *path = NULL;
  g_autofree char *object = NULL;
  g_autofree char *display = NULL;
  g_autoptr(GBytes) out = NULL;
  gsize length = 0;
  const char *data;

  if (!locate_or_fail (file, &toplevel, &path, error))
    return NULL;
  object = g_strdup_printf ("%s:%s", rev, path);
  out = run_git (toplevel, error, "show", object, NULL);
  if (out == NULL)
    return NULL;
  display = g_strdup_printf ("%s (%s)", path, rev);
  data = g_bytes_get_data (out, &length);
  return custos_xml_read (data != NULL ? data : "", length, display, error);
}

static const char *
latest_version (CustosDocument *document)
{
  CustosRecord *latest = custos_document_get_latest_revision (document);

  return latest != NULL ? custos_revision_get_version (CUSTOS_REVISION (latest)) : NULL;
}

CustosDocument *
custos_git_previous_issue (GFile           *file,
                           const char      *version,
                           char           **name,
                           GError         **error)
{
  g_autoptr(GPtrArray) commits = custos_git_log (file, PREVIOUS_ISSUE_DEPTH, error);

  if (commits == NULL)
    return NULL;
  for (guint i = 0; i < commits->len; i++)
    {
      CustosGitCommit *commit = g_ptr_array_index (commits, i);
      g_autoptr(GError) local_error = NULL;
      g_autoptr(CustosDocument) document = custos_git_load (file, commit->commit, &local_error);

      /* A commit with a broken file is no issue: look further back. */
      if (document == NULL)
        continue;
      if (g_strcmp0 (latest_version (document), version) != 0)
        {
          if (name != NULL)
            *name = latest_version (document) != NULL
                    ? g_strdup_printf (_("version %s (commit %.7s of %s)"), latest_version (document),
                                       commit->commit, commit->date)
                    : g_strdup_printf (_("commit %.7s of %s"), commit->commit, commit->date);
          return g_steal_pointer (&document);
        }
    }
  return NULL;
}
