/* SPDX-License-Identifier: GPL-3.0-or-later */
/* custos-record.c — the base class of every register record
 *
 * A record keeps one GValue per field of its kind. Each concrete class
 * (CustosRisk, CustosAsset …) installs a GObject property per field, so a
 * record can be bound and observed like any hand-written GObject, while
 * storage, CSV and views can walk the fields generically.
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "custos-record-private.h"

typedef struct
{
  char    *id;
  gboolean to_review;
  gboolean keep_previous;
  GValue  *values;
  guint   n_values;
  GValue  *previous; /* n_values + 2 slots, made on the first change kept; or NULL */
} CustosRecordPrivate;

G_DEFINE_ABSTRACT_TYPE_WITH_PRIVATE (CustosRecord, custos_record, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_TO_REVIEW,
  FIRST_FIELD_PROP,
};

static GParamSpec *id_pspec;
static GParamSpec *to_review_pspec;

/* The slot that keeps what a change replaces, emptied; NULL when no one
 * asked for it. */
static GValue *
previous_slot (CustosRecordPrivate *priv,
               guint                slot)
{
  if (!priv->keep_previous)
    return NULL;
  if (priv->previous == NULL)
    priv->previous = g_new0 (GValue, priv->n_values + 2);
  if (G_IS_VALUE (&priv->previous[slot]))
    g_value_unset (&priv->previous[slot]);
  return &priv->previous[slot];
}

GType
custos_field_value_type (const CustosField *field)
{
  switch (field->type)
    {
    case CUSTOS_FIELD_STRING:
    case CUSTOS_FIELD_TEXT:
    case CUSTOS_FIELD_DATE:
    case CUSTOS_FIELD_REF:
      return G_TYPE_STRING;
    case CUSTOS_FIELD_INT:
      return G_TYPE_INT;
    case CUSTOS_FIELD_NUMBER:
      return G_TYPE_DOUBLE;
    case CUSTOS_FIELD_BOOL:
      return G_TYPE_BOOLEAN;
    case CUSTOS_FIELD_ENUM:
    case CUSTOS_FIELD_FLAGS:
      return field->get_type ();
    case CUSTOS_FIELD_REFS:
    case CUSTOS_FIELD_CONTROLS:
    case CUSTOS_FIELD_STRINGS:
      return G_TYPE_STRV;
    default:
      g_assert_not_reached ();
    }
}

static GParamSpec *
field_pspec (const CustosField *field)
{
  const GParamFlags flags = G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY;

  switch (field->type)
    {
    case CUSTOS_FIELD_STRING:
    case CUSTOS_FIELD_TEXT:
    case CUSTOS_FIELD_DATE:
    case CUSTOS_FIELD_REF:
      return g_param_spec_string (field->name, field->label, NULL, NULL, flags);
    case CUSTOS_FIELD_INT:
      /* 0 stands for "not set"; scales of the risk criteria have at most 6 levels. */
      return g_param_spec_int (field->name, field->label, NULL, 0,
                               field->min < 0 ? 6 : field->max, 0, flags);
    case CUSTOS_FIELD_NUMBER:
      /* NaN stands for "not set"; it passes GParamSpecDouble validation. */
      return g_param_spec_double (field->name, field->label, NULL,
                                  -G_MAXDOUBLE, G_MAXDOUBLE, 0.0, flags);
    case CUSTOS_FIELD_BOOL:
      return g_param_spec_boolean (field->name, field->label, NULL, FALSE, flags);
    case CUSTOS_FIELD_ENUM:
      {
        g_autoptr(GEnumClass) enum_class = g_type_class_ref (field->get_type ());
        return g_param_spec_enum (field->name, field->label, NULL, field->get_type (),
                                  enum_class->values[0].value, flags);
      }
    case CUSTOS_FIELD_FLAGS:
      return g_param_spec_flags (field->name, field->label, NULL, field->get_type (), 0, flags);
    case CUSTOS_FIELD_REFS:
    case CUSTOS_FIELD_CONTROLS:
    case CUSTOS_FIELD_STRINGS:
      return g_param_spec_boxed (field->name, field->label, NULL, G_TYPE_STRV, flags);
    default:
      g_assert_not_reached ();
    }
}

