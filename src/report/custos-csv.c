/* SPDX-License-Identifier: GPL-3.0-or-later */
/* custos-csv.c — any register as CSV (RFC 4180, UTF-8) */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "custos-csv.h"
#include "custos-report-text.h"

gboolean
custos_csv_lookup (const char     *name,
                   CustosRegister *reg)
{
  const CustosKind *kind;
  int index;

  g_return_val_if_fail (name != NULL, FALSE);

  kind = custos_kinds_lookup (name);
  index = kind ? custos_kinds_register_index (kind) : -1;
  if (index < 0)
    return FALSE;
  *reg = (CustosRegister) index;
  return TRUE;
}

/* RFC 4180: quoted if it holds a comma, a quote, a line break or
 * leading/trailing space; prefix (the formula guard) goes inside the quotes. */
static void
append_quoted (GString    *out,
               const char *prefix,
               const char *text)
{
  gsize len = strlen (text);

  if (strpbrk (text, ",\"\r\n") == NULL && !g_ascii_isspace (text[0]) && !g_ascii_isspace (text[len - 1]))
    {
      g_string_append (out, prefix);
      g_string_append_len (out, text, (gssize) len);
      return;
    }
  g_string_append_c (out, '"');
  g_string_append (out, prefix);
  for (const char *p = text; *p != '\0'; p++)
    {
      if (*p == '"')
        g_string_append_c (out, '"');
      g_string_append_c (out, *p);
    }
  g_string_append_c (out, '"');
}

gboolean
custos_csv_starts_formula (const char *text)
{
  /* OWASP "CSV injection": spreadsheets evaluate a cell that begins with one
   * of these; a leading ' is guarded too, so that stripping one ' always
   * gives back the text. */
  return text != NULL && text[0] != '\0' && strchr ("=+-@\t\r'", text[0]) != NULL;
}

void
custos_csv_append_field (GString    *out,
                         const char *text)
{
  if (text == NULL || *text == '\0')
    return;
  append_quoted (out, custos_csv_starts_formula (text) ? "'" : "", text);
}

/* A plain decimal number, as the writer formats them: -12, 3.5, 1e-05. */
static gboolean
is_number (const char *text)
{
  char *end = NULL;

  if (!g_ascii_isdigit (text[0]) && !(text[0] == '-' && g_ascii_isdigit (text[1])))
    return FALSE;
  g_ascii_strtod (text, &end);
  return end != NULL && *end == '\0';
}

void
custos_csv_append_number (GString    *out,
                          const char *text)
{
  if (text != NULL && is_number (text))
    g_string_append (out, text);
  else
    custos_csv_append_field (out, text);
}

static void
end_record (GString *out)
{
  g_string_append (out, "\r\n");
}

static void
separator (GString *out,
           gboolean *first)
{
  if (!*first)
    g_string_append_c (out, ',');
  *first = FALSE;
}

static char *
selecting_risks (CustosDocument *document,
                 const char     *control)
{
  g_autoptr(GPtrArray) risks = custos_document_get_selecting_risks (document, control);
  GString *s = g_string_new (NULL);

  for (guint i = 0; i < risks->len; i++)
    {
      if (i > 0)
        g_string_append (s, "; ");
      g_string_append (s, custos_record_get_id (risks->pdata[i]));
    }
  return g_string_free (s, FALSE);
}

static char *
score_text (CustosDocument *document,
            CustosRecord   *risk,
            gboolean        residual)
{
  int score = custos_document_risk_score (document, risk, residual);
  return score > 0 ? g_strdup_printf ("%d", score) : g_strdup ("");
}

static const char *
band_name (CustosDocument *document,
           CustosRecord   *risk,
           gboolean        residual)
{
  int band = custos_document_risk_band (document, risk, residual);
  const CustosBand *b = band >= 0 ? custos_criteria_get_band (custos_document_get_criteria (document), (guint) band) : NULL;

  return b && b->name ? b->name : "";
}

static void
risk_columns (GString        *out,
              gboolean       *first,
              CustosDocument *document,
              CustosRecord   *risk)
{
  g_autofree char *inherent = risk ? score_text (document, risk, FALSE) : NULL;
  g_autofree char *residual = risk ? score_text (document, risk, TRUE) : NULL;

  separator (out, first);
  custos_csv_append_number (out, inherent);
  separator (out, first);
  custos_csv_append_field (out, risk ? band_name (document, risk, FALSE) : NULL);
  separator (out, first);
  custos_csv_append_number (out, residual);
  separator (out, first);
  custos_csv_append_field (out, risk ? band_name (document, risk, TRUE) : NULL);
}

