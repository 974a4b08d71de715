/* SPDX-License-Identifier: GPL-3.0-or-later */
/* custos-file.c — loading and saving *.isms files
 *
 * Loading never writes to the file, and refuses anything that is not a
 * regular file before opening it for reading (a named pipe would block).
 *
 * Saving must never lose data, whatever fails and wherever the process is
 * killed. For FILE (after following symbolic links to the file they name):
 *
 *   1. Remove temporary files of ours that an earlier, killed save left
 *      beside FILE (.FILE.custos-XXXXXX that no process holds locked).
 *   2. Check that FILE is still the version the caller loaded (its etag).
 *   3. Write the new version to a new temporary file .FILE.custos-XXXXXX
 *      beside it (O_EXCL, mode 0600, locked with flock while we work on it),
 *      give it FILE's mode, owner and group, and fsync it.
 *   4. Read it back and compare it with what was meant to be written, and
 *      parse what was written: the new version is proven to be on disk and
 *      to load before anything else is touched.
 *   5. Stage the backup: a hard link to the old FILE under another temporary
 *      name (no data is copied, so it needs no free space), or a copy where
 *      the file system has no hard links. Only an old version that loads is
 *      kept: a file that does not load never replaces FILE.bak.
 *   6. Rename the new version over FILE (atomic), then the staged backup
 *      over FILE.bak (atomic), and fsync the folder.
 *
 * Up to step 6 nothing the user has is touched, and on any failure the
 * temporary files are removed: FILE and FILE.bak stay byte-identical to
 * what they were. A process killed at any point leaves FILE old or new
 * (never partial), FILE.bak a version that loads, and at worst temporary
 * files that the next save removes (step 1).
 *
 * Local files use POSIX calls. Files without a local path (GVfs shares:
 * smb, sftp, dav) go through GIO in the same order: temporary file, read
 * back and parse, backup (a copy: GIO has no hard links), move over FILE.
 */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "custos-file.h"
#include "custos-file-private.h"
#include "custos-xml-reader.h"
#include "custos-xml-writer.h"

/* Temporary files are ".NAME" TEMP_INFIX + TEMP_RANDOM letters. */
#define TEMP_INFIX    ".custos-"
#define TEMP_RANDOM   6
/* Where temporary files cannot be locked (GIO), only ones this old are
 * taken to be left over by a killed save. */
#define STALE_SECONDS (60 * 60)
/* What an etag is made of, when a file is reached through GIO. */
#define ETAG_ATTRIBUTES                                                                     \
  G_FILE_ATTRIBUTE_STANDARD_SIZE "," G_FILE_ATTRIBUTE_TIME_MODIFIED ","                     \
  G_FILE_ATTRIBUTE_TIME_MODIFIED_NSEC "," G_FILE_ATTRIBUTE_UNIX_DEVICE ","                  \
  G_FILE_ATTRIBUTE_UNIX_INODE "," G_FILE_ATTRIBUTE_ETAG_VALUE

/* Fault injection (custos-file-private.h) ---------------------------------- */

static int fault;

void
custos_file_set_fault (CustosFileFault value)
{
  g_atomic_int_set (&fault, (int) value);
}

static inline gboolean
has_fault (CustosFileFault which)
{
  return G_UNLIKELY ((g_atomic_int_get (&fault) & (int) which) != 0);
}

/* Local files are read and written with POSIX calls. */
static gboolean
use_posix (GFile *file)
{
  return g_file_is_native (file) && !has_fault (CUSTOS_FILE_FAULT_GIO);
}

/* Names and messages ------------------------------------------------------- */

/* How the messages name a file: its path, or its URI when it has none. */
static char *
get_display_name (GFile *file)
{
  const char *path = g_file_peek_path (file);

  return path != NULL ? g_strdup (path) : g_file_get_uri (file);
}

static void
set_errno_error (GError **error,
                 int      errsv)
{
  g_set_error_literal (error, G_IO_ERROR, g_io_error_from_errno (errsv), g_strerror (errsv));
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

static void
set_not_regular (GError     **error,
                 const char  *name,
                 const char  *what)
{
  g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_REGULAR_FILE,
               _("%s is not a regular file but %s; Custos only opens regular files"), name, what);
}

static const char *
describe_mode (mode_t mode)
{
  if (S_ISDIR (mode))
    return _("a folder");
  if (S_ISFIFO (mode))
    return _("a named pipe");
  if (S_ISSOCK (mode))
    return _("a socket");
  if (S_ISCHR (mode) || S_ISBLK (mode))
    return _("a device");
  return _("a special file");
}

static const char *
describe_file_type (GFileType type)
{
  switch (type)
    {
    case G_FILE_TYPE_DIRECTORY:
      return _("a folder");
    case G_FILE_TYPE_SPECIAL:
      return _("a special file (a pipe, socket or device)");
    default:
      return _("a shortcut or mount point");
    }
}

/* Every failed save ends here: what went wrong, and that nothing changed. */
static void
set_save_error (GError     **error,
                int          code,
                const char  *name,
                gboolean     existed,
                const char  *reason)
{
  if (existed)
    g_set_error (error, G_IO_ERROR, code, _("Could not save “%s”: %s. Your file on disk was not changed."),
                 name, reason);
  else
    g_set_error (error, G_IO_ERROR, code, _("Could not save “%s”: %s. Nothing was written."), name, reason);
}

/* A failure of the system, in words a user understands. */
static void
fail_with (GError     **error,
           GError      *cause,
           const char  *name,
           const char  *folder,
           gboolean     existed)
{
  g_autofree char *reason = NULL;
  int code = cause->domain == G_IO_ERROR ? cause->code : G_IO_ERROR_FAILED;

  switch (cause->domain == G_IO_ERROR ? cause->code : -1)
    {
    case G_IO_ERROR_NO_SPACE:
      reason = g_strdup (_("the disk is full"));
      break;
    case G_IO_ERROR_PERMISSION_DENIED:
      reason = g_strdup_printf (_("you may not write to the folder “%s”"), folder);
      break;
    case G_IO_ERROR_READ_ONLY:
      reason = g_strdup (_("the disk is read-only"));
      break;
    case G_IO_ERROR_NOT_FOUND:
      reason = g_strdup_printf (_("the folder “%s” does not exist"), folder);
      break;
    default:
      reason = g_strdup (cause->message);
      break;
    }
  set_save_error (error, code, name, existed, reason);
  g_error_free (cause);
}

