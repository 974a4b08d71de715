/* SPDX-License-Identifier: GPL-3.0-or-later */
/* custos-review-prefill.c — the inputs of a management review (9.3.2),
 * written from the document's own records
 *
 * Top management reviews what the ISMS already records: the status of
 * earlier review actions, issues and interested parties, nonconformities,
 * monitoring results, audits, objectives, risks and the treatment plan. Each
 * input becomes a short summary line with the counts, then one bullet per
 * record worth discussing, so the minutes start from facts and the meeting
 * spends its time on decisions.
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "custos-enums.h"
#include "custos-labels.h"
#include "custos-review-prefill.h"

/* Lists longer than this end with "and N more". */
#define MAX_ITEMS 12
/* Prose quoted in a bullet is cut to about this many characters. */
#define MAX_QUOTE 110

typedef struct
{
  CustosReviewField  field;
  const char        *clause;
} InputInfo;

static const InputInfo inputs[CUSTOS_N_REVIEW_INPUTS] = {
  [CUSTOS_REVIEW_INPUT_PREVIOUS_ACTIONS] = { CUSTOS_REVIEW_FIELD_PREVIOUS_ACTIONS, "9.3.2 a)" },
  [CUSTOS_REVIEW_INPUT_ISSUE_CHANGES] = { CUSTOS_REVIEW_FIELD_ISSUE_CHANGES, "9.3.2 b)" },
  [CUSTOS_REVIEW_INPUT_PARTY_CHANGES] = { CUSTOS_REVIEW_FIELD_PARTY_CHANGES, "9.3.2 c)" },
  [CUSTOS_REVIEW_INPUT_NONCONFORMITIES] = { CUSTOS_REVIEW_FIELD_NONCONFORMITIES, "9.3.2 d) 1)" },
  [CUSTOS_REVIEW_INPUT_MONITORING] = { CUSTOS_REVIEW_FIELD_MONITORING, "9.3.2 d) 2)" },
  [CUSTOS_REVIEW_INPUT_AUDITS] = { CUSTOS_REVIEW_FIELD_AUDITS, "9.3.2 d) 3)" },
  [CUSTOS_REVIEW_INPUT_OBJECTIVES] = { CUSTOS_REVIEW_FIELD_OBJECTIVES, "9.3.2 d) 4)" },
  [CUSTOS_REVIEW_INPUT_FEEDBACK] = { CUSTOS_REVIEW_FIELD_FEEDBACK, "9.3.2 e)" },
  [CUSTOS_REVIEW_INPUT_RISKS] = { CUSTOS_REVIEW_FIELD_RISKS, "9.3.2 f)" },
  [CUSTOS_REVIEW_INPUT_OPPORTUNITIES] = { CUSTOS_REVIEW_FIELD_OPPORTUNITIES, "9.3.2 g)" },
};

CustosReviewField
custos_review_input_field (CustosReviewInput input)
{
  g_return_val_if_fail (input < CUSTOS_N_REVIEW_INPUTS, CUSTOS_REVIEW_N_FIELDS);
  return inputs[input].field;
}

const char *
custos_review_input_clause (CustosReviewInput input)
{
  g_return_val_if_fail (input < CUSTOS_N_REVIEW_INPUTS, NULL);
  return inputs[input].clause;
}

/* Helpers --------------------------------------------------------------- */

/* Borrowed: the register's store keeps its records. */
static CustosRecord *
item_at (GListModel *model,
         guint       position)
{
  g_autoptr(CustosRecord) record = g_list_model_get_item (model, position);
  return record;
}

/* A treatment or review action still to be done. */
static gboolean
is_open_action (int status)
{
  return status == CUSTOS_ACTION_STATUS_PLANNED || status == CUSTOS_ACTION_STATUS_IN_PROGRESS;
}

/* A date field before today. */
static gboolean
is_past (const char  *iso,
         const GDate *today)
{
  GDate date;

  return custos_date_parse (iso, &date) && g_date_compare (&date, today) < 0;
}

/* Prose on one line, cut at a word near max characters. */
static char *
quote (const char *text,
       guint       max)
{
  g_autofree char *line = g_strdup (text != NULL ? text : "");
  glong length;
  const char *cut;

  g_strdelimit (line, "\n\r\t", ' ');
  g_strstrip (line);
  length = g_utf8_strlen (line, -1);
  if (length <= (glong) max)
    return g_steal_pointer (&line);
  cut = g_utf8_offset_to_pointer (line, max);
  while (cut > line && *cut != ' ')
    cut--;
  if (cut == line)
    cut = g_utf8_offset_to_pointer (line, max);
  return g_strdup_printf ("%.*s…", (int) (cut - line), line);
}

/* "Done: 3, In progress: 1" for the values of an enum with a count. */
static char *
count_by_value (GType        enum_type,
                const guint *counts,
                guint        n_values)
{
  GString *text = g_string_new (NULL);

  for (guint v = 0; v < n_values; v++)
    if (counts[v] > 0)
      {
        if (text->len > 0)
          g_string_append (text, ", ");
        /* Translators: one count in a list of counts, e.g. "Done: 3" */
        g_string_append_printf (text, _("%s: %u"), custos_enum_value_label (enum_type, (int) v), counts[v]);
      }
  return g_string_free (text, FALSE);
}

/* A bullet list that stops after MAX_ITEMS with "and N more". */
typedef struct
{
  GString *text;
  guint    n;
} List;

static void G_GNUC_PRINTF (2, 3)
list_add (List       *list,
          const char *format,
          ...)
{
  va_list args;

  list->n++;
  if (list->n > MAX_ITEMS)
    return;
  g_string_append (list->text, "\n• ");
  va_start (args, format);
  g_string_append_vprintf (list->text, format, args);
  va_end (args);
}

static void
list_finish (List *list)
{
  if (list->n > MAX_ITEMS)
    {
      guint more = list->n - MAX_ITEMS;

      g_string_append (list->text, "\n• ");
      /* Translators: the end of a long list in a management review input */
      g_string_append_printf (list->text, g_dngettext (GETTEXT_PACKAGE, "and %u more", "and %u more", more), more);
    }
}

static const char *
title_or_id (CustosRecord *record)
{
  const char *title = custos_record_get_title (record);
  return title != NULL ? title : custos_record_get_id (record);
}

/* The holder of the role a REF field names ("Rachel Booth"), else the role's
 * title, else NULL. */
static const char *
owner_name (CustosDocument *document,
            const char     *role_id)
{
  CustosRecord *role = custos_document_lookup (document, CUSTOS_REGISTER_ROLES, role_id);

  if (role == NULL)
    return NULL;
  if (custos_role_get_holder (CUSTOS_ROLE (role)) != NULL)
    return custos_role_get_holder (CUSTOS_ROLE (role));
  return custos_role_get_title (CUSTOS_ROLE (role));
}

