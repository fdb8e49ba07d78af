// SPDX-License-Identifier: GPL-3.0-or-later
// The ward stocks page of the main window: the par level (dotation) of every
// product in every care unit's stock or cabinet and the top-up of the next
// round (core/replenishment/parlevels.h, the same lines as `reappro-cli parlevels`), by
// care unit, with what each line rests on; exported as the CLI's CSV. The
// computation runs off the GUI thread on its own connection, with progress.
#pragma once

#include "core/common/messages.h"
#include "core/replenishment/parlevels.h"

#include "ui/databasetask.h"

#include <QWidget>

class QComboBox;
class QLabel;
class QLineEdit;
class QProgressBar;
class QPushButton;
class QTableView;
class QTextBrowser;

namespace reappro {

class ExplainedTable;
class ParLevelModel;

class ParLevelsView : public QWidget
{
    Q_OBJECT
public:
    explicit ParLevelsView(Language lang, QWidget *parent = nullptr);

    // The database the par levels are computed on. Clears the lines shown.
    void setDatabase(const QString &path, bool hasHistory);

    void compute();
    bool isComputing() const;
    bool exportCsv(const QString &path, QString *error = nullptr) const;

    enum class Show { All, TopUps, Dormant };
    // Keeps the lines of one care unit (empty: all) and of one kind.
    void setFilter(const QString &unitCode, Show show);

    const ParLevelResult &result() const { return m_result; }
    ParLevelModel *lineModel() const { return m_model; }
    QTableView *lineView() const;
    QTextBrowser *explanationView() const;
    QComboBox *unitFilter() const { return m_unit; }
    QComboBox *showFilter() const { return m_show; }
    QLineEdit *searchField() const;
    QLabel *summaryLabel() const { return m_summary; }
    int shownRows() const;

Q_SIGNALS:
    void finished();

private:
    void onFinished();
    void setBusy(bool busy);
    void updateSummary();
    void exportInteractively();

    Language m_lang;
    QString m_databasePath;
    bool m_canCompute = false; // a database with history
    ParLevelResult m_result;
    bool m_computed = false;
    QString m_error;
    DatabaseTask<ParLevelResult> m_task;

    QComboBox *m_unit = nullptr;
    QComboBox *m_show = nullptr;
    QPushButton *m_computeButton = nullptr;
    QPushButton *m_cancelButton = nullptr;
    QPushButton *m_exportButton = nullptr;
    QProgressBar *m_progress = nullptr;
    QLabel *m_summary = nullptr;
    ParLevelModel *m_model = nullptr;
    ExplainedTable *m_table = nullptr;
};

} // namespace reappro
