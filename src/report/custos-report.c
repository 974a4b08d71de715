/* SPDX-License-Identifier: GPL-3.0-or-later */
/* custos-report.c — the SoA, the RTP, the risk assessment report and the pack
 *
 * Each report is a sequence of parts; the certification pack reuses the
 * parts of the other three in clause order. Registers without a part of their
 * own are shown by one generic table driven by the field descriptors: the
 * summary fields as columns, the remaining fields as a details row beneath
 * each record.
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <pango/pangocairo.h>

#include "custos-clock.h"
#include "custos-csv.h"
#include "custos-diff.h"
#include "custos-enums.h"
#include "custos-labels.h"
#include "custos-readiness.h"
#include "custos-report-text.h"
#include "custos-report.h"
#include "custos-trend.h"

G_DEFINE_QUARK (custos-report-error-quark, custos_report_error)

typedef struct
{
  CustosDocument      *doc;
  CustosReportBook    *book;
  CustosCriteria      *criteria;
  CustosCatalogue     *catalogue;
  CustosReportOptions  options;
  CustosReportKind     kind;
  char                 today[CUSTOS_DATE_ISO_SIZE];
  guint                chapter;   /* numbering of standalone reports */
  guint                figure;
} Ctx;

static const struct
{
  const char *name;
  const char *title;
} report_kinds[CUSTOS_N_REPORTS] = {
  [CUSTOS_REPORT_SOA] = { "soa", N_("Statement of Applicability") },
  [CUSTOS_REPORT_RTP] = { "rtp", N_("Risk Treatment Plan") },
  [CUSTOS_REPORT_RISKS] = { "risks", N_("Risk Assessment Report") },
  [CUSTOS_REPORT_PACK] = { "pack", N_("ISMS Certification Pack") },
};

void
custos_report_options_init (CustosReportOptions *options)
{
  g_return_if_fail (options != NULL);

  memset (options, 0, sizeof *options);
  options->paper = CUSTOS_PAPER_AUTO;
  options->palette = CUSTOS_HEATMAP_PALETTE_BANDS;
}

const char *
custos_report_kind_to_string (CustosReportKind kind)
{
  g_return_val_if_fail (kind < CUSTOS_N_REPORTS, NULL);
  return report_kinds[kind].name;
}

gboolean
custos_report_kind_parse (const char       *text,
                          CustosReportKind *kind)
{
  for (guint i = 0; i < CUSTOS_N_REPORTS; i++)
    if (g_strcmp0 (text, report_kinds[i].name) == 0)
      {
        *kind = (CustosReportKind) i;
        return TRUE;
      }
  return FALSE;
}

const char *
custos_report_kind_get_title (CustosReportKind kind)
{
  g_return_val_if_fail (kind < CUSTOS_N_REPORTS, NULL);
  return _(report_kinds[kind].title);
}

/* Helpers ---------------------------------------------------------------- */

static CustosOrganisation *
organisation (Ctx *ctx)
{
  return custos_document_get_organisation (ctx->doc);
}

static char *
next_number (Ctx *ctx)
{
  return g_strdup_printf ("%u", ++ctx->chapter);
}

static char *
field_text (Ctx          *ctx,
            CustosRecord *record,
            guint         field)
{
  if (record == NULL)
    return g_strdup ("");
  return custos_report_field_text (ctx->doc, record, field, ", ");
}

static void
muted_note (Ctx        *ctx,
            const char *text)
{
  custos_report_book_add_paragraph (ctx->book, text, CUSTOS_CELL_MUTED);
}

static gboolean
is_overdue (Ctx        *ctx,
            const char *due,
            int         status)
{
  return due != NULL && *due != '\0' && strcmp (due, ctx->today) < 0 &&
         status != CUSTOS_ACTION_STATUS_DONE && status != CUSTOS_ACTION_STATUS_CANCELLED;
}

/* The key/value list of a section, every field of its descriptor. */
static void
section_key_values (Ctx           *ctx,
                    CustosSection  section)
{
  CustosRecord *record = custos_document_get_section (ctx->doc, section);
  const CustosKind *kind = custos_kinds_section (section);
  g_autoptr(GPtrArray) labels = g_ptr_array_new ();
  g_autoptr(GPtrArray) values = g_ptr_array_new_with_free_func (g_free);

  for (guint f = 0; f < kind->n_fields; f++)
    {
      g_ptr_array_add (labels, (gpointer) _(kind->fields[f].label));
      g_ptr_array_add (values, custos_report_field_text (ctx->doc, record, f, ", "));
    }
  custos_report_book_add_key_values (ctx->book, (const char * const *) labels->pdata,
                                     (const char * const *) values->pdata, labels->len);
}

/* A section under a heading of its clause and name ("5.1 Leadership and commitment"). */
static void
section_heading_key_values (Ctx           *ctx,
                            guint          level,
                            CustosSection  section)
{
  const CustosKind *kind = custos_kinds_section (section);

  custos_report_book_add_heading (ctx->book, level, kind->clause, _(kind->label), TRUE);
  section_key_values (ctx, section);
}

static double
field_weight (const CustosField *field)
{
  switch (field->type)
    {
    case CUSTOS_FIELD_TEXT:
      return (field->flags & CUSTOS_FIELD_FLAG_TITLE) ? 2.4 : 2.2;
    case CUSTOS_FIELD_STRINGS:
      return 2.0;
    case CUSTOS_FIELD_STRING:
      return (field->flags & CUSTOS_FIELD_FLAG_TITLE) ? 2.0 : 1.25;
    case CUSTOS_FIELD_INT:
    case CUSTOS_FIELD_BOOL:
    case CUSTOS_FIELD_NUMBER:
    case CUSTOS_FIELD_DATE:
    case CUSTOS_FIELD_ENUM:
      return 0;   /* as wide as the widest value */
    case CUSTOS_FIELD_FLAGS:
      return 1.2;
    case CUSTOS_FIELD_REF:
    case CUSTOS_FIELD_REFS:
    case CUSTOS_FIELD_CONTROLS:
    default:
      return 1.0;
    }
}

/* A register as a table: every field as a column when there are few, else
 * the summary fields as columns and the others in a details row. */
static void
register_table (Ctx            *ctx,
                CustosRegister  reg)
{
  const CustosKind *kind = custos_kinds_register (reg);
  GListModel *model = custos_document_get_register (ctx->doc, reg);
  guint n = g_list_model_get_n_items (model);
  g_autoptr(GArray) cols = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autoptr(GArray) details = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autoptr(GArray) weights = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GPtrArray) headers = g_ptr_array_new ();
  g_autofree CustosReportCell *cells = NULL;
  gboolean all = kind->n_fields <= 6;
  CustosReportTable *table;
  double id_weight = 0;

  if (n == 0)
    {
      muted_note (ctx, _("No records yet."));
      return;
    }

  for (guint f = 0; f < kind->n_fields; f++)
    {
      if (all || (kind->fields[f].flags & (CUSTOS_FIELD_FLAG_SUMMARY | CUSTOS_FIELD_FLAG_TITLE)))
        g_array_append_val (cols, f);
      else
        g_array_append_val (details, f);
    }

  g_array_append_val (weights, id_weight);
  g_ptr_array_add (headers, (gpointer) _("ID"));
  for (guint i = 0; i < cols->len; i++)
    {
      const CustosField *field = &kind->fields[g_array_index (cols, guint, i)];
      double w = field_weight (field);

      g_array_append_val (weights, w);
      g_ptr_array_add (headers, (gpointer) _(field->label));
    }

  table = custos_report_book_add_table (ctx->book, cols->len + 1, (const double *) weights->data,
                                        (const char * const *) headers->pdata,
                                        CUSTOS_TABLE_ZEBRA | CUSTOS_TABLE_RULES);
  cells = g_new0 (CustosReportCell, cols->len + 1);
  for (guint r = 0; r < n; r++)
    {
      g_autoptr(CustosRecord) record = g_list_model_get_item (model, r);
      g_autoptr(GPtrArray) texts = g_ptr_array_new_with_free_func (g_free);

      cells[0].text = custos_record_get_id (record);
      cells[0].flags = CUSTOS_CELL_BOLD | CUSTOS_CELL_SMALL | CUSTOS_CELL_ANCHOR;
      for (guint i = 0; i < cols->len; i++)
        {
          char *text = custos_report_field_text (ctx->doc, record, g_array_index (cols, guint, i), ", ");

          g_ptr_array_add (texts, text);
          cells[i + 1].text = text;
          cells[i + 1].flags = CUSTOS_CELL_LINKS;
        }
      custos_report_table_add_row (table, cells);

      for (guint i = 0; i < details->len; i++)
        {
          guint f = g_array_index (details, guint, i);
          g_autofree char *text = NULL;

          if (custos_record_field_is_empty (record, f) && kind->fields[f].type != CUSTOS_FIELD_BOOL)
            continue;
          text = custos_report_field_text (ctx->doc, record, f, ", ");
          if (*text != '\0')
            custos_report_table_add_pair (table, _(kind->fields[f].label), text);
        }
    }
}

static void
register_section (Ctx            *ctx,
                  guint           level,
                  const char     *number,
                  CustosRegister  reg)
{
  const CustosKind *kind = custos_kinds_register (reg);

  custos_report_book_add_heading (ctx->book, level, number, _(kind->plural), level <= 2);
  register_table (ctx, reg);
}

/* Front matter ------------------------------------------------------------ */

static void
revision_table (Ctx *ctx)
{
  static const double weights[] = { 0, 0, 1.3, 4.0, 1.3 };
  const char *headers[] = { _("Version"), _("Date"), _("Author"), _("Summary of change"), _("Approved by") };
  GListModel *revisions = custos_document_get_register (ctx->doc, CUSTOS_REGISTER_REVISIONS);
  CustosReportTable *table;
  guint n = g_list_model_get_n_items (revisions);

  if (n == 0)
    {
      muted_note (ctx, _("No revisions recorded yet."));
      return;
    }
  table = custos_report_book_add_table (ctx->book, 5, weights, headers, CUSTOS_TABLE_ZEBRA | CUSTOS_TABLE_RULES);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(CustosRecord) rev = g_list_model_get_item (revisions, i);
      CustosReportCell cells[5] = {
        { custos_revision_get_version (CUSTOS_REVISION (rev)), CUSTOS_CELL_BOLD, 0 },
        { custos_revision_get_date (CUSTOS_REVISION (rev)), 0, 0 },
        { custos_revision_get_author (CUSTOS_REVISION (rev)), 0, 0 },
        { custos_revision_get_summary (CUSTOS_REVISION (rev)), 0, 0 },
        { custos_revision_get_approved_by (CUSTOS_REVISION (rev)), 0, 0 },
      };
      custos_report_table_add_row (table, cells);
    }
}

/* What an auditor asks at every surveillance visit, from the same diff as
 * custos --diff: one row per record, grouped by register. */