/* A number as people write it (locale-independent, no trailing zeros), with its unit. */
static char *
format_value (double      value,
              const char *unit)
{
  char buffer[G_ASCII_DTOSTR_BUF_SIZE];
  char *end;

  g_ascii_formatd (buffer, sizeof buffer, "%.3f", value);
  if (strchr (buffer, '.') != NULL)
    {
      end = buffer + strlen (buffer) - 1;
      while (*end == '0')
        *end-- = '\0';
      if (*end == '.')
        *end = '\0';
    }
  if (strcmp (buffer, "-0") == 0)
    strcpy (buffer, "0");
  return unit != NULL && *unit != '\0' ? g_strdup_printf ("%s %s", buffer, unit) : g_strdup (buffer);
}

CustosRecord *
custos_review_prefill_previous (CustosDocument *document,
                                const GDate    *date,
                                CustosRecord   *exclude)
{
  GListModel *reviews;
  CustosRecord *previous = NULL;
  GDate previous_date;

  g_return_val_if_fail (CUSTOS_IS_DOCUMENT (document), NULL);
  g_return_val_if_fail (date != NULL && g_date_valid (date), NULL);

  reviews = custos_document_get_register (document, CUSTOS_REGISTER_REVIEWS);
  g_date_clear (&previous_date, 1);
  for (guint i = 0, n = g_list_model_get_n_items (reviews); i < n; i++)
    {
      CustosRecord *review = item_at (reviews, i);
      GDate held;

      if (review == exclude || !custos_date_parse (custos_review_get_date (CUSTOS_REVIEW (review)), &held) ||
          g_date_compare (&held, date) >= 0)
        continue;
      if (previous == NULL || g_date_compare (&held, &previous_date) > 0)
        {
          previous = review;
          previous_date = held;
        }
    }
  return previous;
}

/* "MR-001 (2026-09-22)" */
static char *
review_label (CustosRecord *review)
{
  const char *date = custos_review_get_date (CUSTOS_REVIEW (review));
  return date != NULL ? g_strdup_printf ("%s (%s)", custos_record_get_id (review), date)
                      : g_strdup (custos_record_get_id (review));
}

/* a) Status of actions from previous management reviews ------------------ */

static char *
previous_actions (CustosDocument *document,
                  const GDate    *today,
                  CustosRecord   *exclude)
{
  GListModel *actions = custos_document_get_register (document, CUSTOS_REGISTER_REVIEW_ACTIONS);
  const char *exclude_id = exclude != NULL ? custos_record_get_id (exclude) : NULL;
  guint counts[CUSTOS_ACTION_STATUS_CANCELLED + 1] = { 0 };
  guint total = 0, overdue = 0;
  GString *text = g_string_new (NULL);
  GString *items = g_string_new (NULL);
  List list = { items, 0 };
  g_autofree char *by_status = NULL;
  char today_iso[CUSTOS_DATE_ISO_SIZE];

  custos_date_format_iso (today, today_iso);
  for (guint i = 0, n = g_list_model_get_n_items (actions); i < n; i++)
    {
      CustosRecord *action = item_at (actions, i);
      int status = custos_review_action_get_status (CUSTOS_REVIEW_ACTION (action));

      if (exclude_id != NULL &&
          g_strcmp0 (custos_review_action_get_review (CUSTOS_REVIEW_ACTION (action)), exclude_id) ==
            0)
        continue;
      total++;
      if (status >= 0 && status <= CUSTOS_ACTION_STATUS_CANCELLED)
        counts[status]++;
    }
  if (total == 0)
    {
      g_string_free (items, TRUE);
      g_string_append (text, _("No actions from earlier management reviews are recorded."));
      return g_string_free (text, FALSE);
    }

  by_status = count_by_value (CUSTOS_TYPE_ACTION_STATUS, counts, G_N_ELEMENTS (counts));
  /* Translators: "5 actions from earlier management reviews: Done: 3, In progress: 1, Planned: 1." */
  g_string_append_printf (text, g_dngettext (GETTEXT_PACKAGE, "%u action from earlier management reviews: %s.",
                                             "%u actions from earlier management reviews: %s.", total),
                          total, by_status);

  for (guint i = 0, n = g_list_model_get_n_items (actions); i < n; i++)
    {
      CustosRecord *action = item_at (actions, i);
      int status = custos_review_action_get_status (CUSTOS_REVIEW_ACTION (action));
      const char *due = custos_review_action_get_due (CUSTOS_REVIEW_ACTION (action));
      const char   *owner =
        owner_name (document, custos_review_action_get_owner (CUSTOS_REVIEW_ACTION (action)));
      const char *label = custos_enum_value_label (CUSTOS_TYPE_ACTION_STATUS, status);
      const char *from = custos_review_action_get_review (CUSTOS_REVIEW_ACTION (action));
      const char *id = custos_record_get_id (action);
      gboolean late;

      if ((exclude_id != NULL &&
           g_strcmp0 (custos_review_action_get_review (CUSTOS_REVIEW_ACTION (action)),
                      exclude_id) == 0) ||
          status == CUSTOS_ACTION_STATUS_DONE || status == CUSTOS_ACTION_STATUS_CANCELLED)
        continue;
      late = is_past (custos_review_action_get_due (CUSTOS_REVIEW_ACTION (action)), today);
      overdue += late;
      from = from != NULL ? from : "—";
      owner = owner != NULL ? owner : _("no owner");
      if (due != NULL && late)
        /* Translators: a review action in a review input: id, title, review, status, owner, date */
        list_add (&list, _("%s “%s” (%s): %s, %s, overdue since %s"),
                  id, title_or_id (action), from, label, owner, due);
      else if (due != NULL)
        list_add (&list, _("%s “%s” (%s): %s, %s, due %s"), id, title_or_id (action), from, label, owner, due);
      else
        list_add (&list, _("%s “%s” (%s): %s, %s, no due date"), id, title_or_id (action), from, label, owner);
    }
  if (list.n == 0)
    g_string_append_printf (text, " %s", _("All of them are done or cancelled."));
  else
    {
      g_string_append_c (text, ' ');
      /* Translators: "2 still open, 1 of them overdue (as of 2026-11-28):" */
      g_string_append_printf (text, g_dngettext (GETTEXT_PACKAGE, "%u still open, %u of them overdue (as of %s):",
                                                 "%u still open, %u of them overdue (as of %s):", list.n),
                              list.n, overdue, today_iso);
    }
  list_finish (&list);
  g_string_append (text, items->str);
  g_string_free (items, TRUE);
  return g_string_free (text, FALSE);
}

/* b) Issues, c) interested parties --------------------------------------- */

