// SPDX-License-Identifier: GPL-3.0-or-later
// ABC and XYZ classes at and around their cut points (80 % / 95 % of the
// value; CV 0.5 / 1.0), on hand-built cases whose shares are exact.
#include "core/domain/classification.h"

#include <QTest>
#include <cmath>

using namespace reappro;

class TestClassification : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void abc_data()
    {
        QTest::addColumn<QList<qint64>>("euros");
        QTest::addColumn<QString>("expected");      // one letter per value, in the order given
        QTest::addColumn<QList<double>>("shareAbove");
        // The 15 starts exactly at 80 %: A is full, so B; the 5 starts at 95 %: C.
        QTest::newRow("exact cuts") << QList<qint64>{50, 30, 15, 5} << "AABC" << QList<double>{0.0, 0.5, 0.8, 0.95};
        // Order given does not matter, only the ranking by value.
        QTest::newRow("unsorted") << QList<qint64>{5, 15, 50, 30} << "CBAA" << QList<double>{0.95, 0.8, 0.0, 0.5};
        // The product that crosses 80 % is the last A; one crossing 80 and 95 at once is not C.
        QTest::newRow("crossing") << QList<qint64>{79, 20, 1} << "AAC" << QList<double>{0.0, 0.79, 0.99};
        // The top product alone above 80 % stays A.
        QTest::newRow("dominant") << QList<qint64>{85, 10, 5} << "ABC" << QList<double>{0.0, 0.85, 0.95};
        QTest::newRow("single") << QList<qint64>{12} << "A" << QList<double>{0.0};
        // No value (no PMP, no consumption, net returns): C, outside the ranking.
        QTest::newRow("no value") << QList<qint64>{0, 100, -5} << "CAC" << QList<double>{1.0, 0.0, 1.0};
        QTest::newRow("all zero") << QList<qint64>{0, 0} << "CC" << QList<double>{1.0, 1.0};
        // Ten equal values: shares above 0, 10 %... 90 %; ties keep the order given.
        QTest::newRow("ties") << QList<qint64>{10, 10, 10, 10, 10, 10, 10, 10, 10, 10} << "AAAAAAAABB"
                              << QList<double>{0, .1, .2, .3, .4, .5, .6, .7, .8, .9};
    }
    void abc()
    {
        QFETCH(QList<qint64>, euros);
        QFETCH(QString, expected);
        QFETCH(QList<double>, shareAbove);
        std::vector<Money> values;
        for (qint64 e : euros)
            values.push_back(Money::fromEuros(e));
        const std::vector<AbcRank> ranks = classifyAbc(values);
        QCOMPARE(ranks.size(), values.size());
        QString got;
        for (const AbcRank &r : ranks)
            got += abcName(r.abc);
        QCOMPARE(got, expected);
        for (size_t i = 0; i < ranks.size(); ++i)
            QVERIFY2(std::abs(ranks[i].shareAbove - shareAbove[qsizetype(i)]) < 1e-12, qPrintable(QString::number(i)));
    }

    void abcDecidesBoundariesInMoneyUnits()
    {
        const std::vector<Money> v{Money::fromUnits(8000), Money::fromUnits(1500), Money::fromUnits(500), Money::fromUnits(1)};
        // Total 10,001: the 1,500 starts just below 80 % (8,000 / 10,001), the 500 just below 95 %.
        const auto r = classifyAbc(v);
        QCOMPARE(r[0].abc, AbcClass::A);
        QCOMPARE(r[1].abc, AbcClass::A);
        QCOMPARE(r[2].abc, AbcClass::B);
        QCOMPARE(r[3].abc, AbcClass::C);
        QVERIFY(classifyAbc({}).empty());
    }

    void xyz_data()
    {
        QTest::addColumn<QList<double>>("demand");
        QTest::addColumn<double>("cv");           // NaN: no demand
        QTest::addColumn<QString>("expected");
        QTest::newRow("constant") << QList<double>{10, 10, 10, 10} << 0.0 << "X";
        QTest::newRow("cv 0.25") << QList<double>{3, 5} << 0.25 << "X";
        // Population standard deviation: {1, 3} has mean 2 and sd 1, CV exactly 0.5 -> Y.
        QTest::newRow("cv 0.5 is Y") << QList<double>{1, 3} << 0.5 << "Y";
        // {0, 2}: mean 1, sd 1, CV exactly 1.0 -> Z.
        QTest::newRow("cv 1.0 is Z") << QList<double>{0, 2} << 1.0 << "Z";
        QTest::newRow("intermittent") << QList<double>{0, 0, 0, 4} << std::sqrt(3.0) << "Z";
        QTest::newRow("no demand") << QList<double>{0, 0, 0} << qQNaN() << "Z";
        QTest::newRow("empty") << QList<double>{} << qQNaN() << "Z";
    }
    void xyz()
    {
        QFETCH(QList<double>, demand);
        QFETCH(double, cv);
        QFETCH(QString, expected);
        const std::vector<double> d(demand.begin(), demand.end());
        const double got = coefficientOfVariation(d);
        if (std::isnan(cv))
            QVERIFY(std::isnan(got));
        else
            QVERIFY2(std::abs(got - cv) < 1e-12, qPrintable(QString::number(got)));
        QCOMPARE(xyzName(classifyXyz(got)), expected);
    }

    void xyzCutPoints()
    {
        QCOMPARE(classifyXyz(0.4999), XyzClass::X);
        QCOMPARE(classifyXyz(0.5), XyzClass::Y);
        QCOMPARE(classifyXyz(0.9999), XyzClass::Y);
        QCOMPARE(classifyXyz(1.0), XyzClass::Z);
        QCOMPARE(abcFromName(QStringLiteral("B")), AbcClass::B);
        QCOMPARE(xyzFromName(QStringLiteral("Y")), XyzClass::Y);
    }
};

QTEST_GUILESS_MAIN(TestClassification)
#include "tst_classification.moc"
