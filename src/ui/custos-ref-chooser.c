/* SPDX-License-Identifier: GPL-3.0-or-later */
/* custos-ref-chooser.c — a popover to pick several records or Annex A controls
 *
 * A search entry over a GtkListView of check rows. The choices are the live
 * register (or the catalogue's controls with a header per theme), filtered by
 * a GtkCustomFilter: rows exist only for what is on screen, so a register of
 * 10,000 records costs nothing until the popover is scrolled. The list view
 * gets its model only while the popover is shown: a GtkListView keeps up to
 * 200 rows bound whether or not it is on screen, and a record editor holds
 * one chooser per reference field.
 */
#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <string.h>

#include "custos-field-format.h"
#include "custos-ref-chooser.h"

/* One control of a catalogue, or the header of its group. */
#define CUSTOS_TYPE_REF_CHOICE (custos_ref_choice_get_type ())
G_DECLARE_FINAL_TYPE (CustosRefChoice, custos_ref_choice, CUSTOS, REF_CHOICE, GObject)

struct _CustosRefChoice
{
  GObject     parent_instance;
  const char *id;     /* owned by the catalogue, which lives forever */
  const char *title;
  gboolean    header;
};

G_DEFINE_FINAL_TYPE (CustosRefChoice, custos_ref_choice, G_TYPE_OBJECT)

static void
custos_ref_choice_class_init (CustosRefChoiceClass *klass)
{
}

static void
custos_ref_choice_init (CustosRefChoice *self)
{
}

static CustosRefChoice *
custos_ref_choice_new (const char *id,
                       const char *title,
                       gboolean    header)
{
  CustosRefChoice *self = g_object_new (CUSTOS_TYPE_REF_CHOICE, NULL);

  self->id = id;
  self->title = title;
  self->header = header;
  return self;
}

struct _CustosRefChooser
{
  GtkPopover          parent_instance;

  CustosDocument     *document;  /* weak: names SoA entries */
  GListModel         *source;
  GtkCustomFilter    *filter;
  GtkFilterListModel *filtered;
  GtkSelectionModel  *selection; /* over filtered; the list view's model while shown */
  char               *search_text;
  char               *key;       /* case-folded search_text, NULL when empty */
  gboolean            syncing_entry;
  GPtrArray          *selected;  /* char *, NULL-terminated */

  /* template children */
  GtkSearchEntry     *search_entry;
  GtkStack           *stack;
  GtkListView        *list_view;
};

G_DEFINE_FINAL_TYPE (CustosRefChooser, custos_ref_chooser, GTK_TYPE_POPOVER)

