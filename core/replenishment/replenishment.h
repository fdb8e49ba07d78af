// SPDX-License-Identifier: GPL-3.0-or-later
// Order suggestions for the central pharmacy: how much of each product to
// order from its supplier today, and why, line by line.
//
// Policies (per product, on the supplier's order days):
//  - OrderUpTo, periodic review (R, S): S = the service-level quantile of the
//    TOTAL demand over lead time L plus review period R (the days until the
//    next order day), from forecasting::totalDemand (a bootstrap for
//    intermittent demand, not a normal approximation), mixed over the
//    supplier's observed delays (CoverDemand); order S - position
//    when the position is below S.
//  - ReorderPoint (s, S): s = that same quantile; order only when the
//    position is at or below s, then up to S = s + the mean demand of one more
//    review period: fewer, larger orders.
//    (s, Q) is the same with a fixed Q = S - s.
// The quantile is the product's own service target: its class's target is
// met on average over the class at the least stock value (serviceallocation.h).
// Position = usable stock on hand + quantity on order. Usable over the cover
// window L + R: a lot expiring after it counts whole; one expiring inside it
// counts for what will be used before its expiry (first-expiring-first at
// the forecast's daily rate, the expected use: a lower rate would reorder
// what the lot still serves; the expiry date is the last day of use); the
// rest will be destroyed, so it does not count (the "expiring quantity").
// Quantity: S - position, rounded up to whole packs, raised to the minimum
// order quantity (in packs too); then capped to what can be used before the
// expiry the supplier usually delivers (typical remaining shelf life at
// reception, from past receptions): the 5% quantile of the demand over
// that shelf life (read over 13 weeks at most; the last unit ordered has 19 chances in 20 of being
// used, 9 in 10 for a vital product: ReplenishmentSettings::expiryConfidence),
// at most the usage rate x
// the shelf life, minus the stock still there when the order arrives. The
// usage rate is the forecast's, but at most the rate of the last 13 weeks. A cap that
// cuts, or a pack / minimum that forces more than that, flags expiry risk.
// Budget (optional): when the total exceeds it, lines are cut in this order:
// criticality (others first, vital last), then the stockout risk the line
// avoids per euro, P(D > position) - P(D > position + Q) over L + R divided
// by its value, smallest first; a line is reduced pack by pack to fit what
// is left before it is dropped.
#pragma once

#include "core/domain/criticality.h"
#include "core/domain/lot.h"
#include "core/common/messages.h"
#include "core/common/money.h"
#include "core/domain/product.h"
#include "forecasting/select.h"

#include <QDate>
#include <QString>

#include <deque>
#include <functional>
#include <optional>
#include <vector>

namespace reappro {

enum class PolicyKind { OrderUpTo, ReorderPoint };

struct ReplenishmentSettings {
    PolicyKind policy = PolicyKind::OrderUpTo;
    ServiceTargets service;
    int defaultLeadTimeDays = 7;      // neither the product nor its supplier has one
    unsigned defaultOrderDays = 0x1F; // Monday-Friday when the supplier's are unknown (bit 0 = Monday)
    std::optional<Money> budget;      // total of the suggestion, excluding VAT
    // The last unit ordered is used before it expires with at least this
    // probability; vital / MITM products accept more expiry risk, since
    // their shortage is a patient risk and their expiry only a cost.
    double expiryConfidence = 0.95;
    double vitalExpiryConfidence = 0.90;

    // planOrders aims each class as the last replay stored in the database
    // found (Store::serviceCalibration), for the targets it was replayed with.
    bool storedCalibration = true;

