// SPDX-License-Identifier: GPL-3.0-or-later
// The orders page of the main window: the orders Reappro suggests for a
// decision day (core/replenishment/orderplan.h, the same lines as `reappro-cli suggest`),
// with an optional budget cap, one row per line and, for the selected line,
// the explanation a pharmacist reads; exported as the CLI's CSV. The plan is
// computed off the GUI thread on its own connection to the database.
#pragma once

#include "core/common/messages.h"
#include "core/replenishment/orderplan.h"

#include "ui/databasetask.h"

#include <QWidget>

class QDateEdit;
class QLabel;
class QLineEdit;
class QProgressBar;
class QPushButton;
class QTableView;
class QTextBrowser;

namespace reappro {

class ExplainedTable;
class OrderLineModel;

class OrdersView : public QWidget
{
    Q_OBJECT
public:
    explicit OrdersView(Language lang, QWidget *parent = nullptr);

    // The database the orders are computed on, and its last day of history
    // (the decision day proposed is the day after). Clears the lines shown.
    void setDatabase(const QString &path, QDate lastHistoryDay);

    // Computes the orders for the decision day and budget in the fields;
    // finished() when the lines are shown (or the computation failed).
    void compute();
    bool isComputing() const;
    // Writes the lines shown as the CSV of `suggest`. False and a message
    // when the file cannot be written.
    bool exportCsv(const QString &path, QString *error = nullptr) const;

    const OrderPlan &plan() const { return m_plan; }
    OrderLineModel *lineModel() const { return m_model; }
    QTableView *lineView() const { return m_view; }
    QTextBrowser *explanationView() const { return m_explanation; }
    QDateEdit *decisionDayEdit() const { return m_asOf; }
    QLineEdit *budgetField() const { return m_budget; }
    QLineEdit *searchField() const { return m_search; }
    QLabel *summaryLabel() const { return m_summary; }

Q_SIGNALS:
    void finished();

private:
    void onFinished();
    void exportInteractively();
    void setBusy(bool busy);
    void updateSummary();

    Language m_lang;
    QString m_databasePath;
    bool m_canCompute = false; // a database with history
    OrderPlan m_plan;
    DatabaseTask<OrderPlan> m_task;
    QString m_error;

    QDateEdit *m_asOf = nullptr;
    QLineEdit *m_budget = nullptr;
    QPushButton *m_computeButton = nullptr;
    QPushButton *m_cancelButton = nullptr;
    QPushButton *m_exportButton = nullptr;
    QProgressBar *m_busy = nullptr;
    QLineEdit *m_search = nullptr;
    QLabel *m_summary = nullptr;
    QTableView *m_view = nullptr;
    QTextBrowser *m_explanation = nullptr;
    OrderLineModel *m_model = nullptr;
    ExplainedTable *m_table = nullptr;
};

} // namespace reappro
