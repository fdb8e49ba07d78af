// SPDX-License-Identifier: GPL-3.0-or-later
// The product list of the main window: adapts the Store's ProductSummary rows
// to a table. Display text is formatted for the UI language; Qt::UserRole
// (SortRole) holds raw values so that sorting is numeric, by date, or by
// criticality rank rather than by the displayed text.
#pragma once

#include "core/common/messages.h"
#include "core/store/store.h"

#include <QAbstractTableModel>
#include <QLocale>
#include <vector>

namespace reappro {

class ProductTableModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column {
        CodeColumn,
        LabelColumn,
        DciColumn,
        FormUnitColumn,
        SupplierColumn,
        StockColumn,
        StockValueColumn,
        NextExpiryColumn,
        Consumption90dColumn,
        CriticalityColumn,
        ColumnCount
    };
    enum Role {
        SortRole = Qt::UserRole,
        SearchTextRole,   // code, label and DCI folded (lower case, no accents), for the filter
        KindRole,         // int(ProductKind)
        MitmRole,         // bool
        VenRole,          // int(VenClass)
    };

    explicit ProductTableModel(Language lang, QObject *parent = nullptr);

    void setProducts(std::vector<ProductSummary> products);
    const ProductSummary &productAt(int row) const { return m_products[size_t(row)]; }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    // Lower case without diacritics: "Paracétamol" -> "paracetamol", so that
    // a search typed without accents still finds the product.
    static QString foldForSearch(const QString &text);
    // Badge text of the criticality column: "MITM · V", "E"...
    static QString criticalityText(const Product &p);

private:
    QVariant displayData(const ProductSummary &s, int column) const;
    QVariant sortData(const ProductSummary &s, int column) const;
    QString toolTip(const ProductSummary &s, int column) const;

    Language m_lang;
    QLocale m_locale;
    std::vector<ProductSummary> m_products;
    std::vector<QString> m_searchText;   // folded once per load, not per keystroke
};

} // namespace reappro
