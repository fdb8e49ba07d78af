// SPDX-License-Identifier: GPL-3.0-or-later
// Order suggestions on hand-built cases whose answer is known: deterministic
// demand gives the exact order; packs, minimum order, expiring lots, the
// shelf-life cap, observed delays, the budget's cutting order, the words.
#include "core/replenishment/replenishment.h"

#include <QTest>

#include <array>
#include <cmath>

using namespace reappro;

namespace {

// A product consumed 10 units a day (70 a week) for two years, ordered on
// Mondays with a 7-day lead time: L + R = 14 days, 140 units of demand.
ProductSituation steady(double packSize = 10.0)
{
    ProductSituation s;
    s.product.id = 1;
    s.product.code = QStringLiteral("P1");
    s.product.label = QStringLiteral("PARACETAMOL 1 G CPR");
    s.product.dispensingUnit = QStringLiteral("CP");
    s.product.packSize = packSize;
    s.product.unitPrice = Money::fromCents(25);
    s.product.ven = VenClass::Essential;
    s.supplierCode = QStringLiteral("F1");
    s.orderDays = 1u; // Monday
    s.leadTimeDays = 7.0;
    s.leadTimeSource = LeadTimeSource::Supplier;
    s.weeklyDemand.assign(104, 70.0);
    return s;
}

Lot lot(double quantity, QDate expiry)
{
    Lot l;
    l.quantity = quantity;
    l.expiry = expiry;
    return l;
}

const QDate kMonday(2026, 11, 2);

} // namespace

