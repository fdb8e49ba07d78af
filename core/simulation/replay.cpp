// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/simulation/replay.h"
#include "core/common/parallel.h"
#include "core/replenishment/serviceallocation.h"

#include <algorithm>
#include <cmath>
#include <mutex>

namespace reappro {

namespace {

constexpr double kDaysPerMonth = 365.25 / 12.0;
constexpr int kAmcDays = 91; // three months of history for the anchors' average monthly consumption

// Stock of one product during the replay: lots by expiry, first-expiring first.
class Stock
{
public:
    explicit Stock(const std::vector<Lot> &lots)
    {
        for (const Lot &l : lots)
            if (l.quantity > 0.0)
                add(l.quantity, l.expiry, true);
    }
    void add(double quantity, QDate expiry, bool initial = false)
    {
        const auto at = std::upper_bound(m_lots.begin(), m_lots.end(), expiry, [](QDate e, const Entry &x) { return e < x.expiry; });
        m_lots.insert(at, {expiry, quantity, initial});
    }
    // Destroys what expired before `day` (an expiry date is the last day of
    // use); returns the quantity, and in *fromInitial the part that was
    // inherited (in stock on the first day, or ordered before it).
    double expire(QDate day, double *fromInitial)
    {
        double gone = 0.0;
        *fromInitial = 0.0;
        while (!m_lots.empty() && m_lots.front().expiry < day) {
            gone += m_lots.front().quantity;
            if (m_lots.front().initial)
                *fromInitial += m_lots.front().quantity;
            m_lots.erase(m_lots.begin());
        }
        return gone;
    }
    double serve(double demand)
    {
        double served = 0.0;
        while (demand - served > 1e-9 && !m_lots.empty()) {
            Entry &l = m_lots.front();
            const double take = std::min(l.quantity, demand - served);
            served += take;
            l.quantity -= take;
            if (l.quantity <= 1e-9)
                m_lots.erase(m_lots.begin());
        }
        return served;
    }
    double total() const
    {
        double t = 0.0;
        for (const Entry &l : m_lots)
            t += l.quantity;
        return t;
    }
    std::vector<Lot> lots() const
    {
        std::vector<Lot> out;
        for (const Entry &e : m_lots) {
            Lot l;
            l.quantity = e.quantity;
            l.expiry = e.expiry;
            out.push_back(l);
        }
        return out;
    }

private:
    struct Entry {
        QDate expiry;
        double quantity;
        bool initial;
    };
    std::vector<Entry> m_lots; // ascending expiry
};

// Weekly sums of the demand on Monday-aligned weeks from the week of the
// history's first day, for the forecasts.
QDate firstMonday(const ReplayProduct &bp) { return bp.historyStart.addDays(1 - bp.historyStart.dayOfWeek()); }

double demandOn(const ReplayProduct &bp, QDate d)
{
    const qint64 i = bp.historyStart.daysTo(d);
    return i >= 0 && i < qint64(bp.dailyDemand.size()) ? std::max(0.0, bp.dailyDemand[std::size_t(i)]) : 0.0;
}

// The complete weeks that end before `end`.
std::vector<double> weeklySums(const ReplayProduct &bp, QDate end)
{
    std::vector<double> weekly;
    for (QDate d = firstMonday(bp); d.addDays(6) < end; d = d.addDays(7)) {
        double sum = 0.0;
        for (int k = 0; k < 7; ++k)
            sum += demandOn(bp, d.addDays(k));
        weekly.push_back(sum);
    }
    return weekly;
}

} // namespace

QString replayPolicyCode(ReplayPolicy p)
{
    switch (p) {
    case ReplayPolicy::Reappro: return QStringLiteral("reappro");
    case ReplayPolicy::MinMax: return QStringLiteral("minmax");
    case ReplayPolicy::Actual: return QStringLiteral("actual");
    }
    return {};
}

void ReplayMetrics::add(const ReplayMetrics &o)
{
    cycles += o.cycles;
    servedCycles += o.servedCycles;
    targetSum += o.targetSum;
    demand += o.demand;
    served += o.served;
    stockValueDays += o.stockValueDays;
    days += o.days;
    orders += o.orders;
    expiredValue += o.expiredValue;
    expiredInitialValue += o.expiredInitialValue;
    stockoutDays += o.stockoutDays;
    received += o.received;
    expired += o.expired;
    endStock += o.endStock;
    startStock += o.startStock;
}

Money ReplayResult::averageStockValue() const
{
    const qint64 span = from.daysTo(to) + 1;
    return span > 0 ? Money::fromUnits(total.stockValueDays.units() / span) : Money();
}

Money ReplayResult::averageStockValue(Criticality c) const
{
    const auto it = byCriticality.find(c);
    const qint64 span = from.daysTo(to) + 1;
    return it == byCriticality.end() || span <= 0 ? Money() : Money::fromUnits(it->second.stockValueDays.units() / span);
}

namespace {

// One product's replay, day by day, resumable: replay() advances all
// products period by period so that Reappro's service targets can be
// allocated across products between periods.
class ProductReplay
{
public:
    ProductReplay(const ReplayProduct &bp, const ReplayOptions &opt)
        : m_bp(bp), m_opt(opt), m_product(bp.situation.product), m_stock(bp.initialLots), m_decision(bp.situation)
    {
        const ProductSituation &base = bp.situation;
        const ReplenishmentSettings &settings = opt.settings;
        m_orderDays = (base.orderDays & 0x7F) ? base.orderDays : settings.defaultOrderDays;
        const double lead = base.leadTimeDays > 0.0 ? base.leadTimeDays : double(settings.defaultLeadTimeDays);
        m_leadDays = std::max<qint64>(0, std::llround(lead));
        m_shelf = base.shelfLifeDays > 0.0 ? base.shelfLifeDays : opt.defaultShelfLifeDays;
        m_pack = m_product.packSize > 0.0 ? m_product.packSize : 1.0;
        m_classTarget = settings.service.of(criticalityOf(m_product));
        m_cycleTarget = m_classTarget;
        m.startStock = m_stock.total();
        // The hospital's orders of before the first day arrive within the
        // first lead time: every policy receives them, and what they lose to
        // expiry is inherited, like the first day's stock.
        for (Arrival r : bp.receptions) {
            r.inherited = r.day < opt.from.addDays(m_leadDays);
            if (r.day >= opt.from && r.day <= opt.to && (opt.policy == ReplayPolicy::Actual || r.inherited))
                m_pipeline.push_back(r);
        }
        if (opt.policy == ReplayPolicy::Actual) {
            std::vector<QDate> days;
            for (const Arrival &r : m_pipeline)
                if (!r.inherited) // ordered before the first day: every policy receives it
                    days.push_back(r.day);
            std::sort(days.begin(), days.end());
            m.orders = std::unique(days.begin(), days.end()) - days.begin();
        }
        m_weekStart = firstMonday(bp);
        if (opt.policy == ReplayPolicy::Reappro)
            m_weekly = weeklySums(bp, opt.to);
        m_decision.weeklyDemand.clear(); // always a prefix of m_weekly (reapproOrder)
    }