static void
fail_errno (GError     **error,
            int          errsv,
            const char  *name,
            const char  *folder,
            gboolean     existed)
{
  GError *cause = NULL;

  if (errsv == EIO)
    {
      g_autofree char *reason = g_strdup_printf (_("the disk reported an error (%s)"), g_strerror (errsv));
      set_save_error (error, G_IO_ERROR_FAILED, name, existed, reason);
      return;
    }
  set_errno_error (&cause, errsv);
  fail_with (error, cause, name, folder, existed);
}

/* Etags -------------------------------------------------------------------- */

/* Modification time to the nanosecond, size, device and inode: a file
 * replaced by another (a sync client, git, a colleague's save) changes at
 * least one of them, even with the same size in the same second. The
 * device is cut to 32 bits as GIO's unix::device is, so both ways of
 * reaching a local file give the same etag. */
static char *
format_etag (guint64 seconds,
             guint32 nanoseconds,
             goffset size,
             guint32 device,
             guint64 inode)
{
  return g_strdup_printf ("%" G_GUINT64_FORMAT ".%09u:%" G_GOFFSET_FORMAT ":%u:%" G_GUINT64_FORMAT,
                          seconds, nanoseconds, size, device, inode);
}

static char *
etag_from_stat (const struct stat *st)
{
  return format_etag ((guint64) st->st_mtim.tv_sec, (guint32) st->st_mtim.tv_nsec, st->st_size,
                      (guint32) st->st_dev, (guint64) st->st_ino);
}

static char *
etag_from_info (GFileInfo *info)
{
  if (g_file_info_has_attribute (info, G_FILE_ATTRIBUTE_UNIX_INODE))
    return format_etag (g_file_info_get_attribute_uint64 (info, G_FILE_ATTRIBUTE_TIME_MODIFIED),
                        g_file_info_get_attribute_uint32 (info, G_FILE_ATTRIBUTE_TIME_MODIFIED_NSEC),
                        g_file_info_get_size (info),
                        g_file_info_get_attribute_uint32 (info, G_FILE_ATTRIBUTE_UNIX_DEVICE),
                        g_file_info_get_attribute_uint64 (info, G_FILE_ATTRIBUTE_UNIX_INODE));
  return g_strdup_printf ("%s:%" G_GOFFSET_FORMAT,
                          g_file_info_get_attribute_string (info, G_FILE_ATTRIBUTE_ETAG_VALUE) ?: "",
                          g_file_info_get_size (info));
}

char *
custos_file_query_etag (GFile         *file,
                        GCancellable  *cancellable,
                        GError       **error)
{
  g_autoptr(GFileInfo) info = NULL;

  g_return_val_if_fail (G_IS_FILE (file), NULL);

  if (use_posix (file))
    {
      struct stat st;

      if (stat (g_file_peek_path (file), &st) != 0)
        {
          set_errno_error (error, errno);
          return NULL;
        }
      return etag_from_stat (&st);
    }
  info = g_file_query_info (file, ETAG_ATTRIBUTES, G_FILE_QUERY_INFO_NONE, cancellable, error);
  return info != NULL ? etag_from_info (info) : NULL;
}

static void
query_etag_thread (GTask        *task,
                   gpointer      source_object,
                   gpointer      task_data,
                   GCancellable *cancellable)
{
  GError *error = NULL;
  char *etag = custos_file_query_etag (task_data, cancellable, &error);

  if (etag == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, etag, g_free);
}

void
custos_file_query_etag_async (GFile               *file,
                              GCancellable        *cancellable,
                              GAsyncReadyCallback  callback,
                              gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (G_IS_FILE (file));

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, custos_file_query_etag_async);
  g_task_set_task_data (task, g_object_ref (file), g_object_unref);
  g_task_run_in_thread (task, query_etag_thread);
}

