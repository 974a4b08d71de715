/* SPDX-License-Identifier: GPL-3.0-or-later */
/* custos-file.h — loading and saving *.isms files through GIO */
#pragma once

#include <gio/gio.h>

#include "custos-document.h"

G_BEGIN_DECLS

/* Errors are CUSTOS_STORAGE_ERROR (custos-xml-reader.h) for the content and
 * G_IO_ERROR for the file itself. Messages name the file by its path, or by
 * its URI when it has none. */
CustosDocument *custos_file_load        (GFile                *file,
                                         GCancellable         *cancellable,
                                         GError              **error);
/* Reads and parses in a worker thread. */
void            custos_file_load_async  (GFile                *file,
                                         GCancellable         *cancellable,
                                         GAsyncReadyCallback   callback,
                                         gpointer              user_data);
CustosDocument *custos_file_load_finish (GAsyncResult         *result,
                                         GError              **error);

/* Serialises the document, copies the file it replaces to the backup
 * (custos_file_get_backup), then replaces the file atomically (mode 0600 for
 * a new file). A failed save leaves the old file as it was. On success the
 * document is no longer modified. */
gboolean        custos_file_save        (CustosDocument       *document,
                                         GFile                *file,
                                         GCancellable         *cancellable,
                                         GError              **error);
/* Serialises at once (on the calling thread, which owns the document), then
 * writes in a worker thread. */
void            custos_file_save_async  (CustosDocument       *document,
                                         GFile                *file,
                                         GCancellable         *cancellable,
                                         GAsyncReadyCallback   callback,
                                         gpointer              user_data);
gboolean        custos_file_save_finish (GAsyncResult         *result,
                                         GError              **error);

/* FILE.bak beside FILE ("plan.isms" → "plan.isms.bak"). */
GFile          *custos_file_get_backup  (GFile                *file);

G_END_DECLS
