// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/models/parlevelmodel.h"
#include "ui/formatting.h"

#include <QBrush>
#include <QColor>
#include <QFont>

namespace reappro {

ParLevelModel::ParLevelModel(Language lang, QObject *parent) : LineTableModel(lang, ColumnCount, parent) {}

QString ParLevelModel::searchText(const ParLevel &l) const
{
    return l.unitCode + QLatin1Char(' ') + l.unitLabel + QLatin1Char(' ') + l.productCode + QLatin1Char(' ') + l.productLabel;
}

QString ParLevelModel::quantity(double units, const ParLevel &l) const
{
    return formatQuantity(units, m_locale) + QLatin1Char(' ') + l.dispensingUnit;
}

QString ParLevelModel::noteText(const ParLevel &l) const
{
    QStringList notes;
    if (!l.error.isEmpty())
        notes << tr("No forecast");
    if (l.dormant)
        notes << tr("Unused for %n week(s): take off the allowance?", nullptr, l.weeksWithoutConsumption);
    if (l.roundsDefaulted)
        notes << tr("Rounds unknown: %1 a week assumed").arg(l.roundsPerWeek);
    if (l.stockSource == WardStockSource::Counted)
        notes << tr("Counted stock");
    return notes.join(QStringLiteral(" · "));
}

QVariant ParLevelModel::displayData(const ParLevel &l, int column) const
{
    switch (column) {
    case UnitColumn: return l.unitLabel.isEmpty() ? l.unitCode : l.unitCode + QStringLiteral(" · ") + l.unitLabel;
    case CodeColumn: return l.productCode;
    case LabelColumn: return l.productLabel;
    case CriticalityColumn: return criticalityLabel(l.criticality, m_lang);
    case RoundsColumn: return QString::number(l.roundsPerWeek);
    case CoverColumn: return m_locale.toString(l.coverDays, 'f', 1);
    case DemandColumn: return formatQuantity(std::round(l.meanDemand * 10.0) / 10.0, m_locale);
    case ParColumn: return quantity(l.parLevel, l);
    case WardStockColumn: return quantity(l.wardStock, l);
    case TopUpColumn: return quantity(l.topUp, l);
    case NoteColumn: return noteText(l);
    default: return {};
    }
}

QVariant ParLevelModel::lineData(const ParLevel &l, int column, int role) const
{
    switch (role) {
    case Qt::DisplayRole: return displayData(l, column);
    case SortRole:
        switch (column) {
        case CriticalityColumn: return int(l.criticality);
        case RoundsColumn: return l.roundsPerWeek;
        case CoverColumn: return l.coverDays;
        case DemandColumn: return l.meanDemand;
        case ParColumn: return l.parLevel;
        case WardStockColumn: return l.wardStock;
        case TopUpColumn: return l.topUp;
        default: return displayData(l, column);
        }
    case Qt::TextAlignmentRole:
        if (column >= RoundsColumn && column <= TopUpColumn)
            return int(Qt::AlignRight | Qt::AlignVCenter);
        if (column == CriticalityColumn)
            return int(Qt::AlignCenter);
        return int(Qt::AlignLeft | Qt::AlignVCenter);
    case Qt::ForegroundRole:
        if (l.dormant || !l.error.isEmpty())
            return QBrush(column == NoteColumn ? QColor(0xb2, 0x5e, 0x00) : QColor(0x8a, 0x94, 0xa0));
        if (column == CriticalityColumn && l.criticality == Criticality::Vital)
            return QBrush(QColor(0xc6, 0x28, 0x28));
        return {};
    case Qt::FontRole:
        if (column == TopUpColumn && l.topUp > 0.0) {
            QFont f;
            f.setBold(true);
            return f;
        }
        return {};
    case Qt::ToolTipRole:
        if (column == CoverColumn)
            return tr("Longest interval between two rounds (%1 d) + delivery delay (%2 d)")
                .arg(m_locale.toString(l.longestIntervalDays, 'f', 1), m_locale.toString(l.deliveryDelayDays, 'f', 1));
        if (column == WardStockColumn)
            return l.stockSource == WardStockSource::Counted ? tr("Counted at the round")
                                                             : tr("Estimated: par level minus the expected use of one round interval");
        if (column == ParColumn)
            return tr("%1 % quantile of the demand over the cover").arg(m_locale.toString(100.0 * l.serviceLevel, 'f', 1));
        return {};
    default: return {};
    }
}

QVariant ParLevelModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal)
        return {};
    if (role == Qt::TextAlignmentRole)
        return section >= RoundsColumn && section <= TopUpColumn ? int(Qt::AlignRight | Qt::AlignVCenter)
                                                                 : int(Qt::AlignLeft | Qt::AlignVCenter);
    if (role != Qt::DisplayRole)
        return {};
    switch (section) {
    case UnitColumn: return tr("Care unit");
    case CodeColumn: return tr("Code");
    case LabelColumn: return tr("Label");
    case CriticalityColumn: return tr("Criticality");
    case RoundsColumn: return tr("Rounds/wk");
    case CoverColumn: return tr("Cover (d)");
    case DemandColumn: return tr("Expected use");
    case ParColumn: return tr("Par level");
    case WardStockColumn: return tr("Ward stock");
    case TopUpColumn: return tr("Top-up");
    case NoteColumn: return tr("Notes");
    default: return {};
    }
}

} // namespace reappro
