// SPDX-License-Identifier: GPL-3.0-or-later
// Prediction intervals of a fitted model (central `level` interval, lower
// bound clamped at 0; the rule in full in select.h) and the quantile
// helpers they need.
//  - ETS, naive, seasonal naive (parametricInterval): additive-error
//    state-space variance v_h = sigma^2 (1 + sum_{j<h} c_j^2), with c_j =
//    alpha + beta* (phi + ... + phi^j) + gamma* [j mod m == 0] (ETS), 1
//    (naive, a random walk) or [j mod m == 0] (seasonal naive) (Hyndman et
//    al. 2008, ch. 6); sigma^2 = SSE / (residuals after the warm-up - every
//    estimated quantity), Student t quantile with those degrees of freedom.
//    One-step deviations are the wider of t sigma and the empirical residual
//    quantiles (40+ residuals), scaled by sqrt(v_h / v_1), then widened to
//    the quantiles of the h-step errors inside the history (non-seasonal
//    ETS, 30+ origins).
//  - Croston family (empiricalInterval): empirical quantiles of the demand of
//    the last min(n, 104) periods, rescaled outwards by forecast / window
//    mean; for erratic demand the upper bound takes the split-conformal rank
//    ceil((n+1) p).
// When the lower bound reaches 0, the whole miss budget 1 - level goes to the
// upper tail. Values in the series' unit. Everything is deterministic.
#include "forecasting/select_detail.h"

#include "forecasting/ets.h"
#include "forecasting/forecast.h"

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <span>
#include <vector>

