/* SPDX-License-Identifier: GPL-3.0-or-later */
/* custos-treatment-page.c — clause 6.1.3: the risk treatment plan
 *
 * The actions of the plan (the shared register view, with a timing column
 * and overdue rows highlighted), the plan's approval by the risk owners and
 * top management, and what has changed since that approval.
 *
 * "Changed since approval": the file records no history of edits, so it
 * cannot say which action was added or edited after the plan was approved.
 * Instead of keeping a snapshot of the approved plan in the file (a format
 * change, and a second copy of the plan to keep in step), the page tells
 * what the plan's own dates show, and says so:
 *   - risks accepted after the approval (their acceptance date is later);
 *   - a risk reassessment (clause 8.2) dated after the approval;
 *   - an approval older than the reassessment interval;
 *   - open actions due after the approval date, and overdue actions;
 *   - treated risks that have no action in the plan.
 * The first three make the approval out of date: the plan should be
 * approved again.
 */
#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "custos-clock.h"
#include "custos-band-chip.h"
#include "custos-field-format.h"
#include "custos-readiness.h"
#include "custos-record-editor.h"
#include "custos-treatment-page.h"
#include "custos-wrap-box.h"

/* Derived state --------------------------------------------------------------- */

CustosActionTiming
custos_action_timing (CustosRecord *action,
                      const GDate  *today,
                      int          *days)
{
  int status;
  GDate due;
  int left;

  g_return_val_if_fail (CUSTOS_IS_RECORD (action), CUSTOS_ACTION_TIMING_NO_DATE);
  g_return_val_if_fail (today != NULL && g_date_valid (today), CUSTOS_ACTION_TIMING_NO_DATE);

  if (days != NULL)
    *days = 0;
  status = custos_action_get_status (CUSTOS_ACTION (action));
  if (status == CUSTOS_ACTION_STATUS_DONE)
    return CUSTOS_ACTION_TIMING_DONE;
  if (status == CUSTOS_ACTION_STATUS_CANCELLED)
    return CUSTOS_ACTION_TIMING_CANCELLED;
  if (!custos_date_parse (custos_action_get_due (CUSTOS_ACTION (action)), &due))
    return CUSTOS_ACTION_TIMING_NO_DATE;
  left = g_date_days_between (today, &due);
  if (left < 0)
    {
      if (days != NULL)
        *days = -left;
      return CUSTOS_ACTION_TIMING_OVERDUE;
    }
  if (days != NULL)
    *days = left;
  return left <= CUSTOS_ACTION_DUE_SOON_DAYS ? CUSTOS_ACTION_TIMING_DUE_SOON : CUSTOS_ACTION_TIMING_PLANNED;
}

gboolean
custos_action_is_overdue (CustosRecord *action,
                          const GDate  *today)
{
  return custos_action_timing (action, today, NULL) == CUSTOS_ACTION_TIMING_OVERDUE;
}

gboolean
custos_risk_is_treated (CustosRecord *risk)
{
  int treatment;

  g_return_val_if_fail (CUSTOS_IS_RECORD (risk), FALSE);

  treatment = custos_risk_get_treatment (CUSTOS_RISK (risk));
  return treatment != CUSTOS_TREATMENT_UNDECIDED && treatment != CUSTOS_TREATMENT_ACCEPT &&
         custos_risk_get_status (CUSTOS_RISK (risk)) != CUSTOS_RISK_STATUS_CLOSED;
}

