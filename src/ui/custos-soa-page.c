/* SPDX-License-Identifier: GPL-3.0-or-later */
/* custos-soa-page.c — the Statement of Applicability
 *
 * Every control of the document's Annex A edition, grouped by theme (2022)
 * or category (2013). GTK 4.8 has no sections in list views, so the rows are
 * a flat GListStore of a CustosSoaHeading before the entries of each group,
 * rebuilt whenever the search or a filter changes:
 *
 *   SoA register ─(search, filters)─▶ GListStore (headings + entries)
 *                ─▶ GtkMultiSelection ─▶ GtkColumnView
 *
 * Headings cannot be selected (the selection drops them), so the selected
 * entries are what bulk edits act on; one selected entry opens in the
 * CustosRecordEditor beside the list (below it when the page is narrow).
 *
 * What derives from the rest of the document — the risks that select a
 * control, its consistency problems (the readiness check's findings on the
 * SoA), the progress — is recomputed once after each burst of edits, and the
 * cells on screen are refreshed with it.
 */
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "custos-clock.h"
#include "custos-field-format.h"
#include "custos-labels.h"
#include "custos-enums.h"
#include "custos-paned.h"
#include "custos-soa-page.h"
#include "custos-wrap-box.h"

/* Below this width the editor goes under the list. */
#define NARROW_WIDTH 1180

/* Headings -------------------------------------------------------------- */

struct _CustosSoaHeading
{
  GObject                   parent_instance;
  const CustosControlGroup *group;
  guint                     index;   /* of the group in its catalogue */
  CustosEdition             edition;
};

G_DEFINE_FINAL_TYPE (CustosSoaHeading, custos_soa_heading, G_TYPE_OBJECT)

static void
custos_soa_heading_class_init (CustosSoaHeadingClass *klass)
{
}

static void
custos_soa_heading_init (CustosSoaHeading *self)
{
}

static CustosSoaHeading *
heading_new (CustosCatalogue *catalogue,
             guint            index)
{
  CustosSoaHeading *self = g_object_new (CUSTOS_TYPE_SOA_HEADING, NULL);

  self->group = custos_catalogue_get_group (catalogue, index);
  self->index = index;
  self->edition = custos_catalogue_get_edition (catalogue);
  return self;
}

const CustosControlGroup *
custos_soa_heading_get_group (CustosSoaHeading *self)
{
  g_return_val_if_fail (CUSTOS_IS_SOA_HEADING (self), NULL);
  return self->group;
}

/* The 2022 themes by the names of Annex A's clauses 5 to 8. */
static const struct
{
  const char *id;
  const char *title;
} theme_titles[] = {
  { "organizational", N_("Organizational controls") },
  { "people", N_("People controls") },
  { "physical", N_("Physical controls") },
  { "technological", N_("Technological controls") },
};

static const char *
group_title (const CustosControlGroup *group)
{
  for (guint i = 0; i < G_N_ELEMENTS (theme_titles); i++)
    if (g_str_equal (group->id, theme_titles[i].id))
      return _(theme_titles[i].title);
  return group->title;
}

/* Attributes of ISO/IEC 27002:2022 ----------------------------------------- */

enum { ATTRIBUTE_TYPE, ATTRIBUTE_PROPERTY, ATTRIBUTE_CONCEPT };

typedef struct
{
  const char *name;
  const char *label;
  int         kind;
  guint       bit;
} Attribute;

static const Attribute attributes[] = {
  { "preventive", N_("Control type: preventive"), ATTRIBUTE_TYPE, CUSTOS_CONTROL_TYPE_PREVENTIVE },
  { "detective", N_("Control type: detective"), ATTRIBUTE_TYPE, CUSTOS_CONTROL_TYPE_DETECTIVE },
  { "corrective", N_("Control type: corrective"), ATTRIBUTE_TYPE, CUSTOS_CONTROL_TYPE_CORRECTIVE },
  { "confidentiality", N_("Property: confidentiality"), ATTRIBUTE_PROPERTY, CUSTOS_PROPERTY_CONFIDENTIALITY },
  { "integrity", N_("Property: integrity"), ATTRIBUTE_PROPERTY, CUSTOS_PROPERTY_INTEGRITY },
  { "availability", N_("Property: availability"), ATTRIBUTE_PROPERTY, CUSTOS_PROPERTY_AVAILABILITY },
  { "identify", N_("Concept: identify"), ATTRIBUTE_CONCEPT, CUSTOS_CONCEPT_IDENTIFY },
  { "protect", N_("Concept: protect"), ATTRIBUTE_CONCEPT, CUSTOS_CONCEPT_PROTECT },
  { "detect", N_("Concept: detect"), ATTRIBUTE_CONCEPT, CUSTOS_CONCEPT_DETECT },
  { "respond", N_("Concept: respond"), ATTRIBUTE_CONCEPT, CUSTOS_CONCEPT_RESPOND },
  { "recover", N_("Concept: recover"), ATTRIBUTE_CONCEPT, CUSTOS_CONCEPT_RECOVER },
};

static const char * const attribute_names[] = {
  "preventive", "detective", "corrective", "confidentiality", "integrity", "availability",
  "identify", "protect", "detect", "respond", "recover", NULL
};

G_STATIC_ASSERT (G_N_ELEMENTS (attribute_names) == G_N_ELEMENTS (attributes) + 1);

const char * const *
custos_soa_attribute_names (void)
{
  return attribute_names;
}

static const Attribute *
find_attribute (const char *name)
{
  for (guint i = 0; name != NULL && i < G_N_ELEMENTS (attributes); i++)
    if (g_str_equal (attributes[i].name, name))
      return &attributes[i];
  return NULL;
}

static gboolean
attribute_matches (const Attribute     *attribute,
                   const CustosControl *control)
{
  switch (attribute->kind)
    {
    case ATTRIBUTE_TYPE:     return (control->control_types & attribute->bit) != 0;
    case ATTRIBUTE_PROPERTY: return (control->security_properties & attribute->bit) != 0;
    case ATTRIBUTE_CONCEPT:  return (control->concepts & attribute->bit) != 0;
    default:                 g_assert_not_reached ();
    }
}

/* Pure helpers ------------------------------------------------------------ */

char *
custos_soa_selecting_markup (CustosDocument *document,
                             const char     *control_id)
{
  g_autoptr(GPtrArray) risks = NULL;
  GString *markup = g_string_new (NULL);

  g_return_val_if_fail (CUSTOS_IS_DOCUMENT (document), NULL);

  risks = custos_document_get_selecting_risks (document, control_id);
  for (guint i = 0; i < risks->len; i++)
    {
      CustosRecord *risk = risks->pdata[i];
      const char *title = custos_record_get_title (risk);
      g_autofree char *link = g_markup_printf_escaped ("<a href=\"%s\" title=\"%s\">%s</a>",
                                                       custos_record_get_id (risk),
                                                       title != NULL ? title : "",
                                                       custos_record_get_id (risk));

      if (i > 0)
        g_string_append (markup, ", ");
      g_string_append (markup, link);
    }
  return g_string_free (markup, FALSE);
}

gboolean
custos_soa_filter_matches (CustosDocument  *document,
                           CustosRecord    *entry,
                           CustosSoaFilter  filter,
                           gboolean         has_problems)
{
  int applicable = custos_soa_entry_get_applicable (CUSTOS_SOA_ENTRY (entry));

  switch (filter)
    {
    case CUSTOS_SOA_FILTER_ALL:
      return TRUE;
    case CUSTOS_SOA_FILTER_UNDECIDED:
      return applicable == CUSTOS_APPLICABILITY_UNDECIDED;
    case CUSTOS_SOA_FILTER_EXCLUDED:
      return applicable == CUSTOS_APPLICABILITY_NOT_APPLICABLE;
    case CUSTOS_SOA_FILTER_NOT_IMPLEMENTED:
      return applicable == CUSTOS_APPLICABILITY_APPLICABLE &&
             custos_soa_entry_get_implementation (CUSTOS_SOA_ENTRY (entry)) !=
               CUSTOS_IMPLEMENTATION_IMPLEMENTED;
    case CUSTOS_SOA_FILTER_SELECTED_NOT_APPLICABLE:
      {
        g_autoptr(GPtrArray) risks = NULL;

        if (applicable != CUSTOS_APPLICABILITY_NOT_APPLICABLE)
          return FALSE;
        risks = custos_document_get_selecting_risks (document, custos_record_get_id (entry));
        return risks->len > 0;
      }
    case CUSTOS_SOA_FILTER_PROBLEMS:
      return has_problems;
    case CUSTOS_SOA_FILTER_REVIEW:
      return custos_soa_entry_get_review (CUSTOS_SOA_ENTRY (entry));
    case CUSTOS_SOA_N_FILTERS:
    default:
      g_return_val_if_reached (TRUE);
    }
}

/* The page -------------------------------------------------------------- */

