/* SPDX-License-Identifier: GPL-3.0-or-later */
/* custos-lock.h — lock files that tell others a document is open */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* Who holds a lock: the fields of a LibreOffice lock file entry. Any field
 * may be NULL when the lock file does not say. */
typedef struct
{
  char *full_name; /* "Jane Doe" */
  char *user;      /* login name, "jdoe" */
  char *host;      /* "ws-12" */
  char *since;     /* local time the lock was taken, "01.02.2027 10:15" */
  char *url;       /* the program's user profile, as a URL */
} CustosLockOwner;

CustosLockOwner *custos_lock_owner_copy         (const CustosLockOwner *owner);
void             custos_lock_owner_free         (CustosLockOwner       *owner);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (CustosLockOwner, custos_lock_owner_free)

/* This user of Custos on this computer, now. */
CustosLockOwner *custos_lock_owner_new_for_self (void);
/* One entry "Full Name,user,host,DD.MM.YYYY HH:MM,URL;" with ',', ';' and
 * '\' escaped by '\', as LibreOffice writes it. */
char            *custos_lock_owner_format       (const CustosLockOwner *owner);
/* NULL when data is not such an entry. */
CustosLockOwner *custos_lock_owner_parse        (const char            *data,
                                                 gsize                  length);
/* "Jane Doe (jdoe on ws-12)", for messages. */
char            *custos_lock_owner_describe     (const CustosLockOwner *owner);

#define CUSTOS_TYPE_LOCK (custos_lock_get_type ())
G_DECLARE_FINAL_TYPE (CustosLock, custos_lock, CUSTOS, LOCK, GObject)

/* ".~lock.NAME#" beside the file (after following symbolic links), the
 * name LibreOffice uses, so that people on a shared folder recognise it
 * and sync clients that skip LibreOffice's lock files skip ours. */
GFile           *custos_lock_get_lock_file      (GFile                 *file);

/* Takes the lock on file: writes the lock file (created exclusively) and
 * keeps it until the CustosLock is finalized, which removes it if it is
 * still ours. When someone else holds the lock, returns NULL with
 * G_IO_ERROR_BUSY and, if holder is not NULL, who it is (NULL when the
 * lock file cannot be read); with force, takes it over instead. A lock of
 * this same user of Custos on this computer that no running process holds
 * any more (left by a crash) is taken over without force. Other errors
 * (a read-only folder) are the system's. */
CustosLock      *custos_lock_acquire            (GFile                 *file,
                                                 gboolean               force,
                                                 CustosLockOwner      **holder,
                                                 GError               **error);

G_END_DECLS
