// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/replenishment/replenishmentdata.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <unordered_map>

namespace reappro {

namespace {

QDate fromJulian(qint64 day) { return QDate::fromJulianDay(day); }

struct ProductFacts {
    std::vector<std::pair<QDate, int>> delays; // (reception day, days from the order), by reception day
    double shelfLife = 0.0;
    double onOrder = 0.0;
    std::vector<Arrival> receptions; // by day
    std::vector<std::pair<qint64, double>> otherChanges; // (day, signed change of central stock) besides consumption
};

// Everything per product that is not consumption: lead times, shelf life,
// receptions, on-order quantities, and the other stock changes.
std::unordered_map<qint64, ProductFacts> loadFacts(const Store &store)
{
    std::unordered_map<qint64, ProductFacts> facts;
    for (const LeadTimeObservation &o : store.observedLeadTimes())
        facts[o.productId].delays.emplace_back(o.receptionDate, o.days);
    std::unordered_map<qint64, std::vector<int>> lives;
    for (const ReceptionShelfLife &r : store.receptionShelfLives()) {
        lives[r.productId].push_back(r.remainingDays());
        facts[r.productId].receptions.push_back({r.received, r.quantity, r.expiry});
    }
    for (auto &[id, l] : lives) {
        std::nth_element(l.begin(), l.begin() + std::ptrdiff_t(l.size() / 2), l.end());
        facts[id].shelfLife = std::max(0, l[l.size() / 2]);
    }
    for (const OpenOrderLine &o : store.openOrderLines())
        facts[o.productId].onOrder += std::max(0.0, o.quantityOrdered - o.quantityReceived);

    // Receptions without expiry, destructions, adjustments and transfers, per
    // day: with consumption, they rebuild the stock of a past day. Receptions
    // with an expiry are already in receptionShelfLives.
    store.forEachStockChange([&](const StockChange &m) {
        const qint64 day = m.day;
        const double q = m.quantity;
        ProductFacts &f = facts[m.productId];
        double change = 0.0;
        switch (m.type) {
        case MovementType::Reception:
            change = q;
            if (!m.hasExpiry)
                f.receptions.push_back({fromJulian(day), q, {}});
            break;
        case MovementType::DestructionExpired:
        case MovementType::DestructionOther: change = -q; break;
        case MovementType::InventoryAdjustment: change = q; break;
        case MovementType::Transfer: change = m.toKind == 0 ? q : (m.fromKind == 0 ? -q : 0.0); break;
        default: break;
        }
        if (change != 0.0)
            f.otherChanges.emplace_back(day, change);
    });
    for (auto &[id, f] : facts)
        std::sort(f.receptions.begin(), f.receptions.end(), [](const Arrival &a, const Arrival &b) { return a.day < b.day; });
    return facts;
}

// What is known on `day`: the delays observed before it.
ProductSituation baseSituation(const Product &p, const std::unordered_map<qint64, Supplier> &suppliers, const ProductFacts *f, QDate day)
{
    ProductSituation s;
    s.product = p;
    const auto sup = suppliers.find(p.supplierId);
    if (sup != suppliers.end()) {
        s.supplierCode = sup->second.code;
        s.supplierName = sup->second.name;
        s.orderDays = unsigned(sup->second.orderDays);
    }
    if (f)
        for (const auto &[received, days] : f->delays)
            if (received < day)
                s.leadTimes.push_back(days);
    if (!adoptObservedLeadTimes(s)) {
        s.leadTimes.clear(); // too few to trust
        if (p.leadTimeDays > 0) {
            s.leadTimeDays = p.leadTimeDays;
            s.leadTimeSource = LeadTimeSource::Product;
        } else if (sup != suppliers.end() && sup->second.leadTimeDays > 0) {
            s.leadTimeDays = sup->second.leadTimeDays;
            s.leadTimeSource = LeadTimeSource::Supplier;
        }
    }
    if (f)
        s.shelfLifeDays = f->shelfLife;
    return s;
}

// Lots on hand at the start of `day`, rebuilt: the quantity from the
// snapshot minus what happened since (or the movements up to then), spread
// over the latest receptions, whose lots are the ones still there
// (first-expiring-first leaves the newest).
std::vector<Lot> rebuildLots(double onHand, const std::vector<Arrival> &receptions, QDate day)
{
    std::vector<Lot> lots;
    double left = onHand;
    for (auto it = receptions.rbegin(); it != receptions.rend() && left > 1e-9; ++it) {
        if (it->day >= day)
            continue;
        Lot l;
        l.quantity = std::min(left, it->quantity);
        l.expiry = it->expiry.isValid() ? it->expiry : day.addYears(2);
        lots.push_back(l);
        left -= l.quantity;
    }
    if (left > 1e-9) { // older than the history: expiry unknown, assumed far
        Lot l;
        l.quantity = left;
        l.expiry = day.addYears(2);
        lots.push_back(l);
    }
    return lots;
}

struct Loaded {
    std::vector<Product> products;
    std::unordered_map<qint64, Supplier> suppliers;
    std::unordered_map<qint64, ProductFacts> facts;
    std::unordered_map<qint64, ConsumptionSeries> daily;
    std::unordered_map<qint64, std::vector<Lot>> snapshot;
    std::unordered_map<qint64, QDate> snapshotDay;
    QDate stockDay;   // latest date of the lot snapshot (invalid: no lots imported)
    QDate lastMovement;

