/* SPDX-License-Identifier: GPL-3.0-or-later */
/* custos-record-editor.h — a form for any record, built from its kind's fields */
#pragma once

#include <adwaita.h>

#include "custos-document.h"

G_BEGIN_DECLS

#define CUSTOS_TYPE_RECORD_EDITOR (custos_record_editor_get_type ())
G_DECLARE_FINAL_TYPE (CustosRecordEditor, custos_record_editor, CUSTOS, RECORD_EDITOR, AdwBin)

GtkWidget      *custos_record_editor_new              (void);

CustosDocument *custos_record_editor_get_document     (CustosRecordEditor *self);
void            custos_record_editor_set_document     (CustosRecordEditor *self,
                                                       CustosDocument     *document);
CustosRecord   *custos_record_editor_get_record       (CustosRecordEditor *self);
void            custos_record_editor_set_record       (CustosRecordEditor *self,
                                                       CustosRecord       *record);

/* The form's heading and the line under it: by default the record's title
 * (a section's kind) and its id. */
const char     *custos_record_editor_get_title        (CustosRecordEditor *self);
void            custos_record_editor_set_title        (CustosRecordEditor *self,
                                                       const char         *title);
const char     *custos_record_editor_get_description  (CustosRecordEditor *self);
void            custos_record_editor_set_description  (CustosRecordEditor *self,
                                                       const char         *description);

/* Moves the keyboard focus to the first field; FALSE if nothing took it. */
gboolean        custos_record_editor_focus_first      (CustosRecordEditor *self);

/* The row of a field (AdwEntryRow, AdwActionRow, AdwComboRow, AdwExpanderRow or
 * AdwPreferencesRow for prose), or NULL. */
GtkWidget      *custos_record_editor_get_row          (CustosRecordEditor *self,
                                                       const char         *field);
/* What edits the value: the AdwEntryRow (STRING, NUMBER), GtkTextView (TEXT,
 * STRINGS), GtkSpinButton (INT), AdwComboRow (likelihood, consequence, ENUM,
 * REF), GtkSwitch (BOOL), GtkCalendar (DATE), AdwExpanderRow (FLAGS: its rows
 * hold a GtkCheckButton per flag) or CustosRefChooser (REFS, CONTROLS). */
GtkWidget      *custos_record_editor_get_field_widget (CustosRecordEditor *self,
                                                       const char         *field);

G_END_DECLS
