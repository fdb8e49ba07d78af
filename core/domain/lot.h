// SPDX-License-Identifier: GPL-3.0-or-later
// Stock on hand of one lot of a product at one location.
#pragma once

#include <QDate>
#include <QString>

namespace reappro {

struct Lot {
    qint64 id = 0;
    qint64 productId = 0;
    QString lotNumber;
    QDate expiry;
    double quantity = 0.0;   // dispensing units
    qint64 locationId = 0;
    QDate asOf;              // date of the stock snapshot
};

} // namespace reappro