    // Day the product's stock was counted: its lots' date, else the
    // snapshot's (a product the snapshot does not list had none).
    QDate countedOn(qint64 productId) const
    {
        const auto it = snapshotDay.find(productId);
        return it != snapshotDay.end() ? it->second : stockDay;
    }
    // Whether the snapshot gives the stock at the start of `day`: it was
    // counted before, or nothing moved from `day` on.
    bool snapshotHolds(qint64 productId, QDate day) const
    {
        const QDate counted = countedOn(productId);
        return counted.isValid() && (day > counted || (lastMovement.isValid() && day > lastMovement));
    }
};

Loaded loadAll(const Store &store)
{
    Loaded d;
    d.products = store.products();
    for (Supplier &s : store.suppliers())
        d.suppliers.emplace(s.id, std::move(s));
    d.facts = loadFacts(store);
    for (ConsumptionSeries &c : store.consumption(Bucket::Day, false))
        d.daily.emplace(c.productId, std::move(c));
    for (const Lot &l : store.lots()) {
        d.snapshot[l.productId].push_back(l);
        d.snapshotDay[l.productId] = std::max(d.snapshotDay[l.productId], l.asOf);
        d.stockDay = std::max(d.stockDay, l.asOf);
    }
    d.lastMovement = lastHistoryDay(store);
    return d;
}

const ProductFacts *factsOf(const Loaded &d, qint64 productId)
{
    const auto it = d.facts.find(productId);
    return it == d.facts.end() ? nullptr : &it->second;
}

double demandOn(const ConsumptionSeries *c, QDate day)
{
    if (!c)
        return 0.0;
    const qint64 i = c->start.daysTo(day);
    return i >= 0 && i < qint64(c->values.size()) ? std::max(0.0, c->values[std::size_t(i)]) : 0.0;
}

// Stock on hand at the start of `day`: from the snapshot taken at the end of
// the day it was counted backwards when there is one (a product it does not
// list had none), else forwards from nothing.
double onHandAt(const Loaded &d, qint64 productId, QDate day, const ProductFacts *f)
{
    const auto dc = d.daily.find(productId);
    const ConsumptionSeries *c = dc == d.daily.end() ? nullptr : &dc->second;
    const auto snap = d.snapshot.find(productId);
    const qint64 dayJ = day.toJulianDay();
    const QDate at = d.countedOn(productId);
    if (at.isValid()) {
        double q = 0.0;
        if (snap != d.snapshot.end())
            for (const Lot &l : snap->second)
                q += l.quantity;
        for (QDate x = day; x <= at; x = x.addDays(1))
            q += demandOn(c, x);
        if (f)
            for (const auto &[j, change] : f->otherChanges)
                if (j >= dayJ && j <= at.toJulianDay())
                    q -= change;
        return std::max(0.0, q);
    }
    double q = 0.0;
    if (c)
        for (QDate x = c->start; x < day; x = x.addDays(1))
            q -= demandOn(c, x);
    if (f)
        for (const auto &[j, change] : f->otherChanges)
            if (j < dayJ)
                q += change;
    return std::max(0.0, q);
}

} // namespace

QDate lastHistoryDay(const Store &store) { return store.lastMovementDay(); }

std::vector<ProductSituation> loadSituations(const Store &store, QDate asOf)
{
    const Loaded d = loadAll(store);
    std::vector<ProductSituation> out;
    out.reserve(d.products.size());
    for (const Product &p : d.products) {
        const ProductFacts *f = factsOf(d, p.id);
        ProductSituation s = baseSituation(p, d.suppliers, f, asOf);
        if (d.snapshotHolds(p.id, asOf)) {
            const auto snap = d.snapshot.find(p.id);
            if (snap != d.snapshot.end())
                s.lots = snap->second;
            if (f)
                s.onOrder = f->onOrder;
        } else {
            s.lots = rebuildLots(onHandAt(d, p.id, asOf, f), f ? f->receptions : std::vector<Arrival>{}, asOf);
        }
        const auto dc = d.daily.find(p.id);
        if (dc != d.daily.end()) {
            const ConsumptionSeries &c = dc->second;
            const QDate monday = c.start.addDays(1 - c.start.dayOfWeek());
            for (QDate w = monday; w.addDays(7) <= asOf; w = w.addDays(7)) {
                double sum = 0.0;
                for (int k = 0; k < 7; ++k)
                    sum += demandOn(&c, w.addDays(k));
                s.weeklyDemand.push_back(sum);
            }
        }
        if (s.weeklyDemand.empty())
            s.weeklyDemand.assign(1, 0.0);
        out.push_back(std::move(s));
    }
    return out;
}

std::vector<ReplayProduct> loadReplayProducts(const Store &store, QDate from)
{
    const Loaded d = loadAll(store);
    std::vector<ReplayProduct> out;
    out.reserve(d.products.size());
    for (const Product &p : d.products) {
        const ProductFacts *f = factsOf(d, p.id);
        ReplayProduct b;
        b.situation = baseSituation(p, d.suppliers, f, from);
        const auto dc = d.daily.find(p.id);
        if (dc != d.daily.end()) {
            b.historyStart = dc->second.start;
            b.dailyDemand = dc->second.values;
        } else {
            b.historyStart = from;
        }
        b.initialLots = rebuildLots(onHandAt(d, p.id, from, f), f ? f->receptions : std::vector<Arrival>{}, from);
        if (f) {
            for (const Arrival &a : f->receptions)
                if (a.day >= from)
                    b.receptions.push_back(a);
            if (int(f->delays.size()) >= kMinLeadTimeObservations)
                for (const auto &[received, days] : f->delays)
                    b.leadTimes.push_back(days);
        }
        out.push_back(std::move(b));
    }
    return out;
}

} // namespace reappro
