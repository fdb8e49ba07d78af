// SPDX-License-Identifier: GPL-3.0-or-later
// Forecasting models against values worked by hand on short series, plus the
// edge cases (zeros, one demand, constant, huge values) and invalid input.
#include "forecasting/croston.h"
#include "forecasting/ets.h"
#include "forecasting/naive.h"
#include "forecasting/optimizer.h"

#include <QTest>

#include <cmath>
#include <limits>
#include <vector>

using namespace reappro::forecasting;

namespace {

using Series = std::vector<double>;

// Relative comparison: hand values are exact decimals, the code adds a few ulps.
bool near(double a, double b, double rel = 1e-9) { return std::abs(a - b) <= rel * std::max({1.0, std::abs(a), std::abs(b)}); }

void compareSeries(const std::vector<double> &got, const Series &want, double rel = 1e-9)
{
    QCOMPARE(got.size(), want.size());
    for (std::size_t i = 0; i < want.size(); ++i)
        QVERIFY2(near(got[i], want[i], rel),
                 qPrintable(QStringLiteral("index %1: got %2, want %3").arg(i).arg(got[i], 0, 'g', 17).arg(want[i])));
}

void compareMean(const Forecast &f, const Series &want, double rel = 1e-9)
{
    compareSeries(std::vector<double>(f.mean.begin(), f.mean.end()), want, rel);
}

// Every model under one name, so edge cases and invalid input run on all.
ModelFit fitByName(const QString &model, std::span<const double> y)
{
    if (model == "SES")
        return fitSes(y);
    if (model == "Holt")
        return fitHolt(y);
    if (model == "Holt damped")
        return fitHolt(y, true);
    if (model == "HW additive")
        return fitHoltWinters(y, 2, Season::Additive);
    if (model == "HW additive damped")
        return fitHoltWinters(y, 2, Season::Additive, true);
    if (model == "HW multiplicative")
        return fitHoltWinters(y, 2, Season::Multiplicative);
    if (model == "Croston")
        return fitCroston(y);
    if (model == "SBA")
        return fitSba(y);
    if (model == "TSB")
        return fitTsb(y);
    if (model == "ADIDA")
        return fitAdida(y);
    if (model == "IMAPA")
        return fitImapa(y);
    if (model == "Naive")
        return fitNaive(y);
    if (model == "Seasonal naive")
        return fitSeasonalNaive(y, 2);
    qFatal("unknown model");
}

const QStringList kAllModels = {"SES", "Holt",  "Holt damped", "HW additive", "HW additive damped", "HW multiplicative", "Croston", "SBA",
                                "TSB", "ADIDA", "IMAPA",       "Naive",       "Seasonal naive"};

QString thrownMessage(const std::function<void()> &f)
{
    try {
        f();
    } catch (const std::invalid_argument &e) {
        return QString::fromStdString(e.what());
    }
    return {};
}

} // namespace

Q_DECLARE_METATYPE(Series)

