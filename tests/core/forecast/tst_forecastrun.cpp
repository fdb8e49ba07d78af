// SPDX-License-Identifier: GPL-3.0-or-later
// forecastDatabase on a small hospital built by hand, where every expected
// number can be worked out: complete periods only, one series per product
// and per product and care unit, negative weeks, late starts, a product
// without consumption, ABC values, replacement of a run, cancellation.
#include "core/forecast/forecastrun.h"
#include "core/import/importer.h"
#include "core/store/sqlite.h"
#include "testutil.h"

#include <cmath>

using namespace reappro;

class TestForecastRun : public QObject
{
    Q_OBJECT
private:
    QTemporaryDir m_dir;
    Store m_store;
    qint64 m_a = 0, m_b = 0, m_c = 0, m_d = 0, m_e = 0, m_u1 = 0, m_u2 = 0;

    qint64 id(const char *sqlText) { return sql::queryInt(m_store.handle(), sqlText); }

    static void checkIntervals(const StoredForecast &f)
    {
        for (const ForecastPoint &p : f.values)
            QVERIFY2(p.lower >= 0 && p.lower <= p.mean + 1e-9 && p.mean <= p.upper + 1e-9,
                     qPrintable(QStringLiteral("%1 step %2: %3 %4 %5").arg(f.model).arg(p.step).arg(p.lower).arg(p.mean).arg(p.upper)));
    }

private Q_SLOTS:
    void lastCompleteDay_data()
    {
        QTest::addColumn<QDate>("last");
        QTest::addColumn<int>("bucket");
        QTest::addColumn<QDate>("expected");
        QTest::newRow("week ends Wednesday") << QDate(2026, 10, 28) << int(Bucket::Week) << QDate(2026, 10, 25);
        QTest::newRow("week ends Sunday") << QDate(2026, 10, 25) << int(Bucket::Week) << QDate(2026, 10, 25);
        QTest::newRow("week ends Monday") << QDate(2026, 10, 26) << int(Bucket::Week) << QDate(2026, 10, 25);
        QTest::newRow("month complete") << QDate(2026, 10, 31) << int(Bucket::Month) << QDate(2026, 10, 31);
        QTest::newRow("month partial") << QDate(2026, 10, 30) << int(Bucket::Month) << QDate(2026, 9, 30);
        QTest::newRow("leap February") << QDate(2024, 2, 29) << int(Bucket::Month) << QDate(2024, 2, 29);
        QTest::newRow("day") << QDate(2026, 10, 30) << int(Bucket::Day) << QDate(2026, 10, 30);
    }
    void lastCompleteDay()
    {
        QFETCH(QDate, last);
        QFETCH(int, bucket);
        QFETCH(QDate, expected);
        QCOMPARE(reappro::lastCompleteDay(last, Bucket(bucket)), expected);
    }

    void defaults()
    {
        QCOMPARE(defaultHorizon(Bucket::Day), 28);
        QCOMPARE(defaultHorizon(Bucket::Week), 12);
        QCOMPARE(defaultHorizon(Bucket::Month), 6);
        QCOMPARE(seasonalPeriod(Bucket::Day), 7);
        QCOMPARE(seasonalPeriod(Bucket::Week), 52);
        QCOMPARE(seasonalPeriod(Bucket::Month), 12);
        QCOMPARE(modelFamily(QStringLiteral("SES(alpha=0.3) x seasonal(m=52,K=2)")), QStringLiteral("SES x seasonal"));
        QCOMPARE(modelFamily(QStringLiteral("Zero")), QStringLiteral("Zero"));
        QVERIFY(bucketFromName(QStringLiteral("month")) == Bucket::Month);
        QVERIFY(!bucketFromName(QStringLiteral("year")));
    }

