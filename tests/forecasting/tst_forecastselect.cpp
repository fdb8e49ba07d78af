// SPDX-License-Identifier: GPL-3.0-or-later
// Model selection, prediction intervals and batch forecasting: the rules of
// Method::Auto, interval coverage on synthetic iid demand (where 95% is the
// known truth), determinism across thread counts, cancellation, bad input.
#include "forecasting/select.h"

#include <QTest>

#include <atomic>
#include <cmath>
#include <cstdint>
#include <limits>
#include <numbers>
#include <string>
#include <vector>

using namespace reappro::forecasting;

namespace {

using Series = std::vector<double>;

// Own generator so the data are the same on every platform and library.
class Lcg
{
public:
    explicit Lcg(std::uint64_t seed) : s_(seed * 2862933555777941757ULL + 3037000493ULL) {}
    double uniform()
    {
        s_ = s_ * 6364136223846793005ULL + 1442695040888963407ULL;
        return (double(s_ >> 11) + 0.5) / 9007199254740992.0;
    }
    double normal()
    {
        const double u1 = uniform(), u2 = uniform();
        return std::sqrt(-2.0 * std::log(u1)) * std::cos(2.0 * std::numbers::pi * u2);
    }
    int poisson(double lambda)
    {
        const double limit = std::exp(-lambda);
        double p = uniform();
        int k = 0;
        while (p > limit) {
            p *= uniform();
            ++k;
        }
        return k;
    }

private:
    std::uint64_t s_;
};

Series smoothSeries(std::uint64_t seed, int n)
{
    Lcg g(seed);
    const double mean = 20.0 + 180.0 * g.uniform(), cv = 0.1 + 0.2 * g.uniform();
    Series y(n);
    for (double &v : y)
        v = std::max(0.0, mean * (1.0 + cv * g.normal()));
    return y;
}

Series intermittentSeries(std::uint64_t seed, int n)
{
    Lcg g(seed);
    const double p = 0.1 + 0.4 * g.uniform(), lambda = 0.5 + 3.5 * g.uniform();
    Series y(n);
    for (double &v : y)
        v = g.uniform() < p ? 1.0 + g.poisson(lambda) : 0.0;
    return y;
}

bool startsWithAny(const std::string &s, std::initializer_list<const char *> prefixes)
{
    for (const char *p : prefixes)
        if (s.rfind(p, 0) == 0)
            return true;
    return false;
}

// Share of the last h points inside the intervals forecast from the rest.
double coverage(Series (*make)(std::uint64_t, int), std::uint64_t seedBase)
{
    constexpr int kSeries = 200, kLen = 156, kH = 12;
    int inside = 0, total = 0;
    for (int s = 0; s < kSeries; ++s) {
        const Series y = make(seedBase + std::uint64_t(s), kLen + kH);
        const std::span<const double> train(y.data(), kLen);
        const ForecastResult r = forecastSeries(train, {}, kH, Method::Auto, 0.95);
        if (!r.error.empty())
            qFatal("series %d: %s", s, r.error.c_str());
        for (int h = 0; h < kH; ++h) {
            const double v = y[std::size_t(kLen + h)];
            inside += (v >= r.lower[h] && v <= r.upper[h]) ? 1 : 0;
            ++total;
        }
    }
    return double(inside) / total;
}

void checkShape(const ForecastResult &r, int h)
{
    QVERIFY2(r.error.empty(), r.error.c_str());
    QCOMPARE(r.mean.size(), Eigen::Index(h));
    QCOMPARE(r.lower.size(), Eigen::Index(h));
    QCOMPARE(r.upper.size(), Eigen::Index(h));
    for (int i = 0; i < h; ++i) {
        QVERIFY(std::isfinite(r.mean[i]) && std::isfinite(r.lower[i]) && std::isfinite(r.upper[i]));
        QVERIFY2(r.lower[i] >= 0.0, qPrintable(QStringLiteral("%1 h=%2").arg(r.model.c_str()).arg(i)));
        QVERIFY2(
            r.lower[i] <= r.mean[i] && r.mean[i] <= r.upper[i],
            qPrintable(QStringLiteral("%1 h=%2: %3 %4 %5").arg(r.model.c_str()).arg(i).arg(r.lower[i]).arg(r.mean[i]).arg(r.upper[i])));
    }
}

} // namespace

