/* SPDX-License-Identifier: GPL-3.0-or-later */
/* custos-nc-page.c — nonconformities and corrective action (10.2)
 *
 * The register with its form, and under them, for the selected
 * nonconformity: its life cycle (open → corrective action planned →
 * verifying effectiveness → closed) with a button to the next step, and a
 * 5-whys root-cause editor — one entry per "why", bound to the record's
 * "whys" list — above the root cause it leads to. The form and this panel
 * edit the same record, so either shows what the other changed at once.
 */
#include "config.h"

#include <glib/gi18n.h>

#include "custos-clock.h"
#include "custos-enums.h"
#include "custos-field-format.h"
#include "custos-labels.h"
#include "custos-nc-page.h"
#include "custos-wrap-box.h"
#include "custos-paned.h"
#include "custos-readiness.h"

#define MIN_WHYS 5
#define MAX_WHYS 10

struct _CustosNcPage
{
  AdwBin              parent_instance;

  CustosDocument     *document;
  CustosClock        *clock;
  CustosRecord       *nc;
  gulong              notify_id;
  GPtrArray          *why_rows;     /* AdwEntryRow * */
  GPtrArray          *step_rows;    /* AdwActionRow *, one per CustosNcStatus */
  int                 current_step;
  char               *advance_label;
  char               *advance_hint;
  int                 writing;      /* our own writes to the record */
  int                 loading;      /* our own writes to the widgets */

  /* template children */
  GtkPaned           *paned;
  CustosRegisterView *register_view;
  GtkStack           *stack;
  GtkListBox         *steps_list;
  GtkButton          *advance_button;
  GtkLabel           *hint_label;
  GtkListBox         *whys_list;
  AdwActionRow       *problem_row;
  GtkTextView        *root_cause_view;
};

G_DEFINE_FINAL_TYPE (CustosNcPage, custos_nc_page, ADW_TYPE_BIN)

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

/* Life cycle ------------------------------------------------------------- */

static const char *
owner_name (CustosNcPage *self)
{
  CustosRecord *role =
    custos_document_lookup (self->document, CUSTOS_REGISTER_ROLES,
                            custos_nonconformity_get_owner (CUSTOS_NONCONFORMITY (self->nc)));

  if (role == NULL)
    return NULL;
  return custos_role_get_holder (CUSTOS_ROLE (role)) != NULL ? custos_role_get_holder (CUSTOS_ROLE (role))
                                                           : custos_record_get_title (role);
}

static char *
step_subtitle (CustosNcPage *self,
               int           step)
{
  int effectiveness = custos_nonconformity_get_effectiveness (CUSTOS_NONCONFORMITY (self->nc));

  switch (step)
    {
    case CUSTOS_NC_STATUS_OPEN:
      {
        g_autofree char *raised =
          custos_format_date (custos_nonconformity_get_raised (CUSTOS_NONCONFORMITY (self->nc)));
        CustosNcSource nc_source = custos_nonconformity_get_source (CUSTOS_NONCONFORMITY (self->nc));
        const char *source = custos_enum_value_label (CUSTOS_TYPE_NC_SOURCE, nc_source);

        /* Translators: "Raised on 17 Jun 2026 · Audit" */
        return raised != NULL ? g_strdup_printf (_("Raised on %s · %s"), raised, source)
                              : g_strdup_printf (_("Date raised not recorded · %s"), source);
      }
    case CUSTOS_NC_STATUS_ACTION_PLANNED:
      {
        g_autofree char *due =
          custos_format_date (custos_nonconformity_get_due (CUSTOS_NONCONFORMITY (self->nc)));
        const char *owner = owner_name (self);

        if (custos_nonconformity_get_corrective_action (CUSTOS_NONCONFORMITY (self->nc)) == NULL)
          return g_strdup (_("No corrective action described yet"));
        if (owner != NULL && due != NULL)
          /* Translators: "By Rachel Booth, due 31 Aug 2026" */
          return g_strdup_printf (_("By %s, due %s"), owner, due);
        if (due != NULL)
          return g_strdup_printf (_("Due %s; no owner"), due);
        if (owner != NULL)
          return g_strdup_printf (_("By %s; no due date"), owner);
        return g_strdup (_("No owner and no due date"));
      }
    case CUSTOS_NC_STATUS_VERIFYING:
      {
        g_autofree char *review =
          custos_format_date (custos_nonconformity_get_effectiveness_review (CUSTOS_NONCONFORMITY (self->nc)));
        const char *iso = custos_nonconformity_get_effectiveness_review (CUSTOS_NONCONFORMITY (self->nc));
        char today_iso[CUSTOS_DATE_ISO_SIZE];

        custos_clock_get_today_iso (self->clock, today_iso);
        if (review == NULL)
          return g_strdup (_("Effectiveness review not dated yet"));
        if (g_strcmp0 (iso, today_iso) > 0)
          /* Translators: "Effectiveness review planned for 15 Dec 2026" */
          return g_strdup_printf (_("Effectiveness review planned for %s"), review);
        /* Translators: "Effectiveness reviewed on 30 Oct 2026" */
        return g_strdup_printf (_("Effectiveness reviewed on %s"), review);
      }
    case CUSTOS_NC_STATUS_CLOSED:
    default:
      if (effectiveness == CUSTOS_EFFECTIVENESS_PENDING)
        return g_strdup (_("Effectiveness not yet reviewed"));
      /* Translators: the verdict of the effectiveness review, e.g. "Verdict: Effective" */
      return g_strdup_printf (_("Verdict: %s"), custos_enum_value_label (CUSTOS_TYPE_EFFECTIVENESS, effectiveness));
    }
}

