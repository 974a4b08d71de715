/* SPDX-License-Identifier: GPL-3.0-or-later */
/* custos-lock.c — lock files that tell others a document is open
 *
 * The convention is LibreOffice's, which people who share folders already
 * know: beside plan.isms, a file .~lock.plan.isms# holds one entry
 *
 *   Full Name,user,host,DD.MM.YYYY HH:MM,URL;
 *
 * (',', ';' and '\' inside a field escaped with '\'; the URL is the user
 * profile of the program holding the lock; no line break). It is created
 * exclusively when a window opens the document and removed when it closes,
 * and only if it is still the entry we wrote.
 *
 * A lock file left by a crash would lock the document for good. A process
 * holding a local lock file also holds an flock on it, which the kernel
 * drops when the process ends however it ends; so an entry of this same
 * user, computer and profile that nobody holds locked is stale and is
 * taken over. An entry of anyone else is never taken to be stale: only its
 * owner knows whether they still have the document open, and the user
 * decides (custos_lock_acquire's force).
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

#include "custos-escape.h"
#include "custos-file.h"
#include "custos-lock.h"

/* LibreOffice reads at most this much of a lock file. */
#define MAX_LOCK_SIZE 32000
#define N_FIELDS      5

struct _CustosLock
{
  GObject  parent_instance;

  GFile   *lock_file;
  char    *content;   /* the entry we wrote */
  int      fd;        /* holds the flock (local lock files), or -1 */
};

G_DEFINE_FINAL_TYPE (CustosLock, custos_lock, G_TYPE_OBJECT)

/* The entry ----------------------------------------------------------------- */

CustosLockOwner *
custos_lock_owner_copy (const CustosLockOwner *owner)
{
  CustosLockOwner *copy;

  if (owner == NULL)
    return NULL;
  copy = g_new0 (CustosLockOwner, 1);
  copy->full_name = g_strdup (owner->full_name);
  copy->user = g_strdup (owner->user);
  copy->host = g_strdup (owner->host);
  copy->since = g_strdup (owner->since);
  copy->url = g_strdup (owner->url);
  return copy;
}

void
custos_lock_owner_free (CustosLockOwner *owner)
{
  if (owner == NULL)
    return;
  g_free (owner->full_name);
  g_free (owner->user);
  g_free (owner->host);
  g_free (owner->since);
  g_free (owner->url);
  g_free (owner);
}

CustosLockOwner *
custos_lock_owner_new_for_self (void)
{
  CustosLockOwner *owner = g_new0 (CustosLockOwner, 1);
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *profile = g_build_filename (g_get_user_config_dir (), "custos", NULL);
  const char *real_name = g_get_real_name ();

  /* GLib says "Unknown" when the system has no real name; LibreOffice
   * leaves the field empty then. */
  owner->full_name = g_strdup (g_strcmp0 (real_name, "Unknown") != 0 ? real_name : "");
  owner->user = g_strdup (g_get_user_name ());
  owner->host = g_strdup (g_get_host_name ());
  owner->since = g_date_time_format (now, "%d.%m.%Y %H:%M");
  owner->url = g_filename_to_uri (profile, NULL, NULL);
  return owner;
}

static const char *
owner_field (const CustosLockOwner *owner,
             guint                  i)
{
  const char *fields[N_FIELDS] = { owner->full_name, owner->user, owner->host, owner->since, owner->url };

  return fields[i];
}

char *
custos_lock_owner_format (const CustosLockOwner *owner)
{
  GString *entry = g_string_new (NULL);

  g_return_val_if_fail (owner != NULL, NULL);

  for (guint i = 0; i < N_FIELDS; i++)
    {
      for (const char *c = owner_field (owner, i); c != NULL && *c != '\0'; c++)
        {
          if (*c == ',' || *c == ';' || *c == '\\')
            g_string_append_c (entry, '\\');
          g_string_append_c (entry, *c);
        }
      g_string_append_c (entry, i + 1 < N_FIELDS ? ',' : ';');
    }
  return g_string_free (entry, FALSE);
}

CustosLockOwner *
custos_lock_owner_parse (const char *data,
                         gsize       length)
{
  g_autoptr(CustosLockOwner) owner = g_new0 (CustosLockOwner, 1);
  char **fields[N_FIELDS] = { &owner->full_name, &owner->user, &owner->host, &owner->since, &owner->url };
  gsize pos = 0;

  for (guint i = 0; i < N_FIELDS; i++)
    {
      g_autoptr(GString) field = g_string_new (NULL);
      char end = i + 1 < N_FIELDS ? ',' : ';';

      for (;; pos++)
        {
          if (pos >= length)
            return NULL;
          if (data[pos] == '\\')
            {
              if (pos + 1 >= length || (data[pos + 1] != ',' && data[pos + 1] != ';' && data[pos + 1] != '\\'))
                return NULL;
              g_string_append_c (field, data[++pos]);
            }
          else if (data[pos] == ',' || data[pos] == ';')
            break;
          else
            g_string_append_c (field, data[pos]);
        }
      if (data[pos++] != end)
        return NULL;
      *fields[i] = g_utf8_make_valid (field->str, (gssize) field->len);
    }
  return g_steal_pointer (&owner);
}

