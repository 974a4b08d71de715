/* SPDX-License-Identifier: GPL-3.0-or-later */
/* custos-coverage-view.c — which process the internal audit programme
 * audits when
 *
 * One row per process: its name with when it was last audited and when that
 * runs out, a column per year with a mark for each audit of it (carried out,
 * planned, or planned but not carried out), and its coverage as
 * custos_audit_coverage() judges it: covered, overdue (covered only by a
 * plan although the last audit is older than three years) or not covered.
 * A mark is a button: it emits ::audit-activated with its audit.
 *
 * Below, one row per clause 4–10 and Annex A theme (2022): the audits that
 * cover it each year (their "coverage"), and whether the three-year cycle
 * covers it as custos_audit_programme_cycle() judges it.
 */
#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <stdio.h>
#include <stdlib.h>

#include "custos-clock.h"
#include "custos-coverage-view.h"
#include "custos-enums.h"
#include "custos-field-format.h"
#include "custos-labels.h"
#include "custos-readiness.h"

typedef enum
{
  MARK_DONE,
  MARK_PLANNED,
  MARK_MISSED,  /* planned in the past, not carried out */
} MarkKind;

typedef struct
{
  CustosRecord *audit;
  MarkKind      kind;
  guint         year;
} Mark;

typedef struct
{
  CustosRecord *process;
  GArray       *marks;    /* Mark */
  gboolean      covered;
  gboolean      overdue;
} Row;

struct _CustosCoverageView
{
  GtkWidget       parent_instance;

  CustosDocument *document;
  CustosClock    *clock;
  GPtrArray      *rows;       /* Row * */
  guint           first_year;
  guint           refresh_id;

  GtkWidget      *box;
  GtkWidget      *header;
  GtkWidget      *list;
  GtkWidget      *empty;
  GtkWidget      *clause_list;  /* clauses 4–10 and Annex A themes */
  GtkSizeGroup   *year_group;
  GtkSizeGroup   *status_group;
};

G_DEFINE_FINAL_TYPE (CustosCoverageView, custos_coverage_view, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_DOCUMENT,
  PROP_CLOCK,
  N_PROPS
};

enum {
  AUDIT_ACTIVATED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static void
row_free (gpointer data)
{
  Row *row = data;

  g_array_unref (row->marks);
  g_free (row);
}

static gboolean
lists_process (CustosRecord *audit,
               const char   *id)
{
  const char * const *processes = custos_audit_get_processes (CUSTOS_AUDIT (audit));
  return processes != NULL && id != NULL && g_strv_contains (processes, id);
}

/* The model ----------------------------------------------------------- */

static void
compute_rows (CustosCoverageView *self,
              const GDate        *today)
{
  g_autoptr(GArray) coverage = NULL;
  GListModel *audits;

  g_ptr_array_set_size (self->rows, 0);
  self->first_year = g_date_get_year (today) - 1;
  if (self->document == NULL)
    return;

  coverage = custos_audit_coverage (self->document, today);
  audits = custos_document_get_register (self->document, CUSTOS_REGISTER_AUDITS);
  for (guint p = 0; p < coverage->len; p++)
    {
      const CustosAuditCoverage *entry = &g_array_index (coverage, CustosAuditCoverage, p);
      Row *row = g_new0 (Row, 1);
      const char *id = custos_record_get_id (entry->process);

      row->process = entry->process;
      row->covered = entry->covered;
      row->overdue = entry->overdue;
      row->marks = g_array_new (FALSE, FALSE, sizeof (Mark));
      for (guint a = 0, n = g_list_model_get_n_items (audits); a < n; a++)
        {
          g_autoptr(CustosRecord) audit = g_list_model_get_item (audits, a);
          Mark mark = { audit, MARK_DONE, 0 };
          GDate date;

          if (!lists_process (audit, id))
            continue;
          if (custos_date_parse (custos_audit_get_done (CUSTOS_AUDIT (audit)), &date))
            mark.kind = MARK_DONE;
          else if (custos_audit_get_status (CUSTOS_AUDIT (audit)) == CUSTOS_AUDIT_STATUS_CANCELLED ||
                   !custos_date_parse (custos_audit_get_planned (CUSTOS_AUDIT (audit)), &date))
            continue;
          else
            mark.kind = g_date_compare (&date, today) < 0 ? MARK_MISSED : MARK_PLANNED;
          mark.year = g_date_get_year (&date);
          if (mark.year < self->first_year || mark.year >= self->first_year + CUSTOS_COVERAGE_N_YEARS)
            continue;
          g_array_append_val (row->marks, mark);
        }
      g_ptr_array_add (self->rows, row);
    }
}

/* Widgets ------------------------------------------------------------- */

static void
on_mark_clicked (GtkButton          *button,
                 CustosCoverageView *self)
{
  CustosRecord *audit = g_object_get_data (G_OBJECT (button), "custos-audit");

  if (audit != NULL)
    g_signal_emit (self, signals[AUDIT_ACTIVATED], 0, audit);
}

static GtkWidget *
mark_button (CustosCoverageView *self,
             const Mark         *mark)
{
  static const struct { const char *icon; const char *css; } looks[] = {
    [MARK_DONE] = { "emblem-ok-symbolic", "done" },
    [MARK_PLANNED] = { "x-office-calendar-symbolic", "planned" },
    [MARK_MISSED] = { "dialog-warning-symbolic", "missed" },
  };
  GtkWidget *button = gtk_button_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 4);
  const char *iso = mark->kind == MARK_DONE ? custos_audit_get_done (CUSTOS_AUDIT (mark->audit))
                                             : custos_audit_get_planned (CUSTOS_AUDIT (mark->audit));
  const char *title = custos_record_get_title (mark->audit);
  g_autofree char *date = custos_format_date (iso);
  g_autofree char *month = NULL;
  g_autofree char *tooltip = NULL;
  GtkWidget *label;

