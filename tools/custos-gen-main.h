/* SPDX-License-Identifier: GPL-3.0-or-later */
/* custos-gen-main.h — the command line the generators of committed files share */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* "PROGRAM" prints output; "PROGRAM --check FILE" exits 1, saying how to
 * regenerate FILE (the command regenerate), unless FILE holds exactly output.
 * Returns the exit status. */
int custos_gen_main (int          argc,
                     char       **argv,
                     const char  *output,
                     const char  *regenerate);

G_END_DECLS