typedef enum
{
  COLUMN_ID,           /* the control's number and its problems */
  COLUMN_TITLE,
  COLUMN_APPLICABLE,
  COLUMN_REASONS,
  COLUMN_IMPLEMENTATION,
  COLUMN_OWNER,
  COLUMN_RISKS,        /* the risks that select it, as links */
  N_COLUMNS
} ColumnKind;

typedef struct
{
  CustosSoaPage       *page;
  ColumnKind           kind;
  GtkColumnViewColumn *column;
} Column;

struct _CustosSoaPage
{
  GtkWidget           parent_instance;

  CustosDocument     *document;
  CustosClock        *clock;
  GListModel         *entries;        /* the document's SoA register, watched */
  CustosReadiness    *readiness;
  GHashTable         *problems;       /* control id (borrowed from readiness) → GPtrArray of findings */
  GArray             *group_decided;  /* guint per group of the catalogue */
  guint               n_decided;
  guint               check_id;       /* idle or timeout: check again after edits */
  gboolean            check_stale;    /* edited while the page was out of sight */
  gint64              check_cost;     /* µs the last check took */

  char               *search_text;
  char               *key;            /* case-folded search, NULL when empty */
  CustosSoaFilter     filter;
  char               *group_id;
  const Attribute    *attribute;

  GListStore         *rows;
  GtkMultiSelection  *selection;
  guint               n_shown;
  guint               n_selected;
  CustosRecord       *selected;       /* the one selected entry, or NULL */
  gboolean            rebuilding;
  gboolean            syncing;        /* widgets being set from code */
  GHashTable         *bound;          /* GtkListItem → Column: the cells on screen */
  Column              columns[N_COLUMNS];

  gboolean            narrow;
  gboolean            position_set;
  guint               layout_idle;

  /* template children */
  GtkWidget          *box;
  GtkLabel           *subtitle_label;
  GtkSearchEntry     *search_entry;
  GtkRevealer        *migrate_revealer;
  GtkDropDown        *filter_dropdown;
  GtkDropDown        *group_dropdown;
  GtkDropDown        *attribute_dropdown;
  GtkLabel           *shown_label;
  GtkProgressBar     *progress_bar;
  GtkLabel           *progress_label;
  GtkPaned           *paned;
  GtkStack           *results_stack;
  GtkColumnView      *column_view;
  GtkRevealer        *bulk_revealer;
  GtkLabel           *bulk_label;
  GtkMenuButton      *owner_button;
  GtkStack           *editor_stack;
  GtkScrolledWindow  *editor_scroller;
  AdwStatusPage      *many_page;
  CustosRecordEditor *editor;
};

G_DEFINE_FINAL_TYPE (CustosSoaPage, custos_soa_page, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_DOCUMENT,
  PROP_SEARCH_TEXT,
  PROP_FILTER,
  PROP_GROUP,
  PROP_ATTRIBUTE,
  PROP_N_SHOWN,
  PROP_N_DECIDED,
  PROP_CLOCK,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void rebuild_rows (CustosSoaPage *self);
static void update_cell  (CustosSoaPage *self,
                          GtkListItem   *list_item,
                          ColumnKind     kind);

static CustosEdition
edition (CustosSoaPage *self)
{
  return self->document != NULL ? custos_document_get_edition (self->document) : CUSTOS_EDITION_2022;
}

/* The check: problems, progress, derived cells ------------------------------ */

static void
update_progress (CustosSoaPage *self)
{
  guint total = self->entries != NULL ? g_list_model_get_n_items (self->entries) : 0;
  g_autofree char *text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u of %u decided", "%u of %u decided", total),
                                           self->n_decided, total);

  gtk_progress_bar_set_fraction (self->progress_bar, total > 0 ? (double) self->n_decided / total : 0.0);
  gtk_progress_bar_set_text (self->progress_bar, text);
  gtk_label_set_text (self->progress_label, text);
  gtk_widget_set_tooltip_text (gtk_widget_get_parent (GTK_WIDGET (self->progress_bar)),
                               _("Controls decided applicable or not applicable, out of every control of Annex A"));
}

static void
refresh_bound_cells (CustosSoaPage *self)
{
  GHashTableIter iter;
  gpointer list_item, column;

  g_hash_table_iter_init (&iter, self->bound);
  while (g_hash_table_iter_next (&iter, &list_item, &column))
    update_cell (self, list_item, ((Column *) column)->kind);
}

/* Runs the readiness check again and keeps its findings on the SoA. */
static void
check_now (CustosSoaPage *self)
{
  CustosCatalogue *catalogue;
  guint previous = self->n_decided;
  gint64 start = g_get_monotonic_time ();

  g_clear_handle_id (&self->check_id, g_source_remove);
  self->check_stale = FALSE;
  g_hash_table_remove_all (self->problems);
  g_array_set_size (self->group_decided, 0);
  self->n_decided = 0;

  if (self->document != NULL)
    {
      if (self->readiness == NULL)
        self->readiness = custos_readiness_new (self->document, custos_clock_get_today (self->clock));
      else
        custos_readiness_update (self->readiness, custos_clock_get_today (self->clock));

      for (guint i = 0, n = custos_readiness_get_n_findings (self->readiness); i < n; i++)
        {
          const CustosReadinessFinding *finding = custos_readiness_get_finding (self->readiness, i);
          GPtrArray *list;

          if (finding->reg != CUSTOS_REGISTER_SOA || finding->record_id == NULL)
            continue;
          list = g_hash_table_lookup (self->problems, finding->record_id);
          if (list == NULL)
            {
              list = g_ptr_array_new ();
              g_hash_table_insert (self->problems, finding->record_id, list);
            }
          g_ptr_array_add (list, (gpointer) finding);
        }

      catalogue = custos_document_get_catalogue (self->document);
      g_array_set_size (self->group_decided, custos_catalogue_get_n_groups (catalogue));
      for (guint g = 0; g < self->group_decided->len; g++)
        {
          const CustosControlGroup *group = custos_catalogue_get_group (catalogue, g);
          guint decided = 0;

          for (guint c = group->first; c < group->first + group->n_controls; c++)
            {
              CustosRecord *entry = custos_document_lookup (self->document, CUSTOS_REGISTER_SOA,
                                                            custos_catalogue_get_control (catalogue, c)->id);
              if (entry != NULL && custos_soa_entry_get_applicable (CUSTOS_SOA_ENTRY (entry)) !=
                                     CUSTOS_APPLICABILITY_UNDECIDED)
                decided++;
            }
          g_array_index (self->group_decided, guint, g) = decided;
          self->n_decided += decided;
        }
    }

  update_progress (self);
  refresh_bound_cells (self);
  self->check_cost = g_get_monotonic_time () - start;
  if (previous != self->n_decided)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_DECIDED]);
}

static gboolean
check_idle (gpointer user_data)
{
  CustosSoaPage *self = user_data;

  self->check_id = 0;
  check_now (self);
  return G_SOURCE_REMOVE;
}

/* Before GTK lays out and draws again, so an edit and its check show
 * together; but a check that takes long (ten thousand risks) waits for a
 * pause in the typing. Out of sight, the page checks when it is next shown
 * (or asked), not after every edit made on other pages. */
static void
queue_check (CustosSoaPage *self)
{
  if (!gtk_widget_get_mapped (GTK_WIDGET (self)))
    {
      self->check_stale = TRUE;
      return;
    }
  if (self->check_id != 0)
    return;
  if (self->check_cost < 16000) /* a frame */
    self->check_id = g_idle_add_full (G_PRIORITY_HIGH_IDLE, check_idle, self, NULL);
  else
    self->check_id = g_timeout_add_full (G_PRIORITY_DEFAULT, 300, check_idle, self, NULL);
}

static void
on_today (CustosSoaPage *self)
{
  if (self->document != NULL)
    queue_check (self);
}

static void
ensure_checked (CustosSoaPage *self)
{
  if (self->check_id != 0 || self->check_stale || (self->readiness == NULL && self->document != NULL))
    check_now (self);
}

static void
on_map (CustosSoaPage *self)
{
  /* Before the frame that shows the page. */
  if (self->check_stale && self->check_id == 0)
    self->check_id = g_idle_add_full (G_PRIORITY_HIGH_IDLE, check_idle, self, NULL);
}

static void
on_unmap (CustosSoaPage *self)
{
  if (self->check_id != 0)
    {
      g_clear_handle_id (&self->check_id, g_source_remove);
      self->check_stale = TRUE;
    }
}

void
custos_soa_page_check_now (CustosSoaPage *self)
{
  g_return_if_fail (CUSTOS_IS_SOA_PAGE (self));
  ensure_checked (self);
}

GPtrArray *
custos_soa_page_get_problems (CustosSoaPage *self,
                              const char    *control_id)
{
  g_return_val_if_fail (CUSTOS_IS_SOA_PAGE (self), NULL);

  ensure_checked (self);
  return control_id != NULL ? g_hash_table_lookup (self->problems, control_id) : NULL;
}