void
custos_plan_state_compute (CustosDocument  *document,
                           const GDate     *today,
                           CustosPlanState *state)
{
  CustosPlanApproval *approval;
  CustosRecord *reassessment;
  GListModel *actions, *risks;
  g_autoptr(GHashTable) risks_with_actions = g_hash_table_new (g_str_hash, g_str_equal);
  gboolean approved;

  g_return_if_fail (CUSTOS_IS_DOCUMENT (document));
  g_return_if_fail (today != NULL && g_date_valid (today));
  g_return_if_fail (state != NULL);

  memset (state, 0, sizeof *state);
  g_date_clear (&state->management_date, 1);
  g_date_clear (&state->owners_date, 1);
  g_date_clear (&state->approved_date, 1);
  g_date_clear (&state->reassessed_date, 1);

  approval = custos_document_get_plan_approval (document);
  state->management_approved = custos_date_parse (custos_plan_approval_get_management_approved (approval),
                                                  &state->management_date);
  state->owners_approved = custos_date_parse (custos_plan_approval_get_owners_approved (approval), &state->owners_date);
  if (state->management_approved && state->owners_approved)
    state->approved_date = g_date_compare (&state->management_date, &state->owners_date) >= 0
                           ? state->management_date : state->owners_date;
  else if (state->management_approved)
    state->approved_date = state->management_date;
  else if (state->owners_approved)
    state->approved_date = state->owners_date;
  approved = g_date_valid (&state->approved_date);

  actions = custos_document_get_register (document, CUSTOS_REGISTER_ACTIONS);
  state->n_actions = g_list_model_get_n_items (actions);
  for (guint i = 0; i < state->n_actions; i++)
    {
      g_autoptr(CustosRecord) action = g_list_model_get_item (actions, i);
      CustosActionTiming timing = custos_action_timing (action, today, NULL);
      const char *risk = custos_action_get_risk (CUSTOS_ACTION (action));
      GDate due;

      if (risk != NULL)
        g_hash_table_add (risks_with_actions, (gpointer) risk);
      if (timing == CUSTOS_ACTION_TIMING_DONE)
        state->n_done++;
      if (timing == CUSTOS_ACTION_TIMING_DONE || timing == CUSTOS_ACTION_TIMING_CANCELLED)
        continue;
      state->n_open++;
      if (timing == CUSTOS_ACTION_TIMING_OVERDUE)
        state->n_overdue++;
      if (approved && custos_date_parse (custos_action_get_due (CUSTOS_ACTION (action)), &due) &&
          g_date_compare (&due, &state->approved_date) > 0)
        state->n_due_after++;
    }

  risks = custos_document_get_register (document, CUSTOS_REGISTER_RISKS);
  for (guint i = 0, n = g_list_model_get_n_items (risks); i < n; i++)
    {
      g_autoptr(CustosRecord) risk = g_list_model_get_item (risks, i);
      GDate accepted;

      if (custos_risk_is_treated (risk))
        {
          state->n_treated_risks++;
          if (!g_hash_table_contains (risks_with_actions, custos_record_get_id (risk)))
            state->n_treated_without_actions++;
        }
      if (approved &&
          custos_date_parse (custos_risk_get_accepted (CUSTOS_RISK (risk)), &accepted) &&
          g_date_compare (&accepted, &state->approved_date) > 0)
        state->n_accepted_after++;
    }

  reassessment = custos_document_get_section (document, CUSTOS_SECTION_REASSESSMENT);
  state->interval_months = custos_reassessment_get_interval_months (CUSTOS_REASSESSMENT (reassessment));
  if (approved &&
      custos_date_parse (custos_reassessment_get_last (CUSTOS_REASSESSMENT (reassessment)),
                         &state->reassessed_date) &&
      g_date_compare (&state->reassessed_date, &state->approved_date) > 0)
    state->reassessed_after = TRUE;
  if (approved && state->interval_months > 0)
    {
      GDate expiry = state->approved_date;

      g_date_add_months (&expiry, (guint) state->interval_months);
      state->approval_expired = g_date_compare (&expiry, today) < 0;
    }
  state->out_of_date = approved && (state->reassessed_after || state->n_accepted_after > 0 || state->approval_expired);
}

/* The page ---------------------------------------------------------------------- */

struct _CustosTreatmentPage
{
  GtkWidget            parent_instance;

