// SPDX-License-Identifier: GPL-3.0-or-later
// Which model forecasts a series, and the one-series forecast that every
// entry point runs (forecastSeries, the hold-out, the lead-time total).
// choose() fits the forced method as is, or applies the rule of select.h
// (Method::Auto): Syntetos-Boylan class, then, when period > 1, a seasonal
// decomposition of smooth demand (or of any demand with 8+ seasons), the
// series divided by its index; smooth: SES or damped Holt by the smaller
//   AICc = n log(SSE/n) + 2k + 2k(k+1)/(n-k-1),  k = ModelFit::nParams
// (ties keep SES); intermittent / lumpy: SBA, Croston, TSB, ADIDA, IMAPA
// fitted without the last min(h, n/4) periods and scored by the mean
// absolute error on them (ties, or too short a history: SBA); erratic: the
// winners of both refitted at the rolling origins n - h and n - 2h, the
// smaller mean absolute error wins (ETS if too short). run() then forecasts,
// builds the interval (intervals.cpp) and multiplies the seasonal index
// back, its own standard error added in quadrature to each side. Values in
// the series' unit, horizons in periods.
#include "forecasting/select_detail.h"

#include "forecasting/croston.h"
#include "forecasting/demandclass.h"
#include "forecasting/ets.h"
#include "forecasting/forecast.h"
#include "forecasting/naive.h"
#include "forecasting/seasonal.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdlib>
#include <limits>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace reappro::forecasting::detail {