static void
init_value (const CustosField *field,
            GValue            *value)
{
  g_value_init (value, custos_field_value_type (field));
  if (field->type == CUSTOS_FIELD_NUMBER)
    g_value_set_double (value, NAN);
  else if (field->type == CUSTOS_FIELD_ENUM)
    {
      g_autoptr(GEnumClass) enum_class = g_type_class_ref (field->get_type ());
      g_value_set_enum (value, enum_class->values[0].value);
    }
}

void
custos_record_init_values (CustosRecord     *self,
                           const CustosKind *kind)
{
  CustosRecordPrivate *priv = custos_record_get_instance_private (self);

  priv->n_values = kind->n_fields;
  priv->values = g_new0 (GValue, kind->n_fields);
  for (guint i = 0; i < kind->n_fields; i++)
    init_value (&kind->fields[i], &priv->values[i]);
}

gboolean
custos_value_equal (const GValue *a,
                    const GValue *b)
{
  GType type = G_VALUE_TYPE (a);

  if (type == G_TYPE_STRING)
    return g_strcmp0 (g_value_get_string (a), g_value_get_string (b)) == 0;
  if (type == G_TYPE_INT)
    return g_value_get_int (a) == g_value_get_int (b);
  if (type == G_TYPE_DOUBLE)
    {
      double x = g_value_get_double (a), y = g_value_get_double (b);
      return (isnan (x) && isnan (y)) || x == y;
    }
  if (type == G_TYPE_BOOLEAN)
    return !g_value_get_boolean (a) == !g_value_get_boolean (b);
  if (G_TYPE_IS_ENUM (type))
    return g_value_get_enum (a) == g_value_get_enum (b);
  if (G_TYPE_IS_FLAGS (type))
    return g_value_get_flags (a) == g_value_get_flags (b);
  if (type == G_TYPE_STRV)
    {
      const char * const *x = g_value_get_boxed (a);
      const char * const *y = g_value_get_boxed (b);
      gboolean x_empty = x == NULL || x[0] == NULL;
      gboolean y_empty = y == NULL || y[0] == NULL;

      if (x_empty || y_empty)
        return x_empty == y_empty;
      return g_strv_equal (x, y);
    }
  g_assert_not_reached ();
}

static void
custos_record_finalize (GObject *object)
{
  CustosRecord *self = CUSTOS_RECORD (object);
  CustosRecordPrivate *priv = custos_record_get_instance_private (self);

  for (guint i = 0; i < priv->n_values; i++)
    g_value_unset (&priv->values[i]);
  g_free (priv->values);
  if (priv->previous != NULL)
    for (guint i = 0; i < priv->n_values + 2; i++)
      if (G_IS_VALUE (&priv->previous[i]))
        g_value_unset (&priv->previous[i]);
  g_free (priv->previous);
  g_free (priv->id);

  G_OBJECT_CLASS (custos_record_parent_class)->finalize (object);
}

static void
custos_record_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  CustosRecord *self = CUSTOS_RECORD (object);
  CustosRecordPrivate *priv = custos_record_get_instance_private (self);

  if (prop_id == PROP_ID)
    g_value_set_string (value, priv->id);
  else if (prop_id == PROP_TO_REVIEW)
    g_value_set_boolean (value, priv->to_review);
  else if (prop_id - FIRST_FIELD_PROP < priv->n_values)
    g_value_copy (&priv->values[prop_id - FIRST_FIELD_PROP], value);
  else
    G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
}

static void
custos_record_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  CustosRecord *self = CUSTOS_RECORD (object);
  CustosRecordPrivate *priv = custos_record_get_instance_private (self);

  if (prop_id == PROP_ID)
    custos_record_set_id (self, g_value_get_string (value));
  else if (prop_id == PROP_TO_REVIEW)
    custos_record_set_to_review (self, g_value_get_boolean (value));
  else if (prop_id - FIRST_FIELD_PROP < priv->n_values)
    custos_record_set_value (self, prop_id - FIRST_FIELD_PROP, value);
  else
    G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
}