char *
custos_file_query_etag_finish (GAsyncResult  *result,
                               GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == custos_file_query_etag_async, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

/* Files and names ---------------------------------------------------------- */

GFile *
custos_file_get_sibling (GFile      *file,
                         const char *prefix,
                         const char *suffix)
{
  g_autoptr(GFile) parent = NULL;
  g_autofree char *basename = NULL;
  g_autofree char *name = NULL;

  g_return_val_if_fail (G_IS_FILE (file), NULL);

  parent = g_file_get_parent (file);
  basename = g_file_get_basename (file);
  if (parent == NULL || basename == NULL)
    return NULL;
  name = g_strconcat (prefix, basename, suffix, NULL);
  return g_file_get_child (parent, name);
}

GFile *
custos_file_get_backup (GFile *file)
{
  return custos_file_get_sibling (file, "", ".bak");
}

GFile *
custos_file_resolve (GFile *file)
{
  g_autoptr(GFile) current = NULL;

  g_return_val_if_fail (G_IS_FILE (file), NULL);

  current = g_object_ref (file);
  /* As many links as the kernel follows (MAXSYMLINKS); a longer chain is
   * left for the open or the save to report (ELOOP). */
  for (guint hops = 0; hops < 40; hops++)
    {
      g_autoptr(GFileInfo) info =
        g_file_query_info (current, G_FILE_ATTRIBUTE_STANDARD_IS_SYMLINK "," G_FILE_ATTRIBUTE_STANDARD_SYMLINK_TARGET,
                           G_FILE_QUERY_INFO_NOFOLLOW_SYMLINKS, NULL, NULL);
      g_autoptr(GFile) parent = NULL;
      const char *target;

      if (info == NULL || !g_file_info_get_is_symlink (info))
        break;
      target = g_file_info_get_symlink_target (info);
      parent = g_file_get_parent (current);
      if (target == NULL || parent == NULL)
        break;
      g_clear_object (&current);
      current = g_file_resolve_relative_path (parent, target);
    }
  return g_steal_pointer (&current);
}

static gboolean
has_supported_scheme (const char *arg)
{
  g_autofree char *scheme = g_uri_parse_scheme (arg);
  const char * const *schemes = g_vfs_get_supported_uri_schemes (g_vfs_get_default ());

  return scheme != NULL && g_strv_contains (schemes, scheme);
}

GFile *
custos_file_new_for_arg (const char *arg,
                         const char *cwd)
{
  g_autofree char *current = NULL;
  g_autofree char *local = NULL;

  g_return_val_if_fail (arg != NULL, NULL);

  if (g_path_is_absolute (arg))
    return g_file_new_for_path (arg);
  if (cwd == NULL)
    cwd = current = g_get_current_dir ();
  local = g_build_filename (cwd, arg, NULL);
  /* "plan:v2.isms" is a local name unless "plan" is a scheme GIO knows
   * (file, smb, sftp …); even then an existing local file of that name
   * is what the user means. */
  if (!has_supported_scheme (arg) || g_file_test (local, G_FILE_TEST_EXISTS))
    return g_file_new_for_path (local);
  return g_file_new_for_commandline_arg_and_cwd (arg, cwd);
}

/* Temporary files of ours: ".NAME.custos-XXXXXX" in the folder of NAME. */
static char *
temp_prefix (const char *base)
{
  /* Room for the dot, the infix and the random part within NAME_MAX. */
  return g_strdup_printf (".%.*s" TEMP_INFIX, (int) MIN (strlen (base), 200), base);
}

static char *
temp_name (const char *base)
{
  static const char letters[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
  g_autofree char *prefix = temp_prefix (base);
  char random[TEMP_RANDOM + 1];

  for (guint i = 0; i < TEMP_RANDOM; i++)
    random[i] = letters[g_random_int_range (0, sizeof letters - 1)];
  random[TEMP_RANDOM] = '\0';
  return g_strconcat (prefix, random, NULL);
}

static gboolean
is_temp_name (const char *name,
              const char *prefix)
{
  return g_str_has_prefix (name, prefix) && strlen (name) == strlen (prefix) + TEMP_RANDOM;
}

/* Loading ------------------------------------------------------------------ */

typedef gssize (*ReadFunc) (gpointer       source,
                            guint8        *buffer,
                            gsize          count,
                            GCancellable  *cancellable,
                            GError       **error);

static gssize
read_fd (gpointer       source,
         guint8        *buffer,
         gsize          count,
         GCancellable  *cancellable,
         GError       **error)
{
  int fd = GPOINTER_TO_INT (source);

  for (;;)
    {
      gssize n;

      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        return -1;
      n = read (fd, buffer, count);
      if (n >= 0)
        return n;
      if (errno != EINTR)
        {
          set_errno_error (error, errno);
          return -1;
        }
    }
}

static gssize
read_stream (gpointer       source,
             guint8        *buffer,
             gsize          count,
             GCancellable  *cancellable,
             GError       **error)
{
  return g_input_stream_read (source, buffer, count, cancellable, error);
}

/* Reads to the end, but never more than the reader accepts: size (when the
 * file system knows it, else -1) is checked before reading, the length read
 * while reading (for files that grow). */
static GBytes *
read_all (ReadFunc       read_func,
          gpointer       source,
          goffset        size,
          const char    *name,
          GCancellable  *cancellable,
          GError       **error)
{
  g_autoptr(GByteArray) buffer = NULL;
  gsize hint;

  if (size > CUSTOS_XML_MAX_SIZE)
    {
      set_too_large (error, name, size);
      return NULL;
    }
  hint = (gsize) MAX (size, 0);
  buffer = g_byte_array_sized_new (hint + 1);
  for (;;)
    {
      gsize used = buffer->len;
      gsize chunk = MAX (hint + 1 - MIN (used, hint), 64 * 1024);
      gssize n;

      g_byte_array_set_size (buffer, used + chunk);
      n = read_func (source, buffer->data + used, chunk, cancellable, error);
      if (n < 0)
        {
          g_prefix_error (error, "%s: ", name);
          return NULL;
        }
      g_byte_array_set_size (buffer, used + n);
      if (n == 0)
        break;
      if (buffer->len > CUSTOS_XML_MAX_SIZE)
        {
          set_too_large (error, name, 0);
          return NULL;
        }
    }
  return g_byte_array_free_to_bytes (g_steal_pointer (&buffer));
}

/* Opens without blocking (a named pipe would wait for a writer), and reads
 * only a regular file. */
static GBytes *
read_posix (const char    *path,
            const char    *name,
            char         **etag,
            GCancellable  *cancellable,
            GError       **error)
{
  GBytes *bytes;
  struct stat st;
  int fd = open (path, O_RDONLY | O_CLOEXEC | O_NOCTTY | O_NONBLOCK);

  if (fd < 0)
    {
      int errsv = errno;

      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (errsv), _("Could not open %s: %s"), name,
                   g_strerror (errsv));
      return NULL;
    }
  if (fstat (fd, &st) != 0)
    {
      set_errno_error (error, errno);
      g_prefix_error (error, "%s: ", name);
      close (fd);
      return NULL;
    }
  if (!S_ISREG (st.st_mode))
    {
      set_not_regular (error, name, describe_mode (st.st_mode));
      close (fd);
      return NULL;
    }
  fcntl (fd, F_SETFL, fcntl (fd, F_GETFL) & ~O_NONBLOCK);
  bytes = read_all (read_fd, GINT_TO_POINTER (fd), st.st_size, name, cancellable, error);
  close (fd);
  if (bytes != NULL && etag != NULL)
    *etag = etag_from_stat (&st);
  return bytes;
}

static GBytes *
read_gio (GFile         *file,
          const char    *name,
          char         **etag,
          GCancellable  *cancellable,
          GError       **error)
{
  g_autoptr(GFileInfo) type = NULL;
  g_autoptr(GFileInputStream) stream = NULL;
  g_autoptr(GFileInfo) info = NULL;
  g_autoptr(GBytes) bytes = NULL;

  /* Asked before opening: opening a pipe would block. */
  type = g_file_query_info (file, G_FILE_ATTRIBUTE_STANDARD_TYPE, G_FILE_QUERY_INFO_NONE, cancellable, NULL);
  if (type != NULL && g_file_info_get_file_type (type) != G_FILE_TYPE_REGULAR &&
      g_file_info_get_file_type (type) != G_FILE_TYPE_UNKNOWN)
    {
      set_not_regular (error, name, describe_file_type (g_file_info_get_file_type (type)));
      return NULL;
    }
  stream = g_file_read (file, cancellable, error);
  if (stream == NULL)
    return NULL;
  info = g_file_input_stream_query_info (stream, ETAG_ATTRIBUTES, cancellable, NULL);
  bytes = read_all (read_stream, stream,
                    info != NULL && g_file_info_has_attribute (info, G_FILE_ATTRIBUTE_STANDARD_SIZE)
                      ? g_file_info_get_size (info) : -1,
                    name, cancellable, error);
  if (bytes == NULL || !g_input_stream_close (G_INPUT_STREAM (stream), cancellable, error))
    return NULL;
  if (etag != NULL)
    *etag = info != NULL ? etag_from_info (info) : NULL;
  return g_steal_pointer (&bytes);
}

CustosDocument *
custos_file_load_full (GFile         *file,
                       char         **etag,
                       GCancellable  *cancellable,
                       GError       **error)
{
  g_autofree char *name = NULL;
  g_autofree char *read_etag = NULL;
  g_autoptr(GBytes) bytes = NULL;
  CustosDocument *document;
  gsize length = 0;
  const char *data;

  g_return_val_if_fail (G_IS_FILE (file), NULL);
  g_return_val_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  name = get_display_name (file);
  if (use_posix (file))
    bytes = read_posix (g_file_peek_path (file), name, &read_etag, cancellable, error);
  else
    bytes = read_gio (file, name, &read_etag, cancellable, error);
  if (bytes == NULL)
    return NULL;
  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return NULL;

  data = g_bytes_get_data (bytes, &length);
  document = custos_xml_read (data, length, name, error);
  if (document != NULL && etag != NULL)
    *etag = g_steal_pointer (&read_etag);
  return document;
}

CustosDocument *
custos_file_load (GFile         *file,
                  GCancellable  *cancellable,
                  GError       **error)
{
  return custos_file_load_full (file, NULL, cancellable, error);
}

typedef struct
{
  CustosDocument *document;
  char           *etag;
} Loaded;

static void
loaded_free (gpointer data)
{
  Loaded *loaded = data;

  g_clear_object (&loaded->document);
  g_free (loaded->etag);
  g_free (loaded);
}

static void
load_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  GError *error = NULL;
  Loaded *loaded = g_new0 (Loaded, 1);

  loaded->document = custos_file_load_full (task_data, &loaded->etag, cancellable, &error);
  if (loaded->document == NULL)
    {
      loaded_free (loaded);
      g_task_return_error (task, error);
    }
  else
    g_task_return_pointer (task, loaded, loaded_free);
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
                         char         **etag,
                         GError       **error)
{
  Loaded *loaded;
  CustosDocument *document;

  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == custos_file_load_async, NULL);

  loaded = g_task_propagate_pointer (G_TASK (result), error);
  if (loaded == NULL)
    return NULL;
  document = g_steal_pointer (&loaded->document);
  if (etag != NULL)
    *etag = g_steal_pointer (&loaded->etag);
  loaded_free (loaded);
  return document;
}

