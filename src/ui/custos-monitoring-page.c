/* SPDX-License-Identifier: GPL-3.0-or-later */
/* custos-monitoring-page.c — monitoring and measurement (9.1)
 *
 * The measures register above; below it, for the selected measure, its
 * results over time against the target (CustosTrendView, which draws with
 * the same function as the reports) and the list of its results, newest
 * first, with "Add Result". The verb is the page's action
 * monitoring.add-result, so the popover, the tests and anything else record
 * results the same way.
 */
#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <stdlib.h>

#include "custos-clock.h"
#include "custos-field-format.h"
#include "custos-monitoring-page.h"
#include "custos-wrap-box.h"
#include "custos-paned.h"
#include "custos-readiness.h"

struct _CustosMonitoringPage
{
  AdwBin              parent_instance;

  CustosDocument     *document;
  CustosClock        *clock;
  CustosRecord       *measure;
  GSettings          *settings;
  guint               refresh_id;

  /* template children */
  GtkPaned           *paned;
  CustosRegisterView *register_view;
  GtkStack           *trend_stack;
  GtkLabel           *title_label;
  GtkLabel           *target_label;
  GtkLabel           *status_label;
  CustosTrendView    *trend_view;
  GtkListBox         *results_list;
  GtkMenuButton      *add_button;
  GtkPopover         *add_popover;
  GtkEntry           *date_entry;
  GtkEntry           *value_entry;
  GtkLabel           *unit_label;
  GtkEntry           *note_entry;
  GtkButton          *confirm_button;
};

G_DEFINE_FINAL_TYPE (CustosMonitoringPage, custos_monitoring_page, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_DOCUMENT,
  PROP_CLOCK,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

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

/* Results --------------------------------------------------------------- */

static int
compare_newest_first (gconstpointer a,
                      gconstpointer b)
{
  CustosRecord *x = *(CustosRecord **) a;
  CustosRecord *y = *(CustosRecord **) b;
  int cmp = g_strcmp0 (custos_measurement_get_date (CUSTOS_MEASUREMENT (y)),
                       custos_measurement_get_date (CUSTOS_MEASUREMENT (x)));

  return cmp != 0 ? cmp : custos_natural_compare (custos_record_get_id (y), custos_record_get_id (x));
}

static GtkWidget *
result_row (CustosMonitoringPage *self,
            CustosRecord         *result)
{
  GtkWidget *row = adw_action_row_new ();
  double value = custos_measurement_get_value (CUSTOS_MEASUREMENT (result));
  double target = custos_measure_get_target (CUSTOS_MEASURE (self->measure));
  gboolean higher = custos_measure_get_higher_is_better (CUSTOS_MEASURE (self->measure));
  const char *note = custos_measurement_get_note (CUSTOS_MEASUREMENT (result));
  g_autofree char *title =
    custos_trend_format_value (value, custos_measure_get_unit (CUSTOS_MEASURE (self->measure)));
  g_autofree char *date = custos_format_date (custos_measurement_get_date (CUSTOS_MEASUREMENT (result)));
  g_autofree char *subtitle = NULL;
  GtkWidget *icon;

  subtitle = note != NULL ? g_strdup_printf ("%s · %s", date != NULL ? date : _("No date"), note)
                          : g_strdup (date != NULL ? date : _("No date"));
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 2);
  gtk_widget_add_css_class (row, "property"); /* the value reads first, large */

  if (isfinite (value) && isfinite (target))
    {
      gboolean met = custos_trend_meets_target (value, target, higher);

      icon = gtk_image_new_from_icon_name (met ? "emblem-ok-symbolic" : "dialog-warning-symbolic");
      gtk_widget_add_css_class (icon, met ? "success" : "warning");
      gtk_accessible_update_property (GTK_ACCESSIBLE (icon), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      met ? _("On target") : _("Off target"), -1);
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), icon);
    }
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  gtk_widget_set_tooltip_text (row, _("Edit this result on the Results tab"));
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name ("go-next-symbolic"));
  g_object_set_data_full (G_OBJECT (row), "custos-record", g_object_ref (result), g_object_unref);
  return row;
}