/* Whether the previous review's text of a field names an id. */
static gboolean
mentioned (CustosRecord *review,
           guint         field,
           const char   *id)
{
  const char *text = review != NULL ? custos_record_get_string_at (review, field) : NULL;
  return text != NULL && id != NULL && strstr (text, id) != NULL;
}

static char *
issue_changes (CustosDocument *document,
               const GDate    *today,
               CustosRecord   *previous)
{
  GListModel *issues = custos_document_get_register (document, CUSTOS_REGISTER_ISSUES);
  guint n = g_list_model_get_n_items (issues), internal = 0, external = 0, unmentioned = 0;
  GString *text = g_string_new (NULL);
  List list = { text, 0 };

  if (n == 0)
    {
      g_string_append (text, _("No internal or external issues are recorded (clause 4.1)."));
      return g_string_free (text, FALSE);
    }
  for (guint i = 0; i < n; i++)
    {
      CustosRecord *issue = item_at (issues, i);

      if (custos_issue_get_kind (CUSTOS_ISSUE (issue)) == CUSTOS_ISSUE_KIND_EXTERNAL)
        external++;
      else
        internal++;
      if (previous != NULL &&
          !mentioned (previous, CUSTOS_REVIEW_FIELD_ISSUE_CHANGES, custos_record_get_id (issue)))
        unmentioned++;
    }
  /* Translators: "10 issues recorded: 4 internal, 6 external." */
  g_string_append_printf (text, g_dngettext (GETTEXT_PACKAGE, "%u issue recorded: %u internal, %u external.",
                                             "%u issues recorded: %u internal, %u external.", n),
                          n, internal, external);
  if (previous != NULL)
    {
      g_autofree char *label = review_label (previous);

      g_string_append_c (text, ' ');
      if (unmentioned == 0)
        g_string_append_printf (text, _("All of them were discussed at %s."), label);
      else
        /* Translators: "8 of them are not named in the minutes of MR-001 (2026-09-22); check them for changes:" */
        g_string_append_printf (text,
                                g_dngettext (GETTEXT_PACKAGE,
                                             "%u of them is not named in the minutes of %s; "
                                             "check it for changes:",
                                             "%u of them are not named in the minutes of %s; "
                                             "check them for changes:",
                                             unmentioned),
                                unmentioned, label);
    }
  for (guint i = 0; i < n; i++)
    {
      CustosRecord *issue = item_at (issues, i);
      const char *category = custos_issue_get_category (CUSTOS_ISSUE (issue));
      const char *kind = custos_enum_value_label (CUSTOS_TYPE_ISSUE_KIND,
                                                  custos_issue_get_kind (CUSTOS_ISSUE (issue)));
      g_autofree char *effect = quote (custos_issue_get_effect (CUSTOS_ISSUE (issue)), MAX_QUOTE);

      if (previous != NULL &&
          mentioned (previous, CUSTOS_REVIEW_FIELD_ISSUE_CHANGES, custos_record_get_id (issue)))
        continue;
      if (*effect != '\0')
        list_add (&list, "%s “%s” (%s%s%s): %s", custos_record_get_id (issue), title_or_id (issue), kind,
                  category ? ", " : "", category ? category : "", effect);
      else
        list_add (&list, "%s “%s” (%s%s%s)", custos_record_get_id (issue), title_or_id (issue), kind,
                  category ? ", " : "", category ? category : "");
    }
  list_finish (&list);
  return g_string_free (text, FALSE);
}

static char *
party_changes (CustosDocument *document)
{
  GListModel *parties = custos_document_get_register (document, CUSTOS_REGISTER_PARTIES);
  guint n = g_list_model_get_n_items (parties), relevant = 0;
  GString *text = g_string_new (NULL);
  List list = { text, 0 };

  if (n == 0)
    {
      g_string_append (text, _("No interested parties are recorded (clause 4.2)."));
      return g_string_free (text, FALSE);
    }
  for (guint i = 0; i < n; i++)
    relevant += custos_party_get_relevant (CUSTOS_PARTY (item_at (parties, i)));
  /* Translators: "10 interested parties recorded, 9 of them relevant to the ISMS; their needs and expectations:" */
  g_string_append_printf (text, g_dngettext (GETTEXT_PACKAGE,
                                             "%u interested party recorded, %u of them relevant to the ISMS; "
                                             "their needs and expectations:",
                                             "%u interested parties recorded, %u of them relevant to the ISMS; "
                                             "their needs and expectations:", n),
                          n, relevant);
  for (guint i = 0; i < n; i++)
    {
      CustosRecord *party = item_at (parties, i);
      g_autofree char *needs = quote (custos_party_get_needs (CUSTOS_PARTY (party)), MAX_QUOTE);

      if (!custos_party_get_relevant (CUSTOS_PARTY (party)))
        continue;
      list_add (&list, "%s %s: %s", custos_record_get_id (party), title_or_id (party),
                *needs != '\0' ? needs : _("needs not recorded"));
    }
  list_finish (&list);
  return g_string_free (text, FALSE);
}

/* d) 1) Nonconformities and corrective actions --------------------------- */

