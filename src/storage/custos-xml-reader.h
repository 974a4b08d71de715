/* SPDX-License-Identifier: GPL-3.0-or-later */
/* custos-xml-reader.h — reads and checks an ISMS document from XML */
#pragma once

#include "custos-document.h"

G_BEGIN_DECLS

#define CUSTOS_STORAGE_ERROR (custos_storage_error_quark ())

typedef enum
{
  CUSTOS_STORAGE_ERROR_PARSE,     /* not (well-formed) XML, or a DTD */
  CUSTOS_STORAGE_ERROR_INVALID,   /* XML, but not a valid ISMS document */
  CUSTOS_STORAGE_ERROR_VERSION,   /* written by a newer Custos */
  CUSTOS_STORAGE_ERROR_TOO_LARGE, /* beyond one of the limits below */
} CustosStorageError;

/* Limits that keep hostile input from exhausting memory or time. */
/* Bytes of the whole file: only a ceiling (libxml2 counts in int), far
 * above any real ISMS (100,000 risks take 136 MB); the caps on records and
 * values below are what bound the memory hostile input can claim. */
#define CUSTOS_XML_MAX_SIZE       (1024 * 1024 * 1024)
#define CUSTOS_XML_MAX_DEPTH      12                 /* levels of nested elements */
#define CUSTOS_XML_MAX_ATTRIBUTES 32                 /* attributes of one element */
#define CUSTOS_XML_MAX_VALUE      (1024 * 1024)      /* bytes of one value */
#define CUSTOS_XML_MAX_RECORDS    1000000            /* records of all registers */
/* Problems listed in one error message; the rest are counted. */
#define CUSTOS_XML_MAX_ERRORS     50

GQuark          custos_storage_error_quark (void);

/* Parses and checks a document. On failure the message lists every problem
 * found, one per line, as "DISPLAY_NAME:LINE:COLUMN: message". Thread safe:
 * it may run in a worker thread. The document returned is not modified. */
CustosDocument *custos_xml_read            (const char  *data,
                                            gsize        length,
                                            const char  *display_name,
                                            GError     **error);

G_END_DECLS