namespace {

// Non-smooth demand is searched for seasonality only with this many seasons
// of history (e.g. days of the week over two months, not weeks of the year
// over three years).
constexpr std::size_t kSeasonsForNoisyDemand = 8;

// Rolling origins of the cross-family comparison for erratic demand.
constexpr int kCrossFamilyOrigins = 2;

Fitted fitMethod(Method method, std::span<const double> y, int period)
{
    switch (method) {
    case Method::Ses: return {fitSes(y), Family::Ets};
    case Method::Theta: return {fitTheta(y), Family::Ets};
    case Method::Holt: return {fitHolt(y, false), Family::Ets, Trend::Additive};
    case Method::HoltDamped: return {fitHolt(y, true), Family::Ets, Trend::Damped};
    case Method::HwAdd: return {fitHoltWinters(y, period, Season::Additive), Family::Ets, Trend::Additive, true, period};
    case Method::HwMul: return {fitHoltWinters(y, period, Season::Multiplicative), Family::Ets, Trend::Additive, true, period};
    case Method::Croston: return {fitCroston(y), Family::Intermittent};
    case Method::Sba: return {fitSba(y), Family::Intermittent};
    case Method::Tsb: return {fitTsb(y), Family::Intermittent};
    case Method::Adida: return {fitAdida(y), Family::Intermittent};
    case Method::Imapa: return {fitImapa(y), Family::Intermittent};
    case Method::Naive: return {fitNaive(y), Family::Naive};
    case Method::SNaive: return {fitSeasonalNaive(y, period), Family::SeasonalNaive, Trend::None, false, period};
    case Method::Auto: break;
    }
    throw std::logic_error("fitMethod: Auto is not a model");
}

double aicc(const ModelFit &fit, std::size_t n)
{
    const double k = fit.nParams, nn = double(n);
    if (nn - k - 1.0 <= 0.0)
        return std::numeric_limits<double>::infinity();
    // Floor: a constant series fits exactly; log(0) would make every
    // candidate -inf and the comparison meaningless.
    const double mse = std::max(fit.sse / nn, 1e-12);
    return nn * std::log(mse) + 2.0 * k + 2.0 * k * (k + 1.0) / (nn - k - 1.0);
}

// Seasonality is handled before (by decomposition), so the candidates are
// the non-seasonal ETS models.
Fitted selectSmooth(std::span<const double> y, Method *chosen = nullptr)
{
    const std::size_t n = y.size();
    std::optional<Fitted> best;
    double bestScore = std::numeric_limits<double>::infinity();
    for (Method m : {Method::Ses, Method::HoltDamped}) {
        Fitted f = fitMethod(m, y, 1);
        const double score = aicc(f.fit, n);
        if (score < bestScore) {
            bestScore = score;
            best = std::move(f);
            if (chosen)
                *chosen = m;
        }
    }
    if (best)
        return std::move(*best);
    if (chosen)
        *chosen = Method::Ses; // too short for any AICc: the simplest model
    return fitMethod(Method::Ses, y, 1);
}

Fitted selectIntermittent(std::span<const double> y, int horizon, Method *chosen = nullptr)
{
    if (chosen)
        *chosen = Method::Sba;
    const std::size_t n = y.size();
    const std::size_t hold = std::min<std::size_t>(std::size_t(std::max(horizon, 1)), n / 4);
    const auto train = y.first(n - hold);
    if (hold < 1 || std::none_of(train.begin(), train.end(), [](double v) { return v > 0.0; }))
        return fitMethod(Method::Sba, y, 1);

    constexpr std::array<Method, 5> candidates{Method::Sba, Method::Croston, Method::Tsb, Method::Adida, Method::Imapa};
    Method best = Method::Sba;
    double bestMae = std::numeric_limits<double>::infinity();
    for (Method m : candidates) {
        try {
            const Fitted f = fitMethod(m, train, 1);
            const Eigen::VectorXd fc = forecast(f.fit, int(hold)).mean;
            double mae = 0.0;
            for (std::size_t i = 0; i < hold; ++i)
                mae += std::abs(y[n - hold + i] - fc[Eigen::Index(i)]);
            if (mae < bestMae) {
                bestMae = mae;
                best = m;
            }
        } catch (const std::invalid_argument &) {
        }
    }
    if (chosen)
        *chosen = best;
    return fitMethod(best, y, 1);
}

// Mean absolute error of `method` refitted at `origins` rolling origins
// (n - h, n - 2h, ...) and forecasting the h periods after each; +infinity
// when the history is too short for them.
double rollingOriginMae(Method method, std::span<const double> y, int horizon, int origins)
{
    const std::size_t h = std::size_t(std::max(horizon, 1));
    if (y.size() < h * std::size_t(origins) + 2 * h)
        return std::numeric_limits<double>::infinity();
    double total = 0.0;
    for (int k = 1; k <= origins; ++k) {
        const std::size_t o = y.size() - h * std::size_t(k);
        try {
            const Eigen::VectorXd fc = forecast(fitMethod(method, y.first(o), 1).fit, int(h)).mean;
            for (std::size_t i = 0; i < h; ++i)
                total += std::abs(y[o + i] - fc[Eigen::Index(i)]);
        } catch (const std::invalid_argument &) {
            return std::numeric_limits<double>::infinity();
        }
    }
    return total / double(h * std::size_t(origins));
}

// Named parameters from the model name ("Holt damped(alpha=0.2,beta=0.1,
// phi=0.9)") with the exact values of ModelFit::params when they line up
// (the name rounds to 4 digits); the period "m" of a name is not estimated.
std::vector<std::pair<std::string, double>> parametersOf(const Selection &sel)
{
    std::vector<std::pair<std::string, double>> out;
    const std::string &name = sel.fitted.fit.name;
    const auto open = name.find('('), close = name.rfind(')');
    if (open != std::string::npos && close != std::string::npos && close > open) {
        std::string_view rest(name.data() + open + 1, close - open - 1);
        while (!rest.empty()) {
            const auto comma = rest.find(',');
            const std::string_view item = rest.substr(0, comma);
            const auto eq = item.find('=');
            if (eq != std::string_view::npos && item.substr(0, eq) != "m")
                out.emplace_back(std::string(item.substr(0, eq)), std::strtod(std::string(item.substr(eq + 1)).c_str(), nullptr));
            rest = comma == std::string_view::npos ? std::string_view() : rest.substr(comma + 1);
        }
    }
    const auto &exact = sel.fitted.fit.params;
    if (exact.size() == out.size())
        for (std::size_t i = 0; i < out.size(); ++i)
            out[i].second = exact[i];
    if (sel.season.seasonal()) {
        out.emplace_back("seasonal_harmonics", double(sel.season.harmonics));
        out.emplace_back("seasonal_shrinkage", sel.season.strength);
    }
    return out;
}

} // namespace

