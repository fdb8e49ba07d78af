// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/models/productfilterproxymodel.h"
#include "ui/models/producttablemodel.h"

#include <QLocale>

namespace reappro {

ProductFilterProxyModel::ProductFilterProxyModel(QObject *parent)
    : QSortFilterProxyModel(parent), m_collator(QLocale(QLocale::French, QLocale::France))
{
    setSortRole(ProductTableModel::SortRole);
    m_collator.setCaseSensitivity(Qt::CaseInsensitive);
    m_collator.setNumericMode(true);
}

void ProductFilterProxyModel::setSearchText(const QString &text)
{
    const QStringList words = ProductTableModel::foldForSearch(text).split(QLatin1Char(' '), Qt::SkipEmptyParts);
    if (words == m_words)
        return;
    m_words = words;
    invalidateRowsFilter();
}

void ProductFilterProxyModel::setCategory(Category category)
{
    if (category == m_category)
        return;
    m_category = category;
    invalidateRowsFilter();
}

bool ProductFilterProxyModel::filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const
{
    const QModelIndex index = sourceModel()->index(sourceRow, 0, sourceParent);
    switch (m_category) {
    case Category::All: break;
    case Category::Drugs:
        if (index.data(ProductTableModel::KindRole).toInt() != static_cast<int>(ProductKind::Drug))
            return false;
        break;
    case Category::MedicalDevices:
        if (index.data(ProductTableModel::KindRole).toInt() != static_cast<int>(ProductKind::MedicalDevice))
            return false;
        break;
    case Category::Mitm:
        if (!index.data(ProductTableModel::MitmRole).toBool())
            return false;
        break;
    }
    if (m_words.isEmpty())
        return true;
    const QString haystack = index.data(ProductTableModel::SearchTextRole).toString();
    for (const QString &w : m_words) {
        if (!haystack.contains(w))
            return false;
    }
    return true;
}

bool ProductFilterProxyModel::lessThan(const QModelIndex &left, const QModelIndex &right) const
{
    const QVariant l = left.data(sortRole());
    const QVariant r = right.data(sortRole());
    if (l.typeId() == QMetaType::QString && r.typeId() == QMetaType::QString) {
        const QString ls = l.toString(), rs = r.toString();
        // Empty cells (no DCI, no supplier) last, whatever the collation says.
        if (ls.isEmpty() != rs.isEmpty())
            return rs.isEmpty();
        return m_collator.compare(ls, rs) < 0;
    }
    return QSortFilterProxyModel::lessThan(left, right);
}

} // namespace reappro
