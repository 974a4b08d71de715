/* SPDX-License-Identifier: GPL-3.0-or-later */
/* custos-git.h — earlier versions of a document kept in a git repository
 *
 * Custos has no server: when people share an ISMS, git holds its history.
 * These run git (GSubprocess, synchronously: each is one short command) to
 * list the commits of a document and read the document as it was in one.
 */
#pragma once

#include "custos-document.h"

G_BEGIN_DECLS

typedef struct
{
  char *commit;   /* full hash */
  char *date;     /* committer date, YYYY-MM-DD */
  char *author;
  char *subject;
} CustosGitCommit;

void             custos_git_commit_free     (CustosGitCommit *commit);

/* Whether file is in a git work tree; path receives its path there. */
gboolean         custos_git_locate          (GFile           *file,
                                             char           **toplevel,
                                             char           **path);
/* The commits that changed file, newest first, at most max. */
GPtrArray       *custos_git_log             (GFile           *file,
                                             guint            max,
                                             GError         **error);
/* The document as it was at revision rev (a commit, HEAD~1, a tag …). */
CustosDocument  *custos_git_load            (GFile           *file,
                                             const char      *rev,
                                             GError         **error);
/* The last issue before the document's version (that of its latest
 * revision, custos_document_get_latest_revision; NULL if none): the newest
 * commit whose latest revision has another version. Loads one document per
 * commit, so call it from a worker thread. NULL without error when there is
 * none; name receives how people know it. */
CustosDocument  *custos_git_previous_issue  (GFile           *file,
                                             const char      *version,
                                             char           **name,
                                             GError         **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CustosGitCommit, custos_git_commit_free)

G_END_DECLS
