// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/widgets/explainedtable.h"
#include "ui/models/producttablemodel.h"

#include <QFileDialog>
#include <QHeaderView>
#include <QMessageBox>
#include <QItemSelectionModel>
#include <QLineEdit>
#include <QSortFilterProxyModel>
#include <QSplitter>
#include <QTableView>
#include <QTextBrowser>
#include <QVBoxLayout>

namespace reappro {

// The search text, then the owner's row filter.
class ExplainedTable::Proxy : public QSortFilterProxyModel
{
public:
    using QSortFilterProxyModel::QSortFilterProxyModel;
    std::function<bool(int)> accepts;
    void refilter() { invalidateRowsFilter(); }

protected:
    bool filterAcceptsRow(int row, const QModelIndex &parent) const override
    {
        return QSortFilterProxyModel::filterAcceptsRow(row, parent) && (!accepts || accepts(row));
    }
};

ExplainedTable::ExplainedTable(QAbstractItemModel *model, int sortRole, int searchRole, int stretchColumn, QWidget *parent)
    : QWidget(parent)
{
    m_proxy = new Proxy(this);
    m_proxy->setSourceModel(model);
    m_proxy->setSortRole(sortRole);
    m_proxy->setFilterRole(searchRole);
    m_proxy->setFilterKeyColumn(0);

    m_search = new QLineEdit(this);
    m_search->setClearButtonEnabled(true);
    connect(m_search, &QLineEdit::textChanged, this, [this](const QString &text) {
        m_proxy->setFilterFixedString(ProductTableModel::foldForSearch(text));
        Q_EMIT filterChanged();
    });

    m_view = new QTableView(this);
    m_view->setModel(m_proxy);
    m_view->setSortingEnabled(true);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->setAlternatingRowColors(true);
    m_view->setWordWrap(false);
    m_view->setTextElideMode(Qt::ElideRight);
    m_view->verticalHeader()->hide();
    m_view->verticalHeader()->setDefaultSectionSize(m_view->fontMetrics().height() + 10);
    QHeaderView *header = m_view->horizontalHeader();
    header->setHighlightSections(false);
    header->setSectionResizeMode(QHeaderView::Interactive);
    header->setSectionResizeMode(stretchColumn, QHeaderView::Stretch);
    header->setSortIndicator(-1, Qt::AscendingOrder); // the lines' own order until a column is clicked

    m_explanation = new QTextBrowser(this);
    m_explanation->setOpenLinks(false);

    auto *split = new QSplitter(Qt::Vertical, this);
    split->addWidget(m_view);
    split->addWidget(m_explanation);
    split->setStretchFactor(0, 3);
    split->setStretchFactor(1, 1);
    split->setChildrenCollapsible(false);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(split);

    connect(m_view->selectionModel(), &QItemSelectionModel::currentRowChanged, this, &ExplainedTable::showExplanation);
    connect(model, &QAbstractItemModel::modelReset, m_explanation, &QTextBrowser::clear);
}

QSortFilterProxyModel *ExplainedTable::proxy() const { return m_proxy; }

void ExplainedTable::setRowFilter(std::function<bool(int row)> accepts)
{
    m_proxy->accepts = std::move(accepts);
    refilter();
}

void ExplainedTable::refilter()
{
    m_proxy->refilter();
    Q_EMIT filterChanged();
}

int ExplainedTable::shownRows() const { return m_proxy->rowCount(); }

void ExplainedTable::showExplanation()
{
    const QModelIndex current = m_proxy->mapToSource(m_view->currentIndex());
    if (!current.isValid() || !m_explainer)
        m_explanation->clear();
    else
        m_explanation->setHtml(m_explainer(current.row()));
}

void exportCsvInteractively(QWidget *parent, const QString &title, const QString &name,
                            const std::function<bool(const QString &path, QString *error)> &write)
{
    const QString path = QFileDialog::getSaveFileName(parent, title, name, ExplainedTable::tr("CSV files (*.csv)"));
    if (path.isEmpty())
        return;
    QString error;
    if (!write(path, &error))
        QMessageBox::warning(parent, ExplainedTable::tr("Export failed"),
                             ExplainedTable::tr("The file %1 could not be written: %2").arg(path, error));
}

} // namespace reappro