enum {
  PROP_0,
  PROP_SELECTED,
  PROP_SEARCH_TEXT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  CHOSEN,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

const char *
custos_ref_chooser_item_id (gpointer item)
{
  if (CUSTOS_IS_RECORD (item))
    return custos_record_get_id (item);
  if (CUSTOS_IS_REF_CHOICE (item) && !CUSTOS_REF_CHOICE (item)->header)
    return CUSTOS_REF_CHOICE (item)->id;
  return NULL;
}

static const char *
item_title (CustosRefChooser *self,
            gpointer          item)
{
  if (CUSTOS_IS_REF_CHOICE (item))
    return CUSTOS_REF_CHOICE (item)->title;
  if (CUSTOS_IS_SOA_ENTRY (item) && self->document != NULL)
    return custos_document_get_control_title (self->document, custos_record_get_id (item));
  if (custos_record_get_title (item) != custos_record_get_id (item))
    return custos_record_get_title (item);
  return NULL;
}

static gboolean
is_selected (CustosRefChooser *self,
             const char       *id)
{
  for (guint i = 0; i < self->selected->len; i++)
    if (g_strcmp0 (g_ptr_array_index (self->selected, i), id) == 0)
      return TRUE;
  return FALSE;
}

/* Rows ------------------------------------------------------------------ */

static void
on_check_toggled (GtkCheckButton *check,
                  GtkListItem    *list_item)
{
  CustosRefChooser *self = g_object_get_data (G_OBJECT (check), "chooser");
  const char *id = custos_ref_chooser_item_id (gtk_list_item_get_item (list_item));

  if (id == NULL || self == NULL)
    return;
  if (gtk_check_button_get_active (check) != is_selected (self, id))
    custos_ref_chooser_toggle (self, id);
}

static void
setup_row (GtkSignalListItemFactory *factory,
           GtkListItem              *list_item,
           CustosRefChooser         *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
  GtkWidget *check = gtk_check_button_new ();
  GtkWidget *labels = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *id_label = gtk_label_new (NULL);
  GtkWidget *title_label = gtk_label_new (NULL);
  GtkWidget *header = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (id_label), 0);
  gtk_label_set_width_chars (GTK_LABEL (id_label), 6);
  gtk_widget_add_css_class (id_label, "numeric");
  gtk_widget_add_css_class (id_label, "dim-label");
  gtk_label_set_xalign (GTK_LABEL (title_label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (title_label), PANGO_ELLIPSIZE_END);
  gtk_widget_set_hexpand (title_label, TRUE);
  gtk_box_append (GTK_BOX (labels), id_label);
  gtk_box_append (GTK_BOX (labels), title_label);
  gtk_check_button_set_child (GTK_CHECK_BUTTON (check), labels);
  /* The row takes the keyboard focus (Enter toggles it); the check follows. */
  gtk_widget_set_focusable (check, FALSE);
  gtk_widget_set_hexpand (check, TRUE);

  gtk_label_set_xalign (GTK_LABEL (header), 0);
  gtk_label_set_ellipsize (GTK_LABEL (header), PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (header, "heading");
  gtk_widget_set_margin_top (header, 6);

  gtk_box_append (GTK_BOX (box), check);
  gtk_box_append (GTK_BOX (box), header);
  g_object_set_data (G_OBJECT (box), "check", check);
  g_object_set_data (G_OBJECT (box), "id", id_label);
  g_object_set_data (G_OBJECT (box), "title", title_label);
  g_object_set_data (G_OBJECT (box), "header", header);
  g_signal_connect (check, "toggled", G_CALLBACK (on_check_toggled), list_item);
  gtk_list_item_set_child (list_item, box);
}

static void
sync_row (GtkListItem      *list_item,
          CustosRefChooser *self)
{
  GtkWidget *box = gtk_list_item_get_child (list_item);
  GtkWidget *check = g_object_get_data (G_OBJECT (box), "check");
  const char *id = custos_ref_chooser_item_id (gtk_list_item_get_item (list_item));

  if (id == NULL)
    return;
  /* Detached while set, so that only a click is a choice. */
  g_object_set_data (G_OBJECT (check), "chooser", NULL);
  gtk_check_button_set_active (GTK_CHECK_BUTTON (check), is_selected (self, id));
  g_object_set_data (G_OBJECT (check), "chooser", self);
}

static void
on_selected_notify (CustosRefChooser *self,
                    GParamSpec       *pspec,
                    GtkListItem      *list_item)
{
  sync_row (list_item, self);
}

static void
bind_row (GtkSignalListItemFactory *factory,
          GtkListItem              *list_item,
          CustosRefChooser         *self)
{
  GtkWidget *box = gtk_list_item_get_child (list_item);
  gpointer item = gtk_list_item_get_item (list_item);
  const char *id = custos_ref_chooser_item_id (item);
  g_autofree char *title = CUSTOS_IS_RECORD (item) ? custos_format_record_title (self->document, item)
                                                   : g_strdup (item_title (self, item));
  GtkWidget *check = g_object_get_data (G_OBJECT (box), "check");
  GtkWidget *header = g_object_get_data (G_OBJECT (box), "header");

  gtk_widget_set_visible (check, id != NULL);
  gtk_widget_set_visible (header, id == NULL);
  gtk_list_item_set_activatable (list_item, id != NULL);
  if (id == NULL)
    {
      gtk_label_set_text (GTK_LABEL (header), title);
      return;
    }
  if (CUSTOS_IS_REF_CHOICE (item))
    {
      g_autofree char *cited = custos_control_cite (id);  /* catalogue choices are controls */
      gtk_label_set_text (g_object_get_data (G_OBJECT (box), "id"), cited);
    }
  else
    gtk_label_set_text (g_object_get_data (G_OBJECT (box), "id"), id);
  gtk_label_set_text (g_object_get_data (G_OBJECT (box), "title"), title != NULL ? title : "");
  gtk_widget_set_tooltip_text (check, title);
  sync_row (list_item, self);
  g_signal_connect (self, "notify::selected", G_CALLBACK (on_selected_notify), list_item);
}

static void
unbind_row (GtkSignalListItemFactory *factory,
            GtkListItem              *list_item,
            CustosRefChooser         *self)
{
  GtkWidget *box = gtk_list_item_get_child (list_item);

  g_object_set_data (g_object_get_data (G_OBJECT (box), "check"), "chooser", NULL);
  g_signal_handlers_disconnect_by_func (self, on_selected_notify, list_item);
}

/* Search ---------------------------------------------------------------- */

static gboolean
filter_func (gpointer item,
             gpointer user_data)
{
  CustosRefChooser *self = user_data;
  const char *id;

  if (self->key == NULL)
    return TRUE;
  id = custos_ref_chooser_item_id (item);
  if (id == NULL)
    return FALSE; /* group headers only frame the whole catalogue */
  if (CUSTOS_IS_REF_CHOICE (item))
    {
      g_autofree char *cited = custos_control_cite (id);
      if (custos_text_matches (cited, self->key))
        return TRUE;
    }
  return custos_text_matches (id, self->key) || custos_text_matches (item_title (self, item), self->key);
}

static void
update_stack (CustosRefChooser *self)
{
  gboolean empty;

  if (self->stack == NULL)
    return;
  empty = g_list_model_get_n_items (G_LIST_MODEL (self->filtered)) == 0;

  gtk_stack_set_visible_child_name (self->stack, empty ? "empty" : "list");
}

const char *
custos_ref_chooser_get_search_text (CustosRefChooser *self)
{
  g_return_val_if_fail (CUSTOS_IS_REF_CHOOSER (self), NULL);
  return self->search_text != NULL ? self->search_text : "";
}

void
custos_ref_chooser_set_search_text (CustosRefChooser *self,
                                    const char       *text)
{
  g_autofree char *old_key = NULL;
  GtkFilterChange change = GTK_FILTER_CHANGE_DIFFERENT;

  g_return_if_fail (CUSTOS_IS_REF_CHOOSER (self));

  if (text == NULL)
    text = "";
  if (g_strcmp0 (text, custos_ref_chooser_get_search_text (self)) == 0)
    return;

  g_free (self->search_text);
  self->search_text = g_strdup (text);
  old_key = g_steal_pointer (&self->key);
  self->key = custos_search_key (text);
  if (old_key == NULL || (self->key != NULL && strstr (self->key, old_key) != NULL))
    change = GTK_FILTER_CHANGE_MORE_STRICT;
  else if (self->key == NULL || strstr (old_key, self->key) != NULL)
    change = GTK_FILTER_CHANGE_LESS_STRICT;
  gtk_filter_changed (GTK_FILTER (self->filter), change);

  if (g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (self->search_entry)), text) != 0)
    {
      /* Replacing the text empties it first, which the entry reports at once. */
      self->syncing_entry = TRUE;
      gtk_editable_set_text (GTK_EDITABLE (self->search_entry), text);
      self->syncing_entry = FALSE;
    }
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SEARCH_TEXT]);
}

