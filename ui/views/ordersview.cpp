// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/views/ordersview.h"
#include "ui/widgets/explainedtable.h"
#include "ui/formatting.h"
#include "ui/uilanguage.h"
#include "ui/models/orderlinemodel.h"

#include "core/common/csvformat.h"
#include "core/store/store.h"

#include <QDateEdit>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QTableView>
#include <QTextBrowser>
#include <QVBoxLayout>

namespace reappro {

namespace {

// An amount in euros as the UI language writes it: "200 000,50" in French,
// "200,000.50" in English (spaces always group). The other language's
// separator is taken only as a group of exactly three digits ("1.000" in
// French, "1,000" in English); anything else is refused rather than read
// 1,000 times too small. Nothing for an empty field.
std::optional<Money> parseBudget(QString text, Language lang, bool *ok)
{
    text.remove(QLatin1Char(' ')).remove(QChar(0x00a0)).remove(QChar(0x202f)).remove(QStringLiteral("€"));
    *ok = true;
    if (text.isEmpty())
        return std::nullopt;
    const QChar decimal = lang == Language::French ? QLatin1Char(',') : QLatin1Char('.');
    const QChar group = lang == Language::French ? QLatin1Char('.') : QLatin1Char(',');
    const QString whole = text.section(decimal, 0, 0);
    const QStringList groups = whole.split(group);
    for (int i = 1; i < groups.size(); ++i)
        if (groups[i].size() != 3 || groups[0].isEmpty()) {
            *ok = false;
            return std::nullopt;
        }
    text.remove(group);
    const QByteArray utf8 = text.toUtf8();
    const auto m = Money::parse(std::string_view(utf8.constData(), std::size_t(utf8.size())), char(decimal.unicode()));
    *ok = m && *m > Money();
    return *ok ? m : std::nullopt;
}

} // namespace

OrdersView::OrdersView(Language lang, QWidget *parent) : QWidget(parent), m_lang(lang)
{
    m_model = new OrderLineModel(lang, this);
    m_table = new ExplainedTable(m_model, OrderLineModel::SortRole, OrderLineModel::SearchTextRole, OrderLineModel::LabelColumn, this);
    m_table->setExplainer([this](int row) {
        const OrderSuggestion &l = m_model->lineAt(row);
        return QStringLiteral("<p><b>%1 %2</b> — %3</p><p>%4</p>")
            .arg(l.productCode.toHtmlEscaped(), l.label.toHtmlEscaped(),
                 (l.supplierName.isEmpty() ? l.supplierCode : l.supplierName).toHtmlEscaped(), explain(l, m_lang).toHtmlEscaped());
    });
    m_view = m_table->view();
    m_explanation = m_table->explanation();
    m_search = m_table->searchField();

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 8, 0, 0);
    layout->setSpacing(8);

    auto *bar = new QHBoxLayout;
    auto *asOfLabel = new QLabel(tr("Decision day:"), this);
    m_asOf = newDateEdit(QStringLiteral("ordersDecisionDay"), this);
    m_asOf->setToolTip(tr("The orders are those of the first order day of each supplier from this day on"));
    asOfLabel->setBuddy(m_asOf);
    auto *budgetLabel = new QLabel(tr("Budget (€):"), this);
    m_budget = new QLineEdit(this);
    m_budget->setObjectName(QStringLiteral("ordersBudget"));
    m_budget->setPlaceholderText(tr("no cap"));
    m_budget->setClearButtonEnabled(true);
    m_budget->setMaximumWidth(m_budget->fontMetrics().horizontalAdvance(QStringLiteral("0 000 000,00 €")) + 40);
    m_budget->setToolTip(tr("Optional cap on the order total, excl. VAT. Over it, lines are cut: least critical first, "
                            "then least stockout risk avoided per euro"));
    budgetLabel->setBuddy(m_budget);
    m_computeButton = new QPushButton(tr("Compute the orders"), this);
    m_computeButton->setObjectName(QStringLiteral("ordersCompute"));
    m_computeButton->setDefault(true);
    m_cancelButton = new QPushButton(tr("Cancel"), this);
    m_cancelButton->hide();
    m_busy = new QProgressBar(this);
    m_busy->setRange(0, 0);
    m_busy->setMaximumWidth(160);
    m_busy->setTextVisible(false);
    m_busy->hide();
    m_exportButton = new QPushButton(tr("Export CSV…"), this);
    m_exportButton->setObjectName(QStringLiteral("ordersExport"));
    m_exportButton->setEnabled(false);
    m_exportButton->setToolTip(tr("The lines with their explanations, as reappro-cli suggest writes them"));
    bar->addWidget(asOfLabel);
    bar->addWidget(m_asOf);
    bar->addSpacing(12);
    bar->addWidget(budgetLabel);
    bar->addWidget(m_budget);
    bar->addSpacing(12);
    bar->addWidget(m_computeButton);
    bar->addWidget(m_cancelButton);
    bar->addWidget(m_busy);
    bar->addStretch(1);

