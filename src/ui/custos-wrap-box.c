/* SPDX-License-Identifier: GPL-3.0-or-later */
/* custos-wrap-box.c — a row of widgets that wraps onto more lines when narrow
 *
 * Like a horizontal GtkBox while its children fit at their natural widths; a
 * child that does not fit starts a new line. Its minimum width is its widest
 * child's, so a header or a toolbar never makes the window wider than a phone
 * (GtkBox's minimum is the sum; GtkFlowBox aligns lines into columns). Each
 * line gives its spare width to its hexpand children; a child is placed in
 * its line by its valign (fill takes the line's height), and lines with a
 * vexpand child share the spare height.
 */
#include "config.h"

#include "custos-wrap-box.h"

struct _CustosWrapBox
{
  GtkWidget parent_instance;

  int       spacing;      /* between children of a line */
  int       line_spacing; /* between lines */
};

static void custos_wrap_box_buildable_init (GtkBuildableIface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (CustosWrapBox, custos_wrap_box, GTK_TYPE_WIDGET,
                               G_IMPLEMENT_INTERFACE (GTK_TYPE_BUILDABLE, custos_wrap_box_buildable_init))

enum {
  PROP_0,
  PROP_SPACING,
  PROP_LINE_SPACING,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];
static GtkBuildableIface *parent_buildable_iface;

typedef struct
{
  GtkWidget *widget;
  int        minimum;
  int        natural;
  int        width;   /* given */
  int        line;
} Item;

/* Breaks the visible children into lines of width and gives each its width;
 * returns the number of lines. */
static guint
break_lines (CustosWrapBox *self,
             int            width,
             GArray        *items)
{
  guint line = 0, first = 0;
  int used = 0;

  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self)); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      Item item = { child, 0, 0, 0, 0 };

      if (!gtk_widget_should_layout (child))
        continue;
      gtk_widget_measure (child, GTK_ORIENTATION_HORIZONTAL, -1, &item.minimum, &item.natural, NULL, NULL);
      g_array_append_val (items, item);
    }

  /* Each line takes children while they fit at their natural widths. */
  for (guint i = 0; i < items->len; i++)
    {
      Item *item = &g_array_index (items, Item, i);

      if (i > first && used + self->spacing + item->natural > width)
        {
          line++;
          first = i;
          used = 0;
        }
      used += (i > first ? self->spacing : 0) + item->natural;
      item->line = (int) line;
    }

  /* Then each line shares its width: spare width to the hexpand children,
   * a shortfall (one child wider than the line) taken from the naturals. */
  for (guint i = 0; i < items->len;)
    {
      guint end = i, n_expand = 0;
      int natural = 0, minimum = 0, spare;

      while (end < items->len && g_array_index (items, Item, end).line == g_array_index (items, Item, i).line)
        {
          Item *item = &g_array_index (items, Item, end);

          natural += item->natural + (end > i ? self->spacing : 0);
          minimum += item->minimum + (end > i ? self->spacing : 0);
          if (gtk_widget_compute_expand (item->widget, GTK_ORIENTATION_HORIZONTAL))
            n_expand++;
          end++;
        }
      spare = width - natural;
      for (guint k = i; k < end; k++)
        {
          Item *item = &g_array_index (items, Item, k);

          if (spare >= 0)
            item->width = item->natural +
                          (n_expand > 0 && gtk_widget_compute_expand (item->widget, GTK_ORIENTATION_HORIZONTAL)
                           ? spare / (int) n_expand : 0);
          else if (natural > minimum)
            /* Each child gives up its share of what the line lacks. */
            item->width = item->natural - (int) ((gint64) (item->natural - item->minimum) * (natural - MAX (width, minimum)) /
                                                 (natural - minimum));
          else
            item->width = item->minimum;
        }
      i = end;
    }
  return items->len > 0 ? line + 1 : 0;
}

