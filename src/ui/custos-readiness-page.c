/* SPDX-License-Identifier: GPL-3.0-or-later */
/* custos-readiness-page.c — the audit-readiness check, as a user reads it */
#include "config.h"

#include <glib/gi18n.h>

#include "custos-clock.h"
#include "custos-field-format.h"
#include "custos-pages.h"
#include "custos-readiness-page.h"

struct _CustosReadinessPage
{
  AdwBin               parent_instance;

  CustosDocument      *document;
  CustosClock         *clock;
  CustosReadiness     *readiness;
  guint                refresh_id;
  gboolean             stale;    /* the document changed while the page was out of sight */
  GPtrArray           *rows;

  GtkLabel            *percentage_label;
  GtkLevelBar         *level_bar;
  GtkLabel            *summary_label;
  AdwPreferencesGroup *findings_group;
  AdwPreferencesGroup *items_group;
};

G_DEFINE_FINAL_TYPE (CustosReadinessPage, custos_readiness_page, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_DOCUMENT,
  PROP_CLOCK,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static GtkWidget *
status_icon (const char *icon_name,
             const char *css_class,
             const char *description)
{
  GtkWidget *image = gtk_image_new_from_icon_name (icon_name);

  gtk_widget_add_css_class (image, css_class);
  gtk_accessible_update_property (GTK_ACCESSIBLE (image), GTK_ACCESSIBLE_PROPERTY_LABEL, description, -1);
  return image;
}

static void
add_row (CustosReadinessPage *self,
         AdwPreferencesGroup *group,
         GtkWidget           *row)
{
  adw_preferences_group_add (group, row);
  g_ptr_array_add (self->rows, row);
}

static const struct { const char *icon; const char *css; const char *label; } severity_looks[] = {
  [CUSTOS_READINESS_SEVERITY_ERROR] = { "dialog-error-symbolic", "error", N_("Error") },
  [CUSTOS_READINESS_SEVERITY_WARNING] = { "dialog-warning-symbolic", "warning", N_("Warning") },
  [CUSTOS_READINESS_SEVERITY_INFO] = { "dialog-information-symbolic", "accent", N_("Information") },
};

static GtkWidget *
severity_icon (CustosReadinessSeverity severity)
{
  return status_icon (severity_looks[severity].icon, severity_looks[severity].css, _(severity_looks[severity].label));
}

static GtkWidget *
finding_row (const CustosReadinessFinding *finding,
             gboolean                      with_icon)
{
  GtkWidget *row = adw_action_row_new ();
  g_autofree char *subtitle = NULL;
  g_autofree char *message = custos_format_message (finding->message);

  subtitle = finding->record_id ? g_strdup_printf (_("Clause %s · %s"), finding->clause, finding->record_id)
                                : g_strdup_printf (_("Clause %s"), finding->clause);
  /* Messages quote titles people typed: "Fenwick & Co" is text. */
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), message);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  /* Under a group's heading the heading's icon says it already. */
  if (with_icon)
    adw_action_row_add_prefix (ADW_ACTION_ROW (row), severity_icon (finding->severity));
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  /* A finding about one record opens that record, one about a register the
   * register (its tab), not just their page. */
  if (finding->reg >= 0)
    {
      gtk_actionable_set_action_name (GTK_ACTIONABLE (row), "win.show-record");
      gtk_actionable_set_action_target (GTK_ACTIONABLE (row), "(ss)",
                                        custos_kinds_register (finding->reg)->register_name,
                                        finding->record_id != NULL ? finding->record_id : "");
    }
  else
    {
      gtk_actionable_set_action_name (GTK_ACTIONABLE (row), "win.show-page");
      gtk_actionable_set_action_target (GTK_ACTIONABLE (row), "s", custos_page_for_section (finding->section));
    }
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name ("go-next-symbolic"));
  return row;
}

