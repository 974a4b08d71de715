/* SPDX-License-Identifier: GPL-3.0-or-later */
/* custos-review-page.c — management reviews (9.3)
 *
 * The reviews register with its form (date, attendees, one field per input
 * of 9.3.2, decisions); "New Review" starts one dated today with every input
 * written from the registers (custos-review-prefill.c), "Fill Empty Inputs"
 * does the same for the inputs of the selected review nobody has written
 * yet. Below, the actions decided at the selected review — the review
 * actions register filtered to it — with a form for the selected one.
 */
#include "config.h"

#include <glib/gi18n.h>

#include "custos-clock.h"
#include "custos-enums.h"
#include "custos-field-format.h"
#include "custos-labels.h"
#include "custos-readiness.h"
#include "custos-review-page.h"
#include "custos-wrap-box.h"
#include "custos-paned.h"
#include "custos-review-prefill.h"

struct _CustosReviewPage
{
  AdwBin              parent_instance;

  CustosDocument     *document;
  CustosClock        *clock;
  CustosRecord       *review;
  GPtrArray          *actions;      /* CustosRecord *, shown in actions_list */
  gboolean            rebuilding;
  guint               refresh_id;

  /* template children */
  GtkPaned           *paned;
  CustosRegisterView *register_view;
  GtkLabel           *actions_subtitle;
  GtkStack           *actions_stack;
  GtkLabel           *actions_empty;
  GtkListBox         *actions_list;
  CustosRecordEditor *action_editor;
};

