/* SPDX-License-Identifier: GPL-3.0-or-later */
/* custos-record-editor.c — a form for any record, built from its kind's fields
 *
 * One AdwPreferencesGroup with a row per field, chosen by the field's type and
 * bound both ways to the record's property of the same name. The rows are
 * built once per kind and only rebound when another record of the same kind
 * is shown, so moving through a long register does not rebuild the form.
 *
 * Programmatic changes of a row's model (a register that grows or shrinks, a
 * criteria scale that is relabelled) must never be mistaken for an edit: while
 * a row's guard is up, its widget-to-record transforms refuse to write.
 */
#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "custos-clock.h"
#include "custos-field-format.h"
#include "custos-labels.h"
#include "custos-record-editor.h"
#include "custos-ref-chooser.h"

typedef struct _FieldRow FieldRow;

/* The most references a REFS or CONTROLS row lists before "and N more". */
#define MAX_SUMMARY_LINES 6

struct _CustosRecordEditor
{
  AdwBin            parent_instance;

  CustosDocument   *document;
  CustosClock      *clock;
  CustosRecord     *record;
  char             *title;       /* overrides the record's title as the heading */
  char             *description; /* overrides the record's id under the heading */

  const CustosKind *kind;      /* the kind the rows were built for */
  GtkWidget        *group;     /* AdwPreferencesGroup */
  GtkWidget        *review_box; /* the first row: "To review" and Mark as Reviewed */
  GtkWidget        *review_button;
  GPtrArray        *rows;      /* FieldRow *, in field order */
  gulong            record_notify_id;
  gulong            document_changed_id;
  gulong            edition_notify_id;
};

struct _FieldRow
{
  CustosRecordEditor *editor;
  const CustosField  *field;
  guint               index;
  GtkWidget          *row;
  GtkWidget          *widget;     /* what edits the value */
  GtkWidget          *popover;    /* DATE */
  GtkWidget          *button;     /* DATE, REFS, CONTROLS: the suffix button */
  GtkStringList      *levels;     /* likelihood and consequence */
  GListModel         *choices;    /* REF: "None" + the target register */
  GPtrArray          *bindings;   /* GBinding *, dropped on unbind */
  gulong              notify_id;  /* on the record, while bound */
  int                 guard;
  gboolean            invalid;    /* NUMBER: the text is not a number */
  guint               clear_idle; /* NUMBER: an emptied text, written if it stays empty */
};

