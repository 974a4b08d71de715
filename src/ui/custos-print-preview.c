/* SPDX-License-Identifier: GPL-3.0-or-later */
/* custos-print-preview.c — the pages of a report, drawn by the report engine
 *
 * The main thread never touches the book after it hands it over: a GTask
 * lays it out and returns the page sizes, then one GTask at a time draws a
 * page into an image surface at the scale it is shown. The page shown comes
 * first, then the next and the previous one, so that paging on is instant.
 * The pack's book is built once its last issue is read (CustosLastIssue).
 */
#include "config.h"

#include <math.h>

#include <glib/gi18n.h>

#include "custos-export.h"
#include "custos-print-preview.h"

/* Pixels of background around the page. */
#define PAGE_MARGIN 16
/* The neighbours of the page shown are drawn ahead only while a page is at
 * most this many pixels (64 MB): not at 300 % on a high-resolution display. */
#define PREFETCH_PIXELS (16 * 1024 * 1024)
/* A zoom of 1.0 (100 %) shows a point at 96 dpi, as document viewers do. */
#define PIXELS_PER_POINT (96.0 / 72.0)

static const double zoom_levels[] = { 0.25, 0.5, 0.67, 0.8, 1.0, 1.25, 1.5, 2.0, 3.0 };

/* The page area ------------------------------------------------------------ */

/* A drawing area whose height follows its width: at "fit width" the page
 * fills the width of the window, and its height scrolls. */
#define CUSTOS_TYPE_PREVIEW_AREA (custos_preview_area_get_type ())
G_DECLARE_FINAL_TYPE (CustosPreviewArea, custos_preview_area, CUSTOS, PREVIEW_AREA, GtkDrawingArea)

struct _CustosPreviewArea
{
  GtkDrawingArea parent_instance;

  double page_width;   /* points */
  double page_height;
  double scale;        /* pixels per point; 0: fit the width */
};

G_DEFINE_FINAL_TYPE (CustosPreviewArea, custos_preview_area, GTK_TYPE_DRAWING_AREA)

/* Pixels per point at width pixels wide. */
static double
preview_area_get_scale (CustosPreviewArea *self,
                        int                width)
{
  if (self->scale > 0)
    return self->scale;
  if (self->page_width <= 0)
    return PIXELS_PER_POINT;
  return MAX (width - 2 * PAGE_MARGIN, 1) / self->page_width;
}

static GtkSizeRequestMode
custos_preview_area_get_request_mode (GtkWidget *widget)
{
  return GTK_SIZE_REQUEST_HEIGHT_FOR_WIDTH;
}

static void
custos_preview_area_measure (GtkWidget      *widget,
                             GtkOrientation  orientation,
                             int             for_size,
                             int            *minimum,
                             int            *natural,
                             int            *minimum_baseline,
                             int            *natural_baseline)
{
  CustosPreviewArea *self = CUSTOS_PREVIEW_AREA (widget);
  int natural_width = (int) ceil (self->page_width * (self->scale > 0 ? self->scale : PIXELS_PER_POINT))
                      + 2 * PAGE_MARGIN;

  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      /* Fitting the width, the page shrinks with the window. */
      *minimum = self->scale > 0 ? natural_width : 2 * PAGE_MARGIN + 32;
      *natural = MAX (*minimum, natural_width);
    }
  else
    {
      double scale = preview_area_get_scale (self, for_size >= 0 ? for_size : natural_width);

      *minimum = *natural = (int) ceil (self->page_height * scale) + 2 * PAGE_MARGIN;
    }
}

static void
custos_preview_area_class_init (CustosPreviewAreaClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  widget_class->get_request_mode = custos_preview_area_get_request_mode;
  widget_class->measure = custos_preview_area_measure;
}

static void
custos_preview_area_init (CustosPreviewArea *self)
{
}

/* The window ---------------------------------------------------------------- */

typedef struct
{
  double width;   /* points */
  double height;
} PageSize;