class TestForecastSelect : public QObject
{
    Q_OBJECT

private slots:
    void methodNamesRoundTrip()
    {
        const char *names[] = {"auto", "ses", "holt",  "holt-damped", "hw-add", "hw-mul", "croston",
                               "sba",  "tsb", "adida", "imapa",       "naive",  "snaive", "theta"};
        for (const char *n : names) {
            const auto m = methodFromName(n);
            QVERIFY2(m.has_value(), n);
            QCOMPARE(std::string(methodName(*m)), std::string(n));
        }
        QCOMPARE(methodFromName("ses"), std::optional<Method>(Method::Ses));
        QCOMPARE(methodFromName("hw-mul"), std::optional<Method>(Method::HwMul));
        QVERIFY(!methodFromName("").has_value());
        QVERIFY(!methodFromName("SES").has_value());
        QVERIFY(!methodFromName("arima").has_value());
    }

    void autoPicksSeasonalModel()
    {
        Lcg g(7);
        Series y(72);
        for (std::size_t t = 0; t < y.size(); ++t)
            y[t] = 100.0 + 30.0 * std::sin(2.0 * std::numbers::pi * double(t) / 12.0) + g.normal();
        const ForecastResult r = forecastSeries(y, {12}, 12, Method::Auto);
        checkShape(r, 12);
        // A pure sine is one harmonic: the decomposition finds K = 1.
        QVERIFY2(startsWithAny(r.model, {"SES", "Holt damped"}), r.model.c_str());
        QVERIFY2(r.model.find(" x seasonal(m=12,K=1)") != std::string::npos, r.model.c_str());
        QCOMPARE(r.profile.demandClass, DemandClass::Smooth);
        // The season is carried into the forecast: peak near t = 75 (sin = 1).
        QVERIFY2(std::abs(r.mean[3] - 130.0) < 5.0, qPrintable(QString::number(r.mean[3])));
        // Without a period the same series gets a non-seasonal model.
        const ForecastResult flat = forecastSeries(y, {1}, 12, Method::Auto);
        checkShape(flat, 12);
        QVERIFY2(startsWithAny(flat.model, {"SES", "Holt damped"}), flat.model.c_str());
        QVERIFY2(flat.model.find("seasonal") == std::string::npos, flat.model.c_str());
    }

    void autoPicksCrostonFamilyOnIntermittent()
    {
        const Series y = intermittentSeries(3, 156);
        const ForecastResult r = forecastSeries(y, {52}, 12, Method::Auto);
        checkShape(r, 12);
        QVERIFY(r.profile.demandClass == DemandClass::Intermittent || r.profile.demandClass == DemandClass::Lumpy);
        QVERIFY2(startsWithAny(r.model, {"Croston", "SBA", "TSB", "ADIDA", "IMAPA"}), r.model.c_str());
        QVERIFY(r.upper[0] > 0.0);
    }

    void allZeroGivesZero()
    {
        const Series y(30, 0.0);
        const ForecastResult r = forecastSeries(y, {}, 6, Method::Auto);
        checkShape(r, 6);
        QCOMPARE(r.model, std::string("Zero"));
        QCOMPARE(r.profile.demandClass, DemandClass::NoDemand);
        QCOMPARE(r.upper.maxCoeff(), 0.0);
        QCOMPARE(r.mean.maxCoeff(), 0.0);
    }

    void intervalsContainMeanForEveryMethod()
    {
        Lcg g(11);
        Series seasonal(60);
        for (std::size_t t = 0; t < seasonal.size(); ++t)
            seasonal[t] = 20.0 + 0.3 * double(t) + 8.0 * std::cos(2.0 * std::numbers::pi * double(t) / 12.0) + 2.0 * g.normal();
        Series declining(40);
        for (std::size_t t = 0; t < declining.size(); ++t)
            declining[t] = std::max(0.0, 40.0 - double(t) + g.normal());
        const Series inter = intermittentSeries(5, 80);
        for (const char *name :
             {"auto", "ses", "holt", "holt-damped", "hw-add", "hw-mul", "croston", "sba", "tsb", "adida", "imapa", "naive", "snaive"}) {
            const Method m = *methodFromName(name);
            for (const Series *y : std::initializer_list<const Series *>{&seasonal, &declining, &inter}) {
                const ForecastResult r = forecastSeries(*y, {12}, 18, m, 0.9);
                const bool mayFail = (m == Method::HwMul && y != &seasonal) // zeros in the history
                                     || ((m == Method::HwAdd || m == Method::HwMul) && y == &declining);
                if (mayFail && !r.error.empty())
                    continue;
                checkShape(r, 18);
            }
        }
    }

