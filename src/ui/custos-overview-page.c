/* SPDX-License-Identifier: GPL-3.0-or-later */
/* custos-overview-page.c — where a manager starts: who, what, what next */
#include "config.h"

#include <glib/gi18n.h>

#include "custos-clock.h"
#include "custos-enums.h"
#include "custos-field-format.h"
#include "custos-labels.h"
#include "custos-overview-page.h"
#include "custos-pages.h"
#include "custos-readiness.h"
#include "custos-record-editor.h"

#define MAX_STEPS     5
#define MAX_ATTENTION 8

struct _CustosOverviewPage
{
  AdwBin               parent_instance;

  CustosDocument      *document;
  CustosClock         *clock;
  guint                refresh_id;
  guint                attention_id;    /* idle: the readiness check, after a frame */
  gulong               after_paint_id;  /* on the frame clock, waiting to queue it */
  gboolean             attention_stale; /* the document changed since the last check */
  GPtrArray           *step_pages;   /* page names of the steps shown */
  GPtrArray           *rows;         /* rows added to the steps group */
  GPtrArray           *attention_rows;

  GtkLabel            *name_label;
  GtkLabel            *summary_label;
  GtkFlowBox          *counts_box;
  AdwPreferencesGroup *steps_group;
  AdwPreferencesGroup *attention_group;
  AdwActionRow        *scope_row;
  CustosRecordEditor  *organisation_editor;
};

G_DEFINE_FINAL_TYPE (CustosOverviewPage, custos_overview_page, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_DOCUMENT,
  PROP_CLOCK,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

typedef struct
{
  const char *page;
  const char *title;
  const char *subtitle;
  int         reg;     /* needed while this register is empty, or -1 */
  int         section; /* needed while this section's field is empty, or -1 */
  guint       field;   /* of the section's kind */
} Step;

static const Step steps[] = {
  { "context", N_("Define the scope of the ISMS"), N_("Clause 4.3: what the ISMS covers and what it leaves out"),
    -1, CUSTOS_SECTION_SCOPE, CUSTOS_SCOPE_FIELD_STATEMENT },
  { "context", N_("List internal and external issues"), N_("Clause 4.1: what affects your information security"),
    CUSTOS_REGISTER_ISSUES, -1, 0 },
  { "context", N_("Name the interested parties"), N_("Clause 4.2: who expects what of your ISMS"),
    CUSTOS_REGISTER_PARTIES, -1, 0 },
  { "leadership", N_("Write the information security policy"), N_("Clause 5.2: the commitment of top management"),
    -1, CUSTOS_SECTION_POLICY, CUSTOS_POLICY_FIELD_STATEMENT },
  { "leadership", N_("Assign roles and responsibilities"), N_("Clause 5.3: who owns the ISMS, the risks and the controls"),
    CUSTOS_REGISTER_ROLES, -1, 0 },
  { "assets", N_("Record your information assets"), N_("Clause 6.1.2: what needs protecting"),
    CUSTOS_REGISTER_ASSETS, -1, 0 },
  { "risks", N_("Identify and assess the risks"), N_("Clause 6.1.2: what could go wrong, how likely and how bad"),
    CUSTOS_REGISTER_RISKS, -1, 0 },
  { "treatment", N_("Plan the risk treatment"), N_("Clause 6.1.3: the actions that bring risks down"),
    CUSTOS_REGISTER_ACTIONS, -1, 0 },
  { "objectives", N_("Set information security objectives"), N_("Clause 6.2: measurable targets"),
    CUSTOS_REGISTER_OBJECTIVES, -1, 0 },
  { "support", N_("Record training and awareness"), N_("Clause 7.2 and 7.3: evidence of competence"),
    CUSTOS_REGISTER_TRAININGS, -1, 0 },
  { "support", N_("Register your documents"), N_("Clause 7.5: policies and procedures under control"),
    CUSTOS_REGISTER_DOCUMENTS, -1, 0 },
  { "performance", N_("Plan the internal audits"), N_("Clause 9.2: every process audited within three years"),
    CUSTOS_REGISTER_AUDITS, -1, 0 },
  { "performance", N_("Hold a management review"), N_("Clause 9.3: top management reviews the ISMS"),
    CUSTOS_REGISTER_REVIEWS, -1, 0 },
};

static guint
count_undecided (CustosDocument *document)
{
  GListModel *soa = custos_document_get_register (document, CUSTOS_REGISTER_SOA);
  guint n = 0;

  for (guint i = 0, len = g_list_model_get_n_items (soa); i < len; i++)
    {
      g_autoptr(CustosRecord) entry = g_list_model_get_item (soa, i);
      n += custos_soa_entry_get_applicable (CUSTOS_SOA_ENTRY (entry)) == CUSTOS_APPLICABILITY_UNDECIDED;
    }
  return n;
}

static GtkWidget *
link_row (const char *title,
          const char *subtitle,
          const char *page)
{
  GtkWidget *row = adw_action_row_new ();

  /* Findings quote titles people typed: "Fenwick & Co" is text. */
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (row), "win.show-page");
  gtk_actionable_set_action_target (GTK_ACTIONABLE (row), "s", page);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name ("go-next-symbolic"));
  return row;
}