  CustosDocument      *document;
  CustosClock         *clock;
  gboolean             overdue_only;
  CustosPlanState      state;
  GHashTable          *chips;        /* CustosBandChip * → GtkListItem *, while bound */
  guint                update_idle;

  /* template children */
  GtkWidget           *status_bar;
  GtkImage            *status_icon;
  GtkLabel            *status_title;
  GtkLabel            *status_detail;
  AdwViewStack        *stack;
  CustosRegisterView  *register_view;
  CustosRecordEditor  *approval_editor;
  GtkListBox          *since_list;
};

G_DEFINE_FINAL_TYPE (CustosTreatmentPage, custos_treatment_page, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_DOCUMENT,
  PROP_CLOCK,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* Timing column ------------------------------------------------------------------ */

static GtkWidget *
row_of (GtkWidget *cell_child)
{
  /* GTK 4.8 has no row factory: the row is the cell's parent's parent. */
  GtkWidget *cell = gtk_widget_get_parent (cell_child);

  return cell != NULL ? gtk_widget_get_parent (cell) : NULL;
}

static void
update_timing (CustosTreatmentPage *self,
               CustosBandChip      *chip,
               GtkListItem         *list_item)
{
  CustosRecord *action = gtk_list_item_get_item (list_item);
  GtkWidget *row = row_of (GTK_WIDGET (chip));
  g_autofree char *text = NULL;
  g_autofree char *due = NULL;
  gboolean overdue = FALSE;
  int days = 0;

  if (action == NULL)
    return;
  switch (custos_action_timing (action, custos_clock_get_today (self->clock), &days))
    {
    case CUSTOS_ACTION_TIMING_OVERDUE:
      /* Translators: an action's timing, "Overdue 12 days" */
      text = g_strdup_printf (ngettext ("Overdue %d day", "Overdue %d days", days), days);
      custos_band_chip_set (chip, text, TRUE, 0xc01c28);
      overdue = TRUE;
      break;
    case CUSTOS_ACTION_TIMING_DUE_SOON:
      text = days == 0 ? g_strdup (_("Due today"))
                       /* Translators: an action's timing, "Due in 5 days" */
                       : g_strdup_printf (ngettext ("Due in %d day", "Due in %d days", days), days);
      custos_band_chip_set (chip, text, TRUE, 0xf6d32d);
      break;
    case CUSTOS_ACTION_TIMING_PLANNED:
      due = custos_format_date (custos_action_get_due (CUSTOS_ACTION (action)));
      /* Translators: an action's timing, "Due 31 Dec 2026" */
      text = g_strdup_printf (_("Due %s"), due != NULL ? due : "");
      custos_band_chip_set (chip, text, FALSE, 0);
      break;
    case CUSTOS_ACTION_TIMING_NO_DATE:
      custos_band_chip_set (chip, _("No due date"), FALSE, 0);
      break;
    case CUSTOS_ACTION_TIMING_DONE:
      custos_band_chip_set (chip, C_("action", "Done"), TRUE, 0x2ec27e);
      break;
    case CUSTOS_ACTION_TIMING_CANCELLED:
      custos_band_chip_set (chip, C_("action", "Cancelled"), FALSE, 0);
      break;
    default:
      g_assert_not_reached ();
    }
  if (row != NULL)
    {
      if (overdue)
        gtk_widget_add_css_class (row, "custos-overdue");
      else
        gtk_widget_remove_css_class (row, "custos-overdue");
    }
}

static void
on_action_notify (CustosRecord *action,
                  GParamSpec   *pspec,
                  GtkListItem  *list_item)
{
  CustosTreatmentPage *self = g_object_get_data (G_OBJECT (list_item), "custos-page");

  if (self != NULL)
    update_timing (self, CUSTOS_BAND_CHIP (gtk_list_item_get_child (list_item)), list_item);
}

static void
setup_timing (GtkSignalListItemFactory *factory,
              GtkListItem              *list_item,
              CustosTreatmentPage      *self)
{
  gtk_list_item_set_child (list_item, custos_band_chip_new ());
}

static void
bind_timing (GtkSignalListItemFactory *factory,
             GtkListItem              *list_item,
             CustosTreatmentPage      *self)
{
  GtkWidget *chip = gtk_list_item_get_child (list_item);

  g_object_set_data (G_OBJECT (list_item), "custos-page", self);
  update_timing (self, CUSTOS_BAND_CHIP (chip), list_item);
  g_signal_connect (gtk_list_item_get_item (list_item), "notify", G_CALLBACK (on_action_notify), list_item);
  g_hash_table_insert (self->chips, chip, list_item);
}

static void
unbind_timing (GtkSignalListItemFactory *factory,
               GtkListItem              *list_item,
               CustosTreatmentPage      *self)
{
  GtkWidget *chip = gtk_list_item_get_child (list_item);
  GtkWidget *row = row_of (chip);
  gpointer action = gtk_list_item_get_item (list_item);

  if (action != NULL)
    g_signal_handlers_disconnect_by_func (action, on_action_notify, list_item);
  if (row != NULL)
    gtk_widget_remove_css_class (row, "custos-overdue");
  if (self->chips != NULL)
    g_hash_table_remove (self->chips, chip);
}

static int
compare_due (gconstpointer a,
             gconstpointer b,
             gpointer      user_data)
{
  CustosTreatmentPage *self = user_data;
  CustosActionTiming ta = custos_action_timing ((CustosRecord *) a, custos_clock_get_today (self->clock), NULL);
  CustosActionTiming tb = custos_action_timing ((CustosRecord *) b, custos_clock_get_today (self->clock), NULL);
  /* Overdue first, then by due date; done and cancelled last. */
  gboolean closed_a = ta == CUSTOS_ACTION_TIMING_DONE || ta == CUSTOS_ACTION_TIMING_CANCELLED;
  gboolean closed_b = tb == CUSTOS_ACTION_TIMING_DONE || tb == CUSTOS_ACTION_TIMING_CANCELLED;
  int cmp;

  if (closed_a != closed_b)
    return closed_a ? GTK_ORDERING_LARGER : GTK_ORDERING_SMALLER;
  cmp = custos_natural_compare (custos_action_get_due (CUSTOS_ACTION ((gpointer) a)),
                                custos_action_get_due (CUSTOS_ACTION ((gpointer) b)));
  return cmp < 0 ? GTK_ORDERING_SMALLER : cmp > 0 ? GTK_ORDERING_LARGER : GTK_ORDERING_EQUAL;
}

static void
refresh_timings (CustosTreatmentPage *self)
{
  GHashTableIter iter;
  gpointer chip, list_item;

  g_hash_table_iter_init (&iter, self->chips);
  while (g_hash_table_iter_next (&iter, &chip, &list_item))
    update_timing (self, chip, list_item);
}

gboolean
custos_treatment_page_row_is_highlighted (CustosTreatmentPage *self,
                                          CustosRecord        *action)
{
  GHashTableIter iter;
  gpointer chip, list_item;

  g_return_val_if_fail (CUSTOS_IS_TREATMENT_PAGE (self), FALSE);

  g_hash_table_iter_init (&iter, self->chips);
  while (g_hash_table_iter_next (&iter, &chip, &list_item))
    if (gtk_list_item_get_item (list_item) == (gpointer) action)
      {
        GtkWidget *row = row_of (chip);
        return row != NULL && gtk_widget_has_css_class (row, "custos-overdue");
      }
  return FALSE;
}

/* Status and "since approval" ----------------------------------------------------- */

static void
add_since_row (CustosTreatmentPage *self,
               const char          *icon,
               const char          *style,
               const char          *title,
               const char          *subtitle)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *image = gtk_image_new_from_icon_name (icon);

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  if (subtitle != NULL)
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  if (style != NULL)
    gtk_widget_add_css_class (image, style);
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), image);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  gtk_list_box_append (self->since_list, row);
}

