/* SPDX-License-Identifier: GPL-3.0-or-later */
/* custos-gen-fields.c — prints src/model/custos-fields.h, the typed accessors
 *
 * For every kind of record in the descriptors (src/model/custos-kinds.c) the
 * header declares an enum of field indices and one static inline getter and
 * setter per field, typed by the field and by the kind:
 *
 *   CustosRiskStatus custos_risk_get_status (CustosRisk *self);
 *   void             custos_risk_set_likelihood (CustosRisk *self, int value);
 *
 * A misspelt field, or a field asked of the wrong kind of record, then fails
 * to compile instead of aborting at run time, and access goes by index. The
 * output is committed; a test in the "model" suite fails when it is out of
 * date.
 *
 * Usage: custos-gen-fields                 print the header
 *        custos-gen-fields --check FILE    exit 1 unless FILE is identical
 *
 * Regenerate with: ./build/tools/custos-gen-fields > src/model/custos-fields.h
 *
 * This program is built from the descriptors' own sources rather than from
 * the model library, so that it still builds while the header it writes is
 * out of date.
 */
#include "config.h"

#include <string.h>

#include "custos-gen-main.h"
#include "custos-kinds.h"

#define REGENERATE "./build/tools/custos-gen-fields > src/model/custos-fields.h"

/* "CustosSoaEntry" → "soa_entry" (without the namespace). */
static char *
type_to_lower (const char *type_name)
{
  GString *s = g_string_new (NULL);

  g_assert (g_str_has_prefix (type_name, "Custos"));
  for (const char *p = type_name + strlen ("Custos"); *p != '\0'; p++)
    {
      if (g_ascii_isupper (*p) && s->len > 0)
        g_string_append_c (s, '_');
      g_string_append_c (s, g_ascii_tolower (*p));
    }
  return g_string_free (s, FALSE);
}

/* "residual-likelihood" → "residual_likelihood". */
static char *
name_to_c (const char *name)
{
  return g_strdelimit (g_strdup (name), "-", '_');
}

/* The name of a field in function names. "type" would collide with the
 * kind's GType function (custos_asset_get_type): it is called after the
 * record, "asset_type". */
static char *
accessor_name (const CustosKind  *kind,
               const CustosField *field)
{
  if (g_str_equal (field->name, "type"))
    return g_strdup_printf ("%s_type", kind->name);
  return name_to_c (field->name);
}

/* The C type a getter returns and a setter takes. */
static const char *
value_type (const CustosField *field)
{
  switch (field->type)
    {
    case CUSTOS_FIELD_STRING:
    case CUSTOS_FIELD_TEXT:
    case CUSTOS_FIELD_DATE:
    case CUSTOS_FIELD_REF:
      return "const char *";
    case CUSTOS_FIELD_INT:
      return "int";
    case CUSTOS_FIELD_NUMBER:
      return "double";
    case CUSTOS_FIELD_BOOL:
      return "gboolean";
    case CUSTOS_FIELD_ENUM:
    case CUSTOS_FIELD_FLAGS:
      return g_type_name (field->get_type ());
    case CUSTOS_FIELD_REFS:
    case CUSTOS_FIELD_CONTROLS:
    case CUSTOS_FIELD_STRINGS:
      return "const char * const *";
    default:
      g_assert_not_reached ();
    }
}

/* The custos_record_*_at () pair that reads and writes the field's GValue. */
static const char *
value_access (const CustosField *field)
{
  switch (field->type)
    {
    case CUSTOS_FIELD_STRING:
    case CUSTOS_FIELD_TEXT:
    case CUSTOS_FIELD_DATE:
    case CUSTOS_FIELD_REF:
      return "string";
    case CUSTOS_FIELD_INT:
      return "int";
    case CUSTOS_FIELD_NUMBER:
      return "number";
    case CUSTOS_FIELD_BOOL:
      return "bool";
    case CUSTOS_FIELD_ENUM:
    case CUSTOS_FIELD_FLAGS:
      return "enum";
    case CUSTOS_FIELD_REFS:
    case CUSTOS_FIELD_CONTROLS:
    case CUSTOS_FIELD_STRINGS:
      return "strv";
    default:
      g_assert_not_reached ();
    }
}

/* "const char *" + "name" → "const char *name"; "int" + "name" → "int name". */
static char *
declare (const char *type,
         const char *name)
{
  return g_strdup_printf ("%s%s%s", type, g_str_has_suffix (type, "*") ? "" : " ", name);
}