static void
add_row (CustosOverviewPage  *self,
         AdwPreferencesGroup *group,
         GtkWidget           *row)
{
  adw_preferences_group_add (group, row);
  g_ptr_array_add (group == self->attention_group ? self->attention_rows : self->rows, row);
}

static void
remove_rows (GPtrArray *rows)
{
  for (guint i = 0; i < rows->len; i++)
    {
      GtkWidget *row = rows->pdata[i];
      adw_preferences_group_remove (ADW_PREFERENCES_GROUP (gtk_widget_get_ancestor (row, ADW_TYPE_PREFERENCES_GROUP)), row);
    }
  g_ptr_array_set_size (rows, 0);
}

static void
refresh_steps (CustosOverviewPage *self)
{
  guint undecided = count_undecided (self->document);

  g_ptr_array_set_size (self->step_pages, 0);
  for (guint i = 0; i < G_N_ELEMENTS (steps) && self->step_pages->len < MAX_STEPS; i++)
    {
      const Step *step = &steps[i];
      gboolean needed;

      if (step->reg >= 0)
        needed = custos_document_count (self->document, step->reg) == 0;
      else
        needed = custos_record_field_is_empty (custos_document_get_section (self->document, step->section),
                                               step->field);
      /* The SoA comes once the risks are there: it follows from their treatment. */
      if (!needed && step->reg == CUSTOS_REGISTER_ACTIONS && undecided > 0 && self->step_pages->len < MAX_STEPS)
        {
          g_autofree char *title = g_strdup_printf (ngettext ("Decide on %u control of Annex A",
                                                             "Decide on %u controls of Annex A", undecided), undecided);
          add_row (self, self->steps_group,
                   link_row (title, _("Clause 6.1.3 d: the Statement of Applicability"), "soa"));
          g_ptr_array_add (self->step_pages, (gpointer) "soa");
        }
      if (!needed)
        continue;
      add_row (self, self->steps_group, link_row (_(step->title), _(step->subtitle), step->page));
      g_ptr_array_add (self->step_pages, (gpointer) step->page);
    }
  if (self->step_pages->len == 0)
    {
      GtkWidget *row = adw_action_row_new ();
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("Every part of the ISMS is in place"));
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), _("Keep it running: review, audit and improve"));
      add_row (self, self->steps_group, row);
    }
}

