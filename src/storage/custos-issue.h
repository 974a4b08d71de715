/* SPDX-License-Identifier: GPL-3.0-or-later */
/* custos-issue.h — frozen, approved issues of a document (ISO/IEC 27001 7.5.3)
 *
 * Issuing a version records a revision (version, date, approver, what was
 * issued) and keeps the document exactly as issued — the bytes of the file
 * written at that moment — in a folder beside it: "plan.isms" keeps version
 * 1.3 as "plan.isms.issued/1.3.isms". The snapshot is never replaced, so any
 * report of an issued version can be made again, byte for byte, from it.
 * A document whose content is not the snapshot of its latest revision is a
 * draft.
 */
#pragma once

#include <gio/gio.h>

#include "custos-document.h"

G_BEGIN_DECLS

/* The snapshot of version beside file; NULL (and an error) for a version
 * that cannot be a file name ("", "..", containing '/'). */
GFile          *custos_issue_get_snapshot   (GFile           *file,
                                             const char      *version,
                                             GError         **error);
/* Adds the revision (date "YYYY-MM-DD", author and approver approver,
 * summary what, NULL: every report), writes the snapshot, then saves the
 * document to file as custos_file_save_full() does (etag, new_etag).
 * Refuses a version already in the revision history or already issued; on
 * any failure nothing is left changed: no revision, no snapshot, the file as
 * it was. */
gboolean        custos_issue_document       (CustosDocument  *document,
                                             GFile           *file,
                                             const char      *etag,
                                             char           **new_etag,
                                             const char      *version,
                                             const char      *approver,
                                             const char      *what,
                                             const char      *date,
                                             GCancellable    *cancellable,
                                             GError         **error);
/* The latest revision when the document is, byte for byte, the snapshot
 * kept for it; NULL when it is a draft (changed since, or never issued). */
CustosRecord   *custos_issue_get_current    (CustosDocument  *document,
                                             GFile           *file);
/* Loads the snapshot of an issued version. */
CustosDocument *custos_issue_load           (GFile           *file,
                                             const char      *version,
                                             GCancellable    *cancellable,
                                             GError         **error);
/* The latest issued version that has a frozen copy, other than the one the
 * document still is; name (if not NULL) says which ("version 1.2 of
 * 2026-03-01"). NULL when there is none. Cheap: it only looks for files. */
char           *custos_issue_find_previous  (CustosDocument  *document,
                                             GFile           *file,
                                             char           **name);
/* The same, loaded. */
CustosDocument *custos_issue_load_previous  (CustosDocument  *document,
                                             GFile           *file,
                                             char           **name);

G_END_DECLS
