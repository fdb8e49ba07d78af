// SPDX-License-Identifier: GPL-3.0-or-later
// The strip of "cards" above the product list: what the open database holds
// (references, suppliers, care units, movements and their period, lots,
// stock value, open order lines). Each card's tooltip says how its number is computed.
#pragma once

#include "core/common/messages.h"
#include "core/store/store.h"

#include <QLocale>
#include <QWidget>

class QLabel;

namespace reappro {

class SummaryStrip : public QWidget
{
    Q_OBJECT
public:
    enum Card { Products, Suppliers, CareUnits, Movements, Lots, StockValue, OpenOrders, CardCount };

    explicit SummaryStrip(Language lang, QWidget *parent = nullptr);

    void setInfo(const StoreInfo &info);
    void clear();

    // The big number and the line under it, for tests and accessibility.
    QString valueText(Card card) const;
    QString detailText(Card card) const;

private:
    struct CardLabels {
        QLabel *title = nullptr;
        QLabel *value = nullptr;
        QLabel *detail = nullptr;
    };
    void setCard(Card card, const QString &value, const QString &detail);

    Language m_lang;
    QLocale m_locale;
    CardLabels m_cards[CardCount];
};

} // namespace reappro
