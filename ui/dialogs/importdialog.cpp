// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/dialogs/importdialog.h"
#include "ui/formatting.h"
#include "ui/models/importfilemodel.h"
#include "ui/models/rejectedlinemodel.h"
#include "ui/uilanguage.h"

#include "core/store/store.h"

#include <QDateTime>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QMessageBox>
#include <QProgressBar>
#include <QPromise>
#include <QPushButton>
#include <QSettings>
#include <QSortFilterProxyModel>
#include <QTableView>
#include <QVBoxLayout>
#include <QtConcurrent>

namespace reappro {

namespace {

// Progress is reported as fileIndex * kSteps + fraction * kSteps, so that the
// GUI can tell which file is being read from the value alone.
constexpr int kSteps = 1000;

const char *const kLastDirKey = "import/lastDirectory";

void runImport(QPromise<ImportResult> &promise, const QString &databasePath, const QStringList &paths, const ImportOptions &options,
               std::stop_token stop)
{
    // SQLite connections (and Qt's QSqlDatabase) belong to the thread that
    // opened them: the worker opens its own on the same file. WAL mode lets
    // the main window keep reading meanwhile.
    Store store;
    QString error;
    if (!store.open(databasePath, &error)) {
        ImportResult failed;
        failed.error = error;
        promise.addResult(std::move(failed));
        return;
    }
    int range = -1;
    const ImportProgress progress = [&promise, &range](int fileIndex, int fileCount, double fraction) {
        if (range != fileCount * kSteps) {
            range = fileCount * kSteps;
            promise.setProgressRange(0, range);
        }
        promise.setProgressValue(fileIndex * kSteps + int(fraction * kSteps));
    };
    promise.addResult(Importer(store).importFiles(paths, options, progress, stop));
}

QLabel *sectionTitle(const QString &text, QWidget *parent)
{
    auto *label = new QLabel(text, parent);
    QFont f = label->font();
    f.setBold(true);
    label->setFont(f);
    return label;
}

void setupTable(QTableView *view)
{
    view->setSelectionBehavior(QAbstractItemView::SelectRows);
    view->setAlternatingRowColors(true);
    view->setWordWrap(false);
    view->setTextElideMode(Qt::ElideMiddle);
    view->verticalHeader()->hide();
    view->verticalHeader()->setDefaultSectionSize(view->fontMetrics().height() + 8);
    view->horizontalHeader()->setHighlightSections(false);
}

} // namespace

ImportDialog::ImportDialog(const QString &databasePath, Language lang, QWidget *parent)
    : QDialog(parent), m_databasePath(databasePath), m_lang(lang), m_today(QDate::currentDate())
{
    setWindowTitle(tr("Import exports"));
    auto *layout = new QVBoxLayout(this);
    layout->setSpacing(10);

    m_intro = new QLabel(tr("Reappro reads the CSV and XLSX exports of your pharmacy software: products, stock "
                            "movements, stock by lot, open orders, suppliers and care units. The files are imported "
                            "together, all or nothing: if a single line is rejected, nothing is imported. Patient "
                            "columns (IPP, name, date of birth…) are dropped, never stored."),
                         this);
    m_intro->setWordWrap(true);
    layout->addWidget(m_intro);

    m_progressPanel = new QWidget(this);
    auto *progressLayout = new QHBoxLayout(m_progressPanel);
    progressLayout->setContentsMargins(0, 0, 0, 0);
    m_progressLabel = new QLabel(m_progressPanel);
    m_progressBar = new QProgressBar(m_progressPanel);
    m_progressBar->setMinimumWidth(260);
    m_cancelButton = new QPushButton(tr("Cancel"), m_progressPanel);
    progressLayout->addWidget(m_progressLabel);
    progressLayout->addWidget(m_progressBar, 1);
    progressLayout->addWidget(m_cancelButton);
    layout->addWidget(m_progressPanel);

    m_banner = new QLabel(this);
    m_banner->setObjectName(QStringLiteral("importBanner"));
    m_banner->setWordWrap(true);
    m_banner->setTextFormat(Qt::RichText);
    m_banner->setMargin(8);
    layout->addWidget(m_banner);

    m_filesPanel = new QWidget(this);
    auto *filesLayout = new QVBoxLayout(m_filesPanel);
    filesLayout->setContentsMargins(0, 0, 0, 0);
    filesLayout->addWidget(sectionTitle(tr("Files"), m_filesPanel));
    m_fileModel = new ImportFileModel(lang, this);
    m_fileView = new QTableView(m_filesPanel);
    m_fileView->setObjectName(QStringLiteral("importFileView"));
    m_fileView->setModel(m_fileModel);
    setupTable(m_fileView);
    m_fileView->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_fileView->horizontalHeader()->setStretchLastSection(false);
    m_fileView->setSizeAdjustPolicy(QAbstractScrollArea::AdjustToContents);
    m_fileView->setVerticalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    filesLayout->addWidget(m_fileView);
    m_notes = new QLabel(m_filesPanel);
    m_notes->setWordWrap(true);
    m_notes->setTextFormat(Qt::RichText);
    filesLayout->addWidget(m_notes);
    layout->addWidget(m_filesPanel);

    m_rejectedPanel = new QWidget(this);
    auto *rejectedLayout = new QVBoxLayout(m_rejectedPanel);
    rejectedLayout->setContentsMargins(0, 0, 0, 0);
    m_rejectedTitle = sectionTitle(QString(), m_rejectedPanel);
    rejectedLayout->addWidget(m_rejectedTitle);
    m_rejectedModel = new RejectedLineModel(lang, this);
    m_rejectedProxy = new QSortFilterProxyModel(this);
    m_rejectedProxy->setSourceModel(m_rejectedModel);
    m_rejectedProxy->setSortRole(RejectedLineModel::SortRole);
    m_rejectedView = new QTableView(m_rejectedPanel);
    m_rejectedView->setObjectName(QStringLiteral("rejectedLinesView"));
    m_rejectedView->setModel(m_rejectedProxy);
    setupTable(m_rejectedView);
    m_rejectedView->setSortingEnabled(true);
    m_rejectedView->sortByColumn(-1, Qt::AscendingOrder);   // file order until the user sorts
    m_rejectedView->horizontalHeader()->setStretchLastSection(true);
    m_rejectedView->setTextElideMode(Qt::ElideRight);
    rejectedLayout->addWidget(m_rejectedView);
    layout->addWidget(m_rejectedPanel, 1);
    // Takes the height the rejected lines would, so a success stays compact at the top.
    layout->addStretch(0);

    auto *buttons = new QHBoxLayout;
    m_saveReportButton = new QPushButton(tr("Save the report…"), this);
    m_saveReportButton->setToolTip(tr("Writes the rejected lines to a CSV file (semicolons, UTF-8) to fix them in a spreadsheet."));
    m_againButton = new QPushButton(tr("Import other files…"), this);
    m_closeButton = new QPushButton(tr("Close"), this);
    buttons->addWidget(m_saveReportButton);
    buttons->addStretch(1);
    buttons->addWidget(m_againButton);
    buttons->addWidget(m_closeButton);
    layout->addLayout(buttons);

    connect(m_cancelButton, &QPushButton::clicked, this, &ImportDialog::cancelImport);
    connect(m_saveReportButton, &QPushButton::clicked, this, &ImportDialog::saveReportInteractively);
    connect(m_againButton, &QPushButton::clicked, this, &ImportDialog::chooseAndImport);
    connect(m_closeButton, &QPushButton::clicked, this, &ImportDialog::reject);
    connect(&m_watcher, &QFutureWatcher<ImportResult>::progressRangeChanged, this, &ImportDialog::onProgressRangeChanged);
    connect(&m_watcher, &QFutureWatcher<ImportResult>::progressValueChanged, this, &ImportDialog::onProgressValueChanged);
    connect(&m_watcher, &QFutureWatcher<ImportResult>::finished, this, &ImportDialog::onFinished);

    m_banner->hide();
    m_filesPanel->hide();
    m_rejectedPanel->hide();
    m_saveReportButton->hide();
    m_progressPanel->hide();
    resize(960, 360);
}

ImportDialog::~ImportDialog()
{
    if (m_watcher.isRunning()) {
        m_stop.request_stop();
        m_watcher.waitForFinished();
    }
}

QStringList ImportDialog::chooseFiles(QWidget *parent)
{
    QSettings settings;
    const QString dir = settings.value(QLatin1String(kLastDirKey), QDir::homePath()).toString();
    const QString filters = tr("Stock exports (*.csv *.txt *.xlsx)") + QStringLiteral(";;") + tr("CSV files (*.csv *.txt)")
                            + QStringLiteral(";;") + tr("Excel workbooks (*.xlsx)") + QStringLiteral(";;") + tr("All files (*)");
    const QStringList files = QFileDialog::getOpenFileNames(parent, tr("Choose the exports to import"), dir, filters);
    if (!files.isEmpty())
        settings.setValue(QLatin1String(kLastDirKey), QFileInfo(files.first()).absolutePath());
    return files;
}

void ImportDialog::startImport(const QStringList &paths)
{
    Q_ASSERT(!m_watcher.isRunning());
    if (m_watcher.isRunning() || paths.isEmpty())
        return;
    m_result = {};
    m_fileModel->setFiles({});
    m_rejectedModel->setLines({});
    m_fileCount = int(paths.size());
    m_closeWhenFinished = false;
    m_stop = std::stop_source();   // a stop_source cannot be reset once stopped

    ImportOptions options;
    options.language = m_lang;
    options.today = m_today;
    showRunning(true);
    m_timer.start();
    m_watcher.setFuture(QtConcurrent::run(runImport, m_databasePath, paths, options, m_stop.get_token()));
}

void ImportDialog::cancelImport()
{
    if (!m_watcher.isRunning())
        return;
    m_stop.request_stop();
    m_cancelButton->setEnabled(false);
    m_progressLabel->setText(tr("Cancelling…"));
}

void ImportDialog::reject()
{
    // Closing while the import writes would leave its outcome unseen: stop
    // it first and close once the database is back to its previous state.
    if (m_watcher.isRunning()) {
        m_closeWhenFinished = true;
        cancelImport();
        return;
    }
    QDialog::reject();
}

void ImportDialog::showRunning(bool running)
{
    m_progressPanel->setVisible(running);
    m_cancelButton->setEnabled(running);
    m_againButton->setEnabled(!running);
    m_closeButton->setEnabled(!running);
    if (running) {
        m_banner->hide();
        m_filesPanel->hide();
        m_rejectedPanel->hide();
        m_saveReportButton->hide();
        m_progressBar->setRange(0, 0);   // busy until the first file reports
        m_progressLabel->setText(tr("Reading the files…"));
    }
}

void ImportDialog::onProgressRangeChanged(int minimum, int maximum)
{
    m_progressBar->setRange(minimum, maximum);
    if (maximum > 0)
        m_fileCount = maximum / kSteps;
}

void ImportDialog::onProgressValueChanged(int value)
{
    if (m_stop.stop_requested())
        return;
    m_progressBar->setValue(value);
    const int file = std::min(value / kSteps + 1, std::max(m_fileCount, 1));
    m_progressLabel->setText(tr("File %1 of %2…").arg(file).arg(m_fileCount));
}

void ImportDialog::onFinished()
{
    if (m_watcher.future().resultCount() > 0)
        m_result = m_watcher.result();
    else
        m_result.error = tr("the import stopped without a result");
    showRunning(false);
    showResult();
    if (m_result.committed)
        Q_EMIT importCommitted();
    Q_EMIT importFinished();
    if (m_closeWhenFinished)
        QDialog::reject();
}

QString ImportDialog::bannerText() const { return m_banner->text(); }

void ImportDialog::showResult()
{
    const QLocale locale = uiLocale(m_lang);
    const ImportResult &r = m_result;
    QString text;
    QString style;
    const QString ok = QStringLiteral("background:#e8f5e9; color:#1b5e20; border:1px solid #81c784; border-radius:4px;");
    const QString bad = QStringLiteral("background:#fdecea; color:#8e1b1b; border:1px solid #e57373; border-radius:4px;");
    const QString warn = QStringLiteral("background:#fff8e1; color:#6d4c00; border:1px solid #ffd54f; border-radius:4px;");
    if (r.committed) {
        qint64 lines = 0;
        for (const ImportFileReport &f : r.files)
            lines += f.lines;
        text = tr("<b>Import done:</b> %1 lines from %Ln file(s) in %2 s.", nullptr, int(r.files.size()))
                   .arg(formatCount(lines, locale), locale.toString(m_timer.elapsed() / 1000.0, 'f', 1));
        style = ok;
    } else if (!r.error.isEmpty()) {
        text = tr("<b>The import failed, nothing was imported:</b> %1").arg(r.error.toHtmlEscaped());
        style = bad;
    } else if (r.cancelled) {
        text = tr("<b>Import cancelled:</b> nothing was imported, the database is unchanged.");
        style = warn;
    } else {
        text = tr("<b>%Ln line(s) rejected: nothing was imported</b>, the database is unchanged. Fix these lines in "
                  "the exports (or save the report to work on it), then import the files again.",
                  nullptr, int(r.rejectedCount));
        style = bad;
    }
    m_banner->setText(text);
    m_banner->setStyleSheet(QStringLiteral("QLabel#importBanner { %1 }").arg(style));
    m_banner->show();

    m_fileModel->setFiles(r.files);
    // As tall as its rows (a handful of files), no empty area under them.
    m_fileView->setFixedHeight(m_fileView->horizontalHeader()->sizeHint().height() + 2 * m_fileView->frameWidth()
                               + m_fileModel->rowCount() * m_fileView->verticalHeader()->defaultSectionSize());
    // Counts of a rolled-back import would read as if something was stored.
    for (int c : {ImportFileModel::InsertedColumn, ImportFileModel::UpdatedColumn, ImportFileModel::UnchangedColumn})
        m_fileView->setColumnHidden(c, !r.committed);
    m_fileView->setColumnHidden(ImportFileModel::RejectedColumn, r.committed);
    m_filesPanel->setVisible(!r.files.empty());
    m_notes->setText(notesHtml());
    m_notes->setVisible(!m_notes->text().isEmpty());

    const bool rejected = r.rejectedCount > 0;
    m_rejectedModel->setLines(r.rejected);
    QString title = tr("Rejected lines (%1)").arg(formatCount(r.rejectedCount, locale));
    if (qint64(r.rejected.size()) < r.rejectedCount)
        title += QStringLiteral(" \u2014 ") + tr("the first %1 are listed").arg(formatCount(qint64(r.rejected.size()), locale));
    m_rejectedTitle->setText(title);
    m_rejectedPanel->setVisible(rejected);
    m_saveReportButton->setVisible(rejected && !r.rejected.empty());
    if (rejected) {
        QHeaderView *h = m_rejectedView->horizontalHeader();
        h->setResizeContentsPrecision(200);
        m_rejectedView->resizeColumnsToContents();
        // The reason is long: it takes the remaining width, other columns stay readable.
        const int cap = fontMetrics().horizontalAdvance(QLatin1Char('M')) * 24;
        for (int c = 0; c < RejectedLineModel::ReasonColumn; ++c)
            h->resizeSection(c, std::min(h->sectionSize(c), cap));
        // Reasons say how to fix the line: wrap them so they can be read
        // whole, unless the list is so long that measuring every row would
        // freeze the dialog (the tooltip and the report have the full text).
        const bool wrap = r.rejected.size() <= 500;
        m_rejectedView->setWordWrap(wrap);
        m_rejectedView->verticalHeader()->setSectionResizeMode(wrap ? QHeaderView::ResizeToContents : QHeaderView::Fixed);
        resize(std::max(width(), 1000), std::max(height(), 620));
    } else {
        // Grow to show the summary, never shrink below the width it opened with.
        const QSize hint = sizeHint();
        resize(std::max(width(), hint.width()), std::max(height(), hint.height()));
    }
}

QString ImportDialog::notesHtml() const
{
    const bool fr = m_lang == Language::French;
    // French typography: a no-break space before the colon.
    const QString sep = fr ? QStringLiteral("\u00a0: ") : QStringLiteral(": ");
    // A first import creates every care unit: name a few, count the rest.
    const auto list = [this](const QStringList &items) {
        constexpr int kShown = 12;
        if (items.size() <= kShown)
            return items.join(QStringLiteral(", "));
        return QStringList(items.mid(0, kShown)).join(QStringLiteral(", ")) + QStringLiteral("… ") + tr("(%1 in all)").arg(items.size());
    };
    QStringList lines;
    for (const ImportFileReport &f : m_result.files) {
        QStringList notes;
        if (!f.droppedPatientColumns.isEmpty())
            notes << tr("patient columns dropped, never stored") + sep + f.droppedPatientColumns.join(QStringLiteral(", "));
        if (!f.createdLocations.isEmpty())
            notes << tr("locations created") + sep + list(f.createdLocations);
        if (!f.createdSuppliers.isEmpty())
            notes << tr("suppliers created") + sep + list(f.createdSuppliers);
        if (!f.ignoredColumns.isEmpty())
            notes << tr("columns not used") + sep + list(f.ignoredColumns);
        if (!notes.isEmpty())
            lines << QStringLiteral("<b>%1</b>%2%3")
                         .arg(QFileInfo(f.file).fileName().toHtmlEscaped(), sep,
                              notes.join(fr ? QStringLiteral(" ; ") : QStringLiteral("; ")).toHtmlEscaped());
    }
    return lines.join(QStringLiteral("<br>"));
}

bool ImportDialog::saveReport(const QString &path, QString *error) const { return Importer::writeReport(m_result, path, m_lang, error); }

void ImportDialog::saveReportInteractively()
{
    QSettings settings;
    const QString dir = settings.value(QLatin1String(kLastDirKey), QDir::homePath()).toString();
    const QString name =
        tr("import_rejects") + QDateTime::currentDateTime().toString(QStringLiteral("_yyyyMMdd-HHmm")) + QStringLiteral(".csv");
    const QString path =
        QFileDialog::getSaveFileName(this, tr("Save the report of rejected lines"), QDir(dir).filePath(name), tr("CSV files (*.csv)"));
    if (path.isEmpty())
        return;
    QString error;
    if (!saveReport(path, &error))
        QMessageBox::warning(this, windowTitle(), tr("The report could not be written to %1: %2").arg(path, error));
}

void ImportDialog::chooseAndImport()
{
    const QStringList files = chooseFiles(this);
    if (!files.isEmpty())
        startImport(files);
}

} // namespace reappro