static gboolean
refresh_attention (gpointer user_data)
{
  CustosOverviewPage *self = user_data;
  g_autoptr(CustosReadiness) readiness = NULL;
  guint shown = 0;

  self->attention_id = 0;
  self->attention_stale = FALSE;
  remove_rows (self->attention_rows);
  if (self->document == NULL)
    {
      gtk_widget_set_visible (GTK_WIDGET (self->attention_group), FALSE);
      return G_SOURCE_REMOVE;
    }
  readiness = custos_readiness_new (self->document, custos_clock_get_today (self->clock));

  /* Dated items only: what is overdue, expired or past its review. */
  for (guint i = 0; i < custos_readiness_get_n_findings (readiness) && shown < MAX_ATTENTION; i++)
    {
      const CustosReadinessFinding *finding = custos_readiness_get_finding (readiness, i);
      g_autofree char *subtitle = NULL;
      g_autofree char *message = NULL;
      GtkWidget *row;

      if (strstr (finding->rule, "overdue") == NULL && strstr (finding->rule, "expired") == NULL &&
          strstr (finding->rule, "review") == NULL)
        continue;
      subtitle = g_strdup_printf (_("Clause %s"), finding->clause);
      message = custos_format_message (finding->message);
      row = link_row (message, subtitle, custos_page_for_section (finding->section));
      /* The record itself, or its register's tab, not just the first tab of its page. */
      if (finding->reg >= 0)
        {
          gtk_actionable_set_action_name (GTK_ACTIONABLE (row), "win.show-record");
          gtk_actionable_set_action_target (GTK_ACTIONABLE (row), "(ss)",
                                            custos_kinds_register (finding->reg)->register_name,
                                            finding->record_id != NULL ? finding->record_id : "");
        }
      add_row (self, self->attention_group, row);
      shown++;
    }
  gtk_widget_set_visible (GTK_WIDGET (self->attention_group), shown > 0);
  return G_SOURCE_REMOVE;
}

static void
on_after_paint (GdkFrameClock      *clock,
                CustosOverviewPage *self)
{
  g_clear_signal_handler (&self->after_paint_id, clock);
  if (self->attention_id == 0)
    self->attention_id = g_idle_add_full (G_PRIORITY_LOW, refresh_attention, self, NULL);
}

/* The readiness check behind "Needs attention" reads the whole document
 * (some 50 ms of the main thread at 10,000 risks): it runs only while the
 * page is on screen, once the frame that shows the rest of the page is
 * painted; a page out of sight only notes that its findings are stale. */
static void
queue_attention (CustosOverviewPage *self)
{
  GdkFrameClock *clock;

  self->attention_stale = TRUE;
  if (!gtk_widget_get_mapped (GTK_WIDGET (self)) || self->attention_id != 0 || self->after_paint_id != 0)
    return;
  clock = gtk_widget_get_frame_clock (GTK_WIDGET (self));
  self->after_paint_id = g_signal_connect (clock, "after-paint", G_CALLBACK (on_after_paint), self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
on_map (CustosOverviewPage *self)
{
  if (self->attention_stale)
    queue_attention (self);
}

static void
on_unmap (CustosOverviewPage *self)
{
  /* Until it is shown again. */
  if (self->after_paint_id != 0)
    g_clear_signal_handler (&self->after_paint_id, gtk_widget_get_frame_clock (GTK_WIDGET (self)));
  if (self->attention_id != 0)
    {
      g_clear_handle_id (&self->attention_id, g_source_remove);
      self->attention_stale = TRUE;
    }
}

static void
refresh_counts (CustosOverviewPage *self)
{
  GtkWidget *child;
  const CustosRegister shown[] = {
    CUSTOS_REGISTER_ASSETS, CUSTOS_REGISTER_RISKS, CUSTOS_REGISTER_ACTIONS, CUSTOS_REGISTER_OBJECTIVES,
    CUSTOS_REGISTER_DOCUMENTS, CUSTOS_REGISTER_TRAININGS, CUSTOS_REGISTER_AUDITS, CUSTOS_REGISTER_REVIEWS,
    CUSTOS_REGISTER_NONCONFORMITIES, CUSTOS_REGISTER_INCIDENTS, CUSTOS_REGISTER_ISSUES, CUSTOS_REGISTER_ROLES,
  };

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->counts_box))) != NULL)
    gtk_flow_box_remove (self->counts_box, child);

  for (guint i = 0; i < G_N_ELEMENTS (shown); i++)
    {
      const CustosKind *kind = custos_kinds_register (shown[i]);
      GtkWidget *button = gtk_button_new ();
      GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
      g_autofree char *number = g_strdup_printf ("%u", custos_document_count (self->document, shown[i]));
      GtkWidget *count = gtk_label_new (number);
      GtkWidget *label = gtk_label_new (_(kind->plural));
      g_autofree char *accessible = g_strdup_printf ("%s: %s", _(kind->plural), number);

      gtk_widget_add_css_class (count, "title-2");
      gtk_widget_add_css_class (count, "numeric");
      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_label_set_max_width_chars (GTK_LABEL (label), 16);
      gtk_label_set_width_chars (GTK_LABEL (label), 12);
      gtk_label_set_justify (GTK_LABEL (label), GTK_JUSTIFY_CENTER);
      gtk_label_set_lines (GTK_LABEL (label), 2);
      gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
      gtk_widget_add_css_class (label, "caption");
      gtk_box_append (GTK_BOX (box), count);
      gtk_box_append (GTK_BOX (box), label);
      gtk_button_set_child (GTK_BUTTON (button), box);
      gtk_widget_add_css_class (button, "card");
      gtk_widget_add_css_class (button, "register-count");
      /* The register's tab, not the first of its page. */
      gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "win.show-record");
      gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "(ss)", kind->register_name, "");
      gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, accessible, -1);
      gtk_flow_box_append (self->counts_box, button);
    }
}