    double expiryConfidenceOf(Criticality c) const { return c == Criticality::Vital ? vitalExpiryConfidence : expiryConfidence; }
};

// Observed delays are trusted from this many deliveries on.
constexpr int kMinLeadTimeObservations = 3;

// Where the lead time of a line comes from.
enum class LeadTimeSource { Observed, Product, Supplier, Default };

// Everything known about one product on the decision day.
struct ProductSituation {
    Product product;
    QString supplierCode, supplierName;
    unsigned orderDays = 0;          // supplier's weekdays, bit 0 = Monday; 0 = unknown
    double leadTimeDays = 0.0;       // mean
    std::vector<int> leadTimes;      // observed order-to-reception delays, days (empty when not observed)
    LeadTimeSource leadTimeSource = LeadTimeSource::Default;
    std::vector<Lot> lots;           // central pharmacy stock by lot
    double onOrder = 0.0;            // ordered, not yet received (dispensing units)
    double shelfLifeDays = 0.0;      // typical remaining shelf life at reception; 0 = unknown
    std::vector<double> weeklyDemand; // complete weeks of consumption up to the decision day
    double serviceTarget = 0.0;      // the product's own target (serviceallocation.h); 0 = its class's
};

struct OrderSuggestion {
    qint64 productId = 0;
    QString productCode, label, unit, supplierCode, supplierName;
    Criticality criticality = Criticality::Essential;
    double serviceTarget = 0.95;     // this product's (the quantile used)
    double classTarget = 0.95;       // its criticality class's, met on average over the class
    double classPromise = 0.0;       // the class target set, when the last replay aims the class elsewhere (planOrders); 0: none
    PolicyKind policy = PolicyKind::OrderUpTo;
    QString model;                   // forecasting model of the weekly demand
    int dormantWeeks = 0;            // > 0: no demand for that many weeks, longer than any gap before (forecasting::dormantRun)
    bool forsaken = false;           // vital, none left, unused for a year: not ordered "just in case" (the plan lists it)
    QDate orderDate, nextOrderDate, arrivalDate;
    double leadTimeDays = 0.0, reviewDays = 0.0;
    LeadTimeSource leadTimeSource = LeadTimeSource::Default;
    int leadTimeObservations = 0;
    int leadTimeShortest = 0, leadTimeLongest = 0; // observed delays, days
    double dailyDemand = 0.0;        // forecast mean per day
    double coverMean = 0.0;          // mean demand over L + R
    double orderUpTo = 0.0;          // S (the quantile), units
    double reorderPoint = 0.0;       // s (ReorderPoint), units
    double safetyStock = 0.0;        // S - coverMean
    double onHand = 0.0, expiring = 0.0, onOrder = 0.0, position = 0.0;
    double needed = 0.0;             // S - position (or 0 when no order is due)
    double packSize = 1.0, minOrder = 0.0;
    double quantityBeforeCap = 0.0;  // after pack and minimum rounding
    double shelfLifeDays = 0.0;
    double usageRate = 0.0;          // daily usage for the cap: forecast, at most the recent rate
    double shelfLifeCap = -1.0;      // units that can be used before expiry; < 0 = no cap known
    bool capped = false, expiryRisk = false;
    double quantityBeforeBudget = 0.0;
    bool budgetCut = false;
    double riskAvoided = 0.0;        // stockout probability over L + R removed by the order
    double quantity = 0.0;           // final, dispensing units (whole packs)
    Money unitPrice, value;
    QString error;                   // the demand could not be forecast (the line then orders nothing)

    double packs() const { return packSize > 0.0 ? quantity / packSize : quantity; }
};

// From kMinLeadTimeObservations observed delays on, their mean becomes the
// lead time (source Observed); returns whether it did.
bool adoptObservedLeadTimes(ProductSituation &situation);

// Whole packs covering `quantity` (0 for a quantity <= 0; a pack size <= 0
// counts as 1).
double roundUpToPacks(double quantity, double pack);

// Daily usage assumed for everything about expiry: the forecast's rate, but
// not above the rate of the last 13 weeks (a forecast that lags a fall in
// demand must not fill the shelves with what will expire).
double usageRate(const std::vector<double> &weeklyDemand, double forecastDaily);

// The p quantile (p small) of a total demand, for the expiry side: the
// bootstrap's own, else a lognormal with the forecast's mean and spread
// instead of the normal, whose truncation at zero would say that an
// erratic but steady product may use nothing at all.
double lowQuantile(const forecasting::TotalDemand &total, double p);

// What a fresh lot is likely to lose to use before it expires (the
// shelf-life cap is this minus the stock still there when the lot arrives).
// "Likely": the (1 - expiryConfidence) quantile (lowQuantile) of the demand
// over the shelf life, at most usage x shelf life; beyond 13 weeks
// (shelfLifeHorizon) the quantile over 13 weeks is extrapolated in
// proportion: over years the forecast's level may drift so far that its low
// quantiles are nil, which would leave a steady, long-life drug without
// stock, while whether a lot expires is decided by its use rate.
// And at most what the slowest stretches of the past year used
// (slowestUse): after a surge the forecast, and the last weeks' rate,
// expect more than a quiet season will take.
// `overHorizon` is the demand over shelfLifeHorizon(shelfLifeDays) days.
double shelfLifeHorizon(double shelfLifeDays);
double usableBeforeExpiry(const forecasting::TotalDemand &overHorizon, const std::vector<double> &weeklyDemand, double usage,
                          double shelfLifeDays, double expiryConfidence);

// The (1 - expiryConfidence) quantile of the demand over the shelf life read
// on the past: the sums of every run of consecutive weeks as long as the
// shelf life (at most half the history, the sum then scaled up to the shelf
// life) within the last 52 weeks, from the first week with demand. Infinite
// with fewer than 8 such weeks.
double slowestUse(const std::vector<double> &weeklyDemand, double shelfLifeDays, double expiryConfidence);

// The smallest quantity an order brings: one pack, or the minimum order
// quantity rounded up to packs when it is larger.
double orderLot(const Product &product);

// The demand over lead time + review when the lead time varies as observed:
// a mixture over the observed delays, each weighing the same, of the
// forecast's distribution over the mean lead time + review shifted by the
// demand of that delay's difference from the mean (at the forecast's daily
// rate). A supplier who once took three weeks instead of one keeps that
// risk in the tail, where a normal spread would have smoothed it away:
// cheap products then hold the extra weeks, dear ones leave the risk to the
// class (serviceallocation.h). With fewer than kMinLeadTimeObservations
// delays (too few to trust, and not what the lead time is the mean of), the
// forecast alone.
class CoverDemand
{
public:
    CoverDemand(const forecasting::TotalDemand &demand, const std::vector<int> &leadTimes, double leadTimeDays, double coverDays);
    explicit CoverDemand(const forecasting::TotalDemand &demand) : m_demand(demand) {}

