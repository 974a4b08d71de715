/* SPDX-License-Identifier: GPL-3.0-or-later */
/* custos-audit-page.c — the internal audit programme (9.2)
 *
 * The audits register above. Below, on the left, the programme's coverage of
 * the processes over three years (CustosCoverageView, from
 * custos_audit_coverage()); on the right, the findings of the selected audit,
 * each with "Raise Nonconformity" (one undoable step that creates the
 * nonconformity and links the finding to it, then shows it) or a link to the
 * nonconformity already raised. The verbs are the page's actions
 * audits.raise-nonconformity (the finding's id) and audits.add-finding.
 */
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "custos-clock.h"
#include "custos-audit-page.h"
#include "custos-wrap-box.h"
#include "custos-paned.h"
#include "custos-enums.h"
#include "custos-field-format.h"
#include "custos-labels.h"
#include "custos-readiness.h"

/* A nonconformity's title taken from a finding is cut near this length. */
#define MAX_TITLE 90

struct _CustosAuditPage
{
  AdwBin              parent_instance;

  CustosDocument     *document;
  CustosClock        *clock;
  CustosRecord       *audit;
  guint               refresh_id;

  /* template children */
  GtkPaned           *paned;
  CustosRegisterView *register_view;
  CustosCoverageView *coverage_view;
  GtkLabel           *findings_subtitle;
  GtkStack           *findings_stack;
  GtkLabel           *findings_empty;
  GtkListBox         *findings_list;
};