class TestReplenishment : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void nextOrderDayFollowsTheWeekdays()
    {
        QCOMPARE(nextOrderDay(kMonday, 1u), kMonday);
        QCOMPARE(nextOrderDay(kMonday.addDays(1), 1u), kMonday.addDays(7));
        QCOMPARE(nextOrderDay(kMonday.addDays(1), 1u | 8u), kMonday.addDays(3)); // Monday, Thursday
        QCOMPARE(nextOrderDay(kMonday.addDays(5), 0x1Fu), kMonday.addDays(7));   // Saturday -> Monday
        QCOMPARE(nextOrderDay(kMonday.addDays(5), 0u), kMonday.addDays(5));
    }

    void deterministicDemandGivesTheExactOrder()
    {
        ProductSituation s = steady();
        s.lots = {lot(50, kMonday.addYears(2))};
        const OrderSuggestion o = suggestOrder(s, kMonday, {});
        QVERIFY2(o.error.isEmpty(), qPrintable(o.error));
        QCOMPARE(o.orderDate, kMonday);
        QCOMPARE(o.reviewDays, 7.0);
        QCOMPARE(o.arrivalDate, kMonday.addDays(7));
        QVERIFY2(std::abs(o.coverMean - 140.0) < 1e-6, qPrintable(QString::number(o.coverMean)));
        QVERIFY2(std::abs(o.safetyStock) < 1e-6, qPrintable(QString::number(o.safetyStock))); // no noise, no safety
        QCOMPARE(o.position, 50.0);
        QVERIFY(std::abs(o.needed - 90.0) < 1e-6);
        QCOMPARE(o.quantity, 90.0);
        QCOMPARE(o.packs(), 9.0);
        QCOMPARE(o.value, Money::fromCents(2250));
        // On order counts in the position; the order shrinks by as much.
        s.onOrder = 30.0;
        QCOMPARE(suggestOrder(s, kMonday, {}).quantity, 60.0);
        // A position above the need orders nothing.
        s.onOrder = 200.0;
        const OrderSuggestion none = suggestOrder(s, kMonday, {});
        QCOMPARE(none.quantity, 0.0);
        QVERIFY(explain(none, Language::French).contains(QStringLiteral("pas de commande")));
    }

    void theForecastMethodIsNamedInWords()
    {
        // The explanation names the model's family and method, not its
        // fitted parameters.
        ProductSituation s = steady();
        const OrderSuggestion o = suggestOrder(s, kMonday, {});
        QVERIFY(!o.model.isEmpty());
        const QString fr = explain(o, Language::French), en = explain(o, Language::English);
        QVERIFY2(fr.contains(QStringLiteral("(modèle : ")) && !fr.contains(QStringLiteral("alpha")), qPrintable(fr));
        QVERIFY2(en.contains(QStringLiteral("(model: ")) && !en.contains(QStringLiteral("alpha")), qPrintable(en));
        QCOMPARE(forecastMethodText(QStringLiteral("TSB(alphaDemand=0.09513,alphaSize=0.05)"), Language::French),
                 QStringLiteral("demande intermittente, TSB"));
        QCOMPARE(forecastMethodText(QStringLiteral("SBA(alpha=0.1)"), Language::English), QStringLiteral("intermittent demand, SBA"));
        QCOMPARE(forecastMethodText(QStringLiteral("HW additive damped(alpha=0.2,beta=0.01,gamma=0.1,phi=0.9,m=52)"), Language::French),
                 QStringLiteral("saisonnalité, Holt-Winters"));
        QCOMPARE(forecastMethodText(QStringLiteral("Holt damped(alpha=0.2,beta=0.1,phi=0.9) x seasonal(m=52,K=2)"), Language::English),
                 QStringLiteral("damped trend, Holt, with the yearly pattern"));
        QCOMPARE(forecastMethodText(QStringLiteral("SES(alpha=0.3)"), Language::French), QStringLiteral("niveau lissé, SES"));
        QCOMPARE(forecastMethodText(QStringLiteral("Zero"), Language::French), QStringLiteral("aucune demande récente"));
        QCOMPARE(forecastMethodText(QStringLiteral("Newfangled(k=3)"), Language::English), QStringLiteral("Newfangled"));
        QCOMPARE(forecastMethodText(QString(), Language::English), QString());
    }

    void notAnOrderDayPlansForTheNextOne()
    {
        ProductSituation s = steady();
        const OrderSuggestion o = suggestOrder(s, kMonday.addDays(2), {});
        QCOMPARE(o.orderDate, kMonday.addDays(7));
        // Unknown supplier days: Monday to Friday, so R = 1 day on a Tuesday.
        s.orderDays = 0;
        const OrderSuggestion d = suggestOrder(s, kMonday.addDays(1), {});
        QCOMPARE(d.reviewDays, 1.0);
        QVERIFY(std::abs(d.coverMean - 80.0) < 1e-6);
    }

    void packRoundingAndMinimumOrder()
    {
        ProductSituation s = steady(25.0);
        s.lots = {lot(50, kMonday.addYears(2))};
        QCOMPARE(suggestOrder(s, kMonday, {}).quantity, 100.0); // 90 -> 4 packs of 25
        s.product.minOrderQuantity = 180.0;                       // -> 200 (8 packs)
        const OrderSuggestion o = suggestOrder(s, kMonday, {});
        QCOMPARE(o.quantity, 200.0);
        QVERIFY(explain(o, Language::French).contains(QStringLiteral("minimum de commande")));
        QVERIFY(explain(o, Language::English).contains(QStringLiteral("minimum order")));
    }

    void lotsExpiringBeforeUseDoNotCount()
    {
        ProductSituation s = steady();
        // 10 a day: of 500 units expiring in 10 days only 110 are used (the
        // expiry date is the last day of use: today and the 10 days to it).
        s.lots = {lot(500, kMonday.addDays(10)), lot(20, kMonday.addYears(1))};
        const OrderSuggestion o = suggestOrder(s, kMonday, {});
        QCOMPARE(o.onHand, 520.0);
        QVERIFY(std::abs(o.expiring - 390.0) < 1e-6);
        QVERIFY(std::abs(o.position - 130.0) < 1e-6);
        QCOMPARE(o.quantity, 10.0);
        QVERIFY(explain(o, Language::French).contains(QStringLiteral("390 périmeront avant usage")));
        // An already expired lot counts for nothing.
        s.lots = {lot(500, kMonday.addDays(-1))};
        QCOMPARE(suggestOrder(s, kMonday, {}).position, 0.0);
    }

    void shelfLifeCapsTheOrder()
    {
        ProductSituation s = steady();
        s.product.minOrderQuantity = 0.0;
        s.shelfLifeDays = 10.0; // delivered with 10 days left: at most 100 usable
        const OrderSuggestion o = suggestOrder(s, kMonday, {});
        QCOMPARE(o.quantityBeforeCap, 140.0);
        QVERIFY(std::abs(o.shelfLifeCap - 100.0) < 1e-6);
        QVERIFY(o.capped);
        QVERIFY(!o.expiryRisk);
        QCOMPARE(o.quantity, 100.0);
        QVERIFY(explain(o, Language::French).contains(QStringLiteral("plafonnée")));
        // A minimum above the cap is still ordered, flagged.
        s.product.minOrderQuantity = 300.0;
        const OrderSuggestion m = suggestOrder(s, kMonday, {});
        QCOMPARE(m.quantity, 300.0);
        QVERIFY(m.expiryRisk);
        QVERIFY(explain(m, Language::English).contains(QStringLiteral("EXPIRY RISK")));
    }

    void stockAboutToExpireDoesNotHoldBackTheLastPack()
    {
        // Packs of 200, delivered with 10 days to use them (100 units): not
        // even one pack fits the cap. 150 units on hand look like the 140
        // of lead time + review, but they expire tomorrow: 20 are used, and
        // without a pack the product runs out for about 12 days. The pack
        // is ordered and flagged.
        ProductSituation s = steady(200.0);
        s.shelfLifeDays = 10.0;
        s.lots = {lot(150, kMonday.addDays(1))};
        const OrderSuggestion o = suggestOrder(s, kMonday, {});
        QVERIFY(std::abs(o.position - 20.0) < 1e-6);
        QVERIFY(std::abs(o.expiring - 130.0) < 1e-6);
        QCOMPARE(o.quantity, 200.0);
        QVERIFY(o.expiryRisk);
        // The same 150 units expiring in a year cover the window: no order.
        s.lots = {lot(150, kMonday.addYears(1))};
        QCOMPARE(suggestOrder(s, kMonday, {}).quantity, 0.0);
    }

    void longShelfLifeNeverStarvesANoisyProduct()
    {
        // Ward restocking in batches (weekly demand from 0.2 to 2.9 times its
        // level) and a level that moved twice: over a 1,000-day shelf life
        // the forecast's level may drift so far that its 10% quantile is
        // nil, yet a fortnight's stock is used long before it expires: the
        // order must not be capped (the cap reads 13 weeks, extrapolated).
        ProductSituation s = steady();
        for (std::size_t i = 0; i < s.weeklyDemand.size(); ++i)
            s.weeklyDemand[i] = (i < 40   ? 15.0
                                 : i < 80 ? 160.0
                                          : 60.0)
                                * std::array{0.2, 0.3, 2.9, 0.4, 0.3, 2.1, 0.5, 0.2, 1.2}[(i * 4) % 9];
        s.shelfLifeDays = 1000.0;
        QVERIFY(demandOverDays(s.weeklyDemand, 1000.0).quantile(0.10) < 100.0); // the spread that starved it
        const OrderSuggestion o = suggestOrder(s, kMonday, {});
        QVERIFY(o.quantityBeforeCap > 100.0);
        QVERIFY2(!o.capped && !o.expiryRisk, qPrintable(explain(o, Language::English)));
        QCOMPARE(o.quantity, o.quantityBeforeCap);
        QVERIFY(o.shelfLifeCap > 5.0 * o.quantity);
    }

    void aSurgeDoesNotRaiseTheShelfLifeCap()
    {
        // A year at 10 a day, then a four-week surge at 40 a day. A lot that
        // keeps 10 weeks must count on the quiet weeks' use: 700 units at
        // most, whatever the forecast and the last weeks' rate expect.
        std::vector<double> weekly(48, 70.0);
        weekly.insert(weekly.end(), 4, 280.0);
        QVERIFY(std::abs(slowestUse(weekly, 70.0, 0.95) - 700.0) < 1e-9);
        ProductSituation s = steady(1.0);
        s.weeklyDemand = weekly;
        s.shelfLifeDays = 70.0;
        const OrderSuggestion o = suggestOrder(s, kMonday, {});
        QVERIFY2(o.usageRate * 70.0 > 1000.0, qPrintable(QString::number(o.usageRate))); // the recent rate alone would allow more
        QVERIFY2(o.shelfLifeCap <= 700.0 + 1e-9, qPrintable(QString::number(o.shelfLifeCap)));
        // A shorter window than the shelf life is scaled up (13 weeks read,
        // 26 weeks of shelf life); a new product's weeks before its first
        // use do not count.
        const std::vector<double> young{0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 7, 7, 7, 7, 7, 7, 7, 7,
                                        7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7};
        QVERIFY(std::abs(slowestUse(young, 182.0, 0.95) - 182.0) < 1e-9);
        QVERIFY(std::isinf(slowestUse(std::vector<double>(7, 7.0), 70.0, 0.95)));
    }

    void unusedProductsAreNotOrderedToExpire()
    {
        // Used for a year and a half, then not at all for 13 weeks: the
        // forecast still expects some use, but a pack would expire unused.
        ProductSituation s = steady();
        for (std::size_t i = s.weeklyDemand.size() - 13; i < s.weeklyDemand.size(); ++i)
            s.weeklyDemand[i] = 0.0;
        s.shelfLifeDays = 60.0;
        OrderSuggestion o = suggestOrder(s, kMonday, {});
        QCOMPARE(o.usageRate, 0.0);
        QVERIFY(o.needed > 0.0);
        QCOMPARE(o.quantity, 0.0);
        QVERIFY(!o.expiryRisk);
        // A vital product with nothing left is still ordered (one pack),
        // flagged; with one unit left it is not: that unit keeps it
        // available, a second pack would only expire.
        s.product.ven = VenClass::Vital;
        o = suggestOrder(s, kMonday, {});
        QCOMPARE(o.quantity, 10.0);
        QVERIFY(o.expiryRisk);
        // (Intermittent use, whose forecast still expects some after 13
        // empty weeks.)
        for (std::size_t i = 0; i + 13 < s.weeklyDemand.size(); ++i)
            s.weeklyDemand[i] = i % 3 == 0 ? 21.0 : 0.0;
        o = suggestOrder(s, kMonday, {});
        QVERIFY2(o.coverMean > 1.0, qPrintable(QString::number(o.coverMean)));
        QCOMPARE(o.quantity, 10.0);
        s.lots = {lot(1, kMonday.addDays(40))};
        o = suggestOrder(s, kMonday, {});
        QVERIFY(o.needed > 0.0);
        QCOMPARE(o.quantity, 0.0);
        QVERIFY(!o.expiryRisk);
    }

    void stoppedUseIsSaidAndNotReordered()
    {
        // Used every week for a year, then not for 60 weeks: the use has
        // stopped (a reference replaced). The forecast expects at most one
        // demand in 61 weeks and says so; the product leaves its class's
        // service average; even vital and out of stock, nothing is ordered.
        ProductSituation s = steady();
        s.weeklyDemand.assign(52, 70.0);
        s.weeklyDemand.insert(s.weeklyDemand.end(), 60, 0.0);
        s.shelfLifeDays = 365.0;
        s.product.ven = VenClass::Vital;
        OrderSuggestion o = suggestOrder(s, kMonday, {});
        QCOMPARE(o.dormantWeeks, 60);
        QVERIFY2(std::abs(o.coverMean - 2.0 * 70.0 / 61.0) < 1e-6, qPrintable(QString::number(o.coverMean)));
        QCOMPARE(o.quantity, 0.0);
        QVERIFY(o.forsaken); // listed apart by the plan, for the pharmacist to decide
        QVERIFY(explain(o, Language::English).contains(QStringLiteral("No demand for 60 weeks")));
        QVERIFY(explain(o, Language::French).contains(QStringLiteral("Aucune demande depuis 60 semaines")));
        // Used within the year, the vital product still gets its pack.
        s.weeklyDemand.resize(52 + 40);
        o = suggestOrder(s, kMonday, {});
        QCOMPARE(o.dormantWeeks, 40);
        QCOMPARE(o.quantity, 10.0);
        QVERIFY(o.expiryRisk);
        QVERIFY(!o.forsaken);
        // With stock left, nothing is ordered and nothing is to decide.
        s.weeklyDemand.resize(52 + 60, 0.0);
        s.lots = {lot(5, kMonday.addDays(200))};
        o = suggestOrder(s, kMonday, {});
        QCOMPARE(o.quantity, 0.0);
        QVERIFY(!o.forsaken);
    }

    void erraticDemandIsNotCappedToNothing()
    {
        // The total demand of an erratic product, normal with a spread above
        // its mean: truncated at zero its 10% quantile says the product may
        // use nothing in 13 weeks. The lognormal with the same mean and
        // spread keeps the skew and a positive floor.
        forecasting::TotalDemand erratic;
        erratic.mean = 1287.0;
        erratic.sd = 1500.0;
        QCOMPARE(erratic.quantile(0.10), 0.0);
        const double s2 = std::log1p((1500.0 / 1287.0) * (1500.0 / 1287.0));
        const double expected = std::exp(std::log(1287.0) - 0.5 * s2 - 1.2815515655 * std::sqrt(s2));
        QVERIFY2(std::abs(lowQuantile(erratic, 0.10) - expected) < 1e-3 * expected,
                 qPrintable(QString::number(lowQuantile(erratic, 0.10))));
        QVERIFY(expected > 200.0);
        // A steady total keeps about its normal quantile.
        forecasting::TotalDemand steadyTotal;
        steadyTotal.mean = 1000.0;
        steadyTotal.sd = 50.0;
        QVERIFY(std::abs(lowQuantile(steadyTotal, 0.10) - steadyTotal.quantile(0.10)) < 0.01 * steadyTotal.quantile(0.10));
        // A bootstrap keeps its own quantile.
        forecasting::TotalDemand drawn;
        drawn.bootstrap = true;
        drawn.mean = 2.0;
        drawn.samples = {0, 0, 1, 2, 2, 3, 3, 3, 3, 3};
        QCOMPARE(lowQuantile(drawn, 0.10), drawn.quantile(0.10));
        // Over a 13-week shelf life the cap is that floor, not zero.
        const std::vector<double> weekly(60, 99.0);
        QVERIFY(usableBeforeExpiry(erratic, weekly, 14.0, 91.0, 0.90) > 200.0);
    }

    void riskAvoidedReadsTheCoverDemand()
    {
        // The risk an order avoids is read on the demand over lead time and
        // review, even when the shelf-life cap asked for the demand over a
        // longer horizon in between.
        ProductSituation s = steady();
        for (std::size_t i = 0; i < s.weeklyDemand.size(); ++i)
            s.weeklyDemand[i] = 70.0 * std::array{0.6, 1.3, 0.9, 1.5, 0.7, 1.0, 1.2, 0.8}[i % 8];
        s.shelfLifeDays = 120.0;
        s.lots = {lot(60, kMonday.addDays(100))};
        const OrderSuggestion o = suggestOrder(s, kMonday, {});
        QVERIFY(o.quantity > 0.0);
        const forecasting::TotalDemand cover = demandOverDays(s.weeklyDemand, o.leadTimeDays + o.reviewDays);
        const double expected = cover.probabilityAbove(o.position) - cover.probabilityAbove(o.position + o.quantity);
        QVERIFY(expected > 0.05);
        QVERIFY2(std::abs(o.riskAvoided - expected) < 1e-9, qPrintable(QStringLiteral("%1 vs %2").arg(o.riskAvoided).arg(expected)));
        // The cache hands back the same distribution, still valid after others were added.
        DemandCache cache;
        const forecasting::TotalDemand &first = cache.over(s.weeklyDemand, 14.0);
        const double mean = first.mean;
        for (double days : {30.0, 60.0, 91.0, 120.0})
            cache.over(s.weeklyDemand, days);
        QCOMPARE(&cache.over(s.weeklyDemand, 14.0), &first);
        QCOMPARE(first.mean, mean);
    }

    void serviceTargetAndLeadTimeSpreadRaiseTheLevel()
    {
        ProductSituation s = steady();
        // Noisy demand: the 99% level of a vital product is above the 95% one.
        for (std::size_t i = 0; i < s.weeklyDemand.size(); ++i)
            s.weeklyDemand[i] = 70.0 + ((i * 7919) % 41) - 20.0;
        s.product.ven = VenClass::NonEssential;
        const OrderSuggestion other = suggestOrder(s, kMonday, {});
        s.product.mitm = true;
        const OrderSuggestion vital = suggestOrder(s, kMonday, {});
        QCOMPARE(other.serviceTarget, 0.98);
        QCOMPARE(vital.serviceTarget, 0.99);
        QCOMPARE(vital.criticality, Criticality::Vital);
        QVERIFY(vital.orderUpTo > other.orderUpTo);
        QVERIFY(other.safetyStock > 0.0);
        s.leadTimes = {4, 7, 7, 10};
        QVERIFY(suggestOrder(s, kMonday, {}).safetyStock > vital.safetyStock);
        // Configurable targets.
        ReplenishmentSettings strict;
        QString error;
        QVERIFY(strict.service.parse(QStringLiteral("vital=99.5,other=90"), &error));
        QCOMPARE(strict.service.vital, 0.995);
        QCOMPARE(strict.service.other, 0.90);
        QVERIFY(!strict.service.parse(QStringLiteral("vital=120"), &error));
        QVERIFY(error.contains(QStringLiteral("vital=120")));
    }

    void observedDelaysSetTheTail()
    {
        // 19 deliveries in 7 days, one in 27: mean 8 days, L + R = 15 days.
        // With 10 units a day, the demand until the next order arrives is 140
        // units 95% of the time and 340 when the delivery is late: a 95%
        // target covers the usual delay, 99% (vital) covers the late one too.
        ProductSituation s = steady(1.0);
        s.leadTimes.assign(19, 7);
        s.leadTimes.push_back(27);
        s.leadTimeDays = 8.0;
        s.leadTimeSource = LeadTimeSource::Observed;
        s.product.ven = VenClass::NonEssential;
        ReplenishmentSettings settings;
        settings.service.other = 0.95;
        const OrderSuggestion other = suggestOrder(s, kMonday, settings);
        QVERIFY2(std::abs(other.coverMean - 150.0) < 1e-6, qPrintable(QString::number(other.coverMean)));
        QVERIFY2(std::abs(other.orderUpTo - 140.0) < 1e-3, qPrintable(QString::number(other.orderUpTo)));
        s.product.mitm = true;
        const OrderSuggestion vital = suggestOrder(s, kMonday, {});
        QVERIFY2(std::abs(vital.orderUpTo - 340.0) < 1e-3, qPrintable(QString::number(vital.orderUpTo)));
        QVERIFY2(explain(vital, Language::French).contains(QStringLiteral("moyenne de 20 réceptions, de 7 à 27 j")),
                 qPrintable(explain(vital, Language::French)));
        QVERIFY(explain(vital, Language::English).contains(QStringLiteral("mean of 20 receptions, 7 to 27 d")));
        // The same delay every time: no spread, the forecast alone.
        s.leadTimes.assign(20, 8);
        QVERIFY(std::abs(suggestOrder(s, kMonday, {}).orderUpTo - 150.0) < 1e-3);
        // Two deliveries are too few to trust: the supplier's 8 days alone,
        // as long as the lead time is not their mean.
        s.leadTimes = {7, 27};
        s.leadTimeSource = LeadTimeSource::Supplier;
        QVERIFY(std::abs(suggestOrder(s, kMonday, {}).orderUpTo - 150.0) < 1e-3);
    }

    void reorderPointOrdersLessOften()
    {
        ProductSituation s = steady();
        ReplenishmentSettings rp;
        rp.policy = PolicyKind::ReorderPoint;
        s.lots = {lot(150, kMonday.addYears(2))}; // above s = 140: no order yet
        QCOMPARE(suggestOrder(s, kMonday, rp).quantity, 0.0);
        QVERIFY(suggestOrder(s, kMonday, {}).quantity == 0.0);
        s.lots = {lot(100, kMonday.addYears(2))}; // below s: up to S = 140 + 70
        const OrderSuggestion o = suggestOrder(s, kMonday, rp);
        QVERIFY(std::abs(o.orderUpTo - 210.0) < 1e-6);
        QCOMPARE(o.quantity, 110.0);
    }

    void budgetCutsLeastCriticalThenLeastRiskPerEuro()
    {
        auto line = [](const char *code, Criticality c, double qty, qint64 euros, double risk) {
            OrderSuggestion l;
            l.productCode = QString::fromLatin1(code);
            l.criticality = c;
            l.packSize = 1.0;
            l.quantity = l.quantityBeforeBudget = qty;
            l.unitPrice = Money::fromEuros(euros);
            l.value = l.unitPrice.times(qty);
            l.riskAvoided = risk;
            return l;
        };
        std::vector<OrderSuggestion> lines{
            line("V", Criticality::Vital, 10, 10, 0.01),     // 100 EUR, vital
            line("E", Criticality::Essential, 10, 10, 0.5),  // 100 EUR
            line("O1", Criticality::Other, 10, 10, 0.9),     // 100 EUR, more risk per euro
            line("O2", Criticality::Other, 10, 10, 0.1),     // 100 EUR: cut first
        };
        const Money total = applyBudget(lines, Money::fromEuros(250));
        QCOMPARE(total, Money::fromEuros(250));
        QCOMPARE(lines[3].quantity, 0.0);  // O2 gone
        QCOMPARE(lines[2].quantity, 5.0);  // O1 halved: 50 EUR more to cut, pack by pack
        QCOMPARE(lines[1].quantity, 10.0); // essential untouched
        QCOMPARE(lines[0].quantity, 10.0); // vital untouched
        QVERIFY(lines[3].budgetCut && lines[2].budgetCut && !lines[1].budgetCut);
        // Within the budget: nothing changes.
        std::vector<OrderSuggestion> small{line("V", Criticality::Vital, 1, 10, 0.1)};
        QCOMPARE(applyBudget(small, Money::fromEuros(100)), Money::fromEuros(10));
        QVERIFY(!small[0].budgetCut);
        // Too small even for the vital line: it is cut last.
        std::vector<OrderSuggestion> tight = lines;
        applyBudget(tight, Money::fromEuros(20));
        QCOMPARE(tight[0].quantity, 2.0);
    }

    void explanationHasTheNumbers()
    {
        ProductSituation s = steady();
        s.lots = {lot(50, kMonday.addYears(2))};
        s.onOrder = 10.0;
        const OrderSuggestion o = suggestOrder(s, kMonday, {});
        const QString fr = explain(o, Language::French), en = explain(o, Language::English);
        for (const QString &text : {fr, en}) {
            QVERIFY2(text.contains(QStringLiteral("14")), qPrintable(text));   // days covered
            QVERIFY2(text.contains(QStringLiteral("140")), qPrintable(text));  // demand over them
            QVERIFY2(text.contains(QStringLiteral("60")), qPrintable(text));   // position 50 + 10
            QVERIFY2(text.contains(QStringLiteral("80")), qPrintable(text));   // ordered
        }
        QVERIFY2(fr.contains(QStringLiteral("Quantile 98,5 % (essentiel)")), qPrintable(fr));
        QVERIFY2(en.contains(QStringLiteral("98.5% quantile (essential)")), qPrintable(en));
        QVERIFY2(fr.contains(QStringLiteral("8 boîtes")), qPrintable(fr));
        QVERIFY2(en.contains(QStringLiteral("8 packs")), qPrintable(en));
    }
};

QTEST_APPLESS_MAIN(TestReplenishment)
#include "tst_replenishment.moc"
