// SPDX-License-Identifier: GPL-3.0-or-later
// The replay: replays a replenishment policy over the hospital's own
// history, day by day and product by product, and measures what it would
// have achieved.
//
// Every policy starts from the same stock (the lots on hand on the first day,
// reconstructed from the history) and receives the orders the hospital had
// already placed (receptions of the first lead time); what these two lose
// to expiry is practically the same under every policy (first-expiring-first uses them
// before any fresh lot) and is reported apart. Each day:
//  1. orders due that day arrive (a new lot, expiring after the product's
//     usual shelf life at reception, or 2 years when unknown);
//  2. lots past their expiry date are destroyed (expired value);
//  3. on the supplier's order days, the policy orders (Reappro, MinMax), to
//     arrive after the lead time: the product's observed delays taken in
//     turn (so both policies meet the same late deliveries), else its mean
//     lead time; Actual receives what the hospital received;
//  4. the day's actual demand (issues to care units and outpatients, net of
//     returns) is served first-expiring-first; what the stock cannot serve is
//     unserved (a stockout day);
//  5. the stock is valued at the PMP (average stock value).
// A replenishment cycle runs from one order day of the supplier to the next;
// it is served when no demand went unserved in it. Cycle service level =
// served cycles / cycles; fill rate = served / demanded quantity.
// Policies:
//  - Reappro: the periodic-review order-up-to policy of replenishment.h, its
//    demand forecast refitted every `refitDays` on the history so far (the
//    weeks of use that bound the shelf-life cap are read up to each order
//    day, as `suggest` reads them), its
//    lead time from the delays observed before the first replayed day, then
//    from its own deliveries as they arrive (no delay is known in advance), each
//    product's service target allocated across all products every
//    `reallocateDays` (serviceallocation.h). The replay measures what it
//    achieves: after each period, a class whose cycles were served more (or
//    less) often than its target is aimed lower (higher) in the next
//    allocation, by the gap, within -6 / +2 points of the target (an
//    integral correction of the forecasts' residual miscalibration: wide
//    distributions for cheap lumpy items, thin tails for vital drugs). The
//    final aims are reported; `suggest --calibration` takes them;
//  - MinMax: what OpenBoxes, OpenLMIS or mSupply do: average monthly
//    consumption (AMC, last 3 months) x months of cover: when the stock plus
//    orders falls to AMC x minMonths, order up to AMC x maxMonths, in packs;
//  - Actual: the hospital's own receptions, on their dates.
#pragma once

#include "core/domain/criticality.h"
#include "core/common/money.h"
#include "core/replenishment/replenishment.h"

#include <QDate>
#include <QString>

#include <atomic>
#include <functional>
#include <map>
#include <optional>
#include <span>
#include <vector>

namespace reappro {

enum class ReplayPolicy { Reappro, MinMax, Actual };
QString replayPolicyCode(ReplayPolicy p); // "reappro", "minmax", "actual"

struct Arrival {
    QDate day;
    double quantity = 0.0;
    QDate expiry; // invalid: the usual shelf life applies
    bool inherited = false; // ordered by the hospital before the first replayed day
};

// One product's history, as the replay needs it.
struct ReplayProduct {
    ProductSituation situation;     // product, supplier days, lead time known on the first day, shelf life (lots, demand unused)
    QDate historyStart;             // day of dailyDemand[0]
    std::vector<double> dailyDemand; // whole history, net consumption per day
    std::vector<Lot> initialLots;   // on hand on the first replayed day
    std::vector<Arrival> receptions; // actual receptions from the first replayed day on
    std::vector<int> leadTimes;     // observed order-to-reception delays (days), in date order; empty: the mean
};

struct ReplayOptions {
    QDate from, to;                 // replayed days, inclusive
    ReplayPolicy policy = ReplayPolicy::Reappro;
    ReplenishmentSettings settings;
    int refitDays = 28;
    int reallocateDays = 91;        // per-product service targets allocated again (serviceallocation.h)
    bool calibrate = true;          // each period, class aims corrected by the service achieved (see above)
    double minMonths = 1.0, maxMonths = 2.0;
    double defaultShelfLifeDays = 730.0;
};

struct ReplayMetrics {
    qint64 cycles = 0, servedCycles = 0;
    double targetSum = 0.0;          // sum over cycles of the service target in force (Reappro; else the class's)
    double demand = 0.0, served = 0.0;
    Money stockValueDays;            // sum over days of the stock value
    qint64 days = 0;                 // product-days replayed
    qint64 orders = 0;
    Money expiredValue;
    Money expiredInitialValue;       // part of expiredValue inherited: in stock on the first day, or ordered before it
    qint64 stockoutDays = 0;
    double received = 0.0, expired = 0.0, endStock = 0.0, startStock = 0.0; // units, for the accounting check