    // Replays the days [from, to] with this service target for Reappro's
    // orders (0: the class's).
    void run(QDate from, QDate to, double serviceTarget)
    {
        m_decision.serviceTarget = serviceTarget;
        for (QDate d = from; d <= to; d = d.addDays(1))
            day(d);
    }

    // Closes the cycle under way and returns the totals.
    ReplayMetrics finish()
    {
        if (m_inCycle) {
            closeCycle();
            m_inCycle = false;
        }
        m.endStock = m_stock.total();
        return m;
    }

    const ReplayMetrics &metrics() const { return m; }
    // What Reappro knows of the product now (learned delays included).
    const ProductSituation &situation() const { return m_decision; }

private:
    void closeCycle()
    {
        ++m.cycles;
        m.servedCycles += m_cycleServed ? 1 : 0;
        m.targetSum += m_cycleTarget;
    }

    void day(QDate d)
    {
        const Product &p = m_product;
        // 1. arrivals
        for (auto it = m_pipeline.begin(); it != m_pipeline.end();) {
            if (it->day <= d) {
                m_stock.add(it->quantity, it->expiry.isValid() ? it->expiry : it->day.addDays(qint64(m_shelf)), it->inherited);
                m.received += it->quantity;
                it = m_pipeline.erase(it);
            } else {
                ++it;
            }
        }
        // What Reappro learns from its own deliveries: their delays.
        while (!m_delivering.empty() && m_delivering.front().first <= d) {
            learnDelay(m_delivering.front().second);
            m_delivering.erase(m_delivering.begin());
        }
        // 2. expiries
        double goneInitial = 0.0;
        const double gone = m_stock.expire(d, &goneInitial);
        m.expired += gone;
        m.expiredValue += p.unitPrice.times(gone);
        m.expiredInitialValue += p.unitPrice.times(goneInitial);
        // 3. orders
        if (m_orderDays >> (d.dayOfWeek() - 1) & 1u) {
            if (m_inCycle)
                closeCycle();
            m_inCycle = true;
            m_cycleServed = true;
            double onOrder = 0.0;
            for (const Arrival &a : m_pipeline)
                onOrder += a.quantity;
            double quantity = 0.0;
            if (m_opt.policy == ReplayPolicy::Reappro)
                quantity = reapproOrder(d, onOrder);
            else if (m_opt.policy == ReplayPolicy::MinMax)
                quantity = minMaxOrder(d, onOrder);
            if (quantity > 0.0) {
                const qint64 delay = m_bp.leadTimes.empty() ? m_leadDays : m_bp.leadTimes[std::size_t(m.orders) % m_bp.leadTimes.size()];
                const QDate arrival = d.addDays(delay);
                m_pipeline.push_back({arrival, quantity, arrival.addDays(qint64(m_shelf))});
                if (m_opt.policy == ReplayPolicy::Reappro) {
                    const auto at = std::upper_bound(m_delivering.begin(), m_delivering.end(), arrival,
                                                     [](QDate a, const std::pair<QDate, int> &x) { return a < x.first; });
                    m_delivering.insert(at, {arrival, int(delay)});
                }
                ++m.orders;
            }
        }
        // 4. demand, first-expiring-first
        const double want = demandOn(m_bp, d);
        const double got = m_stock.serve(want);
        m.demand += want;
        m.served += got;
        if (want - got > 1e-9) {
            ++m.stockoutDays;
            m_cycleServed = false;
        }
        // 5. value
        m.stockValueDays += p.unitPrice.times(m_stock.total());
        ++m.days;
    }

