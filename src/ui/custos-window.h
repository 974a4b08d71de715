/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "custos-clock.h"
#include "custos-document.h"
#include "custos-history.h"

G_BEGIN_DECLS

#define CUSTOS_TYPE_WINDOW (custos_window_get_type ())
G_DECLARE_FINAL_TYPE (CustosWindow, custos_window, CUSTOS, WINDOW, AdwApplicationWindow)

/* A window of application on today as clock says (NULL: the local date). */
CustosWindow   *custos_window_new          (GtkApplication    *application,
                                            CustosClock       *clock);
/* Loads file into this window; on failure the current document stays. */
void            custos_window_load         (CustosWindow      *self,
                                            GFile             *file);
/* Loads a recovery copy of unsaved work; the document stands for original
 * (NULL for a new document) and is marked modified. */
void            custos_window_recover      (CustosWindow      *self,
                                            GFile             *copy,
                                            GFile             *original);
void            custos_window_set_new_document (CustosWindow   *self,
                                                CustosDocument *document);
/* The session ends without asking (a signal): unsaved work is written to
 * the recovery copy, which outlives the window and is offered back at the
 * next start. Call before destroying the window. */
void            custos_window_keep_unsaved (CustosWindow      *self);
/* Whether the window holds an empty new document nobody has touched (which
 * opening or creating a document may replace). */
gboolean        custos_window_is_untouched (CustosWindow      *self);
CustosDocument *custos_window_get_document (CustosWindow      *self);
GFile          *custos_window_get_file     (CustosWindow      *self);
CustosHistory  *custos_window_get_history  (CustosWindow      *self);
CustosClock    *custos_window_get_clock    (CustosWindow      *self);
/* Whether the window shows (or is loading) file, or a link to it. */
gboolean        custos_window_shows_file   (CustosWindow      *self,
                                            GFile             *file);
/* The window of application that shows file (or a link to it), or NULL. */
CustosWindow   *custos_window_find         (GtkApplication    *application,
                                            GFile             *file);
/* Name of the page shown: "overview", "context", "risks" … */
const char     *custos_window_get_visible_page (CustosWindow  *self);
gboolean        custos_window_is_page_built (CustosWindow     *self,
                                             const char       *name);

/* What the latest reading of an evidence item's file in this window found
 * (a CustosEvidenceFileStatus), or -1 if none has finished yet. */
int             custos_window_get_evidence_status (CustosWindow *self,
                                                   const char   *id);
/* Whether the window is reading evidence files, or is about to: its own
 * quiet readings (when a document opens, a location is edited) or a
 * verification asked for. */
gboolean        custos_window_is_reading_evidence (CustosWindow *self);

G_END_DECLS
