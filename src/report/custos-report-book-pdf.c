/* SPDX-License-Identifier: GPL-3.0-or-later */
/* custos-report-book-pdf.c — the report book as a PDF: metadata, outline,
 * cross-reference repair, self-check */
#include "config.h"

#include <math.h>
#include <string.h>

#include <cairo-pdf.h>
#include <glib/gi18n-lib.h>

#include "custos-pdf-xref.h"

#include "custos-report-book-private.h"

/* PDF -------------------------------------------------------------------- */

static cairo_status_t
append_bytes (void                *closure,
              const unsigned char *data,
              unsigned int         length)
{
  g_byte_array_append (closure, data, length);
  return CAIRO_STATUS_SUCCESS;
}

static void
set_metadata (cairo_surface_t          *surface,
              cairo_pdf_metadata_t      key,
              const char               *value)
{
  if (value != NULL && *value != '\0')
    cairo_pdf_surface_set_metadata (surface, key, value);
}

/* The language of the text: that of the translation in use ("en-GB"), else
 * English, the language of the untranslated strings. */
static char *
text_language (void)
{
  const char * const *names = g_get_language_names_with_category ("LC_MESSAGES");
  const char *name = names != NULL ? names[0] : NULL;
  gsize n = name != NULL ? strcspn (name, ".@") : 0;

  if (n == 0 || g_ascii_strncasecmp (name, "C", n) == 0 || g_ascii_strncasecmp (name, "POSIX", n) == 0)
    return g_strdup ("en");
  return g_strdelimit (g_strndup (name, n), "_", '-');
}

/* cairo 1.16 writes the structure tree of a tagged PDF but neither says
 * that the file is tagged (/MarkInfo) nor its language (/Lang): both go
 * into the catalog, cairo's last object, before the cross-reference table
 * is rebuilt. */
static void
mark_catalog (GByteArray *bytes)
{
  static const char catalog[] = "<< /Type /Catalog";
  g_autofree char *lang = text_language ();
  g_autofree char *entries = NULL;
  gsize at = 0;

  for (gsize i = 0; i + sizeof catalog - 1 <= bytes->len; i++)
    if (memcmp (bytes->data + i, catalog, sizeof catalog - 1) == 0)
      at = i + sizeof catalog - 1;
  if (at == 0)
    return;
  /* a language tag is letters, digits and hyphens: nothing to escape */
  g_strcanon (lang, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-", '-');
  entries = g_strdup_printf ("\n   /MarkInfo << /Marked true >>\n   /Lang (%s)", lang);
  g_byte_array_set_size (bytes, bytes->len + (guint) strlen (entries));
  memmove (bytes->data + at + strlen (entries), bytes->data + at, bytes->len - strlen (entries) - at);
  memcpy (bytes->data + at, entries, strlen (entries));
}

GBytes *
custos_report_book_render_pdf (CustosReportBook         *self,
                               GCancellable             *cancellable,
                               CustosReportProgressFunc  progress,
                               gpointer                  user_data,
                               GError                  **error)
{
  g_autoptr(GByteArray) bytes = g_byte_array_new ();
  cairo_surface_t *surface;
  cairo_t *cr;
  cairo_status_t status;
  const char *create_date;
  int parents[4] = { CAIRO_PDF_OUTLINE_ROOT, CAIRO_PDF_OUTLINE_ROOT, CAIRO_PDF_OUTLINE_ROOT,
                     CAIRO_PDF_OUTLINE_ROOT };
  double w, h;

  g_return_val_if_fail (CUSTOS_IS_REPORT_BOOK (self), NULL);

  if (!self->paginated)
    {
      if (!custos_report_book_paginate (self, cancellable, NULL, NULL, error))
        return NULL;
    }
  if (progress != NULL)
    progress (0.0, user_data);

  custos_report_book_get_page_size_of (self, 0, &w, &h, NULL);
  surface = cairo_pdf_surface_create_for_stream (append_bytes, bytes, w, h);
  set_metadata (surface, CAIRO_PDF_METADATA_TITLE, self->title);
  set_metadata (surface, CAIRO_PDF_METADATA_AUTHOR, self->author);
  set_metadata (surface, CAIRO_PDF_METADATA_SUBJECT, self->subject);
  set_metadata (surface, CAIRO_PDF_METADATA_KEYWORDS, self->keywords);
  set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, self->creator);
  create_date = self->create_date ? self->create_date : g_getenv ("CAIRO_PDF_METADATA_CREATE_DATE");
  if (create_date != NULL && *create_date != '\0')
    {
      set_metadata (surface, CAIRO_PDF_METADATA_CREATE_DATE, create_date);
      set_metadata (surface, CAIRO_PDF_METADATA_MOD_DATE, create_date);
    }

  cr = cairo_create (surface);
  cairo_tag_begin (cr, "Document", NULL);
  for (guint i = 0; i < self->pages->len; i++)
    {
      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        {
          cairo_destroy (cr);
          cairo_surface_destroy (surface);
          return NULL;
        }
      custos_report_book_get_page_size_of (self, i, &w, &h, NULL);
      cairo_pdf_surface_set_size (surface, w, h);
      custos_report_book_draw_page (self, cr, i);
      cairo_show_page (cr);
      if (progress != NULL && (i % 8) == 0)
        progress ((double) i / self->pages->len, user_data);
    }

  cairo_tag_end (cr, "Document");

  /* Bookmarks: every heading, nested by level. */
  for (guint i = 0; i < self->headings->len; i++)
    {
      const Heading *hd = &g_array_index (self->headings, Heading, i);
      g_autofree char *attrs = g_strdup_printf ("dest='h%u'", i);
      g_autofree char *label = hd->number ? g_strdup_printf ("%s %s", hd->number, hd->text ? hd->text : "")
                                          : g_strdup (hd->text ? hd->text : "");
      int id = cairo_pdf_surface_add_outline (surface, parents[hd->level - 1], label, attrs,
                                              hd->level == 1 ? CAIRO_PDF_OUTLINE_FLAG_OPEN : 0);

      for (guint l = hd->level; l < G_N_ELEMENTS (parents); l++)
        parents[l] = id;
    }

  cairo_destroy (cr);
  cairo_surface_finish (surface);
  status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);
  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_set_error (error, CUSTOS_PDF_ERROR, CUSTOS_PDF_ERROR_MALFORMED,
                   _("Cannot draw the PDF: %s"), cairo_status_to_string (status));
      return NULL;
    }
  if (progress != NULL)
    progress (1.0, user_data);
  mark_catalog (bytes);
  if (!custos_pdf_repair_in_place (bytes, error))
    return NULL;
  return g_byte_array_free_to_bytes (g_steal_pointer (&bytes));
}

