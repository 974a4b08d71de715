/* SPDX-License-Identifier: GPL-3.0-or-later */
/* custos-migration-dialog.h — the preview and the go-ahead of a 2013 → 2022
 * migration of the Statement of Applicability */
#pragma once

#include <adwaita.h>

#include "custos-document.h"

G_BEGIN_DECLS

#define CUSTOS_TYPE_MIGRATION_DIALOG (custos_migration_dialog_get_type ())
G_DECLARE_FINAL_TYPE (CustosMigrationDialog, custos_migration_dialog, CUSTOS, MIGRATION_DIALOG, AdwWindow)

/* A modal dialog over parent (may be NULL) with the plan for document.
 * "migration.apply" (the Migrate button) applies it as one undoable step,
 * emits "migrated" and closes; "migration.cancel" (Escape) closes. */
/* today dates the revision that applying the migration adds. */
GtkWidget      *custos_migration_dialog_new         (GtkWindow             *parent,
                                                     CustosDocument        *document,
                                                     const GDate           *today);
CustosDocument *custos_migration_dialog_get_document (CustosMigrationDialog *self);
/* The plan shown (GPtrArray of CustosMigrationStep, borrowed), or NULL when
 * the document cannot be migrated. */
GPtrArray      *custos_migration_dialog_get_plan    (CustosMigrationDialog *self);
/* Steps with this outcome (CustosMigrationOutcome), or all for -1. */
guint           custos_migration_dialog_count       (CustosMigrationDialog *self,
                                                     int                    outcome);
/* Shows only the steps with one outcome, or all for -1. */
void            custos_migration_dialog_set_outcome_filter (CustosMigrationDialog *self,
                                                            int                    outcome);
/* The steps shown, each as an object whose "control-id" names the 2022 control. */
GListModel     *custos_migration_dialog_get_model   (CustosMigrationDialog *self);

/* "Applicable · Partially implemented", "Not applicable", "Not decided": what
 * an entry decides, for people. */
char           *custos_migration_describe_decision  (CustosRecord          *entry);
/* "Carried", "Merged", "Conflict", "New". */
const char     *custos_migration_outcome_label      (CustosMigrationOutcome outcome);

G_END_DECLS