static void
clear_list (GtkListBox *list)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (list))) != NULL)
    gtk_list_box_remove (list, child);
}

static void
update_header (CustosMonitoringPage *self,
               GPtrArray            *results)
{
  double target = custos_measure_get_target (CUSTOS_MEASURE (self->measure));
  const char *unit = custos_measure_get_unit (CUSTOS_MEASURE (self->measure));
  gboolean higher = custos_measure_get_higher_is_better (CUSTOS_MEASURE (self->measure));
  const char *title = custos_record_get_title (self->measure);
  g_autofree char *heading = g_strdup_printf ("%s · %s", custos_record_get_id (self->measure),
                                              title != NULL ? title : _("Untitled measure"));
  g_autofree char *target_text = NULL;
  g_autofree char *count = g_strdup_printf (ngettext ("%u result", "%u results", results->len), results->len);
  g_autofree char *line = NULL;

  gtk_label_set_text (self->title_label, heading);
  if (isfinite (target))
    {
      g_autofree char *value = custos_trend_format_value (target, unit);
      /* Translators: "Target 95 % · higher is better" */
      target_text = g_strdup_printf (higher ? _("Target %s · higher is better") : _("Target %s · lower is better"),
                                     value);
    }
  else
    target_text = g_strdup (_("No target set"));
  line = g_strdup_printf ("%s · %s", target_text, count);
  gtk_label_set_text (self->target_label, line);

  gtk_widget_remove_css_class (GTK_WIDGET (self->status_label), "success");
  gtk_widget_remove_css_class (GTK_WIDGET (self->status_label), "warning");
  gtk_widget_set_visible (GTK_WIDGET (self->status_label), FALSE);
  /* The latest result with a value says whether the measure is on target now. */
  for (guint i = 0; i < results->len && isfinite (target); i++)
    {
      double value = custos_measurement_get_value (results->pdata[i]);

      if (isfinite (value))
        {
          gboolean met = custos_trend_meets_target (value, target, higher);

          gtk_label_set_text (self->status_label, met ? _("On target") : _("Off target"));
          gtk_widget_add_css_class (GTK_WIDGET (self->status_label), met ? "success" : "warning");
          gtk_widget_set_visible (GTK_WIDGET (self->status_label), TRUE);
          break;
        }
    }
  gtk_label_set_text (self->unit_label, unit != NULL ? unit : "");
}

static gboolean
refresh (gpointer user_data)
{
  CustosMonitoringPage *self = user_data;
  g_autoptr(GPtrArray) results = g_ptr_array_new_with_free_func (g_object_unref);
  GListModel *measurements;
  const char *id;

  self->refresh_id = 0;
  clear_list (self->results_list);
  if (self->measure == NULL)
    release_focus_in (gtk_stack_get_child_by_name (self->trend_stack, "trend"));
  gtk_stack_set_visible_child_name (self->trend_stack, self->measure != NULL ? "trend" : "none");
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "monitoring.add-result",
                                 self->document != NULL && self->measure != NULL);
  if (self->document == NULL || self->measure == NULL)
    return G_SOURCE_REMOVE;

  id = custos_record_get_id (self->measure);
  measurements = custos_document_get_register (self->document, CUSTOS_REGISTER_MEASUREMENTS);
  for (guint i = 0, n = g_list_model_get_n_items (measurements); i < n; i++)
    {
      CustosRecord *result = g_list_model_get_item (measurements, i);

      if (g_strcmp0 (custos_measurement_get_measure (CUSTOS_MEASUREMENT (result)), id) == 0)
        g_ptr_array_add (results, result);
      else
        g_object_unref (result);
    }
  g_ptr_array_sort (results, compare_newest_first);
  for (guint i = 0; i < results->len; i++)
    gtk_list_box_append (self->results_list, result_row (self, results->pdata[i]));
  if (results->len == 0)
    {
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("No results yet"));
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), _("Record what was measured with Add Result"));
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
      gtk_list_box_append (self->results_list, row);
    }
  update_header (self, results);
  return G_SOURCE_REMOVE;
}