static void
set_advance (CustosNcPage *self,
             const char   *label,
             const char   *hint,
             gboolean      enabled)
{
  g_free (self->advance_label);
  self->advance_label = g_strdup (label);
  g_free (self->advance_hint);
  self->advance_hint = g_strdup (hint);
  gtk_widget_set_visible (GTK_WIDGET (self->advance_button), label != NULL);
  if (label != NULL)
    gtk_button_set_label (self->advance_button, label);
  gtk_label_set_text (self->hint_label, hint != NULL ? hint : "");
  gtk_widget_set_visible (GTK_WIDGET (self->hint_label), hint != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "nc.advance", enabled);
}

static void
update_cycle (CustosNcPage *self)
{
  int status, effectiveness;

  if (self->nc == NULL)
    {
      self->current_step = -1;
      set_advance (self, NULL, NULL, FALSE);
      return;
    }
  status = custos_nonconformity_get_status (CUSTOS_NONCONFORMITY (self->nc));
  effectiveness = custos_nonconformity_get_effectiveness (CUSTOS_NONCONFORMITY (self->nc));
  self->current_step = status;

  for (guint i = 0; i < self->step_rows->len; i++)
    {
      GtkWidget *row = self->step_rows->pdata[i];
      GtkImage *icon = g_object_get_data (G_OBJECT (row), "custos-icon");
      g_autofree char *subtitle = step_subtitle (self, (int) i);
      gboolean done = (int) i < status || status == CUSTOS_NC_STATUS_CLOSED;
      gboolean current = (int) i == status;

      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      gtk_image_set_from_icon_name (icon, done ? "emblem-ok-symbolic" : current ? "media-record-symbolic"
                                                                              : "content-loading-symbolic");
      gtk_widget_remove_css_class (GTK_WIDGET (icon), "success");
      gtk_widget_remove_css_class (GTK_WIDGET (icon), "accent");
      gtk_widget_remove_css_class (GTK_WIDGET (icon), "dim-label");
      gtk_widget_add_css_class (GTK_WIDGET (icon), done ? "success" : current ? "accent" : "dim-label");
      if (current)
        gtk_widget_add_css_class (row, "custos-current-step");
      else
        gtk_widget_remove_css_class (row, "custos-current-step");
      gtk_accessible_update_state (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_STATE_SELECTED, current, -1);
    }

  switch (status)
    {
    case CUSTOS_NC_STATUS_OPEN:
      if (custos_nonconformity_get_corrective_action (CUSTOS_NONCONFORMITY (self->nc)) == NULL)
        set_advance (self, _("_Plan Corrective Action"),
                     _("Find the root cause, then describe the corrective action that removes it."), FALSE);
      else
        set_advance (self, _("_Plan Corrective Action"),
                     _("The corrective action is described; give it an owner and a due date."), TRUE);
      break;
    case CUSTOS_NC_STATUS_ACTION_PLANNED:
      set_advance (self, _("Action Carried Out: _Verify"),
                   _("Once the corrective action is in place, check that it worked."), TRUE);
      break;
    case CUSTOS_NC_STATUS_VERIFYING:
      if (effectiveness == CUSTOS_EFFECTIVENESS_EFFECTIVE)
        set_advance (self, _("_Close"), _("The corrective action was effective."), TRUE);
      else if (effectiveness == CUSTOS_EFFECTIVENESS_NOT_EFFECTIVE)
        set_advance (self, _("_Close"),
                     _("Not effective: plan another corrective action (set the status back) before closing."), FALSE);
      else
        set_advance (self, _("_Close"), _("Record the effectiveness review as effective to close it."), FALSE);
      break;
    case CUSTOS_NC_STATUS_CLOSED:
    default:
      set_advance (self, NULL, effectiveness == CUSTOS_EFFECTIVENESS_EFFECTIVE
                                 ? _("Closed after an effective corrective action.")
                                 : _("Closed without an effective corrective action on record."), FALSE);
      break;
    }
}