static void
custos_record_class_init (CustosRecordClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = custos_record_finalize;
  object_class->get_property = custos_record_get_property;
  object_class->set_property = custos_record_set_property;

  id_pspec = g_param_spec_string ("id", "Id", "Stable identifier of the record", NULL,
                                  G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_property (object_class, PROP_ID, id_pspec);
  /* Drafted or imported content that no person has confirmed yet. */
  to_review_pspec = g_param_spec_boolean ("to-review", "To review", "Whether a person still has to review the record",
                                          FALSE, G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_property (object_class, PROP_TO_REVIEW, to_review_pspec);
}

static void
custos_record_init (CustosRecord *self)
{
}

void
custos_record_class_install (CustosRecordClass *klass,
                             const CustosKind  *kind)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  /* GObject does not inherit property accessors: every class sets its own. */
  object_class->get_property = custos_record_get_property;
  object_class->set_property = custos_record_set_property;
  klass->kind = kind;
  klass->field_pspecs = g_new0 (GParamSpec *, kind->n_fields);
  for (guint i = 0; i < kind->n_fields; i++)
    {
      klass->field_pspecs[i] = field_pspec (&kind->fields[i]);
      g_object_class_install_property (object_class, FIRST_FIELD_PROP + i, klass->field_pspecs[i]);
    }
}

const CustosKind *
custos_record_get_kind (CustosRecord *self)
{
  g_return_val_if_fail (CUSTOS_IS_RECORD (self), NULL);

  return CUSTOS_RECORD_GET_CLASS (self)->kind;
}

const char *
custos_record_get_id (CustosRecord *self)
{
  CustosRecordPrivate *priv = custos_record_get_instance_private (self);

  g_return_val_if_fail (CUSTOS_IS_RECORD (self), NULL);

  return priv->id;
}

void
custos_record_set_id (CustosRecord *self,
                      const char   *id)
{
  CustosRecordPrivate *priv = custos_record_get_instance_private (self);
  GValue *previous;

  g_return_if_fail (CUSTOS_IS_RECORD (self));

  if (g_strcmp0 (priv->id, id) == 0)
    return;
  if ((previous = previous_slot (priv, CUSTOS_RECORD_SLOT_ID (priv->n_values))) != NULL)
    {
      g_value_init (previous, G_TYPE_STRING);
      g_value_take_string (previous, priv->id);
    }
  else
    g_free (priv->id);
  priv->id = g_strdup (id);
  g_object_notify_by_pspec (G_OBJECT (self), id_pspec);
}

gboolean
custos_record_get_to_review (CustosRecord *self)
{
  CustosRecordPrivate *priv = custos_record_get_instance_private (self);

  g_return_val_if_fail (CUSTOS_IS_RECORD (self), FALSE);

  return priv->to_review;
}

void
custos_record_set_to_review (CustosRecord *self,
                             gboolean      to_review)
{
  CustosRecordPrivate *priv = custos_record_get_instance_private (self);
  GValue *previous;

  g_return_if_fail (CUSTOS_IS_RECORD (self));

  if (priv->to_review == !!to_review)
    return;
  if ((previous = previous_slot (priv, CUSTOS_RECORD_SLOT_TO_REVIEW (priv->n_values))) != NULL)
    {
      g_value_init (previous, G_TYPE_BOOLEAN);
      g_value_set_boolean (previous, priv->to_review);
    }
  priv->to_review = !!to_review;
  g_object_notify_by_pspec (G_OBJECT (self), to_review_pspec);
}

/* The first field flagged TITLE names the record; the id stands in when it is empty. */
const char *
custos_record_get_title (CustosRecord *self)
{
  CustosRecordPrivate *priv = custos_record_get_instance_private (self);
  const CustosKind *kind = custos_record_get_kind (self);

  for (guint i = 0; i < kind->n_fields; i++)
    if ((kind->fields[i].flags & CUSTOS_FIELD_FLAG_TITLE) != 0 &&
        G_VALUE_HOLDS_STRING (&priv->values[i]))
      {
        const char *title = g_value_get_string (&priv->values[i]);
        if (title != NULL && *title != '\0')
          return title;
        break;
      }
  return priv->id;
}

const CustosField *
custos_kind_find_field (const CustosKind *kind,
                        const char       *name,
                        guint            *index)
{
  for (guint i = 0; i < kind->n_fields; i++)
    if (strcmp (kind->fields[i].name, name) == 0)
      {
        if (index != NULL)
          *index = i;
        return &kind->fields[i];
      }
  return NULL;
}

CustosRecord *
custos_record_new (const CustosKind *kind,
                   const char       *id)
{
  g_return_val_if_fail (kind != NULL, NULL);

  return g_object_new (kind->get_type (), "id", id, NULL);
}

CustosRecord *
custos_record_duplicate (CustosRecord *self,
                         const char   *new_id)
{
  CustosRecordPrivate *priv = custos_record_get_instance_private (self);
  CustosRecord *copy = custos_record_new (custos_record_get_kind (self), new_id);
  CustosRecordPrivate *copy_priv = custos_record_get_instance_private (copy);

  for (guint i = 0; i < priv->n_values; i++)
    g_value_copy (&priv->values[i], &copy_priv->values[i]);
  copy_priv->to_review = priv->to_review;
  return copy;
}

const GValue *
custos_record_get_value (CustosRecord *self,
                         guint         field)
{
  CustosRecordPrivate *priv = custos_record_get_instance_private (self);

  g_return_val_if_fail (field < priv->n_values, NULL);

  return &priv->values[field];
}

void
custos_record_set_value (CustosRecord *self,
                         guint         field,
                         const GValue *value)
{
  CustosRecordPrivate *priv = custos_record_get_instance_private (self);
  GValue *previous;

  g_return_if_fail (field < priv->n_values);
  g_return_if_fail (G_VALUE_TYPE (value) == G_VALUE_TYPE (&priv->values[field]));

  /* Empty strings and lists are stored as NULL, so "empty" has one form. */
  if ((G_VALUE_HOLDS_STRING (value) && g_value_get_string (value) != NULL &&
       g_value_get_string (value)[0] == '\0') ||
      (G_VALUE_TYPE (value) == G_TYPE_STRV && g_value_get_boxed (value) != NULL &&
       ((char **) g_value_get_boxed (value))[0] == NULL))
    {
      g_auto(GValue) empty = G_VALUE_INIT;

      g_value_init (&empty, G_VALUE_TYPE (value));
      custos_record_set_value (self, field, &empty);
      return;
    }

  if (custos_value_equal (&priv->values[field], value))
    return;

  if ((previous = previous_slot (priv, field)) != NULL)
    {
      *previous = priv->values[field];   /* moved */
      memset (&priv->values[field], 0, sizeof (GValue));
    }
  else
    g_value_unset (&priv->values[field]);
  g_value_init (&priv->values[field], G_VALUE_TYPE (value));
  g_value_copy (value, &priv->values[field]);
  g_object_notify_by_pspec (G_OBJECT (self), CUSTOS_RECORD_GET_CLASS (self)->field_pspecs[field]);
}

void
custos_record_keep_previous (CustosRecord *self)
{
  CustosRecordPrivate *priv = custos_record_get_instance_private (self);

  priv->keep_previous = TRUE;
}

const GValue *
custos_record_get_previous (CustosRecord *self,
                            guint         slot)
{
  CustosRecordPrivate *priv = custos_record_get_instance_private (self);

  g_return_val_if_fail (slot < priv->n_values + 2, NULL);

  return priv->previous != NULL && G_IS_VALUE (&priv->previous[slot]) ? &priv->previous[slot] : NULL;
}

gboolean
custos_record_field_is_empty (CustosRecord *self,
                              guint         field)
{
  const CustosKind *kind = custos_record_get_kind (self);
  const GValue *value = custos_record_get_value (self, field);

  switch (kind->fields[field].type)
    {
    case CUSTOS_FIELD_STRING:
    case CUSTOS_FIELD_TEXT:
    case CUSTOS_FIELD_DATE:
    case CUSTOS_FIELD_REF:
      return g_value_get_string (value) == NULL || g_value_get_string (value)[0] == '\0';
    case CUSTOS_FIELD_INT:
      return g_value_get_int (value) == 0;
    case CUSTOS_FIELD_NUMBER:
      return isnan (g_value_get_double (value));
    case CUSTOS_FIELD_BOOL:
      return !g_value_get_boolean (value);
    case CUSTOS_FIELD_ENUM:
      {
        g_autoptr(GEnumClass) enum_class = g_type_class_ref (G_VALUE_TYPE (value));
        return g_value_get_enum (value) == enum_class->values[0].value;
      }
    case CUSTOS_FIELD_FLAGS:
      return g_value_get_flags (value) == 0;
    case CUSTOS_FIELD_REFS:
    case CUSTOS_FIELD_CONTROLS:
    case CUSTOS_FIELD_STRINGS:
      {
        char **strv = g_value_get_boxed (value);
        return strv == NULL || strv[0] == NULL;
      }
    default:
      g_assert_not_reached ();
    }
}

/* The value of field, checked to hold type (G_TYPE_ENUM or G_TYPE_FLAGS
 * for either); NULL after a critical warning. */
static const GValue *
value_at (CustosRecord *self,
          guint         field,
          GType         type)
{
  const GValue *value = custos_record_get_value (self, field);

  g_return_val_if_fail (value != NULL, NULL);
  if (type == G_TYPE_ENUM)
    g_return_val_if_fail (G_VALUE_HOLDS_ENUM (value) || G_VALUE_HOLDS_FLAGS (value), NULL);
  else
    g_return_val_if_fail (G_VALUE_HOLDS (value, type), NULL);
  return value;
}

const char *
custos_record_get_string_at (CustosRecord *self,
                             guint         field)
{
  const GValue *value = value_at (self, field, G_TYPE_STRING);

  return value != NULL ? g_value_get_string (value) : NULL;
}

void
custos_record_set_string_at (CustosRecord *self,
                             guint         field,
                             const char   *value)
{
  g_auto(GValue) v = G_VALUE_INIT;

  g_value_init (&v, G_TYPE_STRING);
  g_value_set_string (&v, value);
  custos_record_set_value (self, field, &v);
}

int
custos_record_get_int_at (CustosRecord *self,
                          guint         field)
{
  const GValue *value = value_at (self, field, G_TYPE_INT);

  return value != NULL ? g_value_get_int (value) : 0;
}

void
custos_record_set_int_at (CustosRecord *self,
                          guint         field,
                          int           value)
{
  g_auto(GValue) v = G_VALUE_INIT;

  g_value_init (&v, G_TYPE_INT);
  g_value_set_int (&v, value);
  custos_record_set_value (self, field, &v);
}

double
custos_record_get_number_at (CustosRecord *self,
                             guint         field)
{
  const GValue *value = value_at (self, field, G_TYPE_DOUBLE);

  return value != NULL ? g_value_get_double (value) : NAN;
}

void
custos_record_set_number_at (CustosRecord *self,
                             guint         field,
                             double        value)
{
  g_auto(GValue) v = G_VALUE_INIT;

  g_value_init (&v, G_TYPE_DOUBLE);
  g_value_set_double (&v, value);
  custos_record_set_value (self, field, &v);
}

gboolean
custos_record_get_bool_at (CustosRecord *self,
                           guint         field)
{
  const GValue *value = value_at (self, field, G_TYPE_BOOLEAN);

  return value != NULL && g_value_get_boolean (value);
}

void
custos_record_set_bool_at (CustosRecord *self,
                           guint         field,
                           gboolean      value)
{
  g_auto(GValue) v = G_VALUE_INIT;

  g_value_init (&v, G_TYPE_BOOLEAN);
  g_value_set_boolean (&v, value);
  custos_record_set_value (self, field, &v);
}

int
custos_record_get_enum_at (CustosRecord *self,
                           guint         field)
{
  const GValue *value = value_at (self, field, G_TYPE_ENUM);

  if (value == NULL)
    return 0;
  return G_VALUE_HOLDS_ENUM (value) ? g_value_get_enum (value) : (int) g_value_get_flags (value);
}

void
custos_record_set_enum_at (CustosRecord *self,
                           guint         field,
                           int           value)
{
  const GValue *old = value_at (self, field, G_TYPE_ENUM);
  g_auto(GValue) v = G_VALUE_INIT;

  g_return_if_fail (old != NULL);

  g_value_init (&v, G_VALUE_TYPE (old));
  if (G_VALUE_HOLDS_ENUM (&v))
    g_value_set_enum (&v, value);
  else
    g_value_set_flags (&v, (guint) value);
  custos_record_set_value (self, field, &v);
}

const char * const *
custos_record_get_strv_at (CustosRecord *self,
                           guint         field)
{
  const GValue *value = value_at (self, field, G_TYPE_STRV);

  return value != NULL ? g_value_get_boxed (value) : NULL;
}

void
custos_record_set_strv_at (CustosRecord       *self,
                           guint               field,
                           const char * const *value)
{
  g_auto(GValue) v = G_VALUE_INIT;

  g_value_init (&v, G_TYPE_STRV);
  g_value_set_boxed (&v, value);
  custos_record_set_value (self, field, &v);
}

/* Text forms ------------------------------------------------------------ */

char *
custos_field_to_text (const CustosField *field,
                      const GValue      *value,
                      const char        *sep)
{
  switch (field->type)
    {
    case CUSTOS_FIELD_STRING:
    case CUSTOS_FIELD_TEXT:
    case CUSTOS_FIELD_DATE:
    case CUSTOS_FIELD_REF:
      return g_strdup (g_value_get_string (value) ? g_value_get_string (value) : "");
    case CUSTOS_FIELD_INT:
      return g_strdup_printf ("%d", g_value_get_int (value));
    case CUSTOS_FIELD_NUMBER:
      {
        char buf[G_ASCII_DTOSTR_BUF_SIZE];
        double d = g_value_get_double (value);

        if (isnan (d))
          return g_strdup ("");
        return g_strdup (g_ascii_formatd (buf, sizeof buf, "%.15g", d));
      }
    case CUSTOS_FIELD_BOOL:
      return g_strdup (g_value_get_boolean (value) ? "true" : "false");
    case CUSTOS_FIELD_ENUM:
      {
        g_autoptr(GEnumClass) enum_class = g_type_class_ref (G_VALUE_TYPE (value));
        GEnumValue *ev = g_enum_get_value (enum_class, g_value_get_enum (value));
        return g_strdup (ev ? ev->value_nick : "");
      }
    case CUSTOS_FIELD_FLAGS:
      {
        g_autoptr(GFlagsClass) flags_class = g_type_class_ref (G_VALUE_TYPE (value));
        guint flags = g_value_get_flags (value);
        GString *s = g_string_new (NULL);

        for (guint i = 0; i < flags_class->n_values; i++)
          {
            guint bit = flags_class->values[i].value;
            if (bit != 0 && (flags & bit) == bit)
              {
                if (s->len > 0)
                  g_string_append (s, sep);
                g_string_append (s, flags_class->values[i].value_nick);
              }
          }
        return g_string_free (s, FALSE);
      }
    case CUSTOS_FIELD_REFS:
    case CUSTOS_FIELD_CONTROLS:
    case CUSTOS_FIELD_STRINGS:
      {
        char **strv = g_value_get_boxed (value);
        return strv ? g_strjoinv (sep, strv) : g_strdup ("");
      }
    default:
      g_assert_not_reached ();
    }
}

/* Splits a list of ids on white space, commas and semicolons. */
static char **
split_ids (const char *text)
{
  g_auto(GStrv) parts = g_strsplit_set (text, " \t\r\n,;", -1);
  GPtrArray *ids = g_ptr_array_new ();

  for (guint i = 0; parts[i] != NULL; i++)
    if (parts[i][0] != '\0')
      g_ptr_array_add (ids, g_strdup (parts[i]));
  g_ptr_array_add (ids, NULL);
  return (char **) g_ptr_array_free (ids, FALSE);
}

gboolean
custos_field_from_text (const CustosField  *field,
                        const char         *text,
                        GValue             *value,
                        char              **message)
{
  g_value_init (value, custos_field_value_type (field));

  switch (field->type)
    {
    case CUSTOS_FIELD_STRING:
    case CUSTOS_FIELD_TEXT:
    case CUSTOS_FIELD_REF:
      g_value_set_string (value, text[0] ? text : NULL);
      return TRUE;

    case CUSTOS_FIELD_DATE:
      if (text[0] != '\0' && !custos_date_is_valid (text))
        {
          *message = g_strdup_printf (_("“%s” is not a valid date for %s (expected YYYY-MM-DD)"), text, field->name);
          return FALSE;
        }
      g_value_set_string (value, text[0] ? text : NULL);
      return TRUE;

    case CUSTOS_FIELD_INT:
      {
        gint64 n = 0;
        int lo = field->min < 0 ? 1 : field->min;
        int hi = field->min < 0 ? 6 : field->max;

        if (text[0] == '\0')
          return TRUE;
        if (!g_ascii_string_to_signed (text, 10, G_MININT, G_MAXINT, &n, NULL))
          {
            *message = g_strdup_printf (_("“%s” is not a whole number for %s"), text, field->name);
            return FALSE;
          }
        if (n < lo || n > hi)
          {
            *message = g_strdup_printf (_("%s %d is out of range (%d to %d)"), field->name, (int) n, lo, hi);
            return FALSE;
          }
        g_value_set_int (value, (int) n);
        return TRUE;
      }

    case CUSTOS_FIELD_NUMBER:
      {
        char *end = NULL;
        double d;

        if (text[0] == '\0')
          {
            g_value_set_double (value, NAN);
            return TRUE;
          }
        d = g_ascii_strtod (text, &end);
        if (end == text || *end != '\0' || !isfinite (d))
          {
            *message = g_strdup_printf (_("“%s” is not a number for %s"), text, field->name);
            return FALSE;
          }
        g_value_set_double (value, d);
        return TRUE;
      }

    case CUSTOS_FIELD_BOOL:
      if (g_str_equal (text, "true") || g_str_equal (text, "1"))
        g_value_set_boolean (value, TRUE);
      else if (g_str_equal (text, "false") || g_str_equal (text, "0") || text[0] == '\0')
        g_value_set_boolean (value, FALSE);
      else
        {
          *message = g_strdup_printf (_("“%s” is not true or false for %s"), text, field->name);
          return FALSE;
        }
      return TRUE;

    case CUSTOS_FIELD_ENUM:
      {
        g_autoptr(GEnumClass) enum_class = g_type_class_ref (field->get_type ());
        GEnumValue *ev = text[0] ? g_enum_get_value_by_nick (enum_class, text) : &enum_class->values[0];

        if (ev == NULL)
          {
            g_autoptr(GString) allowed = g_string_new (NULL);
            for (guint i = 0; i < enum_class->n_values; i++)
              g_string_append_printf (allowed, "%s%s", i ? ", " : "", enum_class->values[i].value_nick);
            *message = g_strdup_printf (_("“%s” is not a valid %s (one of %s)"), text, field->name, allowed->str);
            return FALSE;
          }
        g_value_set_enum (value, ev->value);
        return TRUE;
      }

    case CUSTOS_FIELD_FLAGS:
      {
        g_autoptr(GFlagsClass) flags_class = g_type_class_ref (field->get_type ());
        g_auto(GStrv) nicks = split_ids (text);
        guint flags = 0;

        for (guint i = 0; nicks[i] != NULL; i++)
          {
            GFlagsValue *fv = g_flags_get_value_by_nick (flags_class, nicks[i]);
            if (fv == NULL || fv->value == 0)
              {
                *message = g_strdup_printf (_("“%s” is not a valid value of %s"), nicks[i], field->name);
                return FALSE;
              }
            flags |= fv->value;
          }
        g_value_set_flags (value, flags);
        return TRUE;
      }

    case CUSTOS_FIELD_REFS:
    case CUSTOS_FIELD_CONTROLS:
      {
        char **ids = split_ids (text);
        if (ids[0] == NULL)
          g_strfreev (ids);
        else
          g_value_take_boxed (value, ids);
        return TRUE;
      }

    case CUSTOS_FIELD_STRINGS:
      {
        char **lines = g_strsplit (text, "\n", -1);
        if (text[0] == '\0')
          g_strfreev (lines);
        else
          g_value_take_boxed (value, lines);
        return TRUE;
      }

    default:
      g_assert_not_reached ();
    }
}
