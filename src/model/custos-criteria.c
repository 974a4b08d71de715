/* SPDX-License-Identifier: GPL-3.0-or-later */
/* custos-criteria.c — likelihood and consequence scales, scoring, bands */
#include "config.h"

#include <glib/gi18n-lib.h>

#include <monetary.h>
#include <string.h>

#include "custos-criteria.h"

struct _CustosCriteria
{
  GObject        parent_instance;

  CustosScoring  scoring;
  GArray        *levels[2]; /* of CustosLevel, index = value - 1 */
  GArray        *bands;     /* of CustosBand, ascending */
};

G_DEFINE_FINAL_TYPE (CustosCriteria, custos_criteria, G_TYPE_OBJECT)

enum {
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
clear_level (gpointer data)
{
  CustosLevel *level = data;

  g_clear_pointer (&level->label, g_free);
  g_clear_pointer (&level->meaning, g_free);
}

static void
clear_band (gpointer data)
{
  CustosBand *band = data;

  g_clear_pointer (&band->name, g_free);
  g_clear_pointer (&band->colour, g_free);
  g_clear_pointer (&band->action, g_free);
  g_clear_pointer (&band->timescale, g_free);
  g_clear_pointer (&band->accepted_by, g_free);
}

static void
custos_criteria_finalize (GObject *object)
{
  CustosCriteria *self = CUSTOS_CRITERIA (object);

  g_array_unref (self->levels[0]);
  g_array_unref (self->levels[1]);
  g_array_unref (self->bands);

  G_OBJECT_CLASS (custos_criteria_parent_class)->finalize (object);
}

static void
custos_criteria_class_init (CustosCriteriaClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = custos_criteria_finalize;

  /**
   * CustosCriteria::changed:
   * Emitted after any change of scales, scoring or bands.
   */
  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
custos_criteria_init (CustosCriteria *self)
{
  for (guint i = 0; i < 2; i++)
    {
      self->levels[i] = g_array_new (FALSE, TRUE, sizeof (CustosLevel));
      g_array_set_clear_func (self->levels[i], clear_level);
    }
  self->bands = g_array_new (FALSE, TRUE, sizeof (CustosBand));
  g_array_set_clear_func (self->bands, clear_band);
}

CustosCriteria *
custos_criteria_new (void)
{
  return g_object_new (CUSTOS_TYPE_CRITERIA, NULL);
}

/* amount as the locale writes money, without cents: "£1,000", "1.000 €"; plain
 * digits where the locale has no currency (C). */
static char *
money (double amount)
{
  char text[64];

  if (strfmon (text, sizeof text, "%.0n", amount) < 0 || !g_utf8_validate (text, -1, NULL))
    return g_strdup_printf ("%.0f", amount);
  return g_strdup (g_strstrip (text));
}

/* The default of a new document: 5 × 5, score = likelihood × consequence, four bands. */
CustosCriteria *
custos_criteria_new_default (void)
{
  CustosCriteria *self = custos_criteria_new ();
  const CustosLevel likelihood[] = {
    { _("Rare"), _("Less than once in ten years") },
    { _("Unlikely"), _("Once in three to ten years") },
    { _("Possible"), _("Once in one to three years") },
    { _("Likely"), _("Once or several times a year") },
    { _("Almost certain"), _("Monthly or more often") },
  };
  /* Amounts in the currency of the user's locale (LC_MONETARY), not pounds everywhere. */
  g_autofree char *m1 = money (1000), *m10 = money (10000), *m50 = money (50000), *m250 = money (250000);
  /* TRANSLATORS: %s are amounts of money in the user's currency, e.g. "£1,000" */
  g_autofree char *negligible = g_strdup_printf (_("Under %s; no effect on clients"), m1);
  g_autofree char *minor = g_strdup_printf (_("%s to %s; brief disruption, no client data exposed"), m1, m10);
  g_autofree char *moderate = g_strdup_printf (_("%s to %s; a client affected, a day of disruption"), m10, m50);
  g_autofree char *major = g_strdup_printf (_("%s to %s; reportable breach, several clients affected"), m50, m250);
  g_autofree char *severe = g_strdup_printf (_("Over %s; loss of clients or licence, regulatory action"), m250);
  const CustosLevel consequence[] = {
    { _("Negligible"), negligible },
    { _("Minor"), minor },
    { _("Moderate"), moderate },
    { _("Major"), major },
    { _("Severe"), severe },
  };
  const CustosBand bands[] = {
    { _("Low"), "#33d17a", 1, 4, _("Accept and monitor through the normal review cycle."),
      _("Review yearly"), TRUE, _("Risk owner") },
    { _("Medium"), "#f6d32d", 5, 9, _("Reduce where cost-effective; otherwise the risk owner may accept it."),
      _("Within 6 months"), TRUE, _("Risk owner") },
    { _("High"), "#ff7800", 10, 16, _("Treat: plan controls to bring the risk down; acceptance needs top-management approval."),
      _("Within 3 months"), FALSE, _("Top management") },
    { _("Critical"), "#e01b24", 17, 25, _("Act now: treat immediately and report to top management."),
      _("Within 1 month"), FALSE, _("Top management") },
  };

  custos_criteria_set_levels (self, CUSTOS_SCALE_LIKELIHOOD, likelihood, G_N_ELEMENTS (likelihood));
  custos_criteria_set_levels (self, CUSTOS_SCALE_CONSEQUENCE, consequence, G_N_ELEMENTS (consequence));
  custos_criteria_set_bands (self, bands, G_N_ELEMENTS (bands));
  return self;
}

CustosCriteria *
custos_criteria_copy (CustosCriteria *self)
{
  CustosCriteria *copy = custos_criteria_new ();

  copy->scoring = self->scoring;
  for (guint s = 0; s < 2; s++)
    custos_criteria_set_levels (copy, s, (CustosLevel *) (gpointer) self->levels[s]->data, self->levels[s]->len);
  custos_criteria_set_bands (copy, (CustosBand *) (gpointer) self->bands->data, self->bands->len);
  return copy;
}

gboolean
custos_criteria_equal (CustosCriteria *a,
                       CustosCriteria *b)
{
  if (a->scoring != b->scoring || a->bands->len != b->bands->len)
    return FALSE;
  for (guint s = 0; s < 2; s++)
    {
      if (a->levels[s]->len != b->levels[s]->len)
        return FALSE;
      for (guint i = 0; i < a->levels[s]->len; i++)
        {
          CustosLevel *x = &g_array_index (a->levels[s], CustosLevel, i);
          CustosLevel *y = &g_array_index (b->levels[s], CustosLevel, i);
          if (g_strcmp0 (x->label, y->label) != 0 || g_strcmp0 (x->meaning, y->meaning) != 0)
            return FALSE;
        }
    }
  for (guint i = 0; i < a->bands->len; i++)
    {
      CustosBand *x = &g_array_index (a->bands, CustosBand, i);
      CustosBand *y = &g_array_index (b->bands, CustosBand, i);
      if (x->min != y->min || x->max != y->max || !x->acceptable != !y->acceptable ||
          g_strcmp0 (x->name, y->name) != 0 || g_strcmp0 (x->colour, y->colour) != 0 ||
          g_strcmp0 (x->action, y->action) != 0 || g_strcmp0 (x->timescale, y->timescale) != 0 ||
          g_strcmp0 (x->accepted_by, y->accepted_by) != 0)
        return FALSE;
    }
  return TRUE;
}

CustosScoring
custos_criteria_get_scoring (CustosCriteria *self)
{
  g_return_val_if_fail (CUSTOS_IS_CRITERIA (self), CUSTOS_SCORING_PRODUCT);
  return self->scoring;
}

void
custos_criteria_set_scoring (CustosCriteria *self,
                             CustosScoring   scoring)
{
  g_return_if_fail (CUSTOS_IS_CRITERIA (self));

  if (self->scoring == scoring)
    return;
  self->scoring = scoring;
  g_signal_emit (self, signals[CHANGED], 0);
}

guint
custos_criteria_get_n_levels (CustosCriteria *self,
                              CustosScale     scale)
{
  g_return_val_if_fail (CUSTOS_IS_CRITERIA (self), 0);
  g_return_val_if_fail (scale <= CUSTOS_SCALE_CONSEQUENCE, 0);
  return self->levels[scale]->len;
}

const CustosLevel *
custos_criteria_get_level (CustosCriteria *self,
                           CustosScale     scale,
                           guint           value)
{
  g_return_val_if_fail (CUSTOS_IS_CRITERIA (self), NULL);
  g_return_val_if_fail (scale <= CUSTOS_SCALE_CONSEQUENCE, NULL);

  if (value < 1 || value > self->levels[scale]->len)
    return NULL;
  return &g_array_index (self->levels[scale], CustosLevel, value - 1);
}

void
custos_criteria_set_levels (CustosCriteria    *self,
                            CustosScale        scale,
                            const CustosLevel *levels,
                            guint              n_levels)
{
  GArray *array;

  g_return_if_fail (CUSTOS_IS_CRITERIA (self));
  g_return_if_fail (scale <= CUSTOS_SCALE_CONSEQUENCE);

  array = g_array_sized_new (FALSE, TRUE, sizeof (CustosLevel), n_levels);
  g_array_set_clear_func (array, clear_level);
  for (guint i = 0; i < n_levels; i++)
    {
      CustosLevel level = { g_strdup (levels[i].label), g_strdup (levels[i].meaning) };
      g_array_append_val (array, level);
    }
  g_array_unref (self->levels[scale]);
  self->levels[scale] = array;
  g_signal_emit (self, signals[CHANGED], 0);
}

guint
custos_criteria_get_n_bands (CustosCriteria *self)
{
  g_return_val_if_fail (CUSTOS_IS_CRITERIA (self), 0);
  return self->bands->len;
}

const CustosBand *
custos_criteria_get_band (CustosCriteria *self,
                          guint           index)
{
  g_return_val_if_fail (CUSTOS_IS_CRITERIA (self), NULL);
  g_return_val_if_fail (index < self->bands->len, NULL);
  return &g_array_index (self->bands, CustosBand, index);
}

void
custos_criteria_set_bands (CustosCriteria   *self,
                           const CustosBand *bands,
                           guint             n_bands)
{
  GArray *array;

  g_return_if_fail (CUSTOS_IS_CRITERIA (self));

  array = g_array_sized_new (FALSE, TRUE, sizeof (CustosBand), n_bands);
  g_array_set_clear_func (array, clear_band);
  for (guint i = 0; i < n_bands; i++)
    {
      CustosBand band = bands[i];
      band.name = g_strdup (bands[i].name);
      band.colour = g_strdup (bands[i].colour);
      band.action = g_strdup (bands[i].action);
      band.timescale = g_strdup (bands[i].timescale);
      band.accepted_by = g_strdup (bands[i].accepted_by);
      g_array_append_val (array, band);
    }
  g_array_unref (self->bands);
  self->bands = array;
  g_signal_emit (self, signals[CHANGED], 0);
}

int
custos_criteria_score (CustosCriteria *self,
                       int             likelihood,
                       int             consequence)
{
  g_return_val_if_fail (CUSTOS_IS_CRITERIA (self), 0);

  if (likelihood < 1 || consequence < 1 ||
      (guint) likelihood > self->levels[CUSTOS_SCALE_LIKELIHOOD]->len ||
      (guint) consequence > self->levels[CUSTOS_SCALE_CONSEQUENCE]->len)
    return 0;
  if (self->scoring == CUSTOS_SCORING_SUM)
    return likelihood + consequence;
  return likelihood * consequence;
}

int
custos_criteria_min_score (CustosCriteria *self)
{
  return custos_criteria_score (self, 1, 1);
}

int
custos_criteria_max_score (CustosCriteria *self)
{
  return custos_criteria_score (self, (int) self->levels[CUSTOS_SCALE_LIKELIHOOD]->len,
                                (int) self->levels[CUSTOS_SCALE_CONSEQUENCE]->len);
}

int
custos_criteria_band_index (CustosCriteria *self,
                            int             score)
{
  g_return_val_if_fail (CUSTOS_IS_CRITERIA (self), -1);

  if (score <= 0)
    return -1;
  for (guint i = 0; i < self->bands->len; i++)
    {
      CustosBand *band = &g_array_index (self->bands, CustosBand, i);
      if (score >= band->min && score <= band->max)
        return (int) i;
    }
  return -1;
}

int
custos_criteria_acceptance_threshold (CustosCriteria *self)
{
  for (guint i = 0; i < self->bands->len; i++)
    {
      CustosBand *band = &g_array_index (self->bands, CustosBand, i);
      if (!band->acceptable)
        return band->min;
    }
  return G_MAXINT;
}

static gboolean
colour_is_valid (const char *colour)
{
  if (colour == NULL || strlen (colour) != 7 || colour[0] != '#')
    return FALSE;
  for (guint i = 1; i < 7; i++)
    if (!g_ascii_isxdigit (colour[i]))
      return FALSE;
  return TRUE;
}

static gboolean
invalid (char       **message,
         char        *text)
{
  if (message != NULL)
    *message = text;
  else
    g_free (text);
  return FALSE;
}

gboolean
custos_criteria_validate (CustosCriteria  *self,
                          char           **message)
{
  const char *scale_names[] = { N_("likelihood"), N_("consequence") };
  int expected;

  for (guint s = 0; s < 2; s++)
    {
      guint n = self->levels[s]->len;

      if (n < CUSTOS_MIN_LEVELS || n > CUSTOS_MAX_LEVELS)
        return invalid (message, g_strdup_printf (_("The %s scale has %u levels; it needs %d to %d"),
                                                  _(scale_names[s]), n, CUSTOS_MIN_LEVELS, CUSTOS_MAX_LEVELS));
      for (guint i = 0; i < n; i++)
        if (g_array_index (self->levels[s], CustosLevel, i).label == NULL)
          return invalid (message, g_strdup_printf (_("Level %u of the %s scale has no label"),
                                                    i + 1, _(scale_names[s])));
    }
  if (self->bands->len == 0)
    return invalid (message, g_strdup (_("The risk criteria define no score bands")));

  expected = custos_criteria_min_score (self);
  for (guint i = 0; i < self->bands->len; i++)
    {
      CustosBand *band = &g_array_index (self->bands, CustosBand, i);

      if (band->name == NULL)
        return invalid (message, g_strdup_printf (_("Score band %u has no name"), i + 1));
      if (!colour_is_valid (band->colour))
        return invalid (message, g_strdup_printf (_("Score band “%s” has no valid colour (#rrggbb)"), band->name));
      if (band->min != expected || band->max < band->min)
        return invalid (message, g_strdup_printf (_("Score band “%s” covers %d to %d; it should start at %d so that the bands are contiguous"),
                                                  band->name, band->min, band->max, expected));
      expected = band->max + 1;
    }
  if (expected <= custos_criteria_max_score (self))
    return invalid (message, g_strdup_printf (_("The score bands end at %d but scores reach %d"),
                                              expected - 1, custos_criteria_max_score (self)));
  return TRUE;
}