static void
on_search_changed (GtkSearchEntry   *entry,
                   CustosRefChooser *self)
{
  if (self->syncing_entry)
    return;
  custos_ref_chooser_set_search_text (self, gtk_editable_get_text (GTK_EDITABLE (entry)));
}

static void
on_stop_search (GtkSearchEntry   *entry,
                CustosRefChooser *self)
{
  if (custos_ref_chooser_get_search_text (self)[0] != '\0')
    custos_ref_chooser_set_search_text (self, "");
  else
    gtk_popover_popdown (GTK_POPOVER (self));
}

/* Enter in the search toggles the only match, a quick way to add one item. */
static void
on_search_activate (GtkSearchEntry   *entry,
                    CustosRefChooser *self)
{
  custos_ref_chooser_set_search_text (self, gtk_editable_get_text (GTK_EDITABLE (entry)));
  if (g_list_model_get_n_items (G_LIST_MODEL (self->filtered)) == 1)
    {
      g_autoptr(GObject) item = g_list_model_get_item (G_LIST_MODEL (self->filtered), 0);
      const char *id = custos_ref_chooser_item_id (item);

      if (id != NULL)
        custos_ref_chooser_toggle (self, id);
    }
}

static void
on_list_activate (GtkListView      *list_view,
                  guint             position,
                  CustosRefChooser *self)
{
  g_autoptr(GObject) item = g_list_model_get_item (G_LIST_MODEL (self->filtered), position);
  const char *id = item != NULL ? custos_ref_chooser_item_id (item) : NULL;

  if (id != NULL)
    custos_ref_chooser_toggle (self, id);
}

