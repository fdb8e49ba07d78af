// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/replenishment/replenishment.h"

#include <QLocale>

#include <algorithm>
#include <cmath>
#include <limits>
#include <numeric>

namespace reappro {

namespace {

constexpr double kDaysPerWeek = 7.0;
// Weeks of history whose rate bounds the usage assumed against expiry.
constexpr std::size_t kRecentWeeks = 13;
// Longest horizon whose demand quantile the shelf-life cap reads (13 weeks).
constexpr double kShelfLifeHorizonDays = 91.0;
// A vital product unused for a year, longer than ever before, has most
// likely left the formulary: no pack is ordered "just in case" any more.
constexpr int kForsakenWeeks = 52;
// Weeks of history whose slowest stretches bound what a lot will lose to use.
constexpr std::size_t kHistoryWeeks = 52;

double roundDownToPacks(double quantity, double pack)
{
    if (quantity <= 0.0)
        return 0.0;
    return pack > 0.0 ? std::floor(quantity / pack + 1e-9) * pack : std::floor(quantity + 1e-9);
}

// Stock that serves the cover window of `horizon` days: a lot expiring after
// the window is there all along and counts whole; one expiring inside it
// counts for what is used before its expiry, first-expiring-first at `daily`
// units a day; the rest of it is the expiring quantity.
void splitUsable(std::vector<Lot> lots, QDate asOf, double daily, double horizon, double &usable, double &expiring)
{
    std::sort(lots.begin(), lots.end(), [](const Lot &a, const Lot &b) { return a.expiry < b.expiry; });
    usable = expiring = 0.0;
    double used = 0.0; // consumed before the lots so far expire
    for (const Lot &lot : lots) {
        if (lot.quantity <= 0.0)
            continue;
        // The expiry date is the last day of use, and the decision day's
        // demand is still to come: a lot serves days + 1 days.
        const double days = lot.expiry.isValid() ? double(asOf.daysTo(lot.expiry)) + 1.0 : 1e9;
        if (days >= horizon) {
            usable += lot.quantity;
            continue;
        }
        const double canUse = std::clamp(daily * days - used, 0.0, lot.quantity);
        used += canUse;
        usable += canUse;
        expiring += lot.quantity - canUse;
    }
}

} // namespace

double roundUpToPacks(double quantity, double pack)
{
    if (quantity <= 0.0)
        return 0.0;
    return pack > 0.0 ? std::ceil(quantity / pack - 1e-9) * pack : std::ceil(quantity - 1e-9);
}

bool adoptObservedLeadTimes(ProductSituation &s)
{
    if (int(s.leadTimes.size()) < kMinLeadTimeObservations)
        return false;
    s.leadTimeDays = std::accumulate(s.leadTimes.begin(), s.leadTimes.end(), 0.0) / double(s.leadTimes.size());
    s.leadTimeSource = LeadTimeSource::Observed;
    return true;
}

double usageRate(const std::vector<double> &weeklyDemand, double forecastDaily)
{
    if (weeklyDemand.empty())
        return forecastDaily;
    const std::size_t weeks = std::min(weeklyDemand.size(), kRecentWeeks);
    double recent = 0.0;
    for (std::size_t i = weeklyDemand.size() - weeks; i < weeklyDemand.size(); ++i)
        recent += weeklyDemand[i];
    return std::min(forecastDaily, recent / (double(weeks) * kDaysPerWeek));
}

double shelfLifeHorizon(double shelfLifeDays) { return std::min(shelfLifeDays, kShelfLifeHorizonDays); }

double slowestUse(const std::vector<double> &weekly, double shelfLifeDays, double expiryConfidence)
{
    // From the first week with demand: a product new to the hospital has
    // no slow season yet, only the weeks before it was used.
    std::size_t start = weekly.size() - std::min<std::size_t>(weekly.size(), kHistoryWeeks);
    while (start < weekly.size() && weekly[start] <= 0.0)
        ++start;
    const std::size_t n = weekly.size() - start;
    const double weeks = shelfLifeDays / kDaysPerWeek;
    if (n < 8 || weeks <= 0.0)
        return std::numeric_limits<double>::infinity();
    const std::size_t w = std::clamp<std::size_t>(std::size_t(std::lround(weeks)), 1, n / 2);
    std::vector<double> sums;
    double sum = 0.0;
    for (std::size_t i = 0; i < n; ++i) {
        sum += weekly[start + i];
        if (i >= w)
            sum -= weekly[start + i - w];
        if (i + 1 >= w)
            sums.push_back(sum);
    }
    std::sort(sums.begin(), sums.end());
    return std::max(0.0, forecasting::interpolatedQuantile(sums, 1.0 - expiryConfidence)) * weeks / double(w);
}

double lowQuantile(const forecasting::TotalDemand &total, double p)
{
    if (total.bootstrap || !total.error.empty() || !(total.mean > 0.0) || !(total.sd > 0.0))
        return total.quantile(p);
    // A total of demands is positive and right-skewed: lognormal with the
    // forecast's mean and spread.
    const double cv = total.sd / total.mean;
    const double logVariance = std::log1p(cv * cv);
    return std::exp(std::log(total.mean) - 0.5 * logVariance + forecasting::normalQuantile(p) * std::sqrt(logVariance));
}

double usableBeforeExpiry(const forecasting::TotalDemand &overHorizon, const std::vector<double> &weekly, double usage,
                          double shelfLifeDays, double expiryConfidence)
{
    const double horizon = shelfLifeHorizon(shelfLifeDays);
    const double likely = horizon > 0.0 ? lowQuantile(overHorizon, 1.0 - expiryConfidence) * shelfLifeDays / horizon : 0.0;
    return std::min({likely, usage * shelfLifeDays, slowestUse(weekly, shelfLifeDays, expiryConfidence)});
}

double orderLot(const Product &p)
{
    const double pack = p.packSize > 0.0 ? p.packSize : 1.0;
    return std::max(pack, roundUpToPacks(std::max(p.minOrderQuantity, 0.0), pack));
}

CoverDemand::CoverDemand(const forecasting::TotalDemand &demand, const std::vector<int> &leadTimes, double leadTimeDays, double coverDays)
    : m_demand(demand)
{
    if (int(leadTimes.size()) < kMinLeadTimeObservations || !(coverDays > 0.0) || !(demand.mean > 0.0))
        return;
    std::vector<int> sorted = leadTimes;
    std::sort(sorted.begin(), sorted.end());
    if (sorted.front() == sorted.back())
        return;
    const double daily = demand.mean / coverDays, weight = 1.0 / double(sorted.size());
    for (std::size_t i = 0; i < sorted.size();) {
        std::size_t j = i;
        while (j < sorted.size() && sorted[j] == sorted[i])
            ++j;
        const double shift = daily * (double(sorted[i]) - leadTimeDays);
        m_shifts.emplace_back(shift, weight * double(j - i));
        m_meanShift += shift * weight * double(j - i);
        i = j;
    }
}

double CoverDemand::probabilityAbove(double x) const
{
    if (m_shifts.empty())
        return m_demand.probabilityAbove(x);
    double p = 0.0;
    for (const auto &[shift, weight] : m_shifts)
        p += weight * m_demand.probabilityAbove(x - shift);
    return p;
}

double CoverDemand::quantile(double p) const
{
    const double base = m_demand.quantile(p);
    if (m_shifts.empty() || !std::isfinite(base))
        return base;
    // Each part is at or below 1 - p at base + its shift: the mixture's
    // quantile lies between the smallest and the largest of those.
    double lo = base + m_shifts.front().first, hi = base + m_shifts.back().first;
    for (int i = 0; i < 40 && hi - lo > 1e-6 * std::max(1.0, hi); ++i) {
        const double mid = 0.5 * (lo + hi);
        (probabilityAbove(mid) <= 1.0 - p ? hi : lo) = mid;
    }
    return std::max(0.0, hi);
}

double serviceAtLevel(const CoverDemand &demand, double level, double lot)
{
    if (lot <= 1.0)
        return 1.0 - demand.probabilityAbove(level);
    double sum = 0.0;
    constexpr int kSteps = 8;
    for (int k = 0; k < kSteps; ++k)
        sum += 1.0 - demand.probabilityAbove(level + (k + 0.5) / kSteps * lot);
    return sum / kSteps;
}

ServiceLevelStock orderUpToLevel(const CoverDemand &demand, double target, double lot)
{
    ServiceLevelStock r;
    r.service = target;
    double level = demand.quantile(target);
    // Whole packs (or a minimum order) leave the position anywhere in
    // [S, S + lot) after an order, which serves more than the target on
    // average. The level is lowered so the average over that range meets
    // the target instead: mean_u P(D <= S' + u) = target, u uniform over one
    // lot (an (R, s, nQ) policy). Never below the mean demand.
    if (lot > 1.0 && std::isfinite(level)) {
        double lo = std::max(demand.mean(), level - lot), hi = level;
        if (const double atMean = serviceAtLevel(demand, lo, lot); atMean >= target) {
            level = lo;
            r.service = atMean;
        } else {
            for (int i = 0; i < 30; ++i) {
                const double mid = 0.5 * (lo + hi);
                (serviceAtLevel(demand, mid, lot) >= target ? hi : lo) = mid;
            }
            level = hi;
        }
    }
    r.level = level;
    return r;
}

QDate nextOrderDay(QDate from, unsigned orderDays)
{
    if ((orderDays & 0x7F) == 0)
        return from;
    QDate d = from;
    while (!(orderDays >> (d.dayOfWeek() - 1) & 1u))
        d = d.addDays(1);
    return d;
}

CoverWindow coverWindow(const ProductSituation &s, QDate asOf, const ReplenishmentSettings &settings)
{
    CoverWindow w;
    const unsigned days = (s.orderDays & 0x7F) ? s.orderDays : settings.defaultOrderDays;
    w.orderDate = nextOrderDay(asOf, days);
    w.nextOrderDate = nextOrderDay(w.orderDate.addDays(1), days);
    w.reviewDays = double(w.orderDate.daysTo(w.nextOrderDate));
    w.leadTimeDays = s.leadTimeDays > 0.0 ? s.leadTimeDays : double(settings.defaultLeadTimeDays);
    w.leadTimeSource = s.leadTimeDays > 0.0 ? s.leadTimeSource : LeadTimeSource::Default;
    return w;
}

OrderSuggestion suggestOrder(const ProductSituation &s, QDate asOf, const ReplenishmentSettings &settings)
{
    DemandCache demand;
    return suggestOrder(s, asOf, settings,
                        [&](double days) -> const forecasting::TotalDemand & { return demand.over(s.weeklyDemand, days); });
}

forecasting::TotalDemand demandOverDays(const std::vector<double> &weeklyDemand, double days)
{
    return forecasting::totalDemand(weeklyDemand, {52}, days / kDaysPerWeek);
}

const forecasting::TotalDemand &DemandCache::over(const std::vector<double> &weeklyDemand, double days)
{
    const long key = std::lround(days * 100.0);
    for (const auto &[k, distribution] : m_entries)
        if (k == key)
            return distribution;
    return m_entries.emplace_back(key, demandOverDays(weeklyDemand, days)).second;
}

OrderSuggestion suggestOrder(const ProductSituation &s, QDate asOf, const ReplenishmentSettings &settings,
                             const std::function<const forecasting::TotalDemand &(double days)> &demandOver)
{
    OrderSuggestion o;
    const Product &p = s.product;
    o.productId = p.id;
    o.productCode = p.code;
    o.label = p.label;
    o.unit = p.dispensingUnit;
    o.supplierCode = s.supplierCode;
    o.supplierName = s.supplierName;
    o.criticality = criticalityOf(p);
    o.classTarget = settings.service.of(o.criticality);
    o.serviceTarget = s.serviceTarget > 0.0 ? s.serviceTarget : o.classTarget;
    o.policy = settings.policy;
    o.packSize = p.packSize > 0.0 ? p.packSize : 1.0;
    o.minOrder = p.minOrderQuantity;
    o.unitPrice = p.unitPrice;
    o.shelfLifeDays = s.shelfLifeDays;
    o.onOrder = s.onOrder;

    const CoverWindow window = coverWindow(s, asOf, settings);
    o.orderDate = window.orderDate;
    o.nextOrderDate = window.nextOrderDate;
    o.reviewDays = window.reviewDays;
    o.leadTimeDays = window.leadTimeDays;
    o.leadTimeSource = window.leadTimeSource;
    o.leadTimeObservations = int(s.leadTimes.size());
    if (!s.leadTimes.empty()) {
        const auto [shortest, longest] = std::minmax_element(s.leadTimes.begin(), s.leadTimes.end());
        o.leadTimeShortest = *shortest;
        o.leadTimeLongest = *longest;
    }
    o.arrivalDate = o.orderDate.addDays(qint64(std::lround(o.leadTimeDays)));

    const double cover = window.days();
    const forecasting::TotalDemand &demand = demandOver(cover);
    o.model = QString::fromStdString(demand.model);
    if (!demand.error.empty()) {
        o.error = QString::fromStdString(demand.error);
        return o;
    }
    o.dormantWeeks = int(demand.dormantPeriods);
    o.coverMean = demand.mean;
    o.dailyDemand = cover > 0.0 ? demand.mean / cover : 0.0;
    // Usage for everything about expiry: the forecast rate, but not above
    // the rate of the last weeks: a forecast that lags a fall in demand must
    // not fill the shelves with what will expire.
    o.usageRate = usageRate(s.weeklyDemand, o.dailyDemand);
    // Stock that will be used before it expires, from the decision day on
    // (orders arrive fresh and count whole).
    double usable = 0.0;
    splitUsable(s.lots, asOf, o.dailyDemand, cover, usable, o.expiring);
    o.onHand = usable + o.expiring;
    o.position = usable + s.onOrder;

    const CoverDemand coverDemand(demand, s.leadTimes, o.leadTimeDays, cover);
    const double quantile = orderUpToLevel(coverDemand, o.serviceTarget, orderLot(p)).level;
    o.safetyStock = quantile - demand.mean;

    if (settings.policy == PolicyKind::OrderUpTo) {
        o.orderUpTo = quantile;
        o.needed = std::max(0.0, quantile - o.position);
    } else {
        o.reorderPoint = quantile;
        o.orderUpTo = quantile + o.dailyDemand * o.reviewDays;
        o.needed = o.position <= o.reorderPoint ? o.orderUpTo - o.position : 0.0;
    }
    if (o.needed <= 1e-9) {
        o.needed = 0.0;
        return o;
    }

    double q = roundUpToPacks(o.needed, o.packSize);
    const double minimum = roundUpToPacks(std::max(o.minOrder, 0.0), o.packSize);
    q = std::max(q, minimum);
    o.quantityBeforeCap = q;
    if (o.shelfLifeDays > 0.0) {
        // The last unit ordered must have a chance of at least
        // expiryConfidence of being used before it expires: what is left of
        // the position when the order arrives is used first, then the new lot
        // until its expiry; the cap is what the new lot likely loses to use
        // (usableBeforeExpiry) minus that leftover.
        const double leftover = std::max(0.0, o.position - o.usageRate * o.leadTimeDays);
        const double usable = usableBeforeExpiry(demandOver(shelfLifeHorizon(o.shelfLifeDays)), s.weeklyDemand, o.usageRate,
                                                 o.shelfLifeDays, settings.expiryConfidenceOf(o.criticality));
        o.shelfLifeCap = std::max(0.0, usable - leftover);
        if (q > o.shelfLifeCap + 1e-9) {
            const double fits = roundDownToPacks(o.shelfLifeCap, o.packSize);
            const double smallest = std::max(o.packSize, minimum);
            o.capped = true;
            const bool vitalNoneLeft = o.criticality == Criticality::Vital && o.position <= 0.0;
            const bool forsaken = vitalNoneLeft && o.dormantWeeks >= kForsakenWeeks;
            if (fits >= smallest) {
                q = fits;
            } else if (o.position < o.coverMean && (o.usageRate > 0.0 || (vitalNoneLeft && !forsaken))) {
                // Not even one pack (or the minimum) will be used before it
                // expires, but without it the stock runs out before the next
                // order arrives: it is ordered, and flagged. Unless nothing
                // was used for 13 weeks: then the pack would most likely
                // expire unused, and only a vital product with nothing left
                // at all gets one, if it was used within the year.
                q = smallest;
                o.expiryRisk = true;
            } else {
                q = 0.0; // the stock covers what can be used before expiry
                o.forsaken = forsaken;
            }
        }
    }
    o.capped = o.capped && q < o.quantityBeforeCap;
    o.quantity = q;
    o.quantityBeforeBudget = q;
    o.riskAvoided = std::max(0.0, coverDemand.probabilityAbove(o.position) - coverDemand.probabilityAbove(o.position + q));
    o.value = o.unitPrice.times(q);
    return o;
}

Money applyBudget(std::vector<OrderSuggestion> &lines, Money budget)
{
    Money total;
    for (const OrderSuggestion &l : lines)
        total += l.value;
    if (total <= budget)
        return total;

    // Lowest priority first: the least critical, then the least risk avoided
    // per euro; product code breaks ties so the cut is reproducible.
    std::vector<std::size_t> order;
    for (std::size_t i = 0; i < lines.size(); ++i)
        if (lines[i].quantity > 0.0 && lines[i].value > Money())
            order.push_back(i); // a free line costs the budget nothing
    auto riskPerEuro = [](const OrderSuggestion &l) { return l.riskAvoided / l.value.toDouble(); }; // every line here costs something
    std::sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
        const OrderSuggestion &x = lines[a], &y = lines[b];
        if (x.criticality != y.criticality)
            return x.criticality > y.criticality; // Other > Essential > Vital in the enum: cut first
        const double rx = riskPerEuro(x), ry = riskPerEuro(y);
        if (rx != ry)
            return rx < ry;
        return x.productCode < y.productCode;
    });
    for (std::size_t i : order) {
        if (total <= budget)
            break;
        OrderSuggestion &l = lines[i];
        const Money excess = total - budget;
        // Remove just enough whole packs, or the whole line.
        const double packValue = l.unitPrice.times(l.packSize).toDouble();
        double keep = 0.0;
        if (packValue > 0.0) {
            const double packsToCut = std::ceil(excess.toDouble() / packValue - 1e-9);
            keep = std::max(0.0, l.quantity - packsToCut * l.packSize);
            const double minimum = roundUpToPacks(std::max(l.minOrder, 0.0), l.packSize);
            if (keep < minimum)
                keep = 0.0;
        }
        total = total - l.value;
        l.quantity = keep;
        l.value = l.unitPrice.times(keep);
        l.budgetCut = true;
        total += l.value;
    }
    return total;
}