/* An empty CSV, starting with a UTF-8 byte order mark if flags ask. */
static GString *
new_output (CustosCsvFlags flags)
{
  return g_string_new ((flags & CUSTOS_CSV_BOM) ? "\xEF\xBB\xBF" : NULL);
}

char *
custos_csv_write_register (CustosDocument *document,
                           CustosRegister  reg,
                           CustosCsvFlags  flags)
{
  const CustosKind *kind;
  GListModel *model;
  CustosCatalogue *catalogue;
  GString *out = new_output (flags);
  gboolean first = TRUE;
  gboolean soa = reg == CUSTOS_REGISTER_SOA;
  gboolean risks = reg == CUSTOS_REGISTER_RISKS;
  gboolean actions = reg == CUSTOS_REGISTER_ACTIONS;

  g_return_val_if_fail (CUSTOS_IS_DOCUMENT (document), NULL);
  g_return_val_if_fail (reg < CUSTOS_N_REGISTERS, NULL);

  kind = custos_kinds_register (reg);
  model = custos_document_get_register (document, reg);
  catalogue = custos_document_get_catalogue (document);

  /* Header row */
  separator (out, &first);
  custos_csv_append_field (out, soa ? _("Control") : _("ID"));
  if (soa)
    {
      separator (out, &first);
      custos_csv_append_field (out, _("Title"));
      separator (out, &first);
      custos_csv_append_field (out, custos_document_get_edition (document) == CUSTOS_EDITION_2013
                                    ? _("Category") : _("Theme"));
    }
  for (guint f = 0; f < kind->n_fields; f++)
    {
      separator (out, &first);
      custos_csv_append_field (out, _(kind->fields[f].label));
    }
  if (soa)
    {
      separator (out, &first);
      custos_csv_append_field (out, _("Selecting risks"));
    }
  if (actions)
    {
      separator (out, &first);
      custos_csv_append_field (out, _("Risk title"));
    }
  if (risks || actions)
    {
      const char *headers[] = { N_("Inherent score"), N_("Inherent band"), N_("Residual score"), N_("Residual band") };
      for (guint i = 0; i < G_N_ELEMENTS (headers); i++)
        {
          separator (out, &first);
          custos_csv_append_field (out, _(headers[i]));
        }
    }
  end_record (out);

  for (guint i = 0, n = g_list_model_get_n_items (model); i < n; i++)
    {
      g_autoptr(CustosRecord) record = g_list_model_get_item (model, i);
      const char *id = custos_record_get_id (record);

      first = TRUE;
      separator (out, &first);
      if (soa)
        {
          /* Cited, also because spreadsheets read a bare 2022 id such as
           * 5.10 as the number 5.1. */
          g_autofree char *cited = custos_control_cite (id);
          custos_csv_append_field (out, cited);
        }
      else
        custos_csv_append_field (out, id);
      if (soa)
        {
          const CustosControl *control = custos_catalogue_lookup (catalogue, id);

          separator (out, &first);
          custos_csv_append_field (out, control ? control->title : NULL);
          separator (out, &first);
          custos_csv_append_field (out, control ? control->group_title : NULL);
        }
      for (guint f = 0; f < kind->n_fields; f++)
        {
          CustosFieldType type = kind->fields[f].type;
          g_autofree char *text = NULL;

          if (flags & CUSTOS_CSV_FILE_VALUES)
            text = custos_field_to_text (&kind->fields[f], custos_record_get_value (record, f), " ");
          else
            text = custos_report_field_text (document, record, f, "; ");
          separator (out, &first);
          if (type == CUSTOS_FIELD_INT || type == CUSTOS_FIELD_NUMBER)
            custos_csv_append_number (out, text);
          else
            custos_csv_append_field (out, text);
        }
      if (soa)
        {
          g_autofree char *selecting = selecting_risks (document, id);
          separator (out, &first);
          custos_csv_append_field (out, selecting);
        }
      if (risks)
        risk_columns (out, &first, document, record);
      if (actions)
        {
          CustosRecord *risk = custos_document_lookup (document, CUSTOS_REGISTER_RISKS,
                                                       custos_action_get_risk (CUSTOS_ACTION (record)));
          separator (out, &first);
          custos_csv_append_field (out, risk ? custos_record_get_title (risk) : NULL);
          risk_columns (out, &first, document, risk);
        }
      end_record (out);
    }
  return g_string_free (out, FALSE);
}