/* Down or Tab in the search moves on into the list, as a user expects of a
 * search over a list; the key capture would otherwise keep typing there. */
static gboolean
on_search_key_pressed (GtkEventControllerKey *controller,
                       guint                  keyval,
                       guint                  keycode,
                       GdkModifierType        state,
                       CustosRefChooser      *self)
{
  if ((keyval != GDK_KEY_Down && keyval != GDK_KEY_KP_Down && keyval != GDK_KEY_Tab) ||
      (state & (GDK_CONTROL_MASK | GDK_SHIFT_MASK | GDK_ALT_MASK)) != 0 ||
      g_list_model_get_n_items (G_LIST_MODEL (self->filtered)) == 0)
    return FALSE;
  return gtk_widget_child_focus (GTK_WIDGET (self->list_view), GTK_DIR_TAB_FORWARD);
}

static void
on_popover_show (CustosRefChooser *self)
{
  gtk_list_view_set_model (self->list_view, self->selection);
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

static void
on_popover_hide (CustosRefChooser *self)
{
  if (self->list_view != NULL) /* not yet disposed */
    gtk_list_view_set_model (self->list_view, NULL);
}

/* Choices --------------------------------------------------------------- */

static void
set_source (CustosRefChooser *self,
            GListModel       *source)
{
  g_set_object (&self->source, source);
  gtk_filter_list_model_set_model (self->filtered, source);
  update_stack (self);
}

void
custos_ref_chooser_set_records (CustosRefChooser *self,
                                CustosDocument   *document,
                                GListModel       *records)
{
  g_return_if_fail (CUSTOS_IS_REF_CHOOSER (self));
  g_return_if_fail (records == NULL || G_IS_LIST_MODEL (records));

  g_set_weak_pointer (&self->document, document);
  set_source (self, records);
}

void
custos_ref_chooser_set_catalogue (CustosRefChooser *self,
                                  CustosCatalogue  *catalogue)
{
  g_autoptr(GListStore) store = g_list_store_new (CUSTOS_TYPE_REF_CHOICE);

  g_return_if_fail (CUSTOS_IS_REF_CHOOSER (self));

  for (guint g = 0; catalogue != NULL && g < custos_catalogue_get_n_groups (catalogue); g++)
    {
      const CustosControlGroup *group = custos_catalogue_get_group (catalogue, g);
      g_autoptr(CustosRefChoice) header = custos_ref_choice_new (group->id, group->title, TRUE);

      g_list_store_append (store, header);
      for (guint i = group->first; i < group->first + group->n_controls; i++)
        {
          const CustosControl *control = custos_catalogue_get_control (catalogue, i);
          g_autoptr(CustosRefChoice) choice = custos_ref_choice_new (control->id, control->title, FALSE);

          g_list_store_append (store, choice);
        }
    }
  g_clear_weak_pointer (&self->document);
  set_source (self, G_LIST_MODEL (store));
}

GListModel *
custos_ref_chooser_get_model (CustosRefChooser *self)
{
  g_return_val_if_fail (CUSTOS_IS_REF_CHOOSER (self), NULL);
  return G_LIST_MODEL (self->filtered);
}

const char * const *
custos_ref_chooser_get_selected (CustosRefChooser *self)
{
  static const char * const none[] = { NULL };

  g_return_val_if_fail (CUSTOS_IS_REF_CHOOSER (self), NULL);
  if (self->selected->pdata == NULL)
    return none;
  return (const char * const *) self->selected->pdata;
}

void
custos_ref_chooser_set_selected (CustosRefChooser   *self,
                                 const char * const *ids)
{
  const char * const *old;

  g_return_if_fail (CUSTOS_IS_REF_CHOOSER (self));

  old = custos_ref_chooser_get_selected (self);
  if ((ids == NULL || ids[0] == NULL) ? old[0] == NULL : g_strv_equal (ids, old))
    return;

  g_ptr_array_set_size (self->selected, 0);
  for (guint i = 0; ids != NULL && ids[i] != NULL; i++)
    g_ptr_array_add (self->selected, g_strdup (ids[i]));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SELECTED]);
}

