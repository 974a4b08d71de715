/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "custos-clock.h"

G_BEGIN_DECLS

#define CUSTOS_TYPE_APPLICATION (custos_application_get_type ())
G_DECLARE_FINAL_TYPE (CustosApplication, custos_application, CUSTOS, APPLICATION, AdwApplication)

CustosApplication *custos_application_new         (void);
/* Today for every window: CUSTOS_TODAY when set (as on the command line),
 * else the local date. Set up when the application starts. */
CustosClock       *custos_application_get_clock   (CustosApplication *self);
/* Opens a window on file, or on a new document when file is NULL. A file
 * already open in a window brings that window to the front instead. */
void               custos_application_open_window (CustosApplication *self,
                                                   GFile             *file);

/* Ends the application without asking, as a signal asks (SIGTERM, SIGHUP,
 * SIGINT): every window's unsaved work goes to its recovery copy, to be
 * offered back at the next start, and every window closes, taking its lock
 * file with it. */
void               custos_application_terminate (CustosApplication *self);

/* Offers back, once per run, the unsaved work a crashed session left. */
void               custos_application_offer_recovery (CustosApplication *self);

G_END_DECLS