static void
changes_since_last_issue (Ctx *ctx)
{
  static const double weights[] = { 2.0, 4.0 };
  const char *headers[] = { _("Record"), _("Change") };
  g_autoptr(CustosDiff) diff = NULL;
  g_autofree char *intro = NULL;
  CustosReportTable *table;
  int group = -2;

  custos_report_book_add_heading (ctx->book, 2, NULL, _("Changes since the last issue"), TRUE);
  if (ctx->options.previous == NULL)
    {
      muted_note (ctx, _("No previous issue is known: there is no earlier version to compare this issue with."));
      return;
    }
  diff = custos_diff_new (ctx->options.previous, ctx->doc);
  intro = g_strdup_printf (_("Compared with the previous issue, %s."),
                           ctx->options.previous_name ? ctx->options.previous_name : _("as supplied"));
  custos_report_book_add_paragraph (ctx->book, intro, CUSTOS_CELL_NONE);
  if (custos_diff_get_n_changes (diff) == 0)
    {
      muted_note (ctx, _("Nothing has changed since the previous issue."));
      return;
    }
  table = custos_report_book_add_table (ctx->book, 2, weights, headers, CUSTOS_TABLE_ZEBRA | CUSTOS_TABLE_RULES);
  for (guint i = 0, n = custos_diff_get_n_changes (diff); i < n; i++)
    {
      const CustosChange *change = custos_diff_get_change (diff, i);
      g_autofree char *record = custos_change_get_record (change);
      g_autofree char *details = custos_change_get_details (change);
      const char *texts[2];

      if (change->reg != group)
        custos_report_table_add_group (table, change->reg >= 0 ? _(change->kind->plural) : _("Document"));
      group = change->reg;
      texts[0] = record;
      texts[1] = details;
      custos_report_table_add_texts (table, texts);
    }
}

static void
front_matter (Ctx *ctx)
{
  CustosRecord *latest = custos_document_get_latest_revision (ctx->doc);
  CustosEdition edition = custos_document_get_edition (ctx->doc);
  gboolean draft = !ctx->options.issued || latest == NULL;
  const char *version = latest ? custos_revision_get_version (CUSTOS_REVISION (latest)) : NULL;
  const char *date = latest ? custos_revision_get_date (CUSTOS_REVISION (latest)) : NULL;
  const char *approved = latest ? custos_revision_get_approved_by (CUSTOS_REVISION (latest)) : NULL;
  g_autofree char *cover_version = NULL;
  const char *author = latest ? custos_revision_get_author (CUSTOS_REVISION (latest)) : NULL;
  const char *org = custos_organisation_get_name (organisation (ctx));
  g_autofree char *subtitle = NULL;
  g_autofree char *clause = NULL;
  g_autofree char *subject = NULL;
  g_autofree char *creator = g_strdup_printf ("Custos %s", PACKAGE_VERSION);
  g_autofree char *edition_text = g_strdup_printf (_("ISO/IEC 27001:%d Annex A"), edition);
  g_autofree char *create_date = NULL;
  CustosReportInfo info = { 0 };
  const char *labels[10], *values[10];
  guint n = 0;

  switch (ctx->kind)
    {
    case CUSTOS_REPORT_SOA:
      subtitle = g_strdup (_("The controls of Annex A: whether each applies, why, how far it is implemented and how it is applied"));
      clause = g_strdup_printf (_("ISO/IEC 27001:%d, clause 6.1.3 d)"), edition);
      break;
    case CUSTOS_REPORT_RTP:
      subtitle = g_strdup (_("How the information security risks are treated, by whom and by when, and the risk that remains"));
      clause = g_strdup_printf (_("ISO/IEC 27001:%d, clauses 6.1.3 e) and f), 8.3"), edition);
      break;
    case CUSTOS_REPORT_RISKS:
      subtitle = g_strdup (_("Method, criteria and results of the information security risk assessment"));
      clause = g_strdup_printf (_("ISO/IEC 27001:%d, clauses 6.1.2 and 8.2"), edition);
      break;
    case CUSTOS_REPORT_PACK:
    case CUSTOS_N_REPORTS:
    default:
      subtitle = g_strdup (_("The documented information of the information security management system, clause by clause"));
      clause = g_strdup_printf (_("ISO/IEC 27001:%d, clauses 4 to 10 and Annex A"), edition);
      break;
    }
  subject = org ? g_strdup_printf ("%s — %s", custos_report_kind_get_title (ctx->kind), org)
                : g_strdup (custos_report_kind_get_title (ctx->kind));

  if (ctx->options.date != NULL)
    create_date = g_strdup (ctx->options.date);

  info.title = custos_report_kind_get_title (ctx->kind);
  info.subtitle = subtitle;
  info.organisation = org;
  info.classification = custos_organisation_get_classification (organisation (ctx));
  info.version = version;
  info.date = draft ? ctx->today : date;
  info.draft = draft;
  info.author = author ? author
                : custos_organisation_get_isms_owner (organisation (ctx))
                  ? custos_organisation_get_isms_owner (organisation (ctx))
                  : org;
  info.subject = subject;
  info.keywords = "ISO/IEC 27001, ISMS";
  info.creator = creator;
  info.create_date = create_date;
  custos_report_book_set_info (ctx->book, &info);

  labels[n] = _("Document"), values[n++] = custos_report_kind_get_title (ctx->kind);
  /* A draft is no version yet and nobody has approved it. */
  if (draft)
    {
      cover_version = version ? g_strdup_printf (_("Draft after version %s, as of %s"), version, ctx->today)
                              : g_strdup_printf (_("Draft as of %s"), ctx->today);
      date = _("Not issued");
      approved = _("Not approved: draft");
    }
  labels[n] = _("Version"), values[n++] = cover_version ? cover_version : version;
  labels[n] = _("Issue date"), values[n++] = date;
  labels[n] = _("Classification"), values[n++] = custos_organisation_get_classification (organisation (ctx));
  labels[n] = _("Document owner"), values[n++] = custos_organisation_get_isms_owner (organisation (ctx));
  labels[n] = _("Approved by"), values[n++] = approved;
  labels[n] = _("Standard"), values[n++] = clause;
  labels[n] = _("Annex A edition"), values[n++] = edition_text;
  labels[n] = _("Prepared with"), values[n++] = creator;
  labels[n] = NULL, values[n] = NULL;
  for (guint i = 0; i < n; i++)
    if (values[i] == NULL)
      values[i] = "";
  custos_report_book_add_cover (ctx->book, labels, values);

  custos_report_book_new_page (ctx->book, CUSTOS_ORIENTATION_PORTRAIT);
  custos_report_book_add_heading (ctx->book, 1, NULL, _("Document control"), TRUE);
  custos_report_book_add_paragraph (ctx->book,
                                    _("This document is controlled. Changes are recorded below and approved before issue; "
                                      "printed copies are uncontrolled and the current version is held by the document owner."),
                                    CUSTOS_CELL_NONE);
  revision_table (ctx);
  if (ctx->kind == CUSTOS_REPORT_PACK)
    changes_since_last_issue (ctx);
  custos_report_book_new_page (ctx->book, CUSTOS_ORIENTATION_PORTRAIT);
  custos_report_book_add_heading (ctx->book, 1, NULL, _("Contents"), FALSE);
  custos_report_book_add_contents (ctx->book);
}

/* Heatmaps ----------------------------------------------------------------- */

typedef struct
{
  CustosHeatmapData    *inherent;
  CustosHeatmapData    *residual;
  CustosHeatmapPalette  palette;
  guint                 n_bands;
  char                **names;
  char                **colours;
  int                  *min;
  int                  *max;
} HeatmapFigure;

static void
heatmap_figure_free (gpointer data)
{
  HeatmapFigure *fig = data;

  custos_heatmap_data_unref (fig->inherent);
  custos_heatmap_data_unref (fig->residual);
  g_strfreev (fig->names);
  g_strfreev (fig->colours);
  g_free (fig->min);
  g_free (fig->max);
  g_free (fig);
}

static PangoLayout *
figure_layout (cairo_t    *cr,
               double      size,
               PangoWeight weight,
               const char *text)
{
  PangoLayout *layout = pango_cairo_create_layout (cr);
  PangoFontDescription *desc = pango_font_description_from_string ("Cantarell, DejaVu Sans, Noto Sans, sans-serif");

  pango_font_description_set_absolute_size (desc, size * PANGO_SCALE);
  pango_font_description_set_weight (desc, weight);
  pango_layout_set_font_description (layout, desc);
  pango_font_description_free (desc);
  pango_layout_set_text (layout, text, -1);
  return layout;
}

static void
draw_heatmaps (cairo_t  *cr,
               double    width,
               double    height,
               gpointer  user_data)
{
  HeatmapFigure *fig = user_data;
  CustosHeatmapStyle style;
  double gap = 26, title_h = 20, legend_h = 24;
  double panel_w = (width - gap) / 2, panel_h = height - title_h - legend_h;

  custos_heatmap_style_init (&style);
  style.palette = fig->palette;

  for (guint k = 0; k < 2; k++)
    {
      CustosHeatmapData *data = k == 0 ? fig->inherent : fig->residual;
      guint total = custos_heatmap_data_get_total (data);
      g_autofree char *count = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u risk", "%u risks", total), total);
      g_autoptr(PangoLayout) title = figure_layout (cr, 9.0, PANGO_WEIGHT_BOLD,
                                                    k == 0 ? _("Inherent risk") : _("Residual risk"));
      g_autoptr(PangoLayout) sub = figure_layout (cr, 8.0, PANGO_WEIGHT_NORMAL, count);
      PangoRectangle logical;
      double x = k * (panel_w + gap);

      cairo_set_source_rgb (cr, 0.12, 0.14, 0.16);
      cairo_move_to (cr, x, 0);
      pango_cairo_show_layout (cr, title);
      pango_layout_get_extents (title, NULL, &logical);
      cairo_set_source_rgb (cr, 0.37, 0.4, 0.44);
      cairo_move_to (cr, x + logical.width / (double) PANGO_SCALE + 6, 1);
      pango_cairo_show_layout (cr, sub);

      cairo_save (cr);
      cairo_translate (cr, x, title_h);
      style.show_movement = k == 1;
      custos_heatmap_draw_data (cr, panel_w, panel_h, data, &style);
      cairo_restore (cr);
    }

  /* Legend: a swatch and the band's name and scores, centred; the highest
   * band first, as in every table of bands. */
  {
    double total_w = 0, x, y = height - legend_h + 8;
    g_autoptr(GPtrArray) layouts = g_ptr_array_new_with_free_func (g_object_unref);

    for (guint i = 0; i < fig->n_bands; i++)
      {
        guint b = fig->n_bands - 1 - i;
        g_autofree char *text = g_strdup_printf ("%s %d–%d", fig->names[b], fig->min[b], fig->max[b]);
        PangoLayout *layout = figure_layout (cr, 7.8, PANGO_WEIGHT_NORMAL, text);
        PangoRectangle logical;

        pango_layout_get_extents (layout, NULL, &logical);
        total_w += 14 + logical.width / (double) PANGO_SCALE + 16;
        g_ptr_array_add (layouts, layout);
      }
    x = MAX ((width - total_w) / 2, 0);
    for (guint i = 0; i < fig->n_bands; i++)
      {
        guint b = fig->n_bands - 1 - i;
        guint32 rgb = custos_heatmap_band_colour (fig->palette, b, fig->n_bands, fig->colours[b]);
        PangoRectangle logical;

        cairo_set_source_rgb (cr, ((rgb >> 16) & 0xff) / 255.0, ((rgb >> 8) & 0xff) / 255.0, (rgb & 0xff) / 255.0);
        cairo_rectangle (cr, x, y + 1.5, 10, 10);
        cairo_fill (cr);
        cairo_set_source_rgb (cr, 0.23, 0.26, 0.3);
        cairo_move_to (cr, x + 14, y + 0.5);
        pango_cairo_show_layout (cr, layouts->pdata[i]);
        pango_layout_get_extents (layouts->pdata[i], NULL, &logical);
        x += 14 + logical.width / (double) PANGO_SCALE + 16;
      }
  }
}

