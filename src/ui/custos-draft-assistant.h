/* SPDX-License-Identifier: GPL-3.0-or-later */
/* custos-draft-assistant.h — the guided first ISMS, page by page
 *
 * Four pages in an AdwCarousel: the organisation (name, size, sites), its
 * sector, the cloud services and devices it uses, and what will be
 * drafted. Create drafts the document (src/model/custos-draft.c) and emits
 * "drafted" with it; the caller opens it.
 */
#pragma once

#include <adwaita.h>

#include "custos-clock.h"
#include "custos-draft.h"

G_BEGIN_DECLS

#define CUSTOS_TYPE_DRAFT_ASSISTANT (custos_draft_assistant_get_type ())
G_DECLARE_FINAL_TYPE (CustosDraftAssistant, custos_draft_assistant, CUSTOS, DRAFT_ASSISTANT, AdwWindow)

/* clock dates the draft (NULL: the local date); name prefills the organisation. */
CustosDraftAssistant *custos_draft_assistant_new         (GtkWindow            *parent,
                                                          CustosClock          *clock,
                                                          const char           *name);
/* For tests: fill in the answers the pages show. */
void                  custos_draft_assistant_set_answers (CustosDraftAssistant     *self,
                                                          const CustosDraftAnswers *answers);
/* The page shown, 0 … 3. */
guint                 custos_draft_assistant_get_page    (CustosDraftAssistant *self);

G_END_DECLS