G_DEFINE_FINAL_TYPE (CustosRecordEditor, custos_record_editor, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_DOCUMENT,
  PROP_RECORD,
  PROP_TITLE,
  PROP_DESCRIPTION,
  PROP_CLOCK,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static gboolean
is_level (const CustosField *field)
{
  return field->type == CUSTOS_FIELD_INT &&
         (field->min == CUSTOS_RANGE_LIKELIHOOD || field->min == CUSTOS_RANGE_CONSEQUENCE);
}

static CustosRecord *
bound_record (GBinding *binding)
{
  /* The record is the source of every binding; borrowed from the editor. */
  GObject *source = g_binding_dup_source (binding);
  CustosRecord *record = CUSTOS_RECORD (source);

  g_object_unref (source);
  return record;
}

/* Transforms: small and pure, between a record property and a widget --- */

static gboolean
string_to_text (GBinding     *binding,
                const GValue *from,
                GValue       *to,
                gpointer      user_data)
{
  const char *s = g_value_get_string (from);

  g_value_set_string (to, s != NULL ? s : "");
  return TRUE;
}

static gboolean
text_to_string (GBinding     *binding,
                const GValue *from,
                GValue       *to,
                gpointer      user_data)
{
  const char *s = g_value_get_string (from);

  g_value_set_string (to, s != NULL && *s != '\0' ? s : NULL);
  return TRUE;
}

static gboolean
strv_to_lines (GBinding     *binding,
               const GValue *from,
               GValue       *to,
               gpointer      user_data)
{
  char **items = g_value_get_boxed (from);

  g_value_take_string (to, items != NULL ? g_strjoinv ("\n", items) : g_strdup (""));
  return TRUE;
}

/* One item per non-blank line. */
static gboolean
lines_to_strv (GBinding     *binding,
               const GValue *from,
               GValue       *to,
               gpointer      user_data)
{
  const char *text = g_value_get_string (from);
  g_auto(GStrv) lines = g_strsplit (text != NULL ? text : "", "\n", -1);
  GPtrArray *items = g_ptr_array_new ();

  for (guint i = 0; lines[i] != NULL; i++)
    {
      char *item = g_strstrip (lines[i]);
      if (*item != '\0')
        g_ptr_array_add (items, g_strdup (item));
    }
  g_ptr_array_add (items, NULL);
  g_value_take_boxed (to, g_ptr_array_free (items, FALSE));
  return TRUE;
}

static gboolean
int_to_double (GBinding     *binding,
               const GValue *from,
               GValue       *to,
               gpointer      user_data)
{
  g_value_set_double (to, g_value_get_int (from));
  return TRUE;
}

static gboolean
double_to_int (GBinding     *binding,
               const GValue *from,
               GValue       *to,
               gpointer      user_data)
{
  FieldRow *row = user_data;

  if (row->guard > 0)
    return FALSE;
  g_value_set_int (to, (int) lround (g_value_get_double (from)));
  return TRUE;
}

/* Likelihood and consequence: position 0 is "Not assessed", then level n. */
static gboolean
level_to_position (GBinding     *binding,
                   const GValue *from,
                   GValue       *to,
                   gpointer      user_data)
{
  FieldRow *row = user_data;
  int level = g_value_get_int (from);
  guint n = g_list_model_get_n_items (G_LIST_MODEL (row->levels));

  g_value_set_uint (to, level >= 0 && (guint) level < n ? (guint) level : GTK_INVALID_LIST_POSITION);
  return TRUE;
}

static gboolean
position_to_level (GBinding     *binding,
                   const GValue *from,
                   GValue       *to,
                   gpointer      user_data)
{
  FieldRow *row = user_data;
  guint position = g_value_get_uint (from);

  if (row->guard > 0 || position == GTK_INVALID_LIST_POSITION)
    return FALSE;
  g_value_set_int (to, (int) position);
  return TRUE;
}

static gboolean
enum_to_position (GBinding     *binding,
                  const GValue *from,
                  GValue       *to,
                  gpointer      user_data)
{
  g_autoptr(GEnumClass) enum_class = g_type_class_ref (G_VALUE_TYPE (from));
  int value = g_value_get_enum (from);

  for (guint i = 0; i < enum_class->n_values; i++)
    if (enum_class->values[i].value == value)
      {
        g_value_set_uint (to, i);
        return TRUE;
      }
  g_value_set_uint (to, GTK_INVALID_LIST_POSITION);
  return TRUE;
}

static gboolean
position_to_enum (GBinding     *binding,
                  const GValue *from,
                  GValue       *to,
                  gpointer      user_data)
{
  FieldRow *row = user_data;
  g_autoptr(GEnumClass) enum_class = g_type_class_ref (G_VALUE_TYPE (to));
  guint position = g_value_get_uint (from);

  if (row->guard > 0 || position >= enum_class->n_values)
    return FALSE;
  g_value_set_enum (to, enum_class->values[position].value);
  return TRUE;
}

/* Empty is NaN ("not set"); a decimal comma is read as a point. */
static gboolean
parse_number (const char *text,
              double     *number)
{
  g_autofree char *copy = g_strstrip (g_strdup (text != NULL ? text : ""));
  char *end = NULL;
  double d;

  if (*copy == '\0')
    {
      *number = NAN;
      return TRUE;
    }
  g_strdelimit (copy, ",", '.');
  d = g_ascii_strtod (copy, &end);
  if (end == copy || *end != '\0' || !isfinite (d))
    return FALSE;
  *number = d;
  return TRUE;
}

static gboolean
date_to_label (GBinding     *binding,
               const GValue *from,
               GValue       *to,
               gpointer      user_data)
{
  const char *iso = g_value_get_string (from);
  char *date = custos_format_date (iso);

  if (date == NULL && iso != NULL && *iso != '\0')
    date = g_strdup (iso); /* not a date the calendar knows: show it as it is */
  g_value_take_string (to, date != NULL ? date : g_strdup (_("Not set")));
  return TRUE;
}

static gboolean
flags_to_label (GBinding     *binding,
                const GValue *from,
                GValue       *to,
                gpointer      user_data)
{
  guint flags = g_value_get_flags (from);

  g_value_take_string (to, flags != 0 ? custos_flags_label (G_VALUE_TYPE (from), flags)
                                      : g_strdup (_("None")));
  return TRUE;
}

static gboolean
flags_to_active (GBinding     *binding,
                 const GValue *from,
                 GValue       *to,
                 gpointer      user_data)
{
  guint bit = GPOINTER_TO_UINT (user_data);

  g_value_set_boolean (to, (g_value_get_flags (from) & bit) == bit);
  return TRUE;
}

static gboolean
active_to_flags (GBinding     *binding,
                 const GValue *from,
                 GValue       *to,
                 gpointer      user_data)
{
  guint bit = GPOINTER_TO_UINT (user_data);
  CustosRecord *record = bound_record (binding);
  guint flags = 0;

  /* The binding is on the field's property, so the name is the field's. */
  g_object_get (record, g_binding_get_source_property (binding), &flags, NULL);

  g_value_set_flags (to, g_value_get_boolean (from) ? flags | bit : flags & ~bit);
  return TRUE;
}

static gboolean
ref_to_position (GBinding     *binding,
                 const GValue *from,
                 GValue       *to,
                 gpointer      user_data)
{
  FieldRow *row = user_data;
  CustosDocument *document = row->editor->document;
  const char *id = g_value_get_string (from);
  const CustosKind *target = custos_kinds_lookup (row->field->target);
  CustosRecord *record;
  int position;

  if (id == NULL || *id == '\0')
    {
      g_value_set_uint (to, 0);
      return TRUE;
    }
  record = custos_document_lookup (document, custos_kinds_register_index (target), id);
  position = record != NULL ? custos_document_find (document, custos_kinds_register_index (target), record) : -1;
  /* A dangling reference selects nothing rather than pretending to be "None". */
  g_value_set_uint (to, position >= 0 ? (guint) position + 1 : GTK_INVALID_LIST_POSITION);
  return TRUE;
}

static gboolean
position_to_ref (GBinding     *binding,
                 const GValue *from,
                 GValue       *to,
                 gpointer      user_data)
{
  FieldRow *row = user_data;
  guint position = g_value_get_uint (from);
  g_autoptr(GObject) item = NULL;

  if (row->guard > 0 || position == GTK_INVALID_LIST_POSITION)
    return FALSE;
  item = g_list_model_get_item (row->choices, position);
  g_value_set_string (to, CUSTOS_IS_RECORD (item) ? custos_record_get_id (CUSTOS_RECORD (item)) : NULL);
  return TRUE;
}

static gboolean
refs_to_summary (GBinding     *binding,
                 const GValue *from,
                 GValue       *to,
                 gpointer      user_data)
{
  FieldRow *row = user_data;
  const char * const *ids = g_value_get_boxed (from);
  CustosDocument *document = row->editor->document;
  g_autoptr(GString) summary = g_string_new (NULL);
  guint n = ids != NULL ? g_strv_length ((char **) ids) : 0;

  if (n == 0)
    {
      g_value_set_string (to, _("None"));
      return TRUE;
    }
  /* A long list shows its first items and how many more there are. */
  for (guint i = 0; i < MIN (n, MAX_SUMMARY_LINES); i++)
    {
      g_autofree char *label = NULL;

      if (row->field->type == CUSTOS_FIELD_CONTROLS)
        {
          const char *title = document != NULL ? custos_document_get_control_title (document, ids[i]) : NULL;
          g_autofree char *cited = custos_control_cite (ids[i]);
          label = title != NULL ? g_strdup_printf ("%s %s", cited, title) : g_steal_pointer (&cited);
        }
      else
        label = custos_format_reference (document, row->field, ids[i]);
      if (i > 0)
        g_string_append (summary, "\n");
      g_string_append (summary, label);
    }
  if (n > MAX_SUMMARY_LINES)
    {
      guint more = n - MAX_SUMMARY_LINES;

      g_string_append (summary, "\n");
      /* Translators: after the first items of a long list of references */
      g_string_append_printf (summary, ngettext ("and %u more", "and %u more", more), more);
    }
  g_value_set_string (to, summary->str);
  return TRUE;
}

/* Rows ------------------------------------------------------------------ */

static void
update_validity (FieldRow *row)
{
  CustosRecord *record = row->editor->record;
  gboolean error = row->invalid;

  if (record != NULL && (row->field->flags & CUSTOS_FIELD_FLAG_REQUIRED) != 0 &&
      custos_record_field_is_empty (record, row->index))
    error = TRUE;
  if (error)
    gtk_widget_add_css_class (row->row, "error");
  else
    gtk_widget_remove_css_class (row->row, "error");
}

static char *
row_title (const CustosField *field)
{
  if ((field->flags & CUSTOS_FIELD_FLAG_REQUIRED) != 0)
    /* Translators: the label of a field that must be filled in */
    return g_strdup_printf (_("%s *"), _(field->label));
  return g_strdup (_(field->label));
}

static void
set_row_title (GtkWidget         *row,
               const CustosField *field)
{
  g_autofree char *title = row_title (field);

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  if ((field->flags & CUSTOS_FIELD_FLAG_REQUIRED) != 0)
    gtk_widget_set_tooltip_text (row, _("Required"));
}

/* Prose: a title above a growing, wrapping text view, like a tall entry row.
 * No scroller of its own: the view is as tall as its text, and the wheel
 * over it scrolls the form. */
static GtkWidget *
text_row_new (const CustosField  *field,
              GtkWidget         **view_out)
{
  GtkWidget *row = adw_preferences_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *title = gtk_label_new (NULL);
  GtkWidget *view = gtk_text_view_new ();
  g_autofree char *text = row_title (field);

  set_row_title (row, field);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  gtk_widget_set_focusable (row, FALSE);
  gtk_widget_add_css_class (row, "custos-text-row");

  gtk_label_set_text (GTK_LABEL (title), text);
  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_label_set_wrap (GTK_LABEL (title), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (title), PANGO_WRAP_WORD_CHAR);
  gtk_widget_add_css_class (title, "custos-text-row-title");
  gtk_widget_add_css_class (title, "dim-label");

  gtk_text_view_set_wrap_mode (GTK_TEXT_VIEW (view), GTK_WRAP_WORD_CHAR);
  /* Tab moves on to the next field, as in every other row. */
  gtk_text_view_set_accepts_tab (GTK_TEXT_VIEW (view), FALSE);
  gtk_text_buffer_set_enable_undo (gtk_text_view_get_buffer (GTK_TEXT_VIEW (view)), FALSE);
  gtk_widget_add_css_class (view, "custos-text-field");
  gtk_accessible_update_relation (GTK_ACCESSIBLE (view),
                                  GTK_ACCESSIBLE_RELATION_LABELLED_BY, title, NULL,
                                  -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (view),
                                  GTK_ACCESSIBLE_PROPERTY_MULTI_LINE, TRUE,
                                  -1);

  /* At least about four lines, to invite a paragraph. */
  gtk_widget_set_size_request (view, -1, 84);

  gtk_box_append (GTK_BOX (box), title);
  gtk_box_append (GTK_BOX (box), view);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);

  /* A click anywhere on the row starts typing. */
  {
    GtkGesture *click = gtk_gesture_click_new ();
    g_signal_connect_swapped (click, "released", G_CALLBACK (gtk_widget_grab_focus), view);
    gtk_widget_add_controller (title, GTK_EVENT_CONTROLLER (click));
  }

  *view_out = view;
  return row;
}