    double mean() const { return m_demand.mean + m_meanShift; }
    double probabilityAbove(double x) const;
    double quantile(double p) const;

private:
    const forecasting::TotalDemand &m_demand;
    std::vector<std::pair<double, double>> m_shifts; // (units, weight), weights summing to 1; empty: no shift
    double m_meanShift = 0.0;
};

// Average probability that a cycle is served when the position after an
// order lies uniformly in [level, level + lot) (lot <= 1: at the level).
double serviceAtLevel(const CoverDemand &demand, double level, double lot);

struct ServiceLevelStock {
    double level = 0.0;   // S
    double service = 0.0; // expected cycle service: the target, or more when the level is held at the mean
};

// The order-up-to level for a cycle service target: the target quantile of
// the demand over lead time + review (with the observed delays: CoverDemand);
// with lots > 1 unit the level is lowered so that the average
// service over the lot's rounding range meets the target (R, s, nQ), never
// below the mean demand.
ServiceLevelStock orderUpToLevel(const CoverDemand &demand, double target, double lot);

// Next date on or after `from` whose weekday is in the mask (bit 0 = Monday);
// `from` itself when the mask is 0.
QDate nextOrderDay(QDate from, unsigned orderDays);

// The days an order placed on the first order day on or after `asOf` must
// cover: lead time + review (until the next order day).
struct CoverWindow {
    QDate orderDate, nextOrderDate;
    double leadTimeDays = 0.0, reviewDays = 0.0;
    LeadTimeSource leadTimeSource = LeadTimeSource::Default;
    double days() const { return leadTimeDays + reviewDays; }
};
CoverWindow coverWindow(const ProductSituation &situation, QDate asOf, const ReplenishmentSettings &settings);

// The distribution of the total demand over `days` from the weekly history
// (forecasting::totalDemand, yearly seasonality).
forecasting::TotalDemand demandOverDays(const std::vector<double> &weeklyDemand, double days);

// demandOverDays for one weekly history, each horizon computed once (to
// 1/100 day). The references returned stay valid until clear(): a
// suggestion holds the cover's distribution while it asks for the shelf
// life's.
class DemandCache
{
public:
    const forecasting::TotalDemand &over(const std::vector<double> &weeklyDemand, double days);
    void clear() { m_entries.clear(); }

private:
    std::deque<std::pair<long, forecasting::TotalDemand>> m_entries; // (days x 100, distribution)
};

// The suggestion for an order placed on the first order day on or after
// `asOf`. Pure: everything comes from `situation`.
OrderSuggestion suggestOrder(const ProductSituation &situation, QDate asOf, const ReplenishmentSettings &settings);

// The same with the distribution of the demand over a number of days given
// by the caller (a policy replay reuses one forecast for many decisions):
// demandOver(days) must return the distribution of the total demand over
// that many days from the decision day, and the reference must stay valid
// for the whole call (DemandCache).
OrderSuggestion suggestOrder(const ProductSituation &situation, QDate asOf, const ReplenishmentSettings &settings,
                             const std::function<const forecasting::TotalDemand &(double days)> &demandOver);

// Cuts lines (see the header comment) until the total value fits `budget`.
// Returns the total after the cuts.
Money applyBudget(std::vector<OrderSuggestion> &lines, Money budget);

// One paragraph a pharmacist reads: forecast over L + R, quantile, safety
// stock, stock position, expiring quantity, rounding, cap, budget, result.
// The forecasting model of a line in words: its family, then the method's
// short name ("intermittent demand, TSB"; "seasonality, Holt-Winters, with
// the yearly pattern"); the parameters stay in `reappro-cli forecast`'s
// output. Empty for an empty model.
QString forecastMethodText(const QString &model, Language language);
QString explain(const OrderSuggestion &line, Language language);

} // namespace reappro
