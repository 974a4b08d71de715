/* SPDX-License-Identifier: GPL-3.0-or-later */
/* custos-cli-diff.h — the command line of collaboration: diff, textconv, merge */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* Runs --diff, --text, --merge or --git-setup. Returns an exit status, or -1
 * when none of them is asked for. */
int custos_cli_diff_run (GVariantDict *options);

G_END_DECLS