static void
field (GString        *out,
       gboolean       *first,
       CustosDocument *document,
       CustosRecord   *record,
       guint           f,
       CustosCsvFlags  flags)
{
  g_autofree char *text = NULL;

  if (record != NULL && (flags & CUSTOS_CSV_FILE_VALUES))
    text = custos_field_to_text (&custos_record_get_kind (record)->fields[f], custos_record_get_value (record, f), " ");
  else if (record != NULL)
    text = custos_report_field_text (document, record, f, "; ");
  separator (out, first);
  custos_csv_append_field (out, text);
}

char *
custos_csv_write_rtp (CustosDocument *document,
                      CustosCsvFlags  flags)
{
  static const guint risk_before[] = { CUSTOS_RISK_FIELD_OWNER };
  static const guint risk_plan[] = { CUSTOS_RISK_FIELD_TREATMENT, CUSTOS_RISK_FIELD_CONTROLS,
                                     CUSTOS_RISK_FIELD_CUSTOM_CONTROLS };
  static const guint action_fields[] = { CUSTOS_ACTION_FIELD_CONTROLS, CUSTOS_ACTION_FIELD_OWNER,
                                         CUSTOS_ACTION_FIELD_RESOURCES, CUSTOS_ACTION_FIELD_DUE,
                                         CUSTOS_ACTION_FIELD_STATUS, CUSTOS_ACTION_FIELD_EVIDENCE };
  static const guint risk_after[] = { CUSTOS_RISK_FIELD_RESIDUAL_LIKELIHOOD, CUSTOS_RISK_FIELD_RESIDUAL_CONSEQUENCE };
  static const guint risk_acceptance[] = { CUSTOS_RISK_FIELD_ACCEPTED_BY, CUSTOS_RISK_FIELD_ACCEPTED,
                                           CUSTOS_RISK_FIELD_MANAGEMENT_APPROVAL, CUSTOS_RISK_FIELD_NEXT_REVIEW };
  const CustosKind *risk_kind = custos_kinds_register (CUSTOS_REGISTER_RISKS);
  const CustosKind *action_kind = custos_kinds_register (CUSTOS_REGISTER_ACTIONS);
  GListModel *risks = custos_document_get_register (document, CUSTOS_REGISTER_RISKS);
  GListModel *actions = custos_document_get_register (document, CUSTOS_REGISTER_ACTIONS);
  GString *out = new_output (flags);
  gboolean first = TRUE;

  g_return_val_if_fail (CUSTOS_IS_DOCUMENT (document), NULL);

#define HEADER(text) G_STMT_START { separator (out, &first); custos_csv_append_field (out, (text)); } G_STMT_END
  HEADER (_("Risk ID"));
  HEADER (_("Risk"));
  for (guint i = 0; i < G_N_ELEMENTS (risk_before); i++)
    HEADER (_(risk_kind->fields[risk_before[i]].label));
  HEADER (_("Inherent score"));
  HEADER (_("Inherent band"));
  for (guint i = 0; i < G_N_ELEMENTS (risk_plan); i++)
    HEADER (_(risk_kind->fields[risk_plan[i]].label));
  HEADER (_("Action ID"));
  HEADER (_(action_kind->fields[CUSTOS_ACTION_FIELD_TITLE].label));
  for (guint i = 0; i < G_N_ELEMENTS (action_fields); i++)
    HEADER (_(action_kind->fields[action_fields[i]].label));
  for (guint i = 0; i < G_N_ELEMENTS (risk_after); i++)
    HEADER (_(risk_kind->fields[risk_after[i]].label));
  HEADER (_("Residual score"));
  HEADER (_("Residual band"));
  for (guint i = 0; i < G_N_ELEMENTS (risk_acceptance); i++)
    HEADER (_(risk_kind->fields[risk_acceptance[i]].label));
#undef HEADER
  end_record (out);

  for (guint r = 0, n = g_list_model_get_n_items (risks); r < n; r++)
    {
      g_autoptr(CustosRecord) risk = g_list_model_get_item (risks, r);
      g_autoptr(GPtrArray) mine = g_ptr_array_new_with_free_func (g_object_unref);
      g_autofree char *inherent = score_text (document, risk, FALSE);
      g_autofree char *residual = score_text (document, risk, TRUE);

      for (guint a = 0, m = g_list_model_get_n_items (actions); a < m; a++)
        {
          CustosRecord *action = g_list_model_get_item (actions, a);

          if (g_strcmp0 (custos_action_get_risk (CUSTOS_ACTION (action)), custos_record_get_id (risk)) == 0)
            g_ptr_array_add (mine, action);
          else
            g_object_unref (action);
        }
      /* A risk without actions is in the plan all the same: one row. */
      for (guint a = 0; a < MAX (mine->len, 1); a++)
        {
          CustosRecord *action = a < mine->len ? mine->pdata[a] : NULL;

          first = TRUE;
          separator (out, &first);
          custos_csv_append_field (out, custos_record_get_id (risk));
          field (out, &first, document, risk, CUSTOS_RISK_FIELD_TITLE, flags);
          for (guint i = 0; i < G_N_ELEMENTS (risk_before); i++)
            field (out, &first, document, risk, risk_before[i], flags);
          separator (out, &first);
          custos_csv_append_field (out, inherent);
          separator (out, &first);
          custos_csv_append_field (out, band_name (document, risk, FALSE));
          for (guint i = 0; i < G_N_ELEMENTS (risk_plan); i++)
            field (out, &first, document, risk, risk_plan[i], flags);
          separator (out, &first);
          custos_csv_append_field (out, action ? custos_record_get_id (action) : NULL);
          field (out, &first, document, action, CUSTOS_ACTION_FIELD_TITLE, flags);
          for (guint i = 0; i < G_N_ELEMENTS (action_fields); i++)
            field (out, &first, document, action, action_fields[i], flags);
          for (guint i = 0; i < G_N_ELEMENTS (risk_after); i++)
            field (out, &first, document, risk, risk_after[i], flags);
          separator (out, &first);
          custos_csv_append_field (out, residual);
          separator (out, &first);
          custos_csv_append_field (out, band_name (document, risk, TRUE));
          for (guint i = 0; i < G_N_ELEMENTS (risk_acceptance); i++)
            field (out, &first, document, risk, risk_acceptance[i], flags);
          end_record (out);
        }
    }
  return g_string_free (out, FALSE);
}

