// SPDX-License-Identifier: GPL-3.0-or-later
// A line of a purchase order not yet fully received.
#pragma once

#include "core/common/money.h"

#include <QDate>
#include <QString>

namespace reappro {

struct OpenOrderLine {
    qint64 id = 0;
    QString orderNumber;
    QDate orderDate;
    qint64 supplierId = 0;
    qint64 productId = 0;
    double quantityOrdered = 0.0;  // dispensing units
    double quantityReceived = 0.0;
    QDate expectedDate;
    Money unitPrice;
};

} // namespace reappro
