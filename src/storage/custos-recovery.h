/* SPDX-License-Identifier: GPL-3.0-or-later */
/* custos-recovery.h — copies of unsaved work, for recovery after a crash */
#pragma once

#include <gio/gio.h>

#include "custos-document.h"

G_BEGIN_DECLS

#define CUSTOS_TYPE_RECOVERY (custos_recovery_get_type ())
G_DECLARE_FINAL_TYPE (CustosRecovery, custos_recovery, CUSTOS, RECOVERY, GObject)

/* One recovery slot per open document, in directory (normally
 * $XDG_STATE_HOME/custos/recovery). original is the file the document came
 * from, or NULL for a new document. */
CustosRecovery *custos_recovery_new           (GFile          *directory,
                                               GFile          *original);
void            custos_recovery_set_original  (CustosRecovery *self,
                                               GFile          *original);
/* Writes a copy of the document (serialised now, written asynchronously);
 * the document's modified state is left alone. */
void            custos_recovery_write         (CustosRecovery *self,
                                               CustosDocument *document);
/* The same, complete when it returns: for the end of a session, after
 * which no main loop runs to finish a write in the background. */
void            custos_recovery_write_now     (CustosRecovery *self,
                                               CustosDocument *document);
/* The work is safe elsewhere (saved, or deliberately discarded). */
void            custos_recovery_clear         (CustosRecovery *self);

/* The default directory. */
GFile          *custos_recovery_get_directory (void);

typedef struct
{
  GFile     *copy;     /* the recovered document */
  GFile     *original; /* where it came from, or NULL */
  GDateTime *written;
} CustosRecoveredFile;

void            custos_recovered_file_free    (CustosRecoveredFile *file);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (CustosRecoveredFile, custos_recovered_file_free)

/* The copies left behind by sessions that ended without saving, newest
 * first (a GPtrArray of CustosRecoveredFile). */
GPtrArray      *custos_recovery_list          (GFile          *directory);
/* Removes a recovered copy (after it was restored or declined). */
void            custos_recovery_discard       (GFile          *copy);

G_END_DECLS
