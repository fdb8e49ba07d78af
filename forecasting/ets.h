// SPDX-License-Identifier: GPL-3.0-or-later
// Exponential smoothing (SES, Holt, damped Holt, Holt-Winters additive and
// multiplicative) written as additive-error ETS state-space recursions
// (Hyndman et al. 2008, error-correction form).
//
// Parameters are reported in the classic Holt-Winters meaning (R's
// HoltWinters()): the recursions use beta* = alpha*beta and
// gamma* = (1-alpha)*gamma, so the box alpha, beta, gamma in (1e-4, 0.9999)
// always lands in the admissible region 0 < beta* < alpha, 0 < gamma* < 1-alpha.
//
// Estimation: smoothing parameters minimise the in-sample SSE (for additive
// Gaussian errors this is the maximum-likelihood estimate).
// Initial states:
//  - SES, Holt, damped Holt: the SSE-minimising l0 (and b0) for each
//    candidate set of smoothing parameters, in closed form (the fitted
//    values are linear in the initial state: a 1 x 1 or 2 x 2 least-squares
//    solve per evaluation, see profiledRun), as R's ets() estimates them;
//  - Holt-Winters (period m, needs n >= 2m) starts from a simple
//    decomposition: with mean1, mean2 the means of the first two seasons,
//    b0 = (mean2 - mean1)/m, l0 = mean1 - b0(m+1)/2, s_i = y[i] - (l0 +
//    (i+1) b0) (additive) or y[i] / (l0 + (i+1) b0) normalised to mean 1
//    (multiplicative). Additive: the parameters are searched from it, then
//    the SSE-minimising initial state (seasons summing to 0) replaces it, the
//    parameters are searched again, and the state solved again for them.
//    Multiplicative (not linear in its state): the decomposition start is
//    kept.
//
// ModelFit::state after a fit: [level, trend (0 without trend), seasons in
// the order of the next m periods]. ModelFit::params: alpha, then beta, phi,
// gamma when the model has them.
#pragma once

#include "forecasting/forecast.h"

#include <optional>

namespace reappro::forecasting {

enum class Trend { None, Additive, Damped };
enum class Season { None, Additive, Multiplicative };

struct EtsSpec {
    Trend trend = Trend::None;
    Season season = Season::None;
    int period = 1; // seasonal period m, used only with a season
};

// A set value is used as is; an empty one is estimated.
struct EtsParams {
    std::optional<double> alpha, beta, gamma, phi;
};

inline constexpr double kSmoothingMin = 1e-4;
inline constexpr double kSmoothingMax = 0.9999;
inline constexpr double kPhiMin = 0.8;
inline constexpr double kPhiMax = 0.98;

// Throws std::invalid_argument on invalid data (see validateSeries), on a
// seasonal model with fewer than two full seasons, on a multiplicative season
// with a zero in the history (seasonal indices would divide by it), and on
// fixed parameters outside their bounds.
ModelFit fitEts(std::span<const double> y, const EtsSpec &spec, const EtsParams &fixed = {});

ModelFit fitSes(std::span<const double> y, std::optional<double> alpha = {});
ModelFit fitHolt(std::span<const double> y, bool damped = false, const EtsParams &fixed = {});
// Theta method (Assimakopoulos & Nikolopoulos 2000, as SES with drift:
// Hyndman & Billah 2003): SES plus half the slope b of the least-squares line
// through the history, forecast l_n + b/2 (h - 1 + 1/alpha - (1-alpha)^n / alpha).
// params: alpha, drift (= b/2).
ModelFit fitTheta(std::span<const double> y);
ModelFit fitHoltWinters(std::span<const double> y, int period, Season season, bool damped = false, const EtsParams &fixed = {});

} // namespace reappro::forecasting