/* A page drawn at a scale. */
typedef struct
{
  guint            page;
  double           scale;         /* pixels per point */
  int              scale_factor;  /* of the display */
  cairo_surface_t *surface;
} Picture;

typedef struct
{
  CustosReportBook *book;
  PageSize          size;
  guint             page;
  double            scale;
  int               scale_factor;
} RenderJob;

struct _CustosPrintPreview
{
  AdwWindow          parent_instance;

  CustosDocument    *document;
  GFile             *document_file;
  CustosClock       *clock;
  CustosReportKind   kind;
  CustosLastIssue   *last_issue; /* of the pack, read before its book is built */
  CustosReportBook  *book;       /* used only by the task that runs */
  GCancellable      *cancellable;
  gboolean           busy;       /* a task has the book */
  GArray            *sizes;      /* PageSize of every page, once laid out */
  guint              page;
  double             zoom;       /* 0: fit the width */
  GPtrArray         *pictures;   /* Picture */
  gboolean           turned;     /* by the touchpad gesture under way */
  int                permille;   /* of the layout, written by its thread */
  guint              progress_source;

  /* template children */
  AdwWindowTitle    *window_title;
  GtkStack          *stack;
  AdwStatusPage     *error_page;
  GtkProgressBar    *progress_bar;
  GtkScrolledWindow *scroller;
  CustosPreviewArea *area;
  GtkLabel          *page_label;
  GtkButton         *zoom_button;
};

G_DEFINE_FINAL_TYPE (CustosPrintPreview, custos_print_preview, ADW_TYPE_WINDOW)

static void
picture_free (Picture *picture)
{
  cairo_surface_destroy (picture->surface);
  g_free (picture);
}

static void
render_job_free (RenderJob *job)
{
  g_object_unref (job->book);
  g_free (job);
}

static guint
n_pages (CustosPrintPreview *self)
{
  return self->sizes != NULL ? self->sizes->len : 0;
}

/* The scale the page shown is drawn at now; 0 before the area has a size. */
static double
current_scale (CustosPrintPreview *self)
{
  int width = gtk_widget_get_width (GTK_WIDGET (self->area));

  if (n_pages (self) == 0 || (width == 0 && self->zoom == 0))
    return 0;
  return preview_area_get_scale (self->area, width);
}

static Picture *
find_picture (CustosPrintPreview *self,
              guint               page,
              double              scale)
{
  int scale_factor = gtk_widget_get_scale_factor (GTK_WIDGET (self->area));
  Picture *any = NULL;

  for (guint i = 0; i < self->pictures->len; i++)
    {
      Picture *picture = g_ptr_array_index (self->pictures, i);

      if (picture->page != page)
        continue;
      if (picture->scale == scale && picture->scale_factor == scale_factor)
        return picture;
      any = picture;
    }
  /* scale 0 asks for any drawing of the page, to stretch until the right one comes. */
  return scale == 0 ? any : NULL;
}

/* Draws a page into an image the size it is shown: on a worker thread. */
static cairo_surface_t *
render_page (CustosReportBook *book,
             guint             page,
             const PageSize   *size,
             double            scale,
             int               scale_factor)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24,
                                                         (int) ceil (size->width * scale * scale_factor),
                                                         (int) ceil (size->height * scale * scale_factor));
  cairo_t *cr;

  cairo_surface_set_device_scale (surface, scale_factor, scale_factor);
  cr = cairo_create (surface);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);
  cairo_scale (cr, scale, scale);
  custos_report_book_draw_page (book, cr, page);
  cairo_destroy (cr);
  return surface;
}

static void
render_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  RenderJob *job = task_data;

  g_task_return_pointer (task, render_page (job->book, job->page, &job->size, job->scale, job->scale_factor),
                         (GDestroyNotify) cairo_surface_destroy);
}

static void render_next (CustosPrintPreview *self);

