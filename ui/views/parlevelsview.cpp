// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/views/parlevelsview.h"
#include "ui/widgets/explainedtable.h"
#include "ui/formatting.h"
#include "ui/uilanguage.h"
#include "ui/models/parlevelmodel.h"

#include "core/store/store.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QTableView>
#include <QTextBrowser>
#include <QVBoxLayout>

#include <map>

namespace reappro {

ParLevelsView::ParLevelsView(Language lang, QWidget *parent) : QWidget(parent), m_lang(lang)
{
    m_model = new ParLevelModel(lang, this);
    // The notes take the width left; the label is sized to its texts.
    m_table = new ExplainedTable(m_model, ParLevelModel::SortRole, ParLevelModel::SearchTextRole, ParLevelModel::NoteColumn, this);
    m_table->setExplainer([this](int row) {
        const ParLevel &l = m_model->lineAt(row);
        return QStringLiteral("<p><b>%1 %2</b> — %3 %4</p><p>%5</p>")
            .arg(l.productCode.toHtmlEscaped(), l.productLabel.toHtmlEscaped(), l.unitCode.toHtmlEscaped(), l.unitLabel.toHtmlEscaped(),
                 explainParLevel(l, m_lang).toHtmlEscaped());
    });

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 8, 0, 0);
    layout->setSpacing(8);
    auto *bar = new QHBoxLayout;
    m_computeButton = new QPushButton(tr("Compute the par levels"), this);
    m_computeButton->setObjectName(QStringLiteral("wardCompute"));
    m_computeButton->setToolTip(tr("For every product and care unit with consumption: the par level that lasts until the next "
                                   "round at the product's service level, and the top-up of the next round"));
    m_cancelButton = new QPushButton(tr("Cancel"), this);
    m_cancelButton->hide();
    m_progress = new QProgressBar(this);
    m_progress->setMaximumWidth(160);
    m_progress->hide();
    auto *unitLabel = new QLabel(tr("Care unit:"), this);
    m_unit = new QComboBox(this);
    m_unit->setObjectName(QStringLiteral("wardUnit"));
    m_unit->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    m_unit->setMinimumContentsLength(26);
    unitLabel->setBuddy(m_unit);
    auto *showLabel = new QLabel(tr("Show:"), this);
    m_show = new QComboBox(this);
    m_show->setObjectName(QStringLiteral("wardShow"));
    m_show->addItem(tr("All the lines"), int(Show::All));
    m_show->addItem(tr("Top-ups to deliver"), int(Show::TopUps));
    m_show->addItem(tr("Allowances unused"), int(Show::Dormant));
    showLabel->setBuddy(m_show);
    QLineEdit *search = m_table->searchField();
    search->setObjectName(QStringLiteral("wardSearch"));
    search->setPlaceholderText(tr("Filter (care unit, product)…"));
    search->setMinimumWidth(search->fontMetrics().horizontalAdvance(search->placeholderText()) + 48);
    m_exportButton = new QPushButton(tr("Export CSV…"), this);
    m_exportButton->setObjectName(QStringLiteral("wardExport"));
    m_exportButton->setEnabled(false);
    m_exportButton->setToolTip(tr("Every line with its explanation, as reappro-cli parlevels writes them"));
    bar->addWidget(m_computeButton);
    bar->addWidget(m_cancelButton);
    bar->addWidget(m_progress);
    bar->addSpacing(12);
    bar->addWidget(unitLabel);
    bar->addWidget(m_unit);
    bar->addSpacing(12);
    bar->addWidget(showLabel);
    bar->addWidget(m_show);
    bar->addStretch(1);
    bar->addWidget(search);
    bar->addSpacing(12);
    bar->addWidget(m_exportButton);
    layout->addLayout(bar);

    m_summary = new QLabel(this);
    m_summary->setObjectName(QStringLiteral("wardSummary"));
    m_summary->setTextFormat(Qt::RichText);
    m_summary->setWordWrap(true);
    layout->addWidget(m_summary);

