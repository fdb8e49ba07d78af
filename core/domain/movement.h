// SPDX-License-Identifier: GPL-3.0-or-later
// One stock movement line of the pharmacy's export.
#pragma once

#include "core/common/money.h"

#include <QDate>
#include <QString>
#include <array>

namespace reappro {

// Stored as integers: the values are part of the schema, never renumber.
enum class MovementType {
    Reception = 1,
    IssueToUnit = 2,          // global restocking or nominative dispensing
    Return = 3,               // from a care unit back to the pharmacy
    DestructionExpired = 4,
    DestructionOther = 5,
    InventoryAdjustment = 6,  // the only type whose quantity may be negative
    Transfer = 7,             // between sites
    OutpatientDispensing = 8, // rétrocession
};

inline constexpr std::array kAllMovementTypes = {
    MovementType::Reception,        MovementType::IssueToUnit,         MovementType::Return,   MovementType::DestructionExpired,
    MovementType::DestructionOther, MovementType::InventoryAdjustment, MovementType::Transfer, MovementType::OutpatientDispensing,
};

struct Movement {
    qint64 id = 0;
    QDate date;
    qint64 productId = 0;
    MovementType type = MovementType::IssueToUnit;
    double quantity = 0.0;       // dispensing units
    qint64 fromLocationId = 0;   // 0 = outside (supplier, patient, destruction)
    qint64 toLocationId = 0;
    QString lotNumber;
    QDate expiry;
    Money unitCost;
    QString documentRef;
};

} // namespace reappro
