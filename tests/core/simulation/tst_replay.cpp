// SPDX-License-Identifier: GPL-3.0-or-later
// Policy replay accounting on hand-built products: stock never negative,
// every unit received is consumed, expired or still in stock at the end;
// each policy orders as its rule says; totals independent of threads.
#include "core/simulation/replay.h"

#include <QTest>

#include <cmath>

using namespace reappro;

namespace {

const QDate kStart(2024, 1, 1); // a Monday
const QDate kFrom(2025, 1, 6);  // a Monday, after a year of history

ReplayProduct steadyProduct(double perDay, double initial, QDate initialExpiry)
{
    ReplayProduct b;
    Product &p = b.situation.product;
    p.id = 1;
    p.code = QStringLiteral("P1");
    p.packSize = 10.0;
    p.unitPrice = Money::fromEuros(2);
    p.ven = VenClass::Essential;
    b.situation.orderDays = 1u; // Mondays
    b.situation.leadTimeDays = 7.0;
    b.situation.shelfLifeDays = 365.0;
    b.historyStart = kStart;
    b.dailyDemand.assign(std::size_t(kStart.daysTo(kFrom.addDays(180))), perDay);
    Lot l;
    l.quantity = initial;
    l.expiry = initialExpiry;
    b.initialLots = {l};
    return b;
}

ReplayOptions options(ReplayPolicy policy)
{
    ReplayOptions o;
    o.from = kFrom;
    o.to = kFrom.addDays(139); // 20 weeks
    o.policy = policy;
    return o;
}

void checkAccounting(const ReplayMetrics &m)
{
    // Units in = units out: what was there and what came in was served,
    // destroyed or is still there.
    QVERIFY2(std::abs(m.startStock + m.received - m.served - m.expired - m.endStock) < 1e-6,
             qPrintable(
                 QStringLiteral("%1 + %2 != %3 + %4 + %5").arg(m.startStock).arg(m.received).arg(m.served).arg(m.expired).arg(m.endStock)));
    QVERIFY(m.endStock >= 0.0);
    QVERIFY(m.served <= m.demand + 1e-9);
}

} // namespace