class TestForecasting : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void sesFixedAlpha()
    {
        // y = [10,12,11,13], alpha = 0.5. The initial level l0 minimises the
        // SSE: fitted values are linear in it, yhat_t = z_t + l0 (1-alpha)^t,
        // where z runs the recursion from 0: z = [0, 5, 8.5, 9.75].
        //   l0 = sum (y_t - z_t)(1/2)^t / sum (1/4)^t
        //      = (10 + 7/2 + 5/8 + 13/32) / (85/64) = 186/17
        //  t0: fit 186/17, e -16/17 -> l 178/17
        //  t1: fit 178/17, e 26/17  -> l 191/17
        //  t2: fit 191/17, e -4/17  -> l 189/17
        //  t3: fit 189/17, e 32/17  -> l 205/17
        // Forecast flat at 205/17; SSE = (256 + 676 + 16 + 1024) / 289 = 116/17.
        const Series y{10, 12, 11, 13};
        const ModelFit fit = fitSes(y, 0.5);
        compareSeries(fit.fitted, {186.0 / 17, 178.0 / 17, 191.0 / 17, 189.0 / 17});
        compareSeries(fit.residuals, {-16.0 / 17, 26.0 / 17, -4.0 / 17, 32.0 / 17});
        QVERIFY(near(fit.sse, 116.0 / 17));
        QVERIFY(near(fit.state.front(), 205.0 / 17));
        QCOMPARE(QString::fromStdString(fit.name), QStringLiteral("SES(alpha=0.5)"));
        compareMean(forecast(fit, 3), {205.0 / 17, 205.0 / 17, 205.0 / 17});
    }

    void holtFixedAlphaBeta()
    {
        // y = [10,12,11,13], alpha = beta = 0.5 (beta* = alpha*beta = 0.25).
        // (l0, b0) minimise the SSE; the fitted values are z + l0 u + b0 w with
        // z the recursion from (0, 0) on y, u and w from (1, 0) and (0, 1) on
        // zero data: z = [0, 7.5, 13.375, 15.21875], u = [1, 1/4, -3/16, -23/64],
        // w = [1, 5/4, 17/16, 45/64]. The 2 x 2 normal equations give
        // l0 = 9.52, b0 = 0.8:
        //  t0: fit 10.32, e -0.32 -> l 10.16, b 0.72
        //  t1: fit 10.88, e  1.12 -> l 11.44, b 1.00
        //  t2: fit 12.44, e -1.44 -> l 11.72, b 0.64
        //  t3: fit 12.36, e  0.64 -> l 12.68, b 0.80
        // Forecast l + h b: 13.48, 14.28.
        const Series y{10, 12, 11, 13};
        const ModelFit fit = fitHolt(y, false, EtsParams{0.5, 0.5, {}, {}});
        compareSeries(fit.fitted, {10.32, 10.88, 12.44, 12.36});
        compareSeries(fit.state, {12.68, 0.8});
        compareMean(forecast(fit, 2), {13.48, 14.28});
    }

    void holtDampedShrinksIncrements()
    {
        // With phi fixed, each forecast step adds phi times the previous step.
        const Series y{10, 12, 13, 15, 16, 18, 19, 21};
        const ModelFit fit = fitHolt(y, true, EtsParams{0.5, 0.3, {}, 0.9});
        const Forecast f = forecast(fit, 4);
        const double trend = fit.state[1];
        QVERIFY(trend > 0);
        QVERIFY(near(f.mean[0] - fit.state[0], 0.9 * trend));
        for (int j = 1; j < 4; ++j)
            QVERIFY(near(f.mean[j] - f.mean[j - 1], std::pow(0.9, j + 1) * trend));
    }

    void holtWintersAdditiveByHand()
    {
        // y = [10,20 | 13,21], m = 2, alpha = beta = gamma = 0.5
        // (beta* = 0.25, gamma* = (1-alpha)gamma = 0.25).
        // The initial state (l0, b0, s0, s1 = -s0) minimises the SSE: the
        // fitted values are z + l0 u + b0 v + s0 w with z the recursion from
        // a zero state on y and u, v, w from unit states on zero data; the
        // 3 x 3 normal equations give l0 = 293/22, b0 = 12/11, s0 = -89/22.
        //  t0: fit 293/22 + 12/11 - 89/22 = 114/11, e -4/11
        //  ... fitted 114/11, 212/11, 139/11, 247/11; SSE = 32/11,
        // below the 4.0625 of the decomposition start (l0 13.5, b0 1, s0 -4.5).
        // Final state l 35/2, b 10/11, seasons (-89/22, 85/22) for the next
        // two periods; forecasts l + h b + s.
        const Series y{10, 20, 13, 21};
        const ModelFit fit = fitHoltWinters(y, 2, Season::Additive, false, EtsParams{0.5, 0.5, 0.5, {}});
        compareSeries(fit.fitted, {114.0 / 11, 212.0 / 11, 139.0 / 11, 247.0 / 11}, 1e-9);
        QVERIFY(near(fit.sse, 32.0 / 11));
        compareSeries(fit.state, {35.0 / 2, 10.0 / 11, -89.0 / 22, 85.0 / 22}, 1e-9);
        compareMean(forecast(fit, 4), {158.0 / 11, 255.0 / 11, 178.0 / 11, 25.0}, 1e-9);
    }

    void holtWintersRecoversSeason_data()
    {
        QTest::addColumn<int>("season");
        QTest::addColumn<Series>("history");
        QTest::addColumn<Series>("next");
        // 100 + 2t + [20,-10,0,-10]: init is exact, so any parameters give SSE 0.
        Series add, addNext, mul, mulNext;
        const double sa[] = {20, -10, 0, -10}, sm[] = {1.2, 0.9, 1.0, 0.9};
        for (int t = 0; t < 20; ++t) {
            (t < 16 ? add : addNext).push_back(100 + 2 * t + sa[t % 4]);
            (t < 16 ? mul : mulNext).push_back(100 * sm[t % 4]);
        }
        QTest::newRow("additive with trend") << int(Season::Additive) << add << addNext;
        QTest::newRow("multiplicative") << int(Season::Multiplicative) << mul << mulNext;
    }
    void holtWintersRecoversSeason()
    {
        QFETCH(int, season);
        QFETCH(Series, history);
        QFETCH(Series, next);
        const ModelFit fit = fitHoltWinters(history, 4, Season(season));
        QVERIFY(fit.sse < 1e-12);
        compareMean(forecast(fit, 4), next, 1e-9);
    }

    void crostonByHand_data()
    {
        QTest::addColumn<double>("alpha");
        QTest::addColumn<double>("size");
        QTest::addColumn<double>("interval");
        // y = [0,3,0,0,5,0]: demands 3 (period 1) and 5 (period 4).
        // Start: size 3, interval 1+1 = 2. At period 4: interval since last = 3.
        //  alpha 0.5: size 3 + 0.5*(5-3) = 4,   interval 2 + 0.5*(3-2) = 2.5 -> 1.6
        //  alpha 0.1: size 3 + 0.1*2    = 3.2, interval 2 + 0.1*1     = 2.1 -> 1.5238...
        QTest::newRow("alpha 0.5") << 0.5 << 4.0 << 2.5;
        QTest::newRow("alpha 0.1") << 0.1 << 3.2 << 2.1;
    }
    void crostonByHand()
    {
        QFETCH(double, alpha);
        QFETCH(double, size);
        QFETCH(double, interval);
        const Series y{0, 3, 0, 0, 5, 0};
        const ModelFit fit = fitCroston(y, alpha);
        compareSeries(fit.state, {size, interval});
        compareMean(forecast(fit, 2), {size / interval, size / interval});
        // Fitted: 3/2 = 1.5 until the update at period 4, then the new ratio.
        compareSeries(fit.fitted, {1.5, 1.5, 1.5, 1.5, 1.5, size / interval});
    }

    void sbaIsScaledCroston_data()
    {
        QTest::addColumn<Series>("history");
        QTest::addColumn<double>("alpha");
        QTest::newRow("hand series") << Series{0, 3, 0, 0, 5, 0} << 0.1;
        QTest::newRow("lumpy") << Series{0, 0, 12, 0, 1, 0, 0, 0, 30, 0, 2} << 0.25;
        QTest::newRow("smooth") << Series{4, 5, 6, 5, 4} << 0.7;
    }
    void sbaIsScaledCroston()
    {
        QFETCH(Series, history);
        QFETCH(double, alpha);
        const ModelFit c = fitCroston(history, alpha), s = fitSba(history, alpha);
        const double factor = 1.0 - alpha / 2.0;
        const Forecast fc = forecast(c, 3), fs = forecast(s, 3);
        for (int j = 0; j < 3; ++j)
            QCOMPARE(fs.mean[j], factor * fc.mean[j]); // bit-exact: same operations
        for (std::size_t t = 0; t < history.size(); ++t)
            QCOMPARE(s.fitted[t], factor * c.fitted[t]);
    }

    void tsbByHand()
    {
        // y = [0,3,0,0,5,0], alphaDemand = alphaSize = 0.5; prob0 = [y0 > 0] = 0,
        // size0 = first demand = 3. Fitted = prob*size before each update.
        //  t0: fit 0,     prob 0
        //  t1: fit 0,     prob 0.5,    size 3 (demand 3 = size)
        //  t2: fit 1.5,   prob 0.25
        //  t3: fit 0.75,  prob 0.125
        //  t4: fit 0.375, prob 0.5625, size 3 + 0.5*2 = 4
        //  t5: fit 2.25,  prob 0.28125
        // Forecast 0.28125 * 4 = 1.125.
        const Series y{0, 3, 0, 0, 5, 0};
        const ModelFit fit = fitTsb(y, 0.5, 0.5);
        compareSeries(fit.fitted, {0, 0, 1.5, 0.75, 0.375, 2.25});
        compareSeries(fit.state, {0.28125, 4});
        compareMean(forecast(fit, 1), {1.125});
    }

    void tsbWithoutZerosIsSes_data()
    {
        QTest::addColumn<double>("alpha");
        QTest::newRow("0.1") << 0.1;
        QTest::newRow("0.3") << 0.3;
        QTest::newRow("0.8") << 0.8;
    }
    void tsbWithoutZerosIsSes()
    {
        // Demand every period keeps the probability at exactly 1, leaving SES
        // on the sizes. TSB starts its size at the first demand, SES at the
        // SSE-optimal level; started alike (l0 = y[0], the recursion's output
        // from period 1 on), they give the same fitted values and forecasts.
        QFETCH(double, alpha);
        const Series y{7, 3, 9, 4, 6, 8, 2, 5};
        const ModelFit tsb = fitTsb(y, 0.2, alpha);
        std::vector<double> ses{y[0]};
        for (std::size_t t = 1; t < y.size(); ++t)
            ses.push_back(ses.back() + alpha * (y[t - 1] - ses.back()));
        compareSeries(tsb.fitted, ses);
        const double next = ses.back() + alpha * (y.back() - ses.back());
        compareMean(forecast(tsb, 2), {next, next});
    }

    void adidaByHand()
    {
        // y = [0,3,0,0,5,0]: intervals 2 and 3, mean 2.5 -> k = 3 (round half
        // away from zero). Buckets [0,3,0] = 3 and [0,5,0] = 5; SES alpha 0.5
        // from l0 = 3: level 3 + 0.5*(5-3) = 4 per bucket -> 4/3 per period.
        const Series y{0, 3, 0, 0, 5, 0};
        const ModelFit fit = fitAdida(y, 0.5);
        QCOMPARE(QString::fromStdString(fit.name), QStringLiteral("ADIDA(k=3,alpha=0.5)"));
        compareMean(forecast(fit, 2), {4.0 / 3, 4.0 / 3});
        compareSeries(fit.fitted, {1, 1, 1, 1, 1, 1});
    }

    void imapaLevels()
    {
        // K = 3 as in ADIDA (one alpha per level 1..3); a constant demand gives
        // the same per-period rate at every level, so their average is it.
        const Series y{0, 3, 0, 0, 5, 0};
        const ModelFit fit = fitImapa(y);
        QCOMPARE(QString::fromStdString(fit.name), QStringLiteral("IMAPA(k=1..3)"));
        QCOMPARE(fit.params.size(), std::size_t(3));
        const Series constant(12, 2.0);
        compareMean(forecast(fitImapa(constant), 2), {2, 2});
    }

    void naiveAndSeasonalNaive()
    {
        const Series y{1, 2, 3, 4, 5};
        const ModelFit naive = fitNaive(y);
        compareMean(forecast(naive, 3), {5, 5, 5});
        compareSeries(naive.fitted, {1, 1, 2, 3, 4});
        // m = 2: the last season is [4,5], repeated.
        const ModelFit snaive = fitSeasonalNaive(y, 2);
        compareMean(forecast(snaive, 3), {4, 5, 4});
        compareSeries(snaive.fitted, {1, 2, 1, 2, 3});
        compareSeries(snaive.residuals, {0, 0, 2, 2, 2});
    }

    void optimisedSesOnNoisyConstant()
    {
        // Deterministic "noise" around 50: the best alpha is small and the
        // forecast stays near the mean rather than chasing the last value.
        Series y;
        double sum = 0;
        for (int t = 0; t < 60; ++t) {
            y.push_back(50 + 5 * std::sin(2.3 * t) + 3 * std::cos(7.1 * t));
            sum += y.back();
        }
        const ModelFit fit = fitSes(y);
        const double mean = sum / 60;
        QVERIFY2(fit.params[0] < 0.3, fit.name.c_str());
        QVERIFY2(std::abs(forecast(fit, 1).mean[0] - mean) < 1.5, fit.name.c_str());
        // Optimised SSE is no worse than any grid alpha.
        for (double a = 0.05; a < 1.0; a += 0.05)
            QVERIFY(fit.sse <= fitSes(y, a).sse + 1e-9);
    }

    void optimizerRespectsBounds()
    {
        // (x-2)^2 + (y+1)^2 on [0,1] x [-5,5]: minimum at the edge x = 1, y = -1.
        const auto f = [](const Eigen::VectorXd &x) { return (x[0] - 2) * (x[0] - 2) + (x[1] + 1) * (x[1] + 1); };
        const OptimResult r = minimizeBounded(f, Eigen::Vector2d(0.5, 0), Eigen::Vector2d(0, -5), Eigen::Vector2d(1, 5));
        QVERIFY(r.x[0] <= 1.0 && r.x[0] > 0.999);
        QVERIFY(std::abs(r.x[1] + 1) < 1e-4);
        const OptimResult again = minimizeBounded(f, Eigen::Vector2d(0.5, 0), Eigen::Vector2d(0, -5), Eigen::Vector2d(1, 5));
        QCOMPARE(again.x, r.x); // deterministic
    }

    void edgeCases_data()
    {
        QTest::addColumn<QString>("model");
        QTest::addColumn<Series>("history");
        QTest::addColumn<double>("expected"); // NaN: only finite and >= 0 is checked
        const double any = std::numeric_limits<double>::quiet_NaN();
        for (const QString &m : kAllModels) {
            const QByteArray tag = m.toUtf8();
            QTest::newRow((tag + " zeros").constData()) << m << Series(8, 0.0) << 0.0;
            QTest::newRow((tag + " one demand").constData()) << m << Series{0, 0, 0, 7, 0, 0, 0, 0} << any;
            // SBA deliberately forecasts below a constant demand.
            QTest::newRow((tag + " constant").constData()) << m << Series(8, 5.0) << (m == "SBA" ? any : 5.0);
            QTest::newRow((tag + " huge").constData()) << m << Series{1e12, 1.3e12, 0.9e12, 1.2e12, 1.1e12, 1.4e12, 1e12, 1.25e12} << any;
            if (!m.startsWith("HW") && m != "Seasonal naive")
                QTest::newRow((tag + " single value").constData()) << m << Series{4} << 4.0 * (m == "SBA" ? any : 1.0);
        }
    }
    void edgeCases()
    {
        QFETCH(QString, model);
        QFETCH(Series, history);
        QFETCH(double, expected);
        if (model == "HW multiplicative" && std::find(history.begin(), history.end(), 0.0) != history.end()) {
            // Refused clearly instead of dividing by a zero season.
            QVERIFY(thrownMessage([&] { fitByName(model, history); }).contains("multiplicative"));
            return;
        }
        const ModelFit fit = fitByName(model, history);
        const Forecast f = forecast(fit, 6);
        QCOMPARE(f.mean.size(), Eigen::Index(6));
        for (double v : f.mean) {
            QVERIFY2(std::isfinite(v) && v >= 0.0, qPrintable(QString::number(v)));
            if (!std::isnan(expected))
                QVERIFY2(near(v, expected), qPrintable(QStringLiteral("%1: %2").arg(QString::fromStdString(fit.name)).arg(v)));
        }
        for (double v : fit.fitted)
            QVERIFY(std::isfinite(v));
    }

    void fallingTrendClampedAtZero()
    {
        // An exact line 10, 8, ..., 2 (errors 0, l = 2, b = -2) projects 0, -2, -4; consumption
        // cannot be negative, so those periods forecast 0.
        const Series y{10, 8, 6, 4, 2};
        const ModelFit fit = fitHolt(y, false, EtsParams{0.5, 0.5, {}, {}});
        compareMean(forecast(fit, 3), {0, 0, 0});
        QVERIFY(fit.project(3)[2] < 0); // the raw projection, before the clamp
    }

    void invalidInputThrows_data()
    {
        QTest::addColumn<QString>("model");
        QTest::addColumn<Series>("history");
        QTest::addColumn<QString>("message");
        const double nan = std::numeric_limits<double>::quiet_NaN();
        const double inf = std::numeric_limits<double>::infinity();
        for (const QString &m : kAllModels) {
            const QByteArray tag = m.toUtf8();
            QTest::newRow((tag + " empty").constData()) << m << Series{} << "empty series";
            QTest::newRow((tag + " NaN").constData()) << m << Series{1, 2, nan, 4} << "period 2 is not a finite";
            QTest::newRow((tag + " inf").constData()) << m << Series{1, 2, 3, inf} << "period 3 is not a finite";
            QTest::newRow((tag + " negative").constData()) << m << Series{1, -2, 3, 4} << "negative consumption -2 at period 1";
        }
        QTest::newRow("HW one season") << "HW additive" << Series{1, 2, 3} << "two full seasons";
        QTest::newRow("seasonal naive short") << "Seasonal naive" << Series{1} << "one full season";
    }
    void invalidInputThrows()
    {
        QFETCH(QString, model);
        QFETCH(Series, history);
        QFETCH(QString, message);
        const QString what = thrownMessage([&] { fitByName(model, history); });
        QVERIFY2(what.contains(message), qPrintable(what));
    }

    void invalidParametersThrow()
    {
        const Series y{1, 2, 3, 4};
        QVERIFY(thrownMessage([&] { fitSes(y, 1.5); }).contains("alpha"));
        QVERIFY(thrownMessage([&] { fitHolt(y, true, EtsParams{{}, {}, {}, 0.5}); }).contains("phi"));
        QVERIFY(thrownMessage([&] { fitCroston(y, 0.0); }).contains("alpha"));
        QVERIFY(thrownMessage([&] { forecast(fitNaive(y), -1); }).contains("horizon"));
    }
};

QTEST_GUILESS_MAIN(TestForecasting)
#include "tst_forecasting.moc"
