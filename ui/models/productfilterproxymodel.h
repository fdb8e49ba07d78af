// SPDX-License-Identifier: GPL-3.0-or-later
// Filters the product list by a search text (code, label, DCI; accents and
// case ignored; every word must match) and by a category, and sorts strings
// the way a French reader expects (accents, case, "M2" before "M10").
#pragma once

#include <QCollator>
#include <QSortFilterProxyModel>
#include <QStringList>

namespace reappro {

class ProductFilterProxyModel : public QSortFilterProxyModel
{
    Q_OBJECT
public:
    enum class Category { All, Drugs, MedicalDevices, Mitm };

    explicit ProductFilterProxyModel(QObject *parent = nullptr);

    void setSearchText(const QString &text);
    void setCategory(Category category);
    Category category() const { return m_category; }

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;
    bool lessThan(const QModelIndex &left, const QModelIndex &right) const override;

private:
    QStringList m_words;   // folded like ProductTableModel::SearchTextRole
    Category m_category = Category::All;
    QCollator m_collator;
};

} // namespace reappro