/* Keeps the pictures of the page shown and its neighbours; an old scale's
 * only while the new one is missing. */
static void
prune_pictures (CustosPrintPreview *self,
                double              scale)
{
  for (guint i = self->pictures->len; i-- > 0;)
    {
      Picture *picture = g_ptr_array_index (self->pictures, i);
      gboolean near = picture->page + 1 >= self->page && picture->page <= self->page + 1;
      gboolean current = picture->scale == scale &&
                         picture->scale_factor == gtk_widget_get_scale_factor (GTK_WIDGET (self->area));

      if (!near || (!current && find_picture (self, picture->page, scale) != NULL))
        g_ptr_array_remove_index_fast (self->pictures, i);
    }
}

static void
render_done (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  CustosPrintPreview *self = CUSTOS_PRINT_PREVIEW (source);
  RenderJob *job = g_task_get_task_data (G_TASK (result));
  g_autoptr(GError) error = NULL;
  cairo_surface_t *surface = g_task_propagate_pointer (G_TASK (result), &error);
  Picture *picture;

  /* Cancelled: the window is gone. */
  if (surface == NULL)
    return;
  self->busy = FALSE;
  picture = g_new0 (Picture, 1);
  picture->page = job->page;
  picture->scale = job->scale;
  picture->scale_factor = job->scale_factor;
  picture->surface = surface;
  g_ptr_array_add (self->pictures, picture);
  prune_pictures (self, current_scale (self));
  if (job->page == self->page)
    gtk_widget_queue_draw (GTK_WIDGET (self->area));
  render_next (self);
}

/* Starts drawing the first page near the one shown that lacks a picture at
 * the current scale, unless a task has the book. */
static void
render_next (CustosPrintPreview *self)
{
  double scale = current_scale (self);
  int scale_factor = gtk_widget_get_scale_factor (GTK_WIDGET (self->area));
  const guint wanted[] = { self->page, self->page + 1, self->page - 1 };

  if (self->busy || scale == 0)
    return;
  for (guint i = 0; i < G_N_ELEMENTS (wanted); i++)
    {
      g_autoptr(GTask) task = NULL;
      RenderJob *job;
      const PageSize *size;

      /* self->page - 1 wraps to G_MAXUINT on the first page */
      if (wanted[i] >= n_pages (self) || find_picture (self, wanted[i], scale) != NULL)
        continue;
      size = &g_array_index (self->sizes, PageSize, wanted[i]);
      if (i > 0 && size->width * size->height * (scale * scale_factor) * (scale * scale_factor) > PREFETCH_PIXELS)
        return;
      job = g_new0 (RenderJob, 1);
      job->book = g_object_ref (self->book);
      job->page = wanted[i];
      job->size = *size;
      job->scale = scale;
      job->scale_factor = scale_factor;
      self->busy = TRUE;
      task = g_task_new (self, self->cancellable, render_done, NULL);
      g_task_set_source_tag (task, render_next);
      g_task_set_task_data (task, job, (GDestroyNotify) render_job_free);
      g_task_run_in_thread (task, render_thread);
      return;
    }
}

static void
update_zoom_label (CustosPrintPreview *self)
{
  double scale = current_scale (self);
  g_autofree char *label = NULL;

  if (scale == 0)
    return;
  /* TRANSLATORS: the zoom of the print preview, "125%" */
  label = g_strdup_printf (_("%.0f%%"), scale / PIXELS_PER_POINT * 100);
  gtk_button_set_label (self->zoom_button, label);
}

/* The area's size, the zoom or the display's scale changed: draw again at
 * the new scale. */
static void
scale_changed (CustosPrintPreview *self)
{
  update_zoom_label (self);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "preview.zoom-in",
                                 custos_print_preview_get_zoom (self) < zoom_levels[G_N_ELEMENTS (zoom_levels) - 1]);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "preview.zoom-out",
                                 custos_print_preview_get_zoom (self) > zoom_levels[0]);
  render_next (self);
}