    m_search->setObjectName(QStringLiteral("ordersSearch"));
    m_search->setPlaceholderText(tr("Filter the lines (product, supplier)…"));
    m_search->setMinimumWidth(m_search->fontMetrics().horizontalAdvance(m_search->placeholderText()) + 48);
    connect(m_table, &ExplainedTable::filterChanged, this, &OrdersView::updateSummary);
    m_summary = new QLabel(this);
    m_summary->setObjectName(QStringLiteral("ordersSummary"));
    m_summary->setTextFormat(Qt::RichText);
    m_summary->setWordWrap(true);
    bar->addWidget(m_search);
    bar->addSpacing(12);
    bar->addWidget(m_exportButton);
    layout->addLayout(bar);
    layout->addWidget(m_summary);

    m_view->setObjectName(QStringLiteral("ordersView"));
    const QFontMetrics fm = m_view->fontMetrics();
    const auto width = [&](const QString &sample) { return fm.horizontalAdvance(sample) + 24; };
    m_view->setColumnWidth(OrderLineModel::SupplierColumn, width(QStringLiteral("Laboratoires Lavoisier")));
    m_view->setColumnWidth(OrderLineModel::CodeColumn, width(QStringLiteral("M000000")));
    m_view->setColumnWidth(OrderLineModel::CriticalityColumn, width(QStringLiteral("vital / MITM")));
    m_view->setColumnWidth(OrderLineModel::PacksColumn,
                           width(m_model->headerData(OrderLineModel::PacksColumn, Qt::Horizontal).toString() + QStringLiteral("00")));
    m_view->setColumnWidth(OrderLineModel::UnitsColumn, width(QStringLiteral("12 000 AMP")));
    m_view->setColumnWidth(OrderLineModel::ValueColumn, width(QStringLiteral("100 000,00")));
    m_view->setColumnWidth(OrderLineModel::ServiceColumn,
                           width(m_model->headerData(OrderLineModel::ServiceColumn, Qt::Horizontal).toString()));
    m_view->setColumnWidth(OrderLineModel::ArrivalColumn, width(QStringLiteral("00/00/0000")));

    m_explanation->setObjectName(QStringLiteral("ordersExplanation"));
    m_explanation->setPlaceholderText(tr("Select a line to read why Reappro suggests it."));
    layout->addWidget(m_table, 1);

    connect(m_computeButton, &QPushButton::clicked, this, &OrdersView::compute);
    connect(m_cancelButton, &QPushButton::clicked, this, [this] { m_task.cancel(); });
    connect(m_exportButton, &QPushButton::clicked, this, &OrdersView::exportInteractively);
    connect(&m_task.watcher(), &QFutureWatcherBase::finished, this, &OrdersView::onFinished);
    updateSummary();
}

void OrdersView::setDatabase(const QString &path, QDate lastHistoryDay)
{
    // A computation under way is dropped when it ends (onFinished), not
    // waited for: the window stays responsive.
    m_task.cancel();
    m_databasePath = path;
    m_plan = {};
    m_error.clear();
    m_model->setLines({});
    m_asOf->setDate(lastHistoryDay.isValid() ? lastHistoryDay.addDays(1) : QDate::currentDate());
    m_canCompute = !path.isEmpty() && lastHistoryDay.isValid();
    m_computeButton->setEnabled(m_canCompute && !isComputing());
    m_exportButton->setEnabled(false);
    updateSummary();
}

bool OrdersView::isComputing() const { return m_task.isRunning(); }

void OrdersView::compute()
{
    if (isComputing() || !m_canCompute)
        return;
    ReplenishmentSettings settings;
    bool ok = false;
    settings.budget = parseBudget(m_budget->text(), m_lang, &ok);
    if (!ok) {
        m_summary->setText(errorHtml(tr("Budget: write an amount in euros, e.g. 15 000 or 15 000.50, or leave it empty.")));
        m_budget->setFocus();
        return;
    }
    m_error.clear();
    setBusy(true);
    m_task.start(m_databasePath, [asOf = m_asOf->date(), settings](const Store &store, auto &, const std::atomic<bool> &stop) {
        return planOrders(store, asOf, settings, 0, &stop);
    });
}