    void initTestCase()
    {
        QString error;
        QVERIFY2(m_store.open(m_dir.filePath(QStringLiteral("h.sqlite")), &error), qPrintable(error));
        // A 1,00 EUR, B 0,10, C no PMP, D 2,00 but never used, E 0,50.
        const QString products = testutil::writeFile(
            m_dir, QStringLiteral("produits.csv"),
            QByteArray(
                "Code;Libell\xE9;PMP\r\nA;Produit A;1,00\r\nB;Produit B;0,10\r\nC;Produit C;\r\nD;Produit D;2,00\r\nE;Produit E;0,50\r\n"));
        // Twenty complete weeks, Monday 05/01/2026 to Sunday 24/05/2026, then
        // a partial week ending Wednesday 27/05 that holds a huge issue.
        QByteArray mv = "Date;Type de mouvement;Code produit;Quantit\xE9;UF\r\n";
        const auto line = [&](QDate d, const char *type, const char *code, int qty, const char *unit) {
            mv += d.toString(QStringLiteral("dd/MM/yyyy")).toLatin1() + ';' + type + ';' + code + ';' + QByteArray::number(qty) + ';' + unit
                  + "\r\n";
        };
        const QDate monday(2026, 1, 5);
        for (int w = 0; w < 20; ++w) {
            const QDate d = monday.addDays(7 * w);
            line(d, "D\xE9livrance UF", "A", 10, "U1");
            line(d.addDays(1), "D\xE9livrance UF", "E", 2, "U1");
            if (w >= 8)   // from Monday 02/03 on
                line(d.addDays(2), "D\xE9livrance UF", "B", 3, "U2");
            if (w % 2 == 0)
                line(d.addDays(3), "R\xE9trocession", "C", 4, "");
        }
        line(QDate(2026, 3, 2), "D\xE9livrance UF", "A", 5, "U2");
        line(QDate(2026, 3, 10), "Retour UF", "A", 8, "U2");   // more back than issued that week
        line(QDate(2026, 5, 27), "D\xE9livrance UF", "A", 1000, "U1");
        const QString movements = testutil::writeFile(m_dir, QStringLiteral("mouvements.csv"), mv);
        ImportOptions o;
        o.today = QDate(2026, 6, 1);
        const ImportResult r = Importer(m_store).importFiles({products, movements}, o);
        QVERIFY2(r.committed, r.rejected.empty() ? qPrintable(r.error) : qPrintable(Importer::describe(r.rejected[0], Language::English)));
        m_a = id("SELECT id FROM product WHERE code = 'A'");
        m_b = id("SELECT id FROM product WHERE code = 'B'");
        m_c = id("SELECT id FROM product WHERE code = 'C'");
        m_d = id("SELECT id FROM product WHERE code = 'D'");
        m_e = id("SELECT id FROM product WHERE code = 'E'");
        m_u1 = id("SELECT id FROM location WHERE code = 'U1'");
        m_u2 = id("SELECT id FROM location WHERE code = 'U2'");
        QVERIFY(m_a && m_b && m_c && m_d && m_e && m_u1 && m_u2);
    }

