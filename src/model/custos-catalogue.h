/* SPDX-License-Identifier: GPL-3.0-or-later */
/* custos-catalogue.h — the ISO/IEC 27001 Annex A control catalogues
 *
 * Two read-only catalogues, Annex A of ISO/IEC 27001:2013 (114 controls in
 * 14 categories and 35 objectives) and of ISO/IEC 27001:2022 (93 controls in
 * 4 themes, with the ISO/IEC 27002:2022 attributes), and the 2013 -> 2022
 * correspondence of ISO/IEC 27002:2022 Table B.1.
 *
 * The data comes from the compiled-in GResource
 * /io/github/custos/Custos/catalogues/, generated and verified by
 * tools/gen-catalogues.py. A catalogue is loaded on first use (thread safe),
 * is immutable and is never freed, so every pointer it returns stays valid for
 * the life of the process and may be compared by address.
 */
#pragma once

#include <glib.h>

#include "custos-types.h"

G_BEGIN_DECLS

/* ISO/IEC 27002:2022 attribute "Control type". */
typedef enum /*< flags >*/
{
  CUSTOS_CONTROL_TYPE_PREVENTIVE = 1 << 0,
  CUSTOS_CONTROL_TYPE_DETECTIVE  = 1 << 1,
  CUSTOS_CONTROL_TYPE_CORRECTIVE = 1 << 2,
} CustosControlTypes;

/* ISO/IEC 27002:2022 attribute "Information security properties". */
typedef enum /*< flags >*/
{
  CUSTOS_PROPERTY_CONFIDENTIALITY = 1 << 0,
  CUSTOS_PROPERTY_INTEGRITY       = 1 << 1,
  CUSTOS_PROPERTY_AVAILABILITY    = 1 << 2,
} CustosSecurityProperties;

/* ISO/IEC 27002:2022 attribute "Cybersecurity concepts". */
typedef enum /*< flags >*/
{
  CUSTOS_CONCEPT_IDENTIFY = 1 << 0,
  CUSTOS_CONCEPT_PROTECT  = 1 << 1,
  CUSTOS_CONCEPT_DETECT   = 1 << 2,
  CUSTOS_CONCEPT_RESPOND  = 1 << 3,
  CUSTOS_CONCEPT_RECOVER  = 1 << 4,
} CustosCyberConcepts;

typedef struct
{
  const char *id;              /* "5.1" (2022) or "A.5.1.1" (2013) */
  const char *title;
  const char *group_id;        /* 2013: "A.5"; 2022: "organizational", "people", "physical", "technological" */
  const char *group_title;     /* 2013: category title; 2022: "Organizational", "People", "Physical", "Technological" */
  const char *objective_id;    /* 2013 only ("A.5.1"), else NULL */
  const char *objective_title; /* 2013 only, else NULL */
  CustosControlTypes control_types;             /* 2022 only, else 0 */
  CustosSecurityProperties security_properties; /* 2022 only, else 0 */
  CustosCyberConcepts concepts;                 /* 2022 only, else 0 */
  guint index;                 /* position in the catalogue */
} CustosControl;

/* A 2013 category or a 2022 theme: controls first .. first + n_controls - 1. */
typedef struct
{
  const char *id;              /* same string as CustosControl.group_id */
  const char *title;           /* same string as CustosControl.group_title */
  guint first;
  guint n_controls;
} CustosControlGroup;

CustosCatalogue          *custos_catalogue_get              (CustosEdition    edition);
CustosEdition             custos_catalogue_get_edition      (CustosCatalogue *self);
guint                     custos_catalogue_get_n_controls   (CustosCatalogue *self);
const CustosControl      *custos_catalogue_get_control      (CustosCatalogue *self,
                                                             guint            index);
const CustosControl      *custos_catalogue_lookup           (CustosCatalogue *self,
                                                             const char      *id);
guint                     custos_catalogue_get_n_groups     (CustosCatalogue *self);
const CustosControlGroup *custos_catalogue_get_group        (CustosCatalogue *self,
                                                             guint            index);
guint                     custos_catalogue_get_n_objectives (CustosCatalogue *self);

/* Mapping 2013 -> 2022 (ISO/IEC 27002:2022 Table B.1). The arrays are owned by
 * the catalogue, NULL-terminated and never NULL: an empty array means a new
 * 2022 control, or an id that is not in the catalogue. The strings are the
 * same pointers as CustosControl.id of the other edition. */
const char * const       *custos_catalogue_successors       (const char      *id_2013);
const char * const       *custos_catalogue_predecessors     (const char      *id_2022);

/* A control id as people cite it: "A.5.1" for the file's "5.1" (2022); 2013
 * ids already read "A.5.1.1". Every id shown to the user (window, PDF, CSV)
 * goes through here; the file keeps the catalogue's id. */
char                     *custos_control_cite               (const char      *id);
/* A group's number as cited: "A.9" for a 2013 category, "A.5" (the clause of
 * Annex A) for a 2022 theme. */
char                     *custos_catalogue_group_number     (CustosCatalogue          *self,
                                                             const CustosControlGroup *group);
/* The ids of a list, cited and joined with sep; "" for NULL. */
char                     *custos_controls_cite              (const char * const *ids,
                                                             const char      *sep);

G_END_DECLS