static void
heatmap_figure (Ctx *ctx)
{
  HeatmapFigure *fig = g_new0 (HeatmapFigure, 1);
  g_autofree char *caption = NULL;

  fig->inherent = custos_heatmap_data_new (ctx->doc, FALSE);
  fig->residual = custos_heatmap_data_new (ctx->doc, TRUE);
  fig->palette = ctx->options.palette;
  fig->n_bands = custos_criteria_get_n_bands (ctx->criteria);
  fig->names = g_new0 (char *, fig->n_bands + 1);
  fig->colours = g_new0 (char *, fig->n_bands + 1);
  fig->min = g_new0 (int, fig->n_bands + 1);
  fig->max = g_new0 (int, fig->n_bands + 1);
  for (guint b = 0; b < fig->n_bands; b++)
    {
      const CustosBand *band = custos_criteria_get_band (ctx->criteria, b);
      fig->names[b] = g_strdup (band->name ? band->name : "");
      fig->colours[b] = g_strdup (band->colour);
      fig->min[b] = band->min;
      fig->max[b] = band->max;
    }
  caption = g_strdup_printf (_("Figure %u — Risks by likelihood and consequence before treatment (inherent) and "
                               "after it (residual). Numbers count the risks in each cell; arrows show how "
                               "treatment moves them."), ++ctx->figure);
  custos_report_book_add_figure (ctx->book, 262, draw_heatmaps, fig, heatmap_figure_free, caption);
}

/* Score bands and counts ---------------------------------------------------- */

static void
band_counts_table (Ctx *ctx)
{
  static const double weights[] = { -130, -80, -80, -80 };
  const char *headers[] = { _("Band"), _("Scores"), _("Inherent"), _("Residual") };
  GListModel *risks = custos_document_get_register (ctx->doc, CUSTOS_REGISTER_RISKS);
  guint n_bands = custos_criteria_get_n_bands (ctx->criteria);
  g_autofree guint *inherent = g_new0 (guint, n_bands + 1);
  g_autofree guint *residual = g_new0 (guint, n_bands + 1);
  CustosReportTable *table;

  for (guint i = 0, n = g_list_model_get_n_items (risks); i < n; i++)
    {
      g_autoptr(CustosRecord) risk = g_list_model_get_item (risks, i);
      int a = custos_document_risk_band (ctx->doc, risk, FALSE);
      int b = custos_document_risk_band (ctx->doc, risk, TRUE);

      inherent[a >= 0 ? (guint) a : n_bands]++;
      residual[b >= 0 ? (guint) b : n_bands]++;
    }

  /* The highest band first, as in every table of bands; unscored last. */
  table = custos_report_book_add_table (ctx->book, 4, weights, headers, CUSTOS_TABLE_RULES);
  for (guint i = 0; i <= n_bands; i++)
    {
      guint b = i < n_bands ? n_bands - 1 - i : n_bands;
      const CustosBand *band = b < n_bands ? custos_criteria_get_band (ctx->criteria, b) : NULL;
      g_autofree char *range = band ? g_strdup_printf ("%d–%d", band->min, band->max) : g_strdup ("");
      g_autofree char *a = g_strdup_printf ("%u", inherent[b]);
      g_autofree char *r = g_strdup_printf ("%u", residual[b]);
      CustosReportCell cells[4] = {
        { band ? band->name : _("Not scored"), band ? CUSTOS_CELL_CHIP : CUSTOS_CELL_MUTED,
          band ? custos_heatmap_band_colour (ctx->options.palette, b, n_bands, band->colour) : 0 },
        { range, CUSTOS_CELL_MUTED, 0 },
        { a, CUSTOS_CELL_RIGHT, 0 },
        { r, CUSTOS_CELL_RIGHT, 0 },
      };

      if (band == NULL && inherent[b] == 0 && residual[b] == 0)
        continue;
      custos_report_table_add_row (table, cells);
    }
}

static void
criteria_tables (Ctx   *ctx,
                 guint  level)
{
  static const double level_weights[] = { 0, 1.4, 4.0 };
  static const double band_weights[] = { 0, 0, 3.0, 1.3, 0, 1.2 };
  const char *level_headers[] = { _("Level"), _("Label"), _("Meaning") };
  const char *band_headers[] = { _("Band"), _("Scores"), _("Required action"), _("Timescale"), _("May be accepted"),
                                 _("Accepted by") };
  CustosReportTable *table;
  guint n_bands = custos_criteria_get_n_bands (ctx->criteria);

  for (guint s = 0; s < 2; s++)
    {
      CustosScale scale = s == 0 ? CUSTOS_SCALE_LIKELIHOOD : CUSTOS_SCALE_CONSEQUENCE;
      guint n = custos_criteria_get_n_levels (ctx->criteria, scale);

      custos_report_book_add_heading (ctx->book, level, NULL, s == 0 ? _("Likelihood") : _("Consequence"), FALSE);
      table = custos_report_book_add_table (ctx->book, 3, level_weights, level_headers,
                                            CUSTOS_TABLE_RULES | CUSTOS_TABLE_ZEBRA);
      for (guint v = n; v >= 1; v--)
        {
          const CustosLevel *lv = custos_criteria_get_level (ctx->criteria, scale, v);
          g_autofree char *value = g_strdup_printf ("%u", v);
          CustosReportCell cells[3] = {
            { value, CUSTOS_CELL_BOLD, 0 },
            { lv ? lv->label : NULL, 0, 0 },
            { lv ? lv->meaning : NULL, 0, 0 },
          };
          custos_report_table_add_row (table, cells);
        }
    }

  custos_report_book_add_heading (ctx->book, level, NULL, _("Score bands"), FALSE);
  {
    g_autofree char *how = g_strdup_printf (custos_criteria_get_scoring (ctx->criteria) == CUSTOS_SCORING_SUM
                                            ? _("A risk's score is its likelihood plus its consequence (%d to %d). "
                                                "The band of the score sets what must be done and who may accept the risk.")
                                            : _("A risk's score is its likelihood times its consequence (%d to %d). "
                                                "The band of the score sets what must be done and who may accept the risk."),
                                            custos_criteria_min_score (ctx->criteria),
                                            custos_criteria_max_score (ctx->criteria));
    custos_report_book_add_paragraph (ctx->book, how, CUSTOS_CELL_NONE);
  }
  /* The highest band first, as in every table of bands. */
  table = custos_report_book_add_table (ctx->book, 6, band_weights, band_headers, CUSTOS_TABLE_RULES);
  for (guint b = n_bands; b-- > 0;)
    {
      const CustosBand *band = custos_criteria_get_band (ctx->criteria, b);
      g_autofree char *range = g_strdup_printf ("%d–%d", band->min, band->max);
      CustosReportCell cells[6] = {
        { band->name, CUSTOS_CELL_CHIP, custos_heatmap_band_colour (ctx->options.palette, b, n_bands, band->colour) },
        { range, 0, 0 },
        { band->action, 0, 0 },
        { band->timescale, 0, 0 },
        { band->acceptable ? _("Yes") : _("No"), band->acceptable ? 0 : CUSTOS_CELL_BOLD, 0 },
        { band->accepted_by, 0, 0 },
      };
      custos_report_table_add_row (table, cells);
    }
}

/* Statement of Applicability ---------------------------------------------- */

static const char *
applicable_text (int applicable)
{
  switch (applicable)
    {
    case CUSTOS_APPLICABILITY_APPLICABLE:
      return _("Yes");
    case CUSTOS_APPLICABILITY_NOT_APPLICABLE:
      return _("No");
    case CUSTOS_APPLICABILITY_UNDECIDED:
    default:
      return _("Undecided");
    }
}

static char *
group_title (Ctx                      *ctx,
             const CustosControlGroup *group)
{
  if (custos_document_get_edition (ctx->doc) == CUSTOS_EDITION_2022)
    return g_strdup_printf (_("%s controls"), group->title);
  return g_strdup (group->title);
}