static void
set_page (CustosPrintPreview *self,
          guint               page)
{
  const PageSize *size;
  g_autofree char *label = NULL;

  if (n_pages (self) == 0)
    return;
  self->page = MIN (page, n_pages (self) - 1);
  size = &g_array_index (self->sizes, PageSize, self->page);
  /* Landscape pages change the height of the area, or its width when zoomed. */
  if (size->width != self->area->page_width || size->height != self->area->page_height)
    {
      self->area->page_width = size->width;
      self->area->page_height = size->height;
      gtk_widget_queue_resize (GTK_WIDGET (self->area));
    }
  gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (self->scroller), 0);
  gtk_widget_queue_draw (GTK_WIDGET (self->area));

  label = g_strdup_printf (_("Page %u of %u"), self->page + 1, n_pages (self));
  gtk_label_set_text (self->page_label, label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->area), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "preview.previous", self->page > 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "preview.first", self->page > 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "preview.next", self->page + 1 < n_pages (self));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "preview.last", self->page + 1 < n_pages (self));
  scale_changed (self);
}

static void
layout_progress (double   fraction,
                 gpointer user_data)
{
  g_atomic_int_set ((int *) user_data, (int) (fraction * 1000));
}

static gboolean
update_progress (gpointer user_data)
{
  CustosPrintPreview *self = user_data;

  gtk_progress_bar_set_fraction (self->progress_bar, g_atomic_int_get (&self->permille) / 1000.0);
  return G_SOURCE_CONTINUE;
}

static void
layout_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  CustosPrintPreview *self = source_object;
  CustosReportBook *book = task_data;
  g_autoptr(GError) error = NULL;
  GArray *sizes;

  /* The pack of a large ISMS has hundreds of pages: say how far it got. */
  if (!custos_report_book_paginate (book, cancellable, layout_progress, &self->permille, &error))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  sizes = g_array_sized_new (FALSE, FALSE, sizeof (PageSize), custos_report_book_get_n_pages (book));
  for (guint i = 0; i < custos_report_book_get_n_pages (book); i++)
    {
      PageSize size;

      custos_report_book_get_page_size_of (book, i, &size.width, &size.height, NULL);
      g_array_append_val (sizes, size);
    }
  g_task_return_pointer (task, sizes, (GDestroyNotify) g_array_unref);
}

static void
layout_done (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  CustosPrintPreview *self = CUSTOS_PRINT_PREVIEW (source);
  g_autoptr(GError) error = NULL;
  GArray *sizes = g_task_propagate_pointer (G_TASK (result), &error);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  self->busy = FALSE;
  g_clear_handle_id (&self->progress_source, g_source_remove);
  /* The engine fails only when cancelled today; its API allows for more. */
  if (sizes == NULL)
    {
      adw_status_page_set_description (self->error_page, error->message);
      gtk_stack_set_visible_child_name (self->stack, "error");
      return;
    }
  /* A book has a page at least, if only a blank one. */
  self->sizes = sizes;
  gtk_stack_set_visible_child_name (self->stack, "pages");
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "preview.zoom-fit", TRUE);
  set_page (self, 0);
}

/* Actions ------------------------------------------------------------------- */

static void
go_action (GtkWidget  *widget,
           const char *action_name,
           GVariant   *parameter)
{
  CustosPrintPreview *self = CUSTOS_PRINT_PREVIEW (widget);

  if (g_str_equal (action_name, "preview.previous") && self->page > 0)
    set_page (self, self->page - 1);
  else if (g_str_equal (action_name, "preview.next"))
    set_page (self, self->page + 1);
  else if (g_str_equal (action_name, "preview.first"))
    set_page (self, 0);
  else if (g_str_equal (action_name, "preview.last"))
    set_page (self, G_MAXUINT);
}

