// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/models/producttablemodel.h"
#include "ui/formatting.h"
#include "ui/uilanguage.h"

#include <QBrush>
#include <QColor>
#include <limits>

namespace reappro {

namespace {

bool isNumericColumn(int column)
{
    return column == ProductTableModel::StockColumn || column == ProductTableModel::StockValueColumn
           || column == ProductTableModel::Consumption90dColumn;
}

// Most critical first when sorted ascending: MITM before the others, then
// vital, essential, non-essential.
int criticalityRank(const Product &p) { return (p.mitm ? 0 : 10) + static_cast<int>(p.ven); }

QString venLetter(VenClass ven)
{
    switch (ven) {
    case VenClass::Vital: return QStringLiteral("V");
    case VenClass::Essential: return QStringLiteral("E");
    case VenClass::NonEssential: return QStringLiteral("N");
    }
    return {};
}

} // namespace

ProductTableModel::ProductTableModel(Language lang, QObject *parent) : QAbstractTableModel(parent), m_lang(lang), m_locale(uiLocale(lang))
{
}

void ProductTableModel::setProducts(std::vector<ProductSummary> products)
{
    beginResetModel();
    m_products = std::move(products);
    m_searchText.clear();
    m_searchText.reserve(m_products.size());
    for (const ProductSummary &s : m_products) {
        const Product &p = s.product;
        m_searchText.push_back(foldForSearch(p.code + QLatin1Char('\n') + p.label + QLatin1Char('\n') + p.dci));
    }
    endResetModel();
}

int ProductTableModel::rowCount(const QModelIndex &parent) const { return parent.isValid() ? 0 : int(m_products.size()); }

int ProductTableModel::columnCount(const QModelIndex &parent) const { return parent.isValid() ? 0 : ColumnCount; }

QString ProductTableModel::foldForSearch(const QString &text)
{
    const QString decomposed = text.normalized(QString::NormalizationForm_KD);
    QString out;
    out.reserve(decomposed.size());
    for (QChar c : decomposed) {
        if (c.category() != QChar::Mark_NonSpacing)
            out.append(c.toLower());
    }
    return out;
}

QString ProductTableModel::criticalityText(const Product &p)
{
    const QString ven = venLetter(p.ven);
    return p.mitm ? QStringLiteral("MITM \u00b7 ") + ven : ven;
}

QVariant ProductTableModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= int(m_products.size()))
        return {};
    const ProductSummary &s = m_products[size_t(index.row())];
    const int column = index.column();
    switch (role) {
    case Qt::DisplayRole: return displayData(s, column);
    case SortRole: return sortData(s, column);
    case Qt::ToolTipRole: return toolTip(s, column);
    case Qt::TextAlignmentRole:
        if (isNumericColumn(column))
            return int(Qt::AlignRight | Qt::AlignVCenter);
        if (column == NextExpiryColumn || column == CriticalityColumn)
            return int(Qt::AlignCenter);
        return int(Qt::AlignLeft | Qt::AlignVCenter);
    case Qt::ForegroundRole:
        // A reference at zero stock is what a pharmacist scans the list for.
        if (column == StockColumn && s.stockOnHand <= 0.0)
            return QBrush(QColor(0xb7, 0x1c, 0x1c));
        return {};
    case SearchTextRole: return m_searchText[size_t(index.row())];
    case KindRole: return static_cast<int>(s.product.kind);
    case MitmRole: return s.product.mitm;
    case VenRole: return static_cast<int>(s.product.ven);
    default: return {};
    }
}

QVariant ProductTableModel::displayData(const ProductSummary &s, int column) const
{
    const Product &p = s.product;
    switch (column) {
    case CodeColumn: return p.code;
    case LabelColumn: return p.label;
    case DciColumn: return p.dci;
    case FormUnitColumn:
        if (p.form.isEmpty())
            return p.dispensingUnit;
        if (p.dispensingUnit.isEmpty())
            return p.form;
        return p.form + QStringLiteral(" / ") + p.dispensingUnit;
    case SupplierColumn: return s.supplierName;
    case StockColumn: return formatQuantity(s.stockOnHand, m_locale);
    case StockValueColumn: return formatMoneyAmount(s.stockValue, m_locale);
    case NextExpiryColumn: return formatDate(s.nextExpiry);
    case Consumption90dColumn: return formatQuantity(s.consumption90d, m_locale);
    case CriticalityColumn: return criticalityText(p);
    default: return {};
    }
}