/* Saving: the steps both ways share -------------------------------------- */

/* What a save needs to know about the file it replaces. */
typedef struct
{
  const char *name;      /* for messages: the file as the caller named it */
  char       *folder;    /* for messages: the folder it is written in */
  GBytes     *bytes;     /* the new version */
  const char *etag;      /* the version the caller expects, or NULL */
  gboolean    existed;   /* there is an old version */
  gboolean    vouched;   /* the old version has the expected etag */
} Save;

/* What was written (and is now on disk: it was read back) must load. The
 * bytes are the ones just compared with the disk, so parsing them parses
 * what was written without holding a second copy of it. */
static gboolean
check_loads (Save    *save,
             GError **error)
{
  g_autoptr(GError) cause = NULL;
  g_autoptr(CustosDocument) document = NULL;
  gsize length = 0;
  const char *data = g_bytes_get_data (save->bytes, &length);

  document = custos_xml_read (data != NULL ? data : "", length, save->name, &cause);
  if (document == NULL)
    {
      g_autofree char *reason = g_strdup_printf (_("the new version does not load (%s)"), cause->message);
      set_save_error (error, G_IO_ERROR_INVALID_DATA, save->name, save->existed, reason);
      return FALSE;
    }
  return TRUE;
}

/* The parse that proves the new version loads needs only its bytes, not
 * the disk: it runs in a thread of its own while they are written, flushed
 * and read back, and its verdict is awaited before anything is renamed. The
 * same parse of the same bytes as before, so just as strict; only sooner. */
typedef struct
{
  Save    *save;
  GThread *thread;
  GError  *error;
  gboolean loads;
} LoadCheck;

static gpointer
load_check_run (gpointer data)
{
  LoadCheck *check = data;

  check->loads = check_loads (check->save, &check->error);
  return NULL;
}

static void
load_check_start (LoadCheck *check,
                  Save      *save)
{
  check->save = save;
  check->thread = g_thread_new ("custos-save-check", load_check_run, check);
}

/* FALSE, with error set, when the new version does not load. */
static gboolean
load_check_finish (LoadCheck  *check,
                   GError    **error)
{
  g_thread_join (g_steal_pointer (&check->thread));
  if (!check->loads)
    {
      g_propagate_error (error, g_steal_pointer (&check->error));
      return FALSE;
    }
  return TRUE;
}

