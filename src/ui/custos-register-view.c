/* SPDX-License-Identifier: GPL-3.0-or-later */
/* custos-register-view.c — one register as a sortable, searchable list with an editor
 *
 * The register (a GListModel of the document) is filtered by the search, then
 * sorted by the column view's sorter, then shown through a GtkSingleSelection:
 *
 *   register ─▶ GtkFilterListModel ─▶ GtkSortListModel ─▶ GtkSliceListModel ─▶ GtkSingleSelection ─▶ GtkColumnView
 *
 * GTK 4.8's column view keeps 200 rows of cells whatever its height. When a
 * register is shown, the slice lets it make only as many rows as its window
 * is tall (first_rows()) for the frame that shows the page, then grows by a
 * few rows an idle, once that frame is painted, until it holds everything.
 * A search that replaces most of those 200 rows does the same
 * (filter_changed()): GTK 4.8 makes a row anew for each record a keystroke
 * brings in, so the frame after it makes a window's height of them, and
 * idles make the rest once the typing pauses.
 *
 * Cells are bound lazily by the factories and watch their record only while
 * bound, so a register of 10,000 risks costs the rows on screen, not more.
 * Beside the list (below it when the view is narrow) a CustosRecordEditor
 * edits the selected record. The verbs are the widget's actions: register.add,
 * register.duplicate, register.delete and register.focus-search.
 */
#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

#include "custos-cell-text.h"
#include "custos-field-format.h"
#include "custos-paned.h"
#include "custos-record-editor.h"
#include "custos-register-view.h"
#include "custos-wrap-box.h"

/* Below this width the editor goes under the list. */
#define NARROW_WIDTH 760

/* Rows made for the first frame of a register (see the slice above): the
 * window's height in rows no shorter than MIN_ROW_HEIGHT pixels, or
 * FIRST_ROWS before it has one; then MORE_ROWS an idle. */
#define FIRST_ROWS     64
#define MIN_ROW_HEIGHT 24
#define MORE_ROWS      48
/* A search makes the rows it shows, and the rest after a pause in typing (ms). */
#define TYPING_PAUSE   400

/* Columns that show no field of their own. */
#define COLUMN_ID    (-1)
#define COLUMN_TITLE (-2) /* what names a record without a title field: an SoA entry's control */

typedef struct
{
  CustosRegisterView  *view;
  int                  field;   /* index in the kind's fields, or COLUMN_ID / COLUMN_TITLE */
  GtkColumnViewColumn *column;
} Column;

struct _CustosRegisterView
{
  GtkWidget           parent_instance;

  CustosDocument     *document;
  char               *register_name;
  const CustosKind   *kind;
  int                 reg;        /* CustosRegister, or -1 */
  GListModel         *records;    /* the document's register, watched for the empty state */
  CustosRecord       *selected;
  CustosRecord       *deleted;    /* the last record deleted here, selected again when it comes back */
  AdwToast           *undo_toast; /* weak */
  CustosDocument     *undo_document; /* the document the toast's Undo is about */
  char               *search_text;
  char               *key;        /* case-folded search, NULL when empty */
  GHashTable         *haystacks;  /* CustosRecord → what the search looks in (haystack_of) */
  guint               haystack_idle; /* fills haystacks ahead of the first keystroke */
  guint               haystack_next; /* the register position it goes on from */

  GtkCustomFilter    *filter;
  GtkFilterListModel *filtered;
  GtkSortListModel   *sorted;
  GtkSliceListModel  *slice;      /* of sorted, whole but while a register is first shown */
  guint               rows_idle;  /* grows the slice */
  gulong              rows_paint; /* on the frame clock: the frame before growing it */
  GtkSingleSelection *selection;
  GPtrArray          *columns;    /* Column * */
  GPtrArray          *extra_columns; /* GtkColumnViewColumn *, added by custos_register_view_add_column() */
  GtkCustomFilterFunc extra_filter;  /* ANDed with the search */
  gpointer            extra_filter_data;
  GDestroyNotify      extra_filter_destroy;

  gboolean            syncing_entry;
  gboolean            holding_selection; /* filter_changed() puts the selection back */
  gboolean            narrow;
  gboolean            position_set;
  guint               layout_idle;

  /* template children */
  GtkWidget          *box;
  GtkWidget          *header;
  GtkBox             *header_extra;
  GtkBox             *editor_box;
  GtkLabel           *title_label;
  GtkLabel           *subtitle_label;
  GtkSearchEntry     *search_entry;
  GtkButton          *add_button;
  GtkStack           *stack;
  AdwStatusPage      *empty_page;
  GtkButton          *empty_add_button;
  GtkPaned           *paned;
  GtkStack           *results_stack;
  GtkColumnView      *column_view;
  GtkStack           *editor_stack;
  GtkScrolledWindow  *editor_scroller;
  CustosRecordEditor *editor;
};

static void custos_register_view_buildable_init (GtkBuildableIface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (CustosRegisterView, custos_register_view, GTK_TYPE_WIDGET,
                               G_IMPLEMENT_INTERFACE (GTK_TYPE_BUILDABLE, custos_register_view_buildable_init))

static GtkBuildableIface *parent_buildable_iface;

enum {
  PROP_0,
  PROP_DOCUMENT,
  PROP_REGISTER_NAME,
  PROP_SELECTED,
  PROP_SEARCH_TEXT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* What an empty register says, and what its Add button is called. */
typedef struct
{
  const char *register_name;
  const char *title;
  const char *description;
  const char *add;
} EmptyState;

static const EmptyState empty_states[] = {
  { "revisions", N_("No Revisions Yet"),
    N_("Record each version of the ISMS documentation, who changed it and who approved it."), N_("_Add Revision") },
  { "issues", N_("No Issues Yet"),
    N_("List the internal and external issues that affect what the ISMS can achieve."), N_("_Add Issue") },
  { "parties", N_("No Interested Parties Yet"),
    N_("List the parties with an interest in the ISMS and what they need and expect."), N_("_Add Interested Party") },
  { "requirements", N_("No Requirements Yet"),
    N_("List the legal, statutory, regulatory and contractual requirements, their source, and how the ISMS meets them."),
    N_("_Add Requirement") },
  { "roles", N_("No Roles Yet"),
    N_("Assign the responsibilities and authorities of the roles relevant to information security."), N_("_Add Role") },
  { "assets", N_("No Assets Yet"),
    N_("List the information and the assets that hold or process it, with their owners."), N_("_Add Asset") },
  { "risks", N_("No Risks Yet"),
    N_("Identify the risks to the confidentiality, integrity and availability of information in scope."), N_("_Add Risk") },
  { "actions", N_("No Treatment Actions Yet"),
    N_("Plan how each risk is treated: the controls, who does it, with what and by when."), N_("_Add Action") },
  { "soa", N_("No Controls"),
    N_("The Statement of Applicability lists every Annex A control of the document’s edition."), NULL },
  { "evidence-items", N_("No Evidence Yet"),
    N_("Record what shows each control works: a document, a file or a link, its date and when it was last verified."),
    N_("_Add Evidence") },
  { "objectives", N_("No Objectives Yet"),
    N_("Set measurable information security objectives, who owns them and when they are due."), N_("_Add Objective") },
  { "competences", N_("No Competence Requirements Yet"),
    N_("Describe the competence each role needs and how it is verified."), N_("_Add Requirement") },
  { "trainings", N_("No Training Records Yet"),
    N_("Record training, awareness sessions and qualifications as evidence of competence."), N_("_Add Training Record") },
  { "communications", N_("No Communications Planned"),
    N_("Plan what is communicated, when, to whom, by whom and how."), N_("_Add Communication") },
  { "documents", N_("No Documents Yet"),
    N_("Keep the register of controlled documents: versions, owners, approvals and reviews."), N_("_Add Document") },
  { "processes", N_("No Processes Yet"),
    N_("List the operational processes of the ISMS and the risks they address."), N_("_Add Process") },
  { "suppliers", N_("No Suppliers Yet"),
    N_("List the suppliers who handle your information or run your services, how critical they are, how they "
       "were assessed and what their contracts require."), N_("_Add Supplier") },
  { "measures", N_("No Measures Yet"),
    N_("Decide what is monitored and measured, how, when and by whom."), N_("_Add Measure") },
  { "measurements", N_("No Results Yet"),
    N_("Record the results of monitoring and measurement."), N_("_Add Result") },
  { "audits", N_("No Audits Planned"),
    N_("Plan the internal audit programme: scope, frequency, auditors and results."), N_("_Add Audit") },
  { "findings", N_("No Findings Yet"),
    N_("Record what the internal audits found."), N_("_Add Finding") },
  { "reviews", N_("No Management Reviews Yet"),
    N_("Record the inputs and decisions of each management review."), N_("_Add Review") },
  { "review-actions", N_("No Review Actions Yet"),
    N_("Follow up the actions decided in management reviews."), N_("_Add Action") },
  { "nonconformities", N_("No Nonconformities"),
    N_("Record nonconformities, their root causes and the corrective actions taken."), N_("_Add Nonconformity") },
  { "incidents", N_("No Incidents Recorded"),
    N_("Log information security incidents, the response and the lessons learned."), N_("_Add Incident") },
};

static const EmptyState *
find_empty_state (const char *register_name)
{
  for (guint i = 0; i < G_N_ELEMENTS (empty_states); i++)
    if (g_strcmp0 (empty_states[i].register_name, register_name) == 0)
      return &empty_states[i];
  return NULL;
}

static gboolean
can_add (CustosRegisterView *self)
{
  return self->document != NULL && self->kind != NULL && self->kind->id_prefix != NULL;
}

static void
update_actions (CustosRegisterView *self)
{
  gboolean editable = can_add (self);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "register.add", editable);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "register.duplicate", editable && self->selected != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "register.delete", editable && self->selected != NULL);
}

