/* SPDX-License-Identifier: GPL-3.0-or-later */
/* custos-evidence-file.h — the SHA-256 of an evidence item's file
 *
 * An evidence item (6.1.3 d) may name a local file; its checksum, recorded
 * when someone verified the file, shows later whether the file is still the
 * one verified (integrity of documented information, 7.5.3). Hashing reads
 * the whole file, so these functions take strings, not records: the window
 * runs them in a thread, away from the document.
 */
#pragma once

#include <gio/gio.h>

#include "custos-readiness.h"

G_BEGIN_DECLS

/* The file an evidence location names (custos_evidence_location_is_file());
 * a relative path resolves against the folder of document_file. NULL when
 * the location is not a file, or is relative and document_file is NULL. */
GFile                    *custos_evidence_file_resolve (const char    *location,
                                                        GFile         *document_file);
/* The SHA-256 of file, lower-case hex, or NULL and an error. */
char                     *custos_evidence_file_sha256  (GFile         *file,
                                                        GCancellable  *cancellable,
                                                        GError       **error);
/* Hashes the file of location and compares it with recorded (NULL or
 * empty: none recorded; case and surrounding blanks do not matter).
 * sha256 (if not NULL) gets the file's checksum when it could be read;
 * error (if not NULL) says why a MISSING file could not be read. A
 * cancelled read is MISSING with G_IO_ERROR_CANCELLED. */
CustosEvidenceFileStatus  custos_evidence_file_check   (const char    *location,
                                                        const char    *recorded,
                                                        GFile         *document_file,
                                                        GCancellable  *cancellable,
                                                        char         **sha256,
                                                        GError       **error);
/* "ok", "changed", "missing", "no checksum", "not a local file"
 * (untranslated, for scripts). */
const char               *custos_evidence_file_status_to_string (CustosEvidenceFileStatus status);

G_END_DECLS