G_DEFINE_FINAL_TYPE (CustosAuditPage, custos_audit_page, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_DOCUMENT,
  PROP_CLOCK,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* Raising a nonconformity ------------------------------------------------- */

/* The first sentence of a finding, cut at a word near MAX_TITLE characters. */
static char *
title_from (const char *description)
{
  g_autofree char *text = g_strstrip (g_strdup (description != NULL ? description : ""));
  char *end;
  const char *cut;

  g_strdelimit (text, "\n\r\t", ' ');
  end = strstr (text, ". ");
  if (end != NULL)
    *end = '\0';
  else if (*text != '\0' && text[strlen (text) - 1] == '.')
    text[strlen (text) - 1] = '\0';
  if (g_utf8_strlen (text, -1) <= MAX_TITLE)
    return g_steal_pointer (&text);
  cut = g_utf8_offset_to_pointer (text, MAX_TITLE);
  while (cut > text && *cut != ' ')
    cut--;
  if (cut == text)
    cut = g_utf8_offset_to_pointer (text, MAX_TITLE);
  return g_strdup_printf ("%.*s…", (int) (cut - text), text);
}

CustosRecord *
custos_audit_raise_nonconformity (CustosDocument *document,
                                  CustosRecord   *finding,
                                  const GDate    *today)
{
  CustosRecord *audit, *nc;
  const char *linked, *done, *reference, *description;
  g_autofree char *title = NULL;
  g_autofree char *text = NULL;
  char iso[CUSTOS_DATE_ISO_SIZE];

  g_return_val_if_fail (CUSTOS_IS_DOCUMENT (document), NULL);
  g_return_val_if_fail (CUSTOS_IS_FINDING (finding), NULL);
  g_return_val_if_fail (today != NULL && g_date_valid (today), NULL);

  linked = custos_finding_get_nonconformity (CUSTOS_FINDING (finding));
  nc = linked != NULL ? custos_document_lookup (document, CUSTOS_REGISTER_NONCONFORMITIES, linked) : NULL;
  if (nc != NULL)
    return nc;

  audit = custos_document_lookup (document, CUSTOS_REGISTER_AUDITS,
                                  custos_finding_get_audit (CUSTOS_FINDING (finding)));
  done = audit != NULL ? custos_audit_get_done (CUSTOS_AUDIT (audit)) : NULL;
  reference = custos_finding_get_reference (CUSTOS_FINDING (finding));
  description = custos_finding_get_description (CUSTOS_FINDING (finding));
  title = title_from (description);
  if (*title == '\0')
    {
      g_free (title);
      /* Translators: the title of a nonconformity raised from a finding without a description */
      title = g_strdup_printf (_("Nonconformity from audit finding %s"), custos_record_get_id (finding));
    }
  if (reference != NULL)
    /* Translators: "Internal audit AUD-002 (finding FND-004, A.5.18): <what the auditor found>" */
    text = g_strdup_printf (_("Internal audit %s (finding %s, %s): %s"),
                            audit != NULL ? custos_record_get_id (audit) : "—", custos_record_get_id (finding),
                            reference, description != NULL ? description : "");
  else
    text = g_strdup_printf (_("Internal audit %s (finding %s): %s"),
                            audit != NULL ? custos_record_get_id (audit) : "—", custos_record_get_id (finding),
                            description != NULL ? description : "");
  custos_date_format_iso (today, iso);

  custos_document_begin_compound (document);
  nc = custos_document_add_new (document, CUSTOS_REGISTER_NONCONFORMITIES);
  custos_nonconformity_set_title (CUSTOS_NONCONFORMITY (nc), title);
  custos_nonconformity_set_source (CUSTOS_NONCONFORMITY (nc), CUSTOS_NC_SOURCE_AUDIT);
  custos_nonconformity_set_raised (CUSTOS_NONCONFORMITY (nc), custos_date_is_valid (done) ? done : iso);
  custos_nonconformity_set_description (CUSTOS_NONCONFORMITY (nc), text);
  custos_nonconformity_set_status (CUSTOS_NONCONFORMITY (nc), CUSTOS_NC_STATUS_OPEN);
  custos_finding_set_nonconformity (CUSTOS_FINDING (finding), custos_record_get_id (nc));
  custos_document_end_compound (document);
  return nc;
}

/* Hiding a focused widget would leave the focus on a hidden widget (and
 * GtkStack would keep the hidden page alive for it): let go of it first. */
static void
release_focus_in (GtkWidget *container)
{
  GtkRoot *root = gtk_widget_get_root (container);
  GtkWidget *focus = root != NULL ? gtk_root_get_focus (root) : NULL;

  if (focus != NULL && gtk_widget_is_ancestor (focus, container))
    gtk_root_set_focus (root, NULL);
}

/* Findings ---------------------------------------------------------------- */

static GtkWidget *
finding_row (CustosAuditPage *self,
             CustosRecord    *finding)
{
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
  GtkWidget *label = gtk_label_new (NULL);
  GtkWidget *meta = gtk_label_new (NULL);
  GtkWidget *button;
  int type = custos_finding_get_finding_type (CUSTOS_FINDING (finding));
  const char *reference = custos_finding_get_reference (CUSTOS_FINDING (finding));
  const char *description = custos_finding_get_description (CUSTOS_FINDING (finding));
  const char *linked = custos_finding_get_nonconformity (CUSTOS_FINDING (finding));
  CustosRecord *nc = custos_document_lookup (self->document, CUSTOS_REGISTER_NONCONFORMITIES, linked);
  const char *type_label = custos_enum_value_label (CUSTOS_TYPE_FINDING_TYPE, type);
  g_autofree char *meta_text = NULL;
  gboolean is_nc = type == CUSTOS_FINDING_TYPE_MAJOR || type == CUSTOS_FINDING_TYPE_MINOR;

  if (reference != NULL)
    meta_text = g_strdup_printf ("%s · %s · %s", custos_record_get_id (finding), type_label, reference);
  else
    meta_text = g_strdup_printf ("%s · %s", custos_record_get_id (finding), type_label);
  gtk_label_set_text (GTK_LABEL (meta), meta_text);
  gtk_label_set_xalign (GTK_LABEL (meta), 0);
  gtk_label_set_wrap (GTK_LABEL (meta), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (meta), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_lines (GTK_LABEL (meta), 2);
  gtk_label_set_ellipsize (GTK_LABEL (meta), PANGO_ELLIPSIZE_END);
  gtk_label_set_max_width_chars (GTK_LABEL (meta), 30);
  gtk_widget_add_css_class (meta, "caption-heading");
  gtk_widget_add_css_class (meta, is_nc ? "warning" : "dim-label");

  gtk_label_set_text (GTK_LABEL (label), description != NULL ? description : _("No description yet"));
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_lines (GTK_LABEL (label), 3);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_label_set_width_chars (GTK_LABEL (label), 20);
  gtk_label_set_max_width_chars (GTK_LABEL (label), 30);
  if (description != NULL)
    gtk_widget_set_tooltip_text (label, description);

  if (nc != NULL)
    {
      const char *nc_title = custos_record_get_title (nc);
      g_autofree char *text = g_strdup_printf ("%s · %s", custos_record_get_id (nc), nc_title ? nc_title : "");
      GtkWidget *content = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
      GtkWidget *link = gtk_label_new (text);

      /* A long title ellipsizes rather than widening the panel. */
      gtk_label_set_ellipsize (GTK_LABEL (link), PANGO_ELLIPSIZE_END);
      gtk_label_set_xalign (GTK_LABEL (link), 0);
      gtk_box_append (GTK_BOX (content), gtk_image_new_from_icon_name ("go-next-symbolic"));
      gtk_box_append (GTK_BOX (content), link);
      button = gtk_button_new ();
      gtk_button_set_child (GTK_BUTTON (button), content);
      gtk_widget_set_tooltip_text (link, text);
      gtk_widget_add_css_class (button, "flat");
      gtk_widget_add_css_class (button, "custos-link-button");
      gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "win.show-record");
      gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "(ss)", "nonconformities", custos_record_get_id (nc));
      gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                      _("Show the nonconformity raised from this finding"), -1);
    }
  else
    {
      button = gtk_button_new_with_mnemonic (_("_Raise Nonconformity"));
      gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "audits.raise-nonconformity");
      gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "s", custos_record_get_id (finding));
      gtk_widget_set_tooltip_text (button, _("Record a nonconformity from this finding and link them"));
      if (is_nc)
        gtk_widget_add_css_class (button, "suggested-action");
      gtk_widget_add_css_class (button, "custos-raise-button");
    }
  gtk_widget_set_halign (button, GTK_ALIGN_START);

  gtk_box_append (GTK_BOX (box), meta);
  gtk_box_append (GTK_BOX (box), label);
  gtk_box_append (GTK_BOX (box), button);
  gtk_widget_add_css_class (box, "custos-finding");
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  gtk_widget_set_focusable (row, FALSE);
  g_object_set_data_full (G_OBJECT (row), "custos-record", g_object_ref (finding), g_object_unref);
  return row;
}