    double reapproOrder(QDate d, double onOrder)
    {
        // The weeks of use up to the order day, as a pharmacist's suggestion
        // reads them (the usage rate and the slowest stretches of the
        // shelf-life cap); the forecast itself is refitted every refitDays.
        // Only a new complete week changes them.
        const std::size_t complete = std::size_t(std::clamp<qint64>(m_weekStart.daysTo(d) / 7, 0, qint64(m_weekly.size())));
        if (m_decision.weeklyDemand.size() != complete)
            m_decision.weeklyDemand.assign(m_weekly.begin(), m_weekly.begin() + qint64(complete));
        if (!m_lastFit.isValid() || m_lastFit.daysTo(d) >= m_opt.refitDays) {
            m_lastFit = d;
            m_cache.clear();
        }
        m_cycleTarget = m_decision.serviceTarget > 0.0 ? m_decision.serviceTarget : m_classTarget;
        m_decision.lots = m_stock.lots();
        m_decision.onOrder = onOrder;
        return suggestOrder(m_decision, d, m_opt.settings,
                            [&](double days) -> const forecasting::TotalDemand & { return m_cache.over(m_decision.weeklyDemand, days); })
            .quantity;
    }

    // A delivery's delay joins the observed ones, whose mean is the lead
    // time once there are enough of them.
    void learnDelay(int days)
    {
        m_decision.leadTimes.push_back(days);
        adoptObservedLeadTimes(m_decision);
    }

    double minMaxOrder(QDate d, double onOrder) const
    {
        double recent = 0.0;
        for (int k = 1; k <= kAmcDays; ++k)
            recent += demandOn(m_bp, d.addDays(-k));
        const double amc = recent / kAmcDays * kDaysPerMonth;
        const double position = m_stock.total() + onOrder;
        if (amc <= 0.0 || position > amc * m_opt.minMonths)
            return 0.0;
        return std::max(roundUpToPacks(amc * m_opt.maxMonths - position, m_pack), roundUpToPacks(m_product.minOrderQuantity, m_pack));
    }