static void
set_zoom (CustosPrintPreview *self,
          double              zoom)
{
  self->zoom = zoom;
  self->area->scale = zoom * PIXELS_PER_POINT;
  gtk_widget_queue_resize (GTK_WIDGET (self->area));
  scale_changed (self);
}

static void
zoom_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  CustosPrintPreview *self = CUSTOS_PRINT_PREVIEW (widget);
  double zoom = custos_print_preview_get_zoom (self);

  if (g_str_equal (action_name, "preview.zoom-fit"))
    set_zoom (self, 0);
  else if (g_str_equal (action_name, "preview.zoom-in"))
    {
      for (guint i = 0; i < G_N_ELEMENTS (zoom_levels); i++)
        if (zoom_levels[i] > zoom * 1.01)
          {
            set_zoom (self, zoom_levels[i]);
            return;
          }
    }
  else
    {
      for (guint i = G_N_ELEMENTS (zoom_levels); i-- > 0;)
        if (zoom_levels[i] < zoom * 0.99)
          {
            set_zoom (self, zoom_levels[i]);
            return;
          }
    }
}

static void
print_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  CustosPrintPreview *self = CUSTOS_PRINT_PREVIEW (widget);

  custos_print_present (GTK_WINDOW (self), self->document, self->document_file, self->kind, self->clock);
}

static void
export_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  CustosPrintPreview *self = CUSTOS_PRINT_PREVIEW (widget);
  CustosExportDialog *dialog = custos_export_dialog_new (GTK_WINDOW (self), self->document,
                                                         self->document_file, self->clock);

  custos_export_dialog_set_report (dialog, self->kind);
  gtk_window_set_modal (GTK_WINDOW (dialog), TRUE);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* Ctrl and the wheel zoom, as in document viewers; the wheel past the end
 * of a page turns it (the previous page shows its end). A touchpad's swipe
 * turns one page: it must scroll again, or lift, to turn the next. */
static gboolean
scroll_preview (CustosPrintPreview       *self,
                double                    dx,
                double                    dy,
                GtkEventControllerScroll *controller)
{
  GtkEventController *events = GTK_EVENT_CONTROLLER (controller);
  GdkEvent *event = gtk_event_controller_get_current_event (events);
  GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (self->scroller);
  double value = gtk_adjustment_get_value (adjustment);
  double end = gtk_adjustment_get_upper (adjustment) - gtk_adjustment_get_page_size (adjustment);
  gboolean smooth = event != NULL && gdk_scroll_event_get_direction (event) == GDK_SCROLL_SMOOTH;
  gboolean forward = dy > 0 && value >= end - 1 && self->page + 1 < n_pages (self);
  gboolean back = dy < 0 && value <= 0 && self->page > 0;

  if (dy != 0 && (gtk_event_controller_get_current_event_state (events) & GDK_CONTROL_MASK))
    {
      gtk_widget_activate_action (GTK_WIDGET (self), dy < 0 ? "preview.zoom-in" : "preview.zoom-out", NULL);
      return TRUE;
    }
  if (!forward && !back)
    {
      self->turned = FALSE;
      return FALSE;
    }
  if (smooth && self->turned)
    return FALSE;
  self->turned = TRUE;
  set_page (self, forward ? self->page + 1 : self->page - 1);
  if (back)
    gtk_adjustment_set_value (adjustment, gtk_adjustment_get_upper (adjustment));
  return TRUE;
}

static void
scroll_ended (CustosPrintPreview *self)
{
  self->turned = FALSE;
}

/* The window ---------------------------------------------------------------- */

static void
draw_area (GtkDrawingArea *area,
           cairo_t        *cr,
           int             width,
           int             height,
           gpointer        user_data)
{
  custos_print_preview_draw (CUSTOS_PRINT_PREVIEW (user_data), cr, width, height);
}

