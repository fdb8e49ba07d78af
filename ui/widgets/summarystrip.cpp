// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/widgets/summarystrip.h"
#include "ui/formatting.h"
#include "ui/uilanguage.h"

#include <QFrame>
#include <QHBoxLayout>
#include <QLabel>
#include <QVBoxLayout>

namespace reappro {

namespace {

const char *const kCardNames[] = {"summaryProducts", "summarySuppliers",  "summaryCareUnits", "summaryMovements",
                                  "summaryLots",     "summaryStockValue", "summaryOpenOrders"};

} // namespace

SummaryStrip::SummaryStrip(Language lang, QWidget *parent) : QWidget(parent), m_lang(lang), m_locale(uiLocale(lang))
{
    const QString titles[CardCount] = {
        tr("References"),    tr("Suppliers"),   tr("Care units"),  tr("Stock movements"),
        tr("Lots in stock"), tr("Stock value"), tr("Open orders"),
    };
    const QString toolTips[CardCount] = {
        tr("Products in the database: drugs (UCD) and medical devices (LPP)."),
        tr("Suppliers from the suppliers export, or created from the codes found in the other files."),
        tr("Care units (UF) that appear in the imported files."),
        tr("Movement lines imported, and the period they cover."),
        tr("Lots with a positive quantity, at the pharmacy and in other locations."),
        tr("Sum over the lots in stock of quantity × weighted average unit price (PMP)."),
        tr("Lines of the imported open orders (ordered, not yet fully received)."),
    };

    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(8);
    for (int i = 0; i < CardCount; ++i) {
        auto *frame = new QFrame(this);
        frame->setObjectName(QLatin1String(kCardNames[i]));
        frame->setFrameShape(QFrame::StyledPanel);
        // A light card: the numbers must read at a glance, not compete with the table.
        frame->setStyleSheet(QStringLiteral("QFrame#%1 { background: palette(base); border: 1px solid #d4d8de; border-radius: 6px; }")
                                 .arg(QLatin1String(kCardNames[i])));
        frame->setToolTip(toolTips[i]);
        auto *box = new QVBoxLayout(frame);
        box->setContentsMargins(12, 8, 12, 8);
        box->setSpacing(2);

        CardLabels &c = m_cards[i];
        c.title = new QLabel(titles[i], frame);
        c.title->setStyleSheet(QStringLiteral("color: #5f6b7a;"));
        c.value = new QLabel(frame);
        c.value->setObjectName(QLatin1String(kCardNames[i]) + QStringLiteral("Value"));
        QFont big = c.value->font();
        big.setPointSizeF(big.pointSizeF() * 1.45);
        big.setBold(true);
        c.value->setFont(big);
        c.value->setTextInteractionFlags(Qt::TextSelectableByMouse);
        c.detail = new QLabel(frame);
        c.detail->setObjectName(QLatin1String(kCardNames[i]) + QStringLiteral("Detail"));
        c.detail->setStyleSheet(QStringLiteral("color: #5f6b7a;"));
        box->addWidget(c.title);
        box->addWidget(c.value);
        box->addWidget(c.detail);
        layout->addWidget(frame, 1);
    }
    clear();
}

void SummaryStrip::setCard(Card card, const QString &value, const QString &detail)
{
    m_cards[card].value->setText(value);
    // A space keeps every card the same height when a detail is empty.
    m_cards[card].detail->setText(detail.isEmpty() ? QStringLiteral(" ") : detail);
}

void SummaryStrip::clear()
{
    const QString none = QStringLiteral("\u2014");
    for (int i = 0; i < CardCount; ++i)
        setCard(Card(i), none, {});
}

void SummaryStrip::setInfo(const StoreInfo &info)
{
    setCard(Products, formatCount(info.products, m_locale),
            tr("%Ln drug(s)", nullptr, int(info.drugs)) + QStringLiteral(" \u00b7 ")
                + tr("%Ln medical device(s)", nullptr, int(info.devices)));
    setCard(Suppliers, formatCount(info.suppliers, m_locale), {});
    setCard(CareUnits, formatCount(info.careUnits, m_locale), {});
    QString period;
    if (info.firstMovement.isValid())
        period = tr("from %1 to %2").arg(formatDate(info.firstMovement), formatDate(info.lastMovement));
    setCard(Movements, formatCount(info.movements, m_locale), period);
    setCard(Lots, formatCount(info.lots, m_locale), {});
    setCard(StockValue, info.stockValue.toDisplayString(m_lang == Language::French), tr("quantity × PMP"));
    setCard(OpenOrders, formatCount(info.openOrderLines, m_locale),
            // Under the number: the plural agrees with it, the number is not repeated.
            tr("order line(s)", "under the number of open order lines", int(info.openOrderLines)));
}

QString SummaryStrip::valueText(Card card) const { return m_cards[card].value->text(); }

QString SummaryStrip::detailText(Card card) const { return m_cards[card].detail->text().trimmed(); }

} // namespace reappro