/* "R-018, R-029": the treated risks that no action names. */
static char *
treated_without_actions (CustosDocument *document)
{
  GListModel *actions = custos_document_get_register (document, CUSTOS_REGISTER_ACTIONS);
  GListModel *risks = custos_document_get_register (document, CUSTOS_REGISTER_RISKS);
  g_autoptr(GHashTable) named = g_hash_table_new (g_str_hash, g_str_equal);
  GString *ids = g_string_new (NULL);

  for (guint i = 0, n = g_list_model_get_n_items (actions); i < n; i++)
    {
      g_autoptr(CustosRecord) action = g_list_model_get_item (actions, i);
      const char *risk = custos_action_get_risk (CUSTOS_ACTION (action));

      if (risk != NULL)
        g_hash_table_add (named, (gpointer) risk);
    }
  for (guint i = 0, n = g_list_model_get_n_items (risks); i < n; i++)
    {
      g_autoptr(CustosRecord) risk = g_list_model_get_item (risks, i);

      if (custos_risk_is_treated (risk) && !g_hash_table_contains (named, custos_record_get_id (risk)))
        g_string_append_printf (ids, "%s%s", ids->len > 0 ? ", " : "", custos_record_get_id (risk));
    }
  return g_string_free (ids, FALSE);
}

static void
update_status (CustosTreatmentPage *self)
{
  CustosPlanState *s = &self->state;
  g_autofree char *approved_on = NULL;
  g_autofree char *title = NULL;
  g_autofree char *counts = NULL;
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->since_list))) != NULL)
    gtk_list_box_remove (self->since_list, child);
  if (self->document == NULL)
    return;
  custos_plan_state_compute (self->document, custos_clock_get_today (self->clock), s);

  /* Translators: "33 actions: 27 done, 2 overdue" */
  counts = g_strdup_printf (ngettext ("%u action: %u done, %u overdue", "%u actions: %u done, %u overdue", s->n_actions),
                            s->n_actions, s->n_done, s->n_overdue);
  if (g_date_valid (&s->approved_date))
    approved_on = custos_format_gdate (&s->approved_date);

  gtk_widget_remove_css_class (self->status_bar, "custos-warn");
  gtk_widget_remove_css_class (self->status_bar, "custos-ok");
  if (!s->management_approved)
    {
      title = g_strdup (_("The plan is not yet approved by top management"));
      gtk_image_set_from_icon_name (self->status_icon, "dialog-warning-symbolic");
      gtk_widget_add_css_class (self->status_bar, "custos-warn");
    }
  else if (s->out_of_date)
    {
      /* Translators: the plan's status, "Approved on 6 Oct 2026 — out of date" */
      title = g_strdup_printf (_("Approved on %s — out of date, approve it again"), approved_on);
      gtk_image_set_from_icon_name (self->status_icon, "dialog-warning-symbolic");
      gtk_widget_add_css_class (self->status_bar, "custos-warn");
    }
  else
    {
      /* Translators: the plan's status, "Approved on 6 Oct 2026" */
      title = g_strdup_printf (_("Approved on %s"), approved_on);
      gtk_image_set_from_icon_name (self->status_icon, "emblem-ok-symbolic");
      gtk_widget_add_css_class (self->status_bar, "custos-ok");
    }
  gtk_label_set_text (self->status_title, title);
  gtk_label_set_text (self->status_detail, counts);

  /* Approvals */
  if (s->owners_approved)
    {
      g_autofree char *date = custos_format_gdate (&s->owners_date);
      g_autofree char *text = g_strdup_printf (_("Risk owners approved on %s"), date);
      add_since_row (self, "emblem-ok-symbolic", "success", text,
                     custos_plan_approval_get_owners_approved_by (custos_document_get_plan_approval (self->document)));
    }
  else
    add_since_row (self, "dialog-warning-symbolic", "warning", _("The risk owners have not approved the plan"), NULL);
  if (s->management_approved)
    {
      g_autofree char *date = custos_format_gdate (&s->management_date);
      g_autofree char *text = g_strdup_printf (_("Top management approved on %s"), date);
      add_since_row (self, "emblem-ok-symbolic", "success", text,
                     custos_plan_approval_get_management_approved_by (custos_document_get_plan_approval (self->document)));
    }
  else
    add_since_row (self, "dialog-warning-symbolic", "warning", _("Top management has not approved the plan"), NULL);

  /* What calls for a new approval */
  if (s->reassessed_after)
    {
      g_autofree char *date = custos_format_gdate (&s->reassessed_date);
      g_autofree char *text = g_strdup_printf (_("The risks were reassessed on %s, after the approval"), date);
      add_since_row (self, "dialog-warning-symbolic", "warning", text,
                     _("The plan should be approved again for the new assessment"));
    }
  if (s->n_accepted_after > 0)
    {
      g_autofree char *text = g_strdup_printf (ngettext ("%u risk was accepted after the approval",
                                                         "%u risks were accepted after the approval",
                                                         s->n_accepted_after), s->n_accepted_after);
      add_since_row (self, "dialog-warning-symbolic", "warning", text,
                     _("Their acceptance dates are later than the plan’s approval"));
    }
  if (s->approval_expired)
    {
      g_autofree char *text = g_strdup_printf (ngettext ("The approval is older than the reassessment interval of %d month",
                                                         "The approval is older than the reassessment interval of %d months",
                                                         s->interval_months), s->interval_months);
      add_since_row (self, "dialog-warning-symbolic", "warning", text, NULL);
    }

  /* The state of the work */
  if (s->n_overdue > 0)
    {
      g_autofree char *text = g_strdup_printf (ngettext ("%u action is overdue", "%u actions are overdue", s->n_overdue),
                                               s->n_overdue);
      add_since_row (self, "alarm-symbolic", "error", text, _("Due before today and neither done nor cancelled"));
    }
  if (approved_on != NULL && s->n_due_after > 0)
    {
      g_autofree char *text = g_strdup_printf (ngettext ("%u open action is due after %s",
                                                         "%u open actions are due after %s", s->n_due_after),
                                               s->n_due_after, approved_on);
      add_since_row (self, "x-office-calendar-symbolic", NULL, text, NULL);
    }
  if (s->n_treated_without_actions > 0)
    {
      g_autofree char *text = g_strdup_printf (ngettext ("%u treated risk has no action in the plan",
                                                         "%u treated risks have no action in the plan",
                                                         s->n_treated_without_actions), s->n_treated_without_actions);
      g_autofree char *ids = treated_without_actions (self->document);
      add_since_row (self, "dialog-warning-symbolic", "warning", text, ids);
    }
  if (approved_on != NULL && !s->out_of_date)
    add_since_row (self, "emblem-ok-symbolic", "success", _("Nothing dated after the approval calls for a new one"), NULL);
}