QString forecastMethodText(const QString &model, Language language)
{
    const bool fr = language == Language::French;
    if (model.isEmpty())
        return QString();
    // "TSB(alphaDemand=0.1,alphaSize=0.05) x seasonal(m=52,K=2)": the name
    // before the parameters, and whether a yearly pattern was added.
    const qsizetype cut = model.indexOf(QLatin1Char('('));
    const QString name = (cut < 0 ? model : model.left(cut)).trimmed();
    const qsizetype seasonAt = model.indexOf(QStringLiteral(" x seasonal("));
    const bool yearly = seasonAt >= 0 && model.mid(seasonAt).startsWith(QStringLiteral(" x seasonal(m=52,"));
    QString family, method = name;
    const auto is = [&](const char *n) { return name == QLatin1String(n); };
    if (is("SES"))
        family = fr ? QStringLiteral("niveau lissé") : QStringLiteral("smoothed level");
    else if (is("Holt"))
        family = fr ? QStringLiteral("tendance") : QStringLiteral("trend");
    else if (is("Holt damped")) {
        family = fr ? QStringLiteral("tendance amortie") : QStringLiteral("damped trend");
        method = QStringLiteral("Holt");
    } else if (name.startsWith(QStringLiteral("HW "))) {
        family = fr ? QStringLiteral("saisonnalité") : QStringLiteral("seasonality");
        method = QStringLiteral("Holt-Winters");
    } else if (is("Croston") || is("SBA") || is("TSB"))
        family = fr ? QStringLiteral("demande intermittente") : QStringLiteral("intermittent demand");
    else if (is("ADIDA") || is("IMAPA"))
        family = fr ? QStringLiteral("demande intermittente, par périodes regroupées")
                    : QStringLiteral("intermittent demand, over pooled periods");
    else if (is("Theta"))
        family = fr ? QStringLiteral("tendance lissée") : QStringLiteral("smoothed trend");
    else if (is("Naive"))
        family = fr ? QStringLiteral("dernière période reconduite") : QStringLiteral("last period carried forward");
    else if (is("Seasonal naive"))
        family = fr ? QStringLiteral("même période de la saison précédente") : QStringLiteral("same period of the last season");
    else if (is("Zero"))
        return fr ? QStringLiteral("aucune demande récente") : QStringLiteral("no recent demand");
    QString text = family.isEmpty() ? method : family + QStringLiteral(", ") + method;
    if (seasonAt >= 0)
        text += yearly ? (fr ? QStringLiteral(", avec le profil de l'année") : QStringLiteral(", with the yearly pattern"))
                       : (fr ? QStringLiteral(", avec un profil saisonnier") : QStringLiteral(", with a seasonal pattern"));
    return text;
}