/* On the ways out before the verdict, which is then of no interest. */
static void
load_check_clear (LoadCheck *check)
{
  if (check->thread != NULL)
    g_thread_join (g_steal_pointer (&check->thread));
  g_clear_error (&check->error);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (LoadCheck, load_check_clear)

static void
set_not_intact (Save    *save,
                GError **error)
{
  set_save_error (error, G_IO_ERROR_INVALID_DATA, save->name, save->existed,
                  _("what was written could not be read back intact"));
}

/* Only a previous version that loads becomes the backup: a broken file must
 * never replace a good FILE.bak. A version with the etag the caller loaded
 * or saved is known to load; any other is parsed. */
static gboolean
old_version_loads (Save  *save,
                   GFile *target)
{
  g_autoptr(CustosDocument) document = NULL;

  if (save->vouched)
    return TRUE;
  document = custos_file_load (target, NULL, NULL);
  if (document == NULL)
    g_debug ("%s does not load: it does not replace the backup", save->name);
  return document != NULL;
}

/* The checks before anything is written. */
static gboolean
check_old_version (Save         *save,
                   gboolean      regular,
                   const char   *type,
                   const char   *etag,
                   gboolean      writable,
                   GError      **error)
{
  if (!save->existed)
    return TRUE;
  if (!regular)
    {
      g_autofree char *reason = g_strdup_printf (_("it is not a regular file but %s"), type);
      set_save_error (error, G_IO_ERROR_NOT_REGULAR_FILE, save->name, TRUE, reason);
      return FALSE;
    }
  save->vouched = save->etag != NULL && g_strcmp0 (save->etag, etag) == 0;
  if (save->etag != NULL && !save->vouched)
    {
      set_save_error (error, G_IO_ERROR_WRONG_ETAG, save->name, TRUE,
                      _("it was changed on disk since it was opened or last saved"));
      return FALSE;
    }
  if (!writable)
    {
      set_save_error (error, G_IO_ERROR_PERMISSION_DENIED, save->name, TRUE, _("the file is read-only"));
      return FALSE;
    }
  return TRUE;
}

/* Saving local files (POSIX) ----------------------------------------------- */

/* Temporary files of a save in progress, removed unless committed. */
typedef struct
{
  int   fd;     /* the new version, locked */
  char *temp;   /* its path until it is renamed over the file */
  char *staged; /* the backup, until it is renamed over FILE.bak */
} Scratch;

static void
scratch_clear (Scratch *scratch)
{
  if (scratch->fd >= 0)
    close (scratch->fd);
  if (scratch->temp != NULL)
    g_unlink (scratch->temp);
  if (scratch->staged != NULL)
    g_unlink (scratch->staged);
  g_clear_pointer (&scratch->temp, g_free);
  g_clear_pointer (&scratch->staged, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Scratch, scratch_clear)

/* Temporary files another save left behind when it was killed: ours by
 * name, and not locked by a save still running (every save holds an flock
 * on its temporary file). Where locks are not supported, only old ones. */
static void
remove_stale_temps (const char *folder,
                    const char *base)
{
  g_autoptr(GDir) dir = g_dir_open (folder, 0, NULL);
  g_autofree char *prefix = temp_prefix (base);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = NULL;
      struct stat st;
      int fd;

      if (!is_temp_name (name, prefix))
        continue;
      path = g_build_filename (folder, name, NULL);
      fd = open (path, O_RDONLY | O_CLOEXEC | O_NOFOLLOW | O_NONBLOCK | O_NOCTTY);
      if (fd < 0)
        continue;
      if (fstat (fd, &st) == 0 && S_ISREG (st.st_mode))
        {
          if (flock (fd, LOCK_EX | LOCK_NB) == 0 ||
              (errno != EWOULDBLOCK && st.st_mtime < time (NULL) - STALE_SECONDS))
            {
              g_debug ("Removing %s, left by a save that did not finish", path);
              g_unlink (path);
            }
        }
      close (fd);
    }
}

/* Writes everything; FALSE with errno set when it cannot. */
static gboolean
write_all (int         fd,
           const char *data,
           gsize       length)
{
  gsize done = 0;

  while (done < length)
    {
      gsize chunk = MIN (length - done, (gsize) 1 << 30);
      gssize n;

      if (has_fault (CUSTOS_FILE_FAULT_WRITE))
        {
          if (done >= length / 2)
            {
              errno = ENOSPC;
              return FALSE;
            }
          chunk = MIN (chunk, length / 2 - done);
        }
      n = write (fd, data + done, chunk);
      if (n < 0)
        {
          if (errno == EINTR)
            continue;
          return FALSE;
        }
      done += (gsize) n;
    }
  return TRUE;
}

/* Reads the file back and compares it with what was meant to be written
 * (after fsync, so what the disk returns). */
static gboolean
reads_back (int     fd,
            GBytes *bytes)
{
  gsize length = 0;
  const char *data = g_bytes_get_data (bytes, &length);
  gsize size = 1024 * 1024;
  g_autofree char *buffer = g_malloc (size);
  gsize done = 0;

  for (;;)
    {
      gssize n = pread (fd, buffer, size, (off_t) done);

      if (n < 0 && errno == EINTR)
        continue;
      if (n < 0)
        return FALSE;
      if (n == 0)
        break;
      if (done + (gsize) n > length || memcmp (buffer, data + done, (gsize) n) != 0)
        return FALSE;
      done += (gsize) n;
    }
  if (has_fault (CUSTOS_FILE_FAULT_VERIFY) && done > 0)
    done--;
  return done == length;
}

/* The owner and group, where the system allows (a user may only give the
 * file to one of their own groups; root may give it to anyone), then the
 * mode (after chown, which clears set-id bits). If the owner cannot be
 * kept, the new version belongs to whoever saves it, with the same mode. */
static void
keep_owner_and_mode (int                fd,
                     const struct stat *old)
{
  if (fchown (fd, old->st_uid, old->st_gid) != 0 && fchown (fd, (uid_t) -1, old->st_gid) != 0)
    g_debug ("Could not keep the group of the file: %s", g_strerror (errno));
  if (fchmod (fd, old->st_mode & 07777) != 0)
    g_debug ("Could not keep the mode of the file: %s", g_strerror (errno));
}

/* A temporary file of ours in folder, created (O_EXCL), mode 0600, locked. */
static int
create_temp (const char  *folder,
             const char  *base,
             char       **path)
{
  g_autofree char *prefix = temp_prefix (base);
  g_autofree char *template = g_strdup_printf ("%s/%sXXXXXX", folder, prefix);
  int fd = g_mkstemp_full (template, O_RDWR | O_CLOEXEC, 0600);

  if (fd < 0)
    return -1;
  /* The lock tells other saves that this file is in use (see
   * remove_stale_temps); it goes when the process does. */
  if (flock (fd, LOCK_EX | LOCK_NB) != 0)
    g_debug ("Could not lock %s: %s", template, g_strerror (errno));
  *path = g_steal_pointer (&template);
  return fd;
}

static gboolean
copy_fd (int from,
         int to)
{
  gsize size = 1024 * 1024;
  g_autofree char *buffer = g_malloc (size);

  for (;;)
    {
      gssize n = read (from, buffer, size);

      if (n < 0 && errno == EINTR)
        continue;
      if (n <= 0)
        return n == 0;
      if (!write_all (to, buffer, (gsize) n))
        return FALSE;
    }
}

/* The backup-to-be: a hard link to the old version under a temporary name,
 * renamed over FILE.bak only once the new version is in place. A hard link
 * copies nothing, so it costs no free space and cannot be cut short by a
 * full disk. Where there are no hard links (FAT and exFAT, some SMB and
 * FUSE mounts: EPERM, EOPNOTSUPP, ENOSYS; also EPERM where
 * fs.protected_hardlinks refuses to link a colleague's file), the old
 * version is copied instead and flushed to disk. That copy costs its size
 * in free space; if there is not enough, the save fails before anything
 * is replaced rather than go on without a backup, and the old file is
 * never renamed away to make room, which would leave no FILE at all
 * between two renames. FALSE with errno set. */
static gboolean
stage_backup (const char         *path,
              const char         *folder,
              const char         *base,
              const struct stat  *old,
              char              **staged)
{
  int from, to, errsv = 0;

  for (guint attempt = 0; attempt < 100; attempt++)
    {
      g_autofree char *name = temp_name (base);
      g_autofree char *link_path = g_build_filename (folder, name, NULL);

      if (!has_fault (CUSTOS_FILE_FAULT_NO_LINK) && link (path, link_path) == 0)
        {
          *staged = g_steal_pointer (&link_path);
          return TRUE;
        }
      errsv = has_fault (CUSTOS_FILE_FAULT_NO_LINK) ? EPERM : errno;
      if (errsv != EEXIST)
        break;
    }
  if (errsv != EPERM && errsv != EOPNOTSUPP && errsv != ENOSYS && errsv != EMLINK && errsv != EXDEV)
    {
      errno = errsv;
      return FALSE;
    }

  g_debug ("No hard link to %s (%s): the backup is a copy", path, g_strerror (errsv));
  from = open (path, O_RDONLY | O_CLOEXEC | O_NOCTTY);
  if (from < 0)
    return FALSE;
  to = create_temp (folder, base, staged);
  if (to < 0 || !copy_fd (from, to) || fsync (to) != 0)
    {
      errsv = errno;
      close (from);
      if (to >= 0)
        {
          close (to);
          g_unlink (*staged);
          g_clear_pointer (staged, g_free);
        }
      errno = errsv;
      return FALSE;
    }
  keep_owner_and_mode (to, old);
  close (from);
  close (to);
  return TRUE;
}

/* After the renames, so that they survive a power cut. Failing here is not
 * a failed save: the new version is in place, and an error would leave the
 * caller believing the old one is. */
static void
sync_folder (const char *folder)
{
  int fd = open (folder, O_RDONLY | O_DIRECTORY | O_CLOEXEC);

  if (fd < 0)
    return;
  if (fsync (fd) != 0 && errno != EINVAL && errno != EROFS)
    g_message ("Could not flush the folder %s to disk: %s", folder, g_strerror (errno));
  close (fd);
}

static gboolean
replace_posix (Save          *save,
               const char    *path,
               char         **new_etag,
               GCancellable  *cancellable,
               GError       **error)
{
  g_autofree char *base = g_path_get_basename (path);
  g_autofree char *backup = g_strconcat (path, ".bak", NULL);
  g_auto(Scratch) scratch = { -1, NULL, NULL };
  g_auto(LoadCheck) check = { NULL, };
  g_autofree char *old_etag = NULL;
  g_autoptr(GFile) file = g_file_new_for_path (path);
  struct stat old, st;
  gsize length = 0;
  const char *data = g_bytes_get_data (save->bytes, &length);
  GError *cause = NULL;

  save->folder = g_path_get_dirname (path);
  remove_stale_temps (save->folder, base);

  /* 2. The old version: still the one the caller expects? */
  if (stat (path, &old) == 0)
    save->existed = TRUE;
  else if (errno != ENOENT)
    {
      fail_errno (error, errno, save->name, save->folder, FALSE);
      return FALSE;
    }
  if (save->existed)
    old_etag = etag_from_stat (&old);
  if (!check_old_version (save, save->existed && S_ISREG (old.st_mode),
                          save->existed ? describe_mode (old.st_mode) : NULL, old_etag,
                          !save->existed || access (path, W_OK) == 0 || errno != EACCES, error))
    return FALSE;

  /* 3. The new version, on disk (and parsed meanwhile, see LoadCheck). */
  if (g_cancellable_set_error_if_cancelled (cancellable, &cause))
    {
      fail_with (error, cause, save->name, save->folder, save->existed);
      return FALSE;
    }
  load_check_start (&check, save);
  scratch.fd = create_temp (save->folder, base, &scratch.temp);
  if (scratch.fd < 0 || !write_all (scratch.fd, data, length))
    {
      fail_errno (error, errno, save->name, save->folder, save->existed);
      return FALSE;
    }
  if (save->existed)
    keep_owner_and_mode (scratch.fd, &old);
  if (has_fault (CUSTOS_FILE_FAULT_FSYNC) || fsync (scratch.fd) != 0)
    {
      fail_errno (error, has_fault (CUSTOS_FILE_FAULT_FSYNC) ? EIO : errno, save->name, save->folder,
                  save->existed);
      return FALSE;
    }

  /* 4. Read back, and it loads. */
  if (!reads_back (scratch.fd, save->bytes))
    {
      set_not_intact (save, error);
      return FALSE;
    }
  if (!load_check_finish (&check, error))
    return FALSE;
  if (g_cancellable_set_error_if_cancelled (cancellable, &cause))
    {
      fail_with (error, cause, save->name, save->folder, save->existed);
      return FALSE;
    }

  /* 5. The backup, staged. */
  if (save->existed && old_version_loads (save, file) &&
      !stage_backup (path, save->folder, base, &old, &scratch.staged))
    {
      fail_errno (error, errno, save->name, save->folder, TRUE);
      return FALSE;
    }

  /* 6. The point of no return. */
  if (has_fault (CUSTOS_FILE_FAULT_RENAME) || rename (scratch.temp, path) != 0)
    {
      fail_errno (error, has_fault (CUSTOS_FILE_FAULT_RENAME) ? EIO : errno, save->name, save->folder,
                  save->existed);
      return FALSE;
    }
  g_clear_pointer (&scratch.temp, g_free);
  /* If FILE.bak already was a link to the old version, rename() does
   * nothing and the staged name stays: scratch_clear removes it. */
  if (scratch.staged != NULL && rename (scratch.staged, backup) != 0)
    g_message ("Could not keep the previous version as %s: %s", backup, g_strerror (errno));
  sync_folder (save->folder);

  if (new_etag != NULL && fstat (scratch.fd, &st) == 0)
    *new_etag = etag_from_stat (&st);
  return TRUE;
}

/* Saving through GIO ------------------------------------------------------- */

typedef struct
{
  GFile *temp;
  GFile *staged;
} GioScratch;

static void
gio_scratch_clear (GioScratch *scratch)
{
  if (scratch->temp != NULL)
    g_file_delete (scratch->temp, NULL, NULL);
  if (scratch->staged != NULL)
    g_file_delete (scratch->staged, NULL, NULL);
  g_clear_object (&scratch->temp);
  g_clear_object (&scratch->staged);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (GioScratch, gio_scratch_clear)

/* Without locks, a temporary file is taken to be left over when it is old. */
static void
remove_stale_temps_gio (GFile      *parent,
                        const char *base)
{
  g_autoptr(GFileEnumerator) children = NULL;
  g_autofree char *prefix = temp_prefix (base);
  GFileInfo *info;

  children = g_file_enumerate_children (parent, G_FILE_ATTRIBUTE_STANDARD_NAME "," G_FILE_ATTRIBUTE_TIME_MODIFIED,
                                        G_FILE_QUERY_INFO_NOFOLLOW_SYMLINKS, NULL, NULL);
  while (children != NULL && (info = g_file_enumerator_next_file (children, NULL, NULL)) != NULL)
    {
      const char *name = g_file_info_get_name (info);

      if (is_temp_name (name, prefix) &&
          g_file_info_get_attribute_uint64 (info, G_FILE_ATTRIBUTE_TIME_MODIFIED) <
            (guint64) (g_get_real_time () / G_USEC_PER_SEC - STALE_SECONDS))
        {
          g_autoptr(GFile) child = g_file_get_child (parent, name);
          g_file_delete (child, NULL, NULL);
        }
      g_object_unref (info);
    }
}

static GFileOutputStream *
create_temp_gio (GFile         *parent,
                 const char    *base,
                 GFile        **temp,
                 GCancellable  *cancellable,
                 GError       **error)
{
  for (guint attempt = 0;; attempt++)
    {
      g_autofree char *name = temp_name (base);
      g_autoptr(GFile) child = g_file_get_child (parent, name);
      g_autoptr(GError) local_error = NULL;
      GFileOutputStream *stream = g_file_create (child, G_FILE_CREATE_PRIVATE, cancellable, &local_error);

      if (stream != NULL)
        {
          *temp = g_steal_pointer (&child);
          return stream;
        }
      if (attempt == 100 || !g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_EXISTS))
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return NULL;
        }
    }
}

