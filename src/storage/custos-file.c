/* SPDX-License-Identifier: GPL-3.0-or-later */
/* custos-file.c — loading and saving *.isms files through GIO
 *
 * Everything goes through GFile, so documents on network shares (GVfs: smb,
 * sftp, dav) work like local ones. Loading never writes to the file. Saving
 * serialises first, keeps the previous version as FILE.bak, then replaces the
 * file atomically (a temporary file renamed over it), so a failed save
 * leaves the old file exactly as it was.
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "custos-file.h"
#include "custos-xml-reader.h"
#include "custos-xml-writer.h"

/* How the messages name a file: its path, or its URI when it has none. */
static char *
get_display_name (GFile *file)
{
  const char *path = g_file_peek_path (file);

  return path != NULL ? g_strdup (path) : g_file_get_uri (file);
}

static void
set_too_large (GError     **error,
               const char  *name,
               goffset      size)
{
  /* The same form as the reader's messages. */
  if (size > 0)
    {
      g_autofree char *size_text = g_format_size_full ((guint64) size, G_FORMAT_SIZE_IEC_UNITS);

      g_set_error (error, CUSTOS_STORAGE_ERROR, CUSTOS_STORAGE_ERROR_TOO_LARGE,
                   _("%s:1:1: the file is too large (%s; the limit is %d MiB)"),
                   name, size_text, CUSTOS_XML_MAX_SIZE / (1024 * 1024));
    }
  else
    g_set_error (error, CUSTOS_STORAGE_ERROR, CUSTOS_STORAGE_ERROR_TOO_LARGE,
                 _("%s:1:1: the file is too large (the limit is %d MiB)"),
                 name, CUSTOS_XML_MAX_SIZE / (1024 * 1024));
}

/* Reads the whole file, but never more than the reader accepts: the size is
 * checked before reading (when the file system knows it) and while reading
 * (for files that grow, pipes and the like). */
static GBytes *
read_contents (GFile         *file,
               const char    *name,
               GCancellable  *cancellable,
               GError       **error)
{
  g_autoptr(GFileInputStream) stream = NULL;
  g_autoptr(GFileInfo) info = NULL;
  g_autoptr(GByteArray) buffer = NULL;
  gsize hint = 0;

  stream = g_file_read (file, cancellable, error);
  if (stream == NULL)
    return NULL;

  info = g_file_input_stream_query_info (stream, G_FILE_ATTRIBUTE_STANDARD_SIZE, cancellable, NULL);
  if (info != NULL && g_file_info_has_attribute (info, G_FILE_ATTRIBUTE_STANDARD_SIZE))
    {
      goffset size = g_file_info_get_size (info);

      if (size > CUSTOS_XML_MAX_SIZE)
        {
          set_too_large (error, name, size);
          return NULL;
        }
      hint = (gsize) MAX (size, 0);
    }

  buffer = g_byte_array_sized_new (hint + 1);
  for (;;)
    {
      gsize used = buffer->len;
      gsize chunk = MAX (hint + 1 - MIN (used, hint), 64 * 1024);
      gssize n;

      g_byte_array_set_size (buffer, used + chunk);
      n = g_input_stream_read (G_INPUT_STREAM (stream), buffer->data + used, chunk, cancellable,
                               error);
      if (n < 0)
        return NULL;
      g_byte_array_set_size (buffer, used + n);
      if (n == 0)
        break;
      if (buffer->len > CUSTOS_XML_MAX_SIZE)
        {
          set_too_large (error, name, 0);
          return NULL;
        }
    }

  if (!g_input_stream_close (G_INPUT_STREAM (stream), cancellable, error))
    return NULL;
  return g_byte_array_free_to_bytes (g_steal_pointer (&buffer));
}

CustosDocument *
custos_file_load (GFile         *file,
                  GCancellable  *cancellable,
                  GError       **error)
{
  g_autofree char *name = NULL;
  g_autoptr(GBytes) bytes = NULL;
  gsize length = 0;
  const char *data;

  g_return_val_if_fail (G_IS_FILE (file), NULL);
  g_return_val_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  name = get_display_name (file);
  bytes = read_contents (file, name, cancellable, error);
  if (bytes == NULL)
    return NULL;
  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return NULL;

  data = g_bytes_get_data (bytes, &length);
  return custos_xml_read (data, length, name, error);
}

static void
load_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  GError *error = NULL;
  CustosDocument *document = custos_file_load (task_data, cancellable, &error);

  if (document == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, document, g_object_unref);
}

void
custos_file_load_async (GFile               *file,
                        GCancellable        *cancellable,
                        GAsyncReadyCallback  callback,
                        gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (G_IS_FILE (file));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, custos_file_load_async);
  g_task_set_task_data (task, g_object_ref (file), g_object_unref);
  g_task_run_in_thread (task, load_thread);
}