/* Cells ------------------------------------------------------------------ */

/* The row widget of a cell: columnview > listview > row > cell > child. */
static GtkWidget *
row_of (GtkWidget *child)
{
  GtkWidget *cell = gtk_widget_get_parent (child);
  GtkWidget *row = cell != NULL ? gtk_widget_get_parent (cell) : NULL;

  return row != NULL && g_strcmp0 (gtk_widget_get_css_name (row), "row") == 0 ? row : NULL;
}

/* Cells are refreshed after every check: only what changed is set again (and
 * announced to assistive technologies). */
static void
set_label_text (GtkWidget  *label,
                const char *text)
{
  if (gtk_label_get_use_markup (GTK_LABEL (label)) || g_strcmp0 (gtk_label_get_label (GTK_LABEL (label)), text) != 0)
    gtk_label_set_text (GTK_LABEL (label), text);
}

static void
set_label_markup (GtkWidget  *label,
                  const char *markup)
{
  if (!gtk_label_get_use_markup (GTK_LABEL (label)) || g_strcmp0 (gtk_label_get_label (GTK_LABEL (label)), markup) != 0)
    gtk_label_set_markup (GTK_LABEL (label), markup);
}

static void
set_tooltip (GtkWidget  *widget,
             const char *text)
{
  const char *old = gtk_widget_get_tooltip_text (widget);

  if (g_strcmp0 (old, text) != 0)
    gtk_widget_set_tooltip_text (widget, text);
}

static void
set_inscription (GtkWidget  *cell,
                 const char *text,
                 const char *css_class)
{
  static const char *classes[] = { "dim-label", "warning", "success", "custos-soa-empty", "custos-soa-group" };

  if (g_strcmp0 (gtk_inscription_get_text (GTK_INSCRIPTION (cell)), text) != 0)
    gtk_inscription_set_text (GTK_INSCRIPTION (cell), text);
  for (guint i = 0; i < G_N_ELEMENTS (classes); i++)
    if (g_strcmp0 (classes[i], css_class) != 0)
      gtk_widget_remove_css_class (cell, classes[i]);
  if (css_class != NULL)
    gtk_widget_add_css_class (cell, css_class);
}

static void
update_problem_icon (CustosSoaPage *self,
                     GtkWidget     *image,
                     const char    *control_id)
{
  GPtrArray *problems = control_id != NULL ? g_hash_table_lookup (self->problems, control_id) : NULL;
  g_autoptr(GString) tooltip = g_string_new (NULL);
  gboolean error = FALSE;

  gtk_widget_set_visible (image, problems != NULL);
  if (problems == NULL)
    return;
  for (guint i = 0; i < problems->len; i++)
    {
      const CustosReadinessFinding *finding = problems->pdata[i];
      g_autofree char *message = custos_format_message (finding->message);

      error |= finding->severity == CUSTOS_READINESS_SEVERITY_ERROR;
      if (tooltip->len > 0)
        g_string_append_c (tooltip, '\n');
      g_string_append_printf (tooltip, "%s: %s", custos_readiness_severity_get_label (finding->severity), message);
    }
  if (g_strcmp0 (gtk_image_get_icon_name (GTK_IMAGE (image)), error ? "dialog-error-symbolic" : "dialog-warning-symbolic") != 0)
    gtk_image_set_from_icon_name (GTK_IMAGE (image), error ? "dialog-error-symbolic" : "dialog-warning-symbolic");
  gtk_widget_remove_css_class (image, error ? "warning" : "error");
  gtk_widget_add_css_class (image, error ? "error" : "warning");
  {
    const char *old = gtk_widget_get_tooltip_text (image);

    if (g_strcmp0 (old, tooltip->str) != 0)
      {
        gtk_widget_set_tooltip_text (image, tooltip->str);
        gtk_accessible_update_property (GTK_ACCESSIBLE (image), GTK_ACCESSIBLE_PROPERTY_LABEL, tooltip->str, -1);
      }
  }
}

static void
update_heading_cell (CustosSoaPage    *self,
                     GtkWidget        *child,
                     ColumnKind        kind,
                     CustosSoaHeading *heading)
{
  CustosCatalogue *catalogue = custos_catalogue_get (heading->edition);

  set_tooltip (child, NULL); /* the cell may have shown an entry before */
  switch (kind)
    {
    case COLUMN_ID:
      {
        g_autofree char *number = custos_catalogue_group_number (catalogue, heading->group);
        GtkWidget *label = gtk_widget_get_first_child (child);

        set_label_text (label, number);
        gtk_widget_set_visible (gtk_widget_get_next_sibling (label), FALSE);
      }
      break;

    case COLUMN_TITLE:
      {
        g_autofree char *markup = g_markup_printf_escaped ("<b>%s</b>", group_title (heading->group));
        set_label_markup (child, markup);
      }
      break;

    case COLUMN_APPLICABLE:
      {
        /* The group's progress, under the column that holds the decisions. */
        guint decided = heading->index < self->group_decided->len
                      ? g_array_index (self->group_decided, guint, heading->index) : 0;
        g_autofree char *count = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u of %u decided",
                                                               "%u of %u decided", heading->group->n_controls),
                                                  decided, heading->group->n_controls);
        set_inscription (child, count, "custos-soa-group");
      }
      break;

    case COLUMN_RISKS:
      set_label_text (child, "");
      break;

    case COLUMN_REASONS:
    case COLUMN_IMPLEMENTATION:
    case COLUMN_OWNER:
      set_inscription (child, NULL, NULL);
      break;

    case N_COLUMNS:
    default:
      g_assert_not_reached ();
    }
}

static void
update_cell (CustosSoaPage *self,
             GtkListItem   *list_item,
             ColumnKind     kind)
{
  GObject *item = gtk_list_item_get_item (list_item);
  GtkWidget *child = gtk_list_item_get_child (list_item);
  CustosRecord *entry;
  const char *id;
  int applicable;

  if (item == NULL || child == NULL || self->document == NULL)
    return;
  if (CUSTOS_IS_SOA_HEADING (item))
    {
      update_heading_cell (self, child, kind, CUSTOS_SOA_HEADING (item));
      return;
    }

  entry = CUSTOS_RECORD (item);
  id = custos_record_get_id (entry);
  applicable = custos_soa_entry_get_applicable (CUSTOS_SOA_ENTRY (entry));
  switch (kind)
    {
    case COLUMN_ID:
      {
        GtkWidget *label = gtk_widget_get_first_child (child);
        g_autofree char *cited = custos_control_cite (id);

        set_label_text (label, cited);
        update_problem_icon (self, gtk_widget_get_next_sibling (label), id);
      }
      break;

    case COLUMN_TITLE:
      {
        const char *title = custos_document_get_control_title (self->document, id);
        set_label_text (child, title != NULL ? title : "");
      }
      break;

    case COLUMN_APPLICABLE:
      set_inscription (child, custos_enum_value_label (CUSTOS_TYPE_APPLICABILITY, applicable),
                       applicable == CUSTOS_APPLICABILITY_UNDECIDED ? "warning"
                       : applicable == CUSTOS_APPLICABILITY_NOT_APPLICABLE ? "dim-label" : NULL);
      break;

    case COLUMN_REASONS:
      {
        g_autofree char *reasons =
          custos_flags_label (CUSTOS_TYPE_REASON, (guint) custos_soa_entry_get_reasons (CUSTOS_SOA_ENTRY (entry)));
        set_inscription (child, reasons, NULL);
        set_tooltip (child, reasons != NULL && *reasons != '\0' ? reasons : NULL);
      }
      break;

    case COLUMN_IMPLEMENTATION:
      if (applicable == CUSTOS_APPLICABILITY_APPLICABLE)
        {
          int implementation = custos_soa_entry_get_implementation (CUSTOS_SOA_ENTRY (entry));
          set_inscription (child, custos_enum_value_label (CUSTOS_TYPE_IMPLEMENTATION, implementation),
                           implementation == CUSTOS_IMPLEMENTATION_IMPLEMENTED ? "success" : NULL);
        }
      else
        set_inscription (child, "—", "custos-soa-empty"); /* nothing to implement (yet) */
      break;

    case COLUMN_OWNER:
      {
        const char *owner = custos_soa_entry_get_owner (CUSTOS_SOA_ENTRY (entry));
        CustosRecord *role = custos_document_lookup (self->document, CUSTOS_REGISTER_ROLES, owner);
        const char *title = role != NULL ? custos_record_get_title (role) : NULL;

        set_inscription (child, title != NULL ? title : owner, NULL);
        set_tooltip (child, title != NULL ? title : owner);
      }
      break;

    case COLUMN_RISKS:
      {
        g_autofree char *markup = custos_soa_selecting_markup (self->document, id);
        g_autoptr(GPtrArray) risks = custos_document_get_selecting_risks (self->document, id);
        g_autoptr(GString) tooltip = g_string_new (NULL);

        set_label_markup (child, markup);
        /* All of them, for when the cell is too narrow for every link. */
        for (guint i = 0; i < risks->len; i++)
          {
            g_autofree char *label = custos_format_record_label (self->document, risks->pdata[i]);
            g_string_append_printf (tooltip, "%s%s", i > 0 ? "\n" : "", label);
          }
        set_tooltip (child, tooltip->len > 0 ? tooltip->str : NULL);
      }
      break;

    case N_COLUMNS:
    default:
      g_assert_not_reached ();
    }
}