static GtkWidget *
suffix_row_new (const CustosField *field,
                GtkWidget         *suffix)
{
  GtkWidget *row = adw_action_row_new ();

  set_row_title (row, field);
  gtk_widget_set_valign (suffix, GTK_ALIGN_CENTER);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), suffix);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), suffix);
  return row;
}

/* INT fields whose range starts above 0 show "not set" (0) as an empty box. */
static gboolean
on_spin_output (GtkSpinButton *spin,
                gpointer       user_data)
{
  if (gtk_spin_button_get_value_as_int (spin) != 0)
    return FALSE;
  gtk_editable_set_text (GTK_EDITABLE (spin), "");
  return TRUE;
}

static int
on_spin_input (GtkSpinButton *spin,
               double        *new_value,
               gpointer       user_data)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (spin));

  if (text[0] != '\0')
    return FALSE;
  *new_value = 0;
  return TRUE;
}

static void
fill_levels (FieldRow *row)
{
  CustosDocument *document = row->editor->document;
  CustosScale scale = row->field->min == CUSTOS_RANGE_LIKELIHOOD ? CUSTOS_SCALE_LIKELIHOOD
                                                                 : CUSTOS_SCALE_CONSEQUENCE;
  guint n = document != NULL ? custos_criteria_get_n_levels (custos_document_get_criteria (document), scale) : 0;
  g_autoptr(GPtrArray) labels = g_ptr_array_new_with_free_func (g_free);
  guint old = g_list_model_get_n_items (G_LIST_MODEL (row->levels));
  gboolean same = old == n + 1;

  g_ptr_array_add (labels, g_strdup (_("Not assessed")));
  for (guint level = 1; level <= n; level++)
    g_ptr_array_add (labels, custos_format_level (document, row->field, (int) level));
  for (guint i = 0; same && i < labels->len; i++)
    same = g_strcmp0 (gtk_string_list_get_string (row->levels, i), g_ptr_array_index (labels, i)) == 0;
  if (same)
    return;

  g_ptr_array_add (labels, NULL);
  row->guard++;
  gtk_string_list_splice (row->levels, 0, old, (const char * const *) labels->pdata);
  if (row->widget != NULL && row->editor->record != NULL)
    adw_combo_row_set_selected (ADW_COMBO_ROW (row->widget),
                                (guint) custos_record_get_int_at (row->editor->record, row->index) <= n
                                ? (guint) custos_record_get_int_at (row->editor->record, row->index)
                                : GTK_INVALID_LIST_POSITION);
  row->guard--;
}

static char *
ref_item_label (GObject  *item,
                gpointer  user_data)
{
  if (CUSTOS_IS_RECORD (item))
    return custos_format_record_label (NULL, CUSTOS_RECORD (item));
  if (GTK_IS_STRING_OBJECT (item))
    return g_strdup (gtk_string_object_get_string (GTK_STRING_OBJECT (item)));
  return g_strdup ("");
}

/* The choices of a reference change under the combo row: the selection model
 * moves or drops its selection, which is no edit. Guard, then put back what
 * the record says. */
static void
on_choices_changing (GListModel *model,
                     guint       position,
                     guint       removed,
                     guint       added,
                     FieldRow   *row)
{
  row->guard++;
}

static void
on_choices_changed (GListModel *model,
                    guint       position,
                    guint       removed,
                    guint       added,
                    FieldRow   *row)
{
  CustosRecord *record = row->editor->record;

  if (record != NULL && row->bindings->len > 0)
    {
      g_auto(GValue) from = G_VALUE_INIT;
      g_auto(GValue) to = G_VALUE_INIT;

      g_value_init (&from, G_TYPE_STRING);
      g_value_set_string (&from, custos_record_get_string_at (record, row->index));
      g_value_init (&to, G_TYPE_UINT);
      ref_to_position (NULL, &from, &to, row);
      adw_combo_row_set_selected (ADW_COMBO_ROW (row->widget), g_value_get_uint (&to));
    }
  row->guard--;
}

static GListModel *
ref_choices (CustosRecordEditor *self,
             const CustosField  *field)
{
  const CustosKind *target = custos_kinds_lookup (field->target);
  g_autoptr(GListStore) parts = g_list_store_new (G_TYPE_LIST_MODEL);
  const char * const none[] = { _("None"), NULL };
  g_autoptr(GtkStringList) none_list = gtk_string_list_new (none);

  g_list_store_append (parts, none_list);
  if (self->document != NULL && target != NULL && custos_kinds_register_index (target) >= 0)
    g_list_store_append (parts, custos_document_get_register (self->document, custos_kinds_register_index (target)));
  return G_LIST_MODEL (gtk_flatten_list_model_new (G_LIST_MODEL (g_steal_pointer (&parts))));
}

static void
date_set (FieldRow   *row,
          const char *iso)
{
  if (row->editor->record != NULL)
    custos_record_set_string_at (row->editor->record, row->index, iso);
}

static void
date_apply_calendar (FieldRow *row)
{
  g_autoptr(GDateTime) date = NULL;
  g_autofree char *iso = NULL;

  if (row->guard > 0)
    return;
  date = gtk_calendar_get_date (GTK_CALENDAR (row->widget));
  iso = g_date_time_format (date, "%Y-%m-%d");
  date_set (row, iso);
  gtk_popover_popdown (GTK_POPOVER (row->popover));
}