static gboolean
refresh (gpointer user_data)
{
  CustosAuditPage *self = user_data;
  GListModel *findings;
  GtkWidget *child;
  guint count = 0;
  const char *id;

  self->refresh_id = 0;
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "audits.add-finding",
                                 self->document != NULL && self->audit != NULL);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->findings_list))) != NULL)
    gtk_list_box_remove (self->findings_list, child);

  if (self->document == NULL || self->audit == NULL)
    {
      gtk_label_set_text (self->findings_subtitle, _("Select an audit to see its findings"));
      gtk_label_set_text (self->findings_empty, _("Select an audit to see its findings"));
      release_focus_in (gtk_stack_get_child_by_name (self->findings_stack, "findings"));
      gtk_stack_set_visible_child_name (self->findings_stack, "none");
      return G_SOURCE_REMOVE;
    }
  id = custos_record_get_id (self->audit);
  findings = custos_document_get_register (self->document, CUSTOS_REGISTER_FINDINGS);
  for (guint i = 0, n = g_list_model_get_n_items (findings); i < n; i++)
    {
      g_autoptr(CustosRecord) finding = g_list_model_get_item (findings, i);

      if (g_strcmp0 (custos_finding_get_audit (CUSTOS_FINDING (finding)), id) != 0)
        continue;
      gtk_list_box_append (self->findings_list, finding_row (self, finding));
      count++;
    }
  {
    /* Translators: "AUD-002 · 4 findings" */
    g_autofree char *subtitle = g_strdup_printf (ngettext ("%s · %u finding", "%s · %u findings", count), id, count);
    gtk_label_set_text (self->findings_subtitle, subtitle);
  }
  gtk_label_set_text (self->findings_empty,
                      custos_audit_get_done (CUSTOS_AUDIT (self->audit)) != NULL
                        ? _("No findings recorded for this audit.")
                        : _("The audit has not been carried out yet: its findings come after it."));
  if (count == 0)
    release_focus_in (gtk_stack_get_child_by_name (self->findings_stack, "findings"));
  gtk_stack_set_visible_child_name (self->findings_stack, count > 0 ? "findings" : "none");
  return G_SOURCE_REMOVE;
}

static void
queue_refresh (CustosAuditPage *self)
{
  if (self->refresh_id == 0)
    self->refresh_id = g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, refresh, self, NULL);
}

static void
refresh_now (CustosAuditPage *self)
{
  g_clear_handle_id (&self->refresh_id, g_source_remove);
  refresh (self);
}

static void
on_document_changed (CustosDocument  *document,
                     CustosRecord    *record,
                     CustosAuditPage *self)
{
  if (record == NULL || record == self->audit || CUSTOS_IS_FINDING (record) || CUSTOS_IS_NONCONFORMITY (record))
    queue_refresh (self);
}