static void
queue_refresh (CustosMonitoringPage *self)
{
  if (self->refresh_id == 0)
    self->refresh_id = g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, refresh, self, NULL);
}

static void
on_document_changed (CustosDocument       *document,
                     CustosRecord         *record,
                     CustosMonitoringPage *self)
{
  if (record == NULL || record == self->measure || CUSTOS_IS_MEASUREMENT (record))
    queue_refresh (self);
}

static void
on_selected_notify (CustosRegisterView   *view,
                    GParamSpec           *pspec,
                    CustosMonitoringPage *self)
{
  CustosRecord *selected = custos_register_view_get_selected (view);

  if (!g_set_object (&self->measure, selected))
    return;
  custos_trend_view_set_measure (self->trend_view, selected);
  /* At once, so that what is shown never lags the selection. */
  g_clear_handle_id (&self->refresh_id, g_source_remove);
  refresh (self);
}

static void
on_result_activated (GtkListBox           *list,
                     GtkListBoxRow        *row,
                     CustosMonitoringPage *self)
{
  CustosRecord *result = g_object_get_data (G_OBJECT (row), "custos-record");

  if (result != NULL)
    gtk_widget_activate_action (GTK_WIDGET (self), "win.show-record", "(ss)",
                                "measurements", custos_record_get_id (result));
}

/* Adding a result -------------------------------------------------------- */

static gboolean
parse_value (const char *text,
             double     *value)
{
  g_autofree char *copy = g_strstrip (g_strdup (text != NULL ? text : ""));
  char *end = NULL;

  if (*copy == '\0')
    return FALSE;
  g_strdelimit (copy, ",", '.');
  *value = g_ascii_strtod (copy, &end);
  return end != copy && *end == '\0' && isfinite (*value);
}

CustosRecord *
custos_monitoring_page_add_result (CustosMonitoringPage *self,
                                   const char           *date,
                                   double                value,
                                   const char           *note)
{
  CustosRecord *result;

  g_return_val_if_fail (CUSTOS_IS_MONITORING_PAGE (self), NULL);

  if (self->document == NULL || self->measure == NULL || !custos_date_is_valid (date))
    return NULL;
  custos_document_begin_compound (self->document);
  result = custos_document_add_new (self->document, CUSTOS_REGISTER_MEASUREMENTS);
  custos_measurement_set_measure (CUSTOS_MEASUREMENT (result), custos_record_get_id (self->measure));
  custos_measurement_set_date (CUSTOS_MEASUREMENT (result), date);
  custos_measurement_set_value (CUSTOS_MEASUREMENT (result), isfinite (value) ? value : NAN);
  custos_measurement_set_note (CUSTOS_MEASUREMENT (result), note != NULL && *note != '\0' ? note : NULL);
  custos_document_end_compound (self->document);
  return result;
}

static void
add_result_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  const char *date, *note;
  double value;

  g_variant_get (parameter, "(&sd&s)", &date, &value, &note);
  custos_monitoring_page_add_result (CUSTOS_MONITORING_PAGE (widget), date, value, note);
}

static void
on_add_entry_changed (GtkEditable          *editable,
                      CustosMonitoringPage *self)
{
  double value;
  gboolean date_ok = custos_date_is_valid (gtk_editable_get_text (GTK_EDITABLE (self->date_entry)));
  gboolean value_ok = parse_value (gtk_editable_get_text (GTK_EDITABLE (self->value_entry)), &value);

  gtk_widget_set_sensitive (GTK_WIDGET (self->confirm_button), date_ok && value_ok);
  if (date_ok || *gtk_editable_get_text (GTK_EDITABLE (self->date_entry)) == '\0')
    gtk_widget_remove_css_class (GTK_WIDGET (self->date_entry), "error");
  else
    gtk_widget_add_css_class (GTK_WIDGET (self->date_entry), "error");
}