static gboolean
update_idle_cb (gpointer user_data)
{
  CustosTreatmentPage *self = user_data;

  self->update_idle = 0;
  update_status (self);
  if (self->overdue_only)
    custos_register_view_refilter (self->register_view);
  return G_SOURCE_REMOVE;
}

static void
on_document_changed (CustosDocument      *document,
                     CustosRecord        *record,
                     CustosTreatmentPage *self)
{
  if (self->update_idle == 0)
    self->update_idle = g_idle_add (update_idle_cb, self);
}

static gboolean
filter_action (gpointer item,
               gpointer user_data)
{
  CustosTreatmentPage *self = user_data;

  return !self->overdue_only || custos_action_is_overdue (item, custos_clock_get_today (self->clock));
}

static void
on_overdue_toggled (GtkToggleButton     *button,
                    CustosTreatmentPage *self)
{
  custos_treatment_page_set_overdue_only (self, gtk_toggle_button_get_active (button));
}

/* API ------------------------------------------------------------------------------- */

CustosDocument *
custos_treatment_page_get_document (CustosTreatmentPage *self)
{
  g_return_val_if_fail (CUSTOS_IS_TREATMENT_PAGE (self), NULL);
  return self->document;
}

void
custos_treatment_page_set_document (CustosTreatmentPage *self,
                                    CustosDocument      *document)
{
  g_return_if_fail (CUSTOS_IS_TREATMENT_PAGE (self));
  g_return_if_fail (document == NULL || CUSTOS_IS_DOCUMENT (document));

  if (self->document == document)
    return;
  if (self->document != NULL)
    g_signal_handlers_disconnect_by_func (self->document, on_document_changed, self);
  g_set_object (&self->document, document);
  if (document != NULL)
    g_signal_connect (document, "changed", G_CALLBACK (on_document_changed), self);
  custos_register_view_set_document (self->register_view, document);
  g_object_set (self->approval_editor,
                "document", document,
                "record", document != NULL ? custos_document_get_section (document, CUSTOS_SECTION_PLAN_APPROVAL) : NULL,
                NULL);
  update_status (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DOCUMENT]);
}