static void
advance_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  CustosNcPage *self = CUSTOS_NC_PAGE (widget);
  int status;

  if (self->nc == NULL || self->document == NULL)
    return;
  status = custos_nonconformity_get_status (CUSTOS_NONCONFORMITY (self->nc));
  if (status >= CUSTOS_NC_STATUS_CLOSED)
    return;
  custos_document_begin_compound (self->document);
  if (status + 1 == CUSTOS_NC_STATUS_CLOSED &&
      custos_nonconformity_get_effectiveness_review (CUSTOS_NONCONFORMITY (self->nc)) == NULL)
    {
      char iso[CUSTOS_DATE_ISO_SIZE];

      custos_clock_get_today_iso (self->clock, iso);
      custos_nonconformity_set_effectiveness_review (CUSTOS_NONCONFORMITY (self->nc), iso);
    }
  custos_nonconformity_set_status (CUSTOS_NONCONFORMITY (self->nc), status + 1);
  custos_document_end_compound (self->document);
}

/* Five whys -------------------------------------------------------------- */

static void
write_whys (CustosNcPage *self)
{
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_free);

  if (self->nc == NULL || self->loading > 0)
    return;
  for (guint i = 0; i < self->why_rows->len; i++)
    {
      g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->why_rows->pdata[i]))));

      if (*text != '\0')
        g_ptr_array_add (items, g_steal_pointer (&text));
    }
  g_ptr_array_add (items, NULL);
  self->writing++;
  custos_nonconformity_set_whys (CUSTOS_NONCONFORMITY (self->nc),
                                 items->len > 1 ? (const char *const *) items->pdata : NULL);
  self->writing--;
}

/* A long answer does not fit its entry: the tooltip shows all of it. */
static void
update_why_tooltip (GtkWidget *row)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (row));

  gtk_widget_set_tooltip_text (row, text != NULL && g_utf8_strlen (text, -1) > 40 ? text : NULL);
}

static void
on_why_changed (GtkEditable  *editable,
                CustosNcPage *self)
{
  update_why_tooltip (GTK_WIDGET (editable));
  write_whys (self);
}

static GtkWidget *
add_why_row (CustosNcPage *self)
{
  GtkWidget *row = adw_entry_row_new ();
  /* Translators: the label of the n-th answer in a 5-whys analysis */
  g_autofree char *title = g_strdup_printf (_("Why %u"), self->why_rows->len + 1);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  g_signal_connect (row, "changed", G_CALLBACK (on_why_changed), self);
  gtk_list_box_append (self->whys_list, row);
  g_ptr_array_add (self->why_rows, row);
  return row;
}

static void
load_whys (CustosNcPage *self)
{
  const char *const *whys =
    self->nc != NULL ? custos_nonconformity_get_whys (CUSTOS_NONCONFORMITY (self->nc)) : NULL;
  guint n = whys != NULL ? g_strv_length ((char **) whys) : 0;
  guint wanted = CLAMP (MAX (n, MIN_WHYS), MIN_WHYS, MAX (MAX_WHYS, n));

  self->loading++;
  while (self->why_rows->len > wanted)
    {
      GtkWidget *row = g_ptr_array_steal_index (self->why_rows, self->why_rows->len - 1);
      gtk_list_box_remove (self->whys_list, row);
    }
  while (self->why_rows->len < wanted)
    add_why_row (self);
  for (guint i = 0; i < self->why_rows->len; i++)
    {
      const char *text = i < n ? whys[i] : "";

      if (g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (self->why_rows->pdata[i])), text) != 0)
        gtk_editable_set_text (GTK_EDITABLE (self->why_rows->pdata[i]), text);
      update_why_tooltip (self->why_rows->pdata[i]);
    }
  self->loading--;
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "nc.add-why", self->nc != NULL && self->why_rows->len < MAX_WHYS);
}