/* The findings of one rule about one clause at one severity: a single one as its own row,
 * repeats as one collapsed row with their count ("Controls not decided — 90"),
 * so that a rule tripped by every control does not bury the others. */
static GtkWidget *
rule_row (GPtrArray *findings)
{
  const CustosReadinessFinding *first = findings->pdata[0];
  /* Every rule has a title (test-readiness); its id keeps a new one visible. */
  const char *title = custos_readiness_rule_get_title (first->rule) ?: first->rule;
  g_autofree char *subtitle = g_strdup_printf (_("Clause %s"), first->clause);
  g_autofree char *count = g_strdup_printf ("%u", findings->len);
  GtkWidget *row, *label;

  if (findings->len == 1)
    return finding_row (first, TRUE);
  row = adw_expander_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (row), subtitle);
  adw_expander_row_add_prefix (ADW_EXPANDER_ROW (row), severity_icon (first->severity));
  label = gtk_label_new (count);
  gtk_widget_add_css_class (label, "numeric");
  gtk_widget_add_css_class (label, "dim-label");
  gtk_widget_set_valign (label, GTK_ALIGN_CENTER);
  adw_expander_row_add_action (ADW_EXPANDER_ROW (row), label);
  for (guint i = 0; i < findings->len; i++)
    adw_expander_row_add_row (ADW_EXPANDER_ROW (row), finding_row (findings->pdata[i], FALSE));
  return row;
}

/* The rows of one severity's groups; empties them for the next severity. */
static void
flush_groups (CustosReadinessPage *self,
              GPtrArray           *groups,
              GHashTable          *by_group)
{
  for (guint g = 0; g < groups->len; g++)
    add_row (self, self->findings_group, rule_row (groups->pdata[g]));
  g_ptr_array_set_size (groups, 0);
  g_hash_table_remove_all (by_group);
}

/* One row per severity, rule and clause (a rule such as record-incomplete
 * concerns the clause of each register), errors first (the check's order),
 * rules in the order of their first finding. */
static void
add_finding_rows (CustosReadinessPage *self)
{
  g_autoptr(GHashTable) by_group = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GPtrArray) groups = g_ptr_array_new_with_free_func ((GDestroyNotify) g_ptr_array_unref);
  guint n = custos_readiness_get_n_findings (self->readiness);

  for (guint i = 0; i < n; i++)
    {
      const CustosReadinessFinding *finding = custos_readiness_get_finding (self->readiness, i);
      g_autofree char *key = g_strconcat (finding->rule, " ", finding->clause, NULL);
      GPtrArray *group;

      if (i > 0 && custos_readiness_get_finding (self->readiness, i - 1)->severity != finding->severity)
        flush_groups (self, groups, by_group);
      group = g_hash_table_lookup (by_group, key);
      if (group == NULL)
        {
          group = g_ptr_array_new ();
          g_ptr_array_add (groups, group);
          g_hash_table_insert (by_group, g_steal_pointer (&key), group);
        }
      g_ptr_array_add (group, (gpointer) finding);
    }
  flush_groups (self, groups, by_group);
  gtk_widget_set_visible (GTK_WIDGET (self->findings_group), n > 0);
}

static GtkWidget *
item_row (const CustosReadinessItem *item)
{
  static const struct { const char *icon; const char *css; const char *label; } looks[] = {
    [CUSTOS_READINESS_STATUS_MISSING] = { "dialog-error-symbolic", "error", N_("Missing") },
    [CUSTOS_READINESS_STATUS_INCOMPLETE] = { "dialog-warning-symbolic", "warning", N_("Incomplete") },
    [CUSTOS_READINESS_STATUS_PRESENT] = { "emblem-ok-symbolic", "success", N_("Present") },
  };
  GtkWidget *row = adw_action_row_new ();
  g_autofree char *title = g_strdup_printf ("%s · %s", item->clause, item->title);

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), item->reason ? item->reason : "");
  adw_action_row_add_prefix (ADW_ACTION_ROW (row),
                             status_icon (looks[item->status].icon, looks[item->status].css,
                                          _(looks[item->status].label)));
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  if (item->reg >= 0)
    {
      /* The register's own tab, not the first of its page. */
      gtk_actionable_set_action_name (GTK_ACTIONABLE (row), "win.show-record");
      gtk_actionable_set_action_target (GTK_ACTIONABLE (row), "(ss)", custos_kinds_register (item->reg)->register_name, "");
    }
  else
    {
      gtk_actionable_set_action_name (GTK_ACTIONABLE (row), "win.show-page");
      gtk_actionable_set_action_target (GTK_ACTIONABLE (row), "s", custos_page_for_section (item->section));
    }
  return row;
}

