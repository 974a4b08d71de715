/* SPDX-License-Identifier: GPL-3.0-or-later */
/* custos-test-util.h — helpers shared by the Check suites */
#pragma once

#include <check.h>
#include <gio/gio.h>

#include "custos-record.h"

G_BEGIN_DECLS

/* Path of a file under tests/data (CUSTOS_TEST_DATA). */
char       *custos_test_data_path     (const char *name);
/* Path of the bundled example document. */
char       *custos_test_example_path  (void);
/* A fresh temporary directory, removed by custos_test_rmdir(). */
char       *custos_test_mkdtemp       (void);
void        custos_test_rmdir         (const char *path);
/* Reads a whole file (aborts the test when it cannot). */
GBytes     *custos_test_read_file     (const char *path);
/* Runs the custos binary with argv (NULL-terminated, without argv[0]);
 * returns its exit status and fills stdout/stderr. */
int         custos_test_run_cli       (const char * const *args,
                                       char              **out,
                                       char              **err);
/* The same, in the working directory cwd. */
int         custos_test_run_cli_in    (const char         *cwd,
                                       const char * const *args,
                                       char              **out,
                                       char              **err);
/* A STRING, TEXT, DATE or REF field named by data rather than by code (the
 * test fails when the record's kind has no such field). Code that names a
 * field uses the typed accessors of custos-fields.h. */
const char *custos_test_get_string    (CustosRecord *record,
                                       const char   *field);
void        custos_test_set_string    (CustosRecord *record,
                                       const char   *field,
                                       const char   *value);
/* Lets GTK lay out and draw and idle handlers run: at least 50 ms, then on
 * until nothing is pending, but never more than 10 s (an animation must not
 * hold a test). A loaded machine can take longer than 50 ms to reach an
 * idle handler. */
void        custos_test_spin          (void);
/* Runs the main loop for usec microseconds, timeouts included. */
void        custos_test_spin_for      (gint64      usec);
/* The date of an ISO YYYY-MM-DD text (the test fails when it is not one). */
GDate       custos_test_date          (const char *iso);
/* Runs a suite and returns the process exit status. */
int         custos_test_run_suite     (Suite      *suite);

/* Asserts that object is finalized once the caller drops its reference. */
#define custos_assert_finalized(object) G_STMT_START {                   \
    gpointer weak_ = (object);                                          \
    g_object_add_weak_pointer (G_OBJECT (weak_), &weak_);               \
    g_object_unref (weak_);                                             \
    ck_assert_msg (weak_ == NULL, "%s leaked a reference", #object);    \
  } G_STMT_END

G_END_DECLS
