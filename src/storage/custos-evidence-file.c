/* SPDX-License-Identifier: GPL-3.0-or-later */
/* custos-evidence-file.c — the SHA-256 of an evidence item's file */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "custos-evidence-file.h"

#define BUFFER_SIZE (64 * 1024)

GFile *
custos_evidence_file_resolve (const char *location,
                              GFile      *document_file)
{
  g_autoptr(GFile) folder = NULL;

  g_return_val_if_fail (document_file == NULL || G_IS_FILE (document_file), NULL);

  if (!custos_evidence_location_is_file (location))
    return NULL;
  if (g_str_has_prefix (location, "file:"))
    return g_file_new_for_uri (location);
  if (g_str_has_prefix (location, "~/"))
    return g_file_new_build_filename (g_get_home_dir (), location + 2, NULL);
  if (g_path_is_absolute (location))
    return g_file_new_for_path (location);
  if (document_file == NULL || (folder = g_file_get_parent (document_file)) == NULL)
    return NULL;
  return g_file_resolve_relative_path (folder, location);
}

char *
custos_evidence_file_sha256 (GFile         *file,
                             GCancellable  *cancellable,
                             GError       **error)
{
  g_autoptr(GFileInputStream) stream = NULL;
  g_autoptr(GChecksum) checksum = NULL;
  g_autofree guchar *buffer = NULL;
  gssize n;

  g_return_val_if_fail (G_IS_FILE (file), NULL);

  stream = g_file_read (file, cancellable, error);
  if (stream == NULL)
    return NULL;
  checksum = g_checksum_new (G_CHECKSUM_SHA256);
  buffer = g_malloc (BUFFER_SIZE);
  while ((n = g_input_stream_read (G_INPUT_STREAM (stream), buffer, BUFFER_SIZE, cancellable, error)) > 0)
    g_checksum_update (checksum, buffer, n);
  if (n < 0)
    return NULL;
  return g_strdup (g_checksum_get_string (checksum));
}

CustosEvidenceFileStatus
custos_evidence_file_check (const char    *location,
                            const char    *recorded,
                            GFile         *document_file,
                            GCancellable  *cancellable,
                            char         **sha256,
                            GError       **error)
{
  g_autoptr(GFile) file = custos_evidence_file_resolve (location, document_file);
  g_autofree char *actual = NULL;
  g_autofree char *expected = g_strstrip (g_strdup (recorded != NULL ? recorded : ""));
  CustosEvidenceFileStatus status;

  if (file == NULL)
    {
      /* A relative path of a document never saved has nowhere to resolve. */
      if (custos_evidence_location_is_file (location))
        {
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                       _("%s is relative to the folder of the ISMS file, which has not been saved yet"), location);
          return CUSTOS_EVIDENCE_FILE_MISSING;
        }
      return CUSTOS_EVIDENCE_FILE_NOT_LOCAL;
    }
  actual = custos_evidence_file_sha256 (file, cancellable, error);
  if (actual == NULL)
    return CUSTOS_EVIDENCE_FILE_MISSING;
  if (*expected == '\0')
    status = CUSTOS_EVIDENCE_FILE_UNRECORDED;
  else if (g_ascii_strcasecmp (expected, actual) == 0)
    status = CUSTOS_EVIDENCE_FILE_OK;
  else
    status = CUSTOS_EVIDENCE_FILE_CHANGED;
  if (sha256 != NULL)
    *sha256 = g_steal_pointer (&actual);
  return status;
}

const char *
custos_evidence_file_status_to_string (CustosEvidenceFileStatus status)
{
  switch (status)
    {
    case CUSTOS_EVIDENCE_FILE_OK:
      return "ok";
    case CUSTOS_EVIDENCE_FILE_CHANGED:
      return "changed";
    case CUSTOS_EVIDENCE_FILE_MISSING:
      return "missing";
    case CUSTOS_EVIDENCE_FILE_UNRECORDED:
      return "no checksum";
    case CUSTOS_EVIDENCE_FILE_NOT_LOCAL:
    default:
      return "not a local file";
    }
}