static gboolean
refresh (gpointer user_data)
{
  CustosReadinessPage *self = user_data;
  g_autofree char *percentage = NULL;
  g_autofree char *summary = NULL;
  guint errors, warnings;

  self->refresh_id = 0;
  self->stale = FALSE;
  g_clear_object (&self->readiness);
  self->readiness = custos_readiness_new (self->document, custos_clock_get_today (self->clock));

  for (guint i = 0; i < self->rows->len; i++)
    {
      GtkWidget *row = self->rows->pdata[i];
      adw_preferences_group_remove (ADW_PREFERENCES_GROUP (gtk_widget_get_ancestor (row, ADW_TYPE_PREFERENCES_GROUP)), row);
    }
  g_ptr_array_set_size (self->rows, 0);

  /* TRANSLATORS: the audit readiness, e.g. "82 % ready" */
  percentage = g_strdup_printf (_("%d %% ready"), custos_readiness_get_percentage (self->readiness));
  gtk_label_set_text (self->percentage_label, percentage);
  gtk_level_bar_set_value (self->level_bar, custos_readiness_get_percentage (self->readiness));
  errors = custos_readiness_count (self->readiness, CUSTOS_READINESS_SEVERITY_ERROR);
  warnings = custos_readiness_count (self->readiness, CUSTOS_READINESS_SEVERITY_WARNING);
  {
    g_autofree char *errors_text = g_strdup_printf (ngettext ("%u error", "%u errors", errors), errors);
    g_autofree char *warnings_text = g_strdup_printf (ngettext ("%u warning", "%u warnings", warnings), warnings);
    g_autofree char *date = custos_format_gdate (custos_readiness_get_date (self->readiness));

    /* TRANSLATORS: "2 errors and 5 warnings, checked as an auditor would on 28 Nov 2026." */
    summary = g_strdup_printf (_("%s and %s, checked as an auditor would on %s."), errors_text, warnings_text, date);
    gtk_label_set_text (self->summary_label, summary);
  }

  add_finding_rows (self);
  for (guint i = 0; i < custos_readiness_get_n_items (self->readiness); i++)
    add_row (self, self->items_group, item_row (custos_readiness_get_item (self->readiness, i)));
  return G_SOURCE_REMOVE;
}

/* The check reads the whole document (some 50 ms at 10,000 risks): after a
 * burst of edits, and only while the page is on screen; out of sight, the
 * page checks again when it is next shown. */
static void
queue_refresh (CustosReadinessPage *self)
{
  if (!gtk_widget_get_mapped (GTK_WIDGET (self)))
    self->stale = TRUE;
  else if (self->refresh_id == 0)
    self->refresh_id = g_timeout_add (300, refresh, self);
}

static void
on_map (CustosReadinessPage *self)
{
  if (self->stale && self->document != NULL)
    {
      g_clear_handle_id (&self->refresh_id, g_source_remove);
      refresh (self);
    }
}

static void
on_unmap (CustosReadinessPage *self)
{
  if (self->refresh_id != 0)
    {
      g_clear_handle_id (&self->refresh_id, g_source_remove);
      self->stale = TRUE;
    }
}