    void intervalsWidenWithHorizon()
    {
        const Series y = smoothSeries(21, 100);
        const ForecastResult r = forecastSeries(y, {}, 12, Method::Holt);
        checkShape(r, 12);
        QVERIFY(r.upper[11] - r.lower[11] > r.upper[0] - r.lower[0]);
        const ForecastResult n = forecastSeries(y, {}, 4, Method::Naive);
        checkShape(n, 4);
        QVERIFY(n.upper[3] - n.mean[3] > 1.9 * (n.upper[0] - n.mean[0])); // sqrt(4) = 2
    }

    void coverageSmooth()
    {
        const double c = coverage(smoothSeries, 1000);
        qInfo("smooth 95%% coverage: %.3f", c);
        QVERIFY2(c >= 0.85 && c <= 0.99, qPrintable(QString::number(c)));
    }

    void coverageIntermittent()
    {
        const double c = coverage(intermittentSeries, 5000);
        qInfo("intermittent 95%% coverage: %.3f", c);
        QVERIFY2(c >= 0.85 && c <= 0.99, qPrintable(QString::number(c)));
    }

    void batchIsIndependentOfThreadCount()
    {
        std::vector<Series> series;
        std::vector<SeriesSpec> specs;
        for (int i = 0; i < 40; ++i) {
            series.push_back(i % 2 ? smoothSeries(std::uint64_t(i), 60 + i) : intermittentSeries(std::uint64_t(i), 60 + i));
            specs.push_back({i % 3 == 0 ? 12 : 1, i % 4 == 0});
        }
        series.push_back({1.0, std::numeric_limits<double>::quiet_NaN()});
        specs.push_back({});
        std::size_t calls = 0, last = 0;
        const auto one = forecastBatch(series, specs, 8, Method::Auto, 0.95, 1);
        const auto four = forecastBatch(series, specs, 8, Method::Auto, 0.95, 8, [&](std::size_t done, std::size_t total) {
            ++calls;
            QCOMPARE(total, series.size());
            last = std::max(last, done);
        });
        QCOMPARE(calls, series.size());
        QCOMPARE(last, series.size());
        QCOMPARE(one.size(), series.size());
        QCOMPARE(four.size(), series.size());
        for (std::size_t i = 0; i < series.size(); ++i) {
            QCOMPARE(one[i].model, four[i].model);
            QCOMPARE(one[i].error, four[i].error);
            QVERIFY(one[i].mean == four[i].mean);
            QVERIFY(one[i].lower == four[i].lower);
            QVERIFY(one[i].upper == four[i].upper);
            QCOMPARE(one[i].holdout.points, four[i].holdout.points);
            QCOMPARE(one[i].holdout.mae, four[i].holdout.mae);
            QCOMPARE(one[i].parameters, four[i].parameters);
            const ForecastResult alone = forecastSeries(series[i], specs[i], 8, Method::Auto, 0.95);
            QVERIFY(alone.mean == one[i].mean && alone.upper == one[i].upper);
        }
        QVERIFY(!one.back().error.empty());
        // A single spec applies to every series; a wrong count is a caller bug.
        QCOMPARE(forecastBatch(series, {SeriesSpec{1}}, 4, Method::Ses, 0.95, 2).size(), series.size());
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument, forecastBatch(series, {SeriesSpec{}, SeriesSpec{}}, 4, Method::Ses, 0.95, 2));
    }

    void totalDemandIsTheSumNotTheSumOfQuantiles()
    {
        // Intermittent demand over 6 periods: a bootstrap of occurrences and
        // sizes. Its 95% quantile is far below 6 x the per-period 95% bound
        // (demand does not peak in every period at once), and above the mean.
        const Series y = intermittentSeries(11, 156);
        const TotalDemand d = totalDemand(y, {}, 6.0);
        QVERIFY2(d.error.empty(), d.error.c_str());
        QVERIFY(d.bootstrap);
        const ForecastResult r = forecastSeries(y, {}, 6, Method::Auto, 0.95);
        QVERIFY(d.mean >= r.mean.sum() - 1e-9);
        QVERIFY(d.quantile(0.95) > d.mean);
        QVERIFY2(d.quantile(0.95) < 0.8 * r.upper.sum(), qPrintable(QStringLiteral("%1 vs %2").arg(d.quantile(0.95)).arg(r.upper.sum())));
        QVERIFY(d.quantile(0.5) <= d.quantile(0.9) && d.quantile(0.9) <= d.quantile(0.99));
        // Same history, same quantiles (fixed seed).
        QCOMPARE(totalDemand(y, {}, 6.0).samples, d.samples);
        // Smooth demand: normal on the sum, whose spread grows with the span.
        const Series z = smoothSeries(12, 156);
        const TotalDemand a = totalDemand(z, {}, 2.0), b = totalDemand(z, {}, 8.0);
        QVERIFY(!a.bootstrap && a.error.empty());
        QVERIFY(b.sd > a.sd && b.mean > 3.9 * a.mean && b.mean < 4.1 * a.mean);
        // A fraction counts the last period partly.
        const TotalDemand half = totalDemand(z, {}, 2.5);
        QVERIFY(std::abs(half.mean - 1.25 * a.mean) < 1e-9 * a.mean);
        // Nothing to cover, nothing to order; bad input is an error, not a throw.
        QCOMPARE(totalDemand(z, {}, 0.0).quantile(0.99), 0.0);
        QCOMPARE(totalDemand(Series(20, 0.0), {}, 4.0).quantile(0.99), 0.0);
        QVERIFY(!totalDemand(z, {}, -1.0).error.empty());
        QVERIFY(!totalDemand(Series{1.0, -2.0}, {}, 3.0).error.empty());
    }

    void dormantDemandIsTakenAsStopped()
    {
        // A steady product whose use stopped 30 weeks ago: no model lowers
        // its level by itself (Croston and SBA wait for the next demand), so
        // the history's frequency would still cover 2 weeks of the old use.
        Series y = smoothSeries(21, 100);
        y.insert(y.end(), 30, 0.0);
        QCOMPARE(dormantRun(y), std::size_t(30));
        const TotalDemand d = totalDemand(y, {}, 2.0);
        QVERIFY2(d.error.empty(), d.error.c_str());
        QCOMPARE(d.dormantPeriods, std::size_t(30));
        QVERIFY(d.bootstrap);
        // One demand in 31 weeks at most, of a size seen in the last 104.
        double sizes = 0.0;
        for (std::size_t i = y.size() - 104; i < y.size(); ++i)
            sizes += y[i];
        const double sizeMean = sizes / 74.0;
        QVERIFY2(std::abs(d.mean - 2.0 / 31.0 * sizeMean) < 1e-9 * sizeMean, qPrintable(QString::number(d.mean)));
        QCOMPARE(d.quantile(0.9), 0.0);
        // 12 weeks without demand is not dormancy yet...
        Series recent = smoothSeries(21, 100);
        recent.insert(recent.end(), 12, 0.0);
        QCOMPARE(dormantRun(recent), std::size_t(0));
        QCOMPARE(totalDemand(recent, {}, 2.0).dormantPeriods, std::size_t(0));
        // ...nor a gap no longer than one seen before: a product used every
        // winter sleeps through the summer.
        Series seasonal;
        for (int year = 0; year < 3; ++year) {
            seasonal.insert(seasonal.end(), 18, 20.0);
            seasonal.insert(seasonal.end(), 34, 0.0);
        }
        QCOMPARE(dormantRun(seasonal), std::size_t(0));
        seasonal.insert(seasonal.end(), 1, 0.0); // a week longer than last summer
        QCOMPARE(dormantRun(seasonal), std::size_t(35));
        QCOMPARE(dormantRun(Series(20, 0.0)), std::size_t(0)); // never used: no demand to stop
    }

    void totalDemandQuantilesAreCalibrated_data()
    {
        QTest::addColumn<bool>("intermittent");
        QTest::addColumn<double>("periods");
        QTest::newRow("smooth 4") << false << 4.0;
        QTest::newRow("smooth 1.5") << false << 1.5;
        QTest::newRow("intermittent 4") << true << 4.0;
        QTest::newRow("intermittent 8") << true << 8.0;
    }
    void totalDemandQuantilesAreCalibrated()
    {
        // The actual total over the next periods stays at or below the 90%
        // quantile about 90% of the time (iid demand, 300 series).
        QFETCH(bool, intermittent);
        QFETCH(double, periods);
        constexpr int kSeries = 300, kLen = 156;
        int below = 0;
        for (int i = 0; i < kSeries; ++i) {
            const std::uint64_t seed = 1000 + std::uint64_t(i);
            const Series y = intermittent ? intermittentSeries(seed, kLen + 8) : smoothSeries(seed, kLen + 8);
            const std::span<const double> train(y.data(), kLen);
            const TotalDemand d = totalDemand(train, {}, periods);
            QVERIFY2(d.error.empty(), d.error.c_str());
            double actual = 0.0;
            for (int j = 0; j < int(std::ceil(periods)); ++j)
                actual += y[std::size_t(kLen + j)] * std::min(1.0, periods - j);
            below += actual <= d.quantile(0.9) ? 1 : 0;
        }
        const double share = double(below) / kSeries;
        QVERIFY2(share >= 0.85 && share <= 0.96, qPrintable(QString::number(share)));
    }

    void holdoutScoresTheHeldOutEnd()
    {
        const Series y = smoothSeries(5, 120);
        SeriesSpec spec;
        spec.holdout = true;
        const ForecastResult r = forecastSeries(y, spec, 12, Method::Auto);
        QCOMPARE(r.holdout.points, 12);
        // By hand: the same rule on the first 108 periods, scored on the last 12.
        const ForecastResult early = forecastSeries(std::span<const double>(y).first(108), {}, 12, Method::Auto);
        double mae = 0.0;
        for (int h = 0; h < 12; ++h)
            mae += std::abs(early.mean[h] - y[std::size_t(108 + h)]) / 12.0;
        QVERIFY(std::abs(r.holdout.mae - mae) < 1e-9 * std::max(1.0, mae));
        QVERIFY(r.holdout.mase > 0.0 && r.holdout.mase < 2.0);
        QVERIFY(r.holdout.coverage >= 0.0 && r.holdout.coverage <= 1.0);
        // Not asked, or too short: nothing.
        QCOMPARE(forecastSeries(y, {}, 12, Method::Auto).holdout.points, 0);
        QCOMPARE(forecastSeries(std::span<const double>(y).first(20), spec, 12, Method::Auto).holdout.points, 0);
        // Parameters are reported by name.
        QVERIFY(!r.parameters.empty());
        QCOMPARE(r.parameters.front().first, std::string("alpha"));
    }

    void stopFlagCancelsRemainingSeries()
    {
        std::vector<Series> series;
        for (int i = 0; i < 30; ++i)
            series.push_back(smoothSeries(std::uint64_t(i), 50));
        std::atomic<bool> stop{true};
        const auto all = forecastBatch(series, {}, 4, Method::Auto, 0.95, 3, {}, &stop);
        for (const auto &r : all) {
            QCOMPARE(r.error, std::string("cancelled"));
            QCOMPARE(r.mean.size(), Eigen::Index(0));
        }
        stop = false;
        const auto part = forecastBatch(
            series, {}, 4, Method::Auto, 0.95, 1,
            [&](std::size_t done, std::size_t) {
                if (done == 10)
                    stop = true;
            },
            &stop);
        for (std::size_t i = 0; i < part.size(); ++i) {
            if (i < 10)
                QVERIFY2(part[i].error.empty() && part[i].mean.size() == 4, part[i].error.c_str());
            else
                QCOMPARE(part[i].error, std::string("cancelled"));
        }
    }

    void badInputGivesErrorNotException()
    {
        const double nan = std::numeric_limits<double>::quiet_NaN();
        const Series withNan{3.0, 4.0, nan, 5.0};
        for (Method m : {Method::Auto, Method::Ses, Method::Sba, Method::SNaive}) {
            const ForecastResult r = forecastSeries(withNan, {}, 4, m);
            QVERIFY(!r.error.empty());
            QCOMPARE(r.mean.size(), Eigen::Index(0));
            QCOMPARE(r.lower.size(), Eigen::Index(0));
        }
        QVERIFY(!forecastSeries(Series{1.0, -2.0, 3.0}, {}, 4, Method::Auto).error.empty());
        QVERIFY(!forecastSeries(Series{}, {}, 4, Method::Auto).error.empty());
        QVERIFY(!forecastSeries(Series{1.0, 2.0, 3.0}, {}, -1, Method::Auto).error.empty());
        QVERIFY(!forecastSeries(Series{1.0, 2.0, 3.0}, {0}, 4, Method::Auto).error.empty());
        QVERIFY(!forecastSeries(Series{1.0, 2.0, 3.0}, {}, 4, Method::Auto, 1.5).error.empty());
        QVERIFY(!forecastSeries(Series{1.0, 2.0, 3.0}, {12}, 4, Method::HwAdd).error.empty());
        const Series inf{1.0, std::numeric_limits<double>::infinity()};
        QVERIFY(!forecastSeries(inf, {}, 4, Method::Auto).error.empty());
    }

    void shortSeriesStillForecast()
    {
        for (const Series &y : {Series{5.0}, Series{5.0, 7.0}, Series{0.0, 3.0, 0.0}, Series{4.0, 4.0, 4.0, 4.0}}) {
            const ForecastResult r = forecastSeries(y, {12}, 3, Method::Auto);
            checkShape(r, 3);
        }
        const ForecastResult zeroH = forecastSeries(Series{1.0, 2.0}, {}, 0, Method::Auto);
        QVERIFY(zeroH.error.empty());
        QCOMPARE(zeroH.mean.size(), Eigen::Index(0));
    }
};

QTEST_GUILESS_MAIN(TestForecastSelect)
#include "tst_forecastselect.moc"