CustosRegisterView *
custos_treatment_page_get_register_view (CustosTreatmentPage *self)
{
  g_return_val_if_fail (CUSTOS_IS_TREATMENT_PAGE (self), NULL);
  return self->register_view;
}

const CustosPlanState *
custos_treatment_page_get_state (CustosTreatmentPage *self)
{
  g_return_val_if_fail (CUSTOS_IS_TREATMENT_PAGE (self), NULL);

  /* What a pending update would show. */
  if (self->update_idle != 0)
    {
      g_clear_handle_id (&self->update_idle, g_source_remove);
      update_idle_cb (self);
    }
  return &self->state;
}

void
custos_treatment_page_set_overdue_only (CustosTreatmentPage *self,
                                        gboolean             overdue_only)
{
  g_return_if_fail (CUSTOS_IS_TREATMENT_PAGE (self));

  overdue_only = !!overdue_only;
  if (self->overdue_only == overdue_only)
    return;
  self->overdue_only = overdue_only;
  custos_register_view_refilter (self->register_view);
}

/* GObject ----------------------------------------------------------------------------- */

static void
on_today (CustosTreatmentPage *self)
{
  refresh_timings (self);
  custos_register_view_refilter (self->register_view);
  update_status (self);
}

/* Today; a new date (midnight, a window woken up) refreshes what depends on it. */
static void
set_clock (CustosTreatmentPage *self,
           CustosClock         *clock)
{
  if (!custos_clock_watch (&self->clock, clock, G_CALLBACK (on_today), self))
    return;
  on_today (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CLOCK]);
}

