// SPDX-License-Identifier: GPL-3.0-or-later
// Intermittent-demand models: Croston, SBA, TSB, ADIDA and IMAPA, the usual
// choices for hospital products consumed a few times a year.
//
// Conventions (close to statsforecast, so results can be cross-checked):
//  - sizes and intervals are smoothed on demand periods only; both start at
//    the first demand: size = that demand, interval = its period index + 1;
//  - one-step fitted values before the first demand use these initial
//    estimates (they look ahead, as an initial state does; they do not depend
//    on alpha, so they do not bias its choice);
//  - unless fixed, alphas minimise the in-sample SSE (= MSE x n) over
//    [kIntermittentAlphaMin, kIntermittentAlphaMax], the range of the
//    literature (Syntetos & Boylan 2005; statsforecast uses 0.1-0.3);
//  - an all-zero history forecasts 0.
//
// ModelFit::state: Croston/SBA [size, interval]; TSB [probability, size];
// ADIDA/IMAPA [per-period level]. ModelFit::params: the alpha(s); for ADIDA
// [aggregation level k, alpha]; for IMAPA the alpha of each level 1..K.
#pragma once

#include "forecasting/forecast.h"

#include <optional>

namespace reappro::forecasting {

inline constexpr double kIntermittentAlphaMin = 0.05;
inline constexpr double kIntermittentAlphaMax = 0.3;

// Fixed alphas must lie in (0, 1].
ModelFit fitCroston(std::span<const double> y, std::optional<double> alpha = {});
// Syntetos-Boylan approximation: Croston x (1 - alpha/2), which removes
// Croston's positive bias.
ModelFit fitSba(std::span<const double> y, std::optional<double> alpha = {});
// Teunter-Syntetos-Babai: smooths the probability of demand every period
// (alphaDemand), so an item that stops being used sees its forecast decay.
ModelFit fitTsb(std::span<const double> y, std::optional<double> alphaDemand = {}, std::optional<double> alphaSize = {});
// Aggregates the series into buckets of k = round(mean inter-demand interval)
// periods (from the end, dropping the oldest remainder), applies SES, and
// spreads the bucket forecast evenly over its k periods.
ModelFit fitAdida(std::span<const double> y, std::optional<double> alpha = {});
// Average of ADIDA forecasts at every aggregation level 1..K, K as in ADIDA.
ModelFit fitImapa(std::span<const double> y);

} // namespace reappro::forecasting