static void
update_state (CustosRegisterView *self)
{
  guint total, shown;

  if (self->stack == NULL || self->sorted == NULL)
    return; /* disposed */
  total = self->records != NULL ? g_list_model_get_n_items (self->records) : 0;
  shown = g_list_model_get_n_items (G_LIST_MODEL (self->sorted));
  gtk_stack_set_visible_child_name (self->stack, total == 0 && self->key == NULL ? "empty" : "list");
  gtk_stack_set_visible_child_name (self->results_stack, shown == 0 ? "no-results" : "results");
  gtk_widget_set_sensitive (GTK_WIDGET (self->search_entry), total > 0 || self->key != NULL);
}

static const char *ref_title (CustosRegisterView *self,
                              const CustosField  *field,
                              const char         *id);

/* Cells ------------------------------------------------------------------ */

static gboolean
is_title_column (Column *column)
{
  return column->field == COLUMN_TITLE ||
         (column->field >= 0 && (column->view->kind->fields[column->field].flags & CUSTOS_FIELD_FLAG_TITLE) != 0);
}

static void
update_cell (GtkListItem *list_item,
             Column      *column)
{
  CustosRecord *record = gtk_list_item_get_item (list_item);
  CustosCellText *cell = CUSTOS_CELL_TEXT (gtk_list_item_get_child (list_item));
  g_autofree char *text = NULL;

  if (record == NULL)
    return;
  if (column->field == COLUMN_ID)
    text = g_strdup (custos_record_get_id (record));
  else if (column->field == COLUMN_TITLE)
    text = custos_format_record_title (column->view->document, record);
  else if (column->view->kind->fields[column->field].type == CUSTOS_FIELD_REF)
    {
      /* A reference reads by the title of what it names; the id is in the editor. */
      const CustosField *field = &column->view->kind->fields[column->field];
      const char *id = custos_record_get_string_at (record, column->field);
      const char *title = ref_title (column->view, field, id);

      text = g_strdup (title != NULL ? title : "");
    }
  else
    text = custos_format_field (column->view->document, record, (guint) column->field);
  if (is_title_column (column) && custos_record_get_to_review (record))
    {
      /* Drafted or imported, not yet confirmed: the list says so too. */
      /* In front: a long title is cut at its end. */
      g_autofree char *markup = g_markup_printf_escaped ("<b><small>%s</small></b>  %s", _("To review"), text);
      custos_cell_text_set_markup (cell, markup);
    }
  else
    custos_cell_text_set_text (cell, text);
}

static void
on_cell_record_notify (CustosRecord *record,
                       GParamSpec   *pspec,
                       GtkListItem  *list_item)
{
  Column *column = g_object_get_data (G_OBJECT (list_item), "custos-column");

  if (column != NULL)
    update_cell (list_item, column);
}

static void
setup_cell (GtkSignalListItemFactory *factory,
            GtkListItem              *list_item,
            Column                   *column)
{
  /* Some 200 rows of these exist at 10,000 records: see custos-cell-text.c. */
  GtkWidget *cell = custos_cell_text_new ();
  const CustosField *field = column->field >= 0 ? &column->view->kind->fields[column->field] : NULL;

  custos_cell_text_set_chars (CUSTOS_CELL_TEXT (cell), 4, 0);
  if ((field != NULL && (field->flags & CUSTOS_FIELD_FLAG_TITLE) != 0) || column->field == COLUMN_TITLE)
    {
      /* The title column takes the room the others leave, but never vanishes. */
      custos_cell_text_set_chars (CUSTOS_CELL_TEXT (cell), 24, 40);
    }
  else if (field != NULL && field->type == CUSTOS_FIELD_BOOL)
    custos_cell_text_set_xalign (CUSTOS_CELL_TEXT (cell), 0.5);
  else if (field != NULL && ((field->type == CUSTOS_FIELD_INT && field->min >= 0) || field->type == CUSTOS_FIELD_NUMBER))
    custos_cell_text_set_xalign (CUSTOS_CELL_TEXT (cell), 1.0);
  if (column->field == COLUMN_ID)
    custos_cell_text_set_numeric (CUSTOS_CELL_TEXT (cell), TRUE);
  gtk_list_item_set_child (list_item, cell);
}

static void
bind_cell (GtkSignalListItemFactory *factory,
           GtkListItem              *list_item,
           Column                   *column)
{
  CustosRecord *record = gtk_list_item_get_item (list_item);
  g_autofree char *detailed = NULL;

  update_cell (list_item, column);
  /* Watch the record only while it is on screen. */
  detailed = column->field < 0 ? g_strdup ("notify::id") /* an SoA entry's title follows its id */
                               : g_strconcat ("notify::", column->view->kind->fields[column->field].name, NULL);
  g_object_set_data (G_OBJECT (list_item), "custos-column", column);
  g_signal_connect (record, detailed, G_CALLBACK (on_cell_record_notify), list_item);
  if (is_title_column (column))
    g_signal_connect (record, "notify::to-review", G_CALLBACK (on_cell_record_notify), list_item);
}

static void
unbind_cell (GtkSignalListItemFactory *factory,
             GtkListItem              *list_item,
             Column                   *column)
{
  CustosRecord *record = gtk_list_item_get_item (list_item);

  if (record != NULL)
    g_signal_handlers_disconnect_by_func (record, on_cell_record_notify, list_item);
}

/* Sorting ---------------------------------------------------------------- */

static const char *
ref_title (CustosRegisterView *self,
           const CustosField  *field,
           const char         *id)
{
  const CustosKind *target = field->target != NULL ? custos_kinds_lookup (field->target) : NULL;
  CustosRecord *record = NULL;

  if (id == NULL)
    return NULL;
  if (self->document != NULL && target != NULL && custos_kinds_register_index (target) >= 0)
    record = custos_document_lookup (self->document, custos_kinds_register_index (target), id);
  return record != NULL ? custos_record_get_title (record) : id;
}

static int
compare_values (CustosRegisterView *self,
                const CustosField  *field,
                const GValue       *a,
                const GValue       *b)
{
  switch (field->type)
    {
    case CUSTOS_FIELD_STRING:
    case CUSTOS_FIELD_TEXT:
    case CUSTOS_FIELD_DATE:
      return custos_natural_compare (g_value_get_string (a), g_value_get_string (b));

    case CUSTOS_FIELD_INT:
      return (g_value_get_int (a) > g_value_get_int (b)) - (g_value_get_int (a) < g_value_get_int (b));

    case CUSTOS_FIELD_NUMBER:
      {
        double x = g_value_get_double (a), y = g_value_get_double (b);

        if (isnan (x) || isnan (y))
          return isnan (x) - isnan (y); /* not set: last */
        return (x > y) - (x < y);
      }

    case CUSTOS_FIELD_BOOL:
      return !!g_value_get_boolean (a) - !!g_value_get_boolean (b);

    case CUSTOS_FIELD_ENUM:
      return (g_value_get_enum (a) > g_value_get_enum (b)) - (g_value_get_enum (a) < g_value_get_enum (b));

    case CUSTOS_FIELD_FLAGS:
      return (g_value_get_flags (a) > g_value_get_flags (b)) - (g_value_get_flags (a) < g_value_get_flags (b));

    case CUSTOS_FIELD_REF:
      return custos_natural_compare (ref_title (self, field, g_value_get_string (a)),
                                     ref_title (self, field, g_value_get_string (b)));

    case CUSTOS_FIELD_REFS:
    case CUSTOS_FIELD_CONTROLS:
    case CUSTOS_FIELD_STRINGS:
      {
        const char * const *x = g_value_get_boxed (a);
        const char * const *y = g_value_get_boxed (b);
        guint i;

        for (i = 0; x != NULL && y != NULL && x[i] != NULL && y[i] != NULL; i++)
          {
            int cmp = custos_natural_compare (x[i], y[i]);
            if (cmp != 0)
              return cmp;
          }
        return (x != NULL && x[i] != NULL) - (y != NULL && y[i] != NULL);
      }

    default:
      g_assert_not_reached ();
    }
}