static void
add_why_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  CustosNcPage *self = CUSTOS_NC_PAGE (widget);
  GtkWidget *row;

  if (self->nc == NULL || self->why_rows->len >= MAX_WHYS)
    return;
  row = add_why_row (self);
  gtk_widget_grab_focus (row);
  gtk_widget_action_set_enabled (widget, "nc.add-why", self->why_rows->len < MAX_WHYS);
}

static void
load_problem (CustosNcPage *self)
{
  const char *title = self->nc != NULL ? custos_record_get_title (self->nc) : NULL;

  adw_action_row_set_subtitle (self->problem_row, title != NULL ? title : _("What occurred is not described yet"));
}

/* Root cause ------------------------------------------------------------- */

static void
load_root_cause (CustosNcPage *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->root_cause_view);
  const char    *text =
    self->nc != NULL ? custos_nonconformity_get_root_cause (CUSTOS_NONCONFORMITY (self->nc)) : NULL;
  g_autofree char *shown = NULL;
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  shown = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
  if (g_strcmp0 (shown, text != NULL ? text : "") == 0)
    return;
  self->loading++;
  gtk_text_buffer_set_text (buffer, text != NULL ? text : "", -1);
  self->loading--;
}

static void
on_root_cause_changed (GtkTextBuffer *buffer,
                       CustosNcPage  *self)
{
  g_autofree char *text = NULL;
  GtkTextIter start, end;

  if (self->nc == NULL || self->loading > 0)
    return;
  gtk_text_buffer_get_bounds (buffer, &start, &end);
  text = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
  self->writing++;
  custos_nonconformity_set_root_cause (CUSTOS_NONCONFORMITY (self->nc), *text != '\0' ? text : NULL);
  self->writing--;
}

/* The record --------------------------------------------------------------- */

static void
on_nc_notify (CustosRecord *record,
              GParamSpec   *pspec,
              CustosNcPage *self)
{
  const char *name = pspec->name;

  if (g_str_equal (name, "whys"))
    {
      if (self->writing == 0)
        load_whys (self);
    }
  else if (g_str_equal (name, "root-cause"))
    {
      if (self->writing == 0)
        load_root_cause (self);
    }
  else if (g_str_equal (name, "title"))
    load_problem (self);
  update_cycle (self);
}

static void
set_nc (CustosNcPage *self,
        CustosRecord *nc)
{
  if (self->nc == nc)
    return;
  if (self->nc != NULL)
    g_clear_signal_handler (&self->notify_id, self->nc);
  g_set_object (&self->nc, nc);
  if (nc != NULL)
    self->notify_id = g_signal_connect (nc, "notify", G_CALLBACK (on_nc_notify), self);
  if (nc == NULL)
    release_focus_in (gtk_stack_get_child_by_name (self->stack, "nc"));
  gtk_stack_set_visible_child_name (self->stack, nc != NULL ? "nc" : "none");
  load_problem (self);
  load_whys (self);
  load_root_cause (self);
  update_cycle (self);
}

static void
on_selected_notify (CustosRegisterView *view,
                    GParamSpec         *pspec,
                    CustosNcPage       *self)
{
  set_nc (self, custos_register_view_get_selected (view));
}

static void
on_document_changed (CustosDocument *document,
                     CustosRecord   *record,
                     CustosNcPage   *self)
{
  /* An owner's name comes from the roles. */
  if (self->nc != NULL && (record == NULL || CUSTOS_IS_ROLE (record)))
    update_cycle (self);
}

/* Accessors ---------------------------------------------------------------- */

CustosRegisterView *
custos_nc_page_get_register_view (CustosNcPage *self)
{
  g_return_val_if_fail (CUSTOS_IS_NC_PAGE (self), NULL);
  return self->register_view;
}

CustosRecord *
custos_nc_page_get_nonconformity (CustosNcPage *self)
{
  g_return_val_if_fail (CUSTOS_IS_NC_PAGE (self), NULL);
  return self->nc;
}

guint
custos_nc_page_get_n_whys (CustosNcPage *self)
{
  g_return_val_if_fail (CUSTOS_IS_NC_PAGE (self), 0);
  return self->why_rows->len;
}

GtkEditable *
custos_nc_page_get_why (CustosNcPage *self,
                        guint         index)
{
  g_return_val_if_fail (CUSTOS_IS_NC_PAGE (self), NULL);
  g_return_val_if_fail (index < self->why_rows->len, NULL);
  return GTK_EDITABLE (self->why_rows->pdata[index]);
}

