/* SPDX-License-Identifier: GPL-3.0-or-later */
/* custos-evidence-check.c — an evidence item's file checksum, under its form
 *
 * For evidence kept in a local file, the SHA-256 recorded when the file was
 * verified shows later whether it is still the file verified (7.5.3). This
 * group says what is recorded and offers the two verbs, which are the
 * window's: win.record-evidence-checksum and win.verify-evidence, both
 * taking the item's id. Reading the file is theirs too (in a thread): here
 * nothing touches the disk.
 */
#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <string.h>

#include "custos-evidence-check.h"
#include "custos-wrap-box.h"
#include "custos-field-format.h"
#include "custos-readiness.h"

/* The part of a checksum people compare by eye. */
#define SHOWN_DIGITS 16

struct _CustosEvidenceCheck
{
  GtkWidget            parent_instance;

  CustosRecord        *evidence;
  AdwPreferencesGroup *group;
  AdwActionRow        *row;
  GtkWidget           *record_button;
  GtkWidget           *verify_button;
};

G_DEFINE_FINAL_TYPE (CustosEvidenceCheck, custos_evidence_check, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_EVIDENCE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
update (CustosEvidenceCheck *self)
{
  CustosEvidence *evidence = self->evidence != NULL ? CUSTOS_EVIDENCE (self->evidence) : NULL;
  const char *id = evidence != NULL ? custos_record_get_id (self->evidence) : "";
  const char *location = evidence != NULL ? custos_evidence_get_location (evidence) : NULL;
  const char *sha256 = evidence != NULL ? custos_evidence_get_sha256 (evidence) : NULL;
  const char *verified = evidence != NULL ? custos_evidence_get_verified (evidence) : NULL;
  gboolean is_file = custos_evidence_location_is_file (location);
  gboolean recorded = sha256 != NULL && *sha256 != '\0';
  g_autofree char *title = NULL;
  g_autofree char *subtitle = NULL;

  if (!is_file)
    {
      title = g_strdup (_("Not a local file"));
      subtitle = g_strdup (_("Give a file path (relative to the folder of this ISMS file, or absolute) as its "
                             "location to record and verify a checksum of it."));
    }
  else if (!recorded)
    {
      title = g_strdup (_("No checksum recorded"));
      subtitle = g_strdup (_("Record one to tell later whether the file is still the one verified."));
    }
  else
    {
      g_autofree char *shown = g_utf8_substring (sha256, 0, MIN ((glong) strlen (sha256), SHOWN_DIGITS));

      /* TRANSLATORS: %s is the start of a SHA-256 checksum, e.g. "95982f2b6bce856e…" */
      title = g_strdup_printf (_("SHA-256 %s…"), shown);
      g_autofree char *date = custos_format_date (verified);

      subtitle = date != NULL ? g_strdup_printf (_("Last verified on %s"), date) : g_strdup (_("Never verified"));
    }
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->row), title);
  adw_action_row_set_subtitle (self->row, subtitle);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->row), recorded ? sha256 : NULL);
  gtk_actionable_set_action_target (GTK_ACTIONABLE (self->record_button), "s", id);
  gtk_actionable_set_action_target (GTK_ACTIONABLE (self->verify_button), "s", id);
  gtk_widget_set_visible (GTK_WIDGET (self), evidence != NULL);
  gtk_widget_set_sensitive (self->record_button, is_file);
  gtk_widget_set_sensitive (self->verify_button, is_file && recorded);
}

static void
on_evidence_notify (CustosRecord        *record,
                    GParamSpec          *pspec,
                    CustosEvidenceCheck *self)
{
  update (self);
}

CustosRecord *
custos_evidence_check_get_evidence (CustosEvidenceCheck *self)
{
  g_return_val_if_fail (CUSTOS_IS_EVIDENCE_CHECK (self), NULL);
  return self->evidence;
}