static int
compare_records (gconstpointer a,
                 gconstpointer b,
                 gpointer      user_data)
{
  Column *column = user_data;
  CustosRecord *x = (CustosRecord *) a;
  CustosRecord *y = (CustosRecord *) b;
  int cmp;

  if (column->field == COLUMN_ID)
    cmp = custos_natural_compare (custos_record_get_id (x), custos_record_get_id (y));
  else if (column->field == COLUMN_TITLE)
    {
      g_autofree char *tx = custos_format_record_title (column->view->document, x);
      g_autofree char *ty = custos_format_record_title (column->view->document, y);
      cmp = custos_natural_compare (tx, ty);
    }
  else
    cmp = compare_values (column->view, &column->view->kind->fields[column->field],
                          custos_record_get_value (x, (guint) column->field),
                          custos_record_get_value (y, (guint) column->field));
  return cmp < 0 ? GTK_ORDERING_SMALLER : cmp > 0 ? GTK_ORDERING_LARGER : GTK_ORDERING_EQUAL;
}

/* Columns ---------------------------------------------------------------- */

static int
column_width (const CustosField *field)
{
  switch (field->type)
    {
    case CUSTOS_FIELD_STRING:     return 150;
    case CUSTOS_FIELD_TEXT:       return 220;
    case CUSTOS_FIELD_INT:        return field->min < 0 ? 130 : 90;
    case CUSTOS_FIELD_NUMBER:     return 90;
    case CUSTOS_FIELD_BOOL:       return 100;
    case CUSTOS_FIELD_DATE:       return 110;
    case CUSTOS_FIELD_ENUM:       return 130;
    case CUSTOS_FIELD_FLAGS:      return 170;
    case CUSTOS_FIELD_REF:        return 160;
    case CUSTOS_FIELD_REFS:
    case CUSTOS_FIELD_CONTROLS:
    case CUSTOS_FIELD_STRINGS:    return 200;
    default:                      g_assert_not_reached ();
    }
}

static void
column_free (Column *column)
{
  g_clear_object (&column->column);
  g_free (column);
}

static void
add_column (CustosRegisterView *self,
            int                 field_index)
{
  const CustosField *field = field_index >= 0 ? &self->kind->fields[field_index] : NULL;
  Column *column = g_new0 (Column, 1);
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
  GtkSorter *sorter;
  const char *title;

  column->view = self;
  column->field = field_index;
  g_signal_connect (factory, "setup", G_CALLBACK (setup_cell), column);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_cell), column);
  g_signal_connect (factory, "unbind", G_CALLBACK (unbind_cell), column);

  if (field != NULL)
    title = _(field->label);
  else if (field_index == COLUMN_TITLE)
    title = C_("column", "Title");
  else
    title = C_("column", "ID");
  column->column = gtk_column_view_column_new (title, factory);
  sorter = GTK_SORTER (gtk_custom_sorter_new (compare_records, column, NULL));
  gtk_column_view_column_set_sorter (column->column, sorter);
  g_object_unref (sorter);
  gtk_column_view_column_set_resizable (column->column, TRUE);
  if ((field != NULL && (field->flags & CUSTOS_FIELD_FLAG_TITLE) != 0) || field_index == COLUMN_TITLE)
    gtk_column_view_column_set_expand (column->column, TRUE);
  else
    {
      /* Wide enough for the values, and for the header when it is longer. */
      g_autoptr(PangoLayout) layout = gtk_widget_create_pango_layout (GTK_WIDGET (self->column_view), title);
      int header_width = 0;

      pango_layout_get_pixel_size (layout, &header_width, NULL);
      gtk_column_view_column_set_fixed_width (column->column,
                                              MAX (field != NULL ? column_width (field) : 90,
                                                   MIN (header_width + 32, 220)));
    }

  gtk_column_view_append_column (self->column_view, column->column);
  g_ptr_array_add (self->columns, column);
}

static void
clear_columns (CustosRegisterView *self)
{
  for (guint i = 0; i < self->columns->len; i++)
    {
      Column *column = g_ptr_array_index (self->columns, i);
      gtk_column_view_remove_column (self->column_view, column->column);
    }
  g_ptr_array_set_size (self->columns, 0);
}

static void
insert_column (CustosRegisterView  *self,
               GtkColumnViewColumn *column,
               int                  position)
{
  guint n = g_list_model_get_n_items (gtk_column_view_get_columns (self->column_view));

  if (position < 0 || (guint) position >= n)
    gtk_column_view_append_column (self->column_view, column);
  else
    gtk_column_view_insert_column (self->column_view, (guint) position, column);
}

static void
build_columns (CustosRegisterView *self)
{
  clear_columns (self);
  if (self->kind == NULL)
    return;
  add_column (self, COLUMN_ID);
  /* The title first, then the other summary fields in their order. */
  for (guint i = 0; i < self->kind->n_fields; i++)
    if ((self->kind->fields[i].flags & CUSTOS_FIELD_FLAG_TITLE) != 0)
      add_column (self, (int) i);
  if (g_type_is_a (self->kind->get_type (), CUSTOS_TYPE_SOA_ENTRY))
    add_column (self, COLUMN_TITLE);
  for (guint i = 0; i < self->kind->n_fields; i++)
    if ((self->kind->fields[i].flags & CUSTOS_FIELD_FLAG_SUMMARY) != 0 &&
        (self->kind->fields[i].flags & CUSTOS_FIELD_FLAG_TITLE) == 0)
      add_column (self, (int) i);
  /* Columns added from outside keep the places they were given. */
  for (guint i = 0; i < self->extra_columns->len; i++)
    {
      GtkColumnViewColumn *column = g_ptr_array_index (self->extra_columns, i);
      int position = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (column), "custos-position"));

      g_object_ref (column);
      gtk_column_view_remove_column (self->column_view, column);
      insert_column (self, column, position);
      g_object_unref (column);
    }
}

/* Search ---------------------------------------------------------------- */

/* Everything the search looks in, case-folded, one field a line: built the
 * first time a record is searched and kept until the record changes, so that
 * a keystroke costs one strstr() a record. */
static const char *
haystack_of (CustosRegisterView *self,
             CustosRecord       *record)
{
  const CustosKind *kind = self->kind;
  g_autoptr(GString) text = NULL;
  char *haystack = g_hash_table_lookup (self->haystacks, record);

  if (haystack != NULL)
    return haystack;
  text = g_string_new (custos_record_get_id (record));
  for (guint i = 0; i < kind->n_fields; i++)
    {
      const GValue *value;

      switch (kind->fields[i].type)
        {
        case CUSTOS_FIELD_STRING:
        case CUSTOS_FIELD_TEXT:
          value = custos_record_get_value (record, i);
          if (g_value_get_string (value) != NULL)
            g_string_append_printf (text, "\n%s", g_value_get_string (value));
          break;
        case CUSTOS_FIELD_STRINGS:
          value = custos_record_get_value (record, i);
          for (const char * const *s = g_value_get_boxed (value); s != NULL && *s != NULL; s++)
            g_string_append_printf (text, "\n%s", *s);
          break;
        default:
          break;
        }
    }
  /* SoA entries are found by their control's title. */
  if (CUSTOS_IS_SOA_ENTRY (record) && self->document != NULL)
    {
      const char *title = custos_document_get_control_title (self->document, custos_record_get_id (record));
      if (title != NULL)
        g_string_append_printf (text, "\n%s", title);
    }
  haystack = g_utf8_casefold (text->str, (gssize) text->len);
  g_hash_table_insert (self->haystacks, g_object_ref (record), haystack);
  return haystack;
}