    QTableView *view = m_table->view();
    view->setObjectName(QStringLiteral("wardView"));
    const QFontMetrics fm = view->fontMetrics();
    const auto width = [&](const QString &sample) { return fm.horizontalAdvance(sample) + 24; };
    view->setColumnWidth(ParLevelModel::CodeColumn, width(QStringLiteral("M000000")));
    view->setColumnWidth(ParLevelModel::CriticalityColumn, width(QStringLiteral("vital / MITM")));
    view->setColumnWidth(ParLevelModel::LabelColumn, width(QStringLiteral("CHLORURE DE SODIUM 0,9 % 10 ML INJ")));
    for (int c : {int(ParLevelModel::RoundsColumn), int(ParLevelModel::CoverColumn), int(ParLevelModel::DemandColumn)})
        view->setColumnWidth(c, width(m_model->headerData(c, Qt::Horizontal).toString()) - 8);
    for (int c : {int(ParLevelModel::ParColumn), int(ParLevelModel::WardStockColumn), int(ParLevelModel::TopUpColumn)})
        view->setColumnWidth(c, std::max(width(QStringLiteral("1 200 AMP")), width(m_model->headerData(c, Qt::Horizontal).toString())));
    m_table->explanation()->setObjectName(QStringLiteral("wardExplanation"));
    m_table->explanation()->setPlaceholderText(tr("Select a line to read how its par level and top-up are computed."));
    layout->addWidget(m_table, 1);

    const auto refilter = [this] { setFilter(m_unit->currentData().toString(), Show(m_show->currentData().toInt())); };
    connect(m_unit, &QComboBox::currentIndexChanged, this, refilter);
    connect(m_show, &QComboBox::currentIndexChanged, this, refilter);
    connect(m_table, &ExplainedTable::filterChanged, this, &ParLevelsView::updateSummary);
    connect(m_computeButton, &QPushButton::clicked, this, &ParLevelsView::compute);
    connect(m_cancelButton, &QPushButton::clicked, this, [this] { m_task.cancel(); });
    connect(m_exportButton, &QPushButton::clicked, this, &ParLevelsView::exportInteractively);
    connect(&m_task.watcher(), &QFutureWatcherBase::finished, this, &ParLevelsView::onFinished);
    connect(&m_task.watcher(), &QFutureWatcherBase::progressRangeChanged, m_progress, &QProgressBar::setRange);
    connect(&m_task.watcher(), &QFutureWatcherBase::progressValueChanged, m_progress, &QProgressBar::setValue);
    setDatabase({}, false);
}

QTableView *ParLevelsView::lineView() const { return m_table->view(); }
QTextBrowser *ParLevelsView::explanationView() const { return m_table->explanation(); }
QLineEdit *ParLevelsView::searchField() const { return m_table->searchField(); }
int ParLevelsView::shownRows() const { return m_table->shownRows(); }

void ParLevelsView::setDatabase(const QString &path, bool hasHistory)
{
    // A computation under way is dropped when it ends (onFinished).
    m_task.cancel();
    m_databasePath = path;
    m_result = {};
    m_computed = false;
    m_error.clear();
    m_model->setLines({});
    m_unit->clear();
    m_unit->addItem(tr("All care units"), QString());
    m_canCompute = !path.isEmpty() && hasHistory;
    m_computeButton->setEnabled(m_canCompute && !isComputing());
    m_exportButton->setEnabled(false);
    updateSummary();
}

void ParLevelsView::setFilter(const QString &unitCode, Show show)
{
    const int unitIndex = m_unit->findData(unitCode);
    if (unitIndex >= 0 && unitIndex != m_unit->currentIndex())
        m_unit->setCurrentIndex(unitIndex); // comes back here through the signal
    const int showIndex = m_show->findData(int(show));
    if (showIndex >= 0 && showIndex != m_show->currentIndex())
        m_show->setCurrentIndex(showIndex);
    m_table->setRowFilter([this, unitCode, show](int row) {
        const ParLevel &l = m_model->lineAt(row);
        if (!unitCode.isEmpty() && l.unitCode != unitCode)
            return false;
        switch (show) {
        case Show::TopUps: return l.topUp > 0.0;
        case Show::Dormant: return l.dormant;
        case Show::All: break;
        }
        return true;
    });
}

bool ParLevelsView::isComputing() const { return m_task.isRunning(); }

void ParLevelsView::compute()
{
    if (isComputing() || !m_canCompute)
        return;
    m_error.clear();
    setBusy(true);
    m_task.start(m_databasePath, [](const Store &store, auto &promise, const std::atomic<bool> &stop) {
        int range = -1; // the calls come under a lock
        return computeParLevels(
            store, ParLevelOptions{},
            [&promise, &range](std::size_t done, std::size_t total) {
                if (range != int(total))
                    promise.setProgressRange(0, range = int(total));
                promise.setProgressValue(int(done));
            },
            &stop);
    });
}