static void
on_add_popover_show (GtkPopover           *popover,
                     CustosMonitoringPage *self)
{
  char iso[CUSTOS_DATE_ISO_SIZE];

  custos_clock_get_today_iso (self->clock, iso);
  gtk_editable_set_text (GTK_EDITABLE (self->date_entry), iso);
  gtk_editable_set_text (GTK_EDITABLE (self->value_entry), "");
  gtk_editable_set_text (GTK_EDITABLE (self->note_entry), "");
  on_add_entry_changed (NULL, self);
  gtk_widget_grab_focus (GTK_WIDGET (self->value_entry));
}

static void
on_confirm_clicked (GtkButton            *button,
                    CustosMonitoringPage *self)
{
  double value;

  if (!parse_value (gtk_editable_get_text (GTK_EDITABLE (self->value_entry)), &value) ||
      !custos_date_is_valid (gtk_editable_get_text (GTK_EDITABLE (self->date_entry))))
    return;
  gtk_widget_activate_action (GTK_WIDGET (self), "monitoring.add-result", "(sds)",
                              gtk_editable_get_text (GTK_EDITABLE (self->date_entry)), value,
                              gtk_editable_get_text (GTK_EDITABLE (self->note_entry)));
  gtk_popover_popdown (self->add_popover);
}

/* Accessors -------------------------------------------------------------- */

CustosRegisterView *
custos_monitoring_page_get_register_view (CustosMonitoringPage *self)
{
  g_return_val_if_fail (CUSTOS_IS_MONITORING_PAGE (self), NULL);
  return self->register_view;
}

CustosTrendView *
custos_monitoring_page_get_trend_view (CustosMonitoringPage *self)
{
  g_return_val_if_fail (CUSTOS_IS_MONITORING_PAGE (self), NULL);
  return self->trend_view;
}

GtkListBox *
custos_monitoring_page_get_results_list (CustosMonitoringPage *self)
{
  g_return_val_if_fail (CUSTOS_IS_MONITORING_PAGE (self), NULL);
  return self->results_list;
}

static void
set_document (CustosMonitoringPage *self,
              CustosDocument       *document)
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
  queue_refresh (self);
}

/* GObject ------------------------------------------------------------------- */

/* Today, for what is dated on request. */
static void
set_clock (CustosMonitoringPage *self,
           CustosClock          *clock)
{
  if (!custos_clock_watch (&self->clock, clock, NULL, self))
    return;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CLOCK]);
}

static void
custos_monitoring_page_dispose (GObject *object)
{
  CustosMonitoringPage *self = CUSTOS_MONITORING_PAGE (object);

  g_clear_handle_id (&self->refresh_id, g_source_remove);
  if (self->document != NULL)
    g_signal_handlers_disconnect_by_func (self->document, on_document_changed, self);
  if (self->register_view != NULL)
    g_signal_handlers_disconnect_by_func (self->register_view, on_selected_notify, self);
  /* The bin's child is a template child: the bin must let go of it first. */
  adw_bin_set_child (ADW_BIN (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), CUSTOS_TYPE_MONITORING_PAGE);
  g_clear_object (&self->measure);
  g_clear_object (&self->document);
  g_clear_object (&self->settings);
  custos_clock_unwatch (&self->clock, self);

  G_OBJECT_CLASS (custos_monitoring_page_parent_class)->dispose (object);
}