/* While the view is on screen and nobody types, a few hundred records an
 * idle: the first keystroke in a register of 10,000 records then costs one
 * strstr() a record too, instead of building every haystack in one frame. */
static gboolean
fill_haystacks (gpointer user_data)
{
  CustosRegisterView *self = user_data;
  guint n = self->records != NULL ? g_list_model_get_n_items (self->records) : 0;
  guint end = MIN (n, self->haystack_next + 500);

  for (; self->haystack_next < end; self->haystack_next++)
    {
      g_autoptr(CustosRecord) record = g_list_model_get_item (self->records, self->haystack_next);
      haystack_of (self, record);
    }
  if (self->haystack_next < n)
    return G_SOURCE_CONTINUE;
  self->haystack_idle = 0;
  return G_SOURCE_REMOVE;
}

static void
resume_fill_haystacks (CustosRegisterView *self)
{
  if (self->haystack_idle == 0 && self->records != NULL &&
      self->haystack_next < g_list_model_get_n_items (self->records))
    self->haystack_idle = g_idle_add_full (G_PRIORITY_LOW, fill_haystacks, self, NULL);
}

static void
queue_fill_haystacks (CustosRegisterView *self)
{
  self->haystack_next = 0;
  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    resume_fill_haystacks (self);
}


static void
on_field_changed (CustosDocument     *document,
                  CustosRecord       *record,
                  GParamSpec         *pspec,
                  CustosRegisterView *self)
{
  g_hash_table_remove (self->haystacks, record);
}

static gboolean
filter_record (gpointer item,
               gpointer user_data)
{
  CustosRegisterView *self = user_data;

  if (self->extra_filter != NULL && !self->extra_filter (item, self->extra_filter_data))
    return FALSE;
  return self->key == NULL || strstr (haystack_of (self, item), self->key) != NULL;
}

const char *
custos_register_view_get_search_text (CustosRegisterView *self)
{
  g_return_val_if_fail (CUSTOS_IS_REGISTER_VIEW (self), NULL);
  return self->search_text != NULL ? self->search_text : "";
}

static guint first_rows      (CustosRegisterView *self);
static gboolean typing_paused (gpointer user_data);
static void  queue_grow_rows (CustosRegisterView *self);
static int   shown_position  (CustosRegisterView *self,
                              CustosRecord       *record);
static void  on_selected_item_notify (GtkSingleSelection *selection,
                                      GParamSpec         *pspec,
                                      CustosRegisterView *self);

/* How many of the records in rows now (GTK 4.8 keeps 200) the search for
 * key, narrower than the last, takes away: the rows GTK would make anew. */
static guint
rows_dropped (CustosRegisterView *self)
{
  GListModel *shown = G_LIST_MODEL (self->slice);
  guint n = MIN (g_list_model_get_n_items (shown), 200), dropped = 0;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(CustosRecord) record = g_list_model_get_item (shown, i);

      dropped += strstr (haystack_of (self, record), self->key) == NULL;
    }
  return dropped;
}

/* The search or another filter changed. With cut (what fills the rows
 * changes wholesale), on screen, the rows are cut to a window's height
 * first (see the slice at the top), so that the frame showing the result
 * makes no more rows than it shows, and the rest wait for a pause in the
 * typing; the selected record stays selected if it is still shown,
 * wherever it now is. */
static void
filter_changed (CustosRegisterView *self,
                GtkFilterChange     change,
                gboolean            cut)
{
  g_autoptr(CustosRecord) selected = NULL;
  int position;

  if (!cut || !gtk_widget_get_mapped (GTK_WIDGET (self)))
    {
      gtk_filter_changed (GTK_FILTER (self->filter), change);
      return;
    }
  g_clear_handle_id (&self->rows_idle, g_source_remove);
  if (self->rows_paint != 0)
    g_clear_signal_handler (&self->rows_paint, gtk_widget_get_frame_clock (GTK_WIDGET (self)));
  selected = self->selected != NULL ? g_object_ref (self->selected) : NULL;
  self->holding_selection = TRUE;
  gtk_slice_list_model_set_size (self->slice, MIN (gtk_slice_list_model_get_size (self->slice), first_rows (self)));
  gtk_filter_changed (GTK_FILTER (self->filter), change);
  position = selected != NULL ? shown_position (self, selected) : -1;
  if (position >= 0 && (guint) position >= gtk_slice_list_model_get_size (self->slice))
    gtk_slice_list_model_set_size (self->slice, (guint) position + 1);
  gtk_single_selection_set_selected (self->selection, position >= 0 ? (guint) position : GTK_INVALID_LIST_POSITION);
  self->holding_selection = FALSE;
  on_selected_item_notify (self->selection, NULL, self);
  /* While typing goes on, each keystroke makes no more rows than shown. */
  self->rows_idle = g_timeout_add_full (G_PRIORITY_LOW, TYPING_PAUSE, typing_paused, self, NULL);
}

void
custos_register_view_set_search_text (CustosRegisterView *self,
                                      const char         *search_text)
{
  g_autofree char *old_key = NULL;
  GtkFilterChange change = GTK_FILTER_CHANGE_DIFFERENT;

  g_return_if_fail (CUSTOS_IS_REGISTER_VIEW (self));

  if (search_text == NULL)
    search_text = "";
  if (g_strcmp0 (search_text, custos_register_view_get_search_text (self)) == 0)
    return;

  g_free (self->search_text);
  self->search_text = g_strdup (search_text);
  old_key = g_steal_pointer (&self->key);
  self->key = custos_search_key (search_text);

  if (g_strcmp0 (old_key, self->key) != 0)
    {
      /* Typing on narrows what is shown: only the shown records are tested again. */
      if (old_key == NULL || (self->key != NULL && strstr (self->key, old_key) != NULL))
        change = GTK_FILTER_CHANGE_MORE_STRICT;
      else if (self->key == NULL || strstr (old_key, self->key) != NULL)
        change = GTK_FILTER_CHANGE_LESS_STRICT;
      /* Narrowing replaces only the rows it drops; anything else may replace all. */
      filter_changed (self, change,
                      change != GTK_FILTER_CHANGE_MORE_STRICT || self->key == NULL ||
                      rows_dropped (self) > first_rows (self));
    }

  if (g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (self->search_entry)), search_text) != 0)
    {
      /* Replacing the text empties it first, which the entry reports at once. */
      self->syncing_entry = TRUE;
      gtk_editable_set_text (GTK_EDITABLE (self->search_entry), search_text);
      self->syncing_entry = FALSE;
    }
  update_state (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SEARCH_TEXT]);
}

static void
on_search_changed (GtkSearchEntry     *entry,
                   CustosRegisterView *self)
{
  if (self->syncing_entry)
    return;
  custos_register_view_set_search_text (self, gtk_editable_get_text (GTK_EDITABLE (entry)));
}

static void
on_stop_search (GtkSearchEntry     *entry,
                CustosRegisterView *self)
{
  custos_register_view_set_search_text (self, "");
}

/* Enter in the search opens the first match in the editor. */
static void
on_search_activate (GtkSearchEntry     *entry,
                    CustosRegisterView *self)
{
  custos_register_view_set_search_text (self, gtk_editable_get_text (GTK_EDITABLE (entry)));
  if (g_list_model_get_n_items (G_LIST_MODEL (self->sorted)) > 0)
    {
      gtk_single_selection_set_selected (self->selection, 0);
      custos_record_editor_focus_first (self->editor);
    }
}

/* Enter (or a double click) on a row moves on to its form. */
static void
on_row_activate (GtkColumnView      *column_view,
                 guint               position,
                 CustosRegisterView *self)
{
  gtk_single_selection_set_selected (self->selection, position);
  custos_record_editor_focus_first (self->editor);
}

/* Rows ------------------------------------------------------------------ */

static void
show_all_rows (CustosRegisterView *self)
{
  g_clear_handle_id (&self->rows_idle, g_source_remove);
  if (self->rows_paint != 0)
    g_clear_signal_handler (&self->rows_paint, gtk_widget_get_frame_clock (GTK_WIDGET (self)));
  if (self->slice != NULL && gtk_slice_list_model_get_size (self->slice) != G_MAXUINT)
    gtk_slice_list_model_set_size (self->slice, G_MAXUINT);
}