static void
on_day_selected (GtkCalendar *calendar,
                 FieldRow    *row)
{
  date_apply_calendar (row);
}

/* A click on the day already selected selects nothing new: take it anyway. */
static void
on_calendar_released (GtkGestureClick *gesture,
                      int              n_press,
                      double           x,
                      double           y,
                      FieldRow        *row)
{
  GtkWidget *calendar = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (gesture));
  GtkWidget *picked = gtk_widget_pick (calendar, x, y, GTK_PICK_DEFAULT);

  if (picked != NULL && gtk_widget_has_css_class (picked, "day-number"))
    date_apply_calendar (row);
}

static void
on_date_popover_show (GtkPopover *popover,
                      FieldRow   *row)
{
  const char *iso = row->editor->record != NULL
                    ? custos_record_get_string_at (row->editor->record, row->index) : NULL;
  g_autoptr(GDateTime) date = NULL;
  GDate day;

  if (custos_date_parse (iso, &day))
    date = g_date_time_new_local (g_date_get_year (&day), g_date_get_month (&day), g_date_get_day (&day), 0, 0, 0);
  if (date == NULL)
    {
      const GDate *today = custos_clock_get_today (row->editor->clock);

      date = g_date_time_new_local (g_date_get_year (today), g_date_get_month (today), g_date_get_day (today),
                                    0, 0, 0);
    }
  row->guard++;
  gtk_calendar_select_day (GTK_CALENDAR (row->widget), date);
  row->guard--;
}

static void
on_date_clear (GtkButton *button,
               FieldRow  *row)
{
  date_set (row, NULL);
  gtk_popover_popdown (GTK_POPOVER (row->popover));
}

static void
on_date_today (GtkButton *button,
               FieldRow  *row)
{
  char iso[CUSTOS_DATE_ISO_SIZE];

  custos_clock_get_today_iso (row->editor->clock, iso);
  date_set (row, iso);
  gtk_popover_popdown (GTK_POPOVER (row->popover));
}

static GtkWidget *
date_row_new (FieldRow *row)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *buttons = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *clear = gtk_button_new_with_mnemonic (_("_Clear"));
  GtkWidget *today = gtk_button_new_with_mnemonic (_("_Today"));
  GtkGesture *click = gtk_gesture_click_new ();

  row->widget = gtk_calendar_new ();
  row->popover = gtk_popover_new ();
  row->button = gtk_menu_button_new ();

  g_signal_connect (row->widget, "day-selected", G_CALLBACK (on_day_selected), row);
  g_signal_connect (click, "released", G_CALLBACK (on_calendar_released), row);
  gtk_widget_add_controller (row->widget, GTK_EVENT_CONTROLLER (click));
  g_signal_connect (clear, "clicked", G_CALLBACK (on_date_clear), row);
  g_signal_connect (today, "clicked", G_CALLBACK (on_date_today), row);

  gtk_box_set_homogeneous (GTK_BOX (buttons), TRUE);
  gtk_box_append (GTK_BOX (buttons), clear);
  gtk_box_append (GTK_BOX (buttons), today);
  gtk_box_append (GTK_BOX (box), row->widget);
  gtk_box_append (GTK_BOX (box), buttons);
  gtk_popover_set_child (GTK_POPOVER (row->popover), box);
  g_signal_connect (row->popover, "show", G_CALLBACK (on_date_popover_show), row);

  gtk_menu_button_set_popover (GTK_MENU_BUTTON (row->button), row->popover);
  gtk_menu_button_set_always_show_arrow (GTK_MENU_BUTTON (row->button), TRUE);
  gtk_widget_add_css_class (row->button, "flat");
  gtk_widget_add_css_class (row->button, "custos-date-button");
  gtk_widget_set_tooltip_text (row->button, _("Choose a date"));
  return suffix_row_new (row->field, row->button);
}

/* A control chosen to treat a risk goes into the SoA (win.apply-control). */
static void
on_control_chosen (CustosRefChooser *chooser,
                   const char       *id,
                   FieldRow         *row)
{
  if (CUSTOS_IS_RISK (row->editor->record) && row->index == CUSTOS_RISK_FIELD_CONTROLS)
    gtk_widget_activate_action (GTK_WIDGET (chooser), "win.apply-control", "s", id);
}

