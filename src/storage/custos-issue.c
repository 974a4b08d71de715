/* SPDX-License-Identifier: GPL-3.0-or-later */
/* custos-issue.c — frozen, approved issues of a document
 *
 * The snapshot is the file's own serialisation, kept beside it rather than
 * inside it: a document holding its past versions would grow with every
 * issue and every snapshot would have to leave the others out. Being the
 * exact bytes that were saved, it loads into the very document that was
 * issued, and comparing bytes says whether a document is still that issue.
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "custos-file.h"
#include "custos-issue.h"
#include "custos-xml-writer.h"

#define SNAPSHOT_FOLDER_SUFFIX ".issued"

GFile *
custos_issue_get_snapshot (GFile       *file,
                           const char  *version,
                           GError     **error)
{
  g_autoptr(GFile) folder = NULL;
  g_autofree char *name = NULL;

  g_return_val_if_fail (G_IS_FILE (file), NULL);

  if (version == NULL || *version == '\0' || strchr (version, '/') != NULL || strchr (version, '\\') != NULL ||
      version[0] == '.' || !g_utf8_validate (version, -1, NULL))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_FILENAME,
                   _("“%s” cannot be a version: use letters, digits and dots, such as 1.3"), version ? version : "");
      return NULL;
    }
  folder = custos_file_get_sibling (file, "", SNAPSHOT_FOLDER_SUFFIX);
  if (folder == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED, _("The document is not in a folder"));
      return NULL;
    }
  name = g_strconcat (version, ".isms", NULL);
  return g_file_get_child (folder, name);
}

static CustosRecord *
find_revision (CustosDocument *document,
               const char     *version)
{
  GListModel *revisions = custos_document_get_register (document, CUSTOS_REGISTER_REVISIONS);

  for (guint i = 0, n = g_list_model_get_n_items (revisions); i < n; i++)
    {
      g_autoptr(CustosRecord) rev = g_list_model_get_item (revisions, i);

      if (g_strcmp0 (custos_revision_get_version (CUSTOS_REVISION (rev)), version) == 0)
        return rev;   /* the register holds a reference */
    }
  return NULL;
}

gboolean
custos_issue_document (CustosDocument  *document,
                       GFile           *file,
                       const char      *etag,
                       char           **new_etag,
                       const char      *version,
                       const char      *approver,
                       const char      *what,
                       const char      *date,
                       GCancellable    *cancellable,
                       GError         **error)
{
  g_autoptr(GFile) snapshot = NULL;
  g_autoptr(GFile) folder = NULL;
  g_autoptr(GFileOutputStream) stream = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) local = NULL;
  CustosRecord *revision;

  g_return_val_if_fail (CUSTOS_IS_DOCUMENT (document), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);
  g_return_val_if_fail (date != NULL, FALSE);

  snapshot = custos_issue_get_snapshot (file, version, error);
  if (snapshot == NULL)
    return FALSE;
  if (approver == NULL || *approver == '\0')
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                   _("An issue needs the name of whoever approves it"));
      return FALSE;
    }
  if (find_revision (document, version) != NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_EXISTS,
                   _("Version %s is already in the revision history: issue a new version"), version);
      return FALSE;
    }

  custos_document_begin_compound (document);
  revision = custos_document_add_new (document, CUSTOS_REGISTER_REVISIONS);
  custos_revision_set_version (CUSTOS_REVISION (revision), version);
  custos_revision_set_date (CUSTOS_REVISION (revision), date);
  custos_revision_set_author (CUSTOS_REVISION (revision), approver);
  custos_revision_set_approved_by (CUSTOS_REVISION (revision), approver);
  custos_revision_set_summary (CUSTOS_REVISION (revision),
                               what != NULL && *what != '\0' ? what
                               : _("Issued: Statement of Applicability, Risk Treatment Plan, risk assessment report "
                                   "and certification pack"));
  custos_document_end_compound (document);
  bytes = custos_xml_write (document);

  /* Created, never replaced: an issued version stays as it was issued. */
  folder = g_file_get_parent (snapshot);
  if (!g_file_make_directory (folder, cancellable, &local) &&
      !g_error_matches (local, G_IO_ERROR, G_IO_ERROR_EXISTS))
    goto failed;
  g_clear_error (&local);
  stream = g_file_create (snapshot, G_FILE_CREATE_PRIVATE, cancellable, &local);
  if (stream == NULL)
    {
      if (g_error_matches (local, G_IO_ERROR, G_IO_ERROR_EXISTS))
        {
          g_clear_error (&local);
          g_set_error (&local, G_IO_ERROR, G_IO_ERROR_EXISTS, _("Version %s has already been issued"), version);
        }
      goto failed;
    }
  if (!g_output_stream_write_all (G_OUTPUT_STREAM (stream), g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes),
                                  NULL, cancellable, &local) ||
      !g_output_stream_close (G_OUTPUT_STREAM (stream), cancellable, &local) ||
      !custos_file_save_full (document, file, etag, new_etag, cancellable, &local))
    {
      g_file_delete (snapshot, NULL, NULL);
      goto failed;
    }
  return TRUE;

