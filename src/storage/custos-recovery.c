/* SPDX-License-Identifier: GPL-3.0-or-later */
/* custos-recovery.c — copies of unsaved work, for recovery after a crash
 *
 * While a document has unsaved changes the window writes a copy of it every
 * few seconds to the recovery directory: NAME.isms (the document, in the
 * ordinary file format) and NAME.origin (the URI it came from, empty for a
 * new document). Saving or closing removes both. Whatever is still there at
 * the next start was left by a session that crashed, and is offered back.
 * A copy is written as NAME.part and renamed when complete, so a crash in
 * the middle of a write never leaves a half copy behind.
 */
#include "config.h"

#include <string.h>

#include "custos-recovery.h"
#include "custos-xml-writer.h"

struct _CustosRecovery
{
  GObject       parent_instance;

  GFile        *copy;
  GFile        *partial;    /* the copy while it is written */
  GFile        *origin;
  GFile        *original;
  GCancellable *writing;    /* the write in flight, if any */
  guint         generation; /* bumped by clear: older writes are void */
};

typedef struct
{
  CustosRecovery *self;
  guint           generation;
} Write;

G_DEFINE_FINAL_TYPE (CustosRecovery, custos_recovery, G_TYPE_OBJECT)

static void
custos_recovery_dispose (GObject *object)
{
  CustosRecovery *self = CUSTOS_RECOVERY (object);

  g_clear_object (&self->copy);
  g_clear_object (&self->partial);
  g_clear_object (&self->origin);
  g_clear_object (&self->original);
  g_clear_object (&self->writing);

  G_OBJECT_CLASS (custos_recovery_parent_class)->dispose (object);
}

static void
custos_recovery_class_init (CustosRecoveryClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = custos_recovery_dispose;
}

static void
custos_recovery_init (CustosRecovery *self)
{
}

GFile *
custos_recovery_get_directory (void)
{
  return g_file_new_build_filename (g_get_user_state_dir (), "custos", "recovery", NULL);
}

CustosRecovery *
custos_recovery_new (GFile *directory,
                     GFile *original)
{
  CustosRecovery *self = g_object_new (CUSTOS_TYPE_RECOVERY, NULL);
  g_autofree char *uuid = g_uuid_string_random ();
  g_autofree char *copy_name = g_strconcat (uuid, ".isms", NULL);
  g_autofree char *origin_name = g_strconcat (uuid, ".origin", NULL);
  g_autofree char *partial_name = g_strconcat (uuid, ".part", NULL);

  self->copy = g_file_get_child (directory, copy_name);
  self->partial = g_file_get_child (directory, partial_name);
  self->origin = g_file_get_child (directory, origin_name);
  custos_recovery_set_original (self, original);
  return self;
}

void
custos_recovery_set_original (CustosRecovery *self,
                              GFile          *original)
{
  g_return_if_fail (CUSTOS_IS_RECOVERY (self));
  g_set_object (&self->original, original);
}

static void
write_cb (GObject      *source,
          GAsyncResult *result,
          gpointer      user_data)
{
  Write *write = user_data;
  g_autoptr(GError) error = NULL;

  /* A failed recovery copy must not disturb the user's work: note it only. */
  if (!g_file_replace_contents_finish (G_FILE (source), result, NULL, &error))
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_message ("Could not write the recovery copy: %s", error->message);
      g_file_delete (write->self->partial, NULL, NULL);
    }
  /* The work was saved or discarded while this copy was on its way: a copy
   * that outlived the clear would be offered back as unsaved work. */
  else if (write->generation != write->self->generation)
    g_file_delete (write->self->partial, NULL, NULL);
  /* Only a complete copy takes the name the next start looks for. */
  else if (!g_file_move (write->self->partial, write->self->copy, G_FILE_COPY_OVERWRITE,
                         NULL, NULL, NULL, &error))
    g_message ("Could not write the recovery copy: %s", error->message);
  g_object_unref (write->self);
  g_free (write);
}

/* The directory made, the origin written and the document serialised (here,
 * on the thread that owns it); NULL when the directory cannot be made. */
static GBytes *
prepare (CustosRecovery *self,
         CustosDocument *document)
{
  g_autoptr(GFile) directory = g_file_get_parent (self->copy);
  g_autoptr(GError) error = NULL;
  g_autofree char *uri = NULL;

  if (!g_file_make_directory_with_parents (directory, NULL, &error) &&
      !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_EXISTS))
    {
      g_message ("Could not create %s: %s", g_file_peek_path (directory), error->message);
      return NULL;
    }
  uri = self->original ? g_file_get_uri (self->original) : g_strdup ("");
  g_file_replace_contents (self->origin, uri, strlen (uri), NULL, FALSE,
                           G_FILE_CREATE_PRIVATE | G_FILE_CREATE_REPLACE_DESTINATION, NULL, NULL, NULL);
  return custos_xml_write (document);
}