static void
custos_print_preview_dispose (GObject *object)
{
  CustosPrintPreview *self = CUSTOS_PRINT_PREVIEW (object);

  /* A running task keeps its own reference to the book and finds the
   * cancellable cancelled when it returns. */
  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_handle_id (&self->progress_source, g_source_remove);
  g_clear_pointer (&self->last_issue, custos_last_issue_unref);
  g_clear_object (&self->book);
  g_clear_object (&self->document);
  g_clear_object (&self->document_file);
  g_clear_object (&self->clock);
  g_clear_pointer (&self->sizes, g_array_unref);
  g_clear_pointer (&self->pictures, g_ptr_array_unref);

  G_OBJECT_CLASS (custos_print_preview_parent_class)->dispose (object);
}

static void
custos_print_preview_class_init (CustosPrintPreviewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  static const struct { guint key; GdkModifierType mods; const char *action; } keys[] = {
    { GDK_KEY_Page_Up, 0, "preview.previous" },
    { GDK_KEY_KP_Page_Up, 0, "preview.previous" },
    { GDK_KEY_Page_Down, 0, "preview.next" },
    { GDK_KEY_KP_Page_Down, 0, "preview.next" },
    { GDK_KEY_Home, 0, "preview.first" },
    { GDK_KEY_KP_Home, 0, "preview.first" },
    { GDK_KEY_End, 0, "preview.last" },
    { GDK_KEY_KP_End, 0, "preview.last" },
    { GDK_KEY_plus, GDK_CONTROL_MASK, "preview.zoom-in" },
    { GDK_KEY_equal, GDK_CONTROL_MASK, "preview.zoom-in" },
    { GDK_KEY_KP_Add, GDK_CONTROL_MASK, "preview.zoom-in" },
    { GDK_KEY_minus, GDK_CONTROL_MASK, "preview.zoom-out" },
    { GDK_KEY_KP_Subtract, GDK_CONTROL_MASK, "preview.zoom-out" },
    { GDK_KEY_0, GDK_CONTROL_MASK, "preview.zoom-fit" },
    { GDK_KEY_KP_0, GDK_CONTROL_MASK, "preview.zoom-fit" },
    { GDK_KEY_p, GDK_CONTROL_MASK, "preview.print" },
    { GDK_KEY_e, GDK_CONTROL_MASK, "preview.export" },
    { GDK_KEY_w, GDK_CONTROL_MASK, "window.close" },
    { GDK_KEY_Escape, 0, "window.close" },
  };

  object_class->dispose = custos_print_preview_dispose;

  g_type_ensure (CUSTOS_TYPE_PREVIEW_AREA);
  gtk_widget_class_set_template_from_resource (widget_class, APP_PATH "/ui/custos-print-preview.ui");
  gtk_widget_class_bind_template_child (widget_class, CustosPrintPreview, window_title);
  gtk_widget_class_bind_template_child (widget_class, CustosPrintPreview, stack);
  gtk_widget_class_bind_template_child (widget_class, CustosPrintPreview, error_page);
  gtk_widget_class_bind_template_child (widget_class, CustosPrintPreview, progress_bar);
  gtk_widget_class_bind_template_child (widget_class, CustosPrintPreview, scroller);
  gtk_widget_class_bind_template_child (widget_class, CustosPrintPreview, area);
  gtk_widget_class_bind_template_child (widget_class, CustosPrintPreview, page_label);
  gtk_widget_class_bind_template_child (widget_class, CustosPrintPreview, zoom_button);
  gtk_widget_class_bind_template_callback (widget_class, scale_changed);

  gtk_widget_class_install_action (widget_class, "preview.previous", NULL, go_action);
  gtk_widget_class_install_action (widget_class, "preview.next", NULL, go_action);
  gtk_widget_class_install_action (widget_class, "preview.first", NULL, go_action);
  gtk_widget_class_install_action (widget_class, "preview.last", NULL, go_action);
  gtk_widget_class_install_action (widget_class, "preview.zoom-in", NULL, zoom_action);
  gtk_widget_class_install_action (widget_class, "preview.zoom-out", NULL, zoom_action);
  gtk_widget_class_install_action (widget_class, "preview.zoom-fit", NULL, zoom_action);
  gtk_widget_class_install_action (widget_class, "preview.print", NULL, print_action);
  gtk_widget_class_install_action (widget_class, "preview.export", NULL, export_action);
  for (guint i = 0; i < G_N_ELEMENTS (keys); i++)
    gtk_widget_class_add_binding_action (widget_class, keys[i].key, keys[i].mods, keys[i].action, NULL);
}

