/* SPDX-License-Identifier: GPL-3.0-or-later */
/* custos-xml-writer.h — the canonical XML form of an ISMS document
 *
 * The layout of a *.isms file (namespace, format version, the fixed order of
 * the top-level elements) is declared here once; the writer, the reader and
 * the schema generator (tools/custos-gen-schema.c) all follow it.
 * docs/FILE-FORMAT.md describes the format.
 */
#pragma once

#include "custos-document.h"

G_BEGIN_DECLS

#define CUSTOS_XML_NAMESPACE "urn:custos:isms:1"
/* Bumped on any change an older Custos could not read. */
#define CUSTOS_XML_FORMAT    2

typedef enum
{
  CUSTOS_XML_PART_SECTION,  /* index is a CustosSection */
  CUSTOS_XML_PART_REGISTER, /* index is a CustosRegister */
  CUSTOS_XML_PART_CRITERIA, /* the risk criteria (index unused) */
} CustosXmlPartType;

/* One top-level element of the file. */
typedef struct
{
  CustosXmlPartType type;
  guint             index;
} CustosXmlPart;

/* The top-level elements in file (clause) order. */
const CustosXmlPart *custos_xml_get_parts       (guint               *n_parts);
/* Element name of a part: "organisation", "risks", "criteria" … */
const char          *custos_xml_part_get_name   (const CustosXmlPart *part);
/* The kind of a section or register part, NULL for the criteria. */
const CustosKind    *custos_xml_part_get_kind   (const CustosXmlPart *part);

/* Serialises the document in canonical form (UTF-8, LF, 2-space indent). */
GBytes              *custos_xml_write           (CustosDocument      *document);

G_END_DECLS