static void
on_today (CustosReadinessPage *self)
{
  if (self->document != NULL)
    queue_refresh (self);
}

static void
set_document (CustosReadinessPage *self,
              CustosDocument      *document)
{
  if (self->document == document)
    return;
  if (self->document != NULL)
    g_signal_handlers_disconnect_by_data (self->document, self);
  g_set_object (&self->document, document);
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

CustosReadiness *
custos_readiness_page_get_readiness (CustosReadinessPage *self)
{
  g_return_val_if_fail (CUSTOS_IS_READINESS_PAGE (self), NULL);
  return self->readiness;
}

/* Today; a new date (midnight, a window woken up) refreshes what depends on it. */
static void
set_clock (CustosReadinessPage *self,
           CustosClock         *clock)
{
  if (!custos_clock_watch (&self->clock, clock, G_CALLBACK (on_today), self))
    return;
  on_today (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CLOCK]);
}

static void
custos_readiness_page_dispose (GObject *object)
{
  CustosReadinessPage *self = CUSTOS_READINESS_PAGE (object);

  g_clear_handle_id (&self->refresh_id, g_source_remove);
  g_clear_object (&self->readiness);
  g_clear_object (&self->document);
  g_clear_pointer (&self->rows, g_ptr_array_unref);
  gtk_widget_dispose_template (GTK_WIDGET (self), CUSTOS_TYPE_READINESS_PAGE);
  custos_clock_unwatch (&self->clock, self);

  G_OBJECT_CLASS (custos_readiness_page_parent_class)->dispose (object);
}

static void
custos_readiness_page_get_property (GObject    *object,
                                    guint       prop_id,
                                    GValue     *value,
                                    GParamSpec *pspec)
{
  switch (prop_id)
    {
    case PROP_DOCUMENT:
      g_value_set_object (value, CUSTOS_READINESS_PAGE (object)->document);
      break;
    case PROP_CLOCK:
      g_value_set_object (value, CUSTOS_READINESS_PAGE (object)->clock);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
custos_readiness_page_set_property (GObject      *object,
                                    guint         prop_id,
                                    const GValue *value,
                                    GParamSpec   *pspec)
{
  switch (prop_id)
    {
    case PROP_DOCUMENT:
      set_document (CUSTOS_READINESS_PAGE (object), g_value_get_object (value));
      break;
    case PROP_CLOCK:
      set_clock (CUSTOS_READINESS_PAGE (object), g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
custos_readiness_page_class_init (CustosReadinessPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = custos_readiness_page_dispose;
  object_class->get_property = custos_readiness_page_get_property;
  object_class->set_property = custos_readiness_page_set_property;

  properties[PROP_DOCUMENT] =
    g_param_spec_object ("document", NULL, NULL, CUSTOS_TYPE_DOCUMENT,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  /* Today: the check is as of its date. */
  properties[PROP_CLOCK] =
    g_param_spec_object ("clock", NULL, NULL, CUSTOS_TYPE_CLOCK,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, APP_PATH "/ui/custos-readiness-page.ui");
  gtk_widget_class_bind_template_child (widget_class, CustosReadinessPage, percentage_label);
  gtk_widget_class_bind_template_child (widget_class, CustosReadinessPage, level_bar);
  gtk_widget_class_bind_template_child (widget_class, CustosReadinessPage, summary_label);
  gtk_widget_class_bind_template_child (widget_class, CustosReadinessPage, findings_group);
  gtk_widget_class_bind_template_child (widget_class, CustosReadinessPage, items_group);
}

static void
custos_readiness_page_init (CustosReadinessPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  custos_clock_watch (&self->clock, NULL, G_CALLBACK (on_today), self);
  self->rows = g_ptr_array_new ();
  g_signal_connect (self, "map", G_CALLBACK (on_map), NULL);
  g_signal_connect (self, "unmap", G_CALLBACK (on_unmap), NULL);
}
