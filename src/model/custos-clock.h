/* SPDX-License-Identifier: GPL-3.0-or-later */
/* custos-clock.h — what "today" is, for every layer */
#pragma once

#include <glib-object.h>

#include "custos-date.h"

G_BEGIN_DECLS

#define CUSTOS_CLOCK_ERROR (custos_clock_error_quark ())

typedef enum
{
  CUSTOS_CLOCK_ERROR_INVALID_DATE, /* CUSTOS_TODAY is set but not a date */
} CustosClockError;

#define CUSTOS_TYPE_CLOCK (custos_clock_get_type ())
G_DECLARE_FINAL_TYPE (CustosClock, custos_clock, CUSTOS, CLOCK, GObject)

GQuark       custos_clock_error_quark          (void);

/* The local date. It moves on at local midnight, and whenever
 * custos_clock_refresh() finds that it has (after a suspend, say). */
CustosClock *custos_clock_new_system           (void);
/* Always date, until custos_clock_set_today(). */
CustosClock *custos_clock_new_fixed            (const GDate  *date);
/* The clock the application runs on: fixed at the date in the environment
 * variable CUSTOS_TODAY (YYYY-MM-DD) when it is set, so that scripts and
 * tests can pin it, else the system clock. NULL with
 * CUSTOS_CLOCK_ERROR_INVALID_DATE when CUSTOS_TODAY is not a date. */
CustosClock *custos_clock_new_from_environment (GError      **error);

/* Today, as of this clock (the "today" property, notified when it moves). */
const GDate *custos_clock_get_today            (CustosClock  *self);
/* Today as YYYY-MM-DD. */
void         custos_clock_get_today_iso        (CustosClock  *self,
                                                char          buffer[CUSTOS_DATE_ISO_SIZE]);
/* Pins the clock at date (valid): it no longer follows the system date. */
void         custos_clock_set_today            (CustosClock  *self,
                                                const GDate  *date);
/* A system clock reads the local date again; a pinned one stays. */
void         custos_clock_refresh              (CustosClock  *self);

/* For objects that follow a clock: makes *slot hold clock (a new reference;
 * NULL: a new system clock) and calls changed (owner) whenever that clock's
 * date moves, instead of the old clock's (changed may be NULL). FALSE when
 * *slot held clock already. */
gboolean     custos_clock_watch                (CustosClock **slot,
                                                CustosClock  *clock,
                                                GCallback     changed,
                                                gpointer      owner);
/* Stops following *slot and clears it (in dispose). */
void         custos_clock_unwatch              (CustosClock **slot,
                                                gpointer      owner);

/* The local date now, which a system clock shows. */
void         custos_clock_get_local_date       (GDate        *date);

G_END_DECLS
