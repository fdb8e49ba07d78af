#include "core/policybacktest.h"
#include "core/parallel.h"
#include "core/serviceallocation.h"

#include <algorithm>
#include <cmath>

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
        const auto at = std::upper_bound(m_lots.begin(), m_lots.end(), expiry,
                                         [](QDate e, const Entry &x) { return e < x.expiry; });
        m_lots.insert(at, {expiry, quantity, initial});
    }
    // Destroys what expired before `day` (an expiry date is the last day of
    // use); returns the quantity, and in *fromInitial the part that was
    // already in stock on the first day.
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
QDate firstMonday(const BacktestProduct &bp)
{
    return bp.historyStart.addDays(1 - bp.historyStart.dayOfWeek());
}

double demandOn(const BacktestProduct &bp, QDate d)
{
    const qint64 i = bp.historyStart.daysTo(d);
    return i >= 0 && i < qint64(bp.dailyDemand.size()) ? std::max(0.0, bp.dailyDemand[std::size_t(i)]) : 0.0;
}

// The complete weeks that end before `end`.
std::vector<double> weeklySums(const BacktestProduct &bp, QDate end)
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

QString backtestPolicyCode(BacktestPolicy p)
{
    switch (p) {
    case BacktestPolicy::Reappro: return QStringLiteral("reappro");
    case BacktestPolicy::MinMax: return QStringLiteral("minmax");
    case BacktestPolicy::Actual: return QStringLiteral("actual");
    }
    return {};
}

void BacktestMetrics::add(const BacktestMetrics &o)
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

Money BacktestResult::averageStockValue() const
{
    const qint64 span = from.daysTo(to) + 1;
    return span > 0 ? Money::fromUnits(total.stockValueDays.units() / span) : Money();
}

Money BacktestResult::averageStockValue(Criticality c) const
{
    const auto it = byCriticality.find(c);
    const qint64 span = from.daysTo(to) + 1;
    return it == byCriticality.end() || span <= 0 ? Money() : Money::fromUnits(it->second.stockValueDays.units() / span);
}