void
custos_recovery_write (CustosRecovery *self,
                       CustosDocument *document)
{
  g_autoptr(GBytes) bytes = NULL;
  Write *write;

  g_return_if_fail (CUSTOS_IS_RECOVERY (self));

  if ((bytes = prepare (self, document)) == NULL)
    return;
  /* Written in the background. */
  write = g_new0 (Write, 1);
  write->self = g_object_ref (self);
  write->generation = self->generation;
  g_clear_object (&self->writing);
  self->writing = g_cancellable_new ();
  g_file_replace_contents_bytes_async (self->partial, bytes, NULL, FALSE,
                                       G_FILE_CREATE_PRIVATE | G_FILE_CREATE_REPLACE_DESTINATION,
                                       self->writing, write_cb, write);
}

void
custos_recovery_write_now (CustosRecovery *self,
                           CustosDocument *document)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;

  g_return_if_fail (CUSTOS_IS_RECOVERY (self));

  if ((bytes = prepare (self, document)) == NULL)
    return;
  /* A copy still on its way is older: void it. */
  if (self->writing != NULL)
    g_cancellable_cancel (self->writing);
  self->generation++;
  if (!g_file_replace_contents (self->partial, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), NULL, FALSE,
                                G_FILE_CREATE_PRIVATE | G_FILE_CREATE_REPLACE_DESTINATION, NULL, NULL, &error) ||
      !g_file_move (self->partial, self->copy, G_FILE_COPY_OVERWRITE, NULL, NULL, NULL, &error))
    g_message ("Could not write the recovery copy: %s", error->message);
}

void
custos_recovery_clear (CustosRecovery *self)
{
  g_return_if_fail (CUSTOS_IS_RECOVERY (self));

  self->generation++;
  if (self->writing != NULL)
    g_cancellable_cancel (self->writing);
  g_file_delete (self->copy, NULL, NULL);
  g_file_delete (self->partial, NULL, NULL);
  g_file_delete (self->origin, NULL, NULL);
}

void
custos_recovered_file_free (CustosRecoveredFile *file)
{
  g_clear_object (&file->copy);
  g_clear_object (&file->original);
  g_clear_pointer (&file->written, g_date_time_unref);
  g_free (file);
}

static int
newest_first (gconstpointer a,
              gconstpointer b)
{
  const CustosRecoveredFile *x = *(CustosRecoveredFile **) a;
  const CustosRecoveredFile *y = *(CustosRecoveredFile **) b;

  return g_date_time_compare (y->written, x->written);
}

GPtrArray *
custos_recovery_list (GFile *directory)
{
  GPtrArray *files = g_ptr_array_new_with_free_func ((GDestroyNotify) custos_recovered_file_free);
  g_autoptr(GFileEnumerator) children = NULL;
  GFileInfo *info;

  children = g_file_enumerate_children (directory, G_FILE_ATTRIBUTE_STANDARD_NAME "," G_FILE_ATTRIBUTE_TIME_MODIFIED,
                                        G_FILE_QUERY_INFO_NONE, NULL, NULL);
  while (children != NULL && (info = g_file_enumerator_next_file (children, NULL, NULL)) != NULL)
    {
      const char *name = g_file_info_get_name (info);

      if (g_str_has_suffix (name, ".isms"))
        {
          CustosRecoveredFile *file = g_new0 (CustosRecoveredFile, 1);
          g_autofree char *stem = g_strndup (name, strlen (name) - strlen (".isms"));
          g_autofree char *origin_name = g_strconcat (stem, ".origin", NULL);
          g_autoptr(GFile) origin = g_file_get_child (directory, origin_name);
          g_autofree char *uri = NULL;

          file->copy = g_file_get_child (directory, name);
          file->written = g_file_info_get_modification_date_time (info);
          if (g_file_load_contents (origin, NULL, &uri, NULL, NULL, NULL) && uri[0] != '\0')
            file->original = g_file_new_for_uri (uri);
          g_ptr_array_add (files, file);
        }
      g_object_unref (info);
    }
  g_ptr_array_sort (files, newest_first);
  return files;
}

void
custos_recovery_discard (GFile *copy)
{
  g_autoptr(GFile) directory = g_file_get_parent (copy);
  g_autofree char *name = g_file_get_basename (copy);
  g_autofree char *stem = g_strndup (name, strlen (name) - strlen (".isms"));
  g_autofree char *origin_name = g_strconcat (stem, ".origin", NULL);
  g_autoptr(GFile) origin = g_file_get_child (directory, origin_name);

  g_file_delete (copy, NULL, NULL);
  g_file_delete (origin, NULL, NULL);
}