char *
custos_lock_owner_describe (const CustosLockOwner *owner)
{
  gboolean has_name, has_user, has_host;
  g_autofree char *text = NULL;

  g_return_val_if_fail (owner != NULL, NULL);

  has_name = owner->full_name != NULL && owner->full_name[0] != '\0';
  has_user = owner->user != NULL && owner->user[0] != '\0';
  has_host = owner->host != NULL && owner->host[0] != '\0';
  if (has_name && has_user && has_host)
    /* Translators: a person's name, their login name and computer */
    text = g_strdup_printf (_("%s (%s on %s)"), owner->full_name, owner->user, owner->host);
  else if (has_user && has_host)
    /* Translators: a login name and a computer */
    text = g_strdup_printf (_("%s on %s"), owner->user, owner->host);
  else if (has_name || has_user)
    text = g_strdup (has_name ? owner->full_name : owner->user);
  else
    text = g_strdup (_("someone"));
  /* Anyone who can write the folder writes the lock file. */
  return custos_escape_unsafe (text);
}

static gboolean
is_own (const CustosLockOwner *owner,
        const CustosLockOwner *self)
{
  return owner != NULL && g_strcmp0 (owner->user, self->user) == 0 && g_strcmp0 (owner->host, self->host) == 0 &&
         g_strcmp0 (owner->url, self->url) == 0;
}

/* The lock --------------------------------------------------------------------- */

GFile *
custos_lock_get_lock_file (GFile *file)
{
  g_autoptr(GFile) target = NULL;

  g_return_val_if_fail (G_IS_FILE (file), NULL);

  /* Beside the file itself, not beside a link to it, so every way of
   * reaching the file finds the same lock (LibreOffice does the same). */
  target = custos_file_resolve (file);
  return custos_file_get_sibling (target, ".~lock.", "#");
}

static void
release (CustosLock *self)
{
  g_autofree char *now = NULL;
  gsize length = 0;

  /* Only our own entry: someone who took the lock over keeps it. */
  if (self->lock_file != NULL && self->content != NULL &&
      g_file_load_contents (self->lock_file, NULL, &now, &length, NULL, NULL) &&
      length == strlen (self->content) && memcmp (now, self->content, length) == 0)
    g_file_delete (self->lock_file, NULL, NULL);
  if (self->fd >= 0)
    close (self->fd);
  self->fd = -1;
}

static void
custos_lock_finalize (GObject *object)
{
  CustosLock *self = CUSTOS_LOCK (object);

  release (self);
  g_clear_object (&self->lock_file);
  g_free (self->content);

  G_OBJECT_CLASS (custos_lock_parent_class)->finalize (object);
}

static void
custos_lock_class_init (CustosLockClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = custos_lock_finalize;
}

static void
custos_lock_init (CustosLock *self)
{
  self->fd = -1;
}

static gboolean
write_entry (int         fd,
             const char *content)
{
  gsize length = strlen (content), done = 0;

  while (done < length)
    {
      gssize n = write (fd, content + done, length - done);

      if (n < 0 && errno == EINTR)
        continue;
      if (n < 0)
        return FALSE;
      done += (gsize) n;
    }
  return TRUE;
}

/* Creates the lock file, or fails with G_IO_ERROR_EXISTS. */
static CustosLock *
create (GFile       *lock_file,
        const char  *content,
        GError     **error)
{
  CustosLock *self;
  const char *path = g_file_peek_path (lock_file);

  if (path != NULL)
    {
      /* Readable by everyone the folder lets in (umask permitting): the
       * colleagues it is meant for must be able to read who holds it. */
      int fd = open (path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC | O_NOFOLLOW | O_NOCTTY, 0666);
      int errsv;

      if (fd < 0)
        {
          errsv = errno;
          g_set_error_literal (error, G_IO_ERROR, g_io_error_from_errno (errsv), g_strerror (errsv));
          return NULL;
        }
      /* Held for as long as the document is open: what tells a stale lock
       * of ours from a live one. */
      if (flock (fd, LOCK_EX | LOCK_NB) != 0)
        g_debug ("Could not flock %s: %s", path, g_strerror (errno));
      if (!write_entry (fd, content))
        {
          errsv = errno;
          close (fd);
          g_unlink (path);
          g_set_error_literal (error, G_IO_ERROR, g_io_error_from_errno (errsv), g_strerror (errsv));
          return NULL;
        }
      self = g_object_new (CUSTOS_TYPE_LOCK, NULL);
      self->fd = fd;
    }
  else
    {
      g_autoptr(GFileOutputStream) stream = g_file_create (lock_file, G_FILE_CREATE_NONE, NULL, error);

      if (stream == NULL)
        return NULL;
      if (!g_output_stream_write_all (G_OUTPUT_STREAM (stream), content, strlen (content), NULL, NULL, error) ||
          !g_output_stream_close (G_OUTPUT_STREAM (stream), NULL, error))
        {
          g_file_delete (lock_file, NULL, NULL);
          return NULL;
        }
      self = g_object_new (CUSTOS_TYPE_LOCK, NULL);
    }
  self->lock_file = g_object_ref (lock_file);
  self->content = g_strdup (content);
  return self;
}

