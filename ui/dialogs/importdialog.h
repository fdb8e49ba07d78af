// SPDX-License-Identifier: GPL-3.0-or-later
// Imports a set of export files into the open database, away from the GUI
// thread: a progress bar and a Cancel button while it runs, then what each
// file was recognised as and, if any line was rejected, the list of rejected
// lines with their reason and the statement that nothing was imported.
#pragma once

#include "core/import/importer.h"
#include "core/common/messages.h"

#include <QDate>
#include <QDialog>
#include <QElapsedTimer>
#include <QFutureWatcher>
#include <stop_token>

class QLabel;
class QProgressBar;
class QPushButton;
class QSortFilterProxyModel;
class QTableView;

namespace reappro {

class ImportFileModel;
class RejectedLineModel;

class ImportDialog : public QDialog
{
    Q_OBJECT
public:
    ImportDialog(const QString &databasePath, Language lang, QWidget *parent = nullptr);
    // Waits for a running import to stop: it writes to the database.
    ~ImportDialog() override;

    // Asks for export files (CSV, XLSX) in the folder used last time.
    static QStringList chooseFiles(QWidget *parent);

    // Dates after this day are rejected as "in the future" (default: today).
    void setReferenceDate(QDate today) { m_today = today; }

    void startImport(const QStringList &paths);
    bool isRunning() const { return m_watcher.isRunning(); }
    const ImportResult &result() const { return m_result; }
    bool saveReport(const QString &path, QString *error) const;

    QFutureWatcher<ImportResult> *watcher() { return &m_watcher; }
    RejectedLineModel *rejectedModel() const { return m_rejectedModel; }
    QTableView *rejectedView() const { return m_rejectedView; }
    ImportFileModel *fileModel() const { return m_fileModel; }
    QString bannerText() const;

public Q_SLOTS:
    void cancelImport();
    void reject() override;

Q_SIGNALS:
    void importCommitted();   // the database changed: views must reload
    void importFinished();

private Q_SLOTS:
    void onProgressRangeChanged(int minimum, int maximum);
    void onProgressValueChanged(int value);
    void onFinished();
    void chooseAndImport();
    void saveReportInteractively();

private:
    void showRunning(bool running);
    void showResult();
    QString notesHtml() const;

    QString m_databasePath;
    Language m_lang;
    QDate m_today;
    ImportResult m_result;
    QFutureWatcher<ImportResult> m_watcher;
    std::stop_source m_stop;
    QElapsedTimer m_timer;
    int m_fileCount = 0;
    bool m_closeWhenFinished = false;

    QLabel *m_intro = nullptr;
    QWidget *m_progressPanel = nullptr;
    QLabel *m_progressLabel = nullptr;
    QProgressBar *m_progressBar = nullptr;
    QPushButton *m_cancelButton = nullptr;
    QLabel *m_banner = nullptr;
    QWidget *m_filesPanel = nullptr;
    ImportFileModel *m_fileModel = nullptr;
    QTableView *m_fileView = nullptr;
    QLabel *m_notes = nullptr;
    QWidget *m_rejectedPanel = nullptr;
    QLabel *m_rejectedTitle = nullptr;
    RejectedLineModel *m_rejectedModel = nullptr;
    QSortFilterProxyModel *m_rejectedProxy = nullptr;
    QTableView *m_rejectedView = nullptr;
    QPushButton *m_saveReportButton = nullptr;
    QPushButton *m_againButton = nullptr;
    QPushButton *m_closeButton = nullptr;
};

} // namespace reappro
