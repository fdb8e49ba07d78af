#include "ui/explainedtable.h"
#include "ui/models/producttablemodel.h"

#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLineEdit>
#include <QSortFilterProxyModel>
#include <QSplitter>
#include <QTableView>
#include <QTextBrowser>
#include <QVBoxLayout>

namespace reappro {

ExplainedTable::ExplainedTable(QAbstractItemModel *model, int sortRole, int searchRole, int stretchColumn, QWidget *parent)
    : QWidget(parent)
{
    m_proxy = new QSortFilterProxyModel(this);
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

int ExplainedTable::shownRows() const
{
    return m_proxy->rowCount();
}

void ExplainedTable::showExplanation()
{
    const QModelIndex current = m_proxy->mapToSource(m_view->currentIndex());
    if (!current.isValid() || !m_explainer)
        m_explanation->clear();
    else
        m_explanation->setHtml(m_explainer(current.row()));
}

} // namespace reappro
