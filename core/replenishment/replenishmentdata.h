// SPDX-License-Identifier: GPL-3.0-or-later
// Reads what the replenishment engine and the policy replay need from the
// database: per product its supplier and order days, lead time (observed
// delays first, then the product's, then the supplier's setting), stock by
// lot, quantity on order, usual shelf life at reception and consumption.
#pragma once

#include "core/simulation/replay.h"
#include "core/replenishment/replenishment.h"
#include "core/store/store.h"

#include <QDate>
#include <QString>

#include <vector>

namespace reappro {

// The last day of movement history (invalid for an empty database).
QDate lastHistoryDay(const Store &store);

// Every product's situation on `asOf` (default: the day after the history):
// weekly demand of the complete weeks before it; stock = the lot snapshot
// when asOf is on or after its date, else rebuilt from the movements.
std::vector<ProductSituation> loadSituations(const Store &store, QDate asOf);

// Every product's history for a replay from `from`: daily demand of the
// whole history, the lots on hand on `from` (rebuilt), receptions from then on.
std::vector<ReplayProduct> loadReplayProducts(const Store &store, QDate from);

} // namespace reappro