static char *
nonconformities (CustosDocument *document,
                 const GDate    *today,
                 CustosRecord   *previous)
{
  GListModel *ncs = custos_document_get_register (document, CUSTOS_REGISTER_NONCONFORMITIES);
  guint n = g_list_model_get_n_items (ncs);
  guint status[CUSTOS_NC_STATUS_CLOSED + 1] = { 0 }, effectiveness[CUSTOS_EFFECTIVENESS_NOT_EFFECTIVE + 1] = { 0 };
  guint overdue = 0, since = 0;
  GDate previous_date;
  GString *text = g_string_new (NULL);
  List list = { text, 0 };
  g_autofree char *by_status = NULL;
  g_autofree char *by_effectiveness = NULL;

  if (n == 0)
    {
      g_string_append (text, _("No nonconformities are recorded."));
      return g_string_free (text, FALSE);
    }
  if (previous == NULL ||
      !custos_date_parse (custos_review_get_date (CUSTOS_REVIEW (previous)), &previous_date))
    g_date_clear (&previous_date, 1);
  for (guint i = 0; i < n; i++)
    {
      CustosRecord *nc = item_at (ncs, i);
      int s = custos_nonconformity_get_status (CUSTOS_NONCONFORMITY (nc));
      int e = custos_nonconformity_get_effectiveness (CUSTOS_NONCONFORMITY (nc));
      GDate raised;

      if (s >= 0 && s <= CUSTOS_NC_STATUS_CLOSED)
        status[s]++;
      if (e >= 0 && e <= CUSTOS_EFFECTIVENESS_NOT_EFFECTIVE)
        effectiveness[e]++;
      /* Overdue: the corrective action is not done (verifying means it is). */
      if ((s == CUSTOS_NC_STATUS_OPEN || s == CUSTOS_NC_STATUS_ACTION_PLANNED) &&
          is_past (custos_nonconformity_get_due (CUSTOS_NONCONFORMITY (nc)), today))
        overdue++;
      if (g_date_valid (&previous_date) &&
          custos_date_parse (custos_nonconformity_get_raised (CUSTOS_NONCONFORMITY (nc)),
                             &raised) &&
          g_date_compare (&raised, &previous_date) >= 0)
        since++;
    }
  by_status = count_by_value (CUSTOS_TYPE_NC_STATUS, status, G_N_ELEMENTS (status));
  by_effectiveness = count_by_value (CUSTOS_TYPE_EFFECTIVENESS, effectiveness, G_N_ELEMENTS (effectiveness));
  /* Translators: "4 nonconformities: Action planned: 1, Verifying effectiveness: 1, Closed: 2." */
  g_string_append_printf (text, g_dngettext (GETTEXT_PACKAGE, "%u nonconformity: %s.", "%u nonconformities: %s.", n),
                          n, by_status);
  g_string_append_c (text, ' ');
  /* Translators: "Effectiveness of corrective actions: Effective: 2, Not yet reviewed: 2." */
  g_string_append_printf (text, _("Effectiveness of corrective actions: %s."), by_effectiveness);
  g_string_append_c (text, ' ');
  g_string_append_printf (text, g_dngettext (GETTEXT_PACKAGE, "%u corrective action overdue.",
                                             "%u corrective actions overdue.", overdue), overdue);
  if (previous != NULL)
    {
      g_autofree char *label = review_label (previous);

      g_string_append_c (text, ' ');
      /* Translators: "Raised since MR-001 (2026-09-22): 1." */
      g_string_append_printf (text, _("Raised since %s: %u."), label, since);
    }

  for (guint i = 0; i < n; i++)
    {
      CustosRecord *nc = item_at (ncs, i);
      int s = custos_nonconformity_get_status (CUSTOS_NONCONFORMITY (nc));
      const char *label = custos_enum_value_label (CUSTOS_TYPE_NC_STATUS, s);
      const char *source = custos_enum_value_label (CUSTOS_TYPE_NC_SOURCE,
                                                    custos_nonconformity_get_source (CUSTOS_NONCONFORMITY (nc)));
      const char *review = custos_nonconformity_get_effectiveness_review (CUSTOS_NONCONFORMITY (nc));
      const char *due = custos_nonconformity_get_due (CUSTOS_NONCONFORMITY (nc));

      if (s == CUSTOS_NC_STATUS_CLOSED)
        list_add (&list, _("%s “%s” (%s): %s, corrective action %s"), custos_record_get_id (nc), title_or_id (nc),
                  source, label,
                  custos_enum_value_label (CUSTOS_TYPE_EFFECTIVENESS,
                                           custos_nonconformity_get_effectiveness (CUSTOS_NONCONFORMITY (nc))));
      else if (s == CUSTOS_NC_STATUS_VERIFYING && review != NULL)
        list_add (&list, _("%s “%s” (%s): %s, effectiveness review on %s"), custos_record_get_id (nc),
                  title_or_id (nc), source, label, review);
      else if (due != NULL)
        list_add (&list, _("%s “%s” (%s): %s, corrective action due %s%s"),
                  custos_record_get_id (nc), title_or_id (nc), source, label, due,
                  is_past (custos_nonconformity_get_due (CUSTOS_NONCONFORMITY (nc)), today)
                    ? _(" (overdue)")
                    : "");
      else
        list_add (&list, _("%s “%s” (%s): %s, no due date"),
                  custos_record_get_id (nc), title_or_id (nc), source, label);
    }
  list_finish (&list);
  return g_string_free (text, FALSE);
}

/* d) 2) Monitoring and measurement results ------------------------------- */

static char *
monitoring (CustosDocument *document)
{
  GListModel *measures = custos_document_get_register (document, CUSTOS_REGISTER_MEASURES);
  GListModel *results = custos_document_get_register (document, CUSTOS_REGISTER_MEASUREMENTS);
  guint n = g_list_model_get_n_items (measures), n_results = g_list_model_get_n_items (results);
  guint met = 0, missed = 0, none = 0, no_target = 0;
  GString *items;
  List list;
  GString *text;

  if (n == 0)
    return g_strdup (_("Nothing is monitored or measured yet (clause 9.1)."));
  items = g_string_new (NULL);
  list = (List) { items, 0 };

  for (guint i = 0; i < n; i++)
    {
      CustosRecord *measure = item_at (measures, i);
      const char *id = custos_record_get_id (measure);
      const char *unit = custos_measure_get_unit (CUSTOS_MEASURE (measure));
      double target = custos_measure_get_target (CUSTOS_MEASURE (measure));
      gboolean higher = custos_measure_get_higher_is_better (CUSTOS_MEASURE (measure));
      CustosRecord *latest = NULL, *before = NULL;
      GDate latest_date, before_date;

      g_date_clear (&latest_date, 1);
      g_date_clear (&before_date, 1);
      /* The latest two results with a date and a value. */
      for (guint r = 0; r < n_results; r++)
        {
          CustosRecord *result = item_at (results, r);
          GDate date;

          if (g_strcmp0 (custos_measurement_get_measure (CUSTOS_MEASUREMENT (result)), id) != 0 ||
              !isfinite (custos_measurement_get_value (CUSTOS_MEASUREMENT (result))) ||
              !custos_date_parse (custos_measurement_get_date (CUSTOS_MEASUREMENT (result)), &date))
            continue;
          if (latest == NULL || g_date_compare (&date, &latest_date) >= 0)
            {
              before = latest, before_date = latest_date;
              latest = result, latest_date = date;
            }
          else if (before == NULL || g_date_compare (&date, &before_date) >= 0)
            before = result, before_date = date;
        }

      if (latest == NULL)
        {
          none++;
          list_add (&list, _("%s %s: no result yet"), id, title_or_id (measure));
          continue;
        }
      {
        double value = custos_measurement_get_value (CUSTOS_MEASUREMENT (latest));
        g_autofree char *value_text = format_value (value, unit);
        g_autofree char *trend = NULL;
        const char *verdict;

        if (before != NULL)
          {
            double previous_value = custos_measurement_get_value (CUSTOS_MEASUREMENT (before));
            g_autofree char *previous_text = format_value (previous_value, unit);

            /* Translators: the result before the latest one, e.g. "previous 7 %" */
            trend = g_strdup_printf (_("; previous %s"), previous_text);
          }
        if (!isfinite (target))
          {
            no_target++;
            verdict = _("no target set");
          }
        else
          {
            gboolean ok = higher ? value >= target : value <= target;
            g_autofree char *target_text = format_value (target, unit);

            ok ? met++ : missed++;
            /* Translators: "on target (5 %)" */
            verdict = ok ? _("on target") : _("off target");
            list_add (&list, _("%s %s: %s on %s, %s (target %s%s)"), id, title_or_id (measure),
                      value_text, custos_measurement_get_date (CUSTOS_MEASUREMENT (latest)),
                      verdict, target_text, trend ? trend : "");
            continue;
          }
        list_add (&list, _("%s %s: %s on %s, %s%s"), id, title_or_id (measure), value_text,
                  custos_measurement_get_date (CUSTOS_MEASUREMENT (latest)), verdict, trend ? trend : "");
      }
    }
  list_finish (&list);

  text = g_string_new (NULL);
  /* Translators: "6 measures; latest result on target: 5, off target: 1, no result yet: 0." */
  g_string_append_printf (text,
                          g_dngettext (GETTEXT_PACKAGE,
                                       "%u measure; latest result on target: %u, off target: %u, "
                                       "no result yet: %u.",
                                       "%u measures; latest result on target: %u, off target: %u, "
                                       "no result yet: %u.", n),
                          n, met, missed, none);
  if (no_target > 0)
    {
      g_string_append_c (text, ' ');
      g_string_append_printf (text, g_dngettext (GETTEXT_PACKAGE, "%u without a target.", "%u without a target.",
                                                 no_target), no_target);
    }
  g_string_append (text, items->str);
  g_string_free (items, TRUE);
  return g_string_free (text, FALSE);
}

