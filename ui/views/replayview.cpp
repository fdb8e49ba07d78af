// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/views/replayview.h"
#include "ui/formatting.h"
#include "ui/uilanguage.h"

#include "core/replenishment/replenishmentdata.h"
#include "core/store/store.h"

#include <QDateEdit>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QProgressBar>
#include <QPushButton>
#include <QTableWidget>
#include <QVBoxLayout>

namespace reappro {

namespace {

enum Column {
    CyclesColumn,
    FillColumn,
    VitalColumn,
    EssentialColumn,
    OtherColumn,
    StockColumn,
    ExpiredColumn,
    OwnExpiredColumn,
    StockoutColumn,
    OrdersColumn,
    ColumnCount
};

// The history needed before the first replayed day (the forecasts' year).
constexpr int kHistoryBeforeDays = 365;

} // namespace

ReplayView::ReplayView(Language lang, QWidget *parent) : QWidget(parent), m_lang(lang)
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 8, 0, 0);
    layout->setSpacing(8);

    auto *bar = new QHBoxLayout;
    auto *fromLabel = new QLabel(tr("From:"), this);
    m_from = newDateEdit(QStringLiteral("replayFrom"), this);
    fromLabel->setBuddy(m_from);
    auto *toLabel = new QLabel(tr("to:"), this);
    m_to = newDateEdit(QStringLiteral("replayTo"), this);
    toLabel->setBuddy(m_to);
    m_computeButton = new QPushButton(tr("Compare the policies"), this);
    m_computeButton->setObjectName(QStringLiteral("replayCompute"));
    m_computeButton->setToolTip(tr("Replays each policy day by day over the period, from the same stock: orders on the "
                                   "suppliers' order days, deliveries after the observed delays, the actual demand served "
                                   "first-expiring-first, expired lots destroyed"));
    m_cancelButton = new QPushButton(tr("Cancel"), this);
    m_cancelButton->hide();
    m_progress = new QProgressBar(this);
    m_progress->setRange(0, 1000);
    m_progress->setMaximumWidth(200);
    m_progress->hide();
    bar->addWidget(fromLabel);
    bar->addWidget(m_from);
    bar->addWidget(toLabel);
    bar->addWidget(m_to);
    bar->addSpacing(12);
    bar->addWidget(m_computeButton);
    bar->addWidget(m_cancelButton);
    bar->addWidget(m_progress);
    bar->addStretch(1);
    layout->addLayout(bar);

    m_summary = new QLabel(this);
    m_summary->setObjectName(QStringLiteral("replaySummary"));
    m_summary->setTextFormat(Qt::RichText);
    m_summary->setWordWrap(true);
    layout->addWidget(m_summary);

    m_table = new QTableWidget(RowCount, ColumnCount, this);
    m_table->setObjectName(QStringLiteral("replayTable"));
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setSelectionMode(QAbstractItemView::NoSelection);
    m_table->setFocusPolicy(Qt::NoFocus);
    m_table->setAlternatingRowColors(true);
    m_table->setHorizontalHeaderLabels({tr("Cycles served"), tr("Fill rate"), tr("Vital / MITM"), tr("Essential"), tr("Other"),
                                        tr("Average stock"), tr("Expired"), tr("of which own orders"), tr("Stockouts (product-days)"),
                                        tr("Orders")});
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->verticalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_table->verticalHeader()->setDefaultAlignment(Qt::AlignLeft | Qt::AlignVCenter);
    m_table->setSizeAdjustPolicy(QAbstractScrollArea::AdjustToContents);
    m_table->setVerticalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_table->setHorizontalScrollBarPolicy(Qt::ScrollBarAsNeeded);
    layout->addWidget(m_table);

    auto *note = new QLabel(tr("Every policy starts from the stock on the shelves on the first day and receives the orders "
                               "already placed then; what these lose to expiry is the same under every policy and is counted "
                               "in the expired value (the column after it shows what each policy's own orders lost). "
                               "A cycle runs from one order day of the supplier to the next; it is served when no demand went "
                               "unserved in it. “What the hospital did” looks perfect because the exports only hold the "
                               "demand that was served."),
                            this);
    note->setWordWrap(true);
    note->setStyleSheet(QStringLiteral("color: #5f6b7a;"));
    layout->addWidget(note);
    layout->addStretch(1);

    connect(m_computeButton, &QPushButton::clicked, this, &ReplayView::compute);
    connect(m_cancelButton, &QPushButton::clicked, this, [this] { m_task.cancel(); });
    connect(&m_task.watcher(), &QFutureWatcherBase::finished, this, &ReplayView::onFinished);
    connect(&m_task.watcher(), &QFutureWatcherBase::progressValueChanged, m_progress, &QProgressBar::setValue);
    setDatabase({}, {}, {});
}