static gboolean
on_risk_link (GtkLabel      *label,
              const char    *uri,
              CustosSoaPage *self)
{
  /* Show the risk on the risk register (CustosWindow's win.show-record). */
  gtk_widget_activate_action (GTK_WIDGET (label), "win.show-record", "(ss)", "risks", uri);
  return TRUE;
}

static void
setup_cell (GtkSignalListItemFactory *factory,
            GtkListItem              *list_item,
            Column                   *column)
{
  GtkWidget *child = NULL;

  switch (column->kind)
    {
    case COLUMN_ID:
      {
        GtkWidget *label = gtk_label_new (NULL);
        GtkWidget *image = gtk_image_new ();

        child = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
        gtk_label_set_xalign (GTK_LABEL (label), 0.0);
        gtk_widget_add_css_class (label, "numeric");
        gtk_widget_set_visible (image, FALSE);
        gtk_widget_add_css_class (image, "custos-soa-problem");
        gtk_box_append (GTK_BOX (child), label);
        gtk_box_append (GTK_BOX (child), image);
      }
      break;

    case COLUMN_TITLE:
      /* Titles wrap to a second line rather than vanish when the list is narrow. */
      child = gtk_label_new (NULL);
      gtk_label_set_xalign (GTK_LABEL (child), 0.0);
      gtk_label_set_wrap (GTK_LABEL (child), TRUE);
      gtk_label_set_wrap_mode (GTK_LABEL (child), PANGO_WRAP_WORD_CHAR);
      gtk_label_set_lines (GTK_LABEL (child), 2);
      gtk_label_set_ellipsize (GTK_LABEL (child), PANGO_ELLIPSIZE_END);
      gtk_label_set_width_chars (GTK_LABEL (child), 14);
      gtk_label_set_max_width_chars (GTK_LABEL (child), 60);
      break;

    case COLUMN_RISKS:
      child = gtk_label_new (NULL);
      gtk_label_set_xalign (GTK_LABEL (child), 0.0);
      gtk_label_set_ellipsize (GTK_LABEL (child), PANGO_ELLIPSIZE_END);
      gtk_widget_add_css_class (child, "custos-soa-risks");
      g_signal_connect (child, "activate-link", G_CALLBACK (on_risk_link), column->page);
      break;

    case COLUMN_APPLICABLE:
    case COLUMN_REASONS:
    case COLUMN_IMPLEMENTATION:
    case COLUMN_OWNER:
      child = gtk_inscription_new (NULL);
      gtk_inscription_set_text_overflow (GTK_INSCRIPTION (child), GTK_INSCRIPTION_OVERFLOW_ELLIPSIZE_END);
      gtk_inscription_set_min_chars (GTK_INSCRIPTION (child), 4);
      break;

    case N_COLUMNS:
    default:
      g_assert_not_reached ();
    }
  gtk_widget_set_valign (child, GTK_ALIGN_CENTER);
  gtk_list_item_set_child (list_item, child);
}

static void
bind_cell (GtkSignalListItemFactory *factory,
           GtkListItem              *list_item,
           Column                   *column)
{
  CustosSoaPage *self = column->page;
  gboolean heading = CUSTOS_IS_SOA_HEADING (gtk_list_item_get_item (list_item));

  gtk_list_item_set_selectable (list_item, !heading);
  gtk_list_item_set_activatable (list_item, !heading);
  if (column->kind == COLUMN_TITLE)
    {
      /* Column views of GTK 4.8 have no row factory: style the row from a cell. */
      GtkWidget *row = row_of (gtk_list_item_get_child (list_item));

      if (row != NULL && heading)
        gtk_widget_add_css_class (row, "custos-soa-heading");
      else if (row != NULL)
        gtk_widget_remove_css_class (row, "custos-soa-heading");
    }
  g_hash_table_insert (self->bound, list_item, column);
  update_cell (self, list_item, column->kind);
}

static void
unbind_cell (GtkSignalListItemFactory *factory,
             GtkListItem              *list_item,
             Column                   *column)
{
  g_hash_table_remove (column->page->bound, list_item);
}

static void
add_column (CustosSoaPage *self,
            ColumnKind     kind,
            const char    *title,
            int            width)
{
  Column *column = &self->columns[kind];
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();

  column->page = self;
  column->kind = kind;
  g_signal_connect (factory, "setup", G_CALLBACK (setup_cell), column);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_cell), column);
  g_signal_connect (factory, "unbind", G_CALLBACK (unbind_cell), column);
  column->column = gtk_column_view_column_new (title, factory);
  gtk_column_view_column_set_resizable (column->column, TRUE);
  if (width > 0)
    gtk_column_view_column_set_fixed_width (column->column, width);
  else
    gtk_column_view_column_set_expand (column->column, TRUE);
  gtk_column_view_append_column (self->column_view, column->column);
}

static void
build_columns (CustosSoaPage *self)
{
  add_column (self, COLUMN_ID, C_("column", "Control"), 66);
  add_column (self, COLUMN_TITLE, C_("column", "Title"), -1);
  add_column (self, COLUMN_APPLICABLE, C_("column", "Applicable"), 122);
  add_column (self, COLUMN_REASONS, C_("column", "Reasons"), 112);
  add_column (self, COLUMN_IMPLEMENTATION, C_("column", "Implementation"), 164);
  add_column (self, COLUMN_OWNER, C_("column", "Owner"), 100);
  add_column (self, COLUMN_RISKS, C_("column", "Selected by"), 92);
}

/* Rows: the search and filters ------------------------------------------------ */

static gboolean
entry_shown (CustosSoaPage       *self,
             const CustosControl *control,
             CustosRecord        *entry)
{
  if (self->key != NULL)
    {
      g_autofree char *cited = custos_control_cite (control->id);

      if (!custos_text_matches (cited, self->key) && !custos_text_matches (control->id, self->key) &&
          !custos_text_matches (control->title, self->key))
        return FALSE;
    }
  if (self->group_id != NULL && g_strcmp0 (control->group_id, self->group_id) != 0)
    return FALSE;
  if (self->attribute != NULL && edition (self) == CUSTOS_EDITION_2022 &&
      !attribute_matches (self->attribute, control))
    return FALSE;
  return custos_soa_filter_matches (self->document, entry, self->filter,
                                    g_hash_table_contains (self->problems, control->id));
}

static void update_selection_state (CustosSoaPage *self);

static void
update_shown (CustosSoaPage *self)
{
  guint total = self->entries != NULL ? g_list_model_get_n_items (self->entries) : 0;
  g_autofree char *text = NULL;

  if (self->n_shown == total)
    text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u control", "%u controls", total), total);
  else
    text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u of %u controls shown", "%u of %u controls shown", total),
                            self->n_shown, total);
  gtk_label_set_text (self->shown_label, text);
  gtk_stack_set_visible_child_name (self->results_stack, self->n_shown == 0 ? "no-results" : "results");
}

static void
rebuild_rows (CustosSoaPage *self)
{
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) selected = custos_soa_page_get_selected_entries (self);
  g_autoptr(GtkBitset) keep = gtk_bitset_new_empty ();
  guint n_shown = 0;

  if (self->filter == CUSTOS_SOA_FILTER_PROBLEMS)
    ensure_checked (self);
  if (self->document != NULL)
    {
      CustosCatalogue *catalogue = custos_document_get_catalogue (self->document);

      for (guint g = 0, n_groups = custos_catalogue_get_n_groups (catalogue); g < n_groups; g++)
        {
          const CustosControlGroup *group = custos_catalogue_get_group (catalogue, g);
          gboolean any = FALSE;

          for (guint c = group->first; c < group->first + group->n_controls; c++)
            {
              const CustosControl *control = custos_catalogue_get_control (catalogue, c);
              CustosRecord *entry = custos_document_lookup (self->document, CUSTOS_REGISTER_SOA, control->id);

              if (entry == NULL || !entry_shown (self, control, entry))
                continue;
              if (!any)
                g_ptr_array_add (items, heading_new (catalogue, g));
              any = TRUE;
              if (g_ptr_array_find (selected, entry, NULL))
                gtk_bitset_add (keep, items->len);
              g_ptr_array_add (items, g_object_ref (entry));
              n_shown++;
            }
        }
    }

  self->rebuilding = TRUE;
  g_list_store_splice (self->rows, 0, g_list_model_get_n_items (G_LIST_MODEL (self->rows)),
                       items->pdata, items->len);
  /* What stays in sight stays selected. */
  if (!gtk_bitset_is_empty (keep))
    gtk_selection_model_set_selection (GTK_SELECTION_MODEL (self->selection), keep, keep);
  self->rebuilding = FALSE;

  if (self->n_shown != n_shown)
    {
      self->n_shown = n_shown;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_SHOWN]);
    }
  update_shown (self);
  update_selection_state (self);
}

