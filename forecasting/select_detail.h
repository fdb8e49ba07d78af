// SPDX-License-Identifier: GPL-3.0-or-later
// Private to forecasting/: never include it from outside the folder. The
// pieces that the files implementing select.h share, kept in namespace
// detail so the public API stays what select.h declares:
//  - Fitted: a model fit tagged with how its interval is built (its Family,
//    trend, season), and Selection: that fit with the seasonal index the
//    series was divided by and the divided series (selection.cpp);
//  - run(): one series forecast with its interval, the body of
//    forecastSeries (batch.cpp) and of the hold-out (holdout.cpp);
//  - the residual scale, state-space weights and interval builders of
//    intervals.cpp, which the lead-time total (leadtimedemand.cpp) reuses.
// Units: the series' own (consumption per period); horizons in periods.
#pragma once

#include "forecasting/ets.h"
#include "forecasting/forecast.h"
#include "forecasting/seasonal.h"
#include "forecasting/select.h"

#include <cstddef>
#include <span>
#include <string>
#include <vector>

namespace reappro::forecasting::detail {

// How the interval of a fit is built; see select.h.
enum class Family { Ets, Naive, SeasonalNaive, Intermittent };

struct Fitted {
    ModelFit fit;
    Family family = Family::Ets;
    Trend trend = Trend::None;
    bool seasonal = false;
    int period = 1;
};

// --- selection.cpp ---

struct Selection {
    Fitted fitted;
    SeasonalIndex season;          // the decomposition index the model's series was divided by (flat: none)
    std::vector<double> adjusted;  // the series the model was fitted to (y / season)
};

// Throws std::invalid_argument for a negative horizon, a period < 1 or a
// series validateSeries rejects.
void checkArguments(std::span<const double> y, const SeriesSpec &spec, int horizon);

// The fitted model for `method`; under Method::Auto the rule of select.h.
Selection choose(std::span<const double> y, const SeriesSpec &spec, int horizon, Method method, const DemandProfile &profile);

// ForecastResult::model of a selection: the fit's name, plus
// " x seasonal(m=..,K=..)" when the series was deseasonalised.
std::string describe(const Selection &sel);

// forecastSeries without the holdout, throwing on bad arguments instead of
// filling ForecastResult::error.
ForecastResult run(std::span<const double> y, const SeriesSpec &spec, int horizon, Method method, double level);

// --- intervals.cpp ---

// Inverse of the empirical CDF of sorted, non-empty values.
double ecdfQuantile(const std::vector<double> &sorted, double p);

// One-step error scale of a fit, from its residuals after the warm-up.
struct ResidualScale {
    std::size_t warm = 1;       // leading residuals left out
    double sigma = 0.0, dof = 1.0;
    std::vector<double> sorted; // the residuals used, ascending
};

// n: length of the history; extraParams: quantities estimated besides the
// fit's own (the seasonal coefficients of a decomposition).
ResidualScale residualScale(const Fitted &f, std::size_t n, int extraParams);

// psi[j-1] = c_j, j = 1..count: weight of a period's innovation in the error
// j periods later.
std::vector<double> psiWeights(const Fitted &f, int count);

// Fill r.lower and r.upper (already sized to horizon, r.mean set) around
// r.mean: state-space variance (ETS, naive, seasonal naive) ...
void parametricInterval(const Fitted &f, std::span<const double> y, int extraParams, int horizon, double level, ForecastResult &r);
// ... or empirical quantiles of the recent demand (Croston family).
void empiricalInterval(std::span<const double> y, double level, bool conformal, ForecastResult &r);

// --- holdout.cpp ---

// Accuracy of the rule on the last `horizon` periods of y, forecast from the
// rest (ForecastResult::holdout); points == 0 when not computable.
Holdout holdout(std::span<const double> y, const SeriesSpec &spec, int horizon, Method method, double level);

} // namespace reappro::forecasting::detail