void OrdersView::onFinished()
{
    setBusy(false);
    auto o = m_task.take();
    if (o.cancelled) { // Cancel, or another database opened meanwhile
        updateSummary();
        return;
    }
    m_error = o.error;
    m_plan = std::move(o.result);
    m_model->setLines(m_plan.lines);
    m_view->resizeColumnToContents(OrderLineModel::NoteColumn);
    m_exportButton->setEnabled(m_error.isEmpty() && !m_plan.lines.empty());
    updateSummary();
    Q_EMIT finished();
}

void OrdersView::setBusy(bool busy)
{
    m_computeButton->setEnabled(!busy && m_canCompute);
    m_asOf->setEnabled(!busy);
    m_budget->setEnabled(!busy);
    m_cancelButton->setVisible(busy);
    m_busy->setVisible(busy);
    if (busy)
        updateSummary();
}

void OrdersView::updateSummary()
{
    if (isComputing()) {
        m_summary->setText(tr("Computing the orders: forecasts, service targets and lines for every product…"));
        return;
    }
    if (!m_error.isEmpty()) {
        m_summary->setText(errorHtml(m_error));
        return;
    }
    if (!m_plan.asOf.isValid()) {
        m_summary->setText(m_databasePath.isEmpty()
                               ? QString()
                               : tr("Choose the decision day (and a budget if any), then compute the orders.").toHtmlEscaped());
        return;
    }
    const QLocale locale = uiLocale(m_lang);
    const bool fr = m_lang == Language::French;
    QStringList parts;
    parts << tr("<b>%Ln line(s)</b>", nullptr, m_plan.ordered) + QLatin1Char(' ') + tr("from %Ln supplier(s)", nullptr, m_plan.suppliers)
                 + QStringLiteral(", ") + tr("total <b>%1</b>").arg(m_plan.total.toDisplayString(fr).toHtmlEscaped());
    if (m_plan.budget)
        parts << tr("budget %1: need %2, %Ln line(s) cut", nullptr, m_plan.budgetCut)
                     .arg(m_plan.budget->toDisplayString(fr).toHtmlEscaped(), m_plan.totalBeforeBudget.toDisplayString(fr).toHtmlEscaped());
    if (m_plan.capped || m_plan.expiryRisk)
        parts << tr("%Ln capped by shelf life", nullptr, m_plan.capped) + QStringLiteral(", ")
                     + tr("%Ln at expiry risk", nullptr, m_plan.expiryRisk);
    if (m_plan.failed)
        parts << tr("%Ln product(s) without a forecast (nothing suggested)", nullptr, m_plan.failed);
    if (!m_plan.calibrated.empty())
        parts << tr("aims corrected by the replay of %1 to %2: %3")
                     .arg(formatDate(m_plan.calibration->from), formatDate(m_plan.calibration->to),
                          calibrationText(*m_plan.calibration, m_plan.calibrated, m_lang).toHtmlEscaped());
    if (!m_plan.forsaken.empty()) {
        QStringList codes;
        for (std::size_t i = 0; i < m_plan.forsaken.size() && i < 5; ++i)
            codes << m_plan.forsaken[i].productCode;
        if (m_plan.forsaken.size() > 5)
            codes << QStringLiteral("…");
        parts << tr("%Ln vital product(s) out of stock and unused for over a year, not ordered (%1)", nullptr, int(m_plan.forsaken.size()))
                     .arg(codes.join(QStringLiteral(", ")).toHtmlEscaped());
    }
    if (m_table->shownRows() != m_model->rowCount())
        parts << tr("%1 shown").arg(formatCount(m_table->shownRows(), locale));
    m_summary->setText(tr("Orders of %1: ").arg(formatDate(m_plan.asOf)) + parts.join(QStringLiteral(" · ")));
}

bool OrdersView::exportCsv(const QString &path, QString *error) const { return writeOutputFile(path, orderPlanCsv(m_plan, m_lang), error); }

void OrdersView::exportInteractively()
{
    exportCsvInteractively(this, tr("Export the suggested orders"),
                           tr("orders_%1.csv").arg(m_plan.asOf.toString(QStringLiteral("yyyy-MM-dd"))),
                           [this](const QString &path, QString *error) { return exportCsv(path, error); });
}

} // namespace reappro
