/* SPDX-License-Identifier: GPL-3.0-or-later */
/* custos-report-text.c — record values as people read them */
#include "config.h"

#include <math.h>

#include <glib/gi18n-lib.h>

#include "custos-heatmap.h"
#include "custos-labels.h"
#include "custos-report-text.h"

/* The label of a value by its nick (custos_nick_label: the nicks of every
 * enumeration mean the same wherever they recur), else the model's label of
 * that enumeration's value. */
static const char *
label_for_nick (GType       type,
                guint       value,
                const char *nick)
{
  const char *label = custos_nick_label (nick);

  return label != nick ? label : custos_enum_value_label (type, (int) value);
}

const char *
custos_report_value_label (GType type,
                           guint value)
{
  if (G_TYPE_IS_ENUM (type))
    {
      g_autoptr(GEnumClass) klass = g_type_class_ref (type);
      GEnumValue *ev = g_enum_get_value (klass, (int) value);
      return ev ? label_for_nick (type, value, ev->value_nick) : "";
    }
  if (G_TYPE_IS_FLAGS (type))
    {
      g_autoptr(GFlagsClass) klass = g_type_class_ref (type);
      GFlagsValue *fv = g_flags_get_first_value (klass, value);
      return fv ? label_for_nick (type, fv->value, fv->value_nick) : "";
    }
  return "";
}

char *
custos_report_level_text (CustosDocument *document,
                          CustosScale     scale,
                          int             value)
{
  const CustosLevel *level;

  if (value <= 0)
    return g_strdup ("");
  level = custos_criteria_get_level (custos_document_get_criteria (document), scale, (guint) value);
  if (level == NULL || level->label == NULL)
    return g_strdup_printf ("%d", value);
  return g_strdup_printf ("%d · %s", value, level->label);
}

static char *
ref_text (CustosDocument    *document,
          const CustosField *field,
          const char        *id)
{
  const CustosKind *target;
  int reg;
  CustosRecord *record;

  if (id == NULL || *id == '\0')
    return g_strdup ("");
  target = custos_kinds_lookup (field->target);
  reg = target ? custos_kinds_register_index (target) : -1;
  if (reg != CUSTOS_REGISTER_ROLES)
    return g_strdup (id);
  record = custos_document_lookup (document, (CustosRegister) reg, id);
  return g_strdup (record ? custos_record_get_title (record) : id);
}

char *
custos_report_field_text (CustosDocument *document,
                          CustosRecord   *record,
                          guint           index,
                          const char     *sep)
{
  const CustosKind *kind = custos_record_get_kind (record);
  const CustosField *field;
  const GValue *value;

  g_return_val_if_fail (index < kind->n_fields, NULL);

  field = &kind->fields[index];
  value = custos_record_get_value (record, index);
  switch (field->type)
    {
    case CUSTOS_FIELD_STRING:
    case CUSTOS_FIELD_TEXT:
    case CUSTOS_FIELD_DATE:
      return g_strdup (g_value_get_string (value) ? g_value_get_string (value) : "");
    case CUSTOS_FIELD_INT:
      {
        int v = g_value_get_int (value);

        if (field->min == CUSTOS_RANGE_LIKELIHOOD)
          return custos_report_level_text (document, CUSTOS_SCALE_LIKELIHOOD, v);
        if (field->min == CUSTOS_RANGE_CONSEQUENCE)
          return custos_report_level_text (document, CUSTOS_SCALE_CONSEQUENCE, v);
        if (v == 0 && field->min > 0)
          return g_strdup ("");
        return g_strdup_printf ("%d", v);
      }
    case CUSTOS_FIELD_NUMBER:
      {
        double d = g_value_get_double (value);
        char buf[G_ASCII_DTOSTR_BUF_SIZE];

        if (isnan (d))
          return g_strdup ("");
        return g_strdup (g_ascii_formatd (buf, sizeof buf, "%.10g", d));
      }
    case CUSTOS_FIELD_BOOL:
      return g_strdup (g_value_get_boolean (value) ? _("Yes") : _("No"));
    case CUSTOS_FIELD_ENUM:
      return g_strdup (custos_report_value_label (G_VALUE_TYPE (value), (guint) g_value_get_enum (value)));
    case CUSTOS_FIELD_FLAGS:
      {
        g_autoptr(GFlagsClass) klass = g_type_class_ref (G_VALUE_TYPE (value));
        guint flags = g_value_get_flags (value);
        GString *s = g_string_new (NULL);

        for (guint i = 0; i < klass->n_values; i++)
          {
            guint bit = klass->values[i].value;
            if (bit != 0 && (flags & bit) == bit)
              {
                if (s->len > 0)
                  g_string_append (s, sep);
                g_string_append (s, label_for_nick (G_VALUE_TYPE (value), bit, klass->values[i].value_nick));
              }
          }
        return g_string_free (s, FALSE);
      }
    case CUSTOS_FIELD_REF:
      return ref_text (document, field, g_value_get_string (value));
    case CUSTOS_FIELD_REFS:
      {
        char **strv = g_value_get_boxed (value);
        return strv ? g_strjoinv (sep, strv) : g_strdup ("");
      }
    case CUSTOS_FIELD_CONTROLS:
      return custos_controls_cite (g_value_get_boxed (value), sep);
    case CUSTOS_FIELD_STRINGS:
      {
        char **strv = g_value_get_boxed (value);
        return strv ? g_strjoinv ("\n", strv) : g_strdup ("");
      }
    default:
      g_return_val_if_reached (g_strdup (""));
    }
}

char *
custos_report_score_text (CustosDocument *document,
                          CustosRecord   *risk,
                          gboolean        residual)
{
  int score = custos_document_risk_score (document, risk, residual);
  int band = custos_document_risk_band (document, risk, residual);
  const CustosBand *b;

  if (score <= 0)
    return g_strdup ("");
  b = band >= 0 ? custos_criteria_get_band (custos_document_get_criteria (document), (guint) band) : NULL;
  if (b == NULL || b->name == NULL)
    return g_strdup_printf ("%d", score);
  return g_strdup_printf ("%d %s", score, b->name);
}

guint32
custos_report_score_colour (CustosDocument       *document,
                            CustosRecord         *risk,
                            gboolean              residual,
                            CustosHeatmapPalette  palette)
{
  CustosCriteria *criteria = custos_document_get_criteria (document);
  int band = custos_document_risk_band (document, risk, residual);

  if (band < 0)
    return 0xdeddda;
  return custos_heatmap_band_colour (palette, (guint) band, custos_criteria_get_n_bands (criteria),
                                     custos_criteria_get_band (criteria, (guint) band)->colour);
}