CustosDocument *
custos_file_load_finish (GAsyncResult  *result,
                         GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == custos_file_load_async, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

GFile *
custos_file_get_backup (GFile *file)
{
  g_autoptr(GFile) parent = NULL;
  g_autofree char *basename = NULL;
  g_autofree char *backup_name = NULL;

  g_return_val_if_fail (G_IS_FILE (file), NULL);

  parent = g_file_get_parent (file);
  basename = g_file_get_basename (file);
  if (parent == NULL || basename == NULL)
    return NULL;
  backup_name = g_strconcat (basename, ".bak", NULL);
  return g_file_get_child (parent, backup_name);
}

/* Copies the file about to be replaced to its backup (when there is one),
 * then replaces it atomically. */
static gboolean
write_contents (GFile         *file,
                GBytes        *bytes,
                GCancellable  *cancellable,
                GError       **error)
{
  g_autoptr(GFile) backup = custos_file_get_backup (file);
  g_autoptr(GError) local_error = NULL;
  gsize length = 0;
  const char *data = g_bytes_get_data (bytes, &length);

  if (backup != NULL &&
      !g_file_copy (file, backup, G_FILE_COPY_OVERWRITE, cancellable, NULL, NULL, &local_error))
    {
      if (!g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND))
        {
          g_autofree char *name = get_display_name (backup);

          g_propagate_prefixed_error (error, g_steal_pointer (&local_error),
                                      _("Cannot keep the previous version as %s: "), name);
          return FALSE;
        }
      g_clear_error (&local_error);
    }

  /* Temporary file and rename; make_backup is FALSE because the .bak above
   * is ours (GIO's would be FILE~). */
  return g_file_replace_contents (file, data != NULL ? data : "", length, NULL, FALSE,
                                  G_FILE_CREATE_REPLACE_DESTINATION | G_FILE_CREATE_PRIVATE,
                                  NULL, cancellable, error);
}

gboolean
custos_file_save (CustosDocument  *document,
                  GFile           *file,
                  GCancellable    *cancellable,
                  GError         **error)
{
  g_autoptr(GBytes) bytes = NULL;

  g_return_val_if_fail (CUSTOS_IS_DOCUMENT (document), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);
  g_return_val_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  bytes = custos_xml_write (document);
  if (!write_contents (file, bytes, cancellable, error))
    return FALSE;
  custos_document_set_modified (document, FALSE);
  return TRUE;
}

typedef struct
{
  CustosDocument *document;
  GFile          *file;
  GBytes         *bytes;
  gulong          changed_id;
  gboolean        changed;   /* edited after it was serialised */
} SaveData;

static void
save_data_free (gpointer user_data)
{
  SaveData *data = user_data;

  g_clear_signal_handler (&data->changed_id, data->document);
  g_clear_object (&data->document);
  g_clear_object (&data->file);
  g_clear_pointer (&data->bytes, g_bytes_unref);
  g_free (data);
}

static void
on_changed_while_saving (CustosDocument *document,
                         CustosRecord   *record,
                         SaveData       *data)
{
  data->changed = TRUE;
}

static void
save_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  GTask *save_task = task_data;
  SaveData *data = g_task_get_task_data (save_task);
  GError *error = NULL;

  /* Only the file and the bytes are touched here, never the document. */
  if (write_contents (data->file, data->bytes, cancellable, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

/* Back on the thread that called save_async. */
static void
on_written (GObject      *source_object,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(GTask) save_task = user_data;
  SaveData *data = g_task_get_task_data (save_task);
  GError *error = NULL;

  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      g_task_return_error (save_task, error);
      return;
    }
  /* What was written is what the document held when saving started; an edit
   * made since then is not saved, so the document stays modified. */
  if (!data->changed)
    custos_document_set_modified (data->document, FALSE);
  g_task_return_boolean (save_task, TRUE);
}

void
custos_file_save_async (CustosDocument      *document,
                        GFile               *file,
                        GCancellable        *cancellable,
                        GAsyncReadyCallback  callback,
                        gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(GTask) write_task = NULL;
  SaveData *data;

  g_return_if_fail (CUSTOS_IS_DOCUMENT (document));
  g_return_if_fail (G_IS_FILE (file));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  /* Once the file is replaced the save has happened: a cancellation that
   * comes later must not report it as cancelled. */
  task = g_task_new (document, cancellable, callback, user_data);
  g_task_set_source_tag (task, custos_file_save_async);
  g_task_set_check_cancellable (task, FALSE);

  data = g_new0 (SaveData, 1);
  data->document = g_object_ref (document);
  data->file = g_object_ref (file);
  data->bytes = custos_xml_write (document);
  data->changed_id =
    g_signal_connect (document, "changed", G_CALLBACK (on_changed_while_saving), data);
  g_task_set_task_data (task, data, save_data_free);

  /* The worker's task holds the outer task, which keeps data alive. */
  write_task = g_task_new (NULL, cancellable, on_written, g_object_ref (task));
  g_task_set_source_tag (write_task, custos_file_save_async);
  g_task_set_check_cancellable (write_task, FALSE);
  g_task_set_task_data (write_task, g_object_ref (task), g_object_unref);
  g_task_run_in_thread (write_task, save_thread);
}

gboolean
custos_file_save_finish (GAsyncResult  *result,
                         GError       **error)
{
  g_return_val_if_fail (G_IS_TASK (result), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == custos_file_save_async, FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}
