/* SPDX-License-Identifier: GPL-3.0-or-later */
/* custos-record.h — one record of an ISMS register, described by its kind */
#pragma once

#include <glib-object.h>

#include "custos-date.h"
#include "custos-types.h"

G_BEGIN_DECLS

/* How a field is typed. The file format, the schema, CSV, the register views
 * and the checks all work from these descriptors. */
typedef enum
{
  CUSTOS_FIELD_STRING,   /* one line of text */
  CUSTOS_FIELD_TEXT,     /* prose, may span lines */
  CUSTOS_FIELD_INT,      /* whole number in [min, max] */
  CUSTOS_FIELD_NUMBER,   /* decimal number (measurements) */
  CUSTOS_FIELD_BOOL,
  CUSTOS_FIELD_DATE,     /* ISO 8601 calendar date, YYYY-MM-DD */
  CUSTOS_FIELD_ENUM,     /* one GEnum value, stored by nick */
  CUSTOS_FIELD_FLAGS,    /* a set of GFlags values, stored by nicks */
  CUSTOS_FIELD_REF,      /* the id of a record of another register */
  CUSTOS_FIELD_REFS,     /* ids of records of another register */
  CUSTOS_FIELD_CONTROLS, /* Annex A control ids of the document's edition */
  CUSTOS_FIELD_STRINGS,  /* an ordered list of lines (5 whys, triggers) */
} CustosFieldType;

/* Special values of CustosField.min for integer fields whose range follows the
 * document's risk criteria rather than a constant. */
#define CUSTOS_RANGE_LIKELIHOOD  (-1)
#define CUSTOS_RANGE_CONSEQUENCE (-2)

typedef enum
{
  CUSTOS_FIELD_FLAG_NONE     = 0,
  CUSTOS_FIELD_FLAG_REQUIRED = 1 << 0, /* must not be empty */
  CUSTOS_FIELD_FLAG_SUMMARY  = 1 << 1, /* shown as a column in register lists */
  CUSTOS_FIELD_FLAG_TITLE    = 1 << 2, /* names the record for people */
} CustosFieldFlags;

typedef struct
{
  const char       *name;      /* XML element, property and CSV column name */
  const char       *label;     /* user-visible, translatable (N_()) */
  CustosFieldType   type;
  CustosFieldFlags  flags;
  int               min;       /* INT: range, or a CUSTOS_RANGE_* marker */
  int               max;
  GType           (*get_type) (void); /* ENUM/FLAGS: the GType */
  const char       *target;    /* REF/REFS: the kind name of the target register */
  const char       *item;      /* STRINGS: element name of one item */
} CustosField;

/* No kind has more fields than this: custos-kinds.c fails to build when one
 * does, and so does any code that keeps one bit per field (the XML reader). */
#define CUSTOS_KIND_MAX_FIELDS 64

/* One kind of record: a register (many records) or a singleton section. */
typedef struct
{
  const char        *name;        /* record element, e.g. "risk" */
  const char        *register_name; /* container element, e.g. "risks"; NULL for singletons */
  const char        *label;       /* "Risk" */
  const char        *plural;      /* "Risks" */
  const char        *id_prefix;   /* "R-"; NULL: ids come from elsewhere (SoA) */
  const char        *clause;      /* ISO 27001 clause, e.g. "6.1.2" */
  GType            (*get_type) (void);
  const CustosField *fields;
  guint              n_fields;
} CustosKind;

#define CUSTOS_TYPE_RECORD (custos_record_get_type ())
G_DECLARE_DERIVABLE_TYPE (CustosRecord, custos_record, CUSTOS, RECORD, GObject)

struct _CustosRecordClass
{
  GObjectClass parent_class;

  const CustosKind *kind;
  GParamSpec      **field_pspecs; /* one per field, in field order */
};

/* A concrete register type: its class is installed from the kind's fields. */
#define CUSTOS_DECLARE_RECORD(TypeName, type_name, TYPE) \
  G_DECLARE_FINAL_TYPE (TypeName, type_name, CUSTOS, TYPE, CustosRecord)

const CustosKind  *custos_record_get_kind         (CustosRecord     *self);
const char        *custos_record_get_id           (CustosRecord     *self);
void               custos_record_set_id           (CustosRecord     *self,
                                                   const char       *id);
const char        *custos_record_get_title        (CustosRecord     *self);
/* "To review": drafted or imported content no person has confirmed yet
 * (the readiness check lists such records; the file keeps the flag). */
gboolean           custos_record_get_to_review    (CustosRecord     *self);
void               custos_record_set_to_review    (CustosRecord     *self,
                                                   gboolean          to_review);

const CustosField *custos_kind_find_field         (const CustosKind *kind,
                                                   const char       *name,
                                                   guint            *index);
CustosRecord      *custos_record_new              (const CustosKind *kind,
                                                   const char       *id);
CustosRecord      *custos_record_duplicate        (CustosRecord     *self,
                                                   const char       *new_id);

/* Raw access by field index (fast paths for storage and views). */
const GValue      *custos_record_get_value        (CustosRecord     *self,
                                                   guint             field);
void               custos_record_set_value        (CustosRecord     *self,
                                                   guint             field,
                                                   const GValue     *value);
gboolean           custos_record_field_is_empty   (CustosRecord     *self,
                                                   guint             field);

/* Typed access by field index, checked against the field's type. Code that
 * names a field uses the generated accessors of custos-fields.h instead
 * (custos_risk_get_likelihood () …), which call these. */
const char        *custos_record_get_string_at    (CustosRecord     *self,
                                                   guint             field);
void               custos_record_set_string_at    (CustosRecord     *self,
                                                   guint             field,
                                                   const char       *value);
int                custos_record_get_int_at       (CustosRecord     *self,
                                                   guint             field);
void               custos_record_set_int_at       (CustosRecord     *self,
                                                   guint             field,
                                                   int               value);
double             custos_record_get_number_at    (CustosRecord     *self,
                                                   guint             field);
void               custos_record_set_number_at    (CustosRecord     *self,
                                                   guint             field,
                                                   double            value);
gboolean           custos_record_get_bool_at      (CustosRecord     *self,
                                                   guint             field);
void               custos_record_set_bool_at      (CustosRecord     *self,
                                                   guint             field,
                                                   gboolean          value);
/* ENUM and FLAGS fields, as integers */
int                custos_record_get_enum_at      (CustosRecord     *self,
                                                   guint             field);
void               custos_record_set_enum_at      (CustosRecord     *self,
                                                   guint             field,
                                                   int               value);
const char * const *custos_record_get_strv_at     (CustosRecord     *self,
                                                   guint             field);
void               custos_record_set_strv_at      (CustosRecord     *self,
                                                   guint             field,
                                                   const char * const *value);

/* Text form of any field, as in the file and in CSV (lists joined by sep).
 * from_text returns FALSE with a message when text is not valid for the field. */
char              *custos_field_to_text           (const CustosField *field,
                                                   const GValue      *value,
                                                   const char        *sep);
gboolean           custos_field_from_text         (const CustosField *field,
                                                   const char        *text,
                                                   GValue            *value,
                                                   char             **message);
GType              custos_field_value_type        (const CustosField *field);
/* Whether two values of one field's type are the same (empty lists and NULL
 * are; so are two NaN numbers). */
gboolean           custos_value_equal             (const GValue      *a,
                                                   const GValue      *b);

G_END_DECLS