static gboolean
write_temp_gio (GFile         *parent,
                const char    *base,
                GBytes        *bytes,
                GFile        **temp,
                GCancellable  *cancellable,
                GError       **error)
{
  g_autoptr(GFileOutputStream) stream = create_temp_gio (parent, base, temp, cancellable, error);
  gsize length = 0;
  const char *data = g_bytes_get_data (bytes, &length);

  if (stream == NULL)
    return FALSE;
  if (has_fault (CUSTOS_FILE_FAULT_WRITE))
    {
      g_output_stream_write_all (G_OUTPUT_STREAM (stream), data, length / 2, NULL, cancellable, NULL);
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NO_SPACE, g_strerror (ENOSPC));
      return FALSE;
    }
  return g_output_stream_write_all (G_OUTPUT_STREAM (stream), data, length, NULL, cancellable, error) &&
         g_output_stream_close (G_OUTPUT_STREAM (stream), cancellable, error);
}

static gboolean
reads_back_gio (GFile        *temp,
                GBytes       *bytes,
                GCancellable *cancellable)
{
  g_autofree char *contents = NULL;
  gsize length = 0;

  if (!g_file_load_contents (temp, cancellable, &contents, &length, NULL, NULL))
    return FALSE;
  if (has_fault (CUSTOS_FILE_FAULT_VERIFY) && length > 0)
    length--;
  return length == g_bytes_get_size (bytes) && memcmp (contents, g_bytes_get_data (bytes, NULL), length) == 0;
}