static void
soa_summary (Ctx        *ctx,
             guint       level,
             const char *number)
{
  static const double weights[] = { 2.4, 0.9, 0.9, 0.9, 0.9, 0.9, 0.9, 0.9 };
  const char *headers[] = { _("Theme"), _("Controls"), _("Applicable"), _("Not applicable"), _("Undecided"),
                            _("Implemented"), _("Partially"), _("Planned or not yet") };
  guint n_groups = custos_catalogue_get_n_groups (ctx->catalogue);
  guint totals[7] = { 0 };
  guint reasons[4] = { 0 }, selected = 0, review = 0;
  CustosReportTable *table;
  g_autofree char *intro = NULL;
  const char *org = custos_organisation_get_name (organisation (ctx));

  custos_report_book_add_heading (ctx->book, level, number, _("Summary"), TRUE);
  intro = g_strdup_printf (_("This Statement of Applicability records, for each of the %u controls of ISO/IEC 27001:%d "
                             "Annex A, whether it applies to the information security management system of %s, why it "
                             "is included or excluded, how far it is implemented, how it is applied, and which risks "
                             "select it. The risks are derived from the risk treatment plan, never typed twice."),
                           custos_catalogue_get_n_controls (ctx->catalogue), custos_document_get_edition (ctx->doc),
                           org ? org : _("the organisation"));
  custos_report_book_add_paragraph (ctx->book, intro, CUSTOS_CELL_NONE);

  table = custos_report_book_add_table (ctx->book, 8, weights, headers, CUSTOS_TABLE_RULES);
  for (guint g = 0; g < n_groups; g++)
    {
      const CustosControlGroup *group = custos_catalogue_get_group (ctx->catalogue, g);
      guint counts[7] = { 0 };
      char texts[7][16];
      g_autofree char *title = group_title (ctx, group);
      g_autofree char *num = custos_catalogue_group_number (ctx->catalogue, group);
      g_autofree char *label = g_strdup_printf ("%s  %s", num, title);
      CustosReportCell cells[8] = { { label, 0, 0 } };

      for (guint i = 0; i < group->n_controls; i++)
        {
          const CustosControl *control = custos_catalogue_get_control (ctx->catalogue, group->first + i);
          CustosRecord *entry = custos_document_lookup (ctx->doc, CUSTOS_REGISTER_SOA, control->id);
          int applicable = entry ? custos_soa_entry_get_applicable (CUSTOS_SOA_ENTRY (entry))
                                 : CUSTOS_APPLICABILITY_UNDECIDED;
          int implementation = entry ? custos_soa_entry_get_implementation (CUSTOS_SOA_ENTRY (entry)) : 0;
          guint flags = entry ? (guint) custos_soa_entry_get_reasons (CUSTOS_SOA_ENTRY (entry)) : 0;
          g_autoptr(GPtrArray) risks = custos_document_get_selecting_risks (ctx->doc, control->id);

          counts[0]++;
          if (applicable == CUSTOS_APPLICABILITY_APPLICABLE)
            {
              counts[1]++;
              if (implementation == CUSTOS_IMPLEMENTATION_IMPLEMENTED)
                counts[4]++;
              else if (implementation == CUSTOS_IMPLEMENTATION_PARTIAL)
                counts[5]++;
              else
                counts[6]++;
            }
          else if (applicable == CUSTOS_APPLICABILITY_NOT_APPLICABLE)
            counts[2]++;
          else
            counts[3]++;
          for (guint b = 0; b < 4; b++)
            if (flags & (1u << b))
              reasons[b]++;
          if (risks->len > 0)
            selected++;
          if (entry != NULL && custos_soa_entry_get_review (CUSTOS_SOA_ENTRY (entry)))
            review++;
        }
      for (guint k = 0; k < 7; k++)
        {
          totals[k] += counts[k];
          g_snprintf (texts[k], sizeof texts[k], "%u", counts[k]);
          cells[k + 1].text = texts[k];
          cells[k + 1].flags = CUSTOS_CELL_RIGHT | ((k == 3 || k == 6) && counts[k] > 0 ? CUSTOS_CELL_ALERT : 0);
        }
      custos_report_table_add_row (table, cells);
    }
  {
    char texts[7][16];
    CustosReportCell cells[8] = { { _("All controls"), CUSTOS_CELL_BOLD, 0 } };

    for (guint k = 0; k < 7; k++)
      {
        g_snprintf (texts[k], sizeof texts[k], "%u", totals[k]);
        cells[k + 1].text = texts[k];
        cells[k + 1].flags = CUSTOS_CELL_RIGHT | CUSTOS_CELL_BOLD;
      }
    custos_report_table_add_row (table, cells);
  }

  {
    const char *labels[] = { _("Reasons for inclusion"), _("Selected by risk treatment"), _("Flagged for review") };
    g_autofree char *why = g_strdup_printf (_("Risk treatment %u · Legal %u · Contractual %u · Business %u"),
                                            reasons[0], reasons[1], reasons[2], reasons[3]);
    g_autofree char *sel = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                         "%u control is chosen by at least one risk treatment",
                                                         "%u controls are chosen by at least one risk treatment",
                                                         selected), selected);
    g_autofree char *rev = g_strdup_printf ("%u", review);
    const char *values[] = { why, sel, rev };

    custos_report_book_add_key_values (ctx->book, labels, values, 3);
  }
}

static void
soa_controls (Ctx   *ctx,
              guint  level)
{
  static const double weights[] = { 2.5, 0, 1.05, 0, 3.8, 1.2, 1.05 };
  const char *headers[] = { _("Control"), _("Applicable"), _("Reasons"), _("Implementation"),
                            _("Justification and how applied"), _("Owner"), _("Selecting risks") };
  guint n_groups = custos_catalogue_get_n_groups (ctx->catalogue);

  for (guint g = 0; g < n_groups; g++)
    {
      const CustosControlGroup *group = custos_catalogue_get_group (ctx->catalogue, g);
      const char *objective = NULL;
      g_autofree char *title = group_title (ctx, group);
      g_autofree char *num = custos_catalogue_group_number (ctx->catalogue, group);
      CustosReportTable *table;

      custos_report_book_add_heading (ctx->book, level, num, title, TRUE);
      table = custos_report_book_add_table (ctx->book, 7, weights, headers, CUSTOS_TABLE_ZEBRA | CUSTOS_TABLE_RULES);

      for (guint i = 0; i < group->n_controls; i++)
        {
          const CustosControl *control = custos_catalogue_get_control (ctx->catalogue, group->first + i);
          CustosRecord *entry = custos_document_lookup (ctx->doc, CUSTOS_REGISTER_SOA, control->id);
          int applicable = entry ? custos_soa_entry_get_applicable (CUSTOS_SOA_ENTRY (entry))
                                 : CUSTOS_APPLICABILITY_UNDECIDED;
          int implementation = entry ? custos_soa_entry_get_implementation (CUSTOS_SOA_ENTRY (entry)) : 0;
          g_autoptr(GPtrArray) risks = custos_document_get_selecting_risks (ctx->doc, control->id);
          g_autofree char *cited = custos_control_cite (control->id);
          g_autofree char *name = g_markup_printf_escaped ("<b>%s</b>\u2002%s", cited, control->title);
          g_autofree char *reasons =
            entry ? field_text (ctx, entry, CUSTOS_SOA_ENTRY_FIELD_REASONS) : g_strdup ("");
          g_autofree char *impl = g_strdup (applicable == CUSTOS_APPLICABILITY_NOT_APPLICABLE ? "—"
                                            : entry ? custos_report_value_label (CUSTOS_TYPE_IMPLEMENTATION, (guint) implementation) : "");
          g_autofree char *owner =
            entry ? field_text (ctx, entry, CUSTOS_SOA_ENTRY_FIELD_OWNER) : g_strdup ("");
          GString *just = g_string_new (NULL);
          GString *sel = g_string_new (NULL);
          CustosReportCell cells[7];

          if (control->objective_id != NULL && g_strcmp0 (objective, control->objective_id) != 0)
            {
              g_autofree char *text = g_strdup_printf ("%s  %s", control->objective_id, control->objective_title);
              custos_report_table_add_group (table, text);
              objective = control->objective_id;
            }

          if (entry != NULL)
            {
              const char *j = custos_soa_entry_get_justification (CUSTOS_SOA_ENTRY (entry));
              const char *how = custos_soa_entry_get_how_applied (CUSTOS_SOA_ENTRY (entry));
              const char *doc_id = custos_soa_entry_get_document (CUSTOS_SOA_ENTRY (entry));

              if (j != NULL)
                {
                  g_autofree char *e = g_markup_escape_text (j, -1);
                  g_string_append (just, e);
                }
              if (how != NULL)
                {
                  g_autofree char *e = g_markup_printf_escaped ("%s<span foreground=\"#5f6670\">%s</span> %s",
                                                                just->len ? "\n" : "", _("Applied by"), how);
                  g_string_append (just, e);
                }
              /* The document, unless "how applied" already names it. */
              if (doc_id != NULL && (how == NULL || strstr (how, doc_id) == NULL))
                {
                  CustosRecord *d = custos_document_lookup (ctx->doc, CUSTOS_REGISTER_DOCUMENTS, doc_id);
                  g_autofree char *e = g_markup_printf_escaped ("%s<span foreground=\"#5f6670\">%s</span> %s %s",
                                                                just->len ? "\n" : "", _("Document"), doc_id,
                                                                d ? custos_record_get_title (d) : "");
                  g_string_append (just, e);
                }
              if (custos_soa_entry_get_review (CUSTOS_SOA_ENTRY (entry)))
                {
                  g_autofree char *e = g_markup_printf_escaped ("%s<span foreground=\"#b3261e\" weight=\"bold\">%s</span>",
                                                                just->len ? "\n" : "", _("To be reviewed"));
                  g_string_append (just, e);
                }
            }
          for (guint r = 0; r < risks->len; r++)
            {
              if (r > 0)
                g_string_append (sel, ", ");
              g_string_append (sel, custos_record_get_id (risks->pdata[r]));
            }

          cells[0] = (CustosReportCell) { name, CUSTOS_CELL_MARKUP, 0 };
          cells[1] = (CustosReportCell) { applicable_text (applicable),
                                          applicable == CUSTOS_APPLICABILITY_UNDECIDED ? CUSTOS_CELL_ALERT :
                                          applicable == CUSTOS_APPLICABILITY_NOT_APPLICABLE ? CUSTOS_CELL_BOLD : 0, 0 };
          cells[2] = (CustosReportCell) { reasons, 0, 0 };
          cells[3] = (CustosReportCell) { impl,
                                          applicable == CUSTOS_APPLICABILITY_APPLICABLE &&
                                          implementation == CUSTOS_IMPLEMENTATION_NOT_IMPLEMENTED ? CUSTOS_CELL_ALERT : 0, 0 };
          cells[4] = (CustosReportCell) { just->str, CUSTOS_CELL_MARKUP, 0 };
          cells[5] = (CustosReportCell) { owner, 0, 0 };
          cells[6] = (CustosReportCell) { sel->str, CUSTOS_CELL_SMALL | CUSTOS_CELL_LINKS, 0 };
          custos_report_table_add_row (table, cells);
          g_string_free (just, TRUE);
          g_string_free (sel, TRUE);
        }
    }
}

/* What the 2013 → 2022 migration decided for each control, so that whoever
 * approves the migrated SoA sees what to review. Nothing when no control was
 * migrated. */
static void
soa_migration_notes (Ctx   *ctx,
                     guint  level)
{
  static const double weights[] = { 0, 0, 6.0 };
  const char *headers[] = { _("Control"), _("Review"), _("Migration note") };
  GListModel *soa = custos_document_get_register (ctx->doc, CUSTOS_REGISTER_SOA);
  CustosReportTable *table = NULL;

  for (guint i = 0, n = g_list_model_get_n_items (soa); i < n; i++)
    {
      g_autoptr(CustosRecord) entry = g_list_model_get_item (soa, i);
      const char *note = custos_soa_entry_get_migration_note (CUSTOS_SOA_ENTRY (entry));
      gboolean review = custos_soa_entry_get_review (CUSTOS_SOA_ENTRY (entry));
      CustosReportCell cells[3];

      if (note == NULL)
        continue;
      if (table == NULL)
        {
          custos_report_book_add_heading (ctx->book, level, NULL, _("Migration from ISO/IEC 27001:2013"), TRUE);
          table = custos_report_book_add_table (ctx->book, 3, weights, headers,
                                                CUSTOS_TABLE_ZEBRA | CUSTOS_TABLE_RULES);
        }
      cells[0] = (CustosReportCell) { custos_record_get_id (entry), CUSTOS_CELL_BOLD, 0 };
      cells[1] = (CustosReportCell) { review ? _("To be reviewed") : _("Reviewed"), review ? CUSTOS_CELL_ALERT : 0, 0 };
      cells[2] = (CustosReportCell) { note, CUSTOS_CELL_SMALL, 0 };
      custos_report_table_add_row (table, cells);
    }
}

/* Risk treatment plan ------------------------------------------------------ */