G_DEFINE_FINAL_TYPE (CustosReviewPage, custos_review_page, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_DOCUMENT,
  PROP_CLOCK,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
update_actions_enabled (CustosReviewPage *self)
{
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "review.new", self->document != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "review.fill", self->document != NULL && self->review != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "review.add-action",
                                 self->document != NULL && self->review != NULL);
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

/* The actions list --------------------------------------------------------- */

static void
update_row (CustosReviewPage *self,
            GtkWidget        *row,
            CustosRecord     *action)
{
  GtkLabel *title = g_object_get_data (G_OBJECT (row), "custos-title");
  GtkLabel *subtitle = g_object_get_data (G_OBJECT (row), "custos-subtitle");
  const char *text = custos_record_get_title (action);
  const char *owner_id = custos_review_action_get_owner (CUSTOS_REVIEW_ACTION (action));
  g_autofree char *owner = NULL;
  g_autofree char *due = custos_format_date (custos_review_action_get_due (CUSTOS_REVIEW_ACTION (action)));
  const CustosField *field = &custos_record_get_kind (action)->fields[CUSTOS_REVIEW_ACTION_FIELD_OWNER];
  GString *line = g_string_new (custos_record_get_id (action));

  if (owner_id != NULL)
    {
      CustosRecord *role = custos_document_lookup (self->document, CUSTOS_REGISTER_ROLES, owner_id);

      owner = role != NULL && custos_role_get_holder (CUSTOS_ROLE (role)) != NULL
              ? g_strdup (custos_role_get_holder (CUSTOS_ROLE (role)))
              : custos_format_reference (self->document, field, owner_id);
      g_string_append_printf (line, " · %s", owner);
    }
  if (due != NULL)
    /* Translators: when a review action is due, in the list of actions */
    g_string_append_printf (line, " · %s", due);
  g_string_append_printf (line, " · %s",
                          custos_enum_value_label (CUSTOS_TYPE_ACTION_STATUS,
                                                   custos_review_action_get_status (CUSTOS_REVIEW_ACTION (action))));
  gtk_label_set_text (title, text != NULL ? text : _("Untitled action"));
  gtk_label_set_text (subtitle, line->str);
  g_string_free (line, TRUE);
}

static GtkWidget *
action_row (CustosReviewPage *self,
            CustosRecord     *action)
{
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *title = gtk_label_new (NULL);
  GtkWidget *subtitle = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_label_set_wrap (GTK_LABEL (title), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (title), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_lines (GTK_LABEL (title), 2);
  gtk_label_set_ellipsize (GTK_LABEL (title), PANGO_ELLIPSIZE_END);
  gtk_label_set_xalign (GTK_LABEL (subtitle), 0);
  gtk_label_set_ellipsize (GTK_LABEL (subtitle), PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (subtitle, "dim-label");
  gtk_widget_add_css_class (subtitle, "caption");
  gtk_widget_set_margin_top (box, 6);
  gtk_widget_set_margin_bottom (box, 6);
  gtk_box_append (GTK_BOX (box), title);
  gtk_box_append (GTK_BOX (box), subtitle);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  g_object_set_data (G_OBJECT (row), "custos-title", title);
  g_object_set_data (G_OBJECT (row), "custos-subtitle", subtitle);
  g_object_set_data_full (G_OBJECT (row), "custos-record", g_object_ref (action), g_object_unref);
  update_row (self, row, action);
  return row;
}

static GPtrArray *
actions_of_review (CustosReviewPage *self)
{
  GPtrArray *actions = g_ptr_array_new_with_free_func (g_object_unref);
  GListModel *model;
  const char *id;

  if (self->document == NULL || self->review == NULL)
    return actions;
  id = custos_record_get_id (self->review);
  model = custos_document_get_register (self->document, CUSTOS_REGISTER_REVIEW_ACTIONS);
  for (guint i = 0, n = g_list_model_get_n_items (model); i < n; i++)
    {
      CustosRecord *action = g_list_model_get_item (model, i);

      if (g_strcmp0 (custos_review_action_get_review (CUSTOS_REVIEW_ACTION (action)), id) == 0)
        g_ptr_array_add (actions, action);
      else
        g_object_unref (action);
    }
  return actions;
}

static gboolean
same_records (GPtrArray *a,
              GPtrArray *b)
{
  if (a == NULL || b == NULL || a->len != b->len)
    return FALSE;
  for (guint i = 0; i < a->len; i++)
    if (a->pdata[i] != b->pdata[i])
      return FALSE;
  return TRUE;
}

static void
select_action (CustosReviewPage *self,
               CustosRecord     *action)
{
  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (self->actions_list)); row != NULL;
       row = gtk_widget_get_next_sibling (row))
    if (g_object_get_data (G_OBJECT (row), "custos-record") == action)
      {
        gtk_list_box_select_row (self->actions_list, GTK_LIST_BOX_ROW (row));
        return;
      }
}

static gboolean
refresh (gpointer user_data)
{
  CustosReviewPage *self = user_data;
  g_autoptr(GPtrArray) actions = actions_of_review (self);
  CustosRecord *editing = custos_record_editor_get_record (self->action_editor);
  g_autofree char *subtitle = NULL;

  self->refresh_id = 0;
  update_actions_enabled (self);
  if (self->review == NULL)
    subtitle = g_strdup (_("Select a review to see the actions decided at it"));
  else
    {
      g_autofree char *date = custos_format_date (custos_review_get_date (CUSTOS_REVIEW (self->review)));
      /* Translators: "MR-001 · 22 Sep 2026 · 5 actions" */
      subtitle = g_strdup_printf (ngettext ("%s · %s · %u action", "%s · %s · %u actions", actions->len),
                                  custos_record_get_id (self->review), date != NULL ? date : _("no date"),
                                  actions->len);
    }
  gtk_label_set_text (self->actions_subtitle, subtitle);

  if (same_records (self->actions, actions))
    {
      /* Only fields changed: relabel the rows in place, the form keeps its focus. */
      guint i = 0;
      for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (self->actions_list)); row != NULL;
           row = gtk_widget_get_next_sibling (row), i++)
        update_row (self, row, actions->pdata[i]);
      return G_SOURCE_REMOVE;
    }

  self->rebuilding = TRUE;
  for (GtkWidget *child; (child = gtk_widget_get_first_child (GTK_WIDGET (self->actions_list))) != NULL;)
    gtk_list_box_remove (self->actions_list, child);
  for (guint i = 0; i < actions->len; i++)
    gtk_list_box_append (self->actions_list, action_row (self, actions->pdata[i]));
  g_clear_pointer (&self->actions, g_ptr_array_unref);
  self->actions = g_ptr_array_ref (actions);
  self->rebuilding = FALSE;

  if (actions->len == 0)
    release_focus_in (gtk_stack_get_child_by_name (self->actions_stack, "actions"));
  gtk_stack_set_visible_child_name (self->actions_stack, actions->len > 0 ? "actions" : "none");
  gtk_label_set_text (self->actions_empty,
                      self->review != NULL ? _("No actions recorded for this review yet: add what it decided, "
                                               "who does it and by when.")
                                           : _("Select a review to see the actions decided at it"));
  /* Keep editing what was edited, else the first action. */
  if (editing != NULL && g_ptr_array_find (actions, editing, NULL))
    select_action (self, editing);
  else if (actions->len > 0)
    select_action (self, actions->pdata[0]);
  else
    custos_record_editor_set_record (self->action_editor, NULL);
  return G_SOURCE_REMOVE;
}

