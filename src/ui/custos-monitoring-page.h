/* SPDX-License-Identifier: GPL-3.0-or-later */
/* custos-monitoring-page.h — monitoring and measurement (9.1): the measures,
 * and the results of the selected one over time against its target */
#pragma once

#include <adwaita.h>

#include "custos-register-view.h"
#include "custos-trend-view.h"

G_BEGIN_DECLS

#define CUSTOS_TYPE_MONITORING_PAGE (custos_monitoring_page_get_type ())
G_DECLARE_FINAL_TYPE (CustosMonitoringPage, custos_monitoring_page, CUSTOS, MONITORING_PAGE, AdwBin)

GtkWidget          *custos_monitoring_page_new               (void);

CustosRegisterView *custos_monitoring_page_get_register_view (CustosMonitoringPage *self);
CustosTrendView    *custos_monitoring_page_get_trend_view    (CustosMonitoringPage *self);
/* The rows of the selected measure's results, newest first (GtkListBox). */
GtkListBox         *custos_monitoring_page_get_results_list  (CustosMonitoringPage *self);
/* Records a result of the selected measure as one undoable step (the action
 * monitoring.add-result, parameter "(sds)": date YYYY-MM-DD, value, note).
 * Returns the new measurement (borrowed), or NULL when nothing is selected
 * or the date is not valid. */
CustosRecord       *custos_monitoring_page_add_result        (CustosMonitoringPage *self,
                                                              const char           *date,
                                                              double                value,
                                                              const char           *note);

G_END_DECLS