static GHashTable *
actions_by_risk (Ctx *ctx)
{
  GHashTable *map = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, (GDestroyNotify) g_ptr_array_unref);
  GListModel *actions = custos_document_get_register (ctx->doc, CUSTOS_REGISTER_ACTIONS);

  for (guint i = 0, n = g_list_model_get_n_items (actions); i < n; i++)
    {
      g_autoptr(CustosRecord) action = g_list_model_get_item (actions, i);
      const char *risk = custos_action_get_risk (CUSTOS_ACTION (action));
      GPtrArray *list;

      if (risk == NULL)
        continue;
      list = g_hash_table_lookup (map, risk);
      if (list == NULL)
        {
          list = g_ptr_array_new ();
          g_hash_table_insert (map, (gpointer) risk, list);
        }
      g_ptr_array_add (list, action);   /* the register keeps it alive */
    }
  return map;
}

static void
rtp_summary (Ctx        *ctx,
             guint       level,
             const char *number)
{
  GListModel *actions = custos_document_get_register (ctx->doc, CUSTOS_REGISTER_ACTIONS);
  guint counts[4] = { 0 }, overdue = 0, n = g_list_model_get_n_items (actions);

  custos_report_book_add_heading (ctx->book, level, number, _("Plan summary"), TRUE);
  custos_report_book_add_paragraph (ctx->book,
                                    _("For each assessed risk this plan gives the treatment option chosen, the actions that "
                                      "carry it out with their owners, dates and status, and the risk expected to remain "
                                      "after treatment. The risk owners approve the plan and accept the residual risks; "
                                      "residual risks above the acceptance threshold need the approval of top management."),
                                    CUSTOS_CELL_NONE);
  band_counts_table (ctx);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(CustosRecord) action = g_list_model_get_item (actions, i);
      int status = custos_action_get_status (CUSTOS_ACTION (action));

      counts[CLAMP (status, 0, 3)]++;
      if (is_overdue (ctx, custos_action_get_due (CUSTOS_ACTION (action)), status))
        overdue++;
    }
  {
    const char *labels[] = { _("Treatment actions"), _("Overdue"), _("Plan approved by the risk owners"),
                             _("Plan approved by top management"), _("Notes") };
    CustosRecord *approval = custos_document_get_section (ctx->doc, CUSTOS_SECTION_PLAN_APPROVAL);
    g_autofree char *totals = g_strdup_printf (_("%u in all: %u done, %u in progress, %u planned, %u cancelled"),
                                               n, counts[CUSTOS_ACTION_STATUS_DONE],
                                               counts[CUSTOS_ACTION_STATUS_IN_PROGRESS],
                                               counts[CUSTOS_ACTION_STATUS_PLANNED],
                                               counts[CUSTOS_ACTION_STATUS_CANCELLED]);
    g_autofree char *late = g_strdup_printf (_("%u (as of %s)"), overdue, ctx->today);
    g_autofree char *owners = NULL, *management = NULL;
    const char *ob = custos_plan_approval_get_owners_approved_by (CUSTOS_PLAN_APPROVAL (approval));
    const char *od = custos_plan_approval_get_owners_approved (CUSTOS_PLAN_APPROVAL (approval));
    const char *mb = custos_plan_approval_get_management_approved_by (CUSTOS_PLAN_APPROVAL (approval));
    const char *md = custos_plan_approval_get_management_approved (CUSTOS_PLAN_APPROVAL (approval));
    const char *values[5];

    owners = ob ? (od ? g_strdup_printf (_("%s on %s"), ob, od) : g_strdup (ob)) : g_strdup (_("Not yet approved"));
    management = mb ? (md ? g_strdup_printf (_("%s on %s"), mb, md) : g_strdup (mb)) : g_strdup (_("Not yet approved"));
    values[0] = totals;
    values[1] = late;
    values[2] = owners;
    values[3] = management;
    values[4] = custos_plan_approval_get_notes (CUSTOS_PLAN_APPROVAL (approval));
    custos_report_book_add_key_values (ctx->book, labels, values, 5);
  }
}

/* An action's title, then its controls, resources and evidence, labelled. */
static char *
action_markup (CustosRecord *action,
               const char   *controls)
{
  const char *resources = custos_action_get_resources (CUSTOS_ACTION (action));
  const char *evidence = custos_action_get_evidence (CUSTOS_ACTION (action));
  GString *text = g_string_new (NULL);
  g_autofree char *head = g_markup_printf_escaped ("<b>%s</b>\u2002%s", custos_record_get_id (action),
                                                   custos_record_get_title (action));
  const char *labels[] = { _("Controls"), _("Resources"), _("Evidence") };
  const char *values[] = { controls, resources, evidence };

  g_string_append (text, head);
  for (guint i = 0; i < G_N_ELEMENTS (labels); i++)
    if (values[i] != NULL && *values[i] != '\0')
      {
        g_autofree char *line = g_markup_printf_escaped ("\n<span foreground=\"#5f6670\">%s</span> %s", labels[i],
                                                         values[i]);
        g_string_append (text, line);
      }
  return g_string_free (text, FALSE);
}

/* The controls decided for a risk: Annex A cited with their titles. */
static char *
decided_controls (Ctx          *ctx,
                  CustosRecord *risk)
{
  const char * const *ids = custos_risk_get_controls (CUSTOS_RISK (risk));
  GString *text = g_string_new (NULL);

  for (guint i = 0; ids != NULL && ids[i] != NULL; i++)
    {
      g_autofree char *cited = custos_control_cite (ids[i]);
      const char *title = custos_document_get_control_title (ctx->doc, ids[i]);

      g_string_append_printf (text, "%s%s%s%s", i > 0 ? "; " : "", cited, title ? " " : "", title ? title : "");
    }
  return g_string_free (text, FALSE);
}

/* Who accepted the residual risk and when, or that nobody has yet. */
static char *
acceptance_text (CustosRecord *risk)
{
  const char *by = custos_risk_get_accepted_by (CUSTOS_RISK (risk));
  const char *on = custos_risk_get_accepted (CUSTOS_RISK (risk));
  gboolean management = custos_risk_get_management_approval (CUSTOS_RISK (risk));

  if (by == NULL)
    return g_strdup (_("Not yet accepted"));
  if (on != NULL)
    return management ? g_strdup_printf (_("%s on %s, approved by top management"), by, on)
                      : g_strdup_printf (_("%s on %s"), by, on);
  return management ? g_strdup_printf (_("%s, approved by top management"), by) : g_strdup (by);
}

/* The details 6.1.3 asks for under each risk of the plan. */
static void
risk_plan_details (Ctx               *ctx,
                   CustosReportTable *table,
                   CustosRecord      *risk)
{
  g_autofree char *decided = decided_controls (ctx, risk);
  const char *other = custos_risk_get_custom_controls (CUSTOS_RISK (risk));
  g_autofree char *rl = field_text (ctx, risk, CUSTOS_RISK_FIELD_RESIDUAL_LIKELIHOOD);
  g_autofree char *rc = field_text (ctx, risk, CUSTOS_RISK_FIELD_RESIDUAL_CONSEQUENCE);
  g_autofree char *residual = *rl || *rc ? g_strdup_printf (_("Likelihood %s, consequence %s"),
                                                            *rl ? rl : "—", *rc ? rc : "—") : NULL;
  g_autofree char *accepted = acceptance_text (risk);
  const char *review = custos_risk_get_next_review (CUSTOS_RISK (risk));

  custos_report_table_add_pair (table, _("Controls decided"), *decided ? decided : _("None"));
  if (other != NULL && *other != '\0')
    custos_report_table_add_pair (table, _("Controls not in Annex A"), other);
  custos_report_table_add_pair (table, _("Residual risk"), residual ? residual : _("Not assessed"));
  custos_report_table_add_pair (table, _("Residual risk accepted by"), accepted);
  custos_report_table_add_pair (table, _("Next review"), review ? review : _("Not scheduled"));
}

static void
rtp_plan (Ctx        *ctx,
          guint       level,
          const char *number)
{
  static const double weights[] = { 2.5, 0, 1.1, 3.1, 1.2, 0, 0, 0 };
  const char *headers[] = { _("Risk"), _("Inherent"), _("Option"), _("Treatment action"), _("Owner"),
                            _("Due"), _("Status"), _("Residual") };
  GListModel *risks = custos_document_get_register (ctx->doc, CUSTOS_REGISTER_RISKS);
  g_autoptr(GHashTable) by_risk = actions_by_risk (ctx);
  CustosReportTable *table;
  guint n = g_list_model_get_n_items (risks);

  custos_report_book_add_heading (ctx->book, level, number, _("Treatment plan"), TRUE);
  if (n == 0)
    {
      muted_note (ctx, _("No risks have been assessed yet."));
      return;
    }
  table = custos_report_book_add_table (ctx->book, 8, weights, headers, CUSTOS_TABLE_ZEBRA | CUSTOS_TABLE_RULES);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(CustosRecord) risk = g_list_model_get_item (risks, i);
      GPtrArray *actions = g_hash_table_lookup (by_risk, custos_record_get_id (risk));
      g_autofree char *owner = field_text (ctx, risk, CUSTOS_RISK_FIELD_OWNER);
      g_autofree char *name = g_markup_printf_escaped ("<b>%s</b>\u2002%s%s<span foreground=\"#5f6670\">%s</span>",
                                                       custos_record_get_id (risk), custos_record_get_title (risk),
                                                       *owner ? "\n" : "", owner);
      g_autofree char *inherent = custos_report_score_text (ctx->doc, risk, FALSE);
      g_autofree char *residual = custos_report_score_text (ctx->doc, risk, TRUE);
      g_autofree char *option = field_text (ctx, risk, CUSTOS_RISK_FIELD_TREATMENT);
      guint n_actions = actions ? actions->len : 0;

      for (guint a = 0; a < MAX (n_actions, 1); a++)
        {
          CustosReportCell cells[8] = { { NULL, 0, 0 } };
          g_autofree char *action_text = NULL;
          g_autofree char *action_owner = NULL;
          g_autofree char *status = NULL;

          if (a == 0)
            {
              cells[0] = (CustosReportCell) { name, CUSTOS_CELL_MARKUP | CUSTOS_CELL_LINKS, 0 };
              cells[1] = (CustosReportCell) { inherent, *inherent ? CUSTOS_CELL_CHIP : 0,
                                              custos_report_score_colour (ctx->doc, risk, FALSE, ctx->options.palette) };
              cells[2] = (CustosReportCell) { option, 0, 0 };
              cells[7] = (CustosReportCell) { residual, *residual ? CUSTOS_CELL_CHIP : 0,
                                              custos_report_score_colour (ctx->doc, risk, TRUE, ctx->options.palette) };
            }
          if (n_actions > 0)
            {
              CustosRecord *action = actions->pdata[a];
              g_autofree char *controls = field_text (ctx, action, CUSTOS_ACTION_FIELD_CONTROLS);
              const char *due = custos_action_get_due (CUSTOS_ACTION (action));
              int st = custos_action_get_status (CUSTOS_ACTION (action));

              action_text = action_markup (action, controls);
              action_owner = field_text (ctx, action, CUSTOS_ACTION_FIELD_OWNER);
              status = field_text (ctx, action, CUSTOS_ACTION_FIELD_STATUS);
              cells[3] = (CustosReportCell) { action_text, CUSTOS_CELL_MARKUP, 0 };
              cells[4] = (CustosReportCell) { action_owner, 0, 0 };
              cells[5] = (CustosReportCell) { due, is_overdue (ctx, due, st) ? CUSTOS_CELL_ALERT | CUSTOS_CELL_BOLD : 0, 0 };
              cells[6] = (CustosReportCell) { status, st == CUSTOS_ACTION_STATUS_DONE ? CUSTOS_CELL_MUTED : 0, 0 };
            }
          else
            {
              const char *by = custos_risk_get_accepted_by (CUSTOS_RISK (risk));
              const char *on = custos_risk_get_accepted (CUSTOS_RISK (risk));

              if (by != NULL)
                action_text = on ? g_strdup_printf (_("No action: residual risk accepted by %s on %s"), by, on)
                                 : g_strdup_printf (_("No action: residual risk accepted by %s"), by);
              else
                action_text = g_strdup (_("No action planned"));
              cells[3] = (CustosReportCell) { action_text, CUSTOS_CELL_MUTED, 0 };
            }
          custos_report_table_add_row_full (table, cells, a > 0 ? CUSTOS_ROW_CONTINUES : CUSTOS_ROW_NONE);
        }
      risk_plan_details (ctx, table, risk);
    }
}

