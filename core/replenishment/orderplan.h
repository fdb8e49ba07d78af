// SPDX-License-Identifier: GPL-3.0-or-later
// The orders of one decision day, as `reappro-cli suggest` writes them and
// the orders view shows them: every product's situation read from the
// store, per-product service targets allocated (serviceallocation.h), each
// product's line (replenishment.h), the budget applied, the lines sorted as
// an order is reviewed (supplier, criticality, product).
#pragma once

#include "core/common/messages.h"
#include "core/common/money.h"
#include "core/replenishment/replenishment.h"
#include "core/store/store.h"

#include <QDate>
#include <QString>

#include <atomic>
#include <optional>
#include <vector>

namespace reappro {

struct OrderPlan {
    QDate asOf;
    // The lines that order something, and those the budget removed
    // (budgetCut, quantity 0), by supplier, criticality, product.
    std::vector<OrderSuggestion> lines;
    Money total;            // after the budget
    Money totalBeforeBudget;
    std::optional<Money> budget;
    int ordered = 0;        // lines with a quantity
    int suppliers = 0;      // suppliers with a line to order
    int capped = 0, expiryRisk = 0, budgetCut = 0;
    int failed = 0;         // products whose demand could not be forecast (nothing suggested)
    // Vital products out of stock and unused for a year (OrderSuggestion::
    // forsaken): not ordered, for the pharmacist to order by hand if they
    // stay in the formulary (an antidote kept for the rare emergency).
    std::vector<OrderSuggestion> forsaken;
    // The stored calibration read (settings.storedCalibration), and the
    // classes it aimed: those whose target is the one replayed (none: it
    // was replayed with other targets).
    std::optional<ServiceCalibration> calibration;
    std::vector<Criticality> calibrated;
};

// The plan for `asOf`, on `threads` threads (0 = all cores). A set `stop`
// flag ends it early with an empty plan. With settings.storedCalibration,
// the classes are aimed as the store's last replay found (criticality.h).
OrderPlan planOrders(const Store &store, QDate asOf, const ReplenishmentSettings &settings, int threads = 0,
                     const std::atomic<bool> *stop = nullptr);

// The plan as the CSV of `suggest` (UTF-8 with BOM, ',' and '.' decimals),
// explanations in `language`; the columns are in the README.
QByteArray orderPlanCsv(const OrderPlan &plan, Language language);

} // namespace reappro