/* d) 3) Audit results ---------------------------------------------------- */

static char *
audits (CustosDocument *document,
        const GDate    *today)
{
  GListModel *audit_list = custos_document_get_register (document, CUSTOS_REGISTER_AUDITS);
  GListModel *findings = custos_document_get_register (document, CUSTOS_REGISTER_FINDINGS);
  guint n = g_list_model_get_n_items (audit_list), n_findings = g_list_model_get_n_items (findings);
  guint types[CUSTOS_FINDING_TYPE_OPPORTUNITY + 1] = { 0 };
  guint done = 0, planned = 0;
  GString *text = g_string_new (NULL);
  List list = { text, 0 };
  GString *unraised = g_string_new (NULL);
  CustosRecord *next = NULL;
  GDate next_date;

  if (n == 0)
    {
      g_string_free (unraised, TRUE);
      g_string_append (text, _("No internal audit is planned or recorded (clause 9.2)."));
      return g_string_free (text, FALSE);
    }
  g_date_clear (&next_date, 1);
  for (guint i = 0; i < n; i++)
    {
      CustosRecord *audit = item_at (audit_list, i);
      int status = custos_audit_get_status (CUSTOS_AUDIT (audit));
      GDate date;

      if (custos_audit_get_done (CUSTOS_AUDIT (audit)) != NULL)
        done++;
      else if (status != CUSTOS_AUDIT_STATUS_CANCELLED)
        {
          planned++;
          if (custos_date_parse (custos_audit_get_planned (CUSTOS_AUDIT (audit)), &date) &&
              g_date_compare (&date, today) >= 0 &&
              (next == NULL || g_date_compare (&date, &next_date) < 0))
            next = audit, next_date = date;
        }
    }
  for (guint f = 0; f < n_findings; f++)
    {
      CustosRecord *finding = item_at (findings, f);
      int type = custos_finding_get_finding_type (CUSTOS_FINDING (finding));

      if (type >= 0 && type <= CUSTOS_FINDING_TYPE_OPPORTUNITY)
        types[type]++;
      if ((type == CUSTOS_FINDING_TYPE_MAJOR || type == CUSTOS_FINDING_TYPE_MINOR) &&
          custos_finding_get_nonconformity (CUSTOS_FINDING (finding)) == NULL)
        g_string_append_printf (unraised, "%s%s", unraised->len > 0 ? ", " : "", custos_record_get_id (finding));
    }

  /* Translators: "4 audits in the programme: 2 carried out, 2 planned." */
  g_string_append_printf (text, g_dngettext (GETTEXT_PACKAGE, "%u audit in the programme: %u carried out, %u planned.",
                                             "%u audits in the programme: %u carried out, %u planned.", n),
                          n, done, planned);
  g_string_append_c (text, ' ');
  if (n_findings == 0)
    g_string_append (text, _("No findings recorded."));
  else
    {
      g_autofree char *by_type = count_by_value (CUSTOS_TYPE_FINDING_TYPE, types, G_N_ELEMENTS (types));

      /* Translators: "7 findings: Major nonconformity: 1, Minor nonconformity: 3, Observation: 2, …" */
      g_string_append_printf (text, g_dngettext (GETTEXT_PACKAGE, "%u finding: %s.", "%u findings: %s.", n_findings),
                              n_findings, by_type);
    }
  if (unraised->len > 0)
    {
      g_string_append_c (text, ' ');
      /* Translators: a list of audit finding ids follows */
      g_string_append_printf (text, _("Nonconformities found without a nonconformity record: %s."), unraised->str);
    }
  if (next != NULL)
    {
      g_string_append_c (text, ' ');
      g_string_append_printf (text, _("Next audit: %s “%s” on %s."),
                              custos_record_get_id (next), title_or_id (next),
                              custos_audit_get_planned (CUSTOS_AUDIT (next)));
    }
  g_string_free (unraised, TRUE);

  for (guint i = 0; i < n; i++)
    {
      CustosRecord *audit = item_at (audit_list, i);
      const char *id = custos_record_get_id (audit);
      guint audit_types[CUSTOS_FINDING_TYPE_OPPORTUNITY + 1] = { 0 };
      guint count = 0;
      g_autofree char *by_type = NULL;

      if (custos_audit_get_done (CUSTOS_AUDIT (audit)) == NULL)
        continue;
      for (guint f = 0; f < n_findings; f++)
        {
          CustosRecord *finding = item_at (findings, f);
          int type = custos_finding_get_finding_type (CUSTOS_FINDING (finding));

          if (g_strcmp0 (custos_finding_get_audit (CUSTOS_FINDING (finding)), id) != 0)
            continue;
          count++;
          if (type >= 0 && type <= CUSTOS_FINDING_TYPE_OPPORTUNITY)
            audit_types[type]++;
        }
      by_type = count_by_value (CUSTOS_TYPE_FINDING_TYPE, audit_types, G_N_ELEMENTS (audit_types));
      if (count > 0)
        /* Translators: "AUD-002 “Internal audit 2026” on 2026-06-17: 4 findings (Minor nonconformity: 2, …)" */
        list_add (&list, g_dngettext (GETTEXT_PACKAGE, "%s “%s” on %s: %u finding (%s)",
                                      "%s “%s” on %s: %u findings (%s)", count),
                  id, title_or_id (audit), custos_audit_get_done (CUSTOS_AUDIT (audit)), count, by_type);
      else
        list_add (&list, _("%s “%s” on %s: no findings"),
                  id, title_or_id (audit), custos_audit_get_done (CUSTOS_AUDIT (audit)));
    }
  list_finish (&list);
  return g_string_free (text, FALSE);
}