static GtkWidget *
refs_row_new (CustosRecordEditor *self,
              FieldRow           *row)
{
  GtkWidget *action_row;

  row->widget = custos_ref_chooser_new ();
  if (row->field->type == CUSTOS_FIELD_CONTROLS)
    {
      custos_ref_chooser_set_catalogue (CUSTOS_REF_CHOOSER (row->widget),
                                        self->document != NULL ? custos_document_get_catalogue (self->document) : NULL);
      g_signal_connect (row->widget, "chosen", G_CALLBACK (on_control_chosen), row);
    }
  else
    {
      const CustosKind *target = custos_kinds_lookup (row->field->target);
      int reg = target != NULL ? custos_kinds_register_index (target) : -1;

      custos_ref_chooser_set_records (CUSTOS_REF_CHOOSER (row->widget), self->document,
                                      self->document != NULL && reg >= 0
                                      ? custos_document_get_register (self->document, reg) : NULL);
    }

  /* A plain arrow, as on the combo rows: it opens a list to choose from. */
  row->button = gtk_menu_button_new ();
  gtk_menu_button_set_popover (GTK_MENU_BUTTON (row->button), row->widget);
  gtk_widget_add_css_class (row->button, "flat");
  gtk_widget_set_tooltip_text (row->button, _("Choose"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (row->button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _(row->field->label),
                                  -1);
  action_row = suffix_row_new (row->field, row->button);
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (action_row), 0);
  gtk_widget_add_css_class (action_row, "custos-refs-row");
  return action_row;
}

/* NUMBER fields are synchronised by hand: NaN ("not set") fails GParamSpecDouble
 * validation in g_object_set_property(), so a GBinding cannot carry it. */
static void
sync_number_text (FieldRow *row)
{
  CustosRecord *record = row->editor->record;
  double shown, value;
  char buffer[G_ASCII_DTOSTR_BUF_SIZE];

  if (record == NULL)
    return;
  value = custos_record_get_number_at (record, row->index);
  /* Leave "12." or "12,50" alone while they mean what the record holds. */
  if (parse_number (gtk_editable_get_text (GTK_EDITABLE (row->widget)), &shown) &&
      ((isnan (shown) && isnan (value)) || shown == value))
    return;
  row->guard++;
  gtk_editable_set_text (GTK_EDITABLE (row->widget),
                         isnan (value) ? "" : g_ascii_formatd (buffer, sizeof buffer, "%.15g", value));
  row->guard--;
  row->invalid = FALSE;
}

static void
write_number (FieldRow *row,
              double    d)
{
  row->guard++;
  custos_record_set_number_at (row->editor->record, row->index, d);
  row->guard--;
}

static gboolean
clear_number (gpointer data)
{
  FieldRow *row = data;
  double d;

  row->clear_idle = 0;
  if (row->editor->record != NULL &&
      parse_number (gtk_editable_get_text (GTK_EDITABLE (row->widget)), &d) && isnan (d))
    write_number (row, NAN);
  return G_SOURCE_REMOVE;
}

static void
on_number_changed (GtkEditable *editable,
                   FieldRow    *row)
{
  double d;

  if (row->guard > 0 || row->editor->record == NULL || row->notify_id == 0)
    return;
  row->invalid = !parse_number (gtk_editable_get_text (editable), &d);
  g_clear_handle_id (&row->clear_idle, g_source_remove);
  /* Replacing the text passes through "" first: "not set" is written only
   * if the field stays empty. */
  if (!row->invalid && isnan (d))
    row->clear_idle = g_idle_add (clear_number, row);
  else if (!row->invalid)
    write_number (row, d);
  update_validity (row);
}

static FieldRow *
field_row_new (CustosRecordEditor *self,
               guint               index)
{
  FieldRow *row = g_new0 (FieldRow, 1);
  const CustosField *field = &self->kind->fields[index];

  row->editor = self;
  row->field = field;
  row->index = index;
  row->bindings = g_ptr_array_new_with_free_func (g_object_unref);

  switch (field->type)
    {
    case CUSTOS_FIELD_STRING:
    case CUSTOS_FIELD_NUMBER:
      row->row = row->widget = adw_entry_row_new ();
      set_row_title (row->row, field);
      /* Ctrl+Z belongs to the window's history of every edit. */
      gtk_editable_set_enable_undo (GTK_EDITABLE (row->row), FALSE);
      if (field->type == CUSTOS_FIELD_NUMBER)
        {
          adw_entry_row_set_input_purpose (ADW_ENTRY_ROW (row->row), GTK_INPUT_PURPOSE_NUMBER);
          g_signal_connect (row->row, "changed", G_CALLBACK (on_number_changed), row);
        }
      break;

    case CUSTOS_FIELD_TEXT:
    case CUSTOS_FIELD_STRINGS:
      row->row = text_row_new (field, &row->widget);
      break;

    case CUSTOS_FIELD_INT:
      if (is_level (field))
        {
          g_autoptr(GtkExpression) expression =
            gtk_property_expression_new (GTK_TYPE_STRING_OBJECT, NULL, "string");

          row->levels = gtk_string_list_new (NULL);
          fill_levels (row);
          row->row = row->widget = adw_combo_row_new ();
          set_row_title (row->row, field);
          adw_combo_row_set_expression (ADW_COMBO_ROW (row->row), expression);
          adw_combo_row_set_model (ADW_COMBO_ROW (row->row), G_LIST_MODEL (row->levels));
        }
      else
        {
          int lo = MIN (field->min, 0);
          int hi = field->max;

          row->widget = gtk_spin_button_new_with_range (lo, hi, 1);
          gtk_spin_button_set_numeric (GTK_SPIN_BUTTON (row->widget), field->min <= 0);
          gtk_editable_set_width_chars (GTK_EDITABLE (row->widget), hi >= 10000 ? 8 : 4);
          if (field->min > 0)
            {
              g_signal_connect (row->widget, "output", G_CALLBACK (on_spin_output), NULL);
              g_signal_connect (row->widget, "input", G_CALLBACK (on_spin_input), NULL);
            }
          row->row = suffix_row_new (field, row->widget);
        }
      break;

    case CUSTOS_FIELD_BOOL:
      row->widget = gtk_switch_new ();
      row->row = suffix_row_new (field, row->widget);
      break;

    case CUSTOS_FIELD_DATE:
      row->row = date_row_new (row);
      break;

    case CUSTOS_FIELD_ENUM:
      {
        g_autoptr(GEnumClass) enum_class = g_type_class_ref (field->get_type ());
        g_autoptr(GtkStringList) labels = gtk_string_list_new (NULL);
        g_autoptr(GtkExpression) expression =
          gtk_property_expression_new (GTK_TYPE_STRING_OBJECT, NULL, "string");

        for (guint i = 0; i < enum_class->n_values; i++)
          gtk_string_list_append (labels, custos_enum_value_label (field->get_type (), enum_class->values[i].value));
        row->row = row->widget = adw_combo_row_new ();
        set_row_title (row->row, field);
        adw_combo_row_set_expression (ADW_COMBO_ROW (row->row), expression);
        adw_combo_row_set_model (ADW_COMBO_ROW (row->row), G_LIST_MODEL (labels));
      }
      break;

    case CUSTOS_FIELD_FLAGS:
      {
        g_autoptr(GFlagsClass) flags_class = g_type_class_ref (field->get_type ());

        row->row = row->widget = adw_expander_row_new ();
        set_row_title (row->row, field);
        for (guint i = 0; i < flags_class->n_values; i++)
          {
            GtkWidget *flag_row, *check;

            if (flags_class->values[i].value == 0)
              continue;
            check = gtk_check_button_new ();
            gtk_widget_set_valign (check, GTK_ALIGN_CENTER);
            g_object_set_data (G_OBJECT (check), "flag", GUINT_TO_POINTER (flags_class->values[i].value));
            flag_row = adw_action_row_new ();
            adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (flag_row), FALSE);
            adw_preferences_row_set_title (ADW_PREFERENCES_ROW (flag_row),
                                           custos_enum_value_label (field->get_type (),
                                                                    (int) flags_class->values[i].value));
            adw_action_row_add_prefix (ADW_ACTION_ROW (flag_row), check);
            adw_action_row_set_activatable_widget (ADW_ACTION_ROW (flag_row), check);
            adw_expander_row_add_row (ADW_EXPANDER_ROW (row->row), flag_row);
          }
      }
      break;

    case CUSTOS_FIELD_REF:
      {
        g_autoptr(GtkExpression) expression =
          gtk_cclosure_expression_new (G_TYPE_STRING, NULL, 0, NULL, G_CALLBACK (ref_item_label), NULL, NULL);

        row->choices = ref_choices (self, field);
        /* Before the combo row's own handlers, and after them. */
        g_signal_connect (row->choices, "items-changed", G_CALLBACK (on_choices_changing), row);
        g_signal_connect_after (row->choices, "items-changed", G_CALLBACK (on_choices_changed), row);
        row->row = row->widget = adw_combo_row_new ();
        set_row_title (row->row, field);
        /* "ROLE-005 · Practice manager" reads whole under the title, not cut at the right. */
        adw_combo_row_set_use_subtitle (ADW_COMBO_ROW (row->row), TRUE);
        adw_combo_row_set_expression (ADW_COMBO_ROW (row->row), expression);
        adw_combo_row_set_model (ADW_COMBO_ROW (row->row), row->choices);
      }
      break;

    case CUSTOS_FIELD_REFS:
    case CUSTOS_FIELD_CONTROLS:
      row->row = refs_row_new (self, row);
      break;

    default:
      g_assert_not_reached ();
    }

  gtk_widget_add_css_class (row->row, "custos-field");
  return row;
}