QVariant ProductTableModel::sortData(const ProductSummary &s, int column) const
{
    const Product &p = s.product;
    switch (column) {
    case StockColumn: return s.stockOnHand;
    case StockValueColumn: return s.stockValue.units();
    // No lot in stock sorts after every real date.
    case NextExpiryColumn: return s.nextExpiry.isValid() ? s.nextExpiry.toJulianDay() : std::numeric_limits<qint64>::max();
    case Consumption90dColumn: return s.consumption90d;
    case CriticalityColumn: return criticalityRank(p);
    default: return displayData(s, column);
    }
}

QString ProductTableModel::toolTip(const ProductSummary &s, int column) const
{
    const Product &p = s.product;
    switch (column) {
    case CodeColumn: {
        QStringList ids;
        // French typography: a no-break space before the colon.
        const QString sep = m_lang == Language::French ? QStringLiteral("\u00a0: ") : QStringLiteral(": ");
        const auto add = [&ids, &sep](const char *name, const QString &value) {
            if (!value.isEmpty())
                ids << QLatin1String(name) + sep + value;
        };
        add("UCD13", p.ucd13);
        add("UCD7", p.ucd7);
        add("CIP13", p.cip13);
        add("GTIN", p.gtin);
        add("LPP", p.lpp);
        add("ATC", p.atc);
        return ids.join(QLatin1Char('\n'));
    }
    // The full text when a narrow column elides it.
    case LabelColumn: return p.label;
    case DciColumn: return p.dci;
    case SupplierColumn: return s.supplierName;
    case FormUnitColumn:
        if (p.packSize > 1.0)
            return tr("Pack of %1 %2").arg(formatQuantity(p.packSize, m_locale), p.dispensingUnit);
        return {};
    case StockValueColumn:
        return tr("%1 × unit price (PMP) %2")
            .arg(formatQuantity(s.stockOnHand, m_locale), p.unitPrice.toDisplayString(m_lang == Language::French));
    case CriticalityColumn: {
        QStringList parts;
        if (p.mitm)
            parts << tr("MITM: medicine of major therapeutic interest");
        switch (p.ven) {
        case VenClass::Vital: parts << tr("VEN class: vital"); break;
        case VenClass::Essential: parts << tr("VEN class: essential"); break;
        case VenClass::NonEssential: parts << tr("VEN class: non-essential"); break;
        }
        return parts.join(QLatin1Char('\n'));
    }
    default: return {};
    }
}

QVariant ProductTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal)
        return {};
    // Headers align like their cells, so that a title sits over its values.
    if (role == Qt::TextAlignmentRole) {
        if (isNumericColumn(section))
            return int(Qt::AlignRight | Qt::AlignVCenter);
        if (section == NextExpiryColumn || section == CriticalityColumn)
            return int(Qt::AlignCenter);
        return int(Qt::AlignLeft | Qt::AlignVCenter);
    }
    if (role == Qt::ToolTipRole) {
        switch (section) {
        case StockColumn: return tr("Quantity on hand, in the product's dispensing unit: sum of the lots in stock.");
        case StockValueColumn: return tr("Stock on hand × weighted average unit price (PMP).");
        case NextExpiryColumn: return tr("Earliest expiry date among the lots in stock.");
        case Consumption90dColumn: return tr("Issued to care units + outpatient dispensing − returns, over the last 90 days of history.");
        case CriticalityColumn: return tr("MITM: medicine of major therapeutic interest. VEN: vital / essential / non-essential.");
        default: return {};
        }
    }
    if (role != Qt::DisplayRole)
        return {};
    switch (section) {
    case CodeColumn: return tr("Code");
    case LabelColumn: return tr("Label");
    case DciColumn: return tr("INN");
    case FormUnitColumn: return tr("Form / Unit");
    case SupplierColumn: return tr("Supplier");
    case StockColumn: return tr("Stock");
    case StockValueColumn: return tr("Stock value (€)");
    case NextExpiryColumn: return tr("Next expiry");
    case Consumption90dColumn: return tr("90-day use");
    case CriticalityColumn: return tr("Criticality");
    default: return {};
    }
}

} // namespace reappro