GtkTextView *
custos_nc_page_get_root_cause_view (CustosNcPage *self)
{
  g_return_val_if_fail (CUSTOS_IS_NC_PAGE (self), NULL);
  return self->root_cause_view;
}

int
custos_nc_page_get_current_step (CustosNcPage *self)
{
  g_return_val_if_fail (CUSTOS_IS_NC_PAGE (self), -1);
  return self->current_step;
}

const char *
custos_nc_page_get_advance_label (CustosNcPage *self)
{
  g_return_val_if_fail (CUSTOS_IS_NC_PAGE (self), NULL);
  return self->advance_label;
}

const char *
custos_nc_page_get_advance_hint (CustosNcPage *self)
{
  g_return_val_if_fail (CUSTOS_IS_NC_PAGE (self), NULL);
  return self->advance_hint;
}

/* The nonconformity that needs attention first: the oldest not closed. */
static CustosRecord *
first_open (CustosDocument *document)
{
  GListModel *ncs = custos_document_get_register (document, CUSTOS_REGISTER_NONCONFORMITIES);
  CustosRecord *found = NULL;

  for (guint i = 0, n = g_list_model_get_n_items (ncs); i < n && found == NULL; i++)
    {
      g_autoptr(CustosRecord) nc = g_list_model_get_item (ncs, i);

      if (custos_nonconformity_get_status (CUSTOS_NONCONFORMITY (nc)) != CUSTOS_NC_STATUS_CLOSED)
        found = nc;
    }
  if (found == NULL && g_list_model_get_n_items (ncs) > 0)
    {
      g_autoptr(CustosRecord) nc = g_list_model_get_item (ncs, 0);
      found = nc;
    }
  return found;
}

/* Once the view has the document (its binding follows when g_object_set()
 * thaws notifications), the one that needs attention first, whatever the view selected by itself. */
static void
on_view_document_notify (CustosRegisterView *view,
                         GParamSpec         *pspec,
                         CustosNcPage       *self)
{
  CustosDocument *document = custos_register_view_get_document (view);

  if (document != NULL && first_open (document) != NULL)
    custos_register_view_select (view, first_open (document));
}

static void
set_document (CustosNcPage   *self,
              CustosDocument *document)
{
  if (self->document == document)
    return;
  if (self->document != NULL)
    g_signal_handlers_disconnect_by_func (self->document, on_document_changed, self);
  set_nc (self, NULL);
  g_set_object (&self->document, document);
  if (document != NULL)
    g_signal_connect_object (document, "changed", G_CALLBACK (on_document_changed), self, 0);
  /* The view selects a record as soon as it has the document, and tells its
   * form about the record before the document: the form must know it first. */
  custos_record_editor_set_document (custos_register_view_get_editor (self->register_view), document);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DOCUMENT]);
}

/* GObject ------------------------------------------------------------------- */

static void
on_today (CustosNcPage *self)
{
  if (self->nc != NULL)
    update_cycle (self);
}

/* Today; a new date (midnight, a window woken up) refreshes what depends on it. */
static void
set_clock (CustosNcPage *self,
           CustosClock  *clock)
{
  if (!custos_clock_watch (&self->clock, clock, G_CALLBACK (on_today), self))
    return;
  on_today (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CLOCK]);
}

static void
custos_nc_page_dispose (GObject *object)
{
  CustosNcPage *self = CUSTOS_NC_PAGE (object);

  if (self->nc != NULL)
    g_clear_signal_handler (&self->notify_id, self->nc);
  g_clear_object (&self->nc);
  if (self->document != NULL)
    g_signal_handlers_disconnect_by_func (self->document, on_document_changed, self);
  if (self->register_view != NULL)
    {
      g_signal_handlers_disconnect_by_func (self->register_view, on_selected_notify, self);
      g_signal_handlers_disconnect_by_func (self->register_view, on_view_document_notify, self);
    }
  if (self->root_cause_view != NULL)
    g_signal_handlers_disconnect_by_func (gtk_text_view_get_buffer (self->root_cause_view),
                                          on_root_cause_changed, self);
  /* The bin's child is a template child: the bin must let go of it first. */
  adw_bin_set_child (ADW_BIN (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), CUSTOS_TYPE_NC_PAGE);
  g_clear_object (&self->document);
  custos_clock_unwatch (&self->clock, self);

  G_OBJECT_CLASS (custos_nc_page_parent_class)->dispose (object);
}