static void
custos_treatment_page_dispose (GObject *object)
{
  CustosTreatmentPage *self = CUSTOS_TREATMENT_PAGE (object);

  g_clear_handle_id (&self->update_idle, g_source_remove);
  if (self->document != NULL)
    g_signal_handlers_disconnect_by_func (self->document, on_document_changed, self);
  gtk_widget_dispose_template (GTK_WIDGET (self), CUSTOS_TYPE_TREATMENT_PAGE);
  {
    GtkWidget *child;

    while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
      gtk_widget_unparent (child);
  }
  g_clear_pointer (&self->chips, g_hash_table_unref);
  g_clear_object (&self->document);
  custos_clock_unwatch (&self->clock, self);

  G_OBJECT_CLASS (custos_treatment_page_parent_class)->dispose (object);
}

static void
custos_treatment_page_get_property (GObject    *object,
                                    guint       prop_id,
                                    GValue     *value,
                                    GParamSpec *pspec)
{
  CustosTreatmentPage *self = CUSTOS_TREATMENT_PAGE (object);

  switch (prop_id)
    {
    case PROP_DOCUMENT:
      g_value_set_object (value, self->document);
      break;
    case PROP_CLOCK:
      g_value_set_object (value, self->clock);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
custos_treatment_page_set_property (GObject      *object,
                                    guint         prop_id,
                                    const GValue *value,
                                    GParamSpec   *pspec)
{
  CustosTreatmentPage *self = CUSTOS_TREATMENT_PAGE (object);

  switch (prop_id)
    {
    case PROP_DOCUMENT:
      custos_treatment_page_set_document (self, g_value_get_object (value));
      break;
    case PROP_CLOCK:
      set_clock (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
custos_treatment_page_class_init (CustosTreatmentPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = custos_treatment_page_dispose;
  object_class->get_property = custos_treatment_page_get_property;
  object_class->set_property = custos_treatment_page_set_property;

  properties[PROP_DOCUMENT] =
    g_param_spec_object ("document", NULL, NULL, CUSTOS_TYPE_DOCUMENT,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  /* Today: what is overdue or due soon. */
  properties[PROP_CLOCK] =
    g_param_spec_object ("clock", NULL, NULL, CUSTOS_TYPE_CLOCK,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (CUSTOS_TYPE_REGISTER_VIEW);
  g_type_ensure (CUSTOS_TYPE_RECORD_EDITOR);
  g_type_ensure (CUSTOS_TYPE_WRAP_BOX);
  gtk_widget_class_set_template_from_resource (widget_class, APP_PATH "/ui/custos-treatment-page.ui");
  gtk_widget_class_bind_template_child (widget_class, CustosTreatmentPage, status_bar);
  gtk_widget_class_bind_template_child (widget_class, CustosTreatmentPage, status_icon);
  gtk_widget_class_bind_template_child (widget_class, CustosTreatmentPage, status_title);
  gtk_widget_class_bind_template_child (widget_class, CustosTreatmentPage, status_detail);
  gtk_widget_class_bind_template_child (widget_class, CustosTreatmentPage, stack);
  gtk_widget_class_bind_template_child (widget_class, CustosTreatmentPage, register_view);
  gtk_widget_class_bind_template_child (widget_class, CustosTreatmentPage, approval_editor);
  gtk_widget_class_bind_template_child (widget_class, CustosTreatmentPage, since_list);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "custos-treatment-page");
}

static void
custos_treatment_page_init (CustosTreatmentPage *self)
{
  g_autoptr(GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();
  g_autoptr(GtkSorter) sorter = NULL;
  GtkColumnViewColumn *column;
  GtkWidget *overdue;

  self->chips = g_hash_table_new (NULL, NULL);

  gtk_widget_init_template (GTK_WIDGET (self));
  custos_clock_watch (&self->clock, NULL, G_CALLBACK (on_today), self);

  g_signal_connect (factory, "setup", G_CALLBACK (setup_timing), self);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_timing), self);
  g_signal_connect (factory, "unbind", G_CALLBACK (unbind_timing), self);
  sorter = GTK_SORTER (gtk_custom_sorter_new (compare_due, self, NULL));
  column = custos_register_view_add_column (self->register_view, 2, C_("column", "Timing"), factory, sorter);
  gtk_column_view_column_set_fixed_width (column, 150);
  custos_register_view_set_filter_func (self->register_view, filter_action, self, NULL);

  overdue = gtk_toggle_button_new_with_mnemonic (_("_Overdue Only"));
  gtk_widget_set_tooltip_text (overdue, _("Show only actions due before today that are neither done nor cancelled"));
  g_signal_connect (overdue, "toggled", G_CALLBACK (on_overdue_toggled), self);
  custos_register_view_add_header_widget (self->register_view, overdue);
}

GtkWidget *
custos_treatment_page_new (void)
{
  return g_object_new (CUSTOS_TYPE_TREATMENT_PAGE, NULL);
}