static void
custos_monitoring_page_get_property (GObject    *object,
                                     guint       prop_id,
                                     GValue     *value,
                                     GParamSpec *pspec)
{
  switch (prop_id)
    {
    case PROP_DOCUMENT:
      g_value_set_object (value, CUSTOS_MONITORING_PAGE (object)->document);
      break;
    case PROP_CLOCK:
      g_value_set_object (value, CUSTOS_MONITORING_PAGE (object)->clock);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
custos_monitoring_page_set_property (GObject      *object,
                                     guint         prop_id,
                                     const GValue *value,
                                     GParamSpec   *pspec)
{
  switch (prop_id)
    {
    case PROP_DOCUMENT:
      set_document (CUSTOS_MONITORING_PAGE (object), g_value_get_object (value));
      break;
    case PROP_CLOCK:
      set_clock (CUSTOS_MONITORING_PAGE (object), g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
custos_monitoring_page_class_init (CustosMonitoringPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = custos_monitoring_page_dispose;
  object_class->get_property = custos_monitoring_page_get_property;
  object_class->set_property = custos_monitoring_page_set_property;

  properties[PROP_DOCUMENT] =
    g_param_spec_object ("document", NULL, NULL, CUSTOS_TYPE_DOCUMENT,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  /* Today: the date a new result is proposed with. */
  properties[PROP_CLOCK] =
    g_param_spec_object ("clock", NULL, NULL, CUSTOS_TYPE_CLOCK,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_install_action (widget_class, "monitoring.add-result", "(sds)", add_result_action);

  g_type_ensure (CUSTOS_TYPE_REGISTER_VIEW);
  g_type_ensure (CUSTOS_TYPE_TREND_VIEW);
  g_type_ensure (CUSTOS_TYPE_WRAP_BOX);
  gtk_widget_class_set_template_from_resource (widget_class, APP_PATH "/ui/custos-monitoring-page.ui");
  gtk_widget_class_bind_template_child (widget_class, CustosMonitoringPage, paned);
  gtk_widget_class_bind_template_child (widget_class, CustosMonitoringPage, register_view);
  gtk_widget_class_bind_template_child (widget_class, CustosMonitoringPage, trend_stack);
  gtk_widget_class_bind_template_child (widget_class, CustosMonitoringPage, title_label);
  gtk_widget_class_bind_template_child (widget_class, CustosMonitoringPage, target_label);
  gtk_widget_class_bind_template_child (widget_class, CustosMonitoringPage, status_label);
  gtk_widget_class_bind_template_child (widget_class, CustosMonitoringPage, trend_view);
  gtk_widget_class_bind_template_child (widget_class, CustosMonitoringPage, results_list);
  gtk_widget_class_bind_template_child (widget_class, CustosMonitoringPage, add_button);
  gtk_widget_class_bind_template_child (widget_class, CustosMonitoringPage, add_popover);
  gtk_widget_class_bind_template_child (widget_class, CustosMonitoringPage, date_entry);
  gtk_widget_class_bind_template_child (widget_class, CustosMonitoringPage, value_entry);
  gtk_widget_class_bind_template_child (widget_class, CustosMonitoringPage, unit_label);
  gtk_widget_class_bind_template_child (widget_class, CustosMonitoringPage, note_entry);
  gtk_widget_class_bind_template_child (widget_class, CustosMonitoringPage, confirm_button);
  gtk_widget_class_bind_template_callback (widget_class, on_result_activated);
  gtk_widget_class_bind_template_callback (widget_class, on_add_entry_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_add_popover_show);
  gtk_widget_class_bind_template_callback (widget_class, on_confirm_clicked);

  gtk_widget_class_set_css_name (widget_class, "custos-monitoring-page");
}

static void
custos_monitoring_page_init (CustosMonitoringPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  custos_clock_watch (&self->clock, NULL, NULL, self);

  self->settings = g_settings_new (APP_ID);
  g_settings_bind (self->settings, "colour-blind-palette", self->trend_view, "colour-blind", G_SETTINGS_BIND_GET);
  gtk_popover_set_default_widget (self->add_popover, GTK_WIDGET (self->confirm_button));
  g_signal_connect (self->register_view, "notify::selected", G_CALLBACK (on_selected_notify), self);
  custos_paned_place_once (self->paned, 9, 20, 220);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "monitoring.add-result", FALSE);
  gtk_stack_set_visible_child_name (self->trend_stack, "none");
}

GtkWidget *
custos_monitoring_page_new (void)
{
  return g_object_new (CUSTOS_TYPE_MONITORING_PAGE, NULL);
}