    const ReplayProduct &m_bp;
    const ReplayOptions &m_opt;
    const Product &m_product;
    ReplayMetrics m;
    Stock m_stock;
    std::vector<Arrival> m_pipeline; // pending, any order
    std::vector<std::pair<QDate, int>> m_delivering; // Reappro's orders under way: (arrival, delay), by arrival
    unsigned m_orderDays = 0;
    qint64 m_leadDays = 0;
    double m_shelf = 0.0, m_pack = 1.0;
    QDate m_weekStart;
    std::vector<double> m_weekly;
    ProductSituation m_decision;
    DemandCache m_cache;
    QDate m_lastFit;
    bool m_inCycle = false, m_cycleServed = true;
    double m_classTarget = 0.95, m_cycleTarget = 0.95; // the target of the order protecting the current cycle
};

// Integral correction of each class's aim by the service its products
// achieved in the period: aim += gain x (target - achieved), within
// [target - 6 points, target + 2 points] (at most 99.9%).
ServiceTargets correctedTargets(const ServiceTargets &target, ServiceTargets aim,
                                const std::map<Criticality, std::pair<qint64, qint64>> &period)
{
    constexpr double kGain = 1.0;
    for (Criticality c : kAllCriticalities) {
        const auto it = period.find(c);
        if (it == period.end() || it->second.second < 100)
            continue; // too few cycles to say
        const double achieved = double(it->second.first) / double(it->second.second);
        double &a = aim.of(c);
        a = std::clamp(a + kGain * (target.of(c) - achieved), target.of(c) - 0.06, std::min(0.999, target.of(c) + 0.02));
    }
    return aim;
}

QDate periodEnd(QDate start, const ReplayOptions &o) { return std::min(o.to, start.addDays(std::max(1, o.reallocateDays) - 1)); }

} // namespace

ReplayMetrics replayProduct(const ReplayProduct &bp, const ReplayOptions &opt, std::span<const double> serviceTargets)
{
    ProductReplay r(bp, opt);
    std::size_t k = 0;
    for (QDate d = opt.from; d <= opt.to; d = periodEnd(d, opt).addDays(1), ++k)
        r.run(d, periodEnd(d, opt), serviceTargets.empty() ? 0.0 : serviceTargets[std::min(k, serviceTargets.size() - 1)]);
    return r.finish();
}

std::optional<ServiceCalibration> calibrationOf(const ReplayResult &result, const ReplayOptions &options)
{
    if (result.policy != ReplayPolicy::Reappro || !options.calibrate || result.serviceAim.empty()
        || options.from.daysTo(options.to) < 2 * std::max(1, options.reallocateDays))
        return std::nullopt;
    ServiceCalibration c;
    c.from = options.from;
    c.to = options.to;
    c.computedAt = QDateTime::currentDateTimeUtc();
    c.aim = result.serviceAim;
    for (Criticality k : kAllCriticalities)
        c.target[k] = options.settings.service.of(k);
    return c;
}

ReplayControl ReplayControl::part(double from, double to) const
{
    ReplayControl c;
    c.stop = stop;
    if (progress)
        c.progress = [p = progress, from, to](double f) { p(from + (to - from) * f); };
    return c;
}

ReplayResult replay(const std::vector<ReplayProduct> &products, const ReplayOptions &options, int threads, const ReplayControl &control)
{
    std::vector<ProductReplay> replays;
    replays.reserve(products.size());
    for (const ReplayProduct &bp : products)
        replays.emplace_back(bp, options);
    const bool allocate = options.policy == ReplayPolicy::Reappro && options.settings.service.perProduct;
    // Each period, Reappro's per-product service targets are allocated again
    // from the history known then, aiming each class at its target corrected
    // by the service the replay has achieved so far (see the header).
    ServiceTargets aim = options.settings.service;
    std::vector<double> targets(products.size(), 0.0);
    // Progress: product-periods replayed.
    std::size_t periods = 0;
    for (QDate d = options.from; d <= options.to; d = periodEnd(d, options).addDays(1))
        ++periods;
    const double units = double(std::max<std::size_t>(1, periods * products.size()));
    std::atomic<std::size_t> done{0};
    std::mutex progressMutex;
    for (QDate d = options.from; d <= options.to && !control.stopped(); d = periodEnd(d, options).addDays(1)) {
        if (allocate) {
            std::vector<ServiceCandidate> candidates(products.size());
            parallelFor(products.size(), threads, control.stop, [&](std::size_t i) {
                ProductSituation s = replays[i].situation();
                s.weeklyDemand = weeklySums(products[i], d);
                candidates[i] = serviceCandidate(s, d, options.settings);
            });
            targets = allocateServiceTargets(candidates, aim);
        }
        std::vector<ReplayMetrics> before(products.size());
        for (std::size_t i = 0; i < products.size(); ++i)
            before[i] = replays[i].metrics();
        const QDate end = periodEnd(d, options);
        parallelFor(products.size(), threads, control.stop, [&](std::size_t i) {
            replays[i].run(d, end, targets[i]);
            const std::size_t n = ++done;
            if (control.progress && (n % 64 == 0 || n == std::size_t(units))) {
                std::lock_guard lock(progressMutex);
                control.progress(double(n) / units);
            }
        });
        if (allocate && options.calibrate) {
            std::map<Criticality, std::pair<qint64, qint64>> period; // (served cycles, cycles)
            for (std::size_t i = 0; i < products.size(); ++i) {
                auto &[served, cycles] = period[criticalityOf(products[i].situation.product)];
                served += replays[i].metrics().servedCycles - before[i].servedCycles;
                cycles += replays[i].metrics().cycles - before[i].cycles;
            }
            aim = correctedTargets(options.settings.service, aim, period);
        }
    }
    std::vector<ReplayMetrics> each(products.size());
    for (std::size_t i = 0; i < products.size(); ++i)
        each[i] = replays[i].finish();
    ReplayResult r;
    for (Criticality c : kAllCriticalities)
        r.serviceAim[c] = aim.of(c);
    // Summed in product order: the same totals whatever the thread count.
    r.policy = options.policy;
    r.from = options.from;
    r.to = options.to;
    r.products = int(products.size());
    for (std::size_t i = 0; i < products.size(); ++i) {
        const Criticality c = criticalityOf(products[i].situation.product);
        r.total.add(each[i]);
        r.perProduct.push_back(each[i]);
        r.byCriticality[c].add(each[i]);
        ++r.productsByCriticality[c];
    }
    return r;
}

MatchedMinMax matchMinMax(const std::vector<ReplayProduct> &products, ReplayOptions options, double cycleServiceLevel, int threads,
                          int steps, const ReplayControl &control)
{
    options.policy = ReplayPolicy::MinMax;
    int runs = 0;
    const auto run = [&](double months) {
        options.minMonths = months;
        options.maxMonths = 2.0 * months;
        const double k = runs++;
        return replay(products, options, threads, control.part(k / (steps + 1), (k + 1) / (steps + 1)));
    };
    double lo = 0.25, hi = 4.0;
    MatchedMinMax best{lo, 2.0 * lo, run(lo)};
    for (int i = 0; i < steps && !control.stopped(); ++i) {
        const double mid = 0.5 * (lo + hi);
        ReplayResult r = run(mid);
        if (r.total.cycleServiceLevel() <= cycleServiceLevel) {
            lo = mid;
            best = {mid, 2.0 * mid, std::move(r)};
        } else {
            hi = mid;
        }
    }
    return best;
}

ClassMatchedMinMax matchMinMaxByClass(const std::vector<ReplayProduct> &products, const ReplayOptions &options, const ReplayResult &reappro,
                                      int threads, int steps, const ReplayControl &control)
{
    ClassMatchedMinMax m;
    m.result.policy = ReplayPolicy::MinMax;
    m.result.from = options.from;
    m.result.to = options.to;
    m.result.products = int(products.size());
    m.result.perProduct.resize(products.size());
    const double parts = double(kAllCriticalities.size());
    for (std::size_t k = 0; k < kAllCriticalities.size() && !control.stopped(); ++k) {
        const Criticality c = kAllCriticalities[k];
        const auto achieved = reappro.byCriticality.find(c);
        std::vector<std::size_t> index;
        std::vector<ReplayProduct> subset;
        for (std::size_t i = 0; i < products.size(); ++i)
            if (criticalityOf(products[i].situation.product) == c) {
                index.push_back(i);
                subset.push_back(products[i]);
            }
        if (subset.empty() || achieved == reappro.byCriticality.end())
            continue;
        const MatchedMinMax one = matchMinMax(subset, options, achieved->second.cycleServiceLevel(), threads, steps,
                                              control.part(double(k) / parts, double(k + 1) / parts));
        m.minMonths[c] = one.minMonths;
        m.result.total.add(one.result.total);
        m.result.byCriticality[c] = one.result.total;
        m.result.productsByCriticality[c] = int(subset.size());
        for (std::size_t j = 0; j < index.size(); ++j)
            m.result.perProduct[index[j]] = one.result.perProduct[j];
    }
    return m;
}

PolicyComparison comparePolicies(const std::vector<ReplayProduct> &products, const ReplayOptions &options, int threads,
                                 const ReplayControl &control)
{
    // Shares of the time: Reappro's replay forecasts and allocates, the
    // others only count.
    PolicyComparison c;
    ReplayOptions o = options;
    o.policy = ReplayPolicy::Reappro;
    c.reappro = replay(products, o, threads, control.part(0.0, 0.7));
    o.policy = ReplayPolicy::MinMax;
    if (!control.stopped())
        c.minmax = replay(products, o, threads, control.part(0.7, 0.72));
    o.policy = ReplayPolicy::Actual;
    if (!control.stopped())
        c.actual = replay(products, o, threads, control.part(0.72, 0.74));
    if (!control.stopped())
        c.matched = matchMinMax(products, options, c.reappro.total.cycleServiceLevel(), threads, 12, control.part(0.74, 0.87));
    if (!control.stopped())
        c.matchedByClass = matchMinMaxByClass(products, options, c.reappro, threads, 12, control.part(0.87, 1.0));
    return c;
}

} // namespace reappro