/* Selection -------------------------------------------------------------- */

GPtrArray *
custos_soa_page_get_selected_entries (CustosSoaPage *self)
{
  GPtrArray *entries = g_ptr_array_new ();
  g_autoptr(GtkBitset) bitset = NULL;
  GtkBitsetIter iter;
  guint position;

  g_return_val_if_fail (CUSTOS_IS_SOA_PAGE (self), entries);

  bitset = gtk_selection_model_get_selection (GTK_SELECTION_MODEL (self->selection));
  for (gboolean more = gtk_bitset_iter_init_first (&iter, bitset, &position); more;
       more = gtk_bitset_iter_next (&iter, &position))
    {
      g_autoptr(GObject) item = g_list_model_get_item (G_LIST_MODEL (self->rows), position);

      if (CUSTOS_IS_RECORD (item))
        g_ptr_array_add (entries, item); /* the rows keep it alive */
    }
  return entries;
}

static gboolean apply_layout (gpointer user_data);

/* A narrow page shows the editor under the list only while one control is
 * selected: several are edited with the bar under the list. */
static void
update_editor_visibility (CustosSoaPage *self)
{
  gboolean visible = !self->narrow || self->n_selected == 1;

  if (visible == gtk_widget_get_visible (GTK_WIDGET (self->editor_stack)))
    return;
  gtk_widget_set_visible (GTK_WIDGET (self->editor_stack), visible);
  if (visible && self->layout_idle == 0)
    self->layout_idle = g_idle_add_full (G_PRIORITY_HIGH_IDLE, apply_layout, self, NULL);
}

static void
update_selection_state (CustosSoaPage *self)
{
  g_autoptr(GPtrArray) entries = NULL;
  CustosRecord *selected;

  if (self->rebuilding || self->editor_stack == NULL)
    return;
  entries = custos_soa_page_get_selected_entries (self);
  selected = entries->len == 1 ? entries->pdata[0] : NULL;

  if (g_set_object (&self->selected, selected))
    {
      custos_record_editor_set_record (self->editor, selected);
      /* Another control's form starts at its top. */
      gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (self->editor_scroller), 0);
    }
  if (entries->len == 0)
    gtk_stack_set_visible_child_name (self->editor_stack, "none");
  else if (entries->len == 1)
    gtk_stack_set_visible_child_name (self->editor_stack, "editor");
  else
    {
      g_autofree char *title = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u Control Selected",
                                                             "%u Controls Selected", entries->len),
                                                entries->len);
      adw_status_page_set_title (self->many_page, title);
      gtk_stack_set_visible_child_name (self->editor_stack, "many");
    }

  if (entries->len != self->n_selected)
    {
      g_autofree char *text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u selected", "%u selected",
                                                            entries->len), entries->len);
      self->n_selected = entries->len;
      gtk_label_set_text (self->bulk_label, text);
      gtk_revealer_set_reveal_child (self->bulk_revealer, entries->len > 1);
      gtk_widget_action_set_enabled (GTK_WIDGET (self), "soa.set-applicable", entries->len > 0);
      gtk_widget_action_set_enabled (GTK_WIDGET (self), "soa.set-implementation", entries->len > 0);
      gtk_widget_action_set_enabled (GTK_WIDGET (self), "soa.set-owner", entries->len > 0);
      gtk_widget_action_set_enabled (GTK_WIDGET (self), "soa.select-none", entries->len > 0);
    }
  update_editor_visibility (self);
}

static void
on_selection_changed (GtkSelectionModel *model,
                      guint              position,
                      guint              n_items,
                      CustosSoaPage     *self)
{
  /* Headings are not selectable: a click or Ctrl+A must not keep them. */
  for (guint i = position; i < position + n_items; i++)
    if (gtk_selection_model_is_selected (model, i))
      {
        g_autoptr(GObject) item = g_list_model_get_item (G_LIST_MODEL (model), i);

        if (CUSTOS_IS_SOA_HEADING (item))
          gtk_selection_model_unselect_item (model, i);
      }
  update_selection_state (self);
}

static void
scroll_to (CustosSoaPage *self,
           guint          position)
{
  /* GTK 4.8 has no gtk_column_view_scroll_to(): ask its list view. */
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->column_view));
       child != NULL; child = gtk_widget_get_next_sibling (child))
    if (GTK_IS_LIST_VIEW (child))
      gtk_widget_activate_action (child, "list.scroll-to-item", "u", position);
}

static gboolean
find_row (CustosSoaPage *self,
          gpointer       item,
          guint         *position)
{
  return g_list_store_find (self->rows, item, position);
}

static void clear_filters (CustosSoaPage *self);

void
custos_soa_page_select (CustosSoaPage *self,
                        CustosRecord  *entry)
{
  guint position;

  g_return_if_fail (CUSTOS_IS_SOA_PAGE (self));
  g_return_if_fail (entry == NULL || CUSTOS_IS_RECORD (entry));

  if (entry == NULL)
    {
      gtk_selection_model_unselect_all (GTK_SELECTION_MODEL (self->selection));
      return;
    }
  if (!find_row (self, entry, &position))
    {
      clear_filters (self);
      if (!find_row (self, entry, &position))
        return;
    }
  gtk_selection_model_select_item (GTK_SELECTION_MODEL (self->selection), position, TRUE);
  scroll_to (self, position);
}

/* Enter (or a double click) on a control moves on to its form. */
static void
on_row_activate (GtkColumnView *column_view,
                 guint          position,
                 CustosSoaPage *self)
{
  g_autoptr(GObject) item = g_list_model_get_item (G_LIST_MODEL (self->rows), position);

  if (!CUSTOS_IS_RECORD (item))
    return;
  gtk_selection_model_select_item (GTK_SELECTION_MODEL (self->selection), position, TRUE);
  custos_record_editor_focus_first (self->editor);
}

/* Bulk editing ------------------------------------------------------------- */

/* Sets one field of every selected entry: one step for the undo history. */
static void
set_selected (CustosSoaPage    *self,
              CustosSoaEntryField field,
              int               enum_value,
              const char       *string_value)
{
  g_autoptr(GPtrArray) entries = custos_soa_page_get_selected_entries (self);

  if (self->document == NULL || entries->len == 0)
    return;
  custos_document_begin_compound (self->document);
  for (guint i = 0; i < entries->len; i++)
    if (string_value != NULL)
      custos_record_set_string_at (entries->pdata[i], field, *string_value != '\0' ? string_value : NULL);
    else
      custos_record_set_enum_at (entries->pdata[i], field, enum_value);
  custos_document_end_compound (self->document);
}

static void
set_applicable_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  int value = g_variant_get_int32 (parameter);

  if (value < CUSTOS_APPLICABILITY_UNDECIDED || value > CUSTOS_APPLICABILITY_NOT_APPLICABLE)
    return;
  set_selected (CUSTOS_SOA_PAGE (widget), CUSTOS_SOA_ENTRY_FIELD_APPLICABLE, value, NULL);
}

static void
set_implementation_action (GtkWidget  *widget,
                           const char *action_name,
                           GVariant   *parameter)
{
  int value = g_variant_get_int32 (parameter);

  if (value < CUSTOS_IMPLEMENTATION_NOT_IMPLEMENTED || value > CUSTOS_IMPLEMENTATION_IMPLEMENTED)
    return;
  set_selected (CUSTOS_SOA_PAGE (widget), CUSTOS_SOA_ENTRY_FIELD_IMPLEMENTATION, value, NULL);
}

/* "" clears the owner; anything else must be a role. */
static void
set_owner_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  CustosSoaPage *self = CUSTOS_SOA_PAGE (widget);
  const char *role = g_variant_get_string (parameter, NULL);

  if (self->document == NULL ||
      (*role != '\0' && custos_document_lookup (self->document, CUSTOS_REGISTER_ROLES, role) == NULL))
    return;
  set_selected (self, CUSTOS_SOA_ENTRY_FIELD_OWNER, 0, role);
}

static void
select_none_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  gtk_selection_model_unselect_all (GTK_SELECTION_MODEL (CUSTOS_SOA_PAGE (widget)->selection));
}

/* Every control shown (the headings drop out on their own). */
static void
select_all_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  gtk_selection_model_select_all (GTK_SELECTION_MODEL (CUSTOS_SOA_PAGE (widget)->selection));
}

