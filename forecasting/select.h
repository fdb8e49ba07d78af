// SPDX-License-Identifier: GPL-3.0-or-later
// Model selection, prediction intervals and batch forecasting: the single
// entry point the CLI and the application use to forecast a series.
//
// Selection rule (Method::Auto):
//  1. The history is classified (classifyDemand, Syntetos-Boylan).
//  2. No demand at all: forecast 0 with a [0, 0] interval, model "Zero".
//  3. Seasonality (period > 1) is estimated by decomposition
//     (estimateSeasonality, seasonal.h: harmonic regression on ratios to a
//     centred moving average, K by BIC, James-Stein shrinkage) for smooth
//     demand, and for other classes only when the history holds at least 8
//     seasons (days of the week, not weeks of a three-year history, where one
//     big order looks like a seasonal peak). The series is divided by the
//     index, forecast by the rule below, and the forecast multiplied back.
//     The model name then ends in " x seasonal(m=52,K=2)".
//  4. Smooth: SES or damped Holt on the (adjusted) series, the smaller AICc
//     wins (erratic: see 6):
//       AICc = n log(SSE/n) + 2k + 2k(k+1)/(n-k-1),  k = ModelFit::nParams,
//     with SSE/n floored so a constant series does not give log(0). Ties
//     keep SES. Holt-Winters stays available as a forced method: with one
//     state per week of the year it overfits three years of history.
//  5. Intermittent / lumpy: candidates SBA, Croston, TSB, ADIDA, IMAPA. Each
//     is fitted once on the history minus its last min(h, n/4) periods and
//     scored by the mean absolute error on those held-out periods; the winner
//     is refitted on the whole history. One split only, so it stays cheap.
//     Too short a history (holdout < 1 period, or no demand before the
//     holdout): SBA. Ties keep SBA, the least biased default.
//  6. Erratic (frequent orders of very variable size, between the two
//     families): the winners of 4 and 5 are refitted at two rolling origins
//     (n - h, n - 2h) and the smaller mean absolute error over the h periods
//     after each wins; ETS when the history is too short for them.
//
// Prediction intervals (central `level` interval, lower clamped at 0):
//  - ETS models: additive-error ETS closed-form variance (Hyndman et al.
//    2008, ch. 6): v_h = sigma^2 (1 + sum_{j<h} c_j^2), c_j = alpha
//    + beta* (phi + ... + phi^j) + gamma* [j mod m == 0]. Used for HW
//    multiplicative too, as an approximation. sigma^2 = SSE / (residuals -
//    every estimated quantity, seasonal coefficients included), and the
//    quantile is Student's t with those degrees of freedom. The one-step
//    deviations are the wider of t sigma and the empirical residual
//    quantiles (when there are >= 40 residuals), so skewed demand widens the
//    side it should; they are then scaled by sqrt(v_h / v_1), and widened
//    again, if needed, to the quantiles of the h-step errors made inside the
//    history from every origin (non-seasonal ETS, 30+ origins): those carry
//    level shifts and trend changes the one-step errors miss. With a
//    seasonal decomposition, each side is multiplied by the index and the
//    index's own standard error (times the forecast) is added in quadrature.
//  - Naive / seasonal naive: the same with v_h = sigma^2 h (random walk) and
//    sigma^2 (1 + floor((h-1)/m)) respectively.
//  - Croston family (flat forecasts of a zero-inflated demand, for which a
//    normal interval is meaningless): empirical quantiles of the demand of the
//    last min(n, 104) periods, the whole predictive distribution of one
//    period. When the lower quantile is 0 (zero mass >= the lower tail), the
//    whole miss budget goes to the upper tail. The bounds are rescaled by
//    forecast / window mean only outwards (lower by min(r, 1), upper by
//    max(r, 1)): a forecast above history widens the interval, one below it
//    (SBA's debiasing, TSB's decay) never narrows it past what was observed.
//    For erratic demand the upper bound takes the split-conformal rank
//    ceil((n+1) p) (many distinct sizes; the small counts of intermittent
//    demand tie at the bound and already cover at least the level).
//  Residuals of the warm-up periods (fitted from the initial states, which are
//  computed from those very periods) are left out of sigma and quantiles.
//  Everything is deterministic (totalDemand's bootstrap has a fixed seed).
//
// Where it is implemented: the list of methods in methods.cpp; the choice
// of a model and the one-series forecast in selection.cpp; intervals and
// quantiles in intervals.cpp; totalDemand and dormantRun in
// leadtimedemand.cpp; the holdout in holdout.cpp; forecastSeries and
// forecastBatch in batch.cpp; what they share in select_detail.h (private).
#pragma once

#include "forecasting/demandclass.h"
#include "forecasting/methods.h" // Method, methodFromName, methodName, methods()

#include <Eigen/Core>

#include <atomic>
#include <cstddef>
#include <functional>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace reappro::forecasting {

struct SeriesSpec {
    int period = 1;
    // Also score the method on this history: the last `horizon` periods are
    // held out, the same rule forecasts them from the rest (ForecastResult::holdout).
    bool holdout = false;
};