    void add(const ReplayMetrics &o);
    double cycleServiceLevel() const { return cycles ? double(servedCycles) / double(cycles) : 1.0; }
    double averageTarget() const { return cycles ? targetSum / double(cycles) : 0.0; }
    Money expiredFromOrders() const { return expiredValue - expiredInitialValue; } // what the policy's own orders lost
    double fillRate() const { return demand > 0.0 ? served / demand : 1.0; }
    // Average over the replayed days of the total stock value (sum over
    // products): stockValueDays / days per product.
};

struct ReplayResult {
    ReplayPolicy policy = ReplayPolicy::Reappro;
    QDate from, to;
    int products = 0;
    ReplayMetrics total;
    std::map<Criticality, ReplayMetrics> byCriticality;
    std::map<Criticality, int> productsByCriticality;
    std::vector<ReplayMetrics> perProduct; // in the order of the products given
    std::map<Criticality, double> serviceAim; // Reappro: each class's aim after the last correction

    // Average total stock value over the period (all products).
    Money averageStockValue() const;
    Money averageStockValue(Criticality c) const;
};

// The class aims a Reappro replay ended with, as the database stores them
// for `suggest` and the orders tab (criticality.h); none for another
// policy, without the correction, or over less than two periods.
std::optional<ServiceCalibration> calibrationOf(const ReplayResult &result, const ReplayOptions &options);

// One product over options.from .. options.to. serviceTargets: Reappro's
// target for this product in each period of options.reallocateDays from
// options.from (empty: its class target).
ReplayMetrics replayProduct(const ReplayProduct &product, const ReplayOptions &options, std::span<const double> serviceTargets = {});

// Progress and cancellation of long replays. progress(fraction done) is
// called from worker threads, one call at a time; a set stop flag ends the
// replay early (its result is then partial: the caller drops it).
struct ReplayControl {
    std::function<void(double fraction)> progress;
    const std::atomic<bool> *stop = nullptr;
    bool stopped() const { return stop && stop->load(); }
    // The same control reporting into [from, to] of this one's range.
    ReplayControl part(double from, double to) const;
};

// All products on `threads` threads (0 = all cores); the result does not
// depend on the thread count.
ReplayResult replay(const std::vector<ReplayProduct> &products, const ReplayOptions &options, int threads = 0,
                    const ReplayControl &control = {});

// The comparison at equal service: the min/max rule (minimum m months,
// maximum 2m) that serves the most cycles without serving more than
// `cycleServiceLevel`, m found by bisection over [0.25, 4] months in
// `steps` halvings (a replay each). options gives the days and settings.
struct MatchedMinMax {
    double minMonths = 0.0, maxMonths = 0.0;
    ReplayResult result;
};
MatchedMinMax matchMinMax(const std::vector<ReplayProduct> &products, ReplayOptions options, double cycleServiceLevel, int threads = 0,
                          int steps = 12, const ReplayControl &control = {});

// The comparison at equal service in every class: for each criticality
// class, matchMinMax on that class's products alone, at the cycle service
// level Reappro achieved in the class. This is the min/max a pharmacist
// would set class by class to serve vital products as often as Reappro
// does. The single matched rule above serves the classes alike, vital
// below Reappro and the others above. result holds the three classes'
// replays together.
struct ClassMatchedMinMax {
    std::map<Criticality, double> minMonths; // each class's maximum is twice its minimum
    ReplayResult result;
};
ClassMatchedMinMax matchMinMaxByClass(const std::vector<ReplayProduct> &products, const ReplayOptions &options, const ReplayResult &reappro,
                                      int threads = 0, int steps = 12, const ReplayControl &control = {});

// What `replay --policy compare` and the GUI's replay tab show: Reappro
// (options as given), min/max as set (options.minMonths, maxMonths), min/max
// at Reappro's cycle service level, overall and class by class, and what
// the hospital did.
struct PolicyComparison {
    ReplayResult reappro, minmax, actual;
    MatchedMinMax matched;
    ClassMatchedMinMax matchedByClass;
};
PolicyComparison comparePolicies(const std::vector<ReplayProduct> &products, const ReplayOptions &options, int threads = 0,
                                 const ReplayControl &control = {});

} // namespace reappro
