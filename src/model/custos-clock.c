/* SPDX-License-Identifier: GPL-3.0-or-later */
/* custos-clock.c — what "today" is, for every layer
 *
 * Overdue actions, expired training, audit coverage and the date a review or
 * a nonconformity is raised on all depend on the date. One clock answers
 * them all: the application makes one (honouring CUSTOS_TODAY) and hands it
 * to the command line and to every window, which hands it to its pages;
 * tests hand them a fixed one. A system clock moves on at local midnight and
 * says so through notify::today, so that a window left open overnight shows
 * tomorrow's findings.
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "custos-clock.h"
#include "custos-date.h"

struct _CustosClock
{
  GObject  parent_instance;

  GDate    today;
  gboolean fixed;
  guint    midnight_id;
};

G_DEFINE_FINAL_TYPE (CustosClock, custos_clock, G_TYPE_OBJECT)
G_DEFINE_QUARK (custos-clock-error-quark, custos_clock_error)

enum {
  PROP_0,
  PROP_TODAY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

void
custos_clock_get_local_date (GDate *date)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  g_return_if_fail (date != NULL);

  g_date_clear (date, 1);
  g_date_set_dmy (date, (GDateDay) g_date_time_get_day_of_month (now),
                  (GDateMonth) g_date_time_get_month (now), (GDateYear) g_date_time_get_year (now));
}

static void
set_today (CustosClock *self,
           const GDate *date)
{
  if (g_date_valid (&self->today) && g_date_compare (&self->today, date) == 0)
    return;
  self->today = *date;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TODAY]);
}

static gboolean on_midnight (gpointer user_data);

/* Wakes up just after the next local midnight. */
static void
schedule_midnight (CustosClock *self)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GDateTime) today = g_date_time_new_local (g_date_time_get_year (now), g_date_time_get_month (now),
                                                      g_date_time_get_day_of_month (now), 0, 0, 0);
  g_autoptr(GDateTime) tomorrow = g_date_time_add_days (today, 1);
  GTimeSpan until = g_date_time_difference (tomorrow, now);

  g_clear_handle_id (&self->midnight_id, g_source_remove);
  self->midnight_id = g_timeout_add_seconds ((guint) (until / G_USEC_PER_SEC) + 1, on_midnight, self);
}

static gboolean
on_midnight (gpointer user_data)
{
  CustosClock *self = user_data;

  self->midnight_id = 0;
  custos_clock_refresh (self);
  return G_SOURCE_REMOVE;
}

static void
custos_clock_finalize (GObject *object)
{
  CustosClock *self = CUSTOS_CLOCK (object);

  g_clear_handle_id (&self->midnight_id, g_source_remove);

  G_OBJECT_CLASS (custos_clock_parent_class)->finalize (object);
}

static void
custos_clock_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  CustosClock *self = CUSTOS_CLOCK (object);

  switch (prop_id)
    {
    case PROP_TODAY:
      g_value_set_boxed (value, &self->today);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
custos_clock_class_init (CustosClockClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = custos_clock_finalize;
  object_class->get_property = custos_clock_get_property;

  properties[PROP_TODAY] = g_param_spec_boxed ("today", NULL, NULL, G_TYPE_DATE,
                                               G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
custos_clock_init (CustosClock *self)
{
  g_date_clear (&self->today, 1);
}

CustosClock *
custos_clock_new_system (void)
{
  CustosClock *self = g_object_new (CUSTOS_TYPE_CLOCK, NULL);

  custos_clock_refresh (self);
  return self;
}

CustosClock *
custos_clock_new_fixed (const GDate *date)
{
  CustosClock *self;

  g_return_val_if_fail (date != NULL && g_date_valid (date), NULL);

  self = g_object_new (CUSTOS_TYPE_CLOCK, NULL);
  custos_clock_set_today (self, date);
  return self;
}

CustosClock *
custos_clock_new_from_environment (GError **error)
{
  const char *pinned = g_getenv ("CUSTOS_TODAY");
  GDate date;

  if (pinned == NULL || *pinned == '\0')
    return custos_clock_new_system ();
  if (!custos_date_parse (pinned, &date))
    {
      g_set_error (error, CUSTOS_CLOCK_ERROR, CUSTOS_CLOCK_ERROR_INVALID_DATE,
                   _("CUSTOS_TODAY is “%s”, not a date of the form YYYY-MM-DD"), pinned);
      return NULL;
    }
  return custos_clock_new_fixed (&date);
}

const GDate *
custos_clock_get_today (CustosClock *self)
{
  g_return_val_if_fail (CUSTOS_IS_CLOCK (self), NULL);
  return &self->today;
}

void
custos_clock_get_today_iso (CustosClock *self,
                            char         buffer[CUSTOS_DATE_ISO_SIZE])
{
  g_return_if_fail (CUSTOS_IS_CLOCK (self));
  custos_date_format_iso (&self->today, buffer);
}

void
custos_clock_set_today (CustosClock *self,
                        const GDate *date)
{
  g_return_if_fail (CUSTOS_IS_CLOCK (self));
  g_return_if_fail (date != NULL && g_date_valid (date));

  self->fixed = TRUE;
  g_clear_handle_id (&self->midnight_id, g_source_remove);
  set_today (self, date);
}

void
custos_clock_refresh (CustosClock *self)
{
  GDate date;

  g_return_if_fail (CUSTOS_IS_CLOCK (self));

  if (self->fixed)
    return;
  custos_clock_get_local_date (&date);
  set_today (self, &date);
  schedule_midnight (self);
}

gboolean
custos_clock_watch (CustosClock **slot,
                    CustosClock  *clock,
                    GCallback     changed,
                    gpointer      owner)
{
  g_autoptr(CustosClock) own = NULL;

  g_return_val_if_fail (slot != NULL, FALSE);
  g_return_val_if_fail (clock == NULL || CUSTOS_IS_CLOCK (clock), FALSE);

  if (clock == NULL)
    clock = own = custos_clock_new_system ();
  if (*slot == clock)
    return FALSE;
  custos_clock_unwatch (slot, owner);
  *slot = g_object_ref (clock);
  if (changed != NULL)
    g_signal_connect_swapped (clock, "notify::today", changed, owner);
  return TRUE;
}

void
custos_clock_unwatch (CustosClock **slot,
                      gpointer      owner)
{
  g_return_if_fail (slot != NULL);

  if (*slot == NULL)
    return;
  g_signal_handlers_disconnect_by_data (*slot, owner);
  g_clear_object (slot);
}