// Accuracy of the rule on the held-out end of the history, so a user can see
// how well it would have done. points == 0: not computed, or history too
// short (fewer than max(2 x horizon, 8) periods) to hold any out.
struct Holdout {
    int points = 0;
    double mae = 0.0;      // mean absolute error, in the series' unit
    double mase = 0.0;     // mae / in-sample MAE of the seasonal naive (lag = period, 1 if too short); NaN if that is 0
    double bias = 0.0;     // mean of forecast - actual (> 0: over-forecast)
    double coverage = 0.0; // share of held-out points inside the interval
};

struct ForecastResult {
    std::string model;                  // chosen model's ModelFit::name ("Zero" for an all-zero history under Auto)
    Eigen::VectorXd mean, lower, upper; // h values; lower <= mean <= upper, lower >= 0
    DemandProfile profile;              // Syntetos-Boylan class of the history
    std::vector<std::pair<std::string, double>> parameters; // estimated quantities, e.g. {"alpha", 0.12}
    Holdout holdout;                  // filled when SeriesSpec::holdout is set
    std::string error;                  // non-empty when the series could not be forecast (then mean etc. empty)
};

// Never throws for bad data, horizon, level or period: the reason goes to
// ForecastResult::error. horizon 0 gives empty vectors and no error.
// A forced method that cannot fit the series (e.g. hw-mul with zeros, hw-add
// without two seasons) is an error, not a silent fallback.
ForecastResult forecastSeries(std::span<const double> y, const SeriesSpec &spec, int horizon, Method method, double level = 0.95);

// Distribution of the TOTAL demand over the next `periods` periods (lead
// time plus review period, in periods of the series; a fraction counts the
// last period partly), what a reorder point or order-up-to level needs: the
// quantile of a sum, not the sum of per-period quantiles.
//  - smooth / erratic demand (ETS models): the sum of the point forecasts,
//    variance sigma^2 sum_i (sqrt(w_i) s_i + sum_{j>i} w_j s_j c_{j-i})^2 from the
//    state-space weights c (the innovations of the early periods move the
//    level of the later ones), s the seasonal indices and w the period
//    weights; normal quantiles (by the central limit theorem a sum of
//    several periods of smooth demand is close to normal), truncated at 0;
//  - intermittent / lumpy demand (Croston family): bootstrap of occurrences
//    and sizes. Each future period has demand with the observed frequency of
//    the last min(n, 104) periods (1 - (1-p)^w for a part w of a period),
//    of a size drawn from the non-zero demands observed there, scaled up
//    when the model forecasts more than that history (never down: a
//    debiased or decaying forecast must not cover less than was observed;
//    `mean` is then the history's). 20,000 paths from a fixed seed: the
//    same history always gives the same quantiles.
//  - dormant demand, whatever the model: when at least kDormantPeriods
//    periods, and more than every earlier gap between two demands, have
//    passed without demand, the use has most likely stopped (a reference replaced, a
//    protocol changed), and no model says so: Croston and SBA only update
//    on a demand, a level smoothed slowly keeps the old one for months.
//    The bootstrap above then draws a demand in a period with probability
//    at most 1 / (run + 1), as if one came right after the run, at the
//    sizes observed, not scaled to the model.
inline constexpr std::size_t kDormantPeriods = 13;

// The trailing run of periods without demand when it makes the demand
// dormant (above), else 0.
std::size_t dormantRun(std::span<const double> y);

struct TotalDemand {
    double periods = 0.0;
    double mean = 0.0;
    std::string model;            // as ForecastResult::model
    bool bootstrap = false;       // true: `samples`; false: normal(mean, sd) truncated at 0
    double sd = 0.0;
    std::vector<double> samples;  // sorted totals of the simulated paths
    std::string error;            // non-empty when the series could not be forecast
    std::size_t dormantPeriods = 0; // dormantRun() of the history: > 0, the demand is taken as stopped

    // p in (0, 1); 0 when there is an error.
    double quantile(double p) const;
    // P(total > x): the risk that a stock of x runs out; 0 when there is an error.
    double probabilityAbove(double x) const;
};

TotalDemand totalDemand(std::span<const double> y, const SeriesSpec &spec, double periods, Method method = Method::Auto);

// Standard normal quantile, p in (0, 1).
double normalQuantile(double p);

// Quantile p in [0, 1] of sorted, non-empty values, interpolated linearly
// between order statistics (for continuous quantities such as residuals).
double interpolatedQuantile(const std::vector<double> &sorted, double p);

// N series on `threads` worker threads (0 = hardware concurrency); results
// identical whatever the thread count. specs: one per series, or a single
// spec for all, or empty for the default (throws std::invalid_argument
// otherwise: a caller bug, not bad data). progress(done, total) may be empty;
// it is called under a lock (the callback needs no locking of its own) after
// each series, from worker threads. A set stop flag makes the series not yet
// started return error "cancelled".
std::vector<ForecastResult> forecastBatch(const std::vector<std::vector<double>> &series, const std::vector<SeriesSpec> &specs, int horizon,
                                          Method method, double level, int threads,
                                          const std::function<void(std::size_t, std::size_t)> &progress = {},
                                          const std::atomic<bool> *stop = nullptr);

} // namespace reappro::forecasting
