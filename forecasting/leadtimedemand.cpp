// SPDX-License-Identifier: GPL-3.0-or-later
// Distribution of the total demand over a lead time plus review period
// (totalDemand, see select.h), what a reorder point or order-up-to level
// needs: the quantile of a sum, not the sum of per-period quantiles. Periods
// of the series, a fraction counting the last period partly (weight w).
//  - ETS and naive models: mean = sum_j w_j s_j forecast_j (s the seasonal
//    index), sd = sigma sqrt(sum_i (sqrt(w_i) s_i + sum_{j>i} w_j s_j
//    c_{j-i})^2), c the state-space weights of intervals.cpp; normal,
//    truncated at 0.
//  - Croston family, or dormant demand (dormantRun: kDormantPeriods or more
//    periods without demand, longer than every earlier gap): bootstrap of
//    occurrences (frequency p of the last min(n, 104) periods, 1 - (1-p)^w
//    for a part w, at most 1 / (run + 1) when dormant) and of the non-zero
//    sizes seen there, scaled up (never down) to the model's forecast,
//    except when dormant.
//    20,000 paths from the fixed seed 0x5EED5EED (mt19937_64): the same
//    history always gives the same quantiles.
#include "forecasting/select_detail.h"

#include "forecasting/demandclass.h"
#include "forecasting/forecast.h"

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <random>
#include <span>
#include <stdexcept>
#include <string>
#include <vector>

