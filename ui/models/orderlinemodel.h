// SPDX-License-Identifier: GPL-3.0-or-later
// The suggested order lines of the orders view: one row per line of an
// OrderPlan (core/replenishment/orderplan.h), in the plan's review order (supplier,
// criticality, product). Display text in the UI language; SortRole holds raw
// values; SearchTextRole the folded product code, label and supplier.
#pragma once

#include "core/common/messages.h"
#include "core/replenishment/replenishment.h"
#include "ui/models/linetablemodel.h"

namespace reappro {

class OrderLineModel : public LineTableModel<OrderSuggestion>
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

    explicit OrderLineModel(Language lang, QObject *parent = nullptr);

    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    // "Capped by shelf life", "Expiry risk", "Cut by the budget", joined.
    QString noteText(const OrderSuggestion &line) const;

private:
    QString searchText(const OrderSuggestion &line) const override;
    QVariant lineData(const OrderSuggestion &l, int column, int role) const override;
    QVariant displayData(const OrderSuggestion &l, int column) const;
};

} // namespace reappro
