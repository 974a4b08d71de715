/* SPDX-License-Identifier: GPL-3.0-or-later */
/* custos-pages.h — which page of the window shows which part of the ISMS */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The page name ("context", "risks" …) that shows a register or a section. */
const char *custos_page_for_register (int reg);
const char *custos_page_for_section  (int section);

G_END_DECLS
