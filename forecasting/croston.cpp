// SPDX-License-Identifier: GPL-3.0-or-later
// Croston family and temporal aggregation (ADIDA, IMAPA); see croston.h.
#include "forecasting/croston.h"

#include "forecasting/optimizer.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

namespace reappro::forecasting {

namespace {

std::string fmt(double v)
{
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.4g", v);
    return buf;
}

void checkAlpha(const std::optional<double> &a, const std::string &model)
{
    if (a && !(*a > 0.0 && *a <= 1.0))
        throw std::invalid_argument(model + ": alpha = " + fmt(*a) + " outside (0, 1]");
}

std::ptrdiff_t firstDemand(std::span<const double> y)
{
    for (std::size_t t = 0; t < y.size(); ++t)
        if (y[t] > 0.0)
            return std::ptrdiff_t(t);
    return -1;
}

// In-sample SSE for a given alpha, or the fitted alpha when it is fixed.
double chooseAlpha(const std::optional<double> &fixed, const std::function<double(double)> &sse)
{
    if (fixed)
        return *fixed;
    const Eigen::VectorXd x0 = Eigen::VectorXd::Constant(1, 0.1);
    const OptimResult r =
        minimizeBounded([&](const Eigen::VectorXd &x) { return sse(x[0]); }, x0, Eigen::VectorXd::Constant(1, kIntermittentAlphaMin),
                        Eigen::VectorXd::Constant(1, kIntermittentAlphaMax));
    return r.x[0];
}

struct CrostonRun {
    double size = 0.0, interval = 0.0;
    std::vector<double> fitted;
};

CrostonRun runCroston(std::span<const double> y, double alpha, double factor)
{
    CrostonRun r;
    r.fitted.assign(y.size(), 0.0);
    const std::ptrdiff_t f = firstDemand(y);
    if (f < 0)
        return r;
    r.size = y[std::size_t(f)];
    r.interval = double(f + 1);
    std::size_t last = std::size_t(f);
    for (std::size_t t = 0; t < y.size(); ++t) {
        r.fitted[t] = factor * (r.size / r.interval);
        if (std::ptrdiff_t(t) > f && y[t] > 0.0) {
            r.size += alpha * (y[t] - r.size);
            r.interval += alpha * (double(t - last) - r.interval);
            last = t;
        }
    }
    return r;
}

double sumSq(std::span<const double> y, const std::vector<double> &fitted)
{
    double s = 0.0;
    for (std::size_t t = 0; t < y.size(); ++t)
        s += (y[t] - fitted[t]) * (y[t] - fitted[t]);
    return s;
}

Eigen::VectorXd flat(double v, int h) { return Eigen::VectorXd::Constant(h, v); }

ModelFit fitCrostonLike(std::span<const double> y, std::optional<double> alphaFixed, bool sba)
{
    const std::string label = sba ? "SBA" : "Croston";
    validateSeries(y, label);
    checkAlpha(alphaFixed, label);
    auto factorOf = [sba](double a) { return sba ? 1.0 - a / 2.0 : 1.0; };
    const double alpha = chooseAlpha(alphaFixed, [&](double a) { return sumSq(y, runCroston(y, a, factorOf(a)).fitted); });
    CrostonRun r = runCroston(y, alpha, factorOf(alpha));
    ModelFit fit;
    fit.name = label + "(alpha=" + fmt(alpha) + ")";
    fit.params = {alpha};
    fit.nParams = (alphaFixed ? 0 : 1) + 2;
    setInSample(fit, y, std::move(r.fitted));
    fit.state = {r.size, r.interval};
    const double level = r.interval > 0.0 ? factorOf(alpha) * (r.size / r.interval) : 0.0;
    fit.project = [level](int h) { return flat(level, h); };
    return fit;
}

// SES with l0 = x[0], the building block of ADIDA. Returns the final level.
double runSes(const std::vector<double> &x, double alpha, std::vector<double> *fitted)
{
    double level = x[0];
    for (std::size_t t = 0; t < x.size(); ++t) {
        if (fitted)
            (*fitted)[t] = level;
        level += alpha * (x[t] - level);
    }
    return level;
}

int aggregationLevel(std::span<const double> y)
{
    const std::ptrdiff_t f = firstDemand(y);
    if (f < 0)
        return 1;
    std::size_t last = std::size_t(f), count = 1;
    double total = double(f + 1);
    for (std::size_t t = std::size_t(f) + 1; t < y.size(); ++t)
        if (y[t] > 0.0) {
            total += double(t - last);
            last = t;
            ++count;
        }
    return std::max(1, int(std::lround(total / double(count))));
}

struct AdidaRun {
    double alpha = 0.0;
    double perPeriod = 0.0;     // forecast for each future period
    std::vector<double> fitted; // per period
};

AdidaRun runAdida(std::span<const double> y, int k, std::optional<double> alphaFixed)
{
    const std::size_t kk = std::size_t(k);
    const std::size_t buckets = y.size() / kk;
    const std::size_t start = y.size() - buckets * kk;
    std::vector<double> agg(buckets, 0.0);
    for (std::size_t t = start; t < y.size(); ++t)
        agg[(t - start) / kk] += y[t];
    AdidaRun r;
    r.alpha = chooseAlpha(alphaFixed, [&](double a) {
        std::vector<double> f(agg.size());
        runSes(agg, a, &f);
        double s = 0.0;
        for (std::size_t b = 0; b < agg.size(); ++b)
            s += (agg[b] - f[b]) * (agg[b] - f[b]);
        return s;
    });
    std::vector<double> aggFitted(agg.size());
    r.perPeriod = runSes(agg, r.alpha, &aggFitted) / double(k);
    r.fitted.resize(y.size());
    for (std::size_t t = 0; t < y.size(); ++t)
        r.fitted[t] = aggFitted[t < start ? 0 : (t - start) / kk] / double(k);
    return r;
}

} // namespace

ModelFit fitCroston(std::span<const double> y, std::optional<double> alpha) { return fitCrostonLike(y, alpha, false); }

ModelFit fitSba(std::span<const double> y, std::optional<double> alpha) { return fitCrostonLike(y, alpha, true); }

ModelFit fitTsb(std::span<const double> y, std::optional<double> alphaDemand, std::optional<double> alphaSize)
{
    validateSeries(y, "TSB");
    checkAlpha(alphaDemand, "TSB");
    checkAlpha(alphaSize, "TSB");
    const std::ptrdiff_t f = firstDemand(y);
    const double size0 = f < 0 ? 0.0 : y[std::size_t(f)];
    const double prob0 = y[0] > 0.0 ? 1.0 : 0.0;
    struct Run {
        double prob, size;
        std::vector<double> fitted;
    };
    auto run = [&](double ad, double az) {
        Run r{prob0, size0, std::vector<double>(y.size())};
        for (std::size_t t = 0; t < y.size(); ++t) {
            r.fitted[t] = r.prob * r.size;
            const bool demand = y[t] > 0.0;
            r.prob += ad * ((demand ? 1.0 : 0.0) - r.prob);
            if (demand)
                r.size += az * (y[t] - r.size);
        }
        return r;
    };

    double ad = alphaDemand.value_or(0.1), az = alphaSize.value_or(0.1);
    if (!alphaDemand || !alphaSize) {
        const Eigen::Vector2d x0(ad, az);
        const Eigen::Vector2d lo(alphaDemand ? ad : kIntermittentAlphaMin, alphaSize ? az : kIntermittentAlphaMin);
        const Eigen::Vector2d hi(alphaDemand ? ad : kIntermittentAlphaMax, alphaSize ? az : kIntermittentAlphaMax);
        const OptimResult opt =
            minimizeBounded([&](const Eigen::VectorXd &x) { return sumSq(y, run(x[0], x[1]).fitted); }, x0, lo, hi, kSmoothingSearch);
        ad = opt.x[0];
        az = opt.x[1];
    }
    Run r = run(ad, az);
    ModelFit fit;
    fit.name = "TSB(alphaDemand=" + fmt(ad) + ",alphaSize=" + fmt(az) + ")";
    fit.params = {ad, az};
    fit.nParams = (alphaDemand ? 0 : 1) + (alphaSize ? 0 : 1) + 2;
    setInSample(fit, y, std::move(r.fitted));
    fit.state = {r.prob, r.size};
    fit.project = [level = r.prob * r.size](int h) { return flat(level, h); };
    return fit;
}

ModelFit fitAdida(std::span<const double> y, std::optional<double> alpha)
{
    validateSeries(y, "ADIDA");
    checkAlpha(alpha, "ADIDA");
    const int k = aggregationLevel(y);
    AdidaRun r = runAdida(y, k, alpha);
    ModelFit fit;
    fit.name = "ADIDA(k=" + std::to_string(k) + ",alpha=" + fmt(r.alpha) + ")";
    fit.params = {double(k), r.alpha};
    fit.nParams = (alpha ? 0 : 1) + 1;
    setInSample(fit, y, std::move(r.fitted));
    fit.state = {r.perPeriod};
    fit.project = [level = r.perPeriod](int h) { return flat(level, h); };
    return fit;
}

ModelFit fitImapa(std::span<const double> y)
{
    validateSeries(y, "IMAPA");
    const int levels = aggregationLevel(y);
    ModelFit fit;
    std::vector<double> fitted(y.size(), 0.0);
    double level = 0.0;
    for (int k = 1; k <= levels; ++k) {
        const AdidaRun r = runAdida(y, k, std::nullopt);
        fit.params.push_back(r.alpha);
        level += r.perPeriod / levels;
        for (std::size_t t = 0; t < y.size(); ++t)
            fitted[t] += r.fitted[t] / levels;
    }
    fit.name = "IMAPA(k=1.." + std::to_string(levels) + ")";
    fit.nParams = 2 * levels;
    setInSample(fit, y, std::move(fitted));
    fit.state = {level};
    fit.project = [level](int h) { return flat(level, h); };
    return fit;
}

} // namespace reappro::forecasting
