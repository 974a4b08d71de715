/* SPDX-License-Identifier: GPL-3.0-or-later */
/* custos-file.h — loading and saving *.isms files */
#pragma once

#include <gio/gio.h>

#include "custos-document.h"

G_BEGIN_DECLS

/* Errors are CUSTOS_STORAGE_ERROR (custos-xml-reader.h) for the content and
 * G_IO_ERROR for the file itself. Messages name the file by its path, or by
 * its URI when it has none.
 *
 * An etag identifies one version of a file on disk (for a local file: its
 * modification time to the nanosecond, size, device and inode; otherwise
 * GIO's etag and the size). Loading returns the etag of what was read and
 * saving the etag of what was written; a save given an etag refuses, with
 * G_IO_ERROR_WRONG_ETAG, to replace a file that no longer has it. */

/* Refuses anything but a regular file (a named pipe, a folder, a device)
 * with G_IO_ERROR_NOT_REGULAR_FILE before reading from it. */
CustosDocument *custos_file_load        (GFile                *file,
                                         GCancellable         *cancellable,
                                         GError              **error);
/* The same, and the etag of the version read (free with g_free). */
CustosDocument *custos_file_load_full   (GFile                *file,
                                         char                **etag,
                                         GCancellable         *cancellable,
                                         GError              **error);
/* Reads and parses in a worker thread. */
void            custos_file_load_async  (GFile                *file,
                                         GCancellable         *cancellable,
                                         GAsyncReadyCallback   callback,
                                         gpointer              user_data);
CustosDocument *custos_file_load_finish (GAsyncResult         *result,
                                         char                **etag,
                                         GError              **error);

/* Saves so that no failure can lose data (see custos-file.c): the new
 * version goes to a temporary file beside the file, is flushed to disk,
 * read back and parsed; only then does the previous version become the
 * backup (custos_file_get_backup; only a previous version that loads) and
 * the new one take the file's name. A save through a symbolic link writes
 * the file it points to and keeps the link; an existing file keeps its mode
 * (and owner and group where the system allows), a new one gets mode 0600.
 * A failed save leaves the file and its backup as they were, removes its
 * temporary files, and says so in the message. On success the document is
 * no longer modified. */
gboolean        custos_file_save        (CustosDocument       *document,
                                         GFile                *file,
                                         GCancellable         *cancellable,
                                         GError              **error);
/* The same, refusing to replace a file whose etag is not etag (NULL: no
 * check); new_etag receives the etag of the version written. */
gboolean        custos_file_save_full   (CustosDocument       *document,
                                         GFile                *file,
                                         const char           *etag,
                                         char                **new_etag,
                                         GCancellable         *cancellable,
                                         GError              **error);
/* Serialises at once (on the calling thread, which owns the document), then
 * writes in a worker thread. */
void            custos_file_save_async  (CustosDocument       *document,
                                         GFile                *file,
                                         const char           *etag,
                                         GCancellable         *cancellable,
                                         GAsyncReadyCallback   callback,
                                         gpointer              user_data);
gboolean        custos_file_save_finish (GAsyncResult         *result,
                                         char                **new_etag,
                                         GError              **error);

/* The etag of the file as it is now; NULL with G_IO_ERROR_NOT_FOUND when it
 * does not exist. */
char           *custos_file_query_etag  (GFile                *file,
                                         GCancellable         *cancellable,
                                         GError              **error);
void            custos_file_query_etag_async  (GFile               *file,
                                               GCancellable        *cancellable,
                                               GAsyncReadyCallback  callback,
                                               gpointer             user_data);
char           *custos_file_query_etag_finish (GAsyncResult        *result,
                                               GError             **error);

/* PREFIX + the name of file + SUFFIX, in the same folder; NULL for a file
 * that is not in a folder. */
GFile          *custos_file_get_sibling (GFile                *file,
                                         const char           *prefix,
                                         const char           *suffix);
/* FILE.bak beside FILE ("plan.isms" → "plan.isms.bak"). */
GFile          *custos_file_get_backup  (GFile                *file);
/* The file a chain of symbolic links ends at (file itself when it is not a
 * link, or when it does not exist). */
GFile          *custos_file_resolve     (GFile                *file);
/* The file a command-line argument names, relative to cwd (NULL: the
 * current directory). Unlike g_file_new_for_commandline_arg, a local name
 * with a colon ("plan:v2.isms") is a local file, unless what precedes the
 * colon is a URI scheme GIO supports and no such local file exists. */
GFile          *custos_file_new_for_arg (const char           *arg,
                                         const char           *cwd);

G_END_DECLS