BacktestMetrics replayProduct(const BacktestProduct &bp, const BacktestOptions &opt, std::span<const double> serviceTargets)
{
    BacktestMetrics m;
    const ProductSituation &base = bp.situation;
    const Product &p = base.product;
    const ReplenishmentSettings &settings = opt.settings;
    const unsigned orderDays = (base.orderDays & 0x7F) ? base.orderDays : settings.defaultOrderDays;
    const double lead = base.leadTimeDays > 0.0 ? base.leadTimeDays : double(settings.defaultLeadTimeDays);
    const qint64 leadDays = std::max<qint64>(0, std::llround(lead));
    const double shelf = base.shelfLifeDays > 0.0 ? base.shelfLifeDays : opt.defaultShelfLifeDays;
    const double pack = p.packSize > 0.0 ? p.packSize : 1.0;

    Stock stock(bp.initialLots);
    m.startStock = stock.total();
    std::vector<Arrival> pipeline; // pending, any order
    for (const Arrival &r : bp.receptions)
        if (r.day >= opt.from && r.day <= opt.to
            && (opt.policy == BacktestPolicy::Actual || r.day < opt.from.addDays(leadDays)))
            pipeline.push_back(r);
    if (opt.policy == BacktestPolicy::Actual) {
        std::vector<QDate> days;
        for (const Arrival &r : pipeline)
            days.push_back(r.day);
        std::sort(days.begin(), days.end());
        m.orders = std::unique(days.begin(), days.end()) - days.begin();
    }

    const QDate weekStart = firstMonday(bp);
    const std::vector<double> weekly = weeklySums(bp, opt.to);

    ProductSituation decision = base;
    std::vector<std::pair<long, forecasting::TotalDemand>> cache; // (cover in 1/100 days, distribution)
    QDate lastFit;
    bool inCycle = false, cycleServed = true;
    const double classTarget = settings.service.of(criticalityOf(p));
    double cycleTarget = classTarget; // the target of the order that protects the current cycle

    for (QDate d = opt.from; d <= opt.to; d = d.addDays(1)) {
        // 1. arrivals
        for (auto it = pipeline.begin(); it != pipeline.end();) {
            if (it->day <= d) {
                stock.add(it->quantity, it->expiry.isValid() ? it->expiry : it->day.addDays(qint64(shelf)));
                m.received += it->quantity;
                it = pipeline.erase(it);
            } else {
                ++it;
            }
        }
        // 2. expiries
        double goneInitial = 0.0;
        const double gone = stock.expire(d, &goneInitial);
        m.expired += gone;
        m.expiredValue += p.unitPrice.times(gone);
        m.expiredInitialValue += p.unitPrice.times(goneInitial);
        // 3. orders
        if (orderDays >> (d.dayOfWeek() - 1) & 1u) {
            if (inCycle) {
                ++m.cycles;
                m.servedCycles += cycleServed ? 1 : 0;
                m.targetSum += cycleTarget;
            }
            inCycle = true;
            cycleServed = true;
            double onOrder = 0.0;
            for (const Arrival &a : pipeline)
                onOrder += a.quantity;
            double quantity = 0.0;
            if (opt.policy == BacktestPolicy::Reappro) {
                if (!lastFit.isValid() || lastFit.daysTo(d) >= opt.refitDays) {
                    lastFit = d;
                    cache.clear();
                    const qint64 complete = std::max<qint64>(0, weekStart.daysTo(d) / 7);
                    decision.weeklyDemand.assign(weekly.begin(), weekly.begin() + std::min<qint64>(complete, qint64(weekly.size())));
                }
                if (!serviceTargets.empty())
                    decision.serviceTarget = serviceTargets[std::min<std::size_t>(
                        std::size_t(opt.from.daysTo(d) / std::max(1, opt.reallocateDays)), serviceTargets.size() - 1)];
                cycleTarget = decision.serviceTarget > 0.0 ? decision.serviceTarget : classTarget;
                decision.lots = stock.lots();
                decision.onOrder = onOrder;
                const OrderSuggestion o = suggestOrder(decision, d, settings, [&](double days) -> const forecasting::TotalDemand & {
                    const long key = std::lround(days * 100.0);
                    for (const auto &[k, dist] : cache)
                        if (k == key)
                            return dist;
                    cache.emplace_back(key, demandOverDays(decision.weeklyDemand, days));
                    return cache.back().second;
                });
                quantity = o.quantity;
            } else if (opt.policy == BacktestPolicy::MinMax) {
                double recent = 0.0;
                for (int k = 1; k <= kAmcDays; ++k)
                    recent += demandOn(bp, d.addDays(-k));
                const double amc = recent / kAmcDays * kDaysPerMonth;
                const double position = stock.total() + onOrder;
                if (amc > 0.0 && position <= amc * opt.minMonths) {
                    quantity = roundUpToPacks(amc * opt.maxMonths - position, pack);
                    quantity = std::max(quantity, roundUpToPacks(p.minOrderQuantity, pack));
                }
            }
            if (quantity > 0.0) {
                const qint64 delay = bp.leadTimes.empty() ? leadDays
                                                          : bp.leadTimes[std::size_t(m.orders) % bp.leadTimes.size()];
                const QDate arrival = d.addDays(delay);
                pipeline.push_back({arrival, quantity, arrival.addDays(qint64(shelf))});
                ++m.orders;
            }
        }
        // 4. demand, first-expiring-first
        const double want = demandOn(bp, d);
        const double got = stock.serve(want);
        m.demand += want;
        m.served += got;
        if (want - got > 1e-9) {
            ++m.stockoutDays;
            cycleServed = false;
        }
        // 5. value
        m.stockValueDays += p.unitPrice.times(stock.total());
        ++m.days;
    }
    if (inCycle) {
        ++m.cycles;
        m.servedCycles += cycleServed ? 1 : 0;
        m.targetSum += cycleTarget;
    }
    m.endStock = stock.total();
    return m;
}

BacktestResult replay(const std::vector<BacktestProduct> &products, const BacktestOptions &options, int threads)
{
    // Reappro's per-product service targets, allocated again every
    // reallocateDays from the history known then.
    std::vector<std::vector<double>> targets(products.size());
    if (options.policy == BacktestPolicy::Reappro && options.settings.service.perProduct) {
        for (QDate d = options.from; d <= options.to; d = d.addDays(std::max(1, options.reallocateDays))) {
            std::vector<ServiceCandidate> candidates(products.size());
            parallelFor(products.size(), threads, nullptr, [&](std::size_t i) {
                ProductSituation s = products[i].situation;
                s.weeklyDemand = weeklySums(products[i], d);
                const double cover = coverWindow(s, d, options.settings).days();
                candidates[i] = serviceCandidate(s, d, options.settings, demandOverDays(s.weeklyDemand, cover));
            });
            const std::vector<double> allocated = allocateServiceTargets(candidates, options.settings.service);
            for (std::size_t i = 0; i < products.size(); ++i)
                targets[i].push_back(allocated[i]);
        }
    }
    std::vector<BacktestMetrics> each(products.size());
    parallelFor(products.size(), threads, nullptr, [&](std::size_t i) { each[i] = replayProduct(products[i], options, targets[i]); });
    // Summed in product order: the same totals whatever the thread count.
    BacktestResult r;
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

} // namespace reappro