static void
clear_filters_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  clear_filters (CUSTOS_SOA_PAGE (widget));
}

static void
focus_search_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  gtk_widget_grab_focus (GTK_WIDGET (CUSTOS_SOA_PAGE (widget)->search_entry));
}

/* The owner menu lists the roles as they are when it opens. */
static void
create_owner_menu (GtkMenuButton *button,
                   gpointer       user_data)
{
  CustosSoaPage *self = user_data;
  g_autoptr(GMenu) menu = g_menu_new ();
  g_autoptr(GMenu) roles = g_menu_new ();
  g_autoptr(GMenuItem) none = g_menu_item_new (_("No Owner"), NULL);

  if (self->document != NULL)
    {
      GListModel *model = custos_document_get_register (self->document, CUSTOS_REGISTER_ROLES);

      for (guint i = 0, n = g_list_model_get_n_items (model); i < n; i++)
        {
          g_autoptr(CustosRecord) role = g_list_model_get_item (model, i);
          g_autofree char *label = custos_format_record_label (self->document, role);
          g_autoptr(GMenuItem) item = g_menu_item_new (label, NULL);

          g_menu_item_set_action_and_target (item, "soa.set-owner", "s", custos_record_get_id (role));
          g_menu_append_item (roles, item);
        }
    }
  g_menu_item_set_action_and_target (none, "soa.set-owner", "s", "");
  g_menu_append_section (menu, NULL, G_MENU_MODEL (roles));
  g_menu_append_item (menu, none);
  gtk_menu_button_set_menu_model (button, G_MENU_MODEL (menu));
}

/* Search and filter widgets -------------------------------------------------- */

static void
on_search_changed (GtkSearchEntry *entry,
                   CustosSoaPage  *self)
{
  if (!self->syncing)
    custos_soa_page_set_search_text (self, gtk_editable_get_text (GTK_EDITABLE (entry)));
}

static void
on_stop_search (GtkSearchEntry *entry,
                CustosSoaPage  *self)
{
  custos_soa_page_set_search_text (self, "");
}

/* Enter in the search opens the first control found. */
static void
on_search_activate (GtkSearchEntry *entry,
                    CustosSoaPage  *self)
{
  custos_soa_page_set_search_text (self, gtk_editable_get_text (GTK_EDITABLE (entry)));
  for (guint i = 0, n = g_list_model_get_n_items (G_LIST_MODEL (self->rows)); i < n; i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (G_LIST_MODEL (self->rows), i);

      if (CUSTOS_IS_RECORD (item))
        {
          gtk_selection_model_select_item (GTK_SELECTION_MODEL (self->selection), i, TRUE);
          custos_record_editor_focus_first (self->editor);
          return;
        }
    }
}

static void
on_filter_selected (GtkDropDown   *dropdown,
                    GParamSpec    *pspec,
                    CustosSoaPage *self)
{
  guint selected = gtk_drop_down_get_selected (dropdown);

  if (!self->syncing && selected < CUSTOS_SOA_N_FILTERS)
    custos_soa_page_set_filter (self, (CustosSoaFilter) selected);
}

static void
on_group_selected (GtkDropDown   *dropdown,
                   GParamSpec    *pspec,
                   CustosSoaPage *self)
{
  guint selected = gtk_drop_down_get_selected (dropdown);
  CustosCatalogue *catalogue;

  if (self->syncing || self->document == NULL)
    return;
  catalogue = custos_document_get_catalogue (self->document);
  if (selected == 0 || selected == GTK_INVALID_LIST_POSITION || selected > custos_catalogue_get_n_groups (catalogue))
    custos_soa_page_set_group (self, NULL);
  else
    custos_soa_page_set_group (self, custos_catalogue_get_group (catalogue, selected - 1)->id);
}

static void
on_attribute_selected (GtkDropDown   *dropdown,
                       GParamSpec    *pspec,
                       CustosSoaPage *self)
{
  guint selected = gtk_drop_down_get_selected (dropdown);

  if (self->syncing)
    return;
  custos_soa_page_set_attribute (self, selected > 0 && selected <= G_N_ELEMENTS (attributes)
                                       ? attributes[selected - 1].name : NULL);
}

/* The dropdowns that depend on the edition: themes or categories, attributes. */
static void
update_edition (CustosSoaPage *self)
{
  CustosCatalogue *catalogue = custos_catalogue_get (edition (self));
  gboolean is_2022 = edition (self) == CUSTOS_EDITION_2022;
  g_autoptr(GtkStringList) groups = gtk_string_list_new (NULL);
  g_autofree char *subtitle = NULL;
  guint n_groups = custos_catalogue_get_n_groups (catalogue);
  guint n_controls = custos_catalogue_get_n_controls (catalogue);
  guint group_index = 0;

  gtk_string_list_append (groups, is_2022 ? _("All themes") : _("All categories"));
  for (guint g = 0; g < n_groups; g++)
    {
      const CustosControlGroup *group = custos_catalogue_get_group (catalogue, g);
      g_autofree char *number = custos_catalogue_group_number (catalogue, group);
      g_autofree char *label = g_strdup_printf ("%s %s", number, group_title (group));

      gtk_string_list_append (groups, label);
      if (g_strcmp0 (self->group_id, group->id) == 0)
        group_index = g + 1;
    }
  /* A category of the other edition means nothing here. */
  if (group_index == 0 && self->group_id != NULL)
    {
      g_clear_pointer (&self->group_id, g_free);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_GROUP]);
    }

  self->syncing = TRUE;
  gtk_drop_down_set_model (self->group_dropdown, G_LIST_MODEL (groups));
  gtk_drop_down_set_selected (self->group_dropdown, group_index);
  self->syncing = FALSE;
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->group_dropdown),
                               is_2022 ? _("Show the controls of one theme") : _("Show the controls of one category"));
  gtk_widget_set_visible (GTK_WIDGET (self->attribute_dropdown), is_2022);
  gtk_revealer_set_reveal_child (self->migrate_revealer, self->document != NULL && !is_2022);
  gtk_column_view_column_set_fixed_width (self->columns[COLUMN_ID].column, is_2022 ? 66 : 88);

  if (is_2022)
    subtitle = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                             "ISO/IEC 27001:2022 Annex A · %u controls in %u theme",
                                             "ISO/IEC 27001:2022 Annex A · %u controls in %u themes",
                                             n_groups), n_controls, n_groups);
  else
    subtitle = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                             "ISO/IEC 27001:2013 Annex A · %u controls in %u category",
                                             "ISO/IEC 27001:2013 Annex A · %u controls in %u categories",
                                             n_groups), n_controls, n_groups);
  gtk_label_set_text (self->subtitle_label, subtitle);
}

static void
clear_filters (CustosSoaPage *self)
{
  g_object_freeze_notify (G_OBJECT (self));
  self->rebuilding = TRUE; /* one rebuild at the end, not one per filter */
  custos_soa_page_set_search_text (self, "");
  custos_soa_page_set_filter (self, CUSTOS_SOA_FILTER_ALL);
  custos_soa_page_set_group (self, NULL);
  custos_soa_page_set_attribute (self, NULL);
  self->rebuilding = FALSE;
  rebuild_rows (self);
  g_object_thaw_notify (G_OBJECT (self));
}

/* The document ----------------------------------------------------------- */

static void
on_entries_changed (GListModel    *model,
                    guint          position,
                    guint          removed,
                    guint          added,
                    CustosSoaPage *self)
{
  /* The whole SoA was replaced (a migration, or its undo). */
  update_edition (self);
  check_now (self);
  rebuild_rows (self);
}

static void
disconnect_document (CustosSoaPage *self)
{
  if (self->document != NULL)
    g_signal_handlers_disconnect_by_data (self->document, self);
  if (self->entries != NULL)
    g_signal_handlers_disconnect_by_func (self->entries, on_entries_changed, self);
  g_clear_object (&self->entries);
  g_hash_table_remove_all (self->problems);
  g_clear_object (&self->readiness);
  g_clear_handle_id (&self->check_id, g_source_remove);
}

CustosDocument *
custos_soa_page_get_document (CustosSoaPage *self)
{
  g_return_val_if_fail (CUSTOS_IS_SOA_PAGE (self), NULL);
  return self->document;
}

void
custos_soa_page_set_document (CustosSoaPage  *self,
                              CustosDocument *document)
{
  g_return_if_fail (CUSTOS_IS_SOA_PAGE (self));
  g_return_if_fail (document == NULL || CUSTOS_IS_DOCUMENT (document));

  if (self->document == document)
    return;

  gtk_selection_model_unselect_all (GTK_SELECTION_MODEL (self->selection));
  disconnect_document (self);
  g_set_object (&self->document, document);
  if (document != NULL)
    {
      self->entries = g_object_ref (custos_document_get_register (document, CUSTOS_REGISTER_SOA));
      g_signal_connect (self->entries, "items-changed", G_CALLBACK (on_entries_changed), self);
      g_signal_connect_swapped (document, "changed", G_CALLBACK (queue_check), self);
      g_signal_connect_swapped (document, "evidence-files-changed", G_CALLBACK (queue_check), self);
    }
  update_edition (self);
  check_now (self);
  rebuild_rows (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DOCUMENT]);
}