  /* The month says when in the year; the tooltip says which audit. */
  {
    g_autoptr(GDateTime) when = NULL;
    GDate day;

    if (custos_date_parse (iso, &day))
      when = g_date_time_new_utc (g_date_get_year (&day), g_date_get_month (&day), 1, 0, 0, 0);
    month = when != NULL ? g_date_time_format (when, "%b") : g_strdup (custos_record_get_id (mark->audit));
  }
  label = gtk_label_new (month);

  gtk_box_append (GTK_BOX (box), gtk_image_new_from_icon_name (looks[mark->kind].icon));
  gtk_box_append (GTK_BOX (box), label);
  gtk_button_set_child (GTK_BUTTON (button), box);
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_add_css_class (button, "custos-audit-mark");
  gtk_widget_add_css_class (button, looks[mark->kind].css);
  gtk_widget_set_halign (button, GTK_ALIGN_START);
  switch (mark->kind)
    {
    case MARK_DONE:
      /* Translators: tooltip of an audit in the coverage view: id, title, date */
      tooltip = g_strdup_printf (_("%s “%s”: carried out on %s"), custos_record_get_id (mark->audit),
                                 title ? title : "", date ? date : "");
      break;
    case MARK_PLANNED:
      tooltip = g_strdup_printf (_("%s “%s”: planned for %s"), custos_record_get_id (mark->audit),
                                 title ? title : "", date ? date : "");
      break;
    case MARK_MISSED:
    default:
      tooltip = g_strdup_printf (_("%s “%s”: planned for %s but not carried out"),
                                 custos_record_get_id (mark->audit), title ? title : "", date ? date : "");
      break;
    }
  gtk_widget_set_tooltip_text (button, tooltip);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, tooltip, -1);
  g_object_set_data_full (G_OBJECT (button), "custos-audit", g_object_ref (mark->audit), g_object_unref);
  g_signal_connect (button, "clicked", G_CALLBACK (on_mark_clicked), self);
  return button;
}

