/* SPDX-License-Identifier: GPL-3.0-or-later */
/* custos-pdf-xref.h — rebuilds the cross-reference table of a PDF file
 *
 * cairo 1.16 writes a damaged cross-reference table as soon as a page holds
 * a link (CAIRO_TAG_LINK): it reserves object numbers that it never writes
 * and gives them the offset of another object. Readers such as poppler
 * recover silently; `qpdf --check` does not. custos_pdf_rebuild_xref() walks
 * the objects the file really holds and writes a new, exact table: every
 * object found gets its offset, every number that was never written becomes
 * a free entry (a reference to it then means null, as the PDF standard says).
 *
 * Only what cairo writes is supported: one body of "N G obj … endobj"
 * objects, a classic "xref" table and one trailer, no object or xref
 * streams and no incremental updates.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define CUSTOS_PDF_ERROR (custos_pdf_error_quark ())

typedef enum
{
  CUSTOS_PDF_ERROR_NOT_PDF,     /* no %PDF- header */
  CUSTOS_PDF_ERROR_MALFORMED,   /* an object, stream or trailer cannot be parsed */
  CUSTOS_PDF_ERROR_UNSUPPORTED, /* xref streams, incremental updates */
} CustosPdfError;

GQuark   custos_pdf_error_quark     (void);

/* Returns the repaired file, or NULL with an error. The body bytes are kept
 * as they are; only what follows the last object changes. */
GBytes  *custos_pdf_rebuild_xref    (const guint8  *data,
                                    gsize          length,
                                    GError       **error);
/* The same, changing the array itself (no copy of a large file). */
gboolean custos_pdf_repair_in_place (GByteArray    *pdf,
                                    GError       **error);

G_END_DECLS
