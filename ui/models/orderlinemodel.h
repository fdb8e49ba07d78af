// The suggested order lines of the orders view: one row per line of an
// OrderPlan (core/orderplan.h), in the plan's review order (supplier,
// criticality, product). Display text in the UI language; SortRole holds raw
// values; SearchTextRole the folded product code, label and supplier.
#pragma once

#include "core/messages.h"
#include "core/replenishment.h"

#include <QAbstractTableModel>
#include <QLocale>
#include <vector>

namespace reappro {

class OrderLineModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column {
        SupplierColumn,
        CodeColumn,
        LabelColumn,
        CriticalityColumn,
        PacksColumn,
        UnitsColumn,
        ValueColumn,
        ServiceColumn,
        ArrivalColumn,
        NoteColumn,       // capped by shelf life, expiry risk, cut by the budget
        ColumnCount
    };
    enum Role { SortRole = Qt::UserRole, SearchTextRole };

    explicit OrderLineModel(Language lang, QObject *parent = nullptr);

    void setLines(std::vector<OrderSuggestion> lines);
    const OrderSuggestion &lineAt(int row) const { return m_lines[size_t(row)]; }
    const std::vector<OrderSuggestion> &lines() const { return m_lines; }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    // "Capped by shelf life", "Expiry risk", "Cut by the budget", joined.
    QString noteText(const OrderSuggestion &line) const;

private:
    QVariant displayData(const OrderSuggestion &l, int column) const;

    Language m_lang;
    QLocale m_locale;
    std::vector<OrderSuggestion> m_lines;
    std::vector<QString> m_searchText;
};

} // namespace reappro