static GtkWidget *
status_chip (const Row *row)
{
  GtkWidget *label;

  if (!row->covered)
    {
      label = gtk_label_new (C_("audit coverage", "Not covered"));
      gtk_widget_add_css_class (label, "error");
      gtk_widget_set_tooltip_text (label,
                                   _("Not audited in the last three years and no audit planned in the next three"));
    }
  else if (row->overdue)
    {
      label = gtk_label_new (C_("audit coverage", "Overdue"));
      gtk_widget_add_css_class (label, "warning");
      gtk_widget_set_tooltip_text (label, _("Last audited more than three years ago; only a planned audit covers it"));
    }
  else
    {
      label = gtk_label_new (C_("audit coverage", "Covered"));
      gtk_widget_add_css_class (label, "success");
      gtk_widget_set_tooltip_text (label, _("Audited within three years, or an audit is planned within three"));
    }
  gtk_widget_add_css_class (label, "custos-status-chip");
  gtk_widget_set_halign (label, GTK_ALIGN_START);
  gtk_widget_set_valign (label, GTK_ALIGN_CENTER);
  return label;
}

static GtkWidget *
process_cell (const Row *row)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *name;
  GtkWidget *detail;
  const char *title = custos_record_get_title (row->process);
  g_autofree char *text = g_strdup_printf ("%s · %s", custos_record_get_id (row->process), title ? title : "");

  /* The name on up to two lines; its id leads the line under it. */
  name = gtk_label_new (title != NULL ? title : custos_record_get_id (row->process));
  gtk_label_set_xalign (GTK_LABEL (name), 0);
  gtk_label_set_wrap (GTK_LABEL (name), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (name), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_lines (GTK_LABEL (name), 2);
  gtk_label_set_ellipsize (GTK_LABEL (name), PANGO_ELLIPSIZE_END);
  gtk_label_set_width_chars (GTK_LABEL (name), 10);
  gtk_label_set_max_width_chars (GTK_LABEL (name), 30);
  gtk_box_append (GTK_BOX (box), name);
  detail = gtk_label_new (NULL);
  gtk_label_set_xalign (GTK_LABEL (detail), 0);
  gtk_label_set_ellipsize (GTK_LABEL (detail), PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (detail, "dim-label");
  gtk_widget_add_css_class (detail, "caption");
  gtk_box_append (GTK_BOX (box), detail);
  gtk_widget_set_hexpand (box, TRUE);
  gtk_widget_set_size_request (box, 120, -1);
  gtk_widget_set_valign (box, GTK_ALIGN_CENTER);
  g_object_set_data (G_OBJECT (box), "custos-detail", detail);
  return box;
}

/* The line under a process's name, and all it knows in the tooltip: last
 * audited, next planned, due by. */
static void
set_detail (GtkWidget                 *cell,
            const CustosAuditCoverage *entry)
{
  const char *id = custos_record_get_id (entry->process);
  const char *title = custos_record_get_title (entry->process);
  GtkLabel *detail = g_object_get_data (G_OBJECT (cell), "custos-detail");
  g_autofree char *last = custos_format_gdate (&entry->last_audited);
  g_autofree char *next = custos_format_gdate (&entry->next_planned);
  g_autofree char *due = custos_format_gdate (&entry->due);
  g_autofree char *text = NULL;
  g_autofree char *tooltip = NULL;

  if (last != NULL)
    /* Translators: "PROC-001 · audited 19 Nov 2025 · due by 19 Nov 2028" */
    text = g_strdup_printf (_("%s · audited %s · due by %s"), id, last, due);
  else
    /* Translators: "PROC-009 · never audited" */
    text = g_strdup_printf (_("%s · never audited"), id);
  gtk_label_set_text (detail, text);

  /* Translators: a process's audit coverage in a tooltip: id and name, then
   * when it was last audited, its next planned audit and when it is due */
  tooltip = g_strdup_printf (_("%s · %s\nLast audited: %s\nNext planned: %s\nDue by: %s"),
                             id, title != NULL ? title : "",
                             last != NULL ? last : C_("audit date", "never"),
                             next != NULL ? next : C_("audit date", "none"),
                             due != NULL ? due : "—");
  gtk_widget_set_tooltip_text (cell, tooltip);
}

static GtkWidget *
header_label (const char *text)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_add_css_class (label, "dim-label");
  gtk_widget_add_css_class (label, "caption-heading");
  return label;
}

/* The index-th clause or theme the programme must cover. */
static guint
clause_bit (CustosCoverageView *self,
            guint               index)
{
  guint required = self->document != NULL ? custos_audit_programme_required (self->document) : 0;

  for (guint bit = 1; bit != 0 && bit <= required; bit <<= 1)
    if ((required & bit) != 0 && index-- == 0)
      return bit;
  return 0;
}