static void
add_binding (FieldRow *row,
             GBinding *binding)
{
  g_ptr_array_add (row->bindings, g_object_ref (binding));
}

static void
bind_flags (FieldRow     *row,
            CustosRecord *record)
{
  const char *name = row->field->name;
  GtkWidget *expander = row->row;

  add_binding (row, g_object_bind_property_full (record, name, expander, "subtitle", G_BINDING_SYNC_CREATE,
                                                 flags_to_label, NULL, NULL, NULL));
  /* The check buttons live in the expander's rows: find them by their data. */
  for (GtkWidget *child = gtk_widget_get_first_child (expander); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      g_autoptr(GPtrArray) stack = g_ptr_array_new ();

      g_ptr_array_add (stack, child);
      while (stack->len > 0)
        {
          GtkWidget *w = g_ptr_array_steal_index (stack, stack->len - 1);

          if (GTK_IS_CHECK_BUTTON (w) && g_object_get_data (G_OBJECT (w), "flag") != NULL)
            {
              gpointer bit = g_object_get_data (G_OBJECT (w), "flag");
              add_binding (row, g_object_bind_property_full (record, name, w, "active",
                                                             G_BINDING_SYNC_CREATE | G_BINDING_BIDIRECTIONAL,
                                                             flags_to_active, active_to_flags, bit, NULL));
              continue;
            }
          for (GtkWidget *c = gtk_widget_get_first_child (w); c != NULL; c = gtk_widget_get_next_sibling (c))
            g_ptr_array_add (stack, c);
        }
    }
}

static void
on_field_notify (CustosRecord *record,
                 GParamSpec   *pspec,
                 FieldRow     *row)
{
  if (row->field->type == CUSTOS_FIELD_NUMBER && row->guard == 0)
    sync_number_text (row);
  update_validity (row);
}

static void
field_row_bind (FieldRow     *row,
                CustosRecord *record)
{
  const GBindingFlags both = G_BINDING_SYNC_CREATE | G_BINDING_BIDIRECTIONAL;
  const char *name = row->field->name;
  g_autofree char *detailed = g_strconcat ("notify::", name, NULL);

  row->invalid = FALSE;
  switch (row->field->type)
    {
    case CUSTOS_FIELD_STRING:
    case CUSTOS_FIELD_TEXT:
      add_binding (row, g_object_bind_property_full (record, name,
                                                     row->field->type == CUSTOS_FIELD_TEXT
                                                     ? G_OBJECT (gtk_text_view_get_buffer (GTK_TEXT_VIEW (row->widget)))
                                                     : G_OBJECT (row->widget),
                                                     "text", both, string_to_text, text_to_string, NULL, NULL));
      break;

    case CUSTOS_FIELD_STRINGS:
      add_binding (row, g_object_bind_property_full (record, name,
                                                     gtk_text_view_get_buffer (GTK_TEXT_VIEW (row->widget)),
                                                     "text", both, strv_to_lines, lines_to_strv, NULL, NULL));
      break;

    case CUSTOS_FIELD_INT:
      if (is_level (row->field))
        add_binding (row, g_object_bind_property_full (record, name, row->widget, "selected", both,
                                                       level_to_position, position_to_level, row, NULL));
      else
        add_binding (row, g_object_bind_property_full (record, name, row->widget, "value", both,
                                                       int_to_double, double_to_int, row, NULL));
      break;

    case CUSTOS_FIELD_NUMBER:
      sync_number_text (row);
      break;

    case CUSTOS_FIELD_BOOL:
      add_binding (row, g_object_bind_property (record, name, row->widget, "active", both));
      break;

    case CUSTOS_FIELD_DATE:
      add_binding (row, g_object_bind_property_full (record, name, row->button, "label", G_BINDING_SYNC_CREATE,
                                                     date_to_label, NULL, row, NULL));
      break;

    case CUSTOS_FIELD_ENUM:
      add_binding (row, g_object_bind_property_full (record, name, row->widget, "selected", both,
                                                     enum_to_position, position_to_enum, row, NULL));
      break;

    case CUSTOS_FIELD_FLAGS:
      bind_flags (row, record);
      break;

    case CUSTOS_FIELD_REF:
      add_binding (row, g_object_bind_property_full (record, name, row->widget, "selected", both,
                                                     ref_to_position, position_to_ref, row, NULL));
      break;

    case CUSTOS_FIELD_REFS:
    case CUSTOS_FIELD_CONTROLS:
      add_binding (row, g_object_bind_property (record, name, row->widget, "selected", both));
      add_binding (row, g_object_bind_property_full (record, name, row->row, "subtitle", G_BINDING_SYNC_CREATE,
                                                     refs_to_summary, NULL, row, NULL));
      break;

    default:
      g_assert_not_reached ();
    }

  row->notify_id = g_signal_connect (record, detailed, G_CALLBACK (on_field_notify), row);
  update_validity (row);
}

static void
field_row_unbind (FieldRow     *row,
                  CustosRecord *record)
{
  if (row->clear_idle != 0)
    {
      g_clear_handle_id (&row->clear_idle, g_source_remove);
      clear_number (row);
    }
  for (guint i = 0; i < row->bindings->len; i++)
    g_binding_unbind (g_ptr_array_index (row->bindings, i));
  g_ptr_array_set_size (row->bindings, 0);
  if (record != NULL)
    g_clear_signal_handler (&row->notify_id, record);
  row->notify_id = 0;
  if (row->popover != NULL)
    gtk_popover_popdown (GTK_POPOVER (row->popover));
  if (CUSTOS_IS_REF_CHOOSER (row->widget))
    {
      gtk_popover_popdown (GTK_POPOVER (row->widget));
      custos_ref_chooser_set_search_text (CUSTOS_REF_CHOOSER (row->widget), "");
    }
}

static void
field_row_free (FieldRow *row)
{
  g_clear_handle_id (&row->clear_idle, g_source_remove);
  if (row->choices != NULL)
    {
      g_signal_handlers_disconnect_by_data (row->choices, row);
      g_clear_object (&row->choices);
    }
  if (row->widget != NULL)
    g_signal_handlers_disconnect_by_data (row->widget, row);
  if (row->popover != NULL)
    g_signal_handlers_disconnect_by_data (row->popover, row);
  g_clear_object (&row->levels);
  g_ptr_array_unref (row->bindings);
  g_free (row);
}

/* The form ---------------------------------------------------------------- */

/* Drafted or imported records say so until someone marks them reviewed;
 * the button names the record for win.mark-reviewed (kind, id). */
static void
update_review (CustosRecordEditor *self)
{
  const char *id = custos_record_get_id (self->record);

  gtk_widget_set_visible (self->review_box, custos_record_get_to_review (self->record));
  gtk_actionable_set_action_target (GTK_ACTIONABLE (self->review_button), "(ss)", self->kind->name, id ? id : "");
}