namespace reappro::forecasting {

namespace detail {

namespace {

// Student t quantile with nu degrees of freedom, by the Cornish-Fisher
// expansion around the normal one (Abramowitz & Stegun 26.7.5; error below
// 1e-3 for nu >= 5, and the residual degrees of freedom here are larger).
double studentQuantile(double p, double nu)
{
    const double z = normalQuantile(p), z2 = z * z;
    return z + z * (z2 + 1.0) / (4.0 * nu) + z * ((5.0 * z2 + 16.0) * z2 + 3.0) / (96.0 * nu * nu)
           + z * (((3.0 * z2 + 19.0) * z2 + 17.0) * z2 - 15.0) / (384.0 * nu * nu * nu);
}

// Split-conformal rank for an upper bound: the ceil((n+1)p)-th smallest of n
// values covers a new one with probability >= p (Vovk et al. 2005), where
// the plain empirical quantile falls short by up to 1/n.
double conformalUpper(const std::vector<double> &sorted, double p)
{
    const double k = std::ceil(p * double(sorted.size() + 1) - 1e-9);
    return sorted[std::size_t(std::clamp(k, 1.0, double(sorted.size()))) - 1];
}

} // namespace

// Inverse of the empirical CDF: demand is discrete (counts of boxes), and an
// interpolated bound such as 2.4 would silently exclude an observed 3.
double ecdfQuantile(const std::vector<double> &sorted, double p)
{
    const double k = std::ceil(p * double(sorted.size()) - 1e-9);
    const std::size_t i = std::size_t(std::clamp(k, 1.0, double(sorted.size()))) - 1;
    return sorted[i];
}

ResidualScale residualScale(const Fitted &f, std::size_t n, int extraParams)
{
    ResidualScale r;
    if (f.family == Family::SeasonalNaive || f.seasonal)
        r.warm = std::size_t(f.period);
    else if (f.family == Family::Ets && f.trend != Trend::None)
        r.warm = 10; // the initial line rests mostly on the first periods
    r.warm = std::min(r.warm, n / 2);
    r.sorted.assign(f.fit.residuals.begin() + std::ptrdiff_t(r.warm), f.fit.residuals.end());
    double ss = 0.0;
    for (double e : r.sorted)
        ss += e * e;
    // Every estimated quantity (smoothing parameters, initial states, seasonal
    // coefficients of a decomposition) makes the residuals smaller than the
    // errors of a forecast: divide by the residual degrees of freedom.
    r.dof = std::max(1.0, double(r.sorted.size()) - double(f.fit.nParams + extraParams));
    r.sigma = std::sqrt(ss / r.dof);
    std::sort(r.sorted.begin(), r.sorted.end());
    return r;
}

// psi[j-1] = c_j, j = 1..count: weight of a period's innovation in the error
// j periods later (additive-error state-space form; random walk for naive,
// one more season of error every m steps for seasonal naive).
std::vector<double> psiWeights(const Fitted &f, int count)
{
    double alpha = 1.0, betaStar = 0.0, phi = 1.0, gammaStar = 0.0;
    if (f.family == Family::Ets) {
        const auto &p = f.fit.params;
        alpha = p.at(0);
        if (f.trend != Trend::None)
            betaStar = alpha * p.at(1);
        if (f.trend == Trend::Damped)
            phi = p.at(2);
        if (f.seasonal)
            gammaStar = (1.0 - alpha) * p.back();
    }
    std::vector<double> psi(std::size_t(std::max(count, 0)));
    double phiSum = 0.0, phiPow = 1.0;
    for (int j = 1; j <= count; ++j) {
        double c = 0.0;
        if (f.family == Family::Ets) {
            phiPow *= phi;
            phiSum += phiPow;
            c = alpha + betaStar * phiSum + (f.seasonal && j % f.period == 0 ? gammaStar : 0.0);
        } else if (f.family == Family::Naive) {
            c = 1.0;
        } else {
            c = (j % f.period == 0) ? 1.0 : 0.0;
        }
        psi[std::size_t(j - 1)] = c;
    }
    return psi;
}

void parametricInterval(const Fitted &f, std::span<const double> y, int extraParams, int horizon, double level, ForecastResult &r)
{
    const ModelFit &fit = f.fit;
    const std::size_t n = y.size();
    const ResidualScale scale = residualScale(f, n, extraParams);
    const double tail = (1.0 - level) / 2.0;
    // In-sample errors are smaller than forecast errors by as much as the
    // fit used up: empirical quantiles get the same degrees-of-freedom
    // correction as sigma.
    const double inflate = std::sqrt(double(std::max<std::size_t>(scale.sorted.size(), 1)) / scale.dof);
    // The three probabilities used below, computed once (each costs a bisection).
    const double probs[3] = {tail, 1.0 - tail, level};
    const double quantiles[3] = {studentQuantile(probs[0], scale.dof), studentQuantile(probs[1], scale.dof),
                                 studentQuantile(probs[2], scale.dof)};
    // One-step deviation from the mean at probability p: Student t, widened
    // to the empirical residual quantile on skewed demand.
    auto oneStep = [&](double p) {
        const double t = quantiles[p == probs[0] ? 0 : p == probs[1] ? 1 : 2] * scale.sigma;
        if (scale.sorted.size() < 40)
            return t;
        const double e = inflate * interpolatedQuantile(scale.sorted, p);
        return p < 0.5 ? std::min(t, e) : std::max(t, e);
    };

    const std::vector<double> psi = psiWeights(f, horizon);
    const double phi = f.trend == Trend::Damped ? fit.params.at(2) : 1.0;
    double cumVar = 1.0, damp = 0.0, phiPow = 1.0;
    std::vector<double> errors;
    for (int h = 1; h <= horizon; ++h) {
        if (h > 1)
            cumVar += psi[std::size_t(h - 2)] * psi[std::size_t(h - 2)];
        phiPow *= phi;
        damp += phiPow;
        // Multi-step errors inside the history (forecast from every origin h
        // periods ahead): they carry what the one-step variance misses (level
        // shifts, trend changes); the interval is never narrower than either.
        errors.clear();
        if (!fit.levels.empty() && n > scale.warm + std::size_t(h) + 30) {
            for (std::size_t o = scale.warm - 1; o + std::size_t(h) < n; ++o)
                errors.push_back(y[o + std::size_t(h)] - (fit.levels[o] + damp * fit.trends[o]));
            std::sort(errors.begin(), errors.end());
        }
        auto deviation = [&](double p) {
            const double d = oneStep(p) * std::sqrt(cumVar);
            if (errors.empty())
                return d;
            const double e = inflate * interpolatedQuantile(errors, p);
            return p < 0.5 ? std::min(d, e) : std::max(d, e);
        };
        const Eigen::Index i = h - 1;
        const double lo = deviation(tail);
        // Demand cannot fall below 0: when the lower bound reaches it, the
        // lower tail is empty and the whole miss budget goes to the upper one.
        const double hi = r.mean[i] + lo <= 0.0 ? deviation(level) : deviation(1.0 - tail);
        r.lower[i] = std::max(0.0, r.mean[i] + lo);
        r.upper[i] = r.mean[i] + hi;
    }
}

// conformal: the upper bound takes the conformal rank. For erratic demand
// (many distinct sizes); the small counts of intermittent demand tie at the
// bound, which already covers at least `level`.
void empiricalInterval(std::span<const double> y, double level, bool conformal, ForecastResult &r)
{
    constexpr std::size_t kWindow = 104; // two years of weeks: recent, yet enough for a 2.5% tail
    const std::size_t n = y.size();
    auto window = y.last(std::min(n, kWindow));
    if (std::none_of(window.begin(), window.end(), [](double v) { return v > 0.0; }))
        window = y; // no recent demand: the older history is all we know about sizes
    std::vector<double> sorted(window.begin(), window.end());
    std::sort(sorted.begin(), sorted.end());
    double windowMean = 0.0;
    for (double v : sorted)
        windowMean += v;
    windowMean /= double(sorted.size());

    const double tail = (1.0 - level) / 2.0;
    const double lo = ecdfQuantile(sorted, tail);
    // Demand cannot go below 0: when 0 is already the lower bound, the lower
    // tail is empty and the whole miss budget belongs to the upper one.
    const double p = lo <= 0.0 ? level : 1.0 - tail;
    const double hi = conformal ? conformalUpper(sorted, p) : ecdfQuantile(sorted, p);
    for (Eigen::Index i = 0; i < r.mean.size(); ++i) {
        const double ratio = windowMean > 0.0 ? r.mean[i] / windowMean : 1.0;
        r.lower[i] = lo * std::min(ratio, 1.0);
        r.upper[i] = hi * std::max(ratio, 1.0);
    }
}

} // namespace detail

// Standard normal quantile by bisection on erfc: called a few times per
// series, so 100 halvings cost nothing and avoid a hand-copied rational approximation.
double normalQuantile(double p)
{
    double lo = -40.0, hi = 40.0;
    for (int i = 0; i < 100; ++i) {
        const double mid = 0.5 * (lo + hi);
        if (0.5 * std::erfc(-mid / std::sqrt(2.0)) < p)
            lo = mid;
        else
            hi = mid;
    }
    return 0.5 * (lo + hi);
}

double interpolatedQuantile(const std::vector<double> &sorted, double p)
{
    const double pos = p * double(sorted.size() - 1);
    const std::size_t i = std::size_t(std::floor(pos));
    if (i + 1 >= sorted.size())
        return sorted.back();
    return sorted[i] + (pos - double(i)) * (sorted[i + 1] - sorted[i]);
}

} // namespace reappro::forecasting