static void
kind_accessors (GString          *out,
                const CustosKind *kind)
{
  const char *type_name = g_type_name (kind->get_type ());
  g_autofree char *lower = type_to_lower (type_name);
  g_autofree char *upper = g_ascii_strup (lower, -1);
  g_autofree char *self = g_strdup_printf ("%s *self", type_name);

  g_string_append_printf (out, "/* %s (%s, clause %s) ", kind->name, type_name, kind->clause);
  for (gsize n = strlen (kind->name) + strlen (type_name) + strlen (kind->clause) + 19; n < 80; n++)
    g_string_append_c (out, '-');
  g_string_append (out, " */\n\n");

  g_string_append (out, "typedef enum\n{\n");
  for (guint i = 0; i < kind->n_fields; i++)
    {
      g_autofree char *c_name = name_to_c (kind->fields[i].name);
      g_autofree char *c_upper = g_ascii_strup (c_name, -1);
      g_string_append_printf (out, "  CUSTOS_%s_FIELD_%s,\n", upper, c_upper);
    }
  g_string_append_printf (out, "  CUSTOS_%s_N_FIELDS\n} %sField;\n\n", upper, type_name);

  for (guint i = 0; i < kind->n_fields; i++)
    {
      const CustosField *field = &kind->fields[i];
      g_autofree char *c_name = name_to_c (field->name);
      g_autofree char *c_upper = g_ascii_strup (c_name, -1);
      g_autofree char *accessor = accessor_name (kind, field);
      g_autofree char *index = g_strdup_printf ("CUSTOS_%s_FIELD_%s", upper, c_upper);
      g_autofree char *record = g_strdup_printf ("(CustosRecord *) CUSTOS_%s (self)", upper);
      g_autofree char *value = declare (value_type (field), "value");
      const char *cast = field->type == CUSTOS_FIELD_ENUM || field->type == CUSTOS_FIELD_FLAGS ? value_type (field)
                                                                                              : NULL;

      g_autofree char *get = g_strdup_printf ("  return %s%s%scustos_record_get_%s_at (",
                                              cast ? "(" : "", cast ? cast : "", cast ? ") " : "",
                                              value_access (field));
      g_autofree char *set = g_strdup_printf ("  custos_record_set_%s_at (", value_access (field));
      g_autofree char *setter = g_strdup_printf ("custos_%s_set_%s (", lower, accessor);

      /* The index goes under the record, so that lines stay short. */
      g_string_append_printf (out, "static inline %s\ncustos_%s_get_%s (%s)\n{\n%s%s,\n%*s%s);\n}\n\n",
                              value_type (field), lower, accessor, self,
                              get, record, (int) strlen (get), "", index);
      g_string_append_printf (out, "static inline void\n%s%s,\n%*s%s)\n{\n%s%s,\n%*s%s, value);\n}\n\n",
                              setter, self, (int) strlen (setter), "", value,
                              set, record, (int) strlen (set), "", index);
    }
}

static char *
generate (void)
{
  GString *out = g_string_new (NULL);

  g_string_append (out,
                   "/* SPDX-License-Identifier: GPL-3.0-or-later */\n"
                   "/* custos-fields.h — typed access to every field of every kind of record\n"
                   " *\n"
                   " * GENERATED from the descriptors of src/model/custos-kinds.c by\n"
                   " * tools/custos-gen-fields.c: do not edit. Regenerate with\n"
                   " *   " REGENERATE "\n"
                   " * (the fields-generated test fails while this file is out of date).\n"
                   " *\n"
                   " * Per kind: an enum of field indices (for custos_record_get_value() and\n"
                   " * friends) and a typed getter and setter per field. A getter or setter\n"
                   " * of one kind does not take a record of another: pass a CustosRisk *, or\n"
                   " * cast with CUSTOS_RISK (), which checks the kind at run time. A field\n"
                   " * named \"type\" is reached as custos_asset_get_asset_type () and so on,\n"
                   " * because custos_asset_get_type () is the GType.\n"
                   " */\n"
                   "#pragma once\n"
                   "\n"
                   "#include \"custos-kinds.h\"\n"
                   "\n"
                   "G_BEGIN_DECLS\n"
                   "\n");
  for (guint s = 0; s < CUSTOS_N_SECTIONS; s++)
    kind_accessors (out, custos_kinds_section (s));
  for (guint r = 0; r < CUSTOS_N_REGISTERS; r++)
    kind_accessors (out, custos_kinds_register (r));
  g_string_append (out, "G_END_DECLS\n");
  return g_string_free (out, FALSE);
}

int
main (int    argc,
      char **argv)
{
  g_autofree char *header = generate ();

  return custos_gen_main (argc, argv, header, REGENERATE);
}
