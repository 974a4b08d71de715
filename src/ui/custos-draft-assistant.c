/* SPDX-License-Identifier: GPL-3.0-or-later */
/* custos-draft-assistant.c — the guided first ISMS, page by page */
#include "config.h"

#include <glib/gi18n.h>

#include "custos-draft-assistant.h"

#define N_PAGES 4

struct _CustosDraftAssistant
{
  AdwWindow     parent_instance;

  CustosClock  *clock;
  AdwCarousel  *carousel;
  GtkWidget    *pages[N_PAGES];
  GtkWidget    *back_button;
  GtkWidget    *next_button;
  GtkWidget    *create_button;
  GtkWidget    *name_row;      /* AdwEntryRow */
  GtkWidget    *employees;     /* GtkSpinButton */
  GtkWidget    *sites_row;     /* AdwEntryRow */
  GtkWidget    *sectors[CUSTOS_N_SECTORS];      /* GtkCheckButton, grouped */
  GtkWidget    *uses[CUSTOS_DRAFT_N_USES];      /* GtkSwitch */
  GtkWidget    *summary;       /* GtkLabel */
};

G_DEFINE_FINAL_TYPE (CustosDraftAssistant, custos_draft_assistant, ADW_TYPE_WINDOW)

enum {
  DRAFTED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
read_answers (CustosDraftAssistant *self,
              CustosDraftAnswers   *answers)
{
  answers->organisation = gtk_editable_get_text (GTK_EDITABLE (self->name_row));
  answers->employees = (guint) gtk_spin_button_get_value_as_int (GTK_SPIN_BUTTON (self->employees));
  answers->sites = gtk_editable_get_text (GTK_EDITABLE (self->sites_row));
  answers->sector = CUSTOS_SECTOR_ACCOUNTANCY;
  for (guint s = 0; s < CUSTOS_N_SECTORS; s++)
    if (gtk_check_button_get_active (GTK_CHECK_BUTTON (self->sectors[s])))
      answers->sector = (CustosSector) s;
  answers->uses = 0;
  for (guint u = 0; u < CUSTOS_DRAFT_N_USES; u++)
    if (gtk_switch_get_active (GTK_SWITCH (self->uses[u])))
      answers->uses |= 1u << u;
  answers->today = self->clock ? custos_clock_get_today (self->clock) : NULL;
}

guint
custos_draft_assistant_get_page (CustosDraftAssistant *self)
{
  g_return_val_if_fail (CUSTOS_IS_DRAFT_ASSISTANT (self), 0);
  return (guint) (adw_carousel_get_position (self->carousel) + 0.5);
}

static void
update (CustosDraftAssistant *self)
{
  guint page = custos_draft_assistant_get_page (self);
  g_autofree char *name = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->name_row))));
  gboolean named = *name != '\0';

  gtk_widget_set_sensitive (self->back_button, page > 0);
  gtk_widget_set_visible (self->next_button, page < N_PAGES - 1);
  gtk_widget_set_visible (self->create_button, page == N_PAGES - 1);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "draft.next", page < N_PAGES - 1 && (page > 0 || named));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "draft.create", named);
  if (page == N_PAGES - 1)
    {
      CustosDraftAnswers answers;
      g_autofree char *text = NULL;

      read_answers (self, &answers);
      text = g_strdup_printf (_("Custos will draft for %s (%s): the scope, context issues including climate change, "
                                "interested parties, roles, the typical assets and risks of such an organisation with "
                                "their treatment, two objectives, a decision with a draft justification for every "
                                "Annex A control, a policy and the ISMS's other texts, its processes, and a first "
                                "internal audit and management review planned ahead.\n\nEverything drafted is marked "
                                "“To review”: the readiness check lists it until you have read it and chosen Mark as "
                                "Reviewed. Authorising the policy, approving the plan and holding the audit and the "
                                "review are yours."),
                              name, custos_sector_get_label (answers.sector));
      gtk_label_set_text (GTK_LABEL (self->summary), text);
    }
}

static void
go (CustosDraftAssistant *self,
    int                   step)
{
  int page = (int) custos_draft_assistant_get_page (self) + step;

  if (page < 0 || page >= N_PAGES)
    return;
  adw_carousel_scroll_to (self->carousel, self->pages[page], FALSE);
  update (self);
}

static void
next_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  go (CUSTOS_DRAFT_ASSISTANT (widget), 1);
}