static void
update_header (CustosRecordEditor *self)
{
  CustosRecord *record = self->record;
  const char *id;
  const char *description;
  g_autofree char *title = NULL;
  g_autofree char *escaped_title = NULL;
  g_autofree char *escaped_description = NULL;
  g_autofree char *cited = NULL;

  if (record == NULL || self->group == NULL)
    return;
  id = custos_record_get_id (record);
  if (self->title != NULL)
    title = g_strdup (self->title);
  else if (id == NULL)
    title = g_strdup (_(self->kind->label)); /* a section: named by what it is */
  else
    title = custos_format_record_title (self->document, record);
  if (title == NULL)
    title = g_strdup (_(self->kind->label)); /* not named yet: say what it is */
  if (CUSTOS_IS_SOA_ENTRY (record))
    cited = custos_control_cite (id);
  description = self->description != NULL ? self->description : cited != NULL ? cited : id;

  /* The group's title and description are markup. */
  escaped_title = g_markup_escape_text (title, -1);
  escaped_description = description != NULL ? g_markup_escape_text (description, -1) : NULL;
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (self->group), escaped_title);
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (self->group), escaped_description);
  update_review (self);
}

static void
on_record_notify (CustosRecord       *record,
                  GParamSpec         *pspec,
                  CustosRecordEditor *self)
{
  guint index;
  const CustosField *field = custos_kind_find_field (self->kind, pspec->name, &index);

  if (g_str_equal (pspec->name, "id") || g_str_equal (pspec->name, "to-review") ||
      (field != NULL && (field->flags & CUSTOS_FIELD_FLAG_TITLE) != 0))
    update_header (self);
}

static void
unbind_all (CustosRecordEditor *self)
{
  if (self->record == NULL)
    return;
  for (guint i = 0; self->rows != NULL && i < self->rows->len; i++)
    field_row_unbind (g_ptr_array_index (self->rows, i), self->record);
  g_clear_signal_handler (&self->record_notify_id, self->record);
}

static void
bind_all (CustosRecordEditor *self)
{
  for (guint i = 0; i < self->rows->len; i++)
    field_row_bind (g_ptr_array_index (self->rows, i), self->record);
  self->record_notify_id = g_signal_connect (self->record, "notify", G_CALLBACK (on_record_notify), self);
  update_header (self);
}

static void
clear_rows (CustosRecordEditor *self)
{
  g_clear_pointer (&self->rows, g_ptr_array_unref);
  self->group = NULL;
  self->review_box = NULL;
  self->review_button = NULL;
  self->kind = NULL;
  adw_bin_set_child (ADW_BIN (self), NULL);
}

static void
build_rows (CustosRecordEditor *self,
            const CustosKind   *kind)
{
  clear_rows (self);
  self->kind = kind;
  self->group = adw_preferences_group_new ();
  /* A row above the fields, so that the heading keeps the width. */
  self->review_box = adw_action_row_new ();
  /* Shown only for records to review: hidden before it is ever laid out. */
  gtk_widget_set_visible (self->review_box, FALSE);
  {
    GtkWidget *chip = gtk_label_new (_("To review"));

    gtk_widget_set_valign (chip, GTK_ALIGN_CENTER);
    gtk_widget_add_css_class (chip, "custos-to-review");
    gtk_widget_set_tooltip_text (chip, _("Drafted or imported: check it, then confirm it"));
    adw_action_row_add_prefix (ADW_ACTION_ROW (self->review_box), chip);
    self->review_button = gtk_button_new_with_mnemonic (_("Mark as _Reviewed"));
    gtk_widget_set_valign (self->review_button, GTK_ALIGN_CENTER);
    gtk_widget_set_tooltip_text (self->review_button, _("Confirm that a person has read and agrees with this record"));
    gtk_actionable_set_action_target (GTK_ACTIONABLE (self->review_button), "(ss)", kind->name, "");
    gtk_actionable_set_action_name (GTK_ACTIONABLE (self->review_button), "win.mark-reviewed");
    adw_action_row_add_suffix (ADW_ACTION_ROW (self->review_box), self->review_button);
  }
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (self->group), self->review_box);
  self->rows = g_ptr_array_new_with_free_func ((GDestroyNotify) field_row_free);
  for (guint i = 0; i < kind->n_fields; i++)
    {
      FieldRow *row = field_row_new (self, i);

      g_ptr_array_add (self->rows, row);
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (self->group), row->row);
    }
  adw_bin_set_child (ADW_BIN (self), self->group);
}

static void
on_document_changed (CustosDocument     *document,
                     CustosRecord       *record,
                     CustosRecordEditor *self)
{
  /* Only changes of the document as a whole: the criteria may have new labels. */
  if (record != NULL || self->rows == NULL)
    return;
  for (guint i = 0; i < self->rows->len; i++)
    {
      FieldRow *row = g_ptr_array_index (self->rows, i);

      if (row->levels != NULL)
        fill_levels (row);
    }
}

static void
on_edition_notify (CustosDocument     *document,
                   GParamSpec         *pspec,
                   CustosRecordEditor *self)
{
  for (guint i = 0; self->rows != NULL && i < self->rows->len; i++)
    {
      FieldRow *row = g_ptr_array_index (self->rows, i);

      if (row->field->type == CUSTOS_FIELD_CONTROLS)
        custos_ref_chooser_set_catalogue (CUSTOS_REF_CHOOSER (row->widget), custos_document_get_catalogue (document));
    }
}

/* Public API ------------------------------------------------------------- */

GtkWidget *
custos_record_editor_new (void)
{
  return g_object_new (CUSTOS_TYPE_RECORD_EDITOR, NULL);
}

CustosDocument *
custos_record_editor_get_document (CustosRecordEditor *self)
{
  g_return_val_if_fail (CUSTOS_IS_RECORD_EDITOR (self), NULL);
  return self->document;
}

void
custos_record_editor_set_document (CustosRecordEditor *self,
                                   CustosDocument     *document)
{
  g_return_if_fail (CUSTOS_IS_RECORD_EDITOR (self));
  g_return_if_fail (document == NULL || CUSTOS_IS_DOCUMENT (document));

  if (self->document == document)
    return;

  /* The rows' choices come from the document: build them again. */
  unbind_all (self);
  clear_rows (self);
  if (self->document != NULL)
    {
      g_clear_signal_handler (&self->document_changed_id, self->document);
      g_clear_signal_handler (&self->edition_notify_id, self->document);
    }
  g_set_object (&self->document, document);
  if (document != NULL)
    {
      self->document_changed_id =
        g_signal_connect (document, "changed", G_CALLBACK (on_document_changed), self);
      self->edition_notify_id =
        g_signal_connect (document, "notify::edition", G_CALLBACK (on_edition_notify), self);
    }
  if (self->record != NULL)
    {
      build_rows (self, custos_record_get_kind (self->record));
      bind_all (self);
    }
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DOCUMENT]);
}

CustosRecord *
custos_record_editor_get_record (CustosRecordEditor *self)
{
  g_return_val_if_fail (CUSTOS_IS_RECORD_EDITOR (self), NULL);
  return self->record;
}