static void
on_selected_notify (CustosRegisterView *view,
                    GParamSpec         *pspec,
                    CustosAuditPage    *self)
{
  if (!g_set_object (&self->audit, custos_register_view_get_selected (view)))
    return;
  refresh_now (self);
}

static void
on_audit_activated (CustosCoverageView *view,
                    CustosRecord       *audit,
                    CustosAuditPage    *self)
{
  custos_register_view_select (self->register_view, audit);
}

/* Actions ------------------------------------------------------------------ */

static void
raise_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  CustosAuditPage *self = CUSTOS_AUDIT_PAGE (widget);
  CustosRecord *finding, *nc;

  if (self->document == NULL)
    return;
  finding = custos_document_lookup (self->document, CUSTOS_REGISTER_FINDINGS, g_variant_get_string (parameter, NULL));
  if (finding == NULL)
    return;
  nc = custos_audit_raise_nonconformity (self->document, finding, custos_clock_get_today (self->clock));
  refresh_now (self);
  gtk_widget_activate_action (widget, "win.show-record", "(ss)", "nonconformities", custos_record_get_id (nc));
}

static void
add_finding_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  CustosAuditPage *self = CUSTOS_AUDIT_PAGE (widget);
  CustosRecord *finding;

  if (self->document == NULL || self->audit == NULL)
    return;
  custos_document_begin_compound (self->document);
  finding = custos_document_add_new (self->document, CUSTOS_REGISTER_FINDINGS);
  custos_finding_set_audit (CUSTOS_FINDING (finding), custos_record_get_id (self->audit));
  custos_document_end_compound (self->document);
  refresh_now (self);
  /* Its form is on the Findings tab. */
  gtk_widget_activate_action (widget, "win.show-record", "(ss)", "findings", custos_record_get_id (finding));
}

/* Accessors ---------------------------------------------------------------- */

CustosRegisterView *
custos_audit_page_get_register_view (CustosAuditPage *self)
{
  g_return_val_if_fail (CUSTOS_IS_AUDIT_PAGE (self), NULL);
  return self->register_view;
}

CustosCoverageView *
custos_audit_page_get_coverage_view (CustosAuditPage *self)
{
  g_return_val_if_fail (CUSTOS_IS_AUDIT_PAGE (self), NULL);
  return self->coverage_view;
}

GtkListBox *
custos_audit_page_get_findings_list (CustosAuditPage *self)
{
  g_return_val_if_fail (CUSTOS_IS_AUDIT_PAGE (self), NULL);
  if (self->refresh_id != 0)
    refresh_now (self);
  return self->findings_list;
}

/* The audit carried out last: its findings are what one opens the page for. */
static CustosRecord *
latest_done (CustosDocument *document)
{
  GListModel *audits = custos_document_get_register (document, CUSTOS_REGISTER_AUDITS);
  CustosRecord *latest = NULL;

  for (guint i = 0, n = g_list_model_get_n_items (audits); i < n; i++)
    {
      g_autoptr(CustosRecord) audit = g_list_model_get_item (audits, i);
      const char *done = custos_audit_get_done (CUSTOS_AUDIT (audit));

      if (done != NULL &&
          (latest == NULL || g_strcmp0 (done, custos_audit_get_done (CUSTOS_AUDIT (latest))) > 0))
        latest = audit;
    }
  return latest;
}

/* Once the view has the document (its binding follows when g_object_set()
 * thaws notifications), the latest findings, whatever the view selected by itself. */
static void
on_view_document_notify (CustosRegisterView *view,
                         GParamSpec         *pspec,
                         CustosAuditPage    *self)
{
  CustosDocument *document = custos_register_view_get_document (view);

  if (document != NULL && latest_done (document) != NULL)
    custos_register_view_select (view, latest_done (document));
}

static void
set_document (CustosAuditPage *self,
              CustosDocument  *document)
{
  if (self->document == document)
    return;
  if (self->document != NULL)
    g_signal_handlers_disconnect_by_func (self->document, on_document_changed, self);
  g_set_object (&self->document, document);
  if (document != NULL)
    g_signal_connect_object (document, "changed", G_CALLBACK (on_document_changed), self, 0);
  /* The view selects a record as soon as it has the document, and tells its
   * form about the record before the document: the form must know it first. */
  custos_record_editor_set_document (custos_register_view_get_editor (self->register_view), document);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DOCUMENT]);
  refresh_now (self);
}