static void
queue_refresh (CustosReviewPage *self)
{
  if (self->refresh_id == 0)
    self->refresh_id = g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, refresh, self, NULL);
}

static void
refresh_now (CustosReviewPage *self)
{
  g_clear_handle_id (&self->refresh_id, g_source_remove);
  refresh (self);
}

static void
on_action_selected (GtkListBox       *list,
                    GtkListBoxRow    *row,
                    CustosReviewPage *self)
{
  if (self->rebuilding)
    return;
  custos_record_editor_set_record (self->action_editor,
                                   row != NULL ? g_object_get_data (G_OBJECT (row), "custos-record") : NULL);
}

static void
on_document_changed (CustosDocument   *document,
                     CustosRecord     *record,
                     CustosReviewPage *self)
{
  if (record == NULL || record == self->review || CUSTOS_IS_REVIEW_ACTION (record) || CUSTOS_IS_ROLE (record))
    queue_refresh (self);
}

static void
on_selected_notify (CustosRegisterView *view,
                    GParamSpec         *pspec,
                    CustosReviewPage   *self)
{
  if (!g_set_object (&self->review, custos_register_view_get_selected (view)))
    return;
  refresh_now (self);
}

/* Actions ------------------------------------------------------------------ */

static void
new_review_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  CustosReviewPage *self = CUSTOS_REVIEW_PAGE (widget);
  CustosRecord *review;

  if (self->document == NULL)
    return;
  review = custos_review_prefill_new (self->document, custos_clock_get_today (self->clock));
  custos_register_view_select (self->register_view, review);
}

static void
fill_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  CustosReviewPage *self = CUSTOS_REVIEW_PAGE (widget);

  if (self->document == NULL || self->review == NULL)
    return;
  custos_review_prefill_fill_empty (self->document, self->review, custos_clock_get_today (self->clock));
}

static void
add_action_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  CustosReviewPage *self = CUSTOS_REVIEW_PAGE (widget);
  CustosRecord *action;

  if (self->document == NULL || self->review == NULL)
    return;
  custos_document_begin_compound (self->document);
  action = custos_document_add_new (self->document, CUSTOS_REGISTER_REVIEW_ACTIONS);
  custos_review_action_set_review (CUSTOS_REVIEW_ACTION (action), custos_record_get_id (self->review));
  custos_document_end_compound (self->document);
  refresh_now (self);
  select_action (self, action);
  custos_record_editor_focus_first (self->action_editor);
}

/* Accessors ---------------------------------------------------------------- */

CustosRegisterView *
custos_review_page_get_register_view (CustosReviewPage *self)
{
  g_return_val_if_fail (CUSTOS_IS_REVIEW_PAGE (self), NULL);
  return self->register_view;
}

GtkListBox *
custos_review_page_get_actions_list (CustosReviewPage *self)
{
  g_return_val_if_fail (CUSTOS_IS_REVIEW_PAGE (self), NULL);
  return self->actions_list;
}

CustosRecordEditor *
custos_review_page_get_action_editor (CustosReviewPage *self)
{
  g_return_val_if_fail (CUSTOS_IS_REVIEW_PAGE (self), NULL);
  return self->action_editor;
}

/* The latest review, which is what one opens the page for. */
static CustosRecord *
latest_review (CustosDocument *document)
{
  GListModel *reviews = custos_document_get_register (document, CUSTOS_REGISTER_REVIEWS);
  CustosRecord *latest = NULL;

  for (guint i = 0, n = g_list_model_get_n_items (reviews); i < n; i++)
    {
      g_autoptr(CustosRecord) review = g_list_model_get_item (reviews, i);

      if (latest == NULL || g_strcmp0 (custos_review_get_date (CUSTOS_REVIEW (review)),
                                       custos_review_get_date (CUSTOS_REVIEW (latest))) >= 0)
        latest = review;
    }
  return latest;
}

/* Once the view has the document (its binding follows when g_object_set()
 * thaws notifications), the latest review, whatever the view selected by itself. */
static void
on_view_document_notify (CustosRegisterView *view,
                         GParamSpec         *pspec,
                         CustosReviewPage   *self)
{
  CustosDocument *document = custos_register_view_get_document (view);

  if (document != NULL && latest_review (document) != NULL)
    custos_register_view_select (view, latest_review (document));
}

static void
set_document (CustosReviewPage *self,
              CustosDocument   *document)
{
  if (self->document == document)
    return;
  if (self->document != NULL)
    g_signal_handlers_disconnect_by_func (self->document, on_document_changed, self);
  custos_record_editor_set_record (self->action_editor, NULL);
  g_set_object (&self->document, document);
  custos_record_editor_set_document (self->action_editor, document);
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
set_clock (CustosReviewPage *self,
           CustosClock      *clock)
{
  if (!custos_clock_watch (&self->clock, clock, NULL, self))
    return;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CLOCK]);
}