/* d) 4) Objectives ------------------------------------------------------- */

static char *
objectives (CustosDocument *document,
            const GDate    *today)
{
  GListModel *list_model = custos_document_get_register (document, CUSTOS_REGISTER_OBJECTIVES);
  guint n = g_list_model_get_n_items (list_model);
  guint status[CUSTOS_OBJECTIVE_STATUS_MISSED + 1] = { 0 };
  GString *text = g_string_new (NULL);
  List list = { text, 0 };
  g_autofree char *by_status = NULL;

  if (n == 0)
    {
      g_string_append (text, _("No information security objectives are set (clause 6.2)."));
      return g_string_free (text, FALSE);
    }
  for (guint i = 0; i < n; i++)
    {
      int s = custos_objective_get_status (CUSTOS_OBJECTIVE (item_at (list_model, i)));
      if (s >= 0 && s <= CUSTOS_OBJECTIVE_STATUS_MISSED)
        status[s]++;
    }
  by_status = count_by_value (CUSTOS_TYPE_OBJECTIVE_STATUS, status, G_N_ELEMENTS (status));
  /* Translators: "7 objectives: On track: 5, At risk: 1, Achieved: 1." */
  g_string_append_printf (text, g_dngettext (GETTEXT_PACKAGE, "%u objective: %s.", "%u objectives: %s.", n),
                          n, by_status);
  for (guint i = 0; i < n; i++)
    {
      CustosRecord *objective = item_at (list_model, i);
      int s = custos_objective_get_status (CUSTOS_OBJECTIVE (objective));
      const char *label = custos_enum_value_label (CUSTOS_TYPE_OBJECTIVE_STATUS, s);
      int progress = custos_objective_get_progress (CUSTOS_OBJECTIVE (objective));
      const char *due = custos_objective_get_due (CUSTOS_OBJECTIVE (objective));
      gboolean late = s != CUSTOS_OBJECTIVE_STATUS_ACHIEVED && s != CUSTOS_OBJECTIVE_STATUS_MISSED &&
                      !custos_objective_get_ongoing (CUSTOS_OBJECTIVE (objective)) && is_past (due, today);

      if (custos_objective_get_ongoing (CUSTOS_OBJECTIVE (objective)) || due == NULL)
        /* Translators: "OBJ-003 “…”: At risk, 60 % done, ongoing" */
        list_add (&list, _("%s “%s”: %s, %d %% done, ongoing"), custos_record_get_id (objective),
                  title_or_id (objective), label, progress);
      else
        list_add (&list, _("%s “%s”: %s, %d %% done, due %s%s"), custos_record_get_id (objective),
                  title_or_id (objective), label, progress, due, late ? _(" (overdue)") : "");
    }
  list_finish (&list);
  return g_string_free (text, FALSE);
}

/* e) Feedback from interested parties ------------------------------------ */

static char *
feedback (CustosDocument *document,
          const GDate    *today,
          CustosRecord   *previous)
{
  GListModel *ncs = custos_document_get_register (document, CUSTOS_REGISTER_NONCONFORMITIES);
  GListModel *incidents = custos_document_get_register (document, CUSTOS_REGISTER_INCIDENTS);
  GListModel *parties = custos_document_get_register (document, CUSTOS_REGISTER_PARTIES);
  guint complaints = 0, n_incidents = 0;
  GDate previous_date;
  GString *text = g_string_new (NULL);
  List list = { text, 0 };
  GString *names = g_string_new (NULL);

  if (previous == NULL ||
      !custos_date_parse (custos_review_get_date (CUSTOS_REVIEW (previous)), &previous_date))
    g_date_clear (&previous_date, 1);
  for (guint i = 0, n = g_list_model_get_n_items (ncs); i < n; i++)
    if (custos_nonconformity_get_source (CUSTOS_NONCONFORMITY (item_at (ncs, i))) ==
        CUSTOS_NC_SOURCE_COMPLAINT)
      complaints++;
  for (guint i = 0, n = g_list_model_get_n_items (incidents); i < n; i++)
    {
      GDate date;

      if (!g_date_valid (&previous_date) ||
          (custos_date_parse (custos_incident_get_date (CUSTOS_INCIDENT (item_at (incidents, i))), &date) &&
           g_date_compare (&date, &previous_date) >= 0))
        n_incidents++;
    }
  for (guint i = 0, n = g_list_model_get_n_items (parties); i < n; i++)
    {
      CustosRecord *party = item_at (parties, i);
      if (custos_party_get_relevant (CUSTOS_PARTY (party)))
        g_string_append_printf (names, "%s%s", names->len > 0 ? ", " : "", title_or_id (party));
    }

  /* Translators: "Complaints recorded as nonconformities: 0." */
  g_string_append_printf (text, _("Complaints recorded as nonconformities: %u."), complaints);
  g_string_append_c (text, ' ');
  if (g_date_valid (&previous_date))
    {
      g_autofree char *label = review_label (previous);
      /* Translators: "Incidents since MR-001 (2026-09-22), which clients or others may have noticed: 1." */
      g_string_append_printf (text, _("Incidents since %s, which interested parties may have noticed: %u."),
                              label, n_incidents);
    }
  else
    g_string_append_printf (text, _("Incidents recorded, which interested parties may have noticed: %u."), n_incidents);
  if (names->len > 0)
    {
      g_string_append_c (text, ' ');
      /* Translators: a list of interested parties follows */
      g_string_append_printf (text, _("Record what these interested parties said: %s."), names->str);
    }
  g_string_free (names, TRUE);

  for (guint i = 0, n = g_list_model_get_n_items (ncs); i < n; i++)
    {
      CustosRecord *nc = item_at (ncs, i);
      if (custos_nonconformity_get_source (CUSTOS_NONCONFORMITY (nc)) == CUSTOS_NC_SOURCE_COMPLAINT)
        list_add (&list, _("%s “%s”: %s"), custos_record_get_id (nc), title_or_id (nc),
                  custos_enum_value_label (CUSTOS_TYPE_NC_STATUS,
                                           custos_nonconformity_get_status (CUSTOS_NONCONFORMITY (nc))));
    }
  list_finish (&list);
  (void) today;
  return g_string_free (text, FALSE);
}

/* f) Risk assessment results and treatment plan status ------------------- */