    void weeklyRun()
    {
        ForecastRunOptions o;
        o.threads = 2;
        std::size_t lastDone = 0, lastTotal = 0;
        const ForecastRunOutcome r = forecastDatabase(m_store, o, [&](std::size_t d, std::size_t t) {
            lastDone = d;
            lastTotal = t;
        });
        QCOMPARE(r.status, ForecastRunStatus::Done);
        QCOMPARE(lastDone, std::size_t(9));
        QCOMPARE(lastTotal, std::size_t(9));
        const ForecastRun &run = r.run;
        QVERIFY(run.id > 0);
        QCOMPARE(run.horizon, 12);
        QCOMPARE(run.seasonPeriod, 52);
        QCOMPARE(run.method, QStringLiteral("auto"));
        QCOMPARE(run.historyFrom, QDate(2026, 1, 5));
        QCOMPARE(run.historyTo, QDate(2026, 5, 24));   // the week of 25/05 is incomplete
        QCOMPARE(run.historyPeriods, 20);
        QCOMPARE(run.productSeries, qint64(5));        // every product, D included
        QCOMPARE(run.unitSeries, qint64(4));           // A x U1, A x U2, B x U2, E x U1 (C is outpatient only)
        QCOMPARE(run.failedSeries, qint64(0));
        QCOMPARE(run.abcProducts.at(QStringLiteral("A")), qint64(1));
        QCOMPARE(run.abcProducts.at(QStringLiteral("B")), qint64(1));
        QCOMPARE(run.abcProducts.at(QStringLiteral("C")), qint64(3));
        qint64 models = 0, classes = 0;
        for (const auto &[name, n] : run.models)
            models += n;
        for (const auto &[name, n] : run.demandClasses)
            classes += n;
        QCOMPARE(models, qint64(9));
        QCOMPARE(classes, qint64(9));

        // A: the huge issue of the partial week is in neither history nor ABC value.
        const auto a = m_store.latestForecast(Bucket::Week, m_a);
        QVERIFY(a);
        QCOMPARE(a->unitId, qint64(0));
        QCOMPARE(a->historyFrom, QDate(2026, 1, 5));
        QCOMPARE(a->historyPeriods, 20);
        QVERIFY2(a->error.isEmpty(), qPrintable(a->error));
        QCOMPARE(a->abc, AbcClass::A);
        QCOMPARE(a->abcValue, Money::fromEuros(197));   // 200 to U1 + 5 - 8 to U2, x 1,00
        QCOMPARE(a->abcShareAbove, 0.0);
        QCOMPARE(int(a->values.size()), 12);
        QCOMPARE(a->values.front().step, 1);
        QCOMPARE(a->values.front().periodStart, QDate(2026, 5, 25));
        QCOMPARE(a->values.back().periodStart, QDate(2026, 8, 10));
        QVERIFY2(a->values.front().mean < 50, qPrintable(QString::number(a->values.front().mean)));
        QVERIFY(!a->model.isEmpty());
        QVERIFY(!a->modelFamily.isEmpty() && !a->modelFamily.contains(QLatin1Char('(')));
        checkIntervals(*a);

        // A x U1: ten every week, steady.
        const auto au1 = m_store.latestForecast(Bucket::Week, m_a, m_u1);
        QVERIFY(au1);
        QCOMPARE(au1->unitId, m_u1);
        QCOMPARE(au1->xyz, XyzClass::X);
        QCOMPARE(au1->cv, 0.0);
        QCOMPARE(au1->abc, AbcClass::A);   // its product's
        QCOMPARE(au1->profile.demandClass, forecasting::DemandClass::Smooth);
        QCOMPARE(au1->holdout.points, 0);   // 20 periods < 2 x horizon: nothing to hold out
        QVERIFY(!au1->parameters.empty());
        checkIntervals(*au1);

        // A x U2: 5 issued, then 8 returned the next week (a week of -3 is no
        // demand), from 02/03 on.
        const auto au2 = m_store.latestForecast(Bucket::Week, m_a, m_u2);
        QVERIFY(au2);
        QVERIFY2(au2->error.isEmpty(), qPrintable(au2->error));
        QCOMPARE(au2->historyFrom, QDate(2026, 3, 2));
        QCOMPARE(au2->historyPeriods, 12);
        QCOMPARE(au2->profile.nonZeroPeriods, 1);
        checkIntervals(*au2);

        // B starts in March: its history starts there.
        const auto b = m_store.latestForecast(Bucket::Week, m_b);
        QVERIFY(b);
        QCOMPARE(b->historyFrom, QDate(2026, 3, 2));
        QCOMPARE(b->historyPeriods, 12);
        QCOMPARE(b->abc, AbcClass::C);   // 3,60 EUR after 197 + 20 of 220,60
        QCOMPARE(b->abcValue, Money::fromCents(360));

        // E: 20 EUR, starts at 197 / 220,60 = 89 % -> B.
        const auto e = m_store.latestForecast(Bucket::Week, m_e);
        QVERIFY(e);
        QCOMPARE(e->abc, AbcClass::B);
        QVERIFY(std::abs(e->abcShareAbove - 197.0 / 220.6) < 1e-9);
        QVERIFY(m_store.latestForecast(Bucket::Week, m_e, m_u1));
        QVERIFY(!m_store.latestForecast(Bucket::Week, m_e, m_u2));

        // C: outpatients only, no PMP -> C, no care-unit series.
        QCOMPARE(m_store.latestForecasts(Bucket::Week, m_c).size(), size_t(1));
        QCOMPARE(m_store.latestForecasts(Bucket::Week, m_c)[0].abc, AbcClass::C);
        QCOMPARE(m_store.latestForecasts(Bucket::Week, m_a).size(), size_t(3));
        QCOMPARE(m_store.latestForecasts(Bucket::Week, m_a)[0].unitId, qint64(0));

        // D: never used -> the whole history of zeros, model Zero.
        const auto d = m_store.latestForecast(Bucket::Week, m_d);
        QVERIFY(d);
        QCOMPARE(d->model, QStringLiteral("Zero"));
        QCOMPARE(d->historyPeriods, 20);
        QCOMPARE(d->profile.demandClass, forecasting::DemandClass::NoDemand);
        QCOMPARE(d->xyz, XyzClass::Z);
        QVERIFY(std::isnan(d->cv));
        QCOMPARE(d->abc, AbcClass::C);
        QCOMPARE(int(d->values.size()), 12);
        for (const ForecastPoint &p : d->values)
            QVERIFY(p.mean == 0 && p.lower == 0 && p.upper == 0);
    }