/* Properties ------------------------------------------------------------- */

const char *
custos_soa_page_get_search_text (CustosSoaPage *self)
{
  g_return_val_if_fail (CUSTOS_IS_SOA_PAGE (self), NULL);
  return self->search_text != NULL ? self->search_text : "";
}

void
custos_soa_page_set_search_text (CustosSoaPage *self,
                                 const char    *search_text)
{
  g_return_if_fail (CUSTOS_IS_SOA_PAGE (self));

  if (search_text == NULL)
    search_text = "";
  if (g_strcmp0 (search_text, custos_soa_page_get_search_text (self)) == 0)
    return;

  g_free (self->search_text);
  self->search_text = g_strdup (search_text);
  g_free (self->key);
  self->key = custos_search_key (search_text);
  if (g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (self->search_entry)), search_text) != 0)
    {
      self->syncing = TRUE;
      gtk_editable_set_text (GTK_EDITABLE (self->search_entry), search_text);
      self->syncing = FALSE;
    }
  if (!self->rebuilding)
    rebuild_rows (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SEARCH_TEXT]);
}

CustosSoaFilter
custos_soa_page_get_filter (CustosSoaPage *self)
{
  g_return_val_if_fail (CUSTOS_IS_SOA_PAGE (self), CUSTOS_SOA_FILTER_ALL);
  return self->filter;
}

void
custos_soa_page_set_filter (CustosSoaPage   *self,
                            CustosSoaFilter  filter)
{
  g_return_if_fail (CUSTOS_IS_SOA_PAGE (self));
  g_return_if_fail (filter < CUSTOS_SOA_N_FILTERS);

  if (self->filter == filter)
    return;
  self->filter = filter;
  self->syncing = TRUE;
  gtk_drop_down_set_selected (self->filter_dropdown, filter);
  self->syncing = FALSE;
  if (!self->rebuilding)
    rebuild_rows (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FILTER]);
}

const char *
custos_soa_page_get_group (CustosSoaPage *self)
{
  g_return_val_if_fail (CUSTOS_IS_SOA_PAGE (self), NULL);
  return self->group_id;
}

void
custos_soa_page_set_group (CustosSoaPage *self,
                           const char    *group_id)
{
  CustosCatalogue *catalogue;
  guint index = 0;

  g_return_if_fail (CUSTOS_IS_SOA_PAGE (self));

  if (g_strcmp0 (self->group_id, group_id) == 0)
    return;
  catalogue = custos_catalogue_get (edition (self));
  for (guint g = 0; group_id != NULL && g < custos_catalogue_get_n_groups (catalogue); g++)
    if (g_str_equal (custos_catalogue_get_group (catalogue, g)->id, group_id))
      index = g + 1;
  if (group_id != NULL && index == 0)
    {
      g_warning ("“%s” is no theme or category of the document’s edition", group_id);
      return;
    }
  g_free (self->group_id);
  self->group_id = g_strdup (group_id);
  self->syncing = TRUE;
  gtk_drop_down_set_selected (self->group_dropdown, index);
  self->syncing = FALSE;
  if (!self->rebuilding)
    rebuild_rows (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_GROUP]);
}

const char *
custos_soa_page_get_attribute (CustosSoaPage *self)
{
  g_return_val_if_fail (CUSTOS_IS_SOA_PAGE (self), NULL);
  return self->attribute != NULL ? self->attribute->name : NULL;
}

void
custos_soa_page_set_attribute (CustosSoaPage *self,
                               const char    *attribute)
{
  const Attribute *found = find_attribute (attribute);

  g_return_if_fail (CUSTOS_IS_SOA_PAGE (self));

  if (attribute != NULL && found == NULL)
    {
      g_warning ("“%s” is no attribute of ISO/IEC 27002:2022", attribute);
      return;
    }
  if (self->attribute == found)
    return;
  self->attribute = found;
  self->syncing = TRUE;
  gtk_drop_down_set_selected (self->attribute_dropdown, found != NULL ? (guint) (found - attributes) + 1 : 0);
  self->syncing = FALSE;
  if (!self->rebuilding)
    rebuild_rows (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ATTRIBUTE]);
}

GListModel *
custos_soa_page_get_model (CustosSoaPage *self)
{
  g_return_val_if_fail (CUSTOS_IS_SOA_PAGE (self), NULL);
  return G_LIST_MODEL (self->rows);
}

guint
custos_soa_page_get_n_shown (CustosSoaPage *self)
{
  g_return_val_if_fail (CUSTOS_IS_SOA_PAGE (self), 0);
  return self->n_shown;
}

guint
custos_soa_page_get_n_decided (CustosSoaPage *self)
{
  g_return_val_if_fail (CUSTOS_IS_SOA_PAGE (self), 0);
  ensure_checked (self);
  return self->n_decided;
}

GtkSelectionModel *
custos_soa_page_get_selection (CustosSoaPage *self)
{
  g_return_val_if_fail (CUSTOS_IS_SOA_PAGE (self), NULL);
  return GTK_SELECTION_MODEL (self->selection);
}

CustosRecordEditor *
custos_soa_page_get_editor (CustosSoaPage *self)
{
  g_return_val_if_fail (CUSTOS_IS_SOA_PAGE (self), NULL);
  return self->editor;
}

/* Layout ----------------------------------------------------------------- */

static gboolean
apply_layout (gpointer user_data)
{
  CustosSoaPage *self = user_data;
  int width = gtk_widget_get_width (GTK_WIDGET (self->paned));
  int height = gtk_widget_get_height (GTK_WIDGET (self->paned));

  self->layout_idle = 0;
  update_editor_visibility (self);
  /* The list gets the larger share: it is what an auditor reads. */
  if (self->narrow && height > 0)
    gtk_paned_set_position (self->paned, height * 11 / 20);
  else if (!self->narrow && width > 0)
    gtk_paned_set_position (self->paned, width - CLAMP (width / 3, 360, 480));
  return G_SOURCE_REMOVE;
}

static void
custos_soa_page_measure (GtkWidget      *widget,
                         GtkOrientation  orientation,
                         int             for_size,
                         int            *minimum,
                         int            *natural,
                         int            *minimum_baseline,
                         int            *natural_baseline)
{
  CustosSoaPage *self = CUSTOS_SOA_PAGE (widget);

  gtk_widget_measure (self->box, orientation, for_size, minimum, natural, minimum_baseline, natural_baseline);
  /* Narrower than NARROW_WIDTH the editor goes under the list. */
  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      *minimum = custos_paned_stacked_minimum (self->box, self->paned);
      *natural = MAX (*natural, *minimum);
    }
}

static void
custos_soa_page_size_allocate (GtkWidget *widget,
                               int        width,
                               int        height,
                               int        baseline)
{
  CustosSoaPage *self = CUSTOS_SOA_PAGE (widget);
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

/* Today; a new date (midnight, a window woken up) refreshes what depends on it. */
static void
set_clock (CustosSoaPage *self,
           CustosClock   *clock)
{
  if (!custos_clock_watch (&self->clock, clock, G_CALLBACK (on_today), self))
    return;
  on_today (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CLOCK]);
}

static void
custos_soa_page_dispose (GObject *object)
{
  CustosSoaPage *self = CUSTOS_SOA_PAGE (object);

  g_clear_handle_id (&self->layout_idle, g_source_remove);
  disconnect_document (self);
  if (self->selection != NULL)
    g_signal_handlers_disconnect_by_func (self->selection, on_selection_changed, self);
  if (self->column_view != NULL)
    gtk_column_view_set_model (self->column_view, NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), CUSTOS_TYPE_SOA_PAGE);
  self->editor_stack = NULL;
  for (guint i = 0; i < N_COLUMNS; i++)
    g_clear_object (&self->columns[i].column);
  g_clear_object (&self->selection);
  g_clear_object (&self->rows);
  g_clear_object (&self->selected);
  g_clear_object (&self->document);
  custos_clock_unwatch (&self->clock, self);

  G_OBJECT_CLASS (custos_soa_page_parent_class)->dispose (object);
}

static void
custos_soa_page_finalize (GObject *object)
{
  CustosSoaPage *self = CUSTOS_SOA_PAGE (object);

  g_hash_table_unref (self->problems);
  g_hash_table_unref (self->bound);
  g_array_unref (self->group_decided);
  g_free (self->search_text);
  g_free (self->key);
  g_free (self->group_id);

  G_OBJECT_CLASS (custos_soa_page_parent_class)->finalize (object);
}