static void
back_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  go (CUSTOS_DRAFT_ASSISTANT (widget), -1);
}

static void
create_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  CustosDraftAssistant *self = CUSTOS_DRAFT_ASSISTANT (widget);
  CustosDraftAnswers answers;
  g_autofree char *name = NULL;
  g_autoptr(CustosDocument) document = NULL;

  read_answers (self, &answers);
  name = g_strstrip (g_strdup (answers.organisation));
  answers.organisation = name;
  document = custos_draft_new (&answers);
  g_signal_emit (self, signals[DRAFTED], 0, document);
  gtk_window_destroy (GTK_WINDOW (self));
}

static GtkWidget *
page_new (const char *title,
          const char *description,
          GtkWidget **group)
{
  GtkWidget *scrolled = gtk_scrolled_window_new ();
  GtkWidget *clamp = adw_clamp_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);

  *group = adw_preferences_group_new ();
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (*group), title);
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (*group), description);
  gtk_box_append (GTK_BOX (box), *group);
  gtk_widget_set_margin_top (box, 24);
  gtk_widget_set_margin_bottom (box, 24);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);
  adw_clamp_set_child (ADW_CLAMP (clamp), box);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), clamp);
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_widget_set_hexpand (scrolled, TRUE);
  gtk_widget_set_vexpand (scrolled, TRUE);
  return scrolled;
}

static GtkWidget *
suffix_row (GtkWidget  *group,
            const char *title,
            GtkWidget  *suffix)
{
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  gtk_widget_set_valign (suffix, GTK_ALIGN_CENTER);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), suffix);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), suffix);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
  return row;
}

static void
build_pages (CustosDraftAssistant *self)
{
  GtkWidget *group;
  static const guint default_uses = CUSTOS_DRAFT_MICROSOFT_365 | CUSTOS_DRAFT_LAPTOPS | CUSTOS_DRAFT_PHONES;

  self->pages[0] = page_new (_("Your Organisation"),
                             _("A few answers are enough for a first draft of your ISMS. Nothing is final: you review "
                               "everything afterwards."),
                             &group);
  self->name_row = adw_entry_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->name_row), _("Organisation name"));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), self->name_row);
  self->employees = gtk_spin_button_new_with_range (1, 10000, 1);
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (self->employees), 10);
  suffix_row (group, _("Number of staff"), self->employees);
  self->sites_row = adw_entry_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->sites_row), _("Sites (for example: one office in Leeds, home working)"));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), self->sites_row);
  g_signal_connect_swapped (self->name_row, "changed", G_CALLBACK (update), self);

  self->pages[1] = page_new (_("Sector"), _("What the organisation does decides its typical assets and risks."), &group);
  for (guint s = 0; s < CUSTOS_N_SECTORS; s++)
    {
      self->sectors[s] = gtk_check_button_new ();
      if (s > 0)
        gtk_check_button_set_group (GTK_CHECK_BUTTON (self->sectors[s]), GTK_CHECK_BUTTON (self->sectors[0]));
      suffix_row (group, custos_sector_get_label ((CustosSector) s), self->sectors[s]);
    }
  gtk_check_button_set_active (GTK_CHECK_BUTTON (self->sectors[0]), TRUE);

  self->pages[2] = page_new (_("Services and Devices"),
                             _("The cloud services and devices your organisation uses: each brings its own risks."), &group);
  for (guint u = 0; u < CUSTOS_DRAFT_N_USES; u++)
    {
      self->uses[u] = gtk_switch_new ();
      gtk_switch_set_active (GTK_SWITCH (self->uses[u]), (default_uses & (1u << u)) != 0);
      suffix_row (group, custos_draft_use_label (u), self->uses[u]);
    }

  self->pages[3] = page_new (_("Ready to Draft"), NULL, &group);
  self->summary = gtk_label_new (NULL);
  gtk_label_set_wrap (GTK_LABEL (self->summary), TRUE);
  gtk_label_set_xalign (GTK_LABEL (self->summary), 0);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), self->summary);

  for (guint p = 0; p < N_PAGES; p++)
    adw_carousel_append (self->carousel, self->pages[p]);
}

static void
custos_draft_assistant_dispose (GObject *object)
{
  CustosDraftAssistant *self = CUSTOS_DRAFT_ASSISTANT (object);

  g_clear_object (&self->clock);
  G_OBJECT_CLASS (custos_draft_assistant_parent_class)->dispose (object);
}