static void
custos_wrap_box_measure (GtkWidget      *widget,
                         GtkOrientation  orientation,
                         int             for_size,
                         int            *minimum,
                         int            *natural,
                         int            *minimum_baseline,
                         int            *natural_baseline)
{
  CustosWrapBox *self = CUSTOS_WRAP_BOX (widget);
  g_autoptr(GArray) items = g_array_new (FALSE, FALSE, sizeof (Item));
  int min_width = 0, nat_width = 0;
  guint n_lines;

  *minimum = *natural = 0;
  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      gboolean first = TRUE;

      for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
           child = gtk_widget_get_next_sibling (child))
        {
          int child_min, child_nat;

          if (!gtk_widget_should_layout (child))
            continue;
          gtk_widget_measure (child, orientation, -1, &child_min, &child_nat, NULL, NULL);
          *minimum = MAX (*minimum, child_min);
          *natural += child_nat + (first ? 0 : self->spacing);
          first = FALSE;
        }
      return;
    }

  /* Heights: as tall as the lines it takes at that width. Without a width,
   * the minimum is the height at the minimum width (the most lines) and the
   * natural the height at the natural width, as for a wrapping label. */
  if (for_size < 0)
    {
      int min_height, nat_height, unused;

      custos_wrap_box_measure (widget, GTK_ORIENTATION_HORIZONTAL, -1, &min_width, &nat_width, NULL, NULL);
      custos_wrap_box_measure (widget, orientation, min_width, &min_height, &unused, NULL, NULL);
      custos_wrap_box_measure (widget, orientation, nat_width, &unused, &nat_height, NULL, NULL);
      *minimum = min_height;
      *natural = MAX (nat_height, min_height);
      return;
    }
  n_lines = break_lines (self, for_size, items);
  for (guint line = 0, i = 0; line < n_lines; line++)
    {
      int line_min = 0, line_nat = 0;

      for (; i < items->len && g_array_index (items, Item, i).line == (int) line; i++)
        {
          Item *item = &g_array_index (items, Item, i);
          int child_min, child_nat;

          gtk_widget_measure (item->widget, orientation, item->width, &child_min, &child_nat, NULL, NULL);
          line_min = MAX (line_min, child_min);
          line_nat = MAX (line_nat, child_nat);
        }
      *minimum += line_min + (line > 0 ? self->line_spacing : 0);
      *natural += line_nat + (line > 0 ? self->line_spacing : 0);
    }
}

static void
custos_wrap_box_size_allocate (GtkWidget *widget,
                               int        width,
                               int        height,
                               int        baseline)
{
  CustosWrapBox *self = CUSTOS_WRAP_BOX (widget);
  g_autoptr(GArray) items = g_array_new (FALSE, FALSE, sizeof (Item));
  guint n_lines = break_lines (self, width, items);
  g_autofree int *line_min = g_new0 (int, n_lines + 1);
  g_autofree int *line_nat = g_new0 (int, n_lines + 1);
  g_autofree gboolean *line_expands = g_new0 (gboolean, n_lines + 1);
  int total_min = 0, total_nat = 0, n_expand = 0, y = 0;

  /* The lines' heights: their naturals, the spare height to lines with a
   * vexpand child, a shortfall taken from all in proportion. */
  for (guint i = 0; i < items->len; i++)
    {
      Item *item = &g_array_index (items, Item, i);
      int child_min, child_nat;

      gtk_widget_measure (item->widget, GTK_ORIENTATION_VERTICAL, item->width, &child_min, &child_nat, NULL, NULL);
      line_min[item->line] = MAX (line_min[item->line], child_min);
      line_nat[item->line] = MAX (line_nat[item->line], child_nat);
      line_expands[item->line] |= gtk_widget_compute_expand (item->widget, GTK_ORIENTATION_VERTICAL);
    }
  for (guint line = 0; line < n_lines; line++)
    {
      total_min += line_min[line];
      total_nat += line_nat[line];
      n_expand += line_expands[line] ? 1 : 0;
    }
  if (n_lines > 1)
    height -= self->line_spacing * (int) (n_lines - 1);

  for (guint line = 0, i = 0; line < n_lines; line++)
    {
      guint first = i;
      int line_height = line_nat[line], x = 0;

      if (height >= total_nat && line_expands[line])
        line_height += (height - total_nat) / n_expand;
      else if (height < total_nat && total_nat > total_min)
        line_height -= (int) ((gint64) (line_nat[line] - line_min[line]) * (total_nat - MAX (height, total_min)) /
                              (total_nat - total_min));
      for (; i < items->len && g_array_index (items, Item, i).line == (int) line; i++)
        ;
      for (guint k = first; k < i; k++)
        {
          Item *item = &g_array_index (items, Item, k);
          int child_nat, child_height, child_y;

          gtk_widget_measure (item->widget, GTK_ORIENTATION_VERTICAL, item->width, NULL, &child_nat, NULL, NULL);
          child_nat = MIN (child_nat, line_height);
          switch (gtk_widget_get_valign (item->widget))
            {
            case GTK_ALIGN_FILL:
              child_height = line_height;
              child_y = y;
              break;
            case GTK_ALIGN_START:
              child_height = child_nat;
              child_y = y;
              break;
            case GTK_ALIGN_END:
              child_height = child_nat;
              child_y = y + line_height - child_nat;
              break;
            default:
              child_height = child_nat;
              child_y = y + (line_height - child_nat) / 2;
              break;
            }
          gtk_widget_size_allocate (item->widget,
                                    &(GtkAllocation) { x, child_y, item->width, child_height }, -1);
          x += item->width + self->spacing;
        }
      y += line_height + self->line_spacing;
    }
}