void ReplayView::setDatabase(const QString &path, QDate firstDay, QDate lastDay)
{
    // A replay under way is dropped when it ends (onFinished).
    m_task.cancel();
    m_databasePath = path;
    m_firstDay = firstDay;
    m_lastDay = lastDay;
    m_computed = false;
    m_comparison = {};
    m_canCompute = !path.isEmpty() && firstDay.isValid() && lastDay.isValid() && firstDay.addDays(kHistoryBeforeDays) < lastDay;
    if (m_canCompute) {
        m_to->setDateRange(firstDay.addDays(kHistoryBeforeDays + 1), lastDay);
        m_from->setDateRange(firstDay.addDays(kHistoryBeforeDays), lastDay.addDays(-1));
        m_to->setDate(lastDay);
        m_from->setDate(std::max(firstDay.addDays(kHistoryBeforeDays), lastDay.addYears(-2).addDays(1)));
    }
    m_computeButton->setEnabled(m_canCompute && !isComputing());
    for (int r = 0; r < RowCount; ++r)
        for (int c = 0; c < ColumnCount; ++c)
            m_table->setItem(r, c, nullptr);
    m_table->setVerticalHeaderLabels({QStringLiteral("Reappro"), tr("Min/max"), tr("Min/max at equal service"),
                                      tr("Min/max at equal service by class"), tr("What the hospital did")});
    say(path.isEmpty() ? QString()
        : m_canCompute ? tr("Replays the period chosen with each policy and compares them at the same service level.").toHtmlEscaped()
                       : tr("The history is too short: a replay needs a year of history before its first day.").toHtmlEscaped());
}

bool ReplayView::isComputing() const { return m_task.isRunning(); }

void ReplayView::say(const QString &html) { m_summary->setText(html); }

void ReplayView::compute()
{
    if (isComputing() || !m_canCompute)
        return;
    if (m_from->date() >= m_to->date()) {
        say(errorHtml(tr("The first day must come before the last one.")));
        return;
    }
    m_options = ReplayOptions{};
    m_options.from = m_from->date();
    m_options.to = m_to->date();
    setBusy(true);
    m_task.start(m_databasePath, [options = m_options](const Store &store, auto &promise, const std::atomic<bool> &stop) {
        promise.setProgressRange(0, 1000);
        ReplayControl control;
        control.stop = &stop;
        control.progress = [&promise](double f) { promise.setProgressValue(int(1000.0 * f)); };
        return comparePolicies(loadReplayProducts(store, options.from), options, 0, control);
    });
}

void ReplayView::setBusy(bool busy)
{
    m_computeButton->setEnabled(!busy && m_canCompute);
    m_from->setEnabled(!busy);
    m_to->setEnabled(!busy);
    m_cancelButton->setVisible(busy);
    m_progress->setVisible(busy);
    m_progress->setValue(0);
    if (busy)
        say(tr("Replaying Reappro's policy, then min/max at several months of cover until it serves as often, "
               "then what the hospital did…")
                .toHtmlEscaped());
}

void ReplayView::onFinished()
{
    setBusy(false);
    auto o = m_task.take();
    if (o.cancelled) {
        say(tr("Replay cancelled.").toHtmlEscaped());
        return;
    }
    if (!o.error.isEmpty()) {
        say(errorHtml(o.error));
        return;
    }
    m_comparison = std::move(o.result);
    m_computed = true;
    // Reappro's class aims, for the orders tab and suggest to order as the
    // replay did (criticality.h).
    m_calibrationNote.clear();
    if (const std::optional<ServiceCalibration> c = calibrationOf(m_comparison.reappro, m_options)) {
        Store store;
        QString error;
        if (store.open(m_databasePath, &error) && store.saveServiceCalibration(*c, &error))
            m_calibrationNote = tr("Class aims stored for the orders tab: %1.").arg(calibrationText(*c, {}, m_lang).toHtmlEscaped());
        else
            m_calibrationNote = errorHtml(tr("Class aims not stored: %1").arg(error));
    }
    showComparison();
    Q_EMIT finished();
}