static guint
first_rows (CustosRegisterView *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  int height = root != NULL ? gtk_widget_get_height (GTK_WIDGET (root)) : 0;

  return height > 0 ? (guint) height / MIN_ROW_HEIGHT + 1 : FIRST_ROWS;
}

static gboolean
grow_rows (gpointer user_data)
{
  CustosRegisterView *self = user_data;
  guint size = gtk_slice_list_model_get_size (self->slice) + MORE_ROWS;

  /* Past the rows the column view keeps, the rest costs no widgets. */
  if (size > 256 || size >= g_list_model_get_n_items (G_LIST_MODEL (self->sorted)))
    {
      self->rows_idle = 0;
      show_all_rows (self);
      return G_SOURCE_REMOVE;
    }
  gtk_slice_list_model_set_size (self->slice, size);
  return G_SOURCE_CONTINUE;
}

static gboolean
typing_paused (gpointer user_data)
{
  CustosRegisterView *self = user_data;

  self->rows_idle = g_idle_add_full (G_PRIORITY_LOW, grow_rows, self, NULL);
  return G_SOURCE_REMOVE;
}

static void
on_rows_painted (GdkFrameClock      *clock,
                 CustosRegisterView *self)
{
  g_clear_signal_handler (&self->rows_paint, clock);
  if (self->rows_idle == 0)
    self->rows_idle = g_idle_add_full (G_PRIORITY_LOW, grow_rows, self, NULL);
}

/* After the next frame on screen, the slice starts to grow. */
static void
queue_grow_rows (CustosRegisterView *self)
{
  if (gtk_slice_list_model_get_size (self->slice) == G_MAXUINT || self->rows_idle != 0 || self->rows_paint != 0 ||
      !gtk_widget_get_mapped (GTK_WIDGET (self)))
    return;
  self->rows_paint = g_signal_connect (gtk_widget_get_frame_clock (GTK_WIDGET (self)), "after-paint",
                                       G_CALLBACK (on_rows_painted), self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
on_map (CustosRegisterView *self)
{
  queue_grow_rows (self);
  resume_fill_haystacks (self);
}

static void
on_unmap (CustosRegisterView *self)
{
  g_clear_handle_id (&self->haystack_idle, g_source_remove);
  g_clear_handle_id (&self->rows_idle, g_source_remove);
  if (self->rows_paint != 0)
    g_clear_signal_handler (&self->rows_paint, gtk_widget_get_frame_clock (GTK_WIDGET (self)));
}

/* Selection -------------------------------------------------------------- */

static void
scroll_to (CustosRegisterView *self,
           guint               position)
{
  /* GTK 4.8 has no gtk_column_view_scroll_to(): ask its list view. */
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->column_view));
       child != NULL; child = gtk_widget_get_next_sibling (child))
    if (GTK_IS_LIST_VIEW (child))
      gtk_widget_activate_action (child, "list.scroll-to-item", "u", position);
}

static void
on_selected_item_notify (GtkSingleSelection *selection,
                         GParamSpec         *pspec,
                         CustosRegisterView *self)
{
  CustosRecord *record = gtk_single_selection_get_selected_item (selection);

  if (self->holding_selection || self->selected == record || self->editor_stack == NULL)
    return;
  g_set_object (&self->selected, record);
  gtk_stack_set_visible_child_name (self->editor_stack, record != NULL ? "editor" : "none");
  /* Another record's form starts at its top, not where the last one was left. */
  gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (self->editor_scroller), 0);
  update_actions (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SELECTED]);
}

static int
shown_position (CustosRegisterView *self,
                CustosRecord       *record)
{
  GListModel *model = G_LIST_MODEL (self->sorted);

  for (guint i = 0, n = g_list_model_get_n_items (model); i < n; i++)
    {
      g_autoptr(CustosRecord) item = g_list_model_get_item (model, i);
      if (item == record)
        return (int) i;
    }
  return -1;
}

void
custos_register_view_select (CustosRegisterView *self,
                             CustosRecord       *record)
{
  int position;

  g_return_if_fail (CUSTOS_IS_REGISTER_VIEW (self));
  g_return_if_fail (record == NULL || CUSTOS_IS_RECORD (record));

  if (record == NULL)
    {
      gtk_single_selection_set_selected (self->selection, GTK_INVALID_LIST_POSITION);
      return;
    }
  position = shown_position (self, record);
  if (position < 0 && self->key != NULL)
    {
      custos_register_view_set_search_text (self, "");
      position = shown_position (self, record);
    }
  if (position < 0)
    return;
  if ((guint) position >= gtk_slice_list_model_get_size (self->slice))
    show_all_rows (self);
  gtk_single_selection_set_selected (self->selection, (guint) position);
  scroll_to (self, (guint) position);
}

CustosRecord *
custos_register_view_get_selected (CustosRegisterView *self)
{
  g_return_val_if_fail (CUSTOS_IS_REGISTER_VIEW (self), NULL);
  return self->selected;
}

/* Actions ---------------------------------------------------------------- */

static void
add_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *parameter)
{
  CustosRegisterView *self = CUSTOS_REGISTER_VIEW (widget);
  CustosRecord *record;

  if (!can_add (self))
    return;
  record = custos_document_add_new (self->document, self->reg);
  custos_register_view_select (self, record);
  custos_record_editor_focus_first (self->editor);
}

static void
duplicate_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  CustosRegisterView *self = CUSTOS_REGISTER_VIEW (widget);
  g_autoptr(CustosRecord) copy = NULL;
  g_autofree char *id = NULL;
  int position;

  if (!can_add (self) || self->selected == NULL)
    return;

  id = custos_document_next_id (self->document, self->reg);
  copy = custos_record_duplicate (self->selected, id);
  for (guint i = 0; i < self->kind->n_fields; i++)
    {
      const CustosField *field = &self->kind->fields[i];

      if ((field->flags & CUSTOS_FIELD_FLAG_TITLE) != 0 &&
          (field->type == CUSTOS_FIELD_STRING || field->type == CUSTOS_FIELD_TEXT))
        {
          const char *title = custos_record_get_string_at (copy, i);
          /* Translators: the title of a duplicated record */
          g_autofree char *new_title = g_strdup_printf (_("%s (copy)"), title != NULL ? title : "");

          custos_record_set_string_at (copy, i, new_title);
          break;
        }
    }

  position = custos_document_find (self->document, self->reg, self->selected);
  custos_document_insert (self->document, self->reg,
                          position >= 0 ? (guint) position + 1 : g_list_model_get_n_items (self->records),
                          copy);
  custos_register_view_select (self, copy);
  custos_record_editor_focus_first (self->editor);
}

/* The toast's Undo is the window's: one history undoes every edit, and a
 * later edit makes it undo something else, so the toast goes then. */
static void dismiss_undo_toast (CustosRegisterView *self);

static void
forget_undo_toast (CustosRegisterView *self)
{
  if (self->undo_toast == NULL)
    return;
  g_signal_handlers_disconnect_by_func (self->undo_document, dismiss_undo_toast, self);
  g_clear_object (&self->undo_document);
  g_signal_handlers_disconnect_by_func (self->undo_toast, forget_undo_toast, self);
  g_object_remove_weak_pointer (G_OBJECT (self->undo_toast), (gpointer *) &self->undo_toast);
  self->undo_toast = NULL;
}

static void
dismiss_undo_toast (CustosRegisterView *self)
{
  AdwToast *toast = self->undo_toast;

  forget_undo_toast (self);
  if (toast != NULL)
    adw_toast_dismiss (toast);
}