static gboolean
refresh (gpointer user_data)
{
  CustosOverviewPage *self = user_data;
  CustosRecord *org = custos_document_get_section (self->document, CUSTOS_SECTION_ORGANISATION);
  CustosRecord *scope = custos_document_get_section (self->document, CUSTOS_SECTION_SCOPE);
  const char *name = custos_organisation_get_name (CUSTOS_ORGANISATION (org));
  const char *classification = custos_organisation_get_classification (CUSTOS_ORGANISATION (org));
  const char *statement = custos_scope_get_statement (CUSTOS_SCOPE (scope));
  g_autofree char *summary = NULL;

  self->refresh_id = 0;
  gtk_label_set_text (self->name_label, name ? name : _("Untitled ISMS"));
  summary = g_strdup_printf ("%s · %s", custos_enum_value_label (CUSTOS_TYPE_EDITION, custos_document_get_edition (self->document)),
                             classification ? classification : _("No classification label"));
  gtk_label_set_text (self->summary_label, summary);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->scope_row),
                                 statement ? statement : _("No scope statement yet"));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (self->scope_row), _("Clause 4.3"));

  remove_rows (self->rows);
  refresh_steps (self);
  refresh_counts (self);
  queue_attention (self);
  return G_SOURCE_REMOVE;
}

/* Edits come a keystroke at a time: refresh once the burst is over. */
static void
queue_refresh (CustosOverviewPage *self)
{
  if (self->refresh_id == 0)
    self->refresh_id = g_timeout_add (150, refresh, self);
}

static void
on_today (CustosOverviewPage *self)
{
  if (self->document != NULL)
    queue_refresh (self);
}

static void
set_document (CustosOverviewPage *self,
              CustosDocument     *document)
{
  if (self->document == document)
    return;
  if (self->document != NULL)
    g_signal_handlers_disconnect_by_data (self->document, self);
  g_set_object (&self->document, document);
  g_object_set (self->organisation_editor, "document", document,
                "record", document ? custos_document_get_section (document, CUSTOS_SECTION_ORGANISATION) : NULL,
                NULL);
  if (document != NULL)
    {
      g_signal_connect_object (document, "changed", G_CALLBACK (queue_refresh), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (document, "evidence-files-changed", G_CALLBACK (queue_refresh), self,
                               G_CONNECT_SWAPPED);
      g_clear_handle_id (&self->refresh_id, g_source_remove);
      refresh (self);
    }
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DOCUMENT]);
}