static void
custos_nc_page_finalize (GObject *object)
{
  CustosNcPage *self = CUSTOS_NC_PAGE (object);

  g_ptr_array_unref (self->why_rows);
  g_ptr_array_unref (self->step_rows);
  g_free (self->advance_label);
  g_free (self->advance_hint);

  G_OBJECT_CLASS (custos_nc_page_parent_class)->finalize (object);
}

static void
custos_nc_page_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  switch (prop_id)
    {
    case PROP_DOCUMENT:
      g_value_set_object (value, CUSTOS_NC_PAGE (object)->document);
      break;
    case PROP_CLOCK:
      g_value_set_object (value, CUSTOS_NC_PAGE (object)->clock);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
custos_nc_page_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  switch (prop_id)
    {
    case PROP_DOCUMENT:
      set_document (CUSTOS_NC_PAGE (object), g_value_get_object (value));
      break;
    case PROP_CLOCK:
      set_clock (CUSTOS_NC_PAGE (object), g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
custos_nc_page_class_init (CustosNcPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = custos_nc_page_dispose;
  object_class->finalize = custos_nc_page_finalize;
  object_class->get_property = custos_nc_page_get_property;
  object_class->set_property = custos_nc_page_set_property;

  properties[PROP_DOCUMENT] =
    g_param_spec_object ("document", NULL, NULL, CUSTOS_TYPE_DOCUMENT,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  /* Today: when an effectiveness review is planned rather than done. */
  properties[PROP_CLOCK] =
    g_param_spec_object ("clock", NULL, NULL, CUSTOS_TYPE_CLOCK,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_install_action (widget_class, "nc.advance", NULL, advance_action);
  gtk_widget_class_install_action (widget_class, "nc.add-why", NULL, add_why_action);

  g_type_ensure (CUSTOS_TYPE_REGISTER_VIEW);
  g_type_ensure (CUSTOS_TYPE_WRAP_BOX);
  gtk_widget_class_set_template_from_resource (widget_class, APP_PATH "/ui/custos-nc-page.ui");
  gtk_widget_class_bind_template_child (widget_class, CustosNcPage, paned);
  gtk_widget_class_bind_template_child (widget_class, CustosNcPage, register_view);
  gtk_widget_class_bind_template_child (widget_class, CustosNcPage, stack);
  gtk_widget_class_bind_template_child (widget_class, CustosNcPage, steps_list);
  gtk_widget_class_bind_template_child (widget_class, CustosNcPage, advance_button);
  gtk_widget_class_bind_template_child (widget_class, CustosNcPage, hint_label);
  gtk_widget_class_bind_template_child (widget_class, CustosNcPage, whys_list);
  gtk_widget_class_bind_template_child (widget_class, CustosNcPage, problem_row);
  gtk_widget_class_bind_template_child (widget_class, CustosNcPage, root_cause_view);

  gtk_widget_class_set_css_name (widget_class, "custos-nc-page");
}

static void
custos_nc_page_init (CustosNcPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  custos_clock_watch (&self->clock, NULL, G_CALLBACK (on_today), self);

  self->why_rows = g_ptr_array_new ();
  self->step_rows = g_ptr_array_new ();
  self->current_step = -1;
  for (int step = CUSTOS_NC_STATUS_OPEN; step <= CUSTOS_NC_STATUS_CLOSED; step++)
    {
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *icon = gtk_image_new_from_icon_name ("content-loading-symbolic");

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), custos_enum_value_label (CUSTOS_TYPE_NC_STATUS, step));
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), icon);
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
      g_object_set_data (G_OBJECT (row), "custos-icon", icon);
      gtk_list_box_append (self->steps_list, row);
      g_ptr_array_add (self->step_rows, row);
    }
  g_signal_connect (gtk_text_view_get_buffer (self->root_cause_view), "changed",
                    G_CALLBACK (on_root_cause_changed), self);
  g_signal_connect (self->register_view, "notify::selected", G_CALLBACK (on_selected_notify), self);
  g_signal_connect (self->register_view, "notify::document", G_CALLBACK (on_view_document_notify), self);
  custos_paned_place_once (self->paned, 9, 20, 220);
  load_whys (self);
  update_cycle (self);
  gtk_stack_set_visible_child_name (self->stack, "none");
}

GtkWidget *
custos_nc_page_new (void)
{
  return g_object_new (CUSTOS_TYPE_NC_PAGE, NULL);
}