static void
delete_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  CustosRegisterView *self = CUSTOS_REGISTER_VIEW (widget);
  g_autoptr(CustosRecord) record = NULL;
  g_autoptr(AdwToast) toast = NULL;
  guint shown, n;
  int position;
  GtkWidget *overlay;

  if (!can_add (self) || self->selected == NULL)
    return;

  record = g_object_ref (self->selected);
  shown = gtk_single_selection_get_selected (self->selection);
  position = custos_document_find (self->document, self->reg, record);
  /* A toast still shown says the new deletion: one toast, whose Undo undoes
   * the last step. A second toast would queue the first behind it. */
  toast = self->undo_toast != NULL ? g_object_ref (self->undo_toast) : NULL;
  forget_undo_toast (self);
  custos_document_remove (self->document, self->reg, record);
  /* Undoing the removal selects the record again. */
  g_set_object (&self->deleted, record);

  /* The next row takes the place of the deleted one; the previous when it was last. */
  n = g_list_model_get_n_items (G_LIST_MODEL (self->sorted));
  if (n > 0 && shown != GTK_INVALID_LIST_POSITION)
    {
      gtk_single_selection_set_selected (self->selection, MIN (shown, n - 1));
      scroll_to (self, MIN (shown, n - 1));
    }
  else
    gtk_single_selection_set_selected (self->selection, GTK_INVALID_LIST_POSITION);

  overlay = gtk_widget_get_ancestor (widget, ADW_TYPE_TOAST_OVERLAY);
  if (overlay != NULL && position >= 0)
    {
      g_autofree char *title = custos_format_record_title (self->document, record);
      g_autofree char *escaped = g_markup_escape_text (title != NULL ? title : custos_record_get_id (record), -1);
      /* Translators: a toast after deleting a record, with its title */
      g_autofree char *message = g_strdup_printf (_("“%s” deleted"), escaped);

      if (toast == NULL)
        {
          toast = adw_toast_new (message);
          adw_toast_set_button_label (toast, _("_Undo"));
          adw_toast_set_action_name (toast, "win.undo");
          adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
          adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), g_object_ref (toast));
        }
      else
        adw_toast_set_title (toast, message);
      self->undo_toast = toast;
      g_object_add_weak_pointer (G_OBJECT (toast), (gpointer *) &self->undo_toast);
      self->undo_document = g_object_ref (self->document);
      g_signal_connect_swapped (toast, "dismissed", G_CALLBACK (forget_undo_toast), self);
      g_signal_connect_swapped (self->document, "changed", G_CALLBACK (dismiss_undo_toast), self);
    }
  else if (toast != NULL)
    adw_toast_dismiss (toast);
}

static void
focus_search_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  CustosRegisterView *self = CUSTOS_REGISTER_VIEW (widget);

  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

/* Document and register ----------------------------------------------------- */

static void
on_records_changed (GListModel         *records,
                    guint               position,
                    guint               removed,
                    guint               added,
                    CustosRegisterView *self)
{
  /* A removed record's entry would keep it alive. */
  if (removed > 0)
    {
      g_hash_table_remove_all (self->haystacks);
      queue_fill_haystacks (self);
    }
  update_state (self);
  if (added > 0 && self->deleted != NULL && custos_document_find (self->document, self->reg, self->deleted) >= 0)
    {
      g_autoptr(CustosRecord) restored = g_steal_pointer (&self->deleted);
      custos_register_view_select (self, restored);
    }
}

static void
update_model (CustosRegisterView *self)
{
  GListModel *records = NULL;

  if (self->document != NULL && self->reg >= 0)
    records = custos_document_get_register (self->document, self->reg);
  if (records == self->records)
    return;

  dismiss_undo_toast (self);
  g_clear_object (&self->deleted);
  if (self->records != NULL)
    g_signal_handlers_disconnect_by_func (self->records, on_records_changed, self);
  g_set_object (&self->records, records);
  g_hash_table_remove_all (self->haystacks);
  queue_fill_haystacks (self);
  if (records != NULL)
    g_signal_connect_after (records, "items-changed", G_CALLBACK (on_records_changed), self); /* after the filter model */
  show_all_rows (self);
  gtk_slice_list_model_set_size (self->slice, first_rows (self));
  gtk_filter_list_model_set_model (self->filtered, records);
  queue_grow_rows (self);
  if (records != NULL && g_list_model_get_n_items (G_LIST_MODEL (self->sorted)) > 0)
    gtk_single_selection_set_selected (self->selection, 0);
  update_state (self);
  update_actions (self);
}

static void
update_kind (CustosRegisterView *self)
{
  const CustosKind *kind = self->register_name != NULL ? custos_kinds_lookup (self->register_name) : NULL;
  int reg = kind != NULL ? custos_kinds_register_index (kind) : -1;
  const EmptyState *empty;
  g_autofree char *clause = NULL;

  if (reg < 0)
    kind = NULL;
  if (kind == self->kind)
    return;

  /* Drop the old register first: its records do not fit the new columns. */
  self->kind = NULL;
  self->reg = -1;
  update_model (self);
  self->kind = kind;
  self->reg = reg;
  build_columns (self);

  empty = find_empty_state (kind != NULL ? kind->register_name : NULL);
  gtk_label_set_text (self->title_label, kind != NULL ? _(kind->plural) : "");
  /* Translators: the ISO/IEC 27001 clause a register belongs to */
  clause = kind != NULL ? g_strdup_printf (_("Clause %s"), kind->clause) : NULL;
  gtk_label_set_text (self->subtitle_label, clause != NULL ? clause : "");
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->column_view),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, kind != NULL ? _(kind->plural) : "",
                                  -1);
  adw_status_page_set_title (self->empty_page, empty != NULL ? _(empty->title) : "");
  adw_status_page_set_description (self->empty_page, empty != NULL ? _(empty->description) : NULL);
  if (empty != NULL && empty->add != NULL)
    {
      g_autoptr(GString) plain = g_string_new (NULL);

      gtk_button_set_label (self->empty_add_button, _(empty->add));
      /* "_Add Risk" without its mnemonic names the icon button. */
      for (const char *p = _(empty->add); *p != '\0'; p++)
        if (*p != '_')
          g_string_append_c (plain, *p);
      gtk_widget_set_tooltip_text (GTK_WIDGET (self->add_button), plain->str);
      gtk_accessible_update_property (GTK_ACCESSIBLE (self->add_button),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, plain->str,
                                      -1);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->empty_add_button), empty != NULL && empty->add != NULL);
  update_model (self);
}

CustosDocument *
custos_register_view_get_document (CustosRegisterView *self)
{
  g_return_val_if_fail (CUSTOS_IS_REGISTER_VIEW (self), NULL);
  return self->document;
}

void
custos_register_view_set_document (CustosRegisterView *self,
                                   CustosDocument     *document)
{
  g_return_if_fail (CUSTOS_IS_REGISTER_VIEW (self));
  g_return_if_fail (document == NULL || CUSTOS_IS_DOCUMENT (document));

  if (self->document == document)
    return;
  /* Records of the old document must not linger in the editor. */
  gtk_single_selection_set_selected (self->selection, GTK_INVALID_LIST_POSITION);
  if (self->document != NULL)
    g_signal_handlers_disconnect_by_func (self->document, on_field_changed, self);
  g_set_object (&self->document, document);
  if (document != NULL)
    g_signal_connect (document, "field-changed", G_CALLBACK (on_field_changed), self);
  /* The editor gets the document before a record of it: directly, since a
   * binding would wait for the notification, which g_object_set() holds
   * back until after update_model() has selected a record. */
  if (self->editor != NULL)
    custos_record_editor_set_document (self->editor, document);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DOCUMENT]);
  update_model (self);
}

const char *
custos_register_view_get_register_name (CustosRegisterView *self)
{
  g_return_val_if_fail (CUSTOS_IS_REGISTER_VIEW (self), NULL);
  return self->register_name;
}

void
custos_register_view_set_register_name (CustosRegisterView *self,
                                        const char         *register_name)
{
  g_return_if_fail (CUSTOS_IS_REGISTER_VIEW (self));

  if (g_strcmp0 (self->register_name, register_name) == 0)
    return;
  g_free (self->register_name);
  self->register_name = g_strdup (register_name);
  if (register_name != NULL && self->kind == NULL &&
      (custos_kinds_lookup (register_name) == NULL ||
       custos_kinds_register_index (custos_kinds_lookup (register_name)) < 0))
    g_warning ("“%s” is not the name of a register", register_name);
  update_kind (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_REGISTER_NAME]);
}

GListModel *
custos_register_view_get_model (CustosRegisterView *self)
{
  g_return_val_if_fail (CUSTOS_IS_REGISTER_VIEW (self), NULL);
  return G_LIST_MODEL (self->sorted);
}

GtkColumnView *
custos_register_view_get_column_view (CustosRegisterView *self)
{
  g_return_val_if_fail (CUSTOS_IS_REGISTER_VIEW (self), NULL);
  return self->column_view;
}

CustosRecordEditor *
custos_register_view_get_editor (CustosRegisterView *self)
{
  g_return_val_if_fail (CUSTOS_IS_REGISTER_VIEW (self), NULL);
  return self->editor;
}

