// SPDX-License-Identifier: GPL-3.0-or-later
// The ward stock lines of the Ward stocks tab: one row per (care unit,
// product) of a ParLevelResult (core/replenishment/parlevels.h), by care unit then
// product. Display text in the UI language; SortRole holds raw values;
// SearchTextRole the folded care unit and product codes and labels.
#pragma once

#include "core/common/messages.h"
#include "core/replenishment/parlevels.h"
#include "ui/models/linetablemodel.h"

namespace reappro {

class ParLevelModel : public LineTableModel<ParLevel>
{
    Q_OBJECT
public:
    enum Column {
        UnitColumn,
        CodeColumn,
        LabelColumn,
        CriticalityColumn,
        RoundsColumn,
        CoverColumn,
        DemandColumn,     // expected over the cover
        ParColumn,
        WardStockColumn,
        TopUpColumn,
        NoteColumn,
        ColumnCount
    };

    explicit ParLevelModel(Language lang, QObject *parent = nullptr);

    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    QString noteText(const ParLevel &line) const;

private:
    QString searchText(const ParLevel &line) const override;
    QVariant lineData(const ParLevel &l, int column, int role) const override;
    QVariant displayData(const ParLevel &l, int column) const;
    QString quantity(double units, const ParLevel &l) const; // "12 AMP"
};

} // namespace reappro