/* GObject ------------------------------------------------------------------- */

/* Today, for what is dated on request. */
static void
set_clock (CustosAuditPage *self,
           CustosClock     *clock)
{
  if (!custos_clock_watch (&self->clock, clock, NULL, self))
    return;
  g_object_set (self->coverage_view, "clock", self->clock, NULL);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CLOCK]);
}

static void
custos_audit_page_dispose (GObject *object)
{
  CustosAuditPage *self = CUSTOS_AUDIT_PAGE (object);

  g_clear_handle_id (&self->refresh_id, g_source_remove);
  if (self->document != NULL)
    g_signal_handlers_disconnect_by_func (self->document, on_document_changed, self);
  if (self->register_view != NULL)
    {
      g_signal_handlers_disconnect_by_func (self->register_view, on_selected_notify, self);
      g_signal_handlers_disconnect_by_func (self->register_view, on_view_document_notify, self);
    }
  /* The bin's child is a template child: the bin must let go of it first. */
  adw_bin_set_child (ADW_BIN (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), CUSTOS_TYPE_AUDIT_PAGE);
  g_clear_object (&self->audit);
  g_clear_object (&self->document);
  custos_clock_unwatch (&self->clock, self);

  G_OBJECT_CLASS (custos_audit_page_parent_class)->dispose (object);
}

static void
custos_audit_page_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  switch (prop_id)
    {
    case PROP_DOCUMENT:
      g_value_set_object (value, CUSTOS_AUDIT_PAGE (object)->document);
      break;
    case PROP_CLOCK:
      g_value_set_object (value, CUSTOS_AUDIT_PAGE (object)->clock);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
custos_audit_page_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  switch (prop_id)
    {
    case PROP_DOCUMENT:
      set_document (CUSTOS_AUDIT_PAGE (object), g_value_get_object (value));
      break;
    case PROP_CLOCK:
      set_clock (CUSTOS_AUDIT_PAGE (object), g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
custos_audit_page_class_init (CustosAuditPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = custos_audit_page_dispose;
  object_class->get_property = custos_audit_page_get_property;
  object_class->set_property = custos_audit_page_set_property;

  properties[PROP_DOCUMENT] =
    g_param_spec_object ("document", NULL, NULL, CUSTOS_TYPE_DOCUMENT,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  /* Today: the date a nonconformity is raised on when the audit has no actual date. */
  properties[PROP_CLOCK] =
    g_param_spec_object ("clock", NULL, NULL, CUSTOS_TYPE_CLOCK,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_install_action (widget_class, "audits.raise-nonconformity", "s", raise_action);
  gtk_widget_class_install_action (widget_class, "audits.add-finding", NULL, add_finding_action);

  g_type_ensure (CUSTOS_TYPE_REGISTER_VIEW);
  g_type_ensure (CUSTOS_TYPE_COVERAGE_VIEW);
  g_type_ensure (CUSTOS_TYPE_WRAP_BOX);
  gtk_widget_class_set_template_from_resource (widget_class, APP_PATH "/ui/custos-audit-page.ui");
  gtk_widget_class_bind_template_child (widget_class, CustosAuditPage, paned);
  gtk_widget_class_bind_template_child (widget_class, CustosAuditPage, register_view);
  gtk_widget_class_bind_template_child (widget_class, CustosAuditPage, coverage_view);
  gtk_widget_class_bind_template_child (widget_class, CustosAuditPage, findings_subtitle);
  gtk_widget_class_bind_template_child (widget_class, CustosAuditPage, findings_stack);
  gtk_widget_class_bind_template_child (widget_class, CustosAuditPage, findings_empty);
  gtk_widget_class_bind_template_child (widget_class, CustosAuditPage, findings_list);
  gtk_widget_class_bind_template_callback (widget_class, on_audit_activated);

  gtk_widget_class_set_css_name (widget_class, "custos-audit-page");
}

static void
custos_audit_page_init (CustosAuditPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  custos_clock_watch (&self->clock, NULL, NULL, self);

  g_signal_connect (self->register_view, "notify::selected", G_CALLBACK (on_selected_notify), self);
  g_signal_connect (self->register_view, "notify::document", G_CALLBACK (on_view_document_notify), self);
  custos_paned_place_once (self->paned, 2, 5, 200);
  refresh_now (self);
}

GtkWidget *
custos_audit_page_new (void)
{
  return g_object_new (CUSTOS_TYPE_AUDIT_PAGE, NULL);
}