void
custos_register_view_sort_by (CustosRegisterView *self,
                              const char         *field_name,
                              GtkSortType         order)
{
  g_return_if_fail (CUSTOS_IS_REGISTER_VIEW (self));
  g_return_if_fail (field_name != NULL);

  for (guint i = 0; i < self->columns->len; i++)
    {
      Column *column = g_ptr_array_index (self->columns, i);
      const char *name = column->field == COLUMN_ID ? "id"
                       : column->field == COLUMN_TITLE ? "title"
                       : self->kind->fields[column->field].name;

      if (g_str_equal (name, field_name))
        {
          gtk_column_view_sort_by_column (self->column_view, column->column, order);
          return;
        }
    }
  g_warning ("The register view shows no column “%s”", field_name);
}

/* Hooks for pages built on the view -------------------------------------- */

void
custos_register_view_set_filter_func (CustosRegisterView  *self,
                                      GtkCustomFilterFunc  func,
                                      gpointer             user_data,
                                      GDestroyNotify       destroy)
{
  g_return_if_fail (CUSTOS_IS_REGISTER_VIEW (self));

  if (self->extra_filter_destroy != NULL)
    self->extra_filter_destroy (self->extra_filter_data);
  self->extra_filter = func;
  self->extra_filter_data = user_data;
  self->extra_filter_destroy = destroy;
  custos_register_view_refilter (self);
}

void
custos_register_view_refilter (CustosRegisterView *self)
{
  g_return_if_fail (CUSTOS_IS_REGISTER_VIEW (self));

  if (self->filter == NULL)
    return; /* disposed */
  filter_changed (self, GTK_FILTER_CHANGE_DIFFERENT, TRUE);
  update_state (self);
}

GtkColumnViewColumn *
custos_register_view_add_column (CustosRegisterView *self,
                                 int                 position,
                                 const char         *title,
                                 GtkListItemFactory *factory,
                                 GtkSorter          *sorter)
{
  GtkColumnViewColumn *column;

  g_return_val_if_fail (CUSTOS_IS_REGISTER_VIEW (self), NULL);
  g_return_val_if_fail (GTK_IS_LIST_ITEM_FACTORY (factory), NULL);
  g_return_val_if_fail (sorter == NULL || GTK_IS_SORTER (sorter), NULL);

  column = gtk_column_view_column_new (title, g_object_ref (factory));
  if (sorter != NULL)
    gtk_column_view_column_set_sorter (column, sorter);
  gtk_column_view_column_set_resizable (column, TRUE);
  g_object_set_data (G_OBJECT (column), "custos-position", GINT_TO_POINTER (position));
  insert_column (self, column, position);
  g_ptr_array_add (self->extra_columns, column);
  return column;
}

void
custos_register_view_add_header_widget (CustosRegisterView *self,
                                        GtkWidget          *widget)
{
  g_return_if_fail (CUSTOS_IS_REGISTER_VIEW (self));
  g_return_if_fail (GTK_IS_WIDGET (widget));

  gtk_box_append (self->header_extra, widget);
  gtk_widget_set_visible (GTK_WIDGET (self->header_extra), TRUE);
}

void
custos_register_view_add_editor_widget (CustosRegisterView *self,
                                        GtkWidget          *widget)
{
  g_return_if_fail (CUSTOS_IS_REGISTER_VIEW (self));
  g_return_if_fail (GTK_IS_WIDGET (widget));

  gtk_box_append (self->editor_box, widget);
}

/* In a .ui file, <child type="header"> and <child type="editor"> do the same. */
static void
custos_register_view_buildable_add_child (GtkBuildable *buildable,
                                          GtkBuilder   *builder,
                                          GObject      *child,
                                          const char   *type)
{
  CustosRegisterView *self = CUSTOS_REGISTER_VIEW (buildable);

  if (g_strcmp0 (type, "header") == 0 && GTK_IS_WIDGET (child))
    custos_register_view_add_header_widget (self, GTK_WIDGET (child));
  else if (g_strcmp0 (type, "editor") == 0 && GTK_IS_WIDGET (child))
    custos_register_view_add_editor_widget (self, GTK_WIDGET (child));
  else
    parent_buildable_iface->add_child (buildable, builder, child, type);
}

static void
custos_register_view_buildable_init (GtkBuildableIface *iface)
{
  parent_buildable_iface = g_type_interface_peek_parent (iface);
  iface->add_child = custos_register_view_buildable_add_child;
}

/* Layout ----------------------------------------------------------------- */

static gboolean
apply_layout (gpointer user_data)
{
  CustosRegisterView *self = user_data;
  int width = gtk_widget_get_width (GTK_WIDGET (self->paned));
  int height = gtk_widget_get_height (GTK_WIDGET (self->paned));

  self->layout_idle = 0;
  /* The editor gets a third (within what a form comfortably needs), the list the rest. */
  if (self->narrow && height > 0)
    gtk_paned_set_position (self->paned, height * 2 / 5);
  else if (!self->narrow && width > 0)
    gtk_paned_set_position (self->paned, width - CLAMP (width / 3, 360, 520));
  return G_SOURCE_REMOVE;
}

static void
custos_register_view_measure (GtkWidget      *widget,
                              GtkOrientation  orientation,
                              int             for_size,
                              int            *minimum,
                              int            *natural,
                              int            *minimum_baseline,
                              int            *natural_baseline)
{
  CustosRegisterView *self = CUSTOS_REGISTER_VIEW (widget);

  gtk_widget_measure (self->box, orientation, for_size, minimum, natural, minimum_baseline, natural_baseline);
  /* Narrower than NARROW_WIDTH the editor goes under the list. */
  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      *minimum = custos_paned_stacked_minimum (self->box, self->paned);
      *natural = MAX (*natural, *minimum);
    }
}

static void
custos_register_view_size_allocate (GtkWidget *widget,
                                    int        width,
                                    int        height,
                                    int        baseline)
{
  CustosRegisterView *self = CUSTOS_REGISTER_VIEW (widget);
  gboolean narrow = width < NARROW_WIDTH;

  /* The orientation first: a horizontal paned narrower than its list and
   * editor would squeeze them. */
  if (narrow != self->narrow || !self->position_set)
    gtk_orientable_set_orientation (GTK_ORIENTABLE (self->paned),
                                    narrow ? GTK_ORIENTATION_VERTICAL : GTK_ORIENTATION_HORIZONTAL);
  gtk_widget_allocate (self->box, width, height, baseline, NULL);
  /* The handle goes where the new size says, after this allocation. */
  if ((narrow != self->narrow || !self->position_set) && self->layout_idle == 0)
    {
      self->narrow = narrow;
      self->position_set = TRUE;
      self->layout_idle = g_idle_add_full (G_PRIORITY_HIGH_IDLE, apply_layout, self, NULL);
    }
}

/* GObject ------------------------------------------------------------------- */

static void
custos_register_view_dispose (GObject *object)
{
  CustosRegisterView *self = CUSTOS_REGISTER_VIEW (object);

  g_clear_handle_id (&self->layout_idle, g_source_remove);
  g_clear_handle_id (&self->haystack_idle, g_source_remove);
  g_clear_handle_id (&self->rows_idle, g_source_remove);
  dismiss_undo_toast (self);
  g_clear_object (&self->deleted);
  if (self->selection != NULL)
    g_signal_handlers_disconnect_by_func (self->selection, on_selected_item_notify, self);
  if (self->sorted != NULL)
    g_signal_handlers_disconnect_by_func (self->sorted, update_state, self);
  if (self->records != NULL)
    g_signal_handlers_disconnect_by_func (self->records, on_records_changed, self);
  g_clear_object (&self->records);
  if (self->column_view != NULL)
    {
      gtk_column_view_set_model (self->column_view, NULL);
      clear_columns (self);
      for (guint i = 0; i < self->extra_columns->len; i++)
        gtk_column_view_remove_column (self->column_view, g_ptr_array_index (self->extra_columns, i));
    }
  g_ptr_array_set_size (self->extra_columns, 0);
  if (self->extra_filter_destroy != NULL)
    self->extra_filter_destroy (self->extra_filter_data);
  self->extra_filter = NULL;
  self->extra_filter_data = NULL;
  self->extra_filter_destroy = NULL;
  gtk_widget_dispose_template (GTK_WIDGET (self), CUSTOS_TYPE_REGISTER_VIEW);
  g_clear_object (&self->selection);
  g_clear_object (&self->slice);
  g_clear_object (&self->sorted);
  g_clear_object (&self->filtered);
  g_clear_object (&self->filter);
  g_clear_object (&self->selected);
  if (self->document != NULL)
    g_signal_handlers_disconnect_by_func (self->document, on_field_changed, self);
  g_clear_object (&self->document);
  g_clear_pointer (&self->haystacks, g_hash_table_unref);

  G_OBJECT_CLASS (custos_register_view_parent_class)->dispose (object);
}