static void
custos_review_page_dispose (GObject *object)
{
  CustosReviewPage *self = CUSTOS_REVIEW_PAGE (object);

  g_clear_handle_id (&self->refresh_id, g_source_remove);
  if (self->document != NULL)
    g_signal_handlers_disconnect_by_func (self->document, on_document_changed, self);
  if (self->register_view != NULL)
    {
      g_signal_handlers_disconnect_by_func (self->register_view, on_selected_notify, self);
      g_signal_handlers_disconnect_by_func (self->register_view, on_view_document_notify, self);
    }
  self->rebuilding = TRUE; /* the list empties: no selection changes matter now */
  /* The bin's child is a template child: the bin must let go of it first. */
  adw_bin_set_child (ADW_BIN (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), CUSTOS_TYPE_REVIEW_PAGE);
  g_clear_pointer (&self->actions, g_ptr_array_unref);
  g_clear_object (&self->review);
  g_clear_object (&self->document);
  custos_clock_unwatch (&self->clock, self);

  G_OBJECT_CLASS (custos_review_page_parent_class)->dispose (object);
}

static void
custos_review_page_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  switch (prop_id)
    {
    case PROP_DOCUMENT:
      g_value_set_object (value, CUSTOS_REVIEW_PAGE (object)->document);
      break;
    case PROP_CLOCK:
      g_value_set_object (value, CUSTOS_REVIEW_PAGE (object)->clock);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
custos_review_page_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  switch (prop_id)
    {
    case PROP_DOCUMENT:
      set_document (CUSTOS_REVIEW_PAGE (object), g_value_get_object (value));
      break;
    case PROP_CLOCK:
      set_clock (CUSTOS_REVIEW_PAGE (object), g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
custos_review_page_class_init (CustosReviewPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = custos_review_page_dispose;
  object_class->get_property = custos_review_page_get_property;
  object_class->set_property = custos_review_page_set_property;

  properties[PROP_DOCUMENT] =
    g_param_spec_object ("document", NULL, NULL, CUSTOS_TYPE_DOCUMENT,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  /* Today: the date of a new review, and what its inputs count. */
  properties[PROP_CLOCK] =
    g_param_spec_object ("clock", NULL, NULL, CUSTOS_TYPE_CLOCK,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_install_action (widget_class, "review.new", NULL, new_review_action);
  gtk_widget_class_install_action (widget_class, "review.fill", NULL, fill_action);
  gtk_widget_class_install_action (widget_class, "review.add-action", NULL, add_action_action);

  g_type_ensure (CUSTOS_TYPE_REGISTER_VIEW);
  g_type_ensure (CUSTOS_TYPE_RECORD_EDITOR);
  g_type_ensure (CUSTOS_TYPE_WRAP_BOX);
  gtk_widget_class_set_template_from_resource (widget_class, APP_PATH "/ui/custos-review-page.ui");
  gtk_widget_class_bind_template_child (widget_class, CustosReviewPage, paned);
  gtk_widget_class_bind_template_child (widget_class, CustosReviewPage, register_view);
  gtk_widget_class_bind_template_child (widget_class, CustosReviewPage, actions_subtitle);
  gtk_widget_class_bind_template_child (widget_class, CustosReviewPage, actions_stack);
  gtk_widget_class_bind_template_child (widget_class, CustosReviewPage, actions_empty);
  gtk_widget_class_bind_template_child (widget_class, CustosReviewPage, actions_list);
  gtk_widget_class_bind_template_child (widget_class, CustosReviewPage, action_editor);
  gtk_widget_class_bind_template_callback (widget_class, on_action_selected);

  gtk_widget_class_set_css_name (widget_class, "custos-review-page");
}

static void
custos_review_page_init (CustosReviewPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  custos_clock_watch (&self->clock, NULL, NULL, self);

  g_signal_connect (self->register_view, "notify::selected", G_CALLBACK (on_selected_notify), self);
  g_signal_connect (self->register_view, "notify::document", G_CALLBACK (on_view_document_notify), self);
  custos_paned_place_once (self->paned, 3, 5, 220);
  gtk_stack_set_visible_child_name (self->actions_stack, "none");
  update_actions_enabled (self);
}

GtkWidget *
custos_review_page_new (void)
{
  return g_object_new (CUSTOS_TYPE_REVIEW_PAGE, NULL);
}