void
custos_evidence_check_set_evidence (CustosEvidenceCheck *self,
                                    CustosRecord        *evidence)
{
  g_return_if_fail (CUSTOS_IS_EVIDENCE_CHECK (self));
  g_return_if_fail (evidence == NULL || CUSTOS_IS_EVIDENCE (evidence));

  if (self->evidence == evidence)
    return;
  if (self->evidence != NULL)
    g_signal_handlers_disconnect_by_func (self->evidence, on_evidence_notify, self);
  g_set_object (&self->evidence, evidence);
  if (evidence != NULL)
    g_signal_connect (evidence, "notify", G_CALLBACK (on_evidence_notify), self);
  update (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_EVIDENCE]);
}

static void
custos_evidence_check_dispose (GObject *object)
{
  CustosEvidenceCheck *self = CUSTOS_EVIDENCE_CHECK (object);
  GtkWidget *child;

  if (self->evidence != NULL)
    g_signal_handlers_disconnect_by_func (self->evidence, on_evidence_notify, self);
  g_clear_object (&self->evidence);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);

  G_OBJECT_CLASS (custos_evidence_check_parent_class)->dispose (object);
}

static void
custos_evidence_check_get_property (GObject    *object,
                                    guint       prop_id,
                                    GValue     *value,
                                    GParamSpec *pspec)
{
  CustosEvidenceCheck *self = CUSTOS_EVIDENCE_CHECK (object);

  switch (prop_id)
    {
    case PROP_EVIDENCE:
      g_value_set_object (value, self->evidence);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
custos_evidence_check_set_property (GObject      *object,
                                    guint         prop_id,
                                    const GValue *value,
                                    GParamSpec   *pspec)
{
  CustosEvidenceCheck *self = CUSTOS_EVIDENCE_CHECK (object);

  switch (prop_id)
    {
    case PROP_EVIDENCE:
      custos_evidence_check_set_evidence (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
custos_evidence_check_class_init (CustosEvidenceCheckClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = custos_evidence_check_dispose;
  object_class->get_property = custos_evidence_check_get_property;
  object_class->set_property = custos_evidence_check_set_property;

  /* The register view's selection: any record, or NULL. */
  properties[PROP_EVIDENCE] =
    g_param_spec_object ("evidence", NULL, NULL, CUSTOS_TYPE_RECORD,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "custos-evidence-check");
}

static GtkWidget *
action_button (const char *label,
               const char *action,
               const char *tooltip)
{
  GtkWidget *button = gtk_button_new_with_mnemonic (label);

  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (button, tooltip);
  gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "s", "");
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), action);
  return button;
}

static void
custos_evidence_check_init (CustosEvidenceCheck *self)
{
  /* wraps: the editor may be as narrow as a phone */
  GtkWidget *buttons = g_object_new (CUSTOS_TYPE_WRAP_BOX, "spacing", 12, "line-spacing", 6, NULL);

  self->group = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
  adw_preferences_group_set_title (self->group, _("File Checksum"));
  self->row = ADW_ACTION_ROW (adw_action_row_new ());
  adw_action_row_set_subtitle_lines (self->row, 3);
  adw_preferences_group_add (self->group, GTK_WIDGET (self->row));
  /* Under the row, not in the header: the editor column is narrow. */
  self->record_button = action_button (_("_Record Checksum"), "win.record-evidence-checksum",
                                       _("Read the file and record its SHA-256 checksum, verified today"));
  self->verify_button = action_button (_("_Verify"), "win.verify-evidence",
                                       _("Read the file and compare it with the recorded checksum"));
  gtk_widget_set_hexpand (self->record_button, TRUE);
  gtk_widget_set_hexpand (self->verify_button, TRUE);
  gtk_widget_set_margin_top (buttons, 12);
  custos_wrap_box_append (CUSTOS_WRAP_BOX (buttons), self->record_button);
  custos_wrap_box_append (CUSTOS_WRAP_BOX (buttons), self->verify_button);
  adw_preferences_group_add (self->group, buttons);
  gtk_widget_set_parent (GTK_WIDGET (self->group), GTK_WIDGET (self));
  update (self);
}

GtkWidget *
custos_evidence_check_new (void)
{
  return g_object_new (CUSTOS_TYPE_EVIDENCE_CHECK, NULL);
}