static void
custos_print_preview_init (CustosPrintPreview *self)
{
  GtkEventController *scroll;

  gtk_widget_init_template (GTK_WIDGET (self));
  self->cancellable = g_cancellable_new ();
  self->pictures = g_ptr_array_new_with_free_func ((GDestroyNotify) picture_free);
  gtk_drawing_area_set_draw_func (GTK_DRAWING_AREA (self->area), draw_area, self, NULL);
  scroll = gtk_event_controller_scroll_new (GTK_EVENT_CONTROLLER_SCROLL_VERTICAL);
  /* Before the scrolled window scrolls. */
  gtk_event_controller_set_propagation_phase (scroll, GTK_PHASE_CAPTURE);
  g_signal_connect_swapped (scroll, "scroll", G_CALLBACK (scroll_preview), self);
  g_signal_connect_swapped (scroll, "scroll-begin", G_CALLBACK (scroll_ended), self);
  g_signal_connect_swapped (scroll, "scroll-end", G_CALLBACK (scroll_ended), self);
  gtk_widget_add_controller (GTK_WIDGET (self->scroller), scroll);
  /* Moved to a display of another scale: sharp pictures for it. */
  g_signal_connect_object (self->area, "notify::scale-factor", G_CALLBACK (scale_changed), self, G_CONNECT_SWAPPED);
  /* Nothing to go to or zoom until the book is laid out. */
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "preview.previous", FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "preview.next", FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "preview.first", FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "preview.last", FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "preview.zoom-in", FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "preview.zoom-out", FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "preview.zoom-fit", FALSE);
}

/* Lays the book out in a thread. */
static void
start_layout (CustosPrintPreview *self)
{
  g_autoptr(GTask) task = g_task_new (self, self->cancellable, layout_done, NULL);

  self->busy = TRUE;
  g_task_set_source_tag (task, start_layout);
  g_task_set_task_data (task, g_object_ref (self->book), g_object_unref);
  g_task_run_in_thread (task, layout_thread);
}

static void
last_issue_read (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  CustosPrintPreview *self = CUSTOS_PRINT_PREVIEW (source);

  /* Cancelled: the window is gone. */
  if (!custos_last_issue_read_finish (result, NULL))
    return;
  /* On the thread that owns the document, as the print operation builds it. */
  self->book = custos_export_build_book (self->document, self->document_file, self->kind, self->clock,
                                         CUSTOS_PAPER_AUTO, CUSTOS_HEATMAP_PALETTE_BANDS, self->last_issue);
  start_layout (self);
}