static gboolean
refresh (gpointer user_data)
{
  CustosCoverageView *self = user_data;
  g_autoptr(GArray) coverage = NULL;
  GtkWidget *child;
  const GDate *today = custos_clock_get_today (self->clock);

  self->refresh_id = 0;
  compute_rows (self, today);
  if (self->document != NULL)
    coverage = custos_audit_coverage (self->document, today);

  while ((child = gtk_widget_get_first_child (self->header)) != NULL)
    gtk_box_remove (GTK_BOX (self->header), child);
  while ((child = gtk_widget_get_first_child (self->list)) != NULL)
    gtk_list_box_remove (GTK_LIST_BOX (self->list), child);

  /* Header: Process, the years, Coverage. */
  child = header_label (_("Process"));
  gtk_widget_set_hexpand (child, TRUE);
  gtk_box_append (GTK_BOX (self->header), child);
  for (guint y = 0; y < CUSTOS_COVERAGE_N_YEARS; y++)
    {
      g_autofree char *year = g_strdup_printf ("%u", self->first_year + y);

      child = header_label (year);
      if (self->first_year + y == g_date_get_year (today))
        gtk_widget_add_css_class (child, "accent");
      gtk_size_group_add_widget (self->year_group, child);
      gtk_box_append (GTK_BOX (self->header), child);
    }
  child = header_label (_("Coverage"));
  gtk_size_group_add_widget (self->status_group, child);
  gtk_box_append (GTK_BOX (self->header), child);

  for (guint r = 0; r < self->rows->len; r++)
    {
      Row *row = self->rows->pdata[r];
      GtkWidget *list_row = gtk_list_box_row_new ();
      GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
      GtkWidget *cell = process_cell (row);
      g_autofree char *summary = custos_coverage_view_get_row_summary (self, r);

      set_detail (cell, &g_array_index (coverage, CustosAuditCoverage, r));
      gtk_box_append (GTK_BOX (box), cell);
      for (guint y = 0; y < CUSTOS_COVERAGE_N_YEARS; y++)
        {
          GtkWidget *year_box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);

          gtk_widget_set_valign (year_box, GTK_ALIGN_CENTER);
          for (guint m = 0; m < row->marks->len; m++)
            {
              const Mark *mark = &g_array_index (row->marks, Mark, m);
              if (mark->year == self->first_year + y)
                gtk_box_append (GTK_BOX (year_box), mark_button (self, mark));
            }
          if (gtk_widget_get_first_child (year_box) == NULL)
            {
              GtkWidget *none = gtk_label_new ("—");

              gtk_label_set_xalign (GTK_LABEL (none), 0);
              gtk_widget_set_margin_start (none, 8);
              gtk_widget_add_css_class (none, "dim-label");
              gtk_box_append (GTK_BOX (year_box), none);
            }
          gtk_size_group_add_widget (self->year_group, year_box);
          gtk_box_append (GTK_BOX (box), year_box);
        }
      child = status_chip (row);
      gtk_size_group_add_widget (self->status_group, child);
      gtk_box_append (GTK_BOX (box), child);

      gtk_widget_add_css_class (box, "custos-coverage-row");
      gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (list_row), box);
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (list_row), FALSE);
      gtk_list_box_row_set_selectable (GTK_LIST_BOX_ROW (list_row), FALSE);
      gtk_widget_set_focusable (list_row, FALSE);
      if (!row->covered)
        gtk_widget_add_css_class (list_row, "custos-not-covered");
      gtk_accessible_update_property (GTK_ACCESSIBLE (list_row), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, summary, -1);
      gtk_list_box_append (GTK_LIST_BOX (self->list), list_row);
    }
  gtk_widget_set_visible (self->empty, self->rows->len == 0);
  gtk_widget_set_visible (self->list, self->rows->len > 0);

  while ((child = gtk_widget_get_first_child (self->clause_list)) != NULL)
    gtk_list_box_remove (GTK_LIST_BOX (self->clause_list), child);
  for (guint i = 0, n = custos_coverage_view_get_n_clause_rows (self); i < n; i++)
    {
      guint bit = clause_bit (self, i);
      gboolean covered = self->document != NULL && (custos_audit_programme_cycle (self->document, today) & bit) != 0;
      GtkWidget *list_row = gtk_list_box_row_new ();
      GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
      GtkWidget *label = gtk_label_new (custos_enum_value_label (CUSTOS_TYPE_COVERAGE, (int) bit));
      g_autofree char *summary = custos_coverage_view_get_clause_summary (self, i);

      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_widget_set_hexpand (label, TRUE);
      gtk_widget_set_size_request (label, 120, -1);
      gtk_box_append (GTK_BOX (box), label);
      for (guint y = 0; y < CUSTOS_COVERAGE_N_YEARS; y++)
        {
          g_autofree char *ids = NULL;
          GtkWidget *cell;

          g_auto(GStrv) lines = NULL;
          g_autofree char *text = NULL;

          custos_audit_programme_year (self->document, self->first_year + y, bit, &ids);
          /* One id a line, so that every column is as wide as an id. */
          lines = g_strsplit (ids != NULL ? ids : "—", ", ", -1);
          text = g_strjoinv ("\n", lines);
          cell = gtk_label_new (text);
          gtk_label_set_xalign (GTK_LABEL (cell), 0);
          gtk_widget_set_margin_start (cell, 8);
          if (ids == NULL)
            gtk_widget_add_css_class (cell, "dim-label");
          gtk_size_group_add_widget (self->year_group, cell);
          gtk_box_append (GTK_BOX (box), cell);
        }
      label = gtk_label_new (covered ? C_("audit coverage", "Covered") : C_("audit coverage", "Not covered"));
      gtk_widget_add_css_class (label, covered ? "success" : "error");
      gtk_widget_add_css_class (label, "custos-status-chip");
      gtk_widget_set_halign (label, GTK_ALIGN_START);
      gtk_widget_set_valign (label, GTK_ALIGN_CENTER);
      gtk_size_group_add_widget (self->status_group, label);
      gtk_box_append (GTK_BOX (box), label);

      gtk_widget_add_css_class (box, "custos-coverage-row");
      gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (list_row), box);
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (list_row), FALSE);
      gtk_list_box_row_set_selectable (GTK_LIST_BOX_ROW (list_row), FALSE);
      gtk_widget_set_focusable (list_row, FALSE);
      if (!covered)
        gtk_widget_add_css_class (list_row, "custos-not-covered");
      gtk_accessible_update_property (GTK_ACCESSIBLE (list_row), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, summary, -1);
      gtk_list_box_append (GTK_LIST_BOX (self->clause_list), list_row);
    }
  gtk_widget_set_visible (self->clause_list, self->document != NULL);
  return G_SOURCE_REMOVE;
}