QString explain(const OrderSuggestion &l, Language language)
{
    const bool fr = language == Language::French;
    const QLocale loc(fr ? QLocale::French : QLocale::English);
    auto num = [&](double v, int decimals = 1) { return loc.toString(v, 'f', decimals); };
    auto qty = [&](double v) { return loc.toString(v, 'f', std::abs(v - std::round(v)) < 1e-9 ? 0 : 1); };
    auto packs = [&](double n) {
        const bool one = std::abs(n - 1.0) < 1e-9;
        return qty(n)
               + (fr ? (one ? QStringLiteral(" boîte") : QStringLiteral(" boîtes"))
                     : (one ? QStringLiteral(" pack") : QStringLiteral(" packs")));
    };
    const QString unit = l.unit.isEmpty() ? (fr ? QStringLiteral("u.") : QStringLiteral("u.")) : l.unit;
    auto percent = [&](double p) {
        const double v = p * 100.0;
        return loc.toString(v, 'f', std::abs(v - std::round(v)) < 1e-9 ? 0 : 1);
    };
    const QString pct = percent(l.serviceTarget);
    QStringList parts;

    if (!l.error.isEmpty())
        return fr ? QStringLiteral("Pas de prévision possible : %1. Rien n'est proposé.").arg(l.error)
                  : QStringLiteral("No forecast possible: %1. Nothing suggested.").arg(l.error);

    const QString source = [&] {
        switch (l.leadTimeSource) {
        case LeadTimeSource::Observed:
            if (l.leadTimeLongest > l.leadTimeShortest)
                return fr ? QStringLiteral("moyenne de %1 réceptions, de %2 à %3 j, écarts comptés dans le quantile")
                                .arg(l.leadTimeObservations)
                                .arg(l.leadTimeShortest)
                                .arg(l.leadTimeLongest)
                          : QStringLiteral("mean of %1 receptions, %2 to %3 d, the spread counted in the quantile")
                                .arg(l.leadTimeObservations)
                                .arg(l.leadTimeShortest)
                                .arg(l.leadTimeLongest);
            return fr ? QStringLiteral("observé sur %1 réceptions").arg(l.leadTimeObservations)
                      : QStringLiteral("observed over %1 receptions").arg(l.leadTimeObservations);
        case LeadTimeSource::Product: return fr ? QStringLiteral("fiche produit") : QStringLiteral("product setting");
        case LeadTimeSource::Supplier: return fr ? QStringLiteral("délai du fournisseur") : QStringLiteral("supplier setting");
        case LeadTimeSource::Default: return fr ? QStringLiteral("délai par défaut") : QStringLiteral("default");
        }
        return QString();
    }();
    const QString method = forecastMethodText(l.model, language);
    parts << (fr ? QStringLiteral("Demande prévue sur %1 j (délai %2 j, %3 ; prochaine commande dans %4 j) : %5 %6 en moyenne%7.")
                       .arg(num(l.leadTimeDays + l.reviewDays, 0), num(l.leadTimeDays, 0), source, num(l.reviewDays, 0), num(l.coverMean),
                            unit, method.isEmpty() ? QString() : QStringLiteral(" (modèle : %1)").arg(method))
                 : QStringLiteral("Forecast demand over %1 d (lead time %2 d, %3; next order in %4 d): %5 %6 on average%7.")
                       .arg(num(l.leadTimeDays + l.reviewDays, 0), num(l.leadTimeDays, 0), source, num(l.reviewDays, 0), num(l.coverMean),
                            unit, method.isEmpty() ? QString() : QStringLiteral(" (model: %1)").arg(method)));
    if (l.dormantWeeks > 0)
        parts << stoppedUseText(l.dormantWeeks, language);
    const QString crit = criticalityLabel(l.criticality, language);
    // The product's own target, and why when it is not its class's.
    QString target = crit;
    if (std::abs(l.serviceTarget - l.classTarget) > 1e-9) {
        const QString cls = percent(l.classTarget);
        target =
            l.serviceTarget < l.classTarget
                ? (fr ? QStringLiteral("%1 : la classe vise %2 % en moyenne ; ce produit, où chaque point de service coûte le plus cher, "
                                       "est tenu plus bas")
                            .arg(crit, cls)
                      : QStringLiteral(
                            "%1: the class aims at %2% on average; this product, where each point of service costs most, is held lower")
                            .arg(crit, cls))
                : (fr ? QStringLiteral("%1 : la classe vise %2 % en moyenne ; ce produit, où le service coûte peu, est tenu plus haut")
                            .arg(crit, cls)
                      : QStringLiteral("%1: the class aims at %2% on average; this product, where service costs little, is held higher")
                            .arg(crit, cls));
    }
    if (l.classPromise > 0.0 && std::abs(l.classPromise - l.classTarget) > 1e-9)
        target +=
            fr ? QStringLiteral(" ; visée de la classe corrigée par le rejeu pour servir %1 % des cycles").arg(percent(l.classPromise))
               : QStringLiteral("; the class's aim corrected by the replay to serve %1% of cycles").arg(percent(l.classPromise));
    if (l.policy == PolicyKind::OrderUpTo)
        parts
            << (fr ? QStringLiteral("Quantile %1 % (%2) : %3, soit un stock de sécurité de %4.")
                         .arg(pct, target, num(l.orderUpTo), num(l.safetyStock))
                   : QStringLiteral("%1% quantile (%2): %3, a safety stock of %4.").arg(pct, target, num(l.orderUpTo), num(l.safetyStock)));
    else
        parts << (fr ? QStringLiteral("Point de commande = quantile %1 % (%2) : %3 (sécurité %4) ; niveau de recomplètement %5.")
                           .arg(pct, target, num(l.reorderPoint), num(l.safetyStock), num(l.orderUpTo))
                     : QStringLiteral("Reorder point = %1% quantile (%2): %3 (safety %4); order-up-to level %5.")
                           .arg(pct, target, num(l.reorderPoint), num(l.safetyStock), num(l.orderUpTo)));
    QString position = fr ? QStringLiteral("Stock %1").arg(qty(l.onHand)) : QStringLiteral("Stock %1").arg(qty(l.onHand));
    if (l.expiring > 0.0)
        position += fr ? QStringLiteral(" dont %1 périmeront avant usage (non comptés)").arg(qty(l.expiring))
                       : QStringLiteral(", of which %1 will expire before use (not counted)").arg(qty(l.expiring));
    if (l.onOrder > 0.0)
        position += fr ? QStringLiteral(", %1 en commande").arg(qty(l.onOrder)) : QStringLiteral(", %1 on order").arg(qty(l.onOrder));
    position += fr ? QStringLiteral(" : position %1.").arg(qty(l.position)) : QStringLiteral(": position %1.").arg(qty(l.position));
    parts << position;

    if (l.needed <= 0.0) {
        parts << (fr ? QStringLiteral("La position couvre le besoin : pas de commande.")
                     : QStringLiteral("The position covers the need: no order."));
        return parts.join(QLatin1Char(' '));
    }
    QString rounding = fr ? QStringLiteral("Besoin %1").arg(num(l.needed)) : QStringLiteral("Need %1").arg(num(l.needed));
    rounding += fr ? QStringLiteral(", arrondi à %1 de %2").arg(packs(l.quantityBeforeCap / l.packSize), qty(l.packSize))
                   : QStringLiteral(", rounded to %1 of %2").arg(packs(l.quantityBeforeCap / l.packSize), qty(l.packSize));
    if (l.minOrder > 0.0 && l.quantityBeforeCap >= l.minOrder && roundUpToPacks(l.needed, l.packSize) < l.quantityBeforeCap)
        rounding += fr ? QStringLiteral(" (minimum de commande %1)").arg(qty(l.minOrder))
                       : QStringLiteral(" (minimum order %1)").arg(qty(l.minOrder));
    parts << rounding + QLatin1Char('.');
    if (l.shelfLifeCap >= 0.0 && (l.capped || l.expiryRisk))
        parts << (fr ? QStringLiteral(
                           "Péremption habituelle à réception %1 j, consommation retenue %2/j : au plus %3 utilisables avant péremption%4.")
                           .arg(num(l.shelfLifeDays, 0), num(l.usageRate, 2), num(l.shelfLifeCap),
                                l.capped ? QStringLiteral(", quantité plafonnée") : QString())
                     : QStringLiteral("Usual shelf life at delivery %1 d, usage taken as %2/d: at most %3 usable before expiry%4.")
                           .arg(num(l.shelfLifeDays, 0), num(l.usageRate, 2), num(l.shelfLifeCap),
                                l.capped ? QStringLiteral(", quantity capped") : QString()));
    if (l.expiryRisk)
        parts << (fr ? QStringLiteral("RISQUE DE PÉREMPTION : le conditionnement ou le minimum dépasse ce qui sera utilisé.")
                     : QStringLiteral("EXPIRY RISK: the pack or minimum exceeds what will be used."));
    if (l.budgetCut)
        parts << (fr ? QStringLiteral("Budget : %1 réduit à %2 (priorité %3, risque évité %4 %).")
                           .arg(qty(l.quantityBeforeBudget), qty(l.quantity), crit, num(l.riskAvoided * 100.0))
                     : QStringLiteral("Budget: %1 cut to %2 (priority %3, risk avoided %4%).")
                           .arg(qty(l.quantityBeforeBudget), qty(l.quantity), crit, num(l.riskAvoided * 100.0)));
    parts << (fr ? QStringLiteral("Commande : %1 %2 (%3), %4.").arg(qty(l.quantity), unit, packs(l.packs()), l.value.toDisplayString(true))
                 : QStringLiteral("Order: %1 %2 (%3), %4.").arg(qty(l.quantity), unit, packs(l.packs()), l.value.toDisplayString(false)));
    return parts.join(QLatin1Char(' '));
}

} // namespace reappro