static void
custos_draft_assistant_class_init (CustosDraftAssistantClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = custos_draft_assistant_dispose;
  /* The drafted document, to be opened. */
  signals[DRAFTED] = g_signal_new ("drafted", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                   G_TYPE_NONE, 1, CUSTOS_TYPE_DOCUMENT);
  gtk_widget_class_install_action (widget_class, "draft.next", NULL, next_action);
  gtk_widget_class_install_action (widget_class, "draft.back", NULL, back_action);
  gtk_widget_class_install_action (widget_class, "draft.create", NULL, create_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Page_Down, GDK_ALT_MASK, "draft.next", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Page_Up, GDK_ALT_MASK, "draft.back", NULL);
}

static void
custos_draft_assistant_init (CustosDraftAssistant *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *header = adw_header_bar_new ();
  GtkWidget *dots = adw_carousel_indicator_dots_new ();

  gtk_window_set_title (GTK_WINDOW (self), _("New ISMS: Guided"));
  gtk_window_set_modal (GTK_WINDOW (self), TRUE);
  gtk_window_set_default_size (GTK_WINDOW (self), 640, 600);

  self->back_button = gtk_button_new_with_mnemonic (_("_Back"));
  gtk_actionable_set_action_name (GTK_ACTIONABLE (self->back_button), "draft.back");
  self->next_button = gtk_button_new_with_mnemonic (_("_Next"));
  gtk_actionable_set_action_name (GTK_ACTIONABLE (self->next_button), "draft.next");
  gtk_widget_add_css_class (self->next_button, "suggested-action");
  self->create_button = gtk_button_new_with_mnemonic (_("C_reate Draft"));
  gtk_actionable_set_action_name (GTK_ACTIONABLE (self->create_button), "draft.create");
  gtk_widget_add_css_class (self->create_button, "suggested-action");
  adw_header_bar_pack_start (ADW_HEADER_BAR (header), self->back_button);
  adw_header_bar_pack_end (ADW_HEADER_BAR (header), self->next_button);
  adw_header_bar_pack_end (ADW_HEADER_BAR (header), self->create_button);
  gtk_box_append (GTK_BOX (box), header);

  self->carousel = ADW_CAROUSEL (adw_carousel_new ());
  /* Pages turn with the buttons, so that nobody skips the name by swiping. */
  adw_carousel_set_interactive (self->carousel, FALSE);
  gtk_widget_set_vexpand (GTK_WIDGET (self->carousel), TRUE);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->carousel));
  adw_carousel_indicator_dots_set_carousel (ADW_CAROUSEL_INDICATOR_DOTS (dots), self->carousel);
  gtk_widget_set_margin_bottom (dots, 6);
  gtk_box_append (GTK_BOX (box), dots);
  adw_window_set_content (ADW_WINDOW (self), box);

  build_pages (self);
  g_signal_connect_swapped (self->carousel, "page-changed", G_CALLBACK (update), self);
  update (self);
}

CustosDraftAssistant *
custos_draft_assistant_new (GtkWindow   *parent,
                            CustosClock *clock,
                            const char  *name)
{
  CustosDraftAssistant *self = g_object_new (CUSTOS_TYPE_DRAFT_ASSISTANT, "transient-for", parent, NULL);

  self->clock = clock ? g_object_ref (clock) : NULL;
  if (name != NULL)
    gtk_editable_set_text (GTK_EDITABLE (self->name_row), name);
  return self;
}

void
custos_draft_assistant_set_answers (CustosDraftAssistant     *self,
                                    const CustosDraftAnswers *answers)
{
  g_return_if_fail (CUSTOS_IS_DRAFT_ASSISTANT (self));

  gtk_editable_set_text (GTK_EDITABLE (self->name_row), answers->organisation);
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (self->employees), answers->employees);
  gtk_editable_set_text (GTK_EDITABLE (self->sites_row), answers->sites ? answers->sites : "");
  gtk_check_button_set_active (GTK_CHECK_BUTTON (self->sectors[answers->sector]), TRUE);
  for (guint u = 0; u < CUSTOS_DRAFT_N_USES; u++)
    gtk_switch_set_active (GTK_SWITCH (self->uses[u]), (answers->uses & (1u << u)) != 0);
  update (self);
}