static void
append_row (GString            *out,
            const char * const *cells,
            guint               n)
{
  for (guint i = 0; i < n; i++)
    {
      if (i > 0)
        g_string_append_c (out, ',');
      custos_csv_append_field (out, cells[i] != NULL ? cells[i] : "");
    }
  g_string_append (out, "\r\n");
}

char *
custos_csv_write_diff (CustosDiff *diff)
{
  const char *header[] = { "register", "id", "title", "change", "field", "old", "new" };
  GString *out = g_string_new (NULL);

  append_row (out, header, G_N_ELEMENTS (header));
  for (guint i = 0, n = custos_diff_get_n_changes (diff); i < n; i++)
    {
      const CustosChange *change = custos_diff_get_change (diff, i);
      const char *where = change->kind == NULL ? "" : change->reg >= 0 ? change->kind->register_name
                                                                       : change->kind->name;
      const char *title = change->kind != NULL && change->reg < 0 ? NULL : change->title;

      if (change->type != CUSTOS_CHANGE_CHANGED)
        {
          const char *row[] = { where, change->id, title,
                                change->type == CUSTOS_CHANGE_ADDED ? "added" : "removed", NULL, NULL, NULL };
          append_row (out, row, G_N_ELEMENTS (row));
          continue;
        }
      for (guint f = 0; f < change->fields->len; f++)
        {
          const CustosFieldChange *field = g_ptr_array_index (change->fields, f);
          const char *row[] = { where, change->id, title, "changed",
                                field->field != NULL ? field->field->name : NULL,
                                field->old_text, field->new_text };
          append_row (out, row, G_N_ELEMENTS (row));
        }
    }
  return g_string_free (out, FALSE);
}

char *
custos_csv_write (CustosDocument *document,
                  const char     *name,
                  CustosCsvFlags  flags)
{
  CustosRegister reg;

  if (g_strcmp0 (name, "rtp") == 0)
    return custos_csv_write_rtp (document, flags);
  if (name == NULL || !custos_csv_lookup (name, &reg))
    return NULL;
  return custos_csv_write_register (document, reg, flags);
}
