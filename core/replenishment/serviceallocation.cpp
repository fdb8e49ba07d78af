// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/replenishment/serviceallocation.h"
#include "core/common/parallel.h"

#include <algorithm>
#include <bit>
#include <cmath>
#include <limits>

namespace reappro {

namespace {

// Targets tried for each product, from its class floor up to 99.5%: beyond,
// the forecast's tails are not to be trusted (the replays achieve no more
// at 99.9% than at 99.5%, for more stock).
constexpr double kTargetGrid[] = {0.50, 0.60, 0.70, 0.75, 0.80,  0.85, 0.88,  0.90, 0.92,  0.93,
                                  0.94, 0.95, 0.96, 0.97, 0.975, 0.98, 0.985, 0.99, 0.993, 0.995};

struct Step {
    std::size_t candidate;
    std::size_t to;     // option reached
    double gain, cost;  // weighted service, EUR
};

// The steps along a product's upper concave frontier of (cost, service),
// from its first option: each step takes the next option with the best
// service gained per euro (a free gain first).
std::vector<Step> frontier(const ServiceCandidate &c, std::size_t index)
{
    std::vector<Step> steps;
    std::size_t at = 0;
    while (at + 1 < c.options.size()) {
        std::size_t best = at;
        double bestSlope = 0.0;
        for (std::size_t j = at + 1; j < c.options.size(); ++j) {
            const double ds = c.options[j].service - c.options[at].service;
            const double dc = c.options[j].cost - c.options[at].cost;
            if (ds <= 0.0)
                continue;
            const double slope = dc <= 0.0 ? std::numeric_limits<double>::infinity() : ds / dc;
            if (slope >= bestSlope) { // ties: the higher target
                bestSlope = slope;
                best = j;
            }
        }
        if (best == at)
            break;
        steps.push_back({index, best, c.weight * (c.options[best].service - c.options[at].service),
                         std::max(0.0, c.options[best].cost - c.options[at].cost)});
        at = best;
    }
    return steps;
}

} // namespace

ServiceCandidate serviceCandidate(const ProductSituation &s, QDate asOf, const ReplenishmentSettings &settings)
{
    ServiceCandidate c;
    c.criticality = criticalityOf(s.product);
    const CoverWindow window = coverWindow(s, asOf, settings);
    const forecasting::TotalDemand demand = demandOverDays(s.weeklyDemand, window.days());
    if (!demand.error.empty() || !(demand.mean > 0.0) || demand.dormantPeriods > 0)
        return c;
    const unsigned days = (s.orderDays & 0x7F) ? s.orderDays : settings.defaultOrderDays;
    c.weight = double(std::popcount(days & 0x7Fu));
    const CoverDemand cover(demand, s.leadTimes, window.leadTimeDays, window.days());
    const double lot = orderLot(s.product);
    const double price = s.product.unitPrice.toDouble();
    const double floor = settings.service.lowest(c.criticality);
    std::vector<double> grid{floor, settings.service.of(c.criticality)};
    for (double t : kTargetGrid)
        if (t > floor)
            grid.push_back(t);
    std::sort(grid.begin(), grid.end());
    grid.erase(std::unique(grid.begin(), grid.end()), grid.end());
    // The shelf-life cap keeps the position after an order at most at what
    // a fresh lot likely loses to use (usableBeforeExpiry) plus the lead
    // time's use: a level above that ceiling is never reached, and serves
    // only what the ceiling serves.
    double ceiling = std::numeric_limits<double>::infinity();
    if (s.shelfLifeDays > 0.0 && window.days() > 0.0) {
        const double usage = usageRate(s.weeklyDemand, demand.mean / window.days());
        ceiling = usableBeforeExpiry(demandOverDays(s.weeklyDemand, shelfLifeHorizon(s.shelfLifeDays)), s.weeklyDemand, usage,
                                     s.shelfLifeDays, settings.expiryConfidenceOf(c.criticality))
                  + usage * window.leadTimeDays;
    }
    for (double t : grid) {
        const ServiceLevelStock l = orderUpToLevel(cover, t, lot);
        if (!std::isfinite(l.level))
            continue;
        const double level = std::min(l.level, ceiling);
        // A discrete demand (few large requests) often serves more than the
        // target at its quantile; under the ceiling, what the ceiling serves.
        const double atLevel = serviceAtLevel(cover, level, lot);
        const double service = level < l.level ? atLevel : std::max({t, l.service, atLevel});
        c.options.push_back({t, service, price * std::max(level, 0.0)});
    }
    return c;
}

std::vector<double> allocateServiceTargets(const std::vector<ServiceCandidate> &candidates, const ServiceTargets &targets)
{
    std::vector<double> result(candidates.size());
    std::vector<std::size_t> chosen(candidates.size(), 0);
    for (std::size_t i = 0; i < candidates.size(); ++i)
        result[i] = targets.of(candidates[i].criticality);
    if (!targets.perProduct)
        return result;

    for (Criticality cls : kAllCriticalities) {
        auto inClass = [&](const ServiceCandidate &c) { return c.criticality == cls && !c.options.empty() && c.weight > 0.0; };
        double weight = 0.0, service = 0.0;
        std::vector<Step> steps;
        for (std::size_t i = 0; i < candidates.size(); ++i) {
            if (!inClass(candidates[i]))
                continue;
            const ServiceCandidate &c = candidates[i];
            weight += c.weight;
            service += c.weight * c.options.front().service;
            const std::vector<Step> own = frontier(c, i);
            steps.insert(steps.end(), own.begin(), own.end());
        }
        // Best gain per euro first; along one product's frontier the slopes
        // decrease, so the stable sort keeps its steps in order.
        std::stable_sort(steps.begin(), steps.end(), [](const Step &a, const Step &b) { return a.gain * b.cost > b.gain * a.cost; });
        const double need = targets.of(cls) * weight;
        for (const Step &s : steps) {
            if (service >= need - 1e-12)
                break;
            service += s.gain;
            chosen[s.candidate] = s.to;
        }
        for (std::size_t i = 0; i < candidates.size(); ++i)
            if (inClass(candidates[i]))
                result[i] = candidates[i].options[chosen[i]].target;
    }
    return result;
}

std::vector<double> allocateServiceTargets(const std::vector<ProductSituation> &situations, QDate asOf,
                                           const ReplenishmentSettings &settings, int threads, const std::atomic<bool> *stop)
{
    std::vector<ServiceCandidate> candidates(situations.size());
    for (std::size_t i = 0; i < situations.size(); ++i)
        candidates[i].criticality = criticalityOf(situations[i].product);
    if (settings.service.perProduct)
        parallelFor(situations.size(), threads, stop,
                    [&](std::size_t i) { candidates[i] = serviceCandidate(situations[i], asOf, settings); });
    return allocateServiceTargets(candidates, settings.service);
}

} // namespace reappro