static void
queue_refresh (CustosCoverageView *self)
{
  if (self->refresh_id == 0)
    self->refresh_id = g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, refresh, self, NULL);
}

static void
refresh_now (CustosCoverageView *self)
{
  g_clear_handle_id (&self->refresh_id, g_source_remove);
  refresh (self);
}

static void
on_document_changed (CustosDocument     *document,
                     CustosRecord       *record,
                     CustosCoverageView *self)
{
  if (record == NULL || CUSTOS_IS_AUDIT (record) || CUSTOS_IS_PROCESS (record))
    queue_refresh (self);
}

/* Public ---------------------------------------------------------------- */

CustosDocument *
custos_coverage_view_get_document (CustosCoverageView *self)
{
  g_return_val_if_fail (CUSTOS_IS_COVERAGE_VIEW (self), NULL);
  return self->document;
}

void
custos_coverage_view_set_document (CustosCoverageView *self,
                                   CustosDocument     *document)
{
  g_return_if_fail (CUSTOS_IS_COVERAGE_VIEW (self));
  g_return_if_fail (document == NULL || CUSTOS_IS_DOCUMENT (document));

  if (self->document == document)
    return;
  if (self->document != NULL)
    g_signal_handlers_disconnect_by_func (self->document, on_document_changed, self);
  g_set_object (&self->document, document);
  if (document != NULL)
    g_signal_connect_object (document, "changed", G_CALLBACK (on_document_changed), self, 0);
  refresh_now (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DOCUMENT]);
}