void
custos_ref_chooser_toggle (CustosRefChooser *self,
                           const char       *id)
{
  guint n;

  g_return_if_fail (CUSTOS_IS_REF_CHOOSER (self));
  g_return_if_fail (id != NULL);

  n = self->selected->len;
  for (guint i = 0; i < n; i++)
    if (g_str_equal (g_ptr_array_index (self->selected, i), id))
      {
        g_ptr_array_remove_index (self->selected, i);
        g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SELECTED]);
        return;
      }

  /* A new choice goes before the first that naturally follows it. */
  for (guint i = 0; i <= n; i++)
    if (i == n || custos_natural_compare (id, g_ptr_array_index (self->selected, i)) < 0)
      {
        g_ptr_array_insert (self->selected, (int) i, g_strdup (id));
        break;
      }
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SELECTED]);
  g_signal_emit (self, signals[CHOSEN], 0, id);
}

/* GObject --------------------------------------------------------------- */

static void
custos_ref_chooser_dispose (GObject *object)
{
  CustosRefChooser *self = CUSTOS_REF_CHOOSER (object);

  if (self->filtered != NULL)
    {
      g_signal_handlers_disconnect_by_func (self->filtered, update_stack, self);
      gtk_filter_list_model_set_model (self->filtered, NULL);
    }
  if (self->list_view != NULL)
    gtk_list_view_set_model (self->list_view, NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), CUSTOS_TYPE_REF_CHOOSER);
  g_clear_object (&self->selection);
  g_clear_object (&self->filtered);
  g_clear_object (&self->filter);
  g_clear_object (&self->source);
  g_clear_weak_pointer (&self->document);

  G_OBJECT_CLASS (custos_ref_chooser_parent_class)->dispose (object);
}

static void
custos_ref_chooser_finalize (GObject *object)
{
  CustosRefChooser *self = CUSTOS_REF_CHOOSER (object);

  g_ptr_array_unref (self->selected);
  g_free (self->search_text);
  g_free (self->key);

  G_OBJECT_CLASS (custos_ref_chooser_parent_class)->finalize (object);
}