failed:
  custos_document_remove (document, CUSTOS_REGISTER_REVISIONS, revision);
  g_propagate_error (error, g_steal_pointer (&local));
  return FALSE;
}

CustosRecord *
custos_issue_get_current (CustosDocument *document,
                          GFile          *file)
{
  CustosRecord *latest = custos_document_get_latest_revision (document);
  g_autoptr(GFile) snapshot = NULL;
  g_autoptr(GBytes) issued = NULL;
  g_autoptr(GBytes) bytes = NULL;

  if (latest == NULL || file == NULL)
    return NULL;
  snapshot = custos_issue_get_snapshot (file, custos_revision_get_version (CUSTOS_REVISION (latest)), NULL);
  if (snapshot == NULL)
    return NULL;
  issued = g_file_load_bytes (snapshot, NULL, NULL, NULL);
  if (issued == NULL)
    return NULL;
  bytes = custos_xml_write (document);
  return g_bytes_equal (bytes, issued) ? latest : NULL;
}

CustosDocument *
custos_issue_load (GFile         *file,
                   const char    *version,
                   GCancellable  *cancellable,
                   GError       **error)
{
  g_autoptr(GFile) snapshot = custos_issue_get_snapshot (file, version, error);
  g_autoptr(GError) local = NULL;
  CustosDocument *document;

  if (snapshot == NULL)
    return NULL;
  document = custos_file_load (snapshot, cancellable, &local);
  if (document == NULL && g_error_matches (local, G_IO_ERROR, G_IO_ERROR_NOT_FOUND))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND, _("Version %s has not been issued"), version);
      return NULL;
    }
  if (document == NULL)
    g_propagate_error (error, g_steal_pointer (&local));
  return document;
}

char *
custos_issue_find_previous (CustosDocument  *document,
                            GFile           *file,
                            char           **name)
{
  GListModel *revisions = custos_document_get_register (document, CUSTOS_REGISTER_REVISIONS);
  CustosRecord *current;
  CustosRecord *previous = NULL;
  const char *version;

  if (file == NULL)
    return NULL;
  current = custos_issue_get_current (document, file);
  /* The newest revision with a frozen copy, other than the one the document
   * still is: its changes are none. */
  for (guint i = 0, n = g_list_model_get_n_items (revisions); i < n; i++)
    {
      g_autoptr(CustosRecord) rev = g_list_model_get_item (revisions, i);
      g_autoptr(GFile) snapshot = NULL;

      if (rev == current || (previous != NULL &&
                             g_strcmp0 (custos_revision_get_date (CUSTOS_REVISION (rev)),
                                        custos_revision_get_date (CUSTOS_REVISION (previous))) < 0))
        continue;
      snapshot = custos_issue_get_snapshot (file, custos_revision_get_version (CUSTOS_REVISION (rev)), NULL);
      if (snapshot != NULL && g_file_query_exists (snapshot, NULL))
        previous = rev;   /* the register holds a reference */
    }
  if (previous == NULL)
    return NULL;
  version = custos_revision_get_version (CUSTOS_REVISION (previous));
  if (name != NULL)
    /* Translators: how the pack names the issue its changes are counted from. */
    *name = g_strdup_printf (_("version %s of %s"), version, custos_revision_get_date (CUSTOS_REVISION (previous)));
  return g_strdup (version);
}

CustosDocument *
custos_issue_load_previous (CustosDocument  *document,
                            GFile           *file,
                            char           **name)
{
  g_autofree char *version = custos_issue_find_previous (document, file, name);

  return version != NULL ? custos_issue_load (file, version, NULL, NULL) : NULL;
}
