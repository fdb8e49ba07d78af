// The ward stock lines of the Ward stocks tab: one row per (care unit,
// product) of a ParLevelResult (core/parlevels.h), by care unit then
// product. Display text in the UI language; SortRole holds raw values;
// SearchTextRole the folded care unit and product codes and labels.
#pragma once

#include "core/messages.h"
#include "core/parlevels.h"

#include <QAbstractTableModel>
#include <QLocale>
#include <vector>

namespace reappro {

class ParLevelModel : public QAbstractTableModel
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
    enum Role { SortRole = Qt::UserRole, SearchTextRole };

    explicit ParLevelModel(Language lang, QObject *parent = nullptr);

    void setLines(std::vector<ParLevel> lines);
    const ParLevel &lineAt(int row) const { return m_lines[size_t(row)]; }
    const std::vector<ParLevel> &lines() const { return m_lines; }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    QString noteText(const ParLevel &line) const;

private:
    QVariant displayData(const ParLevel &l, int column) const;
    QString quantity(double units, const ParLevel &l) const; // "12 AMP" or "2 boîtes (20 AMP)"

    Language m_lang;
    QLocale m_locale;
    std::vector<ParLevel> m_lines;
    std::vector<QString> m_searchText;
};

} // namespace reappro
