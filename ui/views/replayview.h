// SPDX-License-Identifier: GPL-3.0-or-later
// The replay page of the main window: Reappro's policy replayed over a
// period of the hospital's own history beside min/max as the anchors set it,
// min/max at Reappro's service level, and what the hospital did
// (core/simulation/replay.h comparePolicies, as `reappro-cli replay --policy
// compare`): the proof, on its own data, that Reappro holds less stock and
// loses less to expiry at the same service. Runs off the GUI thread on its
// own connection, with progress and Cancel (a few minutes on a large
// hospital).
#pragma once

#include "core/common/messages.h"
#include "core/simulation/replay.h"

#include "ui/databasetask.h"

#include <QDate>
#include <QWidget>

class QDateEdit;
class QLabel;
class QProgressBar;
class QPushButton;
class QTableWidget;

namespace reappro {

class ReplayView : public QWidget
{
    Q_OBJECT
public:
    explicit ReplayView(Language lang, QWidget *parent = nullptr);

    // The database and its history's first and last days (the period
    // proposed: the last two years, leaving at least one year before it).
    void setDatabase(const QString &path, QDate firstDay, QDate lastDay);

    void compute();
    bool isComputing() const;

    const PolicyComparison &comparison() const { return m_comparison; }
    QDateEdit *fromEdit() const { return m_from; }
    QDateEdit *toEdit() const { return m_to; }
    QTableWidget *table() const { return m_table; }
    QLabel *summaryLabel() const { return m_summary; }

    enum Row { ReapproRow, MinMaxRow, MatchedRow, MatchedByClassRow, ActualRow, RowCount };

Q_SIGNALS:
    void finished();

private:
    void onFinished();
    void setBusy(bool busy);
    void showComparison();
    void say(const QString &html);

    Language m_lang;
    QString m_databasePath;
    QDate m_firstDay, m_lastDay;
    bool m_canCompute = false; // a year of history before the last day
    bool m_computed = false;
    QString m_calibrationNote; // the class aims stored, or why not (HTML)
    PolicyComparison m_comparison;
    ReplayOptions m_options;
    DatabaseTask<PolicyComparison> m_task;

    QDateEdit *m_from = nullptr;
    QDateEdit *m_to = nullptr;
    QPushButton *m_computeButton = nullptr;
    QPushButton *m_cancelButton = nullptr;
    QProgressBar *m_progress = nullptr;
    QLabel *m_summary = nullptr;
    QTableWidget *m_table = nullptr;
};

} // namespace reappro