    void secondRunReplacesFirst()
    {
        const qint64 before = m_store.latestForecastRun(Bucket::Week)->id;
        ForecastRunOptions o;
        o.horizon = 4;
        o.levelPercent = 80;
        const ForecastRunOutcome r = forecastDatabase(m_store, o);
        QCOMPARE(r.status, ForecastRunStatus::Done);
        QVERIFY(r.run.id != before);
        QCOMPARE(r.run.horizon, 4);
        QCOMPARE(r.run.levelPercent, 80);
        QCOMPARE(id("SELECT COUNT(*) FROM forecast_run"), qint64(1));
        QCOMPARE(id("SELECT COUNT(*) FROM forecast_series"), qint64(9));
        QCOMPARE(id("SELECT COUNT(*) FROM forecast_value"), qint64(9 * 4));
        const auto au1 = m_store.latestForecast(Bucket::Week, m_a, m_u1);
        QCOMPARE(int(au1->values.size()), 4);
        // Now the last 4 of 20 weeks are held out; a steady 10 a week is forecast exactly.
        QCOMPARE(au1->holdout.points, 4);
        QVERIFY2(au1->holdout.mae < 1e-6, qPrintable(QString::number(au1->holdout.mae)));
        QCOMPARE(au1->holdout.coverage, 1.0);

        // Another bucket is another run, kept beside it.
        o = {};
        o.bucket = Bucket::Month;
        const ForecastRunOutcome m = forecastDatabase(m_store, o);
        QCOMPARE(m.status, ForecastRunStatus::Done);
        QCOMPARE(m.run.historyFrom, QDate(2026, 1, 1));
        QCOMPARE(m.run.historyTo, QDate(2026, 4, 30));   // May is incomplete
        QCOMPARE(m.run.historyPeriods, 4);
        QCOMPARE(m.run.horizon, 6);
        QCOMPARE(m.run.seasonPeriod, 12);
        QCOMPARE(m_store.latestForecast(Bucket::Month, m_a)->values.front().periodStart, QDate(2026, 5, 1));
        QCOMPARE(id("SELECT COUNT(*) FROM forecast_run"), qint64(2));
        QCOMPARE(m_store.latestForecastRun(Bucket::Week)->id, r.run.id);
        QVERIFY(!m_store.latestForecastRun(Bucket::Day));
    }

    void cancelledRunStoresNothing()
    {
        const qint64 before = m_store.latestForecastRun(Bucket::Week)->id;
        const std::atomic<bool> stop{true};
        const ForecastRunOutcome r = forecastDatabase(m_store, {}, {}, &stop);
        QCOMPARE(r.status, ForecastRunStatus::Cancelled);
        QCOMPARE(m_store.latestForecastRun(Bucket::Week)->id, before);
        QCOMPARE(id("SELECT COUNT(*) FROM forecast_value"), qint64(9 * 4 + 9 * 6));
    }

    void noCompletePeriod()
    {
        Store s;
        QString error;
        QVERIFY(s.open(m_dir.filePath(QStringLiteral("empty.sqlite")), &error));
        QCOMPARE(forecastDatabase(s, {}).status, ForecastRunStatus::NoHistory);
        // One movement on a Wednesday: no complete week yet, but a complete day.
        QTemporaryDir dir;
        const QString products = testutil::writeFile(dir, QStringLiteral("produits.csv"), QByteArray("Code;Libell\xE9\r\nA;Produit A\r\n"));
        const QString mv =
            testutil::writeFile(dir, QStringLiteral("mouvements.csv"),
                                QByteArray("Date;Type de mouvement;Code produit;Quantit\xE9;UF\r\n27/05/2026;D\xE9livrance UF;A;3;U1\r\n"));
        ImportOptions o;
        o.today = QDate(2026, 6, 1);
        QVERIFY(Importer(s).importFiles({products, mv}, o).committed);
        QCOMPARE(forecastDatabase(s, {}).status, ForecastRunStatus::NoHistory);
        QCOMPARE(sql::queryInt(s.handle(), "SELECT COUNT(*) FROM forecast_run"), qint64(0));
        ForecastRunOptions day;
        day.bucket = Bucket::Day;
        const ForecastRunOutcome r = forecastDatabase(s, day);
        QCOMPARE(r.status, ForecastRunStatus::Done);
        QCOMPARE(r.run.historyPeriods, 1);
        QCOMPARE(r.run.series(), qint64(2));
    }
};

QTEST_GUILESS_MAIN(TestForecastRun)
#include "tst_forecastrun.moc"