static void
rtp_approval (Ctx        *ctx,
              guint       level,
              const char *number)
{
  static const double weights[] = { 3.0, 1.4, 0, 2.2, 0 };
  const char *headers[] = { _("Risk"), _("Risk owner"), _("Residual"), _("Residual risk accepted by"),
                            _("Next review") };
  CustosRecord *approval = custos_document_get_section (ctx->doc, CUSTOS_SECTION_PLAN_APPROVAL);
  GListModel *risks = custos_document_get_register (ctx->doc, CUSTOS_REGISTER_RISKS);
  guint n = g_list_model_get_n_items (risks);
  /* owner id → the ids of the risks they own, in register order */
  g_autoptr(GHashTable) owned = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, (GDestroyNotify) g_ptr_array_unref);
  g_autoptr(GPtrArray) owners = g_ptr_array_new ();
  g_autoptr(GPtrArray) roles = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) names = g_ptr_array_new ();

  custos_report_book_add_heading (ctx->book, level, number, _("Approval of the plan"), TRUE);
  custos_report_book_add_paragraph (ctx->book,
                                    _("Each risk owner approves the treatment of the risks they own and accepts their "
                                      "residual risk; top management approves the plan, provides the resources it needs "
                                      "and accepts the residual risks above the acceptance threshold."),
                                    CUSTOS_CELL_NONE);
  if (n > 0)
    {
      CustosReportTable *table = custos_report_book_add_table (ctx->book, 5, weights, headers,
                                                               CUSTOS_TABLE_ZEBRA | CUSTOS_TABLE_RULES);

      for (guint i = 0; i < n; i++)
        {
          g_autoptr(CustosRecord) risk = g_list_model_get_item (risks, i);
          const char *owner_id = custos_risk_get_owner (CUSTOS_RISK (risk));
          const char *review = custos_risk_get_next_review (CUSTOS_RISK (risk));
          g_autofree char *name = g_markup_printf_escaped ("<b>%s</b>\u2002%s", custos_record_get_id (risk),
                                                           custos_record_get_title (risk));
          g_autofree char *owner = field_text (ctx, risk, CUSTOS_RISK_FIELD_OWNER);
          g_autofree char *residual = custos_report_score_text (ctx->doc, risk, TRUE);
          g_autofree char *accepted = acceptance_text (risk);
          gboolean none = custos_risk_get_accepted_by (CUSTOS_RISK (risk)) == NULL;
          CustosReportCell cells[5] = {
            { name, CUSTOS_CELL_MARKUP | CUSTOS_CELL_LINKS, 0 },
            { owner, 0, 0 },
            { residual, *residual ? CUSTOS_CELL_CHIP : 0,
              custos_report_score_colour (ctx->doc, risk, TRUE, ctx->options.palette) },
            { accepted, none ? CUSTOS_CELL_ALERT : 0, 0 },
            { review, 0, 0 },
          };
          GPtrArray *ids;

          custos_report_table_add_row (table, cells);
          if (owner_id == NULL)
            continue;
          ids = g_hash_table_lookup (owned, owner_id);
          if (ids == NULL)
            {
              ids = g_ptr_array_new ();
              g_hash_table_insert (owned, (gpointer) owner_id, ids);
              g_ptr_array_add (owners, (gpointer) owner_id);
            }
          g_ptr_array_add (ids, (gpointer) custos_record_get_id (risk));
        }
    }

  /* A signature for each risk owner, naming the risks they accept. */
  for (guint i = 0; i < owners->len; i++)
    {
      CustosRecord *role = custos_document_lookup (ctx->doc, CUSTOS_REGISTER_ROLES, owners->pdata[i]);
      GPtrArray *ids = g_hash_table_lookup (owned, owners->pdata[i]);
      g_autoptr(GString) list = g_string_new (NULL);

      for (guint k = 0; k < ids->len; k++)
        g_string_append_printf (list, "%s%s", k > 0 ? ", " : "", (const char *) ids->pdata[k]);
      g_ptr_array_add (roles, g_strdup_printf (_("Risk owner: %s\nfor %s"),
                                               role ? custos_record_get_title (role) : (const char *) owners->pdata[i],
                                               list->str));
      g_ptr_array_add (names, role ? (gpointer) custos_role_get_holder (CUSTOS_ROLE (role)) : NULL);
    }
  g_ptr_array_add (roles, g_strdup (_("For top management")));
  g_ptr_array_add (names, (gpointer) custos_plan_approval_get_management_approved_by (CUSTOS_PLAN_APPROVAL (approval)));
  custos_report_book_add_signatures (ctx->book, (const char * const *) roles->pdata,
                                     (const char * const *) names->pdata, roles->len);
}

/* Risk assessment ------------------------------------------------------------ */

static void
risk_method (Ctx        *ctx,
             guint       level,
             const char *number)
{
  CustosCriteria *c = ctx->criteria;
  g_autofree char *text = NULL;

  custos_report_book_add_heading (ctx->book, level, number, _("Method"), TRUE);
  text = g_strdup_printf (_("Risks to the confidentiality, integrity and availability of information in the scope of "
                            "the ISMS are identified for its assets, each with an owner. Every risk is assessed with "
                            "the criteria approved by top management: its likelihood on a scale of %u levels and its "
                            "consequence on a scale of %u levels, whose %s gives a score from %d to %d in one of %u "
                            "bands. Each risk is assessed twice: as it stands with the existing controls (inherent) "
                            "and as expected after its treatment (residual). Repeating the assessment with the same "
                            "criteria gives consistent, valid and comparable results."),
                          custos_criteria_get_n_levels (c, CUSTOS_SCALE_LIKELIHOOD),
                          custos_criteria_get_n_levels (c, CUSTOS_SCALE_CONSEQUENCE),
                          custos_criteria_get_scoring (c) == CUSTOS_SCORING_SUM ? _("sum") : _("product"),
                          custos_criteria_min_score (c), custos_criteria_max_score (c),
                          custos_criteria_get_n_bands (c));
  custos_report_book_add_paragraph (ctx->book, text, CUSTOS_CELL_NONE);
  custos_report_book_add_heading (ctx->book, level + 1, NULL, _("Reassessment"), FALSE);
  section_key_values (ctx, CUSTOS_SECTION_REASSESSMENT);
}

static void
risk_criteria (Ctx        *ctx,
               guint       level,
               const char *number)
{
  custos_report_book_add_heading (ctx->book, level, number, _("Risk criteria"), TRUE);
  criteria_tables (ctx, MIN (level + 1, 3));
}

static void
risk_results (Ctx        *ctx,
              guint       level,
              const char *number)
{
  custos_report_book_add_heading (ctx->book, level, number, _("Results"), TRUE);
  heatmap_figure (ctx);
  band_counts_table (ctx);
}

static void
risk_register (Ctx        *ctx,
               guint       level,
               const char *number)
{
  static const double weights[] = { 2.3, 0.9, 2.7, 1.8, 0, 0, 0, 1.1, 1.05, 0, 0 };
  const char *headers[] = { _("Risk"), _("Assets"), _("Threat and vulnerability"), _("Existing controls"),
                            _("Likelihood"), _("Consequence"), _("Inherent"), _("Owner"), _("Treatment"),
                            _("Residual"), _("Status") };
  GListModel *risks = custos_document_get_register (ctx->doc, CUSTOS_REGISTER_RISKS);
  CustosReportTable *table;
  guint n = g_list_model_get_n_items (risks);

  custos_report_book_add_heading (ctx->book, level, number, _("Risk register"), TRUE);
  if (n == 0)
    {
      muted_note (ctx, _("No risks have been identified yet."));
      return;
    }
  table = custos_report_book_add_table (ctx->book, 11, weights, headers, CUSTOS_TABLE_ZEBRA | CUSTOS_TABLE_RULES);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(CustosRecord) risk = g_list_model_get_item (risks, i);
      g_autofree char *name = g_markup_printf_escaped ("<b>%s</b>\u2002%s", custos_record_get_id (risk),
                                                       custos_record_get_title (risk));
      g_autofree char *assets = field_text (ctx, risk, CUSTOS_RISK_FIELD_ASSETS);
      const char *threat = custos_risk_get_threat (CUSTOS_RISK (risk));
      const char *vuln = custos_risk_get_vulnerability (CUSTOS_RISK (risk));
      g_autofree char *tv = vuln ? g_markup_printf_escaped ("%s%s<span foreground=\"#5f6670\">%s</span> %s",
                                                            threat ? threat : "", threat ? "\n" : "",
                                                            _("Vulnerability:"), vuln)
                                 : g_markup_escape_text (threat ? threat : "", -1);
      g_autofree char *l = field_text (ctx, risk, CUSTOS_RISK_FIELD_LIKELIHOOD);
      g_autofree char *c = field_text (ctx, risk, CUSTOS_RISK_FIELD_CONSEQUENCE);
      g_autofree char *inherent = custos_report_score_text (ctx->doc, risk, FALSE);
      g_autofree char *residual = custos_report_score_text (ctx->doc, risk, TRUE);
      g_autofree char *owner = field_text (ctx, risk, CUSTOS_RISK_FIELD_OWNER);
      g_autofree char *treatment = field_text (ctx, risk, CUSTOS_RISK_FIELD_TREATMENT);
      g_autofree char *status = field_text (ctx, risk, CUSTOS_RISK_FIELD_STATUS);
      CustosReportCell cells[11] = {
        { name, CUSTOS_CELL_MARKUP | CUSTOS_CELL_ANCHOR, 0 },
        { assets, CUSTOS_CELL_SMALL | CUSTOS_CELL_LINKS, 0 },
        { tv, CUSTOS_CELL_MARKUP, 0 },
        { custos_risk_get_existing_controls (CUSTOS_RISK (risk)), CUSTOS_CELL_SMALL, 0 },
        { l, 0, 0 },
        { c, 0, 0 },
        { inherent, *inherent ? CUSTOS_CELL_CHIP : 0,
          custos_report_score_colour (ctx->doc, risk, FALSE, ctx->options.palette) },
        { owner, 0, 0 },
        { treatment, 0, 0 },
        { residual, *residual ? CUSTOS_CELL_CHIP : 0,
          custos_report_score_colour (ctx->doc, risk, TRUE, ctx->options.palette) },
        { status, 0, 0 },
      };
      custos_report_table_add_row (table, cells);
    }
}

