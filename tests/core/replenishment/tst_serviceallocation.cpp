// SPDX-License-Identifier: GPL-3.0-or-later
// Per-product service targets: the class target met on average at the least
// stock value. A hand-worked greedy on given options; then real products:
// the cheap steady one carries the class, the dear lumpy one is held lower,
// never below its floor, and the class's expected service is reached for
// less money than with the class target everywhere.
#include "core/replenishment/replenishment.h"
#include "core/replenishment/serviceallocation.h"

#include <QTest>

#include <cmath>

using namespace reappro;

namespace {

const QDate kMonday(2026, 11, 2);

ProductSituation product(int id, Money price, VenClass ven)
{
    ProductSituation s;
    s.product.id = id;
    s.product.code = QStringLiteral("P%1").arg(id);
    s.product.label = QStringLiteral("PRODUCT %1").arg(id);
    s.product.packSize = 1.0;
    s.product.unitPrice = price;
    s.product.ven = ven;
    s.orderDays = 1u; // Mondays
    s.leadTimeDays = 7.0;
    s.leadTimeSource = LeadTimeSource::Supplier;
    return s;
}

// 0.25 EUR tablets, about 70 a week, a little noise.
ProductSituation cheapSteady(int id = 1)
{
    ProductSituation s = product(id, Money::fromCents(25), VenClass::Essential);
    for (std::size_t i = 0; i < 104; ++i)
        s.weeklyDemand.push_back(70.0 + double((i * 7919) % 41) - 20.0);
    return s;
}

// 1,500 EUR implants, asked for now and then, several at a time.
ProductSituation dearLumpy(int id = 2)
{
    ProductSituation s = product(id, Money::fromCents(150000), VenClass::Essential);
    for (std::size_t i = 0; i < 104; ++i)
        s.weeklyDemand.push_back(i % 5 == 0 ? double(1 + (i * 37) % 7) : 0.0);
    return s;
}

double expectedService(const ServiceCandidate &c, double target)
{
    for (const ServiceOption &o : c.options)
        if (std::abs(o.target - target) < 1e-12)
            return o.service;
    return -1.0;
}

double costAt(const ServiceCandidate &c, double target)
{
    for (const ServiceOption &o : c.options)
        if (std::abs(o.target - target) < 1e-12)
            return o.cost;
    return -1.0;
}

ServiceCandidate candidateOf(const ProductSituation &s, const ReplenishmentSettings &settings)
{
    return serviceCandidate(s, kMonday, settings);
}

} // namespace