static gboolean
replace_gio (Save          *save,
             GFile         *target,
             char         **new_etag,
             GCancellable  *cancellable,
             GError       **error)
{
  g_autoptr(GFile) parent = g_file_get_parent (target);
  g_autofree char *base = g_file_get_basename (target);
  g_autoptr(GFile) backup = custos_file_get_backup (target);
  g_auto(GioScratch) scratch = { NULL, NULL };
  g_auto(LoadCheck) check = { NULL, };
  g_autoptr(GFileInfo) old = NULL;
  g_autoptr(GFileInfo) written = NULL;
  g_autofree char *old_etag = NULL;
  GError *cause = NULL;

  if (parent == NULL)
    {
      set_save_error (error, G_IO_ERROR_NOT_SUPPORTED, save->name, FALSE, _("it is not a file in a folder"));
      return FALSE;
    }
  save->folder = get_display_name (parent);
  remove_stale_temps_gio (parent, base);

  old = g_file_query_info (target, ETAG_ATTRIBUTES "," G_FILE_ATTRIBUTE_STANDARD_TYPE ","
                           G_FILE_ATTRIBUTE_UNIX_MODE "," G_FILE_ATTRIBUTE_ACCESS_CAN_WRITE,
                           G_FILE_QUERY_INFO_NONE, cancellable, &cause);
  if (old == NULL && !g_error_matches (cause, G_IO_ERROR, G_IO_ERROR_NOT_FOUND))
    {
      fail_with (error, cause, save->name, save->folder, FALSE);
      return FALSE;
    }
  g_clear_error (&cause);
  save->existed = old != NULL;
  if (save->existed)
    old_etag = etag_from_info (old);
  if (!check_old_version (save, save->existed && g_file_info_get_file_type (old) == G_FILE_TYPE_REGULAR,
                          save->existed ? describe_file_type (g_file_info_get_file_type (old)) : NULL,
                          old_etag,
                          !save->existed || !g_file_info_has_attribute (old, G_FILE_ATTRIBUTE_ACCESS_CAN_WRITE) ||
                            g_file_info_get_attribute_boolean (old, G_FILE_ATTRIBUTE_ACCESS_CAN_WRITE),
                          error))
    return FALSE;

  /* The new version: written, read back, and it loads (parsed meanwhile,
   * see LoadCheck). GIO has no fsync; closing the stream flushes it as far
   * as the backend can. */
  load_check_start (&check, save);
  if (!write_temp_gio (parent, base, save->bytes, &scratch.temp, cancellable, &cause))
    {
      fail_with (error, cause, save->name, save->folder, save->existed);
      return FALSE;
    }
  if (save->existed && g_file_info_has_attribute (old, G_FILE_ATTRIBUTE_UNIX_MODE))
    g_file_set_attribute_uint32 (scratch.temp, G_FILE_ATTRIBUTE_UNIX_MODE,
                                 g_file_info_get_attribute_uint32 (old, G_FILE_ATTRIBUTE_UNIX_MODE) & 07777,
                                 G_FILE_QUERY_INFO_NONE, cancellable, NULL);
  if (!reads_back_gio (scratch.temp, save->bytes, cancellable))
    {
      set_not_intact (save, error);
      return FALSE;
    }
  if (!load_check_finish (&check, error))
    return FALSE;

  /* The backup, staged: a copy under a temporary name. */
  if (save->existed && old_version_loads (save, target))
    {
      g_autofree char *name = temp_name (base);

      scratch.staged = g_file_get_child (parent, name);
      if (!g_file_copy (target, scratch.staged, G_FILE_COPY_NONE, cancellable, NULL, NULL, &cause))
        {
          g_clear_object (&scratch.staged);
          fail_with (error, cause, save->name, save->folder, TRUE);
          return FALSE;
        }
    }

  /* The point of no return. */
  if (has_fault (CUSTOS_FILE_FAULT_RENAME))
    g_set_error_literal (&cause, G_IO_ERROR, G_IO_ERROR_FAILED, g_strerror (EIO));
  if (cause != NULL ||
      !g_file_move (scratch.temp, target, G_FILE_COPY_OVERWRITE, cancellable, NULL, NULL, &cause))
    {
      fail_with (error, cause, save->name, save->folder, save->existed);
      return FALSE;
    }
  g_clear_object (&scratch.temp);
  if (scratch.staged != NULL &&
      !g_file_move (scratch.staged, backup, G_FILE_COPY_OVERWRITE, NULL, NULL, NULL, &cause))
    {
      g_message ("Could not keep the previous version as %s: %s", g_file_peek_path (backup), cause->message);
      g_clear_error (&cause);
    }
  else
    g_clear_object (&scratch.staged);

  written = g_file_query_info (target, ETAG_ATTRIBUTES, G_FILE_QUERY_INFO_NONE, NULL, NULL);
  if (new_etag != NULL && written != NULL)
    *new_etag = etag_from_info (written);
  return TRUE;
}

