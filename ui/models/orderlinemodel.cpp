// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/models/orderlinemodel.h"
#include "ui/formatting.h"

#include <QBrush>
#include <QColor>
#include <QFont>

namespace reappro {

OrderLineModel::OrderLineModel(Language lang, QObject *parent) : LineTableModel(lang, ColumnCount, parent) {}

QString OrderLineModel::searchText(const OrderSuggestion &l) const
{
    return l.productCode + QLatin1Char(' ') + l.label + QLatin1Char(' ') + l.supplierName + QLatin1Char(' ') + l.supplierCode;
}

QString OrderLineModel::noteText(const OrderSuggestion &l) const
{
    QStringList notes;
    if (l.budgetCut)
        notes << (l.quantity > 0.0 ? tr("Reduced by the budget") : tr("Removed by the budget"));
    if (l.capped)
        notes << tr("Capped by shelf life");
    if (l.expiryRisk)
        notes << tr("Expiry risk");
    return notes.join(QStringLiteral(" · "));
}

QVariant OrderLineModel::displayData(const OrderSuggestion &l, int column) const
{
    switch (column) {
    case SupplierColumn: return l.supplierName.isEmpty() ? l.supplierCode : l.supplierName;
    case CodeColumn: return l.productCode;
    case LabelColumn: return l.label;
    case CriticalityColumn: return criticalityLabel(l.criticality, m_lang);
    case PacksColumn: return formatQuantity(l.packs(), m_locale);
    case UnitsColumn: return formatQuantity(l.quantity, m_locale) + QLatin1Char(' ') + l.unit;
    case ValueColumn: return formatMoneyAmount(l.value, m_locale);
    case ServiceColumn: return m_locale.toString(100.0 * l.serviceTarget, 'f', 1) + QStringLiteral("\u00a0%");
    case ArrivalColumn: return formatDate(l.arrivalDate);
    case NoteColumn: return noteText(l);
    default: return {};
    }
}

QVariant OrderLineModel::lineData(const OrderSuggestion &l, int column, int role) const
{
    switch (role) {
    case Qt::DisplayRole: return displayData(l, column);
    case SortRole:
        switch (column) {
        case CriticalityColumn: return int(l.criticality);
        case PacksColumn: return l.packs();
        case UnitsColumn: return l.quantity;
        case ValueColumn: return l.value.units();
        case ServiceColumn: return l.serviceTarget;
        case ArrivalColumn: return l.arrivalDate.toJulianDay();
        default: return displayData(l, column);
        }
    case Qt::TextAlignmentRole:
        if (column == PacksColumn || column == UnitsColumn || column == ValueColumn || column == ServiceColumn)
            return int(Qt::AlignRight | Qt::AlignVCenter);
        if (column == ArrivalColumn || column == CriticalityColumn)
            return int(Qt::AlignCenter);
        return int(Qt::AlignLeft | Qt::AlignVCenter);
    case Qt::ForegroundRole:
        // A line the budget removed orders nothing: greyed.
        if (l.budgetCut && !(l.quantity > 0.0))
            return QBrush(QColor(0x8a, 0x94, 0xa0));
        if (column == CriticalityColumn && l.criticality == Criticality::Vital)
            return QBrush(QColor(0xc6, 0x28, 0x28));
        if (column == NoteColumn && l.expiryRisk)
            return QBrush(QColor(0xb2, 0x5e, 0x00));
        return {};
    case Qt::FontRole:
        if (l.budgetCut && !(l.quantity > 0.0)) {
            QFont f;
            f.setStrikeOut(column == PacksColumn || column == UnitsColumn || column == ValueColumn);
            return f;
        }
        return {};
    case Qt::ToolTipRole:
        if (column == UnitsColumn && l.budgetCut)
            return tr("Before the budget: %1").arg(formatQuantity(l.quantityBeforeBudget, m_locale) + QLatin1Char(' ') + l.unit);
        if (column == ServiceColumn)
            return tr("Service level aimed at for this product (its class's target is met on average over the class)");
        if (column == ArrivalColumn)
            return tr("Ordered on %1, expected on %2 (lead time %3 days)")
                .arg(formatDate(l.orderDate), formatDate(l.arrivalDate), m_locale.toString(l.leadTimeDays, 'f', 1));
        return {};
    default: return {};
    }
}

QVariant OrderLineModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal)
        return {};
    if (role == Qt::TextAlignmentRole)
        return section == PacksColumn || section == UnitsColumn || section == ValueColumn || section == ServiceColumn
                   ? int(Qt::AlignRight | Qt::AlignVCenter)
                   : int(Qt::AlignLeft | Qt::AlignVCenter);
    if (role != Qt::DisplayRole)
        return {};
    switch (section) {
    case SupplierColumn: return tr("Supplier");
    case CodeColumn: return tr("Code");
    case LabelColumn: return tr("Label");
    case CriticalityColumn: return tr("Criticality");
    case PacksColumn: return tr("Packs");
    case UnitsColumn: return tr("Units");
    case ValueColumn: return tr("Value (€)");
    case ServiceColumn: return tr("Service aimed");
    case ArrivalColumn: return tr("Expected");
    case NoteColumn: return tr("Notes");
    default: return {};
    }
}

} // namespace reappro