class TestReplay : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void reapproServesSteadyDemandWithoutStockout()
    {
        const ReplayProduct p = steadyProduct(10.0, 200.0, kFrom.addYears(1));
        const ReplayMetrics m = replayProduct(p, options(ReplayPolicy::Reappro));
        checkAccounting(m);
        QCOMPARE(m.demand, 1400.0);
        QCOMPARE(m.served, 1400.0);
        QCOMPARE(m.stockoutDays, qint64(0));
        QCOMPARE(m.cycles, qint64(20));
        QCOMPARE(m.servedCycles, qint64(20));
        QVERIFY(m.orders >= 18); // about one order a week once the first stock runs down
        // Order-up-to 14 days of demand (140): the stock stays below 2 weeks.
        QVERIFY2(m.stockValueDays.toDouble() / double(m.days) < 140.0 * 2.0 + 20.0,
                 qPrintable(QString::number(m.stockValueDays.toDouble() / double(m.days))));
    }

    void reapproLearnsTheDelaysOfItsDeliveries()
    {
        // The product's setting says 2 days; the supplier takes 12. Once
        // three deliveries have shown it, Reappro orders for 12 days of lead
        // time: no stockout in the last ten weeks. Without learning every
        // week would run out (14 days of stock for 19 days of wait).
        ReplayProduct p = steadyProduct(10.0, 200.0, kFrom.addYears(1));
        p.situation.leadTimeDays = 2.0;
        p.situation.leadTimeSource = LeadTimeSource::Product;
        p.leadTimes.assign(40, 12);
        ReplayOptions o = options(ReplayPolicy::Reappro);
        o.to = kFrom.addDays(69);
        const ReplayMetrics first = replayProduct(p, o);
        checkAccounting(first);
        QVERIFY(first.stockoutDays > 0); // before the delays were known
        o.to = kFrom.addDays(139);
        const ReplayMetrics all = replayProduct(p, o);
        checkAccounting(all);
        QCOMPARE(all.stockoutDays, first.stockoutDays);
    }

    void expiredLotsAreDestroyedAndCounted()
    {
        // 1,000 units expiring after 30 days, 10 used a day: 700 destroyed.
        const ReplayProduct p = steadyProduct(10.0, 1000.0, kFrom.addDays(29));
        for (ReplayPolicy policy : {ReplayPolicy::Reappro, ReplayPolicy::MinMax, ReplayPolicy::Actual}) {
            const ReplayMetrics m = replayProduct(p, options(policy));
            checkAccounting(m);
            QCOMPARE(m.expired, 700.0);
            QCOMPARE(m.expiredValue, Money::fromEuros(1400));
            QCOMPARE(m.expiredInitialValue, m.expiredValue); // all of it was on the shelf on day one
        }
        // An order of the hospital's still under way on day one (arriving
        // within the lead time) is inherited too: 500 units on day 3 expiring
        // on day 40 while the 1,000 on the shelf serve the demand first.
        ReplayProduct q = p;
        q.receptions = {{kFrom.addDays(3), 500.0, kFrom.addDays(40)}};
        for (ReplayPolicy policy : {ReplayPolicy::Reappro, ReplayPolicy::MinMax}) {
            const ReplayMetrics m = replayProduct(q, options(policy));
            checkAccounting(m);
            QVERIFY(m.expired >= 700.0 + 500.0 - 110.0 - 1e-9); // at most 11 days of use after day 29
            QCOMPARE(m.expiredInitialValue, m.expiredValue);
        }
    }

    void reapproReadsTheUseUpToEachOrderDay()
    {
        // Ten a day for a year, then one a day from the first replayed day;
        // lots keep 28 days. The forecast is fitted once (refitDays beyond
        // the period) and keeps expecting ten a day, but the shelf-life cap
        // reads the weeks of use up to each order day, as `suggest` does:
        // once the history shows the fall, each order is one pack, flagged,
        // so that the product still used never runs out. Reading the weeks
        // of the fit day instead, every order would refill the level set
        // for ten a day, to expire.
        ReplayProduct p = steadyProduct(10.0, 0.0, kFrom.addYears(1));
        p.situation.shelfLifeDays = 28.0;
        for (std::size_t d = std::size_t(kStart.daysTo(kFrom)); d < p.dailyDemand.size(); ++d)
            p.dailyDemand[d] = 1.0;
        ReplayOptions o = options(ReplayPolicy::Reappro);
        o.refitDays = 1000;
        const ReplayMetrics all = replayProduct(p, o);
        checkAccounting(all);
        QCOMPARE(all.demand, 140.0);
        // The first ten weeks replayed alone decide alike: the difference
        // is what arrived in the last ten.
        o.to = kFrom.addDays(69);
        const ReplayMetrics first = replayProduct(p, o);
        QVERIFY2(all.received - first.received <= 10.0 * 10.0, qPrintable(QString::number(all.received - first.received)));
        QCOMPARE(all.stockoutDays, first.stockoutDays); // and none then (the first week waits for the first delivery)
    }

    void minMaxOrdersUpToMaxAtMin()
    {
        // AMC = 10 x 30.44 = 304.4; min 1 month, max 2: starting with 200
        // (below min) it orders 608.8 - 200 -> 410 units (41 packs) on the
        // first Monday.
        const ReplayProduct p = steadyProduct(10.0, 200.0, kFrom.addYears(1));
        ReplayOptions o = options(ReplayPolicy::MinMax);
        o.to = kFrom; // one day
        const ReplayMetrics m = replayProduct(p, o);
        QCOMPARE(m.orders, qint64(1));
        o.to = kFrom.addDays(7);
        const ReplayMetrics week = replayProduct(p, o);
        QCOMPARE(week.received, 410.0);
        checkAccounting(week);
    }

    void actualReplaysTheHospitalsReceptions()
    {
        ReplayProduct p = steadyProduct(10.0, 50.0, kFrom.addYears(1));
        p.receptions = {{kFrom.addDays(3), 100.0, kFrom.addDays(200)}, {kFrom.addDays(20), 100.0, {}}};
        ReplayOptions o = options(ReplayPolicy::Actual);
        o.to = kFrom.addDays(27);
        const ReplayMetrics m = replayProduct(p, o);
        checkAccounting(m);
        QCOMPARE(m.received, 200.0);
        // The reception of day 3, within the first lead time, was ordered
        // before the first day: every policy receives it, none counts it.
        QCOMPARE(m.orders, qint64(1));
        // 50 + 100 cover days 0..14; days 15..19 run short; the 100 of day 20
        // serve days 20..27 (80).
        QCOMPARE(m.served, 230.0);
        QCOMPARE(m.stockoutDays, qint64(5));
        // Cycles from Monday to Monday: the third one (days 14..20) ran out.
        QCOMPARE(m.cycles, qint64(4));
        QCOMPARE(m.servedCycles, qint64(3));
        // Reappro receives the orders already placed (first lead time) too.
        const ReplayMetrics r = replayProduct(p, options(ReplayPolicy::Reappro));
        QVERIFY(r.received >= 100.0);
        checkAccounting(r);
    }

    void classAimsFollowTheServiceAchieved()
    {
        // Twelve steady essential products never run out: 100% of cycles
        // served against a 98.5% target, so after each 91-day period the
        // class is aimed lower (by the gap), down to 6 points under.
        std::vector<ReplayProduct> products;
        for (int i = 0; i < 12; ++i) {
            ReplayProduct p = steadyProduct(5.0 + i, 400.0, kFrom.addYears(1));
            p.situation.product.id = i + 1;
            products.push_back(p);
        }
        ReplayOptions o = options(ReplayPolicy::Reappro);
        const ReplayResult r = replay(products, o, 2);
        QCOMPARE(r.total.servedCycles, r.total.cycles);
        const double aim = r.serviceAim.at(Criticality::Essential);
        const double target = o.settings.service.essential;
        QCOMPARE(target, 0.985);
        QVERIFY2(aim <= target - (1.0 - target) + 1e-12 && aim >= target - 0.06 - 1e-12, qPrintable(QString::number(aim)));
        QCOMPARE(r.serviceAim.at(Criticality::Vital), 0.99); // no vital product: no correction
        for (const ReplayMetrics &m : r.perProduct)
            checkAccounting(m);
        o.calibrate = false;
        QCOMPARE(replay(products, o, 2).serviceAim.at(Criticality::Essential), target);
    }

    void resultIsIndependentOfThreads()
    {
        std::vector<ReplayProduct> products;
        for (int i = 0; i < 12; ++i) {
            ReplayProduct p = steadyProduct(2.0 + i, 40.0 * i, kFrom.addDays(30 * i));
            p.situation.product.id = i + 1;
            p.situation.product.ven = i % 3 == 0 ? VenClass::Vital : i % 3 == 1 ? VenClass::Essential : VenClass::NonEssential;
            for (std::size_t d = 0; d < p.dailyDemand.size(); ++d)
                p.dailyDemand[d] = (d * (i + 3)) % 7 == 0 ? 3.0 * (2.0 + i) : 0.0; // lumpy
            products.push_back(p);
        }
        const ReplayOptions o = options(ReplayPolicy::Reappro);
        const ReplayResult one = replay(products, o, 1), four = replay(products, o, 4);
        QCOMPARE(one.total.served, four.total.served);
        QCOMPARE(one.total.stockValueDays, four.total.stockValueDays);
        QCOMPARE(one.total.orders, four.total.orders);
        QCOMPARE(one.productsByCriticality.at(Criticality::Vital), 4);
        ReplayMetrics sum;
        for (const auto &[c, m] : one.byCriticality)
            sum.add(m);
        QCOMPARE(sum.served, one.total.served);
        checkAccounting(one.total);
        QVERIFY(one.averageStockValue() > Money());
    }
};

QTEST_APPLESS_MAIN(TestReplay)
#include "tst_replay.moc"