Selection choose(std::span<const double> y, const SeriesSpec &spec, int horizon, Method method, const DemandProfile &profile)
{
    Selection sel;
    sel.adjusted.assign(y.begin(), y.end());
    if (method != Method::Auto) {
        sel.fitted = fitMethod(method, y, spec.period);
        return sel;
    }
    // A few years of noisy demand cannot tell one big order from a seasonal
    // peak: seasonality is looked for in smooth demand, or in any demand once
    // the history holds many seasons (days of the week).
    const bool smooth = profile.demandClass == DemandClass::Smooth;
    if (spec.period > 1 && (smooth || y.size() >= kSeasonsForNoisyDemand * std::size_t(spec.period)))
        sel.season = estimateSeasonality(y, spec.period);
    if (sel.season.seasonal())
        for (std::size_t t = 0; t < sel.adjusted.size(); ++t)
            sel.adjusted[t] /= sel.season.at(t);
    const bool intermittent = profile.demandClass == DemandClass::Intermittent || profile.demandClass == DemandClass::Lumpy;
    if (profile.demandClass == DemandClass::Erratic) {
        // Between the families: variable sizes of frequent orders suit either
        // ETS or the Croston family; two rolling origins decide.
        Method ets = Method::Ses, croston = Method::Sba;
        Fitted a = selectSmooth(sel.adjusted, &ets), b = selectIntermittent(sel.adjusted, horizon, &croston);
        const bool crostonWins = rollingOriginMae(croston, sel.adjusted, horizon, kCrossFamilyOrigins)
                                 < rollingOriginMae(ets, sel.adjusted, horizon, kCrossFamilyOrigins);
        sel.fitted = crostonWins ? std::move(b) : std::move(a);
        return sel;
    }
    sel.fitted = intermittent ? selectIntermittent(sel.adjusted, horizon) : selectSmooth(sel.adjusted);
    return sel;
}

void checkArguments(std::span<const double> y, const SeriesSpec &spec, int horizon)
{
    if (horizon < 0)
        throw std::invalid_argument("horizon must be >= 0, got " + std::to_string(horizon));
    if (spec.period < 1)
        throw std::invalid_argument("period must be >= 1, got " + std::to_string(spec.period));
    validateSeries(y, "forecast");
}

std::string describe(const Selection &sel)
{
    std::string model = sel.fitted.fit.name;
    if (sel.season.seasonal())
        model += " x seasonal(m=" + std::to_string(sel.season.period) + ",K=" + std::to_string(sel.season.harmonics) + ")";
    return model;
}

ForecastResult run(std::span<const double> y, const SeriesSpec &spec, int horizon, Method method, double level)
{
    ForecastResult r;
    if (!(level > 0.0 && level < 1.0))
        throw std::invalid_argument("interval level must be in (0, 1), got " + std::to_string(level));
    checkArguments(y, spec, horizon);
    r.profile = classifyDemand(y);

    const bool allZero = std::none_of(y.begin(), y.end(), [](double v) { return v > 0.0; });
    if (method == Method::Auto && allZero) {
        r.model = "Zero";
        r.mean = r.lower = r.upper = Eigen::VectorXd::Zero(horizon);
        return r;
    }

    Selection sel = choose(y, spec, horizon, method, r.profile);
    const Fitted &f = sel.fitted;
    const SeasonalIndex &season = sel.season;
    const std::vector<double> &adjusted = sel.adjusted;

    r.model = describe(sel);
    r.parameters = parametersOf(sel);
    r.mean = forecast(f.fit, horizon).mean;
    r.lower.resize(horizon);
    r.upper.resize(horizon);
    if (f.family == Family::Intermittent)
        empiricalInterval(adjusted, level, r.profile.demandClass == DemandClass::Erratic, r);
    else
        parametricInterval(f, adjusted, season.coefficients(), horizon, level, r);
    if (season.seasonal()) {
        const double z = normalQuantile(0.5 + level / 2.0);
        for (Eigen::Index j = 0; j < horizon; ++j) {
            const std::size_t t = y.size() + std::size_t(j);
            const double s = season.at(t);
            // The index is an estimate too: its error, times the level, adds
            // in quadrature to each side.
            const double extra = z * r.mean[j] * season.errorAt(t);
            const double lo = std::hypot(s * (r.mean[j] - r.lower[j]), extra);
            const double hi = std::hypot(s * (r.upper[j] - r.mean[j]), extra);
            r.mean[j] *= s;
            r.lower[j] = std::max(0.0, r.mean[j] - lo);
            r.upper[j] = r.mean[j] + hi;
        }
    }
    // The point forecast was clamped at 0 separately; keep it inside its interval.
    r.lower = r.lower.cwiseMin(r.mean).cwiseMax(0.0);
    r.upper = r.upper.cwiseMax(r.mean);
    return r;
}

} // namespace reappro::forecasting::detail