class TestServiceAllocation : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void greedyBuysTheCheapestServiceFirst()
    {
        // Class target 95%, both from 90%: need 1.90 weighted, have 1.80.
        // A's steps: +5 points for 10 EUR, then +4 for 40; B's +5 for 200.
        // Taken by points per euro: A to 95 (1.85), A to 99 (1.89), B to 95
        // (1.94): done.
        ServiceCandidate a{Criticality::Essential, 1.0, {{0.90, 0.90, 10}, {0.95, 0.95, 20}, {0.99, 0.99, 60}}};
        ServiceCandidate b{Criticality::Essential, 1.0, {{0.90, 0.90, 100}, {0.95, 0.95, 300}, {0.99, 0.99, 900}}};
        ServiceTargets t;
        t.essential = 0.95;
        std::vector<double> got = allocateServiceTargets({a, b}, t);
        QCOMPARE(got, (std::vector<double>{0.99, 0.95}));

        // A step that is not on the concave frontier is skipped: C's 95%
        // costs as much per point as going to 99% directly would not.
        ServiceCandidate c{Criticality::Essential, 1.0, {{0.90, 0.90, 10}, {0.95, 0.95, 50}, {0.99, 0.99, 55}}};
        got = allocateServiceTargets({c}, t);
        QCOMPARE(got, (std::vector<double>{0.99}));

        // Weights: cycles pooled. A product ordered 5 days a week counts 5
        // times; raising it alone to 99% (5 x 0.09) lifts the class.
        a.weight = 5.0;
        t.essential = 0.97;
        got = allocateServiceTargets({a, b}, t);
        QCOMPARE(got, (std::vector<double>{0.99, 0.90})); // (5 x 0.99 + 0.90) / 6 = 0.975

        // Nothing reachable: everyone at the top.
        t.essential = 0.999;
        got = allocateServiceTargets({a, b}, t);
        QCOMPARE(got, (std::vector<double>{0.99, 0.99}));
    }

    void classesAreAllocatedApart()
    {
        ServiceCandidate vital{Criticality::Vital, 1.0, {{0.97, 0.97, 1}, {0.99, 0.99, 2}, {0.999, 0.999, 3}}};
        ServiceCandidate other{Criticality::Other, 1.0, {{0.85, 0.85, 1}, {0.95, 0.95, 1000}}};
        const std::vector<double> got = allocateServiceTargets({vital, other}, ServiceTargets{});
        // The cheap vital product does not pay for the other class.
        QCOMPARE(got[0], 0.99);
        QCOMPARE(got[1], 0.95);
    }

    void uniformOrUnknownKeepsTheClassTarget()
    {
        ServiceCandidate a{Criticality::Essential, 1.0, {{0.90, 0.90, 10}, {0.99, 0.99, 11}}};
        ServiceCandidate none{Criticality::Other, 1.0, {}};
        ServiceTargets t;
        QCOMPARE(allocateServiceTargets({a, none}, t)[1], 0.98);
        t.perProduct = false;
        QCOMPARE(allocateServiceTargets({a, none}, t), (std::vector<double>{0.985, 0.98}));

        // A product without demand or forecast brings no option.
        ProductSituation idle = cheapSteady();
        idle.weeklyDemand.assign(104, 0.0);
        QVERIFY(candidateOf(idle, {}).options.empty());
        idle.weeklyDemand.clear();
        QVERIFY(candidateOf(idle, {}).options.empty());
        // Nor one whose use has stopped (dormant): its empty cycles must not
        // let its class serve the products still in use less.
        ProductSituation stopped = cheapSteady();
        stopped.weeklyDemand.insert(stopped.weeklyDemand.end(), 20, 0.0);
        QVERIFY(candidateOf(stopped, {}).options.empty());
        stopped.weeklyDemand.resize(stopped.weeklyDemand.size() - 8);
        QVERIFY(!candidateOf(stopped, {}).options.empty());
    }

    void cheapSteadyCarriesTheClassDearLumpyIsHeldLower()
    {
        ReplenishmentSettings settings;
        settings.service.essential = 0.97; // the class target the figures below are read against
        // Three cheap steady products (ids 1, 3, 4) and a dear lumpy one (2).
        const std::vector<ProductSituation> products{cheapSteady(1), dearLumpy(2), cheapSteady(3), cheapSteady(4)};
        const std::vector<double> targets = allocateServiceTargets(products, kMonday, settings, 2);
        QCOMPARE(targets.size(), std::size_t(4));
        QVERIFY2(targets[0] > 0.97, qPrintable(QString::number(targets[0])));
        QCOMPARE(targets[2], targets[0]);
        QVERIFY2(targets[1] < 0.97, qPrintable(QString::number(targets[1])));
        QVERIFY(targets[1] >= settings.service.lowest(Criticality::Essential));

        // The class's expected service is reached, for less than the class
        // target everywhere.
        double service = 0.0, allocated = 0.0, uniform = 0.0;
        for (std::size_t i = 0; i < products.size(); ++i) {
            const ServiceCandidate c = candidateOf(products[i], settings);
            service += expectedService(c, targets[i]) / 4.0;
            allocated += costAt(c, targets[i]);
            uniform += costAt(c, 0.97);
        }
        QVERIFY2(service >= 0.97 - 1e-12, qPrintable(QString::number(service)));
        QVERIFY2(allocated < 0.9 * uniform, qPrintable(QStringLiteral("%1 vs %2").arg(allocated).arg(uniform)));

        // The suggestion uses the product's target and says why.
        ProductSituation s = products[1];
        s.serviceTarget = targets[1];
        const OrderSuggestion o = suggestOrder(s, kMonday, settings);
        QCOMPARE(o.serviceTarget, targets[1]);
        QCOMPARE(o.classTarget, 0.97);
        QVERIFY2(explain(o, Language::French).contains(QStringLiteral("la classe vise 97 % en moyenne")),
                 qPrintable(explain(o, Language::French)));
        QVERIFY2(explain(o, Language::English).contains(QStringLiteral("is held lower")), qPrintable(explain(o, Language::English)));
        s = products[0];
        s.serviceTarget = targets[0];
        QVERIFY(explain(suggestOrder(s, kMonday, settings), Language::English).contains(QStringLiteral("is held higher")));
    }

    void optionsFollowTheLevels()
    {
        // Each option's cost is the price times the order-up-to level for its
        // target; costs and services never fall as the target rises.
        ReplenishmentSettings settings;
        const ProductSituation s = cheapSteady();
        const ServiceCandidate c = candidateOf(s, settings);
        QCOMPARE(c.weight, 1.0);
        QCOMPARE(c.options.front().target, settings.service.lowest(Criticality::Essential));
        QCOMPARE(c.options.back().target, 0.995);
        const forecasting::TotalDemand d = demandOverDays(s.weeklyDemand, 14.0);
        for (std::size_t i = 0; i < c.options.size(); ++i) {
            const ServiceOption &o = c.options[i];
            QVERIFY(std::abs(o.cost - 0.25 * orderUpToLevel(CoverDemand(d), o.target, 1.0).level) < 1e-9);
            if (i > 0) {
                QVERIFY(o.cost >= c.options[i - 1].cost);
                QVERIFY(o.service >= c.options[i - 1].service);
            }
        }
    }

    void floorsParseAndStayBelowTheTarget()
    {
        ServiceTargets t;
        QString error;
        QVERIFY(t.parse(QStringLiteral("essential=97,essential_min=92,other_min=99"), &error));
        QCOMPARE(t.lowest(Criticality::Essential), 0.92);
        QCOMPARE(t.lowest(Criticality::Other), 0.98); // a floor above the target is the target
        QCOMPARE(t.lowest(Criticality::Vital), 0.97);
        QVERIFY(!t.parse(QStringLiteral("vital_min=40"), &error));
        QVERIFY(error.contains(QStringLiteral("vital_min=40")));
    }
};

QTEST_APPLESS_MAIN(TestServiceAllocation)
#include "tst_serviceallocation.moc"