GStrv
custos_overview_page_get_steps (CustosOverviewPage *self)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  g_return_val_if_fail (CUSTOS_IS_OVERVIEW_PAGE (self), NULL);

  for (guint i = 0; i < self->step_pages->len; i++)
    g_strv_builder_add (builder, self->step_pages->pdata[i]);
  return g_strv_builder_end (builder);
}

/* Today; a new date (midnight, a window woken up) refreshes what depends on it. */
static void
set_clock (CustosOverviewPage *self,
           CustosClock        *clock)
{
  if (!custos_clock_watch (&self->clock, clock, G_CALLBACK (on_today), self))
    return;
  on_today (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CLOCK]);
}

static void
custos_overview_page_dispose (GObject *object)
{
  CustosOverviewPage *self = CUSTOS_OVERVIEW_PAGE (object);

  g_clear_handle_id (&self->refresh_id, g_source_remove);
  g_clear_handle_id (&self->attention_id, g_source_remove);
  g_clear_object (&self->document);
  g_clear_pointer (&self->step_pages, g_ptr_array_unref);
  g_clear_pointer (&self->rows, g_ptr_array_unref);
  g_clear_pointer (&self->attention_rows, g_ptr_array_unref);
  gtk_widget_dispose_template (GTK_WIDGET (self), CUSTOS_TYPE_OVERVIEW_PAGE);
  custos_clock_unwatch (&self->clock, self);

  G_OBJECT_CLASS (custos_overview_page_parent_class)->dispose (object);
}

static void
custos_overview_page_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  CustosOverviewPage *self = CUSTOS_OVERVIEW_PAGE (object);

  switch (prop_id)
    {
    case PROP_DOCUMENT:
      g_value_set_object (value, self->document);
      break;
    case PROP_CLOCK:
      g_value_set_object (value, self->clock);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
custos_overview_page_set_property (GObject      *object,
                                   guint         prop_id,
                                   const GValue *value,
                                   GParamSpec   *pspec)
{
  CustosOverviewPage *self = CUSTOS_OVERVIEW_PAGE (object);

  switch (prop_id)
    {
    case PROP_DOCUMENT:
      set_document (self, g_value_get_object (value));
      break;
    case PROP_CLOCK:
      set_clock (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
custos_overview_page_class_init (CustosOverviewPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = custos_overview_page_dispose;
  object_class->get_property = custos_overview_page_get_property;
  object_class->set_property = custos_overview_page_set_property;

  properties[PROP_DOCUMENT] =
    g_param_spec_object ("document", NULL, NULL, CUSTOS_TYPE_DOCUMENT,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  /* Today: the findings that need attention are as of its date. */
  properties[PROP_CLOCK] =
    g_param_spec_object ("clock", NULL, NULL, CUSTOS_TYPE_CLOCK,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (CUSTOS_TYPE_RECORD_EDITOR);
  gtk_widget_class_set_template_from_resource (widget_class, APP_PATH "/ui/custos-overview-page.ui");
  gtk_widget_class_bind_template_child (widget_class, CustosOverviewPage, name_label);
  gtk_widget_class_bind_template_child (widget_class, CustosOverviewPage, summary_label);
  gtk_widget_class_bind_template_child (widget_class, CustosOverviewPage, counts_box);
  gtk_widget_class_bind_template_child (widget_class, CustosOverviewPage, steps_group);
  gtk_widget_class_bind_template_child (widget_class, CustosOverviewPage, attention_group);
  gtk_widget_class_bind_template_child (widget_class, CustosOverviewPage, scope_row);
  gtk_widget_class_bind_template_child (widget_class, CustosOverviewPage, organisation_editor);
}

static void
custos_overview_page_init (CustosOverviewPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  custos_clock_watch (&self->clock, NULL, G_CALLBACK (on_today), self);
  self->step_pages = g_ptr_array_new ();
  self->rows = g_ptr_array_new ();
  self->attention_rows = g_ptr_array_new ();
  g_signal_connect (self, "map", G_CALLBACK (on_map), NULL);
  g_signal_connect (self, "unmap", G_CALLBACK (on_unmap), NULL);
}