static void
custos_register_view_finalize (GObject *object)
{
  CustosRegisterView *self = CUSTOS_REGISTER_VIEW (object);

  g_ptr_array_unref (self->columns);
  g_ptr_array_unref (self->extra_columns);
  g_free (self->register_name);
  g_free (self->search_text);
  g_free (self->key);

  G_OBJECT_CLASS (custos_register_view_parent_class)->finalize (object);
}

static void
custos_register_view_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  CustosRegisterView *self = CUSTOS_REGISTER_VIEW (object);

  switch (prop_id)
    {
    case PROP_DOCUMENT:
      g_value_set_object (value, self->document);
      break;
    case PROP_REGISTER_NAME:
      g_value_set_string (value, self->register_name);
      break;
    case PROP_SELECTED:
      g_value_set_object (value, self->selected);
      break;
    case PROP_SEARCH_TEXT:
      g_value_set_string (value, custos_register_view_get_search_text (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
custos_register_view_set_property (GObject      *object,
                                   guint         prop_id,
                                   const GValue *value,
                                   GParamSpec   *pspec)
{
  CustosRegisterView *self = CUSTOS_REGISTER_VIEW (object);

  switch (prop_id)
    {
    case PROP_DOCUMENT:
      custos_register_view_set_document (self, g_value_get_object (value));
      break;
    case PROP_REGISTER_NAME:
      custos_register_view_set_register_name (self, g_value_get_string (value));
      break;
    case PROP_SEARCH_TEXT:
      custos_register_view_set_search_text (self, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
custos_register_view_class_init (CustosRegisterViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = custos_register_view_dispose;
  object_class->finalize = custos_register_view_finalize;
  object_class->get_property = custos_register_view_get_property;
  object_class->set_property = custos_register_view_set_property;
  widget_class->measure = custos_register_view_measure;
  widget_class->size_allocate = custos_register_view_size_allocate;

  properties[PROP_DOCUMENT] =
    g_param_spec_object ("document", NULL, NULL, CUSTOS_TYPE_DOCUMENT,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_REGISTER_NAME] =
    g_param_spec_string ("register-name", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_SELECTED] =
    g_param_spec_object ("selected", NULL, NULL, CUSTOS_TYPE_RECORD,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_SEARCH_TEXT] =
    g_param_spec_string ("search-text", NULL, NULL, "",
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_install_action (widget_class, "register.add", NULL, add_action);
  gtk_widget_class_install_action (widget_class, "register.duplicate", NULL, duplicate_action);
  gtk_widget_class_install_action (widget_class, "register.delete", NULL, delete_action);
  gtk_widget_class_install_action (widget_class, "register.focus-search", NULL, focus_search_action);

  g_type_ensure (CUSTOS_TYPE_RECORD_EDITOR);
  g_type_ensure (CUSTOS_TYPE_WRAP_BOX);
  gtk_widget_class_set_template_from_resource (widget_class, APP_PATH "/ui/custos-register-view.ui");
  gtk_widget_class_bind_template_child (widget_class, CustosRegisterView, box);
  gtk_widget_class_bind_template_child (widget_class, CustosRegisterView, header);
  gtk_widget_class_bind_template_child (widget_class, CustosRegisterView, header_extra);
  gtk_widget_class_bind_template_child (widget_class, CustosRegisterView, editor_box);
  gtk_widget_class_bind_template_child (widget_class, CustosRegisterView, title_label);
  gtk_widget_class_bind_template_child (widget_class, CustosRegisterView, subtitle_label);
  gtk_widget_class_bind_template_child (widget_class, CustosRegisterView, search_entry);
  gtk_widget_class_bind_template_child (widget_class, CustosRegisterView, add_button);
  gtk_widget_class_bind_template_child (widget_class, CustosRegisterView, stack);
  gtk_widget_class_bind_template_child (widget_class, CustosRegisterView, empty_page);
  gtk_widget_class_bind_template_child (widget_class, CustosRegisterView, empty_add_button);
  gtk_widget_class_bind_template_child (widget_class, CustosRegisterView, paned);
  gtk_widget_class_bind_template_child (widget_class, CustosRegisterView, results_stack);
  gtk_widget_class_bind_template_child (widget_class, CustosRegisterView, column_view);
  gtk_widget_class_bind_template_child (widget_class, CustosRegisterView, editor_stack);
  gtk_widget_class_bind_template_child (widget_class, CustosRegisterView, editor_scroller);
  gtk_widget_class_bind_template_child (widget_class, CustosRegisterView, editor);
  gtk_widget_class_bind_template_callback (widget_class, on_search_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_stop_search);
  gtk_widget_class_bind_template_callback (widget_class, on_search_activate);
  gtk_widget_class_bind_template_callback (widget_class, on_row_activate);

  gtk_widget_class_set_css_name (widget_class, "custos-register-view");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
custos_register_view_init (CustosRegisterView *self)
{
  GtkEventController *controller;
  GtkSorter *sorter;

  self->reg = -1;
  self->haystacks = g_hash_table_new_full (g_direct_hash, g_direct_equal, g_object_unref, g_free);
  g_signal_connect (self, "map", G_CALLBACK (on_map), NULL);
  g_signal_connect (self, "unmap", G_CALLBACK (on_unmap), NULL);
  self->columns = g_ptr_array_new_with_free_func ((GDestroyNotify) column_free);
  self->extra_columns = g_ptr_array_new_with_free_func (g_object_unref);

  gtk_widget_init_template (GTK_WIDGET (self));

  self->filter = gtk_custom_filter_new (filter_record, self, NULL);
  self->filtered = gtk_filter_list_model_new (NULL, g_object_ref (GTK_FILTER (self->filter)));
  sorter = gtk_column_view_get_sorter (self->column_view);
  self->sorted = gtk_sort_list_model_new (g_object_ref (G_LIST_MODEL (self->filtered)),
                                          sorter != NULL ? g_object_ref (sorter) : NULL);
  self->slice = gtk_slice_list_model_new (g_object_ref (G_LIST_MODEL (self->sorted)), 0, G_MAXUINT);
  self->selection = gtk_single_selection_new (g_object_ref (G_LIST_MODEL (self->slice)));
  gtk_single_selection_set_autoselect (self->selection, FALSE);
  gtk_single_selection_set_can_unselect (self->selection, TRUE);
  g_signal_connect (self->selection, "notify::selected-item", G_CALLBACK (on_selected_item_notify), self);
  g_signal_connect_swapped (self->sorted, "items-changed", G_CALLBACK (update_state), self);
  gtk_column_view_set_model (self->column_view, GTK_SELECTION_MODEL (self->selection));

  /* Ctrl+F wherever the focus is, as long as the view is on screen. */
  controller = gtk_shortcut_controller_new ();
  gtk_shortcut_controller_set_scope (GTK_SHORTCUT_CONTROLLER (controller), GTK_SHORTCUT_SCOPE_MANAGED);
  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (controller),
                                        gtk_shortcut_new (gtk_keyval_trigger_new (GDK_KEY_f, GDK_CONTROL_MASK),
                                                          gtk_named_action_new ("register.focus-search")));
  gtk_widget_add_controller (GTK_WIDGET (self), controller);

  /* Delete in the list deletes the selected record (with its undo toast). */
  controller = gtk_shortcut_controller_new ();
  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (controller),
                                        gtk_shortcut_new (gtk_keyval_trigger_new (GDK_KEY_Delete, 0),
                                                          gtk_named_action_new ("register.delete")));
  gtk_widget_add_controller (GTK_WIDGET (self->column_view), controller);

  gtk_search_entry_set_key_capture_widget (self->search_entry, GTK_WIDGET (self->column_view));
  gtk_stack_set_visible_child_name (self->editor_stack, "none");
  update_state (self);
  update_actions (self);
}

GtkWidget *
custos_register_view_new (void)
{
  return g_object_new (CUSTOS_TYPE_REGISTER_VIEW, NULL);
}