static char *
bands_text (CustosDocument *document,
            gboolean        residual,
            guint          *not_scored)
{
  CustosCriteria *criteria = custos_document_get_criteria (document);
  GListModel *risks = custos_document_get_register (document, CUSTOS_REGISTER_RISKS);
  guint n_bands = custos_criteria_get_n_bands (criteria);
  g_autofree guint *counts = g_new0 (guint, MAX (n_bands, 1));
  GString *text = g_string_new (NULL);

  *not_scored = 0;
  for (guint i = 0, n = g_list_model_get_n_items (risks); i < n; i++)
    {
      CustosRecord *risk = item_at (risks, i);
      int band;

      if (custos_risk_get_status (CUSTOS_RISK (risk)) == CUSTOS_RISK_STATUS_CLOSED)
        continue;
      band = custos_document_risk_band (document, risk, residual);
      if (band >= 0 && (guint) band < n_bands)
        counts[band]++;
      else
        (*not_scored)++;
    }
  /* Highest band first. */
  for (guint b = n_bands; b > 0; b--)
    {
      const CustosBand *band = custos_criteria_get_band (criteria, b - 1);

      if (text->len > 0)
        g_string_append (text, ", ");
      g_string_append_printf (text, _("%s: %u"), band->name != NULL ? band->name : "?", counts[b - 1]);
    }
  return g_string_free (text, FALSE);
}

static char *
risks (CustosDocument *document,
       const GDate    *today)
{
  GListModel *risk_list = custos_document_get_register (document, CUSTOS_REGISTER_RISKS);
  GListModel *actions = custos_document_get_register (document, CUSTOS_REGISTER_ACTIONS);
  CustosRecord *reassessment = custos_document_get_section (document, CUSTOS_SECTION_REASSESSMENT);
  CustosRecord *approval = custos_document_get_section (document, CUSTOS_SECTION_PLAN_APPROVAL);
  guint n = g_list_model_get_n_items (risk_list), n_actions = g_list_model_get_n_items (actions);
  guint open = 0, inherent_unscored, residual_unscored, overdue = 0;
  guint status[CUSTOS_ACTION_STATUS_CANCELLED + 1] = { 0 };
  GString *text = g_string_new (NULL);
  List list = { text, 0 };
  g_autofree char *inherent = NULL;
  g_autofree char *residual = NULL;

  if (n == 0)
    {
      g_string_append (text, _("No risks are assessed yet (clauses 6.1.2 and 8.2)."));
      return g_string_free (text, FALSE);
    }
  for (guint i = 0; i < n; i++)
    open += custos_risk_get_status (CUSTOS_RISK (item_at (risk_list, i))) != CUSTOS_RISK_STATUS_CLOSED;
  inherent = bands_text (document, FALSE, &inherent_unscored);
  residual = bands_text (document, TRUE, &residual_unscored);

  /* Translators: "31 risks, 30 of them open." */
  g_string_append_printf (text,
                          g_dngettext (GETTEXT_PACKAGE, "%u risk, %u of them open.", "%u risks, %u of them open.", n),
                          n, open);
  if (custos_reassessment_get_last (CUSTOS_REASSESSMENT (reassessment)) != NULL)
    {
      g_string_append_c (text, ' ');
      g_string_append_printf (text, _("Last risk assessment: %s."),
                              custos_reassessment_get_last (CUSTOS_REASSESSMENT (reassessment)));
    }
  g_string_append_c (text, ' ');
  /* Translators: "Open risks by inherent band: High: 17, Medium: 8, Low: 3 (not scored: 0)." */
  g_string_append_printf (text, _("Open risks by inherent band: %s (not scored: %u)."), inherent, inherent_unscored);
  g_string_append_c (text, ' ');
  g_string_append_printf (text, _("By residual band: %s (not assessed: %u)."), residual, residual_unscored);

  for (guint i = 0; i < n_actions; i++)
    {
      CustosRecord *action = item_at (actions, i);
      int s = custos_action_get_status (CUSTOS_ACTION (action));

      if (s >= 0 && s <= CUSTOS_ACTION_STATUS_CANCELLED)
        status[s]++;
      if (is_open_action (s) && is_past (custos_action_get_due (CUSTOS_ACTION (action)), today))
        overdue++;
    }
  g_string_append_c (text, ' ');
  if (n_actions == 0)
    g_string_append (text, _("The risk treatment plan has no actions."));
  else
    {
      g_autofree char *by_status = count_by_value (CUSTOS_TYPE_ACTION_STATUS, status, G_N_ELEMENTS (status));

      /* Translators: "Risk treatment plan: 33 actions (Planned: 1, In progress: 8, Done: 24), 2 overdue." */
      g_string_append_printf (text, g_dngettext (GETTEXT_PACKAGE, "Risk treatment plan: %u action (%s), %u overdue.",
                                                 "Risk treatment plan: %u actions (%s), %u overdue.", n_actions),
                              n_actions, by_status, overdue);
    }
  if (custos_plan_approval_get_management_approved (CUSTOS_PLAN_APPROVAL (approval)) != NULL)
    {
      const char *by = custos_plan_approval_get_management_approved_by (CUSTOS_PLAN_APPROVAL (approval));

      g_string_append_c (text, ' ');
      if (by != NULL)
        g_string_append_printf (text, _("Plan approved by top management on %s (%s)."),
                                custos_plan_approval_get_management_approved (CUSTOS_PLAN_APPROVAL (approval)), by);
      else
        g_string_append_printf (text, _("Plan approved by top management on %s."),
                                custos_plan_approval_get_management_approved (CUSTOS_PLAN_APPROVAL (approval)));
    }
  else
    {
      g_string_append_c (text, ' ');
      g_string_append (text, _("The plan’s approval by top management is not recorded."));
    }

  for (guint i = 0; i < n_actions; i++)
    {
      CustosRecord *action = item_at (actions, i);
      int s = custos_action_get_status (CUSTOS_ACTION (action));
      const char *owner = owner_name (document, custos_action_get_owner (CUSTOS_ACTION (action)));

      if (is_open_action (s) && is_past (custos_action_get_due (CUSTOS_ACTION (action)), today))
        /* Translators: an overdue treatment action: id, title, risk, status, owner, due date */
        list_add (&list, _("Overdue: %s “%s” (%s): %s, %s, due %s"), custos_record_get_id (action),
                  title_or_id (action),
                  custos_action_get_risk (CUSTOS_ACTION (action))
                    ? custos_action_get_risk (CUSTOS_ACTION (action))
                    : "—",
                  custos_enum_value_label (CUSTOS_TYPE_ACTION_STATUS, s),
                  owner != NULL ? owner : _("no owner"),
                  custos_action_get_due (CUSTOS_ACTION (action)));
    }
  list_finish (&list);
  return g_string_free (text, FALSE);
}

/* g) Opportunities for continual improvement ----------------------------- */