guint
custos_coverage_view_get_first_year (CustosCoverageView *self)
{
  g_return_val_if_fail (CUSTOS_IS_COVERAGE_VIEW (self), 0);
  if (self->refresh_id != 0)
    refresh_now (self);
  return self->first_year;
}

guint
custos_coverage_view_get_n_rows (CustosCoverageView *self)
{
  g_return_val_if_fail (CUSTOS_IS_COVERAGE_VIEW (self), 0);
  if (self->refresh_id != 0)
    refresh_now (self);
  return self->rows->len;
}

char *
custos_coverage_view_get_row_summary (CustosCoverageView *self,
                                      guint               index)
{
  static const char *kinds[] = { [MARK_DONE] = "done", [MARK_PLANNED] = "planned", [MARK_MISSED] = "missed" };
  GString *text;
  Row *row;

  g_return_val_if_fail (CUSTOS_IS_COVERAGE_VIEW (self), NULL);
  if (self->refresh_id != 0)
    refresh_now (self);
  g_return_val_if_fail (index < self->rows->len, NULL);

  row = self->rows->pdata[index];
  text = g_string_new (custos_record_get_id (row->process));
  for (guint y = 0; y < CUSTOS_COVERAGE_N_YEARS; y++)
    {
      guint shown = 0;

      g_string_append_printf (text, " | %u:", self->first_year + y);
      for (guint m = 0; m < row->marks->len; m++)
        {
          const Mark *mark = &g_array_index (row->marks, Mark, m);

          if (mark->year != self->first_year + y)
            continue;
          g_string_append_printf (text, "%s %s %s", shown > 0 ? "," : "", custos_record_get_id (mark->audit),
                                  kinds[mark->kind]);
          shown++;
        }
      if (shown == 0)
        g_string_append (text, " —");
    }
  g_string_append_printf (text, " | %s", !row->covered ? "not covered" : row->overdue ? "overdue" : "covered");
  return g_string_free (text, FALSE);
}

guint
custos_coverage_view_get_n_clause_rows (CustosCoverageView *self)
{
  g_return_val_if_fail (CUSTOS_IS_COVERAGE_VIEW (self), 0);
  return self->document != NULL ? (guint) __builtin_popcount (custos_audit_programme_required (self->document)) : 0;
}

char *
custos_coverage_view_get_clause_summary (CustosCoverageView *self,
                                         guint               index)
{
  const GDate *today;
  GString *text;
  guint bit;

  g_return_val_if_fail (CUSTOS_IS_COVERAGE_VIEW (self), NULL);
  g_return_val_if_fail (index < custos_coverage_view_get_n_clause_rows (self), NULL);

  today = custos_clock_get_today (self->clock);
  bit = clause_bit (self, index);
  text = g_string_new (custos_enum_value_label (CUSTOS_TYPE_COVERAGE, (int) bit));
  for (guint y = 0; y < CUSTOS_COVERAGE_N_YEARS; y++)
    {
      g_autofree char *ids = NULL;

      custos_audit_programme_year (self->document, self->first_year + y, bit, &ids);
      g_string_append_printf (text, " | %u: %s", self->first_year + y, ids != NULL ? ids : "—");
    }
  g_string_append_printf (text, " | %s",
                          (custos_audit_programme_cycle (self->document, today) & bit) != 0 ? "covered" : "not covered");
  return g_string_free (text, FALSE);
}

/* GObject ------------------------------------------------------------------- */

static void
on_today (CustosCoverageView *self)
{
  refresh_now (self);
}

/* Today; a new date (midnight, a window woken up) refreshes what depends on it. */
static void
set_clock (CustosCoverageView *self,
           CustosClock        *clock)
{
  if (!custos_clock_watch (&self->clock, clock, G_CALLBACK (on_today), self))
    return;
  on_today (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CLOCK]);
}

static void
custos_coverage_view_dispose (GObject *object)
{
  CustosCoverageView *self = CUSTOS_COVERAGE_VIEW (object);

  g_clear_handle_id (&self->refresh_id, g_source_remove);
  if (self->document != NULL)
    g_signal_handlers_disconnect_by_func (self->document, on_document_changed, self);
  g_clear_pointer (&self->box, gtk_widget_unparent);
  g_clear_object (&self->year_group);
  g_clear_object (&self->status_group);
  g_ptr_array_set_size (self->rows, 0);
  g_clear_object (&self->document);
  custos_clock_unwatch (&self->clock, self);

  G_OBJECT_CLASS (custos_coverage_view_parent_class)->dispose (object);
}