void ParLevelsView::onFinished()
{
    setBusy(false);
    auto o = m_task.take();
    if (o.cancelled) { // Cancel, or another database opened meanwhile
        updateSummary();
        return;
    }
    m_error = o.error;
    m_result = std::move(o.result);
    m_computed = m_error.isEmpty();
    // The care units with lines, for the filter.
    std::map<QString, QString> units;
    for (const ParLevel &l : m_result.lines)
        units.emplace(l.unitCode, l.unitLabel);
    const QString current = m_unit->currentData().toString();
    m_unit->blockSignals(true);
    m_unit->clear();
    m_unit->addItem(tr("All care units"), QString());
    for (const auto &[code, label] : units)
        m_unit->addItem(label.isEmpty() ? code : code + QStringLiteral(" · ") + label, code);
    m_unit->setCurrentIndex(std::max(0, m_unit->findData(current)));
    m_unit->blockSignals(false);
    m_model->setLines(m_result.lines);
    setFilter(m_unit->currentData().toString(), Show(m_show->currentData().toInt()));
    QTableView *view = m_table->view();
    for (auto [column, cap] : {std::pair{int(ParLevelModel::UnitColumn), 200}, std::pair{int(ParLevelModel::LabelColumn), 320}}) {
        view->resizeColumnToContents(column);
        view->setColumnWidth(column, std::min(view->columnWidth(column), cap));
    }
    m_exportButton->setEnabled(m_computed && !m_result.lines.empty());
    updateSummary();
    Q_EMIT finished();
}

void ParLevelsView::setBusy(bool busy)
{
    m_computeButton->setEnabled(!busy && m_canCompute);
    m_cancelButton->setVisible(busy);
    m_progress->setVisible(busy);
    m_progress->setRange(0, 0);
    if (busy)
        updateSummary();
}

void ParLevelsView::updateSummary()
{
    if (isComputing()) {
        m_summary->setText(tr("Computing the par levels: a forecast for every product in every care unit…"));
        return;
    }
    if (!m_error.isEmpty()) {
        m_summary->setText(errorHtml(m_error));
        return;
    }
    if (!m_computed) {
        m_summary->setText(m_databasePath.isEmpty()
                               ? QString()
                               : tr("Compute the par levels of the care units' stocks from their consumption.").toHtmlEscaped());
        return;
    }
    if (m_result.status == ParLevelStatus::NoHistory) {
        m_summary->setText(tr("No consumption by care unit in the history: nothing to compute.").toHtmlEscaped());
        return;
    }
    const QLocale locale = uiLocale(m_lang);
    std::map<QString, int> units;
    int topUps = 0, dormant = 0;
    for (const ParLevel &l : m_result.lines) {
        ++units[l.unitCode];
        topUps += l.topUp > 0.0 ? 1 : 0;
        dormant += l.dormant ? 1 : 0;
    }
    QStringList parts;
    parts << tr("<b>%Ln line(s)</b>", nullptr, int(m_result.lines.size())) + QLatin1Char(' ')
                 + tr("in %Ln care unit(s)", nullptr, int(units.size()));
    parts << tr("%Ln top-up(s) to deliver at the next round", nullptr, topUps);
    if (dormant)
        parts << tr("%Ln allowance(s) unused for %1 weeks", nullptr, dormant).arg(ParLevelOptions{}.dormantWeeks);
    if (m_result.failed)
        parts << tr("%Ln without a forecast", nullptr, m_result.failed);
    if (shownRows() != m_model->rowCount())
        parts << tr("%1 shown").arg(formatCount(shownRows(), locale));
    m_summary->setText(tr("Par levels from the history up to %1: ").arg(formatDate(m_result.historyTo))
                       + parts.join(QStringLiteral(" · ")));
}

bool ParLevelsView::exportCsv(const QString &path, QString *error) const { return writeParLevelsCsv(path, m_result, m_lang, error); }

void ParLevelsView::exportInteractively()
{
    exportCsvInteractively(this, tr("Export the par levels"),
                           tr("parlevels_%1.csv").arg(m_result.asOf.toString(QStringLiteral("yyyy-MM-dd"))),
                           [this](const QString &path, QString *error) { return exportCsv(path, error); });
}

} // namespace reappro