static void
custos_soa_page_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  CustosSoaPage *self = CUSTOS_SOA_PAGE (object);

  switch (prop_id)
    {
    case PROP_DOCUMENT:
      g_value_set_object (value, self->document);
      break;
    case PROP_SEARCH_TEXT:
      g_value_set_string (value, custos_soa_page_get_search_text (self));
      break;
    case PROP_FILTER:
      g_value_set_int (value, self->filter);
      break;
    case PROP_GROUP:
      g_value_set_string (value, self->group_id);
      break;
    case PROP_ATTRIBUTE:
      g_value_set_string (value, custos_soa_page_get_attribute (self));
      break;
    case PROP_N_SHOWN:
      g_value_set_uint (value, self->n_shown);
      break;
    case PROP_N_DECIDED:
      g_value_set_uint (value, self->n_decided);
      break;
    case PROP_CLOCK:
      g_value_set_object (value, self->clock);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
custos_soa_page_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  CustosSoaPage *self = CUSTOS_SOA_PAGE (object);

  switch (prop_id)
    {
    case PROP_DOCUMENT:
      custos_soa_page_set_document (self, g_value_get_object (value));
      break;
    case PROP_SEARCH_TEXT:
      custos_soa_page_set_search_text (self, g_value_get_string (value));
      break;
    case PROP_FILTER:
      custos_soa_page_set_filter (self, (CustosSoaFilter) g_value_get_int (value));
      break;
    case PROP_GROUP:
      custos_soa_page_set_group (self, g_value_get_string (value));
      break;
    case PROP_ATTRIBUTE:
      custos_soa_page_set_attribute (self, g_value_get_string (value));
      break;
    case PROP_CLOCK:
      set_clock (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
custos_soa_page_class_init (CustosSoaPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = custos_soa_page_dispose;
  object_class->finalize = custos_soa_page_finalize;
  object_class->get_property = custos_soa_page_get_property;
  object_class->set_property = custos_soa_page_set_property;
  widget_class->measure = custos_soa_page_measure;
  widget_class->size_allocate = custos_soa_page_size_allocate;

  properties[PROP_DOCUMENT] =
    g_param_spec_object ("document", NULL, NULL, CUSTOS_TYPE_DOCUMENT,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_SEARCH_TEXT] =
    g_param_spec_string ("search-text", NULL, NULL, "",
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_FILTER] =
    g_param_spec_int ("filter", NULL, NULL, 0, CUSTOS_SOA_N_FILTERS - 1, CUSTOS_SOA_FILTER_ALL,
                      G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_GROUP] =
    g_param_spec_string ("group", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_ATTRIBUTE] =
    g_param_spec_string ("attribute", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_N_SHOWN] =
    g_param_spec_uint ("n-shown", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_N_DECIDED] =
    g_param_spec_uint ("n-decided", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  /* Today: the readiness findings shown on controls are as of its date. */
  properties[PROP_CLOCK] =
    g_param_spec_object ("clock", NULL, NULL, CUSTOS_TYPE_CLOCK,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_install_action (widget_class, "soa.set-applicable", "i", set_applicable_action);
  gtk_widget_class_install_action (widget_class, "soa.set-implementation", "i", set_implementation_action);
  gtk_widget_class_install_action (widget_class, "soa.set-owner", "s", set_owner_action);
  gtk_widget_class_install_action (widget_class, "soa.select-none", NULL, select_none_action);
  gtk_widget_class_install_action (widget_class, "soa.select-all", NULL, select_all_action);
  gtk_widget_class_install_action (widget_class, "soa.clear-filters", NULL, clear_filters_action);
  gtk_widget_class_install_action (widget_class, "soa.focus-search", NULL, focus_search_action);

  g_type_ensure (CUSTOS_TYPE_RECORD_EDITOR);
  g_type_ensure (CUSTOS_TYPE_WRAP_BOX);
  gtk_widget_class_set_template_from_resource (widget_class, APP_PATH "/ui/custos-soa-page.ui");
  gtk_widget_class_bind_template_child (widget_class, CustosSoaPage, box);
  gtk_widget_class_bind_template_child (widget_class, CustosSoaPage, subtitle_label);
  gtk_widget_class_bind_template_child (widget_class, CustosSoaPage, search_entry);
  gtk_widget_class_bind_template_child (widget_class, CustosSoaPage, migrate_revealer);
  gtk_widget_class_bind_template_child (widget_class, CustosSoaPage, filter_dropdown);
  gtk_widget_class_bind_template_child (widget_class, CustosSoaPage, group_dropdown);
  gtk_widget_class_bind_template_child (widget_class, CustosSoaPage, attribute_dropdown);
  gtk_widget_class_bind_template_child (widget_class, CustosSoaPage, shown_label);
  gtk_widget_class_bind_template_child (widget_class, CustosSoaPage, progress_bar);
  gtk_widget_class_bind_template_child (widget_class, CustosSoaPage, progress_label);
  gtk_widget_class_bind_template_child (widget_class, CustosSoaPage, paned);
  gtk_widget_class_bind_template_child (widget_class, CustosSoaPage, results_stack);
  gtk_widget_class_bind_template_child (widget_class, CustosSoaPage, column_view);
  gtk_widget_class_bind_template_child (widget_class, CustosSoaPage, bulk_revealer);
  gtk_widget_class_bind_template_child (widget_class, CustosSoaPage, bulk_label);
  gtk_widget_class_bind_template_child (widget_class, CustosSoaPage, owner_button);
  gtk_widget_class_bind_template_child (widget_class, CustosSoaPage, editor_stack);
  gtk_widget_class_bind_template_child (widget_class, CustosSoaPage, editor_scroller);
  gtk_widget_class_bind_template_child (widget_class, CustosSoaPage, many_page);
  gtk_widget_class_bind_template_child (widget_class, CustosSoaPage, editor);
  gtk_widget_class_bind_template_callback (widget_class, on_search_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_stop_search);
  gtk_widget_class_bind_template_callback (widget_class, on_search_activate);
  gtk_widget_class_bind_template_callback (widget_class, on_filter_selected);
  gtk_widget_class_bind_template_callback (widget_class, on_group_selected);
  gtk_widget_class_bind_template_callback (widget_class, on_attribute_selected);
  gtk_widget_class_bind_template_callback (widget_class, on_row_activate);

  gtk_widget_class_set_css_name (widget_class, "custos-soa-page");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
custos_soa_page_init (CustosSoaPage *self)
{
  g_autoptr(GtkStringList) attribute_labels = gtk_string_list_new (NULL);
  GtkEventController *controller;

  self->problems = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, (GDestroyNotify) g_ptr_array_unref);
  self->bound = g_hash_table_new (NULL, NULL);
  g_signal_connect (self, "map", G_CALLBACK (on_map), NULL);
  g_signal_connect (self, "unmap", G_CALLBACK (on_unmap), NULL);
  self->group_decided = g_array_new (FALSE, TRUE, sizeof (guint));

  gtk_widget_init_template (GTK_WIDGET (self));
  custos_clock_watch (&self->clock, NULL, G_CALLBACK (on_today), self);

  gtk_string_list_append (attribute_labels, _("Any attribute"));
  for (guint i = 0; i < G_N_ELEMENTS (attributes); i++)
    gtk_string_list_append (attribute_labels, _(attributes[i].label));
  gtk_drop_down_set_model (self->attribute_dropdown, G_LIST_MODEL (attribute_labels));

  build_columns (self);
  self->rows = g_list_store_new (G_TYPE_OBJECT);
  self->selection = gtk_multi_selection_new (g_object_ref (G_LIST_MODEL (self->rows)));
  g_signal_connect (self->selection, "selection-changed", G_CALLBACK (on_selection_changed), self);
  gtk_column_view_set_model (self->column_view, GTK_SELECTION_MODEL (self->selection));
  gtk_menu_button_set_create_popup_func (self->owner_button, create_owner_menu, self, NULL);

  /* Ctrl+F wherever the focus is, as long as the page is on screen. */
  controller = gtk_shortcut_controller_new ();
  gtk_shortcut_controller_set_scope (GTK_SHORTCUT_CONTROLLER (controller), GTK_SHORTCUT_SCOPE_MANAGED);
  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (controller),
                                        gtk_shortcut_new (gtk_keyval_trigger_new (GDK_KEY_f, GDK_CONTROL_MASK),
                                                          gtk_named_action_new ("soa.focus-search")));
  gtk_widget_add_controller (GTK_WIDGET (self), controller);
  gtk_search_entry_set_key_capture_widget (self->search_entry, GTK_WIDGET (self->column_view));

  self->n_selected = G_MAXUINT; /* so that the first update sets the actions */
  update_edition (self);
  update_progress (self);
  update_shown (self);
  update_selection_state (self);
}

GtkWidget *
custos_soa_page_new (void)
{
  return g_object_new (CUSTOS_TYPE_SOA_PAGE, NULL);
}