static GtkSizeRequestMode
custos_wrap_box_get_request_mode (GtkWidget *widget)
{
  return GTK_SIZE_REQUEST_HEIGHT_FOR_WIDTH;
}

void
custos_wrap_box_append (CustosWrapBox *self,
                        GtkWidget     *child)
{
  g_return_if_fail (CUSTOS_IS_WRAP_BOX (self));
  g_return_if_fail (GTK_IS_WIDGET (child));

  gtk_widget_set_parent (child, GTK_WIDGET (self));
}

static void
custos_wrap_box_buildable_add_child (GtkBuildable *buildable,
                                     GtkBuilder   *builder,
                                     GObject      *child,
                                     const char   *type)
{
  if (type == NULL && GTK_IS_WIDGET (child))
    custos_wrap_box_append (CUSTOS_WRAP_BOX (buildable), GTK_WIDGET (child));
  else
    parent_buildable_iface->add_child (buildable, builder, child, type);
}

static void
custos_wrap_box_buildable_init (GtkBuildableIface *iface)
{
  parent_buildable_iface = g_type_interface_peek_parent (iface);
  iface->add_child = custos_wrap_box_buildable_add_child;
}

static void
custos_wrap_box_dispose (GObject *object)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (object))) != NULL)
    gtk_widget_unparent (child);
  G_OBJECT_CLASS (custos_wrap_box_parent_class)->dispose (object);
}

static void
custos_wrap_box_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  CustosWrapBox *self = CUSTOS_WRAP_BOX (object);

  switch (prop_id)
    {
    case PROP_SPACING:
      g_value_set_int (value, self->spacing);
      break;
    case PROP_LINE_SPACING:
      g_value_set_int (value, self->line_spacing);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
custos_wrap_box_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  CustosWrapBox *self = CUSTOS_WRAP_BOX (object);
  int *field;

  switch (prop_id)
    {
    case PROP_SPACING:
      field = &self->spacing;
      break;
    case PROP_LINE_SPACING:
      field = &self->line_spacing;
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
      return;
    }
  if (*field == g_value_get_int (value))
    return;
  *field = g_value_get_int (value);
  gtk_widget_queue_resize (GTK_WIDGET (self));
  g_object_notify_by_pspec (object, pspec);
}

static void
custos_wrap_box_class_init (CustosWrapBoxClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = custos_wrap_box_dispose;
  object_class->get_property = custos_wrap_box_get_property;
  object_class->set_property = custos_wrap_box_set_property;
  widget_class->measure = custos_wrap_box_measure;
  widget_class->size_allocate = custos_wrap_box_size_allocate;
  widget_class->get_request_mode = custos_wrap_box_get_request_mode;

  properties[PROP_SPACING] =
    g_param_spec_int ("spacing", NULL, NULL, 0, G_MAXINT, 0,
                      G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_LINE_SPACING] =
    g_param_spec_int ("line-spacing", NULL, NULL, 0, G_MAXINT, 0,
                      G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_css_name (widget_class, "custos-wrap-box");
}

static void
custos_wrap_box_init (CustosWrapBox *self)
{
}

GtkWidget *
custos_wrap_box_new (void)
{
  return g_object_new (CUSTOS_TYPE_WRAP_BOX, NULL);
}