CustosPrintPreview *
custos_print_preview_new (GtkWindow        *parent,
                          CustosDocument   *document,
                          GFile            *document_file,
                          CustosReportKind  kind,
                          CustosClock      *clock,
                          CustosReportBook *book)
{
  CustosPrintPreview *self;
  g_autofree char *title = NULL;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (CUSTOS_IS_DOCUMENT (document), NULL);
  g_return_val_if_fail (document_file == NULL || G_IS_FILE (document_file), NULL);
  g_return_val_if_fail (kind < CUSTOS_N_REPORTS, NULL);
  g_return_val_if_fail (clock == NULL || CUSTOS_IS_CLOCK (clock), NULL);
  g_return_val_if_fail (book == NULL || CUSTOS_IS_REPORT_BOOK (book), NULL);

  self = g_object_new (CUSTOS_TYPE_PRINT_PREVIEW, "transient-for", parent, "modal", parent != NULL, NULL);
  self->document = g_object_ref (document);
  g_set_object (&self->document_file, document_file);
  g_set_object (&self->clock, clock);
  self->kind = kind;

  adw_window_title_set_title (self->window_title, custos_report_kind_get_title (kind));
  /* TRANSLATORS: the title of the print preview's window, "Statement of Applicability — Print Preview" */
  title = g_strdup_printf (_("%s — Print Preview"), custos_report_kind_get_title (kind));
  gtk_window_set_title (GTK_WINDOW (self), title);
  self->progress_source = g_timeout_add (100, update_progress, self);

  if (book != NULL)
    self->book = g_object_ref (book);
  else if (kind == CUSTOS_REPORT_PACK && document_file != NULL)
    {
      /* The pack lists the changes since the last issue, read first. */
      self->last_issue = custos_last_issue_new (document, document_file);
      custos_last_issue_read_async (self->last_issue, self, self->cancellable, last_issue_read, NULL);
      return self;
    }
  else
    self->book = custos_export_build_book (document, document_file, kind, clock, CUSTOS_PAPER_AUTO,
                                           CUSTOS_HEATMAP_PALETTE_BANDS, NULL);
  start_layout (self);
  return self;
}

guint
custos_print_preview_get_n_pages (CustosPrintPreview *self)
{
  g_return_val_if_fail (CUSTOS_IS_PRINT_PREVIEW (self), 0);
  return n_pages (self);
}

guint
custos_print_preview_get_page (CustosPrintPreview *self)
{
  g_return_val_if_fail (CUSTOS_IS_PRINT_PREVIEW (self), 0);
  return self->page;
}

gboolean
custos_print_preview_is_drawn (CustosPrintPreview *self)
{
  double scale;

  g_return_val_if_fail (CUSTOS_IS_PRINT_PREVIEW (self), FALSE);
  scale = current_scale (self);
  return scale > 0 && find_picture (self, self->page, scale) != NULL;
}

double
custos_print_preview_get_zoom (CustosPrintPreview *self)
{
  double scale;

  g_return_val_if_fail (CUSTOS_IS_PRINT_PREVIEW (self), 0);
  scale = current_scale (self);
  return scale > 0 ? scale / PIXELS_PER_POINT : self->zoom;
}

void
custos_print_preview_draw (CustosPrintPreview *self,
                           cairo_t            *cr,
                           int                 width,
                           int                 height)
{
  const PageSize *size;
  Picture *picture;
  double scale, x, y, page_width, page_height;

  g_return_if_fail (CUSTOS_IS_PRINT_PREVIEW (self));

  if (self->page >= n_pages (self))
    return;
  size = &g_array_index (self->sizes, PageSize, self->page);
  scale = preview_area_get_scale (self->area, width);
  page_width = round (size->width * scale);
  page_height = round (size->height * scale);
  x = MAX (PAGE_MARGIN, round ((width - page_width) / 2));
  y = PAGE_MARGIN;

  /* The sheet of paper, with a shadow: white until its picture comes. */
  cairo_set_source_rgba (cr, 0, 0, 0, 0.18);
  cairo_rectangle (cr, x - 1, y, page_width + 2, page_height + 2);
  cairo_fill (cr);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_rectangle (cr, x, y, page_width, page_height);
  cairo_fill (cr);

  picture = find_picture (self, self->page, scale);
  if (picture == NULL)
    picture = find_picture (self, self->page, 0);
  if (picture == NULL)
    return;
  cairo_save (cr);
  cairo_rectangle (cr, x, y, page_width, page_height);
  cairo_clip (cr);
  cairo_translate (cr, x, y);
  /* A picture of another scale stands in, stretched, until the right one comes. */
  cairo_scale (cr, scale / picture->scale, scale / picture->scale);
  cairo_set_source_surface (cr, picture->surface, 0, 0);
  cairo_paint (cr);
  cairo_restore (cr);
}