typedef enum
{
  LOCK_HELD,  /* someone holds it (owner says who, if it can be read) */
  LOCK_GONE,  /* it went away while we looked */
  LOCK_STALE, /* ours, left by a process that ended: removed */
} LockState;

/* Reads a local lock file; removes it if it is a stale lock of ours. */
static LockState
inspect_local (const char             *path,
               const CustosLockOwner  *self,
               CustosLockOwner       **owner)
{
  char buffer[MAX_LOCK_SIZE];
  gssize length;
  struct stat opened, named;
  LockState state = LOCK_HELD;
  int fd = open (path, O_RDONLY | O_CLOEXEC | O_NOFOLLOW | O_NONBLOCK | O_NOCTTY);

  if (fd < 0)
    return errno == ENOENT ? LOCK_GONE : LOCK_HELD;
  length = read (fd, buffer, sizeof buffer);
  if (length > 0)
    *owner = custos_lock_owner_parse (buffer, (gsize) length);
  /* Ours, and no process holds it: whoever wrote it has ended. Removed
   * while we hold its flock, and only if the name still is that file, so
   * that two processes taking it over at once cannot both succeed. */
  if (is_own (*owner, self) && flock (fd, LOCK_EX | LOCK_NB) == 0 && fstat (fd, &opened) == 0 &&
      lstat (path, &named) == 0 && opened.st_dev == named.st_dev && opened.st_ino == named.st_ino)
    {
      g_debug ("Taking over the stale lock %s", path);
      g_unlink (path);
      state = LOCK_STALE;
    }
  close (fd);
  return state;
}

static LockState
inspect (GFile            *lock_file,
         CustosLockOwner  *self,
         CustosLockOwner **owner)
{
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;
  gsize length = 0;

  if (g_file_peek_path (lock_file) != NULL)
    return inspect_local (g_file_peek_path (lock_file), self, owner);
  /* Elsewhere nothing tells whether the holder is alive. */
  if (!g_file_load_contents (lock_file, NULL, &contents, &length, NULL, &error))
    return g_error_matches (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND) ? LOCK_GONE : LOCK_HELD;
  *owner = custos_lock_owner_parse (contents, MIN (length, MAX_LOCK_SIZE));
  return LOCK_HELD;
}

CustosLock *
custos_lock_acquire (GFile            *file,
                     gboolean          force,
                     CustosLockOwner **holder,
                     GError          **error)
{
  g_autoptr(GFile) lock_file = NULL;
  g_autoptr(CustosLockOwner) self = custos_lock_owner_new_for_self ();
  g_autofree char *content = custos_lock_owner_format (self);
  g_autofree char *name = NULL;

  g_return_val_if_fail (G_IS_FILE (file), NULL);
  g_return_val_if_fail (holder == NULL || *holder == NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  lock_file = custos_lock_get_lock_file (file);
  if (lock_file == NULL)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED, _("A document outside a folder cannot be locked"));
      return NULL;
    }

  /* A few rounds: the lock may come and go while we look. */
  for (guint attempt = 0; attempt < 3; attempt++)
    {
      g_autoptr(GError) local_error = NULL;
      g_autoptr(CustosLockOwner) owner = NULL;
      CustosLock *lock = create (lock_file, content, &local_error);

      if (lock != NULL)
        return lock;
      if (!g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_EXISTS))
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return NULL;
        }
      if (inspect (lock_file, self, &owner) != LOCK_HELD)
        continue;
      if (force)
        {
          g_debug ("Taking over the lock of %s", owner != NULL ? owner->user : "someone");
          g_file_delete (lock_file, NULL, NULL);
          continue;
        }
      if (holder != NULL)
        *holder = g_steal_pointer (&owner);
      break;
    }

  name = g_file_get_parse_name (file);
  g_set_error (error, G_IO_ERROR, G_IO_ERROR_BUSY, _("%s is locked: someone else has it open"), name);
  return NULL;
}