namespace reappro::forecasting {

using detail::checkArguments;
using detail::choose;
using detail::describe;
using detail::ecdfQuantile;
using detail::Family;
using detail::psiWeights;
using detail::ResidualScale;
using detail::residualScale;
using detail::Selection;

double TotalDemand::quantile(double p) const
{
    if (!error.empty() || !(p > 0.0 && p < 1.0))
        return 0.0;
    if (bootstrap)
        return samples.empty() ? 0.0 : ecdfQuantile(samples, p);
    return std::max(0.0, mean + normalQuantile(p) * sd);
}

double TotalDemand::probabilityAbove(double x) const
{
    if (!error.empty())
        return 0.0;
    if (bootstrap) {
        const auto above = samples.end() - std::upper_bound(samples.begin(), samples.end(), x);
        return samples.empty() ? 0.0 : double(above) / double(samples.size());
    }
    if (x < 0.0)
        return 1.0;
    if (sd <= 0.0)
        return mean > x ? 1.0 : 0.0;
    return 0.5 * std::erfc((x - mean) / (sd * std::sqrt(2.0)));
}

std::size_t dormantRun(std::span<const double> y)
{
    std::size_t end = y.size();
    while (end > 0 && !(y[end - 1] > 0.0))
        --end;
    const std::size_t run = y.size() - end;
    if (end == 0 || run < kDormantPeriods)
        return 0;
    std::size_t longest = 0, gap = 0;
    bool seen = false;
    for (std::size_t i = 0; i < end; ++i) {
        if (y[i] > 0.0) {
            if (seen)
                longest = std::max(longest, gap);
            seen = true;
            gap = 0;
        } else {
            ++gap;
        }
    }
    return run > longest ? run : 0;
}

TotalDemand totalDemand(std::span<const double> y, const SeriesSpec &spec, double periods, Method method)
{
    TotalDemand d;
    d.periods = periods;
    try {
        if (!(periods >= 0.0 && periods <= 1e5))
            throw std::invalid_argument("number of periods must be in [0, 100000], got " + std::to_string(periods));
        const int whole = int(std::ceil(periods));
        checkArguments(y, spec, whole);
        const DemandProfile profile = classifyDemand(y);
        if (whole == 0 || std::none_of(y.begin(), y.end(), [](double v) { return v > 0.0; })) {
            d.model = whole == 0 ? "" : "Zero";
            return d;
        }
        const Selection sel = choose(y, spec, whole, method, profile);
        d.model = describe(sel);
        const Eigen::VectorXd mean = forecast(sel.fitted.fit, whole).mean; // adjusted scale
        // Weight of each period (the last one possibly partial) and its season.
        std::vector<double> w(static_cast<std::size_t>(whole), 1.0), s(static_cast<std::size_t>(whole));
        w.back() = periods - double(whole - 1);
        for (std::size_t j = 0; j < w.size(); ++j) {
            s[j] = sel.season.at(y.size() + j);
            d.mean += w[j] * s[j] * mean[Eigen::Index(j)];
        }

        d.dormantPeriods = dormantRun(y);
        if (sel.fitted.family != Family::Intermittent && d.dormantPeriods == 0) {
            const ResidualScale scale = residualScale(sel.fitted, sel.adjusted.size(), sel.season.coefficients());
            const std::vector<double> psi = psiWeights(sel.fitted, whole);
            double var = 0.0;
            for (std::size_t i = 0; i < w.size(); ++i) {
                // A part w of a period carries a part w of its innovation's
                // variance (days within a period are not one shock), hence
                // sqrt(w); its effect on the later periods' level scales with
                // those periods' own weights.
                double c = std::sqrt(w[i]) * s[i];
                for (std::size_t j = i + 1; j < w.size(); ++j)
                    c += w[j] * s[j] * psi[j - i - 1];
                var += c * c;
            }
            d.sd = scale.sigma * std::sqrt(var);
            return d;
        }

        constexpr std::size_t kWindow = 104, kPaths = 20000;
        const auto window = std::span<const double>(sel.adjusted).last(std::min(sel.adjusted.size(), kWindow));
        std::vector<double> sizes;
        for (double v : window)
            if (v > 0.0)
                sizes.push_back(v);
        if (sizes.empty()) // no recent demand: the older history is all we know about sizes
            for (double v : sel.adjusted)
                if (v > 0.0)
                    sizes.push_back(v);
        double p = std::max(double(std::count_if(window.begin(), window.end(), [](double v) { return v > 0.0; })) / double(window.size()),
                            1.0 / double(window.size()));
        if (d.dormantPeriods > 0)
            p = std::min(p, 1.0 / double(d.dormantPeriods + 1));
        double sizeMean = 0.0;
        for (double v : sizes)
            sizeMean += v;
        sizeMean /= double(sizes.size());
        // Sizes are scaled so a period's expected demand is the model's
        // forecast, but only upwards: a forecast below the recent history
        // (SBA's debiasing, TSB's decay, a choice by absolute error) must not
        // shrink the stock that covers it below what was observed.
        std::vector<double> occur(w.size()), factor(w.size());
        d.mean = 0.0;
        for (std::size_t j = 0; j < w.size(); ++j) {
            occur[j] = 1.0 - std::pow(1.0 - p, w[j]);
            const double ratio = d.dormantPeriods > 0 ? 1.0 : std::max(mean[Eigen::Index(j)] / (p * sizeMean), 1.0);
            factor[j] = occur[j] > 0.0 ? w[j] * p / occur[j] * s[j] * ratio : 0.0;
            d.mean += occur[j] * factor[j] * sizeMean;
        }
        std::mt19937_64 rng(0x5EED5EEDull);
        d.bootstrap = true;
        d.samples.resize(kPaths);
        for (double &total : d.samples) {
            total = 0.0;
            for (std::size_t j = 0; j < w.size(); ++j) {
                // Top 53 bits as a uniform in [0, 1): the same on every platform.
                const double u = double(rng() >> 11) * 0x1.0p-53;
                if (u < occur[j])
                    total += factor[j] * sizes[std::size_t(rng() % sizes.size())];
            }
        }
        std::sort(d.samples.begin(), d.samples.end());
        double sum = 0.0, ss = 0.0;
        for (double v : d.samples)
            sum += v;
        for (double v : d.samples)
            ss += (v - sum / double(kPaths)) * (v - sum / double(kPaths));
        d.sd = std::sqrt(ss / double(kPaths - 1));
    } catch (const std::exception &e) {
        d = TotalDemand{};
        d.periods = periods;
        d.error = e.what();
    }
    return d;
}

} // namespace reappro::forecasting