/* Signatures ------------------------------------------------------------------ */

static void
management_signatures (Ctx *ctx)
{
  GListModel *roles = custos_document_get_register (ctx->doc, CUSTOS_REGISTER_ROLES);
  g_autoptr(GPtrArray) titles = g_ptr_array_new ();
  g_autoptr(GPtrArray) names = g_ptr_array_new ();

  for (guint i = 0, n = g_list_model_get_n_items (roles); i < n && titles->len < 6; i++)
    {
      g_autoptr(CustosRecord) role = g_list_model_get_item (roles, i);

      if (custos_role_get_top_management (CUSTOS_ROLE (role)))
        {
          g_ptr_array_add (titles, (gpointer) custos_record_get_title (role));
          g_ptr_array_add (names, (gpointer) custos_role_get_holder (CUSTOS_ROLE (role)));
        }
    }
  if (custos_organisation_get_isms_owner (organisation (ctx)) != NULL)
    {
      g_ptr_array_add (titles, (gpointer) _("ISMS owner"));
      g_ptr_array_add (names, (gpointer) custos_organisation_get_isms_owner (organisation (ctx)));
    }
  if (titles->len == 0)
    {
      g_ptr_array_add (titles, (gpointer) _("For top management"));
      g_ptr_array_add (names, NULL);
    }
  custos_report_book_add_signatures (ctx->book, (const char * const *) titles->pdata,
                                     (const char * const *) names->pdata, titles->len);
}

/* Monitoring evaluation (9.1 e–f) ----------------------------------------- */

typedef struct
{
  CustosTrendData   *data;
  CustosTrendPalette palette;
} TrendFigure;

static void
trend_figure_free (gpointer data)
{
  TrendFigure *fig = data;

  custos_trend_data_unref (fig->data);
  g_free (fig);
}

static void
draw_trend (cairo_t  *cr,
            double    width,
            double    height,
            gpointer  user_data)
{
  TrendFigure *fig = user_data;
  CustosTrendStyle style;

  custos_trend_style_init (&style);
  style.palette = fig->palette;
  custos_trend_draw (cr, width, height, fig->data, &style);
}

/* Each measure's latest result against its target, whether it met it and
 * which way it moves, then its results over time. */
static void
monitoring_evaluation (Ctx   *ctx,
                       guint  level)
{
  static const double weights[] = { 3.0, 0, 0, 0, 0, 0 };
  const char *headers[] = { _("Measure"), _("Target"), _("Latest result"), _("Date"), _("Evaluation"),
                            _("Trend") };
  GListModel *measures = custos_document_get_register (ctx->doc, CUSTOS_REGISTER_MEASURES);
  guint n = g_list_model_get_n_items (measures);
  CustosReportTable *table;

  custos_report_book_add_heading (ctx->book, level, NULL, _("Monitoring evaluation"), TRUE);
  if (n == 0)
    {
      muted_note (ctx, _("No records yet."));
      return;
    }
  table = custos_report_book_add_table (ctx->book, 6, weights, headers, CUSTOS_TABLE_ZEBRA | CUSTOS_TABLE_RULES);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(CustosRecord) measure = g_list_model_get_item (measures, i);
      g_autoptr(CustosTrendData) data = custos_trend_data_new_for_measure (ctx->doc, measure);
      guint points = custos_trend_data_get_n_points (data);
      double target = custos_trend_data_get_target (data);
      gboolean higher = custos_trend_data_get_higher_is_better (data);
      const char *unit = custos_trend_data_get_unit (data);
      g_autofree char *name = g_strdup_printf ("%s %s", custos_record_get_id (measure), custos_record_get_title (measure));
      g_autofree char *target_text = NULL, *latest_text = NULL;
      char date_text[CUSTOS_DATE_ISO_SIZE] = "";
      const char *evaluation = "", *trend = "—";
      int flags = 0;

      if (isnan (target))
        target_text = g_strdup (_("none"));
      else
        {
          g_autofree char *value = custos_trend_format_value (target, unit);

          /* Translators: a target and which side of it is good: "≤ 5 %", "≥ 95 %" */
          target_text = g_strdup_printf (higher ? _("≥ %s") : _("≤ %s"), value);
        }
      if (points > 0)
        {
          GDate date;
          double value, previous;

          custos_trend_data_get_point (data, points - 1, &date, &value, NULL);
          custos_date_format_iso (&date, date_text);
          latest_text = custos_trend_format_value (value, unit);
          if (isnan (target))
            evaluation = _("No target");
          else if (custos_trend_meets_target (value, target, higher))
            evaluation = _("Met");
          else
            {
              evaluation = _("Missed");
              flags = CUSTOS_CELL_ALERT;
            }
          if (points > 1)
            {
              custos_trend_data_get_point (data, points - 2, NULL, &previous, NULL);
              trend = value == previous ? _("Steady")
                      : (value > previous) == higher ? _("Improving") : _("Worsening");
            }
        }
      {
        CustosReportCell cells[6] = {
          { name, 0, 0 },
          { target_text, 0, 0 },
          { latest_text != NULL ? latest_text : _("no result"), 0, 0 },
          { date_text, 0, 0 },
          { evaluation, flags, 0 },
          { trend, 0, 0 },
        };
        custos_report_table_add_row (table, cells);
      }
    }

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(CustosRecord) measure = g_list_model_get_item (measures, i);
      TrendFigure *fig;
      g_autofree char *caption = NULL;

      fig = g_new0 (TrendFigure, 1);
      fig->data = custos_trend_data_new_for_measure (ctx->doc, measure);
      if (custos_trend_data_get_n_points (fig->data) == 0)
        {
          trend_figure_free (fig);
          continue;
        }
      fig->palette = ctx->options.palette == CUSTOS_HEATMAP_PALETTE_COLOUR_BLIND ? CUSTOS_TREND_PALETTE_COLOUR_BLIND
                                                                                 : CUSTOS_TREND_PALETTE_STANDARD;
      caption = g_strdup_printf (_("Figure %u — %s %s: results over time against the target; circles met it, "
                                   "diamonds missed it."),
                                 ++ctx->figure, custos_record_get_id (measure), custos_record_get_title (measure));
      custos_report_book_add_figure (ctx->book, 150, draw_trend, fig, trend_figure_free, caption);
    }
}

/* Audit programme coverage (9.2) ---------------------------------------------- */

/* Clauses 4–10 and the Annex A themes against the years of the cycle: which
 * audit covers which, and what the three years leave out. */
static void
audit_programme_coverage (Ctx   *ctx,
                          guint  level)
{
  g_autoptr(GFlagsClass) klass = g_type_class_ref (CUSTOS_TYPE_COVERAGE);
  GDate today;
  guint first_year, required, cycle;
  double weights[2 + CUSTOS_AUDIT_CYCLE_YEARS + 1];
  const char *headers[2 + CUSTOS_AUDIT_CYCLE_YEARS + 1];
  g_auto(GStrv) years = g_new0 (char *, CUSTOS_AUDIT_CYCLE_YEARS + 2);
  CustosReportTable *table;

  g_date_clear (&today, 1);
  custos_date_parse (ctx->today, &today);
  first_year = g_date_get_year (&today) - 1;
  required = custos_audit_programme_required (ctx->doc);
  cycle = custos_audit_programme_cycle (ctx->doc, &today);

  custos_report_book_add_heading (ctx->book, level, NULL, _("Audit programme coverage"), TRUE);
  weights[0] = 2.0;
  headers[0] = _("Clause or Annex A theme");
  for (guint y = 0; y <= CUSTOS_AUDIT_CYCLE_YEARS; y++)
    {
      years[y] = g_strdup_printf ("%u", first_year + y);
      weights[1 + y] = 1.0;
      headers[1 + y] = years[y];
    }
  weights[2 + CUSTOS_AUDIT_CYCLE_YEARS] = 0;
  headers[2 + CUSTOS_AUDIT_CYCLE_YEARS] = _("Within three years");
  table = custos_report_book_add_table (ctx->book, G_N_ELEMENTS (weights), weights, headers,
                                        CUSTOS_TABLE_ZEBRA | CUSTOS_TABLE_RULES);
  for (guint v = 0; v < klass->n_values; v++)
    {
      guint bit = klass->values[v].value;
      CustosReportCell cells[G_N_ELEMENTS (weights)];
      char *ids[CUSTOS_AUDIT_CYCLE_YEARS + 1] = { NULL }; /* some may stay NULL: freed one by one */

      if (bit == 0 || (required & bit) == 0)
        continue;
      cells[0] = (CustosReportCell) { custos_enum_value_label (CUSTOS_TYPE_COVERAGE, (int) bit), CUSTOS_CELL_BOLD, 0 };
      for (guint y = 0; y <= CUSTOS_AUDIT_CYCLE_YEARS; y++)
        {
          custos_audit_programme_year (ctx->doc, first_year + y, bit, &ids[y]);
          cells[1 + y] = (CustosReportCell) { ids[y] != NULL ? ids[y] : "—", CUSTOS_CELL_SMALL, 0 };
        }
      cells[2 + CUSTOS_AUDIT_CYCLE_YEARS] = (cycle & bit) != 0
                                            ? (CustosReportCell) { _("Covered"), 0, 0 }
                                            : (CustosReportCell) { _("Not covered"), CUSTOS_CELL_ALERT, 0 };
      custos_report_table_add_row (table, cells);
      for (guint y = 0; y <= CUSTOS_AUDIT_CYCLE_YEARS; y++)
        g_free (ids[y]);
    }
}

/* The reports ------------------------------------------------------------------ */

static void
build_soa (Ctx *ctx)
{
  g_autofree char *n1 = NULL, *n2 = NULL;

  front_matter (ctx);
  custos_report_book_new_page (ctx->book, CUSTOS_ORIENTATION_LANDSCAPE);
  n1 = next_number (ctx);
  soa_summary (ctx, 1, n1);
  custos_report_book_new_page (ctx->book, CUSTOS_ORIENTATION_LANDSCAPE);
  n2 = next_number (ctx);
  custos_report_book_add_heading (ctx->book, 1, n2, _("Controls"), TRUE);
  soa_controls (ctx, 2);
  soa_migration_notes (ctx, 2);
  custos_report_book_add_heading (ctx->book, 1, NULL, _("Approval"), TRUE);
  management_signatures (ctx);
}