static char *
opportunities (CustosDocument *document)
{
  GListModel *findings = custos_document_get_register (document, CUSTOS_REGISTER_FINDINGS);
  GString *items = g_string_new (NULL);
  List list = { items, 0 };
  GString *text = g_string_new (NULL);

  for (guint i = 0, n = g_list_model_get_n_items (findings); i < n; i++)
    {
      CustosRecord *finding = item_at (findings, i);
      g_autofree char *description = NULL;
      const char *reference = custos_finding_get_reference (CUSTOS_FINDING (finding));

      if (custos_finding_get_finding_type (CUSTOS_FINDING (finding)) != CUSTOS_FINDING_TYPE_OPPORTUNITY)
        continue;
      description = quote (custos_finding_get_description (CUSTOS_FINDING (finding)), MAX_QUOTE * 2);
      list_add (&list, "%s (%s%s%s): %s", custos_record_get_id (finding),
                custos_finding_get_audit (CUSTOS_FINDING (finding))
                  ? custos_finding_get_audit (CUSTOS_FINDING (finding))
                  : "—",
                reference ? ", " : "", reference ? reference : "", description);
    }
  list_finish (&list);
  if (list.n == 0)
    g_string_append (text, _("No opportunities for improvement were raised by internal audits. "
                             "Add those from monitoring results, incidents and staff suggestions."));
  else
    /* Translators: "1 opportunity for improvement raised by internal audits:" */
    g_string_append_printf (text,
                            g_dngettext (GETTEXT_PACKAGE,
                                         "%u opportunity for improvement raised by internal audits:",
                                         "%u opportunities for improvement raised by internal audits:", list.n),
                            list.n);
  g_string_append (text, items->str);
  g_string_free (items, TRUE);
  return g_string_free (text, FALSE);
}

/* Public ---------------------------------------------------------------- */

char *
custos_review_prefill_input (CustosDocument    *document,
                             CustosReviewInput  input,
                             const GDate       *today,
                             CustosRecord      *exclude_review)
{
  CustosRecord *previous;

  g_return_val_if_fail (CUSTOS_IS_DOCUMENT (document), NULL);
  g_return_val_if_fail (input < CUSTOS_N_REVIEW_INPUTS, NULL);
  g_return_val_if_fail (today != NULL && g_date_valid (today), NULL);

  /* The previous review: held before today, or on today's date but not this one. */
  {
    GDate tomorrow = *today;

    g_date_add_days (&tomorrow, 1);
    previous = custos_review_prefill_previous (document, &tomorrow, exclude_review);
  }

  switch (input)
    {
    case CUSTOS_REVIEW_INPUT_PREVIOUS_ACTIONS:
      return previous_actions (document, today, exclude_review);
    case CUSTOS_REVIEW_INPUT_ISSUE_CHANGES:
      return issue_changes (document, today, previous);
    case CUSTOS_REVIEW_INPUT_PARTY_CHANGES:
      return party_changes (document);
    case CUSTOS_REVIEW_INPUT_NONCONFORMITIES:
      return nonconformities (document, today, previous);
    case CUSTOS_REVIEW_INPUT_MONITORING:
      return monitoring (document);
    case CUSTOS_REVIEW_INPUT_AUDITS:
      return audits (document, today);
    case CUSTOS_REVIEW_INPUT_OBJECTIVES:
      return objectives (document, today);
    case CUSTOS_REVIEW_INPUT_FEEDBACK:
      return feedback (document, today, previous);
    case CUSTOS_REVIEW_INPUT_RISKS:
      return risks (document, today);
    case CUSTOS_REVIEW_INPUT_OPPORTUNITIES:
      return opportunities (document);
    case CUSTOS_N_REVIEW_INPUTS:
    default:
      g_return_val_if_reached (NULL);
    }
}

char *
custos_review_prefill_attendees (CustosDocument *document)
{
  GListModel *roles;
  GString *text;

  g_return_val_if_fail (CUSTOS_IS_DOCUMENT (document), NULL);

  roles = custos_document_get_register (document, CUSTOS_REGISTER_ROLES);
  text = g_string_new (NULL);
  for (guint i = 0, n = g_list_model_get_n_items (roles); i < n; i++)
    {
      CustosRecord *role = item_at (roles, i);
      const char *holder = custos_role_get_holder (CUSTOS_ROLE (role));

      if (!custos_role_get_top_management (CUSTOS_ROLE (role)))
        continue;
      if (text->len > 0)
        g_string_append (text, ", ");
      if (holder != NULL)
        /* Translators: an attendee of a management review, "David Harrington (Managing Partner)" */
        g_string_append_printf (text, _("%s (%s)"), holder, title_or_id (role));
      else
        g_string_append (text, title_or_id (role));
    }
  if (text->len == 0)
    {
      g_string_free (text, TRUE);
      return NULL;
    }
  return g_string_free (text, FALSE);
}

static void
fill (CustosDocument *document,
      CustosRecord   *review,
      const GDate    *date,
      gboolean        only_empty,
      guint          *filled)
{
  if (!only_empty || custos_review_get_attendees (CUSTOS_REVIEW (review)) == NULL)
    {
      g_autofree char *attendees = custos_review_prefill_attendees (document);

      if (attendees != NULL)
        {
          custos_review_set_attendees (CUSTOS_REVIEW (review), attendees);
          (*filled)++;
        }
    }
  for (guint i = 0; i < CUSTOS_N_REVIEW_INPUTS; i++)
    {
      g_autofree char *text = NULL;

      if (only_empty && custos_record_get_string_at (review, inputs[i].field) != NULL)
        continue;
      text = custos_review_prefill_input (document, i, date, review);
      custos_record_set_string_at (review, inputs[i].field, text);
      (*filled)++;
    }
}

CustosRecord *
custos_review_prefill_new (CustosDocument *document,
                           const GDate    *today)
{
  CustosRecord *review;
  char iso[CUSTOS_DATE_ISO_SIZE];
  guint filled = 0;

  g_return_val_if_fail (CUSTOS_IS_DOCUMENT (document), NULL);
  g_return_val_if_fail (today != NULL && g_date_valid (today), NULL);

  custos_date_format_iso (today, iso);
  custos_document_begin_compound (document);
  review = custos_document_add_new (document, CUSTOS_REGISTER_REVIEWS);
  custos_review_set_date (CUSTOS_REVIEW (review), iso);
  fill (document, review, today, FALSE, &filled);
  custos_document_end_compound (document);
  return review;
}

guint
custos_review_prefill_fill_empty (CustosDocument *document,
                                  CustosRecord   *review,
                                  const GDate    *today)
{
  GDate date;
  guint filled = 0;

  g_return_val_if_fail (CUSTOS_IS_DOCUMENT (document), 0);
  g_return_val_if_fail (CUSTOS_IS_REVIEW (review), 0);
  g_return_val_if_fail (today != NULL && g_date_valid (today), 0);

  if (!custos_date_parse (custos_review_get_date (CUSTOS_REVIEW (review)), &date))
    date = *today;
  custos_document_begin_compound (document);
  fill (document, review, &date, TRUE, &filled);
  custos_document_end_compound (document);
  return filled;
}