void
custos_record_editor_set_record (CustosRecordEditor *self,
                                 CustosRecord       *record)
{
  g_return_if_fail (CUSTOS_IS_RECORD_EDITOR (self));
  g_return_if_fail (record == NULL || CUSTOS_IS_RECORD (record));

  if (self->record == record)
    return;

  unbind_all (self);
  g_set_object (&self->record, record);
  if (record != NULL)
    {
      if (self->kind != custos_record_get_kind (record))
        build_rows (self, custos_record_get_kind (record));
      bind_all (self);
    }
  if (self->group != NULL)
    gtk_widget_set_visible (self->group, record != NULL);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_RECORD]);
}

const char *
custos_record_editor_get_title (CustosRecordEditor *self)
{
  g_return_val_if_fail (CUSTOS_IS_RECORD_EDITOR (self), NULL);
  return self->title;
}

void
custos_record_editor_set_title (CustosRecordEditor *self,
                                const char         *title)
{
  g_return_if_fail (CUSTOS_IS_RECORD_EDITOR (self));

  if (g_strcmp0 (self->title, title) == 0)
    return;
  g_free (self->title);
  self->title = g_strdup (title);
  update_header (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TITLE]);
}

const char *
custos_record_editor_get_description (CustosRecordEditor *self)
{
  g_return_val_if_fail (CUSTOS_IS_RECORD_EDITOR (self), NULL);
  return self->description;
}

void
custos_record_editor_set_description (CustosRecordEditor *self,
                                      const char         *description)
{
  g_return_if_fail (CUSTOS_IS_RECORD_EDITOR (self));

  if (g_strcmp0 (self->description, description) == 0)
    return;
  g_free (self->description);
  self->description = g_strdup (description);
  update_header (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DESCRIPTION]);
}

static FieldRow *
find_row (CustosRecordEditor *self,
          const char         *field)
{
  for (guint i = 0; self->rows != NULL && i < self->rows->len; i++)
    {
      FieldRow *row = g_ptr_array_index (self->rows, i);

      if (g_str_equal (row->field->name, field))
        return row;
    }
  return NULL;
}

GtkWidget *
custos_record_editor_get_row (CustosRecordEditor *self,
                              const char         *field)
{
  FieldRow *row;

  g_return_val_if_fail (CUSTOS_IS_RECORD_EDITOR (self), NULL);
  g_return_val_if_fail (field != NULL, NULL);

  row = find_row (self, field);
  return row != NULL ? row->row : NULL;
}

GtkWidget *
custos_record_editor_get_field_widget (CustosRecordEditor *self,
                                       const char         *field)
{
  FieldRow *row;

  g_return_val_if_fail (CUSTOS_IS_RECORD_EDITOR (self), NULL);
  g_return_val_if_fail (field != NULL, NULL);

  row = find_row (self, field);
  return row != NULL ? row->widget : NULL;
}

gboolean
custos_record_editor_focus_first (CustosRecordEditor *self)
{
  g_return_val_if_fail (CUSTOS_IS_RECORD_EDITOR (self), FALSE);

  if (self->record == NULL || self->rows == NULL)
    return FALSE;
  for (guint i = 0; i < self->rows->len; i++)
    {
      FieldRow *row = g_ptr_array_index (self->rows, i);
      GtkWidget *target = row->widget;

      if (row->button != NULL)
        target = row->button;
      else if (ADW_IS_COMBO_ROW (target) || ADW_IS_EXPANDER_ROW (target))
        target = row->row;
      if (gtk_widget_grab_focus (target))
        return TRUE;
    }
  return FALSE;
}

/* GObject ------------------------------------------------------------------ */

/* Today, for what is dated on request. */
static void
set_clock (CustosRecordEditor *self,
           CustosClock        *clock)
{
  if (!custos_clock_watch (&self->clock, clock, NULL, self))
    return;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CLOCK]);
}

static void
custos_record_editor_dispose (GObject *object)
{
  CustosRecordEditor *self = CUSTOS_RECORD_EDITOR (object);

  unbind_all (self);
  clear_rows (self);
  g_clear_object (&self->record);
  if (self->document != NULL)
    {
      g_clear_signal_handler (&self->document_changed_id, self->document);
      g_clear_signal_handler (&self->edition_notify_id, self->document);
    }
  g_clear_object (&self->document);
  custos_clock_unwatch (&self->clock, self);

  G_OBJECT_CLASS (custos_record_editor_parent_class)->dispose (object);
}

static void
custos_record_editor_finalize (GObject *object)
{
  CustosRecordEditor *self = CUSTOS_RECORD_EDITOR (object);

  g_free (self->title);
  g_free (self->description);

  G_OBJECT_CLASS (custos_record_editor_parent_class)->finalize (object);
}

static void
custos_record_editor_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  CustosRecordEditor *self = CUSTOS_RECORD_EDITOR (object);

  switch (prop_id)
    {
    case PROP_DOCUMENT:
      g_value_set_object (value, self->document);
      break;
    case PROP_RECORD:
      g_value_set_object (value, self->record);
      break;
    case PROP_TITLE:
      g_value_set_string (value, self->title);
      break;
    case PROP_DESCRIPTION:
      g_value_set_string (value, self->description);
      break;
    case PROP_CLOCK:
      g_value_set_object (value, self->clock);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
custos_record_editor_set_property (GObject      *object,
                                   guint         prop_id,
                                   const GValue *value,
                                   GParamSpec   *pspec)
{
  CustosRecordEditor *self = CUSTOS_RECORD_EDITOR (object);

  switch (prop_id)
    {
    case PROP_DOCUMENT:
      custos_record_editor_set_document (self, g_value_get_object (value));
      break;
    case PROP_RECORD:
      custos_record_editor_set_record (self, g_value_get_object (value));
      break;
    case PROP_TITLE:
      custos_record_editor_set_title (self, g_value_get_string (value));
      break;
    case PROP_DESCRIPTION:
      custos_record_editor_set_description (self, g_value_get_string (value));
      break;
    case PROP_CLOCK:
      set_clock (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
custos_record_editor_class_init (CustosRecordEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = custos_record_editor_dispose;
  object_class->finalize = custos_record_editor_finalize;
  object_class->get_property = custos_record_editor_get_property;
  object_class->set_property = custos_record_editor_set_property;

  properties[PROP_DOCUMENT] =
    g_param_spec_object ("document", NULL, NULL, CUSTOS_TYPE_DOCUMENT,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_RECORD] =
    g_param_spec_object ("record", NULL, NULL, CUSTOS_TYPE_RECORD,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  /* The heading of the form: the record's title (a section's kind) unless set. */
  properties[PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  /* The line under the heading: the record's id unless set. */
  properties[PROP_DESCRIPTION] =
    g_param_spec_string ("description", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  /* Today: what the date fields' Today button enters. */
  properties[PROP_CLOCK] =
    g_param_spec_object ("clock", NULL, NULL, CUSTOS_TYPE_CLOCK,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_css_name (widget_class, "custos-record-editor");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
custos_record_editor_init (CustosRecordEditor *self)
{
  custos_clock_watch (&self->clock, NULL, NULL, self);
}