static void
build_rtp (Ctx *ctx)
{
  g_autofree char *n1 = NULL, *n2 = NULL, *n3 = NULL;

  front_matter (ctx);
  custos_report_book_new_page (ctx->book, CUSTOS_ORIENTATION_PORTRAIT);
  n1 = next_number (ctx);
  rtp_summary (ctx, 1, n1);
  custos_report_book_new_page (ctx->book, CUSTOS_ORIENTATION_LANDSCAPE);
  n2 = next_number (ctx);
  rtp_plan (ctx, 1, n2);
  n3 = next_number (ctx);
  rtp_approval (ctx, 1, n3);
}

static void
build_risks (Ctx *ctx)
{
  g_autofree char *n1 = NULL, *n2 = NULL, *n3 = NULL, *n4 = NULL, *n5 = NULL;

  front_matter (ctx);
  custos_report_book_new_page (ctx->book, CUSTOS_ORIENTATION_PORTRAIT);
  n1 = next_number (ctx);
  risk_method (ctx, 1, n1);
  n2 = next_number (ctx);
  risk_criteria (ctx, 1, n2);
  custos_report_book_new_page (ctx->book, CUSTOS_ORIENTATION_PORTRAIT);
  n3 = next_number (ctx);
  risk_results (ctx, 1, n3);
  n4 = next_number (ctx);
  register_section (ctx, 1, n4, CUSTOS_REGISTER_ASSETS);
  custos_report_book_new_page (ctx->book, CUSTOS_ORIENTATION_LANDSCAPE);
  n5 = next_number (ctx);
  risk_register (ctx, 1, n5);
}

static void
chapter (Ctx        *ctx,
         const char *number,
         const char *title)
{
  custos_report_book_new_page (ctx->book, CUSTOS_ORIENTATION_PORTRAIT);
  custos_report_book_add_heading (ctx->book, 1, number, title, TRUE);
}

static void
build_pack (Ctx *ctx)
{
  front_matter (ctx);

  chapter (ctx, "4", _("Context of the organisation"));
  custos_report_book_add_heading (ctx->book, 2, "4.1", _("The organisation and its context"), TRUE);
  section_key_values (ctx, CUSTOS_SECTION_ORGANISATION);
  register_section (ctx, 3, NULL, CUSTOS_REGISTER_ISSUES);
  register_section (ctx, 2, "4.2", CUSTOS_REGISTER_PARTIES);
  register_section (ctx, 3, NULL, CUSTOS_REGISTER_REQUIREMENTS);
  custos_report_book_add_heading (ctx->book, 2, "4.3", _("Scope of the ISMS"), TRUE);
  section_key_values (ctx, CUSTOS_SECTION_SCOPE);
  section_heading_key_values (ctx, 2, CUSTOS_SECTION_ISMS_PROCESSES);

  chapter (ctx, "5", _("Leadership"));
  section_heading_key_values (ctx, 2, CUSTOS_SECTION_LEADERSHIP);
  custos_report_book_add_heading (ctx->book, 2, "5.2", _("Information security policy"), TRUE);
  section_key_values (ctx, CUSTOS_SECTION_POLICY);
  register_section (ctx, 2, "5.3", CUSTOS_REGISTER_ROLES);

  chapter (ctx, "6", _("Planning"));
  section_heading_key_values (ctx, 2, CUSTOS_SECTION_ISMS_RISKS);
  custos_report_book_add_heading (ctx->book, 2, "6.1.2", _("Information security risk assessment"), TRUE);
  risk_method (ctx, 3, NULL);
  risk_criteria (ctx, 3, NULL);
  custos_report_book_new_page (ctx->book, CUSTOS_ORIENTATION_PORTRAIT);
  risk_results (ctx, 3, NULL);
  register_section (ctx, 3, NULL, CUSTOS_REGISTER_ASSETS);
  custos_report_book_new_page (ctx->book, CUSTOS_ORIENTATION_LANDSCAPE);
  risk_register (ctx, 3, NULL);

  custos_report_book_new_page (ctx->book, CUSTOS_ORIENTATION_LANDSCAPE);
  custos_report_book_add_heading (ctx->book, 2, "6.1.3", _("Information security risk treatment"), TRUE);
  rtp_summary (ctx, 3, NULL);
  rtp_plan (ctx, 3, NULL);
  rtp_approval (ctx, 3, NULL);

  custos_report_book_new_page (ctx->book, CUSTOS_ORIENTATION_LANDSCAPE);
  custos_report_book_add_heading (ctx->book, 2, "6.1.3 d)", _("Statement of Applicability"), TRUE);
  soa_summary (ctx, 3, NULL);
  soa_controls (ctx, 3);
  soa_migration_notes (ctx, 3);
  register_section (ctx, 3, NULL, CUSTOS_REGISTER_EVIDENCE);

  custos_report_book_new_page (ctx->book, CUSTOS_ORIENTATION_PORTRAIT);
  register_section (ctx, 2, "6.2", CUSTOS_REGISTER_OBJECTIVES);
  section_heading_key_values (ctx, 2, CUSTOS_SECTION_CHANGE_PLANNING);

  chapter (ctx, "7", _("Support"));
  section_heading_key_values (ctx, 2, CUSTOS_SECTION_ISMS_RESOURCES);
  custos_report_book_add_heading (ctx->book, 2, "7.2", _("Competence and awareness"), TRUE);
  register_section (ctx, 3, NULL, CUSTOS_REGISTER_COMPETENCES);
  register_section (ctx, 3, NULL, CUSTOS_REGISTER_TRAININGS);
  register_section (ctx, 2, "7.4", CUSTOS_REGISTER_COMMUNICATIONS);
  register_section (ctx, 2, "7.5", CUSTOS_REGISTER_DOCUMENTS);

  chapter (ctx, "8", _("Operation"));
  register_section (ctx, 2, "8.1", CUSTOS_REGISTER_PROCESSES);
  register_section (ctx, 3, NULL, CUSTOS_REGISTER_SUPPLIERS);
  custos_report_book_add_heading (ctx->book, 2, "8.2", _("Risk reassessment"), TRUE);
  section_key_values (ctx, CUSTOS_SECTION_REASSESSMENT);

  chapter (ctx, "9", _("Performance evaluation"));
  register_section (ctx, 2, "9.1", CUSTOS_REGISTER_MEASURES);
  register_section (ctx, 3, NULL, CUSTOS_REGISTER_MEASUREMENTS);
  monitoring_evaluation (ctx, 3);
  register_section (ctx, 2, "9.2", CUSTOS_REGISTER_AUDITS);
  audit_programme_coverage (ctx, 3);
  register_section (ctx, 3, NULL, CUSTOS_REGISTER_FINDINGS);
  register_section (ctx, 2, "9.3", CUSTOS_REGISTER_REVIEWS);
  register_section (ctx, 3, NULL, CUSTOS_REGISTER_REVIEW_ACTIONS);

  chapter (ctx, "10", _("Improvement"));
  section_heading_key_values (ctx, 2, CUSTOS_SECTION_CONTINUAL_IMPROVEMENT);
  register_section (ctx, 2, "10.2", CUSTOS_REGISTER_NONCONFORMITIES);
  register_section (ctx, 2, NULL, CUSTOS_REGISTER_INCIDENTS);

  custos_report_book_new_page (ctx->book, CUSTOS_ORIENTATION_PORTRAIT);
  custos_report_book_add_heading (ctx->book, 1, NULL, _("Approval"), TRUE);
  custos_report_book_add_paragraph (ctx->book,
                                    _("By signing, top management confirms that this documented information describes "
                                      "the information security management system as it is established, implemented, "
                                      "maintained and continually improved."),
                                    CUSTOS_CELL_NONE);
  management_signatures (ctx);
}

static void
resolve_today (Ctx *ctx)
{
  const char *date = ctx->options.date ? ctx->options.date : g_getenv ("CAIRO_PDF_METADATA_CREATE_DATE");

  if (date != NULL && strlen (date) >= 10)
    {
      g_autofree char *day = g_strndup (date, 10);
      if (custos_date_is_valid (day))
        {
          memcpy (ctx->today, day, 10);
          ctx->today[10] = '\0';
          return;
        }
    }
  {
    GDate today;

    if (ctx->options.today != NULL)
      today = *ctx->options.today;
    else
      custos_clock_get_local_date (&today);
    custos_date_format_iso (&today, ctx->today);
  }
}

CustosReportBook *
custos_report_build (CustosDocument            *document,
                     CustosReportKind           kind,
                     const CustosReportOptions *options)
{
  Ctx ctx = { 0 };

  g_return_val_if_fail (CUSTOS_IS_DOCUMENT (document), NULL);
  g_return_val_if_fail (kind < CUSTOS_N_REPORTS, NULL);

  ctx.doc = document;
  ctx.kind = kind;
  ctx.book = custos_report_book_new ();
  ctx.criteria = custos_document_get_criteria (document);
  ctx.catalogue = custos_document_get_catalogue (document);
  if (options != NULL)
    ctx.options = *options;
  else
    custos_report_options_init (&ctx.options);
  /* An issue is dated its issue: the same file whenever it is made. */
  if (ctx.options.issued)
    {
      CustosRecord *latest = custos_document_get_latest_revision (document);

      if (latest != NULL && custos_revision_get_date (CUSTOS_REVISION (latest)) != NULL)
        ctx.options.date = custos_revision_get_date (CUSTOS_REVISION (latest));
    }
  resolve_today (&ctx);
  custos_report_book_set_paper (ctx.book, ctx.options.paper);

  switch (kind)
    {
    case CUSTOS_REPORT_SOA:
      build_soa (&ctx);
      break;
    case CUSTOS_REPORT_RTP:
      build_rtp (&ctx);
      break;
    case CUSTOS_REPORT_RISKS:
      build_risks (&ctx);
      break;
    case CUSTOS_REPORT_PACK:
    case CUSTOS_N_REPORTS:
    default:
      build_pack (&ctx);
      break;
    }
  return ctx.book;
}

/* Output ---------------------------------------------------------------------- */

gboolean
custos_report_save_bytes (GBytes        *bytes,
                          GFile         *file,
                          GCancellable  *cancellable,
                          GError       **error)
{
  gsize length;
  const char *data = g_bytes_get_data (bytes, &length);

  return g_file_replace_contents (file, data, length, NULL, FALSE, G_FILE_CREATE_REPLACE_DESTINATION,
                                  NULL, cancellable, error);
}

gboolean
custos_report_export_pdf (CustosDocument            *document,
                          CustosReportKind           kind,
                          const CustosReportOptions *options,
                          GFile                     *file,
                          GCancellable              *cancellable,
                          GError                   **error)
{
  g_autoptr(CustosReportBook) book = NULL;
  g_autoptr(GBytes) bytes = NULL;

  g_return_val_if_fail (CUSTOS_IS_DOCUMENT (document), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  book = custos_report_build (document, kind, options);
  bytes = custos_report_book_render_pdf (book, cancellable, NULL, NULL, error);
  if (bytes == NULL)
    return FALSE;
  return custos_report_save_bytes (bytes, file, cancellable, error);
}