static void
custos_coverage_view_finalize (GObject *object)
{
  CustosCoverageView *self = CUSTOS_COVERAGE_VIEW (object);

  g_ptr_array_unref (self->rows);

  G_OBJECT_CLASS (custos_coverage_view_parent_class)->finalize (object);
}

static void
custos_coverage_view_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  switch (prop_id)
    {
    case PROP_DOCUMENT:
      g_value_set_object (value, CUSTOS_COVERAGE_VIEW (object)->document);
      break;
    case PROP_CLOCK:
      g_value_set_object (value, CUSTOS_COVERAGE_VIEW (object)->clock);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
custos_coverage_view_set_property (GObject      *object,
                                   guint         prop_id,
                                   const GValue *value,
                                   GParamSpec   *pspec)
{
  switch (prop_id)
    {
    case PROP_DOCUMENT:
      custos_coverage_view_set_document (CUSTOS_COVERAGE_VIEW (object), g_value_get_object (value));
      break;
    case PROP_CLOCK:
      set_clock (CUSTOS_COVERAGE_VIEW (object), g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
custos_coverage_view_class_init (CustosCoverageViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = custos_coverage_view_dispose;
  object_class->finalize = custos_coverage_view_finalize;
  object_class->get_property = custos_coverage_view_get_property;
  object_class->set_property = custos_coverage_view_set_property;

  properties[PROP_DOCUMENT] =
    g_param_spec_object ("document", NULL, NULL, CUSTOS_TYPE_DOCUMENT,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  /* Today: coverage is judged on its date. */
  properties[PROP_CLOCK] =
    g_param_spec_object ("clock", NULL, NULL, CUSTOS_TYPE_CLOCK,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * CustosCoverageView::audit-activated:
   * @audit: the audit whose mark was clicked
   */
  signals[AUDIT_ACTIVATED] = g_signal_new ("audit-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                           0, NULL, NULL, NULL, G_TYPE_NONE, 1, CUSTOS_TYPE_RECORD);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "custos-coverage-view");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
custos_coverage_view_init (CustosCoverageView *self)
{
  custos_clock_watch (&self->clock, NULL, G_CALLBACK (on_today), self);
  self->rows = g_ptr_array_new_with_free_func (row_free);
  self->year_group = gtk_size_group_new (GTK_SIZE_GROUP_HORIZONTAL);
  self->status_group = gtk_size_group_new (GTK_SIZE_GROUP_HORIZONTAL);

  self->box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  gtk_widget_set_parent (self->box, GTK_WIDGET (self));
  self->header = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  gtk_widget_add_css_class (self->header, "custos-coverage-header");
  gtk_box_append (GTK_BOX (self->box), self->header);
  self->list = gtk_list_box_new ();
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (self->list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (self->list, "boxed-list");
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->list), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Audit coverage by process"), -1);
  gtk_box_append (GTK_BOX (self->box), self->list);
  self->empty = gtk_label_new (_("No processes yet: list them on the Operation page to plan their audits."));
  gtk_label_set_wrap (GTK_LABEL (self->empty), TRUE);
  gtk_widget_add_css_class (self->empty, "dim-label");
  gtk_box_append (GTK_BOX (self->box), self->empty);
  {
    GtkWidget *heading = header_label (_("Clauses and Annex A themes"));

    gtk_widget_set_margin_top (heading, 12);
    gtk_box_append (GTK_BOX (self->box), heading);
  }
  self->clause_list = gtk_list_box_new ();
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (self->clause_list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (self->clause_list, "boxed-list");
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->clause_list), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Audit coverage by clause and Annex A theme"), -1);
  gtk_box_append (GTK_BOX (self->box), self->clause_list);
  refresh_now (self);
}

GtkWidget *
custos_coverage_view_new (void)
{
  return g_object_new (CUSTOS_TYPE_COVERAGE_VIEW, NULL);
}