/* Self-check ------------------------------------------------------------- */

gboolean
custos_report_book_verify (CustosReportBook  *self,
                           char             **problem)
{
  g_return_val_if_fail (CUSTOS_IS_REPORT_BOOK (self), FALSE);
  g_return_val_if_fail (self->paginated, FALSE);

  for (guint pg = 0; pg < self->pages->len; pg++)
    {
      const Page *page = &g_array_index (self->pages, Page, pg);
      double w, h, width;

      book_page_box (self, page->orientation, &w, &h);
      width = w - 2 * MARGIN_X;
      for (guint i = 0; i < page->n; i++)
        {
          const Placement *p = &g_array_index (self->placements, Placement, page->first + i);
          Block *block = g_ptr_array_index (self->blocks, p->block);
          const Row *row;

          if (block->kind == B_COVER)
            continue;
          if (p->y < MARGIN_TOP - EPS || p->y + p->end - p->start + p->lead > h - MARGIN_BOTTOM + 0.5)
            {
              if (problem != NULL)
                *problem = g_strdup_printf ("page %u: block %u row %d runs from %.1f to %.1f, outside %.1f–%.1f",
                                            pg + 1, p->block, p->row, p->y, p->y + p->end - p->start + p->lead,
                                            MARGIN_TOP, h - MARGIN_BOTTOM);
              return FALSE;
            }
          if (block->kind != B_ROWS || block->role == R_SIGNATURES)
            continue;
          row = p->row < 0 ? &block->header : &g_array_index (block->rows, Row, p->row);
          for (guint c = 0; c < book_row_n_cells (block, row); c++)
            {
              CellBox box;
              g_autoptr(PangoLayout) layout = book_cell_layout (self, block, row, p->row < 0, c, width, &box);
              PangoRectangle logical;
              double bottom;

              if (layout == NULL)
                continue;
              if (pango_layout_get_unknown_glyphs_count (layout) > 0)
                {
                  if (problem != NULL)
                    {
                      g_autofree char *start = g_utf8_substring (pango_layout_get_text (layout), 0, MIN (60, g_utf8_strlen (pango_layout_get_text (layout), -1)));
                      *problem = g_strdup_printf ("page %u: no font has glyphs for some of “%s…”", pg + 1, start);
                    }
                  return FALSE;
                }
              pango_layout_get_extents (layout, NULL, &logical);
              if (logical.x < -PANGO_SCALE / 2 ||
                  (logical.x + logical.width) / (double) PANGO_SCALE > box.width + 0.5)
                {
                  if (problem != NULL)
                    {
                      g_autofree char *start = g_utf8_substring (pango_layout_get_text (layout), 0, MIN (40, g_utf8_strlen (pango_layout_get_text (layout), -1)));
                      *problem = g_strdup_printf ("page %u: “%s” is %.1f wide in a cell of %.1f", pg + 1, start,
                                                  (logical.x + logical.width) / (double) PANGO_SCALE, box.width);
                    }
                  return FALSE;
                }
              bottom = box.top + logical.height / (double) PANGO_SCALE;
              if (bottom > row->height + 0.5)
                {
                  if (problem != NULL)
                    {
                      g_autofree char *start = g_utf8_substring (pango_layout_get_text (layout), 0, MIN (40, g_utf8_strlen (pango_layout_get_text (layout), -1)));
                      *problem = g_strdup_printf ("page %u: “%s” is %.1f high in a row of %.1f", pg + 1, start,
                                                  bottom, row->height);
                    }
                  return FALSE;
                }
              if (box.x + box.width > width + 0.5 || box.x < -EPS)
                {
                  if (problem != NULL)
                    *problem = g_strdup_printf ("page %u: a cell of block %u lies outside the text width",
                                                pg + 1, p->block);
                  return FALSE;
                }
            }
        }
    }
  return TRUE;
}
