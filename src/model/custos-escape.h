/* SPDX-License-Identifier: GPL-3.0-or-later */
/* custos-escape.h — text from a file, made safe to show in a message
 *
 * A message that quotes a file (a load error, a readiness finding, a line of
 * custos --check) must show what is there without letting it act: a TAB or
 * line break would break the one-problem-per-line output, a right-to-left
 * override (U+202E) would show the rest of the line reversed. These are the
 * characters no id may hold, and what every message escapes.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* C0 controls (TAB, LF and CR included), DEL, C1 controls (U+0080–U+009F)
 * and the bidirectional formatting characters (U+061C, U+200E, U+200F,
 * U+202A–U+202E, U+2066–U+2069). */
gboolean  custos_unichar_is_unsafe  (gunichar    c);
/* Whether text holds any such character (or is not UTF-8). */
gboolean  custos_text_has_unsafe    (const char *text);
/* A copy of text with those characters written out: \t, \n, \r, \u202E for
 * the others, \xFF for a byte that is not UTF-8. A backslash stays as it is
 * (file names on Windows shares have them). */
char     *custos_escape_unsafe      (const char *text);

G_END_DECLS
