/* SPDX-License-Identifier: GPL-3.0-or-later */
/* custos-file-private.h — fault injection into saving, for the tests only
 *
 * The tests prove that a save which fails at any step leaves the file and
 * its backup exactly as they were. Some failures (a disk error on fsync, a
 * rename refused) cannot be provoked on demand from outside, so the steps
 * of custos-file.c look at this switch. Nothing but the test suites sets it;
 * in the application it stays CUSTOS_FILE_FAULT_NONE.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef enum
{
  CUSTOS_FILE_FAULT_NONE    = 0,
  CUSTOS_FILE_FAULT_WRITE   = 1 << 0, /* writing stops half-way: "No space left on device" */
  CUSTOS_FILE_FAULT_FSYNC   = 1 << 1, /* fsync of the new version fails: "Input/output error" */
  CUSTOS_FILE_FAULT_VERIFY  = 1 << 2, /* reading the new version back comes up one byte short */
  CUSTOS_FILE_FAULT_RENAME  = 1 << 3, /* the rename over the file fails: "Input/output error" */
  CUSTOS_FILE_FAULT_NO_LINK = 1 << 4, /* the file system has no hard links (backup by copy) */
  CUSTOS_FILE_FAULT_GIO     = 1 << 5, /* save local files the way non-local ones are saved */
} CustosFileFault;

/* Applies to every save and load that follows, in every thread. */
void custos_file_set_fault (CustosFileFault fault);

G_END_DECLS
