/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "custos-paned.h"

typedef struct
{
  int      numerator;
  int      denominator;
  int      minimum;
  gboolean placed;
} Placement;

static void
place (GtkPaned   *paned,
       GParamSpec *pspec,
       Placement  *placement)
{
  /* The height it is shown at: max-position starts at G_MAXINT. */
  int height = gtk_widget_get_height (GTK_WIDGET (paned));

  /* A hidden page is sized before it has its real size: wait for the map. */
  if (height <= 0 || placement->placed || !gtk_widget_get_mapped (GTK_WIDGET (paned)))
    return;
  placement->placed = TRUE;
  gtk_paned_set_position (paned, MIN (MAX (height * placement->numerator / placement->denominator,
                                           placement->minimum), height));
}

/* A page shown for the first time may already have its size. */
static void
on_map (GtkWidget *paned,
        Placement *placement)
{
  place (GTK_PANED (paned), NULL, placement);
}

void
custos_paned_place_once (GtkPaned *paned,
                         int       numerator,
                         int       denominator,
                         int       minimum)
{
  Placement *placement = g_new0 (Placement, 1);

  g_return_if_fail (GTK_IS_PANED (paned));
  g_return_if_fail (denominator > 0);

  placement->numerator = numerator;
  placement->denominator = denominator;
  placement->minimum = minimum;
  g_object_set_data_full (G_OBJECT (paned), "custos-placement", placement, g_free);
  g_signal_connect (paned, "notify::max-position", G_CALLBACK (place), placement);
  g_signal_connect (paned, "map", G_CALLBACK (on_map), placement);
}

int
custos_paned_stacked_minimum (GtkWidget *widget,
                              GtkPaned  *paned)
{
  int minimum = 0;

  g_return_val_if_fail (GTK_IS_WIDGET (widget), 0);
  g_return_val_if_fail (GTK_IS_PANED (paned), 0);

  if (widget == GTK_WIDGET (paned))
    {
      GtkWidget *children[] = { gtk_paned_get_start_child (paned), gtk_paned_get_end_child (paned) };

      for (guint i = 0; i < G_N_ELEMENTS (children); i++)
        if (children[i] != NULL && gtk_widget_get_visible (children[i]))
          minimum = MAX (minimum, custos_paned_stacked_minimum (children[i], paned));
      return minimum;
    }
  if (!gtk_widget_is_ancestor (GTK_WIDGET (paned), widget))
    {
      gtk_widget_measure (widget, GTK_ORIENTATION_HORIZONTAL, -1, &minimum, NULL, NULL, NULL);
      return minimum;
    }
  /* A vertical box or a stack: as wide as its widest child. */
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (gtk_widget_get_visible (child))
      minimum = MAX (minimum, custos_paned_stacked_minimum (child, paned));
  return minimum;
}