static void
custos_ref_chooser_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  CustosRefChooser *self = CUSTOS_REF_CHOOSER (object);

  switch (prop_id)
    {
    case PROP_SELECTED:
      g_value_set_boxed (value, custos_ref_chooser_get_selected (self));
      break;
    case PROP_SEARCH_TEXT:
      g_value_set_string (value, custos_ref_chooser_get_search_text (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
custos_ref_chooser_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  CustosRefChooser *self = CUSTOS_REF_CHOOSER (object);

  switch (prop_id)
    {
    case PROP_SELECTED:
      custos_ref_chooser_set_selected (self, g_value_get_boxed (value));
      break;
    case PROP_SEARCH_TEXT:
      custos_ref_chooser_set_search_text (self, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
custos_ref_chooser_class_init (CustosRefChooserClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = custos_ref_chooser_dispose;
  object_class->finalize = custos_ref_chooser_finalize;
  object_class->get_property = custos_ref_chooser_get_property;
  object_class->set_property = custos_ref_chooser_set_property;

  properties[PROP_SELECTED] =
    g_param_spec_boxed ("selected", NULL, NULL, G_TYPE_STRV,
                        G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_SEARCH_TEXT] =
    g_param_spec_string ("search-text", NULL, NULL, "",
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[CHOSEN] = g_signal_new ("chosen", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);

  gtk_widget_class_set_template_from_resource (widget_class, APP_PATH "/ui/custos-ref-chooser.ui");
  gtk_widget_class_bind_template_child (widget_class, CustosRefChooser, search_entry);
  gtk_widget_class_bind_template_child (widget_class, CustosRefChooser, stack);
  gtk_widget_class_bind_template_child (widget_class, CustosRefChooser, list_view);
  gtk_widget_class_bind_template_callback (widget_class, on_search_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_stop_search);
  gtk_widget_class_bind_template_callback (widget_class, on_search_activate);
  gtk_widget_class_bind_template_callback (widget_class, on_list_activate);
}

static void
custos_ref_chooser_init (CustosRefChooser *self)
{
  GtkListItemFactory *factory;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->selected = g_ptr_array_new_null_terminated (4, g_free, TRUE);
  self->filter = gtk_custom_filter_new (filter_func, self, NULL);
  self->filtered = gtk_filter_list_model_new (NULL, g_object_ref (GTK_FILTER (self->filter)));
  g_signal_connect_object (self->filtered, "items-changed", G_CALLBACK (update_stack), self,
                           G_CONNECT_SWAPPED);

  factory = gtk_signal_list_item_factory_new ();
  g_signal_connect (factory, "setup", G_CALLBACK (setup_row), self);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_row), self);
  g_signal_connect (factory, "unbind", G_CALLBACK (unbind_row), self);
  gtk_list_view_set_factory (self->list_view, factory);
  g_object_unref (factory);

  self->selection = GTK_SELECTION_MODEL (gtk_no_selection_new (g_object_ref (G_LIST_MODEL (self->filtered))));

  gtk_search_entry_set_key_capture_widget (self->search_entry, GTK_WIDGET (self));
  {
    GtkEventController *keys = gtk_event_controller_key_new ();

    gtk_event_controller_set_name (keys, "custos-search-to-list");
    gtk_event_controller_set_propagation_phase (keys, GTK_PHASE_CAPTURE);
    g_signal_connect (keys, "key-pressed", G_CALLBACK (on_search_key_pressed), self);
    gtk_widget_add_controller (GTK_WIDGET (self->search_entry), keys);
  }
  g_signal_connect (self, "show", G_CALLBACK (on_popover_show), NULL);
  g_signal_connect (self, "hide", G_CALLBACK (on_popover_hide), NULL);
  update_stack (self);
}

GtkWidget *
custos_ref_chooser_new (void)
{
  return g_object_new (CUSTOS_TYPE_REF_CHOOSER, NULL);
}
