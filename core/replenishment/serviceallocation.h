// SPDX-License-Identifier: GPL-3.0-or-later
// Per-product service targets.
//
// A class target (vital 99%, essential 98.5%, other 98%) is a promise about the
// class: the share of its products' replenishment cycles that end without a
// stockout, cycles pooled (the replay measures exactly that). Holding every
// product at the class target spends most of the stock on the few products
// where each point of service is dearest: expensive, lumpy ones, whose large
// safety stock then sits, and on short shelf lives expires. Instead each
// product gets its own target, never below the class floor
// (ServiceTargets::lowest), so that the class's expected service reaches the
// class target at the least value of the order-up-to levels:
//
//     minimise  sum_i price_i x S_i(p_i)
//     such that sum_i w_i x service_i(p_i) >= target x sum_i w_i,
//
// w_i = the product's order days per week (its cycles), S_i(p) the
// order-up-to level for target p (orderUpToLevel: the demand distribution
// over lead time + review, packs, minimum order), held under the shelf-life
// ceiling (usableBeforeExpiry + the lead time's use), service_i(p) its
// expected cycle service (p, or more when a pack, a minimum or a discrete
// demand serves more, or what the ceiling serves when it binds). Targets go from the class floor to 99.5%
// (beyond, the forecasts' tails are not to be trusted). Solved by
// marginal analysis: from the floor, the steps of all products' concave
// service/cost frontiers are taken by decreasing service gained per euro
// until the class target is reached: the Lagrangian optimum on a grid of
// targets. Cheap, steady products end above the class target, expensive
// lumpy ones below; each line's explanation says so.
// Products whose demand could not be forecast, is nil or has stopped
// (forecasting::dormantRun) keep the class target and do not count in the
// class average: a product nobody uses must not lower the others' service.
#pragma once

#include "core/domain/criticality.h"
#include "core/replenishment/replenishment.h"

#include <QDate>

#include <atomic>
#include <vector>

namespace reappro {

struct ServiceOption {
    double target = 0.0;  // quantile asked
    double service = 0.0; // expected cycle service
    double cost = 0.0;    // value of the order-up-to level, EUR
};

struct ServiceCandidate {
    Criticality criticality = Criticality::Essential;
    double weight = 0.0;                // cycles per week
    std::vector<ServiceOption> options; // increasing targets from the class floor; empty: keeps the class target
};

// The options of one product deciding on `asOf`, from the distribution of
// its demand over that decision's lead time + review (coverWindow()).
ServiceCandidate serviceCandidate(const ProductSituation &situation, QDate asOf, const ReplenishmentSettings &settings);

// One target per candidate (see above). With settings.perProduct false,
// every candidate gets its class target.
std::vector<double> allocateServiceTargets(const std::vector<ServiceCandidate> &candidates, const ServiceTargets &targets);

// Both steps for every situation deciding on `asOf`, the demand forecasts
// run on `threads` threads (0 = all cores); a set `stop` flag leaves the
// products not yet forecast at their class target.
std::vector<double> allocateServiceTargets(const std::vector<ProductSituation> &situations, QDate asOf,
                                           const ReplenishmentSettings &settings, int threads = 0, const std::atomic<bool> *stop = nullptr);

} // namespace reappro