void ReplayView::showComparison()
{
    const QLocale locale = uiLocale(m_lang);
    const bool fr = m_lang == Language::French;
    const auto percent = [&](double f) {
        return locale.toString(100.0 * f, 'f', 1) + (fr ? QStringLiteral("\u00a0%") : QStringLiteral("%"));
    };
    const auto months = [&](double m) { return locale.toString(m, 'f', 2); };
    const MatchedMinMax &matched = m_comparison.matched;
    const ClassMatchedMinMax &byClass = m_comparison.matchedByClass;
    QStringList classMonths;
    for (const auto &[c, m] : byClass.minMonths)
        classMonths << months(m);
    m_table->setVerticalHeaderLabels(
        {QStringLiteral("Reappro"), tr("Min/max %1-%2 months").arg(months(m_options.minMonths), months(m_options.maxMonths)),
         tr("Min/max at equal service (%1-%2 months)").arg(months(matched.minMonths), months(matched.maxMonths)),
         tr("Min/max at equal service by class\n(minimum %1 months)").arg(classMonths.join(QStringLiteral(" / "))),
         tr("What the hospital did")});
    m_table->verticalHeaderItem(MatchedByClassRow)
        ->setToolTip(tr("Months of cover set class by class (vital / essential / other) so that each class is served as often as "
                        "Reappro serves it; the maximum is twice the minimum."));
    const ReplayResult *rows[RowCount] = {&m_comparison.reappro, &m_comparison.minmax, &matched.result, &byClass.result,
                                          &m_comparison.actual};
    for (int r = 0; r < RowCount; ++r) {
        const ReplayResult &x = *rows[r];
        const auto classLevel = [&](Criticality c) {
            const auto it = x.byCriticality.find(c);
            return it == x.byCriticality.end() ? QString() : percent(it->second.cycleServiceLevel());
        };
        const QStringList cells{percent(x.total.cycleServiceLevel()),
                                percent(x.total.fillRate()),
                                classLevel(Criticality::Vital),
                                classLevel(Criticality::Essential),
                                classLevel(Criticality::Other),
                                formatMoneyAmount(x.averageStockValue(), locale) + QStringLiteral(" €"),
                                formatMoneyAmount(x.total.expiredValue, locale) + QStringLiteral(" €"),
                                formatMoneyAmount(x.total.expiredFromOrders(), locale) + QStringLiteral(" €"),
                                formatCount(x.total.stockoutDays, locale),
                                formatCount(x.total.orders, locale)};
        for (int c = 0; c < ColumnCount; ++c) {
            auto *item = new QTableWidgetItem(cells[c]);
            item->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
            if (r == ReapproRow) {
                QFont f = item->font();
                f.setBold(true);
                item->setFont(f);
            }
            m_table->setItem(r, c, item);
        }
    }
    const ServiceTargets targets;
    for (auto [column, c] : {std::pair{int(VitalColumn), Criticality::Vital}, std::pair{int(EssentialColumn), Criticality::Essential},
                             std::pair{int(OtherColumn), Criticality::Other}})
        m_table->horizontalHeaderItem(column)->setToolTip(tr("Cycles served in the class (target %1)").arg(percent(targets.of(c))));

    // Signed changes: "-31,6 %", "+4,2 %"; against nothing, the amount.
    const auto change = [&](Money mine, Money theirs) {
        if (theirs <= Money())
            return mine > Money() ? QStringLiteral("+") + formatMoneyAmount(mine, locale) + QStringLiteral(" €") : percent(0.0);
        const double c = mine.toDouble() / theirs.toDouble() - 1.0; // a ratio, not an amount
        return (c > 0.0 ? QStringLiteral("+") : QString()) + percent(c);
    };
    const ReplayResult &a = m_comparison.reappro, &b = matched.result, &k = byClass.result;
    say(tr("From %1 to %2, at the same service (%3 of cycles served), Reappro against min/max (%4-%5 months of consumption): "
           "average stock <b>%6</b>, expired value <b>%7</b> (%8 from its own orders). "
           "Against min/max set class by class to serve each class as often: average stock <b>%9</b>, expired value <b>%10</b>. "
           "%11 € of the expired value was in stock or on order on the first day: it expires under every policy.")
            .arg(formatDate(m_options.from), formatDate(m_options.to), percent(a.total.cycleServiceLevel()), months(matched.minMonths),
                 months(matched.maxMonths), change(a.averageStockValue(), b.averageStockValue()),
                 change(a.total.expiredValue, b.total.expiredValue), change(a.total.expiredFromOrders(), b.total.expiredFromOrders()),
                 change(a.averageStockValue(), k.averageStockValue()))
            .arg(change(a.total.expiredValue, k.total.expiredValue), formatMoneyAmount(a.total.expiredInitialValue, locale))
        + (m_calibrationNote.isEmpty() ? QString() : QStringLiteral("<br>") + m_calibrationNote));
}

} // namespace reappro
