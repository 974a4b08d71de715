/* SPDX-License-Identifier: GPL-3.0-or-later */
/* custos-cli.h — the command line: check, convert and migrate without a display */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* The options of the command line, for g_application_add_main_option_entries. */
const GOptionEntry *custos_cli_get_option_entries (void);
/* Runs the non-interactive part of the command line. Returns an exit status,
 * or -1 when the options ask for the window. */
int                 custos_cli_run                (GVariantDict *options);

G_END_DECLS