/* Writes bytes over file (through symbolic links) as the top of this file
 * describes. */
static gboolean
write_contents (GFile         *file,
                GBytes        *bytes,
                const char    *etag,
                char         **new_etag,
                GCancellable  *cancellable,
                GError       **error)
{
  g_autoptr(GFile) target = custos_file_resolve (file);
  g_autofree char *name = get_display_name (file);
  Save save = { name, NULL, bytes, etag, FALSE, FALSE };
  gboolean saved;

  if (use_posix (target))
    saved = replace_posix (&save, g_file_peek_path (target), new_etag, cancellable, error);
  else
    saved = replace_gio (&save, target, new_etag, cancellable, error);
  g_free (save.folder);
  return saved;
}

gboolean
custos_file_save_full (CustosDocument  *document,
                       GFile           *file,
                       const char      *etag,
                       char           **new_etag,
                       GCancellable    *cancellable,
                       GError         **error)
{
  g_autoptr(GBytes) bytes = NULL;

  g_return_val_if_fail (CUSTOS_IS_DOCUMENT (document), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);
  g_return_val_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  bytes = custos_xml_write (document);
  if (!write_contents (file, bytes, etag, new_etag, cancellable, error))
    return FALSE;
  custos_document_set_modified (document, FALSE);
  return TRUE;
}

gboolean
custos_file_save (CustosDocument  *document,
                  GFile           *file,
                  GCancellable    *cancellable,
                  GError         **error)
{
  return custos_file_save_full (document, file, NULL, NULL, cancellable, error);
}

typedef struct
{
  CustosDocument *document;
  GFile          *file;
  GBytes         *bytes;
  char           *etag;      /* expected */
  char           *new_etag;  /* written */
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
  g_free (data->etag);
  g_free (data->new_etag);
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
  if (write_contents (data->file, data->bytes, data->etag, &data->new_etag, cancellable, &error))
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
                        const char          *etag,
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
  data->etag = g_strdup (etag);
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
                         char         **new_etag,
                         GError       **error)
{
  SaveData *data;

  g_return_val_if_fail (G_IS_TASK (result), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == custos_file_save_async, FALSE);

  if (!g_task_propagate_boolean (G_TASK (result), error))
    return FALSE;
  data = g_task_get_task_data (G_TASK (result));
  if (new_etag != NULL)
    *new_etag = g_steal_pointer (&data->new_etag);
  return TRUE;
}
